/* sspr_search(): BM25 ranking over the generated term dictionary and postings.
 * The only file that includes them (search-terms.inc from gperf, sspr-search.inc
 * from gen/emit_search.c). Nothing is indexed and nothing allocated at run time:
 * the candidates live in a fixed table on the stack. */
#include "norm.h"
#include "private.h"
#include "search.h"
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
#define SEARCH_PHRASE 1000.0f
#define SEARCH_EXACT 3000.0f

enum {
    SEARCH_SLOTS = 2 * SSPR_SEARCH_MAX_CANDIDATES, /* power of two, at most half full */
    SEARCH_EXACT_MAX = 64,                         /* sspr_lookup() answers considered */
    SEARCH_CODES_MAX = 64,                         /* entries named by codes in the text */
    SEARCH_CODE_ENTRIES = 16,                      /* entries per code considered */
    SEARCH_NORM_MAX = 2048,                        /* longer texts get no phrase tier */
};

typedef struct {
    uint32_t entry1; /* entry index + 1; 0 = empty */
    float score;
} search_slot;

typedef struct {
    search_slot slot[SEARCH_SLOTS];
    size_t n;
} search_table;

typedef struct {
    const sspr__search_term *t;
    unsigned order; /* first occurrence in the query: ties between equal IDFs */
} search_qterm;

/* ---- candidates --------------------------------------------------------- */

/* The slot of entry; a new one when add is set and there is room; else NULL. */
static search_slot *search_slot_of(search_table *t, uint32_t entry, int add)
{
    uint32_t h = (entry * 2654435761u) & (SEARCH_SLOTS - 1);
    while (t->slot[h].entry1) {
        if (t->slot[h].entry1 == entry + 1)
            return &t->slot[h];
        h = (h + 1) & (SEARCH_SLOTS - 1);
    }
    if (!add || t->n >= SSPR_SEARCH_MAX_CANDIDATES)
        return NULL;
    t->slot[h].entry1 = entry + 1;
    t->slot[h].score = 0.0f;
    t->n++;
    return &t->slot[h];
}

/* ---- query terms -------------------------------------------------------- */

static int search_rarer(const search_qterm *a, const search_qterm *b)
{
    if (a->t->idf != b->t->idf)
        return a->t->idf > b->t->idf;
    return a->order < b->order;
}

/* The distinct catalogue terms of text, rarest first; at most
 * SSPR_SEARCH_MAX_TERMS, the rarest when there are more. */
static size_t search_query_terms(const char *text, search_qterm *q)
{
    sspr__tokens tk;
    char term[SSPR__TERM_MAX + 1];
    size_t n, nq = 0;
    unsigned order = 0;
    sspr__tokens_init(&tk, text, strlen(text));
    while ((n = sspr__tokens_next(&tk, term)) != 0) {
        const struct sspr__term_key *k = sspr__terms_find(term, n);
        if (!k || k->term >= SSPR__SEARCH_TERMS)
            continue;
        const sspr__search_term *t = &sspr__search_terms[k->term];
        if (t->count == 0)
            continue;
        int dup = 0;
        for (size_t i = 0; i < nq && !dup; i++)
            dup = q[i].t == t;
        if (dup)
            continue;
        search_qterm x = {t, order++};
        if (nq < SSPR_SEARCH_MAX_TERMS) {
            q[nq++] = x;
            continue;
        }
        size_t worst = 0;
        for (size_t i = 1; i < nq; i++)
            if (search_rarer(&q[worst], &q[i]))
                worst = i;
        if (search_rarer(&x, &q[worst]))
            q[worst] = x;
    }
    for (size_t i = 1; i < nq; i++) { /* insertion sort: at most 32 */
        search_qterm x = q[i];
        size_t j = i;
        for (; j > 0 && search_rarer(&x, &q[j - 1]); j--)
            q[j] = q[j - 1];
        q[j] = x;
    }
    return nq;
}

/* Adds every term's BM25 contribution; rarest terms first, so that when the
 * candidate table is full the entries already held are those with rare terms. */
static void search_accumulate(search_table *tab, const search_qterm *q, size_t nq)
{
    for (size_t i = 0; i < nq; i++) {
        float idf = q[i].t->idf;
        const uint32_t *p = sspr__search_post + q[i].t->first;
        for (uint32_t k = 0; k < q[i].t->count; k++) {
            uint32_t e = SSPR__POST_ENTRY(p[k]);
            search_slot *s = search_slot_of(tab, e, 1);
            if (!s)
                continue;
            float tf = SSPR__POST_TF(p[k]);
            float norm = SEARCH_K1 * (1.0f - SEARCH_B + SEARCH_B * sspr__search_dl[e] /
                                                            sspr__search_avgdl);
            s->score += idf * tf * (SEARCH_K1 + 1.0f) / (tf + norm);
        }
    }
}

/* ---- the exact paths ------------------------------------------------------ */

static int search_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int search_word_is(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (search_lower((unsigned char)s[i]) != w[i])
            return 0;
    return i == n && w[i] == '\0';
}

