/* train.c: the training procedure of train.h. */
#include "train.h"
#include "arena.h"
#include "conllu.h"
#include "syntax.h"
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIXED_MIN 20       /* uses before a word's tag may be fixed */
#define FIXED_SHARE 0.995  /* ... and the share its commonest tag must have */

typedef struct {
    size_t nsent, nword, capsent, capword;
    uint32_t *first;     /* first word of each sentence */
    int *len;            /* words of each sentence */
    const char **form;   /* per word */
    size_t *flen;
    const char **tagname, **labname; /* "UPOS\tXPOS", DEPREL while reading */
    uint8_t *tag, *lab;  /* gold, as ids */
    int *head;           /* gold, 1-based, projectivised */
    uint8_t *jtag;       /* jackknifed tags */
    dy_tag_word *tw;     /* word descriptions */
    uint64_t *norm;
    dy_arena arena;      /* strings */
} corpus_t;

typedef struct {
    const dy_train_opts *o;
    corpus_t c;
    const char *tags[DY_PC_MAX_CLASSES + 1];
    unsigned ntags;
    const char *labels[DY_DEP_MAX_LABELS + 1];
    unsigned nlabels, root;
    char prefixes[DY_TOK_MAX_PREFIXES * 8]; /* the tokeniser's bound prefixes, NUL after each */
    size_t prefixes_len;
    uint32_t *lex;  /* lexicon image: u32 nslots, u32 0, slots */
    size_t lexbytes;
} trainer_t;

