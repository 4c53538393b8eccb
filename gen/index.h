/* The lookup keys of the catalogue, grouped per hash table with their postings.
 * Both the C-table emitter (which writes the postings) and the gperf emitter
 * (which writes the keywords pointing into them) build it the same way. */
#ifndef SSPR_GEN_INDEX_H
#define SSPR_GEN_INDEX_H

#include "model.h"

/* The text keys (the first IX_TEXT_TABLES) are gperf tables; the numbers
 * (event codes, HRESULTs) open-addressing tables in sspr-data.inc. */
enum { IX_IDS, IX_NAMES, IX_MESSAGES, IX_CODES, IX_HRESULTS, IX_COUNT, IX_TEXT_TABLES = IX_CODES };
extern const char *const ix_table_names[IX_COUNT];

typedef struct {
    char *key;
    uint32_t first, count; /* span of sspr__post */
} ix_key;

typedef struct {
    ix_key *keys; /* sorted by key (byte order) */
    size_t n;
} ix_table;

typedef struct {
    ix_table tables[IX_COUNT];
    uint32_t *post; /* entry index << 1 | is_mention */
    size_t npost;
} ix_index;

void ix_build(const m_catalog *cat, ix_index *ix);
void ix_free(ix_index *ix);
/* The table index for a name such as "codes", or -1. */
int ix_table_by_name(const char *name);

#endif
