/* libFuzzer harness: sspr_lookup, sspr_by_id and sspr_by_name on arbitrary bytes.
 * Checks, beyond "no crash": the count does not depend on cap, the first results
 * are the same for every cap, and every pointer returned is a catalogue entry. */
#include "sspr-errors.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int is_entry(const sspr_entry *e)
{
    for (size_t i = 0; i < sspr_count(); i++)
        if (sspr_at(i) == e)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *q = malloc(size + 1);
    if (!q)
        return 0;
    memcpy(q, data, size);
    q[size] = '\0'; /* the API takes C strings: embedded NULs end the query */
    const sspr_entry *all[64], *few[2];
    size_t n = sspr_lookup(q, all, 64);
    size_t n0 = sspr_lookup(q, NULL, 0);
    size_t n2 = sspr_lookup(q, few, 2);
    if (n != n0 || n != n2)
        abort();
    for (size_t i = 0; i < n && i < 64; i++) {
        if (!is_entry(all[i]))
            abort();
        if (i < 2 && few[i] != all[i])
            abort();
        for (size_t j = 0; j < i; j++)
            if (all[j] == all[i]) /* an entry is reported once */
                abort();
    }
    const sspr_entry *e = sspr_by_id(q);
    if (e && !is_entry(e))
        abort();
    e = sspr_by_name(q);
    if (e && !is_entry(e))
        abort();
    free(q);
    return 0;
}
