/* test_unit.c: unit tests for every library module (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "../include/dyad.h"
#include "arena.h"
#include "lex.h"
#include "segment.h"
#include "dict.h"
#include "tabari.h"
#include "options.h"
#include "petrarch.h"
#include "petrxml.h"
#include "cache.h"
#include "grammar.h"
#include <unistd.h>

/* ---- arena ---- */
static void test_arena_alloc_reset(void **st)
{
    (void)st;
    dy_arena a;
    dy_arena_init(&a, 64, 0);
    char *p = dy_arena_alloc(&a, 10);
    assert_non_null(p);
    char *q = dy_arena_alloc(&a, 1000); /* larger than a block */
    assert_non_null(q);
    memset(q, 1, 1000);
    assert_true(a.used_total >= 1010);
    dy_arena_reset(&a);
    assert_int_equal(a.used_total, 0);
    char *s = dy_arena_strndup(&a, "abcdef", 3);
    assert_string_equal(s, "abc");
    dy_arena_free(&a);
}

static void test_arena_cap(void **st)
{
    (void)st;
    dy_arena a;
    dy_arena_init(&a, 64, 256);
    assert_non_null(dy_arena_alloc(&a, 200));
    assert_null(dy_arena_alloc(&a, 200)); /* over the cap */
    dy_arena_free(&a);
}

/* ---- lex ---- */
static int lex(const char *s, dy_token *t, dy_arena *a, bool *caps)
{
    return dy_lex(a, s, strlen(s), t, 128, caps, false);
}

static void test_lex_filter(void **st)
{
    (void)st;
    dy_arena a;
    dy_arena_init(&a, 4096, 0);
    dy_token t[128];
    bool caps;
    int n = lex("Gondor's troops, 1,500 of them, left the U.N. base.", t, &a, &caps);
    assert_false(caps);
    /* GONDOR'S TROOPS , 1500 OF THEM , LEFT THE U.N. BASE */
    assert_int_equal(n, 11);
    assert_string_equal(t[0].w, "GONDOR'S");
    assert_true(t[0].cap);
    assert_int_equal(t[2].cls, DY_W_COMMA);
    assert_string_equal(t[3].w, "1500");
    assert_int_equal(t[3].cls, DY_W_NUM);
    assert_int_equal(t[5].cls, DY_W_PRON);
    assert_int_equal(t[5].pron, DY_PR_PLURAL);
    assert_string_equal(t[9].w, "U.N.");
    assert_string_equal(t[10].w, "BASE"); /* sentence-final period dropped */
    /* offsets point into the original text */
    assert_int_equal(t[1].off, 9);
    assert_int_equal(t[1].len, 6);
    /* the sentence's last word loses a final period after a capital too;
     * an abbreviation with periods inside keeps it */
    n = lex("It was presented by the US.\"", t, &a, &caps);
    assert_string_equal(t[n - 1].w, "US");
    n = lex("It was presented by the U.S.", t, &a, &caps);
    assert_string_equal(t[n - 1].w, "U.S.");
    n = lex("The US. Army", t, &a, &caps);
    assert_string_equal(t[1].w, "US.");
    /* reflexives are pronouns of their own kind: they stand for the
     * nearest actor, not the first one */
    n = lex("Iraq attacked themselves", t, &a, &caps);
    assert_int_equal(n, 3);
    assert_int_equal(t[2].cls, DY_W_PRON);
    assert_int_equal(t[2].pron, DY_PR_SELF);
    dy_arena_free(&a);
}

static void test_lex_hyphen_diacritics_invalid(void **st)
{
    (void)st;
    dy_arena a;
    dy_arena_init(&a, 4096, 0);
    dy_token t[128];
    bool caps;
    int n = lex("al-Assad met Erdo\xc4\x9f" "an in Z\xc3\xbcrich \xff\xfe ok", t, &a, &caps);
    /* hyphen splits, marks are stripped, a word of invalid bytes is dropped */
    assert_int_equal(n, 7);
    assert_string_equal(t[0].w, "AL");
    assert_string_equal(t[1].w, "ASSAD");
    assert_string_equal(t[3].w, "ERDOGAN");
    assert_string_equal(t[5].w, "ZURICH");
    assert_string_equal(t[6].w, "OK");
    dy_arena_free(&a);
}

static void test_lex_typographic_punctuation(void **st)
{
    (void)st;
    dy_arena a;
    dy_arena_init(&a, 4096, 0);
    dy_token t[128];
    bool caps;
    /* curly quotes and an em dash separate words; a curly apostrophe inside
     * a word is the ASCII one */
    int n = lex("\xe2\x80\x9c" "China\xe2\x80\x9d and Pakistan\xe2\x80\x94" "India, Xi Jinping\xe2\x80\x99s talks",
                t, &a, &caps);
    assert_int_equal(n, 8);
    assert_string_equal(t[0].w, "CHINA");
    assert_int_equal(t[0].off, 3);
    assert_int_equal(t[0].len, 5);
    assert_string_equal(t[2].w, "PAKISTAN");
    assert_string_equal(t[3].w, "INDIA");
    assert_string_equal(t[6].w, "JINPING'S");
    assert_string_equal(t[7].w, "TALKS");
    /* British "co-operation" is the dictionaries' one word */
    n = lex("closer co-operation, co-hosted", t, &a, &caps);
    assert_int_equal(n, 5);
    assert_string_equal(t[1].w, "COOPERATION");
    assert_int_equal(t[1].len, 12);
    assert_string_equal(t[3].w, "CO");
    assert_string_equal(t[4].w, "HOSTED");
    dy_arena_free(&a);
}

