/* libFuzzer harness: the record parser (sspr_scan_init_records). The same
 * input fed in one chunk and in chunks whose sizes come from the input itself
 * must give the same records, field for field; every accessor is read, in and
 * out of range. */
#include "chunks.h"
#include "sspr-errors.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { MAXR = 512, DIGEST = 4096 };

/* A record squeezed into a digest: its fields' bytes and numbers, so two
 * readings can be compared. */
typedef struct {
    unsigned char d[MAXR][64];
    size_t n;
} readings;

static void mix(unsigned char *d, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        d[i % 64] = (unsigned char)(d[i % 64] * 31u + b[i] + (unsigned char)i);
}

static void on_record(void *ctx, const sspr_record *r)
{
    readings *x = ctx;
    unsigned char d[64] = {0};
    for (int f = 0; f <= (int)SSPR_RECORD_DETAILS + 1; f++) {
        const char *t = sspr_record_text(r, (sspr_record_field)f);
        if (t)
            mix(d, t, strlen(t) + 1);
        int64_t v = sspr_record_number(r, (sspr_record_field)f);
        mix(d, &v, sizeof v);
    }
    uint64_t line = sspr_record_line(r);
    mix(d, &line, sizeof line);
    for (size_t i = 0; i <= sspr_record_hresult_count(r); i++) {
        uint32_t h = sspr_record_hresult(r, i);
        mix(d, &h, sizeof h);
    }
    for (size_t i = 0; i <= sspr_record_entry_count(r); i++) {
        const sspr_entry *e = sspr_record_entry(r, i);
        sspr_confidence c = sspr_record_confidence(r, i);
        if (e)
            mix(d, sspr_entry_id(e), strlen(sspr_entry_id(e)));
        else if (i < sspr_record_entry_count(r))
            abort(); /* a counted entry is never NULL */
        mix(d, &c, sizeof c);
    }
    if (x->n < MAXR)
        memcpy(x->d[x->n], d, sizeof d);
    x->n++;
}

static readings one, many;

static void init(sspr_scanner *sc, void *ctx)
{
    ((readings *)ctx)->n = 0;
    sspr_scan_init_records(sc, on_record, ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_whole_then_chunked(data, size, 29, init, &one, &many))
        return 0;
    if (one.n != many.n)
        abort();
    size_t m = one.n < MAXR ? one.n : MAXR;
    if (memcmp(one.d, many.d, m * sizeof *one.d))
        abort();
    return 0;
}
