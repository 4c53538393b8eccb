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

#endif
