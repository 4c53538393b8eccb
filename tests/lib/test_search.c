/* sspr_search(): conventions (NULL, caps, order, determinism), the score tiers
 * (exact paths, quoted messages, BM25), stemming, limits, and the quality set
 * tests/search/queries.tsv, whose precision@1 and recall@3 are printed. */
#include "sspr-errors.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SSPR_SEARCH_QUERIES
#error "the build passes the path of tests/search/queries.tsv"
#endif

enum { CAP = 16 };

typedef struct {
    sspr_hit v[CAP];
    size_t n; /* stored: min(total, CAP) */
    size_t total;
} hits;

static hits search(const char *text)
{
    hits h;
    memset(&h, 0, sizeof h);
    h.total = sspr_search(text, h.v, CAP);
    h.n = h.total < CAP ? h.total : CAP;
    return h;
}

static const char *top_id(const hits *h)
{
    return h->n ? sspr_entry_id(h->v[0].entry) : "(none)";
}

static int rank_of(const hits *h, const char *id)
{
    for (size_t i = 0; i < h->n; i++)
        if (strcmp(sspr_entry_id(h->v[i].entry), id) == 0)
            return (int)i;
    return -1;
}

/* ---- conventions ------------------------------------------------------------ */

Test(search, null_empty_and_stop_words_find_nothing)
{
    sspr_hit out[4];
    cr_assert_eq(sspr_search(NULL, out, 4), 0);
    cr_assert_eq(sspr_search("", out, 4), 0);
    cr_assert_eq(sspr_search("   \t\n", out, 4), 0);
    cr_assert_eq(sspr_search("the of and to", out, 4), 0);
    cr_assert_eq(sspr_search("qwxzzyv plorkington", out, 4), 0);
}

Test(search, cap_zero_and_null_out_still_count)
{
    size_t n = sspr_search("writeback service stopped", NULL, 0);
    cr_assert_gt(n, 3);
    cr_assert_eq(sspr_search("writeback service stopped", NULL, 5), n, "out NULL: cap ignored");
    sspr_hit one[1];
    cr_assert_eq(sspr_search("writeback service stopped", one, 1), n);
    cr_assert_leq(n, SSPR_SEARCH_MAX_CANDIDATES);
}

Test(search, best_first_ties_in_catalogue_order_and_deterministic)
{
    static const char *const queries[] = {
        "password", "reset",      "writeback onboarding", "Error getting auth token",
        "32009",    "service bus"};
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        hits a = search(queries[q]), b = search(queries[q]);
        cr_assert_gt(a.n, 0, "'%s' finds something", queries[q]);
        cr_assert_eq(a.total, b.total);
        for (size_t i = 0; i < a.n; i++) {
            cr_assert_eq(a.v[i].entry, b.v[i].entry, "'%s': same answer twice", queries[q]);
            cr_assert_gt(a.v[i].score, 0.0);
            if (i == 0)
                continue;
            cr_assert_geq(a.v[i - 1].score, a.v[i].score, "'%s': best first", queries[q]);
            if (a.v[i - 1].score == a.v[i].score) {
                size_t x = 0, y = 0;
                for (size_t k = 0; k < sspr_count(); k++) {
                    if (sspr_at(k) == a.v[i - 1].entry)
                        x = k;
                    if (sspr_at(k) == a.v[i].entry)
                        y = k;
                }
                cr_assert_lt(x, y, "'%s': equal scores in catalogue order", queries[q]);
            }
        }
    }
}

Test(search, a_smaller_cap_gives_a_prefix)
{
    hits all = search("writeback cannot reach the service bus");
    sspr_hit few[3];
    size_t n = sspr_search("writeback cannot reach the service bus", few, 3);
    cr_assert_eq(n, all.total);
    for (size_t i = 0; i < 3 && i < all.n; i++)
        cr_assert_eq(few[i].entry, all.v[i].entry);
}

/* ---- tiers ------------------------------------------------------------------- */

