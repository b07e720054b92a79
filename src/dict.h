/* dict.h: the internal dictionary model shared by every dictionary format
 * (TABARI today; PETRARCH and the project's own pack later).
 *
 * A dictionary is built by a loader through dy_dict_builder and then
 * compiled by dy_dict_compile into an immutable dy_dict: after compile
 * nothing in it is written again, so any number of coder threads may read it
 * at once. All strings and arrays of a dy_dict live in its own arena and are
 * released together by dy_dict_free. */
#ifndef DY_DICT_H
#define DY_DICT_H
#include <stdint.h>
#include <string.h>
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "options.h"

/* Kinds of pattern elements. A phrase such as "- + WAS * BY $" becomes a
 * sequence of elements; words carry their spelling, tokens their role. */
enum dy_el_kind {
    DY_EL_WORD = 0, /* a literal word or stem */
    DY_EL_VERB,     /* '*': where the verb root stands */
    DY_EL_SRC,      /* '$': source actor */
    DY_EL_TGT,      /* '+': target actor */
    DY_EL_COMP,     /* '%': compound actor, both source and target */
    DY_EL_SKIP,     /* '^': skip one actor */
    DY_EL_ATTR,     /* '@': attribution actor */
    DY_EL_SYN       /* '&NAME': any member of a synonym set */
};

/* Element flags. */
#define DY_EL_EXACT  0x01u /* whole-word match (trailing '_'): regular endings allowed */
#define DY_EL_STRICT 0x02u /* no endings at all ('=' or a word joined by '_' to the next) */
#define DY_EL_ADJ    0x04u /* the next element must stand on the very next token */
#define DY_EL_NOUNEND 0x08u /* endings are the noun ones (S, 'S) rather than the verb ones */
#define DY_EL_PVERB 0x10u   /* PETRARCH's regular verb forms: S/ES, ED/D/IED, ING */

typedef struct {
    const char *w;  /* upper-case spelling (DY_EL_WORD) or NULL */
    uint16_t len;   /* strlen(w) */
    uint8_t kind;   /* enum dy_el_kind */
    uint8_t flags;  /* DY_EL_* flags */
    uint32_t syn;   /* synset index for DY_EL_SYN */
} dy_el;

typedef struct {
    dy_el *el;   /* elements in reading order */
    uint16_t n;  /* element count */
} dy_seq;

/* A code valid over a date range; dates are yyyymmdd integers. */
typedef struct {
    const char *code; /* "ARN", "ELR/GAL", "---", "###", "+++" */
    int32_t lo, hi;   /* inclusive range; INT32_MIN/INT32_MAX when open */
} dy_dcode;

typedef struct {
    dy_dcode *c;  /* restricted codes in file order; the default, if any, last */
    uint16_t n;   /* count */
} dy_codes;

/* Where an entry came from, for evidence and error messages. */
typedef struct {
    const char *file; /* path as given to the loader */
    uint32_t line;    /* 1-based line */
} dy_origin;

typedef struct {
    dy_codes codes;      /* date-restricted actor codes */
    const char *parent;  /* first phrase of the synonym group (OUTPUT: PARENT) */
    dy_origin at;        /* entry location */
} dy_actor;

typedef struct {
    const char *code;  /* agent code without '~' */
    bool prefix;       /* true for "NGO~" (agent code goes before the actor) */
    dy_origin at;
} dy_agent;

/* An event code as written in a verbs file: "064", "032:033", "023?",
 * "031!", "---", "###", "+++". */
enum dy_ecode_kind { DY_EC_EVENT = 0, DY_EC_NULL, DY_EC_DISCARD, DY_EC_COMPLEX, DY_EC_NONE };
typedef struct {
    const char *code;   /* first (or only) event code */
    const char *code2;  /* second code of a paired "A:B" code, else NULL */
    uint8_t kind;       /* enum dy_ecode_kind */
    bool sub;           /* '?' subordinate */
    bool dom;           /* '!' dominant */
    bool rev;           /* ":033": only the second code, target to source */
} dy_ecode;

