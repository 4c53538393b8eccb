/* libFuzzer harness: the generator's catalogue loader and validator (Jansson
 * parse, position scanner, every check) on arbitrary bytes. A valid result must
 * also survive building the index. Diagnostics are silenced. */
#include "diag.h"
#include "index.h"
#include "model.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    m_catalog cat;
    gen_reset(1);
    if (m_load_text(&cat, "fuzz.json", (const char *)data, size) == 0) {
        ix_index ix;
        ix_build(&cat, &ix);
        ix_free(&ix);
    }
    m_free(&cat);
    return 0;
}
