/* Documentation outputs: the catalogue as sspr-errors(7) and as one
 * self-contained HTML reference. Both share the grouping and the entry walker
 * below, so the two always list the same entries in the same order, and show
 * the same parts of each. */
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
    char anchor[48];   /* "source-adsync", "area-reset-portal", "procedures" */
    char title[96];    /* "ADSync events", "Symptoms: password reset portal" */
    const char *intro; /* a paragraph of our own words */
    size_t *entries;   /* indices into cat->entries, in reading order */
    size_t n;
} doc_group;

/* Groups the catalogue: sources (PasswordResetService, ADSync, SSPR) sorted by
 * code, then symptoms by area in catalogue order, procedures by their order,
 * checklists. Returns the number of groups; free with doc_groups_free. */
size_t doc_groups(const m_catalog *cat, doc_group **out);
void doc_groups_free(doc_group *g, size_t n);

/* The heading an entry is listed under: "32009 AuthTokenError",
 * "6329 0x80230619", "SSPR_0009 TenantSSPRFlagDisabled", or the title. */
void doc_heading(const m_entry *e, char *buf, size_t cap);
/* 1 when the heading is the entry's title (symptoms, procedures, ...). */
int doc_heading_is_title(const m_entry *e);
/* "the 2017 article" / "the current documentation" / "field reports". */
const char *doc_origin_label(int origin);
/* Writes a page to path through emit_open/emit_close: body gets the file and
 * the page's date (doc_date in roff.h). Returns 0, or -1 with the problem
 * reported. */
int doc_write(const m_catalog *cat, const char *path,
              void (*body)(FILE *f, const m_catalog *cat, const char *date));

/* ---- one entry, in either format ----
 *
 * doc_entry decides what an entry shows and in which order: its heading, the
 * fields (Id, Title, Event or Code, Name, Aliases, HRESULT, Mentions, Kind,
 * Order, From), the summary, the lists (messages, causes, steps, procedures,
 * related entries), the facts (a fact that replaces another first, the one it
 * replaces after it, each with the page that states it) and the sources the
 * entry comes from (its refs: title, URL, the day it was read). A format says only how, through the
 * callbacks below. The few words of our own between values ("; severity ",
 * " event ", "recovery step 3") are plain ASCII that neither format escapes;
 * doc_entry writes those to the file itself. */

/* Where a format writes to. */
typedef struct {
    FILE *f;
    const m_catalog *cat; /* to resolve ids (references, HTML links) */
} doc_out;

/* The blocks of an entry, as the `list` argument of the callbacks. */
enum {
    DOC_FIELDS,   /* label and value pairs; list_begin gets no label, each item one */
    DOC_MESSAGES, /* literal messages, one DOC_MESSAGE span an item */
    DOC_BULLETS,  /* causes, procedures, related entries */
    DOC_NUMBERED, /* steps, numbered from 1 */
    DOC_FACTS,    /* one fact an item: the format's fact callback, its page, replacements */
    DOC_SOURCES,  /* the entry's references: title, a DOC_URL span, the day it was read */
};

/* Kinds of inline text, as the `span` argument of the span callback. */
enum {
    DOC_TEXT,    /* text as it is: a title, a section, an origin */
    DOC_PROSE,   /* our own sentences (causes, steps), which may name entry ids to link */
    DOC_CODE,    /* a literal key: id, name, alias, code, HRESULT, fact key */
    DOC_MESSAGE, /* a literal message a user or the event log shows */
    DOC_REF,     /* the id of another entry this one refers to */
    DOC_NOTE,    /* an aside after a reference: "(recovery step 2)" */
    DOC_URL,     /* the address of a page (https://...): a link where the format has them */
};

typedef struct {
    /* Opens an entry under its heading (doc_heading); entry_end closes it. */
    void (*entry_begin)(const doc_out *o, const m_entry *e, const char *heading);
    void (*entry_end)(const doc_out *o, const m_entry *e);
    /* The summary paragraph: our own sentences, like DOC_PROSE. */
    void (*summary)(const doc_out *o, const char *s);
    /* A block of items under a label ("Causes"; NULL for DOC_FIELDS). */
    void (*list_begin)(const doc_out *o, int list, const char *label);
    void (*list_end)(const doc_out *o, int list);
    /* Item i (from 0) of a block; label is the field's name for DOC_FIELDS
     * ("Id", "Aliases"), else NULL. Its content follows as spans. */
    void (*item_begin)(const doc_out *o, int list, size_t i, const char *label);
    void (*item_end)(const doc_out *o, int list);
    /* Inline text of one of the kinds DOC_TEXT to DOC_NOTE. */
    void (*span)(const doc_out *o, int kind, const char *s);
    /* A fact's own parts, in a DOC_FACTS item: key, value with its unit (from
     * doc_fact_value), meaning and origin. The replacements follow as
     * "; replaces " and a DOC_CODE key, then the fact's own page, if any, as
     * "; stated on a page read DATE: " and a DOC_URL span, so the callback
     * leaves its last part open. A DOC_URL span always ends its item. */
    void (*fact)(const doc_out *o, const m_fact *x, const char *value);
    /* The two formats place what the heading leaves out differently. When
     * the heading is the code and name, man(7) gives the title as the field
     * "Title" after Id (1 here); HTML sets it under the heading in its
     * entry_begin (0 here). */
    int title_in_fields;
    /* 1: the field "Name" always (HTML: a code element to copy from, even when
     * the heading shows the name); 0: only when the heading is the title and
     * so does not show it (man(7)). */
    int name_always;
} doc_format;

/* Writes entry e of o->cat in format fmt. */
void doc_entry(const doc_format *fmt, const doc_out *o, const m_entry *e);

#endif
