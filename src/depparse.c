/* depparse.c: arc-hybrid transitions, features, greedy decoding, the
 * dynamic oracle and projectivisation.
 *
 * Feature templates, 60 (w = word, t = tag, l = arc label, d = distance
 * s0-b0, vl/vr = number of left/right children, ls/rs = label sets;
 * s0L/s0R = leftmost and rightmost child of s0, s0L2/s0R2 the second ones,
 * b0L/b0L2 of b0, s1R of s1):
 *   unigrams   bias; s0 w t wt; s1 w t wt; s2t; b0 w t wt; b1 w t wt; b2t
 *   pairs      s0wt.b0wt s0wt.b0w s0w.b0wt s0wt.b0t s0t.b0wt s0w.b0w s0t.b0t
 *              b0t.b1t s0t.s1t s1w.s0w s1t.s0w
 *   trigrams   b0t.b1t.b2t s0t.b0t.b1t s1t.s0t.b0t s0t.s0Lt.b0t s0t.s0Rt.b0t
 *              s0t.b0t.b0Lt b0t.b0Lt.b0L2t s1t.s1Rt.s0t s2t.s1t.s0t s0w.b0t.b1t
 *   distance   s0t.d b0t.d s0w.b0w.d s0t.b0t.d
 *   valency    s0t.vr s0t.vl b0t.vl s1t.vr
 *   children   s0L w t l; s0R w t l; b0L w t l; s1R t
 *   3rd order  s0t.s0Ll.s0L2l s0t.s0Rl.s0R2l b0t.b0Ll.b0L2l
 *   label sets s0t.rs s0t.ls b0t.ls
 * Eighteen more (words with distance, valency and label sets; s2 and b2
 * words; the second children alone) scored no better on EWT dev (81.41
 * LAS with them, 81.48 without) and cost a quarter of the time. */
#include "depparse.h"
#include <string.h>

#define NFEAT DY_PC_MAX_FEATS /* more than the templates below */
enum { T_NONE = 300, T_ROOT = 301, L_NONE = 400 };
#define W_NONE 0x3c6ef372fe94f82bULL
#define W_ROOT 0xa54ff53a5f1d36f1ULL

static void init(const dy_dep_input *in, dy_dep_state *st)
{
    int n = in->n;
    st->sp = 0;
    st->b = 0;
    for (int i = 0; i <= n; i++) {
        st->head[i] = -1;
        st->label[i] = 0;
        st->lc[i][0] = st->lc[i][1] = st->rc[i][0] = st->rc[i][1] = -1;
        st->nl[i] = st->nr[i] = 0;
        st->ls[i] = st->rs[i] = 0;
    }
}

static inline unsigned nclasses(const dy_dep_input *in) { return 1 + 2 * in->nlabels; }

static bool valid(const dy_dep_input *in, const dy_dep_state *st, unsigned c)
{
    int n = in->n;
    if (c == 0)
        return st->b < n;
    bool left = c <= in->nlabels;
    unsigned l = left ? c - 1 : c - 1 - in->nlabels;
    if (left) /* onto the root: only the last word left, and only as root */
        return st->sp >= 1 && (st->b < n ? l != in->root : st->sp == 1 && l == in->root);
    return st->sp >= 2 && l != in->root;
}

static void apply(const dy_dep_input *in, dy_dep_state *st, unsigned c)
{
    if (c == 0) {
        st->stack[st->sp++] = st->b++;
        return;
    }
    bool left = c <= in->nlabels;
    uint8_t l = (uint8_t)(left ? c - 1 : c - 1 - in->nlabels);
    int d = st->stack[--st->sp];
    int h = left ? st->b : st->stack[st->sp - 1];
    st->head[d] = h;
    st->label[d] = l;
    uint64_t bit = 1ULL << (l & 63);
    if (left) { /* each new left child of b lies left of the ones before */
        st->lc[h][1] = st->lc[h][0];
        st->lc[h][0] = d;
        st->nl[h] = (uint8_t)(st->nl[h] + (st->nl[h] < 255));
        st->ls[h] |= bit;
    } else {    /* each new right child of s1 lies right of the ones before */
        st->rc[h][1] = st->rc[h][0];
        st->rc[h][0] = d;
        st->nr[h] = (uint8_t)(st->nr[h] + (st->nr[h] < 255));
        st->rs[h] |= bit;
    }
}

