/* Outputs for watching many servers from a SIEM or an event collector: Sigma
 * rules (emit_sigma.c) and an Event Viewer custom view with a Windows Event
 * Forwarding subscription (emit_eventviewer.c). Both write a directory (the
 * --output PATH of `sspr-gen --emit sigma|eventviewer`) and both select the
 * same failure events, with the helpers below. */
#ifndef SSPR_GEN_EMIT_SIEM_H
#define SSPR_GEN_EMIT_SIEM_H

#include "model.h"

#include <stdio.h>

/* One Sigma rule (YAML) per failure entry with an event code or an audit-log
 * string, and the correlation rules, into the directory path. */
int emit_sigma(const m_catalog *cat, const char *path);
/* sspr-failures.view.xml (an Event Viewer custom view) and
 * sspr-failures.subscription.xml (for `wecutil cs`) into the directory path. */
int emit_eventviewer(const m_catalog *cat, const char *path);

/* ---- shared by both ---- */

/* 1 when e is a failure the Connect server logs in its Application log: an
 * event of PasswordResetService or ADSync with a code, of severity warning or
 * error. */
int siem_failure_event(const m_entry *e);

/* An output directory: created when missing; siem_dir_close removes the
 * files ending in suffix that this run did not write (an entry that left the
 * catalogue leaves no rule behind). */
typedef struct {
    const char *dir, *suffix;
    char **written;
    size_t n;
    int bad;
} siem_dir;

int siem_dir_open(siem_dir *d, const char *dir, const char *suffix);
/* Opens dir/name for writing (through emit_open); NULL after a reported error. */
FILE *siem_dir_file(siem_dir *d, const char *name);
/* Closes a file from siem_dir_file (emit_close). */
void siem_dir_commit(siem_dir *d, FILE *f);
/* Removes stale files and frees d. Returns 0 when every file was written. */
int siem_dir_close(siem_dir *d);

#endif
