/* Scanner throughput: sspr_scan_* over generated event-log text, beside
 * `grep -c -F -f PATTERNS` on the same file. Not a test: it times things.
 *
 *   bench-scan [MEGABYTES [DIR]]      (default 256 MB in $TMPDIR or /tmp)
 *
 * Writes two files and deletes them afterwards:
 *   mixed  blocks of every format the scanner reads (Event Viewer text,
 *          Format-List, wevtutil XML, Export-Csv, free text), mostly events of
 *          other providers, about one record in 500 one of ours;
 *   plain  free-text trace lines only (plain UTF-8 text);
 * and a UTF-16LE copy of the mixed text in memory. The patterns for grep are
 * the catalogue's messages of four words or more (without a final full stop
 * or ellipsis), "hr=" and "0x8023": about
 * what the scanner looks for, without its case folding, records or providers.
 * Prints MB/s (1 MB = 10^6 bytes), best of three runs, the scanner fed 64 KiB
 * at a time from memory; grep reads the file (from the page cache). */
#define _POSIX_C_SOURCE 200809L
#include "sspr-errors.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { RUNS = 3, CHUNK = 1 << 16 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- generated text ------------------------------------------------------------ */

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 32) % n;
}

typedef struct {
    char *v;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n > b->cap) {
        while (b->n + n > b->cap)
            b->cap = b->cap ? 2 * b->cap : 1 << 20;
        b->v = realloc(b->v, b->cap);
        if (!b->v) {
            perror("bench-scan");
            exit(1);
        }
    }
    memcpy(b->v + b->n, s, n);
    b->n += n;
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

#if defined(__GNUC__)
static void putf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif

