/* petrarch.c: PETRARCH dictionary formats (PETRARCH2 docs, dictionaries.rst).
 *
 *   verbs    := (synset | block | transformation)*
 *   synset   := '&' LABEL ('+' member)*              members: consecutive words
 *   block    := '---' NAME '[' code ']' '---' (verb | pattern)*
 *   verb     := ['+']WORD[_WORD...] ['{' form* '}'] ['[' code ']']   ('+' marks the verb word)
 *   pattern  := '-' element* '*' element* '[' code ']'
 *               element: WORD | '{' WORD+ '}' (head last) | '(' PREP WORD+ ')' | &SYN | $ + % ^
 *   transformation := '~' slot '(' slot slot VERB ')' VERB '=' slot slot CODE
 *                     slot := 'a' | 'b' | '.' | '_'; VERB or CODE may be 'Q'
 *   agents   := ('!' SET '!' '=' item (',' item)* | phrase ['{' plural* '}'] '[' code ']')*
 *   discards := ['+'] phrase                         ('+': the whole story)
 *   issues   := '<ISSUE CATEGORY="..">' (['~'] phrase ['[' code ']'])* '</ISSUE>'
 * Comments: '#' to the end of a line, and <!-- ... --> blocks. */
#include "petrarch.h"
#include "tabari.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLINE 4096 /* longest line accepted */

int dy_petr_kind_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char low[256];
    size_t n = 0;
    for (; base[n] && n < sizeof low - 1; n++)
        low[n] = (char)tolower((unsigned char)base[n]);
    low[n] = '\0';
    if (strstr(low, "verb") || strncmp(low, "cameo", 5) == 0)
        return DY_PK_VERBS;
    if (strstr(low, "actor"))
        return DY_PK_ACTORS;
    if (strstr(low, "agent"))
        return DY_PK_AGENTS;
    if (strstr(low, "discard"))
        return DY_PK_DISCARDS;
    if (strstr(low, "issue"))
        return DY_PK_ISSUES;
    return DY_PK_UNKNOWN;
}

typedef struct {
    dy_dict_builder *b;
    const char *file;
    unsigned line;
    dy_load_opts *lo;
    bool in_comment; /* inside <!-- ... --> */
} pctx;

static void pdiag(pctx *c, const char *fmt, const char *arg)
{
    char m[512];
    snprintf(m, sizeof m, fmt, arg ? arg : "");
    if (c->lo) {
        c->lo->nerrors++;
        if (c->lo->diag)
            c->lo->diag(c->lo->diag_ctx, c->file, c->line, 1, m);
    }
}

/* Cuts a "{...}" list (verb forms, plurals) off line t: *list is its
 * inside, NULL when there is none; false (reported) when it is not closed. */
static bool split_braces(pctx *c, char *t, char **list, const char *what)
{
    *list = NULL;
    char *lb = strchr(t, '{');
    if (!lb)
        return true;
    char *rb = strchr(lb, '}');
    if (!rb) {
        pdiag(c, "missing '}' in %s", what);
        return false;
    }
    *rb = '\0';
    *lb = '\0';
    *list = lb + 1;
    return true;
}

