/* sspr-errors: the command-line face of libsspr-errors. A thin client of the
 * public API: everything it prints comes from the library. */
#include "output.h"
#include "annotate.h"
#include "incidents.h"
#include "platform.h"
#include "report.h"
#include "scan_report.h"
#include "schema.h"
#include "sspr-errors.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exit statuses, named in commands.def (which documents them for --help and
 * sspr-errors(1)). */
enum {
#define CLI_EXIT(status, id, summary, description) id = status,
#include "commands.def"
};

typedef struct {
    int json, records, summary;
    const char *source, *kind;
    const char *user, *since, *until, *level; /* incidents */
    const char *format;                       /* report: --format */
    size_t limit;                             /* --limit; 0 = the command's default */
    char **args;
    size_t nargs;
} options;

typedef int (*command_fn)(const options *o);

typedef struct {
    const char *name, *args, *summary;
    command_fn run;
    int min_args, max_args; /* -1: no limit */
    const char *opts;       /* which options apply: letters j(son) s(ource) k(ind) l(imit) r(ecords)
                             * (su)m(mary) */
} command;

typedef struct {
    const char *name, *arg, *summary;
    char letter;
} option_def;

/* Commands, options and their help text: commands.def, which gen/man1.c also
 * reads to write sspr-errors(1). */
static const option_def option_defs[] = {
#define CLI_OPTION(letter, name, arg, summary, description) {name, arg, summary, letter},
#include "commands.def"
};

#define CLI_COMMAND(name, args, min_args, max_args, option_letters, summary, description)          \
    static int cmd_##name(const options *o);
#include "commands.def"

static const command commands[] = {
#define CLI_COMMAND(name, args, min_args, max_args, option_letters, summary, description)          \
    {#name, args, summary, cmd_##name, min_args, max_args, option_letters},
#include "commands.def"
};

static const char *prog = "sspr-errors";

static void print_help(FILE *f)
{
    fprintf(f, "usage: %s COMMAND [OPTION]... [ARG]...\n\n", prog);
    fputs("Microsoft SSPR and Password Writeback errors, event codes and fixes.\n\nCommands:\n", f);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        char head[64];
        char lead[80]; /* the head padded to column 24, so the summary wraps from there */
        snprintf(head, sizeof head, "  %s %s", commands[i].name, commands[i].args);
        snprintf(lead, sizeof lead, "%-24s", head);
        out_wrap(f, lead, commands[i].summary, 24, 80);
    }
    fputs("\nOptions:\n", f);
    for (size_t i = 0; i < sizeof option_defs / sizeof *option_defs; i++) {
        char head[64];
        snprintf(head, sizeof head, "  %s%s%s", option_defs[i].name, option_defs[i].arg ? " " : "",
                 option_defs[i].arg ? option_defs[i].arg : "");
        char lead[80];
        snprintf(lead, sizeof lead, "%-24s", head);
        out_wrap(f, lead, option_defs[i].summary, 24, 80);
    }
    static const struct {
        const char *short_name, *name, *summary;
    } globals[] = {
#define CLI_GLOBAL(short_name, name, summary) {short_name, name, summary},
#include "commands.def"
    };
    for (size_t i = 0; i < sizeof globals / sizeof *globals; i++) {
        char lead[80];
        snprintf(lead, sizeof lead, "  %s, %-18s", globals[i].short_name, globals[i].name);
        out_wrap(f, lead, globals[i].summary, 24, 80);
    }
    /* "Exit status: 0 found, 1 nothing found, ..." then the notes, as one paragraph */
    static const char exit_text[] = "Exit status:"
#define CLI_EXIT(status, id, summary, description) " " #status " " summary ","
#include "commands.def"
        ;
    char text[1024];
    snprintf(text, sizeof text, "%.*s.", (int)strlen(exit_text) - 1, exit_text);
    static const char *const notes[] = {
#define CLI_EXIT_NOTE(note) note,
#include "commands.def"
        NULL};
    for (size_t i = 0; notes[i]; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), " %s", notes[i]);
    fputc('\n', f);
    out_wrap(f, "", text, 0, 80);
}

