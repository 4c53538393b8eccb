/* The BM25 search index: every entry is a document, its fields weighted, its
 * text turned into terms by src/common/stem.c (the very code that reads queries).
 * Beside the terms, the index holds term pairs: two terms that stand side by
 * side in a name, title, message, summary or cause ("ad forest", "domain
 * admin"), each pair a BM25 term of its own, so that words a query writes
 * together rank the entries that write them together.
 * Two outputs: search.gperf (term -> term number) and sspr-search.inc (per term
 * and per pair the postings span and IDF; the postings, document lengths and
 * their average). Layout: src/common/search_layout.h. */
#include "emit_search.h"

#include "diag.h"
#include "emit.h"
#include "search_layout.h"
#include "stem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Field weights, in eighths of an occurrence. What an entry is called and what
 * it prints weigh most; what it explains less; the steps of a fix least, since
 * their words (click, open, select) say little about the problem. */
enum {
    W_NAME = 24, /* documented name and aliases */
    W_TITLE = 24,
    W_MESSAGE = 16, /* literal messages */
    W_CODE = 32,    /* source, code, HRESULTs: exact identifiers */
    W_ID = 8,
    W_SUMMARY = 8,
    W_CAUSE = 8,
    W_MENTION = 8, /* codes and HRESULTs the entry quotes */
    W_SECTION = 4,
    W_AREA = 4,
    W_FACT = 2,
    W_STEP = 2,
};

#define TF_MAX ((1u << (32 - SSPR__POST_ENTRY_BITS)) - 1u)

typedef struct {
    char *term;
    uint32_t *post; /* entry | tf << SSPR__POST_ENTRY_BITS, entries ascending */
    size_t n, cap;
} s_term;

typedef struct {
    s_term *terms; /* open addressing, then compacted and sorted */
    size_t hcap, n;
} s_table;

typedef struct {
    s_table terms, pairs; /* a pair's text is "a b", its two terms */
    float *dl;            /* weighted document length per entry (terms only) */
    double avgdl;
    size_t ndocs;
} s_index;

/* One document's terms (or pairs, "a b") before merging: term and weight. */
typedef struct {
    char term[2 * (SSPR__TERM_MAX + 1)];
    unsigned w;
} s_occ;

typedef struct {
    s_occ *v;
    size_t n, cap;
    unsigned long len; /* weighted length, eighths */
} s_occs;

typedef struct {
    s_occs terms, pairs;
    int want_pairs; /* else the pairs are not collected */
} s_doc;

static size_t s_hash(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static s_term *s_find(s_table *ix, const char *term)
{
    if (ix->n * 2 >= ix->hcap) {
        size_t ncap = ix->hcap ? ix->hcap * 2 : 4096;
        s_term *nt = gen_xmalloc(ncap * sizeof *nt);
        memset(nt, 0, ncap * sizeof *nt);
        for (size_t i = 0; i < ix->hcap; i++) {
            if (!ix->terms[i].term)
                continue;
            size_t j = s_hash(ix->terms[i].term) & (ncap - 1);
            while (nt[j].term)
                j = (j + 1) & (ncap - 1);
            nt[j] = ix->terms[i];
        }
        free(ix->terms);
        ix->terms = nt;
        ix->hcap = ncap;
    }
    size_t j = s_hash(term) & (ix->hcap - 1);
    while (ix->terms[j].term && strcmp(ix->terms[j].term, term) != 0)
        j = (j + 1) & (ix->hcap - 1);
    if (!ix->terms[j].term) {
        ix->terms[j].term = gen_xstrdup(term);
        ix->n++;
    }
    return &ix->terms[j];
}

static void s_occ_add(s_occs *o, const char *term, unsigned w)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 256;
        o->v = gen_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    snprintf(o->v[o->n].term, sizeof o->v[o->n].term, "%s", term);
    o->v[o->n].w = w;
    o->n++;
    o->len += w;
}

/* Adds the terms of text with weight w, and with pairs set its pairs of
 * neighbouring terms with the same weight. */
static void s_add_text_pairs(s_doc *d, const char *text, unsigned w, int pairs)
{
    if (!text)
        return;
    sspr__tokens t;
    char term[SSPR__TERM_MAX + 1], prev[SSPR__TERM_MAX + 1] = "";
    sspr__tokens_init(&t, text, strlen(text));
    while (sspr__tokens_next(&t, term)) {
        s_occ_add(&d->terms, term, w);
        if (pairs && d->want_pairs && prev[0]) {
            char pair[2 * (SSPR__TERM_MAX + 1)];
            snprintf(pair, sizeof pair, "%s %s", prev, term);
            s_occ_add(&d->pairs, pair, w);
        }
        memcpy(prev, term, sizeof prev);
    }
}