Test(search, exact_paths_come_first_in_lookup_order)
{
    static const char *const queries[] = {"prs-32009", "AuthTokenError", "32009",
                                          "PasswordResetService 32009", "event 32009"};
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        hits h = search(queries[q]);
        cr_assert_str_eq(top_id(&h), "prs-32009", "'%s'", queries[q]);
        cr_assert_gt(h.v[0].score, 2000.0, "'%s': exact tier", queries[q]);
        const sspr_entry *l[8];
        size_t nl = sspr_lookup(queries[q], l, 8);
        for (size_t i = 0; i < nl && i < 8 && i < h.n; i++)
            cr_assert_eq(h.v[i].entry, l[i], "'%s': position %zu as sspr_lookup", queries[q], i);
    }
    hits h = search("0x8023061F");
    cr_assert_str_eq(top_id(&h), "adsync-6329-8023061f");
    h = search("ADSync 6329");
    cr_assert(rank_of(&h, "adsync-6329-80230619") >= 0 && rank_of(&h, "adsync-6329-80230619") < 3);
    cr_assert(rank_of(&h, "adsync-6329-8023061f") >= 0 && rank_of(&h, "adsync-6329-8023061f") < 3);
}

Test(search, a_pasted_message_ranks_the_entries_quoting_it_first)
{
    hits h = search("Error getting auth token");
    cr_assert_geq(h.n, 2);
    cr_assert(rank_of(&h, "prs-32009") < 2 && rank_of(&h, "wb-setup-auth-token-error") < 2,
              "both entries quoting it first");
    cr_assert_geq(h.v[1].score, 1000.0);
    cr_assert_lt(h.v[2].score, 1000.0, "nothing else in the phrase tier");

    /* inside a longer pasted log line */
    h = search("09:12:04 Sync error: The operation failed because password synchronization is "
               "not enabled on this Management Agent. Please check configuration");
    cr_assert_geq(h.v[0].score, 1000.0);
    cr_assert(rank_of(&h, "adsync-6329-8023061f") < 2, "top: %s", top_id(&h));

    /* a long part of a message */
    h = search("duplicated entries with the same anchor");
    cr_assert_str_eq(top_id(&h), "adsync-hr-80230402");
    cr_assert_geq(h.v[0].score, 1000.0);
}

Test(search, a_short_label_inside_a_question_is_no_phrase)
{
    /* "Password Reset" is a message (the portal's blade); the question is not it */
    hits h = search("password reset fails for administrators in protected groups");
    cr_assert_lt(h.v[0].score, 1000.0, "top %s scored %f", top_id(&h), h.v[0].score);
    cr_assert_str_neq(top_id(&h), "admin-no-password-reset-section");
}

