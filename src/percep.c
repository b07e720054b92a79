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

static inline int16_t quant(double a, float scale)
{
    double q = nearbyint(a * scale);
    return (int16_t)(q > DY_PC_QMAX ? DY_PC_QMAX : q < -DY_PC_QMAX ? -DY_PC_QMAX : q);
}

/* Words a dense row of n classes takes: int16 weights padded to whole
 * groups of DY_PC_GROUP, so that rows are whole cache lines. */
static size_t dense_words(unsigned n)
{
    return ((n + DY_PC_GROUP - 1) / DY_PC_GROUP) * DY_PC_GROUP / 2;
}

/* Several tables trained alike (another seed each) are compiled into one
 * model whose weights are their means: as the scores are linear in the
 * weights, the model scores as the mean of the tables' scores would. A
 * feature is taken up from the first table that has it. */
typedef struct {
    const dy_pc_train *const *t;
    unsigned k;
} tables_t;

/* The mean weight of each class for table a's slot i into w (0 for classes
 * no table weighs); false when an earlier table has the feature. */
static bool mean_row(const tables_t *ts, unsigned a, size_t i, double *w)
{
    uint64_t key = ts->t[a]->slots[i].key;
    for (unsigned b = 0; b < a; b++)
        if (find(ts->t[b], key))
            return false;
    memset(w, 0, ts->t[a]->nclasses * sizeof *w);
    for (unsigned b = a; b < ts->k; b++) {
        const dy_pc_train *t = ts->t[b];
        const slot_t *sl = b == a ? &t->slots[i] : find(t, key);
        for (unsigned e = 0; sl && e < sl->n; e++)
            w[t->cls[sl->off + e]] += average(t, sl->off + e);
    }
    for (unsigned c = 0; c < ts->t[a]->nclasses; c++)
        w[c] /= ts->k;
    return true;
}

/* The scale that maps the largest mean weight to DY_PC_QMAX. */
static float pick_scale(const tables_t *ts)
{
    double maxabs = 0, w[DY_PC_MAX_CLASSES];
    for (unsigned a = 0; a < ts->k; a++)
        for (size_t i = 0; i < ts->t[a]->nslots; i++)
            if (ts->t[a]->slots[i].key && mean_row(ts, a, i, w))
                for (unsigned c = 0; c < ts->t[a]->nclasses; c++)
                    maxabs = fabs(w[c]) > maxabs ? fabs(w[c]) : maxabs;
    return maxabs > 0 ? (float)(DY_PC_QMAX / maxabs) : 1.0f;
}

/* The weights of table a's slot i that survive pruning, in class order:
 * classes into cls, weights into q; returns how many. */
static unsigned kept(const tables_t *ts, unsigned a, size_t i, int min_abs, float scale, uint8_t *cls,
                     int16_t *q)
{
    double w[DY_PC_MAX_CLASSES];
    if (!ts->t[a]->slots[i].key || !mean_row(ts, a, i, w))
        return 0;
    unsigned k = 0;
    for (unsigned c = 0; c < ts->t[a]->nclasses; c++) {
        int16_t v = quant(w[c], scale);
        if (w[c] != 0 && abs(v) >= min_abs) {
            cls[k] = (uint8_t)c;
            q[k++] = v;
        }
    }
    return k;
}

/* Summing a dense row costs about as much as a list of four entries (a
 * register add per 16 classes, against a load and a scattered add per
 * entry), but takes 256 bytes; from ten weights on, the EWT model stays
 * within 16 MB (15.6; 17.0 from eight) and parses 1% slower than from
 * eight (callgrind). */
unsigned dy_pc_dense_default(unsigned nclasses)
{
    (void)nclasses;
    return 10;
}

/* Puts a feature in the first bucket with room from its home on. */
static void place(uint32_t *buckets, uint32_t nb, uint64_t f, uint32_t run)
{
    for (uint32_t b = dy_pc_home(f, nb);; b = b + 1 == nb ? 0 : b + 1) {
        uint32_t *bk = buckets + 16 * (size_t)b;
        for (unsigned i = 0; i < DY_PC_BUCKET; i++)
            if (!bk[i]) {
                bk[i] = (uint32_t)(f >> 32) | 1u;
                bk[DY_PC_BUCKET + i] = run;
                return;
            }
    }
}

/* Writes the entries (dense rows first, each on whole cache lines, then the
 * lists) and places every feature; the first pass (ents NULL) only counts
 * features and entry words. */
