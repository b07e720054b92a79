/* reader.c: input readers: plain-text articles, JSON Lines articles and
 * TABARI text records, auto-detected or chosen by the caller.
 *
 * Formats:
 *   text   := headline-line body        (one article per input)
 *   jsonl  := (json-object '\n')*        {"id","date","title","text"[,"source","url","speaker","venue"]}
 *   tabari := (dateline text-line* blank-line | comment-block)*
 *   petrarch := PETRARCH XML records (petrxml.c)
 *             dateline := YYMMDD[DD] blank id
 * One bad record is reported with its line and skipped; reading goes on. */
#include "../include/dyad.h"
#include "arena.h"
#include "petrxml.h"
#include <ctype.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DY_MAX_RECORD (64u << 20) /* cap on one record (bytes) */

struct dy_reader {
    const char *name;      /* for messages */
    const char *buf;       /* whole input */
    size_t len;
    size_t pos;            /* next byte to read */
    unsigned line;         /* line number at pos (1-based) */
    dy_input_kind kind;
    int32_t default_date;  /* --date */
    dy_arena arena;        /* strings of the current record */
    unsigned nrec;         /* records returned */
    bool done;
    dy_px px;              /* PETRARCH XML scanner */
    dy_px_item *item;      /* its current record (text owned by the item) */
    char pending[256];     /* an error to return on the next call (content
                            * after a JSON object on its line) */
};

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return n > 0;
}

/* Length of the line end at b[i] (CR LF, LF or CR alone), 0 if none. */
static size_t eol_len(const char *b, size_t n, size_t i)
{
    if (b[i] == '\n')
        return 1;
    if (b[i] == '\r')
        return i + 1 < n && b[i + 1] == '\n' ? 2 : 1;
    return 0;
}

/* A TABARI record's first line: 6 or 8 digits, a blank (then its id). */
static bool tabari_dateline(const char *b, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && isdigit((unsigned char)b[j]))
        j++;
    return (j - i == 6 || j - i == 8) && j < n && (b[j] == ' ' || b[j] == '\t');
}

/* The kind of an input from its first piece. JSON Lines when at least half
 * of the first non-empty lines (up to 1,000) open with '{', so that one
 * damaged first line does not make a stream one plain-text article. */
static dy_input_kind detect(const char *b, size_t n)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)b[i]))
        i++;
    if (i < n && b[i] == '<')
        return DY_IN_PETRARCH;
    unsigned lines = 0, objects = 0, datelines = 0;
    for (size_t k = i; k < n && lines < 1000;) {
        while (k < n && (b[k] == ' ' || b[k] == '\t'))
            k++;
        if (k < n && !eol_len(b, n, k)) {
            lines++;
            objects += b[k] == '{';
            datelines += tabari_dateline(b, n, k);
        }
        while (k < n && !eol_len(b, n, k))
            k++;
        if (k < n)
            k += eol_len(b, n, k);
    }
    if (lines && objects * 2 >= lines)
        return DY_IN_JSONL;
    /* TABARI: the first line a dateline, or comment blocks ('#') first */
    if (tabari_dateline(b, n, i) || (i < n && b[i] == '#' && datelines))
        return DY_IN_TABARI;
    return DY_IN_TEXT;
}

dy_reader *dy_reader_new(const char *name, const char *buf, size_t len, dy_input_kind kind,
                         int32_t default_date)
{
    dy_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->name = name ? name : "<stdin>";
    /* a UTF-8 byte-order mark is no part of the text */
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    r->buf = buf;
    r->len = len;
    r->line = 1;
    r->kind = kind == DY_IN_AUTO ? detect(buf, len) : kind;
    r->default_date = default_date;
    dy_arena_init(&r->arena, 1 << 16, (size_t)DY_MAX_RECORD * 4);
    if (r->kind == DY_IN_PETRARCH) {
        r->item = calloc(1, sizeof *r->item);
        if (!r->item) {
            free(r);
            return NULL;
        }
        dy_px_init(&r->px, buf, len);
    }
    return r;
}

