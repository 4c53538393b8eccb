/* Sigma rules (https://github.com/SigmaHQ/sigma-specification, rules 2.0,
 * correlations 2.1): one YAML file per failure the catalogue knows, which a
 * user converts for their SIEM with their own Sigma tooling.
 *
 * Which entries:
 *  - events of PasswordResetService and ADSync with a code, of severity
 *    warning or error (siem_failure_event), on the Connect server's
 *    Application log (logsource windows/application): Provider_Name and
 *    EventID; where several entries share a code (ADSync 6329), each rule also
 *    matches its HRESULTs in the event data (the 8 hex digits, which both the
 *    "0x80230619" and the "hr=80230619" spellings contain), or else the
 *    distinctive part of its messages;
 *  - audit-log strings of severity warning or error (logsource azure/auditlogs,
 *    with the columns of Microsoft Sentinel's AuditLogs table, as SigmaHQ's
 *    azure audit-log rules use them): an activity (an id "audit-activity-...")
 *    on OperationName, a result reason on ResultReason or ResultDescription
 *    (Log Analytics fills both), with the logging service on LoggedByService;
 *  - two correlation rules where repetition is what matters: one account's
 *    failed password operations five times within an hour (over a base rule of
 *    failed rows), and one Connect server logging ten failures within an hour
 *    (over the event rules, which stay rules of their own: generate: true).
 *
 * Every rule's id is the version-5 UUID of the entry id (of "rule:NAME" for
 * the three rules that are not one entry's) in SIGMA_NAMESPACE, so it never
 * changes while the entry exists. Dates come from the catalogue: date is the
 * first day the entry's sources were read, modified the last; an entry with
 * no dated source gets the page date (SOURCE_DATE_EPOCH, else the release
 * date: gen/roff.h). Never the clock. */
#include "emit_siem.h"

#include "diag.h"
#include "emit.h"
#include "roff.h"
#include "uuid5.h"

#include <stdlib.h>
#include <string.h>

/* Fixed for ever: changing it changes every rule's id. */
#define SIGMA_NAMESPACE "7796ebe3-1713-49ef-8130-513b2b71f63c"

enum { RULE_WINDOWS, RULE_AUDIT };

/* Correlations: how many failures within how long. */
#define ACCOUNT_FAILURES 5
#define SERVER_FAILURES 10
#define CORRELATION_SPAN "1h"

typedef struct {
    const m_catalog *cat;
    char page_date[11];
} ctx;

typedef struct {
    size_t entry;
    int logsource; /* RULE_WINDOWS, RULE_AUDIT */
    char name[128];
    char uuid[37];
    char date[11], modified[11];
} rule;

/* ---- YAML ---- */

/* A single-quoted scalar: takes any text ('' for a quote); control
 * characters, which it cannot hold on one line, become spaces. */
static void yq(FILE *f, const char *s)
{
    fputc('\'', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\'')
            fputs("''", f);
        else if (*p < 0x20 || *p == 0x7F)
            fputc(' ', f);
        else
            fputc(*p, f);
    }
    fputc('\'', f);
}

/* A Sigma string value: '*' and '?' are wildcards and '\' escapes, so each
 * of them is escaped to mean itself. */
static void yq_value(FILE *f, const char *s)
{
    size_t n = strlen(s);
    char *v = gen_xmalloc(2 * n + 1), *o = v;
    for (; *s; s++) {
        if (*s == '*' || *s == '?' || *s == '\\')
            *o++ = '\\';
        *o++ = *s;
    }
    *o = '\0';
    yq(f, v);
    free(v);
}

/* ---- what a rule says ---- */

static const char *level_of(int severity)
{
    return severity == SSPR__SEVERITY_ERROR ? "medium" : "low";
}

static int audit_activity(const m_entry *e)
{
    return strncmp(e->id, "audit-activity-", 15) == 0;
}

