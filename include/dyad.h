/* dyad.h: public interface of libdyad, a political event coder.
 *
 * News text in, CAMEO events out. The flow is: load dictionaries into an
 * immutable dy_dict (shared read-only by any number of threads), create one
 * dy_coder per thread, and code documents or sentences with it.
 *
 * Ownership: every object returned by a *_new or *_load function is freed by
 * the matching *_free, which takes a pointer to the handle and sets it to
 * NULL. Strings and arrays inside a dy_result belong to the coder and stay
 * valid until the next call on that coder. The library never prints and
 * never exits: functions return a dy_status and fill a dy_error. */
#ifndef DYAD_H
#define DYAD_H
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"
/* Version of the JSON Lines event schema; fields are only ever added. */
#define DYAD_SCHEMA_VERSION 1

typedef enum {
    DY_OK = 0,
    DY_ERR_IO = 1,     /* a file could not be read */
    DY_ERR_PARSE = 2,  /* malformed input */
    DY_ERR_NOMEM = 3,  /* out of memory */
    DY_ERR_LIMIT = 4,  /* input exceeds a documented cap */
    DY_ERR_ARG = 5     /* bad argument */
} dy_status;

typedef struct {
    char msg[1024]; /* "file:line:col: message" where it applies */
} dy_error;

typedef struct dy_dict dy_dict;
typedef struct dy_coder dy_coder;

/* Called for each malformed dictionary line; loading goes on without it. */
typedef void (*dy_diag_fn)(void *ctx, const char *file, unsigned line, unsigned col,
                           const char *msg);

typedef struct {
    dy_diag_fn diag;     /* may be NULL */
    void *diag_ctx;
    unsigned nerrors;    /* out: malformed lines seen */
} dy_load_opts;

/* Loads the files named by a TABARI .project file (actors, verbs, agents,
 * options). */
dy_status dy_dict_load_tabari_project(const char *project, dy_load_opts *lo, dy_dict **out,
                                      dy_error *err);
/* Loads TABARI-format files; the kind of each is taken from its extension
 * (.actors, .agents, .verbs, .options). */
dy_status dy_dict_load_tabari_files(const char *const *paths, size_t n, dy_load_opts *lo,
                                    dy_dict **out, dy_error *err);
/* Loads dictionary files of either family: TABARI files by extension
 * (.actors .agents .verbs .options), PETRARCH files by name (a name with
 * "verbs" or starting with CAMEO, "actors", "agents", "discards", "issues"). */
dy_status dy_dict_load_files(const char *const *paths, size_t n, dy_load_opts *lo, dy_dict **out,
                             dy_error *err);
/* Loads the dictionaries a PETRARCH config file (PETR_config.ini) names. */
dy_status dy_dict_load_petrarch_config(const char *ini, dy_load_opts *lo, dy_dict **out,
                                       dy_error *err);
/* Loads a dictionary set named by a spec: "builtin", a .project file, a
 * .ini PETRARCH config, a folder of dictionary files, or FILE[,FILE...]. */
dy_status dy_dict_load_spec(const char *spec, dy_load_opts *lo, dy_dict **out, dy_error *err);
/* The same through a compiled cache in cache_dir (NULL: none): the image is
 * used while every source file keeps its size and modification time, and
 * rebuilt otherwise. Malformed lines are reported only when it is built. */
dy_status dy_dict_load_spec_cached(const char *spec, const char *cache_dir, dy_load_opts *lo,
                                   dy_dict **out, dy_error *err);

/* Loads the dictionaries built into dyad. */
dy_status dy_dict_load_builtin(dy_load_opts *lo, dy_dict **out, dy_error *err);
void dy_dict_free(dy_dict **d);

typedef struct {
    unsigned actors, agents, verbs, patterns, roots, synsets;
    unsigned dated;            /* actors with date-restricted codes (office holders) */
    unsigned transforms, discards, issues;
} dy_dict_counts;
void dy_dict_get_counts(const dy_dict *d, dy_dict_counts *c);

/* What each dictionary file contributed: up to cap files, in the order
 * first seen; returns how many there are. */
