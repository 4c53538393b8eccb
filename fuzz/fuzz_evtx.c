/* libFuzzer harness: the EVTX reader (src/lib/evtx, sspr__evtx_read).
 *
 * The input is read three ways:
 *   1. as a whole file from memory;
 *   2. the same through the read callback, in pieces whose sizes come from the
 *      input, which must give the same records and counts as 1;
 *   3. as one chunk behind a made-up file header that says "no checksums", so
 *      mutations reach the records and their BinXML without having to keep
 *      CRC-32s right: the chunk is the input from byte 4096 when it starts with
 *      a file signature, else the input from byte 0, padded with zeros.
 * Every string of every event is read in full. */
#include "evtx/evtx.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t n;
    uint64_t sum; /* a digest of what the events said */
} fz_seen;

static uint64_t fz_mix(uint64_t h, const char *s)
{
    if (!s)
        return h * 31 + 7;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        h = h * 131 + (unsigned char)s[i];
    return h * 31 + n;
}

static void fz_event(void *ctx, const sspr__evtx_event *ev)
{
    fz_seen *x = ctx;
    if (ev->ndata > SSPR_EVTX_MAX_DATA)
        abort();
    uint64_t h = ev->offset ^ ev->record_id ^ ev->written ^ ev->created;
    h = fz_mix(h, ev->provider);
    h = fz_mix(h, ev->channel);
    h = fz_mix(h, ev->computer);
    h = h * 31 + (uint64_t)ev->event_id + (uint64_t)ev->qualifiers + (uint64_t)ev->level;
    for (size_t i = 0; i < ev->ndata; i++) {
        if (!ev->data[i])
            abort(); /* a value is never NULL, at most "" */
        h = fz_mix(h, ev->data[i]);
        h = fz_mix(h, ev->data_name[i]);
    }
    char t[29];
    sspr__evtx_time_text(ev->created, t);
    h = fz_mix(h, t);
    x->n++;
    x->sum = x->sum * 1000003 + h;
}

typedef struct {
    const uint8_t *p;
    size_t left;
    unsigned seed;
} fz_stream;

static long long fz_read(void *ctx, void *buf, size_t len)
{
    fz_stream *s = ctx;
    size_t n = 1 + s->seed % 70000;
    s->seed = s->seed * 1103515245u + 12345u;
    if (n > len)
        n = len;
    if (n > s->left)
        n = s->left;
    memcpy(buf, s->p, n);
    s->p += n;
    s->left -= n;
    return (long long)n;
}

static uint8_t fz_file[SSPR_EVTX_HEADER + SSPR_EVTX_CHUNK];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_seen mem = {0, 0}, str = {0, 0}, one = {0, 0};
    sspr__evtx_stats a, b, c;
    if (sspr__evtx_read(data, size, NULL, NULL, fz_event, &mem, &a) != 0)
        abort();
    fz_stream s = {data, size, size ? data[size - 1] * 2654435761u : 1u};
    if (sspr__evtx_read(NULL, 0, fz_read, &s, fz_event, &str, &b) != 0)
        abort();
    if (mem.n != str.n || mem.sum != str.sum || memcmp(&a, &b, sizeof a) != 0)
        abort();
    if (a.records != mem.n)
        abort();

    size_t from = sspr__evtx_magic(data, size) && size > SSPR_EVTX_HEADER ? SSPR_EVTX_HEADER : 0;
    size_t n = size - from < SSPR_EVTX_CHUNK ? size - from : SSPR_EVTX_CHUNK;
    memset(fz_file, 0, SSPR_EVTX_HEADER); /* fz_file is static: the rest of the header stays 0 */
    memcpy(fz_file, "ElfFile", 8);
    fz_file[120] = 4; /* no checksums */
    memcpy(fz_file + SSPR_EVTX_HEADER, data + from, n);
    memset(fz_file + SSPR_EVTX_HEADER + n, 0, SSPR_EVTX_CHUNK - n);
    memcpy(fz_file + SSPR_EVTX_HEADER, "ElfChnk", 8);
    if (sspr__evtx_read(fz_file, sizeof fz_file, NULL, NULL, fz_event, &one, &c) != 0)
        abort();
    if (c.header_bad || c.chunks != 1 || c.records != one.n)
        abort();
    return 0;
}
