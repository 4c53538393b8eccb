/* Helpers shared by the documentation generators: man(7) escaping, the page
 * date, and a tiny template filler for pages with hand-written parts.
 * Standalone (no diag.c, no Jansson), so the small native page generators
 * (gen/man1.c, gen/man3.c) link it as well as sspr-gen. */
#ifndef SSPR_GEN_ROFF_H
#define SSPR_GEN_ROFF_H

#include <stdio.h>

/* Writes text for a roff text line: backslashes, apostrophes, hyphens, quotes
 * and non-ASCII characters become escapes both groff and mandoc render as the
 * original characters, so literal messages read byte-exact in a UTF-8 terminal
 * and the page source stays ASCII. A leading '.' gets a \& guard. Newlines and
 * tabs become spaces (a text line is one line). */
void roff_text(FILE *f, const char *s);

/* The same for a macro argument: also protects '"' (as \(dq), and a leading
 * space; the caller writes the surrounding quotes. */
void roff_arg(FILE *f, const char *s);

/* One line of literal (no-fill) text, e.g. inside .EX/.EE: like roff_text, but
 * leading spaces are kept. */
void roff_literal_line(FILE *f, const char *s, size_t n);

/* The date pages carry, as YYYY-MM-DD: from SOURCE_DATE_EPOCH when it is set,
 * otherwise DOC_DEFAULT_DATE; never the current time. Returns 0, or -1 (with a
 * message on stderr) when SOURCE_DATE_EPOCH is not a plain number. */
int doc_date(char out[11]);

/* The fixed date used without SOURCE_DATE_EPOCH: the release of the catalogue
 * and documentation this tree ships. Bump it with a release. */
#define DOC_DEFAULT_DATE "2026-11-25"

/* Copies a template to out, line by line. A line that is exactly "@NAME@" is
 * replaced by what fill(NAME) writes; fill returns 0, or -1 for an unknown
 * NAME. Inside other lines, "@KEY@" for each pair in subst (KEY, value, ...,
 * NULL) is replaced by the value, verbatim. Errors are reported as
 * "template:line: error: ..." on stderr. Returns 0, or -1. */
int roff_template(FILE *out, const char *template_path, int (*fill)(FILE *, const char *, void *),
                  void *ctx, const char *const *subst);

/* A whole page: roff_template with @DATE@ (doc_date) and @VERSION@ substituted,
 * written to out through out.tmp and a rename (gen/fileio.h), so a failure
 * leaves no half page. prog names the tool in the message on failure. Returns
 * 0, or -1 after a message on stderr. */
int roff_page(const char *prog, const char *out, const char *template_path, const char *version,
              int (*fill)(FILE *, const char *, void *), void *ctx);

#endif
