/* pattern.c: a clause's tokens and the matching of verb patterns against
 * them (pattern.h). */
#include "pattern.h"
#include "dict.h"
#include "grammar.h"
#include <string.h>


/* The clause's word summaries: the bloom bits and the set of whole words
 * (in the sentence's scratch arena; without memory, no set, no filter). */
void dy_pat_clause_bloom(const dy_sent *s, dy_clause *cl, dy_arena *a)
{
    cl->bloom = 0;
    cl->wcap = 16;
    while (cl->wcap < 2u * (uint32_t)cl->m)
        cl->wcap <<= 1;
    cl->words = dy_arena_calloc(a, cl->wcap * sizeof *cl->words);
    if (!cl->words)
        cl->wcap = 0;
    for (int p = 0; p < cl->m; p++) {
        dy_ptok *pt = (dy_ptok *)&s->tok[cl->L[p]]; /* the token's own cache */
        const dy_token *t = &pt->t;
        cl->bloom |= dy_dict_word_bit(t->w, t->wl);
        if (!cl->wcap)
            continue;
        if (!pt->hash_ok) {
            pt->hash = dy_dict_word_hash(t->w, t->wl);
            pt->hash_ok = true;
        }
        uint32_t h = pt->hash, i = h & (cl->wcap - 1);
        while (cl->words[i] && cl->words[i] != h)
            i = (i + 1) & (cl->wcap - 1);
        cl->words[i] = h;
    }
}

/* Can the clause hold every whole word the pattern names? */
bool dy_pat_clause_has_words(const dy_clause *cl, const dy_pattern *pt)
{
    for (uint8_t k = 0; k < pt->nwh && cl->wcap; k++) {
        uint32_t i = pt->wh[k] & (cl->wcap - 1);
        while (cl->words[i] && cl->words[i] != pt->wh[k])
            i = (i + 1) & (cl->wcap - 1);
        if (!cl->words[i])
            return false;
    }
    return true;
}

/* Last clause position of the root phrase whose head is at position p. */
int dy_pat_root_end(const dy_sent *s, const dy_clause *cl, int p)
{
    int end = p;
    for (int q = p; q < cl->m; q++)
        if (s->tok[cl->L[q]].head == cl->L[p])
            end = q;
    return end;
}

/* The whole sentence as one clause (its eliminated comma clauses too when
 * deleted is set), for the phrase searches outside the clause loop. */
bool dy_pat_whole_clause(dy_coder *c, const dy_sent *s, bool deleted, dy_clause *cl, int16_t **pos_of)
{
    int16_t *L = dy_arena_alloc(&c->scratch, ((size_t)s->n + 1) * sizeof *L);
    *pos_of = dy_arena_alloc(&c->scratch, ((size_t)s->n + 1) * sizeof **pos_of);
    if (!L || !*pos_of)
        return false;
    *cl = (dy_clause){L, 0, NULL, 0, NULL, 0};
    for (int i = 0; i < s->n; i++) {
        (*pos_of)[i] = -1;
        if (deleted || !s->tok[i].del) {
            (*pos_of)[i] = (int16_t)cl->m;
            L[cl->m++] = (int16_t)i;
        }
    }
    dy_pat_clause_bloom(s, cl, &c->scratch);
    return true;
}



/* ---- element matching ---- */

static bool is_barrier(const dy_mctx *x, int p)
{
    const dy_ptok *t = &x->s->tok[x->c->L[p]];
    return t->t.cls == DY_W_COMMA && !t->nosplit;
}

/* A word that is no verb, actor or closed-class word: a noun or modifier. */
bool dy_pat_plain_noun(const dy_ptok *t)
{
    return (t->type == DY_T_NONE || t->type == DY_T_NOUN) && t->unit_in < 0 && t->t.cls == DY_W_NONE && !t->del;
}

int dy_pat_unit_at(const dy_mctx *x, int p)
{
    const dy_ptok *t = &x->s->tok[x->c->L[p]];
    int u = t->unit;
    if (u < 0 || x->s->unit[u].dead)
        return -1;
    return u;
}

