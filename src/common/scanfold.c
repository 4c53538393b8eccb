/* The scanner's text fold (see scanfold.h), shared by the generator and the library. */
#include "scanfold.h"

#include "lex.h"

static size_t fold_plain(sspr__fold *f, unsigned char b, unsigned char *out)
{
    if (sspr__cc_is(b, SSPR__CC_SPACE)) {
        if (f->space)
            return 0;
        f->space = 1;
        out[0] = ' ';
        return 1;
    }
    if (b == '"' || b == '\'')
        return 0;
    f->space = 0;
    out[0] = (unsigned char)sspr__lower(b);
    return 1;
}

/* What a whole typographic character folds to. */
static size_t fold_typo(sspr__fold *f, int ty, unsigned char *out)
{
    switch (ty) {
    case SSPR__TY_SPACE: return fold_plain(f, ' ', out);
    case SSPR__TY_QUOTE:
    case SSPR__TY_DQUOTE: return 0;
    case SSPR__TY_DASH: return fold_plain(f, '-', out);
    default: /* the ellipsis */
        f->space = 0;
        out[0] = out[1] = out[2] = '.';
        return 3;
    }
}

/* The pending bytes, as they are: they began no typographic character. */
static size_t fold_flush(sspr__fold *f, unsigned char *out)
{
    size_t n = f->npend;
    for (size_t i = 0; i < n; i++)
        out[i] = f->pend[i];
    if (n)
        f->space = 0;
    f->npend = 0;
    return n;
}

size_t sspr__fold_byte(sspr__fold *f, unsigned char b, unsigned char *out)
{
    if (f->npend == 0 && b < 0x80)
        return fold_plain(f, b, out);
    unsigned char seq[3] = {f->pend[0], f->pend[1], 0};
    seq[f->npend] = b;
    size_t len, n = (size_t)f->npend + 1;
    int ty = sspr__typo_at(seq, n, &len);
    if (ty == SSPR__TY_PARTIAL) {
        f->pend[f->npend++] = b;
        return 0;
    }
    if (ty >= 0) {
        f->npend = 0;
        return fold_typo(f, ty, out);
    }
    /* not one: the pending bytes stand as they are, and b begins anew */
    size_t k = fold_flush(f, out);
    if (sspr__typo_at(&b, 1, &len) == SSPR__TY_PARTIAL) {
        f->pend[f->npend++] = b;
        return k;
    }
    f->space = 0;
    out[k] = b;
    return k + 1;
}

size_t sspr__fold_end(sspr__fold *f, unsigned char *out)
{
    return fold_flush(f, out);
}
