/* The annotate command: each input line copied as it was read, and after a
 * record's last line a note on the entries it names.
 *
 * The scanner reports a record when it ends, which can be lines after its
 * last line: a labelled record ("Copy details as text") ends at the next text,
 * past any blank lines. So lines are written as soon as no note can still
 * come before them. After the scanner has classified a line that is not
 * blank (white space, "> " quote marks or a code fence: what may stand
 * between a record's fields), every record it reports later ends on that
 * line or after it; the blank lines after such a line are held until the
 * next one that is not, or the end of the input. A note for a line already
 * written is written at once, before the held lines. */
#include "annotate.h"
#include "text.h"
#include "ops.h"
#include "platform.h"
#include "sspr-errors.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    AN_CHUNK = 65536,      /* bytes read at a time */
    AN_HOLD = 4 << 20,     /* bytes held at most (blank lines after a record) */
    AN_CLASSIFIED = 16384, /* bytes of a line fed after which the scanner has classified it
                              (its first piece: 4,352 bytes after decoding) */
    AN_LOOK = 4096,        /* bytes of a line looked at to tell whether it is blank */
    AN_QUEUE = 256,        /* notes waiting for the end of the line they follow */
    AN_ENTRIES = 3,        /* entries a note names */
    AN_WIDTH = 80          /* columns of a note's lines */
};

enum { AN_UTF8, AN_UTF16LE, AN_UTF16BE };

/* A note waiting for its line to be written. */
typedef struct {
    uint64_t line; /* the line it follows */
    size_t n;      /* entries named */
    size_t more;   /* further records folded into it (the queue was full) */
    const sspr_entry *e[AN_ENTRIES + 1];
    const char *step; /* the first step of the best entry that has one */
} an_note;

typedef struct {
    const char *prog;
    FILE *out; /* standard output, or the caller's (annotate_stream) */
    int enc;
    int failed; /* out of memory */
    size_t notes;
    /* output */
    int bol;        /* what was written of the input ends a line (or is nothing) */
    int note_open;  /* a note's line was written without its line end */
    int crlf;       /* the last line written ends with CR LF */
    uint64_t lines; /* lines written whole */
    /* held: whole blank lines after line `lines`, then the current line */
    unsigned char *hold;
    size_t hcap, hlines; /* bytes of the held whole lines */
    size_t hlen;         /* ... and of the current line after them */
    uint64_t held;       /* whole lines held */
    int held_crlf;       /* the last held line ends with CR LF */
    /* the current line */
    uint64_t cur;  /* its number, from 1 */
    size_t clen;   /* bytes of it read */
    int streaming; /* it is written as it is read (what is read of it is written) */
    int cr;        /* its last unit so far is CR */
    /* UTF-16: the byte of a unit whose other byte has not come yet */
    int odd;
    unsigned char odd_byte;
    an_note q[AN_QUEUE];
    size_t qn;
} annot;

/* ---- writing ---- */

static void an_put(const annot *a, const unsigned char *p, size_t n)
{
    fwrite(p, 1, n, a->out);
}

static void an_put_unit(const annot *a, unsigned u)
{
    unsigned char b[2];
    b[a->enc == AN_UTF16BE ? 0 : 1] = (unsigned char)(u >> 8);
    b[a->enc == AN_UTF16BE ? 1 : 0] = (unsigned char)(u & 0xFF);
    an_put(a, b, 2);
}

/* UTF-8 text in the input's encoding. */
static void an_put_text(const annot *a, const char *s, size_t n)
{
    if (a->enc == AN_UTF8) {
        an_put(a, (const unsigned char *)s, n);
        return;
    }
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t c = p[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + k > n)
            k = n - i;
        if (k > 1)
            c &= 0x3Fu >> (k - 1);
        for (size_t j = 1; j < k; j++)
            c = c << 6 | (p[i + j] & 0x3Fu);
        i += k;
        if (c >= 0x10000) {
            an_put_unit(a, 0xD800 + ((c - 0x10000) >> 10));
            an_put_unit(a, 0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            an_put_unit(a, c);
        }
    }
}

static void an_put_eol(const annot *a)
{
    an_put_text(a, a->crlf ? "\r\n" : "\n", a->crlf ? 2 : 1);
}

/* Bytes of the input; ends: they end a line. */
static void an_input(annot *a, const unsigned char *p, size_t n, int ends)
{
    if (!n)
        return;
    if (a->note_open) {
        an_put_eol(a);
        a->note_open = 0;
    }
    an_put(a, p, n);
    a->bol = ends;
}

/* One line of a note: the prefix, then text (UTF-8). Its line end is written
 * when something follows (so a note after a last line without one ends the
 * output without one too). */
