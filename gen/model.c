#include "model.h"

#include "diag.h"
#include "json.h"
#include "norm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const m_kind_names[] = {"", "event", "symptom", "procedure", "checklist"};
const char *const m_severity_names[] = {"", "info", "warning", "error"};
const char *const m_source_names[] = {"", "PasswordResetService", "ADSync", "SSPR"};
const char *const m_area_names[] = {"admin-portal", "reporting",  "registration-portal",
                                    "reset-portal", "writeback",  "writeback-connectivity",
                                    "support",      NULL};
const char *const m_origin_names[] = {"2017", "current", NULL};

enum { MAX_TEXT_BYTES = 4096, MAX_TITLE_CHARS = 80, MAX_ENTRIES = 200000 };

static void free_entry(m_entry *e);

/* ---- small helpers ---------------------------------------------------- */

typedef struct {
    const char *file;
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

static const char *closest(const char *word, const char *const *choices)
{
    const char *best = NULL;
    size_t bestd = 3; /* suggest only close matches */
    for (size_t i = 0; choices[i]; i++) {
        size_t d = edit_distance(word, choices[i]);
        if (d < bestd) {
            bestd = d;
            best = choices[i];
        }
    }
    return best;
}

static void unknown_key(const ctx *c, const jnode *n, const char *const *allowed, const char *where)
{
    const char *s = closest(n->key, allowed);
    if (s)
        gen_error(c->file, n->key_line, n->key_column, "unknown key '%s' in %s (did you mean '%s'?)",
                  n->key, where, s);
    else
        gen_error(c->file, n->key_line, n->key_column, "unknown key '%s' in %s", n->key, where);
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

static int enum_value(const ctx *c, const jnode *n, const char *const *names, size_t first,
                      const char *what)
{
    if (!expect(c, n, JN_STRING, what))
        return -1;
    for (size_t i = first; names[i]; i++)
        if (strcmp(names[i], n->str) == 0)
            return (int)i;
    char allowed[256] = "";
    for (size_t i = first; names[i]; i++) {
        if (i > first)
            strncat(allowed, ", ", sizeof allowed - strlen(allowed) - 1);
        strncat(allowed, names[i], sizeof allowed - strlen(allowed) - 1);
    }
    gen_error(c->file, n->line, n->column, "invalid %s '%s' (expected one of: %s)", what, n->str,
              allowed);
    return -1;
}

static const char *const kind_list[] = {"", "event", "symptom", "procedure", "checklist", NULL};
static const char *const sev_list[] = {"", "info", "warning", "error", NULL};
static const char *const src_list[] = {"", "PasswordResetService", "ADSync", "SSPR", NULL};

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

static int hresult_value(const ctx *c, const jnode *n, uint32_t *out)
{
    if (!expect(c, n, JN_STRING, "an HRESULT"))
        return 0;
    const char *s = n->str;
    int ok = n->len == 10 && s[0] == '0' && s[1] == 'x';
    for (size_t i = 2; ok && i < 10; i++)
        ok = strchr("0123456789abcdefABCDEF", s[i]) != NULL && s[i] != '\0';
    if (!ok) {
        gen_error(c->file, n->line, n->column,
                  "invalid HRESULT '%s' (expected 0x followed by 8 hex digits)", s);
        return 0;
    }
    *out = (uint32_t)strtoul(s + 2, NULL, 16);
    return 1;
}

static int code_value(const ctx *c, const jnode *n, uint32_t *out)
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
    *out = (uint32_t)n->integer;
    return 1;
}

/* A list of texts (or, with ids set, of entry ids), with the position of each
 * item kept when positions is not NULL. */
static void text_list(const ctx *c, const jnode *n, const char *what, m_strings *out,
                      m_pos **positions, int ids)
{
    if (!expect(c, n, JN_ARRAY, what))
        return;
    out->v = gen_xmalloc(n->nkids * sizeof *out->v);
    if (positions)
        *positions = gen_xmalloc(n->nkids * sizeof **positions);
    char item[64];
    snprintf(item, sizeof item, "each item of %s", what);
    for (size_t i = 0; i < n->nkids; i++) {
        char *s = ids ? id_value(c, n->kids[i], item) : text_value(c, n->kids[i], item);
        if (!s)
            continue;
        if (positions)
            (*positions)[out->n] = pos_of(c, n->kids[i]);
        out->v[out->n++] = s;
    }
}

/* ---- facts and mentions ----------------------------------------------- */

static const char *const fact_keys[] = {"key",    "value",      "min", "max", "unit",
                                        "text",   "origin", "supersedes", NULL};

static int number_of(const jnode *n, double *out)
{
    if (n->type == JN_INTEGER) {
        *out = (double)n->integer;
        return 1;
    }
    if (n->type == JN_REAL) {
        *out = n->real;
        return 1;
    }
    return 0;
}

static void free_fact(m_fact *f)
{
    free(f->key);
    free(f->unit);
    free(f->text);
    free(f->str);
    free(f->supersedes_key);
}

static int parse_fact(const ctx *c, const jnode *n, m_fact *f)
{
    memset(f, 0, sizeof *f);
    f->supersedes = -1;
    f->pos = pos_of(c, n);
    if (!expect(c, n, JN_OBJECT, "a fact"))
        return 0;
    int ok = 1, has_value = 0, has_min = 0, has_max = 0;
    for (size_t i = 0; i < n->nkids; i++) {
        const jnode *k = n->kids[i];
        if (jn_get(n, k->key) != k)
            continue; /* a duplicate key, already reported */
        if (strcmp(k->key, "key") == 0) {
            if (!expect(c, k, JN_STRING, "fact key"))
                ok = 0;
            else if (!fact_key_ok(k->str)) {
                gen_error(c->file, k->line, k->column,
                          "invalid fact key '%s' (lowercase letters, digits and '_', starting "
                          "with a letter)",
                          k->str);
                ok = 0;
            } else
                f->key = gen_xstrdup(k->str);
        } else if (strcmp(k->key, "value") == 0) {
            has_value = 1;
            if (k->type == JN_STRING) {
                f->str = text_value(c, k, "fact value");
                ok &= f->str != NULL;
            } else if (number_of(k, &f->min)) {
                f->max = f->min;
            } else {
                gen_error(c->file, k->line, k->column,
                          "fact value must be a number or a string, not %s",
                          jn_type_name(k->type));
                ok = 0;
            }
        } else if (strcmp(k->key, "min") == 0 || strcmp(k->key, "max") == 0) {
            int is_min = k->key[1] == 'i';
            double v;
            if (!number_of(k, &v)) {
                gen_error(c->file, k->line, k->column, "fact %s must be a number, not %s", k->key,
                          jn_type_name(k->type));
                ok = 0;
            } else if (is_min) {
                f->min = v;
                has_min = 1;
            } else {
                f->max = v;
                has_max = 1;
            }
        } else if (strcmp(k->key, "unit") == 0) {
            f->unit = text_value(c, k, "fact unit");
            ok &= f->unit != NULL;
        } else if (strcmp(k->key, "text") == 0) {
            f->text = text_value(c, k, "fact text");
            ok &= f->text != NULL;
        } else if (strcmp(k->key, "origin") == 0) {
            f->origin = enum_value(c, k, m_origin_names, 0, "origin");
            ok &= f->origin >= 0;
        } else if (strcmp(k->key, "supersedes") == 0) {
            if (expect(c, k, JN_STRING, "supersedes") && fact_key_ok(k->str))
                f->supersedes_key = gen_xstrdup(k->str);
            else {
                if (k->type == JN_STRING)
                    gen_error(c->file, k->line, k->column, "invalid fact key '%s' in supersedes",
                              k->str);
                ok = 0;
            }
        } else {
            unknown_key(c, k, fact_keys, "a fact");
            ok = 0;
        }
    }
    if (!jn_get(n, "key")) {
        gen_error(c->file, n->line, n->column, "fact is missing required key 'key'");
        ok = 0;
    }
    if (!jn_get(n, "text")) {
        gen_error(c->file, n->line, n->column, "fact is missing required key 'text'");
        ok = 0;
    }
    if (has_value && (has_min || has_max)) {
        gen_error(c->file, n->line, n->column, "fact has both 'value' and 'min'/'max'");
        ok = 0;
    } else if (!has_value && !(has_min && has_max)) {
        gen_error(c->file, n->line, n->column,
                  "fact needs 'value', or both 'min' and 'max'");
        ok = 0;
    } else if (has_min && has_max && f->min > f->max) {
        gen_error(c->file, n->line, n->column, "fact range has min greater than max");
        ok = 0;
    }
    return ok;
}

static const char *const mention_keys[] = {"source", "code", "hresult", NULL};

static int parse_mention(const ctx *c, const jnode *n, m_mention *m)
{
    memset(m, 0, sizeof *m);
    if (!expect(c, n, JN_OBJECT, "a mention"))
        return 0;
    int ok = 1;
    for (size_t i = 0; i < n->nkids; i++) {
        const jnode *k = n->kids[i];
        if (jn_get(n, k->key) != k)
            continue; /* a duplicate key, already reported */
        if (strcmp(k->key, "source") == 0) {
            if (k->type != JN_NULL) {
                int s = enum_value(c, k, src_list, 1, "source");
                ok &= s > 0;
                m->source = s > 0 ? s : 0;
            }
        } else if (strcmp(k->key, "code") == 0) {
            m->has_code = code_value(c, k, &m->code);
            ok &= m->has_code;
        } else if (strcmp(k->key, "hresult") == 0) {
            m->has_hresult = hresult_value(c, k, &m->hresult);
            ok &= m->has_hresult;
        } else {
            unknown_key(c, k, mention_keys, "a mention");
            ok = 0;
        }
    }
    if (ok && !m->has_hresult && !(m->has_code && m->source)) {
        gen_error(c->file, n->line, n->column,
                  "a mention needs an 'hresult', or a 'source' and a 'code'");
        ok = 0;
    }
    return ok;
}

/* ---- entries ---------------------------------------------------------- */

static const char *const entry_keys[] = {
    "id",      "kind",       "source",   "code",     "name",   "aliases", "hresults",
    "severity", "area",      "title",    "summary",  "messages", "causes", "steps",
    "procedures", "related", "mentions", "facts",    "order",  "section", "origin", NULL};
static const char *const required_keys[] = {"id",       "kind", "source", "code",  "name",
                                            "severity", "area", "title",  "summary", "section",
                                            NULL};

static void parse_entry(const ctx *c, const jnode *n, m_catalog *cat)
{
    if (!expect(c, n, JN_OBJECT, "an entry"))
        return;
    m_entry e;
    memset(&e, 0, sizeof e);
    e.pos = pos_of(c, n);
    e.kind = e.severity = e.area = -1;
    int bad_source = 0, bad_code = 0; /* already reported: no knock-on errors */
    for (size_t i = 0; i < n->nkids; i++) {
        const jnode *k = n->kids[i];
        if (jn_get(n, k->key) != k)
            continue; /* a duplicate key, already reported */
        const char *key = k->key;
        if (strcmp(key, "id") == 0)
            e.id = id_value(c, k, "id");
        else if (strcmp(key, "kind") == 0)
            e.kind = enum_value(c, k, kind_list, 1, "kind");
        else if (strcmp(key, "source") == 0) {
            if (k->type != JN_NULL) {
                int s = enum_value(c, k, src_list, 1, "source");
                e.source = s > 0 ? s : 0;
                bad_source = s <= 0;
            }
        } else if (strcmp(key, "code") == 0) {
            if (k->type != JN_NULL) {
                e.has_code = code_value(c, k, &e.code);
                bad_code = !e.has_code;
            }
        } else if (strcmp(key, "name") == 0) {
            if (k->type != JN_NULL) {
                e.name = text_value(c, k, "name");
                e.name_pos = pos_of(c, k);
            }
        } else if (strcmp(key, "aliases") == 0)
            text_list(c, k, "aliases", &e.aliases, &e.alias_pos, 0);
        else if (strcmp(key, "hresults") == 0) {
            if (expect(c, k, JN_ARRAY, "hresults")) {
                e.hresults = gen_xmalloc(k->nkids * sizeof *e.hresults);
                for (size_t j = 0; j < k->nkids; j++) {
                    uint32_t hr;
                    if (!hresult_value(c, k->kids[j], &hr))
                        continue;
                    int dup = 0;
                    for (size_t h = 0; h < e.nhresults; h++)
                        dup |= e.hresults[h] == hr;
                    if (dup)
                        gen_error(c->file, k->kids[j]->line, k->kids[j]->column,
                                  "HRESULT 0x%08X is listed twice", (unsigned)hr);
                    else
                        e.hresults[e.nhresults++] = hr;
                }
            }
        } else if (strcmp(key, "severity") == 0)
            e.severity = enum_value(c, k, sev_list, 1, "severity");
        else if (strcmp(key, "area") == 0)
            e.area = enum_value(c, k, m_area_names, 0, "area");
        else if (strcmp(key, "title") == 0) {
            e.title = text_value(c, k, "title");
            if (e.title && utf8_chars(e.title) > MAX_TITLE_CHARS)
                gen_error(c->file, k->line, k->column,
                          "title is %zu characters long (the limit is %d, one terminal line)",
                          utf8_chars(e.title), MAX_TITLE_CHARS);
        } else if (strcmp(key, "summary") == 0)
            e.summary = text_value(c, k, "summary");
        else if (strcmp(key, "messages") == 0)
            text_list(c, k, "messages", &e.messages, NULL, 0);
        else if (strcmp(key, "causes") == 0)
            text_list(c, k, "causes", &e.causes, NULL, 0);
        else if (strcmp(key, "steps") == 0)
            text_list(c, k, "steps", &e.steps, NULL, 0);
        else if (strcmp(key, "procedures") == 0)
            text_list(c, k, "procedures", &e.procedure_ids, &e.procedure_pos, 1);
        else if (strcmp(key, "related") == 0)
            text_list(c, k, "related", &e.related_ids, &e.related_pos, 1);
        else if (strcmp(key, "mentions") == 0) {
            if (expect(c, k, JN_ARRAY, "mentions")) {
                e.mentions = gen_xmalloc(k->nkids * sizeof *e.mentions);
                for (size_t j = 0; j < k->nkids; j++)
                    if (parse_mention(c, k->kids[j], &e.mentions[e.nmentions]))
                        e.nmentions++;
            }
        } else if (strcmp(key, "facts") == 0) {
            if (expect(c, k, JN_ARRAY, "facts")) {
                e.facts = gen_xmalloc(k->nkids * sizeof *e.facts);
                for (size_t j = 0; j < k->nkids; j++)
                    if (parse_fact(c, k->kids[j], &e.facts[e.nfacts]))
                        e.nfacts++;
                    else
                        free_fact(&e.facts[e.nfacts]);
            }
        } else if (strcmp(key, "order") == 0) {
            if (k->type != JN_INTEGER || k->integer < 1 || k->integer > 99)
                gen_error(c->file, k->line, k->column, "order must be an integer from 1 to 99");
            else
                e.order = (int)k->integer;
        } else if (strcmp(key, "section") == 0)
            e.section = text_value(c, k, "section");
        else if (strcmp(key, "origin") == 0)
            e.origin = enum_value(c, k, m_origin_names, 0, "origin");
        else
            unknown_key(c, k, entry_keys, "an entry");
    }
    for (size_t i = 0; required_keys[i]; i++) {
        if (jn_get(n, required_keys[i]))
            continue;
        const jnode *idn = jn_get(n, "id");
        if (idn && idn->type == JN_STRING)
            gen_error(c->file, n->line, n->column, "entry '%s' is missing required key '%s'",
                      idn->str, required_keys[i]);
        else
            gen_error(c->file, n->line, n->column, "entry is missing required key '%s'",
                      required_keys[i]);
    }
    if (e.origin < 0)
        e.origin = 0;
    /* rules that tie fields together */
    if (e.has_code && !e.source && !bad_source)
        gen_error(c->file, n->line, n->column, "entry '%s' has a code but no source",
                  e.id ? e.id : "?");
    if (e.kind == M_KIND_EVENT && !e.source && !bad_source && jn_get(n, "source"))
        gen_error(c->file, jn_get(n, "source")->line, jn_get(n, "source")->column,
                  "an event needs a source");
    if (e.kind == M_KIND_EVENT && e.source && !e.has_code && !bad_code && e.nhresults == 0)
        gen_error(c->file, n->line, n->column, "event '%s' needs a code or an HRESULT",
                  e.id ? e.id : "?");
    const jnode *order = jn_get(n, "order");
    if (e.kind == M_KIND_PROCEDURE && !order)
        gen_error(c->file, n->line, n->column, "procedure '%s' needs an 'order'",
                  e.id ? e.id : "?");
    if (e.kind > 0 && e.kind != M_KIND_PROCEDURE && order)
        gen_error(c->file, order->key_line, order->key_column,
                  "only procedures have an 'order'");
    for (size_t i = 0; i < e.nfacts; i++) {
        for (size_t j = 0; j < i; j++)
            if (e.facts[i].key && e.facts[j].key && strcmp(e.facts[i].key, e.facts[j].key) == 0)
                gen_error(e.facts[i].pos.file, e.facts[i].pos.line, e.facts[i].pos.column,
                          "fact key '%s' appears twice in the entry", e.facts[i].key);
    }
    for (size_t i = 0; i < e.nfacts; i++) {
        m_fact *f = &e.facts[i];
        if (!f->supersedes_key)
            continue;
        for (size_t j = 0; j < e.nfacts; j++)
            if (j != i && e.facts[j].key && strcmp(e.facts[j].key, f->supersedes_key) == 0)
                f->supersedes = (int)j;
        if (f->supersedes < 0)
            gen_error(f->pos.file, f->pos.line, f->pos.column,
                      "fact '%s' supersedes '%s', which is not a fact of this entry",
                      f->key ? f->key : "?", f->supersedes_key);
    }
    if (cat->n >= MAX_ENTRIES) {
        gen_error(c->file, n->line, n->column, "too many entries (the limit is %d)",
                  MAX_ENTRIES);
        free_entry(&e);
        return;
    }
    if (cat->n == 0 || (cat->n & (cat->n - 1)) == 0) /* capacity doubles at powers of two */
        cat->entries = gen_xrealloc(cat->entries, (cat->n ? 2 * cat->n : 1) * sizeof *cat->entries);
    cat->entries[cat->n++] = e;
}

static const char *const top_keys[] = {"version", "entries", NULL};

/* Loads one file's tree; *unusable is set when the file cannot say whether it
 * has a version (not loaded, not an object, or a version that is invalid). */
static void load_tree(const char *file, jnode *root, m_catalog *cat, m_pos *version_pos,
                      int *unusable)
{
    ctx c = {file};
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
    for (size_t i = 0; i < root->nkids; i++) {
        const jnode *k = root->kids[i];
        if (jn_get(root, k->key) != k)
            continue;
        if (strcmp(k->key, "version") == 0) {
            *unusable |= k->type != JN_STRING; /* reported here, not as missing */
            if (!expect(&c, k, JN_STRING, "version"))
                continue;
            unsigned a, b, d;
            char tail;
            if (sscanf(k->str, "%u.%u.%u%c", &a, &b, &d, &tail) != 3 ||
                strspn(k->str, "0123456789.") != k->len) {
                gen_error(file, k->line, k->column,
                          "invalid version '%s' (expected MAJOR.MINOR.PATCH)", k->str);
                *unusable = 1;
                continue;
            }
            if (cat->version) {
                gen_error(file, k->line, k->column, "the catalogue version is given twice");
                gen_note(version_pos->file, version_pos->line, version_pos->column,
                         "first given here");
                continue;
            }
            cat->version = gen_xstrdup(k->str);
            *version_pos = pos_of(&c, k);
        } else if (strcmp(k->key, "entries") == 0) {
            if (!expect(&c, k, JN_ARRAY, "entries"))
                continue;
            for (size_t j = 0; j < k->nkids; j++)
                parse_entry(&c, k->kids[j], cat);
        } else {
            unknown_key(&c, k, top_keys, "the catalogue file");
        }
    }
    if (!jn_get(root, "entries"))
        gen_error(file, root->line, root->column, "missing required key 'entries'");
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
            m_pos pos = a == 0 ? e->name_pos : e->alias_pos[a - 1];
            const char *what = a ? "alias" : "name";
            char key[512];
            if (sspr__norm_key(s, strlen(s), key, sizeof key) == (size_t)-1 || key[0] == '\0') {
                gen_error(pos.file, pos.line, pos.column,
                          "%s '%s' of entry '%s' is too long or has no letters to look up", what,
                          s, e->id ? e->id : "?");
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

static void check_keys(m_catalog *cat)
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
        if (!e->has_code && e->nhresults == 0)
            continue;
        if (e->nhresults > 1)
            qsort(e->hresults, e->nhresults, sizeof *e->hresults, cmp_u32);
        char key[64 + 11 * 64];
        int len = snprintf(key, 64, "%d:%s%lu", e->source, e->has_code ? "" : "-",
                           (unsigned long)e->code);
        for (size_t h = 0; h < e->nhresults && h < 64; h++)
            len += snprintf(key + len, 12, ":%08X", (unsigned)e->hresults[h]);
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
    /* resolve references */
    for (size_t i = 0; i < cat->n; i++) {
        m_entry *e = &cat->entries[i];
        for (int which = 0; which < 2; which++) {
            m_strings *refs = which ? &e->related_ids : &e->procedure_ids;
            m_pos *pos = which ? e->related_pos : e->procedure_pos;
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
                if (!which && cat->entries[target].kind != M_KIND_PROCEDURE)
                    gen_error(pos[r].file, pos[r].line, pos[r].column,
                              "'%s' in procedures of entry '%s' is a %s, not a procedure",
                              refs->v[r], e->id ? e->id : "?",
                              cat->entries[target].kind > 0
                                  ? m_kind_names[cat->entries[target].kind]
                                  : "entry");
                for (size_t q = 0; q < r; q++)
                    if (strcmp(refs->v[q], refs->v[r]) == 0)
                        gen_error(pos[r].file, pos[r].line, pos[r].column,
                                  "'%s' is listed twice in %s of entry '%s'", refs->v[r], field,
                                  e->id ? e->id : "?");
            }
            if (which)
                e->related = out;
            else
                e->procedures = out;
        }
    }
    sm_free(&ids);
    sm_free(&keys);
}

/* Procedures may point at further procedures, but never in a circle. */
static int visit(m_catalog *cat, size_t i, unsigned char *state)
{
    if (state[i] == 2)
        return 0;
    if (state[i] == 1)
        return 1;
    state[i] = 1;
    m_entry *e = &cat->entries[i];
    for (size_t r = 0; r < e->procedure_ids.n; r++) {
        size_t t = e->procedures[r];
        if (t == (size_t)-1 || t == i)
            continue; /* dangling and self references are reported elsewhere */
        if (visit(cat, t, state)) {
            gen_error(e->procedure_pos[r].file, e->procedure_pos[r].line,
                      e->procedure_pos[r].column,
                      "procedure reference '%s' from '%s' closes a circle", e->procedure_ids.v[r],
                      e->id);
            state[i] = 2;
            return 0; /* report each circle once */
        }
    }
    state[i] = 2;
    return 0;
}

static void check_cycles(m_catalog *cat)
{
    unsigned char *state = gen_xmalloc(cat->n ? cat->n : 1);
    memset(state, 0, cat->n ? cat->n : 1);
    for (size_t i = 0; i < cat->n; i++)
        visit(cat, i, state);
    free(state);
}

static int finish(m_catalog *cat, const char *first_file, int unreadable)
{
    /* a file that could not be loaded may be the one with the version */
    if (!cat->version && first_file && !unreadable)
        gen_error(first_file, 1, 1, "no file of the catalogue gives its 'version'");
    check_keys(cat);
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
}

static void free_entry(m_entry *e)
{
    {
        free(e->id);
        free(e->name);
        free(e->title);
        free(e->summary);
        free(e->section);
        free_strings(&e->aliases);
        free_strings(&e->messages);
        free_strings(&e->causes);
        free_strings(&e->steps);
        free_strings(&e->procedure_ids);
        free_strings(&e->related_ids);
        free(e->procedure_pos);
        free(e->alias_pos);
        free(e->related_pos);
        free(e->procedures);
        free(e->related);
        free(e->hresults);
        free(e->mentions);
        for (size_t f = 0; f < e->nfacts; f++)
            free_fact(&e->facts[f]);
        free(e->facts);
    }
}

void m_free(m_catalog *cat)
{
    for (size_t i = 0; i < cat->n; i++)
        free_entry(&cat->entries[i]);
    free(cat->entries);
    free(cat->version);
    memset(cat, 0, sizeof *cat);
}