static void lay_out(const tables_t *ts, int min_abs, unsigned dense_min, float scale, uint32_t *buckets,
                    uint32_t nb, uint32_t *ents, size_t *nfeat, size_t *nent)
{
    uint8_t cls[DY_PC_MAX_CLASSES];
    int16_t q[DY_PC_MAX_CLASSES];
    size_t row = dense_words(ts->t[0]->nclasses), next = 0;
    *nfeat = 0;
    for (int dense = 1; dense >= 0; dense--)
        for (unsigned a = 0; a < ts->k; a++)
        for (size_t i = 0; i < ts->t[a]->nslots; i++) {
            unsigned k = kept(ts, a, i, min_abs, scale, cls, q);
            if (k == 0 || (k >= dense_min || k >= DY_PC_ONE) != dense)
                continue;
            ++*nfeat;
            uint32_t run = (uint32_t)next << 8 | (dense ? DY_PC_DENSE : k);
            if (k == 1 && !dense) { /* the weight in the bucket, no entry */
                if (ents)
                    place(buckets, nb, ts->t[a]->slots[i].key,
                          (uint32_t)(uint16_t)q[0] << 16 | (uint32_t)cls[0] << 8 | DY_PC_ONE);
                continue;
            }
            if (dense && ents) {
                int16_t *r = (int16_t *)(ents + next); /* zeros already */
                for (unsigned e = 0; e < k; e++)
                    r[cls[e]] = q[e];
            } else if (ents) {
                for (unsigned e = 0; e < k; e++)
                    ents[next + e] = (uint16_t)q[e] | (uint32_t)cls[e] << 16;
            }
            next += dense ? row : k;
            if (ents)
                place(buckets, nb, ts->t[a]->slots[i].key, run);
        }
    *nent = next;
}

size_t dy_pc_compile_mean(const dy_pc_train *const *t, unsigned k, int min_abs, unsigned dense_min,
                          void *buf, size_t cap)
{
    tables_t ts = {t, k};
    for (unsigned a = 1; a < k; a++)
        if (t[a]->nclasses != t[0]->nclasses)
            return 0;
    if (k == 0)
        return 0;
    float scale = pick_scale(&ts);
    size_t nfeat, nent;
    if (dense_min == 0)
        dense_min = 1;
    lay_out(&ts, min_abs, dense_min, scale, NULL, 0, NULL, &nfeat, &nent);
    /* three quarters full: a bucket overflows into the next seldom, and
     * most lookups (most are of features the model lacks) read one line */
    size_t nb = (nfeat + nfeat / 3) / DY_PC_BUCKET + 2;
    if (nent >= (1u << 24) || nb > UINT32_MAX / 16)
        return 0;
    size_t need = DY_PC_HEADER + nb * 64 + ((nent * 4 + 63) & ~(size_t)63);
    if (!buf)
        return need;
    if (cap < need)
        return 0;
    memset(buf, 0, need);
    uint32_t *hdr = buf;
    hdr[0] = t[0]->nclasses;
    hdr[1] = (uint32_t)nb;
    hdr[2] = (uint32_t)nent;
    memcpy(&hdr[3], &scale, 4);
    hdr[4] = DY_PC_QMAX;
    uint32_t *buckets = hdr + DY_PC_HEADER / 4;
    lay_out(&ts, min_abs, dense_min, scale, buckets, (uint32_t)nb, buckets + 16 * nb, &nfeat, &nent);
    return need;
}

size_t dy_pc_compile(const dy_pc_train *t, int min_abs, unsigned dense_min, void *buf, size_t cap)
{
    return dy_pc_compile_mean(&t, 1, min_abs, dense_min, buf, cap);
}

/* Every run must lie inside the entries and every listed class be in range:
 * a model that passed its checksum but was written by another build must
 * still never read out of bounds. */
static bool run_ok(const dy_pc_model *m, uint32_t v)
{
    uint32_t off = v >> 8, n = v & 0xff;
    if (n == DY_PC_ONE)
        return ((v >> 8) & 0xff) < m->nclasses;
    if (n == DY_PC_DENSE)
        return (size_t)off + dense_words(m->nclasses) <= m->nentries;
    if (n == 0 || (size_t)off + n > m->nentries)
        return false;
    for (uint32_t e = 0; e < n; e++)
        if (((m->entries[off + e] >> 16) & 0xff) >= m->nclasses)
            return false;
    return true;
}

