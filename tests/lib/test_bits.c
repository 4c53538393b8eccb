/* src/lib/scan/bits.h and the word.h tests under it against a byte-at-a-time
 * reference: sspr__scan_digit_bits (SSE2 where the build has it) and its
 * portable version on random bytes at every alignment, on the bytes around
 * '0' and '9', and on all 256 byte values at every place of the 64; and
 * sspr__range_bytes for every class the scanner uses on every byte value;
 * sspr__scan_eq_bits, both versions, for the bytes the scanner looks for,
 * exactly and with the case bit, on every byte value at every place.
 * Prints "N passed, N failed". */
#include "bits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long passed, failed;

static uint64_t reference(const unsigned char *p)
{
    uint64_t m = 0;
    for (int i = 0; i < 64; i++)
        m |= (uint64_t)(p[i] >= '0' && p[i] <= '9') << i;
    return m;
}

static void check(const unsigned char *p)
{
    uint64_t want = reference(p);
    uint64_t got = sspr__scan_digit_bits(p), got2 = sspr__scan_digit_bits_portable(p);
    if (got == want && got2 == want) {
        passed++;
        return;
    }
    if (failed++ < 10)
        fprintf(stderr, "digit bits: %016llx and %016llx, want %016llx\n", (unsigned long long)got,
                (unsigned long long)got2, (unsigned long long)want);
}

int main(void)
{
    static unsigned char buf[64 + 16];
    uint64_t seed = 12345;
    for (int round = 0; round < 20000; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            unsigned r = (unsigned)(seed >> 33);
            /* mostly digits and their neighbours, some any byte */
            buf[i] = (unsigned char)(r % 4 ? '/' + r / 4 % 12 : r / 4 % 256);
        }
        check(buf + round % 16);
    }
    for (int v = 0; v < 256; v++)
        for (int at = 0; at < 64; at++) {
            memset(buf, '5', sizeof buf);
            buf[at] = (unsigned char)v;
            check(buf);
        }
    static const unsigned eq[][2] = {{'=', 0}, {'0', 0}, {'x', 0x20}, {'r', 0x20}};
    for (size_t c = 0; c < sizeof eq / sizeof *eq; c++)
        for (int v = 0; v < 256; v++)
            for (int at = 0; at < 64; at++) {
                memset(buf, 'a', sizeof buf);
                buf[at] = (unsigned char)v;
                buf[(at * 7 + 3) % 64] = (unsigned char)eq[c][0];
                uint64_t want = 0;
                for (int i = 0; i < 64; i++)
                    want |= (uint64_t)((buf[i] | eq[c][1]) == eq[c][0]) << i;
                uint64_t got = sspr__scan_eq_bits(buf, eq[c][0], eq[c][1]);
                uint64_t got2 = sspr__scan_eq_bits_portable(buf, eq[c][0], eq[c][1]);
                if (got == want && got2 == want)
                    passed++;
                else if (failed++ < 10)
                    fprintf(stderr, "eq_bits '%c' | %#x, byte %d at %d: %016llx and %016llx\n",
                            eq[c][0], eq[c][1], v, at, (unsigned long long)got,
                            (unsigned long long)got2);
            }
    static const unsigned classes[][2] = {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}};
    for (size_t c = 0; c < sizeof classes / sizeof *classes; c++)
        for (unsigned v = 0; v < 256; v++)
            for (int at = 0; at < 8; at++) {
                unsigned char w[8];
                memset(w, classes[c][0], sizeof w);
                w[at] = (unsigned char)v;
                uint64_t got = sspr__range_bytes(sspr__le64(w), classes[c][0], classes[c][1]);
                uint64_t want = 0;
                for (int i = 0; i < 8; i++)
                    want |= (uint64_t)(w[i] >= classes[c][0] && w[i] <= classes[c][1])
                            << (8 * i + 7);
                if (got == want)
                    passed++;
                else if (failed++ < 10)
                    fprintf(stderr, "range_bytes [%c-%c], byte %u at %d: %016llx, want %016llx\n",
                            classes[c][0], classes[c][1], v, at, (unsigned long long)got,
                            (unsigned long long)want);
            }
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed != 0;
}
