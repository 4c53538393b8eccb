/* The incidents command: records joined into operations (ops.c), one line per
 * failed or unfinished operation, most recent first; or, with --json, every
 * such operation with its records as it closes. */
#include "incidents.h"

#include "ops.h"
#include "output.h"
#include "platform.h"
#include "scan_report.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a text line needs of an operation: kept until the end, for sorting
 * (the operations themselves are not). */
typedef struct {
    int64_t when;
    uint64_t seq;
    const sspr_entry *best;
    op_outcome outcome;
    char time[36], user[96]; /* a longer user is cut */
} inc_line;

/* Lines are kept INC_RUN at a time; a full buffer is sorted and written to a
 * temporary file as a run, and the runs are merged at the end: memory stays
 * INC_RUN lines (and one per run) however many operations failed. */
enum { INC_RUN = 8192 };

typedef struct {
    const incidents_options *opt;
    int64_t since, until;
    inc_line *lines;
    size_t n, cap;
    FILE *runs;   /* sorted runs of INC_RUN lines, or NULL */
    size_t nruns; /* all of INC_RUN lines but the last */
    uint64_t shown;
    int oom, io;
} inc_state;

static int inc_wanted(const inc_state *st, const op *o)
{
    const incidents_options *f = st->opt;
    if (o->outcome == OP_SUCCEEDED)
        return 0;
    if (f->user && !cli_contains(o->user, f->user))
        return 0;
    if (st->since && (!o->end || o->end < st->since))
        return 0;
    if (st->until && (!o->start || o->start > st->until))
        return 0;
    int source = !f->source, level = !f->level;
    for (size_t i = 0; i < o->nrec; i++) {
        if (f->source && cli_same(o->rec[i].source, f->source))
            source = 1;
        if (f->level && strcmp(o->rec[i].level, f->level) == 0)
            level = 1;
    }
    return source && level;
}

static void inc_json_record(const op_record *x, char *const *names)
{
    fputs("{\"file\": ", stdout);
    out_json_string(stdout, names[x->file]);
    printf(", \"line\": %llu, \"record_id\": ", (unsigned long long)x->line);
    out_json_number(stdout, x->record_id);
    fputs(", \"event_id\": ", stdout);
    out_json_number(stdout, x->event_id);
#define INC_TXT(key, field)                                                                        \
    fputs(", \"" key "\": ", stdout);                                                              \
    out_json_nullable(stdout, x->field[0] ? x->field : NULL)
    INC_TXT("format", format);
    INC_TXT("source", source);
    INC_TXT("level", level);
    INC_TXT("time", time);
    INC_TXT("user", user);
    INC_TXT("tracking_id", tracking_id);
    INC_TXT("correlation_id", correlation_id);
    INC_TXT("activity", activity);
    INC_TXT("result", result);
    INC_TXT("reason", reason);
    INC_TXT("computer", computer);
    INC_TXT("message", message);
#undef INC_TXT
    fputs(", \"hresults\": [", stdout);
    for (size_t i = 0; i < x->nhr; i++)
        printf("%s\"0x%08X\"", i ? ", " : "", (unsigned)x->hr[i]);
    fputs("], \"entries\": [", stdout);
    for (size_t i = 0; i < x->nent; i++) {
        fputs(i ? ", " : "", stdout);
        out_json_string(stdout, sspr_entry_id(x->entries[i]));
    }
    fputs("]}", stdout);
}

static void inc_json(inc_state *st, const op *o)
{
    fputs(st->shown ? ",\n  {\"outcome\": " : "\n  {\"outcome\": ", stdout);
    out_json_string(stdout, ops_outcome_name(o->outcome));
    fputs(", \"user\": ", stdout);
    out_json_nullable(stdout, o->user[0] ? o->user : NULL);
    fputs(", \"start\": ", stdout);
    out_json_nullable(stdout, o->start_text[0] ? o->start_text : NULL);
    fputs(", \"end\": ", stdout);
    out_json_nullable(stdout, o->end_text[0] ? o->end_text : NULL);
    fputs(", \"key\": ", stdout);
    out_json_nullable(stdout, o->key[0] ? o->key : NULL);
    printf(", \"cloud\": %s, \"on_premises\": %s, \"entry\": ", o->cloud ? "true" : "false",
           o->onprem ? "true" : "false");
    out_json_nullable(stdout, o->best ? sspr_entry_id(o->best) : NULL);
    fputs(", \"first_step\": ", stdout);
    out_json_nullable(stdout, o->best ? ops_first_step(o->best) : NULL);
    printf(", \"records_dropped\": %llu, \"records\": [", (unsigned long long)o->dropped);
    for (size_t i = 0; i < o->nrec; i++) {
        fputs(i ? ",\n    " : "\n    ", stdout);
        inc_json_record(&o->rec[i], st->opt->names);
    }
    fputs(o->nrec ? "\n  ]}" : "]}", stdout);
}

static int inc_recent_first(const void *a, const void *b);

/* The buffer, full, as a sorted run in the temporary file. */
static void inc_spill(inc_state *st)
{
    if (!st->runs)
        st->runs = cli_tmpfile();
    qsort(st->lines, st->n, sizeof *st->lines, inc_recent_first);
    if (!st->runs || fwrite(st->lines, sizeof *st->lines, st->n, st->runs) != st->n) {
        st->io = 1; /* said at the end; the lines so far are lost */
    } else {
        st->nruns++;
    }
    st->n = 0;
}