static void logf_(const dy_train_opts *o, const char *fmt, ...)
{
    if (!o->log)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    o->log(o->log_ctx, line);
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static bool grow(void **p, size_t n, size_t size)
{
    void *q = realloc(*p, n * size);
    if (q)
        *p = q;
    return q != NULL;
}

static bool reserve(corpus_t *c, size_t words)
{
    if (c->nsent == c->capsent) {
        c->capsent = c->capsent ? 2 * c->capsent : 1024;
        if (!grow((void **)&c->first, c->capsent, sizeof *c->first) ||
            !grow((void **)&c->len, c->capsent, sizeof *c->len))
            return false;
    }
    if (c->nword + words > c->capword) {
        while (c->nword + words > c->capword)
            c->capword = c->capword ? 2 * c->capword : 16384;
        void **arrs[] = {(void **)&c->form, (void **)&c->flen, (void **)&c->tagname,
                         (void **)&c->labname, (void **)&c->head};
        size_t sizes[] = {sizeof *c->form, sizeof *c->flen, sizeof *c->tagname, sizeof *c->labname,
                          sizeof *c->head};
        for (size_t i = 0; i < 5; i++)
            if (!grow(arrs[i], c->capword, sizes[i]))
                return false;
    }
    return true;
}

static bool add_sentence(corpus_t *c, const dy_conllu_sent *s)
{
    if (!reserve(c, (size_t)s->n))
        return false;
    c->first[c->nsent] = (uint32_t)c->nword;
    c->len[c->nsent++] = s->n;
    for (int i = 0; i < s->n; i++) {
        const dy_conllu_word *w = &s->w[i];
        size_t k = c->nword++;
        char tn[256];
        snprintf(tn, sizeof tn, "%s\t%s", w->upos, w->xpos);
        c->form[k] = dy_arena_strndup(&c->arena, w->form, strlen(w->form));
        c->flen[k] = strlen(w->form);
        c->tagname[k] = dy_arena_strndup(&c->arena, tn, strlen(tn));
        c->labname[k] = dy_arena_strndup(&c->arena, w->deprel, strlen(w->deprel));
        c->head[k] = w->head;
    }
    return !c->arena.failed;
}

static dy_status read_corpus(trainer_t *t, dy_error *err)
{
    dy_conllu *r;
    dy_status st = dy_conllu_open(t->o->train, &r, err);
    if (st)
        return st;
    unsigned bad = 0;
    for (;;) {
        dy_conllu_sent s;
        bool eof;
        st = dy_conllu_next(r, &s, &eof, err);
        if (st == DY_ERR_PARSE || st == DY_ERR_LIMIT) {
            logf_(t->o, "%s", err->msg);
            bad++;
            continue;
        }
        if (st || eof)
            break;
        if (s.n == 0 || s.w[0].head < 0 || s.n > DY_DEP_MAX_WORDS)
            continue; /* no tree to learn from */
        if (!add_sentence(&t->c, &s)) {
            snprintf(err->msg, sizeof err->msg, "training: out of memory");
            st = DY_ERR_NOMEM;
            break;
        }
        if (t->o->max_sentences && t->c.nsent == t->o->max_sentences)
            break;
    }
    dy_conllu_free(&r);
    if (!st)
        logf_(t->o, "read %zu sentences, %zu words (%u malformed, skipped)", t->c.nsent, t->c.nword, bad);
    return st;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted distinct names of names[0..n); false when more than cap. */
static bool name_set(const char **names, size_t n, const char **set, unsigned *count, unsigned cap)
{
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (unsigned k = 0; k < *count && !seen; k++)
            seen = strcmp(set[k], names[i]) == 0;
        if (seen)
            continue;
        if (*count == cap)
            return false;
        set[(*count)++] = names[i];
    }
    qsort(set, *count, sizeof *set, cmpstr);
    return true;
}

static unsigned name_id(const char **set, unsigned n, const char *name)
{
    const char **p = bsearch(&name, set, n, sizeof *set, cmpstr);
    return (unsigned)(p - set);
}

static dy_status map_names(trainer_t *t, dy_error *err)
{
    corpus_t *c = &t->c;
    if (!name_set(c->tagname, c->nword, t->tags, &t->ntags, DY_PC_MAX_CLASSES) ||
        !name_set(c->labname, c->nword, t->labels, &t->nlabels, DY_DEP_MAX_LABELS)) {
        snprintf(err->msg, sizeof err->msg, "training: more than %d tags or %d labels",
                 DY_PC_MAX_CLASSES, DY_DEP_MAX_LABELS);
        return DY_ERR_LIMIT;
    }
    const char *root = "root";
    const char **rp = bsearch(&root, t->labels, t->nlabels, sizeof *t->labels, cmpstr);
    if (!rp) {
        snprintf(err->msg, sizeof err->msg, "training: no 'root' label in the treebank");
        return DY_ERR_PARSE;
    }
    t->root = (unsigned)(rp - t->labels);
    c->tag = malloc(c->nword);
    c->lab = malloc(c->nword);
    c->jtag = malloc(c->nword);
    c->tw = malloc(c->nword * sizeof *c->tw);
    c->norm = malloc(c->nword * sizeof *c->norm);
    if (!c->tag || !c->lab || !c->jtag || !c->tw || !c->norm) {
        snprintf(err->msg, sizeof err->msg, "training: out of memory");
        return DY_ERR_NOMEM;
    }
    for (size_t i = 0; i < c->nword; i++) {
        c->tag[i] = (uint8_t)name_id(t->tags, t->ntags, c->tagname[i]);
        c->lab[i] = (uint8_t)name_id(t->labels, t->nlabels, c->labname[i]);
    }
    for (size_t s = 0; s < c->nsent; s++)
        dy_dep_projectivize(c->len[s], c->head + c->first[s]);
    logf_(t->o, "%u tags, %u labels", t->ntags, t->nlabels);
    return DY_OK;
}

/* The tokeniser's bound prefixes: a word of the treebank that keeps a
 * hyphen after 1 to 7 letters ("e-mail", "co-workers") shows that UD
 * English writes that prefix joined; kept when two different words show
 * it, so that one odd word ("meh-risk") teaches nothing. Sorted. */
static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool collect_prefixes(trainer_t *t)
{
    corpus_t *c = &t->c;
    char **seen = malloc((c->nword ? c->nword : 1) * sizeof *seen); /* "prefix-word", lower case */
    size_t n = 0;
    if (!seen)
        return false;
    for (size_t w = 0; w < c->nword; w++) {
        const char *f = c->form[w];
        size_t i = 0;
        while (i < 8 && ((f[i] | 32) >= 'a' && (f[i] | 32) <= 'z'))
            i++;
        if (i == 0 || i > 7 || f[i] != '-' || !((f[i + 1] | 32) >= 'a' && (f[i + 1] | 32) <= 'z'))
            continue;
        char *x = dy_arena_strndup(&c->arena, f, c->flen[w]);
        if (!x)
            break;
        for (char *q = x; *q; q++)
            *q = (char)((*q >= 'A' && *q <= 'Z') ? *q + 32 : *q);
        seen[n++] = x;
    }
    qsort(seen, n, sizeof *seen, cmp_cstr);
    t->prefixes_len = 0;
    size_t np = 0;
    for (size_t i = 0; i < n;) { /* a prefix with two different words after it */
        size_t pl = strcspn(seen[i], "-"), j = i + 1, words = 1;
        for (; j < n && strncmp(seen[j], seen[i], pl + 1) == 0; j++)
            words += strcmp(seen[j], seen[j - 1]) != 0;
        if (words >= 2 && np < DY_TOK_MAX_PREFIXES) {
            memcpy(t->prefixes + t->prefixes_len, seen[i], pl);
            t->prefixes[t->prefixes_len + pl] = '\0';
            t->prefixes_len += pl + 1;
            np++;
        }
        i = j;
    }
    free(seen);
    logf_(t->o, "tokeniser: %zu bound prefixes", np);
    return !c->arena.failed;
}

typedef struct {
    uint64_t norm; /* word */
    uint8_t tag;
    uint8_t fold;  /* jackknife part of its sentence */
} use_t;

static int cmp_use(const void *a, const void *b)
{
    const use_t *x = a, *y = b;
    if (x->norm != y->norm)
        return x->norm < y->norm ? -1 : 1;
    return (int)x->tag - (int)y->tag;
}

/* The lexicon value of a word from its tag counts (0: left out). */
static uint32_t lex_value(const uint32_t *cn, unsigned ntags)
{
    uint32_t total = 0, top = 0;
    unsigned toptag = 0;
    uint64_t set[4] = {0};
    for (unsigned k = 0; k < ntags; k++) {
        total += cn[k];
        if (cn[k] > top)
            top = cn[k], toptag = k;
    }
    if (total < DY_TRAIN_AMB_MIN)
        return 0;
    for (unsigned k = 0; k < ntags; k++)
        if (cn[k] && 20 * cn[k] >= total)
            set[k / 64] |= 1ULL << (k % 64);
    uint32_t amb = (uint32_t)(dy_pc_feat(99, set[0], set[1], set[2] ^ set[3]) >> 40);
    amb = amb ? amb : 1;
    unsigned fixed = total >= FIXED_MIN && top >= FIXED_SHARE * total ? toptag : DY_TAG_NONE;
    return amb << 8 | fixed;
}

static void lex_put(uint32_t *lex, uint64_t norm, uint32_t v)
{
    uint32_t nslots = lex[0], *slots = lex + 2;
    size_t s = (size_t)norm & (nslots - 1);
    while (slots[2 * s])
        s = (s + 1) & (nslots - 1);
    slots[2 * s] = (uint32_t)(norm >> 32) | 1u;
    slots[2 * s + 1] = v;
}

/* Lexicons: lex[0] from every sentence (it goes into the model), lex[1+k]
 * from all but jackknife part k. Words of part k are described with
 * lex[1+k], so that in training, as at run time, rare words are often
 * missing from the lexicon and the ambiguity class of a word is never
 * learnt from the very sentence it is tagged in. */
static dy_status build_lexicon(trainer_t *t, unsigned folds, dy_error *err)
{
    corpus_t *c = &t->c;
    use_t *u = malloc(c->nword * sizeof *u);
    uint32_t *cn = malloc((size_t)(folds + 1) * t->ntags * sizeof *cn);
    uint32_t *lex[65] = {0};
    size_t types = 0;
    unsigned nlex = folds + 1;
    if (!u || !cn)
        goto nomem;
    for (size_t s = 0; s < c->nsent; s++)
        for (int i = 0; i < c->len[s]; i++) {
            size_t w = c->first[s] + (size_t)i;
            u[w] = (use_t){dy_tag_norm_hash(c->form[w], c->flen[w]), c->tag[w],
                           (uint8_t)(folds ? s % folds : 0)};
        }
    qsort(u, c->nword, sizeof *u, cmp_use);
    for (size_t i = 0; i < c->nword; i++)
        types += i == 0 || u[i].norm != u[i - 1].norm;
    size_t lslots = 16;
    while (lslots < types + types / 2 + 1)
        lslots *= 2;
    t->lexbytes = 8 + lslots * 8;
    for (unsigned k = 0; k < nlex; k++) {
        if (!(lex[k] = calloc(1, t->lexbytes)))
            goto nomem;
        lex[k][0] = (uint32_t)lslots;
    }
    size_t kept = 0;
    for (size_t i = 0, j; i < c->nword; i = j) {
        memset(cn, 0, (size_t)nlex * t->ntags * sizeof *cn);
        for (j = i; j < c->nword && u[j].norm == u[i].norm; j++) {
            cn[u[j].tag]++;                                    /* all parts */
            if (folds)
                cn[(size_t)(1 + u[j].fold) * t->ntags + u[j].tag]++; /* its own part */
        }
        uint32_t v = lex_value(cn, t->ntags);
        if (v)
            lex_put(lex[0], u[i].norm, v), kept++;
        for (unsigned k = 1; k < nlex; k++) {
            uint32_t *fk = cn + (size_t)k * t->ntags; /* all but part k-1 */
            for (unsigned g = 0; g < t->ntags; g++)
                fk[g] = cn[g] - fk[g];
            if ((v = lex_value(fk, t->ntags)) != 0)
                lex_put(lex[k], u[i].norm, v);
        }
    }
    t->lex = lex[0];
    for (size_t s = 0; s < c->nsent; s++) {
        dy_tag_lex lv;
        dy_tag_lex_view(lex[folds ? 1 + s % folds : 0], t->lexbytes, &lv);
        for (int i = 0; i < c->len[s]; i++) {
            size_t w = c->first[s] + (size_t)i;
            dy_tag_describe(&lv, c->form[w], c->flen[w], &c->tw[w]);
            c->norm[w] = c->tw[w].norm;
        }
    }
    for (unsigned k = 1; k < nlex; k++)
        free(lex[k]);
    free(u);
    free(cn);
    logf_(t->o, "lexicon: %zu word types, %zu kept", types, kept);
    return DY_OK;
nomem:
    for (unsigned k = 0; k < nlex; k++)
        free(lex[k]);
    free(u);
    free(cn);
    snprintf(err->msg, sizeof err->msg, "training: out of memory");
    return DY_ERR_NOMEM;
}

typedef struct {
    trainer_t *t;
    int kind;          /* JOB_* */
    unsigned fold;     /* for JOB_FOLD; for JOB_PARSER, which of the parsers */
    void *model;       /* out: compiled weights (JOB_TAGGER) */
    dy_pc_train *pc;   /* out: the weights learnt (JOB_PARSER) */
    size_t model_len;
    bool nomem;        /* out */
} job_t;
enum { JOB_FOLD, JOB_TAGGER, JOB_PARSER };

static void shuffle(uint32_t *a, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(xorshift(rng) % i);
        uint32_t x = a[i - 1];
        a[i - 1] = a[j];
        a[j] = x;
    }
}

