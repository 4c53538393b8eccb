/* Records (sspr_scan_init_records): the fields each form gives, plain text
 * that is a record and text that is not, the same records in any chunking,
 * and bad input read as far as it makes sense. */
#include <criterion/criterion.h>
#include <sspr-errors.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A record as text: "field=value|..." over every field, for comparisons. */
typedef struct {
    char *v[256];
    size_t n;
} readings;

static void on_record(void *ctx, const sspr_record *r)
{
    readings *x = ctx;
    char buf[8192];
    size_t o = 0;
    static const char *const names[] = {
        "format",      "source", "event_id",  "record_id",      "level",     "time",    "computer",
        "tracking_id", "user",   "operation", "exception",      "hresults",  "message", "entries",
        "activity",    "result", "reason",    "correlation_id", "initiator", "details"};
    for (int f = 0; f <= (int)SSPR_RECORD_DETAILS; f++) {
        const char *t = sspr_record_text(r, (sspr_record_field)f);
        int64_t v = sspr_record_number(r, (sspr_record_field)f);
        if (f == SSPR_RECORD_HRESULTS) {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s=", names[f]);
            for (size_t i = 0; i < sspr_record_hresult_count(r); i++)
                o += (size_t)snprintf(buf + o, sizeof buf - o, "%s0x%08X", i ? "," : "",
                                      (unsigned)sspr_record_hresult(r, i));
            o += (size_t)snprintf(buf + o, sizeof buf - o, "|");
        } else if (f == SSPR_RECORD_ENTRIES) {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s=", names[f]);
            for (size_t i = 0; i < sspr_record_entry_count(r); i++)
                o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s:%s", i ? "," : "",
                                      sspr_entry_id(sspr_record_entry(r, i)),
                                      sspr_confidence_name(sspr_record_confidence(r, i)));
        } else if (f == SSPR_RECORD_EVENT_ID || f == SSPR_RECORD_RECORD_ID) {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s=%lld|", names[f], (long long)v);
        } else {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s=%s|", names[f], t ? t : "");
        }
        if (o >= sizeof buf)
            o = sizeof buf - 1;
    }
    if (x->n < 256) {
        x->v[x->n] = malloc(o + 1);
        if (x->v[x->n])
            memcpy(x->v[x->n], buf, o + 1);
    }
    x->n++;
}

static readings read_in_chunks(const char *text, size_t len, size_t chunk)
{
    readings x = {{0}, 0};
    sspr_scanner sc;
    sspr_scan_init_records(&sc, on_record, &x);
    for (size_t at = 0; at < len; at += chunk)
        sspr_scan_feed(&sc, text + at, chunk < len - at ? chunk : len - at);
    sspr_scan_finish(&sc);
    return x;
}

static readings read_text(const char *text)
{
    return read_in_chunks(text, strlen(text), strlen(text) ? strlen(text) : 1);
}

static void drop(readings *x)
{
    for (size_t i = 0; i < x->n && i < 256; i++)
        free(x->v[i]);
}

/* Does reading i hold "field=value|"? */
static int has(const readings *x, size_t i, const char *field_value)
{
    return i < x->n && strstr(x->v[i], field_value) != NULL;
}

#define CHECK(x, i, fv)                                                                            \
    cr_assert(has(&(x), i, fv), "record %zu has no %s: %s", (size_t)(i), fv,                       \
              (i) < (x).n ? (x).v[i] : "(none)")

static const char details[] =
    "Log Name:      Application\r\n"
    "Source:        PasswordResetService\r\n"
    "Date:          5/12/2023 7:34:38 AM\r\n"
    "Event ID:      33004\r\n"
    "Task Category: None\r\n"
    "Level:         Error\r\n"
    "Keywords:      Classic\r\n"
    "User:          N/A\r\n"
    "Computer:      AADC01.contoso.com\r\n"
    "Description:\r\n"
    "TrackingId: 0b6f2f43-2c8e-4a37-9a55-2d3c1b0e9f21, Reason: Synchronization Engine returned "
    "an error hr=80230626, message=The password could not be updated because the management "
    "agent credentials were denied access., Context: cloudAnchor: User_1, UserPrincipalName: "
    "anna@contoso.com, Details: Microsoft.CredentialManagement.OnPremisesPasswordReset.Shared."
    "PasswordResetException: Synchronization Engine returned an error hr=80230626\r\n"
    "Event Xml:\r\n"
    "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\r\n"
    "  <System><EventRecordID>4711</EventRecordID></System>\r\n"
    "</Event>\r\n";

