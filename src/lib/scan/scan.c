/* The public scanning functions (sspr_scan_*): set up, feed, finish. */
#include "scan.h"

static scan_state *scan_of(sspr_scanner *sc)
{
    return (scan_state *)(void *)sc->opaque.bytes;
}

void sspr_scan_init(sspr_scanner *scanner, sspr_scan_fn on_match, void *ctx)
{
    if (!scanner)
        return;
    scan_state *s = scan_of(scanner);
    memset(s, 0, sizeof *s);
    s->fn = on_match;
    s->ctx = ctx;
    s->line = 1;
}

void sspr_scan_feed(sspr_scanner *scanner, const void *data, size_t len)
{
    if (!scanner || !data)
        return;
    scan_state *s = scan_of(scanner);
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
    scan_state *s = scan_of(scanner);
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
    if (s->clen || s->lpos)
        sspr__scan_carry_end(s); /* the last line had no line break */
    sspr__scan_end_record(s);
    sspr_scan_init(scanner, s->fn, s->ctx);
}
