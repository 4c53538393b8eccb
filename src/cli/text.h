/* The CLI's small helpers: ASCII case folding as the library folds it
 * (sspr__lower, src/common/lex.h), a copy cut to a buffer, and an array that
 * grows by doubling. */
#ifndef SSPR_CLI_TEXT_H
#define SSPR_CLI_TEXT_H

#include <stddef.h>

/* a and b are equal but for ASCII case. */
int cli_same(const char *a, const char *b);
/* word stands in s, any ASCII case ("" stands in any s). */
int cli_contains(const char *s, const char *word);
/* src (NULL: "") into dst[size], NUL-terminated; a longer text is cut at the
 * start of a UTF-8 character, never inside one. */
void cli_copy(char *dst, size_t size, const char *src);

/* Room for need elements of size bytes in *v, whose capacity is *cap: when
 * *cap is smaller, the capacity doubles (from first) until it holds need and
 * *v is reallocated. 1, or 0 when out of memory (then *v and *cap are as
 * they were). */
int cli_reserve(void **v, size_t *cap, size_t need, size_t size, size_t first);

#endif
