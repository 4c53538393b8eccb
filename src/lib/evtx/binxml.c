/* BinXML of one EVTX record, walked in place in its chunk ([MS-EVEN6] 2.2.12,
 * libyal "Windows XML Event Log (EVTX)" section 4). Nothing is built: the walk
 * keeps an element stack of "roles" (System, EventData/Data, UserData, ...) and
 * turns into text only the values the event needs, in a fixed arena.
 *
 * Template definitions are walked where they stand in the chunk, inline at
 * their first use or at the offset an instance names, with the instance's
 * substitution values on a fixed stack; names are read at their chunk offset.
 * Every offset and length is checked against the stream or the chunk, the
 * nesting of templates and nested BinXML is limited, and so is the number of
 * tokens per record and per chunk (a template can name one nested fragment many
 * times). Statics are prefixed bx_ (the library is also built as one file). */
#include "evtx/evtx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    BX_ARENA = 80 * 1024, /* text of one record (below 128 KiB in all: allocators mmap more) */
    BX_RESERVE = 4096,    /* arena bytes kept for terminators */
    BX_VALUES = 4096,     /* substitution values of the nested instances */
    BX_ELEMS = 64,        /* element nesting */
    BX_NEST = 16,         /* template instances and nested BinXML */
    BX_RECORD_TOKENS = 1 << 17, /* a big real record takes some thousands */
    BX_CHUNK_TOKENS = 1 << 21,
};

/* What an element is to the event. */
enum {
    BX_OTHER,
    BX_EVENT,
    BX_SYSTEM,
    BX_PROVIDER,
    BX_EVENTID,
    BX_LEVEL,
    BX_TIMECREATED,
    BX_CHANNEL,
    BX_COMPUTER,
    BX_EVENTDATA,
    BX_DATA,
    BX_USERDATA,
    BX_UD /* below UserData */
};

/* Strings captured from System, by the arena offset of their text. */
enum {
    BX_F_PROVIDER,
    BX_F_CHANNEL,
    BX_F_COMPUTER,
    BX_F_EVENTID,
    BX_F_QUAL,
    BX_F_LEVEL,
    BX_F_TIME,
    BX_NF
};

/* What text is being captured into. */
enum { BX_CAP_NONE, BX_CAP_FIELD, BX_CAP_DATA, BX_CAP_LEAF, BX_CAP_DATANAME };

#define BX_NOSTR UINT32_MAX

typedef struct bx_value {
    uint32_t off;
    uint16_t size;
    uint8_t type;
} bx_value;

typedef struct bx_inst {
    const bx_value *v;
    uint32_t n;
} bx_inst;

typedef struct bx_elem {
    uint32_t name; /* chunk offset of the name */
    uint8_t role;
} bx_elem;

struct sspr__evtx_work {
    const uint8_t *c; /* the chunk */
    uint64_t chunk_budget;
    uint64_t budget;
    bx_elem elems[BX_ELEMS];
    unsigned nelems;
    int in_start;     /* inside a start tag */
    int attr;         /* an attribute is open */
    int attr_cap;     /* BX_CAP_FIELD / BX_CAP_DATANAME / BX_CAP_NONE */
    int attr_field;   /* which field, for BX_CAP_FIELD */
    int attr_nonnull; /* the attribute got something besides NULL values */
    uint32_t attr_start;
    int cap;            /* content capture, BX_CAP_* */
    int cap_field;      /* which field, for BX_CAP_FIELD */
    unsigned cap_depth; /* the capturing element's depth (nelems) */
    uint32_t cap_start;
    int cap_optnull;        /* the content had an empty optional substitution */
    int cap_other;          /* ... and something else */
    uint32_t cap_name;      /* arena offset of the value's name, or BX_NOSTR */
    uint32_t cap_elem_name; /* chunk offset of the leaf's name, for BX_CAP_LEAF */
    uint32_t data_name;     /* Data/@Name of the open Data element */
    uint32_t field[BX_NF];
    size_t ndata;
    size_t dropped;
    uint32_t dname[SSPR_EVTX_MAX_DATA];
    uint32_t dval[SSPR_EVTX_MAX_DATA];
    int truncated;
    uint32_t nvals;
    bx_value vals[BX_VALUES];
    uint32_t pos;
    char arena[BX_ARENA];
};

static uint16_t bx_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t bx_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t bx_u64(const uint8_t *p)
{
    return (uint64_t)bx_u32(p) | (uint64_t)bx_u32(p + 4) << 32;
}

size_t sspr__evtx_work_size(void)
{
    return sizeof(sspr__evtx_work);
}

void sspr__evtx_work_chunk(sspr__evtx_work *w, const uint8_t *chunk)
{
    w->c = chunk;
    w->chunk_budget = BX_CHUNK_TOKENS;
}

/* ---- text in the arena ---- */

static int bx_capturing(const sspr__evtx_work *w)
{
    if (w->in_start)
        return w->attr && w->attr_cap != BX_CAP_NONE;
    return w->cap != BX_CAP_NONE && w->cap_depth == w->nelems;
}

/* Something besides an empty optional substitution stands in the open
 * attribute or in the capturing element's content. */
static void bx_piece(sspr__evtx_work *w)
{
    if (w->in_start)
        w->attr_nonnull = 1;
    else if (w->cap_depth == w->nelems)
        w->cap_other = 1;
}

