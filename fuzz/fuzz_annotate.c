/* libFuzzer harness for annotate (src/cli/annotate.c): any input is copied
 * through with its notes, and removing the note lines gives the input back
 * byte for byte (UTF-8 input; for UTF-16 the output holds at least the input). */
#define _POSIX_C_SOURCE 200809L
#include "annotate.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The output without the lines that begin with the prefix. */
static size_t strip(const char *o, size_t n, char *dst)
{
    const size_t k = sizeof ANNOTATE_PREFIX - 1;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(o + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - o) + 1 : n;
        if (!(end - i >= k && memcmp(o + i, ANNOTATE_PREFIX, k) == 0)) {
            memcpy(dst + w, o + i, end - i);
            w += end - i;
        }
        i = end;
    }
    return w;
}

static int utf16(const uint8_t *d, size_t n)
{
    if (n >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
        return 1;
    return n >= 4 && ((d[1] == 0 && d[3] == 0) || (d[0] == 0 && d[2] == 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > (1u << 20))
        return 0;
    const size_t k = sizeof ANNOTATE_PREFIX - 1; /* an input holding the prefix itself */
    for (size_t i = 0; i + k <= size; i++)       /* cannot be told apart from the notes */
        if (data[i] == ' ' && memcmp(data + i, ANNOTATE_PREFIX, k) == 0)
            return 0;
    FILE *in = fmemopen((void *)(uintptr_t)data, size, "rb");
    char *out = NULL;
    size_t outlen = 0;
    FILE *o = open_memstream(&out, &outlen);
    if (!in || !o) {
        if (in)
            fclose(in);
        if (o)
            fclose(o);
        free(out);
        return 0;
    }
    annotate_outcome r = annotate_stream("fuzz-annotate", in, o);
    fclose(in);
    fclose(o);
    if (r == ANNOTATE_UNREADABLE || r == ANNOTATE_NO_MEMORY) { /* .evtx, refused */
        free(out);
        return 0;
    }
    if (utf16(data, size)) {
        if (outlen < size)
            abort();
    } else {
        char *back = malloc(outlen + 1);
        if (!back)
            abort();
        size_t n = strip(out, outlen, back);
        /* a last line without a line break gets one before a note after it */
        int same = n == size && memcmp(back, data, size) == 0;
        int plus_eol = data[size - 1] != '\n' && memcmp(back, data, size < n ? size : n) == 0 &&
                       ((n == size + 1 && back[size] == '\n') ||
                        (n == size + 2 && back[size] == '\r' && back[size + 1] == '\n'));
        if (!same && !plus_eol)
            abort();
        free(back);
    }
    free(out);
    return 0;
}
