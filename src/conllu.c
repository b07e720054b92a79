/* conllu.c: CoNLL-U reader.
 *
 * Grammar (https://universaldependencies.org/format.html):
 *   file     := sentence*
 *   sentence := comment* line+ blank-line      (the last blank line may be missing)
 *   comment  := '#' text                        ("# text = ...", "# sent_id = ...")
 *   line     := ID TAB FORM TAB LEMMA TAB UPOS TAB XPOS TAB FEATS TAB HEAD TAB
 *               DEPREL TAB DEPS TAB MISC
 *   ID       := int | int '-' int (multiword token) | int '.' int (empty node)
 * Word IDs run 1, 2, ... n; each HEAD is 0..n (or '_' in every word of an
 * unannotated sentence), and following heads from any word reaches 0. */
#include "conllu.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>
#include <zstd_errors.h>

#define INBUF (1 << 16)

typedef struct {
    uint32_t off[10]; /* column starts in sbuf */
    unsigned line;    /* input line */
    unsigned headcol; /* column (bytes, 1-based) of the HEAD field */
} wline_t;

struct dy_conllu {
    char name[256];     /* for messages */
    FILE *fp;           /* NULL when reading memory */
    bool own_fp;        /* fclose at the end (not stdin) */
    ZSTD_DStream *zs;   /* non-NULL when the input is zstd-compressed */
    const char *mem;    /* memory input */
    size_t memlen, mempos;
    unsigned char raw[INBUF]; /* compressed bytes not yet decompressed */
    size_t rawpos, rawlen;
    char in[INBUF];     /* decompressed bytes not yet split into lines */
    size_t inpos, inlen;
    bool eof;           /* the source is exhausted */
    bool ioerr;         /* a read or decompression error happened */
    bool nomem;         /* a line could not be held */
    char ioerrmsg[200];
    unsigned lineno;    /* lines read */
    char *line;         /* the current line */
    size_t linelen, linecap;
    char *sbuf;         /* the current sentence's fields, NUL-separated */
    size_t slen, scap;
    wline_t *wl;        /* the current sentence's word lines */
    dy_conllu_word *w;  /* ... and the words handed out */
    int nw;
    long text_off, id_off; /* "# text", "# sent_id" values in sbuf, or -1 */
    unsigned first_line;   /* first word line of the sentence */
    unsigned errline, errcol; /* first error of the sentence, 0 = none */
    char errmsg[200];
    dy_status errst;
};

static dy_conllu *alloc_reader(const char *name)
{
    dy_conllu *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    snprintf(r->name, sizeof r->name, "%s", name);
    r->wl = malloc(DY_CONLLU_MAX_WORDS * sizeof *r->wl);
    r->w = malloc(DY_CONLLU_MAX_WORDS * sizeof *r->w);
    r->text_off = r->id_off = -1;
    if (!r->wl || !r->w) {
        dy_conllu_free(&r);
        return NULL;
    }
    return r;
}

dy_conllu *dy_conllu_mem(const char *name, const char *buf, size_t len)
{
    dy_conllu *r = alloc_reader(name);
    if (r) {
        r->mem = buf;
        r->memlen = len;
    }
    return r;
}

dy_status dy_conllu_open(const char *path, dy_conllu **out, dy_error *err)
{
    *out = NULL;
    dy_conllu *r = alloc_reader(path);
    if (!r) {
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", path);
        return DY_ERR_NOMEM;
    }
    bool std = strcmp(path, "-") == 0;
    r->fp = std ? stdin : fopen(path, "rb");
    r->own_fp = !std;
    if (!r->fp) { /* fopen allocates: it may fail for want of memory */
        int e = errno;
        snprintf(err->msg, sizeof err->msg, "%s: %s", path, strerror(e));
        r->own_fp = false;
        dy_conllu_free(&r);
        return e == ENOMEM ? DY_ERR_NOMEM : DY_ERR_IO;
    }
    r->rawlen = fread(r->raw, 1, sizeof r->raw, r->fp);
    static const unsigned char zmagic[4] = {0x28, 0xb5, 0x2f, 0xfd};
    if (r->rawlen >= 4 && memcmp(r->raw, zmagic, 4) == 0) {
        r->zs = ZSTD_createDStream();
        if (!r->zs || ZSTD_isError(ZSTD_initDStream(r->zs))) {
            snprintf(err->msg, sizeof err->msg, "%s: out of memory", path);
            dy_conllu_free(&r);
            return DY_ERR_NOMEM;
        }
    }
    *out = r;
    return DY_OK;
}