void dy_reader_free(dy_reader **rp)
{
    if (!*rp)
        return;
    dy_arena_free(&(*rp)->arena);
    if ((*rp)->item) {
        dy_px_item_clear((*rp)->item);
        free((*rp)->item);
    }
    free(*rp);
    *rp = NULL;
}

dy_input_kind dy_reader_kind(const dy_reader *r) { return r->kind; }

void dy_reader_get_position(const dy_reader *r, unsigned *line, unsigned *records)
{
    *line = r->line;
    *records = r->nrec;
}

void dy_reader_set_position(dy_reader *r, unsigned line, unsigned records)
{
    r->line = line;
    r->nrec = records;
}

/* Takes the next line (ended by LF, CR LF or CR alone); returns false at
 * end. */
static bool next_line(dy_reader *r, const char **s, size_t *n)
{
    if (r->pos >= r->len)
        return false;
    const char *p = r->buf + r->pos;
    size_t rest = r->len - r->pos;
    const char *e = memchr(p, '\n', rest);
    size_t l = e ? (size_t)(e - p) : rest;
    const char *cr = memchr(p, '\r', l);
    if (cr)
        l = (size_t)(cr - p);
    r->pos += l + (l < rest ? eol_len(p, rest, l) : 0);
    r->line++;
    *s = p;
    *n = l;
    return true;
}

bool dy_date_valid(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static bool parse_iso_date(const char *s, int32_t *out)
{
    /* YYYY-MM-DD (time part ignored) */
    if (strlen(s) < 10 || !all_digits(s, 4) || s[4] != '-' || !all_digits(s + 5, 2) || s[7] != '-'
        || !all_digits(s + 8, 2))
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (!dy_date_valid(y, m, d))
        return false;
    *out = y * 10000 + m * 100 + d;
    return true;
}

/* The string member key of o, copied into the record's arena; NULL when
 * absent or null. An escaped NUL (\u0000) becomes a blank, so the text
 * after it is still read. A member of another JSON type (an integer is
 * taken for an id) is NULL with why[] saying so (the first such member). */
static const char *jstr(dy_reader *r, json_object *o, const char *key, char *why, size_t cap)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
        return NULL;
    bool id_int = strcmp(key, "id") == 0 && json_object_is_type(v, json_type_int);
    if (!json_object_is_type(v, json_type_string) && !id_int) {
        if (!why[0])
            snprintf(why, cap, "\"%s\" is a JSON %s, not a string", key, json_type_to_name(json_object_get_type(v)));
        return NULL;
    }
    const char *s = json_object_get_string(v);
    size_t n = id_int ? strlen(s) : (size_t)json_object_get_string_len(v);
    char *c = dy_arena_strndup(&r->arena, s, n);
    for (size_t i = 0; c && i < n; i++)
        if (!c[i])
            c[i] = ' ';
    return c;
}

