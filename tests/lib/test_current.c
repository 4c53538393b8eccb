/* Catalogue 1.1: the codes, names and values of the current (2024-2025)
 * documentation. Every code and name listed in shared/facts/current-docs.md is
 * found by lookup; changed values are new facts that supersede the 2017 ones;
 * and exactly the entries added from the current documentation say so. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The entries added from the current documentation (catalog/current-*.json). */
static const char *const current_ids[] = {
    "prs-31019",
    "prs-31034",
    "prs-31044",
    "adsync-6329-ldap-policy-control",
    "sspr-0009",
    "sspr-0010",
    "sspr-0011",
    "sspr-0012",
    "sspr-0013",
    "sspr-0014",
    "sspr-0029",
    "sspr-0030",
    "sspr-onprem-success-cloud-failure",
    "reg-combined-disabled-method-shown",
    "reset-dialog-slow-computer",
    "reset-email-sign-in-error",
    "reset-onprem-policy-violation",
    "reset-fuzzy-policy",
    /* 1.2 (issue 15) */
    "adsync-hr-8023062c",
    "adsync-6306",
    "security-4724",
    "sspr-009",
    "wb-sam-remote-calls-restricted",
    "wb-setup-license-error",
    "reset-could-not-verify-account",
    "signin-servers-catch-up",
    "admin-reset-onprem-policy",
    "admin-m365-reset-not-written-back",
    "wb-cloud-sync-permissions",
    "proc-confirm-connectivity",
    "proc-check-tls12",
    "proc-check-dotnet",
    "proc-verify-reset-permission",
    "proc-set-writeback-permissions",
    "proc-writeback-general-method",
    "writeback-recovery-current",
    /* 1.3 (issue 17): audit-log strings of the current documentation */
    "audit-activity-info-saved",
    "audit-activity-policy-changes",
    "audit-activity-enable-writeback",
    "audit-activity-disable-writeback",
    "audit-activity-admin-started-reset",
    "audit-activity-user-started-change",
    "audit-activity-user-started-reset",
    "audit-reason-permission-failure",
    "audit-detail-onpremisesagent",
};

static const struct {
    unsigned code;
    const char *id, *name, *alias;
} sspr_codes[] = {
    {9, "sspr-0009", "TenantSSPRFlagDisabled", "SSPR_0009"},
    {10, "sspr-0010", "WritebackNotEnabled", "SSPR_0010"},
    {11, "sspr-0011", "SsprNotEnabledInUserPolicy", "SSPR_0011"},
    {12, "sspr-0012", "UserNotLicensed", "SSPR_0012"},
    {13, "sspr-0013", "UserNotMemberOfScopedAccessGroup", "SSPR_0013"},
    {14, "sspr-0014", "UserNotProperlyConfigured", "SSPR_0014"},
    {29, "sspr-0029", "OnPremisesAdminActionRequired", "SSPR_0029"},
    {30, "sspr-0030", "OnPremisesConnectivityError", "SSPR_0030"},
};

static const sspr_entry *entry(const char *id)
{
    const sspr_entry *e = sspr_by_id(id);
    cr_assert_not_null(e, "no entry %s", id);
    return e;
}

static void assert_finds(const char *query, const char *id)
{
    results r = lookup(query);
    char buf[1024];
    cr_assert(position(&r, id) >= 0, "lookup(\"%s\") should find %s, got [%s]", query, id,
              ids_of(&r, buf, sizeof buf));
}

static int has_string(size_t n, const char *(*get)(const sspr_entry *, size_t), const sspr_entry *e,
                      const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(get(e, i), s) == 0)
            return 1;
    return 0;
}

/* ---- every code and name of the facts file is found ------------------------ */

Test(current, user_facing_sspr_codes_in_every_written_form)
{
    for (size_t i = 0; i < sizeof sspr_codes / sizeof *sspr_codes; i++) {
        char q[64];
        unsigned c = sspr_codes[i].code;
        const char *id = sspr_codes[i].id;
        assert_first(sspr_codes[i].alias, id); /* SSPR_0029 */
        snprintf(q, sizeof q, "SSPR%04u", c);  /* SSPR0029 */
        assert_first(q, id);
        snprintf(q, sizeof q, "sspr_%04u", c); /* any case */
        assert_first(q, id);
        snprintf(q, sizeof q, "SSPR %u", c); /* what --source sspr builds */
        assert_first(q, id);
        snprintf(q, sizeof q, "SSPR:%u", c);
        assert_first(q, id);
        assert_first(sspr_codes[i].name, id); /* OnPremisesAdminActionRequired */
        const sspr_entry *e = entry(id);
        cr_assert_eq(sspr_by_name(sspr_codes[i].alias), e);
        cr_assert_eq(sspr_by_name(sspr_codes[i].name), e);
        results r = by_code("SSPR", c);
        cr_assert(r.n > 0 && r.v[0] == e, "sspr_by_code(\"SSPR\", %u)", c);
        cr_assert_str_eq(sspr_entry_source(e), "SSPR");
        cr_assert_eq(sspr_entry_code(e), (int64_t)c);
        cr_assert_str_eq(sspr_entry_name(e), sspr_codes[i].name);
        cr_assert(has_string(sspr_entry_alias_count(e), sspr_entry_alias, e, sspr_codes[i].alias));
    }
}

