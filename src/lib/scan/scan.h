/* The event-log scanner's private interface: its state and the functions its
 * stages share. Stages, one file each, each feeding the next:
 *   decode.c  bytes -> UTF-8 (BOM, UTF-16LE/BE)
 *   lines.c   UTF-8 -> lines, cut into pieces, classified by form
 *   forms.c   the export forms: their fields and record boundaries
 *   record.c  the record: opened, closed, resolved to entries, reported
 *   match.c   what a record says: HRESULTs and the catalogue's messages
 *   text.c    the small text helpers the forms use
 *   scan.c    the public sspr_scan_* functions
 *   evtx.c    binary .evtx files: the reader's records (src/lib/evtx) as records
 * Not installed. */
#ifndef SSPR_SCAN_H
#define SSPR_SCAN_H

#include "private.h"
#include "scanfold.h"
#include "word.h"

#include <string.h>

enum {
    SCAN_PIECE = 4096,  /* bytes of a long line handled at a time */
    SCAN_LA = 256,      /* look-ahead after a piece: the longest tag or field parsed */
    SCAN_LB = 16,       /* look-behind before a piece that is not a line's first */
    SCAN_TAIL = 512,    /* record text kept for messages that began before */
    SCAN_PENDING = 8,   /* messages half matched at the end of a line */
    SCAN_HRS = 8,       /* HRESULTs kept per record */
    SCAN_ENTS = 16,     /* message matches kept per record */
    SCAN_FIELD = 128,   /* bytes of a CSV or table field kept while it is read */
    SCAN_DECODE = 4096, /* UTF-16 transcoding buffer (stack) */
    SCAN_TEXT = 120,    /* bytes kept of a record's text field (sspr_record_text) */
    SCAN_DETAILS = 256, /* ... of its details */
    SCAN_FBUF = 960,    /* all of a record's text fields but the message */
    SCAN_MSG = 1500,    /* bytes kept of a record's message */
    SCAN_COLS = 96,     /* CSV columns mapped to record fields (audit logs have many) */
    SCAN_TCOLS = 8      /* Format-Table columns */
};

/* What a column or a label holds: a record field (sspr_record_field), or one
 * of these. */
enum {
    F_NONE = 0xFF,     /* unknown */
    F_IGNORE = 0xFE,   /* known, not kept (Task Category, Keywords, ...) */
    F_XML = 0xFD,      /* "Event Xml:": the rest of the record is its XML */
    F_INSTANCE = 0xFC, /* PowerShell's InstanceId: the event id with its qualifiers */
    F_DKEY = 0xFB,     /* an audit CSV's AdditionalDetailNKey: the next value's key */
    F_DVALUE = 0xFA,   /* an audit CSV's AdditionalDetailNValue */
    F_JUSER = 0xF9,    /* Log Analytics' TargetResources: JSON text naming the user */
    F_JINIT = 0xF8,    /* Log Analytics' InitiatedBy: JSON text naming the initiator */
    F_UTC = 0xF7,      /* a time in a column whose heading says UTC */
    F_JDETAILS = 0xF6  /* Log Analytics' AdditionalDetails: JSON text of key/value pairs */
};

/* The number of record fields (schema.def's SSPR_RECORD_FIELDS). */
enum { SCAN_NFIELDS = SSPR__RECORD_FIELD_COUNT };

enum { SRC_UNKNOWN = 0, SRC_FOREIGN = 255 }; /* else a source of schema.def */
enum { REC_FREE = 1, REC_LABEL, REC_TAB, REC_CSV, REC_XML, REC_TABLE, REC_JSON };
enum { LK_SKIP, LK_FREE, LK_LABEL, LK_TAB, LK_TABMORE, LK_CSV, LK_XML, LK_TABLE, LK_XMLTAIL };
enum { ENC_DETECT, ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE };

typedef struct {
    uint64_t line; /* where the record starts */
    uint64_t last; /* its last line so far: one with more than white space */
    uint8_t open, kind, src, has_id;
    uint8_t nhr, nent;
    uint8_t format;             /* SCAN_FORM_* */
    uint8_t in_msg;             /* labelled: the lines that follow are its message */
    uint8_t xml_tail;           /* labelled: after "Event Xml:" */
    uint8_t id_cue;             /* the id came from free text with a cue, not a field */
    uint8_t blank;              /* labelled: a blank line came since the last field */
    uint8_t msg_seen;           /* a message was given (kept in msg only for records) */
    uint8_t reason;             /* an audit record: its message is its result reason */
    uint16_t lines;             /* lines read */
    const unsigned char *defer; /* plain text: the line, copied to msg if it is a record */
    size_t defer_len;
    uint32_t id;
    uint32_t seen;     /* labelled: the labels given (a repeated one begins a record) */
    int64_t record_id; /* or -1 */
    uint32_t hr[SCAN_HRS];
    uint32_t ent[SCAN_ENTS];
    /* text fields: fbuf[toff[f] .. toff[f] + tlen[f]) for sspr_record_field f */
    uint16_t toff[SCAN_NFIELDS], tlen[SCAN_NFIELDS];
    uint16_t fused, mlen;
    char fbuf[SCAN_FBUF];
    char msg[SCAN_MSG + 1];
} scan_rec;

