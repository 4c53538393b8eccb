/* Dumps the whole catalogue as the library returns it, through the public
 * accessors of <sspr-errors.h> only, as one JSON object on stdout:
 *
 *   {"catalog_version": "...", "count": N, "entries": [...]}
 *
 * Each entry holds every accessor's answer under the catalogue's own field
 * names (lists read with their _count/_at pairs, facts with every sspr_fact_*
 * accessor). Accessors that disagree with each other
 * (sspr_by_id, sspr_by_name, sspr_by_code, sspr_by_hresult and
 * sspr_entry_fact_by_key against the entry, out-of-range indices) are printed
 * on stderr and make the exit status 1; check_catalog.py reports them.
 *
 * Hand-written on purpose, sharing nothing with the CLI's JSON writer
 * (src/cli/output.c): the test compares the two, so a bug in either shows. */
#include <sspr-errors.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void put_str(const char *s)
{
    if (!s) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20 || *p == 0x7F)
            printf("\\u%04X", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void key(const char *k)
{
    printf(", \"%s\": ", k);
}

static void field(const char *k, const char *v)
{
    key(k);
    put_str(v);
}

/* Disagreements between accessors go to stderr, one a line; the exit status is
 * then 1. */
static int problems;

static void problem(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("problem: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    problems++;
}

/* A counted list of strings; the item after the last must be NULL. */
static void put_strings(const char *k, const sspr_entry *e, size_t (*count)(const sspr_entry *),
                        const char *(*at)(const sspr_entry *, size_t))
{
    size_t n = count(e);
    key(k);
    putchar('[');
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", stdout);
        put_str(at(e, i));
    }
    putchar(']');
    if (at(e, n) != NULL)
        problem("%s: %s(e, count) is not NULL", sspr_entry_id(e), k);
}

/* Entry references as the ids of the entries the accessors return (NULL past
 * the end, since sspr_entry_id(NULL) is NULL). */
static const char *procedure_id(const sspr_entry *e, size_t i)
{
    return sspr_entry_id(sspr_entry_procedure(e, i));
}

static const char *related_id(const sspr_entry *e, size_t i)
{
    return sspr_entry_id(sspr_entry_related(e, i));
}

/* Is e among the matches of a by_code/by_hresult query? */
static int among(const sspr_entry *e, const sspr_entry **v, size_t n, size_t total)
{
    if (total > n)
        total = n;
    for (size_t i = 0; i < total; i++)
        if (v[i] == e)
            return 1;
    return 0;
}

static void put_fact(const sspr_entry *e, size_t i)
{
    const sspr_fact *f = sspr_entry_fact(e, i);
    printf("{\"key\": ");
    put_str(sspr_fact_key(f));
    printf(", \"is_number\": %d", sspr_fact_is_number(f));
    printf(", \"min\": %.17g, \"max\": %.17g", sspr_fact_min(f), sspr_fact_max(f));
    field("string", sspr_fact_string(f));
    field("unit", sspr_fact_unit(f));
    field("text", sspr_fact_text(f));
    field("origin", sspr_fact_origin(f));
    key("supersedes");
    const sspr_fact *old = sspr_fact_supersedes(f);
    put_str(old ? sspr_fact_key(old) : NULL);
    field("url", sspr_fact_url(f));
    field("date", sspr_fact_date(f));
    putchar('}');

    if (sspr_entry_fact_by_key(e, sspr_fact_key(f)) != f)
        problem("%s: sspr_entry_fact_by_key(%s) is not fact %zu", sspr_entry_id(e),
                sspr_fact_key(f), i);
    if (old) {
        int mine = 0;
        for (size_t j = 0; j < sspr_entry_fact_count(e); j++)
            mine |= sspr_entry_fact(e, j) == old;
        if (!mine)
            problem("%s: fact %s supersedes a fact of another entry", sspr_entry_id(e),
                    sspr_fact_key(f));
    }
}

static void put_mentions(const sspr_entry *e)
{
    key("mentions");
    putchar('[');
    size_t n = sspr_entry_mention_count(e);
    for (size_t i = 0; i < n; i++) {
        const char *src = "unset";
        int64_t code = -2;
        uint32_t hr = 1;
        if (!sspr_entry_mention(e, i, &src, &code, &hr))
            problem("%s: sspr_entry_mention(%zu) returned 0", sspr_entry_id(e), i);
        printf("%s{\"source\": ", i ? ", " : "");
        put_str(src);
        printf(", \"code\": %lld, \"hresult\": %lu}", (long long)code, (unsigned long)hr);

        const sspr_entry *v[256];
        if (code >= 0 && !among(e, v, 256, sspr_by_code(src, (uint32_t)code, v, 256)))
            problem("%s: sspr_by_code(%s, %lld) misses the entry mentioning it", sspr_entry_id(e),
                    src ? src : "NULL", (long long)code);
        if (hr && !among(e, v, 256, sspr_by_hresult(hr, v, 256)))
            problem("%s: sspr_by_hresult(0x%08lX) misses the entry mentioning it", sspr_entry_id(e),
                    (unsigned long)hr);
    }
    putchar(']');
    if (sspr_entry_mention(e, n, NULL, NULL, NULL) != 0)
        problem("%s: sspr_entry_mention(e, count) is not 0", sspr_entry_id(e));
}

static void put_entry(const sspr_entry *e)
{
    const char *id = sspr_entry_id(e);
    printf("{\"id\": ");
    put_str(id);
    field("kind", sspr_kind_name(sspr_entry_kind(e)));
    field("source", sspr_entry_source(e));
    printf(", \"code\": %lld", (long long)sspr_entry_code(e));
    field("name", sspr_entry_name(e));
    put_strings("aliases", e, sspr_entry_alias_count, sspr_entry_alias);

    key("hresults");
    putchar('[');
    size_t nh = sspr_entry_hresult_count(e);
    for (size_t i = 0; i < nh; i++)
        printf("%s%lu", i ? ", " : "", (unsigned long)sspr_entry_hresult(e, i));
    putchar(']');
    if (sspr_entry_hresult(e, nh) != 0)
        problem("%s: sspr_entry_hresult(e, count) is not 0", id);

    field("severity", sspr_severity_name(sspr_entry_severity(e)));
    field("area", sspr_entry_area(e));
    field("title", sspr_entry_title(e));
    field("summary", sspr_entry_summary(e));
    put_strings("messages", e, sspr_entry_message_count, sspr_entry_message);
    put_strings("causes", e, sspr_entry_cause_count, sspr_entry_cause);
    put_strings("steps", e, sspr_entry_step_count, sspr_entry_step);
    put_strings("procedures", e, sspr_entry_procedure_count, procedure_id);
    put_strings("related", e, sspr_entry_related_count, related_id);
    put_mentions(e);

    key("facts");
    putchar('[');
    size_t nf = sspr_entry_fact_count(e);
    for (size_t i = 0; i < nf; i++) {
        fputs(i ? ", " : "", stdout);
        put_fact(e, i);
    }
    putchar(']');
    if (sspr_entry_fact(e, nf) != NULL)
        problem("%s: sspr_entry_fact(e, count) is not NULL", id);

    printf(", \"order\": %d", sspr_entry_order(e));
    field("section", sspr_entry_section(e));
    field("origin", sspr_entry_origin(e));
    key("refs");
    putchar('[');
    size_t nr = sspr_entry_ref_count(e);
    for (size_t i = 0; i < nr; i++) {
        const sspr_ref *r = sspr_entry_ref(e, i);
        fputs(i ? ", {" : "{", stdout);
        printf("\"url\": ");
        put_str(sspr_ref_url(r));
        field("date", sspr_ref_date(r));
        field("title", sspr_ref_title(r));
        putchar('}');
    }
    putchar(']');
    if (sspr_entry_ref(e, nr) != NULL)
        problem("%s: sspr_entry_ref(e, count) is not NULL", id);
    putchar('}');

    /* the finders agree with the entry */
    char upper[128];
    size_t n = strlen(id);
    for (size_t i = 0; i <= n && i < sizeof upper; i++)
        upper[i] = (char)toupper((unsigned char)id[i]);
    if (sspr_by_id(id) != e || (n < sizeof upper && sspr_by_id(upper) != e))
        problem("%s: sspr_by_id does not find it", id);
    if (sspr_entry_name(e) && sspr_by_name(sspr_entry_name(e)) != e)
        problem("%s: sspr_by_name(its name) does not find it", id);
    for (size_t i = 0; i < sspr_entry_alias_count(e); i++)
        if (sspr_by_name(sspr_entry_alias(e, i)) != e)
            problem("%s: sspr_by_name(alias %s) does not find it", id, sspr_entry_alias(e, i));
    const sspr_entry *v[256];
    int64_t code = sspr_entry_code(e);
    if (code >= 0 && !among(e, v, 256, sspr_by_code(sspr_entry_source(e), (uint32_t)code, v, 256)))
        problem("%s: sspr_by_code does not find it", id);
    for (size_t i = 0; i < nh; i++)
        if (!among(e, v, 256, sspr_by_hresult(sspr_entry_hresult(e, i), v, 256)))
            problem("%s: sspr_by_hresult(0x%08lX) does not find it", id,
                    (unsigned long)sspr_entry_hresult(e, i));
    for (size_t i = 0; i < sspr_entry_procedure_count(e); i++)
        if (sspr_entry_kind(sspr_entry_procedure(e, i)) != SSPR_KIND_PROCEDURE)
            problem("%s: procedure %zu is not of kind procedure", id, i);
}

int main(void)
{
    size_t n = sspr_count();
    printf("{\"catalog_version\": ");
    put_str(sspr_catalog_version());
    printf(", \"count\": %zu, \"entries\": [\n", n);
    for (size_t i = 0; i < n; i++) {
        const sspr_entry *e = sspr_at(i);
        if (!e) {
            problem("sspr_at(%zu) is NULL below sspr_count()", i);
            continue;
        }
        fputs(i ? ",\n" : "", stdout);
        put_entry(e);
    }
    if (sspr_at(n) != NULL)
        problem("sspr_at(sspr_count()) is not NULL");
    printf("\n]}\n");
    return (problems || ferror(stdout)) ? 1 : 0;
}
