/* The labelled forms and plain text.
 *
 * Labelled: "Label: value" lines, a record's fields one to a line (or several
 * to a line, separated by ", "):
 *   - Event Viewer's "Copy details as text" ("Log Name:", "Source:", ...,
 *     "Description:" and the message, "Event Xml:" and the XML), in English
 *     or German, quoted with "> ", in Markdown ("**Event ID:** 33004", table
 *     rows "| Event ID | 33004 |"), with blank lines between fields;
 *   - wevtutil qe /f:text ("Event[0]:", then indented fields);
 *   - PowerShell's Format-List ("Message     : ...", continuation lines
 *     indented);
 *   - one-line pastes ("Source: PasswordResetService, Event ID: 33004").
 * A record ends where a label it already has comes again (the next record
 * begins there), at "Event[N]:", or at a line of text that is no label once
 * its message has ended.
 *
 * Plain text: a line is a record when it names something: an event id after
 * a cue ("Event ID 33004:", "EventID 33004", "event 6329", "ID 33004"), a
 * catalogue code beside the word error or event ("error 31044", "a 31034
 * event"), a source name and a code of that source, a code beside a catalogue name
 * ("33008 ADPasswordPolicyError"), the reset page's "SSPR_0029", or (match.c)
 * an HRESULT or a catalogue message.
 *
 * Format-Table: a header of known column names ("Index Time EntryType Source
 * InstanceID Message", "TimeCreated Id LevelDisplayName Message"), then rows
 * cut at the header's columns; Get-WinEvent's "ProviderName: X" groups give
 * the provider. */
#include "scan.h"
#include "bits.h"

/* ---- labels ---- */

/* The labels (src/common/labels.def): the field each gives, and its group
 * (labels of one group are the same field in another language or tool; a
 * label whose group the record already has begins the next record). */
enum { LABEL_ROOM = (SSPR__LABEL_MAX + 7) / 8 * 8 }; /* a label's bytes, zero-padded */
static const struct {
    char label[LABEL_ROOM];
    uint8_t len, field, group;
} labels[] = {
#define SSPR__LABEL(text, f, g) {text, sizeof text - 1, f, g},
#include "labels.def"
#undef SSPR__LABEL
};

/* Where each label is found: sspr__label_hash's seed and slots (generated
 * from labels.def by gen/emit_scan.c). */
#include "sspr-labels.inc"

/* The label key[0..k) (any case, no space at either end, none doubled) in
 * the table, or -1: the one label in its slot, compared eight bytes at a
 * time (room bytes from key on can be read). */
static inline int label_find(const unsigned char *key, size_t k, size_t room)
{
    if (k == 0 || k > SSPR__LABEL_MAX)
        return -1;
    unsigned i = sspr__label_slot[sspr__label_hash(key, k, SSPR__LABEL_SEED)];
    if (i >= sizeof labels / sizeof *labels || labels[i].len != k)
        return -1;
    const unsigned char *t = (const unsigned char *)labels[i].label;
    uint64_t diff = 0;
    for (size_t w = 0; w < k; w += 8) { /* the label's letters in either case */
        unsigned char tail[8] = {0};
        const unsigned char *x = key + w;
        if (w + 8 > room) { /* the key's last bytes, where fewer can be read */
            memcpy(tail, x, k - w);
            x = tail;
        }
        uint64_t d = (sspr__le64(x) | sspr__label_fold[i][w / 8]) ^ sspr__le64(t + w);
        diff |= k - w < 8 ? d & (((uint64_t)1 << (8 * (k - w))) - 1) : d;
    }
    return diff ? -1 : (int)i;
}

/* The label text p[0..n) (any case, runs of spaces as one) in the table, or -1. */
static int label_index(const unsigned char *p, size_t n)
{
    while (n && p[n - 1] == ' ')
        n--;
    if (n == 0)
        return -1;
    if (p[0] != ' ') { /* as it is, when no space is doubled (most labels) */
        int i = label_find(p, n, n);
        if (i >= 0 || !sspr__scan_find(p, n, "  "))
            return i; /* a label has no doubled space: found as the text is */
    }
    unsigned char key[LABEL_ROOM] = {0};
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == ' ' && (k == 0 || key[k - 1] == ' '))
            continue;
        if (k == sizeof key)
            return -1; /* longer than any label */
        key[k++] = (unsigned char)sspr__lower(c);
    }
    return k ? label_find(key, k, sizeof key) : -1;
}

