/* The lexer: how codes and HRESULTs are written, and the characters around
 * them. One module, compiled into the generator and the library, called by
 * every reader of codes: lookup (code queries), decode (sspr_hresult_parse),
 * search (which tokens are codes), the scanner (numbers in log text, the
 * typographic fold) and the generator (which text keys read as code queries).
 * Private to the project.
 *
 *  - character classes: one table;
 *  - decimal and hexadecimal numbers: sspr__dec32, sspr__hex32;
 *  - the separators of a code query: the SSPR__CC_SEP class;
 *  - typographic characters (no-break space, curly quotes, dashes, the
 *    ellipsis): one table, read forwards (sspr__typo_at) and backwards
 *    (sspr__typo_ending);
 *  - the code-query grammar (sspr__parse_code_query) and the HRESULT token
 *    grammar it shares with sspr_hresult_parse (sspr__read_hresult). */
#ifndef SSPR_LEX_H
#define SSPR_LEX_H

#include <stddef.h>
#include <stdint.h>

/* ---- character classes ---- */

enum {
    SSPR__CC_SPACE = 1, /* ASCII white space: space, tab, CR, LF, VT, FF */
    SSPR__CC_DIGIT = 2, /* 0-9 */
    SSPR__CC_HEX = 4,   /* 0-9, a-f, A-F */
    SSPR__CC_ALPHA = 8, /* a-z, A-Z */
    SSPR__CC_SEP = 16,  /* separates the tokens of a code query: white space and :,#=;()[]/ */
    SSPR__CC_DECOR = 32 /* Markdown around text a paste quotes: * _ ` */
};
extern const unsigned char sspr__cc[256];

static inline int sspr__cc_is(int c, unsigned cls)
{
    return (sspr__cc[c & 0xFF] & cls) != 0;
}

static inline int sspr__lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* The value of a hex digit, or -1. */
int sspr__hexval(int c);

/* s[0..n) as a decimal number of 1 to 10 digits that fits in 32 bits. */
int sspr__dec32(const char *s, size_t n, uint32_t *out);
/* s[0..n) as 1 to 8 hex digits (any case). */
int sspr__hex32(const char *s, size_t n, uint32_t *out);

/* ---- typographic characters ---- */

/* What a typographic character stands for. */
enum {
    SSPR__TY_NONE = -1,    /* not one (or not a whole one) */
    SSPR__TY_PARTIAL = -2, /* the bytes begin one: more are needed */
    SSPR__TY_SPACE = 0,    /* U+00A0 */
    SSPR__TY_QUOTE,        /* U+2018, U+2019 */
    SSPR__TY_DQUOTE,       /* U+201C, U+201D */
    SSPR__TY_DASH,         /* U+2010, U+2011, U+2013, U+2014 */
    SSPR__TY_ELLIPSIS      /* U+2026 */
};

/* The typographic character at the start of p[0..n): its class, with its
 * length in *len; SSPR__TY_PARTIAL when p[0..n) is a proper beginning of one;
 * else SSPR__TY_NONE. */
int sspr__typo_at(const unsigned char *p, size_t n, size_t *len);

/* The same backwards: the typographic character that ends at p[n-1]. */
int sspr__typo_ending(const unsigned char *p, size_t n, size_t *len);

/* ---- codes and HRESULTs ---- */

/* One token t[0..n) as an HRESULT: "0x" and 1 to 8 hex digits, the signed
 * decimal "-2145188327", or bare hex: exactly 8 digits with the severity bit
 * set ("80230619"; so event codes are never read as HRESULTs) or, right after
 * the word "hr" or "hresult" (after_hr), 1 to 8 digits ("HR 8023042"). */
int sspr__read_hresult(const char *t, size_t n, int after_hr, uint32_t *out);

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

/* ---- codes in free text ----
 * A text that is more than a code query ("Event ID 33004: The password could
 * not be updated", "error 31044 for the passwordresetservice", "32009 32010")
 * is read number by number. Numbers in free text are mostly not codes (counts,
 * ports, years, versions, times), so a number counts only when it is written as
 * one (lookup.c decides which of these name catalogue entries):
 *  - it stands alone: the bytes around it are not letters, digits, '_', '/',
 *    '\\', '%', '$', '@', '+', and not '.', '-', ':' or ',' joining it to
 *    another letter or digit ("1.6.4.0", "10:32", "2024-01-05", "1,234" and
 *    GUIDs are no codes), nor a '-' in front;
 *  - an HRESULT form is a cue of its own: 0x and 1 to 8 hex digits, eight hex
 *    digits with the severity bit set ("80230619"), any hex number after "hr"
 *    or "hresult" ("hr=800700CE"), SSPR_NNNN (the reset page's codes);
 *  - a decimal number is cued when a code word stands right before it (only
 *    separators and Markdown's '*' between): "event", "eventid", "id",
 *    "error", "err", "code", "source" or a source name ("Event ID: 33004",
 *    "EventID 33004:", "ADSync 6329", "Source: PasswordResetService, Event ID:
 *    33004"), or when a source name follows it ("31044 PasswordResetService");
 *    the source name of that run limits it to that source; a run naming two
 *    sources makes no code ("ADSync PasswordResetService 32009"). Other
 *    standalone decimals are returned uncued. */
typedef struct {
    unsigned source; /* 0 = any, else as sspr__source_of() */
    int is_hr;       /* an HRESULT, else an event code */
    int cued;        /* written as a code (see above); HRESULT forms always are */
    uint32_t value;
    size_t digits; /* decimal digits written (event codes) */
} sspr__text_code;

typedef struct {
    const char *s;
    size_t len, i;
    unsigned source;             /* of the run of code words before the next token */
    int cue, after_hr, conflict; /* conflict: the run names two sources */
} sspr__code_reader;

void sspr__code_reader_init(sspr__code_reader *r, const char *s, size_t len);
/* The next code of the text; 0 at the end. Linear in the text's length. */
int sspr__code_reader_next(sspr__code_reader *r, sspr__text_code *out);

/* A bit (0..63) of q, for a 64-bit filter over a set of code queries. */
static inline unsigned sspr__code_query_bit(const sspr__code_query *q)
{
    uint32_t h = (q->code * 2654435761u) ^ (q->hr * 2246822519u) ^
                 (q->source << 3 | (unsigned)q->has_code << 1 | (unsigned)q->has_hr);
    return (unsigned)((h * 2654435761u) >> 26);
}

#endif /* SSPR_LEX_H */
