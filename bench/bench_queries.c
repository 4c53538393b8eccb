/* The native side of bench/bench_wasm.mjs: sspr_lookup and sspr_search per
 * call, in nanoseconds, over the queries of the search quality set (the ticket
 * phrasings, and the entry ids it names), timed as bench_wasm.mjs times the
 * same calls in WebAssembly: the fastest of REPS runs, each run every query
 * LOOPS times, after a warm-up (the fastest: other load on the machine only
 * ever adds time). Prints one JSON object.
 *
 *   bench-queries tests/search/queries.tsv */
#define _POSIX_C_SOURCE 200809L
#include "sspr-errors.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

enum { REPS = 15, LOOPS = 20, MAXQ = 512 };

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static volatile size_t sink;

/* What one run calls: lookup (0) or search (1) on each query. */
static void run(int what, char (*q)[512], size_t n)
{
    const sspr_entry *out[16];
    sspr_hit hits[5];
    for (size_t i = 0; i < n; i++)
        sink += what ? sspr_search(q[i], hits, 5) : sspr_lookup(q[i], out, 16);
}

/* The fastest run's ns per call of what over q[0..n). */
static double fastest_ns(int what, char (*q)[512], size_t n)
{
    double best = 0;
    run(what, q, n); /* warm-up */
    for (int r = 0; r < REPS; r++) {
        double t0 = now_ns();
        for (int k = 0; k < LOOPS; k++)
            run(what, q, n);
        double t = (now_ns() - t0) / (LOOPS * (double)n);
        if (r == 0 || t < best)
            best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    static char texts[MAXQ][512], ids[MAXQ][512];
    size_t ntexts = 0, nids = 0;
    char line[1024];
    FILE *f = argc > 1 ? fopen(argv[1], "r") : NULL;
    if (!f) {
        fputs("usage: bench-queries QUERIES.tsv\n", stderr);
        return 2;
    }
    /* EXPECTED<TAB>QUERY; EXPECTED is an id or ids joined by '|' */
    while (ntexts < MAXQ && fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        tab[1 + strcspn(tab + 1, "\r\n")] = '\0';
        snprintf(texts[ntexts++], sizeof texts[0], "%s", tab + 1);
        for (char *id = strtok(line, "|"); id && nids < MAXQ; id = strtok(NULL, "|"))
            snprintf(ids[nids++], sizeof ids[0], "%s", id);
    }
    fclose(f);
    printf("{\"lookup_ids\": %.1f, \"lookup_texts\": %.1f, \"search\": %.1f, \"ids\": %zu, "
           "\"texts\": %zu}\n",
           fastest_ns(0, ids, nids), fastest_ns(0, texts, ntexts), fastest_ns(1, texts, ntexts),
           nids, ntexts);
    return 0;
}
