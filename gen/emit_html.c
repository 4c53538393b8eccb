/* The HTML reference: one self-contained file (inline CSS, no scripts, no
 * external assets), well-formed XHTML-compatible markup, an element with
 * id="<entry id>" per entry so reference.html#prs-32009 works, and a table of
 * contents by source and area. Same reading order as sspr-errors(7). The only
 * links out of the file are to the pages the catalogue cites (its refs and
 * facts' urls). */
#include "emit.h"
#include "html.h"
#include "emit_doc.h"

#include <stdlib.h>
#include <string.h>

static const char css[] =
    ":root{--fg:#1b1f23;--bg:#fff;--muted:#586069;--line:#d8dee4;--code:#f3f4f6;"
    "--accent:#0b5cad;--err:#b42318;--warn:#9a6700;--info:#1a7f37}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8b949e;"
    "--line:#30363d;--code:#161b22;--accent:#58a6ff;--err:#f85149;--warn:#d29922;"
    "--info:#3fb950}}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:60rem;padding:1rem 1.25rem 4rem;color:var(--fg);"
    "background:var(--bg);font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",sans-serif}\n"
    "a{color:var(--accent)}\n"
    "code,samp,.value{font-family:ui-monospace,\"SFMono-Regular\",Consolas,monospace;"
    "font-size:.92em}\n"
    "h1{font-size:1.7rem;margin:.5rem 0}\n"
    "h2{font-size:1.35rem;margin:2.5rem 0 .5rem;padding-bottom:.25rem;"
    "border-bottom:2px solid var(--line)}\n"
    "h3{font-size:1.1rem;margin:0 0 .35rem}\n"
    "h3 a{color:inherit;text-decoration:none}\n"
    "h3 a:hover{text-decoration:underline}\n"
    "h4{font-size:.95rem;margin:.8rem 0 .2rem}\n"
    "nav ol{padding-left:1.25rem}\n"
    "nav li li{display:inline;margin-right:.75rem}\n"
    "nav li li.line{display:list-item;list-style:none}\n"
    "nav>ol>li{margin:.35rem 0}\n"
    "nav ol ol{padding-left:0;font-size:.9rem}\n"
    ".entry{border:1px solid var(--line);border-left:4px solid var(--line);"
    "border-radius:6px;padding:.75rem 1rem;margin:1rem 0}\n"
    ".entry:target{outline:2px solid var(--accent)}\n"
    ".sev-error{border-left-color:var(--err)}\n"
    ".sev-warning{border-left-color:var(--warn)}\n"
    ".sev-info{border-left-color:var(--info)}\n"
    ".title{margin:0 0 .5rem;font-weight:600}\n"
    "dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;"
    "margin:.25rem 0 .75rem;font-size:.92rem}\n"
    "dl.fields dt{color:var(--muted)}\n"
    "dl.fields dd{margin:0}\n"
    "ul.messages{list-style:none;padding-left:0}\n"
    "ul.messages samp{display:block;background:var(--code);padding:.3rem .6rem;"
    "border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "ul.messages li{margin:.3rem 0}\n"
    "table.facts{border-collapse:collapse;font-size:.9rem;width:100%}\n"
    "table.facts th,table.facts td{border:1px solid var(--line);padding:.25rem .5rem;"
    "text-align:left;vertical-align:top}\n"
    ".value,a.url{overflow-wrap:anywhere}\n"
    ".muted,footer{color:var(--muted)}\n"
    "footer{margin-top:3rem;font-size:.85rem}\n"
    "@media print{nav{display:none}.entry{break-inside:avoid}}\n";

/* ---- escaping ---- */

static void esc(FILE *f, const char *s)
{
    sspr__html_escape(f, s);
}

static void esc_n(FILE *f, const char *s, size_t n)
{
    char buf[256];
    while (n) {
        size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
        memcpy(buf, s, k);
        buf[k] = '\0';
        esc(f, buf);
        s += k;
        n -= k;
    }
}

static int id_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static int word_char(int c)
{
    return id_char(c) || (c >= 'A' && c <= 'Z') || c == '_';
}

static long find_id(const m_catalog *cat, const char *s, size_t n)
{
    for (size_t i = 0; i < cat->n; i++)
        if (strlen(cat->entries[i].id) == n && memcmp(cat->entries[i].id, s, n) == 0)
            return (long)i;
    return -1;
}

/* Escaped text in which every word that is an entry id links to that entry
 * ("Run the procedure proc-reenable-writeback."). */
