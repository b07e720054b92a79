/* tree.c: the tagger's and parser's tree over the coder's tokens. */
#include "tree.h"
#include "dict.h"
#include "grammar.h"
#include "syntax.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The byte ranges of the capitalised words of the actors' own phrases
 * (their agents left out: "Chinese" of "Chinese foreign ministry", not
 * "ministry"), in order. */
static size_t name_ranges(const dy_sent *s, uint32_t (*r)[2])
{
    size_t n = 0;
    for (int i = 0; i < s->n; i++) {
        const dy_ptok *t = &s->tok[i];
        if (t->unit_in < 0 || !t->t.cap)
            continue;
        const dy_unit *u = &s->unit[t->unit_in];
        int a = u->atok, end = a >= 0 && s->tok[a].last >= a ? s->tok[a].last : a;
        if (u->dead || u->pronoun || i < a || i > end)
            continue;
        r[n][0] = t->t.off;
        r[n][1] = t->t.off + t->t.len;
        n++;
    }
    return n;
}

/* The word that holds byte off, from *j on (tokens are asked in order);
 * -1 when off falls between words. */
static long word_at(const dy_tree *t, uint32_t off, size_t *j)
{
    while (*j < t->n && t->w[*j].start + t->w[*j].len <= off)
        ++*j;
    return *j < t->n && t->w[*j].start <= off ? (long)*j : -1;
}

int dy_tree_parse(dy_tree *t, dy_parser *p, const dy_sent *s, const char *text, size_t len, dy_arena *a)
{
    dy_error err;
    uint32_t (*r)[2] = dy_arena_alloc(a, ((size_t)s->n + 1) * sizeof *r);
    long *tw = dy_arena_alloc(a, ((size_t)s->n + 1) * sizeof *tw);
    if (!r || !tw)
        return -1;
    dy_status st = dy_parse_text_names(p, text, len, (const uint32_t (*)[2])r, name_ranges(s, r), &t->w, &t->n, &err);
    if (st == DY_ERR_NOMEM)
        return -1;
    if (st != DY_OK)
        t->n = 0;
    size_t j = 0;
    for (int i = 0; i < s->n; i++)
        tw[i] = word_at(t, s->tok[i].t.off, &j);
    t->tok_word = tw;
    t->ntok = s->n;
    return st == DY_OK ? 0 : 1;
}

/* A verb or an auxiliary ("has", "was"): the tags that may head a verb
 * phrase the dictionaries name. */
static bool verbal(const dy_word *w)
{
    return strcmp(w->upos, "VERB") == 0 || strcmp(w->upos, "AUX") == 0;
}

/* Is word k (0-based) an apposition or inside one? */
static bool in_appos(const dy_tree *t, size_t k)
{
    for (size_t steps = 0; steps <= t->n; steps++) { /* a tree has no cycle; bound it anyway */
        if (strcmp(t->w[k].deprel, "appos") == 0)
            return true;
        if (t->w[k].head == 0)
            return false;
        k = (size_t)t->w[k].head - 1;
    }
    return false;
}

/* Is word k a main predicate: the root, or when the root is no verb
 * ("Thursday, United States forces killed ..." parsed with the day as the
 * root), a verb the root governs directly? */
static bool main_predicate(const dy_tree *t, size_t k)
{
    const dy_word *w = &t->w[k];
    if (w->head == 0)
        return true;
    const dy_word *r = &t->w[w->head - 1];
    return r->head == 0 && !verbal(r) && verbal(w);
}

/* Is word k a main predicate or its subject or object? The clause that
 * holds it is the main clause, which no comma may cut away. */
static bool main_clause(const dy_tree *t, size_t k)
{
    static const char *const core[] = {"nsubj", "nsubj:pass", "csubj", "obj", "iobj", NULL};
    const dy_word *w = &t->w[k];
    if (main_predicate(t, k))
        return true;
    if (w->head == 0 || !main_predicate(t, (size_t)w->head - 1))
        return false;
    for (int i = 0; core[i]; i++)
        if (strcmp(w->deprel, core[i]) == 0)
            return true;
    return false;
}

bool dy_tree_keep(const dy_tree *t, const dy_sent *s, bool *keep)
{
    bool changes = false;
    for (int i = 0; i < s->n; i++) {
        long k = dy_tree_word(t, i);
        keep[i] = k >= 0 && (in_appos(t, (size_t)k) || main_clause(t, (size_t)k));
        changes |= keep[i] && s->tok[i].del;
    }
    return changes;
}

/* Is any word of tokens i..last (a dictionary phrase: "firmly support",
 * "no longer supply") tagged a verb? Word j holds token i's first byte. */
static bool has_verb(const dy_tree *t, const dy_sent *s, int i, size_t j)
{
    const dy_token *last = &s->tok[s->tok[i].last].t;
    for (; j < t->n && t->w[j].start < last->off + last->len; j++)
        if (verbal(&t->w[j]))
            return true;
    return false;
}

/* Does word k read as a noun phrase's head: a determiner, possessive,
 * adjective, number or noun before it ("a large supply", "the talks",
 * "water supply")? A tag alone is not enough: the tagger takes verbs for
 * nouns in news's short clauses ("security forces shot protesters", "would
 * no longer supply weapons"), and such a word has none of these. */
static bool nominal(const dy_tree *t, size_t k)
{
    static const char *const mods[] = {"det", "nmod:poss", "amod", "nummod", "compound", NULL};
    for (size_t i = 0; i < t->n; i++)
        if ((size_t)t->w[i].head == k + 1)
            for (int m = 0; mods[m]; m++)
                if (strcmp(t->w[i].deprel, mods[m]) == 0)
                    return true;
    /* a conjunct shares its first noun's determiner ("his background,
     * positions, and campaign") */
    const dy_word *w = &t->w[k];
    return strcmp(w->deprel, "conj") == 0 && w->head > 0 && !verbal(&t->w[w->head - 1])
           && nominal(t, (size_t)w->head - 1);
}

static int own_unit(const dy_tree *t, const dy_sent *s, long w, int not_u);
static bool unit_in(const dy_tree *t, const dy_sent *s, long a, int u);

/* Does the noun k name its doer as an actor: a possessive ("Xi Jinping's
 * talks with Hussain", "Russia's attack on Ukraine") or a "by" phrase
 * ("the expulsion of diplomats by Russia")? Then it is an event noun. */
static bool doer_named(const dy_tree *t, const dy_sent *s, size_t k)
{
    for (size_t i = 0; i < t->n; i++) {
        const dy_word *w = &t->w[i];
        if ((size_t)w->head != k + 1 || own_unit(t, s, (long)i, -1) < 0)
            continue;
        if (strcmp(w->deprel, "nmod:poss") == 0)
            return true;
        if (strcmp(w->deprel, "nmod") == 0)
            for (size_t c = 0; c < t->n; c++)
                if ((size_t)t->w[c].head == i + 1 && strcmp(t->w[c].deprel, "case") == 0 && t->w[c].len == 2
                    && toupper((unsigned char)s->text[t->w[c].start]) == 'B'
                    && toupper((unsigned char)s->text[t->w[c].start + 1]) == 'Y')
                    return true;
    }
    return false;
}