Test(records, copy_details_as_text_gives_every_field)
{
    readings x = read_text(details);
    cr_assert_eq(x.n, 1, "%zu records", x.n);
    CHECK(x, 0, "format=event-viewer-details|");
    CHECK(x, 0, "source=PasswordResetService|");
    CHECK(x, 0, "event_id=33004|");
    CHECK(x, 0, "record_id=4711|");
    CHECK(x, 0, "level=error|");
    CHECK(x, 0, "time=2023-05-12T07:34:38|");
    CHECK(x, 0, "computer=AADC01.contoso.com|");
    CHECK(x, 0, "tracking_id=0b6f2f43-2c8e-4a37-9a55-2d3c1b0e9f21|");
    CHECK(x, 0, "user=anna@contoso.com|");
    CHECK(x, 0,
          "exception=Microsoft.CredentialManagement.OnPremisesPasswordReset.Shared."
          "PasswordResetException|");
    CHECK(x, 0, "hresults=0x80230626|");
    CHECK(x, 0, "entries=prs-33004:high");
    drop(&x);
}

Test(records, pasted_one_after_another_quoted_in_markdown)
{
    readings x = read_text("> **Source:** ADSync\n>\n> **Event ID:** 6329\n>\n"
                           "> **Description:** BAIL: MMS(4924) 0x80230619: x\n\n"
                           "| Source | PasswordResetService |\n| Event ID | 32009 |\n"
                           "Source: PasswordResetService, Event ID: 31001\n");
    cr_assert_eq(x.n, 3, "%zu records", x.n);
    CHECK(x, 0, "event_id=6329|");
    CHECK(x, 0, "entries=adsync-6329-80230619:high");
    CHECK(x, 1, "event_id=32009|");
    CHECK(x, 1, "entries=prs-32009:high");
    CHECK(x, 2, "format=inline|");
    CHECK(x, 2, "event_id=31001|");
    drop(&x);
}

Test(records, wevtutil_text_and_format_list)
{
    readings x =
        read_text("Event[0]:\n  Log Name: Application\n  Source: ADSync\n"
                  "  Date: 2026-12-01T10:04:31.5630000Z\n  Event ID: 6800\n"
                  "  Level: Error\n  Description: \nThe password management extension "
                  "encountered an error.\n\n"
                  "Index              : 175\nEntryType          : Error\n"
                  "InstanceId         : 33008\nMessage            : ADPasswordPolicyError\n"
                  "                     second line\nSource             : "
                  "PasswordResetService\nTimeGenerated      : 5/10/2024 7:46:37 PM\n");
    cr_assert_eq(x.n, 2, "%zu records", x.n);
    CHECK(x, 0, "format=wevtutil-text|");
    CHECK(x, 0, "time=2026-12-01T10:04:31.5630000Z|");
    CHECK(x, 0, "entries=adsync-6800:high");
    CHECK(x, 1, "format=format-list|");
    CHECK(x, 1, "record_id=175|");
    CHECK(x, 1, "message=ADPasswordPolicyError\nsecond line|");
    CHECK(x, 1, "entries=prs-33008:high");
    drop(&x);
}

Test(records, plain_text_is_a_record_only_when_it_names_something)
{
    readings x = read_text("Hello, the reset page is broken since Monday.\n"
                           "We see Event ID 33004: the password could not be updated.\n"
                           "port 443 is open, 2024 was a good year, version 1.6.4.0\n"
                           "hr=80230626 in the trace\n");
    cr_assert_eq(x.n, 2, "%zu records", x.n);
    CHECK(x, 0, "event_id=33004|");
    CHECK(x, 0, "entries=prs-33004:medium");
    CHECK(x, 1, "hresults=0x80230626|");
    drop(&x);
}

Test(records, a_catalogue_code_beside_error_or_event_is_an_event_id)
{
    readings x = read_text("Keep getting error 31044; 31034 on one of our DCs.\n"
                           "Root CAs missing break reset with a 31034 event.\n"
                           "The portal shows error 404 and the 2023 event went fine.\n"
                           "We had 31044 users last year.\n");
    cr_assert_eq(x.n, 2, "%zu records", x.n);
    CHECK(x, 0, "event_id=31044|");
    CHECK(x, 0, "entries=prs-31044:medium");
    CHECK(x, 1, "event_id=31034|");
    CHECK(x, 1, "entries=prs-31034:medium");
    drop(&x);
}

