/* The streaming event-log scanner (sspr_scan_*): bytes in, catalogue entries
 * out, one callback per entry and record. The only file that includes the
 * generated message patterns (sspr-scan.inc, from gen/emit_scan.c).
 *
 * Stages, each feeding the next:
 *   decode  UTF-8 passes through; UTF-16 is transcoded into a stack buffer.
 *   lines   whole lines inside the caller's buffer are used where they are;
 *           a line cut by the end of a buffer is copied into the carry. A line
 *           longer than SCAN_PIECE is handed on in pieces cut at fixed offsets
 *           of the line, each with SCAN_LA bytes of look-ahead, so every
 *           chunking of the input gives the same pieces.
 *   records each line is classified (Format-List, tab-delimited, CSV, XML or
 *           free text) and parsed for the fields that matter: provider, event
 *           id, record boundaries.
 *   content what a record says: "hr=XXXXXXXX", "0x8023XXXX" and the
 *           catalogue's messages (Wu-Manber search for an anchor of each,
 *           then a folded comparison around it, backwards into the record's
 *           tail and forwards into its next lines).
 *   resolve at the end of a record: which entries it names, each once.
 * Nothing allocates; the state lives in the caller's sspr_scanner. */
#include "private.h"
#include "scanfold.h"

#include <string.h>

/* A pattern of sspr-scan.inc: pool offset and length of its folded text, the
 * offset of its anchor in it, the span of its entries in sspr__scan_entries. */
typedef struct {
    uint32_t off, len, at, first, n;
} sspr__scan_pat;

#include "sspr-scan.inc"

enum {
    SCAN_PIECE = 4096, /* bytes of a long line handled at a time */
    SCAN_LA = 256,     /* look-ahead after a piece: the longest tag or field parsed */
    SCAN_LB = 16,      /* look-behind before a piece that is not a line's first */
    SCAN_TAIL = 512,   /* record text kept for messages that began before */
    SCAN_PENDING = 8,  /* messages half matched at the end of a line */
    SCAN_HRS = 8,      /* HRESULTs kept per record */
    SCAN_ENTS = 16,    /* message matches kept per record */
    SCAN_FIELD = 64,   /* CSV field bytes kept (provider, id) */
    SCAN_DECODE = 4096 /* UTF-16 transcoding buffer (stack) */
};

enum { SRC_UNKNOWN = 0, SRC_FOREIGN = 255 }; /* else a source of schema.def */
enum { REC_FREE = 1, REC_FL, REC_TAB, REC_CSV, REC_XML };
enum { LK_SKIP, LK_FREE, LK_FL, LK_TAB, LK_CSV, LK_XML };
enum { ENC_DETECT, ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE };

typedef struct {
    uint64_t line; /* where the record starts */
    uint8_t open, kind, src, has_id;
    uint8_t nhr, nent;
    uint32_t id;
    uint32_t hr[SCAN_HRS];
    uint32_t ent[SCAN_ENTS];
} scan_rec;

typedef struct {
    uint32_t pat, at; /* next byte of the pattern to match */
    sspr__fold fold;
} scan_pend;

typedef struct {
    sspr_scan_fn fn;
    void *ctx;
    uint64_t line; /* number of the current line, from 1 */
    /* decoding */
    uint8_t enc, nhead, has_odd, odd;
    uint16_t high; /* pending UTF-16 high surrogate, or 0 */
    unsigned char head[4];
    /* lines */
    size_t lpos, clen; /* line offset of the carry's first byte; bytes in it */
    uint8_t lkind;     /* LK_* of the current line */
    uint8_t in_quote;  /* inside a quoted TAB message or CSV field */
    uint16_t skip;     /* bytes the next piece's parser skips (a token cut in two) */
    uint32_t qstart;   /* TAB: where quote tracking starts in the line's first piece */
    /* CSV */
    uint8_t csv, field_start, field_len, field_over;
    uint16_t csv_src, csv_id, field; /* columns; the current field */
    char field_buf[SCAN_FIELD];
    /* records */
    scan_rec rec;
    uint32_t npend;
    scan_pend pend[SCAN_PENDING];
    size_t tlen;
    unsigned char tail[SCAN_TAIL];
    unsigned char carry[SCAN_LB + SCAN_PIECE + SCAN_LA];
} scan_state;

/* The state must fit the public sspr_scanner (C99 has no _Static_assert). */
typedef char scan_state_fits[sizeof(scan_state) <= SSPR_SCANNER_SIZE ? 1 : -1];

static scan_state *scan_of(sspr_scanner *sc)
{
    return (scan_state *)(void *)sc->opaque.bytes;
}

/* ---- small helpers ---------------------------------------------------------- */

