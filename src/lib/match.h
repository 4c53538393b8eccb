/* What a text says about the catalogue's entries: the evidence lookup, search,
 * the scanner and sspr_confidence_of() share (lookup.c gathers it, search.c
 * weighs words and says which messages are distinctive). Not installed. */
#ifndef SSPR_MATCH_H
#define SSPR_MATCH_H

#include "private.h"

#include <stddef.h>
#include <stdint.h>

/* Kinds of evidence that a text names an entry, one bit each. */
enum {
    SSPR__EV_ID = 1,        /* the whole text is its id */
    SSPR__EV_NAME = 2,      /* the whole text is its name or an alias */
    SSPR__EV_NAMED = 4,     /* its name or an alias is a word of the text */
    SSPR__EV_CODE = 8,      /* the text writes its event code (lex.h's rule, lookup.c) */
    SSPR__EV_HR = 16,       /* the text writes one of its HRESULTs */
    SSPR__EV_MSG = 32,      /* the text holds a distinctive message of it (sspr__distinctive) */
    SSPR__EV_MSG_LO = 64,   /* ... a message of it that is not distinctive */
    SSPR__EV_MENTION = 128, /* the text writes a code or HRESULT it only mentions */
    SSPR__EV_BOTH = 256,    /* the text, a code query, writes its code and its HRESULT */
    /* the evidence that makes a hit high-confidence */
    SSPR__EV_STRONG =
        SSPR__EV_ID | SSPR__EV_NAME | SSPR__EV_NAMED | SSPR__EV_CODE | SSPR__EV_HR | SSPR__EV_MSG
};

/* Called once for each piece of evidence: entry index, SSPR__EV_* bit. */
typedef void (*sspr__evidence_fn)(void *ctx, uint32_t entry, unsigned ev);

/* Gathers all the evidence in text[0..len) (lookup.c); only_entry limits it to
 * one entry (UINT32_MAX: all). Linear in len; messages are compared within
 * the first SSPR__MATCH_NORM_MAX bytes of the folded text. */
#define SSPR__MATCH_NORM_MAX 4096
void sspr__evidence(const char *text, size_t len, uint32_t only_entry, sspr__evidence_fn fn,
                    void *ctx);

/* Is the message key m[0..n) (sspr__norm_text) distinctive: SSPR__DISTINCT_WORDS
 * words or more whose distinct catalogue terms' IDFs add up to
 * SSPR__DISTINCT_IDF or more (search.c)? A few common words ("Password Reset",
 * "contact your administrator", "Error processing request") are not. */
#define SSPR__DISTINCT_WORDS 4
/* part: m is only a part of a message (the text inside a longer message, or
 * a cut text's tail), which must reach twice the IDF ("please contact your
 * administrator" is a common piece of a long message). */
int sspr__distinctive(const char *m, size_t n, int part);

/* The IDF of the distinct catalogue terms of text[0..len) (the first
 * SSPR_SEARCH_MAX_TERMS * 2 of them; words_only: not those with a digit, the
 * codes, which the evidence weighs already), summed; for each of the n
 * entries, the part of it the entry has in shared[i] and the number of those
 * terms in matched[i] (matched may be NULL) (search.c). */
float sspr__matched_idf(const char *text, size_t len, int words_only, const uint32_t *entries,
                        size_t n, float *shared, uint32_t *matched);

/* The confidence that evidence ev (SSPR__EV_* bits) and, when there is no
 * evidence, the words the text shares with entry give (lookup.c): the
 * evidence's part (NONE: the words decide) and the words' part (shared and
 * matched of sspr__matched_idf, of total) apart, for callers that weigh the
 * words of many entries in one pass. */
sspr_confidence sspr__confidence(unsigned ev, uint32_t entry, const char *text, size_t len);
sspr_confidence sspr__confidence_of_ev(unsigned ev);
sspr_confidence sspr__confidence_of_words(float shared, float total, uint32_t matched);

#endif