Test(records, every_chunking_reads_the_same_records)
{
    readings whole = read_text(details);
    for (size_t chunk = 1; chunk < 64; chunk++) {
        readings x = read_in_chunks(details, strlen(details), chunk);
        cr_assert_eq(x.n, whole.n, "chunk %zu", chunk);
        for (size_t i = 0; i < x.n; i++)
            cr_assert_str_eq(x.v[i], whole.v[i], "chunk %zu", chunk);
        drop(&x);
    }
    drop(&whole);
}

Test(records, bad_input_is_read_as_far_as_it_makes_sense)
{
    /* a record cut in the middle */
    readings x = read_text("Source: PasswordResetService\nEvent ID: 3300");
    cr_assert_eq(x.n, 1);
    CHECK(x, 0, "event_id=3300|");
    drop(&x);
    /* a field name with no value, a 20-digit event id */
    x = read_text("Source:\nEvent ID:\n\nSource: ADSync\nEvent ID: 12345678901234567890\n");
    for (size_t i = 0; i < x.n; i++)
        cr_assert(has(&x, i, "event_id=-1|"), "%s", x.v[i]);
    drop(&x);
    /* NUL bytes and a 1 MiB line */
    size_t big = 1u << 20;
    char *t = malloc(big + 64);
    cr_assert_not_null(t);
    memset(t, 'a', big);
    memcpy(t + 100, "Event ID 32009 \0\0 hr=80230402 ", 31);
    memcpy(t + big, "\nEvent ID: 33008\n", 18);
    x = read_in_chunks(t, big + 17, 4000);
    cr_assert_geq(x.n, 1);
    drop(&x);
    free(t);
    /* UTF-8 then UTF-16LE bytes in one paste */
    static const unsigned char mixed[] =
        "Event ID 31001\nE\0v\0e\0n\0t\0 \0I\0D\0 \0003\0002\0000\0000\0009\0\n\0";
    x = read_in_chunks((const char *)mixed, sizeof mixed - 1, 3);
    cr_assert_geq(x.n, 1);
    CHECK(x, 0, "event_id=31001|");
    drop(&x);
}

Test(records, messages_match_with_or_without_their_contractions)
{
    /* the catalogue writes "could not" (prs-32001's "Couldn't connect to any
       service bus endpoint(s)" aside) and "Password writeback service is not
       in a healthy state."; a log or a page may print the other form */
    readings x = read_text("The management agent run was terminated because a domain controller "
                           "couldn't be contacted.\n"
                           "Password writeback service isn't in a healthy state.\n"
                           "SSPR_0013 text: You are not a member of a group enabled for password "
                           "reset.\n");
    cr_assert_eq(x.n, 3, "%zu records", x.n);
    CHECK(x, 0, "entries=adsync-hr-80230818:high");
    CHECK(x, 1, "entries=prs-31044:high");
    CHECK(x, 2, "sspr-0013");
    drop(&x);
}

Test(records, an_e_mail_header_is_no_record)
{
    readings x = read_text("From: anna@contoso.com\nDate: Mon, 1 Dec 2026 10:04:31 +0100\n"
                           "Subject: password reset fails\n\nTime: this morning\n");
    cr_assert_eq(x.n, 0, "%zu records: %s", x.n, x.n ? x.v[0] : "");
    drop(&x);
}

/* Entries that share the record's event (the 6329s) are told apart by the
 * rest of its text: the message of its own event comes before a generic
 * heading that another entry quotes, whatever their order in the text. */
Test(records, the_message_of_the_records_own_event_comes_first)
{
    readings x =
        read_text("Log Name:      Application\n"
                  "Source:        ADSync\n"
                  "Event ID:      6329\n"
                  "Level:         Error\n"
                  "Description:\n"
                  "An unexpected error has occurred during a password set operation. \n"
                  "\"ERR_: MMS(3040): admaexport.cpp(2837): The server doesn't contain the "
                  "LDAP password policy control.\n"
                  "Azure AD Sync 2.1.20.0\"\n");
    cr_assert_eq(x.n, 1, "%zu records", x.n);
    CHECK(x, 0, "entries=adsync-6329-ldap-policy-control:high,wb-6329-password-set-error:high");
    drop(&x);
}

/* The first and last line of each record (sspr_record_line and
 * sspr_record_last_line), in reading order. */
typedef struct {
    uint64_t first[16], last[16];
    size_t n;
} spans;

