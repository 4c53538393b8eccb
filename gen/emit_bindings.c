/* Binding constants: for each event source that has codes, one type naming its
 * codes (Python enum.IntEnum, Rust newtype with associated consts), one for the
 * HRESULTs, and the list of entry ids. Both languages get the same names.
 *
 * Naming: a code takes the documented name of its first named entry in
 * UPPER_SNAKE_CASE, spelling kept (ADMutliMatchError -> AD_MUTLI_MATCH_ERROR);
 * further names and every alias of entries with that code become more constants
 * of the same value (Python makes them enum aliases). A code no entry names is
 * EVENT_<code>. Should two different codes fold to one name, the later one gets
 * _<code> appended. Order: codes ascending, the names of one code in catalogue
 * order, so the output only changes when the catalogue does. */
#include "emit_bindings.h"

#include "diag.h"
#include "emit.h"

#include <stdlib.h>
#include <string.h>

/* The type holding each source's codes, by SSPR__SOURCE_*. */
static const char *const type_names[SSPR__SOURCE_END] = {NULL,
                                                         "Event",
                                                         "AdSync",
                                                         "Sspr",
                                                         "Security",
                                                         "SelfServicePasswordManagement",
                                                         "AuthenticationMethods"};

/* Members the generated types define themselves (Rust associated items). */
static const char *const reserved[] = {"ALL", "SOURCE", NULL};

typedef struct {
    char *ident;
    uint32_t value;
    const m_entry *entry; /* where the name comes from */
    const char *spelling; /* the documented name or alias; NULL for EVENT_<code> / HR_<hex> */
    size_t canonical;     /* index of the first constant with this value */
} sym;

typedef struct {
    sym *v;
    size_t n;
} syms;

/* ---- names ------------------------------------------------------------- */

/* ASCII only, whatever the locale: names must not depend on the build machine. */
static int is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(int c)
{
    return is_upper(c) || is_lower(c) || is_digit(c);
}

/* "ADMutliMatchError" -> "AD_MUTLI_MATCH_ERROR", "hr=80230402" -> "HR_80230402";
 * NULL when nothing of it is usable. A word starts at a lower-to-upper step, at
 * the last capital of a run followed by a lower-case letter, and after anything
 * that is not an ASCII letter or digit. */
static char *upper_snake(const char *s)
{
    size_t n = strlen(s);
    char *out = gen_xmalloc(2 * n + 3);
    size_t o = 0;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i], prev = i ? (unsigned char)s[i - 1] : 0;
        int next = (unsigned char)s[i + 1];
        if (!is_alnum(c)) {
            gap = 1;
            continue;
        }
        int step =
            (is_lower(prev) && is_upper(c)) || (is_upper(prev) && is_upper(c) && is_lower(next));
        if (o > 0 && (gap || step))
            out[o++] = '_';
        if (o == 0 && is_digit(c)) {
            out[o++] = 'E';
            out[o++] = '_';
        }
        out[o++] = (char)(is_lower(c) ? c - 'a' + 'A' : c);
        gap = 0;
    }
    out[o] = '\0';
    if (o == 0) {
        free(out);
        return NULL;
    }
    return out;
}

static char *format_ident(const char *fmt, unsigned long a, const char *s)
{
    char buf[128];
    if (s)
        snprintf(buf, sizeof buf, fmt, s, a);
    else
        snprintf(buf, sizeof buf, fmt, a);
    return gen_xstrdup(buf);
}

/* The constant called ident, or -1. */
static long find_ident(const syms *t, const char *ident)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].ident, ident) == 0)
            return (long)i;
    for (size_t r = 0; reserved[r]; r++)
        if (strcmp(reserved[r], ident) == 0)
            return -2;
    return -1;
}

/* Adds ident (taken over) unless the name already stands for this value; when it
 * names another value, tries ident_<value>. Returns 0 when added or already
 * there, -1 when no name was free. */