static int wanted(const m_entry *e)
{
    if (e->kind == SSPR__KIND_AUDIT)
        return e->severity == SSPR__SEVERITY_WARNING || e->severity == SSPR__SEVERITY_ERROR;
    return siem_failure_event(e);
}

/* The first and last day the entry's sources (its references and the pages
 * of its facts) were read; the page date when none has a date. */
static void entry_dates(const ctx *c, const m_entry *e, char first[11], char last[11])
{
    first[0] = last[0] = '\0';
    for (size_t i = 0; i < e->refs.n + e->facts.n; i++) {
        const char *d = i < e->refs.n ? e->refs.v[i].date : e->facts.v[i - e->refs.n].date;
        if (!d || strlen(d) != 10)
            continue;
        if (!first[0] || strcmp(d, first) < 0)
            memcpy(first, d, 11);
        if (!last[0] || strcmp(d, last) > 0)
            memcpy(last, d, 11);
    }
    if (!first[0]) {
        memcpy(first, c->page_date, 11);
        memcpy(last, c->page_date, 11);
    }
}

/* The entry's references; an entry without any (most from the 2017 article)
 * gets the page its section heading comes from: the one the entries of the
 * same section cite most. */
static void references(FILE *f, const ctx *c, const m_entry *e)
{
    const m_references *r = &e->refs;
    const char *best = NULL;
    if (r->n == 0) {
        size_t best_n = 0;
        for (size_t i = 0; i < c->cat->n; i++) {
            const m_entry *x = &c->cat->entries[i];
            if (strcmp(x->section, e->section) != 0)
                continue;
            for (size_t k = 0; k < x->refs.n; k++) {
                const char *url = x->refs.v[k].url;
                size_t cnt = 0;
                for (size_t j = 0; j < c->cat->n; j++) {
                    const m_entry *y = &c->cat->entries[j];
                    if (strcmp(y->section, e->section) != 0)
                        continue;
                    for (size_t m = 0; m < y->refs.n; m++)
                        cnt += strcmp(y->refs.v[m].url, url) == 0;
                }
                if (cnt > best_n) {
                    best_n = cnt;
                    best = url;
                }
            }
        }
        if (!best)
            return;
    }
    fputs("references:\n", f);
    if (best) {
        fputs("    - ", f);
        yq(f, best);
        fputc('\n', f);
    }
    for (size_t i = 0; i < r->n; i++) {
        size_t j = 0;
        while (j < i && strcmp(r->v[j].url, r->v[i].url) != 0)
            j++;
        if (j < i)
            continue; /* uniqueItems */
        fputs("    - ", f);
        yq(f, r->v[i].url);
        fputc('\n', f);
    }
}

static void title(FILE *f, const m_entry *e)
{
    char buf[512];
    if (e->kind == SSPR__KIND_AUDIT)
        snprintf(buf, sizeof buf, "%s", e->title);
    else if (e->name)
        snprintf(buf, sizeof buf, "%s %lld %s: %s", M_NAME(sources, e->source), (long long)e->code,
                 e->name, e->title);
    else if (e->hresults.n && strncmp(e->title, "0x", 2) != 0)
        snprintf(buf, sizeof buf, "%s %lld 0x%08X: %s", M_NAME(sources, e->source),
                 (long long)e->code, (unsigned)e->hresults.v[0], e->title);
    else
        snprintf(buf, sizeof buf, "%s %lld%s %s", M_NAME(sources, e->source), (long long)e->code,
                 e->hresults.n ? "" : ":", e->title);
    fputs("title: ", f);
    yq(f, buf);
    fputc('\n', f);
}

