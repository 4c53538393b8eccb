/* The scan command (see scan_report.h). The library's scanner allocates
 * nothing; the tally here is the CLI's, one counter per catalogue entry. */
#include "scan_report.h"

#include "output.h"
#include "sspr-errors.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LINES = 10, CHUNK = 1 << 16 };

typedef struct {
    size_t file;
    uint64_t line;
} location;

typedef struct {
    uint64_t count;
    size_t nloc;
    location loc[MAX_LINES];
} tally;

/* Entries are opaque: their catalogue index is found by address, in a table
 * sorted once. */
typedef struct {
    const sspr_entry *e;
    size_t index;
} entry_index;

typedef struct {
    tally *t; /* by catalogue index */
    entry_index *by_address;
    size_t count, file;
} report;

static int by_address(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const entry_index *)a)->e;
    uintptr_t y = (uintptr_t)((const entry_index *)b)->e;
    return (x > y) - (x < y);
}

static size_t index_of(const report *r, const sspr_entry *e)
{
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)r->by_address[mid].e < (uintptr_t)e)
            lo = mid + 1;
        else
            hi = mid;
    }
    return r->by_address[lo].index;
}

static void on_match(void *ctx, const sspr_entry *e, uint64_t line)
{
    report *r = ctx;
    tally *t = &r->t[index_of(r, e)];
    t->count++;
    if (t->nloc < MAX_LINES) {
        t->loc[t->nloc].file = r->file;
        t->loc[t->nloc].line = line;
        t->nloc++;
    }
}

/* Feeds one file to the scanner; 0, or -1 with the reason in errno. */
static int scan_file(sspr_scanner *sc, FILE *f, unsigned char *buf)
{
    size_t n;
    while ((n = fread(buf, 1, CHUNK, f)) > 0)
        sspr_scan_feed(sc, buf, n);
    int bad = ferror(f);
    sspr_scan_finish(sc);
    return bad ? -1 : 0;
}

/* The entry's first step, or its first procedure's. */
static const char *first_step(const sspr_entry *e)
{
    if (sspr_entry_step_count(e))
        return sspr_entry_step(e, 0);
    for (size_t i = 0; i < sspr_entry_procedure_count(e); i++)
        if (sspr_entry_step_count(sspr_entry_procedure(e, i)))
            return sspr_entry_step(sspr_entry_procedure(e, i), 0);
    return NULL;
}

static const tally *sort_base;

static int by_count(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (sort_base[x].count != sort_base[y].count)
        return sort_base[x].count > sort_base[y].count ? -1 : 1;
    return (x > y) - (x < y);
}

static void print_text(const tally *t, const size_t *order, size_t n, char *const *names,
                       size_t nfiles)
{
    for (size_t k = 0; k < n; k++) {
        const sspr_entry *e = sspr_at(order[k]);
        const tally *x = &t[order[k]];
        const char *src = sspr_entry_source(e);
        char code[64] = "";
        if (src && sspr_entry_code(e) >= 0)
            snprintf(code, sizeof code, "%s %lld", src, (long long)sspr_entry_code(e));
        for (size_t h = 0; h < sspr_entry_hresult_count(e); h++) {
            size_t used = strlen(code);
            snprintf(code + used, sizeof code - used, "%s0x%08X", used ? " " : "",
                     (unsigned)sspr_entry_hresult(e, h));
        }
        if (k)
            fputc('\n', stdout);
        printf("%-30s %6llu %s  %s\n", sspr_entry_id(e), (unsigned long long)x->count,
               x->count == 1 ? "time " : "times", code);
        out_wrap(stdout, "  ", sspr_entry_title(e), 2, 80);
        fputs("  Lines:", stdout);
        for (size_t i = 0; i < x->nloc; i++) {
            if (nfiles > 1)
                printf("%s %s:%llu", i ? "," : "", names[x->loc[i].file],
                       (unsigned long long)x->loc[i].line);
            else
                printf("%s %llu", i ? "," : "", (unsigned long long)x->loc[i].line);
        }
        fputs(x->count > x->nloc ? ", ...\n" : "\n", stdout);
        const char *step = first_step(e);
        if (step)
            out_wrap(stdout, "  First step: ", step, 4, 80);
    }
}