static void an_note_line(annot *a, const char *text, size_t n)
{
    if (a->note_open || !a->bol)
        an_put_eol(a);
    an_put_text(a, ANNOTATE_PREFIX, strlen(ANNOTATE_PREFIX));
    an_put_text(a, text, n);
    a->note_open = 1;
}

/* Columns of UTF-8 text: its characters. */
static size_t an_columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* head, then text's words, wrapped so that each line (the prefix included)
 * fits AN_WIDTH columns; lines after the first are indented by two spaces. */
static void an_wrap(annot *a, const char *head, const char *text)
{
    char line[512];
    size_t len = (size_t)snprintf(line, sizeof line, "%s", head);
    size_t room = AN_WIDTH - strlen(ANNOTATE_PREFIX), col = an_columns(line, len);
    int words = len > 0; /* a space after the head */
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " ");
        size_t w = an_columns(p, n);
        if (words && (col + 1 + w > room || len + 1 + n >= sizeof line)) {
            an_note_line(a, line, len);
            len = (size_t)snprintf(line, sizeof line, "  ");
            col = 2;
            words = 0;
        }
        if (words) {
            line[len++] = ' ';
            col++;
        }
        if (len + n >= sizeof line)
            n = sizeof line - 1 - len; /* one word longer than a line: cut */
        memcpy(line + len, p, n);
        len += n;
        col += w;
        words = 1;
        p += strcspn(p, " ");
    }
    an_note_line(a, line, len);
}

static void an_write_note(annot *a, const an_note *nt)
{
    char head[160];
    for (size_t i = 0; i < nt->n && i < AN_ENTRIES; i++) {
        snprintf(head, sizeof head, "%s:", sspr_entry_id(nt->e[i]));
        an_wrap(a, head, sspr_entry_title(nt->e[i]));
    }
    if (nt->n > AN_ENTRIES) {
        snprintf(head, sizeof head, "and %zu more (sspr-errors scan --records)",
                 nt->n - AN_ENTRIES);
        an_wrap(a, head, "");
    }
    if (nt->step)
        an_wrap(a, "First step:", nt->step);
    if (nt->more) {
        snprintf(head, sizeof head, "and %zu more records here (sspr-errors scan --records)",
                 nt->more);
        an_wrap(a, head, "");
    }
}

/* The queued notes of the lines written so far. */
static void an_drain(annot *a)
{
    size_t k = 0;
    while (k < a->qn && a->q[k].line <= a->lines)
        an_write_note(a, &a->q[k++]);
    memmove(a->q, a->q + k, (a->qn - k) * sizeof *a->q);
    a->qn -= k;
}

/* The held whole lines, written. */
static void an_flush_held(annot *a)
{
    if (a->held) {
        an_input(a, a->hold, a->hlines, 1);
        a->lines += a->held;
        a->crlf = a->held_crlf;
        a->held = 0;
    }
    memmove(a->hold, a->hold + a->hlines, a->hlen - a->hlines);
    a->hlen -= a->hlines;
    a->hlines = 0;
    an_drain(a);
}

/* ---- the records ---- */

static void an_record(void *ctx, const sspr_record *r)
{
    annot *a = ctx;
    size_t n = sspr_record_entry_count(r);
    if (!n)
        return;
    a->notes++;
    an_note nt;
    memset(&nt, 0, sizeof nt);
    nt.line = sspr_record_last_line(r);
    nt.n = n;
    for (size_t i = 0; i < n && i < AN_ENTRIES; i++)
        nt.e[i] = sspr_record_entry(r, i);
    for (size_t i = 0; i < n && !nt.step; i++)
        nt.step = ops_first_step(sspr_record_entry(r, i));
    /* its line is written (and the current line is not half written): now,
       before any held line */
    if (nt.line <= a->lines && !a->qn && !a->streaming) {
        an_write_note(a, &nt);
        return;
    }
    if (a->streaming && nt.line < a->cur)
        nt.line = a->cur; /* cannot happen once the line is classified; after it then */
    if (a->qn && nt.line < a->q[a->qn - 1].line)
        nt.line = a->q[a->qn - 1].line; /* in order */
    if (a->qn == AN_QUEUE) {            /* records by the thousand on one line: counted */
        a->q[a->qn - 1].more++;
        return;
    }
    a->q[a->qn++] = nt;
}

/* ---- the input ---- */

/* Code unit i (a byte offset) of p. */
static unsigned an_unit(const annot *a, const unsigned char *p, size_t i)
{
    return a->enc == AN_UTF8      ? p[i]
           : a->enc == AN_UTF16LE ? (unsigned)p[i] | (unsigned)p[i + 1] << 8
                                  : (unsigned)p[i] << 8 | p[i + 1];
}

