/* percep.c: the averaged perceptron's training table and its compiled form.
 *
 * Training keeps, for each feature, a chain of (class, weight) entries in one
 * pool. Weights are integers (each update adds or takes 1), and the average
 * is kept lazily: an entry remembers when its weight last changed and the
 * running sum of weight x time up to then, so an update costs O(1) and the
 * final average of entry e is (sum + (T - stamp) * w) / T. Integer sums make
 * training bit-for-bit reproducible for a given order of instances. */
#include "percep.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* DY_NO_AVX2 builds without the AVX2 path (to measure or test the other) */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(DY_NO_AVX2)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
#endif

/* The weights of one feature lie side by side in the pool (entries
 * off..off+n), so scoring a feature reads one short run of memory; a run
 * that fills is copied to the pool's end with twice the room. Scoring reads
 * only cls and w; the averaging sums sit in arrays of their own. */
typedef struct {
    uint64_t key;  /* feature hash; 0 = empty slot */
    uint32_t off;  /* first entry in the pool */
    uint16_t n;    /* entries used */
    uint16_t cap;  /* entries reserved */
} slot_t;

struct dy_pc_train {
    unsigned nclasses; /* classes scored */
    slot_t *slots;     /* open addressing, linear probing */
    size_t nslots;     /* power of two */
    size_t used;       /* occupied slots */
    uint8_t *cls;      /* pool: class of each entry */
    int32_t *w;        /* ... its current weight */
    int64_t *sum;      /* ... weight x time up to stamp */
    uint32_t *stamp;   /* ... clock at the last change of w */
    size_t npool, cappool;
    uint32_t clock;    /* instances seen */
};

dy_pc_train *dy_pc_train_new(unsigned nclasses)
{
    if (nclasses == 0 || nclasses > DY_PC_MAX_CLASSES)
        return NULL;
    dy_pc_train *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->nclasses = nclasses;
    t->nslots = 1u << 16;
    t->slots = calloc(t->nslots, sizeof *t->slots);
    if (!t->slots) {
        dy_pc_train_free(&t);
        return NULL;
    }
    return t;
}

void dy_pc_train_free(dy_pc_train **t)
{
    if (!t || !*t)
        return;
    free((*t)->slots);
    free((*t)->cls);
    free((*t)->w);
    free((*t)->sum);
    free((*t)->stamp);
    free(*t);
    *t = NULL;
}

unsigned dy_pc_train_classes(const dy_pc_train *t) { return t->nclasses; }

static inline uint64_t nonzero(uint64_t f) { return f ? f : 1; }

static const slot_t *find(const dy_pc_train *t, uint64_t f)
{
    size_t mask = t->nslots - 1;
    for (size_t i = (size_t)f & mask;; i = (i + 1) & mask) {
        if (t->slots[i].key == f)
            return &t->slots[i];
        if (t->slots[i].key == 0)
            return NULL;
    }
}

void dy_pc_train_score(const dy_pc_train *t, const uint64_t *feats, size_t n, int32_t *scores)
{
    for (size_t k = 0; k < n; k++) {
        const slot_t *s = find(t, nonzero(feats[k]));
        if (!s)
            continue;
        const uint8_t *c = t->cls + s->off;
        const int32_t *w = t->w + s->off;
        for (unsigned e = 0; e < s->n; e++)
            scores[c[e]] += w[e];
    }
}

static bool grow_slots(dy_pc_train *t)
{
    size_t n = t->nslots * 2;
    slot_t *s = calloc(n, sizeof *s);
    if (!s)
        return false;
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->slots[i].key)
            continue;
        size_t j = (size_t)t->slots[i].key & (n - 1);
        while (s[j].key)
            j = (j + 1) & (n - 1);
        s[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = s;
    t->nslots = n;
    return true;
}

/* The slot of f, created when absent; NULL when memory ran out. */
static slot_t *insert(dy_pc_train *t, uint64_t f)
{
    if (2 * (t->used + 1) > t->nslots && !grow_slots(t))
        return NULL;
    size_t mask = t->nslots - 1;
    size_t i = (size_t)f & mask;
    while (t->slots[i].key && t->slots[i].key != f)
        i = (i + 1) & mask;
    if (!t->slots[i].key) {
        t->slots[i].key = f;
        t->used++;
    }
    return &t->slots[i];
}

