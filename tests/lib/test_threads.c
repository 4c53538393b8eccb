/* Concurrency: many threads doing lookups at once must get exactly what one
 * thread gets. Run under ThreadSanitizer in CI (build-tsan), where a data race
 * in the library fails the test. A plain program rather than a Criterion test:
 * Criterion's shared-memory arena cannot be mapped under ThreadSanitizer. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "sspr-errors.h"

enum { THREADS = 8, ROUNDS = 20, MAXQ = 4096, MAXR = 16 };

static char queries[MAXQ][128];
static size_t nqueries;
static const sspr_entry *expected[MAXQ][MAXR];
static size_t expected_n[MAXQ];

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

static void *worker(void *arg)
{
    size_t *mismatches = arg;
    for (int r = 0; r < ROUNDS; r++) {
        for (size_t q = 0; q < nqueries; q++) {
            const sspr_entry *got[MAXR];
            size_t n = sspr_lookup(queries[q], got, MAXR);
            if (n != expected_n[q] || memcmp(got, expected[q], (n < MAXR ? n : MAXR) * sizeof *got))
                (*mismatches)++;
            const sspr_entry *e = sspr_by_id(queries[q]);
            if (e && strcmp(sspr_entry_id(e), queries[q]) != 0)
                (*mismatches)++;
        }
    }
    return NULL;
}

int main(void)
{
    build_queries();
    if (nqueries < 100) {
        printf("only %zu queries\n0 passed, 1 failed\n", nqueries);
        return 1;
    }
    for (size_t q = 0; q < nqueries; q++)
        expected_n[q] = sspr_lookup(queries[q], expected[q], MAXR);

    pthread_t tid[THREADS];
    size_t mismatches[THREADS] = {0};
    int failed = 0;
    for (int t = 0; t < THREADS; t++)
        if (pthread_create(&tid[t], NULL, worker, &mismatches[t]) != 0) {
            printf("pthread_create failed\n0 passed, 1 failed\n");
            return 1;
        }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(tid[t], NULL);
        if (mismatches[t]) {
            printf("thread %d saw %zu results differ from one thread's\n", t, mismatches[t]);
            failed = 1;
        }
    }
    printf("%d threads x %d rounds x %zu queries\n", THREADS, ROUNDS, nqueries);
    printf("%d passed, %d failed\n", !failed, failed);
    return failed;
}
