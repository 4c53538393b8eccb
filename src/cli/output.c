#include "output.h"

#include "html.h"

#include "schema.def"

#include <string.h>

enum { WIDTH = 80 };

void out_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

/* Display width of a UTF-8 string, counting one column per character. */
static int columns(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

void out_wrap(FILE *f, const char *first, const char *text, int indent, int width)
{
    fputs(first, f);
    int col = columns(first, strlen(first));
    int line_start = 1;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " ");
        int w = columns(p, n);
        if (!line_start && col + 1 + w > width) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
            line_start = 1;
        }
        if (!line_start) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, n, f);
        col += w;
        line_start = 0;
        p += n;
    }
    fputc('\n', f);
}

/* "PasswordResetService 32009", "ADSync 6329 0x80230619", or the kind. */
static void describe_code(const sspr_entry *e, char *buf, size_t cap)
{
    const char *src = sspr_entry_source(e);
    int64_t code = sspr_entry_code(e);
    int n = 0;
    if (src && code >= 0 && strcmp(src, "SSPR") == 0) /* as the reset page shows it */
        n = snprintf(buf, cap, "SSPR_%04lld", (long long)code);
    else if (src && code >= 0)
        n = snprintf(buf, cap, "%s %lld", src, (long long)code);
    else if (src)
        n = snprintf(buf, cap, "%s", src);
    else
        n = snprintf(buf, cap, "%s", sspr_kind_name(sspr_entry_kind(e)));
    for (size_t i = 0; i < sspr_entry_hresult_count(e) && n > 0 && (size_t)n < cap; i++)
        n += snprintf(buf + n, cap - (size_t)n, " 0x%08X", (unsigned)sspr_entry_hresult(e, i));
}

void out_entry_line(FILE *f, const sspr_entry *e)
{
    char code[160];
    describe_code(e, code, sizeof code);
    fprintf(f, "%-30s %-31s %s\n", sspr_entry_id(e), code, sspr_entry_title(e));
}

/* "key = value unit" into buf. */
static int fact_value(char *buf, size_t cap, const sspr_fact *x)
{
    int n;
    if (!sspr_fact_is_number(x))
        n = snprintf(buf, cap, "%s = %s", sspr_fact_key(x), sspr_fact_string(x));
    else if (sspr_fact_min(x) == sspr_fact_max(x))
        n = snprintf(buf, cap, "%s = %.15g", sspr_fact_key(x), sspr_fact_min(x));
    else
        n = snprintf(buf, cap, "%s = %.15g-%.15g", sspr_fact_key(x), sspr_fact_min(x),
                     sspr_fact_max(x));
    if (n > 0 && (size_t)n < cap && sspr_fact_unit(x))
        n += snprintf(buf + n, cap - (size_t)n, " %s", sspr_fact_unit(x));
    return n;
}

/* The fact of e that replaces x, or NULL. */
static const sspr_fact *replaced_by(const sspr_entry *e, const sspr_fact *x)
{
    for (size_t i = 0; i < sspr_entry_fact_count(e); i++)
        if (sspr_fact_supersedes(sspr_entry_fact(e, i)) == x)
            return sspr_entry_fact(e, i);
    return NULL;
}

/* "key = value unit (origin)", saying which value replaces which. */
static void print_fact(FILE *f, const sspr_entry *e, const sspr_fact *x)
{
    char line[2048], old[1024];
    int n = fact_value(line, sizeof line, x);
    const sspr_fact *prev = sspr_fact_supersedes(x), *next = replaced_by(e, x);
    if (n < 0 || (size_t)n >= sizeof line)
        n = (int)strlen(line);
    if (prev) {
        fact_value(old, sizeof old, prev);
        snprintf(line + n, sizeof line - (size_t)n, " (%s; replaces %s)", sspr_fact_origin(x), old);
    } else if (next) {
        snprintf(line + n, sizeof line - (size_t)n, " (%s; replaced by %s)", sspr_fact_origin(x),
                 sspr_fact_key(next));
    } else {
        snprintf(line + n, sizeof line - (size_t)n, " (%s)", sspr_fact_origin(x));
    }
    out_wrap(f, "    ", line, 8, WIDTH);
}