static int add_sym(syms *t, char *ident, uint32_t value, const m_entry *e, const char *spelling,
                   size_t canonical)
{
    long at = find_ident(t, ident);
    if (at >= 0 && t->v[at].value == value) {
        free(ident);
        return 0;
    }
    if (at != -1) {
        char *again = format_ident("%s_%lu", value, ident);
        free(ident);
        ident = again;
        if (find_ident(t, ident) != -1) {
            free(ident);
            return -1;
        }
    }
    t->v = gen_xrealloc(t->v, (t->n + 1) * sizeof *t->v);
    t->v[t->n] = (sym){ident, value, e, spelling, canonical == SIZE_MAX ? t->n : canonical};
    t->n++;
    return 0;
}

static void free_syms(syms *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i].ident);
    free(t->v);
    memset(t, 0, sizeof *t);
}

static int cmp_code(const void *a, const void *b)
{
    const m_entry *x = *(const m_entry *const *)a, *y = *(const m_entry *const *)b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return x < y ? -1 : x > y; /* catalogue order within one code */
}

/* Names one code: its group of entries g[0..n) shares it. */
static int name_code(syms *t, const m_entry *const *g, size_t n)
{
    uint32_t code = g[0]->code;
    const m_entry *named = NULL;
    char *ident = NULL;
    for (size_t i = 0; i < n && !ident; i++)
        if (g[i]->name && (ident = upper_snake(g[i]->name)) != NULL)
            named = g[i];
    size_t first = t->n;
    if (!ident)
        ident = format_ident("EVENT_%lu", code, NULL);
    if (add_sym(t, ident, code, named ? named : g[0], named ? named->name : NULL, SIZE_MAX) != 0 &&
        add_sym(t, format_ident("EVENT_%lu", code, NULL), code, g[0], NULL, SIZE_MAX) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const m_entry *e = g[i];
        if (e->name && e != named && (ident = upper_snake(e->name)) != NULL &&
            add_sym(t, ident, code, e, e->name, first) != 0)
            return -1;
        for (size_t a = 0; a < e->aliases.n; a++)
            if ((ident = upper_snake(e->aliases.v[a])) != NULL &&
                add_sym(t, ident, code, e, e->aliases.v[a], first) != 0)
                return -1;
    }
    return 0;
}

/* The constants of one source, codes ascending. */
static int source_syms(const m_catalog *cat, int source, syms *t)
{
    memset(t, 0, sizeof *t);
    const m_entry **v = gen_xmalloc((cat->n + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < cat->n; i++)
        if (cat->entries[i].source == source && cat->entries[i].code >= 0)
            v[n++] = &cat->entries[i];
    qsort(v, n, sizeof *v, cmp_code);
    int bad = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && v[j]->code == v[i]->code; j++)
            ;
        if (name_code(t, v + i, j - i) != 0) {
            gen_error(v[i]->pos.file, v[i]->pos.line, v[i]->pos.column,
                      "no free constant name for %s code %lu in the bindings",
                      M_NAME(sources, source), (unsigned long)v[i]->code);
            bad = 1;
        }
    }
    free(v);
    return bad ? -1 : 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Every HRESULT some entry is, ascending, named HR_<8 hex digits>. */
static void hresult_syms(const m_catalog *cat, syms *t)
{
    memset(t, 0, sizeof *t);
    size_t n = 0;
    for (size_t i = 0; i < cat->n; i++)
        n += cat->entries[i].hresults.n;
    uint32_t *v = gen_xmalloc((n + 1) * sizeof *v);
    n = 0;
    for (size_t i = 0; i < cat->n; i++)
        for (size_t h = 0; h < cat->entries[i].hresults.n; h++)
            v[n++] = cat->entries[i].hresults.v[h];
    qsort(v, n, sizeof *v, cmp_u32);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && v[i] == v[i - 1])
            continue;
        const m_entry *first = NULL;
        for (size_t e = 0; e < cat->n && !first; e++)
            for (size_t h = 0; h < cat->entries[e].hresults.n; h++)
                if (cat->entries[e].hresults.v[h] == v[i])
                    first = &cat->entries[e];
        char buf[16];
        snprintf(buf, sizeof buf, "HR_%08lX", (unsigned long)v[i]);
        add_sym(t, gen_xstrdup(buf), v[i], first, NULL, SIZE_MAX);
    }
    free(v);
}

