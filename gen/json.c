#include "json.h"

#include "diag.h"
#include "fileio.h"

#include <errno.h>
#include <float.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the position scanner ------------------------------------------------
 * Walks a text Jansson accepted and records, for every value and every member
 * name, its line:column and its byte span. It decodes nothing. */

typedef struct {
    const unsigned char *text, *p, *end;
    int line, column; /* of the character at p: line 1-based, column counts characters */
} scanner;

static void advance(scanner *s)
{
    if (*s->p == '\n') {
        s->line++;
        s->column = 1;
    } else if ((*s->p & 0xC0) != 0x80) {
        s->column++;
    }
    s->p++;
    /* a UTF-8 continuation byte does not start a new column */
    while (s->p < s->end && (*s->p & 0xC0) == 0x80)
        s->p++;
}

static size_t offset(const scanner *s)
{
    return (size_t)(s->p - s->text);
}

static void skip_ws(scanner *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        advance(s);
}

static void skip_string(scanner *s)
{
    advance(s); /* opening quote */
    while (*s->p != '"') {
        if (*s->p == '\\')
            advance(s);
        advance(s);
    }
    advance(s); /* closing quote */
}

static void skip_scalar(scanner *s)
{
    switch (*s->p) {
    case '"': skip_string(s); return;
    case 't':
    case 'n':
        for (int i = 0; i < 4; i++)
            advance(s);
        return;
    case 'f':
        for (int i = 0; i < 5; i++)
            advance(s);
        return;
    default:
        while (s->p < s->end && *s->p && strchr("+-0123456789.eE", *s->p))
            advance(s);
    }
}

static jn_type type_at(const scanner *s)
{
    switch (*s->p) {
    case '{': return JN_OBJECT;
    case '[': return JN_ARRAY;
    case '"': return JN_STRING;
    case 't': return JN_TRUE;
    case 'f': return JN_FALSE;
    case 'n': return JN_NULL;
    default: return JN_INTEGER; /* a number: Jansson decides integer or real */
    }
}

static void add_kid(jnode *parent, jnode *kid)
{
    size_t n = parent->nkids;
    if (n == 0 || (n & (n - 1)) == 0) /* capacity doubles at each power of two */
        parent->kids = gen_xrealloc(parent->kids, (n ? 2 * n : 1) * sizeof *parent->kids);
    parent->kids[parent->nkids++] = kid;
}

/* A growable stack of pointers, for the walks that replace recursion. */
typedef struct {
    void **v;
    size_t n, cap;
} ptr_stack;

static void push(ptr_stack *st, void *p)
{
    if (st->n == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 64;
        st->v = gen_xrealloc(st->v, st->cap * sizeof *st->v);
    }
    st->v[st->n++] = p;
}

static jnode *scan(scanner *s)
{
    jnode *root = NULL;
    ptr_stack open = {NULL, 0, 0}; /* the containers not yet closed */
    for (;;) {
        skip_ws(s);
        if (open.n && (*s->p == '}' || *s->p == ']')) {
            jnode *c = open.v[--open.n];
            advance(s);
            c->end = offset(s);
        } else {
            jnode *parent = open.n ? open.v[open.n - 1] : NULL;
            int kl = 0, kc = 0;
            size_t ks = 0, ke = 0;
            if (parent && parent->type == JN_OBJECT) {
                kl = s->line;
                kc = s->column;
                ks = offset(s);
                skip_string(s);
                ke = offset(s);
                skip_ws(s);
                advance(s); /* ':' */
                skip_ws(s);
            }
            jnode *n = gen_xmalloc(sizeof *n);
            memset(n, 0, sizeof *n);
            n->type = type_at(s);
            n->line = s->line;
            n->column = s->column;
            n->start = offset(s);
            n->key_line = kl;
            n->key_column = kc;
            n->key_start = ks;
            n->key_end = ke;
            if (parent)
                add_kid(parent, n);
            else
                root = n;
            if (n->type == JN_OBJECT || n->type == JN_ARRAY) {
                advance(s);
                push(&open, n);
                continue;
            }
            skip_scalar(s);
            n->end = offset(s);
        }
        if (open.n == 0)
            break;
        skip_ws(s);
        if (*s->p == ',')
            advance(s);
    }
    free(open.v);
    return root;
}

/* ---- values from Jansson ----------------------------------------------- */

typedef struct {
    const char *path;
    const char *text;
    ptr_stack owned; /* json_t trees decoded from a member's own text, released at the end */
} pairing;

/* Jansson's value for the text span [start, end): for the members of an
 * object with duplicate keys, whose values Jansson's tree does not keep. */
