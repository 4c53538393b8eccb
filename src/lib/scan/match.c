/* What a record says: "hr=XXXXXXXX", "0x8XXXXXXX" and the catalogue's messages
 * (a filtered search for an anchor of each, then a folded comparison around it,
 * backwards into the record's tail and forwards into its next lines). The only
 * file that includes the generated message patterns (sspr-scan.inc, from
 * gen/emit_scan.c). */
#include "scan.h"
#include "bits.h"

/* A pattern of sspr-scan.inc: pool offset and length of its folded text, the
 * offset of its anchor in it, the span of its entries in sspr__scan_entries. */
typedef struct {
    uint32_t off, len, at, first, n;
} sspr__scan_pat;

#include "sspr-scan.inc"

static void scan_match(scan_state *s, uint32_t pat)
{
    const sspr__scan_pat *p = &sspr__scan_pats[pat];
    for (uint32_t i = 0; i < p->n; i++) {
        size_t n = s->rec.nent;
        sspr__scan_add_entry(s->rec.ent, &n, SCAN_ENTS, sspr__scan_entries[p->first + i]);
        s->rec.nent = (uint8_t)n;
    }
}

/* Compares pattern pat from byte at onwards with the folded text p[i..b);
 * when the text ends first, the comparison waits for the record's next text. */
static void scan_forward(scan_state *s, uint32_t pat, uint32_t at, sspr__fold fold,
                         const unsigned char *p, size_t i, size_t b)
{
    const sspr__scan_pat *sp = &sspr__scan_pats[pat];
    const unsigned char *t = sspr__scan_pool + sp->off;
    while (at < sp->len) {
        if (i == b) {
            if (s->npend < SCAN_PENDING) {
                scan_pend *q = &s->pend[s->npend++];
                q->pat = pat;
                q->at = at;
                q->fold = fold;
            }
            return;
        }
        unsigned c = p[i];
        if (fold.npend == 0 && sspr__fold_keeps(c)) { /* folds to itself, lower-cased */
            if ((unsigned)sspr__lower((int)c) != t[at])
                return;
            fold.space = 0;
            at++;
            i++;
            continue;
        }
        unsigned char out[4];
        size_t n = sspr__fold_byte(&fold, p[i++], out);
        for (size_t j = 0; j < n && at < sp->len; j++, at++)
            if (out[j] != t[at])
                return;
    }
    scan_match(s, pat);
}

/* The byte d positions before p[ws] in the record's text: p[a..ws), then the
 * tail; -1 before that. */
static int scan_before(const scan_state *s, const unsigned char *p, size_t a, size_t ws, size_t d)
{
    if (d <= ws - a)
        return p[ws - d];
    d -= ws - a;
    return d <= s->tlen ? s->tail[s->tlen - d] : -1;
}

/* Compares t[0..at) backwards with the text before p[ws], folded as
 * sspr__fold_byte folds forwards (white space runs, quotes, the UTF-8
 * sequences it knows). */
static int scan_backward(const scan_state *s, const unsigned char *p, size_t a, size_t ws,
                         const unsigned char *t, size_t at)
{
    size_t d = 1;
    int space = 0;
    while (at > 0) {
        if (d <= ws - a) { /* in p: a byte that folds to itself, as fast as can be */
            int b = p[ws - d];
            if (sspr__fold_keeps((unsigned)b)) {
                if (sspr__lower(b) != t[at - 1])
                    return 0;
                space = 0;
                at--;
                d++;
                continue;
            }
        }
        int c = scan_before(s, p, a, ws, d);
        unsigned char out[3];
        size_t n = 0, used = 1;
        if (c < 0)
            return 0;
        /* a typographic character (lex.h) ending at this byte */
        int ty = SSPR__TY_NONE;
        if (c >= 0x80) {
            unsigned char w[3];
            size_t k = 0;
            for (size_t back = 3; back > 0; back--) {
                int b = scan_before(s, p, a, ws, d + back - 1);
                if (b >= 0)
                    w[k++] = (unsigned char)b;
            }
            ty = sspr__typo_ending(w, k, &used);
        }
        if (ty == SSPR__TY_NONE)
            used = 1;
        if (sspr__cc_is(c, SSPR__CC_SPACE) || ty == SSPR__TY_SPACE) {
            if (!space)
                out[n++] = ' ';
            space = 1;
        } else if (c == '"' || c == '\'' || ty == SSPR__TY_QUOTE || ty == SSPR__TY_DQUOTE) {
            /* vanishes */
        } else if (ty == SSPR__TY_ELLIPSIS) {
            out[n++] = '.';
            out[n++] = '.';
            out[n++] = '.';
            space = 0;
        } else if (ty == SSPR__TY_DASH) {
            out[n++] = '-';
            space = 0;
        } else {
            out[n++] = (unsigned char)sspr__lower(c);
            space = 0;
        }
        d += used;
        for (size_t j = 0; j < n && at > 0; j++, at--)
            if (out[j] != t[at - 1])
                return 0;
    }
    return 1;
}

