/* The catalogue as plain C data, after validation: ids resolved to indices,
 * HRESULTs parsed, keys normalised. Emitters read only this. */
#ifndef SSPR_GEN_MODEL_H
#define SSPR_GEN_MODEL_H

#include <stddef.h>
#include <stdint.h>

enum { M_KIND_EVENT = 1, M_KIND_SYMPTOM, M_KIND_PROCEDURE, M_KIND_CHECKLIST };
enum { M_SEV_INFO = 1, M_SEV_WARNING, M_SEV_ERROR };
/* Sources, in the order of the library's sspr_source enum (0 = none). */
enum { M_SRC_NONE = 0, M_SRC_PRS, M_SRC_ADSYNC, M_SRC_SSPR, M_SRC_COUNT };

extern const char *const m_kind_names[];     /* index by M_KIND_* */
extern const char *const m_severity_names[]; /* index by M_SEV_* */
extern const char *const m_source_names[];   /* index by M_SRC_* ("" for none) */
extern const char *const m_area_names[];     /* NULL-terminated */
extern const char *const m_origin_names[];   /* NULL-terminated */

typedef struct {
    char **v;
    size_t n;
} m_strings;

typedef struct {
    const char *file;
    int line, column;
} m_pos;

typedef struct {
    char *key, *unit, *text, *str; /* str: string value, or NULL for numbers */
    double min, max;               /* numbers: value is min == max */
    int origin;                    /* index into m_origin_names */
    int supersedes;                /* index of the fact on the same entry, or -1 */
    char *supersedes_key;
    m_pos pos;
} m_fact;

typedef struct {
    int source;       /* M_SRC_*, M_SRC_NONE when absent */
    int has_code;
    uint32_t code;
    int has_hresult;
    uint32_t hresult;
} m_mention;

typedef struct {
    char *id;
    int kind, source, severity, area, origin, order;
    int has_code;
    uint32_t code;
    char *name; /* or NULL */
    m_pos name_pos;
    m_pos *alias_pos; /* one per alias */
    m_strings aliases, messages, causes, steps;
    uint32_t *hresults;
    size_t nhresults;
    char *title, *summary, *section;
    /* references, by id while loading, by index after resolution */
    m_strings procedure_ids, related_ids;
    m_pos *procedure_pos, *related_pos;
    size_t *procedures, *related;
    m_mention *mentions;
    size_t nmentions;
    m_fact *facts;
    size_t nfacts;
    m_pos pos;
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
