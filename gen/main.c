/* sspr-gen: validates the catalogue and renders the library's generated sources.
 *
 *   sspr-gen --check FILE...             validate only
 *   sspr-gen --outdir DIR FILE...        validate, then write into DIR:
 *       sspr-data.inc                      C tables (src/lib/private.h layout)
 *       {ids,names,messages,codes,hresults}.gperf   gperf inputs
 *
 * Exit status: 0 success, 1 the catalogue has problems (each reported as
 * file:line:column: error: message), 2 usage error, 3 an output could not be written. */
#include "diag.h"
#include "emit.h"
#include "index.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: sspr-gen --check FILE...\n"
          "       sspr-gen --outdir DIR FILE...\n",
          f);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = gen_xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static int emit_all(const m_catalog *cat, const char *dir)
{
    int bad = 0;
    char *path = join(dir, "sspr-data.inc");
    bad |= emit_c_tables(cat, path) != 0;
    free(path);
    for (int t = 0; t < IX_COUNT; t++) {
        char name[64];
        snprintf(name, sizeof name, "%s.gperf", ix_table_names[t]);
        path = join(dir, name);
        bad |= emit_gperf(cat, ix_table_names[t], path) != 0;
        free(path);
    }
    return bad;
}

int main(int argc, char **argv)
{
    const char *outdir = NULL;
    int check = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--check") == 0)
            check = 1;
        else if (strcmp(argv[i], "--outdir") == 0 && i + 1 < argc)
            outdir = argv[++i];
        else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            fprintf(stderr, "sspr-gen: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (i >= argc || (!check && !outdir) || (check && outdir)) {
        usage(stderr);
        return 2;
    }
    m_catalog cat;
    int rc = m_load(&cat, argv + i, (size_t)(argc - i));
    if (rc != 0) {
        fprintf(stderr, "sspr-gen: %zu error%s in the catalogue\n", gen_error_count(),
                gen_error_count() == 1 ? "" : "s");
        m_free(&cat);
        return 1;
    }
    if (outdir && emit_all(&cat, outdir) != 0) {
        m_free(&cat);
        return 3;
    }
    m_free(&cat);
    return 0;
}
