/* petrxml.c: PETRARCH XML record scanner; see petrxml.h.
 *
 *   file     := (comment | <Environment> ... </Environment> | <Config option= value=>
 *                | <Sentence attrs> body </Sentence> | other-tag)*
 *   body     := (<EventCoding attrs> | <Text> chars </Text> | <Parse> ... </Parse> | comment)*
 * Attribute values are quoted with " or '; entities &amp; &lt; &gt; &quot;
 * &apos; and numeric ones are decoded in text and attributes. */
#include "petrxml.h"
#include "../include/dyad.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void dy_px_init(dy_px *p, const char *buf, size_t len)
{
    p->buf = buf;
    p->len = len;
    p->pos = 0;
    p->line = 1;
    p->dry = false;
    p->ran_out = false;
}

void dy_px_item_clear(dy_px_item *it)
{
    free(it->text);
    memset(it, 0, sizeof *it);
}

static void advance(dy_px *p, size_t to)
{
    for (size_t i = p->pos; i < to && i < p->len; i++)
        if (p->buf[i] == '\n')
            p->line++;
    p->pos = to < p->len ? to : p->len;
}

static const char *find_in(const char *buf, size_t len, size_t from, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = from; i + nl <= len; i++)
        if (buf[i] == needle[0] && memcmp(buf + i, needle, nl) == 0)
            return buf + i;
    return NULL;
}

/* The next <Sentence tag (not <Sentences>) at or after from, or NULL. */
static const char *sentence_tag(const char *buf, size_t len, size_t from)
{
    for (const char *t = find_in(buf, len, from, "<Sentence"); t; t = find_in(buf, len, (size_t)(t - buf) + 9, "<Sentence")) {
        size_t k = (size_t)(t - buf) + 9;
        if (k < len && (isspace((unsigned char)buf[k]) || buf[k] == '>' || buf[k] == '/'))
            return t;
    }
    return NULL;
}

/* The end of the comment opened at buf[open] (just past its "-->"), or
 * NULL when it is not closed: no "-->" at all, or one that comes only
 * after a second "<!--" and a "</Sentence>", i.e. after whole records (a
 * comment that quotes "<!--" or holds a commented-out record is kept). */
static const char *comment_end(const char *buf, size_t len, size_t open)
{
    const char *e = find_in(buf, len, open + 4, "-->");
    if (!e)
        return NULL;
    size_t span = (size_t)(e - buf);
    const char *again = find_in(buf, span, open + 4, "<!--");
    if (again && find_in(buf, span, open + 4, "</Sentence>"))
        return NULL;
    return e + 3;
}

static const char *find(const dy_px *p, size_t from, const char *needle)
{
    return find_in(p->buf, p->len, from, needle);
}

/* Decodes XML entities of s[0..n) into out (cap bytes); returns length. */
static size_t decode(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 4 < cap; i++) {
        if (s[i] != '&') {
            out[k++] = s[i];
            continue;
        }
        const char *semi = memchr(s + i, ';', n - i < 10 ? n - i : 10);
        if (!semi) {
            out[k++] = s[i];
            continue;
        }
        size_t el = (size_t)(semi - (s + i));
        const char *e = s + i + 1;
        unsigned long cp = 0;
        if (el == 4 && memcmp(e, "amp", 3) == 0)
            out[k++] = '&';
        else if (el == 3 && memcmp(e, "lt", 2) == 0)
            out[k++] = '<';
        else if (el == 3 && memcmp(e, "gt", 2) == 0)
            out[k++] = '>';
        else if (el == 5 && memcmp(e, "quot", 4) == 0)
            out[k++] = '"';
        else if (el == 5 && memcmp(e, "apos", 4) == 0)
            out[k++] = '\'';
        else if (e[0] == '#' && (cp = strtoul(e + 1 + (e[1] == 'x'), NULL, e[1] == 'x' ? 16 : 10)) > 0) {
            if (cp < 0x80)
                out[k++] = (char)cp;
            else if (cp < 0x800) {
                out[k++] = (char)(0xc0 | (cp >> 6));
                out[k++] = (char)(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                out[k++] = (char)(0xe0 | (cp >> 12));
                out[k++] = (char)(0x80 | ((cp >> 6) & 0x3f));
                out[k++] = (char)(0x80 | (cp & 0x3f));
            } else {
                out[k++] = '?';
            }
        } else {
            out[k++] = '&';
            continue;
        }
        i += el;
    }
    out[k] = '\0';
    return k;
}

