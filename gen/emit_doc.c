/* The reading order shared by sspr-errors(7) and the HTML reference, and the
 * walk through one entry that both formats render (doc_entry). */
#include "emit_doc.h"
#include "emit.h"
#include "roff.h"

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

static const char *const source_intro[SSPR__SOURCE_END] = {
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
    "Events of the Microsoft-Windows-Security-Auditing source in the Security log of a "
    "domain controller: the on-premises trace of a writeback attempt reaching Active "
    "Directory. Sorted by event ID.",
    /* the audit log's services: their entries are listed by kind (audit) */
    "Strings the Self-service Password Management service writes to the Microsoft Entra "
    "audit log.",
    "Strings the Authentication Methods service writes to the Microsoft Entra audit log.",
};

static const char *doc_area_label(int area)
{
    const char *raw = M_NAME(areas, area);
    for (size_t i = 0; i < sizeof area_labels / sizeof *area_labels; i++)
        if (strcmp(area_labels[i].area, raw) == 0)
            return area_labels[i].label;
    return raw;
}

const char *doc_origin_label(int origin)
{
    switch (origin) {
    case SSPR__ORIGIN_CURRENT: return "the current documentation";
    case SSPR__ORIGIN_FIELD: return "field reports";
    default: return "the 2017 article";
    }
}

static void doc_code(const m_entry *e, char *buf, size_t cap)
{
    if (!(e->code >= 0))
        snprintf(buf, cap, "%s", "");
    else if (e->source == SSPR__SOURCE_SSPR)
        snprintf(buf, cap, "SSPR_%04lu", (unsigned long)e->code);
    else
        snprintf(buf, cap, "%lu", (unsigned long)e->code);
}

int doc_heading_is_title(const m_entry *e)
{
    return e->source == SSPR__SOURCE_NONE || (!(e->code >= 0) && !e->name && e->hresults.n == 0);
}

void doc_heading(const m_entry *e, char *buf, size_t cap)
{
    if (doc_heading_is_title(e)) {
        snprintf(buf, cap, "%s", e->title);
        return;
    }
    size_t n = 0;
    buf[0] = '\0';
    if (e->code >= 0) {
        doc_code(e, buf, cap);
        n = strlen(buf);
    }
    if (e->name)
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s", n ? " " : "", e->name);
    else
        for (size_t i = 0; i < e->hresults.n && n < cap; i++)
            n += (size_t)snprintf(buf + n, cap - n, "%s0x%08lX", n ? " " : "",
                                  (unsigned long)e->hresults.v[i]);
}

static void doc_fact_value(const m_fact *f, char *buf, size_t cap)
{
    int n;
    if (f->value.str)
        n = snprintf(buf, cap, "%s", f->value.str);
    else if (f->min == f->max)
        n = snprintf(buf, cap, "%.15g", f->min);
    else
        n = snprintf(buf, cap, "%.15g-%.15g", f->min, f->max);
    if (f->unit && n >= 0 && (size_t)n < cap)
        snprintf(buf + n, cap - (size_t)n, f->value.str ? " (%s)" : " %s", f->unit);
}

static int doc_fact_superseded_by(const m_entry *e, size_t i)
{
    for (size_t j = 0; j < e->facts.n; j++)
        if (e->facts.v[j].supersedes_at == (int)i)
            return (int)j;
    return -1;
}

int doc_write(const m_catalog *cat, const char *path,
              void (*body)(FILE *f, const m_catalog *cat, const char *date))
{
    char date[11];
    if (doc_date(date) != 0) {
        gen_error(path, 0, 0, "cannot date the page (see SOURCE_DATE_EPOCH)");
        return -1;
    }
    FILE *f = emit_open(path);
    if (!f)
        return -1;
    body(f, cat, date);
    return emit_close(f, path);
}

/* ---- grouping ---- */

static const m_catalog *sort_cat; /* qsort has no context argument in C11 */