static char *ptrim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Strips comments and upper-cases; returns the trimmed line ("" to skip). */
static char *clean(pctx *c, char *line)
{
    if (c->in_comment) {
        char *e = strstr(line, "-->");
        if (!e)
            return line + strlen(line);
        c->in_comment = false;
        line = e + 3;
    }
    for (;;) {
        char *xc = strstr(line, "<!--");
        if (!xc)
            break;
        char *e = strstr(xc, "-->");
        if (!e) {
            c->in_comment = true;
            *xc = '\0';
            break;
        }
        memmove(xc, e + 3, strlen(e + 3) + 1);
    }
    char *h = strchr(line, '#');
    if (h)
        *h = '\0';
    for (char *p = line; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return ptrim(line);
}

/* The next non-empty line of the buffer at *cur, comments stripped and
 * upper-cased, in line[]; NULL at the end. Overlong lines are reported. */
static char *next_line(pctx *c, char **cur, char line[PLINE])
{
    while (*cur) {
        char *ln = *cur;
        char *nl = strchr(ln, '\n');
        *cur = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        c->line++;
        if (strlen(ln) >= PLINE) {
            pdiag(c, "line longer than 4096 bytes", NULL);
            continue;
        }
        strcpy(line, ln);
        char *t = clean(c, line);
        if (*t)
            return t;
    }
    return NULL;
}

static char *pdup(pctx *c, const char *s, size_t n)
{
    return dy_arena_strndup(dy_dict_builder_arena(c->b), s, n);
}

/* Consecutive words of a phrase ("A_B C" -> A B C, all joined) as
 * elements: every word exact; the last takes noun endings when plural. */
static bool consecutive(pctx *c, const char *s, bool plural, dy_seq *out)
{
    dy_el tmp[64];
    int k = 0;
    const char *p = s;
    while (*p && k < 64) {
        while (*p == ' ' || *p == '_')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '_')
            p++;
        dy_el e = {0};
        size_t wl = (size_t)(p - w);
        if (w[0] == '&') {
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)wl, w);
            int sy = dy_dict_find_synset(c->b, name);
            if (sy < 0) {
                pdiag(c, "unknown synset %s", name);
                return false;
            }
            e.kind = DY_EL_SYN;
            e.syn = (uint32_t)sy;
        } else {
            e.kind = DY_EL_WORD;
            e.w = pdup(c, w, wl);
            e.len = (uint16_t)wl;
            e.flags = DY_EL_EXACT | DY_EL_STRICT | DY_EL_ADJ;
        }
        tmp[k++] = e;
    }
    if (k == 0)
        return false;
    tmp[k - 1].flags &= (uint8_t)~DY_EL_ADJ;
    if (plural && tmp[k - 1].kind == DY_EL_WORD)
        tmp[k - 1].flags = DY_EL_EXACT | DY_EL_NOUNEND;
    out->el = dy_arena_alloc(dy_dict_builder_arena(c->b), (size_t)k * sizeof *out->el);
    if (!out->el)
        return false;
    memcpy(out->el, tmp, (size_t)k * sizeof *tmp);
    out->n = (uint16_t)k;
    return true;
}

/* Irregular plural spellings that endings do not cover: -Y -> -IES, -SS -> -SSES. */
static bool plural_variant(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n >= 2 && w[n - 1] == 'Y' && !strchr("AEIOU", w[n - 2]))
        return snprintf(out, cap, "%.*sIES", (int)(n - 1), w) < (int)cap;
    if (n >= 2 && w[n - 1] == 'S' && w[n - 2] == 'S')
        return snprintf(out, cap, "%sES", w) < (int)cap;
    return false;
}

/* ---- verbs ---- */

typedef struct {
    int syn;          /* current synset, -1 none */
    bool syn_plural;  /* members take plurals (label without trailing '_') */
    bool in_block;
    uint32_t verb;    /* the block's verb record */
    int last;         /* 0 nothing, 1 synset, 2 block/verb */
} vstate;

static void add_member(pctx *c, vstate *st, char *m)
{
    bool plural = st->syn_plural;
    size_t n = strlen(m);
    if (n && m[n - 1] == '_') {
        plural = false;
        m[--n] = '\0';
    }
    dy_seq q;
    if (!consecutive(c, m, plural, &q))
        return;
    dy_dict_synset_add(c->b, (uint32_t)st->syn, &q);
    if (plural && q.el[q.n - 1].kind == DY_EL_WORD) {
        char v[256];
        if (plural_variant(q.el[q.n - 1].w, v, sizeof v)) {
            dy_seq q2 = q;
            q2.el = dy_arena_alloc(dy_dict_builder_arena(c->b), q.n * sizeof *q.el);
            if (!q2.el)
                return;
            memcpy(q2.el, q.el, q.n * sizeof *q.el);
            q2.el[q.n - 1].w = pdup(c, v, strlen(v));
            q2.el[q.n - 1].len = (uint16_t)strlen(v);
            q2.el[q.n - 1].flags = DY_EL_EXACT | DY_EL_STRICT;
            dy_dict_synset_add(c->b, (uint32_t)st->syn, &q2);
        }
    }
}

