/* names.h: people named again by surname within one document. News names a
 * person in full once ("Pakistani President Mamnoon Hussain", "Foreign
 * Minister Geoffrey Onyeama") and by surname after that ("Hussain said",
 * "President Hussein", "Onyeama's visit"). The coder remembers, per
 * document, the surname of each person a sentence named with a title of a
 * state or by a person entry of the dictionaries (an actor with an elite,
 * ELI, code), and the parse codes a later capitalised word that is that
 * surname, or differs from it by one letter, as that person (SET: NAMES). */
#ifndef DY_NAMES_H
#define DY_NAMES_H
#include "parse.h"

enum { DY_NAMES_MAX = 96, DY_NAMES_WORD = 32, DY_NAMES_CODE = 48 };

typedef struct dy_names {
    int n;
    struct {
        char w[DY_NAMES_WORD];  /* the surname, upper case as the lexer spells it */
        char first[DY_NAMES_WORD]; /* the word before it in the full name, or "" */
        uint8_t wl;
        char code[DY_NAMES_CODE];
    } e[DY_NAMES_MAX];
} dy_names;

static inline void dy_names_clear(dy_names *m) { m->n = 0; }

/* Remembers the surnames of the people sentence s names (its units as the
 * parse built them, the dead ones of dropped comma clauses included). A
 * name seen again keeps its first code; past DY_NAMES_MAX names the rest
 * are not kept. */
void dy_names_learn(dy_names *m, const dy_sent *s, const struct dy_dict *d);

/* The code of the person whose surname token i of s is (its possessive
 * "'S" aside), or NULL: not when it is part of another name ("Clinton
 * Climate Initiative") or follows another first name. */
const char *dy_names_at(const dy_names *m, const dy_sent *s, int i);

#endif
