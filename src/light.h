/* light.h: light verbs with event nouns. In "held talks", "imposed a
 * curfew", "lifted the sanctions", "broke off relations" the verb only
 * says that an event is done or ended; its object names the event. The
 * verbs are the grammar's classes LIGHT (hold, stage, launch, conduct,
 * declare, impose, resume ...) and LIGHT_END (lift, end, break, suspend,
 * cut ...); the nouns are the dictionary's synsets named
 * &EVENT_<code>[_<code>]: the first code is the event a LIGHT verb does
 * with the noun, the second what a LIGHT_END verb does ("&EVENT_046_164":
 * talks held or resumed are negotiation, broken off a halt to it). Either
 * code may be left out ("&EVENT__1622": military aid is cut, not given,
 * by a light verb). A dictionary set without such synsets has no light
 * verbs. The table is built once per coder and only read after. */
#ifndef DY_LIGHT_H
#define DY_LIGHT_H
#include "pattern.h"
#include "tree.h"

typedef struct dy_light dy_light;

/* The event nouns of d's synsets; NULL when there are none or memory ran
 * out (then no light verb is coded). */
dy_light *dy_light_new(const struct dy_dict *d);
void dy_light_free(dy_light **lp);

/* The event that the verb at clause positions v0..v1 does or ends, when it
 * is a light verb and an event noun begins its object, a few words after
 * it; with the sentence's tree (t, else NULL), only when the tree makes
 * the noun the verb's object (dy_tree_light_object). The actors inside
 * the noun ("a military offensive": the military) go to sl's skipped
 * units: the noun is no party to its event. NULL when none. */
const dy_ecode *dy_light_code(const dy_light *L, const dy_mctx *x, const dy_tree *t, int v0, int v1, dy_slots *sl);

/* Does a word that may begin an event noun follow token i closely, before
 * a comma? A light verb of no code of its own is a verb only then
 * ("launched an offensive"); else it is a plain word ("the missile
 * launches by North Korea", "the budget cuts"), as a dictionary verb that
 * never codes is. */
bool dy_light_noun_ahead(const struct dy_dict *d, const dy_sent *s, int i);

#endif
