/* The harnesses that feed a scanner: the input once whole, then in chunks
 * whose sizes (1 to spread bytes) come from a seed the input carries. */
#ifndef SSPR_FUZZ_CHUNKS_H
#define SSPR_FUZZ_CHUNKS_H

#include "sspr-errors.h"

#include <stddef.h>
#include <stdint.h>

static inline void fuzz_feed_chunks(sspr_scanner *sc, const uint8_t *data, size_t size,
                                    unsigned seed, unsigned spread)
{
    for (size_t at = 0; at < size;) {
        size_t chunk = 1 + (seed % spread);
        seed = seed * 1103515245u + 12345u;
        if (chunk > size - at)
            chunk = size - at;
        sspr_scan_feed(sc, data + at, chunk);
        at += chunk;
    }
    sspr_scan_finish(sc);
}

/* The input's first byte is the chunking seed, the rest the paste or export.
 * Feeds the rest whole to a scanner that init sets up with ctx one, then in
 * chunks to one set up with ctx many; the caller compares what each saw.
 * Returns 0 for an input too short to carry a seed. */
static inline int fuzz_whole_then_chunked(const uint8_t *data, size_t size, unsigned spread,
                                          void (*init)(sspr_scanner *, void *), void *one,
                                          void *many)
{
    static sspr_scanner sc;
    if (size < 1)
        return 0;
    unsigned seed = data[0];
    data++;
    size--;
    init(&sc, one);
    sspr_scan_feed(&sc, data, size);
    sspr_scan_finish(&sc);
    init(&sc, many);
    fuzz_feed_chunks(&sc, data, size, seed, spread);
    return 1;
}

#endif
