/* tree.h: what the coder takes from the tagger's and parser's tree (the
 * coder's --syntax parse mode). The parse of a sentence is laid over the
 * coder's tokens by byte offset: a token is read through the parser's word
 * that holds its first byte. */
#ifndef DY_TREE_H
#define DY_TREE_H
#include "../include/dyad.h"
#include "parse.h"
#include "grammar.h"

/* A parsed sentence: the parser's words, valid until its next parse, and
 * for each of the coder's tokens the word that holds its first byte (-1
 * when it falls between words), worked out once. */
typedef struct {
    const dy_word *w;
    size_t n;
    const long *tok_word; /* [s->n], in the arena given to dy_tree_parse */
    int ntok;
} dy_tree;

/* Parses the sentence of s (text) into t. The capitalised words of the
 * actors the dictionaries found in it are no verbs to the tagger: the
 * dictionaries know "the Holy See" and "Chad" to be names. Returns 0; 1
 * when the parser does not take the sentence (over DY_PARSE_MAX_WORDS
 * words: then t has no words); -1 when memory ran out. */
int dy_tree_parse(dy_tree *t, dy_parser *p, const dy_sent *s, const char *text, size_t len, dy_arena *a);

/* Marks in keep[0..s->n) the tokens that no comma clause elimination may
 * drop: the main predicate and its subject and object ("Thursday, United
 * States forces killed ...", where the clause between the commas is the
 * main one), and whatever is inside an apposition ("Martin Griffiths, the
 * United Nations relief chief, urged ...": the relief chief says whose
 * official he is). True when one of them was dropped in s, so that
 * parsing the sentence again with keep changes it. */
bool dy_tree_keep(const dy_tree *t, const dy_sent *s, bool *keep);

/* Drops each dictionary verb none of whose words is tagged a verb and
 * whose first word heads a noun phrase ("water supply", "a general
 * strike", "the talks"): its words become plain words, so no verb pattern
 * starts there. A noun that names its doer, by a possessive or a "by"
 * phrase, stays: it is an event noun ("Xi Jinping's talks with
 * Hussain", "the expulsion of diplomats by Russia"). */
void dy_tree_verbs(const dy_tree *t, dy_sent *s);

/* The word (0-based) that holds token tok's first byte, or -1. */
long dy_tree_word(const dy_tree *t, int tok);

/* The subject of verb word v: its nsubj or nsubj:pass (the nearest of
 * two), or, for a verb with none that is an open complement or a conjunct
 * of another ("agreed to meet", "met X and signed"), that verb's. -1 when
 * there is none; *passive tells whether v is passive: the relation was
 * nsubj:pass and reached through no open complement ("Obama is scheduled
 * to attend" is Obama's act). */
long dy_tree_subject(const dy_tree *t, long v, bool *passive);

/* The live actor unit (parse.h) the phrase headed by word w names: prefer,
 * when its actor words lie in w's subtree, else the first unit whose do,
 * else -1. */
int dy_tree_unit(const dy_tree *t, const dy_sent *s, long w, int prefer);

/* For a subject sb that is a relative pronoun ("the networks that support
 * terrorists"): the live actor unit of the noun phrase its clause hangs on,
 * the clause left out (prefer first), or -1 when that phrase names none;
 * -2 when sb is no relative pronoun of a relative clause. */
int dy_tree_antecedent_unit(const dy_tree *t, const dy_sent *s, long sb, int prefer);

/* dy_tree_unit for subject word sb, except that when the parser gave its
 * verb a second subject ("Ban Ki-moon urged": "Ban" and "moon") and prefer's
 * actor lies under that one, prefer: word order then chose between them. */
int dy_tree_subject_unit(const dy_tree *t, const dy_sent *s, long sb, int prefer);

/* Is word v the verb of a clause inside another: a relative clause, a
 * participle or an adverbial clause ("the rebels who attacked the convoy",
 * "children abducted by ...", "after X shelled Y"), but no infinitive? */
bool dy_tree_inner_clause(const dy_tree *t, long v);

/* Is the actor unit u (its first actor word) inside the clause of verb v,
 * or, for a participle or relative clause, in the noun phrase it ends? */
bool dy_tree_in_clause(const dy_tree *t, const dy_sent *s, long v, int u);

/* The year (1900-2099) that dates verb v's act, 0 when none: a year that
 * is itself a temporal or oblique dependent of the verb ("in 1978"), or a
 * word of one ("On September 19, 2018"). text is the sentence parsed. */
int dy_tree_year(const dy_tree *t, const char *text, long v);

/* Are unit u's actor words in word w's subtree? */
bool dy_tree_unit_under(const dy_tree *t, const dy_sent *s, long w, int u);

/* Is a word of the verb at token tok tagged a verb or an auxiliary? */
bool dy_tree_tagged_verb(const dy_tree *t, const dy_sent *s, int tok);

