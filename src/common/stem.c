/* Search terms (see stem.h). Compiled into both the generator and the library:
 * a term the index holds and a term a query asks for come from this one file. */
#include "stem.h"

#include "lex.h"

#include <string.h>

/* ---- stop words ------------------------------------------------------------
 * Function words that say nothing about an entry. Negations and words such as
 * "after", "never", "off" stay: "never arrives", "after adding a forest". */
static const char *const stopwords[] = {
    "a",    "about", "all",   "also",  "am",      "an",    "and",   "any",   "are",    "as",
    "at",   "be",    "been",  "being", "both",    "but",   "by",    "can",   "cant",   "could",
    "did",  "didnt", "do",    "does",  "doesnt",  "doing", "dont",  "each",  "either", "etc",
    "for",  "from",  "get",   "gets",  "getting", "got",   "had",   "has",   "have",   "having",
    "he",   "her",   "here",  "him",   "his",     "how",   "i",     "ie",    "if",     "in",
    "into", "is",    "isnt",  "it",    "its",     "just",  "me",    "my",    "of",     "on",
    "or",   "our",   "she",   "so",    "some",    "such",  "than",  "that",  "the",    "their",
    "them", "then",  "there", "these", "they",    "this",  "those", "to",    "too",    "us",
    "very", "was",   "wasnt", "we",    "were",    "what",  "when",  "where", "which",  "while",
    "who",  "why",   "will",  "with",  "would",   "you",   "your",
};