static size_t features(const dy_dep_input *in, const dy_dep_state *st, uint64_t *f)
{
    int n = in->n, sp = st->sp;
    int s0 = sp > 0 ? st->stack[sp - 1] : -1, s1 = sp > 1 ? st->stack[sp - 2] : -1;
    int s2 = sp > 2 ? st->stack[sp - 3] : -1, b0 = st->b;
    int b1 = b0 + 1 <= n ? b0 + 1 : -1, b2 = b0 + 2 <= n ? b0 + 2 : -1;
#define W(i) ((i) < 0 ? W_NONE : (i) == n ? W_ROOT : in->w[i])
#define T(i) ((uint64_t)((i) < 0 ? T_NONE : (i) == n ? T_ROOT : in->t[i]))
#define L(i) ((uint64_t)((i) < 0 ? L_NONE : st->label[i]))
#define LC(i, k) ((i) < 0 ? -1 : st->lc[i][k])
#define RC(i, k) ((i) < 0 ? -1 : st->rc[i][k])
    uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2);
    uint64_t b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2t = T(b2);
    int s0L = LC(s0, 0), s0L2 = LC(s0, 1), s0R = RC(s0, 0), s0R2 = RC(s0, 1);
    int b0L = LC(b0, 0), b0L2 = LC(b0, 1), s1R = RC(s1, 0);
    int dist = s0 < 0 ? 0 : b0 - s0;
    uint64_t d = (uint64_t)(dist >= 10 ? 6 : dist >= 5 ? 5 : dist);
    uint64_t s0vl = s0 < 0 ? 0 : st->nl[s0], s0vr = s0 < 0 ? 0 : st->nr[s0];
    uint64_t b0vl = st->nl[b0], s1vr = s1 < 0 ? 0 : st->nr[s1];
    uint64_t s0ls = s0 < 0 ? 0 : st->ls[s0], s0rs = s0 < 0 ? 0 : st->rs[s0], b0ls = st->ls[b0];
    size_t k = 0;
#define F(a, b, c) (f[k] = dy_pc_feat((uint32_t)k, (a), (b), (c)), k++)
    F(0, 0, 0);
    F(s0w, 0, 0); F(s0t, 0, 0); F(s0w, s0t, 0);
    F(s1w, 0, 0); F(s1t, 0, 0); F(s1w, s1t, 0);
    F(s2t, 0, 0);
    F(b0w, 0, 0); F(b0t, 0, 0); F(b0w, b0t, 0);
    F(b1w, 0, 0); F(b1t, 0, 0); F(b1w, b1t, 0);
    F(b2t, 0, 0);
    F(s0w, s0t, b0w ^ (b0t << 48)); F(s0w, s0t, b0w); F(s0w, b0w, b0t); F(s0w, s0t, b0t);
    F(s0t, b0w, b0t); F(s0w, b0w, 0); F(s0t, b0t, 0); F(b0t, b1t, 0); F(s0t, s1t, 0);
    F(s1w, s0w, 0); F(s1t, s0w, 0);
    F(b0t, b1t, b2t); F(s0t, b0t, b1t); F(s1t, s0t, b0t); F(s0t, T(s0L), b0t);
    F(s0t, T(s0R), b0t); F(s0t, b0t, T(b0L)); F(b0t, T(b0L), T(b0L2)); F(s1t, T(s1R), s0t);
    F(s2t, s1t, s0t); F(s0w, b0t, b1t);
    F(s0t, d, 0); F(b0t, d, 0); F(s0w, b0w, d); F(s0t, b0t, d);
    F(s0t, s0vr, 0); F(s0t, s0vl, 0); F(b0t, b0vl, 0); F(s1t, s1vr, 0);
    F(W(s0L), 0, 0); F(T(s0L), 0, 0); F(L(s0L), 0, 0);
    F(W(s0R), 0, 0); F(T(s0R), 0, 0); F(L(s0R), 0, 0);
    F(W(b0L), 0, 0); F(T(b0L), 0, 0); F(L(b0L), 0, 0);
    F(T(s1R), 0, 0);
    F(s0t, L(s0L), L(s0L2)); F(s0t, L(s0R), L(s0R2)); F(b0t, L(b0L), L(b0L2));
    F(s0t, s0rs, 0); F(s0t, s0ls, 0); F(b0t, b0ls, 0);
