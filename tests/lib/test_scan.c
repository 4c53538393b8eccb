/* The event-log scanner: every fixture of tests/scan/ reports exactly its
 * expected entries, counts and lines, in UTF-8, UTF-8 with a BOM and UTF-16LE
 * with a BOM (made here from the UTF-8 file); every chunking of the input (each
 * size from 1 to 64 bytes, and random ones) gives the very same reports; and
 * the edges: long lines cut in pieces, NULL arguments, reuse after finish. */
#include "sspr-errors.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SSPR_SCAN_FIXTURES
#error "the build passes the path of tests/scan"
#endif

static const char *const cases[] = {"tab/events.txt", "formatlist/events.txt", "xml/events.xml",
                                    "csv/events.csv", "freetext/trace.log"};

/* ---- what a scan reports ----------------------------------------------------- */

typedef struct {
    const sspr_entry *e;
    uint64_t line;
} report;

typedef struct {
    report *v;
    size_t n, cap;
} reports;

static void collect(void *ctx, const sspr_entry *e, uint64_t line)
{
    reports *r = ctx;
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->v = realloc(r->v, r->cap * sizeof *r->v);
        cr_assert_not_null(r->v);
    }
    r->v[r->n].e = e;
    r->v[r->n].line = line;
    r->n++;
}

/* Scans data in chunks: sizes from next_size(state), or all at once when NULL. */
static reports scan(const unsigned char *data, size_t len, size_t (*next_size)(uint64_t *),
                    uint64_t seed)
{
    reports r = {NULL, 0, 0};
    sspr_scanner sc;
    sspr_scan_init(&sc, collect, &r);
    for (size_t at = 0; at < len;) {
        size_t k = next_size ? next_size(&seed) : len;
        if (k > len - at)
            k = len - at;
        sspr_scan_feed(&sc, data + at, k);
        at += k;
    }
    sspr_scan_finish(&sc);
    return r;
}

static int same(const reports *a, const reports *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].e != b->v[i].e || a->v[i].line != b->v[i].line)
            return 0;
    return 1;
}

static size_t fixed_size;
static size_t fixed(uint64_t *s)
{
    (void)s;
    return fixed_size;
}

static size_t random_size(uint64_t *s)
{
    *s = *s * 6364136223846793005u + 1442695040888963407u;
    uint64_t r = *s >> 33;
    return (r & 3) == 0 ? 1 + (size_t)(r >> 2) % 8192 : 1 + (size_t)(r >> 2) % 97;
}

/* ---- files and encodings ------------------------------------------------------ */

static unsigned char *slurp(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SSPR_SCAN_FIXTURES, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0, k;
    do {
        if (cap - n < 4096) {
            cap = cap ? 2 * cap : 65536;
            buf = realloc(buf, cap);
            cr_assert_not_null(buf);
        }
        k = fread(buf + n, 1, cap - n, f);
        n += k;
    } while (k > 0);
    fclose(f);
    *len = n;
    return buf;
}

/* UTF-8 (valid) to UTF-16LE with a BOM. */
static unsigned char *to_utf16le(const unsigned char *s, size_t len, size_t *out_len)
{
    unsigned char *o = malloc(4 * len + 2);
    size_t n = 0;
    cr_assert_not_null(o);
    o[n++] = 0xFF;
    o[n++] = 0xFE;
    for (size_t i = 0; i < len;) {
        uint32_t c = s[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k > 1)
            c &= 0x3Fu >> (k - 1);
        for (size_t j = 1; j < k; j++)
            c = c << 6 | (s[i + j] & 0x3Fu);
        i += k;
        if (c >= 0x10000) {
            uint32_t v = c - 0x10000;
            uint32_t hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
            o[n++] = (unsigned char)hi;
            o[n++] = (unsigned char)(hi >> 8);
            o[n++] = (unsigned char)lo;
            o[n++] = (unsigned char)(lo >> 8);
        } else {
            o[n++] = (unsigned char)c;
            o[n++] = (unsigned char)(c >> 8);
        }
    }
    *out_len = n;
    return o;
}