int sspr__is_stopword(const char *w, size_t n)
{
    size_t lo = 0, hi = sizeof stopwords / sizeof *stopwords;
    while (lo < hi) { /* the list is sorted */
        size_t mid = (lo + hi) / 2;
        const char *s = stopwords[mid];
        size_t i = 0;
        while (i < n && s[i] == w[i]) /* strncmp, inline: the words are short */
            i++;
        int c = i < n ? (unsigned char)s[i] - (unsigned char)w[i] : s[n] != '\0';
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ---- Porter's stemmer ------------------------------------------------------
 * M. F. Porter, "An algorithm for suffix stripping", 1980, steps 1a to 5b, on
 * a lower-case ASCII word b[0..k] (k the index of the last letter). */

typedef struct {
    char *b;
    int k, j; /* j: end of the stem when a suffix matched */
} stemmer;

static int stem_cons(const stemmer *z, int i)
{
    switch (z->b[i]) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u': return 0;
    case 'y': return i == 0 ? 1 : !stem_cons(z, i - 1);
    default: return 1;
    }
}

/* The measure m of b[0..j]: the number of vowel-consonant sequences. */
static int stem_m(const stemmer *z)
{
    int n = 0, i = 0;
    for (;; i++) {
        if (i > z->j)
            return n;
        if (!stem_cons(z, i))
            break;
    }
    for (i++;;) {
        for (;; i++) {
            if (i > z->j)
                return n;
            if (stem_cons(z, i))
                break;
        }
        i++;
        n++;
        for (;; i++) {
            if (i > z->j)
                return n;
            if (!stem_cons(z, i))
                break;
        }
        i++;
    }
}

static int stem_vowel_in_stem(const stemmer *z)
{
    for (int i = 0; i <= z->j; i++)
        if (!stem_cons(z, i))
            return 1;
    return 0;
}

static int stem_doublec(const stemmer *z, int i)
{
    return i >= 1 && z->b[i] == z->b[i - 1] && stem_cons(z, i);
}

/* consonant-vowel-consonant ending at i, the last not w, x or y: "hop", "fil" */
static int stem_cvc(const stemmer *z, int i)
{
    if (i < 2 || !stem_cons(z, i) || stem_cons(z, i - 1) || !stem_cons(z, i - 2))
        return 0;
    return z->b[i] != 'w' && z->b[i] != 'x' && z->b[i] != 'y';
}

/* Does the word end in suffix s (n letters)? Then j marks where the stem ends.
 * The last letters are compared first: most suffixes differ there. */
static int stem_ends_n(stemmer *z, const char *s, int n)
{
    if (n > z->k + 1 || s[n - 1] != z->b[z->k])
        return 0;
    const char *w = z->b + z->k - n + 1;
    for (int i = n - 2; i >= 0; i--)
        if (w[i] != s[i])
            return 0;
    z->j = z->k - n;
    return 1;
}

#define stem_ends(z, lit) stem_ends_n((z), (lit), (int)sizeof(lit) - 1)

static void stem_setto(stemmer *z, const char *s)
{
    int n = (int)strlen(s);
    memcpy(z->b + z->j + 1, s, (size_t)n);
    z->k = z->j + n;
}

static void stem_r(stemmer *z, const char *s)
{
    if (stem_m(z) > 0)
        stem_setto(z, s);
}

static void stem_step1ab(stemmer *z)
{
    if (z->b[z->k] == 's') {
        if (stem_ends(z, "sses"))
            z->k -= 2;
        else if (stem_ends(z, "ies"))
            stem_setto(z, "i");
        else if (z->k >= 1 && z->b[z->k - 1] != 's')
            z->k--;
    }
    if (stem_ends(z, "eed")) {
        if (stem_m(z) > 0)
            z->k--;
        return;
    }
    if (!((stem_ends(z, "ed") || stem_ends(z, "ing")) && stem_vowel_in_stem(z)))
        return;
    z->k = z->j;
    if (stem_ends(z, "at"))
        stem_setto(z, "ate");
    else if (stem_ends(z, "bl"))
        stem_setto(z, "ble");
    else if (stem_ends(z, "iz"))
        stem_setto(z, "ize");
    else if (stem_doublec(z, z->k)) {
        char c = z->b[z->k];
        if (c != 'l' && c != 's' && c != 'z')
            z->k--;
    } else {
        z->j = z->k;
        if (stem_m(z) == 1 && stem_cvc(z, z->k))
            stem_setto(z, "e");
    }
}

static void stem_step1c(stemmer *z)
{
    if (stem_ends(z, "y") && stem_vowel_in_stem(z))
        z->b[z->k] = 'i';
}

/* A suffix and its length, known at compile time. */
typedef struct {
    const char *s;
    int n;
} suffix;

#define SUFFIX(lit)                                                                                \
    {                                                                                              \
        lit, (int)sizeof(lit) - 1                                                                  \
    }

typedef struct {
    suffix from;
    const char *to;
} suffix_rule;

#define RULE(from, to)                                                                             \
    {                                                                                              \
        SUFFIX(from), to                                                                           \
    }

static void stem_rules(stemmer *z, const suffix_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (stem_ends_n(z, rules[i].from.s, rules[i].from.n)) {
            stem_r(z, rules[i].to);
            return;
        }
}

static void stem_step2(stemmer *z)
{
    static const suffix_rule rules[] = {
        RULE("ational", "ate"), RULE("tional", "tion"), RULE("enci", "ence"),
        RULE("anci", "ance"),   RULE("izer", "ize"),    RULE("bli", "ble"),
        RULE("alli", "al"),     RULE("entli", "ent"),   RULE("eli", "e"),
        RULE("ousli", "ous"),   RULE("ization", "ize"), RULE("ation", "ate"),
        RULE("ator", "ate"),    RULE("alism", "al"),    RULE("iveness", "ive"),
        RULE("fulness", "ful"), RULE("ousness", "ous"), RULE("aliti", "al"),
        RULE("iviti", "ive"),   RULE("biliti", "ble"),  RULE("logi", "log"),
    };
    if (z->k >= 1)
        stem_rules(z, rules, sizeof rules / sizeof *rules);
}

static void stem_step3(stemmer *z)
{
    static const suffix_rule rules[] = {
        RULE("icate", "ic"), RULE("ative", ""), RULE("alize", "al"), RULE("iciti", "ic"),
        RULE("ical", "ic"),  RULE("ful", ""),   RULE("ness", ""),
    };
    stem_rules(z, rules, sizeof rules / sizeof *rules);
}

static void stem_step4(stemmer *z)
{
    /* tried in this order: where two end the word ("ement", "ment", "ent"), the
       longer comes first */
    static const suffix suffixes[] = {
        SUFFIX("al"),   SUFFIX("ance"), SUFFIX("ence"), SUFFIX("er"),    SUFFIX("ic"),
        SUFFIX("able"), SUFFIX("ible"), SUFFIX("ant"),  SUFFIX("ement"), SUFFIX("ment"),
        SUFFIX("ent"),  SUFFIX("ion"),  SUFFIX("ou"),   SUFFIX("ism"),   SUFFIX("ate"),
        SUFFIX("iti"),  SUFFIX("ous"),  SUFFIX("ive"),  SUFFIX("ize"),
    };
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        if (!stem_ends_n(z, suffixes[i].s, suffixes[i].n))
            continue;
        if (strcmp(suffixes[i].s, "ion") == 0 &&
            !(z->j >= 0 && (z->b[z->j] == 's' || z->b[z->j] == 't')))
            return;
        if (stem_m(z) > 1)
            z->k = z->j;
        return;
    }
}

