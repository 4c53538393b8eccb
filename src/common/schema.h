/* The catalogue's schema (schema.def) as C: the numbers and the names of each
 * closed set, and a lookup by name. Compiled into the generator, the library
 * and the CLI. Private to the project. */
#ifndef SSPR_SCHEMA_H
#define SSPR_SCHEMA_H

#include <stddef.h>

#include "schema.def"

/* The numbers: SSPR__KIND_EVENT, SSPR__SOURCE_ADSYNC, SSPR__ORIGIN_2017, ...,
 * from 1 in the order of schema.def; each set's _COUNT is its last number. */
#define SSPR__ENUM_KIND(c, s) SSPR__KIND_##c,
#define SSPR__ENUM_SEVERITY(c, s) SSPR__SEVERITY_##c,
#define SSPR__ENUM_SOURCE(c, s) SSPR__SOURCE_##c,
#define SSPR__ENUM_AREA(c, s) SSPR__AREA_##c,
#define SSPR__ENUM_ORIGIN(c, s) SSPR__ORIGIN_##c,
enum { SSPR__KIND_NONE, SSPR_KINDS(SSPR__ENUM_KIND) SSPR__KIND_END };
enum { SSPR__SEVERITY_NONE, SSPR_SEVERITIES(SSPR__ENUM_SEVERITY) SSPR__SEVERITY_END };
enum { SSPR__SOURCE_NONE, SSPR_SOURCES(SSPR__ENUM_SOURCE) SSPR__SOURCE_END };
enum { SSPR__AREA_NONE, SSPR_AREAS(SSPR__ENUM_AREA) SSPR__AREA_END };
enum { SSPR__ORIGIN_NONE, SSPR_ORIGINS(SSPR__ENUM_ORIGIN) SSPR__ORIGIN_END };
#undef SSPR__ENUM_KIND
#undef SSPR__ENUM_SEVERITY
#undef SSPR__ENUM_SOURCE
#undef SSPR__ENUM_AREA
#undef SSPR__ENUM_ORIGIN

/* A closed set: names[1..count] (names[0] is NULL, "none"), and what the
 * catalogue calls it in diagnostics. */
typedef struct {
    const char *what;
    const char *const *names;
    const unsigned char *lengths; /* strlen of each name */
    unsigned count;
} sspr__name_set;

extern const sspr__name_set sspr__kinds, sspr__severities, sspr__sources, sspr__areas,
    sspr__origins;

/* The name of number v of the set, or NULL (0 or out of range). */
const char *sspr__name_of(const sspr__name_set *set, unsigned v);

/* The number of s[0..n) in the set, exactly, or in any ASCII case when
 * any_case is set; 0 when it is none of them. */
unsigned sspr__number_of(const sspr__name_set *set, const char *s, size_t n, int any_case);

/* "a, b, c or d": the names of the set, for a message, into buf (cap > 0). */
const char *sspr__names_list(const sspr__name_set *set, const char *last_sep, char *buf,
                             size_t cap);

/* Field numbers of each object: SSPR__ENTRY_F_id, SSPR__FACT_F_key, ... */
#define SSPR__FIELD_ENUM_ENTRY(k, i, t, p, s, doc) SSPR__ENTRY_F_##k,
#define SSPR__FIELD_ENUM_FACT(k, i, t, p, s, doc) SSPR__FACT_F_##k,
#define SSPR__FIELD_ENUM_MENTION(k, i, t, p, s, doc) SSPR__MENTION_F_##k,
#define SSPR__FIELD_ENUM_FILE(k, i, t, p, s, doc) SSPR__FILE_F_##k,
#define SSPR__FIELD_ENUM_REFERENCE(k, i, t, p, s, doc) SSPR__REFERENCE_F_##k,
#define SSPR__FIELD_ENUM_RECORD(k, name, kind, doc) SSPR__RECORD_F_##k,
enum { SSPR_ENTRY_FIELDS(SSPR__FIELD_ENUM_ENTRY) SSPR__ENTRY_FIELD_COUNT };
enum { SSPR_FACT_FIELDS(SSPR__FIELD_ENUM_FACT) SSPR__FACT_FIELD_COUNT };
enum { SSPR_MENTION_FIELDS(SSPR__FIELD_ENUM_MENTION) SSPR__MENTION_FIELD_COUNT };
enum { SSPR_FILE_FIELDS(SSPR__FIELD_ENUM_FILE) SSPR__FILE_FIELD_COUNT };
enum { SSPR_REFERENCE_FIELDS(SSPR__FIELD_ENUM_REFERENCE) SSPR__REFERENCE_FIELD_COUNT };
enum { SSPR_RECORD_FIELDS(SSPR__FIELD_ENUM_RECORD) SSPR__RECORD_FIELD_COUNT };
#undef SSPR__FIELD_ENUM_ENTRY
#undef SSPR__FIELD_ENUM_FACT
#undef SSPR__FIELD_ENUM_MENTION
#undef SSPR__FIELD_ENUM_FILE
#undef SSPR__FIELD_ENUM_REFERENCE
#undef SSPR__FIELD_ENUM_RECORD

#endif
