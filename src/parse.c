/* parse.c: sparse parse; see parse.h. The rules are those of TABARI's
 * manual, chapter 7: classify words, find compounds, coreference pronouns,
 * eliminate comma-delimited nonrestrictive clauses. */
#include "parse.h"
#include "names.h"
#include "grammar.h"
#include "light.h"
#include "memo.h"
#include <ctype.h>
#include <string.h>
#include <stdio.h>


typedef struct {
    dy_sent *s;
    const struct dy_dict *d;
    int at;              /* token where the roots start */
    int best_last;       /* last token of the best match */
    int best_clen;
    int best_ntok;
    int32_t best_root;
    int16_t match[64];   /* tokens of the best match */
    int nmatch;
} root_search;

/* words of a spaced multi-word phrase may stand apart, but not across a comma */
static bool barrier(const dy_ptok *t)
{
    return t->t.cls == DY_W_COMMA;
}

/* Matches root r at token i; fills toks; returns count or 0. */
static int match_root(const dy_sent *s, const dy_root *r, int i, int16_t *toks)
{
    int p = i;
    int k = 0;
    toks[k++] = (int16_t)i;
    for (uint16_t e = 1; e < r->ph.n; e++) {
        const dy_el *el = &r->ph.el[e];
        bool adj = (r->ph.el[e - 1].flags & DY_EL_ADJ) != 0;
        int q = p + 1;
        if (adj) {
            if (q >= s->n || s->tok[q].head >= 0 || !dy_dict_word_match(el, s->tok[q].t.w, s->tok[q].t.wl))
                return 0;
        } else {
            for (; q < s->n; q++) {
                if (s->tok[q].head < 0 && dy_dict_word_match(el, s->tok[q].t.w, s->tok[q].t.wl))
                    break;
                if (barrier(&s->tok[q]))
                    return 0;
            }
            if (q >= s->n)
                return 0;
        }
        p = q;
        if (k < 63)
            toks[k++] = (int16_t)q;
    }
    return k;
}

static bool consider(const dy_root *r, uint32_t ri, void *ctx)
{
    root_search *rs = ctx;
    if (r->type == DY_RT_DISCARD || r->type == DY_RT_ISSUE)
        return true; /* looked up by the coder, they classify nothing */
    int16_t toks[64];
    int k = match_root(rs->s, r, rs->at, toks);
    if (!k)
        return true;
    /* longest phrase wins; on equal letters, more words; then the entry of
     * a later dictionary layer ("builtin+PATH": the user's overrides) */
    if (r->clen > rs->best_clen || (r->clen == rs->best_clen && k > rs->best_ntok)
        || (r->clen == rs->best_clen && k == rs->best_ntok && rs->best_root >= 0
            && r->layer > rs->d->roots[rs->best_root].layer)) {
        rs->best_clen = r->clen;
        rs->best_ntok = k;
        rs->best_root = (int32_t)ri;
        memcpy(rs->match, toks, (size_t)k * sizeof *toks);
        rs->nmatch = k;
    }
    return true;
}

static bool is_modal(const dy_token *t) { return (t->fw & DY_FW_MODAL) != 0; }

static bool closed_class(const dy_token *t)
{
    return t->cls == DY_W_DET || t->cls == DY_W_PRON || t->cls == DY_W_CONJ || t->cls == DY_W_AUX
        || t->cls == DY_W_BY || t->cls == DY_W_COMMA;
}

/* Is token i joined to the one before it by a hyphen, with no blank
 * ("Qaeda-linked", "Saudi-led")? */
static bool hyphen_joined(const dy_sent *s, int i)
{
    if (i <= 0 || i >= s->n || !s->text)
        return false;
    const dy_token *a = &s->tok[i - 1].t, *b = &s->tok[i].t;
    return b->off >= 1 && a->off + a->len + 1 == b->off && s->text[b->off - 1] == '-';
}

/* PETRARCH reads "Qaeda-linked" and "Iran-backed" as one adjective (the
 * parser's token): neither an actor nor a verb. True when the phrase
 * first..last ends in such a compound or is its second half. */
static bool in_modifier(const dy_sent *s, int first, int last)
{
    if (!s->petr)
        return false;
    /* ... but a group "Saudi-led" or "US-led" is the leader's own, and a
     * ship "Greek-flagged" or a firm "Chinese-owned" the state's */
    if (last + 1 < s->n && hyphen_joined(s, last + 1) && !s->tok[last + 1].t.cap
        && !dy_grammar_tok(DY_G_OWNER_PARTICIPLE, &s->tok[last + 1].t))
        return true;
    /* ... unless the group is named ("the Russia-led Collective Security
     * Treaty Organization" is the CSTO) */
    if (last + 2 < s->n && hyphen_joined(s, last + 1) && dy_grammar_tok(DY_G_OWNER_PARTICIPLE, &s->tok[last + 1].t)
        && s->tok[last + 2].t.cap && !s->allcaps)
        return true;
    /* "pro-Russia rebels", "anti-Israel protests": supporters or
     * opponents of the actor, not the actor */
    if (hyphen_joined(s, first) && dy_grammar_tok(DY_G_STANCE_PREFIX, &s->tok[first - 1].t))
        return true;
    return hyphen_joined(s, first) && s->tok[first - 1].t.cap && !s->tok[first].t.cap;
}

/* PETRARCH dialect: "live-fire drills", "long-held commitment": a
 * one-word verb joined on to a lower-case word before it is part of a
 * modifier ("re-elect", "co-sponsor" are verbs, "air-attacks",
 * "cyber-attack" the attack). */
static bool hyphen_verb(const dy_sent *s, int first, int last)
{
    return s->petr && first == last && hyphen_joined(s, first) && !s->tok[first - 1].t.cap
        && !dy_grammar_tok(DY_G_VERB_PREFIX, &s->tok[first - 1].t);
}

static bool aux_next(const dy_token *t)
{
    return dy_grammar_tok(DY_G_AUX_AFTER_NOUN, t);
}

/* PETRARCH reads nouns and verbs off its parse; these rules stand in for
 * it: is the verb word at token i (a root of nmatch words) used as a
 * noun? */
static bool petr_noun(const dy_sent *s, int i, int nmatch)
{
    const dy_ptok *t = &s->tok[i];
    if (i == 0)
        return false;
    const dy_ptok *b1 = &s->tok[i - 1], *b2 = i >= 2 ? &s->tok[i - 2] : NULL;
    /* a one-word verb right before an auxiliary is the head of the
     * subject ("a mortar bomb was fired") */
    if (nmatch == 1 && i + 1 < s->n && aux_next(&s->tok[i + 1].t))
        return true;
    /* an -ing word after a determiner and one modifier ("a new
     * bombing"), or joined by "and" to such a noun ("bombing and shelling
     * offensive") */
    if (nmatch == 1 && b2 && dy_word_ends(&t->t, "ING")) {
        /* not after a noun: "a resolution demanding a ceasefire" */
        bool noun = dy_grammar_ends(DY_G_NOUN_ENDING, &b1->t);
        if (b2->t.cls == DY_W_DET && b1->t.cls == DY_W_NONE && b1->type == DY_T_NONE && b1->unit_in < 0 && !noun)
            return true;
        if ((dy_word_is(&b1->t, "AND") || dy_word_is(&b1->t, "OR")) && b2->type == DY_T_NOUN
            && dy_word_ends(&b2->t, "ING"))
            return true;
    }
    /* a plain verb form right after a preposition is its object ("bans
     * on travel to Canada"); "to" leads an infinitive, and an -ing form
     * may still be a verb ("after meeting Putin") */
    if (dy_grammar_tok(DY_G_OBJECT_PREPOSITION, &b1->t) && !dy_word_ends(&t->t, "ING"))
        return true;
    /* a quantifier or demonstrative before it, as a determiner ("any
     * attack by Israel", "these talks") */
    if (dy_grammar_tok(DY_G_QUANTIFIER, &b1->t))
        return true;
    /* a number before a verb form other than a participle ("the October 7
     * attacks", "two strikes"; not "five killed in ...", "in 1993
     * demanding") */
    if (b1->t.cls == DY_W_NUM && !dy_word_ends(&t->t, "ED") && !dy_word_ends(&t->t, "ING"))
        return true;
    /* a verb form right after an adjective ("financial support", "massive
     * attacks"), the adjective told by its ending as no word list says
     * more; not before "with": "bilateral talks with Pakistan's president"
     * are talks with him */
    if (nmatch == 1 && !dy_word_ends(&t->t, "ED") && !dy_word_ends(&t->t, "ING")
        && !(i + 1 < s->n && dy_word_is(&s->tok[i + 1].t, "WITH")) && b1->type == DY_T_NONE
        && b1->unit_in < 0 && !b1->t.cap && b1->t.wl > 4) {
        if (dy_grammar_ends(DY_G_ADJECTIVE_ENDING, &b1->t))
            return true;
    }
    /* a participle right after a determiner, possessive or number
     * modifies the noun after it ("the two exiled dissidents", "the
     * occupied territories", "its detained nationals") */
    if (nmatch == 1 && dy_word_ends(&t->t, "ED") && i + 1 < s->n
        && (b1->t.cls == DY_W_DET || (b1->t.fw & DY_FW_POSS) || b1->t.cls == DY_W_NUM || dy_grammar_tok(DY_G_COUNT_WORD, &b1->t))) {
        const dy_ptok *n1 = &s->tok[i + 1];
        if (n1->t.cls == DY_W_NONE && !(n1->t.fw & (DY_FW_BE | DY_FW_REL | DY_FW_MODAL)) && !dy_grammar_tok(DY_G_OBJECT_PREPOSITION, &n1->t)
            && !dy_word_is(&n1->t, "TO") && !dy_word_is(&n1->t, "BY"))
            return true;
    }
    /* a participle after a determiner and an adverb modifies a noun ("the
     * internationally recognized government") */
    return b2 && dy_word_ends(&b1->t, "LY") && (b2->t.cls == DY_W_DET || (b2->t.fw & DY_FW_POSS));
}

