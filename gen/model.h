/* The catalogue as plain C data, after validation: ids resolved to indices,
 * HRESULTs parsed, keys normalised. Emitters read only this. */
#ifndef SSPR_GEN_MODEL_H
#define SSPR_GEN_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "schema.h"

/* The closed sets are schema.def's (schema.h: SSPR__KIND_EVENT, sspr__kinds,
 * ...); the model stores their numbers, 0 for none. M_NAME(kinds, v) is the
 * name of number v of a set. */
#define M_NAME(set, v) sspr__name_of(&sspr__##set, (unsigned)(v))

typedef struct {
    const char *file;
    int line, column;
} m_pos;

/* A list of texts or, for references, of entry ids with the index of each
 * after resolution (idx, else NULL); pos has the place of each item. */
typedef struct {
    char **v;
    m_pos *pos;
    size_t *idx;
    size_t n;
} m_strings;

typedef struct {
    uint32_t *v;
    size_t n;
} m_u32s;

/* A fact's "value": a text (str) or a number (num). */
typedef struct {
    char *str;
    double num;
    int is_num;
} m_value;

/* Members named as schema.def's SSPR_FACT_FIELDS keys; "value" is also set
 * into min and max when it is a number. */
typedef struct {
    char *key;
    m_value value;
    double min, max;
    char *unit, *text;
    int origin;        /* SSPR__ORIGIN_* */
    char *supersedes;  /* a fact key of the same entry, or NULL */
    char *url, *date;  /* the page that states it, when not the entry's */
    int supersedes_at; /* its index among the entry's facts, or -1 */
    m_pos pos;
} m_fact;

/* Members named as SSPR_MENTION_FIELDS keys; -1 for an absent number. */
typedef struct {
    int source; /* SSPR__SOURCE_*, 0 when absent */
    int64_t code;
    int64_t hresult;
} m_mention;

typedef struct {
    m_mention *v;
    size_t n;
} m_mentions;

typedef struct {
    m_fact *v;
    size_t n;
} m_facts;

/* Members named as SSPR_REFERENCE_FIELDS keys. */
typedef struct {
    char *url, *date, *title;
} m_reference;

typedef struct {
    m_reference *v;
    size_t n;
} m_references;

/* How the model stores a field of each schema type and shape. */
#define M_STORE_ONE_ID char *
#define M_STORE_ONE_TEXT char *
#define M_STORE_ONE_TITLE char *
#define M_STORE_ONE_FACTKEY char *
#define M_STORE_ONE_KIND int
#define M_STORE_ONE_SEVERITY int
#define M_STORE_ONE_SOURCE int
#define M_STORE_ONE_AREA int
#define M_STORE_ONE_ORIGIN int
#define M_STORE_ONE_ORDER int
#define M_STORE_ONE_CODE int64_t /* -1: none */
#define M_STORE_LIST_TEXT m_strings
#define M_STORE_LIST_REF m_strings
#define M_STORE_LIST_HRESULT m_u32s
#define M_STORE_LIST_MENTION m_mentions
#define M_STORE_LIST_FACT m_facts
#define M_STORE_LIST_REFERENCE m_references

/* An entry: one member per SSPR_ENTRY_FIELDS field, named by its key. */
typedef struct {
#define M_MEMBER(key, item, type, presence, shape, doc) M_STORE_##shape##_##type key;
    SSPR_ENTRY_FIELDS(M_MEMBER)
#undef M_MEMBER
    m_pos pos;                         /* the entry object */
    m_pos at[SSPR__ENTRY_FIELD_COUNT]; /* each field's value, where given */
} m_entry;

typedef struct {
    char *version;
    m_entry *entries;
    size_t n;
} m_catalog;

/* Loads, validates and resolves the given files, in order. Reports every problem;
 * returns 0 when there were none. */
int m_load(m_catalog *cat, char **files, size_t nfiles);
/* The same for one catalogue file already in memory (fuzzing, tests). */
int m_load_text(m_catalog *cat, const char *name, const char *text, size_t len);
void m_free(m_catalog *cat);

#endif
