/* Eight bytes at a time: the word-at-a-time helpers of the scanner
 * (src/lib/scan/), of the message search (src/lib/find.h) and of the
 * generator's scan tables (gen/emit_scan.c). A text's bytes are read
 * as a 64-bit number with p[0] in its lowest byte, whatever the machine's
 * byte order, and a test of all eight gives a mask with the high bit of each
 * byte that passes. */
#ifndef SSPR_WORD_H
#define SSPR_WORD_H

#include <stdint.h>
#include <string.h>

/* p[0..8), p[0] lowest: one unaligned load where the byte order allows. */
static inline uint64_t sspr__le64(const unsigned char *p)
{
    uint64_t v;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&v, p, 8);
#else
    v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
#endif
    return v;
}

/* p[0..4) the same way. */
static inline uint32_t sspr__le32(const unsigned char *p)
{
    uint32_t v;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&v, p, 4);
#else
    v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
#endif
    return v;
}

/* The bytes of v that are zero: the high bit of each (exact: no carry
 * crosses bytes). */
static inline uint64_t sspr__zero_bytes(uint64_t v)
{
    const uint64_t ones = ~(uint64_t)0 / 255, low7 = ones * 127;
    return ~(((v & low7) + low7) | v) & ones * 128;
}

/* The bytes of x that equal c. */
static inline uint64_t sspr__eq_bytes(uint64_t x, unsigned c)
{
    return sspr__zero_bytes(x ^ (~(uint64_t)0 / 255 * (c & 0xFFu)));
}

/* The bytes of x between the ASCII bytes lo and hi (1 <= lo <= hi <= 126):
 * 127 - hi + (x & 127) and (x & 127) + 128 - lo stay within each byte, so no
 * carry crosses bytes; bytes of 128 and more never pass. */
static inline uint64_t sspr__range_bytes(uint64_t x, unsigned lo, unsigned hi)
{
    const uint64_t ones = ~(uint64_t)0 / 255, high = ones * 128, low7 = ones * 127;
    return (ones * (127 + hi + 1) - (x & low7)) & ~x & ((x & low7) + ones * (127 - (lo - 1))) &
           high;
}

/* The lowest set bit of the non-zero m. */
static inline unsigned sspr__first_bit(uint64_t m)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(m);
#else
    unsigned i = 0;
    for (; !(m & 1u); m >>= 1)
        i++;
    return i;
#endif
}

/* The first (lowest) byte whose high bit is set in the non-zero mask m;
 * m has no bits but high ones. */
static inline unsigned sspr__first_byte(uint64_t m)
{
    return sspr__first_bit(m) / 8;
}

#endif