static void putf(buf *b, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, n < 0 ? 0 : (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Messages of other software, as Windows logs them. */
static const char *const noise[] = {
    "The Windows Update service entered the running state.",
    "The Software Protection service has completed licensing status check. Application "
    "Id=55c92734-d682-4d71-983e-d6ec3f16059f",
    "Successfully scheduled Software Protection service for re-start at "
    "2024-05-15T09:12:03Z. Reason: RulesEngine.",
    "The description for Event ID 1001 from source Windows Error Reporting cannot be "
    "found. Fault bucket 1234567890, type 5",
    "An account was successfully logged on. Subject: Security ID: SYSTEM Account Name: "
    "AADC01$ Logon Type: 5",
    "Special privileges assigned to new logon. Privileges: SeAssignPrimaryTokenPrivilege "
    "SeTcbPrivilege SeSecurityPrivilege",
    "The Microsoft Azure AD Sync service was started successfully; export completed with 0 "
    "errors and 12 updates.",
    "Group Policy settings for the computer were processed successfully. There were no "
    "changes detected since the last processing.",
    "The certificate for the remote server was validated, and TLS 1.2 was negotiated with "
    "the relay endpoint.",
    "Faulting application name: svchost.exe_wuauserv, version: 10.0.17763.1, time stamp: "
    "0x5b7c9a1d, exception code 0xc0000005",
    "Windows Defender Antivirus scanned the computer in 00:02:37 and found no threats; "
    "signature version 1.409.231.0",
    "The DHCP client renewed the lease of 10.0.4.17 for the adapter with network address "
    "0x00155D04A3B2.",
    "Session 3 of user CONTOSO\\svc-aadsync logged off; duration 00:41:12, bytes "
    "sent=104857 received=2097152",
    "The time provider NtpClient is configured to acquire time from one or more time "
    "sources, status=0x0",
    "Installation Successful: Windows successfully installed the following update: "
    "Security Intelligence Update KB2267602",
    "Full synchronization run profile completed for connector contoso.com: 23 adds, 4 "
    "updates, 0 deletes, duration 00:00:14",
};

/* Our events, in the formats' own words. */
static const struct {
    const char *source;
    unsigned id;
    const char *message;
} ours[] = {
    {"PasswordResetService", 31001, "PasswordResetStart: A password reset request was received."},
    {"PasswordResetService", 32009, "AuthTokenError: Error getting auth token"},
    {"ADSync", 6329,
     "BAIL: MMS(4924) 0x80230619 - A restriction prevents the password from being changed to "
     "the current one specified."},
    {"ADSync", 6329,
     "hr=8023061F The operation failed because password synchronization is not enabled on "
     "this Management Agent."},
    {"PasswordResetService", 32002,
     "Error Connecting to ServiceBus, The token provider was unable to provide a security "
     "token"},
};

static const char *levels[] = {"Information", "Warning", "Error"};
static const char *providers[] = {"Microsoft-Windows-Security-SPP", "Service Control Manager",
                                  "Microsoft-Windows-Winlogon",     "Application Error",
                                  "Microsoft-Windows-GroupPolicy",  "Directory Synchronization"};

static int pick_ours(void)
{
    return rnd(500) == 0 ? (int)rnd(sizeof ours / sizeof *ours) : -1;
}

static void event(int *o, const char **src, unsigned *id, const char **msg)
{
    *o = pick_ours();
    if (*o >= 0) {
        *src = ours[*o].source;
        *id = ours[*o].id;
        *msg = ours[*o].message;
    } else {
        *src = providers[rnd(sizeof providers / sizeof *providers)];
        *id = 1000 + rnd(40000);
        *msg = noise[rnd(sizeof noise / sizeof *noise)];
    }
}

static void free_text(buf *b, size_t bytes)
{
    size_t end = b->n + bytes;
    while (b->n < end) {
        int o = pick_ours();
        putf(b, "2024-05-14 09:%02u:%02u.%03u [%s] [%5u] %s\n", rnd(60), rnd(60), rnd(1000),
             levels[rnd(3)], rnd(99999), o >= 0 ? ours[o].message : noise[rnd(16)]);
    }
}

static void tab(buf *b, size_t bytes)
{
    size_t end = b->n + bytes;
    puts_(b, "Level\tDate and Time\tSource\tEvent ID\tTask Category\r\n");
    while (b->n < end) {
        int o;
        const char *src, *msg;
        unsigned id;
        event(&o, &src, &id, &msg);
        putf(b, "%s\t5/14/2024 9:%02u:%02u AM\t%s\t%u\tNone\t%s\r\n", levels[rnd(3)], rnd(60),
             rnd(60), src, id, msg);
    }
    puts_(b, "\r\n");
}

static void format_list(buf *b, size_t bytes)
{
    size_t end = b->n + bytes;
    while (b->n < end) {
        int o;
        const char *src, *msg;
        unsigned id;
        event(&o, &src, &id, &msg);
        putf(b,
             "\nTimeCreated  : 5/14/2024 9:%02u:%02u AM\nProviderName : %s\nId           : %u\n"
             "Message      : %s\n",
             rnd(60), rnd(60), src, id, msg);
    }
    puts_(b, "\n");
}

/* Event Viewer's "Copy details as text", one record after another, as a
 * helpdesk gets them pasted into tickets. */
static void copy_details(buf *b, size_t bytes)
{
    size_t end = b->n + bytes;
    while (b->n < end) {
        int o;
        const char *src, *msg;
        unsigned id;
        event(&o, &src, &id, &msg);
        putf(b,
             "Log Name:      Application\r\nSource:        %s\r\nDate:          5/14/2024 "
             "9:%02u:%02u AM\r\nEvent ID:      %u\r\nTask Category: None\r\nLevel:         "
             "Error\r\nKeywords:      Classic\r\nUser:          N/A\r\nComputer:      "
             "AADC01.contoso.com\r\nDescription:\r\n%s\r\n\r\n",
             src, rnd(60), rnd(60), id, msg);
    }
}

static void xml(buf *b, size_t bytes)
{
    size_t end = b->n + bytes;
    while (b->n < end) {
        int o;
        const char *src, *msg;
        unsigned id;
        event(&o, &src, &id, &msg);
        putf(b,
             "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
             "<Provider Name='%s'/><EventID Qualifiers='0'>%u</EventID><Level>2</Level>"
             "<TimeCreated SystemTime='2024-05-14T09:%02u:%02u.000Z'/><EventRecordID>%u"
             "</EventRecordID><Channel>Application</Channel><Computer>aadc01.contoso.com"
             "</Computer></System><EventData><Data>%s</Data></EventData></Event>\n",
             src, id, rnd(60), rnd(60), rnd(1000000), msg);
    }
}

static void csv(buf *b, size_t bytes)
{
    size_t end = b->n + bytes;
    puts_(b, "\"Message\",\"Id\",\"Version\",\"Level\",\"RecordId\",\"ProviderName\",\"LogName\","
             "\"MachineName\",\"TimeCreated\"\n");
    while (b->n < end) {
        int o;
        const char *src, *msg;
        unsigned id;
        event(&o, &src, &id, &msg);
        putf(b,
             "\"%s\",\"%u\",\"0\",\"2\",\"%u\",\"%s\",\"Application\",\"aadc01.contoso.com\","
             "\"5/14/2024 9:%02u:%02u AM\"\n",
             msg, id, rnd(1000000), src, rnd(60), rnd(60));
    }
    puts_(b, "\n");
}

/* ---- timing ---------------------------------------------------------------------- */

static size_t found;
static size_t records; /* records that name an entry (records API) */

static void count(void *ctx, const sspr_entry *e, uint64_t line)
{
    (void)ctx;
    (void)e;
    (void)line;
    found++;
}

/* Best of RUNS: MB/s of one scanner over data, set up by init (matches or
 * records). */
static double time_run(const char *data, size_t len, void (*init)(sspr_scanner *))
{
    double best = 1e30;
    static sspr_scanner sc;
    for (int r = 0; r < RUNS; r++) {
        found = records = 0;
        double t = now();
        init(&sc);
        for (size_t at = 0; at < len; at += CHUNK)
            sspr_scan_feed(&sc, data + at, len - at < CHUNK ? len - at : CHUNK);
        sspr_scan_finish(&sc);
        t = now() - t;
        if (t < best)
            best = t;
    }
    return (double)len / best / 1e6;
}

static void init_matches(sspr_scanner *sc)
{
    sspr_scan_init(sc, count, NULL);
}

static void count_record(void *ctx, const sspr_record *r)
{
    (void)ctx;
    records += sspr_record_entry_count(r) > 0;
}

/* The records API also keeps every record's fields (sspr_scan_init_records). */
static void init_records(sspr_scanner *sc)
{
    sspr_scan_init_records(sc, count_record, NULL);
}

static double time_scan(const char *data, size_t len)
{
    return time_run(data, len, init_matches);
}

static double time_grep(const char *patterns, const char *file, size_t len, long *lines)
{
    char cmd[4096];
    double best = 1e30;
    snprintf(cmd, sizeof cmd, "LC_ALL=C grep -c -F -f '%s' '%s'", patterns, file);
    for (int r = 0; r < RUNS; r++) {
        double t = now();
        FILE *p = popen(cmd, "r");
        if (!p || fscanf(p, "%ld", lines) != 1) {
            if (p)
                pclose(p);
            return -1;
        }
        pclose(p);
        t = now() - t;
        if (t < best)
            best = t;
    }
    return (double)len / best / 1e6;
}

static int write_file(const char *path, const buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b->v, 1, b->n, f) != b->n || fclose(f) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}

/* The catalogue's messages of four words or more, and the HRESULT forms. */
static int write_patterns(const char *path)
{
    buf b = {NULL, 0, 0};
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        for (size_t m = 0; m < sspr_entry_message_count(e); m++) {
            const char *s = sspr_entry_message(e, m);
            size_t words = 1;
            for (const char *p = s; *p; p++)
                words += *p == ' ';
            size_t n = strlen(s); /* without a final ellipsis or full stop */
            while (n && (s[n - 1] == '.' || (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0)))
                n -= s[n - 1] == '.' ? 1 : 3;
            if (words >= 4) {
                put(&b, s, n);
                puts_(&b, "\n");
            }
        }
    }
    puts_(&b, "hr=\n0x8023\n");
    int rc = write_file(path, &b);
    free(b.v);
    return rc;
}

