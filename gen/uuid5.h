/* Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace UUID and a
 * name), so that an output's identifiers follow from the catalogue alone: the
 * same name gives the same UUID on every build and every machine. */
#ifndef SSPR_GEN_UUID5_H
#define SSPR_GEN_UUID5_H

#include <stddef.h>
#include <stdint.h>

/* SHA-1 (FIPS 180-4) of n bytes. */
void gen_sha1(const void *data, size_t n, uint8_t out[20]);

/* The version-5 UUID of name in namespace ns ("xxxxxxxx-xxxx-..." form,
 * lower case), written to out with its NUL. Returns 0, or -1 when ns is not
 * a UUID in that form. */
int gen_uuid5(const char *ns, const char *name, char out[37]);

#endif
