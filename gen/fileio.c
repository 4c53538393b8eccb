#include "fileio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *gen_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *bigger = realloc(buf, 2 * cap + 1);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int err = buf ? ferror(f) : ENOMEM;
    int saved = errno;
    fclose(f);
    if (err) {
        free(buf);
        errno = saved ? saved : EIO;
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* PATH.tmp, or NULL with errno set. */
static char *tmp_name(const char *path)
{
    size_t n = strlen(path) + 5;
    char *tmp = malloc(n);
    if (!tmp) {
        errno = ENOMEM;
        return NULL;
    }
    snprintf(tmp, n, "%s.tmp", path);
    return tmp;
}

FILE *gen_create(const char *path)
{
    char *tmp = tmp_name(path);
    if (!tmp)
        return NULL;
    FILE *f = fopen(tmp, "wb");
    int saved = errno;
    free(tmp);
    errno = saved;
    return f;
}

int gen_commit(FILE *f, const char *path, int ok)
{
    char *tmp = tmp_name(path);
    errno = 0;
    int bad = !ok || ferror(f);
    int saved = errno;
    bad |= fclose(f) != 0;
    if (!saved)
        saved = errno;
    if (!bad && tmp && rename(tmp, path) != 0) {
        bad = 1;
        saved = errno;
    }
    if (bad && tmp)
        remove(tmp);
    if (!tmp) {
        bad = 1;
        saved = ENOMEM;
    }
    free(tmp);
    errno = bad ? (saved ? saved : EIO) : 0;
    return bad ? -1 : 0;
}
