/* Lines: whole lines inside the caller's buffer are used where they are; a
 * line cut by the end of a buffer is copied into the carry. A line longer than
 * SCAN_PIECE is handed on in pieces cut at fixed offsets of the line, each with
 * SCAN_LA bytes of look-ahead, so every chunking of the input gives the same
 * pieces. Each line is classified by form. */
#include "scan.h"

/* A Markdown code fence ("```"), which pastes wrap records in. */
static int scan_fence(const unsigned char *p, size_t n)
{
    return n >= 3 && p[0] == '`' && p[1] == '`' && p[2] == '`';
}

/* Does a labelled record's line hold nothing (past indentation and quote
 * marks: blank, or a code fence)? Pages put such lines between fields; they
 * are not the record's own (its last line is never one). */
static int scan_gap_rest(const unsigned char *p, size_t vis)
{
    size_t i = 0;
    while (i < vis && (p[i] == ' ' || p[i] == '\t' || p[i] == '>'))
        i++;
    return sspr__scan_blank(p + i, vis - i) || scan_fence(p + i, vis - i);
}

static inline int scan_gap(const unsigned char *p, size_t vis)
{
    if (vis && sspr__cc_is(p[0], SSPR__CC_ALPHA | SSPR__CC_DIGIT))
        return 0; /* most lines: a word at once, tested where the line is read */
    return scan_gap_rest(p, vis);
}

