/* Catalogue 1.3 (issue 17): the Microsoft Entra audit log's password strings
 * are entries of kind audit. Every name, alias and message of those entries is
 * found by lookup, first, in the form the catalogue quotes and in the forms a
 * log, a download or a paste may give it (case, a trailing space or period, a
 * typographic apostrophe, a line break); the file and the library agree. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SSPR_AUDIT_JSON
#error "SSPR_AUDIT_JSON must name catalog/audit.json"
#endif

enum { QUERY_MAX = 1024 };

/* The strings an audit entry is found by: its name, aliases and messages. */
static size_t string_count(const sspr_entry *e)
{
    return (sspr_entry_name(e) ? 1 : 0) + sspr_entry_alias_count(e) + sspr_entry_message_count(e);
}

static const char *string_at(const sspr_entry *e, size_t i)
{
    if (sspr_entry_name(e)) {
        if (i == 0)
            return sspr_entry_name(e);
        i--;
    }
    if (i < sspr_entry_alias_count(e))
        return sspr_entry_alias(e, i);
    return sspr_entry_message(e, i - sspr_entry_alias_count(e));
}

static void assert_first_of(const char *query, const sspr_entry *e, const char *form)
{
    results r = lookup(query);
    char buf[1024];
    cr_assert(r.n > 0 && r.v[0] == e, "%s: lookup(\"%s\") (%s) gives [%s]", sspr_entry_id(e), query,
              form, ids_of(&r, buf, sizeof buf));
}

/* s with every ASCII letter upper-cased. */
static void upper(const char *s, char *out)
{
    size_t i = 0;
    for (; s[i]; i++)
        out[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i]);
    out[i] = '\0';
}

/* s without its trailing spaces. */
static void trimmed(const char *s, char *out)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* s with each ASCII apostrophe written U+2019, and its first space a line
 * break and an indent, as a wrapped paste has it. */
static void typographic_wrapped(const char *s, char *out)
{
    size_t o = 0;
    int wrapped = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '\'') {
            memcpy(out + o, "\xE2\x80\x99", 3);
            o += 3;
        } else if (s[i] == ' ' && !wrapped) {
            memcpy(out + o, "\r\n    ", 6);
            o += 6;
            wrapped = 1;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
}

static size_t count_in(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    cr_assert_gt(size, 0);
    char *text = malloc((size_t)size + 1);
    cr_assert_not_null(text);
    cr_assert_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    text[size] = '\0';
    fclose(f);
    return text;
}

static const sspr_entry *entry(const char *id)
{
    const sspr_entry *e = sspr_by_id(id);
    cr_assert_not_null(e, "no entry %s", id);
    return e;
}

static sspr_confidence confidence_of_first(const char *query, const sspr_entry *e)
{
    sspr_result r[MAX_RESULTS];
    size_t n = sspr_lookup_results(query, r, MAX_RESULTS);
    cr_assert(n > 0 && r[0].entry == e, "lookup_results(\"%s\")", query);
    return r[0].confidence;
}

/* ---- every string, every written form ------------------------------------ */

Test(audit, every_string_in_every_form_finds_its_entry_first)
{
    size_t entries = 0, strings = 0;
    char q[QUERY_MAX];
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        if (sspr_entry_kind(e) != SSPR_KIND_AUDIT)
            continue;
        entries++;
        cr_assert_gt(string_count(e), 0, "%s: no string to find it by", sspr_entry_id(e));
        for (size_t k = 0; k < string_count(e); k++) {
            const char *s = string_at(e, k);
            cr_assert_lt(strlen(s) * 3 + 16, sizeof q);
            strings++;
            assert_first_of(s, e, "as quoted");
            cr_assert_geq(confidence_of_first(s, e), SSPR_CONFIDENCE_MEDIUM, "%s: \"%s\"",
                          sspr_entry_id(e), s);
            upper(s, q);
            assert_first_of(q, e, "upper case");
            trimmed(s, q);
            assert_first_of(q, e, "no trailing space");
            snprintf(q, sizeof q, "%s ", s);
            assert_first_of(q, e, "a trailing space");
            trimmed(s, q);
            if (q[strlen(q) - 1] != '.') {
                strcat(q, ".");
                assert_first_of(q, e, "a trailing period");
            }
            typographic_wrapped(s, q);
            assert_first_of(q, e, "typographic apostrophe, wrapped");
            snprintf(q, sizeof q, "  \"%s\"\n", s);
            assert_first_of(q, e, "quoted, padded");
        }
    }
    cr_assert_geq(entries, 30, "only %zu audit entries", entries);
    cr_assert_geq(strings, 70, "only %zu audit strings", strings);
}

