/* Search terms: the one tokenizer, stop-word list and stemmer, compiled into the
 * generator (which indexes the catalogue) and the library (which reads queries),
 * so that both sides turn text into exactly the same terms. Private to the project. */
#ifndef SSPR_STEM_H
#define SSPR_STEM_H

#include <stddef.h>

/* Longest term, in bytes: longer words are cut to this length. */
#define SSPR__TERM_MAX 32
/* Longest compound ("on-premises", "ADUserNotFoundError") read as one unit;
 * a longer run of word characters is read as several compounds. */
#define SSPR__COMPOUND_MAX 96
#define SSPR__PARTS_MAX 12

/* A tokenizer over text[0..len): no allocation, any length. */
typedef struct {
    const unsigned char *p, *end;
    const unsigned char *begin;               /* the text */
    const unsigned char *resume, *resume_end; /* the text after a product name being read
                                                 as its canonical name; NULL otherwise */
    char buf[SSPR__COMPOUND_MAX]; /* the current compound, case kept, apostrophes dropped */
    unsigned char part_at[SSPR__PARTS_MAX], part_len[SSPR__PARTS_MAX];
    unsigned nparts, next_part; /* next_part == nparts: the joined form is next (if nparts > 1) */
    int joined_done;
} sspr__tokens;

void sspr__tokens_init(sspr__tokens *t, const char *text, size_t len);

/* Writes the next term into out (SSPR__TERM_MAX + 1 bytes, NUL-terminated) and
 * returns its length, or 0 at the end of the text. A term is:
 *  - a word of ASCII letters and digits, lower-cased; apostrophes inside a word
 *    are dropped ("user's" -> "users"); "0x" before hex digits is dropped;
 *  - for a compound joined by '-' or '_' or written in CamelCase, each part and
 *    then the whole ("ServiceBus" -> "servic", "bu", "servicebu", stemmed);
 *  - never a stop word ("the", "of", ...), and stemmed (sspr__stem) unless it
 *    holds a digit;
 *  - for a renamed product's name, in any case and with any white space between
 *    its words, the terms of its canonical name: "Microsoft Entra ID" and "Entra
 *    ID" are read as "Azure AD", "Microsoft Entra Connect" as "Azure AD
 *    Connect", "Entra Connect Sync" and the word ADSync as "Azure AD Sync"
 *    (the table in stem.c), so that an entry and a query find each other
 *    whichever name they write; a name with another name of the same product
 *    in brackets after it ("Microsoft Entra Connect (Azure AD Connect)") gives
 *    the terms of its canonical name once. */
size_t sspr__tokens_next(sspr__tokens *t, char *out);

/* Writes the term an entry's event source name ("ADSync",
 * "PasswordResetService") is indexed as into out (SSPR__TERM_MAX + 1 bytes):
 * the name as one word, lower-cased and stemmed, never read as a product name
 * (so "adsync", which no word of a text reaches: see the table in stem.c).
 * Returns its length, 0 for none. */
size_t sspr__source_term(const char *name, char *out);

/* 1 when the lower-case word w[0..n) is a stop word. */
int sspr__is_stopword(const char *w, size_t n);

/* Stems the lower-case word w[0..n) in place (Porter's algorithm, with
 * British spellings first mapped to American ones: "licence" -> "license").
 * Returns the new length (<= n); the stem is NUL-terminated (w holds n + 1 bytes). */
size_t sspr__stem(char *w, size_t n);

#endif