/* The sentences a job learns from: all, or all outside its fold. */
static size_t job_sentences(const job_t *j, uint32_t *out)
{
    size_t n = 0;
    unsigned folds = j->t->o->folds;
    for (size_t s = 0; s < j->t->c.nsent; s++)
        if (j->kind != JOB_FOLD || s % folds != j->fold)
            out[n++] = (uint32_t)s;
    return n;
}

static void *compile(const dy_pc_train *const *pc, unsigned k, int prune, unsigned dense_min, size_t *len)
{
    prune = prune < 1 ? 1 : prune;
    if (dense_min == 0)
        dense_min = dy_pc_dense_default(dy_pc_train_classes(pc[0]));
    *len = dy_pc_compile_mean(pc, k, prune, dense_min, NULL, 0);
    void *buf = *len ? malloc(*len) : NULL;
    if (buf && dy_pc_compile_mean(pc, k, prune, dense_min, buf, *len) != *len) {
        free(buf);
        buf = NULL;
    }
    return buf;
}

static bool learn_tagger(job_t *j, const uint32_t *order0, size_t n, uint32_t *order, dy_pc_train *pc)
{
    const corpus_t *c = &j->t->c;
    uint64_t rng = j->t->o->seed * 2654435761u + j->fold + 1;
    uint8_t tags[DY_DEP_MAX_WORDS];
    memcpy(order, order0, n * sizeof *order);
    for (unsigned e = 0; e < j->t->o->tag_epochs; e++) {
        shuffle(order, n, &rng);
        size_t right = 0, total = 0;
        for (size_t k = 0; k < n; k++) {
            uint32_t f = c->first[order[k]];
            int r = dy_tag_learn(pc, c->tw + f, c->len[order[k]], c->tag + f, tags);
            if (r < 0)
                return false;
            right += (size_t)r;
            total += (size_t)c->len[order[k]];
        }
        if (j->kind == JOB_TAGGER)
            logf_(j->t->o, "tagger epoch %u: %.2f%% of training words right", e + 1,
                  100.0 * (double)right / (double)(total ? total : 1));
    }
    return true;
}