static dy_status next_jsonl(dy_reader *r, dy_doc *doc, bool *eof, dy_error *err)
{
    const char *s;
    size_t n;
    for (;;) {
        unsigned ln = r->line;
        if (!next_line(r, &s, &n)) {
            *eof = true;
            return DY_OK;
        }
        if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
            s += 3; /* a byte-order mark (files joined with cat) */
            n -= 3;
        }
        size_t k = 0;
        while (k < n && isspace((unsigned char)s[k]))
            k++;
        if (k == n)
            continue;
        if (n > DY_MAX_RECORD) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: record longer than %u bytes", r->name, ln,
                     DY_MAX_RECORD);
            return DY_ERR_LIMIT;
        }
        if (memchr(s, '\0', n)) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:%zu: NUL byte in JSON line", r->name, ln,
                     (size_t)((const char *)memchr(s, '\0', n) - s) + 1);
            return DY_ERR_PARSE;
        }
        json_tokener *tok = json_tokener_new();
        if (!tok) {
            snprintf(err->msg, sizeof err->msg, "out of memory");
            return DY_ERR_NOMEM;
        }
        json_object *o = json_tokener_parse_ex(tok, s, (int)n);
        enum json_tokener_error je = json_tokener_get_error(tok);
        size_t off = json_tokener_get_parse_end(tok);
        json_tokener_free(tok);
        size_t rest = off;
        while (rest < n && isspace((unsigned char)s[rest]))
            rest++;
        if (o && je == json_tokener_success && rest < n && json_object_is_type(o, json_type_object))
            /* a second object, or debris, after the first: the first is
             * read, the rest reported as a bad record of its own */
            snprintf(r->pending, sizeof r->pending, "%s:%u:%zu: content after the JSON object (one object a line)",
                     r->name, ln, rest + 1);
        if (!o || je != json_tokener_success) {
            if (o)
                json_object_put(o);
            snprintf(err->msg, sizeof err->msg, "%s:%u:%zu: invalid JSON: %s", r->name, ln, off + 1,
                     je == json_tokener_continue ? "truncated line" : json_tokener_error_desc(je));
            return DY_ERR_PARSE;
        }
        if (!json_object_is_type(o, json_type_object)) {
            json_object_put(o);
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: expected a JSON object", r->name, ln);
            return DY_ERR_PARSE;
        }
        memset(doc, 0, sizeof *doc);
        char why[96] = "";
        const char *id = jstr(r, o, "id", why, sizeof why);
        const char *date = jstr(r, o, "date", why, sizeof why);
        doc->title = jstr(r, o, "title", why, sizeof why);
        doc->url = jstr(r, o, "url", why, sizeof why);
        doc->source = jstr(r, o, "source", why, sizeof why);
        doc->speaker = jstr(r, o, "speaker", why, sizeof why);
        doc->venue = jstr(r, o, "venue", why, sizeof why);
        const char *text = jstr(r, o, "text", why, sizeof why);
        json_object_put(o);
        if (why[0]) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: %s", r->name, ln, why);
            return DY_ERR_PARSE;
        }
        if (!text) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: record has no \"text\"", r->name, ln);
            return DY_ERR_PARSE;
        }
        if (doc->speaker && !dy_speaker_ok(doc->speaker)) {
            snprintf(err->msg, sizeof err->msg,
                     "%s:%u:1: \"speaker\" '%.40s' is not an actor code (3 to 63 upper-case letters and digits)",
                     r->name, ln, doc->speaker);
            return DY_ERR_PARSE;
        }
        if (doc->venue && !dy_speaker_ok(doc->venue)) {
            snprintf(err->msg, sizeof err->msg,
                     "%s:%u:1: \"venue\" '%.40s' is not an actor code (3 to 63 upper-case letters and digits)",
                     r->name, ln, doc->venue);
            return DY_ERR_PARSE;
        }
        char idbuf[32];
        if (!id) {
            snprintf(idbuf, sizeof idbuf, "%u", r->nrec + 1);
            id = dy_arena_strndup(&r->arena, idbuf, strlen(idbuf));
        }
        doc->id = id;
        doc->text = text;
        doc->text_len = strlen(text);
        doc->date = r->default_date;
        if (date && !parse_iso_date(date, &doc->date)) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: bad \"date\" '%.40s' (want a day of the calendar as YYYY-MM-DD)",
                     r->name, ln, date);
            return DY_ERR_PARSE;
        }
        doc->split = true;
        r->nrec++;
        *eof = false;
        return DY_OK;
    }
}

/* The date of a record's first line whose dl digits (6 or 8) open s, as
 * yyyymmdd (YY: 1931-2030), or 0 when it is no day of the calendar. */
static int32_t dateline_date(const char *s, size_t dl)
{
    int y = 0;
    for (size_t i = 0; i < (dl == 6 ? 2u : 4u); i++)
        y = y * 10 + (s[i] - '0');
    if (dl == 6)
        y += y <= 30 ? 2000 : 1900;
    int m = (s[dl - 4] - '0') * 10 + (s[dl - 3] - '0');
    int d = (s[dl - 2] - '0') * 10 + (s[dl - 1] - '0');
    return dy_date_valid(y, m, d) ? y * 10000 + m * 100 + d : 0;
}

