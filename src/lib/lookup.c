/* Hash lookups and sspr_lookup(): what people paste -> catalogue entries.
 * The only file that includes the gperf output. */
#include "find.h"
#include "lex.h"
#include "match.h"
#include "norm.h"
#include "private.h"

#include <string.h>

/* gperf's output: each table names all of its symbols (see gen/emit_gperf.c). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored                                                                     \
    "-Wunused-parameter" /* a table whose keys share one length ignores len */
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
 * Each pass is one ordered source of candidates (sspr_by_code, sspr_by_hresult).
 * An entry is reported once, by the first pass that yields it; membership in
 * earlier passes is re-tested instead of remembered, so nothing is allocated
 * and the count stays exact however small cap is. */

typedef struct {
    const uint32_t *post; /* postings */
    uint32_t n;
    int want_mention;   /* 0 = entries that are the key, 1 = that mention it */
    unsigned source;    /* only entries of this source (0 = any) */
    int need_code;      /* only entries that are this code too */
    int mentioned_code; /* the source filter applies to the entry's mention of code */
    uint32_t code;
} pass;

typedef struct {
    pass passes[8];
    size_t npasses;
} plan;

/* Does entry e mention code (of source, 0 = any)? */
static int mentions_code(const struct sspr_entry *e, uint32_t code, unsigned source)
{
    for (uint32_t i = 0; i < e->mentions.n; i++) {
        const sspr__mention *m = &sspr__mentions[e->mentions.off + i];
        if (m->has_code && m->code == code && (!source || m->source == source))
            return 1;
    }
    return 0;
}

static int passes_filter(const pass *p, uint32_t entry)
{
    const struct sspr_entry *e = &sspr__entries[entry];
    if (p->source && p->mentioned_code)
        return mentions_code(e, p->code, p->source);
    if (p->source && e->source != p->source)
        return 0;
    if (p->need_code && e->code != (int64_t)p->code)
        return 0;
    return 1;
}

/* Does pass p yield entry? */
static int yields(const pass *p, uint32_t entry)
{
    if (!passes_filter(p, entry))
        return 0;
    for (uint32_t i = 0; i < p->n; i++)
        if (p->post[i] >> 1 == entry && (int)(p->post[i] & 1) == p->want_mention)
            return 1;
    return 0;
}

static size_t emit(const plan *pl, size_t pi, uint32_t entry, const sspr_entry **out, size_t cap,
                   size_t n)
{
    for (size_t q = 0; q < pi; q++)
        if (yields(&pl->passes[q], entry))
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
        for (uint32_t i = 0; i < p->n; i++)
            if ((int)(p->post[i] & 1) == p->want_mention && passes_filter(p, p->post[i] >> 1))
                n = emit(pl, pi, p->post[i] >> 1, out, cap, n);
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
    p->post = sspr__post + k->first;
    p->n = k->count;
    p->want_mention = want_mention;
    p->source = source;
    p->need_code = need_code;
    p->code = code;
    return 1;
}

