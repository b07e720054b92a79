/* code.c: the clause loop, and for each verb its stages: the pattern that
 * matches (pattern.c), the code, source and target by word order, the
 * events (TABARI manual 5.5-5.8, 6.6, 7.6, 7.9, 8.7); then the tree's
 * roles and status (roles.c, status.c); see code.h. */
#include "code.h"
#include "memo.h"
#include "parse.h"
#include "tree.h"
#include "light.h"
#include "aim.h"
#include "cameo.h"
#include "event.h"
#include "roles.h"
#include "status.h"
#include "grammar.h"
#include "pattern.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SENT_EVENTS 256 /* events kept from one sentence */
#define DY_MAX_WORDS 127    /* TABARI's longest record, in words */

/* ---- events ---- */

/* Collects the codes of a unit (its compound when comp) into out. */
static int unit_codes(const dy_sent *s, int u, bool alone, dy_arena *a, const char **out, int16_t *toks,
                      int cap)
{
    int n = 0;
    int comp = alone ? -1 : s->unit[u].comp;
    for (int k = 0; k < s->nunit && n < cap; k++) {
        if (comp >= 0 ? (s->unit[k].comp != comp || s->unit[k].pronoun || s->unit[k].dead) : k != u)
            continue;
        const char *c = s->unit[k].code;
        while (*c && n < cap) {
            const char *sl = strchr(c, '/');
            size_t l = sl ? (size_t)(sl - c) : strlen(c);
            out[n] = dy_arena_strndup(a, c, l);
            toks[n++] = s->unit[k].atok;
            c += l;
            if (*c == '/')
                c++;
        }
    }
    if (comp >= 0 && n == 0 && cap > 0) {
        out[n] = s->unit[u].code;
        toks[n++] = s->unit[u].atok;
    }
    return n;
}

/* a PETRARCH agent with no actor of its own ("---EDU"): a source or
 * target only where the clause holds no actor */
static bool lone_agent(const dy_sent *s, int u)
{
    return s->petr && strncmp(s->unit[u].code, "---", 3) == 0;
}

/* The actor an agent with no country of its own belongs to, named right
 * after it ("received ministers from the Georgian government": GEO), or
 * -1. */
static int agent_owner(const dy_mctx *x, int u)
{
    const dy_sent *s = x->s;
    if (u < 0 || !lone_agent(s, u) || x->pos_of[s->unit[u].last] < 0)
        return -1;
    int p = x->pos_of[s->unit[u].last] + 1;
    if (p >= x->c->m || !(dy_word_is(&s->tok[x->c->L[p]].t, "OF") || dy_word_is(&s->tok[x->c->L[p]].t, "FROM")))
        return -1;
    for (p++; p < x->c->m && s->tok[x->c->L[p]].t.cls == DY_W_DET; p++)
        ;
    int v = p < x->c->m ? dy_pat_unit_at(x, p) : -1;
    return v >= 0 && !lone_agent(s, v) ? v : -1;
}

/* Clause position of the word before the actor at clause position p and
 * its determiners and compass words ("in the north of", "in northern
 * Iraq"), or -1. */
static int before_actor(const dy_mctx *x, int p)
{
    const dy_sent *s = x->s;
    const dy_clause *cl = x->c;
    int u = dy_pat_unit_at(x, p), q = p - 1;
    while (q >= 0 && dy_pat_unit_at(x, q) == u)
        q--;
    while (q >= 0 && (s->tok[cl->L[q]].t.cls == DY_W_DET || dy_grammar_tok(DY_G_COMPASS, &s->tok[cl->L[q]].t)))
        q--;
    return q;
}

/* Is the verb root one of saying, disapproving or rejecting (coded 01, 11,
 * 12)? What a report "released in the Rwandan capital" says, alleges or
 * rejects is the place's, as PETRARCH's GSR coders have it; "the situation
 * in Haiti demands attention", "coups in Mali threaten" are no demand or
 * threat of the place's (place_phrase). */
static bool said_root(const struct dy_dict *d, int32_t root)
{
    const dy_ecode *c = dy_dict_root_code(d, root);
    return c->kind == DY_EC_EVENT && c->code && strlen(c->code) >= 2 && dy_grammar_has(DY_G_SAYING_ROOT, c->code, 2);
}

/* Does the actor at clause position p name a place ("the situation in
 * Mali", "the conference in Palau")? As the subject of an act it is where
 * something happened, not who acted; "we in Nigeria" is Nigeria speaking. */
static bool place_phrase(const dy_mctx *x, int p)
{
    const dy_sent *s = x->s;
    const dy_clause *cl = x->c;
    int q = before_actor(x, p);
    if (q < 0 || !dy_grammar_tok(DY_G_AT, &s->tok[cl->L[q]].t))
        return false;
    return !(q >= 1 && dy_grammar_tok(DY_G_WE, &s->tok[cl->L[q - 1]].t));
}

/* The state of the places the clause names with "in" or "at" (other than
 * the units src and tgt: "terrorist attacks in Kenya" says nothing of who
 * attacked), when they are all one state's; NULL otherwise. */
static const char *place_state(const dy_mctx *x, int src, int tgt)
{
    const char *st = NULL;
    for (int p = 0; p < x->c->m; p++) {
        int u = dy_pat_unit_at(x, p);
        if (u < 0 || u == src || u == tgt || x->pos_of[x->s->unit[u].first] != p || !place_phrase(x, p))
            continue;
        const char *c = x->s->unit[u].code;
        /* "attacks in Kenya, Nigeria and Pakistan": places of a list */
        if (!dy_state_code(c) || strchr(c, '/') || x->s->unit[u].comp >= 0)
            return NULL;
        if (st && strncmp(st, c, 3) != 0)
            return NULL;
        st = c;
    }
    return st;
}

/* Is the "in" before the actor at clause position p a verb's ("interfered
 * in the Moldovan election") rather than a place after a noun ("struck
 * PKK militants in northern Iraq")? */
static bool verb_before_place(const dy_mctx *x, int p)
{
    const dy_sent *s = x->s;
    const dy_clause *cl = x->c;
    int q = before_actor(x, p);
    if (q < 1)
        return false;
    const dy_ptok *b = &s->tok[cl->L[q - 1]];
    return (b->type == DY_T_VERB && b->head >= 0) || dy_word_ends(&b->t, "ED");
}

/* Is the actor at clause position p in an opening phrase set off by a
 * comma before a compound subject src ("For the first time in the history
 * of the United Nations, Seychelles and Mauritius have agreed ...")? The
 * compound acts on itself, not on the phrase's actor. */
static bool opening_actor(const dy_mctx *x, int p, int src)
{
    const dy_sent *s = x->s;
    if (src < 0 || s->unit[src].comp < 0 || x->pos_of[s->unit[src].first] < 0)
        return false;
    for (int q = p + 1; q < x->pos_of[s->unit[src].first]; q++)
        if (s->tok[x->c->L[q]].t.cls == DY_W_COMMA)
            return true;
    return false;
}

/* Does the actor at clause position p stand in a "together with" phrase
 * ("Belgium, together with Slovenia, calls on ...", "Together with Algeria,
 * Denmark facilitated the talks")? Before the verb it names a partner of
 * the subject, not the one acted on. */
static bool co_actor(const dy_mctx *x, int p)
{
    const dy_sent *s = x->s;
    const dy_clause *cl = x->c;
    int q = before_actor(x, p);
    if (q >= 0 && dy_word_is(&s->tok[cl->L[q]].t, "ALONGSIDE"))
        return true;
    return q >= 1 && dy_word_is(&s->tok[cl->L[q]].t, "WITH")
        && (dy_word_is(&s->tok[cl->L[q - 1]].t, "TOGETHER") || dy_word_is(&s->tok[cl->L[q - 1]].t, "ALONG"));
}

/* is u one of the actors of src's compound? In the PETRARCH dialect also
 * a place named after one of them where the compound acts ("India and
 * China held talks in Beijing", "... signed an agreement in Canberra"):
 * the place is where, not whom */
static bool own_member(const dy_sent *s, int u, int src)
{
    if (src < 0 || s->unit[src].comp < 0)
        return false;
    if (s->unit[u].comp == s->unit[src].comp)
        return true;
    int f = s->unit[u].first;
    if (!s->petr || f < 1 || !dy_grammar_tok(DY_G_AT_NEAR, &s->tok[f - 1].t))
        return false;
    for (int k = 0; k < s->nunit; k++)
        if (s->unit[k].comp == s->unit[src].comp && !s->unit[k].dead
            && (strcmp(s->unit[k].code, s->unit[u].code) == 0
                /* "the leaders of Georgia and Armenia met in Tbilisi" */
                || (s->unit[k].acode && s->unit[u].acode && strcmp(s->unit[k].acode, s->unit[u].acode) == 0)))
            return true;
    return false;
}

/* Are a and b actors of one state (their codes' first three letters, not
 * an international or unknown actor)? */
static bool same_state(const dy_sent *s, int a, int b)
{
    const char *x = s->unit[a].code, *y = s->unit[b].code;
    return dy_state_code(x) && strlen(y) >= 3 && strncmp(x, y, 3) == 0;
}

/* Does the compound of unit u name more than three actors ("Australia,
 * India, Indonesia, Canada, ... offer")? Such lists are those who did
 * something alike, seldom a set acting on each other: no pairs of them. */
static bool long_list(const dy_sent *s, int u)
{
    int n = 0;
    for (int k = 0; k < s->nunit; k++) {
        if (s->unit[k].comp != s->unit[u].comp || s->unit[k].dead)
            continue;
        bool seen = false; /* one state named twice ("the governments and
                              * peoples of Cuba and Venezuela") counts once */
        for (int j = 0; j < k && !seen; j++)
            seen = s->unit[j].comp == s->unit[u].comp && !s->unit[j].dead
                && (strcmp(s->unit[j].code, s->unit[k].code) == 0 || same_state(s, j, k));
        n += !seen;
    }
    return n > 3;
}

static bool same_code(const dy_sent *s, int a, int b)
{
    return a >= 0 && b >= 0 && strcmp(s->unit[a].code, s->unit[b].code) == 0;
}

/* ---- the clause loop ---- */

typedef struct {
    dy_coder *c;
    dy_sent *s;
    dy_evlist *out;
    int carried_src;     /* source carried to the next clause, -1 none */
    int first_actor_clause; /* first unit of the current clause */
    /* a statement transformed (transform): clauses joined on to what it
     * reports are part of the report */
    const char *rep_ocode;
    const char **rep_a;
    int16_t *rep_atok;
    int rep_na, rep_vtok, rep_ci;
    int carried_tgt;     /* target of the clause before, -1 none (SUBORDINATE CLAUSES) */
    bool carried_coop;   /* ... and its act was cooperative (03-08) */
} run_t;

enum { V_NONE = 0, V_EVENT, V_NULL };

static bool is_negator(const dy_ptok *t) { return dy_word_negator(&t->t); }

/* A form of "be" right before the verb (adverbs in "-ly" and "and"
 * between), the verb itself not an "-ing" form: "was criticized", "were
 * heavily and unjustly criticized", "was shot". */
static bool passive_verb(const dy_mctx *x, int v0, int v1)
{
    const dy_clause *cl = x->c;
    const dy_sent *s = x->s;
    /* "is said to", "was expected to": the verb reports another */
    if (v1 + 1 < cl->m && dy_word_is(&s->tok[cl->L[v1 + 1]].t, "TO"))
        return false;
    /* "is concerned about", "was worried about": a state of the subject */
    if (v1 + 1 < cl->m && dy_word_is(&s->tok[cl->L[v1 + 1]].t, "ABOUT"))
        return false;
    if (dy_word_ends(&s->tok[cl->L[v1]].t, "ING") || dy_word_ends(&s->tok[cl->L[v0]].t, "ING"))
        return false;
    /* "were killed", "are both killed", "were also reportedly attacked" */
    for (int p = v0 - 1; p >= 0 && p >= v0 - 5; p--) {
        const dy_token *t = &s->tok[cl->L[p]].t;
        if (t->fw & DY_FW_BE)
            return true;
        if (!dy_word_ends(t, "LY") && !dy_grammar_tok(DY_G_PASSIVE_SKIP, t))
            break;
    }
    /* "there were ten soldiers killed": the noun phrase between "there
     * be" and the participle is what was acted on */
    if (!dy_word_ends(&s->tok[cl->L[v0]].t, "ED"))
        return false;
    for (int p = v0 - 1; p >= 1 && p >= v0 - 8; p--) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (t->t.fw & DY_FW_BE)
            return dy_word_is(&s->tok[cl->L[p - 1]].t, "THERE") && p < v0 - 1;
        if (t->t.cls == DY_W_COMMA || t->t.cls == DY_W_PRON || t->t.cls == DY_W_CONJ
            || (t->type == DY_T_VERB && t->head == cl->L[p]) || (t->t.fw & DY_FW_REL))
            return false;
    }
    return false;
}

/* passive_verb, worked out once per verb: *known is -1 until then */
static bool passive_once(const dy_mctx *x, int v0, int v1, int *known)
{
    if (*known < 0)
        *known = passive_verb(x, v0, v1);
    return *known != 0;
}

/* First clause position of a verb's subject phrase: after the nearest
 * comma or other verb before it. */
static int passive_subject(const dy_mctx *x, int v0)
{
    for (int p = v0 - 1; p >= 0; p--) {
        const dy_ptok *t = &x->s->tok[x->c->L[p]];
        if (t->t.cls == DY_W_COMMA || (t->type == DY_T_VERB && t->head == x->c->L[p]))
            return p + 1;
    }
    return 0;
}

/* Is the verb at clause position v0 negated ("did not", "won't", "never")?
 * Looks back over the verb group (at most three words, no actor, comma or
 * other verb between); first..last is the matched pattern, whose own words
 * already say what a negation means. */
static bool negated(const dy_mctx *x, int v0, int first)
{
    /* "would stop supplying weapons": stopping an act is not doing it */
    if (v0 >= 1 && v0 - 1 < first && dy_grammar_tok(DY_G_STOP, &x->s->tok[x->c->L[v0 - 1]].t)
        && dy_word_ends(&x->s->tok[x->c->L[v0]].t, "ING"))
        /* "will not stop supporting" does support */
        return !(v0 >= 2 && is_negator(&x->s->tok[x->c->L[v0 - 2]]));
    for (int p = v0 - 1; p >= 0 && p >= v0 - 3; p--) {
        const dy_ptok *t = &x->s->tok[x->c->L[p]];
        /* "won't try to clash": the negation is try's, not clash's */
        if (t->t.cls == DY_W_COMMA || t->unit >= 0 || (t->type == DY_T_VERB && t->head == x->c->L[p])
            || dy_word_is(&t->t, "TO"))
            return false;
        if (is_negator(t))
            return p < first;
        /* "would no longer send weapons" */
        if (dy_word_is(&t->t, "LONGER") && p >= 1 && dy_word_is(&x->s->tok[x->c->L[p - 1]].t, "NO"))
            return p < first;
    }
    return false;
}

/* Is the word a verb's third-person present ("heads", "meets", "arrives"),
 * not a past or a participle? */
static bool present_s(const dy_token *t)
{
    return dy_word_ends(t, "S") && !dy_word_ends(t, "SS") && !dy_word_ends(t, "US") && !dy_word_ends(t, "ED");
}

/* NEITHER NOR (dyad): is the subject of the verb at clause position v0 a
 * "neither ... nor ..." list ("neither the European Union nor the United
 * States would endorse the result")? */
static bool neither_nor(const dy_mctx *x, int v0)
{
    bool nor = false;
    for (int p = v0 - 1; p >= 0; p--) {
        const dy_ptok *t = &x->s->tok[x->c->L[p]];
        if (t->t.cls == DY_W_COMMA || (t->type == DY_T_VERB && t->head == x->c->L[p]))
            return false;
        if (dy_word_is(&t->t, "NOR"))
            nor = true;
        else if (dy_word_is(&t->t, "NEITHER"))
            return nor;
    }
    return false;
}

/* Is the verb at clause position v0 a guess ("might attack", "could have
 * helped", "may not agree", "whether China would support")? Looks back over the verb group as negated()
 * does, past "have", "be", "not" and adverbs. A conjecture, a purpose ("so
 * that they could find shelter"), a purpose or a possibility is no event. "May" with a
 * capital is a name or a month ("Theresa May met"). */
