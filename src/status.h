/* status.h: an act's status, in CAMEO's terms. The tables of codes are
 * read-only data; dy_status_tree reads the coder's current tree. */
#ifndef DY_STATUS_H
#define DY_STATUS_H
#include "code.h"
#include "event.h"
#include "parse.h"

/* The code of the intent (col 1; a threat for force and coercion), appeal
 * (col 2) or demand (col 3) about the act of code; NULL when CAMEO has
 * none. */
const char *dy_status_ask(const char *code, int col);

/* The appeal (col 2) or demand (col 3) code that asks for the act whose
 * intent code is intent ("urged Japan to expand economic cooperation":
 * 0311 asked for is 0211); NULL when CAMEO has none. */
const char *dy_status_ask_intent(const char *intent, int col);

/* The refusal a negated act of code is ("did not agree to ease the
 * sanctions": 1244), NULL when a negation codes nothing ("did not
 * attack"). */
const char *dy_status_negated(const char *code);

/* SET: SYNTAX = PARSE: the status the tree gives event e of verb word v
 * (doc/tree-coder.md, rule 9): false when the event is dropped (a
 * question, a condition, a demand no one named makes); else e may now
 * carry the intent, threat or demand code, and for a demand, the speaker
 * as its source and the doer as its target. */
bool dy_status_tree(const dy_coder *c, const dy_sent *s, dy_ev *e, long v);

/* SET: SYNTAX = PARSE: is the act of verb word v an infinitive that is
 * not done, one that none of dy_status_tree's other rules makes a demand,
 * appeal, wish or intent of (dy_tree_unrealized)? The clause loop passes
 * such a verb by, so that the verb that asks for it codes ("As India is
 * unwilling to resume the peace process, we call on the Security Council
 * to act" is Pakistan's appeal). */
bool dy_status_undone(const dy_coder *c, const dy_sent *s, long v);

#endif
