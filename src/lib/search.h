/* Layout of the generated search index (gen/emit_search.c writes it; search.c,
 * the only file that includes it, reads it). Not installed.
 *
 * Every entry is one BM25 document whose fields are weighted at build time: a
 * posting carries the field-weighted term frequency, sum over the fields of
 * weight(field) * occurrences, in eighths. */
#ifndef SSPR_SEARCH_H
#define SSPR_SEARCH_H

#include <stddef.h>
#include <stdint.h>

/* A gperf keyword of search.gperf: pool offset of the term (gperf's %pic) and
 * the term's number. The keyword is kept small because gperf's table has about
 * five slots per term. */
struct sspr__term_key {
    int name;
    uint32_t term;
};

/* A term (sspr__search_terms[number], in sspr-search.inc): the span of its
 * postings in sspr__search_post (count is the document frequency) and its IDF,
 * ln(1 + (N - df + 0.5) / (df + 0.5)). */
typedef struct {
    uint32_t first, count;
    float idf;
} sspr__search_term;

/* A posting: entry index in the low SSPR__POST_ENTRY_BITS bits, the weighted
 * term frequency in eighths above them. */
#define SSPR__POST_ENTRY_BITS 20
#define SSPR__POST_ENTRY(p) ((p) & ((1u << SSPR__POST_ENTRY_BITS) - 1u))
#define SSPR__POST_TF(p) ((float)((p) >> SSPR__POST_ENTRY_BITS) / 8.0f)

#endif
