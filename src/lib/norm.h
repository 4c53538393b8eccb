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

#endif
