/* The report command (see report.h). Operations come from ops.c; what the
 * page says beside them (Connect servers, the sync engine's HRESULTs, the
 * time range) is taken from the records on their way there. */
#include "report.h"

#include "ops.h"
#include "output.h"
#include "sspr-errors.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_COMPUTERS = 16, /* Connect servers named */
    MAX_HRESULTS = 64,  /* distinct sync engine HRESULTs */
    MAX_EVENTS = 32,    /* distinct ADSync event ids */
    MAX_ROWS = 30,      /* users with a row of their own in the timeline */
    MAX_LISTED = 200    /* operations listed under one entry, or in the table */
};

/* A closed operation, as much of it as the page shows. */
typedef struct {
    uint64_t seq;
    op_outcome outcome;
    int cloud, onprem;
    char user[OPS_TEXT], key[64];
    int64_t start, end;
    char start_text[40], end_text[40];
    const sspr_entry *best;
    size_t nrec;
    char what[OPS_TEXT];   /* its records' events or activities, distinct */
    char detail[OPS_TEXT]; /* what its telling record says: a reason or a message */
} rep_op;

typedef struct {
    char name[64];
    uint64_t count;
} rep_computer;

typedef struct {
    uint32_t hr;
    uint64_t count;
    char first[40]; /* the time of its first record */
} rep_hresult;

typedef struct {
    int64_t event_id;
    uint64_t count;
} rep_event;

typedef struct {
    char *const *files;
    size_t nfiles;
    ops *ops;
    int oom;
    uint64_t records;
    int64_t t0, t1; /* the first and last record time (0: none) */
    char t0_text[40], t1_text[40];
    rep_op *op;
    size_t nop, cap;
    rep_computer comp[MAX_COMPUTERS];
    size_t ncomp;
    rep_hresult hr[MAX_HRESULTS];
    size_t nhr;
    rep_event ev[MAX_EVENTS];
    size_t nev;
    uint64_t adsync; /* ADSync records */
    /* derived once every operation is closed */
    size_t n_out[3];    /* by op_outcome */
    const char **users; /* distinct users of all operations, sorted */
    size_t nusers;
    const char **affected; /* distinct users of failed or unfinished ones */
    size_t naffected;
    const sspr_entry **failing; /* distinct best entries of failed or unfinished ones */
    size_t nfailing;
    size_t untimed; /* operations without a time */
} rep;

int report_format_parse(const char *s, report_format *out)
{
    if (cli_same(s, "html"))
        *out = REPORT_HTML;
    else if (cli_same(s, "md") || cli_same(s, "markdown"))
        *out = REPORT_MARKDOWN;
    else
        return 0;
    return 1;
}

static void note_computer(rep *r, const char *name)
{
    if (!name || !*name)
        return;
    for (size_t i = 0; i < r->ncomp; i++)
        if (strcmp(r->comp[i].name, name) == 0) {
            r->comp[i].count++;
            return;
        }
    if (r->ncomp == MAX_COMPUTERS)
        return;
    cli_copy(r->comp[r->ncomp].name, sizeof r->comp[r->ncomp].name, name);
    r->comp[r->ncomp++].count = 1;
}

static void note_hresult(rep *r, uint32_t hr, const char *time)
{
    for (size_t i = 0; i < r->nhr; i++)
        if (r->hr[i].hr == hr) {
            r->hr[i].count++;
            return;
        }
    if (r->nhr == MAX_HRESULTS)
        return;
    r->hr[r->nhr].hr = hr;
    r->hr[r->nhr].count = 1;
    cli_copy(r->hr[r->nhr].first, sizeof r->hr[r->nhr].first, time);
    r->nhr++;
}

static void note_event(rep *r, int64_t id)
{
    for (size_t i = 0; i < r->nev; i++)
        if (r->ev[i].event_id == id) {
            r->ev[i].count++;
            return;
        }
    if (r->nev < MAX_EVENTS) {
        r->ev[r->nev].event_id = id;
        r->ev[r->nev++].count = 1;
    }
}

static void on_record(void *ctx, const sspr_record *rec, size_t file)
{
    rep *r = ctx;
    r->records++;
    const char *time = sspr_record_text(rec, SSPR_RECORD_TIME);
    int64_t t = ops_seconds(time);
    if (t && (!r->t0 || t < r->t0)) {
        r->t0 = t;
        cli_copy(r->t0_text, sizeof r->t0_text, time);
    }
    if (t && t > r->t1) {
        r->t1 = t;
        cli_copy(r->t1_text, sizeof r->t1_text, time);
    }
    if (ops_side_of(rec) == OPS_SIDE_ONPREM) {
        note_computer(r, sspr_record_text(rec, SSPR_RECORD_COMPUTER));
        for (size_t i = 0; i < sspr_record_hresult_count(rec); i++)
            note_hresult(r, sspr_record_hresult(rec, i), time);
    }
    const char *src = sspr_record_text(rec, SSPR_RECORD_SOURCE);
    if (src && strcmp(src, "ADSync") == 0) {
        r->adsync++;
        note_event(r, sspr_record_number(rec, SSPR_RECORD_EVENT_ID));
    }
    ops_add(r->ops, rec, file);
}

static void on_tick(void *ctx, int64_t watermark)
{
    rep *r = ctx;
    ops_tick(r->ops, watermark);
}

