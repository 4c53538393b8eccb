/* The scan command (see scan_report.h). The library's scanner allocates
 * nothing; the tally here is the CLI's, one counter per catalogue entry. */
#include "scan_report.h"

#include "ops.h"
#include "output.h"
#include "platform.h"
#include "schema.def"
#include "sspr-errors.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_LINES = 10, CHUNK = 1 << 16 };

typedef struct {
    size_t file;
    uint64_t line;     /* 0 in an .evtx file */
    int64_t record_id; /* where there is no line: the record's id */
} location;

typedef struct {
    uint64_t count;
    uint64_t first; /* how often it was its record's best entry */
    size_t nloc;
    location loc[MAX_LINES];
    int rank;             /* 3 error (or critical), 2 warning, 1 the rest */
    sspr_confidence best; /* the best confidence of its matches */
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
    int json;
    uint64_t records; /* --records: printed so far */
    char *const *names;
    size_t nfiles;
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

/* How serious a match is: the record's level, else the entry's severity. */
static int rank_of(const sspr_record *rec, const sspr_entry *e)
{
    const char *level = sspr_record_text(rec, SSPR_RECORD_LEVEL);
    if (level)
        return strcmp(level, "error") == 0 || strcmp(level, "critical") == 0 ? 3
               : strcmp(level, "warning") == 0                               ? 2
                                                                             : 1;
    return sspr_entry_severity(e) == SSPR_SEVERITY_ERROR     ? 3
           : sspr_entry_severity(e) == SSPR_SEVERITY_WARNING ? 2
                                                             : 1;
}

static void tally_record(report *r, const sspr_record *rec)
{
    for (size_t i = 0; i < sspr_record_entry_count(rec); i++) {
        const sspr_entry *e = sspr_record_entry(rec, i);
        tally *t = &r->t[index_of(r, e)];
        t->count++;
        t->first += i == 0;
        int rank = rank_of(rec, e);
        if (rank > t->rank)
            t->rank = rank;
        if (sspr_record_confidence(rec, i) > t->best)
            t->best = sspr_record_confidence(rec, i);
        if (t->nloc < MAX_LINES) {
            t->loc[t->nloc].file = r->file;
            t->loc[t->nloc].line = sspr_record_line(rec);
            t->loc[t->nloc].record_id = sspr_record_number(rec, SSPR_RECORD_RECORD_ID);
            t->nloc++;
        }
    }
}

/* ---- --records ---- */

/* One record as a JSON object: the keys of schema.def's SSPR_RECORD_FIELDS. */
#define REC_TEXT(f) out_json_nullable(stdout, sspr_record_text(rec, f))
#define REC_NUMBER(f) out_json_number(stdout, sspr_record_number(rec, f))
#define REC_HRESULTS(f)                                                                            \
    do {                                                                                           \
        fputc('[', stdout);                                                                        \
        for (size_t i = 0; i < sspr_record_hresult_count(rec); i++)                                \
            printf("%s\"0x%08X\"", i ? ", " : "", (unsigned)sspr_record_hresult(rec, i));          \
        fputc(']', stdout);                                                                        \
    } while (0)
#define REC_ENTRIES(f)                                                                             \
    do {                                                                                           \
        fputc('[', stdout);                                                                        \
        for (size_t i = 0; i < sspr_record_entry_count(rec); i++) {                                \
            fputs(i ? ", " : "", stdout);                                                          \
            out_json_string(stdout, sspr_entry_id(sspr_record_entry(rec, i)));                     \
        }                                                                                          \
        fputc(']', stdout);                                                                        \
    } while (0)

static void print_record_json(report *r, const sspr_record *rec)
{
    const char *sep = "{";
    fputs(r->records ? ",\n  " : "\n  ", stdout);
#define FIELD(key, name, kind, doc)                                                                \
    printf("%s\"" #key "\": ", sep);                                                               \
    sep = ", ";                                                                                    \
    REC_##kind(SSPR_RECORD_##name);
    SSPR_RECORD_FIELDS(FIELD)
#undef FIELD
    fputc('}', stdout);
}

/* Where a record is: "line N" (or N alone, bare) in text, "record N" in an
 * .evtx file. */
static void location_text(uint64_t line, int64_t record_id, int bare, char *out, size_t size)
{
    if (line || record_id < 0)
        snprintf(out, size, bare ? "%llu" : "line %llu", (unsigned long long)line);
    else
        snprintf(out, size, "record %lld", (long long)record_id);
}

/* One record as text: where, what form, its event, then its fields and
 * entries, indented. */
static void print_record_text(report *r, const sspr_record *rec)
{
    char where[512], event[160] = "", at[48];
    location_text(sspr_record_line(rec), sspr_record_number(rec, SSPR_RECORD_RECORD_ID), 0, at,
                  sizeof at);
    if (r->nfiles > 1)
        snprintf(where, sizeof where, "%s:%s", r->names[r->file], at);
    else
        snprintf(where, sizeof where, "%s", at);
    const char *src = sspr_record_text(rec, SSPR_RECORD_SOURCE);
    int64_t id = sspr_record_number(rec, SSPR_RECORD_EVENT_ID);
    int n = snprintf(event, sizeof event, "%s", src ? src : "");
    if (id >= 0 && n >= 0 && (size_t)n < sizeof event)
        snprintf(event + n, sizeof event - (size_t)n, "%s%lld", n ? " " : "", (long long)id);
    const char *level = sspr_record_text(rec, SSPR_RECORD_LEVEL);
    printf("%s%-12s %-21s %-34s %s\n", r->records ? "\n" : "", where,
           sspr_record_text(rec, SSPR_RECORD_FORMAT), event, level ? level : "");
    static const struct {
        sspr_record_field f;
        const char *label;
    } shown[] = {{SSPR_RECORD_TIME, "time"},           {SSPR_RECORD_COMPUTER, "computer"},
                 {SSPR_RECORD_ACTIVITY, "activity"},   {SSPR_RECORD_RESULT, "result"},
                 {SSPR_RECORD_REASON, "reason"},       {SSPR_RECORD_USER, "user"},
                 {SSPR_RECORD_INITIATOR, "initiator"}, {SSPR_RECORD_CORRELATION_ID, "correlation"},
                 {SSPR_RECORD_DETAILS, "details"},     {SSPR_RECORD_TRACKING_ID, "tracking id"},
                 {SSPR_RECORD_OPERATION, "operation"}, {SSPR_RECORD_EXCEPTION, "exception"}};
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
        if (sspr_record_text(rec, shown[i].f)) {
            char lead[32];
            snprintf(lead, sizeof lead, "  %-12s ", shown[i].label);
            out_wrap(stdout, lead, sspr_record_text(rec, shown[i].f), 15, 80);
        }
    for (size_t i = 0; i < sspr_record_hresult_count(rec); i++)
        printf("  %-12s 0x%08X\n", i ? "" : "HRESULTs", (unsigned)sspr_record_hresult(rec, i));
    for (size_t i = 0; i < sspr_record_entry_count(rec); i++) {
        const sspr_entry *e = sspr_record_entry(rec, i);
        char lead[128];
        snprintf(lead, sizeof lead, "  %-12s %s (%s): ", i ? "" : "entries", sspr_entry_id(e),
                 sspr_confidence_name(sspr_record_confidence(rec, i)));
        out_wrap(stdout, lead, sspr_entry_title(e), 17, 80);
    }
    if (!sspr_record_entry_count(rec))
        printf("  %-12s none\n", "entries");
}

static void on_record(void *ctx, const sspr_record *rec, size_t file)
{
    report *r = ctx;
    r->file = file;
    if (!r->t) { /* --records */
        if (r->json)
            print_record_json(r, rec);
        else
            print_record_text(r, rec);
        r->records++;
        return;
    }
    r->records++;
    tally_record(r, rec);
}

/* An input being read: the bytes read before its form was known are served
 * again first; progress is shown on a terminal for long files. */
typedef struct {
    FILE *f;
    const unsigned char *head;
    size_t nhead;
    const char *prog, *name;
    uint64_t size, done;
    int progress, shown; /* shown: the last percentage printed, -1 none */
} source;

enum { PROGRESS_MIN = 16 << 20 }; /* files smaller than this show none */

static void source_open(source *src, const char *prog, const char *name, FILE *f)
{
    memset(src, 0, sizeof *src);
    src->f = f;
    src->prog = prog;
    src->name = name;
    src->shown = -1;
    uint64_t size = cli_stderr_is_terminal() ? cli_regular_size(f) : 0;
    if (size >= PROGRESS_MIN) {
        src->size = size;
        src->progress = 1;
    }
}

static void source_progress(source *src, int done)
{
    if (!src->progress)
        return;
    if (done) {
        if (src->shown >= 0)
            fputs("\r\033[K", stderr);
        return;
    }
    int pct = (int)(src->done * 100 / (src->size ? src->size : 1));
    if (pct == src->shown || pct > 100)
        return;
    src->shown = pct;
    fprintf(stderr, "\r%s: %s: %3d %% (%llu of %llu MiB)", src->prog, src->name, pct,
            (unsigned long long)(src->done >> 20), (unsigned long long)(src->size >> 20));
    fflush(stderr);
}

static size_t source_fill(source *src, void *buf, size_t len)
{
    size_t n;
    if (src->nhead) {
        n = len < src->nhead ? len : src->nhead;
        memcpy(buf, src->head, n);
        src->head += n;
        src->nhead -= n;
    } else {
        n = fread(buf, 1, len, src->f);
    }
    src->done += n;
    source_progress(src, 0);
    return n;
}

static int64_t source_read(void *ctx, void *buf, size_t len)
{
    source *src = ctx;
    size_t n = source_fill(src, buf, len);
    return n == 0 && ferror(src->f) ? -1 : (int64_t)n;
}

/* What an .evtx file held that could not be trusted, in one line. */
static void evtx_skipped(const source *src, const sspr_evtx_stats *st)
{
    if (st->header_bad)
        fprintf(stderr, "%s: %s: damaged file header; chunks found by their signature\n", src->prog,
                src->name);
    if (st->chunks_skipped || st->records_skipped)
        fprintf(stderr,
                "%s: %s: skipped %llu of %llu chunks and %llu records that could not be "
                "trusted (the first at offset %llu)\n",
                src->prog, src->name, (unsigned long long)st->chunks_skipped,
                (unsigned long long)(st->chunks + st->chunks_skipped),
                (unsigned long long)st->records_skipped, (unsigned long long)st->first_skipped);
}

/* ---- files read side by side, in time ---- */

enum { IN_TEXT, IN_EVTX, IN_DONE };

typedef struct merged merged;

/* One file of scan_files_in_time: its own scanner and buffer. */
typedef struct {
    merged *m;
    size_t index;
    const char *shown;
    FILE *f;
    int is_stdin, kind, rc, json_records;
    source src;
    unsigned char last; /* the last byte but white space (text) */
    int64_t clock;      /* the latest record time read, seconds; 0 none yet */
    size_t nhead;       /* .evtx: bytes of its first read, in buf */
    sspr_scanner sc;
    unsigned char buf[CHUNK];
} input;

struct merged {
    input *in;
    size_t n;
    scan_record_fn fn;
    scan_tick_fn tick;
    void *ctx;
};

static void in_record(void *ctx, const sspr_record *rec)
{
    input *x = ctx;
    const char *format = sspr_record_text(rec, SSPR_RECORD_FORMAT);
    size_t flen = format ? strlen(format) : 0;
    if (flen >= 4 && strcmp(format + flen - 4, "json") == 0)
        x->json_records = 1;
    int64_t t = ops_seconds(sspr_record_text(rec, SSPR_RECORD_TIME));
    if (t > x->clock)
        x->clock = t;
    x->m->fn(x->m->ctx, rec, x->index);
}

/* The time every file still being read has reached: what comes later from
 * any of them is not earlier than this (as far as logs are in time order). */
static void in_tick(merged *m)
{
    int64_t w = INT64_MAX;
    for (size_t i = 0; i < m->n; i++)
        if (m->in[i].kind != IN_DONE && m->in[i].clock < w)
            w = m->in[i].clock;
    if (m->tick)
        m->tick(m->ctx, w);
}

static void in_feed(input *x, size_t n)
{
    sspr_scan_feed(&x->sc, x->buf, n);
    for (size_t i = n; i > 0; i--)
        if (x->buf[i - 1] != ' ' && x->buf[i - 1] != '\n' && x->buf[i - 1] != '\r' &&
            x->buf[i - 1] != '\t' && x->buf[i - 1] != 0) {
            x->last = x->buf[i - 1];
            break;
        }
}

/* The next piece of a text file, or its end. */
static void in_step(input *x)
{
    size_t n = source_fill(&x->src, x->buf, CHUNK);
    if (n) {
        in_feed(x, n);
        return;
    }
    source_progress(&x->src, 1);
    x->rc = ferror(x->f) ? -1 : 0;
    sspr_scan_finish(&x->sc);
    if (x->json_records && x->last != '}' && x->last != ']')
        fprintf(stderr,
                "%s: %s: the JSON ends inside a record (cut short?); that record was read as far "
                "as it goes\n",
                x->src.prog, x->src.name);
    x->kind = IN_DONE;
}

/* Text files, the one furthest behind in time first, until all have passed
 * limit (or ended). */
static void in_advance(merged *m, int64_t limit)
{
    for (;;) {
        input *next = NULL;
        for (size_t i = 0; i < m->n; i++)
            if (m->in[i].kind == IN_TEXT && (!next || m->in[i].clock < next->clock))
                next = &m->in[i];
        if (!next || next->clock > limit)
            return;
        in_step(next);
        in_tick(m);
    }
}

/* An .evtx file's reads: the text files catch up with it first. */
static int64_t in_evtx_read(void *ctx, void *buf, size_t len)
{
    input *x = ctx;
    in_advance(x->m, x->clock);
    in_tick(x->m);
    return source_read(&x->src, buf, len);
}

scan_outcome scan_files_in_time(const char *prog, char *const *files, size_t n, scan_record_fn fn,
                                scan_tick_fn tick, void *ctx)
{
    static char *const stdin_name[] = {"-"};
    if (n == 0) {
        files = stdin_name;
        n = 1;
    }
    merged m = {calloc(n, sizeof(input)), n, fn, tick, ctx};
    if (!m.in) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return SCAN_NO_MEMORY;
    }
    int unreadable = 0;
    for (size_t i = 0; i < n; i++) { /* open each, read its first piece, tell its form */
        input *x = &m.in[i];
        x->m = &m;
        x->index = i;
        x->is_stdin = strcmp(files[i], "-") == 0;
        x->shown = x->is_stdin ? "standard input" : files[i];
        x->kind = IN_DONE;
        errno = 0;
        x->f = x->is_stdin ? stdin : cli_open(files[i]);
        if (!x->f) {
            fprintf(stderr, "%s: %s: %s\n", prog, x->shown, strerror(errno ? errno : EIO));
            unreadable = 1;
            continue;
        }
        source_open(&x->src, prog, x->shown, x->f);
        sspr_scan_init_records(&x->sc, in_record, x);
        size_t got = source_fill(&x->src, x->buf, CHUNK);
        if (sspr_evtx_is(x->buf, got)) {
            x->kind = IN_EVTX;
            x->nhead = got;
        } else {
            x->kind = IN_TEXT;
            if (got)
                in_feed(x, got);
            else
                in_step(x);
        }
    }
    for (size_t i = 0; i < n; i++) { /* each .evtx file, the text files alongside */
        input *x = &m.in[i];
        if (x->kind != IN_EVTX)
            continue;
        sspr_evtx_stats st;
        x->src.head = x->buf;
        x->src.nhead = x->nhead;
        x->src.done = 0;
        x->rc = sspr_scan_evtx(&x->sc, NULL, 0, in_evtx_read, x, &st);
        source_progress(&x->src, 1);
        if (x->rc != -2)
            evtx_skipped(&x->src, &st);
        x->kind = IN_DONE;
        in_tick(&m);
    }
    in_advance(&m, INT64_MAX);
    for (size_t i = 0; i < n; i++) {
        input *x = &m.in[i];
        if (!x->f)
            continue;
        if (x->rc == -2)
            fprintf(stderr, "%s: %s: not a readable .evtx file: no chunk could be trusted\n", prog,
                    x->shown);
        else if (x->rc != 0)
            fprintf(stderr, "%s: %s: %s\n", prog, x->shown, strerror(EIO));
        if (x->rc != 0)
            unreadable = 1;
        if (!x->is_stdin)
            fclose(x->f);
    }
    free(m.in);
    return unreadable ? SCAN_UNREADABLE : SCAN_FOUND;
}

/* scan_files: one file at a time, each read as scan_files_in_time reads one,
 * its records handed on with their index in files[]. */
typedef struct {
    scan_record_fn fn;
    void *ctx;
    size_t file;
} in_order;

static void in_order_record(void *ctx, const sspr_record *rec, size_t file)
{
    in_order *o = ctx;
    (void)file; /* always 0: one file at a time */
    o->fn(o->ctx, rec, o->file);
}

scan_outcome scan_files(const char *prog, char *const *files, size_t n, scan_record_fn fn,
                        void *ctx)
{
    static char *const stdin_name[] = {"-"};
    if (n == 0) {
        files = stdin_name;
        n = 1;
    }
    in_order o = {fn, ctx, 0};
    scan_outcome worst = SCAN_FOUND;
    for (o.file = 0; o.file < n; o.file++) {
        scan_outcome r = scan_files_in_time(prog, files + o.file, 1, in_order_record, NULL, &o);
        if (r == SCAN_NO_MEMORY)
            return r;
        if (r != SCAN_FOUND)
            worst = r;
    }
    return worst;
}

static const tally *sort_base;

static int by_count(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (sort_base[x].rank != sort_base[y].rank)
        return sort_base[x].rank > sort_base[y].rank ? -1 : 1;
    /* what records name first (an audit record's reason, an event's own
       entry) before what they name beside it (the activity, a heading) */
    if (sort_base[x].first != sort_base[y].first)
        return sort_base[x].first > sort_base[y].first ? -1 : 1;
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
        printf("%-30s %6llu %s  %s%s\n", sspr_entry_id(e), (unsigned long long)x->count,
               x->count == 1 ? "time " : "times", code,
               x->best == SSPR_CONFIDENCE_LOW ? "  (low confidence)" : "");
        out_wrap(stdout, "  ", sspr_entry_title(e), 2, 80);
        fputs("  Lines:", stdout);
        for (size_t i = 0; i < x->nloc; i++) {
            char at[48];
            location_text(x->loc[i].line, x->loc[i].record_id, 1, at, sizeof at);
            if (nfiles > 1)
                printf("%s %s:%s", i ? "," : "", names[x->loc[i].file], at);
            else
                printf("%s %s", i ? "," : "", at);
        }
        fputs(x->count > x->nloc ? ", ...\n" : "\n", stdout);
        const char *step = ops_first_step(e);
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
            printf(", \"line\": %llu, \"record_id\": ", (unsigned long long)x->loc[i].line);
            out_json_number(stdout, x->loc[i].record_id);
            fputc('}', stdout);
        }
        fputs("], \"first_step\": ", stdout);
        out_json_nullable(stdout, ops_first_step(e));
        static const char *const ranks[] = {"information", "information", "warning", "error"};
        printf(", \"level\": \"%s\", \"confidence\": ", ranks[x->rank]);
        out_json_nullable(stdout, sspr_confidence_name(x->best));
        fputc('}', stdout);
    }
    fputs(n ? "\n]\n" : "]\n", stdout);
}

