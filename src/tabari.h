/* tabari.h: readers for TABARI's dictionary formats (.actors, .agents,
 * .verbs, .options, .project) into the internal model of dict.h.
 *
 * Each reader parses one file into a builder; malformed lines are reported
 * through the diag callback as file:line:col and skipped, so one bad entry
 * never loses the rest of a dictionary. Only a file that cannot be read is
 * an error. */
#ifndef DY_TABARI_H
#define DY_TABARI_H
#include "dict.h"
#include "../include/dyad.h"

enum dy_tabari_kind { DY_TK_ACTORS, DY_TK_AGENTS, DY_TK_VERBS, DY_TK_OPTIONS, DY_TK_UNKNOWN };

/* Kind from a file name's extension. */
int dy_tabari_kind_of(const char *path);

/* Parses buf (a whole file) of the given kind into b. */
void dy_tabari_parse(dy_dict_builder *b, int kind, const char *file, const char *buf, size_t len,
                     dy_load_opts *lo);

/* The same for the PETRARCH dialect of the actors format ('#' comments,
 * <!-- --> blocks); other kinds as in TABARI. */
/* A NUL-terminated, malloc'd copy of a dictionary text (the caller frees
 * it) in which NUL bytes are blanks, so that lines stay whole; NULL
 * without memory. */
char *dy_tabari_text_copy(const char *buf, size_t len);

void dy_tabari_parse_dialect(dy_dict_builder *b, int kind, const char *file, const char *buf,
                             size_t len, dy_load_opts *lo, bool petr);

/* Reads a code as written in a verbs file ("064", "032:033", "023?"). */
void dy_tabari_ecode(dy_dict_builder *b, const char *code, dy_ecode *e);

/* Parses a phrase of the dictionary notation into elements; alternatives
 * must already be expanded. noun: final-word endings are the noun ones.
 * Returns false (with msg) when the phrase is malformed. */
bool dy_tabari_phrase(dy_dict_builder *b, const char *s, size_t n, bool noun, bool pattern,
                      dy_seq *out, char *msg, size_t msglen);

/* Makes a pattern of parsed elements q (source text src): the part before
 * the one '*' and the part after it, and TABARI's length (non-blank
 * characters other than actor and verb tokens; a synset designator counts
 * for nothing). Code and origin are the caller's. Returns false (with msg)
 * when q has no '*' or more than one. */
bool dy_tabari_pattern(const dy_seq *q, const char *src, dy_pattern *p, char *msg, size_t msglen);

/* The folder part of path, with its trailing '/' ("" for a bare name):
 * file names inside project and config files are relative to it. */
void dy_tabari_dirname(const char *path, char *out, size_t cap);

/* Reads a whole file into a NUL-terminated malloc'd buffer (caller frees). */
dy_status dy_tabari_slurp(const char *path, char **buf, size_t *len, dy_error *err);

#endif
