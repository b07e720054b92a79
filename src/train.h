/* train.h: trains the syntax model (tagger and parser) from a CoNLL-U
 * treebank and writes the model file that syntax.h describes.
 *
 * Procedure (doc/syntax.md has the why):
 *  1. read the training treebank; the tag set is every (UPOS, XPOS) pair
 *     seen, the label set every DEPREL, both sorted by name;
 *  2. build the lexicon: for each normalised word form seen at least
 *     DY_TRAIN_AMB_MIN times, its ambiguity class (the set of tags it takes
 *     in at least 1 in 20 of its uses), and its tag when it is frequent and
 *     unambiguous;
 *  3. tag the training set by jackknifing (each of `folds` parts tagged by a
 *     tagger trained on the others), so that the parser learns from tags as
 *     wrong as they will be at run time;
 *  4. train the final tagger on everything; train the parser on the
 *     jackknifed tags and projectivised trees with the dynamic oracle;
 *  5. average, quantise, and write the file.
 * Every random choice comes from one xorshift generator seeded by `seed`,
 * and each training job is independent of thread timing, so the same data
 * and options give the same file byte for byte.
 *
 * Ownership: the library never prints; progress lines go to the log
 * callback. */
#ifndef DY_TRAIN_H
#define DY_TRAIN_H
#include "../include/dyad.h"

#define DY_TRAIN_AMB_MIN 1

typedef struct {
    const char *train;      /* CoNLL-U training file (.zst or plain) */
    const char *out;        /* model file to write */
    unsigned tag_epochs;    /* passes of the tagger over the data */
    unsigned dep_epochs;    /* passes of the parser */
    unsigned folds;         /* jackknife parts (0 or 1: parser trains on gold tags) */
    unsigned max_sentences; /* 0 = all; else the first N (small test runs) */
    unsigned threads;       /* 1 or 2 */
    uint64_t seed;
    int prune_tagger;       /* weights whose quantised size (1..DY_PC_QMAX) is */
    int prune_parser;       /* below these are dropped; 0 counts as 1 */
    unsigned parsers;       /* parsers trained with different seeds, whose mean
                               is the model's (1..DY_TRAIN_MAX_PARSERS; 0 = 1) */
    unsigned dense_min;     /* a feature with this many weights or more gets a
                               dense row; 0 = dy_pc_dense_default */
    const char *info;       /* text stored in the model (provenance) */
    void (*log)(void *ctx, const char *line);
    void *log_ctx;
} dy_train_opts;

#define DY_TRAIN_MAX_PARSERS 8

dy_status dy_train_run(const dy_train_opts *o, dy_error *err);

#endif