void out_hresult_text(FILE *f, uint32_t hresult, int indent)
{
    unsigned facility = sspr_hresult_facility(hresult), code = sspr_hresult_code(hresult);
    const char *facility_name = sspr_facility_name(facility);
    fprintf(f, "%*s0x%08X: %s, facility %u %s, code %u (0x%04X)\n", indent, "", (unsigned)hresult,
            sspr_hresult_severity(hresult) ? "error" : "success", facility,
            facility_name ? facility_name : "(not a facility winerror.h defines)", code, code);
    if (facility != 7) /* FACILITY_WIN32: the code is a Win32 error */
        return;
    const char *name = sspr_win32_error_name(code);
    if (!name) {
        fprintf(f, "%*s  Win32 error %u (not in the built-in table of common errors)\n", indent, "",
                code);
        return;
    }
    char lead[128];
    snprintf(lead, sizeof lead, "%*s  Win32 error %u %s: ", indent, "", code, name);
    out_wrap(f, lead, sspr_win32_error_message(code), indent + 2, WIDTH);
}

static void print_steps(FILE *f, const sspr_entry *e, int indent)
{
    char lead[64];
    for (size_t i = 0; i < sspr_entry_step_count(e); i++) {
        int n = snprintf(lead, sizeof lead, "%*s%zu. ", indent, "", i + 1);
        out_wrap(f, lead, sspr_entry_step(e, i), n, WIDTH);
    }
}

static void related_line(FILE *f, const sspr_entry *r)
{
    char lead[96];
    snprintf(lead, sizeof lead, "    %-28s ", sspr_entry_id(r));
    out_wrap(f, lead, sspr_entry_title(r), 33, WIDTH);
}

void out_entry_text(FILE *f, const sspr_entry *e)
{
    char code[160];
    describe_code(e, code, sizeof code);
    const char *name = sspr_entry_name(e);
    fprintf(f, "%s%s%s\n", sspr_entry_id(e), name ? "  " : "", name ? name : "");
    fprintf(f, "  %s, %s, %s\n", code, sspr_severity_name(sspr_entry_severity(e)),
            sspr_entry_area(e));
    out_wrap(f, "  ", sspr_entry_title(e), 2, WIDTH);
    fputc('\n', f);
    out_wrap(f, "  ", sspr_entry_summary(e), 2, WIDTH);
    if (sspr_entry_alias_count(e)) {
        fputs("\n  Also known as:\n", f);
        for (size_t i = 0; i < sspr_entry_alias_count(e); i++)
            out_wrap(f, "    ", sspr_entry_alias(e, i), 4, WIDTH);
    }
    if (sspr_entry_message_count(e)) {
        fputs("\n  Messages:\n", f);
        for (size_t i = 0; i < sspr_entry_message_count(e); i++)
            out_wrap(f, "    > ", sspr_entry_message(e, i), 6, WIDTH);
    }
    if (sspr_entry_hresult_count(e)) {
        fputs("\n  HRESULT decoded:\n", f);
        for (size_t i = 0; i < sspr_entry_hresult_count(e); i++)
            out_hresult_text(f, sspr_entry_hresult(e, i), 4);
    }
    if (sspr_entry_cause_count(e)) {
        fputs("\n  Causes:\n", f);
        for (size_t i = 0; i < sspr_entry_cause_count(e); i++)
            out_wrap(f, "    - ", sspr_entry_cause(e, i), 6, WIDTH);
    }
    if (sspr_entry_step_count(e)) {
        fputs("\n  Steps:\n", f);
        print_steps(f, e, 4);
    }
    for (size_t i = 0; i < sspr_entry_procedure_count(e); i++) {
        const sspr_entry *p = sspr_entry_procedure(e, i);
        fprintf(f, "\n  Procedure %s (step %d of the recovery order):\n", sspr_entry_id(p),
                sspr_entry_order(p));
        out_wrap(f, "    ", sspr_entry_title(p), 4, WIDTH);
        print_steps(f, p, 6);
    }
    if (sspr_entry_fact_count(e)) {
        fputs("\n  Facts:\n", f);
        for (size_t i = 0; i < sspr_entry_fact_count(e); i++) {
            const sspr_fact *x = sspr_entry_fact(e, i);
            print_fact(f, e, x);
            out_wrap(f, "      ", sspr_fact_text(x), 6, WIDTH);
        }
    }
    if (sspr_entry_related_count(e)) {
        fputs("\n  Related:\n", f);
        for (size_t i = 0; i < sspr_entry_related_count(e); i++)
            related_line(f, sspr_entry_related(e, i));
    }
    char source[512];
    const char *origin = sspr_entry_origin(e);
    /* the audit log's 2017 strings come from the reporting article, not the
       troubleshooting one */
    const char *article = sspr_entry_kind(e) == SSPR_KIND_AUDIT
                              ? "the 2017 reporting article"
                              : "the 2017 troubleshooting article";
    snprintf(source, sizeof source, "\"%s\" (%s)", sspr_entry_section(e),
             strcmp(origin, "2017") == 0      ? article
             : strcmp(origin, "current") == 0 ? "current documentation"
                                              : "field reports");
    fputc('\n', f);
    out_wrap(f, "  Source: ", source, 10, WIDTH);
    for (size_t i = 0; i < sspr_entry_ref_count(e); i++) {
        const sspr_ref *r = sspr_entry_ref(e, i);
        char ref[1024];
        snprintf(ref, sizeof ref, "%s%s%s%s", sspr_ref_url(r), sspr_ref_date(r) ? " (read " : "",
                 sspr_ref_date(r) ? sspr_ref_date(r) : "", sspr_ref_date(r) ? ")" : "");
        out_wrap(f, "          ", ref, 10, WIDTH);
    }
}

