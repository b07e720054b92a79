/* tagger.c: word descriptions, the tagger's feature templates, greedy
 * decoding and its training step.
 *
 * Templates at position i (w = normalised form, f = exact form, s = suffix,
 * p = prefix, sh = shape, a = ambiguity class, t = tag already chosen):
 *   bias; w0; f0; w-1; w+1; w-2; w+2; s1..s4(w0); p1..p3(w0); sh0;
 *   t-1; t-2 t-1; t-1 w0; w-1 w0; w0 w+1; s3(w-1); s3(w+1); sh-1; sh+1;
 *   a0; a+1; a+2; a-1; t-1 a+1; a0 a+1; t-1 s3(w0); sh0 at sentence start;
 *   w-1 w+1; s2(w+1) sh+1.
 * The ambiguity classes of the words on the right stand in for the tags not
 * yet chosen there (Toutanova et al. 2003 use tags both ways; a class costs
 * one lookup). */
#include "tagger.h"
#include <string.h>

enum { TW_UPPER = 1, TW_DIGIT = 2, TW_HYPHEN = 4, TW_ALLUP = 8 };
#define NFEAT 48 /* more than the templates below */
#define UNK_AMB 0x5bd1e995u /* ambiguity class of a word the lexicon lacks */

static inline unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}
static inline unsigned char normc(unsigned char c) { return c >= '0' && c <= '9' ? '0' : lower(c); }

/* FNV-1a over the normalised bytes, finished by a mixer. */
static uint64_t hash_norm(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++)
        h = (h ^ normc((unsigned char)s[i])) * 0x100000001b3ULL;
    return dy_pc_mix(h);
}

static uint64_t hash_raw(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return dy_pc_mix(h);
}

uint64_t dy_tag_norm_hash(const char *s, size_t n) { return hash_norm(s, n, 0); }

bool dy_tag_lex_view(const void *buf, size_t len, dy_tag_lex *lex)
{
    if (len < 8 || ((uintptr_t)buf & 3))
        return false;
    const uint32_t *p = buf;
    lex->nslots = p[0];
    lex->slots = p + 2;
    if (lex->nslots == 0 || (lex->nslots & (lex->nslots - 1)) || len < 8 + (size_t)lex->nslots * 8)
        return false;
    for (uint32_t i = 0; i < lex->nslots; i++)
        if (lex->slots[2 * i] == 0)
            return true; /* a probe always ends */
    return false;
}

uint32_t dy_tag_lex_get(const dy_tag_lex *lex, uint64_t norm)
{
    if (!lex->nslots)
        return 0;
    uint32_t key = (uint32_t)(norm >> 32) | 1u, mask = lex->nslots - 1;
    for (uint32_t i = (uint32_t)norm & mask;; i = (i + 1) & mask) {
        uint32_t k = lex->slots[2 * i];
        if (k == key)
            return lex->slots[2 * i + 1];
        if (k == 0)
            return 0;
    }
}

static uint64_t shape_hash(const char *s, size_t n, uint8_t *flags)
{
    char sh[16];
    size_t k = 0;
    int upper = 0, lowers = 0;
    for (size_t i = 0; i < n && k < sizeof sh; i++) {
        unsigned char c = (unsigned char)s[i];
        char x = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd'
                 : c >= 0x80                                          ? 'u'
                                                                      : (char)c;
        upper += x == 'X';
        lowers += x == 'x';
        if (x == 'd')
            *flags |= TW_DIGIT;
        if (c == '-')
            *flags |= TW_HYPHEN;
        /* runs of one class are cut at two: "Xxxxx" and "Xxx" look alike */
        if (k >= 2 && sh[k - 1] == x && sh[k - 2] == x)
            continue;
        sh[k++] = x;
    }
    if (n && s[0] >= 'A' && s[0] <= 'Z')
        *flags |= TW_UPPER;
    if (upper > 1 && !lowers)
        *flags |= TW_ALLUP;
    return hash_raw(sh, k, 7);
}

void dy_tag_describe(const dy_tag_lex *lex, const char *s, size_t n, dy_tag_word *w)
{
    w->flags = 0;
    w->norm = hash_norm(s, n, 0);
    w->form = hash_raw(s, n, 1);
    for (size_t k = 0; k < 4; k++)
        w->suf[k] = n > k ? hash_norm(s + n - k - 1, k + 1, 10 + k) : 0;
    for (size_t k = 0; k < 3; k++)
        w->pre[k] = n > k + 1 ? hash_norm(s, k + 1, 20 + k) : 0;
    w->shape = shape_hash(s, n, &w->flags);
    uint32_t v = dy_tag_lex_get(lex, w->norm);
    w->amb = v ? (v >> 8) : UNK_AMB ^ (w->flags & (TW_UPPER | TW_DIGIT | TW_HYPHEN));
    w->fixed = v ? (uint8_t)(v & 0xff) : DY_TAG_NONE;
}