typedef struct {
    const char *file;
    unsigned actors, agents, verbs, patterns;
} dy_dict_file_counts;
size_t dy_dict_get_file_counts(const dy_dict *d, dy_dict_file_counts *out, size_t cap);

/* One coded event. Offsets are byte offsets into the sentence text. */
typedef struct {
    int sentence;            /* 1-based sentence index within the document */
    int32_t date;            /* yyyymmdd */
    const char *source;      /* actor code */
    const char *target;
    const char *code;        /* CAMEO code as a string, leading zero kept */
    const char *root;        /* two-digit root code */
    int quad;                /* quad class 0-4; 0 when the code is not CAMEO */
    double goldstein;        /* Goldstein value; NAN when the table has none */
    bool has_cameo;          /* code found in the CAMEO table */
    size_t source_off, source_len;
    size_t target_off, target_len;
    size_t verb_off, verb_len;
    const char *rule_file;   /* dictionary entry that fired */
    unsigned rule_line;
    const char *sentence_text; /* the sentence as read */
    size_t sentence_len;
    const char *attribution; /* who made the statement (<ATTRIB> phrases), or NULL */
    const char *issues;      /* "CODE N,CODE N" (PETRARCH issues), or NULL */
} dy_event;

/* Why a sentence produced no events. */
enum {
    DY_SENT_CODED = 0,
    DY_SENT_NOEVENT = 1,  /* nothing codable found */
    DY_SENT_COMPLEX = 2,  /* complexity filter or a +++ entry */
    DY_SENT_DISCARD = 3,  /* a ### entry */
    DY_SENT_SHORT = 4     /* fewer words than the minimum */
};

typedef struct {
    const dy_event *events;
    size_t n;
    int status;               /* DY_SENT_*; for documents, of the last sentence */
    const char *explain;      /* why complex, when known */
    int sentences;            /* sentences coded (documents) */
} dy_result;

dy_coder *dy_coder_new(const dy_dict *d);
void dy_coder_free(dy_coder **c);
/* Applies a TABARI .options command line to this coder only. */
dy_status dy_coder_set_option(dy_coder *c, const char *line, dy_error *err);

/* Tells the coder the id of the record about to be coded (the text after
 * the date of a TABARI record, leading blanks kept). With the FORWARD
 * option, a pronoun that opens a sentence stands for the first actor of the
 * previous sentence of the same story. */
dy_status dy_coder_set_record_id(dy_coder *c, const char *idinfo);

/* Codes one sentence dated yyyymmdd. */
dy_status dy_code_sentence(dy_coder *c, const char *text, size_t len, int32_t date,
                           dy_result *out, dy_error *err);

/* A document: a news article or one record of an input stream. */
typedef struct {
    const char *id;     /* document id */
    int32_t date;       /* yyyymmdd; 0 when unknown */
    const char *title;  /* headline or NULL */
    const char *text;   /* body */
    size_t text_len;
    bool split;         /* true: segment text into sentences; false: text is one sentence */
    const char *url;    /* where the article came from, or NULL */
    const char *source; /* news source, or NULL */
    const char *speaker; /* actor code of who speaks in the document (a speech, a
                            ministry's statement), or NULL: the first person outside
                            quotations ("we", "my Government") is this actor */
    const char *venue;  /* actor code of the body the document's speech is given
                           to (the United Nations General Assembly: "IGOUNO"), or
                           NULL: its presiding officer ("Mr. President", "the
                           President" of no state) is this actor's */
} dy_doc;

/* Whether s can be a document's speaker: an actor code, 3 to 63 upper-case
 * letters and digits ("AFG", "AFGGOV"). */
bool dy_speaker_ok(const char *s);

/* Segments and codes a document; events carry 1-based sentence indexes
 * (the headline, when coded, is sentence 1). */
dy_status dy_code_doc(dy_coder *c, const dy_doc *doc, dy_result *out, dy_error *err);

/* ---- input readers ---- */
/* true when y-m-d is a day of the Gregorian calendar (2018-02-30 is not) */
bool dy_date_valid(int y, int m, int d);

typedef enum { DY_IN_AUTO = 0, DY_IN_TEXT, DY_IN_JSONL, DY_IN_TABARI, DY_IN_PETRARCH } dy_input_kind;
typedef struct dy_reader dy_reader;