static unsigned char *with_bom(const unsigned char *s, size_t len, size_t *out_len)
{
    unsigned char *o = malloc(len + 3);
    cr_assert_not_null(o);
    memcpy(o, "\xEF\xBB\xBF", 3);
    memcpy(o + 3, s, len);
    *out_len = len + 3;
    return o;
}

/* ---- expectations ----------------------------------------------------------------- */

/* "id count line,line,..." per line of the case's expected file; checks r. */
static void check_expected(const char *name, const reports *r, const char *what)
{
    char path[1024], dir[256];
    snprintf(dir, sizeof dir, "%s", name);
    *strchr(dir, '/') = '\0';
    snprintf(path, sizeof path, "%s/%s/expected", SSPR_SCAN_FIXTURES, dir);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s", path);
    char line[512];
    size_t expected_total = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char id[128], lines[256];
        unsigned long count;
        cr_assert_eq(sscanf(line, "%127s %lu %255s", id, &count, lines), 3, "%s: '%s'", path, line);
        const sspr_entry *e = sspr_by_id(id);
        cr_assert_not_null(e, "%s: no entry '%s'", path, id);
        size_t got = 0;
        char seen[256] = "";
        for (size_t i = 0; i < r->n; i++)
            if (r->v[i].e == e) {
                size_t used = strlen(seen);
                snprintf(seen + used, sizeof seen - used, "%s%llu", got ? "," : "",
                         (unsigned long long)r->v[i].line);
                got++;
            }
        cr_expect_eq(got, count, "%s (%s): %s %zu times, expected %lu", name, what, id, got, count);
        cr_expect_str_eq(seen, lines, "%s (%s): %s on lines %s, expected %s", name, what, id, seen,
                         lines);
        expected_total += count;
    }
    fclose(f);
    if (r->n != expected_total)
        for (size_t i = 0; i < r->n; i++)
            fprintf(stderr, "  %s (%s) reported %s at line %llu\n", name, what,
                    sspr_entry_id(r->v[i].e), (unsigned long long)r->v[i].line);
    cr_expect_eq(r->n, expected_total, "%s (%s): %zu reports, expected %zu", name, what, r->n,
                 expected_total);
}

/* Every chunking of data gives what one feed gives. */
static void check_chunkings(const char *name, const unsigned char *data, size_t len,
                            const reports *whole, const char *what)
{
    for (fixed_size = 1; fixed_size <= 64; fixed_size++) {
        reports r = scan(data, len, fixed, 0);
        cr_expect(same(&r, whole), "%s (%s): chunks of %zu bytes differ (%zu reports, not %zu)",
                  name, what, fixed_size, r.n, whole->n);
        free(r.v);
    }
    for (uint64_t seed = 1; seed <= 40; seed++) {
        reports r = scan(data, len, random_size, seed);
        cr_expect(same(&r, whole), "%s (%s): random chunking %llu differs", name, what,
                  (unsigned long long)seed);
        free(r.v);
    }
}

static void check_case(const char *name)
{
    size_t len, len16, len8;
    unsigned char *utf8 = slurp(name, &len);
    unsigned char *utf16 = to_utf16le(utf8, len, &len16);
    unsigned char *bom8 = with_bom(utf8, len, &len8);
    reports whole = scan(utf8, len, NULL, 0);
    check_expected(name, &whole, "UTF-8");
    check_chunkings(name, utf8, len, &whole, "UTF-8");

    reports r16 = scan(utf16, len16, NULL, 0);
    cr_expect(same(&r16, &whole), "%s: UTF-16LE differs from UTF-8", name);
    check_expected(name, &r16, "UTF-16LE");
    check_chunkings(name, utf16, len16, &whole, "UTF-16LE");

    reports rb = scan(bom8, len8, NULL, 0);
    cr_expect(same(&rb, &whole), "%s: UTF-8 with BOM differs", name);
    fixed_size = 1;
    reports rb1 = scan(bom8, len8, fixed, 0);
    cr_expect(same(&rb1, &whole), "%s: UTF-8 with BOM, byte by byte, differs", name);
    free(whole.v);
    free(r16.v);
    free(rb.v);
    free(rb1.v);
    free(utf8);
    free(utf16);
    free(bom8);
}

