/* The report command: a support case's page, from the operations (ops.h)
 * the logs hold. */
#ifndef SSPR_CLI_REPORT_H
#define SSPR_CLI_REPORT_H

#include "scan_report.h"

#include <stddef.h>

typedef enum { REPORT_HTML, REPORT_MARKDOWN } report_format;

/* "html" or "md" (any case; also "markdown"); 0 when s is neither. */
int report_format_parse(const char *s, report_format *out);

/* Reads files[0..n) as scan does ("-" or none: standard input), joins their
 * records into operations and writes one page to stdout: a summary (files,
 * records, time range, operations by outcome, users affected), a timeline
 * (HTML: inline SVG, one mark per operation; Markdown: a table), for each
 * entry that explains a failed or unfinished operation its explanation,
 * causes and steps with the operations it explains, and the support
 * checklist with what the logs answer filled in. The HTML page is
 * self-contained (inline CSS, no script, no external resource) and every
 * value from a log is escaped. SCAN_FOUND when the page was written (with or
 * without failures), SCAN_UNREADABLE when a file could not be read (said on
 * stderr; the page of the others is still written), SCAN_NO_MEMORY. */
scan_outcome report_run(const char *prog, char *const *files, size_t n, report_format format);

#endif
