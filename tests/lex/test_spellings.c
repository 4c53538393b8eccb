/* One table of code and HRESULT spellings (spellings.tsv) through every reader:
 * the lexer's code-query grammar (as the generator compiles it), sspr_lookup,
 * sspr_hresult_parse (decode), sspr_search and the scanner. Each line states
 * what the grammar reads, lookup's first entry and the scanner's; decode and
 * search are checked against the grammar and lookup, so the readers cannot
 * drift apart. A plain program: it prints "N passed, N failed". */
#include "lex.h"
#include "schema.h"
#include "sspr-errors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void check(int ok, const char *text, const char *reader, const char *want, const char *got)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    printf("FAIL \"%s\": %s gives \"%s\", expected \"%s\"\n", text, reader, got, want);
}

/* The grammar's reading, in the table's words. */
static void describe(const char *text, char *out, size_t cap)
{
    sspr__code_query q;
    if (!sspr__parse_code_query(text, strlen(text), &q)) {
        snprintf(out, cap, "none");
        return;
    }
    const char *src = sspr__name_of(&sspr__sources, q.source);
    int n = 0;
    if (q.has_code)
        n = snprintf(out, cap, "code %s %lu", src ? src : "-", (unsigned long)q.code);
    if (q.has_hr)
        snprintf(out + n, cap - (size_t)n, "%shr 0x%08lX", n ? " + " : "", (unsigned long)q.hr);
}

static const char *first_of_lookup(const char *text)
{
    const sspr_entry *hits[8];
    return sspr_lookup(text, hits, 8) ? sspr_entry_id(hits[0]) : "-";
}

static const char *first_of_search(const char *text)
{
    sspr_hit hits[4];
    return sspr_search(text, hits, 4) ? sspr_entry_id(hits[0].entry) : "-";
}

static void on_match(void *ctx, const sspr_entry *e, uint64_t line)
{
    (void)line;
    const char **first = ctx;
    if (!*first)
        *first = sspr_entry_id(e);
}

static const char *first_of_scan(const char *text)
{
    sspr_scanner sc;
    const char *first = NULL;
    sspr_scan_init(&sc, on_match, &first);
    sspr_scan_feed(&sc, text, strlen(text));
    sspr_scan_feed(&sc, "\n", 1);
    sspr_scan_finish(&sc);
    return first ? first : "-";
}

static void run_line(char *line)
{
    char *text = strtok(line, "\t"), *query = strtok(NULL, "\t"), *lookup = strtok(NULL, "\t"),
         *scan = strtok(NULL, "\t\n");
    if (!text || !query || !lookup || !scan) {
        check(0, line, "the table", "text, query, lookup and scan", "a short line");
        return;
    }
    char got[128];
    describe(text, got, sizeof got);
    check(strcmp(got, query) == 0, text, "the code-query grammar", query, got);

    /* decode reads what the grammar reads as an HRESULT alone */
    sspr__code_query q;
    int is_hr = sspr__parse_code_query(text, strlen(text), &q) && q.has_hr && !q.has_code;
    uint32_t hr = 0;
    int decoded = sspr_hresult_parse(text, &hr);
    char want[32] = "-", dec[32] = "-";
    if (is_hr)
        snprintf(want, sizeof want, "0x%08lX", (unsigned long)q.hr);
    if (decoded)
        snprintf(dec, sizeof dec, "0x%08lX", (unsigned long)hr);
    check(strcmp(want, dec) == 0, text, "decode", want, dec);

    const char *first = first_of_lookup(text);
    check(strcmp(first, lookup) == 0, text, "lookup", lookup, first);
    if (strcmp(query, "none") != 0 && strcmp(lookup, "-") != 0) {
        const char *top = first_of_search(text);
        check(strcmp(top, first) == 0, text, "search", first, top);
    }
    const char *scanned = first_of_scan(text);
    check(strcmp(scanned, scan) == 0, text, "scan", scan, scanned);
}

int main(int argc, char **argv)
{
    FILE *f = argc == 2 ? fopen(argv[1], "r") : NULL;
    if (!f) {
        fprintf(stderr, "usage: test_spellings tests/lex/spellings.tsv\n");
        return 2;
    }
    char line[1024];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        rows++;
        run_line(line);
    }
    fclose(f);
    check(rows >= 30, "spellings.tsv", "the table", "at least 30 spellings", "fewer");
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
