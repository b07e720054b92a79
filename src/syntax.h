/* syntax.h: the syntax model file (tagger + parser) and the per-sentence
 * pipeline: words -> descriptions -> tags -> tree.
 *
 * Model file layout (little-endian; sections start on 64-byte lines, the
 * weights laid out in cache lines: percep.h):
 *   0   "DYADSYN\0"
 *   8   u32 version (DY_SYN_VERSION)
 *   12  u32 tags, u32 labels, u32 root label
 *   24  u64 total bytes
 *   32  u64 checksum (dy_syn_checksum of the whole file, this field as 0)
 *   40  6 x {u32 offset, u32 length}: strings, lexicon, tagger, parser, info,
 *       bound prefixes
 *   88  u32 tagger features (DY_TAG_FEATURES), u32 parser features (DY_DEP_FEATURES)
 *   96  zeros up to 128
 * strings: for each tag "UPOS\0XPOS\0", then for each label "label\0"
 * lexicon: dy_tag_lex bytes; tagger, parser: dy_pc_model bytes; info: text;
 * bound prefixes: the tokeniser's (tok.h), each followed by a NUL.
 * The model is used where it lies (in the binary or a mapped file).
 *
 * Ownership: dy_syn_view fills a caller's struct that points into the bytes,
 * which must outlive it. */
#ifndef DY_SYNTAX_H
#define DY_SYNTAX_H
#include "../include/dyad.h"
#include "depparse.h"
#include "tagger.h"
#include "tok.h"

#define DY_SYN_MAGIC "DYADSYN"
#define DY_SYN_VERSION 3u
#define DY_SYN_HEADER 128u
enum { DY_SYN_STRINGS, DY_SYN_LEX, DY_SYN_TAGGER, DY_SYN_PARSER, DY_SYN_INFO, DY_SYN_PREFIXES, DY_SYN_NSECT };
#define DY_SYN_FEATURES_AT (40 + 8 * DY_SYN_NSECT) /* the two feature versions */

typedef struct {
    unsigned ntags, nlabels, root;
    const char *upos[DY_PC_MAX_CLASSES]; /* per tag */
    const char *xpos[DY_PC_MAX_CLASSES];
    const char *label[DY_DEP_MAX_LABELS];
    dy_tag_lex lex;
    dy_pc_model tagger, parser;
    dy_dep_voice voice;               /* the label ids of voice agreement */
    bool verbal[DY_PC_MAX_CLASSES];   /* per tag: UPOS VERB or AUX */
    dy_tok_rules tok;                 /* the tokeniser's bound prefixes */
    const char *info; /* how the model was made (NUL-terminated) */
    size_t info_len;
} dy_syn_model;

/* The model built into libdyad (model_blob.S). */
extern const unsigned char dy_syn_blob[];
extern const unsigned long long dy_syn_blob_size;

uint64_t dy_syn_checksum(const void *buf, size_t len);
/* Checks and views a model file image; message in err on failure. */
dy_status dy_syn_view(const void *buf, size_t len, dy_syn_model *m, dy_error *err);

/* The model a dy_syntax holds (syntax_api.c). */
const dy_syn_model *dy_syntax_model(const dy_syntax *s);

/* The words of one sentence, processed. */
typedef struct {
    int n;
    dy_tag_word tw[DY_DEP_MAX_WORDS];
    uint64_t norm[DY_DEP_MAX_WORDS];
    uint8_t tag[DY_DEP_MAX_WORDS];
    int head[DY_DEP_MAX_WORDS];
    uint8_t label[DY_DEP_MAX_WORDS];
    dy_dep_state st;
} dy_syn_work;

/* Tags and parses n words (n <= DY_DEP_MAX_WORDS). name (NULL: none)
 * marks the words a caller knows to be part of a proper name: they take
 * the best tag that is not a verb's or an auxiliary's (dy_tag_run). */
void dy_syn_run(const dy_syn_model *m, dy_syn_work *w, const char *const *forms, const size_t *lens,
                int n, const bool *name);

/* dy_parse_text with the byte ranges of known proper names (names[i][0]
 * to names[i][1], exclusive; in order, not overlapping): a word that
 * starts inside one with a capital letter is not tagged a verb ("The Holy
 * See encourages ..." is not the verb "see"), and keeps what else the
 * tagger makes of it ("Ukrainian forces": an adjective). */
dy_status dy_parse_text_names(dy_parser *p, const char *text, size_t len, const uint32_t (*names)[2],
                              size_t nnames, const dy_word **words, size_t *n, dy_error *err);

#endif
