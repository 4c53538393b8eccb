/* Exhaustive round trips over the whole catalogue: every key of every entry
 * (id, name, alias, code, HRESULT, message, mention) leads back to the entry,
 * every reference is sound, and the 2017 content is all there. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int one_of(const char *s, const char *const *list)
{
    for (; s && *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

Test(catalog, at_walks_every_entry_in_order)
{
    size_t n = sspr_count();
    cr_assert_gt(n, 0);
    for (size_t i = 0; i < n; i++)
        cr_assert_not_null(sspr_at(i), "sspr_at(%zu)", i);
    cr_assert_null(sspr_at(n));
    cr_assert_null(sspr_at(n + 1));
    cr_assert_null(sspr_at((size_t)-1));
}

Test(catalog, every_entry_is_well_formed)
{
    static const char *const areas[] = {"admin-portal", "reporting", "registration-portal",
                                        "reset-portal", "writeback", "writeback-connectivity",
                                        "support",      NULL};
    static const char *const sources[] = {"PasswordResetService",
                                          "ADSync",
                                          "SSPR",
                                          "Microsoft-Windows-Security-Auditing",
                                          "Self-service Password Management",
                                          "Authentication Methods",
                                          NULL};
    static const char *const origins[] = {"2017", "current", "field", NULL};
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *id = sspr_entry_id(e);
        cr_assert_not_null(id);
        cr_assert(strlen(id) >= 1 && strlen(id) <= 63, "%s: id length", id);
        cr_assert(strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(id) && id[0] != '-',
                  "%s: id is not lower-case ASCII, digits and '-'", id);
        sspr_kind k = sspr_entry_kind(e);
        cr_assert(k >= SSPR_KIND_EVENT && k <= SSPR_KIND_AUDIT, "%s: kind %d", id, (int)k);
        sspr_severity s = sspr_entry_severity(e);
        cr_assert(s >= SSPR_SEVERITY_INFO && s <= SSPR_SEVERITY_ERROR, "%s: severity", id);
        cr_assert(one_of(sspr_entry_area(e), areas), "%s: area %s", id, sspr_entry_area(e));
        cr_assert(one_of(sspr_entry_origin(e), origins), "%s: origin", id);
        cr_assert_not_null(sspr_entry_title(e), "%s: title", id);
        cr_assert_leq(utf8_chars(sspr_entry_title(e)), 80, "%s: title over 80 characters", id);
        cr_assert_not_null(sspr_entry_summary(e), "%s: summary", id);
        cr_assert_not_null(sspr_entry_section(e), "%s: section", id);
        const char *src = sspr_entry_source(e);
        cr_assert(!src || one_of(src, sources), "%s: source %s", id, src);
        if (k == SSPR_KIND_EVENT) {
            cr_assert_not_null(src, "%s: an event without a source", id);
            cr_assert(sspr_entry_code(e) >= 0 || sspr_entry_hresult_count(e) > 0,
                      "%s: an event with neither code nor HRESULT", id);
        }
        int64_t code = sspr_entry_code(e);
        cr_assert(code >= -1 && code <= 4294967295LL, "%s: code %lld", id, (long long)code);
        if (code >= 0)
            cr_assert_not_null(src, "%s: a code without a source", id);
        int order = sspr_entry_order(e);
        if (k == SSPR_KIND_PROCEDURE)
            cr_assert(order >= 1 && order <= 99, "%s: procedure order %d", id, order);
        else
            cr_assert_eq(order, 0, "%s: order on a non-procedure", id);
    }
}

Test(catalog, ids_round_trip_in_any_case)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *id = sspr_entry_id(e);
        cr_assert_eq(sspr_by_id(id), e, "sspr_by_id(\"%s\")", id);
        char upper[128];
        size_t n = 0;
        for (; id[n] && n + 1 < sizeof upper; n++)
            upper[n] = (char)toupper((unsigned char)id[n]);
        upper[n] = '\0';
        cr_assert_eq(sspr_by_id(upper), e, "sspr_by_id(\"%s\")", upper);
        assert_first(id, id);
        assert_first(upper, id);
    }
}

Test(catalog, names_and_aliases_round_trip)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *id = sspr_entry_id(e);
        if (sspr_entry_name(e)) {
            cr_assert_eq(sspr_by_name(sspr_entry_name(e)), e, "%s: name '%s'", id,
                         sspr_entry_name(e));
            assert_first(sspr_entry_name(e), id);
        }
        for (size_t a = 0; a < sspr_entry_alias_count(e); a++) {
            const char *alias = sspr_entry_alias(e, a);
            cr_assert_not_null(alias, "%s: alias %zu", id, a);
            cr_assert_eq(sspr_by_name(alias), e, "%s: alias '%s'", id, alias);
            assert_first(alias, id);
        }
    }
}

/* In by_code/by_hresult results, the entries that are the key come before those
 * that only mention it. */
