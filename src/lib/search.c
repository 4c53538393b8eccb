/* sspr_search(): BM25 ranking over the generated term dictionary and postings.
 * The only file that includes them (search-terms.inc from gperf, sspr-search.inc
 * from gen/emit_search.c). Nothing is indexed and nothing allocated at run time:
 * the candidates live in a fixed table on the stack. */
#include "match.h"
#include "norm.h"
#include "private.h"
#include "search_layout.h"
#include "stem.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
#include "search-terms.inc"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#include "sspr-search.inc"

/* BM25 parameters: term-frequency saturation and length normalisation. */
#define SEARCH_K1 1.2f
#define SEARCH_B 0.75f

/* Score tiers (documented in sspr-errors.h). BM25 stays below SEARCH_PHRASE:
 * each of at most SSPR_SEARCH_MAX_TERMS terms adds less than idf * (k1 + 1),
 * under 30 for any catalogue of fewer than 10^6 entries. */
#define SEARCH_BM25_CAP 999.0f
/* What a term pair's BM25 contribution counts for, against a term of the same
 * IDF: measured on tests/search/queries.tsv, 0.5 to 1 rank alike and 2 starts
 * to let a common pair outweigh a rare word. */
#define SEARCH_PAIR_WEIGHT 1.0f
/* What the words of an audit entry (an Entra audit log string) count for,
 * against an event's or a symptom's: a ticket that describes a symptom in the
 * words the log's reasons also use ("verification email", "security info")
 * asks for the symptom. A text that quotes the string itself still ranks it by
 * its evidence tier. Measured on tests/search/queries.tsv and tests/real with
 * the 38 audit entries of catalogue 1.3: at 1.0 they take the first place of
 * four quality-set queries and one real ticket, at 0.7 of one query; at 0.5
 * none is above the answer of any query or case. */
#define SEARCH_AUDIT_WEIGHT 0.5f
/* How much better the words must fit a related entry than the coded one for
 * it to share the coded entry's tier (search_related): by half again, so that
 * a few words that both share ("event 33004 and access denied") leave the
 * event first. */
#define SEARCH_RELATED_MARGIN 1.5f
#define SEARCH_PHRASE 1000.0f
#define SEARCH_NAMED 2000.0f
#define SEARCH_EXACT 4000.0f
/* A message is distinctive (match.h) when it has four words or more and its
 * terms' IDFs add up to this much. Measured on the catalogue's messages:
 * "Password Reset" (0.3, two words), "contact your administrator" (4.5, three
 * words), "we could not verify your account" (4.2) and "directory is not
 * enabled for password reset" (4.1) are not; "object could not be found"
 * (5.5), "error getting auth token" (6.8) and every message of an event with
 * a code or an HRESULT in it are. */
#define SSPR__DISTINCT_IDF 5.0f

enum {
    SEARCH_SLOTS = 2 * SSPR_SEARCH_MAX_CANDIDATES, /* power of two, at most half full */
    SEARCH_EXACT_MAX = 64,                         /* sspr_lookup() answers considered */
};

typedef struct {
    uint32_t entry1; /* entry index + 1; 0 = empty */
    float score;
    unsigned ev; /* the evidence the text holds for it (match.h) */
    int related; /* search_related() lifts it to the tier of a coded entry */
} search_slot;

/* The candidates, dense in cand[0..n), found through an open-addressing index
 * (only the index needs clearing for each search). */
typedef struct {
    uint16_t at[SEARCH_SLOTS]; /* candidate number + 1; 0 = empty */
    search_slot cand[SSPR_SEARCH_MAX_CANDIDATES];
    size_t n;
} search_table;

/* A query term or term pair: its postings span and IDF, and its first
 * occurrence in the query (ties between equal IDFs). */
typedef struct {
    uint32_t first, count;
    float idf;
    unsigned order;
} search_qterm;

/* What the query holds: its distinct terms and pairs, rarest first. */
typedef struct {
    search_qterm term[SSPR_SEARCH_MAX_TERMS], pair[SSPR_SEARCH_MAX_TERMS];
    size_t nterms, npairs;
} search_query;

/* ---- candidates --------------------------------------------------------- */