/* Summary, causes and where to read the steps: the catalogue's own words. */
static void description(FILE *f, const m_entry *e)
{
    size_t cap = strlen(e->summary) + strlen(e->id) * 2 + 256;
    for (size_t i = 0; i < e->causes.n; i++)
        cap += strlen(e->causes.v[i]) + 2;
    char *d = gen_xmalloc(cap);
    size_t n = (size_t)snprintf(d, cap, "%s", e->summary);
    for (size_t i = 0; i < e->causes.n; i++)
        n += (size_t)snprintf(d + n, cap - n, "%s%s",
                              i ? "; " : " Possible causes: ", e->causes.v[i]);
    if (e->causes.n)
        n += (size_t)snprintf(d + n, cap - n, ".");
    snprintf(d + n, cap - n, " Catalogue entry %s of libsspr-errors: 'sspr-errors show %s' %s.",
             e->id, e->id, e->steps.n ? "prints the steps to take" : "explains it");
    fputs("description: ", f);
    yq(f, d);
    fputc('\n', f);
    free(d);
}

static void header(FILE *f, const rule *r)
{
    fprintf(f, "id: %s\nname: %s\nstatus: experimental\n", r->uuid, r->name);
}

static void authorship(FILE *f, const ctx *c, const rule *r)
{
    fputs("author: ", f);
    char buf[128];
    snprintf(buf, sizeof buf, "libsspr-errors catalogue %s (generated by sspr-gen)",
             c->cat->version ? c->cat->version : "");
    yq(f, buf);
    fprintf(f, "\nlicense: MIT\ndate: '%s'\n", r->date);
    if (strcmp(r->modified, r->date) > 0)
        fprintf(f, "modified: '%s'\n", r->modified);
}

static int lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* Drops values that contain another (the match is "contains", case-insensitive
 * in Sigma): "... resolve this " goes when "... resolve this" is there. */
static size_t distinct_contains(const char **v, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        int covered = 0;
        for (size_t j = 0; j < n && !covered; j++) {
            if (i == j)
                continue;
            size_t li = strlen(v[i]), lj = strlen(v[j]);
            for (size_t k = 0; lj <= li && k + lj <= li && !covered; k++) {
                size_t m = 0;
                while (m < lj && lower(v[i][k + m]) == lower(v[j][m]))
                    m++;
                /* equal strings: keep the first */
                covered = m == lj && (lj < li || j < i);
            }
        }
        if (!covered)
            v[out++] = v[i];
    }
    return out;
}

/* The message as the event data holds it, without the process and source
 * locations that change from server to server ("MMS(3040): admaexport.cpp(2837): ")
 * and without a final period. */
static char *message_core(const char *m)
{
    const char *p = m;
    for (;;) {
        const char *q = p;
        while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || *q == '.' || *q == '_')
            q++;
        if (q == p)
            break;
        if (*q == '(') {
            const char *r = q + 1;
            while (*r >= '0' && *r <= '9')
                r++;
            if (r == q + 1 || *r != ')')
                break;
            q = r + 1;
        } else if (*q != ':' || q - p > 8) {
            break; /* a leading "BAIL:" or "ERR_:" goes; a word does not */
        }
        if (*q == ':')
            q++;
        if (*q != ' ')
            break;
        while (*q == ' ')
            q++;
        p = q;
    }
    char *s = gen_xstrdup(p);
    size_t n = strlen(s);
    if (n > 1 && s[n - 1] == '.')
        s[n - 1] = '\0';
    return s;
}

static void windows_detection(FILE *f, const ctx *c, const m_entry *e)
{
    fputs("logsource:\n    product: windows\n    service: application\n"
          "detection:\n    selection:\n        Provider_Name: ",
          f);
    yq(f, M_NAME(sources, e->source));
    fprintf(f, "\n        EventID: %lld\n", (long long)e->code);
    int shared = 0;
    for (size_t i = 0; i < c->cat->n; i++) {
        const m_entry *x = &c->cat->entries[i];
        shared |= x != e && siem_failure_event(x) && x->source == e->source && x->code == e->code;
    }
    if (shared && e->hresults.n) {
        fputs("        Data|contains:\n", f);
        for (size_t i = 0; i < e->hresults.n; i++)
            fprintf(f, "            - '%08X'\n", (unsigned)e->hresults.v[i]);
    } else if (shared && e->messages.n) {
        char **core = gen_xmalloc(e->messages.n * sizeof *core);
        for (size_t i = 0; i < e->messages.n; i++)
            core[i] = message_core(e->messages.v[i]);
        size_t n = distinct_contains((const char **)core, e->messages.n);
        fputs("        Data|contains:\n", f);
        for (size_t i = 0; i < n; i++) {
            fputs("            - ", f);
            yq_value(f, core[i]);
            fputc('\n', f);
        }
        for (size_t i = 0; i < n; i++)
            free(core[i]);
        free(core);
    }
    fputs("    condition: selection\n", f);
}