/* What the user typed, made safe for a one-line message: control characters
 * and bytes that are not UTF-8 become \xNN, and long text is cut with "...". */
static const char *printable(const char *s, char *buf, size_t cap)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && o + 8 < cap) {
        size_t n = 0;
        if (*p >= 0x20 && *p < 0x7F)
            n = 1;
        else if (*p >= 0xC2 && *p <= 0xDF && (p[1] & 0xC0) == 0x80)
            n = 2;
        else if (*p >= 0xE0 && *p <= 0xEF && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
            n = 3;
        else if (*p >= 0xF0 && *p <= 0xF4 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
                 (p[3] & 0xC0) == 0x80)
            n = 4;
        if (n == 0) {
            o += (size_t)snprintf(buf + o, cap - o, "\\x%02X", *p);
            p++;
            continue;
        }
        memcpy(buf + o, p, n);
        o += n;
        p += n;
    }
    if (*p && o + 4 <= cap)
        o += (size_t)snprintf(buf + o, cap - o, "...");
    buf[o < cap ? o : cap - 1] = '\0';
    return buf;
}

static int usage_error(const char *fmt, const char *arg)
{
    char safe[256];
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, fmt, printable(arg, safe, sizeof safe));
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    return EXIT_USAGE;
}

static int blank(const char *s)
{
    return s[strspn(s, " \t\r\n")] == '\0';
}

/* ---- commands ---- */

static void begin_json(int *first)
{
    *first = 1;
    fputc('[', stdout);
}

static void json_item(int *first, const sspr_entry *e)
{
    fputs(*first ? "\n  " : ",\n  ", stdout);
    *first = 0;
    out_entry_json(stdout, e);
}

/* A lookup hit: the entry object with its confidence. */
static void json_result(int *first, const sspr_result *r)
{
    fputs(*first ? "\n  " : ",\n  ", stdout);
    *first = 0;
    out_result_json(stdout, r->entry, r->confidence);
}

static const char low_mark[] = "(low confidence)";

static void end_json(void)
{
    fputs("\n]\n", stdout);
}

static void print_separator(void)
{
    fputs("\n----------------------------------------"
          "----------------------------------------\n\n",
          stdout);
}

/* The decoding of an HRESULT, then the entries that have it (or that none does). */
static void print_decoded(uint32_t hr, const sspr_entry *const *entries, size_t n)
{
    out_hresult_text(stdout, hr, 0);
    if (n == 0) {
        printf("\nThe catalogue has no entry for 0x%08X.\n", (unsigned)hr);
        return;
    }
    fputs("\nCatalogue entries:\n", stdout);
    for (size_t i = 0; i < n; i++)
        out_entry_line(stdout, entries[i]);
}