/* Does p[0..n) begin with the ASCII word w, in any case? */
static int scan_at(const unsigned char *p, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= n || sspr__lower(p[i]) != sspr__lower((unsigned char)w[i]))
            return 0;
    return 1;
}

/* Is p[0..n), white space trimmed, exactly the word w (any case)? */
static int scan_is(const unsigned char *p, size_t n, const char *w)
{
    while (n && sspr__cc_is(p[n - 1], SSPR__CC_SPACE))
        n--;
    while (n && sspr__cc_is(*p, SSPR__CC_SPACE)) {
        p++;
        n--;
    }
    return n == strlen(w) && scan_at(p, n, w);
}

/* The source a provider name stands for: ours (the schema's sources that
 * write event logs), or foreign. */
static uint8_t scan_source(const unsigned char *p, size_t n)
{
    while (n && sspr__cc_is(*p, SSPR__CC_SPACE)) {
        p++;
        n--;
    }
    while (n && sspr__cc_is(p[n - 1], SSPR__CC_SPACE))
        n--;
    unsigned s = sspr__number_of(&sspr__sources, (const char *)p, n, 1);
    return s == SSPR__SOURCE_PRS || s == SSPR__SOURCE_ADSYNC ? (uint8_t)s : SRC_FOREIGN;
}

/* A decimal event id in p[0..n) (white space around allowed), or 0. */
static int scan_id(const unsigned char *p, size_t n, uint32_t *id)
{
    uint64_t v = 0;
    size_t i = 0, digits = 0;
    while (i < n && sspr__cc_is(p[i], SSPR__CC_SPACE))
        i++;
    for (; i < n && p[i] >= '0' && p[i] <= '9'; i++, digits++)
        v = v * 10 + (uint64_t)(p[i] - '0');
    while (i < n && sspr__cc_is(p[i], SSPR__CC_SPACE))
        i++;
    if (i != n || digits == 0 || digits > 10 || v > UINT32_MAX)
        return 0;
    *id = (uint32_t)v;
    return 1;
}

/* Is p[0..n) white space only? */
static int scan_blank(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!sspr__cc_is(p[i], SSPR__CC_SPACE))
            return 0;
    return 1;
}

/* First occurrence of the ASCII string w (exact case) in p[0..n), or NULL. */
static const unsigned char *scan_find(const unsigned char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (const unsigned char *e = p + n; (size_t)(e - p) >= k;) {
        const unsigned char *q = memchr(p, (unsigned char)w[0], (size_t)(e - p) - k + 1);
        if (!q)
            return NULL;
        if (memcmp(q, w, k) == 0)
            return q;
        p = q + 1;
    }
    return NULL;
}

/* ---- records ---------------------------------------------------------------- */

static void scan_open(scan_state *s, uint8_t kind)
{
    scan_rec *r = &s->rec;
    r->open = 1;
    r->kind = kind;
    r->line = s->line;
    r->src = SRC_UNKNOWN;
    r->has_id = 0;
    r->nhr = 0;
    r->nent = 0;
    s->npend = 0;
    s->tlen = 0;
    s->in_quote = 0;
}

static void scan_add_hr(scan_rec *r, uint32_t hr)
{
    for (uint8_t i = 0; i < r->nhr; i++)
        if (r->hr[i] == hr)
            return;
    if (r->nhr < SCAN_HRS)
        r->hr[r->nhr++] = hr;
}

static void scan_add_entry(uint32_t *v, size_t *n, size_t cap, uint32_t e)
{
    for (size_t i = 0; i < *n; i++)
        if (v[i] == e)
            return;
    if (*n < cap)
        v[(*n)++] = e;
}

static int scan_is_hresult(const struct sspr_entry *e, uint32_t hr)
{
    for (uint32_t i = 0; i < e->hresults.n; i++)
        if (sspr__hrs[e->hresults.off + i] == hr)
            return 1;
    return 0;
}

/* May an entry found in the text of record r count? Its source must be the
 * record's (or the record's unknown, or the entry has none). */
static int scan_fits(const scan_rec *r, const struct sspr_entry *e)
{
    return r->src == SRC_UNKNOWN || e->source == 0 || e->source == r->src;
}

enum { SCAN_FOUND_MAX = 2 * SCAN_ENTS + 16 };

/* The entries that are the record's event: source and id; several (ADSync
 * 6329) are told apart by an HRESULT of the record. */