Test(current, sspr_0029_messages_and_the_sam_policy_symptom)
{
    const sspr_entry *e = entry("sspr-0029");
    /* the two messages of 1.1, then the wordings with the code (1.2) */
    cr_assert_eq(sspr_entry_message_count(e), 4);
    cr_assert_str_eq(sspr_entry_message(e, 0), "We are unable to reset your password due to an "
                                               "error in your on-premises configuration");
    cr_assert_str_eq(sspr_entry_message(e, 1), "Your organization hasn't properly set up the "
                                               "on-premises configuration for password reset");
    for (size_t i = 0; i < 2; i++)
        assert_first(sspr_entry_message(e, i), "sspr-0029");
    /* the writeback symptom behind SSPR_0029 comes right after it */
    results r = lookup("SSPR_0029");
    cr_assert_eq(position(&r, "wb-ma-access-denied"), 1);
    /* the 2017 article paraphrases this error: it is no literal message (1.2) */
    cr_assert_eq(lookup("Management agent was denied access").n, 0);
    const sspr_fact *f =
        sspr_entry_fact_by_key(entry("wb-ma-access-denied"), "sam_remote_calls_policy");
    cr_assert_not_null(f);
    cr_assert_str_eq(sspr_fact_string(f),
                     "Network access: Restrict clients allowed to make remote calls to SAM");
    cr_assert_str_eq(sspr_fact_origin(f), "current");
}

Test(current, on_premises_success_cloud_failure_has_no_number)
{
    const sspr_entry *e = entry("sspr-onprem-success-cloud-failure");
    assert_first("OnPremisesSuccessCloudFailure", "sspr-onprem-success-cloud-failure");
    cr_assert_eq(sspr_entry_kind(e), SSPR_KIND_SYMPTOM);
    cr_assert_null(sspr_entry_source(e));
    cr_assert_eq(sspr_entry_code(e), -1);
}

Test(current, new_passwordresetservice_events)
{
    static const struct {
        unsigned code;
        const char *id, *name;
        sspr_severity severity;
    } events[] = {
        {31019, "prs-31019", "ServiceBusHeartBeat", SSPR_SEVERITY_INFO},
        {31034, "prs-31034", "ServiceBusListenerError", SSPR_SEVERITY_ERROR},
        {31044, "prs-31044", "PasswordResetService", SSPR_SEVERITY_ERROR},
    };
    for (size_t i = 0; i < sizeof events / sizeof *events; i++) {
        char q[64];
        snprintf(q, sizeof q, "%u", events[i].code);
        assert_first(q, events[i].id);
        snprintf(q, sizeof q, "PasswordResetService %u", events[i].code);
        assert_first(q, events[i].id);
        snprintf(q, sizeof q, "Event ID %u", events[i].code);
        assert_first(q, events[i].id);
        assert_first(events[i].name, events[i].id);
        const sspr_entry *e = entry(events[i].id);
        cr_assert_eq(sspr_entry_kind(e), SSPR_KIND_EVENT);
        cr_assert_str_eq(sspr_entry_source(e), "PasswordResetService");
        cr_assert_str_eq(sspr_entry_name(e), events[i].name);
        cr_assert_eq(sspr_entry_severity(e), events[i].severity);
    }
    /* the certificate message, whole or inside a pasted event text */
    assert_first("The remote certificate is invalid", "prs-31034");
    assert_finds("ServiceBusListenerError: could not connect. The remote certificate is invalid "
                 "according to the validation procedure.",
                 "prs-31034");
}

