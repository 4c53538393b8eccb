/* JSON input: the cloud's audit logs and any array of event objects, read by
 * a small streaming tokenizer in constant memory (no dependency, any chunking).
 *
 * An input is JSON when its first byte but white space is '{' or '['. Then a
 * record is each object of the top-level array ("[{...}, ...]"), each object
 * of the array under a top-level object's "value" (Microsoft Graph's
 * directoryAudits and userEventsSummary, the Entra portal's JSON download),
 * or a top-level object that holds no such array. Several documents may
 * follow each other (pages concatenated). Inside a record, keys name fields
 * (any case):
 *   Graph / portal:  activityDateTime, activityDisplayName, result,
 *                    resultReason, correlationId, loggedByService,
 *                    initiatedBy.user.userPrincipalName (or .app.displayName),
 *                    targetResources[].userPrincipalName,
 *                    additionalDetails[].key / .value
 *   Log Analytics:   TimeGenerated, OperationName, ActivityDisplayName,
 *                    Result, ResultDescription, CorrelationId,
 *                    LoggedByService, InitiatedBy / TargetResources /
 *                    AdditionalDetails (objects, or JSON in a string)
 *   userEventsSummary: eventDateTime, feature, userPrincipalName,
 *                    isSuccess, authMethod, failureReason
 *   events (PowerShell's ConvertTo-Json of Get-WinEvent): Id,
 *                    ProviderName, LevelDisplayName, RecordId, MachineName,
 *                    Message
 * Malformed JSON is read as far as it makes sense: the tokenizer never fails,
 * it only counts brackets; a record cut short ends at the end of the input. */
#include "scan.h"

static int json_is(const scan_json *j, const char *k)
{
    return strcmp(j->key, k) == 0;
}

/* The format a key tells (the first one that tells wins). */
static void json_format(scan_state *s, const char *k)
{
    static const struct {
        const char *key;
        uint8_t form;
    } tells[] = {
        {"activitydatetime", SCAN_FORM_GRAPH_JSON},
        {"activitydisplayname", SCAN_FORM_GRAPH_JSON},
        {"loggedbyservice", SCAN_FORM_GRAPH_JSON},
        {"timegenerated", SCAN_FORM_LA_JSON},
        {"resultdescription", SCAN_FORM_LA_JSON},
        {"operationname", SCAN_FORM_LA_JSON},
        {"issuccess", SCAN_FORM_USER_EVENTS_JSON},
        {"failurereason", SCAN_FORM_USER_EVENTS_JSON},
        {"eventdatetime", SCAN_FORM_USER_EVENTS_JSON},
    };
    if (s->rec.format != SCAN_FORM_JSON)
        return;
    for (size_t i = 0; i < sizeof tells / sizeof *tells; i++)
        if (strcmp(k, tells[i].key) == 0)
            s->rec.format = tells[i].form;
}

size_t sspr__scan_json_upn(const unsigned char *p, size_t n, size_t *at)
{
    static const char key[] = "userprincipalname";
    const size_t k = sizeof key - 1;
    for (size_t i = 0; i + k + 2 < n; i++) {
        if (sspr__lower(p[i]) != 'u' || !sspr__scan_at(p + i, n - i, key))
            continue;
        size_t j = i + k;
        if (j < n && p[j] == '"')
            j++;
        while (j < n && (p[j] == ' ' || p[j] == ':'))
            j++;
        if (j >= n || p[j] != '"')
            continue;
        size_t a = ++j;
        while (j < n && p[j] != '"')
            j++;
        if (j >= n || j == a)
            continue; /* cut off, or empty (null names no one) */
        *at = a;
        return j - a;
    }
    return 0;
}

/* A JSON string at p[i..n) (after white space and one ':' or ','): its
 * bytes between the quotes (no escapes undone); 0 when there is none whole. */
static int json_text_at(const unsigned char *p, size_t n, size_t *i, size_t *a, size_t *b)
{
    size_t k = *i;
    while (k < n && (p[k] == ' ' || p[k] == ':' || p[k] == ','))
        k++;
    if (k >= n || p[k] != '"')
        return 0;
    size_t start = ++k;
    while (k < n && p[k] != '"')
        k += p[k] == '\\' ? 2 : 1;
    if (k >= n)
        return 0;
    *a = start;
    *b = k;
    *i = k + 1;
    return 1;
}

