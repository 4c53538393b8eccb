/* schema.def as the generator's tables: each object's fields with their type,
 * presence, shape, description and where the model keeps them. The parser
 * (model.c) reads catalogue objects with them; the JSON Schema emitter
 * (emit_schema.c) writes catalog/schema.json from them. */
#ifndef SSPR_GEN_FIELDS_H
#define SSPR_GEN_FIELDS_H

#include "model.h"

#include <stddef.h>

/* schema.def's types, presences and shapes, as numbers. */
enum {
    T_ID,
    T_TEXT,
    T_TITLE,
    T_FACTKEY,
    T_KIND,
    T_SEVERITY,
    T_SOURCE,
    T_AREA,
    T_ORIGIN,
    T_CODE,
    T_ORDER,
    T_HRESULT,
    T_REF,
    T_NUMBER,
    T_VALUE,
    T_URL,
    T_DATE,
    T_MENTION,
    T_FACT,
    T_REFERENCE,
    T_ENTRY
};
enum { P_REQUIRED, P_NULLABLE, P_OPTIONAL };
enum { S_ONE, S_LIST };

typedef struct {
    const char *key;
    int type, presence, shape;
    const char *doc;
    size_t offset; /* of the member named key in the object's model struct */
} field;

/* The top level of a file, as parsed (entries go straight into the catalogue). */
typedef struct {
    char *version;
    int entries;
} file_fields;

typedef struct {
    const char *what; /* "an entry", in diagnostics */
    const char *noun; /* "entry", in "... is missing required key"; NULL for the file */
    const field *fields;
    size_t n;
} object_kind;

extern const object_kind entry_kind, fact_kind, mention_kind, reference_kind, file_kind;

/* The name set of a field type, or NULL. */
const sspr__name_set *set_of(int type);

#endif