/* Verb forms that English uses as prepositions: "according to state
 * media", "thanks to trade", "countries including Israel" (unless after a
 * form of "be"). */
static bool verb_preposition(const dy_sent *s, int i)
{
    const dy_token *t = &s->tok[i].t;
    /* "according to", and "thanks to" ("growing thanks to trade") */
    if (dy_word_is(t, "ACCORDING") || dy_word_is(t, "THANKS"))
        return i + 1 < s->n && dy_word_is(&s->tok[i + 1].t, "TO");
    /* "given their unique status", "Given the crisis, ...": after a comma
     * or opening the sentence, "given" introduces a reason */
    if (dy_word_is(t, "GIVEN"))
        return i == 0 || s->tok[i - 1].t.cls == DY_W_COMMA;
    if (!dy_word_is(t, "INCLUDING"))
        return false;
    return i == 0 || !(s->tok[i - 1].t.fw & DY_FW_BE);
}

static void classify(dy_sent *s, const struct dy_dict *d, const dy_opts *o, int32_t date, dy_rootmemo *memo)
{
    for (int i = 0; i < s->n; i++) {
        dy_ptok *t = &s->tok[i];
        if (t->head >= 0 || t->t.cls == DY_W_COMMA)
            continue;
        /* every field but the match array, filled only with a match */
        root_search rs;
        rs.s = s;
        rs.d = d;
        rs.at = i;
        rs.best_last = 0;
        rs.best_ntok = 0;
        rs.nmatch = 0;
        rs.best_root = -1;
        rs.best_clen = -1;
        /* discard and issue roots are the coder's to look up */
        uint32_t mask = ~((uint32_t)1 << DY_RT_DISCARD | (uint32_t)1 << DY_RT_ISSUE);
        uint16_t next2 = i + 1 < s->n && s->tok[i + 1].head < 0 ? dy_rootmemo_key2(s->tok[i + 1].t.w, s->tok[i + 1].t.wl)
                                                                 : DY_MEMO_NONE;
        t->hash = dy_dict_word_hash(t->t.w, t->t.wl);
        t->hash_ok = true;
        t->rtypes = dy_rootmemo_roots(memo, d, t->t.w, t->t.wl, t->hash, mask, s->bloom, next2, consider, &rs);
        if (rs.best_root < 0)
            continue;
        if (closed_class(&t->t) && rs.nmatch == 1)
            continue;
        const dy_root *r = &d->roots[rs.best_root];
        if ((r->type == DY_RT_ACTOR || r->type == DY_RT_VERB) && in_modifier(s, i, rs.match[rs.nmatch - 1]))
            continue;
        if (r->type == DY_RT_VERB && hyphen_verb(s, i, rs.match[rs.nmatch - 1]))
            continue;
        /* a short acronym names an actor only in capitals: "WHO", "US"
         * but not "who", "us" (mixed-case text; all-caps text can't tell) */
        if (r->type == DY_RT_ACTOR && rs.nmatch == 1 && t->t.wl <= 3 && !t->t.cap && !s->allcaps)
            continue;
        uint8_t type = DY_T_NONE;
        switch (r->type) {
        case DY_RT_ACTOR: {
            const char *code = dy_dict_code_at(&d->actors[r->id].codes, date);
            if (!code || strcmp(code, "---") == 0)
                type = DY_T_NOUN;
            else {
                if (strcmp(code, "###") == 0)
                    s->discard = true;
                else if (strcmp(code, "+++") == 0) {
                    s->complex = true;
                    s->why = "complex actor";
                }
                type = DY_T_ACTOR;
            }
            break;
        }
        case DY_RT_AGENT: type = DY_T_AGENT; break;
        case DY_RT_NOUN: type = DY_T_NOUN; break;
        case DY_RT_ADJ: type = DY_T_ADJ; break;
        case DY_RT_VERB: {
            if (d->petr && rs.nmatch == 1 && is_modal(&t->t))
                break; /* PETRARCH codes true verbs only: a modal is not one */
            if (d->petr && rs.nmatch == 1 && verb_preposition(s, i))
                break;
            const dy_verb *v = &d->verbs[r->id];
            const dy_ecode *vc = r->code ? r->code : &v->code;
            if (v->sect == DY_VS_TIME) {
                type = DY_T_TIME;
                /* discard and complex codes of time phrases act as in verbs */
                bool shifting = o->time_shift == 1 || (o->time_shift < 0 && d->has_time);
                if (shifting && v->code.kind == DY_EC_DISCARD)
                    s->discard = true;
                else if (shifting && v->code.kind == DY_EC_COMPLEX) {
                    s->complex = true;
                    s->why = "complex time phrase";
                }
            }
            else if (v->sect == DY_VS_ATTRIB)
                type = DY_T_ATTRIB;
            else if (vc->kind == DY_EC_NULL && v->npat == 0
                     && !(d->light && (dy_grammar_tok(DY_G_LIGHT, &t->t) || dy_grammar_tok(DY_G_LIGHT_END, &t->t))
                          && dy_light_noun_ahead(d, s, i)))
                type = DY_T_NULL; /* no verb: it never codes (a light verb may) */
            else {
                type = DY_T_VERB;
                /* determiner or mid-sentence capital: a noun, not a verb */
                /* PETRARCH's parser also reads "his remarks" as a noun */
                bool det = i > 0 && (s->tok[i - 1].t.cls == DY_W_DET || (d->petr && (s->tok[i - 1].t.fw & DY_FW_POSS)));
                bool cap = i > 0 && t->t.cap && !s->allcaps;
                if (d->petr && petr_noun(s, i, rs.nmatch))
                    det = true;
                if (det || cap)
                    type = DY_T_NOUN;
                else if (vc->kind == DY_EC_DISCARD && v->npat == 0)
                    s->discard = true;
            }
            break;
        }
        default: break;
        }
        for (int k = 0; k < rs.nmatch; k++) {
            dy_ptok *x = &s->tok[rs.match[k]];
            x->type = type;
            x->head = (int16_t)i;
        }
        t->last = rs.match[rs.nmatch - 1];
        t->root = rs.best_root;
        /* a conjunction skipped inside a spaced phrase ("Durthang and an
         * Orc") does not divide the sentence */
        for (int k = i; k <= t->last; k++)
            if (s->tok[k].t.cls == DY_W_CONJ)
                s->tok[k].nosplit = true;
    }
}

/* Appends p[0..l) to buf (cap bytes, *n used), cut short at cap - 1. */
static void cat(char *buf, size_t cap, size_t *n, const char *p, size_t l)
{
    if (*n + l > cap - 1)
        l = cap - 1 - *n;
    memcpy(buf + *n, p, l);
    *n += l;
}

/* Adds 3-letter chunks of the agent code that the actor code lacks. */
static const char *compose1(dy_arena *a, const char *actor, size_t an, const char *agent, bool prefix)
{
    char buf[128];
    size_t n = 0;
    size_t gl = strlen(agent);
    if (prefix) {
        /* agent goes first unless the actor already starts with it */
        if (!(an >= gl && memcmp(actor, agent, gl) == 0))
            cat(buf, sizeof buf, &n, agent, gl);
        cat(buf, sizeof buf, &n, actor, an);
    } else {
        cat(buf, sizeof buf, &n, actor, an);
        for (size_t k = 0; k < gl && n < sizeof buf - 4; k += 3) {
            size_t cl = gl - k < 3 ? gl - k : 3;
            bool have = false;
            for (size_t j = 0; j + cl <= n; j += 3)
                if (memcmp(buf + j, agent + k, cl) == 0) {
                    have = true;
                    break;
                }
            if (!have) {
                memcpy(buf + n, agent + k, cl);
                n += cl;
            }
        }
    }
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    return dy_arena_strndup(a, buf, n);
}

