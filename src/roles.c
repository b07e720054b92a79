/* roles.c: the roles the tree gives the events word order found (roles.h,
 * doc/tree-coder.md). */
#include "roles.h"
#include "status.h"
#include <string.h>

/* Are e and another event of l the two directions of one act ("met",
 * "signed": coded both ways), or a paired code's second event? Then word
 * order placed them on purpose. */
static bool both_ways(const dy_evlist *l, const dy_ev *e)
{
    if (e->pair2)
        return true;
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->e[i].src, e->tgt) == 0 && strcmp(l->e[i].tgt, e->src) == 0)
            return true;
    return false;
}

/* SET: SYNTAX = PARSE: a passive verb's roles: its subject is the target,
 * its agent ("by") the source, when both name actors. False when it has
 * no agent: the act's doer is not named, whatever word order took. */
static bool tree_passive(const dy_coder *c, const dy_sent *s, dy_ev *e, long v, long sb)
{
    long ag = dy_tree_agent(&c->tree, s->text, v);
    if (ag < 0) /* "he was accused of blasphemy": by no one named, unless an
                   oblique after the verb names the doer ("were killed in
                   Israeli tank shelling") */
        return e->src_tok >= 0
               && dy_tree_after_obl(&c->tree, s, v, s->tok[e->src_tok].unit_in,
                                    dy_grammar_has(DY_G_MUTUAL_CODE, e->code, strlen(e->code)));
    int su = dy_tree_unit(&c->tree, s, ag, -1);
    int tu = su >= 0 ? dy_tree_unit(&c->tree, s, sb, -1) : -1;
    if (tu < 0 || strcmp(s->unit[su].code, s->unit[tu].code) == 0 || strchr(s->unit[su].code, '/')
        || strchr(s->unit[tu].code, '/'))
        return true;
    e->src = s->unit[su].code;
    e->src_tok = s->unit[su].first;
    e->tgt = s->unit[tu].code;
    e->tgt_tok = s->unit[tu].first;
    return true;
}

/* Is code an act whose venue is no party to it (the grammar's
 * VENUE_FREE_ROOT, less its VENUE_BOUND_CODE: dict/cameo.grammar)? */
static bool venue_free(const char *code)
{
    return strlen(code) >= 2 && dy_grammar_has(DY_G_VENUE_FREE_ROOT, code, 2)
           && !dy_grammar_has(DY_G_VENUE_BOUND_CODE, code, strlen(code));
}

/* The other member of unit su's compound, of another state ("Israel
 * and Syria"), or -1: who a compound subject meets or talks with when
 * the only actor after the verb is the venue. */
static int partner(const dy_sent *s, int su)
{
    if (su < 0 || s->unit[su].comp < 0)
        return -1;
    for (int w = 0; w < s->nunit; w++)
        if (w != su && !s->unit[w].dead && s->unit[w].comp == s->unit[su].comp
            && strncmp(s->unit[w].code, s->unit[su].code, 3) != 0)
            return w;
    return -1;
}

/* SET: SYNTAX = PARSE: an active verb's target. Word order's must lie in
 * the verb's own clause and outside its subject's phrase; else the actor
 * the verb's object names takes its place, when it is of another state
 * than the source (the parser's object of the source's own state is more
 * often a misparse than a domestic act). False when none does. */
static bool tree_target(const dy_coder *c, const dy_sent *s, dy_ev *e, long v, long sb)
{
    const dy_tree *t = &c->tree;
    int tu = s->tok[e->tgt_tok].unit_in;
    int su = e->src_tok >= 0 ? s->tok[e->src_tok].unit_in : -1;
    int u = tu >= 0 ? dy_tree_asked_unit(t, s, v, tu) : -2;
    if (u == -1 || (u >= 0 && (u == su || strcmp(s->unit[u].code, e->src) == 0)))
        return false;
    if (u >= 0 && !strchr(s->unit[u].code, '/')) { /* the one asked to act */
        e->tgt = s->unit[u].code;
        e->tgt_tok = s->unit[u].first;
        return true;
    }
    if (tu < 0 || (dy_tree_own(t, v, dy_tree_word(t, s->unit[tu].atok)) && !dy_tree_unit_under(t, s, sb, tu)
                   && !(venue_free(e->code) && dy_tree_venue(t, s, v, dy_tree_word(t, e->verb_end), tu))))
        return true;
    u = dy_tree_object(t, s, v, su);
    if (u < 0 && venue_free(e->code) && dy_grammar_has(DY_G_MUTUAL_CODE, e->code, strlen(e->code)) && (u = partner(s, su)) >= 0 && !strchr(s->unit[u].code, '/')) {
        e->tgt = s->unit[u].code; /* "Israel and Syria opened talks in Madrid" */
        e->tgt_tok = s->unit[u].first;
        return true;
    }
    if (u < 0 || dy_tree_unit_under(t, s, sb, u) || strchr(s->unit[u].code, '/') || strncmp(s->unit[u].code, e->src, 3) == 0)
        return false;
    e->tgt = s->unit[u].code;
    e->tgt_tok = s->unit[u].first;
    return true;
}