Test(scan, fixture_tab_delimited)
{
    check_case(cases[0]);
}
Test(scan, fixture_format_list)
{
    check_case(cases[1]);
}
Test(scan, fixture_wevtutil_xml)
{
    check_case(cases[2]);
}
Test(scan, fixture_export_csv)
{
    check_case(cases[3]);
}
Test(scan, fixture_free_text)
{
    check_case(cases[4]);
}

/* ---- edges --------------------------------------------------------------------------- */

static reports scan_text(const char *text)
{
    return scan((const unsigned char *)text, strlen(text), NULL, 0);
}

static int reported(const reports *r, const char *id, uint64_t line)
{
    int n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += strcmp(sspr_entry_id(r->v[i].e), id) == 0 && r->v[i].line == line;
    return n;
}

Test(scan, null_arguments_are_harmless)
{
    sspr_scanner sc;
    sspr_scan_init(NULL, collect, NULL);
    sspr_scan_feed(NULL, "x", 1);
    sspr_scan_finish(NULL);
    sspr_scan_init(&sc, NULL, NULL); /* no callback: scans, reports to nobody */
    sspr_scan_feed(&sc, NULL, 5);
    sspr_scan_feed(&sc, "Error getting auth token\n", 25);
    sspr_scan_finish(&sc);
    cr_assert_eq(sizeof(sspr_scanner), SSPR_SCANNER_SIZE);
}

Test(scan, empty_input_and_no_final_line_break)
{
    reports r = scan_text("");
    cr_assert_eq(r.n, 0);
    r = scan_text("no newline at the end: Error getting auth token");
    cr_assert_eq(r.n, 1);
    cr_assert(reported(&r, "prs-32009", 1));
    free(r.v);
}

Test(scan, a_record_counts_each_entry_once)
{
    reports r = scan_text("Error getting auth token, again: error getting auth token, "
                          "hr=80230402 hr=80230402 0x80230402\n");
    cr_assert_eq(r.n, 2);
    cr_assert(reported(&r, "prs-32009", 1) == 1);
    cr_assert(reported(&r, "adsync-hr-80230402", 1) == 1);
    free(r.v);
}

Test(scan, hresults_need_their_form)
{
    reports r = scan_text("0x80070005 hr=1234 hr=8023040 80230402 x0x80230402 thr=80230402 "
                          "hr=802304021\n");
    cr_assert_eq(r.n, 0, "%zu reports", r.n);
    r = scan_text("HR=80230402\n0X8023061F.\n(hr=0x80230402)\n");
    cr_assert(reported(&r, "adsync-hr-80230402", 1));
    cr_assert(reported(&r, "adsync-6329-8023061f", 2));
    cr_assert(reported(&r, "adsync-hr-80230402", 3));
    free(r.v);
}

Test(scan, an_event_id_needs_its_provider)
{
    reports r = scan_text("TimeCreated  : today\nProviderName : Microsoft-Windows-Foo\n"
                          "Id           : 32009\nMessage      : Error getting auth token\n\n"
                          "TimeCreated  : today\nId           : 32009\nMessage      : hello\n\n"
                          "ProviderName : passwordresetservice\nId : 32009\n");
    cr_assert_eq(r.n, 1, "%zu reports", r.n);
    cr_assert(reported(&r, "prs-32009", 10), "provider names in any case");
    free(r.v);
}