static bool learn_parser(job_t *j, uint32_t *order, size_t n, dy_pc_train *pc)
{
    trainer_t *t = j->t;
    const corpus_t *c = &t->c;
    uint64_t rng = t->o->seed * 0x9e3779b97f4a7c15ULL + 12345 + (uint64_t)j->fold * 0x2545f4914f6cdd1dULL;
    dy_dep_state *st = malloc(sizeof *st);
    if (!st)
        return false;
    const uint8_t *tags = t->o->folds > 1 ? c->jtag : c->tag;
    for (unsigned e = 0; e < t->o->dep_epochs; e++) {
        shuffle(order, n, &rng);
        size_t right = 0, total = 0;
        for (size_t k = 0; k < n; k++) {
            uint32_t f = c->first[order[k]];
            dy_dep_input in = {c->len[order[k]], c->norm + f, tags + f, t->nlabels, t->root};
            int r = dy_dep_learn(pc, &in, st, c->head + f, c->lab + f, e > 0, &rng);
            if (r < 0) {
                free(st);
                return false;
            }
            right += (size_t)r;
            total += (size_t)in.n;
        }
        logf_(t->o, "parser %u epoch %u: %.2f%% of training arcs right (labelled)", j->fold + 1, e + 1,
              100.0 * (double)right / (double)(total ? total : 1));
    }
    free(st);
    return true;
}

