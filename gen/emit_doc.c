/* The reading order shared by sspr-errors(7) and the HTML reference. */
#include "emit_doc.h"

#include "diag.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *area, *label;
} area_labels[] = {
    {"admin-portal", "Azure portal administration"},
    {"reporting", "reporting"},
    {"registration-portal", "registration portal"},
    {"reset-portal", "password reset portal"},
    {"writeback", "Password Writeback"},
    {"writeback-connectivity", "Password Writeback connectivity"},
    {"support", "support"},
};

static const char *const source_intro[M_SRC_COUNT] = {
    NULL,
    "Events of the PasswordResetService source in the Application event log of the "
    "Azure AD Connect server, the on-premises side of Password Writeback: its start and "
    "stop, onboarding, each reset or change it writes back, and what went wrong. "
    "Sorted by event ID.",
    "Events of the ADSync source (the synchronization engine) on the same server, about "
    "setting passwords in Active Directory. Several share event ID 6329 and differ by "
    "the HRESULT or the message in their text; some are known only by their HRESULT.",
    "Codes the password reset page itself shows to users (SSPR_00NN), with the names "
    "the documentation gives them. Sorted by code.",
};

const char *doc_area_label(int area)
{
    const char *raw = m_area_names[area];
    for (size_t i = 0; i < sizeof area_labels / sizeof *area_labels; i++)
        if (strcmp(area_labels[i].area, raw) == 0)
            return area_labels[i].label;
    return raw;
}

const char *doc_origin_label(int origin)
{
    return strcmp(m_origin_names[origin], "2017") == 0 ? "the 2017 article"
                                                       : "the current documentation";
}

void doc_code(const m_entry *e, char *buf, size_t cap)
{
    if (!e->has_code)
        snprintf(buf, cap, "%s", "");
    else if (e->source == M_SRC_SSPR)
        snprintf(buf, cap, "SSPR_%04lu", (unsigned long)e->code);
    else
        snprintf(buf, cap, "%lu", (unsigned long)e->code);
}

int doc_heading_is_title(const m_entry *e)
{
    return e->source == M_SRC_NONE || (!e->has_code && !e->name && e->nhresults == 0);
}

void doc_heading(const m_entry *e, char *buf, size_t cap)
{
    if (doc_heading_is_title(e)) {
        snprintf(buf, cap, "%s", e->title);
        return;
    }
    size_t n = 0;
    buf[0] = '\0';
    if (e->has_code) {
        doc_code(e, buf, cap);
        n = strlen(buf);
    }
    if (e->name)
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s", n ? " " : "", e->name);
    else
        for (size_t i = 0; i < e->nhresults && n < cap; i++)
            n += (size_t)snprintf(buf + n, cap - n, "%s0x%08lX", n ? " " : "",
                                  (unsigned long)e->hresults[i]);
}

void doc_fact_value(const m_fact *f, char *buf, size_t cap)
{
    int n;
    if (f->str)
        n = snprintf(buf, cap, "%s", f->str);
    else if (f->min == f->max)
        n = snprintf(buf, cap, "%.15g", f->min);
    else
        n = snprintf(buf, cap, "%.15g-%.15g", f->min, f->max);
    if (f->unit && n >= 0 && (size_t)n < cap)
        snprintf(buf + n, cap - (size_t)n, f->str ? " (%s)" : " %s", f->unit);
}

int doc_fact_superseded_by(const m_entry *e, size_t i)
{
    for (size_t j = 0; j < e->nfacts; j++)
        if (e->facts[j].supersedes == (int)i)
            return (int)j;
    return -1;
}

/* ---- grouping ---- */

static const m_catalog *sort_cat; /* qsort has no context argument in C11 */

static int cmp_by_code(const void *a, const void *b)
{
    const m_entry *x = &sort_cat->entries[*(const size_t *)a];
    const m_entry *y = &sort_cat->entries[*(const size_t *)b];
    if (x->has_code != y->has_code)
        return x->has_code ? -1 : 1; /* entries known only by HRESULT come last */
    if (x->has_code && x->code != y->code)
        return x->code < y->code ? -1 : 1;
    uint32_t hx = x->nhresults ? x->hresults[0] : 0, hy = y->nhresults ? y->hresults[0] : 0;
    if (x->nhresults != 0 && y->nhresults != 0 && hx != hy)
        return hx < hy ? -1 : 1;
    if ((x->nhresults != 0) != (y->nhresults != 0))
        return x->nhresults ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1; /* catalogue order */
}

