/* How the event-log scanner compares text with the catalogue's messages: one
 * streaming fold, compiled into the generator (which folds the messages into
 * patterns) and the library (which folds log text while it verifies a match).
 * Private to the project. */
#ifndef SSPR_SCANFOLD_H
#define SSPR_SCANFOLD_H

#include "lex.h"

#include <stddef.h>
#include <stdint.h>

/* The fold, byte by byte:
 *  - ASCII letters are lower-cased;
 *  - a run of white space (space, tab, CR, LF, VT, FF, U+00A0) is one space;
 *  - quotes vanish: '"', '\'' and the typographic quotes (so CSV's doubled
 *    quotes and typographic quotes do not matter);
 *  - typographic dashes become '-', the ellipsis "...", the no-break space a
 *    space (the typographic characters are lex.h's table);
 *  - every other byte stays as it is.
 * Patterns are the folded sspr__norm_key() of a message, without leading or
 * trailing space. */
typedef struct {
    unsigned char pend[2]; /* the beginning of a typographic character (lex.h) */
    unsigned char npend;
    unsigned char space; /* the last byte written was a space */
} sspr__fold;

/* Does the byte b fold to itself, lower-cased, whatever comes around it (an
 * ASCII byte that is neither white space nor a quote)? The scanner compares
 * such bytes directly and feeds only the others to sspr__fold_byte. */
static inline int sspr__fold_keeps(unsigned b)
{
    return b < 0x80 && b != '"' && b != '\'' && !sspr__cc_is((int)b, SSPR__CC_SPACE);
}

/* Feeds one byte; writes up to 4 folded bytes to out and returns their number. */
size_t sspr__fold_byte(sspr__fold *f, unsigned char b, unsigned char *out);
/* At the end of the text: writes the bytes of a sequence that never completed. */
size_t sspr__fold_end(sspr__fold *f, unsigned char *out);

/* The scanner's filters hash bytes OR-ed with 0x20 (lower-cases letters;
 * digits are unchanged). 15 bits. */
#define SSPR__SCAN_HASH_BITS 15

/* The scanner's first filter: the hash of four bytes v = p[0] | p[1] << 8 |
 * p[2] << 16 | p[3] << 24. */
static inline unsigned sspr__scan_hash4(uint32_t v)
{
    return (unsigned)(((v | 0x20202020u) * 2654435761u) >> (32 - SSPR__SCAN_HASH_BITS));
}

/* Its second filter: the hash of a whole anchor of m bytes (m at most 8),
 * v = p[0] | p[1] << 8 | ..., each byte OR-ed with 0x20 as above. 12 bits. */
#define SSPR__SCAN_FULL_BITS 12
static inline unsigned sspr__scan_hash_full64(uint64_t v, size_t m)
{
    uint64_t mask = m >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * m)) - 1;
    v = (v | ~(uint64_t)0 / 255 * 0x20) & mask;
    return (unsigned)((v * 0x9E3779B97F4A7C15u) >> (64 - SSPR__SCAN_FULL_BITS));
}

static inline unsigned sspr__scan_hash_full(const unsigned char *p, size_t m)
{
    uint64_t v = 0;
    for (size_t i = 0; i < m; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return sspr__scan_hash_full64(v, m);
}

/* The scanner's bit set of the catalogue's event codes: the hash of a code. */
#define SSPR__SCAN_CODE_BITS 12
#define SSPR__SCAN_CODE_HASH(v)                                                                    \
    ((unsigned)(((uint32_t)(v)*2654435761u) >> (32 - SSPR__SCAN_CODE_BITS)))

/* The scanner's labels (labels.def): the hash of a label key[0..k), 1 <= k <=
 * SSPR__LABEL_MAX, in any case: its length and its first, middle and last
 * bytes OR-ed with 0x20 (so a letter's case does not count; other bytes
 * that differ only there hash alike, and the comparison tells them apart).
 * The generator picks the multiplier (seed) that gives every label a slot
 * of its own, and the scanner compares the one label in the slot. */
#define SSPR__LABEL_BITS 7
#define SSPR__LABEL_MAX 18
static inline unsigned sspr__label_hash(const unsigned char *key, size_t k, uint32_t seed)
{
    uint32_t v = ((uint32_t)k | (uint32_t)key[0] << 8 | (uint32_t)key[k / 2] << 16 |
                  (uint32_t)key[k - 1] << 24) |
                 0x20202000u;
    return (unsigned)((uint32_t)(v * seed) >> (32 - SSPR__LABEL_BITS));
}

#endif
