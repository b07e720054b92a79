/* tabari.c: TABARI dictionary formats; the grammar is that of the TABARI
 * 0.8 manual, chapters 5 and 6:
 *
 *   file     := line* ['~~FINISH' anything]
 *   line     := comment | section | entry | synonym | datecodes | pattern | forms
 *   comment  := ('#' | '/') text
 *   section  := '<NOUN>' | '</NOUN>' | '<ADJECTIVE>' | ... | '<SYNSETS>' | '<TIME>' | '<ATTRIB>'
 *   entry    := phrase codeblock* [';' comment]
 *   synonym  := '+' phrase                      (actors, synsets)
 *   datecodes:= (' ' | '\t') codeblock          (actors, after an entry)
 *   pattern  := '-' phrase codeblock            (verbs)
 *   forms    := '{' phrase* '}'                  (verbs, after a root)
 *   codeblock:= '[' code [date-restriction] ']'
 */
#include "tabari.h"
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 4096      /* longest dictionary line accepted */
#define MAX_ALT_EXPAND 256 /* cap on alternatives expanded from one pattern */

int dy_tabari_kind_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return DY_TK_UNKNOWN;
    if (strcmp(dot, ".actors") == 0)
        return DY_TK_ACTORS;
    if (strcmp(dot, ".agents") == 0)
        return DY_TK_AGENTS;
    if (strcmp(dot, ".verbs") == 0)
        return DY_TK_VERBS;
    if (strcmp(dot, ".options") == 0)
        return DY_TK_OPTIONS;
    return DY_TK_UNKNOWN;
}

void dy_tabari_dirname(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) + 1 : 0;
    if (n >= cap)
        n = 0;
    memcpy(out, path, n);
    out[n] = '\0';
}

dy_status dy_tabari_slurp(const char *path, char **buf, size_t *len, dy_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err->msg, sizeof err->msg, "%s: %s", path, strerror(errno));
        return errno == ENOMEM ? DY_ERR_NOMEM : DY_ERR_IO;
    }
    size_t cap = 65536, n = 0;
    char *p = malloc(cap);
    if (!p) {
        fclose(f);
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", path);
        return DY_ERR_NOMEM;
    }
    for (;;) {
        if (cap - n < 65536) {
            char *q = realloc(p, cap * 2);
            if (!q) {
                free(p);
                fclose(f);
                snprintf(err->msg, sizeof err->msg, "%s: out of memory", path);
                return DY_ERR_NOMEM;
            }
            p = q;
            cap *= 2;
        }
        size_t r = fread(p + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
    }
    bool bad = ferror(f);
    int e = errno;
    fclose(f);
    if (bad) {
        free(p);
        snprintf(err->msg, sizeof err->msg, "%s: %s", path, strerror(e)); /* "Is a directory" */
        return DY_ERR_IO;
    }
    p[n] = '\0';
    *buf = p;
    *len = n;
    return DY_OK;
}

typedef struct {
    dy_dict_builder *b;
    const char *file;
    unsigned line;
    dy_load_opts *lo;
    bool petr;          /* PETRARCH dialect: '#' comments, <!-- --> blocks */
} ctx_t;

static void diag(ctx_t *c, unsigned col, const char *fmt, const char *arg)
{
    char m[512];
    snprintf(m, sizeof m, fmt, arg ? arg : "");
    if (c->lo) {
        c->lo->nerrors++;
        if (c->lo->diag)
            c->lo->diag(c->lo->diag_ctx, c->file, c->line, col, m);
    }
}

static void parse_ecode(ctx_t *c, const char *code, dy_ecode *e);

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static char *adup(dy_dict_builder *b, const char *s, size_t n)
{
    return dy_arena_strndup(dy_dict_builder_arena(b), s, n);
}

/* ---- phrases ---- */