static int cmp_by_order(const void *a, const void *b)
{
    const m_entry *x = &sort_cat->entries[*(const size_t *)a];
    const m_entry *y = &sort_cat->entries[*(const size_t *)b];
    int ox = x->order ? x->order : 1000, oy = y->order ? y->order : 1000;
    if (ox != oy)
        return ox < oy ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static doc_group *add_group(doc_group **g, size_t *n, const char *anchor, const char *title,
                            const char *intro)
{
    *g = gen_xrealloc(*g, (*n + 1) * sizeof **g);
    doc_group *d = &(*g)[(*n)++];
    memset(d, 0, sizeof *d);
    snprintf(d->anchor, sizeof d->anchor, "%s", anchor);
    snprintf(d->title, sizeof d->title, "%s", title);
    d->intro = intro;
    return d;
}

static void collect(const m_catalog *cat, doc_group *d, int (*want)(const m_entry *, int),
                    int arg)
{
    d->entries = gen_xmalloc((cat->n ? cat->n : 1) * sizeof *d->entries);
    for (size_t i = 0; i < cat->n; i++)
        if (want(&cat->entries[i], arg))
            d->entries[d->n++] = i;
}

static int of_source(const m_entry *e, int src)
{
    return e->source == src;
}

static int of_area(const m_entry *e, int area)
{
    return e->source == M_SRC_NONE && e->kind != M_KIND_PROCEDURE &&
           e->kind != M_KIND_CHECKLIST && e->area == area;
}

static int of_kind(const m_entry *e, int kind)
{
    return e->source == M_SRC_NONE && e->kind == kind;
}

/* Drops a group that ended up empty (a source or area with no entries). */
static void keep_if_any(doc_group *g, size_t *n)
{
    if (*n && g[*n - 1].n == 0) {
        free(g[*n - 1].entries);
        (*n)--;
    }
}

size_t doc_groups(const m_catalog *cat, doc_group **out)
{
    doc_group *g = NULL;
    size_t n = 0;
    sort_cat = cat;
    for (int s = 1; s < M_SRC_COUNT; s++) {
        char anchor[48], title[96];
        snprintf(anchor, sizeof anchor, "source-%s", m_source_names[s]);
        for (char *p = anchor; *p; p++)
            *p = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
        snprintf(title, sizeof title, "%s %s", m_source_names[s],
                 s == M_SRC_SSPR ? "error codes" : "events");
        doc_group *d = add_group(&g, &n, anchor, title, source_intro[s]);
        collect(cat, d, of_source, s);
        qsort(d->entries, d->n, sizeof *d->entries, cmp_by_code);
        keep_if_any(g, &n);
    }
    for (int a = 0; m_area_names[a]; a++) {
        char anchor[48], title[96];
        snprintf(anchor, sizeof anchor, "area-%s", m_area_names[a]);
        snprintf(title, sizeof title, "Symptoms: %s", doc_area_label(a));
        doc_group *d = add_group(&g, &n, anchor, title,
                                 "What a user or an administrator sees, and what to do about "
                                 "it, in the order of the documentation.");
        collect(cat, d, of_area, a);
        keep_if_any(g, &n);
    }
    doc_group *d = add_group(&g, &n, "procedures", "Recovery procedures",
                             "Ordered procedures the entries above refer to by id. When "
                             "writeback stops working, the documentation recommends trying "
                             "them in this order, moving on only when the previous one did "
                             "not help.");
    collect(cat, d, of_kind, M_KIND_PROCEDURE);
    qsort(d->entries, d->n, sizeof *d->entries, cmp_by_order);
    keep_if_any(g, &n);
    d = add_group(&g, &n, "checklists", "Checklists",
                  "What to collect before asking Microsoft support for help.");
    collect(cat, d, of_kind, M_KIND_CHECKLIST);
    keep_if_any(g, &n);
    *out = g;
    return n;
}

void doc_groups_free(doc_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(g[i].entries);
    free(g);
}
