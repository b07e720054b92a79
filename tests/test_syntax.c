/* test_syntax.c: unit tests of the syntax layer: tokeniser, CoNLL-U
 * reader, perceptron, projectivisation, model checks (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../include/dyad.h"
#include "conllu.h"
#include "depparse.h"
#include "percep.h"
#include "syntax.h"
#include "tok.h"

/* Words of text joined by '|', split with the built-in model's rules. */
static void split(const char *text, char *out, size_t cap)
{
    dy_tok_span sp[256];
    bool over;
    dy_syn_model m;
    dy_error err;
    assert_int_equal(dy_syn_view(dy_syn_blob, (size_t)dy_syn_blob_size, &m, &err), DY_OK);
    size_t n = dy_tok_split(&m.tok, text, strlen(text), sp, 256, &over);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s%.*s", i ? "|" : "", (int)sp[i].len, text + sp[i].start);
    }
}

static void test_tokeniser(void **state)
{
    (void)state;
    /* the splits UD English-EWT makes (its README and treebank) */
    static const char *const cases[][2] = {
        {"I can't go.", "I|ca|n't|go|."},
        {"Don't they're it's", "Do|n't|they|'re|it|'s"},
        {"We'll see, I'm sure you'd agree.", "We|'ll|see|,|I|'m|sure|you|'d|agree|."},
        {"He cannot stay; gonna leave!", "He|can|not|stay|;|gon|na|leave|!"},
        {"Won\xe2\x80\x99t they?", "Wo|n\xe2\x80\x99t|they|?"},
        {"the countries' leaders", "the|countries|'|leaders"},
        {"Pakistan's army", "Pakistan|'s|army"},
        {"(\"Yes,\" she said.)", "(|\"|Yes|,|\"|she|said|.|)"},
        {"Mr. Smith met U.S. officials at 3 p.m. today.", "Mr.|Smith|met|U.S.|officials|at|3|p.m.|today|."},
        {"It rose 3.5% to $1,000.", "It|rose|3.5|%|to|$|1,000|."},
        {"anti-terrorism and/or co-operation", "anti-terrorism|and|/|or|co-operation"},
        {"Al-Zaman e-mail China-Pakistan", "Al|-|Zaman|e-mail|China|-|Pakistan"},
        {"Non-human co-Workers", "Non-human|co-Workers"},
        {"Really?! No way!!! *** -- >> end...", "Really|?!|No|way|!!!|***|--|>>|end|..."},
        {"1990-1995 and 1/2", "1990-1995|and|1/2"},
        {"Wait... what?", "Wait|...|what|?"},
        {"See http://example.org/a?b=1. Or mail a.b@example.com.",
         "See|http://example.org/a?b=1|.|Or|mail|a.b@example.com|."},
        {"\xe2\x80\x9cPeace,\xe2\x80\x9d he said \xe2\x80\x94 later.",
         "\xe2\x80\x9c|Peace|,|\xe2\x80\x9d|he|said|\xe2\x80\x94|later|."},
        {"  spaces\tand\nlines  ", "spaces|and|lines"},
    };
    char got[1024];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        split(cases[i][0], got, sizeof got);
        if (strcmp(got, cases[i][1]) != 0)
            fail_msg("tokenising '%s': got '%s', want '%s'", cases[i][0], got, cases[i][1]);
    }
    /* offsets are exact slices, and the cap is reported */
    dy_tok_span sp[3];
    bool over;
    const char *t = "a b c d";
    assert_int_equal(dy_tok_split(NULL, t, strlen(t), sp, 3, &over), 3);
    assert_true(over);
    assert_int_equal(sp[2].start, 4);
    assert_int_equal(sp[2].len, 1);
}

static const char good[] =
    "# sent_id = s1\n"
    "# text = They saw it.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

/* Reads every sentence of buf; returns "ok" or the error's position for
 * each, joined by spaces. */