typedef struct {
    dy_seq upper;    /* elements before '*', in reading order */
    dy_seq lower;    /* elements after '*' */
    bool verb_adj_left;  /* the element just before '*' is joined to it by '_' */
    bool verb_adj_right; /* '*' is joined to the element after it by '_' */
    dy_ecode code;   /* code assigned when the pattern matches */
    int length;      /* TABARI length: letters and digits of the fixed text */
    const char *text;/* the pattern as written (alternatives expanded), or NULL */
    dy_origin at;
    uint64_t need;   /* dy_dict_word_bit of each literal word: set by compile */
    /* dy_dict_word_hash of up to three words the pattern names whole (the
     * exact words of PETRARCH patterns): a clause lacking one of them
     * cannot match it. Set by compile; nwh 0 when none. */
    uint32_t wh[3];
    uint8_t nwh;
} dy_pattern;

/* Which list a verb-like root belongs to. */
enum dy_vsect { DY_VS_VERB = 0, DY_VS_TIME, DY_VS_ATTRIB };

typedef struct {
    dy_ecode code;        /* code of the bare root */
    dy_pattern *pat;      /* patterns, longest first */
    uint32_t npat;
    uint8_t sect;         /* enum dy_vsect */
    dy_origin at;
} dy_verb;

/* Root types: what a phrase found in the text is. */
enum dy_root_type {
    DY_RT_ACTOR = 1, DY_RT_AGENT, DY_RT_VERB, DY_RT_NOUN, DY_RT_ADJ,
    DY_RT_DISCARD, /* id: index into disc; found through the same index */
    DY_RT_ISSUE    /* id: index into iss */
};

/* A root: a phrase that classifies the words it matches. */
typedef struct {
    dy_seq ph;        /* the phrase's words */
    uint8_t type;     /* enum dy_root_type */
    uint8_t layer;    /* dictionary layer ("builtin+PATH": 0, 1): on equal
                       * phrases the later layer's entry wins */
    uint32_t id;      /* index into actors/agents/verbs; unused for nouns/adjectives */
    int clen;         /* letters in the phrase, for longest-first ordering */
    const char *text; /* phrase as written (evidence) */
    const dy_ecode *code; /* verbs: this form's own code (PETRARCH blocks), else NULL */
    uint64_t need;    /* dy_dict_word_bit of each later word: set by compile */
} dy_root;

/* A discard phrase: a sentence (or, story-level, a whole document) that
 * contains it is not coded. Words match consecutive tokens. */
typedef struct {
    dy_seq ph;        /* the words; the last may be a stem */
    bool story;       /* '+': discard the whole story */
    dy_origin at;
} dy_discard;

/* An issue phrase (PETRARCH issues): tags the events of a sentence. */
typedef struct {
    dy_seq ph;        /* the words */
    const char *code; /* issue code; NULL for an ignore phrase (~) */
    dy_origin at;
} dy_issue;

/* A PETRARCH verb transformation ("~ a (b . ATTACK) SAY = a b 112"): a
 * verb that acts on another verb's event becomes one event. Actor slots
 * are 'a' (the outer source), 'b' (bound in the inner event), '.' (any
 * actor or none) and '_' (no actor of its own); verbs are written as verb
 * words and compared by their codes (compile resolves them); the inner verb
 * and the result code may be 'Q', any code (the inner event's). */
typedef struct {
    char isrc, itgt;      /* inner source and target slots */
    char rsrc, rtgt;      /* result source and target: 'a' or 'b' */
    char iverb[32], overb[32]; /* verb words as written; "Q" for any */
    char icode[16], ocode[16]; /* their codes, set by compile ("" unknown) */
    char rcode[16];       /* result code or "Q" */
    dy_origin at;
} dy_transform;

typedef struct {
    dy_seq *mem;     /* member phrases */
    uint32_t n;
    const char *name;/* "&NAME" */
    bool plain;      /* no member holds an actor token ($ + % ^ @): set by compile */
    /* the start keys (dy_dict_start_keys) of its members' first words,
     * 256 bits: a word none of them starts can begin no member. All ones
     * when a member begins with a synset or an actor. Set by compile. */
    uint64_t first[4];
} dy_synset;

