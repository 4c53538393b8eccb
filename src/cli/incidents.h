/* The incidents command: failed and unfinished operations (ops.h). */
#ifndef SSPR_CLI_INCIDENTS_H
#define SSPR_CLI_INCIDENTS_H

#include "scan_report.h"

#include <stddef.h>

typedef struct {
    char *const *names; /* the files ("-" standard input; none: standard input) */
    size_t nnames;
    const char *user;  /* --user: a part of the user's name, any case */
    const char *since; /* --since, --until: ISO 8601 dates or times */
    const char *until;
    const char *source; /* --source: a record of the operation has this source */
    const char *level;  /* --level: a record of the operation has this level */
    int json;
} incidents_options;

/* Reads the files, joins their records into operations and prints the
 * failed and unfinished ones: text, most recent first (time, user, outcome,
 * the entry that explains it, its title and first step); or with json an
 * array of operations with their records, in the order they close. A bad
 * --since or --until is said on stderr (SCAN_UNREADABLE). SCAN_FOUND when
 * one was printed. */
scan_outcome incidents_run(const char *prog, const incidents_options *opt);

#endif
