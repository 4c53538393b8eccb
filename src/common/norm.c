#include "norm.h"

#include "lex.h"

#include <string.h>

/* One folded character; returns how many input bytes it took. */
static size_t fold(const unsigned char *p, size_t n, unsigned char *c)
{
    static const unsigned char typo_ascii[] = {[SSPR__TY_SPACE] = ' ',
                                               [SSPR__TY_QUOTE] = '\'',
                                               [SSPR__TY_DQUOTE] = '"',
                                               [SSPR__TY_DASH] = '-'};
    size_t len;
    int ty = sspr__typo_at(p, n, &len);
    if (ty >= 0 && ty != SSPR__TY_ELLIPSIS) { /* an ellipsis stays: only a trailing one goes */
        *c = typo_ascii[ty];
        return len;
    }
    *c = (unsigned char)sspr__lower(p[0]);
    if (sspr__cc_is(*c, SSPR__CC_SPACE))
        *c = ' ';
    return 1;
}

static int is_trim_tail(const unsigned char *s, size_t len, size_t *cut)
{
    if (len == 0)
        return 0;
    unsigned char c = s[len - 1];
    if (c == ' ' || c == '.' || c == '"' || c == '\'') {
        *cut = 1;
        return 1;
    }
    return sspr__typo_ending(s, len, cut) == SSPR__TY_ELLIPSIS;
}

/* Bytes that fold to themselves or to a lower-case letter; 0 marks the bytes
 * that need fold() (white space, quotes, bytes that may start a typographic
 * character, controls). Most keys are plain ASCII: this keeps them cheap. */
static const unsigned char plain[256] = {
#define R(c) [c] = c
#define L(c) [c] = (c) - 'A' + 'a'
    R('!'), R('#'), R('$'), R('%'), R('&'), R('('), R(')'), R('*'),  R('+'), R(','), R('-'), R('.'),
    R('/'), R('0'), R('1'), R('2'), R('3'), R('4'), R('5'), R('6'),  R('7'), R('8'), R('9'), R(':'),
    R(';'), R('<'), R('='), R('>'), R('?'), R('@'), R('['), R('\\'), R(']'), R('^'), R('_'), R('`'),
    R('{'), R('|'), R('}'), R('~'), L('A'), L('B'), L('C'), L('D'),  L('E'), L('F'), L('G'), L('H'),
    L('I'), L('J'), L('K'), L('L'), L('M'), L('N'), L('O'), L('P'),  L('Q'), L('R'), L('S'), L('T'),
    L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'), R('a'), R('b'),  R('c'), R('d'), R('e'), R('f'),
    R('g'), R('h'), R('i'), R('j'), R('k'), R('l'), R('m'), R('n'),  R('o'), R('p'), R('q'), R('r'),
    R('s'), R('t'), R('u'), R('v'), R('w'), R('x'), R('y'), R('z'),
#undef R
#undef L
};

size_t sspr__norm_key(const char *text, size_t len, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t o = 0;
    int pending_space = 0;
    if (cap == 0)
        return (size_t)-1;
    /* the plain prefix, in a tight loop */
    size_t room = len < cap - 1 ? len : cap - 1;
    while (o < room && plain[p[o]])
        out[o] = (char)plain[p[o]], o++;
    p += o;
    len -= o;
    while (len > 0) {
        unsigned char c = plain[*p];
        if (c && !pending_space && o + 1 < cap) { /* the common case */
            out[o++] = (char)c;
            p++;
            len--;
            continue;
        }
        size_t used = fold(p, len, &c);
        p += used;
        len -= used;
        if (c == ' ') {
            pending_space = 1;
            continue;
        }
        if (o == 0 && (c == '"' || c == '\''))
            continue; /* opening quotes */
        if (pending_space && o > 0) {
            if (o + 1 >= cap)
                return (size_t)-1;
            out[o++] = ' ';
        }
        pending_space = 0;
        if (o + 1 >= cap)
            return (size_t)-1;
        out[o++] = (char)c;
    }
    size_t cut;
    while (is_trim_tail((const unsigned char *)out, o, &cut))
        o -= cut;
    out[o] = '\0';
    return o;
}