static const char *compose(dy_arena *a, const char *actor, const char *agent, bool prefix)
{
    if (!strchr(actor, '/'))
        return compose1(a, actor, strlen(actor), agent, prefix);
    char out[512];
    size_t n = 0;
    const char *p = actor;
    while (*p) {
        const char *sl = strchr(p, '/');
        size_t l = sl ? (size_t)(sl - p) : strlen(p);
        const char *c = compose1(a, p, l, agent, prefix);
        if (c) {
            if (n)
                cat(out, sizeof out, &n, "/", 1);
            cat(out, sizeof out, &n, c, strlen(c));
        }
        if (n >= sizeof out - 1)
            break;
        p += l;
        if (*p == '/')
            p++;
    }
    return dy_arena_strndup(a, out, n < sizeof out ? n : sizeof out - 1);
}

static bool is_former(const dy_ptok *t) { return dy_word_is(&t->t, "FORMER"); }

static int add_unit(dy_sent *s, dy_arena *a, int cap)
{
    (void)a;
    if (s->nunit >= cap)
        return -1;
    dy_unit *u = &s->unit[s->nunit];
    memset(u, 0, sizeof *u);
    u->comp = -1;
    return s->nunit++;
}

/* PETRARCH: an agent of one actor of a compound is the agent of them all
 * ("lawmakers in Fornost and Gondor" -> FORLEG, GONLEG) */
/* PETRARCH: an agent joined on to an actor's agent ("Danish media and
 * government") belongs to the same actor: DNKMED and DNKGOV. */
static void join_agents(dy_sent *s, const struct dy_dict *d, dy_arena *a)
{
    for (int l = 0; l < s->nunit; l++) {
        dy_unit *la = &s->unit[l];
        if (la->acode || la->pronoun || la->dead || !la->root || la->root->type != DY_RT_AGENT)
            continue;
        int p = la->first - 1;
        if (p >= 0 && s->tok[p].t.cls == DY_W_DET)
            p--;
        if (p < 1 || s->tok[p].t.cls != DY_W_CONJ)
            continue;
        int prev = s->tok[p - 1].unit_in;
        if (prev < 0)
            continue;
        const dy_unit *u = &s->unit[prev];
        /* the actor first, then its agent ("Danish media") */
        if (!u->acode || !u->agent || u->pronoun || u->atok != u->first || u->last != p - 1)
            continue;
        const dy_agent *ag = &d->agents[la->root->id];
        la->acode = u->acode;
        la->code = compose(a, u->acode, ag->code, ag->prefix);
        la->agent = ag;
        la->root = u->root;
    }
}

static void share_agents(dy_sent *s, const struct dy_dict *d, dy_arena *a, int cap)
{
    int nbase = s->nunit;
    for (int u = 0; u < nbase; u++) {
        const dy_unit *x = &s->unit[u];
        /* only an agent that stands before the whole compound ("lawmakers
         * in Fornost and Gondor"), never one inside it ("Ithilen and the
         * government of Gondor"); agents with no actor of their own
         * ("lawmakers and officials in ...") do not count as members */
        if (x->comp < 0 || !x->agent || x->pronoun || x->first >= x->atok)
            continue;
        bool first_member = true;
        for (int v = 0; v < nbase; v++)
            if (v != u && s->unit[v].comp == x->comp && s->unit[v].first < x->first && s->unit[v].acode)
                first_member = false;
        if (!first_member)
            continue;
        for (int v = 0; v < nbase; v++) {
            dy_unit *y = &s->unit[v];
            if (v == u || y->comp != x->comp || y->agent || y->pronoun || !y->acode)
                continue;
            y->code = compose(a, y->acode, x->former ? "ELI" : x->agent->code,
                              x->former ? false : x->agent->prefix);
            y->agent = x->agent;
            y->former = x->former;
        }
        /* "lawmakers and officials in Arnor and Gondor": each agent of
         * the list goes with each actor (ARNLEG ARNGOV GONLEG GONGOV) */
        for (int l = 0; l < nbase; l++) {
            dy_unit *la = &s->unit[l];
            if (la->comp != x->comp || la->acode || la->pronoun || la->first >= x->first || !la->root
                || la->root->type != DY_RT_AGENT)
                continue;
            const dy_agent *ag = &d->agents[la->root->id];
            for (int v = 0; v < nbase; v++) {
                const dy_unit *y = &s->unit[v];
                if (y->comp != x->comp || !y->acode || y->pronoun)
                    continue;
                int n = add_unit(s, a, cap);
                if (n < 0)
                    return;
                s->unit[n] = s->unit[v];
                s->unit[n].code = compose(a, s->unit[v].acode, ag->code, ag->prefix);
                s->unit[n].agent = ag;
                s->unit[n].former = false;
                x = &s->unit[u];
            }
            la->dead = true;
        }
    }
}

/* Puts units in sentence order. */
static void sort_units(dy_sent *s)
{
    for (int x = 1; x < s->nunit; x++) {
        dy_unit k = s->unit[x];
        int y = x - 1;
        while (y >= 0 && s->unit[y].first > k.first) {
            s->unit[y + 1] = s->unit[y];
            y--;
        }
        s->unit[y + 1] = k;
    }
}

/* Points each token at the unit it starts (unit) and lies in (unit_in). */
static void link_units(dy_sent *s)
{
    for (int i = 0; i < s->n; i++)
        s->tok[i].unit = s->tok[i].unit_in = -1;
    for (int u = 0; u < s->nunit; u++) {
        s->tok[s->unit[u].first].unit = (int16_t)u;
        for (int k = s->unit[u].first; k <= s->unit[u].last; k++)
            s->tok[k].unit_in = (int16_t)u;
    }
}

/* Is token i a capitalised document noun ("Declaration", "Protocol")
 * that makes the place before it a document's name? */
static bool named_document(const dy_sent *s, int i)
{
    return i < s->n && s->tok[i].t.cap && !s->allcaps && dy_grammar_tok(DY_G_DOCUMENT_NOUN, &s->tok[i].t);
}

/* Does the phrase ending at token last end in an ATTRIBUTIVE word used
 * as an adjective: lower case, before a plain lower-case word that is no
 * verb, actor or agent ("general debate", "the national jurisdiction")? */
static bool attributive(const dy_sent *s, int last)
{
    const dy_ptok *t = &s->tok[last], *n = last + 1 < s->n ? &s->tok[last + 1] : NULL;
    return n && !t->t.cap && !s->allcaps && dy_grammar_tok(DY_G_ATTRIBUTIVE, &t->t) && !n->t.cap
           && n->t.cls == DY_W_NONE && !n->t.fw && (n->type == DY_T_NONE || n->type == DY_T_NOUN || n->type == DY_T_ADJ)
           && n->t.wl > 2 && n->t.w[0] >= 'A' && n->t.w[0] <= 'Z';
}

/* SET: NAMES: is the place at tokens i..last a person's first name, after
 * an honorific and before a surname ("Ms. Virginia Gamba", "Mr. Jordan
 * Henderson")? */
static bool first_name(const dy_sent *s, int i, int last)
{
    return i > 0 && last + 1 < s->n && dy_grammar_tok(DY_G_HONORIFIC, &s->tok[i - 1].t) && s->tok[last + 1].t.cap
           && !s->allcaps && s->tok[last + 1].t.cls == DY_W_NONE && s->tok[last + 1].type == DY_T_NONE;
}

