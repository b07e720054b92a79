/* dict.c: dictionary builder, compiler and read-only lookups; see dict.h. */
#include "dict.h"
#include "../include/dyad.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <string.h>

/* growable array of T; cap doubles; failure sets b->failed. The new room
 * is zeroed: entries filled field by field keep zero padding, so that
 * cache images of the same files are the same bytes */
#define GROW(b, arr, n, cap)                                                   \
    do {                                                                       \
        if ((n) == (cap)) {                                                    \
            size_t nc_ = (cap) ? (size_t)(cap) * 2 : 16;                       \
            void *p_ = realloc((arr), nc_ * sizeof *(arr));                    \
            if (!p_) {                                                         \
                (b)->failed = true;                                            \
                break;                                                         \
            }                                                                  \
            memset((char *)p_ + (size_t)(cap) * sizeof *(arr), 0,              \
                   (nc_ - (size_t)(cap)) * sizeof *(arr));                     \
            (arr) = p_;                                                        \
            (cap) = (uint32_t)nc_;                                             \
        }                                                                      \
    } while (0)

/* Appends *x to arr and returns its index (0 once memory has run out: the
 * builder's failed flag says so). */
#define APPEND(b, arr, n, cap, x)                                              \
    do {                                                                       \
        GROW(b, arr, n, cap);                                                  \
        if ((b)->failed)                                                       \
            return 0;                                                          \
        (arr)[(n)] = *(x);                                                     \
        return (n)++;                                                          \
    } while (0)

typedef struct {
    dy_pattern *p;
    uint32_t n, cap;
} patlist;

struct dy_dict_builder {
    dy_arena arena;             /* strings and element arrays; moves into the dict */
    dy_actor *actors; uint32_t nactors, cactors;
    dy_agent *agents; uint32_t nagents, cagents;
    dy_verb *verbs; uint32_t nverbs, cverbs;
    patlist *pats; uint32_t cpats;   /* per-verb pattern lists, parallel to verbs */
    dy_root *roots; uint32_t nroots, croots;
    dy_synset *syn; uint32_t nsyn, csyn;
    dy_discard *disc; uint32_t ndisc, cdisc;
    dy_issue *iss; uint32_t niss, ciss;
    dy_transform *tr; uint32_t ntr, ctr;
    uint32_t *syncap;           /* member capacity per synset */
    dy_opts opts;
    bool has_time, has_attrib;
    bool petr;
    bool failed;                /* an allocation failed */
    uint8_t layer;              /* layer of the roots being added */
};

dy_dict_builder *dy_dict_builder_new(void)
{
    dy_dict_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    dy_arena_init(&b->arena, 1 << 20, 0);
    dy_opts_default(&b->opts);
    return b;
}

void dy_dict_builder_free(dy_dict_builder **bp)
{
    dy_dict_builder *b = *bp;
    if (!b)
        return;
    for (uint32_t i = 0; i < b->nverbs; i++)
        free(b->pats[i].p);
    for (uint32_t i = 0; i < b->nsyn; i++)
        free(b->syn[i].mem);
    free(b->pats);
    free(b->actors);
    free(b->agents);
    free(b->verbs);
    free(b->roots);
    free(b->syn);
    free(b->syncap);
    free(b->disc);
    free(b->iss);
    free(b->tr);
    dy_arena_free(&b->arena);
    free(b);
    *bp = NULL;
}

uint32_t dy_dict_add_discard(dy_dict_builder *b, const dy_discard *x)
{
    APPEND(b, b->disc, b->ndisc, b->cdisc, x);
}

uint32_t dy_dict_add_issue(dy_dict_builder *b, const dy_issue *x)
{
    APPEND(b, b->iss, b->niss, b->ciss, x);
}

uint32_t dy_dict_add_transform(dy_dict_builder *b, const dy_transform *x)
{
    APPEND(b, b->tr, b->ntr, b->ctr, x);
}

/* The code of a one-word verb root, "---" for a null code, "" when the
 * word is no verb: transformations compare verbs by these codes. */