Test(current, adsync_6329_without_hresult)
{
    static const char msg[] =
        "MMS(3040): admaexport.cpp(2837): The server doesn't contain the LDAP password policy "
        "control.";
    const sspr_entry *e = entry("adsync-6329-ldap-policy-control");
    cr_assert_str_eq(sspr_entry_source(e), "ADSync");
    cr_assert_eq(sspr_entry_code(e), 6329);
    cr_assert_eq(sspr_entry_hresult_count(e), 0, "distinct from the two 6329 HRESULT entries");
    cr_assert_str_eq(sspr_entry_message(e, 0), msg);
    assert_first(msg, "adsync-6329-ldap-policy-control");
    assert_finds("6329", "adsync-6329-ldap-policy-control");
    assert_finds("ADSync 6329", "adsync-6329-ldap-policy-control");
    results r = by_code("ADSync", 6329);
    cr_assert(position(&r, "adsync-6329-ldap-policy-control") >= 0);
    cr_assert(position(&r, "adsync-6329-80230619") >= 0);
    cr_assert(position(&r, "adsync-6329-8023061f") >= 0);
    const sspr_fact *oid = sspr_entry_fact_by_key(e, "ldap_policy_hints_oid");
    cr_assert_not_null(oid);
    cr_assert_str_eq(sspr_fact_string(oid), "1.2.840.113556.1.4.2066");
    const sspr_fact *dc = sspr_entry_fact_by_key(e, "min_dc_version");
    cr_assert_not_null(dc);
    cr_assert_str_eq(sspr_fact_string(dc), "Windows Server 2016");
    cr_assert_str_eq(sspr_fact_origin(dc), "current");
}

Test(current, newer_symptoms_by_their_literal_messages)
{
    assert_first("On-premises policy violation", "reset-onprem-policy-violation");
    assert_first("Password doesn't comply with fuzzy policy", "reset-fuzzy-policy");
    assert_first("Password doesn’t comply with fuzzy policy", "reset-fuzzy-policy"); /* ’ */
    assert_finds("Add method", "reg-combined-disabled-method-shown");
}

Test(current, the_2017_hresults_still_resolve)
{
    assert_first("0x80230619", "adsync-6329-80230619");
    assert_first("0x8023061F", "adsync-6329-8023061f");
    assert_first("0x80230402", "adsync-hr-80230402");
    assert_first("0x800700CE", "adsync-hr-800700ce");
    assert_first("HR 8023042", "adsync-hr-80230402");
}

/* ---- extra causes on existing entries --------------------------------------- */

Test(current, extra_causes_are_added_and_2017_causes_kept)
{
    static const struct {
        const char *id, *kept, *added;
    } cases[] = {
        {"adsync-6329-80230619", "Password rejected by an installed password filter",
         "Current docs: The user object has the PASSWD_CANT_CHANGE flag set"},
        {"prs-33004", "MA service account missing Reset password / Change password rights",
         "Current docs: The user's adminCount attribute is 1: the account is protected"},
        {"adsync-hr-800700ce",
         "Password of the Azure AD Connect AD connector account is longer than 127 characters",
         "Current docs: Password of the AD connector account is longer than 256 characters, the "
         "limit in the current documentation"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const sspr_entry *e = entry(cases[i].id);
        cr_assert(has_string(sspr_entry_cause_count(e), sspr_entry_cause, e, cases[i].kept),
                  "%s lost a 2017 cause", cases[i].id);
        cr_assert(has_string(sspr_entry_cause_count(e), sspr_entry_cause, e, cases[i].added),
                  "%s lacks the added cause", cases[i].id);
        cr_assert_str_eq(sspr_entry_origin(e), "2017", "an extended entry stays a 2017 entry");
    }
    const sspr_entry *e = entry("prs-33001");
    int found = 0;
    for (size_t i = 0; i < sspr_entry_cause_count(e); i++)
        found |= strstr(sspr_entry_cause(e, i), "reserved characters") != NULL;
    cr_assert(found, "prs-33001: the OU path cause");
}

/* ---- provenance --------------------------------------------------------------- */

Test(current, superseding_facts_point_at_2017_facts_of_the_same_entry)
{
    size_t n = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        for (size_t j = 0; j < sspr_entry_fact_count(e); j++) {
            const sspr_fact *f = sspr_entry_fact(e, j), *old = sspr_fact_supersedes(f);
            if (!old)
                continue;
            n++;
            cr_assert_str_eq(sspr_fact_origin(f), "current", "%s: %s", sspr_entry_id(e),
                             sspr_fact_key(f));
            cr_assert_str_eq(sspr_fact_origin(old), "2017", "%s: %s replaces %s", sspr_entry_id(e),
                             sspr_fact_key(f), sspr_fact_key(old));
            cr_assert_eq(sspr_entry_fact_by_key(e, sspr_fact_key(old)), old,
                         "%s: the replaced fact belongs to the same entry", sspr_entry_id(e));
            cr_assert_neq(f, old);
        }
    }
    cr_assert_geq(n, 9, "%zu superseding facts", n);
}

