/* What a helpdesk ticket quotes: each matching entry, its steps. */
#include <sspr-errors.h>
#include <stdio.h>

static void explain(const sspr_entry *e)
{
    printf("%s: %s\n", sspr_entry_id(e), sspr_entry_title(e));
    if (sspr_entry_source(e) && sspr_entry_code(e) >= 0)
        printf("  %s event %lld\n", sspr_entry_source(e),
               (long long)sspr_entry_code(e));
    for (size_t i = 0; i < sspr_entry_step_count(e); i++)
        printf("  %zu. %s\n", i + 1, sspr_entry_step(e, i));
    for (size_t i = 0; i < sspr_entry_procedure_count(e); i++) {
        const sspr_entry *p = sspr_entry_procedure(e, i);
        printf("  then: %s (%s)\n", sspr_entry_title(p),
               sspr_entry_id(p));
    }
}

int main(int argc, char **argv)
{
    const char *ticket = "Event 32009: Error getting auth token";
    if (argc > 1)
        ticket = argv[1];
    const sspr_entry *hits[16];
    size_t n = sspr_lookup(ticket, hits, 16);
    if (n == 0) {
        fprintf(stderr, "catalogue %s: nothing matches '%s'\n",
                sspr_catalog_version(), ticket);
        return 1;
    }
    for (size_t i = 0; i < n && i < 16; i++)
        explain(hits[i]);

    /* Count first (out NULL, cap 0), then read what you need. */
    size_t m = sspr_by_hresult(0x800700CEu, NULL, 0);
    printf("%zu entries for HRESULT 0x800700CE\n", m);
    return 0;
}