/* One verb phrase: '+' marks the verb word (regular forms) when regular. */
static void add_verb_phrase(pctx *c, const char *phrase, uint32_t verb, bool regular, const dy_ecode *code)
{
    /* pattern marks in a verb are a malformed line, not words to match */
    const char *bad = strpbrk(phrase, "*$%^()[]{}<>=");
    if (bad) {
        char ch[2] = {*bad, '\0'};
        pdiag(c, "unexpected '%s' in a verb", ch);
        return;
    }
    dy_el tmp[32];
    int k = 0;
    bool marked = strchr(phrase, '+') != NULL;
    const char *p = phrase;
    while (*p && k < 32) {
        while (*p == ' ' || *p == '_')
            p++;
        if (!*p)
            break;
        bool isverb = !marked;
        if (*p == '+') {
            isverb = true;
            p++;
        }
        const char *w = p;
        while (*p && *p != ' ' && *p != '_' && *p != '+')
            p++;
        if (p == w)
            continue;
        dy_el e = {0};
        e.kind = DY_EL_WORD;
        e.w = pdup(c, w, (size_t)(p - w));
        e.len = (uint16_t)(p - w);
        e.flags = DY_EL_EXACT | DY_EL_STRICT | DY_EL_ADJ;
        if (isverb && regular)
            e.flags = DY_EL_PVERB | DY_EL_ADJ;
        tmp[k++] = e;
        if (!marked)
            marked = true; /* only the first word of an unmarked phrase is the verb */
    }
    if (k == 0) {
        pdiag(c, "empty verb", NULL);
        return;
    }
    tmp[k - 1].flags &= (uint8_t)~DY_EL_ADJ;
    dy_root r = {0};
    r.ph.el = dy_arena_alloc(dy_dict_builder_arena(c->b), (size_t)k * sizeof *tmp);
    if (!r.ph.el)
        return;
    memcpy(r.ph.el, tmp, (size_t)k * sizeof *tmp);
    r.ph.n = (uint16_t)k;
    r.type = DY_RT_VERB;
    r.id = verb;
    for (int i = 0; i < k; i++)
        r.clen += tmp[i].len;
    r.text = pdup(c, phrase, strlen(phrase));
    r.code = code;
    dy_dict_add_root(c->b, &r);
}