void dy_conllu_free(dy_conllu **rp)
{
    dy_conllu *r = rp ? *rp : NULL;
    if (!r)
        return;
    if (r->fp && r->own_fp)
        fclose(r->fp);
    ZSTD_freeDStream(r->zs);
    free(r->line);
    free(r->sbuf);
    free(r->wl);
    free(r->w);
    free(r);
    *rp = NULL;
}

/* Refills r->in; false at the end of the input or on an error. */
static bool refill(dy_conllu *r)
{
    r->inpos = r->inlen = 0;
    if (r->eof)
        return false;
    if (r->mem) {
        size_t n = r->memlen - r->mempos < INBUF ? r->memlen - r->mempos : INBUF;
        memcpy(r->in, r->mem + r->mempos, n);
        r->mempos += n;
        r->inlen = n;
        r->eof = n == 0;
        return n > 0;
    }
    for (;;) {
        if (r->rawpos == r->rawlen) {
            if (ferror(r->fp)) {
                snprintf(r->ioerrmsg, sizeof r->ioerrmsg, "read error");
                r->ioerr = r->eof = true;
                return false;
            }
            r->rawpos = 0;
            r->rawlen = fread(r->raw, 1, sizeof r->raw, r->fp);
            if (r->rawlen == 0) {
                r->eof = true;
                return false;
            }
        }
        if (!r->zs) {
            memcpy(r->in, r->raw + r->rawpos, r->rawlen - r->rawpos);
            r->inlen = r->rawlen - r->rawpos;
            r->rawpos = r->rawlen;
            return true;
        }
        ZSTD_inBuffer zi = {r->raw, r->rawlen, r->rawpos};
        ZSTD_outBuffer zo = {r->in, sizeof r->in, 0};
        size_t rc = ZSTD_decompressStream(r->zs, &zo, &zi);
        r->rawpos = zi.pos;
        if (ZSTD_isError(rc)) { /* a failed allocation is out of memory, not bad input */
            snprintf(r->ioerrmsg, sizeof r->ioerrmsg, "zstd: %s", ZSTD_getErrorName(rc));
            r->nomem = ZSTD_getErrorCode(rc) == ZSTD_error_memory_allocation;
            r->ioerr = !r->nomem;
            r->eof = true;
            return false;
        }
        if (zo.pos > 0) {
            r->inlen = zo.pos;
            return true;
        }
    }
}

/* Reads one line into r->line (without its newline); false at the end.
 * A line over the cap is cut and *toolong set. */
static bool next_line(dy_conllu *r, bool *toolong)
{
    r->linelen = 0;
    *toolong = false;
    bool any = false;
    for (;;) {
        if (r->inpos == r->inlen && !refill(r))
            break;
        any = true;
        char *nl = memchr(r->in + r->inpos, '\n', r->inlen - r->inpos);
        size_t n = (nl ? (size_t)(nl - r->in) : r->inlen) - r->inpos;
        size_t take = n;
        if (r->linelen + take > DY_CONLLU_MAX_LINE) {
            take = DY_CONLLU_MAX_LINE - r->linelen;
            *toolong = true;
        }
        if (r->linelen + take + 1 > r->linecap) {
            size_t cap = r->linecap ? r->linecap : 256;
            while (cap < r->linelen + take + 1)
                cap *= 2;
            char *p = realloc(r->line, cap);
            if (!p) {
                r->nomem = true;
                return false;
            }
            r->line = p;
            r->linecap = cap;
        }
        memcpy(r->line + r->linelen, r->in + r->inpos, take);
        r->linelen += take;
        r->inpos += n + (nl != NULL);
        if (nl)
            break;
    }
    if (!any)
        return false;
    if (r->linelen && r->line[r->linelen - 1] == '\r')
        r->linelen--;
    r->line[r->linelen] = '\0';
    r->lineno++;
    return true;
}

static void fail(dy_conllu *r, dy_status st, unsigned col, const char *msg)
{
    if (r->errline)
        return; /* the first error of a sentence is the one reported */
    r->errline = r->lineno;
    r->errcol = col;
    r->errst = st;
    snprintf(r->errmsg, sizeof r->errmsg, "%s", msg);
}

