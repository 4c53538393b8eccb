/* Operations: the records of one password reset, change or writeback joined
 * into what a helpdesk calls one attempt (the incidents and report commands).
 *
 * Records are fed in the order they are read (sspr_scan_init_records'
 * callback); an operation is a group of records joined by
 *   - PasswordResetService's TrackingId (its start, then its success or
 *     failure);
 *   - the Entra audit log's correlation id;
 *   - an ADSync 6329 (or any record with an HRESULT) joined to the failure
 *     of the same HRESULT within OPS_HR_WINDOW seconds (either side first);
 *   - a cloud operation and an on-premises one of the same user within
 *     OPS_USER_WINDOW seconds (the two sides of one writeback).
 * A record that none of these joins is an operation of its own when it names
 * a catalogue entry (a failure without a TrackingId, a pasted line).
 *
 * Streaming: an operation is handed to the callback once it can no longer
 * grow: when ops_tick says that every input has passed its last record by
 * more than OPS_CLOSE seconds, or at ops_finish. The inputs are read side by
 * side in time (scan_files_in_time), so the Connect server's event log and the
 * cloud's audit log, given as two files, join as if they were one. Memory
 * grows with the open operations only (at most OPS_OPEN; past that the oldest
 * is closed early). Records without a time join by key only and close at
 * ops_finish. */
#ifndef SSPR_CLI_OPS_H
#define SSPR_CLI_OPS_H

#include "sspr-errors.h"

#include <stddef.h>
#include <stdint.h>

enum {
    OPS_HR_WINDOW = 120,   /* seconds: a 33xxx failure and its 6329 */
    OPS_USER_WINDOW = 300, /* seconds: the cloud's record and the Connect server's */
    OPS_CLOSE = 900,       /* seconds of silence after which an operation is closed */
    OPS_OPEN = 4096,       /* operations open at once */
    OPS_RECORDS = 24,      /* records kept per operation (the rest are counted) */
    OPS_ENTRIES = 8,       /* entries kept per record */
    OPS_TEXT = 160         /* bytes kept of a record's text fields */
};

typedef enum { OP_UNFINISHED, OP_SUCCEEDED, OP_FAILED } op_outcome;

/* Which side of a reset a record comes from: the cloud (an audit-log record:
 * it has an activity or a correlation id), on-premises (an event id, or the
 * source PasswordResetService or ADSync), or neither known (free text). */
typedef enum { OPS_SIDE_UNKNOWN, OPS_SIDE_CLOUD, OPS_SIDE_ONPREM } ops_side;
ops_side ops_side_of(const sspr_record *r);

/* One record of an operation, copied out of the scanner's callback. */
typedef struct {
    size_t file;       /* index into the files given */
    uint64_t line;     /* its first line (0 in an .evtx file) */
    int64_t record_id; /* or -1 */
    int64_t event_id;  /* or -1 */
    int64_t when; /* seconds since 1970 (UTC, or local when the input says no zone); 0 unknown */
    char format[24], source[48], level[16], time[40];
    char user[OPS_TEXT], tracking_id[48], correlation_id[48], operation[48];
    char activity[OPS_TEXT], result[24], reason[OPS_TEXT], computer[64];
    char message[OPS_TEXT]; /* its first OPS_TEXT bytes */
    ops_side side;
    size_t nhr, nent;
    uint32_t hr[8];
    const sspr_entry *entries[OPS_ENTRIES]; /* best first */
    sspr_confidence conf[OPS_ENTRIES];
} op_record;

typedef struct {
    uint64_t seq; /* order of the operation's first record in the input */
    op_outcome outcome;
    int cloud, onprem;   /* sides seen */
    char user[OPS_TEXT]; /* the user it is about, or "" */
    char key[64];        /* TrackingId, correlation id, or "" */
    int64_t start, end;  /* seconds (0 unknown) */
    char start_text[40], end_text[40];
    const sspr_entry *best; /* the entry that explains it (a failure's), or NULL */
    size_t nrec, dropped;   /* records kept, and records beyond OPS_RECORDS */
    op_record rec[OPS_RECORDS];
} op;

typedef void (*op_fn)(void *ctx, const op *o);

typedef struct ops ops;

/* A correlator that hands each closed operation to done(ctx, op); NULL when
 * out of memory. */
ops *ops_new(op_fn done, void *ctx);
/* The next record read (of file index file). */
void ops_add(ops *o, const sspr_record *r, size_t file);
/* Every input has reached watermark (scan_files_in_time's tick): closes the
 * operations that can no longer grow. */
void ops_tick(ops *o, int64_t watermark);
/* The input ended: closes every open operation (oldest first), then frees o. */
void ops_finish(ops *o);

/* A record's time as seconds since 1970, from its ISO 8601 text; 0 if none. */
int64_t ops_seconds(const char *iso);
/* "failed", "succeeded" or "unfinished". */
const char *ops_outcome_name(op_outcome outcome);
/* The first step of the fix of e (its own, or its first procedure's), or NULL. */
const char *ops_first_step(const sspr_entry *e);

#endif