/* Is word k an adjective on the noun right after it, or the one after
 * that ("free textbooks", "free and fair elections")? For a verb of one
 * word: a phrase the dictionaries name ("committed genocide") is a verb
 * whatever its tags. Not an -ing form:
 * the tagger takes gerunds for adjectives ("normalizing relations"). */
static bool adjectival(const dy_tree *t, const dy_sent *s, size_t k)
{
    const dy_word *w = &t->w[k];
    long h = (long)w->head - 1;
    return strcmp(w->upos, "ADJ") == 0 && strcmp(w->deprel, "amod") == 0 && h > (long)k && h <= (long)k + 2
           && !dy_grammar_ends_in(DY_G_GERUND_ENDING, s->text + w->start, w->len);
}

static bool rel_in(const dy_word *w, const char *const *rels);
static long child(const dy_tree *t, long h, const char *rel);

/* Is word k a noun inside a noun phrase that goes on after it: a noun
 * modifier of a later noun, after a word that modifies the same noun or
 * k ("Sergeant Aldea supply vessel", "a mosque murder suspect"; not "to
 * resume negotiations", "Sweden and the EU demand respect", whose verbs
 * the tagger took for nouns)? */
static bool noun_modifier(const dy_tree *t, size_t k)
{
    static const char *const mods[] = {"compound", "amod", "det", "nmod:poss", "nummod", "flat", NULL};
    const dy_word *w = &t->w[k];
    if (k == 0 || strcmp(w->deprel, "compound") != 0 || (size_t)w->head <= k + 1 || verbal(w))
        return false;
    /* a "noun" heading a clause is a misparse ("demanded that Belarus
     * release political prisoners": "release" a compound of "prisoners") */
    static const char *const clauses[] = {"ccomp", "advcl", "xcomp", "csubj", "acl", NULL};
    long h = w->head - 1;
    if (rel_in(&t->w[h], clauses) || child(t, h, "mark") >= 0 || child(t, h, "aux") >= 0)
        return false;
    const dy_word *p = &t->w[k - 1];
    return rel_in(p, mods) && (p->head == w->head || (size_t)p->head == k + 1);
}

void dy_tree_verbs(const dy_tree *t, dy_sent *s)
{
    for (int i = 0; i < s->n; i++) {
        dy_ptok *p = &s->tok[i];
        long k = dy_tree_word(t, i);
        if (k < 0 || p->type != DY_T_VERB || p->head != i || has_verb(t, s, i, (size_t)k)
            || !(nominal(t, (size_t)k) || (p->last == i && (adjectival(t, s, (size_t)k) || noun_modifier(t, (size_t)k))))
            || doer_named(t, s, (size_t)k))
            continue;
        for (int m = i; m <= p->last && m < s->n; m++)
            s->tok[m].type = DY_T_NONE;
    }
}

/* The word of the dictionary verb at token tok, -1 when there is none. */
static long verb_word(const dy_tree *t, const dy_sent *s, int tok)
{
    return tok >= 0 && tok < s->n && s->tok[tok].last >= tok ? dy_tree_word(t, tok) : -1;
}

bool dy_tree_tagged_verb(const dy_tree *t, const dy_sent *s, int tok)
{
    long k = verb_word(t, s, tok);
    return k >= 0 && has_verb(t, s, tok, (size_t)k);
}

bool dy_tree_argument_noun(const dy_tree *t, const dy_sent *s, int tok)
{
    static const char *const args[] = {"nsubj", "obj", "iobj", "obl", "nmod", NULL};
    long k = verb_word(t, s, tok);
    if (k < 0 || has_verb(t, s, tok, (size_t)k))
        return false;
    /* a conjunct of a noun: "sparked riots and looting" */
    for (size_t steps = 0; steps < t->n && strcmp(t->w[k].deprel, "conj") == 0 && t->w[k].head > 0
                           && !verbal(&t->w[t->w[k].head - 1]); steps++)
        k = t->w[k].head - 1;
    /* with its subtypes: "obl:tmod", "nmod:poss" */
    const char *rel = t->w[k].deprel;
    size_t n = strcspn(rel, ":");
    for (int a = 0; args[a]; a++)
        if (strlen(args[a]) == n && strncmp(rel, args[a], n) == 0)
            return true;
    return false;
}

bool dy_tree_verb_governs(const dy_tree *t, const dy_sent *s, int first, int last, int u)
{
    for (int i = first; i <= last && i < s->n; i++) {
        long k = dy_tree_word(t, i);
        if (k < 0)
            continue;
        /* an auxiliary or particle of the verb's words: its head's */
        const dy_word *w = &t->w[k];
        if (w->head > 0 && (strncmp(w->deprel, "aux", 3) == 0 || strcmp(w->deprel, "cop") == 0
                            || strcmp(w->deprel, "compound:prt") == 0))
            k = w->head - 1;
        if (dy_tree_in_clause(t, s, k, u)) /* a participle's noun too */
            return true;
    }
    return false;
}

bool dy_tree_event_noun(const dy_tree *t, const dy_sent *s, int tok)
{
    long k = verb_word(t, s, tok);
    return k >= 0 && !has_verb(t, s, tok, (size_t)k) && nominal(t, (size_t)k) && doer_named(t, s, (size_t)k);
}

bool dy_tree_noun_target(const dy_tree *t, const dy_sent *s, long k, int u)
{
    if (k < 0 || u < 0 || u >= s->nunit || !unit_in(t, s, k, u))
        return false;
    for (size_t i = 0; i < t->n; i++)
        if ((long)t->w[i].head == k + 1 && strcmp(t->w[i].deprel, "nmod:poss") == 0 && unit_in(t, s, (long)i, u))
            return false;
    return true;
}

long dy_tree_word(const dy_tree *t, int tok)
{
    return tok < 0 || tok >= t->ntok ? -1 : t->tok_word[tok];
}

/* Is word w's relation one of rels (NULL-ended)? */
static bool rel_in(const dy_word *w, const char *const *rels)
{
    for (int r = 0; rels[r]; r++)
        if (strcmp(w->deprel, rels[r]) == 0)
            return true;
    return false;
}

static bool subject_rel(const dy_word *w)
{
    return strcmp(w->deprel, "nsubj") == 0 || strcmp(w->deprel, "nsubj:pass") == 0;
}

/* Has verb v the infinitive marker ("to protest")? */
static bool infinitive(const dy_tree *t, long v)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->w[i].head == v + 1 && strcmp(t->w[i].xpos, "TO") == 0)
            return true;
    return false;
}

/* The subject of verb v; when the parser gave it two, the nearest before
 * it: the second is most often the object misread ("James Baker
 * telephoned Soviet Foreign Minister Alexander Bessmertnykh"). */
