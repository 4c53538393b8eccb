/* The CLI's small text helpers: ASCII case folding as the library folds it
 * (sspr__lower, src/common/lex.h) and a copy cut to a buffer. */
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

#endif
