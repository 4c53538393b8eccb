/* Sixty-four bytes at a time: masks with bit i set for each byte p[i] of a
 * class (the ASCII digits; a given byte), for the scanner's passes over
 * plain text (numbers, HRESULT marks). With SSE2 (every x86-64) sixteen
 * bytes per instruction; elsewhere word.h's eight-byte tests, each packed
 * into eight bits (the _portable versions, which tests/lib/test_bits.c
 * checks on every build beside the others). Not installed. */
#ifndef SSPR_SCAN_BITS_H
#define SSPR_SCAN_BITS_H

#include "word.h"

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The high bits of the bytes of m (word.h's masks) as eight bits, p[0]'s
 * lowest: each high bit moves to its own place in the top byte, none
 * overlapping, so nothing carries. */
static inline uint64_t sspr__scan_pack(uint64_t m)
{
    return ((m >> 7) * 0x0102040810204080u) >> 56;
}

static inline uint64_t sspr__scan_digit_bits_portable(const unsigned char *p)
{
    uint64_t m = 0;
    for (int k = 0; k < 8; k++)
        m |= sspr__scan_pack(sspr__range_bytes(sspr__le64(p + 8 * k), '0', '9')) << (8 * k);
    return m;
}

static inline uint64_t sspr__scan_digit_bits(const unsigned char *p)
{
#if defined(__SSE2__)
    /* x - '0' below 10: signed, shifted by -128; four blocks, written out */
#define SSPR__SCAN_DIGITS16(k)                                                                     \
    ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(                                         \
         _mm_xor_si128(                                                                            \
             _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * (k))),          \
                          _mm_set1_epi8('0')),                                                     \
             _mm_set1_epi8((char)0x80)),                                                           \
         _mm_set1_epi8((char)(-128 + 10))))                                                        \
     << (16 * (k)))
    return SSPR__SCAN_DIGITS16(0) | SSPR__SCAN_DIGITS16(1) | SSPR__SCAN_DIGITS16(2) |
           SSPR__SCAN_DIGITS16(3);
#undef SSPR__SCAN_DIGITS16
#else
    return sspr__scan_digit_bits_portable(p);
#endif
}

/* The bytes of p[0..64) that equal c once OR-ed with fold (0, or 0x20 to
 * take an ASCII letter in either case). */
static inline uint64_t sspr__scan_eq_bits_portable(const unsigned char *p, unsigned c,
                                                   unsigned fold)
{
    const uint64_t fold8 = ~(uint64_t)0 / 255 * (fold & 0xFFu);
    uint64_t m = 0;
    for (int k = 0; k < 8; k++)
        m |= sspr__scan_pack(sspr__eq_bytes(sspr__le64(p + 8 * k) | fold8, c)) << (8 * k);
    return m;
}

static inline uint64_t sspr__scan_eq_bits(const unsigned char *p, unsigned c, unsigned fold)
{
#if defined(__SSE2__)
    const __m128i want = _mm_set1_epi8((char)c), fold8 = _mm_set1_epi8((char)fold);
    /* four blocks, written out */
#define SSPR__SCAN_EQ16(k)                                                                         \
    ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(                                         \
         _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * (k))), fold8),      \
         want))                                                                                    \
     << (16 * (k)))
    return SSPR__SCAN_EQ16(0) | SSPR__SCAN_EQ16(1) | SSPR__SCAN_EQ16(2) | SSPR__SCAN_EQ16(3);
#undef SSPR__SCAN_EQ16
#else
    return sspr__scan_eq_bits_portable(p, c, fold);
#endif
}

/* Where to read the 64 bytes for p[i..end), when vis bytes from p can be
 * read: from i itself, or, near the end, the 64 that end at end (the caller
 * shifts the mask right by i minus the place returned). SIZE_MAX when
 * neither fits: fewer than 64 bytes readable from i, and a text shorter
 * than 64 (the caller goes eight bytes at a time). */
static inline size_t sspr__scan_window(size_t i, size_t end, size_t vis)
{
    return i + 64 <= vis ? i : end >= 64 ? end - 64 : SIZE_MAX;
}

#endif
