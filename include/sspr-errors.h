/*
 * libsspr-errors: Microsoft self-service password reset (SSPR) and Password
 * Writeback errors, event-log codes, symptoms and remediation procedures, as a
 * small, const, allocation-free C library.
 *
 * This is the one public header. It needs only the C standard library and
 * compiles as C99, C11 and C++.
 *
 * Thread safety: every function may be called from any number of threads at
 * once; all data is const and no function keeps state between calls.
 * Memory: no function allocates. Every pointer returned points into static,
 * read-only data that lives as long as the library is loaded; never free it.
 * NULL arguments are accepted everywhere and treated as "nothing": functions
 * return NULL, 0 or -1 as documented, and never dereference them.
 */
#ifndef SSPR_ERRORS_H
#define SSPR_ERRORS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Export ---------------------------------------------------------------
 * SSPR_API marks every public function. On Windows the same declarations
 * serve the DLL, the static library and the amalgamation with no define: the
 * DLL's exports come from a module-definition file (the version script's
 * names), and a call through the import library reaches the DLL by the
 * import library's thunk, so no dllimport is needed (the API has functions
 * only, no data). Defining SSPR_DLL adds dllimport, which saves that one jump
 * when linking the DLL; SSPR_STATIC, once needed, is accepted and changes
 * nothing. */
#if defined(_WIN32)
#if defined(SSPR_DLL) && !defined(SSPR_STATIC) && !defined(SSPR_BUILDING)
#define SSPR_API __declspec(dllimport)
#else
#define SSPR_API
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define SSPR_API __attribute__((visibility("default")))
#else
#define SSPR_API
#endif

/* ---- Version --------------------------------------------------------------
 * The library version (MAJOR.MINOR.PATCH); meson.build refuses to build when
 * these disagree with the project version. SSPR_ERRORS_VERSION_HEX is
 * 0xMMmmpp for comparisons in the preprocessor.
 *
 * ABI promise: within one MAJOR version (SONAME libsspr-errors.so.MAJOR) no
 * exported function is removed or changes its signature or meaning, and the
 * values of the public enums never change. Entries are opaque and read through
 * accessors, so catalogue fields can be added without breaking the ABI.
 * Entry ids are stable forever: never renamed, never reused. */
#define SSPR_ERRORS_VERSION_MAJOR 1
#define SSPR_ERRORS_VERSION_MINOR 1
#define SSPR_ERRORS_VERSION_PATCH 0
#define SSPR_ERRORS_VERSION_STRING "1.1.0"
#define SSPR_ERRORS_VERSION_HEX                                                                    \
    ((SSPR_ERRORS_VERSION_MAJOR << 16) | (SSPR_ERRORS_VERSION_MINOR << 8) |                        \
     SSPR_ERRORS_VERSION_PATCH)

/* The library version string, e.g. "1.0.0" (same as SSPR_ERRORS_VERSION_STRING
 * of the headers the library was built with). */
SSPR_API const char *sspr_version(void);

/* The catalogue's own semantic version, e.g. "1.0.0". */
SSPR_API const char *sspr_catalog_version(void);

/* ---- Types ---------------------------------------------------------------- */

/* One catalogue entry: an event-log event, a symptom, a remediation procedure
 * or a checklist. Opaque: read it through the sspr_entry_* accessors. */
typedef struct sspr_entry sspr_entry;

/* A number or literal value the documentation states (a limit, a port, a delay),
 * attached to an entry. Opaque: read it through the sspr_fact_* accessors. */
typedef struct sspr_fact sspr_fact;

/* A reference: the page or public post an entry comes from (since 1.1).
 * Opaque: read it through the sspr_ref_* accessors. */
typedef struct sspr_ref sspr_ref;

/* What an entry is. Values never change. */
typedef enum sspr_kind {
    SSPR_KIND_NONE = 0,      /* only for a NULL entry */
    SSPR_KIND_EVENT = 1,     /* an event-log event (source + code and/or HRESULT) */
    SSPR_KIND_SYMPTOM = 2,   /* something a user or admin sees */
    SSPR_KIND_PROCEDURE = 3, /* an ordered remediation procedure */
    SSPR_KIND_CHECKLIST = 4, /* what to collect (e.g. before a support case) */
    SSPR_KIND_AUDIT = 5      /* an Entra audit log activity, reason or detail (since 1.1) */
} sspr_kind;

/* Severity of an entry. Values never change. */
typedef enum sspr_severity {
    SSPR_SEVERITY_NONE = 0, /* only for a NULL entry */
    SSPR_SEVERITY_INFO = 1,
    SSPR_SEVERITY_WARNING = 2,
    SSPR_SEVERITY_ERROR = 3
} sspr_severity;