/* ---- text helpers -------------------------------------------------------- */

/* Text for a one-line comment: control characters become spaces. */
static void put_line(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        fputc(*p < 0x20 || *p == 0x7F ? ' ' : *p, f);
}

/* Text for a Rust doc comment: one line, Markdown punctuation escaped. */
static void put_markdown(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (strchr("\\`*_[]<>#|~", *p))
            fputc('\\', f);
        fputc(*p < 0x20 || *p == 0x7F ? ' ' : *p, f);
    }
}

/* Ends a doc sentence unless the text already does. */
static void put_period(FILE *f, const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || !strchr(".!?", s[n - 1]))
        fputc('.', f);
}

/* A double-quoted literal valid in both Python and Rust. */
static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7F)
            fprintf(f, "\\x%02x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* Every entry id, one quoted literal and a comma to a line. */
static void put_ids(FILE *f, const m_catalog *cat)
{
    for (size_t i = 0; i < cat->n; i++) {
        fputs("    ", f);
        put_string(f, cat->entries[i].id);
        fputs(",\n", f);
    }
}

/* Writes path with body, given the symbols of every source's codes (src[1..])
 * and of the HRESULTs; -1 (reported) when names clash or path cannot be written. */
static int emit_codes(const m_catalog *cat, const char *path,
                      void (*body)(FILE *f, const m_catalog *cat, const syms *src, const syms *hr))
{
    syms src[SSPR__SOURCE_END] = {{0}}, hr;
    int bad = 0;
    for (int s = 1; s < SSPR__SOURCE_END; s++)
        bad |= source_syms(cat, s, &src[s]) != 0;
    hresult_syms(cat, &hr);
    FILE *f = bad ? NULL : emit_open(path);
    if (f) {
        body(f, cat, src, &hr);
        bad = emit_close(f, path) != 0;
    } else {
        bad = 1;
    }
    for (int s = 1; s < SSPR__SOURCE_END; s++)
        free_syms(&src[s]);
    free_syms(&hr);
    return bad ? -1 : 0;
}

/* ---- Python ------------------------------------------------------------- */

static void python_members(FILE *f, const syms *t, int hex)
{
    if (t->n == 0)
        fputs("    pass\n", f);
    for (size_t i = 0; i < t->n; i++) {
        const sym *s = &t->v[i];
        fputs("    #: ", f);
        if (s->canonical == i) {
            fprintf(f, "%s", s->entry->id);
            if (s->spelling)
                fprintf(f, " %s", s->spelling);
            fputs(": ", f);
            put_line(f, s->entry->title);
        } else {
            fprintf(f, "alias of %s: ", t->v[s->canonical].ident);
            put_line(f, s->spelling);
            fprintf(f, " (%s)", s->entry->id);
        }
        fprintf(f, hex ? "\n    %s = 0x%08lX\n" : "\n    %s = %lu\n", s->ident,
                (unsigned long)s->value);
    }
}

static void python_codes(FILE *f, const m_catalog *cat, const syms *src, const syms *hr)
{
    fprintf(f, emit_banner_fmt, "#");
    fputs("# Regenerate the committed copy with: ninja -C build update-bindings\n"
          "\"\"\"Named numbers of the libsspr-errors catalogue: the event codes of each\n"
          "source, the HRESULTs and the entry ids. Lookups live in the C library.\n"
          "\n"
          "Members are the documented names in UPPER_SNAKE_CASE with the documented\n"
          "spelling kept (ADMutliMatchError is AD_MUTLI_MATCH_ERROR); aliases are enum\n"
          "aliases; a code no entry names is EVENT_<code>.\n"
          "\"\"\"\n\nimport enum\n\n",
          f);
    fputs("#: Version of the catalogue these constants were generated from.\nCATALOG_VERSION = ",
          f);
    put_string(f, cat->version);
    fputs("\n", f);
    for (int s = 1; s < SSPR__SOURCE_END; s++) {
        if (src[s].n == 0)
            continue;
        fprintf(f, "\n\nclass %s(enum.IntEnum):\n    \"\"\"Event codes of source %s.\"\"\"\n\n",
                type_names[s], M_NAME(sources, s));
        python_members(f, &src[s], 0);
    }
    fputs("\n\nclass HResult(enum.IntEnum):\n    \"\"\"HRESULTs that catalogue entries "
          "are.\"\"\"\n\n",
          f);
    python_members(f, hr, 1);
    fputs("\n\n#: The event source of each code enum, as by_code() takes it.\nSOURCES = {\n", f);
    for (int s = 1; s < SSPR__SOURCE_END; s++)
        if (src[s].n)
            fprintf(f, "    %s: \"%s\",\n", type_names[s], M_NAME(sources, s));
    fputs("}\n\n#: Every entry id, in catalogue order.\nENTRY_IDS = (\n", f);
    put_ids(f, cat);
    fputs(")\n\n__all__ = [\"CATALOG_VERSION\", ", f);
    for (int s = 1; s < SSPR__SOURCE_END; s++)
        if (src[s].n)
            fprintf(f, "\"%s\", ", type_names[s]);
    fputs("\"HResult\", \"SOURCES\", \"ENTRY_IDS\"]\n", f);
}

int emit_python_codes(const m_catalog *cat, const char *path)
{
    return emit_codes(cat, path, python_codes);
}

/* ---- Rust --------------------------------------------------------------- */

static void rust_type(FILE *f, const char *type, const syms *t, int hex)
{
    fputs("#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]\n", f);
    fprintf(f, "pub struct %s(pub u32);\n\nimpl %s {\n", type, type);
    for (size_t i = 0; i < t->n; i++) {
        const sym *s = &t->v[i];
        fputs("    /// ", f);
        if (s->canonical == i) {
            fprintf(f, "`%s`", s->entry->id);
            if (s->spelling) {
                fputs(" ", f);
                put_markdown(f, s->spelling);
            }
            fputs(": ", f);
            put_markdown(f, s->entry->title);
            put_period(f, s->entry->title);
        } else {
            fprintf(f, "Alias of [`%s::%s`]: ", type, t->v[s->canonical].ident);
            put_markdown(f, s->spelling);
            fprintf(f, " (`%s`).", s->entry->id);
        }
        fprintf(f,
                hex ? "\n    pub const %s: %s = %s(0x%08lX);\n"
                    : "\n    pub const %s: %s = %s(%lu);\n",
                s->ident, type, type, (unsigned long)s->value);
    }
    fputs("\n    /// Every value, ascending, each once.\n", f);
    fprintf(f, "    pub const ALL: &'static [%s] = &[", type);
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].canonical == i && ++k)
            fprintf(f, "\n        %s::%s,", type, t->v[i].ident);
    fputs(k ? "\n    ];\n\n" : "];\n\n", f);
    fputs("    /// The name of the value's first constant, or `None` for a value the catalogue\n"
          "    /// does not have.\n"
          "    pub fn name(self) -> Option<&'static str> {\n"
          "        match self.0 {\n",
          f);
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].canonical == i)
            fprintf(f,
                    hex ? "            0x%08lX => Some(\"%s\"),\n"
                        : "            %lu => Some(\"%s\"),\n",
                    (unsigned long)t->v[i].value, t->v[i].ident);
    fputs("            _ => None,\n        }\n    }\n", f);
}

