/* sspr-gen: validates the catalogue and renders everything generated from it.
 *
 *   sspr-gen --check FILE...                 validate only
 *   sspr-gen --outdir DIR FILE...            validate, then write the library's sources into DIR:
 *       sspr-data.inc                          C tables (src/lib/private.h layout)
 *       {ids,names,messages}.gperf             gperf inputs
 *       sspr-search.inc, search.gperf          search index (table `outdir_extra`)
 *       sspr-scan.inc                          event-log scanner patterns
 *       sspr-labels.inc                        the scanner's label hash
 *   sspr-gen --emit NAME --output PATH FILE...   validate, then write one other output
 *       (NAME from the table `emitters` below; `sspr-gen --list` prints them); for
 *       the outputs of several files (sigma, eventviewer) PATH is a directory
 *
 * Exit status: 0 success, 1 the catalogue has problems (each reported as
 * file:line:column: error: message), 2 usage error, 3 an output could not be written. */
#include "diag.h"
#include "emit.h"
#include "emit_bindings.h"
#include "emit_doc.h"
#include "emit_ffi.h"
#include "emit_search.h"
#include "emit_siem.h"
#include "index.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Single-file outputs selected with --emit. Add one line per new output module. */
static const struct {
    const char *name, *what;
    int (*emit)(const m_catalog *cat, const char *path);
} emitters[] = {
    {"c-tables", "the C tables (also written by --outdir)", emit_c_tables},
    {"python-codes", "bindings/python/sspr_errors/_codes.py", emit_python_codes},
    {"rust-codes", "bindings/rust/src/codes.rs", emit_rust_codes},
    {"go-codes", "bindings/go/codes.go", emit_go_codes},
    {"csharp-codes", "bindings/csharp/src/Codes.g.cs", emit_csharp_codes},
    {"java-codes", "bindings/java/src/sspr/errors/Codes.java", emit_java_codes},
    {"python-ffi", "bindings/python/sspr_errors/_ffi.py, from gen/api.c", emit_python_ffi},
    {"rust-ffi", "bindings/rust/src/sys.rs, from gen/api.c", emit_rust_ffi},
    {"go-ffi", "bindings/go/ffi.go, from gen/api.c", emit_go_ffi},
    {"csharp-ffi", "bindings/csharp/src/Native.g.cs, from gen/api.c", emit_csharp_ffi},
    {"java-ffi", "bindings/java/src/sspr/errors/NativeLib.java, from gen/api.c", emit_java_ffi},
    {"c-api", "a C program checking gen/api.c against the header", emit_c_api},
    {"api-list", "the functions of gen/api.c with their version nodes", emit_api_list},
    {"man7", "sspr-errors.7, the catalogue as a man page", emit_man7},
    {"html", "the catalogue as one self-contained HTML reference", emit_html},
    {"search-tables", "the search postings (also written by --outdir)", emit_search_tables},
    {"search-gperf", "the search term dictionary (also written by --outdir)", emit_search_gperf},
    {"scan-tables", "the event-log scanner's patterns (also written by --outdir)",
     emit_scan_tables},
    {"scan-labels", "the scanner's label hash (also written by --outdir)", emit_scan_labels},
    {"json-schema", "catalog/schema.json, the catalogue's JSON Schema", emit_json_schema},
    {"sigma", "Sigma rules for the failures, into the directory PATH", emit_sigma},
    {"eventviewer", "an Event Viewer view and a WEF subscription, into the directory PATH",
     emit_eventviewer},
};

/* Files --outdir writes after the gperf inputs (src/lib/meson.build
 * lists the same names). */
static const struct {
    const char *file;
    int (*emit)(const m_catalog *cat, const char *path);
} outdir_extra[] = {
    {"sspr-search.inc", emit_search_tables},
    {"search.gperf", emit_search_gperf},
    {"sspr-scan.inc", emit_scan_tables},
    {"sspr-labels.inc", emit_scan_labels},
};

static void usage(FILE *f)
{
    fputs("usage: sspr-gen --check FILE...\n"
          "       sspr-gen --outdir DIR FILE...\n"
          "       sspr-gen --emit NAME --output PATH FILE...  (sigma, eventviewer: PATH is a "
          "directory)\n"
          "       sspr-gen --list\n",
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
    for (int t = 0; t < IX_TEXT_TABLES; t++) {
        char name[64];
        snprintf(name, sizeof name, "%s.gperf", ix_table_names[t]);
        path = join(dir, name);
        bad |= emit_gperf(cat, ix_table_names[t], path) != 0;
        free(path);
    }
    for (size_t x = 0; x < sizeof outdir_extra / sizeof *outdir_extra; x++) {
        path = join(dir, outdir_extra[x].file);
        bad |= outdir_extra[x].emit(cat, path) != 0;
        free(path);
    }
    return bad;
}

int main(int argc, char **argv)
{
    const char *outdir = NULL, *emit = NULL, *output = NULL;
    int check = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--check") == 0)
            check = 1;
        else if (strcmp(argv[i], "--outdir") == 0 && i + 1 < argc)
            outdir = argv[++i];
        else if (strcmp(argv[i], "--emit") == 0 && i + 1 < argc)
            emit = argv[++i];
        else if (strcmp(argv[i], "--output") == 0 && i + 1 < argc)
            output = argv[++i];
        else if (strcmp(argv[i], "--list") == 0) {
            for (size_t e = 0; e < sizeof emitters / sizeof *emitters; e++)
                printf("%-16s %s\n", emitters[e].name, emitters[e].what);
            return 0;
        } else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "--outdir") == 0 || strcmp(argv[i], "--emit") == 0 ||
                   strcmp(argv[i], "--output") == 0) {
            fprintf(stderr, "sspr-gen: option '%s' needs a value\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            fprintf(stderr, "sspr-gen: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    int modes = check + (outdir != NULL) + (emit != NULL);
    if (i >= argc || modes != 1 || (emit != NULL) != (output != NULL)) {
        usage(stderr);
        return 2;
    }
    int (*emit_fn)(const m_catalog *, const char *) = NULL;
    if (emit) {
        for (size_t e = 0; e < sizeof emitters / sizeof *emitters; e++)
            if (strcmp(emitters[e].name, emit) == 0)
                emit_fn = emitters[e].emit;
        if (!emit_fn) {
            fprintf(stderr, "sspr-gen: unknown output '%s' (see sspr-gen --list)\n", emit);
            return 2;
        }
    }
    m_catalog cat;
    int rc = m_load(&cat, argv + i, (size_t)(argc - i));
    if (rc != 0) {
        fprintf(stderr, "sspr-gen: %zu error%s in the catalogue\n", gen_error_count(),
                gen_error_count() == 1 ? "" : "s");
        m_free(&cat);
        return 1;
    }
    int bad = 0;
    if (outdir)
        bad = emit_all(&cat, outdir) != 0;
    else if (emit_fn)
        bad = emit_fn(&cat, output) != 0;
    m_free(&cat);
    return bad ? 3 : 0;
}
