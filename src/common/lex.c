/* The lexer (see lex.h): character classes, numbers, typographic characters
 * and the code-query grammar, shared by the generator and the library. */
#include "lex.h"

#include "schema.h"

#include <string.h>

/* ---- character classes ---- */

#define SP SSPR__CC_SPACE | SSPR__CC_SEP
#define DG SSPR__CC_DIGIT | SSPR__CC_HEX
#define HX SSPR__CC_ALPHA | SSPR__CC_HEX
#define AL SSPR__CC_ALPHA
#define SE SSPR__CC_SEP
#define DC SSPR__CC_DECOR
const unsigned char sspr__cc[256] = {
    ['\t'] = SP, ['\n'] = SP, ['\v'] = SP, ['\f'] = SP, ['\r'] = SP, [' '] = SP, ['0'] = DG,
    ['1'] = DG,  ['2'] = DG,  ['3'] = DG,  ['4'] = DG,  ['5'] = DG,  ['6'] = DG, ['7'] = DG,
    ['8'] = DG,  ['9'] = DG,  ['a'] = HX,  ['b'] = HX,  ['c'] = HX,  ['d'] = HX, ['e'] = HX,
    ['f'] = HX,  ['A'] = HX,  ['B'] = HX,  ['C'] = HX,  ['D'] = HX,  ['E'] = HX, ['F'] = HX,
    ['g'] = AL,  ['h'] = AL,  ['i'] = AL,  ['j'] = AL,  ['k'] = AL,  ['l'] = AL, ['m'] = AL,
    ['n'] = AL,  ['o'] = AL,  ['p'] = AL,  ['q'] = AL,  ['r'] = AL,  ['s'] = AL, ['t'] = AL,
    ['u'] = AL,  ['v'] = AL,  ['w'] = AL,  ['x'] = AL,  ['y'] = AL,  ['z'] = AL, ['G'] = AL,
    ['H'] = AL,  ['I'] = AL,  ['J'] = AL,  ['K'] = AL,  ['L'] = AL,  ['M'] = AL, ['N'] = AL,
    ['O'] = AL,  ['P'] = AL,  ['Q'] = AL,  ['R'] = AL,  ['S'] = AL,  ['T'] = AL, ['U'] = AL,
    ['V'] = AL,  ['W'] = AL,  ['X'] = AL,  ['Y'] = AL,  ['Z'] = AL,  [':'] = SE, [','] = SE,
    ['#'] = SE,  ['='] = SE,  [';'] = SE,  ['('] = SE,  [')'] = SE,  ['['] = SE, [']'] = SE,
    ['/'] = SE,  ['*'] = DC,  ['_'] = DC,  ['`'] = DC,
};
#undef SP
#undef DG
#undef HX
#undef AL
#undef SE
#undef DC

int sspr__hexval(int c)
{
    if (!sspr__cc_is(c, SSPR__CC_HEX))
        return -1;
    return c <= '9' ? c - '0' : sspr__lower(c) - 'a' + 10;
}

int sspr__dec32(const char *s, size_t n, uint32_t *out)
{
    uint64_t v = 0;
    if (n == 0 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!sspr__cc_is((unsigned char)s[i], SSPR__CC_DIGIT))
            return 0;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v > UINT32_MAX)
        return 0;
    *out = (uint32_t)v;
    return 1;
}

int sspr__hex32(const char *s, size_t n, uint32_t *out)
{
    uint32_t v = 0;
    if (n == 0 || n > 8)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int h = sspr__hexval((unsigned char)s[i]);
        if (h < 0)
            return 0;
        v = v << 4 | (uint32_t)h;
    }
    *out = v;
    return 1;
}

/* ---- typographic characters ---- */

static const struct {
    unsigned char len, b[3];
    signed char cls;
} typos[] = {
    {2, {0xC2, 0xA0, 0}, SSPR__TY_SPACE},     {3, {0xE2, 0x80, 0x98}, SSPR__TY_QUOTE},
    {3, {0xE2, 0x80, 0x99}, SSPR__TY_QUOTE},  {3, {0xE2, 0x80, 0x9C}, SSPR__TY_DQUOTE},
    {3, {0xE2, 0x80, 0x9D}, SSPR__TY_DQUOTE}, {3, {0xE2, 0x80, 0x90}, SSPR__TY_DASH},
    {3, {0xE2, 0x80, 0x91}, SSPR__TY_DASH},   {3, {0xE2, 0x80, 0x93}, SSPR__TY_DASH},
    {3, {0xE2, 0x80, 0x94}, SSPR__TY_DASH},   {3, {0xE2, 0x80, 0xA6}, SSPR__TY_ELLIPSIS},
};

