/* lex.h: turns one sentence into tokens, applying TABARI's input filter
 * (upper case, diacritics removed, sentence-final periods dropped, '?', '!'
 * and '-' as blanks, commas inside numbers removed, ';' as ',', commas as
 * tokens of their own).
 *
 * Tokens are {offset,len} spans into the caller's sentence plus a pointer to
 * the normalized spelling; all of it is allocated from the caller's arena,
 * nothing is malloc'd per token. */
#ifndef DY_LEX_H
#define DY_LEX_H
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "arena.h"

/* closed word classes TABARI's parser knows without a dictionary */
enum dy_wcls {
    DY_W_NONE = 0, DY_W_DET, DY_W_PRON, DY_W_CONJ, DY_W_AUX, DY_W_BY, DY_W_COMMA, DY_W_NUM,
    DY_W_PREP /* OF, IN: agent-actor links */
};

/* pronoun kinds, for coreference */
enum dy_pron { DY_PR_NONE = 0, DY_PR_FIRST /* he she it */, DY_PR_PRIOR /* its his her */,
               DY_PR_PLURAL /* they them their */, DY_PR_SELF /* itself themselves */ };

typedef struct {
    uint32_t off, len;   /* span in the original sentence */
    const char *w;       /* normalized spelling, NUL-terminated */
    uint16_t wl;         /* strlen(w) */
    uint8_t cls;         /* enum dy_wcls */
    uint8_t pron;        /* enum dy_pron */
    bool cap;            /* first letter upper case in the original */
    uint8_t fw;          /* enum dy_fw: the function-word sets it belongs to */
} dy_token;

/* Function words the parser and coder ask about at nearly every word:
 * set once by the lexer, tested as bits (dy_word_in compares strings) */
enum dy_fw {
    DY_FW_BE = 1,    /* IS ARE WAS WERE BE BEEN BEING */
    DY_FW_REL = 2,   /* WHO WHICH THAT WHOM */
    DY_FW_MODAL = 4, /* SHOULD WOULD COULD MAY MIGHT MUST CAN SHALL WILL */
    DY_FW_POSS = 8,  /* HIS HER ITS THEIR OUR MY YOUR */
    DY_FW_NEG = 16   /* NOT NEVER CANNOT N'T */
};

#define DY_LEX_MAX_TOKENS 4096 /* cap on tokens in one sentence */
#define DY_LEX_MAX_WORD 63     /* longer words are split, as TABARI does */

/* Tokenizes text[0..len). Returns the count (at most max) or -1 when memory
 * ran out; *allcaps tells whether the sentence has no lower-case letter.
 * treebank: split negative contractions as the Penn TreeBank does
 * (DIDN'T -> DID N'T, WON'T -> WO N'T), which PETRARCH dictionaries expect. */
int dy_lex(dy_arena *a, const char *text, size_t len, dy_token *out, int max, bool *allcaps,
           bool treebank);

/* Is the token's normalized spelling w? Is it one of the NULL-terminated
 * list? Does it end in suf (and hold more than suf)? */
bool dy_word_is(const dy_token *t, const char *w);
bool dy_word_in(const dy_token *t, const char *const *list);
bool dy_word_ends(const dy_token *t, const char *suf);
/* Does the token negate: a negator of the lexicon ("not", "never") or a
 * negative contraction left whole ("didn't", "won't")? */
bool dy_word_negator(const dy_token *t);

#endif