static int cmd_lookup(const options *o)
{
    enum { MAX = 256 };
    sspr_result found[MAX];
    const sspr_entry *shown[MAX];
    size_t nshown = 0, blocks = 0;
    int first, missing = 0;
    if (o->json)
        begin_json(&first);
    for (size_t a = 0; a < o->nargs; a++) {
        char query[1024];
        const char *q = o->args[a];
        if (o->source) { /* "--source ADSync 6329" is the query "ADSync 6329" */
            snprintf(query, sizeof query, "%s %s", o->source, o->args[a]);
            q = query;
        }
        size_t n = sspr_lookup_results(q, found, MAX);
        if (n > MAX)
            n = MAX;
        if (n == 0) {
            missing = 1;
            uint32_t hr;
            int is_hresult = sspr_hresult_parse(o->args[a], &hr);
            if (is_hresult && !o->json) { /* no entry, but the value still explains itself */
                if (blocks++ > 0)
                    print_separator();
                print_decoded(hr, NULL, 0);
                continue;
            }
            char safe[256];
            printable(o->args[a], safe, sizeof safe);
            fprintf(stderr, "%s: no entry matches '%s'; try: %s %s '%s'\n", prog, safe, prog,
                    is_hresult ? "decode" : "search", safe);
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            int dup = 0;
            for (size_t j = 0; j < nshown; j++)
                dup |= shown[j] == found[i].entry;
            if (dup || nshown == MAX)
                continue;
            shown[nshown++] = found[i].entry;
            if (o->json)
                json_result(&first, &found[i]);
            else {
                if (blocks++ > 0)
                    print_separator();
                if (found[i].confidence == SSPR_CONFIDENCE_LOW)
                    printf("%s\n", low_mark);
                out_entry_text(stdout, found[i].entry);
            }
        }
    }
    if (o->json)
        end_json();
    return missing ? EXIT_NOTHING : EXIT_FOUND;
}

static int cmd_search(const options *o)
{
    enum { DEFAULT_LIMIT = 5 };
    size_t len = 1;
    for (size_t a = 0; a < o->nargs; a++)
        len += strlen(o->args[a]) + 1;
    char *text = malloc(len);
    size_t limit = o->limit ? o->limit : DEFAULT_LIMIT;
    sspr_result *hits = malloc(limit * sizeof *hits);
    if (!text || !hits) {
        free(text);
        free(hits);
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_USAGE;
    }
    text[0] = '\0';
    for (size_t a = 0; a < o->nargs; a++) {
        if (a)
            strcat(text, " ");
        strcat(text, o->args[a]);
    }
    size_t n = sspr_search_results(text, hits, limit);
    if (n > limit)
        n = limit;
    if (o->json) {
        fputc('[', stdout);
        for (size_t i = 0; i < n; i++) {
            printf("%s{\"score\": %.4f, \"confidence\": ", i ? ",\n  " : "\n  ", hits[i].score);
            out_json_nullable(stdout, sspr_confidence_name(hits[i].confidence));
            fputs(", \"entry\": ", stdout);
            out_entry_json(stdout, hits[i].entry);
            fputc('}', stdout);
        }
        fputs("\n]\n", stdout);
    } else {
        for (size_t i = 0; i < n; i++)
            printf("%9.3f  %-30s %s%s%s\n", hits[i].score, sspr_entry_id(hits[i].entry),
                   sspr_entry_title(hits[i].entry),
                   hits[i].confidence == SSPR_CONFIDENCE_LOW ? "  " : "",
                   hits[i].confidence == SSPR_CONFIDENCE_LOW ? low_mark : "");
    }
    char safe[256];
    if (n == 0)
        fprintf(stderr, "%s: nothing matches '%s'\n", prog, printable(text, safe, sizeof safe));
    else if (hits[0].confidence == SSPR_CONFIDENCE_LOW) /* hits, but none names the text well */
        fprintf(stderr, "%s: no entry matches well '%s'; the closest are low confidence\n", prog,
                printable(text, safe, sizeof safe));
    free(text);
    free(hits);
    return n ? EXIT_FOUND : EXIT_NOTHING;
}

static int cmd_scan(const options *o)
{
    switch (scan_report(prog, o->args, o->nargs, o->json, o->records)) {
    case SCAN_FOUND: return EXIT_FOUND;
    case SCAN_NOTHING: return EXIT_NOTHING; /* scan_report said what it read */
    case SCAN_UNREADABLE: return EXIT_USAGE;
    default: return EXIT_USAGE; /* SCAN_NO_MEMORY, reported as the other commands do */
    }
}

/* --limit N: a positive decimal integer of reasonable size. */
static int parse_limit(const char *s, size_t *out)
{
    size_t v = 0;
    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000)
            return 0;
        v = v * 10 + (size_t)(*s - '0');
    }
    if (v == 0 || v > 100000)
        return 0;
    *out = v;
    return 1;
}

