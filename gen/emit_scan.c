/* sspr-scan.inc: the literal messages the event-log scanner looks for.
 *
 * Which messages: every entry's, with at least four words: what the Azure AD
 * Connect server logs, and what the reset portal, the Connect wizard and the
 * audit log print (people paste those into tickets too); shorter ones and
 * portal labels ("Save", "Password Reset") would match unrelated text. Also
 * every name written as an identifier of 14 letters or more
 * ("OnPremisesConnectivityFailure"), which audit logs print alone. A message quoted by several
 * entries names only those of the best kind (events before symptoms), as lookup orders them.
 *
 * How: each message is folded (src/common/scanfold.c) into a pattern. Each pattern
 * has an anchor, ANCHOR bytes of one of its words whose three-byte pieces are
 * rare in the catalogue's prose and in English (and not inside a common word
 * of logs); the scanner looks at four bytes every ANCHOR - 3 bytes (a bit set
 * over their hash says whether they may be an anchor's), checks the hash of
 * each whole anchor they may belong to against another, and verifies the
 * whole pattern around an anchor it finds. Layout: the comments of the
 * output and src/lib/scan/match.c. */
#include "emit_search.h"

#include "diag.h"
#include "emit.h"
#include "index.h"
#include "norm.h"
#include "scanfold.h"
#include "schema.h"
#include "word.h"

#include <stdlib.h>
#include <string.h>

/* A letter or digit of the message starts a run of word bytes, or continues
 * one: a run is contiguous in the log text too (no quote was folded away
 * inside it), so an anchor never spans "doesn't". */
enum { NOT_WORD, WORD_START, WORD_MORE };

enum {
    MIN_WORDS = 4,
    MIN_BYTES = 16,
    ANCHOR_MIN = 4, /* a message without a word this long is not scanned for */
    ANCHOR_MAX = 8,
    HASH_SIZE = 1 << SSPR__SCAN_HASH_BITS,
};

typedef struct {
    char *text; /* folded pattern */
    size_t len;
    unsigned char *word; /* per byte: WORD_START or WORD_MORE for letters and digits */
    size_t *entries;
    size_t nentries;
    int kind; /* best kind among its entries */
    size_t anchor_at;
} x_pat;

typedef struct {
    x_pat *v;
    size_t n, cap;
} x_pats;

static int x_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Folds key into a pattern and marks its word bytes. */
static char *x_fold(const char *key, size_t *len, unsigned char **word)
{
    size_t n = strlen(key);
    char *out = gen_xmalloc(4 * n + 8);
    unsigned char *w = gen_xmalloc(4 * n + 8);
    sspr__fold f = {.space = 1}; /* as after a space: no leading space */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char tmp[4];
        int c = (unsigned char)key[i];
        size_t k = sspr__fold_byte(&f, (unsigned char)c, tmp);
        int more = i > 0 && x_alnum((unsigned char)key[i - 1]);
        for (size_t j = 0; j < k; j++) {
            out[o] = (char)tmp[j];
            w[o++] = (k == 1 && x_alnum(c)) ? (more ? WORD_MORE : WORD_START) : NOT_WORD;
        }
    }
    unsigned char tmp[4];
    size_t k = sspr__fold_end(&f, tmp);
    for (size_t j = 0; j < k; j++) {
        out[o] = (char)tmp[j];
        w[o++] = NOT_WORD;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    *len = o;
    *word = w;
    return out;
}

/* Words separated by spaces ("on-premises" is one). */
static size_t x_words(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++)
        n += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return n;
}

/* Adds the pattern of one message as a pattern of its own; x_merge joins
 * equal ones afterwards. */
/* A name written as an identifier ("OnPremisesConnectivityFailure"): 14
 * letters or more, two capitals or more. Audit logs and traces print these
 * alone, so they are patterns although they are one word. */
static int x_identifier(const char *name)
{
    size_t n = 0, caps = 0;
    for (; name[n]; n++) {
        if (!((name[n] >= 'a' && name[n] <= 'z') || (name[n] >= 'A' && name[n] <= 'Z')))
            return 0;
        caps += name[n] <= 'Z';
    }
    return n >= 14 && caps >= 2;
}

