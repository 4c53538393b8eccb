/* The BM25 search index: every entry is a document, its fields weighted, its
 * text turned into terms by src/lib/stem.c (the very code that reads queries).
 * Two outputs: search.gperf (term -> term number) and sspr-search.inc (per term
 * the postings span and IDF; the postings, document lengths and their average).
 * Layout: src/lib/search.h. */
#include "emit_search.h"

#include "diag.h"
#include "emit.h"
#include "search.h"
#include "stem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Field weights, in eighths of an occurrence. What an entry is called and what
 * it prints weigh most; what it explains less; the steps of a fix least, since
 * their words (click, open, select) say little about the problem. */
enum {
    W_NAME = 24,    /* documented name and aliases */
    W_TITLE = 24,
    W_MESSAGE = 16, /* literal messages */
    W_CODE = 32,    /* source, code, HRESULTs: exact identifiers */
    W_ID = 8,
    W_SUMMARY = 8,
    W_CAUSE = 8,
    W_MENTION = 8,  /* codes and HRESULTs the entry quotes */
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
    float *dl; /* weighted document length per entry */
    double avgdl;
    size_t ndocs;
} s_index;

/* One document's terms before merging: term and weight. */
typedef struct {
    char term[SSPR__TERM_MAX + 1];
    unsigned w;
} s_occ;

typedef struct {
    s_occ *v;
    size_t n, cap;
    unsigned long len; /* weighted length, eighths */
} s_doc;