static void build_units(dy_sent *s, const struct dy_dict *d, const dy_opts *o, dy_arena *a, int32_t date, int cap)
{
    bool *agent_used = dy_arena_calloc(a, (size_t)s->n + 1);
    for (int i = 0; i < s->n; i++) {
        dy_ptok *t = &s->tok[i];
        if (t->head != i || t->type != DY_T_ACTOR || (o->names && attributive(s, t->last)))
            continue;
        const dy_root *r = &d->roots[t->root];
        const char *code = dy_dict_code_at(&d->actors[r->id].codes, date);
        int first = i, last = t->last;
        const dy_agent *ag = NULL;
        int p; /* the word before the actor, a determiner passed */
        bool former = i > 0 && is_former(&s->tok[i - 1]);
        /* agent right after the actor: "Gondor's prime minister" */
        int j = last + 1;
        if (j + 1 < s->n && is_former(&s->tok[j]) && s->tok[j + 1].head == j + 1
            && s->tok[j + 1].type == DY_T_AGENT) {
            former = true; /* "Arnor former security officials" */
            j++;
        }
        /* PETRARCH reads whole noun phrases: "Dagolath's first deputy prime
         * minister" joins the actor and an agent a few plain words later */
        if (d->petr && !(j < s->n && s->tok[j].head == j && s->tok[j].type == DY_T_AGENT))
            for (int k = j; k < s->n && k <= j + 3; k++) {
                const dy_ptok *x = &s->tok[k];
                if (x->head == k && x->type == DY_T_AGENT) {
                    j = k;
                    break;
                }
                if (x->type != DY_T_NONE && x->type != DY_T_ADJ && x->type != DY_T_NOUN)
                    break;
                if (x->t.cls != DY_W_NONE && x->t.cls != DY_W_CONJ) /* "awful and evil minister" */
                    break;
            }
        if (j < s->n && s->tok[j].head == j && s->tok[j].type == DY_T_AGENT && !agent_used[j]) {
            ag = &d->agents[d->roots[s->tok[j].root].id];
            agent_used[j] = true;
            last = s->tok[j].last;
            /* and an organisation agent before it: "an MSF Arnor diplomat" */
            if (d->petr && i > 0 && s->tok[i - 1].type == DY_T_AGENT && s->tok[i - 1].head >= 0
                && !agent_used[s->tok[i - 1].head]) {
                int h = s->tok[i - 1].head;
                const dy_agent *pre = &d->agents[d->roots[s->tok[h].root].id];
                if (pre->prefix) {
                    agent_used[h] = true;
                    first = h;
                    code = compose(a, code, pre->code, true);
                }
            }
        } else if (i > 0 && s->tok[i - 1].type == DY_T_AGENT && s->tok[i - 1].head >= 0
                   && !agent_used[s->tok[i - 1].head]) {
            /* agent right before: "President Umbardacil" */
            int h = s->tok[i - 1].head;
            ag = &d->agents[d->roots[s->tok[h].root].id];
            agent_used[h] = true;
            first = h;
            if (h > 0 && is_former(&s->tok[h - 1]))
                former = true;
        } else if ((p = i - (i > 2 && s->tok[i - 1].t.cls == DY_W_DET ? 1 : 0)) > 1
                   && (s->tok[p - 1].t.cls == DY_W_PREP || (d->petr && dy_grammar_tok(DY_G_AGENT_FROM_CASE, &s->tok[p - 1].t)))
                   && s->tok[p - 2].type == DY_T_AGENT
                   && s->tok[p - 2].head >= 0 && !agent_used[s->tok[p - 2].head]) {
            /* "ambassadors of Arnor", "the President of the United States" */
            int h = s->tok[p - 2].head;
            ag = &d->agents[d->roots[s->tok[h].root].id];
            agent_used[h] = true;
            first = h;
            if (h > 0 && is_former(&s->tok[h - 1]))
                former = true;
        }
        if (!ag && o->names && code && strlen(code) == 3 && dy_state_code(code)
            && (named_document(s, last + 1) || first_name(s, i, last))) {
            /* "the Durban Declaration" names no one in Durban */
            for (int k = i; k <= last; k++)
                s->tok[k].type = DY_T_NONE;
            continue;
        }
        if (ag)
            code = compose(a, code, former ? "ELI" : ag->code, former ? false : ag->prefix);
        int u = add_unit(s, a, cap);
        if (u < 0)
            return;
        s->unit[u].first = (int16_t)first;
        s->unit[u].last = (int16_t)last;
        s->unit[u].atok = (int16_t)i;
        s->unit[u].code = code;
        s->unit[u].acode = dy_dict_code_at(&d->actors[r->id].codes, date);
        s->unit[u].root = r;
        s->unit[u].agent = ag;
        s->unit[u].former = former;
    }
    /* PETRARCH codes an agent with no actor of its own against the
     * unknown actor: "students" is ---EDU */
    if (o->convert_agents || d->petr) {
        for (int i = 0; i < s->n; i++) {
            dy_ptok *t = &s->tok[i];
            if (t->head != i || t->type != DY_T_AGENT || agent_used[i] || (o->names && attributive(s, t->last))
                || dy_grammar_tok(DY_G_STATE_ONLY_AGENT, &t->t))
                continue;
            const dy_agent *ag = &d->agents[d->roots[t->root].id];
            int u = add_unit(s, a, cap);
            if (u < 0)
                return;
            /* "GOV~" or "~GOV" (converted), else "---GOV" */
            size_t gl = strlen(ag->code);
            char *code = dy_arena_alloc(a, gl + 4);
            if (!code)
                return;
            if (!o->convert_agents) {
                memcpy(code, "---", 3);
                memcpy(code + 3, ag->code, gl + 1);
            } else if (ag->prefix) {
                memcpy(code, ag->code, gl);
                memcpy(code + gl, "~", 2);
            } else {
                code[0] = '~';
                memcpy(code + 1, ag->code, gl + 1);
            }
            s->unit[u].first = (int16_t)i;
            s->unit[u].last = t->last;
            s->unit[u].atok = (int16_t)i;
            s->unit[u].code = code;
            s->unit[u].root = &d->roots[t->root];
        }
    }
    sort_units(s);
    /* PETRARCH: "Rwanda's Senate" is one noun phrase, whose actor is the
     * possessor; the possessed actor is not a second one */
    if (s->petr)
        for (int u = 1; u < s->nunit; u++) {
            const dy_unit *v = &s->unit[u - 1];
            const dy_token *e = &s->tok[v->last].t;
            if (!v->dead && !v->pronoun && v->last + 1 == s->unit[u].first && e->wl > 2
                && memcmp(e->w + e->wl - 2, "'S", 2) == 0)
                s->unit[u].dead = true;
        }
    link_units(s);
}

/* Words that may stand before an actor inside a noun phrase. PETRARCH
 * dictionaries have no adjective lists (PETRARCH reads noun phrases off a
 * parse tree), so with them any plain word may. */
static bool np_filler(const dy_sent *s, const dy_ptok *t)
{
    if (t->t.cls == DY_W_DET || t->type == DY_T_ADJ)
        return true;
    return s->petr && t->type == DY_T_NONE && t->t.cls == DY_W_NONE;
}

static bool compound_conj(const dy_ptok *t)
{
    if (t->t.cls != DY_W_CONJ || t->type != DY_T_NONE)
        return false;
    return (t->t.wl == 3 && (memcmp(t->t.w, "AND", 3) == 0 || memcmp(t->t.w, "NOR", 3) == 0))
        || dy_word_is(&t->t, "OR");
}

/* next token at or after i that is not deleted (when live is set) */
static int next_tok(const dy_sent *s, int i, bool live)
{
    while (i < s->n && live && s->tok[i].del)
        i++;
    return i;
}

/* unit starting at token i after optional determiners/adjectives; -1 */
static int np_unit(const dy_sent *s, int i, bool live, int *after)
{
    /* a noun phrase's modifiers are few, and no adverb or subordinate
     * clause ("the government and automatically assumes the presidency if
     * the President...") */
    int fillers = 0;
    i = next_tok(s, i, live);
    while (i < s->n) {
        if (s->tok[i].unit >= 0 && !s->unit[s->tok[i].unit].dead && !s->unit[s->tok[i].unit].pronoun) {
            *after = i;
            return s->tok[i].unit;
        }
        if (!np_filler(s, &s->tok[i]))
            return -1;
        if (s->petr && (++fillers > 4 || dy_word_ends(&s->tok[i].t, "LY") || dy_grammar_tok(DY_G_SUBORDINATOR, &s->tok[i].t)))
            return -1;
        i = next_tok(s, i + 1, live);
    }
    return -1;
}

/* Parsed compound actors (TABARI manual 7.5):
 *   compound := np (sep np)+    with at least one conjunction
 *   np       := (det | adj)* actor ((det | adj)* actor)*
 *   sep      := ',' | conj | ',' conj     (after a conjunction, a bare
 *               comma ends the compound)
 * live: skip words of eliminated comma clauses (second pass). */
