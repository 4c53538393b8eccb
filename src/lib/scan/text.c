/* Small text helpers of the export forms: words, ids, providers. */
#include "scan.h"

#include <stdio.h>

/* Does p[0..n) begin with the ASCII word w, in any case? */
int sspr__scan_at(const unsigned char *p, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= n || sspr__lower(p[i]) != sspr__lower((unsigned char)w[i]))
            return 0;
    return 1;
}

/* Is p[0..n), white space trimmed, exactly the word w (any case)? */
int sspr__scan_is(const unsigned char *p, size_t n, const char *w)
{
    n = sspr__scan_trim(&p, n);
    return n == strlen(w) && sspr__scan_at(p, n, w);
}

/* The source a provider name stands for: one of the schema's sources that
 * write event logs (every source but the reset page's SSPR), or foreign. */
uint8_t sspr__scan_source(const unsigned char *p, size_t n)
{
    n = sspr__scan_trim(&p, n);
    unsigned s = sspr__source_of((const char *)p, n);
    return s && s != SSPR__SOURCE_SSPR ? (uint8_t)s : SRC_FOREIGN;
}

/* A decimal event id in p[0..n) (white space around allowed), or 0. */
int sspr__scan_id(const unsigned char *p, size_t n, uint32_t *id)
{
    n = sspr__scan_trim(&p, n);
    return sspr__dec32((const char *)p, n, id);
}

/* Is p[0..n) white space only? */
int sspr__scan_blank(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!sspr__cc_is(p[i], SSPR__CC_SPACE))
            return 0;
    return 1;
}

/* First occurrence of the ASCII string w (exact case) in p[0..n), or NULL. */
const unsigned char *sspr__scan_find(const unsigned char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (const unsigned char *e = p + n; (size_t)(e - p) >= k;) {
        const unsigned char *q = memchr(p, (unsigned char)w[0], (size_t)(e - p) - k + 1);
        if (!q)
            return NULL;
        if (memcmp(q, w, k) == 0)
            return q;
        p = q + 1;
    }
    return NULL;
}

/* Moves *p past leading white space and returns the length without the
 * white space at either end. */
size_t sspr__scan_trim(const unsigned char **p, size_t n)
{
    while (n && sspr__cc_is(**p, SSPR__CC_SPACE)) {
        (*p)++;
        n--;
    }
    while (n && sspr__cc_is((*p)[n - 1], SSPR__CC_SPACE))
        n--;
    return n;
}

/* The levels, as records name them: English and German Event Viewer words,
 * PowerShell's EntryType names, and the XML's numbers. */
static const struct {
    const char *word;
    uint8_t level;
} levels[] = {
    {"critical", 1},
    {"kritisch", 1},
    {"1", 1},
    {"error", 2},
    {"fehler", 2},
    {"erreur", 2},
    {"2", 2},
    {"warning", 3},
    {"warnung", 3},
    {"avertissement", 3},
    {"3", 3},
    {"information", 4},
    {"informationen", 4},
    {"informational", 4},
    {"4", 4},
    {"0", 4},
    {"verbose", 5},
    {"ausführlich", 5},
    {"5", 5},
    {"audit success", 6},
    {"successaudit", 6},
    {"überwachung erfolgreich", 6},
    {"audit failure", 7},
    {"failureaudit", 7},
    {"überwachung gescheitert", 7},
};

const char *const sspr__scan_level_names[] = {
    NULL,          "critical", "error",         "warning",
    "information", "verbose",  "audit-success", "audit-failure"};

/* The level p[0..n) names (1 critical ... 7 audit-failure), or 0. */
uint8_t sspr__scan_level(const unsigned char *p, size_t n)
{
    n = sspr__scan_trim(&p, n);
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
        if (strlen(levels[i].word) == n && sspr__scan_at(p, n, levels[i].word))
            return levels[i].level;
    return 0;
}

/* Up to max digits at p[*i..n) as a number; *i moves past them. */
static int digits(const unsigned char *p, size_t n, size_t *i, size_t max, unsigned *v)
{
    size_t k = 0;
    *v = 0;
    while (*i < n && k < max && p[*i] >= '0' && p[*i] <= '9') {
        *v = *v * 10 + (unsigned)(p[*i] - '0');
        (*i)++;
        k++;
    }
    return k > 0;
}

