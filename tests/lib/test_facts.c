/* Structured facts: the numbers and literal values the 2017 article states are
 * in the catalogue as data, attached to the right entries. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <string.h>

static const sspr_fact *fact(const char *id, const char *key)
{
    const sspr_entry *e = sspr_by_id(id);
    cr_assert_not_null(e, "no entry %s", id);
    const sspr_fact *f = sspr_entry_fact_by_key(e, key);
    cr_assert_not_null(f, "%s has no fact '%s'", id, key);
    cr_assert_str_eq(sspr_fact_key(f), key);
    cr_assert_not_null(sspr_fact_text(f), "%s: fact '%s' has no text", id, key);
    return f;
}

static void assert_number(const char *id, const char *key, double value)
{
    const sspr_fact *f = fact(id, key);
    cr_assert(sspr_fact_is_number(f), "%s: fact '%s' is not a number", id, key);
    cr_assert_eq(sspr_fact_min(f), value, "%s: %s min %g, expected %g", id, key, sspr_fact_min(f),
                 value);
    cr_assert_eq(sspr_fact_max(f), value, "%s: %s max %g, expected %g", id, key, sspr_fact_max(f),
                 value);
    cr_assert_null(sspr_fact_string(f));
}

Test(facts, reset_throttling)
{
    const sspr_entry *e = sspr_by_id("reset-throttled");
    cr_assert_not_null(e);
    size_t fives = 0;
    for (size_t i = 0; i < sspr_entry_fact_count(e); i++) {
        const sspr_fact *f = sspr_entry_fact(e, i);
        if (sspr_fact_is_number(f) && sspr_fact_min(f) == 5 && sspr_fact_max(f) == 5 &&
            strcmp(sspr_fact_origin(f), "2017") == 0)
            fives++;
    }
    cr_assert_eq(fives, 3, "reset-throttled: %zu facts of value 5 (2017), expected 3", fives);
    assert_number("reset-throttled", "lockout_wait_hours", 24);
    cr_assert_str_eq(sspr_fact_unit(fact("reset-throttled", "lockout_wait_hours")), "hours");
}

Test(facts, phone_format_is_a_literal_string)
{
    const sspr_fact *f = NULL;
    for (size_t i = 0; i < sspr_count() && !f; i++)
        f = sspr_entry_fact_by_key(sspr_at(i), "phone_format");
    cr_assert_not_null(f, "no entry has the fact phone_format");
    cr_assert_eq(sspr_fact_is_number(f), 0);
    cr_assert_str_eq(sspr_fact_string(f), "+ccc xxxyyyzzzzXeeee");
}

Test(facts, connector_password_length)
{
    assert_number("adsync-hr-800700ce", "max_connector_password_length", 127);
    cr_assert_str_eq(sspr_fact_unit(fact("adsync-hr-800700ce", "max_connector_password_length")),
                     "characters");
}

Test(facts, onboarding_ports)
{
    const sspr_fact *range = fact("prs-32011", "outbound_tcp_port_range");
    cr_assert(sspr_fact_is_number(range));
    cr_assert_eq(sspr_fact_min(range), 9350);
    cr_assert_eq(sspr_fact_max(range), 9354);
    cr_assert_null(sspr_fact_string(range));
    /* 443 too, as a single number */
    const sspr_entry *e = sspr_by_id("prs-32011");
    int has_443 = 0;
    for (size_t i = 0; i < sspr_entry_fact_count(e); i++) {
        const sspr_fact *f = sspr_entry_fact(e, i);
        has_443 |= sspr_fact_is_number(f) && sspr_fact_min(f) == 443 && sspr_fact_max(f) == 443;
    }
    cr_assert(has_443, "prs-32011 has no fact of value 443");
}

Test(facts, heartbeat_interval)
{
    assert_number("prs-32015", "heartbeat_interval_minutes", 5);
}

Test(facts, permission_propagation)
{
    size_t found = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_fact *f = sspr_entry_fact_by_key(sspr_at(i), "permission_propagation_max_hours");
        if (!f)
            continue;
        found++;
        cr_assert(sspr_fact_is_number(f));
        cr_assert_eq(sspr_fact_min(f), 1);
        cr_assert_eq(sspr_fact_max(f), 1);
    }
    cr_assert_gt(found, 0, "no entry has the fact permission_propagation_max_hours");
}

Test(facts, lookup_by_key_misses_cleanly)
{
    const sspr_entry *e = sspr_by_id("prs-32015");
    cr_assert_not_null(e);
    cr_assert_null(sspr_entry_fact_by_key(e, "no_such_fact"));
    cr_assert_null(sspr_entry_fact_by_key(e, ""));
    cr_assert_null(sspr_entry_fact_by_key(e, NULL));
    cr_assert_null(sspr_entry_fact_by_key(NULL, "heartbeat_interval_minutes"));
}