static void s_add_text(s_doc *d, const char *text, unsigned w)
{
    s_add_text_pairs(d, text, w, 0);
}

static void s_add_strings_pairs(s_doc *d, const m_strings *s, unsigned w, int pairs)
{
    for (size_t i = 0; i < s->n; i++)
        s_add_text_pairs(d, s->v[i], w, pairs);
}

static void s_add_strings(s_doc *d, const m_strings *s, unsigned w)
{
    s_add_strings_pairs(d, s, w, 0);
}

static void s_add_number(s_doc *d, const char *fmt, unsigned long v, unsigned w)
{
    char buf[32];
    snprintf(buf, sizeof buf, fmt, v);
    s_add_text(d, buf, w);
}

/* Everything searchable about one entry, field by field. */
static void s_collect(const m_entry *e, s_doc *d)
{
    s_add_text(d, e->id, W_ID);
    s_add_text_pairs(d, e->name, W_NAME, 1);
    s_add_strings_pairs(d, &e->aliases, W_NAME, 1);
    s_add_text_pairs(d, e->title, W_TITLE, 1);
    s_add_strings_pairs(d, &e->messages, W_MESSAGE, 1);
    if (e->source) { /* one word, not the product ADSync is the name of: stem.c */
        char src[SSPR__TERM_MAX + 1];
        if (sspr__source_term(M_NAME(sources, e->source), src))
            s_occ_add(&d->terms, src, W_CODE);
    }
    if (e->code >= 0)
        s_add_number(d, "%lu", (unsigned long)e->code, W_CODE);
    for (size_t h = 0; h < e->hresults.n; h++)
        s_add_number(d, "%08lx", (unsigned long)e->hresults.v[h], W_CODE);
    for (size_t m = 0; m < e->mentions.n; m++) {
        if (e->mentions.v[m].code >= 0)
            s_add_number(d, "%lu", (unsigned long)e->mentions.v[m].code, W_MENTION);
        if (e->mentions.v[m].hresult >= 0)
            s_add_number(d, "%08lx", (unsigned long)e->mentions.v[m].hresult, W_MENTION);
    }
    s_add_text_pairs(d, e->summary, W_SUMMARY, 1);
    s_add_strings_pairs(d, &e->causes, W_CAUSE, 1);
    s_add_text(d, e->section, W_SECTION);
    s_add_text(d, M_NAME(areas, e->area), W_AREA);
    for (size_t f = 0; f < e->facts.n; f++) {
        s_add_text(d, e->facts.v[f].text, W_FACT);
        s_add_text(d, e->facts.v[f].value.str, W_FACT);
    }
    s_add_strings(d, &e->steps, W_STEP);
}

static int s_cmp_occ(const void *a, const void *b)
{
    return strcmp(((const s_occ *)a)->term, ((const s_occ *)b)->term);
}

static int s_cmp_term(const void *a, const void *b)
{
    return strcmp(((const s_term *)a)->term, ((const s_term *)b)->term);
}

static void s_post(s_term *t, uint32_t entry, unsigned long tf)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 4;
        t->post = gen_xrealloc(t->post, t->cap * sizeof *t->post);
    }
    if (tf > TF_MAX)
        tf = TF_MAX;
    t->post[t->n++] = entry | (uint32_t)tf << SSPR__POST_ENTRY_BITS;
}

/* Merges one document's occurrences into table t as postings of entry. */
static void s_merge(s_table *t, s_occs *o, uint32_t entry)
{
    if (o->n)
        qsort(o->v, o->n, sizeof *o->v, s_cmp_occ);
    for (size_t a = 0; a < o->n;) {
        unsigned long tf = 0;
        size_t b = a;
        for (; b < o->n && strcmp(o->v[b].term, o->v[a].term) == 0; b++)
            tf += o->v[b].w;
        s_post(s_find(t, o->v[a].term), entry, tf);
        a = b;
    }
    free(o->v);
}

/* Compacts the hash table into a sorted array: deterministic output. */
static void s_compact(s_table *t)
{
    size_t w = 0;
    for (size_t i = 0; i < t->hcap; i++)
        if (t->terms[i].term)
            t->terms[w++] = t->terms[i];
    if (w)
        qsort(t->terms, w, sizeof *t->terms, s_cmp_term);
}

/* Builds the index, its pairs only when pairs is set; returns 0, or -1
 * (reported) when the catalogue is too big. */