static bool speculative(const dy_sent *s, const dy_clause *cl, int v0)
{
    /* "questioned whether China would support Russia", "if the President
     * is killed", "unless Hamas is disarmed": a question or a condition,
     * up to the verb or comma before */
    for (int p = v0 - 1; p >= 0; p--) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (t->t.cls == DY_W_COMMA || (t->type == DY_T_VERB && t->head == cl->L[p]))
            break;
        if (dy_word_is(&t->t, "WHETHER") || dy_word_is(&t->t, "IF") || dy_word_is(&t->t, "UNLESS"))
            return true;
        /* "refused to rule out sending troops": a possibility kept open
         * (the phrase codes nothing of its own: NOT_RULE_OUT) */
        if (p >= 1 && dy_word_is(&t->t, "OUT") && dy_word_is(&s->tok[cl->L[p - 1]].t, "RULE")
            && t->type == DY_T_NULL)
            return true;
        /* "comes a day before Sarkozy heads to Beijing": a present tense
         * after "before" or "until" is the future */
        if ((dy_word_is(&t->t, "BEFORE") || dy_word_is(&t->t, "UNTIL")) && present_s(&s->tok[cl->L[v0]].t))
            return true;
    }
    /* "a trip aimed at pushing for a ceasefire", "measures designed to
     * punish Moscow": a purpose, not yet an act */
    if (v0 >= 2 && (dy_word_is(&s->tok[cl->L[v0 - 1]].t, "AT") || dy_word_is(&s->tok[cl->L[v0 - 1]].t, "TO"))
        && dy_grammar_tok(DY_G_PURPOSE, &s->tok[cl->L[v0 - 2]].t))
        return true;
    for (int p = v0 - 1; p >= 0 && p >= v0 - 4; p--) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (dy_grammar_tok(DY_G_GUESS, &t->t))
            return !(t->t.cap && dy_word_is(&t->t, "MAY"));
        if (t->t.cls == DY_W_COMMA || t->unit >= 0 || (t->type == DY_T_VERB && t->head == cl->L[p])
            || !((t->t.fw & (DY_FW_BE | DY_FW_NEG)) || dy_grammar_tok(DY_G_GUESS_SKIP, &t->t) || dy_word_ends(&t->t, "LY")))
            return false;
    }
    return false;
}

/* The clause position of the first participle of violence with "by"
 * after a noun between v1 and tlim ("victims killed by", "families
 * wounded by"), or tlim when there is none. "was killed by" is a passive,
 * not a modifier. */
static int by_violence(const dy_mctx *x, int v1, int tlim)
{
    for (int p = v1 + 2; p + 1 < tlim; p++) {
        const dy_ptok *t = &x->s->tok[x->c->L[p]], *prev = &x->s->tok[x->c->L[p - 1]];
        if (x->s->tok[x->c->L[p + 1]].t.cls != DY_W_BY || (prev->t.fw & DY_FW_BE) || prev->t.cls == DY_W_AUX
            || t->type != DY_T_VERB || t->head != x->c->L[p])
            continue;
        const dy_ecode *c = dy_dict_root_code(x->d, t->root);
        if (c->kind == DY_EC_EVENT && c->code && (strncmp(c->code, "18", 2) == 0 || strncmp(c->code, "19", 2) == 0
                                                  || strncmp(c->code, "20", 2) == 0))
            return p;
    }
    return tlim;
}

/* Does the actor at token stok end in a word for a people ("Armenians",
 * "Chinese", "Israelis") rather than a state's name? */
static bool people_word(const dy_sent *s, int16_t stok)
{
    int u = s->tok[stok].unit_in;
    if (u < 0)
        return false;
    /* plural demonyms ("Armenians", "Chinese", "Israelis", "Filipinos");
     * state names end otherwise, or are the few below ("Paris", "Tunis"
     * are capitals) */
    const dy_token *w = &s->tok[s->unit[u].last].t;
    return !dy_grammar_tok(DY_G_NOT_PEOPLE, w) && dy_grammar_ends(DY_G_PEOPLE_ENDING, w);
}

/* "Vietnam protested China's military drills": a demonstration (CAMEO
 * 140, 141) is what civilians do; a state or its government protesting
 * complains officially (114). */
static const char *official_protest(const dy_sent *s, const char *src, int16_t stok, const char *code)
{
    if (!s->petr || !(strcmp(code, "140") == 0 || strncmp(code, "141", 3) == 0) || !dy_state_code(src) || stok < 0)
        return code;
    size_t n = strlen(src);
    if (n == 6 && strcmp(src + 3, "GOV") == 0)
        return "114";
    /* a bare state code from a state's name, not from its people
     * ("Armenians", "Chinese") nor from a member of a list whose agent is
     * shared ("US and British activists staged a protest") */
    int u = s->tok[stok].unit_in;
    if (n != 3 || u < 0 || people_word(s, stok) || s->unit[u].comp >= 0)
        return code;
    return "114";
}

/* The clause position of the first subordinator after v1 that opens a
 * clause with a subject and a verb of its own before tlim ("after the
 * Vatican mediated ..."; not "after a knife attack in London", where the
 * "verb" is a noun), or tlim. */
static int subordinate_clause(const dy_mctx *x, int v1, int tlim)
{
    for (int p = v1 + 1; p < tlim; p++) {
        if (!dy_grammar_tok(DY_G_SUBORDINATOR, &x->s->tok[x->c->L[p]].t))
            continue;
        bool subject = false;
        for (int q = p + 1; q < tlim; q++) {
            const dy_ptok *t = &x->s->tok[x->c->L[q]];
            if (t->type == DY_T_VERB && t->head == x->c->L[q])
                return subject ? p : tlim;
            subject |= dy_pat_unit_at(x, q) >= 0 && !lone_agent(x->s, dy_pat_unit_at(x, q));
        }
        return tlim;
    }
    return tlim;
}

/* Does a subordinate clause with a subject of its own open between clause
 * positions a and b, the verb at b its verb: a subordinator, at most two
 * words, an actor that is no lone agent, at most two words (auxiliaries,
 * adverbs), then the verb ("after Oman mediated talks", "when he visited
 * Mongolia"; not "despite relevant United Nations resolutions calling
 * for")? */
static bool sub_clause_between(const dy_sent *s, const dy_clause *cl, int a, int b)
{
    for (int p = a + 1; p < b; p++) {
        if (!dy_grammar_tok(DY_G_SUBORDINATOR, &s->tok[cl->L[p]].t))
            continue;
        for (int q = p + 1; q < b && q <= p + 3; q++) {
            int u = s->tok[cl->L[q]].unit;
            if (u < 0 || s->unit[u].dead || lone_agent(s, u))
                continue;
            int end = q;
            while (end + 1 < b && s->tok[cl->L[end + 1]].unit_in == u)
                end++;
            return b - end <= 3;
        }
    }
    return false;
}

/* Does the clause open with "that" (after "and")? */
static bool reported_clause(const dy_sent *s, const dy_clause *cl)
{
    for (int p = 0; p < cl->m && p < 2; p++)
        if (dy_word_is(&s->tok[cl->L[p]].t, "THAT"))
            return true;
    return false;
}

/* Is the code one of CAMEO's cooperative acts, 03 to 08? */
static bool cooperative(const char *code)
{
    return code && code[0] == '0' && code[1] >= '3' && code[1] <= '8';
}

/* Is the agent of the code (its letters 4-6) of class g (dict/cameo.grammar)? */
static bool agent_in(const char *code, dy_gclass g)
{
    return strlen(code) >= 6 && dy_grammar_has(g, code + 3, 3);
}

/* The code of state's agent: the state's three letters, then agent
 * ("NGA" and "CRM" make NGACRM); NULL when memory ran out. */
static const char *restate(dy_arena *a, const char *state, const char *agent)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%.3s%s", state, agent);
    return dy_arena_strndup(a, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* The clause position of the first "mediated by", "brokered by", ...
 * between v1 and tlim, or tlim. */
static int by_mediator(const dy_mctx *x, int v1, int tlim)
{
    for (int p = v1 + 1; p + 1 < tlim; p++)
        if (dy_grammar_tok(DY_G_BROKER, &x->s->tok[x->c->L[p]].t) && x->s->tok[x->c->L[p + 1]].t.cls == DY_W_BY)
            return p;
    return tlim;
}

/* Has the clause a verb before the one at v0? */
static bool clause_verb_before(const dy_mctx *x, int v0)
{
    for (int p = 0; p < v0; p++) {
        const dy_ptok *t = &x->s->tok[x->c->L[p]];
        if (t->type == DY_T_VERB && t->head == x->c->L[p])
            return true;
    }
    return false;
}


/* PETRARCH: "against" names the one acted on, wherever it stands in the
 * verb's phrase v1 + 1 .. tlim ("bans on travel to Canada against four
 * officers in the Russian military"), unless a direct object comes first
 * ("defended Russia against criticism"). Returns that unit or -1. */
static int against_target(const dy_mctx *x, int v1, int tlim, int src, const dy_slots *sl)
{
    const dy_sent *s = x->s;
    const int16_t *L = x->c->L;
    for (int p = v1 + 1; p < tlim; p++) {
        const dy_ptok *t = &s->tok[L[p]];
        if ((t->type == DY_T_VERB && t->head == L[p]) || (t->t.cls == DY_W_COMMA && !t->nosplit))
            return -1;
        int u0 = dy_pat_unit_at(x, p);
        if (u0 >= 0 && x->pos_of[s->unit[u0].first] == p) {
            /* an actor not introduced by a preposition: the object */
            int b = p - 1;
            while (b > v1 && s->tok[L[b]].t.cls == DY_W_DET)
                b--;
            if (b <= v1 || !dy_grammar_tok(DY_G_PREPOSITION, &s->tok[L[b]].t))
                return -1;
        }
        if (!dy_word_is(&t->t, "AGAINST"))
            continue;
        for (int q = p + 1; q < tlim && q <= p + 6; q++) {
            const dy_ptok *tq = &s->tok[L[q]];
            if ((tq->type == DY_T_VERB && tq->head == L[q]) || tq->t.cls == DY_W_COMMA)
                return -1;
            int u = dy_pat_unit_at(x, q);
            if (u >= 0 && u != src && !dy_pat_skipped(s, sl, u) && !same_code(s, u, src))
                return u;
        }
        return -1;
    }
    return -1;
}

/* What code_verb works out for one verb, stage by stage: the pattern that
 * matched and its code (match_verb, verb_code), the voice (find_voice),
 * where the subject may start (subject_start), the source (find_source),
 * the target (find_target), the roles a passive turns (passive_roles), the
 * codes of both sides (side_codes) and the events (emit_events). */
typedef struct {
    run_t *R;
    const dy_clause *cl;
    dy_mctx x;
    int v0, v1, ci;
    const dy_ptok *vt;
    const dy_root *root;
    const dy_verb *verb;
    const dy_ecode *code, *rootcode; /* the code that fired; the root's own */
    dy_slots sl;
    dy_origin at;
    int pat_first;            /* first clause position of the matched pattern */
    const char *ecode, *ecode2; /* the event code (negated or not) and a paired one */
    int pvoice;               /* the PETRARCH voice, asked at most once: -1 not yet known */
    int src, tgt;             /* units, -1 none */
    bool passive, noby;       /* a passive; with no "by" */
    int subj_first;           /* first clause position of the verb's subject */
    bool src_prior, tgt_after; /* the source before the verb; the target after it */
    bool own_people;          /* the target is the source state's place: its people */
    const char *srcs[64], *tgts[64];
    int16_t stok[64], ttok[64];
    int ns, nt;
} vctx;

/* The first of the verb's patterns that matches the clause, else (PETRARCH,
 * which reads a passive from its parse with the subject as the object: "the
 * civilians were released" matches "- * &PEOPLE") a words-only lower
 * pattern over the passive's subject, else the root's code. */
static void match_verb(vctx *v)
{
    const dy_clause *cl = v->cl;
    const dy_sent *s = v->x.s;
    v->code = NULL;
    for (uint32_t i = 0; i < v->verb->npat; i++) {
        const dy_pattern *pt = &v->verb->pat[i];
        if ((pt->need & ~cl->bloom) || !dy_pat_clause_has_words(cl, pt))
            continue; /* names a word the clause lacks */
        dy_slots t = {-1, -1, false, false, {0}, 0, -1};
        int lastp = v->v1, firstp = v->v0;
        if (!dy_pat_match_lower(&v->x, pt, v->v1, &t, &lastp))
            continue;
        if (!dy_pat_match_upper(&v->x, pt, v->v0, &t, &firstp))
            continue;
        v->code = &pt->code;
        v->sl = t;
        v->at = pt->at;
        v->pat_first = firstp;
        break;
    }
    /* no pattern of its own: a light verb codes its object's event noun
     * ("launched an offensive", "lifted the curfew"), unless it is a
     * phrase with a code of its own ("opened fire") */
    if (!v->code && (v->v0 == v->v1 || dy_dict_root_code(v->x.d, v->vt->root)->kind != DY_EC_EVENT))
        v->code = dy_light_code(v->R->c->light, &v->x, v->R->c->tree_ok ? &v->R->c->tree : NULL, v->v0, v->v1,
                                &v->sl);
    if (!v->code && s->petr && passive_once(&v->x, v->v0, v->v1, &v->pvoice))
        for (uint32_t i = 0; i < v->verb->npat && !v->code; i++) {
            const dy_pattern *pt = &v->verb->pat[i];
            if ((pt->need & ~cl->bloom) || !dy_pat_clause_has_words(cl, pt) || pt->upper.n || !pt->lower.n
                || !dy_pat_words_only(&pt->lower))
                continue;
            for (int p = passive_subject(&v->x, v->v0); p < v->v0 && !v->code; p++) {
                if (dy_grammar_tok(DY_G_PREPOSITION, &s->tok[cl->L[p]].t))
                    continue; /* a noun of the subject, not "should to be" */
                dy_slots t = {-1, -1, false, false, {0}, 0, -1};
                int end = dy_pat_seq_fwd(&v->x, &pt->lower, p, &t);
                if (end >= 0 && end < v->v0) {
                    v->code = &pt->code;
                    v->at = pt->at;
                }
            }
        }
    v->rootcode = v->root->code ? v->root->code : &v->verb->code;
    if (!v->code)
        v->code = v->rootcode;
}

/* The event code of the match, negated when the verb is; false when there
 * is none (a discard or complex phrase marks the sentence so). */
static bool verb_code(vctx *v, bool dominant_only)
{
    dy_sent *s = v->R->s;
    const dy_opts *o = &v->R->c->opts;
    const dy_ecode *code = v->code;
    if (code->kind == DY_EC_DISCARD) {
        s->discard = true;
        return false;
    }
    if (code->kind == DY_EC_COMPLEX) {
        s->complex = true;
        s->why = "complex verb phrase";
        return false;
    }
    if (code->kind != DY_EC_EVENT)
        return false;
    /* after a clause's first event, only a pattern with a dominant code is
     * still coded (a dominant code on a bare root does not reach past it) */
    if (dominant_only && (!code->dom || code == v->rootcode))
        return false;
    v->ecode = code->code;
    v->ecode2 = code->code2;
    if (o->negation && (negated(&v->x, v->v0, v->pat_first) || (o->neither && neither_nor(&v->x, v->v0)))) {
        v->ecode = dy_status_negated(code->code);
        v->ecode2 = NULL; /* a refusal is one-sided */
        if (!v->ecode)
            return false;
    }
    return true;
}

/* The designated roles, and the voice: a passive with "by" after it, or
 * (PETRARCH, off its parse) one with no "by" (noby). */
static void find_voice(vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    int v0 = v->v0, v1 = v->v1;
    v->src = v->sl.src_u;
    v->tgt = v->sl.tgt_u;
    if (agent_owner(&v->x, v->tgt) >= 0)
        v->tgt = agent_owner(&v->x, v->tgt);
    /* PETRARCH reads a compound after the verb ("agrees with % ") as the
     * targets of the subject, not as a pair acting on each other */
    if (s->petr && v->sl.comp && v->src >= 0 && v->src == v->tgt && s->unit[v->src].first > cl->L[v1]) {
        for (int p = 0; p < v0; p++) {
            int u = dy_pat_unit_at(&v->x, p);
            if (u >= 0 && !dy_pat_skipped(s, &v->sl, u) && !own_member(s, u, v->tgt)) {
                v->src = u;
                break;
            }
        }
    }
    v->passive = v->noby = false;
    if (v->sl.designated)
        return;
    bool aux = (v0 >= 1 && s->tok[cl->L[v0 - 1]].t.cls == DY_W_AUX)
            || (v0 >= 2 && s->tok[cl->L[v0 - 2]].t.cls == DY_W_AUX);
    bool by = (v1 + 1 < cl->m && s->tok[cl->L[v1 + 1]].t.cls == DY_W_BY)
           || (v1 + 2 < cl->m && s->tok[cl->L[v1 + 2]].t.cls == DY_W_BY);
    /* PETRARCH reads the voice off the parse: "the Philippines was
     * criticized over its dispute with Eriador" has Eriador as the
     * source even with no "by"; "a missile believed to be fired by
     * rebels" is a passive with its agent */
    bool pv = s->petr && passive_once(&v->x, v0, v1, &v->pvoice);
    v->passive = (aux || pv) && by;
    if (!v->passive && pv)
        v->passive = v->noby = true;
}

/* The first clause position the verb's subject may take (PETRARCH: after a
 * statement verb, a subordinator, or an opening phrase set off by a comma). */
static int subject_start(const vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    const dy_opts *o = &v->R->c->opts;
    int first = 0;
    if (!s->petr)
        return 0;
    /* the subject of a verb reported by a statement ("Israel said a mortar
     * bomb was fired") stands after the statement verb */
    for (int p = v->v0 - 1; p > 0 && first == 0; p--) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (t->type == DY_T_VERB && t->head == cl->L[p]) {
            const dy_ptok *nx = &s->tok[cl->L[p + 1]];
            /* not "was seen to break": there the subject is shared */
            if (dy_dict_statement_root(v->x.d, t->root) && !dy_word_is(&nx->t, "TO"))
                first = p + 1;
        }
    }
    /* SUBORDINATE CLAUSES: a verb of a subordinate clause after the main
     * verb has the clause's own subject ("Cuba freed prisoners after the
     * Vatican mediated talks": the Vatican mediates) */
    if (o->subordinate)
        for (int p = v->v0 - 1; p > first; p--) {
            const dy_ptok *t = &s->tok[cl->L[p]];
            if (t->type == DY_T_VERB && t->head == cl->L[p])
                break;
            if (dy_grammar_tok(DY_G_SUBORDINATOR, &t->t)) {
                for (int q = p + 1; q < v->v0; q++)
                    if (dy_pat_unit_at(&v->x, q) >= 0) {
                        first = p + 1;
                        break;
                    }
                break;
            }
        }
    /* an opening phrase set off by a comma ("During talks in Islamabad,
     * China agreed ...", "In Afghanistan, Iraq and Spain, terrorism has
     * struck") holds no subject when an actor or a noun follows the comma */
    for (int p = v->v0 - 1; p > first; p--) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (t->t.cls != DY_W_COMMA || t->nosplit)
            continue;
        for (int q = p + 1; q < v->v0; q++) {
            const dy_ptok *w = &s->tok[cl->L[q]];
            if (dy_pat_unit_at(&v->x, q) >= 0
                || (dy_pat_plain_noun(w) && !w->t.fw && !dy_word_ends(&w->t, "LY") && !dy_grammar_tok(DY_G_VERB_GROUP, &w->t))) {
                first = p + 1;
                break;
            }
        }
        break;
    }
    return first;
}

