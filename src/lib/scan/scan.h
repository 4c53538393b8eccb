/* The event-log scanner's private interface: its state and the functions its
 * stages share. Stages, one file each, each feeding the next:
 *   decode.c  bytes -> UTF-8 (BOM, UTF-16LE/BE)
 *   lines.c   UTF-8 -> lines, cut into pieces, classified by form
 *   forms.c   the export forms: their fields and record boundaries
 *   record.c  the record: opened, closed, resolved to entries, reported
 *   match.c   what a record says: HRESULTs and the catalogue's messages
 *   text.c    the small text helpers the forms use
 *   scan.c    the public sspr_scan_* functions
 * Not installed. */
#ifndef SSPR_SCAN_H
#define SSPR_SCAN_H

#include "private.h"
#include "scanfold.h"

#include <string.h>



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
typedef char sspr__scan_state_fits[sizeof(scan_state) <= SSPR_SCANNER_SIZE ? 1 : -1];

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
void sspr__scan_content(scan_state *s, const unsigned char *p, size_t a, size_t b, size_t vis,
                         size_t lb, int keep);
void sspr__scan_line_break(scan_state *s);
size_t sspr__scan_fl_key(const unsigned char *p, size_t vis, size_t *val);
void sspr__scan_fl_line(scan_state *s, const unsigned char *p, size_t vis);
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
size_t sspr__scan_put_utf8(uint32_t c, unsigned char *o);
void sspr__scan_decoded(scan_state *s, const unsigned char *p, size_t len);
void sspr__scan_detect(scan_state *s);

#endif