static int s_build(const m_catalog *cat, s_index *ix, const char *path, int pairs)
{
    memset(ix, 0, sizeof *ix);
    if (cat->n >= (1u << SSPR__POST_ENTRY_BITS)) {
        gen_error(path, 0, 0, "%zu entries: the search index holds at most %u", cat->n,
                  (1u << SSPR__POST_ENTRY_BITS) - 1);
        return -1;
    }
    ix->ndocs = cat->n;
    ix->dl = gen_xmalloc((cat->n ? cat->n : 1) * sizeof *ix->dl);
    double total = 0;
    for (size_t i = 0; i < cat->n; i++) {
        s_doc d;
        memset(&d, 0, sizeof d);
        d.want_pairs = pairs;
        s_collect(&cat->entries[i], &d);
        ix->dl[i] = (float)d.terms.len / 8.0f;
        total += ix->dl[i];
        s_merge(&ix->terms, &d.terms, (uint32_t)i);
        s_merge(&ix->pairs, &d.pairs, (uint32_t)i);
    }
    ix->avgdl = cat->n ? total / (double)cat->n : 1.0;
    if (ix->avgdl <= 0)
        ix->avgdl = 1.0;
    s_compact(&ix->terms);
    s_compact(&ix->pairs);
    return 0;
}

static void s_table_free(s_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->terms[i].term);
        free(t->terms[i].post);
    }
    free(t->terms);
}

static void s_free(s_index *ix)
{
    s_table_free(&ix->terms);
    s_table_free(&ix->pairs);
    free(ix->dl);
    memset(ix, 0, sizeof *ix);
}

static double s_idf(size_t ndocs, size_t df)
{
    return log(1.0 + ((double)ndocs - (double)df + 0.5) / ((double)df + 0.5));
}

/* Term number of term (the index in the sorted term table); -1 when absent. */
static long s_term_number(const s_table *t, const char *term)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->terms[mid].term, term);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* A pair ready to emit: its term numbers and its postings. */
typedef struct {
    uint32_t a, b;
    const s_term *t;
} s_pair;