/* "PasswordResetService 31001, PasswordResetService 33004, ADSync 6329". */
static void describe(const op *o, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < o->nrec; i++) {
        const op_record *x = &o->rec[i];
        char one[OPS_TEXT + 64];
        if (x->event_id >= 0)
            snprintf(one, sizeof one, "%s %lld", x->source[0] ? x->source : "event",
                     (long long)x->event_id);
        else if (x->activity[0])
            snprintf(one, sizeof one, "%s (%s)", x->activity, x->result[0] ? x->result : "?");
        else
            continue;
        if (strstr(out, one))
            continue;
        size_t used = strlen(out);
        if (used + strlen(one) + 3 >= size)
            break;
        snprintf(out + used, size - used, "%s%s", used ? ", " : "", one);
    }
}

/* The reason or message of the record that names the operation's best
 * entry (else of its last record that has one). */
static void detail_of(const op *o, char *out, size_t size)
{
    const op_record *pick = NULL;
    for (size_t i = 0; i < o->nrec && !pick; i++)
        for (size_t k = 0; o->best && k < o->rec[i].nent; k++)
            if (o->rec[i].entries[k] == o->best && (o->rec[i].reason[0] || o->rec[i].message[0]))
                pick = &o->rec[i];
    for (size_t i = o->nrec; !pick && i-- > 0;)
        if (o->rec[i].reason[0] || o->rec[i].message[0])
            pick = &o->rec[i];
    cli_copy(out, size, !pick ? "" : pick->reason[0] ? pick->reason : pick->message);
}

static void on_op(void *ctx, const op *o)
{
    rep *r = ctx;
    void *ops = r->op;
    if (!cli_reserve(&ops, &r->cap, r->nop + 1, sizeof *r->op, 64)) {
        r->oom = 1;
        return;
    }
    r->op = ops;
    rep_op *x = &r->op[r->nop++];
    memset(x, 0, sizeof *x);
    x->seq = o->seq;
    x->outcome = o->outcome;
    x->cloud = o->cloud;
    x->onprem = o->onprem;
    cli_copy(x->user, sizeof x->user, o->user);
    cli_copy(x->key, sizeof x->key, o->key);
    x->start = o->start;
    x->end = o->end;
    cli_copy(x->start_text, sizeof x->start_text, o->start_text);
    cli_copy(x->end_text, sizeof x->end_text, o->end_text);
    x->best = o->best;
    x->nrec = o->nrec + o->dropped;
    describe(o, x->what, sizeof x->what);
    detail_of(o, x->detail, sizeof x->detail);
}

/* ---- what the page derives from the operations ---- */

static int by_time(const void *a, const void *b)
{
    const rep_op *x = a, *y = b;
    if ((x->start == 0) != (y->start == 0))
        return x->start == 0 ? 1 : -1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int failing(const rep_op *x)
{
    return x->outcome != OP_SUCCEEDED;
}

/* The distinct users of the operations (only failing ones if only_failing). */
static size_t distinct_users(const rep *r, int only_failing, const char **out)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nop; i++)
        if (r->op[i].user[0] && (!only_failing || failing(&r->op[i])))
            out[n++] = r->op[i].user;
    qsort(out, n, sizeof *out, by_string);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || strcmp(out[k - 1], out[i]) != 0)
            out[k++] = out[i];
    return k;
}

static int derive(rep *r)
{
    qsort(r->op, r->nop, sizeof *r->op, by_time);
    size_t cap = r->nop ? r->nop : 1;
    r->users = malloc(cap * sizeof *r->users);
    r->affected = malloc(cap * sizeof *r->affected);
    r->failing = malloc(cap * sizeof *r->failing);
    if (!r->users || !r->affected || !r->failing)
        return 0;
    for (size_t i = 0; i < r->nop; i++) {
        const rep_op *x = &r->op[i];
        r->n_out[x->outcome]++;
        r->untimed += x->start == 0;
        if (!failing(x) || !x->best)
            continue;
        size_t k = 0;
        while (k < r->nfailing && r->failing[k] != x->best)
            k++;
        if (k == r->nfailing)
            r->failing[r->nfailing++] = x->best;
    }
    r->nusers = distinct_users(r, 0, r->users);
    r->naffected = distinct_users(r, 1, r->affected);
    return 1;
}

/* ---- times ---- */

/* y-m-d of a day counted from 1970-01-01 (proleptic Gregorian). */
static void civil(int64_t days, int *y, int *m, int *d)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A tick's label: the date for steps of a day or more, else month, day and
 * time (with seconds below a minute). */
static void tick_label(int64_t t, int64_t step, char *out, size_t size)
{
    int y, m, d;
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int64_t s = t - days * 86400;
    civil(days, &y, &m, &d);
    if (step >= 86400)
        snprintf(out, size, "%04d-%02d-%02d", y, m, d);
    else if (step < 60)
        snprintf(out, size, "%02d-%02d %02d:%02d:%02d", m, d, (int)(s / 3600), (int)(s / 60 % 60),
                 (int)(s % 60));
    else
        snprintf(out, size, "%02d-%02d %02d:%02d", m, d, (int)(s / 3600), (int)(s / 60 % 60));
}

static int64_t tick_step(int64_t span)
{
    static const int64_t steps[] = {1,     5,      10,     30,      60,      300,     600,
                                    900,   1800,   3600,   7200,    10800,   21600,   43200,
                                    86400, 172800, 604800, 2592000, 7776000, 31536000};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (span / steps[i] <= 7)
            return steps[i];
    return span / 7 + 1;
}

/* ---- HTML ---- */

#define H(s) out_html(stdout, s)