static int cmp_by_code(const void *a, const void *b)
{
    const m_entry *x = &sort_cat->entries[*(const size_t *)a];
    const m_entry *y = &sort_cat->entries[*(const size_t *)b];
    if ((x->code >= 0) != (y->code >= 0))
        return (x->code >= 0) ? -1 : 1; /* entries known only by HRESULT come last */
    if ((x->code >= 0) && x->code != y->code)
        return x->code < y->code ? -1 : 1;
    uint32_t hx = x->hresults.n ? x->hresults.v[0] : 0, hy = y->hresults.n ? y->hresults.v[0] : 0;
    if (x->hresults.n != 0 && y->hresults.n != 0 && hx != hy)
        return hx < hy ? -1 : 1;
    if ((x->hresults.n != 0) != (y->hresults.n != 0))
        return x->hresults.n ? -1 : 1;
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

static void collect(const m_catalog *cat, doc_group *d, int (*want)(const m_entry *, int), int arg)
{
    d->entries = gen_xmalloc((cat->n ? cat->n : 1) * sizeof *d->entries);
    for (size_t i = 0; i < cat->n; i++)
        if (want(&cat->entries[i], arg))
            d->entries[d->n++] = i;
}

static int of_source(const m_entry *e, int src)
{
    return e->source == src && e->kind != SSPR__KIND_AUDIT;
}

static int of_area(const m_entry *e, int area)
{
    return e->source == SSPR__SOURCE_NONE && e->kind != SSPR__KIND_PROCEDURE &&
           e->kind != SSPR__KIND_CHECKLIST && e->kind != SSPR__KIND_AUDIT && e->area == area;
}

static int of_kind(const m_entry *e, int kind)
{
    return (e->source == SSPR__SOURCE_NONE || kind == SSPR__KIND_AUDIT) && e->kind == kind;
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
    for (int s = 1; s < SSPR__SOURCE_END; s++) {
        char anchor[48], title[96];
        snprintf(anchor, sizeof anchor, "source-%s", M_NAME(sources, s));
        for (char *p = anchor; *p; p++)
            *p = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p == ' ' ? '-' : *p;
        snprintf(title, sizeof title, "%s %s", M_NAME(sources, s),
                 s == SSPR__SOURCE_SSPR ? "error codes" : "events");
        doc_group *d = add_group(&g, &n, anchor, title, source_intro[s]);
        collect(cat, d, of_source, s);
        qsort(d->entries, d->n, sizeof *d->entries, cmp_by_code);
        keep_if_any(g, &n);
    }
    doc_group *audit = add_group(&g, &n, "audit", "Audit log: activities and result reasons",
                                 "Strings the Microsoft Entra audit log writes for password "
                                 "reset and change: the activity names and the reasons and "
                                 "details of each result, byte-exact, in catalogue order. Each "
                                 "names the events and symptoms it corresponds to.");
    collect(cat, audit, of_kind, SSPR__KIND_AUDIT);
    keep_if_any(g, &n);
    for (int a = 1; a <= (int)sspr__areas.count; a++) {
        char anchor[48], title[96];
        snprintf(anchor, sizeof anchor, "area-%s", M_NAME(areas, a));
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
    collect(cat, d, of_kind, SSPR__KIND_PROCEDURE);
    qsort(d->entries, d->n, sizeof *d->entries, cmp_by_order);
    keep_if_any(g, &n);
    d = add_group(&g, &n, "checklists", "Checklists",
                  "What to collect before asking Microsoft support for help.");
    collect(cat, d, of_kind, SSPR__KIND_CHECKLIST);
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

/* ---- one entry ---- */

/* The walk through one entry: the format, where it writes, and how many
 * fields the fields block has so far (item_begin numbers them). */
typedef struct {
    const doc_format *fmt;
    const doc_out *o;
    size_t nfields;
} walk;

static void words(const walk *w, const char *s)
{
    fputs(s, w->o->f);
}

static void span(const walk *w, int kind, const char *s)
{
    w->fmt->span(w->o, kind, s);
}

static void hex_span(const walk *w, const char *sep, uint32_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "0x%08lX", (unsigned long)v);
    words(w, sep);
    span(w, DOC_CODE, buf);
}

/* Starts a field; the caller writes its value and calls field_end. */
static void field(walk *w, const char *label)
{
    w->fmt->item_begin(w->o, DOC_FIELDS, w->nfields++, label);
}

static void field_end(const walk *w)
{
    w->fmt->item_end(w->o, DOC_FIELDS);
}

static void source_field(walk *w, const m_entry *e)
{
    char buf[32];
    doc_code(e, buf, sizeof buf);
    if (e->kind == SSPR__KIND_AUDIT) {
        field(w, "Logged by");
        span(w, DOC_TEXT, M_NAME(sources, e->source));
        words(w, " (Microsoft Entra audit log)");
    } else if (e->source == SSPR__SOURCE_SSPR) {
        field(w, "Code");
        span(w, DOC_CODE, (e->code >= 0) ? buf : "none");
        words(w, " on the password reset page");
    } else {
        field(w, "Event");
        span(w, DOC_TEXT, M_NAME(sources, e->source));
        if (e->code >= 0) {
            words(w, " event ");
            span(w, DOC_CODE, buf);
        }
    }
    field_end(w);
}

static void mentions_field(walk *w, const m_entry *e)
{
    field(w, "Mentions");
    for (size_t i = 0; i < e->mentions.n; i++) {
        const m_mention *m = &e->mentions.v[i];
        if (i)
            words(w, "; ");
        if (m->source)
            fprintf(w->o->f, "%s ", M_NAME(sources, m->source));
        if (m->code >= 0) {
            char buf[24];
            snprintf(buf, sizeof buf, "%lu", (unsigned long)m->code);
            words(w, m->source ? "event " : "code ");
            span(w, DOC_CODE, buf);
        }
        if ((m->hresult >= 0))
            hex_span(w, (m->code >= 0) ? " " : "", m->hresult);
    }
    field_end(w);
}

static void fields(walk *w, const m_entry *e)
{
    const doc_format *fmt = w->fmt;
    fmt->list_begin(w->o, DOC_FIELDS, NULL);
    field(w, "Id");
    span(w, DOC_CODE, e->id);
    field_end(w);
    if (fmt->title_in_fields && !doc_heading_is_title(e)) {
        field(w, "Title");
        span(w, DOC_TEXT, e->title);
        field_end(w);
    }
    if (e->source != SSPR__SOURCE_NONE)
        source_field(w, e);
    if (e->name && (fmt->name_always || doc_heading_is_title(e))) {
        field(w, "Name");
        span(w, DOC_CODE, e->name);
        field_end(w);
    }
    if (e->aliases.n) {
        field(w, e->aliases.n == 1 ? "Alias" : "Aliases");
        for (size_t i = 0; i < e->aliases.n; i++) {
            words(w, i ? ", " : "");
            span(w, DOC_CODE, e->aliases.v[i]);
        }
        field_end(w);
    }
    if (e->hresults.n) {
        field(w, "HRESULT");
        for (size_t i = 0; i < e->hresults.n; i++)
            hex_span(w, i ? ", " : "", e->hresults.v[i]);
        field_end(w);
    }
    if (e->mentions.n)
        mentions_field(w, e);
    field(w, "Kind");
    fprintf(w->o->f, "%s; severity %s; area %s", M_NAME(kinds, e->kind),
            M_NAME(severities, e->severity), M_NAME(areas, e->area));
    field_end(w);
    if (e->kind == SSPR__KIND_PROCEDURE && e->order) {
        field(w, "Order");
        fprintf(w->o->f, "recovery step %d", e->order);
        field_end(w);
    }
    field(w, "From");
    /* The curly quotes go through the format's escaping: \(lq and \(rq in
     * man(7), UTF-8 as they are in HTML. */
    span(w, DOC_TEXT, "\xE2\x80\x9C");
    span(w, DOC_TEXT, e->section);
    span(w, DOC_TEXT, "\xE2\x80\x9D, ");
    span(w, DOC_TEXT, doc_origin_label(e->origin));
    if (e->refs.n)
        words(w, e->refs.n == 1 ? " (see Source below)" : " (see Sources below)");
    field_end(w);
    fmt->list_end(w->o, DOC_FIELDS);
}

/* A labelled list of strings, each item one span of the given kind. */
static void strings(const walk *w, int list, const char *label, int kind, const m_strings *s)
{
    if (!s->n)
        return;
    w->fmt->list_begin(w->o, list, label);
    for (size_t i = 0; i < s->n; i++) {
        w->fmt->item_begin(w->o, list, i, NULL);
        span(w, kind, s->v[i]);
        w->fmt->item_end(w->o, list);
    }
    w->fmt->list_end(w->o, list);
}

/* Entries referred to by index into the catalogue: "id: title", with its
 * place in the recovery sequence for procedures. */
static void refs(const walk *w, const char *label, const size_t *idx, size_t n, int with_order)
{
    if (!n)
        return;
    w->fmt->list_begin(w->o, DOC_BULLETS, label);
    for (size_t i = 0; i < n; i++) {
        const m_entry *r = &w->o->cat->entries[idx[i]];
        w->fmt->item_begin(w->o, DOC_BULLETS, i, NULL);
        span(w, DOC_REF, r->id);
        words(w, ": ");
        span(w, DOC_TEXT, r->title);
        if (with_order && r->order) {
            char note[32];
            snprintf(note, sizeof note, "(recovery step %d)", r->order);
            words(w, " ");
            span(w, DOC_NOTE, note);
        }
        w->fmt->item_end(w->o, DOC_BULLETS);
    }
    w->fmt->list_end(w->o, DOC_BULLETS);
}

/* A page, last in its item: " read 2025-03-04" when its day is known, then ": "
 * and the address (which man(7) sets on a line of its own). */
static void page(const walk *w, const char *url, const char *date)
{
    if (date) {
        words(w, " read ");
        span(w, DOC_TEXT, date);
    }
    words(w, ": ");
    span(w, DOC_URL, url);
}

/* The order facts are shown in: the catalogue's, except that a fact another one
 * replaces comes right after its replacement, so the current value is first. */
static size_t fact_order(const m_entry *e, size_t *order)
{
    size_t n = 0;
    unsigned char *shown = gen_xmalloc(e->facts.n ? e->facts.n : 1);
    memset(shown, 0, e->facts.n ? e->facts.n : 1);
    for (size_t i = 0; i < e->facts.n; i++) {
        if (shown[i] || doc_fact_superseded_by(e, i) >= 0)
            continue; /* shown after the fact that replaces it */
        for (int at = (int)i; at >= 0 && !shown[at]; at = e->facts.v[at].supersedes_at) {
            shown[at] = 1;
            order[n++] = (size_t)at;
        }
    }
    for (size_t i = 0; i < e->facts.n; i++) /* a cycle, which the model refuses */
        if (!shown[i])
            order[n++] = i;
    free(shown);
    return n;
}

static void facts(const walk *w, const m_entry *e)
{
    char buf[512];
    if (!e->facts.n)
        return;
    size_t *order = gen_xmalloc(e->facts.n * sizeof *order);
    size_t n = fact_order(e, order);
    w->fmt->list_begin(w->o, DOC_FACTS, "Facts");
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        const m_fact *x = &e->facts.v[i];
        w->fmt->item_begin(w->o, DOC_FACTS, k, NULL);
        doc_fact_value(x, buf, sizeof buf);
        w->fmt->fact(w->o, x, buf);
        if (x->supersedes_at >= 0) {
            words(w, "; replaces ");
            span(w, DOC_CODE, e->facts.v[x->supersedes_at].key);
        }
        int by = doc_fact_superseded_by(e, i);
        if (by >= 0) {
            words(w, "; replaced by ");
            span(w, DOC_CODE, e->facts.v[by].key);
        }
        if (x->url) {
            words(w, "; stated on a page");
            page(w, x->url, x->date);
        }
        w->fmt->item_end(w->o, DOC_FACTS);
    }
    w->fmt->list_end(w->o, DOC_FACTS);
    free(order);
}

/* The pages and posts the entry comes from: "Title, read DATE: https://...". */
static void sources(const walk *w, const m_entry *e)
{
    if (!e->refs.n)
        return;
    w->fmt->list_begin(w->o, DOC_SOURCES, e->refs.n == 1 ? "Source" : "Sources");
    for (size_t i = 0; i < e->refs.n; i++) {
        const m_reference *r = &e->refs.v[i];
        w->fmt->item_begin(w->o, DOC_SOURCES, i, NULL);
        span(w, DOC_TEXT, r->title ? r->title : "Page");
        if (r->date)
            words(w, ",");
        page(w, r->url, r->date);
        w->fmt->item_end(w->o, DOC_SOURCES);
    }
    w->fmt->list_end(w->o, DOC_SOURCES);
}

void doc_entry(const doc_format *fmt, const doc_out *o, const m_entry *e)
{
    char heading[512];
    walk w = {fmt, o, 0};
    doc_heading(e, heading, sizeof heading);
    fmt->entry_begin(o, e, heading);
    fields(&w, e);
    fmt->summary(o, e->summary);
    strings(&w, DOC_MESSAGES, e->messages.n == 1 ? "Message" : "Messages", DOC_MESSAGE,
            &e->messages);
    strings(&w, DOC_BULLETS, e->causes.n == 1 ? "Cause" : "Causes", DOC_PROSE, &e->causes);
    strings(&w, DOC_NUMBERED, e->kind == SSPR__KIND_CHECKLIST ? "Collect" : "Steps", DOC_PROSE,
            &e->steps);
    refs(&w, e->procedures.n == 1 ? "Procedure" : "Procedures", e->procedures.idx, e->procedures.n,
         1);
    refs(&w, "Related", e->related.idx, e->related.n, 0);
    facts(&w, e);
    sources(&w, e);
    fmt->entry_end(o, e);
}