static void audit_detection(FILE *f, const m_entry *e)
{
    fputs("logsource:\n    product: azure\n    service: auditlogs\n"
          "detection:\n    selection_service:\n        LoggedByService: ",
          f);
    yq(f, M_NAME(sources, e->source));
    fputc('\n', f);
    size_t cap = 1 + e->aliases.n + e->messages.n, n = 0;
    const char **v = gen_xmalloc(cap * sizeof *v);
    if (e->name)
        v[n++] = e->name;
    for (size_t i = 0; i < e->aliases.n; i++)
        v[n++] = e->aliases.v[i];
    if (audit_activity(e)) {
        fputs("    selection_activity:\n        OperationName:\n", f);
        for (size_t i = 0; i < n; i++) {
            fputs("            - ", f);
            yq_value(f, v[i]);
            fputc('\n', f);
        }
        fputs("    condition: selection_service and selection_activity\n", f);
    } else {
        for (size_t i = 0; i < e->messages.n; i++)
            v[n++] = e->messages.v[i];
        n = distinct_contains(v, n);
        fputs("    selection_reason:\n", f);
        static const char *const fields[] = {"ResultReason", "ResultDescription"};
        for (size_t k = 0; k < 2; k++) {
            fprintf(f, "        - %s|contains:\n", fields[k]);
            for (size_t i = 0; i < n; i++) {
                fputs("              - ", f);
                yq_value(f, v[i]);
                fputc('\n', f);
            }
        }
        fputs("    condition: selection_service and selection_reason\n", f);
    }
    free(v);
}

static void falsepositives(FILE *f, const m_entry *e)
{
    fputs("falsepositives:\n", f);
    if (e->kind != SSPR__KIND_AUDIT)
        fputs("    - 'Planned work on the sync server: a service restart, an upgrade or a "
              "reconfiguration'\n"
              "    - 'One user''s own mistake, such as a password the domain refuses: watch "
              "how often it happens'\n",
              f);
    else if (audit_activity(e))
        fputs("    - 'An intended change by an administrator, or a user''s own repeated "
              "mistakes'\n",
              f);
    else
        fputs("    - 'A mistake or a change of mind of the person concerned: watch how often "
              "it happens for one account'\n",
              f);
}

static void write_entry_rule(FILE *f, const ctx *c, const rule *r)
{
    const m_entry *e = &c->cat->entries[r->entry];
    fprintf(f, emit_banner_fmt, "#");
    title(f, e);
    header(f, r);
    description(f, e);
    references(f, c, e);
    authorship(f, c, r);
    fprintf(f, "tags:\n    - sspr-errors.%s\n    - sspr-errors.area.%s\n", e->id,
            M_NAME(areas, e->area));
    if (r->logsource == RULE_WINDOWS)
        windows_detection(f, c, e);
    else
        audit_detection(f, e);
    falsepositives(f, e);
    fprintf(f, "level: %s\n", level_of(e->severity));
}

/* ---- the rules that are not one entry's ---- */