static void test_lex_allcaps_and_longword(void **st)
{
    (void)st;
    dy_arena a;
    dy_arena_init(&a, 4096, 0);
    dy_token t[128];
    bool caps;
    char buf[200];
    memset(buf, 'A', 150);
    buf[150] = '\0';
    int n = lex(buf, t, &a, &caps);
    assert_true(caps);
    assert_int_equal(n, 3); /* 63 + 63 + 24 */
    assert_int_equal(t[0].wl, DY_LEX_MAX_WORD);
    assert_int_equal(t[2].wl, 150 - 2 * DY_LEX_MAX_WORD);
    dy_arena_free(&a);
}

/* ---- segment ---- */
static void test_segment_dateline_credit(void **st)
{
    (void)st;
    const char *txt = "\n\xe2\x80\x94" "File Photo\n\nBEIJING: China met Pakistan. Mr. Smith said the U.S. agreed. "
                      "\"Done.\" Next one?\n\xe2\x80\x94INP\n";
    dy_span sp[16];
    int n = dy_segment(txt, strlen(txt), sp, 16);
    assert_int_equal(n, 4);
    assert_memory_equal(txt + sp[0].off, "China met Pakistan.", sp[0].len);
    assert_memory_equal(txt + sp[1].off, "Mr. Smith said the U.S. agreed.", sp[1].len);
    assert_memory_equal(txt + sp[2].off, "\"Done.\"", sp[2].len);
    assert_memory_equal(txt + sp[3].off, "Next one?", sp[3].len);
}

/* Hard-wrapped lines run on to the end of their sentence; a blank line,
 * a sentence end or a short capitalised line (a heading) ends a paragraph */
static void test_segment_wrapped(void **st)
{
    (void)st;
    const char *txt = "Today, the United Nations\nremains the most effective body for\npreserving peace. As one of "
                      "its earliest Member States, Afghanistan fully\nand consistently subscribes to it\n\n"
                      "Background\nPakistan met China.\nIndia said:\nWe agree.\n";
    dy_span sp[16];
    int n = dy_segment(txt, strlen(txt), sp, 16);
    assert_int_equal(n, 6);
    assert_int_equal(sp[0].len, strlen("Today, the United Nations\nremains the most effective body for\npreserving peace."));
    assert_memory_equal(txt + sp[0].off, "Today, the United Nations\nremains", strlen("Today, the United Nations\nremains"));
    assert_memory_equal(txt + sp[1].off, "As one of its earliest Member States, Afghanistan fully\nand consistently subscribes to it",
                        sp[1].len);
    assert_memory_equal(txt + sp[2].off, "Background", sp[2].len);
    assert_memory_equal(txt + sp[3].off, "Pakistan met China.", sp[3].len);
    assert_memory_equal(txt + sp[4].off, "India said:", sp[4].len);
    assert_memory_equal(txt + sp[5].off, "We agree.", sp[5].len);
}

static void test_segment_datelines(void **st)
{
    (void)st;
    const char *a = "ISLAMABAD, June 10 (Reuters) - Pakistan said.";
    assert_int_equal(dy_segment_dateline(a, strlen(a)), strlen("ISLAMABAD, June 10 (Reuters) - "));
    const char *b = "NEW DELHI: India said.";
    assert_int_equal(dy_segment_dateline(b, strlen(b)), strlen("NEW DELHI: "));
    const char *c = "China-Pakistan talks held.";
    assert_int_equal(dy_segment_dateline(c, strlen(c)), 0);
    const char *d = "UN: talks";
    assert_int_equal(dy_segment_dateline(d, strlen(d)), 0); /* too short for a city */
}

static void test_segment_cap(void **st)
{
    (void)st;
    size_t n = DY_SEG_MAX_SENTENCE * 2 + 100;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = (i % 7 == 6) ? ' ' : 'x';
    big[n] = '\0';
    dy_span sp[16];
    int k = dy_segment(big, n, sp, 16);
    assert_true(k >= 3);
    for (int i = 0; i < k; i++)
        assert_true(sp[i].len <= DY_SEG_MAX_SENTENCE);
    free(big);
}

/* A run-on sentence of short words is cut into pieces of at most
 * DY_SEG_MAX_WORDS words and marks, at a comma where one is near the cap:
 * the coder's work per piece is bounded */
