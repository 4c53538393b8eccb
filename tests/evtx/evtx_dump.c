/* evtx-dump FILE...: the library's EVTX reader (src/lib/evtx) on each file, one
 * JSON object per record on stdout, in this key order:
 *   {"offset":N,"record_id":N,"time":"YYYY-MM-DDTHH:MM:SS.fffffffZ"|null,
 *    "provider":str|null,"event_id":N|null,"qualifiers":N|null,"level":N|null,
 *    "channel":str|null,"computer":str|null,"data":[str,...],"data_names":[str|null,...]}
 * and after each file one line on stderr:
 *   FILE: N records, N chunks, skipped N chunks N records (first at offset N)
 * The file is read through the reader's read callback (64 KiB at a time).
 * Exit status 0 when every file was read, 2 when one cannot be opened or is
 * not EVTX (no file signature and no chunk), 1 on a read error. */
#include "evtx/evtx.h"

#include <stdio.h>
#include <string.h>

static void dump_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                putc(*p, out);
        }
    }
    putc('"', out);
}

static void dump_num(FILE *out, int64_t v)
{
    if (v < 0)
        fputs("null", out);
    else
        fprintf(out, "%lld", (long long)v);
}

static void dump_event(void *ctx, const sspr__evtx_event *ev)
{
    FILE *out = ctx;
    fprintf(out, "{\"offset\":%llu,\"record_id\":%llu,\"time\":", (unsigned long long)ev->offset,
            (unsigned long long)ev->record_id);
    if (ev->created) {
        char t[29];
        sspr__evtx_time_text(ev->created, t);
        dump_str(out, t);
    } else {
        fputs("null", out);
    }
    fputs(",\"provider\":", out);
    dump_str(out, ev->provider);
    fputs(",\"event_id\":", out);
    dump_num(out, ev->event_id);
    fputs(",\"qualifiers\":", out);
    dump_num(out, ev->qualifiers);
    fputs(",\"level\":", out);
    dump_num(out, ev->level);
    fputs(",\"channel\":", out);
    dump_str(out, ev->channel);
    fputs(",\"computer\":", out);
    dump_str(out, ev->computer);
    fputs(",\"data\":[", out);
    for (size_t i = 0; i < ev->ndata; i++) {
        if (i)
            putc(',', out);
        dump_str(out, ev->data[i]);
    }
    fputs("],\"data_names\":[", out);
    for (size_t i = 0; i < ev->ndata; i++) {
        if (i)
            putc(',', out);
        dump_str(out, ev->data_name[i]);
    }
    fputs("]}\n", out);
}

static long long dump_read(void *ctx, void *buf, size_t len)
{
    FILE *f = ctx;
    size_t n = fread(buf, 1, len, f);
    if (n == 0 && ferror(f))
        return -1;
    return (long long)n;
}

static int dump_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    sspr__evtx_stats st;
    int rc = sspr__evtx_read(NULL, 0, dump_read, f, dump_event, stdout, &st);
    fclose(f);
    if (rc != 0) {
        fprintf(stderr, "%s: read error\n", path);
        return 1;
    }
    if (st.header_bad && st.chunks == 0) {
        fprintf(stderr, "%s: not an EVTX file\n", path);
        return 2;
    }
    fprintf(stderr, "%s: %llu records, %llu chunks, skipped %llu chunks %llu records", path,
            (unsigned long long)st.records, (unsigned long long)st.chunks,
            (unsigned long long)st.chunks_skipped, (unsigned long long)st.records_skipped);
    if (st.chunks_skipped || st.records_skipped)
        fprintf(stderr, " (first at offset %llu)", (unsigned long long)st.first_skip_offset);
    fputc('\n', stderr);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: evtx-dump FILE...\n", stderr);
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int rc = dump_file(argv[i]);
        if (rc > status)
            status = rc;
    }
    return status;
}
