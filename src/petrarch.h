/* petrarch.h: readers for PETRARCH's dictionary formats (the CAMEO.2.0 verb
 * dictionary, Phoenix actors, agents, discards and issues) into the same
 * internal model as the TABARI formats (dict.h).
 *
 * As with TABARI files, a malformed line is reported through the diag
 * callback as file:line:col and skipped; the rest of the file loads. */
#ifndef DY_PETRARCH_H
#define DY_PETRARCH_H
#include "dict.h"
#include "../include/dyad.h"

enum dy_petr_kind {
    DY_PK_VERBS, DY_PK_ACTORS, DY_PK_AGENTS, DY_PK_DISCARDS, DY_PK_ISSUES, DY_PK_UNKNOWN
};

/* Kind from a PETRARCH file name (CAMEO.2.0.txt, Phoenix.agents.txt, ...). */
int dy_petr_kind_of(const char *path);

/* Parses buf (a whole file) of the given kind into b. */
void dy_petr_parse(dy_dict_builder *b, int kind, const char *file, const char *buf, size_t len,
                   dy_load_opts *lo);

#endif