Test(search, codes_inside_a_sentence_lift_their_events)
{
    hits h = search("we see event 33004 and access denied in the log");
    cr_assert_str_eq(top_id(&h), "prs-33004");
    /* the event, or the symptom the catalogue relates to it and whose words the
       rest of the text fits clearly better (search_related), then the event */
    h = search("event 6800 after restarting the sync service");
    cr_assert(
        strcmp(top_id(&h), "adsync-6800") == 0 ||
            (strcmp(top_id(&h), "wb-service-start-6800") == 0 && rank_of(&h, "adsync-6800") == 1),
        "top %s", top_id(&h));
    h = search("resets fail with 0x8023061F after we added a forest");
    cr_assert_str_eq(top_id(&h), "adsync-6329-8023061f");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

Test(search, bm25_scores_stay_below_the_phrase_tier)
{
    /* every word of every title, sorted (no message, no code): many terms */
    static char words[4096][32];
    static char *sorted[4096];
    size_t n = 0;
    for (size_t i = 0; i < sspr_count(); i++) {
        const char *t = sspr_entry_title(sspr_at(i));
        while (*t && n < 4096) {
            size_t k = strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
            if (k > 0 && k < 32) {
                memcpy(words[n], t, k);
                words[n][k] = '\0';
                sorted[n] = words[n];
                n++;
            }
            t += k;
            t += strcspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
    }
    qsort(sorted, n, sizeof *sorted, cmp_str);
    static char text[4096 * 33];
    text[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(sorted[i], sorted[i - 1]) != 0) {
            strcat(text, sorted[i]);
            strcat(text, " ");
        }
    hits h = search(text);
    cr_assert_gt(h.n, 0);
    cr_assert_lt(h.v[0].score, 1000.0, "top %s scored %f", top_id(&h), h.v[0].score);
}

/* ---- text handling ----------------------------------------------------------- */

Test(search, stemming_and_case_make_forms_meet)
{
    static const char *const pairs[][2] = {
        {"resets", "reset"},
        {"emails never arriving", "email never arrives"},
        {"licence", "LICENSE"},
        {"registering", "registration"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        hits a = search(pairs[i][0]), b = search(pairs[i][1]);
        cr_assert_gt(a.n, 0);
        cr_assert_eq(a.total, b.total, "'%s' vs '%s'", pairs[i][0], pairs[i][1]);
        for (size_t k = 0; k < a.n; k++)
            cr_assert_eq(a.v[k].entry, b.v[k].entry, "'%s' vs '%s' at %zu", pairs[i][0],
                         pairs[i][1], k);
    }
}

static double score_of(const hits *h, const char *id)
{
    int r = rank_of(h, id);
    return r < 0 ? 0.0 : h->v[r].score;
}

/* The same words score higher for an entry that writes them side by side, in
 * the query's order, than in the reverse order (no pair), and a pair lifts the
 * entry that has it above one with the same words apart. */
Test(search, words_side_by_side_count_as_a_pair)
{
    static const char *const cases[][3] = {
        /* written order, reversed order, the entry writing them together */
        {"AD forest", "forest AD", "wb-pwsync-not-enabled-6329"},
        {"domain admins", "admins domain", "wb-protected-groups"},
        {"service bus", "bus service", "wb-servicebus-connect-error"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        hits a = search(cases[i][0]), b = search(cases[i][1]);
        double sa = score_of(&a, cases[i][2]), sb = score_of(&b, cases[i][2]);
        cr_assert_gt(sb, 0.0, "'%s' finds %s", cases[i][1], cases[i][2]);
        cr_assert_gt(sa, sb * 1.1, "'%s' %.3f vs '%s' %.3f", cases[i][0], sa, cases[i][1], sb);
    }
    hits h = search("added another AD forest");
    cr_assert_str_eq(top_id(&h), "wb-pwsync-not-enabled-6329");
}

/* Renamed products (issue 15.4): the tokenizer reads each name as one canonical
 * spelling, for the index and the query alike, so either name finds the same
 * entries with the same scores. */
static void assert_same_hits(const char *a, const char *b)
{
    hits x = search(a), y = search(b);
    cr_assert_gt(x.n, 0, "'%s' finds nothing", a);
    cr_assert_eq(x.total, y.total, "'%s' finds %zu, '%s' %zu", a, x.total, b, y.total);
    for (size_t i = 0; i < x.n; i++) {
        cr_assert_str_eq(sspr_entry_id(x.v[i].entry), sspr_entry_id(y.v[i].entry),
                         "hit %zu of '%s' and '%s'", i, a, b);
        cr_assert_float_eq(x.v[i].score, y.v[i].score, 1e-4, "score %zu of '%s' and '%s'", i, a, b);
    }
}

Test(search, renamed_products_are_synonyms)
{
    static const char *const same[][2] = {
        {"Entra Connect writeback fails", "Azure AD Connect writeback fails"},
        {"Microsoft Entra Connect writeback fails", "AAD Connect writeback fails"},
        {"Entra ID", "Azure AD"},
        {"Microsoft Entra ID premium licence", "Azure Active Directory premium licence"},
        {"restart the Entra Connect Sync service", "restart the Azure AD Sync service"},
        {"microsoft   ENTRA\tconnect sync stopped", "Microsoft Azure AD Sync stopped"},
        {"upgrade AADConnect", "upgrade Entra Connect"},
        {"restart the ADSync service", "restart the Azure AD Sync service"},
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        assert_same_hits(same[i][0], same[i][1]);
    /* the word ADSync is the service's name, not every ADSync entry's source
       (indexed as a term of its own): asking how to restart the service, by
       either name, finds the procedure */
    static const char *const restart[] = {
        "how do I restart the azure ad sync service in services.msc",
        "how do I restart the ADSync service in services.msc",
    };
    for (size_t i = 0; i < sizeof restart / sizeof *restart; i++) {
        hits svc = search(restart[i]);
        int at = rank_of(&svc, "proc-restart-sync-service");
        cr_assert(at == 0, "'%s': proc-restart-sync-service is at %d", restart[i], at);
    }
    /* and a code with the source still finds the source's event */
    hits ev = search("ADSync event 6800 after the server restarted");
    int at6800 = rank_of(&ev, "adsync-6800");
    cr_assert(at6800 == 0 || (at6800 == 1 && strcmp(top_id(&ev), "wb-service-start-6800") == 0),
              "top %s, adsync-6800 at %d", top_id(&ev), at6800);
    hits h = search("Entra Connect writeback fails");
    hits g = search("Azure AD Connect writeback fails");
    cr_assert_str_eq(top_id(&h), top_id(&g));
    /* an entry that writes only the old name is found by the new one as well
       (rank 3 of 3 low hits before the names met) */
    static const char wizard[] =
        "Microsoft Entra Connect wizard cannot configure password writeback at the end";
    h = search(wizard);
    int r = rank_of(&h, "wb-setup-auth-token-error");
    cr_assert(r >= 0 && r < 2, "wb-setup-auth-token-error is at %d", r);
    cr_assert_gt(sspr_confidence_of(h.v[r].entry, wizard, strlen(wizard)), SSPR_CONFIDENCE_LOW);
}

Test(search, a_huge_text_is_bounded)
{
    size_t len = 1 << 20;
    char *text = malloc(len + 1);
    cr_assert_not_null(text);
    for (size_t i = 0; i < len; i++)
        text[i] = "abcdefghij klmnop qrstu vwxyz writeback "[i % 40];
    text[len] = '\0';
    size_t n = sspr_search(text, NULL, 0);
    cr_assert_leq(n, SSPR_SEARCH_MAX_CANDIDATES);
    free(text);
}

Test(search, every_entry_is_found_by_its_title)
{
    for (size_t i = 0; i < sspr_count(); i++) {
        const sspr_entry *e = sspr_at(i);
        hits h = search(sspr_entry_title(e));
        int r = rank_of(&h, sspr_entry_id(e));
        cr_expect(r >= 0 && r < 5, "'%s' (%s) is at %d", sspr_entry_title(e), sspr_entry_id(e), r);
    }
}

/* ---- quality ----------------------------------------------------------------------- */

/* tests/search/queries.tsv: EXPECTED<TAB>QUERY, EXPECTED one id or ids joined
 * by '|' (either counts). */
static int is_expected(const char *expected, const sspr_entry *e)
{
    const char *id = sspr_entry_id(e);
    size_t n = strlen(id);
    for (const char *p = expected; *p;) {
        size_t k = strcspn(p, "|");
        if (k == n && strncmp(p, id, n) == 0)
            return 1;
        p += k + (p[k] == '|');
    }
    return 0;
}

Test(search, quality_set_precision_at_1_and_recall_at_3)
{
    FILE *f = fopen(SSPR_SEARCH_QUERIES, "r");
    cr_assert_not_null(f, "cannot open %s", SSPR_SEARCH_QUERIES);
    char line[1024];
    size_t n = 0, p1 = 0, r3 = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        cr_assert_not_null(tab, "%s:%zu: no tab", SSPR_SEARCH_QUERIES, lineno);
        *tab = '\0';
        const char *expected = line, *query = tab + 1;
        for (const char *p = expected; *p;) { /* every expected id exists */
            char id[128];
            size_t k = strcspn(p, "|");
            cr_assert_lt(k, sizeof id);
            memcpy(id, p, k);
            id[k] = '\0';
            cr_assert_not_null(sspr_by_id(id), "%s:%zu: no entry '%s'", SSPR_SEARCH_QUERIES, lineno,
                               id);
            p += k + (p[k] == '|');
        }
        sspr_hit h[3];
        size_t got = sspr_search(query, h, 3);
        int at1 = got > 0 && is_expected(expected, h[0].entry), in3 = 0;
        for (size_t i = 0; i < got && i < 3; i++)
            in3 |= is_expected(expected, h[i].entry);
        n++;
        p1 += (size_t)at1;
        r3 += (size_t)in3;
        if (!at1)
            printf("  miss@1%s: %s -> %s | %s\n", in3 ? " (in top 3)" : "", query,
                   got ? sspr_entry_id(h[0].entry) : "(nothing)", expected);
    }
    fclose(f);
    cr_assert_geq(n, 40, "the quality set has at least 40 queries (%zu)", n);
    double precision = (double)p1 / (double)n, recall = (double)r3 / (double)n;
    printf("search quality: %zu queries, precision@1 %.3f (%zu), recall@3 %.3f (%zu)\n", n,
           precision, p1, recall, r3);
    fflush(stdout);
    cr_expect_geq(precision, 0.85, "precision@1 %.3f below 0.85", precision);
    cr_expect_geq(recall, 0.95, "recall@3 %.3f below 0.95", recall);
}

/* ---- confidence and the tiers a generic phrase cannot fool (issue 14.5, 14.6) ---- */

Test(search, results_carry_confidence)
{
    static const char *const texts[] = {
        "user says the text message with the code never arrives",
        "Event ID 33004 after a reset attempt",
        "the portal says SSPR_0029 when users reset",
        "printer toner banana",
        "please contact your administrator",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        sspr_hit hits[8];
        sspr_result res[8];
        size_t n = sspr_search(texts[t], hits, 8);
        cr_assert_eq(sspr_search_results(texts[t], res, 8), n, "%s", texts[t]);
        for (size_t i = 0; i < n && i < 8; i++) {
            cr_assert_eq(res[i].entry, hits[i].entry, "%s: %zu", texts[t], i);
            cr_assert_eq(res[i].score, hits[i].score);
            cr_assert_eq(res[i].confidence,
                         sspr_confidence_of(res[i].entry, texts[t], strlen(texts[t])));
            cr_assert(res[i].confidence >= SSPR_CONFIDENCE_LOW);
        }
    }
    sspr_result r[4];
    cr_assert(sspr_search_results("Event ID 33004 after a reset attempt", r, 4) > 0);
    cr_assert_str_eq(sspr_entry_id(r[0].entry), "prs-33004");
    cr_assert_eq(r[0].confidence, SSPR_CONFIDENCE_HIGH);
    /* a code written in a ticket outranks a message match that is not that code's */
    cr_assert(sspr_search_results("SSPR_0029 Password Reset please contact your administrator", r,
                                  4) > 0);
    cr_assert_str_eq(sspr_entry_id(r[0].entry), "sspr-0029");
    /* a generic phrase alone is no better than medium */
    cr_assert(sspr_search_results("please contact your administrator", r, 4) > 0);
    cr_assert(r[0].confidence <= SSPR_CONFIDENCE_MEDIUM);
    /* a stray number is no code: it does not lift anything */
    cr_assert(sspr_search_results("password reset fails on port 443 since 2024", r, 4) > 0);
    cr_assert(r[0].score < 1000.0);
}

Test(search, a_related_entry_that_the_words_fit_clearly_better_shares_the_code_tier)
{
    /* the code names event 33004; the rest of the text is the protected-groups
       symptom, which the catalogue relates to 33004: it comes first, the event
       right after it, both in the code's tier */
    hits h = search("33004 when an Enterprise Admins member resets the password");
    cr_assert_str_eq(top_id(&h), "wb-protected-groups");
    cr_assert_eq(rank_of(&h, "prs-33004"), 1);
    cr_assert_geq(h.v[1].score, 2000.0);
    /* an event whose own code the text does not write is never lifted */
    h = search("event 33004 for one user whose adminCount is 1");
    cr_assert_str_eq(top_id(&h), "prs-33004");
}
