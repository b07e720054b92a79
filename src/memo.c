/* memo.c: see memo.h. An open-addressing table of words (copied into the
 * memo's own pool) to runs of root indexes in a shared pool. */
#include "memo.h"
#include <stdlib.h>
#include <string.h>

enum { SLOTS = 1 << 16, MAX_WORDS = SLOTS / 2, MAX_ROOTS = 1 << 18, MAX_CHARS = 1 << 20 };

typedef struct {
    uint32_t hash;   /* 0: empty */
    uint32_t word;   /* offset of the word in chars */
    uint16_t len;
    uint32_t types;  /* bit 1 << type of each of its roots */
    uint32_t first;  /* offset of its roots in roots */
    uint32_t count;
} slot;

/* a candidate, with what the filters ask kept beside it */
typedef struct {
    uint64_t need;
    uint32_t ri;
    uint32_t type;
} cand;

struct dy_rootmemo {
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
    m->roots = malloc(MAX_ROOTS * sizeof *m->roots);
    m->chars = malloc(MAX_CHARS);
    if (!m->tab || !m->roots || !m->chars)
        dy_rootmemo_free(&m);
    return m;
}

void dy_rootmemo_free(dy_rootmemo **m)
{
    if (!*m)
        return;
    free((*m)->tab);
    free((*m)->roots);
    free((*m)->chars);
    free(*m);
    *m = NULL;
}

static void forget(dy_rootmemo *m)
{
    memset(m->tab, 0, SLOTS * sizeof *m->tab);
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
    c->m->roots[c->m->nroots++] = (cand){r->need, ri, (uint32_t)1 << r->type};
    return true;
}

uint32_t dy_rootmemo_roots(dy_rootmemo *m, const struct dy_dict *d, const char *tok, size_t tl, uint32_t mask,
                           uint64_t have, dy_root_fn fn, void *ctx)
{
    if (!m || tl == 0 || tl > 0xffff) {
        dy_dict_roots_for_types(d, tok, tl, mask, have, fn, ctx);
        return ~(uint32_t)0;
    }
    uint32_t h = dy_dict_word_hash(tok, tl), i = h & (SLOTS - 1);
    while (m->tab[i].hash
           && !(m->tab[i].hash == h && m->tab[i].len == tl && memcmp(m->chars + m->tab[i].word, tok, tl) == 0))
        i = (i + 1) & (SLOTS - 1);
    if (!m->tab[i].hash) {
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
        for (uint32_t k = first; k < m->nroots; k++)
            types |= m->roots[k].type;
        m->tab[i] = (slot){h, m->nchars, (uint16_t)tl, types, first, m->nroots - first};
        m->nchars += (uint32_t)tl;
        m->nwords++;
    }
    const slot *s = &m->tab[i];
    if (!(s->types & mask))
        return s->types;
    for (uint32_t k = 0; k < s->count; k++) {
        const cand *c = &m->roots[s->first + k];
        if (!(mask & c->type) || (c->need & ~have))
            continue;
        if (!fn(&d->roots[c->ri], c->ri, ctx))
            break;
    }
    return s->types;
}
