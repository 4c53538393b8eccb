/* C tables: the string pool, the entries and every list they point into, the
 * postings of the hash tables, and the normalised messages for substring search.
 * Layout: src/lib/private.h. */
#include "emit.h"

#include "lex.h"
#include "diag.h"
#include "index.h"
#include "norm.h"

#include <stdlib.h>
#include <string.h>

/* ---- string pool with de-duplication ---------------------------------- */

typedef struct {
    char *bytes;
    size_t len, cap;
    char **keys; /* open addressing: key -> offset */
    uint32_t *offs;
    size_t hcap, hn;
} pool;

static size_t phash(const char *s)
{
    size_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static void pool_grow_hash(pool *p)
{
    size_t ncap = p->hcap ? p->hcap * 2 : 1024;
    char **keys = gen_xmalloc(ncap * sizeof *keys);
    uint32_t *offs = gen_xmalloc(ncap * sizeof *offs);
    memset(keys, 0, ncap * sizeof *keys);
    for (size_t i = 0; i < p->hcap; i++) {
        if (!p->keys[i])
            continue;
        size_t j = phash(p->keys[i]) & (ncap - 1);
        while (keys[j])
            j = (j + 1) & (ncap - 1);
        keys[j] = p->keys[i];
        offs[j] = p->offs[i];
    }
    free(p->keys);
    free(p->offs);
    p->keys = keys;
    p->offs = offs;
    p->hcap = ncap;
}

static uint32_t pool_add(pool *p, const char *s)
{
    if (!s)
        return UINT32_MAX;
    if (p->hn * 2 >= p->hcap)
        pool_grow_hash(p);
    size_t j = phash(s) & (p->hcap - 1);
    while (p->keys[j]) {
        if (strcmp(p->keys[j], s) == 0)
            return p->offs[j];
        j = (j + 1) & (p->hcap - 1);
    }
    size_t n = strlen(s) + 1;
    if (p->len + n > p->cap) {
        while (p->len + n > p->cap)
            p->cap = p->cap ? p->cap * 2 : 65536;
        p->bytes = gen_xrealloc(p->bytes, p->cap);
    }
    uint32_t off = (uint32_t)p->len;
    memcpy(p->bytes + p->len, s, n);
    p->len += n;
    p->keys[j] = gen_xstrdup(s);
    p->offs[j] = off;
    p->hn++;
    return off;
}

static void pool_free(pool *p)
{
    for (size_t i = 0; i < p->hcap; i++)
        free(p->keys[i]);
    free(p->keys);
    free(p->offs);
    free(p->bytes);
}

/* ---- growable u32 arrays ---------------------------------------------- */

typedef struct {
    uint32_t *v;
    size_t n, cap;
} u32s;

static uint32_t push(u32s *a, uint32_t x)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 256;
        a->v = gen_xrealloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n] = x;
    return (uint32_t)a->n++;
}

static void write_u32s(FILE *f, const char *decl, const u32s *a)
{
    fprintf(f, "%s[%zu] = {", decl, a->n ? a->n : 1);
    if (a->n == 0)
        fputs("0", f);
    for (size_t i = 0; i < a->n; i++)
        fprintf(f, "%s%lu", i % 12 ? ", " : (i ? ",\n    " : "\n    "), (unsigned long)a->v[i]);
    fputs("\n};\n\n", f);
}

/* The open-addressing table sspr__<name>_slots of the numbers of t (its keys
 * are the numbers written in base `base`): 2^bits slots, at most half full;
 * layout and probe order in src/lib/private.h (struct sspr__num_key). */