enum { SCAN_FOUND_MAX = 2 * SCAN_ENTS + 16 }; /* entries one record can name */

/* What sspr_scan_init_records' callback reads (sspr_record_*), built on the
 * stack when a record ends. */
struct sspr_record {
    const char *text[SCAN_NFIELDS];
    int64_t event_id, record_id;
    uint64_t line, last_line;
    size_t nhr, n;
    const uint32_t *hr;
    const sspr_entry *entries[SCAN_FOUND_MAX];
    sspr_confidence conf[SCAN_FOUND_MAX];
};

/* The forms, as `format` names them (record.c: form_names). */
enum {
    SCAN_FORM_TEXT,
    SCAN_FORM_INLINE,
    SCAN_FORM_DETAILS,
    SCAN_FORM_WEVTUTIL,
    SCAN_FORM_FL,
    SCAN_FORM_FT,
    SCAN_FORM_TAB,
    SCAN_FORM_CSV,
    SCAN_FORM_VIEWER_CSV,
    SCAN_FORM_XML,
    SCAN_FORM_EVTX,
    SCAN_FORM_JSON,
    SCAN_FORM_GRAPH_JSON,
    SCAN_FORM_LA_JSON,
    SCAN_FORM_USER_EVENTS_JSON,
    SCAN_FORM_AUDIT_CSV,
    SCAN_FORM_LA_CSV
};

/* The JSON reader's state (json.c): audit logs from Graph, the Entra portal,
 * Log Analytics, and any array of event objects. */
enum { SCAN_JVAL = 2048, SCAN_JKEY = 32, SCAN_JPATH = 4 };
typedef struct {
    uint8_t in_str, esc, uhex, is_key, expect_key, lit_n, tentative, vover, key_n;
    uint16_t uval, uhigh;
    uint16_t depth, rec_depth, list_depth;
    uint64_t objects; /* bit d: the container at depth d + 1 is an object */
    uint16_t vlen;
    uint64_t rec_line; /* the line its record began on */
    char key[SCAN_JKEY];
    char lit[24];
    char path[SCAN_JPATH][SCAN_JKEY]; /* keys of the containers opened inside the record */
    unsigned char val[SCAN_JVAL];
} scan_json;

typedef struct {
    uint32_t pat, at; /* next byte of the pattern to match */
    sspr__fold fold;
} scan_pend;

typedef struct {
    sspr_scan_fn fn;
    void *ctx;
    sspr_record_fn rfn; /* sspr_scan_init_records */
    void *rctx;
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
    /* CSV: what each column holds, the current field */
    uint8_t csv, csv_form, csv_delim, field_start, field_len, field_over;
    uint16_t field;
    uint8_t col[SCAN_COLS];
    char field_buf[SCAN_FIELD];
    /* Format-Table: the header's columns (start, end, field), the provider
       of Get-WinEvent's "ProviderName: X" group */
    uint8_t table, ntcol;
    uint16_t tcol_start[SCAN_TCOLS], tcol_end[SCAN_TCOLS];
    uint8_t tcol_field[SCAN_TCOLS];
    uint8_t group_src;
    uint8_t lead_src; /* the line before was only a source name */
    uint8_t group_len;
    char group[48];
    /* records */
    scan_rec rec;
    uint32_t npend;
    scan_pend pend[SCAN_PENDING];
    size_t tlen;
    unsigned char tail[SCAN_TAIL];
    /* audit logs: the key of the additional detail whose value comes next */
    uint8_t dkey_n;
    char dkey[40];
    uint8_t json; /* JSON_UNDECIDED, JSON_NO or JSON_YES */
    union {
        unsigned char carry[SCAN_LB + SCAN_PIECE + SCAN_LA]; /* lines.c */
        scan_json js;                                        /* json.c, instead */
    } u;
} scan_state;

enum { JSON_UNDECIDED, JSON_NO, JSON_YES };

/* The state must fit the public sspr_scanner (C99 has no _Static_assert). */
typedef char sspr__scan_state_fits[sizeof(scan_state) <= SSPR_SCANNER_SIZE ? 1 : -1];

/* The state inside a public scanner. */
static inline scan_state *sspr__scan_state_of(sspr_scanner *sc)
{
    return (scan_state *)(void *)sc->opaque.bytes;
}

