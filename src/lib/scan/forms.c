/* The export forms: Format-List, Event Viewer's tab-delimited text,
 * Export-Csv, XML. Each turns its lines into record fields and boundaries. */
#include "scan.h"

/* Format-List: "Key   : value", the key in column 0, spaces, a colon. Returns
 * the key's length and where the value starts, or 0. */
size_t sspr__scan_fl_key(const unsigned char *p, size_t vis, size_t *val)
{
    size_t i = 0;
    while (i < vis && i < 40 && ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z'))
        i++;
    size_t k = i;
    if (k < 2 || i >= vis || p[i] != ' ')
        return 0;
    while (i < vis && p[i] == ' ')
        i++;
    if (i >= vis || p[i] != ':')
        return 0;
    i++;
    if (i < vis && p[i] != ' ' && p[i] != '\r')
        return 0;
    while (i < vis && p[i] == ' ')
        i++;
    *val = i;
    return k;
}

void sspr__scan_fl_line(scan_state *s, const unsigned char *p, size_t vis)
{
    size_t val;
    size_t k = sspr__scan_fl_key(p, vis, &val);
    if (!k)
        return;
    if (sspr__scan_is(p, k, "ProviderName") || sspr__scan_is(p, k, "Source"))
        s->rec.src = sspr__scan_source(p + val, vis - val);
    else if (sspr__scan_is(p, k, "Id") || sspr__scan_is(p, k, "EventID"))
        s->rec.has_id = (uint8_t)sspr__scan_id(p + val, vis - val, &s->rec.id);
}

/* Event Viewer, Save All Events As, Text (Tab delimited): Level, Date and Time,
 * Source, Event ID, Task Category, then the message (quoted when it goes on
 * over several lines). Opens the record when the line is one. */
int sspr__scan_tab_line(scan_state *s, const unsigned char *p, size_t vis)
{
    static const char *const levels[] = {"Information", "Warning", "Error", "Critical",
                                         "Verbose", "Audit Success", "Audit Failure"};
    const unsigned char *t[5];
    const unsigned char *end = p + vis;
    t[0] = memchr(p, '\t', vis < 16 ? vis : 16); /* after a level word, or not at all */
    if (!t[0])
        return 0;
    for (int i = 1; i < 5; i++) {
        t[i] = memchr(t[i - 1] + 1, '\t', (size_t)(end - t[i - 1] - 1));
        if (!t[i])
            return 0;
    }
    int level = 0;
    for (size_t i = 0; i < sizeof levels / sizeof *levels && !level; i++)
        level = sspr__scan_is(p, (size_t)(t[0] - p), levels[i]);
    uint32_t id;
    if (!level || !sspr__scan_id(t[2] + 1, (size_t)(t[3] - t[2] - 1), &id))
        return 0;
    sspr__scan_open(s, REC_TAB);
    s->rec.src = sspr__scan_source(t[1] + 1, (size_t)(t[2] - t[1] - 1));
    s->rec.has_id = 1;
    s->rec.id = id;
    size_t msg = (size_t)(t[4] - p) + 1;
    if (msg < vis && p[msg] == '"') {
        s->in_quote = 1;
        s->qstart = (uint32_t)msg + 1;
    }
    return 1;
}

/* Quoted text from p[i] on: finds the closing quote ("" is a quote inside). */
void sspr__scan_quoted(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis)
{
    while (i < own) {
        const unsigned char *q = memchr(p + i, '"', own - i);
        if (!q)
            return;
        size_t j = (size_t)(q - p);
        if (j + 1 < vis && p[j + 1] == '"') {
            i = j + 2;
            continue;
        }
        s->in_quote = 0;
        return;
    }
    if (i > own)
        s->skip = (uint16_t)(i - own);
}

/* Export-Csv: a header row naming the columns, quoted or not. Sets the
 * provider and id columns and returns 1 when the line is such a header. */
int sspr__scan_csv_header(scan_state *s, const unsigned char *p, size_t vis)
{
    int src = -1, id = -1, message = 0;
    size_t i = 0;
    for (int col = 0; i < vis && col < 1000; col++) {
        size_t start = i, end;
        if (p[i] == '"') {
            const unsigned char *q = memchr(p + i + 1, '"', vis - i - 1);
            if (!q)
                return 0;
            start = i + 1;
            end = (size_t)(q - p);
            i = end + 1;
        } else {
            const unsigned char *q = memchr(p + i, ',', vis - i);
            end = q ? (size_t)(q - p) : vis;
            i = end;
        }
        if (sspr__scan_is(p + start, end - start, "ProviderName") ||
            (src < 0 && sspr__scan_is(p + start, end - start, "Source")))
            src = col;
        else if (sspr__scan_is(p + start, end - start, "Id") ||
                 (id < 0 && sspr__scan_is(p + start, end - start, "EventID")))
            id = col;
        else if (sspr__scan_is(p + start, end - start, "Message"))
            message = 1;
        while (i < vis && sspr__cc_is(p[i], SSPR__CC_SPACE))
            i++;
        if (i < vis && p[i] != ',')
            return 0;
        i++;
    }
    if (src < 0 || id < 0 || !message)
        return 0;
    s->csv = 1;
    s->csv_src = (uint16_t)src;
    s->csv_id = (uint16_t)id;
    return 1;
}

void sspr__scan_field_add(scan_state *s, const unsigned char *p, size_t n)
{
    if (s->field != s->csv_src && s->field != s->csv_id)
        return;
    if (s->field_len + n > SCAN_FIELD) {
        s->field_over = 1;
        return;
    }
    memcpy(s->field_buf + s->field_len, p, n);
    s->field_len = (uint8_t)(s->field_len + n);
}

void sspr__scan_field_end(scan_state *s)
{
    const unsigned char *v = (const unsigned char *)s->field_buf;
    if (!s->field_over && s->field == s->csv_src)
        s->rec.src = sspr__scan_source(v, s->field_len);
    else if (!s->field_over && s->field == s->csv_id)
        s->rec.has_id = (uint8_t)sspr__scan_id(v, s->field_len, &s->rec.id);
    if (s->field < UINT16_MAX)
        s->field++;
    s->field_len = 0;
    s->field_over = 0;
    s->field_start = 1;
}

void sspr__scan_csv_row(scan_state *s)
{
    sspr__scan_open(s, REC_CSV);
    s->field = 0;
    s->field_len = 0;
    s->field_over = 0;
    s->field_start = 1;
}

/* A CSV row's fields in p[i..own). */
void sspr__scan_csv(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis)
{
    while (i < own) {
        if (s->in_quote) {
            const unsigned char *q = memchr(p + i, '"', own - i);
            size_t j = q ? (size_t)(q - p) : own;
            sspr__scan_field_add(s, p + i, j - i);
            if (!q)
                return;
            if (j + 1 < vis && p[j + 1] == '"') {
                sspr__scan_field_add(s, p + j, 1);
                i = j + 2;
                continue;
            }
            s->in_quote = 0;
            i = j + 1;
            continue;
        }
        unsigned char c = p[i++];
        if (c == ',')
            sspr__scan_field_end(s);
        else if (c == '"' && s->field_start) {
            s->in_quote = 1;
            s->field_start = 0;
        } else {
            sspr__scan_field_add(s, &c, 1);
            s->field_start = 0;
        }
    }
    if (i > own)
        s->skip = (uint16_t)(i - own);
}

/* wevtutil /f:xml: the provider's Name attribute. */
static void scan_xml_provider(scan_state *s, const unsigned char *p, size_t n)
{
    const unsigned char *gt = memchr(p, '>', n);
    size_t end = gt ? (size_t)(gt - p) : n;
    const unsigned char *name = sspr__scan_find(p, end, " Name=");
    if (!name)
        return;
    size_t i = (size_t)(name - p) + 6;
    if (i >= end || (p[i] != '\'' && p[i] != '"'))
        return;
    const unsigned char *q = memchr(p + i + 1, p[i], end - i - 1);
    if (q)
        s->rec.src = sspr__scan_source(p + i + 1, (size_t)(q - p) - i - 1);
}

/* <EventID Qualifiers='0'>32009</EventID> */
static void scan_xml_id(scan_state *s, const unsigned char *p, size_t n)
{
    const unsigned char *gt = memchr(p, '>', n);
    if (!gt)
        return;
    size_t i = (size_t)(gt - p) + 1;
    const unsigned char *lt = memchr(p + i, '<', n - i);
    if (lt)
        s->rec.has_id = (uint8_t)sspr__scan_id(p + i, (size_t)(lt - p) - i, &s->rec.id);
}

static int scan_tag_end(const unsigned char *p, size_t n, size_t k)
{
    return n > k && (p[k] == ' ' || p[k] == '>' || p[k] == '\t' || p[k] == '\r' || p[k] == '/');
}

/* XML in p[i..own): records from <Event to </Event>, several to a line or one
 * over many lines. */
void sspr__scan_xml(scan_state *s, const unsigned char *p, size_t i, size_t own, size_t vis,
                     size_t lb)
{
    size_t from = i;
    while (i < own) {
        const unsigned char *lt = memchr(p + i, '<', own - i);
        if (!lt)
            break;
        size_t j = (size_t)(lt - p), rest = vis - j;
        if (sspr__scan_at(p + j, rest, "</Event>")) {
            size_t end = j + 8 < own ? j + 8 : own;
            sspr__scan_content(s, p, from, end, end, lb, 0);
            sspr__scan_end_record(s);
            if (j + 8 > own)
                s->skip = (uint16_t)(j + 8 - own);
            from = i = j + 8;
            continue;
        }
        if (sspr__scan_at(p + j, rest, "<Event") && scan_tag_end(p + j, rest, 6)) {
            sspr__scan_content(s, p, from, j, j, lb, 0);
            sspr__scan_end_record(s);
            sspr__scan_open(s, REC_XML);
            from = j;
        } else if (s->rec.open && sspr__scan_at(p + j, rest, "<Provider") &&
                   scan_tag_end(p + j, rest, 9)) {
            scan_xml_provider(s, p + j, rest);
        } else if (s->rec.open && sspr__scan_at(p + j, rest, "<EventID") &&
                   scan_tag_end(p + j, rest, 8)) {
            scan_xml_id(s, p + j, rest);
        }
        i = j + 1;
    }
    if (from < own)
        sspr__scan_content(s, p, from, own, vis, lb, 1);
}