static void write_num_slots(FILE *f, const char *name, const ix_table *t, int base)
{
    unsigned bits = 1;
    while (((size_t)1 << bits) < 2 * t->n)
        bits++;
    size_t size = (size_t)1 << bits;
    struct {
        uint32_t value, first, count;
    } *slot = gen_xmalloc(size * sizeof *slot);
    memset(slot, 0, size * sizeof *slot);
    for (size_t i = 0; i < t->n; i++) { /* keys in a fixed order: the layout is deterministic */
        uint32_t v = (uint32_t)strtoul(t->keys[i].key, NULL, base);
        uint32_t h = (uint32_t)(v * 2654435761u) >> (32u - bits);
        while (slot[h].count)
            h = (h + 1) & (uint32_t)(size - 1);
        slot[h].value = v;
        slot[h].first = t->keys[i].first;
        slot[h].count = t->keys[i].count;
    }
    fprintf(f, "const unsigned sspr__%s_slot_bits = %u;\n", name, bits);
    fprintf(f, "const struct sspr__num_key sspr__%s_slots[%zu] = {\n", name, size);
    for (size_t i = 0; i < size; i++)
        fprintf(f, "    {.value = %luu, .key = {.name = 0, .first = %lu, .count = %lu}},\n",
                (unsigned long)slot[i].value, (unsigned long)slot[i].first,
                (unsigned long)slot[i].count);
    fputs("};\n\n", f);
    free(slot);
}

static int cmp_code_query(const void *a, const void *b)
{
    const sspr__code_query *x = a, *y = b;
    const uint32_t u[] = {x->source, (uint32_t)x->has_code, (uint32_t)x->has_hr, x->code, x->hr};
    const uint32_t v[] = {y->source, (uint32_t)y->has_code, (uint32_t)y->has_hr, y->code, y->hr};
    for (size_t i = 0; i < sizeof u / sizeof *u; i++)
        if (u[i] != v[i])
            return u[i] < v[i] ? -1 : 1;
    return 0;
}

/* sspr__codelike: the distinct code queries that a text key (id, name, alias,
 * message; normalised) reads as. sspr_lookup() probes the text tables for a
 * code query only when it is one of these: a query that equals a key after
 * normalisation reads as the same code query (lex.h), so none is missed. */
static void write_codelike(FILE *f, const ix_index *ix)
{
    size_t n = 0, cap = 0;
    sspr__code_query *v = NULL;
    for (int t = 0; t < IX_TEXT_TABLES; t++)
        for (size_t i = 0; i < ix->tables[t].n; i++) {
            const char *k = ix->tables[t].keys[i].key;
            sspr__code_query q;
            if (!sspr__parse_code_query(k, strlen(k), &q))
                continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 16;
                v = gen_xrealloc(v, cap * sizeof *v);
            }
            v[n++] = q;
        }
    if (n)
        qsort(v, n, sizeof *v, cmp_code_query);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (w == 0 || cmp_code_query(&v[w - 1], &v[i]) != 0)
            v[w++] = v[i];
    uint64_t mask = 0;
    for (size_t i = 0; i < w; i++)
        mask |= (uint64_t)1 << sspr__code_query_bit(&v[i]);
    fprintf(f, "const size_t sspr__codelike_count = %zu;\n", w);
    fprintf(f, "const uint64_t sspr__codelike_mask = 0x%016llXu;\n", (unsigned long long)mask);
    fprintf(f, "const sspr__code_query sspr__codelike[%zu] = {\n", w ? w : 1);
    for (size_t i = 0; i < w; i++)
        fprintf(f,
                "    {.source = %u, .has_code = %d, .has_hr = %d, .code = %luu, .hr = 0x%08lXu},\n",
                v[i].source, v[i].has_code, v[i].has_hr, (unsigned long)v[i].code,
                (unsigned long)v[i].hr);
    if (w == 0)
        fputs("    {.source = 0}\n", f);
    fputs("};\n\n", f);
    free(v);
}

/* ---- entries, written by field name from schema.def ---------------------- */

typedef struct {
    FILE *f;
    pool *p;
    u32s *strs, *hrs, *refs;
    size_t fact_at, mention_at; /* where the entry's facts and mentions start */
    u32s *refs3;                /* url, date, title of each reference (sspr__references) */
} entry_writer;