static json_t *decode_span(pairing *pr, size_t start, size_t end)
{
    json_error_t err;
    json_t *j = json_loadb(pr->text + start, end - start, JSON_DECODE_ANY, &err);
    if (!j) { /* cannot happen: the whole text was accepted */
        fprintf(stderr, "sspr-gen: internal error: Jansson rejects a part it accepted: %s\n",
                err.text);
        abort();
    }
    push(&pr->owned, j);
    return j;
}

static int same_type(const jnode *n, const json_t *j)
{
    switch (n->type) {
    case JN_OBJECT: return json_is_object(j);
    case JN_ARRAY: return json_is_array(j);
    case JN_STRING: return json_is_string(j);
    case JN_INTEGER:
    case JN_REAL: return json_is_number(j);
    case JN_TRUE: return json_is_true(j);
    case JN_FALSE: return json_is_false(j);
    case JN_NULL: return json_is_null(j);
    }
    return 0;
}

static char *copy_bytes(const char *s, size_t len)
{
    char *p = gen_xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

/* Whether a number's text has a non-zero digit before its exponent. */
static int nonzero_mantissa(const char *s, size_t len)
{
    for (size_t i = 0; i < len && s[i] != 'e' && s[i] != 'E'; i++)
        if (s[i] >= '1' && s[i] <= '9')
            return 1;
    return 0;
}

/* Copies a scalar's value from Jansson. A real that a double keeps only as 0
 * or as a subnormal (lost digits) is an error at its position. */
static void take_scalar(pairing *pr, jnode *n, const json_t *j)
{
    if (json_is_string(j)) {
        n->len = json_string_length(j);
        n->str = copy_bytes(json_string_value(j), n->len);
    } else if (json_is_integer(j)) {
        n->type = JN_INTEGER;
        n->integer = json_integer_value(j);
    } else if (json_is_real(j)) {
        n->type = JN_REAL;
        n->real = json_real_value(j);
        const char *lit = pr->text + n->start;
        size_t len = n->end - n->start;
        if ((n->real == 0 && nonzero_mantissa(lit, len)) || fpclassify(n->real) == FP_SUBNORMAL)
            gen_error(pr->path, n->line, n->column,
                      "number %.*s is too small to keep exactly: it would be stored as %.17g "
                      "(the smallest full-precision double is %.17g)",
                      (int)len, lit, n->real, DBL_MIN);
    }
}

/* One object or array being paired. For an object whose members all have
 * different keys, Jansson's members come in document order (json_object_iter
 * keeps insertion order); otherwise first[i] is the member that first uses
 * member i's key, and a key used more than once has no value in Jansson's
 * tree that can be trusted. */
typedef struct {
    jnode *n;
    json_t *j;
    void *iter;
    size_t next;
    size_t *first; /* NULL when the keys are all different */
    unsigned char *dup;
} frame;

typedef struct {
    frame *v;
    size_t n, cap;
} frame_stack;

static const jnode *const *sort_kids; /* for cmp_key */

static int cmp_key(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(sort_kids[x]->key, sort_kids[y]->key);
    return c ? c : (x > y) - (x < y);
}

/* Keys for an object with duplicate keys: each decoded by Jansson from its
 * own text; then, for each member, the first member with the same key. */
static void find_duplicates(pairing *pr, frame *f)
{
    jnode *o = f->n;
    size_t n = o->nkids;
    for (size_t i = 0; i < n; i++) {
        json_t *k = decode_span(pr, o->kids[i]->key_start, o->kids[i]->key_end);
        o->kids[i]->key = gen_xstrdup(json_string_value(k));
    }
    size_t *order = gen_xmalloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_kids = (const jnode *const *)o->kids;
    qsort(order, n, sizeof *order, cmp_key);
    f->first = gen_xmalloc(n * sizeof *f->first);
    f->dup = gen_xmalloc(n);
    memset(f->dup, 0, n);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && strcmp(o->kids[order[a]]->key, o->kids[order[b]]->key) == 0)
            b++;
        for (size_t k = a; k < b; k++) {
            f->first[order[k]] = order[a];
            f->dup[order[k]] = b - a > 1;
        }
        a = b;
    }
    free(order);
}

static void enter(pairing *pr, frame_stack *st, jnode *n, json_t *j)
{
    if (!j || !same_type(n, j))
        j = decode_span(pr, n->start, n->end);
    if (n->type != JN_OBJECT && n->type != JN_ARRAY) {
        take_scalar(pr, n, j);
        return;
    }
    if (st->n == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 64;
        st->v = gen_xrealloc(st->v, st->cap * sizeof *st->v);
    }
    frame *f = &st->v[st->n++];
    memset(f, 0, sizeof *f);
    f->n = n;
    f->j = j;
    if (n->type == JN_OBJECT) {
        if (json_object_size(j) == n->nkids)
            f->iter = json_object_iter(j);
        else
            find_duplicates(pr, f);
    }
}

/* The counterpart in Jansson's tree of member or item i of f (NULL: decode
 * the member's own text). */