int sspr__typo_at(const unsigned char *p, size_t n, size_t *len)
{
    if (n == 0 || (p[0] != 0xC2 && p[0] != 0xE2)) /* every entry begins so: most bytes stop here */
        return SSPR__TY_NONE;
    int partial = 0;
    for (size_t i = 0; i < sizeof typos / sizeof *typos; i++) {
        size_t k = typos[i].len < n ? typos[i].len : n;
        if (memcmp(p, typos[i].b, k) != 0)
            continue;
        if (k == typos[i].len) {
            *len = k;
            return typos[i].cls;
        }
        partial = 1;
    }
    return partial ? SSPR__TY_PARTIAL : SSPR__TY_NONE;
}

int sspr__typo_ending(const unsigned char *p, size_t n, size_t *len)
{
    if (n == 0 || (p[n - 1] != 0xA0 && (p[n - 1] < 0x90 || p[n - 1] > 0xA6)))
        return SSPR__TY_NONE;
    for (size_t i = 0; i < sizeof typos / sizeof *typos; i++) {
        size_t k = typos[i].len;
        if (k <= n && memcmp(p + n - k, typos[i].b, k) == 0) {
            *len = k;
            return typos[i].cls;
        }
    }
    return SSPR__TY_NONE;
}

/* ---- the code-query grammar ---- */

static int word_eq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (sspr__lower((unsigned char)s[i]) != w[i])
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
        {"id", 2, KW_FILLER},     {"hr", 2, KW_HR},          {"err", 3, KW_FILLER},
        {"code", 4, KW_FILLER},   {"event", 5, KW_FILLER},   {"error", 5, KW_FILLER},
        {"source", 6, KW_FILLER}, {"eventid", 7, KW_FILLER}, {"hresult", 7, KW_HR},
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