/* Value of attribute name inside a tag [a, b); "" when absent. */
static void attr(const char *a, const char *b, const char *name, char *out, size_t cap)
{
    out[0] = '\0';
    size_t nl = strlen(name);
    for (const char *p = a; p + nl < b; p++) {
        if (strncasecmp(p, name, nl) != 0 || (p > a && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
            continue;
        const char *q = p + nl;
        while (q < b && isspace((unsigned char)*q))
            q++;
        if (q >= b || *q != '=')
            continue;
        q++;
        while (q < b && isspace((unsigned char)*q))
            q++;
        if (q >= b || (*q != '"' && *q != '\''))
            continue;
        char quote = *q++;
        const char *e = q;
        while (e < b && *e != quote)
            e++;
        decode(q, (size_t)(e - q), out, cap);
        return;
    }
}

/* Text between <tag> and </tag> inside [a, b); NULL when absent. */
static const char *element(const char *a, const char *b, const char *tag, size_t *n)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    size_t ol = strlen(open), cl = strlen(close);
    for (const char *p = a; p + ol <= b; p++)
        if (memcmp(p, open, ol) == 0) {
            for (const char *q = p + ol; q + cl <= b; q++)
                if (memcmp(q, close, cl) == 0) {
                    *n = (size_t)(q - (p + ol));
                    return p + ol;
                }
            return NULL;
        }
    return NULL;
}

static bool truthy(const char *v)
{
    return v[0] == 't' || v[0] == 'T' || v[0] == '1' || v[0] == 'y' || v[0] == 'Y';
}

static int sentence(dy_px *p, const char *tag_end, dy_px_item *it, char *msg, size_t ml)
{
    const char *tag = p->buf + p->pos;
    const char *close = find(p, (size_t)(tag_end - p->buf), "</Sentence>");
    /* a record whose </Sentence> is missing ends where the next begins */
    const char *next = sentence_tag(p->buf, p->len, (size_t)(tag_end - p->buf));
    if (next && (!close || next < close)) {
        close = NULL;
        it->unclosed = true;
    }
    const char *body_end = close ? close : next ? next : p->buf + p->len;
    p->ran_out = !close && !next;
    it->kind = DY_PX_SENTENCE;
    it->line = p->line;
    attr(tag, tag_end, "id", it->id, sizeof it->id);
    attr(tag, tag_end, "category", it->category, sizeof it->category);
    char v[64];
    attr(tag, tag_end, "sentence", v, sizeof v);
    it->is_sentence = !v[0] || truthy(v);
    attr(tag, tag_end, "evaluate", v, sizeof v);
    it->evaluate = !v[0] || truthy(v);
    attr(tag, tag_end, "date", v, sizeof v);
    size_t dl = strspn(v, "0123456789");
    it->date = 0;
    if (dl == 8 && !v[8]) {
        int32_t d = (int32_t)atol(v);
        int m = d / 100 % 100, dd = d % 100;
        if (dy_date_valid(d / 10000, m, dd))
            it->date = d;
    }
    if (v[0] && !it->date) {
        it->bad_date = true;
        snprintf(it->date_text, sizeof it->date_text, "%.15s", v);
    }
    /* codings: every <EventCoding ...> inside the body, comments skipped */
    const char *b = tag_end + 1;
    for (const char *q = b; q < body_end; q++) {
        if (*q != '<')
            continue;
        if ((size_t)(body_end - q) >= 4 && memcmp(q, "<!--", 4) == 0) {
            /* bounded: the buffer may hold NUL bytes and need not end in one */
            const char *e = find(p, (size_t)(q - p->buf), "-->");
            if (!e || e > body_end)
                break;
            q = e + 2;
            continue;
        }
        if ((size_t)(body_end - q) < 12 || memcmp(q, "<EventCoding", 12) != 0)
            continue;
        const char *te = memchr(q, '>', (size_t)(body_end - q));
        if (!te)
            break;
        it->has_coding = true;
        attr(q, te, "noevents", v, sizeof v);
        if (v[0] && truthy(v))
            it->noevents = true;
        attr(q, te, "error", it->error, sizeof it->error);
        char code[64];
        attr(q, te, "eventcode", code, sizeof code);
        if (code[0] && it->nexp < DY_PX_MAX_EVENTS) {
            dy_px_event *e = &it->exp[it->nexp++];
            snprintf(e->code, sizeof e->code, "%.15s", code);
            attr(q, te, "sourcecode", e->src, sizeof e->src);
            attr(q, te, "targetcode", e->tgt, sizeof e->tgt);
        }
        q = te;
    }
    size_t tn = 0;
    const char *tx = element(b, body_end, "Text", &tn);
    int rc = 0;
    if (p->dry) {
        /* the extent is all dy_px_cut asks */
    } else if (!tx) {
        snprintf(msg, ml, "<Sentence id=\"%s\"> has no <Text>", it->id);
        rc = -1;
    } else {
        it->text = malloc(tn + 8);
        if (!it->text) {
            snprintf(msg, ml, "out of memory");
            rc = -1;
        } else {
            it->text_len = decode(tx, tn, it->text, tn + 8);
            /* one line of text: newlines inside a record are blanks */
            for (size_t i = 0; i < it->text_len; i++)
                if (it->text[i] == '\n' || it->text[i] == '\r' || it->text[i] == '\t')
                    it->text[i] = ' ';
        }
    }
    advance(p, close ? (size_t)(close - p->buf) + 11 : (size_t)(body_end - p->buf));
    return rc;
}

int dy_px_next(dy_px *p, dy_px_item *it, char *msg, size_t ml)
{
    dy_px_item_clear(it);
    p->ran_out = false;
    for (;;) {
        const char *lt = p->pos < p->len ? memchr(p->buf + p->pos, '<', p->len - p->pos) : NULL;
        if (!lt) {
            advance(p, p->len);
            it->kind = DY_PX_END;
            return 0;
        }
        advance(p, (size_t)(lt - p->buf));
        size_t rest = p->len - p->pos;
        if (rest >= 4 && memcmp(lt, "<!--", 4) == 0) {
            const char *e = comment_end(p->buf, p->len, p->pos);
            if (e) {
                advance(p, (size_t)(e - p->buf));
                continue;
            }
            /* unclosed: reported, and read on from the next record */
            it->kind = DY_PX_ERROR;
            it->line = p->line;
            snprintf(msg, ml, "comment <!-- not closed before the records after it (read on from the next <Sentence>)");
            const char *next = sentence_tag(p->buf, p->len, p->pos + 4);
            /* with no "-->" at all, more input may yet close it */
            p->ran_out = !next || !find(p, p->pos + 4, "-->");
            advance(p, next ? (size_t)(next - p->buf) : p->len);
            return -1;
        }
        const char *te = memchr(lt, '>', rest);
        if (!te) {
            p->ran_out = true;
            advance(p, p->len);
            it->kind = DY_PX_END;
            return 0;
        }
        if (rest > 9 && memcmp(lt, "<Sentence", 9) == 0 && (isspace((unsigned char)lt[9]) || lt[9] == '>'))
            return sentence(p, te, it, msg, ml);
        if (rest > 7 && memcmp(lt, "<Config", 7) == 0) {
            it->kind = DY_PX_CONFIG;
            it->line = p->line;
            attr(lt, te, "option", it->option, sizeof it->option);
            attr(lt, te, "value", it->value, sizeof it->value);
            advance(p, (size_t)(te - p->buf) + 1);
            return 0;
        }
        if (rest > 12 && memcmp(lt, "<Environment", 12) == 0) {
            const char *end = find(p, p->pos, "</Environment>");
            const char *e = end ? end : p->buf + p->len;
            p->ran_out = !end;
            it->kind = DY_PX_ENV;
            it->line = p->line;
            static const char *const tags[5] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile", "Issuefile"};
            char *dst[5] = {it->verbfile, it->actorfile, it->agentfile, it->discardfile, it->issuefile};
            for (int k = 0; k < 5; k++) {
                size_t n = 0;
                const char *v = element(te, e, tags[k], &n);
                if (v) {
                    while (n && isspace((unsigned char)*v))
                        v++, n--;
                    while (n && isspace((unsigned char)v[n - 1]))
                        n--;
                    snprintf(dst[k], 512, "%.*s", (int)n, v);
                }
            }
            advance(p, end ? (size_t)(end - p->buf) + 14 : p->len);
            return 0;
        }
        advance(p, (size_t)(te - p->buf) + 1);
    }
}

size_t dy_px_cut(const char *buf, size_t n)
{
    dy_px p;
    dy_px_init(&p, buf, n);
    p.dry = true;
    dy_px_item it = {0};
    char msg[8];
    size_t cut = 0;
    for (;;) {
        dy_px_next(&p, &it, msg, sizeof msg);
        if (it.kind == DY_PX_END || p.ran_out)
            break;
        cut = p.pos;
    }
    dy_px_item_clear(&it);
    return cut;
}
