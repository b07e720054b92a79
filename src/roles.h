/* roles.h: SET: SYNTAX = PARSE: the sources and targets the coder's tree
 * gives the events word order found, and their status (status.h). It
 * reads the coder's current tree and changes only the list. */
#ifndef DY_ROLES_H
#define DY_ROLES_H
#include "code.h"
#include "event.h"
#include "parse.h"

/* Rules 4-9 of doc/tree-coder.md over the events of l, sentence s of a
 * story dated date (yyyymmdd, 0 unknown): events of history, of an inner
 * clause with no target in it, with no role or status the tree allows,
 * are dropped; the rest get the tree's source, target and status. */
void dy_roles_tree(const dy_coder *c, const dy_sent *s, dy_evlist *l, int32_t date);

/* SET: SYNTAX = PARSE: drops the words (CAMEO 01-05, 10-14) of a state to
 * or about its own people that are not its verb's object or addressee
 * ("committed to ... for our people", "on behalf of the people of Palau,
 * we applaud ..."): run after the roles and after SET: DOMESTIC has given
 * a party of no country its state. */
void dy_roles_home_words(const dy_coder *c, const dy_sent *s, dy_evlist *l);

#endif
