/* sspr_scan_evtx and sspr_evtx_is: a file of our events (written by
 * write_evtx.py at build time) gives the records and entries that
 * expected/sspr.tsv lists, the same from memory as through a read callback in
 * any read size and in either callback style; input that is no .evtx file is
 * refused; a cut or damaged file is read as far as it can be trusted, with
 * what was skipped counted; public damaged samples likewise. */
#include <criterion/criterion.h>
#include <sspr-errors.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char *p;
    size_t n;
} blob;

static blob slurp(const char *path)
{
    blob b = {NULL, 0};
    FILE *f = fopen(path, "rb");
    cr_assert(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    b.p = malloc((size_t)n + 1);
    cr_assert(b.p);
    b.n = fread(b.p, 1, (size_t)n, f);
    fclose(f);
    cr_assert_eq(b.n, (size_t)n);
    return b;
}

/* Records as "id source event first-entry" lines, and their count. */
typedef struct {
    char *text;
    size_t len, cap, n, entries;
} readings;

static void put(readings *x, const char *s)
{
    size_t k = strlen(s);
    if (x->len + k + 1 > x->cap) {
        x->cap = (x->len + k + 1) * 2;
        x->text = realloc(x->text, x->cap);
        cr_assert(x->text);
    }
    memcpy(x->text + x->len, s, k + 1);
    x->len += k;
}

static void on_record(void *ctx, const sspr_record *r)
{
    readings *x = ctx;
    char line[512];
    const char *src = sspr_record_text(r, SSPR_RECORD_SOURCE);
    const char *format = sspr_record_text(r, SSPR_RECORD_FORMAT);
    const sspr_entry *e = sspr_record_entry(r, 0);
    snprintf(line, sizeof line, "%lld\t%s\t%lld\t%s\t%s\t%s\n",
             (long long)sspr_record_number(r, SSPR_RECORD_RECORD_ID), src ? src : "-",
             (long long)sspr_record_number(r, SSPR_RECORD_EVENT_ID), e ? sspr_entry_id(e) : "none",
             format ? format : "-", sspr_record_text(r, SSPR_RECORD_TIME) ? "time" : "no-time");
    if (format && strcmp(format, "evtx") == 0)
        cr_assert_eq(sspr_record_line(r), 0);
    put(x, line);
    x->n++;
    x->entries += sspr_record_entry_count(r);
}

static void on_match(void *ctx, const sspr_entry *e, uint64_t line)
{
    size_t *n = ctx;
    cr_assert(e);
    cr_assert_eq(line, 0);
    (*n)++;
}

static readings from_memory(const blob *b, sspr_evtx_stats *st, int *rc)
{
    readings x = {NULL, 0, 0, 0, 0};
    sspr_scanner sc;
    sspr_scan_init_records(&sc, on_record, &x);
    *rc = sspr_scan_evtx(&sc, b->p, b->n, NULL, NULL, st);
    put(&x, "");
    return x;
}

typedef struct {
    const blob *b;
    size_t at, step;
    int fail_at; /* fail on this call (or never: -1) */
    int calls;
} reader;

static int64_t read_some(void *ctx, void *buf, size_t len)
{
    reader *r = ctx;
    if (r->calls++ == r->fail_at)
        return -1;
    size_t n = r->b->n - r->at;
    if (n > len)
        n = len;
    if (n > r->step)
        n = r->step;
    memcpy(buf, r->b->p + r->at, n);
    r->at += n;
    return (int64_t)n;
}

static readings from_reader(const blob *b, size_t step, int fail_at, sspr_evtx_stats *st, int *rc)
{
    readings x = {NULL, 0, 0, 0, 0};
    reader rd = {b, 0, step, fail_at, 0};
    sspr_scanner sc;
    sspr_scan_init_records(&sc, on_record, &x);
    *rc = sspr_scan_evtx(&sc, NULL, 0, read_some, &rd, st);
    put(&x, "");
    return x;
}

Test(evtx, the_signature_tells_an_evtx_file)
{
    cr_assert(sspr_evtx_is("ElfFile\0\0\0", 10));
    cr_assert(sspr_evtx_is("ElfFile", 8)); /* with its NUL */
    cr_assert(!sspr_evtx_is("ElfFile", 7));
    cr_assert(!sspr_evtx_is("ElfChnk\0", 8));
    cr_assert(!sspr_evtx_is("Log Name:      Application", 25));
    cr_assert(!sspr_evtx_is(NULL, 8));
}

Test(evtx, what_is_no_evtx_file_is_refused)
{
    readings x = {NULL, 0, 0, 0, 0};
    sspr_scanner sc;
    sspr_evtx_stats st;
    sspr_scan_init_records(&sc, on_record, &x);
    cr_assert_eq(sspr_scan_evtx(&sc, "Event ID 33004: hello", 21, NULL, NULL, &st), -2);
    cr_assert_eq(sspr_scan_evtx(&sc, NULL, 0, NULL, NULL, &st), -2);
    cr_assert_eq(sspr_scan_evtx(NULL, "ElfFile", 8, NULL, NULL, &st), -2);
    cr_assert_eq(st.records, 0);
    cr_assert_eq(x.n, 0);
    /* a signature and nothing after it: no chunk, nothing to trust */
    cr_assert_eq(sspr_scan_evtx(&sc, "ElfFile\0garbage", 15, NULL, NULL, &st), -2);
    cr_assert_eq(x.n, 0);
    /* the scanner still reads text afterwards */
    sspr_scan_feed(&sc, "Event ID 33004: x\n", 18);
    sspr_scan_finish(&sc);
    cr_assert_eq(x.n, 1);
    free(x.text);
}

/* expected/sspr.tsv: record id, provider, event id, the catalogue's entry, the
 * entry scan finds first (the last column), one line per record. */
Test(evtx, our_events_give_their_entries)
{
    blob b = slurp(SSPR_EVTX_SSPR);
    sspr_evtx_stats st;
    int rc;
    readings x = from_memory(&b, &st, &rc);
    cr_assert_eq(rc, 0);
    cr_assert_eq(st.records, x.n);
    cr_assert_eq(st.chunks_skipped + st.records_skipped, 0);
    cr_assert_eq(st.header_bad, 0);
    FILE *f = fopen(SSPR_EVTX_EXPECTED, "r");
    cr_assert(f);
    char line[512];
    size_t checked = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || !strchr(line, '\t') || strncmp(line, "record_id", 9) == 0)
            continue;
        char *col[5] = {0};
        char *p = line;
        for (int c = 0; c < 5 && p; c++) {
            col[c] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        cr_assert(col[4], "bad line in the expectations");
        col[4][strcspn(col[4], "\r\n")] = '\0';
        char want[256];
        snprintf(want, sizeof want, "%s\t%s\t%s\t%s\tevtx\ttime\n", col[0], col[1], col[2],
                 strcmp(col[4], "-") == 0 || col[4][0] == '\0' ? "none" : col[4]);
        cr_assert(strstr(x.text, want), "no record reads %s in:\n%s", want, x.text);
        checked++;
    }
    fclose(f);
    cr_assert_eq(checked, x.n, "%zu expectations, %zu records", checked, x.n);
    cr_assert_geq(checked, 60);

    /* the other callback: one call per entry */
    size_t matches = 0;
    sspr_scanner sc;
    sspr_scan_init(&sc, on_match, &matches);
    cr_assert_eq(sspr_scan_evtx(&sc, b.p, b.n, NULL, NULL, NULL), 0);
    cr_assert_eq(matches, x.entries);
    free(x.text);
    free(b.p);
}