/* Are the m bytes at p[ws] (vis can be read) the anchor t, in any case?
 * Anchors are letters and digits: eight bytes at once with the case bit set
 * (which lets a control byte pass for a digit; scan_forward, which reads the
 * anchor again exactly, turns it away). The pool has eight bytes after its
 * last anchor. */
static int scan_anchor_is(const unsigned char *p, size_t ws, size_t vis, const unsigned char *t)
{
    const size_t m = SSPR__SCAN_ANCHOR;
    if (ws + 8 <= vis) {
        const uint64_t mask = m >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * m)) - 1;
        uint64_t x = sspr__le64(p + ws) | ~(uint64_t)0 / 255 * 0x20;
        return ((x ^ sspr__le64(t)) & mask) == 0;
    }
    size_t k = 0;
    while (k < m && sspr__lower(p[ws + k]) == t[k])
        k++;
    return k == m;
}

/* The m bytes at p[ws] hash (sspr__scan_hash_full) to h: verify the
 * patterns whose anchor has that hash. */
static void scan_anchor_at(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis,
                           size_t ws, unsigned h)
{
    for (unsigned i = sspr__scan_by_full[h]; i < sspr__scan_by_full[h + 1]; i++) {
        uint32_t pat = sspr__scan_anchored[i];
        const sspr__scan_pat *sp = &sspr__scan_pats[pat];
        const unsigned char *t = sspr__scan_pool + sp->off;
        if (!scan_anchor_is(p, ws, vis, t + sp->at) || !scan_backward(s, p, a, ws, t, sp->at))
            continue;
        sspr__fold fold = {.space = 0}; /* forwards from the anchor: it may run past b */
        scan_forward(s, pat, sp->at, fold, p, ws, b);
    }
}

/* Which pieces of an anchor the four bytes ending at p[q] may be (the
 * first filter): bit k for the four bytes from k. 0 for most. */
static unsigned scan_any(const unsigned char *p, size_t q)
{
    return sspr__scan_any[sspr__scan_hash4(sspr__le32(p + q - 3))];
}

/* The four bytes ending at p[pos] may be pieces qs of an anchor. The starts
 * that gives (in p[a..b), its m bytes before vis) go through the second
 * filter; those it lets through are verified, the earliest first. */
static void scan_window(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis,
                        size_t pos, unsigned qs)
{
    const size_t m = SSPR__SCAN_ANCHOR;
    for (size_t q = m - 3; qs && q-- > 0;) {
        size_t ws = pos - 3 - q;
        if (!(qs >> q & 1u) || ws < a || ws >= b || ws + m > vis)
            continue;
        unsigned h = ws + 8 <= vis ? sspr__scan_hash_full64(sspr__le64(p + ws), m)
                                   : sspr__scan_hash_full(p + ws, m);
        if (sspr__scan_full[h / 64] >> (h % 64) & 1u)
            scan_anchor_at(s, p, a, b, vis, ws, h);
    }
}

/* The anchors that start in p[a..b) (they may end before vis). Every m - 3
 * bytes, the four bytes ending there: an anchor of m bytes has m - 3 pieces
 * of four, so one of them always ends at such a byte, and the first filter
 * says whether those four bytes are a piece of some anchor, and which. No
 * step depends on the one before, so the loads of several windows overlap.
 * The anchors are verified in the order of their start, as the text has
 * them. */