static int cmd_incidents(const options *o)
{
    incidents_options io = {o->args,  o->nargs,  o->user,  o->since,
                            o->until, o->source, o->level, o->json};
    switch (incidents_run(prog, &io)) {
    case SCAN_FOUND: return EXIT_FOUND;
    case SCAN_NOTHING:
        fprintf(stderr, "%s: no failed or unfinished operation found\n", prog);
        return EXIT_NOTHING;
    default: return EXIT_USAGE;
    }
}

static int cmd_report(const options *o)
{
    report_format format = REPORT_HTML;
    if (o->format && !report_format_parse(o->format, &format))
        return usage_error("--format needs html or md, not '%s'", o->format);
    switch (report_run(prog, o->args, o->nargs, format)) {
    case SCAN_FOUND: return EXIT_FOUND;
    default: return EXIT_USAGE; /* a file could not be read, or no memory: said on stderr */
    }
}

static int cmd_annotate(const options *o)
{
    switch (annotate_run(prog, o->args, o->nargs)) {
    case ANNOTATE_NOTED: return EXIT_FOUND;
    case ANNOTATE_NONE: return EXIT_NOTHING; /* the input was still copied */
    default: return EXIT_USAGE;              /* said on stderr */
    }
}

static int cmd_show(const options *o)
{
    const sspr_entry *e = sspr_by_id(o->args[0]);
    if (!e) {
        char safe[256];
        printable(o->args[0], safe, sizeof safe);
        fprintf(stderr, "%s: no entry has the id '%s'; try: %s lookup '%s'\n", prog, safe, prog,
                safe);
        return EXIT_NOTHING;
    }
    if (o->json) {
        int first;
        begin_json(&first);
        json_item(&first, e);
        end_json();
    } else {
        out_entry_text(stdout, e);
    }
    return EXIT_FOUND;
}

/* Some documents misprint an HRESULT ("HR 8023042" lost a digit of 0x80230402);
 * the catalogue keeps such spellings as aliases, so say which entry was meant. */
static void print_alias_note(const char *text, uint32_t hr)
{
    const sspr_entry *e = sspr_by_name(text);
    if (!e || sspr_entry_hresult_count(e) == 0)
        return;
    for (size_t i = 0; i < sspr_entry_hresult_count(e); i++)
        if (sspr_entry_hresult(e, i) == hr)
            return;
    char note[512];
    snprintf(note, sizeof note,
             "Note: '%s' is how the documentation wrote 0x%08X (entry %s); the decoding above "
             "reads it literally.",
             text, (unsigned)sspr_entry_hresult(e, 0), sspr_entry_id(e));
    fputc('\n', stdout);
    out_wrap(stdout, "", note, 0, 80);
}

static int cmd_decode(const options *o)
{
    enum { MAX = 256 };
    const sspr_entry *found[MAX];
    uint32_t hr;
    if (!sspr_hresult_parse(o->args[0], &hr))
        return usage_error("'%s' is not an HRESULT (write it 0x800700CE, 800700CE, hr=800700CE "
                           "or -2147024690)",
                           o->args[0]);
    size_t n = sspr_by_hresult(hr, found, MAX);
    if (n > MAX)
        n = MAX;
    if (o->json) {
        out_hresult_json(stdout, hr, found, n);
        fputc('\n', stdout);
    } else {
        print_decoded(hr, found, n);
        print_alias_note(o->args[0], hr);
    }
    return EXIT_FOUND;
}

/* ---- list --summary ---- */

/* The schema's closed sets list --summary counts by, each with the label of
 * its table and JSON key; sources also count the entries that have none. */
static const struct {
    const char *key;
    const sspr__name_set *set;
    int with_none;
} summary_sets[] = {
    {"kind", &sspr__kinds, 0},
    {"source", &sspr__sources, 1},
    {"origin", &sspr__origins, 0},
};

