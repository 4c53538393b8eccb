/* sspr-errors(7): the whole catalogue as one man(7) page, in the reading order
 * of emit_doc.c. The page source is ASCII (see roff.c); each entry also carries
 * its literal keys (id, name, aliases, title, messages) unescaped in a roff
 * comment, because man -K searches page sources, not rendered text. */
#include "emit.h"
#include "emit_doc.h"
#include "roff.h"

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

/* ---- an entry: the format for doc_entry (emit_doc.h) ---- */

/* The heading, then the literal keys as comments for man -K. */
static void entry_begin(const doc_out *o, const m_entry *e, const char *heading_text)
{
    heading(o->f, "SS", heading_text, 0);
    comment_key(o->f, e->id);
    if (e->name)
        comment_key(o->f, e->name);
    for (size_t i = 0; i < e->aliases.n; i++)
        comment_key(o->f, e->aliases.v[i]);
    comment_key(o->f, e->title);
    for (size_t i = 0; i < e->messages.n; i++)
        comment_key(o->f, e->messages.v[i]);
}

static void entry_end(const doc_out *o, const m_entry *e)
{
    (void)o; /* the next heading ends it */
    (void)e;
}

static void summary(const doc_out *o, const char *s)
{
    fputs(".PP\n", o->f);
    text(o->f, s);
    fputc('\n', o->f);
}

/* Fields are a tagged paragraph list, the others a bold label over indented
 * paragraphs; both without blank lines between items (.PD 0). */
static void list_begin(const doc_out *o, int list, const char *label)
{
    (void)list;
    if (label)
        fprintf(o->f, ".PP\n.B %s\n", label);
    fputs(".PD 0\n", o->f);
}

static void list_end(const doc_out *o, int list)
{
    (void)list;
    fputs(".PD\n", o->f);
}

static void item_begin(const doc_out *o, int list, size_t i, const char *label)
{
    if (list == DOC_FIELDS) {
        fputs(i == 0 ? ".TP 11\n" : ".TP\n", o->f); /* the first sets the tag width */
        fprintf(o->f, ".B %s\n", label);
    } else if (list == DOC_NUMBERED) {
        fprintf(o->f, ".IP %zu. 4\n", i + 1);
    } else {
        fputs(".IP \\(bu 4\n", o->f);
    }
}

/* A fact ends without a full stop, which could be read as part of its page's
 * address ("From the 2017 article; replaced by x"). */
static void item_end(const doc_out *o, int list)
{
    (void)list;
    fputs("\n", o->f);
}

/* An address, on a line of its own: some are wider than the page, and a reader
 * copies it whole. It ends its item (emit_doc.h), so nothing follows it. */
static void url(FILE *f, const char *s)
{
    fputs("\n.br\n", f);
    text(f, s);
}

/* Literal keys are plain: bold marks only messages and the ids of references. */
static void span(const doc_out *o, int kind, const char *s)
{
    if (kind == DOC_MESSAGE || kind == DOC_REF)
        bold(o->f, s);
    else if (kind == DOC_URL)
        url(o->f, s);
    else
        text(o->f, s);
}

static void fact(const doc_out *o, const m_fact *x, const char *value)
{
    bold(o->f, x->key);
    fputs(" = ", o->f);
    text(o->f, value);
    fputs("\n.br\n", o->f);
    text(o->f, x->text);
    fputs("\n.br\nFrom ", o->f);
    text(o->f, doc_origin_label(x->origin));
}

static const doc_format man_format = {
    .entry_begin = entry_begin,
    .entry_end = entry_end,
    .summary = summary,
    .list_begin = list_begin,
    .list_end = list_end,
    .item_begin = item_begin,
    .item_end = item_end,
    .span = span,
    .fact = fact,
    .title_in_fields = 1,
    .name_always = 0,
};

static void description(FILE *f, const m_catalog *cat, const doc_group *g, size_t ng)
{
    heading(f, "SH", "DESCRIPTION", 0);
    fprintf(f, "This page is the whole catalogue of libsspr\\-errors, version %s: ", cat->version);
    fprintf(f,
            "%zu entries on the errors, event\\-log codes and symptoms of Microsoft\\(aqs "
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
          "related entries it refers to (by id, with their titles), the facts the "
          "documentation states, with their units and origin, and the sources the entry "
          "comes from.\n"
          ".PP\n"
          "Every entry and fact says where it comes from: the 2017 article (Microsoft, "
          "\\(lqHow to troubleshoot self\\-service password reset\\(rq), the current "
          "documentation (the page, its address and the day it was read, under\n"
          ".BR Source )\n"
          "or field reports (public posts of what the product prints, with their "
          "addresses).\n"
          "A fact stated on a page that is not one of the entry's sources gives its own "
          "address.\n"
          ".PP\n"
          "Names and messages are copied byte\\-exact, misspellings included "
          "(the corrected spelling is an alias); summaries, causes and steps are written "
          "in our own words.\n"
          "Where the current documentation changed a value given in 2017, both facts are "
          "listed, the current one first, and each says which replaces which.\n"
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
    const doc_out out = {f, cat};
    description(f, cat, g, ng);
    for (size_t i = 0; i < ng; i++) {
        heading(f, "SH", g[i].title, 1);
        if (g[i].intro) {
            text(f, g[i].intro);
            fputc('\n', f);
        }
        for (size_t j = 0; j < g[i].n; j++)
            doc_entry(&man_format, &out, &cat->entries[g[i].entries[j]]);
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
    return doc_write(cat, path, body);
}
