/* sspr-man3: libsspr-errors(3) from the public header, so the page lists
 * exactly the functions the header declares, documented by the comments that
 * stand above them.
 *
 *   sspr-man3 --header H --template T --example C --version V --output PAGE
 *   sspr-man3 --header H --links DIR       one ".so" page per function in DIR (made
 *                                          if missing; pages of removed functions go)
 *   sspr-man3 --header H --list            the function names, one a line: the one
 *                                          reader of the header's function list, which
 *                                          tests/abi and tests/doc consume
 *
 * The header's layout is the contract: "/ * ---- Title ---- ... * /" comments open
 * sections (the rest of the comment introduces them); a comment directly above
 * one or more SSPR_API declarations documents them; a comment followed by a
 * blank line is a note in its section; typedefs and top-level #defines are
 * shown with the comment above them. A declaration with no comment above it
 * is an error, reported as header:line:column, like every other problem.
 * Exit status: 0 success, 1 problems in the header or template, 2 usage. */
#define _POSIX_C_SOURCE 200809L /* mkdir, opendir: the link pages' directory */
#include "fileio.h"
#include "roff.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { IT_NOTE, IT_GROUP, IT_CODE };

/* Code blocks sit 7 columns in; longer lines would overflow 80 columns. */
enum { CODE_WIDTH = 72 };

typedef struct {
    int kind;
    char *doc;    /* comment text (lines joined with '\n'), or NULL */
    char **decls; /* IT_GROUP: normalised declarations without SSPR_API */
    char **names; /* IT_GROUP: function names */
    size_t ndecls;
    char *code; /* IT_CODE: the source lines as written */
    int line;
} item;

typedef struct {
    char *title, *intro;
    item *items;
    size_t nitems;
} section;

typedef struct {
    const char *path;
    section *secs;
    size_t nsecs;
    int errors;
} header;