static void verb_word_code(const dy_dict_builder *b, const char *word, char *out, size_t cap)
{
    out[0] = '\0';
    if (strcmp(word, "Q") == 0) {
        snprintf(out, cap, "Q");
        return;
    }
    for (uint32_t i = 0; i < b->nroots; i++) {
        const dy_root *r = &b->roots[i];
        if (r->type != DY_RT_VERB || r->ph.n != 1 || !r->ph.el[0].w || strcmp(r->ph.el[0].w, word) != 0)
            continue;
        const dy_ecode *c = r->code ? r->code : &b->verbs[r->id].code;
        if (c->kind == DY_EC_EVENT && c->code)
            snprintf(out, cap, "%s", c->code);
        else if (c->kind == DY_EC_NULL)
            snprintf(out, cap, "---");
        return;
    }
}

dy_arena *dy_dict_builder_arena(dy_dict_builder *b) { return &b->arena; }
dy_opts *dy_dict_builder_opts(dy_dict_builder *b) { return &b->opts; }
bool dy_dict_builder_failed(dy_dict_builder *b) { return b->failed || b->arena.failed; }
void dy_dict_builder_fail(dy_dict_builder *b) { b->failed = true; }

void dy_dict_builder_mark_petr(dy_dict_builder *b)
{
    /* PETRARCH codes sentences of any length ("Obama wants to attack
     * Switzerland."); TABARI's default minimum of 8 words would drop them.
     * A MINIMUM WORDS option read with the dictionaries still applies. */
    if (!b->petr && b->opts.min_words == DY_DEFAULT_MIN_WORDS)
        b->opts.min_words = 0;
    b->petr = true;
}

void dy_dict_builder_mark(dy_dict_builder *b, bool time, bool attrib)
{
    b->has_time |= time;
    b->has_attrib |= attrib;
}

uint32_t dy_dict_add_actor(dy_dict_builder *b, const dy_actor *a)
{
    APPEND(b, b->actors, b->nactors, b->cactors, a);
}

uint32_t dy_dict_add_agent(dy_dict_builder *b, const dy_agent *a)
{
    APPEND(b, b->agents, b->nagents, b->cagents, a);
}

uint32_t dy_dict_add_verb(dy_dict_builder *b, const dy_verb *v)
{
    uint32_t old = b->cverbs;
    GROW(b, b->verbs, b->nverbs, b->cverbs);
    if (b->failed)
        return 0;
    if (b->cverbs != old) {
        patlist *p = realloc(b->pats, b->cverbs * sizeof *p);
        if (!p) {
            b->failed = true;
            return 0;
        }
        memset(p + old, 0, (b->cverbs - old) * sizeof *p);
        b->pats = p;
    }
    b->verbs[b->nverbs] = *v;
    b->verbs[b->nverbs].pat = NULL;
    b->verbs[b->nverbs].npat = 0;
    return b->nverbs++;
}

/* Once memory has run out every call is a no-op (the indexes the add
 * functions returned are then 0 and may name nothing): a loader goes on to
 * its end and dy_dict_compile reports the failure. */
void dy_dict_verb_add_pattern(dy_dict_builder *b, uint32_t verb, const dy_pattern *p)
{
    if (b->failed)
        return;
    patlist *l = &b->pats[verb];
    GROW(b, l->p, l->n, l->cap);
    if (b->failed)
        return;
    l->p[l->n++] = *p;
}

void dy_dict_verb_set_pattern(dy_dict_builder *b, uint32_t verb, const dy_pattern *p)
{
    if (b->failed)
        return;
    patlist *l = &b->pats[verb];
    if (p->text)
        for (uint32_t i = 0; i < l->n; i++)
            if (l->p[i].text && strcmp(l->p[i].text, p->text) == 0) {
                l->p[i] = *p;
                return;
            }
    dy_dict_verb_add_pattern(b, verb, p);
}

void dy_dict_add_root(dy_dict_builder *b, const dy_root *r)
{
    GROW(b, b->roots, b->nroots, b->croots);
    if (b->failed)
        return;
    b->roots[b->nroots] = *r;
    b->roots[b->nroots++].layer = b->layer;
}

void dy_dict_builder_set_layer(dy_dict_builder *b, uint8_t n) { b->layer = n; }