/* Is the verb at token tok a noun in the tree: no word of it tagged a
 * verb, its word a subject, object, oblique or nominal modifier? */
bool dy_tree_argument_noun(const dy_tree *t, const dy_sent *s, int tok);

/* Does a word of the verb's tokens first..last (or the head of one that
 * is an auxiliary, a copula or a particle) have unit u in its subtree, or
 * for a participle or relative clause, in its noun's phrase? */
bool dy_tree_verb_governs(const dy_tree *t, const dy_sent *s, int first, int last, int u);

/* Is word v a wish (WISH) whose open complement is a dictionary verb of
 * COURTESY: "I wish also to extend my gratitude to Japan"? The complement
 * codes; the wish itself does not. ("Iran wants to attack Israel" is a
 * threat, not an attack.) */
bool dy_tree_wish_for_act(const dy_tree *t, const dy_sent *s, long v);

/* Is the verb at token tok an event noun: a noun that names its doer
 * ("Xi Jinping's talks with Hussain", "the expulsion of diplomats by
 * Russia"), kept as a verb (dy_tree_verbs)? */
bool dy_tree_event_noun(const dy_tree *t, const dy_sent *s, int tok);

/* Is unit u inside the phrase of the event noun at word k, and not its
 * possessive doer: "with Hussain" of "Xi's talks with Hussain"? */
bool dy_tree_noun_target(const dy_tree *t, const dy_sent *s, long k, int u);

/* Is word w a personal pronoun ("I", "we", "they")? */
bool dy_tree_pronoun(const dy_tree *t, long w);

/* Is word w a common noun with a determiner ("the coalition", "a
 * group")? A phrase the parser did not cut from a name. */
bool dy_tree_common_noun(const dy_tree *t, long w);

/* Is word w in verb v's own clause: in v's subtree, with no clause of its
 * own on the way up (an adverbial clause or a clausal subject; an
 * infinitive carries on v's act)? */
bool dy_tree_own(const dy_tree *t, long v, long w);

/* When unit u lies in the infinitive of an act that verb v asks of, or
 * makes, its object ("called on the international community to
 * strengthen cooperation with the United Nations": the community is
 * asked, not the United Nations): the live unit that the object names,
 * or -1 when it names none. -2 when v asks no such act or u is not in
 * it. */
int dy_tree_asked_unit(const dy_tree *t, const dy_sent *s, long v, int u);

/* Does unit u lie in an oblique of verb v that says where the act took
 * place ("held the summit in Antigua", "signed the agreement in Addis
 * Ababa"; the grammar's VENUE_CASE)? Not when the preposition belongs to
 * the verb's own words, v to vend ("participated in"). */
bool dy_tree_venue(const dy_tree *t, const dy_sent *s, long v, long vend, int u);

/* Is verb v a past participle on a noun ("anyone accused of a crime",
 * "the aid sent by Japan"), as far as the parse can be trusted: with no
 * object, and not on the root's noun phrase? */
bool dy_tree_participle(const dy_tree *t, long v);

/* Is verb v an imperative, or in one's open complement or conjunct: a
 * base form with no subject, auxiliary or marker, heading the sentence
 * ("Let us work together with Africa", "Let us support the primary role of
 * the United Nations")? Not one whose object is the speaker alone ("Let me
 * congratulate the President": the grammar's SELF), who acts by saying so. */
bool dy_tree_imperative(const dy_tree *t, const char *text, long v);

/* The live actor unit of a known state or group (no "---"), other than
 * not_u and no pronoun, that verb v's object names in v's own clause: its
 * obj, else its iobj; -1 when none does. An oblique is left out: most
 * name a place or a time ("near Tehran"). */
int dy_tree_object(const dy_tree *t, const dy_sent *s, long v, int not_u);

/* Has verb v a dependent of relation rel ("aux" takes "aux:pass" too)
 * whose word is in grammar class g? text: the sentence parsed. */
bool dy_tree_dep_in(const dy_tree *t, const char *text, long v, const char *rel, dy_gclass g);

/* The verb, v or one whose open complement v is ("must now join together
 * to support", "will continue to help"), that has an auxiliary of class g;
 * -1 none. */
long dy_tree_chain_aux_in(const dy_tree *t, const char *text, long v, dy_gclass g);

/* Does the clause of verb v, or one it lies in through a conjunct or a
 * clausal complement or adverbial clause, open with a subordinator of
 * class g ("if that involves contacting the UNHCR ... or working with
 * people": "working" lies in the "if" clause)? Relative clauses and
 * participles are walls: "if the rebels who attacked the town withdraw"
 * does not make the attack a condition. */
bool dy_tree_clause_mark_in(const dy_tree *t, const char *text, long v, dy_gclass g);

/* Does verb v's act lie in an indirect question that completes a verb
 * ("would not say whether he supported it"), the climb of
 * dy_tree_clause_mark_in? A "whether ... or" clause of concession
 * ("whether in Nepal or Yemen, India has assisted") is no complement. */
