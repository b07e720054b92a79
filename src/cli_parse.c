/* cli_parse.c: `dyad parse` (text, JSON Lines or CoNLL-U in; CoNLL-U out,
 * each word with its byte range) and `dyad validate ud`. */
#include "cli_parse.h"
#include "../include/dyad.h"
#include "cli_input.h"
#include "conllu.h"
#include "segment.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ORDER EXIT: the exit statuses of cli.c's table (3 is the model here) */
enum { EX_OK, EX_RECORDS, EX_USAGE, EX_MODEL, EX_INPUT, EX_MEMORY, EX_OUTPUT };
#define SEG_WINDOW 4096

typedef struct {
    dy_parser *p;
    const char *file;   /* input name, for messages */
    int rc;             /* worst exit status so far */
} run_t;

static void worse(run_t *r, int rc) { r->rc = rc > r->rc ? rc : r->rc; }

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* "# text = " with white space runs shown as one space. */
static void print_text(const char *t, size_t n)
{
    fputs("# text = ", stdout);
    for (size_t i = 0; i < n; i++) {
        if (blank(t[i])) {
            while (i + 1 < n && blank(t[i + 1]))
                i++;
            putchar(' ');
        } else {
            putchar(t[i]);
        }
    }
    putchar('\n');
}

/* One word line; base is the sentence's offset in the document (or
 * SIZE_MAX when the word's bytes in the input are not known). */
static void print_word(size_t i, const char *form, size_t flen, const dy_word *w, size_t base,
                       bool space_after)
{
    printf("%zu\t%.*s\t_\t%s\t%s\t_\t%d\t%s\t_\t", i + 1, (int)flen, form, w->upos, w->xpos, w->head,
           w->deprel);
    if (base != SIZE_MAX)
        printf("TokenRange=%zu:%zu%s\n", base + w->start, base + w->start + w->len,
               space_after ? "" : "|SpaceAfter=No");
    else
        puts(space_after ? "_" : "SpaceAfter=No");
}

/* Parses and prints one sentence t[0..n) at offset base of its document. */
static void sentence(run_t *r, const char *id, int no, const char *t, size_t n, size_t base)
{
    while (n && blank(t[n - 1]))
        n--;
    const dy_word *w;
    size_t k;
    dy_error err = {{0}};
    dy_status st = dy_parse_text(r->p, t, n, &w, &k, &err);
    if (st) {
        fprintf(stderr, "dyad: %s: %s, sentence %d: %s; skipped\n", r->file, id, no, err.msg);
        worse(r, EX_RECORDS);
        return;
    }
    if (k == 0)
        return;
    printf("# sent_id = %s-%d\n", id, no);
    print_text(t, n);
    for (size_t i = 0; i < k; i++) {
        size_t end = w[i].start + w[i].len;
        print_word(i, t + w[i].start, w[i].len, &w[i], base, end >= n || blank(t[end]));
    }
    putchar('\n');
}

static void document(run_t *r, const dy_doc *doc, unsigned recno)
{
    char idbuf[64];
    const char *id = doc->id && *doc->id ? doc->id : (snprintf(idbuf, sizeof idbuf, "doc%u", recno), idbuf);
    int no = 0;
    printf("# newdoc id = %s\n", id);
    if (doc->title && *doc->title) /* the headline: offsets within it */
        sentence(r, id, ++no, doc->title, strlen(doc->title), 0);
    if (!doc->split) {
        size_t dl = dy_segment_dateline(doc->text, doc->text_len);
        sentence(r, id, ++no, doc->text + dl, doc->text_len - dl, dl);
        return;
    }
    dy_span sp[SEG_WINDOW];
    for (size_t from = 0;;) {
        int n = dy_segment_from(doc->text, doc->text_len, from, sp, SEG_WINDOW);
        for (int i = 0; i < n; i++)
            sentence(r, id, ++no, doc->text + sp[i].off, sp[i].len, sp[i].off);
        if (n < SEG_WINDOW)
            break;
        from = sp[n - 1].off + sp[n - 1].len;
    }
}

/* Runs the reader over buf (one article, or one JSON line). */
static void records(run_t *r, const char *buf, size_t len, dy_input_kind kind, unsigned *recno)
{
    dy_reader *rd = dy_reader_new(r->file, buf, len, kind, 0);
    if (!rd) {
        fprintf(stderr, "dyad: out of memory\n");
        worse(r, EX_MEMORY);
        return;
    }
    dy_reader_set_position(rd, *recno + 1, *recno);
    for (bool eof = false; !eof && !ferror(stdout);) { /* output that fails stops the run (exit 6) */
        dy_doc doc;
        dy_error err = {{0}};
        if (dy_reader_next(rd, &doc, &eof, &err)) {
            fprintf(stderr, "dyad: %s\n", err.msg);
            worse(r, EX_RECORDS);
            continue;
        }
        if (!eof)
            document(r, &doc, ++*recno);
    }
    dy_reader_free(&rd);
}

