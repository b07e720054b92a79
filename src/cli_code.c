/* cli_code.c: see cli_code.h. With T threads the reader (this thread)
 * gathers documents into batches; workers code a batch each into text
 * buffers; the reader writes finished batches in the order they were read.
 * Batches in flight are capped, so memory stays bounded on any input. */
#include "cli_code.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

volatile sig_atomic_t dy_cli_stop;
int dy_cli_out_errno;

static void on_stop(int sig) { dy_cli_stop = sig; }

void dy_cli_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    /* no SA_RESTART: a read blocked on a terminal or pipe returns, so the
     * run stops at once; a second signal kills as usual */
    sa.sa_flags = (int)SA_RESETHAND;
    /* a signal ignored on entry (a background job of a script, nohup)
     * stays ignored, as the shell meant */
    int sigs[2] = {SIGINT, SIGTERM};
    for (int i = 0; i < 2; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

bool dy_cli_write(int fd, const char *p, size_t n)
{
    if (dy_cli_out_errno)
        return false;
    /* a disk that fills takes part of a buffer: into a file, the part is
     * taken back, so that what stays ends at a line end */
    struct stat sb;
    off_t start = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? lseek(fd, 0, SEEK_CUR) : (off_t)-1;
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            dy_cli_out_errno = w < 0 ? errno : ENOSPC;
            if (start >= 0 && ftruncate(fd, start) == 0)
                lseek(fd, start, SEEK_SET);
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

enum { BATCH_DOCS = 256, BATCH_BYTES = 1 << 20, MAX_INFLIGHT = 64 };

typedef struct {
    char *p;
    size_t n, cap;
    bool failed;
} obuf;

static void ob_put(obuf *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->n + n + 1)
            cap *= 2;
        char *x = realloc(o->p, cap);
        if (!x) {
            o->failed = true;
            return;
        }
        o->p = x;
        o->cap = cap;
    }
    memcpy(o->p + o->n, s, n);
    o->n += n;
    o->p[o->n] = '\0';
}

static void ob_printf_err(obuf *o, const char *msg)
{
    ob_put(o, "dyad: ", 6);
    ob_put(o, msg, strlen(msg));
    ob_put(o, "\n", 1);
}

/* One coder with the run's options. */
static dy_coder *new_coder(const dy_cli_code_opts *o)
{
    dy_coder *c = dy_coder_new(o->d);
    for (int i = 0; c && i < o->nopt; i++) {
        dy_error err;
        if (dy_coder_set_option(c, o->options[i], &err) != DY_OK)
            dy_coder_free(&c); /* cmd_code checked every option first */
    }
    return c;
}

/* Codes one document into out (events) and err (messages); returns an
 * exit status. line/cap: a formatting buffer the caller keeps. */
static int code_one(const dy_cli_code_opts *o, dy_coder *c, const dy_doc *doc, obuf *out, obuf *err,
                    dy_cli_stats *st, char **line, size_t *cap)
{
    dy_result res;
    dy_error e = {{0}};
    st->docs++;
    dy_doc spoken;
    if ((!doc->speaker && o->speaker) || (!doc->venue && o->venue)) {
        spoken = *doc;
        if (!doc->speaker && o->speaker)
            spoken.speaker = o->speaker;
        if (!doc->venue && o->venue)
            spoken.venue = o->venue;
        doc = &spoken;
    }
    dy_status cs = dy_code_doc(c, doc, &res, &e);
    if (cs != DY_OK) {
        ob_printf_err(err, e.msg);
        st->errors++;
        return cs == DY_ERR_NOMEM || cs == DY_ERR_LIMIT ? 5 : 1;
    }
    if (res.n == 0)
        st->empty++;
    for (size_t i = 0; i < res.n; i++) {
        size_t need = o->phoenix ? dy_event_phoenix(&res.events[i], doc->id, i, doc->url, doc->source, *line, *cap)
                                 : dy_event_json(&res.events[i], doc->id, o->with_text, *line, *cap);
        if (need >= *cap) {
            char *x = realloc(*line, need + 1);
            if (!x)
                return 5;
            *line = x;
            *cap = need + 1;
            if (o->phoenix)
                dy_event_phoenix(&res.events[i], doc->id, i, doc->url, doc->source, *line, *cap);
            else
                dy_event_json(&res.events[i], doc->id, o->with_text, *line, *cap);
        }
        ob_put(out, *line, need);
        ob_put(out, "\n", 1);
        st->events++;
    }
    return out->failed || err->failed ? 5 : 0;
}

/* ---- batches ---- */