static void stem_step5(stemmer *z)
{
    z->j = z->k; /* both rules measure the whole word, as Porter's own code does */
    if (z->b[z->k] == 'e') {
        int a = stem_m(z);
        if (a > 1 || (a == 1 && !stem_cvc(z, z->k - 1)))
            z->k--;
    }
    if (z->b[z->k] == 'l' && stem_doublec(z, z->k) && stem_m(z) > 1)
        z->k--;
}

/* Words mapped before stemming, so that forms Porter's rules keep apart meet:
 * British and American spellings, and derivations whose stems differ
 * ("registration" -> "registr", but "register" -> "regist"). A replacement is
 * never longer than its word. */
static const suffix_rule spellings[] = {
    RULE("categorise", "categorize"),     RULE("customised", "customized"),
    RULE("licence", "license"),           RULE("licenced", "licensed"),
    RULE("licences", "licenses"),         RULE("recognised", "recognized"),
    RULE("registration", "register"),     RULE("registrations", "registers"),
    RULE("unrecognised", "unrecognized"),
};

size_t sspr__stem(char *w, size_t n)
{
    for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++) {
        const suffix *from = &spellings[i].from;
        if ((size_t)from->n == n && memcmp(from->s, w, n) == 0) {
            size_t to = strlen(spellings[i].to);
            memcpy(w, spellings[i].to, to + 1);
            n = to;
            break;
        }
    }
    if (n <= 2)
        return n;
    stemmer z = {w, (int)n - 1, 0};
    stem_step1ab(&z);
    if (z.k > 0) {
        stem_step1c(&z);
        stem_step2(&z);
        stem_step3(&z);
        stem_step4(&z);
        stem_step5(&z);
    }
    w[z.k + 1] = '\0';
    return (size_t)z.k + 1;
}

/* ---- tokenizer ------------------------------------------------------------ */

static int tok_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int tok_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int tok_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

/* An apostrophe at p (ASCII, or a typographic single quote: lex.h), and its
 * length in bytes; 0 otherwise. */
static size_t tok_apostrophe(const unsigned char *p, const unsigned char *end)
{
    size_t len;
    if (p < end && *p == '\'')
        return 1;
    return p < end && sspr__typo_at(p, (size_t)(end - p), &len) == SSPR__TY_QUOTE ? len : 0;
}

void sspr__tokens_init(sspr__tokens *t, const char *text, size_t len)
{
    memset(t, 0, sizeof *t);
    t->p = t->begin = (const unsigned char *)text;
    t->end = t->p + (text ? len : 0);
    t->joined_done = 1;
}

/* ---- renamed products --------------------------------------------------------
 * Microsoft renamed Azure AD (Azure Active Directory) to Microsoft Entra ID in
 * 2023, Azure AD Connect to Microsoft Entra Connect, and its synchronization
 * service, which the event log and the services list call ADSync, is
 * "Microsoft Azure AD Sync". Each name is read as one canonical spelling, the
 * one the 2017 article writes (most of the catalogue's text), so that the index
 * and a query get the same terms whichever name they use; a name followed by
 * another name of the same product in brackets, as the catalogue gives the old
 * name beside the current one ("Microsoft Entra Connect (Azure AD Connect)"),
 * is read as the product once. Written in lower case, one space between words;
 * a name is tried in this order, so one that begins with another comes first.
 *
 * The service's short name, the word ADSync, is read as "Azure AD Sync" too:
 * "restart the ADSync service" asks what "restart the Azure AD Sync service"
 * asks. ADSync is also the event source of every ADSync entry, and a source is
 * an identifier weighted like a code: read as the service's name it would add
 * "azure ad sync" to every ADSync event, and a question about the service
 * would rank the source's events above the procedure it asks for. So an
 * entry's source is never read here: the generator indexes it through
 * sspr__source_term() below, as the one word "adsync", which no word of a
 * text reaches (the word ADSync standing alone reads as the service; only a
 * compound such as an entry id, "adsync-6800", keeps it). What finds a
 * source's events is a code query ("ADSync 6329"), which lookup and the
 * evidence of codes in the text (lex.h) read with their source. */
