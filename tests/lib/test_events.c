/* The PasswordResetService events of the 2017 troubleshooting article: every
 * documented code resolves to its own event first, with the name the article
 * prints (misspellings kept), and codes the article skips resolve to nothing. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

/* The facts of the source document ("Source of event is PasswordResetService"),
 * copied byte for byte: the catalogue must agree with them, not the reverse. */
static const struct {
    uint32_t code;
    const char *name;
} documented[] = {
    {31001, "PasswordResetStart"},
    {31002, "PasswordResetSuccess"},
    {31003, "PasswordResetFail"},
    {31004, "OnboardingEventStart"},
    {31005, "OnboardingEventSuccess"},
    {31006, "ChangePasswordStart"},
    {31007, "ChangePasswordSuccess"},
    {31008, "ChangePasswordFail"},
    {31009, "ResetUserPasswordByAdminStart"},
    {31010, "ResetUserPasswordByAdminSuccess"},
    {31011, "ResetUserPasswordByAdminFail"},
    {31012, "OffboardingEventStart"},
    {31013, "OffboardingEventSuccess"},
    {31014, "OffboardingEventFail"},
    {31015, "WriteBackServiceStarted"},
    {31016, "WriteBackServiceStopped"},
    {31017, "AuthTokenSuccess"},
    {31018, "KeyPairCreationSuccess"},
    {32000, "UnknownError"},
    {32001, "ServiceError"},
    {32002, "ServiceBusError"},
    {32003, "InPutValidationError"},
    {32004, "DecryptionError"},
    {32005, "ConfigurationError"},
    {32007, "OnBoardingConfigUpdateError"},
    {32008, "ValidationError"},
    {32009, "AuthTokenError"},
    {32010, "CryptoError"},
    {32011, "OnBoardingServiceError"},
    {32013, "OffBoardingError"},
    {32014, "ServiceBusWarning"},
    {32015, "ReportServiceHealthError"},
    {33001, "ADUnKnownError"},
    {33002, "ADUserNotFoundError"},
    {33003, "ADMutliMatchError"},
    {33004, "ADPermissionsError"},
    {33005, "ADUserAccountDisabled"},
    {33006, "ADUserAccountLockedOut"},
    {33007, "ADUserIncorrectPassword"},
    {33008, "ADPasswordPolicyError"},
    {33009, "ADConfigurationError"},
};
enum { NDOCUMENTED = sizeof documented / sizeof *documented };

static int is_documented(int64_t code)
{
    for (size_t i = 0; i < NDOCUMENTED; i++)
        if ((int64_t)documented[i].code == code)
            return 1;
    return 0;
}

static void check_event(const sspr_entry *e, size_t i)
{
    char id[32];
    snprintf(id, sizeof id, "prs-%lu", (unsigned long)documented[i].code);
    cr_assert_not_null(e, "no entry for %s", id);
    cr_assert_str_eq(sspr_entry_id(e), id);
    cr_assert_eq(sspr_entry_kind(e), SSPR_KIND_EVENT, "%s is not an event", id);
    cr_assert_str_eq(sspr_entry_source(e), "PasswordResetService", "%s: wrong source", id);
    cr_assert_eq(sspr_entry_code(e), (int64_t)documented[i].code, "%s: wrong code", id);
    cr_assert_str_eq(sspr_entry_name(e), documented[i].name, "%s: name is not byte-exact", id);
    cr_assert_str_eq(sspr_entry_origin(e), "2017", "%s: wrong origin", id);
}

Test(events, the_table_is_the_documents)
{
    cr_assert_eq(NDOCUMENTED, 41);
}

Test(events, lookup_of_each_code_starts_with_its_event)
{
    for (size_t i = 0; i < NDOCUMENTED; i++) {
        char q[16];
        snprintf(q, sizeof q, "%lu", (unsigned long)documented[i].code);
        results r = lookup(q);
        cr_assert_gt(r.n, 0, "lookup(\"%s\") found nothing", q);
        check_event(r.v[0], i);
    }
}

