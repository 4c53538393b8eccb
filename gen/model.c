#include "model.h"

#include "fields.h"

#include "diag.h"
#include "json.h"
#include "lex.h"
#include "norm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TEXT_BYTES = 4096, MAX_TITLE_CHARS = 80, MAX_ENTRIES = 200000 };

static void free_entry(m_entry *e);
static void free_fact(m_fact *f);
static void free_reference(m_reference *r);

/* ---- small helpers ---------------------------------------------------- */

typedef struct {
    const char *file;
    m_catalog *cat;
} ctx;

static m_pos pos_of(const ctx *c, const jnode *n)
{
    m_pos p = {c->file, n->line, n->column};
    return p;
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static void unknown_key(const ctx *c, const jnode *n, const object_kind *ok)
{
    const char *best = NULL;
    size_t bestd = 3; /* suggest only close matches */
    for (size_t i = 0; i < ok->n; i++) {
        size_t d = edit_distance(n->key, ok->fields[i].key);
        if (d < bestd) {
            bestd = d;
            best = ok->fields[i].key;
        }
    }
    if (best)
        gen_error(c->file, n->key_line, n->key_column,
                  "unknown key '%s' in %s (did you mean '%s'?)", n->key, ok->what, best);
    else
        gen_error(c->file, n->key_line, n->key_column, "unknown key '%s' in %s", n->key, ok->what);
}

static int expect(const ctx *c, const jnode *n, jn_type t, const char *what)
{
    if (n->type == t)
        return 1;
    gen_error(c->file, n->line, n->column, "%s must be %s, not %s", what, jn_type_name(t),
              jn_type_name(n->type));
    return 0;
}

/* Number of UTF-8 characters. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((*s & 0xC0) != 0x80);
    return n;
}

/* A non-empty string without control characters (tab allowed), at most MAX_TEXT_BYTES. */
static char *text_value(const ctx *c, const jnode *n, const char *what)
{
    if (!expect(c, n, JN_STRING, what))
        return NULL;
    if (n->len == 0) {
        gen_error(c->file, n->line, n->column, "%s must not be empty", what);
        return NULL;
    }
    if (n->len > MAX_TEXT_BYTES) {
        gen_error(c->file, n->line, n->column, "%s is %zu bytes long (the limit is %d)", what,
                  n->len, MAX_TEXT_BYTES);
        return NULL;
    }
    for (size_t i = 0; i < n->len; i++) {
        unsigned char ch = (unsigned char)n->str[i];
        if ((ch < 0x20 && ch != '\t') || ch == 0x7F) {
            gen_error(c->file, n->line, n->column, "%s contains control character U+%04X", what,
                      ch);
            return NULL;
        }
    }
    const char *p = n->str;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0') {
        gen_error(c->file, n->line, n->column, "%s must not be blank", what);
        return NULL;
    }
    return gen_xstrdup(n->str);
}

/* The number of n's name in set, or 0 after reporting. */
static int enum_value(const ctx *c, const jnode *n, const sspr__name_set *set)
{
    if (!expect(c, n, JN_STRING, set->what))
        return 0;
    unsigned v = sspr__number_of(set, n->str, n->len, 0);
    if (v)
        return (int)v;
    char allowed[256];
    gen_error(c->file, n->line, n->column, "invalid %s '%s' (expected one of: %s)", set->what,
              n->str, sspr__names_list(set, ", ", allowed, sizeof allowed));
    return 0;
}

static int id_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 63)
        return 0;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    return 1;
}

static int fact_key_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 63 || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

static char *id_value(const ctx *c, const jnode *n, const char *what)
{
    if (!expect(c, n, JN_STRING, what))
        return NULL;
    if (!id_ok(n->str)) {
        gen_error(c->file, n->line, n->column,
                  "invalid %s '%s' (lowercase ASCII letters, digits and '-', 1 to 63 characters, "
                  "not starting with '-')",
                  what, n->str);
        return NULL;
    }
    return gen_xstrdup(n->str);
}

static char *fact_key_value(const ctx *c, const jnode *n, const char *what)
{
    if (!expect(c, n, JN_STRING, what))
        return NULL;
    if (fact_key_ok(n->str))
        return gen_xstrdup(n->str);
    if (strcmp(what, "supersedes") == 0)
        gen_error(c->file, n->line, n->column, "invalid fact key '%s' in supersedes", n->str);
    else
        gen_error(c->file, n->line, n->column,
                  "invalid fact key '%s' (lowercase letters, digits and '_', starting with a "
                  "letter)",
                  n->str);
    return NULL;
}

