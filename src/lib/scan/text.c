/* Small text helpers of the export forms: words, ids, providers. */
#include "scan.h"

/* Does p[0..n) begin with the ASCII word w, in any case? */
int sspr__scan_at(const unsigned char *p, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= n || sspr__lower(p[i]) != sspr__lower((unsigned char)w[i]))
            return 0;
    return 1;
}

/* Is p[0..n), white space trimmed, exactly the word w (any case)? */
int sspr__scan_is(const unsigned char *p, size_t n, const char *w)
{
    while (n && sspr__cc_is(p[n - 1], SSPR__CC_SPACE))
        n--;
    while (n && sspr__cc_is(*p, SSPR__CC_SPACE)) {
        p++;
        n--;
    }
    return n == strlen(w) && sspr__scan_at(p, n, w);
}

/* The source a provider name stands for: ours (the schema's sources that
 * write event logs), or foreign. */
uint8_t sspr__scan_source(const unsigned char *p, size_t n)
{
    while (n && sspr__cc_is(*p, SSPR__CC_SPACE)) {
        p++;
        n--;
    }
    while (n && sspr__cc_is(p[n - 1], SSPR__CC_SPACE))
        n--;
    unsigned s = sspr__number_of(&sspr__sources, (const char *)p, n, 1);
    return s == SSPR__SOURCE_PRS || s == SSPR__SOURCE_ADSYNC ? (uint8_t)s : SRC_FOREIGN;
}

/* A decimal event id in p[0..n) (white space around allowed), or 0. */
int sspr__scan_id(const unsigned char *p, size_t n, uint32_t *id)
{
    uint64_t v = 0;
    size_t i = 0, digits = 0;
    while (i < n && sspr__cc_is(p[i], SSPR__CC_SPACE))
        i++;
    for (; i < n && p[i] >= '0' && p[i] <= '9'; i++, digits++)
        v = v * 10 + (uint64_t)(p[i] - '0');
    while (i < n && sspr__cc_is(p[i], SSPR__CC_SPACE))
        i++;
    if (i != n || digits == 0 || digits > 10 || v > UINT32_MAX)
        return 0;
    *id = (uint32_t)v;
    return 1;
}

/* Is p[0..n) white space only? */
int sspr__scan_blank(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!sspr__cc_is(p[i], SSPR__CC_SPACE))
            return 0;
    return 1;
}

/* First occurrence of the ASCII string w (exact case) in p[0..n), or NULL. */
const unsigned char *sspr__scan_find(const unsigned char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (const unsigned char *e = p + n; (size_t)(e - p) >= k;) {
        const unsigned char *q = memchr(p, (unsigned char)w[0], (size_t)(e - p) - k + 1);
        if (!q)
            return NULL;
        if (memcmp(q, w, k) == 0)
            return q;
        p = q + 1;
    }
    return NULL;
}