/* The record field a name p[0..n) gives, as a label, a CSV column or a
 * Format-Table column ("Source", "EventID", "TimeCreated", "Event ID" ...):
 * one table for every form; F_NONE when it is no name of a field. A
 * PowerShell InstanceId gives the event id once its qualifiers are masked
 * (record.c), which a CSV's EventID column gives as well. */
unsigned sspr__scan_field_named(const unsigned char *p, size_t n)
{
    int i = label_index(p, n);
    return i < 0 ? F_NONE : labels[i].field;
}

/* Markdown and quoting around text: "> ", "**", "__", "`". */
static int decor(int c)
{
    return sspr__cc_is(c, SSPR__CC_DECOR);
}

/* Where the text of a line begins, past "> " quote marks and list bullets. */
static size_t skip_quotes_rest(const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && (p[i] == ' ' || p[i] == '\t'))
            i++;
        if (i < n && p[i] == '>') {
            i++;
            continue;
        }
        if (i + 1 < n && (p[i] == '-' || p[i] == '*') && p[i + 1] == ' ')
            i += 2;
        return i;
    }
}

/* The same, the common case (a word at once) tested where the line is read. */
static inline size_t skip_quotes(const unsigned char *p, size_t n)
{
    if (n && sspr__cc_is(p[0], SSPR__CC_ALPHA))
        return 0; /* most lines: a word at once */
    return skip_quotes_rest(p, n);
}

/* A letter, a byte of a UTF-8 sequence, a space or '-': the bytes of a
 * label's words. Tested without branches: labels mix letters and spaces. */
static int label_byte(unsigned c)
{
    return ((unsigned)((c | 0x20u) - 'a') < 26u) | (c >= 0x80u) | (c == ' ') | (c == '-');
}

/* The same for the 8-byte word x: the high bit of each byte that is one
 * (letters: OR-ed with 0x20, between 'a' and 'z'; no carry crosses bytes). */
static uint64_t label_bytes(uint64_t x)
{
    const uint64_t ones = ~(uint64_t)0 / 255;
    return sspr__range_bytes(x | ones * 0x20, 'a', 'z') | (x & ones * 128) |
           sspr__eq_bytes(x, ' ') | sspr__eq_bytes(x, '-');
}

/* Does p[i..n) begin like a label: words (letters, spaces, '-'; Markdown
 * around them allowed) and a colon? The words are p[*start..*end), the colon
 * p[*colon]. */
static int label_shape(const unsigned char *p, size_t n, size_t i, size_t *start, size_t *end,
                       size_t *colon)
{
    while (i < n && decor(p[i]))
        i++;
    *start = i;
    size_t lim = n - i < 32 ? n : i + 32; /* words of 32 bytes at most */
    while (i < lim) {
        if (i + 8 > n) { /* the line's last bytes */
            if (!label_byte(p[i]))
                break;
            i++;
            continue;
        }
        uint64_t other = ~label_bytes(sspr__le64(p + i)) & ~(uint64_t)0 / 255 * 128;
        i = other ? i + sspr__first_byte(other) : i + 8;
        if (i > lim)
            i = lim;
        if (other)
            break;
    }
    *end = i;
    while (*end > *start && p[*end - 1] == ' ')
        (*end)--;
    while (i < n && (decor(p[i]) || p[i] == ' '))
        i++;
    if (i >= n || p[i] != ':' || *end == *start)
        return 0;
    *colon = i;
    return 1;
}

/* The first colon in p[i + 1..n) no further than a label's length from a
 * letter at p[i], or 0. */
static size_t label_colon(const unsigned char *p, size_t n, size_t i)
{
    if (i >= n || !sspr__cc_is(p[i], SSPR__CC_ALPHA))
        return 0;
    size_t lim = n - i > SSPR__LABEL_MAX + 1 ? i + SSPR__LABEL_MAX + 1 : n;
    size_t j = i + 1;
    for (; j + 8 <= lim; j += 8) {
        uint64_t colon = sspr__eq_bytes(sspr__le64(p + j), ':');
        if (colon)
            return j + sspr__first_byte(colon);
    }
    for (; j < lim; j++)
        if (p[j] == ':')
            return j;
    return 0;
}

/* A label at p[i..n): "Label:" (decorated or not, spaces before the colon
 * allowed). Sets *entry (index in labels), *val (where its value begins) and
 * *spaced (spaces before the colon: Format-List). Returns 1 when it is one. */