static void rust_conversions(FILE *f, const char *type)
{
    fprintf(f,
            "impl From<%s> for u32 {\n"
            "    fn from(value: %s) -> u32 {\n"
            "        value.0\n"
            "    }\n"
            "}\n\n"
            "impl PartialEq<u32> for %s {\n"
            "    fn eq(&self, other: &u32) -> bool {\n"
            "        self.0 == *other\n"
            "    }\n"
            "}\n",
            type, type, type);
}

static void rust_codes(FILE *f, const m_catalog *cat, const syms *src, const syms *hr)
{
    fprintf(f, emit_banner_fmt, "//");
    fputs("// Regenerate the committed copy with: ninja -C build update-bindings\n"
          "//! Named numbers of the catalogue: the event codes of each source, the\n"
          "//! HRESULTs and the entry ids. Lookups live in the C library.\n"
          "//!\n"
          "//! Constants are the documented names in UPPER\\_SNAKE\\_CASE with the documented\n"
          "//! spelling kept (`ADMutliMatchError` is `AD_MUTLI_MATCH_ERROR`); aliases are\n"
          "//! further constants of the same value; a code no entry names is `EVENT_<code>`.\n"
          "\n/// Version of the catalogue these constants were generated from.\n"
          "pub const CATALOG_VERSION: &str = ",
          f);
    put_string(f, cat->version);
    fputs(";\n", f);
    for (int s = 1; s < SSPR__SOURCE_END; s++) {
        if (src[s].n == 0)
            continue;
        fprintf(f, "\n/// Event codes of source `%s`.\n", M_NAME(sources, s));
        rust_type(f, type_names[s], &src[s], 0);
        fprintf(f,
                "\n    /// The event source of these codes, as [`crate::by_code`] takes it.\n"
                "    pub const SOURCE: &'static str = \"%s\";\n\n"
                "    /// The entries for this code, as [`crate::by_code`] returns them.\n"
                "    pub fn entries(self) -> Vec<crate::Entry> {\n"
                "        crate::by_code(Some(Self::SOURCE), self.0)\n"
                "    }\n"
                "}\n\n",
                M_NAME(sources, s));
        rust_conversions(f, type_names[s]);
    }
    fputs("\n/// HRESULTs that catalogue entries are.\n", f);
    rust_type(f, "HResult", hr, 1);
    fputs("\n    /// The entries for this HRESULT, as [`crate::by_hresult`] returns them.\n"
          "    pub fn entries(self) -> Vec<crate::Entry> {\n"
          "        crate::by_hresult(self.0)\n"
          "    }\n"
          "}\n\n",
          f);
    rust_conversions(f, "HResult");
    fputs("\n/// Every entry id, in catalogue order.\npub const ENTRY_IDS: &[&str] = &[\n", f);
    put_ids(f, cat);
    fputs("];\n", f);
}

