/* HTML text escaping, shared by the generator's reference page (gen/emit_html.c)
 * and the CLI's report (src/cli/report.c): one definition of what a page may
 * hold of outside text. */
#ifndef SSPR_COMMON_HTML_H
#define SSPR_COMMON_HTML_H

#include <stdio.h>

/* Writes s (NULL: nothing) to f as HTML text or attribute value: & < > " '
 * escaped, tab and line breaks kept, other control characters as a space. */
void sspr__html_escape(FILE *f, const char *s);

#endif