static const struct {
    const char *name, *canonical;
} products[] = {
    {"microsoft entra connect sync", "Azure AD Sync"},
    {"microsoft azure ad sync", "Azure AD Sync"},
    {"azure ad connect sync", "Azure AD Sync"},
    {"entra connect sync", "Azure AD Sync"},
    {"adsync", "Azure AD Sync"},
    {"microsoft entra connect", "Azure AD Connect"},
    {"azure active directory connect", "Azure AD Connect"},
    {"entra connect", "Azure AD Connect"},
    {"aad connect", "Azure AD Connect"},
    {"aadconnect", "Azure AD Connect"},
    {"microsoft entra id", "Azure AD"},
    {"azure active directory", "Azure AD"},
    {"entra id", "Azure AD"},
    {"aad", "Azure AD"},
};

static int tok_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The length of product name `name` at p (a word start), or 0: its words in any
 * case, any run of white space between them, and no word character after it
 * (nor a joiner or apostrophe before one: "Azure AD-joined" is another word). */
static size_t tok_product_at(const unsigned char *p, const unsigned char *end, const char *name)
{
    const unsigned char *q = p;
    for (const char *s = name; *s; s++) {
        if (*s == ' ') {
            if (q >= end || !tok_space(*q))
                return 0;
            while (q < end && tok_space(*q))
                q++;
        } else if (q >= end || (tok_upper(*q) ? *q - 'A' + 'a' : *q) != *s) {
            return 0;
        } else {
            q++;
        }
    }
    if (q < end) {
        size_t skip = tok_apostrophe(q, end);
        if (!skip && (*q == '-' || *q == '_'))
            skip = 1;
        if (tok_alnum(*q) || (skip && q + skip < end && tok_alnum(q[skip])))
            return 0;
    }
    return (size_t)(q - p);
}

/* The length of a product name at p, or 0; *canonical its canonical name. */
static size_t tok_product(const unsigned char *p, const unsigned char *end, const char **canonical)
{
    for (size_t i = 0; i < sizeof products / sizeof *products; i++) {
        size_t n = tok_product_at(p, end, products[i].name);
        if (n) {
            *canonical = products[i].canonical;
            return n;
        }
    }
    return 0;
}

/* The length of " (other name)" at p when the name in brackets is the same
 * product as canonical (another of its names, or canonical itself), else 0:
 * "Microsoft Entra Connect (Azure AD Connect)", the catalogue's way of giving
 * the old name beside the current one, reads as the product once, with the
 * terms and term pairs of the one name. */
static size_t tok_product_aside(const unsigned char *p, const unsigned char *end,
                                const char *canonical)
{
    const unsigned char *q = p;
    const char *other = "";
    char lower[32];
    size_t i = 0;
    for (; canonical[i] && i + 1 < sizeof lower; i++)
        lower[i] = (char)(tok_upper(canonical[i]) ? canonical[i] - 'A' + 'a' : canonical[i]);
    lower[i] = '\0';
    while (q < end && tok_space(*q))
        q++;
    if (q >= end || *q != '(')
        return 0;
    q++;
    size_t n = tok_product_at(q, end, lower);
    if (!n && (n = tok_product(q, end, &other)) != 0 && strcmp(other, canonical) != 0)
        n = 0;
    if (!n || q + n >= end || q[n] != ')')
        return 0;
    return (size_t)(q + n + 1 - p);
}

/* At the start of a word of the text: when a product name begins there, reads
 * its canonical name instead, then the text after it (and after its other
 * name in brackets, when one follows). */
static void tok_products(sspr__tokens *t)
{
    int c = *t->p | 0x20;
    const char *canonical;
    if (t->resume || (c != 'a' && c != 'e' && c != 'm') ||
        (t->p > t->begin && tok_alnum(t->p[-1]))) /* a word cut at SSPR__COMPOUND_MAX */
        return;
    size_t n = tok_product(t->p, t->end, &canonical);
    if (!n)
        return;
    n += tok_product_aside(t->p + n, t->end, canonical);
    t->resume = t->p + n;
    t->resume_end = t->end;
    t->p = (const unsigned char *)canonical;
    t->end = t->p + strlen(canonical);
}