int emit_rust_codes(const m_catalog *cat, const char *path)
{
    return emit_codes(cat, path, rust_codes);
}

/* ---- Go, C# ------------------------------------------------------------- */

/* Whether the word s[0..n) is a hexadecimal number with a digit (80230619,
 * 800700CE): kept as written by put_pascal. */
static int hex_word(const char *s, size_t n)
{
    int digit = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]) && !strchr("ABCDEF", s[i]))
            return 0;
        digit |= is_digit(s[i]);
    }
    return digit;
}

/* The shared UPPER_SNAKE name in PascalCase, the convention of Go and C#:
 * AUTH_TOKEN_ERROR -> AuthTokenError, HR_800700CE -> Hr800700CE, EVENT_6329 ->
 * Event6329. Distinct names stay distinct: the words keep their letters and
 * where one ends is still marked by a capital or a digit run. */
static void put_pascal(FILE *f, const char *ident)
{
    for (const char *w = ident; *w;) {
        size_t n = strcspn(w, "_");
        int keep = hex_word(w, n);
        for (size_t i = 0; i < n; i++)
            fputc(keep || i == 0 || !is_upper(w[i]) ? w[i] : w[i] - 'A' + 'a', f);
        w += n;
        if (*w == '_')
            w++;
    }
}

/* The comment of constant i of t, after the leader: the entry and title, or
 * what it is an alias of (named by name_of, after the word alias_of), each
 * text written by put_text (the language's comment escaping). */