/* last clause position of unit u (or of its whole compound when comp) */
static int unit_end(const dy_mctx *x, int u, bool comp)
{
    int last = x->s->unit[u].last;
    if (comp && x->s->unit[u].comp >= 0)
        for (int k = 0; k < x->s->nunit; k++)
            if (x->s->unit[k].comp == x->s->unit[u].comp && !x->s->unit[k].pronoun && x->s->unit[k].last > last)
                last = x->s->unit[k].last;
    int p = -1;
    for (int q = last; q >= x->s->unit[u].first && p < 0; q--)
        p = x->pos_of[q];
    return p;
}

static bool is_actor_el(const dy_el *e)
{
    return e->kind == DY_EL_SRC || e->kind == DY_EL_TGT || e->kind == DY_EL_COMP
        || e->kind == DY_EL_SKIP || e->kind == DY_EL_ATTR;
}

static void assign(dy_slots *sl, const dy_el *e, int u)
{
    if (!sl)
        return;
    if (e->kind == DY_EL_SRC)
        sl->src_u = u;
    else if (e->kind == DY_EL_TGT)
        sl->tgt_u = u;
    else if (e->kind == DY_EL_COMP) {
        sl->src_u = sl->tgt_u = u;
        sl->comp = true;
    } else if (e->kind == DY_EL_SKIP && sl->nskip < 8)
        sl->skip[sl->nskip++] = u;
    else if (e->kind == DY_EL_ATTR)
        sl->attr_u = u;
    if (e->kind == DY_EL_SRC || e->kind == DY_EL_TGT || e->kind == DY_EL_COMP)
        sl->designated = true;
}

bool dy_pat_skipped(const dy_sent *s, const dy_slots *sl, int u)
{
    for (int i = 0; i < sl->nskip; i++)
        if (sl->skip[i] == u || (s->unit[u].comp >= 0 && s->unit[sl->skip[i]].comp == s->unit[u].comp))
            return true;
    return false;
}


/* Is the element joined by '_' to the one after it? */
static bool joined(const dy_el *e)
{
    return (e->flags & DY_EL_ADJ) != 0;
}

/* The same, matching backwards before the verb: TABARI does not hold a
 * synset there to the word that follows it, so neither does dyad. */
static bool joined_back(const dy_el *e, bool petr)
{
    return joined(e) && (petr || e->kind != DY_EL_SYN);
}

/* Is the word at clause position p used as a verb? PETRARCH's patterns
 * name nouns ("said * ATTACK" is an attack reported), which the parse
 * tells from verbs; here a verb word right after a modal or a subject
 * pronoun ("said they will attack Iraq") is a verb, not a noun. */
static bool verb_use(const dy_mctx *x, int p)
{
    return p > 0 && x->s->tok[x->c->L[p]].after_modal;
}

/* Matches element e anchored at clause position p; returns its last
 * position or -1. Actor elements fill sl. */