static long subject_of(const dy_tree *t, long v, bool *passive)
{
    long best = -1;
    for (size_t i = 0; i < t->n; i++) {
        if (t->w[i].head != v + 1 || !subject_rel(&t->w[i]))
            continue;
        bool before = (long)i < v, best_before = best >= 0 && best < v;
        if (best < 0 || (before && !best_before) || (before == best_before && labs((long)i - v) < labs(best - v)))
            best = (long)i;
    }
    if (best >= 0)
        *passive = strcmp(t->w[best].deprel, "nsubj:pass") == 0;
    return best;
}

long dy_tree_subject(const dy_tree *t, long v, bool *passive)
{
    bool controlled = false; /* an open complement's subject acts in it */
    for (size_t steps = 0; v >= 0 && steps < t->n; steps++) {
        long sb = subject_of(t, v, passive);
        const dy_word *w = &t->w[v];
        if (sb >= 0) {
            *passive = *passive && !controlled; /* "is scheduled to attend" */
            return sb;
        }
        /* a present participle before a noun has that noun as its doer
         * ("interrupted by protesting legislators") */
        if (strcmp(w->deprel, "amod") == 0 && w->head > 0 && strcmp(w->xpos, "VBG") == 0 && verbal(w)) {
            *passive = false;
            return w->head - 1;
        }
        /* so does the parser's finite verb hung on its subject as a clause
         * on a noun ("when several thousand people rallied ..."; often a
         * past participle tagged a past tense: "the violations committed
         * in Syria", whose noun names no actor either). Not a present
         * participle: "the Assembly adopted a resolution condemning
         * Russia" is the Assembly's, "Australia proved a true neighbour,
         * promptly delivering every assistance" Australia's (tried: 159
         * events fewer on the UN speeches, one in six of them right) */
        if (strcmp(w->deprel, "acl") == 0 && w->head > 0 && verbal(w)
            && strcmp(w->xpos, "VBD") == 0) {
            *passive = false;
            return w->head - 1;
        }
        /* an infinitive of purpose ("rallied in Washington to protest the
         * results") has its governing verb's subject */
        bool purpose = strcmp(w->deprel, "advcl") == 0 && infinitive(t, v);
        if (w->head == 0 || (strcmp(w->deprel, "xcomp") != 0 && strcmp(w->deprel, "conj") != 0 && !purpose))
            return -1;
        controlled |= strcmp(w->deprel, "xcomp") == 0 || purpose;
        v = w->head - 1;
    }
    return -1;
}

static bool word_in(const dy_tree *t, const char *text, size_t k, dy_gclass g);

bool dy_tree_imperative(const dy_tree *t, const char *text, long v)
{
    bool passive = false;
    if (v < 0 || dy_tree_subject(t, v, &passive) >= 0)
        return false;
    /* the verb that would hold the subject: up through open complements
     * and conjuncts ("Let us work together", "take a knife ... and
     * attack the tourists") */
    for (size_t steps = 0; steps < t->n && t->w[v].head > 0; steps++) {
        const char *r = t->w[v].deprel;
        if (strcmp(r, "xcomp") != 0 && strcmp(r, "conj") != 0)
            break;
        v = t->w[v].head - 1;
    }
    const dy_word *w = &t->w[v];
    if (strcmp(w->xpos, "VB") != 0 || child(t, v, "aux") >= 0 || child(t, v, "mark") >= 0 || infinitive(t, v))
        return false;
    /* "Let me congratulate the President", "allow me to thank ...": the
     * speaker does it, as it says so */
    for (size_t i = 0; i < t->n; i++)
        if (t->w[i].head == v + 1 && (strcmp(t->w[i].deprel, "obj") == 0 || strcmp(t->w[i].deprel, "iobj") == 0)
            && word_in(t, text, i, DY_G_SELF))
            return false;
    /* the sentence's own verb: a base form set beside a clause is as often
     * a misparsed list of its verbs ("Norway will continue to promote ...,
     * protect ... and support ...") */
    return w->head == 0;
}

/* Is word w in the subtree of word a (a itself included)? */
static bool under(const dy_tree *t, long a, long w)
{
    for (size_t steps = 0; w >= 0 && steps <= t->n; steps++) {
        if (w == a)
            return true;
        w = t->w[w].head - 1;
    }
    return false;
}

/* Is a word of unit u's actor phrase in the subtree of word a? Any word:
 * the parser may split a name the dictionaries know whole ("Timor -
 * Leste", "the Lao People's Democratic Republic" with "Lao People's"
 * hung on the verb). */
static bool unit_in(const dy_tree *t, const dy_sent *s, long a, int u)
{
    int k = s->unit[u].atok, end = k >= 0 && s->tok[k].last >= k ? s->tok[k].last : k;
    for (; k >= 0 && k <= end; k++)
        if (under(t, a, dy_tree_word(t, k)))
            return true;
    return false;
}

static bool in_place(const dy_tree *t, const char *text, long a, long w);

/* The live unit under word a (prefer when it is one, else the first), not
 * under word not (-1: no such word), and, with no_place, not in a place
 * phrase of a's; -1 when there is none. */
static int pick_unit(const dy_tree *t, const dy_sent *s, long a, long not, bool no_place, int prefer)
{
    int first = -1;
    for (int u = 0; u < s->nunit; u++) {
        if (s->unit[u].dead || !unit_in(t, s, a, u) || (not >= 0 && unit_in(t, s, not, u))
            || (no_place && in_place(t, s->text, a, dy_tree_word(t, s->unit[u].atok))))
            continue;
        if (u == prefer)
            return u;
        if (first < 0)
            first = u;
    }
    return first;
}

int dy_tree_unit(const dy_tree *t, const dy_sent *s, long w, int prefer)
{
    return pick_unit(t, s, w, -1, false, prefer);
}

int dy_tree_subject_unit(const dy_tree *t, const dy_sent *s, long sb, int prefer)
{
    int u = dy_tree_unit(t, s, sb, prefer);
    if (u == prefer || sb < 0 || prefer < 0 || prefer >= s->nunit)
        return u;
    for (size_t i = 0; i < t->n; i++)
        if ((long)i != sb && t->w[i].head == t->w[sb].head && subject_rel(&t->w[i]) && unit_in(t, s, (long)i, prefer))
            return prefer;
    return u;
}

/* The dependent of word h with relation rel (the first), or -1. */
static long child(const dy_tree *t, long h, const char *rel)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->w[i].head == h + 1 && strcmp(t->w[i].deprel, rel) == 0)
            return (long)i;
    return -1;
}

/* Is word w, under a, inside a place phrase of a's ("the bombings in
 * Beirut that killed ...")? */
static bool in_place(const dy_tree *t, const char *text, long a, long w)
{
    for (size_t steps = 0; w >= 0 && w != a && steps < t->n; steps++, w = t->w[w].head - 1) {
        long c = strcmp(t->w[w].deprel, "nmod") == 0 ? child(t, w, "case") : -1;
        if (c >= 0 && dy_grammar_has(DY_G_AT_NEAR, text + t->w[c].start, t->w[c].len))
            return true;
    }
    return false;
}

