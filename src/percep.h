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
#define DY_PC_GROUP 64        /* dense rows are whole groups of this many classes */
#define DY_PC_DENSE 255       /* entry count that marks a dense row */
#define DY_PC_ONE 254         /* ... and one weight kept in the bucket itself */
/* Score arrays hold DY_PC_SCORES ints (classes rounded up to a group). */
#define DY_PC_SCORES 256
/* The largest quantised weight: eight weights sum without overflow in 16
 * bits, so dense rows are summed eight at a time in 16-bit lanes. */
#define DY_PC_QMAX 4095

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
    /* the values weighed by different odd constants and summed (the sum
     * differs for any two features but with chance 2^-64), then folded and
     * multiplied once: the high half (the fingerprint) depends on every
     * bit, and so do the low half's high bits, which pick the bucket. Half
     * the work of a full mix, on the path every feature takes. */
    uint64_t h = a * 0x9e3779b97f4a7c15ULL + b * 0xc2b2ae3d27d4eb4fULL + c * 0x165667b19e3779f9ULL +
                 (uint64_t)(tmpl + 1) * 0x27d4eb2f165667c5ULL;
    return (h ^ (h >> 32)) * 0xff51afd7ed558ccdULL;
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

/* The compiled form. Byte layout (little-endian, 64-byte aligned where the
 * bytes are):
 *   u32 nclasses, u32 nbuckets, u32 nentries, f32 scale, u32 bound on the
 *   weights' size (DY_PC_QMAX of the writer), zeros to 64 bytes
 *   buckets[nbuckets], one cache line each: u32 fingerprint[8] (0 = empty),
 *   then u32 run[8] (first entry << 8 | count, or for a feature of one
 *   weight, i16 weight << 16 | class << 8 | DY_PC_ONE); a feature is put in the
 *   first bucket with room from dy_pc_home on, wrapping, so a lookup reads
 *   one line in most cases and stops at the first bucket with an empty place
 *   entries[nentries]: first the dense rows (count DY_PC_DENSE): an i16
 *   weight for every class, padded with zeros to a multiple of DY_PC_GROUP
 *   (whole cache lines); then the lists: count (i16 weight, u8 class, u8 0)
 * A weight is the averaged weight times scale, rounded (at most
 * DY_PC_QMAX); entries that round to 0 are dropped. */
#define DY_PC_BUCKET 8   /* features a bucket holds */
#define DY_PC_HEADER 64  /* bytes before the buckets */
typedef struct {
    uint32_t nclasses, nbuckets, nentries;
    float scale;
    const uint32_t *buckets; /* 16 * nbuckets words */
    const uint32_t *entries; /* nentries words */
    bool avx2;               /* the processor has AVX2: dense rows use it */
} dy_pc_model;

/* Writes the averaged, quantised model into buf (may be NULL to measure);
 * returns the bytes needed, or 0 when the model has too many entries for
 * the format. Weights whose quantised value is below min_abs are pruned; a
 * feature that keeps at least dense_min weights gets a dense row
 * (dy_pc_dense_default gives the usual value). */
size_t dy_pc_compile(const dy_pc_train *t, int min_abs, unsigned dense_min, void *buf, size_t cap);
/* The same for the mean of k tables of as many classes (k runs of one
 * training with different seeds): a model that scores as their mean. */
size_t dy_pc_compile_mean(const dy_pc_train *const *t, unsigned k, int min_abs, unsigned dense_min,
                          void *buf, size_t cap);
unsigned dy_pc_dense_default(unsigned nclasses);
/* Views compiled bytes; false when they are not a well-formed model. */
bool dy_pc_view(const void *buf, size_t len, dy_pc_model *m);

/* The first bucket a feature probes: its low 32 bits scaled to the table
 * (Lemire's multiply-shift), so the table need not be a power of two. */
static inline uint32_t dy_pc_home(uint64_t f, uint32_t nbuckets)
{
    return (uint32_t)(((uint64_t)(uint32_t)f * nbuckets) >> 32);
}

/* Sets scores (DY_PC_SCORES ints; those past the last class are written
 * too) to the summed weights of features f[0..n) (n <= DY_PC_MAX_FEATS).
 * The features' buckets are fetched from memory all at once, then their
 * weight runs: a model of megabytes misses the cache on most lookups, and
 * overlapping the misses rather than waiting for each in turn is most of
 * the tagger's and parser's speed. The dense rows are summed in registers,
 * a group of classes at a time, then the lists are added. */
#define DY_PC_MAX_FEATS 128
void dy_pc_score(const dy_pc_model *m, const uint64_t *f, size_t n, int32_t *scores);

#endif
