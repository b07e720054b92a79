/* fuzz_all.c: one fuzz target for every parser in dyad. The first input
 * byte picks the parser: TABARI .actors/.agents/.verbs/.options files, the
 * JSON Lines, plain-text and TABARI-record readers (each followed by the
 * coder with the built-in dictionaries; plain text also with the coder
 * reading the tree, --syntax parse, and through the PETRARCH dialect), the PETRARCH verbs, agents,
 * discards and issues formats, and the PETRARCH XML scanner; first bytes
 * 12-15 (added later, so that 0-255 % 12 keeps the corpus's meaning): the
 * PETRARCH actors dialect, PETRARCH XML through the reader and the coder,
 * streaming (the records of an input read whole must equal those read in
 * pieces cut by dy_reader_cut), TABARI option lines, and cache images
 * (edits to a valid image, checksum recomputed: a forgery must be refused
 * or be sound); first bytes 16-18: the CoNLL-U reader (each sentence then
 * tagged and parsed), the tokeniser, tagger and parser on raw text, and
 * syntax model images (edits to the built-in model, checksum recomputed:
 * refused, or parsing with it stays in bounds). Built with libFuzzer by `make fuzz`; tests/fuzz/replay.c
 * replays the corpus in `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../include/dyad.h"
#include "../../src/dict.h"
#include "../../src/tabari.h"
#include "../../src/conllu.h"
#include "../../src/syntax.h"
#include "../../src/petrarch.h"
#include "../../src/petrxml.h"
#include "../../src/cache.h"
#include <stdio.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dy_dict *builtin, *petr;

/* A small PETRARCH-format set that reaches the dialect's rules: agents,
 * transformations, intent and appeal verbs, reversed pairs. */
static const char petr_actors[] = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nMORDOR [MOR]\n";
static const char petr_agents[] = "OFFICIAL [~GOV]\nLAWMAKER [~LEG]\nMEDIA [~MED]\nSTUDENT [~EDU]\n";
static const char petr_verbs[] =
    "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n--- ATTACK [190] ---\nATTACK\n"
    "--- PLEDGE [030] ---\nPLEDGE\n--- ASK [020] ---\nASK\n--- HELP [070] ---\nHELP\n"
    "--- AGREE [050] ---\nAGREE\n- * WITH % [031]\n--- RECEIVE [---] ---\nRECEIVE\n- * INVITATION [:026]\n"
    "~ a (a b ATTACK) SAY = a b 015\n~ a (b . ATTACK) SAY = a b 112\n~ a (a b Q) SAY = a b Q\n";

static dy_dict *petr_dict(void)
{
    if (!petr) {
        dy_dict_builder *b = dy_dict_builder_new();
        dy_load_opts lo = {0};
        dy_dict_builder_mark_petr(b);
        dy_petr_parse(b, DY_PK_VERBS, "v", petr_verbs, sizeof petr_verbs - 1, &lo);
        dy_petr_parse(b, DY_PK_ACTORS, "a", petr_actors, sizeof petr_actors - 1, &lo);
        dy_petr_parse(b, DY_PK_AGENTS, "g", petr_agents, sizeof petr_agents - 1, &lo);
        petr = dy_dict_compile(&b, "petr");
        if (!petr)
            abort();
    }
    return petr;
}

static void code_with(const dy_dict *d, dy_input_kind kind, const char *buf, size_t len, bool tree);

static void code_all(dy_input_kind kind, const char *buf, size_t len)
{
    dy_error err;
    if (!builtin) {
        dy_load_opts lo = {0};
        if (dy_dict_load_builtin(&lo, &builtin, &err) != DY_OK)
            abort();
    }
    code_with(builtin, kind, buf, len, false);
    if (kind == DY_IN_TEXT) {
        code_with(builtin, kind, buf, len, true); /* reading the tree too */
        code_with(petr_dict(), kind, buf, len, false);
    }
}

/* Calls fn for each record of buf read as kind (at most 100,000). */
/* Reads the records of buf; *line and *records, when given, say where buf
 * starts in its stream and get where it ends (as dyad code carries them
 * from one piece of a stream to the next, so that ids made from record
 * numbers are the same). */
