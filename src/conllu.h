/* conllu.h: streaming reader of CoNLL-U treebanks (Universal Dependencies),
 * plain or zstd-compressed (found by the file's magic bytes, not its name).
 *
 * Sentences are read one at a time; memory is bounded by the longest
 * sentence (caps below). A malformed sentence (wrong column count, an ID out
 * of sequence, a head out of range, a cycle, no root) is reported with
 * file:line:column and skipped; the next call goes on with the next one.
 *
 * Ownership: dy_conllu_open / dy_conllu_mem pair with dy_conllu_free. The
 * strings of a dy_conllu_sent belong to the reader and stay valid until the
 * next call to dy_conllu_next. A reader made by dy_conllu_mem reads the
 * caller's buffer, which must outlive it. */
#ifndef DY_CONLLU_H
#define DY_CONLLU_H
#include "../include/dyad.h"

#define DY_CONLLU_MAX_WORDS 1024    /* words per sentence */
#define DY_CONLLU_MAX_LINE (1 << 16) /* bytes per line */
#define DY_CONLLU_MAX_SENT (1 << 20) /* bytes per sentence */

typedef struct {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *misc; /* columns 2-8, 10 */
    int head;                                                        /* 0 = root, else 1-based */
} dy_conllu_word;

typedef struct {
    const char *text;    /* the "# text = " comment, or NULL */
    const char *sent_id; /* the "# sent_id = " comment, or NULL */
    unsigned line;       /* line of the sentence's first word */
    int n;               /* words (multiword-token ranges and empty nodes are not words) */
    dy_conllu_word *w;   /* w[i] is the word with ID i+1 */
} dy_conllu_sent;

typedef struct dy_conllu dy_conllu;

/* Opens a file ("-" is standard input). */
dy_status dy_conllu_open(const char *path, dy_conllu **out, dy_error *err);
/* Reads from memory; name is used in messages. NULL when memory ran out. */
dy_conllu *dy_conllu_mem(const char *name, const char *buf, size_t len);
/* The next sentence. DY_OK with *eof false: s is filled. DY_ERR_PARSE or
 * DY_ERR_LIMIT: one sentence was malformed and skipped (err says where);
 * call again. DY_ERR_IO or DY_ERR_NOMEM: reading cannot go on. */
dy_status dy_conllu_next(dy_conllu *r, dy_conllu_sent *s, bool *eof, dy_error *err);
void dy_conllu_free(dy_conllu **r);
/* The forms of a sentence's words and their lengths, as the parser takes
 * them (forms[i] belongs to the reader like the sentence). */
void dy_conllu_forms(const dy_conllu_sent *s, const char **forms, size_t *lens);
/* Where each word starts in the sentence's "# text" (words in order,
 * white space between them skipped); false when there is no text or a word
 * is not found there. */
bool dy_conllu_offsets(const dy_conllu_sent *s, size_t *starts);

#endif