/* PETRARCH: a passive's agent may be named by "from" ("a mortar was fired
 * at it from the Gaza Strip"), whatever the pattern designates; then the
 * subject, if any, is what was acted on. */
static void from_agent(vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    if (!s->petr || v->src >= 0 || (v->passive && !v->noby) || !passive_once(&v->x, v->v0, v->v1, &v->pvoice))
        return;
    for (int p = v->v1 + 1; p < cl->m && v->src < 0; p++) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (t->type == DY_T_VERB && t->head == cl->L[p])
            break;
        if (dy_word_is(&t->t, "FROM"))
            for (int q = p + 1; q < cl->m && q <= p + 3 && v->src < 0; q++)
                v->src = dy_pat_unit_at(&v->x, q);
    }
    if (v->src >= 0) {
        for (int p = v->subj_first; p < v->v0 && v->tgt < 0; p++)
            v->tgt = dy_pat_unit_at(&v->x, p);
        v->passive = v->noby = false;
    }
}

/* The source when no pattern designates one: the first actor of the clause
 * before the verb (a lone agent only when there is no actor), else the
 * clause before's, else (not PETRARCH) the first actor after the verb. */
static void find_source(vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    const dy_opts *o = &v->R->c->opts;
    if (v->src >= 0) {
        v->src_prior = true;
        return;
    }
    /* PETRARCH: an infinitive's subject is its governing verb's ("China is
     * willing to work closely with Pakistan ... to strengthen"), not an
     * actor in between */
    int slim = v->v0;
    if (s->petr && v->vt->after_to)
        for (int p = v->subj_first; p < v->v0 && slim == v->v0; p++)
            if (s->tok[cl->L[p]].type == DY_T_VERB && s->tok[cl->L[p]].head == cl->L[p])
                slim = p;
    for (int w = 0; w < 2 && v->src < 0; w++)
        for (int p = v->subj_first; p < slim; p++) {
            int u = dy_pat_unit_at(&v->x, p);
            if (u >= 0 && !dy_pat_skipped(s, &v->sl, u) && !(v->tgt >= 0 && same_code(s, u, v->tgt))
                && (w == 1 || !lone_agent(s, u))
                && !(s->petr && !said_root(v->x.d, v->vt->root) && place_phrase(&v->x, p))) {
                v->src = u;
                break;
            }
        }
    /* later clauses carry the source of the clause before */
    if (v->src < 0 && v->ci > 0 && v->R->carried_src >= 0)
        v->src = v->R->carried_src;
    v->src_prior = v->src >= 0;
    /* greedy: no actor before the verb, look after it (unless a default
     * source is to be used whenever none precedes the verb). PETRARCH takes
     * the source from the verb's subject only: "The stopover came as the
     * US leader prepared..." has none for "came". */
    if (v->src < 0 && !(o->def_src[0] && o->def_src_prior) && !s->petr)
        for (int p = v->v1 + 1; p < cl->m; p++) {
            int u = dy_pat_unit_at(&v->x, p);
            if (u >= 0 && !dy_pat_skipped(s, &v->sl, u) && !(v->tgt >= 0 && same_code(s, u, v->tgt))) {
                v->src = u;
                break;
            }
        }
}

/* PETRARCH: the last clause position that may hold the target: not a
 * closing reporting clause (", a US official said Wednesday"), nor who
 * harmed those aid goes to, nor a go-between of a deal, nor a subordinate
 * clause with a verb of its own. */
static int target_limit(const vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    const dy_opts *o = &v->R->c->opts;
    int tlim = cl->m;
    if (!s->petr)
        return tlim;
    for (int p = cl->m - 1; p > v->v1; p--) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (t->t.cls == DY_W_COMMA && !t->nosplit) {
            for (int q = p + 1; q < cl->m && q <= p + 12 && tlim == cl->m; q++) {
                const dy_ptok *u = &s->tok[cl->L[q]];
                if (u->type == DY_T_VERB && u->head == cl->L[q]) {
                    if (dy_dict_statement_root(v->x.d, u->root))
                        tlim = p;
                    break;
                }
            }
            break;
        }
    }
    /* "help identify victims killed by the Malaysia Airlines crash": aid
     * goes to the ones named, not to whoever harmed them in a participle
     * after them (praise and blame do go there: "welcomes the agreement
     * concluded by the EU", "condemns the attacks carried out by Israel") */
    if (v->ecode[0] == '0' && v->ecode[1] == '7')
        tlim = by_violence(&v->x, v->v1, tlim);
    /* "agreed to a ceasefire mediated by Qatar", "a deal brokered by the
     * United States": a go-between is no party to the deal (but praise of
     * it is praise of the go-between: "supports the ceasefire brokered by
     * the United States and Russia") */
    if (cooperative(v->ecode) && v->ecode[1] != '5')
        tlim = by_mediator(&v->x, v->v1, tlim);
    /* SUBORDINATE CLAUSES: "Cuba freed 553 prisoners after the Vatican
     * mediated talks": a subordinate clause with a verb of its own is
     * another event, its actors no target of this verb ("after talks with
     * Pakistan", with no verb, still is; PETRARCH's suites take targets
     * from such clauses) */
    if (o->subordinate)
        tlim = subordinate_clause(&v->x, v->v1, tlim);
    return tlim;
}

/* The first actor in [from, to) that may be the target: not the source or
 * of its code, not passed over; a member of the source's own compound only
 * on the second pass, a lone agent only on the second round; before the
 * verb (before) not a co-actor or opening actor (PETRARCH). -1 none. */
static int target_in(const vctx *v, int from, int to, int pass, int w, bool before)
{
    const dy_sent *s = v->x.s;
    for (int p = from; p < to; p++) {
        int u = dy_pat_unit_at(&v->x, p);
        if (u >= 0 && u != v->src && !dy_pat_skipped(s, &v->sl, u) && !same_code(s, u, v->src)
            && own_member(s, u, v->src) == (pass == 1) && (w == 1 || !lone_agent(s, u))
            && !(before && s->petr && (co_actor(&v->x, p) || opening_actor(&v->x, p, v->src))))
            return u;
    }
    return -1;
}

/* The target when no pattern designates one: the first actor after the
 * verb whose code differs from the source's, else the first such actor
 * before it; members of the source's own compound only when there is no
 * other (then one member alone), and last the whole compound. */
/* Does a "with" phrase (the grammar's COPARTY_CASE) after the verb, up to tlim, name another party
 * that the dictionaries do not know ("Bahrain and Kosovo opened
 * diplomatic relations with the nation")? Then a compound subject does not
 * act on itself. */
static bool with_other(const vctx *v, int tlim)
{
    for (int p = v->v1 + 1; p < tlim; p++)
        if (dy_grammar_tok(DY_G_COPARTY_CASE, &v->x.s->tok[v->cl->L[p]].t))
            return true;
    return false;
}

static void find_target(vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    const dy_opts *o = &v->R->c->opts;
    run_t *R = v->R;
    int src = v->src;
    v->tgt_after = v->tgt >= 0;
    if (v->tgt >= 0)
        return;
    /* PETRARCH codes a compound subject with no object against itself,
     * every pair ("the US, Russia and Switzerland met") */
    int passes = s->petr ? 1 : 2;
    int tlim = target_limit(v);
    /* a compound subject acts on itself before on a lone agent
     * ("China-Pakistan to enhance cooperation: Spokesperson") */
    int wmax = s->petr && src >= 0 && s->unit[src].comp >= 0 ? 1 : 2;
    if (s->petr)
        v->tgt = against_target(&v->x, v->v1, tlim, src, &v->sl);
    for (int w = 0; w < wmax && v->tgt < 0; w++)
        for (int pass = 0; pass < passes && v->tgt < 0; pass++) {
            v->tgt = target_in(v, v->v1 + 1, tlim, pass, w, false);
            if (v->tgt < 0)
                v->tgt = target_in(v, 0, v->v0, pass, w, true);
        }
    /* "The Kremlin denied that Russia had interfered in the Moldovan
     * election": an actor of the source's own state is the target only
     * when no other state's actor is there */
    if (s->petr && v->tgt >= 0 && src >= 0 && same_state(s, src, v->tgt))
        for (int p = v->v1 + 1; p < tlim; p++) {
            int u = dy_pat_unit_at(&v->x, p);
            /* not a place after the object ("struck PKK militants in
             * northern Iraq"), but "interfered in the election" */
            if (u >= 0 && u != src && !dy_pat_skipped(s, &v->sl, u) && !same_state(s, u, src) && !lone_agent(s, u)
                && !own_member(s, u, src) && !(s->unit[u].first < s->unit[v->tgt].first)
                && (!place_phrase(&v->x, p) || verb_before_place(&v->x, p))) {
                v->tgt = u;
                break;
            }
        }
    /* "Sri Lanka imposed a curfew in Colombo": with no one else named, an
     * act of a state at a place of its own is on its own people */
    if (s->petr && v->tgt < 0 && src >= 0 && s->unit[src].comp < 0)
        for (int p = v->v1 + 1; p < tlim && v->tgt < 0; p++) {
            int u = dy_pat_unit_at(&v->x, p);
            if (u >= 0 && u != src && same_state(s, u, src) && place_phrase(&v->x, p)) {
                v->tgt = u;
                v->own_people = true;
            }
        }
    if (v->tgt < 0 && src >= 0 && s->unit[src].comp >= 0 && !with_other(v, tlim))
        v->tgt = src;
    /* SUBORDINATE CLAUSES: "Japan's foreign minister visited Ukraine and
     * pledged further support": a verb phrase joined on with its subject
     * carried, naming no one, acts on the one the phrase before acted on
     * (a cooperative act after one, or a cut in relations: "condemned the
     * strikes and recalled its ambassador"; not in a report: "alleged that
     * France ..., and that its military ... took part") */
    if (s->petr && o->subordinate && v->tgt < 0 && v->ci > 0 && src >= 0 && src == R->carried_src
        && R->carried_tgt >= 0 && R->carried_tgt != src && !s->unit[R->carried_tgt].dead
        && ((cooperative(v->ecode) && R->carried_coop) || strncmp(v->ecode, "16", 2) == 0) && !reported_clause(s, cl))
        v->tgt = R->carried_tgt;
    v->tgt_after = v->tgt >= 0 && s->unit[v->tgt].first > cl->L[v->v1];
}

/* "victims killed by the Malaysia Airlines crash", "the Palestinian
 * territory occupied by Israel": a participle after a noun, with its agent
 * after "by", is a passive modifier: the agent acts on the noun phrase
 * before it, never on the clause's subject. Right after a named actor (no
 * agent noun) with no verb before them it is the main verb ("Israel seized
 * by military force half of the land", "Kim travelled by train to Russia";
 * but "Ukrainian children abducted by Russia"). */
static void by_participle(vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    int v0 = v->v0, v1 = v->v1;
    if (!s->petr || v->sl.designated || v0 < 1 || v1 + 2 >= cl->m || s->tok[cl->L[v1 + 1]].t.cls != DY_W_BY
        || !(dy_word_ends(&v->vt->t, "ED") || dy_word_ends(&v->vt->t, "EN"))
        || !(s->tok[cl->L[v0 - 1]].unit_in < 0 || s->unit[s->tok[cl->L[v0 - 1]].unit_in].agent
             || lone_agent(s, s->tok[cl->L[v0 - 1]].unit_in) || clause_verb_before(&v->x, v0)))
        return;
    int p = v0 - 1;
    while (p > 0 && p >= v0 - 3 && s->tok[cl->L[p]].unit_in < 0 && dy_pat_plain_noun(&s->tok[cl->L[p]])
           && !s->tok[cl->L[p]].t.fw && !dy_word_ends(&s->tok[cl->L[p]].t, "LY"))
        p--;
    const dy_ptok *pt = &s->tok[cl->L[v0 - 1]];
    /* the agent right after "by", past determiners and modifiers, before
     * any preposition; none named ("injured by natural disasters"): no
     * source */
    int agent = -1;
    for (int q = v1 + 2; q < cl->m && q <= v1 + 4 && agent < 0; q++) {
        agent = dy_pat_unit_at(&v->x, q);
        if (agent < 0 && (dy_grammar_tok(DY_G_PREPOSITION, &s->tok[cl->L[q]].t) || s->tok[cl->L[q]].t.cls == DY_W_COMMA))
            break;
    }
    if ((dy_pat_plain_noun(pt) && !pt->t.fw && !dy_word_ends(&pt->t, "LY")) || pt->unit_in >= 0) {
        int u = s->tok[cl->L[p]].unit_in;
        v->src = agent;
        v->tgt = u >= 0 && !s->unit[u].dead ? u : -1;
        v->passive = false;
    }
}

/* The roles a passive turns: with no "by", only "subject, verb, other
 * actor" turns; the agent of a passive is what "by" names (PETRARCH); a
 * participle after a noun with its agent after "by" is a passive modifier. */