static void x_add(x_pats *ps, const m_catalog *cat, size_t entry, const char *message)
{
    char key[4096];
    size_t klen = sspr__norm_key(message, strlen(message), key, sizeof key);
    if (klen == (size_t)-1 || klen < MIN_BYTES ||
        (x_words(key) < MIN_WORDS && !x_identifier(message)))
        return;
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 64;
        ps->v = gen_xrealloc(ps->v, ps->cap * sizeof *ps->v);
    }
    x_pat *p = &ps->v[ps->n++];
    memset(p, 0, sizeof *p);
    p->text = x_fold(key, &p->len, &p->word);
    p->kind = cat->entries[entry].kind;
    p->entries = gen_xmalloc(sizeof *p->entries);
    p->entries[0] = entry;
    p->nentries = 1;
}

/* A message as written, with its contractions written out ("doesn't" ->
 * "does not") and with its contractible words contracted ("does not" ->
 * "doesn't"): a log or a page may print either (src/common/norm.c). */
static void x_add_forms(x_pats *ps, const m_catalog *cat, size_t entry, const char *message)
{
    char expanded[4096], contracted[4096];
    x_add(ps, cat, entry, message);
    size_t n = sspr__norm_text(message, strlen(message), expanded, sizeof expanded);
    if (n == (size_t)-1 || n == 0)
        return;
    x_add(ps, cat, entry, expanded); /* the same text when there was nothing to write out */
    n = sspr__norm_contracted(expanded, contracted, sizeof contracted);
    if (n != (size_t)-1 && n)
        x_add(ps, cat, entry, contracted);
}

/* Text, then the best kind first, then catalogue order. */
static int x_cmp_pat(const void *a, const void *b)
{
    const x_pat *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    if (c)
        return c;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return (x->entries[0] > y->entries[0]) - (x->entries[0] < y->entries[0]);
}

/* One pattern per text, naming the entries of the best kind that quote it. */
static void x_merge(x_pats *ps)
{
    if (ps->n == 0)
        return;
    qsort(ps->v, ps->n, sizeof *ps->v, x_cmp_pat);
    size_t w = 0;
    for (size_t i = 0; i < ps->n; i++) {
        x_pat *p = &ps->v[i];
        x_pat *last = w ? &ps->v[w - 1] : NULL;
        if (!last || strcmp(last->text, p->text) != 0) {
            ps->v[w++] = *p;
            continue;
        }
        size_t e = p->entries[0];
        int keep = p->kind == last->kind && last->entries[last->nentries - 1] != e;
        if (keep) {
            last->entries =
                gen_xrealloc(last->entries, (last->nentries + 1) * sizeof *last->entries);
            last->entries[last->nentries++] = e;
        }
        free(p->text);
        free(p->word);
        free(p->entries);
    }
    ps->n = w;
}

/* How common a letter is in English prose (per mille, roughly); digits and
 * other bytes count as fairly rare. */
static int x_commonness(int c)
{
    static const int letters[26] = {82, 15, 28, 43, 127, 22, 20, 61, 70, 2,  8, 40, 24,
                                    67, 75, 19, 1,  60,  63, 91, 28, 10, 24, 2, 20, 1};
    if (c >= 'a' && c <= 'z')
        return letters[c - 'a'];
    return 15;
}

/* The longest run of word bytes in p. */
static size_t x_longest_word(const x_pat *p)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < p->len; i++) {
        run = p->word[i] == WORD_MORE ? run + 1 : p->word[i] == WORD_START;
        if (run > best)
            best = run;
    }
    return best;
}

/* Words so common in Windows event logs (and the English around them) that an
 * anchor inside them would send the scanner verifying on many lines; the
 * first ones are on most lines of a log: an anchor there is the last resort. */