static void scan_resolve_event(const scan_rec *r, uint32_t *out, size_t *n)
{
    const sspr_entry *found[16];
    size_t k = sspr_by_code(sspr__source_name(r->src), r->id, found, 16);
    size_t is = 0;
    const struct sspr_entry *mine[16];
    for (size_t i = 0; i < k && i < 16; i++)
        if (found[i]->code == (int64_t)r->id && found[i]->source == r->src)
            mine[is++] = found[i];
    for (size_t i = 0; i < is; i++) {
        int pick = is == 1;
        for (uint8_t h = 0; h < r->nhr && !pick; h++)
            pick = scan_is_hresult(mine[i], r->hr[h]);
        if (pick)
            scan_add_entry(out, n, SCAN_FOUND_MAX, mine[i]->index);
    }
}

static void scan_resolve_hresults(const scan_rec *r, uint32_t *out, size_t *n)
{
    for (uint8_t h = 0; h < r->nhr; h++) {
        const sspr_entry *found[16];
        size_t k = sspr_by_hresult(r->hr[h], found, 16);
        for (size_t i = 0; i < k && i < 16; i++) {
            const struct sspr_entry *e = found[i];
            if (!scan_is_hresult(e, r->hr[h]) || !scan_fits(r, e))
                continue;
            if (r->has_id && e->code >= 0 && e->code != (int64_t)r->id)
                continue; /* another event with this HRESULT */
            scan_add_entry(out, n, SCAN_FOUND_MAX, e->index);
        }
    }
}

static void scan_end_record(scan_state *s)
{
    scan_rec *r = &s->rec;
    if (!r->open)
        return;
    r->open = 0;
    s->npend = 0;
    s->tlen = 0;
    s->in_quote = 0;
    if (r->src == SRC_FOREIGN || (r->nhr == 0 && r->nent == 0 && !(r->has_id && r->src)))
        return;
    uint32_t out[SCAN_FOUND_MAX];
    size_t n = 0;
    if (r->has_id && r->src)
        scan_resolve_event(r, out, &n);
    scan_resolve_hresults(r, out, &n);
    for (uint8_t i = 0; i < r->nent; i++)
        if (scan_fits(r, &sspr__entries[r->ent[i]]))
            scan_add_entry(out, &n, SCAN_FOUND_MAX, r->ent[i]);
    for (size_t i = 1; i < n; i++) { /* catalogue order */
        uint32_t x = out[i];
        size_t j = i;
        for (; j > 0 && out[j - 1] > x; j--)
            out[j] = out[j - 1];
        out[j] = x;
    }
    for (size_t i = 0; i < n; i++)
        if (s->fn)
            s->fn(s->ctx, &sspr__entries[out[i]], r->line);
}

/* ---- messages ------------------------------------------------------------------ */

static void scan_match(scan_state *s, uint32_t pat)
{
    const sspr__scan_pat *p = &sspr__scan_pats[pat];
    for (uint32_t i = 0; i < p->n; i++) {
        size_t n = s->rec.nent;
        scan_add_entry(s->rec.ent, &n, SCAN_ENTS, sspr__scan_entries[p->first + i]);
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

/* An anchor's last three bytes hashed to h at window start ws: verify the
 * patterns whose anchor that may be. */
static void scan_anchor_at(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t ws,
                           unsigned h)
{
    size_t lo = 0, hi = SSPR__SCAN_PATTERNS;
    while (lo < hi) { /* first pattern whose anchor ends with hash h */
        size_t mid = (lo + hi) / 2;
        if ((sspr__scan_ends[mid] >> 32) < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < SSPR__SCAN_PATTERNS && (sspr__scan_ends[lo] >> 32) == h; lo++) {
        uint32_t pat = (uint32_t)sspr__scan_ends[lo];
        const sspr__scan_pat *sp = &sspr__scan_pats[pat];
        const unsigned char *t = sspr__scan_pool + sp->off;
        size_t k = 0;
        while (k < SSPR__SCAN_ANCHOR && sspr__lower(p[ws + k]) == t[sp->at + k])
            k++;
        if (k < SSPR__SCAN_ANCHOR || !scan_backward(s, p, a, ws, t, sp->at))
            continue;
        sspr__fold fold = {.space = 0}; /* forwards from the anchor: it may run past b */
        scan_forward(s, pat, sp->at, fold, p, ws, b);
    }
}

/* Wu-Manber over the anchors that start in p[a..b) (they may end before vis). */
static void scan_anchors(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis)
{
    const size_t m = SSPR__SCAN_ANCHOR;
    if (SSPR__SCAN_PATTERNS == 0)
        return;
    const unsigned full = (unsigned)m - 2; /* the largest shift */
    size_t lim = b + m - 1 < vis ? b + m - 1 : vis;
    size_t pos = a + m - 1;
    while (pos < lim) {
        /* Almost every window shifts fully: look at four windows at once, so
           their table loads overlap instead of waiting on each other. */
        while (pos + 3 * full < lim) {
            unsigned sum = 0;
            for (unsigned k = 0; k < 4; k++) {
                size_t q = pos + k * full;
                sum += sspr__scan_shift[sspr__scan_hash(p[q - 2], p[q - 1], p[q])];
            }
            if (sum != 4 * full)
                break;
            pos += 4 * full;
        }
        if (pos >= lim)
            break;
        unsigned h = sspr__scan_hash(p[pos - 2], p[pos - 1], p[pos]);
        unsigned sh = sspr__scan_shift[h];
        if (sh) {
            pos += sh;
            continue;
        }
        scan_anchor_at(s, p, a, b, pos + 1 - m, h);
        pos++;
    }
}

/* ---- HRESULTs -------------------------------------------------------------------- */

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
            scan_add_hr(r, v);
    }
}

/* "0x8023XXXX" (the sync engine's facility), the 'x' in p[a..b). */
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
        if (scan_hex8(p, i + 1, vis, &v) && (v >> 16) == 0x8023u)
            scan_add_hr(r, v);
    }
}