size_t sspr__scan_json_pairs(scan_state *s, const unsigned char *p, size_t n)
{
    size_t done = 0;
    for (size_t i = 0; i + 5 < n; i++) {
        if (p[i] != '"' || !sspr__scan_at(p + i, n - i, "\"key\""))
            continue;
        size_t j = i + 5, ka, kb, va, vb;
        if (!json_text_at(p, n, &j, &ka, &kb))
            continue;
        while (j < n && (p[j] == ' ' || p[j] == ','))
            j++;
        if (j + 7 > n || !sspr__scan_at(p + j, n - j, "\"value\""))
            continue;
        j += 7;
        if (!json_text_at(p, n, &j, &va, &vb))
            continue;
        sspr__scan_detail(s, p + ka, kb - ka, p + va, vb - va);
        done = j;
        i = j - 1;
    }
    return done;
}

/* A value (string or literal) of key j->key, in the record's container at
 * depth rd below it (0: the record itself). */
static void json_value(scan_state *s, const unsigned char *v, size_t n, int string)
{
    scan_json *j = &s->u.js;
    scan_rec *r = &s->rec;
    unsigned rd = (unsigned)(j->depth - j->rec_depth);
    if (!r->open)
        return;
    if (rd > 0) { /* inside initiatedBy, targetResources, additionalDetails */
        const char *top = j->path[0];
        if (strcmp(top, "initiatedby") == 0 && string && n &&
            (json_is(j, "userprincipalname") ||
             (json_is(j, "displayname") && !r->tlen[SSPR_RECORD_INITIATOR])))
            sspr__scan_set(s, SSPR_RECORD_INITIATOR, v, n); /* a UPN over a name */
        else if (strcmp(top, "targetresources") == 0 && json_is(j, "userprincipalname") && string &&
                 n && !r->tlen[SSPR_RECORD_USER])
            sspr__scan_set(s, SSPR_RECORD_USER, v, n);
        else if (strcmp(top, "additionaldetails") == 0 && json_is(j, "key")) {
            size_t k = n < sizeof s->dkey ? n : sizeof s->dkey;
            memcpy(s->dkey, v, k);
            s->dkey_n = (uint8_t)k;
        } else if (strcmp(top, "additionaldetails") == 0 && json_is(j, "value")) {
            sspr__scan_detail(s, (const unsigned char *)s->dkey, s->dkey_n, v, n);
            s->dkey_n = 0;
        }
        return;
    }
    json_format(s, j->key);
    size_t at;
    if (json_is(j, "activitydatetime") || json_is(j, "timegenerated") ||
        json_is(j, "eventdatetime") || json_is(j, "timecreated"))
        sspr__scan_set(s, SSPR_RECORD_TIME, v, n);
    else if (json_is(j, "timegenerated [utc]")) /* Log Analytics' export */
        sspr__scan_set_utc(s, v, n);
    else if (json_is(j, "additionaldetails") && string)
        sspr__scan_json_pairs(s, v, n);
    else if (json_is(j, "activitydisplayname") || json_is(j, "operationname") ||
             json_is(j, "feature"))
        sspr__scan_set(s, SSPR_RECORD_ACTIVITY, v, n);
    else if (json_is(j, "result") && string) {
        sspr__scan_set(s, SSPR_RECORD_RESULT, v, n);
    } else if (json_is(j, "issuccess") && !string) {
        const char *res = n && v[0] == 't' ? "success" : n && v[0] == 'f' ? "failure" : NULL;
        if (res)
            sspr__scan_set(s, SSPR_RECORD_RESULT, (const unsigned char *)res, strlen(res));
    } else if ((json_is(j, "resultreason") || json_is(j, "resultdescription") ||
                json_is(j, "failurereason")) &&
               string && n && !r->reason) {
        sspr__scan_set(s, SSPR_RECORD_REASON, v, n);
        sspr__scan_content(s, v, 0, n, n, 0, 0);
    } else if (json_is(j, "correlationid"))
        sspr__scan_set(s, SSPR_RECORD_CORRELATION_ID, v, n);
    else if (json_is(j, "loggedbyservice") || json_is(j, "providername"))
        sspr__scan_set(s, SSPR_RECORD_SOURCE, v, n);
    else if (json_is(j, "userprincipalname") && !r->tlen[SSPR_RECORD_USER])
        sspr__scan_set(s, SSPR_RECORD_USER, v, n);
    else if ((json_is(j, "targetresources") || json_is(j, "initiatedby")) && string &&
             (n = sspr__scan_json_upn(v, n, &at)) != 0) { /* Log Analytics: JSON as text */
        unsigned f = json_is(j, "targetresources") ? SSPR_RECORD_USER : SSPR_RECORD_INITIATOR;
        if (!r->tlen[f])
            sspr__scan_set(s, f, v + at, n);
    } else if (json_is(j, "authmethod") && string)
        sspr__scan_detail(s, (const unsigned char *)"authMethod", 10, v, n);
    else if (json_is(j, "id") && !string)
        sspr__scan_set_id(s, v, n, 0);
    else if (json_is(j, "recordid") && !string)
        sspr__scan_set_record_id(s, v, n);
    else if (json_is(j, "machinename"))
        sspr__scan_set(s, SSPR_RECORD_COMPUTER, v, n);
    else if (json_is(j, "leveldisplayname"))
        sspr__scan_set(s, SSPR_RECORD_LEVEL, v, n);
    else if (json_is(j, "message") && string) {
        sspr__scan_set(s, SSPR_RECORD_MESSAGE, v, n);
        sspr__scan_content(s, v, 0, n, n, 0, 0);
    }
}