/* Rendering a value of size bytes costs tokens too: one template may name a
 * large value many times. Returns -1 when the budget is spent. */
static int bx_charge(sspr__evtx_work *w, size_t size)
{
    uint64_t cost = 1 + size / 16;
    if (w->budget < cost || w->chunk_budget < cost)
        return -1;
    w->budget -= cost;
    w->chunk_budget -= cost;
    return 0;
}

/* Room for n more text bytes; cuts (and says so) at the reserve. */
static size_t bx_room(sspr__evtx_work *w, size_t n)
{
    size_t left =
        BX_ARENA - BX_RESERVE - (w->pos < BX_ARENA - BX_RESERVE ? w->pos : BX_ARENA - BX_RESERVE);
    if (n > left) {
        w->truncated = 1;
        return left;
    }
    return n;
}

static void bx_put(sspr__evtx_work *w, const char *s, size_t n)
{
    n = bx_room(w, n);
    memcpy(w->arena + w->pos, s, n);
    w->pos += (uint32_t)n;
}

/* Ends the text begun at the current string (the caller kept its start). The
 * reserve holds the terminators of a record: at most one per field, value
 * and name. */
static void bx_nul(sspr__evtx_work *w)
{
    if (w->pos < BX_ARENA - 1) {
        w->arena[w->pos++] = '\0';
    } else {
        /* never reached in practice; keeps every string start inside the arena */
        w->arena[BX_ARENA - 1] = '\0';
        w->pos = BX_ARENA - 1;
        w->truncated = 1;
    }
}

static void bx_put_cp(sspr__evtx_work *w, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6);
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | cp >> 18);
        b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    if (bx_room(w, n) == n)
        bx_put(w, b, n);
}

/* n UTF-16LE code units to UTF-8; a lone surrogate becomes U+FFFD. */
static void bx_put_utf16(sspr__evtx_work *w, const uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII runs straight into the arena */
        size_t room = bx_room(w, n - i);
        char *o = w->arena + w->pos;
        size_t k = 0;
        while (k < room && p[1] == 0 && p[0] < 0x80) {
            o[k++] = (char)p[0];
            p += 2;
        }
        w->pos += (uint32_t)k;
        i += k;
        if (i == n || w->truncated)
            return;
        uint32_t u = bx_u16(p);
        p += 2;
        i++;
        if (u >= 0xD800 && u <= 0xDBFF && i < n) {
            uint32_t lo = bx_u16(p);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                p += 2;
                i++;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        bx_put_cp(w, u);
        if (w->truncated)
            return;
    }
}

static void bx_printf_u(sspr__evtx_work *w, uint64_t v)
{
    char b[24];
    int n = snprintf(b, sizeof b, "%llu", (unsigned long long)v);
    bx_put(w, b, (size_t)n);
}

static void bx_printf_i(sspr__evtx_work *w, int64_t v)
{
    char b[24];
    int n = snprintf(b, sizeof b, "%lld", (long long)v);
    bx_put(w, b, (size_t)n);
}

static void bx_hex(sspr__evtx_work *w, uint64_t v, int digits)
{
    char b[24];
    int n = snprintf(b, sizeof b, "0x%0*llx", digits, (unsigned long long)v);
    bx_put(w, b, (size_t)n);
}

static void bx_hexbytes(sspr__evtx_work *w, const uint8_t *p, size_t n)
{
    static const char digits[] = "0123456789ABCDEF";
    size_t room = bx_room(w, 2 * n) / 2;
    char *o = w->arena + w->pos;
    for (size_t i = 0; i < room; i++) {
        o[2 * i] = digits[p[i] >> 4];
        o[2 * i + 1] = digits[p[i] & 15];
    }
    w->pos += (uint32_t)(2 * room);
}

/* Reads back what "%.*e" printed (d.ddde+XX, prec digits) when that can be
 * done exactly without a strtod: digits below 2^53 and a power of ten of 22 or
 * less, both exact as doubles, so one multiplication or division rounds once,
 * correctly (Clinger's fast path). Returns 0 when it cannot. (strtod would pull
 * musl's 128-bit long double arithmetic into the WebAssembly module: 13 KiB.) */
static int bx_read_back(const char *b, double *out)
{
    const char *p = b;
    int neg = *p == '-';
    p += neg;
    uint64_t digits = 0;
    int nd = 0;
    for (; (*p >= '0' && *p <= '9') || *p == '.'; p++)
        if (*p != '.') {
            digits = digits * 10 + (uint64_t)(*p - '0');
            nd++;
        }
    if (*p++ != 'e' || nd > 16 || digits >= (UINT64_C(1) << 53))
        return 0;
    int esign = *p == '-' ? -1 : 1;
    p += *p == '-' || *p == '+';
    int e = 0;
    for (; *p >= '0' && *p <= '9' && e < 1000; p++)
        e = e * 10 + (*p - '0');
    e = esign * e - (nd - 1);
    if (e < -22 || e > 22)
        return 0;
    double ten = 1.0;
    for (int i = 0; i < (e < 0 ? -e : e); i++)
        ten *= 10.0; /* exact up to 10^22 */
    double v = e < 0 ? (double)digits / ten : (double)digits * ten;
    *out = neg ? -v : v;
    return 1;
}

/* The shortest %g form that reads back as the same number; where the fewer
 * digits cannot be read back exactly here (bx_read_back), the form with as
 * many digits as always read back (17 for a double, 9 for a float). */