static void scan_anchors(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis)
{
    const size_t m = SSPR__SCAN_ANCHOR, step = m - 3;
    if (SSPR__SCAN_PATTERNS == 0)
        return;
    size_t lim = b + m - 1 < vis ? b + m - 1 : vis;
    size_t pos = a + m - 1;
    /* four windows at a time, one branch: almost every window is no anchor's */
    for (; pos + 3 * step < lim; pos += 4 * step) {
        unsigned q0 = scan_any(p, pos), q1 = scan_any(p, pos + step);
        unsigned q2 = scan_any(p, pos + 2 * step), q3 = scan_any(p, pos + 3 * step);
        if (q0 | q1 | q2 | q3) {
            if (q0)
                scan_window(s, p, a, b, vis, pos, q0);
            if (q1)
                scan_window(s, p, a, b, vis, pos + step, q1);
            if (q2)
                scan_window(s, p, a, b, vis, pos + 2 * step, q2);
            if (q3)
                scan_window(s, p, a, b, vis, pos + 3 * step, q3);
        }
    }
    for (; pos < lim; pos += step) {
        unsigned qs = scan_any(p, pos);
        if (qs)
            scan_window(s, p, a, b, vis, pos, qs);
    }
}

/* Is v a code of the catalogue (sspr__find_code)? A bit set of their hashes
 * (4096 bits) turns most other numbers away before the lookup. */
int sspr__scan_code(uint32_t v)
{
    unsigned h = SSPR__SCAN_CODE_HASH(v);
    return (sspr__scan_codes[h / 64] >> (h % 64) & 1u) && sspr__find_code(v);
}

/* Eight hex digits at p[i..), not followed by another; the value. */
static int scan_hex8(const unsigned char *p, size_t i, size_t vis, uint32_t *v)
{
    if (i + 8 > vis || (i + 8 < vis && sspr__hexval(p[i + 8]) >= 0))
        return 0;
    return sspr__hex32((const char *)p + i, 8, v);
}

/* "hr=XXXXXXXX" (also "hr=0x..."), the '=' in p[a..b); lb bytes before p[0]
 * can be read. */
static void scan_hr_equals(scan_rec *r, const unsigned char *p, size_t a, size_t b, size_t vis,
                           size_t lb)
{
    for (size_t i = a; i < b; i++) {
        const unsigned char *q = memchr(p + i, '=', b - i);
        if (!q)
            return;
        i = (size_t)(q - p);
        size_t before = i + lb;
        if (before < 2 || sspr__lower(p[(ptrdiff_t)i - 1]) != 'r' ||
            sspr__lower(p[(ptrdiff_t)i - 2]) != 'h')
            continue;
        if (before >= 3 && sspr__cc_is(p[(ptrdiff_t)i - 3], SSPR__CC_ALPHA | SSPR__CC_DIGIT))
            continue;
        size_t j = i + 1;
        if (j + 1 < vis && p[j] == '0' && (p[j + 1] == 'x' || p[j + 1] == 'X'))
            j += 2;
        uint32_t v;
        if (scan_hex8(p, j, vis, &v))
            sspr__scan_add_hr(r, v);
    }
}

/* "0x8XXXXXXX" (an HRESULT with the severity bit: an error), the 'x' in p[a..b). */
static void scan_hr_0x(scan_rec *r, const unsigned char *p, size_t a, size_t b, size_t vis,
                       size_t lb, int x)
{
    for (size_t i = a; i < b; i++) {
        const unsigned char *q = memchr(p + i, x, b - i);
        if (!q)
            return;
        i = (size_t)(q - p);
        size_t before = i + lb;
        if (before < 1 || p[(ptrdiff_t)i - 1] != '0')
            continue;
        if (before >= 2 && sspr__cc_is(p[(ptrdiff_t)i - 2], SSPR__CC_ALPHA | SSPR__CC_DIGIT))
            continue;
        uint32_t v;
        if (scan_hex8(p, i + 1, vis, &v) && (v & 0x80000000u))
            sspr__scan_add_hr(r, v);
    }
}

/* scan_hr_maybe for a short p[i..b), prev the byte before p[i]: eight bytes
 * at a time. */
