/* The record: opened by a form, given fields by it, closed at its end,
 * resolved to the entries it names (its event, its HRESULTs, its messages)
 * and reported: once per entry to sspr_scan_init's callback, or whole to
 * sspr_scan_init_records'. */
#include "scan.h"

#include <stdio.h>

/* The `format` names, by SCAN_FORM_* (sspr-errors(1) documents them). */
static const char *const form_names[] = {
    "text",
    "inline",
    "event-viewer-details",
    "wevtutil-text",
    "format-list",
    "format-table",
    "event-viewer-text",
    "export-csv",
    "event-viewer-csv",
    "xml",
    "evtx",
    "json",
    "graph-json",
    "log-analytics-json",
    "user-events-json",
    "audit-csv",
    "log-analytics-csv",
};
typedef char
    sspr__form_names_fit[sizeof form_names / sizeof *form_names == SCAN_FORM_LA_CSV + 1 ? 1 : -1];

/* Which record fields are text (sspr_record_text), from schema.def. */
#define SCAN_IS_TEXT_TEXT 1
#define SCAN_IS_TEXT_NUMBER 0
#define SCAN_IS_TEXT_HRESULTS 0
#define SCAN_IS_TEXT_ENTRIES 0
#define SCAN_TEXT_KIND(key, name, kind, doc) SCAN_IS_TEXT_##kind,
static const uint8_t text_fields[SCAN_NFIELDS] = {SSPR_RECORD_FIELDS(SCAN_TEXT_KIND)};
#undef SCAN_TEXT_KIND

int sspr__scan_text_field(unsigned field)
{
    return field < SCAN_NFIELDS && text_fields[field];
}

void sspr__scan_open(scan_state *s, uint8_t kind)
{
    scan_rec *r = &s->rec;
    r->open = 1;
    r->kind = kind;
    r->line = s->line;
    r->last = s->line;
    r->src = SRC_UNKNOWN;
    r->has_id = 0;
    r->id_cue = 0;
    r->nhr = 0;
    r->nent = 0;
    r->format = SCAN_FORM_TEXT;
    r->in_msg = 0;
    r->xml_tail = 0;
    r->lines = 0;
    r->defer = NULL;
    r->blank = 0;
    r->seen = 0;
    r->record_id = -1;
    memset(r->tlen, 0, sizeof r->tlen);
    r->fused = 0;
    r->mlen = 0;
    r->msg_seen = 0;
    r->reason = 0;
    s->dkey_n = 0;
    s->npend = 0;
    s->tlen = 0;
    s->in_quote = 0;
}

/* ---- fields ---- */

void sspr__scan_set(scan_state *s, unsigned field, const unsigned char *p, size_t n)
{
    scan_rec *r = &s->rec;
    char iso[40];
    if (!s->rfn && field != SSPR_RECORD_SOURCE && field != SSPR_RECORD_ACTIVITY &&
        field != SSPR_RECORD_REASON)
        return; /* only records show the fields: matching needs the source, the
                   activity and the reason */
    if (field == SSPR_RECORD_REASON) { /* byte for byte (trailing spaces are the service's) */
        size_t room = SCAN_MSG - r->mlen;
        r->reason = 1;
        r->msg_seen = 1;
        if (n > room)
            n = room;
        memcpy(r->msg + r->mlen, p, n);
        r->mlen = (uint16_t)(r->mlen + n);
        return;
    }
    n = sspr__scan_trim(&p, n);
    if (field == SSPR_RECORD_MESSAGE) {
        sspr__scan_msg_add(s, p, n);
        return;
    }
    if (field == SSPR_RECORD_FORMAT || !sspr__scan_text_field(field) || n == 0)
        return;
    if (field == SSPR_RECORD_SOURCE)
        r->src = sspr__scan_source(p, n);
    if (field == SSPR_RECORD_RESULT) {
        /* an audit record's result as its level: a failure or a timeout is an
           error, whatever level the log gives (Log Analytics' Level is the
           service's diagnostic level) */
        int failed = sspr__scan_at(p, n, "fail") || sspr__scan_at(p, n, "timeout");
        const char *level = failed ? "error"
                            : sspr__scan_at(p, n, "success") && !r->tlen[SSPR_RECORD_LEVEL]
                                ? "information"
                                : NULL;
        if (level)
            sspr__scan_set(s, SSPR_RECORD_LEVEL, (const unsigned char *)level, strlen(level));
    }
    if (field == SSPR_RECORD_LEVEL) {
        uint8_t level = sspr__scan_level(p, n);
        if (!level)
            return;
        p = (const unsigned char *)sspr__scan_level_names[level];
        n = strlen((const char *)p);
    }
    if (field == SSPR_RECORD_TIME) {
        n = sspr__scan_time(p, n, iso);
        if (!n)
            return;
        p = (const unsigned char *)iso;
    }
    size_t cap = field == SSPR_RECORD_DETAILS ? SCAN_DETAILS : SCAN_TEXT;
    if (n > cap)
        n = cap;
    if (r->fused + n + 1 > SCAN_FBUF)
        return; /* full: the fields so far stay */
    memcpy(r->fbuf + r->fused, p, n);
    r->fbuf[r->fused + n] = '\0';
    r->toff[field] = r->fused;
    r->tlen[field] = (uint16_t)n;
    r->fused = (uint16_t)(r->fused + n + 1);
}

