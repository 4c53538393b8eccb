/* src/lib/find.h against a plain reference: every needle of every haystack of
 * short strings over a small alphabet (where bytes recur and near-matches
 * abound), random longer ones at every alignment, and long runs of one byte.
 * Both versions: the portable eight-places-at-once loop (the WebAssembly
 * build's, and every libc but glibc's) and sspr__find as this build compiles
 * it. Prints "N passed, N failed". */
#include "find.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *reference(const char *h, const char *n)
{
    size_t hl = strlen(h), nl = strlen(n);
    for (size_t i = 0; i + nl <= hl; i++)
        if (memcmp(h + i, n, nl) == 0)
            return h + i;
    return NULL;
}

static unsigned long passed, failed;

static void check(const char *h, const char *n)
{
    size_t hl = strlen(h), nl = strlen(n);
    const char *want = reference(h, n);
    const char *got = sspr__find_portable(h, hl, n, nl), *got2 = sspr__find(h, hl, n, nl);
    if (got == want && got2 == want) {
        passed++;
        return;
    }
    if (got == want)
        got = got2;
    if (failed++ < 10)
        fprintf(stderr, "find(\"%.40s\", \"%.40s\"): at %ld, want %ld\n", h, n,
                got ? (long)(got - h) : -1L, want ? (long)(want - h) : -1L);
}

/* The string of length len over the alphabet "ab" numbered k. */
static void ab(char *s, size_t len, unsigned k)
{
    for (size_t i = 0; i < len; i++)
        s[i] = (k >> i & 1) ? 'b' : 'a';
    s[len] = '\0';
}

int main(void)
{
    char h[16], n[16];
    for (size_t hl = 0; hl <= 10; hl++)
        for (unsigned hk = 0; hk < 1u << hl; hk++)
            for (size_t nl = 0; nl <= 5; nl++)
                for (unsigned nk = 0; nk < 1u << nl; nk++) {
                    ab(h, hl, hk);
                    ab(n, nl, nk);
                    check(h, n);
                }
    static char big[20000], needle[600];
    srand(1);
    for (int r = 0; r < 2000; r++) {
        size_t hl = 8 + (size_t)rand() % 3000, nl = 1 + (size_t)rand() % (r % 3 ? 12 : 40);
        for (size_t i = 0; i < hl; i++)
            big[i] = "abc "[rand() % 4];
        big[hl] = '\0';
        for (size_t i = 0; i < nl; i++)
            needle[i] = "abc "[rand() % 4];
        needle[nl] = '\0';
        if (hl > nl && r % 2)
            memcpy(needle, big + (size_t)rand() % (hl - nl), nl);
        check(big + r % 8, needle); /* every alignment */
    }
    /* quadratic for a plain search: "aaa...a" holding no "aaa...ab" */
    memset(big, 'a', sizeof big - 1);
    memset(needle, 'a', sizeof needle - 1);
    needle[sizeof needle - 2] = 'b';
    check(big, needle);
    big[sizeof big - 2] = 'b';
    check(big, needle);
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed != 0;
}
