/* gperf inputs, one per hash table. Each names all of its functions and arrays
 * (several tables share one translation unit), uses %pic so the keywords are
 * offsets into a string pool rather than pointers, and maps a normalised key to
 * a span of postings in sspr__post. */
#include "emit.h"

#include "diag.h"
#include "index.h"
#include "norm.h"

#include <stdlib.h>

#include <string.h>

int emit_gperf_bundle(FILE *f, const char *table, const char *include, const char *key_struct,
                      char *const *keys, char *const *lines, size_t n, const char *dummy)
{
    unsigned shards = (unsigned)((n + EMIT_SHARD_KEYS - 1) / EMIT_SHARD_KEYS);
    if (shards == 0)
        shards = 1;
    unsigned *shard_of = gen_xmalloc((n ? n : 1) * sizeof *shard_of);
    for (size_t i = 0; i < n; i++)
        shard_of[i] = sspr__shard_of(keys[i], strlen(keys[i]), shards);
    fprintf(f, "#sspr-gperf-bundle %u\n", shards);
    for (unsigned s = 0; s < shards; s++) {
        fputs("#shard\n%{\n", f);
        fprintf(f, emit_banner_fmt, "/*");
        fprintf(f, " * Shard %u of %u of the %s table: gperf input. */\n", s, shards, table);
        if (s == 0)
            fprintf(f, "#include \"%s\"\n#include <string.h>\n", include);
        fputs("%}\n%struct-type\n%language=ANSI-C\n%readonly-tables\n%pic\n%enum\n"
              "%compare-lengths\n",
              f);
        fprintf(f, "%%define hash-function-name sspr__%s_hash_%u\n", table, s);
        fprintf(f, "%%define lookup-function-name sspr__%s_lookup_%u\n", table, s);
        fprintf(f, "%%define string-pool-name sspr__%s_keypool_%u\n", table, s);
        fprintf(f, "%%define word-array-name sspr__%s_words_%u\n", table, s);
        fprintf(f, "%%define length-table-name sspr__%s_lengths_%u\n", table, s);
        fprintf(f, "%%define constants-prefix SSPR__%s_%u_\n", table, s);
        fprintf(f, "struct %s;\n%%%%\n", key_struct);
        size_t in_shard = 0;
        for (size_t i = 0; i < n; i++) {
            if (shard_of[i] != s)
                continue;
            emit_c_string(f, keys[i]);
            fprintf(f, "%s\n", lines[i]);
            in_shard++;
        }
        if (in_shard == 0) /* a control character: no normalised key contains one */
            fprintf(f, "\"\\001\"%s\n", dummy);
        fputs("%%\n", f);
    }
    fputs("#tail\n", f);
    fprintf(f, "\nconst struct %s *sspr__%s_find(const char *str, size_t len);\n\n", key_struct,
            table);
    fprintf(f, "const struct %s *sspr__%s_find(const char *str, size_t len)\n{\n", key_struct,
            table);
    if (shards == 1) {
        fprintf(f, "    return sspr__%s_lookup_0(str, len);\n}\n", table);
    } else {
        fprintf(f, "    switch (sspr__shard_of(str, len, %uu)) {\n", shards);
        for (unsigned s = 0; s < shards; s++)
            fprintf(f, "    case %u: return sspr__%s_lookup_%u(str, len);\n", s, table, s);
        fputs("    default: return NULL;\n    }\n}\n", f);
    }
    free(shard_of);
    return 0;
}

int emit_gperf(const m_catalog *cat, const char *table, const char *path)
{
    int t = ix_table_by_name(table);
    if (t < 0 || t >= IX_TEXT_TABLES) {
        gen_error(path, 0, 0, "unknown hash table '%s'", table);
        return -1;
    }
    FILE *f = emit_open(path);
    if (!f)
        return -1;
    ix_index ix;
    ix_build(cat, &ix);
    const ix_table *tab = &ix.tables[t];
    char **keys = gen_xmalloc((tab->n ? tab->n : 1) * sizeof *keys);
    char **lines = gen_xmalloc((tab->n ? tab->n : 1) * sizeof *lines);
    for (size_t i = 0; i < tab->n; i++) {
        char line[64];
        snprintf(line, sizeof line, ", %lu, %lu", (unsigned long)tab->keys[i].first,
                 (unsigned long)tab->keys[i].count);
        keys[i] = tab->keys[i].key;
        lines[i] = gen_xstrdup(line);
    }
    emit_gperf_bundle(f, table, "private.h", "sspr__key", keys, lines, tab->n, ", 0, 0");
    for (size_t i = 0; i < tab->n; i++)
        free(lines[i]);
    free(keys);
    free(lines);
    ix_free(&ix);
    return emit_close(f, path);
}