static void test_segment_word_cap(void **st)
{
    (void)st;
    char *t = malloc(20000);
    assert_non_null(t);
    size_t n = 0;
    for (int i = 0; i < 1000; i++)
        n += (size_t)sprintf(t + n, i % 50 == 49 ? "US hit UK, " : "US hit UK ");
    dy_span sp[64];
    int k = dy_segment(t, n, sp, 64);
    assert_true(k >= 10);
    size_t covered = 0;
    for (int i = 0; i < k; i++) {
        unsigned words = 0;
        for (size_t j = sp[i].off; j < sp[i].off + sp[i].len; j++)
            words += t[j] == ',' || (t[j] != ' ' && (j == sp[i].off || t[j - 1] == ' '));
        assert_true(words <= DY_SEG_MAX_WORDS);
        if (i + 1 < k)
            assert_int_equal(t[sp[i].off + sp[i].len - 1], ','); /* cut after a comma */
        covered += sp[i].len;
    }
    assert_true(covered + (size_t)k >= n - 1); /* nothing dropped but blanks */
    free(t);
}

/* Segmenting in windows of a few sentences gives the spans one call
 * gives: paragraphs, wrapped lines, credits and long runs across window
 * ends included */
static void test_segment_windows(void **st)
{
    (void)st;
    const char *para = "BEIJING: China met Pakistan. Mr. Smith said the U.S. agreed.\n\xe2\x80\x94INP\n"
                       "Today, the United Nations\nremains the body for\npreserving peace. \"Done.\" Next one?\n\n";
    size_t pl = strlen(para), n = pl * 50 + DY_SEG_MAX_SENTENCE * 3;
    char *t = malloc(n + 1);
    assert_non_null(t);
    for (size_t i = 0; i < 50; i++)
        memcpy(t + i * pl, para, pl);
    for (size_t i = pl * 50; i < n; i++)
        t[i] = (i % 7 == 6) ? ' ' : 'x';
    t[n] = '\0';
    dy_span all[1024], win[5];
    int na = dy_segment(t, n, all, 1024);
    assert_true(na > 200 && na < 1024);
    int k = 0;
    for (size_t from = 0;;) {
        int m = dy_segment_from(t, n, from, win, 5);
        for (int i = 0; i < m; i++, k++) {
            assert_true(k < na);
            assert_int_equal(win[i].off, all[k].off);
            assert_int_equal(win[i].len, all[k].len);
        }
        if (m < 5)
            break;
        from = win[m - 1].off + win[m - 1].len;
    }
    assert_int_equal(k, na);
    free(t);
}

/* ---- cache images ---- */
/* Writes the image back with word w of the payload set to v and the
 * checksum recomputed (a forgery, not damage); reads it and, when it is
 * taken, codes a sentence with it. */