Test(audit, names_and_aliases_are_exact_names)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        if (sspr_entry_kind(e) != SSPR_KIND_AUDIT)
            continue;
        if (sspr_entry_name(e)) {
            cr_assert_eq(sspr_by_name(sspr_entry_name(e)), e, "%s", sspr_entry_id(e));
            cr_assert_eq(confidence_of_first(sspr_entry_name(e), e), SSPR_CONFIDENCE_HIGH, "%s",
                         sspr_entry_id(e));
        }
        for (size_t k = 0; k < sspr_entry_alias_count(e); k++)
            cr_assert_eq(sspr_by_name(sspr_entry_alias(e, k)), e, "%s alias %zu", sspr_entry_id(e),
                         k);
    }
}

/* ---- what every audit entry says about itself ------------------------------ */

Test(audit, every_entry_names_its_service_and_sources)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        if (sspr_entry_kind(e) != SSPR_KIND_AUDIT)
            continue;
        const char *id = sspr_entry_id(e), *src = sspr_entry_source(e);
        cr_assert(strncmp(id, "audit-", 6) == 0, "%s: id scheme", id);
        cr_assert_not_null(src, "%s: no service", id);
        cr_assert(strcmp(src, "Self-service Password Management") == 0 ||
                      strcmp(src, "Authentication Methods") == 0,
                  "%s: service %s", id, src);
        cr_assert_eq(sspr_entry_code(e), -1, "%s: an audit string has no event code", id);
        cr_assert_eq(sspr_entry_hresult_count(e), 0, "%s", id);
        cr_assert_gt(sspr_entry_ref_count(e), 0, "%s: no reference", id);
        for (size_t k = 0; k < sspr_entry_ref_count(e); k++)
            cr_assert_str_eq(sspr_ref_date(sspr_entry_ref(e, k)), "2026-12-02", "%s ref %zu", id,
                             k);
        cr_assert_gt(sspr_entry_related_count(e), 0, "%s: related to nothing", id);
        /* a failure reason leads to the events or symptoms behind it */
        const sspr_fact *f = sspr_entry_fact_by_key(e, "result_type");
        if (f && strcmp(sspr_fact_string(f), "Failed") == 0) {
            int other = 0;
            for (size_t k = 0; k < sspr_entry_related_count(e); k++)
                other |= sspr_entry_kind(sspr_entry_related(e, k)) != SSPR_KIND_AUDIT;
            cr_assert(other, "%s: a failure reason with no event or symptom related", id);
        }
    }
}

Test(audit, the_file_and_the_library_agree)
{
    char *text = read_file(SSPR_AUDIT_JSON);
    size_t in_file = count_in(text, "\"kind\": \"audit\""), in_library = 0;
    for (size_t i = 0; i < sspr_count(); i++)
        in_library += sspr_entry_kind(sspr_at(i)) == SSPR_KIND_AUDIT;
    cr_assert_eq(in_file, in_library, "audit.json has %zu audit entries, the library %zu", in_file,
                 in_library);
    /* the trailing space is in the file, byte for byte */
    cr_assert(strstr(text, "Add authentication info to resolve this \""),
              "audit.json lost the trailing space");
    free(text);
}

/* ---- explicit cases ---------------------------------------------------------- */

Test(audit, fuzzy_policy_reason)
{
    const sspr_entry *e = entry("audit-reason-fuzzy-policy");
    assert_first_of("FuzzyPolicyViolationInvalidPassword", e, "as documented");
    assert_first_of("fuzzypolicyviolationinvalidpassword", e, "lower case");
    cr_assert_eq(confidence_of_first("FuzzyPolicyViolationInvalidPassword", e),
                 SSPR_CONFIDENCE_HIGH);
    cr_assert_eq(sspr_entry_kind(e), SSPR_KIND_AUDIT);
    cr_assert_str_eq(sspr_kind_name(sspr_entry_kind(e)), "audit");
    cr_assert_str_eq(sspr_entry_source(e), "Self-service Password Management");
    cr_assert_str_eq(sspr_entry_id(sspr_entry_related(e, 0)), "reset-fuzzy-policy",
                     "the banned-password symptom comes first in related");
}