static char *to_utf16(const buf *b, size_t *len)
{
    char *o = malloc(2 * b->n + 2); /* the text is ASCII, but for the odd byte */
    if (!o)
        return NULL;
    o[0] = (char)0xFF;
    o[1] = (char)0xFE;
    for (size_t i = 0; i < b->n; i++) {
        o[2 + 2 * i] = b->v[i];
        o[3 + 2 * i] = 0;
    }
    *len = 2 * b->n + 2;
    return o;
}

static void row(const char *what, size_t len, double scan, double grep, long lines)
{
    printf("  %-26s %7.1f MB %9.0f MB/s %7zu", what, (double)len / 1e6, scan, found);
    if (grep >= 0)
        printf(" %10.0f MB/s %7ld\n", grep, lines);
    else
        printf(" %15s\n", "(no grep)");
}

int main(int argc, char **argv)
{
    size_t mb = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 256;
    const char *dir = argc > 2 ? argv[2] : getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    if (mb < 1)
        mb = 256;
    char mixed_path[1024], plain_path[1024], pat_path[1024], details_path[1024];
    snprintf(mixed_path, sizeof mixed_path, "%s/sspr-bench-mixed.txt", dir);
    snprintf(plain_path, sizeof plain_path, "%s/sspr-bench-plain.txt", dir);
    snprintf(pat_path, sizeof pat_path, "%s/sspr-bench-patterns.txt", dir);
    snprintf(details_path, sizeof details_path, "%s/sspr-bench-details.txt", dir);

    buf mixed = {NULL, 0, 0}, plain = {NULL, 0, 0}, details = {NULL, 0, 0};
    size_t size = mb * 1000000, block = 1 << 20;
    while (mixed.n < size) {
        switch (rnd(5)) {
        case 0: free_text(&mixed, block); break;
        case 1: tab(&mixed, block); break;
        case 2: format_list(&mixed, block); break;
        case 3: xml(&mixed, block); break;
        default: csv(&mixed, block); break;
        }
    }
    free_text(&plain, size);
    copy_details(&details, size / 4);
    if (write_file(mixed_path, &mixed) || write_file(plain_path, &plain) ||
        write_file(details_path, &details) || write_patterns(pat_path))
        return 1;

    printf("sspr-errors scanner throughput (best of %d; %s)\n", RUNS, sspr_version());
    printf("  %-26s %10s %14s %7s %15s %7s\n", "input", "size", "sspr_scan", "found",
           "grep -c -F -f", "lines");
    long lines = 0;
    double s = time_scan(mixed.v, mixed.n), g = time_grep(pat_path, mixed_path, mixed.n, &lines);
    row("mixed event-log text", mixed.n, s, g, lines);
    s = time_scan(plain.v, plain.n);
    g = time_grep(pat_path, plain_path, plain.n, &lines);
    row("plain UTF-8 text", plain.n, s, g, lines);
    s = time_scan(details.v, details.n);
    g = time_grep(pat_path, details_path, details.n, &lines);
    row("Copy details as text", details.n, s, g, lines);
    s = time_run(mixed.v, mixed.n, init_records);
    printf("  %-26s %7.1f MB %9.0f MB/s %7zu %15s\n", "mixed, as records", (double)mixed.n / 1e6, s,
           records, "(records API)");
    size_t len16;
    char *u16 = to_utf16(&mixed, &len16);
    if (u16) {
        s = time_scan(u16, len16);
        row("mixed, UTF-16LE (in memory)", len16, s, -1, 0);
        free(u16);
    }
    remove(mixed_path);
    remove(plain_path);
    remove(pat_path);
    remove(details_path);
    free(mixed.v);
    free(plain.v);
    free(details.v);
    return 0;
}
