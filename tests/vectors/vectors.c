#include "vectors.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs("out of memory\n", stderr);
        exit(2);
    }
    return p;
}

size_t vector_run(const char *function, const char *query, const sspr_entry ***out, size_t *cap)
{
    for (;;) {
        size_t n = 0;
        if (strcmp(function, "lookup") == 0)
            n = sspr_lookup(query, *out, *cap);
        else if (strcmp(function, "by_id") == 0 || strcmp(function, "by_name") == 0) {
            const sspr_entry *e = function[3] == 'i' ? sspr_by_id(query) : sspr_by_name(query);
            n = e != NULL;
            if (n && *cap)
                (*out)[0] = e;
        } else if (strcmp(function, "by_code") == 0) {
            const char *colon = strrchr(query, ':');
            size_t len = colon ? (size_t)(colon - query) : 0;
            char source[64];
            if (len >= sizeof source)
                len = sizeof source - 1;
            memcpy(source, query, len); /* not snprintf "%.*s": GCC's -O2 sanitizer build
                                           warns that query may be null */
            source[len] = '\0';
            uint32_t code = (uint32_t)strtoul(colon ? colon + 1 : query, NULL, 10);
            n = sspr_by_code(len ? source : NULL, code, *out, *cap);
        } else if (strcmp(function, "by_hresult") == 0) {
            n = sspr_by_hresult((uint32_t)strtoul(query, NULL, 16), *out, *cap);
        } else if (strcmp(function, "search") == 0) {
            sspr_hit hits[VECTOR_SEARCH_LIMIT];
            n = sspr_search(query, hits, VECTOR_SEARCH_LIMIT);
            n = n < VECTOR_SEARCH_LIMIT ? n : VECTOR_SEARCH_LIMIT;
            for (size_t i = 0; i < n && i < *cap; i++)
                (*out)[i] = hits[i].entry;
        }
        if (n <= *cap)
            return n;
        *cap = n;
        *out = xrealloc(*out, *cap * sizeof **out);
    }
}

typedef struct {
    char *buf;
    size_t size, used;
    int overflow;
} scan_out;

static void on_match(void *ctx, const sspr_entry *entry, uint64_t line)
{
    scan_out *o = ctx;
    if (o->overflow)
        return;
    int w = snprintf(o->buf + o->used, o->size - o->used, "%s%" PRIu64 ":%s", o->used ? " " : "",
                     line, sspr_entry_id(entry));
    if (w < 0 || (size_t)w >= o->size - o->used)
        o->overflow = 1;
    else
        o->used += (size_t)w;
}

int vector_scan(const char *path, size_t chunk, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f || size == 0)
        return -1;
    static sspr_scanner scanner; /* 8 KiB: not on the stack */
    scan_out o = {buf, size, 0, 0};
    buf[0] = '\0';
    sspr_scan_init(&scanner, on_match, &o);
    unsigned char data[4096];
    size_t n;
    while ((n = fread(data, 1, chunk < sizeof data ? chunk : sizeof data, f)) > 0)
        sspr_scan_feed(&scanner, data, n);
    sspr_scan_finish(&scanner);
    int bad = ferror(f) || o.overflow;
    fclose(f);
    return bad ? -1 : 0;
}