/* The lower-case name of a kind ("event", "symptom", "procedure", "checklist",
 * "audit"), or NULL for a value out of range. */
SSPR_API const char *sspr_kind_name(sspr_kind kind);

/* The lower-case name of a severity ("info", "warning", "error"), or NULL. */
SSPR_API const char *sspr_severity_name(sspr_severity severity);

/* ---- The catalogue -------------------------------------------------------- */

/* Number of entries in the catalogue. */
SSPR_API size_t sspr_count(void);

/* Entry number i (0 <= i < sspr_count()), in catalogue order, or NULL. */
SSPR_API const sspr_entry *sspr_at(size_t i);

/* The entry with this id (e.g. "prs-32009"; any case), or NULL. */
SSPR_API const sspr_entry *sspr_by_id(const char *id);

/* The entry with this name or alias, in any case and with white space folded
 * (e.g. "AuthTokenError", "adunknownerror", "HR 8023042"), or NULL. */
SSPR_API const sspr_entry *sspr_by_name(const char *name);

/* Entries with this event code. source is an event source ("PasswordResetService",
 * "ADSync", "SSPR"; any case) or NULL for any source. Entries that are that event
 * come first, then entries that only mention it; catalogue order within each.
 * Stores at most cap pointers in out (out may be NULL when cap is 0) and returns
 * the number of matches, which may be larger than cap. */
SSPR_API size_t sspr_by_code(const char *source, uint32_t code, const sspr_entry **out, size_t cap);

/* Entries with this HRESULT (as a 32-bit value, e.g. 0x80230619), the entries
 * that are it first; same conventions as sspr_by_code. */
SSPR_API size_t sspr_by_hresult(uint32_t hresult, const sspr_entry **out, size_t cap);

/* Everything that matches what a person pasted, best match first, in a
 * deterministic order. Understands:
 *   - event codes: "32009", "Event ID 32009", "event 6800", "EventID: 6800",
 *     "PasswordResetService 32009", "ADSync:6329" (the source limits the match);
 *   - HRESULTs: "0x80230619", "80230619", "0X8023061f", "hr=800700CE",
 *     "HR 80230402", and the signed decimal form "-2145188327";
 *   - ids, names and aliases in any case ("prs-32009", "AuthTokenError");
 *   - a literal message the documentation quotes, whole ("Error getting auth
 *     token"), or inside a longer pasted text.
 * Order: exact id/name matches, then entries that are the code or HRESULT, then
 * entries quoting the message, then entries that only mention the code. A
 * message found inside a longer text counts only when nothing matched exactly.
 * Stores at most cap pointers in out (out may be NULL when cap is 0) and returns
 * the number of matches, which may be larger than cap; 0 when nothing matches,
 * for an empty query, or for NULL. */
SSPR_API size_t sspr_lookup(const char *query, const sspr_entry **out, size_t cap);

/* ---- Entry accessors -----------------------------------------------------
 * All return NULL / 0 / -1 for a NULL entry or an index out of range. */

/* Stable id, e.g. "prs-32009" (lower-case ASCII, digits, '-'). */
SSPR_API const char *sspr_entry_id(const sspr_entry *e);
/* What the entry is: event, symptom, procedure, checklist or audit. */
SSPR_API sspr_kind sspr_entry_kind(const sspr_entry *e);
/* Event source ("PasswordResetService", "ADSync", "SSPR",
 * "Microsoft-Windows-Security-Auditing") or, for audit entries, the service
 * that logs them ("Self-service Password Management", "Authentication
 * Methods"), or NULL. */
SSPR_API const char *sspr_entry_source(const sspr_entry *e);
/* Numeric event code (0 to 4294967295), or -1 when the entry has none. */
SSPR_API int64_t sspr_entry_code(const sspr_entry *e);
/* The documented name byte-exact (misspellings kept, e.g. "ADMutliMatchError"), or NULL. */
SSPR_API const char *sspr_entry_name(const sspr_entry *e);
/* One-line title (at most 80 characters). */
SSPR_API const char *sspr_entry_title(const sspr_entry *e);
/* A sentence or two on what it means. */
SSPR_API const char *sspr_entry_summary(const sspr_entry *e);
/* How serious it is: info, warning or error. */
SSPR_API sspr_severity sspr_entry_severity(const sspr_entry *e);
/* Product area: "admin-portal", "reporting", "registration-portal",
 * "reset-portal", "writeback", "writeback-connectivity" or "support". */