bool dy_tree_asked_about(const dy_tree *t, const char *text, long v);

/* Has verb v a clausal complement that is an indirect question ("asked
 * whether Ukraine would attend": the grammar's INQUIRY; "asked why Biden
 * did not act": a question word)? */
bool dy_tree_asks_whether(const dy_tree *t, const char *text, long v);

/* The word that governs verb v's clause as its predicate, when that word
 * is in grammar class g ("it is important that X acts", "it is vital for
 * X to act": "important", "vital"), or the noun that an infinitive
 * hangs on ("the duty to protect": "duty"); -1 when none. */
long dy_tree_governor_in(const dy_tree *t, const char *text, long v, dy_gclass g);

/* Is unit u verb v's object, or in it, with no preposition on the way
 * ("salute our people", "urged its citizens to vote"; not "for our
 * people", "on behalf of the people of Palau")? */
bool dy_tree_direct_object(const dy_tree *t, const dy_sent *s, long v, int u);

/* Is unit u inside an oblique of verb v that follows v, modifying its noun
 * ("were killed in Israeli tank shelling", not "was released from the
 * hospital"), in v's own clause? A state named as the oblique's place
 * ("were killed in the United States") is not; nor one of INSTRUMENT_CASE
 * ("targeted with a ... military car"), unless with_party: the act has a
 * party "with" it ("are engaged in negotiations with our US partners"). */
bool dy_tree_after_obl(const dy_tree *t, const dy_sent *s, long v, int u, bool with_party);

/* The passive verb v's agent: its obl:agent, or the "by" phrase of the act
 * an oblique names ("were killed in an attack by the rebels"); -1. */
long dy_tree_agent(const dy_tree *t, const char *text, long v);

/* The verb that reports v: the verb v is the clausal complement of ("China
 * said Pakistan must ..."), or a clause set beside v ("Pakistan must ...,
 * China said"); -1 when none. */
long dy_tree_speaker(const dy_tree *t, long v);

/* Is v the root of a headline's infinitive ("China, Pakistan to enhance
 * anti-terrorism cooperation"): a root with "to" and no auxiliary? */
bool dy_tree_headline_intent(const dy_tree *t, long v);

/* Is word w, or a word of the noun phrase it lies in, the object of verb
 * v: its obj, its passive subject, or an oblique of the grammar's
 * LIGHT_CASE ("held joint naval drills", "a curfew was imposed",
 * "withdrew from the talks")? */
bool dy_tree_light_object(const dy_tree *t, const char *text, long v, long w);

/* The first of the conjuncts verb v is one of (v itself when none): a
 * later conjunct shares its relation ("pledged to build and hand over two
 * reactors": "hand over" is the pledge's too). */
long dy_tree_first_conjunct(const dy_tree *t, long v);

/* Is verb v (or the first of the conjuncts it is one of) an infinitive that
 * is not done: the open complement or clausal complement of a word, or an
 * infinitive on a noun ("called on the Powers to enter into dialogue",
 * "the opportunity to establish relations", "failed to stop the war"),
 * other than a word that makes it done (the grammar's IMPLICATIVE:
 * "managed to", "began to", "helped to")? */
bool dy_tree_unrealized(const dy_tree *t, const char *text, long v);

/* Splits the compound actors that word order joined (TABARI's "np (sep
 * np)+") where the tree does not: members stay together only as
 * conjuncts of one another or as one's nominal dependent ("hundreds of
 * thousands of Cypriots, and Turkey continues to occupy": "Turkey" is the
 * subject of another clause, not a conjunct of "Cypriots"). */
void dy_tree_compounds(const dy_tree *t, dy_sent *s);

/* Is word w negated: has it a negating adverb ("not", "n't", "never")
 * of its own? */
bool dy_tree_negated(const dy_tree *t, const dy_sent *s, long w);

/* Is unit u the partner of verb v's act: its object or addressee
 * (dy_tree_direct_object), or the party of a "with" phrase (COPARTY_CASE)
 * on the way from u up to v ("ready to deepen its cooperation with the
 * Security Council")? */
bool dy_tree_partner(const dy_tree *t, const dy_sent *s, long v, int u);

/* Has verb v an infinitive of its own to do, and no object ("wishes also
 * to pay tribute to", not "wants Russia to withdraw")? */
bool dy_tree_own_complement(const dy_tree *t, long v);

/* The predicate word w serves: its head when w is a copula or auxiliary
 * ("are willing", "was shot": a verb phrase of the dictionaries may begin
 * with one), else w. */
long dy_tree_predicate(const dy_tree *t, long w);

/* Is word k (-1: none) a word of grammar class g (text: the sentence)? */
bool dy_tree_word_in(const dy_tree *t, const char *text, long k, dy_gclass g);

#endif
