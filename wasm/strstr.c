/* strstr for the WebAssembly build of the library (sspr-errors.wasm).
 *
 * Emscripten's libc is musl, whose strstr runs the two-way algorithm: it reads
 * the whole needle and sets up its tables on every call, before it looks at
 * the haystack. The library calls strstr once per catalogue message for a
 * text that is looked up or searched (src/lib/lookup.c, ev_messages), most of
 * them with a haystack that does not hold the needle's first byte at all, so
 * that set-up was most of a lookup's time in WebAssembly (15 times native;
 * glibc's strstr looks for the first bytes with vector instructions first).
 *
 * This one compares at each place the needle's first byte occurs, and stays
 * linear whatever the input: once the comparisons made exceed a bound
 * proportional to the haystack read so far, it hands the rest to musl's
 * memmem, which is two-way. Same answers as any strstr. */
#define _GNU_SOURCE /* memmem */
#include <string.h>

char *strstr(const char *haystack, const char *needle)
{
    const unsigned char *h = (const unsigned char *)haystack;
    const unsigned char *n = (const unsigned char *)needle;
    size_t spent = 0;
    if (!n[0])
        return (char *)haystack;
    for (const unsigned char *p = h; *p; p++) {
        if (*p != n[0])
            continue;
        size_t i = 1;
        while (n[i] && p[i] == n[i])
            i++;
        if (!n[i])
            return (char *)p;
        if (!p[i]) /* the haystack ends before the needle could */
            return NULL;
        spent += i;
        if (spent > 256 + 4 * (size_t)(p - h))
            return memmem(p, strlen((const char *)p), n, strlen(needle));
    }
    return NULL;
}