SSPR_API const char *sspr_entry_area(const sspr_entry *e);
/* Heading of the documentation section the entry comes from. */
SSPR_API const char *sspr_entry_section(const sspr_entry *e);
/* Where the content comes from: "2017" (the 2017 troubleshooting article),
 * "current" (the current documentation) or "field" (what public reports show
 * the product printing; since 1.1). */
SSPR_API const char *sspr_entry_origin(const sspr_entry *e);
/* Procedures: recommended position in the recovery sequence (1 = first); 0 otherwise. */
SSPR_API int sspr_entry_order(const sspr_entry *e);

/* Counted lists: sspr_entry_X_count(e) items, read with sspr_entry_X(e, i). */

/* Other names people use (corrected spellings, other written forms). */
SSPR_API size_t sspr_entry_alias_count(const sspr_entry *e);
SSPR_API const char *sspr_entry_alias(const sspr_entry *e, size_t i);
/* HRESULTs this entry is (0 when i is out of range). */
SSPR_API size_t sspr_entry_hresult_count(const sspr_entry *e);
SSPR_API uint32_t sspr_entry_hresult(const sspr_entry *e, size_t i);
/* Literal messages a user sees or the event log prints, byte-exact. */
SSPR_API size_t sspr_entry_message_count(const sspr_entry *e);
SSPR_API const char *sspr_entry_message(const sspr_entry *e, size_t i);
/* Possible causes. */
SSPR_API size_t sspr_entry_cause_count(const sspr_entry *e);
SSPR_API const char *sspr_entry_cause(const sspr_entry *e, size_t i);
/* Resolution steps, in order. */
SSPR_API size_t sspr_entry_step_count(const sspr_entry *e);
SSPR_API const char *sspr_entry_step(const sspr_entry *e, size_t i);
/* Procedures the resolution uses (entries of kind SSPR_KIND_PROCEDURE). */
SSPR_API size_t sspr_entry_procedure_count(const sspr_entry *e);
SSPR_API const sspr_entry *sspr_entry_procedure(const sspr_entry *e, size_t i);
/* Closely related entries. */
SSPR_API size_t sspr_entry_related_count(const sspr_entry *e);
SSPR_API const sspr_entry *sspr_entry_related(const sspr_entry *e, size_t i);
/* Codes and HRESULTs the entry quotes without being that event. Returns 1 and
 * sets the non-NULL out-parameters (source NULL, code -1 or hresult 0 when that
 * part is absent), or 0 when i is out of range. */
SSPR_API size_t sspr_entry_mention_count(const sspr_entry *e);
SSPR_API int sspr_entry_mention(const sspr_entry *e, size_t i, const char **source, int64_t *code,
                                uint32_t *hresult);
/* Facts the documentation states (limits, ports, delays, formats). */
SSPR_API size_t sspr_entry_fact_count(const sspr_entry *e);
SSPR_API const sspr_fact *sspr_entry_fact(const sspr_entry *e, size_t i);
/* The entry's fact with this key (e.g. "max_connector_password_length"), or NULL. */
SSPR_API const sspr_fact *sspr_entry_fact_by_key(const sspr_entry *e, const char *key);

/* ---- Fact accessors ------------------------------------------------------- */

/* Machine-readable key, e.g. "outbound_tcp_port_range". */
SSPR_API const char *sspr_fact_key(const sspr_fact *f);
/* What it means, in a sentence. */
SSPR_API const char *sspr_fact_text(const sspr_fact *f);
/* Unit ("hours", "characters", "TCP port", ...), or NULL. */
SSPR_API const char *sspr_fact_unit(const sspr_fact *f);
/* 1 when the fact is numeric (a number or a range), 0 when it is a string. */
SSPR_API int sspr_fact_is_number(const sspr_fact *f);
/* Numeric facts: the value, or the ends of a range (min == max for one number). */
SSPR_API double sspr_fact_min(const sspr_fact *f);
SSPR_API double sspr_fact_max(const sspr_fact *f);
/* String facts: the literal value (e.g. "+ccc xxxyyyzzzzXeeee"); NULL for numbers. */
SSPR_API const char *sspr_fact_string(const sspr_fact *f);
/* "2017", "current" or "field": which source states the value. */
SSPR_API const char *sspr_fact_origin(const sspr_fact *f);
/* The older fact of the same entry that this one replaces (a value that changed
 * since 2017), or NULL. */
SSPR_API const sspr_fact *sspr_fact_supersedes(const sspr_fact *f);
/* The page that states the value (https://...) and the day it was read
 * (YYYY-MM-DD), when it is not one of the entry's references; else NULL
 * (since 1.1). */