/* Appends n bytes and a NUL to the sentence buffer; its offset or -1. */
static long keep(dy_conllu *r, const char *s, size_t n)
{
    if (r->slen + n + 1 > DY_CONLLU_MAX_SENT) {
        fail(r, DY_ERR_LIMIT, 1, "sentence longer than 1 MiB");
        return -1;
    }
    if (r->slen + n + 1 > r->scap) {
        size_t cap = r->scap ? r->scap : 4096;
        while (cap < r->slen + n + 1)
            cap *= 2;
        char *p = realloc(r->sbuf, cap);
        if (!p) {
            fail(r, DY_ERR_NOMEM, 1, "out of memory");
            return -1;
        }
        r->sbuf = p;
        r->scap = cap;
    }
    memcpy(r->sbuf + r->slen, s, n);
    r->sbuf[r->slen + n] = '\0';
    long off = (long)r->slen;
    r->slen += n + 1;
    return off;
}

static void comment_line(dy_conllu *r)
{
    static const char *const keys[2] = {"# text =", "# sent_id ="};
    long *dst[2] = {&r->text_off, &r->id_off};
    for (int k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        if (strncmp(r->line, keys[k], kl) != 0)
            continue;
        const char *v = r->line + kl;
        while (*v == ' ')
            v++;
        *dst[k] = keep(r, v, strlen(v));
    }
}

/* Parses a decimal number of at most 9 digits; -1 if s is not one. */
static long number(const char *s, const char **end)
{
    long v = 0;
    int d = 0;
    while (*s >= '0' && *s <= '9' && d < 9) {
        v = v * 10 + (*s++ - '0');
        d++;
    }
    *end = s;
    return d ? v : -1;
}

static void word_line(dy_conllu *r)
{
    char *col[10];
    int k = 0;
    col[k++] = r->line;
    for (char *p = r->line; *p; p++)
        if (*p == '\t') {
            if (k == 10) {
                k++;
                break;
            }
            *p = '\0';
            col[k++] = p + 1;
        }
    if (k != 10) {
        char m[80];
        snprintf(m, sizeof m, "expected 10 tab-separated columns, found %s%d", k > 10 ? "more than " : "",
                 k > 10 ? 10 : k);
        fail(r, DY_ERR_PARSE, 1, m);
        return;
    }
    const char *e;
    long id = number(col[0], &e);
    if (id > 0 && (*e == '-' || *e == '.'))
        return; /* a multiword token or an empty node: not a word */
    if (id <= 0 || *e) {
        fail(r, DY_ERR_PARSE, 1, "ID is not a positive integer");
        return;
    }
    if (id != r->nw + 1) {
        char m[80];
        snprintf(m, sizeof m, "word ID %ld out of sequence (expected %d)", id, r->nw + 1);
        fail(r, DY_ERR_PARSE, 1, m);
        return;
    }
    if (r->nw == DY_CONLLU_MAX_WORDS) {
        fail(r, DY_ERR_LIMIT, 1, "sentence longer than 1024 words");
        return;
    }
    wline_t *w = &r->wl[r->nw++];
    if (r->nw == 1)
        r->first_line = r->lineno;
    w->line = r->lineno;
    w->headcol = (unsigned)(col[6] - r->line) + 1;
    for (int i = 0; i < 10; i++) {
        long off = keep(r, col[i], strlen(col[i]));
        if (off < 0)
            return;
        w->off[i] = (uint32_t)off;
    }
}

/* Heads: all numbers 0..n (or all '_'), and no cycle. */
static void check_tree(dy_conllu *r)
{
    int n = r->nw, unannotated = 0;
    for (int i = 0; i < n; i++) {
        const char *h = r->sbuf + r->wl[i].off[6], *e;
        long v = number(h, &e);
        unannotated += strcmp(h, "_") == 0;
        r->w[i].head = strcmp(h, "_") == 0 ? -1 : (int)v;
        if ((v < 0 || *e || v > n) && strcmp(h, "_") != 0) {
            r->lineno = r->wl[i].line;
            fail(r, DY_ERR_PARSE, r->wl[i].headcol, "HEAD is not a word of the sentence (0..n)");
            return;
        }
    }
    if (unannotated) {
        for (int i = 1; i < n && unannotated != n; i++)
            if ((r->w[i].head < 0) != (r->w[0].head < 0)) { /* the first word unlike the first */
                r->lineno = r->wl[i].line;
                fail(r, DY_ERR_PARSE, r->wl[i].headcol, "some words have a HEAD and some '_'");
                break;
            }
        return;
    }
    for (int i = 0; i < n; i++) {
        int h = r->w[i].head, steps = 0;
        while (h != 0 && steps++ <= n)
            h = r->w[h - 1].head;
        if (h != 0) {
            r->lineno = r->wl[i].line;
            fail(r, DY_ERR_PARSE, r->wl[i].headcol, "the heads form a cycle (no path to the root)");
            return;
        }
    }
}

