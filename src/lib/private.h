/* The library's private data layout, shared by the hand-written sources and the
 * generated tables (gen/emit_c.c writes exactly these structures). Not installed.
 *
 * All data is const and position-independent: strings are offsets into one pool,
 * lists are spans of small arrays, so the shared object has no relocations to
 * apply and nothing is ever written after load. */
#ifndef SSPR_PRIVATE_H
#define SSPR_PRIVATE_H

#include "lex.h"
#include "schema.h"
#include "sspr-errors.h"

#include <stddef.h>
#include <stdint.h>

#define SSPR__NONE UINT32_MAX /* "no string" */

typedef struct {
    uint32_t off, n;
} sspr__span;

/* How the library stores a field of each schema type and shape (schema.def):
 * texts as pool offsets (SSPR__NONE for none), names as their numbers, codes
 * as int64_t (-1 for none), lists as spans. */
#define SSPR__STORE_ONE_ID uint32_t
#define SSPR__STORE_ONE_TEXT uint32_t
#define SSPR__STORE_ONE_TITLE uint32_t
#define SSPR__STORE_ONE_KIND uint8_t
#define SSPR__STORE_ONE_SEVERITY uint8_t
#define SSPR__STORE_ONE_SOURCE uint8_t
#define SSPR__STORE_ONE_AREA uint8_t
#define SSPR__STORE_ONE_ORIGIN uint8_t
#define SSPR__STORE_ONE_ORDER uint8_t
#define SSPR__STORE_ONE_CODE int64_t
#define SSPR__STORE_LIST_TEXT sspr__span      /* into sspr__strs */
#define SSPR__STORE_LIST_HRESULT sspr__span   /* into sspr__hrs */
#define SSPR__STORE_LIST_REF sspr__span       /* into sspr__refs (entry indices) */
#define SSPR__STORE_LIST_MENTION sspr__span   /* into sspr__mentions */
#define SSPR__STORE_LIST_FACT sspr__span      /* into sspr__facts */
#define SSPR__STORE_LIST_REFERENCE sspr__span /* into sspr__references */

/* One member per field of schema.def, named by its key; the generated tables
 * initialise them by name. */
struct sspr_entry {
#define SSPR__MEMBER(key, item, type, presence, shape, doc) SSPR__STORE_##shape##_##type key;
    SSPR_ENTRY_FIELDS(SSPR__MEMBER)
#undef SSPR__MEMBER
    uint32_t index; /* its place in sspr__entries */
};

struct sspr_fact {
    uint32_t key, unit, text, str; /* str: string value or SSPR__NONE for numbers */
    double min, max;
    int32_t supersedes; /* index of the superseded fact in sspr__facts, or -1 */
    uint8_t origin;
    uint32_t url, date; /* the page that states it, or SSPR__NONE */
};

struct sspr_ref {
    uint32_t url, date, title; /* pool offsets; date and title may be SSPR__NONE */
};

typedef struct {
    uint32_t code, hresult;
    uint8_t source, has_code, has_hresult;
} sspr__mention;

/* A literal message's key (sspr__norm_text), its length and its entry, for
 * matching a message inside a text; cut: the catalogue quotes it cut short
 * ("..."), so a text that goes on after it still quotes it; bytes: the key's
 * sspr__norm_byteset. */
typedef struct {
    uint64_t bytes;
    uint32_t key, entry;
    uint16_t len, cut; /* a key is at most 4095 bytes (gen/emit_c.c) */
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
extern const struct sspr_ref sspr__references[];
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
/* The distinct code queries that some id, name or message reads as (lex.h). */
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
