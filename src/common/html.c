/* HTML text escaping (see html.h). */
#include "html.h"

void sspr__html_escape(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        case '\t':
        case '\n':
        case '\r': fputc(*p, f); break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                fputc(' ', f); /* not allowed in XML or HTML text */
            else
                fputc(*p, f);
        }
    }
}
