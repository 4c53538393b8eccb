/* The catalogue data and the accessors over it. The only file that includes the
 * generated tables (sspr-data.inc). */
#include "private.h"

#include <string.h>

#include "sspr-data.inc"

/* The public enums state schema.def's numbers by hand: they must agree. */
#define SSPR__SAME(a, b) typedef char sspr__same_##a[(int)(a) == (int)(b) ? 1 : -1];
SSPR__SAME(SSPR_KIND_EVENT, SSPR__KIND_EVENT)
SSPR__SAME(SSPR_KIND_SYMPTOM, SSPR__KIND_SYMPTOM)
SSPR__SAME(SSPR_KIND_PROCEDURE, SSPR__KIND_PROCEDURE)
SSPR__SAME(SSPR_KIND_CHECKLIST, SSPR__KIND_CHECKLIST)
SSPR__SAME(SSPR_KIND_AUDIT, SSPR__KIND_AUDIT)
SSPR__SAME(SSPR_SEVERITY_INFO, SSPR__SEVERITY_INFO)
SSPR__SAME(SSPR_SEVERITY_WARNING, SSPR__SEVERITY_WARNING)
SSPR__SAME(SSPR_SEVERITY_ERROR, SSPR__SEVERITY_ERROR)
typedef char sspr__kinds_all_public[SSPR__KIND_END - 1 == SSPR_KIND_AUDIT ? 1 : -1];
typedef char sspr__severities_all_public[SSPR__SEVERITY_END - 1 == SSPR_SEVERITY_ERROR ? 1 : -1];
#undef SSPR__SAME

const char *sspr_version(void)
{
    return SSPR_ERRORS_VERSION_STRING;
}

const char *sspr_catalog_version(void)
{
    return sspr__catalog_version;
}

const char *sspr_kind_name(sspr_kind kind)
{
    return sspr__name_of(&sspr__kinds, (unsigned)kind);
}

const char *sspr_severity_name(sspr_severity severity)
{
    return sspr__name_of(&sspr__severities, (unsigned)severity);
}

const char *sspr__source_name(unsigned source)
{
    return sspr__name_of(&sspr__sources, source);
}

size_t sspr_count(void)
{
    return sspr__entry_count;
}

const sspr_entry *sspr_at(size_t i)
{
    return i < sspr__entry_count ? &sspr__entries[i] : NULL;
}

sspr_kind sspr_entry_kind(const sspr_entry *e)
{
    return e ? (sspr_kind)e->kind : SSPR_KIND_NONE;
}

const char *sspr_entry_source(const sspr_entry *e)
{
    return e ? sspr__source_name(e->source) : NULL;
}

int64_t sspr_entry_code(const sspr_entry *e)
{
    return e ? e->code : -1;
}

sspr_severity sspr_entry_severity(const sspr_entry *e)
{
    return e ? (sspr_severity)e->severity : SSPR_SEVERITY_NONE;
}

const char *sspr_entry_area(const sspr_entry *e)
{
    return e ? sspr__name_of(&sspr__areas, e->area) : NULL;
}

const char *sspr_entry_origin(const sspr_entry *e)
{
    return e ? sspr__name_of(&sspr__origins, e->origin) : NULL;
}

int sspr_entry_order(const sspr_entry *e)
{
    return e ? e->order : 0;
}

/* ---- accessors of every text field and list, from schema.def ---- */

static const char *str_at(sspr__span s, size_t i)
{
    return i < s.n ? sspr__str(sspr__strs[s.off + i]) : NULL;
}

static const sspr_entry *ref_at(sspr__span s, size_t i)
{
    return i < s.n ? &sspr__entries[sspr__refs[s.off + i]] : NULL;
}

/* sspr_entry_<key>() of each text; sspr_entry_<item>_count() of each list, and
 * sspr_entry_<item>() of each list of texts or entries. The other accessors
 * turn numbers into names or build structs: they are written out below. */
#define SSPR__TEXT(key)                                                                            \
    const char *sspr_entry_##key(const sspr_entry *e)                                              \
    {                                                                                              \
        return e ? sspr__str(e->key) : NULL;                                                       \
    }
#define SSPR__COUNT(key, item)                                                                     \
    size_t sspr_entry_##item##_count(const sspr_entry *e)                                          \
    {                                                                                              \
        return e ? e->key.n : 0;                                                                   \
    }
