/* train.c: dyad-train, the tool behind `make model`: trains the tagger and
 * parser from a CoNLL-U treebank (src/train.h) and, given a development
 * file, scores the model it wrote. Usage:
 *   dyad-train --train FILE --out MODEL [--dev FILE] [--tag-epochs N]
 *              [--dep-epochs N] [--folds K] [--max-sentences N]
 *              [--threads T] [--seed S] [--info TEXT]
 *              [--prune-tagger Q] [--prune-parser Q] [--dense-min N]
 *              [--parsers K]
 * Exit: 0 done, 1 training failed, 2 usage. */
#include "../include/dyad.h"
#include "../src/train.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_line(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stderr, "train: %s\n", line);
}

static void diag(void *ctx, const char *file, unsigned line, unsigned col, const char *msg)
{
    (void)ctx, (void)file, (void)line, (void)col;
    fprintf(stderr, "%s\n", msg);
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

static int score(const char *model, const char *dev)
{
    dy_error err = {{0}};
    dy_syntax *s;
    if (dy_syntax_load(model, &s, &err)) {
        fprintf(stderr, "dyad-train: %s\n", err.msg);
        return 1;
    }
    dy_ud_scores sc;
    dy_status st = dy_validate_ud(dev, s, diag, NULL, &sc, &err);
    dy_syntax_free(&s);
    if (st) {
        fprintf(stderr, "dyad-train: %s\n", err.msg);
        return 1;
    }
    fprintf(stderr, "dev: words=%zu upos=%.2f xpos=%.2f uas=%.2f las=%.2f las_full=%.2f\n", sc.words,
            pct(sc.upos, sc.words), pct(sc.xpos, sc.words), pct(sc.uas, sc.words),
            pct(sc.las, sc.words), pct(sc.las_full, sc.words));
    for (int i = 0; i < 5; i++)
        fprintf(stderr, "dev: %-10s recall=%.2f precision=%.2f\n", dy_ud_relations[i],
                pct(sc.rel_right[i], sc.rel_gold[i]), pct(sc.rel_right[i], sc.rel_pred[i]));
    return 0;
}

int main(int argc, char **argv)
{
    dy_train_opts o = {.tag_epochs = 10, .dep_epochs = 15, .folds = 10, .threads = 2, .seed = 1,
                       .log = log_line};
    const char *dev = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            fprintf(stderr, "dyad-train: %s wants a value\n", a);
            return 2;
        }
        i++;
        if (strcmp(a, "--train") == 0)
            o.train = v;
        else if (strcmp(a, "--out") == 0)
            o.out = v;
        else if (strcmp(a, "--dev") == 0)
            dev = v;
        else if (strcmp(a, "--info") == 0)
            o.info = v;
        else if (strcmp(a, "--tag-epochs") == 0)
            o.tag_epochs = (unsigned)atoi(v);
        else if (strcmp(a, "--dep-epochs") == 0)
            o.dep_epochs = (unsigned)atoi(v);
        else if (strcmp(a, "--folds") == 0)
            o.folds = (unsigned)atoi(v);
        else if (strcmp(a, "--max-sentences") == 0)
            o.max_sentences = (unsigned)atoi(v);
        else if (strcmp(a, "--threads") == 0)
            o.threads = (unsigned)atoi(v);
        else if (strcmp(a, "--prune-tagger") == 0)
            o.prune_tagger = atoi(v);
        else if (strcmp(a, "--prune-parser") == 0)
            o.prune_parser = atoi(v);
        else if (strcmp(a, "--parsers") == 0)
            o.parsers = (unsigned)atoi(v);
        else if (strcmp(a, "--dense-min") == 0)
            o.dense_min = (unsigned)atoi(v);
        else if (strcmp(a, "--seed") == 0)
            o.seed = strtoull(v, NULL, 10);
        else {
            fprintf(stderr, "dyad-train: unknown option %s\n", a);
            return 2;
        }
    }
    if (!o.train || !o.out) {
        fprintf(stderr, "usage: dyad-train --train FILE --out MODEL [--dev FILE] [options]\n");
        return 2;
    }
    dy_error err = {{0}};
    if (dy_train_run(&o, &err)) {
        fprintf(stderr, "dyad-train: %s\n", err.msg);
        return 1;
    }
    return dev ? score(o.out, dev) : 0;
}
