/* cli_input.c: see cli_input.h. The buffer holds what was read and not yet
 * coded; after each read the complete records at its front are coded when
 * the buffer is full or no more input is waiting (poll), and what follows
 * the last record boundary stays for the next read. */
#include "cli_input.h"
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { PIECE = 8 << 20 };

/* true when a read of fd would not wait */
static bool input_waiting(int fd)
{
    struct pollfd p = {fd, POLLIN, 0};
    return poll(&p, 1, 0) > 0;
}

/* Counts line ends in buf[0..n), as the readers do (CR LF is one): LFs,
 * then the rare CRs with no LF after them (memchr, not a loop per byte). */
static unsigned count_lines(const char *b, size_t n)
{
    unsigned k = 0;
    for (const char *p = b, *e = b + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
        k++;
    for (const char *p = b, *e = b + n; (p = memchr(p, '\r', (size_t)(e - p))) != NULL; p++)
        k += p + 1 == e || p[1] != '\n';
    return k;
}

typedef struct {
    char *buf;
    size_t n, cap;
    bool eof;
} inbuf;

/* Reads until the buffer is full, the input ends, no more is waiting
 * (once the kind is known and a record is complete), or a signal. */
static int fill(int fd, const char *name, inbuf *b, dy_input_kind kind)
{
    while (!b->eof && b->n < b->cap && !dy_cli_stop) {
        ssize_t r = read(fd, b->buf + b->n, b->cap - b->n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "dyad: %s: %s\n", name, strerror(errno));
            return 4;
        }
        if (r == 0)
            b->eof = true;
        b->n += (size_t)r;
        /* a slow producer's records are coded as they come; the first
         * complete line is enough to tell the kind */
        if (!input_waiting(fd) && (kind == DY_IN_AUTO ? memchr(b->buf, '\n', b->n) != NULL : dy_reader_cut(kind, b->buf, b->n) > 0))
            break;
    }
    return 0;
}

/* The buffer made larger for a record longer than it; false when the
 * record is over the limit (or memory is short). */
static bool grow(inbuf *b)
{
    if (b->cap > DY_CLI_MAX_RECORD)
        return false;
    size_t cap = b->cap * 2 > DY_CLI_MAX_RECORD + 1 ? DY_CLI_MAX_RECORD + 1 : b->cap * 2;
    char *x = realloc(b->buf, cap + 1);
    if (!x)
        return false;
    b->buf = x;
    b->cap = cap;
    return true;
}

/* Reads and drops the rest of an over-long line; the line count moves on. */
static int skip_line(int fd, const char *name, inbuf *b, unsigned *line)
{
    for (;;) {
        char *e = memchr(b->buf, '\n', b->n);
        if (e) {
            size_t k = (size_t)(e - b->buf) + 1;
            memmove(b->buf, b->buf + k, b->n - k);
            b->n -= k;
            (*line)++;
            return 0;
        }
        b->n = 0;
        if (b->eof || dy_cli_stop)
            return 0;
        int rc = fill(fd, name, b, DY_IN_JSONL);
        if (rc)
            return rc;
    }
}

int dy_cli_code_fd(int fd, const char *name, const dy_cli_code_opts *o, dy_input_kind kind, int32_t date,
                   dy_cli_stats *st)
{
    inbuf b = {malloc(PIECE + 1), 0, PIECE, false};
    if (!b.buf) {
        fprintf(stderr, "dyad: %s: out of memory\n", name);
        return 5;
    }
    unsigned line = 1, records = 0;
    int rc = 0;
    for (bool first = true;; first = false) {
        int r = fill(fd, name, &b, kind);
        if (r) {
            rc = r;
            break;
        }
        if (dy_cli_stop)
            b.eof = true; /* what was read is coded; the rest is left */
        b.buf[b.n] = '\0';
        if (kind == DY_IN_AUTO && b.n) {
            /* the first piece tells the kind (a name ending .jsonl or .json
             * has already told it) */
            dy_reader *rd = dy_reader_new(name, b.buf, b.n, DY_IN_AUTO, date);
            if (!rd) {
                rc = 5;
                break;
            }
            kind = dy_reader_kind(rd);
            dy_reader_free(&rd);
        }
        size_t cut = b.eof ? b.n : dy_reader_cut(kind, b.buf, b.n);
        if (!cut && !b.eof) {
            if (b.n < b.cap)
                continue; /* waiting for the rest of a record */
            if (grow(&b))
                continue;
            if (b.cap <= DY_CLI_MAX_RECORD) {
                rc = 5;
                fprintf(stderr, "dyad: %s: out of memory\n", name);
                break;
            }
            fprintf(stderr, "dyad: %s:%u:1: record longer than %zu bytes (the limit); %s\n", name, line,
                    DY_CLI_MAX_RECORD, kind == DY_IN_JSONL ? "skipped" : "nothing more of this input is read");
            st->errors++;
            rc = rc > 5 ? rc : 5;
            if (kind != DY_IN_JSONL)
                break;
            r = skip_line(fd, name, &b, &line);
            if (r) {
                rc = r > rc ? r : rc;
                break;
            }
            continue;
        }
        if (cut || first) {
            unsigned line0 = line;
            r = dy_cli_code_buffer(o, name, b.buf, cut, &kind, date, &line, &records, st);
            rc = r > rc ? r : rc;
            /* the readers count lines as they go; a piece that ends in
             * blank lines moves the count by them too */
            line = line0 + count_lines(b.buf, cut);
        }
        memmove(b.buf, b.buf + cut, b.n - cut);
        b.n -= cut;
        if ((b.eof && b.n == 0) || dy_cli_out_errno)
            break;
    }
    free(b.buf);
    return rc;
}