enum { SUMMARY_SETS = sizeof summary_sets / sizeof *summary_sets, SUMMARY_NAMES = 16 };

/* counts[set][v]: entries with number v of the set (0: none). */
typedef struct {
    size_t n[SUMMARY_SETS][SUMMARY_NAMES];
} summary_counts;

static void summary_count(summary_counts *c, const sspr_entry *e)
{
    const char *value[SUMMARY_SETS] = {sspr_kind_name(sspr_entry_kind(e)), sspr_entry_source(e),
                                       sspr_entry_origin(e)};
    for (size_t s = 0; s < SUMMARY_SETS; s++) {
        unsigned v =
            value[s] ? sspr__number_of(summary_sets[s].set, value[s], strlen(value[s]), 0) : 0;
        if (v < SUMMARY_NAMES)
            c->n[s][v]++;
    }
}

/* Number v of set s ("none" for 0), and whether --summary lists it. */
static const char *summary_name(size_t s, unsigned v)
{
    return v ? sspr__name_of(summary_sets[s].set, v) : summary_sets[s].with_none ? "none" : NULL;
}

/* The counts as an aligned table, or as one JSON object {"entries": N, "kind":
 * {...}, "source": {...}, "origin": {...}}, every name of each set in schema
 * order (a source's "none" last). */
static void summary_print(const summary_counts *c, size_t total, int json)
{
    int width = (int)strlen("entries");
    for (size_t s = 0; s < SUMMARY_SETS; s++)
        for (unsigned v = 0; v <= summary_sets[s].set->count && v < SUMMARY_NAMES; v++) {
            const char *name = summary_name(s, v);
            if (name && (int)strlen(name) + 2 > width)
                width = (int)strlen(name) + 2;
        }
    if (json)
        printf("{\"entries\": %zu", total);
    else
        printf("%-*s %5zu\n", width, "entries", total);
    for (size_t s = 0; s < SUMMARY_SETS; s++) {
        const sspr__name_set *set = summary_sets[s].set;
        if (json)
            printf(", \"%s\": {", summary_sets[s].key);
        else
            printf("%s\n", summary_sets[s].key);
        int first = 1;
        for (unsigned i = 1; i <= set->count + 1 && i < SUMMARY_NAMES; i++) {
            unsigned v = i <= set->count ? i : 0; /* none after the names */
            const char *name = summary_name(s, v);
            if (!name)
                continue;
            if (json) {
                fputs(first ? "" : ", ", stdout);
                out_json_string(stdout, name);
                printf(": %zu", c->n[s][v]);
            } else {
                printf("  %-*s %5zu\n", width - 2, name, c->n[s][v]);
            }
            first = 0;
        }
        if (json)
            fputc('}', stdout);
    }
    if (json)
        fputs("}\n", stdout);
}

static int cmd_list(const options *o)
{
    char names[160], fmt[200]; /* the schema's names hold no '%' */
    /* the options as the schema's numbers, once: 0 for --source none */
    int no_source = o->source && cli_same(o->source, "none");
    unsigned source = o->source && !no_source
                          ? sspr__number_of(&sspr__sources, o->source, strlen(o->source), 1)
                          : 0;
    unsigned kind = o->kind ? sspr__number_of(&sspr__kinds, o->kind, strlen(o->kind), 1) : 0;
    if (o->source && !no_source && !source) {
        snprintf(fmt, sizeof fmt, "unknown source '%%s' (%s or none)",
                 sspr__names_list(&sspr__sources, ", ", names, sizeof names));
        return usage_error(fmt, o->source);
    }
    if (o->kind && !kind) {
        snprintf(fmt, sizeof fmt, "unknown kind '%%s' (%s)",
                 sspr__names_list(&sspr__kinds, " or ", names, sizeof names));
        return usage_error(fmt, o->kind);
    }
    int first;
    size_t shown = 0;
    summary_counts counts;
    memset(&counts, 0, sizeof counts);
    if (o->json && !o->summary)
        begin_json(&first);
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        const char *src = sspr_entry_source(e);
        if (o->source &&
            (src ? no_source || strcmp(src, sspr__sources.names[source]) != 0 : !no_source))
            continue;
        if (o->kind && (unsigned)sspr_entry_kind(e) != kind)
            continue;
        shown++;
        if (o->summary)
            summary_count(&counts, e);
        else if (o->json)
            json_item(&first, e);
        else
            out_entry_line(stdout, e);
    }
    if (o->summary)
        summary_print(&counts, shown, o->json);
    else if (o->json)
        end_json();
    return shown ? EXIT_FOUND : EXIT_NOTHING;
}