/* "~ a (b . ATTACK) SAY = a b 112": reads one transformation. */
static void transform_line(pctx *c, char *t)
{
    char o[4], is[4], it[4], iv[32], ov[32], rs[4], rt[4], rc[16];
    for (char *p = t; *p; p++)
        if (*p == '(' || *p == ')' || *p == '=')
            *p = ' ';
    if (sscanf(t, "%3s %3s %3s %31s %31s %3s %3s %15s", o, is, it, iv, ov, rs, rt, rc) == 8) {
        /* the reader may have upper-cased the line: slots are letters */
        char *sl[] = {o, is, it, rs, rt};
        for (int k = 0; k < 5; k++)
            sl[k][0] = (char)tolower((unsigned char)sl[k][0]);
    } else
        o[0] = '\0';
    if (!o[0] || strcmp(o, "a") != 0 || !strchr("ab._", is[0]) || !strchr("ab._", it[0])
        || !strchr("ab", rs[0]) || !strchr("ab", rt[0]) || is[1] || it[1] || rs[1] || rt[1]) {
        pdiag(c, "transformation not understood: '~ %.200s'", t);
        return;
    }
    dy_transform x;
    memset(&x, 0, sizeof x);
    x.isrc = is[0];
    x.itgt = it[0];
    x.rsrc = rs[0];
    x.rtgt = rt[0];
    for (char *p = iv; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    for (char *p = ov; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    snprintf(x.iverb, sizeof x.iverb, "%s", iv);
    snprintf(x.overb, sizeof x.overb, "%s", ov);
    snprintf(x.rcode, sizeof x.rcode, "%s", rc);
    x.at.file = c->file;
    x.at.line = c->line;
    dy_dict_add_transform(c->b, &x);
}

static void verb_line(pctx *c, vstate *st, char *t)
{
    if (!st->in_block) {
        pdiag(c, "verb '%s' outside a --- block ---", t);
        return;
    }
    const dy_ecode *code = NULL;
    char *br = strchr(t, '[');
    if (br) {
        char *rb = strchr(br, ']');
        if (!rb) {
            pdiag(c, "missing ']'", NULL);
            return;
        }
        *rb = '\0';
        dy_ecode *ec = dy_arena_alloc(dy_dict_builder_arena(c->b), sizeof *ec);
        if (!ec)
            return;
        dy_tabari_ecode(c->b, br + 1, ec);
        code = ec;
        *br = '\0';
    }
    char *forms;
    if (!split_braces(c, t, &forms, "verb forms"))
        return;
    char *phrase = ptrim(t);
    if (!*phrase) {
        pdiag(c, "empty verb", NULL);
        return;
    }
    add_verb_phrase(c, phrase, st->verb, forms == NULL, code);
    if (forms)
        for (char *f = strtok(forms, " \t"); f; f = strtok(NULL, " \t"))
            add_verb_phrase(c, f, st->verb, false, code);
}

static void pattern_line(pctx *c, vstate *st, char *t)
{
    if (!st->in_block) {
        pdiag(c, "pattern outside a --- block ---", NULL);
        return;
    }
    char *br = strrchr(t, '[');
    char *rb = br ? strchr(br, ']') : NULL;
    if (!br || !rb) {
        pdiag(c, "pattern without a [code]", NULL);
        return;
    }
    *rb = '\0';
    dy_ecode ec;
    dy_tabari_ecode(c->b, br + 1, &ec);
    *br = '\0';
    if (ec.kind == DY_EC_COMPLEX)
        return; /* PETRARCH has no complexity filter: a +++ pattern codes nothing */
    /* phrase and preposition brackets only group words */
    for (char *p = t; *p; p++)
        if (*p == '(' || *p == ')' || *p == '{' || *p == '}')
            *p = ' ';
    char *body = ptrim(t);
    char msg[256];
    dy_seq q;
    if (!dy_tabari_phrase(c->b, body, strlen(body), true, true, &q, msg, sizeof msg)) {
        pdiag(c, "%s", msg);
        return;
    }
    /* PETRARCH does not stem, nor add endings to pattern words: a pattern
     * names the very form (EFFORT does not match EFFORTS) */
    for (uint16_t k = 0; k < q.n; k++)
        if (q.el[k].kind == DY_EL_WORD)
            q.el[k].flags |= DY_EL_EXACT | DY_EL_STRICT;
    dy_pattern p;
    if (!dy_tabari_pattern(&q, body, &p, msg, sizeof msg)) {
        pdiag(c, "%s", msg);
        return;
    }
    p.code = ec;
    /* normalized text: blanks collapsed, so that rewrites of one pattern
     * are recognised */
    char norm[PLINE];
    size_t nn = 0;
    for (const char *x = body; *x && nn < sizeof norm - 1; x++)
        if (!(*x == ' ' && (nn == 0 || norm[nn - 1] == ' ')))
            norm[nn++] = *x;
    norm[nn] = '\0';
    p.text = pdup(c, norm, nn);
    p.at.file = c->file;
    p.at.line = c->line;
    dy_dict_verb_set_pattern(c->b, st->verb, &p);
}

static void parse_verbs(pctx *c, char *buf)
{
    vstate st = {-1, true, false, 0, 0};
    char line[PLINE];
    char *cur = buf;
    for (char *t; (t = next_line(c, &cur, line)) != NULL;) {
        if (strncmp(t, "---", 3) == 0) {
            /* --- NAME [code] --- */
            dy_verb v = {0};
            v.code.kind = DY_EC_NULL;
            char *br = strchr(t, '[');
            if (br) {
                char *rb = strchr(br, ']');
                if (!rb) {
                    pdiag(c, "missing ']' in block header", NULL);
                    st.in_block = false;
                    continue;
                }
                *rb = '\0';
                dy_tabari_ecode(c->b, br + 1, &v.code);
            }
            v.sect = DY_VS_VERB;
            v.at.file = c->file;
            v.at.line = c->line;
            st.verb = dy_dict_add_verb(c->b, &v);
            st.in_block = true;
            st.last = 2;
            continue;
        }
        if (t[0] == '&') {
            size_t n = strcspn(t, " \t");
            t[n] = '\0';
            st.syn_plural = t[n - 1] != '_';
            if (!st.syn_plural)
                t[n - 1] = '\0';
            st.syn = dy_dict_find_synset(c->b, t);
            if (st.syn < 0)
                st.syn = (int)dy_dict_add_synset(c->b, t);
            st.last = 1;
            continue;
        }
        if (t[0] == '~') {
            transform_line(c, t + 1);
            continue;
        }
        if (t[0] == '-' && (t[1] == ' ' || t[1] == '\t')) {
            pattern_line(c, &st, t + 1);
            continue;
        }
        if (t[0] == '*' && (t[1] == ' ' || t[1] == '\t')) {
            /* "* (TO QUESTION) [110]": a pattern that lost its "- "; no
             * verb starts with '*', so it is read as the pattern it is */
            pdiag(c, "pattern without its leading '- ' (read as a pattern)", NULL);
            pattern_line(c, &st, t);
            continue;
        }
        if (t[0] == '+' && st.last == 1) {
            add_member(c, &st, ptrim(t + 1));
            continue;
        }
        verb_line(c, &st, t);
        st.last = 2;
    }
}

/* ---- agents ---- */

typedef struct {
    char name[64];   /* "!PERSON!" */
    char items[16][64];
    int n;
} subst_t;

static void add_agent_phrase(pctx *c, const char *phrase, uint32_t id, bool plural)
{
    char msg[256];
    dy_root r = {0};
    if (!dy_tabari_phrase(c->b, phrase, strlen(phrase), true, false, &r.ph, msg, sizeof msg)) {
        pdiag(c, "%s", msg);
        return;
    }
    /* PETRARCH does not stem: every word whole; the last takes plurals */
    for (uint16_t k = 0; k < r.ph.n; k++)
        r.ph.el[k].flags |= DY_EL_EXACT | (k + 1 < r.ph.n || !plural ? DY_EL_STRICT : 0);
    r.type = DY_RT_AGENT;
    r.id = id;
    for (uint16_t k = 0; k < r.ph.n; k++)
        r.clen += r.ph.el[k].len;
    r.text = pdup(c, phrase, strlen(phrase));
    dy_dict_add_root(c->b, &r);
    char v[256];
    if (plural && plural_variant(r.ph.el[r.ph.n - 1].w, v, sizeof v)) {
        dy_root r2 = r;
        r2.ph.el = dy_arena_alloc(dy_dict_builder_arena(c->b), r.ph.n * sizeof *r.ph.el);
        if (!r2.ph.el)
            return;
        memcpy(r2.ph.el, r.ph.el, r.ph.n * sizeof *r.ph.el);
        r2.ph.el[r.ph.n - 1].w = pdup(c, v, strlen(v));
        r2.ph.el[r.ph.n - 1].len = (uint16_t)strlen(v);
        r2.ph.el[r.ph.n - 1].flags |= DY_EL_STRICT;
        dy_dict_add_root(c->b, &r2);
    }
}

static void parse_agents(pctx *c, char *buf)
{
    subst_t *subs = calloc(16, sizeof *subs);
    if (!subs) {
        dy_dict_builder_fail(c->b);
        return;
    }
    int nsub = 0;
    char line[PLINE];
    char *cur = buf;
    for (char *t; (t = next_line(c, &cur, line)) != NULL;) {
        if (t[0] == '!' && strchr(t, '=')) {
            /* !SET! = A, B, C */
            char *eq = strchr(t, '=');
            *eq = '\0';
            char *name = ptrim(t);
            if (nsub >= 16 || strlen(name) >= sizeof subs[0].name) {
                pdiag(c, "too many substitution sets", NULL);
                continue;
            }
            subst_t *sb = &subs[nsub++];
            snprintf(sb->name, sizeof sb->name, "%s", name);
            for (char *it = strtok(eq + 1, ","); it; it = strtok(NULL, ",")) {
                if (sb->n == 16) {
                    pdiag(c, "substitution set %s has more than 16 items: the rest are ignored", sb->name);
                    break;
                }
                char *x = ptrim(it);
                snprintf(sb->items[sb->n++], sizeof sb->items[0], "%.63s", x);
            }
            continue;
        }
        char *br = strchr(t, '[');
        char *rb = br ? strchr(br, ']') : NULL;
        if (!br || !rb) {
            pdiag(c, "agent without a [code]", NULL);
            continue;
        }
        *rb = '\0';
        char *code = ptrim(br + 1);
        char *tl = strchr(code, '~');
        if (!tl) {
            pdiag(c, "agent code '%s' lacks the '~' connector", code);
            continue;
        }
        *br = '\0';
        char *forms;
        if (!split_braces(c, t, &forms, "plurals"))
            continue;
        char *phrase = ptrim(t);
        for (char *h = phrase; *h; h++)
            if (*h == '-')
                *h = '_';
        if (!*phrase) {
            pdiag(c, "agent without a phrase", NULL);
            continue;
        }
        dy_agent a = {0};
        a.prefix = tl != code;
        if (a.prefix)
            *tl = '\0';
        const char *cd = a.prefix ? code : tl + 1;
        while (*cd == ' ')
            cd++;
        a.code = pdup(c, cd, strlen(cd));
        a.at.file = c->file;
        a.at.line = c->line;
        uint32_t id = dy_dict_add_agent(c->b, &a);
        /* substitution markers expand into one phrase per item */
        char *mark = strchr(phrase, '!');
        const subst_t *sb = NULL;
        if (mark)
            for (int i = 0; i < nsub; i++)
                if (strncmp(mark, subs[i].name, strlen(subs[i].name)) == 0)
                    sb = &subs[i];
        if (mark && !sb) {
            pdiag(c, "unknown substitution marker in '%s'", phrase);
            continue;
        }
        if (sb) {
            for (int i = 0; i < sb->n; i++) {
                char x[PLINE];
                snprintf(x, sizeof x, "%.*s%s%s", (int)(mark - phrase), phrase, sb->items[i],
                         mark + strlen(sb->name));
                add_agent_phrase(c, x, id, false);
            }
            continue;
        }
        add_agent_phrase(c, phrase, id, forms == NULL);
        if (forms)
            for (char *f = strtok(forms, " \t"); f; f = strtok(NULL, " \t"))
                add_agent_phrase(c, f, id, false);
    }
    free(subs);
}

/* ---- discards and issues ---- */

/* Discard and issue phrases are found through the root index (by their
 * first word), so a sentence is not compared with every phrase. */
static void add_lookup_root(pctx *c, const dy_seq *ph, int type, uint32_t id)
{
    dy_root r = {0};
    r.ph = *ph;
    r.type = (uint8_t)type;
    r.id = id;
    for (uint16_t k = 0; k < ph->n; k++)
        r.clen += ph->el[k].len;
    dy_dict_add_root(c->b, &r);
}

static bool word_seq(pctx *c, const char *s, bool last_stem, uint8_t last_flags, dy_seq *out)
{
    dy_el tmp[64];
    int k = 0;
    const char *p = s;
    while (*p && k < 64) {
        while (*p == ' ' || *p == '_' || *p == '-' || *p == '+')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '_' && *p != '-' && *p != '+')
            p++;
        dy_el e = {0};
        e.kind = DY_EL_WORD;
        e.w = pdup(c, w, (size_t)(p - w));
        e.len = (uint16_t)(p - w);
        e.flags = DY_EL_EXACT | DY_EL_STRICT | DY_EL_ADJ;
        tmp[k++] = e;
    }
    if (k == 0)
        return false;
    tmp[k - 1].flags = last_stem ? 0 : DY_EL_EXACT | DY_EL_STRICT;
    tmp[k - 1].flags |= last_flags;
    out->el = dy_arena_alloc(dy_dict_builder_arena(c->b), (size_t)k * sizeof *tmp);
    if (!out->el)
        return false;
    memcpy(out->el, tmp, (size_t)k * sizeof *tmp);
    out->n = (uint16_t)k;
    return true;
}

static void parse_discards(pctx *c, char *buf)
{
    char line[PLINE];
    char *cur = buf;
    for (char *t; (t = next_line(c, &cur, line)) != NULL;) {
        char *semi = strchr(t, ';');
        if (semi)
            *semi = '\0';
        dy_discard x = {0};
        if (t[0] == '+') {
            x.story = true;
            t++;
        }
        t = ptrim(t);
        size_t n = strlen(t);
        bool exact = n && t[n - 1] == '_';
        if (!word_seq(c, t, !exact, 0, &x.ph)) {
            pdiag(c, "empty discard phrase", NULL);
            continue;
        }
        x.at.file = c->file;
        x.at.line = c->line;
        add_lookup_root(c, &x.ph, DY_RT_DISCARD, dy_dict_add_discard(c->b, &x));
    }
}

static void parse_issues(pctx *c, char *buf)
{
    char category[128] = "";
    char line[PLINE];
    char *cur = buf;
    for (char *t; (t = next_line(c, &cur, line)) != NULL;) {
        if (strncmp(t, "<ISSUE", 6) == 0) {
            char *q = strchr(t, '"');
            char *q2 = q ? strchr(q + 1, '"') : NULL;
            if (!q || !q2) {
                pdiag(c, "<ISSUE> without CATEGORY=\"...\"", NULL);
                continue;
            }
            snprintf(category, sizeof category, "%.*s", (int)(q2 - q - 1), q + 1);
            continue;
        }
        if (strncmp(t, "</ISSUE", 7) == 0) {
            category[0] = '\0';
            continue;
        }
        dy_issue x = {0};
        bool ignore = t[0] == '~';
        while (*t == '~')
            t++;
        char *br = strchr(t, '[');
        if (br) {
            char *rb = strchr(br, ']');
            if (!rb) {
                pdiag(c, "missing ']'", NULL);
                continue;
            }
            *rb = '\0';
            x.code = pdup(c, ptrim(br + 1), strlen(ptrim(br + 1)));
            *br = '\0';
        } else if (!ignore && category[0])
            x.code = pdup(c, category, strlen(category));
        else if (!ignore) {
            pdiag(c, "issue phrase without a code or category", NULL);
            continue;
        }
        if (ignore)
            x.code = NULL;
        /* n: and v: mark the word that takes noun or verb endings */
        char phrase[PLINE];
        size_t k = 0;
        uint8_t last_flags = 0;
        for (char *p = ptrim(t); *p && k < sizeof phrase - 1; p++) {
            if ((p[0] == 'N' || p[0] == 'V') && p[1] == ':' && (p == t || p[-1] == ' ')) {
                last_flags = p[0] == 'N' ? DY_EL_NOUNEND : 0;
                p++;
                continue;
            }
            phrase[k++] = *p;
        }
        phrase[k] = '\0';
        if (!word_seq(c, phrase, false, 0, &x.ph)) {
            pdiag(c, "empty issue phrase", NULL);
            continue;
        }
        if (last_flags || strstr(t, "V:") || strstr(t, "N:")) {
            /* allow regular endings on the marked (last) word */
            x.ph.el[x.ph.n - 1].flags = DY_EL_EXACT | last_flags;
        }
        x.at.file = c->file;
        x.at.line = c->line;
        add_lookup_root(c, &x.ph, DY_RT_ISSUE, dy_dict_add_issue(c->b, &x));
    }
}

void dy_petr_parse(dy_dict_builder *b, int kind, const char *file, const char *buf, size_t len,
                   dy_load_opts *lo)
{
    /* the coding rules follow the dictionaries that drive them: actors,
     * agents and verbs (discards and issues work with either family) */
    if (kind == DY_PK_VERBS || kind == DY_PK_ACTORS || kind == DY_PK_AGENTS)
        dy_dict_builder_mark_petr(b);
    if (kind == DY_PK_ACTORS) {
        dy_tabari_parse_dialect(b, DY_TK_ACTORS, file, buf, len, lo, true);
        return;
    }
    pctx c = {b, dy_arena_strndup(dy_dict_builder_arena(b), file, strlen(file)), 0, lo, false};
    char *copy = dy_tabari_text_copy(buf, len);
    if (!copy) {
        dy_dict_builder_fail(b);
        return;
    }
    switch (kind) {
    case DY_PK_VERBS:
        /* PETRARCH reads "not" off the parse: negated verbs are refusals */
        dy_dict_builder_opts(b)->negation = true;
        parse_verbs(&c, copy);
        break;
    case DY_PK_AGENTS: parse_agents(&c, copy); break;
    case DY_PK_DISCARDS: parse_discards(&c, copy); break;
    case DY_PK_ISSUES: parse_issues(&c, copy); break;
    default: break;
    }
    free(copy);
}