static void *run_job(void *arg)
{
    job_t *j = arg;
    trainer_t *t = j->t;
    const corpus_t *c = &t->c;
    uint32_t *sents = malloc(c->nsent * sizeof *sents), *order = malloc(c->nsent * sizeof *order);
    unsigned ncls = j->kind == JOB_PARSER ? 1 + 2 * t->nlabels : t->ntags;
    dy_pc_train *pc = dy_pc_train_new(ncls);
    j->nomem = !sents || !order || !pc;
    if (j->nomem)
        goto out;
    size_t n = job_sentences(j, sents);
    if (j->kind == JOB_PARSER) {
        memcpy(order, sents, n * sizeof *order);
        j->nomem = !learn_parser(j, order, n, pc);
    } else {
        j->nomem = !learn_tagger(j, sents, n, order, pc);
    }
    if (j->nomem)
        goto out;
    size_t feats, ents;
    dy_pc_train_size(pc, &feats, &ents);
    if (j->kind == JOB_PARSER) { /* compiled with the others */
        logf_(t->o, "parser %u: %zu features, %zu weights", j->fold + 1, feats, ents);
        j->pc = pc;
        pc = NULL;
        goto out;
    }
    j->model = compile((const dy_pc_train *const *)&pc, 1, t->o->prune_tagger, t->o->dense_min,
                       &j->model_len);
    j->nomem = !j->model;
    if (j->nomem)
        goto out;
    if (j->kind != JOB_FOLD) {
        dy_pc_model m;
        dy_pc_view(j->model, j->model_len, &m);
        logf_(t->o, "tagger: %zu features, %zu weights; kept %u entry words (%u buckets), %zu bytes", feats,
              ents, m.nentries, m.nbuckets, j->model_len);
        goto out;
    }
    dy_pc_model m; /* tag the held-out fold with this fold's tagger */
    dy_pc_view(j->model, j->model_len, &m);
    for (size_t s = j->fold; s < c->nsent; s += t->o->folds)
        dy_tag_run(&m, c->tw + c->first[s], c->len[s], NULL, c->jtag + c->first[s]);
    free(j->model);
    j->model = NULL;
out:
    dy_pc_train_free(&pc);
    free(sents);
    free(order);
    return NULL;
}