/* ---- content ----------------------------------------------------------------------- */

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

/* What the record says in p[a..b): lb bytes before p[0] can be read, vis
 * bytes from p[0] on; keep: the record goes on after b. */
static void scan_content(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis,
                         size_t lb, int keep)
{
    if (!s->rec.open || s->rec.src == SRC_FOREIGN || a >= b)
        return;
    if (s->npend) {
        scan_pend pend[SCAN_PENDING];
        uint32_t n = s->npend;
        memcpy(pend, s->pend, n * sizeof *pend);
        s->npend = 0;
        for (uint32_t i = 0; i < n; i++)
            scan_forward(s, pend[i].pat, pend[i].at, pend[i].fold, p, a, b);
    }
    scan_hr_equals(&s->rec, p, a, b, vis, lb);
    scan_hr_0x(&s->rec, p, a, b, vis, lb, 'x');
    scan_hr_0x(&s->rec, p, a, b, vis, lb, 'X');
    scan_anchors(s, p, a, b, vis);
    if (keep)
        scan_tail_add(s, p + a, b - a);
}

/* The record goes on after a line break: its messages see one. */
static void scan_line_break(scan_state *s)
{
    static const unsigned char nl[1] = {'\n'};
    if (s->rec.src == SRC_FOREIGN)
        return;
    if (s->npend) {
        scan_pend pend[SCAN_PENDING];
        uint32_t n = s->npend;
        memcpy(pend, s->pend, n * sizeof *pend);
        s->npend = 0;
        for (uint32_t i = 0; i < n; i++)
            scan_forward(s, pend[i].pat, pend[i].at, pend[i].fold, nl, 0, 1);
    }
    scan_tail_add(s, nl, 1);
}

/* ---- formats --------------------------------------------------------------------------- */

/* Format-List: "Key   : value", the key in column 0, spaces, a colon. Returns
 * the key's length and where the value starts, or 0. */
