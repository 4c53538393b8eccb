/* Decoding: UTF-8 passes through; UTF-16 is transcoded into a stack buffer. */
#include "scan.h"

size_t sspr__scan_put_utf8(uint32_t c, unsigned char *o)
{
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | c >> 6);
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12);
        o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18);
    o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* One UTF-16 code unit into UTF-8 (a lone surrogate becomes U+FFFD). */
static size_t scan_unit(scan_state *s, unsigned u, unsigned char *o)
{
    size_t n = 0;
    if (s->high) {
        unsigned hi = s->high;
        s->high = 0;
        if (u >= 0xDC00 && u <= 0xDFFF)
            return sspr__scan_put_utf8(0x10000u + ((hi - 0xD800u) << 10) + (u - 0xDC00u), o);
        n = sspr__scan_put_utf8(0xFFFD, o);
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        s->high = (uint16_t)u;
        return n;
    }
    if (u >= 0xDC00 && u <= 0xDFFF)
        return n + sspr__scan_put_utf8(0xFFFD, o + n);
    return n + sspr__scan_put_utf8(u, o + n);
}

static void scan_utf16(scan_state *s, const unsigned char *p, size_t len)
{
    unsigned char out[SCAN_DECODE];
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (!s->has_odd && !s->high && s->enc == ENC_UTF16LE) { /* ASCII runs, quickly */
            while (i + 1 < len && p[i + 1] == 0 && p[i] < 0x80 && o < SCAN_DECODE - 8)
                out[o++] = p[(i += 2) - 2];
            if (o > SCAN_DECODE - 8) {
                sspr__scan_bytes(s, out, o);
                o = 0;
            }
            if (i >= len)
                break;
        }
        if (!s->has_odd) {
            s->odd = p[i];
            s->has_odd = 1;
            continue;
        }
        s->has_odd = 0;
        unsigned u = s->enc == ENC_UTF16LE ? (unsigned)s->odd | (unsigned)p[i] << 8
                                           : (unsigned)s->odd << 8 | p[i];
        o += scan_unit(s, u, out + o);
        if (o > SCAN_DECODE - 8) {
            sspr__scan_bytes(s, out, o);
            o = 0;
        }
    }
    if (o)
        sspr__scan_bytes(s, out, o);
}

void sspr__scan_decoded(scan_state *s, const unsigned char *p, size_t len)
{
    if (s->enc == ENC_UTF8)
        sspr__scan_bytes(s, p, len);
    else
        scan_utf16(s, p, len);
}

/* The encoding, from the first bytes: a BOM, or UTF-16LE text whose first
 * character is ASCII (a zero second byte), else UTF-8. */
void sspr__scan_detect(scan_state *s)
{
    const unsigned char *h = s->head;
    size_t n = s->nhead, skip = 0;
    if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) {
        s->enc = ENC_UTF8;
        skip = 3;
    } else if (n >= 2 && h[0] == 0xFF && h[1] == 0xFE) {
        s->enc = ENC_UTF16LE;
        skip = 2;
    } else if (n >= 2 && h[0] == 0xFE && h[1] == 0xFF) {
        s->enc = ENC_UTF16BE;
        skip = 2;
    } else if (n >= 2 && h[0] != 0 && h[1] == 0) {
        s->enc = ENC_UTF16LE;
    } else {
        s->enc = ENC_UTF8;
    }
    s->nhead = 0;
    if (n > skip)
        sspr__scan_decoded(s, h + skip, n - skip);
}
