/* The public scanning functions: set up, feed, finish (sspr_scan_*), and the
 * records' accessors (sspr_record_*). */
#include "scan.h"

void sspr_scan_init(sspr_scanner *scanner, sspr_scan_fn on_match, void *ctx)
{
    if (!scanner)
        return;
    scan_state *s = sspr__scan_state_of(scanner);
    memset(s, 0, sizeof *s);
    s->fn = on_match;
    s->ctx = ctx;
    s->line = 1;
}

void sspr_scan_feed(sspr_scanner *scanner, const void *data, size_t len)
{
    if (!scanner || !data)
        return;
    scan_state *s = sspr__scan_state_of(scanner);
    const unsigned char *p = data;
    while (s->enc == ENC_DETECT && len) {
        s->head[s->nhead++] = *p++;
        len--;
        if (s->nhead == 3)
            sspr__scan_detect(s);
    }
    if (len)
        sspr__scan_decoded(s, p, len);
}

void sspr_scan_finish(sspr_scanner *scanner)
{
    if (!scanner)
        return;
    scan_state *s = sspr__scan_state_of(scanner);
    if (s->enc == ENC_DETECT)
        sspr__scan_detect(s);
    if (s->enc == ENC_UTF16LE || s->enc == ENC_UTF16BE) {
        unsigned char o[8];
        size_t n = 0;
        if (s->high) {
            s->high = 0;
            n += sspr__scan_put_utf8(0xFFFD, o);
        }
        if (s->has_odd) {
            s->has_odd = 0;
            n += sspr__scan_put_utf8(0xFFFD, o + n);
        }
        if (n)
            sspr__scan_bytes(s, o, n);
    }
    sspr__scan_bytes_end(s);
    if (s->json != JSON_YES && (s->clen || s->lpos))
        sspr__scan_carry_end(s); /* the last line had no line break */
    sspr__scan_end_record(s);
    sspr_record_fn rfn = s->rfn;
    void *rctx = s->rctx;
    sspr_scan_init(scanner, s->fn, s->ctx);
    s->rfn = rfn;
    s->rctx = rctx;
}

void sspr_scan_init_records(sspr_scanner *scanner, sspr_record_fn on_record, void *ctx)
{
    if (!scanner)
        return;
    sspr_scan_init(scanner, NULL, NULL);
    scan_state *s = sspr__scan_state_of(scanner);
    s->rfn = on_record;
    s->rctx = ctx;
    s->rec.record_id = -1;
}

/* ---- records ---- */

/* The schema's record fields are the public enum's, in its order. */
#define SSPR__RECORD_SAME(key, name, kind, doc)                                                    \
    typedef char sspr__record_##key[(int)SSPR__RECORD_F_##key == (int)SSPR_RECORD_##name ? 1 : -1];
SSPR_RECORD_FIELDS(SSPR__RECORD_SAME)
#undef SSPR__RECORD_SAME

const char *sspr_record_text(const sspr_record *r, sspr_record_field field)
{
    if (!r || (unsigned)field >= SCAN_NFIELDS)
        return NULL;
    return r->text[field];
}

int64_t sspr_record_number(const sspr_record *r, sspr_record_field field)
{
    if (!r)
        return -1;
    return field == SSPR_RECORD_EVENT_ID    ? r->event_id
           : field == SSPR_RECORD_RECORD_ID ? r->record_id
                                            : -1;
}

uint64_t sspr_record_line(const sspr_record *r)
{
    return r ? r->line : 0;
}

uint64_t sspr_record_last_line(const sspr_record *r)
{
    return r ? r->last_line : 0;
}

size_t sspr_record_hresult_count(const sspr_record *r)
{
    return r ? r->nhr : 0;
}

uint32_t sspr_record_hresult(const sspr_record *r, size_t i)
{
    return r && i < r->nhr ? r->hr[i] : 0;
}

size_t sspr_record_entry_count(const sspr_record *r)
{
    return r ? r->n : 0;
}

const sspr_entry *sspr_record_entry(const sspr_record *r, size_t i)
{
    return r && i < r->n ? r->entries[i] : NULL;
}

sspr_confidence sspr_record_confidence(const sspr_record *r, size_t i)
{
    return r && i < r->n ? r->conf[i] : SSPR_CONFIDENCE_NONE;
}