static void put_sym_doc_as(FILE *f, const syms *t, size_t i, void (*name_of)(FILE *f, const sym *s),
                           void (*put_text)(FILE *f, const char *s), const char *alias_of)
{
    const sym *s = &t->v[i];
    if (s->canonical == i) {
        fprintf(f, "%s", s->entry->id);
        if (s->spelling)
            fprintf(f, " %s", s->spelling);
        fputs(": ", f);
        put_text(f, s->entry->title);
    } else {
        fprintf(f, "%s ", alias_of);
        name_of(f, &t->v[s->canonical]);
        fputs(": ", f);
        put_text(f, s->spelling);
        fprintf(f, " (%s)", s->entry->id);
    }
}

static void put_sym_doc(FILE *f, const syms *t, size_t i, void (*name_of)(FILE *f, const sym *s))
{
    put_sym_doc_as(f, t, i, name_of, put_line, "alias of");
}

static const char *go_type; /* the type whose constants go_name writes */

static void go_name(FILE *f, const sym *s)
{
    fputs(go_type, f);
    put_pascal(f, strcmp(go_type, "HResult") == 0 ? s->ident + 3 : s->ident);
}

static void go_type_decl(FILE *f, const char *type, const char *what, const syms *t, int hex)
{
    go_type = type;
    fprintf(f, "\n// %s %s.\ntype %s uint32\n\n// The constants of %s.\nconst (\n", type, what,
            type, type);
    for (size_t i = 0; i < t->n; i++) {
        fputs("\t// ", f);
        go_name(f, &t->v[i]);
        fputs(" is ", f);
        put_sym_doc(f, t, i, go_name);
        fputs("\n\t", f);
        go_name(f, &t->v[i]);
        fprintf(f, hex ? " %s = 0x%08lX\n" : " %s = %lu\n", type, (unsigned long)t->v[i].value);
    }
    fprintf(f,
            ")\n\n// Name is the name of the value's first constant (without the type), or \"\"\n"
            "// for a value the catalogue does not have.\n"
            "func (v %s) Name() string {\n\tswitch v {\n",
            type);
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].canonical == i) {
            fputs("\tcase ", f);
            go_name(f, &t->v[i]);
            fputs(":\n\t\treturn \"", f);
            put_pascal(f, hex ? t->v[i].ident + 3 : t->v[i].ident);
            fputs("\"\n", f);
        }
    fputs("\t}\n\treturn \"\"\n}\n", f);
}

static void go_codes(FILE *f, const m_catalog *cat, const syms *src, const syms *hr)
{
    fprintf(f, emit_banner_fmt, "//");
    fputs("// Regenerate the committed copy with: ninja -C build update-bindings\n\n"
          "package ssprerrors\n\n"
          "// Named numbers of the catalogue: the event codes of each source, the HRESULTs\n"
          "// and the entry ids. A constant is its type followed by the documented name in\n"
          "// PascalCase, spelling kept (ADMutliMatchError is EventAdMutliMatchError);\n"
          "// aliases are more constants of the same value; a code no entry names is\n"
          "// <Type>Event<code>.\n\n"
          "// CodesCatalogVersion is the version of the catalogue these constants were\n"
          "// generated from.\nconst CodesCatalogVersion = ",
          f);
    put_string(f, cat->version);
    fputs("\n", f);
    for (int s = 1; s < SSPR__SOURCE_END; s++) {
        if (src[s].n == 0)
            continue;
        char what[160];
        snprintf(what, sizeof what, "is an event code of source %s", M_NAME(sources, s));
        go_type_decl(f, type_names[s], what, &src[s], 0);
        fprintf(f,
                "\n// Source is the event source of these codes, as ByCode takes it.\n"
                "func (%s) Source() string { return \"%s\" }\n",
                type_names[s], M_NAME(sources, s));
    }
    go_type_decl(f, "HResult", "is an HRESULT that catalogue entries are", hr, 1);
    fputs("\n// entryIDs are the catalogue's entry ids, in catalogue order.\n"
          "var entryIDs = [...]string{\n",
          f);
    for (size_t i = 0; i < cat->n; i++) {
        fputs("\t", f);
        put_string(f, cat->entries[i].id);
        fputs(",\n", f);
    }
    fputs("}\n\n// EntryIDs returns every entry id, in catalogue order (a new slice each call).\n"
          "func EntryIDs() []string {\n\tids := entryIDs\n\treturn ids[:]\n}\n",
          f);
}

