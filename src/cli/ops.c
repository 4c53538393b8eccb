/* Operations: records joined into attempts (see ops.h). */
#include "ops.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    op o;
    char key2[64]; /* the other side's key, once joined by user and time */
    int64_t last;  /* time of its latest record (0 unknown) */
} op_open;

struct ops {
    op_fn done;
    void *ctx;
    op_open **open;
    size_t n;
    uint64_t seq;
};

const char *ops_outcome_name(op_outcome outcome)
{
    return outcome == OP_FAILED ? "failed" : outcome == OP_SUCCEEDED ? "succeeded" : "unfinished";
}

const char *ops_first_step(const sspr_entry *e)
{
    if (sspr_entry_step_count(e))
        return sspr_entry_step(e, 0);
    for (size_t i = 0; i < sspr_entry_procedure_count(e); i++)
        if (sspr_entry_step_count(sspr_entry_procedure(e, i)))
            return sspr_entry_step(sspr_entry_procedure(e, i), 0);
    return NULL;
}

static int ops_digits(const char *p, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return 0;
        *v = *v * 10 + (p[i] - '0');
    }
    return 1;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t ops_days(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int64_t ops_seconds(const char *iso)
{
    int y, mo, d, h, mi, s;
    if (!iso || strlen(iso) < 19 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T')
        return 0;
    if (!ops_digits(iso, 4, &y) || !ops_digits(iso + 5, 2, &mo) || !ops_digits(iso + 8, 2, &d) ||
        !ops_digits(iso + 11, 2, &h) || !ops_digits(iso + 14, 2, &mi) ||
        !ops_digits(iso + 17, 2, &s))
        return 0;
    return ops_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

ops *ops_new(op_fn done, void *ctx)
{
    ops *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->open = calloc(OPS_OPEN, sizeof *o->open);
    if (!o->open) {
        free(o);
        return NULL;
    }
    o->done = done;
    o->ctx = ctx;
    return o;
}

static void ops_record(op_record *x, const sspr_record *r, size_t file)
{
    memset(x, 0, sizeof *x);
    x->file = file;
    x->line = sspr_record_line(r);
    x->record_id = sspr_record_number(r, SSPR_RECORD_RECORD_ID);
    x->event_id = sspr_record_number(r, SSPR_RECORD_EVENT_ID);
#define OPS_TXT(f, field) cli_copy(x->f, sizeof x->f, sspr_record_text(r, field))
    OPS_TXT(format, SSPR_RECORD_FORMAT);
    OPS_TXT(source, SSPR_RECORD_SOURCE);
    OPS_TXT(level, SSPR_RECORD_LEVEL);
    OPS_TXT(time, SSPR_RECORD_TIME);
    OPS_TXT(user, SSPR_RECORD_USER);
    OPS_TXT(tracking_id, SSPR_RECORD_TRACKING_ID);
    OPS_TXT(correlation_id, SSPR_RECORD_CORRELATION_ID);
    OPS_TXT(operation, SSPR_RECORD_OPERATION);
    OPS_TXT(activity, SSPR_RECORD_ACTIVITY);
    OPS_TXT(result, SSPR_RECORD_RESULT);
    OPS_TXT(reason, SSPR_RECORD_REASON);
    OPS_TXT(computer, SSPR_RECORD_COMPUTER);
    OPS_TXT(message, SSPR_RECORD_MESSAGE);
#undef OPS_TXT
    x->when = ops_seconds(x->time);
    x->side = ops_side_of(r);
    x->nhr = sspr_record_hresult_count(r);
    if (x->nhr > 8)
        x->nhr = 8;
    for (size_t i = 0; i < x->nhr; i++)
        x->hr[i] = sspr_record_hresult(r, i);
    x->nent = sspr_record_entry_count(r);
    if (x->nent > OPS_ENTRIES)
        x->nent = OPS_ENTRIES;
    for (size_t i = 0; i < x->nent; i++) {
        x->entries[i] = sspr_record_entry(r, i);
        x->conf[i] = sspr_record_confidence(r, i);
    }
}

/* Two texts that both say something and say it alike (any ASCII case). */
static int ops_same(const char *a, const char *b)
{
    return *a && *b && cli_same(a, b);
}

ops_side ops_side_of(const sspr_record *r)
{
    const char *activity = sspr_record_text(r, SSPR_RECORD_ACTIVITY);
    const char *correlation = sspr_record_text(r, SSPR_RECORD_CORRELATION_ID);
    const char *src = sspr_record_text(r, SSPR_RECORD_SOURCE);
    if ((activity && *activity) || (correlation && *correlation))
        return OPS_SIDE_CLOUD;
    if (sspr_record_number(r, SSPR_RECORD_EVENT_ID) >= 0 ||
        (src && (strcmp(src, "PasswordResetService") == 0 || strcmp(src, "ADSync") == 0)))
        return OPS_SIDE_ONPREM;
    return OPS_SIDE_UNKNOWN;
}

static int ops_is_cloud(const op_record *x)
{
    return x->side == OPS_SIDE_CLOUD;
}

/* A step of the cloud's reset flow, not its end: its success decides nothing. */
static int ops_step(const op_record *x)
{
    return strstr(x->activity, "progress") != NULL || strstr(x->activity, "started") != NULL;
}

/* What a record says of its operation's outcome: -1 failed, 1 succeeded, 0 nothing. */
static int ops_says(const op_record *x)
{
    if (ops_is_cloud(x)) {
        if (ops_same(x->result, "failure") || ops_same(x->result, "timeout"))
            return -1;
        return ops_same(x->result, "success") && !ops_step(x) ? 1 : 0;
    }
    if (x->nent) {
        const sspr_entry *e = x->entries[0];
        const char *name = sspr_entry_name(e);
        size_t n = name ? strlen(name) : 0;
        if (sspr_entry_kind(e) == SSPR_KIND_EVENT && n >= 7 && strcmp(name + n - 7, "Success") == 0)
            return 1;
        if (sspr_entry_severity(e) == SSPR_SEVERITY_ERROR ||
            sspr_entry_severity(e) == SSPR_SEVERITY_WARNING)
            return -1;
    }
    if (strcmp(x->level, "error") == 0 || strcmp(x->level, "critical") == 0)
        return -1;
    return 0;
}

static int ops_has_hr(const op *o, const op_record *x)
{
    for (size_t i = 0; i < o->nrec; i++)
        for (size_t a = 0; a < o->rec[i].nhr; a++)
            for (size_t b = 0; b < x->nhr; b++)
                if (o->rec[i].hr[a] == x->hr[b])
                    return 1;
    return 0;
}

static int64_t ops_gap(int64_t a, int64_t b)
{
    return a > b ? a - b : b - a;
}

/* The open operation this record belongs to, or NULL. */
static op_open *ops_find(ops *o, const op_record *x)
{
    const char *key = x->tracking_id[0] ? x->tracking_id : x->correlation_id;
    for (size_t i = 0; key[0] && i < o->n; i++)
        if (ops_same(o->open[i]->o.key, key) || ops_same(o->open[i]->key2, key))
            return o->open[i];
    /* an HRESULT of a failure joined to the failure that names it, either first */
    if (x->nhr && !x->tracking_id[0] && !ops_is_cloud(x))
        for (size_t i = o->n; i-- > 0;) {
            op_open *p = o->open[i];
            if (p->o.onprem && ops_has_hr(&p->o, x) &&
                (!x->when || !p->last || ops_gap(x->when, p->last) <= OPS_HR_WINDOW))
                return p;
        }
    if (x->nhr && !x->tracking_id[0] && !ops_is_cloud(x))
        for (size_t i = o->n; i-- > 0;) { /* the failure came first, without the HRESULT */
            op_open *p = o->open[i];
            if (p->o.onprem && p->o.outcome == OP_FAILED && x->when && p->last &&
                ops_gap(x->when, p->last) <= OPS_HR_WINDOW && !p->o.rec[p->o.nrec - 1].nhr &&
                ops_same(p->o.user, x->user[0] ? x->user : p->o.user))
                return p;
        }
    /* the other side of the same user's attempt */
    if (x->user[0] && x->when)
        for (size_t i = o->n; i-- > 0;) {
            op_open *p = o->open[i];
            int other = ops_is_cloud(x) ? p->o.onprem && !p->o.cloud : p->o.cloud && !p->o.onprem;
            if (other && ops_same(p->o.user, x->user) && p->last &&
                ops_gap(x->when, p->last) <= OPS_USER_WINDOW && (!key[0] || !p->key2[0]))
                return p;
        }
    return NULL;
}

static void ops_close_at(ops *o, size_t i)
{
    op_open *p = o->open[i];
    memmove(o->open + i, o->open + i + 1, (o->n - i - 1) * sizeof *o->open);
    o->n--;
    if (o->done)
        o->done(o->ctx, &p->o);
    free(p);
}

/* Is an entry more telling than the best so far? One with an HRESULT (the
 * sync engine's own reason) is. */
static int ops_better(const sspr_entry *e, const sspr_entry *best)
{
    return !best || (sspr_entry_hresult_count(e) > 0 && sspr_entry_hresult_count(best) == 0);
}

/* A keyed failure with an HRESULT takes in the record of that HRESULT that came
 * first on its own (ADSync's 6329 a second before PasswordResetService's
 * 33004): that operation's records move into p, and it is gone. */
static void ops_merge_hr(ops *o, op_open *p, const op_record *x)
{
    for (size_t i = 0; i < o->n; i++) {
        op_open *c = o->open[i];
        if (c == p || c->o.key[0] || !c->o.onprem || !ops_has_hr(&c->o, x) ||
            (x->when && c->last && ops_gap(x->when, c->last) > OPS_HR_WINDOW))
            continue;
        op *q = &p->o;
        for (size_t k = 0; k < c->o.nrec; k++) {
            if (q->nrec < OPS_RECORDS)
                q->rec[q->nrec++] = c->o.rec[k];
            else
                q->dropped++;
        }
        q->dropped += c->o.dropped;
        if (c->o.start && (!q->start || c->o.start < q->start)) {
            q->start = c->o.start;
            memcpy(q->start_text, c->o.start_text, sizeof q->start_text);
        }
        if (c->o.best && ops_better(c->o.best, q->best))
            q->best = c->o.best;
        if (c->o.outcome == OP_FAILED)
            q->outcome = OP_FAILED;
        for (size_t k = 1; k < q->nrec; k++) { /* back in time order */
            op_record r = q->rec[k];
            size_t j = k;
            for (; j > 0 && r.when && q->rec[j - 1].when > r.when; j--)
                q->rec[j] = q->rec[j - 1];
            q->rec[j] = r;
        }
        memmove(o->open + i, o->open + i + 1, (o->n - i - 1) * sizeof *o->open);
        o->n--;
        free(c);
        return;
    }
}

void ops_add(ops *o, const sspr_record *r, size_t file)
{
    if (!o || !r)
        return;
    op_record x;
    ops_record(&x, r, file);

    const char *key = x.tracking_id[0] ? x.tracking_id : x.correlation_id;
    op_open *p = ops_find(o, &x);
    if (!p && !key[0] && !x.nent && !x.nhr)
        return; /* part of no attempt */
    if (!p) {
        if (o->n == OPS_OPEN)
            ops_close_at(o, 0); /* the oldest, early */
        p = calloc(1, sizeof *p);
        if (!p)
            return;
        p->o.seq = o->seq++;
        cli_copy(p->o.key, sizeof p->o.key, key);
        o->open[o->n++] = p;
    } else if (key[0] && !ops_same(p->o.key, key) && !p->key2[0]) {
        cli_copy(p->key2, sizeof p->key2, key);
    }
    op *q = &p->o;
    if (q->nrec < OPS_RECORDS)
        q->rec[q->nrec++] = x;
    else
        q->dropped++;
    if (ops_is_cloud(&x))
        q->cloud = 1;
    else
        q->onprem = 1;
    if (!q->user[0] && x.user[0])
        cli_copy(q->user, sizeof q->user, x.user);
    if (x.when) {
        if (!q->start || x.when < q->start) {
            q->start = x.when;
            cli_copy(q->start_text, sizeof q->start_text, x.time);
        }
        if (x.when >= q->end) {
            q->end = x.when;
            cli_copy(q->end_text, sizeof q->end_text, x.time);
        }
        if (x.when > p->last)
            p->last = x.when;
    }
    int says = ops_says(&x);
    if (says < 0) {
        q->outcome = OP_FAILED;
        if (x.nent && ops_better(x.entries[0], q->best))
            q->best = x.entries[0];
    } else if (says > 0 && q->outcome != OP_FAILED) {
        q->outcome = OP_SUCCEEDED;
    } else if (says > 0 && ops_is_cloud(&x)) {
        q->outcome = OP_SUCCEEDED; /* the flow went on after a failed step */
        q->best = NULL;
    }
    if (x.nhr && q->outcome == OP_FAILED && x.nent && ops_better(x.entries[0], q->best))
        q->best = x.entries[0];
    if (x.nhr && q->key[0])
        ops_merge_hr(o, p, &x);
}

void ops_tick(ops *o, int64_t watermark)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->n;) {
        op_open *c = o->open[i];
        if (c->last && watermark > c->last && watermark - c->last > OPS_CLOSE)
            ops_close_at(o, i);
        else
            i++;
    }
}

void ops_finish(ops *o)
{
    if (!o)
        return;
    while (o->n)
        ops_close_at(o, 0);
    free(o->open);
    free(o);
}