static void read_all(const char *buf, char *out, size_t cap)
{
    dy_conllu *r = dy_conllu_mem("t.conllu", buf, strlen(buf));
    assert_non_null(r);
    out[0] = '\0';
    for (;;) {
        dy_conllu_sent s;
        bool eof;
        dy_error err = {{0}};
        dy_status st = dy_conllu_next(r, &s, &eof, &err);
        if (st == DY_OK && eof)
            break;
        size_t l = strlen(out);
        if (st == DY_OK)
            snprintf(out + l, cap - l, "%sok%d", l ? " " : "", s.n);
        else
            snprintf(out + l, cap - l, "%s%.*s", l ? " " : "", (int)strcspn(err.msg, " "), err.msg);
        assert_true(st == DY_OK || st == DY_ERR_PARSE || st == DY_ERR_LIMIT);
    }
    dy_conllu_free(&r);
}

static void test_conllu_reader(void **state)
{
    (void)state;
    char out[512];
    read_all(good, out, sizeof out);
    assert_string_equal(out, "ok4");
    dy_conllu *r = dy_conllu_mem("t", good, strlen(good));
    dy_conllu_sent s;
    bool eof;
    dy_error err;
    assert_int_equal(dy_conllu_next(r, &s, &eof, &err), DY_OK);
    assert_string_equal(s.text, "They saw it.");
    assert_string_equal(s.sent_id, "s1");
    assert_string_equal(s.w[2].misc, "SpaceAfter=No");
    assert_int_equal(s.w[0].head, 2);
    assert_int_equal(s.line, 3);
    dy_conllu_free(&r);
    /* each bad sentence is reported at its line and column and skipped;
     * the good ones around it are still read */
    const char *bad =
        "1\tA\t_\tX\tX\t_\t0\troot\t_\n"                 /* 9 columns */
        "\n"
        "1\tA\t_\tX\tX\t_\t2\tdep\t_\t_\n"               /* cycle 1->2->1 */
        "2\tB\t_\tX\tX\t_\t1\tdep\t_\t_\n"
        "\n"
        "1\tA\t_\tX\tX\t_\t0\troot\t_\t_\n"              /* head 7 of 2 words */
        "2\tB\t_\tX\tX\t_\t7\tdep\t_\t_\n"
        "\n"
        "1\tA\t_\tX\tX\t_\t0\troot\t_\t_\n"              /* ID 3 after 1 */
        "3\tB\t_\tX\tX\t_\t1\tdep\t_\t_\n"
        "\n"
        "1-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n"               /* multiword token: not a word */
        "1\tA\t_\tX\tX\t_\t0\troot\t_\t_\n"
        "2\tB\t_\tX\tX\t_\t1\tdep\t_\t_\n"
        "2.1\tC\t_\tX\tX\t_\t_\t_\t_\t_\n"                 /* empty node: not a word */
        "\n"
        "1\tA\t_\tX\tX\t_\t_\t_\t_\t_\n"                  /* no tree: read, head -1 */
        "\n"
        "1\tA\t_\tX\tX\t_\t0\troot\t_\t_\n"              /* mixed heads and '_' */
        "2\tB\t_\tX\tX\t_\t_\t_\t_\t_\n";                 /* (and no final blank line) */
    read_all(bad, out, sizeof out);
    assert_string_equal(out, "t.conllu:1:1: t.conllu:3:13: t.conllu:7:13: t.conllu:10:1: ok2 ok1 t.conllu:20:13:");
}