int emit_go_codes(const m_catalog *cat, const char *path)
{
    return emit_codes(cat, path, go_codes);
}

static void cs_name(FILE *f, const sym *s)
{
    put_pascal(f, s->ident);
}

/* Text for an XML doc comment. */
static void put_xml_line(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '<')
            fputs("&lt;", f);
        else if (*p == '>')
            fputs("&gt;", f);
        else if (*p == '&')
            fputs("&amp;", f);
        else
            fputc(*p < 0x20 || *p == 0x7F ? ' ' : *p, f);
    }
}

static void cs_enum(FILE *f, const char *type, const char *what, const syms *t, int hex)
{
    fprintf(f, "\n    /// <summary>%s.</summary>\n    public enum %s : uint\n    {\n", what, type);
    for (size_t i = 0; i < t->n; i++) {
        const sym *s = &t->v[i];
        fputs("        /// <summary>", f);
        put_sym_doc_as(f, t, i, cs_name, put_xml_line, "Alias of");
        fputs("</summary>\n        ", f);
        cs_name(f, s);
        fprintf(f, hex ? " = 0x%08lX,\n" : " = %lu,\n", (unsigned long)s->value);
    }
    fputs("    }\n", f);
}

static void cs_codes(FILE *f, const m_catalog *cat, const syms *src, const syms *hr)
{
    fprintf(f, emit_banner_fmt, "//");
    fputs("// Regenerate the committed copy with: ninja -C build update-bindings\n"
          "// Named numbers of the catalogue: the event codes of each source, the HRESULTs\n"
          "// and the entry ids. Members are the documented names in PascalCase with the\n"
          "// spelling kept (ADMutliMatchError is Event.AdMutliMatchError); aliases are\n"
          "// more members of the same value; a code no entry names is Event<code>.\n"
          "using System.Collections.Generic;\n\nnamespace SsprErrors\n{",
          f);
    for (int s = 1; s < SSPR__SOURCE_END; s++) {
        if (src[s].n == 0)
            continue;
        char what[160];
        snprintf(what, sizeof what, "Event codes of source %s", M_NAME(sources, s));
        cs_enum(f, type_names[s], what, &src[s], 0);
    }
    cs_enum(f, "HResult", "HRESULTs that catalogue entries are", hr, 1);
    fputs("\n    /// <summary>What the constants were generated from.</summary>\n"
          "    public static class Codes\n    {\n"
          "        /// <summary>Version of the catalogue these constants were generated "
          "from.</summary>\n"
          "        public const string CatalogVersion = ",
          f);
    put_string(f, cat->version);
    fputs(";\n\n        /// <summary>The event source of each code enum, as ByCode takes "
          "it.</summary>\n"
          "        public static readonly IReadOnlyDictionary<System.Type, string> Sources =\n"
          "            new Dictionary<System.Type, string>\n            {\n",
          f);
    for (int s = 1; s < SSPR__SOURCE_END; s++)
        if (src[s].n)
            fprintf(f, "                { typeof(%s), \"%s\" },\n", type_names[s],
                    M_NAME(sources, s));
    fputs("            };\n\n        /// <summary>Every entry id, in catalogue order.</summary>\n"
          "        public static readonly IReadOnlyList<string> EntryIds = "
          "System.Array.AsReadOnly(new[]\n        {\n",
          f);
    for (size_t i = 0; i < cat->n; i++) {
        fputs("            ", f);
        put_string(f, cat->entries[i].id);
        fputs(",\n", f);
    }
    fputs("        });\n    }\n}\n", f);
}