/* ---- small helpers ---- */

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("sspr-man3: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("sspr-man3: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void error_at(header *h, int line, int col, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d:%d: error: ", h->path, line, col);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    h->errors++;
}

static char *read_file(const char *path)
{
    char *text = gen_read_file(path, NULL);
    if (!text)
        fprintf(stderr, "%s: error: cannot read: %s\n", path, strerror(errno));
    return text;
}

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static int blank_line(const char *s)
{
    return *skip_space(s) == '\0';
}

/* Collapses runs of white space to one space and trims both ends. */
static char *squeeze(const char *s)
{
    char *out = xmalloc(strlen(s) + 1), *o = out;
    int space = 0;
    for (s = skip_space(s); *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = 1;
            continue;
        }
        if (space && o != out)
            *o++ = ' ';
        space = 0;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

/* ---- parsing ---- */

typedef struct {
    char **v;
    size_t n;
} lines;

static lines split_lines(char *text)
{
    lines l = {NULL, 0};
    char *p = text;
    while (*p) {
        char *nl = strchr(p, '\n');
        l.v = xrealloc(l.v, (l.n + 1) * sizeof *l.v);
        l.v[l.n++] = p;
        if (!nl)
            break;
        *nl = '\0';
        if (nl > p && nl[-1] == '\r')
            nl[-1] = '\0';
        p = nl + 1;
    }
    return l;
}

/* The text of a comment spanning lines [a, b]: delimiters and the " * " margin
 * removed, one output line per source line, blank lines kept. */
static char *comment_text(const lines *l, size_t a, size_t b)
{
    size_t cap = 1, n = 0;
    for (size_t i = a; i <= b; i++)
        cap += strlen(l->v[i]) + 1;
    char *out = xmalloc(cap);
    for (size_t i = a; i <= b; i++) {
        const char *s = skip_space(l->v[i]);
        size_t len = strlen(s);
        if (i == a && strncmp(s, "/*", 2) == 0) {
            s += 2;
            len -= 2;
        } else if (*s == '*' && s[1] != '/') {
            s++;
            len--;
            if (*s == ' ') {
                s++;
                len--;
            }
        }
        const char *end = strstr(s, "*/");
        if (end)
            len = (size_t)(end - s);
        if (i == a)
            while (len && *s == ' ') {
                s++;
                len--;
            }
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        if (i == a && len == 0)
            continue; /* the opening delimiter alone on its line */
        memcpy(out + n, s, len);
        n += len;
        out[n++] = '\n';
    }
    while (n && out[n - 1] == '\n')
        n--;
    out[n] = '\0';
    return out;
}

static section *add_section(header *h, char *title, char *intro)
{
    h->secs = xrealloc(h->secs, (h->nsecs + 1) * sizeof *h->secs);
    section *s = &h->secs[h->nsecs++];
    s->title = title;
    s->intro = intro;
    s->items = NULL;
    s->nitems = 0;
    return s;
}

static item *add_item(section *s, int kind, char *doc, int line)
{
    s->items = xrealloc(s->items, (s->nitems + 1) * sizeof *s->items);
    item *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->doc = doc;
    it->line = line;
    return it;
}

/* "/ * ---- Title ---...": returns the title, or NULL for another comment. */
static char *section_title(const char *text)
{
    if (strncmp(text, "---- ", 5) != 0)
        return NULL;
    const char *t = text + 5, *end = t;
    while (*end && *end != '\n' && strncmp(end, " --", 3) != 0)
        end++;
    while (end > t && end[-1] == ' ')
        end--;
    return xstrndup(t, (size_t)(end - t));
}

/* The function name of a squeezed declaration: the identifier before '('. */
static char *decl_name(const char *decl)
{
    const char *paren = strchr(decl, '(');
    if (!paren)
        return NULL;
    const char *end = paren;
    while (end > decl && end[-1] == ' ')
        end--;
    const char *start = end;
    while (start > decl &&
           (start[-1] == '_' || (start[-1] >= 'a' && start[-1] <= 'z') ||
            (start[-1] >= 'A' && start[-1] <= 'Z') || (start[-1] >= '0' && start[-1] <= '9')))
        start--;
    return start < end ? xstrndup(start, (size_t)(end - start)) : NULL;
}

static void add_decl(item *it, char *decl)
{
    it->decls = xrealloc(it->decls, (it->ndecls + 1) * sizeof *it->decls);
    it->names = xrealloc(it->names, (it->ndecls + 1) * sizeof *it->names);
    it->decls[it->ndecls] = decl;
    it->names[it->ndecls] = decl_name(decl);
    it->ndecls++;
}

static char *join_lines(const lines *l, size_t a, size_t b)
{
    size_t cap = 1;
    for (size_t i = a; i <= b; i++)
        cap += strlen(l->v[i]) + 1;
    char *out = xmalloc(cap);
    out[0] = '\0';
    for (size_t i = a; i <= b; i++) {
        strcat(out, l->v[i]);
        strcat(out, "\n");
    }
    return out;
}

static int parse_header(header *h, char *text)
{
    lines l = split_lines(text);
    section *cur = NULL;
    char *pending = NULL; /* a comment waiting for what follows it */
    int pending_line = 0;
    int after_blank = 1; /* a blank line since the last item */
    item *group = NULL;  /* the group the next declaration may join */
    int depth = 0;       /* preprocessor conditional nesting */
    int seen_first = 0;  /* the file's opening comment is not documentation */
    for (size_t i = 0; i < l.n; i++) {
        const char *t = skip_space(l.v[i]);
        if (blank_line(t)) {
            if (pending && cur)
                add_item(cur, IT_NOTE, pending, pending_line);
            else
                free(pending);
            pending = NULL;
            group = NULL;
            after_blank = 1;
            continue;
        }
        if (strncmp(t, "/*", 2) == 0) {
            size_t j = i;
            while (j < l.n && !strstr(j == i ? t + 2 : l.v[j], "*/"))
                j++;
            if (j == l.n) {
                error_at(h, (int)i + 1, 1, "unterminated comment");
                break;
            }
            char *c = comment_text(&l, i, j);
            char *title = section_title(c);
            if (!seen_first) {
                seen_first = 1; /* the file's preamble */
                free(c);
            } else if (title) {
                const char *rest = strchr(c, '\n'); /* the intro, paragraphs kept */
                cur = add_section(h, title, rest ? xstrndup(rest + 1, strlen(rest + 1)) : NULL);
                free(c);
            } else {
                if (pending && cur)
                    add_item(cur, IT_NOTE, pending, pending_line);
                else
                    free(pending);
                pending = c;
                pending_line = (int)i + 1;
            }
            group = NULL;
            after_blank = 0;
            i = j;
            continue;
        }
        if (*t == '#') {
            size_t j = i;
            while (j < l.n && strlen(l.v[j]) && l.v[j][strlen(l.v[j]) - 1] == '\\')
                j++;
            const char *d = skip_space(t + 1);
            if (strncmp(d, "if", 2) == 0)
                depth++;
            else if (strncmp(d, "endif", 5) == 0)
                depth--;
            else if (strncmp(d, "define", 6) == 0 && depth == 1 && cur) {
                const char *name = skip_space(d + 6);
                const char *value = name + strcspn(name, " \t");
                if (!blank_line(value)) { /* a public macro with a value */
                    item *it = NULL;
                    if (cur->nitems && cur->items[cur->nitems - 1].kind == IT_CODE &&
                        !after_blank && !pending)
                        it = &cur->items[cur->nitems - 1];
                    if (!it)
                        it = add_item(cur, IT_CODE, pending, (int)i + 1);
                    pending = NULL;
                    char *more = join_lines(&l, i, j);
                    size_t n = it->code ? strlen(it->code) : 0;
                    it->code = xrealloc(it->code, n + strlen(more) + 1);
                    strcpy(it->code + n, more);
                    free(more);
                }
            }
            group = NULL;
            after_blank = 0;
            i = j;
            continue;
        }
        if (strncmp(t, "SSPR_API", 8) == 0 && (t[8] == ' ' || t[8] == '\t')) {
            size_t j = i;
            while (j < l.n && !strchr(l.v[j], ';'))
                j++;
            if (j == l.n) {
                error_at(h, (int)i + 1, 1, "declaration without ';'");
                break;
            }
            char *joined = join_lines(&l, i, j);
            char *decl = squeeze(strstr(joined, "SSPR_API") + 8);
            free(joined);
            if (!cur) {
                error_at(h, (int)i + 1, 1, "declaration before the first section comment");
                free(decl);
            } else if (pending) {
                group = add_item(cur, IT_GROUP, pending, pending_line);
                pending = NULL;
                add_decl(group, decl);
            } else if (group && !after_blank) {
                add_decl(group, decl);
            } else {
                char *name = decl_name(decl);
                error_at(h, (int)i + 1, (int)(t - l.v[i]) + 1,
                         "%s is not documented: put a comment directly above it",
                         name ? name : "declaration");
                free(name);
                free(decl);
            }
            after_blank = 0;
            i = j;
            continue;
        }
        if (strncmp(t, "extern \"C\"", 10) == 0 || *t == '}') {
            group = NULL;
            continue;
        }
        /* Other code (typedefs): up to the ';' that closes it at brace depth 0. */
        size_t j = i;
        int braces = 0, done = 0;
        for (; j < l.n && !done; j++) {
            for (const char *p = l.v[j]; *p; p++) {
                if (p[0] == '/' && p[1] == '*') {
                    const char *e = strstr(p + 2, "*/");
                    if (!e)
                        break;
                    p = e + 1;
                    continue;
                }
                if (*p == '{')
                    braces++;
                else if (*p == '}')
                    braces--;
                else if (*p == ';' && braces == 0)
                    done = 1;
            }
        }
        if (!done) {
            error_at(h, (int)i + 1, 1, "cannot find the end of this declaration");
            break;
        }
        if (cur) {
            item *it = add_item(cur, IT_CODE, pending, (int)i + 1);
            it->code = join_lines(&l, i, j - 1);
        } else {
            free(pending);
        }
        pending = NULL;
        group = NULL;
        after_blank = 0;
        i = j - 1;
    }
    free(pending);
    free(l.v);
    size_t nfun = 0;
    for (size_t s = 0; s < h->nsecs; s++)
        for (size_t k = 0; k < h->secs[s].nitems; k++) {
            const item *it = &h->secs[s].items[k];
            nfun += it->ndecls;
            for (size_t d = 0; d < it->ndecls; d++)
                if (!it->names[d])
                    error_at(h, it->line, 1, "no function name in '%s'", it->decls[d]);
        }
    if (nfun == 0)
        error_at(h, 1, 1, "no SSPR_API declarations found");
    return h->errors ? -1 : 0;
}

/* ---- rendering ---- */

/* Paragraphs of a comment: blank lines separate paragraphs, "- " items become
 * bullets (indented continuation lines belong to the item). */
static void render_doc(FILE *f, const char *doc, int first_pp)
{
    char *copy = xstrndup(doc, strlen(doc));
    lines l = split_lines(copy);
    int in_par = 0, in_list = 0, need_pp = first_pp;
    size_t item_indent = 0;
    for (size_t i = 0; i < l.n; i++) {
        const char *t = skip_space(l.v[i]);
        size_t indent = (size_t)(t - l.v[i]);
        if (!*t) {
            in_par = 0;
            if (in_list) {
                fputs(".RE\n", f);
                in_list = 0;
            }
            need_pp = 1;
            continue;
        }
        if (t[0] == '-' && t[1] == ' ') {
            if (!in_list) {
                fputs(".RS 2\n", f);
                in_list = 1;
            }
            fputs(".IP \\(bu 2\n", f);
            roff_text(f, skip_space(t + 2));
            fputc('\n', f);
            item_indent = indent;
            in_par = 1;
            need_pp = 0;
            continue;
        }
        if (in_list && indent > item_indent) {
            roff_text(f, t);
            fputc('\n', f);
            continue;
        }
        if (in_list) {
            fputs(".RE\n", f);
            in_list = 0;
            in_par = 0;
            need_pp = 1;
        }
        if (!in_par && need_pp)
            fputs(".PP\n", f);
        roff_text(f, t);
        fputc('\n', f);
        in_par = 1;
        need_pp = 0;
    }
    if (in_list)
        fputs(".RE\n", f);
    free(l.v);
    free(copy);
}

static int ident_char(int c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* One declaration in bold with its parameter names in italics, wrapped at
 * width columns with continuation lines aligned after the '('. Used in no-fill
 * mode, so the wrapping is ours. */
static void render_decl(FILE *f, const char *decl, int width)
{
    const char *paren = strchr(decl, '(');
    if (!paren) {
        fputs("\\fB", f);
        roff_text(f, decl);
        fputs("\\fR\n", f);
        return;
    }
    int align = (int)(paren - decl) + 1;
    fputs("\\fB", f);
    roff_literal_line(f, decl, (size_t)(paren - decl) + 1);
    int col = align;
    const char *p = paren + 1;
    const char *close = strrchr(decl, ')');
    while (p < close) {
        const char *comma = p;
        int depth = 0;
        while (comma < close && !(*comma == ',' && depth == 0)) {
            depth += *comma == '(';
            depth -= *comma == ')';
            comma++;
        }
        const char *param = skip_space(p);
        size_t len = (size_t)(comma - param);
        int last = comma >= close;
        int need = (int)len + (last ? 2 : 1); /* ");" or "," */
        if (col > align && col + 1 + need > width) {
            fprintf(f, "\\fR\n%*s\\fB", align, "");
            col = align;
        } else if (col > align) {
            fputc(' ', f);
            col++;
        }
        /* the parameter name is the last identifier, unless the parameter is
         * "void" or ends in ')' (a function pointer: leave it bold) */
        const char *end = param + len, *name = end;
        while (name > param && ident_char((unsigned char)name[-1]))
            name--;
        int has_name = name > param && name < end && !(len == 4 && memcmp(param, "void", 4) == 0);
        if (has_name) {
            roff_literal_line(f, param, (size_t)(name - param));
            fputs("\\fI", f);
            roff_literal_line(f, name, (size_t)(end - name));
            fputs("\\fB", f);
        } else {
            roff_literal_line(f, param, len);
        }
        fputs(last ? ");" : ",", f);
        col += need;
        p = last ? close : comma + 1;
    }
    if (close == paren + 1)
        fputs(");", f);
    fputs("\\fR\n", f);
}

/* One line of code in no-fill mode, kept within the page: padding before a
 * line-continuation backslash shrinks to one space, and a trailing comment
 * that would overflow moves onto its own line above the code. */
static void render_code_line(FILE *f, const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0) {
        fputs("\\&\n", f);
        return;
    }
    const char *c = NULL;
    for (size_t i = 1; i + 1 < n; i++)
        if (s[i] == '/' && s[i + 1] == '*')
            c = s + i;
    size_t indent = strspn(s, " ");
    if (n > CODE_WIDTH && c && (size_t)(c - s) > indent) {
        size_t code_end = (size_t)(c - s);
        while (code_end && s[code_end - 1] == ' ')
            code_end--;
        roff_literal_line(f, s, indent);
        roff_literal_line(f, c, n - (size_t)(c - s));
        fputc('\n', f);
        roff_literal_line(f, s, code_end);
        fputc('\n', f);
        return;
    }
    roff_literal_line(f, s, n);
    fputc('\n', f);
}

/* Whether a line ends in a line-continuation backslash (trailing blanks aside). */
static int continued(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n && s[n - 1] == '\\';
}

/* A macro continued over several lines: joined, then wrapped afresh at word
 * boundaries with a backslash at each end and continuation lines indented. */
static void render_continued(FILE *f, const char *s, size_t n)
{
    char *joined = xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        joined[k++] = (s[i] == '\\' && continued(s, i + 1)) ? ' ' : s[i];
    joined[k] = '\0';
    char *sq = squeeze(joined);
    const char *p = sq;
    size_t col = 0;
    while (*p) {
        size_t w = strcspn(p, " ");
        if (col && col + 1 + w + 2 > CODE_WIDTH) {
            fputs(" \\e\n    ", f);
            col = 4;
        } else if (col) {
            fputc(' ', f);
            col++;
        }
        roff_literal_line(f, p, w);
        col += w;
        p += w;
        while (*p == ' ')
            p++;
    }
    fputc('\n', f);
    free(sq);
    free(joined);
}

static void render_code(FILE *f, const char *code)
{
    fputs(".EX\n", f);
    const char *p = code;
    while (*p) {
        size_t n = strcspn(p, "\n");
        if (continued(p, n)) { /* take the whole logical line */
            const char *q = p;
            while (q[n] == '\n' && continued(q, n)) {
                q += n + 1;
                n = strcspn(q, "\n");
            }
            n = (size_t)(q + n - p);
            render_continued(f, p, n);
        } else {
            render_code_line(f, p, n);
        }
        p += n;
        if (*p == '\n')
            p++;
    }
    fputs(".EE\n", f);
}

/* Synopsis: the include line, the public macros, the types in one line each,
 * and every declaration, one block per header section. */
static void render_synopsis(FILE *f, const header *h)
{
    fputs(".nf\n.B #include <sspr\\-errors.h>\n", f);
    for (size_t s = 0; s < h->nsecs; s++) {
        const section *sec = &h->secs[s];
        int any = 0;
        for (size_t k = 0; k < sec->nitems; k++) {
            const item *it = &sec->items[k];
            if (it->kind == IT_NOTE)
                continue;
            if (!any) {
                fputs(".sp\n.RI \"/* \" \"", f);
                roff_arg(f, sec->title);
                fputs("\" \" */\"\n", f);
                any = 1;
            }
            if (it->kind == IT_GROUP) {
                for (size_t d = 0; d < it->ndecls; d++)
                    render_decl(f, it->decls[d], 72);
                continue;
            }
            /* code: "#define NAME" or the typedef squeezed onto one line */
            const char *p = it->code;
            while (*p) {
                size_t n = strcspn(p, "\n");
                char *line = xstrndup(p, n);
                const char *t = skip_space(line);
                if (strncmp(t, "#define", 7) == 0) {
                    const char *name = skip_space(t + 7);
                    size_t nl = strcspn(name, " \t(");
                    fputs("\\fB#define ", f);
                    roff_literal_line(f, name, nl);
                    fputs("\\fR\n", f);
                } else if (p == it->code) {
                    char *sq = squeeze(it->code);
                    char *brace = strchr(sq, '{');
                    char *rbrace = strrchr(sq, '}');
                    fputs("\\fB", f);
                    if (brace && rbrace && rbrace > brace) {
                        roff_literal_line(f, sq, (size_t)(brace - sq) + 1);
                        fputs(" ... ", f);
                        roff_text(f, rbrace);
                    } else {
                        roff_text(f, sq);
                    }
                    fputs("\\fR\n", f);
                    free(sq);
                }
                free(line);
                p += n;
                if (*p == '\n')
                    p++;
            }
        }
    }
    fputs(".fi\n", f);
}

static void render_functions(FILE *f, const header *h)
{
    for (size_t s = 0; s < h->nsecs; s++) {
        const section *sec = &h->secs[s];
        fputs(".SS \"", f);
        roff_arg(f, sec->title);
        fputs("\"\n", f);
        int first = 1;
        if (sec->intro && *skip_space(sec->intro)) {
            render_doc(f, sec->intro, 0);
            first = 0;
        }
        for (size_t k = 0; k < sec->nitems; k++) {
            const item *it = &sec->items[k];
            if (it->kind == IT_NOTE) {
                render_doc(f, it->doc, !first);
            } else if (it->kind == IT_CODE) {
                if (!first)
                    fputs(".PP\n", f);
                render_code(f, it->code);
                if (it->doc) {
                    fputs(".RS 4\n", f);
                    render_doc(f, it->doc, 0);
                    fputs(".RE\n", f);
                }
            } else {
                if (!first)
                    fputs(".PP\n", f);
                fputs(".nf\n", f);
                for (size_t d = 0; d < it->ndecls; d++)
                    render_decl(f, it->decls[d], 72);
                fputs(".fi\n.RS 4\n", f);
                render_doc(f, it->doc, 0);
                fputs(".RE\n", f);
            }
            first = 0;
        }
    }
}

typedef struct {
    const header *h;
    const char *example;
} fill_ctx;

static int fill(FILE *f, const char *name, void *vctx)
{
    fill_ctx *c = vctx;
    if (strcmp(name, "BANNER") == 0) {
        fputs(".\\\" Generated by sspr-man3 from include/sspr-errors.h, doc/libsspr-errors.3.in\n"
              ".\\\" and doc/example.c: do not edit.\n",
              f);
        return 0;
    }
    if (strcmp(name, "SYNOPSIS") == 0) {
        render_synopsis(f, c->h);
        return 0;
    }
    if (strcmp(name, "FUNCTIONS") == 0) {
        render_functions(f, c->h);
        return 0;
    }
    if (strcmp(name, "EXAMPLE") == 0) {
        char *text = read_file(c->example);
        if (!text)
            return -1;
        render_code(f, text);
        free(text);
        return 0;
    }
    return -1;
}

static void usage(FILE *f)
{
    fputs("usage: sspr-man3 --header H --template T --example C --version V --output PAGE\n"
          "       sspr-man3 --header H --links DIR\n"
          "       sspr-man3 --header H --list\n",
          f);
}

/* Whether name (a directory entry) is the link page of a declared function. */
static int declared_link(const header *h, const char *name)
{
    for (size_t s = 0; s < h->nsecs; s++)
        for (size_t k = 0; k < h->secs[s].nitems; k++)
            for (size_t d = 0; d < h->secs[s].items[k].ndecls; d++) {
                const char *fn = h->secs[s].items[k].names[d];
                size_t n = fn ? strlen(fn) : 0;
                if (fn && strncmp(name, fn, n) == 0 && strcmp(name + n, ".3") == 0)
                    return 1;
            }
    return 0;
}

/* One ".so" page per function in dir (created when missing); pages of
 * functions the header no longer declares are removed. Each page is renamed
 * into place, so the directory is newer than the header afterwards. */
static int write_links(const header *h, const char *dir)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: error: cannot create: %s\n", dir, strerror(errno));
        return 1;
    }
    int bad = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n > 2 && strcmp(e->d_name + n - 2, ".3") == 0 && !declared_link(h, e->d_name)) {
            char *path = xmalloc(strlen(dir) + n + 2);
            sprintf(path, "%s/%s", dir, e->d_name);
            bad |= remove(path) != 0;
            free(path);
        }
    }
    if (d)
        closedir(d);
    for (size_t s = 0; s < h->nsecs; s++)
        for (size_t k = 0; k < h->secs[s].nitems; k++)
            for (size_t i = 0; i < h->secs[s].items[k].ndecls; i++) {
                const char *name = h->secs[s].items[k].names[i];
                size_t n = strlen(dir) + strlen(name) + 8;
                char *path = xmalloc(n);
                snprintf(path, n, "%s/%s.3", dir, name);
                FILE *f = gen_create(path);
                if (!f || (fputs(".so man3/libsspr-errors.3\n", f), gen_commit(f, path, 1)) != 0) {
                    fprintf(stderr, "%s: error: cannot write: %s\n", path, strerror(errno));
                    bad = 1;
                }
                free(path);
            }
    return bad;
}