bool dy_tabari_phrase(dy_dict_builder *b, const char *s, size_t n, bool noun, bool pattern,
                      dy_seq *out, char *msg, size_t msglen)
{
    dy_el tmp[128];
    uint16_t k = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        size_t u0 = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        size_t u1 = i; /* unit [u0,u1) */
        size_t j = u0;
        while (j < u1) {
            while (j < u1 && s[j] == '_')
                j++;
            if (j >= u1)
                break;
            size_t p0 = j;
            while (j < u1 && s[j] != '_')
                j++;
            size_t p1 = j; /* piece [p0,p1) */
            bool joined = j < u1 && s[j] == '_';
            /* a '_' that ends the unit marks an exact word but joins nothing */
            bool joins_next = false;
            if (joined) {
                size_t q = j;
                while (q < u1 && s[q] == '_')
                    q++;
                joins_next = q < u1;
            }
            if (k >= 127) {
                snprintf(msg, msglen, "phrase has too many words");
                return false;
            }
            dy_el e = {0};
            size_t pl = p1 - p0;
            const char *pc = s + p0;
            if (pl == 1 && strchr("*$+%^@", pc[0])) {
                if (!pattern) {
                    snprintf(msg, msglen, "'%c' is only allowed in verb patterns", pc[0]);
                    return false;
                }
                e.kind = pc[0] == '*' ? DY_EL_VERB : pc[0] == '$' ? DY_EL_SRC : pc[0] == '+' ? DY_EL_TGT
                       : pc[0] == '%' ? DY_EL_COMP : pc[0] == '^' ? DY_EL_SKIP : DY_EL_ATTR;
            } else if (pc[0] == '&' && pl > 1 && pattern) {
                char name[128];
                if (pl >= sizeof name) {
                    snprintf(msg, msglen, "synset name too long");
                    return false;
                }
                memcpy(name, pc, pl);
                name[pl] = '\0';
                int sy = dy_dict_find_synset(b, name);
                if (sy < 0) {
                    snprintf(msg, msglen, "unknown synset %.100s", name);
                    return false;
                }
                e.kind = DY_EL_SYN;
                e.syn = (uint32_t)sy;
            } else {
                bool tilde = pl > 1 && pc[pl - 1] == '~';
                bool eq = pl > 1 && pc[pl - 1] == '=';
                if (tilde || eq)
                    pl--;
                e.kind = DY_EL_WORD;
                e.w = adup(b, pc, pl);
                e.len = (uint16_t)pl;
                if (eq)
                    e.flags |= DY_EL_EXACT | DY_EL_STRICT;
                else if (joined && !tilde)
                    /* regular endings only on the last word of a root */
                    e.flags |= (joins_next || pattern) ? (DY_EL_EXACT | DY_EL_STRICT) : DY_EL_EXACT;
                if (noun)
                    e.flags |= DY_EL_NOUNEND;
            }
            if (joins_next)
                e.flags |= DY_EL_ADJ;
            tmp[k++] = e;
            while (j < u1 && s[j] == '_')
                j++;
        }
    }
    if (k == 0) {
        snprintf(msg, msglen, "empty phrase");
        return false;
    }
    out->el = dy_arena_alloc(dy_dict_builder_arena(b), k * sizeof *out->el);
    if (!out->el) {
        snprintf(msg, msglen, "out of memory");
        return false;
    }
    memcpy(out->el, tmp, k * sizeof *tmp);
    out->n = k;
    return true;
}

static int letters(const dy_seq *q)
{
    int n = 0;
    for (uint16_t i = 0; i < q->n; i++)
        for (uint16_t j = 0; j < q->el[i].len; j++)
            if (isalnum((unsigned char)q->el[i].w[j]))
                n++;
    return n;
}

/* ---- code blocks ---- */

/* Parses "CODE", "CODE <date", "CODE >date", "CODE date-date" inside [].
 * Returns false with a message when malformed. */
static bool parse_dcode(ctx_t *c, const char *s, dy_dcode *out, char *msg, size_t ml)
{
    char buf[256];
    size_t n = strlen(s);
    if (n >= sizeof buf) {
        snprintf(msg, ml, "code block too long");
        return false;
    }
    memcpy(buf, s, n + 1);
    char *p = trim(buf);
    /* "- - -" null code written with blanks */
    if (strcmp(p, "- - -") == 0)
        p = "---";
    if (!*p) {
        snprintf(msg, ml, "no code in [...]");
        return false;
    }
    char *sp = p;
    while (*sp && *sp != ' ' && *sp != '\t' && *sp != '<' && *sp != '>')
        sp++;
    size_t cl = (size_t)(sp - p);
    char *rest = sp;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    out->lo = INT32_MIN;
    out->hi = INT32_MAX;
    /* a bare date range with no code: "[991201-010114]" */
    bool code_digits = cl > 0;
    for (size_t i = 0; i < cl; i++)
        if (!isdigit((unsigned char)p[i]) && p[i] != '-')
            code_digits = false;
    if (code_digits && cl >= 6 && strchr(p, '-') && p[0] != '-') {
        snprintf(msg, ml, "no code before the date restriction");
        return false;
    }
    if (cl == 0) {
        snprintf(msg, ml, "no code in [...]");
        return false;
    }
    out->code = adup(c->b, p, cl);
    if (!*rest)
        return true;
    bool yyyy = dy_dict_builder_opts(c->b)->yyyy;
    char datebuf[64];
    size_t dn = 0;
    for (char *q = rest; *q && dn < sizeof datebuf - 1; q++)
        if (*q != ' ' && *q != '\t')
            datebuf[dn++] = *q;
    datebuf[dn] = '\0';
    int32_t d1, d2;
    if (datebuf[0] == '<' || datebuf[0] == '>') {
        if (!dy_dict_parse_date(datebuf + 1, dn - 1, yyyy, &d1)) {
            snprintf(msg, ml, "bad date restriction '%.60s'", rest);
            return false;
        }
        if (datebuf[0] == '<')
            out->hi = d1;
        else
            out->lo = d1;
        return true;
    }
    char *dash = strchr(datebuf, '-');
    if (!dash || !dy_dict_parse_date(datebuf, (size_t)(dash - datebuf), yyyy, &d1)
        || !dy_dict_parse_date(dash + 1, strlen(dash + 1), yyyy, &d2)) {
        snprintf(msg, ml, "bad date restriction '%.60s'", rest);
        return false;
    }
    out->lo = d1;
    out->hi = d2;
    return true;
}

