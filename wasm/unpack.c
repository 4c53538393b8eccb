/* The data of sspr-errors.wasm, unpacked when the module is instantiated.
 *
 * The catalogue's tables are most of the module: about 370 KiB of data beside
 * 140 KiB of code. wasm/pack.mjs (a build step after linking) replaces the
 * linker's data segments by one DEFLATE stream (RFC 1951) placed at the top of
 * the initial memory, in the heap that nothing uses yet, plus this file's
 * descriptor, and makes sspr__unpack the module's start function. The start
 * function runs inside WebAssembly.instantiate, before any export can be
 * called: it inflates the stream to where the linker put the data, so every
 * table is in place, byte for byte, before the first lookup. The library itself
 * does not change: its data is still read only, nothing is allocated, and a
 * module that was not packed (descriptor left empty) unpacks nothing.
 *
 * A stream that does not inflate to exactly the size recorded traps, so a
 * damaged module fails to instantiate instead of answering from broken
 * tables. pack.mjs also instantiates what it wrote and compares the memory
 * with the linker's data before the build goes on. */
#include <stddef.h>
#include <stdint.h>

/* Filled in by pack.mjs, which finds it by its two magic words. volatile: its
 * fields are read at run time, never folded from this initialiser. */
struct sspr__packed {
    uint32_t magic[2];
    uint32_t src, srclen; /* the DEFLATE stream */
    uint32_t dst, dstlen; /* where the data goes, and its size */
};
volatile struct sspr__packed sspr__packed = {{0x52505353u, 0x4b434150u}, 0, 0, 0, 0};

/* ---- reading bits ------------------------------------------------------------ */

typedef struct {
    const uint8_t *in, *end;
    uint32_t bits; /* not yet used, lowest first */
    unsigned nbits;
    uint8_t *out, *base, *oend;
    int bad;
} unpack_state;

static unsigned unpack_bits(unpack_state *s, unsigned n)
{
    while (s->nbits < n) {
        if (s->in == s->end) {
            s->bad = 1;
            return 0;
        }
        s->bits |= (uint32_t)*s->in++ << s->nbits;
        s->nbits += 8;
    }
    unsigned v = s->bits & ((1u << n) - 1u);
    s->bits >>= n;
    s->nbits -= n;
    return v;
}

/* ---- canonical Huffman codes ----------------------------------------------- */

enum { MAXBITS = 15, NLIT = 288, NDIST = 30 };

/* How many codes each length has, and the symbols in code order. */
typedef struct {
    uint16_t count[MAXBITS + 1];
    uint16_t symbol[NLIT];
} unpack_code;

static void unpack_build(unpack_code *c, const uint8_t *length, unsigned n)
{
    uint16_t next[MAXBITS + 1];
    for (unsigned l = 0; l <= MAXBITS; l++)
        c->count[l] = 0;
    for (unsigned i = 0; i < n; i++)
        c->count[length[i]]++;
    next[1] = 0;
    for (unsigned l = 1; l < MAXBITS; l++)
        next[l + 1] = (uint16_t)(next[l] + c->count[l]);
    for (unsigned i = 0; i < n; i++)
        if (length[i])
            c->symbol[next[length[i]]++] = (uint16_t)i;
}

/* One symbol: codes of each length are consecutive numbers, read a bit at a
 * time most significant first. */