static size_t scan_fl_key(const unsigned char *p, size_t vis, size_t *val)
{
    size_t i = 0;
    while (i < vis && i < 40 && ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z'))
        i++;
    size_t k = i;
    if (k < 2 || i >= vis || p[i] != ' ')
        return 0;
    while (i < vis && p[i] == ' ')
        i++;
    if (i >= vis || p[i] != ':')
        return 0;
    i++;
    if (i < vis && p[i] != ' ' && p[i] != '\r')
        return 0;
    while (i < vis && p[i] == ' ')
        i++;
    *val = i;
    return k;
}

static void scan_fl_line(scan_state *s, const unsigned char *p, size_t vis)
{
    size_t val;
    size_t k = scan_fl_key(p, vis, &val);
    if (!k)
        return;
    if (scan_is(p, k, "ProviderName") || scan_is(p, k, "Source"))
        s->rec.src = scan_source(p + val, vis - val);
    else if (scan_is(p, k, "Id") || scan_is(p, k, "EventID"))
        s->rec.has_id = (uint8_t)scan_id(p + val, vis - val, &s->rec.id);
}

/* Event Viewer, Save All Events As, Text (Tab delimited): Level, Date and Time,
 * Source, Event ID, Task Category, then the message (quoted when it goes on
 * over several lines). Opens the record when the line is one. */
static int scan_tab_line(scan_state *s, const unsigned char *p, size_t vis)
{
    static const char *const levels[] = {"Information", "Warning", "Error", "Critical",
                                         "Verbose", "Audit Success", "Audit Failure"};
    const unsigned char *t[5];
    const unsigned char *end = p + vis;
    t[0] = memchr(p, '\t', vis < 16 ? vis : 16); /* after a level word, or not at all */
    if (!t[0])
        return 0;
    for (int i = 1; i < 5; i++) {
        t[i] = memchr(t[i - 1] + 1, '\t', (size_t)(end - t[i - 1] - 1));
        if (!t[i])
            return 0;
    }
    int level = 0;
    for (size_t i = 0; i < sizeof levels / sizeof *levels && !level; i++)
        level = scan_is(p, (size_t)(t[0] - p), levels[i]);
    uint32_t id;
    if (!level || !scan_id(t[2] + 1, (size_t)(t[3] - t[2] - 1), &id))
        return 0;
    scan_open(s, REC_TAB);
    s->rec.src = scan_source(t[1] + 1, (size_t)(t[2] - t[1] - 1));
    s->rec.has_id = 1;
    s->rec.id = id;
    size_t msg = (size_t)(t[4] - p) + 1;
    if (msg < vis && p[msg] == '"') {
        s->in_quote = 1;
        s->qstart = (uint32_t)msg + 1;
    }
    return 1;
}

/* Quoted text from p[i] on: finds the closing quote ("" is a quote inside). */
static void scan_quoted(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis)
{
    while (i < own) {
        const unsigned char *q = memchr(p + i, '"', own - i);
        if (!q)
            return;
        size_t j = (size_t)(q - p);
        if (j + 1 < vis && p[j + 1] == '"') {
            i = j + 2;
            continue;
        }
        s->in_quote = 0;
        return;
    }
    if (i > own)
        s->skip = (uint16_t)(i - own);
}

/* Export-Csv: a header row naming the columns, quoted or not. Sets the
 * provider and id columns and returns 1 when the line is such a header. */
static int scan_csv_header(scan_state *s, const unsigned char *p, size_t vis)
{
    int src = -1, id = -1, message = 0;
    size_t i = 0;
    for (int col = 0; i < vis && col < 1000; col++) {
        size_t start = i, end;
        if (p[i] == '"') {
            const unsigned char *q = memchr(p + i + 1, '"', vis - i - 1);
            if (!q)
                return 0;
            start = i + 1;
            end = (size_t)(q - p);
            i = end + 1;
        } else {
            const unsigned char *q = memchr(p + i, ',', vis - i);
            end = q ? (size_t)(q - p) : vis;
            i = end;
        }
        if (scan_is(p + start, end - start, "ProviderName") ||
            (src < 0 && scan_is(p + start, end - start, "Source")))
            src = col;
        else if (scan_is(p + start, end - start, "Id") ||
                 (id < 0 && scan_is(p + start, end - start, "EventID")))
            id = col;
        else if (scan_is(p + start, end - start, "Message"))
            message = 1;
        while (i < vis && sspr__cc_is(p[i], SSPR__CC_SPACE))
            i++;
        if (i < vis && p[i] != ',')
            return 0;
        i++;
    }
    if (src < 0 || id < 0 || !message)
        return 0;
    s->csv = 1;
    s->csv_src = (uint16_t)src;
    s->csv_id = (uint16_t)id;
    return 1;
}

static void scan_field_add(scan_state *s, const unsigned char *p, size_t n)
{
    if (s->field != s->csv_src && s->field != s->csv_id)
        return;
    if (s->field_len + n > SCAN_FIELD) {
        s->field_over = 1;
        return;
    }
    memcpy(s->field_buf + s->field_len, p, n);
    s->field_len = (uint8_t)(s->field_len + n);
}

static void scan_field_end(scan_state *s)
{
    const unsigned char *v = (const unsigned char *)s->field_buf;
    if (!s->field_over && s->field == s->csv_src)
        s->rec.src = scan_source(v, s->field_len);
    else if (!s->field_over && s->field == s->csv_id)
        s->rec.has_id = (uint8_t)scan_id(v, s->field_len, &s->rec.id);
    if (s->field < UINT16_MAX)
        s->field++;
    s->field_len = 0;
    s->field_over = 0;
    s->field_start = 1;
}

static void scan_csv_row(scan_state *s)
{
    scan_open(s, REC_CSV);
    s->field = 0;
    s->field_len = 0;
    s->field_over = 0;
    s->field_start = 1;
}

/* A CSV row's fields in p[i..own). */
static void scan_csv(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis)
{
    while (i < own) {
        if (s->in_quote) {
            const unsigned char *q = memchr(p + i, '"', own - i);
            size_t j = q ? (size_t)(q - p) : own;
            scan_field_add(s, p + i, j - i);
            if (!q)
                return;
            if (j + 1 < vis && p[j + 1] == '"') {
                scan_field_add(s, p + j, 1);
                i = j + 2;
                continue;
            }
            s->in_quote = 0;
            i = j + 1;
            continue;
        }
        unsigned char c = p[i++];
        if (c == ',')
            scan_field_end(s);
        else if (c == '"' && s->field_start) {
            s->in_quote = 1;
            s->field_start = 0;
        } else {
            scan_field_add(s, &c, 1);
            s->field_start = 0;
        }
    }
    if (i > own)
        s->skip = (uint16_t)(i - own);
}

/* wevtutil /f:xml: the provider's Name attribute. */
static void scan_xml_provider(scan_state *s, const unsigned char *p, size_t n)
{
    const unsigned char *gt = memchr(p, '>', n);
    size_t end = gt ? (size_t)(gt - p) : n;
    const unsigned char *name = scan_find(p, end, " Name=");
    if (!name)
        return;
    size_t i = (size_t)(name - p) + 6;
    if (i >= end || (p[i] != '\'' && p[i] != '"'))
        return;
    const unsigned char *q = memchr(p + i + 1, p[i], end - i - 1);
    if (q)
        s->rec.src = scan_source(p + i + 1, (size_t)(q - p) - i - 1);
}

/* <EventID Qualifiers='0'>32009</EventID> */
static void scan_xml_id(scan_state *s, const unsigned char *p, size_t n)
{
    const unsigned char *gt = memchr(p, '>', n);
    if (!gt)
        return;
    size_t i = (size_t)(gt - p) + 1;
    const unsigned char *lt = memchr(p + i, '<', n - i);
    if (lt)
        s->rec.has_id = (uint8_t)scan_id(p + i, (size_t)(lt - p) - i, &s->rec.id);
}

static int scan_tag_end(const unsigned char *p, size_t n, size_t k)
{
    return n > k && (p[k] == ' ' || p[k] == '>' || p[k] == '\t' || p[k] == '\r' || p[k] == '/');
}

/* XML in p[i..own): records from <Event to </Event>, several to a line or one
 * over many lines. */
static void scan_xml(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis,
                     size_t lb)
{
    size_t from = i;
    while (i < own) {
        const unsigned char *lt = memchr(p + i, '<', own - i);
        if (!lt)
            break;
        size_t j = (size_t)(lt - p), rest = vis - j;
        if (scan_at(p + j, rest, "</Event>")) {
            size_t end = j + 8 < own ? j + 8 : own;
            scan_content(s, p, from, end, end, lb, 0);
            scan_end_record(s);
            if (j + 8 > own)
                s->skip = (uint16_t)(j + 8 - own);
            from = i = j + 8;
            continue;
        }
        if (scan_at(p + j, rest, "<Event") && scan_tag_end(p + j, rest, 6)) {
            scan_content(s, p, from, j, j, lb, 0);
            scan_end_record(s);
            scan_open(s, REC_XML);
            from = j;
        } else if (s->rec.open && scan_at(p + j, rest, "<Provider") &&
                   scan_tag_end(p + j, rest, 9)) {
            scan_xml_provider(s, p + j, rest);
        } else if (s->rec.open && scan_at(p + j, rest, "<EventID") &&
                   scan_tag_end(p + j, rest, 8)) {
            scan_xml_id(s, p + j, rest);
        }
        i = j + 1;
    }
    if (from < own)
        scan_content(s, p, from, own, vis, lb, 1);
}

/* ---- lines ------------------------------------------------------------------------------ */

/* What a line that starts no record yet is. Opens the record it starts. */
static uint8_t scan_classify_new(scan_state *s, const unsigned char *p, size_t vis)
{
    size_t i = 0;
    while (i < vis && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (scan_blank(p + i, vis - i)) {
        s->csv = 0; /* a blank line ends a CSV table */
        return LK_SKIP;
    }
    if (p[i] == '<' && scan_find(p + i, vis - i, "<Event"))
        return LK_XML;
    if (s->csv) { /* a table's rows, up to a blank line */
        scan_csv_row(s);
        return LK_CSV;
    }
    if ((p[0] == '"' || p[0] == 'M' || p[0] == 'I' || p[0] == 'P') && scan_csv_header(s, p, vis))
        return LK_SKIP;
    if (scan_tab_line(s, p, vis))
        return LK_TAB;
    size_t val;
    if (scan_fl_key(p, vis, &val)) {
        scan_open(s, REC_FL);
        scan_fl_line(s, p, vis);
        return LK_FL;
    }
    scan_open(s, REC_FREE);
    return LK_FREE;
}

/* What the line starting at p is (its first piece: vis bytes). */
static uint8_t scan_classify(scan_state *s, const unsigned char *p, size_t vis)
{
    if (!s->rec.open)
        return scan_classify_new(s, p, vis);
    switch (s->rec.kind) {
    case REC_FL:
        if (scan_blank(p, vis)) {
            scan_end_record(s);
            return LK_SKIP;
        }
        scan_fl_line(s, p, vis);
        return LK_FL;
    case REC_TAB:
        s->qstart = 0;
        return LK_TAB;
    case REC_CSV: return LK_CSV;
    case REC_XML: return LK_XML;
    default:
        scan_end_record(s);
        return scan_classify_new(s, p, vis);
    }
}

static void scan_line_end(scan_state *s)
{
    if (s->rec.open) {
        int ends = s->rec.kind == REC_FREE ||
                   ((s->rec.kind == REC_TAB || s->rec.kind == REC_CSV) && !s->in_quote);
        if (s->rec.kind == REC_CSV) {
            if (s->in_quote)
                scan_field_add(s, (const unsigned char *)"\n", 1);
            else
                scan_field_end(s);
        }
        if (ends)
            scan_end_record(s);
        else
            scan_line_break(s);
    }
    s->line++;
}

/* One piece of a line: p[0..own) is its own, p[0..vis) can be read, and SCAN_LB
 * bytes before p when it is not the line's first. */
static void scan_piece(scan_state *s, const unsigned char *p, size_t own, size_t vis, int first,
                       int last)
{
    size_t lb = first ? 0 : SCAN_LB, start = first ? 0 : s->skip;
    s->skip = 0;
    if (first)
        s->lkind = scan_classify(s, p, vis);
    int keep = !last || (s->rec.open && s->rec.kind != REC_FREE);
    switch (s->lkind) {
    case LK_XML: scan_xml(s, p, start, own, vis, lb); break;
    case LK_CSV:
        scan_csv(s, p, start, own, vis);
        scan_content(s, p, 0, own, vis, lb, keep);
        break;
    case LK_TAB:
        if (s->in_quote)
            scan_quoted(s, p, first ? s->qstart : start, own, vis);
        scan_content(s, p, 0, own, vis, lb, keep);
        break;
    case LK_FL:
    case LK_FREE: scan_content(s, p, 0, own, vis, lb, keep); break;
    default: break;
    }
    if (last)
        scan_line_end(s);
}

/* A whole line in the caller's (or the transcoding) buffer: cut into pieces. */
static void scan_line(scan_state *s, const unsigned char *p, size_t len)
{
    for (size_t start = 0;; start += SCAN_PIECE) {
        size_t left = len - start;
        if (left <= SCAN_PIECE) {
            scan_piece(s, p + start, left, left, start == 0, 1);
            return;
        }
        scan_piece(s, p + start, SCAN_PIECE,
                   left < SCAN_PIECE + SCAN_LA ? left : SCAN_PIECE + SCAN_LA, start == 0, 0);
    }
}

/* Part of a line that the buffer cuts: into the carry, a piece at a time. */
static void scan_carry(scan_state *s, const unsigned char *p, size_t n)
{
    unsigned char *data = s->carry + SCAN_LB;
    while (n) {
        size_t room = SCAN_PIECE + SCAN_LA - s->clen, take = n < room ? n : room;
        memcpy(data + s->clen, p, take);
        s->clen += take;
        p += take;
        n -= take;
        if (s->clen == SCAN_PIECE + SCAN_LA) { /* the line goes on: its piece is whole */
            scan_piece(s, data, SCAN_PIECE, s->clen, s->lpos == 0, 0);
            memmove(s->carry, data + SCAN_PIECE - SCAN_LB, SCAN_LB + SCAN_LA);
            s->clen = SCAN_LA;
            s->lpos += SCAN_PIECE;
        }
    }
}

/* The carried line ended: its last pieces. */
static void scan_carry_end(scan_state *s)
{
    unsigned char *data = s->carry + SCAN_LB;
    int first = s->lpos == 0;
    if (s->clen > SCAN_PIECE) {
        scan_piece(s, data, SCAN_PIECE, s->clen, first, 0);
        scan_piece(s, data + SCAN_PIECE, s->clen - SCAN_PIECE, s->clen - SCAN_PIECE, 0, 1);
    } else {
        scan_piece(s, data, s->clen, s->clen, first, 1);
    }
    s->clen = 0;
    s->lpos = 0;
}

/* UTF-8 text: find the lines. */
static void scan_bytes(scan_state *s, const unsigned char *p, size_t n)
{
    while (n) {
        const unsigned char *nl = memchr(p, '\n', n);
        size_t len = nl ? (size_t)(nl - p) : n;
        if (nl && s->clen == 0 && s->lpos == 0) {
            scan_line(s, p, len); /* the common case: no copy */
        } else {
            scan_carry(s, p, len);
            if (!nl)
                return;
            scan_carry_end(s);
        }
        p += len + 1;
        n -= len + 1;
    }
}

/* ---- decoding ------------------------------------------------------------------------------ */

static size_t scan_put_utf8(uint32_t c, unsigned char *o)
{
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | c >> 6);
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12);
        o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18);
    o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* One UTF-16 code unit into UTF-8 (a lone surrogate becomes U+FFFD). */