/* SET: SYNTAX = PARSE: the source is the subject's actor. A relative
 * pronoun stands for the noun phrase its clause hangs on ("networks that
 * support terrorists": no actor, no event). False when the subject is a
 * pronoun the dictionaries could not resolve ("I welcome the talks between
 * ..."); a subject of no actor changes nothing (the parser may have cut
 * the actor away). */
static bool tree_source(const dy_coder *c, const dy_sent *s, dy_ev *e, long sb)
{
    int cur = s->tok[e->src_tok].unit_in;
    int u = dy_tree_antecedent_unit(&c->tree, s, sb, cur);
    if (u == -1)
        return false;
    if (u == -2)
        u = dy_tree_subject_unit(&c->tree, s, sb, cur);
    if (u < 0 && dy_tree_pronoun(&c->tree, sb))
        return false;
    /* a subject that is a plain noun phrase of no actor ("the coalition
     * came to Iraq to fight ISIS") is no state named elsewhere; but what
     * a report or a statement says (SAYING_ROOT) is, as PETRARCH's suites
     * read it, the state where it is made ("a report released in the
     * Rwandan capital alleged ...") */
    if (u < 0 && dy_tree_common_noun(&c->tree, sb) && !dy_tree_unit_under(&c->tree, s, sb, cur)
        && dy_tree_tagged_verb(&c->tree, s, e->verb_tok) && !dy_grammar_has(DY_G_SAYING_ROOT, e->code, 2))
        return false;
    /* the subject is the target's own phrase: a gerund read as a
     * participle ("protecting refugees" as refugees who protect) */
    if (u >= 0 && e->tgt_tok >= 0 && u == s->tok[e->tgt_tok].unit_in)
        return false;
    if (u >= 0 && u != cur && !strchr(s->unit[u].code, '/')) {
        e->src = s->unit[u].code;
        e->src_tok = s->unit[u].first;
    }
    return true;
}

/* SET: SYNTAX = PARSE: do the event's roles lie where the tree says its
 * verb's words reach? False when they do not (no event). */
static bool own_phrase(const dy_coder *c, const dy_sent *s, const dy_ev *e, long v, long sb, bool pair, bool passive)
{
    const dy_tree *t = &c->tree;
    int su = e->src_tok >= 0 ? s->tok[e->src_tok].unit_in : -1, tu = e->tgt_tok >= 0 ? s->tok[e->tgt_tok].unit_in : -1;
    /* an event noun's target is in its own phrase: "Trump's release"
     * from hospital is no release of the next clause's Kamala Harris */
    if (e->tgt_tok >= 0 && !pair && !e->tgt_named && dy_tree_event_noun(t, s, e->verb_tok)
        && !dy_tree_noun_target(t, s, v, tu))
        return false;
    /* a dictionary verb that the tree makes a noun in an argument's place,
     * with no subject, has its target and its doer (a possessive, a "by"
     * phrase, a modifier: "US airstrikes") below it: elsewhere it is a
     * noun ("fire kills five children", "worked as press for the French
     * websites", "the police shooting ... sparked riots and looting"). Not
     * a word tagged a verb, nor a noun on a noun: the parser makes news's
     * short clauses noun phrases ("Israeli troops invaded southern
     * Lebanon", "security forces shot protesters": "shot" a compound) */
    if (sb < 0 && !pair && dy_tree_argument_noun(t, s, e->verb_tok)
        && ((e->tgt_tok >= 0 && !e->tgt_named && !dy_tree_verb_governs(t, s, e->verb_tok, e->verb_end, tu))
            || (e->src_tok >= 0 && !e->src_named && !dy_tree_verb_governs(t, s, e->verb_tok, e->verb_end, su))))
        return false;
    /* the members of a passive's subject do nothing to each other: "our
     * citizens, police and reporters have been injured"; but a meeting or
     * talks may be told so ("Serbia and Kosovo have been engaged in
     * dialogue") */
    return !(passive && pair && !e->src_named && !e->tgt_named && dy_tree_agent(t, s->text, v) < 0
             && !dy_grammar_has(DY_G_MUTUAL_CODE, e->code, strlen(e->code)));
}

/* Does code end in an agent of grammar class g ("ZAFCVL": CVL)? */
static bool agent_in(const char *code, dy_gclass g)
{
    size_t n = strlen(code);
    return n >= 6 && dy_grammar_has(g, code + n - 3, 3);
}

/* Is e words (WORDS_ROOT) of a state to or about its own people that are
 * not the verb's object ("committed to ... for our people", "on behalf
 * of the people of Palau, we applaud ...")? A speech's country in its
 * own words for its own people is no event between them. */