/* A TABARI record's first line: a valid YYMMDD or YYYYMMDD date, blanks
 * and one word (the id); a line of text that opens with a number
 * ("120000 people fled") is none. */
static bool record_start(const char *s, size_t n)
{
    if (!tabari_dateline(s, n, 0))
        return false;
    size_t dl = strspn(s, "0123456789");
    size_t i = dl + strspn(s + dl, " \t");
    size_t w = i;
    while (w < n && s[w] != ' ' && s[w] != '\t')
        w++;
    return dateline_date(s, dl) && w > i && w + strspn(s + w, " \t") >= n;
}

static dy_status next_tabari(dy_reader *r, dy_doc *doc, bool *eof, dy_error *err)
{
    const char *s;
    size_t n;
    for (;;) {
        unsigned ln = r->line;
        if (!next_line(r, &s, &n)) {
            *eof = true;
            return DY_OK;
        }
        if (n == 0 || !isdigit((unsigned char)s[0])) {
            /* comment block: skip to the next blank line */
            if (n > 0)
                while (next_line(r, &s, &n))
                    if (n == 0 || strspn(s, " \t") == n)
                        break;
            continue;
        }
        size_t dl = 0;
        while (dl < n && isdigit((unsigned char)s[dl]))
            dl++;
        size_t ip = dl;
        while (ip < n && (s[ip] == ' ' || s[ip] == '\t'))
            ip++;
        memset(doc, 0, sizeof *doc);
        doc->id = dy_arena_strndup(&r->arena, s + ip, n - ip);
        int32_t date = dl == 6 || dl == 8 ? dateline_date(s, dl) : 0;
        bool ok = date != 0;
        /* gather text lines */
        size_t cap = 4096, tl = 0;
        char *t = dy_arena_alloc(&r->arena, cap);
        for (size_t pos0 = r->pos; t && next_line(r, &s, &n); pos0 = r->pos) {
            if (n == 0 || strspn(s, " \t") == n)
                break;
            if (record_start(s, n)) {
                /* the blank line before it is missing: this record ends
                 * here, the next is read from its own first line */
                snprintf(r->pending, sizeof r->pending,
                         "%s:%u:1: a record starts with no blank line before it (the one above is coded)", r->name,
                         r->line - 1);
                r->pos = pos0;
                r->line--;
                break;
            }
            if (tl + n + 2 > cap) {
                size_t nc = (tl + n + 2) * 2;
                if (nc > DY_MAX_RECORD)
                    break;
                char *x = dy_arena_alloc(&r->arena, nc);
                if (!x) {
                    t = NULL;
                    break;
                }
                memcpy(x, t, tl);
                t = x;
                cap = nc;
            }
            memcpy(t + tl, s, n);
            tl += n;
            t[tl++] = ' ';
        }
        if (!t) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: record too large", r->name, ln);
            return DY_ERR_LIMIT;
        }
        t[tl] = '\0';
        /* text between comment delimiters is not coded */
        for (char *c0 = strstr(t, "/*"); c0; c0 = strstr(c0, "/*")) {
            char *c1 = strstr(c0 + 2, "*/");
            char *end = c1 ? c1 + 2 : t + tl;
            memset(c0, ' ', (size_t)(end - c0));
        }
        if (!ok) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: bad record date (want YYMMDD or YYYYMMDD)",
                     r->name, ln);
            return DY_ERR_PARSE;
        }
        doc->date = date;
        doc->text = t;
        doc->text_len = strlen(t);
        doc->split = false;
        r->nrec++;
        *eof = false;
        return DY_OK;
    }
}