static void passive_roles(vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_clause *cl = v->cl;
    int v0 = v->v0, v1 = v->v1;
    /* with no "by", only the pattern "subject, verb, other actor" turns: a
     * source found after the verb is already the agent */
    if (v->noby && v->src >= 0 && v->tgt >= 0
        && !(s->unit[v->src].first < cl->L[v0] && s->unit[v->tgt].first > cl->L[v1])) {
        v->passive = false;
        /* both before the verb: the nearer is the passive's subject, acted
         * on by no one named ("no solution to the problem of Gaza unless
         * the Hamas regime is disarmed") */
        if (s->petr && s->unit[v->src].first < s->unit[v->tgt].first && s->unit[v->tgt].last < cl->L[v0])
            v->src = -1;
    }
    /* PETRARCH: the agent of a passive is what "by" names; "Obama is being
     * pressured by Congress to help Iran" has no known source, not Iran */
    int byp = -1;
    if (v->passive && s->petr)
        /* "by" anywhere before the next verb: "was blown up over Eastern
         * Ukraine by a missile" */
        for (int p = v1 + 1; p < cl->m && byp < 0; p++) {
            const dy_ptok *t = &s->tok[cl->L[p]];
            if (t->type == DY_T_VERB && t->head == cl->L[p])
                break;
            if (t->t.cls == DY_W_BY)
                byp = p;
        }
    if (byp >= 0 && v->src >= 0 && s->unit[v->src].first < cl->L[v0]) {
        int agent = -1;
        for (int p = byp + 1; p < cl->m && p <= byp + 3 && agent < 0; p++) {
            const dy_ptok *t = &s->tok[cl->L[p]];
            if (t->type == DY_T_VERB && t->head == cl->L[p])
                break;
            agent = dy_pat_unit_at(&v->x, p);
        }
        v->tgt = v->src;
        v->src = agent;
        v->passive = false;
    }
    if (v->passive && v->src >= 0 && v->tgt >= 0) {
        int t = v->src;
        v->src = v->tgt;
        v->tgt = t;
        /* PETRARCH: a subject with no actor code ("four children were
         * killed in Israeli shelling in Gaza") leaves the target to an
         * actor after the agent, as a lone agent is a source only when
         * there is no actor */
        if (s->petr && lone_agent(s, v->tgt))
            for (int p = v->x.pos_of[s->unit[v->src].last] + 1; p > 0 && p < cl->m; p++) {
                int u = dy_pat_unit_at(&v->x, p);
                if (u >= 0 && u != v->src && !lone_agent(s, u) && !same_code(s, u, v->src)) {
                    v->tgt = u;
                    break;
                }
            }
    }
    by_participle(v);
}

/* DOMESTIC: what CAMEO calls administrative sanctions and their easing
 * (172, 081) is a state's act on its own: "Uganda banned the opposition
 * party" is UGA on UGAOPP, "Myanmar lifted the curfew in Rakhine state" MMR
 * on its people (MMRCVL); a protest or strike (14) by a state's people
 * against no one named is against their state ("French workers went on
 * strike against the pension reform"). False without memory. */
static bool domestic_target(vctx *v)
{
    dy_sent *s = v->R->s;
    dy_arena *a = &v->R->c->scratch;
    const char *ecode = v->ecode;
    bool admin = strncmp(ecode, "172", 3) == 0 || strncmp(ecode, "081", 3) == 0;
    /* coercion of people of no stated country ("Iranian security forces
     * shot protesters") is of the state's own, and so is the institution
     * a state's people protest against ("Thousands of Kenyans stormed
     * parliament") */
    bool coerce = strncmp(ecode, "17", 2) == 0 || strncmp(ecode, "14", 2) == 0;
    for (int j = 0; (admin || coerce) && j < v->nt; j++)
        if (strncmp(v->tgts[j], "---", 3) == 0 && v->tgts[j][3] && !(v->tgts[j] = restate(a, v->srcs[0], v->tgts[j] + 3)))
            return false;
    /* its people, not its institutions, police or parties ("Opponents of
     * Rwanda's Senate protested": the Senate is no protester) */
    bool people = strlen(v->srcs[0]) > 3 && !agent_in(v->srcs[0], DY_G_INSTITUTION_AGENT) && !agent_in(v->srcs[0], DY_G_ORGAN_AGENT);
    /* "Tens of thousands of Israelis protested": the people named bare
     * protest against their government */
    bool bare_people = strlen(v->srcs[0]) == 3 && v->stok[0] >= 0 && people_word(s, v->stok[0]);
    if (v->nt == 0 && (admin || (strncmp(ecode, "14", 2) == 0 && (people || bare_people)))) {
        if (!(v->tgts[0] = restate(a, v->srcs[0], admin ? "CVL" : bare_people ? "GOV" : "")))
            return false;
        v->ttok[0] = -1;
        v->nt = 1;
    }
    return true;
}

/* The codes of both sides (a compound gives one per member; the options'
 * default source and target where none was found), with the DOMESTIC
 * target and PETRARCH's half dyads. False without memory. */
static bool side_codes(vctx *v)
{
    const dy_sent *s = v->x.s;
    const dy_opts *o = &v->R->c->opts;
    dy_arena *a = &v->R->c->scratch;
    bool tgt_alone = v->tgt >= 0 && v->src >= 0 && v->tgt != v->src && !s->unit[v->tgt].pronoun
                  && s->unit[v->tgt].comp >= 0 && s->unit[v->tgt].comp == s->unit[v->src].comp;
    /* a long list acting on itself: no pairs (long_list) */
    if (s->petr && v->src >= 0 && v->tgt >= 0 && s->unit[v->src].comp >= 0
        && s->unit[v->tgt].comp == s->unit[v->src].comp && !tgt_alone && long_list(s, v->src))
        v->tgt = -1;
    v->ns = v->nt = 0;
    if (v->src >= 0 && !(o->def_src[0] && o->def_src_prior && !v->src_prior))
        v->ns = unit_codes(s, v->src, false, a, v->srcs, v->stok, 64);
    else if (o->def_src[0]) {
        v->srcs[0] = o->def_src;
        v->stok[0] = -1;
        v->ns = 1;
    }
    if (v->tgt >= 0 && !(o->def_tgt[0] && o->def_tgt_after && !v->tgt_after))
        v->nt = unit_codes(s, v->tgt, tgt_alone, a, v->tgts, v->ttok, 64);
    else if (o->def_tgt[0]) {
        v->tgts[0] = o->def_tgt;
        v->ttok[0] = -1;
        v->nt = 1;
    }
    if (s->petr && o->domestic && v->ns == 1 && dy_state_code(v->srcs[0]) && v->ecode && !domestic_target(v))
        return false;
    if ((v->ns == 0 || v->nt == 0) && o->allow_half_dyad && (v->ns || v->nt)) {
        /* PETRARCH's require_dyad = false: the missing side is "---" */
        if (v->ns == 0) {
            v->srcs[0] = "---";
            v->stok[0] = -1;
            v->ns = 1;
        } else {
            v->tgts[0] = "---";
            v->ttok[0] = -1;
            v->nt = 1;
        }
    }
    return true;
}

/* PLACES: "Gunmen kidnapped Chinese workers in Nigeria", "Protesters
 * rioted outside the Dutch embassy in Ankara": an agent of no country
 * acting or acted on where the clause names one state's place with "in"
 * or "at" is that state's (NGACRM, TURCVL); and "Sri Lanka imposed a
 * curfew in Colombo": the place is the state's own, its people (LKACVL)
 * the ones acted on, not the state itself, only for what a state does to
 * its people as a state (coercion, CAMEO 17, and easing restrictions,
 * 081): "Kenya supports a secretariat in Nairobi", "Serbia fought a war"
 * are no events. False without memory. */
static bool place_codes(vctx *v)
{
    const dy_sent *s = v->x.s;
    dy_arena *a = &v->R->c->scratch;
    if (s->petr && v->R->c->opts.places) {
        const char *pst = place_state(&v->x, v->src, v->tgt);
        for (int k = 0; pst && k < v->ns + v->nt; k++) {
            const char **c = k < v->ns ? &v->srcs[k] : &v->tgts[k - v->ns];
            /* people and armed groups, not a government, an army or
             * officials of no stated country ("my Government", "troops
             * committed to peace in Somalia" are another state's) */
            if (strncmp(*c, "---", 3) == 0 && (*c)[3] && !agent_in(*c, DY_G_INSTITUTION_AGENT) && !(*c = restate(a, pst, *c + 3)))
                return false;
        }
    }
    bool on_people = v->ecode && (strncmp(v->ecode, "17", 2) == 0 || strncmp(v->ecode, "081", 3) == 0);
    for (int j = 0; v->own_people && on_people && j < v->nt; j++)
        if (strlen(v->tgts[j]) == 3 && !(v->tgts[j] = restate(a, v->tgts[j], "CVL")))
            return false;
    return true;
}

/* Is the event from src to tgt (codes) none? A state's official
 * cooperating with (02-08) the state itself, or reducing relations with it
 * (16; not with its rebels), is the state's own statement (DOMESTIC); and
 * neither side a known actor is no dyad. */
static bool no_dyad(const vctx *v, const char *src, const char *tgt)
{
    const dy_sent *s = v->x.s;
    const dy_opts *o = &v->R->c->opts;
    const char *ecode = v->ecode;
    if (strcmp(src, tgt) == 0)
        return true;
    /* "Abbas Araghchi said Iran was ready to resume talks"; sorrow for
     * one's own people (01) is one */
    if (s->petr && o->domestic && ecode[0] == '0' && ecode[1] >= '2' && ecode[1] <= '8' && strlen(tgt) == 3
        && strncmp(src, tgt, 3) == 0 && dy_state_code(tgt))
        return true;
    /* "Nigeria recalled all its ambassadors": NGA on NGAGOV, but not
     * "Colombia suspended peace talks with the ELN" */
    if (s->petr && o->domestic && strncmp(ecode, "16", 2) == 0 && strncmp(src, tgt, 3) == 0 && dy_state_code(tgt)
        && !agent_in(tgt, DY_G_INSURGENT_AGENT))
        return true;
    return strncmp(src, "---", 3) == 0 && strncmp(tgt, "---", 3) == 0;
}

/* The events of every pair of source and target codes into tmp; and what
 * the next clause is left (the source, target and whether the act was
 * cooperative). Returns V_EVENT when there are events. */
static int emit_events(vctx *v, dy_evlist *tmp)
{
    const dy_sent *s = v->x.s;
    run_t *R = v->R;
    const dy_ecode *code = v->code;
    if (v->ns == 0 || v->nt == 0) {
        if (v->src >= 0)
            R->carried_src = v->src;
        return V_NULL;
    }
    R->carried_src = v->src >= 0 ? v->src : R->carried_src;
    R->carried_tgt = v->tgt >= 0 ? v->tgt : -1;
    R->carried_coop = cooperative(v->ecode);
    const char *attr = v->sl.attr_u >= 0 ? s->unit[v->sl.attr_u].code : NULL;
    int before = tmp->n;
    if (!place_codes(v))
        return V_NULL;
    int16_t vtok0 = v->cl->L[v->v0], vtok1 = v->cl->L[v->v1];
    for (int i = 0; i < v->ns; i++)
        for (int j = 0; j < v->nt; j++) {
            if (no_dyad(v, v->srcs[i], v->tgts[j]))
                continue;
            dy_ev e = {v->srcs[i], v->tgts[j], official_protest(s, v->srcs[i], v->stok[i], v->ecode), v->stok[i],
                       v->ttok[j], vtok0, vtok1, v->at, code->sub, code->dom, attr, false,
                       v->sl.src_u >= 0 || code->rev, v->sl.tgt_u >= 0 || code->rev};
            if (code->rev) {
                e.src = v->tgts[j];
                e.tgt = v->srcs[i];
                e.src_tok = v->ttok[j];
                e.tgt_tok = v->stok[i];
            }
            dy_ev_push(tmp, &e);
            if (v->ecode2) {
                dy_ev r = {v->tgts[j], v->srcs[i], v->ecode2, v->ttok[j], v->stok[i], vtok0, vtok1, v->at,
                          code->sub, code->dom, attr, true, true, true};
                dy_ev_push(tmp, &r);
            }
        }
    return tmp->n > before ? V_EVENT : V_NULL;
}

/* Tries verb at clause positions v0..v1; fills ev list when it yields events.
 * Returns V_EVENT when events were made, V_NULL for a null/failed code. */
static int code_verb(run_t *R, const dy_clause *cl, int16_t *pos_of, int v0, int v1, int ci,
                     bool dominant_only, dy_evlist *tmp)
{
    dy_sent *s = R->s;
    const struct dy_dict *d = R->c->d;
    vctx v = {.R = R, .cl = cl, .x = {s, d, cl, pos_of, R->c, v0 - DY_PAT_REACH, v1 + DY_PAT_REACH},
              .v0 = v0, .v1 = v1, .ci = ci, .vt = &s->tok[cl->L[v0]], .pat_first = v0, .pvoice = -1,
              .sl = {-1, -1, false, false, {0}, 0, -1}};
    v.root = &d->roots[v.vt->root];
    v.verb = &d->verbs[v.root->id];
    v.at = v.verb->at;
    match_verb(&v);
    if (!verb_code(&v, dominant_only))
        return V_NULL;
    find_voice(&v);
    v.subj_first = subject_start(&v);
    from_agent(&v);
    find_source(&v);
    find_target(&v);
    passive_roles(&v);
    if (!side_codes(&v))
        return V_NULL;
    return emit_events(&v, tmp);
}

static bool complex_check(dy_coder *c, dy_sent *s)
{
    const dy_opts *o = &c->opts;
    int nverb = 0, nconj = 0, nact = 0, npron = 0, firstverb = -1;
    for (int i = 0; i < s->n; i++) {
        const dy_ptok *t = &s->tok[i];
        if (t->del)
            continue;
        if (t->type == DY_T_VERB && t->head == i) {
            nverb++;
            /* a null-coded root (coded only through its patterns) does not
             * open the sentence for NOACTPRIOR */
            const dy_ecode *vc = dy_dict_root_code(c->d, t->root);
            if (firstverb < 0 && vc->kind != DY_EC_NULL)
                firstverb = i;
        }
        if (t->t.cls == DY_W_CONJ && !t->nosplit && t->type == DY_T_NONE)
            nconj++; /* TABARI counts every free conjunction */
        if (t->t.cls == DY_W_PRON)
            npron++;
    }
    for (int u = 0; u < s->nunit; u++)
        if (!s->unit[u].dead && !s->unit[u].pronoun)
            nact++;
    const char *why = NULL;
    bool filter = o->cx_verbs || o->cx_actors || o->cx_pronouns || o->cx_conj || o->cx_comma
               || o->cx_lateverb || o->cx_noactprior || o->cx_noactafter || o->cx_noverb;
    /* TABARI reads at most 127 words of a record; with a complexity filter
     * on, a longer one (usually run-together sentences) is set aside */
    if (filter && s->n > DY_MAX_WORDS)
        why = "more than 127 words";
    else if (o->cx_verbs && nverb >= o->cx_verbs)
        why = "too many verbs";
    else if (o->cx_conj && nconj >= o->cx_conj)
        why = "too many conjunctions";
    else if (o->cx_actors && nact >= o->cx_actors)
        why = "too many actors";
    else if (o->cx_pronouns && npron >= o->cx_pronouns)
        why = "too many pronouns";
    else if (o->cx_comma && s->ncomma_del >= o->cx_comma)
        why = "too many comma clauses";
    else if (o->cx_noverb && firstverb < 0)
        why = "no verb";
    else if (o->cx_lateverb && (firstverb < 0 || firstverb >= o->cx_lateverb))
        why = "late verb";
    else if (o->cx_noactprior) {
        /* with no verb at all, no actor anywhere is "no actor prior" */
        int fv = firstverb >= 0 ? firstverb : s->n;
        bool prior = false;
        for (int u = 0; u < s->nunit; u++)
            if (!s->unit[u].dead && s->unit[u].first < fv)
                prior = true;
        if (!prior)
            why = "no actor before the first verb";
    }
    if (!why && o->cx_noactafter && firstverb >= 0) {
        bool after = false;
        for (int u = 0; u < s->nunit; u++)
            if (!s->unit[u].dead && s->unit[u].first > firstverb)
                after = true;
        if (!after)
            why = "no actor after the first verb";
    }
    if (why)
        dy_strcpy_cap(c->explain, sizeof c->explain, why);
    return why != NULL;
}

/* The last token of the actor phrase an event's source or target at token
 * tok names: its unit's, or for a unit that starts before it ("the
 * President of the United States") the unit it lies in. */
static int span_last(const dy_sent *s, int tok)
{
    int u = s->tok[tok].unit >= 0 ? s->tok[tok].unit : s->tok[tok].unit_in;
    return u >= 0 ? s->unit[u].last : tok;
}