static size_t scan_unit(scan_state *s, unsigned u, unsigned char *o)
{
    size_t n = 0;
    if (s->high) {
        unsigned hi = s->high;
        s->high = 0;
        if (u >= 0xDC00 && u <= 0xDFFF)
            return scan_put_utf8(0x10000u + ((hi - 0xD800u) << 10) + (u - 0xDC00u), o);
        n = scan_put_utf8(0xFFFD, o);
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        s->high = (uint16_t)u;
        return n;
    }
    if (u >= 0xDC00 && u <= 0xDFFF)
        return n + scan_put_utf8(0xFFFD, o + n);
    return n + scan_put_utf8(u, o + n);
}

static void scan_utf16(scan_state *s, const unsigned char *p, size_t len)
{
    unsigned char out[SCAN_DECODE];
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (!s->has_odd && !s->high && s->enc == ENC_UTF16LE) { /* ASCII runs, quickly */
            while (i + 1 < len && p[i + 1] == 0 && p[i] < 0x80 && o < SCAN_DECODE - 8)
                out[o++] = p[(i += 2) - 2];
            if (o > SCAN_DECODE - 8) {
                scan_bytes(s, out, o);
                o = 0;
            }
            if (i >= len)
                break;
        }
        if (!s->has_odd) {
            s->odd = p[i];
            s->has_odd = 1;
            continue;
        }
        s->has_odd = 0;
        unsigned u = s->enc == ENC_UTF16LE ? (unsigned)s->odd | (unsigned)p[i] << 8
                                           : (unsigned)s->odd << 8 | p[i];
        o += scan_unit(s, u, out + o);
        if (o > SCAN_DECODE - 8) {
            scan_bytes(s, out, o);
            o = 0;
        }
    }
    if (o)
        scan_bytes(s, out, o);
}

