/* Lookup benchmark: sspr_lookup per query form beside the common alternatives,
 * on the same queries, in one run. Prints a table with ns per call (median of
 * repeated timed runs after a warm-up) and each figure's ratio to ours.
 *
 *   bench-lookup CATALOG.json...
 *
 * Alternatives, built here for comparison:
 *   linear  - a scan over a table of (key, entry) rows, as com_err does;
 *   bsearch - binary search over the same rows sorted by key;
 *   jansson - what a naive tool does per process: load the catalogue JSON with
 *             Jansson, then walk it for the key (load time reported apart). */
#define _POSIX_C_SOURCE 200809L
#include "sspr-errors.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

enum { REPS = 15, MAXROWS = 200000 };

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static volatile size_t sink;

/* ---- the alternatives ---- */

typedef struct {
    char key[96];
    const sspr_entry *e;
} row;

static row *rows, *sorted;
static size_t nrows;

static void add_row(const char *key, const sspr_entry *e)
{
    if (!key || nrows >= MAXROWS)
        return;
    snprintf(rows[nrows].key, sizeof rows[nrows].key, "%s", key);
    rows[nrows++].e = e;
}

static int cmp_row(const void *a, const void *b)
{
    return strcasecmp(((const row *)a)->key, ((const row *)b)->key);
}

static void build_rows(void)
{
    rows = calloc(MAXROWS, sizeof *rows);
    sorted = calloc(MAXROWS, sizeof *sorted);
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        char buf[64];
        add_row(sspr_entry_id(e), e);
        add_row(sspr_entry_name(e), e);
        for (size_t a = 0; a < sspr_entry_alias_count(e); a++)
            add_row(sspr_entry_alias(e, a), e);
        if (sspr_entry_code(e) >= 0) {
            snprintf(buf, sizeof buf, "%lld", (long long)sspr_entry_code(e));
            add_row(buf, e);
        }
        for (size_t h = 0; h < sspr_entry_hresult_count(e); h++) {
            snprintf(buf, sizeof buf, "%08X", (unsigned)sspr_entry_hresult(e, h));
            add_row(buf, e);
        }
    }
    memcpy(sorted, rows, nrows * sizeof *rows);
    qsort(sorted, nrows, sizeof *sorted, cmp_row);
}

/* The alternatives get the key already reduced to its table form (digits, hex,
 * name): the parsing sspr_lookup does is extra work they are spared. */
static size_t linear(const char *key)
{
    size_t n = 0;
    for (size_t i = 0; i < nrows; i++)
        if (strcasecmp(rows[i].key, key) == 0)
            n++;
    return n;
}

static size_t binary(const char *key)
{
    row probe;
    snprintf(probe.key, sizeof probe.key, "%s", key);
    return bsearch(&probe, sorted, nrows, sizeof *sorted, cmp_row) != NULL;
}

static json_t *catalog_json;

static size_t jansson_lookup(const char *key)
{
    size_t n = 0, i, j;
    json_t *file, *e;
    json_array_foreach(catalog_json, i, file)
    {
        json_array_foreach(json_object_get(file, "entries"), j, e)
        {
            json_t *code = json_object_get(e, "code"), *name = json_object_get(e, "name");
            char buf[32];
            if (json_is_integer(code)) {
                snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(code));
                n += strcmp(buf, key) == 0;
            }
            if (json_is_string(name))
                n += strcasecmp(json_string_value(name), key) == 0;
            json_t *hrs = json_object_get(e, "hresults"), *hr;
            size_t k;
            json_array_foreach(hrs, k, hr) n += strcasecmp(json_string_value(hr) + 2, key) == 0;
        }
    }
    return n;
}

/* ---- timing ---- */

typedef size_t (*fn)(const char *);

static size_t ours(const char *q)
{
    const sspr_entry *out[8];
    return sspr_lookup(q, out, 8);
}

static double time_ns(fn f, const char *q, long iters)
{
    double samples[REPS];
    for (long i = 0; i < iters / 10; i++) /* warm-up */
        sink += f(q);
    for (int r = 0; r < REPS; r++) {
        double t0 = now_ns();
        for (long i = 0; i < iters; i++)
            sink += f(q);
        samples[r] = (now_ns() - t0) / (double)iters;
    }
    qsort(samples, REPS, sizeof *samples, cmp_double);
    return samples[REPS / 2];
}

int main(int argc, char **argv)
{
    build_rows();
    catalog_json = json_array();
    double t0 = now_ns();
    for (int i = 1; i < argc; i++) {
        json_error_t err;
        json_t *f = json_load_file(argv[i], 0, &err);
        if (!f) {
            fprintf(stderr, "%s:%d:%d: %s\n", argv[i], err.line, err.column, err.text);
            return 1;
        }
        json_array_append_new(catalog_json, f);
    }
    double load_ns = now_ns() - t0;

    static const struct {
        const char *form, *query, *key;
    } cases[] = {
        {"decimal code", "32009", "32009"},
        {"name", "AuthTokenError", "AuthTokenError"},
        {"mixed-case name", "aUtHtOkEnErRoR", "aUtHtOkEnErRoR"},
        {"HRESULT 0x", "0x80230619", "80230619"},
        {"hr= form", "hr=800700CE", "800700CE"},
        {"miss", "32006", "32006"},
    };
    printf("catalogue: %zu entries, %zu table rows; Jansson load of the JSON: %.0f us\n\n",
           sspr_count(), nrows, load_ns / 1e3);
    printf("%-16s %10s %10s %10s %10s   %s\n", "query form", "sspr ns", "linear ns", "bsearch ns",
           "jansson ns", "linear/sspr bsearch/sspr");
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        double a = time_ns(ours, cases[c].query, 200000);
        double l = time_ns(linear, cases[c].key, 20000);
        double b = time_ns(binary, cases[c].key, 200000);
        double j = time_ns(jansson_lookup, cases[c].key, 2000);
        printf("%-16s %10.1f %10.1f %10.1f %10.1f   %10.1fx %10.1fx\n", cases[c].form, a, l, b, j,
               l / a, b / a);
    }
    json_decref(catalog_json);
    return 0;
}