static inline int label_at(const unsigned char *p, size_t n, size_t i, int *entry, size_t *val,
                           int *spaced)
{
    size_t start, end, c = label_colon(p, n, i);
    /* most label lines: the label as the table writes it, the colon right
       after it; label_shape reads those the same way */
    if (c && (*entry = label_find(p + i, c - i, n - i)) >= 0) {
        *spaced = 0;
        i = c;
    } else {
        if (!label_shape(p, n, i, &start, &end, &i))
            return 0;
        *spaced = p[i - 1] == ' ';
        *entry = label_index(p + start, end - start);
        if (*entry < 0)
            return 0;
    }
    i++;
    for (; i + 8 <= n; i += 8) { /* past the blanks before the value, eight at a time */
        uint64_t w = sspr__le64(p + i);
        uint64_t blank = sspr__eq_bytes(w, ' ') | sspr__eq_bytes(w, '\t') | sspr__eq_bytes(w, '*') |
                         sspr__eq_bytes(w, '_') | sspr__eq_bytes(w, '`');
        uint64_t other = ~blank & ~(uint64_t)0 / 255 * 128;
        if (other) {
            *val = i + sspr__first_byte(other);
            return 1;
        }
    }
    while (i < n && (p[i] == ' ' || p[i] == '\t' || decor(p[i])))
        i++;
    *val = i;
    return 1;
}

/* A Markdown table row "| Label | value |": the label's entry and the value. */
static int table_cell_label(const unsigned char *p, size_t n, size_t i, int *entry, size_t *val,
                            size_t *val_end)
{
    if (i >= n || p[i] != '|')
        return 0;
    const unsigned char *bar = memchr(p + i + 1, '|', n - i - 1);
    if (!bar)
        return 0;
    const unsigned char *a = p + i + 1;
    size_t len = (size_t)(bar - a);
    while (len && (decor(*a) || *a == ' ')) {
        a++;
        len--;
    }
    while (len && (decor(a[len - 1]) || a[len - 1] == ' ' || a[len - 1] == ':'))
        len--;
    *entry = label_index(a, len);
    if (*entry < 0)
        return 0;
    size_t v = (size_t)(bar - p) + 1;
    const unsigned char *end = memchr(p + v, '|', n - v);
    *val = v;
    *val_end = end ? (size_t)(end - p) : n;
    return 1;
}

/* Does p[0..n) begin with "Event[N]:" (wevtutil's record heading)? */
static int wevtutil_heading(const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (n < 6 || (p[0] | 0x20) != 'e' || !sspr__scan_at(p, n, "Event["))
        return 0;
    for (i = 6; i < n && sspr__cc_is(p[i], SSPR__CC_DIGIT); i++)
        ;
    return i > 6 && i + 1 < n + 1 && i < n && p[i] == ']' && i + 1 < n && p[i + 1] == ':';
}

/* The value of field at p[a..b) into the record. */
static inline void give(scan_state *s, int entry, const unsigned char *p, size_t a, size_t b)
{
    unsigned field = labels[entry].field;
    scan_rec *r = &s->rec;
    r->seen |= (uint32_t)1 << labels[entry].group;
    r->in_msg = field == SSPR_RECORD_MESSAGE;
    if (field == F_XML) {
        r->xml_tail = 1;
        return;
    }
    if (field == SSPR_RECORD_EVENT_ID || field == F_INSTANCE)
        sspr__scan_set_id(s, p + a, b - a, field == F_INSTANCE);
    else if (field == SSPR_RECORD_RECORD_ID)
        sspr__scan_set_record_id(s, p + a, b - a);
    else if (field < SSPR_RECORD_ENTRIES)
        sspr__scan_set(s, field, p + a, b - a);
}

/* The pairs of one line: "Label: value[, Label: value]...". */
static void give_pairs(scan_state *s, const unsigned char *p, size_t vis, int entry, size_t val)
{
    for (int guard = 0; guard < 16; guard++) {
        size_t end = vis, next_val = 0;
        int next = -1, spaced;
        if (labels[entry].field != SSPR_RECORD_MESSAGE) /* a message runs to the line's end */
            for (const unsigned char *q = memchr(p + val, ',', vis - val); q;
                 q = memchr(q + 1, ',', vis - (size_t)(q + 1 - p))) {
                size_t i = (size_t)(q - p);
                size_t j = i + 1;
                while (j < vis && p[j] == ' ')
                    j++;
                if (label_at(p, vis, j, &next, &next_val, &spaced)) {
                    end = i;
                    break;
                }
            }
        size_t e = end;
        while (e > val && sspr__cc_is(p[e - 1], SSPR__CC_DECOR | SSPR__CC_SPACE))
            e--;
        give(s, entry, p, val, e);
        if (next < 0)
            return;
        entry = next;
        val = next_val;
    }
}

