/* Reads lower-case words, one a line, and prints "word<TAB>stem" for each, the
 * stem as the search index and queries get it: sspr__stem() of src/common/stem.c,
 * the private function the generator and the library both call. Used by
 * check_stem.py to compare it with a reference Porter stemmer. */
#include "stem.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[256], w[256];
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        memcpy(w, line, n + 1);
        size_t k = sspr__stem(w, n);
        if (k > n || w[k] != '\0') {
            fprintf(stderr, "sspr__stem(%s): length %zu, not NUL-terminated there\n", line, k);
            return 1;
        }
        printf("%s\t%s\n", line, w);
    }
    return ferror(stdout) ? 1 : 0;
}