/* Appends public events for the sentence. */
static int publish(dy_coder *c, const dy_sent *s, const dy_evlist *l, const char *text, size_t len,
                   int32_t date, const char *attr, const char *iss)
{
    for (int i = 0; i < l->n; i++) {
        const dy_ev *e = &l->e[i];
        if (c->nev == c->cev) {
            size_t nc = c->cev ? c->cev * 2 : 32;
            dy_event *ne = dy_arena_alloc(&c->arena, nc * sizeof *ne);
            if (!ne)
                return -1;
            if (c->nev)
                memcpy(ne, c->ev, c->nev * sizeof *ne);
            c->ev = ne;
            c->cev = nc;
        }
        dy_event *o = &c->ev[c->nev++];
        memset(o, 0, sizeof *o);
        o->sentence = c->sentence_no;
        o->date = date;
        /* parse memory is reset per sentence: keep copies */
        o->source = dy_arena_strndup(&c->arena, e->src, strlen(e->src));
        o->target = dy_arena_strndup(&c->arena, e->tgt, strlen(e->tgt));
        o->code = dy_arena_strndup(&c->arena, e->code, strlen(e->code));
        if (!o->source || !o->target || !o->code)
            return -1;
        const dy_cameo *cm = dy_cameo_find(e->code);
        char root[3] = {0};
        if (strlen(e->code) >= 2) {
            root[0] = e->code[0];
            root[1] = e->code[1];
        }
        o->root = dy_arena_strndup(&c->arena, root, 2);
        if (cm) {
            o->has_cameo = true;
            o->quad = cm->quad;
            o->goldstein = cm->goldstein;
        }
        if (e->src_tok >= 0) {
            int last = span_last(s, e->src_tok);
            o->source_off = s->tok[e->src_tok].t.off;
            o->source_len = s->tok[last].t.off + s->tok[last].t.len - o->source_off;
        }
        if (e->tgt_tok >= 0) {
            int last = span_last(s, e->tgt_tok);
            o->target_off = s->tok[e->tgt_tok].t.off;
            o->target_len = s->tok[last].t.off + s->tok[last].t.len - o->target_off;
        }
        o->verb_off = s->tok[e->verb_tok].t.off;
        o->verb_len = s->tok[e->verb_end].t.off + s->tok[e->verb_end].t.len - o->verb_off;
        o->issues = iss ? dy_arena_strndup(&c->arena, iss, strlen(iss)) : NULL;
        const char *a = e->attr ? e->attr : attr;
        o->attribution = a ? dy_arena_strndup(&c->arena, a, strlen(a)) : NULL;
        o->rule_file = e->at.file;
        o->rule_line = e->at.line;
        o->sentence_text = text;
        o->sentence_len = len;
    }
    return 0;
}

/* Attribution (TABARI manual 10.4): who made the statement. The last
 * attribution phrase of the sentence counts, eliminated comma clauses
 * included; its actor is the one its @ names, else the nearest actor before
 * it in the same comma clause, else the first actor of the sentence. */
static const char *attribution(dy_coder *c, dy_sent *s)
{
    if (!c->d->has_attrib)
        return NULL;
    dy_clause cl;
    int16_t *pos_of;
    if (!dy_pat_whole_clause(c, s, true, &cl, &pos_of))
        return NULL;
    const int16_t *L = cl.L;
    /* dead units of eliminated clauses count here */
    bool *was_dead = dy_arena_alloc(&c->scratch, (size_t)s->nunit + 1);
    if (!was_dead)
        return NULL;
    for (int u = 0; u < s->nunit; u++) {
        was_dead[u] = s->unit[u].dead;
        s->unit[u].dead = false;
    }
    dy_mctx x = {s, c->d, &cl, pos_of, NULL, 0, cl.m};
    const char *who = NULL;
    for (int p = cl.m - 1; p >= 0 && !who; p--) {
        const dy_ptok *t = &s->tok[L[p]];
        if (t->type != DY_T_ATTRIB || t->head != L[p])
            continue;
        int v1 = dy_pat_root_end(s, &cl, p);
        const dy_verb *v = &c->d->verbs[c->d->roots[t->root].id];
        for (uint32_t i = 0; i < v->npat && !who; i++) {
            dy_slots sl = {-1, -1, false, false, {0}, 0, -1};
            int lastp, firstp;
            if (dy_pat_match_lower(&x, &v->pat[i], v1, &sl, &lastp) && dy_pat_match_upper(&x, &v->pat[i], p, &sl, &firstp)
                && sl.attr_u >= 0)
                who = s->unit[sl.attr_u].code;
        }
        for (int q = p - 1; q >= 0 && !who; q--) {
            if (s->tok[L[q]].t.cls == DY_W_COMMA && !s->tok[L[q]].nosplit)
                break;
            int u = s->tok[L[q]].unit;
            if (u >= 0)
                who = s->unit[u].code;
        }
        if (!who)
            for (int u = 0; u < s->nunit && !who; u++)
                if (!s->unit[u].pronoun)
                    who = s->unit[u].code;
    }
    for (int u = 0; u < s->nunit; u++)
        s->unit[u].dead = was_dead[u];
    return who;
}

/* days since 1970-01-01 for a yyyymmdd date, and back (civil calendar) */
static long days_of(int32_t ymd)
{
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t ymd_of(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    return (int32_t)((y + (m <= 2)) * 10000 + m * 100 + d);
}

/* TABARI's time shifting: the first time phrase of the sentence ("yesterday"
 * [-1], "next week" [+7]) moves the event date by its number of days. */
static int32_t time_shift(dy_coder *c, dy_sent *s, int32_t date)
{
    const dy_opts *o = &c->opts;
    if (!date || !(o->time_shift == 1 || (o->time_shift < 0 && c->d->has_time)))
        return date;
    dy_clause cl;
    int16_t *pos_of;
    if (!dy_pat_whole_clause(c, s, false, &cl, &pos_of))
        return date;
    const int16_t *L = cl.L;
    dy_mctx x = {s, c->d, &cl, pos_of, NULL, 0, cl.m};
    for (int p = 0; p < cl.m; p++) {
        const dy_ptok *t = &s->tok[L[p]];
        if (t->type != DY_T_TIME || t->head != L[p])
            continue;
        int v1 = dy_pat_root_end(s, &cl, p);
        const dy_verb *v = &c->d->verbs[c->d->roots[t->root].id];
        const dy_ecode *code = &v->code;
        for (uint32_t i = 0; i < v->npat; i++) {
            dy_slots sl = {-1, -1, false, false, {0}, 0, -1};
            int lastp, firstp;
            if (dy_pat_match_lower(&x, &v->pat[i], v1, &sl, &lastp) && dy_pat_match_upper(&x, &v->pat[i], p, &sl, &firstp)) {
                code = &v->pat[i].code;
                break;
            }
        }
        if (code->kind != DY_EC_EVENT || !code->code)
            continue; /* a null time phrase: look for the next one */
        long days = strtol(code->code, NULL, 10);
        if (days < -8192 || days > 8192)
            days = 0;
        return ymd_of(days_of(date) + days);
    }
    return date;
}

/* Is token i followed, after blanks only, by another word? */
static bool followed_by_word(const dy_sent *s, int i)
{
    const dy_token *t = &s->tok[i].t;
    size_t e = t->off + t->len;
    if (i + 1 >= s->n || s->tok[i + 1].t.cls == DY_W_COMMA)
        return false;
    if (!s->text)
        return true;
    if (e >= s->tok[i + 1].t.off)
        return false; /* glued to the next token */
    for (size_t k = e; k < s->tok[i + 1].t.off; k++)
        if (s->text[k] != ' ' && s->text[k] != '\t')
            return false;
    return true;
}

/* Is there a verb between the comma (or sentence start) before token i
 * and i? */
static bool verb_before(const dy_sent *s, int i)
{
    for (int k = i - 1; k >= 0 && s->tok[k].t.cls != DY_W_COMMA; k--)
        if (s->tok[k].type == DY_T_VERB && s->tok[k].head == k)
            return true;
    return false;
}

/* Finds the discard or issue phrases of the sentence through the root
 * index: fn gets each phrase (of the wanted type) that matches at token i. */
typedef struct {
    const dy_sent *s;
    int i;
    int type;
    void (*fn)(void *ctx, const dy_root *r);
    void *ctx;
} lookup_t;

static bool lookup_one(const dy_root *r, uint32_t ri, void *ctx)
{
    (void)ri;
    lookup_t *lk = ctx;
    if (r->type != lk->type || lk->i + r->ph.n > lk->s->n)
        return true;
    for (uint16_t j = 1; j < r->ph.n; j++)
        if (!dy_dict_word_match(&r->ph.el[j], lk->s->tok[lk->i + j].t.w, lk->s->tok[lk->i + j].t.wl))
            return true;
    /* PETRARCH matches discard phrases against the sentence's
     * blank-separated words, so one glued to a comma or other mark is no
     * match. dyad follows it where the phrase closes a clause with a verb
     * of its own ("who had been arrested 15 months ago, came as ..."):
     * the phrase dates that clause, not the sentence's news. An opening
     * "In 2007," still discards, and so does a phrase that ends the
     * sentence (which PETRARCH misses). */
    if (lk->type == DY_RT_DISCARD && lk->s->petr && lk->i + r->ph.n < lk->s->n
        && !followed_by_word(lk->s, lk->i + r->ph.n - 1) && verb_before(lk->s, lk->i))
        return true;
    lk->fn(lk->ctx, r);
    return true;
}

static void lookup(dy_coder *c, const dy_sent *s, int type, void (*fn)(void *, const dy_root *), void *ctx)
{
    lookup_t lk = {s, 0, type, fn, ctx};
    for (int i = 0; i < s->n; i++) {
        if (!(s->tok[i].rtypes & ((uint32_t)1 << type)))
            continue; /* classify found no such root starting here */
        lk.i = i;
        /* the phrase's words follow one another (lookup_one) */
        uint16_t next2 = i + 1 < s->n ? dy_rootmemo_key2(s->tok[i + 1].t.w, s->tok[i + 1].t.wl) : DY_MEMO_NONE;
        const dy_ptok *t = &s->tok[i];
        uint32_t h = t->hash_ok ? t->hash : dy_dict_word_hash(t->t.w, t->t.wl);
        dy_rootmemo_roots(c->memo, c->d, t->t.w, t->t.wl, h, (uint32_t)1 << type, s->bloom, next2, lookup_one, &lk);
    }
}

enum { MAXI = 32 };
typedef struct {
    const struct dy_dict *d;
    const char *codes[MAXI];
    int counts[MAXI], n;
    bool ignore;
} issue_acc;

static void count_issue(void *ctx, const dy_root *r)
{
    issue_acc *a = ctx;
    const dy_issue *x = &a->d->iss[r->id];
    if (!x->code) {
        a->ignore = true;
        return;
    }
    int m = 0;
    while (m < a->n && strcmp(a->codes[m], x->code) != 0)
        m++;
    if (m == a->n) {
        if (a->n == MAXI)
            return;
        a->codes[a->n] = x->code;
        a->counts[a->n++] = 0;
    }
    a->counts[m]++;
}

/* PETRARCH issues: each issue phrase found in the sentence counts for its
 * code; an ignore phrase (~) cancels the sentence's issues. Returns
 * "CODE N,CODE N" in the scratch arena, or NULL. */
static const char *issues(dy_coder *c, const dy_sent *s)
{
    if (!c->d->niss)
        return NULL;
    issue_acc a = {c->d, {0}, {0}, 0, false};
    lookup(c, s, DY_RT_ISSUE, count_issue, &a);
    if (a.ignore || !a.n)
        return NULL;
    char buf[1024];
    size_t l = 0;
    for (int m = 0; m < a.n && l < sizeof buf - 80; m++)
        l += (size_t)snprintf(buf + l, sizeof buf - l, "%s%.60s %d", m ? "," : "", a.codes[m], a.counts[m]);
    return dy_arena_strndup(&c->scratch, buf, l);
}

typedef struct {
    const struct dy_dict *d;
    bool any, story;
} discard_acc;

static void note_discard(void *ctx, const dy_root *r)
{
    discard_acc *a = ctx;
    a->any = true;
    a->story |= a->d->disc[r->id].story;
}

/* Discard phrases (PETRARCH's discard list): consecutive words anywhere in
 * the sentence; a story-level one ('+') discards the whole document. */
static bool discarded(dy_coder *c, const dy_sent *s)
{
    if (!c->d->ndisc)
        return false;
    discard_acc a = {c->d, false, false};
    lookup(c, s, DY_RT_DISCARD, note_discard, &a);
    if (a.story)
        c->story_discard = true;
    return a.any;
}

/* Does an inner event code fit a transformation's verb code? "Q" fits
 * all; a root-level code ("190", from ATTACK) fits its whole family
 * ("193" fire small arms), since dyad's verb lists code the kinds of
 * attack more finely than the one word in the rule. */
static bool code_fits(const char *rule, const char *code)
{
    if (strcmp(rule, "Q") == 0 || strcmp(rule, code) == 0)
        return true;
    return strlen(rule) == 3 && rule[2] == '0' && strncmp(rule, code, 2) == 0 && rule[0] != '0';
}

/* Applies the first transformation that fits outer code ocode, outer
 * sources acode/atok and the inner events in; su is the inner verb's own
 * subject (-1 none), pron a pronoun standing for it, w0tok the inner verb's
 * token (a source after it is a passive agent), vtok the outer verb's.
 * given: the inner events have a subject of their own whatever the rest
 * says. Returns the number of events written to res. */
static int apply_rules(run_t *R, const char *ocode, const char **acode, const int16_t *atok, int na,
                       const dy_evlist *inl, int su, bool pron, int w0tok, int vtok, bool given, dy_evlist *res)
{
    const dy_sent *s = R->s;
    const struct dy_dict *d = R->c->d;
    const dy_evlist in = *inl;
    for (uint32_t k = 0; k < d->ntr; k++) {
        const dy_transform *t = &d->tr[k];
        if (strcmp(t->ocode, ocode) != 0)
            continue;
        res->n = 0;
        for (int e = 0; e < in.n; e++) {
            const dy_ev *x = &in.e[e];
            if (!code_fits(t->icode, x->code))
                continue;
            /* or the agent of a passive inner verb ("was fired at it
             * from Gaza") */
            bool agent = w0tok >= 0 && x->src_tok > w0tok; /* a passive's, after the verb */
            bool present = su >= 0 || pron || agent || given;
            const char *isrc = su >= 0 && !agent ? s->unit[su].code : x->src;
            int istok = su >= 0 && !agent ? s->unit[su].atok : x->src_tok;
            bool has_tgt = x->tgt && x->tgt_tok >= 0 && strcmp(x->tgt, "---") != 0;
            int ai = -1;
            for (int q = 0; q < na && ai < 0; q++)
                if (strcmp(acode[q], isrc) == 0)
                    ai = q;
            if (su < 0 && pron && ai < 0)
                ai = 0;
            bool ok;
            switch (t->isrc) {
            case 'a': ok = present && ai >= 0; break;
            case 'b': ok = present && ai < 0; break;
            case '_': ok = !present; break;
            default: ok = true;
            }
            if (!ok || (t->itgt == 'b' && !has_tgt) || (t->itgt == '_' && has_tgt)
                || (t->itgt == 'a' && !(has_tgt && ai >= 0)))
                continue;
            const char *b = t->isrc == 'b' ? isrc : x->tgt;
            int btok = t->isrc == 'b' ? istok : x->tgt_tok;
            int a = ai >= 0 ? ai : 0;
            dy_ev y = *x;
            y.src = t->rsrc == 'a' ? acode[a] : b;
            y.src_tok = t->rsrc == 'a' ? atok[a] : btok;
            y.tgt = t->rtgt == 'a' ? acode[a] : b;
            y.tgt_tok = t->rtgt == 'a' ? atok[a] : btok;
            y.code = strcmp(t->rcode, "Q") == 0 ? x->code : t->rcode;
            y.verb_tok = vtok;
            y.at = t->at;
            y.dom = false;
            if (strcmp(y.src, y.tgt) != 0 || !strcmp(y.src, "---"))
                dy_ev_push(res, &y);
        }
        if (res->n)
            return res->n;
    }
    return 0;
}

/* PETRARCH dialect: "agreed to lift the sanctions", "pledged to expel",
 * "asked Obama to help Iran", "was seen to break into": the verb at ..v1,
 * whose events are in *ev, is about the act of a following "to" clause.
 * An appeal (02x) keeps its parties and says what it asks for ("asked Obama
 * to help Iran" is 023, appeal for aid); an intent (03x) to cooperate is
 * coded as CAMEO's intent ("pledged to lift the sanctions" is 0354); an
 * agreement (050) or a statement (01x), and an intent to do anything else,
 * is the act itself. Returns -1 when memory ran out. */
/* Is clause position q "to" before a verb ("to renew"), not before a noun
 * ("the parties to the conflict")? */
static bool to_verb(const dy_sent *s, const dy_clause *cl, int q)
{
    return q + 1 < cl->m && dy_word_is(&s->tok[cl->L[q]].t, "TO") && s->tok[cl->L[q + 1]].type == DY_T_VERB;
}

static int about_act(run_t *R, const dy_clause *cl, int16_t *pos_of, int v1, int ci, dy_evlist *ev)
{
    const dy_sent *s = R->s;
    const char *oc = ev->e[0].code;
    bool intent = strncmp(oc, "03", 2) == 0, appeal = strncmp(oc, "02", 2) == 0;
    /* "are seeking to deepen a partnership": an appeal with no one asked
     * is the subject's own intent */
    if (appeal && v1 + 2 < cl->m && dy_word_is(&s->tok[cl->L[v1 + 1]].t, "TO")
        && s->tok[cl->L[v1 + 2]].type == DY_T_VERB && s->tok[cl->L[v1 + 2]].head == cl->L[v1 + 2]) {
        appeal = false;
        intent = true;
        for (int k = 0; k < ev->n; k++)
            ev->e[k].code = "030";
        oc = "030";
    }
    bool demand = strncmp(oc, "10", 2) == 0, refuse = strncmp(oc, "12", 2) == 0;
    bool threat = strcmp(oc, "130") == 0; /* a threat of no kind yet */
    if (!intent && !appeal && !demand && !refuse && !threat && strcmp(oc, "050") != 0 && strncmp(oc, "01", 2) != 0)
        return 0;
    int q = v1 + 1;
    /* "demanded that Belarus release political prisoners": the demand's
     * clause has its verb bare */
    bool that = demand && q < cl->m && dy_word_is(&s->tok[cl->L[q]].t, "THAT");
    if (that)
        q++;
    if (appeal || demand) /* past the one asked ("Israel and Hamas", "all
                             sides", "the parties to the conflict") */
        while (q < cl->m && q <= v1 + 16 && !to_verb(s, cl, q)
               && (s->tok[cl->L[q]].unit_in >= 0 || s->tok[cl->L[q]].t.cls == DY_W_DET
                   || (s->tok[cl->L[q]].nosplit && q > v1 + 1) || (dy_pat_plain_noun(&s->tok[cl->L[q]]) && !dy_grammar_tok(DY_G_PREPOSITION, &s->tok[cl->L[q]].t))
                   || dy_word_is(&s->tok[cl->L[q]].t, "OF") || dy_word_is(&s->tok[cl->L[q]].t, "TO")))
            q++;
    int w0, r = q + 1;
    /* "agreed to further strengthen", "pledged to jointly develop",
     * "committed to continue supporting" */
    while (r + 1 < cl->m && r <= q + 2
           && (dy_word_ends(&s->tok[cl->L[r]].t, "LY") || dy_grammar_tok(DY_G_INTENT_SKIP, &s->tok[cl->L[r]].t))
           && !(s->tok[cl->L[r]].type == DY_T_VERB && s->tok[cl->L[r]].head == cl->L[r]))
        r++;
    if (q + 1 < cl->m && dy_word_is(&s->tok[cl->L[q]].t, "TO") && s->tok[cl->L[r]].type == DY_T_VERB
        && s->tok[cl->L[r]].head == cl->L[r])
        w0 = r;
    else if (that && q > v1 + 2 && q < cl->m && s->tok[cl->L[q]].type == DY_T_VERB && s->tok[cl->L[q]].head == cl->L[q])
        w0 = q;
    else
        return 0;
    dy_evlist act = {dy_arena_alloc(&R->c->scratch, 64 * sizeof(dy_ev)), 0, 64};
    if (!act.e)
        return -1;
    if (code_verb(R, cl, pos_of, w0, dy_pat_root_end(s, cl, w0), ci, false, &act) != V_EVENT || act.e[0].sub)
        return 0;
    /* "decided to enhance anti-terrorism cooperation", "agreed to
     * strengthen cooperation": an intent or agreement about an intent keeps
     * the outer parties and takes the inner, finer code */
    bool agree = strcmp(oc, "050") == 0;
    if ((intent || agree) && strncmp(act.e[0].code, "03", 2) == 0 && strcmp(act.e[0].code, oc) != 0) {
        for (int k = 0; k < ev->n; k++)
            if (strcmp(ev->e[k].code, oc) == 0)
                ev->e[k].code = act.e[0].code;
        return 0;
    }
    /* "urged Japan to expand trade": the inner verb's code is the intent
     * of the act asked for (the ENHANCE block); an appeal a pattern has
     * coded already ("called on both countries to resolve the issue":
     * 027) keeps its code */
    bool generic = strcmp(oc, "020") == 0 || strcmp(oc, "100") == 0;
    const char *ai = (appeal || demand) && generic && strncmp(act.e[0].code, "03", 2) == 0
                         ? dy_status_ask_intent(act.e[0].code, appeal ? 2 : 3) : NULL;
    for (int k = 0; ai && k < ev->n; k++)
        ev->e[k].code = ai;
    if (strncmp(act.e[0].code, "03", 2) == 0 || strncmp(act.e[0].code, "02", 2) == 0
        || strncmp(act.e[0].code, "01", 2) == 0)
        return 0;
    if (appeal || demand) {
        const char *ac = dy_status_ask(act.e[0].code, appeal ? 2 : 3);
        for (int k = 0; ac && k < ev->n; k++)
            ev->e[k].code = ac;
        return 0;
    }
    if (threat) {
        /* "threatened to blockade Taiwan" is 1381: the threat CAMEO pairs
         * with the act, when it has one */
        const char *tc = dy_status_ask(act.e[0].code, 1);
        for (int k = 0; tc && strncmp(tc, "13", 2) == 0 && k < ev->n; k++)
            ev->e[k].code = tc;
        return 0;
    }
    if (refuse) {
        /* "refused to release the prisoners" is 1243, the refusal CAMEO
         * pairs with the act */
        const char *rc = dy_status_negated(act.e[0].code);
        for (int k = 0; rc && k < ev->n; k++)
            ev->e[k].code = rc;
        return 0;
    }
    if (intent) {
        /* an intent is one-sided: the other half of a pair ("attend"
         * 042:043) is not intended */
        int w = 0;
        for (int k = 0; k < act.n; k++) {
            const char *ic = dy_status_ask(act.e[k].code, 1);
            if (ic && act.e[k].pair2)
                continue;
            if (ic)
                act.e[k].code = ic;
            act.e[w++] = act.e[k];
        }
        act.n = w;
    }
    *ev = act;
    return 0;
}

/* "Israel announced it would free 150 prisoners": a verb after "will" or
 * "would" in what a statement verb earlier in the clause reports is a
 * commitment to act, CAMEO's intent (03x) where the codebook pairs one with
 * the act. */
static bool announced_future(const dy_sent *s, const dy_clause *cl, const struct dy_dict *d, int v0)
{
    /* "said it will send a team to help identify victims": the purpose of
     * an announced act is announced with it */
    if (s->tok[cl->L[v0]].after_to)
        for (int q = v0 - 1; q > 0; q--) {
            const dy_ptok *t = &s->tok[cl->L[q]];
            if (t->t.cls == DY_W_COMMA)
                break;
            if (t->type == DY_T_VERB && t->head == cl->L[q])
                return !s->tok[cl->L[q]].after_to && announced_future(s, cl, d, q);
        }
    int p = v0 - 1;
    while (p >= 0 && dy_word_ends(&s->tok[cl->L[p]].t, "LY"))
        p--;
    if (p < 0 || !dy_grammar_tok(DY_G_PROMISE, &s->tok[cl->L[p]].t))
        return false;
    for (int q = p - 1; q >= 0; q--) {
        const dy_ptok *t = &s->tok[cl->L[q]];
        if (t->type == DY_T_VERB && t->head == cl->L[q])
            return dy_dict_statement_root(d, t->root);
    }
    return false;
}

/* PETRARCH verb transformations (dict.h): the verb at v0..v1 acts on the
 * event of the next verb of the clause ("Israel said a mortar was fired at
 * it from Gaza": ISR accuses PSE, 112, rather than PSE attacking ISR).
 * outer holds the verb's own events (NULL when it coded none). Writes the
 * transformed events to res and returns their number, 0 when no rule
 * applies, -2 when the statement is to code nothing itself and leave the
 * act it reports to be coded (OWN ACTS). */
static int transform(run_t *R, const dy_clause *cl, int16_t *pos_of, int v0, int v1, int ci,
                     const dy_evlist *outer, dy_evlist *res)
{
    dy_sent *s = R->s;
    const struct dy_dict *d = R->c->d;
    char ocode[16];
    if (outer && outer->n)
        dy_strcpy_cap(ocode, sizeof ocode, outer->e[0].code);
    else {
        const dy_ecode *c = dy_dict_root_code(d, s->tok[cl->L[v0]].root);
        dy_strcpy_cap(ocode, sizeof ocode, c->kind == DY_EC_EVENT && c->code ? c->code
                                           : c->kind == DY_EC_NULL            ? "---"
                                                                              : "");
    }
    bool any = false;
    for (uint32_t k = 0; k < d->ntr && !any; k++)
        any = strcmp(d->tr[k].ocode, ocode) == 0;
    if (!any)
        return 0;
    /* the verb acted on: the next verb of the clause */
    int w0 = -1;
    for (int p = v1 + 1; p < cl->m && w0 < 0; p++)
        if (s->tok[cl->L[p]].type == DY_T_VERB && s->tok[cl->L[p]].head == cl->L[p])
            w0 = p;
    if (w0 < 0)
        return 0;
    int w1 = dy_pat_root_end(s, cl, w0);
    dy_evlist in = {dy_arena_alloc(&R->c->scratch, 64 * sizeof(dy_ev)), 0, 64};
    if (!in.e || code_verb(R, cl, pos_of, w0, w1, ci, false, &in) != V_EVENT || in.e[0].sub)
        return 0;
    /* the outer source(s): the verb's own, else the actor before it */
    const char *acode[64];
    int16_t atok[64];
    int na = 0;
    if (outer && outer->n) {
        for (int k = 0; k < outer->n && na < 64; k++) {
            acode[na] = outer->e[k].src;
            atok[na++] = (int16_t)outer->e[k].src_tok;
        }
    } else {
        int au = -1;
        for (int w = 0; w < 2 && au < 0; w++)
            for (int p = 0; p < v0 && au < 0; p++) {
                int u = s->tok[cl->L[p]].unit;
                if (u >= 0 && !s->unit[u].dead && (w == 1 || !lone_agent(s, u)))
                    au = u;
            }
        if (au < 0 && ci > 0)
            au = R->carried_src;
        if (au >= 0)
            na = unit_codes(s, au, false, &R->c->scratch, acode, atok, 64);
    }
    if (na == 0)
        return 0;
    /* the inner verb's own subject: an actor or a pronoun between the two
     * verbs ("said ISIL had attacked", "said they will attack"); a pronoun
     * stands for the outer source */
    int su = -1;
    bool pron = false;
    for (int p = v1 + 1; p < w0; p++) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (su < 0 && t->unit >= 0 && !s->unit[t->unit].dead && !s->unit[t->unit].pronoun)
            su = t->unit;
        pron |= t->t.cls == DY_W_PRON || (t->unit >= 0 && s->unit[t->unit].pronoun);
    }
    int n = apply_rules(R, ocode, acode, atok, na, &in, su, pron, cl->L[w0], cl->L[v0], false, res);
    /* OWN ACTS: "The Pakistani army said it killed 12 militants": a plain
     * statement of one's own act done is the report of the act, coded as
     * the act; a claim (015) stays for "claim" itself ("The US claimed
     * that they had attacked Iraq": statement verbs share code 010, so the
     * word tells) and for what one says one will do ("said they will
     * attack Iraq") */
    if (n > 0 && R->c->opts.own_acts && strcmp(ocode, "010") == 0 && strcmp(res->e[0].code, "015") == 0
        && !s->tok[cl->L[w0]].after_to
        && strncmp(s->tok[cl->L[v0]].t.w, "CLAIM", 5) != 0) {
        bool modal = false;
        for (int p = w0 - 1; p > v1 && p >= w0 - 3 && !modal; p--)
            modal = (s->tok[cl->L[p]].t.fw & DY_FW_MODAL) || dy_word_is(&s->tok[cl->L[p]].t, "'LL");
        if (!modal)
            return -2;
    }
    if (n > 0) {
        /* a clause joined on ("... had attacked Iraq and taken Mosul")
         * goes on with the inner verb's subject, inside the report */
        if (su >= 0)
            R->carried_src = su;
        R->rep_ocode = dy_arena_strndup(&R->c->scratch, ocode, strlen(ocode));
        R->rep_a = dy_arena_alloc(&R->c->scratch, (size_t)na * sizeof *R->rep_a);
        R->rep_atok = dy_arena_alloc(&R->c->scratch, (size_t)na * sizeof *R->rep_atok);
        if (R->rep_ocode && R->rep_a && R->rep_atok) {
            memcpy(R->rep_a, acode, (size_t)na * sizeof *acode);
            memcpy(R->rep_atok, atok, (size_t)na * sizeof *atok);
            R->rep_na = na;
            R->rep_vtok = cl->L[v0];
            R->rep_ci = ci;
        } else
            R->rep_ocode = NULL;
    }
    return n;
}

