/* The public header alone must compile cleanly in every language mode we
 * promise (C99, C11, C++): this file is built once per mode. */
#include <sspr-errors.h>

int main(void)
{
    return sspr_count() > 0 ? 0 : 1;
}
