/* light.c: light verbs with event nouns (light.h, doc/tree-coder.md). */
#include "light.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
    dy_el el;          /* the synset, as a pattern element */
    dy_ecode on, off;  /* done, ended; kind DY_EC_NONE when the name leaves it out */
    char code[2][8];   /* their spellings */
} noun;

struct dy_light {
    noun *n;
    uint32_t count;
};

/* words between a light verb and its object's first noun ("imposed a new
 * nighttime curfew", "resumed a new round of talks") */
enum { LIGHT_GAP = 4 };

static const char PREFIX[] = DY_EVENT_SYNSET;

/* Reads one code of a synset name into out (digits, at most 4) and sets
 * e; the end of what it read, or NULL when the name is malformed. */
static const char *read_code(const char *p, char *out, dy_ecode *e)
{
    size_t n = 0;
    while (p[n] >= '0' && p[n] <= '9')
        n++;
    if (n > 4 || (n > 0 && n < 2))
        return NULL;
    memcpy(out, p, n);
    out[n] = '\0';
    *e = (dy_ecode){.code = n ? out : NULL, .kind = n ? DY_EC_EVENT : DY_EC_NONE};
    return p + n;
}

/* Fills k from the synset's name; false when it is no event noun. */
static bool read_name(noun *k, const char *name)
{
    if (strncmp(name, PREFIX, sizeof PREFIX - 1) != 0)
        return false;
    const char *p = read_code(name + sizeof PREFIX - 1, k->code[0], &k->on);
    if (p && *p == '_')
        p = read_code(p + 1, k->code[1], &k->off);
    else
        k->off = (dy_ecode){.kind = DY_EC_NONE};
    return p && *p == '\0' && (k->on.kind == DY_EC_EVENT || k->off.kind == DY_EC_EVENT);
}

dy_light *dy_light_new(const struct dy_dict *d)
{
    if (!d->light)
        return NULL;
    uint32_t count = 0;
    for (uint32_t s = 0; s < d->nsyn; s++)
        count += strncmp(d->syn[s].name, PREFIX, sizeof PREFIX - 1) == 0;
    dy_light *L = calloc(1, sizeof *L);
    noun *n = calloc(count, sizeof *n);
    if (!L || !n) {
        free(L);
        free(n);
        return NULL;
    }
    L->n = n;
    for (uint32_t s = 0; s < d->nsyn; s++) {
        noun *k = &n[L->count];
        if (!read_name(k, d->syn[s].name))
            continue;
        k->el = (dy_el){.kind = DY_EL_SYN, .syn = s};
        /* the codes point into the table, which moves no more */
        k->on.code = k->on.code ? k->code[0] : NULL;
        k->off.code = k->off.code ? k->code[1] : NULL;
        L->count++;
    }
    return L;
}

void dy_light_free(dy_light **lp)
{
    if (!*lp)
        return;
    free((*lp)->n);
    free(*lp);
    *lp = NULL;
}

/* May the word at clause position p stand between a light verb and its
 * object's noun: a determiner, possessive, number, particle ("broke off"),
 * "of" or a light verb's preposition ("withdrew from"), or a plain word?
 * No verb, actor, comma or other preposition ("committed to talks"). */
static bool passable(const dy_mctx *x, int p)
{
    const dy_ptok *t = &x->s->tok[x->c->L[p]];
    if (t->t.fw & DY_FW_POSS)
        return true; /* "its", though a pronoun of an actor */
    if (t->type == DY_T_VERB || t->unit_in >= 0 || t->del || t->t.cls == DY_W_COMMA)
        return false;
    if (t->t.cls == DY_W_DET || t->t.cls == DY_W_NUM)
        return true;
    if (dy_grammar_tok(DY_G_LIGHT_CASE, &t->t))
        return true;
    return dy_pat_plain_noun(t) && !dy_grammar_tok(DY_G_PREPOSITION, &t->t);
}

/* Is the word at clause position p "of" (MEASURE_CASE) after a noun that is no measure
 * of events ("ended two decades of war", but "a new round of talks")? */
static bool of_after_noun(const dy_mctx *x, int p)
{
    const dy_token *t = &x->s->tok[x->c->L[p]].t;
    return dy_grammar_tok(DY_G_MEASURE_CASE, t)
           && !dy_grammar_tok(DY_G_LIGHT_MEASURE, &x->s->tok[x->c->L[p - 1]].t);
}

/* Does the tree make one of the words of clause positions p..e the
 * object of the verb at v0? */
static bool tree_object(const dy_mctx *x, const dy_tree *t, int v0, int p, int e)
{
    long v = dy_tree_word(t, x->c->L[v0]);
    for (int q = p; v >= 0 && q <= e; q++) {
        long w = dy_tree_word(t, x->c->L[q]);
        if (w >= 0 && w != v && dy_tree_light_object(t, x->s->text, v, w))
            return true;
    }
    return false;
}

/* Is there a possessive ("their", "its") between the verb ending at v1
 * and the noun at clause position p? */
static bool own_before(const dy_mctx *x, int v1, int p)
{
    for (int q = v1 + 1; q < p; q++)
        if (x->s->tok[x->c->L[q]].t.fw & DY_FW_POSS)
            return true;
    return false;
}