static void on_span(void *ctx, const sspr_record *r)
{
    spans *x = ctx;
    if (x->n < 16) {
        x->first[x->n] = sspr_record_line(r);
        x->last[x->n] = sspr_record_last_line(r);
    }
    x->n++;
}

static spans read_spans(const char *text, size_t chunk)
{
    spans x;
    memset(&x, 0, sizeof x);
    sspr_scanner sc;
    sspr_scan_init_records(&sc, on_span, &x);
    size_t len = strlen(text);
    for (size_t at = 0; at < len; at += chunk)
        sspr_scan_feed(&sc, text + at, chunk < len - at ? chunk : len - at);
    sspr_scan_finish(&sc);
    return x;
}

Test(records, the_last_line_is_the_records_own_never_a_blank_line_after_it)
{
    static const char details[] =               /* blank lines between fields, then Event Xml */
        "Hello,\n"                              /* 1 */
        "\n"                                    /* 2 */
        "Log Name:      Application\n"          /* 3 */
        "\n"                                    /* 4 */
        "Source:        PasswordResetService\n" /* 5 */
        "Event ID:      33004\n"                /* 6 */
        "Description:\n"                        /* 7 */
        "TrackingId: 1, Details: hr=80230626\n" /* 8 */
        "Event Xml:\n"                          /* 9 */
        "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n" /* 10 */
        "  <System><EventRecordID>12</EventRecordID></System>\n"                    /* 11 */
        "</Event>\n"                                                                /* 12 */
        "\n"                                                                        /* 13 */
        "> \n"                                                                      /* 14 */
        "```\n"                                                                     /* 15 */
        "\n"                                                                        /* 16 */
        "Log Name:      Application\n"                                              /* 17 */
        "Source:        ADSync\n"                                                   /* 18 */
        "Event ID:      6329\n"                                                     /* 19 */
        "Description:   hr=80230619\n"                                              /* 20 */
        "\n";                                                                       /* 21 */
    for (size_t chunk = 1; chunk <= sizeof details; chunk *= 3) {
        spans x = read_spans(details, chunk);
        cr_assert_eq(x.n, 2, "chunk %zu", chunk);
        cr_assert_eq(x.first[0], 3);
        cr_assert_eq(x.last[0], 12, "chunk %zu: %llu", chunk, (unsigned long long)x.last[0]);
        cr_assert_eq(x.first[1], 17);
        cr_assert_eq(x.last[1], 20);
    }

    spans csv = read_spans("\"EventID\",\"MachineName\",\"Message\",\"Source\"\r\n"
                           "\"33004\",\"AADC01\",\"hr=80230626\",\"PasswordResetService\"\r\n"
                           "\"33008\",\"AADC01\",\"two\r\nlines\",\"PasswordResetService\"\r\n"
                           "\r\n"
                           "after\r\n",
                           7);
    cr_assert_eq(csv.n, 2);
    cr_assert(csv.first[0] == 2 && csv.last[0] == 2);
    cr_assert(csv.first[1] == 3 && csv.last[1] == 4); /* a quoted message over two lines */

    spans inline_ = read_spans("Ticket\nWe saw Event ID 33004: failed\n\nand hr=80230619 too", 5);
    cr_assert_eq(inline_.n, 2);
    cr_assert(inline_.first[0] == 2 && inline_.last[0] == 2);
    cr_assert(inline_.first[1] == 4 && inline_.last[1] == 4); /* no line break after it */

    spans wevtutil = read_spans("Event[0]:\n"
                                "  Log Name: Application\n"
                                "  Source: PasswordResetService\n"
                                "  Event ID: 33004\n"
                                "  Description: failed hr=80230626\n"
                                "\n"
                                "\n"
                                "Event[1]:\n"
                                "  Source: ADSync\n"
                                "  Event ID: 6329\n"
                                "  Description: x 0x80230619\n",
                                64);
    cr_assert_eq(wevtutil.n, 2);
    cr_assert(wevtutil.first[0] == 1 && wevtutil.last[0] == 5);
    cr_assert(wevtutil.first[1] == 8 && wevtutil.last[1] == 11);

    spans json = read_spans("[\n  {\"Id\": 33004,\n   \"ProviderName\": \"PasswordResetService\"\n"
                            "  },\n  {\"Id\": 6329,\n\n",
                            3);
    cr_assert_eq(json.n, 2);
    cr_assert(json.first[0] == 2 && json.last[0] == 4);
    cr_assert(json.first[1] == 5 && json.last[1] == 5); /* cut short: its last line with text */

    cr_assert_eq(sspr_record_last_line(NULL), 0);
}