static void put_span(entry_writer *w, const char *key, uint32_t off, size_t n)
{
    fprintf(w->f, " .%s = {%lu, %lu},", key, (unsigned long)off, (unsigned long)n);
}

static void put_text(entry_writer *w, const char *key, char *const *v)
{
    fprintf(w->f, " .%s = %lu,", key, (unsigned long)pool_add(w->p, *v));
}

static void put_number(entry_writer *w, const char *key, const int *v)
{
    fprintf(w->f, " .%s = %d,", key, *v);
}

#define put_ONE_ID put_text
#define put_ONE_TEXT put_text
#define put_ONE_TITLE put_text
#define put_ONE_KIND put_number
#define put_ONE_SEVERITY put_number
#define put_ONE_SOURCE put_number
#define put_ONE_AREA put_number
#define put_ONE_ORIGIN put_number
#define put_ONE_ORDER put_number

static void put_ONE_CODE(entry_writer *w, const char *key, const int64_t *v)
{
    fprintf(w->f, " .%s = %lld,", key, (long long)*v);
}

static void put_LIST_TEXT(entry_writer *w, const char *key, const m_strings *s)
{
    uint32_t first = (uint32_t)w->strs->n;
    for (size_t i = 0; i < s->n; i++)
        push(w->strs, pool_add(w->p, s->v[i]));
    put_span(w, key, first, s->n);
}

static void put_LIST_REF(entry_writer *w, const char *key, const m_strings *s)
{
    uint32_t first = (uint32_t)w->refs->n;
    for (size_t i = 0; i < s->n; i++)
        push(w->refs, (uint32_t)s->idx[i]);
    put_span(w, key, first, s->n);
}

static void put_LIST_HRESULT(entry_writer *w, const char *key, const m_u32s *s)
{
    uint32_t first = (uint32_t)w->hrs->n;
    for (size_t i = 0; i < s->n; i++)
        push(w->hrs, s->v[i]);
    put_span(w, key, first, s->n);
}

static void put_LIST_MENTION(entry_writer *w, const char *key, const m_mentions *s)
{
    put_span(w, key, (uint32_t)w->mention_at, s->n);
    w->mention_at += s->n;
}

static void put_LIST_FACT(entry_writer *w, const char *key, const m_facts *s)
{
    put_span(w, key, (uint32_t)w->fact_at, s->n);
    w->fact_at += s->n;
}

static void put_LIST_REFERENCE(entry_writer *w, const char *key, const m_references *s)
{
    put_span(w, key, (uint32_t)(w->refs3->n / 3), s->n);
    for (size_t i = 0; i < s->n; i++) {
        push(w->refs3, pool_add(w->p, s->v[i].url));
        push(w->refs3, pool_add(w->p, s->v[i].date));
        push(w->refs3, pool_add(w->p, s->v[i].title));
    }
}

static void write_entries(entry_writer *w, const m_catalog *cat)
{
    fprintf(w->f, "const struct sspr_entry sspr__entries[%zu] = {\n", cat->n ? cat->n : 1);
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        fputs("    {", w->f);
#define PUT(key, item, type, presence, shape, doc) put_##shape##_##type(w, #key, &e->key);
        SSPR_ENTRY_FIELDS(PUT)
#undef PUT
        fprintf(w->f, " .index = %zu},\n", i);
    }
    if (cat->n == 0)
        fputs("    {.code = -1}\n", w->f);
    fputs("};\n\n", w->f);
    fprintf(w->f, "const size_t sspr__entry_count = %zu;\n\n", cat->n);
}

static void write_double(FILE *f, double d)
{
    /* %.17g round-trips; integers print without an exponent */
    fprintf(f, "%.17g", d);
}

/* An array of structs of three numbers from v (three values a row): decl,
 * then one row (a format taking three unsigned longs) each, or empty. */
