/* Concurrency: many threads doing lookups, searches and scans at once must get
 * exactly what one thread gets (each thread feeds its own scanner, in chunks of
 * its own size). Run under ThreadSanitizer in CI (build-tsan), where a data race
 * in the library fails the test. A plain program rather than a Criterion test:
 * Criterion's shared-memory arena cannot be mapped under ThreadSanitizer. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "sspr-errors.h"

enum { THREADS = 8, ROUNDS = 20, MAXQ = 4096, MAXR = 16, MAXH = 8, LOG = 1 << 16, MAXM = 2048 };

static char queries[MAXQ][128];
static size_t nqueries;
static const sspr_entry *expected[MAXQ][MAXR];
static size_t expected_n[MAXQ];
static sspr_hit expected_hits[MAXQ][MAXH];
static size_t expected_hits_n[MAXQ];

/* An event log made of the queries, one to a line, in three layouts. */
static char log_text[LOG];
static size_t log_len;

/* What a scan reported: (line, entry) in order. */
typedef struct {
    struct {
        uint64_t line;
        const sspr_entry *entry;
    } v[MAXM];
    size_t n;
} matches;

static matches expected_matches;

static void on_match(void *ctx, const sspr_entry *e, uint64_t line)
{
    matches *m = ctx;
    if (m->n < MAXM) {
        m->v[m->n].line = line;
        m->v[m->n].entry = e;
    }
    m->n++;
}

static void scan_log(matches *m, size_t chunk)
{
    sspr_scanner sc;
    memset(m, 0, sizeof *m);
    sspr_scan_init(&sc, on_match, m);
    for (size_t at = 0; at < log_len; at += chunk)
        sspr_scan_feed(&sc, log_text + at, at + chunk <= log_len ? chunk : log_len - at);
    sspr_scan_finish(&sc);
}

static int same_matches(const matches *a, const matches *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n && i < MAXM; i++)
        if (a->v[i].line != b->v[i].line || a->v[i].entry != b->v[i].entry)
            return 0;
    return 1;
}

static void log_line(const char *fmt, const char *a, const char *b)
{
    int n = snprintf(log_text + log_len, LOG - log_len, fmt, a, b);
    if (n > 0 && (size_t)n < LOG - log_len)
        log_len += (size_t)n;
}

/* Free text, Event Viewer's tab-delimited export and Format-List records. */
static void build_log(void)
{
    log_len = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        char code[32];
        if (sspr_entry_code(e) < 0 || !sspr_entry_source(e))
            continue;
        snprintf(code, sizeof code, "%lld", (long long)sspr_entry_code(e));
        const char *msg = sspr_entry_message_count(e) ? sspr_entry_message(e, 0) : "no text";
        if (i % 2)
            log_line("Error\t11/25/2026 10:00:00 AM\t%s\t%s\tNone\t", sspr_entry_source(e), code);
        else
            log_line("ProviderName : %s\nId           : %s\nMessage      : ", sspr_entry_source(e),
                     code);
        log_line("%s%s\n\n", msg, "");
        for (size_t h = 0; h < sspr_entry_hresult_count(e); h++) {
            char hr[32];
            snprintf(hr, sizeof hr, "hr=%08X", (unsigned)sspr_entry_hresult(e, h));
            log_line("free text: the sync failed with %s%s\n", hr, "");
        }
    }
}

static void add(const char *q)
{
    if (nqueries < MAXQ && q && strlen(q) < sizeof queries[0])
        strcpy(queries[nqueries++], q);
}

/* Every way the catalogue can be asked for, plus a few misses. */
static void build_queries(void)
{
    nqueries = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        char buf[64];
        add(sspr_entry_id(e));
        add(sspr_entry_name(e));
        for (size_t a = 0; a < sspr_entry_alias_count(e); a++)
            add(sspr_entry_alias(e, a));
        for (size_t m = 0; m < sspr_entry_message_count(e); m++)
            add(sspr_entry_message(e, m));
        if (sspr_entry_code(e) >= 0) {
            snprintf(buf, sizeof buf, "%s %lld", sspr_entry_source(e),
                     (long long)sspr_entry_code(e));
            add(buf);
        }
        for (size_t h = 0; h < sspr_entry_hresult_count(e); h++) {
            snprintf(buf, sizeof buf, "hr=%08X", (unsigned)sspr_entry_hresult(e, h));
            add(buf);
        }
    }
    add("32006");
    add("nothing at all matches this");
    add("");
}

typedef struct {
    size_t mismatches;
    size_t chunk; /* this thread's scan chunk size */
    matches got;  /* its last scan */
} work;

static void *worker(void *arg)
{
    work *w = arg;
    for (int r = 0; r < ROUNDS; r++) {
        for (size_t q = 0; q < nqueries; q++) {
            const sspr_entry *got[MAXR];
            size_t n = sspr_lookup(queries[q], got, MAXR);
            if (n != expected_n[q] || memcmp(got, expected[q], (n < MAXR ? n : MAXR) * sizeof *got))
                w->mismatches++;
            const sspr_entry *e = sspr_by_id(queries[q]);
            if (e && strcmp(sspr_entry_id(e), queries[q]) != 0)
                w->mismatches++;
            sspr_hit hits[MAXH];
            size_t nh = sspr_search(queries[q], hits, MAXH);
            if (nh != expected_hits_n[q])
                w->mismatches++;
            for (size_t i = 0; i < nh && i < MAXH && nh == expected_hits_n[q]; i++)
                if (hits[i].entry != expected_hits[q][i].entry ||
                    hits[i].score != expected_hits[q][i].score)
                    w->mismatches++;
        }
        scan_log(&w->got, w->chunk);
        if (!same_matches(&w->got, &expected_matches))
            w->mismatches++;
    }
    return NULL;
}

int main(void)
{
    build_queries();
    build_log();
    if (nqueries < 100 || log_len < 1000) {
        printf("only %zu queries, %zu bytes of log\n0 passed, 1 failed\n", nqueries, log_len);
        return 1;
    }
    for (size_t q = 0; q < nqueries; q++) {
        expected_n[q] = sspr_lookup(queries[q], expected[q], MAXR);
        expected_hits_n[q] = sspr_search(queries[q], expected_hits[q], MAXH);
    }
    scan_log(&expected_matches, log_len);
    if (expected_matches.n < 20) {
        printf("the log names only %zu entries\n0 passed, 1 failed\n", expected_matches.n);
        return 1;
    }

    static work w[THREADS]; /* each holds a scan's matches: not on the stack */
    pthread_t tid[THREADS];
    int failed = 0;
    for (int t = 0; t < THREADS; t++) {
        w[t].chunk = 1 + (size_t)t * 997; /* 1 byte, then odd sizes that split lines */
        if (pthread_create(&tid[t], NULL, worker, &w[t]) != 0) {
            printf("pthread_create failed\n0 passed, 1 failed\n");
            return 1;
        }
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(tid[t], NULL);
        if (w[t].mismatches) {
            printf("thread %d saw %zu results differ from one thread's\n", t, w[t].mismatches);
            failed = 1;
        }
    }
    printf("%d threads x %d rounds x (%zu lookups and searches, a %zu-byte log scanned: "
           "%zu matches)\n",
           THREADS, ROUNDS, nqueries, log_len, expected_matches.n);
    printf("%d passed, %d failed\n", !failed, failed);
    return failed;
}
