/* Binary .evtx files (sspr_scan_evtx): the records the reader (src/lib/evtx)
 * finds become the scanner's records, field by field, and their EventData
 * values go through the same matching as a text export's message, line by
 * line. */
#include "evtx.h"
#include "scan.h"

typedef struct {
    scan_state *s;
    sspr_read_fn read;
    void *read_ctx;
    uint64_t bytes;
} evtx_bridge;

/* The record's level as the scanner names it: Windows writes 0 (LogAlways)
 * for classic events of the information type. */
static void evtx_level(scan_state *s, int32_t level)
{
    char digit[2] = {0, 0};
    if (level < 0 || level > 5)
        return;
    digit[0] = (char)('0' + level);
    sspr__scan_set(s, SSPR_RECORD_LEVEL, (const unsigned char *)digit, 1);
}

/* A value's lines: kept as the message, read as a text export's are. */
static void evtx_value(scan_state *s, const char *v)
{
    const unsigned char *p = (const unsigned char *)v;
    size_t n = strlen(v);
    while (n) {
        const unsigned char *nl = memchr(p, '\n', n);
        size_t len = nl ? (size_t)(nl - p) : n;
        size_t line = len;
        if (line && p[line - 1] == '\r')
            line--;
        sspr__scan_msg_add(s, p, line);
        sspr__scan_content(s, p, 0, line, line, 0, 1);
        sspr__scan_line_break(s);
        if (!nl)
            break;
        p += len + 1;
        n -= len + 1;
    }
}

static void evtx_event(void *ctx, const sspr__evtx_event *ev)
{
    evtx_bridge *b = ctx;
    scan_state *s = b->s;
    sspr__scan_open(s, REC_XML);
    scan_rec *r = &s->rec;
    r->format = SCAN_FORM_EVTX;
    r->line = 0;
    r->last = 0;
    if (ev->provider)
        sspr__scan_set(s, SSPR_RECORD_SOURCE, (const unsigned char *)ev->provider,
                       strlen(ev->provider));
    if (ev->event_id >= 0 && ev->event_id <= 0xFFFFFFFF) {
        r->has_id = 1;
        r->id = (uint32_t)ev->event_id;
    }
    r->record_id = ev->record_id <= INT64_MAX ? (int64_t)ev->record_id : -1;
    evtx_level(s, ev->level);
    uint64_t when = ev->created ? ev->created : ev->written;
    if (when) {
        char iso[29];
        sspr__evtx_time_text(when, iso);
        sspr__scan_set(s, SSPR_RECORD_TIME, (const unsigned char *)iso, strlen(iso));
    }
    if (ev->computer)
        sspr__scan_set(s, SSPR_RECORD_COMPUTER, (const unsigned char *)ev->computer,
                       strlen(ev->computer));
    for (size_t i = 0; i < ev->ndata; i++)
        if (ev->data[i])
            evtx_value(s, ev->data[i]);
    sspr__scan_end_record(s);
}

static long long evtx_read(void *ctx, void *buf, size_t len)
{
    evtx_bridge *b = ctx;
    int64_t n = b->read(b->read_ctx, buf, len);
    if (n > 0)
        b->bytes += (uint64_t)n;
    return n < 0 ? -1 : (long long)n;
}

int sspr_evtx_is(const void *data, size_t len)
{
    return data && sspr__evtx_magic(data, len);
}

int sspr_scan_evtx(sspr_scanner *scanner, const void *data, size_t len, sspr_read_fn read,
                   void *read_ctx, sspr_evtx_stats *stats)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (!scanner || (!data && !read))
        return -2;
    if (data && !sspr__evtx_magic(data, len))
        return -2;
    scan_state *s = sspr__scan_state_of(scanner);
    evtx_bridge b = {s, read, read_ctx, 0};
    sspr__evtx_stats st;
    memset(&st, 0, sizeof st);
    int rc =
        sspr__evtx_read(data, data ? len : 0, data ? NULL : evtx_read, &b, evtx_event, &b, &st);
    uint64_t bytes = data ? len : b.bytes;
    if (bytes < SSPR_EVTX_HEADER)
        st.header_bad = 1; /* cut inside its header */
    if (rc == 0 && st.header_bad && !st.chunks && !st.records)
        rc = -2; /* nothing of it is EVTX */
    if (stats) {
        stats->records = st.records;
        stats->chunks = st.chunks;
        stats->chunks_skipped = st.chunks_skipped;
        stats->records_skipped = st.records_skipped;
        stats->first_skipped = st.first_skip_offset;
        stats->bytes = bytes;
        stats->header_bad = (uint32_t)st.header_bad;
        stats->dirty = (uint32_t)st.dirty;
    }
    sspr_scan_finish(scanner); /* nothing is pending: leaves it ready */
    return rc;
}
