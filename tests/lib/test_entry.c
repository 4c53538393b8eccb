/* Accessors at their boundaries: a NULL entry or fact, and an index one past
 * the end, give NULL / 0 / -1 and never crash. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <string.h>

Test(entry, null_entry)
{
    const sspr_entry *e = NULL;
    cr_assert_null(sspr_entry_id(e));
    cr_assert_eq(sspr_entry_kind(e), SSPR_KIND_NONE);
    cr_assert_null(sspr_entry_source(e));
    cr_assert_eq(sspr_entry_code(e), -1);
    cr_assert_null(sspr_entry_name(e));
    cr_assert_null(sspr_entry_title(e));
    cr_assert_null(sspr_entry_summary(e));
    cr_assert_eq(sspr_entry_severity(e), SSPR_SEVERITY_NONE);
    cr_assert_null(sspr_entry_area(e));
    cr_assert_null(sspr_entry_section(e));
    cr_assert_null(sspr_entry_origin(e));
    cr_assert_eq(sspr_entry_order(e), 0);
    cr_assert_eq(sspr_entry_alias_count(e), 0);
    cr_assert_null(sspr_entry_alias(e, 0));
    cr_assert_eq(sspr_entry_hresult_count(e), 0);
    cr_assert_eq(sspr_entry_hresult(e, 0), 0);
    cr_assert_eq(sspr_entry_message_count(e), 0);
    cr_assert_null(sspr_entry_message(e, 0));
    cr_assert_eq(sspr_entry_cause_count(e), 0);
    cr_assert_null(sspr_entry_cause(e, 0));
    cr_assert_eq(sspr_entry_step_count(e), 0);
    cr_assert_null(sspr_entry_step(e, 0));
    cr_assert_eq(sspr_entry_procedure_count(e), 0);
    cr_assert_null(sspr_entry_procedure(e, 0));
    cr_assert_eq(sspr_entry_related_count(e), 0);
    cr_assert_null(sspr_entry_related(e, 0));
    cr_assert_eq(sspr_entry_mention_count(e), 0);
    cr_assert_eq(sspr_entry_mention(e, 0, NULL, NULL, NULL), 0);
    cr_assert_eq(sspr_entry_fact_count(e), 0);
    cr_assert_null(sspr_entry_fact(e, 0));
    cr_assert_null(sspr_entry_fact_by_key(e, "x"));
}

Test(entry, null_fact)
{
    const sspr_fact *f = NULL;
    cr_assert_null(sspr_fact_key(f));
    cr_assert_null(sspr_fact_text(f));
    cr_assert_null(sspr_fact_unit(f));
    cr_assert_eq(sspr_fact_is_number(f), 0);
    cr_assert_eq(sspr_fact_min(f), 0.0);
    cr_assert_eq(sspr_fact_max(f), 0.0);
    cr_assert_null(sspr_fact_string(f));
    cr_assert_null(sspr_fact_origin(f));
    cr_assert_null(sspr_fact_supersedes(f));
}

Test(entry, null_and_empty_keys)
{
    cr_assert_null(sspr_by_id(NULL));
    cr_assert_null(sspr_by_id(""));
    cr_assert_null(sspr_by_id("   "));
    cr_assert_null(sspr_by_id("no-such-entry"));
    cr_assert_null(sspr_by_name(NULL));
    cr_assert_null(sspr_by_name(""));
    cr_assert_null(sspr_by_name("   "));
    cr_assert_null(sspr_by_name("NoSuchError"));
    cr_assert_eq(sspr_by_code("", 32009, NULL, 0), 0, "an empty source is no source");
    cr_assert_eq(sspr_by_hresult(0, NULL, 0), 0);
    cr_assert_eq(sspr_by_hresult(0xFFFFFFFFu, NULL, 0), 0);
}

/* Every counted list of every entry: index count is out of range. */
Test(entry, one_past_the_end_of_every_list)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *id = sspr_entry_id(e);
        size_t big = (size_t)-1;
        cr_assert_null(sspr_entry_alias(e, sspr_entry_alias_count(e)), "%s alias", id);
        cr_assert_null(sspr_entry_alias(e, big), "%s alias", id);
        cr_assert_eq(sspr_entry_hresult(e, sspr_entry_hresult_count(e)), 0, "%s hresult", id);
        cr_assert_eq(sspr_entry_hresult(e, big), 0, "%s hresult", id);
        cr_assert_null(sspr_entry_message(e, sspr_entry_message_count(e)), "%s message", id);
        cr_assert_null(sspr_entry_message(e, big), "%s message", id);
        cr_assert_null(sspr_entry_cause(e, sspr_entry_cause_count(e)), "%s cause", id);
        cr_assert_null(sspr_entry_cause(e, big), "%s cause", id);
        cr_assert_null(sspr_entry_step(e, sspr_entry_step_count(e)), "%s step", id);
        cr_assert_null(sspr_entry_step(e, big), "%s step", id);
        cr_assert_null(sspr_entry_procedure(e, sspr_entry_procedure_count(e)), "%s proc", id);
        cr_assert_null(sspr_entry_procedure(e, big), "%s proc", id);
        cr_assert_null(sspr_entry_related(e, sspr_entry_related_count(e)), "%s related", id);
        cr_assert_null(sspr_entry_related(e, big), "%s related", id);
        cr_assert_null(sspr_entry_fact(e, sspr_entry_fact_count(e)), "%s fact", id);
        cr_assert_null(sspr_entry_fact(e, big), "%s fact", id);

        const char *src = "untouched";
        int64_t code = -7;
        uint32_t hr = 7;
        cr_assert_eq(sspr_entry_mention(e, sspr_entry_mention_count(e), &src, &code, &hr), 0);
        cr_assert_eq(sspr_entry_mention(e, big, &src, &code, &hr), 0);
        cr_assert_str_eq(src, "untouched", "%s: out-of-range mention wrote its output", id);
        cr_assert_eq(code, -7);
        cr_assert_eq(hr, 7);
        /* in range, every out-parameter may be NULL */
        for (size_t m = 0; m < sspr_entry_mention_count(e); m++)
            cr_assert_eq(sspr_entry_mention(e, m, NULL, NULL, NULL), 1);
        /* every item in range is there */
        for (size_t k = 0; k < sspr_entry_step_count(e); k++)
            cr_assert_not_null(sspr_entry_step(e, k), "%s step %zu", id, k);
        for (size_t k = 0; k < sspr_entry_cause_count(e); k++)
            cr_assert_not_null(sspr_entry_cause(e, k), "%s cause %zu", id, k);
    }
}