/* The noun that verb v asks or makes do the act of an infinitive (object
 * control: "urged Russia to withdraw", "ordered his staff to delay aid",
 * "called on the international community to strengthen ..."): v's obj, or
 * its oblique of an addressee's preposition, before v's open complement
 * (or, the oblique, before an infinitive of its own); -1 when none. *x
 * is the infinitive. */
static long controller(const dy_tree *t, const char *text, long v, long *x)
{
    long n = -1, inf = -1;
    for (size_t i = 0; v >= 0 && i < t->n; i++) {
        const dy_word *w = &t->w[i];
        if (w->head != v + 1)
            continue;
        long c = child(t, (long)i, "case");
        if (inf < 0 && (strcmp(w->deprel, "obj") == 0
                        || (strcmp(w->deprel, "obl") == 0 && c >= 0 && word_in(t, text, (size_t)c, DY_G_ADDRESSEE_CASE))))
            n = (long)i;
        else if (inf < 0 && strcmp(w->deprel, "xcomp") == 0 && infinitive(t, (long)i))
            inf = (long)i;
    }
    /* the parser hangs "to ..." on an addressee's noun ("called on the
     * community to strengthen ..."); on an object, such an infinitive
     * is the noun's own ("commends his efforts to strengthen the United
     * Nations") */
    for (size_t i = 0; n >= 0 && inf < 0 && strcmp(t->w[n].deprel, "obl") == 0 && i < t->n; i++)
        if (t->w[i].head == n + 1 && strcmp(t->w[i].deprel, "acl") == 0 && infinitive(t, (long)i))
            inf = (long)i;
    if (inf < 0)
        return -1;
    *x = inf;
    return n;
}

int dy_tree_asked_unit(const dy_tree *t, const dy_sent *s, long v, int u)
{
    long x = -1, n = controller(t, s->text, v, &x);
    if (n < 0 || !unit_in(t, s, x, u))
        return -2;
    return pick_unit(t, s, n, x, false, -1);
}

bool dy_tree_venue(const dy_tree *t, const dy_sent *s, long v, long vend, int u)
{
    long w = u >= 0 && u < s->nunit ? dy_tree_word(t, s->unit[u].atok) : -1;
    /* the place is the oblique's noun, not a word deeper in it ("thank
     * our brothers in the Kingdom of Saudi Arabia") */
    static const char *const name_rels[] = {"flat", "compound", "amod", NULL};
    for (size_t steps = 0; w >= 0 && steps < t->n; steps++, w = t->w[w].head - 1) {
        /* the oblique of the verb, or of the act it governs as an open
         * complement ("wishes to continue to carry its responsibilities
         * in the Security Council") */
        long h = t->w[w].head - 1;
        for (size_t up = 0; h >= 0 && h != v && up < t->n && strcmp(t->w[w].deprel, "obl") == 0
                            && strcmp(t->w[h].deprel, "xcomp") == 0; up++)
            h = t->w[h].head - 1;
        if (h == v) {
            long c = strcmp(t->w[w].deprel, "obl") == 0 ? child(t, w, "case") : -1;
            return c >= 0 && (c < v || c > vend) && word_in(t, s->text, (size_t)c, DY_G_VENUE_CASE);
        }
        if (!rel_in(&t->w[w], name_rels))
            return false;
    }
    return false;
}

int dy_tree_antecedent_unit(const dy_tree *t, const dy_sent *s, long sb, int prefer)
{
    if (sb < 0 || (strcmp(t->w[sb].xpos, "WDT") != 0 && strcmp(t->w[sb].xpos, "WP") != 0) || t->w[sb].head == 0)
        return -2;
    long r = t->w[sb].head - 1;
    if (strcmp(t->w[r].deprel, "acl:relcl") != 0 || t->w[r].head == 0)
        return -2;
    long a = t->w[r].head - 1, p = a;
    /* "Kyrgyzstan is the only country that ...", "Tonga was one of the
     * states that ...": the copula's subject is who acts */
    if (strcmp(t->w[p].deprel, "nmod") == 0 && t->w[p].head > 0 && child(t, t->w[p].head - 1, "cop") >= 0)
        p = t->w[p].head - 1;
    if (child(t, p, "cop") >= 0 && child(t, p, "nsubj") >= 0)
        a = child(t, p, "nsubj");
    return pick_unit(t, s, a, r, true, prefer);
}

bool dy_tree_pronoun(const dy_tree *t, long w)
{
    return w >= 0 && (size_t)w < t->n && strcmp(t->w[w].xpos, "PRP") == 0;
}

bool dy_tree_common_noun(const dy_tree *t, long w)
{
    return w >= 0 && (size_t)w < t->n && strcmp(t->w[w].upos, "NOUN") == 0 && child(t, w, "det") >= 0;
}

bool dy_tree_inner_clause(const dy_tree *t, long v)
{
    const char *r = v >= 0 && (size_t)v < t->n ? t->w[v].deprel : "";
    if (strncmp(r, "acl", 3) != 0 && strcmp(r, "advcl") != 0)
        return false;
    /* an infinitive ("... communications to strengthen exchanges") is
     * often a purpose the parser hangs on a noun; its target may be the
     * clause's around it */
    return !infinitive(t, v);
}

bool dy_tree_participle(const dy_tree *t, long v)
{
    if (v < 0 || (size_t)v >= t->n || strcmp(t->w[v].deprel, "acl") != 0 || strcmp(t->w[v].xpos, "VBN") != 0)
        return false;
    /* on the root noun, or with an object, it is a main verb the parser
     * missed ("Gunmen kidnapped Chinese workers", "Thousands of Armenians
     * protested") */
    static const char *const np_rels[] = {"nmod", "conj", "appos", "compound", "flat", NULL};
    long n = t->w[v].head - 1;
    for (size_t steps = 0; t->w[n].head != 0 && steps < t->n && rel_in(&t->w[n], np_rels); steps++)
        n = t->w[n].head - 1;
    /* (a root with a copula is a clause: "That is twice the level of the
     * assistance agreed upon internationally") */
    return (t->w[n].head != 0 || child(t, n, "cop") >= 0) && child(t, v, "obj") < 0;
}

bool dy_tree_in_clause(const dy_tree *t, const dy_sent *s, long v, int u)
{
    /* a participle or relative clause acts on the noun it hangs on too
     * ("children abducted by Russian forces") */
    long top = strncmp(t->w[v].deprel, "acl", 3) == 0 && t->w[v].head > 0 ? t->w[v].head - 1 : v;
    return dy_tree_unit_under(t, s, top, u);
}

/* The year word w spells (four digits, 1900-2099), else 0. */
static int year_of(const dy_tree *t, const char *text, size_t w)
{
    const dy_word *x = &t->w[w];
    if (x->len != 4)
        return 0;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        char ch = text[x->start + i];
        if (ch < '0' || ch > '9')
            return 0;
        y = y * 10 + (ch - '0');
    }
    return y >= 1900 && y <= 2099 ? y : 0;
}