/* Text: the file is one article, read whole up to DY_CLI_MAX_RECORD.
 * JSON Lines: read and parsed one line at a time. */
static void plain_input(run_t *r, FILE *fp, dy_input_kind kind)
{
    char *line = NULL;
    size_t cap = 0, len = 0;
    unsigned recno = 0;
    if (kind == DY_IN_JSONL) {
        ssize_t n;
        while (!ferror(stdout) && (n = getline(&line, &cap, fp)) > 0) {
            if ((size_t)n > DY_CLI_MAX_RECORD) {
                fprintf(stderr, "dyad: %s:%u: line longer than 64 MiB; skipped\n", r->file, recno + 1);
                worse(r, EX_MEMORY);
                recno++;
                continue;
            }
            records(r, line, (size_t)n, kind, &recno);
        }
    } else {
        for (;;) {
            if (len + 65536 > cap) {
                char *p = cap >= DY_CLI_MAX_RECORD ? NULL : realloc(line, cap ? 2 * cap : 65536);
                if (!p) {
                    fprintf(stderr, "dyad: %s: article over 64 MiB or out of memory\n", r->file);
                    worse(r, EX_MEMORY);
                    break;
                }
                line = p;
                cap = cap ? 2 * cap : 65536;
            }
            size_t got = fread(line + len, 1, cap - len, fp);
            len += got;
            if (got == 0)
                break;
        }
        if (r->rc != EX_MEMORY)
            records(r, line ? line : "", len, DY_IN_TEXT, &recno);
    }
    if (ferror(fp)) {
        fprintf(stderr, "dyad: %s: %s\n", r->file, strerror(errno));
        worse(r, EX_INPUT);
    }
    free(line);
}

/* CoNLL-U in: the file's words (gold tokenisation) get new tags and heads;
 * byte ranges are found by matching the words in "# text" in order. */
static void conllu_input(run_t *r, const char *path)
{
    dy_conllu *in;
    dy_error err = {{0}};
    dy_status st0 = dy_conllu_open(path, &in, &err);
    if (st0) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        worse(r, st0 == DY_ERR_NOMEM ? EX_MEMORY : EX_INPUT);
        return;
    }
    const char **forms = malloc(DY_CONLLU_MAX_WORDS * sizeof *forms);
    size_t *lens = malloc(DY_CONLLU_MAX_WORDS * sizeof *lens);
    size_t *at = malloc(DY_CONLLU_MAX_WORDS * sizeof *at);
    for (unsigned no = 1; forms && lens && at && !ferror(stdout); no++) {
        dy_conllu_sent s;
        bool eof;
        dy_status st = dy_conllu_next(in, &s, &eof, &err);
        if (st == DY_ERR_PARSE || st == DY_ERR_LIMIT) {
            fprintf(stderr, "dyad: %s\n", err.msg);
            worse(r, EX_RECORDS);
            continue;
        }
        if (st) {
            fprintf(stderr, "dyad: %s\n", err.msg);
            worse(r, st == DY_ERR_NOMEM ? EX_MEMORY : EX_INPUT);
            break;
        }
        if (eof)
            break;
        const char *text = s.text;
        size_t tl = text ? strlen(text) : 0;
        dy_conllu_forms(&s, forms, lens);
        bool aligned = dy_conllu_offsets(&s, at);
        const dy_word *w;
        if (dy_parse_words(r->p, forms, lens, (size_t)s.n, &w, &err)) {
            fprintf(stderr, "dyad: %s:%u: %s; skipped\n", path, s.line, err.msg);
            worse(r, EX_RECORDS);
            continue;
        }
        if (s.sent_id)
            printf("# sent_id = %s\n", s.sent_id);
        else
            printf("# sent_id = %u\n", no);
        if (text)
            print_text(text, tl);
        for (int i = 0; i < s.n; i++) {
            dy_word x = w[i];
            x.start = aligned ? at[i] : 0; /* the offsets hold only when every word was found */
            size_t end = x.start + lens[i];
            print_word((size_t)i, forms[i], lens[i], &x, aligned ? 0 : SIZE_MAX,
                       !aligned || end >= tl || blank(text[end]));
        }
        putchar('\n');
    }
    if (!forms || !lens || !at) {
        fprintf(stderr, "dyad: out of memory\n");
        worse(r, EX_MEMORY);
    }
    free(forms);
    free(lens);
    free(at);
    dy_conllu_free(&in);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Loads the model named by --model, else the built-in one. */
static int load_model(const char *path, dy_syntax **s)
{
    dy_error err = {{0}};
    dy_status st = dy_syntax_load(path, s, &err);
    if (st) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        return st == DY_ERR_NOMEM ? EX_MEMORY : EX_MODEL;
    }
    return EX_OK;
}