/* An https URL without spaces. */
static char *url_value(const ctx *c, const jnode *n, const char *what)
{
    char *s = text_value(c, n, what);
    if (!s || (strncmp(s, "https://", 8) == 0 && s[8] && !strpbrk(s, " \t")))
        return s;
    gen_error(c->file, n->line, n->column, "invalid %s '%s' (expected https://...)", what, s);
    free(s);
    return NULL;
}

/* A date YYYY-MM-DD. */
static char *date_value(const ctx *c, const jnode *n, const char *what)
{
    char *s = text_value(c, n, what);
    unsigned y, m, d;
    char tail;
    if (!s || (strlen(s) == 10 && sscanf(s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
               s[4] == '-' && s[7] == '-' && m >= 1 && m <= 12 && d >= 1 && d <= 31))
        return s;
    gen_error(c->file, n->line, n->column, "invalid %s '%s' (expected YYYY-MM-DD)", what, s);
    free(s);
    return NULL;
}

static int hresult_value(const ctx *c, const jnode *n, uint32_t *out)
{
    if (!expect(c, n, JN_STRING, "an HRESULT"))
        return 0;
    const char *s = n->str; /* the catalogue's one spelling: 0x and exactly 8 digits */
    if (n->len == 10 && s[0] == '0' && s[1] == 'x' && sspr__hex32(s + 2, 8, out))
        return 1;
    gen_error(c->file, n->line, n->column,
              "invalid HRESULT '%s' (expected 0x followed by 8 hex digits)", s);
    return 0;
}

static int code_value(const ctx *c, const jnode *n, int64_t *out)
{
    if (n->type != JN_INTEGER) {
        gen_error(c->file, n->line, n->column, "code must be an integer or null, not %s",
                  jn_type_name(n->type));
        return 0;
    }
    if (n->integer < 0 || n->integer > 4294967295LL) {
        gen_error(c->file, n->line, n->column, "code %lld is out of range (0 to 4294967295)",
                  n->integer);
        return 0;
    }
    *out = n->integer;
    return 1;
}

/* A JSON number as the double the library keeps. An integer beyond 2^53 in
 * size has no exact double: is_exact is cleared for it. */
static int number_of(const jnode *n, double *out, int *is_exact)
{
    *is_exact = 1;
    if (n->type == JN_INTEGER) {
        const long long limit = 9007199254740992LL; /* 2^53 */
        *is_exact = n->integer >= -limit && n->integer <= limit;
        *out = (double)n->integer;
        return 1;
    }
    if (n->type == JN_REAL) {
        *out = n->real;
        return 1;
    }
    return 0;
}

/* ---- objects, driven by the schema ------------------------------------- */

static void parse_entry(const ctx *c, const jnode *n);
static int parse_object(const ctx *c, const jnode *n, const object_kind *kind, void *obj,
                        m_pos *at);

/* A list of texts or (REF) entry ids, with the position of each item. */
static void text_list(const ctx *c, const jnode *n, const char *key, int ids, m_strings *out)
{
    if (!expect(c, n, JN_ARRAY, key))
        return;
    out->v = gen_xmalloc(n->nkids * sizeof *out->v);
    out->pos = gen_xmalloc(n->nkids * sizeof *out->pos);
    char item[64];
    snprintf(item, sizeof item, "each item of %s", key);
    for (size_t i = 0; i < n->nkids; i++) {
        char *s = ids ? id_value(c, n->kids[i], item) : text_value(c, n->kids[i], item);
        if (!s)
            continue;
        out->pos[out->n] = pos_of(c, n->kids[i]);
        out->v[out->n++] = s;
    }
}

static void hresult_list(const ctx *c, const jnode *k, m_u32s *out)
{
    if (!expect(c, k, JN_ARRAY, "hresults"))
        return;
    out->v = gen_xmalloc(k->nkids * sizeof *out->v);
    for (size_t j = 0; j < k->nkids; j++) {
        uint32_t hr;
        if (!hresult_value(c, k->kids[j], &hr))
            continue;
        int dup = 0;
        for (size_t h = 0; h < out->n; h++)
            dup |= out->v[h] == hr;
        if (dup)
            gen_error(c->file, k->kids[j]->line, k->kids[j]->column,
                      "HRESULT 0x%08X is listed twice", (unsigned)hr);
        else
            out->v[out->n++] = hr;
    }
}

/* The rules of a fact that tie its fields together. */
static int check_fact(const ctx *c, const jnode *n, m_fact *f)
{
    int has_value = jn_get(n, "value") != NULL, has_min = jn_get(n, "min") != NULL,
        has_max = jn_get(n, "max") != NULL;
    if (has_value && f->value.is_num)
        f->min = f->max = f->value.num;
    if (has_value && (has_min || has_max)) {
        gen_error(c->file, n->line, n->column, "fact has both 'value' and 'min'/'max'");
        return 0;
    }
    if (!has_value && !(has_min && has_max)) {
        gen_error(c->file, n->line, n->column, "fact needs 'value', or both 'min' and 'max'");
        return 0;
    }
    if (has_min && has_max && f->min > f->max) {
        gen_error(c->file, n->line, n->column, "fact range has min greater than max");
        return 0;
    }
    return 1;
}

static int check_mention(const ctx *c, const jnode *n, const m_mention *m)
{
    if (m->hresult >= 0 || (m->code >= 0 && m->source))
        return 1;
    gen_error(c->file, n->line, n->column,
              "a mention needs an 'hresult', or a 'source' and a 'code'");
    return 0;
}

static void fact_list(const ctx *c, const jnode *k, m_facts *out)
{
    if (!expect(c, k, JN_ARRAY, "facts"))
        return;
    out->v = gen_xmalloc(k->nkids * sizeof *out->v);
    for (size_t j = 0; j < k->nkids; j++) {
        m_fact *f = &out->v[out->n];
        memset(f, 0, sizeof *f);
        f->supersedes_at = -1;
        f->pos = pos_of(c, k->kids[j]);
        int ok = parse_object(c, k->kids[j], &fact_kind, f, NULL);
        if (k->kids[j]->type == JN_OBJECT)
            ok &= check_fact(c, k->kids[j], f); /* also after a bad field, as each is its own */
        if (ok)
            out->n++;
        else
            free_fact(f);
    }
}

static void reference_list(const ctx *c, const jnode *k, m_references *out)
{
    if (!expect(c, k, JN_ARRAY, "refs"))
        return;
    out->v = gen_xmalloc(k->nkids * sizeof *out->v);
    for (size_t j = 0; j < k->nkids; j++) {
        m_reference *r = &out->v[out->n];
        memset(r, 0, sizeof *r);
        if (parse_object(c, k->kids[j], &reference_kind, r, NULL))
            out->n++;
        else
            free_reference(r);
    }
}

static void mention_list(const ctx *c, const jnode *k, m_mentions *out)
{
    if (!expect(c, k, JN_ARRAY, "mentions"))
        return;
    out->v = gen_xmalloc(k->nkids * sizeof *out->v);
    for (size_t j = 0; j < k->nkids; j++) {
        m_mention *m = &out->v[out->n];
        memset(m, 0, sizeof *m);
        m->code = m->hresult = -1;
        if (parse_object(c, k->kids[j], &mention_kind, m, NULL) && check_mention(c, k->kids[j], m))
            out->n++;
    }
}

static int inexact(const ctx *c, const jnode *k, const char *key)
{
    gen_error(c->file, k->line, k->column,
              "fact %s %lld cannot be kept exactly (numbers are stored as doubles: at most 2^53 "
              "in size)",
              key, k->integer);
    return 0;
}

/* Reads the value k of field f into slot; returns 0 after reporting a problem. */
static int parse_field(const ctx *c, const jnode *k, const field *f, void *slot)
{
    int exact;
    if (k->type == JN_NULL && f->presence == P_NULLABLE)
        return 1;
    const sspr__name_set *set = set_of(f->type);
    if (set) {
        int v = enum_value(c, k, set);
        *(int *)slot = v;
        return v > 0;
    }
    switch (f->type) {
    case T_ID: return (*(char **)slot = id_value(c, k, f->key)) != NULL;
    case T_TEXT:
        if (f->shape == S_LIST) {
            text_list(c, k, f->key, 0, slot);
            return 1;
        }
        return (*(char **)slot = text_value(c, k, f->key)) != NULL;
    case T_TITLE: {
        char *s = *(char **)slot = text_value(c, k, f->key);
        if (s && utf8_chars(s) > MAX_TITLE_CHARS)
            gen_error(c->file, k->line, k->column,
                      "%s is %zu characters long (the limit is %d, one terminal line)", f->key,
                      utf8_chars(s), MAX_TITLE_CHARS);
        return s != NULL;
    }
    case T_FACTKEY: return (*(char **)slot = fact_key_value(c, k, f->key)) != NULL;
    case T_CODE: return code_value(c, k, slot);
    case T_ORDER:
        if (k->type != JN_INTEGER || k->integer < 1 || k->integer > 99) {
            gen_error(c->file, k->line, k->column, "%s must be an integer from 1 to 99", f->key);
            return 0;
        }
        *(int *)slot = (int)k->integer;
        return 1;
    case T_HRESULT:
        if (f->shape == S_LIST) {
            hresult_list(c, k, slot);
            return 1;
        } else {
            uint32_t hr;
            if (!hresult_value(c, k, &hr))
                return 0;
            *(int64_t *)slot = hr;
            return 1;
        }
    case T_REF: text_list(c, k, f->key, 1, slot); return 1;
    case T_NUMBER:
        if (number_of(k, slot, &exact))
            return exact || inexact(c, k, f->key);
        gen_error(c->file, k->line, k->column, "fact %s must be a number, not %s", f->key,
                  jn_type_name(k->type));
        return 0;
    case T_VALUE: {
        m_value *v = slot;
        if (k->type == JN_STRING)
            return (v->str = text_value(c, k, "fact value")) != NULL;
        if ((v->is_num = number_of(k, &v->num, &exact)) != 0)
            return exact || inexact(c, k, f->key);
        gen_error(c->file, k->line, k->column, "fact value must be a number or a string, not %s",
                  jn_type_name(k->type));
        return 0;
    }
    case T_URL: return (*(char **)slot = url_value(c, k, f->key)) != NULL;
    case T_DATE: return (*(char **)slot = date_value(c, k, f->key)) != NULL;
    case T_REFERENCE: reference_list(c, k, slot); return 1;
    case T_MENTION: mention_list(c, k, slot); return 1;
    case T_FACT: fact_list(c, k, slot); return 1;
    case T_ENTRY:
        if (!expect(c, k, JN_ARRAY, f->key))
            return 0;
        for (size_t j = 0; j < k->nkids; j++)
            parse_entry(c, k->kids[j]);
        return 1;
    }
    return 0;
}

/* Reads the members of object n into obj as kind's fields say, reporting
 * unknown keys and missing required ones; at (may be NULL) gets the position of
 * each field's value. Returns 0 when anything was wrong. */
static int parse_object(const ctx *c, const jnode *n, const object_kind *kind, void *obj, m_pos *at)
{
    char what[32];
    snprintf(what, sizeof what, "%s", kind->what);
    if (!expect(c, n, JN_OBJECT, what))
        return 0;
    int ok = 1;
    for (size_t i = 0; i < n->nkids; i++) {
        const jnode *k = n->kids[i];
        if (jn_get(n, k->key) != k)
            continue; /* a duplicate key, already reported */
        size_t f = 0;
        while (f < kind->n && strcmp(kind->fields[f].key, k->key) != 0)
            f++;
        if (f == kind->n) {
            unknown_key(c, k, kind);
            ok = 0;
            continue;
        }
        if (at)
            at[f] = pos_of(c, k);
        ok &= parse_field(c, k, &kind->fields[f], (char *)obj + kind->fields[f].offset);
    }
    for (size_t f = 0; f < kind->n; f++) {
        if (kind->fields[f].presence == P_OPTIONAL || jn_get(n, kind->fields[f].key))
            continue;
        const jnode *idn = jn_get(n, "id");
        if (!kind->noun)
            gen_error(c->file, n->line, n->column, "missing required key '%s'",
                      kind->fields[f].key);
        else if (kind == &entry_kind && idn && idn->type == JN_STRING)
            gen_error(c->file, n->line, n->column, "%s '%s' is missing required key '%s'",
                      kind->noun, idn->str, kind->fields[f].key);
        else
            gen_error(c->file, n->line, n->column, "%s is missing required key '%s'", kind->noun,
                      kind->fields[f].key);
        ok = 0;
    }
    return ok;
}

/* ---- entries ---------------------------------------------------------- */

/* The rules of an entry that tie its fields together. */
static void check_entry(const ctx *c, const jnode *n, m_entry *e)
{
    const char *id = e->id ? e->id : "?";
    const jnode *source = jn_get(n, "source"), *code = jn_get(n, "code");
    /* a source or code that was given but invalid is already reported */
    int bad_source = source && source->type != JN_NULL && !e->source;
    int bad_code = code && code->type != JN_NULL && e->code < 0;
    if (!e->origin)
        e->origin = SSPR__ORIGIN_2017;
    if (e->origin == SSPR__ORIGIN_FIELD && e->refs.n == 0)
        gen_error(c->file, n->line, n->column,
                  "entry '%s' comes from the field: 'refs' must name the report (its URL)", id);
    if (e->origin == SSPR__ORIGIN_CURRENT && e->refs.n == 0)
        gen_error(c->file, n->line, n->column,
                  "entry '%s' comes from the current documentation: 'refs' must name the page "
                  "(its URL and date)",
                  id);
    if (e->code >= 0 && !e->source && !bad_source)
        gen_error(c->file, n->line, n->column, "entry '%s' has a code but no source", id);
    if (e->kind == SSPR__KIND_EVENT && !e->source && !bad_source && source)
        gen_error(c->file, source->line, source->column, "an event needs a source");
    if (e->kind == SSPR__KIND_EVENT && e->source && e->code < 0 && !bad_code && e->hresults.n == 0)
        gen_error(c->file, n->line, n->column, "event '%s' needs a code or an HRESULT", id);
    const jnode *order = jn_get(n, "order");
    if (e->kind == SSPR__KIND_PROCEDURE && !order)
        gen_error(c->file, n->line, n->column, "procedure '%s' needs an 'order'", id);
    if (e->kind > 0 && e->kind != SSPR__KIND_PROCEDURE && order)
        gen_error(c->file, order->key_line, order->key_column, "only procedures have an 'order'");
    for (size_t i = 0; i < e->facts.n; i++) {
        m_fact *f = &e->facts.v[i];
        if (!f->origin)
            f->origin = SSPR__ORIGIN_2017;
        for (size_t j = 0; j < i; j++)
            if (f->key && e->facts.v[j].key && strcmp(f->key, e->facts.v[j].key) == 0)
                gen_error(f->pos.file, f->pos.line, f->pos.column,
                          "fact key '%s' appears twice in the entry", f->key);
    }
    for (size_t i = 0; i < e->facts.n; i++) {
        m_fact *f = &e->facts.v[i];
        if (!f->supersedes)
            continue;
        for (size_t j = 0; j < e->facts.n; j++)
            if (j != i && e->facts.v[j].key && strcmp(e->facts.v[j].key, f->supersedes) == 0)
                f->supersedes_at = (int)j;
        if (f->supersedes_at < 0)
            gen_error(f->pos.file, f->pos.line, f->pos.column,
                      "fact '%s' supersedes '%s', which is not a fact of this entry",
                      f->key ? f->key : "?", f->supersedes);
    }
}

static void parse_entry(const ctx *c, const jnode *n)
{
    m_catalog *cat = c->cat;
    m_entry e;
    memset(&e, 0, sizeof e);
    e.code = -1;
    e.pos = pos_of(c, n);
    if (n->type == JN_OBJECT)
        parse_object(c, n, &entry_kind, &e, e.at);
    else {
        expect(c, n, JN_OBJECT, entry_kind.what);
        return;
    }
    check_entry(c, n, &e);
    if (cat->n >= MAX_ENTRIES) {
        gen_error(c->file, n->line, n->column, "too many entries (the limit is %d)", MAX_ENTRIES);
        free_entry(&e);
        return;
    }
    if (cat->n == 0 || (cat->n & (cat->n - 1)) == 0) /* capacity doubles at powers of two */
        cat->entries = gen_xrealloc(cat->entries, (cat->n ? 2 * cat->n : 1) * sizeof *cat->entries);
    cat->entries[cat->n++] = e;
}

/* Loads one file's tree; *unusable is set when the file cannot say whether it
 * has a version (not loaded, not an object, or a version that is invalid). */
static void load_tree(const char *file, jnode *root, m_catalog *cat, m_pos *version_pos,
                      int *unusable)
{
    ctx c = {file, cat};
    if (!root) {
        *unusable = 1;
        return;
    }
    if (root->type != JN_OBJECT) {
        gen_error(file, root->line, root->column, "the top level must be an object, not %s",
                  jn_type_name(root->type));
        *unusable = 1;
        jn_free(root);
        return;
    }
    file_fields top = {0};
    parse_object(&c, root, &file_kind, &top, NULL);
    const jnode *k = jn_get(root, "version");
    if (k && k->type != JN_STRING)
        *unusable = 1; /* reported by parse_object, not as missing */
    else if (k && top.version) {
        unsigned a, b, d;
        char tail;
        if (sscanf(k->str, "%u.%u.%u%c", &a, &b, &d, &tail) != 3 ||
            strspn(k->str, "0123456789.") != k->len) {
            gen_error(file, k->line, k->column, "invalid version '%s' (expected MAJOR.MINOR.PATCH)",
                      k->str);
            *unusable = 1;
        } else if (cat->version) {
            gen_error(file, k->line, k->column, "the catalogue version is given twice");
            gen_note(version_pos->file, version_pos->line, version_pos->column, "first given here");
        } else {
            cat->version = top.version;
            top.version = NULL;
            *version_pos = pos_of(&c, k);
        }
    }
    free(top.version);
    jn_free(root);
}

/* ---- whole-catalogue checks ------------------------------------------- */

/* A small open-addressing set of strings -> first index, for duplicate checks. */
typedef struct {
    char **keys;
    size_t *vals;
    size_t cap;
} strmap;

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603ULL & (size_t)-1;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

static void sm_init(strmap *m, size_t n)
{
    m->cap = 16;
    while (m->cap < n * 2 + 16)
        m->cap *= 2;
    m->keys = gen_xmalloc(m->cap * sizeof *m->keys);
    m->vals = gen_xmalloc(m->cap * sizeof *m->vals);
    memset(m->keys, 0, m->cap * sizeof *m->keys);
}

/* Returns the index stored for key, or inserts val and returns (size_t)-1. */
static size_t sm_put(strmap *m, const char *key, size_t val)
{
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = gen_xstrdup(key);
    m->vals[i] = val;
    return (size_t)-1;
}

static size_t sm_get(const strmap *m, const char *key)
{
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return (size_t)-1;
}

static void sm_free(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
}

static size_t count_names(const m_catalog *cat)
{
    size_t n = 0;
    for (size_t i = 0; i < cat->n; i++)
        n += 1 + cat->entries[i].aliases.n;
    return n;
}

static void check_names(const m_catalog *cat)
{
    strmap names;
    size_t total = count_names(cat), nrec = 0;
    sm_init(&names, total);
    /* where each name or alias was first seen, for the note */
    struct rec {
        size_t entry;
        m_pos pos;
    } *recs = gen_xmalloc((total ? total : 1) * sizeof *recs);
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        for (size_t a = 0; a <= e->aliases.n; a++) {
            const char *s = a == 0 ? e->name : e->aliases.v[a - 1];
            if (!s)
                continue;
            m_pos pos = a == 0 ? e->at[SSPR__ENTRY_F_name] : e->aliases.pos[a - 1];
            const char *what = a ? "alias" : "name";
            char key[512];
            if (sspr__norm_key(s, strlen(s), key, sizeof key) == (size_t)-1 || key[0] == '\0') {
                gen_error(pos.file, pos.line, pos.column,
                          "%s '%s' of entry '%s' is too long or has no letters to look up", what, s,
                          e->id ? e->id : "?");
                continue;
            }
            recs[nrec].entry = i;
            recs[nrec].pos = pos;
            size_t prev = sm_put(&names, key, nrec);
            if (prev == (size_t)-1) {
                nrec++;
                continue;
            }
            /* an alias may differ from its own name only in case: it records the
               corrected spelling (ADUnKnownError -> ADUnknownError) */
            if (recs[prev].entry == i && a > 0 && strcmp(s, e->name ? e->name : "") != 0)
                continue;
            const m_entry *other = &cat->entries[recs[prev].entry];
            gen_error(pos.file, pos.line, pos.column,
                      "%s '%s' of entry '%s' is already a name or alias of entry '%s' "
                      "(names compare case-insensitively)",
                      what, s, e->id ? e->id : "?", other->id ? other->id : "?");
            gen_note(recs[prev].pos.file, recs[prev].pos.line, recs[prev].pos.column,
                     "first used here");
        }
    }
    free(recs);
    sm_free(&names);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Ids, and each event's source, code and HRESULTs, are unique; fills ids (id
 * -> entry index) for resolve_references. */
