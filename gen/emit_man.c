/* sspr-errors(7): the whole catalogue as one man(7) page, in the reading order
 * of emit_doc.c. The page source is ASCII (see roff.c); each entry also carries
 * its literal keys (id, name, aliases, title, messages) unescaped in a roff
 * comment, because man -K searches page sources, not rendered text. */
#include "emit.h"
#include "emit_doc.h"
#include "roff.h"

#include "diag.h"

#include <string.h>

static void text(FILE *f, const char *s)
{
    roff_text(f, s);
}

static void bold(FILE *f, const char *s)
{
    fputs("\\fB", f);
    roff_text(f, s);
    fputs("\\fR", f);
}

/* A .SH/.SS heading: an argument, so quotes are escaped. */
static void heading(FILE *f, const char *macro, const char *s, int upper)
{
    fprintf(f, ".%s \"", macro);
    if (upper) {
        char buf[256];
        size_t i = 0;
        for (; s[i] && i + 1 < sizeof buf; i++)
            buf[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
        buf[i] = '\0';
        roff_arg(f, buf);
    } else {
        roff_arg(f, s);
    }
    fputs("\"\n", f);
}

/* Raw text in a comment line: newlines would end the comment. */
static void comment_key(FILE *f, const char *s)
{
    fputs(".\\\" ", f);
    for (; *s; s++)
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
    fputc('\n', f);
}

static void field(FILE *f, const char *label)
{
    fputs(".TP\n", f);
    fprintf(f, ".B %s\n", label);
}

static void entry_ref(FILE *f, const m_entry *r, const char *extra)
{
    bold(f, r->id);
    fputs(": ", f);
    text(f, r->title);
    if (extra)
        text(f, extra);
    fputc('\n', f);
}

static void list_label(FILE *f, const char *label)
{
    fputs(".PP\n", f);
    fprintf(f, ".B %s\n", label);
    fputs(".PD 0\n", f);
}

static void list_end(FILE *f)
{
    fputs(".PD\n", f);
}

static void fields(FILE *f, const m_entry *e)
{
    char buf[512];
    fputs(".PD 0\n", f);
    fputs(".TP 11\n.B Id\n", f);
    text(f, e->id);
    fputc('\n', f);
    if (!doc_heading_is_title(e)) {
        field(f, "Title");
        text(f, e->title);
        fputc('\n', f);
    }
    if (e->source != M_SRC_NONE) {
        field(f, e->source == M_SRC_SSPR ? "Code" : "Event");
        doc_code(e, buf, sizeof buf);
        if (e->source == M_SRC_SSPR) {
            text(f, e->has_code ? buf : "none");
            fputs(" on the password reset page", f);
        } else {
            text(f, m_source_names[e->source]);
            if (e->has_code) {
                fputs(" event ", f);
                text(f, buf);
            }
        }
        fputc('\n', f);
    }
    if (e->name && doc_heading_is_title(e)) {
        field(f, "Name");
        text(f, e->name);
        fputc('\n', f);
    }
    if (e->aliases.n) {
        field(f, e->aliases.n == 1 ? "Alias" : "Aliases");
        for (size_t i = 0; i < e->aliases.n; i++) {
            if (i)
                fputs(", ", f);
            text(f, e->aliases.v[i]);
        }
        fputc('\n', f);
    }
    if (e->nhresults) {
        field(f, "HRESULT");
        for (size_t i = 0; i < e->nhresults; i++)
            fprintf(f, "%s0x%08lX", i ? ", " : "", (unsigned long)e->hresults[i]);
        fputc('\n', f);
    }
    if (e->nmentions) {
        field(f, "Mentions");
        for (size_t i = 0; i < e->nmentions; i++) {
            const m_mention *m = &e->mentions[i];
            if (i)
                fputs("; ", f);
            if (m->source)
                fprintf(f, "%s ", m_source_names[m->source]);
            if (m->has_code)
                fprintf(f, "%s%lu", m->source ? "event " : "code ", (unsigned long)m->code);
            if (m->has_hresult)
                fprintf(f, "%s0x%08lX", m->has_code ? " " : "", (unsigned long)m->hresult);
        }
        fputc('\n', f);
    }
    field(f, "Kind");
    fprintf(f, "%s; severity %s; area %s\n", m_kind_names[e->kind],
            m_severity_names[e->severity], m_area_names[e->area]);
    if (e->kind == M_KIND_PROCEDURE && e->order) {
        field(f, "Order");
        fprintf(f, "recovery step %d\n", e->order);
    }
    field(f, "From");
    fputs("\\(lq", f);
    text(f, e->section);
    fputs("\\(rq, ", f);
    text(f, doc_origin_label(e->origin));
    fputc('\n', f);
    list_end(f);
}

static void facts(FILE *f, const m_entry *e)
{
    char buf[512];
    list_label(f, "Facts");
    for (size_t i = 0; i < e->nfacts; i++) {
        const m_fact *x = &e->facts[i];
        fputs(".IP \\(bu 4\n", f);
        bold(f, x->key);
        fputs(" = ", f);
        doc_fact_value(x, buf, sizeof buf);
        text(f, buf);
        fputs("\n.br\n", f);
        text(f, x->text);
        fputs("\n.br\n", f);
        fputs("From ", f);
        text(f, doc_origin_label(x->origin));
        if (x->supersedes >= 0) {
            fputs("; replaces ", f);
            text(f, e->facts[x->supersedes].key);
        }
        int by = doc_fact_superseded_by(e, i);
        if (by >= 0) {
            fputs("; replaced by ", f);
            text(f, e->facts[by].key);
        }
        fputs(".\n", f);
    }
    list_end(f);
}

static void entry(FILE *f, const m_catalog *cat, const m_entry *e)
{
    char buf[512];
    doc_heading(e, buf, sizeof buf);
    heading(f, "SS", buf, 0);
    comment_key(f, e->id);
    if (e->name)
        comment_key(f, e->name);
    for (size_t i = 0; i < e->aliases.n; i++)
        comment_key(f, e->aliases.v[i]);
    comment_key(f, e->title);
    for (size_t i = 0; i < e->messages.n; i++)
        comment_key(f, e->messages.v[i]);
    fields(f, e);
    fputs(".PP\n", f);
    text(f, e->summary);
    fputc('\n', f);
    if (e->messages.n) {
        list_label(f, e->messages.n == 1 ? "Message" : "Messages");
        for (size_t i = 0; i < e->messages.n; i++) {
            fputs(".IP \\(bu 4\n", f);
            bold(f, e->messages.v[i]);
            fputc('\n', f);
        }
        list_end(f);
    }
    if (e->causes.n) {
        list_label(f, e->causes.n == 1 ? "Cause" : "Causes");
        for (size_t i = 0; i < e->causes.n; i++) {
            fputs(".IP \\(bu 4\n", f);
            text(f, e->causes.v[i]);
            fputc('\n', f);
        }
        list_end(f);
    }
    if (e->steps.n) {
        list_label(f, e->kind == M_KIND_CHECKLIST ? "Collect" : "Steps");
        for (size_t i = 0; i < e->steps.n; i++) {
            fprintf(f, ".IP %zu. 4\n", i + 1);
            text(f, e->steps.v[i]);
            fputc('\n', f);
        }
        list_end(f);
    }
    if (e->procedure_ids.n) {
        list_label(f, e->procedure_ids.n == 1 ? "Procedure" : "Procedures");
        for (size_t i = 0; i < e->procedure_ids.n; i++) {
            const m_entry *p = &cat->entries[e->procedures[i]];
            char extra[64] = "";
            if (p->order)
                snprintf(extra, sizeof extra, " (recovery step %d)", p->order);
            fputs(".IP \\(bu 4\n", f);
            entry_ref(f, p, extra[0] ? extra : NULL);
        }
        list_end(f);
    }
    if (e->related_ids.n) {
        list_label(f, "Related");
        for (size_t i = 0; i < e->related_ids.n; i++) {
            fputs(".IP \\(bu 4\n", f);
            entry_ref(f, &cat->entries[e->related[i]], NULL);
        }
        list_end(f);
    }
    if (e->nfacts)
        facts(f, e);
}

static void description(FILE *f, const m_catalog *cat, const doc_group *g, size_t ng)
{
    heading(f, "SH", "DESCRIPTION", 0);
    fprintf(f, "This page is the whole catalogue of libsspr\\-errors, version %s: ", cat->version);
    fprintf(f, "%zu entries on the errors, event\\-log codes and symptoms of Microsoft\\(aqs "
               "self\\-service password reset (SSPR) and Password Writeback, "
               "with their causes and the steps that fix them.\n",
            cat->n);
    fputs("It is grouped as follows:\n", f);
    for (size_t i = 0; i < ng; i++) {
        fputs(".IP \\(bu 4\n", f);
        text(f, g[i].title);
        fprintf(f, " (%zu)\n", g[i].n);
        if (i == 0)
            fputs(".PD 0\n", f); /* a blank line before the list only */
    }
    fputs(".PD\n", f);
    fputs(".PP\n"
          "Each entry is headed by its code and name as the documentation writes them "
          "(for events), or by its title.\n"
          "It then gives its stable\n.B Id\n"
          "(what\n.B sspr\\-errors show\ntakes), "
          "the event source and code, other names, HRESULTs, and the codes it only "
          "mentions; its kind, severity and product area; and the documentation section "
          "it comes from.\n"
          "A summary follows, then the literal messages a user or the event log shows, "
          "possible causes, the steps that resolve it, the recovery procedures and "
          "related entries it refers to (by id, with their titles), and the facts the "
          "documentation states, with their units and origin.\n"
          ".PP\n"
          "Names and messages are copied byte\\-exact, misspellings included "
          "(the corrected spelling is an alias); summaries, causes and steps are written "
          "in our own words.\n"
          "Where the current documentation changed a value given in 2017, both facts are "
          "listed, and the newer one says which it replaces.\n"
          ".PP\n"
          "To find entries from what a ticket or an event log says (a code, an HRESULT, a "
          "name or a pasted message), run\n"
          ".B sspr\\-errors lookup\n"
          "(see\n.BR sspr\\-errors (1));\n"
          "from a program, call\n.BR sspr_lookup (3).\n",
          f);
}

static void body(FILE *f, const m_catalog *cat, const char *date)
{
    /* The search-key comments hold raw UTF-8; say so for preconv and mandoc. */
    fputs(".\\\" -*- coding: UTF-8 -*-\n", f);
    fprintf(f, emit_banner_fmt, ".\\\"");
    fputs(".\\\" Source: the catalogue (catalog/*.json), rendered by gen/emit_man.c.\n", f);
    fprintf(f, ".TH SSPR-ERRORS 7 %s \"libsspr-errors catalogue %s\" \"SSPR Error Reference\"\n",
            date, cat->version);
    fputs(".\\\" Literal strings must not be hyphenated or spread out (groff's man\n"
          ".\\\" macros restore hyphenation from register HY).\n.nr HY 0\n.hy 0\n.ad l\n",
          f);
    heading(f, "SH", "NAME", 0);
    fputs("sspr\\-errors \\- Microsoft SSPR and Password Writeback errors, event codes and "
          "fixes\n",
          f);
    doc_group *g;
    size_t ng = doc_groups(cat, &g);
    description(f, cat, g, ng);
    for (size_t i = 0; i < ng; i++) {
        heading(f, "SH", g[i].title, 1);
        if (g[i].intro) {
            text(f, g[i].intro);
            fputc('\n', f);
        }
        for (size_t j = 0; j < g[i].n; j++)
            entry(f, cat, &cat->entries[g[i].entries[j]]);
    }
    doc_groups_free(g, ng);
    heading(f, "SH", "SEE ALSO", 0);
    fputs(".BR sspr-errors (1),\n"
          ".BR libsspr-errors (3)\n"
          ".PP\n"
          "Microsoft, \\(lqHow to troubleshoot self\\-service password reset\\(rq (2017), "
          "and the current Microsoft Entra documentation on troubleshooting "
          "self\\-service password reset and password writeback.\n",
          f);
}

int emit_man7(const m_catalog *cat, const char *path)
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