Test(entry, kind_and_severity_names)
{
    cr_assert_str_eq(sspr_kind_name(SSPR_KIND_EVENT), "event");
    cr_assert_str_eq(sspr_kind_name(SSPR_KIND_SYMPTOM), "symptom");
    cr_assert_str_eq(sspr_kind_name(SSPR_KIND_PROCEDURE), "procedure");
    cr_assert_str_eq(sspr_kind_name(SSPR_KIND_CHECKLIST), "checklist");
    cr_assert_str_eq(sspr_kind_name(SSPR_KIND_AUDIT), "audit");
    cr_assert_null(sspr_kind_name(SSPR_KIND_NONE));
    cr_assert_null(sspr_kind_name((sspr_kind)6));
    cr_assert_null(sspr_kind_name((sspr_kind)-1));
    cr_assert_null(sspr_kind_name((sspr_kind)1000));

    cr_assert_str_eq(sspr_severity_name(SSPR_SEVERITY_INFO), "info");
    cr_assert_str_eq(sspr_severity_name(SSPR_SEVERITY_WARNING), "warning");
    cr_assert_str_eq(sspr_severity_name(SSPR_SEVERITY_ERROR), "error");
    cr_assert_null(sspr_severity_name(SSPR_SEVERITY_NONE));
    cr_assert_null(sspr_severity_name((sspr_severity)4));
    cr_assert_null(sspr_severity_name((sspr_severity)-1));
}

Test(entry, enum_values_never_change)
{
    /* the ABI promise of the header */
    cr_assert_eq(SSPR_KIND_NONE, 0);
    cr_assert_eq(SSPR_KIND_EVENT, 1);
    cr_assert_eq(SSPR_KIND_SYMPTOM, 2);
    cr_assert_eq(SSPR_KIND_PROCEDURE, 3);
    cr_assert_eq(SSPR_KIND_CHECKLIST, 4);
    cr_assert_eq(SSPR_KIND_AUDIT, 5);
    cr_assert_eq(SSPR_SEVERITY_NONE, 0);
    cr_assert_eq(SSPR_SEVERITY_INFO, 1);
    cr_assert_eq(SSPR_SEVERITY_WARNING, 2);
    cr_assert_eq(SSPR_SEVERITY_ERROR, 3);
}

Test(entry, a_known_entry_reads_back)
{
    const sspr_entry *e = sspr_by_id("prs-32009");
    cr_assert_not_null(e);
    cr_assert_eq(sspr_entry_kind(e), SSPR_KIND_EVENT);
    cr_assert_str_eq(sspr_entry_source(e), "PasswordResetService");
    cr_assert_eq(sspr_entry_code(e), 32009);
    cr_assert_str_eq(sspr_entry_name(e), "AuthTokenError");
    cr_assert_eq(sspr_entry_severity(e), SSPR_SEVERITY_ERROR);
    cr_assert_str_eq(sspr_entry_area(e), "writeback");
    cr_assert_eq(sspr_entry_order(e), 0);
    cr_assert_eq(sspr_entry_hresult_count(e), 0);

    e = sspr_by_id("adsync-6329-8023061f");
    cr_assert_not_null(e);
    cr_assert_str_eq(sspr_entry_source(e), "ADSync");
    cr_assert_eq(sspr_entry_code(e), 6329);
    cr_assert_null(sspr_entry_name(e));
    cr_assert_eq(sspr_entry_hresult_count(e), 1);
    cr_assert_eq(sspr_entry_hresult(e, 0), 0x8023061Fu);

    e = sspr_by_id("adsync-hr-800700ce");
    cr_assert_not_null(e);
    cr_assert_eq(sspr_entry_code(e), -1, "an HRESULT-only event has no code");
    cr_assert_eq(sspr_entry_hresult(e, 0), 0x800700CEu);

    e = sspr_by_id("wb-service-start-6800");
    cr_assert_not_null(e);
    cr_assert_eq(sspr_entry_kind(e), SSPR_KIND_SYMPTOM);
    cr_assert_null(sspr_entry_source(e));
    cr_assert_eq(sspr_entry_code(e), -1);
}