static void assert_change(const char *id, const char *new_key, const char *old_key)
{
    const sspr_entry *e = entry(id);
    const sspr_fact *f = sspr_entry_fact_by_key(e, new_key);
    cr_assert_not_null(f, "%s has no fact %s", id, new_key);
    cr_assert_not_null(sspr_fact_supersedes(f), "%s: %s supersedes nothing", id, new_key);
    cr_assert_str_eq(sspr_fact_key(sspr_fact_supersedes(f)), old_key, "%s", id);
}

static void assert_string_change(const char *id, const char *new_key, const char *old_key,
                                 const char *old_value, const char *new_value)
{
    assert_change(id, new_key, old_key);
    const sspr_entry *e = entry(id);
    cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(e, new_key)), new_value, "%s", id);
    cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(e, old_key)), old_value, "%s", id);
}

Test(current, values_that_changed_since_2017)
{
    static const char *const length_ids[] = {"adsync-hr-800700ce",
                                             "wb-connector-password-too-long"};
    for (size_t i = 0; i < 2; i++) {
        assert_change(length_ids[i], "max_connector_password_length_current",
                      "max_connector_password_length");
        const sspr_entry *e = entry(length_ids[i]);
        cr_assert_eq(sspr_fact_min(sspr_entry_fact_by_key(e, "max_connector_password_length")),
                     127);
        cr_assert_eq(
            sspr_fact_min(sspr_entry_fact_by_key(e, "max_connector_password_length_current")), 256);
    }
    static const char *const bus_ids[] = {"prs-32002", "prs-32011", "prs-32013"};
    for (size_t i = 0; i < 3; i++)
        assert_string_change(bus_ids[i], "servicebus_endpoint_current", "servicebus_endpoint",
                             "https://ssprsbprodncu-sb.accesscontrol.windows.net/",
                             "ssprdedicatedsbprodncu.servicebus.windows.net");
    assert_string_change("reset-no-sms-or-call", "phone_format_current", "phone_format",
                         "+ccc xxxyyyzzzzXeeee", "+1 4251234567");
    static const char *const role_ids[] = {"prs-32009", "prs-32011", "wb-setup-auth-token-error"};
    for (size_t i = 0; i < 3; i++)
        assert_string_change(role_ids[i], "onboarding_admin_role_current", "onboarding_admin_role",
                             "Global Administrator", "Hybrid Administrator");
}

Test(current, connectivity_facts)
{
    static const char *const ids[] = {"prs-31034", "prs-32002"};
    for (size_t i = 0; i < 2; i++) {
        const sspr_entry *e = entry(ids[i]);
        cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(e, "required_tls_version")),
                         "TLS 1.2");
        cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(e, "required_dotnet_framework")),
                         ".NET Framework 4.8");
        cr_assert_str_eq(
            sspr_fact_string(sspr_entry_fact_by_key(e, "outbound_host_password_reset")),
            "*.passwordreset.microsoftonline.com");
        cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(e, "outbound_host_servicebus")),
                         "*.servicebus.windows.net");
    }
    cr_assert_str_eq(
        sspr_fact_string(sspr_entry_fact_by_key(entry("prs-31019"), "connectivity_test_command")),
        "Test-NetConnection <namespace>.servicebus.windows.net -Port 443");
}

Test(current, exactly_the_added_entries_are_current)
{
    size_t n = sizeof current_ids / sizeof *current_ids;
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(sspr_entry_origin(entry(current_ids[i])), "current", "%s", current_ids[i]);
    size_t current = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        if (strcmp(sspr_entry_origin(e), "current") != 0)
            continue;
        current++;
        int listed = 0;
        for (size_t j = 0; j < n; j++)
            listed |= strcmp(current_ids[j], sspr_entry_id(e)) == 0;
        cr_assert(listed, "%s says it is current but is not one of the 1.1 additions",
                  sspr_entry_id(e));
        for (size_t j = 0; j < sspr_entry_fact_count(e); j++)
            cr_assert_str_eq(sspr_fact_origin(sspr_entry_fact(e, j)), "current",
                             "%s: a current entry has only current facts", sspr_entry_id(e));
    }
    cr_assert_eq(current, n);
}

Test(current, catalogue_version_is_at_least_1_1)
{
    unsigned major = 0, minor = 0;
    cr_assert_eq(sscanf(sspr_catalog_version(), "%u.%u", &major, &minor), 2);
    cr_assert(major > 1 || (major == 1 && minor >= 1), "catalogue %s", sspr_catalog_version());
}
