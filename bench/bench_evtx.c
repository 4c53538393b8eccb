/* .evtx reading: sspr_scan_evtx (the library's reader, every record matched
 * against the catalogue as `scan` does) beside Debian's `evtxexport -f xml`
 * (libevtx) on the same files. Not a test: it times things.
 *
 *   bench-evtx FILE...
 *
 * For each file: its size, the records ours read, then records/s and MB/s
 * (1 MB = 10^6 bytes) for ours (best of three, the file in memory, one core)
 * and for evtxexport (one run, output to /dev/null, the file in the page
 * cache), and how many times faster ours is. Run by bench/run.sh on a
 * generated file of 100 MB (tests/evtx/write_evtx.py --bulk) and the public
 * samples of tests/evtx/samples. */
#define _POSIX_C_SOURCE 200809L
#include "sspr-errors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { RUNS = 3 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void count_record(void *ctx, const sspr_record *r)
{
    uint64_t *n = ctx;
    (void)r;
    (*n)++;
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = size > 0 ? malloc((size_t)size) : NULL;
    *n = p ? fread(p, 1, (size_t)size, f) : 0;
    fclose(f);
    return p;
}

/* The shell's quoting of a path, for system(). */
static void quote(const char *s, char *out, size_t size)
{
    size_t o = 0;
    out[o++] = '\'';
    for (; *s && o + 5 < size; s++) {
        if (*s == '\'') {
            memcpy(out + o, "'\\''", 4);
            o += 4;
        } else {
            out[o++] = *s;
        }
    }
    out[o++] = '\'';
    out[o] = '\0';
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: bench-evtx FILE...\n", stderr);
        return 2;
    }
    printf("sspr_scan_evtx beside evtxexport -f xml (%s)\n", sspr_version());
    printf("  %-34s %9s %8s  %12s %9s  %12s %9s  %7s\n", "file", "size", "records", "ours rec/s",
           "MB/s", "evtxexport", "MB/s", "ratio");
    for (int a = 1; a < argc; a++) {
        size_t n;
        unsigned char *p = slurp(argv[a], &n);
        if (!p) {
            fprintf(stderr, "bench-evtx: %s: cannot read\n", argv[a]);
            return 2;
        }
        double best = 1e30;
        uint64_t records = 0;
        for (int r = 0; r < RUNS; r++) {
            uint64_t got = 0;
            sspr_scanner sc;
            sspr_scan_init_records(&sc, count_record, &got);
            double t0 = now();
            if (sspr_scan_evtx(&sc, p, n, NULL, NULL, NULL) != 0) {
                fprintf(stderr, "bench-evtx: %s: not read\n", argv[a]);
                return 2;
            }
            double t = now() - t0;
            if (t < best)
                best = t;
            records = got;
        }
        free(p);
        char q[4096], cmd[8192];
        quote(argv[a], q, sizeof q);
        snprintf(cmd, sizeof cmd, "evtxexport -f xml %s >/dev/null 2>&1", q);
        double t0 = now();
        int rc = system(cmd);
        double theirs = now() - t0;
        const char *name = strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a];
        char shown[35];
        snprintf(shown, sizeof shown, "%s", name);
        double mb = (double)n / 1e6;
        printf("  %-34s %6.1f MB %8llu  %12.0f %9.1f  ", shown, mb, (unsigned long long)records,
               (double)records / best, mb / best);
        if (rc == 0)
            printf("%12.0f %9.1f  %6.1fx\n", (double)records / theirs, mb / theirs, theirs / best);
        else
            printf("%12s %9s  %7s\n", "failed", "-", "-");
    }
    return 0;
}
