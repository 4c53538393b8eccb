/* Layout of the generated search index (gen/emit_search.c writes it; search.c,
 * the only file that includes it, reads it). Not installed.
 *
 * Every entry is one BM25 document whose fields are weighted at build time: a
 * posting carries the field-weighted term frequency, sum over the fields of
 * weight(field) * occurrences, in eighths. Term pairs have postings of the
 * same form. */
#ifndef SSPR_SEARCH_LAYOUT_H
#define SSPR_SEARCH_LAYOUT_H

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

/* Term pairs: terms a and b that stand side by side, in this order, in a name,
 * title, message, summary or cause. The pairs starting with term a are
 * [sspr__search_pair_start[a], sspr__search_pair_start[a + 1]), their second
 * terms ascending in sspr__search_pair_b; pair i's postings are
 * [sspr__search_pair_first[i], sspr__search_pair_first[i + 1]) of
 * sspr__search_pair_post, and its IDF (as above) sspr__search_pair_idf[df].
 * sspr__pair_term and sspr__pair_at are 16-bit types when every value fits. */

/* A posting: entry index in the low SSPR__POST_ENTRY_BITS bits, the weighted
 * term frequency in eighths above them. */
#define SSPR__POST_ENTRY_BITS 20
#define SSPR__POST_ENTRY(p) ((p) & ((1u << SSPR__POST_ENTRY_BITS) - 1u))
#define SSPR__POST_TF(p) ((float)((p) >> SSPR__POST_ENTRY_BITS) / 8.0f)

#endif