enum { NSTR = 7 }; /* a document's strings: id, title, text, url, source, speaker, venue */

typedef struct batch {
    size_t seq;
    int n;
    dy_doc docs[BATCH_DOCS];
    obuf mem;            /* the documents' strings, copied (offsets until sealed) */
    size_t off[BATCH_DOCS][NSTR];
    obuf out, err;
    dy_cli_stats st;
    int rc;
    bool done;
    struct batch *next;  /* work queue link */
} batch;

typedef struct {
    const dy_cli_code_opts *o;
    pthread_mutex_t mu;
    pthread_cond_t work, finished;
    batch *head, *tail;  /* batches waiting for a worker */
    bool closing;
    int next_coder;      /* the o->coders entry the next worker takes */
} pool;

/* Copies a document's strings into the batch (the reader reuses its own). */
static bool batch_add(batch *b, const dy_doc *d)
{
    const char *s[NSTR] = {d->id, d->title, d->text, d->url, d->source, d->speaker, d->venue};
    size_t l[NSTR];
    for (int k = 0; k < NSTR; k++)
        l[k] = !s[k] ? 0 : k == 2 ? d->text_len : strlen(s[k]);
    for (int k = 0; k < NSTR; k++) {
        b->off[b->n][k] = s[k] ? b->mem.n : (size_t)-1;
        if (s[k]) {
            ob_put(&b->mem, s[k], l[k]);
            ob_put(&b->mem, "", 1); /* keep the NUL */
        }
    }
    b->docs[b->n] = *d;
    b->n++;
    return !b->mem.failed;
}

/* Points the copied documents at the batch's (now final) string memory. */
static void batch_seal(batch *b)
{
    for (int i = 0; i < b->n; i++) {
        const char **f[NSTR] = {&b->docs[i].id,  &b->docs[i].title,  &b->docs[i].text,
                                &b->docs[i].url, &b->docs[i].source, &b->docs[i].speaker,
                                &b->docs[i].venue};
        for (int k = 0; k < NSTR; k++)
            *f[k] = b->off[i][k] == (size_t)-1 ? NULL : b->mem.p + b->off[i][k];
    }
}

static void batch_free(batch *b)
{
    free(b->mem.p);
    free(b->out.p);
    free(b->err.p);
    free(b);
}

static void code_batch(const dy_cli_code_opts *o, dy_coder *c, batch *b)
{
    char *line = malloc(1 << 16);
    size_t cap = line ? 1 << 16 : 0;
    for (int i = 0; i < b->n; i++) {
        int r = line ? code_one(o, c, &b->docs[i], &b->out, &b->err, &b->st, &line, &cap) : 5;
        if (r > b->rc)
            b->rc = r;
    }
    free(line);
}

/* The coder kept in slot i of o->coders, made when first asked for. */
static dy_coder *kept_coder(const dy_cli_code_opts *o, int i)
{
    if (!o->coders)
        return new_coder(o);
    if (!o->coders[i])
        o->coders[i] = new_coder(o);
    return o->coders[i];
}

void dy_cli_code_free(const dy_cli_code_opts *o)
{
    for (int i = 0; o->coders && i < o->threads; i++)
        dy_coder_free(&o->coders[i]);
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    int slot = p->next_coder++;
    pthread_mutex_unlock(&p->mu);
    dy_coder *c = kept_coder(p->o, slot);
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->head && !p->closing)
            pthread_cond_wait(&p->work, &p->mu);
        batch *b = p->head;
        if (!b) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        p->head = b->next;
        if (!p->head)
            p->tail = NULL;
        pthread_mutex_unlock(&p->mu);
        if (c)
            code_batch(p->o, c, b);
        else
            b->rc = 5;
        pthread_mutex_lock(&p->mu);
        b->done = true;
        pthread_cond_broadcast(&p->finished);
        pthread_mutex_unlock(&p->mu);
    }
    if (!p->o->coders)
        dy_coder_free(&c);
    return NULL;
}

/* Writes finished batches from the front of the in-order ring; with wait,
 * waits for the front one. Returns the worst exit status seen. */