static int el_fwd(const dy_mctx *x, const dy_el *e, int p, dy_slots *sl)
{
    if (p < 0 || p >= x->c->m)
        return -1;
    const dy_ptok *t = &x->s->tok[x->c->L[p]];
    switch (e->kind) {
    case DY_EL_WORD:
        if (!dy_dict_word_match(e, t->t.w, t->t.wl))
            return -1;
        return x->s->petr && verb_use(x, p) ? -1 : p;
    case DY_EL_SYN: {
        /* members in file order; the first that matches wins. Synsets
         * without actor tokens give the same answer at a place every time:
         * remembered per clause, as patterns try them over and over. */
        const dy_synset *sy = &x->d->syn[e->syn];
        /* no member starts the way this word does */
        if (!t->sk_ok) {
            /* the token's own cache (the sentence is this coder's) */
            dy_ptok *mt = (dy_ptok *)t;
            unsigned sk[3];
            dy_dict_start_keys(t->t.w, t->t.wl, sk);
            for (int j = 0; j < 3; j++)
                mt->sk[j] = (uint8_t)sk[j];
            mt->sk_ok = true;
        }
        const unsigned k[3] = {t->sk[0], t->sk[1], t->sk[2]};
        if (!((sy->first[k[0] >> 6] >> (k[0] & 63)) & 1) && !((sy->first[k[1] >> 6] >> (k[1] & 63)) & 1)
            && !((sy->first[k[2] >> 6] >> (k[2] & 63)) & 1))
            return -1;
        uint16_t *memo = x->c->memo && sy->plain ? &x->c->memo[(size_t)e->syn * (size_t)x->c->m + (size_t)p] : NULL;
        if (memo && *memo)
            return (int)*memo - 2;
        /* the members to try, in file order: those whose first word starts
         * as this one does (the coder's index), else all */
        const uint32_t *idx[3];
        uint32_t nidx[3] = {0, 0, 0};
        bool all = !x->coder || !x->coder->syn_off || sy->first[0] == ~(uint64_t)0;
        for (int j = 0; j < 3 && !all; j++) {
            const uint32_t *o = &x->coder->syn_off[(size_t)e->syn * 257 + k[j]];
            idx[j] = &x->coder->syn_mem[o[0]];
            nidx[j] = (j == 1 && k[1] == k[0]) || (j == 2 && (k[2] == k[0] || k[2] == k[1])) ? 0 : o[1] - o[0];
        }
        int found = -1;
        for (uint32_t i = 0, q[3] = {0, 0, 0}; found < 0; i++) {
            uint32_t mi;
            if (all) {
                if (i >= sy->n)
                    break;
                mi = i;
            } else {
                /* the smallest member index at the heads of the three runs */
                int best = -1;
                for (int j = 0; j < 3; j++)
                    if (q[j] < nidx[j] && (best < 0 || idx[j][q[j]] < idx[best][q[best]]))
                        best = j;
                if (best < 0)
                    break;
                mi = idx[best][q[best]++];
            }
            if (memo) {
                found = dy_pat_seq_fwd(x, &sy->mem[mi], p, NULL);
                continue;
            }
            dy_slots tmp = sl ? *sl : (dy_slots){-1, -1, false, false, {0}, 0, -1};
            found = dy_pat_seq_fwd(x, &sy->mem[mi], p, &tmp);
            if (found >= 0 && sl)
                *sl = tmp;
        }
        if (memo)
            *memo = (uint16_t)(found + 2);
        return found;
    }
    default: {
        int u = dy_pat_unit_at(x, p);
        if (u < 0)
            return -1;
        if (e->kind == DY_EL_COMP && x->s->unit[u].comp < 0)
            return -1;
        assign(sl, e, u);
        bool whole = e->kind == DY_EL_COMP || e->kind == DY_EL_SKIP || x->s->unit[u].comp >= 0;
        int end = unit_end(x, u, whole);
        return end < p ? p : end;
    }
    }
}

/* Scans forward from pos for element e; adj: only at pos. Returns the
 * start position through *start and the end, or -1. */
/* A verb after "to" starts a clause of its own ("agreed to lift the
 * sanctions"): PETRARCH matches a verb's pattern nouns in its own phrase,
 * so a search for one stops there (unless the pattern names that very
 * verb, "REFUSAL (TO RECOGNIZE)"). */
static bool infinitive(const dy_mctx *x, int p)
{
    return p > 0 && x->s->tok[x->c->L[p]].after_to;
}

static int scan_fwd(const dy_mctx *x, const dy_el *e, int pos, bool adj, dy_slots *sl, int *start)
{
    for (int p = pos; p < x->c->m && p <= x->hi; p++) {
        if (!is_actor_el(e) && is_barrier(x, p))
            return -1;
        /* the infinitive itself only where the pattern names the "to"
         * before it: "(TO RECOGNIZE)" but not "wants to attack" for "* ATTACK" */
        bool inf = x->s->petr && !is_actor_el(e) && infinitive(x, p);
        if (inf && p != pos)
            return -1;
        int r = el_fwd(x, e, p, sl);
        if (r >= 0) {
            if (start)
                *start = p;
            return r;
        }
        if (adj || inf)
            return -1;
        /* PETRARCH matches a verb's pattern words in its own phrase: the
         * next verb starts another ("said a mortar bomb was fired ... in
         * the first such attack" is no SAY "* ATTACK") */
        if (x->s->petr && !is_actor_el(e) && x->s->tok[x->c->L[p]].type == DY_T_VERB
            && x->s->tok[x->c->L[p]].head == x->c->L[p])
            return -1;
    }
    return -1;
}

