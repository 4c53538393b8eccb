/* Writes the cross-language test vector (tests/vectors/lookup.tsv) from the C
 * library: queries built from every catalogue entry (ids, names, aliases, codes
 * in the forms people paste, HRESULT forms, messages) plus fixed queries (misses,
 * pasted lines, odd spellings), each with the ids the library answers, in order.
 * The C, Python and Rust tests replay the file, so the three cannot disagree.
 *
 *   mkvectors OUTPUT [SCAN_INPUT...]
 *
 * Line format: FUNCTION <TAB> QUERY <TAB> IDS (space-separated, best first;
 * empty for no match). FUNCTION is lookup, by_id, by_name, by_code (QUERY is
 * SOURCE:CODE, SOURCE empty for any source), by_hresult (QUERY is 0xHHHHHHHH)
 * or search (the ids of the best 5 hits; scores are left out). Each SCAN_INPUT
 * (an event-log export in tests/vectors/scan/) adds a line scan <TAB>
 * scan/NAME <TAB> LINE:ID ... with what the scanner reports for it.
 * Queries holding a tab or a line break cannot be written and are left out. */
#include "vectors.h"

#include <sspr-errors.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Queries that no entry implies: misses and the ways people really paste. */
static const char *const extra_lookups[] = {
    "",
    "   ",
    "99999",
    "Event ID 99999",
    "0xDEADBEEF",
    "hr=00000000",
    "ADSync:9999",
    "PasswordResetService 6329",
    "no such error anywhere",
    "Event ID 32009",
    "event 6800",
    "EventID: 6800",
    "ADSync:6329",
    "PasswordResetService 32009",
    "0X8023061f",
    "HR 80230402",
    "HR 8023042",
    "-2145188327",
    "AUTHTOKENERROR",
    "adunknownerror",
    "  AuthTokenError  ",
    "PRS-32009",
    "Error getting auth token",
    "The event log says: Error getting auth token. Please help!",
    "error getting AUTH token",
    NULL,
};

/* Free text for sspr_search(), besides every entry's title and summary. */
static const char *const extra_searches[] = {
    "",
    "the of and",
    "zzzzqqq xylophone",
    "the text message with the code never arrives",
    "user cannot reset password",
    "users are not receiving the verification email",
    "password writeback stopped working after a while",
    "access denied when writing the password back to active directory",
    "licence",
    "license",
    "Error getting auth token",
    "prs-32009",
    "event 6800",
    NULL,
};

typedef struct {
    char **v;
    size_t n, cap;
} list;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs("mkvectors: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

/* Adds "function\tquery" unless it is already there or cannot be written. */
static void add(list *l, const char *function, const char *query)
{
    if (!query || strpbrk(query, "\t\r\n"))
        return;
    size_t n = strlen(function) + strlen(query) + 2;
    char *line = xrealloc(NULL, n);
    snprintf(line, n, "%s\t%s", function, query);
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], line) == 0) {
            free(line);
            return;
        }
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 512;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = line;
}

static void addf(list *l, const char *function, const char *fmt, const char *s, uint32_t x)
{
    char buf[256];
    if (s)
        snprintf(buf, sizeof buf, fmt, s, x);
    else
        snprintf(buf, sizeof buf, fmt, x);
    add(l, function, buf);
}

static void entry_queries(list *l, const sspr_entry *e)
{
    add(l, "lookup", sspr_entry_id(e));
    add(l, "by_id", sspr_entry_id(e));
    add(l, "lookup", sspr_entry_name(e));
    add(l, "by_name", sspr_entry_name(e));
    for (size_t i = 0; i < sspr_entry_alias_count(e); i++) {
        add(l, "lookup", sspr_entry_alias(e, i));
        add(l, "by_name", sspr_entry_alias(e, i));
    }
    int64_t code = sspr_entry_code(e);
    const char *source = sspr_entry_source(e);
    if (code >= 0) {
        uint32_t c = (uint32_t)code;
        addf(l, "lookup", "%" PRIu32, NULL, c);
        addf(l, "lookup", "Event ID %" PRIu32, NULL, c);
        addf(l, "by_code", ":%" PRIu32, NULL, c);
        if (source) {
            addf(l, "lookup", "%s %" PRIu32, source, c);
            addf(l, "by_code", "%s:%" PRIu32, source, c);
        }
    }
    for (size_t i = 0; i < sspr_entry_hresult_count(e); i++) {
        uint32_t hr = sspr_entry_hresult(e, i);
        addf(l, "lookup", "0x%08" PRIX32, NULL, hr);
        addf(l, "lookup", "%08" PRIx32, NULL, hr);
        addf(l, "lookup", "hr=%08" PRIX32, NULL, hr);
        char buf[32];
        snprintf(buf, sizeof buf, "%" PRId64, (int64_t)(int32_t)hr);
        add(l, "lookup", buf);
        addf(l, "by_hresult", "0x%08" PRIX32, NULL, hr);
    }
    for (size_t i = 0; i < sspr_entry_message_count(e); i++)
        add(l, "lookup", sspr_entry_message(e, i));
    add(l, "search", sspr_entry_title(e));
    add(l, "search", sspr_entry_summary(e));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: mkvectors OUTPUT [SCAN_INPUT...]\n", stderr);
        return 2;
    }
    list l = {0};
    for (size_t i = 0; i < sspr_count(); i++)
        entry_queries(&l, sspr_at(i));
    for (size_t i = 0; extra_lookups[i]; i++)
        add(&l, "lookup", extra_lookups[i]);
    add(&l, "by_id", "no-such-id");
    add(&l, "by_name", "NoSuchName");
    add(&l, "by_code", ":4294967295");
    add(&l, "by_code", "ADSync:32009");
    add(&l, "by_hresult", "0x00000000");
    for (size_t i = 0; extra_searches[i]; i++)
        add(&l, "search", extra_searches[i]);

    FILE *f = fopen(argv[1], "wb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fputs("# Generated by tests/vectors/mkvectors from the C library: do not edit.\n"
          "# Regenerate the committed copy with: ninja -C build update-bindings\n"
          "# FUNCTION<TAB>QUERY<TAB>IDS (space-separated, in order; empty when nothing matches).\n"
          "# by_code queries are SOURCE:CODE (SOURCE empty for any); by_hresult ones 0xHHHHHHHH;\n"
          "# search lines hold the ids of the best 5 hits; scan lines name an input in\n"
          "# tests/vectors/scan/ and hold LINE:ID for each match the scanner reports.\n",
          f);
    const sspr_entry **out = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < l.n; i++) {
        char *tab = strchr(l.v[i], '\t');
        *tab = '\0';
        size_t n = vector_run(l.v[i], tab + 1, &out, &cap);
        fprintf(f, "%s\t%s\t", l.v[i], tab + 1);
        for (size_t k = 0; k < n; k++)
            fprintf(f, "%s%s", k ? " " : "", sspr_entry_id(out[k]));
        fputc('\n', f);
        free(l.v[i]);
    }
    free(l.v);
    free(out);
    static char found[65536];
    for (int i = 2; i < argc; i++) {
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        if (vector_scan(argv[i], 4096, found, sizeof found) != 0) {
            fprintf(stderr, "mkvectors: cannot scan %s\n", argv[i]);
            fclose(f);
            return 2;
        }
        fprintf(f, "scan\tscan/%s\t%s\n", base, found);
    }
    if (ferror(f) | (fclose(f) != 0)) {
        perror(argv[1]);
        return 2;
    }
    return 0;
}