static void check_owners_first(const results *r, const char *what,
                               int (*owns)(const sspr_entry *, const void *), const void *key)
{
    int seen_mention = 0;
    for (size_t i = 0; i < r->n; i++) {
        int o = owns(r->v[i], key);
        cr_assert(!(o && seen_mention), "%s: %s comes after an entry that only mentions it", what,
                  sspr_entry_id(r->v[i]));
        seen_mention |= !o;
    }
}

typedef struct {
    const char *source;
    int64_t code;
} code_key;

static int owns_code(const sspr_entry *e, const void *key)
{
    const code_key *k = key;
    const char *src = sspr_entry_source(e);
    return src && strcmp(src, k->source) == 0 && sspr_entry_code(e) == k->code;
}

static int owns_hresult(const sspr_entry *e, const void *key)
{
    uint32_t hr = *(const uint32_t *)key;
    for (size_t h = 0; h < sspr_entry_hresult_count(e); h++)
        if (sspr_entry_hresult(e, h) == hr)
            return 1;
    return 0;
}

Test(catalog, codes_round_trip)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        int64_t code = sspr_entry_code(e);
        if (code < 0)
            continue;
        const char *src = sspr_entry_source(e), *id = sspr_entry_id(e);
        code_key key = {src, code};
        char what[160], q[128];
        results r = by_code(src, (uint32_t)code);
        snprintf(what, sizeof what, "sspr_by_code(%s, %lld)", src, (long long)code);
        cr_assert(has_entry(&r, e), "%s misses %s", what, id);
        check_owners_first(&r, what, owns_code, &key);
        r = by_code(NULL, (uint32_t)code);
        cr_assert(has_entry(&r, e), "sspr_by_code(NULL, %lld) misses %s", (long long)code, id);
        snprintf(q, sizeof q, "%s %lld", src, (long long)code);
        r = lookup(q);
        cr_assert(has_entry(&r, e), "lookup(\"%s\") misses %s", q, id);
        check_owners_first(&r, q, owns_code, &key);
        static const char *const forms[] = {"%lld", "Event ID %lld", "EventID: %lld"};
        for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
            snprintf(q, sizeof q, forms[f], (long long)code);
            r = lookup(q);
            cr_assert(has_entry(&r, e), "lookup(\"%s\") misses %s", q, id);
        }
    }
}

Test(catalog, hresults_round_trip)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        for (size_t h = 0; h < sspr_entry_hresult_count(e); h++) {
            uint32_t hr = sspr_entry_hresult(e, h);
            cr_assert_neq(hr, 0, "%s: HRESULT %zu is 0", sspr_entry_id(e), h);
            results r = by_hresult(hr);
            char q[32];
            snprintf(q, sizeof q, "sspr_by_hresult(0x%08X)", (unsigned)hr);
            cr_assert(has_entry(&r, e), "%s misses %s", q, sspr_entry_id(e));
            check_owners_first(&r, q, owns_hresult, &hr);
            snprintf(q, sizeof q, "0x%08X", (unsigned)hr);
            r = lookup(q);
            cr_assert(has_entry(&r, e), "lookup(\"%s\") misses %s", q, sspr_entry_id(e));
            check_owners_first(&r, q, owns_hresult, &hr);
            static const char *const forms[] = {"0x%08x", "%08X", "hr=%08X", "HRESULT 0x%08X"};
            for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
                snprintf(q, sizeof q, forms[f], (unsigned)hr);
                r = lookup(q);
                cr_assert(has_entry(&r, e), "lookup(\"%s\") misses %s", q, sspr_entry_id(e));
            }
            if (hr >= 0x80000000u) { /* the signed decimal an event log may print */
                snprintf(q, sizeof q, "-%lu", (unsigned long)(0x100000000ull - hr));
                r = lookup(q);
                cr_assert(has_entry(&r, e), "lookup(\"%s\") misses %s", q, sspr_entry_id(e));
            }
        }
    }
}

Test(catalog, mentions_round_trip)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        for (size_t m = 0; m < sspr_entry_mention_count(e); m++) {
            const char *src = (const char *)1;
            int64_t code = -2;
            uint32_t hr = 1;
            cr_assert_eq(sspr_entry_mention(e, m, &src, &code, &hr), 1);
            cr_assert(code >= 0 || hr != 0, "%s: mention %zu has neither code nor HRESULT",
                      sspr_entry_id(e), m);
            if (code >= 0) {
                cr_assert_not_null(src, "%s: mention of code %lld without a source",
                                   sspr_entry_id(e), (long long)code);
                results r = by_code(src, (uint32_t)code);
                cr_assert(has_entry(&r, e), "sspr_by_code(%s, %lld) misses %s (mention)", src,
                          (long long)code, sspr_entry_id(e));
            }
            if (hr != 0) {
                results r = by_hresult(hr);
                cr_assert(has_entry(&r, e), "sspr_by_hresult(0x%08X) misses %s (mention)",
                          (unsigned)hr, sspr_entry_id(e));
            }
        }
    }
}

Test(catalog, messages_round_trip)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        for (size_t m = 0; m < sspr_entry_message_count(e); m++) {
            const char *msg = sspr_entry_message(e, m);
            cr_assert_not_null(msg, "%s: message %zu", sspr_entry_id(e), m);
            results r = lookup(msg);
            char buf[1024];
            cr_assert(has_entry(&r, e), "lookup(\"%s\") misses %s: [%s]", msg, sspr_entry_id(e),
                      ids_of(&r, buf, sizeof buf));
        }
    }
}