static const char css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;"
    "max-width:1120px;margin:0 auto;padding:1.5rem;line-height:1.45}"
    "h1{font-size:1.6rem;margin:0 0 .2rem}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2rem;"
    "margin-top:2rem}h3{margin:1.4rem 0 .3rem}h4{margin:.8rem 0 .2rem}"
    ".meta{color:#57606a;margin:0}"
    "table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid #d0d7de;"
    "padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}"
    "table.facts th{width:13rem}"
    ".failed{color:#b71c1c;font-weight:600}.unfinished{color:#a15c00;font-weight:600}"
    ".succeeded{color:#1b5e20}"
    ".verdict{padding:.5rem .8rem;border-left:4px solid #b71c1c;background:#fdecea}"
    ".verdict.ok{border-color:#1b5e20;background:#e8f5e9}"
    "section.entry{border:1px solid #d0d7de;border-radius:6px;padding:0 1rem .6rem;"
    "margin:1rem 0}section.entry h3 code{font-size:.9em;color:#57606a}"
    ".answer{color:#0b4f8a;font-weight:600}"
    "td.detail{font-size:.88em;color:#3d444d;word-break:break-word}"
    "svg{max-width:100%;height:auto;border:1px solid #d0d7de;border-radius:6px;background:#fff}"
    "svg text{font-size:12px;font-family:inherit;fill:#1b1b1b}svg .axis text{fill:#57606a}"
    "code{font-family:ui-monospace,Consolas,monospace}"
    "@media print{section.entry{break-inside:avoid}}";

static const char *outcome_color(op_outcome o)
{
    return o == OP_FAILED ? "#c62828" : o == OP_UNFINISHED ? "#e68a00" : "#2e7d32";
}

/* "entry-id: title" of an operation's best entry, or what none says. */
static void op_entry_html(const rep_op *x, int link)
{
    if (!x->best) {
        fputs("(no entry)", stdout);
        return;
    }
    if (link && failing(x)) {
        fputs("<a href=\"#", stdout);
        H(sspr_entry_id(x->best));
        fputs("\">", stdout);
    }
    fputs("<code>", stdout);
    H(sspr_entry_id(x->best));
    fputs("</code>", stdout);
    if (link && failing(x))
        fputs("</a>", stdout);
    fputs(" ", stdout);
    H(sspr_entry_title(x->best));
}

static void html_user_list(const char *const *u, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", stdout);
        H(u[i]);
    }
    if (!n)
        fputs("none", stdout);
}

static void html_time_range(const rep *r)
{
    if (!r->t0) {
        fputs("the records give no time", stdout);
        return;
    }
    H(r->t0_text);
    fputs(" to ", stdout);
    H(r->t1_text);
}

static void html_summary(const rep *r)
{
    fputs("<section id=\"summary\"><h2>Summary</h2>\n<table class=\"facts\">\n", stdout);
    printf("<tr><th>Files read</th><td><span id=\"n-files\">%zu</span>: ", r->nfiles);
    for (size_t i = 0; i < r->nfiles; i++) {
        fputs(i ? ", <code>" : "<code>", stdout);
        H(strcmp(r->files[i], "-") == 0 ? "standard input" : r->files[i]);
        fputs("</code>", stdout);
    }
    printf("</td></tr>\n<tr><th>Records</th><td id=\"n-records\">%llu</td></tr>\n",
           (unsigned long long)r->records);
    fputs("<tr><th>Time range</th><td id=\"time-range\">", stdout);
    html_time_range(r);
    printf("</td></tr>\n<tr><th>Operations</th><td><span id=\"n-ops\">%zu</span>: "
           "<span class=\"failed\"><span id=\"n-failed\">%zu</span> failed</span>, "
           "<span class=\"unfinished\"><span id=\"n-unfinished\">%zu</span> unfinished</span>, "
           "<span class=\"succeeded\"><span id=\"n-succeeded\">%zu</span> succeeded</span>"
           "</td></tr>\n",
           r->nop, r->n_out[OP_FAILED], r->n_out[OP_UNFINISHED], r->n_out[OP_SUCCEEDED]);
    printf("<tr><th>Users affected</th><td><span id=\"n-affected\">%zu</span> of %zu: ",
           r->naffected, r->nusers);
    html_user_list(r->affected, r->naffected);
    fputs("</td></tr>\n</table>\n", stdout);
    if (r->n_out[OP_FAILED] + r->n_out[OP_UNFINISHED] == 0)
        fputs("<p class=\"verdict ok\" id=\"verdict\">No failed or unfinished operation in these "
              "logs: nothing to explain.</p>\n",
              stdout);
    else
        printf("<p class=\"verdict\" id=\"verdict\">%zu failed and %zu unfinished operations, "
               "explained by %zu catalogue entries (below, with their steps).</p>\n",
               r->n_out[OP_FAILED], r->n_out[OP_UNFINISHED], r->nfailing);
    fputs("</section>\n", stdout);
}

/* The timeline's rows: the users of the first MAX_ROWS operations' users
 * in time order, then one row for the other users and one for none. */
typedef struct {
    const char *user[MAX_ROWS];
    size_t n;
    int others, nobody; /* rows needed */
} rows;

static void make_rows(const rep *r, rows *w)
{
    memset(w, 0, sizeof *w);
    for (size_t i = 0; i < r->nop; i++) {
        const rep_op *x = &r->op[i];
        if (!x->start)
            continue;
        if (!x->user[0]) {
            w->nobody = 1;
            continue;
        }
        size_t k = 0;
        while (k < w->n && strcmp(w->user[k], x->user) != 0)
            k++;
        if (k < w->n)
            continue;
        if (w->n < MAX_ROWS)
            w->user[w->n++] = x->user;
        else
            w->others = 1;
    }
}