static void each_doc_at(dy_input_kind kind, const char *buf, size_t len, void (*fn)(void *, const dy_doc *),
                        void *ctx, unsigned *line, unsigned *records)
{
    dy_error err;
    dy_reader *r = dy_reader_new("fuzz", buf, len, kind, 20180611);
    if (r && line)
        dy_reader_set_position(r, *line, *records);
    for (int guard = 0; r && guard < 100000; guard++) {
        dy_doc doc;
        bool eof;
        if (dy_reader_next(r, &doc, &eof, &err) != DY_OK)
            continue;
        if (eof)
            break;
        fn(ctx, &doc);
    }
    if (r && line)
        dy_reader_get_position(r, line, records);
    dy_reader_free(&r);
}

static void each_doc(dy_input_kind kind, const char *buf, size_t len, void (*fn)(void *, const dy_doc *), void *ctx)
{
    each_doc_at(kind, buf, len, fn, ctx, NULL, NULL);
}

static void code_one(void *ctx, const dy_doc *doc)
{
    dy_result res;
    dy_error err;
    if (dy_code_doc(ctx, doc, &res, &err) == DY_OK)
        for (size_t i = 0; i < res.n; i++) {
            char line[4096];
            dy_event_json(&res.events[i], doc->id, true, line, sizeof line);
        }
}

static void code_with(const dy_dict *d, dy_input_kind kind, const char *buf, size_t len, bool tree)
{
    dy_coder *c = dy_coder_new(d);
    dy_error err;
    if (c && tree && dy_coder_set_option(c, "SET: SYNTAX = PARSE", &err) != DY_OK)
        abort();
    if (c)
        each_doc(kind, buf, len, code_one, c);
    dy_coder_free(&c);
}

typedef struct {
    char *out;
    size_t *n;
} doclist;

static void list_one(void *ctx, const dy_doc *doc)
{
    doclist *l = ctx;
    int w = snprintf(l->out + *l->n, 8192 - *l->n, "%s|%.*s\n", doc->id ? doc->id : "", (int)doc->text_len, doc->text);
    *l->n = w > 0 && *l->n + (size_t)w < 8192 ? *l->n + (size_t)w : 8191;
}

/* The records of buf read whole and read in pieces (as `dyad code` reads a
 * stream) are the same: ids and texts in order. */
static void same_in_pieces(dy_input_kind kind, const char *buf, size_t len, size_t piece)
{
    char a[8192] = "", b[8192] = "";
    size_t na = 0, nb = 0;
    for (int pass = 0; pass < 2; pass++) {
        char *out = pass ? b : a;
        size_t *n = pass ? &nb : &na;
        size_t from = 0;
        unsigned line = 1, records = 0;
        while (from < len) {
            size_t want = pass ? (piece < len - from ? piece : len - from) : len - from;
            size_t cut = want < len - from ? dy_reader_cut(kind, buf + from, want) : want;
            if (!cut) {
                if (want == len - from)
                    cut = want;
                else {
                    piece *= 2; /* a record longer than the piece: a larger one */
                    continue;
                }
            }
            char *copy = malloc(cut + 1);
            if (!copy)
                return;
            memcpy(copy, buf + from, cut);
            copy[cut] = '\0';
            doclist l = {out, n};
            each_doc_at(kind, copy, cut, list_one, &l, &line, &records);
            free(copy);
            from += cut;
        }
    }
    if (na < 8191 && nb < 8191 && strcmp(a, b) != 0)
        abort();
}

/* A valid image of the small PETRARCH set, built once. */
static char img_path[64];
static char *img;
static size_t img_len;