uint32_t dy_dict_add_synset(dy_dict_builder *b, const char *name)
{
    uint32_t old = b->csyn;
    GROW(b, b->syn, b->nsyn, b->csyn);
    if (b->failed)
        return 0;
    if (old != b->csyn) {
        uint32_t *c = realloc(b->syncap, b->csyn * sizeof *c);
        if (!c) {
            b->failed = true;
            return 0;
        }
        b->syncap = c;
    }
    b->syn[b->nsyn].mem = NULL;
    b->syn[b->nsyn].n = 0;
    b->syn[b->nsyn].name = dy_arena_strndup(&b->arena, name, strlen(name));
    if (!b->syn[b->nsyn].name) {
        b->failed = true;
        return 0;
    }
    b->syncap[b->nsyn] = 0;
    return b->nsyn++;
}

void dy_dict_synset_add(dy_dict_builder *b, uint32_t s, const dy_seq *member)
{
    if (b->failed)
        return;
    GROW(b, b->syn[s].mem, b->syn[s].n, b->syncap[s]);
    if (b->failed)
        return;
    dy_seq *q = &b->syn[s].mem[b->syn[s].n++];
    q->el = member->el; /* by field: the zeroed padding stays zero */
    q->n = member->n;
}

int dy_dict_find_synset(dy_dict_builder *b, const char *name)
{
    if (b->failed)
        return -1;
    for (uint32_t i = 0; i < b->nsyn; i++)
        if (strcmp(b->syn[i].name, name) == 0)
            return (int)i;
    return -1;
}

