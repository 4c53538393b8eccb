/* The runtime versions agree with the header the test was compiled with. */
#include "sspr-errors.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

/* MAJOR.MINOR.PATCH: digits only, no leading zero unless the number is 0. */
static int is_semver(const char *s)
{
    for (int part = 0; part < 3; part++) {
        if (part > 0 && *s++ != '.')
            return 0;
        if (*s < '0' || *s > '9')
            return 0;
        if (*s == '0' && s[1] >= '0' && s[1] <= '9')
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

Test(version, runtime_matches_the_header)
{
    cr_assert_not_null(sspr_version());
    cr_assert_str_eq(sspr_version(), SSPR_ERRORS_VERSION_STRING);
    char expect[64];
    snprintf(expect, sizeof expect, "%d.%d.%d", SSPR_ERRORS_VERSION_MAJOR,
             SSPR_ERRORS_VERSION_MINOR, SSPR_ERRORS_VERSION_PATCH);
    cr_assert_str_eq(sspr_version(), expect);
}

Test(version, hex_matches_the_parts)
{
    cr_assert_eq(SSPR_ERRORS_VERSION_HEX, (SSPR_ERRORS_VERSION_MAJOR << 16) |
                                              (SSPR_ERRORS_VERSION_MINOR << 8) |
                                              SSPR_ERRORS_VERSION_PATCH);
    cr_assert_lt(SSPR_ERRORS_VERSION_MINOR, 256);
    cr_assert_lt(SSPR_ERRORS_VERSION_PATCH, 256);
#if SSPR_ERRORS_VERSION_HEX < 0x010000
#error "the preprocessor must be able to compare SSPR_ERRORS_VERSION_HEX"
#endif
}

Test(version, catalogue_version_is_semver)
{
    const char *v = sspr_catalog_version();
    cr_assert_not_null(v);
    cr_assert(is_semver(v), "catalogue version '%s' is not MAJOR.MINOR.PATCH", v);
    cr_assert(is_semver(sspr_version()));
    cr_assert_eq(sspr_catalog_version(), v, "a stable pointer to static data");
}