/* The message: bytes appended as they are (up to SCAN_MSG). */
void sspr__scan_msg_raw(scan_state *s, const unsigned char *p, size_t n)
{
    scan_rec *r = &s->rec;
    r->msg_seen = 1;
    if (!s->rfn)
        return; /* the message is kept for records only; matching reads the text itself */
    size_t room = SCAN_MSG - r->mlen;
    if (n > room)
        n = room;
    memcpy(r->msg + r->mlen, p, n);
    r->mlen = (uint16_t)(r->mlen + n);
}

/* The message: a line of it appended, lines joined by one line break. */
void sspr__scan_msg_add(scan_state *s, const unsigned char *p, size_t n)
{
    scan_rec *r = &s->rec;
    r->msg_seen = 1;
    if (!s->rfn)
        return;
    while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
        n--;
    if (r->mlen && r->mlen < SCAN_MSG)
        r->msg[r->mlen++] = '\n';
    sspr__scan_msg_raw(s, p, n);
}

void sspr__scan_set_utc(scan_state *s, const unsigned char *p, size_t n)
{
    char iso[48];
    size_t k = sspr__scan_time(p, n, iso);
    if (k && iso[k - 1] != 'Z')
        iso[k++] = 'Z';
    if (k)
        sspr__scan_set(s, SSPR_RECORD_TIME, (const unsigned char *)iso, k);
}

/* An audit record's additional detail: "key: value" appended to its details
 * ("; " between two). */
void sspr__scan_detail(scan_state *s, const unsigned char *k, size_t kn, const unsigned char *v,
                       size_t vn)
{
    scan_rec *r = &s->rec;
    char d[SCAN_DETAILS + 1];
    size_t o = 0;
    if (!s->rfn)
        return;
    kn = sspr__scan_trim(&k, kn);
    vn = sspr__scan_trim(&v, vn);
    if (!kn && !vn)
        return;
    if (r->tlen[SSPR_RECORD_DETAILS]) {
        o = r->tlen[SSPR_RECORD_DETAILS];
        if (o + 2 >= SCAN_DETAILS)
            return; /* full: the details so far stay */
        memcpy(d, r->fbuf + r->toff[SSPR_RECORD_DETAILS], o);
        d[o++] = ';';
        d[o++] = ' ';
    }
    for (size_t i = 0; i < kn && o < SCAN_DETAILS; i++)
        d[o++] = (char)k[i];
    if (kn && o + 2 < SCAN_DETAILS) {
        d[o++] = ':';
        d[o++] = ' ';
    }
    for (size_t i = 0; i < vn && o < SCAN_DETAILS; i++)
        d[o++] = (char)v[i];
    sspr__scan_set(s, SSPR_RECORD_DETAILS, (const unsigned char *)d, o);
}

/* An event id; instance: PowerShell's InstanceId, whose high bits are the
 * qualifiers. */