/* The slot of entry; a new one when add is set and there is room; else NULL. */
static search_slot *search_slot_of(search_table *t, uint32_t entry, int add)
{
    uint32_t h = (entry * 2654435761u) & (SEARCH_SLOTS - 1);
    while (t->at[h]) {
        search_slot *s = &t->cand[t->at[h] - 1];
        if (s->entry1 == entry + 1)
            return s;
        h = (h + 1) & (SEARCH_SLOTS - 1);
    }
    if (!add || t->n >= SSPR_SEARCH_MAX_CANDIDATES)
        return NULL;
    search_slot *s = &t->cand[t->n++];
    t->at[h] = (uint16_t)t->n;
    s->entry1 = entry + 1;
    s->score = 0.0f;
    s->ev = 0;
    s->related = 0;
    return s;
}

/* ---- query terms -------------------------------------------------------- */

static int search_rarer(const search_qterm *a, const search_qterm *b)
{
    if (a->idf != b->idf)
        return a->idf > b->idf;
    return a->order < b->order;
}

/* Adds x to the set v (n of them) unless it is there (same postings) already;
 * once SSPR_SEARCH_MAX_TERMS are held, x replaces the commonest when rarer. */
static void search_keep(search_qterm *v, size_t *n, search_qterm x)
{
    for (size_t i = 0; i < *n; i++)
        if (v[i].first == x.first && v[i].count == x.count)
            return;
    if (*n < SSPR_SEARCH_MAX_TERMS) {
        v[(*n)++] = x;
        return;
    }
    size_t worst = 0;
    for (size_t i = 1; i < *n; i++)
        if (search_rarer(&v[worst], &v[i]))
            worst = i;
    if (search_rarer(&x, &v[worst]))
        v[worst] = x;
}