#ifdef DY_TRACE
/* developer aid: a trace build (make OPT=-DDY_TRACE) prints the parse */


static void trace(const dy_sent *s)
{
    static const char *ty[] = {"", "ACT", "AGT", "VRB", "NOUN", "ADJ", "TIME", "ATTR", "NULL"};
    for (int i = 0; i < s->n; i++) {
        const dy_ptok *t = &s->tok[i];
        fprintf(stderr, "%s%s%s%s%s", t->t.w, t->type ? "/" : "", ty[t->type], t->del ? "/DEL" : "",
                t->nosplit ? "/NS" : "");
        if (t->unit >= 0)
            fprintf(stderr, "[u%d %s c%d%s]", t->unit, s->unit[t->unit].code, s->unit[t->unit].comp,
                    s->unit[t->unit].dead ? " dead" : "");
        fputc(' ', stderr);
    }
    fputc('\n', stderr);
}
#endif

static bool stops(const dy_ecode *e) { return e->kind == DY_EC_DISCARD || e->kind == DY_EC_COMPLEX; }

/* Can the sentence yield an event or a verb's discard or complex? An
 * event's source and target are units (actors, agents, pronouns) of
 * different codes, unless a default source or target stands in or half
 * dyads are allowed; most sentences of speeches and reports have no unit,
 * or one, or only units of one code (and no compound, no pronoun, no
 * unit of several codes), and their verbs' patterns need not be tried. */
static bool can_code(const dy_coder *c, const dy_sent *s)
{
    /* DOMESTIC: one state acting on its own people names one actor */
    if (!c->verb_stops || c->opts.def_src[0] || c->opts.def_tgt[0] || c->opts.domestic)
        return true;
    const char *code = NULL;
    for (int u = 0; u < s->nunit; u++)
        if (!s->unit[u].dead) {
            const dy_unit *x = &s->unit[u];
            /* two units of one code: a state at a place of its own
             * ("Sri Lanka imposed a curfew in Colombo") acts on its people */
            if (x->pronoun || x->comp >= 0 || strchr(x->code, '/') || c->opts.allow_half_dyad || code)
                return true;
            code = x->code;
        }
    for (int k = 0; k < s->n; k++) {
        const dy_ptok *t = &s->tok[k];
        if (t->del || t->type != DY_T_VERB || t->head != k)
            continue;
        const dy_root *r = &c->d->roots[t->root];
        if (c->verb_stops[r->id] || (r->code && stops(r->code)))
            return true;
    }
    return false;
}

/* How many states the sentence's live actors name (0, 1, or 2 for two or
 * more); one gets the first one's three letters. */
static int sentence_states(const dy_sent *s, char one[4])
{
    one[0] = '\0';
    for (int u = 0; u < s->nunit; u++) {
        const dy_unit *x = &s->unit[u];
        if (x->dead || !dy_state_code(x->code))
            continue;
        if (one[0] && strncmp(one, x->code, 3) != 0)
            return 2;
        memcpy(one, x->code, 3);
        one[3] = '\0';
    }
    return one[0] ? 1 : 0;
}

/* PETRARCH dialect: news names a state once and then says "the
 * government", "the army", "police". When the sentence names no state and
 * the one before named only one, its government, military, police,
 * legislature and courts of no country are that state's ("Kenya's
 * president dissolved parliament. The government said ..." is KENGOV).
 * Keeps this sentence's one state for the next. Returns -1 when memory ran
 * out. */
static int state_context(dy_coder *c, dy_sent *s, const char *prev)
{
    char one[4];
    int states = sentence_states(s, one);
    if (states == 1)
        memcpy(c->state_code, one, 4);
    if (states || !prev[0])
        return 0;
    /* the state's own institutions only: civilians, rebels, refugees or
     * the media of no stated country are as often another state's */
    for (int u = 0; u < s->nunit; u++) {
        dy_unit *x = &s->unit[u];
        if (x->dead || strncmp(x->code, "---", 3) != 0 || strchr(x->code, '/'))
            continue;
        if (!agent_in(x->code, DY_G_STATE_ORGAN_AGENT))
            continue;
        size_t n = strlen(x->code);
        char *code = dy_arena_alloc(&c->scratch, n + 1);
        if (!code)
            return -1;
        memcpy(code, prev, 3);
        memcpy(code + 3, x->code + 3, n - 2);
        x->code = code;
    }
    return 0;
}