static void forge_try(const char *path, const char *img, size_t len, size_t pay, size_t npay, size_t nrel, size_t w,
                      uint64_t v)
{
    char *x = malloc(len);
    assert_non_null(x);
    memcpy(x, img, len);
    memcpy(x + pay + w, &v, sizeof v);
    dy_cache_header h;
    memcpy(&h, x, sizeof h);
    h.sum = dy_cache_checksum(x + pay + npay, nrel * 8, dy_cache_checksum(x + pay, npay, 0));
    memcpy(x, &h, sizeof h);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(x, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    free(x);
    struct dy_dict *d = NULL;
    dy_error err;
    assert_int_equal(dy_cache_read(path, &d, &err), DY_OK);
    if (d) {
        dy_coder *c = dy_coder_new(d);
        dy_result res;
        if (c)
            dy_code_sentence(c, "Pakistan condemned India and Nepal on Monday.", 45, 20180101, &res, &err);
        dy_coder_free(&c);
        dy_dict_free(&d);
    }
}

/* A planted image with a recomputed checksum is read only when every
 * pointer, string and index in it is sound: each relocated pointer and
 * each word of the dy_dict record is forged in turn (the sanitizer pass of
 * make check turns any read outside the image into a failure). */
static void test_cache_forged(void **st)
{
    (void)st;
    const char *files[2] = {"tests/golden/mini.actors", "tests/golden/mini.verbs"};
    dy_load_opts lo = {0};
    dy_error err;
    dy_dict *d = NULL;
    assert_int_equal(dy_dict_load_files(files, 2, &lo, &d, &err), DY_OK);
    char path[] = "/tmp/dyad-forge-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    dy_cache_srcrec pre[2];
    assert_true(dy_cache_stat_sources(files, 2, pre));
    assert_int_equal(dy_cache_write(d, files, 2, pre, path, &err), DY_OK);
    dy_dict_free(&d);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char img[1 << 22];
    size_t len = fread(img, 1, sizeof img, f);
    fclose(f);
    dy_cache_header h;
    memcpy(&h, img, sizeof h);
    size_t pos = sizeof h;
    for (uint64_t i = 0; i < h.nsrc; i++) {
        dy_cache_srcrec r;
        memcpy(&r, img + pos, sizeof r);
        pos += sizeof r + r.pathlen;
    }
    pos += (16 - pos % 16) % 16;
    assert_int_equal(pos + h.payload + h.nrel * 8, len);
    const uint64_t vals[4] = {h.payload, h.payload - 2, 2, h.payload / 2 + 3};
    for (uint64_t i = 0; i < h.nrel; i++) {
        uint64_t at;
        memcpy(&at, img + pos + h.payload + i * 8, 8);
        for (int k = 0; k < 4; k++)
            forge_try(path, img, len, pos, h.payload, h.nrel, at, vals[k]);
    }
    for (size_t w = 0; w < offsetof(struct dy_dict, lenmask); w += 4) {
        forge_try(path, img, len, pos, h.payload, h.nrel, h.dict_off + w - w % 8,
                  (uint64_t)0xfffffff0u << (w % 8 ? 32 : 0));
        forge_try(path, img, len, pos, h.payload, h.nrel, h.dict_off + w - w % 8, 1000u);
    }
    unlink(path);
}

/* A source edited while its image was built: the image records the file
 * as it was before parsing, so it is not trusted for the edited file */
static void test_cache_edited_while_built(void **st)
{
    (void)st;
    char dir[] = "/tmp/dyad-edit-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], v[64], img[80];
    snprintf(a, sizeof a, "%s/x.actors", dir);
    snprintf(v, sizeof v, "%s/x.verbs", dir);
    snprintf(img, sizeof img, "%s/0123456789abcdef-00000000.dict", dir);
    FILE *f = fopen(a, "w");
    assert_non_null(f);
    fputs("PAKISTAN_ [PAK]\nINDIA_ [IND]\n", f);
    fclose(f);
    f = fopen(v, "w");
    assert_non_null(f);
    fputs("CONDEMN [111]\n", f);
    fclose(f);
    const char *files[2] = {a, v};
    dy_cache_srcrec pre[2];
    assert_true(dy_cache_stat_sources(files, 2, pre));
    dy_load_opts lo = {0};
    dy_error err;
    dy_dict *d = NULL;
    assert_int_equal(dy_dict_load_files(files, 2, &lo, &d, &err), DY_OK);
    f = fopen(a, "a"); /* the edit, after parsing and before the image */
    assert_non_null(f);
    fputs("NEPAL_ [NPL]\n", f);
    fclose(f);
    assert_int_equal(dy_cache_write(d, files, 2, pre, img, &err), DY_OK);
    dy_dict_free(&d);
    struct dy_dict *c = NULL;
    assert_int_equal(dy_cache_read(img, &c, &err), DY_OK);
    assert_null(c); /* stale: rebuilt */
    /* and written again with the files unchanged it is used */
    assert_true(dy_cache_stat_sources(files, 2, pre));
    assert_int_equal(dy_dict_load_files(files, 2, &lo, &d, &err), DY_OK);
    assert_int_equal(dy_cache_write(d, files, 2, pre, img, &err), DY_OK);
    dy_dict_free(&d);
    assert_int_equal(dy_cache_read(img, &c, &err), DY_OK);
    assert_non_null(c);
    dy_dict_free(&c);
    unlink(img);
    unlink(a);
    unlink(v);
    rmdir(dir);
}

/* ---- dictionary words and phrases ---- */
static void test_word_match(void **st)
{
    (void)st;
    dy_el stem = {"SYRI", 4, DY_EL_WORD, 0, 0};
    assert_true(dy_dict_word_match(&stem, "SYRIAN", 6));
    assert_false(dy_dict_word_match(&stem, "SYRACUSE", 8));
    dy_el exact = {"DEPART", 6, DY_EL_WORD, DY_EL_EXACT, 0};
    assert_true(dy_dict_word_match(&exact, "DEPARTED", 8));
    assert_true(dy_dict_word_match(&exact, "DEPARTING", 9));
    assert_false(dy_dict_word_match(&exact, "DEPARTX", 7));
    assert_false(dy_dict_word_match(&exact, "DEPART'S", 8)); /* 'S is a noun ending */
    dy_el e = {"DEPLORE", 7, DY_EL_WORD, DY_EL_EXACT, 0};
    assert_true(dy_dict_word_match(&e, "DEPLORED", 8));
    assert_true(dy_dict_word_match(&e, "DEPLORING", 9));
    dy_el noun = {"LIBYA", 5, DY_EL_WORD, DY_EL_EXACT | DY_EL_NOUNEND, 0};
    assert_true(dy_dict_word_match(&noun, "LIBYA'S", 7));
    assert_false(dy_dict_word_match(&noun, "LIBYAED", 7));
    dy_el strict = {"BAN", 3, DY_EL_WORD, DY_EL_EXACT | DY_EL_STRICT, 0};
    assert_true(dy_dict_word_match(&strict, "BAN", 3));
    assert_false(dy_dict_word_match(&strict, "BANS", 4));
}

static void test_phrase_flags(void **st)
{
    (void)st;
    dy_dict_builder *b = dy_dict_builder_new();
    dy_seq q;
    char msg[128];
    const char *p = "+ KNOWN_ * IN_$ THE_NEAT~_PLACE";
    assert_true(dy_tabari_phrase(b, p, strlen(p), false, true, &q, msg, sizeof msg));
    assert_int_equal(q.n, 8);
    assert_int_equal(q.el[0].kind, DY_EL_TGT);
    assert_string_equal(q.el[1].w, "KNOWN");
    assert_true(q.el[1].flags & DY_EL_EXACT);
    assert_false(q.el[1].flags & DY_EL_ADJ);
    assert_int_equal(q.el[2].kind, DY_EL_VERB);
    assert_true(q.el[3].flags & DY_EL_ADJ); /* IN_$ */
    assert_int_equal(q.el[4].kind, DY_EL_SRC);
    assert_false(q.el[6].flags & DY_EL_EXACT); /* NEAT~ stays a stem */
    assert_true(q.el[6].flags & DY_EL_ADJ);
    assert_false(dy_tabari_phrase(b, "$ X", 3, false, false, &q, msg, sizeof msg));
    assert_false(dy_tabari_phrase(b, "&NOPE", 5, false, true, &q, msg, sizeof msg));
    dy_dict_builder_free(&b);
}

typedef struct {
    int n;
    unsigned lines[16];
} diags;

static void collect(void *ctx, const char *file, unsigned line, unsigned col, const char *msg)
{
    (void)file;
    (void)col;
    (void)msg;
    diags *d = ctx;
    if (d->n < 16)
        d->lines[d->n] = line;
    d->n++;
}

static void test_tabari_malformed_lines(void **st)
{
    (void)st;
    const char *actors = "ARNOR [ARN]\nBADDATE [XX 99999]\nNOCODE [ ]\nOPEN [GON\nGONDOR\n+MINAS_TIRITH\n\t[GON]\n[STRAY]\n";
    diags d = {0};
    dy_load_opts lo = {collect, &d, 0};
    dy_dict_builder *b = dy_dict_builder_new();
    dy_tabari_parse(b, DY_TK_ACTORS, "t.actors", actors, strlen(actors), &lo);
    struct dy_dict *dict = dy_dict_compile(&b, "t");
    assert_non_null(dict);
    assert_int_equal(d.n, 3);
    assert_int_equal(d.lines[0], 2);
    assert_int_equal(d.lines[1], 3);
    assert_int_equal(d.lines[2], 4);
    assert_int_equal(dict->nactors, 2); /* ARNOR and GONDOR survive */
    dy_dict *dp = dict;
    dy_dict_free(&dp);
    assert_null(dp);
}

static void test_tabari_verbs_and_dates(void **st)
{
    (void)st;
    const char *verbs = "<SYNSETS>\n&C\n+DOLLAR\n</SYNSETS>\nGIVE_ [070]\n{ GAVE_ GIVEN_ }\n- * &C [071]\n- * { AID | HELP } NOW [073]\n- NO STAR [111]\n";
    diags d = {0};
    dy_load_opts lo = {collect, &d, 0};
    dy_dict_builder *b = dy_dict_builder_new();
    dy_tabari_parse(b, DY_TK_VERBS, "t.verbs", verbs, strlen(verbs), &lo);
    struct dy_dict *dict = dy_dict_compile(&b, "t");
    assert_int_equal(d.n, 1); /* missing '*' */
    assert_int_equal(dict->nverbs, 1);
    assert_int_equal(dict->verbs[0].npat, 3); /* alternatives expanded */
    assert_int_equal(dict->nroots, 3);        /* GIVE, GAVE, GIVEN */
    int32_t dt = 0;
    assert_true(dy_dict_parse_date("950601", 6, false, &dt));
    assert_int_equal(dt, 19950601);
    assert_true(dy_dict_parse_date("010101", 6, false, &dt));
    assert_int_equal(dt, 20010101);
    assert_false(dy_dict_parse_date("951301", 6, false, &dt));
    dy_dict *dp = dict;
    dy_dict_free(&dp);
}

/* ---- options ---- */
static void test_options(void **st)
{
    (void)st;
    dy_opts o;
    dy_opts_default(&o);
    char msg[64];
    assert_int_equal(dy_opts_apply(&o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", msg, 64), 0);
    assert_int_equal(o.cx_verbs, 5);
    assert_int_equal(o.cx_conj, 4);
    assert_true(o.cx_noactprior);
    assert_int_equal(dy_opts_apply(&o, "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8", msg, 64), 0);
    assert_int_equal(o.comma_min, 4);
    assert_int_equal(o.comma_max, 6);
    assert_int_equal(o.comma_emin, 3);
    assert_int_equal(o.comma_bmax, 8);
    assert_int_equal(dy_opts_apply(&o, "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]", msg, 64), 0);
    assert_string_equal(o.def_src, "DEFSRC");
    assert_true(o.def_src_prior);
    assert_false(o.def_tgt_after);
    assert_int_equal(dy_opts_apply(&o, "SET: CODE BY SENTENCE", msg, 64), 0);
    assert_int_equal(o.code_by, DY_CODEBY_SENTENCE);
    assert_int_equal(dy_opts_apply(&o, "SET: MINIMUM WORDS = x", msg, 64), -1);
    assert_int_equal(dy_opts_apply(&o, "BOGUS LINE", msg, 64), -1);
    assert_int_equal(dy_opts_apply(&o, "// just a comment", msg, 64), 0);
}

/* ---- readers ---- */
static void test_reader_jsonl(void **st)
{
    (void)st;
    const char *in = "{\"id\":\"a\",\"date\":\"2018-06-11\",\"title\":\"T\",\"text\":\"x\"}\n"
                     "{\"id\":\"b\",\"text\":\"trunc\n"
                     "\n"
                     "[1,2]\n"
                     "{\"id\":\"c\",\"date\":\"June\",\"text\":\"y\"}\n"
                     "{\"text\":\"z\"}";
    dy_reader *r = dy_reader_new("in.jsonl", in, strlen(in), DY_IN_AUTO, 20000101);
    assert_int_equal(dy_reader_kind(r), DY_IN_JSONL);
    dy_doc doc;
    bool eof;
    dy_error err;
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_string_equal(doc.id, "a");
    assert_int_equal(doc.date, 20180611);
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_ERR_PARSE);
    assert_non_null(strstr(err.msg, "in.jsonl:2:"));
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_ERR_PARSE);
    assert_non_null(strstr(err.msg, "in.jsonl:4:"));
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_ERR_PARSE);
    assert_non_null(strstr(err.msg, "in.jsonl:5:"));
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_false(eof);
    assert_string_equal(doc.text, "z");
    assert_int_equal(doc.date, 20000101); /* default */
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_true(eof);
    dy_reader_free(&r);
    assert_null(r);
}

