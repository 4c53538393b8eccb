/* libFuzzer harness: the streaming event-log scanner. The same input fed in one
 * chunk and in chunks whose sizes come from the input itself must report the
 * same matches in the same order. */
#include "chunks.h"
#include "sspr-errors.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { MAXM = 4096 };

typedef struct {
    const sspr_entry *e[MAXM];
    uint64_t line[MAXM];
    size_t n;
} record;

static void on_match(void *ctx, const sspr_entry *e, uint64_t line)
{
    record *r = ctx;
    if (r->n < MAXM) {
        r->e[r->n] = e;
        r->line[r->n] = line;
    }
    r->n++;
}

static record one, many;

static void init(sspr_scanner *sc, void *ctx)
{
    ((record *)ctx)->n = 0;
    sspr_scan_init(sc, on_match, ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_whole_then_chunked(data, size, 17, init, &one, &many))
        return 0;
    if (one.n != many.n)
        abort();
    size_t m = one.n < MAXM ? one.n : MAXM;
    if (memcmp(one.e, many.e, m * sizeof *one.e) ||
        memcmp(one.line, many.line, m * sizeof *one.line))
        abort();
    return 0;
}