Test(events, by_code_starts_with_the_event_with_or_without_source)
{
    const char *sources[] = {"PasswordResetService", "passwordresetservice", NULL};
    for (size_t i = 0; i < NDOCUMENTED; i++) {
        for (size_t s = 0; s < sizeof sources / sizeof *sources; s++) {
            results r = by_code(sources[s], documented[i].code);
            cr_assert_gt(r.n, 0, "sspr_by_code(%s, %lu) found nothing",
                         sources[s] ? sources[s] : "NULL", (unsigned long)documented[i].code);
            check_event(r.v[0], i);
            /* one event per documented code: any further result is not that event */
            for (size_t k = 1; k < r.n; k++) {
                const char *src = sspr_entry_source(r.v[k]);
                cr_assert(!(src && strcmp(src, "PasswordResetService") == 0 &&
                            sspr_entry_code(r.v[k]) == (int64_t)documented[i].code),
                          "%s: a second entry is PasswordResetService %lu", sspr_entry_id(r.v[k]),
                          (unsigned long)documented[i].code);
            }
        }
    }
}

Test(events, by_id_and_by_name)
{
    for (size_t i = 0; i < NDOCUMENTED; i++) {
        char id[32];
        snprintf(id, sizeof id, "prs-%lu", (unsigned long)documented[i].code);
        const sspr_entry *e = sspr_by_id(id);
        check_event(e, i);
        cr_assert_eq(sspr_by_name(documented[i].name), e, "sspr_by_name(\"%s\")",
                     documented[i].name);
        assert_first(documented[i].name, id);
    }
}

Test(events, corrected_spellings_resolve_to_the_misspelled_entries)
{
    static const struct {
        const char *name, *id, *documented;
    } fixes[] = {
        {"ADMultiMatchError", "prs-33003", "ADMutliMatchError"},
        {"InputValidationError", "prs-32003", "InPutValidationError"},
        {"ADUnknownError", "prs-33001", "ADUnKnownError"},
    };
    for (size_t i = 0; i < sizeof fixes / sizeof *fixes; i++) {
        const sspr_entry *e = sspr_by_name(fixes[i].name);
        cr_assert_not_null(e, "sspr_by_name(\"%s\")", fixes[i].name);
        cr_assert_str_eq(sspr_entry_id(e), fixes[i].id);
        cr_assert_str_eq(sspr_entry_name(e), fixes[i].documented,
                         "the documented spelling stays the name");
        assert_first(fixes[i].name, fixes[i].id);
    }
}

Test(events, codes_the_document_skips_find_nothing)
{
    /* 32006 and 32012 are gaps in the documented ranges; the rest are never codes */
    static const uint32_t absent[] = {32006, 32012, 99999, 0, 4294967295u};
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++) {
        char q[16];
        snprintf(q, sizeof q, "%lu", (unsigned long)absent[i]);
        assert_nothing(q);
        cr_assert_eq(sspr_by_code(NULL, absent[i], NULL, 0), 0, "sspr_by_code(NULL, %s)", q);
        cr_assert_eq(sspr_by_code("PasswordResetService", absent[i], NULL, 0), 0,
                     "sspr_by_code(PasswordResetService, %s)", q);
        char id[32];
        snprintf(id, sizeof id, "prs-%s", q);
        cr_assert_null(sspr_by_id(id), "sspr_by_id(\"%s\")", id);
    }
}

Test(events, exactly_the_documented_events_have_origin_2017)
{
    size_t n = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *src = sspr_entry_source(e);
        if (sspr_entry_kind(e) != SSPR_KIND_EVENT || !src ||
            strcmp(src, "PasswordResetService") != 0 || strcmp(sspr_entry_origin(e), "2017") != 0)
            continue;
        cr_assert(is_documented(sspr_entry_code(e)),
                  "%s: a 2017 PasswordResetService event with a code the article lacks",
                  sspr_entry_id(e));
        n++;
    }
    cr_assert_eq(n, 41, "%zu PasswordResetService events of origin 2017, expected 41", n);
}