static void json_open_record(scan_state *s)
{
    scan_json *j = &s->u.js;
    sspr__scan_open(s, REC_JSON);
    s->rec.format = SCAN_FORM_JSON;
    s->rec.line = s->line;
    s->rec.last = s->line;
    j->rec_depth = j->depth;
}

/* A container opens: '{' (object) or '['. */
static void json_push(scan_state *s, int object)
{
    scan_json *j = &s->u.js;
    unsigned parent = j->depth;
    int parent_array = parent > 0 && parent <= 64 && !((j->objects >> (parent - 1)) & 1);
    if (j->rec_depth && parent >= j->rec_depth) { /* inside the record */
        unsigned rd = parent - j->rec_depth;
        if (rd < SCAN_JPATH && (!parent_array || rd == 0))
            memcpy(j->path[rd], j->key, sizeof j->key);
        /* "value": [ in a top-level object: the object was a wrapper */
        if (!object && j->tentative && parent == 1 && json_is(j, "value")) {
            s->rec.open = 0; /* nothing of it was a record: not reported */
            j->rec_depth = 0;
            j->tentative = 0;
            j->list_depth = 2;
        }
    }
    j->depth++;
    if (j->depth <= 64) {
        uint64_t bit = (uint64_t)1 << (j->depth - 1);
        j->objects = object ? j->objects | bit : j->objects & ~bit;
    }
    if (object && !j->rec_depth) {
        if (j->depth == 1) {
            json_open_record(s); /* a record, unless it holds "value": [...] */
            j->tentative = 1;
        } else if (parent_array && parent == j->list_depth) {
            json_open_record(s);
            j->tentative = 0;
        }
    }
    if (!object && j->depth == 1 && !j->rec_depth)
        j->list_depth = 1;
    j->expect_key = (uint8_t)object;
    j->key[0] = '\0';
}

static void json_pop(scan_state *s)
{
    scan_json *j = &s->u.js;
    if (!j->depth)
        return; /* a stray bracket */
    if (j->rec_depth && j->depth == j->rec_depth) {
        sspr__scan_end_record(s);
        j->rec_depth = 0;
        j->tentative = 0;
    }
    if (j->depth == j->list_depth)
        j->list_depth = 0;
    j->depth--;
    j->expect_key = 0;
}

static int json_in_object(const scan_json *j)
{
    return j->depth > 0 && j->depth <= 64 && ((j->objects >> (j->depth - 1)) & 1);
}

static void json_val_add(scan_json *j, const unsigned char *p, size_t n)
{
    if (j->vlen + n > SCAN_JVAL) {
        n = SCAN_JVAL - j->vlen;
        j->vover = 1;
    }
    memcpy(j->val + j->vlen, p, n);
    j->vlen = (uint16_t)(j->vlen + n);
}

static void json_code_point(scan_json *j, uint32_t c)
{
    unsigned char o[4];
    json_val_add(j, o, sspr__scan_put_utf8(c, o));
}

/* The end of a string: a key, or a value. */
static void json_string_end(scan_state *s)
{
    scan_json *j = &s->u.js;
    if (j->uhigh)
        json_code_point(j, 0xFFFD);
    j->uhigh = 0;
    if (j->is_key) {
        size_t n = 0;
        for (size_t i = 0; i < j->vlen && n < SCAN_JKEY - 1; i++)
            j->key[n++] = (char)sspr__lower(j->val[i]);
        j->key[n] = '\0';
    } else {
        json_value(s, j->val, j->vlen, 1);
    }
    j->vlen = 0;
    j->vover = 0;
    j->in_str = 0;
}