Test(evtx, a_read_callback_in_any_read_size_reads_the_same)
{
    blob b = slurp(SSPR_EVTX_SSPR);
    sspr_evtx_stats st, st2;
    int rc, rc2;
    readings mem = from_memory(&b, &st, &rc);
    static const size_t steps[] = {1, 7, 512, 4096, 65536, 1 << 20};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        readings x = from_reader(&b, steps[i], -1, &st2, &rc2);
        cr_assert_eq(rc2, rc);
        cr_assert_str_eq(x.text, mem.text, "read %zu bytes at a time", steps[i]);
        cr_assert_eq(st2.records, st.records);
        cr_assert_eq(st2.bytes, b.n);
        free(x.text);
    }
    /* a read error ends the scan with -1; what came before was reported */
    readings x = from_reader(&b, 4096, 5, &st2, &rc2);
    cr_assert_eq(rc2, -1);
    cr_assert_eq(x.n, 0); /* the first chunk was not complete */
    free(x.text);
    free(mem.text);
    free(b.p);
}

Test(evtx, a_cut_or_damaged_file_is_read_as_far_as_it_can_be_trusted)
{
    blob b = slurp(SSPR_EVTX_SSPR);
    sspr_evtx_stats st;
    int rc;
    readings whole = from_memory(&b, &st, &rc);
    size_t all = whole.n;
    cr_assert_gt(all, 0);
    /* cut anywhere: never more records than the whole, never a crash */
    for (size_t cut = 0; cut < b.n; cut += 997) {
        blob c = {b.p, cut};
        readings x = from_memory(&c, &st, &rc);
        cr_assert_leq(x.n, all);
        if (cut >= 8 && cut < 4096 + 65536) /* the chunk is cut short: skipped */
            cr_assert(x.n == 0 && (rc == -2 || st.chunks_skipped == 1),
                      "cut at %zu: rc %d, %llu chunks skipped", cut, rc,
                      (unsigned long long)st.chunks_skipped);
        free(x.text);
    }
    /* bytes flipped inside the records: what still holds is read */
    unsigned char *copy = malloc(b.n);
    cr_assert(copy);
    for (size_t at = 4096 + 512; at < b.n; at += 1499) {
        memcpy(copy, b.p, b.n);
        for (size_t k = 0; k < 16 && at + k < b.n; k++)
            copy[at + k] ^= 0x5A;
        blob c = {copy, b.n};
        readings x = from_memory(&c, &st, &rc);
        cr_assert_eq(rc, 0);
        cr_assert_leq(x.n, all);
        cr_assert_eq(st.records, x.n);
        free(x.text);
    }
    free(copy);
    free(whole.text);
    free(b.p);
}

Test(evtx, public_damaged_samples_are_read_with_what_was_skipped_counted)
{
    static const struct {
        const char *name;
        size_t min_records;
    } samples[] = {
        {"sample_with_a_bad_chunk_magic.evtx", 267},
        {"2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx", 1910},
        {"issue_201.evtx", 1},
        {"MSExchange_Management_wec.evtx", 1},
        {"Application_no_crc32.evtx", 17},
    };
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", SSPR_EVTX_SAMPLES, samples[i].name);
        blob b = slurp(path);
        sspr_evtx_stats st;
        int rc;
        readings x = from_memory(&b, &st, &rc);
        cr_assert_eq(rc, 0, "%s", samples[i].name);
        cr_assert_geq(x.n, samples[i].min_records, "%s: %zu records", samples[i].name, x.n);
        cr_assert_eq(st.records, x.n);
        free(x.text);
        free(b.p);
    }
}