static int unpack_symbol(unpack_state *s, const unpack_code *c)
{
    int code = 0, first = 0, index = 0;
    for (unsigned l = 1; l <= MAXBITS; l++) {
        code |= (int)unpack_bits(s, 1);
        int count = c->count[l];
        if (code - first < count)
            return c->symbol[index + code - first];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    s->bad = 1;
    return 0;
}

/* ---- blocks ------------------------------------------------------------------ */

/* A length's or a distance's base and extra bits, computed: the start
 * function runs before the data is in place, so it reads no table of its own
 * from memory (a static const array would be part of the packed data). Length
 * symbols 257..284 add 0 extra bits eight times, then 1..5 four times each;
 * 285 is 258. Distances add 0 extra bits four times, then 1..13 twice each. */
static size_t unpack_length(unpack_state *s, unsigned sym)
{
    size_t base = 3;
    for (unsigned i = 0; i < sym; i++)
        base += (size_t)1 << (i < 8 ? 0 : (i - 4) / 4);
    if (sym == 28)
        return 258;
    return base + unpack_bits(s, sym < 8 ? 0 : (sym - 4) / 4);
}

static size_t unpack_distance(unpack_state *s, unsigned sym)
{
    size_t base = 1;
    for (unsigned i = 0; i < sym; i++)
        base += (size_t)1 << (i < 4 ? 0 : (i - 2) / 2);
    return base + unpack_bits(s, sym < 4 ? 0 : (sym - 2) / 2);
}

static void unpack_codes(unpack_state *s, const unpack_code *lit, const unpack_code *dist)
{
    while (!s->bad) {
        int sym = unpack_symbol(s, lit);
        if (sym < 256) {
            if (s->out == s->oend) {
                s->bad = 1;
                return;
            }
            *s->out++ = (uint8_t)sym;
            continue;
        }
        if (sym == 256)
            return;
        sym -= 257;
        if (sym >= 29) {
            s->bad = 1;
            return;
        }
        size_t len = unpack_length(s, (unsigned)sym);
        int d = unpack_symbol(s, dist);
        if (d >= NDIST) {
            s->bad = 1;
            return;
        }
        size_t back = unpack_distance(s, (unsigned)d);
        if (back > (size_t)(s->out - s->base) || len > (size_t)(s->oend - s->out)) {
            s->bad = 1;
            return;
        }
        for (; len; len--, s->out++) /* may overlap itself: byte by byte */
            *s->out = s->out[-(ptrdiff_t)back];
    }
}

static void unpack_stored(unpack_state *s)
{
    s->bits = 0; /* to the byte boundary */
    s->nbits = 0;
    if (s->end - s->in < 4) {
        s->bad = 1;
        return;
    }
    size_t len = (size_t)s->in[0] | (size_t)s->in[1] << 8;
    size_t nlen = (size_t)s->in[2] | (size_t)s->in[3] << 8;
    s->in += 4;
    if (len != (~nlen & 0xffffu) || len > (size_t)(s->end - s->in) ||
        len > (size_t)(s->oend - s->out)) {
        s->bad = 1;
        return;
    }
    for (size_t i = 0; i < len; i++)
        *s->out++ = *s->in++;
}

static void unpack_fixed(unpack_state *s)
{
    uint8_t length[NLIT];
    unpack_code lit, dist;
    for (unsigned i = 0; i < NLIT; i++)
        length[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    unpack_build(&lit, length, NLIT);
    for (unsigned i = 0; i < NDIST; i++)
        length[i] = 5;
    unpack_build(&dist, length, NDIST);
    unpack_codes(s, &lit, &dist);
}

static void unpack_dynamic(unpack_state *s)
{
    uint8_t length[NLIT + NDIST];
    unpack_code lit, dist;
    unsigned nlit = unpack_bits(s, 5) + 257, ndist = unpack_bits(s, 5) + 1;
    unsigned ncode = unpack_bits(s, 4) + 4;
    if (nlit > NLIT || ndist > NDIST) {
        s->bad = 1;
        return;
    }
    /* the order the code lengths' lengths come in: 16, 17, 18, 0, then 8, 7,
       9, 6, 10, 5, ... 1, 15, going out from 8 (computed: see unpack_length) */
    for (unsigned i = 0; i < 19; i++) {
        unsigned at = i < 3 ? 16 + i : i == 3 ? 0 : (i - 4) % 2 ? 7 - (i - 4) / 2 : 8 + (i - 4) / 2;
        length[at] = i < ncode ? (uint8_t)unpack_bits(s, 3) : 0;
    }
    unpack_build(&lit, length, 19); /* the code lengths' own code */
    for (unsigned i = 0; i < nlit + ndist && !s->bad;) {
        int sym = unpack_symbol(s, &lit);
        unsigned repeat;
        uint8_t value = 0;
        if (sym < 16) {
            length[i++] = (uint8_t)sym;
            continue;
        }
        if (sym == 16) {
            if (i == 0) {
                s->bad = 1;
                return;
            }
            value = length[i - 1];
            repeat = 3 + unpack_bits(s, 2);
        } else if (sym == 17)
            repeat = 3 + unpack_bits(s, 3);
        else
            repeat = 11 + unpack_bits(s, 7);
        if (i + repeat > nlit + ndist) {
            s->bad = 1;
            return;
        }
        while (repeat--)
            length[i++] = value;
    }
    if (s->bad || length[256] == 0) {
        s->bad = 1;
        return;
    }
    unpack_build(&lit, length, nlit);
    unpack_build(&dist, length + nlit, ndist);
    unpack_codes(s, &lit, &dist);
}

/* ---- the start function -------------------------------------------------------- */

void sspr__unpack(void);

void sspr__unpack(void)
{
    uint32_t src = sspr__packed.src, srclen = sspr__packed.srclen;
    uint32_t dst = sspr__packed.dst, dstlen = sspr__packed.dstlen;
    if (!srclen)
        return; /* not packed */
    unpack_state s = {
        .in = (const uint8_t *)(uintptr_t)src,
        .end = (const uint8_t *)(uintptr_t)src + srclen,
        .out = (uint8_t *)(uintptr_t)dst,
        .base = (uint8_t *)(uintptr_t)dst,
        .oend = (uint8_t *)(uintptr_t)dst + dstlen,
    };
    int last = 0;
    while (!last && !s.bad) {
        last = (int)unpack_bits(&s, 1);
        switch (unpack_bits(&s, 2)) {
        case 0: unpack_stored(&s); break;
        case 1: unpack_fixed(&s); break;
        case 2: unpack_dynamic(&s); break;
        default: s.bad = 1; break;
        }
    }
    if (s.bad || s.out != s.oend)
        __builtin_trap();
}