Test(scan, adsync_6329_needs_its_hresult)
{
    reports r = scan_text("ProviderName : ADSync\nId           : 6329\nMessage      : nothing\n\n"
                          "ProviderName : ADSync\nId           : 6329\n"
                          "Message      : 0x80230619\n\n"
                          "ProviderName : ADSync\nId           : 6329\n"
                          "Message      : hr=8023061F\n");
    cr_assert_eq(r.n, 2, "%zu reports", r.n);
    cr_assert(reported(&r, "adsync-6329-80230619", 5));
    cr_assert(reported(&r, "adsync-6329-8023061f", 9));
    free(r.v);
}

/* A message and an HRESULT across the cuts of a line longer than a piece. */
Test(scan, long_lines_are_read_in_pieces)
{
    size_t len = 20000;
    char *text = malloc(len + 2);
    cr_assert_not_null(text);
    memset(text, 'z', len);
    for (size_t i = 0; i < len; i += 10)
        text[i] = ' ';
    memcpy(text + 4096 - 10, " Error getting auth token ", 26);
    memcpy(text + 8192 - 5, " hr=80230402 ", 13);
    memcpy(text + 3 * 4096 - 300,
           " The operation failed because password synchronization is not "
           "enabled on this Management Agent ",
           96);
    text[len] = '\n';
    text[len + 1] = '\0';
    reports whole = scan((const unsigned char *)text, len + 1, NULL, 0);
    cr_assert(reported(&whole, "prs-32009", 1));
    cr_assert(reported(&whole, "adsync-hr-80230402", 1));
    cr_assert(reported(&whole, "adsync-6329-8023061f", 1));
    cr_assert_eq(whole.n, 3);
    check_chunkings("long line", (const unsigned char *)text, len + 1, &whole, "UTF-8");
    free(whole.v);
    free(text);
}

Test(scan, messages_span_the_lines_of_a_record)
{
    /* Format-List: a message's indented lines go on after a blank line (a
       paragraph of it); a line at the margin after one is no longer the record */
    reports r = scan_text("ProviderName : PasswordResetService\nId           : 32099\n"
                          "Message      : Error\n               getting\n\n"
                          "auth token\n");
    cr_assert_eq(r.n, 0, "a blank line and a line at the margin end the record: %zu", r.n);
    free(r.v);
    r = scan_text("ProviderName : PasswordResetService\nId           : 32099\n"
                  "Message      : Error\n               getting\n\n"
                  "               auth token\n");
    cr_assert(reported(&r, "prs-32009", 1), "a paragraph of the message");
    free(r.v);
    r = scan_text("ProviderName : PasswordResetService\nId           : 32099\n"
                  "Message      : Error\n               getting\n"
                  "               \"auth\"    token\n");
    cr_assert(reported(&r, "prs-32009", 1));
    free(r.v);
}

Test(scan, utf16_without_bom_and_odd_tail)
{
    const char *t = "Error getting auth token\r\n";
    unsigned char buf[128];
    size_t n = 0;
    for (const char *p = t; *p; p++) {
        buf[n++] = (unsigned char)*p;
        buf[n++] = 0;
    }
    buf[n++] = 'x'; /* half a code unit at the end */
    reports r = scan(buf, n, NULL, 0);
    cr_assert(reported(&r, "prs-32009", 1));
    fixed_size = 1;
    reports r1 = scan(buf, n, fixed, 0);
    cr_assert(same(&r, &r1));
    free(r.v);
    free(r1.v);
}

/* Random documents stitched from the formats' pieces (records, quotes, CRLF,
 * typographic characters, long lines, stray bytes): every chunking agrees. */