/* ---- JSON ---- */

static void json_strings(FILE *f, size_t n, const char *(*get)(const sspr_entry *, size_t),
                         const sspr_entry *e)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        out_json_string(f, get(e, i));
    }
    fputc(']', f);
}

static void json_ids(FILE *f, size_t n, const sspr_entry *(*get)(const sspr_entry *, size_t),
                     const sspr_entry *e)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        out_json_string(f, sspr_entry_id(get(e, i)));
    }
    fputc(']', f);
}

void out_json_number(FILE *f, int64_t v)
{
    if (v >= 0)
        fprintf(f, "%lld", (long long)v);
    else
        fputs("null", f);
}

void out_json_nullable(FILE *f, const char *s)
{
    if (s)
        out_json_string(f, s);
    else
        fputs("null", f);
}

void out_hresult_json(FILE *f, uint32_t hresult, const sspr_entry *const *entries, size_t n)
{
    unsigned facility = sspr_hresult_facility(hresult), code = sspr_hresult_code(hresult);
    int win32 = facility == 7;
    fprintf(f, "{\"hresult\": \"0x%08X\", \"severity\": \"%s\", \"facility\": %u",
            (unsigned)hresult, sspr_hresult_severity(hresult) ? "error" : "success", facility);
    fputs(", \"facility_name\": ", f);
    out_json_nullable(f, sspr_facility_name(facility));
    fprintf(f, ", \"code\": %u, \"win32_name\": ", code);
    out_json_nullable(f, win32 ? sspr_win32_error_name(code) : NULL);
    fputs(", \"message\": ", f);
    out_json_nullable(f, win32 ? sspr_win32_error_message(code) : NULL);
    fputs(", \"entries\": [", f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        out_json_string(f, sspr_entry_id(entries[i]));
    }
    fputs("]}", f);
}

static void json_fact(FILE *f, const sspr_fact *x)
{
    fputs("{\"key\": ", f);
    out_json_string(f, sspr_fact_key(x));
    if (!sspr_fact_is_number(x)) {
        fputs(", \"value\": ", f);
        out_json_string(f, sspr_fact_string(x));
    } else if (sspr_fact_min(x) == sspr_fact_max(x)) {
        fprintf(f, ", \"value\": %.17g", sspr_fact_min(x));
    } else {
        fprintf(f, ", \"min\": %.17g, \"max\": %.17g", sspr_fact_min(x), sspr_fact_max(x));
    }
    fputs(", \"unit\": ", f);
    out_json_nullable(f, sspr_fact_unit(x));
    fputs(", \"text\": ", f);
    out_json_string(f, sspr_fact_text(x));
    fputs(", \"origin\": ", f);
    out_json_string(f, sspr_fact_origin(x));
    fputs(", \"supersedes\": ", f);
    out_json_nullable(f, sspr_fact_supersedes(x) ? sspr_fact_key(sspr_fact_supersedes(x)) : NULL);
    fputs(", \"url\": ", f);
    out_json_nullable(f, sspr_fact_url(x));
    fputs(", \"date\": ", f);
    out_json_nullable(f, sspr_fact_date(x));
    fputc('}', f);
}

static void json_hresults(FILE *f, const sspr_entry *e)
{
    fputc('[', f);
    for (size_t i = 0; i < sspr_entry_hresult_count(e); i++)
        fprintf(f, "%s\"0x%08X\"", i ? ", " : "", (unsigned)sspr_entry_hresult(e, i));
    fputc(']', f);
}

