#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t error_count;
static int quiet_mode;

void gen_reset(int quiet)
{
    error_count = 0;
    quiet_mode = quiet;
}

static void report(const char *kind, const char *file, int line, int column, const char *fmt,
                   va_list ap)
{
    if (quiet_mode)
        return;
    if (line > 0 && column > 0)
        fprintf(stderr, "%s:%d:%d: %s: ", file, line, column, kind);
    else if (line > 0)
        fprintf(stderr, "%s:%d: %s: ", file, line, kind);
    else
        fprintf(stderr, "%s: %s: ", file, kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void gen_error(const char *file, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("error", file, line, column, fmt, ap);
    va_end(ap);
    error_count++;
}

void gen_note(const char *file, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("note", file, line, column, fmt, ap);
    va_end(ap);
}

size_t gen_error_count(void)
{
    return error_count;
}

static void out_of_memory(void)
{
    fputs("sspr-gen: out of memory\n", stderr);
    exit(EXIT_FAILURE);
}

void *gen_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *gen_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory();
    return q;
}

char *gen_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(gen_xmalloc(n), s, n);
}