static uint32_t hash_str(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* sort record for roots: grouped by first word, longest first, file order
 * on ties; self-contained so that compiling needs no global state */
typedef struct {
    const char *key;
    int clen;
    int n;
    uint32_t idx;
} rsort;

static int cmp_rsort(const void *a, const void *b)
{
    const rsort *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->clen != y->clen)
        return y->clen - x->clen;
    if (x->n != y->n)
        return y->n - x->n;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int cmp_pattern(const void *a, const void *b)
{
    const dy_pattern *pa = a, *pb = b;
    if (pa->length != pb->length)
        return pb->length - pa->length;
    /* equal length: keep file order */
    return pa->at.line < pb->at.line ? -1 : pa->at.line > pb->at.line;
}

/* The word bits (dy_dict_word_bit) of the literal words of q from element
 * from on: a text lacking one of them cannot hold q. Synsets and actor
 * slots name no word. */
static uint64_t seq_need(const dy_seq *q, uint16_t from)
{
    uint64_t m = 0;
    for (uint16_t k = from; k < q->n; k++) {
        const dy_el *e = &q->el[k];
        if (e->kind == DY_EL_WORD && e->len >= 2 && !(e->flags & DY_EL_PVERB))
            m |= dy_dict_word_bit(e->w, e->len);
    }
    return m;
}

/* The whole words a pattern names (dy_pattern.wh). */
static void pattern_words(dy_pattern *p)
{
    p->nwh = 0;
    const dy_seq *qs[2] = {&p->upper, &p->lower};
    for (int s = 0; s < 2; s++)
        for (uint16_t k = 0; k < qs[s]->n && p->nwh < 3; k++) {
            const dy_el *e = &qs[s]->el[k];
            if (e->kind == DY_EL_WORD && e->len >= 2 && (e->flags & DY_EL_EXACT) && (e->flags & DY_EL_STRICT)
                && !(e->flags & DY_EL_PVERB))
                p->wh[p->nwh++] = dy_dict_word_hash(e->w, e->len);
        }
}

static unsigned start_key(const char *w, size_t k)
{
    unsigned h = (unsigned)k * 131u;
    for (size_t i = 0; i < k; i++)
        h = h * 31u + (unsigned char)w[i];
    return h & 255u;
}

void dy_dict_start_keys(const char *w, size_t n, unsigned keys[3])
{
    for (size_t k = 1; k <= 3; k++)
        keys[k - 1] = start_key(w, k <= n ? k : n);
}

/* The start key of a dictionary word: its first three letters, fewer when
 * its matching forms may change them (a short stem, a regular verb whose
 * last letter its endings drop: TIE, TYING). */
static unsigned word_start_key(const dy_el *e)
{
    size_t k = e->len < 3 ? e->len : 3;
    if ((e->flags & DY_EL_PVERB) && e->len <= 3)
        k = e->len > 1 ? e->len - 1 : 1;
    return start_key(e->w, k ? k : 1);
}

/* Slot of a key's first three letters in lenmask. */
static unsigned key3(const char *k)
{
    return ((unsigned)(unsigned char)k[0] * 961u + (unsigned)(unsigned char)k[1] * 31u + (unsigned char)k[2]) & 1023u;
}

struct dy_dict *dy_dict_compile(dy_dict_builder **bp, const char *name)
{
    dy_dict_builder *b = *bp;
    if (dy_dict_builder_failed(b))
        return NULL;
    struct dy_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    uint32_t *order = malloc((b->nroots + 1) * sizeof *order);
    if (!order) {
        free(d);
        return NULL;
    }
    order[b->nroots] = 0; /* the sentinel slot: images hold no stray bytes */
    rsort *rs = malloc((b->nroots + 1) * sizeof *rs);
    if (!rs) {
        free(order);
        free(d);
        return NULL;
    }
    for (uint32_t i = 0; i < b->nroots; i++) {
        rs[i] = (rsort){b->roots[i].ph.el[0].w, b->roots[i].clen, b->roots[i].ph.n, i};
        /* the later words' bits: a sentence lacking one cannot hold it */
        b->roots[i].need = seq_need(&b->roots[i].ph, 1);
    }
    qsort(rs, b->nroots, sizeof *rs, cmp_rsort);
    for (uint32_t i = 0; i < b->nroots; i++)
        order[i] = rs[i].idx;
    free(rs);
    uint32_t cap = 16;
    while (cap < b->nroots * 2 + 16)
        cap <<= 1;
    d->ridx = calloc(cap, sizeof *d->ridx);
    if (!d->ridx) {
        free(order);
        free(d);
        return NULL;
    }
    d->ridx_cap = cap;
    for (uint32_t i = 0; i < b->nroots;) {
        const char *k = b->roots[order[i]].ph.el[0].w;
        uint32_t j = i + 1;
        while (j < b->nroots && strcmp(b->roots[order[j]].ph.el[0].w, k) == 0)
            j++;
        size_t kl = strlen(k);
        if (kl > d->max_key_len)
            d->max_key_len = (uint16_t)kl;
        uint32_t h = hash_str(k, kl) & (cap - 1);
        while (d->ridx[h].key)
            h = (h + 1) & (cap - 1);
        d->ridx[h].key = k;
        d->ridx[h].klen = (uint32_t)kl;
        if (kl >= 3)
            d->lenmask[key3(k)] |= (uint64_t)1 << (kl < 63 ? kl : 63);
        else
            d->shortmask[(unsigned char)k[0]] |= (uint8_t)(1u << kl);
        d->ridx[h].first = i;
        d->ridx[h].count = j - i;
        for (uint32_t q = i; q < j; q++)
            d->ridx[h].types |= (uint32_t)1 << b->roots[order[q]].type;
        i = j;
    }
    /* patterns move into the verb records, sorted longest first (after
     * the last allocation that can fail: the builder keeps them till then) */
    for (uint32_t i = 0; i < b->nverbs; i++) {
        patlist *l = &b->pats[i];
        if (l->n)
            qsort(l->p, l->n, sizeof *l->p, cmp_pattern);
        for (uint32_t k = 0; k < l->n; k++) {
            l->p[k].need = seq_need(&l->p[k].upper, 0) | seq_need(&l->p[k].lower, 0);
            pattern_words(&l->p[k]);
        }
        b->verbs[i].pat = l->p;
        b->verbs[i].npat = l->n;
        l->p = NULL;
    }
    d->arena = b->arena;
    d->actors = b->actors; d->nactors = b->nactors;
    d->agents = b->agents; d->nagents = b->nagents;
    d->verbs = b->verbs; d->nverbs = b->nverbs;
    d->roots = b->roots; d->nroots = b->nroots;
    d->syn = b->syn; d->nsyn = b->nsyn;
    for (uint32_t i = 0; i < d->nsyn; i++) {
        bool plain = true;
        for (uint32_t m = 0; m < d->syn[i].n; m++)
            for (uint16_t k = 0; k < d->syn[i].mem[m].n; k++) {
                uint8_t kind = d->syn[i].mem[m].el[k].kind;
                if (kind != DY_EL_WORD && kind != DY_EL_SYN)
                    plain = false;
            }
        d->syn[i].plain = plain;
        memset(d->syn[i].first, 0, sizeof d->syn[i].first);
        for (uint32_t m = 0; m < d->syn[i].n; m++) {
            const dy_el *e = d->syn[i].mem[m].n ? &d->syn[i].mem[m].el[0] : NULL;
            if (!e || e->kind != DY_EL_WORD || !e->len) {
                memset(d->syn[i].first, 0xff, sizeof d->syn[i].first);
                break;
            }
            unsigned k = word_start_key(e);
            d->syn[i].first[k >> 6] |= (uint64_t)1 << (k & 63);
        }
    }
    for (uint32_t i = 0; i < d->nsyn; i++) /* the event nouns (light.h) */
        if (strncmp(d->syn[i].name, DY_EVENT_SYNSET, sizeof DY_EVENT_SYNSET - 1) == 0) {
            if (!d->light)
                d->light_lo = i;
            d->light = true;
            d->light_hi = i;
            for (int k = 0; k < 4; k++)
                d->light_first[k] |= d->syn[i].first[k];
        }
    d->disc = b->disc; d->ndisc = b->ndisc;
    d->iss = b->iss; d->niss = b->niss;
    for (uint32_t i = 0; i < b->ntr; i++) {
        verb_word_code(b, b->tr[i].iverb, b->tr[i].icode, sizeof b->tr[i].icode);
        verb_word_code(b, b->tr[i].overb, b->tr[i].ocode, sizeof b->tr[i].ocode);
    }
    d->tr = b->tr; d->ntr = b->ntr;
    d->root_order = order;
    d->opts = b->opts;
    d->has_time = b->has_time;
    d->has_attrib = b->has_attrib;
    d->petr = b->petr;
    d->name = name ? dy_arena_strndup(&d->arena, name, strlen(name)) : NULL;
    free(b->pats);
    free(b->syncap);
    free(b);
    *bp = NULL;
    return d;
}

void dy_dict_free(dy_dict **dp)
{
    struct dy_dict *d = *dp;
    if (!d)
        return;
    if (d->image) {
        /* the dictionary is inside its image */
        if (d->image_len)
            munmap(d->image, d->image_len);
        else
            free(d->image);
        *dp = NULL;
        return;
    }
    for (uint32_t i = 0; i < d->nverbs; i++)
        free(d->verbs[i].pat);
    for (uint32_t i = 0; i < d->nsyn; i++)
        free(d->syn[i].mem);
    free(d->actors);
    free(d->agents);
    free(d->verbs);
    free(d->roots);
    free(d->syn);
    free(d->disc);
    free(d->iss);
    free(d->tr);
    free(d->root_order);
    free(d->ridx);
    dy_arena_free(&d->arena);
    free(d);
    *dp = NULL;
}

static bool is_ending(const char *s, size_t n, bool noun)
{
    if (n == 1 && s[0] == 'S')
        return true;
    if (n == 2 && s[0] == '\'' && s[1] == 'S')
        return noun;
    if (noun)
        return false;
    if (n == 2 && (memcmp(s, "ED", 2) == 0 || memcmp(s, "ES", 2) == 0 || memcmp(s, "EN", 2) == 0))
        return true;
    return n == 3 && memcmp(s, "ING", 3) == 0;
}

/* PETRARCH's regular forms of a verb: S (ES after S, X, Z, CH, SH; IES
 * after consonant+Y), ED (D after E; IED after consonant+Y), ING (the E
 * dropped). */
static bool pverb_form(const char *w, size_t wl, const char *t, size_t tl)
{
    if (tl == wl && memcmp(w, t, wl) == 0)
        return true;
    char last = w[wl - 1];
    bool cons_y = last == 'Y' && wl >= 2 && !strchr("AEIOU", w[wl - 2]);
    bool sib = last == 'S' || last == 'X' || last == 'Z'
            || (wl >= 2 && (memcmp(w + wl - 2, "CH", 2) == 0 || memcmp(w + wl - 2, "SH", 2) == 0));
    size_t stem = cons_y || last == 'E' ? wl - 1 : wl; /* letters kept before the ending */
    if (tl < stem || memcmp(w, t, stem) != 0)
        return false;
    const char *r = t + stem;
    size_t rn = tl - stem;
#define IS(x) (rn == sizeof(x) - 1 && memcmp(r, x, rn) == 0)
    if (cons_y)
        return IS("IES") || IS("IED") || IS("YING");
    if (last == 'E')
        return IS("ES") || IS("ED") || IS("ING");
    if (sib)
        return IS("ES") || IS("ED") || IS("ING");
    return IS("S") || IS("ED") || IS("ING");
#undef IS
}

bool dy_dict_word_match(const dy_el *e, const char *t, size_t tl)
{
    if (e->flags & DY_EL_PVERB)
        return e->len && pverb_form(e->w, e->len, t, tl);
    size_t wl = e->len;
    /* the first letters differ for nearly every pair tried: test that
     * before calling memcmp (pattern scanning spends its time here) */
    if (tl < wl || (wl && t[0] != e->w[0]) || memcmp(t, e->w, wl) != 0) {
        /* verbs ending in E: DEPLORE_ also matches DEPLORING */
        if ((e->flags & (DY_EL_EXACT | DY_EL_STRICT | DY_EL_NOUNEND)) == DY_EL_EXACT
            && wl >= 3 && e->w[wl - 1] == 'E' && tl == wl + 2
            && memcmp(t, e->w, wl - 1) == 0 && memcmp(t + wl - 1, "ING", 3) == 0)
            return true;
        return false;
    }
    if (!(e->flags & (DY_EL_EXACT | DY_EL_STRICT)))
        return true; /* stem */
    if (tl == wl)
        return true;
    if (e->flags & DY_EL_STRICT)
        return false;
    const char *r = t + wl;
    size_t rn = tl - wl;
    if (is_ending(r, rn, (e->flags & DY_EL_NOUNEND) != 0))
        return true;
    /* DEPLORE_ + D = DEPLORED */
    if (!(e->flags & DY_EL_NOUNEND) && e->w[wl - 1] == 'E' && rn == 1 && (r[0] == 'D' || r[0] == 'N'))
        return true;
    return false;
}

static const dy_rindex *find_key_h(const struct dy_dict *d, const char *k, size_t n, uint32_t hash)
{
    if (!d->ridx_cap)
        return NULL;
    uint32_t h = hash & (d->ridx_cap - 1);
    while (d->ridx[h].key) {
        const dy_rindex *x = &d->ridx[h];
        if (x->klen == n && memcmp(x->key, k, n) == 0)
            return x;
        h = (h + 1) & (d->ridx_cap - 1);
    }
    return NULL;
}

static const dy_rindex *find_key(const struct dy_dict *d, const char *k, size_t n)
{
    return find_key_h(d, k, n, hash_str(k, n));
}

unsigned dy_dict_el_start_key(const dy_el *e) { return word_start_key(e); }

uint32_t dy_dict_word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)w[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

uint64_t dy_dict_word_bit(const char *w, size_t n)
{
    unsigned a = n > 0 ? (unsigned char)w[0] : 0, b = n > 1 ? (unsigned char)w[1] : 0;
    return (uint64_t)1 << ((a * 31u + b) & 63u);
}

void dy_dict_roots_for(const struct dy_dict *d, const char *tok, size_t tl, dy_root_fn fn, void *ctx)
{
    dy_dict_roots_for_types(d, tok, tl, ~(uint32_t)0, ~(uint64_t)0, fn, ctx);
}

/* The roots of the key made of the token less its last three letters and
 * the letter last (a spelling the token's ending changed) that the token
 * matches; false when fn asked to stop. */
static bool respelled_key(const struct dy_dict *d, const char *tok, size_t tl, char last, uint32_t mask,
                          uint64_t have, dy_root_fn fn, void *ctx)
{
    char buf[256];
    size_t n = tl - 3;
    if (tl - 2 > d->max_key_len || n + 1 >= sizeof buf)
        return true;
    memcpy(buf, tok, n);
    buf[n] = last;
    const dy_rindex *ix = find_key(d, buf, n + 1);
    if (!ix || !(ix->types & mask))
        return true;
    for (uint32_t i = 0; i < ix->count; i++) {
        uint32_t ri = d->root_order[ix->first + i];
        const dy_root *r = &d->roots[ri];
        if (!(r->need & ~have) && dy_dict_word_match(&r->ph.el[0], tok, tl) && !fn(r, ri, ctx))
            return false;
    }
    return true;
}

void dy_dict_roots_for_types(const struct dy_dict *d, const char *tok, size_t tl, uint32_t mask,
                             uint64_t have, dy_root_fn fn, void *ctx)
{
    /* Every prefix of the token may be a stem or an exact word with an
     * ending; longer keys first so that longer phrases are tried first. */
    size_t maxn = tl < d->max_key_len ? tl : d->max_key_len;
    /* FNV-1a is incremental: the hash of every prefix in one pass */
    uint32_t ph[256];
    if (maxn > 255)
        maxn = 255;
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < maxn; k++) {
        h ^= (unsigned char)tok[k];
        h *= 16777619u;
        ph[k + 1] = h;
    }
    uint64_t lens = tl >= 3 ? d->lenmask[key3(tok)] : 0;
    for (size_t n = maxn; n >= 1; n--) {
        if (n >= 3 ? !(lens & ((uint64_t)1 << (n < 63 ? n : 63))) : !(d->shortmask[(unsigned char)tok[0]] & (1u << n)))
            continue; /* no key of this length starts so */
        const dy_rindex *ix = find_key_h(d, tok, n, ph[n]);
        if (!ix || !(ix->types & mask))
            continue;
        for (uint32_t i = 0; i < ix->count; i++) {
            uint32_t ri = d->root_order[ix->first + i];
            const dy_root *r = &d->roots[ri];
            /* the whole token is the key: every form of it matches */
            if ((r->need & ~have) || (n != tl && !dy_dict_word_match(&r->ph.el[0], tok, tl)))
                continue;
            if (!fn(r, ri, ctx))
                return;
        }
    }
    /* keys ending in Y whose token form is ...IES or ...IED (HURRY /
     * HURRIED), and keys ending in E whose form is ...ING (DEPLORE_ /
     * DEPLORING): the key is the token less three letters plus one */
    if (tl > 3 && (memcmp(tok + tl - 3, "IES", 3) == 0 || memcmp(tok + tl - 3, "IED", 3) == 0)
        && !respelled_key(d, tok, tl, 'Y', mask, have, fn, ctx))
        return;
    if (tl > 3 && memcmp(tok + tl - 3, "ING", 3) == 0)
        respelled_key(d, tok, tl, 'E', mask, have, fn, ctx);
}

