/* Small helpers shared by the library's Criterion tests. */
#ifndef SSPR_TEST_HELPERS_H
#define SSPR_TEST_HELPERS_H

#include "sspr-errors.h"

#include <criterion/criterion.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

enum { MAX_RESULTS = 64 };

/* Results of one query, kept with their count (which may exceed what was stored). */
typedef struct {
    const sspr_entry *v[MAX_RESULTS];
    size_t n;
} results;

static inline results lookup(const char *query)
{
    results r;
    memset(&r, 0, sizeof r);
    r.n = sspr_lookup(query, r.v, MAX_RESULTS);
    cr_assert_leq(r.n, MAX_RESULTS, "lookup('%s'): %zu results, more than the test keeps", query,
                  r.n);
    return r;
}

static inline results by_code(const char *source, uint32_t code)
{
    results r;
    memset(&r, 0, sizeof r);
    r.n = sspr_by_code(source, code, r.v, MAX_RESULTS);
    cr_assert_leq(r.n, MAX_RESULTS);
    return r;
}

static inline results by_hresult(uint32_t hr)
{
    results r;
    memset(&r, 0, sizeof r);
    r.n = sspr_by_hresult(hr, r.v, MAX_RESULTS);
    cr_assert_leq(r.n, MAX_RESULTS);
    return r;
}

/* Position of the entry with this id in r, or -1. */
static inline int position(const results *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(sspr_entry_id(r->v[i]), id) == 0)
            return (int)i;
    return -1;
}

static inline int has_entry(const results *r, const sspr_entry *e)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->v[i] == e)
            return 1;
    return 0;
}

/* "id1, id2, ..." for failure messages. */
static inline const char *ids_of(const results *r, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (size_t i = 0; i < r->n && i < MAX_RESULTS; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%s", i ? ", " : "", sspr_entry_id(r->v[i]));
    }
    return buf;
}

/* The first result of query must be the entry with id `first`. */
static inline void assert_first(const char *query, const char *first)
{
    results r = lookup(query);
    char buf[1024];
    cr_assert(r.n > 0 && strcmp(sspr_entry_id(r.v[0]), first) == 0,
              "lookup(\"%s\") should start with %s, got [%s]", query, first,
              ids_of(&r, buf, sizeof buf));
}

static inline void assert_nothing(const char *query)
{
    results r = lookup(query);
    char buf[1024];
    cr_assert_eq(r.n, 0, "lookup(\"%s\") should find nothing, got [%s]", query,
                 ids_of(&r, buf, sizeof buf));
}

#endif