#define SSPR__ONE_ID(key, item) SSPR__TEXT(key)
#define SSPR__ONE_TEXT(key, item) SSPR__TEXT(key)
#define SSPR__ONE_TITLE(key, item) SSPR__TEXT(key)
#define SSPR__ONE_KIND(key, item)
#define SSPR__ONE_SEVERITY(key, item)
#define SSPR__ONE_SOURCE(key, item)
#define SSPR__ONE_AREA(key, item)
#define SSPR__ONE_ORIGIN(key, item)
#define SSPR__ONE_ORDER(key, item)
#define SSPR__ONE_CODE(key, item)
#define SSPR__LIST_TEXT(key, item)                                                                 \
    SSPR__COUNT(key, item)                                                                         \
    const char *sspr_entry_##item(const sspr_entry *e, size_t i)                                   \
    {                                                                                              \
        return e ? str_at(e->key, i) : NULL;                                                       \
    }
#define SSPR__LIST_REF(key, item)                                                                  \
    SSPR__COUNT(key, item)                                                                         \
    const sspr_entry *sspr_entry_##item(const sspr_entry *e, size_t i)                             \
    {                                                                                              \
        return e ? ref_at(e->key, i) : NULL;                                                       \
    }
#define SSPR__LIST_HRESULT(key, item) SSPR__COUNT(key, item)
#define SSPR__LIST_MENTION(key, item) SSPR__COUNT(key, item)
#define SSPR__LIST_FACT(key, item) SSPR__COUNT(key, item)
#define SSPR__LIST_REFERENCE(key, item) SSPR__COUNT(key, item)
#define SSPR__ACCESSORS(key, item, type, presence, shape, doc) SSPR__##shape##_##type(key, item)
SSPR_ENTRY_FIELDS(SSPR__ACCESSORS)

uint32_t sspr_entry_hresult(const sspr_entry *e, size_t i)
{
    return (e && i < e->hresults.n) ? sspr__hrs[e->hresults.off + i] : 0;
}

int sspr_entry_mention(const sspr_entry *e, size_t i, const char **source, int64_t *code,
                       uint32_t *hresult)
{
    if (!e || i >= e->mentions.n)
        return 0;
    const sspr__mention *m = &sspr__mentions[e->mentions.off + i];
    if (source)
        *source = sspr__source_name(m->source);
    if (code)
        *code = m->has_code ? (int64_t)m->code : -1;
    if (hresult)
        *hresult = m->has_hresult ? m->hresult : 0;
    return 1;
}

const sspr_fact *sspr_entry_fact(const sspr_entry *e, size_t i)
{
    return (e && i < e->facts.n) ? &sspr__facts[e->facts.off + i] : NULL;
}

const sspr_fact *sspr_entry_fact_by_key(const sspr_entry *e, const char *key)
{
    if (!e || !key)
        return NULL;
    for (size_t i = 0; i < e->facts.n; i++) {
        const sspr_fact *f = &sspr__facts[e->facts.off + i];
        if (strcmp(sspr__str(f->key), key) == 0)
            return f;
    }
    return NULL;
}

/* ---- facts ---- */

const char *sspr_fact_key(const sspr_fact *f)
{
    return f ? sspr__str(f->key) : NULL;
}

const char *sspr_fact_text(const sspr_fact *f)
{
    return f ? sspr__str(f->text) : NULL;
}

const char *sspr_fact_unit(const sspr_fact *f)
{
    return f ? sspr__str(f->unit) : NULL;
}

int sspr_fact_is_number(const sspr_fact *f)
{
    return f ? f->str == SSPR__NONE : 0;
}

double sspr_fact_min(const sspr_fact *f)
{
    return f ? f->min : 0.0;
}

double sspr_fact_max(const sspr_fact *f)
{
    return f ? f->max : 0.0;
}

const char *sspr_fact_string(const sspr_fact *f)
{
    return f ? sspr__str(f->str) : NULL;
}

const char *sspr_fact_origin(const sspr_fact *f)
{
    return f ? sspr__name_of(&sspr__origins, f->origin) : NULL;
}

const sspr_fact *sspr_fact_supersedes(const sspr_fact *f)
{
    return (f && f->supersedes >= 0) ? &sspr__facts[f->supersedes] : NULL;
}

const char *sspr_fact_url(const sspr_fact *f)
{
    return f ? sspr__str(f->url) : NULL;
}

const char *sspr_fact_date(const sspr_fact *f)
{
    return f ? sspr__str(f->date) : NULL;
}

/* ---- references ---- */

const sspr_ref *sspr_entry_ref(const sspr_entry *e, size_t i)
{
    return (e && i < e->refs.n) ? &sspr__references[e->refs.off + i] : NULL;
}

const char *sspr_ref_url(const sspr_ref *r)
{
    return r ? sspr__str(r->url) : NULL;
}

const char *sspr_ref_date(const sspr_ref *r)
{
    return r ? sspr__str(r->date) : NULL;
}

const char *sspr_ref_title(const sspr_ref *r)
{
    return r ? sspr__str(r->title) : NULL;
}
