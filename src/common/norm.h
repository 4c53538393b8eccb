/* Key normalisation shared by the generator (which builds the hash tables) and
 * the library (which probes them): both sides must fold text identically, so
 * there is exactly one implementation, compiled into both. Private to the project. */
#ifndef SSPR_NORM_H
#define SSPR_NORM_H

#include <stddef.h>

/* Writes the lookup key of text[0..len) into out (cap bytes, NUL included):
 *  - ASCII letters lowercased;
 *  - runs of white space (ASCII, and U+00A0) become one space; the ends are trimmed;
 *  - typographic quotes, apostrophes and dashes become their ASCII forms;
 *  - quotes around the whole text, and trailing '.', "..." or an ellipsis, are dropped,
 *    so "Error getting auth token" and Error getting auth token. are the same key.
 * Returns the key's length, or (size_t)-1 when it does not fit in cap. */
size_t sspr__norm_key(const char *text, size_t len, char *out, size_t cap);

/* Which of `shards` gperf tables holds a key (FNV-1a of its bytes). Large
 * tables are split so that gperf, whose run time grows about with the square of
 * the key count, only ever sees small ones; the generator places each key with
 * this function and the generated dispatcher finds it with the same one. */
static inline unsigned sspr__shard_of(const char *key, size_t len, unsigned shards)
{
    unsigned long h = 2166136261UL;
    if (shards <= 1)
        return 0;
    for (size_t i = 0; i < len; i++)
        h = ((h ^ (unsigned char)key[i]) * 16777619UL) & 0xFFFFFFFFUL;
    return (unsigned)(h % shards);
}

#endif