static void find_compounds(dy_sent *s, bool live)
{
    for (int u = 0; u < s->nunit; u++) {
        if (s->unit[u].comp >= 0 || s->unit[u].dead || s->unit[u].pronoun)
            continue;
        int members[64], seps[128];
        int nm = 0, ns = 0, committed_m = 0, committed_s = 0;
        members[nm++] = u;
        int cur = u;
        bool closed = false;
        for (;;) {
            int j = next_tok(s, s->unit[cur].last + 1, live);
            if (j >= s->n)
                break;
            int at, v;
            /* another actor of the same noun phrase: "Arnor's Elrond" (TABARI;
             * PETRARCH keeps the head of the phrase only) */
            if (!s->petr && (v = np_unit(s, j, live, &at)) >= 0 && s->unit[v].comp < 0 && nm < 63) {
                members[nm++] = v;
                cur = v;
                if (closed) {
                    committed_m = nm;
                    committed_s = ns;
                }
                continue;
            }
            int sep[2], nsep = 0;
            bool conj = false;
            if (s->tok[j].t.cls == DY_W_COMMA) {
                sep[nsep++] = j;
                int k = next_tok(s, j + 1, live);
                if (k < s->n && compound_conj(&s->tok[k])) {
                    sep[nsep++] = k;
                    conj = true;
                    j = k;
                } else if (closed)
                    break;
                if (closed && s->petr)
                    break; /* PETRARCH: ", and" after a closed compound starts another */
            } else if (compound_conj(&s->tok[j])) {
                sep[nsep++] = j;
                conj = true;
            } else
                break;
            v = np_unit(s, j + 1, live, &at);
            if (v < 0 || s->unit[v].comp >= 0 || nm >= 63 || ns + nsep > 126)
                break;
            for (int k = 0; k < nsep; k++)
                seps[ns++] = sep[k];
            members[nm++] = v;
            cur = v;
            if (conj)
                closed = true;
            if (closed) {
                committed_m = nm;
                committed_s = ns;
            }
        }
        /* PETRARCH dialect: "China-Pakistan relations", "the India-Pakistan
         * talks": two actors joined by a hyphen name both */
        if (committed_m < 2 && s->petr && nm == 1) {
            int k = s->unit[u].last + 1;
            int at2;
            int v2 = k < s->n && hyphen_joined(s, k) ? np_unit(s, k, live, &at2) : -1;
            if (v2 >= 0 && s->unit[v2].first == k && s->unit[v2].comp < 0
                && strncmp(s->unit[u].code, s->unit[v2].code, 3) != 0) {
                members[nm++] = v2;
                committed_m = 2;
                committed_s = 0;
            }
        }
        /* PETRARCH dialect: "Pakistan, China have decided ...": two actors
         * opening the sentence, parted by a comma alone, before the verb or
         * its auxiliary, are a compound subject (the news style of lists) */
        if (committed_m < 2 && s->petr && nm >= 2 && ns == 1 && s->unit[u].first == 0
            && s->tok[seps[0]].t.cls == DY_W_COMMA) {
            int k = next_tok(s, s->unit[members[1]].last + 1, live);
            if (k < s->n && ((s->tok[k].type == DY_T_VERB && s->tok[k].head == k) || aux_next(&s->tok[k].t))) {
                committed_m = 2;
                committed_s = 1;
            }
        }
        if (committed_m < 2)
            continue;
        int id = s->ncomp++;
        for (int k = 0; k < committed_m; k++)
            s->unit[members[k]].comp = (int16_t)id;
        for (int k = 0; k < committed_s; k++)
            s->tok[seps[k]].nosplit = true;
    }
}

static bool nounish(const dy_ptok *t) { return t->type == DY_T_NOUN; }

static void noun_phrases(dy_sent *s)
{
    for (int i = 1; i + 1 < s->n; i++) {
        dy_ptok *c = &s->tok[i];
        if (c->t.cls != DY_W_CONJ || c->type != DY_T_NONE || c->nosplit)
            continue;
        const dy_ptok *l = &s->tok[i - 1];
        if (nounish(l)) {
            int j = i + 1;
            while (j < s->n && s->tok[j].type == DY_T_ADJ)
                j++;
            if (j < s->n && nounish(&s->tok[j]))
                c->nosplit = true;
        } else if (l->type == DY_T_ADJ && s->tok[i + 1].type == DY_T_ADJ)
            c->nosplit = true;
    }
}

/* Is unit u another state (or body) than unit v: codes that differ in
 * their first three letters, or international and unknown actors that
 * differ at all? */
static bool other_state(const dy_sent *s, int u, int v)
{
    const char *x = s->unit[u].code, *y = s->unit[v].code;
    if (strncmp(x, y, 3) != 0)
        return true;
    return (strncmp(x, "IGO", 3) == 0 || strncmp(x, "NGO", 3) == 0 || strncmp(x, "IMG", 3) == 0)
        && strcmp(x, y) != 0;
}

/* PETRARCH dialect: "the two sides", "both countries", "the two leaders"
 * stand for two states named in the sentence: a pair joined by "and"
 * before them ("With regard to Sudan and South Sudan, Namibia called on
 * the two countries"), else the last two states named before them ("Wang
 * Yi held talks with Lavrov, and the two sides agreed to ..."), else the
 * first two after a later comma ("The two sides agreed to ..., according
 * to a statement issued by China and Kazakhstan"). The phrase becomes a
 * pair that acts on itself, as a compound does: states only, as "the two
 * sides" are seldom the UN and a state. Runs before compounds are
 * found and clauses dropped, so a clause dropped later may name them
 * ("During talks between China and Russia, the two sides agreed"). With
 * no pair in the sentence, pair is the one the sentence before was about
 * ("Xi met Putin in Moscow. The two sides signed ..."), or NULL. */
static void two_sides(dy_sent *s, dy_arena *a, int cap, int nbase, const char *pair)
{
    /* most sentences hold neither word: the sentence's word set says so */
    if (!(s->bloom & (dy_dict_word_bit("TWO", 3) | dy_dict_word_bit("BOTH", 4))))
        return;
    for (int i = 0; s->petr && i + 1 < s->n; i++) {
        int first = i;
        if (dy_word_is(&s->tok[i].t, "TWO") && i > 0 && dy_word_is(&s->tok[i - 1].t, "THE"))
            first = i - 1;
        else if (!dy_word_is(&s->tok[i].t, "BOTH"))
            continue;
        int j = i + 1;
        if (s->tok[i].del || s->tok[j].del || !dy_grammar_tok(DY_G_SIDES, &s->tok[j].t))
            continue;
        int r[2] = {-1, -1}, nr = 0;
        /* a pair named as one ("Sudan and South Sudan", "between Israel
         * and Palestine") before all else */
        for (int u = nbase - 2; u >= 0 && nr < 2; u--) {
            const dy_unit *x = &s->unit[u], *y = &s->unit[u + 1];
            int k = x->last + 1;
            if (y->last >= first || k >= s->n || !dy_word_is(&s->tok[k].t, "AND") || x->pronoun || y->pronoun
                || strchr(x->code, '/') || strchr(y->code, '/') || !dy_state_code(x->code) || !dy_state_code(y->code)
                || !other_state(s, u, u + 1))
                continue;
            k++;
            if (k < s->n && dy_word_is(&s->tok[k].t, "THE"))
                k++;
            if (y->first == k) {
                r[0] = u + 1;
                r[1] = u;
                nr = 2;
            }
        }
        for (int u = nbase - 1; u >= 0 && nr < 2; u--) {
            const dy_unit *x = &s->unit[u];
            if (x->pronoun || x->last >= first || strchr(x->code, '/') || !dy_state_code(x->code)
                || (nr == 1 && !other_state(s, u, r[0])))
                continue;
            r[nr++] = u;
        }
        if (nr < 2) {
            /* after a comma only: "... with China and Russia" are objects */
            int comma = j + 1;
            while (comma < s->n && s->tok[comma].t.cls != DY_W_COMMA)
                comma++;
            nr = 0;
            for (int u = 0; u < nbase && nr < 2; u++) {
                const dy_unit *x = &s->unit[u];
                if (x->pronoun || x->first <= comma || strchr(x->code, '/') || !dy_state_code(x->code)
                    || (nr == 1 && !other_state(s, u, r[0])))
                    continue;
                r[nr++] = u;
            }
        }
        if (nr < 2 && !pair)
            continue;
        for (int k = first; k <= j; k++)
            if (s->tok[k].unit_in >= 0)
                s->unit[s->tok[k].unit_in].dead = true;
        char *code;
        if (nr < 2) {
            code = dy_arena_strndup(a, pair, strlen(pair));
        } else {
            size_t l0 = strlen(s->unit[r[0]].code), l1 = strlen(s->unit[r[1]].code);
            code = dy_arena_alloc(a, l0 + l1 + 2);
            if (code) {
                memcpy(code, s->unit[r[1]].code, l1);
                code[l1] = '/';
                memcpy(code + l1 + 1, s->unit[r[0]].code, l0 + 1);
            }
        }
        int u = code ? add_unit(s, a, cap) : -1;
        if (u < 0)
            return;
        s->unit[u].first = s->unit[u].atok = (int16_t)first;
        s->unit[u].last = (int16_t)j;
        s->unit[u].code = s->unit[u].acode = code;
        /* a compound of its own, not a pronoun: its codes are split and
         * paired as a compound's members are */
        s->unit[u].comp = (int16_t)s->ncomp++;
        s->unit[u].root = nr == 2 ? s->unit[r[0]].root : NULL;
        for (int k = first; k <= j; k++)
            s->tok[k].unit_in = (int16_t)u;
        s->tok[first].unit = (int16_t)u;
        i = j;
    }
}

