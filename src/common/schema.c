#include "schema.h"

#include <stdio.h>
#include <string.h>

#define SSPR__NAME(c, s) s,
static const char *const kind_names[] = {NULL, SSPR_KINDS(SSPR__NAME)};
static const char *const severity_names[] = {NULL, SSPR_SEVERITIES(SSPR__NAME)};
static const char *const source_names[] = {NULL, SSPR_SOURCES(SSPR__NAME)};
static const char *const area_names[] = {NULL, SSPR_AREAS(SSPR__NAME)};
static const char *const origin_names[] = {NULL, SSPR_ORIGINS(SSPR__NAME)};
#undef SSPR__NAME
#define SSPR__LENGTH(c, s) sizeof s - 1,
static const unsigned char kind_lengths[] = {0, SSPR_KINDS(SSPR__LENGTH)};
static const unsigned char severity_lengths[] = {0, SSPR_SEVERITIES(SSPR__LENGTH)};
static const unsigned char source_lengths[] = {0, SSPR_SOURCES(SSPR__LENGTH)};
static const unsigned char area_lengths[] = {0, SSPR_AREAS(SSPR__LENGTH)};
static const unsigned char origin_lengths[] = {0, SSPR_ORIGINS(SSPR__LENGTH)};
#undef SSPR__LENGTH

#define SSPR__SET(what, set)                                                                       \
    {                                                                                              \
        what, set##_names, set##_lengths, (unsigned)(sizeof set##_names / sizeof *set##_names - 1) \
    }
const sspr__name_set sspr__kinds = SSPR__SET("kind", kind);
const sspr__name_set sspr__severities = SSPR__SET("severity", severity);
const sspr__name_set sspr__sources = SSPR__SET("source", source);
const sspr__name_set sspr__areas = SSPR__SET("area", area);
const sspr__name_set sspr__origins = SSPR__SET("origin", origin);
#undef SSPR__SET

const char *sspr__name_of(const sspr__name_set *set, unsigned v)
{
    return v >= 1 && v <= set->count ? set->names[v] : NULL;
}

static int same(const char *a, const char *b, size_t n, int any_case)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (any_case) {
            x = (unsigned char)(x >= 'A' && x <= 'Z' ? x + 32 : x);
            y = (unsigned char)(y >= 'A' && y <= 'Z' ? y + 32 : y);
        }
        if (x != y)
            return 0;
    }
    return 1;
}

unsigned sspr__number_of(const sspr__name_set *set, const char *s, size_t n, int any_case)
{
    for (unsigned v = 1; v <= set->count; v++)
        if (set->lengths[v] == n && same(set->names[v], s, n, any_case))
            return v;
    return 0;
}

const char *sspr__names_list(const sspr__name_set *set, const char *last_sep, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (unsigned v = 1; v <= set->count; v++) {
        const char *sep = v == 1 ? "" : v == set->count ? last_sep : ", ";
        int n = snprintf(buf + used, cap - used, "%s%s", sep, set->names[v]);
        if (n < 0 || (size_t)n >= cap - used)
            break;
        used += (size_t)n;
    }
    return buf;
}