/* What a line that starts no record yet is. Opens the record it starts. */
static uint8_t scan_classify_new(scan_state *s, const unsigned char *p, size_t vis)
{
    size_t i = 0;
    while (i < vis && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (sspr__scan_blank(p + i, vis - i)) {
        s->csv = 0; /* a blank line ends a CSV table or a Format-Table */
        s->table = 0;
        return LK_SKIP;
    }
    if (scan_fence(p + i, vis - i))
        return LK_SKIP;
    if (p[i] == '<' && sspr__scan_find(p + i, vis - i, "<Event"))
        return LK_XML;
    if (s->csv) { /* a table's rows, up to a blank line */
        sspr__scan_csv_row(s);
        return LK_CSV;
    }
    if (s->table)
        return sspr__scan_table_row(s, p, vis) ? LK_TABLE : LK_SKIP;
    if (p[0] == '#' && sspr__scan_at(p, vis, "#TYPE "))
        return LK_SKIP; /* Export-Csv's type line */
    if (sspr__cc_is(p[0], SSPR__CC_DIGIT)) {
        /* a trace line's time stamp: no CSV or table header, TAB line or
           label starts with a digit (each would turn the line away) */
        sspr__scan_open(s, REC_FREE);
        sspr__scan_free_line(s, p, vis);
        return LK_FREE;
    }
    if (sspr__scan_csv_header(s, p, vis) || sspr__scan_table_header(s, p, vis))
        return LK_SKIP;
    if (sspr__scan_tab_line(s, p, vis))
        return LK_TAB;
    if (sspr__scan_label_line(s, p, vis, 1))
        return s->rec.open ? LK_LABEL : LK_SKIP;
    sspr__scan_open(s, REC_FREE);
    sspr__scan_free_line(s, p, vis);
    return LK_FREE;
}

/* A labelled record's next line: a field, its message, its XML, or the end. */
static uint8_t scan_classify_label(scan_state *s, const unsigned char *p, size_t vis)
{
    size_t i = 0;
    while (i < vis && (p[i] == ' ' || p[i] == '\t' || p[i] == '>'))
        i++;
    if (scan_gap(p, vis)) {
        s->rec.blank = 1; /* pages put blank lines between fields */
        return LK_SKIP;
    }
    if (s->rec.xml_tail && p[i] == '<')
        return LK_XMLTAIL;
    if (s->rec.format == SCAN_FORM_FL && i >= 2 && p[0] == ' ') { /* a field's next line */
        s->rec.blank = 0;
        s->rec.lines++;
        return s->rec.in_msg ? LK_LABEL : LK_SKIP;
    }
    if (sspr__scan_label_line(s, p, vis, 0)) {
        s->rec.blank = 0;
        return s->rec.open ? LK_LABEL : LK_SKIP;
    }
    int indented = vis && (p[0] == ' ' || p[0] == '\t');
    int fl_end = s->rec.format == SCAN_FORM_FL && s->rec.blank && !indented;
    s->rec.blank = 0;
    if (s->rec.in_msg && !fl_end) { /* Format-List's message lines are indented */
        s->rec.lines++;
        return LK_LABEL;
    }
    if (sspr__scan_other_label(p, vis)) {
        s->rec.lines++;
        return LK_LABEL; /* "Version : 0": a field not kept */
    }
    if (s->rec.format != SCAN_FORM_FL && !s->rec.msg_seen && !s->rec.xml_tail) {
        s->rec.in_msg = 1; /* "Event ID: 31001" and, below it, the text */
        s->rec.lines++;
        return LK_LABEL;
    }
    sspr__scan_end_record(s);
    return scan_classify_new(s, p, vis);
}

/* What the line starting at p is (its first piece: vis bytes). */
static uint8_t scan_classify(scan_state *s, const unsigned char *p, size_t vis)
{
    if (!s->rec.open)
        return scan_classify_new(s, p, vis);
    switch (s->rec.kind) {
    case REC_LABEL: return scan_classify_label(s, p, vis);
    case REC_TAB: s->qstart = 0; return LK_TABMORE;
    case REC_CSV: return LK_CSV;
    case REC_XML: return LK_XML;
    default: sspr__scan_end_record(s); return scan_classify_new(s, p, vis);
    }
}

static void scan_line_end(scan_state *s)
{
    if (s->rec.open) {
        int ends = s->rec.kind == REC_FREE || s->rec.kind == REC_TABLE ||
                   ((s->rec.kind == REC_TAB || s->rec.kind == REC_CSV) && !s->in_quote);
        if (s->rec.kind == REC_CSV) {
            if (s->in_quote)
                sspr__scan_field_add(s, (const unsigned char *)"\n", 1);
            else
                sspr__scan_field_end(s);
        }
        if (ends)
            sspr__scan_end_record(s);
        else
            sspr__scan_line_break(s);
    }
    s->line++;
}

/* A message line of a labelled record: its text, past indentation and quote
 * marks on the line's first piece. */
static void scan_message_piece(scan_state *s, const unsigned char *p, size_t start, size_t own,
                               int first, int label)
{
    if (!s->rec.in_msg || start >= own)
        return;
    if (first) {
        if (label)
            return; /* "Message : text": the label line gave its value */
        while (start < own && (p[start] == ' ' || p[start] == '\t' || p[start] == '>'))
            start++;
    }
    sspr__scan_msg_add(s, p + start, own - start);
}

/* One piece of a line: p[0..own) is its own, p[0..vis) can be read, and SCAN_LB
 * bytes before p when it is not the line's first. */
static void scan_piece(scan_state *s, const unsigned char *p, size_t own, size_t vis, int first,
                       int last)
{
    size_t lb = first ? 0 : SCAN_LB, start = first ? 0 : s->skip;
    s->skip = 0;
    int label_line = 0;
    if (first) {
        uint32_t seen = s->rec.open ? s->rec.seen : 0;
        s->lkind = scan_classify(s, p, vis);
        label_line = s->lkind == LK_LABEL && s->rec.seen != seen;
        if (s->rec.open && !scan_gap(p, vis))
            s->rec.last = s->line; /* the line is the record's (sspr_record_last_line) */
    }
    int keep = !last || (s->rec.open && s->rec.kind != REC_FREE);
    switch (s->lkind) {
    case LK_XML: sspr__scan_xml(s, p, start, own, vis, lb); break;
    case LK_XMLTAIL:
        if (first)
            sspr__scan_xml_tail(s, p, vis);
        break;
    case LK_CSV:
        sspr__scan_csv(s, p, start, own, vis);
        sspr__scan_content(s, p, 0, own, vis, lb, keep);
        break;
    case LK_TABMORE: /* a quoted message's next line */
        if (first)
            sspr__scan_msg_add(s, p, own > 0 && p[own - 1] == '"' ? own - 1 : own);
        /* fall through */
    case LK_TAB:
        if (s->in_quote)
            sspr__scan_quoted(s, p, first ? s->qstart : start, own, vis);
        sspr__scan_content(s, p, 0, own, vis, lb, keep);
        break;
    case LK_LABEL:
        scan_message_piece(s, p, start, own, first, label_line);
        sspr__scan_content(s, p, 0, own, vis, lb, keep);
        break;
    case LK_FREE:
        if (first && last) { /* copied only if the line turns out to be a record */
            s->rec.defer = p;
            s->rec.defer_len = own;
        } else if (first)
            sspr__scan_msg_add(s, p, own);
        sspr__scan_content(s, p, 0, own, vis, lb, keep);
        break;
    case LK_TABLE: sspr__scan_content(s, p, 0, own, vis, lb, keep); break;
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
    unsigned char *data = s->u.carry + SCAN_LB;
    while (n) {
        size_t room = SCAN_PIECE + SCAN_LA - s->clen, take = n < room ? n : room;
        memcpy(data + s->clen, p, take);
        s->clen += take;
        p += take;
        n -= take;
        if (s->clen == SCAN_PIECE + SCAN_LA) { /* the line goes on: its piece is whole */
            scan_piece(s, data, SCAN_PIECE, s->clen, s->lpos == 0, 0);
            memmove(s->u.carry, data + SCAN_PIECE - SCAN_LB, SCAN_LB + SCAN_LA);
            s->clen = SCAN_LA;
            s->lpos += SCAN_PIECE;
        }
    }
}

/* The carried line ended: its last pieces. */
void sspr__scan_carry_end(scan_state *s)
{
    unsigned char *data = s->u.carry + SCAN_LB;
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
static void scan_lines(scan_state *s, const unsigned char *p, size_t n)
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
            sspr__scan_carry_end(s);
        }
        p += len + 1;
        n -= len + 1;
    }
}

