/* Whole-process cost of the CLI: `sspr-errors lookup 32009` beside a program
 * that does nothing (same libc, same dynamic loader), as wall time per run
 * (median of repeated batches after a warm-up) and peak resident memory.
 *
 *   bench-cli PATH-TO-sspr-errors PATH-TO-bench-empty */
#define _DEFAULT_SOURCE /* wait4 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { BATCH = 50, REPS = 11 };

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* Runs argv once with output to /dev/null; returns its peak RSS in KiB. */
static long run_once(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
        WEXITSTATUS(status) == 127) {
        fprintf(stderr, "bench-cli: cannot run %s\n", argv[0]);
        exit(1);
    }
    return ru.ru_maxrss;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_us(char *const argv[], long *rss)
{
    double s[REPS];
    for (int i = 0; i < 5; i++) /* warm-up: page cache, loader caches */
        *rss = run_once(argv);
    for (int r = 0; r < REPS; r++) {
        double t0 = now_us();
        for (int i = 0; i < BATCH; i++)
            *rss = run_once(argv);
        s[r] = (now_us() - t0) / BATCH;
    }
    qsort(s, REPS, sizeof *s, cmp);
    return s[REPS / 2];
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: bench-cli SSPR-ERRORS EMPTY-PROGRAM\n", stderr);
        return 2;
    }
    char *cli[] = {argv[1], "lookup", "32009", NULL};
    char *empty[] = {argv[2], NULL};
    long rss_cli, rss_empty;
    double t_cli = median_us(cli, &rss_cli);
    double t_empty = median_us(empty, &rss_empty);
    printf("%-28s %10s %12s\n", "process", "us/run", "peak RSS KiB");
    printf("%-28s %10.0f %12ld\n", "sspr-errors lookup 32009", t_cli, rss_cli);
    printf("%-28s %10.0f %12ld\n", "empty program", t_empty, rss_empty);
    printf("ratio to the empty program: %.2fx time, %.2fx memory\n", t_cli / t_empty,
           (double)rss_cli / (double)rss_empty);
    return 0;
}
