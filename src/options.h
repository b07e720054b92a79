/* options.h: coding options (TABARI's .options commands) as one plain
 * struct. A dictionary carries the options read with it as defaults; each
 * coder copies them and may change its copy (the validation suite does so
 * mid-run through {OPTION: ...} records). No allocation: labels are kept by
 * pointer into the caller's storage only while parsing. */
#ifndef DY_OPTIONS_H
#define DY_OPTIONS_H
#include <stdbool.h>

enum dy_codeby { DY_CODEBY_CLAUSE = 0, DY_CODEBY_SENTENCE, DY_CODEBY_ALL };

/* TABARI's default for MINIMUM WORDS: shorter sentences are not coded */
#define DY_DEFAULT_MIN_WORDS 8

typedef struct {
    int code_by;          /* enum dy_codeby */
    /* comma-delimited clause elimination (COMMA:) */
    bool comma_off;       /* COMMA: OFF */
    int comma_min, comma_max;   /* interior clauses: delete when min < words <= max */
    int comma_bmin, comma_bmax; /* clause at the start of the sentence */
    int comma_emin, comma_emax; /* clause at the end of the sentence */
    /* complexity filter (COMPLEX:); 0 disables a numeric condition */
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
    bool cx_noactprior, cx_noactafter, cx_noverb, cx_nosource, cx_notarget, cx_noevent;
    bool cx_explain;
    /* DEFAULT: */
    char def_src[16], def_tgt[16]; /* empty when unset */
    bool def_src_prior;   /* PRIOR: use default when no actor precedes the verb */
    bool def_tgt_after;   /* AFTER: use default when no actor follows the verb */
    int min_words;        /* SET: MINIMUM WORDS (DY_DEFAULT_MIN_WORDS) */
    bool convert_agents;  /* SET: CONVERT AGENTS */
    bool yyyy;            /* SET: YYYY: four-digit years in record dates */
    int time_shift;       /* SET: TIME SHIFT: -1 unset (follow dictionary), 0 off, 1 on */
    bool fbis;            /* SET: FBIS */
    int nonevents;        /* NONEVENTS: 0 false, 1 true, 2 only */
    bool forward;         /* FORWARD: pronoun forwarding between records active */
    bool allow_half_dyad; /* PETRARCH require_dyad=false: code events missing an actor as --- */
    bool negation;        /* SET: NEGATION (dyad): a negated verb takes the matching
                             "refuse" code or codes nothing; on with PETRARCH verbs */
    bool speculation;     /* SET: SPECULATION (dyad): a verb after "might", "may" or
                             "could", in a "whether", "if" or "unless" clause, after
                             "aimed at" or "designed to", or in the present
                             tense after "before" or "until", codes nothing */
    bool own_acts;        /* SET: OWN ACTS (dyad): "the army said it killed 12
                             militants" is the killing, not the claim (015)
                             PETRARCH's transformation makes of it */
    bool subordinate;     /* SET: SUBORDINATE CLAUSES (dyad): the actors of a
                             subordinate clause with a verb of its own ("after
                             the Vatican mediated talks") are no target of the
                             main verb */
    bool places;          /* SET: PLACES (dyad): an agent of no country acting or
                             acted on at a place of one state ("gunmen ... in
                             Nigeria") is that state's */
    bool domestic;        /* SET: DOMESTIC (dyad): administrative sanctions and
                             their easing (172, 081) are on the state's own
                             people; a protest by them against no one named
                             is against their state */
    bool neither;         /* SET: NEITHER NOR (dyad): a verb whose subject is a
                             "neither ... nor ..." list is negated (with
                             NEGATION); PETRARCH's suites code it as done */
    bool mutual;          /* SET: MUTUAL (dyad): a meeting, talks, a telephone call
                             or an agreement signed between two parties (the
                             codes of MUTUAL_CODE in dict/cameo.grammar) is
                             coded both ways */
    bool names;           /* SET: NAMES (dyad): a person named in full once in a
                             document is the same person when named again
                             by surname (names.h) */
    bool captions;        /* SET: CAPTIONS (dyad): a sentence with a photo credit
                             ("Image: The White House.") is a caption: not coded */
    bool agreement;       /* SET: PRONOUN AGREEMENT (dyad): "it" and "he" stand
                             for no plural actor, "he" for no state */
    int syntax;           /* SET: SYNTAX = LINEAR | PARSE (dyad): enum dy_syntax_mode */
    char fwd_fmt[32];     /* FORWARD: sequence format, e.g. "^^*****NNN*SSS" */
} dy_opts;

/* How the coder reads a sentence: by word order and the dictionaries alone
 * (TABARI's sparse parse), or with the tagger's and parser's tree too,
 * for the sentences that name two actors or more. */
enum dy_syntax_mode { DY_SYNTAX_LINEAR = 0, DY_SYNTAX_PARSE };

void dy_opts_default(dy_opts *o);

/* Applies one .options line. Returns 0 when understood or ignorable (a
 * comment, LABEL:, OUTPUT:), -1 when the command is malformed; msg then holds
 * a short reason. */
int dy_opts_apply(dy_opts *o, const char *line, char *msg, int msglen);

#endif