/* When every event of the sentence is diplomacy (CAMEO 03-06) between the
 * same two states ("Xi met Putin in Moscow"), keeps their codes, country
 * by country, for "the two sides" of the next sentence (PETRARCH
 * dialect), as briefings and readouts name the pair once. */
static void remember_pair(dy_coder *c, const dy_sent *s, const dy_evlist *out)
{
    char a[4] = "", b[4] = "";
    for (int k = 0; s->petr && k < out->n; k++) {
        const char *x = out->e[k].src, *y = out->e[k].tgt, *code = out->e[k].code;
        if (!dy_state_code(x) || !dy_state_code(y) || strncmp(x, y, 3) == 0 || code[0] != '0' || code[1] < '3'
            || code[1] > '6')
            return;
        if (!a[0]) {
            memcpy(a, x, 3);
            memcpy(b, y, 3);
        } else if (!((strncmp(x, a, 3) == 0 && strncmp(y, b, 3) == 0)
                     || (strncmp(x, b, 3) == 0 && strncmp(y, a, 3) == 0)))
            return;
    }
    if (a[0]) {
        memcpy(c->pair_code, a, 3);
        c->pair_code[3] = '/';
        memcpy(c->pair_code + 4, b, 4);
    }
}

/* SET: MUTUAL: each act of two parties together (a meeting, talks, a
 * call, an agreement signed: the grammar's MUTUAL_CODE) between two
 * actors is coded both ways, as the CAMEO codebook codes meetings and
 * accords. */
static void both_ways(dy_evlist *out)
{
    for (int i = 0, n = out->n; i < n; i++) {
        dy_ev r = out->e[i];
        if (!r.code || !dy_grammar_has(DY_G_MUTUAL_CODE, r.code, strlen(r.code)) || !r.src[0] || !r.tgt[0]
            || strcmp(r.src, r.tgt) == 0)
            continue;
        r.src = out->e[i].tgt;
        r.tgt = out->e[i].src;
        r.src_tok = out->e[i].tgt_tok;
        r.tgt_tok = out->e[i].src_tok;
        dy_ev_push(out, &r);
    }
}

/* Does the sentence need its tree: does it name two different actors or
 * more, counting those comma clause elimination dropped (the tree may
 * bring them back)?
 * A sentence of one actor keeps word order's reading: the tree changes
 * little there, and parsing every sentence would cost most of the time. */
static bool needs_tree(const dy_sent *s)
{
    bool verb = false; /* or a dropped clause, whose verb is cancelled */
    for (int k = 0; k < s->n && !verb; k++)
        verb = (s->tok[k].type == DY_T_VERB && s->tok[k].head == k) || s->tok[k].del;
    if (!verb)
        return false; /* no event without a dictionary verb */
    const char *first = NULL;
    for (int u = 0; u < s->nunit; u++) {
        const dy_unit *x = &s->unit[u];
        if (x->dead && !s->tok[x->first].del)
            continue;
        if (!first)
            first = x->code;
        else if (strcmp(first, x->code) != 0)
            return true;
    }
    return false;
}

/* Copies s, its tokens and units, into *d (in arena a): coding changes
 * them. 0, or -1 when memory ran out. */
static int copy_sent(dy_sent *d, const dy_sent *s, dy_arena *a)
{
    *d = *s;
    d->tok = dy_arena_alloc(a, ((size_t)s->n + 1) * sizeof *d->tok);
    d->unit = dy_arena_alloc(a, ((size_t)s->nunit + 1) * sizeof *d->unit);
    if (!d->tok || !d->unit)
        return -1;
    memcpy(d->tok, s->tok, (size_t)s->n * sizeof *d->tok);
    memcpy(d->unit, s->unit, (size_t)s->nunit * sizeof *d->unit);
    return 0;
}

/* Has comma clause elimination dropped an actor of s ("Martin Griffiths,
 * the United Nations relief chief, urged ...")? */
static bool dropped_actor(const dy_sent *s)
{
    for (int u = 0; u < s->nunit; u++)
        if (s->tok[s->unit[u].first].del)
            return true;
    return false;
}

/* SET: SYNTAX = PARSE: the tree of a sentence that can make an event
 * changes what the dictionaries read in it (tree.h, doc/tree-coder.md):
 * the comma clauses of the main clause and of appositions are kept (the
 * sentence is read again when one was dropped), and a dictionary verb
 * that reads as a noun phrase is no verb. The model and the parser are
 * made once. */
static int read_tree(dy_coder *c, dy_sent *s, const char *text, size_t len, int32_t date, const dy_story *st)
{
    if (!c->parser) {
        dy_error err;
        if (!c->syn && dy_syntax_load(NULL, &c->syn, &err) != DY_OK)
            return -1; /* the built-in model fails only without memory */
        if (!(c->parser = dy_parser_new(c->syn)))
            return -1;
    }
    dy_tree t;
    int r = dy_tree_parse(&t, c->parser, s, text, len, &c->scratch);
    if (r != 0)
        return r < 0 ? -1 : 0;
    c->tree = t;
    c->tree_ok = true;
    bool *keep = dy_arena_calloc(&c->scratch, (size_t)s->n + 1);
    if (!keep)
        return -1;
    if (dy_tree_keep(&t, s, keep)
        && dy_parse(s, c->d, &c->opts, &c->scratch, text, len, date, st, c->memo, keep) < 0)
        return -1;
    dy_tree_verbs(&t, s);
    dy_tree_compounds(&t, s);
    return 0;
}

/* SET: CAPTIONS: does the sentence hold a photo credit, a word of
 * CAPTION_CREDIT right before a colon ("stands with leaders from Israel
 * ... Image: The White House.")? A caption tells what a picture shows,
 * not what happened when. */
static bool caption(const dy_sent *s)
{
    for (int i = 0; i + 1 < s->n; i++) {
        const dy_token *t = &s->tok[i].t;
        size_t end = t->off + t->len;
        /* also glued to the caption's last word ("AccordsImage:") */
        if (end < s->tok[i + 1].t.off && s->text[end] == ':'
            && (dy_grammar_tok(DY_G_CAPTION_CREDIT, t) || dy_grammar_ends(DY_G_CAPTION_CREDIT, t)))
            return true;
    }
    return false;
}

/* What stops a sentence before its clauses are coded: too short, a
 * discard, a complex phrase, nothing to code. Also remembers its first
 * actor for the next sentence (FORWARD). 0 to go on, a DY_SENT_* status,
 * or -1 when memory ran out. */
static int sentence_gate(dy_coder *c, dy_sent *s, const char *prev_state)
{
    if (s->petr && state_context(c, s, prev_state) < 0)
        return -1;
    dy_strcpy_cap(c->prev_story, sizeof c->prev_story, c->story);
    c->prev_sent = c->sent;
    c->fwd_code[0] = '\0';
    for (int u = 0; u < s->nunit; u++)
        if (!s->unit[u].dead && !s->unit[u].pronoun && s->unit[u].acode) {
            dy_strcpy_cap(c->fwd_code, sizeof c->fwd_code, s->unit[u].acode);
            break;
        }
#ifdef DY_TRACE
    trace(s);
#endif
    if (s->n < c->opts.min_words) /* commas count as words, as in TABARI */
        return DY_SENT_SHORT;
    if (discarded(c, s) || s->discard || (c->opts.captions && caption(s)))
        return DY_SENT_DISCARD;
    if (s->complex) {
        dy_strcpy_cap(c->explain, sizeof c->explain, s->why ? s->why : "complex");
        return DY_SENT_COMPLEX;
    }
    if (complex_check(c, s))
        return DY_SENT_COMPLEX;
    if (!can_code(c, s))
        return DY_SENT_NOEVENT;
    return 0;
}

/* Clause boundaries, per token: conjunctions outside compounds and
 * phrases; with PETRARCH dictionaries only one that joins two verb phrases
 * (PETRARCH takes clauses from the parse tree). NULL without memory. */
static bool *clause_splits(dy_coder *c, const dy_sent *s)
{
    bool *splits = dy_arena_calloc(&c->scratch, (size_t)s->n + 1);
    if (!splits)
        return NULL;
    for (int k = 0; k < s->n; k++) {
        const dy_ptok *t = &s->tok[k];
        splits[k] = !t->del && t->t.cls == DY_W_CONJ && !t->nosplit && t->type == DY_T_NONE;
    }
    if (!s->petr)
        return splits;
    int prev = -1;
    for (int k = 0; k < s->n; k++) {
        if (!splits[k])
            continue;
        int next = k + 1;
        while (next < s->n && !splits[next])
            next++;
        /* "a bombing and shelling offensive": nouns on both sides join in
         * one noun phrase */
        if (k > 0 && k + 1 < s->n && dy_pat_plain_noun(&s->tok[k - 1]) && dy_pat_plain_noun(&s->tok[k + 1])
            && dy_word_ends(&s->tok[k + 1].t, "ING")) {
            splits[k] = false;
            continue;
        }
        bool before = false, after = false;
        for (int q = prev + 1; q < k; q++)
            before |= !s->tok[q].del && s->tok[q].type == DY_T_VERB && s->tok[q].head == q;
        for (int q = k + 1; q < next; q++)
            after |= !s->tok[q].del && s->tok[q].type == DY_T_VERB && s->tok[q].head == q;
        if (before && after)
            prev = k;
        else
            splits[k] = false;
    }
    return splits;
}

/* The events of the verb at clause position p into *tmp: V_EVENT, V_NULL,
 * or V_NONE for a verb passed over (part of a guess, a statement that
 * reports the act after it); -1 when memory ran out. The caller checks the
 * sentence's discard and complex marks. *guess: clause position of a verb
 * that is a guess, -1 none. */
/* words after the verb that may say a political act's aim ("went on a
 * hunger strike to demand the president's resignation") */
enum { AIM_REACH = 12 };

/* The fourth digit of a reform or dissent code (aim.h): "demonstrated
 * against the government's judicial reform" is 1412, not 141. 0, or -1
 * when memory ran out. */
static int aim_codes(run_t *R, const dy_clause *cl, int16_t *pos_of, int v1, dy_evlist *ev)
{
    dy_coder *c = R->c;
    if (!c->aim)
        return 0;
    dy_mctx x = {R->s, c->d, cl, pos_of, c, v1 - DY_PAT_REACH, v1 + DY_PAT_REACH};
    int digit = -1; /* not yet looked for */
    for (int k = 0; k < ev->n; k++) {
        const char *code = ev->e[k].code;
        if (code && strlen(code) == 3 && dy_grammar_has(DY_G_MEANS_GENERIC, code, 3)) {
            /* "killed Soleimani in an airstrike": the means' code */
            const char *m = dy_aim_means(c->aim, &x, v1 + 1, v1 + 1 + AIM_REACH);
            if (m)
                ev->e[k].code = m;
            continue;
        }
        const char *reform = code ? dy_aim_split_code(c->aim, code) : NULL;
        if (!reform)
            continue;
        if (digit < 0)
            digit = dy_aim_digit(c->aim, &x, v1 + 1, v1 + 1 + AIM_REACH);
        if (!digit)
            continue;
        char dc = (char)('0' + digit);
        if (reform != code && !dy_grammar_has(DY_G_AIM_CHANGE, &dc, 1))
            continue; /* a generic code takes only the aims that are changes */
        char *aimed = dy_arena_alloc(&c->scratch, 5);
        if (!aimed)
            return -1;
        memcpy(aimed, reform, 3);
        aimed[3] = (char)('0' + digit);
        aimed[4] = '\0';
        ev->e[k].code = aimed;
    }
    return 0;
}

static int verb_events(run_t *R, const dy_clause *cl, int16_t *pos_of, int p, int ci, bool dom_only, int *guess,
                       dy_evlist *tmp)
{
    dy_coder *c = R->c;
    dy_sent *s = R->s;
    const int16_t *L = cl->L;
    int v1 = dy_pat_root_end(s, cl, p);
    if (c->tree_ok && dy_status_undone(c, s, dy_tree_word(&c->tree, cl->L[p])))
        return V_NULL; /* an act only asked for: the verb that asks codes */
    int r = code_verb(R, cl, pos_of, p, v1, ci, dom_only, tmp);
    if (s->discard || s->complex)
        return V_NULL;
    /* the verbs that follow a guess in its clause are part of it ("may
     * help facilitate peace", "might have urged him to act"), up to a
     * subordinate or relative clause ("could not agree more with Guterres
     * when he urged ...") */
    if (c->opts.speculation) {
        for (int q = *guess + 1; *guess >= 0 && q < p; q++)
            if ((s->tok[L[q]].t.fw & DY_FW_REL) || dy_grammar_tok(DY_G_SUBORDINATOR, &s->tok[L[q]].t))
                *guess = -1;
        if (*guess >= 0 || speculative(s, cl, p)) {
            if (*guess < 0)
                *guess = p;
            return V_NONE;
        }
    }
    if (s->petr && c->d->ntr) {
        dy_evlist tr = {dy_arena_alloc(&c->scratch, 64 * sizeof(dy_ev)), 0, 64};
        if (!tr.e)
            return -1;
        int tn = transform(R, cl, pos_of, p, v1, ci, r == V_EVENT ? tmp : NULL, &tr);
        if (tn == -2)
            return V_NONE; /* the statement reports the act that follows */
        if (tn > 0) {
            *tmp = tr;
            r = V_EVENT;
        } else if (R->rep_ocode && ci > R->rep_ci && r == V_EVENT
                   && apply_rules(R, R->rep_ocode, R->rep_a, R->rep_atok, R->rep_na, tmp, -1, false, -1, R->rep_vtok,
                                  true, &tr) > 0)
            *tmp = tr; /* "claimed that ISIL had attacked Iraq and taken Mosul" */
    }
    if (r == V_EVENT && !tmp->e[0].sub && s->petr) {
        if (about_act(R, cl, pos_of, v1, ci, tmp) < 0)
            return -1;
        if (aim_codes(R, cl, pos_of, v1, tmp) < 0)
            return -1;
        if (announced_future(s, cl, c->d, p))
            for (int k = 0; k < tmp->n; k++) {
                const char *ic = dy_status_ask(tmp->e[k].code, 1);
                if (ic)
                    tmp->e[k].code = ic;
            }
    }
    return r;
}

/* Codes the verbs of one clause: the events of the first that codes go to
 * R->out (after it, only dominant codes, unless every verb is coded), a
 * subordinate event to subs when the clause has no other. 0, a DY_SENT_*
 * status that ends the sentence, or -1 when memory ran out. */
static int clause_verbs(run_t *R, const dy_clause *cl, int16_t *pos_of, int ci, dy_ev *tstore, bool *sentence_done,
                        dy_evlist *subs)
{
    dy_coder *c = R->c;
    dy_sent *s = R->s;
    bool found = false;
    int last_ev = -1; /* clause position of the last verb that coded */
    int guess = -1;   /* clause position of a verb that is a guess */
    dy_evlist clsubs = {tstore, 0, MAX_SENT_EVENTS};
    for (int p = 0; p < cl->m; p++) {
        const dy_ptok *t = &s->tok[cl->L[p]];
        if (t->type != DY_T_VERB || t->head != cl->L[p])
            continue;
        if (*sentence_done && c->opts.code_by == DY_CODEBY_SENTENCE)
            break;
        dy_evlist tmp = {dy_arena_alloc(&c->scratch, 64 * sizeof(dy_ev)), 0, 64};
        if (!tmp.e)
            return -1;
        /* SUBORDINATE CLAUSES: "Iran released two French citizens after
         * Oman mediated talks with France": a subordinate clause with its
         * own subject is an event of its own */
        if (found && s->petr && c->opts.subordinate && sub_clause_between(s, cl, last_ev, p))
            found = false;
        int r = verb_events(R, cl, pos_of, p, ci, found && c->opts.code_by != DY_CODEBY_ALL, &guess, &tmp);
        if (r < 0)
            return -1;
        if (s->discard)
            return DY_SENT_DISCARD;
        if (s->complex) {
            dy_strcpy_cap(c->explain, sizeof c->explain, s->why ? s->why : "complex");
            return DY_SENT_COMPLEX;
        }
        if (r != V_EVENT)
            continue;
        if (tmp.e[0].sub) {
            for (int k = 0; k < tmp.n; k++)
                dy_ev_push(&clsubs, &tmp.e[k]);
            continue;
        }
        for (int k = 0; k < tmp.n; k++)
            dy_ev_push(R->out, &tmp.e[k]);
        found = true;
        last_ev = p;
        *sentence_done = true;
    }
    if (!found)
        for (int k = 0; k < clsubs.n; k++)
            dy_ev_push(subs, &clsubs.e[k]);
    if (!found && ci == 0 && R->carried_src < 0)
        for (int p = 0; p < cl->m; p++)
            if (s->tok[cl->L[p]].unit >= 0 && !s->unit[s->tok[cl->L[p]].unit].dead) {
                R->carried_src = s->tok[cl->L[p]].unit;
                break;
            }
    return 0;
}