SSPR_API const char *sspr_fact_url(const sspr_fact *f);
SSPR_API const char *sspr_fact_date(const sspr_fact *f);

/* ---- References (since 1.1) ---------------------------------------------- */

/* The pages and posts an entry's content comes from, most authoritative first:
 * sspr_entry_ref_count(e) of them, read with sspr_entry_ref(e, i). */
SSPR_API size_t sspr_entry_ref_count(const sspr_entry *e);
SSPR_API const sspr_ref *sspr_entry_ref(const sspr_entry *e, size_t i);
/* Its address (https://...). */
SSPR_API const char *sspr_ref_url(const sspr_ref *r);
/* The day it was read (YYYY-MM-DD), or NULL. */
SSPR_API const char *sspr_ref_date(const sspr_ref *r);
/* Its title, or NULL. */
SSPR_API const char *sspr_ref_title(const sspr_ref *r);

/* ---- HRESULT decoding -----------------------------------------------------
 * An HRESULT is a 32-bit status: bit 31 is the severity (1 = error, 0 =
 * success), bits 16 to 28 the facility ((hr >> 16) & 0x1FFF, winerror.h's
 * HRESULT_FACILITY) and bits 0 to 15 the code. Facility 7, FACILITY_WIN32,
 * carries a Win32 error: HRESULT_FROM_WIN32(x) is 0x80070000 | (x & 0xFFFF) for
 * a nonzero x, so 0x800700CE is Win32 error 206. Facility 35,
 * FACILITY_METADIRECTORY, is the sync engine's (0x80230619, 0x80230402, ...).
 *
 * These functions decode any value, whether or not the catalogue has an entry
 * for it (use sspr_by_hresult() for the entries). Names and messages come from
 * built-in tables copied from the Windows SDK; NULL means "not in the table",
 * not "not an error".
 *
 * Note on "HR 8023042" in the 2017 article: a digit was lost, the value is
 * 0x80230402. Read literally, 8023042 is 0x08023042, a success code of another
 * facility; sspr_hresult_parse() reads it literally, while sspr_lookup() and
 * sspr_by_name() find the 0x80230402 entry through its alias. */

/* Parses one HRESULT written as "0x80070005" (1 to 8 hex digits after 0x),
 * "80070005" (exactly 8 hex digits, first digit 8 to F, so that event codes
 * are never taken for HRESULTs), the signed decimal "-2147024891", or any of
 * these after the word "hr" or "hresult" and a separator (' ', ':', '=', '#'):
 * "hr=800700CE", "HR 80230402", "HRESULT: 0x80070005"; after that word, bare
 * hex may be shorter than 8 digits. Any case; white space around is ignored.
 * Returns 1 and stores the value in *hresult (when hresult is not NULL), or 0
 * for NULL, empty or anything else, leaving *hresult untouched. */
SSPR_API int sspr_hresult_parse(const char *text, uint32_t *hresult);

/* Severity bit: 1 for an error (bit 31 set), 0 for success. */
SSPR_API unsigned sspr_hresult_severity(uint32_t hresult);
/* Facility: (hresult >> 16) & 0x1FFF, e.g. 7 for 0x800700CE. */
SSPR_API unsigned sspr_hresult_facility(uint32_t hresult);
/* Code: the low 16 bits, e.g. 206 for 0x800700CE. */
SSPR_API unsigned sspr_hresult_code(uint32_t hresult);
/* HRESULT_FROM_WIN32: 0x80070000 | (error & 0xFFFF); 0 and values that already
 * have bit 31 set are returned unchanged, as the SDK macro does. */
SSPR_API uint32_t sspr_hresult_from_win32(uint32_t error);

/* The winerror.h name of a facility ("FACILITY_WIN32" for 7,
 * "FACILITY_METADIRECTORY" for 35), or NULL for a value it does not define.
 * Where the SDK gives one value two names, the first it lists (9 is
 * "FACILITY_SSPI", also known as FACILITY_SECURITY). */
SSPR_API const char *sspr_facility_name(unsigned facility);

/* Name and system message of a Win32 error code (the code of a FACILITY_WIN32
 * HRESULT), e.g. 206: "ERROR_FILENAME_EXCED_RANGE", "The filename or extension
 * is too long."; 2245: "NERR_PasswordTooShort". Covers the common password,
 * account, directory and connectivity errors only; NULL for other codes. */
SSPR_API const char *sspr_win32_error_name(uint32_t code);
SSPR_API const char *sspr_win32_error_message(uint32_t code);

