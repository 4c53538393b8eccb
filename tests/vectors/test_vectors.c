/* Replays the cross-language test vector (lookup.tsv) against the C library:
 * every query must answer exactly the ids the file lists, in that order.
 *
 *   test_vectors lookup.tsv */
#include "vectors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const functions[] = {"lookup",     "by_id",  "by_name", "by_code",
                                        "by_hresult", "search", "scan",    NULL};

static int known(const char *function)
{
    for (size_t i = 0; functions[i]; i++)
        if (strcmp(functions[i], function) == 0)
            return 1;
    return 0;
}

/* The ids of out[0..n) space-separated, into buf; 0 when it does not fit. */
static int join_ids(const sspr_entry **out, size_t n, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i ? " " : "", sspr_entry_id(out[i]));
        if (w < 0 || (size_t)w >= size - used)
            return 0;
        used += (size_t)w;
    }
    return 1;
}

/* A scan line: the input (relative to the vector's folder) must give the
 * recorded matches whole and fed one byte at a time. */
static int scan_agrees(const char *tsv, unsigned lineno, const char *input, const char *want)
{
    static char path[4096], got[65536];
    const char *slash = strrchr(tsv, '/');
    int dir = slash ? (int)(slash - tsv) : 1;
    snprintf(path, sizeof path, "%.*s/%s", dir, slash ? tsv : ".", input);
    static const size_t chunks[] = {4096, 1};
    for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++) {
        if (vector_scan(path, chunks[c], got, sizeof got) != 0) {
            fprintf(stderr, "%s:%u: error: cannot scan %s\n", tsv, lineno, path);
            return 0;
        }
        if (strcmp(got, want) != 0) {
            fprintf(stderr,
                    "%s:%u: error: scanning %s in chunks of %zu gave [%s], the vector says [%s]\n",
                    tsv, lineno, path, chunks[c], got, want);
            return 0;
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: test_vectors lookup.tsv\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static char line[16384], got[16384];
    const sspr_entry **out = NULL;
    size_t cap = 0, passed = 0, failed = 0;
    for (unsigned lineno = 1; fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *query = strchr(line, '\t'), *want = query ? strchr(query + 1, '\t') : NULL;
        if (!want) {
            fprintf(stderr, "%s:%u: error: expected FUNCTION<TAB>QUERY<TAB>IDS\n", argv[1], lineno);
            failed++;
            continue;
        }
        *query++ = '\0';
        *want++ = '\0';
        if (!known(line)) {
            fprintf(stderr, "%s:%u: error: unknown function '%s'\n", argv[1], lineno, line);
            failed++;
            continue;
        }
        if (strcmp(line, "scan") == 0) {
            if (!scan_agrees(argv[1], lineno, query, want))
                failed++;
            else
                passed++;
            continue;
        }
        size_t n = vector_run(line, query, &out, &cap);
        if (!join_ids(out, n, got, sizeof got) || strcmp(got, want) != 0) {
            fprintf(stderr, "%s:%u: error: %s(\"%s\") gave [%s], the vector says [%s]\n", argv[1],
                    lineno, line, query, got, want);
            failed++;
        } else {
            passed++;
        }
    }
    fclose(f);
    free(out);
    if (passed == 0 && failed == 0) {
        fprintf(stderr, "%s: no test vectors\n", argv[1]);
        return 1;
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    return failed ? 1 : 0;
}
