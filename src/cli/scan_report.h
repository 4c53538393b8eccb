/* The scan command: files through the library's scanner (its records API),
 * then a summary of the entries found, or every record. */
#ifndef SSPR_CLI_SCAN_REPORT_H
#define SSPR_CLI_SCAN_REPORT_H

#include "sspr-errors.h"

#include <stddef.h>
#include <stdint.h>

/* What a scan came to; main.c turns it into an exit status. */
typedef enum {
    SCAN_FOUND,      /* an entry was found (records: a record was read) */
    SCAN_NOTHING,    /* none was */
    SCAN_UNREADABLE, /* a file could not be read (the others were scanned) */
    SCAN_NO_MEMORY
} scan_outcome;

/* Scans files[0..n) ("-" is standard input; none means standard input) and
 * prints, errors first, then most frequent (ties in catalogue order), each
 * entry found: how often, its first lines (at most 10), title, first step and
 * the best confidence; or, with json, a JSON array of {id, source, code,
 * hresults, title, count, lines, locations, first_step, level, confidence}.
 * With records, every record instead (json: objects with the keys of
 * schema.def's SSPR_RECORD_FIELDS). A file that cannot be read is reported on
 * stderr as "prog: FILE: reason" and the others are still scanned. */
scan_outcome scan_report(const char *prog, char *const *files, size_t n, int json, int records);

/* One record read by scan_files, with the index of its file in files[]. */
typedef void (*scan_record_fn)(void *ctx, const sspr_record *rec, size_t file);

/* Reads files[0..n) ("-" is standard input; none means standard input) with
 * the library's records scanner, each as text or as an .evtx file (by its
 * first bytes), and hands every record to fn(ctx, rec, file) in input order.
 * What scan says on stderr, it says too: a file that cannot be read
 * ("prog: FILE: reason", the others are still read), what an .evtx file
 * skipped, JSON cut short, progress on a terminal. SCAN_FOUND when every file
 * was read, SCAN_UNREADABLE or SCAN_NO_MEMORY (said on stderr) otherwise. */
scan_outcome scan_files(const char *prog, char *const *files, size_t n, scan_record_fn fn,
                        void *ctx);

/* How far in time every file still being read has come (seconds since 1970
 * as the records give them; INT64_MAX when all have ended): a record read
 * later is not earlier than this. */
typedef void (*scan_tick_fn)(void *ctx, int64_t watermark);

/* As scan_files, but the files side by side in time: each text file has its
 * own scanner, and the one whose records are furthest behind is read next,
 * 64 KiB at a time; an .evtx file is read whole, the text files catching up
 * with it before each of its chunks. So the records of the Connect server's
 * event log and of the cloud's audit log come interleaved, as they happened,
 * and tick(ctx, watermark) follows after each piece. Standard input may be
 * one of the files. */
scan_outcome scan_files_in_time(const char *prog, char *const *files, size_t n, scan_record_fn fn,
                                scan_tick_fn tick, void *ctx);

#endif