/* Is p[0..vis) a label line of the record's form? Reads its pairs (opening
 * a record when opening is set and none is open) and returns 1; 0 when it is
 * no label line. A label the record already has ends it: a new one begins. */
/* A line shaped like a label that the table does not know ("Version  : 0",
 * "OpCode:"): a field of the record that is not kept. */
int sspr__scan_other_label(const unsigned char *p, size_t vis)
{
    size_t start, end, colon, i = skip_quotes(p, vis);
    return label_shape(p, vis, i, &start, &end, &colon) &&
           (colon + 1 == vis || p[colon + 1] == ' ' || p[colon + 1] == '\r');
}

int sspr__scan_label_line(scan_state *s, const unsigned char *p, size_t vis, int opening)
{
    size_t i = skip_quotes(p, vis), val, val_end = vis;
    int entry, spaced = 0;
    if (wevtutil_heading(p + i, vis - i)) {
        if (s->rec.open)
            sspr__scan_end_record(s);
        sspr__scan_open(s, REC_LABEL);
        s->rec.format = SCAN_FORM_WEVTUTIL;
        s->rec.lines = 1;
        return 1;
    }
    int cell = table_cell_label(p, vis, i, &entry, &val, &val_end);
    if (!cell && !label_at(p, vis, i, &entry, &val, &spaced))
        return 0;
    /* Get-WinEvent's table groups: "   ProviderName: X" */
    if (!cell && i >= 3 && labels[entry].field == SSPR_RECORD_SOURCE && !s->rec.open) {
        size_t n = vis - val;
        const unsigned char *v = p + val;
        n = sspr__scan_trim(&v, n);
        s->group_len = (uint8_t)(n < sizeof s->group ? n : sizeof s->group);
        memcpy(s->group, v, s->group_len);
        s->group_src = sspr__scan_source(v, n);
        return 1;
    }
    uint32_t bit = (uint32_t)1 << labels[entry].group;
    scan_rec *r = &s->rec;
    if (r->open && r->in_msg && r->format != SCAN_FORM_FL &&
        labels[entry].field == SSPR_RECORD_MESSAGE)
        return 0; /* "Message: ..." inside a message is its text */
    /* Format-List puts a blank line between records. A blank line also comes
       inside one, after a message that ends with a line break (Get-EventLog):
       so after a blank line, a record that has its source and id is complete,
       and a label that records begin with begins the next */
    int g = labels[entry].group;
    int complete = r->blank && r->format == SCAN_FORM_FL &&
                   ((r->has_id && r->tlen[SSPR_RECORD_SOURCE]) || g == 1 || g == 3 || g == 5 ||
                    g == 12); /* or it starts as a record does: provider, index, time, message */
    /* Format-List aligns its colons ("Index   : 175"); the other forms write
       "Label: value": a change of style is another record */
    int restyled =
        !cell && r->open && r->kind == REC_LABEL && (spaced != (r->format == SCAN_FORM_FL));
    if (r->open && r->kind == REC_LABEL && ((r->seen & bit) || complete || restyled))
        sspr__scan_end_record(s);
    if (!s->rec.open || s->rec.kind != REC_LABEL) {
        if (!opening && s->rec.open)
            return 0;
        if (s->rec.open)
            sspr__scan_end_record(s);
        uint8_t lead = s->lead_src;
        sspr__scan_open(s, REC_LABEL);
        s->rec.format = spaced ? SCAN_FORM_FL : SCAN_FORM_DETAILS;
        if (lead) /* "**ADSync**" above "Event ID: 405" */
            sspr__scan_set(s, SSPR_RECORD_SOURCE, (const unsigned char *)sspr__source_name(lead),
                           strlen(sspr__source_name(lead)));
    }
    s->lead_src = 0;
    s->rec.lines++;
    if (cell) {
        while (val < val_end && p[val] == ' ')
            val++;
        while (val_end > val && (p[val_end - 1] == ' ' || decor(p[val_end - 1])))
            val_end--;
        give(s, entry, p, val, val_end);
    } else {
        give_pairs(s, p, vis, entry, val);
    }
    return 1;
}

/* After "Event Xml:": the record number, the computer and the time, where
 * the text did not give them. */