static void bx_real(sspr__evtx_work *w, double v, int single)
{
    char b[48];
    int n, most = single ? 9 : 17, prec = most;
    if (isnan(v)) {
        bx_put(w, "nan", 3);
        return;
    }
    if (!isinf(v))
        for (int p = 1; p < most; p++) {
            double back;
            snprintf(b, sizeof b, "%.*e", p - 1, v);
            if (bx_read_back(b, &back) && (single ? (float)back == (float)v : back == v)) {
                prec = p;
                break;
            }
        }
    n = snprintf(b, sizeof b, "%.*g", prec, v);
    bx_put(w, b, (size_t)n);
}

/* ---- times ---- */

static void bx_civil(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
    /* days since 1970-01-01 to the proleptic Gregorian date */
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    uint64_t doe = (uint64_t)(days - era * 146097);
    uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    uint64_t mp = (5 * doy + 2) / 153;
    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int64_t bx_days(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    uint64_t yoe = (uint64_t)(y - era * 400);
    uint64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    uint64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* 100 ns ticks from 1601-01-01 to 1970-01-01 */
#define BX_EPOCH_DAYS 134774

void sspr__evtx_time_text(uint64_t ft, char out[29])
{
    uint64_t secs = ft / 10000000u;
    unsigned frac = (unsigned)(ft % 10000000u);
    int64_t days = (int64_t)(secs / 86400) - BX_EPOCH_DAYS;
    unsigned sod = (unsigned)(secs % 86400);
    int64_t y;
    unsigned m, d;
    bx_civil(days, &y, &m, &d);
    snprintf(out, 29, "%04u-%02u-%02uT%02u:%02u:%02u.%07uZ", (unsigned)y % 10000u, m, d, sod / 3600,
             sod / 60 % 60, sod % 60, frac);
}

static void bx_filetime(sspr__evtx_work *w, uint64_t ft)
{
    char b[29];
    sspr__evtx_time_text(ft, b);
    bx_put(w, b, 28);
}

static void bx_systime(sspr__evtx_work *w, const uint8_t *p)
{
    char b[48];
    int n =
        snprintf(b, sizeof b, "%04u-%02u-%02uT%02u:%02u:%02u.%03u0000Z", bx_u16(p), bx_u16(p + 2),
                 bx_u16(p + 6), bx_u16(p + 8), bx_u16(p + 10), bx_u16(p + 12), bx_u16(p + 14));
    bx_put(w, b, (size_t)n);
}

/* Reads the digits of s[*i..] (at most max of them) as a number. */
static unsigned bx_digits(const char *s, size_t *i, int max, int *ok)
{
    unsigned v = 0;
    int n = 0;
    while (n < max && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (unsigned)(s[*i] - '0');
        (*i)++;
        n++;
    }
    if (n == 0)
        *ok = 0;
    return v;
}

/* YYYY-MM-DDTHH:MM:SS[.fraction][Z] to FILETIME, 0 if it is not one. */
static uint64_t bx_parse_time(const char *s)
{
    size_t i = 0;
    int ok = 1;
    unsigned y = bx_digits(s, &i, 4, &ok);
    ok &= s[i++] == '-';
    unsigned mo = bx_digits(s, &i, 2, &ok);
    ok &= s[i++] == '-';
    unsigned d = ok ? bx_digits(s, &i, 2, &ok) : 0;
    ok &= s[i] == 'T' || s[i] == ' ';
    i += ok;
    unsigned h = ok ? bx_digits(s, &i, 2, &ok) : 0;
    ok &= s[i++] == ':';
    unsigned mi = ok ? bx_digits(s, &i, 2, &ok) : 0;
    ok &= s[i++] == ':';
    unsigned se = ok ? bx_digits(s, &i, 2, &ok) : 0;
    if (!ok || y < 1601 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return 0;
    uint64_t frac = 0;
    if (s[i] == '.') {
        i++;
        unsigned scale = 10000000u;
        while (s[i] >= '0' && s[i] <= '9') {
            scale /= 10;
            frac += (uint64_t)(s[i] - '0') * scale;
            i++;
        }
    }
    int64_t days = bx_days(y, mo, d) + BX_EPOCH_DAYS;
    return ((uint64_t)days * 86400u + h * 3600u + mi * 60u + se) * 10000000u + frac;
}

/* A decimal number (optionally signed, blanks around), or -1. */
static int64_t bx_parse_int(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    int neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return -1;
    int64_t v = 0;
    while (*s >= '0' && *s <= '9') {
        if (v > (INT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (*s++ - '0');
    }
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s)
        return -1;
    return neg ? -v : v;
}

/* ---- names ---- */

/* The name at chunk offset off: its UTF-16 characters and their number. */
static int bx_name_at(const sspr__evtx_work *w, uint32_t off, const uint8_t **chars, uint16_t *n)
{
    if (off > SSPR_EVTX_CHUNK - 8)
        return -1;
    uint16_t len = bx_u16(w->c + off + 6);
    if ((uint32_t)len * 2 > SSPR_EVTX_CHUNK - 8 - off)
        return -1;
    *chars = w->c + off + 8;
    *n = len;
    return 0;
}

/* Reads a name reference at *p (bounded by end) and skips the name itself when
 * it is defined right there. */
static int bx_name_ref(const sspr__evtx_work *w, uint32_t *p, uint32_t end, uint32_t *name)
{
    if (end - *p < 4)
        return -1;
    uint32_t off = bx_u32(w->c + *p);
    *p += 4;
    const uint8_t *chars;
    uint16_t n;
    if (bx_name_at(w, off, &chars, &n) != 0)
        return -1;
    if (off == *p) {
        uint32_t size = 8 + 2u * n + 2;
        if (end - *p < size)
            return -1;
        *p += size;
    }
    *name = off;
    return 0;
}

static int bx_is(const uint8_t *chars, uint16_t n, const char *ascii)
{
    size_t len = strlen(ascii);
    if (n != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (chars[2 * i] != (uint8_t)ascii[i] || chars[2 * i + 1] != 0)
            return 0;
    return 1;
}

static int bx_name_is(const sspr__evtx_work *w, uint32_t name, const char *ascii)
{
    const uint8_t *chars;
    uint16_t n;
    return bx_name_at(w, name, &chars, &n) == 0 && bx_is(chars, n, ascii);
}

static uint8_t bx_role(const sspr__evtx_work *w, uint8_t parent, uint32_t name)
{
    const uint8_t *s;
    uint16_t n;
    if (bx_name_at(w, name, &s, &n) != 0)
        return BX_OTHER;
    switch (parent) {
    case BX_USERDATA:
    case BX_UD: return BX_UD;
    case BX_EVENTDATA: return bx_is(s, n, "Data") ? BX_DATA : BX_OTHER;
    case BX_EVENT:
        if (bx_is(s, n, "System"))
            return BX_SYSTEM;
        if (bx_is(s, n, "EventData"))
            return BX_EVENTDATA;
        if (bx_is(s, n, "UserData"))
            return BX_USERDATA;
        return BX_OTHER;
    case BX_SYSTEM:
        if (bx_is(s, n, "Provider"))
            return BX_PROVIDER;
        if (bx_is(s, n, "EventID"))
            return BX_EVENTID;
        if (bx_is(s, n, "Level"))
            return BX_LEVEL;
        if (bx_is(s, n, "TimeCreated"))
            return BX_TIMECREATED;
        if (bx_is(s, n, "Channel"))
            return BX_CHANNEL;
        if (bx_is(s, n, "Computer"))
            return BX_COMPUTER;
        return BX_OTHER;
    default: return BX_OTHER;
    }
}

/* ---- the event being built ---- */

/* Stores the text begun at start as the next data value, named name. */
static void bx_data_value(sspr__evtx_work *w, uint32_t start, uint32_t name)
{
    if (w->ndata == SSPR_EVTX_MAX_DATA) {
        w->dropped++;
        w->pos = start;
        return;
    }
    bx_nul(w);
    w->dname[w->ndata] = name;
    w->dval[w->ndata] = start;
    w->ndata++;
}

/* Starts capturing the content of the innermost element, at its start tag's end. */
static void bx_content_begin(sspr__evtx_work *w)
{
    if (w->cap != BX_CAP_NONE || w->nelems == 0)
        return;
    const bx_elem *e = &w->elems[w->nelems - 1];
    int field = -1;
    switch (e->role) {
    case BX_EVENTID: field = BX_F_EVENTID; break;
    case BX_LEVEL: field = BX_F_LEVEL; break;
    case BX_CHANNEL: field = BX_F_CHANNEL; break;
    case BX_COMPUTER: field = BX_F_COMPUTER; break;
    case BX_DATA: w->cap = BX_CAP_DATA; break;
    case BX_UD: w->cap = BX_CAP_LEAF; break;
    default: return;
    }
    if (field >= 0) {
        if (w->field[field] != BX_NOSTR)
            return;
        w->cap = BX_CAP_FIELD;
        w->cap_field = field;
    }
    w->cap_depth = w->nelems;
    w->cap_start = w->pos;
    w->cap_optnull = 0;
    w->cap_other = 0;
    if (w->cap == BX_CAP_DATA)
        w->cap_name = w->data_name;
    if (w->cap == BX_CAP_LEAF) {
        w->cap_name = BX_NOSTR;
        w->cap_elem_name = e->name;
    }
}

/* A leaf's name, copied into the arena once per leaf. */
static uint32_t bx_leaf_name(sspr__evtx_work *w)
{
    if (w->cap_name == BX_NOSTR) {
        const uint8_t *chars;
        uint16_t n;
        if (bx_name_at(w, w->cap_elem_name, &chars, &n) != 0)
            return BX_NOSTR;
        uint32_t start = w->pos;
        bx_put_utf16(w, chars, n);
        bx_nul(w);
        w->cap_name = start;
    }
    return w->cap_name;
}

/* Ends the current data value (an array item or the element's end). */
static void bx_value_end(sspr__evtx_work *w)
{
    if (w->cap == BX_CAP_DATA) {
        bx_data_value(w, w->cap_start, w->cap_name);
    } else if (w->cap == BX_CAP_LEAF) {
        /* the value's text first, then its name after it */
        if (w->ndata == SSPR_EVTX_MAX_DATA) {
            w->dropped++;
            w->pos = w->cap_start;
            return;
        }
        uint32_t start = w->cap_start;
        bx_nul(w);
        uint32_t name = bx_leaf_name(w);
        w->dname[w->ndata] = name;
        w->dval[w->ndata] = start;
        w->ndata++;
    }
}

static void bx_content_end(sspr__evtx_work *w)
{
    if (w->cap == BX_CAP_NONE || w->cap_depth != w->nelems)
        return;
    if (w->cap_optnull && !w->cap_other) {
        /* only empty optional substitutions: the element is not there, nor
         * its Data/@Name, which was the last thing written before */
        w->pos = w->cap == BX_CAP_DATA && w->cap_name != BX_NOSTR ? w->cap_name : w->cap_start;
    } else if (w->cap == BX_CAP_FIELD) {
        bx_nul(w);
        w->field[w->cap_field] = w->cap_start;
    } else {
        bx_value_end(w);
    }
    w->cap = BX_CAP_NONE;
}

/* Between two items of an array. */
static void bx_item_sep(sspr__evtx_work *w)
{
    if (w->in_start || w->cap == BX_CAP_FIELD) {
        bx_put(w, "\n", 1);
        return;
    }
    bx_value_end(w);
    w->cap_start = w->pos;
}

static void bx_attr_end(sspr__evtx_work *w)
{
    if (!w->attr)
        return;
    w->attr = 0;
    if (w->attr_cap == BX_CAP_NONE)
        return;
    if (!w->attr_nonnull) {
        w->pos = w->attr_start; /* only NULL values: the attribute is absent */
        return;
    }
    bx_nul(w);
    if (w->attr_cap == BX_CAP_FIELD)
        w->field[w->attr_field] = w->attr_start;
    else
        w->data_name = w->attr_start;
}

static void bx_attr_begin(sspr__evtx_work *w, uint32_t name)
{
    w->attr = 1;
    w->attr_cap = BX_CAP_NONE;
    w->attr_nonnull = 0;
    w->attr_start = w->pos;
    if (w->nelems == 0)
        return;
    int field = -1;
    switch (w->elems[w->nelems - 1].role) {
    case BX_PROVIDER:
        if (bx_name_is(w, name, "Name"))
            field = BX_F_PROVIDER;
        break;
    case BX_EVENTID:
        if (bx_name_is(w, name, "Qualifiers"))
            field = BX_F_QUAL;
        break;
    case BX_TIMECREATED:
        if (bx_name_is(w, name, "SystemTime"))
            field = BX_F_TIME;
        break;
    case BX_DATA:
        if (w->ndata < SSPR_EVTX_MAX_DATA && w->data_name == BX_NOSTR &&
            bx_name_is(w, name, "Name"))
            w->attr_cap = BX_CAP_DATANAME;
        return;
    default: return;
    }
    if (field >= 0 && w->field[field] == BX_NOSTR) {
        w->attr_cap = BX_CAP_FIELD;
        w->attr_field = field;
    }
}

static int bx_elem_open(sspr__evtx_work *w, uint32_t name)
{
    if (w->nelems == BX_ELEMS)
        return -1;
    bx_attr_end(w);
    if (w->cap_depth == w->nelems)
        w->cap_other = 1;
    /* a UserData element with children is not a leaf */
    if (w->cap == BX_CAP_LEAF && w->cap_depth == w->nelems) {
        w->pos = w->cap_start;
        w->cap = BX_CAP_NONE;
    }
    uint8_t parent = w->nelems ? w->elems[w->nelems - 1].role : BX_OTHER;
    uint8_t role =
        w->nelems ? bx_role(w, parent, name) : (bx_name_is(w, name, "Event") ? BX_EVENT : BX_OTHER);
    w->elems[w->nelems].name = name;
    w->elems[w->nelems].role = role;
    w->nelems++;
    w->in_start = 1;
    if (role == BX_DATA)
        w->data_name = BX_NOSTR;
    return 0;
}

static int bx_elem_close(sspr__evtx_work *w, unsigned base)
{
    if (w->nelems <= base)
        return -1;
    bx_content_end(w);
    w->nelems--;
    return 0;
}

/* ---- values ---- */

static int bx_walk(sspr__evtx_work *w, uint32_t pos, uint32_t end, const bx_inst *inst, int tmpl,
                   unsigned depth);

static void bx_sid(sspr__evtx_work *w, const uint8_t *p, size_t size)
{
    if (size < 8) {
        bx_hexbytes(w, p, size);
        return;
    }
    uint64_t auth = 0;
    for (int i = 2; i < 8; i++)
        auth = auth << 8 | p[i];
    char b[48];
    int n = snprintf(b, sizeof b, "S-%u-%llu", p[0], (unsigned long long)auth);
    bx_put(w, b, (size_t)n);
    for (size_t i = 0; i < p[1] && 8 + 4 * i + 4 <= size; i++) {
        bx_put(w, "-", 1);
        bx_printf_u(w, bx_u32(p + 8 + 4 * i));
    }
}

/* Little-endian number of size bytes (1..8). */
static uint64_t bx_le(const uint8_t *p, size_t size)
{
    uint64_t v = 0;
    for (size_t i = size; i-- > 0;)
        v = v << 8 | p[i];
    return v;
}

/* Bytes a value of a fixed-size type takes, 0 for other types. */
static size_t bx_fixed_size(uint8_t type)
{
    switch (type) {
    case 0x03:
    case 0x04: return 1;
    case 0x05:
    case 0x06: return 2;
    case 0x07:
    case 0x08:
    case 0x0b:
    case 0x0d:
    case 0x14: return 4;
    case 0x09:
    case 0x0a:
    case 0x0c:
    case 0x11:
    case 0x15: return 8;
    case 0x0f:
    case 0x12: return 16;
    default: return 0;
    }
}

/* One value of a fixed-size type; p holds bx_fixed_size(type) bytes. */
static void bx_fixed(sspr__evtx_work *w, uint8_t type, const uint8_t *p)
{
    switch (type) {
    case 0x03: bx_printf_i(w, (int8_t)p[0]); break;
    case 0x04: bx_printf_u(w, p[0]); break;
    case 0x05: bx_printf_i(w, (int16_t)bx_u16(p)); break;
    case 0x06: bx_printf_u(w, bx_u16(p)); break;
    case 0x07: bx_printf_i(w, (int32_t)bx_u32(p)); break;
    case 0x08: bx_printf_u(w, bx_u32(p)); break;
    case 0x09: bx_printf_i(w, (int64_t)bx_u64(p)); break;
    case 0x0a: bx_printf_u(w, bx_u64(p)); break;
    case 0x0b: {
        float f;
        uint32_t u = bx_u32(p);
        memcpy(&f, &u, 4);
        bx_real(w, f, 1);
        break;
    }
    case 0x0c: {
        double d;
        uint64_t u = bx_u64(p);
        memcpy(&d, &u, 8);
        bx_real(w, d, 0);
        break;
    }
    case 0x0d: bx_put(w, bx_u32(p) ? "true" : "false", bx_u32(p) ? 4 : 5); break;
    case 0x0f: {
        char b[40];
        int n = snprintf(b, sizeof b, "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                         (unsigned)bx_u32(p), bx_u16(p + 4), bx_u16(p + 6), p[8], p[9], p[10],
                         p[11], p[12], p[13], p[14], p[15]);
        bx_put(w, b, (size_t)n);
        break;
    }
    case 0x11: bx_filetime(w, bx_u64(p)); break;
    case 0x12: bx_systime(w, p); break;
    case 0x14: bx_hex(w, bx_u32(p), 8); break;
    case 0x15: bx_hex(w, bx_u64(p), 16); break;
    default: break;
    }
}

/* A UTF-16 string value without its trailing NULs. */
static void bx_string(sspr__evtx_work *w, const uint8_t *p, size_t chars)
{
    while (chars > 0 && p[2 * chars - 2] == 0 && p[2 * chars - 1] == 0)
        chars--;
    bx_put_utf16(w, p, chars);
}

/* An ANSI string: NUL bytes dropped, bytes >= 0x80 read as Latin-1. */
static void bx_ansi(sspr__evtx_work *w, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n && !w->truncated; i++) {
        if (p[i] == 0)
            continue;
        if (p[i] < 0x80) {
            char ch = (char)p[i];
            bx_put(w, &ch, 1);
        } else {
            bx_put_cp(w, p[i]);
        }
    }
}

/* One value of type type and size bytes at chunk offset off. */
static void bx_scalar(sspr__evtx_work *w, uint8_t type, const uint8_t *p, size_t size)
{
    size_t need = bx_fixed_size(type);
    if (need) {
        if (size >= need)
            bx_fixed(w, type, p);
        else if (size > 0)
            bx_hexbytes(w, p, size);
        return;
    }
    switch (type) {
    case 0x00: break;
    case 0x01: bx_string(w, p, size / 2); break;
    case 0x02: bx_ansi(w, p, size); break;
    case 0x10:
        if (size == 4 || size == 8)
            bx_printf_u(w, bx_le(p, size));
        else
            bx_hexbytes(w, p, size);
        break;
    case 0x13: bx_sid(w, p, size); break;
    default: bx_hexbytes(w, p, size); break; /* binary, handles, unknown types */
    }
}

static void bx_array(sspr__evtx_work *w, uint8_t type, const uint8_t *p, size_t size)
{
    uint8_t base = type & 0x7f;
    size_t item = bx_fixed_size(base);
    if (base == 0x10)
        item = size % 8 == 0 ? 8 : 4;
    if (base == 0x01) {
        /* NUL-terminated UTF-16 strings one after another */
        size_t n = size / 2, start = 0, items = 0;
        if (n > 0 && p[2 * n - 2] == 0 && p[2 * n - 1] == 0)
            n--; /* the last item's terminator */
        for (size_t i = 0; i <= n; i++) {
            if (i == n || (p[2 * i] == 0 && p[2 * i + 1] == 0)) {
                if (items++)
                    bx_item_sep(w);
                bx_put_utf16(w, p + 2 * start, i - start);
                start = i + 1;
            }
        }
        return;
    }
    if (base == 0x02) {
        size_t n = size, start = 0, items = 0;
        if (n > 0 && p[n - 1] == 0)
            n--;
        for (size_t i = 0; i <= n; i++) {
            if (i == n || p[i] == 0) {
                if (items++)
                    bx_item_sep(w);
                bx_ansi(w, p + start, i - start);
                start = i + 1;
            }
        }
        return;
    }
    if (base == 0x13) {
        size_t i = 0, items = 0;
        while (i + 8 <= size) {
            size_t len = 8 + 4 * (size_t)p[i + 1];
            if (len > size - i)
                len = size - i;
            if (items++)
                bx_item_sep(w);
            bx_sid(w, p + i, len);
            i += len;
        }
        return;
    }
    if (item == 0) {
        bx_hexbytes(w, p, size);
        return;
    }
    for (size_t i = 0; i + item <= size && !w->truncated; i += item) {
        if (i)
            bx_item_sep(w);
        if (base == 0x10)
            bx_printf_u(w, bx_le(p + i, item));
        else
            bx_fixed(w, base, p + i);
    }
}

/* A substitution of value v of the current instance. An optional one of a
 * NULL value removes its attribute or element when nothing else stands there
 * (as evtxexport prints them); an empty string stays an empty value. */
static int bx_subst(sspr__evtx_work *w, const bx_value *v, int optional, unsigned depth)
{
    if (optional && v->type == 0x00) {
        if (!w->in_start && w->cap_depth == w->nelems)
            w->cap_optnull = 1;
        return 0;
    }
    bx_piece(w);
    if (v->type == 0x00)
        return 0;
    if (v->type == 0x21) {
        if (w->in_start)
            return 0; /* a fragment cannot stand in an attribute */
        return bx_walk(w, v->off, v->off + v->size, NULL, 0, depth + 1);
    }
    if (!bx_capturing(w))
        return 0;
    if (bx_charge(w, v->size) != 0)
        return -1;
    if (v->type & 0x80)
        bx_array(w, v->type, w->c + v->off, v->size);
    else
        bx_scalar(w, v->type, w->c + v->off, v->size);
    return 0;
}

/* A value token: type byte, then the value in the stream. */
static int bx_value_token(sspr__evtx_work *w, uint32_t *p, uint32_t end, unsigned depth)
{
    if (end - *p < 1)
        return -1;
    uint8_t type = w->c[*p];
    *p += 1;
    size_t size = bx_fixed_size(type);
    uint32_t at = *p;
    if (type == 0x01 || type == 0x02 || type == 0x21) {
        if (end - *p < 2)
            return -1;
        size = bx_u16(w->c + *p);
        if (type == 0x01)
            size *= 2;
        at = *p + 2;
    } else if (type == 0x13) {
        if (end - *p < 2)
            return -1;
        size = 8 + 4 * (size_t)w->c[*p + 1];
    } else if (type != 0x00 && size == 0) {
        return -1; /* a type whose size the stream does not give */
    }
    if (size > end - at)
        return -1;
    *p = at + (uint32_t)size;
    if (type == 0x21) {
        if (w->in_start || size == 0)
            return 0;
        return bx_walk(w, at, at + (uint32_t)size, NULL, 0, depth + 1);
    }
    bx_piece(w);
    if (!bx_capturing(w))
        return 0;
    if (bx_charge(w, size) != 0)
        return -1;
    bx_scalar(w, type, w->c + at, size);
    return 0;
}

/* A template instance at *p (after its token): the definition (inline or by
 * offset), the values, then the definition walked with them. */
static int bx_template(sspr__evtx_work *w, uint32_t *p, uint32_t end, unsigned depth)
{
    if (end - *p < 9)
        return -1;
    uint32_t def = bx_u32(w->c + *p + 5);
    *p += 9;
    uint32_t body, size;
    if (def == *p) {
        if (end - *p < 24)
            return -1;
        size = bx_u32(w->c + *p + 20);
        body = *p + 24;
        if (size > end - body)
            return -1;
        *p = body + size;
    } else {
        if (def > SSPR_EVTX_CHUNK - 24)
            return -1;
        size = bx_u32(w->c + def + 20);
        body = def + 24;
        if (size > SSPR_EVTX_CHUNK - body)
            return -1;
    }
    if (end - *p < 4)
        return -1;
    uint32_t n = bx_u32(w->c + *p);
    *p += 4;
    if (n > (end - *p) / 4 || n > BX_VALUES - w->nvals)
        return -1;
    bx_value *v = w->vals + w->nvals;
    uint32_t q = *p + 4 * n;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *d = w->c + *p + 4 * i;
        v[i].size = bx_u16(d);
        v[i].type = d[2];
        v[i].off = q;
        if (v[i].size > end - q)
            return -1;
        q += v[i].size;
    }
    *p = q;
    bx_inst inst = {v, n};
    w->nvals += n;
    int rc = bx_walk(w, body, body + size, &inst, 1, depth + 1);
    w->nvals -= n;
    return rc;
}

/* Walks the tokens in [pos, end) until an end-of-file token. tmpl: the stream is
 * a template definition (element starts carry a dependency identifier). */
static int bx_walk(sspr__evtx_work *w, uint32_t pos, uint32_t end, const bx_inst *inst, int tmpl,
                   unsigned depth)
{
    if (depth > BX_NEST)
        return -1;
    unsigned base = w->nelems;
    while (pos < end) {
        if (w->budget == 0 || w->chunk_budget == 0)
            return -1;
        w->budget--;
        w->chunk_budget--;
        uint8_t tok = w->c[pos];
        uint32_t p = pos + 1;
        uint32_t name;
        switch (tok) {
        case 0x00: return w->nelems == base ? 0 : -1;
        case 0x01:
        case 0x41:
            if (end - p < (tmpl ? 10u : 8u))
                return -1;
            p += tmpl ? 6 : 4; /* dependency identifier, data size */
            if (bx_name_ref(w, &p, end, &name) != 0)
                return -1;
            if (tok & 0x40) {
                if (end - p < 4)
                    return -1;
                p += 4; /* attribute list size */
            }
            if (bx_elem_open(w, name) != 0)
                return -1;
            break;
        case 0x02:
            if (!w->in_start || w->nelems <= base)
                return -1;
            bx_attr_end(w);
            w->in_start = 0;
            bx_content_begin(w);
            break;
        case 0x03:
            if (!w->in_start || w->nelems <= base)
                return -1;
            bx_attr_end(w);
            w->in_start = 0;
            bx_content_begin(w);
            if (bx_elem_close(w, base) != 0)
                return -1;
            break;
        case 0x04:
            if (w->in_start || bx_elem_close(w, base) != 0)
                return -1;
            break;
        case 0x05:
        case 0x45:
            if (bx_value_token(w, &p, end, depth) != 0)
                return -1;
            break;
        case 0x06:
        case 0x46:
            if (!w->in_start || bx_name_ref(w, &p, end, &name) != 0)
                return -1;
            bx_attr_end(w);
            bx_attr_begin(w, name);
            break;
        case 0x07:
        case 0x47:
        case 0x0b: {
            if (end - p < 2)
                return -1;
            uint32_t n = bx_u16(w->c + p);
            if (2 * n > end - p - 2)
                return -1;
            if (tok != 0x0b) {
                bx_piece(w);
                if (bx_capturing(w)) {
                    if (bx_charge(w, 2 * n) != 0)
                        return -1;
                    bx_put_utf16(w, w->c + p + 2, n);
                }
            }
            p += 2 + 2 * n;
            break;
        }
        case 0x08:
        case 0x48:
            if (end - p < 2)
                return -1;
            bx_piece(w);
            if (bx_capturing(w)) {
                uint32_t cp = bx_u16(w->c + p);
                bx_put_cp(w, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
            }
            p += 2;
            break;
        case 0x09:
        case 0x49:
            if (bx_name_ref(w, &p, end, &name) != 0)
                return -1;
            bx_piece(w);
            if (bx_capturing(w)) {
                static const char *const ents[][2] = {
                    {"lt", "<"}, {"gt", ">"}, {"amp", "&"}, {"quot", "\""}, {"apos", "'"}};
                size_t i = 0;
                while (i < 5 && !bx_name_is(w, name, ents[i][0]))
                    i++;
                if (i < 5) {
                    bx_put(w, ents[i][1], 1);
                } else {
                    const uint8_t *chars;
                    uint16_t n;
                    if (bx_name_at(w, name, &chars, &n) == 0) {
                        bx_put(w, "&", 1);
                        bx_put_utf16(w, chars, n);
                        bx_put(w, ";", 1);
                    }
                }
            }
            break;
        case 0x0a:
            if (bx_name_ref(w, &p, end, &name) != 0)
                return -1;
            break;
        case 0x0c:
            if (w->in_start || bx_template(w, &p, end, depth) != 0)
                return -1;
            break;
        case 0x0d:
        case 0x0e: {
            if (end - p < 3 || !inst)
                return -1;
            uint16_t id = bx_u16(w->c + p);
            p += 3;
            if (id >= inst->n || bx_subst(w, &inst->v[id], tok == 0x0e, depth) != 0)
                return -1;
            break;
        }
        case 0x0f:
            if (end - p < 3)
                return -1;
            p += 3;
            break;
        default: return -1;
        }
        pos = p;
    }
    return w->nelems == base ? 0 : -1;
}

static const char *bx_str(const sspr__evtx_work *w, uint32_t off)
{
    return off == BX_NOSTR ? NULL : w->arena + off;
}

int sspr__evtx_binxml(sspr__evtx_work *w, uint32_t start, uint32_t end, sspr__evtx_event *ev)
{
    w->budget = BX_RECORD_TOKENS;
    w->nelems = 0;
    w->in_start = 0;
    w->attr = 0;
    w->cap = BX_CAP_NONE;
    w->data_name = BX_NOSTR;
    for (int i = 0; i < BX_NF; i++)
        w->field[i] = BX_NOSTR;
    w->ndata = 0;
    w->dropped = 0;
    w->truncated = 0;
    w->nvals = 0;
    w->pos = 0;
    if (start > end || end > SSPR_EVTX_CHUNK || bx_walk(w, start, end, NULL, 0, 0) != 0)
        return -1;
    ev->provider = bx_str(w, w->field[BX_F_PROVIDER]);
    ev->channel = bx_str(w, w->field[BX_F_CHANNEL]);
    ev->computer = bx_str(w, w->field[BX_F_COMPUTER]);
    const char *s = bx_str(w, w->field[BX_F_EVENTID]);
    ev->event_id = s ? bx_parse_int(s) : -1;
    s = bx_str(w, w->field[BX_F_QUAL]);
    int64_t v = s ? bx_parse_int(s) : -1;
    ev->qualifiers = v >= 0 && v <= INT32_MAX ? (int32_t)v : -1;
    s = bx_str(w, w->field[BX_F_LEVEL]);
    v = s ? bx_parse_int(s) : -1;
    ev->level = v >= 0 && v <= INT32_MAX ? (int32_t)v : -1;
    s = bx_str(w, w->field[BX_F_TIME]);
    ev->created = s ? bx_parse_time(s) : 0;
    ev->ndata = w->ndata;
    for (size_t i = 0; i < w->ndata; i++) {
        ev->data_name[i] = bx_str(w, w->dname[i]);
        ev->data[i] = w->arena + w->dval[i];
    }
    ev->data_dropped = w->dropped;
    ev->truncated = w->truncated;
    return 0;
}