/* A temporal or oblique relation: where a verb's date hangs. */
static bool dating(const dy_word *w)
{
    return strncmp(w->deprel, "obl", 3) == 0 || strcmp(w->deprel, "nmod:tmod") == 0;
}

int dy_tree_year(const dy_tree *t, const char *text, long v)
{
    for (size_t c = 0; v >= 0 && c < t->n; c++) {
        if (t->w[c].head != v + 1 || !dating(&t->w[c]))
            continue;
        int y = year_of(t, text, c);
        for (size_t k = 0; !y && k < t->n; k++)
            if (t->w[k].head == (int)c + 1)
                y = year_of(t, text, k);
        if (y)
            return y;
    }
    return 0;
}

bool dy_tree_unit_under(const dy_tree *t, const dy_sent *s, long w, int u)
{
    return u >= 0 && u < s->nunit && unit_in(t, s, w, u);
}

/* A relation that opens a clause of its own below a verb: an adverbial
 * clause, a clausal subject. What lies inside belongs to that clause's
 * verb. (A clause set beside it, parataxis, is no wall: it is where the
 * parser puts what it cannot place.) A relative clause or participle on a
 * noun is no such wall: the noun's act is often the verb's matter
 * ("welcomes the efforts undertaken by Taiwan", "investigated the air
 * strike that killed Palestinian civilians"). */
static bool own_clause_rel(const dy_tree *t, long k)
{
    const dy_word *w = &t->w[k];
    if (strncmp(w->deprel, "csubj", 5) == 0)
        return true;
    if (strcmp(w->deprel, "advcl") != 0)
        return false;
    /* an infinitive ("its readiness to deepen cooperation with
     * Bangladesh") carries on the act of the verb it serves */
    return !infinitive(t, k);
}

bool dy_tree_own(const dy_tree *t, long v, long w)
{
    for (size_t steps = 0; w >= 0 && steps <= t->n; steps++) {
        if (w == v)
            return true;
        if (own_clause_rel(t, w))
            return false;
        w = t->w[w].head - 1;
    }
    return false;
}

/* The first live actor unit in word w's phrase, within w's clause. */
static int own_unit(const dy_tree *t, const dy_sent *s, long w, int not_u)
{
    for (int u = 0; u < s->nunit; u++) {
        const dy_unit *x = &s->unit[u];
        if (u != not_u && !x->dead && !x->pronoun && strncmp(x->code, "---", 3) != 0 && dy_tree_own(t, w, dy_tree_word(t, x->atok)))
            return u;
    }
    return -1;
}

int dy_tree_object(const dy_tree *t, const dy_sent *s, long v, int not_u)
{
    static const char *const rels[] = {"obj", "iobj", NULL};
    for (int r = 0; v >= 0 && rels[r]; r++) {
        for (size_t i = 0; i < t->n; i++) {
            if (t->w[i].head != v + 1 || strcmp(t->w[i].deprel, rels[r]) != 0)
                continue;
            int u = own_unit(t, s, (long)i, not_u);
            if (u >= 0)
                return u;
        }
    }
    return -1;
}

bool dy_tree_direct_object(const dy_tree *t, const dy_sent *s, long v, int u)
{
    long w = u >= 0 && u < s->nunit ? dy_tree_word(t, s->unit[u].atok) : -1;
    for (size_t steps = 0; v >= 0 && w >= 0 && steps < t->n; steps++) {
        long h = t->w[w].head - 1, c = child(t, w, "case");
        /* the one addressed ("appealed to its citizens", "offered
         * condolences to the families") */
        bool on_object = h >= 0 && t->w[h].head == v + 1 && strcmp(t->w[h].deprel, "obj") == 0;
        if (c >= 0 && (h == v || on_object) && word_in(t, s->text, (size_t)c, DY_G_ADDRESSEE_CASE))
            return true;
        if (c >= 0)
            return false; /* "for our people", "the people of Palau" */
        if (h == v)
            return strcmp(t->w[w].deprel, "obj") == 0 || strcmp(t->w[w].deprel, "iobj") == 0;
        w = h;
    }
    return false;
}

/* Is word k in grammar class g (text: the sentence parsed)? */
static bool word_in(const dy_tree *t, const char *text, size_t k, dy_gclass g)
{
    return dy_grammar_has(g, text + t->w[k].start, t->w[k].len);
}

bool dy_tree_dep_in(const dy_tree *t, const char *text, long v, const char *rel, dy_gclass g)
{
    size_t rl = strlen(rel);
    for (size_t i = 0; v >= 0 && i < t->n; i++)
        if (t->w[i].head == v + 1 && strncmp(t->w[i].deprel, rel, rl) == 0
            && (t->w[i].deprel[rl] == '\0' || t->w[i].deprel[rl] == ':') && word_in(t, text, i, g))
            return true;
    return false;
}

long dy_tree_chain_aux_in(const dy_tree *t, const char *text, long v, dy_gclass g)
{
    for (size_t steps = 0; v >= 0 && steps < t->n; steps++) {
        if (dy_tree_dep_in(t, text, v, "aux", g))
            return v;
        if (strcmp(t->w[v].deprel, "xcomp") != 0 || t->w[v].head == 0)
            return -1;
        v = t->w[v].head - 1;
    }
    return -1;
}

/* Does clause c open with a question word before its verb ("why Biden
 * did not act", "what the council would do")? */
static bool wh_clause(const dy_tree *t, long c)
{
    for (size_t k = 0; k < (size_t)c; k++)
        if (t->w[k].head == c + 1 && (strcmp(t->w[k].xpos, "WRB") == 0 || strcmp(t->w[k].xpos, "WP") == 0))
            return true; /* not WDT: the relative "that", "which" */
    return false;
}

bool dy_tree_asks_whether(const dy_tree *t, const char *text, long v)
{
    /* a question word only when no one is asked to act ("encourages IGAD
     * to discuss ... how the force can help" appeals) */
    bool asked = v >= 0 && (child(t, v, "xcomp") >= 0 || child(t, v, "obj") >= 0);
    for (size_t i = 0; v >= 0 && i < t->n; i++)
        if (t->w[i].head == v + 1 && strcmp(t->w[i].deprel, "ccomp") == 0
            && (dy_tree_dep_in(t, text, (long)i, "mark", DY_G_INQUIRY) || (!asked && wh_clause(t, (long)i))))
            return true;
    return false;
}

/* Is the word a clause that completes its head (ccomp, xcomp, csubj)? */
static bool complement(const dy_tree *t, long v)
{
    const char *r = t->w[v].deprel;
    return strncmp(r, "ccomp", 5) == 0 || strncmp(r, "xcomp", 5) == 0 || strncmp(r, "csubj", 5) == 0;
}

/* dy_tree_clause_mark_in; when only_complement, the marked clause must
 * complete its head. */