static void linked(FILE *f, const m_catalog *cat, const char *s)
{
    const char *p = s, *plain = s;
    while (*p) {
        if (id_char((unsigned char)*p) && (p == s || !word_char((unsigned char)p[-1]))) {
            size_t n = 0;
            while (id_char((unsigned char)p[n]))
                n++;
            while (n && p[n - 1] == '-')
                n--;
            if (n && !word_char((unsigned char)p[n]) && find_id(cat, p, n) >= 0) {
                esc_n(f, plain, (size_t)(p - plain));
                fputs("<a href=\"#", f);
                esc_n(f, p, n);
                fputs("\"><code>", f);
                esc_n(f, p, n);
                fputs("</code></a>", f);
                p += n;
                plain = p;
                continue;
            }
            p += n ? n : 1;
            continue;
        }
        p++;
    }
    esc(f, plain);
}

/* ---- an entry: the format for doc_entry (emit_doc.h) ---- */

/* The <article> carries the id (the link target) and the severity (its colour
 * bar); a title that is not the heading goes on a line under it. */
static void entry_begin(const doc_out *o, const m_entry *e, const char *heading)
{
    FILE *f = o->f;
    fputs("<article class=\"entry sev-", f);
    fputs(M_NAME(severities, e->severity), f);
    fputs("\" id=\"", f);
    esc(f, e->id);
    fputs("\">\n<h3><a href=\"#", f);
    esc(f, e->id);
    fputs("\">", f);
    esc(f, heading);
    fputs("</a></h3>\n", f);
    if (!doc_heading_is_title(e)) {
        fputs("<p class=\"title\">", f);
        esc(f, e->title);
        fputs("</p>\n", f);
    }
}

static void entry_end(const doc_out *o, const m_entry *e)
{
    (void)e;
    fputs("</article>\n", o->f);
}

static void summary(const doc_out *o, const char *s)
{
    fputs("<p class=\"summary\">", o->f);
    linked(o->f, o->cat, s);
    fputs("</p>\n", o->f);
}

/* The element of each block: the fields a definition list, the facts a table,
 * the steps an ordered list. */
static const char *list_tag(int list)
{
    switch (list) {
    case DOC_FIELDS: return "dl";
    case DOC_NUMBERED: return "ol";
    case DOC_FACTS: return "table";
    default: return "ul";
    }
}

/* Facts get a header row; the messages' class sets them as literal blocks. */
static void list_begin(const doc_out *o, int list, const char *label)
{
    FILE *f = o->f;
    if (label)
        fprintf(f, "<h4>%s</h4>\n", label);
    if (list == DOC_FIELDS)
        fputs("<dl class=\"fields\">\n", f);
    else if (list == DOC_MESSAGES)
        fputs("<ul class=\"messages\">\n", f);
    else if (list == DOC_FACTS)
        fputs("<table class=\"facts\">\n"
              "<tr><th>Key</th><th>Value</th><th>Meaning</th><th>Origin</th></tr>\n",
              f);
    else
        fprintf(f, "<%s>\n", list_tag(list));
}

static void list_end(const doc_out *o, int list)
{
    fprintf(o->f, "</%s>\n", list_tag(list));
}

static void item_begin(const doc_out *o, int list, size_t i, const char *label)
{
    (void)i;
    if (list == DOC_FIELDS)
        fprintf(o->f, "<dt>%s</dt><dd>", label);
    else
        fputs(list == DOC_FACTS ? "<tr><td>" : "<li>", o->f);
}

static void item_end(const doc_out *o, int list)
{
    fputs(list == DOC_FIELDS ? "</dd>\n" : list == DOC_FACTS ? "</td></tr>\n" : "</li>\n", o->f);
}

static void tagged(FILE *f, const char *open, const char *s, const char *close)
{
    fputs(open, f);
    esc(f, s);
    fputs(close, f);
}

static void span(const doc_out *o, int kind, const char *s)
{
    FILE *f = o->f;
    switch (kind) {
    case DOC_PROSE: linked(f, o->cat, s); break;
    case DOC_CODE: tagged(f, "<code>", s, "</code>"); break;
    case DOC_MESSAGE: tagged(f, "<samp>", s, "</samp>"); break;
    case DOC_NOTE: tagged(f, "<span class=\"muted\">", s, "</span>"); break;
    case DOC_REF:
        tagged(f, "<a href=\"#", s, "\">");
        tagged(f, "<code>", s, "</code></a>");
        break;
    case DOC_URL:
        tagged(f, "<a class=\"url\" href=\"", s, "\">");
        tagged(f, "", s, "</a>");
        break;
    default: esc(f, s); break;
    }
}

/* One row: key, value, meaning, and the origin as its column names it. */
static void fact(const doc_out *o, const m_fact *x, const char *value)
{
    FILE *f = o->f;
    fputs("<code>", f);
    esc(f, x->key);
    fputs("</code></td><td class=\"value\">", f);
    esc(f, value);
    fputs("</td><td>", f);
    esc(f, x->text);
    fputs("</td><td>", f);
    esc(f, M_NAME(origins, x->origin));
}

