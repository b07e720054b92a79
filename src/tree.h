/* tree.h: what the coder takes from the tagger's and parser's tree (the
 * coder's --syntax parse mode). The parse of a sentence is laid over the
 * coder's tokens by byte offset: a token is read through the parser's word
 * that holds its first byte. */
#ifndef DY_TREE_H
#define DY_TREE_H
#include "../include/dyad.h"
#include "parse.h"

/* Parses the sentence and drops each dictionary verb none of whose words
 * is tagged a verb ("water supply", "a general strike", "the talks"): its
 * words become plain words, so no verb pattern starts there. Returns 0, or
 * -1 when memory ran out; a sentence the parser does not take (over
 * DY_PARSE_MAX_WORDS words) is left as the dictionaries read it. */
int dy_tree_verbs(dy_parser *p, dy_sent *s, const char *text, size_t len);

#endif