/* Sentinels for positions before the start and after the end. */
static const dy_tag_word edge[2] = {
    {.norm = 0x1111, .form = 0x1111, .shape = 0x1111, .amb = 0x1111, .fixed = DY_TAG_NONE},
    {.norm = 0x2222, .form = 0x2222, .shape = 0x2222, .amb = 0x2222, .fixed = DY_TAG_NONE},
};

static inline const dy_tag_word *at(const dy_tag_word *w, int n, int i)
{
    return i < 0 ? &edge[0] : i >= n ? &edge[1] : &w[i];
}

static size_t features(const dy_tag_word *ws, int n, int i, const uint8_t *tags, uint64_t *f)
{
    const dy_tag_word *w0 = &ws[i], *l1 = at(ws, n, i - 1), *l2 = at(ws, n, i - 2);
    const dy_tag_word *r1 = at(ws, n, i + 1), *r2 = at(ws, n, i + 2);
    uint64_t t1 = i > 0 ? tags[i - 1] : 300, t2 = i > 1 ? tags[i - 2] : 300;
    size_t k = 0;
#define F(a, b, c) (f[k] = dy_pc_feat((uint32_t)k, (a), (b), (c)), k++)
    F(0, 0, 0);
    F(w0->norm, 0, 0);
    F(w0->form, 0, 0);
    F(l1->norm, 0, 0);
    F(r1->norm, 0, 0);
    F(l2->norm, 0, 0);
    F(r2->norm, 0, 0);
    for (int s = 0; s < 4; s++)
        F(w0->suf[s], 0, 0);
    for (int p = 0; p < 3; p++)
        F(w0->pre[p], 0, 0);
    F(w0->shape, 0, 0);
    F(t1, 0, 0);
    F(t2, t1, 0);
    F(t1, w0->norm, 0);
    F(l1->norm, w0->norm, 0);
    F(w0->norm, r1->norm, 0);
    F(l1->suf[2], 0, 0);
    F(r1->suf[2], 0, 0);
    F(l1->shape, 0, 0);
    F(r1->shape, 0, 0);
    F(w0->amb, 0, 0);
    F(r1->amb, 0, 0);
    F(r2->amb, 0, 0);
    F(l1->amb, 0, 0);
    F(t1, r1->amb, 0);
    F(w0->amb, r1->amb, 0);
    F(t1, w0->suf[2], 0);
    F(i == 0, w0->shape, 0);
    F(l1->norm, r1->norm, 0);
    F(r1->suf[1], r1->shape, 0);
#undef F
    return k;
}

static unsigned best(const int32_t *scores, unsigned n)
{
    unsigned b = 0;
    for (unsigned c = 1; c < n; c++)
        if (scores[c] > scores[b])
            b = c;
    return b;
}

/* The best class that is not verbal. */
static unsigned best_nominal(const int32_t *scores, unsigned n, const bool *verbal)
{
    unsigned b = n;
    for (unsigned c = 0; c < n; c++)
        if (!verbal[c] && (b == n || scores[c] > scores[b]))
            b = c;
    return b < n ? b : best(scores, n);
}

void dy_tag_run(const dy_pc_model *m, const dy_tag_word *w, int n, const bool *verbal, uint8_t *tags)
{
    uint64_t f[NFEAT];
    int32_t scores[DY_PC_SCORES];
    for (int i = 0; i < n; i++) {
        bool name = verbal && w[i].name;
        if (w[i].fixed != DY_TAG_NONE && !(name && verbal[w[i].fixed])) {
            tags[i] = w[i].fixed;
            continue;
        }
        size_t k = features(w, n, i, tags, f);
        dy_pc_score(m, f, k, scores);
        tags[i] = (uint8_t)(name ? best_nominal(scores, m->nclasses, verbal) : best(scores, m->nclasses));
    }
}

int dy_tag_learn(dy_pc_train *t, const dy_tag_word *w, int n, const uint8_t *gold, uint8_t *tags)
{
    uint64_t f[NFEAT];
    int32_t scores[DY_PC_SCORES];
    unsigned nc = dy_pc_train_classes(t);
    int right = 0;
    for (int i = 0; i < n; i++) {
        if (w[i].fixed != DY_TAG_NONE) {
            tags[i] = w[i].fixed;
            right += tags[i] == gold[i];
            continue;
        }
        size_t k = features(w, n, i, tags, f);
        memset(scores, 0, nc * sizeof *scores);
        dy_pc_train_score(t, f, k, scores);
        unsigned g = best(scores, nc);
        if (!dy_pc_train_update(t, f, k, gold[i], g))
            return -1;
        dy_pc_train_tick(t);
        /* the guess, not the gold tag, is the next word's left context, as it
         * will be at run time */
        tags[i] = (uint8_t)g;
        right += g == gold[i];
    }
    return right;
}
