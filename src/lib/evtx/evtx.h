/* The library's own reader of binary Windows XML Event Log files (.evtx):
 * internal, not installed. It depends on nothing else in the library.
 *
 * A file is a 4096-byte header and 64 KiB chunks; a chunk holds records, and a
 * record holds one event as binary XML (BinXML) whose names and templates live
 * elsewhere in the same chunk. The reader walks the BinXML in place and keeps
 * only what the library needs: the System fields and the EventData/UserData
 * values. Formats: libyal "Windows XML Event Log (EVTX)" and [MS-EVEN6].
 *
 * Values become UTF-8 text the way evtxexport prints them, except times:
 *   strings        UTF-16LE to UTF-8 (lone surrogates become U+FFFD), trailing
 *                  NULs dropped; ANSI strings byte for byte (bytes >= 0x80 as
 *                  Latin-1)
 *   integers       decimal; bool "true"/"false"; reals the shortest "%g" form
 *                  that reads back to the same value
 *   HexInt32/64    0x%08x / 0x%016llx; size_t (4 or 8 bytes) decimal
 *   binary         upper-case hex; GUID {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}
 *   FILETIME and SYSTEMTIME
 *                  YYYY-MM-DDTHH:MM:SS.fffffffZ (UTC, 7 digits as Windows 10
 *                  prints them; evtxexport prints 9)
 *   SID            S-1-5-21-...
 *   arrays         one item after another: inside an EventData/Data element or
 *                  a UserData leaf each item is its own data value (with the
 *                  same name), as Windows repeats the element; elsewhere the
 *                  items are joined by "\n"
 *   nested BinXML  (type 0x21) walked as if it stood in place of the
 *                  substitution, so a UserData fragment gives its leaves.
 * An optional substitution of a NULL value removes the attribute or element
 * it is all of (no Qualifiers, no Data value), as evtxexport does; an empty
 * string stays an empty value.
 *
 * Damage never stops the reader; it is counted in sspr__evtx_stats:
 *   - a file header with a bad signature or checksum is counted (header_bad)
 *     and chunks are still looked for at 4096 + n * 65536;
 *   - every chunk present is read until the end of the input, whatever the
 *     header's chunk count says (dirty files have stale headers);
 *   - a chunk with a bad signature is skipped (counted), and so is one whose
 *     header checksum fails unless its records checksum holds (the header
 *     checksum also covers the string and template tables, which this reader
 *     does not use; the records checksum vouches for the offsets it does use);
 *   - unused space is not damage (chunks_empty): a chunk slot whose 512 header
 *     bytes are all zero, and, when the file header is good, a slot past the
 *     chunks it counts that has no chunk signature (stale preallocated space);
 *   - the last partial chunk of a truncated file is skipped (counted);
 *   - a chunk whose records checksum fails is still read (chunks_bad_crc): each
 *     record is checked on its own (signature, size, size copy, BinXML);
 *   - no checksum is checked when the file or chunk header has flag 0x4 (files
 *     written without checksums);
 *   - a record that fails any check is skipped (counted). When its size and
 *     size copy agree the next record is looked for right after it; otherwise
 *     the rest of the chunk is scanned byte by byte for a record whose
 *     size and copy agree (the recovery libyal describes);
 *   - BinXML work is bounded: nesting depth (elements, templates, nested BinXML)
 *     and the number of tokens per record and per chunk; going over skips the
 *     record. Text beyond the work space is cut (ev->truncated).
 * Records are not deduplicated by record id. */
#ifndef SSPR_EVTX_H
#define SSPR_EVTX_H

#include <stddef.h>
#include <stdint.h>

enum { SSPR_EVTX_HEADER = 4096, SSPR_EVTX_CHUNK = 65536, SSPR_EVTX_MAX_DATA = 64 };

typedef struct sspr__evtx_event {
    uint64_t offset;      /* file offset of the record ("**\0\0") */
    uint64_t record_id;   /* from the record header */
    uint64_t written;     /* record header FILETIME */
    uint64_t created;     /* System/TimeCreated/@SystemTime as FILETIME, 0 if absent */
    const char *provider; /* System/Provider/@Name, UTF-8 NUL-terminated, NULL if absent */
    const char *channel;  /* System/Channel */
    const char *computer; /* System/Computer */
    int64_t event_id;     /* System/EventID, -1 if absent */
    int32_t qualifiers;   /* EventID/@Qualifiers, -1 if absent */
    int32_t level;        /* System/Level, -1 if absent */
    size_t ndata;         /* EventData/Data values (or UserData leaf values), in order */
    /* Data/@Name, or for a UserData leaf the leaf element's name; NULL if none */
    const char *data_name[SSPR_EVTX_MAX_DATA];
    const char *data[SSPR_EVTX_MAX_DATA]; /* the value as UTF-8 text ("" if empty) */
    size_t data_dropped;                  /* values past SSPR_EVTX_MAX_DATA, not stored */
    int truncated;                        /* some text did not fit in the work space and was cut */
} sspr__evtx_event;

typedef struct sspr__evtx_stats {
    uint64_t chunks, chunks_skipped, records, records_skipped;
    uint64_t first_skip_offset; /* file offset of the first thing skipped; valid if any skipped */
    int header_bad, dirty;      /* file header failed its checks; header says dirty */
    uint64_t chunks_empty;      /* chunk slots of unused space, not counted as skipped */
    uint64_t chunks_bad_crc;    /* chunks read although one of their checksums failed */
} sspr__evtx_stats;

typedef void (*sspr__evtx_fn)(void *ctx, const sspr__evtx_event *ev);

/* read callback: fills up to len bytes, returns bytes read, 0 at end, <0 on error */
typedef long long (*sspr__evtx_read_fn)(void *ctx, void *buf, size_t len);

/* Reads a whole file: either from memory (mem,len; rd NULL) or through rd (mem NULL).
 * Returns 0 when the input ended normally, -1 on a read error or out of memory.
 * Memory bounded: one 64 KiB chunk plus fixed work space, allocated once per
 * call and freed before returning. stats may be NULL; on_event may be NULL.
 * Strings pointed to by an event are valid only during the callback. */
int sspr__evtx_read(const void *mem, size_t len, sspr__evtx_read_fn rd, void *rctx,
                    sspr__evtx_fn on_event, void *ctx, sspr__evtx_stats *stats);

/* true when p starts with "ElfFile\0" (n >= 8) */
int sspr__evtx_magic(const void *p, size_t n);

/* ---- shared between evtx.c and binxml.c ---- */

/* The BinXML walker's work space; its size is fixed (sspr__evtx_work_size). */
typedef struct sspr__evtx_work sspr__evtx_work;

size_t sspr__evtx_work_size(void);
/* Prepares w for a new chunk (per-chunk budget and caches). */
void sspr__evtx_work_chunk(sspr__evtx_work *w, const uint8_t *chunk);
/* Reads the BinXML of one record, bytes [start, end) of the chunk given to
 * sspr__evtx_work_chunk, into ev (whose offset, record_id and written the caller
 * sets). Returns 0, or -1 when the record is damaged. */
int sspr__evtx_binxml(sspr__evtx_work *w, uint32_t start, uint32_t end, sspr__evtx_event *ev);

/* FILETIME (100 ns ticks since 1601) as YYYY-MM-DDTHH:MM:SS.fffffffZ; out holds 29 bytes. */
void sspr__evtx_time_text(uint64_t filetime, char out[29]);

#endif