#undef F

#undef W
#undef T
#undef L
#undef LC
#undef RC
    return k;
}

/* The first of the highest of s[0..n): a maximum the compiler can keep in
 * registers, then one pass to find where it is. */
static unsigned argmax(const int32_t *s, unsigned n)
{
    int32_t m = s[0];
    for (unsigned i = 1; i < n; i++)
        m = s[i] > m ? s[i] : m;
    unsigned i = 0;
    while (s[i] != m)
        i++;
    return i;
}

/* The best-scored valid class; the first of equals in class order, as
 * testing valid() on every class would choose. The valid classes are one
 * run of class numbers less the arcs by the root label, which only the last
 * left arc may use: those two are scored out of reach. */
/* The one valid class where there is no choice (an empty stack must shift;
 * the last word left goes to the root), else nclasses. */
static unsigned forced(const dy_dep_input *in, const dy_dep_state *st)
{
    if (st->sp == 0)
        return 0;
    if (st->b == in->n && st->sp == 1)
        return 1 + in->root;
    return nclasses(in);
}

static unsigned best_valid(const dy_dep_input *in, const dy_dep_state *st, int32_t *scores)
{
    unsigned L = in->nlabels, c = forced(in, st);
    bool more = st->b < in->n;
    if (c != nclasses(in))
        return c;
    unsigned lo = more ? 0 : 1 + L, hi = st->sp >= 2 ? 1 + 2 * L : 1 + L;
    scores[1 + in->root] = scores[1 + L + in->root] = INT32_MIN;
    return lo + argmax(scores + lo, hi - lo);
}

void dy_dep_run(const dy_pc_model *m, const dy_dep_input *in, dy_dep_state *st, int *head,
                uint8_t *label)
{
    uint64_t f[NFEAT];
    int32_t scores[DY_PC_SCORES];
    int n = in->n;
    init(in, st);
    while (st->b < n || st->sp > 0) {
        unsigned c = forced(in, st); /* about one transition in ten: not scored */
        if (c == nclasses(in)) {
            size_t k = features(in, st, f);
            dy_pc_score(m, f, k, scores);
            c = best_valid(in, st, scores);
        }
        apply(in, st, c);
    }
    for (int i = 0; i < n; i++) {
        head[i] = st->head[i] == n ? 0 : st->head[i] + 1;
        label[i] = st->label[i];
    }
}

/* Gold arcs a transition makes unreachable (Goldberg and Nivre 2013, arc
 * hybrid); gh[i] is the 0-based gold head, n for the root. */
static int cost(const dy_dep_state *st, int n, const int *gh, unsigned kind)
{
    int sp = st->sp, b = st->b, c = 0;
    if (kind == 0) { /* SHIFT: b loses heads and children deeper in the stack */
        for (int i = 0; i < sp; i++) {
            int d = st->stack[i];
            c += gh[d] == b;
            c += gh[b] == d && i < sp - 1;
        }
        return c;
    }
    int s0 = st->stack[sp - 1], s1 = sp > 1 ? st->stack[sp - 2] : -1;
    for (int i = b; i < n; i++) /* s0's children still in the buffer */
        c += gh[i] == s0;
    if (kind == 1) /* LEFT: s0's head can no longer be s1 or beyond b */
        c += gh[s0] != b && (gh[s0] == s1 || gh[s0] > b);
    else /* RIGHT: s0's head can no longer be in the buffer */
        c += gh[s0] >= b;
    return c;
}

