/* sspr-man1: sspr-errors(1) from src/cli/commands.def, the same definitions the
 * program builds its command table and --help from, so a command or an option
 * cannot be missing from either.
 *
 *   sspr-man1 --template doc/sspr-errors.1.in --version V --output PAGE
 *
 * The template holds the hand-written parts; the lines @SYNOPSIS@, @COMMANDS@,
 * @OPTIONS@ and @EXIT_STATUS@ are filled in here. Exit status: 0 success,
 * 1 the page could not be written, 2 usage. */
#include "roff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name, *args;
    int min_args, max_args;
    const char *opts, *summary, *description;
} command;

typedef struct {
    char letter;
    const char *name, *arg, *summary, *description;
} option;

typedef struct {
    const char *short_name, *name, *summary;
} global;

typedef struct {
    int status;
    const char *summary, *description;
} exit_status;

static const command commands[] = {
#define CLI_COMMAND(name, args, min, max, opts, summary, description)                              \
    {#name, args, min, max, opts, summary, description},
#include "commands.def"
};

static const option options[] = {
#define CLI_OPTION(letter, name, arg, summary, description)                                        \
    {letter, name, arg, summary, description},
#include "commands.def"
};

static const global globals[] = {
#define CLI_GLOBAL(short_name, name, summary) {short_name, name, summary},
#include "commands.def"
};

static const exit_status exits[] = {
#define CLI_EXIT(status, id, summary, description) {status, summary, description},
#include "commands.def"
};

static const char *const exit_notes[] = {
#define CLI_EXIT_NOTE(text) text,
#include "commands.def"
    NULL};

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const option *option_by_letter(char letter)
{
    for (size_t i = 0; i < COUNT(options); i++)
        if (options[i].letter == letter)
            return &options[i];
    return NULL;
}

/* Paragraphs separated by blank lines ("\n\n"); the first needs no .PP when
 * it follows a tag. */
static void paragraphs(FILE *f, const char *text, int first_pp)
{
    const char *p = text;
    int first = 1;
    while (*p) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *par = malloc(n + 1);
        if (!par)
            exit(1);
        memcpy(par, p, n);
        par[n] = '\0';
        if (!first || first_pp)
            fputs(".IP\n", f);
        roff_text(f, par);
        fputc('\n', f);
        free(par);
        first = 0;
        p += n;
        while (*p == '\n')
            p++;
    }
}

/* "QUERY..." and "[FILE]...": the names in italics, brackets and dots roman. */
static void args_synopsis(FILE *f, const char *args)
{
    const char *p = args;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        int open = p[0] == '[';
        size_t dots = n >= 3 && strncmp(p + n - 3, "...", 3) == 0 ? 3 : 0;
        int close = n > dots + (size_t)open && p[n - dots - 1] == ']';
        char word[128];
        snprintf(word, sizeof word, "%.*s", (int)(n - dots - (size_t)open - (size_t)close),
                 p + open);
        if (open)
            fputs(".RI [ \"", f);
        else
            fputs(".IR \"", f);
        roff_arg(f, word);
        fprintf(f, "\" %s%s\n", close ? "]" : "", dots ? "\\&..." : "");
        p += n;
    }
}

static void option_synopsis(FILE *f, const option *o)
{
    fputs(".RB [ ", f);
    roff_text(f, o->name);
    if (o->arg) {
        fputs("\n.IR \"", f);
        roff_arg(f, o->arg);
        fputs("\" ]\n", f);
    } else {
        fputs(" ]\n", f);
    }
}

static void synopsis(FILE *f)
{
    for (size_t i = 0; i < COUNT(commands); i++) {
        const command *c = &commands[i];
        fputs(".SY sspr\\-errors\n.B ", f);
        roff_text(f, c->name);
        fputc('\n', f);
        for (const char *l = c->opts; *l; l++) {
            const option *o = option_by_letter(*l);
            if (o)
                option_synopsis(f, o);
        }
        args_synopsis(f, c->args);
        fputs(".YS\n", f);
    }
    fputs(".SY sspr\\-errors\n", f);
    for (size_t i = 0; i < COUNT(globals); i++) {
        if (i)
            fputs("|\n", f);
        fputs(".B ", f);
        roff_text(f, globals[i].name);
        fputc('\n', f);
    }
    fputs(".YS\n", f);
}