/* ---- Search ---------------------------------------------------------------
 * Ranked free-text search: what a helpdesk ticket says ("the text message with
 * the code never arrives") -> the entries that explain it, best first.
 *
 * Ranking is BM25 (k1 = 1.2, b = 0.75) over an index built with the library:
 * every entry is a document whose fields are weighted (name, aliases and title
 * most, then messages and codes, then summary and causes, the steps of a fix
 * least). Text is cut into words (CamelCase and hyphenated words also into
 * their parts), lower-cased, stripped of stop words ("the", "of") and stemmed
 * ("resets" and "reset" are one term, so are "licence" and "license").
 * Words the query writes side by side count again, as a pair, for the entries
 * that also write them side by side in a name, title, message, summary or
 * cause: "domain admins" ranks the entry about Domain Admins above entries that
 * only mention a domain and an admin apart.
 *
 * Scores are comparable within one answer only. Four tiers, always in this
 * order:
 *   - 3000 < score <= 4000: what sspr_lookup() finds when the whole text is an
 *     id, a name or a code query ("prs-32009", "AuthTokenError", "event 6800",
 *     "0x80230619"), in sspr_lookup()'s order (4000 minus the position);
 *   - 2000 <= score < 3000: entries whose code, HRESULT or name the text
 *     writes ("we see event 33004 and access denied"), and an entry the
 *     catalogue relates to one of them, without an event code of its own, when
 *     the text's words fit it clearly better (a BM25 score 1.5 times the coded
 *     entry's: "33004 when an Enterprise Admins member resets the password"
 *     puts the protected-groups symptom first, event 33004 second). Then the
 *     BM25 score is added;
 *   - 1000 <= score < 2000: entries with a distinctive message in the text
 *     (four words or more, not only common ones such as "contact your
 *     administrator"): the whole text, a message inside it, or the text inside
 *     a message. Then the BM25 score is added;
 *   - 0 < score < 1000: the BM25 score alone (the words of an audit-log entry
 *     count half, so that a described symptom ranks above the log's string).
 * Ties are broken by catalogue order, so answers are deterministic.
 *
 * Limits: a query uses its SSPR_SEARCH_MAX_TERMS rarest distinct terms that
 * occur in the catalogue (other words cannot match anything anyway); at most
 * SSPR_SEARCH_MAX_CANDIDATES entries are scored: once that many are held, the
 * remaining (more common) terms only add to the entries already held. Only the
 * first 4 KiB of a text (after folding white space) are compared with messages.
 * The search needs about 20 KiB of stack and never allocates. */
#define SSPR_SEARCH_MAX_TERMS 32
#define SSPR_SEARCH_MAX_CANDIDATES 1024

/* One answer of sspr_search(). */
typedef struct sspr_hit {
    const sspr_entry *entry;
    double score; /* > 0; higher is better */
} sspr_hit;

/* Searches the catalogue for text (UTF-8; any length). Stores the best
 * min(cap, result) hits in out, best first (out may be NULL when cap is 0), and
 * returns the number of entries that match at all, which may be larger than
 * cap (at most SSPR_SEARCH_MAX_CANDIDATES); 0 for NULL, for an empty text or
 * one made only of stop words or words the catalogue does not use. */
SSPR_API size_t sspr_search(const char *text, sspr_hit *out, size_t cap);

/* ---- Confidence (since 1.1) -----------------------------------------------
 * How well a text names an entry, for every hit of lookup, search and scan:
 *   - high: the text writes the entry's code or HRESULT (as the lookup rules
 *     above and below read codes: a code needs a cue such as "Event ID", a
 *     source name, an HRESULT form or SSPR_NNNN, unless it is a catalogue
 *     event code of four digits or more standing alone), its id or its name
 *     or an alias (the whole text, or as a word of it), or one of its
 *     distinctive messages: four words or more, not only common ones;
 *   - medium: the text holds one of its other messages ("Password Reset",
 *     "contact your administrator"), or writes a code or HRESULT the entry
 *     only mentions, or the entry has at least two of the text's catalogue
 *     words making up at least half of their weight (IDF);
 *   - low: anything weaker (some words in common).
 * Messages are compared after folding what differs between a document, a log
 * and a paste: case, white space and line breaks, straight or typographic
 * quotes and dashes, contractions (doesn't / does not, can't / cannot, we're /
 * we are), a trailing period, ':' or a dash after 0x...; a text ending in
 * "..." or an ellipsis matches the messages that start with its last 24
 * folded bytes or more. Messages are compared within the first 4 KiB of
 * folded text. */