static size_t row_of(const rows *w, const rep_op *x)
{
    if (!x->user[0])
        return w->n + (size_t)w->others;
    for (size_t k = 0; k < w->n; k++)
        if (strcmp(w->user[k], x->user) == 0)
            return k;
    return w->n;
}

/* A label no longer than max characters (UTF-8), with "..." when cut. */
static void short_label(const char *s, size_t max, char *out, size_t size)
{
    size_t chars = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max)
            break;
    }
    if (!s[i]) {
        cli_copy(out, size, s);
        return;
    }
    snprintf(out, size, "%.*s...", (int)i, s);
}

enum { SVG_W = 1000, SVG_LEFT = 200, SVG_RIGHT = 24, SVG_TOP = 34, SVG_ROW = 24, SVG_AXIS = 44 };

static void svg_mark(const rep_op *x, double x1, double x2, double y)
{
    const char *color = outcome_color(x->outcome);
    printf("<g class=\"op %s\" data-seq=\"%llu\"><title>", ops_outcome_name(x->outcome),
           (unsigned long long)x->seq);
    H(x->start_text);
    if (x->end > x->start) {
        fputs(" to ", stdout);
        H(x->end_text);
    }
    fputs(" | ", stdout);
    H(x->user[0] ? x->user : "(no user)");
    printf(" | %s", ops_outcome_name(x->outcome));
    if (x->best) {
        fputs(" | ", stdout);
        H(sspr_entry_id(x->best));
        fputs(": ", stdout);
        H(sspr_entry_title(x->best));
    }
    if (x->what[0]) {
        fputs(" | ", stdout);
        H(x->what);
    }
    if (x->detail[0] && failing(x)) {
        fputs(" | ", stdout);
        H(x->detail);
    }
    fputs("</title>", stdout);
    if (x2 - x1 >= 2)
        printf("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
               "stroke-width=\"4\" stroke-opacity=\".4\"/>",
               x1, y, x2, y, color);
    if (x->outcome == OP_FAILED)
        printf("<path d=\"M%.1f %.1fl7 7l-7 7l-7-7z\" fill=\"%s\" stroke=\"#fff\"/>", x1, y - 7,
               color);
    else if (x->outcome == OP_UNFINISHED)
        printf("<path d=\"M%.1f %.1fl6 11h-12z\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"/>",
               x1, y - 6, color);
    else
        printf("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>", x1, y, color);
    fputs("</g>\n", stdout);
}

static void svg_legend(void)
{
    static const op_outcome order[] = {OP_FAILED, OP_UNFINISHED, OP_SUCCEEDED};
    fputs("<g class=\"legend\">", stdout);
    for (size_t i = 0; i < 3; i++) {
        double x = SVG_LEFT + 130.0 * (double)i;
        const char *c = outcome_color(order[i]);
        if (order[i] == OP_FAILED)
            printf("<path d=\"M%.1f 7l7 7l-7 7l-7-7z\" fill=\"%s\"/>", x, c);
        else if (order[i] == OP_UNFINISHED)
            printf("<path d=\"M%.1f 8l6 11h-12z\" fill=\"#fff\" stroke=\"%s\" "
                   "stroke-width=\"2\"/>",
                   x, c);
        else
            printf("<circle cx=\"%.1f\" cy=\"14\" r=\"5\" fill=\"%s\"/>", x, c);
        printf("<text x=\"%.1f\" y=\"18\">%s</text>", x + 12, ops_outcome_name(order[i]));
    }
    fputs("</g>\n", stdout);
}

static void svg_axis(int64_t t0, int64_t t1, double plot_w, double y)
{
    int64_t step = tick_step(t1 - t0);
    int64_t first = (t0 / step + (t0 % step != 0)) * step;
    printf("<g class=\"axis\"><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
           "stroke=\"#57606a\"/>",
           SVG_LEFT, y, SVG_W - SVG_RIGHT, y);
    for (int64_t t = first; t <= t1; t += step) {
        double x = SVG_LEFT + (double)(t - t0) * plot_w / (double)(t1 - t0);
        char label[40];
        tick_label(t, step, label, sizeof label);
        printf("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#57606a\"/>"
               "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
               x, y, x, y + 5, x, y + 19, label);
    }
    fputs("</g>\n", stdout);
}

static void html_timeline(const rep *r)
{
    fputs("<section id=\"timeline-section\"><h2>Timeline</h2>\n", stdout);
    rows w;
    make_rows(r, &w);
    size_t nrows = w.n + (size_t)w.others + (size_t)w.nobody;
    if (nrows == 0) {
        fputs("<p>No operation has a time: nothing to draw.</p></section>\n", stdout);
        return;
    }
    int64_t t0 = 0, t1 = 0;
    for (size_t i = 0; i < r->nop; i++) {
        const rep_op *x = &r->op[i];
        if (!x->start)
            continue;
        int64_t end = x->end > x->start ? x->end : x->start;
        if (!t0 || x->start < t0)
            t0 = x->start;
        if (end > t1)
            t1 = end;
    }
    int64_t pad = (t1 - t0) / 40 + 30; /* marks at the ends stay inside */
    t0 -= pad;
    t1 += pad;
    int height = SVG_TOP + (int)nrows * SVG_ROW + SVG_AXIS;
    double plot_w = SVG_W - SVG_LEFT - SVG_RIGHT;
    printf("<svg id=\"timeline\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
           "aria-label=\"Operations over time, one row per user\">\n",
           SVG_W, height, SVG_W, height);
    svg_legend();
    for (size_t k = 0; k < nrows; k++) {
        double y = SVG_TOP + (double)k * SVG_ROW;
        char label[160];
        if (k < w.n)
            short_label(w.user[k], 28, label, sizeof label);
        else
            cli_copy(label, sizeof label, k == w.n && w.others ? "(other users)" : "(no user)");
        printf("<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
               "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
               y, SVG_W, SVG_ROW, k % 2 ? "#ffffff" : "#f6f8fa", SVG_LEFT - 10, y + 16);
        H(label);
        fputs("</text>\n", stdout);
    }
    for (size_t i = 0; i < r->nop; i++) {
        const rep_op *x = &r->op[i];
        if (!x->start)
            continue;
        double y = SVG_TOP + (double)row_of(&w, x) * SVG_ROW + SVG_ROW / 2.0;
        double x1 = SVG_LEFT + (double)(x->start - t0) * plot_w / (double)(t1 - t0);
        double x2 =
            x->end > x->start ? SVG_LEFT + (double)(x->end - t0) * plot_w / (double)(t1 - t0) : x1;
        svg_mark(x, x1, x2, y);
    }
    svg_axis(t0, t1, plot_w, SVG_TOP + (double)nrows * SVG_ROW + 8);
    fputs("</svg>\n", stdout);
    fputs("<p class=\"meta\">One mark per operation at its start (a bar to its end); hover "
          "for its user, outcome and entry. Times as the logs give them.",
          stdout);
    if (r->untimed)
        printf(" %zu operations have no time and are not drawn.", r->untimed);
    fputs("</p>\n</section>\n", stdout);
}

