/* sspr_lookup(): what people paste (codes, HRESULTs in every written form,
 * sources, names, quoted messages), the order of the results, odd input, and
 * the cap convention shared with sspr_by_code() and sspr_by_hresult(). */
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- ADSync events and HRESULTs ---------------------------------------- */

/* Entries that are ADSync 6329 come first (both 2017 events among them), then
 * the symptom that only mentions the code. */
static void check_6329(const results *r, const char *what)
{
    char buf[1024];
    ids_of(r, buf, sizeof buf);
    int a = position(r, "adsync-6329-80230619"), b = position(r, "adsync-6329-8023061f");
    int s = position(r, "wb-pwsync-not-enabled-6329");
    cr_assert(a >= 0 && b >= 0 && s >= 0, "%s: [%s]", what, buf);
    cr_assert(a < s && b < s, "%s: both events before the symptom: [%s]", what, buf);
    for (int i = 0; i < s; i++) {
        const char *src = sspr_entry_source(r->v[i]);
        cr_assert(src && strcmp(src, "ADSync") == 0 && sspr_entry_code(r->v[i]) == 6329,
                  "%s: %s, not an ADSync 6329 event, comes before the symptom: [%s]", what,
                  sspr_entry_id(r->v[i]), buf);
    }
}

Test(lookup, adsync_6329_is_both_events_then_the_symptom)
{
    static const char *const forms[] = {"6329",        "ADSync:6329",   "adsync 6329",
                                        "ADSync 6329", "Event ID 6329", "ADSYNC:  6329"};
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        results r = lookup(forms[f]);
        char what[64];
        snprintf(what, sizeof what, "lookup(\"%s\")", forms[f]);
        check_6329(&r, what);
    }
    results r = by_code("ADSync", 6329);
    check_6329(&r, "sspr_by_code(ADSync, 6329)");
    r = by_code(NULL, 6329);
    check_6329(&r, "sspr_by_code(NULL, 6329)");
}

