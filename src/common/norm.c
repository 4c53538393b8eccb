#include "norm.h"

#include "lex.h"

#include <string.h>

/* One folded character; returns how many input bytes it took. */
static size_t fold(const unsigned char *p, size_t n, unsigned char *c)
{
    static const unsigned char typo_ascii[] = {
        [SSPR__TY_SPACE] = ' ', [SSPR__TY_QUOTE] = '\'', [SSPR__TY_DQUOTE] = '"', [SSPR__TY_DASH] = '-'};
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
    R('!'), R('#'), R('$'), R('%'), R('&'), R('('), R(')'), R('*'), R('+'), R(','), R('-'),
    R('.'), R('/'), R('0'), R('1'), R('2'), R('3'), R('4'), R('5'), R('6'), R('7'), R('8'),
    R('9'), R(':'), R(';'), R('<'), R('='), R('>'), R('?'), R('@'), R('['), R('\\'), R(']'),
    R('^'), R('_'), R('`'), R('{'), R('|'), R('}'), R('~'),
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'),
    L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
    L('W'), L('X'), L('Y'), L('Z'),
    R('a'), R('b'), R('c'), R('d'), R('e'), R('f'), R('g'), R('h'), R('i'), R('j'), R('k'),
    R('l'), R('m'), R('n'), R('o'), R('p'), R('q'), R('r'), R('s'), R('t'), R('u'), R('v'),
    R('w'), R('x'), R('y'), R('z'),
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