static const char *const very_common_words[] = {
    "error", "failed", "microsoft", "password", "server", "service", "windows", NULL,
};
static const char *const common_words[] = {
    "access",      "account",        "acquire",   "active",        "address",     "application",
    "attempt",     "authentication", "available", "because",       "certificate", "change",
    "client",      "complete",       "computer",  "configuration", "configure",   "connect",
    "contact",     "control",        "create",    "current",       "default",     "delete",
    "description", "detect",         "device",    "directory",     "disable",     "domain",
    "duration",    "enable",         "endpoint",  "error",         "exception",   "export",
    "failed",      "failure",        "following", "getting",       "import",      "information",
    "install",     "instance",       "invalid",   "logged",        "machine",     "management",
    "message",     "microsoft",      "network",   "number",        "object",      "operation",
    "please",      "policy",         "privilege", "process",       "profile",     "protection",
    "provide",     "provider",       "reason",    "received",      "remote",      "request",
    "require",     "response",       "restart",   "result",        "running",     "schedule",
    "security",    "server",         "service",   "session",       "setting",     "source",
    "specified",   "start",          "status",    "stopped",       "success",     "synchroniz",
    "system",      "update",         "validate",  "version",       "windows",     NULL,
};

static int x_begins_word(const char *w, size_t n, const char *const *words)
{
    for (size_t k = 0; words[k]; k++) {
        size_t len = strlen(words[k]);
        if (len <= n && memcmp(w, words[k], len) == 0)
            return 1; /* the word, or a longer one it begins ("passwords") */
    }
    return 0;
}

/* 2 when the window p[i..i + m) is inside a very common word, 1 when inside
 * a common one, else 0. */
static int x_in_common_word(const x_pat *p, size_t i, size_t m)
{
    size_t a = i, b = i + m; /* widen the window to its word */
    while (a > 0 && p->word[a] == WORD_MORE)
        a--;
    while (b < p->len && p->word[b] == WORD_MORE)
        b++;
    if (x_begins_word(p->text + a, b - a, very_common_words))
        return 2;
    return x_begins_word(p->text + a, b - a, common_words);
}

/* Three-letter pieces that are common in any English text, and so in the
 * messages around ours in a log, whatever the catalogue says: the most
 * frequent ones of English prose, and of the endings and stems of the words
 * logs print ("-tion", "-ed", "config", "connect"). */
static const char common_trigrams[] =
    "the and ing ent ion her for tha nth int ere tio ter est ers ati hat ate all eth hes ver "
    "his oft ith fth sth oth res ont are rea ear was sin sto sta thi tin ted ons wit con "
    "rth eve ess ave pro men ect com per nce ive our ove tra rat iti ill ica cti ste tor str nte "
    "ome one ure ore man ain tur use red ser ces ssi ern nde ind ons ist ive ity lly ful ble "
    "abl ous ple let ete ted ies ied ied ers ors ary ory ent ons ial ous nal eme ess ted ing "
    "err rro ror fai ail ile led rvi vic ice sys yst tem ucc cce omp mpl tar art upd pda dat "
    "win ndo dow ows net two wor ork req equ que ues acc cco cou oun unt ime fil loc nfi fig "
    "gur lid tim pri sou urc rce ete cte onn nne nec cal use ecu cur uri rit ran nsf mat ala "
    "ced ned sed ged ked ved ped war orm ame nam can tar put por sen ses ote wer cou sec ult suc";

/* The hash of three bytes for counting them, each OR-ed with 0x20 as the
 * scanner's filters do (src/common/scanfold.h). */
static unsigned x_hash3(unsigned a, unsigned b, unsigned c)
{
    uint32_t v = (uint32_t)(a | b << 8 | c << 16) | 0x202020u;
    return (unsigned)((v * 2654435761u) >> (32 - SSPR__SCAN_HASH_BITS));
}

/* How often each three bytes (hashed as the scanner hashes them) occur in the
 * catalogue's prose: the catalogue stands in for the logs, where the same
 * English and the domain's everyday words ("reset", "-tion") are common. The
 * common English pieces count as if the catalogue had them often. */
typedef struct {
    unsigned long count[HASH_SIZE];
} x_trigrams;

static void x_count_trigrams(x_trigrams *t, char **texts, size_t n)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < n; i++) {
        const unsigned char *s = (const unsigned char *)texts[i];
        for (size_t k = 0; s[k] && s[k + 1] && s[k + 2]; k++)
            t->count[x_hash3(s[k], s[k + 1], s[k + 2])]++;
    }
    const unsigned char *e = (const unsigned char *)common_trigrams;
    for (size_t k = 0; e[k]; k += e[k + 3] ? 4 : 3)
        t->count[x_hash3(e[k], e[k + 1], e[k + 2])] += 3000;
}