void sspr__scan_set_id(scan_state *s, const unsigned char *p, size_t n, int instance)
{
    uint32_t id;
    if (!sspr__scan_id(p, n, &id))
        return;
    if (instance)
        id &= 0xFFFFu;
    s->rec.has_id = 1;
    s->rec.id = id;
}

/* A record number (EventRecordID, Index, RecordId); nothing unless p[0..n) is one. */
void sspr__scan_set_record_id(scan_state *s, const unsigned char *p, size_t n)
{
    uint32_t v;
    if (sspr__scan_id(p, n, &v))
        s->rec.record_id = v;
}

void sspr__scan_add_hr(scan_rec *r, uint32_t hr)
{
    for (uint8_t i = 0; i < r->nhr; i++)
        if (r->hr[i] == hr)
            return;
    if (r->nhr < SCAN_HRS)
        r->hr[r->nhr++] = hr;
}

void sspr__scan_add_entry(uint32_t *v, size_t *n, size_t cap, uint32_t e)
{
    for (size_t i = 0; i < *n; i++)
        if (v[i] == e)
            return;
    if (*n < cap)
        v[(*n)++] = e;
}

/* ---- fields the message tells ---- */

/* The first w (ASCII, any case) in t[0..n): its first letter is looked for
 * in both cases with memchr, then the rest compared. */
static const char *find_word(const char *t, size_t n, const char *w)
{
    size_t k = strlen(w);
    const char *best = NULL;
    int lo = sspr__lower((unsigned char)w[0]);
    for (int c = 0; c < 2; c++) {
        int c0 = c ? lo - 'a' + 'A' : lo;
        if (c && (lo < 'a' || lo > 'z'))
            break; /* no case */
        size_t lim = best ? (size_t)(best - t) : n;
        for (const char *q = t; lim - (size_t)(q - t) >= k;) {
            q = memchr(q, c0, lim - (size_t)(q - t) - k + 1);
            if (!q)
                break;
            if (sspr__scan_at((const unsigned char *)q, k, w)) {
                best = q;
                break;
            }
            q++;
        }
    }
    return best;
}

static int upn_char(int c)
{
    return sspr__cc_is(c, SSPR__CC_ALPHA | SSPR__CC_DIGIT) || c == '.' || c == '_' || c == '-' ||
           c == '+' || c == '%';
}

/* TrackingId: <id>, <OperationWord>, Details: ... The id is whatever stands
 * before the comma; it is the record's tracking id when it looks like one (8
 * hex digits or dashes or more): an id the poster replaced ("<GUID>",
 * "xxxxxxxx") is none, which must not join unrelated records, but the
 * operation word after it still counts. */
static void tracking(scan_state *s, const char *m, size_t n)
{
    const char *t = find_word(m, n, "trackingid:");
    if (!t)
        return;
    size_t i = (size_t)(t - m) + 11, start, hexish = 0;
    while (i < n && m[i] == ' ')
        i++;
    for (start = i;
         i < n && i - start < 80 && m[i] != ',' && m[i] != ' ' && m[i] != '\n' && m[i] != '\r'; i++)
        hexish += sspr__hexval((unsigned char)m[i]) >= 0 || m[i] == '-';
    if (i == start || (i < n && m[i] != ',' && m[i] != ' ' && m[i] != '\n' && m[i] != '\r'))
        return; /* no id, or a word too long to be one */
    if (hexish == i - start && i - start >= 8)
        sspr__scan_set(s, SSPR_RECORD_TRACKING_ID, (const unsigned char *)m + start, i - start);
    while (i < n && (m[i] == ',' || m[i] == ' '))
        i++;
    for (start = i; i < n && sspr__cc_is((unsigned char)m[i], SSPR__CC_ALPHA); i++)
        ;
    if (i - start >= 6 && (i == n || m[i] == ',' || m[i] == '\n' || m[i] == '\r'))
        sspr__scan_set(s, SSPR_RECORD_OPERATION, (const unsigned char *)m + start, i - start);
}