static void forged_image(const uint8_t *data, size_t size)
{
    if (!img) {
        snprintf(img_path, sizeof img_path, "/tmp/dyad-fuzz-%ld.dict", (long)getpid());
        const char *src[1] = {"fuzz"};
        dy_cache_srcrec pre = {0};
        dy_error err;
        if (dy_cache_write(petr_dict(), src, 0, &pre, img_path, &err) != DY_OK)
            abort();
        FILE *f = fopen(img_path, "rb");
        if (!f)
            abort();
        img = malloc(1 << 22);
        img_len = img ? fread(img, 1, 1 << 22, f) : 0;
        fclose(f);
    }
    dy_cache_header h;
    memcpy(&h, img, sizeof h);
    size_t pay = sizeof h + (16 - sizeof h % 16) % 16; /* no sources */
    char *x = malloc(img_len);
    if (!x)
        return;
    memcpy(x, img, img_len);
    /* edits: 4 bytes of offset, 1 of width, then the value */
    for (size_t i = 0; i + 6 <= size;) {
        uint32_t off;
        memcpy(&off, data + i, 4);
        size_t w = (size_t)data[i + 4] % 8 + 1;
        i += 5;
        if (i + w > size)
            break;
        off %= (uint32_t)h.payload;
        if (off + w <= h.payload)
            memcpy(x + pay + off, data + i, w);
        i += w;
    }
    h.sum = dy_cache_checksum(x + pay + h.payload, h.nrel * 8, dy_cache_checksum(x + pay, h.payload, 0));
    memcpy(x, &h, sizeof h);
    FILE *f = fopen(img_path, "wb");
    if (f) {
        fwrite(x, 1, img_len, f);
        fclose(f);
        struct dy_dict *d = NULL;
        dy_error err;
        if (dy_cache_read(img_path, &d, &err) == DY_OK && d) {
            dy_coder *c = dy_coder_new(d);
            dy_result r;
            const char *s = "Arnor said Gondor attacked Rohan and the officials of Mordor met Arnor.";
            if (c)
                dy_code_sentence(c, s, strlen(s), 20180101, &r, &err);
            dy_coder_free(&c);
            dy_dict_free(&d);
        }
    }
    free(x);
}

/* Compiles what a loader built and codes a sentence with it. */
static void compile_and_code(dy_dict_builder *b)
{
    struct dy_dict *d = b ? dy_dict_compile(&b, "fuzz") : NULL;
    if (!d) {
        dy_dict_builder_free(&b);
        return;
    }
    dy_coder *c = dy_coder_new(d);
    dy_result r;
    dy_error err;
    const char *s = "Arnor and Gondor met Rohan, the Ent official said on Monday in Bree.";
    if (c)
        dy_code_sentence(c, s, strlen(s), 19950101, &r, &err);
    dy_coder_free(&c);
    dy_dict_free(&d);
}

/* Parses every sentence of a CoNLL-U input with the model m. */
static void parse_conllu(const dy_syntax *m, const char *buf, size_t len)
{
    dy_conllu *r = dy_conllu_mem("fuzz", buf, len);
    dy_parser *p = dy_parser_new(m);
    static const char *forms[DY_CONLLU_MAX_WORDS];
    static size_t lens[DY_CONLLU_MAX_WORDS];
    for (int guard = 0; r && p && guard < 100000; guard++) {
        dy_conllu_sent s;
        bool eof;
        dy_error err;
        dy_status st = dy_conllu_next(r, &s, &eof, &err);
        if (st == DY_ERR_PARSE || st == DY_ERR_LIMIT)
            continue;
        if (st || eof)
            break;
        dy_conllu_forms(&s, forms, lens);
        for (int i = 0; i < s.n; i++)
            if (s.w[i].head < -1 || s.w[i].head > s.n)
                abort();
        const dy_word *w;
        if (dy_parse_words(p, forms, lens, (size_t)s.n, &w, &err) == DY_OK)
            for (int i = 0; i < s.n; i++)
                if (w[i].head < 0 || w[i].head > s.n || !w[i].deprel || !w[i].upos)
                    abort();
    }
    dy_parser_free(&p);
    dy_conllu_free(&r);
}

