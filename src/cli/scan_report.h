/* The scan command: files through the library's event-log scanner, then a
 * summary of the entries found. */
#ifndef SSPR_CLI_SCAN_REPORT_H
#define SSPR_CLI_SCAN_REPORT_H

#include <stddef.h>

/* Scans files[0..n) ("-" is standard input; none means standard input) and
 * prints, most frequent first (ties in catalogue order), each entry found: how
 * often, its first lines (at most 10), title and first step; or, with json, a
 * JSON array of {id, source, code, hresults, title, count, lines, locations,
 * first_step}. A file that cannot be read is reported on stderr as
 * "prog: FILE: reason" and the others are still scanned. Returns 0 when
 * something was found, 1 when nothing was, 2 when a file could not be read,
 * 3 when memory ran out. */
int scan_report(const char *prog, char *const *files, size_t n, int json);

#endif