static void search_sort(search_qterm *v, size_t n)
{
    for (size_t i = 1; i < n; i++) { /* insertion sort: at most 32 */
        search_qterm x = v[i];
        size_t j = i;
        for (; j > 0 && search_rarer(&x, &v[j - 1]); j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* The pair of terms a then b in the index, as a query term; 0 when absent. */
static int search_pair(uint32_t a, uint32_t b, unsigned order, search_qterm *out)
{
    size_t lo = sspr__search_pair_start[a], hi = sspr__search_pair_start[a + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sspr__search_pair_b[mid] == b) {
            uint32_t first = sspr__search_pair_first[mid];
            uint32_t count = (uint32_t)sspr__search_pair_first[mid + 1] - first;
            search_qterm x = {first, count, sspr__search_pair_idf[count], order};
            *out = x;
            return count != 0;
        }
        if (sspr__search_pair_b[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Adds every term's BM25 contribution, times weight, from postings post;
 * rarest terms first, so that when the candidate table is full the entries
 * already held are those with rare terms. */
static void search_accumulate(search_table *tab, const search_qterm *q, size_t nq,
                              const uint32_t *post, float weight)
{
    for (size_t i = 0; i < nq; i++) {
        float idf = q[i].idf * weight;
        const uint32_t *p = post + q[i].first;
        for (uint32_t k = 0; k < q[i].count; k++) {
            uint32_t e = SSPR__POST_ENTRY(p[k]);
            search_slot *s = search_slot_of(tab, e, 1);
            if (!s)
                continue;
            float tf = SSPR__POST_TF(p[k]);
            float norm =
                SEARCH_K1 * (1.0f - SEARCH_B + SEARCH_B * sspr__search_dl[e] / sspr__search_avgdl);
            s->score += idf * tf * (SEARCH_K1 + 1.0f) / (tf + norm);
        }
    }
}

/* ---- the exact paths ------------------------------------------------------ */

/* 1 for a token that sspr_lookup() reads as a code or an HRESULT on its own,
 * 2 for one of its filler words or source names, 0 otherwise (lex.h). */
static int search_code_token(const char *t, size_t n)
{
    sspr__code_query q;
    if (sspr__code_word(t, n))
        return 2;
    return sspr__parse_code_query(t, n, &q);
}

/* Is text nothing but a code query ("event 32009", "ADSync:6329 0x80230619")? */
static int search_codeish(const char *text)
{
    size_t len = strlen(text), i = 0;
    int numbers = 0;
    if (len > 256)
        return 0;
    while (i < len) {
        while (i < len && sspr__cc_is((unsigned char)text[i], SSPR__CC_SEP))
            i++;
        size_t n = 0;
        while (i + n < len && !sspr__cc_is((unsigned char)text[i + n], SSPR__CC_SEP))
            n++;
        if (n == 0)
            break;
        int k = search_code_token(text + i, n);
        if (k == 0)
            return 0;
        numbers += k == 1;
        i += n;
    }
    return numbers > 0;
}

/* What sspr_lookup() finds when the text is an id, a name or a code query, in
 * its order (at most SEARCH_EXACT_MAX); these go to the top. */
static size_t search_exact(const char *text, const sspr_entry **hits)
{
    if (!search_codeish(text) && !sspr_by_id(text) && !sspr_by_name(text))
        return 0;
    size_t n = sspr_lookup(text, hits, SEARCH_EXACT_MAX);
    return n < SEARCH_EXACT_MAX ? n : SEARCH_EXACT_MAX;
}

/* Reads text once: the distinct catalogue terms and the distinct pairs of
 * neighbouring terms that the catalogue also writes side by side (of each at
 * most SSPR_SEARCH_MAX_TERMS, the rarest when there are more; rarest first). */
static void search_query_terms(const char *text, search_query *q)
{
    sspr__tokens tk;
    char term[SSPR__TERM_MAX + 1];
    size_t n;
    unsigned order = 0;
    uint32_t prev =
        UINT32_MAX; /* the previous word's term; none after a word the catalogue lacks */
    q->nterms = q->npairs = 0;
    sspr__tokens_init(&tk, text, strlen(text));
    while ((n = sspr__tokens_next(&tk, term)) != 0) {
        const struct sspr__term_key *k = sspr__terms_find(term, n);
        if (!k || k->term >= SSPR__SEARCH_TERMS || sspr__search_terms[k->term].count == 0) {
            prev = UINT32_MAX;
            continue;
        }
        const sspr__search_term *t = &sspr__search_terms[k->term];
        search_qterm x = {t->first, t->count, t->idf, order++};
        search_keep(q->term, &q->nterms, x);
        search_qterm y;
        if (prev != UINT32_MAX && search_pair(prev, k->term, order - 1, &y))
            search_keep(q->pair, &q->npairs, y);
        prev = k->term;
    }
    search_sort(q->term, q->nterms);
    search_sort(q->pair, q->npairs);
}

/* ---- words shared with entries (match.h) ------------------------------------- */

/* Is entry among the postings p[0..n) (entries ascending)? */
static int search_has(const uint32_t *p, uint32_t n, uint32_t entry)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2, e = SSPR__POST_ENTRY(p[mid]);
        if (e == entry)
            return 1;
        if (e < entry)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

float sspr__matched_idf(const char *text, size_t len, int words_only, const uint32_t *entries,
                        size_t n, float *shared, uint32_t *matched)
{
    enum { MAX = 2 * SSPR_SEARCH_MAX_TERMS };
    uint32_t seen[MAX];
    size_t nseen = 0, k;
    char term[SSPR__TERM_MAX + 1];
    sspr__tokens tk;
    float total = 0.0f;
    for (size_t i = 0; i < n; i++) {
        shared[i] = 0.0f;
        if (matched)
            matched[i] = 0;
    }
    sspr__tokens_init(&tk, text, len);
    while (nseen < MAX && (k = sspr__tokens_next(&tk, term)) != 0) {
        if (words_only && strpbrk(term, "0123456789"))
            continue;
        const struct sspr__term_key *key = sspr__terms_find(term, k);
        if (!key || key->term >= SSPR__SEARCH_TERMS || sspr__search_terms[key->term].count == 0)
            continue;
        size_t j = 0;
        while (j < nseen && seen[j] != key->term)
            j++;
        if (j < nseen)
            continue;
        seen[nseen++] = key->term;
        const sspr__search_term *t = &sspr__search_terms[key->term];
        total += t->idf;
        for (size_t i = 0; i < n; i++)
            if (search_has(sspr__search_post + t->first, t->count, entries[i])) {
                shared[i] += t->idf;
                if (matched)
                    matched[i]++;
            }
    }
    return total;
}

int sspr__distinctive(const char *m, size_t n, int part)
{
    size_t words = n > 0;
    for (size_t i = 0; i < n; i++)
        words += m[i] == ' ';
    if (words < SSPR__DISTINCT_WORDS)
        return 0;
    float none;
    return sspr__matched_idf(m, n, 0, NULL, 0, &none, NULL) >=
           SSPR__DISTINCT_IDF * (part ? 2.0f : 1.0f);
}

/* ---- evidence ----------------------------------------------------------------- */

static void search_ev(void *ctx, uint32_t entry, unsigned ev)
{
    search_slot *s = search_slot_of(ctx, entry, 1);
    if (s)
        s->ev |= ev;
}

/* The evidence that the text names an entry: its code, an HRESULT or its name
 * written in the text. */
#define SEARCH_EV_CODED (SSPR__EV_CODE | SSPR__EV_HR | SSPR__EV_NAMED | SSPR__EV_NAME)

/* The tier evidence ev earns: a code, HRESULT, name or id of the entry written
 * in the text, then a distinctive message of it. */
static float search_tier(unsigned ev)
{
    if (ev & (SEARCH_EV_CODED | SSPR__EV_ID))
        return SEARCH_NAMED;
    return ev & SSPR__EV_MSG ? SEARCH_PHRASE : 0.0f;
}

/* The code is not always the answer: "33004 for a Domain Admins member" is the
 * protected-groups symptom, which the catalogue relates to event 33004. An
 * entry related to one whose code, HRESULT or name the text writes (either way
 * round) shares that entry's tier when the words of the text fit it clearly better
 * (a BM25 score SEARCH_RELATED_MARGIN times as high) than the coded entry. Entries that share a
 * code are thus ordered by the rest of the text; a symptom unrelated to the
 * code still stays below it, and so does any related entry that the words do
 * not favour. Only an entry with no event code of its own is lifted: an
 * event whose own code the text does not write is not what the text names
 * (event 33004 with "adminCount=1" stays 33004, not 6329 0x80230626). Measured
 * on tests/search/queries.tsv and tests/real. */
static int search_liftable(const search_slot *r, const search_slot *c)
{
    const sspr_entry *e = &sspr__entries[r->entry1 - 1];
    return !(r->ev & SEARCH_EV_CODED) && r->score > SEARCH_RELATED_MARGIN * c->score &&
           sspr_entry_code(e) < 0;
}

static void search_related(search_table *tab)
{
    size_t n = tab->n;
    for (size_t i = 0; i < n; i++) {
        const search_slot *c = &tab->cand[i];
        if (!(c->ev & SEARCH_EV_CODED))
            continue;
        const sspr_entry *e = &sspr__entries[c->entry1 - 1];
        for (size_t k = 0, nk = sspr_entry_related_count(e); k < nk; k++) {
            search_slot *r = search_slot_of(tab, sspr_entry_related(e, k)->index, 0);
            if (r && search_liftable(r, c))
                r->related = 1;
        }
        for (size_t j = 0; j < n; j++) { /* the other way round */
            search_slot *r = &tab->cand[j];
            if (r->related || !search_liftable(r, c))
                continue;
            const sspr_entry *re = &sspr__entries[r->entry1 - 1];
            for (size_t k = 0, nk = sspr_entry_related_count(re); k < nk; k++)
                if (sspr_entry_related(re, k) == e)
                    r->related = 1;
        }
    }
}

/* ---- ranking ---------------------------------------------------------------- */

static int search_cmp(const void *a, const void *b)
{
    const search_slot *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->entry1 > y->entry1) - (x->entry1 < y->entry1);
}

/* Restores the heap of v[0..n) below i, the worst candidate at the root. */
static void search_sift(search_slot *v, size_t n, size_t i)
{
    for (;;) {
        size_t w = i, l = 2 * i + 1, r = l + 1;
        if (l < n && search_cmp(&v[l], &v[w]) > 0)
            w = l;
        if (r < n && search_cmp(&v[r], &v[w]) > 0)
            w = r;
        if (w == i)
            return;
        search_slot t = v[i];
        v[i] = v[w];
        v[w] = t;
        i = w;
    }
}

/* Puts the best k of v[0..n) in v[0..k), best first (a full sort when k is
 * not much smaller than n; else a heap of the best k seen so far). */
static void search_top(search_slot *v, size_t n, size_t k)
{
    if (k > n)
        k = n;
    if (k == 0)
        return;
    if (k > n / 4) {
        qsort(v, n, sizeof *v, search_cmp);
        return;
    }
    for (size_t i = k / 2; i-- > 0;)
        search_sift(v, k, i);
    for (size_t i = k; i < n; i++)
        if (search_cmp(&v[i], &v[0]) < 0) {
            v[0] = v[i];
            search_sift(v, k, 0);
        }
    qsort(v, k, sizeof *v, search_cmp);
}

/* Where sspr_search writes: hits or results. */
typedef struct {
    sspr_hit *hits;
    sspr_result *results;
    size_t cap;
} search_out;

static size_t search(const char *text, const search_out *o)
{
    search_table tab;
    search_query q;
    const sspr_entry *exact[SEARCH_EXACT_MAX];
    if (!text)
        return 0;
    size_t cap = o->cap, len = strlen(text);
    memset(tab.at, 0, sizeof tab.at);
    tab.n = 0;
    size_t nexact = search_exact(text, exact);
    search_query_terms(text, &q);
    for (size_t i = 0; i < nexact; i++) /* candidates whatever else happens */
        search_slot_of(&tab, exact[i]->index, 1);
    sspr__evidence(text, len, UINT32_MAX, search_ev, &tab);
    search_accumulate(&tab, q.term, q.nterms, sspr__search_post, 1.0f);
    search_accumulate(&tab, q.pair, q.npairs, sspr__search_pair_post, SEARCH_PAIR_WEIGHT);
    for (size_t i = 0; i < tab.n; i++) {
        search_slot *s = &tab.cand[i];
        if (sspr__entries[s->entry1 - 1].kind == SSPR__KIND_AUDIT)
            s->score *= SEARCH_AUDIT_WEIGHT;
        if (s->score > SEARCH_BM25_CAP)
            s->score = SEARCH_BM25_CAP;
    }
    search_related(&tab);
    for (size_t i = 0; i < tab.n; i++) {
        search_slot *s = &tab.cand[i];
        float tier = s->related ? SEARCH_NAMED : search_tier(s->ev);
        if (s->score > 0.0f || tier > 0.0f)
            s->score += tier;
    }
    for (size_t i = 0; i < nexact; i++)
        search_slot_of(&tab, exact[i]->index, 0)->score = SEARCH_EXACT - (float)i;
    size_t n = 0; /* the index is not used from here on */
    for (size_t i = 0; i < tab.n; i++)
        if (tab.cand[i].score > 0.0f)
            tab.cand[n++] = tab.cand[i];
    search_top(tab.cand, n, cap);
    /* hits without evidence: their words weighed in one pass over the text */
    uint32_t need[SSPR_SEARCH_MAX_CANDIDATES], matched[SSPR_SEARCH_MAX_CANDIDATES];
    float shared[SSPR_SEARCH_MAX_CANDIDATES];
    size_t nneed = 0;
    for (size_t i = 0; i < n && i < cap; i++) {
        const search_slot *s = &tab.cand[i];
        if (o->hits) {
            o->hits[i].entry = &sspr__entries[s->entry1 - 1];
            o->hits[i].score = (double)s->score;
        } else {
            o->results[i].entry = &sspr__entries[s->entry1 - 1];
            o->results[i].score = (double)s->score;
            o->results[i].confidence = sspr__confidence_of_ev(s->ev);
            if (o->results[i].confidence == SSPR_CONFIDENCE_NONE)
                need[nneed++] = s->entry1 - 1;
        }
    }
    if (nneed) {
        float total = sspr__matched_idf(text, len, 0, need, nneed, shared, matched);
        /* the same hits, in the same order */
        for (size_t i = 0, j = 0; j < nneed; i++)
            if (o->results[i].confidence == SSPR_CONFIDENCE_NONE) {
                o->results[i].confidence = sspr__confidence_of_words(shared[j], total, matched[j]);
                j++;
            }
    }
    return n;
}

size_t sspr_search(const char *text, sspr_hit *out, size_t cap)
{
    search_out o = {out, NULL, out ? cap : 0};
    return search(text, &o);
}

size_t sspr_search_results(const char *text, sspr_result *out, size_t cap)
{
    search_out o = {NULL, out, out ? cap : 0};
    return search(text, &o);
}