/* Index entry: roots whose first word is exactly this string. */
typedef struct {
    const char *key;  /* first word */
    uint32_t klen;    /* strlen(key) */
    uint32_t first;   /* index into root_order */
    uint32_t count;
    uint32_t types;   /* bit 1 << type for each root type in the group */
} dy_rindex;

/* The name prefix of the synsets that are event nouns (light.h). */
#define DY_EVENT_SYNSET "&EVENT_"

struct dy_dict {
    dy_arena arena;         /* owns everything below */
    dy_actor *actors; uint32_t nactors;
    dy_agent *agents; uint32_t nagents;
    dy_verb *verbs; uint32_t nverbs;
    dy_root *roots; uint32_t nroots;
    dy_synset *syn; uint32_t nsyn;
    dy_discard *disc; uint32_t ndisc;
    dy_issue *iss; uint32_t niss;
    dy_transform *tr; uint32_t ntr;
    uint32_t *root_order;   /* roots grouped by first word, longest first */
    dy_rindex *ridx;        /* open-addressing table of first words */
    uint32_t ridx_cap;      /* power of two */
    uint16_t max_key_len;   /* longest first word */
    /* key lengths present per first three letters (dy_dict_key3): bit n
     * for a key of n letters (3 to 62), bit 63 for longer ones; a token's
     * prefixes of other lengths need no lookup */
    uint64_t lenmask[1024];
    uint8_t shortmask[256]; /* per first letter: bit 1, 2 for keys of one, two letters */
    dy_opts opts;           /* options read with the dictionaries (defaults for coders) */
    bool has_time;          /* a <TIME> section was read */
    bool has_attrib;        /* an <ATTRIB> section was read */
    bool petr;              /* PETRARCH dictionaries were read: TreeBank-style
                               contractions (DID N'T), agents shared by the
                               actors of a compound, more linking prepositions */
    bool light;             /* its synsets name event nouns for light verbs
                               (&EVENT_..., light.h): a light verb with no
                               code or pattern of its own is still a verb */
    uint32_t light_lo, light_hi; /* the first and last of those synsets */
    uint64_t light_first[4];     /* the start keys of their members' first
                                    words (dy_synset.first, together) */
    char *name;             /* what was loaded, for `dict info` */
    void *image;            /* loaded from a cache image (cache.c): all of the
                               above lives in it, freed as one block */
    size_t image_len;       /* nonzero: the image is a memory mapping of
                               this many bytes (munmap), else malloc'd */
};

/* The code of a verb root as found in the text: the form's own (PETRARCH
 * blocks), else its verb's. */
static inline const dy_ecode *dy_dict_root_code(const struct dy_dict *d, int32_t root)
{
    const dy_root *r = &d->roots[root];
    return r->code ? r->code : &d->verbs[r->id].code;
}

/* Is the verb root a statement's (coded 01x: say, report)? */
static inline bool dy_dict_statement_root(const struct dy_dict *d, int32_t root)
{
    const dy_ecode *c = dy_dict_root_code(d, root);
    return c->kind == DY_EC_EVENT && c->code && strncmp(c->code, "01", 2) == 0;
}

/* ---- builder (used by loaders; not thread-safe, single owner) ---- */
typedef struct dy_dict_builder dy_dict_builder;

dy_dict_builder *dy_dict_builder_new(void);
void dy_dict_builder_free(dy_dict_builder **b);
dy_arena *dy_dict_builder_arena(dy_dict_builder *b);
dy_opts *dy_dict_builder_opts(dy_dict_builder *b);
void dy_dict_builder_mark(dy_dict_builder *b, bool time, bool attrib);
void dy_dict_builder_mark_petr(dy_dict_builder *b);
/* Roots added from now on belong to layer n (see dy_root.layer). */
void dy_dict_builder_set_layer(dy_dict_builder *b, uint8_t n);

