#include "vectors.h"

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
            snprintf(source, sizeof source, "%.*s", (int)len, query);
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