/* A time p[0..n) as ISO 8601 into out (at least 40 bytes); its length, or 0
 * when it is no time this knows. Read: ISO 8601 as is ("2026-12-01T10:04:31.5Z",
 * also with a space for the T); "5/12/2023 7:34:38 AM" (month first, as
 * English Windows writes it; day first when the first number is over 12);
 * "20.07.2010 00:00:01" (day first); "2024/05/14 9:00:00" (year first). Seconds and the 12-hour
 * clock optional. A Z is kept where the input has it: other times are local. */
size_t sspr__scan_time(const unsigned char *p, size_t n, char *out)
{
    n = sspr__scan_trim(&p, n);
    unsigned y, mo, d, h = 0, mi = 0, sec = 0;
    size_t i = 0;
    if (n >= 10 && p[4] == '-' && p[7] == '-') { /* ISO already */
        size_t k = 0;
        while (k < n && k < 39 && !sspr__cc_is(p[k], SSPR__CC_SPACE) && p[k] != '\'' &&
               p[k] != '"' && p[k] != '<' && p[k] != ',') {
            out[k] = (char)p[k];
            k++;
        }
        if (k == 10 && k + 9 <= n && p[10] == ' ' && p[13] == ':') { /* "2026-12-01 10:04:31" */
            out[10] = 'T';
            for (k = 11;
                 k < n && k < 39 &&
                 (sspr__cc_is(p[k], SSPR__CC_DIGIT) || p[k] == ':' || p[k] == '.' || p[k] == 'Z');
                 k++)
                out[k] = (char)p[k];
        }
        out[k] = '\0';
        return k >= 10 ? k : 0;
    }
    unsigned a, b, c;
    if (!digits(p, n, &i, 4, &a) || i >= n || (p[i] != '/' && p[i] != '.'))
        return 0;
    size_t alen = i;
    int dot = p[i++] == '.';
    if (!digits(p, n, &i, 2, &b) || i >= n || p[i] != (dot ? '.' : '/'))
        return 0;
    i++;
    if (!digits(p, n, &i, 4, &c))
        return 0;
    if (alen == 4) { /* "2024/05/14": year first (Japanese Windows) */
        y = a;
        mo = b;
        d = c;
    } else {
        y = c < 100 ? c + 2000 : c;
        if (dot || a > 12) {
            d = a;
            mo = b;
        } else {
            mo = a;
            d = b;
        }
    }
    if (i < n && p[i] == ',') /* "5/14/2024, 6:20:20.378 PM" (Log Analytics) */
        i++;
    while (i < n && p[i] == ' ')
        i++;
    size_t frac = 0, frac_n = 0;
    if (i < n && digits(p, n, &i, 2, &h) && i < n && p[i] == ':') {
        i++;
        digits(p, n, &i, 2, &mi);
        if (i < n && p[i] == ':') {
            i++;
            digits(p, n, &i, 2, &sec);
            if (i + 1 < n && p[i] == '.' && sspr__cc_is(p[i + 1], SSPR__CC_DIGIT)) {
                frac = ++i;
                while (i < n && frac_n < 7 && sspr__cc_is(p[i], SSPR__CC_DIGIT)) {
                    i++;
                    frac_n++;
                }
                while (i < n && sspr__cc_is(p[i], SSPR__CC_DIGIT))
                    i++;
            }
        }
        while (i < n && p[i] == ' ')
            i++;
        if (i + 1 < n && (p[i + 1] | 0x20) == 'm' &&
            ((p[i] | 0x20) == 'p' || (p[i] | 0x20) == 'a')) {
            int pm = (p[i] | 0x20) == 'p';
            if (h == 12)
                h = 0;
            if (pm)
                h += 12;
        }
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return 0;
    const unsigned v[] = {y / 100, y % 100, mo, d, h, mi, sec};
    static const char sep[] = "\0-\0-\0T\0:\0:\0";
    size_t o = 0;
    for (size_t k = 0; k < 7; k++) { /* "%04u-%02u-%02uT%02u:%02u:%02u", without printf */
        out[o++] = (char)('0' + v[k] / 10 % 10);
        out[o++] = (char)('0' + v[k] % 10);
        if (k && sep[2 * k - 1])
            out[o++] = sep[2 * k - 1];
    }
    if (frac_n) {
        out[o++] = '.';
        for (size_t k = 0; k < frac_n; k++)
            out[o++] = (char)p[frac + k];
    }
    out[o] = '\0';
    return o;
}
