/* The annotate command: the input copied through unchanged, with a short note
 * after each record that names a catalogue entry (as journalctl -x adds the
 * catalogue's text to the journal). */
#ifndef SSPR_CLI_ANNOTATE_H
#define SSPR_CLI_ANNOTATE_H

#include <stddef.h>
#include <stdio.h>

/* Every line annotate adds begins with this: four spaces, "--", a space,
 * "sspr-errors:" and a space. Removing the lines that begin with it (and, when
 * the input's last line has no line break and a note follows it, the line
 * break added before the note) gives the input back byte for byte. */
#define ANNOTATE_PREFIX "    -- sspr-errors: "

typedef enum {
    ANNOTATE_NOTED,      /* at least one note was added */
    ANNOTATE_NONE,       /* the input was copied; no record named an entry */
    ANNOTATE_UNREADABLE, /* a file could not be read or is not text (said on stderr) */
    ANNOTATE_NO_MEMORY   /* said on stderr */
} annotate_outcome;

/* Copies files[0..n) ("-" is standard input; none means standard input) to
 * standard output, one after another, each with its notes: after a record's
 * last line (sspr_record_last_line), one line per entry it names ("id:
 * title", best first, at most three), then the first step of the best entry
 * that has one, wrapped at 80 columns. Notes are written in the input's
 * encoding (UTF-8, or UTF-16 LE or BE as the scanner detects it) and with the
 * line end of the line they follow (CR LF or LF). An .evtx file is refused
 * (it is binary): "prog: FILE: reason" on stderr, and the other files are
 * still copied.
 *
 * Streaming, in memory that does not grow with the input: a line is held only
 * while a record that ended before it may still be reported (a labelled
 * record ends at the next text, past blank lines), at most 4 MiB; past that,
 * a note comes after the held lines instead of before them. */
annotate_outcome annotate_run(const char *prog, char *const *files, size_t n);

/* One input to out, as annotate_run does for each file, saying nothing on
 * stderr (the fuzzing harness's entry). */
annotate_outcome annotate_stream(const char *prog, FILE *in, FILE *out);

#endif
