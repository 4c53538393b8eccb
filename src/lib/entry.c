/* The catalogue data and the accessors over it. The only file that includes the
 * generated tables (sspr-data.inc). */
#include "private.h"

#include <string.h>

#include "sspr-data.inc"

static const char *const kind_names[] = {NULL, "event", "symptom", "procedure", "checklist"};
static const char *const severity_names[] = {NULL, "info", "warning", "error"};
static const char *const source_names[] = {NULL, "PasswordResetService", "ADSync", "SSPR"};
static const char *const origin_names[] = {"2017", "current"};

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
    return (kind > 0 && kind <= SSPR_KIND_CHECKLIST) ? kind_names[kind] : NULL;
}

const char *sspr_severity_name(sspr_severity severity)
{
    return (severity > 0 && severity <= SSPR_SEVERITY_ERROR) ? severity_names[severity] : NULL;
}

const char *sspr__source_name(unsigned source)
{
    return source < sizeof source_names / sizeof *source_names ? source_names[source] : NULL;
}

size_t sspr_count(void)
{
    return sspr__entry_count;
}

const sspr_entry *sspr_at(size_t i)
{
    return i < sspr__entry_count ? &sspr__entries[i] : NULL;
}

const char *sspr_entry_id(const sspr_entry *e)
{
    return e ? sspr__str(e->id) : NULL;
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
    return (e && e->has_code) ? (int64_t)e->code : -1;
}

const char *sspr_entry_name(const sspr_entry *e)
{
    return e ? sspr__str(e->name) : NULL;
}

const char *sspr_entry_title(const sspr_entry *e)
{
    return e ? sspr__str(e->title) : NULL;
}

const char *sspr_entry_summary(const sspr_entry *e)
{
    return e ? sspr__str(e->summary) : NULL;
}

sspr_severity sspr_entry_severity(const sspr_entry *e)
{
    return e ? (sspr_severity)e->severity : SSPR_SEVERITY_NONE;
}

const char *sspr_entry_area(const sspr_entry *e)
{
    return e ? sspr__str(e->area) : NULL;
}

const char *sspr_entry_section(const sspr_entry *e)
{
    return e ? sspr__str(e->section) : NULL;
}

const char *sspr_entry_origin(const sspr_entry *e)
{
    return e ? origin_names[e->origin & 1] : NULL;
}

int sspr_entry_order(const sspr_entry *e)
{
    return e ? e->order : 0;
}

/* ---- counted lists ---- */

static const char *str_at(sspr__span s, size_t i)
{
    return i < s.n ? sspr__str(sspr__strs[s.off + i]) : NULL;
}

size_t sspr_entry_alias_count(const sspr_entry *e)
{
    return e ? e->aliases.n : 0;
}

const char *sspr_entry_alias(const sspr_entry *e, size_t i)
{
    return e ? str_at(e->aliases, i) : NULL;
}

size_t sspr_entry_hresult_count(const sspr_entry *e)
{
    return e ? e->hresults.n : 0;
}

uint32_t sspr_entry_hresult(const sspr_entry *e, size_t i)
{
    return (e && i < e->hresults.n) ? sspr__hrs[e->hresults.off + i] : 0;
}

size_t sspr_entry_message_count(const sspr_entry *e)
{
    return e ? e->messages.n : 0;
}

const char *sspr_entry_message(const sspr_entry *e, size_t i)
{
    return e ? str_at(e->messages, i) : NULL;
}

size_t sspr_entry_cause_count(const sspr_entry *e)
{
    return e ? e->causes.n : 0;
}

const char *sspr_entry_cause(const sspr_entry *e, size_t i)
{
    return e ? str_at(e->causes, i) : NULL;
}

size_t sspr_entry_step_count(const sspr_entry *e)
{
    return e ? e->steps.n : 0;
}

const char *sspr_entry_step(const sspr_entry *e, size_t i)
{
    return e ? str_at(e->steps, i) : NULL;
}

size_t sspr_entry_procedure_count(const sspr_entry *e)
{
    return e ? e->procedures.n : 0;
}

const sspr_entry *sspr_entry_procedure(const sspr_entry *e, size_t i)
{
    return (e && i < e->procedures.n) ? &sspr__entries[sspr__refs[e->procedures.off + i]] : NULL;
}

size_t sspr_entry_related_count(const sspr_entry *e)
{
    return e ? e->related.n : 0;
}

const sspr_entry *sspr_entry_related(const sspr_entry *e, size_t i)
{
    return (e && i < e->related.n) ? &sspr__entries[sspr__refs[e->related.off + i]] : NULL;
}

size_t sspr_entry_mention_count(const sspr_entry *e)
{
    return e ? e->mentions.n : 0;
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

size_t sspr_entry_fact_count(const sspr_entry *e)
{
    return e ? e->facts.n : 0;
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
    return f ? origin_names[f->origin & 1] : NULL;
}

const sspr_fact *sspr_fact_supersedes(const sspr_fact *f)
{
    return (f && f->supersedes >= 0) ? &sspr__facts[f->supersedes] : NULL;
}