static void test_reader_tabari_and_text(void **st)
{
    (void)st;
    const char *in = "# comment block\nnot coded\n\n950101 REC-1\nArnor met\nGondor. /* note */\n\n991301 BAD\nx\n\n";
    dy_reader *r = dy_reader_new("v.txt", in, strlen(in), DY_IN_AUTO, 0);
    assert_int_equal(dy_reader_kind(r), DY_IN_TABARI);
    dy_doc doc;
    bool eof;
    dy_error err;
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_string_equal(doc.id, "REC-1");
    assert_int_equal(doc.date, 19950101);
    assert_non_null(strstr(doc.text, "Arnor met Gondor."));
    assert_null(strstr(doc.text, "note"));
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_ERR_PARSE);
    assert_non_null(strstr(err.msg, "v.txt:8:"));
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_true(eof);
    dy_reader_free(&r);

    const char *art = "\n\nHeadline here\nBody text.";
    r = dy_reader_new("a.txt", art, strlen(art), DY_IN_AUTO, 20180611);
    assert_int_equal(dy_reader_kind(r), DY_IN_TEXT);
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_string_equal(doc.title, "Headline here");
    assert_true(doc.split);
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_true(eof);
    dy_reader_free(&r);

    r = dy_reader_new("empty", "", 0, DY_IN_AUTO, 0);
    assert_int_equal(dy_reader_next(r, &doc, &eof, &err), DY_OK);
    assert_true(eof);
    dy_reader_free(&r);
}

