/* Search benchmark: sspr_search per query, in microseconds (median of repeated
 * timed runs after a warm-up), over the ticket phrasings of the quality set.
 *
 *   bench-search tests/search/queries.tsv */
#define _POSIX_C_SOURCE 200809L
#include "sspr-errors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { REPS = 15, MAXQ = 256 };

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    static char queries[MAXQ][512];
    size_t n = 0;
    char line[1024];
    FILE *f = argc > 1 ? fopen(argv[1], "r") : NULL;
    if (!f) {
        fputs("usage: bench-search QUERIES.tsv\n", stderr);
        return 2;
    }
    while (n < MAXQ && fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        tab[strcspn(tab, "\r\n")] = '\0';
        snprintf(queries[n++], sizeof queries[0], "%s", tab + 1);
    }
    fclose(f);
    sspr_hit hits[5];
    volatile size_t sink = 0;
    double samples[REPS];
    for (size_t q = 0; q < n; q++) /* warm-up */
        sink += sspr_search(queries[q], hits, 5);
    for (int r = 0; r < REPS; r++) {
        double t0 = now_ns();
        for (int k = 0; k < 20; k++)
            for (size_t q = 0; q < n; q++)
                sink += sspr_search(queries[q], hits, 5);
        samples[r] = (now_ns() - t0) / (20.0 * (double)n) / 1e3;
    }
    qsort(samples, REPS, sizeof *samples, cmp);
    printf("sspr_search: %zu ticket phrasings, median %.2f us per query (fastest run %.2f, "
           "slowest %.2f)\n",
           n, samples[REPS / 2], samples[0], samples[REPS - 1]);
    (void)sink;
    return 0;
}
