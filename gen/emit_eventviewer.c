/* The failure events of the Connect server's Application log, as Windows
 * itself selects events:
 *   sspr-failures.view.xml          an Event Viewer custom view (Action >
 *                                   Import Custom View...)
 *   sspr-failures.subscription.xml  a Windows Event Forwarding subscription
 *                                   (wecutil cs sspr-failures.subscription.xml)
 * Both hold the same QueryList: one Query per Select, each Select
 *   *[System[Provider[@Name='PasswordResetService'] and (EventID=31003 or ...)]]
 * for the codes siem_failure_event takes, runs of three or more consecutive
 * codes written as one range (EventID>=33001 and EventID<=33009).
 *
 * Limits: Microsoft documents at most 32 expressions in a query's XPath, and
 * queries are refused in practice above about 20 (elastic/beats #1491, #35048),
 * so a Select holds at most MAX_CLAUSES comparisons, the provider's included,
 * and each Select is a Query of its own. Event Viewer's XPath subset: child
 * and attribute steps, and/or, comparisons (MS-EVEN6 2.2.15.1). */
#include "emit_siem.h"

#include "diag.h"
#include "emit.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_CLAUSES = 20, MIN_RANGE = 3 };

/* One comparison or a range of consecutive codes. */
typedef struct {
    long long lo, hi;
} item;

typedef struct {
    int source;
    item *items;
    size_t n;
} select_q;

typedef struct {
    select_q *v;
    size_t n;
    size_t codes; /* distinct failure codes */
} query_set;

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static size_t cost(const item *it)
{
    return it->lo == it->hi ? 1 : 2;
}

/* The Selects of one source, in code order. */
static void add_source(query_set *q, const m_catalog *cat, int source)
{
    long long *codes = gen_xmalloc((cat->n + 1) * sizeof *codes);
    size_t n = 0;
    for (size_t i = 0; i < cat->n; i++)
        if (siem_failure_event(&cat->entries[i]) && cat->entries[i].source == source)
            codes[n++] = cat->entries[i].code;
    qsort(codes, n, sizeof *codes, cmp_ll);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || codes[u - 1] != codes[i])
            codes[u++] = codes[i];
    q->codes += u;
    item *items = gen_xmalloc((u + 1) * sizeof *items);
    size_t ni = 0;
    for (size_t i = 0; i < u;) {
        size_t j = i + 1;
        while (j < u && codes[j] == codes[j - 1] + 1)
            j++;
        if (j - i >= MIN_RANGE) {
            items[ni++] = (item){codes[i], codes[j - 1]};
        } else {
            for (size_t k = i; k < j; k++)
                items[ni++] = (item){codes[k], codes[k]};
        }
        i = j;
    }
    free(codes);
    for (size_t i = 0; i < ni;) {
        size_t used = 1, j = i; /* the provider's comparison */
        while (j < ni && used + cost(&items[j]) <= MAX_CLAUSES)
            used += cost(&items[j++]);
        q->v = gen_xrealloc(q->v, (q->n + 1) * sizeof *q->v);
        select_q *s = &q->v[q->n++];
        s->source = source;
        s->n = j - i;
        s->items = gen_xmalloc(s->n * sizeof *s->items);
        memcpy(s->items, items + i, s->n * sizeof *s->items);
        i = j;
    }
    free(items);
}

/* The XPath, escaped for XML text. */
static void xpath(FILE *f, const select_q *s)
{
    fprintf(f, "*[System[Provider[@Name='%s'] and (", M_NAME(sources, s->source));
    for (size_t i = 0; i < s->n; i++) {
        const item *it = &s->items[i];
        if (i)
            fputs(" or ", f);
        if (it->lo == it->hi)
            fprintf(f, "EventID=%lld", it->lo);
        else
            fprintf(f, "(EventID&gt;=%lld and EventID&lt;=%lld)", it->lo, it->hi);
    }
    fputs(")]]", f);
}

static void query_list(FILE *f, const query_set *q, const char *indent)
{
    fprintf(f, "%s<QueryList>\n", indent);
    for (size_t i = 0; i < q->n; i++) {
        fprintf(f, "%s  <Query Id=\"%zu\" Path=\"Application\">\n", indent, i);
        fprintf(f, "%s    <Select Path=\"Application\">", indent);
        xpath(f, &q->v[i]);
        fprintf(f, "</Select>\n%s  </Query>\n", indent);
    }
    fprintf(f, "%s</QueryList>", indent);
}

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            fputs("&amp;", f);
        else if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if ((unsigned char)*s >= 0x20)
            fputc(*s, f);
    }
}