/* ---- writer ---- */
static void test_event_json(void **st)
{
    (void)st;
    const char *sent = "Arnor \"met\" Gondor\xff.";
    dy_event e;
    memset(&e, 0, sizeof e);
    e.sentence = 2;
    e.date = 20180611;
    e.source = "ARN";
    e.target = "GON";
    e.code = "040";
    e.root = "04";
    e.has_cameo = true;
    e.quad = 1;
    e.goldstein = 1.0;
    e.source_off = 0;
    e.source_len = 5;
    e.target_off = 12;
    e.target_len = 7; /* includes the invalid byte */
    e.verb_off = 7;
    e.verb_len = 3;
    e.rule_file = "x.verbs";
    e.rule_line = 3;
    e.sentence_text = sent;
    e.sentence_len = strlen(sent);
    char buf[1024];
    size_t n = dy_event_json(&e, "d\"1", true, buf, sizeof buf);
    assert_int_equal(n, strlen(buf));
    assert_non_null(strstr(buf, "\"doc_id\":\"d\\\"1\""));
    assert_non_null(strstr(buf, "\"code\":\"040\""));
    assert_non_null(strstr(buf, "\"date\":\"2018-06-11\""));
    assert_non_null(strstr(buf, "\"target_text\":\"Gondor\xef\xbf\xbd\""));
    assert_non_null(strstr(buf, "\"verb_span\":[7,10]"));
    assert_non_null(strstr(buf, "\"rule\":\"x.verbs:3\""));
    /* too small a buffer: the needed size is returned, the buffer stays terminated */
    char small[8];
    size_t need = dy_event_json(&e, "d", false, small, sizeof small);
    assert_true(need > sizeof small);
    assert_int_equal(strlen(small), 7);
}

static void test_cameo_table(void **st)
{
    (void)st;
    const dy_cameo *c = dy_cameo_find("057");
    assert_non_null(c);
    assert_int_equal(c->quad, 1);
    assert_true(fabs(c->goldstein - 8.0) < 1e-9);
    assert_non_null(dy_cameo_find("0211"));
    assert_null(dy_cameo_find("999"));
}

/* ---- coding with the built-in dictionaries ---- */
static dy_dict *builtin(void)
{
    dy_dict *d = NULL;
    dy_error err;
    dy_load_opts lo = {0};
    assert_int_equal(dy_dict_load_builtin(&lo, &d, &err), DY_OK);
    assert_int_equal(lo.nerrors, 0);
    return d;
}