static void html_op_row(const rep_op *x, int link)
{
    fputs("<tr><td>", stdout);
    H(x->start_text[0] ? x->start_text : "(no time)");
    fputs("</td><td>", stdout);
    H(x->user[0] ? x->user : "(no user)");
    printf("</td><td class=\"%s\">%s</td><td>", ops_outcome_name(x->outcome),
           ops_outcome_name(x->outcome));
    if (link)
        op_entry_html(x, 1);
    else
        H(x->key);
    fputs("</td><td>", stdout);
    H(x->what);
    printf(" (%zu record%s)</td>", x->nrec, x->nrec == 1 ? "" : "s");
    if (!link) {
        fputs("<td class=\"detail\">", stdout);
        H(x->detail);
        fputs("</td>", stdout);
    }
    fputs("</tr>\n", stdout);
}

static void html_steps(const sspr_entry *e)
{
    if (sspr_entry_step_count(e)) {
        fputs("<h4>Steps</h4>\n<ol class=\"steps\">\n", stdout);
        for (size_t i = 0; i < sspr_entry_step_count(e); i++) {
            fputs("<li>", stdout);
            H(sspr_entry_step(e, i));
            fputs("</li>\n", stdout);
        }
        fputs("</ol>\n", stdout);
    }
    for (size_t p = 0; p < sspr_entry_procedure_count(e); p++) {
        const sspr_entry *pr = sspr_entry_procedure(e, p);
        fputs("<h4>Procedure <code>", stdout);
        H(sspr_entry_id(pr));
        fputs("</code>: ", stdout);
        H(sspr_entry_title(pr));
        fputs("</h4>\n<ol class=\"steps\">\n", stdout);
        for (size_t i = 0; i < sspr_entry_step_count(pr); i++) {
            fputs("<li>", stdout);
            H(sspr_entry_step(pr, i));
            fputs("</li>\n", stdout);
        }
        fputs("</ol>\n", stdout);
    }
}

static void html_entry(const rep *r, const sspr_entry *e)
{
    fputs("<section class=\"entry\" id=\"", stdout);
    H(sspr_entry_id(e));
    fputs("\">\n<h3><code>", stdout);
    H(sspr_entry_id(e));
    fputs("</code> ", stdout);
    H(sspr_entry_title(e));
    fputs("</h3>\n<p>", stdout);
    if (sspr_entry_source(e) && sspr_entry_code(e) >= 0) {
        fputs("<strong>", stdout);
        H(sspr_entry_source(e));
        printf(" %lld", (long long)sspr_entry_code(e));
        if (sspr_entry_name(e)) {
            fputs(" ", stdout);
            H(sspr_entry_name(e));
        }
        fputs("</strong>. ", stdout);
    }
    H(sspr_entry_summary(e));
    fputs("</p>\n", stdout);
    if (sspr_entry_cause_count(e)) {
        fputs("<h4>Causes</h4>\n<ul>\n", stdout);
        for (size_t i = 0; i < sspr_entry_cause_count(e); i++) {
            fputs("<li>", stdout);
            H(sspr_entry_cause(e, i));
            fputs("</li>\n", stdout);
        }
        fputs("</ul>\n", stdout);
    }
    html_steps(e);
    size_t n = 0;
    for (size_t i = 0; i < r->nop; i++)
        n += failing(&r->op[i]) && r->op[i].best == e;
    printf("<h4>Operations it explains (%zu)</h4>\n<table class=\"ops\">\n<tr><th>Start</th>"
           "<th>User</th><th>Outcome</th><th>Key</th><th>Records</th><th>Details</th></tr>\n",
           n);
    size_t shown = 0;
    for (size_t i = 0; i < r->nop && shown < MAX_LISTED; i++)
        if (failing(&r->op[i]) && r->op[i].best == e) {
            html_op_row(&r->op[i], 0);
            shown++;
        }
    fputs("</table>\n", stdout);
    if (n > shown)
        printf("<p>and %zu more.</p>\n", n - shown);
    fputs("</section>\n", stdout);
}

