/* event.h: the coder's events of one sentence, as its stages pass them on
 * (code.c finds them, roles.c and status.c read the tree over them). The
 * strings and the list's storage belong to the coder's sentence arena. */
#ifndef DY_EVENT_H
#define DY_EVENT_H
#include "dict.h"
#include <stdbool.h>
#include <string.h>

/* One event: its codes, the tokens that gave them, and where the
 * dictionaries said so. */
typedef struct {
    const char *src, *tgt, *code; /* actor codes and the CAMEO code */
    int src_tok, tgt_tok, verb_tok, verb_end; /* tokens, -1 none */
    dy_origin at;       /* the dictionary line that coded it */
    bool sub, dom;      /* of a subordinate clause; dominant */
    const char *attr;   /* attribution set by @ in the verb pattern, or NULL */
    bool pair2;         /* the second event of a paired code ("042:043") */
    bool src_named;     /* the pattern named the source ($) or turned the
                           roles round: not word order's choice */
    bool tgt_named;     /* ... the target (+) */
} dy_ev;

/* A list of events in storage the caller gives (cap of them). */
typedef struct {
    dy_ev *e;
    int n, cap;
} dy_evlist;

/* Adds e to l unless l holds the same source, target and code, or is
 * full. */
static inline void dy_ev_push(dy_evlist *l, const dy_ev *e)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->e[i].src, e->src) == 0 && strcmp(l->e[i].tgt, e->tgt) == 0
            && strcmp(l->e[i].code, e->code) == 0)
            return;
    if (l->n < l->cap)
        l->e[l->n++] = *e;
}

#endif