static void test_code_sentence(void **st)
{
    (void)st;
    dy_dict *d = builtin();
    dy_coder *c = dy_coder_new(d);
    dy_result r;
    dy_error err;
    const char *s = "The Chinese Foreign Ministry praised Pakistan on Monday.";
    assert_int_equal(dy_code_sentence(c, s, strlen(s), 20180611, &r, &err), DY_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.events[0].source, "CHNGOV");
    assert_string_equal(r.events[0].target, "PAK");
    assert_string_equal(r.events[0].code, "051");
    assert_string_equal(r.events[0].root, "05");
    assert_memory_equal(s + r.events[0].source_off, "Chinese Foreign Ministry", r.events[0].source_len);
    assert_memory_equal(s + r.events[0].verb_off, "praised", r.events[0].verb_len);
    /* passive voice swaps source and target */
    s = "Pakistan was criticized by India over the border dispute.";
    assert_int_equal(dy_code_sentence(c, s, strlen(s), 20180611, &r, &err), DY_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.events[0].source, "IND");
    assert_string_equal(r.events[0].target, "PAK");
    /* no actor: nothing */
    s = "The weather was fine on the day of the talks.";
    assert_int_equal(dy_code_sentence(c, s, strlen(s), 20180611, &r, &err), DY_OK);
    assert_int_equal(r.n, 0);
    /* too short */
    s = "China met.";
    assert_int_equal(dy_code_sentence(c, s, strlen(s), 20180611, &r, &err), DY_OK);
    assert_int_equal(r.status, DY_SENT_SHORT);
    /* options are per coder */
    assert_int_equal(dy_coder_set_option(c, "SET: MINIMUM WORDS = 1", &err), DY_OK);
    assert_int_not_equal(dy_coder_set_option(c, "NONSENSE", &err), DY_OK);
    dy_coder_free(&c);
    assert_null(c);
    dy_dict_free(&d);
}

static void test_code_doc_and_dates(void **st)
{
    (void)st;
    dy_dict *d = builtin();
    dy_coder *c = dy_coder_new(d);
    dy_result r;
    dy_error err;
    const char *body = "BEIJING: Xi Jinping warmly praised Pakistan on Monday.\n\nPakistan thanked nobody.";
    dy_doc doc = {"d1", 20180611, "Headline without events here", body, strlen(body), true, NULL, NULL, NULL, NULL};
    assert_int_equal(dy_code_doc(c, &doc, &r, &err), DY_OK);
    assert_int_equal(r.sentences, 3);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.events[0].sentence, 2);
    assert_string_equal(r.events[0].source, "CHNGOV");
    /* before his first national office (vice-president, March 2008) Xi
     * Jinping is coded as an elite, not the government */
    doc.date = 20050101;
    assert_int_equal(dy_code_doc(c, &doc, &r, &err), DY_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.events[0].source, "CHNELI");
    /* no date: the default (current) code */
    doc.date = 0;
    assert_int_equal(dy_code_doc(c, &doc, &r, &err), DY_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.events[0].source, "CHNGOV");
    dy_coder_free(&c);
    dy_dict_free(&d);
}

/* ---- PETRARCH formats ---- */
static void test_petr_verbs_agents(void **st)
{
    (void)st;
    const char *verbs = "# comment\n&CURRENCY\n+DOLLAR\n+SWISS FRANC\n+PENNY\n\n"
                        "--- GIVE [070] ---\nGIVE {GAVE GIVEN GIVES GIVING}\n+HAND_OVER [073]\n"
                        "- * (FOR {FINANCIAL AID}) [071]\n- * &CURRENCY [0711] # money\n"
                        "- NO STAR [1]\n~ a (a b Q) SAY = a b Q\nSTRAY_VERB_OUTSIDE\n"
                        "--- WITHOUT CODE ---\nPONDER\n";
    diags d = {0};
    dy_load_opts lo = {collect, &d, 0};
    dy_dict_builder *b = dy_dict_builder_new();
    dy_petr_parse(b, DY_PK_VERBS, "t.txt", verbs, strlen(verbs), &lo);
    const char *agents = "!PERSON! = MAN, WOMAN\nPRESIDENT [~GOV]\nPOLICE {} [~COP]\n"
                         "CONGRESS!PERSON! [~LEG]\nNO_TILDE [GOV]\nCOMPANY [~BUS]\n";
    dy_petr_parse(b, DY_PK_AGENTS, "a.txt", agents, strlen(agents), &lo);
    const char *disc = "+TYPHOON\nWORLD CUP_\n";
    dy_petr_parse(b, DY_PK_DISCARDS, "d.txt", disc, strlen(disc), &lo);
    struct dy_dict *dict = dy_dict_compile(&b, "t");
    assert_non_null(dict);
    assert_int_equal(d.n, 2); /* "- NO STAR" (no *) and NO_TILDE (no ~) */
    assert_int_equal(d.lines[0], 12);
    assert_int_equal(d.lines[1], 5);
    assert_true(dict->petr);
    assert_int_equal(dict->nverbs, 2);
    assert_int_equal(dict->verbs[0].npat, 2);
    assert_string_equal(dict->verbs[0].code.code, "070");
    assert_int_equal(dict->verbs[1].code.kind, DY_EC_NULL);
    assert_int_equal(dict->nsyn, 1);
    assert_int_equal(dict->syn[0].n, 4); /* PENNY and PENNIES */
    assert_int_equal(dict->ndisc, 2);
    assert_true(dict->disc[0].story);
    assert_int_equal(dict->nagents, 4);
    dy_dict *dp = dict;
    dy_dict_free(&dp);
}