static void check_keys(m_catalog *cat, strmap *ids_out)
{
    strmap ids, keys;
    sm_init(&ids, cat->n);
    sm_init(&keys, cat->n);
    for (size_t i = 0; i < cat->n; i++) {
        m_entry *e = &cat->entries[i];
        if (e->id) {
            size_t prev = sm_put(&ids, e->id, i);
            if (prev != (size_t)-1) {
                gen_error(e->pos.file, e->pos.line, e->pos.column, "duplicate id '%s'", e->id);
                gen_note(cat->entries[prev].pos.file, cat->entries[prev].pos.line,
                         cat->entries[prev].pos.column, "'%s' first defined here", e->id);
            }
        }
        if (e->code < 0 && e->hresults.n == 0)
            continue;
        if (e->hresults.n > 1)
            qsort(e->hresults.v, e->hresults.n, sizeof *e->hresults.v, cmp_u32);
        char key[64 + 11 * 64];
        int len = snprintf(key, 64, "%d:%s%lu", e->source, e->code >= 0 ? "" : "-",
                           (unsigned long)(e->code >= 0 ? e->code : 0));
        for (size_t h = 0; h < e->hresults.n && h < 64; h++)
            len += snprintf(key + len, 12, ":%08X", (unsigned)e->hresults.v[h]);
        size_t prev = sm_put(&keys, key, i);
        if (prev != (size_t)-1) {
            gen_error(e->pos.file, e->pos.line, e->pos.column,
                      "entry '%s' has the same source, code and HRESULTs as entry '%s'",
                      e->id ? e->id : "?", cat->entries[prev].id ? cat->entries[prev].id : "?");
            gen_note(cat->entries[prev].pos.file, cat->entries[prev].pos.line,
                     cat->entries[prev].pos.column, "'%s' defined here",
                     cat->entries[prev].id ? cat->entries[prev].id : "?");
        }
    }
    sm_free(&keys);
    *ids_out = ids;
}

