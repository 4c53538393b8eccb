/* The library's private data layout, shared by the hand-written sources and the
 * generated tables (gen/emit_c.c writes exactly these structures). Not installed.
 *
 * All data is const and position-independent: strings are offsets into one pool,
 * lists are spans of small arrays, so the shared object has no relocations to
 * apply and nothing is ever written after load. */
#ifndef SSPR_PRIVATE_H
#define SSPR_PRIVATE_H

#include "codeq.h"
#include "sspr-errors.h"

#include <stddef.h>
#include <stdint.h>

#define SSPR__NONE UINT32_MAX /* "no string" */

typedef struct {
    uint32_t off, n;
} sspr__span;

struct sspr_entry {
    uint32_t id, name, title, summary, section, area; /* pool offsets; name may be SSPR__NONE */
    uint32_t code;
    uint32_t index;
    uint8_t kind, source, severity, origin, order, has_code;
    sspr__span aliases, messages, causes, steps; /* into sspr__strs */
    sspr__span hresults;                         /* into sspr__hrs */
    sspr__span procedures, related;              /* into sspr__refs (entry indices) */
    sspr__span facts;                            /* into sspr__facts */
    sspr__span mentions;                         /* into sspr__mentions */
};

struct sspr_fact {
    uint32_t key, unit, text, str; /* str: string value or SSPR__NONE for numbers */
    double min, max;
    int32_t supersedes; /* index of the superseded fact within the same entry, or -1 */
    uint8_t origin;
};

typedef struct {
    uint32_t code, hresult;
    uint8_t source, has_code, has_hresult;
} sspr__mention;

/* A normalised literal message and its entry, for substring matching. */
typedef struct {
    uint32_t key, entry;
} sspr__msgkey;

/* A gperf keyword: pool offset of the key (gperf's %pic), then a span of postings
 * in sspr__post. A posting is entry_index << 1 | is_mention. */
struct sspr__key {
    int name;
    uint32_t first, count;
};

/* A number (event code or HRESULT) and its postings, in an open-addressing
 * table of 2^bits slots: the home slot of v is (v * 2654435761) >> (32 - bits),
 * then the next ones in turn; a slot with count 0 is empty and ends the probe. */
struct sspr__num_key {
    uint32_t value;
    struct sspr__key key; /* key.name unused */
};

/* Generated data (sspr-data.inc), defined in entry.c. */
/* The string pool: one generated object (a struct of char-array chunks, see
 * gen/emit_c.c) read as contiguous bytes. */
extern const struct sspr__pool_s sspr__pool_chunks;
#define sspr__pool ((const char *)&sspr__pool_chunks)
extern const uint32_t sspr__strs[];
extern const uint32_t sspr__hrs[];
extern const uint32_t sspr__refs[];
extern const struct sspr_fact sspr__facts[];
extern const sspr__mention sspr__mentions[];
extern const uint32_t sspr__post[];
extern const struct sspr_entry sspr__entries[];
extern const size_t sspr__entry_count;
extern const sspr__msgkey sspr__msgkeys[];
extern const size_t sspr__msgkey_count;
extern const char sspr__catalog_version[];
extern const struct sspr__num_key sspr__code_slots[];    /* event codes, every source */
extern const struct sspr__num_key sspr__hresult_slots[]; /* HRESULTs */
extern const unsigned sspr__code_slot_bits, sspr__hresult_slot_bits;
/* The distinct code queries that some id, name or message reads as (codeq.h). */
extern const sspr__code_query sspr__codelike[];
extern const size_t sspr__codelike_count;
extern const uint64_t sspr__codelike_mask; /* bit sspr__code_query_bit() of each */

const char *sspr__source_name(unsigned source);

static inline const char *sspr__str(uint32_t off)
{
    return off == SSPR__NONE ? NULL : sspr__pool + off;
}

/* Hash lookups (lookup.c): the keyword for an already normalised key, or NULL. */
const struct sspr__key *sspr__find_id(const char *key, size_t len);
const struct sspr__key *sspr__find_name(const char *key, size_t len);
const struct sspr__key *sspr__find_message(const char *key, size_t len);
/* The postings of an event code or an HRESULT, or NULL. */
const struct sspr__key *sspr__find_code(uint32_t code);
const struct sspr__key *sspr__find_hresult(uint32_t hresult);

#endif
