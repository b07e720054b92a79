/* tagger.h: the part-of-speech tagger: greedy, left to right, an averaged
 * perceptron over one joint class per (UPOS, XPOS) pair seen in training.
 *
 * Each word is first described once (dy_tag_word: hashes of its form, its
 * affixes and shape, and what the lexicon knows of it); the features of a
 * position combine those of a five-word window with the two tags already
 * chosen on the left. Frequent words that training saw with one tag only
 * take it from the lexicon without scoring. The feature templates are listed
 * in tagger.c and in doc/syntax.md.
 *
 * Ownership: nothing here allocates; callers pass arrays of n words. */
#ifndef DY_TAGGER_H
#define DY_TAGGER_H
#include "percep.h"

#define DY_TAG_NONE 255 /* no fixed tag */
/* Version of the feature templates and word descriptions: a model records
 * the one it was trained with, and is refused by code with another. Bump it
 * on any change to features(), dy_tag_describe() or dy_pc_feat(). */
#define DY_TAG_FEATURES 3u

/* The lexicon: word (normalised form) -> ambiguity class and fixed tag.
 * Byte layout: u32 nslots (power of two), u32 0, then nslots x
 * { u32 fingerprint (0 = empty), u32 class << 8 | fixed tag }. */
typedef struct {
    uint32_t nslots;
    const uint32_t *slots;
} dy_tag_lex;

typedef struct {
    uint64_t norm;   /* lower case, digits as 0 */
    uint64_t form;   /* exact form */
    uint64_t suf[4]; /* last 1..4 bytes of norm */
    uint64_t pre[3]; /* first 1..3 bytes of norm */
    uint64_t shape;  /* Xx/d classes, runs cut at 2 */
    uint64_t amb;    /* tag set seen in training, or a constant for unknown words */
    uint8_t fixed;   /* tag for an unambiguous frequent word, or DY_TAG_NONE */
    uint8_t flags;   /* TW_* */
    bool name;       /* a word of a name the dictionaries found (dy_tag_run) */
} dy_tag_word;

/* Hash of a normalised form (the key of the lexicon and of word features). */
uint64_t dy_tag_norm_hash(const char *s, size_t n);
/* Describes word s[0..n) (lex may have no slots: then every word is unknown). */
void dy_tag_describe(const dy_tag_lex *lex, const char *s, size_t n, dy_tag_word *w);
/* Looks a normalised-form hash up; returns the packed value or 0. */
uint32_t dy_tag_lex_get(const dy_tag_lex *lex, uint64_t norm);
bool dy_tag_lex_view(const void *buf, size_t len, dy_tag_lex *lex);

/* Tags n words with a compiled model: tags[i] is a joint class. With
 * verbal (a flag per class: VERB and AUX), a word marked as a name takes
 * the best class that is not verbal: the dictionaries know "See" of "the
 * Holy See" is no verb, not whether "Ukrainian" of "Ukrainian forces" is
 * a proper noun or an adjective. */
void dy_tag_run(const dy_pc_model *m, const dy_tag_word *w, int n, const bool *verbal, uint8_t *tags);
/* One training pass over a sentence: tags greedily with the training
 * weights, updating them on each error; returns the words tagged right, or
 * -1 when memory ran out. */
int dy_tag_learn(dy_pc_train *t, const dy_tag_word *w, int n, const uint8_t *gold, uint8_t *tags);

#endif