static void json_literal_end(scan_state *s)
{
    scan_json *j = &s->u.js;
    if (j->lit_n)
        json_value(s, (const unsigned char *)j->lit, j->lit_n, 0);
    j->lit_n = 0;
}

/* A string's bytes from p[0..n): returns how many were used (up to and with
 * its closing quote, or all). */
static size_t json_string(scan_state *s, const unsigned char *p, size_t n)
{
    scan_json *j = &s->u.js;
    size_t i = 0;
    while (i < n) {
        if (j->uhex) { /* \uXXXX */
            int h = sspr__hexval(p[i++]);
            j->uval = (uint16_t)(j->uval << 4 | (h < 0 ? 0 : (unsigned)h));
            if (--j->uhex)
                continue;
            uint32_t c = j->uval;
            if (c >= 0xD800 && c < 0xDC00) {
                if (j->uhigh)
                    json_code_point(j, 0xFFFD);
                j->uhigh = (uint16_t)c;
                continue;
            }
            if (c >= 0xDC00 && c < 0xE000) {
                c = j->uhigh ? 0x10000 + ((uint32_t)(j->uhigh - 0xD800) << 10) + (c - 0xDC00)
                             : 0xFFFD;
                j->uhigh = 0;
            } else if (j->uhigh) {
                json_code_point(j, 0xFFFD);
                j->uhigh = 0;
            }
            json_code_point(j, c);
            continue;
        }
        if (j->esc) {
            unsigned char c = p[i++];
            j->esc = 0;
            if (c == 'u') {
                j->uhex = 4;
                j->uval = 0;
                continue;
            }
            if (j->uhigh) {
                json_code_point(j, 0xFFFD);
                j->uhigh = 0;
            }
            unsigned char o = c == 'n'   ? '\n'
                              : c == 't' ? '\t'
                              : c == 'r' ? '\r'
                              : c == 'b' ? '\b'
                              : c == 'f' ? '\f'
                                         : c;
            json_val_add(j, &o, 1);
            continue;
        }
        /* a run of plain bytes at once */
        size_t a = i;
        while (i < n && p[i] != '"' && p[i] != '\\')
            i++;
        if (i > a) {
            if (j->uhigh) {
                json_code_point(j, 0xFFFD);
                j->uhigh = 0;
            }
            json_val_add(j, p + a, i - a);
        }
        if (i == n)
            break;
        if (p[i++] == '\\') {
            j->esc = 1;
            continue;
        }
        json_string_end(s);
        return i;
    }
    return n;
}

void sspr__scan_json(scan_state *s, const unsigned char *p, size_t n)
{
    scan_json *j = &s->u.js;
    size_t i = 0;
    while (i < n) {
        if (j->in_str) {
            i += json_string(s, p + i, n - i);
            continue;
        }
        unsigned char c = p[i++];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            s->rec.last = s->line; /* the open record's last line so far */
        switch (c) {
        case '{':
        case '[':
            json_literal_end(s);
            json_push(s, c == '{');
            break;
        case '}':
        case ']':
            json_literal_end(s);
            json_pop(s);
            break;
        case ',':
            json_literal_end(s);
            j->expect_key = (uint8_t)json_in_object(j);
            break;
        case ':':
            json_literal_end(s);
            j->expect_key = 0;
            break;
        case '"':
            json_literal_end(s);
            j->in_str = 1;
            j->is_key = (uint8_t)(j->expect_key && json_in_object(j));
            j->vlen = 0;
            j->vover = 0;
            break;
        case '\n':
            s->line++;
            json_literal_end(s);
            break;
        case ' ':
        case '\t':
        case '\r': json_literal_end(s); break;
        default:
            if (j->lit_n < sizeof j->lit)
                j->lit[j->lit_n++] = (char)c;
        }
    }
}

/* The end of the input: a record cut short is reported as far as it went. */
void sspr__scan_json_end(scan_state *s)
{
    scan_json *j = &s->u.js;
    if (j->in_str && !j->is_key)
        json_string_end(s);
    json_literal_end(s);
    if (s->rec.open)
        sspr__scan_end_record(s);
    memset(j, 0, sizeof *j);
}