/* Ids in procedures and related become entry indices; a reference that is
 * not an id, the entry itself, listed twice, or (procedures) not a procedure
 * is reported. */
static void resolve_references(m_catalog *cat, const strmap *ids_map)
{
    const strmap ids = *ids_map;
    for (size_t i = 0; i < cat->n; i++) {
        m_entry *e = &cat->entries[i];
        for (int which = 0; which < 2; which++) {
            m_strings *refs = which ? &e->related : &e->procedures;
            m_pos *pos = refs->pos;
            size_t *out = gen_xmalloc((refs->n ? refs->n : 1) * sizeof *out);
            const char *field = which ? "related" : "procedures";
            for (size_t r = 0; r < refs->n; r++) {
                size_t target = sm_get(&ids, refs->v[r]);
                out[r] = target;
                if (target == (size_t)-1) {
                    gen_error(pos[r].file, pos[r].line, pos[r].column,
                              "'%s' in %s of entry '%s' is not the id of any entry", refs->v[r],
                              field, e->id ? e->id : "?");
                    continue;
                }
                if (target == i)
                    gen_error(pos[r].file, pos[r].line, pos[r].column,
                              "entry '%s' refers to itself in %s", e->id, field);
                if (!which && cat->entries[target].kind != SSPR__KIND_PROCEDURE)
                    gen_error(pos[r].file, pos[r].line, pos[r].column,
                              "'%s' in procedures of entry '%s' is a %s, not a procedure",
                              refs->v[r], e->id ? e->id : "?",
                              cat->entries[target].kind > 0
                                  ? M_NAME(kinds, cat->entries[target].kind)
                                  : "entry");
                for (size_t q = 0; q < r; q++)
                    if (strcmp(refs->v[q], refs->v[r]) == 0)
                        gen_error(pos[r].file, pos[r].line, pos[r].column,
                                  "'%s' is listed twice in %s of entry '%s'", refs->v[r], field,
                                  e->id ? e->id : "?");
            }
            refs->idx = out;
        }
    }
}