/* Adds the actor units of clause positions p..e to sl's skipped ones. */
static void skip_units(const dy_mctx *x, int p, int e, dy_slots *sl)
{
    for (int q = p; q <= e; q++) {
        int u = x->s->tok[x->c->L[q]].unit_in;
        if (u >= 0 && sl->nskip < (int)(sizeof sl->skip / sizeof sl->skip[0]) && !dy_pat_skipped(x->s, sl, u))
            sl->skip[sl->nskip++] = u;
    }
}

/* The token after member q of a synset that matches from token k on (its
 * words consecutive, a synset in it matching any of its own members), or
 * -1; depth bounds the synsets within synsets. */
static int member_at(const struct dy_dict *d, const dy_seq *q, const dy_sent *s, int k, int depth)
{
    for (uint16_t j = 0; j < q->n && k >= 0; j++) {
        const dy_el *e = &q->el[j];
        if (k >= s->n)
            return -1;
        if (e->kind == DY_EL_WORD) {
            k = dy_dict_word_match(e, s->tok[k].t.w, s->tok[k].t.wl) ? k + 1 : -1;
            continue;
        }
        int next = -1;
        if (e->kind == DY_EL_SYN && depth < 2)
            for (uint32_t m = 0; m < d->syn[e->syn].n && next < 0; m++)
                next = member_at(d, &d->syn[e->syn].mem[m], s, k, depth + 1);
        k = next;
    }
    return k;
}

bool dy_light_noun_ahead(const struct dy_dict *d, const dy_sent *s, int i)
{
    for (int k = i + 1; k < s->n && k <= i + 2 + LIGHT_GAP; k++) {
        const dy_token *t = &s->tok[k].t;
        /* the noun phrase ends at a comma, a conjunction, an auxiliary or
         * a preposition other than "of", "from", "into" ("that" may be its
         * determiner: "waging that war") */
        if (t->cls == DY_W_COMMA || t->cls == DY_W_CONJ || t->cls == DY_W_AUX || t->cls == DY_W_BY
            || (t->fw & (DY_FW_MODAL | DY_FW_BE))
            || (dy_grammar_tok(DY_G_PREPOSITION, t) && !dy_grammar_tok(DY_G_LIGHT_CASE, t)))
            return false;
        unsigned key[3]; /* a synset none of whose members starts so is passed by */
        dy_dict_start_keys(t->w, t->wl, key);
        const uint64_t *all = d->light_first;
        if (!((all[key[0] >> 6] >> (key[0] & 63)) & 1) && !((all[key[1] >> 6] >> (key[1] & 63)) & 1)
            && !((all[key[2] >> 6] >> (key[2] & 63)) & 1))
            continue;
        for (uint32_t y = d->light_lo; y <= d->light_hi; y++) {
            const uint64_t *f = d->syn[y].first;
            if (!((f[key[0] >> 6] >> (key[0] & 63)) & 1) && !((f[key[1] >> 6] >> (key[1] & 63)) & 1)
                && !((f[key[2] >> 6] >> (key[2] & 63)) & 1))
                continue;
            if (strncmp(d->syn[y].name, PREFIX, sizeof PREFIX - 1) != 0)
                continue;
            for (uint32_t m = 0; m < d->syn[y].n; m++)
                if (member_at(d, &d->syn[y].mem[m], s, k, 0) > k)
                    return true;
        }
    }
    return false;
}

const dy_ecode *dy_light_code(const dy_light *L, const dy_mctx *x, const dy_tree *t, int v0, int v1, dy_slots *sl)
{
    if (!L)
        return NULL;
    const dy_token *vt = &x->s->tok[x->c->L[v0]].t;
    bool ends = dy_grammar_tok(DY_G_LIGHT_END, vt);
    if (!ends && !dy_grammar_tok(DY_G_LIGHT, vt))
        return NULL;
    const uint64_t *all = x->d->light_first;
    for (int p = v1 + 1; p < x->c->m && p <= v1 + 1 + LIGHT_GAP; p++) {
        const noun *best = NULL;
        int best_end = -1;
        const dy_token *w = &x->s->tok[x->c->L[p]].t;
        unsigned key[3]; /* no event noun starts as this word does: on */
        dy_dict_start_keys(w->w, w->wl, key);
        bool may = ((all[key[0] >> 6] >> (key[0] & 63)) & 1) || ((all[key[1] >> 6] >> (key[1] & 63)) & 1)
                   || ((all[key[2] >> 6] >> (key[2] & 63)) & 1);
        for (uint32_t i = 0; may && i < L->count; i++) {
            dy_seq q = {(dy_el *)&L->n[i].el, 1};
            dy_slots none = {-1, -1, false, false, {0}, 0, -1};
            int e = dy_pat_seq_fwd(x, &q, p, &none);
            if (e > best_end) {
                best = &L->n[i];
                best_end = e;
            }
        }
        if (best) { /* the first noun is the object's, or none is */
            const dy_ecode *c = ends ? &best->off : &best->on;
            if (c->kind != DY_EC_EVENT || (t && !tree_object(x, t, v0, p, best_end)))
                return NULL;
            if (ends && best->on.code && dy_grammar_has(DY_G_OWN_END_ROOT, best->on.code, 2) && !own_before(x, v1, p))
                return NULL;
            skip_units(x, p, best_end, sl);
            return c;
        }
        if (!passable(x, p) || (p > v1 + 1 && of_after_noun(x, p)))
            return NULL;
    }
    return NULL;
}
