/* bench_syntax.c: the tagger's and parser's speed, for `make bench` (not a
 * test). Reads the words of a CoNLL-U file into memory, then, one thread:
 *   load   median time of loading the built-in model (checksum and checks)
 *   tag    words described and tagged per second (median of --reps runs)
 *   parse  words tagged and parsed per second (median of --reps runs)
 * With --mode none|tag|parse it only reads the file and does that once, so
 * that callgrind can count the instructions per word of each stage.
 * With --model M it times another model file (read into memory) instead of
 * the built-in one; the load time is always the built-in model's.
 * Usage: bench-syntax FILE.conllu[.zst] [--reps N] [--mode M] [--model M] */
#include "../include/dyad.h"
#include "../src/conllu.h"
#include "../src/syntax.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char **forms;   /* every word, sentence after sentence */
    size_t *lens;
    size_t *first;  /* first word of each sentence */
    int *n;         /* words of each sentence */
    size_t nsent, nword;
} corpus;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmpd(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static bool read_corpus(const char *path, corpus *c)
{
    dy_conllu *r;
    dy_error err;
    if (dy_conllu_open(path, &r, &err)) {
        fprintf(stderr, "bench-syntax: %s\n", err.msg);
        return false;
    }
    size_t cap = 1 << 16, scap = 1 << 12;
    c->forms = malloc(cap * sizeof *c->forms);
    c->lens = malloc(cap * sizeof *c->lens);
    c->first = malloc(scap * sizeof *c->first);
    c->n = malloc(scap * sizeof *c->n);
    for (;;) {
        dy_conllu_sent s;
        bool eof;
        dy_status st = dy_conllu_next(r, &s, &eof, &err);
        if (st == DY_ERR_PARSE || st == DY_ERR_LIMIT)
            continue;
        if (st || eof)
            break;
        if (c->nword + (size_t)s.n > cap) {
            cap *= 2;
            c->forms = realloc(c->forms, cap * sizeof *c->forms);
            c->lens = realloc(c->lens, cap * sizeof *c->lens);
        }
        if (c->nsent == scap) {
            scap *= 2;
            c->first = realloc(c->first, scap * sizeof *c->first);
            c->n = realloc(c->n, scap * sizeof *c->n);
        }
        if (!c->forms || !c->lens || !c->first || !c->n)
            return false;
        c->first[c->nsent] = c->nword;
        c->n[c->nsent++] = s.n;
        for (int i = 0; i < s.n; i++) {
            c->lens[c->nword] = strlen(s.w[i].form);
            c->forms[c->nword++] = strdup(s.w[i].form);
        }
    }
    dy_conllu_free(&r);
    return c->nword > 0;
}

/* One pass over the corpus: tagging only, or tagging and parsing. */
static void pass(const dy_syn_model *m, dy_syn_work *w, const corpus *c, bool parse)
{
    for (size_t s = 0; s < c->nsent; s++) {
        const char *const *f = (const char *const *)c->forms + c->first[s];
        const size_t *l = c->lens + c->first[s];
        if (parse) {
            dy_syn_run(m, w, f, l, c->n[s], NULL);
            continue;
        }
        for (int i = 0; i < c->n[s]; i++)
            dy_tag_describe(&m->lex, f[i], l[i], &w->tw[i]);
        dy_tag_run(&m->tagger, w->tw, c->n[s], NULL, w->tag);
    }
}

/* A model file in a 64-byte aligned buffer, as a mapped file would be. */
static void *read_model(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp || fseek(fp, 0, SEEK_END) || (*len = (size_t)ftell(fp)) == 0 || fseek(fp, 0, SEEK_SET)) {
        if (fp)
            fclose(fp);
        return NULL;
    }
    void *buf = aligned_alloc(64, (*len + 63) & ~(size_t)63);
    if (buf && fread(buf, 1, *len, fp) != *len) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    return buf;
}

int main(int argc, char **argv)
{
    const char *file = NULL, *mode = NULL, *model = NULL;
    int reps = 5;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc)
            mode = argv[++i];
        else if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
            model = argv[++i];
        else
            file = argv[i];
    }
    corpus c = {0};
    if (!file || reps < 1 || !read_corpus(file, &c)) {
        fprintf(stderr, "usage: bench-syntax FILE.conllu[.zst] [--reps N] [--mode none|tag|parse] [--model M]\n");
        return 2;
    }
    dy_syn_model m;
    dy_error err;
    dy_syn_work *w = malloc(sizeof *w);
    const void *image = dy_syn_blob;
    size_t image_len = (size_t)dy_syn_blob_size;
    if (model && !(image = read_model(model, &image_len))) {
        fprintf(stderr, "bench-syntax: cannot read %s\n", model);
        return 1;
    }
    if (!w || dy_syn_view(image, image_len, &m, &err)) {
        fprintf(stderr, "bench-syntax: %s\n", w ? err.msg : "out of memory");
        return 1;
    }
    if (mode) { /* one pass, for callgrind */
        if (strcmp(mode, "none") != 0)
            pass(&m, w, &c, strcmp(mode, "parse") == 0);
        printf("words %zu\n", c.nword);
        return 0;
    }
    double loads[101];
    for (int i = 0; i < 101; i++) {
        dy_syntax *s;
        double t0 = now();
        if (dy_syntax_load(NULL, &s, &err)) {
            fprintf(stderr, "bench-syntax: built-in model: %s\n", err.msg);
            return 1;
        }
        loads[i] = now() - t0;
        dy_syntax_free(&s);
    }
    qsort(loads, 101, sizeof *loads, cmpd);
    printf("model: %llu bytes; load (checksum and checks) median of 101: %.2f ms\n",
           (unsigned long long)dy_syn_blob_size, loads[50] * 1e3);
    double *t = malloc((size_t)reps * sizeof *t);
    for (int parse = 0; parse < 2; parse++) {
        pass(&m, w, &c, parse); /* warm */
        for (int r = 0; r < reps; r++) {
            double t0 = now();
            pass(&m, w, &c, parse);
            t[r] = now() - t0;
        }
        qsort(t, (size_t)reps, sizeof *t, cmpd);
        printf("%s: %zu words, median of %d: %.3f s, %.0f words/s\n",
               parse ? "tag + parse" : "tag only", c.nword, reps, t[reps / 2],
               (double)c.nword / t[reps / 2]);
    }
    return 0;
}