static bool clause_mark(const dy_tree *t, const char *text, long v, dy_gclass g, bool only_complement)
{
    static const char *const up[] = {"conj", "xcomp", "ccomp", "csubj", "advcl", NULL};
    for (size_t steps = 0; v >= 0 && steps < t->n; steps++) {
        if ((!only_complement || complement(t, v)) && dy_tree_dep_in(t, text, v, "mark", g))
            return true;
        int r = 0;
        while (up[r] && strncmp(t->w[v].deprel, up[r], strlen(up[r])) != 0)
            r++;
        if (!up[r] || t->w[v].head == 0)
            return false;
        v = t->w[v].head - 1;
    }
    return false;
}

bool dy_tree_clause_mark_in(const dy_tree *t, const char *text, long v, dy_gclass g)
{
    return clause_mark(t, text, v, g, false);
}

bool dy_tree_asked_about(const dy_tree *t, const char *text, long v)
{
    return clause_mark(t, text, v, DY_G_INQUIRY, true);
}

long dy_tree_governor_in(const dy_tree *t, const char *text, long v, dy_gclass g)
{
    static const char *const rels[] = {"csubj", "ccomp", "advcl", "xcomp", NULL};
    if (v < 0 || t->w[v].head == 0)
        return -1;
    /* an infinitive on a noun: "the need to act", "the duty to protect" */
    if (strcmp(t->w[v].deprel, "acl") == 0 && infinitive(t, v))
        return word_in(t, text, (size_t)t->w[v].head - 1, g) ? t->w[v].head - 1 : -1;
    for (int r = 0; rels[r]; r++)
        if (strncmp(t->w[v].deprel, rels[r], strlen(rels[r])) == 0
            && word_in(t, text, (size_t)t->w[v].head - 1, g))
            return t->w[v].head - 1;
    return -1;
}

bool dy_tree_wish_for_act(const dy_tree *t, const dy_sent *s, long v)
{
    if (v < 0 || !word_in(t, s->text, (size_t)v, DY_G_WISH))
        return false;
    long c = child(t, v, "xcomp");
    if (c < 0 || !word_in(t, s->text, (size_t)c, DY_G_COURTESY))
        return false;
    for (int i = 0; i < s->n; i++)
        if (dy_tree_word(t, i) == c && s->tok[i].type == DY_T_VERB)
            return true;
    return false;
}

bool dy_tree_after_obl(const dy_tree *t, const dy_sent *s, long v, int u, bool with_party)
{
    long w = u >= 0 && u < s->nunit ? dy_tree_word(t, s->unit[u].atok) : -1, a = w;
    if (w <= v || v < 0 || !dy_tree_own(t, v, w))
        return false;
    while (w >= 0 && t->w[w].head != v + 1)
        w = t->w[w].head - 1;
    /* the actor modifies the oblique's noun ("Israeli tank shelling"), or
     * is an agent's noun ("in Israeli tank fire"); a place's own name is
     * where or whence ("killed in the United States", "released from
     * Evin"); and "according to" names who tells, not who did it */
    if (w <= v || strncmp(t->w[w].deprel, "obl", 3) != 0)
        return false;
    long wc = child(t, w, "case");
    if (wc >= 0 && !with_party && word_in(t, s->text, (size_t)wc, DY_G_INSTRUMENT_CASE))
        return false; /* what it was done with */
    bool own = w >= dy_tree_word(t, s->unit[u].first) && w <= dy_tree_word(t, s->unit[u].last);
    if ((own && (w == a || !s->unit[u].agent)) || in_place(t, s->text, w, a))
        return false; /* nor where the act took place: "a US operation in the Afghanistan/Pakistan region" */
    /* nor the matter of a clause on the oblique ("found guilty on Thursday
     * of raping a Canadian tourist") */
    for (long k = a; k >= 0 && k != w; k = t->w[k].head - 1)
        if (strcmp(t->w[k].deprel, "obj") == 0 || strncmp(t->w[k].deprel, "nsubj", 5) == 0
            || strncmp(t->w[k].deprel, "acl", 3) == 0 || strcmp(t->w[k].deprel, "advcl") == 0)
            return false;
    for (long k = a; k >= 0; k = k == w ? -1 : t->w[k].head - 1) {
        long c = child(t, k, "case");
        if (c >= 0 && dy_grammar_has(DY_G_TELLER_CASE, s->text + t->w[c].start, t->w[c].len))
            return false;
    }
    return true;
}

long dy_tree_agent(const dy_tree *t, const char *text, long v)
{
    for (size_t i = 0; v >= 0 && i < t->n; i++)
        if (t->w[i].head == v + 1 && strcmp(t->w[i].deprel, "obl:agent") == 0)
            return (long)i;
    /* "were killed in an attack by ...": the agent of the act the
     * oblique names */
    for (size_t i = 0; v >= 0 && i < t->n; i++) {
        if (t->w[i].head != v + 1 || strcmp(t->w[i].deprel, "obl") != 0)
            continue;
        for (size_t k = 0; k < t->n; k++)
            if (t->w[k].head == (int)i + 1 && strcmp(t->w[k].deprel, "nmod") == 0)
                for (size_t c = 0; c < t->n; c++)
                    if (t->w[c].head == (int)k + 1 && strcmp(t->w[c].deprel, "case") == 0 && t->w[c].len == 2
                        && toupper((unsigned char)text[t->w[c].start]) == 'B'
                        && toupper((unsigned char)text[t->w[c].start + 1]) == 'Y' && c > i)
                        return (long)k;
    }
    return -1;
}

long dy_tree_speaker(const dy_tree *t, long v)
{
    if (v < 0)
        return -1;
    const dy_word *w = &t->w[v];
    /* a noun's clause is its verb's ("Russia has the obligation to ...") */
    if (w->head > 0 && strcmp(w->upos, "NOUN") == 0 && strcmp(w->deprel, "obj") == 0)
        w = &t->w[w->head - 1];
    v = w - t->w;
    if (w->head > 0 && strcmp(w->deprel, "ccomp") == 0)
        return w->head - 1; /* "China said Pakistan must ..." */
    for (size_t i = 0; i < t->n; i++) /* "Pakistan must ..., China said" */
        if (t->w[i].head == v + 1 && strcmp(t->w[i].deprel, "parataxis") == 0)
            return (long)i;
    return -1;
}

bool dy_tree_headline_intent(const dy_tree *t, long v)
{
    if (v < 0 || t->w[v].head != 0)
        return false;
    bool to = false;
    for (size_t i = 0; i < t->n; i++)
        if (t->w[i].head == v + 1) {
            if (strncmp(t->w[i].deprel, "aux", 3) == 0)
                return false;
            to |= strcmp(t->w[i].deprel, "mark") == 0 && strcmp(t->w[i].xpos, "TO") == 0;
        }
    return to;
}

