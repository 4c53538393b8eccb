/* The CLI's small helpers (see text.h). */
#include "text.h"

#include "lex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int cli_same(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (sspr__lower((unsigned char)*a) != sspr__lower((unsigned char)*b))
            return 0;
    return *a == *b;
}

int cli_contains(const char *s, const char *word)
{
    size_t n = strlen(word);
    if (n == 0)
        return 1;
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] &&
               sspr__lower((unsigned char)s[i]) == sspr__lower((unsigned char)word[i]))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

void cli_copy(char *dst, size_t size, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= size) { /* cut at a character's start, not inside it */
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

int cli_reserve(void **v, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 1;
    size_t n = *cap ? *cap : first;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return 0;
        n *= 2;
    }
    if (n > SIZE_MAX / size)
        return 0;
    void *grown = realloc(*v, n * size);
    if (!grown)
        return 0;
    *v = grown;
    *cap = n;
    return 1;
}