/* ---- argument parsing ---- */

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int finish_output(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write output: %s\n", prog,
                errno ? strerror(cli_output_errno(errno)) : "write error");
        return EXIT_OUTPUT;
    }
    return rc;
}

int main(int argc, char **argv)
{
    cli_platform_init(&argc, &argv);
    if (argc < 2)
        return usage_error("%s", "missing command");
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_help(stdout);
        return finish_output(EXIT_FOUND);
    }
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("sspr-errors %s (catalogue %s)\n", sspr_version(), sspr_catalog_version());
        return finish_output(EXIT_FOUND);
    }
    const command *cmd = find_command(argv[1]);
    if (!cmd)
        return usage_error("unknown command '%s'", argv[1]);

    options o;
    memset(&o, 0, sizeof o);
    o.args = malloc((size_t)argc * sizeof *o.args);
    if (!o.args) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_USAGE;
    }
    int only_args = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || a[1] == '\0' || (a[1] >= '0' && a[1] <= '9')) {
            o.args[o.nargs++] = argv[i]; /* "-2145188327" is a query, not an option */
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            print_help(stdout);
            free(o.args);
            return finish_output(EXIT_FOUND);
        }
        const option_def *def = NULL;
        for (size_t d = 0; d < sizeof option_defs / sizeof *option_defs; d++)
            if (strcmp(option_defs[d].name, a) == 0)
                def = &option_defs[d];
        if (!def || !strchr(cmd->opts, def->letter)) {
            free(o.args);
            return usage_error(
                def ? "option '%s' does not apply to this command" : "unknown option '%s'", a);
        }
        if (def->arg && i + 1 >= argc) {
            free(o.args);
            return usage_error("option '%s' needs a value", a);
        }
        switch (def->letter) {
        case 'j': o.json = 1; break;
        case 'r': o.records = 1; break;
        case 'm': o.summary = 1; break;
        case 's': o.source = argv[++i]; break;
        case 'k': o.kind = argv[++i]; break;
        case 'u': o.user = argv[++i]; break;
        case 'i': o.since = argv[++i]; break;
        case 'o': o.until = argv[++i]; break;
        case 'e': o.level = argv[++i]; break;
        case 'f': o.format = argv[++i]; break;
        case 'l':
            if (!parse_limit(argv[++i], &o.limit)) {
                free(o.args);
                return usage_error("--limit needs a positive integer, not '%s'", argv[i]);
            }
            break;
        default: break;
        }
    }
    int rc;
    if ((int)o.nargs < cmd->min_args)
        rc = usage_error("'%s' needs an argument", cmd->name);
    else if (cmd->max_args >= 0 && (int)o.nargs > cmd->max_args)
        rc = usage_error("too many arguments for '%s'", cmd->name);
    else {
        rc = EXIT_FOUND;
        for (size_t i = 0; i < o.nargs; i++)
            if (blank(o.args[i]))
                rc = usage_error("empty argument for '%s'", cmd->name);
        if (rc == EXIT_FOUND)
            rc = cmd->run(&o);
    }
    free(o.args);
    return finish_output(rc);
}