static size_t s_hash(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static s_term *s_find(s_index *ix, const char *term)
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

static void s_add_text(s_doc *d, const char *text, unsigned w)
{
    if (!text)
        return;
    sspr__tokens t;
    char term[SSPR__TERM_MAX + 1];
    sspr__tokens_init(&t, text, strlen(text));
    while (sspr__tokens_next(&t, term)) {
        if (d->n == d->cap) {
            d->cap = d->cap ? d->cap * 2 : 256;
            d->v = gen_xrealloc(d->v, d->cap * sizeof *d->v);
        }
        memcpy(d->v[d->n].term, term, sizeof term);
        d->v[d->n].w = w;
        d->n++;
        d->len += w;
    }
}

static void s_add_strings(s_doc *d, const m_strings *s, unsigned w)
{
    for (size_t i = 0; i < s->n; i++)
        s_add_text(d, s->v[i], w);
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
    s_add_text(d, e->name, W_NAME);
    s_add_strings(d, &e->aliases, W_NAME);
    s_add_text(d, e->title, W_TITLE);
    s_add_strings(d, &e->messages, W_MESSAGE);
    if (e->source) { /* one word: "PasswordResetService" would add "reset" to 40 entries */
        char src[64];
        size_t i = 0;
        for (const char *p = m_source_names[e->source]; *p && i + 1 < sizeof src; p++)
            src[i++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        src[i] = '\0';
        s_add_text(d, src, W_CODE);
    }
    if (e->has_code)
        s_add_number(d, "%lu", (unsigned long)e->code, W_CODE);
    for (size_t h = 0; h < e->nhresults; h++)
        s_add_number(d, "%08lx", (unsigned long)e->hresults[h], W_CODE);
    for (size_t m = 0; m < e->nmentions; m++) {
        if (e->mentions[m].has_code)
            s_add_number(d, "%lu", (unsigned long)e->mentions[m].code, W_MENTION);
        if (e->mentions[m].has_hresult)
            s_add_number(d, "%08lx", (unsigned long)e->mentions[m].hresult, W_MENTION);
    }
    s_add_text(d, e->summary, W_SUMMARY);
    s_add_strings(d, &e->causes, W_CAUSE);
    s_add_text(d, e->section, W_SECTION);
    s_add_text(d, m_area_names[e->area], W_AREA);
    for (size_t f = 0; f < e->nfacts; f++) {
        s_add_text(d, e->facts[f].text, W_FACT);
        s_add_text(d, e->facts[f].str, W_FACT);
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

/* Builds the index; returns 0, or -1 (reported) when the catalogue is too big. */
static int s_build(const m_catalog *cat, s_index *ix, const char *path)
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
        s_doc d = {NULL, 0, 0, 0};
        s_collect(&cat->entries[i], &d);
        if (d.n)
            qsort(d.v, d.n, sizeof *d.v, s_cmp_occ);
        for (size_t a = 0; a < d.n;) {
            unsigned long tf = 0;
            size_t b = a;
            for (; b < d.n && strcmp(d.v[b].term, d.v[a].term) == 0; b++)
                tf += d.v[b].w;
            s_post(s_find(ix, d.v[a].term), (uint32_t)i, tf);
            a = b;
        }
        ix->dl[i] = (float)d.len / 8.0f;
        total += ix->dl[i];
        free(d.v);
    }
    ix->avgdl = cat->n ? total / (double)cat->n : 1.0;
    if (ix->avgdl <= 0)
        ix->avgdl = 1.0;
    /* compact the hash table into a sorted array: deterministic output */
    size_t w = 0;
    for (size_t i = 0; i < ix->hcap; i++)
        if (ix->terms[i].term)
            ix->terms[w++] = ix->terms[i];
    if (w)
        qsort(ix->terms, w, sizeof *ix->terms, s_cmp_term);
    return 0;
}

static void s_free(s_index *ix)
{
    for (size_t i = 0; i < ix->n; i++) {
        free(ix->terms[i].term);
        free(ix->terms[i].post);
    }
    free(ix->terms);
    free(ix->dl);
    memset(ix, 0, sizeof *ix);
}

static double s_idf(size_t ndocs, size_t df)
{
    return log(1.0 + ((double)ndocs - (double)df + 0.5) / ((double)df + 0.5));
}

int emit_search_tables(const m_catalog *cat, const char *path)
{
    s_index ix;
    if (s_build(cat, &ix, path) != 0) {
        s_free(&ix);
        return -1;
    }
    FILE *f = emit_open(path);
    if (!f) {
        s_free(&ix);
        return -1;
    }
    fprintf(f, emit_banner_fmt, "/*");
    fputs(" * Included once, by src/lib/search.c. Layout: src/lib/search.h. */\n\n", f);
    size_t npost = 0;
    for (size_t i = 0; i < ix.n; i++)
        npost += ix.terms[i].n;
    fprintf(f, "#define SSPR__SEARCH_TERMS %zu\n#define SSPR__SEARCH_POSTINGS %zu\n\n", ix.n,
            npost);
    fprintf(f, "static const sspr__search_term sspr__search_terms[%zu] = {\n", ix.n ? ix.n : 1);
    uint32_t first = 0;
    for (size_t i = 0; i < ix.n; i++) {
        fprintf(f, "    {%lu, %lu, %.9ef}, /* %s */\n", (unsigned long)first,
                (unsigned long)ix.terms[i].n, s_idf(ix.ndocs, ix.terms[i].n), ix.terms[i].term);
        first += (uint32_t)ix.terms[i].n;
    }
    if (ix.n == 0)
        fputs("    {0, 0, 0.0f}\n", f);
    fputs("};\n\n", f);
    fprintf(f, "static const uint32_t sspr__search_post[%zu] = {", npost ? npost : 1);
    size_t k = 0;
    for (size_t i = 0; i < ix.n; i++)
        for (size_t p = 0; p < ix.terms[i].n; p++, k++)
            fprintf(f, "%s0x%08lx", k % 8 ? ", " : (k ? ",\n    " : "\n    "),
                    (unsigned long)ix.terms[i].post[p]);
    if (npost == 0)
        fputs("0", f);
    fputs("\n};\n\n", f);
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
    if (s_build(cat, &ix, path) != 0) {
        s_free(&ix);
        return -1;
    }
    FILE *f = emit_open(path);
    if (!f) {
        s_free(&ix);
        return -1;
    }
    char **keys = gen_xmalloc((ix.n ? ix.n : 1) * sizeof *keys);
    char **lines = gen_xmalloc((ix.n ? ix.n : 1) * sizeof *lines);
    for (size_t i = 0; i < ix.n; i++) {
        char line[32];
        snprintf(line, sizeof line, ", %zu", i);
        keys[i] = ix.terms[i].term;
        lines[i] = gen_xstrdup(line);
    }
    /* the term numbers are the keys' payload; src/lib/search.c includes the result */
    emit_gperf_bundle(f, "terms", "search.h", "sspr__term_key", keys, lines, ix.n, ", 0");
    for (size_t i = 0; i < ix.n; i++)
        free(lines[i]);
    free(keys);
    free(lines);
    s_free(&ix);
    return emit_close(f, path);
}
