/* depparse.h: the dependency parser: greedy arc-hybrid transitions
 * (Kuhlmann et al. 2011) scored by an averaged perceptron, trained with the
 * dynamic oracle of Goldberg and Nivre (2012, 2013).
 *
 * A configuration is a stack, a buffer front b, and the arcs so far; the
 * artificial root sits after the last word (Ballesteros and Nivre 2013), so
 * a sentence gets exactly one root, attached last. Transitions (classes):
 *   0          SHIFT      push b
 *   1 + l      LEFT-l     s0 <- b with label l, pop s0
 *   1 + L + l  RIGHT-l    s1 -> s0 with label l, pop s0
 * The feature templates (Zhang and Nivre 2011, adapted) are in depparse.c.
 *
 * Ownership: a dy_dep_state is scratch memory the caller owns (one per
 * thread); nothing here allocates. */
#ifndef DY_DEPPARSE_H
#define DY_DEPPARSE_H
#include "percep.h"

#define DY_DEP_MAX_WORDS 1024
#define DY_DEP_MAX_LABELS 64 /* label sets are 64-bit masks */
/* Version of the transition system and feature templates (as
 * DY_TAG_FEATURES): bump it on any change to them. */
#define DY_DEP_FEATURES 6u

typedef struct {
    int n;              /* words */
    const uint64_t *w;  /* normalised-form hash of each word */
    const uint8_t *t;   /* tag of each word */
    unsigned nlabels;   /* L */
    unsigned root;      /* label id of "root" */
} dy_dep_input;

typedef struct {
    int stack[DY_DEP_MAX_WORDS + 1];
    int sp;                            /* stack depth */
    int b;                             /* buffer front; n is the root */
    int head[DY_DEP_MAX_WORDS + 1];    /* -1 until attached; n = root */
    uint8_t label[DY_DEP_MAX_WORDS + 1];
    int lc[DY_DEP_MAX_WORDS + 1][2];   /* leftmost, second leftmost child */
    int rc[DY_DEP_MAX_WORDS + 1][2];   /* rightmost, second rightmost child */
    uint8_t nl[DY_DEP_MAX_WORDS + 1];  /* left children (capped) */
    uint8_t nr[DY_DEP_MAX_WORDS + 1];  /* right children (capped) */
    uint64_t ls[DY_DEP_MAX_WORDS + 1]; /* labels of left children, as a set */
    uint64_t rs[DY_DEP_MAX_WORDS + 1]; /* labels of right children */
} dy_dep_state;

/* Parses: head[i] is 0 for the root or the 1-based head; label[i] a label id. */
void dy_dep_run(const dy_pc_model *m, const dy_dep_input *in, dy_dep_state *st, int *head,
                uint8_t *label);
/* One training pass over a sentence with gold (projective) heads, 1-based as
 * in CoNLL-U, and labels. explore: follow the model's own transition with
 * probability 0.9 when it is wrong (rng is the caller's xorshift state).
 * Returns the arcs that were right (head and label), or -1 without memory. */
int dy_dep_learn(dy_pc_train *t, const dy_dep_input *in, dy_dep_state *st, const int *gold_head,
                 const uint8_t *gold_label, bool explore, uint64_t *rng);
/* The relations that mark voice, as label ids (DY_DEP_NOLABEL when the
 * model lacks one). */
#define DY_DEP_NOLABEL 255
typedef struct {
    uint8_t aux_pass;                /* aux:pass */
    uint8_t subj[2], subj_pass[2];   /* nsubj, csubj; nsubj:pass, csubj:pass */
} dy_dep_voice;

/* Makes each subject's relation agree with its clause's voice, as UD
 * annotates it: a subject is :pass exactly when its head has an aux:pass
 * dependent (in EWT train, no nsubj or csubj has such a head, and 97% of
 * nsubj:pass do; on EWT dev this raises nsubj:pass recall from 82.5 to
 * 84.4 and precision from 79.9 to 82.8). The greedy parser often picks the
 * subject's label before it has seen the auxiliary, or without it. */
void dy_dep_agree_voice(const dy_dep_voice *v, int n, const int *head, uint8_t *label);

/* Makes a tree projective by lifting each crossing arc to the head's head
 * (the shortest first) until none cross. head is 1-based, 0 = root. */
void dy_dep_projectivize(int n, int *head);

#endif
