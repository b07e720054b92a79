/* percep.h: the multiclass averaged perceptron (Collins 2002) behind the
 * tagger and the parser, over hashed sparse features.
 *
 * A feature is a 64-bit hash of a template number and its values; each
 * feature carries weights only for the classes it was ever updated for, so a
 * row is a short list of (class, weight) pairs rather than a dense vector of
 * every class. Two forms exist:
 *  - dy_pc_train: the growing table used while training (integer weights, so
 *    training is exact and reproducible; lazy averaging by timestamps);
 *  - dy_pc_model: the frozen, compiled form that is scored at run time. It
 *    is a read-only view over bytes (an open-addressing table of 32-bit
 *    fingerprints, then the weight entries), so a model in the binary or a
 *    mapped file is used where it lies, with no copy and no parsing.
 *
 * Ownership: dy_pc_train_new/free pair; dy_pc_compile writes into a caller's
 * buffer; a dy_pc_model points into bytes the caller keeps alive. */
#ifndef DY_PERCEP_H
#define DY_PERCEP_H
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define DY_PC_MAX_CLASSES 255 /* a class id fits a byte in the entries */
#define DY_PC_BLOCK 16        /* dense rows are summed in blocks of this many */
#define DY_PC_DENSE 255       /* entry count that marks a dense row */
/* Score arrays hold DY_PC_SCORES ints (classes rounded up to a block). */
#define DY_PC_SCORES 256

/* Feature hashing: a template number and up to three 64-bit values. */
static inline uint64_t dy_pc_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
static inline uint64_t dy_pc_feat(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    /* the values weighed by different odd constants and summed, then mixed
     * once: the products are independent, so this costs little more than
     * one mix, and the sum differs for any two features but with chance
     * 2^-64 */
    return dy_pc_mix(a * 0x9e3779b97f4a7c15ULL + b * 0xc2b2ae3d27d4eb4fULL + c * 0x165667b19e3779f9ULL +
                     (uint64_t)(tmpl + 1) * 0x27d4eb2f165667c5ULL);
}

typedef struct dy_pc_train dy_pc_train;

dy_pc_train *dy_pc_train_new(unsigned nclasses);
void dy_pc_train_free(dy_pc_train **t);
unsigned dy_pc_train_classes(const dy_pc_train *t);
/* Adds the current weights of feats[0..n) into scores[nclasses] (which the
 * caller zeroes). */
void dy_pc_train_score(const dy_pc_train *t, const uint64_t *feats, size_t n, int32_t *scores);
/* One perceptron update: +1 for the right class, -1 for the guess, on each
 * feature. Returns false when memory ran out (the table stays usable). */
bool dy_pc_train_update(dy_pc_train *t, const uint64_t *feats, size_t n, unsigned truth,
                        unsigned guess);
/* Advances the clock that averaging counts in: once per training instance. */
void dy_pc_train_tick(dy_pc_train *t);
/* Number of features and of (feature, class) weights held. */
void dy_pc_train_size(const dy_pc_train *t, size_t *features, size_t *entries);

/* The compiled form. Byte layout (little-endian, 8-byte aligned):
 *   u32 nclasses, u32 nslots, u32 nentries, f32 scale
 *   slots[nslots]: u32 fingerprint (0 = empty), u32 (first entry << 8 | count);
 *   a feature's probe starts at dy_pc_home and goes on linearly, wrapping
 *   entries[nentries]: a list of count (i16 weight, u8 class, u8 0), or when
 *   count is DY_PC_DENSE a dense row: an i16 weight for every class, padded
 *   with zeros to a multiple of DY_PC_BLOCK
 * A weight is the averaged weight times scale, rounded; entries that round
 * to 0 are dropped. */
typedef struct {
    uint32_t nclasses, nslots, nentries;
    float scale;
    const uint32_t *slots;   /* 2 * nslots words */
    const uint32_t *entries; /* nentries words */
    bool avx2;               /* the processor has AVX2: dense rows use it */
} dy_pc_model;

/* Writes the averaged, quantised model into buf (may be NULL to measure);
 * returns the bytes needed, or 0 when the model has too many entries for
 * the format. Weights whose quantised value is below min_abs are pruned. */
size_t dy_pc_compile(const dy_pc_train *t, int min_abs, void *buf, size_t cap);
/* Views compiled bytes; false when they are not a well-formed model. */
bool dy_pc_view(const void *buf, size_t len, dy_pc_model *m);

/* The first slot a feature probes: its low 32 bits scaled to the table
 * (Lemire's multiply-shift), so the table need not be a power of two. */
static inline uint32_t dy_pc_home(uint64_t f, uint32_t nslots)
{
    return (uint32_t)(((uint64_t)(uint32_t)f * nslots) >> 32);
}

/* Adds the weights of features f[0..n) (n <= DY_PC_MAX_FEATS) into scores
 * (DY_PC_SCORES ints: a dense row adds zeros past the last class).
 * The features' slots are fetched from memory all at once, then their
 * weight runs: a model of megabytes misses the cache on most lookups, and
 * overlapping the misses rather than waiting for each in turn is most of
 * the tagger's and parser's speed. */
#define DY_PC_MAX_FEATS 128
/* The bytes of scores that dy_pc_score may write: the classes rounded up
 * to a block (what a caller zeroes before scoring). */
static inline size_t dy_pc_score_bytes(const dy_pc_model *m)
{
    return (m->nclasses + DY_PC_BLOCK - 1) / DY_PC_BLOCK * DY_PC_BLOCK * sizeof(int32_t);
}
void dy_pc_score(const dy_pc_model *m, const uint64_t *f, size_t n, int32_t *scores);

#endif