/* Procedures may point at further procedures, but never in a circle. A depth-first
 * walk with its own stack (a chain of 150,000 procedures is no deeper for the C
 * stack than one): state 1 = on the path being walked, 2 = done. A reference to
 * a procedure on the path closes a circle; it is reported at the reference, and
 * the walk leaves the referring procedure there (each circle once). */
static void check_cycles(m_catalog *cat)
{
    size_t n = cat->n ? cat->n : 1;
    unsigned char *state = gen_xmalloc(n);
    memset(state, 0, n);
    struct {
        size_t i, r; /* a procedure on the path, and its next reference */
    } *path = gen_xmalloc(n * sizeof *path);
    for (size_t root = 0; root < cat->n; root++) {
        if (state[root])
            continue;
        size_t depth = 0;
        path[depth].i = root;
        path[depth++].r = 0;
        state[root] = 1;
        while (depth) {
            size_t i = path[depth - 1].i, r = path[depth - 1].r++;
            m_entry *e = &cat->entries[i];
            if (r == e->procedures.n) {
                state[i] = 2;
                depth--;
                continue;
            }
            size_t t = e->procedures.idx[r];
            if (t == (size_t)-1 || t == i || state[t] == 2)
                continue; /* dangling and self references are reported elsewhere */
            if (state[t] == 1) {
                gen_error(e->procedures.pos[r].file, e->procedures.pos[r].line,
                          e->procedures.pos[r].column,
                          "procedure reference '%s' from '%s' closes a circle", e->procedures.v[r],
                          e->id);
                state[i] = 2;
                depth--;
                continue;
            }
            state[t] = 1;
            path[depth].i = t;
            path[depth++].r = 0;
        }
    }
    free(path);
    free(state);
}