bool dy_pc_view(const void *buf, size_t len, dy_pc_model *m)
{
    if (len < DY_PC_HEADER || ((uintptr_t)buf & 3))
        return false;
    const uint32_t *hdr = buf;
    m->nclasses = hdr[0];
    m->nbuckets = hdr[1];
    m->nentries = hdr[2];
    memcpy(&m->scale, &hdr[3], 4);
    /* weights over DY_PC_QMAX would overflow the 16-bit sums */
    if (m->nclasses == 0 || m->nclasses > DY_PC_MAX_CLASSES || m->nbuckets == 0 ||
        m->nbuckets > UINT32_MAX / 16 || m->nentries >= (1u << 24) || hdr[4] > DY_PC_QMAX)
        return false;
    size_t need = DY_PC_HEADER + (size_t)m->nbuckets * 64 + (((size_t)m->nentries * 4 + 63) & ~(size_t)63);
    if (len < need)
        return false;
    m->buckets = hdr + DY_PC_HEADER / 4;
    m->entries = m->buckets + 16 * (size_t)m->nbuckets;
#ifdef HAVE_AVX2_PATH
    m->avx2 = __builtin_cpu_supports("avx2");
#else
    m->avx2 = false;
#endif
    size_t empty = 0;
    for (uint32_t b = 0; b < m->nbuckets; b++)
        for (unsigned i = 0; i < DY_PC_BUCKET; i++) {
            const uint32_t *bk = m->buckets + 16 * (size_t)b;
            if (!bk[i])
                empty++;
            else if (!run_ok(m, bk[DY_PC_BUCKET + i]))
                return false;
        }
    return empty > 0; /* a probe always ends */
}

/* The run of a feature, or 0 when the model lacks it (a run is never 0:
 * its count is at least 1). The eight fingerprints of a bucket are compared
 * at once where SSE2 is there (every x86-64). */
static inline uint32_t lookup(const dy_pc_model *m, uint32_t b, uint32_t key)
{
    for (;;) {
        const uint32_t *bk = m->buckets + 16 * (size_t)b;
#if defined(__SSE2__)
        __m128i k = _mm_set1_epi32((int)key);
        __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)bk);
        __m128i hi = _mm_loadu_si128((const __m128i *)(const void *)(bk + 4));
        unsigned hit = (unsigned)_mm_movemask_epi8(_mm_packs_epi32(_mm_cmpeq_epi32(lo, k), _mm_cmpeq_epi32(hi, k)));
        if (hit)
            return bk[DY_PC_BUCKET + __builtin_ctz(hit) / 2];
#else
        for (unsigned i = 0; i < DY_PC_BUCKET; i++)
            if (bk[i] == key)
                return bk[DY_PC_BUCKET + i];
#endif
        if (!bk[DY_PC_BUCKET - 1])
            return 0; /* places fill in order: this bucket has room, so no
                         feature went on to the next */
        b = b + 1 == m->nbuckets ? 0 : b + 1;
    }
}

/* Sums the dense rows into scores. Weights are at most DY_PC_QMAX, so up
 * to BATCH rows are summed in 16-bit lanes, sixteen classes an AVX2
 * register (eight with SSE2), before each batch is widened into the 32-bit
 * scores. */