/* A unit of code at tokens first..last, named by no phrase of the
 * dictionaries: FORWARD's code, the document's speaker. */
static int code_unit(dy_sent *s, dy_arena *a, int cap, const char *code, int first, int last)
{
    int u = add_unit(s, a, cap);
    if (u < 0)
        return -1;
    s->unit[u].first = s->unit[u].atok = (int16_t)first;
    s->unit[u].last = (int16_t)last;
    s->unit[u].code = s->unit[u].acode = code;
    return u;
}

/* A person named before in the document, named again by surname
 * (names.h): "President Hussain", "Hussain said". A title of no state
 * right before the surname becomes that person's. */
static void named_again(dy_sent *s, dy_arena *a, int cap, const dy_names *m)
{
    int nbase = s->nunit;
    if (!m->n)
        return; /* no one named yet in the document */
    for (int i = 0; i < s->n; i++) {
        const dy_ptok *t = &s->tok[i];
        const char *code = t->unit_in < 0 ? dy_names_at(m, s, i) : NULL;
        if (!code)
            continue;
        int p = i > 0 ? s->tok[i - 1].unit_in : -1;
        if (p >= 0 && p < nbase && s->unit[p].last == i - 1) {
            dy_unit *x = &s->unit[p];
            if (!x->acode && !x->pronoun && x->root && x->root->type == DY_RT_AGENT)
                x->code = x->acode = code; /* "President Hussain" */
            else if (strcmp(x->code, code) != 0)
                continue; /* "Pakistan Hussain ...": not one phrase */
            x->last = (int16_t)i;
            s->tok[i].unit_in = (int16_t)p;
        } else if (code_unit(s, a, cap, code, i, i) < 0)
            return;
    }
    sort_units(s);
    link_units(s);
}

/* The presiding officer of the body a speech is given to ("Mr. President",
 * "the outgoing President", "the President of the seventy-third session")
 * is the venue's: an agent of PRESIDING of no state, not "our President",
 * "President Abbas" or "the President of the Republic". */
static void presiding(dy_sent *s, const struct dy_dict *d, dy_arena *a, const char *venue)
{
    for (int u = 0; u < s->nunit; u++) {
        dy_unit *x = &s->unit[u];
        if (x->acode || x->pronoun || x->dead || !x->root || x->root->type != DY_RT_AGENT
            || strncmp(x->code, "---", 3) != 0 || !dy_grammar_tok(DY_G_PRESIDING, &s->tok[x->first].t))
            continue;
        const dy_ptok *p = x->first > 0 ? &s->tok[x->first - 1] : NULL;
        if (p && (p->t.fw & DY_FW_POSS) && (p->t.cls == DY_W_PRON || dy_grammar_tok(DY_G_FIRST_POSSESSIVE, &p->t)))
            continue;
        int n = x->last + 1;
        if (n < s->n && s->tok[n].t.cls == DY_W_PREP)
            n += n + 1 < s->n && s->tok[n + 1].t.cls == DY_W_DET ? 2 : 1;
        if (n < s->n && s->tok[n].t.cap && !s->allcaps)
            continue; /* a name, or a body of its own */
        const dy_agent *ag = &d->agents[x->root->id];
        x->code = compose(a, venue, ag->code, ag->prefix);
        x->acode = venue;
    }
}

/* A pronoun at token i standing for unit ref: a copy of ref there.
 * Returns the new unit, or -1 when there is no room. */
static int pronoun_unit(dy_sent *s, dy_arena *a, int cap, int ref, int i)
{
    int u = add_unit(s, a, cap);
    if (u < 0)
        return -1;
    s->unit[u] = s->unit[ref];
    s->unit[u].first = s->unit[u].last = s->unit[u].atok = (int16_t)i;
    s->unit[u].pronoun = true;
    return u;
}

/* Does unit x name more than one: a compound's member, or an agent whose
 * word is a plural ("Chinese officials", "police")? Agents' words only:
 * "the United States" and "Philippines" are one. */
static bool plural_unit(const dy_sent *s, const dy_unit *x)
{
    if (x->comp >= 0)
        return true;
    for (int k = x->first; k <= x->last && k < s->n; k++) {
        const dy_token *t = &s->tok[k].t;
        /* lower case but for the sentence's first word ("Officials said
         * it ...") */
        if (s->tok[k].type != DY_T_AGENT || (t->cap && k > 0) || t->cls != DY_W_NONE)
            continue;
        if (dy_grammar_tok(DY_G_PLURAL_WORD, t)
            || (t->wl > 3 && t->w[t->wl - 1] == 'S' && !dy_grammar_ends(DY_G_SINGULAR_ENDING, t)))
            return true;
    }
    return false;
}

/* May pronoun t stand for unit x (SET: PRONOUN AGREEMENT)? "It" and "he"
 * stand for one, not for "Chinese officials" or "Iran and Pakistan". A
 * state before "he" may well be his ("the UK's Prime Minister ... he"). */
static bool agrees(const dy_sent *s, const dy_token *t, const dy_unit *x)
{
    return !(dy_grammar_tok(DY_G_NEUTER_PRONOUN, t) || dy_grammar_tok(DY_G_PERSON_PRONOUN, t))
           || !plural_unit(s, x);
}

static void pronouns(dy_sent *s, const struct dy_dict *d, const dy_opts *o, dy_arena *a, int cap,
                     const char *fwd)
{
    int nbase = s->nunit;
    for (int i = 0; i < s->n; i++) {
        dy_ptok *t = &s->tok[i];
        if (t->t.cls != DY_W_PRON || t->type != DY_T_NONE || t->del)
            continue;
        int ref = -1;
        if (t->t.pron == DY_PR_SELF) {
            /* a reflexive stands for the nearest actor before it ("Iraq
             * had attacked themselves") */
            for (int u = 0; u < nbase; u++)
                if (!s->unit[u].dead && s->unit[u].last < i)
                    ref = u;
        } else if (t->t.pron == DY_PR_FIRST || t->t.pron == DY_PR_PRIOR) {
            /* the first actor of the sentence that precedes the pronoun
             * (and agrees with it); with none that agrees, the pronoun
             * stands for something else */
            bool before = false;
            for (int u = 0; u < nbase && ref < 0; u++)
                if (!s->unit[u].dead && s->unit[u].last < i) {
                    before = true;
                    if (!o->agreement || agrees(s, &t->t, &s->unit[u]))
                        ref = u;
                }
            if (ref < 0 && before)
                continue;
        } else {
            for (int u = 0; u < nbase && ref < 0; u++)
                if (!s->unit[u].dead && s->unit[u].comp >= 0 && s->unit[u].first < i)
                    ref = u;
            for (int u = 0; u < nbase && ref < 0; u++)
                if (!s->unit[u].dead && s->unit[u].first < i)
                    ref = u;
        }
        if (ref < 0 && fwd) {
            /* a pronoun before any actor stands for the first actor of the
             * previous sentence (TABARI's FORWARD) */
            int u = code_unit(s, a, cap, fwd, i, i);
            if (u < 0)
                return;
            s->unit[u].pronoun = true;
            continue;
        }
        if (ref < 0)
            continue;
        /* PETRARCH dialect: "China praised its troops", "Kim thanked his
         * soldiers": a possessive before an agent of no country makes one
         * actor, the agent of the referent's state (CHNMIL) */
        if (d->petr && (t->t.fw & DY_FW_POSS) && i + 1 < s->n && s->tok[i + 1].unit >= 0) {
            dy_unit *la = &s->unit[s->tok[i + 1].unit];
            const dy_unit *r = &s->unit[ref];
            /* not "their foreign ministers" after "Iran and Pakistan" */
            if (!la->acode && !la->pronoun && !la->dead && la->root && la->root->type == DY_RT_AGENT
                && la->first == i + 1 && r->acode && dy_state_code(r->acode) && r->comp < 0) {
                const dy_agent *ag = &d->agents[la->root->id];
                char st[4] = {r->acode[0], r->acode[1], r->acode[2], 0};
                la->acode = dy_arena_strndup(a, st, 3);
                la->code = compose(a, la->acode, ag->code, ag->prefix);
                la->agent = ag;
                la->root = r->root;
                la->first = la->atok = (int16_t)i;
                continue;
            }
        }
        int u = pronoun_unit(s, a, cap, ref, i);
        if (u < 0)
            return;
        if (t->t.pron != DY_PR_PLURAL)
            s->unit[u].comp = -1;
        t->unit = (int16_t)u;
        t->unit_in = (int16_t)u;
    }
    /* keep units in sentence order, refreshing token links */
    sort_units(s);
    link_units(s);
}

