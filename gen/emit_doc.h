/* Documentation outputs: the catalogue as sspr-errors(7) and as one
 * self-contained HTML reference. Both share the grouping below, so the two
 * always list the same entries in the same order. */
#ifndef SSPR_GEN_EMIT_DOC_H
#define SSPR_GEN_EMIT_DOC_H

#include "model.h"

#include <stddef.h>
#include <stdio.h>

/* sspr-errors.7 (man(7) roff). */
int emit_man7(const m_catalog *cat, const char *path);
/* sspr-errors-reference.html (one file, inline CSS, an anchor per entry id). */
int emit_html(const m_catalog *cat, const char *path);

/* ---- shared by both ---- */

/* One part of the reference: the events of one source, the symptoms of one
 * area, the procedures (in recovery order) or the checklists. Every entry is
 * in exactly one group. */
typedef struct {
    char anchor[48];  /* "source-adsync", "area-reset-portal", "procedures" */
    char title[96];   /* "ADSync events", "Symptoms: password reset portal" */
    const char *intro; /* a paragraph of our own words */
    size_t *entries;   /* indices into cat->entries, in reading order */
    size_t n;
} doc_group;

/* Groups the catalogue: sources (PasswordResetService, ADSync, SSPR) sorted by
 * code, then symptoms by area in catalogue order, procedures by their order,
 * checklists. Returns the number of groups; free with doc_groups_free. */
size_t doc_groups(const m_catalog *cat, doc_group **out);
void doc_groups_free(doc_group *g, size_t n);

/* "32009", "SSPR_0029": how the documentation writes the entry's code. */
void doc_code(const m_entry *e, char *buf, size_t cap);
/* The heading an entry is listed under: "32009 AuthTokenError",
 * "6329 0x80230619", "SSPR_0009 TenantSSPRFlagDisabled", or the title. */
void doc_heading(const m_entry *e, char *buf, size_t cap);
/* 1 when the heading is the entry's title (symptoms, procedures, ...). */
int doc_heading_is_title(const m_entry *e);
/* A fact's value with its unit: "127 characters", "9350-9354 TCP port",
 * "https://... (URL)". */
void doc_fact_value(const m_fact *f, char *buf, size_t cap);
/* Human name of an area ("password reset portal"); the raw name if unknown. */
const char *doc_area_label(int area);
/* "the 2017 article" / "the current documentation". */
const char *doc_origin_label(int origin);
/* Index of the fact on the same entry that replaces fact i, or -1. */
int doc_fact_superseded_by(const m_entry *e, size_t i);

#endif
