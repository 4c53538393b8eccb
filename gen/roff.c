#include "roff.h"

#include "fileio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s; returns its length (1 for a stray byte,
 * whose value is then returned as is). */
static size_t utf8_next(const unsigned char *s, unsigned long *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    unsigned long v = n == 4 ? s[0] & 0x07u : n == 3 ? s[0] & 0x0Fu : s[0] & 0x1Fu;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = s[0];
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = n == 1 ? s[0] : v;
    return n;
}

/* The escape for a non-ASCII character: the classic names where groff and
 * mandoc agree, \[uXXXX] otherwise. */
static void put_char(FILE *f, unsigned long cp)
{
    switch (cp) {
    case 0x201C: fputs("\\(lq", f); return;
    case 0x201D: fputs("\\(rq", f); return;
    case 0x2018: fputs("\\(oq", f); return;
    case 0x2019: fputs("\\(cq", f); return;
    case 0x2013: fputs("\\(en", f); return;
    case 0x2014: fputs("\\(em", f); return;
    case 0x2022: fputs("\\(bu", f); return;
    default: fprintf(f, "\\[u%04lX]", cp); return;
    }
}

/* mode: 0 text line, 1 macro argument, 2 literal line (keeps spaces). */
static void escape(FILE *f, const char *s, size_t n, int mode)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    int start = 1;
    while (p < end) {
        unsigned long cp;
        size_t len = utf8_next(p, &cp);
        if (start && cp == '.')
            fputs("\\&", f);
        if (start && cp == ' ' && mode == 1)
            fputs("\\&", f);
        switch (cp) {
        case '\\': fputs("\\e", f); break;
        case '-': fputs("\\-", f); break;
        case '\'': fputs("\\(aq", f); break;
        case '`': fputs("\\(ga", f); break;
        case '^': fputs("\\(ha", f); break;
        case '~': fputs("\\(ti", f); break;
        case '"': fputs(mode == 1 ? "\\(dq" : "\"", f); break;
        case '\n':
        case '\r':
        case '\t': fputc(' ', f); break;
        default:
            if (cp < 0x20 || cp == 0x7F)
                fputc(' ', f);
            else if (cp < 0x80)
                fputc((int)cp, f);
            else
                put_char(f, cp);
        }
        start = 0;
        p += len;
    }
}

void roff_text(FILE *f, const char *s)
{
    escape(f, s, strlen(s), 0);
}

void roff_arg(FILE *f, const char *s)
{
    escape(f, s, strlen(s), 1);
}

void roff_literal_line(FILE *f, const char *s, size_t n)
{
    escape(f, s, n, 2);
}

int doc_date(char out[11])
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde) {
        memcpy(out, DOC_DEFAULT_DATE, 11);
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(sde, &end, 10);
    if (errno || *end || sde[0] < '0' || sde[0] > '9' || v > 253402300799ull) {
        fprintf(stderr, "error: SOURCE_DATE_EPOCH '%s' is not a number of seconds\n", sde);
        return -1;
    }
    /* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm): no
     * gmtime_r, which strict C11 does not declare. */
    long long z = (long long)(v / 86400) + 719468;
    long long era = z / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int day = (int)(doy - (153 * mp + 2) / 5 + 1);
    int month = (int)(mp < 10 ? mp + 3 : mp - 9);
    int year = (int)(yoe + era * 400 + (month <= 2));
    char tmp[48]; /* year <= 9999 by the range check above */
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
    memcpy(out, tmp, 10);
    out[10] = '\0';
    return 0;
}

static void put_substituted(FILE *out, const char *line, const char *const *subst)
{
    const char *p = line;
    while (*p) {
        int done = 0;
        if (*p == '@' && subst) {
            for (size_t i = 0; subst[i] && subst[i + 1]; i += 2) {
                size_t k = strlen(subst[i]);
                if (strncmp(p + 1, subst[i], k) == 0 && p[1 + k] == '@') {
                    fputs(subst[i + 1], out);
                    p += k + 2;
                    done = 1;
                    break;
                }
            }
        }
        if (!done)
            fputc(*p++, out);
    }
}

int roff_template(FILE *out, const char *template_path, int (*fill)(FILE *, const char *, void *),
                  void *ctx, const char *const *subst)
{
    char *text = gen_read_file(template_path, NULL);
    if (!text) {
        fprintf(stderr, "%s: error: cannot read: %s\n", template_path, strerror(errno));
        return -1;
    }
    int lineno = 0, bad = 0;
    for (char *line = text; *line;) {
        lineno++;
        char *nl = strchr(line, '\n');
        char *next = nl ? nl + 1 : line + strlen(line);
        char saved = *next;
        *next = '\0'; /* the line, with its newline */
        size_t n = (size_t)(next - line);
        if (n > 2 && line[0] == '@' && line[n - 1] == '\n' && line[n - 2] == '@') {
            line[n - 2] = '\0';
            if (fill(out, line + 1, ctx) != 0) {
                fprintf(stderr, "%s:%d:1: error: unknown or failed placeholder '@%s@'\n",
                        template_path, lineno, line + 1);
                bad = 1;
            }
        } else {
            put_substituted(out, line, subst);
        }
        *next = saved;
        line = next;
    }
    free(text);
    return bad ? -1 : 0;
}

int roff_page(const char *prog, const char *out, const char *template_path, const char *version,
              int (*fill)(FILE *, const char *, void *), void *ctx)
{
    char date[11];
    if (doc_date(date) != 0)
        return -1;
    FILE *f = gen_create(out);
    if (!f) {
        fprintf(stderr, "%s: error: cannot write: %s\n", out, strerror(errno));
        return -1;
    }
    const char *subst[] = {"DATE", date, "VERSION", version, NULL};
    int ok = roff_template(f, template_path, fill, ctx, subst) == 0;
    if (gen_commit(f, out, ok) != 0) {
        fprintf(stderr, "%s: %s not written\n", prog, out);
        return -1;
    }
    return 0;
}