static int an_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Might the scanner take line p[0..n) for a blank line between a record's
 * fields (lines.c: white space, quote marks, a code fence)? Looks at its
 * first AN_LOOK bytes only, so a line it calls blank is never missed. */
static int an_gap(const annot *a, const unsigned char *p, size_t n)
{
    size_t u = a->enc == AN_UTF8 ? 1 : 2, lim = n < AN_LOOK ? n : AN_LOOK, i = 0;
    while (i + u <= lim &&
           (an_unit(a, p, i) == ' ' || an_unit(a, p, i) == '\t' || an_unit(a, p, i) == '>'))
        i += u;
    if (i + 3 * u <= lim && an_unit(a, p, i) == '`' && an_unit(a, p, i + u) == '`' &&
        an_unit(a, p, i + 2 * u) == '`')
        return 1;
    for (; i + u <= lim; i += u)
        if (!an_space(an_unit(a, p, i)))
            return 0;
    return 1;
}

static int an_hold(annot *a, const unsigned char *p, size_t n)
{
    void *hold = a->hold;
    if (!cli_reserve(&hold, &a->hcap, a->hlen + n, 1, AN_CHUNK)) {
        a->failed = 1;
        return 0;
    }
    a->hold = hold;
    memcpy(a->hold + a->hlen, p, n);
    a->hlen += n;
    return 1;
}

/* The current line is written from now on as it is read: what is held goes
 * first. */
static void an_stream(annot *a)
{
    an_flush_held(a);
    an_input(a, a->hold, a->hlen, 0);
    a->hlen = 0;
    a->streaming = 1;
}

/* The current line ended (or the input did, eol 0). */
static void an_line_end(annot *a, int eol)
{
    if (a->streaming) {
        a->lines = a->cur;
    } else if (!eol || !an_gap(a, a->hold + a->hlines, a->hlen - a->hlines)) {
        an_flush_held(a);
        an_input(a, a->hold, a->hlen, eol);
        a->hlen = 0;
        a->lines = a->cur;
    } else {
        a->hlines = a->hlen;
        a->held++;
        a->held_crlf = a->cr;
        if (a->hlen > AN_HOLD) /* too many blank lines: a note now comes after them */
            an_flush_held(a);
    }
    if (eol && a->lines == a->cur)
        a->crlf = a->cr; /* a note after it ends its lines as it does */
    an_drain(a);
    a->cur++;
    a->clen = 0;
    a->streaming = 0;
    a->cr = 0;
}

/* p[0..n): part of the current line; eol: the line break ends it (included
 * in p). */
static void an_segment(annot *a, sspr_scanner *sc, const unsigned char *p, size_t n, int eol)
{
    size_t u = a->enc == AN_UTF8 ? 1 : 2;
    sspr_scan_feed(sc, p, n);
    if (a->failed)
        return;
    size_t body = eol ? n - u : n;
    if (body >= u)
        a->cr = an_unit(a, p, body - u) == '\r';
    a->clen += n;
    if (a->streaming)
        an_input(a, p, n, eol);
    else if (!an_hold(a, p, n))
        return;
    if (eol) {
        an_line_end(a, 1);
        return;
    }
    if (!a->streaming && a->clen >= AN_CLASSIFIED &&
        (!an_gap(a, a->hold + a->hlines, a->hlen - a->hlines) || a->hlen > AN_HOLD))
        an_stream(a);
}

/* p[0..n): the next bytes of the input, cut at line breaks. */
static void an_bytes(annot *a, sspr_scanner *sc, const unsigned char *p, size_t n)
{
    if (a->enc == AN_UTF8) {
        while (n && !a->failed) {
            const unsigned char *nl = memchr(p, '\n', n);
            size_t k = nl ? (size_t)(nl - p) + 1 : n;
            an_segment(a, sc, p, k, nl != NULL);
            p += k;
            n -= k;
        }
        return;
    }
    if (a->odd && n) { /* a unit cut by the last read */
        unsigned char u[2] = {a->odd_byte, p[0]};
        a->odd = 0;
        an_segment(a, sc, u, 2, an_unit(a, u, 0) == '\n');
        p++;
        n--;
    }
    while (n >= 2 && !a->failed) {
        size_t k = 0;
        while (k + 2 <= n && an_unit(a, p, k) != '\n')
            k += 2;
        int eol = k + 2 <= n;
        if (eol)
            k += 2;
        an_segment(a, sc, p, k, eol);
        p += k;
        n -= k;
    }
    if (n == 1) {
        a->odd = 1;
        a->odd_byte = p[0];
    }
}

