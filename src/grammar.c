/* grammar.c: the built-in grammar's word classes (grammar.h), read once
 * from the embedded dict/english.grammar. Grammar of a line:
 *   line  := [CLASS ':' word*] ['#' comment]
 *   word  := a run of bytes other than blanks, ':' and '#'
 * An unknown class name or a word past a class's room is skipped: the
 * tests check every class against the file. */
#include "grammar.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* generated at build time from dict/ by tools/embed.sh */
extern const char *const dy_builtin_names[];
extern const char *const dy_builtin_data[];
extern const size_t dy_builtin_sizes[];
extern const size_t dy_builtin_count;

/* ORDER GRAMMAR */
static const char *const class_names[DY_G_COUNT] = {
    "FUTURE", "PROMISE", "OBLIGATION", "NORM", "CONDITION", "GUESS", "GUESS_SKIP",
    "PURPOSE", "STOP", "BROKER", "NOT_PEOPLE", "PEOPLE_ENDING", "SUBJECT_PRONOUN",
    "COMPASS", "AT", "AT_NEAR", "WE", "PASSIVE_SKIP", "PREPOSITION", "VERB_GROUP",
    "INTENT_SKIP", "FIRST_PERSON", "FIRST_POSSESSIVE", "OWN_STATE",
    "OWNER_PARTICIPLE", "STANCE_PREFIX", "VERB_PREFIX", "AUX_AFTER_NOUN", "NOUN_ENDING",
    "OBJECT_PREPOSITION", "QUANTIFIER", "ADJECTIVE_ENDING", "COUNT_WORD", "SIDES", "SAYS",
    "PARTICIPLE_PREPOSITION", "REDUCED_AUX", "CLAUSE_OPENER", "DAY_WORD", "REPORTING",
    "PERSONAL_SUBJECT", "INSTITUTION_AGENT", "INSURGENT_AGENT", "ORGAN_AGENT", "STATE_ORGAN_AGENT",
    "SAYING_ROOT", "SUBORDINATOR", "FUTURE_CHAIN", "WISH", "TELLER_CASE", "LICENCE", "ADDRESSEE_CASE", "VENUE_CASE", "MUTUAL_CODE", "INTENT", "SELF", "INQUIRY", "VENUE_FREE_ROOT", "VENUE_BOUND_CODE", "LIGHT",
    "LIGHT_END", "LIGHT_CASE", "LIGHT_MEASURE", "IMPLICATIVE", "PERFORMATIVE", "AIM_CODE", "COPARTY_CASE", "MEASURE_CASE", "NOT_NAME", "AIM_GENERIC", "AIM_CHANGE", "DOCUMENT_NOUN", "ATTRIBUTIVE", "MEANS_GENERIC", "GERUND_ENDING", "VOWEL", "PERSON_AGENT",
    "NEUTER_PRONOUN", "PERSON_PRONOUN", "PLURAL_WORD", "SINGULAR_ENDING", "PRESIDING", "DOMESTIC_ORGAN_AGENT", "FOREIGN_AGENT", "INTERNAL_AGENT", "COURTESY", "CAPTION_CREDIT", "HONORIFIC", "WORDS_ROOT", "OWN_END_ROOT", "STATE_ONLY_AGENT", "PEOPLE_AGENT", "AGENT_FROM_CASE", "PARTNER_CODE", "VISIT_CODE", "TRAVELLER_AGENT", "INTENT_STATE", "INSTRUMENT_CASE",
};

enum { CLASS_ROOM = 128 }; /* words a class may hold: closed sets are small (the
                               light verbs, in all their forms, the largest) */

typedef struct {
    const char *w; /* into the embedded text, not NUL-terminated */
    size_t n;
} gword;

static gword words[DY_G_COUNT][CLASS_ROOM];
static size_t nwords[DY_G_COUNT];
/* per class, bit n: a word of n bytes (n < 64); bit c - 'A' (c - '0' + 26
 * for a digit, 36 for any other byte): a word that starts with c. The
 * coder asks of nearly every word whether it is in some class, and most
 * are turned down by these two bits (linear mode spent a tenth of its
 * instructions comparing words before) */
static uint64_t lens[DY_G_COUNT], firsts[DY_G_COUNT];