static void span_dates(const rule *v, size_t n, int logsource, rule *out)
{
    out->date[0] = out->modified[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (v[i].logsource != logsource)
            continue;
        if (!out->date[0] || strcmp(v[i].date, out->date) < 0)
            memcpy(out->date, v[i].date, 11);
        if (!out->modified[0] || strcmp(v[i].modified, out->modified) > 0)
            memcpy(out->modified, v[i].modified, 11);
    }
}

static int extra_rule(rule *r, const char *name)
{
    char key[160];
    snprintf(r->name, sizeof r->name, "%s", name);
    snprintf(key, sizeof key, "rule:%s", name);
    r->entry = (size_t)-1;
    return gen_uuid5(SIGMA_NAMESPACE, key, r->uuid);
}

/* Failed rows of the password services: what the account correlation counts. */
static void write_audit_base(FILE *f, const ctx *c, const rule *r)
{
    fprintf(f, emit_banner_fmt, "#");
    fputs("title: 'Failed password reset, change or unlock (Entra audit log)'\n", f);
    fprintf(f, "id: %s\nname: %s\n", r->uuid, r->name);
    fputs("description: 'A row of the password services of the Microsoft Entra audit log whose "
          "result is failure. Counted per account by the correlation rule "
          "sspr_account_repeated_failures; it is not meant as a rule of its own.'\n",
          f);
    fputs("logsource:\n    product: azure\n    service: auditlogs\n"
          "detection:\n    selection:\n        LoggedByService:\n",
          f);
    int seen[32] = {0};
    for (size_t i = 0; i < c->cat->n; i++) {
        const m_entry *e = &c->cat->entries[i];
        if (e->kind != SSPR__KIND_AUDIT || e->source <= 0 || e->source >= 32 || seen[e->source])
            continue;
        seen[e->source] = 1;
        fputs("            - ", f);
        yq(f, M_NAME(sources, e->source));
        fputc('\n', f);
    }
    fputs("        Result: 'failure'\n    condition: selection\n", f);
}

static void correlation_head(FILE *f, const ctx *c, const rule *r, const char *title_text,
                             const char *desc)
{
    fprintf(f, emit_banner_fmt, "#");
    fputs("title: ", f);
    yq(f, title_text);
    fputc('\n', f);
    header(f, r);
    fputs("description: ", f);
    yq(f, desc);
    fputc('\n', f);
    authorship(f, c, r);
}

static void write_account_correlation(FILE *f, const ctx *c, const rule *r, const rule *base)
{
    char t[160];
    snprintf(t, sizeof t,
             "One account's password reset or change failed %d times or more within an hour",
             ACCOUNT_FAILURES);
    correlation_head(
        f, c, r, t,
        "The Entra audit log shows repeated failed password operations for the same account "
        "(grouped by the user principal name of the initiator, InitiatedBy.user."
        "userPrincipalName in Microsoft Sentinel's AuditLogs table): a user who cannot get "
        "through and needs help, or someone guessing at another user's reset. One failure "
        "alone is common; the reasons of the rows say which step failed.");
    fprintf(f,
            "correlation:\n    type: event_count\n    rules:\n        - %s\n"
            "    group-by:\n        - InitiatedBy.user.userPrincipalName\n"
            "    timespan: %s\n    condition:\n        gte: %d\n",
            base->name, CORRELATION_SPAN, ACCOUNT_FAILURES);
    fputs("falsepositives:\n    - 'A user who mistypes codes or passwords several times in a "
          "row'\ngenerate: false\nlevel: high\n",
          f);
}