/* Is the text offset inside a quotation (an odd number of quotation marks,
 * straight or curly, before it)? */
static bool in_quote(const dy_sent *s, uint32_t off)
{
    int n = 0;
    /* the text is not NUL-terminated: a curly mark ends before off */
    for (uint32_t k = 0; k < off; k++) {
        unsigned char c = (unsigned char)s->text[k];
        if (c == '"')
            n++;
        else if (c == 0xE2 && k + 2 < off && (unsigned char)s->text[k + 1] == 0x80
                 && ((unsigned char)s->text[k + 2] == 0x9C || (unsigned char)s->text[k + 2] == 0x9D)) {
            n++;
            k += 2;
        }
    }
    return n % 2 == 1;
}

/* PETRARCH dialect: the speaker of a quotation, the
 * actor right before a statement verb ("..., Wang Wenbin said", "Lavrov
 * said: ...") or right after it ("..., said Lavrov"), outside the
 * quotation. Returns the unit or -1. */
static int speaker(const dy_sent *s, const struct dy_dict *d)
{
    for (int v = 0; v < s->n; v++) {
        const dy_ptok *t = &s->tok[v];
        /* the closing ", X said" is often an eliminated comma clause, its
         * verb unclassified then: its words still name the speaker */
        bool stmt = t->type == DY_T_VERB && t->head == v && dy_dict_statement_root(d, t->root);
        if (!stmt && !(t->del && dy_grammar_tok(DY_G_SAYS, &t->t)))
            continue;
        int after = stmt ? t->last + 1 : v + 1;
        int u = v > 0 ? s->tok[v - 1].unit_in : -1;
        if (u < 0 && after < s->n && s->tok[after].unit >= 0)
            u = s->tok[after].unit;
        if (u >= 0 && !s->unit[u].pronoun && dy_state_code(s->unit[u].code)
            && !in_quote(s, s->tok[s->unit[u].first].t.off))
            return u;
    }
    return -1;
}


/* "my Government", "our delegation" (the document's speaker's, its state
 * st): the agent unit at token i + 1 of no state becomes that state's, from
 * token i on; "my country" becomes the speaker. False when neither is. */
static bool own_agent(dy_sent *s, const struct dy_dict *d, dy_arena *a, int cap, int i, const char *code)
{
    if (i + 1 >= s->n || !dy_grammar_tok(DY_G_FIRST_POSSESSIVE, &s->tok[i].t))
        return false;
    dy_ptok *n = &s->tok[i + 1];
    if (n->unit < 0 && n->type == DY_T_NONE && !n->del && dy_grammar_tok(DY_G_OWN_STATE, &n->t)) {
        return code_unit(s, a, cap, code, i, i + 1) >= 0;
    }
    if (n->unit < 0)
        return false;
    dy_unit *la = &s->unit[n->unit];
    if (la->acode || la->pronoun || la->dead || !la->root || la->root->type != DY_RT_AGENT || la->first != i + 1
        || !dy_state_code(code))
        return false;
    const dy_agent *ag = &d->agents[la->root->id];
    char st[4] = {code[0], code[1], code[2], 0};
    la->acode = dy_arena_strndup(a, st, 3);
    la->code = compose(a, la->acode, ag->code, ag->prefix);
    la->agent = ag;
    la->first = la->atok = (int16_t)i;
    return la->acode && la->code;
}

/* The first person (the grammar's FIRST_PERSON). In a quotation it is the
 * quotation's speaker, in the PETRARCH dialect: "'We firmly oppose the
 * sanctions,' the spokesperson said". Outside one it is the document's
 * speaker, when the story names one (a speech, a ministry's statement):
 * "we", "my country", and with an agent of no state, the agent of the
 * speaker's ("my Government"). Else it is nobody the sentence names. */
static void first_person(dy_sent *s, const struct dy_dict *d, dy_arena *a, int cap, const char *doc_speaker)
{
    int sp = -1;
    bool asked = false;
    for (int i = 0; i < s->n; i++) {
        dy_ptok *t = &s->tok[i];
        if (t->type != DY_T_NONE || t->del || t->unit_in >= 0 || !dy_grammar_tok(DY_G_FIRST_PERSON, &t->t)
            || (t->t.cap && dy_word_is(&t->t, "US")))
            continue;
        int u = -1;
        if (in_quote(s, t->t.off)) {
            if (!d->petr)
                continue;
            if (!asked) {
                sp = speaker(s, d);
                asked = true;
            }
            if (sp < 0 || (u = pronoun_unit(s, a, cap, sp, i)) < 0)
                continue;
            s->unit[u].dead = false;
            s->unit[u].comp = -1;
        } else if (doc_speaker && !own_agent(s, d, a, cap, i, doc_speaker)
                   && code_unit(s, a, cap, doc_speaker, i, i) < 0)
            return;
    }
    sort_units(s);
    link_units(s);
}

/* PETRARCH finds the subject of the main clause in the parse tree; an
 * opening adverbial clause ("Before leaving for Beijing on Thursday,
 * President Bush ...") holds neither its source nor its verb. */
static bool lead_clause(dy_sent *s)
{
    if (!s->petr || s->n == 0 || !dy_grammar_tok(DY_G_SUBORDINATOR, &s->tok[0].t))
        return false;
    int c = -1;
    for (int i = 1; i < s->n && i < 30 && c < 0; i++)
        if (s->tok[i].t.cls == DY_W_COMMA && !s->tok[i].nosplit)
            c = i;
    if (c < 0 || c + 3 >= s->n)
        return false;
    for (int i = 0; i <= c; i++)
        s->tok[i].del = true;
    return true;
}

/* Does punctuation that the lexer drops (a colon, quotes, brackets) stand
 * between token k and the one before it? */
static bool punct_before(const dy_sent *s, int k)
{
    size_t from = s->tok[k - 1].t.off + s->tok[k - 1].t.len, to = s->tok[k].t.off;
    for (size_t i = from; i < to; i++)
        if (strchr(":\"()[]", s->text[i]) || (unsigned char)s->text[i] >= 0x80)
            return true;
    return false;
}

/* Does a noun (an actor, an agent or a common noun) end right before
 * token i? */
static bool noun_before(const dy_sent *s, int i)
{
    const dy_ptok *b = &s->tok[i - 1];
    if (b->del || punct_before(s, i))
        return false;
    if (b->unit_in >= 0)
        return true;
    return b->t.cls == DY_W_NONE && (b->type == DY_T_NONE || b->type == DY_T_NOUN) && !dy_word_ends(&b->t, "LY")
        && isalpha((unsigned char)b->t.w[0]);
}

/* PETRARCH reads a participle phrase after a noun ("The civilians
 * imprisoned for acting against Moscow were released") as part of the noun
 * phrase: the sentence's verb is the one after the auxiliary, and the
 * phrase holds neither its verb nor its target. The participle must be
 * followed by a preposition, which tells it from a reporting verb whose
 * clause has no "that" ("officials claimed Iran was ..."), and nothing
 * that opens another clause may lie before the auxiliary. */
static bool reduced_relative(dy_sent *s)
{
    bool any = false;
    for (int i = 1; i + 2 < s->n; i++) {
        const dy_ptok *t = &s->tok[i];
        if (t->del || t->type != DY_T_VERB || t->head != i || !dy_word_ends(&t->t, "ED")
            || !noun_before(s, i) || t->last + 1 >= s->n || !dy_grammar_tok(DY_G_PARTICIPLE_PREPOSITION, &s->tok[t->last + 1].t))
            continue;
        int a = -1;
        for (int k = t->last + 1; k + 1 < s->n && a < 0; k++) {
            const dy_ptok *w = &s->tok[k];
            /* "reported on Monday troops were killed": a new subject */
            if (w->del || w->t.cls == DY_W_COMMA || w->t.cls == DY_W_CONJ || dy_grammar_tok(DY_G_CLAUSE_OPENER, &w->t)
                || punct_before(s, k) || w->type == DY_T_TIME || dy_grammar_tok(DY_G_DAY_WORD, &w->t))
                break;
            if (dy_grammar_tok(DY_G_REDUCED_AUX, &w->t))
                a = k;
        }
        /* the auxiliary's verb follows it ("were released", not "the
         * prorogation was unlawful") */
        bool verb = false;
        for (int k = a + 1; a >= 0 && k < s->n && k <= a + 3 && !verb; k++) {
            verb = s->tok[k].type == DY_T_VERB && s->tok[k].head == k;
            if (s->tok[k].unit_in >= 0 || s->tok[k].t.cls == DY_W_COMMA)
                break;
        }
        if (!verb)
            continue;
        for (int k = i; k < a; k++)
            s->tok[k].del = true;
        any = true;
        i = a;
    }
    return any;
}

