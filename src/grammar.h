/* grammar.h: the built-in grammar's word classes (dict/english.grammar):
 * the closed sets of English words the coder's rules ask about ("will",
 * "must", "if", "stopped"). The table is built once from the embedded file
 * and only read after that; it belongs to no coder and needs no memory of
 * its own (it points into the embedded text). */
#ifndef DY_GRAMMAR_H
#define DY_GRAMMAR_H
#include "lex.h"
#include <stdbool.h>
#include <stddef.h>

/* ORDER GRAMMAR: the classes, named in grammar.c as in the file */
typedef enum {
    DY_G_FUTURE, DY_G_PROMISE, DY_G_OBLIGATION, DY_G_NORM, DY_G_CONDITION, DY_G_GUESS, DY_G_GUESS_SKIP,
    DY_G_PURPOSE, DY_G_STOP, DY_G_BROKER, DY_G_NOT_PEOPLE, DY_G_PEOPLE_ENDING, DY_G_SUBJECT_PRONOUN,
    DY_G_COMPASS, DY_G_AT, DY_G_AT_NEAR, DY_G_WE, DY_G_PASSIVE_SKIP, DY_G_PREPOSITION, DY_G_VERB_GROUP,
    DY_G_INTENT_SKIP, DY_G_FIRST_PERSON, DY_G_FIRST_POSSESSIVE, DY_G_OWN_STATE,
    DY_G_OWNER_PARTICIPLE, DY_G_STANCE_PREFIX, DY_G_VERB_PREFIX, DY_G_AUX_AFTER_NOUN, DY_G_NOUN_ENDING,
    DY_G_OBJECT_PREPOSITION, DY_G_QUANTIFIER, DY_G_ADJECTIVE_ENDING, DY_G_COUNT_WORD, DY_G_SIDES, DY_G_SAYS,
    DY_G_PARTICIPLE_PREPOSITION, DY_G_REDUCED_AUX, DY_G_CLAUSE_OPENER, DY_G_DAY_WORD, DY_G_REPORTING,
    DY_G_PERSONAL_SUBJECT, DY_G_INSTITUTION_AGENT, DY_G_INSURGENT_AGENT, DY_G_ORGAN_AGENT, DY_G_STATE_ORGAN_AGENT,
    DY_G_SAYING_ROOT, DY_G_SUBORDINATOR, DY_G_FUTURE_CHAIN, DY_G_WISH, DY_G_TELLER_CASE, DY_G_LICENCE, DY_G_ADDRESSEE_CASE, DY_G_VENUE_CASE, DY_G_MUTUAL_CODE, DY_G_INTENT, DY_G_SELF, DY_G_INQUIRY, DY_G_VENUE_FREE_ROOT, DY_G_VENUE_BOUND_CODE, DY_G_LIGHT, DY_G_LIGHT_END, DY_G_LIGHT_CASE, DY_G_LIGHT_MEASURE, DY_G_IMPLICATIVE, DY_G_PERFORMATIVE, DY_G_AIM_CODE, DY_G_COPARTY_CASE, DY_G_MEASURE_CASE, DY_G_NOT_NAME, DY_G_AIM_GENERIC, DY_G_AIM_CHANGE, DY_G_DOCUMENT_NOUN, DY_G_ATTRIBUTIVE, DY_G_MEANS_GENERIC, DY_G_GERUND_ENDING, DY_G_VOWEL, DY_G_PERSON_AGENT, DY_G_NEUTER_PRONOUN, DY_G_PERSON_PRONOUN, DY_G_PLURAL_WORD, DY_G_SINGULAR_ENDING, DY_G_PRESIDING, DY_G_DOMESTIC_ORGAN_AGENT, DY_G_FOREIGN_AGENT, DY_G_INTERNAL_AGENT, DY_G_COURTESY, DY_G_CAPTION_CREDIT, DY_G_HONORIFIC, DY_G_WORDS_ROOT, DY_G_OWN_END_ROOT, DY_G_STATE_ONLY_AGENT, DY_G_PEOPLE_AGENT, DY_G_AGENT_FROM_CASE, DY_G_PARTNER_CODE, DY_G_VISIT_CODE, DY_G_TRAVELLER_AGENT, DY_G_INTENT_STATE, DY_G_INSTRUMENT_CASE, DY_G_COUNT
} dy_gclass;

/* Is the word w[0..n) (any case) in class c? */
bool dy_grammar_has(dy_gclass c, const char *w, size_t n);

/* Is the lexer's token t in class c? */
bool dy_grammar_tok(dy_gclass c, const dy_token *t);

/* Does the token's word end in one of class c's endings, and hold more
 * than it ("Armenians" in -ANS)? */
bool dy_grammar_ends(dy_gclass c, const dy_token *t);

/* The same for the word w[0..n) in any case ("normalizing" in -ING). */
bool dy_grammar_ends_in(dy_gclass c, const char *w, size_t n);

/* The number of words of class c (0 when the file leaves it empty). */
size_t dy_grammar_size(dy_gclass c);

#endif