static int finish(m_catalog *cat, const char *first_file, int unreadable)
{
    /* a file that could not be loaded may be the one with the version */
    if (!cat->version && first_file && !unreadable)
        gen_error(first_file, 1, 1, "no file of the catalogue gives its 'version'");
    strmap ids;
    check_keys(cat, &ids);
    resolve_references(cat, &ids);
    sm_free(&ids);
    check_names(cat);
    check_cycles(cat);
    return gen_error_count() == 0 ? 0 : -1;
}

int m_load(m_catalog *cat, char **files, size_t nfiles)
{
    memset(cat, 0, sizeof *cat);
    m_pos version_pos = {NULL, 0, 0};
    int unreadable = 0;
    for (size_t i = 0; i < nfiles; i++)
        load_tree(files[i], jn_load(files[i]), cat, &version_pos, &unreadable);
    return finish(cat, nfiles > 0 ? files[0] : NULL, unreadable);
}

int m_load_text(m_catalog *cat, const char *name, const char *text, size_t len)
{
    memset(cat, 0, sizeof *cat);
    m_pos version_pos = {NULL, 0, 0};
    int unreadable = 0;
    load_tree(name, jn_parse(name, text, len), cat, &version_pos, &unreadable);
    return finish(cat, name, unreadable);
}

