/* The scan command: files through the library's scanner (its records API),
 * then a summary of the entries found, or every record. */
#ifndef SSPR_CLI_SCAN_REPORT_H
#define SSPR_CLI_SCAN_REPORT_H

#include <stddef.h>

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

#endif