const char *dy_dict_code_at(const dy_codes *c, int32_t date)
{
    const char *def = NULL;
    if (date == 0) {
        /* no date: the default code, else the most recent restriction */
        const dy_dcode *best = NULL;
        for (uint16_t i = 0; i < c->n; i++) {
            const dy_dcode *x = &c->c[i];
            if (x->lo == INT32_MIN && x->hi == INT32_MAX)
                return x->code;
            if (!best || x->hi > best->hi || (x->hi == best->hi && x->lo > best->lo))
                best = x;
        }
        return best ? best->code : NULL;
    }
    for (uint16_t i = 0; i < c->n; i++) {
        const dy_dcode *x = &c->c[i];
        if (x->lo == INT32_MIN && x->hi == INT32_MAX) {
            if (!def)
                def = x->code;
            continue;
        }
        if (date >= x->lo && date <= x->hi)
            return x->code;
    }
    if (def)
        return def;
    return c->n ? "---" : NULL;
}

bool dy_dict_parse_date(const char *s, size_t n, bool yyyy, int32_t *out)
{
    if (n != 6 && n != 8)
        return false;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    int32_t y, md;
    if (n == 8 || (yyyy && n == 8)) {
        y = v / 10000;
        md = v % 10000;
    } else if (n == 6 && !yyyy) {
        y = v / 10000;
        md = v % 10000;
        y += y <= 30 ? 2000 : 1900;
    } else
        return false;
    int m = md / 100, dd = md % 100;
    if (m < 1 || m > 12 || dd < 1 || dd > 31)
        return false;
    *out = y * 10000 + md;
    return true;
}
