/* Key normalisation shared by the generator (which builds the hash tables) and
 * the library (which probes them): both sides must fold text identically, so
 * there is exactly one implementation, compiled into both. Private to the project. */
#ifndef SSPR_NORM_H
#define SSPR_NORM_H

#include <stddef.h>
#include <stdint.h>

/* Writes the lookup key of text[0..len) into out (cap bytes, NUL included):
 *  - ASCII letters lowercased;
 *  - runs of white space (ASCII, and U+00A0) become one space; the ends are trimmed;
 *  - typographic quotes, apostrophes and dashes become their ASCII forms;
 *  - quotes around the whole text, and trailing '.', "..." or an ellipsis, are dropped,
 *    so "Error getting auth token" and Error getting auth token. are the same key.
 * Returns the key's length, or (size_t)-1 when it does not fit in cap. */
size_t sspr__norm_key(const char *text, size_t len, char *out, size_t cap);

/* Writes the message key of text[0..len) into out (cap bytes, NUL included):
 * what a catalogue message and the same message in a document, a log or a
 * paste have in common. The generator keys the catalogue's messages with it and
 * the library folds queries, tickets and records with it (lookup, search, the
 * scanner, sspr_confidence_of). One pass, linear in len, no allocation. Folds:
 *  - ASCII letters lowercased;
 *  - runs of white space (ASCII, line breaks, U+00A0) become one space; the
 *    ends are trimmed;
 *  - quotes vanish: '"', '`', U+201C, U+201D, and ' or U+2018, U+2019 except
 *    as an apostrophe inside a word (a letter on each side);
 *  - contractions become one long form: n't -> " not" (doesn't -> does not,
 *    isn't -> is not, couldn't -> could not), can't and "can not" -> cannot,
 *    won't -> will not, 're -> " are", 've -> " have", 'll -> " will", I'm ->
 *    i am, it's/that's/there's/here's/what's/who's/where's/how's -> "... is",
 *    let's -> let us; any other apostrophe inside a word is dropped ("user's"
 *    -> users);
 *  - typographic dashes become '-', the ellipsis "...";
 *  - after a number written 0x..., a run of white space, '-', ':' and
 *    typographic dashes becomes one space ("0x80230619 – A", "0x80230619: A"
 *    -> "0x80230619 a");
 *  - trailing periods ('.', "...", an ellipsis) and spaces are dropped;
 *  - every other byte stays as it is.
 * Returns the key's length. When it does not fit, out holds the key of as much
 * of the text as fits (NUL-terminated) and the result is (size_t)-1. */
size_t sspr__norm_text(const char *text, size_t len, char *out, size_t cap);

/* text, as sspr__norm_text writes it, with its contractible pairs of words
 * contracted ("the server does not contain" -> "the server doesn't contain"),
 * into out (cap bytes): how a log may print it. Returns the length, 0 when
 * nothing was contracted, or (size_t)-1 when it does not fit. */
size_t sspr__norm_contracted(const char *text, char *out, size_t cap);

/* 1 when sspr__norm_text and sspr__norm_key fold text[0..len) alike (no
 * quote, apostrophe, non-ASCII byte, "0x" or "can " in it): a caller that has
 * one key needs no second pass. */
int sspr__norm_same(const char *text, size_t len);

/* 1 when text[0..len) ends, before white space and closing quotes, with "..."
 * or an ellipsis: a message cut short, which matches the messages that start
 * with it (SSPR__CUT_MIN folded bytes at least). */
int sspr__norm_cut(const char *text, size_t len);
#define SSPR__CUT_MIN 24

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

/* The bytes a folded text (sspr__norm_text) holds, as a set of 64 classes:
 * the 26 letters and 10 digits one each, every other byte one of the other 28.
 * A text inside another has a subset of its bytes: lookup and search skip the
 * messages whose set does not hold a text's before looking for it there (the
 * generator stores each message key's set, sspr__msgkey.bytes). */
static inline uint64_t sspr__norm_byteset(const char *s, size_t n)
{
    uint64_t set = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        unsigned bit = c >= 'a' && c <= 'z'   ? c - 'a'
                       : c >= '0' && c <= '9' ? 26 + c - '0'
                                              : 36 + c % 28;
        set |= UINT64_C(1) << bit;
    }
    return set;
}

#endif
