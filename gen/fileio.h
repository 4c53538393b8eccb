/* File input and output for every build tool in gen/ (sspr-gen, sspr-man1,
 * sspr-man3, sspr-amalgamate, sspr-gperf-bundle): a file is read whole, and
 * written whole or not at all (to PATH.tmp, then renamed over PATH).
 * Standalone (plain C and stdio, no diag.c): the functions report nothing and
 * leave errno set on failure, and each tool words its own message. */
#ifndef SSPR_GEN_FILEIO_H
#define SSPR_GEN_FILEIO_H

#include <stddef.h>
#include <stdio.h>

/* The whole file, NUL-terminated (the NUL is not counted in *len; len may be
 * NULL). Returns NULL with errno set when it cannot be opened or read, or on
 * lack of memory. The caller frees the result. */
char *gen_read_file(const char *path, size_t *len);

/* Opens PATH.tmp for writing, or returns NULL with errno set. */
FILE *gen_create(const char *path);
/* Closes f (from gen_create(path)) and, when every write succeeded, renames
 * PATH.tmp to PATH; otherwise removes PATH.tmp. ok = 0 discards the file
 * whatever happened (the caller met another problem). Returns 0 when PATH now
 * holds the new file, or -1 with errno set. */
int gen_commit(FILE *f, const char *path, int ok);

#endif
