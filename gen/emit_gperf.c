/* gperf inputs, one per hash table. Each names all of its functions and arrays
 * (several tables share one translation unit), uses %pic so the keywords are
 * offsets into a string pool rather than pointers, and maps a normalised key to
 * a span of postings in sspr__post. */
#include "emit.h"

#include "diag.h"
#include "index.h"

#include <string.h>

int emit_gperf(const m_catalog *cat, const char *table, const char *path)
{
    int t = ix_table_by_name(table);
    if (t < 0) {
        gen_error(path, 0, 0, "unknown hash table '%s'", table);
        return -1;
    }
    FILE *f = emit_open(path);
    if (!f)
        return -1;
    ix_index ix;
    ix_build(cat, &ix);
    const char *n = table;
    fputs("%{\n", f);
    fprintf(f, emit_banner_fmt, "/*");
    fputs(" * Input of gperf; its output is included once, by src/lib/lookup.c. */\n"
          "#include \"private.h\"\n#include <string.h>\n%}\n",
          f);
    fputs("%struct-type\n%language=ANSI-C\n%readonly-tables\n%pic\n%enum\n%compare-lengths\n", f);
    fprintf(f, "%%define hash-function-name sspr__%s_hash\n", n);
    fprintf(f, "%%define lookup-function-name sspr__%s_lookup\n", n);
    fprintf(f, "%%define string-pool-name sspr__%s_keypool\n", n);
    fprintf(f, "%%define word-array-name sspr__%s_words\n", n);
    fprintf(f, "%%define length-table-name sspr__%s_lengths\n", n);
    fprintf(f, "%%define constants-prefix SSPR__%s_\n", n);
    fputs("struct sspr__key;\n%%\n", f);
    const ix_table *tab = &ix.tables[t];
    for (size_t i = 0; i < tab->n; i++) {
        emit_c_string(f, tab->keys[i].key);
        fprintf(f, ", %lu, %lu\n", (unsigned long)tab->keys[i].first,
                (unsigned long)tab->keys[i].count);
    }
    if (tab->n == 0) /* gperf needs a keyword; this one has no postings */
        fputs("\"\\001\", 0, 0\n", f);
    fputs("%%\n", f);
    ix_free(&ix);
    return emit_close(f, path);
}
