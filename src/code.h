/* code.h: the coder: TABARI's sparse parse and event assignment over one
 * sentence (parse.c finds the structure; this module matches verb patterns
 * and assigns sources and targets). A dy_coder holds one arena that is reset
 * per call and a private copy of the options; it only reads the dictionary.
 * The events it returns live in its arena until the next call. */
#ifndef DY_CODE_H
#define DY_CODE_H
#include "../include/dyad.h"
#include "arena.h"
#include "dict.h"
#include "names.h"
#include "tree.h"
#include <string.h>

struct dy_coder {
    const struct dy_dict *d;
    dy_opts opts;             /* private copy; validation changes it mid-run */
    dy_arena arena;           /* per-call memory (events), reset at each call */
    dy_arena scratch;         /* per-sentence parse memory, reset per sentence */
    dy_event *ev;             /* events of the current call (grown in the arena) */
    size_t nev, cev;
    int sentence_no;          /* index stamped on events */
    char explain[128];        /* why the last sentence was complex */
    /* pronoun forwarding between consecutive sentences of a story */
    char story[32], prev_story[32]; /* story ids of this and the last sentence */
    int sent, prev_sent;      /* sentence serials */
    char fwd_code[64];        /* first actor of the last sentence; "" none */
    char speaker[64];
    char venue[64];           /* the body the document's speech is given to (dy_doc); "" none */         /* the document's speaker (dy_doc); "" none */
    char state_code[4];       /* the one state the last sentence named ("KEN"),
                                 for "the government" of the next; "" none */
    char pair_code[64];       /* the two states the last sentence's events were
                                 all between ("CHN/RUS"), for "the two sides"
                                 in the next one; "" none */
    dy_names names;           /* SET: NAMES: the document's surnames (names.h) */
    char names_story[32];     /* the story they were learnt in */
    bool story_discard;       /* a story-level discard phrase was seen in this document */
    struct dy_rootmemo *memo; /* root lookups by word (memo.h); NULL: none */
    /* synset members by the start key of their first word: for synset s,
     * syn_mem[syn_off[s * 257 + k] .. syn_off[s * 257 + k + 1]) are the
     * members starting with key k, in file order; NULL when not built
     * (then every member is tried) */
    uint32_t *syn_off, *syn_mem;
    /* per verb: may coding it discard the sentence or call it complex
     * (its code or a pattern's)? NULL when not built */
    bool *verb_stops;
    /* the dictionary's event nouns for light verbs (light.h); NULL: none */
    struct dy_light *light;
    /* the dictionary's aims of reform and dissent (aim.h); NULL: none */
    struct dy_aim *aim;
    /* SET: SYNTAX = PARSE: the built-in syntax model and this coder's
     * parser, made at the first sentence that needs them */
    dy_syntax *syn;
    dy_parser *parser;
    dy_tree tree;             /* the current sentence's, when tree_ok */
    bool tree_ok;
};

/* Copies the string s into d[0..cap) (cap > 0), cut short when it does
 * not fit: what snprintf(d, cap, "%s", s) does, without its format
 * parsing (asked once or twice per sentence). */
static inline void dy_strcpy_cap(char *d, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(d, s, n);
    d[n] = '\0';
}

/* Codes one sentence and appends its events to c->ev (no reset); returns
 * the DY_SENT_* status, or -1 when memory ran out. */
int dy_code_append(dy_coder *c, const char *text, size_t len, int32_t date);

#endif