static int search_all(const char *s, size_t n, int hex)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int c = search_lower((unsigned char)s[i]);
        if (!((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f')))
            return 0;
    }
    return 1;
}

/* 1 for a number sspr_lookup() reads as a code or HRESULT, 2 for one of its
 * filler words or source names, 0 otherwise. */
static int search_code_token(const char *t, size_t n)
{
    static const char *const words[] = {"event", "id", "eventid", "source", "code", "error",
                                        "err", "hresult", "hr", "passwordresetservice",
                                        "adsync", "sspr"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (search_word_is(t, n, words[i]))
            return 2;
    if (search_all(t, n, 0) || (n == 8 && search_all(t, n, 1)))
        return 1;
    if (n > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') && search_all(t + 2, n - 2, 1))
        return 1;
    if (n > 1 && t[0] == '-' && search_all(t + 1, n - 1, 0))
        return 1;
    if (n > 4 && search_word_is(t, 4, "sspr")) {
        size_t skip = t[4] == '_' ? 5 : 4;
        return search_all(t + skip, n - skip, 0);
    }
    return 0;
}

/* Is text nothing but a code query ("event 32009", "ADSync:6329 0x80230619")? */
static int search_codeish(const char *text)
{
    static const char seps[] = " \t\r\n:,#=;()[]/";
    size_t len = strlen(text), i = 0;
    int numbers = 0;
    if (len > 256)
        return 0;
    while (i < len) {
        i += strspn(text + i, seps);
        size_t n = strcspn(text + i, seps);
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

/* The value of a term that is an event code (four digits or more: shorter
 * numbers are counts and ports far more often) or an HRESULT (eight hex digits
 * with a digit among them); 0 when it is neither. */
static int search_number(const char *t, size_t n, int *is_hr, uint32_t *v)
{
    int digits = 0, letters = 0;
    uint64_t dec = 0;
    uint32_t hex = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)t[i];
        if (c >= '0' && c <= '9') {
            digits++;
            dec = dec * 10 + (uint64_t)(c - '0');
            hex = hex << 4 | (uint32_t)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            letters++;
            hex = hex << 4 | (uint32_t)(c - 'a' + 10);
        } else {
            return 0;
        }
    }
    if (n == 8 && letters && digits) {
        *is_hr = 1;
        *v = hex;
        return 1;
    }
    if (letters || n < 4 || n > 10 || dec > UINT32_MAX)
        return 0;
    *is_hr = 0;
    *v = (uint32_t)dec;
    return 1;
}

static int search_is_code(const sspr_entry *e, int is_hr, uint32_t v)
{
    if (!is_hr)
        return sspr_entry_code(e) == (int64_t)v;
    for (size_t i = 0; i < sspr_entry_hresult_count(e); i++)
        if (sspr_entry_hresult(e, i) == v)
            return 1;
    return 0;
}

/* The entries that are an event code or HRESULT written in the text (not those
 * that only mention it): at most SEARCH_CODES_MAX. */
static size_t search_codes(const char *text, const sspr_entry **out)
{
    sspr__tokens tk;
    char term[SSPR__TERM_MAX + 1];
    size_t n, nout = 0;
    sspr__tokens_init(&tk, text, strlen(text));
    while ((n = sspr__tokens_next(&tk, term)) != 0 && nout < SEARCH_CODES_MAX) {
        int is_hr;
        uint32_t v;
        const sspr_entry *found[SEARCH_CODE_ENTRIES];
        if (!search_number(term, n, &is_hr, &v))
            continue;
        size_t k = is_hr ? sspr_by_hresult(v, found, SEARCH_CODE_ENTRIES)
                         : sspr_by_code(NULL, v, found, SEARCH_CODE_ENTRIES);
        for (size_t i = 0; i < k && i < SEARCH_CODE_ENTRIES && nout < SEARCH_CODES_MAX; i++) {
            int dup = 0;
            for (size_t j = 0; j < nout; j++)
                dup |= out[j] == found[i];
            if (!dup && search_is_code(found[i], is_hr, v))
                out[nout++] = found[i];
        }
    }
    return nout;
}

/* ---- quoted messages -------------------------------------------------------- */

static int search_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

static size_t search_words(const char *s)
{
    size_t n = *s != '\0';
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* Does needle (nlen bytes) occur in hay on word boundaries? */
static int search_contains(const char *hay, const char *needle, size_t nlen)
{
    int first_word = search_alnum((unsigned char)needle[0]);
    int last_word = search_alnum((unsigned char)needle[nlen - 1]);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        int left = p == hay || !first_word || !search_alnum((unsigned char)p[-1]);
        int right = p[nlen] == '\0' || !last_word || !search_alnum((unsigned char)p[nlen]);
        if (left && right)
            return 1;
    }
    return 0;
}

/* Does the normalised query quote message m: all of it, a message of three
 * words or more inside the query, or four words or more of it? */
static int search_quotes(const char *q, size_t qlen, size_t qwords, const char *m)
{
    size_t mlen = strlen(m);
    if (mlen == qlen)
        return memcmp(m, q, qlen) == 0;
    if (mlen < qlen)
        return mlen >= 8 && search_words(m) >= 3 && search_contains(q, m, mlen);
    return qlen >= 20 && qwords >= 4 && search_contains(m, q, qlen);
}

/* Lifts the candidates that quote a message of the text above plain BM25. */
static void search_phrases(search_table *tab, const char *text)
{
    char q[SEARCH_NORM_MAX];
    size_t qlen = sspr__norm_key(text, strlen(text), q, sizeof q);
    if (qlen == (size_t)-1 || qlen == 0)
        return;
    size_t qwords = search_words(q);
    for (size_t i = 0; i < sspr__msgkey_count; i++) {
        search_slot *s = search_slot_of(tab, sspr__msgkeys[i].entry, 0);
        if (!s || s->score >= SEARCH_PHRASE)
            continue;
        if (search_quotes(q, qlen, qwords, sspr__pool + sspr__msgkeys[i].key))
            s->score += SEARCH_PHRASE;
    }
}

/* ---- proximity ---------------------------------------------------------------- */

/* Two query words that stand side by side in an entry's title ("domain admins",
 * "AD forest", "too many") are stronger evidence than the same words apart:
 * each such pair (at most two) adds a quarter of the best BM25 score, within
 * the BM25 tier. Only words of three characters or more count, and only for
 * candidates within half of the best (below that even two pairs cannot reach
 * the top). */
static void search_proximity(search_table *tab, const char *text)
{
    char q[SEARCH_NORM_MAX], title[512];
    size_t qlen = sspr__norm_key(text, strlen(text), q, sizeof q);
    if (qlen == (size_t)-1 || qlen == 0)
        return;
    float best = 0.0f;
    for (size_t i = 0; i < SEARCH_SLOTS; i++)
        if (tab->slot[i].entry1 && tab->slot[i].score < SEARCH_PHRASE && tab->slot[i].score > best)
            best = tab->slot[i].score;
    if (best <= 0.0f)
        return;
    for (size_t i = 0; i < SEARCH_SLOTS; i++) {
        search_slot *s = &tab->slot[i];
        if (!s->entry1 || s->score >= SEARCH_PHRASE || s->score < best / 2)
            continue;
        const char *t = sspr__str(sspr__entries[s->entry1 - 1].title);
        size_t tlen = sspr__norm_key(t, strlen(t), title, sizeof title);
        if (tlen == (size_t)-1)
            continue;
        int pairs = 0;
        const char *w1 = q;
        while (*w1 && pairs < 2) {
            const char *e1 = strchr(w1, ' ');
            if (!e1)
                break;
            const char *w2 = e1 + 1, *e2 = strchr(w2, ' ');
            size_t n = (size_t)((e2 ? e2 : w2 + strlen(w2)) - w1);
            char pair[128];
            if (e1 - w1 >= 3 && (size_t)(e2 ? e2 - w2 : (ptrdiff_t)strlen(w2)) >= 3 &&
                n < sizeof pair) {
                memcpy(pair, w1, n);
                pair[n] = '\0';
                pairs += search_contains(title, pair, n);
            }
            w1 = w2;
        }
        s->score += (float)pairs * best / 4;
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

size_t sspr_search(const char *text, sspr_hit *out, size_t cap)
{
    search_table tab;
    search_qterm q[SSPR_SEARCH_MAX_TERMS];
    const sspr_entry *exact[SEARCH_EXACT_MAX], *codes[SEARCH_CODES_MAX];
    if (!text)
        return 0;
    if (!out)
        cap = 0;
    memset(&tab, 0, sizeof tab);
    size_t nexact = search_exact(text, exact), ncodes = search_codes(text, codes);
    for (size_t i = 0; i < nexact; i++) /* candidates whatever else happens */
        search_slot_of(&tab, exact[i]->index, 1);
    for (size_t i = 0; i < ncodes; i++)
        search_slot_of(&tab, codes[i]->index, 1);
    size_t nq = search_query_terms(text, q);
    search_accumulate(&tab, q, nq);
    for (size_t i = 0; i < SEARCH_SLOTS; i++)
        if (tab.slot[i].score > SEARCH_BM25_CAP)
            tab.slot[i].score = SEARCH_BM25_CAP;
    search_proximity(&tab, text);
    search_phrases(&tab, text);
    for (size_t i = 0; i < ncodes; i++) {
        search_slot *s = search_slot_of(&tab, codes[i]->index, 0);
        if (s->score < SEARCH_PHRASE)
            s->score += SEARCH_PHRASE;
    }
    for (size_t i = 0; i < nexact; i++)
        search_slot_of(&tab, exact[i]->index, 0)->score = SEARCH_EXACT - (float)i;
    size_t n = 0;
    for (size_t i = 0; i < SEARCH_SLOTS; i++) /* compact: n <= i always */
        if (tab.slot[i].entry1 && tab.slot[i].score > 0.0f)
            tab.slot[n++] = tab.slot[i];
    qsort(tab.slot, n, sizeof *tab.slot, search_cmp);
    for (size_t i = 0; i < n && i < cap; i++) {
        out[i].entry = &sspr__entries[tab.slot[i].entry1 - 1];
        out[i].score = (double)tab.slot[i].score;
    }
    return n;
}