static unsigned first_bit(unsigned char c)
{
    c = (unsigned char)toupper(c);
    if (c >= 'A' && c <= 'Z')
        return (unsigned)(c - 'A');
    return c >= '0' && c <= '9' ? 26u + (unsigned)(c - '0') : 36u;
}
static pthread_once_t once = PTHREAD_ONCE_INIT;

static bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

/* Reads one line [p, end) into the table. */
static void read_line(const char *p, const char *end)
{
    const char *hash = memchr(p, '#', (size_t)(end - p));
    if (hash)
        end = hash;
    const char *colon = memchr(p, ':', (size_t)(end - p));
    if (!colon)
        return;
    while (p < colon && blank(*p))
        p++;
    size_t n = (size_t)(colon - p);
    while (n && blank(p[n - 1]))
        n--;
    int c = -1;
    for (int k = 0; k < DY_G_COUNT && c < 0; k++)
        if (strlen(class_names[k]) == n && memcmp(class_names[k], p, n) == 0)
            c = k;
    if (c < 0)
        return;
    for (p = colon + 1; p < end;) {
        while (p < end && blank(*p))
            p++;
        const char *w = p;
        while (p < end && !blank(*p) && *p != ':')
            p++;
        if (p > w && nwords[c] < CLASS_ROOM) {
            words[c][nwords[c]++] = (gword){w, (size_t)(p - w)};
            lens[c] |= (size_t)(p - w) < 64 ? (uint64_t)1 << (p - w) : 0;
            firsts[c] |= (uint64_t)1 << first_bit((unsigned char)*w);
        }
        if (p < end && *p == ':')
            p++;
    }
}

/* Orders words by length, then bytes: dy_grammar_has searches a class in
 * halves (the light verbs' classes hold a hundred words, asked of nearly
 * every verb). */
static int cmp_word(const void *a, const void *b)
{
    const gword *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return memcmp(x->w, y->w, x->n);
}

static void build(void)
{
    static const char suffix[] = ".grammar";
    for (size_t i = 0; i < dy_builtin_count; i++) {
        size_t nl = strlen(dy_builtin_names[i]);
        if (nl < sizeof suffix || strcmp(dy_builtin_names[i] + nl - (sizeof suffix - 1), suffix) != 0)
            continue;
        const char *p = dy_builtin_data[i], *end = p + dy_builtin_sizes[i];
        while (p < end) {
            const char *nlp = memchr(p, '\n', (size_t)(end - p));
            const char *e = nlp ? nlp : end;
            read_line(p, e);
            p = e + 1;
        }
    }
    for (int c = 0; c < DY_G_COUNT; c++)
        qsort(words[c], nwords[c], sizeof words[c][0], cmp_word);
}

bool dy_grammar_has(dy_gclass c, const char *w, size_t n)
{
    pthread_once(&once, build);
    if ((unsigned)c >= DY_G_COUNT || n == 0 || n >= 64 || !(lens[c] >> n & 1)
        || !(firsts[c] >> first_bit((unsigned char)w[0]) & 1))
        return false;
    char up[64]; /* the file's words are upper case */
    for (size_t i = 0; i < n; i++)
        up[i] = (char)toupper((unsigned char)w[i]);
    gword key = {up, n};
    return bsearch(&key, words[c], nwords[c], sizeof words[c][0], cmp_word) != NULL;
}

bool dy_grammar_tok(dy_gclass c, const dy_token *t)
{
    return dy_grammar_has(c, t->w, t->wl);
}

bool dy_grammar_ends_in(dy_gclass c, const char *w, size_t n)
{
    pthread_once(&once, build);
    if ((unsigned)c >= DY_G_COUNT)
        return false;
    for (size_t k = 0; k < nwords[c]; k++) {
        const gword *g = &words[c][k];
        if (n > g->n && strncasecmp(w + n - g->n, g->w, g->n) == 0)
            return true;
    }
    return false;
}

bool dy_grammar_ends(dy_gclass c, const dy_token *t)
{
    return dy_grammar_ends_in(c, t->w, t->wl);
}

size_t dy_grammar_size(dy_gclass c)
{
    pthread_once(&once, build);
    return (unsigned)c < DY_G_COUNT ? nwords[c] : 0;
}
