/* syntax_api.c: the public syntax API of dyad.h: loading the model (built
 * in or a mapped file), parsers, and parsing a sentence. */
#include "syntax.h"
#include "tok.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>


struct dy_syntax {
    dy_syn_model m;
    void *map;     /* mapped file, or NULL for the built-in model */
    size_t maplen;
};

struct dy_parser {
    const dy_syntax *s;
    dy_syn_work w;
    const char *forms[DY_PARSE_MAX_WORDS];
    size_t lens[DY_PARSE_MAX_WORDS];
    dy_tok_span spans[DY_PARSE_MAX_WORDS];
    dy_word words[DY_PARSE_MAX_WORDS];
    bool name[DY_PARSE_MAX_WORDS];
};

dy_status dy_syntax_load(const char *path, dy_syntax **out, dy_error *err)
{
    *out = NULL;
    dy_syntax *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    const void *buf = dy_syn_blob;
    size_t len = (size_t)dy_syn_blob_size;
    if (path) {
        int fd = open(path, O_RDONLY);
        struct stat sb;
        if (fd < 0 || fstat(fd, &sb) != 0) {
            snprintf(err->msg, sizeof err->msg, "%s: %s", path, strerror(errno));
            if (fd >= 0)
                close(fd);
            free(s);
            return DY_ERR_IO;
        }
        len = (size_t)sb.st_size;
        s->map = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
        close(fd);
        if (s->map == MAP_FAILED) {
            snprintf(err->msg, sizeof err->msg, "%s: %s", path, len ? strerror(errno) : "empty file");
            free(s);
            return DY_ERR_IO;
        }
        s->maplen = len;
        buf = s->map;
    }
    dy_status st = dy_syn_view(buf, len, &s->m, err);
    if (st) {
        char why[sizeof err->msg];
        memcpy(why, err->msg, sizeof why);
        snprintf(err->msg, sizeof err->msg, "%.200s: %.800s", path ? path : "built-in model", why);
        dy_syntax_free(&s);
        return st;
    }
    *out = s;
    return DY_OK;
}

void dy_syntax_free(dy_syntax **sp)
{
    if (!sp || !*sp)
        return;
    if ((*sp)->map)
        munmap((*sp)->map, (*sp)->maplen);
    free(*sp);
    *sp = NULL;
}

const char *dy_syntax_info(const dy_syntax *s) { return s->m.info; }

const dy_syn_model *dy_syntax_model(const dy_syntax *s) { return &s->m; }

dy_parser *dy_parser_new(const dy_syntax *s)
{
    dy_parser *p = malloc(sizeof *p);
    if (p)
        p->s = s;
    return p;
}

void dy_parser_free(dy_parser **p)
{
    if (!p || !*p)
        return;
    free(*p);
    *p = NULL;
}

static void fill_words(dy_parser *p, size_t n)
{
    const dy_syn_model *m = &p->s->m;
    for (size_t i = 0; i < n; i++) {
        dy_word *w = &p->words[i];
        w->upos = m->upos[p->w.tag[i]];
        w->xpos = m->xpos[p->w.tag[i]];
        w->deprel = m->label[p->w.label[i]];
        w->head = p->w.head[i];
    }
}

dy_status dy_parse_words(dy_parser *p, const char *const *forms, const size_t *lens, size_t n,
                         const dy_word **words, dy_error *err)
{
    if (n > DY_PARSE_MAX_WORDS) {
        snprintf(err->msg, sizeof err->msg, "sentence of %zu words (at most %d)", n, DY_PARSE_MAX_WORDS);
        return DY_ERR_LIMIT;
    }
    dy_syn_run(&p->s->m, &p->w, forms, lens, (int)n, NULL);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        p->words[i].start = at;
        p->words[i].len = lens[i];
        at += lens[i] + 1;
    }
    fill_words(p, n);
    *words = p->words;
    return DY_OK;
}

dy_status dy_parse_text_names(dy_parser *p, const char *text, size_t len, const uint32_t (*names)[2],
                              size_t nnames, const dy_word **words, size_t *n, dy_error *err)
{
    bool over;
    size_t k = dy_tok_split(&p->s->m.tok, text, len, p->spans, DY_PARSE_MAX_WORDS, &over);
    *n = 0;
    if (over) {
        snprintf(err->msg, sizeof err->msg, "sentence of more than %d words", DY_PARSE_MAX_WORDS);
        return DY_ERR_LIMIT;
    }
    for (size_t i = 0, j = 0; i < k; i++) {
        p->forms[i] = text + p->spans[i].start;
        p->lens[i] = p->spans[i].len;
        while (j < nnames && names[j][1] <= p->spans[i].start)
            j++;
        /* a word of a name begins with a capital ("Iran" of "Iran's",
         * not "'s") */
        p->name[i] = j < nnames && names[j][0] <= p->spans[i].start && text[p->spans[i].start] >= 'A'
                     && text[p->spans[i].start] <= 'Z';
    }
    dy_syn_run(&p->s->m, &p->w, p->forms, p->lens, (int)k, nnames ? p->name : NULL);
    for (size_t i = 0; i < k; i++) {
        p->words[i].start = p->spans[i].start;
        p->words[i].len = p->spans[i].len;
    }
    fill_words(p, k);
    *words = p->words;
    *n = k;
    return DY_OK;
}

dy_status dy_parse_text(dy_parser *p, const char *text, size_t len, const dy_word **words,
                        size_t *n, dy_error *err)
{
    return dy_parse_text_names(p, text, len, NULL, 0, words, n, err);
}