Test(lookup, hresults_in_every_written_form)
{
    static const struct {
        const char *query, *first;
    } cases[] = {
        {"0x80230619", "adsync-6329-80230619"},
        {"80230619", "adsync-6329-80230619"},
        {"0X80230619", "adsync-6329-80230619"},
        {"-2145188327", "adsync-6329-80230619"}, /* signed decimal of 0x80230619 */
        {"hr=80230619", "adsync-6329-80230619"},
        {"0X8023061f", "adsync-6329-8023061f"},
        {"0x8023061F", "adsync-6329-8023061f"},
        {"8023061f", "adsync-6329-8023061f"},
        {"hr=800700CE", "adsync-hr-800700ce"},
        {"hr=800700ce", "adsync-hr-800700ce"},
        {"HR 800700CE", "adsync-hr-800700ce"},
        {"0x800700CE", "adsync-hr-800700ce"},
        {"hresult 0x800700ce", "adsync-hr-800700ce"},
        {"HRESULT: 0x800700CE", "adsync-hr-800700ce"},
        {"-2147024690", "adsync-hr-800700ce"}, /* signed decimal of 0x800700CE */
        {"hr=80230402", "adsync-hr-80230402"},
        {"HR 80230402", "adsync-hr-80230402"},
        {"HR 8023042", "adsync-hr-80230402"}, /* the article's own spelling: an alias */
        {"0x80230402", "adsync-hr-80230402"},
        {"ADSync 6329 0x8023061F", "adsync-6329-8023061f"}, /* code and HRESULT: both first */
        {"ADSync 6329 0x80230619", "adsync-6329-80230619"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_first(cases[i].query, cases[i].first);
}

Test(lookup, an_hresult_finds_the_event_then_the_symptoms_that_quote_it)
{
    results r = lookup("hr=800700CE");
    cr_assert_eq(position(&r, "adsync-hr-800700ce"), 0);
    cr_assert_gt(position(&r, "wb-connector-password-too-long"), 0);
    r = lookup("0x8023061F");
    cr_assert_eq(position(&r, "adsync-6329-8023061f"), 0);
    cr_assert_gt(position(&r, "wb-pwsync-not-enabled-6329"), 0);
    r = by_hresult(0x8023061Fu);
    cr_assert_eq(position(&r, "adsync-6329-8023061f"), 0);
    cr_assert_gt(position(&r, "wb-pwsync-not-enabled-6329"), 0);
}

/* ---- event codes and sources ------------------------------------------- */

Test(lookup, event_code_forms)
{
    static const struct {
        const char *query, *first;
    } cases[] = {
        {"32009", "prs-32009"},
        {"event 6800", "adsync-6800"},
        {"6800", "adsync-6800"},
        {"Event ID 32009", "prs-32009"},
        {"EventID: 32009", "prs-32009"},
        {"Event ID: 32009", "prs-32009"},
        {"eventid 32009", "prs-32009"},
        {"PasswordResetService 32009", "prs-32009"},
        {"PasswordResetService:32009", "prs-32009"},
        {"passwordresetservice 32009", "prs-32009"},
        {"Error 32009", "prs-32009"},
        {"(32009)", "prs-32009"},
        {"ADSync:6329", "adsync-6329-80230619"},
        {"ADSync 6800", "adsync-6800"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_first(cases[i].query, cases[i].first);
}

Test(lookup, a_code_finds_the_event_then_the_symptoms_that_mention_it)
{
    results r = lookup("event 6800");
    cr_assert_eq(position(&r, "adsync-6800"), 0);
    cr_assert_gt(position(&r, "wb-service-start-6800"), 0);
    r = lookup("32009");
    cr_assert_eq(position(&r, "prs-32009"), 0);
    cr_assert_gt(position(&r, "wb-setup-auth-token-error"), 0);
}

Test(lookup, the_source_restricts_the_code)
{
    assert_nothing("ADSync 32009");
    assert_nothing("ADSync:32009");
    assert_nothing("PasswordResetService 6329");
    assert_nothing("PasswordResetService 6800");
    cr_assert_eq(sspr_by_code("ADSync", 32009, NULL, 0), 0);
    cr_assert_eq(sspr_by_code("PasswordResetService", 6329, NULL, 0), 0);
    cr_assert_eq(sspr_by_code("NoSuchSource", 32009, NULL, 0), 0);
    /* a source excludes other sources' events but keeps its own */
    results r = lookup("ADSync 6329");
    for (size_t i = 0; i < r.n; i++) {
        const char *src = sspr_entry_source(r.v[i]);
        cr_assert(!src || strcmp(src, "ADSync") == 0, "%s has source %s", sspr_entry_id(r.v[i]),
                  src);
    }
}

/* ---- names and ids ------------------------------------------------------ */

Test(lookup, names_and_ids_in_any_case)
{
    assert_first("AuthTokenError", "prs-32009");
    assert_first("authtokenerror", "prs-32009");
    assert_first("aUtHtOkEnErRoR", "prs-32009");
    assert_first("  AuthTokenError\t", "prs-32009");
    assert_first("prs-32009", "prs-32009");
    assert_first("PRS-32009", "prs-32009");
    assert_first("ADMultiMatchError", "prs-33003");
    assert_first("ADMutliMatchError", "prs-33003");
    cr_assert_eq(sspr_by_name("HR 8023042"), sspr_by_id("adsync-hr-80230402"));
    cr_assert_eq(sspr_by_name("hr  8023042"), sspr_by_id("adsync-hr-80230402"),
                 "white space is folded");
}

/* ---- quoted messages ---------------------------------------------------- */

static void assert_finds(const char *query, const char *id)
{
    results r = lookup(query);
    char buf[1024];
    cr_assert(position(&r, id) >= 0, "lookup(\"%s\") should find %s, got [%s]", query, id,
              ids_of(&r, buf, sizeof buf));
}

Test(lookup, quoted_messages_in_every_dress)
{
    static const char *const auth[] = {
        "Error getting auth token",
        "\"Error getting auth token\"",
        "'Error getting auth token'",
        "\xE2\x80\x9C"
        "Error getting auth token"
        "\xE2\x80\x9D", /* curly quotes */
        "Error getting auth token.",
        "\"Error getting auth token.\"",
        "ERROR GETTING AUTH TOKEN",
        "  error   getting auth\ttoken  ",
        "Setup failed: Error getting auth token (see the log)",
        "The wizard said \xE2\x80\x9C"
        "Error getting auth token."
        "\xE2\x80\x9D and stopped",
    };
    for (size_t i = 0; i < sizeof auth / sizeof *auth; i++) {
        assert_finds(auth[i], "prs-32009");
        assert_finds(auth[i], "wb-setup-auth-token-error");
    }
    static const struct {
        const char *query, *id;
    } more[] = {
        {"Your administrator has not enabled you to use this feature", "reg-directory-not-enabled"},
        {"Your administrator has not enabled you to use this feature", "reg-no-license"},
        {"\xE2\x80\x9CYour administrator has not enabled you to use this feature.\xE2\x80\x9D",
         "reg-no-license"},
        {"Sorry! Your administrator has not enabled you to use this feature. Contact IT",
         "reg-directory-not-enabled"},
        {"Object could not be found", "wb-object-not-found"},
        {"object could not be found.", "wb-object-not-found"},
        {"\"OBJECT COULD NOT BE FOUND\"", "wb-object-not-found"},
        {"The reset page says \"Object could not be found\" for bob", "wb-object-not-found"},
        {"Multiple matches found", "wb-multiple-matches"},
        {"\xE2\x80\x98Multiple matches found\xE2\x80\x99", "wb-multiple-matches"},
        {"multiple matches found...", "wb-multiple-matches"},
        {"Event 33003: Multiple matches found in forest B", "wb-multiple-matches"},
    };
    for (size_t i = 0; i < sizeof more / sizeof *more; i++)
        assert_finds(more[i].query, more[i].id);
}

Test(lookup, a_pasted_event_log_line_finds_its_event_first)
{
    assert_first("BAIL: MMS(4924) 0x80230619 \xE2\x80\x93 \xE2\x80\x9C"
                 "A restriction prevents the password from being changed to the current one "
                 "specified.\xE2\x80\x9D",
                 "adsync-6329-80230619");
    assert_first("Synchronization Engine returned an error hr=800700CE, message=The filename or "
                 "extension is too long",
                 "adsync-hr-800700ce");
}

/* ---- odd input ------------------------------------------------------------ */

Test(lookup, nothing_for_null_empty_or_blank)
{
    const sspr_entry *out[4] = {NULL, NULL, NULL, NULL};
    cr_assert_eq(sspr_lookup(NULL, out, 4), 0);
    cr_assert_eq(sspr_lookup(NULL, NULL, 0), 0);
    cr_assert_eq(sspr_lookup("", out, 4), 0);
    cr_assert_eq(sspr_lookup("   ", out, 4), 0);
    cr_assert_eq(sspr_lookup(" \t\r\n ", out, 4), 0);
    cr_assert_null(out[0], "nothing stored when nothing matches");
}

Test(lookup, white_space_around_is_ignored)
{
    assert_first("  32009  ", "prs-32009");
    assert_first("\t32009\n", "prs-32009");
    assert_first(" 0x80230619 ", "adsync-6329-80230619");
    assert_first("\tprs-32009\r\n", "prs-32009");
}

Test(lookup, junk_finds_nothing)
{
    static const char *const junk[] = {
        "99999999999", /* more than 32 bits */
        "0x",
        "0x123456789", /* nine hex digits */
        "0xZZZZ",
        "-0",
        "--5",
        "-",
        "+",
        "ADSync PasswordResetService 32009", /* two sources */
        "!@#$%^&*",
        "zzzzzzzzzzzzzzzz",
        "\xFF\xFE\xFD", /* not UTF-8 */
        "4294967296",
        "-4294967296",
    };
    for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
        assert_nothing(junk[i]);
}

Test(lookup, an_overlong_query_is_handled)
{
    enum { SIZE = 100 * 1024 };
    char *q = malloc(SIZE + 1);
    cr_assert_not_null(q);
    memset(q, 'a', SIZE);
    q[SIZE] = '\0';
    cr_assert_eq(sspr_lookup(q, NULL, 0), 0);
    memset(q, ' ', SIZE);
    memcpy(q + SIZE / 2, "32009", 5);
    size_t n = sspr_lookup(q, NULL, 0); /* any answer, but no crash and a stable one */
    cr_assert_eq(sspr_lookup(q, NULL, 0), n);
    memset(q, '9', SIZE);
    cr_assert_eq(sspr_lookup(q, NULL, 0), 0);
    free(q);
}

/* ---- the cap convention ---------------------------------------------------- */

static const char *const cap_queries[] = {"6329",
                                          "32009",
                                          "Error getting auth token",
                                          "hr=800700CE",
                                          "event 6800",
                                          "0x8023061F",
                                          ("Your administrator has not enabled you to use this "
                                           "feature")};

Test(cap, zero_cap_counts)
{
    for (size_t q = 0; q < sizeof cap_queries / sizeof *cap_queries; q++) {
        results full = lookup(cap_queries[q]);
        cr_assert_gt(full.n, 0, "%s", cap_queries[q]);
        cr_assert_eq(sspr_lookup(cap_queries[q], NULL, 0), full.n, "%s", cap_queries[q]);
    }
}

Test(cap, small_caps_fill_exactly_cap_in_the_same_order)
{
    for (size_t q = 0; q < sizeof cap_queries / sizeof *cap_queries; q++) {
        results full = lookup(cap_queries[q]);
        for (size_t cap = 1; cap <= full.n + 2; cap++) {
            const sspr_entry *out[MAX_RESULTS + 1];
            const sspr_entry *sentinel = (const sspr_entry *)&out; /* never an entry */
            for (size_t i = 0; i <= MAX_RESULTS; i++)
                out[i] = sentinel;
            size_t n = sspr_lookup(cap_queries[q], out, cap);
            cr_assert_eq(n, full.n, "'%s' cap %zu: count %zu, full count %zu", cap_queries[q], cap,
                         n, full.n);
            size_t stored = cap < full.n ? cap : full.n;
            for (size_t i = 0; i < stored; i++)
                cr_assert_eq(out[i], full.v[i], "'%s' cap %zu: result %zu differs", cap_queries[q],
                             cap, i);
            for (size_t i = stored; i <= MAX_RESULTS; i++)
                cr_assert_eq(out[i], sentinel, "'%s' cap %zu: wrote past the results (%zu)",
                             cap_queries[q], cap, i);
        }
    }
}

Test(cap, by_code_and_by_hresult_follow_the_same_convention)
{
    results full = by_code(NULL, 6329);
    cr_assert_geq(full.n, 3);
    cr_assert_eq(sspr_by_code(NULL, 6329, NULL, 0), full.n);
    const sspr_entry *one[2] = {NULL, NULL};
    cr_assert_eq(sspr_by_code(NULL, 6329, one, 1), full.n);
    cr_assert_eq(one[0], full.v[0]);
    cr_assert_null(one[1]);

    full = by_hresult(0x8023061Fu);
    cr_assert_geq(full.n, 2);
    cr_assert_eq(sspr_by_hresult(0x8023061Fu, NULL, 0), full.n);
    one[0] = one[1] = NULL;
    cr_assert_eq(sspr_by_hresult(0x8023061Fu, one, 1), full.n);
    cr_assert_eq(one[0], full.v[0]);
    cr_assert_null(one[1]);
}

Test(cap, results_are_deterministic)
{
    for (size_t q = 0; q < sizeof cap_queries / sizeof *cap_queries; q++) {
        results a = lookup(cap_queries[q]), b = lookup(cap_queries[q]);
        cr_assert_eq(a.n, b.n);
        cr_assert_arr_eq(a.v, b.v, a.n * sizeof *a.v);
    }
}

Test(cap, no_entry_twice)
{
    static const char *const queries[] = {"6329",        "ADSync 6329 0x8023061F",
                                          "hr=800700CE", "Error getting auth token",
                                          "32009",       "HR 8023042"};
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        results r = lookup(queries[q]);
        for (size_t i = 0; i < r.n; i++)
            for (size_t j = i + 1; j < r.n; j++)
                cr_assert_neq(r.v[i], r.v[j], "'%s': %s twice", queries[q], sspr_entry_id(r.v[i]));
    }
}

/* ---- codes with words around them (issue 14.4) -------------------------- */

Test(lookup, a_code_with_words_around_it)
{
    static const struct {
        const char *query, *first;
    } cases[] = {
        {"Event ID 33004: Requesting user was denied access to perform the operation", "prs-33004"},
        {"EventID 33004", "prs-33004"},
        {"EventID 33004: TrackingId: 00000000-0000-0000-0000-000000000001", "prs-33004"},
        {"Event 6329: something failed", "adsync-6329-80230619"},
        {"event id: 31034", "prs-31034"},
        {"ID 33004", "prs-33004"},
        {"Source: PasswordResetService, Event ID: 33004", "prs-33004"},
        {"Event ID: **33001**", "prs-33001"},
        {"33008 ADPasswordPolicyError", "prs-33008"},
        {"error 31044 for the passwordresetservice", "prs-31044"},
        {"Event ID 31034 \xe3\x81\xae\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc", "prs-31034"},
        {"the reset page said SSPR_0029 and nothing else happened", "sspr-0029"},
        {"hr=0x80230619 while exporting", "adsync-6329-80230619"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_first(cases[i].query, cases[i].first);
    /* several codes: all of them, in the order written */
    results r = lookup("32009 32010");
    cr_assert(r.n >= 2 && strcmp(sspr_entry_id(r.v[0]), "prs-32009") == 0 &&
              strcmp(sspr_entry_id(r.v[1]), "prs-32010") == 0);
    r = lookup("events 32010 and 32009 in the log");
    cr_assert(position(&r, "prs-32009") >= 0 && position(&r, "prs-32010") >= 0);
}

/* Numbers in free text that are not codes find nothing. */
Test(lookup, stray_numbers_are_no_codes)
{
    static const char *const stray[] = {
        "port 443 is blocked",
        "it started in 2024 after the upgrade",
        "Azure AD Connect version 1.6.4.0",
        "at 10:32:09 on 2024-01-05",
        "3 users out of 32009x",
        "TrackingId 33004-0000-0000",
        "path C:/logs/33004/file",
        "value 33004.5",
        "1,33004 items",
        "event 1234 in the application log", /* a cue, but no catalogue code */
        "the error id 29 in a sentence",     /* SSPR's codes need SSPR_NNNN */
    };
    for (size_t i = 0; i < sizeof stray / sizeof *stray; i++)
        assert_nothing(stray[i]);
    /* an uncued number names an event only when it is a catalogue code of 4+ digits */
    assert_first("seen 33004 twice", "prs-33004");
    assert_nothing("seen 3300 twice");
}

/* ---- ranking that a generic phrase cannot fool (issue 14.5) ------------------ */

Test(lookup, a_generic_message_does_not_outrank_a_code)
{
    const char *portal = "SSPR_0029: We are unable to reset your password due to an error in "
                         "your on-premises configuration. Please contact your administrator "
                         "and ask them to investigate. Password Reset";
    assert_first(portal, "sspr-0029");
    results r = lookup(portal);
    int generic = position(&r, "admin-no-password-reset-section");
    cr_assert(generic < 0 || generic > position(&r, "sspr-0029"));
    /* a generic message alone still finds its entry, with medium confidence */
    sspr_result res[4];
    cr_assert(sspr_lookup_results("Password Reset", res, 4) >= 1);
    cr_assert_str_eq(sspr_entry_id(res[0].entry), "admin-no-password-reset-section");
    cr_assert_eq(res[0].confidence, SSPR_CONFIDENCE_MEDIUM);
    cr_assert_eq(sspr_confidence_of(sspr_by_id("reset-user-unreachable"),
                                    "please contact your administrator", 33),
                 SSPR_CONFIDENCE_MEDIUM);
}

/* Entries that share a code are told apart by the rest of the text. */
Test(lookup, entries_sharing_a_code_are_ordered_by_the_text)
{
    assert_first("Event ID 6329: MMS(3040): admaexport.cpp(2837): The server does not "
                 "contain the LDAP password policy control.",
                 "adsync-6329-ldap-policy-control");
    assert_first("Event 6329 password synchronization is not enabled on this management agent",
                 "adsync-6329-8023061f");
    assert_first("Event 6329 hr=0x80230619 restriction", "adsync-6329-80230619");
}

/* ---- messages as they really read (issue 14.2) --------------------------------- */

Test(lookup, messages_as_they_really_read)
{
    static const char *const fuzzy[] = {
        "Password doesn't comply with fuzzy policy",
        "Password does not comply with fuzzy policy.",
        "password  DOESN\xe2\x80\x99T comply\nwith fuzzy policy",
        "\xe2\x80\x9cPassword doesn't comply with fuzzy policy\xe2\x80\x9d",
        "Password doesn't comply with fuzzy pol...",
    };
    for (size_t i = 0; i < sizeof fuzzy / sizeof *fuzzy; i++)
        assert_first(fuzzy[i], "reset-fuzzy-policy");
    assert_first("Your organization has not properly set up the on-premises configuration "
                 "for password reset",
                 "sspr-0029");
    assert_first("Error Connecting to ServiceBus, The token provider was unable\u2026",
                 "prs-32002");
    assert_first("0x80230619: A restriction prevents the password from being changed to the "
                 "current one specified.",
                 "adsync-6329-80230619");
    /* a cut message needs 24 folded bytes; a short piece of one is only a fragment */
    assert_nothing("Error ...");
    sspr_result r[4];
    cr_assert(sspr_lookup_results("Password doesn't ...", r, 4) >= 1);
    cr_assert_eq(r[0].confidence, SSPR_CONFIDENCE_MEDIUM);
    cr_assert(sspr_lookup_results("Password doesn\xe2\x80\x99t comply with fuzzy\xe2\x80\xa6", r,
                                  4) >= 1);
    cr_assert_eq(r[0].confidence, SSPR_CONFIDENCE_HIGH);
}

/* ---- confidence (issue 14.6) --------------------------------------------------- */

Test(lookup, confidence)
{
    cr_assert_str_eq(sspr_confidence_name(SSPR_CONFIDENCE_HIGH), "high");
    cr_assert_str_eq(sspr_confidence_name(SSPR_CONFIDENCE_MEDIUM), "medium");
    cr_assert_str_eq(sspr_confidence_name(SSPR_CONFIDENCE_LOW), "low");
    cr_assert_null(sspr_confidence_name(SSPR_CONFIDENCE_NONE));
    cr_assert_null(sspr_confidence_name((sspr_confidence)7));
    const sspr_entry *e = sspr_by_id("prs-33004");
    cr_assert_eq(sspr_confidence_of(e, "Event ID 33004", 14), SSPR_CONFIDENCE_HIGH);
    cr_assert_eq(sspr_confidence_of(e, "ADPermissionsError in the log", 29), SSPR_CONFIDENCE_HIGH);
    cr_assert_eq(sspr_confidence_of(e, "port 33004", 5), SSPR_CONFIDENCE_NONE, "len is honoured");
    cr_assert_eq(sspr_confidence_of(e, "banana", 6), SSPR_CONFIDENCE_NONE);
    cr_assert_eq(sspr_confidence_of(NULL, "33004", 5), SSPR_CONFIDENCE_NONE);
    cr_assert_eq(sspr_confidence_of(e, NULL, 0), SSPR_CONFIDENCE_NONE);
    /* lookup_results: same entries and order as sspr_lookup, a confidence each */
    static const char *const queries[] = {"32009",
                                          "Event ID 6329",
                                          "ADSync 6329",
                                          "Password Reset",
                                          "error 31044 for the passwordresetservice",
                                          "Error getting auth token"};
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        const sspr_entry *plain[64];
        sspr_result res[64];
        size_t n = sspr_lookup(queries[q], plain, 64);
        cr_assert_eq(sspr_lookup_results(queries[q], res, 64), n, "%s", queries[q]);
        for (size_t i = 0; i < n && i < 64; i++) {
            cr_assert_eq(res[i].entry, plain[i], "%s: %zu", queries[q], i);
            cr_assert(i == 0 || res[i].score <= res[i - 1].score, "%s: scores descend", queries[q]);
            cr_assert_eq(res[i].confidence,
                         sspr_confidence_of(res[i].entry, queries[q], strlen(queries[q])), "%s: %s",
                         queries[q], sspr_entry_id(res[i].entry));
        }
    }
    sspr_result one;
    cr_assert(sspr_lookup_results("32009", &one, 1) >= 1);
    cr_assert_eq(one.confidence, SSPR_CONFIDENCE_HIGH);
    cr_assert_eq(sspr_lookup_results("32009", NULL, 0), sspr_lookup("32009", NULL, 0));
}