static bool grow_pool(dy_pc_train *t, size_t need)
{
    size_t cap = t->cappool ? t->cappool : 1u << 16;
    while (cap < need)
        cap *= 2;
    if (cap > UINT32_MAX)
        return false;
    void *p[4] = {realloc(t->cls, cap), realloc(t->w, cap * 4), realloc(t->sum, cap * 8),
                  realloc(t->stamp, cap * 4)};
    if (p[0]) t->cls = p[0];
    if (p[1]) t->w = p[1];
    if (p[2]) t->sum = p[2];
    if (p[3]) t->stamp = p[3];
    if (!p[0] || !p[1] || !p[2] || !p[3])
        return false;
    t->cappool = cap;
    return true;
}

static bool bump(dy_pc_train *t, slot_t *s, unsigned cls, int delta)
{
    unsigned e = 0;
    while (e < s->n && t->cls[s->off + e] != cls)
        e++;
    if (e == s->n) {
        if (s->n == s->cap) { /* move the run to the end with twice the room */
            unsigned cap = s->cap ? 2u * s->cap : 2u;
            cap = cap > t->nclasses ? t->nclasses : cap;
            if (t->npool + cap > t->cappool && !grow_pool(t, t->npool + cap))
                return false;
            size_t to = t->npool;
            memcpy(t->cls + to, t->cls + s->off, s->n);
            memcpy(t->w + to, t->w + s->off, s->n * 4u);
            memcpy(t->sum + to, t->sum + s->off, s->n * 8u);
            memcpy(t->stamp + to, t->stamp + s->off, s->n * 4u);
            s->off = (uint32_t)to;
            s->cap = (uint16_t)cap;
            t->npool += cap;
        }
        size_t x = s->off + e;
        t->cls[x] = (uint8_t)cls;
        t->w[x] = 0;
        t->sum[x] = 0;
        t->stamp[x] = t->clock;
        s->n++;
    }
    size_t x = s->off + e;
    t->sum[x] += (int64_t)t->w[x] * (int64_t)(t->clock - t->stamp[x]);
    t->stamp[x] = t->clock;
    t->w[x] += delta;
    return true;
}

bool dy_pc_train_update(dy_pc_train *t, const uint64_t *feats, size_t n, unsigned truth,
                        unsigned guess)
{
    if (truth == guess)
        return true;
    for (size_t k = 0; k < n; k++) {
        slot_t *s = insert(t, nonzero(feats[k]));
        if (!s || !bump(t, s, truth, 1))
            return false;
        /* the table may have moved while growing: look the slot up again */
        s = insert(t, nonzero(feats[k]));
        if (!s || !bump(t, s, guess, -1))
            return false;
    }
    return true;
}

void dy_pc_train_tick(dy_pc_train *t) { t->clock++; }

void dy_pc_train_size(const dy_pc_train *t, size_t *features, size_t *entries)
{
    *features = t->used;
    *entries = 0;
    for (size_t i = 0; i < t->nslots; i++)
        *entries += t->slots[i].n;
}

static double average(const dy_pc_train *t, size_t x)
{
    if (t->clock == 0)
        return 0;
    int64_t sum = t->sum[x] + (int64_t)t->w[x] * (int64_t)(t->clock - t->stamp[x]);
    return (double)sum / (double)t->clock;
}

/* The scale that maps the largest averaged weight to the int16 range. */
static float pick_scale(const dy_pc_train *t)
{
    double maxabs = 0;
    for (size_t i = 0; i < t->nslots; i++)
        for (unsigned e = 0; e < t->slots[i].n; e++) {
            double a = fabs(average(t, t->slots[i].off + e));
            if (a > maxabs)
                maxabs = a;
        }
    return maxabs > 0 ? (float)(32767.0 / maxabs) : 1.0f;
}