/* What the clauses' events come to: subordinate events only when nothing
 * else was coded; dominant events suppress the rest; NONEVENTS: a sentence
 * with two actors but no event is written with code *** (TABARI manual
 * 10.3), and ONLY keeps just those. */
static void sentence_events(const dy_coder *c, const dy_sent *s, dy_evlist *out, const dy_evlist *subs)
{
    if (out->n == 0)
        for (int k = 0; k < subs->n; k++)
            dy_ev_push(out, &subs->e[k]);
    bool anydom = false;
    for (int k = 0; k < out->n; k++)
        anydom |= out->e[k].dom;
    if (anydom) {
        int w = 0;
        for (int k = 0; k < out->n; k++)
            if (out->e[k].dom)
                out->e[w++] = out->e[k];
        out->n = w;
    }
    if (c->opts.nonevents == 2 && out->n > 0)
        out->n = 0;
    else if (c->opts.nonevents && out->n == 0) {
        int a = -1, b = -1;
        for (int u = 0; u < s->nunit && b < 0; u++) {
            const dy_unit *x = &s->unit[u];
            if (x->dead || x->pronoun)
                continue;
            if (a < 0)
                a = u;
            else if ((x->comp < 0 || x->comp != s->unit[a].comp) && strcmp(x->code, s->unit[a].code) != 0)
                b = u;
        }
        if (a >= 0 && b >= 0) {
            dy_ev e = {s->unit[a].code, s->unit[b].code, "***", s->unit[a].atok, s->unit[b].atok,
                      s->unit[a].atok, s->unit[a].atok, {"", 0}, false, false, NULL, false, true, true};
            dy_ev_push(out, &e);
        }
    }
}

/* Codes the parsed sentence s into *outp (in the scratch arena): its
 * clauses, verbs and patterns, the subordinate and dominant events, the
 * non-events. Returns DY_SENT_CODED when *outp holds the events (maybe
 * none), another DY_SENT_* status when the sentence is not coded, -1 when
 * memory ran out. prev_state: the one state the sentence before named. */
static int code_sent(dy_coder *c, dy_sent *s, const char *prev_state, dy_evlist *outp)
{
    int g = sentence_gate(c, s, prev_state);
    if (g != 0)
        return g;
    int16_t *pos_of = dy_arena_alloc(&c->scratch, ((size_t)s->n + 1) * sizeof *pos_of);
    int16_t *L = dy_arena_alloc(&c->scratch, ((size_t)s->n + 1) * sizeof *L);
    dy_ev *store = dy_arena_alloc(&c->scratch, MAX_SENT_EVENTS * sizeof *store);
    dy_ev *tstore = dy_arena_alloc(&c->scratch, MAX_SENT_EVENTS * sizeof *tstore);
    bool *splits = clause_splits(c, s);
    dy_evlist out = {store, 0, MAX_SENT_EVENTS};
    dy_evlist subs = {dy_arena_alloc(&c->scratch, MAX_SENT_EVENTS * sizeof(dy_ev)), 0, MAX_SENT_EVENTS};
    if (!pos_of || !L || !store || !tstore || !splits || !subs.e)
        return -1;
    run_t R = {c, s, &out, -1, -1, NULL, NULL, NULL, 0, -1, -1, -1, false};
    bool sentence_done = false;
    for (int i = 0, ci = 0; i < s->n;) {
        dy_clause cl = {L, 0, NULL, 0, NULL, 0};
        for (int k = 0; k < s->n; k++)
            pos_of[k] = -1;
        for (; i < s->n; i++) {
            if (s->tok[i].del)
                continue;
            if (splits[i]) {
                i++;
                break;
            }
            pos_of[i] = (int16_t)cl.m;
            L[cl.m++] = (int16_t)i;
        }
        if (cl.m == 0)
            continue;
        dy_pat_clause_bloom(s, &cl, &c->scratch);
        /* PETRARCH: "alleged that France knew ..., and that its military
         * helped ...": a clause opened by "that" after a conjunction is
         * more of what was said, not an event of its own (a transformed
         * statement carries on into it: R.rep_ocode) */
        if (s->petr && ci > 0 && !R.rep_ocode && dy_word_is(&s->tok[L[0]].t, "THAT")) {
            ci++;
            continue;
        }
        /* the synsets' memo, only for a clause with a verb whose patterns
         * ask it: clearing it for every clause is wasted work */
        bool verb = false;
        for (int p = 0; p < cl.m && !verb; p++)
            verb = s->tok[L[p]].type == DY_T_VERB && s->tok[L[p]].head == L[p];
        cl.memo = NULL;
        if (verb && c->d->nsyn
            && !(cl.memo = dy_arena_calloc(&c->scratch, (size_t)c->d->nsyn * (size_t)cl.m * sizeof *cl.memo)))
            return -1;
        int r = clause_verbs(&R, &cl, pos_of, ci, tstore, &sentence_done, &subs);
        if (r != 0)
            return r;
        ci++;
        if (c->opts.code_by == DY_CODEBY_SENTENCE && sentence_done)
            break;
    }
    sentence_events(c, s, &out, &subs);
    *outp = out;
    return DY_SENT_CODED;
}

/* SET: DOMESTIC, PETRARCH dialect: in a sentence that names one state, a
 * party of no country facing that state's civil organs (DOMESTIC_ORGAN_AGENT:
 * its government, police, courts, legislature) is that state's: "the
 * Egyptian government urged protesters to end their sit-in", "protesters
 * demanded reforms from the Jordanian government". Not its army, which
 * acts abroad as often ("US troops killed militants"). Returns -1 when
 * memory ran out. */
static int own_people(dy_coder *c, const dy_sent *s, dy_evlist *out)
{
    char one[4];
    if (sentence_states(s, one) != 1)
        return 0;
    for (int k = 0; k < out->n; k++) {
        dy_ev *e = &out->e[k];
        const char **blank = strncmp(e->src, "---", 3) == 0 ? &e->src : strncmp(e->tgt, "---", 3) == 0 ? &e->tgt : NULL;
        const char *other = blank == &e->src ? e->tgt : e->src;
        int tok = blank == &e->src ? e->src_tok : e->tgt_tok;
        int u = tok >= 0 && tok < s->n ? s->tok[tok].unit_in : -1;
        /* not a pronoun ("its", "him"), nor an organ of the same kind ("the
         * mayor" of another town), nor the media ("told CNN") */
        if (!blank || strchr(*blank, '/') || strlen(*blank) < 6 || strncmp(other, one, 3) != 0
            || !agent_in(other, DY_G_DOMESTIC_ORGAN_AGENT) || (u >= 0 && s->unit[u].pronoun)
            || strcmp(*blank + 3, other + 3) == 0 || agent_in(*blank, DY_G_FOREIGN_AGENT))
            continue;
        /* words (CAMEO 01-05, 10-14) at home; deeds by a government fall
         * as often on other states' people ("the Israeli government has
         * killed more children"), and PETRARCH's suites leave the released
         * ("civilians ... were released by Putin") of no country; the
         * police's and the courts' deeds fall on their own */
        if (!dy_grammar_has(DY_G_WORDS_ROOT, e->code, 2) && !agent_in(other, DY_G_INTERNAL_AGENT))
            continue;
        const char *code = restate(&c->scratch, one, *blank + 3);
        if (!code)
            return -1;
        *blank = code;
    }
    return 0;
}

int dy_code_append(dy_coder *c, const char *text, size_t len, int32_t date)
{
    dy_sent s;
    c->explain[0] = '\0';
    c->tree_ok = false;
    dy_arena_reset(&c->scratch);
    /* what the sentence before in the same story leaves to this one: its
     * first actor (FORWARD), the pair it was about ("the two sides"), its
     * one state ("the government") */
    bool follows = strcmp(c->story, c->prev_story) == 0 && c->sent == c->prev_sent + 1;
    const char *fcode = follows && c->opts.forward && c->fwd_code[0]
                          ? dy_arena_strndup(&c->scratch, c->fwd_code, strlen(c->fwd_code))
                          : NULL;
    const char *pcode = follows && c->pair_code[0] ? dy_arena_strndup(&c->scratch, c->pair_code, strlen(c->pair_code))
                                                   : NULL;
    c->pair_code[0] = '\0';
    char prev_state[4] = "";
    if (follows)
        memcpy(prev_state, c->state_code, sizeof prev_state);
    c->state_code[0] = '\0';
    if (strcmp(c->names_story, c->story) != 0) {
        dy_names_clear(&c->names);
        dy_strcpy_cap(c->names_story, sizeof c->names_story, c->story);
    }
    const dy_story st = {fcode, pcode, c->speaker[0] ? c->speaker : NULL, c->opts.names ? &c->names : NULL,
                         c->venue[0] ? c->venue : NULL};
    if (dy_parse(&s, c->d, &c->opts, &c->scratch, text, len, date, &st, c->memo, NULL) < 0)
        return -1;
    if (c->opts.names)
        dy_names_learn(&c->names, &s, c->d);
    bool tree = c->opts.syntax == DY_SYNTAX_PARSE && needs_tree(&s) && can_code(c, &s);
    dy_sent fresh; /* s as parsed, for a second reading */
    if (tree && copy_sent(&fresh, &s, &c->scratch) < 0)
        return -1;
    dy_evlist out = {NULL, 0, 0};
    int r = code_sent(c, &s, prev_state, &out);
    /* the tree is worked out only where it can change an event: where word
     * order found one. Then the sentence is read again, over the tree
     * (read_tree) */
    if (tree && r >= 0 && out.n == 0 && dropped_actor(&s)) {
        /* the comma clauses it dropped may hold the event's actor: read
         * it again with them kept, and parse only if that finds one */
        bool *all = dy_arena_alloc(&c->scratch, (size_t)fresh.n + 1);
        if (!all)
            return -1;
        memset(all, 1, (size_t)fresh.n + 1);
        dy_sent whole;
        char fwd[sizeof c->fwd_code], state[sizeof c->state_code];
        memcpy(fwd, c->fwd_code, sizeof fwd);
        memcpy(state, c->state_code, sizeof state);
        if (dy_parse(&whole, c->d, &c->opts, &c->scratch, text, len, date, &st, c->memo, all) < 0
            || code_sent(c, &whole, prev_state, &out) < 0)
            return -1;
        /* what the next sentence inherits stays the first reading's */
        memcpy(c->fwd_code, fwd, sizeof fwd);
        memcpy(c->state_code, state, sizeof state);
    }
    if (tree && r >= 0 && out.n > 0) {
        s = fresh;
        if (read_tree(c, &s, text, len, date, &st) < 0)
            return -1;
        out.n = 0;
        r = code_sent(c, &s, prev_state, &out);
    }
    if (r != DY_SENT_CODED)
        return r;
    if (c->tree_ok)
        dy_roles_tree(c, &s, &out, date);
    if (s.petr && c->opts.domestic && own_people(c, &s, &out) < 0)
        return -1;
    if (c->tree_ok)
        dy_roles_home_words(c, &s, &out);
    if (c->opts.mutual)
        both_ways(&out);
    if (out.n == 0)
        return DY_SENT_NOEVENT;
    remember_pair(c, &s, &out);
    if (publish(c, &s, &out, text, len, time_shift(c, &s, date), attribution(c, &s), issues(c, &s)) < 0)
        return -1;
    return DY_SENT_CODED;
}

/* ---- public ---- */

/* Builds the coder's synset index (code.h); without memory it stays
 * unbuilt and every member is tried. */
static void synset_index(dy_coder *c)
{
    const struct dy_dict *d = c->d;
    size_t total = 0;
    for (uint32_t s = 0; s < d->nsyn; s++)
        total += d->syn[s].n;
    c->syn_off = calloc((size_t)d->nsyn * 257 + 1, sizeof *c->syn_off);
    c->syn_mem = malloc((total + 1) * sizeof *c->syn_mem);
    if (!c->syn_off || !c->syn_mem) {
        free(c->syn_off);
        free(c->syn_mem);
        c->syn_off = c->syn_mem = NULL;
        return;
    }
    uint32_t at = 0;
    for (uint32_t s = 0; s < d->nsyn; s++) {
        const dy_synset *sy = &d->syn[s];
        uint32_t *off = &c->syn_off[(size_t)s * 257];
        if (sy->first[0] == ~(uint64_t)0) {
            for (int k = 0; k <= 256; k++)
                off[k] = at; /* not indexed: every member is tried */
            continue;
        }
        uint32_t cnt[256] = {0};
        for (uint32_t m = 0; m < sy->n; m++)
            cnt[dy_dict_el_start_key(&sy->mem[m].el[0])]++;
        off[0] = at;
        for (int k = 0; k < 256; k++)
            off[k + 1] = off[k] + cnt[k];
        uint32_t fill[256];
        for (int k = 0; k < 256; k++)
            fill[k] = off[k];
        for (uint32_t m = 0; m < sy->n; m++)
            c->syn_mem[fill[dy_dict_el_start_key(&sy->mem[m].el[0])]++] = m;
        at = off[256];
    }
}

dy_coder *dy_coder_new(const dy_dict *d)
{
    dy_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->d = d;
    c->opts = d->opts;
    dy_arena_init(&c->arena, 1 << 20, (size_t)1 << 30);
    dy_arena_init(&c->scratch, 1 << 20, (size_t)256 << 20);
    c->memo = dy_rootmemo_new(); /* without it lookups go to the index each time */
    synset_index(c);
    c->light = dy_light_new(d); /* without it no light verb is coded */
    c->aim = dy_aim_new(d);     /* without it no aim is coded */
    c->verb_stops = malloc((size_t)d->nverbs + 1); /* without it every sentence is coded */
    for (uint32_t v = 0; c->verb_stops && v < d->nverbs; v++) {
        const dy_verb *vb = &d->verbs[v];
        bool st = stops(&vb->code);
        for (uint32_t i = 0; i < vb->npat && !st; i++)
            st = stops(&vb->pat[i].code);
        c->verb_stops[v] = st;
    }
    return c;
}

void dy_coder_free(dy_coder **cp)
{
    if (!*cp)
        return;
    dy_arena_free(&(*cp)->arena);
    dy_arena_free(&(*cp)->scratch);
    dy_rootmemo_free(&(*cp)->memo);
    free((*cp)->syn_off);
    free((*cp)->syn_mem);
    free((*cp)->verb_stops);
    dy_light_free(&(*cp)->light);
    dy_aim_free(&(*cp)->aim);
    dy_parser_free(&(*cp)->parser);
    dy_syntax_free(&(*cp)->syn);
    free(*cp);
    *cp = NULL;
}

dy_status dy_coder_set_option(dy_coder *c, const char *line, dy_error *err)
{
    char msg[256];
    if (dy_opts_apply(&c->opts, line, msg, sizeof msg) < 0) {
        snprintf(err->msg, sizeof err->msg, "%s", msg);
        return DY_ERR_PARSE;
    }
    return DY_OK;
}

dy_status dy_coder_set_record_id(dy_coder *c, const char *idinfo)
{
    /* FORWARD's format: ^ a leading blank, * any character, N the story
     * serial, S the sentence serial; positions line up with idinfo */
    const char *f = c->opts.fwd_fmt;
    size_t ns = 0;
    int sent = 0;
    bool numeric = true;
    for (size_t i = 0; f[i] && idinfo[i]; i++) {
        if (f[i] == 'N' && ns < sizeof c->story - 1)
            c->story[ns++] = idinfo[i];
        else if (f[i] == 'S') {
            if (idinfo[i] < '0' || idinfo[i] > '9')
                numeric = false;
            else
                sent = sent * 10 + (idinfo[i] - '0');
        }
    }
    c->story[ns] = '\0';
    c->sent = numeric ? sent : 0;
    return DY_OK;
}

dy_status dy_code_sentence(dy_coder *c, const char *text, size_t len, int32_t date, dy_result *out,
                           dy_error *err)
{
    dy_arena_reset(&c->arena);
    c->ev = NULL;
    c->nev = c->cev = 0;
    c->sentence_no = 1;
    c->story_discard = false;
    int r = dy_code_append(c, text, len, date);
    memset(out, 0, sizeof *out);
    if (r < 0) {
        snprintf(err->msg, sizeof err->msg, "out of memory coding a sentence");
        return DY_ERR_NOMEM;
    }
    out->events = c->ev;
    out->n = c->nev;
    out->status = r;
    out->explain = c->explain;
    out->sentences = 1;
    return DY_OK;
}