/* The parser's weights: the mean of the parsers trained (one table each). */
static dy_status compile_parsers(trainer_t *t, const job_t *jobs, unsigned n, job_t *out)
{
    const dy_pc_train *pcs[DY_TRAIN_MAX_PARSERS];
    for (unsigned k = 0; k < n; k++)
        pcs[k] = jobs[k].pc;
    out->model = compile(pcs, n, t->o->prune_parser, t->o->dense_min, &out->model_len);
    if (!out->model)
        return DY_ERR_NOMEM;
    dy_pc_model m;
    dy_pc_view(out->model, out->model_len, &m);
    logf_(t->o, "parser (mean of %u): kept %u entry words (%u buckets), %zu bytes", n, m.nentries, m.nbuckets,
          out->model_len);
    return DY_OK;
}

/* Runs jobs on up to `threads` threads; thread k takes jobs k, k+T, ... so
 * the work each job does never depends on timing. */
static bool run_jobs(job_t *jobs, size_t n, unsigned threads)
{
    if (threads < 2 || n < 2) {
        for (size_t i = 0; i < n; i++)
            run_job(&jobs[i]);
    } else {
        pthread_t th[64];
        size_t started = 0;
        for (size_t base = 0; base < n; base += started) {
            started = 0;
            for (size_t k = 0; k < threads && base + k < n; k++, started++)
                if (pthread_create(&th[k], NULL, run_job, &jobs[base + k]) != 0) {
                    run_job(&jobs[base + k]);
                    th[k] = pthread_self();
                }
            for (size_t k = 0; k < started; k++)
                if (!pthread_equal(th[k], pthread_self()))
                    pthread_join(th[k], NULL);
        }
    }
    for (size_t i = 0; i < n; i++)
        if (jobs[i].nomem)
            return false;
    return true;
}

/* Sections start on cache lines, so that a bucket of weights is one line. */
static size_t align64(size_t n) { return (n + 63) & ~(size_t)63; }

/* Lays the model out (syntax.h) in a new buffer. */
static unsigned char *assemble(trainer_t *t, const job_t *tagger, const job_t *parser, size_t *len)
{
    size_t slen = 0;
    for (unsigned i = 0; i < t->ntags; i++)
        slen += strlen(t->tags[i]) + 1; /* the tab becomes a NUL */
    for (unsigned i = 0; i < t->nlabels; i++)
        slen += strlen(t->labels[i]) + 1;
    const char *info = t->o->info ? t->o->info : "";
    size_t sizes[DY_SYN_NSECT] = {slen, t->lexbytes, tagger->model_len, parser->model_len,
                                  strlen(info) + 1, t->prefixes_len};
    size_t off[DY_SYN_NSECT], total = DY_SYN_HEADER;
    for (int i = 0; i < DY_SYN_NSECT; i++) {
        off[i] = total;
        total = align64(total + sizes[i]);
    }
    if (total > UINT32_MAX)
        return NULL;
    unsigned char *buf = calloc(1, total);
    if (!buf)
        return NULL;
    memcpy(buf, DY_SYN_MAGIC, 8);
    uint32_t hdr[4] = {DY_SYN_VERSION, t->ntags, t->nlabels, t->root};
    memcpy(buf + 8, hdr, sizeof hdr);
    uint32_t feats[2] = {DY_TAG_FEATURES, DY_DEP_FEATURES};
    memcpy(buf + DY_SYN_FEATURES_AT, feats, sizeof feats);
    uint64_t tot64 = total;
    memcpy(buf + 24, &tot64, 8);
    for (int i = 0; i < DY_SYN_NSECT; i++) {
        uint32_t v[2] = {(uint32_t)off[i], (uint32_t)sizes[i]};
        memcpy(buf + 40 + 8 * i, v, 8);
    }
    char *s = (char *)buf + off[DY_SYN_STRINGS];
    for (unsigned i = 0; i < t->ntags; i++) {
        size_t l = strlen(t->tags[i]);
        memcpy(s, t->tags[i], l + 1);
        char *tab = memchr(s, '\t', l);
        if (tab)
            *tab = '\0';
        s += l + 1;
    }
    for (unsigned i = 0; i < t->nlabels; i++) {
        size_t l = strlen(t->labels[i]);
        memcpy(s, t->labels[i], l + 1);
        s += l + 1;
    }
    memcpy(buf + off[DY_SYN_LEX], t->lex, t->lexbytes);
    memcpy(buf + off[DY_SYN_TAGGER], tagger->model, tagger->model_len);
    memcpy(buf + off[DY_SYN_PARSER], parser->model, parser->model_len);
    memcpy(buf + off[DY_SYN_INFO], info, strlen(info) + 1);
    memcpy(buf + off[DY_SYN_PREFIXES], t->prefixes, t->prefixes_len);
    uint64_t sum = dy_syn_checksum(buf, total);
    memcpy(buf + 32, &sum, 8);
    *len = total;
    return buf;
}