static void test_petr_xml(void **st)
{
    (void)st;
    const char *x = "<Validation><!-- <Sentence id=\"hidden\"> -->\n"
                    "<Environment><Verbfile> v.txt </Verbfile><Actorfile>a.txt</Actorfile></Environment>\n"
                    "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
                    "<Sentence date=\"20080804\" id=\"S-1\" category=\"X\" evaluate=\"true\"/>\n"
                    "<EventCoding eventcode=\"042\" sourcecode=\"USA\" targetcode='CHN' />\n"
                    "<Text>\nThe US &amp; China met.\n</Text>\n<Parse>(ROOT (S))</Parse>\n</Sentence>\n"
                    "<Sentence id=\"S-2\" sentence=\"false\"><EventCoding noevents = \"True\"></EventCoding>"
                    "</Sentence>\n";
    dy_px px;
    dy_px_init(&px, x, strlen(x));
    dy_px_item it = {0};
    char msg[128];
    assert_int_equal(dy_px_next(&px, &it, msg, sizeof msg), 0);
    assert_int_equal(it.kind, DY_PX_ENV);
    assert_string_equal(it.verbfile, "v.txt");
    assert_string_equal(it.actorfile, "a.txt");
    assert_int_equal(dy_px_next(&px, &it, msg, sizeof msg), 0);
    assert_int_equal(it.kind, DY_PX_CONFIG);
    assert_string_equal(it.option, "require_dyad");
    assert_int_equal(dy_px_next(&px, &it, msg, sizeof msg), 0);
    assert_int_equal(it.kind, DY_PX_SENTENCE);
    assert_string_equal(it.id, "S-1");
    assert_int_equal(it.date, 20080804);
    assert_int_equal(it.nexp, 1);
    assert_string_equal(it.exp[0].tgt, "CHN");
    assert_non_null(strstr(it.text, "The US & China met."));
    assert_int_equal(it.line, 4);
    /* a record without <Text> is an error; scanning goes on */
    assert_int_equal(dy_px_next(&px, &it, msg, sizeof msg), -1);
    assert_true(it.noevents);
    assert_false(it.is_sentence);
    assert_int_equal(dy_px_next(&px, &it, msg, sizeof msg), 0);
    assert_int_equal(it.kind, DY_PX_END);
    dy_px_item_clear(&it);
}

/* Every class the coder asks about has words in dict/english.grammar
 * (a class left empty would make its rule ask in vain), and the lookups
 * fold case and want whole words. */
static void test_grammar_classes(void **st)
{
    (void)st;
    for (int c = 0; c < DY_G_COUNT; c++)
        assert_true(dy_grammar_size((dy_gclass)c) > 0);
    assert_true(dy_grammar_has(DY_G_FUTURE, "will", 4));
    assert_true(dy_grammar_has(DY_G_FUTURE, "'LL", 3));
    assert_false(dy_grammar_has(DY_G_FUTURE, "willing", 7));
    assert_false(dy_grammar_has(DY_G_FUTURE, "must", 4));
    assert_true(dy_grammar_has(DY_G_OBLIGATION, "Must", 4));
    assert_true(dy_grammar_has(DY_G_NOT_PEOPLE, "PARIS", 5));
    assert_false(dy_grammar_has(DY_G_COUNT, "WILL", 4));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grammar_classes),
        cmocka_unit_test(test_arena_alloc_reset),
        cmocka_unit_test(test_arena_cap),
        cmocka_unit_test(test_lex_filter),
        cmocka_unit_test(test_lex_hyphen_diacritics_invalid),
        cmocka_unit_test(test_lex_typographic_punctuation),
        cmocka_unit_test(test_lex_allcaps_and_longword),
        cmocka_unit_test(test_segment_dateline_credit),
        cmocka_unit_test(test_segment_datelines),
        cmocka_unit_test(test_segment_wrapped),
        cmocka_unit_test(test_segment_cap),
        cmocka_unit_test(test_segment_windows),
        cmocka_unit_test(test_segment_word_cap),
        cmocka_unit_test(test_cache_forged),
        cmocka_unit_test(test_cache_edited_while_built),
        cmocka_unit_test(test_word_match),
        cmocka_unit_test(test_phrase_flags),
        cmocka_unit_test(test_tabari_malformed_lines),
        cmocka_unit_test(test_tabari_verbs_and_dates),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_reader_jsonl),
        cmocka_unit_test(test_reader_tabari_and_text),
        cmocka_unit_test(test_event_json),
        cmocka_unit_test(test_cameo_table),
        cmocka_unit_test(test_code_sentence),
        cmocka_unit_test(test_code_doc_and_dates),
        cmocka_unit_test(test_petr_verbs_agents),
        cmocka_unit_test(test_petr_xml),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