/* ---- message text (sspr__norm_text) ---- */

static int is_letter(int c)
{
    return sspr__cc_is(c, SSPR__CC_ALPHA);
}

static int is_alnum(int c)
{
    return sspr__cc_is(c, SSPR__CC_ALPHA | SSPR__CC_DIGIT);
}

/* The output of sspr__norm_text, written a byte at a time with a pending space. */
typedef struct {
    char *out;
    size_t o, cap;
    int space, full; /* a space is due before the next byte; out is full */
    size_t word;     /* start of the current run of letters and digits, or SIZE_MAX */
} norm_out;

static void put(norm_out *w, char c)
{
    if (w->space && w->o > 0) {
        w->space = 0;
        put(w, ' ');
    }
    w->space = 0;
    if (w->o + 1 >= w->cap) {
        w->full = 1;
        return;
    }
    if (is_alnum((unsigned char)c)) {
        if (w->word == (size_t)-1)
            w->word = w->o;
    } else
        w->word = (size_t)-1;
    w->out[w->o++] = c;
}

static void put_str(norm_out *w, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ')
            w->space = 1;
        else
            put(w, *s);
    }
}

static int word_is(const norm_out *w, const char *s)
{
    size_t n = strlen(s);
    return w->word != (size_t)-1 && w->o - w->word == n && memcmp(w->out + w->word, s, n) == 0;
}

/* The letters at p[0..n) up to the next non-letter, lower-cased into buf
 * (at most 3; 0 when there are more or none). */
static size_t suffix_letters(const unsigned char *p, size_t n, char buf[4])
{
    size_t k = 0;
    while (k < n && is_letter(p[k])) {
        if (k == 3)
            return 0;
        buf[k] = (char)sspr__lower(p[k]);
        k++;
    }
    buf[k] = '\0';
    return k;
}

/* An apostrophe inside a word: writes the contraction's long form and returns
 * the number of suffix letters it took, or 0 when it is no contraction (the
 * apostrophe is then dropped: "user's" -> "users"). */
static size_t contraction(norm_out *w, const unsigned char *p, size_t n)
{
    static const char *const is_words[] = {"it",   "that", "there", "here",
                                           "what", "who",  "where", "how"};
    char suf[4];
    size_t k = suffix_letters(p, n, suf);
    if (k == 0 || w->word == (size_t)-1)
        return 0;
    if (strcmp(suf, "t") == 0 && w->o - w->word >= 2 && w->out[w->o - 1] == 'n') {
        if (word_is(w, "can")) {
            put_str(w, "not"); /* can't -> cannot */
        } else if (word_is(w, "won")) {
            w->o = w->word, w->word = (size_t)-1;
            put_str(w, "will not");
        } else if (word_is(w, "shan")) {
            w->o -= 1;
            put_str(w, "ll not");
        } else {
            w->o -= 1; /* doesn't -> does not */
            put_str(w, " not");
        }
        return k;
    }
    const char *longer = NULL;
    if (strcmp(suf, "re") == 0)
        longer = " are";
    else if (strcmp(suf, "ve") == 0)
        longer = " have";
    else if (strcmp(suf, "ll") == 0)
        longer = " will";
    else if (strcmp(suf, "m") == 0 && word_is(w, "i"))
        longer = " am";
    else if (strcmp(suf, "s") == 0 && word_is(w, "let"))
        longer = " us";
    else if (strcmp(suf, "s") == 0)
        for (size_t i = 0; i < sizeof is_words / sizeof *is_words; i++)
            if (word_is(w, is_words[i]))
                longer = " is";
    if (!longer)
        return 0;
    put_str(w, longer);
    return k;
}