static void scan_decoded(scan_state *s, const unsigned char *p, size_t len)
{
    if (s->enc == ENC_UTF8)
        scan_bytes(s, p, len);
    else
        scan_utf16(s, p, len);
}

/* The encoding, from the first bytes: a BOM, or UTF-16LE text whose first
 * character is ASCII (a zero second byte), else UTF-8. */
static void scan_detect(scan_state *s)
{
    const unsigned char *h = s->head;
    size_t n = s->nhead, skip = 0;
    if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) {
        s->enc = ENC_UTF8;
        skip = 3;
    } else if (n >= 2 && h[0] == 0xFF && h[1] == 0xFE) {
        s->enc = ENC_UTF16LE;
        skip = 2;
    } else if (n >= 2 && h[0] == 0xFE && h[1] == 0xFF) {
        s->enc = ENC_UTF16BE;
        skip = 2;
    } else if (n >= 2 && h[0] != 0 && h[1] == 0) {
        s->enc = ENC_UTF16LE;
    } else {
        s->enc = ENC_UTF8;
    }
    s->nhead = 0;
    if (n > skip)
        scan_decoded(s, h + skip, n - skip);
}

/* ---- the public functions -------------------------------------------------------------------- */

void sspr_scan_init(sspr_scanner *scanner, sspr_scan_fn on_match, void *ctx)
{
    if (!scanner)
        return;
    scan_state *s = scan_of(scanner);
    memset(s, 0, sizeof *s);
    s->fn = on_match;
    s->ctx = ctx;
    s->line = 1;
}