void sspr__scan_xml_tail(scan_state *s, const unsigned char *p, size_t vis)
{
    scan_rec *r = &s->rec;
    const unsigned char *t = sspr__scan_find(p, vis, "<EventRecordID>");
    if (t && r->record_id < 0) {
        size_t a = (size_t)(t - p) + 15;
        const unsigned char *lt = memchr(p + a, '<', vis - a);
        if (lt)
            sspr__scan_set_record_id(s, p + a, (size_t)(lt - p) - a);
    }
    t = sspr__scan_find(p, vis, "SystemTime=");
    if (t && !r->tlen[SSPR_RECORD_TIME]) {
        size_t a = (size_t)(t - p) + 12;
        const unsigned char *q = a <= vis ? memchr(p + a, p[a - 1], vis - a) : NULL;
        if (q)
            sspr__scan_set(s, SSPR_RECORD_TIME, p + a, (size_t)(q - p) - a);
    }
    t = sspr__scan_find(p, vis, "<Computer>");
    if (t && !r->tlen[SSPR_RECORD_COMPUTER]) {
        size_t a = (size_t)(t - p) + 10;
        const unsigned char *lt = memchr(p + a, '<', vis - a);
        if (lt)
            sspr__scan_set(s, SSPR_RECORD_COMPUTER, p + a, (size_t)(lt - p) - a);
    }
}

/* ---- plain text ---- */

/* How many digits a catalogue code written in plain text has. */
enum { CODE_DIGITS_MIN = 3, CODE_DIGITS_MAX = 5 };
/* sspr__scan_free_line's masks find runs of three digits */
typedef char sspr__scan_three_digits[CODE_DIGITS_MIN == 3 ? 1 : -1];

/* The code a number token p[a..b) (digits only) is, when it has
 * CODE_DIGITS_MIN to CODE_DIGITS_MAX digits. */
static int code_token(const unsigned char *p, size_t a, size_t b, size_t n, uint32_t *v)
{
    if (b - a < CODE_DIGITS_MIN || b - a > CODE_DIGITS_MAX)
        return 0;
    if (a > 0 && sspr__cc_is(p[a - 1], SSPR__CC_ALPHA | SSPR__CC_DIGIT))
        return 0;
    if (a + 8 <= n) { /* the digits as one word, p[a] the most significant */
        uint64_t x = (sspr__le64(p + a) - ~(uint64_t)0 / 255 * '0') << (8 * (8 - (b - a)));
        x = ((x & 0x0F0F0F0F0F0F0F0Fu) * (10 * 256 + 1)) >> 8;     /* pairs */
        x = ((x & 0x00FF00FF00FF00FFu) * (100 * 65536 + 1)) >> 16; /* fours */
        *v = (uint32_t)(((x & 0x0000FFFF0000FFFFu) * (10000 * ((uint64_t)1 << 32) + 1)) >> 32);
        return 1;
    }
    uint32_t x = 0;
    for (size_t i = a; i < b; i++)
        x = x * 10 + (uint32_t)(p[i] - '0');
    *v = x;
    return 1;
}

/* Is the word before p[a] (skipping ' ', ':', '#', '=') an event-id cue:
 * "event id", "eventid", "event", "id", "ereignis-id"? */
static int id_cue_before(const unsigned char *p, size_t a)
{
    /* ' ', ':', '#', '=' and Markdown's '*': one test of a bit below 64 */
    const uint64_t sep = (uint64_t)1 << ' ' | (uint64_t)1 << ':' | (uint64_t)1 << '#' |
                         (uint64_t)1 << '=' | (uint64_t)1 << '*';
    size_t i = a;
    while (i > 0 && (p[i - 1] < 64 ? (int)(sep >> p[i - 1] & 1u) : decor(p[i - 1])))
        i--;
    size_t end = i;
    if (end == 0 || ((p[end - 1] | 0x20) != 'd' && (p[end - 1] | 0x20) != 't'))
        return 0; /* every cue ends so */
    while (i > 0 && (sspr__cc_is(p[i - 1], SSPR__CC_ALPHA) || p[i - 1] == '-'))
        i--;
    if (i > 0 && sspr__cc_is(p[i - 1], SSPR__CC_DIGIT))
        return 0;
    size_t n = end - i;
    return (n == 2 && sspr__scan_at(p + i, n, "id")) ||
           (n == 5 && sspr__scan_at(p + i, n, "event")) ||
           (n == 7 && sspr__scan_at(p + i, n, "eventid")) ||
           (n == 11 && sspr__scan_at(p + i, n, "ereignis-id"));
}

/* Is the word before p[a] or after p[b] (past spaces; before, also ':') "error" or
 * "event", one or more? A ticket names a code so: "error 31044", "errors 31044;
 * 31034", "a 31034 event". Only a catalogue code is taken on this cue. */