static void free_header(header *h)
{
    for (size_t s = 0; s < h->nsecs; s++) {
        section *sec = &h->secs[s];
        for (size_t k = 0; k < sec->nitems; k++) {
            item *it = &sec->items[k];
            for (size_t d = 0; d < it->ndecls; d++) {
                free(it->decls[d]);
                free(it->names[d]);
            }
            free(it->decls);
            free(it->names);
            free(it->doc);
            free(it->code);
        }
        free(sec->items);
        free(sec->title);
        free(sec->intro);
    }
    free(h->secs);
}

/* What main does once the header is parsed. */
static int run(const header *h, int list, const char *links, const char *tpath, const char *example,
               const char *version, const char *out)
{
    if (list) {
        for (size_t s = 0; s < h->nsecs; s++)
            for (size_t k = 0; k < h->secs[s].nitems; k++)
                for (size_t d = 0; d < h->secs[s].items[k].ndecls; d++)
                    printf("%s\n", h->secs[s].items[k].names[d]);
        return ferror(stdout) ? 1 : 0;
    }
    if (links)
        return write_links(h, links) ? 1 : 0;
    fill_ctx c = {h, example};
    return roff_page("sspr-man3", out, tpath, version, fill, &c) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *hpath = NULL, *tpath = NULL, *example = NULL, *version = NULL, *out = NULL,
               *links = NULL;
    int list = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = strcmp(a, "--header") == 0     ? &hpath
                            : strcmp(a, "--template") == 0 ? &tpath
                            : strcmp(a, "--example") == 0  ? &example
                            : strcmp(a, "--version") == 0  ? &version
                            : strcmp(a, "--output") == 0   ? &out
                            : strcmp(a, "--links") == 0    ? &links
                                                           : NULL;
        if (slot && i + 1 < argc)
            *slot = argv[++i];
        else if (strcmp(a, "--list") == 0)
            list = 1;
        else {
            usage(stderr);
            return 2;
        }
    }
    int page = tpath || example || version || out;
    if (!hpath || page + list + (links != NULL) != 1 ||
        (page && !(tpath && example && version && out))) {
        usage(stderr);
        return 2;
    }
    header h;
    memset(&h, 0, sizeof h);
    h.path = hpath;
    char *text = read_file(hpath);
    if (!text)
        return 1;
    int rc;
    if (parse_header(&h, text) != 0) {
        fprintf(stderr, "sspr-man3: %d error%s in %s\n", h.errors, h.errors == 1 ? "" : "s", hpath);
        rc = 1;
    } else {
        rc = run(&h, list, links, tpath, example, version, out);
    }
    free_header(&h);
    free(text);
    return rc;
}