static void json_mentions(FILE *f, const sspr_entry *e)
{
    fputc('[', f);
    for (size_t i = 0; i < sspr_entry_mention_count(e); i++) {
        const char *src;
        int64_t code;
        uint32_t hr;
        sspr_entry_mention(e, i, &src, &code, &hr);
        fputs(i ? ", {\"source\": " : "{\"source\": ", f);
        out_json_nullable(f, src);
        fputs(", \"code\": ", f);
        out_json_number(f, code);
        if (hr)
            fprintf(f, ", \"hresult\": \"0x%08X\"}", (unsigned)hr);
        else
            fputs(", \"hresult\": null}", f);
    }
    fputc(']', f);
}

static void json_facts(FILE *f, const sspr_entry *e)
{
    fputc('[', f);
    for (size_t i = 0; i < sspr_entry_fact_count(e); i++) {
        if (i)
            fputs(", ", f);
        json_fact(f, sspr_entry_fact(e, i));
    }
    fputc(']', f);
}

static void json_refs(FILE *f, const sspr_entry *e)
{
    fputc('[', f);
    for (size_t i = 0; i < sspr_entry_ref_count(e); i++) {
        const sspr_ref *r = sspr_entry_ref(e, i);
        fputs(i ? ", {\"url\": " : "{\"url\": ", f);
        out_json_nullable(f, sspr_ref_url(r));
        fputs(", \"date\": ", f);
        out_json_nullable(f, sspr_ref_date(r));
        fputs(", \"title\": ", f);
        out_json_nullable(f, sspr_ref_title(r));
        fputc('}', f);
    }
    fputc(']', f);
}

/* The value of each field of schema.def, by its type and shape. */
#define JSON_ONE_ID(key, item) out_json_nullable(f, sspr_entry_##key(e))
#define JSON_ONE_TEXT(key, item) out_json_nullable(f, sspr_entry_##key(e))
#define JSON_ONE_TITLE(key, item) out_json_nullable(f, sspr_entry_##key(e))
#define JSON_ONE_KIND(key, item) out_json_nullable(f, sspr_kind_name(sspr_entry_kind(e)))
#define JSON_ONE_SEVERITY(key, item)                                                               \
    out_json_nullable(f, sspr_severity_name(sspr_entry_severity(e)))
#define JSON_ONE_SOURCE(key, item) out_json_nullable(f, sspr_entry_##key(e))
#define JSON_ONE_AREA(key, item) out_json_nullable(f, sspr_entry_##key(e))
#define JSON_ONE_ORIGIN(key, item) out_json_nullable(f, sspr_entry_##key(e))
#define JSON_ONE_CODE(key, item) out_json_number(f, sspr_entry_##key(e))
#define JSON_ONE_ORDER(key, item) out_json_number(f, sspr_entry_##key(e) ? sspr_entry_##key(e) : -1)
#define JSON_LIST_TEXT(key, item)                                                                  \
    json_strings(f, sspr_entry_##item##_count(e), sspr_entry_##item, e)
#define JSON_LIST_REF(key, item) json_ids(f, sspr_entry_##item##_count(e), sspr_entry_##item, e)
#define JSON_LIST_HRESULT(key, item) json_hresults(f, e)
#define JSON_LIST_MENTION(key, item) json_mentions(f, e)
#define JSON_LIST_FACT(key, item) json_facts(f, e)
#define JSON_LIST_REFERENCE(key, item) json_refs(f, e)

/* The entry's members, from '{' on, without the closing brace. */
static void entry_members(FILE *f, const sspr_entry *e)
{
    const char *sep = "{";
#define JSON_FIELD(key, item, type, presence, shape, doc)                                          \
    fprintf(f, "%s\"" #key "\": ", sep);                                                           \
    sep = ", ";                                                                                    \
    JSON_##shape##_##type(key, item);
    SSPR_ENTRY_FIELDS(JSON_FIELD)
#undef JSON_FIELD
}

void out_entry_json(FILE *f, const sspr_entry *e)
{
    entry_members(f, e);
    fputc('}', f);
}

void out_result_json(FILE *f, const sspr_entry *e, sspr_confidence c)
{
    entry_members(f, e);
    fputs(", \"confidence\": ", f);
    out_json_nullable(f, sspr_confidence_name(c));
    fputc('}', f);
}

void out_html(FILE *f, const char *s)
{
    sspr__html_escape(f, s);
}

void out_md(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '\n':
        case '\r':
        case '\t': fputc(' ', f); break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '#':
        case '~':
        case '!':
            fputc('\\', f);
            fputc(*p, f);
            break;
        default:
            if (*p >= 0x20 && *p != 0x7F)
                fputc(*p, f);
        }
    }
}