static void free_strings(m_strings *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    free(s->pos);
    free(s->idx);
}

/* Frees what the fields of kind own in obj, as parse_field allocated it. */
static void free_object(const object_kind *kind, void *obj)
{
    for (size_t f = 0; f < kind->n; f++) {
        const field *fd = &kind->fields[f];
        void *slot = (char *)obj + fd->offset;
        switch (fd->type) {
        case T_ID:
        case T_TITLE:
        case T_FACTKEY:
        case T_URL:
        case T_DATE: free(*(char **)slot); break;
        case T_TEXT:
            if (fd->shape == S_LIST)
                free_strings(slot);
            else
                free(*(char **)slot);
            break;
        case T_REF: free_strings(slot); break;
        case T_HRESULT:
            if (fd->shape == S_LIST)
                free(((m_u32s *)slot)->v);
            break;
        case T_VALUE: free(((m_value *)slot)->str); break;
        case T_MENTION: free(((m_mentions *)slot)->v); break;
        case T_REFERENCE: {
            m_references *refs = slot;
            for (size_t i = 0; i < refs->n; i++)
                free_reference(&refs->v[i]);
            free(refs->v);
            break;
        }
        case T_FACT: {
            m_facts *facts = slot;
            for (size_t i = 0; i < facts->n; i++)
                free_fact(&facts->v[i]);
            free(facts->v);
            break;
        }
        default: /* numbers and names own nothing */ break;
        }
    }
}

static void free_fact(m_fact *f)
{
    free_object(&fact_kind, f);
}

static void free_reference(m_reference *r)
{
    free_object(&reference_kind, r);
}

static void free_entry(m_entry *e)
{
    free_object(&entry_kind, e);
}

void m_free(m_catalog *cat)
{
    for (size_t i = 0; i < cat->n; i++)
        free_entry(&cat->entries[i]);
    free(cat->entries);
    free(cat->version);
    memset(cat, 0, sizeof *cat);
}