int dy_cli_parse(int argc, char **argv)
{
    const char *model = NULL, *kind = NULL;
    const char *files[4096];
    int nfiles = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--input") == 0 && i + 1 < argc) {
            kind = argv[++i];
            if (strcmp(kind, "text") && strcmp(kind, "jsonl") && strcmp(kind, "conllu")) {
                fprintf(stderr, "dyad: parse: --input: '%s' is not text, jsonl or conllu\n", kind);
                return EX_USAGE;
            }
        } else if (strcmp(argv[i], "--model") == 0 && i + 1 < argc) {
            model = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad: parse: unknown option '%s'\n", argv[i]);
            return EX_USAGE;
        } else if (nfiles < 4096) {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    dy_syntax *s;
    int rc = load_model(model, &s);
    if (rc)
        return rc;
    run_t r = {dy_parser_new(s), NULL, EX_OK};
    if (!r.p) {
        dy_syntax_free(&s);
        fprintf(stderr, "dyad: out of memory\n");
        return EX_MEMORY;
    }
    for (int f = 0; f < nfiles && !ferror(stdout); f++) {
        r.file = strcmp(files[f], "-") == 0 ? "(stdin)" : files[f];
        const char *k = kind ? kind
                        : ends_with(files[f], ".conllu") || ends_with(files[f], ".conllu.zst") ? "conllu"
                        : ends_with(files[f], ".jsonl") || ends_with(files[f], ".json")        ? "jsonl"
                                                                                               : "text";
        if (strcmp(k, "conllu") == 0) {
            conllu_input(&r, files[f]);
            continue;
        }
        FILE *fp = strcmp(files[f], "-") == 0 ? stdin : fopen(files[f], "rb");
        if (!fp) {
            int e = errno;
            fprintf(stderr, "dyad: %s: %s\n", files[f], strerror(e));
            worse(&r, e == ENOMEM ? EX_MEMORY : EX_INPUT);
            continue;
        }
        plain_input(&r, fp, strcmp(k, "jsonl") == 0 ? DY_IN_JSONL : DY_IN_TEXT);
        if (fp != stdin)
            fclose(fp);
    }
    dy_parser_free(&r.p);
    dy_syntax_free(&s);
    return r.rc;
}

static void diag(void *ctx, const char *file, unsigned line, unsigned col, const char *msg)
{
    (void)file, (void)line, (void)col;
    *(int *)ctx = EX_RECORDS;
    fprintf(stderr, "dyad: %s\n", msg);
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

int dy_cli_validate_ud(int argc, char **argv)
{
    const char *model = NULL, *file = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
            model = argv[++i];
        else if (!file && (argv[i][0] != '-' || !argv[i][1]))
            file = argv[i];
        else {
            fprintf(stderr, "dyad: validate ud: unexpected argument '%s'\n", argv[i]);
            return EX_USAGE;
        }
    }
    if (!file) {
        fprintf(stderr, "dyad: validate ud: want a CoNLL-U file (FILE.conllu or FILE.conllu.zst)\n");
        return EX_USAGE;
    }
    dy_syntax *s;
    int rc = load_model(model, &s);
    if (rc)
        return rc;
    dy_ud_scores sc;
    dy_error err = {{0}};
    dy_status st = dy_validate_ud(file, s, diag, &rc, &sc, &err);
    dy_syntax_free(&s);
    if (st) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        return st == DY_ERR_NOMEM ? EX_MEMORY : EX_INPUT;
    }
    printf("sentences %zu, words %zu, skipped %zu (gold tokenisation)\n", sc.sentences, sc.words,
           sc.skipped);
    printf("UPOS %6.2f   XPOS %6.2f\n", pct(sc.upos, sc.words), pct(sc.xpos, sc.words));
    printf("UAS  %6.2f   LAS  %6.2f (universal relations, as CoNLL 2018)   LAS with subtypes %6.2f\n",
           pct(sc.uas, sc.words), pct(sc.las, sc.words), pct(sc.las_full, sc.words));
    for (int i = 0; i < 5; i++)
        printf("%-10s gold %5zu  recall %6.2f  precision %6.2f\n", dy_ud_relations[i], sc.rel_gold[i],
               pct(sc.rel_right[i], sc.rel_gold[i]), pct(sc.rel_right[i], sc.rel_pred[i]));
    printf("tokeniser on the sentences' text: words F1 %.2f (precision %.2f, recall %.2f); %zu of %zu sentences "
           "split exactly as gold\n",
           sc.tok_gold + sc.tok_pred ? 200.0 * (double)sc.tok_right / (double)(sc.tok_gold + sc.tok_pred) : 0.0,
           pct(sc.tok_right, sc.tok_pred), pct(sc.tok_right, sc.tok_gold), sc.tok_exact, sc.tok_sentences);
    printf("tokens=%zu upos=%.2f xpos=%.2f uas=%.2f las=%.2f\n", sc.words, pct(sc.upos, sc.words),
           pct(sc.xpos, sc.words), pct(sc.uas, sc.words), pct(sc.las, sc.words));
    return rc;
}