/* A phrase anchored at p: its first element at p, the rest after it. */
int dy_pat_seq_fwd(const dy_mctx *x, const dy_seq *q, int p, dy_slots *sl)
{
    int end = el_fwd(x, &q->el[0], p, sl);
    for (uint16_t k = 1; end >= 0 && k < q->n; k++)
        end = scan_fwd(x, &q->el[k], end + 1, joined(&q->el[k - 1]), sl, NULL);
    return end;
}

/* Forward match of the lower part, starting right after the verb. */
bool dy_pat_match_lower(const dy_mctx *x, const dy_pattern *pt, int v1, dy_slots *sl, int *lastp)
{
    int pos = v1 + 1;
    for (uint16_t k = 0; k < pt->lower.n; k++) {
        const dy_el *e = &pt->lower.el[k];
        bool adj = k == 0 ? pt->verb_adj_right : joined(&pt->lower.el[k - 1]);
        int end = scan_fwd(x, e, pos, adj, sl, NULL);
        if (end < 0)
            return false;
        pos = end + 1;
    }
    *lastp = pos - 1;
    return true;
}

/* Backward match of the upper part, ending right before the verb: each
 * element must end at pos (when joined to what follows) or before it. */
bool dy_pat_match_upper(const dy_mctx *x, const dy_pattern *pt, int v0, dy_slots *sl, int *firstp)
{
    int pos = v0 - 1;
    /* PETRARCH: a subject pronoun right before the verb opens a clause of
     * its own ("Ethiopia indicated it deplored Libya"): the pattern's words
     * before the verb are not sought past it */
    int floor = -1;
    if (x->s->petr) {
        int q = v0 - 1;
        while (q >= 0 && dy_word_ends(&x->s->tok[x->c->L[q]].t, "LY"))
            q--;
        if (q > 0 && dy_grammar_tok(DY_G_SUBJECT_PRONOUN, &x->s->tok[x->c->L[q]].t))
            floor = q;
    }
    for (int k = (int)pt->upper.n - 1; k >= 0; k--) {
        const dy_el *e = &pt->upper.el[k];
        bool adj = joined_back(e, x->s->petr);
        int found = -1;
        if (is_actor_el(e)) {
            /* the nearest actor before pos */
            for (int p = pos; p >= 0 && p >= x->lo && found < 0; p--) {
                int uu = x->s->tok[x->c->L[p]].unit_in;
                if (uu < 0 || x->s->unit[uu].dead || (e->kind == DY_EL_COMP && x->s->unit[uu].comp < 0)) {
                    if (adj)
                        return false;
                    continue;
                }
                int first = x->s->unit[uu].first;
                if (x->s->unit[uu].comp >= 0)
                    for (int q = 0; q < x->s->nunit; q++)
                        if (x->s->unit[q].comp == x->s->unit[uu].comp && !x->s->unit[q].pronoun
                            && x->s->unit[q].first < first) {
                            first = x->s->unit[q].first;
                            uu = q;
                        }
                int fp = -1;
                for (int q = first; q <= x->s->unit[uu].last && fp < 0; q++)
                    fp = x->pos_of[q];
                found = fp < 0 ? p : fp;
                assign(sl, e, uu);
            }
        } else {
            for (int p = pos; p > floor && p >= x->lo; p--) {
                if (is_barrier(x, p))
                    break;
                dy_slots tmp = *sl;
                int r = el_fwd(x, e, p, &tmp);
                if (r >= 0 && (adj ? r == pos : r <= pos)) {
                    found = p;
                    *sl = tmp;
                    break;
                }
                /* a joined element must end at pos; multi-word synset
                 * members may start a few words earlier */
                if (adj && e->kind != DY_EL_SYN)
                    break;
                if (adj && pos - p > 8)
                    break;
            }
        }
        if (found < 0)
            return false;
        pos = found - 1;
    }
    *firstp = pos + 1;
    return true;
}

/* Does the phrase name words only, no actor? */
bool dy_pat_words_only(const dy_seq *q)
{
    for (uint16_t k = 0; k < q->n; k++)
        if (is_actor_el(&q->el[k]))
            return false;
    return true;
}