/* The other way round, for text already folded by sspr__norm_text: a pair of
 * words written as the contraction a log or a page may print instead: "does
 * not" -> "doesn't", "we are" -> "we're". The apostrophe stays, so that the
 * scanner's patterns know where the log's word is broken. (Forms that would
 * read as another word, "we will" -> "we'll" -> "well", are left out.) */
static const struct {
    const char *first, *second, *joined;
} contracted[] = {
    {"do", "not", "don't"},
    {"does", "not", "doesn't"},
    {"did", "not", "didn't"},
    {"is", "not", "isn't"},
    {"are", "not", "aren't"},
    {"was", "not", "wasn't"},
    {"were", "not", "weren't"},
    {"has", "not", "hasn't"},
    {"have", "not", "haven't"},
    {"had", "not", "hadn't"},
    {"could", "not", "couldn't"},
    {"would", "not", "wouldn't"},
    {"should", "not", "shouldn't"},
    {"must", "not", "mustn't"},
    {"will", "not", "won't"},
    {"we", "are", "we're"},
    {"you", "are", "you're"},
    {"they", "are", "they're"},
    {"i", "am", "i'm"},
    {"it", "is", "it's"},
    {"that", "is", "that's"},
    {"there", "is", "there's"},
    {"what", "is", "what's"},
    {"we", "have", "we've"},
    {"you", "have", "you've"},
    {"i", "have", "i've"},
    {"they", "have", "they've"},
    {"let", "us", "let's"},
    {"cannot", NULL, "can't"},
};

/* The length of the word at p (letters only), and whether it is w. */
static int word_at(const char *p, const char *w, size_t *len)
{
    size_t n = 0;
    while (p[n] >= 'a' && p[n] <= 'z')
        n++;
    *len = n;
    return strlen(w) == n && memcmp(p, w, n) == 0;
}

size_t sspr__norm_contracted(const char *text, char *out, size_t cap)
{
    size_t o = 0;
    int changed = 0;
    for (const char *p = text; *p;) {
        int start = p == text || p[-1] == ' ';
        size_t used = 0;
        const char *joined = NULL;
        for (size_t i = 0; start && !joined && i < sizeof contracted / sizeof *contracted; i++) {
            size_t a, b;
            if (!word_at(p, contracted[i].first, &a))
                continue;
            if (!contracted[i].second) {
                joined = contracted[i].joined, used = a;
            } else if (p[a] == ' ' && word_at(p + a + 1, contracted[i].second, &b)) {
                joined = contracted[i].joined, used = a + 1 + b;
            }
        }
        if (joined) {
            size_t k = strlen(joined);
            if (o + k >= cap)
                return (size_t)-1;
            memcpy(out + o, joined, k);
            o += k;
            p += used;
            changed = 1;
            continue;
        }
        if (o + 1 >= cap)
            return (size_t)-1;
        out[o++] = *p++;
    }
    out[o] = '\0';
    return changed ? o : 0;
}

/* At the end of a word: "can not" -> "cannot". */
static void end_word(norm_out *w)
{
    if (!word_is(w, "not") || w->word < 4 || memcmp(w->out + w->word - 4, "can ", 4) != 0 ||
        (w->word > 4 && is_alnum((unsigned char)w->out[w->word - 5])))
        return;
    memcpy(w->out + w->word - 1, "not", 3);
    w->o -= 1;
    w->word -= 1;
}

/* Is the current word a hexadecimal number written 0x...? */
static int after_hex(const norm_out *w)
{
    if (w->word == (size_t)-1 || w->o - w->word < 3 || w->out[w->word] != '0' ||
        w->out[w->word + 1] != 'x')
        return 0;
    for (size_t i = w->word + 2; i < w->o; i++)
        if (!sspr__cc_is((unsigned char)w->out[i], SSPR__CC_HEX))
            return 0;
    return 1;
}