uint32_t dy_dict_add_actor(dy_dict_builder *b, const dy_actor *a);
uint32_t dy_dict_add_agent(dy_dict_builder *b, const dy_agent *a);
uint32_t dy_dict_add_verb(dy_dict_builder *b, const dy_verb *v);
void dy_dict_verb_add_pattern(dy_dict_builder *b, uint32_t verb, const dy_pattern *p);
/* Adds p, or replaces the verb's pattern with the same text (PETRARCH: a
 * later entry for the same pattern overrides the earlier one). */
void dy_dict_verb_set_pattern(dy_dict_builder *b, uint32_t verb, const dy_pattern *p);
void dy_dict_add_root(dy_dict_builder *b, const dy_root *r);
uint32_t dy_dict_add_synset(dy_dict_builder *b, const char *name);
void dy_dict_synset_add(dy_dict_builder *b, uint32_t syn, const dy_seq *member);
uint32_t dy_dict_add_discard(dy_dict_builder *b, const dy_discard *x);
uint32_t dy_dict_add_issue(dy_dict_builder *b, const dy_issue *x);
uint32_t dy_dict_add_transform(dy_dict_builder *b, const dy_transform *x);
/* -1 when no synset has that name */
int dy_dict_find_synset(dy_dict_builder *b, const char *name);
bool dy_dict_builder_failed(dy_dict_builder *b);
/* Marks the builder out of memory (a loader's own allocation failed): the
 * set will not compile, and loading says so instead of dropping a file. */
void dy_dict_builder_fail(dy_dict_builder *b);

/* Sorts patterns and roots, builds the first-word index, and hands the
 * result over; the builder is consumed. NULL when memory ran out. */
struct dy_dict *dy_dict_compile(dy_dict_builder **b, const char *name);

/* ---- lookup (read-only, thread-safe) ---- */

/* Does a dictionary word element match a text token? */
bool dy_dict_word_match(const dy_el *e, const char *tok, size_t toklen);

/* Calls fn for each root whose first word matches tok, in longest-first
 * order within each first word. Returns early when fn returns false. */
typedef bool (*dy_root_fn)(const dy_root *r, uint32_t root_index, void *ctx);
void dy_dict_roots_for(const struct dy_dict *d, const char *tok, size_t toklen,
                       dy_root_fn fn, void *ctx);
/* The same for roots of the types in mask (1 << type): groups of first
 * words with none of them are passed over unread. have: the word bits of
 * the sentence (~0 when unknown): a root with a later word none of the
 * sentence's words can match is passed over too. */
void dy_dict_roots_for_types(const struct dy_dict *d, const char *tok, size_t toklen, uint32_t mask,
                             uint64_t have, dy_root_fn fn, void *ctx);

/* A dictionary word matches only text words that begin with its first two
 * letters (endings, stems and the E of DEPLORE_ aside): one of 64 bits for
 * those letters sums up which words a text holds. */
uint64_t dy_dict_word_bit(const char *w, size_t n);
/* Start keys of a text word for synset filters: bits (0-255) for its
 * first letter, first two and first three letters. A dictionary word that
 * matches the text word (exactly, as a stem or with an ending) has its own
 * start key among them. */
void dy_dict_start_keys(const char *w, size_t n, unsigned keys[3]);
/* The start key of a dictionary word element (one of the keys that
 * dy_dict_start_keys gives every text word it matches). */
unsigned dy_dict_el_start_key(const dy_el *e);
/* FNV-1a of a whole word, never 0 (0 marks an empty slot). */
uint32_t dy_dict_word_hash(const char *w, size_t n);

/* Date-restricted code for a date (yyyymmdd); NULL when none applies.
 * Date 0 (unknown) takes the default code, else the most recent one. */
const char *dy_dict_code_at(const dy_codes *c, int32_t date);

/* Turns a 6-digit YYMMDD (pivot: 00-30 are 20xx) or 8-digit date into yyyymmdd;
 * returns false when it cannot be read. */
bool dy_dict_parse_date(const char *s, size_t n, bool yyyy, int32_t *out);

#endif