static bool own_people_said(const dy_coder *c, const dy_sent *s, const dy_ev *e, long v)
{
    if (e->tgt_tok < 0 || strncmp(e->src, e->tgt, 3) != 0 || !agent_in(e->tgt, DY_G_PEOPLE_AGENT)
        || !dy_grammar_has(DY_G_WORDS_ROOT, e->code, 2))
        return false;
    return !dy_tree_direct_object(&c->tree, s, v, s->tok[e->tgt_tok].unit_in);
}


/* SET: SYNTAX = PARSE: the roles and status the tree gives an event of
 * word order (doc/tree-coder.md, rules 4-9). An act the tree dates two
 * years or more before the story is background: no event. The verb of a
 * relative clause, participle or adverbial clause keeps an event only
 * when its target is in that clause. Then the roles (tree_passive,
 * tree_target, tree_source) and the status (tree_status). Events coded
 * both ways and roles a verb pattern names keep what the dictionaries
 * gave them. */
void dy_roles_tree(const dy_coder *c, const dy_sent *s, dy_evlist *l, int32_t date)
{
    int w = 0;
    for (int i = 0; i < l->n; i++) {
        dy_ev e = l->e[i];
        long v = dy_tree_predicate(&c->tree, dy_tree_word(&c->tree, e.verb_tok));
        bool pair = both_ways(l, &e);
        int year = dy_tree_year(&c->tree, s->text, v);
        if (date > 0 && year > 0 && year <= date / 10000 - 2)
            continue;
        bool passive = false;
        long sb = v >= 0 ? dy_tree_subject(&c->tree, v, &passive) : -1;
        /* "we are prepared to", "is committed to": a participle of intent
         * (INTENT_STATE) is its subject's own state, no act done to it */
        if (passive && dy_tree_word_in(&c->tree, s->text, v, DY_G_INTENT_STATE))
            passive = false;
        if (dy_tree_inner_clause(&c->tree, v) && e.tgt_tok >= 0 && !pair
            && !dy_tree_in_clause(&c->tree, s, v, s->tok[e.tgt_tok].unit_in))
            continue;
        /* a participle's noun is what is done to ("anyone accused of a
         * crime"): with no "by", its doer is not named */
        if (dy_tree_participle(&c->tree, v) && e.src_tok >= 0 && !pair && !e.src_named
            && dy_tree_agent(&c->tree, s->text, v) < 0 && !dy_tree_unit_under(&c->tree, s, v, s->tok[e.src_tok].unit_in))
            continue;
        if (!own_phrase(c, s, &e, v, sb, pair, passive))
            continue;
        bool free_src = sb >= 0 && e.src_tok >= 0 && !e.src_named && !pair;
        bool free_tgt = sb >= 0 && e.tgt_tok >= 0 && !e.tgt_named && !pair;
        if (passive && free_src && free_tgt && !tree_passive(c, s, &e, v, sb))
            continue;
        if (!passive && free_tgt && !tree_target(c, s, &e, v, sb))
            continue;
        if (!passive && free_src && !tree_source(c, s, &e, sb))
            continue;
        /* "wish to pay tribute to", "want to send a message": a wish of
         * one's own to act, of a code that names no kind of act (the
         * grammar's AIM_GENERIC), is no event; the act codes on its own
         * ("wants to attack Israel" keeps its threat, 138) */
        if (!pair && dy_grammar_has(DY_G_AIM_GENERIC, e.code, strlen(e.code))
            && dy_tree_word_in(&c->tree, s->text, v, DY_G_WISH)
            && dy_tree_own_complement(&c->tree, v))
            continue;
        /* travellers make no visit (VISIT_CODE, TRAVELLER_AGENT) */
        if (dy_grammar_has(DY_G_VISIT_CODE, e.code, strlen(e.code))
            && (agent_in(e.src, DY_G_TRAVELLER_AGENT) || agent_in(e.tgt, DY_G_TRAVELLER_AGENT)))
            continue;
        /* an intent's target is its partner (the grammar's PARTNER_CODE) */
        if (free_tgt && !passive && dy_grammar_has(DY_G_PARTNER_CODE, e.code, strlen(e.code))
            && !dy_tree_partner(&c->tree, s, v, s->tok[e.tgt_tok].unit_in))
            continue;
        if (!dy_status_tree(c, s, &e, v))
            continue;
        l->e[w++] = e;
    }
    l->n = w;
}

void dy_roles_home_words(const dy_coder *c, const dy_sent *s, dy_evlist *l)
{
    int w = 0;
    for (int i = 0; i < l->n; i++)
        if (!own_people_said(c, s, &l->e[i], dy_tree_predicate(&c->tree, dy_tree_word(&c->tree, l->e[i].verb_tok))))
            l->e[w++] = l->e[i];
    l->n = w;
}