/* Adds the passes for a code query, in their order of relevance. */
static void plan_codes(plan *pl, const sspr__code_query *q)
{
    const struct sspr__key *hk = q->has_hr ? sspr__find_hresult(q->hr) : NULL;
    const struct sspr__key *ck = q->has_code ? sspr__find_code(q->code) : NULL;
    if (q->has_hr && q->has_code) /* both given: entries that are both come first */
        add_post(pl, hk, 0, q->source, 1, q->code);
    add_post(pl, hk, 0, q->source, 0, 0);
    add_post(pl, ck, 0, q->source, 0, 0);
    if (add_post(pl, ck, 1, q->source, 0, q->code))
        pl->passes[pl->npasses - 1].mentioned_code = 1; /* "ADSync 32009": mentions of ADSync's */
    add_post(pl, hk, 1, 0, 0, 0);
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

/* ---- evidence: what a text says about the entries (match.h) ---------------- */

typedef struct {
    uint32_t only; /* the one entry asked about, or UINT32_MAX */
    sspr__evidence_fn fn;
    void *ctx;
} ev_sink;

static void ev_post(const ev_sink *k, uint32_t posting, unsigned ev, unsigned mention_ev)
{
    uint32_t entry = posting >> 1;
    if (k->only == UINT32_MAX || k->only == entry)
        k->fn(k->ctx, entry, (posting & 1) ? mention_ev : ev);
}

/* Every posting of key, as evidence ev (mention_ev for the mentions; 0: skip them). */
static void ev_key(const ev_sink *k, const struct sspr__key *key, unsigned ev, unsigned mention_ev)
{
    if (!key)
        return;
    for (uint32_t i = 0; i < key->count; i++) {
        uint32_t p = sspr__post[key->first + i];
        if (!(p & 1) || mention_ev)
            ev_post(k, p, ev, mention_ev);
    }
}

/* A whole-text code query ("ADSync 6329", "hr=800700CE"): what sspr_by_code and
 * sspr_by_hresult find, the source filtering the entries (or their mentions). */
static void ev_code_query(const ev_sink *k, const sspr__code_query *q)
{
    const struct sspr__key *ck = q->has_code ? sspr__find_code(q->code) : NULL;
    const struct sspr__key *hk = q->has_hr ? sspr__find_hresult(q->hr) : NULL;
    for (uint32_t i = 0; ck && i < ck->count; i++) {
        uint32_t p = sspr__post[ck->first + i];
        const struct sspr_entry *e = &sspr__entries[p >> 1];
        if (p & 1 ? mentions_code(e, q->code, q->source) : !q->source || e->source == q->source)
            ev_post(k, p, SSPR__EV_CODE, SSPR__EV_MENTION);
    }
    for (uint32_t i = 0; hk && i < hk->count; i++) {
        uint32_t p = sspr__post[hk->first + i];
        const struct sspr_entry *e = &sspr__entries[p >> 1];
        if (p & 1 || !q->source || e->source == q->source)
            ev_post(k, p, SSPR__EV_HR, SSPR__EV_MENTION);
        if (!(p & 1) && q->has_code && e->code == (int64_t)q->code &&
            (!q->source || e->source == q->source))
            ev_post(k, p, SSPR__EV_BOTH, 0);
    }
}

/* A code read from free text (lex.h). HRESULT forms, SSPR_NNNN and cued
 * numbers count as written; an uncued number only when it has four digits or
 * more and some event entry of PasswordResetService or ADSync is that code:
 * "32009 32010" are codes, "443", "2024" and "1.6.4.0" are not. A decimal
 * names SSPR's own codes only written SSPR_NNNN (or after "SSPR"). */
static void ev_text_code(const ev_sink *k, const sspr__text_code *c)
{
    const struct sspr__key *key =
        c->is_hr ? sspr__find_hresult(c->value) : sspr__find_code(c->value);
    if (!key)
        return;
    if (!c->is_hr && !c->cued) {
        int is_event = 0;
        for (uint32_t i = 0; i < key->count && !is_event; i++) {
            uint32_t p = sspr__post[key->first + i];
            is_event = !(p & 1) && sspr__entries[p >> 1].source != SSPR__SOURCE_SSPR;
        }
        if (c->digits < 4 || c->value < 1000 || !is_event)
            return;
    }
    for (uint32_t i = 0; i < key->count; i++) {
        uint32_t p = sspr__post[key->first + i];
        const struct sspr_entry *e = &sspr__entries[p >> 1];
        if (c->is_hr) {
            ev_post(k, p, SSPR__EV_HR, SSPR__EV_MENTION);
            continue;
        }
        int named = c->source
                        ? (p & 1 ? mentions_code(e, c->value, c->source) : e->source == c->source)
                        : (p & 1 ? mentions_code(e, c->value, 0) &&
                                       !mentions_code(e, c->value, SSPR__SOURCE_SSPR)
                                 : e->source != SSPR__SOURCE_SSPR);
        if (!named)
            continue;
        ev_post(k, p, SSPR__EV_CODE, SSPR__EV_MENTION);
    }
}

static int word_byte(int c)
{
    return sspr__cc_is(c, SSPR__CC_ALPHA | SSPR__CC_DIGIT) || c == '_';
}

/* The words of the text that are names or aliases ("33008 ADPasswordPolicyError"):
 * four bytes or more with a letter; not a code word or source name. */
static void ev_names(const ev_sink *k, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (!word_byte((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t a = i, letters = 0;
        for (; i < len && word_byte((unsigned char)s[i]); i++)
            letters += sspr__cc_is((unsigned char)s[i], SSPR__CC_ALPHA);
        char key[64];
        size_t n = i - a;
        if (n < 4 || n >= sizeof key || !letters || sspr__code_word(s + a, n))
            continue;
        for (size_t j = 0; j < n; j++)
            key[j] = (char)sspr__lower((unsigned char)s[a + j]);
        ev_key(k, sspr__find_name(key, n), SSPR__EV_NAMED, 0);
    }
}

static int msg_word(int c)
{
    return sspr__cc_is(c, SSPR__CC_ALPHA | SSPR__CC_DIGIT) || c >= 0x80;
}

/* Does needle (n bytes) occur in hay (hl bytes) on word boundaries? */
static int contains_words(const char *hay, size_t hl, const char *needle, size_t n)
{
    int first_word = msg_word((unsigned char)needle[0]);
    int last_word = msg_word((unsigned char)needle[n - 1]);
    for (const char *p = sspr__find(hay, hl, needle, n); p;
         p = sspr__find(p + 1, hl - (size_t)(p + 1 - hay), needle, n)) {
        int left = p == hay || !first_word || !msg_word((unsigned char)p[-1]);
        int right = p + n == hay + hl || !last_word || !msg_word((unsigned char)p[n]);
        if (left && right)
            return 1;
    }
    return 0;
}

/* The byte pairs of a text as a set of PAIR_BITS bits, each pair hashed to
 * one (a pair that hashes like another only costs a search that finds
 * nothing): small enough to clear for every text. */
enum { PAIR_BITS = 4096 };

static unsigned pair_bit(const char *p)
{
    uint32_t v = (uint32_t)(unsigned char)p[0] << 8 | (unsigned char)p[1];
    return (unsigned)((v * UINT32_C(2654435761)) >> 20) & (PAIR_BITS - 1);
}

/* Is the byte pair at p in the set? */
static int has_pair(const uint64_t *pairs, const char *p)
{
    unsigned b = pair_bit(p);
    return (int)(pairs[b >> 6] >> (b & 63) & 1);
}

/* The catalogue's messages in the folded text t[0..tlen): a message inside the
 * text (on word boundaries), the text inside a message (8 bytes or more: a
 * fragment), or, when the text was cut short (cut), its last SSPR__CUT_MIN
 * bytes or more from a word's start beginning a message. Distinctive ones
 * (sspr__distinctive, of the part the two share; a piece from inside a
 * message, which is no cut text's start, must reach a higher bar) are
 * SSPR__EV_MSG. */
static void ev_messages(const ev_sink *k, const char *t, size_t tlen, int cut)
{
    /* the text's byte pairs: a message whose first, last or one of three
       pairs between them the text lacks is not inside it, and sspr__find need
       not look */
    uint64_t pairs[PAIR_BITS / 64] = {0};
    for (size_t i = 0; i + 1 < tlen; i++) {
        unsigned b = pair_bit(t + i);
        pairs[b >> 6] |= UINT64_C(1) << (b & 63);
    }
    /* and its bytes: a message holds every byte of a text inside it, and the
       text every byte of a message inside it */
    const uint64_t tbytes = sspr__norm_byteset(t, tlen);
    for (size_t i = 0; i < sspr__msgkey_count; i++) {
        const sspr__msgkey *mk = &sspr__msgkeys[i];
        if (k->only != UINT32_MAX && mk->entry != k->only)
            continue;
        const char *m = sspr__pool + mk->key;
        size_t mlen = mk->len;
        const char *shared = NULL;
        size_t slen = 0;
        int part = 0; /* the text is only a piece from inside the message */
        if (mlen <= tlen) {
            if (mk->bytes & ~tbytes)
                continue;
            if (mlen >= 2 && !(has_pair(pairs, m) && has_pair(pairs, m + mlen / 2 - 1) &&
                               has_pair(pairs, m + mlen - 2) && has_pair(pairs, m + mlen / 4) &&
                               has_pair(pairs, m + 3 * mlen / 4 - 1)))
                continue;
            if (contains_words(t, tlen, m, mlen))
                shared = m, slen = mlen;
        } else if (tlen >= 8 && !(tbytes & ~mk->bytes) && sspr__find(m, mlen, t, tlen)) {
            shared = t, slen = tlen, part = memcmp(m, t, tlen) != 0 || !cut;
        } else if (cut) {
            for (size_t p = 0; p + SSPR__CUT_MIN <= tlen; p++) {
                if (p > 0 && (t[p - 1] != ' '))
                    continue;
                if (memcmp(m, t + p, tlen - p) == 0) {
                    shared = t + p, slen = tlen - p;
                    break;
                }
            }
        }
        if (shared)
            k->fn(k->ctx, mk->entry,
                  sspr__distinctive(shared, slen, part) ? SSPR__EV_MSG : SSPR__EV_MSG_LO);
    }
}

/* All the evidence, or (full = 0, for a whole-text code query) only the
 * whole text as an id, name or code query. */
static void evidence(const char *text, size_t len, uint32_t only, sspr__evidence_fn fn, void *ctx,
                     int full)
{
    ev_sink k = {only, fn, ctx};
    char norm[SSPR__MATCH_NORM_MAX];
    if (!text)
        return;
    /* the whole text as an id, a name or alias, a message */
    size_t n = sspr__norm_key(text, len, norm, 256);
    if (n != (size_t)-1 && n > 0) {
        ev_key(&k, sspr__find_id(norm, n), SSPR__EV_ID, 0);
        ev_key(&k, sspr__find_name(norm, n), SSPR__EV_NAME, 0);
    }
    /* codes: the whole text as a code query, else code by code */
    sspr__code_query q;
    if (len <= 256 && sspr__parse_code_query(text, len, &q)) {
        ev_code_query(&k, &q);
        if (!full)
            return;
    } else {
        sspr__code_reader r;
        sspr__text_code c;
        sspr__code_reader_init(&r, text, len);
        while (sspr__code_reader_next(&r, &c))
            ev_text_code(&k, &c);
    }
    ev_names(&k, text, len);
    /* messages */
    n = sspr__norm_text(text, len, norm, sizeof norm);
    size_t tlen = n == (size_t)-1 ? strlen(norm) : n;
    if (tlen == 0)
        return;
    if (n != (size_t)-1) {
        const struct sspr__key *mk = sspr__find_message(norm, n);
        if (mk)
            ev_key(&k, mk, sspr__distinctive(norm, n, 0) ? SSPR__EV_MSG : SSPR__EV_MSG_LO, 0);
    }
    ev_messages(&k, norm, tlen, n != (size_t)-1 && sspr__norm_cut(text, len));
}

void sspr__evidence(const char *text, size_t len, uint32_t only, sspr__evidence_fn fn, void *ctx)
{
    evidence(text, len, only, fn, ctx, 1);
}

/* ---- sspr_lookup --------------------------------------------------------------- */

/* How lookup ranks the evidence: a tier for the best kind an entry has (the
 * whole text is its id; its name; it writes the entry's code and HRESULT
 * both; its code, HRESULT or name; a distinctive message of it; a code it
 * mentions; another message of it), then the number of kinds, then the IDF of
 * the text's words it shares (so entries sharing a code are told apart by
 * the rest of the text), then the order the evidence was found in. A code
 * written in the text thus outranks any message match that is not that
 * code's, and a message that is not distinctive ranks below everything else. */
static int lookup_tier(unsigned ev)
{
    static const struct {
        unsigned ev;
        int tier;
    } tiers[] = {{SSPR__EV_ID, 8},   {SSPR__EV_NAME, 7},    {SSPR__EV_BOTH, 6},
                 {SSPR__EV_CODE, 5}, {SSPR__EV_HR, 5},      {SSPR__EV_NAMED, 5},
                 {SSPR__EV_MSG, 4},  {SSPR__EV_MENTION, 3}, {SSPR__EV_MSG_LO, 2}};
    for (size_t i = 0; i < sizeof tiers / sizeof *tiers; i++)
        if (ev & tiers[i].ev)
            return tiers[i].tier;
    return 0;
}

enum { LOOKUP_MAX = 512, LOOKUP_SLOTS = 1024 }; /* power of two, at most half full */

typedef struct {
    uint32_t entry;
    unsigned ev;
    float score;
} lookup_cand;

typedef struct {
    uint16_t at[LOOKUP_SLOTS]; /* candidate number + 1 */
    lookup_cand cand[LOOKUP_MAX];
    size_t n;
} lookup_table;

static void lookup_add(void *ctx, uint32_t entry, unsigned ev)
{
    lookup_table *t = ctx;
    uint32_t h = (entry * 2654435761u) & (LOOKUP_SLOTS - 1);
    while (t->at[h]) {
        lookup_cand *c = &t->cand[t->at[h] - 1];
        if (c->entry == entry) {
            c->ev |= ev;
            return;
        }
        h = (h + 1) & (LOOKUP_SLOTS - 1);
    }
    if (t->n >= LOOKUP_MAX)
        return;
    t->cand[t->n] = (lookup_cand){entry, ev, 0.0f};
    t->at[h] = (uint16_t)++t->n;
}

static int popcount(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* Stable: equal scores keep the order the evidence was found in. */
static void lookup_sort(lookup_cand *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        lookup_cand x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1].score < x.score; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Where sspr_lookup writes: entries, results, or neither. */
typedef struct {
    const sspr_entry **entries;
    sspr_result *results;
    size_t cap;
    const char *text;
    size_t len;
} lookup_out;

static void lookup_put(const lookup_out *o, size_t i, uint32_t entry, unsigned ev, double score)
{
    if (i >= o->cap)
        return;
    if (o->entries)
        o->entries[i] = &sspr__entries[entry];
    if (o->results) {
        o->results[i].entry = &sspr__entries[entry];
        o->results[i].score = score;
        o->results[i].confidence = sspr__confidence(ev, entry, o->text, o->len);
    }
}

/* All postings of one key, in their stored order (best first, no repeats),
 * as evidence ev (SSPR__EV_MENTION for mentions) of tier ev's. */
static size_t copy_postings(const struct sspr__key *k, unsigned ev, const lookup_out *o)
{
    if (!k)
        return 0;
    for (uint32_t i = 0; i < k->count && i < o->cap; i++) {
        uint32_t p = sspr__post[k->first + i];
        unsigned e = p & 1 ? SSPR__EV_MENTION : ev;
        lookup_put(o, i, p >> 1, e, lookup_tier(e) * 1000.0 - i);
    }
    return k->count;
}

static size_t lookup(const char *query, const lookup_out *o)
{
    if (!query)
        return 0;
    size_t len = strlen(query);
    sspr__code_query q;
    int is_code = len <= 256 && sspr__parse_code_query(query, len, &q);
    /* Fast path for the common queries: when exactly one table answers (a name,
     * an id, a message, or a code or HRESULT alone), its postings are already the
     * answer in order; the general path below gives the same result, slower. */
    char key[256], msg[256];
    size_t klen = (size_t)-1, mlen = (size_t)-1;
    const struct sspr__key *ik = NULL, *nk = NULL, *mk = NULL;
    if (!is_code || codelike(&q)) {
        klen = sspr__norm_key(query, len, key, sizeof key);
        if (klen != (size_t)-1 && sspr__norm_same(query, len))
            memcpy(msg, key, (mlen = klen) + 1);
        else
            mlen = sspr__norm_text(query, len, msg, sizeof msg);
        if (klen != (size_t)-1 && klen > 0) {
            ik = sspr__find_id(key, klen);
            nk = sspr__find_name(key, klen);
        }
        if (mlen != (size_t)-1 && mlen > 0)
            mk = sspr__find_message(msg, mlen);
    }
    int hits = (ik != NULL) + (nk != NULL) + (mk != NULL) + is_code;
    if (hits == 1 && (ik || nk))
        return copy_postings(ik ? ik : nk, ik ? SSPR__EV_ID : SSPR__EV_NAME, o);
    if (hits == 1 && mk)
        return copy_postings(mk, sspr__distinctive(msg, mlen, 0) ? SSPR__EV_MSG : SSPR__EV_MSG_LO,
                             o);
    if (hits == 1 && !q.source && q.has_code != q.has_hr)
        return copy_postings(q.has_code ? sspr__find_code(q.code) : sspr__find_hresult(q.hr),
                             q.has_code ? SSPR__EV_CODE : SSPR__EV_HR, o);
    if (hits == 0 && !is_code && len < 4)
        return 0;

    /* The general path: all the evidence, ranked. */
    lookup_table t;
    memset(t.at, 0, sizeof t.at);
    t.n = 0;
    /* a code query that also is a name ("hr=800700CE"): no message search,
       as nothing weaker than the exact matches would count */
    evidence(query, len, UINT32_MAX, lookup_add, &t, !is_code);
    size_t n = t.n;
    uint32_t entries[LOOKUP_MAX];
    float shared[LOOKUP_MAX];
    for (size_t i = 0; i < n; i++)
        entries[i] = t.cand[i].entry;
    /* the rest of the text: its words, when it is more than a code query */
    int rest_of_text = n > 1 && !is_code;
    if (rest_of_text)
        sspr__matched_idf(query, len, 1, entries, n, shared, NULL);
    for (size_t i = 0; i < n; i++) {
        float rest = rest_of_text ? shared[i] : 0.0f;
        t.cand[i].score = (float)lookup_tier(t.cand[i].ev) * 1000.0f +
                          (float)popcount(t.cand[i].ev) * 100.0f + (rest < 99.0f ? rest : 99.0f);
    }
    lookup_sort(t.cand, n);
    for (size_t i = 0; i < n && i < o->cap; i++)
        lookup_put(o, i, t.cand[i].entry, t.cand[i].ev, t.cand[i].score);
    return n;
}

size_t sspr_lookup(const char *query, const sspr_entry **out, size_t cap)
{
    lookup_out o = {out, NULL, out ? cap : 0, query, 0};
    return lookup(query, &o);
}

size_t sspr_lookup_results(const char *query, sspr_result *out, size_t cap)
{
    lookup_out o = {NULL, out, out ? cap : 0, query, query ? strlen(query) : 0};
    return lookup(query, &o);
}

/* ---- confidence ------------------------------------------------------------------ */

const char *sspr_confidence_name(sspr_confidence c)
{
    switch (c) {
    case SSPR_CONFIDENCE_LOW: return "low";
    case SSPR_CONFIDENCE_MEDIUM: return "medium";
    case SSPR_CONFIDENCE_HIGH: return "high";
    default: return NULL;
    }
}

sspr_confidence sspr__confidence_of_ev(unsigned ev)
{
    if (ev & SSPR__EV_STRONG)
        return SSPR_CONFIDENCE_HIGH;
    if (ev & (SSPR__EV_MSG_LO | SSPR__EV_MENTION))
        return SSPR_CONFIDENCE_MEDIUM;
    return SSPR_CONFIDENCE_NONE;
}

sspr_confidence sspr__confidence_of_words(float shared, float total, uint32_t matched)
{
    if (matched >= 2 && shared >= 0.5f * total)
        return SSPR_CONFIDENCE_MEDIUM;
    return matched ? SSPR_CONFIDENCE_LOW : SSPR_CONFIDENCE_NONE;
}

sspr_confidence sspr__confidence(unsigned ev, uint32_t entry, const char *text, size_t len)
{
    sspr_confidence c = sspr__confidence_of_ev(ev);
    if (c != SSPR_CONFIDENCE_NONE)
        return c;
    float shared;
    uint32_t matched;
    float total = sspr__matched_idf(text, len, 0, &entry, 1, &shared, &matched);
    return sspr__confidence_of_words(shared, total, matched);
}

static void ev_or(void *ctx, uint32_t entry, unsigned ev)
{
    (void)entry;
    *(unsigned *)ctx |= ev;
}

sspr_confidence sspr_confidence_of(const sspr_entry *e, const char *text, size_t len)
{
    unsigned ev = 0;
    if (!e || !text)
        return SSPR_CONFIDENCE_NONE;
    sspr__evidence(text, len, e->index, ev_or, &ev);
    return sspr__confidence(ev, e->index, text, len);
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
    plan_codes(&pl, &q);
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
    plan_codes(&pl, &q);
    return run(&pl, out, cap);
}