static dy_status next_text(dy_reader *r, dy_doc *doc, bool *eof)
{
    if (r->done) {
        *eof = true;
        return DY_OK;
    }
    r->done = true;
    memset(doc, 0, sizeof *doc);
    /* the first non-empty line is the headline */
    size_t i = 0;
    while (i < r->len && isspace((unsigned char)r->buf[i]))
        i++;
    if (i >= r->len) {
        *eof = true;
        return DY_OK;
    }
    const char *e = memchr(r->buf + i, '\n', r->len - i);
    size_t hl = e ? (size_t)(e - (r->buf + i)) : r->len - i;
    doc->title = dy_arena_strndup(&r->arena, r->buf + i, hl);
    size_t b = i + hl;
    doc->text = r->buf + b;
    doc->text_len = r->len - b;
    doc->id = r->name;
    doc->date = r->default_date;
    doc->split = true;
    r->nrec++;
    *eof = false;
    return DY_OK;
}

static dy_status next_petrarch(dy_reader *r, dy_doc *doc, bool *eof, dy_error *err)
{
    for (;;) {
        char msg[256];
        int rc = dy_px_next(&r->px, r->item, msg, sizeof msg);
        /* the scanner counts lines in its piece; r->line is where the
         * piece starts in the stream */
        unsigned line = r->line + r->item->line - 1;
        if (r->item->kind == DY_PX_END) {
            *eof = true;
            return DY_OK;
        }
        if (rc < 0) {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: %s", r->name, line, msg);
            return DY_ERR_PARSE;
        }
        if (r->item->bad_date)
            snprintf(r->pending, sizeof r->pending,
                     "%s:%u:1: bad date=\"%s\" (want a day of the calendar as YYYYMMDD; the record is coded undated)",
                     r->name, line, r->item->date_text);
        if (r->item->unclosed)
            snprintf(r->pending, sizeof r->pending,
                     "%s:%u:1: <Sentence> has no </Sentence> before the next record (coded as far as it goes)", r->name,
                     line);
        if (r->item->kind != DY_PX_SENTENCE)
            continue;
        memset(doc, 0, sizeof *doc);
        doc->id = r->item->id[0] ? r->item->id : r->name;
        doc->date = r->item->date ? r->item->date : r->default_date;
        doc->text = r->item->text;
        doc->text_len = r->item->text_len;
        doc->split = !r->item->is_sentence;
        r->nrec++;
        *eof = false;
        return DY_OK;
    }
}

static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* Where the records of buf[0..n) that are complete end: after the last
 * line end (JSON Lines; a CR at the very end may be half of a CR LF), after
 * the last blank line (TABARI records), after the last </Sentence> (PETRARCH
 * XML), or 0 when the kind is read whole (a plain-text article). */
size_t dy_reader_cut(dy_input_kind kind, const char *buf, size_t n)
{
    if (kind == DY_IN_JSONL) {
        size_t cut = n;
        if (cut && buf[cut - 1] == '\r')
            cut--;
        while (cut > 0 && buf[cut - 1] != '\n' && buf[cut - 1] != '\r')
            cut--;
        return cut;
    }
    if (kind == DY_IN_TABARI) {
        /* the end of the last blank line that has a line after it */
        size_t end = n;
        while (end > 0 && buf[end - 1] != '\n')
            end--;
        while (end > 0) {
            size_t start = end - 1;
            while (start > 0 && buf[start - 1] != '\n')
                start--;
            if (blank_line(buf + start, end - 1 - start))
                return end;
            end = start;
        }
    }
    if (kind == DY_IN_PETRARCH)
        return dy_px_cut(buf, n);
    return 0;
}

dy_status dy_reader_next(dy_reader *r, dy_doc *doc, bool *eof, dy_error *err)
{
    dy_arena_reset(&r->arena);
    *eof = false;
    if (r->pending[0]) {
        snprintf(err->msg, sizeof err->msg, "%s", r->pending);
        r->pending[0] = '\0';
        return DY_ERR_PARSE;
    }
    switch (r->kind) {
    case DY_IN_JSONL: return next_jsonl(r, doc, eof, err);
    case DY_IN_TABARI: return next_tabari(r, doc, eof, err);
    case DY_IN_PETRARCH: return next_petrarch(r, doc, eof, err);
    default: return next_text(r, doc, eof);
    }
}