scan_outcome scan_report(const char *prog, char *const *files, size_t n, int json, int records)
{
    static char *const stdin_name[] = {"-"};
    if (n == 0) {
        files = stdin_name;
        n = 1;
    }
    size_t count = sspr_count();
    report r = {.count = count, .json = json, .names = files, .nfiles = n};
    size_t *order = NULL;
    int oom = 0;
    if (!records) {
        r.t = calloc(count ? count : 1, sizeof *r.t);
        r.by_address = malloc((count ? count : 1) * sizeof *r.by_address);
        order = malloc((count ? count : 1) * sizeof *order);
        oom |= !r.t || !r.by_address || !order;
    }
    if (oom) {
        free(r.t);
        free(r.by_address);
        free(order);
        fprintf(stderr, "%s: out of memory\n", prog);
        return SCAN_NO_MEMORY;
    }
    for (size_t i = 0; r.by_address && i < count; i++) {
        r.by_address[i].e = sspr_at(i);
        r.by_address[i].index = i;
    }
    if (r.by_address)
        qsort(r.by_address, count, sizeof *r.by_address, by_address);
    if (records && json)
        fputc('[', stdout);
    scan_outcome read = scan_files(prog, files, n, on_record, &r);
    if (read == SCAN_NO_MEMORY) {
        free(r.t);
        free(r.by_address);
        free(order);
        return SCAN_NO_MEMORY;
    }
    size_t found = 0;
    if (records) {
        if (json)
            fputs(r.records ? "\n]\n" : "]\n", stdout);
        found = r.records;
    } else {
        for (size_t i = 0; i < count; i++)
            if (r.t[i].count)
                order[found++] = i;
        sort_base = r.t;
        qsort(order, found, sizeof *order, by_count);
        if (json)
            print_json(r.t, order, found, files);
        else
            print_text(r.t, order, found, files, n);
    }
    if (!json && !found && read != SCAN_UNREADABLE) {
        /* say what was read, and where prose goes: scan reads records and
           codes, not descriptions */
        char read_what[64];
        if (r.records)
            snprintf(read_what, sizeof read_what,
                     "%" PRIu64 " record%s read, none names a catalogue entry", r.records,
                     r.records == 1 ? "" : "s");
        else
            snprintf(read_what, sizeof read_what, "no record, code or catalogue message found");
        fprintf(stderr, "%s: %s; for a description in words, try: %s search \"...\"\n", prog,
                read_what, prog);
    }
    free(r.t);
    free(r.by_address);
    free(order);
    return read == SCAN_UNREADABLE ? SCAN_UNREADABLE : found ? SCAN_FOUND : SCAN_NOTHING;
}
