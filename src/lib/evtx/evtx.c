/* EVTX files: the file header, 64 KiB chunks and the records in them; the
 * BinXML of a record is read by binxml.c. See evtx.h for what is read and how
 * damage is handled. Statics are prefixed ex_ (the library is also built as
 * one file). */
#include "evtx/evtx.h"

#include <stdlib.h>
#include <string.h>

/* EX_NO_CRC: a flag of the file header and of chunk headers (Windows 10 and
 * later, format 3.2): the checksums are not written. */
enum { EX_CHUNK_HEADER = 512, EX_RECORD_MIN = 28, EX_NO_CRC = 4 };

/* The whole state of one sspr__evtx_read call, allocated once. */
typedef struct ex_reader {
    uint32_t crc[8][256]; /* CRC-32 (RFC 1952), slicing by 8, made at first use */
    int crc_ready;
    uint8_t *buf; /* a chunk, when reading through a callback */
    sspr__evtx_fn on_event;
    void *ctx;
    sspr__evtx_stats *st;
    int skipped;
    int no_crc;       /* the file header says no checksums */
    uint64_t nchunks; /* chunks the (good) file header counts, 0 if bad */
    sspr__evtx_event ev;
    sspr__evtx_work *work;
} ex_reader;

static uint32_t ex_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t ex_u64(const uint8_t *p)
{
    return (uint64_t)ex_u32(p) | (uint64_t)ex_u32(p + 4) << 32;
}

static void ex_crc_init(ex_reader *r)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        r->crc[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            r->crc[t][i] = r->crc[t - 1][i] >> 8 ^ r->crc[0][r->crc[t - 1][i] & 0xFF];
}

/* Continues a CRC-32: start with crc 0 for a new one. */
static uint32_t ex_crc(ex_reader *r, uint32_t crc, const uint8_t *p, size_t n)
{
    if (!r->crc_ready) {
        ex_crc_init(r);
        r->crc_ready = 1;
    }
    crc = ~crc;
    while (n >= 8) {
        uint32_t a = crc ^ ex_u32(p), b = ex_u32(p + 4);
        crc = r->crc[7][a & 0xFF] ^ r->crc[6][a >> 8 & 0xFF] ^ r->crc[5][a >> 16 & 0xFF] ^
              r->crc[4][a >> 24] ^ r->crc[3][b & 0xFF] ^ r->crc[2][b >> 8 & 0xFF] ^
              r->crc[1][b >> 16 & 0xFF] ^ r->crc[0][b >> 24];
        p += 8;
        n -= 8;
    }
    while (n--)
        crc = r->crc[0][(crc ^ *p++) & 0xFF] ^ crc >> 8;
    return ~crc;
}

int sspr__evtx_magic(const void *p, size_t n)
{
    return p && n >= 8 && memcmp(p, "ElfFile", 8) == 0;
}

static void ex_skip(ex_reader *r, uint64_t offset, int chunk)
{
    if (chunk)
        r->st->chunks_skipped++;
    else
        r->st->records_skipped++;
    if (!r->skipped) {
        r->skipped = 1;
        r->st->first_skip_offset = offset;
    }
}

static void ex_header(ex_reader *r, const uint8_t *h, size_t n)
{
    if (n < 128 || !sspr__evtx_magic(h, n)) {
        r->st->header_bad = 1;
        return;
    }
    uint32_t flags = ex_u32(h + 120);
    if (!(flags & EX_NO_CRC) && ex_crc(r, 0, h, 120) != ex_u32(h + 124)) {
        r->st->header_bad = 1;
        return;
    }
    r->st->dirty = (flags & 1) != 0;
    r->nchunks = ex_u32(h + 42) & 0xFFFF;
    r->no_crc = (flags & EX_NO_CRC) != 0;
}

/* A record that frames well at pos: signature, size within the chunk, and the
 * size's copy at its end. */
static uint32_t ex_record_size(const uint8_t *c, uint32_t pos)
{
    if (SSPR_EVTX_CHUNK - pos < EX_RECORD_MIN || memcmp(c + pos, "**\0\0", 4) != 0)
        return 0;
    uint32_t size = ex_u32(c + pos + 4);
    if (size < EX_RECORD_MIN || size > SSPR_EVTX_CHUNK - pos || ex_u32(c + pos + size - 4) != size)
        return 0;
    return size;
}

/* The next position from pos on, before end, where a record frames well; end if none. */
static uint32_t ex_resync(const uint8_t *c, uint32_t pos, uint32_t end)
{
    while (pos + EX_RECORD_MIN <= end) {
        const uint8_t *hit = memchr(c + pos, '*', end - pos);
        if (!hit)
            break;
        pos = (uint32_t)(hit - c);
        if (ex_record_size(c, pos))
            return pos;
        pos++;
    }
    return end;
}

static int ex_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

/* A chunk's header checks: its signature, and its header checksum unless
 * the file or chunk says there is none. When only the header checksum fails
 * (the bytes it covers include the string and template tables, which this
 * reader does not use) the chunk is still read if its records checksum holds:
 * that checksum, over the bytes up to the free space offset, vouches for the
 * offsets the reader does use. Returns 0 to skip, 1 to read. */
