/* tok.h: splits one sentence into words as UD English (EWT) does, keeping
 * each word's byte range in the text.
 *
 * Words are split at white space, then punctuation is peeled off each end,
 * clitics are split off (do|n't, I|'m, John|'s, can|not, gon|na), hyphens
 * and slashes between letters become words of their own (but after a bound
 * prefix that the treebank keeps joined, e-mail), and what looks
 * like one unit stays whole (3.5, 1,000, U.S., e.g., a.m., URLs, e-mail
 * addresses). A word never spans two input bytes ranges: every word is a
 * contiguous slice of the text, so the coder's evidence offsets are exact.
 *
 * Ownership: nothing is allocated; the caller passes the output array. */
#ifndef DY_TOK_H
#define DY_TOK_H
#include <stddef.h>
#include <stdbool.h>

typedef struct {
    size_t start, len; /* bytes of the word in the text */
} dy_tok_span;

/* What the tokeniser learns from the treebank (the syntax model keeps it):
 * the prefixes that UD English writes joined to the word after their
 * hyphen (e-mail, co-workers, non-human), sorted, lower case. */
#define DY_TOK_MAX_PREFIXES 64
typedef struct {
    const char *prefix[DY_TOK_MAX_PREFIXES];
    size_t nprefix;
} dy_tok_rules;

/* Splits text[0..len) into at most cap words; returns how many, and sets
 * *over when more words were left out. rules may be NULL (no prefixes). */
size_t dy_tok_split(const dy_tok_rules *rules, const char *text, size_t len, dy_tok_span *out, size_t cap,
                    bool *over);

#endif
