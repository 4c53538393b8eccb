/* Hash lookups and sspr_lookup(): what people paste -> catalogue entries.
 * The only file that includes the gperf output. */
#include "lex.h"
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

static const struct sspr__key *find_num(const struct sspr__num_key *t, unsigned bits, uint32_t v)
{
    uint32_t mask = (1u << bits) - 1u, h = (v * 2654435761u) >> (32u - bits);
    for (; t[h].key.count; h = (h + 1) & mask)
        if (t[h].value == v)
            return &t[h].key;
    return NULL;
}

const struct sspr__key *sspr__find_code(uint32_t code)
{
    return find_num(sspr__code_slots, sspr__code_slot_bits, code);
}

const struct sspr__key *sspr__find_hresult(uint32_t hresult)
{
    return find_num(sspr__hresult_slots, sspr__hresult_slot_bits, hresult);
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
    if (p->need_code && e->code != (int64_t)p->code)
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

/* Adds the passes for a code query, in their order of relevance; an exact
 * message match (mk, may be NULL) ranks after the entries that are the code and
 * before those that only mention it. */
static void plan_codes(plan *pl, const sspr__code_query *q, const struct sspr__key *mk)
{
    const struct sspr__key *hk = q->has_hr ? sspr__find_hresult(q->hr) : NULL;
    const struct sspr__key *ck = q->has_code ? sspr__find_code(q->code) : NULL;
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

/* Can a text key (id, name, message) equal a query that reads as code query q?
 * Only if the key reads as the same code query (see sspr__codelike). */
static int codelike(const sspr__code_query *q)
{
    if (!(sspr__codelike_mask >> sspr__code_query_bit(q) & 1u))
        return 0;
    for (size_t i = 0; i < sspr__codelike_count; i++) {
        const sspr__code_query *k = &sspr__codelike[i];
        if (k->code == q->code && k->hr == q->hr && k->source == q->source &&
            k->has_code == q->has_code && k->has_hr == q->has_hr)
            return 1;
    }
    return 0;
}

size_t sspr_lookup(const char *query, const sspr_entry **out, size_t cap)
{
    if (!query)
        return 0;
    size_t len = strlen(query);
    sspr__code_query q;
    int is_code = len <= 256 && sspr__parse_code_query(query, len, &q);
    /* The text tables, unless the query is a code query no text key reads as. */
    char norm[2048]; /* longer pasted text is matched by code only */
    size_t nlen = (size_t)-1;
    const struct sspr__key *ik = NULL, *nk = NULL, *mk = NULL;
    if (!is_code || codelike(&q)) {
        nlen = sspr__norm_key(query, len, norm, sizeof norm);
        if (nlen != (size_t)-1 && nlen > 0) {
            ik = sspr__find_id(norm, nlen);
            nk = sspr__find_name(norm, nlen);
            mk = sspr__find_message(norm, nlen);
        }
    }

    /* Fast path for the common queries: when exactly one table answers (a name,
     * an id, a message, or a code or HRESULT alone), its postings are already the
     * answer in order; the general plan below gives the same result, slower. */
    int hits = (ik != NULL) + (nk != NULL) + (mk != NULL) + is_code;
    if (hits == 0 && (nlen == (size_t)-1 || nlen < 8))
        return 0; /* too short for a message inside a longer text */
    if (hits == 1 && !is_code)
        return copy_postings(ik ? ik : nk ? nk : mk, out, cap);
    if (hits == 1 && !q.source && q.has_code != q.has_hr)
        return copy_postings(q.has_code ? sspr__find_code(q.code) : sspr__find_hresult(q.hr),
                             out, cap);

    plan pl;
    pl.npasses = 0;
    add_post(&pl, ik, 0, 0, 0, 0);
    add_post(&pl, nk, 0, 0, 0, 0);
    if (is_code)
        plan_codes(&pl, &q, mk);
    else
        add_post(&pl, mk, 0, 0, 0, 0);
    /* the weakest evidence, only when nothing matched exactly: a message that
       contains the text (normalised now if the text tables were skipped) */
    if (pl.npasses == 0 && nlen == (size_t)-1)
        nlen = sspr__norm_key(query, len, norm, sizeof norm);
    int has_key = nlen != (size_t)-1 && nlen > 0;
    pl.norm = norm;
    pl.norm_len = has_key ? nlen : 0;
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
    sspr__code_query q;
    memset(&q, 0, sizeof q);
    if (source) {
        q.source = sspr__source_of(source, strlen(source));
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
    sspr__code_query q;
    memset(&q, 0, sizeof q);
    q.has_hr = 1;
    q.hr = hresult;
    plan pl;
    pl.npasses = 0;
    plan_codes(&pl, &q, NULL);
    return run(&pl, out, cap);
}