static int ex_chunk_ok(ex_reader *r, const uint8_t *c, uint32_t free)
{
    if (memcmp(c, "ElfChnk", 8) != 0)
        return 0;
    if (r->no_crc || (ex_u32(c + 120) & EX_NO_CRC))
        return 1;
    uint32_t records = ex_crc(r, 0, c + EX_CHUNK_HEADER, free - EX_CHUNK_HEADER);
    int records_ok = records == ex_u32(c + 52);
    uint32_t crc = ex_crc(r, ex_crc(r, 0, c, 120), c + 128, EX_CHUNK_HEADER - 128);
    if (crc != ex_u32(c + 124)) {
        if (!records_ok)
            return 0;
        r->st->chunks_bad_crc++;
    } else if (!records_ok) {
        r->st->chunks_bad_crc++;
    }
    return 1;
}

static void ex_chunk(ex_reader *r, const uint8_t *c, uint64_t base, uint64_t index)
{
    if (ex_zero(c, EX_CHUNK_HEADER)) {
        r->st->chunks_empty++;
        return;
    }
    uint32_t last = ex_u32(c + 44), free = ex_u32(c + 48);
    if (free < EX_CHUNK_HEADER || free > SSPR_EVTX_CHUNK)
        free = SSPR_EVTX_CHUNK;
    if (!ex_chunk_ok(r, c, free)) {
        /* past the chunks a good file header counts: unused space, not damage */
        if (r->nchunks && index >= r->nchunks && memcmp(c, "ElfChnk", 8) != 0)
            r->st->chunks_empty++;
        else
            ex_skip(r, base, 1);
        return;
    }
    r->st->chunks++;
    sspr__evtx_work_chunk(r->work, c);
    uint32_t pos = EX_CHUNK_HEADER;
    while (pos + EX_RECORD_MIN <= free) {
        uint32_t size = ex_record_size(c, pos);
        if (!size) {
            /* past the last record: the free space, often zeros */
            if (pos > last || ex_zero(c + pos, free - pos))
                break;
            ex_skip(r, base + pos, 0);
            pos = ex_resync(c, pos + 1, free);
            continue;
        }
        sspr__evtx_event *ev = &r->ev;
        ev->offset = base + pos;
        ev->record_id = ex_u64(c + pos + 8);
        ev->written = ex_u64(c + pos + 16);
        if (sspr__evtx_binxml(r->work, pos + 24, pos + size - 4, ev) == 0) {
            r->st->records++;
            if (r->on_event)
                r->on_event(r->ctx, ev);
        } else {
            ex_skip(r, base + pos, 0);
        }
        pos += size;
    }
}

/* Reads up to n bytes through rd; the count, or -1 on error. */
static long long ex_fill(sspr__evtx_read_fn rd, void *rctx, uint8_t *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        long long k = rd(rctx, buf + got, n - got);
        if (k < 0)
            return -1;
        if (k == 0)
            break;
        got += (size_t)k;
    }
    return (long long)got;
}

static int ex_read_stream(ex_reader *r, sspr__evtx_read_fn rd, void *rctx)
{
    long long n = ex_fill(rd, rctx, r->buf, SSPR_EVTX_HEADER);
    if (n < 0)
        return -1;
    ex_header(r, r->buf, (size_t)n);
    if (n < SSPR_EVTX_HEADER)
        return 0;
    for (uint64_t base = SSPR_EVTX_HEADER;; base += SSPR_EVTX_CHUNK) {
        n = ex_fill(rd, rctx, r->buf, SSPR_EVTX_CHUNK);
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        if (n < SSPR_EVTX_CHUNK) {
            ex_skip(r, base, 1);
            return 0;
        }
        ex_chunk(r, r->buf, base, (base - SSPR_EVTX_HEADER) / SSPR_EVTX_CHUNK);
    }
}

static void ex_read_mem(ex_reader *r, const uint8_t *mem, size_t len)
{
    ex_header(r, mem, len);
    if (len <= SSPR_EVTX_HEADER)
        return;
    uint64_t base = SSPR_EVTX_HEADER;
    for (; len - base >= SSPR_EVTX_CHUNK; base += SSPR_EVTX_CHUNK)
        ex_chunk(r, mem + base, base, (base - SSPR_EVTX_HEADER) / SSPR_EVTX_CHUNK);
    if (len > base)
        ex_skip(r, base, 1);
}

int sspr__evtx_read(const void *mem, size_t len, sspr__evtx_read_fn rd, void *rctx,
                    sspr__evtx_fn on_event, void *ctx, sspr__evtx_stats *stats)
{
    sspr__evtx_stats local;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if ((!mem && !rd) || (mem && rd))
        return -1;
    ex_reader *r = malloc(sizeof *r);
    sspr__evtx_work *work = malloc(sspr__evtx_work_size());
    uint8_t *buf = rd ? malloc(SSPR_EVTX_CHUNK) : NULL;
    int rc = -1;
    if (r && work && (buf || !rd)) {
        r->crc_ready = 0;
        r->buf = buf;
        r->on_event = on_event;
        r->ctx = ctx;
        r->st = stats;
        r->skipped = 0;
        r->no_crc = 0;
        r->nchunks = 0;
        r->work = work;
        rc = 0;
        if (mem)
            ex_read_mem(r, mem, len);
        else
            rc = ex_read_stream(r, rd, rctx);
    }
    free(buf);
    free(work);
    free(r);
    return rc;
}