/* What a window costs the scanner: wherever one of its three-byte pieces
 * occurs in the text, the scanner looks closer (match.c: scan_anchors). */
static long x_window_cost(const x_trigrams *t, const char *w, size_t m)
{
    long cost = 0;
    for (size_t q = 0; q + 3 <= m; q++)
        cost += (long)t->count[x_hash3((unsigned char)w[q], (unsigned char)w[q + 1],
                                       (unsigned char)w[q + 2])];
    return cost;
}

/* The anchor: a window of m bytes of one word, not inside a common word,
 * whose three-byte pieces are rare in the catalogue's prose. */
static void x_choose_anchor(x_pat *p, size_t m, const x_trigrams *tri)
{
    long best = -1;
    for (size_t i = 0; i + m <= p->len; i++) {
        long score = 0;
        size_t j = 0;
        for (; j < m && p->word[i + j] != NOT_WORD && (j == 0 || p->word[i + j] == WORD_MORE); j++)
            score += x_commonness((unsigned char)p->text[i + j]);
        if (j < m)
            continue;
        score += 100000000L * x_in_common_word(p, i, m);
        score += 100L * x_window_cost(tri, p->text + i, m);
        if (best < 0 || score < best) {
            best = score;
            p->anchor_at = i;
        }
    }
}

static int x_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void x_text_add(char **t, size_t *len, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    *t = gen_xrealloc(*t, *len + n + 2);
    for (size_t i = 0; i < n; i++)
        (*t)[*len + i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] - 'A' + 'a' : s[i]);
    *len += n;
    (*t)[(*len)++] = '\n';
    (*t)[*len] = '\0';
}

/* Every entry's text, lower-cased, for x_count_trigrams. */
static char **x_texts(const m_catalog *cat)
{
    char **t = gen_xmalloc((cat->n ? cat->n : 1) * sizeof *t);
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        size_t len = 0;
        t[i] = NULL;
        x_text_add(&t[i], &len, e->title);
        x_text_add(&t[i], &len, e->summary);
        const m_strings *lists[] = {&e->messages, &e->causes, &e->steps};
        for (size_t l = 0; l < 3; l++)
            for (size_t k = 0; k < lists[l]->n; k++)
                x_text_add(&t[i], &len, lists[l]->v[k]);
        if (!t[i])
            t[i] = gen_xstrdup("");
    }
    return t;
}

static void x_free(x_pats *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        free(ps->v[i].text);
        free(ps->v[i].word);
        free(ps->v[i].entries);
    }
    free(ps->v);
}

/* A bit set of n words as a C array named name, four words a line. */
static void x_put_bits(FILE *f, const char *name, const uint64_t *v, size_t n)
{
    fprintf(f, "static const uint64_t %s[%zu] = {", name, n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s0x%016llx", i % 4 ? ", " : (i ? ",\n    " : "\n    "),
                (unsigned long long)v[i]);
    fputs("\n};\n", f);
}

/* A byte array of n values as a C array of type type named name, sixteen a
 * line. */
