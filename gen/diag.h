/* Compiler-style diagnostics for the catalogue generator.
 * Every problem is reported as "file:line:column: error: message"; the generator
 * collects all of them and fails at the end, so one run shows every mistake. */
#ifndef SSPR_GEN_DIAG_H
#define SSPR_GEN_DIAG_H

#include <stddef.h>

#if defined(__GNUC__)
#define GEN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define GEN_PRINTF(a, b)
#endif

/* Reports an error at file:line:column (line or column 0 means unknown). */
void gen_error(const char *file, int line, int column, const char *fmt, ...) GEN_PRINTF(4, 5);
/* Reports a note attached to the previous error (e.g. "first defined here"). */
void gen_note(const char *file, int line, int column, const char *fmt, ...) GEN_PRINTF(4, 5);
size_t gen_error_count(void);
/* For harnesses that load many catalogues in one process: forget the count, and
 * optionally stop printing. */
void gen_reset(int quiet);

/* Allocation that never returns NULL: the generator is a build tool and exits on OOM. */
void *gen_xmalloc(size_t n);
void *gen_xrealloc(void *p, size_t n);
char *gen_xstrdup(const char *s);

#endif