/* The UPN around the '@' at, in m[0..n): its span in [*a, *b); 0 if none. */
static int upn_around(const char *m, size_t n, const char *at, const char **a, const char **b)
{
    const char *p = at, *q = at + 1, *end = m + n;
    while (p > m && upn_char((unsigned char)p[-1]))
        p--;
    int dot = 0;
    while (q < end && upn_char((unsigned char)*q))
        dot |= *q++ == '.';
    while (q > at + 1 && (q[-1] == '.' || q[-1] == '-'))
        q--;
    *a = p;
    *b = q;
    return p < at && dot && q - at > 3;
}

/* Does the label w (lower case, ASCII) end just before p, then ':' or
 * spaces ("AdminUpn: x@y", "UserPrincipalName x@y")? */
static int labelled(const char *m, const char *p, const char *w)
{
    size_t k = strlen(w);
    while (p > m && (p[-1] == ' ' || p[-1] == ':' || p[-1] == '='))
        p--;
    if ((size_t)(p - m) < k)
        return 0;
    const char *l = p - k;
    return sspr__scan_at((const unsigned char *)l, k, w) &&
           (l == m || !upn_char((unsigned char)l[-1]));
}

/* The user: a UPN labelled UserPrincipalName, else the first UPN not
 * labelled AdminUpn (an admin's reset names the admin first: that UPN is the
 * initiator), else the first DN ("CN=...,DC=..."). */
static void user(scan_state *s, const char *m, size_t n)
{
    const char *first = NULL, *first_end = NULL;
    for (const char *at = memchr(m, '@', n); at;
         at = memchr(at + 1, '@', n - (size_t)(at + 1 - m))) {
        const char *a, *b;
        if (upn_around(m, n, at, &a, &b)) {
            if (labelled(m, a, "adminupn")) {
                sspr__scan_set(s, SSPR_RECORD_INITIATOR, (const unsigned char *)a, (size_t)(b - a));
            } else if (labelled(m, a, "userprincipalname")) {
                first = a, first_end = b;
                break;
            } else if (!first) {
                first = a, first_end = b;
            }
        }
        if (at + 1 >= m + n)
            break;
    }
    if (first) {
        sspr__scan_set(s, SSPR_RECORD_USER, (const unsigned char *)first,
                       (size_t)(first_end - first));
        return;
    }
    const char *cn = find_word(m, n, "CN=");
    if (!cn)
        return;
    size_t left = n - (size_t)(cn - m), last = 0;
    for (size_t i = 0; i + 3 < left && i < 300; i++)
        if ((i == 0 || cn[i - 1] == ',') &&
            sspr__scan_at((const unsigned char *)cn + i, left - i, "DC="))
            last = i + 3;
    if (!last)
        return;
    while (last < left && (sspr__cc_is((unsigned char)cn[last], SSPR__CC_ALPHA | SSPR__CC_DIGIT) ||
                           cn[last] == '-'))
        last++;
    sspr__scan_set(s, SSPR_RECORD_USER, (const unsigned char *)cn, last);
}

/* The first exception type name: a dotted name that ends in "Exception". */
static void exception(scan_state *s, const char *m, size_t n)
{
    for (const char *e = find_word(m, n, "Exception"); e;
         e = find_word(e + 9, n - (size_t)(e + 9 - m), "Exception")) {
        const char *a = e, *b = e + 9;
        while (a > m && (sspr__cc_is((unsigned char)a[-1], SSPR__CC_ALPHA | SSPR__CC_DIGIT) ||
                         a[-1] == '.' || a[-1] == '_'))
            a--;
        if (b < m + n && sspr__cc_is((unsigned char)*b, SSPR__CC_ALPHA | SSPR__CC_DIGIT))
            continue; /* "Exceptions", "ExceptionType" */
        if (memchr(a, '.', (size_t)(e - a)) && b - a > 12) {
            sspr__scan_set(s, SSPR_RECORD_EXCEPTION, (const unsigned char *)a, (size_t)(b - a));
            return;
        }
    }
}

/* ---- resolving ---- */

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

/* Entries found, each with how sure. */
typedef struct {
    uint32_t e[SCAN_FOUND_MAX];
    uint8_t conf[SCAN_FOUND_MAX];
    size_t n;
} found;

