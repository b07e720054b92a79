/* emit.c: event writers. JSON Lines is the native format: one object per
 * event, fields only ever added (schema version in "v"). */
#include "../include/dyad.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *b;
    size_t cap, n; /* n counts what would be written, even past cap */
} sb;

static void put(sb *s, const char *p, size_t l)
{
    if (s->n < s->cap) {
        size_t room = s->cap - s->n;
        memcpy(s->b + s->n, p, l < room ? l : room);
    }
    s->n += l;
}

static void puts_(sb *s, const char *p) { put(s, p, strlen(p)); }

static void putf(sb *s, const char *fmt, double v)
{
    char t[64];
    int l = snprintf(t, sizeof t, fmt, v);
    put(s, t, (size_t)l);
}

/* digits by hand: an event writes a dozen numbers, and snprintf's
 * format parsing was a measurable part of a whole run */
static void putu(sb *s, unsigned long long v)
{
    char t[24];
    size_t i = sizeof t;
    do {
        t[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(s, t + i, sizeof t - i);
}

/* v with at least w digits (leading zeros) */
static void putu0(sb *s, unsigned v, int w)
{
    char t[16];
    size_t i = sizeof t;
    do {
        t[--i] = (char)('0' + v % 10);
        v /= 10;
        w--;
    } while (v || w > 0);
    put(s, t + i, sizeof t - i);
}

/* "%.1f" of a value with one decimal (the CAMEO table's Goldstein
 * scores), by hand; anything else through snprintf */
static void put1f(sb *s, double v)
{
    double t = v * 10.0;
    long long k = (long long)(t < 0 ? t - 0.5 : t + 0.5);
    double d = t - (double)k;
    if (d > 1e-6 || d < -1e-6 || (k == 0 && signbit(v)) || t > 1e5 || t < -1e5) {
        putf(s, "%.1f", v);
        return;
    }
    if (k < 0) {
        put(s, "-", 1);
        k = -k;
    }
    putu(s, (unsigned long long)(k / 10));
    put(s, ".", 1);
    putu(s, (unsigned long long)(k % 10));
}

/* JSON string body; invalid UTF-8 bytes become U+FFFD so output stays
 * valid. Runs of plain ASCII go out in one piece. */
static void putj_raw(sb *s, const char *p, size_t l)
{
    size_t i = 0;
    while (i < l) {
        size_t r = i;
        while (r < l && (unsigned char)p[r] >= 0x20 && (unsigned char)p[r] < 0x80 && p[r] != '"' && p[r] != '\\')
            r++;
        if (r > i) {
            put(s, p + i, r - i);
            i = r;
            continue;
        }
        unsigned char c = (unsigned char)p[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(s, e, 2);
        } else if (c < 0x20) {
            char e[8];
            snprintf(e, sizeof e, "\\u%04x", c);
            put(s, e, 6);
        } else {
            size_t need = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
            if (c >= 0xf5)
                need = 0;
            bool ok = need && i + need <= l;
            for (size_t k = 1; ok && k < need; k++)
                ok = ((unsigned char)p[i + k] & 0xc0) == 0x80;
            if (ok) {
                put(s, p + i, need);
                i += need - 1;
            } else
                puts_(s, "\xef\xbf\xbd");
        }
        i++;
    }
}

/* JSON string */
static void putj(sb *s, const char *p, size_t l)
{
    put(s, "\"", 1);
    putj_raw(s, p, l);
    put(s, "\"", 1);
}

static void field(sb *s, const char *k)
{
    put(s, ",\"", 2);
    puts_(s, k);
    put(s, "\":", 2);
}

size_t dy_event_json(const dy_event *e, const char *doc_id, bool with_text, char *buf, size_t cap)
{
    sb s = {buf, cap, 0};
    puts_(&s, "{\"v\":");
    putu(&s, DYAD_SCHEMA_VERSION);
    field(&s, "doc_id");
    putj(&s, doc_id ? doc_id : "", doc_id ? strlen(doc_id) : 0);
    field(&s, "sentence");
    putu(&s, (unsigned long long)e->sentence);
    field(&s, "date");
    if (e->date) {
        put(&s, "\"", 1);
        putu0(&s, (unsigned)(e->date / 10000), 4);
        put(&s, "-", 1);
        putu0(&s, (unsigned)(e->date / 100 % 100), 2);
        put(&s, "-", 1);
        putu0(&s, (unsigned)(e->date % 100), 2);
        put(&s, "\"", 1);
    } else
        puts_(&s, "null");
    field(&s, "source");
    putj(&s, e->source, strlen(e->source));
    field(&s, "target");
    putj(&s, e->target, strlen(e->target));
    field(&s, "code");
    putj(&s, e->code, strlen(e->code));
    field(&s, "root");
    putj(&s, e->root, strlen(e->root));
    field(&s, "quad");
    if (e->has_cameo)
        putu(&s, (unsigned long long)e->quad);
    else
        puts_(&s, "null");
    field(&s, "goldstein");
    if (e->has_cameo && !isnan(e->goldstein))
        put1f(&s, e->goldstein);
    else
        puts_(&s, "null");
    const struct {
        const char *name, *off_name;
        size_t off, len;
    } spans[3] = {{"source_text", "source_span", e->source_off, e->source_len},
                  {"target_text", "target_span", e->target_off, e->target_len},
                  {"verb_text", "verb_span", e->verb_off, e->verb_len}};
    for (int i = 0; i < 3; i++) {
        field(&s, spans[i].name);
        if (spans[i].len && spans[i].off + spans[i].len <= e->sentence_len)
            putj(&s, e->sentence_text + spans[i].off, spans[i].len);
        else
            puts_(&s, "null");
        field(&s, spans[i].off_name);
        if (spans[i].len) {
            put(&s, "[", 1);
            putu(&s, spans[i].off);
            put(&s, ",", 1);
            putu(&s, spans[i].off + spans[i].len);
            put(&s, "]", 1);
        } else
            puts_(&s, "null");
    }
    if (e->attribution) {
        field(&s, "attribution");
        putj(&s, e->attribution, strlen(e->attribution));
    }
    if (e->issues) {
        /* "CODE N,CODE N" -> {"CODE":N,...} */
        field(&s, "issues");
        put(&s, "{", 1);
        const char *p = e->issues;
        bool first = true;
        while (*p) {
            const char *comma = strchr(p, ',');
            size_t l = comma ? (size_t)(comma - p) : strlen(p);
            const char *sp = memchr(p, ' ', l);
            if (sp) {
                if (!first)
                    put(&s, ",", 1);
                putj(&s, p, (size_t)(sp - p));
                put(&s, ":", 1);
                put(&s, sp + 1, l - (size_t)(sp + 1 - p));
                first = false;
            }
            p += l + (comma ? 1 : 0);
        }
        put(&s, "}", 1);
    }
    field(&s, "rule");
    put(&s, "\"", 1);
    const char *rf = e->rule_file ? e->rule_file : "";
    putj_raw(&s, rf, strlen(rf));
    put(&s, ":", 1);
    putu(&s, e->rule_line);
    put(&s, "\"", 1);
    if (with_text) {
        field(&s, "text");
        putj(&s, e->sentence_text, e->sentence_len);
    }
    put(&s, "}", 1);
    if (s.n < cap)
        buf[s.n] = '\0';
    else if (cap)
        buf[cap - 1] = '\0';
    return s.n;
}

/* a TSV field: tabs and newlines become blanks so that columns stay put */
static void putt(sb *s, const char *p)
{
    for (; p && *p; p++) {
        char c = (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p;
        put(s, &c, 1);
    }
}

/* CAMEO actor code: entity (country or organisation), role, attribute */
static void actor_cols(sb *s, const char *code)
{
    size_t n = strlen(code);
    putt(s, code);
    put(s, "\t", 1);
    put(s, code, n < 3 ? n : 3);
    put(s, "\t", 1);
    if (n > 3)
        put(s, code + 3, n < 6 ? n - 3 : 3);
    put(s, "\t", 1);
    if (n > 6)
        putt(s, code + 6);
    put(s, "\t", 1);
}

size_t dy_event_phoenix(const dy_event *e, const char *doc_id, size_t index, const char *url,
                        const char *source, char *buf, size_t cap)
{
    sb s = {buf, cap, 0};
    char t[64];
    /* event id: document, sentence and the event's place in the document */
    putt(&s, doc_id);
    snprintf(t, sizeof t, "_%d_%zu\t", e->sentence, index + 1);
    puts_(&s, t);
    if (e->date) {
        snprintf(t, sizeof t, "%08d\t%04d\t%02d\t%02d\t", (int)e->date, (int)(e->date / 10000),
                 (int)(e->date / 100 % 100), (int)(e->date % 100));
        puts_(&s, t);
    } else
        puts_(&s, "\t\t\t\t");
    actor_cols(&s, e->source);
    actor_cols(&s, e->target);
    putt(&s, e->code);
    put(&s, "\t", 1);
    putt(&s, e->root);
    put(&s, "\t", 1);
    if (e->has_cameo) {
        putu(&s, (unsigned long long)e->quad);
        put(&s, "\t", 1);
        if (!isnan(e->goldstein))
            putf(&s, "%.1f", e->goldstein);
    } else
        put(&s, "\t", 1);
    put(&s, "\t", 1);
    putt(&s, e->issues);
    /* lat, lon, place, state, country: no geolocation yet */
    puts_(&s, "\t\t\t\t\t\t");
    putt(&s, doc_id);
    snprintf(t, sizeof t, "_%d", e->sentence);
    puts_(&s, t);
    put(&s, "\t", 1);
    putt(&s, url);
    put(&s, "\t", 1);
    putt(&s, source);
    if (s.n < cap)
        buf[s.n] = '\0';
    else if (cap)
        buf[cap - 1] = '\0';
    return s.n;
}