Test(audit, trailing_space_reason_is_kept_and_found_both_ways)
{
    const sspr_entry *e = entry("audit-reason-insufficient-methods");
    static const char plain[] = "User's account has insufficient authentication methods "
                                "defined. Add authentication info to resolve this";
    cr_assert_eq(sspr_entry_message_count(e), 2);
    cr_assert_str_eq(sspr_entry_message(e, 0), plain);
    const char *spaced = sspr_entry_message(e, 1);
    cr_assert_eq(strlen(spaced), strlen(plain) + 1);
    cr_assert_eq(strncmp(spaced, plain, strlen(plain)), 0);
    cr_assert_eq(spaced[strlen(plain)], ' ', "the service's trailing space is kept");
    assert_first_of(plain, e, "without the trailing space");
    assert_first_of(spaced, e, "with the trailing space");
    cr_assert_eq(confidence_of_first(spaced, e), SSPR_CONFIDENCE_HIGH);
    /* inside a Log Analytics row */
    assert_first_of("AuditLogs | ResultDescription: User's account has insufficient "
                    "authentication methods defined. Add authentication info to resolve this "
                    "| Result: failure",
                    e, "inside a row");
}

Test(audit, activities_and_their_spellings)
{
    assert_first("Reset password (self-service)", "audit-activity-reset-password-self-service");
    assert_first("Reset password (by admin)", "audit-activity-reset-password-by-admin");
    assert_first("user started password reset", "audit-activity-user-started-reset");
    assert_first("User started password reset", "audit-activity-user-started-reset");
    assert_first("Self-serve password reset flow activity progress",
                 "audit-activity-flow-progress");
    assert_first("Self serve password reset flow activity progress",
                 "audit-activity-flow-progress");
    cr_assert_str_eq(sspr_entry_source(entry("audit-activity-user-started-reset")),
                     "Authentication Methods");
    cr_assert_str_eq(sspr_entry_name(entry("audit-activity-user-started-reset")),
                     "user started password reset");
    const sspr_entry *agent = entry("audit-detail-onpremisesagent");
    assert_first("OnPremisesAgent", "audit-detail-onpremisesagent");
    cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(agent, "agent_none")), "None");
    cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(agent, "agent_connect")),
                     "Microsoft Entra Connect");
    cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(agent, "agent_cloud_sync")),
                     "CloudSync");
    assert_first("Permission failure?", "audit-reason-permission-failure");
    assert_first("Successfully completed reset.", "audit-reason-reset-completed");
    assert_first("Successfully completed reset", "audit-reason-reset-completed");
}

Test(audit, connectivity_reason_leads_to_the_writeback_events)
{
    const sspr_entry *e = entry("audit-reason-onprem-unreachable");
    assert_first_of("We could not reach your on-premises password reset service. Check your "
                    "sync machine's event log",
                    e, "as documented");
    static const char *const want[] = {"sspr-0030", "prs-32001", "prs-32002", "prs-31034",
                                       "wb-servicebus-connect-error"};
    results rel;
    memset(&rel, 0, sizeof rel);
    for (size_t k = 0; k < sspr_entry_related_count(e) && k < MAX_RESULTS; k++)
        rel.v[rel.n++] = sspr_entry_related(e, k);
    for (size_t k = 0; k < sizeof want / sizeof *want; k++)
        cr_assert_geq(position(&rel, want[k]), 0, "%s is not related", want[k]);
    cr_assert_gt(sspr_entry_procedure_count(e), 0);
    cr_assert_str_eq(sspr_entry_id(sspr_entry_procedure(e, 0)), "proc-restart-sync-service");
}

Test(audit, search_ranks_a_quoted_reason_first_and_a_ticket_symptom_first)
{
    sspr_hit h[4];
    cr_assert_gt(sspr_search("We could not reach your on-premises password reset service. Check "
                             "your sync machine's event log",
                             h, 4),
                 0);
    cr_assert_str_eq(sspr_entry_id(h[0].entry), "audit-reason-onprem-unreachable");
    /* a ticket in the reasons' words asks for the symptom */
    cr_assert_gt(sspr_search("user says the verification text never shows up on her phone", h, 4),
                 0);
    cr_assert_str_eq(sspr_entry_id(h[0].entry), "reset-no-sms-or-call");
}