/* Reads a whole buffer (the caller keeps it alive while the reader lives). */
dy_reader *dy_reader_new(const char *name, const char *buf, size_t len, dy_input_kind kind,
                         int32_t default_date);
void dy_reader_free(dy_reader **r);
dy_input_kind dy_reader_kind(const dy_reader *r);
/* Where the reader stands in its input as a whole: the line it is at and
 * the records it has returned. A stream read in pieces (JSON Lines cut at
 * line ends) starts each piece's reader where the last one stopped, so
 * that messages name the true line and records without an id keep their
 * numbers. */
void dy_reader_get_position(const dy_reader *r, unsigned *line, unsigned *records);
void dy_reader_set_position(dy_reader *r, unsigned line, unsigned records);
/* Where the complete records at the front of buf[0..n) end, for a stream
 * read in pieces: after the last line end (JSON Lines), the last blank line
 * (TABARI records) or the last </Sentence> outside a comment (PETRARCH XML);
 * 0 when none is complete, and always for plain text (one article). */
size_t dy_reader_cut(dy_input_kind kind, const char *buf, size_t n);
/* Next document: DY_OK with *doc filled, DY_OK with *eof set at the end, or
 * an error for one bad record (the reader has skipped past it: call again). */
dy_status dy_reader_next(dy_reader *r, dy_doc *doc, bool *eof, dy_error *err);

/* ---- writers ---- */
/* Writes one event as a JSON object line (no newline) into buf; returns the
 * length it needs (write again with a larger buffer when >= cap). */
size_t dy_event_json(const dy_event *e, const char *doc_id, bool with_text, char *buf, size_t cap);

/* Writes one event as a Phoenix data set row: 26 tab-separated columns
 * (EventID Date Year Month Day SourceActorFull SourceActorEntity
 * SourceActorRole SourceActorAttribute TargetActorFull TargetActorEntity
 * TargetActorRole TargetActorAttribute EventCode EventRootCode QuadClass
 * GoldsteinScore Issues Lat Lon LocationName StateName CountryCode
 * SentenceID URLs NewsSources); same return rule as dy_event_json. */
size_t dy_event_phoenix(const dy_event *e, const char *doc_id, size_t index, const char *url,
                        const char *source, char *buf, size_t cap);

/* ---- validation suites ---- */
typedef struct {
    const char *id;        /* record id */
    unsigned line;         /* line of the record in the text file */
    bool pass;
    const char *expected;  /* expected events, one "SRC / TGT / CODE" per line */
    const char *actual;    /* coded events, same form, or a status word */
    const char *text;      /* the sentence */
} dy_vrecord;
typedef void (*dy_vreport_fn)(void *ctx, const dy_vrecord *r);

/* Runs TABARI's validation suite named by a .project file the way TABARI
 * does: records in order until FINAL-01, {OPTION: ...} records change the
 * coder's settings, {---} {###} {+++} and -{ as TABARI reads them. Each
 * checked record is reported through fn. */
dy_status dy_validate_tabari(const char *project, dy_vreport_fn fn, void *ctx, unsigned *passed,
                             unsigned *failed, dy_error *err);

typedef struct {
    unsigned passed, failed, skipped;  /* records (skipped: evaluate="false") */
    unsigned expected, found, extra;  /* events expected, of those found, coded but not expected */
} dy_vsummary;

/* Runs a PETRARCH-style validation file: <Environment> names the
 * dictionaries (unless dict_spec is given), <Config> lines change settings
 * as the file goes, and each <Sentence> is compared to its <EventCoding>
 * (events, noevents, or an error such as a discard). flags: DY_VAL_COUNTRY
 * compares actor codes on their first three letters (country level) only,
 * DY_VAL_ROOT event codes on their CAMEO root (first two digits) only. */
enum { DY_VAL_COUNTRY = 1, DY_VAL_ROOT = 2 };
dy_status dy_validate_petrarch(const char *file, const char *dict_spec, unsigned flags,
                               dy_vreport_fn fn, void *ctx, dy_vsummary *sum, dy_error *err);

