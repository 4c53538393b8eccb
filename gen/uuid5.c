#include "uuid5.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rol(uint32_t x, unsigned n)
{
    return (x << n) | (x >> (32 - n));
}

static void block(uint32_t h[5], const uint8_t *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999u;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1u;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDCu;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6u;
        }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

void gen_sha1(const void *data, size_t n, uint8_t out[20])
{
    uint32_t h[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
    const uint8_t *p = data;
    size_t left = n;
    for (; left >= 64; left -= 64, p += 64)
        block(h, p);
    /* The tail, the 0x80 byte, zeroes and the length in bits: one or two blocks. */
    uint8_t last[128] = {0};
    memcpy(last, p, left);
    last[left] = 0x80;
    size_t total = left + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)n * 8;
    for (int i = 0; i < 8; i++)
        last[total - 1 - i] = (uint8_t)(bits >> (8 * i));
    block(h, last);
    if (total == 128)
        block(h, last + 64);
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++)
            out[4 * i + j] = (uint8_t)(h[i] >> (24 - 8 * j));
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int gen_uuid5(const char *ns, const char *name, char out[37])
{
    uint8_t bytes[16];
    size_t k = 0;
    for (size_t i = 0; ns[i]; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (ns[i] != '-')
                return -1;
            continue;
        }
        int hi = hexval((unsigned char)ns[i]),
            lo = ns[i + 1] ? hexval((unsigned char)ns[i + 1]) : -1;
        if (hi < 0 || lo < 0 || k == 16)
            return -1;
        bytes[k++] = (uint8_t)(hi << 4 | lo);
        i++;
    }
    if (k != 16 || strlen(ns) != 36)
        return -1;
    size_t n = strlen(name);
    uint8_t *buf = malloc(16 + n);
    if (!buf)
        return -1;
    memcpy(buf, bytes, 16);
    memcpy(buf + 16, name, n);
    uint8_t hash[20];
    gen_sha1(buf, 16 + n, hash);
    free(buf);
    hash[6] = (uint8_t)((hash[6] & 0x0F) | 0x50); /* version 5 */
    hash[8] = (uint8_t)((hash[8] & 0x3F) | 0x80); /* the RFC's variant */
    size_t o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        snprintf(out + o, 3, "%02x", hash[i]);
        o += 2;
    }
    out[o] = '\0';
    return 0;
}