/* Writes through a temporary file, so a failed run leaves the old model. */
static dy_status write_file(const char *path, const unsigned char *buf, size_t len, dy_error *err)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *fp = fopen(tmp, "wb");
    bool ok = fp && fwrite(buf, 1, len, fp) == len;
    ok = fp && fclose(fp) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err->msg, sizeof err->msg, "%s: cannot write the model", path);
        remove(tmp);
        return DY_ERR_IO;
    }
    return DY_OK;
}

static void free_trainer(trainer_t *t)
{
    corpus_t *c = &t->c;
    free(c->first), free(c->len), free(c->form), free(c->flen), free(c->tagname);
    free(c->labname), free(c->head), free(c->tag), free(c->lab), free(c->jtag), free(c->tw);
    free(c->norm), free(t->lex);
    dy_arena_free(&c->arena);
}

dy_status dy_train_run(const dy_train_opts *o, dy_error *err)
{
    trainer_t t = {.o = o};
    err->msg[0] = '\0';
    dy_arena_init(&t.c.arena, 1 << 20, 0);
    job_t jobs[65] = {{0}};
    unsigned char *model = NULL;
    size_t len = 0;
    dy_status st = read_corpus(&t, err);
    if (!st && t.c.nsent == 0) {
        snprintf(err->msg, sizeof err->msg, "%s: no annotated sentence to train on", o->train);
        st = DY_ERR_PARSE;
    }
    if (!st)
        st = map_names(&t, err);
    if (!st && !collect_prefixes(&t)) {
        snprintf(err->msg, sizeof err->msg, "training: out of memory");
        st = DY_ERR_NOMEM;
    }
    unsigned folds = o->folds > 1 ? (o->folds > 64 ? 64 : o->folds) : 0;
    if (!st)
        st = build_lexicon(&t, folds, err);
    for (unsigned k = 0; k < folds; k++)
        jobs[k] = (job_t){.t = &t, .kind = JOB_FOLD, .fold = k};
    if (!st && !run_jobs(jobs, folds, o->threads))
        st = DY_ERR_NOMEM;
    if (!st && folds) {
        size_t right = 0;
        for (size_t i = 0; i < t.c.nword; i++)
            right += t.c.jtag[i] == t.c.tag[i];
        logf_(o, "jackknifed tags (%u folds): %.2f%% right", folds,
              100.0 * (double)right / (double)t.c.nword);
    }
    unsigned np = o->parsers < 1 ? 1 : o->parsers > DY_TRAIN_MAX_PARSERS ? DY_TRAIN_MAX_PARSERS : o->parsers;
    job_t fin[1 + DY_TRAIN_MAX_PARSERS] = {{.t = &t, .kind = JOB_TAGGER}};
    for (unsigned k = 0; k < np; k++)
        fin[1 + k] = (job_t){.t = &t, .kind = JOB_PARSER, .fold = k};
    if (!st && !run_jobs(fin, 1 + np, o->threads))
        st = DY_ERR_NOMEM;
    job_t parser = {.t = &t, .kind = JOB_PARSER};
    if (!st)
        st = compile_parsers(&t, fin + 1, np, &parser);
    if (!st && !(model = assemble(&t, &fin[0], &parser, &len)))
        st = DY_ERR_NOMEM;
    if (st == DY_ERR_NOMEM && !err->msg[0])
        snprintf(err->msg, sizeof err->msg, "training: out of memory");
    if (!st) {
        st = write_file(o->out, model, len, err);
        logf_(o, "wrote %s: %zu bytes", o->out, len);
    }
    free(model);
    free(fin[0].model);
    free(parser.model);
    for (unsigned k = 0; k < np; k++)
        dy_pc_train_free(&fin[1 + k].pc);
    free_trainer(&t);
    return st;
}
