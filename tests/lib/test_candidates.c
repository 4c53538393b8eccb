/* Catalogue 1.2 (issue 15): every candidate of the current documentation that
 * the catalogue added is found by lookup, first, by its code, its name and each
 * literal message; wording variants of older literals reach their old entry. */
#include "helpers.h"

#include <criterion/criterion.h>

static void first(const char *query, const char *id)
{
    results r = lookup(query);
    cr_assert_gt(r.n, 0, "lookup('%s') finds nothing, expected %s", query, id);
    cr_assert_str_eq(sspr_entry_id(r.v[0]), id, "lookup('%s'): %s first, expected %s", query,
                     sspr_entry_id(r.v[0]), id);
}

Test(candidates, hresult_8023062c)
{
    first("0x8023062C", "adsync-hr-8023062c");
    first("8023062C", "adsync-hr-8023062c");
    first("hr=8023062C", "adsync-hr-8023062c");
    first("8023062C (0x8023062c)", "adsync-hr-8023062c");
    first("The password could not be set because the server is not configured for insecure "
          "setting of passwords, or a 128 bit TLS or SSL connection is required.",
          "adsync-hr-8023062c");
}

Test(candidates, adsync_6306)
{
    first("6306", "adsync-6306");
    first("ADSync 6306", "adsync-6306");
    first("Event ID 6306", "adsync-6306");
    first("adsync-6306", "adsync-6306");
    first("The server encountered an unexpected error while performing an operation for the "
          "client.",
          "adsync-6306");
}

Test(candidates, sspr_009_is_not_sspr_0009)
{
    first("SSPR_009", "sspr-009");
    first("sspr-009", "sspr-009");
    first("SSPR_009: Your organization hasn't turned on password reset.", "sspr-009");
    first("You can't reset your own password because password reset isn't turned on for your "
          "organization.",
          "sspr-009");
    first("SSPR_0009", "sspr-0009");
    const sspr_entry *e = sspr_by_name("SSPR_009");
    cr_assert_not_null(e);
    cr_assert_str_eq(sspr_entry_id(e), "sspr-009");
    cr_assert_not_null(sspr_entry_fact_by_key(e, "authorization_policy_setting"));
    cr_assert_str_eq(sspr_fact_string(sspr_entry_fact_by_key(e, "authorization_policy_setting")),
                     "allowedToUseSSPR");
}

Test(candidates, security_4724)
{
    first("4724", "security-4724");
    first("Event ID 4724", "security-4724");
    first("Microsoft-Windows-Security-Auditing 4724", "security-4724");
    first("An attempt was made to reset an account's password.", "security-4724");
    cr_assert_str_eq(sspr_entry_source(sspr_by_id("security-4724")),
                     "Microsoft-Windows-Security-Auditing");
}

Test(candidates, messages_without_a_code)
{
    first("We could not verify your account.", "reset-could-not-verify-account");
    first("Unable to configure password writeback. Ensure you have the required license.",
          "wb-setup-license-error");
    first("Unfortunately, you cannot reset this user's password because your on-premises policy "
          "does not allow it.",
          "admin-reset-onprem-policy");
    first("Your password was successfully updated, but our servers take a little time to catch "
          "up. Please try signing in again in a few minutes.",
          "signin-servers-catch-up");
    first("We've reset your password successfully, but you have to wait a few minutes before the "
          "changes are committed to the cloud.",
          "sspr-onprem-success-cloud-failure");
    first("ERR_: MMS(5716): admaexport.cpp(2944): Failed to acquire user information: "
          "Contoso\\MSOL_0123abcd. Error Code: ERROR_ACCESS_DENIED",
          "wb-sam-remote-calls-restricted");
}

Test(candidates, log_literals_of_existing_codes)
{
    first("The password management extension encountered an error.", "adsync-6800");
    first("Couldn't connect to any service bus endpoint(s)", "prs-32001");
    first("Password writeback service is not in a healthy state.", "prs-31044");
}

Test(candidates, wording_variants)
{
    first("MMS(3040): admaexport.cpp(2837): The server does not contain the LDAP password policy "
          "control.",
          "adsync-6329-ldap-policy-control");
    first("The operation failed because password synchronization isn't enabled on this "
          "Management Agent",
          "adsync-6329-8023061f");
    first("Error Connecting to ServiceBus. The token provider was unable to provide a security "
          "token.",
          "prs-32002");
    first("Error getting auth token.", "prs-32009"); /* V4: matched by the key folding */
    first("BAIL: MMS(4924) 0x80230619: \"A restriction prevents the password from being changed "
          "to the current one specified.\"",
          "adsync-6329-80230619");
    first("SSPR_0029: We're unable to reset your password due to an error in your on-premises "
          "configuration.",
          "sspr-0029");
}

Test(candidates, technical_texts_of_the_sspr_codes)
{
    static const char *const texts[][2] = {
        {"SSPR_0009: We've detected that password reset hasn't been enabled by your "
         "administrator.",
         "sspr-0009"},
        {"SSPR_0010: We've detected that password writeback hasn't been enabled.", "sspr-0010"},
        {"SSPR_0011: Your organization hasn't defined a password reset policy.", "sspr-0011"},
        {"SSPR_0012: Your organization doesn't have the required licenses necessary to perform "
         "password reset.",
         "sspr-0012"},
        {"SSPR_0013: You aren't a member of a group enabled for password reset.", "sspr-0013"},
        {"SSPR_0014: Additional security info is needed to reset your password.", "sspr-0014"},
        {"SSPR_0030: We can't reset your password due to a poor connection with your on-premises "
         "environment.",
         "sspr-0030"},
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        first(texts[i][0], texts[i][1]);
}

Test(candidates, every_current_entry_names_its_page)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        if (strcmp(sspr_entry_origin(e), "current") != 0)
            continue;
        cr_assert_gt(sspr_entry_ref_count(e), 0, "%s has no refs", sspr_entry_id(e));
        cr_assert_not_null(sspr_ref_date(sspr_entry_ref(e, 0)), "%s: ref without a date",
                           sspr_entry_id(e));
    }
}

Test(candidates, throttling_numbers_that_disagree)
{
    const sspr_entry *e = sspr_by_id("reset-throttled");
    const sspr_fact *hour = sspr_entry_fact_by_key(e, "max_attempts_per_hour_troubleshooting_page");
    const sspr_fact *day = sspr_entry_fact_by_key(e, "max_attempts_per_24_hours_reporting_page");
    cr_assert_not_null(hour);
    cr_assert_not_null(day);
    cr_assert_str_neq(sspr_fact_url(hour), sspr_fact_url(day));
    cr_assert_not_null(strstr(sspr_entry_summary(e), "disagree"));
}