typedef enum sspr_confidence {
    SSPR_CONFIDENCE_NONE = 0,
    SSPR_CONFIDENCE_LOW = 1,
    SSPR_CONFIDENCE_MEDIUM = 2,
    SSPR_CONFIDENCE_HIGH = 3
} sspr_confidence;

/* "high", "medium" or "low"; NULL for SSPR_CONFIDENCE_NONE or a value out of range. */
SSPR_API const char *sspr_confidence_name(sspr_confidence c);

/* One answer of sspr_lookup_results() or sspr_search_results(). */
typedef struct sspr_result {
    const sspr_entry *entry;
    double score; /* > 0; higher is better; comparable within one answer only */
    sspr_confidence confidence;
} sspr_result;

/* sspr_lookup() with a score and a confidence for each hit: same entries,
 * same order, same return value. */
SSPR_API size_t sspr_lookup_results(const char *query, sspr_result *out, size_t cap);

/* sspr_search() with a confidence for each hit: same entries, order, scores
 * and return value. When the best hit's confidence is low, no entry matches
 * the text well. */
SSPR_API size_t sspr_search_results(const char *text, sspr_result *out, size_t cap);

/* How well text[0..len) names entry e (the rule above, which lookup, search
 * and the scanner apply): SSPR_CONFIDENCE_NONE when e is NULL or nothing of
 * the text points at it. Linear in len; needs about 6 KiB of stack. */
SSPR_API sspr_confidence sspr_confidence_of(const sspr_entry *e, const char *text, size_t len);

/* ---- Scanning -------------------------------------------------------------
 * A streaming scanner for exported event logs: feed it the bytes of a file in
 * chunks of any size (down to one byte: the answer is the same for every
 * chunking) and it reports, record by record, the catalogue entries each
 * record names. Memory is constant whatever the input size: the scanner lives
 * in an sspr_scanner the caller provides (on the stack, in a struct, ...), and
 * nothing is ever allocated.
 *
 * Input: UTF-8, UTF-8 with a BOM, UTF-16LE with a BOM (also UTF-16BE with a
 * BOM, and UTF-16LE without one when the text starts with an ASCII
 * character); LF or CRLF line ends. Forms, told apart line by line (the
 * Records section below lists them all): Event Viewer's "Copy details as
 * text" and its tab-delimited, CSV and XML saves; wevtutil's text and XML;
 * PowerShell's Format-List, Format-Table and Export-Csv; and plain text, each
 * line a record of its own.
 * What a record names:
 *   - its event: an event id with its provider, one of the catalogue's event
 *     sources (an "Id 32009" of another provider is not ours); where several
 *     entries share the source and id (ADSync 6329), the HRESULT in the record
 *     picks one; without it the id alone names none of them. In a pasted
 *     record, or a plain line with a cue ("Event ID 33004:", or a catalogue
 *     code beside the word error or event: "error 31044"), an id without a
 *     provider names the catalogue's events of that code (medium confidence);
 *   - HRESULTs written "hr=XXXXXXXX" or "0x8XXXXXXX": the entries that are them;
 *   - the catalogue's literal messages of four words or more, and its names
 *     written as identifiers ("OnPremisesConnectivityFailure"), anywhere in the
 *     record's text: in any case, with any run of white space or line breaks
 *     between words, quotes ignored (so CSV's doubled quotes and typographic
 *     quotes do not matter), contractions printed or written out ("doesn't",
 *     "does not"); a message quoted by both an event and a symptom names the
 *     event;
 *   - nothing at all when the record's provider is known and not ours.
 * Each entry is reported once per record, in catalogue order, however many
 * strings name it; at most 16 message matches and 8 HRESULTs count per record.
 * Limits, all in bytes of UTF-8 text: a line longer than 4096 is read in
 * pieces, and a provider, event id or XML tag must lie within 256 of the cut
 * before it; a message must begin within 512 before the point where the
 * scanner's search meets it (its least common word, roughly).
 *
 * A call needs about 6 KiB of stack (4 KiB of them to transcode UTF-16).
 *
 * ABI: sspr_scanner has a fixed size within a MAJOR version; its contents are
 * private. A scanner is used by one thread at a time; the callback must not
 * call sspr_scan_feed or sspr_scan_finish on the same scanner. */
#define SSPR_SCANNER_SIZE 8192

/* Storage for a scanner: SSPR_SCANNER_SIZE bytes, aligned for any scalar. */
typedef struct sspr_scanner {
    union {
        unsigned char bytes[SSPR_SCANNER_SIZE];
        uint64_t align_u64;
        double align_double;
        void *align_pointer;
    } opaque;
} sspr_scanner;

/* The callback, called as on_match(ctx, entry, line) once per entry a record
 * names; line is the record's first line (1-based, counted after decoding). */