/* A lower-case word that is no verb, actor, agent or closed-class word. */
static bool plain_word(const dy_ptok *t)
{
    return t->type == DY_T_NONE && t->unit_in < 0 && t->t.cls == DY_W_NONE && !t->t.fw && !t->t.cap
        && t->t.wl > 0;
}

/* Does tokens a..b hold one the caller keeps (keep may be NULL)? */
static bool kept(const bool *keep, int a, int b)
{
    for (int i = a; keep && i <= b; i++)
        if (keep[i])
            return true;
    return false;
}

static void comma_clauses(dy_sent *s, const struct dy_dict *d, const dy_opts *o, const bool *keep)
{
    bool lead = lead_clause(s);
    if (s->petr)
        lead |= reduced_relative(s);
    if (o->comma_off && !lead)
        return;
    /* PETRARCH: a comma between two modifiers of one noun ("restore
     * complete, full diplomatic ties") is inside the noun phrase: plain
     * lower-case words on both sides, a verb before the first and a word
     * after the second */
    if (s->petr)
        for (int i = 2; i + 2 < s->n; i++) {
            const dy_ptok *a = &s->tok[i - 1], *b = &s->tok[i + 1], *v = &s->tok[i - 2], *c = &s->tok[i + 2];
            if (s->tok[i].t.cls == DY_W_COMMA && plain_word(a) && plain_word(b) && plain_word(c)
                && v->type == DY_T_VERB)
                s->tok[i].nosplit = true;
        }
    int commas[512];
    int nc = 0;
    for (int i = 0; i < s->n && nc < 512 && !o->comma_off; i++)
        if (s->tok[i].t.cls == DY_W_COMMA && !s->tok[i].nosplit)
            commas[nc++] = i;
    if (nc == 0 && !lead)
        return;
    /* Clauses are chained: when one is eliminated, the count for the next
     * starts where the eliminated one started (its words still count). */
    int start = 0; /* first token of the current segment */
    bool chained = false; /* the segment before this one was eliminated */
    for (int k = 0; k <= nc; k++) {
        int end = k < nc ? commas[k] : s->n; /* exclusive */
        int cnt = 0;
        for (int i = start; i < end; i++)
            if (s->tok[i].t.cls != DY_W_COMMA || s->tok[i].nosplit || chained)
                cnt++;
        int lo, hi;
        if (start == 0) {
            lo = o->comma_bmin;
            hi = o->comma_bmax;
        } else if (k == nc) {
            lo = o->comma_emin;
            hi = o->comma_emax;
        } else {
            lo = o->comma_min;
            hi = o->comma_max;
        }
        if (k == nc && start == 0)
            break; /* no comma at all before the end */
        /* PETRARCH takes the main clause from the parse: the last segment
         * is it when no verb is left before it ("On Monday, China
         * condemned Japan", "During the talks in Islamabad, China agreed
         * ...", "After the meeting, Japan pledged ..." once the opening
         * clause is gone); only a closing ", a US official said" goes */
        if (s->petr && k == nc) {
            bool verb = false, says = false;
            for (int i = 0; i < start && !verb; i++)
                verb = !s->tok[i].del && s->tok[i].type == DY_T_VERB && s->tok[i].head == i;
            for (int i = start; i < end && !says; i++)
                says = (s->tok[i].type == DY_T_VERB && s->tok[i].head == i && dy_dict_statement_root(d, s->tok[i].root))
                    || dy_grammar_tok(DY_G_REPORTING, &s->tok[i].t);
            if (!verb && !says)
                break;
            /* ", and the two sides agreed to ...": a main clause of its
             * own, joined on by "and" or "but" */
            int w = start + 1 < s->n ? start + 1 : start;
            if (!says && (dy_word_is(&s->tok[w].t, "AND") || dy_word_is(&s->tok[w].t, "BUT")))
                break;
        }
        int a = start, b = end - 1;
        if (start == 0 && k < nc)
            b = end;
        if (cnt > lo && cnt <= hi && !kept(keep, a, b)) {
            /* delete the words and the comma that opens (or, first, closes) it */
            for (int i = a; i <= b && i < s->n; i++)
                s->tok[i].del = true;
            s->ncomma_del++;
            if (start == 0)
                start = end + 1;
            else
                chained = true; /* the next segment keeps this start */
        } else {
            start = end;
            chained = false;
        }
    }
    /* a root that overlaps a deleted clause is cancelled whole (attribution
     * phrases excepted: they are looked for in eliminated clauses too) */
    for (int i = 0; i < s->n; i++) {
        dy_ptok *t = &s->tok[i];
        if (t->head != i || t->type == DY_T_ATTRIB)
            continue;
        bool any = false;
        for (int k = i; k <= t->last; k++)
            if (s->tok[k].head == i && s->tok[k].del)
                any = true;
        if (!any)
            continue;
        for (int k = i; k <= t->last; k++)
            if (s->tok[k].head == i) {
                s->tok[k].type = DY_T_NONE;
                if (k != i)
                    s->tok[k].head = -1;
            }
        t->type = DY_T_NONE;
    }
    for (int u = 0; u < s->nunit; u++) {
        dy_unit *x = &s->unit[u];
        bool any = false;
        for (int k = x->first; k <= x->last; k++)
            if (s->tok[k].del)
                any = true;
        if (any) {
            x->dead = true;
        }
    }
}

/* Marks verb heads that follow "to" or a modal or subject pronoun (the
 * word before them, eliminated clauses skipped): the coder asks this of
 * every pattern word, so it is worked out once here. */
static void verb_context(dy_sent *s)
{
    int prev = -1;
    for (int i = 0; i < s->n; i++) {
        dy_ptok *t = &s->tok[i];
        if (t->del)
            continue;
        if (prev >= 0 && t->type == DY_T_VERB && t->head == i) {
            const dy_token *b = &s->tok[prev].t;
            t->after_to = dy_word_is(b, "TO");
            t->after_modal = is_modal(b) || dy_grammar_tok(DY_G_PERSONAL_SUBJECT, b);
        }
        prev = i;
    }
}

int dy_parse(dy_sent *s, const struct dy_dict *d, const dy_opts *o, dy_arena *a, const char *text,
             size_t len, int32_t date, const dy_story *st, struct dy_rootmemo *memo, const bool *keep)
{
    static const dy_story none = {NULL, NULL, NULL, NULL, NULL};
    if (!st)
        st = &none;
    memset(s, 0, sizeof *s);
    /* a sentence has at most one token per byte */
    size_t maxt = len + 1 < DY_LEX_MAX_TOKENS ? len + 1 : DY_LEX_MAX_TOKENS;
    dy_token *lt = dy_arena_alloc(a, maxt * sizeof *lt);
    if (!lt)
        return -1;
    int n = dy_lex(a, text, len, lt, (int)maxt, &s->allcaps, d->petr);
    if (n < 0)
        return -1;
    s->petr = d->petr;
    s->text = text;
    s->len = len;
    s->tok = dy_arena_calloc(a, ((size_t)n + 1) * sizeof *s->tok);
    if (!s->tok)
        return -1;
    s->n = n;
    for (int i = 0; i < n; i++) {
        s->bloom |= dy_dict_word_bit(lt[i].w, lt[i].wl);
        s->tok[i].t = lt[i];
        s->tok[i].head = -1;
        s->tok[i].last = -1;
        s->tok[i].root = -1;
        s->tok[i].rtypes = ~(uint32_t)0; /* until classify looks it up */
        s->tok[i].unit = -1;
        s->tok[i].unit_in = -1;
    }
    int cap = 2 * n + 4;
    /* add_unit clears each unit it hands out */
    s->unit = dy_arena_alloc(a, (size_t)cap * sizeof *s->unit);
    if (!s->unit)
        return -1;
    classify(s, d, o, date, memo);
    build_units(s, d, o, a, date, cap);
    if (st->names)
        named_again(s, a, cap, st->names);
    if (st->venue)
        presiding(s, d, a, st->venue);
    if (d->petr) {
        two_sides(s, a, cap, s->nunit, st->pair);
        sort_units(s);
        link_units(s);
    }
    find_compounds(s, false);
    if (d->petr) {
        join_agents(s, d, a);
        share_agents(s, d, a, cap);
    }
    noun_phrases(s);
    comma_clauses(s, d, o, keep);
    /* eliminated clauses can join the actors around them into a compound */
    find_compounds(s, true);
    /* pronouns refer to actors that survived clause elimination */
    pronouns(s, d, o, a, cap, st->fwd);
    if (d->petr || st->speaker)
        first_person(s, d, a, cap, st->speaker);
    if (d->petr)
        verb_context(s);
    return 0;
}
