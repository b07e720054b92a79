/* pattern.h: a clause's tokens and the matching of a verb's dictionary
 * patterns against them (TABARI manual 5.5-5.8; PETRARCH's synsets and
 * joined elements). The coder (code.c) asks which pattern of a verb
 * matches and which units the pattern's slots ($ + % ^ @) take.
 *
 * Ownership: a dy_clause's arrays live in the sentence's scratch arena
 * (the caller's); nothing here allocates but dy_pat_clause_bloom and
 * dy_pat_whole_clause, from the arena they are given. */
#ifndef DY_PATTERN_H
#define DY_PATTERN_H
#include "code.h"
#include "parse.h"

/* A clause: the live (not deleted) tokens between clause boundaries. */
typedef struct {
    int16_t *L;   /* token indexes */
    int m;        /* count */
    uint16_t *memo; /* synset matches: [syn * m + pos] = end + 2, 1 none, 0 not yet
                       known (so that a cleared block starts it) */
    uint64_t bloom; /* bit per first two letters of its words (dy_dict_word_bit): a
                       pattern naming a word none of them starts with
                       cannot match here */
    uint32_t *words; /* open-addressing set of its words' dy_dict_word_hash */
    uint32_t wcap;   /* power of two, at least twice m; 0: no set */
} dy_clause;

typedef struct {
    int src_u, tgt_u;   /* unit ids set by $, +, % (or -1) */
    bool comp;          /* % used */
    bool designated;    /* any of $ + % present */
    int skip[8];        /* units passed over by ^: neither source nor target */
    int nskip;
    int attr_u;         /* unit set by @ (attribution), -1 none */
} dy_slots;

typedef struct {
    const dy_sent *s;
    const struct dy_dict *d;
    const dy_clause *c;
    int16_t *pos_of;    /* token index -> position in clause, -1 if absent */
    const dy_coder *coder; /* for its synset index; NULL: none */
    int lo, hi;         /* clause positions a pattern's elements may take:
                         * DY_PAT_REACH around the verb, so that a verb's
                         * patterns cost the same in a sentence of any
                         * length (every verb scanning the whole clause made
                         * coding quadratic in its length) */
} dy_mctx;

/* tokens before and after a verb that its patterns read: far more than any
 * pattern spans in news text, a bound on the work per verb */
#define DY_PAT_REACH 48

/* The clause's word summaries: the bloom bits and the set of whole words
 * (in arena a; without memory, no set, no filter). */
void dy_pat_clause_bloom(const dy_sent *s, dy_clause *cl, dy_arena *a);
/* Can the clause hold every whole word the pattern names? */
bool dy_pat_clause_has_words(const dy_clause *cl, const dy_pattern *pt);
/* Last clause position of the root phrase whose head is at position p. */
int dy_pat_root_end(const dy_sent *s, const dy_clause *cl, int p);
/* The whole sentence as one clause (its eliminated comma clauses too when
 * deleted is set), for the phrase searches outside the clause loop; false
 * without memory. */
bool dy_pat_whole_clause(dy_coder *c, const dy_sent *s, bool deleted, dy_clause *cl, int16_t **pos_of);
/* A word that is no verb, actor or closed-class word: a noun or modifier. */
bool dy_pat_plain_noun(const dy_ptok *t);
/* The live unit that starts at clause position p, or -1. */
int dy_pat_unit_at(const dy_mctx *x, int p);
/* Did the pattern pass over unit u (^)? */
bool dy_pat_skipped(const dy_sent *s, const dy_slots *sl, int u);
/* Matches sequence q from clause position p on; its last position, or -1. */
int dy_pat_seq_fwd(const dy_mctx *x, const dy_seq *q, int p, dy_slots *sl);
/* Does pattern pt's part after the verb match from v1 on (*lastp: its last
 * position), its part before the verb up to v0 (*firstp: its first)? */
bool dy_pat_match_lower(const dy_mctx *x, const dy_pattern *pt, int v1, dy_slots *sl, int *lastp);
bool dy_pat_match_upper(const dy_mctx *x, const dy_pattern *pt, int v0, dy_slots *sl, int *firstp);
/* Does sequence q name words only (no actor slot)? */
bool dy_pat_words_only(const dy_seq *q);

#endif