/* Whether some transition of a kind (0 shift, 1 left, 2 right) is allowed. */
static bool kind_valid(const dy_dep_state *st, int n, unsigned kind)
{
    return kind == 0 ? st->b < n : kind == 1 ? st->sp >= 1 && (st->b < n || st->sp == 1) : st->sp >= 2;
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

int dy_dep_learn(dy_pc_train *t, const dy_dep_input *in, dy_dep_state *st, const int *gold_head,
                 const uint8_t *gold_label, bool explore, uint64_t *rng)
{
    uint64_t f[NFEAT];
    int32_t scores[DY_PC_SCORES];
    int gh[DY_DEP_MAX_WORDS + 1];
    int n = in->n, right = 0;
    unsigned nc = nclasses(in), L = in->nlabels;
    for (int i = 0; i < n; i++)
        gh[i] = gold_head[i] == 0 ? n : gold_head[i] - 1;
    gh[n] = -2;
    init(in, st);
    while (st->b < n || st->sp > 0) {
        size_t k = features(in, st, f);
        memset(scores, 0, nc * sizeof *scores);
        dy_pc_train_score(t, f, k, scores);
        unsigned pred = best_valid(in, st, scores);
        int kc[3] = {INT32_MAX, INT32_MAX, INT32_MAX}, minc = INT32_MAX;
        for (unsigned kind = 0; kind < 3; kind++)
            if (kind_valid(st, n, kind)) {
                kc[kind] = cost(st, n, gh, kind);
                minc = kc[kind] < minc ? kc[kind] : minc;
            }
        /* the best-scoring transition among those that lose least */
        int s0 = st->sp ? st->stack[st->sp - 1] : -1, s1 = st->sp > 1 ? st->stack[st->sp - 2] : -1;
        unsigned gold = nc;
        bool pred_ok = false;
        for (unsigned c = 0; c < nc; c++) {
            if (!valid(in, st, c))
                continue;
            unsigned kind = c == 0 ? 0 : c <= L ? 1 : 2;
            if (kc[kind] != minc)
                continue;
            if (kind) {
                unsigned l = kind == 1 ? c - 1 : c - 1 - L;
                int h = kind == 1 ? st->b : s1;
                if (gh[s0] == h && l != gold_label[s0])
                    continue;
            }
            pred_ok |= c == pred;
            if (gold == nc || scores[c] > scores[gold])
                gold = c;
        }
        if (!pred_ok && !dy_pc_train_update(t, f, k, gold, pred))
            return -1;
        dy_pc_train_tick(t);
        bool follow = pred_ok || (explore && xorshift(rng) % 10 < 9);
        apply(in, st, follow ? pred : gold);
    }
    for (int i = 0; i < n; i++)
        right += (st->head[i] == n ? 0 : st->head[i] + 1) == gold_head[i] && st->label[i] == gold_label[i];
    return right;
}

void dy_dep_agree_voice(const dy_dep_voice *v, int n, const int *head, uint8_t *label)
{
    bool passive[DY_DEP_MAX_WORDS + 1] = {false}; /* by 1-based head */
    if (v->aux_pass == DY_DEP_NOLABEL)
        return;
    for (int i = 0; i < n; i++)
        if (label[i] == v->aux_pass)
            passive[head[i]] = true;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            if (v->subj[k] == DY_DEP_NOLABEL || v->subj_pass[k] == DY_DEP_NOLABEL)
                continue;
            if (label[i] == v->subj[k] && passive[head[i]])
                label[i] = v->subj_pass[k];
            else if (label[i] == v->subj_pass[k] && !passive[head[i]])
                label[i] = v->subj[k];
        }
}

/* Whether arc h->d crosses another: a word strictly between them whose head
 * lies outside [min, max] (the head chain leaves the span). */
static bool crossing(int n, const int *head, int d)
{
    int h = head[d] - 1; /* 0-based; -1 is the root, before every word */
    int lo = d < h ? d : h, hi = d < h ? h : d;
    if (h < 0)
        return false;
    for (int i = lo + 1; i < hi; i++) {
        int k = i; /* every word between must be dominated by h */
        int steps = 0;
        while (k != h && k >= 0 && steps++ <= n)
            k = head[k] - 1;
        if (k != h)
            return true;
    }
    return false;
}

void dy_dep_projectivize(int n, int *head)
{
    for (int rounds = 0; rounds < n * n; rounds++) {
        int pick = -1, len = 0;
        for (int d = 0; d < n; d++) {
            int l = head[d] - 1 - d;
            l = l < 0 ? -l : l;
            if (head[d] > 0 && crossing(n, head, d) && (pick < 0 || l < len)) {
                pick = d;
                len = l;
            }
        }
        if (pick < 0)
            return;
        head[pick] = head[head[pick] - 1]; /* lift to the grandparent */
    }
}