/* Scores the coder on hand-coded sentences: a text file of "date
 * YYYY-MM-DD", "s SENTENCE" and "e SOURCE TARGET CODE" lines (# comments),
 * coded with dict_spec (NULL: the built-in pack). Events are compared at
 * country level (three-letter actor codes), on the full CAMEO code and on
 * its root; each sentence is reported through fn (pass: the very events
 * expected). A malformed line stops it with file:line:col in err. */
typedef struct {
    unsigned sentences, passed, failed;
    unsigned expected, coded;          /* events hand-coded, events dyad coded */
    unsigned match_full, match_root;   /* coded events that match one expected */
} dy_esummary;
dy_status dy_validate_events(const char *file, const char *dict_spec, dy_vreport_fn fn, void *ctx,
                             dy_esummary *sum, dy_error *err);

/* ---- Syntax: part-of-speech tagger and dependency parser ----
 * A dy_syntax is the trained model (Universal Dependencies English: UPOS and
 * Penn XPOS tags, UD relations), immutable and shared by any number of
 * threads; each thread parses with its own dy_parser. Words and strings
 * returned by a parse belong to the parser and stay valid until its next
 * call. */
typedef struct dy_syntax dy_syntax;
typedef struct dy_parser dy_parser;

#define DY_PARSE_MAX_WORDS 1024 /* words in one sentence */

typedef struct {
    size_t start, len;  /* the word's bytes in the text parsed: for
                         * dy_parse_words, in the forms joined by one space */
    const char *upos;   /* universal part of speech (NOUN, VERB, ...) */
    const char *xpos;   /* Penn Treebank tag (NN, VBD, ...) */
    const char *deprel; /* relation to the head (nsubj, obj, obl, ...) */
    int head;           /* 0 for the root, else the head's 1-based number */
} dy_word;

/* Loads a model file (memory-mapped), or the model built into libdyad when
 * path is NULL. */
dy_status dy_syntax_load(const char *path, dy_syntax **out, dy_error *err);
void dy_syntax_free(dy_syntax **s);
/* How the model was made (training data, options, figures). */
const char *dy_syntax_info(const dy_syntax *s);

dy_parser *dy_parser_new(const dy_syntax *s);
void dy_parser_free(dy_parser **p);
/* Tokenises one sentence as UD English does (clitics, punctuation) and
 * tags and parses it; *words gets *n words. DY_ERR_LIMIT: more than
 * DY_PARSE_MAX_WORDS words. */
dy_status dy_parse_text(dy_parser *p, const char *text, size_t len, const dy_word **words,
                        size_t *n, dy_error *err);
/* Tags and parses words already split (forms[i] of lens[i] bytes). */
dy_status dy_parse_words(dy_parser *p, const char *const *forms, const size_t *lens, size_t n,
                         const dy_word **words, dy_error *err);

/* Scores of the model against gold trees (gold tokenisation). LAS counts
 * the universal part of the relation (CoNLL 2018); las_full the whole
 * relation with its subtype. */
typedef struct {
    size_t sentences, words; /* scored */
    size_t skipped;          /* malformed sentences, reported and skipped */
    size_t upos, xpos, uas, las, las_full; /* words right */
    size_t rel_gold[5], rel_pred[5], rel_right[5]; /* per dy_ud_relations[] */
    /* the tokeniser on each sentence's "# text", against the gold words
     * (words right: the same bytes of the text) */
    size_t tok_sentences, tok_exact;      /* sentences with a text; split exactly as gold */
    size_t tok_gold, tok_pred, tok_right; /* words */
} dy_ud_scores;
extern const char *const dy_ud_relations[5]; /* nsubj nsubj:pass obj obl iobj */
/* Scores a CoNLL-U file (plain or zstd); bad sentences go to diag. */
dy_status dy_validate_ud(const char *file, const dy_syntax *s, dy_diag_fn diag, void *ctx,
                         dy_ud_scores *out, dy_error *err);

/* ---- CAMEO table ---- */
typedef struct {
    const char *code;
    const char *name;
    double goldstein;
    int quad;
} dy_cameo;
const dy_cameo *dy_cameo_find(const char *code);

#ifdef __cplusplus
}
#endif
#endif