static int scan_hr_maybe_short(const unsigned char *p, size_t i, size_t b, unsigned prev)
{
    const uint64_t case_bit = ~(uint64_t)0 / 255 * 0x20;
    for (; i + 8 <= b; i += 8) {
        uint64_t w = sspr__le64(p + i);
        if (sspr__eq_bytes(w, '=') | sspr__eq_bytes(w | case_bit, 'x')) { /* then the byte before */
            uint64_t wp = w << 8 | prev;
            if ((sspr__eq_bytes(w, '=') & sspr__eq_bytes(wp | case_bit, 'r')) |
                (sspr__eq_bytes(w | case_bit, 'x') & sspr__eq_bytes(wp, '0')))
                return 1;
        }
        prev = p[i + 7];
    }
    for (; i < b; prev = p[i++])
        if ((p[i] == '=' && (prev | 0x20) == 'r') || ((p[i] | 0x20) == 'x' && prev == '0'))
            return 1;
    return 0;
}

/* Could p[a..b) hold what scan_hr_equals or scan_hr_0x look for: an '='
 * after 'r' or 'R', an 'x' or 'X' after '0' (lb bytes before p[0] and vis
 * from it can be read)? 64 bytes at a time (bits.h): most lines have
 * neither. */
static int scan_hr_maybe(const unsigned char *p, size_t a, size_t b, size_t vis, size_t lb)
{
    unsigned prev = a + lb >= 1 ? p[(ptrdiff_t)a - 1] : 0;
    for (size_t i = a; i < b; i += 64) {
        size_t at = sspr__scan_window(i, b, vis);
        if (at == SIZE_MAX) /* a short line */
            return scan_hr_maybe_short(p, i, b, prev);
        size_t skip = i - at;
        uint64_t own = b - i >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << (b - i)) - 1;
        uint64_t eq = sspr__scan_eq_bits(p + at, '=', 0) >> skip;
        uint64_t x = sspr__scan_eq_bits(p + at, 'x', 0x20) >> skip;
        if ((eq | x) & own) { /* then the bytes before */
            uint64_t r =
                sspr__scan_eq_bits(p + at, 'r', 0x20) >> skip << 1 | ((prev | 0x20) == 'r');
            uint64_t z = sspr__scan_eq_bits(p + at, '0', 0) >> skip << 1 | (prev == '0');
            if (((eq & r) | (x & z)) & own)
                return 1;
        }
        if (b - i <= 64)
            return 0;
        prev = p[i + 63];
    }
    return 0;
}

static void scan_tail_add(scan_state *s, const unsigned char *p, size_t n)
{
    if (n >= SCAN_TAIL) {
        memcpy(s->tail, p + n - SCAN_TAIL, SCAN_TAIL);
        s->tlen = SCAN_TAIL;
        return;
    }
    if (s->tlen + n > SCAN_TAIL) {
        size_t drop = s->tlen + n - SCAN_TAIL;
        memmove(s->tail, s->tail + drop, s->tlen - drop);
        s->tlen -= drop;
    }
    memcpy(s->tail + s->tlen, p, n);
    s->tlen += n;
}

/* The messages begun before p[a..b) go on with it (scan_forward may queue
 * them again, so the queue is taken first). */
static void drain_pending(scan_state *s, const unsigned char *p, size_t a, size_t b)
{
    if (!s->npend)
        return;
    scan_pend pend[SCAN_PENDING];
    uint32_t n = s->npend;
    memcpy(pend, s->pend, n * sizeof *pend);
    s->npend = 0;
    for (uint32_t i = 0; i < n; i++)
        scan_forward(s, pend[i].pat, pend[i].at, pend[i].fold, p, a, b);
}

/* sspr__scan_content (scan.h) for an open record of ours or of a provider
 * not yet known. */
void sspr__scan_content_read(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis,
                             size_t lb, int keep)
{
    drain_pending(s, p, a, b);
    if (scan_hr_maybe(p, a, b, vis, lb)) {
        scan_hr_equals(&s->rec, p, a, b, vis, lb);
        scan_hr_0x(&s->rec, p, a, b, vis, lb, 'x');
        scan_hr_0x(&s->rec, p, a, b, vis, lb, 'X');
    }
    scan_anchors(s, p, a, b, vis);
    if (keep)
        scan_tail_add(s, p + a, b - a);
}

/* The record goes on after a line break: its messages see one. */
void sspr__scan_line_break(scan_state *s)
{
    static const unsigned char nl[1] = {'\n'};
    if (s->rec.src == SRC_FOREIGN)
        return;
    drain_pending(s, nl, 0, 1);
    scan_tail_add(s, nl, 1);
}