static int code_word_beside(const unsigned char *p, size_t n, size_t a, size_t b)
{
    static const char *const words[] = {"error", "errors", "event", "events"};
    size_t e = a;
    while (e > 0 && (p[e - 1] == ' ' || p[e - 1] == ':'))
        e--;
    size_t s = e;
    while (s > 0 && sspr__cc_is(p[s - 1], SSPR__CC_ALPHA))
        s--;
    size_t s2 = b;
    while (s2 < n && p[s2] == ' ')
        s2++;
    size_t e2 = s2;
    while (e2 < n && sspr__cc_is(p[e2], SSPR__CC_ALPHA))
        e2++;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if ((s < e && (s == 0 || !sspr__cc_is(p[s - 1], SSPR__CC_DIGIT)) &&
             sspr__scan_is(p + s, e - s, words[k])) ||
            (s2 > b && sspr__scan_is(p + s2, e2 - s2, words[k])))
            return 1;
    return 0;
}

/* A word beside p[a..b) (before or after, one separator) that is a
 * catalogue name of an entry with that code. */
static const sspr_entry *named_beside(const unsigned char *p, size_t n, size_t a, size_t b,
                                      uint32_t code)
{
    char word[64];
    size_t ws[2][2] = {{0, 0}, {0, 0}};
    size_t i = b;
    while (i < n && (p[i] == ' ' || p[i] == ':' || p[i] == '-'))
        i++;
    ws[0][0] = i;
    while (i < n && sspr__cc_is(p[i], SSPR__CC_ALPHA | SSPR__CC_DIGIT))
        i++;
    ws[0][1] = i;
    i = a;
    while (i > 0 && (p[i - 1] == ' ' || p[i - 1] == ':' || p[i - 1] == '-'))
        i--;
    ws[1][1] = i;
    while (i > 0 && sspr__cc_is(p[i - 1], SSPR__CC_ALPHA | SSPR__CC_DIGIT))
        i--;
    ws[1][0] = i;
    for (int k = 0; k < 2; k++) {
        size_t len = ws[k][1] - ws[k][0];
        if (len < 6 || len >= sizeof word)
            continue;
        memcpy(word, p + ws[k][0], len);
        word[len] = '\0';
        const sspr_entry *e = sspr_by_name(word);
        if (e && e->code == (int64_t)code)
            return e;
    }
    return NULL;
}

/* The source a plain line names (the first source name that stands as a
 * word), or 0. */
static unsigned source_in(const unsigned char *p, size_t n)
{
    for (unsigned v = 1; v <= sspr__sources.count; v++) {
        if (v == SSPR__SOURCE_SSPR)
            continue;
        const char *name = sspr__sources.names[v];
        size_t k = sspr__sources.lengths[v];
        for (int upper = 0; upper < 2; upper++) { /* the first letter in either case */
            int c0 = upper ? sspr__lower((unsigned char)name[0]) - 32
                           : sspr__lower((unsigned char)name[0]);
            for (const unsigned char *q = p; (q = memchr(q, c0, n - (size_t)(q - p))) != NULL;
                 q++) {
                size_t i = (size_t)(q - p);
                if (i + k > n || sspr__lower(q[1]) != sspr__lower((unsigned char)name[1]) ||
                    !sspr__scan_at(q, n - i, name))
                    continue; /* the second letter first: most places have another */
                int left = i == 0 || !sspr__cc_is(p[i - 1], SSPR__CC_ALPHA | SSPR__CC_DIGIT);
                int right = i + k == n || !sspr__cc_is(p[i + k], SSPR__CC_ALPHA | SSPR__CC_DIGIT);
                if (left && right && (i == 0 || p[i - 1] != '\\'))
                    return v;
            }
        }
    }
    return 0;
}

/* A line that is only a source name ("**PasswordResetService**"): pastes
 * put it above the event's fields. */
static unsigned source_line(const unsigned char *p, size_t n)
{
    size_t i = skip_quotes(p, n);
    while (i < n && decor(p[i]))
        i++;
    while (n > i && (decor(p[n - 1]) || sspr__cc_is(p[n - 1], SSPR__CC_SPACE) || p[n - 1] == ':'))
        n--;
    unsigned v = n > i ? sspr__source_of((const char *)p + i, n - i) : 0;
    return v == SSPR__SOURCE_SSPR ? 0 : v;
}