/* Reads the next compound into t->buf and splits it into parts; 0 at the end. */
static int tok_read_compound(sspr__tokens *t)
{
    for (;;) {
        while (t->p < t->end && !tok_alnum(*t->p))
            t->p++;
        if (t->p < t->end || !t->resume)
            break;
        t->p = t->resume; /* the canonical name is read: back to the text */
        t->end = t->resume_end;
        t->resume = t->resume_end = NULL;
    }
    if (t->p >= t->end)
        return 0;
    tok_products(t);
    size_t n = 0;
    while (t->p < t->end && n < sizeof t->buf) {
        unsigned char c = *t->p;
        if (tok_alnum(c)) {
            t->buf[n++] = (char)c;
            t->p++;
            continue;
        }
        /* joiners and apostrophes count only between word characters */
        size_t ap = tok_apostrophe(t->p, t->end);
        size_t skip = ap ? ap : ((c == '-' || c == '_') ? 1 : 0);
        if (!skip || t->p + skip >= t->end || !tok_alnum(t->p[skip]) || n == 0)
            break;
        if (!ap)
            t->buf[n++] = '-';
        t->p += skip;
    }
    /* parts: split at '-' and at CamelCase boundaries ("ADUser" -> AD|User) */
    t->nparts = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        int cut = i == n || t->buf[i] == '-';
        int camel = !cut && i > start &&
                    ((tok_lower(t->buf[i - 1]) && tok_upper(t->buf[i])) ||
                     (i + 1 < n && tok_upper(t->buf[i - 1]) && tok_upper(t->buf[i]) &&
                      tok_lower(t->buf[i + 1])));
        if (!cut && !camel)
            continue;
        if (i > start && t->nparts < SSPR__PARTS_MAX) {
            t->part_at[t->nparts] = (unsigned char)start;
            t->part_len[t->nparts] = (unsigned char)(i - start);
            t->nparts++;
        }
        start = cut ? i + 1 : i;
    }
    t->next_part = 0;
    t->joined_done = t->nparts < 2;
    return 1;
}

/* Lower-cases, drops a "0x" prefix, filters stop words and stems raw[0..n). */
static size_t tok_finish(const char *raw, size_t n, char *out)
{
    if (n > SSPR__TERM_MAX)
        n = SSPR__TERM_MAX;
    int digit = 0;
    for (size_t i = 0; i < n; i++) {
        char c = raw[i];
        out[i] = (char)(tok_upper(c) ? c - 'A' + 'a' : c);
        digit |= c >= '0' && c <= '9';
    }
    out[n] = '\0';
    if (n > 2 && out[0] == '0' && out[1] == 'x') {
        int hex = 1;
        for (size_t i = 2; i < n; i++)
            hex &= (out[i] >= '0' && out[i] <= '9') || (out[i] >= 'a' && out[i] <= 'f');
        if (hex) {
            memmove(out, out + 2, n - 1);
            n -= 2;
        }
    }
    if (sspr__is_stopword(out, n))
        return 0;
    return digit ? n : sspr__stem(out, n);
}

size_t sspr__source_term(const char *name, char *out)
{
    /* the name as one word (no CamelCase parts: "PasswordResetService" would
       add "reset" to 40 entries), and not through tok_products: see products */
    return tok_finish(name, strlen(name), out);
}

size_t sspr__tokens_next(sspr__tokens *t, char *out)
{
    for (;;) {
        if (t->next_part < t->nparts) {
            unsigned i = t->next_part++;
            size_t n = tok_finish(t->buf + t->part_at[i], t->part_len[i], out);
            if (n)
                return n;
            continue;
        }
        if (!t->joined_done) {
            t->joined_done = 1;
            char joined[SSPR__COMPOUND_MAX];
            size_t n = 0;
            for (unsigned i = 0; i < t->nparts; i++) {
                memcpy(joined + n, t->buf + t->part_at[i], t->part_len[i]);
                n += t->part_len[i];
            }
            n = tok_finish(joined, n, out);
            if (n)
                return n;
            continue;
        }
        if (!tok_read_compound(t))
            return 0;
    }
}