static void x_put_bytes(FILE *f, const char *type, const char *name, const unsigned char *v,
                        size_t n)
{
    fprintf(f, "static const %s %s[%zu] = {", type, name, n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%u", i % 16 ? ", " : (i ? ",\n    " : "\n    "), (unsigned)v[i]);
    fputs("\n};\n", f);
}

int emit_scan_tables(const m_catalog *cat, const char *path)
{
    x_pats ps = {NULL, 0, 0};
    for (size_t i = 0; i < cat->n; i++) {
        const m_entry *e = &cat->entries[i];
        for (size_t m = 0; m < e->messages.n; m++)
            x_add_forms(&ps, cat, i, e->messages.v[m]);
        for (size_t a = 0; a <= e->aliases.n; a++) {
            const char *name = a ? e->aliases.v[a - 1] : e->name;
            /* 31044's name is its source's, which every record of it prints */
            if (name && x_identifier(name) &&
                !sspr__number_of(&sspr__sources, name, strlen(name), 1))
                x_add(&ps, cat, i, name);
        }
    }
    x_merge(&ps);
    /* the anchor length: the shortest "longest word" of the patterns, bounded */
    size_t m = ANCHOR_MAX;
    for (size_t i = 0; i < ps.n; i++) {
        size_t w = x_longest_word(&ps.v[i]);
        if (w >= ANCHOR_MIN && w < m)
            m = w;
    }
    size_t w = 0;
    char **texts = x_texts(cat);
    static x_trigrams tri;
    x_count_trigrams(&tri, texts, cat->n);
    for (size_t i = 0; i < ps.n; i++) { /* drop patterns with no word of m bytes */
        if (x_longest_word(&ps.v[i]) < m) {
            free(ps.v[i].text);
            free(ps.v[i].word);
            free(ps.v[i].entries);
            continue;
        }
        ps.v[w++] = ps.v[i];
        x_choose_anchor(&ps.v[w - 1], m, &tri);
    }
    ps.n = w;
    for (size_t i = 0; i < cat->n; i++)
        free(texts[i]);
    free(texts);

    FILE *f = emit_open(path);
    if (!f) {
        x_free(&ps);
        return -1;
    }
    fprintf(f, emit_banner_fmt, "/*");
    fputs(" * Included once, by src/lib/scan/match.c. */\n\n", f);
    fprintf(f, "#define SSPR__SCAN_ANCHOR %zu\n#define SSPR__SCAN_PATTERNS %zu\n\n", m, ps.n);

    /* the patterns, one pool of bytes (ISO C limits string literals to 4095 bytes) */
    size_t pool = 0;
    for (size_t i = 0; i < ps.n; i++)
        pool += ps.v[i].len + 1;
    /* eight zero bytes after the last: any anchor can be read as one word */
    fprintf(f, "static const unsigned char sspr__scan_pool[%zu] = {", pool + 8);
    size_t k = 0;
    for (size_t i = 0; i < ps.n; i++)
        for (size_t j = 0; j <= ps.v[i].len; j++, k++)
            fprintf(f, "%s%u", k % 16 ? "," : (k ? ",\n    " : "\n    "),
                    (unsigned)(unsigned char)ps.v[i].text[j]);
    for (size_t j = 0; j < 8; j++, k++)
        fprintf(f, "%s0", k % 16 ? "," : (k ? ",\n    " : "\n    "));
    fputs("\n};\n\n", f);

    /* pattern: pool offset, length, anchor offset, span of sspr__scan_entries */
    fprintf(f, "static const sspr__scan_pat sspr__scan_pats[%zu] = {\n", ps.n ? ps.n : 1);
    size_t off = 0, first = 0;
    for (size_t i = 0; i < ps.n; i++) {
        fprintf(f, "    {.off = %zu, .len = %zu, .at = %zu, .first = %zu, .n = %zu}, /* ", off,
                ps.v[i].len, ps.v[i].anchor_at, first, ps.v[i].nentries);
        for (size_t j = 0; j < m; j++) {
            char c = ps.v[i].text[ps.v[i].anchor_at + j];
            fputc(c == '*' || c == '/' ? '_' : c, f);
        }
        fputs(" */\n", f);
        off += ps.v[i].len + 1;
        first += ps.v[i].nentries;
    }
    if (ps.n == 0)
        fputs("    {.off = 0}\n", f);
    fputs("};\n\n", f);
    fprintf(f, "static const uint32_t sspr__scan_entries[%zu] = {", first ? first : 1);
    k = 0;
    for (size_t i = 0; i < ps.n; i++)
        for (size_t j = 0; j < ps.v[i].nentries; j++, k++)
            fprintf(f, "%s%zu", k % 12 ? ", " : (k ? ",\n    " : "\n    "), ps.v[i].entries[j]);
    if (first == 0)
        fputs("0", f);
    fputs("\n};\n\n", f);

    /* The filters: whether a hash of four bytes is that of four bytes of an
       anchor; whether a hash of m bytes is an anchor's. Then the patterns by
       the hash of their anchor: those of hash h are sspr__scan_anchored[
       sspr__scan_by_full[h] .. sspr__scan_by_full[h + 1]), in pattern order. */
    enum { FULL_SIZE = 1 << SSPR__SCAN_FULL_BITS };
    static unsigned char any[HASH_SIZE];
    static uint64_t full[FULL_SIZE / 64];
    static size_t by_full[FULL_SIZE + 1];
    memset(any, 0, sizeof any);
    memset(full, 0, sizeof full);
    memset(by_full, 0, sizeof by_full);
    uint64_t *ends = gen_xmalloc((ps.n ? ps.n : 1) * sizeof *ends);
    for (size_t i = 0; i < ps.n; i++) {
        const unsigned char *a = (const unsigned char *)ps.v[i].text + ps.v[i].anchor_at;
        for (size_t q = 0; q + 4 <= m; q++) {
            unsigned h = sspr__scan_hash4(sspr__le32(a + q));
            any[h] |= (unsigned char)(1u << q); /* piece q of an anchor */
        }
        unsigned h = sspr__scan_hash_full(a, m);
        full[h / 64] |= (uint64_t)1 << h % 64;
        by_full[h + 1]++;
        ends[i] = (uint64_t)h << 32 | (uint64_t)i;
    }
    for (size_t h = 0; h < FULL_SIZE; h++)
        by_full[h + 1] += by_full[h];
    qsort(ends, ps.n, sizeof *ends, x_cmp_u64);
    const char *index_type = ps.n <= 255 ? "uint8_t" : "uint16_t";
    /* the first filter: a byte per hash, the pieces (bit q: piece q, the four
       bytes from q) of an anchor that hash so */
    x_put_bytes(f, "uint8_t", "sspr__scan_any", any, HASH_SIZE);
    fputc('\n', f);
    x_put_bits(f, "sspr__scan_full", full, FULL_SIZE / 64);
    fputc('\n', f);
    fprintf(f, "static const %s sspr__scan_by_full[%d] = {", index_type, FULL_SIZE + 1);
    for (size_t i = 0; i <= FULL_SIZE; i++)
        fprintf(f, "%s%zu", i % 24 ? "," : (i ? ",\n    " : "\n    "), by_full[i]);
    fputs("\n};\n\n", f);
    fprintf(f, "static const %s sspr__scan_anchored[%zu] = {", index_type, ps.n ? ps.n : 1);
    for (size_t i = 0; i < ps.n; i++)
        fprintf(f, "%s%u", i % 24 ? "," : (i ? ",\n    " : "\n    "), (unsigned)(uint32_t)ends[i]);
    if (ps.n == 0)
        fputs("0", f);
    fputs("\n};\n", f);
    free(ends);

    /* The catalogue's codes (those sspr__find_code finds) as a bit set over
       the hash SSPR__SCAN_CODE_HASH: the scanner asks it first of the numbers
       in free text. */
    static uint64_t codes[(1 << SSPR__SCAN_CODE_BITS) / 64];
    memset(codes, 0, sizeof codes);
    ix_index ix;
    ix_build(cat, &ix);
    for (size_t i = 0; i < ix.tables[IX_CODES].n; i++) {
        unsigned h =
            SSPR__SCAN_CODE_HASH((uint32_t)strtoul(ix.tables[IX_CODES].keys[i].key, NULL, 10));
        codes[h / 64] |= (uint64_t)1 << h % 64;
    }
    ix_free(&ix);
    fputc('\n', f);
    x_put_bits(f, "sspr__scan_codes", codes, sizeof codes / sizeof *codes);
    x_free(&ps);
    return emit_close(f, path);
}

/* ---- labels ---- */

/* The scanner's labels (src/common/labels.def) with the line of each; the
 * field and group columns are the scanner's. */
static const struct {
    const char *text;
    int line;
} x_labels[] = {
#define SSPR__LABEL(text, field, group) {text, __LINE__},
#include "labels.def"
#undef SSPR__LABEL
};
#define X_LABELS_DEF "src/common/labels.def"

/* Is the label well formed: 1 to SSPR__LABEL_MAX bytes, no upper-case ASCII
 * letter, no space at either end or doubled? The scanner looks labels up so. */
static int x_label_ok(const char *t, int line)
{
    size_t k = strlen(t);
    const char *why = NULL;
    if (k == 0 || k > SSPR__LABEL_MAX)
        why = "a label has 1 to SSPR__LABEL_MAX bytes (scanfold.h)";
    else if (t[0] == ' ' || t[k - 1] == ' ' || strstr(t, "  "))
        why = "a label has no space at either end and none doubled";
    for (size_t i = 0; !why && i < k; i++)
        if (t[i] >= 'A' && t[i] <= 'Z')
            why = "a label is written lower-case";
    if (why)
        gen_error(X_LABELS_DEF, line, 1, "\"%s\": %s", t, why);
    return !why;
}

/* sspr-labels.inc: the multiplier of sspr__label_hash that gives every label
 * a slot of its own, and the slots (the label's row in labels.def, or 0xFF). */
int emit_scan_labels(const m_catalog *cat, const char *path)
{
    (void)cat;
    enum { SLOTS = 1 << SSPR__LABEL_BITS, NONE = 0xFF };
    const size_t n = sizeof x_labels / sizeof *x_labels;
    int ok = 1;
    if (n >= NONE) {
        gen_error(X_LABELS_DEF, 0, 0, "%zu labels: a slot holds a row number below %d", n,
                  (int)NONE);
        ok = 0;
    }
    for (size_t i = 0; i < n; i++) {
        ok &= x_label_ok(x_labels[i].text, x_labels[i].line);
        for (size_t j = 0; j < i; j++)
            if (strcmp(x_labels[i].text, x_labels[j].text) == 0) {
                gen_error(X_LABELS_DEF, x_labels[i].line, 1, "label \"%s\" given twice",
                          x_labels[i].text);
                gen_note(X_LABELS_DEF, x_labels[j].line, 1, "first given here");
                ok = 0;
            }
    }
    if (!ok)
        return -1;
    unsigned char slot[SLOTS];
    uint32_t seed = 2654435761u; /* odd multipliers from Knuth's, in order: deterministic */
    for (uint32_t tries = 0;; tries++, seed += 2) {
        if (tries == 1u << 22) {
            gen_error(X_LABELS_DEF, 0, 0,
                      "no multiplier gives each label a slot of its own (%u slots): "
                      "raise SSPR__LABEL_BITS",
                      (unsigned)SLOTS);
            return -1;
        }
        memset(slot, NONE, sizeof slot);
        size_t i = 0;
        for (; i < n; i++) {
            const unsigned char *t = (const unsigned char *)x_labels[i].text;
            unsigned h = sspr__label_hash(t, strlen(x_labels[i].text), seed);
            if (slot[h] != NONE)
                break;
            slot[h] = (unsigned char)i;
        }
        if (i == n)
            break;
    }
    FILE *f = emit_open(path);
    if (!f)
        return -1;
    fprintf(f, emit_banner_fmt, "/*");
    fputs(" * Included once, by src/lib/scan/labels.c: where each label of\n"
          " * src/common/labels.def is found (sspr__label_hash, src/common/scanfold.h). */\n\n",
          f);
    fprintf(f, "#define SSPR__LABEL_SEED %luu\n\n", (unsigned long)seed);
    /* each label's case bits: 0x20 on its letters, eight bytes to a word (p[0]
       lowest), so that (text | fold) equals the label where text is it in
       any case */
    enum { WORDS = (SSPR__LABEL_MAX + 7) / 8 };
    fprintf(f, "static const uint64_t sspr__label_fold[%zu][%d] = {\n", n, (int)WORDS);
    for (size_t i = 0; i < n; i++) {
        const char *t = x_labels[i].text;
        fputs("    {", f);
        for (size_t w = 0; w < WORDS; w++) {
            uint64_t fold = 0;
            for (size_t b = 0; b < 8 && 8 * w + b < strlen(t); b++)
                if (t[8 * w + b] >= 'a' && t[8 * w + b] <= 'z')
                    fold |= (uint64_t)0x20 << (8 * b);
            fprintf(f, "%s0x%016llxu", w ? ", " : "", (unsigned long long)fold);
        }
        fprintf(f, "}, /* %s */\n", t);
    }
    fputs("};\n\n", f);
    x_put_bytes(f, "unsigned char", "sspr__label_slot", slot, SLOTS);
    return emit_close(f, path);
}