Test(catalog, references_are_sound)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *id = sspr_entry_id(e);
        for (size_t p = 0; p < sspr_entry_procedure_count(e); p++) {
            const sspr_entry *t = sspr_entry_procedure(e, p);
            cr_assert_not_null(t, "%s: procedure %zu", id, p);
            cr_assert_eq(sspr_by_id(sspr_entry_id(t)), t, "%s: procedure %zu is no entry", id, p);
            cr_assert_eq(sspr_entry_kind(t), SSPR_KIND_PROCEDURE, "%s: %s is no procedure", id,
                         sspr_entry_id(t));
            cr_assert_neq(t, e, "%s refers to itself", id);
        }
        for (size_t r = 0; r < sspr_entry_related_count(e); r++) {
            const sspr_entry *t = sspr_entry_related(e, r);
            cr_assert_not_null(t, "%s: related %zu", id, r);
            cr_assert_eq(sspr_by_id(sspr_entry_id(t)), t, "%s: related %zu is no entry", id, r);
            cr_assert_neq(t, e, "%s is related to itself", id);
        }
    }
}

Test(catalog, facts_are_consistent)
{
    static const char *const fact_origins[] = {"2017", "current", "field", NULL};
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *id = sspr_entry_id(e);
        size_t n = sspr_entry_fact_count(e);
        for (size_t k = 0; k < n; k++) {
            const sspr_fact *f = sspr_entry_fact(e, k);
            cr_assert_not_null(f, "%s: fact %zu", id, k);
            const char *key = sspr_fact_key(f);
            cr_assert_not_null(key, "%s: fact %zu has no key", id, k);
            cr_assert_eq(sspr_entry_fact_by_key(e, key), f, "%s: fact '%s' by key", id, key);
            cr_assert_not_null(sspr_fact_text(f), "%s: fact '%s' text", id, key);
            cr_assert(one_of(sspr_fact_origin(f), fact_origins), "%s: fact '%s' origin", id, key);
            if (sspr_fact_is_number(f)) {
                cr_assert_null(sspr_fact_string(f), "%s: numeric fact '%s' has a string", id, key);
                cr_assert_leq(sspr_fact_min(f), sspr_fact_max(f), "%s: fact '%s' min > max", id,
                              key);
            } else {
                cr_assert_eq(sspr_fact_is_number(f), 0);
                cr_assert_not_null(sspr_fact_string(f), "%s: string fact '%s' has no string", id,
                                   key);
            }
            const sspr_fact *old = sspr_fact_supersedes(f);
            if (old) {
                int same_entry = 0;
                for (size_t j = 0; j < n; j++)
                    same_entry |= sspr_entry_fact(e, j) == old && j != k;
                cr_assert(same_entry, "%s: fact '%s' supersedes a fact of another entry", id, key);
            }
        }
        cr_assert_null(sspr_entry_fact(e, n));
    }
}

/* ---- what the 2017 article contains ------------------------------------- */

static size_t count_2017(sspr_kind kind, const char *area)
{
    size_t n = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        if (sspr_entry_kind(e) == kind && strcmp(sspr_entry_origin(e), "2017") == 0 &&
            (!area || strcmp(sspr_entry_area(e), area) == 0))
            n++;
    }
    return n;
}

Test(catalog, symptoms_of_2017_per_area)
{
    /* 29 from the article, and adsync-hr-800700ce: no document names its log source */
    cr_assert_eq(count_2017(SSPR_KIND_SYMPTOM, NULL), 30);
    cr_assert_eq(count_2017(SSPR_KIND_SYMPTOM, "admin-portal"), 3);
    cr_assert_eq(count_2017(SSPR_KIND_SYMPTOM, "reporting"), 2);
    cr_assert_eq(count_2017(SSPR_KIND_SYMPTOM, "registration-portal"), 3);
    cr_assert_eq(count_2017(SSPR_KIND_SYMPTOM, "reset-portal"), 11);
    cr_assert_eq(count_2017(SSPR_KIND_SYMPTOM, "writeback"), 11);
}

Test(catalog, three_procedures_in_order_and_one_checklist)
{
    cr_assert_eq(count_2017(SSPR_KIND_PROCEDURE, NULL), 3);
    int seen[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        if (sspr_entry_kind(e) != SSPR_KIND_PROCEDURE || strcmp(sspr_entry_origin(e), "2017"))
            continue;
        int o = sspr_entry_order(e);
        cr_assert(o >= 1 && o <= 3, "%s: order %d", sspr_entry_id(e), o);
        cr_assert_eq(seen[o], 0, "two procedures with order %d", o);
        seen[o] = 1;
        cr_assert_gt(sspr_entry_step_count(e), 0, "%s has no steps", sspr_entry_id(e));
    }
    cr_assert_eq(count_2017(SSPR_KIND_CHECKLIST, NULL), 1);
}