void sspr_scan_feed(sspr_scanner *scanner, const void *data, size_t len)
{
    if (!scanner || !data)
        return;
    scan_state *s = scan_of(scanner);
    const unsigned char *p = data;
    while (s->enc == ENC_DETECT && len) {
        s->head[s->nhead++] = *p++;
        len--;
        if (s->nhead == 3)
            scan_detect(s);
    }
    if (len)
        scan_decoded(s, p, len);
}

void sspr_scan_finish(sspr_scanner *scanner)
{
    if (!scanner)
        return;
    scan_state *s = scan_of(scanner);
    if (s->enc == ENC_DETECT)
        scan_detect(s);
    if (s->enc == ENC_UTF16LE || s->enc == ENC_UTF16BE) {
        unsigned char o[8];
        size_t n = 0;
        if (s->high) {
            s->high = 0;
            n += scan_put_utf8(0xFFFD, o);
        }
        if (s->has_odd) {
            s->has_odd = 0;
            n += scan_put_utf8(0xFFFD, o + n);
        }
        if (n)
            scan_bytes(s, o, n);
    }
    if (s->clen || s->lpos)
        scan_carry_end(s); /* the last line had no line break */
    scan_end_record(s);
    sspr_scan_init(scanner, s->fn, s->ctx);
}