static void write_server_correlation(FILE *f, const ctx *c, const rule *r, const rule *v, size_t n)
{
    char t[160];
    snprintf(t, sizeof t,
             "One sync server logged %d password writeback failures or more within an hour",
             SERVER_FAILURES);
    correlation_head(
        f, c, r, t,
        "Many PasswordResetService and ADSync failures on the same Microsoft Entra Connect "
        "server within an hour: writeback is failing for many users (connectivity, the "
        "connector account's rights, the service) rather than for one user's password. "
        "Grouped by Computer, the name of the server that logged the events.");
    fputs("correlation:\n    type: event_count\n    rules:\n", f);
    for (size_t i = 0; i < n; i++)
        if (v[i].logsource == RULE_WINDOWS)
            fprintf(f, "        - %s\n", v[i].name);
    fprintf(f,
            "    group-by:\n        - Computer\n    timespan: %s\n    condition:\n"
            "        gte: %d\n",
            CORRELATION_SPAN, SERVER_FAILURES);
    fputs("falsepositives:\n    - 'Planned work on the sync server or the domain controllers'\n"
          "generate: true\nlevel: high\n",
          f);
}

/* ---- the directory ---- */

static void file_name(char *buf, size_t cap, const rule *r)
{
    const char *prefix = r->logsource == RULE_WINDOWS ? "win_application_" : "azure_auditlogs_";
    snprintf(buf, cap, "%s%s.yml", prefix, r->name);
}

int emit_sigma(const m_catalog *cat, const char *path)
{
    ctx c = {cat, {0}};
    if (doc_date(c.page_date) != 0) {
        gen_error(path, 0, 0, "cannot date the rules (see SOURCE_DATE_EPOCH)");
        return -1;
    }
    rule *v = gen_xmalloc((cat->n + 1) * sizeof *v);
    size_t n = 0;
    int bad = 0;
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        if (!wanted(e))
            continue;
        rule *r = &v[n++];
        memset(r, 0, sizeof *r);
        r->entry = i;
        r->logsource = e->kind == SSPR__KIND_AUDIT ? RULE_AUDIT : RULE_WINDOWS;
        snprintf(r->name, sizeof r->name, "sspr_%s", e->id);
        for (char *p = r->name; *p; p++)
            if (*p == '-')
                *p = '_';
        bad |= gen_uuid5(SIGMA_NAMESPACE, e->id, r->uuid) != 0;
        entry_dates(&c, e, r->date, r->modified);
    }
    rule base, account, server;
    bad |= extra_rule(&base, "sspr_audit_failed_operation") != 0;
    base.logsource = RULE_AUDIT;
    span_dates(v, n, RULE_AUDIT, &base);
    bad |= extra_rule(&account, "sspr_account_repeated_failures") != 0;
    account.logsource = RULE_AUDIT;
    span_dates(v, n, RULE_AUDIT, &account);
    bad |= extra_rule(&server, "sspr_server_repeated_writeback_failures") != 0;
    server.logsource = RULE_WINDOWS;
    span_dates(v, n, RULE_WINDOWS, &server);
    if (bad) {
        gen_error(path, 0, 0, "cannot make the rules' ids");
        free(v);
        return -1;
    }

    siem_dir d;
    if (siem_dir_open(&d, path, ".yml") != 0) {
        free(v);
        return -1;
    }
    char name[256];
    for (size_t i = 0; i < n; i++) {
        file_name(name, sizeof name, &v[i]);
        FILE *f = siem_dir_file(&d, name);
        if (f)
            write_entry_rule(f, &c, &v[i]);
        siem_dir_commit(&d, f);
    }
    if (account.date[0]) { /* a correlation needs rules to count */
        file_name(name, sizeof name, &base);
        FILE *f = siem_dir_file(&d, name);
        if (f)
            write_audit_base(f, &c, &base);
        siem_dir_commit(&d, f);
        snprintf(name, sizeof name, "mr_%s.yml", account.name);
        f = siem_dir_file(&d, name);
        if (f)
            write_account_correlation(f, &c, &account, &base);
        siem_dir_commit(&d, f);
    }
    if (server.date[0]) {
        snprintf(name, sizeof name, "mr_%s.yml", server.name);
        FILE *f = siem_dir_file(&d, name);
        if (f)
            write_server_correlation(f, &c, &server, v, n);
        siem_dir_commit(&d, f);
    }
    free(v);
    return siem_dir_close(&d);
}