/* Is word w, or the phrase it is a word of, what verb v does or ends: v's
 * object, the subject of v in the passive, or an oblique of a light
 * verb's preposition ("withdrew from the talks": the grammar's
 * LIGHT_CASE)? The words of a noun phrase lead up to its head through
 * compound and modifier relations ("joint naval drills"), and through
 * "of" from a measure of events (LIGHT_MEASURE: "a new round of talks"). */
bool dy_tree_light_object(const dy_tree *t, const char *text, long v, long w)
{
    static const char *const inner[] = {"compound", "amod", "nmod", "flat", "nummod", "det", "nmod:poss", NULL};
    static const char *const direct[] = {"obj", "nsubj:pass", NULL};
    for (size_t steps = 0; w >= 0 && (size_t)w < t->n && steps < 4; steps++) {
        const dy_word *x = &t->w[w];
        if (x->head == v + 1) {
            if (rel_in(x, direct))
                return true;
            if (strcmp(x->deprel, "obl") != 0)
                return false;
            for (size_t c = 0; c < t->n; c++) /* "out of the talks": either case word */
                if (t->w[c].head == w + 1 && strcmp(t->w[c].deprel, "case") == 0 && word_in(t, text, c, DY_G_LIGHT_CASE))
                    return true;
            return false;
        }
        if (!rel_in(x, inner) || x->head == 0)
            return false;
        /* "of" leads up only from a measure of events ("a new round of
         * talks"), not from another noun ("ended two decades of war") */
        if (strcmp(x->deprel, "nmod") == 0 && !word_in(t, text, (size_t)(x->head - 1), DY_G_LIGHT_MEASURE))
            return false;
        w = x->head - 1;
    }
    return false;
}

long dy_tree_first_conjunct(const dy_tree *t, long v)
{
    for (size_t steps = 0; v >= 0 && steps < t->n && strcmp(t->w[v].deprel, "conj") == 0; steps++)
        v = t->w[v].head - 1;
    return v;
}

/* Does the speaker say the frame at word g: is the subject of its clause
 * first person ("I would like to", "we are proud to", "I take this
 * opportunity to"), not another ("Iran has the opportunity to")? */
static bool speaker_frame(const dy_tree *t, const char *text, long g)
{
    bool passive = false;
    for (size_t steps = 0; g >= 0 && steps < 3 && !verbal(&t->w[g]) && strcmp(t->w[g].deprel, "root") != 0; steps++)
        g = t->w[g].head - 1; /* a noun or adjective frame: its clause's verb */
    long sb = g >= 0 ? dy_tree_subject(t, g, &passive) : -1;
    if (sb < 0)
        sb = g >= 0 ? child(t, g, "nsubj") : -1;
    return sb >= 0 && word_in(t, text, (size_t)sb, DY_G_FIRST_PERSON);
}

bool dy_tree_unrealized(const dy_tree *t, const char *text, long v)
{
    /* an infinitive of purpose too ("worked to assist Madagascar",
     * "called upon the United Kingdom to renew the dialogue") */
    static const char *const rels[] = {"xcomp", "acl", "ccomp", "advcl", "csubj", NULL};
    v = dy_tree_first_conjunct(t, v);
    if (v < 0 || t->w[v].head == 0 || !rel_in(&t->w[v], rels) || !infinitive(t, v))
        return false;
    size_t g = (size_t)t->w[v].head - 1;
    /* a wish's own act is its wisher's ("wishes to thank Japan"); so is
     * the speaker's in a performative ("I would like to thank", "I take
     * this opportunity to thank": the frame, or the frame's object),
     * unless it asks another ("would like the UN to"); "allow me to pay
     * tribute": the speaker does it */
    long o = child(t, (long)g, "obj");
    bool own = word_in(t, text, g, DY_G_PERFORMATIVE) && o < 0;
    if (own && strcmp(t->w[g].upos, "NOUN") != 0) /* "Egypt would like to thank" */
        return false;
    /* a noun frame is the speaker's only when the speaker says it ("Iran
     * has the opportunity to negotiate" is none) */
    bool frame = own || (o >= 0 && word_in(t, text, (size_t)o, DY_G_PERFORMATIVE));
    if ((frame && speaker_frame(t, text, (long)g)) || (o >= 0 && word_in(t, text, (size_t)o, DY_G_SELF)))
        return false;
    /* "the first country to sign", "one of the earliest States to sign" */
    long m = child(t, (long)g, "amod");
    if (m >= 0 && word_in(t, text, (size_t)m, DY_G_IMPLICATIVE))
        return false;
    return !word_in(t, text, g, DY_G_IMPLICATIVE) && !word_in(t, text, g, DY_G_WISH);
}

/* The word after w on the way up from a unit's actor to the head of its
 * noun phrase (lo..hi: the unit's words), or -1 at the head: inside the
 * unit, and through the words that modify a noun ("Israeli Prime
 * Minister Menachem Begin": from "Israeli" up to "Begin"'s head). */
static long phrase_up(const dy_tree *t, long w, long lo, long hi)
{
    static const char *const rels[] = {"amod", "compound", "flat", "nmod:desc", "nmod:poss", "fixed", NULL};
    long h = t->w[w].head - 1;
    if (h < 0)
        return -1;
    return (h >= lo && h <= hi) || rel_in(&t->w[w], rels) ? h : -1;
}

/* Are words a and b of one noun phrase: conjuncts of one another
 * ("Pakistan and China"), one a nominal dependent of the other (an
 * apposition, "Arnor's Elrond"), or two dependents of one word with one
 * relation (the parser's "Sadat and Begin signed", both subjects)? */
static bool joined_words(const dy_tree *t, long a, long b)
{
    static const char *const nominal_rels[] = {"appos", "nmod", "nmod:poss", "compound", "flat", NULL};
    if (dy_tree_first_conjunct(t, a) == dy_tree_first_conjunct(t, b))
        return true;
    if (t->w[a].head == t->w[b].head && t->w[a].head != 0 && strcmp(t->w[a].deprel, t->w[b].deprel) == 0)
        return true;
    return (t->w[a].head == b + 1 && rel_in(&t->w[a], nominal_rels))
        || (t->w[b].head == a + 1 && rel_in(&t->w[b], nominal_rels));
}

/* The next word of unit u's phrase after w (-1 first): the unit's own
 * words ("the Republic of Zambia": the parser may hang a conjunct on any
 * of them), then the way from the last up to the head of its noun phrase
 * (an agent's noun: "the foreign ministers of Armenia"). */
static long phrase_next(const dy_tree *t, const dy_sent *s, int u, long w)
{
    long lo = dy_tree_word(t, s->unit[u].first), hi = dy_tree_word(t, s->unit[u].last);
    if (w < 0)
        return lo;
    if (w < hi)
        return w + 1;
    return phrase_up(t, w, lo, hi);
}

/* Are units u and v of one noun phrase: a word of u's phrase joined to
 * one of v's? */