static void found_add(found *f, uint32_t e, sspr_confidence c)
{
    size_t before = f->n;
    sspr__scan_add_entry(f->e, &f->n, SCAN_FOUND_MAX, e);
    if (f->n > before)
        f->conf[f->n - 1] = (uint8_t)c;
}

/* The entries that are the record's event: source and id; several (ADSync
 * 6329) are told apart by an HRESULT of the record. An id read from free text
 * without a source (an inline paste: "Event ID 33004: ...") names the
 * catalogue's events of that code, with medium confidence. */
static void scan_resolve_event(const scan_rec *r, found *out)
{
    const sspr_entry *hits[16];
    unsigned src = r->src == SRC_UNKNOWN ? 0 : r->src;
    sspr_confidence c = src && !r->id_cue ? SSPR_CONFIDENCE_HIGH : SSPR_CONFIDENCE_MEDIUM;
    size_t k = sspr_by_code(src ? sspr__source_name(src) : NULL, r->id, hits, 16);
    size_t is = 0;
    const struct sspr_entry *mine[16];
    for (size_t i = 0; i < k && i < 16; i++)
        if (hits[i]->code == (int64_t)r->id &&
            (src ? hits[i]->source == src : hits[i]->source != SSPR__SOURCE_SSPR))
            mine[is++] = hits[i];
    for (size_t i = 0; i < is; i++) {
        int pick = is == 1;
        for (uint8_t h = 0; h < r->nhr && !pick; h++)
            pick = scan_is_hresult(mine[i], r->hr[h]);
        if (pick)
            found_add(out, mine[i]->index, c);
    }
}

static void scan_resolve_hresults(const scan_rec *r, found *out)
{
    for (uint8_t h = 0; h < r->nhr; h++) {
        const sspr_entry *hits[16];
        size_t k = sspr_by_hresult(r->hr[h], hits, 16);
        for (size_t i = 0; i < k && i < 16; i++) {
            const struct sspr_entry *e = hits[i];
            if (!scan_is_hresult(e, r->hr[h]) || !scan_fits(r, e))
                continue;
            if (r->has_id && e->code >= 0 && e->code != (int64_t)r->id)
                continue; /* another event with this HRESULT */
            found_add(out, e->index, SSPR_CONFIDENCE_HIGH);
        }
    }
}

/* A pasted record (not an export's): an id without a source still names the
 * catalogue's events of that code, with less confidence. An export's record
 * always has its provider: one without is cut off, and not ours to guess. */
static int pasted(const scan_rec *r)
{
    return r->kind == REC_LABEL && r->format != SCAN_FORM_FL && r->format != SCAN_FORM_WEVTUTIL;
}

/* A record's entries, best first: its event, its HRESULTs, its messages. */
/* An audit record's reason, then its activity, looked up whole: the entries
 * lookup is sure of (a name, an alias or a message of the entry). */
static void scan_resolve_audit(const scan_rec *r, found *out)
{
    for (int what = 0; what < 2; what++) {
        char q[SCAN_MSG + 1];
        size_t n = 0;
        if (what == 0 && r->reason) {
            n = r->mlen;
            memcpy(q, r->msg, n);
        } else if (what == 1 && r->tlen[SSPR_RECORD_ACTIVITY]) {
            n = r->tlen[SSPR_RECORD_ACTIVITY];
            memcpy(q, r->fbuf + r->toff[SSPR_RECORD_ACTIVITY], n);
        }
        if (!n)
            continue;
        q[n] = '\0';
        sspr_result res[8];
        size_t k = sspr_lookup_results(q, res, 8);
        for (size_t i = 0; i < k && i < 8; i++)
            /* the whole field is the string: an audit entry's, even a plain one
               ("User successfully reset password"), is its string */
            if ((res[i].confidence == SSPR_CONFIDENCE_HIGH ||
                 (res[i].confidence == SSPR_CONFIDENCE_MEDIUM &&
                  res[i].entry->kind == SSPR__KIND_AUDIT)) &&
                scan_fits(r, res[i].entry))
                found_add(out, res[i].entry->index, SSPR_CONFIDENCE_HIGH);
    }
}