static int s_cmp_pair(const void *x, const void *y)
{
    const s_pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* Writes one postings array, "name", of the n terms of v. */
static void s_emit_postings(FILE *f, const char *name, const s_term *const *v, size_t n)
{
    size_t npost = 0, k = 0;
    for (size_t i = 0; i < n; i++)
        npost += v[i]->n;
    fprintf(f, "static const uint32_t %s[%zu] = {", name, npost ? npost : 1);
    for (size_t i = 0; i < n; i++)
        for (size_t p = 0; p < v[i]->n; p++, k++)
            fprintf(f, "%s0x%08lx", k % 8 ? ", " : (k ? ",\n    " : "\n    "),
                    (unsigned long)v[i]->post[p]);
    if (npost == 0)
        fputs("0", f);
    fputs("\n};\n\n", f);
}

/* Writes the pair index (layout: src/common/search_layout.h): for term a, its pairs are
 * [pair_start[a], pair_start[a + 1]), their second terms ascending in pair_b;
 * pair i's postings are [pair_first[i], pair_first[i + 1]) of pair_post, and
 * its IDF pair_idf[df]. Indexes are 16 bits wide when everything fits. */
static void s_emit_pairs(FILE *f, const s_index *ix, const s_pair *pv)
{
    size_t n = ix->pairs.n, nterms = ix->terms.n, npost = 0, maxdf = 0;
    for (size_t i = 0; i < n; i++) {
        npost += pv[i].t->n;
        if (pv[i].t->n > maxdf)
            maxdf = pv[i].t->n;
    }
    int narrow_term = nterms <= 0xffff, narrow_at = n <= 0xffff && npost <= 0xffff;
    fprintf(f, "#define SSPR__SEARCH_PAIRS %zu\n", n);
    fprintf(f, "typedef uint%d_t sspr__pair_term;\n", narrow_term ? 16 : 32);
    fprintf(f, "typedef uint%d_t sspr__pair_at;\n\n", narrow_at ? 16 : 32);
    fprintf(f, "static const sspr__pair_at sspr__search_pair_start[%zu] = {", nterms + 1);
    size_t k = 0;
    for (size_t a = 0; a <= nterms; a++) {
        while (k < n && pv[k].a < a)
            k++;
        fprintf(f, "%s%zu", a % 12 ? ", " : (a ? ",\n    " : "\n    "), k);
    }
    fputs("\n};\n\n", f);
    fprintf(f, "static const sspr__pair_term sspr__search_pair_b[%zu] = {", n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%lu", i % 12 ? ", " : (i ? ",\n    " : "\n    "), (unsigned long)pv[i].b);
    fputs(n ? "\n};\n\n" : "0};\n\n", f);
    fprintf(f, "static const sspr__pair_at sspr__search_pair_first[%zu] = {", n + 1);
    size_t first = 0;
    for (size_t i = 0; i <= n; i++) {
        fprintf(f, "%s%zu", i % 12 ? ", " : (i ? ",\n    " : "\n    "), first);
        if (i < n)
            first += pv[i].t->n;
    }
    fputs("\n};\n\n", f);
    fprintf(f, "static const float sspr__search_pair_idf[%zu] = {", maxdf + 1);
    for (size_t df = 0; df <= maxdf; df++)
        fprintf(f, "%s%.9ef", df % 6 ? ", " : (df ? ",\n    " : "\n    "),
                df ? s_idf(ix->ndocs, df) : 0.0);
    fputs("\n};\n\n", f);
    const s_term **v = gen_xmalloc((n ? n : 1) * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = pv[i].t;
    s_emit_postings(f, "sspr__search_pair_post", v, n);
    free(v);
}

/* Builds the index (with its pairs when pairs is set) and opens path for it;
 * NULL, with the index freed and the problem reported, on failure. */
static FILE *s_start(const m_catalog *cat, s_index *ix, const char *path, int pairs)
{
    FILE *f = NULL;
    if (s_build(cat, ix, path, pairs) == 0)
        f = emit_open(path);
    if (!f)
        s_free(ix);
    return f;
}

int emit_search_tables(const m_catalog *cat, const char *path)
{
    s_index ix;
    FILE *f = s_start(cat, &ix, path, 1);
    if (!f)
        return -1;
    const s_table *tt = &ix.terms;
    fprintf(f, emit_banner_fmt, "/*");
    fputs(" * Included once, by src/lib/search.c. Layout: src/common/search_layout.h. */\n\n", f);
    fprintf(f, "#define SSPR__SEARCH_TERMS %zu\n\n", tt->n);
    fprintf(f, "static const sspr__search_term sspr__search_terms[%zu] = {\n", tt->n ? tt->n : 1);
    uint32_t first = 0;
    for (size_t i = 0; i < tt->n; i++) {
        fprintf(f, "    {.first = %lu, .count = %lu, .idf = %.9ef}, /* %s */\n",
                (unsigned long)first, (unsigned long)tt->terms[i].n,
                s_idf(ix.ndocs, tt->terms[i].n), tt->terms[i].term);
        first += (uint32_t)tt->terms[i].n;
    }
    if (tt->n == 0)
        fputs("    {.first = 0}\n", f);
    fputs("};\n\n", f);
    const s_term **v = gen_xmalloc((tt->n ? tt->n : 1) * sizeof *v);
    for (size_t i = 0; i < tt->n; i++)
        v[i] = &tt->terms[i];
    s_emit_postings(f, "sspr__search_post", v, tt->n);
    free(v);

    /* the pairs, in order of their term numbers for a binary search */
    const s_table *pt = &ix.pairs;
    s_pair *pv = gen_xmalloc((pt->n ? pt->n : 1) * sizeof *pv);
    for (size_t i = 0; i < pt->n; i++) {
        char a[2 * (SSPR__TERM_MAX + 1)];
        snprintf(a, sizeof a, "%s", pt->terms[i].term);
        char *b = strchr(a, ' ');
        *b++ = '\0'; /* s_add_text_pairs wrote "a b" */
        pv[i].a = (uint32_t)s_term_number(tt, a);
        pv[i].b = (uint32_t)s_term_number(tt, b);
        pv[i].t = &pt->terms[i];
    }
    if (pt->n)
        qsort(pv, pt->n, sizeof *pv, s_cmp_pair);
    s_emit_pairs(f, &ix, pv);
    free(pv);

    fprintf(f, "static const float sspr__search_dl[%zu] = {", ix.ndocs ? ix.ndocs : 1);
    for (size_t i = 0; i < ix.ndocs; i++)
        fprintf(f, "%s%.9ef", i % 6 ? ", " : (i ? ",\n    " : "\n    "), (double)ix.dl[i]);
    if (ix.ndocs == 0)
        fputs("0.0f", f);
    fputs("\n};\n\n", f);
    fprintf(f, "static const float sspr__search_avgdl = %.9ef;\n", ix.avgdl);
    s_free(&ix);
    return emit_close(f, path);
}

int emit_search_gperf(const m_catalog *cat, const char *path)
{
    s_index ix;
    FILE *f = s_start(cat, &ix, path, 0);
    if (!f)
        return -1;
    const s_table *tt = &ix.terms;
    char **keys = gen_xmalloc((tt->n ? tt->n : 1) * sizeof *keys);
    char **lines = gen_xmalloc((tt->n ? tt->n : 1) * sizeof *lines);
    for (size_t i = 0; i < tt->n; i++) {
        char line[32];
        snprintf(line, sizeof line, ", %zu", i);
        keys[i] = tt->terms[i].term;
        lines[i] = gen_xstrdup(line);
    }
    /* the term numbers are the keys' payload; src/lib/search.c includes the result */
    emit_gperf_bundle(f, "terms", "search_layout.h", "sspr__term_key", keys, lines, tt->n, ", 0");
    for (size_t i = 0; i < tt->n; i++)
        free(lines[i]);
    free(keys);
    free(lines);
    s_free(&ix);
    return emit_close(f, path);
}