static json_t *counterpart(frame *f, jnode *kid, size_t i)
{
    if (f->n->type == JN_ARRAY)
        return json_array_get(f->j, i);
    if (f->first)
        return f->dup[i] ? NULL : json_object_get(f->j, kid->key);
    const char *key = json_object_iter_key(f->iter);
    kid->key = copy_bytes(key, strlen(key));
    json_t *v = json_object_iter_value(f->iter);
    f->iter = json_object_iter_next(f->j, f->iter);
    return v;
}

/* Walks the position tree and Jansson's tree together, in document order,
 * and reports each duplicate key after its member's value (as a reader meets
 * them). */
static void pair_values(pairing *pr, jnode *root, json_t *jroot)
{
    frame_stack st = {NULL, 0, 0};
    enter(pr, &st, root, jroot);
    while (st.n) {
        frame *f = &st.v[st.n - 1];
        if (f->first && f->next > 0 && f->first[f->next - 1] != f->next - 1) {
            const jnode *k = f->n->kids[f->next - 1], *was = f->n->kids[f->first[f->next - 1]];
            gen_error(pr->path, k->key_line, k->key_column, "duplicate key '%s'", k->key);
            gen_note(pr->path, was->key_line, was->key_column, "'%s' first appears here", k->key);
        }
        if (f->next == f->n->nkids) {
            free(f->first);
            free(f->dup);
            st.n--;
            continue;
        }
        size_t i = f->next++;
        jnode *kid = f->n->kids[i];
        enter(pr, &st, kid, counterpart(f, kid, i)); /* may move st.v: f is not used after */
    }
    free(st.v);
}

/* ---- loading -------------------------------------------------------------- */

jnode *jn_load(const char *path)
{
    size_t len;
    char *text = gen_read_file(path, &len);
    if (!text) {
        gen_error(path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    jnode *n = jn_parse(path, text, len);
    free(text);
    return n;
}

/* Line and column (characters, 1-based) of byte offset off, as the scanner counts. */
static void position_of(const char *text, size_t off, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *column = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            (*column)++;
        }
    }
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

jnode *jn_parse(const char *path, const char *text, size_t len)
{
    /* A UTF-8 byte order mark, as Windows editors write, is not part of the JSON. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    /* A raw NUL byte is never valid JSON, but Jansson may stop reading at one and
       accept the text before it; the scanner below must see exactly what
       Jansson validated (found by fuzz/fuzz_catalog.c). */
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        int line, column;
        position_of(text, (size_t)(nul - text), &line, &column);
        gen_error(path, line, column, "NUL byte in the file");
        return NULL;
    }
    json_error_t err;
    json_t *jroot = json_loadb(text, len, 0, &err);
    if (!jroot) {
        int line = err.line > 0 ? err.line : 1, column = err.column > 0 ? err.column : 1;
        /* For a bad character inside a string, Jansson reports the position
           before it; point at the character itself. */
        if ((starts_with(err.text, "control character") ||
             starts_with(err.text, "unable to decode byte") ||
             starts_with(err.text, "unexpected newline")) &&
            err.position >= 0 && (size_t)err.position <= len)
            position_of(text, (size_t)err.position, &line, &column);
        gen_error(path, line, column, "%s", err.text);
        return NULL;
    }
    scanner s = {(const unsigned char *)text, (const unsigned char *)text,
                 (const unsigned char *)text + len, 1, 1};
    skip_ws(&s);
    jnode *root = scan(&s);
    pairing pr = {path, text, {NULL, 0, 0}};
    pair_values(&pr, root, jroot);
    for (size_t i = 0; i < pr.owned.n; i++)
        json_decref(pr.owned.v[i]);
    free(pr.owned.v);
    json_decref(jroot);
    return root;
}

void jn_free(jnode *n)
{
    ptr_stack st = {NULL, 0, 0};
    if (n)
        push(&st, n);
    while (st.n) {
        jnode *x = st.v[--st.n];
        for (size_t i = 0; i < x->nkids; i++)
            push(&st, x->kids[i]);
        free(x->kids);
        free(x->key);
        free(x->str);
        free(x);
    }
    free(st.v);
}

jnode *jn_get(const jnode *obj, const char *key)
{
    if (!obj || obj->type != JN_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->nkids; i++)
        if (strcmp(obj->kids[i]->key, key) == 0)
            return obj->kids[i];
    return NULL;
}

const char *jn_type_name(jn_type t)
{
    switch (t) {
    case JN_OBJECT: return "an object";
    case JN_ARRAY: return "an array";
    case JN_STRING: return "a string";
    case JN_INTEGER: return "an integer";
    case JN_REAL: return "a real number";
    case JN_TRUE:
    case JN_FALSE: return "a boolean";
    case JN_NULL: return "null";
    }
    return "a value";
}