int emit_csharp_codes(const m_catalog *cat, const char *path)
{
    return emit_codes(cat, path, cs_codes);
}

/* ---- Java --------------------------------------------------------------- */

static void java_name(FILE *f, const sym *s)
{
    fputs(s->ident, f);
}

static void java_class(FILE *f, const char *type, const char *what, const char *source,
                       const syms *t, int hex)
{
    fprintf(f, "\n    /** %s (int constants; HRESULTs as their 32 bits). */\n", what);
    fprintf(f, "    public static final class %s {\n        private %s() {\n        }\n", type,
            type);
    if (source)
        fprintf(f,
                "\n        /** The event source of these codes, as byCode takes it. */\n"
                "        public static final String SOURCE = \"%s\";\n",
                source);
    for (size_t i = 0; i < t->n; i++) {
        fputs("\n        /** ", f);
        put_sym_doc(f, t, i, java_name);
        fprintf(f,
                hex ? ". */\n        public static final int %s = 0x%08lX;\n"
                    : ". */\n        public static final int %s = %lu;\n",
                t->v[i].ident, (unsigned long)t->v[i].value);
    }
    fputs("\n        /** The name of the value's first constant, or null for a value the\n"
          "         * catalogue does not have. */\n"
          "        public static String name(int value) {\n"
          "            switch (value) {\n",
          f);
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].canonical == i)
            fprintf(f, "            case %s:\n                return \"%s\";\n", t->v[i].ident,
                    t->v[i].ident);
    fputs("            default:\n                return null;\n            }\n        }\n    }\n",
          f);
}

static void java_codes(FILE *f, const m_catalog *cat, const syms *src, const syms *hr)
{
    fprintf(f, emit_banner_fmt, "//");
    fputs("// Regenerate the committed copy with: ninja -C build update-bindings\n"
          "package sspr.errors;\n\nimport java.util.List;\n\n"
          "/** Named numbers of the catalogue: the event codes of each source, the HRESULTs\n"
          " * and the entry ids. Constants are the documented names in UPPER_SNAKE_CASE with\n"
          " * the spelling kept (ADMutliMatchError is Codes.Event.AD_MUTLI_MATCH_ERROR);\n"
          " * aliases are more constants of the same value; a code no entry names is\n"
          " * EVENT_&lt;code&gt;. */\n"
          "public final class Codes {\n    private Codes() {\n    }\n\n"
          "    /** Version of the catalogue these constants were generated from. */\n"
          "    public static final String CATALOG_VERSION = ",
          f);
    put_string(f, cat->version);
    fputs(";\n", f);
    for (int s = 1; s < SSPR__SOURCE_END; s++) {
        if (src[s].n == 0)
            continue;
        char what[160];
        snprintf(what, sizeof what, "Event codes of source %s", M_NAME(sources, s));
        java_class(f, type_names[s], what, M_NAME(sources, s), &src[s], 0);
    }
    java_class(f, "HResult", "HRESULTs that catalogue entries are", NULL, hr, 1);
    fputs("\n    /** Every entry id, in catalogue order. */\n"
          "    public static final List<String> ENTRY_IDS = List.of(\n",
          f);
    for (size_t i = 0; i < cat->n; i++) {
        fputs("        ", f);
        put_string(f, cat->entries[i].id);
        fputs(i + 1 < cat->n ? ",\n" : ");\n", f);
    }
    fputs("}\n", f);
}

int emit_java_codes(const m_catalog *cat, const char *path)
{
    return emit_codes(cat, path, java_codes);
}
