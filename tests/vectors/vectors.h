/* Replays one line of the cross-language test vector against the C library. */
#ifndef SSPR_TEST_VECTORS_H
#define SSPR_TEST_VECTORS_H

#include <sspr-errors.h>

#include <stddef.h>

/* search lines hold the ids of the best VECTOR_SEARCH_LIMIT hits only. */
#define VECTOR_SEARCH_LIMIT 5

/* Runs FUNCTION (lookup, by_id, by_name, by_code, by_hresult, search) on QUERY
 * as the vector file writes them; returns the number of matches and stores all
 * of them in *out, which is grown with realloc as needed (*cap is its capacity). */
size_t vector_run(const char *function, const char *query, const sspr_entry ***out, size_t *cap);

/* Scans the file at path with the event-log scanner, feeding it chunk bytes at
 * a time, and writes what it reports into buf as "LINE:ID LINE:ID ...". Returns
 * 0, or -1 when the file cannot be read or buf is too small. */
int vector_scan(const char *path, size_t chunk, char *buf, size_t size);

#endif