static void html_entries(const rep *r)
{
    fputs("<section id=\"entries\"><h2>What went wrong, and what to do</h2>\n", stdout);
    if (!r->nfailing)
        fputs("<p>No failed or unfinished operation has a catalogue entry to explain it.</p>\n",
              stdout);
    for (size_t i = 0; i < r->nfailing; i++)
        html_entry(r, r->failing[i]);
    size_t bare = 0;
    for (size_t i = 0; i < r->nop; i++)
        bare += failing(&r->op[i]) && !r->op[i].best;
    if (bare) {
        printf("<h3>Operations no entry explains (%zu)</h3>\n<table class=\"ops\">\n<tr>"
               "<th>Start</th><th>User</th><th>Outcome</th><th>Key</th><th>Records</"
               "th><th>Details</th>"
               "</tr>\n",
               bare);
        size_t shown = 0;
        for (size_t i = 0; i < r->nop && shown < MAX_LISTED; i++)
            if (failing(&r->op[i]) && !r->op[i].best) {
                html_op_row(&r->op[i], 0);
                shown++;
            }
        fputs("</table>\n", stdout);
    }
    fputs("</section>\n", stdout);
}

/* The checklist of the catalogue (support-case-checklist, else the first of
 * its kind). */
static const sspr_entry *checklist_entry(void)
{
    const sspr_entry *e = sspr_by_id("support-case-checklist");
    for (size_t i = 0; !e && i < sspr_count(); i++)
        if (sspr_entry_kind(sspr_at(i)) == SSPR_KIND_CHECKLIST)
            e = sspr_at(i);
    return e;
}

/* What the logs answer of a checklist step: 't' time, 'u' users, 'c' the
 * Connect server, 0 nothing. */
static int step_answer(const char *step)
{
    if (cli_contains(step, "date and time"))
        return 't';
    if (cli_contains(step, "affected user"))
        return 'u';
    if (cli_contains(step, "connect") && cli_contains(step, "server"))
        return 'c';
    return 0;
}

static void html_computers(const rep *r)
{
    for (size_t i = 0; i < r->ncomp; i++) {
        fputs(i ? ", <code>" : "<code>", stdout);
        H(r->comp[i].name);
        printf("</code> (%llu record%s)", (unsigned long long)r->comp[i].count,
               r->comp[i].count == 1 ? "" : "s");
    }
    if (!r->ncomp)
        fputs("not in these logs (no on-premises record names a computer)", stdout);
}

static void html_sync(const rep *r)
{
    if (!r->nhr && !r->adsync) {
        fputs("none in these logs", stdout);
        return;
    }
    fputs("<ul>", stdout);
    if (r->adsync) {
        printf("<li>%llu ADSync record%s: ", (unsigned long long)r->adsync,
               r->adsync == 1 ? "" : "s");
        for (size_t i = 0; i < r->nev; i++)
            printf("%sevent %lld &times; %llu", i ? ", " : "", (long long)r->ev[i].event_id,
                   (unsigned long long)r->ev[i].count);
        fputs("</li>", stdout);
    }
    for (size_t i = 0; i < r->nhr; i++) {
        const sspr_entry *hits[1];
        size_t n = sspr_by_hresult(r->hr[i].hr, hits, 1);
        printf("<li><code>0x%08X</code> &times; %llu, first at ", (unsigned)r->hr[i].hr,
               (unsigned long long)r->hr[i].count);
        H(r->hr[i].first[0] ? r->hr[i].first : "(no time)");
        if (n) {
            fputs(": <code>", stdout);
            H(sspr_entry_id(hits[0]));
            fputs("</code> ", stdout);
            H(sspr_entry_title(hits[0]));
        }
        fputs("</li>", stdout);
    }
    fputs("</ul>", stdout);
}

static void html_checklist(const rep *r)
{
    const sspr_entry *cl = checklist_entry();
    fputs("<section id=\"checklist\"><h2>Support checklist</h2>\n", stdout);
    if (cl) {
        fputs("<p>From <code>", stdout);
        H(sspr_entry_id(cl));
        fputs("</code>: ", stdout);
        H(sspr_entry_title(cl));
        fputs(". What these logs already answer is filled in.</p>\n", stdout);
    }
    fputs("<table class=\"facts\">\n<tr><th>Connect server</th><td id=\"cl-computer\">", stdout);
    html_computers(r);
    fputs("</td></tr>\n<tr><th>Time range</th><td id=\"cl-time\">", stdout);
    html_time_range(r);
    fputs("</td></tr>\n<tr><th>Users affected</th><td id=\"cl-users\">", stdout);
    html_user_list(r->affected, r->naffected);
    fputs("</td></tr>\n<tr><th>Sync engine errors</th><td id=\"cl-sync\">", stdout);
    html_sync(r);
    fputs("</td></tr>\n</table>\n", stdout);
    if (cl) {
        fputs("<ol class=\"checklist\">\n", stdout);
        for (size_t i = 0; i < sspr_entry_step_count(cl); i++) {
            const char *step = sspr_entry_step(cl, i);
            fputs("<li>", stdout);
            H(step);
            int a = step_answer(step);
            if (a) {
                fputs("<br><span class=\"answer\">From the logs: ", stdout);
                if (a == 't')
                    html_time_range(r);
                else if (a == 'u')
                    html_user_list(r->affected, r->naffected);
                else
                    html_computers(r);
                fputs("</span>", stdout);
            }
            fputs("</li>\n", stdout);
        }
        fputs("</ol>\n", stdout);
    }
    fputs("</section>\n", stdout);
}

