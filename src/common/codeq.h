/* The code-query reader, shared by the library (sspr_lookup reads queries with
 * it) and the generator (which marks the catalogue's text keys that read as
 * code queries, so that sspr_lookup can skip the text tables for a code query
 * that no text key can equal). Private to the project. */
#ifndef SSPR_CODEQ_H
#define SSPR_CODEQ_H

#include <stddef.h>
#include <stdint.h>

/* What a code query asks for. */
typedef struct {
    unsigned source; /* 0 = any, else 1..3 as sspr__source_of() */
    int has_code, has_hr;
    uint32_t code, hr;
} sspr__code_query;

/* Source number (1 PasswordResetService, 2 ADSync, 3 SSPR) for a source name
 * s[0..n) in any case, or 0. */
unsigned sspr__source_of(const char *s, size_t n);

/* 1 when s[0..n) is, in any case, a word a code query may hold besides its
 * numbers: a source name or a filler ("event", "id", "hr", ...). */
int sspr__code_word(const char *s, size_t n);

/* Reads s[0..len) as a code query: tokens separated by white space and
 * ":,#=;()[]/", each a source name, a filler word ("event", "id", "hr", ...), a
 * decimal code, an HRESULT (0x..., eight hex digits, after "hr", or negative
 * decimal) or an SSPR_NNNN code; at most one code and one HRESULT. Returns 1
 * and fills q when s is such a query with a code or an HRESULT, else 0.
 * Case-insensitive, and blind to how the separators are spelled: two texts
 * that differ only in letter case and white space read the same. */
int sspr__parse_code_query(const char *s, size_t len, sspr__code_query *q);

/* A bit (0..63) of q, for a 64-bit filter over a set of code queries. */
static inline unsigned sspr__code_query_bit(const sspr__code_query *q)
{
    uint32_t h = (q->code * 2654435761u) ^ (q->hr * 2246822519u) ^
                 (q->source << 3 | (unsigned)q->has_code << 1 | (unsigned)q->has_hr);
    return (unsigned)((h * 2654435761u) >> 26);
}

#endif