Test(scan, random_documents_scan_the_same_in_any_chunks)
{
    static const char *const parts[] = {
        "\n",
        "\r\n",
        "\n\n",
        " ",
        "\t",
        "\"",
        "\"\"",
        ",",
        "'",
        "<",
        ">",
        "=",
        "x",
        "\xE2\x80\x9C",
        "\xE2\x80\x99",
        "\xE2\x80\x93",
        "\xC2\xA0",
        "\xE2\x80",
        "\xF0\x9F\x94\x91",
        "Error getting auth token",
        "error  getting\n  auth token",
        "hr=80230402",
        "0x8023061F",
        "hr=0x80230619",
        ("The operation failed because password synchronization is not "
         "enabled on this Management Agent."),
        "Error\t5/14/2024 9:20:11 AM\tADSync\t6329\tNone\t\"",
        "Information\t5/14/2024\tPasswordResetService\t32009\tNone\t",
        "ProviderName : ADSync\n",
        "Id           : 6329\n",
        "Message      : ",
        "ProviderName : Microsoft-Windows-Foo\n",
        "\"Message\",\"Id\",\"ProviderName\"\n",
        "\"Error getting auth token\",\"32009\",\"PasswordResetService\"\n",
        "<Event xmlns='x'><System><Provider Name='ADSync'/><EventID>6329</EventID></System>",
        "<Data>0x80230619</Data></Event>",
        "</Event>",
        "<Event>",
        "<Provider Name=\"PasswordResetService\"/>",
        "A restriction prevents the password from being changed to the current one specified.",
    };
    const size_t nparts = sizeof parts / sizeof *parts;
    uint64_t seed = 12345;
    size_t total = 0;
    char *doc = malloc(1 << 16);
    cr_assert_not_null(doc);
    for (int round = 0; round < 60; round++) {
        size_t len = 0;
        int pieces = 5 + (int)(random_size(&seed) % 200);
        for (int k = 0; k < pieces; k++) {
            size_t r = random_size(&seed);
            if (r % 41 == 0) { /* a long line, cut into pieces by the scanner */
                size_t n = 4000 + r % 9000;
                if (len + n > (1 << 16) - 512)
                    break;
                for (size_t i = 0; i < n; i++)
                    doc[len + i] = "abc def \"gh\"\t"[i % 13];
                len += n;
                continue;
            }
            const char *p = parts[r % nparts];
            size_t n = strlen(p);
            if (len + n > (1 << 16) - 512)
                break;
            memcpy(doc + len, p, n);
            len += n;
        }
        const unsigned char *d = (const unsigned char *)doc;
        reports whole = scan(d, len, NULL, 0);
        static const size_t sizes[] = {1, 2, 3, 5, 7, 16, 64, 4095, 4096, 4097};
        for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
            fixed_size = sizes[i];
            reports r = scan(d, len, fixed, 0);
            cr_assert(same(&r, &whole), "round %d: chunks of %zu differ (%zu vs %zu reports)",
                      round, sizes[i], r.n, whole.n);
            free(r.v);
        }
        for (uint64_t s = 1; s <= 5; s++) {
            reports r = scan(d, len, random_size, s + (uint64_t)round * 100);
            cr_assert(same(&r, &whole), "round %d: random chunking differs", round);
            free(r.v);
        }
        total += whole.n;
        free(whole.v);
    }
    free(doc);
    cr_assert_gt(total, 100, "the documents name entries (%zu reports)", total);
}

Test(scan, a_scanner_is_reused_after_finish)
{
    reports r = {NULL, 0, 0};
    sspr_scanner sc;
    sspr_scan_init(&sc, collect, &r);
    for (int round = 0; round < 3; round++) {
        sspr_scan_feed(&sc, "\xFF\xFE", 2); /* UTF-16 first... */
        sspr_scan_feed(&sc,
                       "E\0r\0r\0o\0r\0 \0g\0e\0t\0t\0i\0n\0g\0 \0"
                       "a\0u\0t\0h\0 \0t\0o\0k\0e\0n\0",
                       48);
        sspr_scan_finish(&sc);
        sspr_scan_feed(&sc, "line 1\nhr=80230402\n", 19); /* ...then UTF-8, from line 1 */
        sspr_scan_finish(&sc);
    }
    cr_assert_eq(r.n, 6);
    for (size_t i = 0; i < r.n; i++)
        cr_assert_eq(r.v[i].line, i % 2 ? 2u : 1u);
    free(r.v);
}
