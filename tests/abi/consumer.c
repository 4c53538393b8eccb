/* An outside program: built against an installed library (pkg-config), the
 * amalgamation, or a meson subproject, it must find what the README promises. */
#include <sspr-errors.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const sspr_entry *hits[4];
    size_t n = sspr_lookup("hr=800700CE", hits, 4);
    if (n == 0 || strcmp(sspr_entry_id(hits[0]), "adsync-hr-800700ce") != 0) {
        fprintf(stderr, "consumer: lookup failed\n");
        return 1;
    }
    if (strcmp(sspr_version(), SSPR_ERRORS_VERSION_STRING) != 0) {
        fprintf(stderr, "consumer: header %s, library %s\n", SSPR_ERRORS_VERSION_STRING,
                sspr_version());
        return 1;
    }
    printf("%s %s\n", sspr_entry_id(hits[0]), sspr_version());
    return 0;
}