size_t sspr__norm_text(const char *text, size_t len, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)text;
    norm_out w = {out, 0, cap, 0, 0, (size_t)-1};
    if (cap == 0)
        return (size_t)-1;
    size_t i = 0;
    while (i < len && !w.full) {
        unsigned char c = p[i];
        size_t used = 1;
        int ty = SSPR__TY_NONE;
        if (c >= 0x80)
            ty = sspr__typo_at(p + i, len - i, &used);
        if (ty < 0)
            used = 1;
        int alnum = is_alnum(c);
        if (!alnum && w.word != (size_t)-1) { /* a word ends here */
            end_word(&w);
            if (after_hex(&w)) { /* "0x80230619 –", "0x80230619:" -> "0x80230619 " */
                size_t j = i;
                while (j < len) {
                    size_t tl = 1;
                    int t = p[j] >= 0x80 ? sspr__typo_at(p + j, len - j, &tl) : SSPR__TY_NONE;
                    if (sspr__cc_is(p[j], SSPR__CC_SPACE) || p[j] == '-' || p[j] == ':')
                        j++;
                    else if (t == SSPR__TY_SPACE || t == SSPR__TY_DASH)
                        j += tl;
                    else
                        break;
                }
                if (j > i) {
                    w.word = (size_t)-1;
                    w.space = 1;
                    i = j;
                    continue;
                }
            }
        }
        if (c == '\'' || ty == SSPR__TY_QUOTE) {
            if (w.word != (size_t)-1 && i + used < len && is_letter(p[i + used]) &&
                is_letter((unsigned char)out[w.o - 1])) {
                /* a contraction's long form, or the apostrophe dropped ("user's" -> "users") */
                i += used + contraction(&w, p + i + used, len - i - used);
                continue;
            }
            w.word = (size_t)-1;
            i += used;
            continue;
        }
        if (c == '"' || c == '`' || ty == SSPR__TY_DQUOTE) { /* quotes vanish */
            w.word = (size_t)-1;
            i += used;
            continue;
        }
        if (sspr__cc_is(c, SSPR__CC_SPACE) || ty == SSPR__TY_SPACE) {
            w.space = 1;
            w.word = (size_t)-1;
        } else if (ty == SSPR__TY_DASH) {
            put(&w, '-');
        } else if (ty == SSPR__TY_ELLIPSIS) {
            put_str(&w, "...");
        } else {
            put(&w, (char)sspr__lower(c));
        }
        i += used;
    }
    if (!w.full && w.word != (size_t)-1)
        end_word(&w);
    /* trailing periods (a sentence's end, "..." or an ellipsis) and spaces */
    while (w.o > 0 && (out[w.o - 1] == '.' || out[w.o - 1] == ' '))
        w.o--;
    out[w.o] = '\0';
    return w.full ? (size_t)-1 : w.o;
}

int sspr__norm_cut(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n = len, tl;
    for (;;) { /* white space and closing quotes after the ellipsis */
        int t = sspr__typo_ending(p, n, &tl);
        if (n > 0 && (sspr__cc_is(p[n - 1], SSPR__CC_SPACE) || p[n - 1] == '"' ||
                      p[n - 1] == '\'' || p[n - 1] == '`'))
            n--;
        else if (t == SSPR__TY_SPACE || t == SSPR__TY_QUOTE || t == SSPR__TY_DQUOTE)
            n -= tl;
        else
            break;
    }
    if (n >= 3 && memcmp(p + n - 3, "...", 3) == 0)
        return 1;
    return sspr__typo_ending(p, n, &tl) == SSPR__TY_ELLIPSIS;
}

int sspr__norm_same(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80 || c == '\'' || c == '"' || c == '`' ||
            (c == '0' && i + 1 < len && (text[i + 1] | 0x20) == 'x') ||
            ((c | 0x20) == 'c' && i + 3 < len && (text[i + 1] | 0x20) == 'a' &&
             (text[i + 2] | 0x20) == 'n' &&
             sspr__cc_is((unsigned char)text[i + 3], SSPR__CC_SPACE)))
            return 0;
    }
    return 1;
}
