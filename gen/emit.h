/* Output modules of the generator: one function per output, each writing a
 * deterministic file from the validated model. Files are written to a temporary
 * name and renamed into place, so a failed run never leaves half a file. */
#ifndef SSPR_GEN_EMIT_H
#define SSPR_GEN_EMIT_H

#include "model.h"

#include <stdio.h>

/* Opens path.tmp for writing; emit_close renames it to path (returns 0 on success). */
FILE *emit_open(const char *path);
int emit_close(FILE *f, const char *path);

/* C tables: sspr-data.inc (see src/lib/private.h for the layout). */
int emit_c_tables(const m_catalog *cat, const char *path);
/* gperf inputs: one per table ("ids", "names", "messages", "codes", "hresults"). */
int emit_gperf(const m_catalog *cat, const char *table, const char *path);

/* A gperf table, split into shards of at most EMIT_SHARD_KEYS keys (see
 * sspr__shard_of in src/common/norm.h), written as a bundle that gen/gperf_bundle.c
 * turns into one C file: every shard's gperf output, then a dispatcher
 *     const struct <key_struct> *sspr__<table>_find(const char *str, size_t len);
 * keys[i] is a key's bytes; lines[i] its gperf keyword line after the key
 * (e.g. ", 12, 3"); dummy is the line after an impossible key for a shard that
 * gets no key (gperf needs one). */
enum { EMIT_SHARD_KEYS = 128 };
int emit_gperf_bundle(FILE *f, const char *table, const char *include, const char *key_struct,
                      char *const *keys, char *const *lines, size_t n, const char *dummy);

/* catalog/schema.json, the catalogue's JSON Schema, from schema.def. */
int emit_json_schema(const m_catalog *cat, const char *path);

/* Helpers shared by emitters. */
void emit_c_string(FILE *f, const char *s); /* "..." with C escapes */
extern const char emit_banner_fmt[]; /* "generated — do not edit" banner, %s = comment leader */

#endif
