/* The scanner's text fold (see scanfold.h), shared by the generator and the library. */
#include "scanfold.h"

static size_t fold_plain(sspr__fold *f, unsigned char b, unsigned char *out)
{
    if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\v' || b == '\f') {
        if (f->space)
            return 0;
        f->space = 1;
        out[0] = ' ';
        return 1;
    }
    if (b == '"' || b == '\'')
        return 0;
    if (b == 0xC2 || b == 0xE2) {
        f->pend = b;
        return 0;
    }
    f->space = 0;
    out[0] = (b >= 'A' && b <= 'Z') ? (unsigned char)(b - 'A' + 'a') : b;
    return 1;
}

/* The bytes of an unfinished sequence, as they are. */
static size_t fold_flush(sspr__fold *f, unsigned char *out)
{
    size_t n = 0;
    if (f->pend == 0xC2 || f->pend == 0xE2)
        out[n++] = f->pend;
    else if (f->pend == 0x80) {
        out[n++] = 0xE2;
        out[n++] = 0x80;
    }
    if (n)
        f->space = 0;
    f->pend = 0;
    return n;
}

size_t sspr__fold_byte(sspr__fold *f, unsigned char b, unsigned char *out)
{
    if (f->pend == 0xC2 && b == 0xA0) { /* no-break space */
        f->pend = 0;
        return fold_plain(f, ' ', out);
    }
    if (f->pend == 0xE2 && b == 0x80) {
        f->pend = 0x80;
        return 0;
    }
    if (f->pend == 0x80) {
        f->pend = 0;
        switch (b) {
        case 0x98: case 0x99: case 0x9C: case 0x9D: /* typographic quotes */
            return 0;
        case 0x90: case 0x91: case 0x93: case 0x94: /* dashes */
            return fold_plain(f, '-', out);
        case 0xA6: /* ellipsis */
            f->space = 0;
            out[0] = out[1] = out[2] = '.';
            return 3;
        default:
            f->pend = 0x80;
            break;
        }
    }
    size_t n = fold_flush(f, out);
    return n + fold_plain(f, b, out + n);
}

size_t sspr__fold_end(sspr__fold *f, unsigned char *out)
{
    return fold_flush(f, out);
}