/* The entry named as printed (sspr_by_name) into the record's matches. */
static void name_at(scan_rec *r, const unsigned char *p, size_t a, size_t i)
{
    char word[64];
    memcpy(word, p + a, i - a);
    word[i - a] = '\0';
    const sspr_entry *e = sspr_by_name(word);
    if (e) {
        size_t k = r->nent;
        sspr__scan_add_entry(r->ent, &k, SCAN_ENTS, e->index);
        r->nent = (uint8_t)k;
    }
}

/* The digits of p[at..n) (64 at most) as bits, p[at]'s lowest; bytes up to
 * vis can be read. */
static inline uint64_t digit_mask(const unsigned char *p, size_t at, size_t n, size_t vis)
{
    size_t w = sspr__scan_window(at, n, vis);
    if (w != SIZE_MAX) {
        uint64_t m = sspr__scan_digit_bits(p + w) >> (at - w);
        return n - at >= 64 ? m : m & (((uint64_t)1 << (n - at)) - 1);
    }
    uint64_t m = 0;
    size_t i = at;
    for (; i + 8 <= n; i += 8)
        m |= sspr__scan_pack(sspr__range_bytes(sspr__le64(p + i), '0', '9')) << (i - at);
    for (; i < n; i++)
        m |= (uint64_t)sspr__cc_is(p[i], SSPR__CC_DIGIT) << (i - at);
    return m;
}

/* A number p[a..i) of a plain line: an event id after a cue, beside its
 * name or with a source named in the line; the reset page's SSPR_0029.
 * Returns 1 when the line's id is found. */
static int number_at(scan_state *s, const unsigned char *p, size_t n, size_t a, size_t i,
                     unsigned *src, int *src_done)
{
    scan_rec *r = &s->rec;
    uint32_t v;
    /* "SSPR_0029": the reset page's code */
    size_t w = a >= 5 && p[a - 1] == '_' ? a - 5 : a >= 4 ? a - 4 : a;
    if (w < a && i - a >= 3 && i - a <= 4 && (p[w] | 0x20) == 's' &&
        sspr__scan_at(p + w, 4, "sspr") &&
        (w == 0 || !sspr__cc_is(p[w - 1], SSPR__CC_ALPHA | SSPR__CC_DIGIT)) &&
        sspr__scan_id(p + a, i - a, &v)) {
        /* the name as printed first ("SSPR_009" is not "SSPR_0009") */
        char word[16];
        memcpy(word, p + w, i - w);
        word[i - w] = '\0';
        const sspr_entry *e = sspr_by_name(word);
        r->src = SSPR__SOURCE_SSPR;
        if (e && e->code != (int64_t)v) {
            name_at(r, p, w, i);
            return 1;
        }
        r->has_id = r->id_cue = 1;
        r->id = v;
        return 1;
    }
    if (!code_token(p, a, i, n, &v))
        return 0;
    const sspr_entry *named = NULL;
    int cued = id_cue_before(p, a);
    if (!cued && !sspr__scan_code(v))
        return 0; /* a count, a year, a port: no catalogue code */
    if (!cued)
        cued = code_word_beside(p, n, a, i);
    if (!cued && (named = named_beside(p, n, a, i, v)) != NULL)
        r->src = named->source;
    else if (!cued) {
        if (!*src_done) {
            *src = source_in(p, n);
            *src_done = 1;
        }
        if (!*src)
            return 0;
        r->src = (uint8_t)*src;
    }
    r->has_id = r->id_cue = 1;
    r->id = v;
    return 1;
}