static bool joined(const dy_tree *t, const dy_sent *s, int u, int v)
{
    size_t i = 0;
    for (long a = phrase_next(t, s, u, -1); a >= 0 && i++ <= 2 * t->n; a = phrase_next(t, s, u, a)) {
        size_t j = 0;
        for (long b = phrase_next(t, s, v, -1); b >= 0 && j++ <= 2 * t->n; b = phrase_next(t, s, v, b))
            if (joined_words(t, a, b))
                return true;
    }
    return false;
}

/* The head of unit u's noun phrase (phrase_up's last word), or -1. */
static long phrase_top(const dy_tree *t, const dy_sent *s, int u)
{
    long lo = dy_tree_word(t, s->unit[u].first), hi = dy_tree_word(t, s->unit[u].last);
    long w = dy_tree_word(t, s->unit[u].atok);
    for (size_t i = 0; w >= 0 && i <= t->n; i++) {
        long h = phrase_up(t, w, lo, hi);
        if (h < 0)
            return w;
        w = h;
    }
    return w;
}

/* Are units u and v (u first), which word order made members of one
 * compound, apart in the tree: parted by a conjunction, one of them the
 * subject of a clause, and not of one noun phrase? Only then: the parser
 * often hangs the last of a long list on the verb ("We thank India,
 * Australia, New Zealand and the United States"), and reads "Pakistan,
 * China have decided" and "China-Pakistan to enhance" no better than
 * word order does. */
static bool apart(const dy_tree *t, const dy_sent *s, int u, int v)
{
    bool conj = false;
    for (int k = s->unit[u].last + 1; k < s->unit[v].first; k++)
        conj = conj || s->tok[k].t.cls == DY_W_CONJ;
    long a = phrase_top(t, s, u), b = phrase_top(t, s, v);
    /* a phrase taken for the root is a parse gone wrong ("The French and
     * the Vanuatu Governments met": "French" the root) */
    return conj && a >= 0 && b >= 0 && t->w[a].head != 0 && t->w[b].head != 0
        && (subject_rel(&t->w[a]) || subject_rel(&t->w[b])) && !joined(t, s, u, v);
}

/* The group of member k (union-find over members, paths halved). */
static int group_of(int *up, int k)
{
    while (up[k] != k)
        k = up[k] = up[up[k]];
    return k;
}

void dy_tree_compounds(const dy_tree *t, dy_sent *s)
{
    if (t->n == 0)
        return;
    for (int c = 0, nc = s->ncomp; c < nc; c++) {
        int m[64], up[64], nm = 0;
        bool placed = true;
        for (int u = 0; u < s->nunit && nm < 64; u++)
            if (s->unit[u].comp == c && !s->unit[u].dead) {
                /* a member the parse cannot place keeps the compound */
                placed = placed && dy_tree_word(t, s->unit[u].atok) >= 0 && dy_tree_word(t, s->unit[u].first) >= 0
                         && dy_tree_word(t, s->unit[u].last) >= 0;
                up[nm] = nm;
                m[nm++] = u;
            }
        if (nm < 2 || nm == 64 || !placed)
            continue;
        for (int i = 0; i + 1 < nm; i++)
            for (int j = i + 1; j < nm; j++) /* "The US, Russia, and Switzerland met": the first and last are both subjects */
                if (j == i + 1 ? !apart(t, s, m[i], m[j]) : joined(t, s, m[i], m[j]))
                    up[group_of(up, j)] = group_of(up, i);
        /* the first member's group keeps the id; another group of two or
         * more is a compound of its own; a member alone is none */
        int size[64] = {0}, id[64];
        for (int i = 0; i < nm; i++)
            size[group_of(up, i)]++;
        for (int i = 0; i < nm; i++)
            id[i] = -1;
        for (int i = 0; i < nm; i++) {
            int g = group_of(up, i);
            if (size[g] < 2)
                s->unit[m[i]].comp = -1;
            else {
                if (id[g] < 0)
                    id[g] = g == group_of(up, 0) ? c : s->ncomp++;
                s->unit[m[i]].comp = (int16_t)id[g];
            }
        }
        /* the comma or conjunction between two members parted is a
         * clause's edge again */
        for (int i = 0; i + 1 < nm; i++)
            if (s->unit[m[i]].comp < 0 || s->unit[m[i]].comp != s->unit[m[i + 1]].comp)
                for (int k = s->unit[m[i]].last + 1; k < s->unit[m[i + 1]].first; k++)
                    s->tok[k].nosplit = false;
    }
}

bool dy_tree_negated(const dy_tree *t, const dy_sent *s, long w)
{
    for (int i = 0; w >= 0 && i < s->n; i++) {
        long k = dy_tree_word(t, i);
        if (k < 0 || t->w[k].head != w + 1 || strcmp(t->w[k].deprel, "advmod") != 0)
            continue;
        if (dy_word_negator(&s->tok[i].t))
            return true;
    }
    return false;
}

static bool partner_unit(const dy_tree *t, const dy_sent *s, long v, int u)
{
    if (dy_tree_direct_object(t, s, v, u))
        return true;
    long w = u >= 0 && u < s->nunit ? dy_tree_word(t, s->unit[u].atok) : -1;
    for (size_t steps = 0; v >= 0 && w >= 0 && w != v && steps < t->n; steps++) {
        long c = child(t, w, "case");
        if (c >= 0 && word_in(t, s->text, (size_t)c, DY_G_COPARTY_CASE))
            return true;
        /* or the partner of the act intended, an infinitive's ("stand
         * ready to join United Nations peacekeeping operations"; not
         * "decided that ... prorogating Parliament was ...") */
        if (verbal(&t->w[w]) && infinitive(t, w) && dy_tree_direct_object(t, s, w, u))
            return true;
        w = t->w[w].head - 1;
    }
    return false;
}

bool dy_tree_partner(const dy_tree *t, const dy_sent *s, long v, int u)
{
    if (u < 0 || u >= s->nunit)
        return false;
    /* a list's members are partners with its first ("worked with its
     * brotherly States of Chad, the Niger, Mali and Burkina Faso", the
     * parser hanging "the Niger" on the verb) */
    for (int k = 0; k < s->nunit; k++)
        if ((k == u || (s->unit[u].comp >= 0 && s->unit[k].comp == s->unit[u].comp && !s->unit[k].dead))
            && partner_unit(t, s, v, k))
            return true;
    return false;
}

bool dy_tree_own_complement(const dy_tree *t, long v)
{
    if (v < 0 || child(t, v, "obj") >= 0)
        return false;
    for (size_t i = 0; i < t->n; i++)
        if (t->w[i].head == v + 1 && strcmp(t->w[i].deprel, "xcomp") == 0 && infinitive(t, (long)i))
            return true;
    return false;
}

long dy_tree_predicate(const dy_tree *t, long w)
{
    static const char *const rels[] = {"cop", "aux", "aux:pass", NULL};
    if (w >= 0 && t->w[w].head > 0 && rel_in(&t->w[w], rels))
        return t->w[w].head - 1;
    return w;
}

bool dy_tree_word_in(const dy_tree *t, const char *text, long k, dy_gclass g)
{
    return k >= 0 && word_in(t, text, (size_t)k, g);
}
