#define _POSIX_C_SOURCE 200809L /* mkdir, opendir: the output directory */
#include "emit_siem.h"

#include "diag.h"
#include "emit.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int siem_failure_event(const m_entry *e)
{
    return e->kind == SSPR__KIND_EVENT && e->code >= 0 &&
           (e->source == SSPR__SOURCE_PRS || e->source == SSPR__SOURCE_ADSYNC) &&
           (e->severity == SSPR__SEVERITY_WARNING || e->severity == SSPR__SEVERITY_ERROR);
}

int siem_dir_open(siem_dir *d, const char *dir, const char *suffix)
{
    memset(d, 0, sizeof *d);
    d->dir = dir;
    d->suffix = suffix;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        gen_error(dir, 0, 0, "cannot create the directory: %s", strerror(errno));
        return -1;
    }
    return 0;
}

FILE *siem_dir_file(siem_dir *d, const char *name)
{
    size_t n = strlen(d->dir) + strlen(name) + 2;
    char *path = gen_xmalloc(n);
    snprintf(path, n, "%s/%s", d->dir, name);
    d->written = gen_xrealloc(d->written, (d->n + 1) * sizeof *d->written);
    d->written[d->n++] = path;
    FILE *f = emit_open(path);
    d->bad |= f == NULL;
    return f;
}

void siem_dir_commit(siem_dir *d, FILE *f)
{
    if (f)
        d->bad |= emit_close(f, d->written[d->n - 1]) != 0;
}

static int was_written(const siem_dir *d, const char *name)
{
    size_t dn = strlen(d->dir);
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->written[i] + dn + 1, name) == 0)
            return 1;
    return 0;
}

int siem_dir_close(siem_dir *d)
{
    DIR *dh = d->bad ? NULL : opendir(d->dir);
    size_t sn = strlen(d->suffix);
    for (struct dirent *e; dh && (e = readdir(dh)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n <= sn || strcmp(e->d_name + n - sn, d->suffix) != 0 || was_written(d, e->d_name))
            continue;
        size_t pn = strlen(d->dir) + n + 2;
        char *path = gen_xmalloc(pn);
        snprintf(path, pn, "%s/%s", d->dir, e->d_name);
        if (remove(path) != 0) {
            gen_error(path, 0, 0, "cannot remove a stale file: %s", strerror(errno));
            d->bad = 1;
        }
        free(path);
    }
    if (dh)
        closedir(dh);
    for (size_t i = 0; i < d->n; i++)
        free(d->written[i]);
    free(d->written);
    return d->bad ? -1 : 0;
}
