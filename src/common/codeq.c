/* Reading a code query: "32009", "Event ID 6329 hr=8023061F", "ADSync 0x80230619",
 * "SSPR_0029". Compiled into the library (sspr_lookup) and into the generator,
 * which reads every text key of the catalogue with it: see codeq.h. */
#include "codeq.h"

#include "schema.h"

#include <string.h>

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = lower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static int word_eq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (lower((unsigned char)s[i]) != w[i])
            return 0;
    return i == n && w[i] == '\0';
}

/* The words of a code query other than numbers: source names (schema.def)
 * and fillers. */
enum { KW_NONE, KW_SOURCE, KW_FILLER, KW_HR };

static int keyword(const char *t, size_t n)
{
    if (sspr__source_of(t, n))
        return KW_SOURCE;
    static const struct {
        const char *word;
        unsigned char len, kind;
    } words[] = {
        {"id", 2, KW_FILLER},      {"hr", 2, KW_HR},          {"err", 3, KW_FILLER},
        {"code", 4, KW_FILLER},    {"event", 5, KW_FILLER},   {"error", 5, KW_FILLER},
        {"source", 6, KW_FILLER},  {"eventid", 7, KW_FILLER}, {"hresult", 7, KW_HR},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) /* by length first: one compare */
        if (words[i].len == n && word_eq(t, n, words[i].word))
            return words[i].kind;
    return KW_NONE;
}

unsigned sspr__source_of(const char *s, size_t n)
{
    return sspr__number_of(&sspr__sources, s, n, 1);
}

int sspr__code_word(const char *t, size_t n)
{
    return keyword(t, n) != KW_NONE;
}

static int parse_hex(const char *s, size_t n, uint32_t *out)
{
    uint32_t v = 0;
    if (n == 0 || n > 8)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int h = hexval((unsigned char)s[i]);
        if (h < 0)
            return 0;
        v = v << 4 | (uint32_t)h;
    }
    *out = v;
    return 1;
}

static int parse_dec(const char *s, size_t n, uint32_t *out)
{
    uint64_t v = 0;
    if (n == 0 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v > UINT32_MAX)
        return 0;
    *out = (uint32_t)v;
    return 1;
}

/* Token separators of a code query: white space and punctuation people put
 * between a source, the words "Event ID" and a number. */
static const unsigned char sep_table[256] = {
    [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1, [':'] = 1, [','] = 1, ['#'] = 1,
    ['='] = 1, [';'] = 1, ['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1, ['/'] = 1,
};

static int is_sep(int c)
{
    return sep_table[c & 0xFF];
}

/* Classifies one token; returns 0 when the token makes this no code query.
 * *hr is set when the token is "hr" or "hresult" (an HRESULT follows). */
static int take_token(const char *t, size_t n, int after_hr, sspr__code_query *q, int *hr)
{
    uint32_t v;
    int c0 = lower((unsigned char)t[0]);
    *hr = 0;
    if (c0 >= 'a' && c0 <= 'z' && !(n == 8 && parse_hex(t, n, &v))) {
        unsigned src = sspr__source_of(t, n);
        int k = src ? KW_SOURCE : keyword(t, n);
        if (src) {
            if (q->source && q->source != src)
                return 0;
            q->source = src;
            return 1;
        }
        if (k != KW_NONE) {
            *hr = k == KW_HR;
            return 1;
        }
    }
    /* SSPR_0029, SSPR0029: the reset page's own codes */
    if (n > 4 && c0 == 's' && word_eq(t, 4, "sspr")) {
        size_t skip = t[4] == '_' ? 5 : 4;
        if (q->has_code || !parse_dec(t + skip, n - skip, &v) || (q->source && q->source != SSPR__SOURCE_SSPR))
            return 0;
        q->source = SSPR__SOURCE_SSPR;
        q->has_code = 1;
        q->code = v;
        return 1;
    }
    if (n > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        if (q->has_hr || !parse_hex(t + 2, n - 2, &v))
            return 0;
        q->has_hr = 1;
        q->hr = v;
        return 1;
    }
    if (n > 1 && t[0] == '-') { /* signed decimal HRESULT, e.g. -2145188327 */
        if (q->has_hr || !parse_dec(t + 1, n - 1, &v) || v == 0 || v > 0x80000000u)
            return 0;
        q->has_hr = 1;
        q->hr = (uint32_t)(0u - v);
        return 1;
    }
    if (after_hr || (n == 8 && hexval((unsigned char)t[0]) >= 8 && parse_hex(t, n, &v))) {
        if (q->has_hr || !parse_hex(t, n, &v))
            return 0;
        q->has_hr = 1;
        q->hr = v;
        return 1;
    }
    if (parse_dec(t, n, &v)) {
        if (q->has_code)
            return 0;
        q->has_code = 1;
        q->code = v;
        return 1;
    }
    return 0;
}

int sspr__parse_code_query(const char *s, size_t len, sspr__code_query *q)
{
    memset(q, 0, sizeof *q);
    size_t d = 0;
    while (d < len && (unsigned)(s[d] - '0') > 9u)
        d++;
    if (d == len)
        return 0; /* every code query has a digit */
    int after_hr = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && is_sep((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < len && !is_sep((unsigned char)s[i]))
            i++;
        if (i == start)
            break;
        if (!take_token(s + start, i - start, after_hr, q, &after_hr))
            return 0;
    }
    return q->has_code || q->has_hr;
}
