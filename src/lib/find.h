/* sspr__find: where needle[0..nl) first occurs in hay[0..hl), or NULL; both
 * strings end with a NUL at those lengths (and hold none before it). The
 * message matching of lookup and search (lookup.c) calls it once per
 * catalogue message for every text, both ways round (a message inside the
 * text, the text inside a message), and most haystacks do not hold the needle.
 *
 * With glibc it is strstr, whose vector code (SSE2 to AVX-512) nothing here
 * beats. Elsewhere libc strstr can be slow for this use: musl's, the
 * WebAssembly build's, sets up the two-way algorithm's tables on every call,
 * which made lookups in WebAssembly 3.6 times slower than native. There the
 * portable loop below looks at eight places at once: a 64-bit word of the
 * haystack against the needle's first byte, the word mid bytes further against
 * its middle byte and the word nl - 1 bytes further against its last (a zero
 * byte in the OR of the XORs is a place where all three match); the rest is
 * compared only there. The comparisons are bounded by nl per place, so the
 * worst case is hl * nl; the callers' texts are at most SSPR__MATCH_NORM_MAX
 * bytes and the needles catalogue messages or such a text. SSPR_FIND_PORTABLE
 * picks the loop with glibc too (tests/lib/test_find.c). */
#ifndef SSPR_FIND_H
#define SSPR_FIND_H

#include "word.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline const char *sspr__find_portable(const char *hay, size_t hl, const char *needle,
                                              size_t nl)
{
    const unsigned char *h = (const unsigned char *)hay, *n = (const unsigned char *)needle;
    if (nl == 0)
        return hay;
    if (nl > hl)
        return NULL;
    const size_t last = hl - nl; /* the last place the needle can start */
    const uint64_t ones = ~(uint64_t)0 / 255, first8 = ones * n[0], last8 = ones * n[nl - 1];
    const size_t mid = nl / 2; /* a third byte, when the needle has one */
    const uint64_t mid8 = ones * n[mid];
    size_t i = 0;
    for (; i + 7 <= last; i += 8) { /* the words end at h[i + nl + 6] at most: inside */
        uint64_t at =
            sspr__zero_bytes((sspr__le64(h + i) ^ first8) | (sspr__le64(h + i + mid) ^ mid8) |
                             (sspr__le64(h + i + nl - 1) ^ last8));
        for (; at; at &= at - 1) {
            size_t k = i + sspr__first_byte(at);
            if (memcmp(h + k, n, nl) == 0)
                return hay + k;
        }
    }
    for (; i <= last; i++)
        if (h[i] == n[0] && h[i + nl - 1] == n[nl - 1] && memcmp(h + i, n, nl) == 0)
            return hay + i;
    return NULL;
}

static inline const char *sspr__find(const char *hay, size_t hl, const char *needle, size_t nl)
{
#if defined(__GLIBC__) && !defined(SSPR_FIND_PORTABLE)
    (void)hl;
    (void)nl;
    return strstr(hay, needle);
#else
    return sspr__find_portable(hay, hl, needle, nl);
#endif
}

#endif
