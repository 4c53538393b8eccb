/* What the operating system changes, in one place: platform.c is the CLI's only
 * file that knows Windows from POSIX. The rest of the program reads and writes
 * bytes, and these make Windows hand it the same bytes Linux does:
 *  - standard input, output and error are binary (no CRLF or Ctrl-Z
 *    translation), so output, JSON included, is byte for byte Linux's;
 *  - arguments arrive as UTF-8 and file names are UTF-8;
 *  - a console shows UTF-8 (its code page is set while the program runs, then
 *    put back); a pipe or file gets plain bytes;
 *  - a failed write reports the errno Linux would (a closed pipe is EPIPE). */
#ifndef SSPR_CLI_PLATFORM_H
#define SSPR_CLI_PLATFORM_H

#include <stdint.h>
#include <stdio.h>

/* First thing in main: may replace argv (Windows: the UTF-8 arguments). */
void cli_platform_init(int *argc, char ***argv);

/* path opened for reading, in binary mode; NULL with errno set when it cannot
 * be, EISDIR for a directory (as reading one fails on Linux). */
FILE *cli_open(const char *path);

/* A temporary binary file for reading and writing, removed when closed (or
 * when the program ends); on Windows it lives in %TEMP%, not at the root of
 * the drive, where tmpfile() would need write access. NULL on failure. */
FILE *cli_tmpfile(void);

/* fseek to a byte offset from the start, past 2 GiB too. 0, or -1. */
int cli_seek(FILE *f, uint64_t offset);

/* f's size when it is a regular file; 0 when it is not or is unknown. */
uint64_t cli_regular_size(FILE *f);

/* Standard error is a terminal that moves the cursor back (the progress line's
 * "\r\033[K"). */
int cli_stderr_is_terminal(void);

/* The errno a failed write to an output stream should report, given errno:
 * Windows says EINVAL where Linux says EPIPE (a pipe nobody reads). */
int cli_output_errno(int err);

#endif
