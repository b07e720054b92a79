/* parse.h: TABARI's sparse parse of one sentence: word classification by
 * the dictionary (longest phrase first), actor+agent units, compound actors,
 * compound noun phrases, pronoun coreference, comma-delimited clause
 * elimination and clause boundaries. Everything lives in the caller's arena;
 * the dictionary is only read. */
#ifndef DY_PARSE_H
#define DY_PARSE_H
#include <string.h>
#include "arena.h"
#include "dict.h"
#include "lex.h"
#include "options.h"

/* word types after classification */
enum dy_ttype { DY_T_NONE = 0, DY_T_ACTOR, DY_T_AGENT, DY_T_VERB, DY_T_NOUN, DY_T_ADJ,
                DY_T_TIME, DY_T_ATTRIB, DY_T_NULL };

typedef struct {
    dy_token t;        /* the lexer's token */
    uint8_t type;      /* enum dy_ttype (set on every token a root covers) */
    int16_t head;      /* first token of the covering root, -1 when none */
    int16_t last;      /* at a head: last token of the root */
    int32_t root;      /* at a head: root index in the dictionary */
    bool del;          /* inside an eliminated comma clause */
    bool nosplit;      /* a comma or conjunction inside a compound phrase */
    int16_t unit;      /* actor unit that starts here, -1 when none */
    int16_t unit_in;   /* actor unit this token belongs to, -1 when none */
    /* PETRARCH dialect, at a verb head, from the word before it:
     * after "to" (an infinitive), after a modal or subject pronoun */
    bool after_to, after_modal;
    /* bit 1 << type of every root whose first word this token is (set
     * while classifying; all bits where it was not looked up) */
    uint32_t rtypes;
    /* the word's dy_dict_start_keys, worked out when pattern matching
     * first asks (sk_ok), then kept: patterns ask of the same word over
     * and over */
    uint8_t sk[3];
    bool sk_ok;
    /* likewise its dy_dict_word_hash, for each clause's word set */
    bool hash_ok;
    uint32_t hash;
} dy_ptok;

typedef struct {
    int16_t first, last;  /* token range, agent included */
    int16_t atok;         /* first token of the actor (or pronoun) phrase */
    const char *code;     /* resolved code; may hold '/'-separated codes */
    const char *acode;    /* the actor's own code, before any agent */
    int16_t comp;         /* compound id, -1 when single */
    bool pronoun;         /* a pronoun standing for another unit */
    bool dead;            /* cancelled (deleted clause) */
    const dy_root *root;  /* actor root (evidence) */
    const dy_agent *agent; /* agent composed onto it, or NULL */
    bool former;          /* the agent was "former": ELI */
} dy_unit;

typedef struct {
    dy_ptok *tok;
    int n;
    dy_unit *unit;
    int nunit;
    int ncomp;
    bool allcaps;
    bool petr;           /* PETRARCH dictionaries (dict.h) */
    bool discard;        /* a ### entry was found */
    bool complex;        /* a +++ entry was found */
    int ncomma_del;      /* comma clauses eliminated */
    const char *why;     /* reason for complex */
    const char *text;    /* the sentence the token spans point into */
    size_t len;          /* its bytes: text runs on to the document's end */
    uint64_t bloom;      /* dy_dict_word_bit of every word */
} dy_sent;

struct dy_rootmemo;

/* Is code a state's ("CHN", "RUSGOV"), not an international body's, a
 * transnational group's or an unknown actor's ("IGO...", "NGO...",
 * "IMG...", "---...")? */
static inline bool dy_state_code(const char *code)
{
    return strlen(code) >= 3 && strncmp(code, "---", 3) != 0 && strncmp(code, "IGO", 3) != 0
        && strncmp(code, "NGO", 3) != 0 && strncmp(code, "IMG", 3) != 0;
}


/* What a sentence's story gives it; each field may be NULL. */
typedef struct {
    const char *fwd;     /* the actor code forwarded from the previous sentence (FORWARD:) */
    const char *pair;    /* the two codes ("CHN/RUS") the previous sentence of the story was
                            about, for "the two sides" when this sentence names no pair */
    const char *speaker; /* the actor code of who speaks the document: the first person
                            outside quotations ("we", "my Government") */
    const struct dy_names *names; /* the surnames of people named before in the document (names.h) */
    const char *venue;   /* the actor code of the body a speech is given to: its
                            presiding officer ("Mr. President") is its */
} dy_story;

/* Parses text; returns 0, or -1 when memory ran out. st: what the story
 * gives the sentence (NULL: nothing); memo: the coder's memory of root
 * lookups (memo.h), or NULL; keep: per token, true where no comma clause
 * may be eliminated (an apposition the tree found), or NULL. */
int dy_parse(dy_sent *s, const struct dy_dict *d, const dy_opts *o, dy_arena *a,
             const char *text, size_t len, int32_t date, const dy_story *st,
             struct dy_rootmemo *memo, const bool *keep);

#endif