static void command_list(FILE *f)
{
    for (size_t i = 0; i < COUNT(commands); i++) {
        const command *c = &commands[i];
        fputs(".TP\n\\fB", f); /* the tag is the one line after .TP */
        roff_text(f, c->name);
        fputs("\\fR", f);
        if (*c->args) {
            fputs(" \\fI", f);
            roff_text(f, c->args);
            fputs("\\fR", f);
        }
        fputc('\n', f);
        paragraphs(f, c->description, 0);
        if (*c->opts) {
            fputs(".IP\nOptions:\n", f);
            for (const char *l = c->opts; *l; l++) {
                const option *o = option_by_letter(*l);
                if (!o)
                    continue;
                fputs(".BR ", f);
                roff_text(f, o->name);
                fputs(l[1] ? " ,\n" : " .\n", f);
            }
        }
    }
}

static void option_list(FILE *f)
{
    for (size_t i = 0; i < COUNT(options); i++) {
        const option *o = &options[i];
        fputs(".TP\n", f);
        if (o->arg) {
            fputs(".BI \"", f);
            roff_arg(f, o->name);
            fputs(" \" \"", f);
            roff_arg(f, o->arg);
            fputs("\"\n", f);
        } else {
            fputs(".B ", f);
            roff_text(f, o->name);
            fputc('\n', f);
        }
        paragraphs(f, *o->description ? o->description : o->summary, 0);
        size_t last = COUNT(commands);
        for (size_t c = 0; c < COUNT(commands); c++)
            if (strchr(commands[c].opts, o->letter))
                last = c;
        if (last == COUNT(commands))
            continue;
        fputs(".IP\nCommands:\n", f);
        for (size_t c = 0; c <= last; c++) {
            if (!strchr(commands[c].opts, o->letter))
                continue;
            fputs(".BR ", f);
            roff_text(f, commands[c].name);
            fputs(c == last ? " .\n" : " ,\n", f);
        }
    }
    for (size_t i = 0; i < COUNT(globals); i++) {
        fputs(".TP\n.BR ", f);
        roff_text(f, globals[i].short_name);
        fputs(" \", \" ", f);
        roff_text(f, globals[i].name);
        fputc('\n', f);
        char *text = malloc(strlen(globals[i].summary) + 2);
        if (!text)
            exit(1);
        strcpy(text, globals[i].summary);
        if (text[0] >= 'a' && text[0] <= 'z')
            text[0] = (char)(text[0] - 32);
        roff_text(f, text);
        fputs(".\n", f);
        free(text);
    }
}

static void exit_list(FILE *f)
{
    for (size_t i = 0; i < COUNT(exits); i++) {
        fprintf(f, ".TP\n.B %d\n", exits[i].status);
        paragraphs(f, exits[i].description, 0);
    }
    for (size_t i = 0; exit_notes[i]; i++) {
        fputs(".PP\n", f);
        roff_text(f, exit_notes[i]);
        fputc('\n', f);
    }
}

static int fill(FILE *f, const char *name, void *ctx)
{
    (void)ctx;
    if (strcmp(name, "BANNER") == 0)
        fputs(".\\\" Generated by sspr-man1 from src/cli/commands.def and doc/sspr-errors.1.in:\n"
              ".\\\" do not edit.\n",
              f);
    else if (strcmp(name, "SYNOPSIS") == 0)
        synopsis(f);
    else if (strcmp(name, "COMMANDS") == 0)
        command_list(f);
    else if (strcmp(name, "OPTIONS") == 0)
        option_list(f);
    else if (strcmp(name, "EXIT_STATUS") == 0)
        exit_list(f);
    else
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    const char *tpath = NULL, *version = NULL, *out = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--template") == 0)
            tpath = argv[i + 1];
        else if (strcmp(argv[i], "--version") == 0)
            version = argv[i + 1];
        else if (strcmp(argv[i], "--output") == 0)
            out = argv[i + 1];
        else
            tpath = version = out = NULL, i = argc;
    }
    if (!tpath || !version || !out || argc != 7) {
        fputs("usage: sspr-man1 --template T --version V --output PAGE\n", stderr);
        return 2;
    }
    return roff_page("sspr-man1", out, tpath, version, fill, NULL) == 0 ? 0 : 1;
}