static void resolve(const scan_rec *r, found *out)
{
    out->n = 0;
    if (r->has_id && (r->src || r->id_cue || pasted(r)))
        scan_resolve_event(r, out);
    scan_resolve_hresults(r, out);
    scan_resolve_audit(r, out);
    /* the messages: first those of the record's own event (which of the
       entries sharing its code the text means), then the others, each in
       the order of the text */
    for (int own = 1; own >= 0; own--)
        for (uint8_t i = 0; i < r->nent; i++) {
            const struct sspr_entry *e = &sspr__entries[r->ent[i]];
            int mine = r->has_id && e->code == (int64_t)r->id && r->src != SRC_UNKNOWN &&
                       e->source == r->src;
            if (mine == own && scan_fits(r, e))
                found_add(out, r->ent[i], SSPR_CONFIDENCE_HIGH);
        }
}

/* ---- reporting ---- */

static void report_record(scan_state *s, const found *f)
{
    scan_rec *r = &s->rec;
    struct sspr_record rec;
    memset(&rec, 0, sizeof rec);
    r->msg[r->mlen] = '\0';
    if (r->mlen && !r->reason) {
        tracking(s, r->msg, r->mlen);
        user(s, r->msg, r->mlen);
        exception(s, r->msg, r->mlen);
    }
    if (r->kind == REC_LABEL && r->lines <= 1 && r->format == SCAN_FORM_DETAILS)
        r->format = SCAN_FORM_INLINE;
    rec.text[SSPR_RECORD_FORMAT] = form_names[r->format];
    for (unsigned i = SSPR_RECORD_SOURCE; i < SCAN_NFIELDS; i++)
        if (r->tlen[i] && sspr__scan_text_field(i))
            rec.text[i] = r->fbuf + r->toff[i];
    rec.text[SSPR_RECORD_MESSAGE] = r->mlen ? r->msg : NULL;
    if (r->reason)
        rec.text[SSPR_RECORD_REASON] = r->msg;
    rec.event_id = r->has_id ? (int64_t)r->id : -1;
    rec.record_id = r->record_id;
    rec.line = r->line;
    rec.last_line = r->last;
    rec.nhr = r->nhr;
    rec.hr = r->hr;
    rec.n = f->n;
    for (size_t i = 0; i < f->n; i++) {
        rec.entries[i] = &sspr__entries[f->e[i]];
        rec.conf[i] = (sspr_confidence)f->conf[i];
    }
    s->rfn(s->rctx, &rec);
}

void sspr__scan_end_record(scan_state *s)
{
    scan_rec *r = &s->rec;
    if (!r->open)
        return;
    r->open = 0;
    s->npend = 0;
    s->tlen = 0;
    s->in_quote = 0;
    int named = r->nhr || r->nent || (r->has_id && (r->src || r->id_cue || pasted(r))) ||
                r->reason || r->tlen[SSPR_RECORD_ACTIVITY];
    if (r->src == SRC_FOREIGN)
        named = 0;
    found f;
    f.n = 0;
    if (named)
        resolve(r, &f);
    if (s->rfn) {
        if (r->defer && named)
            sspr__scan_msg_add(s, r->defer, r->defer_len);
        r->defer = NULL;
        /* plain text, or a "Label: value" line or two (an e-mail's "Date:"),
           is a record only when it names something or an event */
        int labelled_event = r->kind == REC_LABEL && (r->has_id || r->tlen[SSPR_RECORD_SOURCE] ||
                                                      r->format == SCAN_FORM_WEVTUTIL);
        int empty_json = r->kind == REC_JSON && !r->fused && !r->mlen && !r->has_id;
        if (named || labelled_event || (r->kind != REC_FREE && r->kind != REC_LABEL && !empty_json))
            report_record(s, &f);
        return;
    }
    /* one call per entry, in catalogue order */
    for (size_t i = 1; i < f.n; i++) {
        uint32_t x = f.e[i];
        size_t j = i;
        for (; j > 0 && f.e[j - 1] > x; j--)
            f.e[j] = f.e[j - 1];
        f.e[j] = x;
    }
    for (size_t i = 0; i < f.n; i++)
        if (s->fn)
            s->fn(s->ctx, &sspr__entries[f.e[i]], r->line);
}