/* The encoding the scanner will decode the input in (decode.c's rules). */
static int an_encoding(const unsigned char *h, size_t n)
{
    if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF)
        return AN_UTF8;
    if (n >= 2 && h[0] == 0xFF && h[1] == 0xFE)
        return AN_UTF16LE;
    if (n >= 2 && h[0] == 0xFE && h[1] == 0xFF)
        return AN_UTF16BE;
    if (n >= 2 && h[0] != 0 && h[1] == 0)
        return AN_UTF16LE;
    return AN_UTF8;
}

/* One input, copied with its notes; 0, or -1 (errno says why), or -2 when it
 * is an .evtx file. */
static int an_file(annot *a, FILE *in)
{
    unsigned char *buf = malloc(AN_CHUNK);
    if (!buf) {
        a->failed = 1;
        return -1;
    }
    sspr_scanner sc;
    sspr_scan_init_records(&sc, an_record, a);
    size_t n = fread(buf, 1, AN_CHUNK, in);
    if (sspr_evtx_is(buf, n)) {
        free(buf);
        return -2;
    }
    a->enc = an_encoding(buf, n);
    a->bol = 1;
    a->note_open = 0;
    a->crlf = 0;
    a->lines = 0;
    a->cur = 1;
    a->clen = a->hlen = a->hlines = 0;
    a->held = 0;
    a->streaming = a->cr = a->odd = 0;
    a->qn = 0;
    int rc = 0;
    while (n && !a->failed) {
        an_bytes(a, &sc, buf, n);
        n = fread(buf, 1, AN_CHUNK, in);
    }
    if (ferror(in))
        rc = -1;
    if (a->odd) { /* half a unit at the end: copied as it was */
        sspr_scan_feed(&sc, &a->odd_byte, 1);
        if (a->streaming)
            an_input(a, &a->odd_byte, 1, 0);
        else
            an_hold(a, &a->odd_byte, 1);
        a->clen++;
    }
    sspr_scan_finish(&sc);
    if (a->clen || a->held || a->streaming)
        an_line_end(a, 0);
    else
        an_flush_held(a);
    a->lines = UINT64_MAX; /* the end: every note now */
    an_drain(a);
    if (a->note_open && a->bol)
        an_put_eol(a);
    a->note_open = 0;
    free(buf);
    return rc;
}

annotate_outcome annotate_run(const char *prog, char *const *files, size_t n)
{
    static char *const stdin_only[] = {"-"};
    annot *a = calloc(1, sizeof *a);
    if (!a) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return ANNOTATE_NO_MEMORY;
    }
    a->prog = prog;
    a->out = stdout;
    if (!n) {
        files = stdin_only;
        n = 1;
    }
    int unreadable = 0;
    for (size_t i = 0; i < n && !a->failed; i++) {
        int std = strcmp(files[i], "-") == 0;
        FILE *in = std ? stdin : cli_open(files[i]);
        if (!in) {
            fprintf(stderr, "%s: %s: %s\n", prog, files[i], strerror(errno));
            unreadable = 1;
            continue;
        }
        errno = 0;
        int rc = an_file(a, in);
        if (rc == -2)
            fprintf(stderr,
                    "%s: %s: an .evtx file is binary and cannot be annotated; "
                    "use '%s scan' or save the events as text\n",
                    prog, files[i], prog);
        else if (rc < 0 && !a->failed)
            fprintf(stderr, "%s: %s: %s\n", prog, files[i], strerror(errno ? errno : EIO));
        unreadable |= rc < 0;
        if (!std)
            fclose(in);
    }
    annotate_outcome out = a->failed    ? ANNOTATE_NO_MEMORY
                           : unreadable ? ANNOTATE_UNREADABLE
                           : a->notes   ? ANNOTATE_NOTED
                                        : ANNOTATE_NONE;
    if (a->failed)
        fprintf(stderr, "%s: out of memory\n", prog);
    free(a->hold);
    free(a);
    return out;
}

annotate_outcome annotate_stream(const char *prog, FILE *in, FILE *out)
{
    annot *a = calloc(1, sizeof *a);
    if (!a)
        return ANNOTATE_NO_MEMORY;
    a->prog = prog;
    a->out = out;
    int rc = an_file(a, in);
    annotate_outcome r = a->failed  ? ANNOTATE_NO_MEMORY
                         : rc < 0   ? ANNOTATE_UNREADABLE
                         : a->notes ? ANNOTATE_NOTED
                                    : ANNOTATE_NONE;
    free(a->hold);
    free(a);
    return r;
}