typedef void (*sspr_scan_fn)(void *, const sspr_entry *, uint64_t);

/* Prepares scanner for a new input; on_match (may be NULL) gets ctx back. */
SSPR_API void sspr_scan_init(sspr_scanner *scanner, sspr_scan_fn on_match, void *ctx);

/* Scans the next len bytes of the input. Records are reported as soon as they
 * are complete, so some only at sspr_scan_finish. */
SSPR_API void sspr_scan_feed(sspr_scanner *scanner, const void *data, size_t len);

/* Ends the input: reports the last record, then leaves scanner as
 * sspr_scan_init left it (same callback), ready for another input. */
SSPR_API void sspr_scan_finish(sspr_scanner *scanner);

/* ---- Records (since 1.1) ----------------------------------------------------
 * The same scanner, reporting every record it reads (matched or not) with
 * its fields, instead of one callback per entry. A record is an event in any
 * form the scanner knows (see sspr-errors(1), scan): Event Viewer's "Copy
 * details as text" (also localized labels, quoted with "> ", in Markdown, with
 * blank lines between fields, several one after another), its tab-delimited
 * text, CSV and XML saves, wevtutil's text and XML, PowerShell's Format-List,
 * Format-Table and Export-Csv, or a line of plain text that names a code (an
 * inline paste such as "Event ID 33004: ..."), an HRESULT or a catalogue
 * message. Plain text that names nothing is not a record. Also (since 1.1)
 * the cloud's audit logs: JSON (Microsoft Graph's directoryAudits and
 * userEventsSummary, the Entra portal's download, Log Analytics' export, any
 * array of event objects) and the portal's and Log Analytics' CSV; an audit
 * record's reason and activity name its entries.
 *
 * A record and everything read through it is valid only during the callback.
 * Texts are UTF-8, NUL-terminated, cut at a limit of their field (the message
 * and an audit record's reason at 1,500 bytes, its details at 256, the others
 * at 120); NULL where the record does not say. */
typedef struct sspr_record sspr_record;

/* The fields of a record, in the order of the JSON keys of
 * `sspr-errors scan --json --records`. Values never change. */
typedef enum sspr_record_field {
    SSPR_RECORD_FORMAT = 0,      /* text: the form it was read in */
    SSPR_RECORD_SOURCE = 1,      /* text: the provider, as the record names it */
    SSPR_RECORD_EVENT_ID = 2,    /* number: sspr_record_number() */
    SSPR_RECORD_RECORD_ID = 3,   /* number */
    SSPR_RECORD_LEVEL = 4,       /* text: critical, error, warning, information, verbose,
                                    audit-success, audit-failure */
    SSPR_RECORD_TIME = 5,        /* text: ISO 8601, with Z only where the input says UTC */
    SSPR_RECORD_COMPUTER = 6,    /* text */
    SSPR_RECORD_TRACKING_ID = 7, /* text: PasswordResetService's TrackingId */
    SSPR_RECORD_USER = 8,        /* text: the UPN or DN the record is about */
    SSPR_RECORD_OPERATION = 9,   /* text: e.g. PasswordResetRequestStart */
    SSPR_RECORD_EXCEPTION = 10,  /* text: an exception type name */
    SSPR_RECORD_HRESULTS = 11,   /* list: sspr_record_hresult() */
    SSPR_RECORD_MESSAGE = 12,    /* text */
    SSPR_RECORD_ENTRIES = 13,    /* list: sspr_record_entry() */
    /* audit records (Entra audit log, Log Analytics, Graph) */
    SSPR_RECORD_ACTIVITY = 14,       /* text: the activity (activityDisplayName) */
    SSPR_RECORD_RESULT = 15,         /* text: success, failure, timeout, ... as written */
    SSPR_RECORD_REASON = 16,         /* text: the result reason, byte for byte */
    SSPR_RECORD_CORRELATION_ID = 17, /* text */
    SSPR_RECORD_INITIATOR = 18,      /* text: who started it: a UPN or an app's name */
    SSPR_RECORD_DETAILS = 19         /* text: additional details, "key: value; ..." */
} sspr_record_field;

/* A text field's value, or NULL (absent, or not a text field). */
SSPR_API const char *sspr_record_text(const sspr_record *r, sspr_record_field field);
/* A number field's value (event id, record id), or -1 when absent. */
SSPR_API int64_t sspr_record_number(const sspr_record *r, sspr_record_field field);
/* The record's first line in the input (1-based, counted after decoding). */
SSPR_API uint64_t sspr_record_line(const sspr_record *r);
/* The HRESULTs the record names. */
SSPR_API size_t sspr_record_hresult_count(const sspr_record *r);
SSPR_API uint32_t sspr_record_hresult(const sspr_record *r, size_t i);
/* The entries the record names, best first, each with how sure the match is:
 * high for its event (source and id), an HRESULT or a distinctive message of
 * the entry in the record; lower for a message that says less. */