static void test_conllu_limits(void **state)
{
    (void)state;
    /* a sentence of 1025 words is over the cap: skipped, the next is read */
    size_t cap = 1100 * 40 + 200;
    char *buf = malloc(cap), out[256];
    size_t n = 0;
    for (int i = 1; i <= DY_CONLLU_MAX_WORDS + 1; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%d\tw\t_\tX\tX\t_\t%d\tdep\t_\t_\n", i, i == 1 ? 0 : 1);
    snprintf(buf + n, cap - n, "\n%s", good);
    read_all(buf, out, sizeof out);
    assert_string_equal(out, "t.conllu:1025:1: ok4");
    free(buf);
}

static void test_perceptron(void **state)
{
    (void)state;
    /* three classes, each told apart by one feature: training must learn
     * them, and the compiled model must score as the training table does */
    dy_pc_train *t = dy_pc_train_new(3);
    assert_non_null(t);
    uint64_t f[3][2];
    for (int c = 0; c < 3; c++) {
        f[c][0] = dy_pc_feat(1, (uint64_t)c, 0, 0);
        f[c][1] = dy_pc_feat(0, 0, 0, 0); /* bias */
    }
    for (int round = 0; round < 10; round++)
        for (unsigned c = 0; c < 3; c++) {
            int32_t sc[3] = {0};
            dy_pc_train_score(t, f[c], 2, sc);
            unsigned g = sc[1] > sc[0] ? (sc[2] > sc[1] ? 2 : 1) : (sc[2] > sc[0] ? 2 : 0);
            assert_true(dy_pc_train_update(t, f[c], 2, c, g));
            dy_pc_train_tick(t);
        }
    size_t len = dy_pc_compile(t, 1, 255, NULL, 0); /* lists only */
    assert_true(len > 0);
    void *buf = malloc(len);
    assert_int_equal(dy_pc_compile(t, 1, 255, buf, len), len);
    dy_pc_model m;
    assert_true(dy_pc_view(buf, len, &m));
    for (unsigned c = 0; c < 3; c++) {
        int32_t sc[DY_PC_SCORES] = {0};
        dy_pc_score(&m, f[c], 2, sc);
        for (unsigned k = 0; k < 3; k++)
            if (k != c)
                assert_true(sc[c] > sc[k]);
    }
    /* an entry naming a class out of range is refused */
    uint32_t *ents = (uint32_t *)((char *)buf + DY_PC_HEADER + 64 * (size_t)m.nbuckets);
    ents[0] |= 200u << 16;
    assert_false(dy_pc_view(buf, len, &m));
    free(buf);
    dy_pc_train_free(&t);
    assert_null(t);
}

/* Compiles one table three ways (every feature a dense row, every feature a
 * list, and mixed) and scores the same feature sets, with the processor's
 * vector path and without: every layout and path must give the same sums.
 * 600 features over 150 classes (three groups: both vector loops) fill
 * buckets enough that some spill into the next. */
static void *compiled(const dy_pc_train *t, unsigned dense_min, dy_pc_model *m)
{
    size_t len = dy_pc_compile(t, 100, dense_min, NULL, 0);
    assert_true(len > 0);
    void *buf = aligned_alloc(64, (len + 63) & ~(size_t)63);
    assert_non_null(buf);
    assert_int_equal(dy_pc_compile(t, 100, dense_min, buf, len), len);
    assert_true(dy_pc_view(buf, len, m));
    return buf;
}

/* How many features of each form a model has: [0] a weight in the bucket,
 * [1] a list, [2] a dense row. */
static void forms(const dy_pc_model *m, size_t *n)
{
    memset(n, 0, 3 * sizeof *n);
    for (uint32_t b = 0; b < m->nbuckets; b++)
        for (unsigned i = 0; i < DY_PC_BUCKET; i++) {
            const uint32_t *bk = m->buckets + 16 * (size_t)b;
            uint32_t c = bk[DY_PC_BUCKET + i] & 0xff;
            if (bk[i])
                n[c == DY_PC_ONE ? 0 : c == DY_PC_DENSE ? 2 : 1]++;
        }
}

static void test_perceptron_layouts(void **state)
{
    (void)state;
    enum { NC = 150, NF = 600, NSET = 50, K = 40 };
    dy_pc_train *t = dy_pc_train_new(NC);
    assert_non_null(t);
    uint64_t rng = 12345, f[K];
#define NEXT() (rng = rng * 6364136223846793005ULL + 1442695040888963407ULL, rng >> 33)
    for (int u = 0; u < 6000; u++) {
        /* a few common features, many rare; the first tells the class, so
         * that pruning leaves some features one weight */
        uint64_t x[3];
        for (int j = 0; j < 3; j++) {
            x[j] = NEXT() % NF;
            x[j] = x[j] * x[j] / NF;
            f[j] = dy_pc_feat(7, x[j], 0, 0);
        }
        unsigned truth = (unsigned)(x[0] % NC), guess = (unsigned)(NEXT() % NC);
        if (truth != guess)
            assert_true(dy_pc_train_update(t, f, 3, truth, guess));
        dy_pc_train_tick(t);
    }
    dy_pc_model m[3];
    void *buf[3] = {compiled(t, 1, &m[0]), compiled(t, 255, &m[1]), compiled(t, 5, &m[2])};
    size_t n[3];
    forms(&m[2], n); /* pruned at 100: every form is there */
    assert_true(n[0] > 0 && n[1] > 0 && n[2] > 0);
    for (int set = 0; set < NSET; set++) {
        for (int j = 0; j < K; j++) /* some features the model lacks */
            f[j] = dy_pc_feat(7, NEXT() % (NF + NF / 4), 0, 0);
        int32_t want[DY_PC_SCORES], got[DY_PC_SCORES];
        dy_pc_score(&m[0], f, K, want);
        for (int v = 0; v < 6; v++) {
            dy_pc_model mv = m[v % 3];
            mv.avx2 = v < 3 && mv.avx2; /* the portable path too */
            dy_pc_score(&mv, f, K, got);
            assert_memory_equal(want, got, NC * sizeof *got);
        }
    }
#undef NEXT
    for (int i = 0; i < 3; i++)
        free(buf[i]);
    dy_pc_train_free(&t);
}

static void test_projectivize(void **state)
{
    (void)state;
    /* 1->3 crosses 2->4: "A hearing is scheduled on the issue today"
     * style; lifting the shortest crossing arc makes the tree projective */
    int head[5] = {0, 4, 1, 1, 4}; /* word 3's head 1 crosses 2's head 4 */
    dy_dep_projectivize(5, head);
    for (int d = 0; d < 5; d++) {
        int h = head[d] - 1;
        if (h < 0)
            continue;
        int lo = d < h ? d : h, hi = d < h ? h : d;
        for (int i = lo + 1; i < hi; i++) { /* i is dominated by h */
            int k = i, steps = 0;
            while (k != h && k >= 0 && steps++ < 10)
                k = head[k] - 1;
            assert_int_equal(k, h);
        }
    }
}

static void test_voice_agreement(void **state)
{
    (void)state;
    /* labels: 0 nsubj, 1 nsubj:pass, 2 aux:pass, 3 root, 4 aux, 5 obj
     * "the embassy was attacked", parsed with nsubj: becomes nsubj:pass;
     * "they attacked it", parsed with nsubj:pass: becomes nsubj */
    dy_dep_voice v = {2, {0, DY_DEP_NOLABEL}, {1, DY_DEP_NOLABEL}};
    int head1[3] = {3, 3, 0};
    uint8_t lab1[3] = {0, 2, 3};
    dy_dep_agree_voice(&v, 3, head1, lab1);
    assert_int_equal(lab1[0], 1);
    int head2[3] = {2, 0, 2};
    uint8_t lab2[3] = {1, 3, 5};
    dy_dep_agree_voice(&v, 3, head2, lab2);
    assert_int_equal(lab2[0], 0);
    /* an aux (not aux:pass) leaves the subject as it is */
    int head3[3] = {3, 3, 0};
    uint8_t lab3[3] = {0, 4, 3};
    dy_dep_agree_voice(&v, 3, head3, lab3);
    assert_int_equal(lab3[0], 0);
}

static void test_model_checks(void **state)
{
    (void)state;
    dy_syntax *s = NULL;
    dy_error err = {{0}};
    assert_int_equal(dy_syntax_load(NULL, &s, &err), DY_OK);
    assert_non_null(strstr(dy_syntax_info(s), "UD_English-EWT"));
    dy_syntax_free(&s);
    assert_null(s);
    /* a copy of the built-in model loads; with one byte changed, cut short,
     * or not a model at all it is refused with a message, never read */
    const char *path = "test_syntax_model.tmp";
    size_t len = (size_t)dy_syn_blob_size;
    unsigned char *copy = malloc(len);
    memcpy(copy, dy_syn_blob, len);
    static const struct { size_t at; int flip; size_t len; const char *why; } bad[] = {
        {0, 0, 0, NULL}, {1, 1, 0, "checksum"}, {0, 0, 1000, "truncated"}, {0, 1, 0, "not a dyad"},
        {8, 7, 0, "version"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t at = bad[i].at == 1 ? len / 2 : bad[i].at; /* 1: the middle */
        copy[at] ^= (unsigned char)bad[i].flip;
        FILE *fp = fopen(path, "wb");
        assert_non_null(fp);
        assert_int_equal(fwrite(copy, 1, len - bad[i].len, fp), len - bad[i].len);
        fclose(fp);
        copy[at] ^= (unsigned char)bad[i].flip;
        dy_status st = dy_syntax_load(path, &s, &err);
        if (!bad[i].why) {
            assert_int_equal(st, DY_OK);
            dy_syntax_free(&s);
            continue;
        }
        assert_int_equal(st, DY_ERR_PARSE);
        if (!strstr(err.msg, bad[i].why) || !strstr(err.msg, path))
            fail_msg("case %zu: message '%s' lacks '%s'", i, err.msg, bad[i].why);
    }
    free(copy);
    remove(path);
    assert_int_equal(dy_syntax_load("no/such/model", &s, &err), DY_ERR_IO);
    assert_non_null(strstr(err.msg, "no/such/model"));
}

/* The built-in model and a parser over it. */
static dy_parser *builtin_parser(dy_syntax **s)
{
    dy_error err = {{0}};
    assert_int_equal(dy_syntax_load(NULL, s, &err), DY_OK);
    dy_parser *p = dy_parser_new(*s);
    assert_non_null(p);
    return p;
}

static void test_parse_api(void **state)
{
    (void)state;
    dy_syntax *s;
    dy_error err = {{0}};
    dy_parser *p = builtin_parser(&s);
    const char *text = "The talks were held in Beijing.";
    const dy_word *w;
    size_t n;
    assert_int_equal(dy_parse_text(p, text, strlen(text), &w, &n, &err), DY_OK);
    assert_int_equal(n, 7);
    int roots = 0;
    for (size_t i = 0; i < n; i++) {
        roots += w[i].head == 0;
        assert_true(w[i].head >= 0 && (size_t)w[i].head <= n);
        assert_true(w[i].start + w[i].len <= strlen(text));
    }
    assert_int_equal(roots, 1);
    assert_int_equal(w[6].start, 30);
    /* an empty sentence has no words; an over-long one is refused */
    assert_int_equal(dy_parse_text(p, "", 0, &w, &n, &err), DY_OK);
    assert_int_equal(n, 0);
    size_t big = 2 * (DY_PARSE_MAX_WORDS + 1);
    char *many = malloc(big + 1);
    for (size_t i = 0; i < big; i += 2)
        many[i] = 'a', many[i + 1] = ' ';
    many[big] = '\0';
    assert_int_equal(dy_parse_text(p, many, big, &w, &n, &err), DY_ERR_LIMIT);
    free(many);
    dy_parser_free(&p);
    dy_syntax_free(&s);
}

/* Words of names the dictionaries found are never verbs, and otherwise
 * tagged as the tagger sees them: "See" of "the Holy See" is no verb,
 * "Ukrainian" of "Ukrainian forces" stays an adjective (when names were
 * tagged PROPN outright, the parser made it a second subject). */
static void test_parse_names(void **state)
{
    (void)state;
    dy_syntax *s;
    dy_error err = {{0}};
    dy_parser *p = builtin_parser(&s);
    const dy_word *w;
    size_t n;
    const char *see = "The Holy See encourages the talks.";
    const uint32_t see_names[1][2] = {{4, 12}};
    assert_int_equal(dy_parse_text_names(p, see, strlen(see), see_names, 1, &w, &n, &err), DY_OK);
    assert_int_equal(n, 7);
    assert_string_not_equal(w[2].upos, "VERB");
    assert_string_not_equal(w[2].upos, "AUX");
    assert_string_equal(w[3].upos, "VERB");
    assert_string_equal(w[3].deprel, "root");
    const char *ukr = "Ukrainian forces attacked Russian troops.";
    const uint32_t ukr_names[2][2] = {{0, 9}, {26, 33}};
    assert_int_equal(dy_parse_text_names(p, ukr, strlen(ukr), ukr_names, 2, &w, &n, &err), DY_OK);
    assert_int_equal(n, 6);
    assert_string_equal(w[0].upos, "ADJ");
    assert_string_equal(w[0].deprel, "amod");
    assert_string_equal(w[1].deprel, "nsubj");
    assert_string_equal(w[3].upos, "ADJ");
    dy_parser_free(&p);
    dy_syntax_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokeniser),     cmocka_unit_test(test_conllu_reader),
        cmocka_unit_test(test_conllu_limits), cmocka_unit_test(test_perceptron),
        cmocka_unit_test(test_perceptron_layouts),
        cmocka_unit_test(test_projectivize),  cmocka_unit_test(test_voice_agreement), cmocka_unit_test(test_parse_names),
        cmocka_unit_test(test_model_checks),
        cmocka_unit_test(test_parse_api),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