/* 16: CoNLL-U; 17: raw text; 18: model edits (offset, byte) pairs. */
static void syntax_input(int sel, const uint8_t *data, size_t size)
{
    static dy_syntax *syn;
    dy_error err;
    if (!syn && dy_syntax_load(NULL, &syn, &err) != DY_OK)
        abort();
    if (sel == 16) {
        parse_conllu(syn, (const char *)data, size);
        return;
    }
    if (sel == 17) {
        dy_parser *p = dy_parser_new(syn);
        const dy_word *w;
        size_t n;
        if (p && dy_parse_text(p, (const char *)data, size, &w, &n, &err) == DY_OK)
            for (size_t i = 0; i < n; i++)
                if (w[i].start + w[i].len > size || w[i].len == 0 || w[i].head > (int)n)
                    abort();
        dy_parser_free(&p);
        return;
    }
    size_t len = (size_t)dy_syn_blob_size;
    unsigned char *mimg = malloc(len);
    if (!mimg)
        return;
    memcpy(mimg, dy_syn_blob, len);
    for (size_t i = 0; i + 4 <= size; i += 4) { /* 3 bytes of offset, 1 of value */
        size_t off = ((size_t)data[i] << 16 | (size_t)data[i + 1] << 8 | data[i + 2]);
        off = off < 1024 ? off : off * 7 % len; /* the header often, the rest anywhere */
        mimg[off % len] = data[i + 3];
    }
    uint64_t sum = dy_syn_checksum(mimg, len);
    memcpy(mimg + 32, &sum, 8);
    dy_syn_model m;
    if (dy_syn_view(mimg, len, &m, &err) == DY_OK) {
        dy_syn_work *w = malloc(sizeof *w);
        static const char *const forms[] = {"The", "talks", "were", "held", "in", "Qingdao", "."};
        static const size_t lens[] = {3, 5, 4, 4, 2, 7, 1};
        static const bool name[] = {false, false, false, false, false, true, false};
        if (w)
            dy_syn_run(&m, w, forms, lens, 7, name);
        for (int i = 0; w && i < 7; i++)
            if (w->tag[i] >= m.ntags || w->label[i] >= m.nlabels || w->head[i] < 0 || w->head[i] > 7)
                abort();
        free(w);
    }
    free(mimg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int sel = data[0] < 19 ? data[0] : data[0] % 12;
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    if (sel < 4) {
        static const int kinds[4] = {DY_TK_ACTORS, DY_TK_AGENTS, DY_TK_VERBS, DY_TK_OPTIONS};
        dy_dict_builder *b = dy_dict_builder_new();
        dy_load_opts lo = {0};
        dy_tabari_parse(b, kinds[sel], "fuzz", buf, len, &lo);
        compile_and_code(b);
        return 0;
    }
    if (sel >= 7 && sel < 11) {
        static const int pk[4] = {DY_PK_VERBS, DY_PK_AGENTS, DY_PK_DISCARDS, DY_PK_ISSUES};
        dy_dict_builder *b = dy_dict_builder_new();
        dy_load_opts lo = {0};
        dy_petr_parse(b, pk[sel - 7], "fuzz", buf, len, &lo);
        compile_and_code(b);
        return 0;
    }
    if (sel == 12) { /* PETRARCH actors: the TABARI format, PETRARCH dialect */
        dy_dict_builder *b = dy_dict_builder_new();
        dy_load_opts lo = {0};
        dy_dict_builder_mark_petr(b);
        dy_tabari_parse_dialect(b, DY_TK_ACTORS, "fuzz", buf, len, &lo, true);
        compile_and_code(b);
        return 0;
    }
    if (sel == 13 && len >= 2) { /* streaming: kind and piece size, then the input */
        static const dy_input_kind k[3] = {DY_IN_JSONL, DY_IN_TABARI, DY_IN_PETRARCH};
        same_in_pieces(k[(unsigned char)buf[0] % 3], buf + 2, len - 2, (size_t)(unsigned char)buf[1] + 1);
        return 0;
    }
    if (sel == 14) { /* option lines, then a sentence coded with them */
        dy_coder *c = dy_coder_new(petr_dict());
        char line[512];
        dy_error err;
        for (size_t i = 0; c && i < len;) {
            size_t e = i;
            while (e < len && buf[e] != '\n' && e - i < sizeof line - 1)
                e++;
            memcpy(line, buf + i, e - i);
            line[e - i] = '\0';
            dy_coder_set_option(c, line, &err);
            i = e + 1;
        }
        dy_result r;
        const char *s = "Arnor said Gondor attacked Rohan and the officials of Mordor met Arnor.";
        if (c)
            dy_code_sentence(c, s, strlen(s), 20180101, &r, &err);
        dy_coder_free(&c);
        return 0;
    }
    if (sel == 15) {
        forged_image(data + 1, size - 1);
        return 0;
    }
    if (sel >= 16) {
        syntax_input(sel, data + 1, size - 1);
        return 0;
    }
    if (sel == 11) {
        dy_px px;
        dy_px_init(&px, buf, len);
        dy_px_item it = {0};
        char msg[128];
        for (int guard = 0; guard < 100000; guard++) {
            dy_px_next(&px, &it, msg, sizeof msg);
            if (it.kind == DY_PX_END)
                break;
        }
        dy_px_item_clear(&it);
        /* and the records through the reader and the coder, below */
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return 0;
    memcpy(copy, buf, len);
    copy[len] = '\0';
    code_all(sel == 4 ? DY_IN_JSONL : sel == 5 ? DY_IN_TEXT : sel == 6 ? DY_IN_TABARI : DY_IN_PETRARCH, copy, len);
    free(copy);
    return 0;
}