void sspr__scan_free_line(scan_state *s, const unsigned char *p, size_t vis)
{
    scan_rec *r = &s->rec;
    s->lead_src = vis < 64 ? (uint8_t)source_line(p, vis) : 0;
    if (s->lead_src)
        return;
    /* the numbers of what an inline paste says early; eight bytes at a time
       past those without a digit */
    size_t n = vis < 512 ? vis : 512;
    unsigned src = 0;
    int src_done = 0;
    /* Only runs of three digits or more (CODE_DIGITS_MIN, which the masks
       below are written for) can be what number_at reads: 64 bytes at a
       time, the runs that start there and go on for three digits (the next
       block's mask gives the last two their following bytes; prev says
       whether the byte before the block is a digit). */
    uint64_t prev = 0, d1 = digit_mask(p, 0, n, vis);
    int found = 0;
    for (size_t blk = 0; blk < n && !found; blk += 64) {
        uint64_t d0 = d1;
        d1 = blk + 64 < n ? digit_mask(p, blk + 64, n, vis) : 0;
        uint64_t runs = d0 & ~(d0 << 1 | prev) & (d0 >> 1 | d1 << 63) & (d0 >> 2 | d1 << 62);
        prev = d0 >> 63;
        for (; runs && !found; runs &= runs - 1) {
            unsigned k = sspr__first_bit(runs);
            size_t a = blk + k;
            /* the run's length: the digit bits from a on, both blocks' */
            uint64_t from = d0 >> k | (k ? d1 << (64 - k) : 0);
            size_t i = a + (~from ? sspr__first_bit(~from) : 64);
            if (i - a > CODE_DIGITS_MAX)
                continue; /* no code, and number_at takes no other number */
            found = !(i < n && sspr__cc_is(p[i], SSPR__CC_ALPHA)) &&
                    number_at(s, p, n, a, i, &src, &src_done);
        }
    }
    if (r->has_id && r->src == SRC_UNKNOWN) {
        if (!src_done)
            src = source_in(p, n);
        if (src)
            r->src = (uint8_t)src;
    }
    if (r->has_id) {
        r->format = SCAN_FORM_INLINE;
        if (r->src && r->src != SSPR__SOURCE_SSPR && r->src != SRC_FOREIGN)
            sspr__scan_set(s, SSPR_RECORD_SOURCE, (const unsigned char *)sspr__source_name(r->src),
                           strlen(sspr__source_name(r->src)));
    }
}

/* ---- Format-Table ---- */

int sspr__scan_table_header(scan_state *s, const unsigned char *p, size_t vis)
{
    size_t i = 0;
    while (i < vis && i < 16 && p[i] == ' ')
        i++;
    if (i >= vis || (p[i] != 'I' && p[i] != 'T' && p[i] != 'E' && p[i] != 'S' && p[i] != 'M' &&
                     p[i] != 'P' && p[i] != 'L'))
        return 0; /* no column name starts so */
    i = 0;
    uint8_t n = 0;
    int message = 0;
    while (i < vis) {
        while (i < vis && p[i] == ' ')
            i++;
        if (i >= vis || p[i] == '\r')
            break;
        size_t a = i;
        while (i < vis && p[i] != ' ' && p[i] != '\r')
            i++;
        unsigned field = sspr__scan_field_named(p + a, i - a);
        if ((field >= SSPR_RECORD_ENTRIES && field != F_INSTANCE) || n == SCAN_TCOLS)
            return 0;
        s->tcol_start[n] = (uint16_t)a;
        s->tcol_end[n] = (uint16_t)i;
        s->tcol_field[n] = (uint8_t)field;
        message |= field == SSPR_RECORD_MESSAGE;
        n++;
    }
    if (n < 3 || !message || s->tcol_field[n - 1] != SSPR_RECORD_MESSAGE)
        return 0;
    s->ntcol = n;
    s->table = 1;
    return 1;
}

/* A row of the table: each column's text, cut where the header's columns
 * are (numbers are right-aligned under their heading: they end at its end). */
int sspr__scan_table_row(scan_state *s, const unsigned char *p, size_t vis)
{
    size_t dashes = 0;
    while (dashes < vis && (p[dashes] == '-' || p[dashes] == ' ' || p[dashes] == '\r'))
        dashes++;
    if (dashes == vis)
        return 0; /* the "-----" rule under the header */
    sspr__scan_open(s, REC_TABLE);
    s->rec.format = SCAN_FORM_FT;
    if (s->group_len)
        sspr__scan_set(s, SSPR_RECORD_SOURCE, (const unsigned char *)s->group, s->group_len);
    for (uint8_t c = 0; c < s->ntcol; c++) {
        unsigned field = s->tcol_field[c];
        int number =
            field == SSPR_RECORD_EVENT_ID || field == F_INSTANCE || field == SSPR_RECORD_RECORD_ID;
        size_t a = s->tcol_start[c], b = c + 1 < s->ntcol ? s->tcol_start[c + 1] : vis;
        if (number) { /* back from the heading's end to the start of the number */
            b = s->tcol_end[c] < vis ? s->tcol_end[c] : vis;
            a = b;
            while (a > 0 && sspr__cc_is(p[a - 1], SSPR__CC_DIGIT))
                a--;
        }
        if (a >= vis)
            continue;
        if (b > vis)
            b = vis;
        if (field == SSPR_RECORD_EVENT_ID || field == F_INSTANCE)
            sspr__scan_set_id(s, p + a, b - a, 1);
        else if (field == SSPR_RECORD_RECORD_ID)
            sspr__scan_set_record_id(s, p + a, b - a);
        else
            sspr__scan_set(s, field, p + a, b - a);
    }
    return 1;
}
