/* HRESULT decoding: every written form parses, the three fields split as
 * winerror.h defines them, facility and Win32 names round-trip, odd input is
 * refused, and the decoder agrees with sspr_lookup() on the catalogue's HRESULTs. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* The Win32 errors the library names, checked against the Windows SDK
 * (winerror.h MessageText, lmerr.h) independently of src/lib/hresult.c. */
static const struct {
    uint32_t code;
    const char *name, *message;
} win32[] = {
    {0, "ERROR_SUCCESS", "The operation completed successfully."},
    {5, "ERROR_ACCESS_DENIED", "Access is denied."},
    {8, "ERROR_NOT_ENOUGH_MEMORY",
     "Not enough memory resources are available to process this command."},
    {86, "ERROR_INVALID_PASSWORD", "The specified network password is not correct."},
    {206, "ERROR_FILENAME_EXCED_RANGE", "The filename or extension is too long."},
    {1317, "ERROR_NO_SUCH_USER", "The specified account does not exist."},
    {1325, "ERROR_PASSWORD_RESTRICTION", NULL},
    {1326, "ERROR_LOGON_FAILURE", "The user name or password is incorrect."},
    {1327, "ERROR_ACCOUNT_RESTRICTION", NULL},
    {1330, "ERROR_PASSWORD_EXPIRED", "The password for this account has expired."},
    {1331, "ERROR_ACCOUNT_DISABLED",
     "This user can't sign in because this account is currently disabled."},
    {1355, "ERROR_NO_SUCH_DOMAIN",
     "The specified domain either does not exist or could not be contacted."},
    {1722, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable."},
    {1909, "ERROR_ACCOUNT_LOCKED_OUT",
     "The referenced account is currently locked out and may not be logged on to."},
    {2245, "NERR_PasswordTooShort", NULL},
    {8239, "ERROR_DS_CONSTRAINT_VIOLATION", "A constraint violation occurred."},
    {8245, "ERROR_DS_UNWILLING_TO_PERFORM", "The server is unwilling to process the request."},
    {8453, "ERROR_DS_DRA_ACCESS_DENIED", "Replication access was denied."},
};

static uint32_t parse_ok(const char *text)
{
    uint32_t v = 0xDEADBEEF;
    cr_assert_eq(sspr_hresult_parse(text, &v), 1, "sspr_hresult_parse(\"%s\") refused it", text);
    return v;
}

Test(hresult, written_forms)
{
    static const struct {
        const char *text;
        uint32_t value;
    } cases[] = {
        {"0x80070005", 0x80070005u},
        {"0X80070005", 0x80070005u},
        {"80070005", 0x80070005u},
        {"800700ce", 0x800700CEu},
        {"-2147024891", 0x80070005u},
        {"-2147024690", 0x800700CEu},
        {"hr=800700CE", 0x800700CEu},
        {"HR 80230402", 0x80230402u},
        {"hr:0x80230619", 0x80230619u},
        {"HRESULT: 0x8023061F", 0x8023061Fu},
        {"hresult=-2145188327", 0x80230619u},
        {"  0x800700CE\t", 0x800700CEu},
        {"0x5", 0x5u},
        {"0x0", 0x0u},
        {"0xFFFFFFFF", 0xFFFFFFFFu},
        {"0x7FFFFFFF", 0x7FFFFFFFu},
        {"-2147483648", 0x80000000u},
        {"-1", 0xFFFFFFFFu},
        {"hr #8007052e", 0x8007052Eu},
        {"HR 8023042", 0x08023042u}, /* the 2017 misprint, read literally */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t v = parse_ok(cases[i].text);
        cr_assert_eq(v, cases[i].value, "\"%s\" -> 0x%08" PRIX32 ", expected 0x%08" PRIX32,
                     cases[i].text, v, cases[i].value);
    }
}

Test(hresult, invalid_input_is_refused_and_leaves_the_output_alone)
{
    static const char *const bad[] = {
        "",
        "   ",
        "0x",
        "0x123456789",
        "0xG0000000",
        "12345678",
        "7FFFFFFF",
        "8007000",
        "800700CE0",
        "2147942405",
        "-0",
        "-2147483649",
        "-99999999999",
        "--5",
        "- 5",
        "hr",
        "hr=",
        "hr=0x",
        "hr800700CE",
        "hresult 0x80070005 extra",
        "0x80070005.",
        "0x8007 0005",
        "event 32009",
        "32009",
        "SSPR_0029",
        "AuthTokenError",
        "0x-1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        uint32_t v = 0xDEADBEEF;
        cr_assert_eq(sspr_hresult_parse(bad[i], &v), 0, "\"%s\" should not parse", bad[i]);
        cr_assert_eq(v, 0xDEADBEEF, "\"%s\": the output was written", bad[i]);
    }
    uint32_t v = 0xDEADBEEF;
    cr_assert_eq(sspr_hresult_parse(NULL, &v), 0);
    cr_assert_eq(v, 0xDEADBEEF);
    cr_assert_eq(sspr_hresult_parse("0x800700CE", NULL), 1, "a NULL output is allowed");
}

Test(hresult, fields_at_the_edges)
{
    static const struct {
        uint32_t hr;
        unsigned severity, facility, code;
    } cases[] = {
        {0x00000000u, 0, 0, 0},
        {0x7FFFFFFFu, 0, 0x1FFF, 0xFFFF},
        {0x80000000u, 1, 0, 0},
        {0xFFFFFFFFu, 1, 0x1FFF, 0xFFFF},
        {0x00010000u, 0, 1, 0},
        {0x0000FFFFu, 0, 0, 0xFFFF},
        {0x800700CEu, 1, 7, 206},
        {0x80070005u, 1, 7, 5},
        /* the HRESULTs of the 2017 article */
        {0x80230619u, 1, 35, 1561},
        {0x8023061Fu, 1, 35, 1567},
        {0x80230402u, 1, 35, 1026},
        {0x08023042u, 0, 0x802, 0x3042},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t hr = cases[i].hr;
        cr_assert_eq(sspr_hresult_severity(hr), cases[i].severity, "0x%08" PRIX32, hr);
        cr_assert_eq(sspr_hresult_facility(hr), cases[i].facility, "0x%08" PRIX32, hr);
        cr_assert_eq(sspr_hresult_code(hr), cases[i].code, "0x%08" PRIX32, hr);
    }
}

Test(hresult, facility_names)
{
    cr_assert_str_eq(sspr_facility_name(7), "FACILITY_WIN32");
    cr_assert_str_eq(sspr_facility_name(35), "FACILITY_METADIRECTORY");
    cr_assert_str_eq(sspr_facility_name(0), "FACILITY_NULL");
    cr_assert_str_eq(sspr_facility_name(1), "FACILITY_RPC");
    cr_assert_str_eq(sspr_facility_name(4), "FACILITY_ITF");
    cr_assert_str_eq(sspr_facility_name(8), "FACILITY_WINDOWS");
    cr_assert_str_eq(sspr_facility_name(9), "FACILITY_SSPI");
    cr_assert_str_eq(sspr_facility_name(11), "FACILITY_CERT");
    cr_assert_str_eq(sspr_facility_name(17), "FACILITY_COMPLUS");
    cr_assert_str_eq(sspr_facility_name(37), "FACILITY_DIRECTORYSERVICE");
    cr_assert_null(sspr_facility_name(5));
    cr_assert_null(sspr_facility_name(6));
    cr_assert_null(sspr_facility_name(0x1FFF));
    cr_assert_null(sspr_facility_name(0xFFFFFFFFu));
    /* every name is a FACILITY_ identifier, and no name serves two values */
    for (unsigned f = 0; f <= 0x1FFF; f++) {
        const char *name = sspr_facility_name(f);
        if (!name)
            continue;
        cr_assert_eq(strncmp(name, "FACILITY_", 9), 0, "facility %u: %s", f, name);
        for (unsigned g = 0; g < f; g++)
            cr_assert(!sspr_facility_name(g) || strcmp(sspr_facility_name(g), name) != 0,
                      "%s names both %u and %u", name, g, f);
    }
}

Test(hresult, win32_rows_round_trip)
{
    for (size_t i = 0; i < sizeof win32 / sizeof *win32; i++) {
        uint32_t code = win32[i].code;
        cr_assert_str_eq(sspr_win32_error_name(code), win32[i].name, "code %" PRIu32, code);
        const char *msg = sspr_win32_error_message(code);
        cr_assert_not_null(msg, "code %" PRIu32, code);
        if (win32[i].message)
            cr_assert_str_eq(msg, win32[i].message, "code %" PRIu32, code);
        cr_assert_eq(msg[strlen(msg) - 1], '.', "%s: message does not end a sentence", msg);
        if (code == 0)
            continue; /* HRESULT_FROM_WIN32(ERROR_SUCCESS) is S_OK, not facility 7 */
        uint32_t hr = sspr_hresult_from_win32(code);
        cr_assert_eq(hr, 0x80070000u | code, "code %" PRIu32, code);
        cr_assert_eq(sspr_hresult_severity(hr), 1);
        cr_assert_eq(sspr_hresult_facility(hr), 7);
        cr_assert_eq(sspr_hresult_code(hr), code);
        char text[32];
        snprintf(text, sizeof text, "0x%08" PRIX32, hr);
        cr_assert_eq(parse_ok(text), hr);
        snprintf(text, sizeof text, "%08" PRIx32, hr);
        cr_assert_eq(parse_ok(text), hr);
        snprintf(text, sizeof text, "%" PRId32, (int32_t)hr);
        cr_assert_eq(parse_ok(text), hr);
    }
    cr_assert_str_eq(sspr_win32_error_message(2245),
                     "The password does not meet the password policy requirements. Check the "
                     "minimum password length, password complexity and password history "
                     "requirements.");
}

Test(hresult, unknown_win32_codes)
{
    static const uint32_t unknown[] = {1, 3, 4, 9999, 65535, 65536, 0x800700CEu, 0xFFFFFFFFu};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        cr_assert_null(sspr_win32_error_name(unknown[i]), "%" PRIu32, unknown[i]);
        cr_assert_null(sspr_win32_error_message(unknown[i]), "%" PRIu32, unknown[i]);
    }
}