static void start_sentence(dy_conllu *r)
{
    r->nw = 0;
    r->slen = 0;
    r->text_off = r->id_off = -1;
    r->errline = 0;
    r->first_line = 0;
}

/* Fills s from the sentence read; DY_OK or the sentence's error. */
static dy_status finish(dy_conllu *r, dy_conllu_sent *s, dy_error *err)
{
    unsigned saved = r->lineno;
    if (!r->errline)
        check_tree(r);
    r->lineno = saved;
    if (r->errline) {
        snprintf(err->msg, sizeof err->msg, "%s:%u:%u: %s; sentence skipped", r->name, r->errline,
                 r->errcol, r->errmsg);
        return r->errst;
    }
    for (int i = 0; i < r->nw; i++) {
        const uint32_t *o = r->wl[i].off;
        dy_conllu_word *w = &r->w[i];
        w->form = r->sbuf + o[1];
        w->lemma = r->sbuf + o[2];
        w->upos = r->sbuf + o[3];
        w->xpos = r->sbuf + o[4];
        w->feats = r->sbuf + o[5];
        w->deprel = r->sbuf + o[7];
        w->misc = r->sbuf + o[9];
    }
    s->text = r->text_off >= 0 ? r->sbuf + r->text_off : NULL;
    s->sent_id = r->id_off >= 0 ? r->sbuf + r->id_off : NULL;
    s->line = r->first_line;
    s->n = r->nw;
    s->w = r->w;
    return DY_OK;
}

dy_status dy_conllu_next(dy_conllu *r, dy_conllu_sent *s, bool *eof, dy_error *err)
{
    *eof = false;
    start_sentence(r);
    bool toolong, any = false;
    while (next_line(r, &toolong)) {
        if (toolong)
            fail(r, DY_ERR_LIMIT, DY_CONLLU_MAX_LINE, "line longer than 64 KiB");
        if (r->linelen == 0) {
            if (r->nw > 0 || r->errline)
                return finish(r, s, err);
            start_sentence(r); /* blank lines, or comments with no words */
            any = false;
            continue;
        }
        any = true;
        if (r->line[0] == '#') {
            if (r->nw == 0)
                comment_line(r);
        } else if (!r->errline) {
            word_line(r);
        }
        if (r->errst == DY_ERR_NOMEM && r->errline) {
            snprintf(err->msg, sizeof err->msg, "%s: out of memory", r->name);
            return DY_ERR_NOMEM;
        }
    }
    if (r->ioerr) {
        snprintf(err->msg, sizeof err->msg, "%s:%u: %s", r->name, r->lineno, r->ioerrmsg);
        return DY_ERR_IO;
    }
    if (r->nomem) {
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", r->name);
        return DY_ERR_NOMEM;
    }
    if (any && (r->nw > 0 || r->errline))
        return finish(r, s, err);
    *eof = true;
    return DY_OK;
}

void dy_conllu_forms(const dy_conllu_sent *s, const char **forms, size_t *lens)
{
    for (int i = 0; i < s->n; i++) {
        forms[i] = s->w[i].form;
        lens[i] = strlen(s->w[i].form);
    }
}

bool dy_conllu_offsets(const dy_conllu_sent *s, size_t *starts)
{
    if (!s->text)
        return false;
    size_t tl = strlen(s->text), pos = 0;
    for (int i = 0; i < s->n; i++) {
        size_t fl = strlen(s->w[i].form);
        while (pos < tl && (s->text[pos] == ' ' || s->text[pos] == '\t' || s->text[pos] == '\n'))
            pos++;
        if (pos + fl > tl || memcmp(s->text + pos, s->w[i].form, fl) != 0)
            return false;
        starts[i] = pos;
        pos += fl;
    }
    return true;
}