static const doc_format html_format = {
    .entry_begin = entry_begin,
    .entry_end = entry_end,
    .summary = summary,
    .list_begin = list_begin,
    .list_end = list_end,
    .item_begin = item_begin,
    .item_end = item_end,
    .span = span,
    .fact = fact,
    .title_in_fields = 0,
    .name_always = 1,
};

static void contents(FILE *f, const m_catalog *cat, const doc_group *g, size_t ng)
{
    char buf[512];
    fputs("<nav id=\"contents\">\n<h2>Contents</h2>\n<ol>\n", f);
    for (size_t i = 0; i < ng; i++) {
        fprintf(f, "<li><a href=\"#%s\">", g[i].anchor);
        esc(f, g[i].title);
        fprintf(f, "</a> <span class=\"muted\">(%zu)</span>\n<ol>\n", g[i].n);
        for (size_t j = 0; j < g[i].n; j++) {
            const m_entry *e = &cat->entries[g[i].entries[j]];
            doc_heading(e, buf, sizeof buf);
            /* codes and names sit side by side; titles take a line each */
            fputs(doc_heading_is_title(e) ? "<li class=\"line\"><a href=\"#" : "<li><a href=\"#",
                  f);
            esc(f, e->id);
            fputs("\">", f);
            esc(f, buf);
            fputs("</a></li>\n", f);
        }
        fputs("</ol></li>\n", f);
    }
    fputs("</ol>\n</nav>\n", f);
}

static void body(FILE *f, const m_catalog *cat, const char *date)
{
    fputs("<!DOCTYPE html>\n", f);
    fputs("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n", f);
    fputs("<!--", f);
    fprintf(f, emit_banner_fmt, "");
    fputs("     Source: the catalogue (catalog/*.json), rendered by gen/emit_html.c. -->\n", f);
    fputs("<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
          "<meta name=\"generator\" content=\"sspr-gen\"/>\n",
          f);
    fprintf(f, "<meta name=\"date\" content=\"%s\"/>\n", date);
    fputs("<title>libsspr-errors: SSPR and Password Writeback error reference</title>\n", f);
    fprintf(f, "<style>\n%s</style>\n</head>\n<body>\n", css);
    doc_group *g;
    size_t ng = doc_groups(cat, &g);
    fputs("<header>\n<h1>SSPR and Password Writeback error reference</h1>\n", f);
    fprintf(f,
            "<p>The whole <code>libsspr-errors</code> catalogue, version %s: %zu entries on "
            "the errors, event-log codes and symptoms of Microsoft&#8217;s self-service "
            "password reset (SSPR) and Password Writeback, with their causes and the steps "
            "that fix them. Link to an entry with <code>#</code> and its id",
            cat->version, cat->n);
    if (ng && g[0].n) {
        const char *id = cat->entries[g[0].entries[0]].id;
        fputs(", e.g. <a href=\"#", f);
        esc(f, id);
        fputs("\"><code>#", f);
        esc(f, id);
        fputs("</code></a>", f);
    }
    fputs(".</p>\n", f);
    fputs("<p>Names and messages are copied byte-exact from the documentation, misspellings "
          "included (the corrected spelling is an alias); summaries, causes and steps are "
          "written in our own words. Every entry says where it comes from: the 2017 "
          "article, the current documentation (its sources: the page, its address and the "
          "day it was read) or field reports (public posts, with their addresses); a fact "
          "stated on another page gives that page. Where the current documentation changed "
          "a value given in 2017, both facts are listed, the current one first, and each "
          "says which replaces which. The "
          "same content is in <code>sspr-errors(7)</code>; <code>sspr-errors lookup</code> "
          "finds entries from a code, an HRESULT, a name or a pasted message.</p>\n"
          "</header>\n",
          f);
    contents(f, cat, g, ng);
    fputs("<main>\n", f);
    const doc_out out = {f, cat};
    for (size_t i = 0; i < ng; i++) {
        fprintf(f, "<section class=\"group\" id=\"%s\">\n<h2>", g[i].anchor);
        esc(f, g[i].title);
        fputs("</h2>\n", f);
        if (g[i].intro) {
            fputs("<p>", f);
            esc(f, g[i].intro);
            fputs("</p>\n", f);
        }
        for (size_t j = 0; j < g[i].n; j++)
            doc_entry(&html_format, &out, &cat->entries[g[i].entries[j]]);
        fputs("</section>\n", f);
    }
    doc_groups_free(g, ng);
    fprintf(f,
            "</main>\n<footer>\n<p>libsspr-errors catalogue %s, %s. Sources: Microsoft, "
            "&#8220;How to troubleshoot self-service password reset&#8221; (2017), and the "
            "current Microsoft Entra documentation on troubleshooting self-service password "
            "reset and password writeback.</p>\n</footer>\n</body>\n</html>\n",
            cat->version, date);
}

int emit_html(const m_catalog *cat, const char *path)
{
    return doc_write(cat, path, body);
}
