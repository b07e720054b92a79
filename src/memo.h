/* memo.h: a coder's memory of root lookups. News repeats its words; the
 * roots whose first word a token matches depend on the token alone (the
 * dictionary is immutable), so each distinct word is looked up in the
 * root index once and its candidates kept, in the order the index gives
 * them. One per coder (not shared between threads); bounded: it starts
 * over when full. */
#ifndef DY_MEMO_H
#define DY_MEMO_H
#include "dict.h"

typedef struct dy_rootmemo dy_rootmemo;

enum { DY_MEMO_NONE = 1 };

dy_rootmemo *dy_rootmemo_new(void);
void dy_rootmemo_free(dy_rootmemo **m);

/* As dy_dict_roots_for_types (dict.h), through the memo m (NULL: none);
 * hash is dy_dict_word_hash of the word (the caller may have it already):
 * fn sees the roots of the types in mask whose later words' bits are in
 * have, in the same order, less those whose second word must follow at
 * once and cannot be the next token (next2: dy_rootmemo_key2 of the next
 * token's word, DY_MEMO_NONE when there is none). Returns the types (bit 1 << type) of all the
 * roots the word may begin, whatever mask and have; all bits without a
 * memo. */
uint32_t dy_rootmemo_roots(dy_rootmemo *m, const struct dy_dict *d, const char *tok, size_t tl, uint32_t hash,
                           uint32_t mask, uint64_t have, uint16_t next2, dy_root_fn fn, void *ctx);

/* The key of a word's first two letters; DY_MEMO_NONE for a shorter one. */
uint16_t dy_rootmemo_key2(const char *w, size_t n);

#endif
