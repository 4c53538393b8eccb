/* Loading a catalogue file: JSON text -> a tree of nodes that remember where
 * every value (and every object key) stands, so that each later problem can be
 * reported at its file:line:column.
 *
 * Jansson is the gatekeeper and the only decoder: it parses the whole text
 * first (syntax, UTF-8, numbers, nesting depth) and its error, with its
 * position, is reported as is. Only a text Jansson accepted is then walked
 * again by a small scanner that records positions, which Jansson does not keep
 * per value; every string, key and number in the tree is Jansson's, paired
 * with its position by walking both trees in document order. Duplicate object
 * keys are all reported (Jansson keeps only the last value of a key: the value
 * of each duplicate member is decoded by Jansson from its own text). A real
 * number that a double cannot keep (it underflows to 0 or to a subnormal) is
 * an error at its position; Jansson already rejects integers outside long long
 * and reals that overflow. No walk recurses: nesting depth costs heap, not
 * stack. */
#ifndef SSPR_GEN_JSON_H
#define SSPR_GEN_JSON_H

#include <stddef.h>

typedef enum {
    JN_OBJECT,
    JN_ARRAY,
    JN_STRING,
    JN_INTEGER,
    JN_REAL,
    JN_TRUE,
    JN_FALSE,
    JN_NULL
} jn_type;

typedef struct jnode jnode;
struct jnode {
    jn_type type;
    int line, column;         /* where the value starts */
    char *key;                /* member name when the parent is an object */
    int key_line, key_column; /* where the member name starts */
    char *str;                /* JN_STRING: decoded UTF-8 (no NUL inside) */
    size_t len;
    long long integer; /* JN_INTEGER */
    double real;       /* JN_REAL */
    jnode **kids;      /* JN_OBJECT members / JN_ARRAY items, in document order */
    size_t nkids;
    size_t start, end;         /* the value's text: byte offsets [start, end) */
    size_t key_start, key_end; /* the member name's text, quotes included */
};

/* Loads one file. Returns NULL after reporting the problem when the file cannot be
 * read or is not valid JSON. Duplicate keys and numbers a double cannot keep are
 * reported but the tree is returned (with the duplicates still in it). */
jnode *jn_load(const char *path);
/* The same for text already in memory; path names it in diagnostics. */
jnode *jn_parse(const char *path, const char *text, size_t len);
void jn_free(jnode *n);

/* Member of an object by name (first one), or NULL. */
jnode *jn_get(const jnode *obj, const char *key);
const char *jn_type_name(jn_type t);

#endif