Test(hresult, hresult_from_win32_rule)
{
    cr_assert_eq(sspr_hresult_from_win32(0), 0u, "ERROR_SUCCESS stays S_OK");
    cr_assert_eq(sspr_hresult_from_win32(5), 0x80070005u);
    cr_assert_eq(sspr_hresult_from_win32(206), 0x800700CEu);
    cr_assert_eq(sspr_hresult_from_win32(2245), 0x800708C5u);
    cr_assert_eq(sspr_hresult_from_win32(0x12345u), 0x80072345u, "only the low 16 bits");
    cr_assert_eq(sspr_hresult_from_win32(0x80230619u), 0x80230619u, "already an HRESULT");
    cr_assert_eq(sspr_hresult_from_win32(0xFFFFFFFFu), 0xFFFFFFFFu);
}

Test(hresult, every_bit_pattern_round_trips_through_the_written_forms)
{
    for (int bit = -1; bit < 32; bit++) {
        for (int invert = 0; invert < 2; invert++) {
            uint32_t hr = bit < 0 ? 0u : 1u << bit;
            if (invert)
                hr = ~hr;
            char text[32];
            snprintf(text, sizeof text, "0x%08" PRIX32, hr);
            cr_assert_eq(parse_ok(text), hr, "%s", text);
            snprintf(text, sizeof text, "hr=%" PRIX32, hr);
            cr_assert_eq(parse_ok(text), hr, "%s", text);
            if (hr & 0x80000000u) {
                snprintf(text, sizeof text, "%08" PRIX32, hr);
                cr_assert_eq(parse_ok(text), hr, "%s", text);
                snprintf(text, sizeof text, "%" PRId32, (int32_t)hr);
                cr_assert_eq(parse_ok(text), hr, "%s", text);
            }
            cr_assert_eq((uint32_t)sspr_hresult_severity(hr) << 31 |
                             (uint32_t)sspr_hresult_facility(hr) << 16 | sspr_hresult_code(hr),
                         hr & ~0x60000000u, "fields of 0x%08" PRIX32, hr);
        }
    }
}

