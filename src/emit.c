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

static void putu(sb *s, unsigned long long v)
{
    char t[32];
    int l = snprintf(t, sizeof t, "%llu", v);
    put(s, t, (size_t)l);
}

/* JSON string; invalid UTF-8 bytes become U+FFFD so output stays valid */
static void putj(sb *s, const char *p, size_t l)
{
    put(s, "\"", 1);
    for (size_t i = 0; i < l; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(s, e, 2);
        } else if (c < 0x20) {
            char e[8];
            snprintf(e, sizeof e, "\\u%04x", c);
            put(s, e, 6);
        } else if (c < 0x80)
            put(s, (const char *)&c, 1);
        else {
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
    }
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
        char d[16];
        snprintf(d, sizeof d, "%04d-%02d-%02d", (int)(e->date / 10000), (int)(e->date / 100 % 100),
                 (int)(e->date % 100));
        putj(&s, d, strlen(d));
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
        putf(&s, "%.1f", e->goldstein);
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
    char r[512];
    snprintf(r, sizeof r, "%s:%u", e->rule_file ? e->rule_file : "", e->rule_line);
    putj(&s, r, strlen(r));
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