static void inc_print(const inc_line *l)
{
    const char *step = l->best ? ops_first_step(l->best) : NULL;
    printf("%-28s  %-32s  %-10s  %s\n", l->time[0] ? l->time : "(no time)",
           l->user[0] ? l->user : "(no user)", ops_outcome_name(l->outcome),
           l->best ? sspr_entry_id(l->best) : "(no entry)");
    if (l->best)
        out_wrap(stdout, "    ", sspr_entry_title(l->best), 4, 80);
    if (step)
        out_wrap(stdout, "    First step: ", step, 8, 80);
}

/* Every line, most recent first: the runs in the file and the buffer merged. */
static void inc_print_all(inc_state *st)
{
    qsort(st->lines, st->n, sizeof *st->lines, inc_recent_first);
    size_t k = st->nruns + 1; /* the buffer is the last "run" */
    inc_line *head = malloc(k * sizeof *head);
    size_t *left = calloc(k, sizeof *left);
    if (!head || !left) {
        st->oom = 1;
        free(head);
        free(left);
        return;
    }
    for (size_t r = 0; r < k; r++) { /* each run's first line */
        left[r] = r < st->nruns ? INC_RUN : st->n;
        if (r < st->nruns) {
            if (cli_seek(st->runs, (uint64_t)r * INC_RUN * sizeof *head) != 0 ||
                fread(&head[r], sizeof *head, 1, st->runs) != 1)
                left[r] = 0, st->io = 1;
        } else if (st->n) {
            head[r] = st->lines[0];
        }
    }
    for (;;) {
        size_t best = k;
        for (size_t r = 0; r < k; r++)
            if (left[r] && (best == k || inc_recent_first(&head[r], &head[best]) < 0))
                best = r;
        if (best == k)
            break;
        inc_print(&head[best]);
        left[best]--;
        if (!left[best])
            continue;
        if (best == st->nruns) {
            head[best] = st->lines[st->n - left[best]];
        } else {
            uint64_t off = ((uint64_t)best * INC_RUN + (INC_RUN - left[best])) * sizeof *head;
            if (cli_seek(st->runs, off) != 0 || fread(&head[best], sizeof *head, 1, st->runs) != 1)
                left[best] = 0, st->io = 1;
        }
    }
    free(head);
    free(left);
}

static void inc_done(void *ctx, const op *o)
{
    inc_state *st = ctx;
    if (!inc_wanted(st, o))
        return;
    if (st->opt->json) {
        inc_json(st, o);
        st->shown++;
        return;
    }
    if (st->n == INC_RUN)
        inc_spill(st);
    void *lines = st->lines;
    if (!cli_reserve(&lines, &st->cap, st->n + 1, sizeof *st->lines, 256)) {
        st->oom = 1;
        return;
    }
    st->lines = lines;
    inc_line *l = &st->lines[st->n++];
    memset(l, 0, sizeof *l);
    l->when = o->end ? o->end : o->start;
    l->seq = o->seq;
    cli_copy(l->time, sizeof l->time, o->end_text[0] ? o->end_text : o->start_text);
    cli_copy(l->user, sizeof l->user, o->user);
    l->outcome = o->outcome;
    l->best = o->best;
    st->shown++;
}

static void inc_add(void *ctx, const sspr_record *rec, size_t file)
{
    ops_add(ctx, rec, file);
}

static void inc_tick(void *ctx, int64_t watermark)
{
    ops_tick(ctx, watermark);
}

/* Most recent first; operations without a time last, in input order. */
static int inc_recent_first(const void *a, const void *b)
{
    const inc_line *x = a, *y = b;
    if (x->when != y->when)
        return x->when > y->when ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* A date or time as given to --since or --until: ISO 8601, the time optional. */
static int inc_time_arg(const char *s, int64_t *out)
{
    char iso[40];
    size_t n = strlen(s);
    if (n == 10)
        snprintf(iso, sizeof iso, "%sT00:00:00", s);
    else
        snprintf(iso, sizeof iso, "%s", s);
    if (n > 10 && iso[10] == ' ')
        iso[10] = 'T';
    *out = ops_seconds(iso);
    return *out != 0;
}

scan_outcome incidents_run(const char *prog, const incidents_options *opt)
{
    inc_state st;
    memset(&st, 0, sizeof st);
    st.opt = opt;
    if (opt->since && !inc_time_arg(opt->since, &st.since)) {
        fprintf(stderr, "%s: --since needs a date or time as 2024-05-14 or 2024-05-14T09:30:00\n",
                prog);
        return SCAN_UNREADABLE; /* exit status 2, as a usage error */
    }
    if (opt->until && !inc_time_arg(opt->until, &st.until)) {
        fprintf(stderr, "%s: --until needs a date or time as 2024-05-14 or 2024-05-14T09:30:00\n",
                prog);
        return SCAN_UNREADABLE; /* exit status 2, as a usage error */
    }
    if (opt->until && strlen(opt->until) == 10)
        st.until += 86399; /* a day: all of it */
    ops *o = ops_new(inc_done, &st);
    if (!o) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return SCAN_NO_MEMORY;
    }
    if (opt->json)
        fputc('[', stdout);
    scan_outcome read = scan_files_in_time(prog, opt->names, opt->nnames, inc_add, inc_tick, o);
    ops_finish(o);
    if (opt->json) {
        fputs(st.shown ? "\n]\n" : "]\n", stdout);
    } else {
        inc_print_all(&st);
    }
    free(st.lines);
    if (st.runs)
        fclose(st.runs);
    if (st.io) {
        fprintf(stderr, "%s: the temporary file for sorting could not be written or read\n", prog);
        return SCAN_NO_MEMORY;
    }
    if (st.oom) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return SCAN_NO_MEMORY;
    }
    if (read != SCAN_FOUND)
        return read;
    return st.shown ? SCAN_FOUND : SCAN_NOTHING;
}