static int flush_ready(pool *p, batch **ring, size_t *front, size_t back, bool wait, dy_cli_stats *st)
{
    int rc = 0;
    while (*front < back) {
        batch *b = ring[*front % MAX_INFLIGHT];
        pthread_mutex_lock(&p->mu);
        while (wait && !b->done)
            pthread_cond_wait(&p->finished, &p->mu);
        bool done = b->done;
        pthread_mutex_unlock(&p->mu);
        if (!done)
            break;
        /* a batch holds whole lines: one write each, so output that stops
         * (a full disk, a signal) stops at a line end */
        bool wrote = !b->out.n || dy_cli_write(1, b->out.p, b->out.n);
        if (b->err.n)
            fwrite(b->err.p, 1, b->err.n, stderr);
        st->docs += b->st.docs;
        st->events += wrote ? b->st.events : 0;
        st->empty += b->st.empty;
        st->errors += b->st.errors;
        if (b->rc > rc)
            rc = b->rc;
        if (!wrote)
            rc = DY_CLI_EX_OUTPUT;
        batch_free(b);
        (*front)++;
    }
    return rc;
}

int dy_cli_code_buffer(const dy_cli_code_opts *o, const char *name, const char *buf, size_t len,
                       dy_input_kind *kind, int32_t date, unsigned *line, unsigned *records, dy_cli_stats *st)
{
    dy_reader *r = dy_reader_new(name, buf, len, *kind, date);
    if (!r) {
        fprintf(stderr, "dyad: out of memory\n");
        return 5;
    }
    *kind = dy_reader_kind(r);
    dy_reader_set_position(r, *line, *records);
    int threads = o->threads < 1 ? 1 : o->threads;
    pool p = {o, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, NULL, false, 0};
    pthread_t tid[256];
    int nt = 0;
    /* one thread: the reader codes the batches itself, the same way */
    dy_coder *self = threads == 1 ? kept_coder(o, 0) : NULL;
    for (int i = 0; threads > 1 && i < threads && i < 256; i++)
        if (pthread_create(&tid[i], NULL, worker, &p) == 0)
            nt++;
    if ((threads == 1 && !self) || (threads > 1 && nt == 0)) {
        fprintf(stderr, "dyad: out of memory\n");
        dy_reader_free(&r);
        return 5;
    }
    batch *ring[MAX_INFLIGHT];
    size_t front = 0, back = 0;
    int rc = 0;
    batch *cur = NULL;
    for (bool eof = false; !eof;) {
        dy_doc doc;
        dy_error err = {{0}};
        dy_status s = DY_OK;
        /* a signal or a failed write ends reading as the input's end
         * would: what was read is still coded, and written if it can be */
        if (dy_cli_stop || dy_cli_out_errno)
            eof = true;
        else
            s = dy_reader_next(r, &doc, &eof, &err);
        if (s != DY_OK) {
            fprintf(stderr, "dyad: %s\n", err.msg);
            st->errors++;
            int bad = s == DY_ERR_NOMEM || s == DY_ERR_LIMIT ? 5 : 1; /* README: exit 5 */
            rc = rc > bad ? rc : bad;
            continue;
        }
        if (!eof) {
            if (!cur && !(cur = calloc(1, sizeof *cur))) {
                rc = 5;
                break;
            }
            if (!batch_add(cur, &doc)) {
                rc = 5;
                break;
            }
        }
        if (cur && (eof || cur->n == BATCH_DOCS || cur->mem.n >= BATCH_BYTES)) {
            batch_seal(cur);
            if (threads == 1) {
                code_batch(o, self, cur);
                cur->done = true;
            }
            /* a few batches per thread in flight keep them busy; more
             * would only hold memory */
            size_t limit = (size_t)threads * 4 < MAX_INFLIGHT ? (size_t)threads * 4 : MAX_INFLIGHT;
            if (back - front >= limit) {
                int w = flush_ready(&p, ring, &front, front + 1, true, st);
                rc = w > rc ? w : rc;
            }
            cur->seq = back;
            ring[back++ % MAX_INFLIGHT] = cur;
            if (threads > 1) {
                pthread_mutex_lock(&p.mu);
                if (p.tail)
                    p.tail->next = cur;
                else
                    p.head = cur;
                p.tail = cur;
                pthread_cond_signal(&p.work);
                pthread_mutex_unlock(&p.mu);
            }
            cur = NULL;
            int w = flush_ready(&p, ring, &front, back, false, st);
            rc = w > rc ? w : rc;
        }
    }
    if (cur)
        batch_free(cur);
    int w = flush_ready(&p, ring, &front, back, true, st);
    rc = w > rc ? w : rc;
    pthread_mutex_lock(&p.mu);
    p.closing = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < nt; i++)
        pthread_join(tid[i], NULL);
    if (!o->coders)
        dy_coder_free(&self);
    dy_reader_get_position(r, line, records);
    dy_reader_free(&r);
    if (rc == 5)
        fprintf(stderr, "dyad: out of memory\n");
    return rc;
}
