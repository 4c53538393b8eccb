/* sspr-gperf-bundle: runs gperf over each shard of a bundle written by the
 * generator (emit_gperf_bundle in gen/emit_gperf.c) and writes one C file: the
 * shards' gperf output in order, then the bundle's tail (the dispatcher).
 *
 *   sspr-gperf-bundle GPERF OUTPUT.inc INPUT.bundle [GPERF-OPTION...]
 *
 * Shard K's gperf input is kept beside the output as OUTPUT.inc.K.gperf (gperf's
 * #line directives name it). The output is written to a temporary name and
 * renamed into place. Exit status 0, or 1 with a message. */
#define _POSIX_C_SOURCE 200809L
#include "fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *prog = "sspr-gperf-bundle";

static char *read_all(const char *path, size_t *len)
{
    char *text = gen_read_file(path, len);
    if (!text)
        fprintf(stderr, "%s: %s: cannot read: %s\n", prog, path, strerror(errno));
    return text;
}

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "%s: %s: cannot write\n", prog, path);
        return -1;
    }
    return 0;
}

/* Runs gperf with the options, the output file and the input; 0 on success. */
static int run_gperf(const char *gperf, char **opts, int nopts, const char *in, const char *out)
{
    char outarg[8300];
    snprintf(outarg, sizeof outarg, "--output-file=%s", out);
    char **argv = calloc((size_t)nopts + 4, sizeof *argv);
    if (!argv)
        return -1;
    argv[0] = (char *)gperf;
    for (int i = 0; i < nopts; i++)
        argv[1 + i] = opts[i];
    argv[1 + nopts] = outarg;
    argv[2 + nopts] = (char *)in;
    pid_t pid = fork();
    if (pid == 0) {
        execv(gperf, argv);
        execvp(gperf, argv);
        fprintf(stderr, "%s: cannot run %s: %s\n", prog, gperf, strerror(errno));
        _exit(127);
    }
    free(argv);
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
        fprintf(stderr, "%s: gperf failed on %s\n", prog, in);
        return -1;
    }
    return 0;
}

static int append_file(FILE *out, const char *path)
{
    size_t len;
    char *text = read_all(path, &len);
    if (!text)
        return -1;
    int rc = fwrite(text, 1, len, out) == len ? 0 : -1;
    free(text);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s GPERF OUTPUT INPUT [GPERF-OPTION...]\n", prog);
        return 1;
    }
    const char *gperf = argv[1], *output = argv[2], *input = argv[3];
    size_t len;
    char *text = read_all(input, &len);
    if (!text)
        return 1;
    unsigned shards;
    if (sscanf(text, "#sspr-gperf-bundle %u", &shards) != 1 || shards == 0) {
        fprintf(stderr, "%s: %s: not a gperf bundle\n", prog, input);
        free(text);
        return 1;
    }
    char path[4200], cout[4200];
    FILE *out = gen_create(output);
    if (!out) {
        fprintf(stderr, "%s: %s: cannot write: %s\n", prog, output, strerror(errno));
        free(text);
        return 1;
    }
    int rc = 0;
    char *p = strstr(text, "\n#shard\n");
    for (unsigned s = 0; s < shards && rc == 0; s++) {
        if (!p) {
            fprintf(stderr, "%s: %s: shard %u is missing\n", prog, input, s);
            rc = -1;
            break;
        }
        char *body = p + 8;
        char *end = strstr(body, "\n#shard\n");
        char *tail = strstr(body, "\n#tail\n");
        if (!end || (tail && tail < end))
            end = tail;
        if (!end) {
            fprintf(stderr, "%s: %s: no #tail\n", prog, input);
            rc = -1;
            break;
        }
        snprintf(path, sizeof path, "%s.%u.gperf", output, s);
        snprintf(cout, sizeof cout, "%s.%u.c", output, s);
        rc = write_file(path, body, (size_t)(end - body) + 1);
        if (rc == 0)
            rc = run_gperf(gperf, argv + 4, argc - 4, path, cout);
        if (rc == 0)
            rc = append_file(out, cout);
        remove(cout);
        p = end;
    }
    char *tail = rc == 0 ? strstr(text, "\n#tail\n") : NULL;
    if (rc == 0 && !tail) {
        fprintf(stderr, "%s: %s: no #tail\n", prog, input);
        rc = -1;
    }
    if (rc == 0)
        rc = fputs(tail + 7, out) < 0 ? -1 : 0;
    free(text);
    if (gen_commit(out, output, rc == 0) != 0) {
        fprintf(stderr, "%s: %s not written\n", prog, output);
        return 1;
    }
    return 0;
}