static void write_triples(FILE *f, const char *decl, const char *row, const char *empty,
                          const u32s *v)
{
    fprintf(f, "%s[%zu] = {\n", decl, v->n ? v->n / 3 : 1);
    for (size_t i = 0; i + 2 < v->n; i += 3)
        fprintf(f, row, (unsigned long)v->v[i], (unsigned long)v->v[i + 1],
                (unsigned long)v->v[i + 2]);
    if (v->n == 0)
        fputs(empty, f);
    fputs("};\n\n", f);
}

int emit_c_tables(const m_catalog *cat, const char *path)
{
    FILE *f = emit_open(path);
    if (!f)
        return -1;
    pool p;
    memset(&p, 0, sizeof p);
    u32s strs = {0}, hrs = {0}, refs = {0}, msgkeys = {0};
    ix_index ix;
    ix_build(cat, &ix);

    fprintf(f, emit_banner_fmt, "/*");
    fputs(" * Included once, by src/lib/entry.c. */\n\n", f);

    /* entries */
    size_t nfacts = 0, nmentions = 0;
    for (size_t i = 0; i < cat->n; i++) {
        nfacts += cat->entries[i].facts.n;
        nmentions += cat->entries[i].mentions.n;
    }
    u32s refs3 = {0};
    entry_writer w = {f, &p, &strs, &hrs, &refs, 0, 0, &refs3};
    write_entries(&w, cat);
    write_triples(f, "const struct sspr_ref sspr__references",
                  "    {.url = %lu, .date = %lu, .title = %lu},\n", "    {.url = 0}\n", &refs3);
    free(refs3.v);

    /* facts, and the superseded fact as an index into sspr__facts */
    fprintf(f, "const struct sspr_fact sspr__facts[%zu] = {\n", nfacts ? nfacts : 1);
    size_t fact_at = 0;
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        for (size_t k = 0; k < e->facts.n; k++) {
            const m_fact *x = &e->facts.v[k];
            fprintf(f, "    {.key = %lu, .unit = %lu, .text = %lu, .str = %lu, .min = ",
                    (unsigned long)pool_add(&p, x->key), (unsigned long)pool_add(&p, x->unit),
                    (unsigned long)pool_add(&p, x->text),
                    (unsigned long)pool_add(&p, x->value.str));
            write_double(f, x->min);
            fputs(", .max = ", f);
            write_double(f, x->max);
            fprintf(f, ", .supersedes = %ld, .origin = %d, .url = %lu, .date = %lu},\n",
                    x->supersedes_at >= 0 ? (long)(fact_at + (size_t)x->supersedes_at) : -1L,
                    x->origin, (unsigned long)pool_add(&p, x->url),
                    (unsigned long)pool_add(&p, x->date));
        }
        fact_at += e->facts.n;
    }
    if (nfacts == 0)
        fputs("    {.supersedes = -1}\n", f);
    fputs("};\n\n", f);

    /* mentions */
    fprintf(f, "const sspr__mention sspr__mentions[%zu] = {\n", nmentions ? nmentions : 1);
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        for (size_t k = 0; k < e->mentions.n; k++) {
            const m_mention *m = &e->mentions.v[k];
            fprintf(f,
                    "    {.code = %luu, .hresult = 0x%08lXu, .source = %d, .has_code = %d, "
                    ".has_hresult = %d},\n",
                    (unsigned long)(m->code >= 0 ? m->code : 0),
                    (unsigned long)(m->hresult >= 0 ? m->hresult : 0), m->source, m->code >= 0,
                    m->hresult >= 0);
        }
    }
    if (nmentions == 0)
        fputs("    {.code = 0}\n", f);
    fputs("};\n\n", f);

    /* message keys (sspr__norm_text), for matching a message inside pasted
       text; cut: the catalogue quotes the message cut short ("...") */
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        for (size_t m = 0; m < e->messages.n; m++) {
            char key[4096];
            const char *msg = e->messages.v[m];
            size_t n = sspr__norm_text(msg, strlen(msg), key, sizeof key);
            if (n == (size_t)-1 || n == 0)
                continue;
            push(&msgkeys, pool_add(&p, key));
            push(&msgkeys, (uint32_t)i);
            push(&msgkeys, (uint32_t)n);
            push(&msgkeys, (uint32_t)sspr__norm_cut(msg, strlen(msg)));
        }
    }
    fprintf(f, "const sspr__msgkey sspr__msgkeys[%zu] = {\n", msgkeys.n ? msgkeys.n / 4 : 1);
    for (size_t i = 0; i + 3 < msgkeys.n; i += 4)
        fprintf(f, "    {.bytes = 0x%016llx, .key = %lu, .entry = %lu, .len = %lu, .cut = %lu},\n",
                (unsigned long long)sspr__norm_byteset(p.bytes + msgkeys.v[i], msgkeys.v[i + 2]),
                (unsigned long)msgkeys.v[i], (unsigned long)msgkeys.v[i + 1],
                (unsigned long)msgkeys.v[i + 2], (unsigned long)msgkeys.v[i + 3]);
    if (msgkeys.n == 0)
        fputs("    {.key = 0}\n", f);
    fputs("};\n\n", f);
    fprintf(f, "const size_t sspr__msgkey_count = %zu;\n\n", msgkeys.n / 4);

    write_u32s(f, "const uint32_t sspr__strs", &strs);
    write_u32s(f, "const uint32_t sspr__hrs", &hrs);
    write_u32s(f, "const uint32_t sspr__refs", &refs);
    u32s post = {ix.post, ix.npost, ix.npost};
    write_u32s(f, "const uint32_t sspr__post", &post);
    write_num_slots(f, "code", &ix.tables[IX_CODES], 10);
    write_num_slots(f, "hresult", &ix.tables[IX_HRESULTS], 16);
    write_codelike(f, &ix);

    fputs("const char sspr__catalog_version[] = ", f);
    emit_c_string(f, cat->version ? cat->version : "0.0.0");
    fputs(";\n\n", f);

    /* The pool: ISO C guarantees string literals only up to 4095 bytes, so it is
       a struct of char arrays, each initialised by one literal (which compilers
       parse far faster than per-byte initialisers); char arrays have no padding
       between them, which the typedef below checks at compile time. */
    enum { CHUNK = 4000 };
    size_t nchunks = p.len ? (p.len + CHUNK - 1) / CHUNK : 1;
    fputs("const struct sspr__pool_s {\n", f);
    for (size_t c = 0; c < nchunks; c++) {
        size_t n = p.len ? (c + 1 < nchunks ? CHUNK : p.len - c * CHUNK) : 1;
        fprintf(f, "    char c%zu[%zu];\n", c, n);
    }
    fputs("} sspr__pool_chunks = {\n", f);
    for (size_t c = 0; c < nchunks; c++) {
        size_t off = c * CHUNK, n = p.len ? (c + 1 < nchunks ? CHUNK : p.len - off) : 1;
        fputs("    \"", f);
        for (size_t i = 0; i < n && p.len; i++) {
            unsigned char b = (unsigned char)p.bytes[off + i];
            if (b == '"' || b == '\\')
                fprintf(f, "\\%c", b);
            else if (b >= 0x20 && b < 0x7F && b != '?')
                fputc(b, f);
            else /* octal escapes are always three digits: no run-on into a digit */
                fprintf(f, "\\%03o", b);
            if (i % 100 == 99 && i + 1 < n)
                fputs("\"\n    \"", f);
        }
        fputs("\",\n", f);
    }
    fputs("};\n", f);
    fprintf(f,
            "typedef char sspr__pool_has_no_padding[sizeof sspr__pool_chunks == %zu ? 1 : -1];\n",
            p.len ? p.len : 1);

    pool_free(&p);
    free(strs.v);
    free(hrs.v);
    free(refs.v);
    free(msgkeys.v);
    ix_free(&ix);
    return emit_close(f, path);
}
