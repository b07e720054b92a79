/* memo.c: see memo.h. An open-addressing table of words (copied into the
 * memo's own pool) to runs of root indexes in a shared pool. A word's run
 * holds first the candidates that ask nothing of the next word, then those
 * whose second word must follow at once, sorted by that word's first two
 * letters: a common first word ("THE", "UNITED") begins hundreds of
 * phrases, of which only the few with the right second word are read.
 * Each candidate keeps its rank in the index's order, and the two lists
 * are merged by rank, so that fn sees the candidates in that order. */
#include "memo.h"
#include <stdlib.h>
#include <string.h>

enum { SLOTS = 1 << 16, MAX_WORDS = SLOTS / 2, MAX_ROOTS = 1 << 18, MAX_CHARS = 1 << 20 };

typedef struct {
    uint32_t word;   /* offset of the word in chars */
    uint16_t len;
    uint32_t types;  /* bit 1 << type of each of its roots */
    uint32_t first;  /* offset of its roots in roots */
    uint32_t count;
    uint32_t nfree;  /* how many of them ask nothing of the next word */
} slot;

/* a candidate, with what the filters ask kept beside it (so that most
 * are turned down without reading the root record, a cache miss) */
typedef struct {
    uint64_t need;
    uint32_t ri;
    uint32_t rank;  /* place in the index's order */
    uint16_t type;
    uint16_t next2; /* first two letters of a second word that must follow
                       at once (0: no such test) */
} cand;

struct dy_rootmemo {
    uint32_t *hashes; /* per slot: its word's hash, 0 when empty (probed
                         without reading the slots: 4 bytes a slot stay in
                         cache where 28 do not) */
    slot *tab;
    uint32_t nwords;
    cand *roots;
    uint32_t nroots;
    char *chars;
    uint32_t nchars;
};

dy_rootmemo *dy_rootmemo_new(void)
{
    dy_rootmemo *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->tab = calloc(SLOTS, sizeof *m->tab);
    m->hashes = calloc(SLOTS, sizeof *m->hashes);
    m->roots = malloc(MAX_ROOTS * sizeof *m->roots);
    m->chars = malloc(MAX_CHARS);
    if (!m->tab || !m->hashes || !m->roots || !m->chars)
        dy_rootmemo_free(&m);
    return m;
}

void dy_rootmemo_free(dy_rootmemo **m)
{
    if (!*m)
        return;
    free((*m)->tab);
    free((*m)->hashes);
    free((*m)->roots);
    free((*m)->chars);
    free(*m);
    *m = NULL;
}

static void forget(dy_rootmemo *m)
{
    memset(m->hashes, 0, SLOTS * sizeof *m->hashes);
    m->nwords = m->nroots = m->nchars = 0;
}

typedef struct {
    dy_rootmemo *m;
    bool full;
} collect_t;

static bool collect(const dy_root *r, uint32_t ri, void *ctx)
{
    collect_t *c = ctx;
    if (c->m->nroots == MAX_ROOTS) {
        c->full = true;
        return false;
    }
    uint16_t n2 = 0;
    if (r->ph.n >= 2 && (r->ph.el[0].flags & DY_EL_ADJ)) {
        const dy_el *e = &r->ph.el[1];
        /* a word that dy_dict_word_match accepts begins with the
         * element's letters (endings are only added) */
        if (e->kind == DY_EL_WORD && !(e->flags & DY_EL_PVERB) && e->len >= 3)
            n2 = dy_rootmemo_key2(e->w, e->len);
    }
    c->m->roots[c->m->nroots] = (cand){r->need, ri, c->m->nroots, (uint16_t)(1u << r->type), n2};
    c->m->nroots++;
    return true;
}

/* unkeyed first, then by key; rank order within each */
static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->next2 != b->next2)
        return a->next2 < b->next2 ? -1 : 1;
    return a->rank < b->rank ? -1 : a->rank > b->rank;
}

uint16_t dy_rootmemo_key2(const char *w, size_t n)
{
    /* never DY_MEMO_NONE for two letters: the first byte of a word is not 0 */
    return n >= 2 ? (uint16_t)((unsigned)(unsigned char)w[0] << 8 | (unsigned char)w[1]) : DY_MEMO_NONE;
}

uint32_t dy_rootmemo_roots(dy_rootmemo *m, const struct dy_dict *d, const char *tok, size_t tl, uint32_t hash,
                           uint32_t mask, uint64_t have, uint16_t next2, dy_root_fn fn, void *ctx)
{
    if (!m || tl == 0 || tl > 0xffff) {
        dy_dict_roots_for_types(d, tok, tl, mask, have, fn, ctx);
        return ~(uint32_t)0;
    }
    uint32_t h = hash | 1, i = h & (SLOTS - 1);
    while (m->hashes[i]
           && !(m->hashes[i] == h && m->tab[i].len == tl && memcmp(m->chars + m->tab[i].word, tok, tl) == 0))
        i = (i + 1) & (SLOTS - 1);
    if (!m->hashes[i]) {
        /* a word not seen yet: its candidates, whatever the type or the
         * sentence (mask and have are applied below) */
        if (m->nwords == MAX_WORDS || m->nchars + tl > MAX_CHARS) {
            forget(m);
            i = h & (SLOTS - 1);
        }
        uint32_t first = m->nroots;
        collect_t c = {m, false};
        dy_dict_roots_for_types(d, tok, tl, ~(uint32_t)0, ~(uint64_t)0, collect, &c);
        if (c.full) {
            /* more candidates than the pool holds: this once, no memo */
            forget(m);
            dy_dict_roots_for_types(d, tok, tl, mask, have, fn, ctx);
            return ~(uint32_t)0;
        }
        memcpy(m->chars + m->nchars, tok, tl);
        uint32_t types = 0;
        for (uint32_t k = first; k < m->nroots; k++) {
            types |= m->roots[k].type;
            m->roots[k].rank -= first;
        }
        uint32_t n = m->nroots - first;
        qsort(m->roots + first, n, sizeof *m->roots, cmp_cand);
        uint32_t nfree = 0;
        while (nfree < n && !m->roots[first + nfree].next2)
            nfree++;
        m->tab[i] = (slot){m->nchars, (uint16_t)tl, types, first, n, nfree};
        m->hashes[i] = h;
        m->nchars += (uint32_t)tl;
        m->nwords++;
    }
    const slot *s = &m->tab[i];
    if (!(s->types & mask))
        return s->types;
    const cand *fr = m->roots + s->first, *ke = fr + s->nfree;
    uint32_t nf = s->nfree, nk = s->count - s->nfree;
    /* the keyed candidates for this next word: ke[lo..hi) */
    uint32_t lo = 0, hi = nk;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ke[mid].next2 < next2)
            lo = mid + 1;
        else
            hi = mid;
    }
    hi = lo;
    while (hi < nk && ke[hi].next2 == next2)
        hi++;
    /* merge the two lists by rank */
    uint32_t a = 0, b = lo;
    while (a < nf || b < hi) {
        const cand *c = b >= hi || (a < nf && fr[a].rank < ke[b].rank) ? &fr[a++] : &ke[b++];
        if (!(mask & c->type) || (c->need & ~have))
            continue;
        if (!fn(&d->roots[c->ri], c->ri, ctx))
            break;
    }
    return s->types;
}