static void html_operations(const rep *r)
{
    printf("<section id=\"operations\"><h2>Operations (%zu)</h2>\n<table class=\"ops\">\n<tr>"
           "<th>Start</th><th>User</th><th>Outcome</th><th>Entry</th><th>Records</th></tr>\n",
           r->nop);
    for (size_t i = 0; i < r->nop && i < MAX_LISTED; i++)
        html_op_row(&r->op[i], 1);
    fputs("</table>\n", stdout);
    if (r->nop > MAX_LISTED)
        printf("<p>and %zu more.</p>\n", r->nop - MAX_LISTED);
    fputs("</section>\n", stdout);
}

static void write_html(const rep *r)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>SSPR and Password Writeback: support report</title>\n<style>",
          stdout);
    fputs(css, stdout);
    fputs("</style>\n</head>\n<body>\n<h1>SSPR and Password Writeback: support report</h1>\n",
          stdout);
    printf("<p class=\"meta\">Written by sspr-errors %s (catalogue %s) from the event and audit "
           "logs below.</p>\n",
           sspr_version(), sspr_catalog_version());
    html_summary(r);
    html_timeline(r);
    html_entries(r);
    html_checklist(r);
    html_operations(r);
    fputs("</body>\n</html>\n", stdout);
}

#undef H

/* ---- Markdown ---- */

#define M(s) out_md(stdout, s)

static void md_users(const char *const *u, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", stdout);
        M(u[i]);
    }
    if (!n)
        fputs("none", stdout);
}

static void md_time_range(const rep *r)
{
    if (!r->t0) {
        fputs("the records give no time", stdout);
        return;
    }
    M(r->t0_text);
    fputs(" to ", stdout);
    M(r->t1_text);
}

static void md_computers(const rep *r)
{
    for (size_t i = 0; i < r->ncomp; i++) {
        fputs(i ? ", " : "", stdout);
        M(r->comp[i].name);
        printf(" (%llu record%s)", (unsigned long long)r->comp[i].count,
               r->comp[i].count == 1 ? "" : "s");
    }
    if (!r->ncomp)
        fputs("not in these logs (no on-premises record names a computer)", stdout);
}

static void md_op_row(const rep_op *x, int entry)
{
    fputs("| ", stdout);
    M(x->start_text[0] ? x->start_text : "(no time)");
    fputs(" | ", stdout);
    M(x->end > x->start ? x->end_text : "");
    fputs(" | ", stdout);
    M(x->user[0] ? x->user : "(no user)");
    printf(" | %s | ", ops_outcome_name(x->outcome));
    if (entry)
        M(x->best ? sspr_entry_id(x->best) : "(no entry)");
    else
        M(x->key);
    fputs(" | ", stdout);
    M(x->what);
    printf(" (%zu) |", x->nrec);
    if (!entry) {
        fputc(' ', stdout);
        M(x->detail);
        fputs(" |", stdout);
    }
    fputc('\n', stdout);
}

static void md_ops_header(int entry)
{
    if (entry)
        fputs("| Start | End | User | Outcome | Entry | Records |\n|---|---|---|---|---|---|\n",
              stdout);
    else
        fputs("| Start | End | User | Outcome | Key | Records | Details |\n"
              "|---|---|---|---|---|---|---|\n",
              stdout);
}

static void md_summary(const rep *r)
{
    fputs("## Summary\n\n| | |\n|---|---|\n", stdout);
    printf("| Files read | %zu: ", r->nfiles);
    for (size_t i = 0; i < r->nfiles; i++) {
        fputs(i ? ", " : "", stdout);
        M(strcmp(r->files[i], "-") == 0 ? "standard input" : r->files[i]);
    }
    printf(" |\n| Records | %llu |\n| Time range | ", (unsigned long long)r->records);
    md_time_range(r);
    printf(" |\n| Operations | %zu: %zu failed, %zu unfinished, %zu succeeded |\n", r->nop,
           r->n_out[OP_FAILED], r->n_out[OP_UNFINISHED], r->n_out[OP_SUCCEEDED]);
    printf("| Users affected | %zu of %zu: ", r->naffected, r->nusers);
    md_users(r->affected, r->naffected);
    fputs(" |\n\n", stdout);
    if (r->n_out[OP_FAILED] + r->n_out[OP_UNFINISHED] == 0)
        fputs("No failed or unfinished operation in these logs: nothing to explain.\n\n", stdout);
    else
        printf("%zu failed and %zu unfinished operations, explained by %zu catalogue entries "
               "(below, with their steps).\n\n",
               r->n_out[OP_FAILED], r->n_out[OP_UNFINISHED], r->nfailing);
}

static void md_list(const char *head, size_t n, const char *(*get)(const sspr_entry *, size_t),
                    const sspr_entry *e, int numbered)
{
    if (!n)
        return;
    printf("**%s**\n\n", head);
    for (size_t i = 0; i < n; i++) {
        if (numbered)
            printf("%zu. ", i + 1);
        else
            fputs("- ", stdout);
        M(get(e, i));
        fputc('\n', stdout);
    }
    fputc('\n', stdout);
}