static void print_json(const tally *t, const size_t *order, size_t n, char *const *names)
{
    fputc('[', stdout);
    for (size_t k = 0; k < n; k++) {
        const sspr_entry *e = sspr_at(order[k]);
        const tally *x = &t[order[k]];
        fputs(k ? ",\n  {\"id\": " : "\n  {\"id\": ", stdout);
        out_json_string(stdout, sspr_entry_id(e));
        fputs(", \"source\": ", stdout);
        if (sspr_entry_source(e))
            out_json_string(stdout, sspr_entry_source(e));
        else
            fputs("null", stdout);
        if (sspr_entry_code(e) >= 0)
            printf(", \"code\": %lld", (long long)sspr_entry_code(e));
        else
            fputs(", \"code\": null", stdout);
        fputs(", \"hresults\": [", stdout);
        for (size_t h = 0; h < sspr_entry_hresult_count(e); h++)
            printf("%s\"0x%08X\"", h ? ", " : "", (unsigned)sspr_entry_hresult(e, h));
        fputs("], \"title\": ", stdout);
        out_json_string(stdout, sspr_entry_title(e));
        printf(", \"count\": %llu, \"lines\": [", (unsigned long long)x->count);
        for (size_t i = 0; i < x->nloc; i++)
            printf("%s%llu", i ? ", " : "", (unsigned long long)x->loc[i].line);
        fputs("], \"locations\": [", stdout);
        for (size_t i = 0; i < x->nloc; i++) {
            fputs(i ? ", {\"file\": " : "{\"file\": ", stdout);
            out_json_string(stdout, names[x->loc[i].file]);
            printf(", \"line\": %llu}", (unsigned long long)x->loc[i].line);
        }
        fputs("], \"first_step\": ", stdout);
        if (first_step(e))
            out_json_string(stdout, first_step(e));
        else
            fputs("null", stdout);
        fputc('}', stdout);
    }
    fputs(n ? "\n]\n" : "]\n", stdout);
}

int scan_report(const char *prog, char *const *files, size_t n, int json)
{
    static char *const stdin_name[] = {"-"};
    if (n == 0) {
        files = stdin_name;
        n = 1;
    }
    size_t count = sspr_count();
    report r = {calloc(count ? count : 1, sizeof *r.t),
                malloc((count ? count : 1) * sizeof *r.by_address), count, 0};
    size_t *order = malloc((count ? count : 1) * sizeof *order);
    unsigned char *buf = malloc(CHUNK);
    sspr_scanner *sc = malloc(sizeof *sc);
    if (!r.t || !r.by_address || !order || !buf || !sc) {
        free(r.t);
        free(r.by_address);
        free(order);
        free(buf);
        free(sc);
        fprintf(stderr, "%s: out of memory\n", prog);
        return 3;
    }
    for (size_t i = 0; i < count; i++) {
        r.by_address[i].e = sspr_at(i);
        r.by_address[i].index = i;
    }
    qsort(r.by_address, count, sizeof *r.by_address, by_address);
    int unreadable = 0;
    sspr_scan_init(sc, on_match, &r);
    for (r.file = 0; r.file < n; r.file++) {
        const char *name = files[r.file];
        int is_stdin = strcmp(name, "-") == 0;
        errno = 0;
        FILE *f = is_stdin ? stdin : fopen(name, "rb");
        if (!f || scan_file(sc, f, buf) != 0) {
            fprintf(stderr, "%s: %s: %s\n", prog, is_stdin ? "standard input" : name,
                    strerror(errno ? errno : EIO));
            unreadable = 1;
        }
        if (f && !is_stdin)
            fclose(f);
    }
    size_t found = 0;
    for (size_t i = 0; i < count; i++)
        if (r.t[i].count)
            order[found++] = i;
    sort_base = r.t;
    qsort(order, found, sizeof *order, by_count);
    if (json)
        print_json(r.t, order, found, files);
    else
        print_text(r.t, order, found, files, n);
    free(r.t);
    free(r.by_address);
    free(order);
    free(buf);
    free(sc);
    return unreadable ? 2 : found ? 0 : 1;
}