#define BATCH (32767 / DY_PC_QMAX)
#if defined(__SSE2__)
static inline __m128i widen_lo(__m128i w) { return _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16); }
static inline __m128i widen_hi(__m128i w) { return _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16); }
static inline void widen_add(int32_t *sc, __m128i a)
{
    __m128i *p = (__m128i *)(void *)sc;
    _mm_storeu_si128(p, _mm_add_epi32(_mm_loadu_si128(p), widen_lo(a)));
    _mm_storeu_si128(p + 1, _mm_add_epi32(_mm_loadu_si128(p + 1), widen_hi(a)));
}
#define QADD(i) a##i = _mm_add_epi16(a##i, _mm_loadu_si128(w + (i)))
static void add_dense(int32_t *scores, const int16_t **rows, size_t n, unsigned groups)
{
    memset(scores, 0, groups * DY_PC_GROUP * sizeof *scores);
    for (unsigned g = 0; g < groups; g++)
        for (size_t r0 = 0; r0 < n; r0 += BATCH) {
            __m128i a0 = _mm_setzero_si128(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (size_t r = r0; r < n && r < r0 + BATCH; r++) {
                const __m128i *w = (const __m128i *)(const void *)(rows[r] + DY_PC_GROUP * g);
                QADD(0); QADD(1); QADD(2); QADD(3); QADD(4); QADD(5); QADD(6); QADD(7);
            }
            int32_t *sc = scores + DY_PC_GROUP * g;
            widen_add(sc, a0); widen_add(sc + 8, a1); widen_add(sc + 16, a2); widen_add(sc + 24, a3);
            widen_add(sc + 32, a4); widen_add(sc + 40, a5); widen_add(sc + 48, a6); widen_add(sc + 56, a7);
        }
}
#undef QADD
#else
static void add_dense(int32_t *scores, const int16_t **rows, size_t n, unsigned groups)
{
    for (unsigned x = 0; x < groups * DY_PC_GROUP; x++) {
        int32_t s = 0;
        for (size_t r = 0; r < n; r++)
            s += rows[r][x];
        scores[x] = s;
    }
}
#endif

#ifdef HAVE_AVX2_PATH
/* The same with AVX2, where the processor has it (dy_pc_view asks): two
 * groups (128 classes) in eight registers, one add a register a row. */
__attribute__((target("avx2"))) static inline void widen_add_avx2(int32_t *sc, __m256i a)
{
    __m256i *p = (__m256i *)(void *)sc;
    __m256i lo = _mm256_cvtepi16_epi32(_mm256_castsi256_si128(a));
    __m256i hi = _mm256_cvtepi16_epi32(_mm256_extracti128_si256(a, 1));
    _mm256_storeu_si256(p, _mm256_add_epi32(_mm256_loadu_si256(p), lo));
    _mm256_storeu_si256(p + 1, _mm256_add_epi32(_mm256_loadu_si256(p + 1), hi));
}
#define QADD(i) a##i = _mm256_add_epi16(a##i, _mm256_loadu_si256(w + (i)))
#define WIDEN(i) widen_add_avx2(sc + 16 * (i), a##i)
__attribute__((target("avx2"))) static void add_dense_avx2(int32_t *scores, const int16_t **rows,
                                                            size_t n, unsigned groups)
{
    memset(scores, 0, groups * DY_PC_GROUP * sizeof *scores);
    unsigned g = 0;
    for (; g + 2 <= groups; g += 2)
        for (size_t r0 = 0; r0 < n; r0 += BATCH) {
            __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0,
                    a7 = a0;
            for (size_t r = r0; r < n && r < r0 + BATCH; r++) {
                const __m256i *w = (const __m256i *)(const void *)(rows[r] + DY_PC_GROUP * g);
                QADD(0); QADD(1); QADD(2); QADD(3); QADD(4); QADD(5); QADD(6); QADD(7);
            }
            int32_t *sc = scores + DY_PC_GROUP * g;
            WIDEN(0); WIDEN(1); WIDEN(2); WIDEN(3); WIDEN(4); WIDEN(5); WIDEN(6); WIDEN(7);
        }
    for (; g < groups; g++)
        for (size_t r0 = 0; r0 < n; r0 += BATCH) {
            __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
            for (size_t r = r0; r < n && r < r0 + BATCH; r++) {
                const __m256i *w = (const __m256i *)(const void *)(rows[r] + DY_PC_GROUP * g);
                QADD(0); QADD(1); QADD(2); QADD(3);
            }
            int32_t *sc = scores + DY_PC_GROUP * g;
            WIDEN(0); WIDEN(1); WIDEN(2); WIDEN(3);
        }
}
#undef QADD
#undef WIDEN
#endif

void dy_pc_score(const dy_pc_model *m, const uint64_t *f, size_t n, int32_t *scores)
{
    uint32_t at[DY_PC_MAX_FEATS], run[DY_PC_MAX_FEATS];
    const int16_t *dense[DY_PC_MAX_FEATS];
    size_t nd = 0, ns = 0;
    unsigned groups = (m->nclasses + DY_PC_GROUP - 1) / DY_PC_GROUP;
    for (size_t j = 0; j < n; j++) {
        at[j] = dy_pc_home(f[j], m->nbuckets);
        __builtin_prefetch(&m->buckets[16 * (size_t)at[j]]);
    }
    for (size_t j = 0; j < n; j++) { /* probe; keep the runs found */
        uint32_t r = lookup(m, at[j], (uint32_t)(f[j] >> 32) | 1u);
        if (!r)
            continue;
        const uint32_t *e = m->entries + (r >> 8);
        if ((r & 0xff) == DY_PC_DENSE) {
            __builtin_prefetch(e);
            dense[nd++] = (const int16_t *)(const void *)e;
        } else {
            if ((r & 0xff) != DY_PC_ONE)
                __builtin_prefetch(e);
            run[ns++] = r;
        }
    }
#ifdef HAVE_AVX2_PATH
    if (m->avx2)
        add_dense_avx2(scores, dense, nd, groups);
    else
#endif
        add_dense(scores, dense, nd, groups);
    for (size_t j = 0; j < ns; j++) {
        uint32_t r = run[j], c = r & 0xff;
        if (c == DY_PC_ONE) {
            scores[(r >> 8) & 0xff] += (int16_t)(r >> 16);
            continue;
        }
        const uint32_t *e = m->entries + (r >> 8);
        for (uint32_t x = 0; x < c; x++)
            scores[(e[x] >> 16) & 0xff] += (int16_t)(e[x] & 0xffff);
    }
}
