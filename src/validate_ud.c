/* validate_ud.c: scores the syntax model against gold trees (gold words),
 * as the CoNLL 2018 shared task's evaluation does: every word counts,
 * punctuation included; LAS compares the universal part of the relation
 * (before ':'), las_full the whole of it. */
#include "conllu.h"
#include "syntax.h"
#include "tok.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const dy_ud_relations[5] = {"nsubj", "nsubj:pass", "obj", "obl", "iobj"};

/* Relations equal in their universal part (before any ':'). */
static bool same_universal(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

/* Index in dy_ud_relations of a relation; obl counts its subtypes
 * (obl:tmod, obl:npmod), the others must match whole. -1 if none. */
static int rel_index(const char *r)
{
    for (int i = 0; i < 5; i++)
        if (strcmp(r, dy_ud_relations[i]) == 0)
            return i;
    return strncmp(r, "obl:", 4) == 0 && strcmp(r, "obl:agent") != 0 ? 3 : -1;
}

static void score_sentence(const dy_conllu_sent *s, const dy_word *w, dy_ud_scores *o)
{
    o->sentences++;
    for (int i = 0; i < s->n; i++) {
        const dy_conllu_word *g = &s->w[i];
        o->words++;
        o->upos += strcmp(w[i].upos, g->upos) == 0;
        o->xpos += strcmp(w[i].xpos, g->xpos) == 0;
        bool head = w[i].head == g->head;
        o->uas += head;
        o->las += head && same_universal(w[i].deprel, g->deprel);
        o->las_full += head && strcmp(w[i].deprel, g->deprel) == 0;
        int gi = rel_index(g->deprel), pi = rel_index(w[i].deprel);
        if (gi >= 0)
            o->rel_gold[gi]++;
        if (pi >= 0)
            o->rel_pred[pi]++;
        if (gi >= 0 && gi == pi && head)
            o->rel_right[gi]++;
    }
}

/* Scores the tokeniser on the sentence's text: gold words are found in the
 * text in order (a sentence whose words are not all found is left out). */
static void score_tokens(const dy_tok_rules *rules, const dy_conllu_sent *s, dy_tok_span *sp, dy_ud_scores *o)
{
    size_t starts[DY_CONLLU_MAX_WORDS];
    if (!dy_conllu_offsets(s, starts))
        return;
    size_t tl = strlen(s->text);
    bool over;
    size_t np = dy_tok_split(rules, s->text, tl, sp, DY_CONLLU_MAX_WORDS, &over), right = 0;
    for (size_t g = 0, p = 0; g < (size_t)s->n && p < np;) { /* both in text order */
        size_t gs = starts[g], gl = strlen(s->w[g].form);
        if (sp[p].start == gs && sp[p].len == gl)
            right++, g++, p++;
        else if (sp[p].start < gs || (sp[p].start == gs && sp[p].len < gl))
            p++;
        else
            g++;
    }
    o->tok_sentences++;
    o->tok_exact += right == (size_t)s->n && np == (size_t)s->n;
    o->tok_gold += (size_t)s->n;
    o->tok_pred += np;
    o->tok_right += right;
}

dy_status dy_validate_ud(const char *file, const dy_syntax *syn, dy_diag_fn diag, void *ctx,
                         dy_ud_scores *out, dy_error *err)
{
    memset(out, 0, sizeof *out);
    dy_conllu *r;
    dy_status st = dy_conllu_open(file, &r, err);
    if (st)
        return st;
    dy_parser *p = dy_parser_new(syn);
    const char **forms = malloc(DY_CONLLU_MAX_WORDS * sizeof *forms);
    size_t *lens = malloc(DY_CONLLU_MAX_WORDS * sizeof *lens);
    dy_tok_span *spans = malloc(DY_CONLLU_MAX_WORDS * sizeof *spans);
    if (!p || !forms || !lens || !spans) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        st = DY_ERR_NOMEM;
    }
    while (!st) {
        dy_conllu_sent s;
        bool eof;
        st = dy_conllu_next(r, &s, &eof, err);
        if (st == DY_OK && !eof && s.n > 0 && s.w[0].head < 0) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: no gold tree (HEAD is '_'); sentence skipped",
                     file, s.line);
            st = DY_ERR_PARSE;
        }
        if (st == DY_ERR_PARSE || st == DY_ERR_LIMIT) {
            out->skipped++;
            if (diag)
                diag(ctx, file, 0, 0, err->msg);
            st = DY_OK;
            continue;
        }
        if (st || eof)
            break;
        dy_conllu_forms(&s, forms, lens);
        const dy_word *w;
        st = dy_parse_words(p, forms, lens, (size_t)s.n, &w, err);
        if (!st) {
            score_sentence(&s, w, out);
            score_tokens(&dy_syntax_model(syn)->tok, &s, spans, out);
        }
    }
    free(spans);
    free(forms);
    free(lens);
    dy_parser_free(&p);
    dy_conllu_free(&r);
    return st;
}