/* Collects every [...] block of s into codes. Returns false on error. */
static bool parse_blocks(ctx_t *c, const char *s, dy_dcode *codes, uint16_t *n, uint16_t cap,
                         char *msg, size_t ml)
{
    const char *p = s;
    while ((p = strchr(p, '[')) != NULL) {
        const char *q = strchr(p, ']');
        if (!q) {
            snprintf(msg, ml, "missing ']'");
            return false;
        }
        char inner[256];
        size_t l = (size_t)(q - p - 1);
        if (l >= sizeof inner) {
            snprintf(msg, ml, "code block too long");
            return false;
        }
        memcpy(inner, p + 1, l);
        inner[l] = '\0';
        if (*n >= cap) {
            snprintf(msg, ml, "too many codes");
            return false;
        }
        if (!parse_dcode(c, inner, &codes[*n], msg, ml))
            return false;
        (*n)++;
        p = q + 1;
    }
    return true;
}

void dy_tabari_ecode(dy_dict_builder *b, const char *code, dy_ecode *e)
{
    ctx_t c = {b, "", 0, NULL, false};
    parse_ecode(&c, code, e);
}

static void parse_ecode(ctx_t *c, const char *code, dy_ecode *e)
{
    memset(e, 0, sizeof *e);
    char buf[64];
    size_t n = 0;
    for (const char *p = code; *p && n < sizeof buf - 1; p++)
        if (*p != ' ')
            buf[n++] = *p;
    buf[n] = '\0';
    if (n && buf[n - 1] == '?') {
        e->sub = true;
        buf[--n] = '\0';
    } else if (n && buf[n - 1] == '!') {
        e->dom = true;
        buf[--n] = '\0';
    }
    if (n == 0) {
        e->kind = DY_EC_NONE;
        return;
    }
    if (strcmp(buf, "---") == 0) {
        e->kind = DY_EC_NULL;
        return;
    }
    if (strcmp(buf, "###") == 0) {
        e->kind = DY_EC_DISCARD;
        return;
    }
    if (strcmp(buf, "+++") == 0) {
        e->kind = DY_EC_COMPLEX;
        return;
    }
    e->kind = DY_EC_EVENT;
    char *colon = strchr(buf, ':');
    if (colon) {
        *colon = '\0';
        if (colon[1]) /* "064:" has no second code */
            e->code2 = adup(c->b, colon + 1, strlen(colon + 1));
    }
    if (!buf[0] && e->code2) {
        /* ":033": the second half of a pair alone, the target acting on
         * the source ("received an invitation" is the host's 026) */
        e->code = e->code2;
        e->code2 = NULL;
        e->rev = true;
        return;
    }
    if (!buf[0]) {
        e->kind = DY_EC_NULL; /* an empty code: nothing to code */
        return;
    }
    e->code = adup(c->b, buf, strlen(buf));
}

/* Splits "PHRASE [CODE] ; comment" into phrase and code text (both point
 * into line, which is modified). Stray double quotes (left by spreadsheet
 * exports) are dropped from the phrase. */
