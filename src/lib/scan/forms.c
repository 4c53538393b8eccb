/* The export forms: Format-List, Event Viewer's tab-delimited text,
 * Export-Csv, XML. Each turns its lines into record fields and boundaries. */
#include "scan.h"

/* Event Viewer, Save All Events As, Text (Tab delimited): Level, Date and Time,
 * Source, Event ID, Task Category, then the message (quoted when it goes on
 * over several lines). Opens the record when the line is one. */
int sspr__scan_tab_line(scan_state *s, const unsigned char *p, size_t vis)
{
    static const char *const levels[] = {"Information", "Warning",       "Error",        "Critical",
                                         "Verbose",     "Audit Success", "Audit Failure"};
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
    s->rec.format = SCAN_FORM_TAB;
    sspr__scan_set(s, SSPR_RECORD_LEVEL, p, (size_t)(t[0] - p));
    sspr__scan_set(s, SSPR_RECORD_TIME, t[0] + 1, (size_t)(t[1] - t[0] - 1));
    sspr__scan_set(s, SSPR_RECORD_SOURCE, t[1] + 1, (size_t)(t[2] - t[1] - 1));
    s->rec.has_id = 1;
    s->rec.id = id;
    size_t msg = (size_t)(t[4] - p) + 1;
    if (msg < vis && p[msg] == '"') {
        s->in_quote = 1;
        s->qstart = (uint32_t)msg + 1;
        msg++;
    }
    if (msg < vis) { /* the message's first line (the row's first piece) */
        size_t end = vis;
        while (end > msg && (p[end - 1] == '\r' || p[end - 1] == ' '))
            end--;
        if (s->in_quote && end > msg && p[end - 1] == '"')
            end--;
        sspr__scan_msg_add(s, p + msg, end - msg);
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

/* The record field a CSV column holds (labels.c's one table of field names):
 * Export-Csv's (Get-EventLog: EventID, MachineName, Index, EntryType, Message,
 * Source, InstanceId, TimeGenerated; Get-WinEvent: Id, ProviderName,
 * LevelDisplayName, TimeCreated, RecordId, MachineName, Message) and Event
 * Viewer's CSV save (Level, Date and Time, Source, Event ID, Task Category,
 * then the message in a column of no name). */
static uint8_t csv_column(const unsigned char *p, size_t n, int *la);

/* The columns of the cloud's audit-log downloads, which only a CSV header
 * names: the Entra portal's download (English and localized headings;
 * AdditionalDetailNKey / Value pairs) and Log Analytics' AuditLogs export
 * (la: its own, which tell the two apart). Values are English everywhere. */
static const struct {
    const char *name;
    uint8_t field, la;
} audit_columns[] = {
    {"servicio", SSPR_RECORD_SOURCE, 0},
    {"actividad", SSPR_RECORD_ACTIVITY, 0},
    {"resultado", SSPR_RECORD_RESULT, 0},
    {"objetivo1nombreprincipaldeusuario", SSPR_RECORD_USER, 0},
    {"agente de usuario", F_IGNORE, 0},
    {"correlationid", SSPR_RECORD_CORRELATION_ID, 0},
    {"correlation id", SSPR_RECORD_CORRELATION_ID, 0},
    {"service", SSPR_RECORD_SOURCE, 0},
    {"activity", SSPR_RECORD_ACTIVITY, 0},
    {"result", SSPR_RECORD_RESULT, 0},
    {"resultreason", SSPR_RECORD_REASON, 0},
    {"result reason", SSPR_RECORD_REASON, 0},
    {"target1userprincipalname", SSPR_RECORD_USER, 0},
    {"actoruserprincipalname", SSPR_RECORD_INITIATOR, 0},
    {"user agent", F_IGNORE, 0},
    {"tenantid", F_IGNORE, 1},
    {"timegenerated [utc]", F_UTC, 1},
    {"activitydatetime [utc]", F_IGNORE, 1}, /* TimeGenerated gives the time */
    {"operationname", SSPR_RECORD_ACTIVITY, 1},
    {"activitydisplayname", SSPR_RECORD_ACTIVITY, 1},
    {"resultdescription", SSPR_RECORD_REASON, 1},
    {"loggedbyservice", SSPR_RECORD_SOURCE, 1},
    {"targetresources", F_JUSER, 1},
    {"initiatedby", F_JINIT, 1},
    {"additionaldetails", F_JDETAILS, 1},
};

/* "AdditionalDetail3Key" / "AdditionalDetail3Value": F_DKEY / F_DVALUE. */
static uint8_t detail_column(const char *key)
{
    static const char head[] = "additionaldetail";
    if (strncmp(key, head, sizeof head - 1) != 0)
        return F_NONE;
    const char *q = key + sizeof head - 1;
    if (*q < '0' || *q > '9')
        return F_NONE;
    while (*q >= '0' && *q <= '9')
        q++;
    return strcmp(q, "key") == 0 ? F_DKEY : strcmp(q, "value") == 0 ? F_DVALUE : F_NONE;
}

static uint8_t csv_column(const unsigned char *p, size_t n, int *la)
{
    n = sspr__scan_trim(&p, n);
    char key[48];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof key - 1; i++)
        key[k++] = (char)sspr__lower(p[i]);
    key[k] = '\0';
    for (size_t i = 0; i < sizeof audit_columns / sizeof *audit_columns; i++)
        if (audit_columns[i].name[0] == key[0] && strcmp(audit_columns[i].name, key) == 0) {
            *la |= audit_columns[i].la;
            return audit_columns[i].field;
        }
    /* The portal's date heading, in whatever language: a word, then " (UTC)"
       (seen: "Date (UTC)", Spanish "Fecha (UTC)", Italian "Data (UTC)"); the
       localized word is not needed to know the column. */
    static const char utc[] = " (utc)";
    if (k > sizeof utc - 1 && k < sizeof key - 1 &&
        memcmp(key + k - (sizeof utc - 1), utc, sizeof utc - 1) == 0)
        return F_UTC;
    uint8_t d = detail_column(key);
    return d != F_NONE ? d : (uint8_t)sspr__scan_field_named(p, n);
}

/* Export-Csv and Event Viewer's CSV: a header row naming the columns, quoted
 * or not. Maps the columns to record fields and returns 1 when the line is
 * such a header: one with a provider and an event id column, and a message
 * column (Event Viewer's: the column after the last named one). */
int sspr__scan_csv_header(scan_state *s, const unsigned char *p, size_t vis)
{
    int src = 0, id = 0, message = 0, col = 0, activity = 0, outcome = 0, la = 0;
    int outcome_reason = 0;
    size_t i = 0;
    if (vis == 0 || (p[0] != '"' && p[0] < 0x80 && !sspr__cc_is(p[0], SSPR__CC_ALPHA)))
        return 0;
    /* Export-Csv -Delimiter "`t" writes tabs */
    unsigned char delim = memchr(p, ',', vis) ? ',' : memchr(p, '\t', vis) ? '\t' : 0;
    if (!delim)
        return 0;
    { /* most lines fail on their first field: look at it alone first */
        size_t a = p[0] == '"', b = a;
        while (b < vis && b < 24 && p[b] != '"' && p[b] != delim)
            b++;
        if (csv_column(p + a, b - a, &la) == F_NONE)
            return 0;
    }
    for (; i < vis && col < 1000; col++) {
        size_t start = i, end;
        if (p[i] == '"') {
            const unsigned char *q = memchr(p + i + 1, '"', vis - i - 1);
            if (!q)
                return 0;
            start = i + 1;
            end = (size_t)(q - p);
            i = end + 1;
        } else {
            const unsigned char *q = memchr(p + i, delim, vis - i);
            end = q ? (size_t)(q - p) : vis;
            i = end;
        }
        uint8_t f = csv_column(p + start, end - start, &la);
        if (f == SSPR_RECORD_REASON && outcome_reason)
            f = F_IGNORE; /* Log Analytics has ResultReason and ResultDescription: the first */
        outcome_reason |= f == SSPR_RECORD_REASON;
        src |= f == SSPR_RECORD_SOURCE;
        id |= f == SSPR_RECORD_EVENT_ID;
        message |= f == SSPR_RECORD_MESSAGE;
        activity |= f == SSPR_RECORD_ACTIVITY;
        outcome |= f == SSPR_RECORD_RESULT || f == SSPR_RECORD_REASON;
        if (col < SCAN_COLS)
            s->col[col] = f;
        while (i < vis && p[i] != delim && sspr__cc_is(p[i], SSPR__CC_SPACE))
            i++;
        if (i < vis && p[i] != delim)
            return 0;
        i++;
    }
    int audit = activity && outcome;
    if (!audit && (!src || !id))
        return 0;
    s->csv_delim = delim;
    s->csv_form = audit           ? (la ? SCAN_FORM_LA_CSV : SCAN_FORM_AUDIT_CSV)
                  : message       ? SCAN_FORM_CSV
                  : delim == '\t' ? SCAN_FORM_TAB
                                  : SCAN_FORM_VIEWER_CSV;
    int headless = !message && !audit; /* Event Viewer's: the message has no heading */
    if (headless && col < SCAN_COLS)
        s->col[col] = SSPR_RECORD_MESSAGE;
    for (int c = col + headless; c < SCAN_COLS; c++)
        s->col[c] = F_NONE;
    s->csv = 1;
    return 1;
}

/* The record field of the current CSV column. */
static uint8_t field_of(const scan_state *s)
{
    return s->field < SCAN_COLS ? s->col[s->field] : F_NONE;
}

/* Log Analytics' JSON-in-a-cell columns (TargetResources, InitiatedBy,
 * AdditionalDetails): what field_buf holds of one is read: the user or the
 * initiator it names (once), or its whole key/value pairs. Returns how many
 * bytes of it were used (0 when none can go). */
static size_t csv_json_cell(scan_state *s, uint8_t f)
{
    const unsigned char *b = (const unsigned char *)s->field_buf;
    if (f == F_JDETAILS)
        return sspr__scan_json_pairs(s, b, s->field_len);
    unsigned field = f == F_JUSER ? SSPR_RECORD_USER : SSPR_RECORD_INITIATOR;
    size_t at, n = sspr__scan_json_upn(b, s->field_len, &at);
    if (n && !s->rec.tlen[field])
        sspr__scan_set(s, field, b + at, n);
    return 0;
}

/* Such a cell, often longer than field_buf: a window over it. Whenever the
 * window is full it is read, and what that used, or else its older half,
 * makes room. */
static void csv_json_window(scan_state *s, uint8_t f, const unsigned char *p, size_t n)
{
    while (s->field_len + n > SCAN_FIELD) {
        size_t take = (size_t)SCAN_FIELD - s->field_len;
        memcpy(s->field_buf + s->field_len, p, take);
        s->field_len = SCAN_FIELD;
        p += take;
        n -= take;
        size_t used = csv_json_cell(s, f);
        if (!used)
            used = SCAN_FIELD / 2;
        memmove(s->field_buf, s->field_buf + used, s->field_len - used);
        s->field_len = (uint8_t)(s->field_len - used);
    }
    memcpy(s->field_buf + s->field_len, p, n);
    s->field_len = (uint8_t)(s->field_len + n);
}

void sspr__scan_field_add(scan_state *s, const unsigned char *p, size_t n)
{
    uint8_t f = field_of(s);
    if (f == SSPR_RECORD_MESSAGE) {
        sspr__scan_msg_raw(s, p, n);
        return;
    }
    if (f == SSPR_RECORD_REASON) {
        sspr__scan_set(s, f, p, n); /* appended, byte for byte */
        return;
    }
    if (f == F_JUSER || f == F_JINIT || f == F_JDETAILS) {
        csv_json_window(s, f, p, n);
        return;
    }
    if (!sspr__scan_text_field(f) && f != SSPR_RECORD_EVENT_ID && f != SSPR_RECORD_RECORD_ID &&
        f != F_DKEY && f != F_DVALUE && f != F_UTC)
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
    uint8_t f = field_of(s);
    if (s->field_over || f == SSPR_RECORD_MESSAGE || f == SSPR_RECORD_REASON || f == F_INSTANCE)
        ; /* Export-Csv's EventID column gives the id; InstanceId repeats it */
    else if (f == F_DKEY) {
        size_t n = s->field_len < sizeof s->dkey ? s->field_len : sizeof s->dkey;
        memcpy(s->dkey, v, n);
        s->dkey_n = (uint8_t)n;
    } else if (f == F_DVALUE) {
        sspr__scan_detail(s, (const unsigned char *)s->dkey, s->dkey_n, v, s->field_len);
        s->dkey_n = 0;
    } else if (f == F_JUSER || f == F_JINIT || f == F_JDETAILS) {
        csv_json_cell(s, f);
    } else if (f == F_UTC) {
        sspr__scan_set_utc(s, v, s->field_len);
    } else if (!sspr__scan_text_field(f) && f != SSPR_RECORD_EVENT_ID && f != SSPR_RECORD_RECORD_ID)
        ;
    else if (f == SSPR_RECORD_EVENT_ID)
        sspr__scan_set_id(s, v, s->field_len, 0);
    else if (f == SSPR_RECORD_RECORD_ID)
        sspr__scan_set_record_id(s, v, s->field_len);
    else
        sspr__scan_set(s, f, v, s->field_len);
    if (s->field < UINT16_MAX)
        s->field++;
    s->field_len = 0;
    s->field_over = 0;
    s->field_start = 1;
}

void sspr__scan_csv_row(scan_state *s)
{
    sspr__scan_open(s, REC_CSV);
    s->rec.format = s->csv_form;
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
        unsigned char c = p[i];
        if (c == s->csv_delim) {
            i++;
            sspr__scan_field_end(s);
        } else if (c == '"' && s->field_start) {
            i++;
            s->in_quote = 1;
            s->field_start = 0;
        } else { /* up to the delimiter: a quote inside a field is a byte of it */
            const unsigned char *d = memchr(p + i, s->csv_delim, own - i);
            size_t j = d ? (size_t)(d - p) : own;
            sspr__scan_field_add(s, p + i, j - i);
            s->field_start = 0;
            i = j;
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
        sspr__scan_set(s, SSPR_RECORD_SOURCE, p + i + 1, (size_t)(q - p) - i - 1);
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

static int scan_tag_end(const unsigned char *p, size_t n, size_t k);

/* The text of the element at p (up to the next '<'), into field. */
static void scan_xml_text(scan_state *s, unsigned field, const unsigned char *p, size_t n)
{
    const unsigned char *gt = memchr(p, '>', n);
    if (!gt || gt[-1] == '/')
        return;
    size_t i = (size_t)(gt - p) + 1;
    const unsigned char *lt = memchr(p + i, '<', n - i);
    size_t end = lt ? (size_t)(lt - p) : n;
    if (field == SSPR_RECORD_MESSAGE)
        sspr__scan_msg_add(s, p + i, end - i);
    else if (field == SSPR_RECORD_RECORD_ID)
        sspr__scan_set_record_id(s, p + i, end - i);
    else
        sspr__scan_set(s, field, p + i, end - i);
}

/* <Level>, <TimeCreated SystemTime='...'/>, <EventRecordID>, <Computer>, and
 * the values of <Data> (a classic event's whole message is its one Data) or
 * RenderingInfo's <Message>. */
static void scan_xml_field(scan_state *s, const unsigned char *p, size_t n)
{
    static const struct {
        const char *tag;
        uint8_t len, field;
    } tags[] = {
        {"<Level>", 7, SSPR_RECORD_LEVEL},        {"<EventRecordID>", 15, SSPR_RECORD_RECORD_ID},
        {"<Computer>", 10, SSPR_RECORD_COMPUTER}, {"<Data", 5, SSPR_RECORD_MESSAGE},
        {"<Message>", 9, SSPR_RECORD_MESSAGE},
    };
    int c = n >= 2 ? sspr__lower(p[1]) : 0; /* the tag's first letter turns most away */
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++)
        if (c == sspr__lower((unsigned char)tags[t].tag[1]) && sspr__scan_at(p, n, tags[t].tag) &&
            (tags[t].tag[tags[t].len - 1] == '>' || scan_tag_end(p, n, tags[t].len))) {
            if (tags[t].field == SSPR_RECORD_LEVEL && s->rec.tlen[SSPR_RECORD_LEVEL])
                return; /* RenderingInfo's <Level> says it again in words */
            scan_xml_text(s, tags[t].field, p, n);
            return;
        }
    if (c == 't' && sspr__scan_at(p, n, "<TimeCreated")) {
        const unsigned char *a = sspr__scan_find(p, n < 128 ? n : 128, "SystemTime=");
        if (a && (size_t)(a - p) + 12 < n) {
            size_t i = (size_t)(a - p) + 12;
            const unsigned char *q = memchr(p + i, p[i - 1], n - i);
            if (q)
                sspr__scan_set(s, SSPR_RECORD_TIME, p + i, (size_t)(q - p) - i);
        }
    }
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
        /* the two bytes after '<' turn most tags away before they are compared */
        int c = rest >= 3 ? sspr__lower(p[j + 1]) : 0, c2 = rest >= 3 ? sspr__lower(p[j + 2]) : 0;
        if (c == '/' && c2 == 'e' && sspr__scan_at(p + j, rest, "</Event>")) {
            size_t end = j + 8 < own ? j + 8 : own;
            sspr__scan_content(s, p, from, end, end, lb, 0);
            sspr__scan_end_record(s);
            if (j + 8 > own)
                s->skip = (uint16_t)(j + 8 - own);
            from = i = j + 8;
            continue;
        }
        if (c == 'e' && c2 == 'v' && sspr__scan_at(p + j, rest, "<Event") &&
            scan_tag_end(p + j, rest, 6)) {
            sspr__scan_content(s, p, from, j, j, lb, 0);
            sspr__scan_end_record(s);
            sspr__scan_open(s, REC_XML);
            s->rec.format = SCAN_FORM_XML;
            from = j;
        } else if (s->rec.open && c == 'p' && c2 == 'r' &&
                   sspr__scan_at(p + j, rest, "<Provider") && scan_tag_end(p + j, rest, 9)) {
            scan_xml_provider(s, p + j, rest);
        } else if (s->rec.open && c == 'e' && c2 == 'v' && sspr__scan_at(p + j, rest, "<EventID") &&
                   scan_tag_end(p + j, rest, 8)) {
            scan_xml_id(s, p + j, rest);
        } else if (s->rec.open) {
            scan_xml_field(s, p + j, rest);
        }
        i = j + 1;
    }
    if (from < own)
        sspr__scan_content(s, p, from, own, vis, lb, 1);
}