static inline int16_t quant(double a, float scale)
{
    double q = nearbyint(a * scale);
    return (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

/* Words a dense row of n classes takes: int16 weights padded to a whole
 * block of DY_PC_BLOCK. */
static size_t dense_words(unsigned n)
{
    return ((n + DY_PC_BLOCK - 1) / DY_PC_BLOCK) * DY_PC_BLOCK / 2;
}

/* The weights of training slot i that survive pruning, in class order (so
 * that the bytes do not depend on the order in which updates first touched
 * each class): classes into cls, weights into q; returns how many. */
static unsigned kept(const dy_pc_train *t, size_t i, int min_abs, float scale, uint8_t *cls, int16_t *q)
{
    unsigned k = 0;
    for (unsigned c = 0; c < t->nclasses; c++)
        for (unsigned e = 0; e < t->slots[i].n; e++) {
            size_t x = t->slots[i].off + e;
            if (t->cls[x] != c)
                continue;
            int16_t v = quant(average(t, x), scale);
            if (abs(v) >= min_abs) {
                cls[k] = (uint8_t)c;
                q[k++] = v;
            }
        }
    return k;
}

/* A feature that weighs many classes gets a dense row (at least as small
 * as its list, and summed a block at a time); others a list. */
static bool is_dense(unsigned k, unsigned nclasses) { return 2 * (size_t)k >= dense_words(nclasses); }

size_t dy_pc_compile(const dy_pc_train *t, int min_abs, void *buf, size_t cap)
{
    float scale = pick_scale(t);
    uint8_t cls[DY_PC_MAX_CLASSES];
    int16_t q[DY_PC_MAX_CLASSES];
    size_t nfeat = 0, nent = 0;
    for (size_t i = 0; i < t->nslots; i++) {
        unsigned k = kept(t, i, min_abs, scale, cls, q);
        nfeat += k > 0;
        nent += k == 0 ? 0 : is_dense(k, t->nclasses) ? dense_words(t->nclasses) : k;
    }
    /* three quarters full: a missing feature (most of those looked up)
     * probes about eight slots, one or two cache lines */
    size_t nslots = nfeat + nfeat / 3 + 16;
    if (nent >= (1u << 24) || nslots > UINT32_MAX)
        return 0;
    size_t need = 16 + nslots * 8 + ((nent * 4 + 7) & ~(size_t)7);
    if (!buf)
        return need;
    if (cap < need)
        return 0;
    memset(buf, 0, need);
    uint32_t *hdr = buf;
    hdr[0] = t->nclasses;
    hdr[1] = (uint32_t)nslots;
    hdr[2] = (uint32_t)nent;
    memcpy(&hdr[3], &scale, 4);
    uint32_t *slots = hdr + 4, *ents = slots + 2 * nslots;
    uint32_t next = 0;
    for (size_t i = 0; i < t->nslots; i++) {
        unsigned k = kept(t, i, min_abs, scale, cls, q);
        if (k == 0)
            continue;
        uint32_t first = next, count = k;
        if (is_dense(k, t->nclasses)) {
            int16_t *row = (int16_t *)(ents + next); /* zeros already */
            for (unsigned e = 0; e < k; e++)
                row[cls[e]] = q[e];
            next += (uint32_t)dense_words(t->nclasses);
            count = DY_PC_DENSE;
        } else {
            for (unsigned e = 0; e < k; e++)
                ents[next++] = (uint16_t)q[e] | (uint32_t)cls[e] << 16;
        }
        uint64_t f = t->slots[i].key;
        size_t j = dy_pc_home(f, (uint32_t)nslots);
        while (slots[2 * j])
            j = j + 1 == nslots ? 0 : j + 1;
        slots[2 * j] = (uint32_t)(f >> 32) | 1u;
        slots[2 * j + 1] = first << 8 | count;
    }
    return need;
}

bool dy_pc_view(const void *buf, size_t len, dy_pc_model *m)
{
    if (len < 16 || ((uintptr_t)buf & 3))
        return false;
    const uint32_t *hdr = buf;
    m->nclasses = hdr[0];
    m->nslots = hdr[1];
    m->nentries = hdr[2];
    memcpy(&m->scale, &hdr[3], 4);
    if (m->nclasses == 0 || m->nclasses > DY_PC_MAX_CLASSES || m->nslots == 0 ||
        m->nentries >= (1u << 24))
        return false;
    size_t need = 16 + (size_t)m->nslots * 8 + (((size_t)m->nentries * 4 + 7) & ~(size_t)7);
    if (len < need)
        return false;
    m->slots = hdr + 4;
    m->entries = m->slots + 2 * (size_t)m->nslots;
#ifdef HAVE_AVX2_PATH
    m->avx2 = __builtin_cpu_supports("avx2");
#else
    m->avx2 = false;
#endif
    /* every slot must point inside the entries, and every listed class must
     * be in range: a model that passed its checksum but was written by
     * another build must still never read out of bounds */
    size_t empty = 0, dense = dense_words(m->nclasses);
    for (uint32_t i = 0; i < m->nslots; i++) {
        uint32_t v = m->slots[2 * i + 1], off = v >> 8, n = v & 0xff;
        if (!m->slots[2 * i]) {
            empty++;
            continue;
        }
        if (n == DY_PC_DENSE) {
            if (off + dense > m->nentries)
                return false;
            continue;
        }
        if ((size_t)off + n > m->nentries)
            return false;
        for (uint32_t e = 0; e < n; e++)
            if (((m->entries[off + e] >> 16) & 0xff) >= m->nclasses)
                return false;
    }
    return empty > 0; /* a probe always ends */
}

/* Adds a dense row to the scores, eight classes at a time where SSE2 is
 * there (every x86-64): the common features weigh nearly every class. */
#if defined(__SSE2__)
static void add_dense(int32_t *scores, const int16_t *row, unsigned blocks)
{
    for (unsigned b = 0; b < blocks * (DY_PC_BLOCK / 8); b++) {
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(row + 8 * b));
        __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16); /* sign-extended */
        __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16);
        __m128i *sc = (__m128i *)(void *)(scores + 8 * b);
        _mm_storeu_si128(sc, _mm_add_epi32(_mm_loadu_si128(sc), lo));
        _mm_storeu_si128(sc + 1, _mm_add_epi32(_mm_loadu_si128(sc + 1), hi));
    }
}
#else
static void add_dense(int32_t *scores, const int16_t *row, unsigned blocks)
{
    for (unsigned x = 0; x < blocks * DY_PC_BLOCK; x++)
        scores[x] += row[x];
}
#endif