int sspr__read_hresult(const char *t, size_t n, int after_hr, uint32_t *out)
{
    uint32_t v;
    if (n > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
        return sspr__hex32(t + 2, n - 2, out);
    if (n > 1 && t[0] == '-') { /* signed decimal, e.g. -2145188327 */
        if (!sspr__dec32(t + 1, n - 1, &v) || v == 0 || v > 0x80000000u)
            return 0;
        *out = (uint32_t)(0u - v);
        return 1;
    }
    if (!after_hr && !(n == 8 && sspr__hexval((unsigned char)t[0]) >= 8))
        return 0;
    return sspr__hex32(t, n, out);
}

static int is_sep(int c)
{
    return sspr__cc_is(c, SSPR__CC_SEP);
}

/* Classifies one token; returns 0 when the token makes this no code query.
 * *hr is set when the token is "hr" or "hresult" (an HRESULT follows). */
static int take_token(const char *t, size_t n, int after_hr, sspr__code_query *q, int *hr)
{
    uint32_t v;
    int c0 = sspr__lower((unsigned char)t[0]);
    *hr = 0;
    if (c0 >= 'a' && c0 <= 'z' && !(n == 8 && sspr__hex32(t, n, &v))) {
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
        if (q->has_code || !sspr__dec32(t + skip, n - skip, &v) ||
            (q->source && q->source != SSPR__SOURCE_SSPR))
            return 0;
        q->source = SSPR__SOURCE_SSPR;
        q->has_code = 1;
        q->code = v;
        return 1;
    }
    int hr_form = (n > 2 && t[0] == '0' && (t[1] | 0x20) == 'x') || (n > 1 && t[0] == '-') ||
                  after_hr ||
                  (n == 8 && sspr__hexval((unsigned char)t[0]) >= 8 && sspr__hex32(t, n, &v));
    if (hr_form) {
        if (q->has_hr || !sspr__read_hresult(t, n, after_hr, &v))
            return 0;
        q->has_hr = 1;
        q->hr = v;
        return 1;
    }
    if (sspr__dec32(t, n, &v)) {
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
    /* every code query has a digit, or an HRESULT of eight hex letters
       ("FFFFFFFF"): most text is neither, and is turned away in one pass */
    size_t d = 0, run = 0;
    for (; d < len; d++) {
        int c = (unsigned char)s[d];
        if (sspr__cc_is(c, SSPR__CC_DIGIT) || (run == 8 && !sspr__cc_is(c, SSPR__CC_HEX)))
            break;
        run = sspr__cc_is(c, SSPR__CC_HEX) ? run + 1 : 0;
    }
    if (d == len && run != 8)
        return 0;
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

/* ---- codes in free text ---- */

static int word_char(int c)
{
    return sspr__cc_is(c, SSPR__CC_ALPHA | SSPR__CC_DIGIT) || c == '_';
}

/* Separators a cue may stand across: white space, the code-query separators,
 * Markdown's '*' and quotes. */
static int cue_gap(int c)
{
    return sspr__cc_is(c, SSPR__CC_SEP) || c == '*' || c == '"' || c == '\'' || c == '`' ||
           c == '-' || c == '.' || c == '>' || c == '|';
}

/* Is the token s[a..b) written apart from its neighbours (lex.h)? */
static int stands_alone(const char *s, size_t len, size_t a, size_t b)
{
    int before = a > 0 ? (unsigned char)s[a - 1] : ' ';
    int before2 = a > 1 ? (unsigned char)s[a - 2] : ' ';
    int after = b < len ? (unsigned char)s[b] : ' ';
    int after2 = b + 1 < len ? (unsigned char)s[b + 1] : ' ';
    static const char glue[] = "/\\%$@+_";
    if (word_char(before) || word_char(after) || (before && strchr(glue, before)) ||
        (after && strchr(glue, after)))
        return 0;
    if (before == '-' || ((before == '.' || before == ':' || before == ',') && word_char(before2)))
        return 0;
    if ((after == '.' || after == ':' || after == ',' || after == '-') && word_char(after2))
        return 0;
    return 1;
}

void sspr__code_reader_init(sspr__code_reader *r, const char *s, size_t len)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    r->len = len;
}

/* The source name the next word token spells, skipping separators, or 0. */
static unsigned source_after(const char *s, size_t len, size_t i)
{
    while (i < len && cue_gap((unsigned char)s[i]))
        i++;
    size_t a = i;
    while (i < len && word_char((unsigned char)s[i]))
        i++;
    return i > a ? sspr__source_of(s + a, i - a) : 0;
}

int sspr__code_reader_next(sspr__code_reader *r, sspr__text_code *out)
{
    const char *s = r->s;
    size_t len = r->len;
    while (r->i < len) {
        size_t a = r->i;
        int c = (unsigned char)s[a];
        if (!word_char(c)) {
            if (!cue_gap(c)) /* other punctuation ends a run of code words */
                r->cue = r->after_hr = r->conflict = 0, r->source = 0;
            r->i++;
            continue;
        }
        size_t b = a;
        while (b < len && word_char((unsigned char)s[b]))
            b++;
        r->i = b;
        const char *t = s + a;
        size_t n = b - a;
        int cue = r->cue, after_hr = r->after_hr, conflict = r->conflict;
        unsigned source = r->source;
        r->cue = r->after_hr = r->conflict = 0;
        r->source = 0;
        uint32_t v;
        if (sspr__cc_is(c, SSPR__CC_ALPHA) && !(n == 8 && sspr__hex32(t, n, &v)) &&
            !(n > 2 && c == '0')) {
            int k = keyword(t, n);
            if (k != KW_NONE) { /* a code word: the run goes on */
                unsigned src = k == KW_SOURCE ? sspr__source_of(t, n) : source;
                r->conflict = (cue && r->conflict) || (source && src != source);
                r->cue = 1;
                r->after_hr = k == KW_HR;
                r->source = src;
                continue;
            }
            if (n > 4 && word_eq(t, 4, "sspr")) { /* SSPR_0029, SSPR0029 */
                size_t skip = t[4] == '_' ? 5 : 4;
                if (sspr__dec32(t + skip, n - skip, &v) && n - skip <= 4) {
                    out->source = SSPR__SOURCE_SSPR;
                    out->is_hr = 0;
                    out->cued = 1;
                    out->value = v;
                    out->digits = n - skip;
                    return 1;
                }
            }
            continue;
        }
        if (conflict || !stands_alone(s, len, a, b)) /* "ADSync PasswordResetService 32009" */
            continue;
        int hex_form = (n > 2 && t[0] == '0' && (t[1] | 0x20) == 'x') ||
                       (n == 8 && sspr__hexval((unsigned char)t[0]) >= 8 && sspr__hex32(t, n, &v));
        if ((hex_form || after_hr) && sspr__read_hresult(t, n, after_hr, &v)) {
            out->source = 0;
            out->is_hr = 1;
            out->cued = 1;
            out->value = v;
            out->digits = 0;
            return 1;
        }
        if (!sspr__dec32(t, n, &v))
            continue;
        unsigned next = source_after(s, len, b);
        out->source = source ? source : next;
        out->is_hr = 0;
        out->cued = cue || next != 0;
        out->value = v;
        out->digits = n;
        return 1;
    }
    return 0;
}