static void md_entry(const rep *r, const sspr_entry *e)
{
    fputs("### ", stdout);
    M(sspr_entry_id(e));
    fputs(": ", stdout);
    M(sspr_entry_title(e));
    fputs("\n\n", stdout);
    if (sspr_entry_source(e) && sspr_entry_code(e) >= 0) {
        fputs("**", stdout);
        M(sspr_entry_source(e));
        printf(" %lld", (long long)sspr_entry_code(e));
        if (sspr_entry_name(e)) {
            fputs(" ", stdout);
            M(sspr_entry_name(e));
        }
        fputs("**. ", stdout);
    }
    M(sspr_entry_summary(e));
    fputs("\n\n", stdout);
    md_list("Causes", sspr_entry_cause_count(e), sspr_entry_cause, e, 0);
    md_list("Steps", sspr_entry_step_count(e), sspr_entry_step, e, 1);
    for (size_t p = 0; p < sspr_entry_procedure_count(e); p++) {
        const sspr_entry *pr = sspr_entry_procedure(e, p);
        char head[512];
        snprintf(head, sizeof head, "Procedure %s: %s", sspr_entry_id(pr), sspr_entry_title(pr));
        md_list(head, sspr_entry_step_count(pr), sspr_entry_step, pr, 1);
    }
    size_t n = 0;
    for (size_t i = 0; i < r->nop; i++)
        n += failing(&r->op[i]) && r->op[i].best == e;
    printf("**Operations it explains (%zu)**\n\n", n);
    md_ops_header(0);
    size_t shown = 0;
    for (size_t i = 0; i < r->nop && shown < MAX_LISTED; i++)
        if (failing(&r->op[i]) && r->op[i].best == e) {
            md_op_row(&r->op[i], 0);
            shown++;
        }
    if (n > shown)
        printf("\nand %zu more.\n", n - shown);
    fputc('\n', stdout);
}

static void md_sync(const rep *r)
{
    if (!r->nhr && !r->adsync) {
        fputs("none in these logs", stdout);
        return;
    }
    const char *sep = "";
    if (r->adsync) {
        printf("%llu ADSync record%s (", (unsigned long long)r->adsync, r->adsync == 1 ? "" : "s");
        for (size_t i = 0; i < r->nev; i++)
            printf("%sevent %lld × %llu", i ? ", " : "", (long long)r->ev[i].event_id,
                   (unsigned long long)r->ev[i].count);
        fputs(")", stdout);
        sep = "; ";
    }
    for (size_t i = 0; i < r->nhr; i++) {
        const sspr_entry *hits[1];
        size_t n = sspr_by_hresult(r->hr[i].hr, hits, 1);
        printf("%s0x%08X × %llu, first at ", sep, (unsigned)r->hr[i].hr,
               (unsigned long long)r->hr[i].count);
        M(r->hr[i].first[0] ? r->hr[i].first : "(no time)");
        if (n) {
            fputs(": ", stdout);
            M(sspr_entry_id(hits[0]));
        }
        sep = "; ";
    }
}

static void md_checklist(const rep *r)
{
    const sspr_entry *cl = checklist_entry();
    fputs("## Support checklist\n\n", stdout);
    if (cl) {
        fputs("From ", stdout);
        M(sspr_entry_id(cl));
        fputs(": ", stdout);
        M(sspr_entry_title(cl));
        fputs(". What these logs already answer is filled in.\n\n", stdout);
    }
    fputs("| | From the logs |\n|---|---|\n| Connect server | ", stdout);
    md_computers(r);
    fputs(" |\n| Time range | ", stdout);
    md_time_range(r);
    fputs(" |\n| Users affected | ", stdout);
    md_users(r->affected, r->naffected);
    fputs(" |\n| Sync engine errors | ", stdout);
    md_sync(r);
    fputs(" |\n\n", stdout);
    for (size_t i = 0; cl && i < sspr_entry_step_count(cl); i++) {
        const char *step = sspr_entry_step(cl, i);
        printf("%zu. ", i + 1);
        M(step);
        int a = step_answer(step);
        if (a) {
            fputs(" **From the logs:** ", stdout);
            if (a == 't')
                md_time_range(r);
            else if (a == 'u')
                md_users(r->affected, r->naffected);
            else
                md_computers(r);
        }
        fputc('\n', stdout);
    }
    fputc('\n', stdout);
}

static void write_md(const rep *r)
{
    fputs("# SSPR and Password Writeback: support report\n\n", stdout);
    printf("Written by sspr-errors %s (catalogue %s) from the event and audit logs below.\n\n",
           sspr_version(), sspr_catalog_version());
    md_summary(r);
    fputs("## Timeline\n\n", stdout);
    if (r->nop) {
        md_ops_header(1);
        for (size_t i = 0; i < r->nop; i++)
            md_op_row(&r->op[i], 1);
        fputc('\n', stdout);
    } else {
        fputs("No operation.\n\n", stdout);
    }
    fputs("## What went wrong, and what to do\n\n", stdout);
    if (!r->nfailing)
        fputs("No failed or unfinished operation has a catalogue entry to explain it.\n\n", stdout);
    for (size_t i = 0; i < r->nfailing; i++)
        md_entry(r, r->failing[i]);
    md_checklist(r);
}

#undef M

scan_outcome report_run(const char *prog, char *const *files, size_t n, report_format format)
{
    static char *const stdin_name[] = {"-"};
    rep r;
    memset(&r, 0, sizeof r);
    r.files = n ? files : stdin_name;
    r.nfiles = n ? n : 1;
    r.ops = ops_new(on_op, &r);
    if (!r.ops) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return SCAN_NO_MEMORY;
    }
    scan_outcome read = scan_files_in_time(prog, r.files, r.nfiles, on_record, on_tick, &r);
    ops_finish(r.ops);
    if (read == SCAN_NO_MEMORY || r.oom || !derive(&r)) {
        if (read != SCAN_NO_MEMORY)
            fprintf(stderr, "%s: out of memory\n", prog);
        free(r.op);
        free(r.users);
        free(r.affected);
        free(r.failing);
        return SCAN_NO_MEMORY;
    }
    if (format == REPORT_HTML)
        write_html(&r);
    else
        write_md(&r);
    free(r.op);
    free(r.users);
    free(r.affected);
    free(r.failing);
    return read == SCAN_UNREADABLE ? SCAN_UNREADABLE : SCAN_FOUND;
}