/* Whatever the decoder accepts for a catalogue HRESULT, lookup finds the entry. */
Test(hresult, agrees_with_lookup_on_every_catalogue_hresult)
{
    size_t seen = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        for (size_t h = 0; h < sspr_entry_hresult_count(e); h++) {
            uint32_t hr = sspr_entry_hresult(e, h);
            char forms[4][32];
            snprintf(forms[0], sizeof forms[0], "0x%08" PRIX32, hr);
            snprintf(forms[1], sizeof forms[1], "%08" PRIx32, hr);
            snprintf(forms[2], sizeof forms[2], "hr=%08" PRIX32, hr);
            snprintf(forms[3], sizeof forms[3], "%" PRId32, (int32_t)hr);
            for (int f = 0; f < 4; f++) {
                cr_assert_eq(parse_ok(forms[f]), hr, "%s", forms[f]);
                results r = lookup(forms[f]);
                cr_assert(has_entry(&r, e), "lookup(\"%s\") misses %s", forms[f], sspr_entry_id(e));
            }
            seen++;
        }
    }
    cr_assert_geq(seen, 4, "the catalogue has the 2017 article's four HRESULTs");
}

Test(hresult, the_hr_8023042_misprint)
{
    /* read literally it is a success code of another facility ... */
    uint32_t hr = parse_ok("HR 8023042");
    cr_assert_eq(sspr_hresult_severity(hr), 0);
    cr_assert_neq(sspr_hresult_facility(hr), 35);
    /* ... while lookup and the alias lead to the entry the article meant */
    assert_first("HR 8023042", "adsync-hr-80230402");
    cr_assert_eq(sspr_by_name("HR 8023042"), sspr_by_id("adsync-hr-80230402"));
    cr_assert_eq(sspr_entry_hresult(sspr_by_id("adsync-hr-80230402"), 0), 0x80230402u);
}
