#include "fields.h"

#define ENTRY_FIELD(k, i, type, presence, shape, doc)                                              \
    {#k, T_##type, P_##presence, S_##shape, doc, offsetof(m_entry, k)},
#define FACT_FIELD(k, i, type, presence, shape, doc)                                               \
    {#k, T_##type, P_##presence, S_##shape, doc, offsetof(m_fact, k)},
#define MENTION_FIELD(k, i, type, presence, shape, doc)                                            \
    {#k, T_##type, P_##presence, S_##shape, doc, offsetof(m_mention, k)},
#define REFERENCE_FIELD(k, i, type, presence, shape, doc)                                          \
    {#k, T_##type, P_##presence, S_##shape, doc, offsetof(m_reference, k)},
#define FILE_FIELD(k, i, type, presence, shape, doc)                                               \
    {#k, T_##type, P_##presence, S_##shape, doc, offsetof(file_fields, k)},

static const field entry_fields[] = {SSPR_ENTRY_FIELDS(ENTRY_FIELD)};
static const field fact_fields[] = {SSPR_FACT_FIELDS(FACT_FIELD)};
static const field mention_fields[] = {SSPR_MENTION_FIELDS(MENTION_FIELD)};
static const field reference_fields[] = {SSPR_REFERENCE_FIELDS(REFERENCE_FIELD)};
static const field file_fields_[] = {SSPR_FILE_FIELDS(FILE_FIELD)};

#define KIND_OF(what, noun, f)                                                                     \
    {                                                                                              \
        what, noun, f, sizeof f / sizeof *f                                                        \
    }
const object_kind entry_kind = KIND_OF("an entry", "entry", entry_fields);
const object_kind fact_kind = KIND_OF("a fact", "fact", fact_fields);
const object_kind mention_kind = KIND_OF("a mention", "mention", mention_fields);
const object_kind reference_kind = KIND_OF("a reference", "reference", reference_fields);
const object_kind file_kind = KIND_OF("the catalogue file", NULL, file_fields_);

const sspr__name_set *set_of(int type)
{
    switch (type) {
    case T_KIND: return &sspr__kinds;
    case T_SEVERITY: return &sspr__severities;
    case T_SOURCE: return &sspr__sources;
    case T_AREA: return &sspr__areas;
    case T_ORIGIN: return &sspr__origins;
    default: return NULL;
    }
}
