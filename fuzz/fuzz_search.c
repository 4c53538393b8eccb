/* libFuzzer harness: sspr_search on arbitrary bytes. Beyond "no crash": the
 * count does not depend on cap, a smaller cap gives the same first hits, scores
 * never increase down the list, and every hit is a catalogue entry. */
#include "sspr-errors.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *q = malloc(size + 1);
    if (!q)
        return 0;
    memcpy(q, data, size);
    q[size] = '\0';
    sspr_hit all[32], few[3];
    size_t n = sspr_search(q, all, 32);
    if (sspr_search(q, NULL, 0) != n || sspr_search(q, few, 3) != n)
        abort();
    for (size_t i = 0; i < n && i < 32; i++) {
        size_t k = 0;
        while (k < sspr_count() && sspr_at(k) != all[i].entry)
            k++;
        if (k == sspr_count())
            abort();
        if (i > 0 && all[i].score > all[i - 1].score)
            abort();
        if (i < 3 && (few[i].entry != all[i].entry || few[i].score != all[i].score))
            abort();
    }
    free(q);
    return 0;
}