#ifdef HAVE_AVX2_PATH
/* The same with AVX2, where the processor has it (dy_pc_view asks): eight
 * weights widened and added with two instructions. */
__attribute__((target("avx2"))) static void add_dense_avx2(int32_t *scores, const int16_t *row,
                                                            unsigned blocks)
{
    for (unsigned b = 0; b < blocks * (DY_PC_BLOCK / 8); b++) {
        __m256i w = _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(const void *)(row + 8 * b)));
        __m256i *sc = (__m256i *)(void *)(scores + 8 * b);
        _mm256_storeu_si256(sc, _mm256_add_epi32(_mm256_loadu_si256(sc), w));
    }
}
#endif

void dy_pc_score(const dy_pc_model *m, const uint64_t *f, size_t n, int32_t *scores)
{
    uint32_t at[DY_PC_MAX_FEATS], run[DY_PC_MAX_FEATS];
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        at[j] = dy_pc_home(f[j], m->nslots);
        __builtin_prefetch(&m->slots[2 * (size_t)at[j]]);
    }
    for (size_t j = 0; j < n; j++) { /* probe; keep the runs found */
        uint32_t key = (uint32_t)(f[j] >> 32) | 1u;
        for (uint32_t i = at[j];; i = i + 1 == m->nslots ? 0 : i + 1) {
            uint32_t s = m->slots[2 * i];
            if (s == key) {
                run[k] = m->slots[2 * i + 1];
                __builtin_prefetch(&m->entries[run[k] >> 8]);
                k++;
                break;
            }
            if (s == 0)
                break;
        }
    }
    unsigned blocks = (m->nclasses + DY_PC_BLOCK - 1) / DY_PC_BLOCK;
    for (size_t j = 0; j < k; j++) {
        const uint32_t *e = m->entries + (run[j] >> 8);
        uint32_t c = run[j] & 0xff;
        if (c != DY_PC_DENSE) {
            for (uint32_t x = 0; x < c; x++)
                scores[(e[x] >> 16) & 0xff] += (int16_t)(e[x] & 0xffff);
            continue;
        }
#ifdef HAVE_AVX2_PATH
        if (m->avx2) {
            add_dense_avx2(scores, (const int16_t *)e, blocks);
            continue;
        }
#endif
        add_dense(scores, (const int16_t *)e, blocks);
    }
}