static void description(FILE *f, const m_catalog *cat, const query_set *q)
{
    fprintf(f,
            "Warnings and errors of PasswordResetService and ADSync in the Application log of "
            "a Microsoft Entra Connect server: the %zu event codes that the libsspr-errors "
            "catalogue ",
            q->codes);
    xml_text(f, cat->version ? cat->version : "");
    fputs(" lists as failures. 'sspr-errors lookup CODE' explains each one.", f);
}

static const char banner[] =
    "<!-- Generated by sspr-gen from the libsspr-errors catalogue: do not edit. -->\n";

static void write_view(FILE *f, const m_catalog *cat, const query_set *q)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
    fputs(banner, f);
    fputs("<ViewerConfig>\n  <QueryConfig>\n    <QueryParams>\n      <UserQuery />\n"
          "    </QueryParams>\n    <QueryNode>\n"
          "      <Name>SSPR and password writeback failures</Name>\n      <Description>",
          f);
    description(f, cat, q);
    fputs("</Description>\n", f);
    query_list(f, q, "      ");
    fputs("\n    </QueryNode>\n  </QueryConfig>\n</ViewerConfig>\n", f);
}

static void write_subscription(FILE *f, const m_catalog *cat, const query_set *q)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
    fputs(banner, f);
    fputs("<Subscription xmlns=\"http://schemas.microsoft.com/2006/03/windows/events/"
          "subscription\">\n"
          "  <SubscriptionId>sspr-errors-failures</SubscriptionId>\n"
          "  <SubscriptionType>SourceInitiated</SubscriptionType>\n"
          "  <Description>",
          f);
    description(f, cat, q);
    fputs("</Description>\n"
          "  <Enabled>true</Enabled>\n"
          "  <Uri>http://schemas.microsoft.com/wbem/wsman/1/windows/EventLog</Uri>\n"
          "  <ConfigurationMode>Custom</ConfigurationMode>\n"
          "  <Delivery Mode=\"Push\">\n"
          "    <Batching>\n"
          "      <MaxItems>20</MaxItems>\n"
          "      <MaxLatencyTime>30000</MaxLatencyTime>\n"
          "    </Batching>\n"
          "    <PushSettings>\n"
          "      <Heartbeat Interval=\"3600000\"/>\n"
          "    </PushSettings>\n"
          "  </Delivery>\n"
          "  <Query><![CDATA[\n",
          f);
    query_list(f, q, "    ");
    fputs("\n  ]]></Query>\n"
          "  <ReadExistingEvents>true</ReadExistingEvents>\n"
          "  <TransportName>HTTP</TransportName>\n"
          "  <ContentFormat>RenderedText</ContentFormat>\n"
          "  <Locale Language=\"en-US\"/>\n"
          "  <LogFile>ForwardedEvents</LogFile>\n"
          "  <AllowedSourceNonDomainComputers></AllowedSourceNonDomainComputers>\n"
          "  <AllowedSourceDomainComputers>O:NSG:BAD:P(A;;GA;;;DC)S:</"
          "AllowedSourceDomainComputers>\n"
          "</Subscription>\n",
          f);
}

int emit_eventviewer(const m_catalog *cat, const char *path)
{
    query_set q = {0};
    add_source(&q, cat, SSPR__SOURCE_PRS);
    add_source(&q, cat, SSPR__SOURCE_ADSYNC);
    int rc = -1;
    siem_dir d;
    if (q.n == 0)
        gen_error(path, 0, 0, "the catalogue has no failure events to select");
    else if (siem_dir_open(&d, path, ".xml") == 0) {
        FILE *f = siem_dir_file(&d, "sspr-failures.view.xml");
        if (f)
            write_view(f, cat, &q);
        siem_dir_commit(&d, f);
        f = siem_dir_file(&d, "sspr-failures.subscription.xml");
        if (f)
            write_subscription(f, cat, &q);
        siem_dir_commit(&d, f);
        rc = siem_dir_close(&d);
    }
    for (size_t i = 0; i < q.n; i++)
        free(q.v[i].items);
    free(q.v);
    return rc;
}
