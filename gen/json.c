#include "json.h"

#include "diag.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *path;
    const unsigned char *p, *end;
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

static void skip_ws(scanner *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        advance(s);
}

static jnode *new_node(jn_type t, const scanner *s)
{
    jnode *n = gen_xmalloc(sizeof *n);
    memset(n, 0, sizeof *n);
    n->type = t;
    n->line = s->line;
    n->column = s->column;
    return n;
}

static void put_utf8(char *out, size_t *o, unsigned long cp)
{
    if (cp < 0x80) {
        out[(*o)++] = (char)cp;
    } else if (cp < 0x800) {
        out[(*o)++] = (char)(0xC0 | (cp >> 6));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out[(*o)++] = (char)(0xE0 | (cp >> 12));
        out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        out[(*o)++] = (char)(0xF0 | (cp >> 18));
        out[(*o)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    }
}

static unsigned long hex4(const unsigned char *p)
{
    unsigned long v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned long)(c - 'a' + 10);
        else
            v |= (unsigned long)(c - 'A' + 10);
    }
    return v;
}

/* Decodes the string at s->p (which is a '"'); the text is known to be valid JSON. */
static char *scan_string(scanner *s, size_t *len)
{
    const unsigned char *start = s->p + 1;
    const unsigned char *q = start;
    while (*q != '"')
        q += (*q == '\\') ? 2 : 1;
    char *out = gen_xmalloc((size_t)(q - start) + 1);
    size_t o = 0;
    advance(s); /* opening quote */
    while (*s->p != '"') {
        if (*s->p != '\\') {
            const unsigned char *c = s->p;
            advance(s);
            memcpy(out + o, c, (size_t)(s->p - c));
            o += (size_t)(s->p - c);
            continue;
        }
        unsigned char e = s->p[1];
        advance(s);
        advance(s);
        switch (e) {
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u': {
            unsigned long cp = hex4(s->p);
            for (int i = 0; i < 4; i++)
                advance(s);
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* Jansson guarantees the low half follows */
                unsigned long lo = hex4(s->p + 2);
                for (int i = 0; i < 6; i++)
                    advance(s);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            put_utf8(out, &o, cp);
            break;
        }
        default: out[o++] = (char)e; break;
        }
    }
    advance(s); /* closing quote */
    out[o] = '\0';
    *len = o;
    return out;
}

static void add_kid(jnode *parent, jnode *kid)
{
    size_t n = parent->nkids;
    if (n == 0 || (n & (n - 1)) == 0) /* capacity doubles at each power of two */
        parent->kids = gen_xrealloc(parent->kids, (n ? 2 * n : 1) * sizeof *parent->kids);
    parent->kids[parent->nkids++] = kid;
}

static jnode *scan_value(scanner *s);

static jnode *scan_object(scanner *s)
{
    jnode *obj = new_node(JN_OBJECT, s);
    advance(s);
    skip_ws(s);
    while (*s->p != '}') {
        int kl = s->line, kc = s->column;
        size_t klen;
        char *key = scan_string(s, &klen);
        skip_ws(s);
        advance(s); /* ':' */
        skip_ws(s);
        jnode *v = scan_value(s);
        v->key = key;
        v->key_line = kl;
        v->key_column = kc;
        for (size_t i = 0; i < obj->nkids; i++) {
            if (strcmp(obj->kids[i]->key, key) == 0) {
                gen_error(s->path, kl, kc, "duplicate key '%s'", key);
                gen_note(s->path, obj->kids[i]->key_line, obj->kids[i]->key_column,
                         "'%s' first appears here", key);
                break;
            }
        }
        add_kid(obj, v);
        skip_ws(s);
        if (*s->p == ',') {
            advance(s);
            skip_ws(s);
        }
    }
    advance(s);
    return obj;
}

static jnode *scan_array(scanner *s)
{
    jnode *arr = new_node(JN_ARRAY, s);
    advance(s);
    skip_ws(s);
    while (*s->p != ']') {
        add_kid(arr, scan_value(s));
        skip_ws(s);
        if (*s->p == ',') {
            advance(s);
            skip_ws(s);
        }
    }
    advance(s);
    return arr;
}

static jnode *scan_number(scanner *s)
{
    jnode *n = new_node(JN_INTEGER, s);
    const unsigned char *start = s->p;
    while (s->p < s->end && strchr("+-0123456789.eE", *s->p) && *s->p)
        advance(s);
    size_t len = (size_t)(s->p - start);
    char buf[64];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, start, len);
    buf[len] = '\0';
    if (strpbrk(buf, ".eE")) {
        n->type = JN_REAL;
        n->real = strtod(buf, NULL);
    } else {
        errno = 0;
        n->integer = strtoll(buf, NULL, 10);
    }
    return n;
}

static jnode *scan_value(scanner *s)
{
    jnode *n;
    switch (*s->p) {
    case '{': return scan_object(s);
    case '[': return scan_array(s);
    case '"':
        n = new_node(JN_STRING, s);
        n->str = scan_string(s, &n->len);
        return n;
    case 't':
        n = new_node(JN_TRUE, s);
        for (int i = 0; i < 4; i++)
            advance(s);
        return n;
    case 'f':
        n = new_node(JN_FALSE, s);
        for (int i = 0; i < 5; i++)
            advance(s);
        return n;
    case 'n':
        n = new_node(JN_NULL, s);
        for (int i = 0; i < 4; i++)
            advance(s);
        return n;
    default: return scan_number(s);
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        gen_error(path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = gen_xmalloc(cap);
    for (;;) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        buf = gen_xrealloc(buf, cap);
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        gen_error(path, 0, 0, "cannot read");
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

jnode *jn_load(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text)
        return NULL;
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
    json_t *root = json_loadb(text, len, 0, &err);
    if (!root) {
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
    json_decref(root);

    scanner s = {path, (const unsigned char *)text, (const unsigned char *)text + len, 1, 1};
    skip_ws(&s);
    return scan_value(&s);
}

void jn_free(jnode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nkids; i++)
        jn_free(n->kids[i]);
    free(n->kids);
    free(n->key);
    free(n->str);
    free(n);
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