/* ---- text or JSON ---- */

enum { SCAN_HOLD = 256 }; /* bytes held while the input's form is undecided */

static int scan_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* JSON_YES when the held text opens JSON: '{' before '"' or '}', or '['
 * before '{' or ']' (a log line "[12:00:01] ..." is no JSON); JSON_NO; or
 * JSON_UNDECIDED while only white space follows the bracket (at the end of
 * the input: JSON_NO). */
static uint8_t scan_json_opens(const unsigned char *p, size_t n, int end)
{
    size_t i = 0;
    while (i < n && scan_ws(p[i]))
        i++;
    if (i == n)
        return end || n == SCAN_HOLD ? JSON_NO : JSON_UNDECIDED;
    unsigned char open = p[i++];
    if (open != '{' && open != '[')
        return JSON_NO;
    while (i < n && scan_ws(p[i]))
        i++;
    if (i == n)
        return end || n == SCAN_HOLD ? JSON_NO : JSON_UNDECIDED;
    unsigned char next = p[i];
    return (open == '{' && (next == '"' || next == '}')) ||
                   (open == '[' && (next == '{' || next == ']'))
               ? JSON_YES
               : JSON_NO;
}

/* The held bytes go to the form decided, then the rest. */
static void scan_decide(scan_state *s, uint8_t form)
{
    unsigned char held[SCAN_HOLD];
    size_t n = s->u.js.vlen;
    memcpy(held, s->u.js.val, n);
    s->json = form;
    memset(&s->u, 0, sizeof s->u);
    if (form == JSON_YES)
        sspr__scan_json(s, held, n);
    else
        scan_lines(s, held, n);
}

/* UTF-8 text: lines (lines.c), or JSON (json.c) when it opens as JSON. The
 * first bytes are held until the form is known. */
void sspr__scan_bytes(scan_state *s, const unsigned char *p, size_t n)
{
    while (s->json == JSON_UNDECIDED && n) {
        size_t take = SCAN_HOLD - s->u.js.vlen;
        if (take > n)
            take = n;
        memcpy(s->u.js.val + s->u.js.vlen, p, take);
        s->u.js.vlen = (uint16_t)(s->u.js.vlen + take);
        p += take;
        n -= take;
        uint8_t form = scan_json_opens(s->u.js.val, s->u.js.vlen, 0);
        if (form != JSON_UNDECIDED)
            scan_decide(s, form);
    }
    if (!n)
        return;
    if (s->json == JSON_YES)
        sspr__scan_json(s, p, n);
    else
        scan_lines(s, p, n);
}

/* The end of the input: what is held is decided now; JSON's last record. */
void sspr__scan_bytes_end(scan_state *s)
{
    if (s->json == JSON_UNDECIDED && s->u.js.vlen)
        scan_decide(s, scan_json_opens(s->u.js.val, s->u.js.vlen, 1));
    if (s->json == JSON_YES)
        sspr__scan_json_end(s);
}