int sspr__scan_at(const unsigned char *p, size_t n, const char *w);
int sspr__scan_is(const unsigned char *p, size_t n, const char *w);
uint8_t sspr__scan_source(const unsigned char *p, size_t n);
int sspr__scan_id(const unsigned char *p, size_t n, uint32_t *id);
int sspr__scan_blank(const unsigned char *p, size_t n);
const unsigned char *sspr__scan_find(const unsigned char *p, size_t n, const char *w);
void sspr__scan_open(scan_state *s, uint8_t kind);
void sspr__scan_add_hr(scan_rec *r, uint32_t hr);
void sspr__scan_add_entry(uint32_t *v, size_t *n, size_t cap, uint32_t e);
void sspr__scan_end_record(scan_state *s);
void sspr__scan_content_read(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis,
                             size_t lb, int keep);
/* What the record says in p[a..b) (match.c): lb bytes before p[0] can be
 * read, vis bytes from p[0] on; keep: the record goes on after b. Nothing
 * when no record is open or it is another provider's (most lines of an
 * export: tested here, where the line is read, without a call). */
static inline void sspr__scan_content(scan_state *s, const unsigned char *p, size_t a, size_t b,
                                      size_t vis, size_t lb, int keep)
{
    if (s->rec.open && s->rec.src != SRC_FOREIGN && a < b)
        sspr__scan_content_read(s, p, a, b, vis, lb, keep);
}
void sspr__scan_line_break(scan_state *s);
int sspr__scan_code(uint32_t v);
/* labels.c: the labelled forms ("Label: value" lines) and free text */
int sspr__scan_label_line(scan_state *s, const unsigned char *p, size_t vis, int opening);
int sspr__scan_other_label(const unsigned char *p, size_t vis);
unsigned sspr__scan_field_named(const unsigned char *p, size_t n);
void sspr__scan_xml_tail(scan_state *s, const unsigned char *p, size_t vis);
void sspr__scan_free_line(scan_state *s, const unsigned char *p, size_t vis);
int sspr__scan_table_header(scan_state *s, const unsigned char *p, size_t vis);
int sspr__scan_table_row(scan_state *s, const unsigned char *p, size_t vis);
/* record.c: fields */
void sspr__scan_set(scan_state *s, unsigned field, const unsigned char *p, size_t n);
void sspr__scan_msg_add(scan_state *s, const unsigned char *p, size_t n);
void sspr__scan_msg_raw(scan_state *s, const unsigned char *p, size_t n);
void sspr__scan_set_id(scan_state *s, const unsigned char *p, size_t n, int instance);
void sspr__scan_set_record_id(scan_state *s, const unsigned char *p, size_t n);
/* text.c */
size_t sspr__scan_trim(const unsigned char **p, size_t n);
uint8_t sspr__scan_level(const unsigned char *p, size_t n);
extern const char *const sspr__scan_level_names[]; /* by sspr__scan_level's number */
size_t sspr__scan_time(const unsigned char *p, size_t n, char *out);
int sspr__scan_tab_line(scan_state *s, const unsigned char *p, size_t vis);
void sspr__scan_quoted(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis);
int sspr__scan_csv_header(scan_state *s, const unsigned char *p, size_t vis);
void sspr__scan_field_add(scan_state *s, const unsigned char *p, size_t n);
void sspr__scan_field_end(scan_state *s);
void sspr__scan_csv_row(scan_state *s);
void sspr__scan_csv(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis);
void sspr__scan_xml(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis,
                    size_t lb);
void sspr__scan_carry_end(scan_state *s);
void sspr__scan_bytes(scan_state *s, const unsigned char *p, size_t n);
void sspr__scan_bytes_end(scan_state *s);
size_t sspr__scan_put_utf8(uint32_t c, unsigned char *o);
void sspr__scan_decoded(scan_state *s, const unsigned char *p, size_t len);
/* record.c: the text fields; an audit record's additional detail */
int sspr__scan_text_field(unsigned field);
void sspr__scan_detail(scan_state *s, const unsigned char *k, size_t kn, const unsigned char *v,
                       size_t vn);
/* json.c: the input is JSON when its first byte but white space is '{' or
   '['; then every byte goes to sspr__scan_json instead of lines.c */
void sspr__scan_json(scan_state *s, const unsigned char *p, size_t n);
void sspr__scan_json_end(scan_state *s);
/* The user or initiator a JSON text names ("userPrincipalName": "..."),
   or 0; *at is where it begins in p. */
size_t sspr__scan_json_upn(const unsigned char *p, size_t n, size_t *at);
/* The {"key": "...", "value": "..."} pairs of JSON text, as the record's
   details; returns how far the last whole pair went. */
size_t sspr__scan_json_pairs(scan_state *s, const unsigned char *p, size_t n);
/* A time in a field whose heading says UTC ("TimeGenerated [UTC]"). */
void sspr__scan_set_utc(scan_state *s, const unsigned char *p, size_t n);
void sspr__scan_detect(scan_state *s);

#endif
