/* Hash lookups and sspr_lookup(): what people paste -> catalogue entries.
 * The only file that includes the gperf output. */
#include "norm.h"
#include "private.h"

#include <string.h>

/* gperf's output: each table names all of its symbols (see gen/emit_gperf.c). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-parameter" /* a table whose keys share one length ignores len */
#endif
#include "ids.inc"
#include "names.inc"
#include "messages.inc"
#include "codes.inc"
#include "hresults.inc"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

const struct sspr__key *sspr__find_id(const char *key, size_t len)
{
    return sspr__ids_find(key, len);
}

const struct sspr__key *sspr__find_name(const char *key, size_t len)
{
    return sspr__names_find(key, len);
}

const struct sspr__key *sspr__find_message(const char *key, size_t len)
{
    return sspr__messages_find(key, len);
}

const struct sspr__key *sspr__find_code(const char *key, size_t len)
{
    return sspr__codes_find(key, len);
}

const struct sspr__key *sspr__find_hresult(const char *key, size_t len)
{
    return sspr__hresults_find(key, len);
}

/* ---- small parsing helpers ---- */

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

/* Source number (1..3) for a source name in any case, or 0. */
static unsigned source_of(const char *s, size_t n)
{
    if (word_eq(s, n, "passwordresetservice"))
        return 1;
    if (word_eq(s, n, "adsync"))
        return 2;
    if (word_eq(s, n, "sspr"))
        return 3;
    return 0;
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

/* What a code query asks for. */
typedef struct {
    unsigned source; /* 0 = any */
    int has_code, has_hr;
    uint32_t code, hr;
} code_query;

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

/* Classifies one token; returns 0 when the token makes this no code query. */
static int take_token(const char *t, size_t n, int after_hr, code_query *q)
{
    static const char *const filler[] = {"event", "id", "eventid", "source", "code", "error",
                                         "err", "hresult", "hr"};
    uint32_t v;
    int c0 = lower((unsigned char)t[0]);
    if (c0 >= 'a' && c0 <= 'z' && !(n == 8 && parse_hex(t, n, &v))) {
        unsigned src = source_of(t, n);
        if (src) {
            if (q->source && q->source != src)
                return 0;
            q->source = src;
            return 1;
        }
        for (size_t i = 0; i < sizeof filler / sizeof *filler; i++)
            if (word_eq(t, n, filler[i]))
                return 1;
    }
    /* SSPR_0029, SSPR0029: the reset page's own codes */
    if (n > 4 && word_eq(t, 4, "sspr")) {
        size_t skip = t[4] == '_' ? 5 : 4;
        if (q->has_code || !parse_dec(t + skip, n - skip, &v) || (q->source && q->source != 3))
            return 0;
        q->source = 3;
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

static int parse_code_query(const char *s, size_t len, code_query *q)
{
    memset(q, 0, sizeof *q);
    if (!memchr(s, '0', len) && strcspn(s, "123456789") == len)
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
        if (!take_token(s + start, i - start, after_hr, q))
            return 0;
        after_hr = word_eq(s + start, i - start, "hr") || word_eq(s + start, i - start, "hresult");
    }
    return q->has_code || q->has_hr;
}

/* ---- collecting results in passes ----
 * Each pass is one ordered source of candidates. An entry is reported once, by
 * the first pass that yields it; membership in earlier passes is re-tested
 * instead of remembered, so nothing is allocated and the count stays exact
 * however small cap is. */

enum { PASS_POST, PASS_SUBSTRING };

typedef struct {
    int type;
    const uint32_t *post; /* PASS_POST: postings */
    uint32_t n;
    int want_mention;     /* PASS_POST: 0 = entries that are the key, 1 = that mention it */
    unsigned source;      /* only entries of this source (0 = any) */
    int need_code;        /* only entries that are this code too */
    int mentioned_code;   /* the source filter applies to the entry's mention of code */
    uint32_t code;
} pass;

typedef struct {
    pass passes[12];
    size_t npasses;
    const char *norm; /* PASS_SUBSTRING: the normalised query */
    size_t norm_len;
} plan;

static int substring_match(const char *norm, size_t nlen, uint32_t key)
{
    const char *msg = sspr__pool + key;
    size_t mlen = strlen(msg);
    if (mlen <= nlen)
        return mlen >= 8 && strstr(norm, msg) != NULL;
    return nlen >= 8 && strstr(msg, norm) != NULL;
}

static int passes_filter(const pass *p, uint32_t entry)
{
    const struct sspr_entry *e = &sspr__entries[entry];
    if (p->source && p->mentioned_code) {
        for (uint32_t i = 0; i < e->mentions.n; i++) {
            const sspr__mention *m = &sspr__mentions[e->mentions.off + i];
            if (m->has_code && m->code == p->code && m->source == p->source)
                return 1;
        }
        return 0;
    }
    if (p->source && e->source != p->source)
        return 0;
    if (p->need_code && !(e->has_code && e->code == p->code))
        return 0;
    return 1;
}

/* Does pass p yield entry? */
static int yields(const plan *pl, const pass *p, uint32_t entry)
{
    if (!passes_filter(p, entry))
        return 0;
    if (p->type == PASS_POST) {
        for (uint32_t i = 0; i < p->n; i++)
            if (p->post[i] >> 1 == entry && (int)(p->post[i] & 1) == p->want_mention)
                return 1;
        return 0;
    }
    for (size_t i = 0; i < sspr__msgkey_count; i++)
        if (sspr__msgkeys[i].entry == entry &&
            substring_match(pl->norm, pl->norm_len, sspr__msgkeys[i].key))
            return 1;
    return 0;
}

static size_t emit(const plan *pl, size_t pi, uint32_t entry, const sspr_entry **out, size_t cap,
                   size_t n)
{
    for (size_t q = 0; q < pi; q++)
        if (yields(pl, &pl->passes[q], entry))
            return n;
    if (n < cap && out)
        out[n] = &sspr__entries[entry];
    return n + 1;
}

static size_t run(const plan *pl, const sspr_entry **out, size_t cap)
{
    size_t n = 0;
    for (size_t pi = 0; pi < pl->npasses; pi++) {
        const pass *p = &pl->passes[pi];
        if (p->type == PASS_POST) {
            for (uint32_t i = 0; i < p->n; i++)
                if ((int)(p->post[i] & 1) == p->want_mention && passes_filter(p, p->post[i] >> 1))
                    n = emit(pl, pi, p->post[i] >> 1, out, cap, n);
            continue;
        }
        uint32_t last = UINT32_MAX; /* msgkeys are in entry order: skip repeats */
        for (size_t i = 0; i < sspr__msgkey_count; i++) {
            uint32_t entry = sspr__msgkeys[i].entry;
            if (entry == last || !passes_filter(p, entry) ||
                !substring_match(pl->norm, pl->norm_len, sspr__msgkeys[i].key))
                continue;
            last = entry;
            n = emit(pl, pi, entry, out, cap, n);
        }
    }
    return n;
}

/* Appends a pass over the postings of k; returns 1 when one was added. */
static int add_post(plan *pl, const struct sspr__key *k, int want_mention, unsigned source,
                    int need_code, uint32_t code)
{
    if (!k || k->count == 0 || pl->npasses >= sizeof pl->passes / sizeof *pl->passes)
        return 0;
    pass *p = &pl->passes[pl->npasses++];
    memset(p, 0, sizeof *p);
    p->type = PASS_POST;
    p->post = sspr__post + k->first;
    p->n = k->count;
    p->want_mention = want_mention;
    p->source = source;
    p->need_code = need_code;
    p->code = code;
    return 1;
}

static const struct sspr__key *code_key(uint32_t code)
{
    char key[10];
    size_t n = sizeof key;
    do {
        key[--n] = (char)('0' + code % 10);
        code /= 10;
    } while (code);
    return sspr__find_code(key + n, sizeof key - n);
}

static const struct sspr__key *hresult_key(uint32_t hr)
{
    static const char hex[] = "0123456789ABCDEF";
    char key[8];
    for (int i = 7; i >= 0; i--, hr >>= 4)
        key[i] = hex[hr & 15];
    return sspr__find_hresult(key, 8);
}

/* Adds the passes for a code query, in their order of relevance; an exact
 * message match (mk, may be NULL) ranks after the entries that are the code and
 * before those that only mention it. */
static void plan_codes(plan *pl, const code_query *q, const struct sspr__key *mk)
{
    const struct sspr__key *hk = q->has_hr ? hresult_key(q->hr) : NULL;
    const struct sspr__key *ck = q->has_code ? code_key(q->code) : NULL;
    if (q->has_hr && q->has_code) /* both given: entries that are both come first */
        add_post(pl, hk, 0, q->source, 1, q->code);
    add_post(pl, hk, 0, q->source, 0, 0);
    add_post(pl, ck, 0, q->source, 0, 0);
    add_post(pl, mk, 0, 0, 0, 0);
    if (add_post(pl, ck, 1, q->source, 0, q->code))
        pl->passes[pl->npasses - 1].mentioned_code = 1; /* "ADSync 32009": mentions of ADSync's */
    add_post(pl, hk, 1, 0, 0, 0);
}

/* All postings of one key, in their stored order (best first, no repeats). */
static size_t copy_postings(const struct sspr__key *k, const sspr_entry **out, size_t cap)
{
    if (!k)
        return 0;
    for (uint32_t i = 0; i < k->count && i < cap && out; i++)
        out[i] = &sspr__entries[sspr__post[k->first + i] >> 1];
    return k->count;
}

size_t sspr_lookup(const char *query, const sspr_entry **out, size_t cap)
{
    if (!query)
        return 0;
    size_t len = strlen(query);
    char norm[2048]; /* longer pasted text is matched by code only */
    size_t nlen = sspr__norm_key(query, len, norm, sizeof norm);
    int has_key = nlen != (size_t)-1 && nlen > 0;
    const struct sspr__key *ik = has_key ? sspr__find_id(norm, nlen) : NULL;
    const struct sspr__key *nk = has_key ? sspr__find_name(norm, nlen) : NULL;
    const struct sspr__key *mk = has_key ? sspr__find_message(norm, nlen) : NULL;
    code_query q;
    int is_code = len <= 256 && parse_code_query(query, len, &q);

    /* Fast path for the common queries: when exactly one table answers (a name,
     * an id, a message, or a code or HRESULT alone), its postings are already the
     * answer in order; the general plan below gives the same result, slower. */
    int hits = (ik != NULL) + (nk != NULL) + (mk != NULL) + is_code;
    if (hits == 0 && (!has_key || nlen < 8))
        return 0; /* too short for a message inside a longer text */
    if (hits == 1 && !is_code)
        return copy_postings(ik ? ik : nk ? nk : mk, out, cap);
    if (hits == 1 && !q.source && q.has_code != q.has_hr)
        return copy_postings(q.has_code ? code_key(q.code) : hresult_key(q.hr), out, cap);

    plan pl;
    pl.npasses = 0;
    pl.norm = norm;
    pl.norm_len = has_key ? nlen : 0;
    add_post(&pl, ik, 0, 0, 0, 0);
    add_post(&pl, nk, 0, 0, 0, 0);
    if (is_code)
        plan_codes(&pl, &q, mk);
    else
        add_post(&pl, mk, 0, 0, 0, 0);
    /* the weakest evidence: only when nothing matched exactly */
    if (has_key && nlen >= 8 && pl.npasses == 0) {
        pass *p = &pl.passes[pl.npasses++];
        memset(p, 0, sizeof *p);
        p->type = PASS_SUBSTRING;
    }
    return run(&pl, out, cap);
}

const sspr_entry *sspr_by_id(const char *id)
{
    char key[128];
    if (!id)
        return NULL;
    size_t n = sspr__norm_key(id, strlen(id), key, sizeof key);
    if (n == (size_t)-1 || n == 0)
        return NULL;
    const struct sspr__key *k = sspr__find_id(key, n);
    return (k && k->count) ? &sspr__entries[sspr__post[k->first] >> 1] : NULL;
}

const sspr_entry *sspr_by_name(const char *name)
{
    char key[1024];
    if (!name)
        return NULL;
    size_t n = sspr__norm_key(name, strlen(name), key, sizeof key);
    if (n == (size_t)-1 || n == 0)
        return NULL;
    const struct sspr__key *k = sspr__find_name(key, n);
    return (k && k->count) ? &sspr__entries[sspr__post[k->first] >> 1] : NULL;
}

size_t sspr_by_code(const char *source, uint32_t code, const sspr_entry **out, size_t cap)
{
    code_query q;
    memset(&q, 0, sizeof q);
    if (source) {
        q.source = source_of(source, strlen(source));
        if (!q.source)
            return 0;
    }
    q.has_code = 1;
    q.code = code;
    plan pl;
    pl.npasses = 0;
    plan_codes(&pl, &q, NULL);
    return run(&pl, out, cap);
}

size_t sspr_by_hresult(uint32_t hresult, const sspr_entry **out, size_t cap)
{
    code_query q;
    memset(&q, 0, sizeof q);
    q.has_hr = 1;
    q.hr = hresult;
    plan pl;
    pl.npasses = 0;
    plan_codes(&pl, &q, NULL);
    return run(&pl, out, cap);
}
