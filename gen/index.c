#include "index.h"

#include "diag.h"
#include "norm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ix_table_names[IX_COUNT] = {"ids", "names", "messages", "codes", "hresults"};

typedef struct {
    char *key;
    uint32_t tier, kind, entry;
} tuple;

typedef struct {
    tuple *v;
    size_t n, cap;
} tuples;

static void add(tuples *t, const char *key, uint32_t tier, const m_entry *e, size_t entry)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = gen_xrealloc(t->v, t->cap * sizeof *t->v);
    }
    tuple *x = &t->v[t->n++];
    x->key = gen_xstrdup(key);
    x->tier = tier;
    x->kind = (uint32_t)e->kind;
    x->entry = (uint32_t)entry;
}

/* A name or alias keyed by sspr__norm_key, a message by sspr__norm_text. */
static void add_text(tuples *t, const char *text, int message, const m_entry *e, size_t entry)
{
    char key[4096];
    size_t len = strlen(text);
    size_t n = message ? sspr__norm_text(text, len, key, sizeof key)
                       : sspr__norm_key(text, len, key, sizeof key);
    if (n != (size_t)-1 && n > 0)
        add(t, key, 0, e, entry);
}

/* Best postings first: the entry itself before entries that only mention the key,
 * events before symptoms before procedures, then catalogue order. */
static int cmp_tuple(const void *a, const void *b)
{
    const tuple *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->tier != y->tier)
        return x->tier < y->tier ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

static void collect(const m_catalog *cat, int table, tuples *t)
{
    char key[32];
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        switch (table) {
        case IX_IDS: add(t, e->id, 0, e, i); break;
        case IX_NAMES:
            if (e->name)
                add_text(t, e->name, 0, e, i);
            for (size_t a = 0; a < e->aliases.n; a++)
                add_text(t, e->aliases.v[a], 0, e, i);
            break;
        case IX_MESSAGES:
            for (size_t m = 0; m < e->messages.n; m++)
                add_text(t, e->messages.v[m], 1, e, i);
            break;
        case IX_CODES:
            /* one key per code, whatever the source: a lookup probes once and
               filters by source when one is given */
            if (e->code >= 0) {
                snprintf(key, sizeof key, "%lu", (unsigned long)e->code);
                add(t, key, 0, e, i);
            }
            for (size_t m = 0; m < e->mentions.n; m++) {
                if (e->mentions.v[m].code < 0)
                    continue;
                snprintf(key, sizeof key, "%lu", (unsigned long)e->mentions.v[m].code);
                add(t, key, 1, e, i);
            }
            break;
        case IX_HRESULTS:
            for (size_t h = 0; h < e->hresults.n; h++) {
                snprintf(key, sizeof key, "%08X", (unsigned)e->hresults.v[h]);
                add(t, key, 0, e, i);
            }
            for (size_t m = 0; m < e->mentions.n; m++) {
                if (e->mentions.v[m].hresult < 0)
                    continue;
                snprintf(key, sizeof key, "%08X", (unsigned)e->mentions.v[m].hresult);
                add(t, key, 1, e, i);
            }
            break;
        default: break;
        }
    }
}

void ix_build(const m_catalog *cat, ix_index *ix)
{
    memset(ix, 0, sizeof *ix);
    size_t cap = 0;
    for (int table = 0; table < IX_COUNT; table++) {
        tuples t = {NULL, 0, 0};
        collect(cat, table, &t);
        if (t.n > 1)
            qsort(t.v, t.n, sizeof *t.v, cmp_tuple);
        ix_table *out = &ix->tables[table];
        out->keys = gen_xmalloc((t.n ? t.n : 1) * sizeof *out->keys);
        for (size_t i = 0; i < t.n; i++) {
            int new_key = i == 0 || strcmp(t.v[i].key, t.v[i - 1].key) != 0;
            if (new_key) {
                ix_key *k = &out->keys[out->n++];
                k->key = gen_xstrdup(t.v[i].key);
                k->first = (uint32_t)ix->npost;
                k->count = 0;
            }
            ix_key *k = &out->keys[out->n - 1];
            int dup = 0; /* the same entry under one key once, at its best tier */
            for (uint32_t p = k->first; p < k->first + k->count; p++)
                dup |= (ix->post[p] >> 1) == t.v[i].entry;
            if (!dup) {
                if (ix->npost == cap) {
                    cap = cap ? cap * 2 : 1024;
                    ix->post = gen_xrealloc(ix->post, cap * sizeof *ix->post);
                }
                ix->post[ix->npost++] = t.v[i].entry << 1 | (t.v[i].tier ? 1u : 0u);
                k->count++;
            }
        }
        for (size_t i = 0; i < t.n; i++)
            free(t.v[i].key);
        free(t.v);
    }
}

void ix_free(ix_index *ix)
{
    for (int t = 0; t < IX_COUNT; t++) {
        for (size_t i = 0; i < ix->tables[t].n; i++)
            free(ix->tables[t].keys[i].key);
        free(ix->tables[t].keys);
    }
    free(ix->post);
    memset(ix, 0, sizeof *ix);
}

int ix_table_by_name(const char *name)
{
    for (int t = 0; t < IX_COUNT; t++)
        if (strcmp(ix_table_names[t], name) == 0)
            return t;
    return -1;
}
