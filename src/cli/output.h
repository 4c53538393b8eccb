/* Printing entries for people (80-column text) and for programs (JSON). */
#ifndef SSPR_CLI_OUTPUT_H
#define SSPR_CLI_OUTPUT_H

#include "sspr-errors.h"

#include <stdio.h>

/* The whole entry, with its procedures expanded. */
void out_entry_text(FILE *f, const sspr_entry *e);
/* One line: id, source and code, title. */
void out_entry_line(FILE *f, const sspr_entry *e);
/* One JSON object (no trailing newline). */
void out_entry_json(FILE *f, const sspr_entry *e);
/* The same object with a "confidence" member last (lookup --json). */
void out_result_json(FILE *f, const sspr_entry *e, sspr_confidence c);
/* An HRESULT taken apart: severity, facility (with its name) and code, plus the
 * Win32 error name and message for FACILITY_WIN32; each line indented by indent. */
void out_hresult_text(FILE *f, uint32_t hresult, int indent);
/* The same as one JSON object (no trailing newline), with the ids of entries[0..n). */
void out_hresult_json(FILE *f, uint32_t hresult, const sspr_entry *const *entries, size_t n);
/* A JSON string literal. */
void out_json_string(FILE *f, const char *s);
/* A JSON string, or null for NULL. */
void out_json_nullable(FILE *f, const char *s);
/* A number, or null when it is negative (absent). */
void out_json_number(FILE *f, int64_t v);
/* Words of text wrapped to width columns; first line after `first`, the rest indented by indent. */
void out_wrap(FILE *f, const char *first, const char *text, int indent, int width);

/* Text for HTML, in element content or a quoted attribute: & < > " ' as
 * character references, control characters (but tab and line breaks) and
 * DEL as a space (src/common/html.c); nothing of it can open a tag or end an
 * attribute. */
void out_html(FILE *f, const char *s);
/* Text for Markdown, in a paragraph or a table cell: the characters that
 * format or link (\ ` * _ [ ] | # ~ !) escaped with a backslash, & < > as
 * character references (no raw HTML), line breaks as spaces. */
void out_md(FILE *f, const char *s);

#endif