static void split_entry(char *line, char **phrase, char **codes)
{
    char *semi = strchr(line, ';');
    char *br = strchr(line, '[');
    if (semi && (!br || semi < br)) {
        *semi = '\0';
        br = NULL;
    }
    *codes = NULL;
    if (br) {
        /* the code text starts at '['; a comment after the blocks is cut */
        size_t n = (size_t)(br - line);
        memmove(br + 1, br, strlen(br) + 1);
        br[0] = '\0';
        *codes = br + 1;
        line[n] = '\0';
        char *sc = strchr(*codes, ';');
        if (sc)
            *sc = '\0';
    }
    char *w = line;
    for (char *r = line; *r; r++)
        if (*r != '"')
            *w++ = *r;
    *w = '\0';
    *phrase = trim(line);
}

static void upcase(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

/* TABARI replaces hyphens in phrases by '_' (text hyphens become blanks). */
static void hyphens(char *s)
{
    for (char *p = s; *p; p++)
        if (*p == '-' && p[1] != '-' && (p == s || p[-1] != '-'))
            *p = '_';
}

/* ---- actors and agents ---- */

typedef struct {
    bool open;            /* an entry awaits synonyms/date lines */
    char phrase[MAX_LINE];
    unsigned line;        /* line of the entry */
    char **syn;           /* synonym phrases (malloc'd); the USA entry of
                           * the Phoenix pack has over a hundred */
    unsigned *synline;
    int nsyn, csyn;
    dy_dcode codes[32];
    uint16_t ncodes;
    bool bad;
} pending_t;

static void add_actor_root(ctx_t *c, const char *phrase, unsigned line, uint32_t id, int type)
{
    char msg[256];
    dy_root r = {0};
    unsigned save = c->line;
    c->line = line;
    if (!dy_tabari_phrase(c->b, phrase, strlen(phrase), true, false, &r.ph, msg, sizeof msg)) {
        diag(c, 1, "%s", msg);
        c->line = save;
        return;
    }
    if (c->petr)
        /* PETRARCH does not stem: words match whole (plural and possessive allowed) */
        for (uint16_t k = 0; k < r.ph.n; k++)
            r.ph.el[k].flags |= DY_EL_EXACT;
    if (r.ph.el[0].kind != DY_EL_WORD) {
        diag(c, 1, "phrase must start with a word", NULL);
        c->line = save;
        return;
    }
    r.type = (uint8_t)type;
    r.id = id;
    r.clen = letters(&r.ph);
    r.text = adup(c->b, phrase, strlen(phrase));
    dy_dict_add_root(c->b, &r);
    c->line = save;
}

/* Adds a synonym to the pending entry; false when memory ran out. */
static bool add_syn(pending_t *p, const char *ph, unsigned line)
{
    if (p->nsyn == p->csyn) {
        int cap = p->csyn ? 2 * p->csyn : 16;
        char **s = realloc(p->syn, (size_t)cap * sizeof *s);
        if (!s)
            return false;
        p->syn = s;
        unsigned *l = realloc(p->synline, (size_t)cap * sizeof *l);
        if (!l)
            return false;
        p->synline = l;
        p->csyn = cap;
    }
    char *d = strdup(ph);
    if (!d)
        return false;
    p->syn[p->nsyn] = d;
    p->synline[p->nsyn++] = line;
    return true;
}

static void flush_actor(ctx_t *c, pending_t *p)
{
    if (!p->open)
        return;
    p->open = false;
    if (p->bad || p->ncodes == 0) {
        if (!p->bad) {
            unsigned save = c->line;
            c->line = p->line;
            diag(c, 1, "actor '%s' has no code", p->phrase);
            c->line = save;
        }
        for (int i = 0; i < p->nsyn; i++)
            free(p->syn[i]);
        p->nsyn = 0;
        return;
    }
    /* a default (unrestricted) code goes last */
    dy_dcode *cc = dy_arena_alloc(dy_dict_builder_arena(c->b), p->ncodes * sizeof *cc);
    if (!cc)
        return; /* the arena remembers: the set does not compile */
    uint16_t k = 0;
    for (uint16_t i = 0; i < p->ncodes; i++)
        if (!(p->codes[i].lo == INT32_MIN && p->codes[i].hi == INT32_MAX))
            cc[k++] = p->codes[i];
    for (uint16_t i = 0; i < p->ncodes; i++)
        if (p->codes[i].lo == INT32_MIN && p->codes[i].hi == INT32_MAX)
            cc[k++] = p->codes[i];
    dy_actor a = {0};
    a.codes.c = cc;
    a.codes.n = k;
    a.parent = adup(c->b, p->phrase, strlen(p->phrase));
    a.at.file = c->file;
    a.at.line = p->line;
    uint32_t id = dy_dict_add_actor(c->b, &a);
    add_actor_root(c, p->phrase, p->line, id, DY_RT_ACTOR);
    for (int i = 0; i < p->nsyn; i++) {
        add_actor_root(c, p->syn[i], p->synline[i], id, DY_RT_ACTOR);
        free(p->syn[i]);
    }
    p->nsyn = 0;
}

static void parse_actors(ctx_t *c, char *buf, bool agents)
{
    pending_t *p = calloc(1, sizeof *p);
    if (!p) {
        dy_dict_builder_fail(c->b);
        return;
    }
    int section = 0; /* 0 actors, 1 nouns, 2 adjectives */
    bool in_xml_comment = false;
    bool blank = false; /* a blank line since the last entry */
    char *save = NULL;
    c->line = 0;
    for (char *ln = buf; ln; ln = save) {
        char *nl = strchr(ln, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        c->line++;
        if (strlen(ln) >= MAX_LINE) {
            diag(c, 1, "line longer than %s bytes", "4096");
            continue;
        }
        char line[MAX_LINE + 2]; /* + room for split_entry to open a gap */
        strcpy(line, ln);
        if (c->petr) {
            /* PETRARCH: <!-- ... --> blocks and '#' comments */
            if (in_xml_comment) {
                if (strstr(line, "-->"))
                    in_xml_comment = false;
                continue;
            }
            char *xc = strstr(line, "<!--");
            if (xc) {
                if (!strstr(xc, "-->"))
                    in_xml_comment = true;
                *xc = '\0';
            }
            char *hash = strchr(line, '#');
            if (hash)
                *hash = '\0';
        }
        bool indented = line[0] == ' ' || line[0] == '\t';
        char *t = trim(line);
        if (strncmp(t, "~~", 2) == 0)
            break;
        if (!*t) {
            /* blank lines separate synonym groups but do not end them */
            blank = true;
            continue;
        }
        if (t[0] == '#' || t[0] == '/')
            continue;
        upcase(t);
        if (t[0] == '<') {
            flush_actor(c, p);
            if (strncmp(t, "<NOUN>", 6) == 0)
                section = 1;
            else if (strncmp(t, "<ADJ", 4) == 0)
                section = 2;
            else if (strncmp(t, "</", 2) == 0)
                section = 0;
            else
                diag(c, 1, "unknown section %s", t);
            continue;
        }
        char msg[256];
        if (section) {
            char *ph, *codes;
            split_entry(t, &ph, &codes);
            hyphens(ph);
            if (strlen(ph) < 1) {
                diag(c, 1, "empty phrase", NULL);
                continue;
            }
            add_actor_root(c, ph, c->line, 0, section == 1 ? DY_RT_NOUN : DY_RT_ADJ);
            continue;
        }
        if (agents) {
            char *ph, *codes;
            split_entry(t, &ph, &codes);
            hyphens(ph);
            if (!codes) {
                diag(c, 1, "missing '[' code block", NULL);
                continue;
            }
            char *r = strchr(codes, ']');
            if (!r) {
                diag(c, (unsigned)(codes - t + 1), "missing ']'", NULL);
                continue;
            }
            *r = '\0';
            char *code = trim(codes + 1);
            char *tl = strchr(code, '~');
            if (!tl) {
                diag(c, 1, "agent code '%s' lacks the '~' connector", code);
                continue;
            }
            if (!*ph) {
                diag(c, 1, "empty phrase", NULL);
                continue;
            }
            dy_agent a = {0};
            a.prefix = tl != code;
            if (a.prefix)
                *tl = '\0';
            const char *cd = a.prefix ? code : tl + 1;
            a.code = adup(c->b, cd, strlen(cd));
            a.at.file = c->file;
            a.at.line = c->line;
            uint32_t id = dy_dict_add_agent(c->b, &a);
            add_actor_root(c, ph, c->line, id, DY_RT_AGENT);
            continue;
        }
        if (t[0] == '+') {
            if (!p->open) {
                diag(c, 1, "synonym with no actor before it", NULL);
                continue;
            }
            char *ph, *codes;
            split_entry(t + 1, &ph, &codes);
            hyphens(ph);
            if (*ph && !add_syn(p, ph, c->line))
                dy_dict_builder_fail(c->b);
            if (codes && !parse_blocks(c, codes, p->codes, &p->ncodes, 32, msg, sizeof msg)) {
                diag(c, 1, "%s", msg);
                p->bad = true;
            }
            continue;
        }
        if (t[0] == '[' && (indented || p->open)) {
            if (!p->open) {
                diag(c, 1, "date restriction with no actor before it", NULL);
                continue;
            }
            if (!parse_blocks(c, t, p->codes, &p->ncodes, 32, msg, sizeof msg)) {
                diag(c, 1, "%s", msg);
                /* one bad restriction line is dropped; the entry keeps the rest */
            }
            continue;
        }
        char *ph, *codes;
        split_entry(t, &ph, &codes);
        hyphens(ph);
        if (!*ph) {
            flush_actor(c, p);
            diag(c, 1, "code block with no phrase", NULL);
            continue;
        }
        bool after_blank = blank;
        blank = false;
        if (p->open && p->ncodes == 0 && !codes && !p->bad && !after_blank) {
            /* a run of code-less phrases before their date lines: one
             * synonym group (the Phoenix files often omit the '+') */
            if (!add_syn(p, ph, c->line))
                dy_dict_builder_fail(c->b);
            continue;
        }
        flush_actor(c, p);
        /* a fresh entry; the synonym arrays are kept for reuse */
        char **syn = p->syn;
        unsigned *synline = p->synline;
        int csyn = p->csyn;
        memset(p, 0, sizeof *p);
        p->syn = syn;
        p->synline = synline;
        p->csyn = csyn;
        p->open = true;
        snprintf(p->phrase, sizeof p->phrase, "%s", ph);
        p->line = c->line;
        if (codes && !parse_blocks(c, codes, p->codes, &p->ncodes, 32, msg, sizeof msg)) {
            diag(c, (unsigned)(codes - t + 1), "%s", msg);
            p->bad = true;
        }
    }
    flush_actor(c, p);
    free(p->syn);
    free(p->synline);
    free(p);
}

/* ---- verbs ---- */

/* Expands "{ A | B }" alternatives textually; calls out for each result. */
static int expand_alts(const char *s, char out[][MAX_LINE], int cap, int n)
{
    const char *lb = strchr(s, '{');
    if (!lb) {
        if (n < cap) {
            /* an alternative between two '_' leaves "__": one connector */
            char *o = out[n];
            size_t k = 0;
            for (const char *p = s; *p && k < MAX_LINE - 1; p++) {
                if (*p == '_' && k && o[k - 1] == '_')
                    continue;
                o[k++] = *p;
            }
            o[k] = '\0';
        }
        return n + 1;
    }
    const char *rb = strchr(lb, '}');
    if (!rb)
        return -1;
    const char *a = lb + 1;
    for (;;) {
        const char *bar = a;
        while (bar < rb && *bar != '|')
            bar++;
        char tmp[MAX_LINE];
        const char *a0 = a, *a1 = bar; /* the alternative, blanks trimmed */
        while (a0 < a1 && (*a0 == ' ' || *a0 == '\t'))
            a0++;
        while (a1 > a0 && (a1[-1] == ' ' || a1[-1] == '\t'))
            a1--;
        int w = snprintf(tmp, sizeof tmp, "%.*s%.*s%s", (int)(lb - s), s, (int)(a1 - a0), a0, rb + 1);
        if (w < 0 || (size_t)w >= sizeof tmp)
            return -1;
        n = expand_alts(tmp, out, cap, n);
        if (n < 0 || n > cap)
            return n;
        if (bar >= rb)
            break;
        a = bar + 1;
    }
    return n;
}

static void add_expanded(ctx_t *c, uint32_t verb, char (*alts)[MAX_LINE], int na, const char *code);

static void add_verb_pattern(ctx_t *c, uint32_t verb, char *body, const char *code)
{
    char (*alts)[MAX_LINE] = malloc(MAX_ALT_EXPAND * sizeof *alts);
    if (!alts) {
        dy_dict_builder_fail(c->b);
        return;
    }
    int na = expand_alts(body, alts, MAX_ALT_EXPAND, 0);
    add_expanded(c, verb, alts, na, code);
    free(alts);
}

static void add_expanded(ctx_t *c, uint32_t verb, char (*alts)[MAX_LINE], int na, const char *code)
{
    if (na < 0) {
        diag(c, 1, "unbalanced '{' in pattern", NULL);
        return;
    }
    if (na > MAX_ALT_EXPAND) {
        diag(c, 1, "pattern expands to too many alternatives", NULL);
        return;
    }
    dy_ecode ec;
    parse_ecode(c, code, &ec);
    for (int i = 0; i < na; i++) {
        char msg[256];
        dy_seq q;
        if (!dy_tabari_phrase(c->b, alts[i], strlen(alts[i]), false, true, &q, msg, sizeof msg)) {
            diag(c, 1, "%s", msg);
            return;
        }
        dy_pattern p;
        if (!dy_tabari_pattern(&q, alts[i], &p, msg, sizeof msg)) {
            diag(c, 1, "%s", msg);
            return;
        }
        p.code = ec;
        p.at.file = c->file;
        p.at.line = c->line;
        dy_dict_verb_add_pattern(c->b, verb, &p);
    }
}

bool dy_tabari_pattern(const dy_seq *q, const char *src, dy_pattern *p, char *msg, size_t msglen)
{
    int star = -1;
    for (uint16_t k = 0; k < q->n; k++)
        if (q->el[k].kind == DY_EL_VERB) {
            if (star >= 0) {
                snprintf(msg, msglen, "more than one '*' in pattern");
                return false;
            }
            star = k;
        }
    if (star < 0) {
        snprintf(msg, msglen, "missing verb marker '*' in pattern");
        return false;
    }
    memset(p, 0, sizeof *p);
    p->upper.el = q->el;
    p->upper.n = (uint16_t)star;
    p->lower.el = q->el + star + 1;
    p->lower.n = (uint16_t)(q->n - star - 1);
    p->verb_adj_left = star > 0 && (q->el[star - 1].flags & DY_EL_ADJ);
    p->verb_adj_right = (q->el[star].flags & DY_EL_ADJ) != 0;
    for (const char *x = src; *x; x++) {
        if (*x == '&') {
            while (x[1] && x[1] != ' ' && x[1] != '_')
                x++;
            continue;
        }
        if (*x != ' ' && *x != '\t' && !strchr("*$+%^@", *x))
            p->length++;
    }
    return true;
}

static void add_verb_root(ctx_t *c, const char *phrase, uint32_t verb)
{
    char msg[256];
    dy_root r = {0};
    if (!dy_tabari_phrase(c->b, phrase, strlen(phrase), false, false, &r.ph, msg, sizeof msg)) {
        diag(c, 1, "%s", msg);
        return;
    }
    if (r.ph.el[0].kind != DY_EL_WORD) {
        diag(c, 1, "verb must start with a word", NULL);
        return;
    }
    r.type = DY_RT_VERB;
    r.id = verb;
    r.clen = letters(&r.ph);
    r.text = adup(c->b, phrase, strlen(phrase));
    dy_dict_add_root(c->b, &r);
}

static void parse_verbs(ctx_t *c, char *buf)
{
    int sect = DY_VS_VERB;
    bool in_syn = false;
    int cur_syn = -1;
    bool have_verb = false;
    uint32_t verb = 0;
    char *save = NULL;
    c->line = 0;
    for (char *ln = buf; ln; ln = save) {
        char *nl = strchr(ln, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        c->line++;
        if (strlen(ln) >= MAX_LINE) {
            diag(c, 1, "line longer than %s bytes", "4096");
            continue;
        }
        char line[MAX_LINE + 2]; /* + room for split_entry to open a gap */
        strcpy(line, ln);
        char *t = trim(line);
        if (strncmp(t, "~~", 2) == 0)
            break;
        if (!*t || t[0] == '#' || t[0] == '/')
            continue;
        upcase(t);
        if (t[0] == '<') {
            if (strncmp(t, "<SYNSET", 7) == 0)
                in_syn = true;
            else if (strncmp(t, "</SYNSET", 8) == 0)
                in_syn = false;
            else if (strncmp(t, "<TIME>", 6) == 0) {
                sect = DY_VS_TIME;
                dy_dict_builder_mark(c->b, true, false);
            } else if (strncmp(t, "<ATTRIB", 7) == 0) {
                sect = DY_VS_ATTRIB;
                dy_dict_builder_mark(c->b, false, true);
            } else if (strncmp(t, "</", 2) == 0)
                sect = DY_VS_VERB;
            else
                diag(c, 1, "unknown section %s", t);
            have_verb = false;
            continue;
        }
        char msg[256];
        if (in_syn) {
            char *semi = strchr(t, ';');
            if (semi)
                *semi = '\0';
            t = trim(t);
            if (t[0] == '&') {
                if (dy_dict_find_synset(c->b, t) >= 0) {
                    cur_syn = dy_dict_find_synset(c->b, t);
                    continue;
                }
                cur_syn = (int)dy_dict_add_synset(c->b, t);
            } else if (t[0] == '+') {
                if (cur_syn < 0) {
                    diag(c, 1, "synset member before any &NAME", NULL);
                    continue;
                }
                hyphens(t + 1);
                dy_seq q;
                if (!dy_tabari_phrase(c->b, t + 1, strlen(t + 1), true, true, &q, msg, sizeof msg)) {
                    diag(c, 2, "%s", msg);
                    continue;
                }
                dy_dict_synset_add(c->b, (uint32_t)cur_syn, &q);
            } else
                diag(c, 1, "expected '&NAME' or '+member' in <SYNSETS>", NULL);
            continue;
        }
        if (t[0] == '{') {
            if (!have_verb) {
                diag(c, 1, "verb forms with no verb before them", NULL);
                continue;
            }
            char *rb = strchr(t, '}');
            if (!rb) {
                diag(c, 1, "missing '}' in verb forms", NULL);
                continue;
            }
            *rb = '\0';
            hyphens(t + 1);
            int nforms = 0;
            for (char *f = strtok(t + 1, " \t"); f; f = strtok(NULL, " \t")) {
                add_verb_root(c, f, verb);
                nforms++;
            }
            if (!nforms)
                diag(c, 1, "no verb forms inside {...}", NULL);
            continue;
        }
        char *ph, *codes;
        if (t[0] == '-' && (t[1] == ' ' || t[1] == '\t')) {
            if (!have_verb) {
                diag(c, 1, "pattern with no verb before it", NULL);
                continue;
            }
            split_entry(t + 1, &ph, &codes);
            if (!codes && sect == DY_VS_ATTRIB) {
                /* attribution patterns need no code */
                hyphens(ph);
                add_verb_pattern(c, verb, ph, "");
                continue;
            }
            if (!codes) {
                diag(c, 1, "missing '[' code block", NULL);
                continue;
            }
            char *r = strchr(codes, ']');
            if (!r) {
                diag(c, 1, "missing ']'", NULL);
                continue;
            }
            *r = '\0';
            hyphens(ph);
            add_verb_pattern(c, verb, ph, codes + 1);
            continue;
        }
        /* a root */
        split_entry(t, &ph, &codes);
        hyphens(ph);
        if (!*ph) {
            diag(c, 1, "missing phrase", NULL);
            have_verb = false;
            continue;
        }
        dy_verb v = {0};
        v.sect = (uint8_t)sect;
        v.at.file = c->file;
        v.at.line = c->line;
        dy_ecode ec = {0};
        ec.kind = DY_EC_NULL;
        if (codes) {
            char *r = strchr(codes, ']');
            if (!r) {
                diag(c, 1, "missing ']'", NULL);
                have_verb = false;
                continue;
            }
            *r = '\0';
            parse_ecode(c, codes + 1, &ec);
        } else if (sect == DY_VS_VERB) {
            diag(c, 1, "verb '%s' has no code", ph);
        } else
            ec.kind = DY_EC_NONE;
        v.code = ec;
        verb = dy_dict_add_verb(c->b, &v);
        have_verb = true;
        add_verb_root(c, ph, verb);
    }
}

static void parse_options(ctx_t *c, char *buf)
{
    char *save = NULL;
    c->line = 0;
    for (char *ln = buf; ln; ln = save) {
        char *nl = strchr(ln, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        c->line++;
        char msg[256];
        if (dy_opts_apply(dy_dict_builder_opts(c->b), ln, msg, sizeof msg) < 0)
            diag(c, 1, "%s", msg);
    }
}

void dy_tabari_parse(dy_dict_builder *b, int kind, const char *file, const char *buf, size_t len,
                     dy_load_opts *lo)
{
    dy_tabari_parse_dialect(b, kind, file, buf, len, lo, false);
}

char *dy_tabari_text_copy(const char *buf, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, buf, len);
    copy[len] = '\0';
    /* NUL bytes inside a dictionary become blanks so lines stay whole */
    for (size_t i = 0; i < len; i++)
        if (copy[i] == '\0')
            copy[i] = ' ';
    return copy;
}

void dy_tabari_parse_dialect(dy_dict_builder *b, int kind, const char *file, const char *buf, size_t len,
                             dy_load_opts *lo, bool petr)
{
    ctx_t c = {b, adup(b, file, strlen(file)), 0, lo, petr};
    char *copy = dy_tabari_text_copy(buf, len);
    if (!copy) {
        dy_dict_builder_fail(b);
        return;
    }
    switch (kind) {
    case DY_TK_ACTORS: parse_actors(&c, copy, false); break;
    case DY_TK_AGENTS: parse_actors(&c, copy, true); break;
    case DY_TK_VERBS: parse_verbs(&c, copy); break;
    case DY_TK_OPTIONS: parse_options(&c, copy); break;
    default: break;
    }
    free(copy);
}