SSPR_API size_t sspr_record_entry_count(const sspr_record *r);
SSPR_API const sspr_entry *sspr_record_entry(const sspr_record *r, size_t i);
SSPR_API sspr_confidence sspr_record_confidence(const sspr_record *r, size_t i);
/* The record's last line in the input (1-based, counted after decoding as
 * sspr_record_line is; since 1.1): the last line that is its own, never a
 * blank line after it. A record is reported when it ends, which can be lines
 * later (a labelled record ends where the next record or other text begins):
 * this says where it stopped (sspr-errors annotate puts its note there). 0
 * for the records of an .evtx file. */
SSPR_API uint64_t sspr_record_last_line(const sspr_record *r);

/* The callback, called once per record read, in input order. */
typedef void (*sspr_record_fn)(void *ctx, const sspr_record *record);

/* Prepares scanner for a new input, reporting records to on_record (may be
 * NULL) with ctx; sspr_scan_feed and sspr_scan_finish work as above. */
SSPR_API void sspr_scan_init_records(sspr_scanner *scanner, sspr_record_fn on_record, void *ctx);

/* ---- Binary .evtx (since 1.1) ----------------------------------------------
 * Event logs as Windows writes them (Event Viewer's "Save All Events As",
 * wevtutil epl, the files under System32\winevt\Logs), read by the library's
 * own reader of the format: the file header, its 64 KiB chunks, their records
 * and the binary XML of each, with its templates. An .evtx holds no rendered
 * message: a record's message is its EventData (or UserData) values, one per
 * line; a classic event, as PasswordResetService and ADSync write them, has
 * its whole message in its one value. Each record then takes the same path as
 * a record of a text export: the scanner's callback sees it with format
 * "evtx", its record_id, level, time (UTC, with Z), computer, source and
 * event id from the record's System element, and line 0 (an .evtx has no
 * lines: sspr_record_number(r, SSPR_RECORD_RECORD_ID) says where it is).
 *
 * Damaged files are read as far as they can be trusted: a chunk with a bad
 * signature or header checksum, cut short, or past the end of the written
 * log is skipped; so is a record whose size, binary XML, template or names
 * do not hold together. The others are still read. Memory is one chunk and a
 * fixed work space (about 180 KiB, allocated per call), whatever the size of
 * the file. */

/* Reads the next bytes of an input into buf (at most len): returns how many,
 * 0 at its end, or -1 on an error. */
typedef int64_t (*sspr_read_fn)(void *ctx, void *buf, size_t len);

/* What sspr_scan_evtx read and skipped. */
typedef struct sspr_evtx_stats {
    uint64_t records;         /* records read (and reported) */
    uint64_t chunks;          /* chunks read */
    uint64_t chunks_skipped;  /* chunks not trusted (bad signature or checksum, cut short) */
    uint64_t records_skipped; /* records not trusted in the chunks read */
    uint64_t first_skipped;   /* file offset of the first chunk or record skipped */
    uint64_t bytes;           /* bytes of the input read */
    uint32_t header_bad;      /* 1: the file header failed its checks (chunks still read) */
    uint32_t dirty;           /* 1: the header says the log was not closed cleanly */
    uint64_t reserved[4];     /* zero; room for later counters */
} sspr_evtx_stats;

/* 1 when data[0..len) begins as an .evtx file does ("ElfFile\0"), else 0. */
SSPR_API int sspr_evtx_is(const void *data, size_t len);

/* Scans a whole .evtx file with scanner (prepared by sspr_scan_init or
 * sspr_scan_init_records, whose callback gets its records): from memory
 * (data, len; read NULL) or through read(read_ctx, ...) (data NULL), one
 * chunk at a time. stats (may be NULL) is filled in. Returns 0 when the input
 * was read to its end, -1 on a read error or when the work space could not be
 * allocated (the records before were reported), -2 when the input is not an
 * .evtx file (nothing reported). The scanner is then ready for another
 * input, as after sspr_scan_finish. */
SSPR_API int sspr_scan_evtx(sspr_scanner *scanner, const void *data, size_t len, sspr_read_fn read,
                            void *read_ctx, sspr_evtx_stats *stats);

#ifdef __cplusplus
}
#endif

#endif /* SSPR_ERRORS_H */
