/* Search and scan outputs of the generator (see emit_search.c, emit_scan.c). */
#ifndef SSPR_GEN_EMIT_SEARCH_H
#define SSPR_GEN_EMIT_SEARCH_H

#include "model.h"

/* sspr-search.inc: the postings, document lengths and average length of the
 * BM25 index (layout: src/common/search_layout.h). */
int emit_search_tables(const m_catalog *cat, const char *path);
/* search.gperf: the term dictionary, term -> postings span and IDF. */
int emit_search_gperf(const m_catalog *cat, const char *path);
/* sspr-scan.inc: the literal messages the event-log scanner looks for, as
 * folded patterns with an anchor each and the two bit-set filters that find
 * the anchors (layout: src/lib/scan/match.c). */
int emit_scan_tables(const m_catalog *cat, const char *path);
/* sspr-labels.inc: the perfect hash of the scanner's labels
 * (src/common/labels.def); cat is not read. */
int emit_scan_labels(const m_catalog *cat, const char *path);

#endif
