/* options.c: parser for TABARI .options command lines.
 *
 * Grammar (one command per line; keyword matched on its first four letters,
 * case-insensitive, as TABARI does):
 *   SET: <param> [= <value>]     COMMA: OFF | MIN=n MAX=n EMIN=n EMAX=n BMIN=n BMAX=n
 *   COMPLEX: VERBS[n] ACTORS[n] PRONOUNS[n] CONJ[n] COMMA[n] LATEVERB[n] NOACTPRIOR ...
 *   DEFAULT: OFF | SOURCE [code] [PRIOR] TARGET [code] [AFTER]
 *   NONEVENTS: TRUE|FALSE|ONLY   LABEL:, OUTPUT:, FORWARD: (accepted) */
#include "options.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dy_opts_default(dy_opts *o)
{
    memset(o, 0, sizeof *o);
    o->code_by = DY_CODEBY_CLAUSE;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->comma_bmin = 128;
    o->comma_bmax = 0;
    o->min_words = DY_DEFAULT_MIN_WORDS;
    o->time_shift = -1;
}

/* Upper-cased copy with comments ("//", '#') cut off. */
static void normalize(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = in; *p && n + 1 < cap; p++) {
        if (*p == '#' || (p[0] == '/' && p[1] == '/'))
            break;
        out[n++] = (char)toupper((unsigned char)*p);
    }
    out[n] = '\0';
}

static bool truth(const char *v)
{
    while (*v == ' ' || *v == '=' || *v == '\t')
        v++;
    return *v == 'T' || *v == 'Y' || *v == '1';
}

/* Reads "NAME[n]" or "NAME = n" after the word NAME in s; -1 if absent. */
static int num_after(const char *s, const char *name)
{
    const char *p = strstr(s, name);
    if (!p)
        return -1;
    p += strlen(name);
    while (*p == ' ' || *p == '=' || *p == '[' || *p == '\t')
        p++;
    if (!isdigit((unsigned char)*p))
        return -1;
    return atoi(p);
}

/* Finds a whole word (not part of a longer word). */
static const char *find_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = strstr(s, w); p; p = strstr(p + 1, w)) {
        bool left = p == s || !isalpha((unsigned char)p[-1]);
        bool right = !isalpha((unsigned char)p[n]);
        if (left && right)
            return p;
    }
    return NULL;
}

static void copy_code(char *dst, const char *s)
{
    /* s points at "[CODE]" possibly after blanks */
    size_t n = 0;
    while (*s == ' ' || *s == ':' || *s == '\t')
        s++;
    if (*s == '[')
        s++;
    while (*s == ' ')
        s++;
    while (*s && *s != ']' && *s != ' ' && n < 15)
        dst[n++] = *s++;
    dst[n] = '\0';
}

static int set_cmd(dy_opts *o, const char *a, char *msg, int msglen)
{
    if (strstr(a, "CODE BY") || strstr(a, "CODE ALL")) {
        if (strstr(a, "SENTENCE"))
            o->code_by = DY_CODEBY_SENTENCE;
        else if (strstr(a, "ALL"))
            o->code_by = DY_CODEBY_ALL;
        else
            o->code_by = DY_CODEBY_CLAUSE;
        return 0;
    }
    const char *eq = strchr(a, '=');
    const char *val = eq ? eq + 1 : "";
    if (strstr(a, "MINIMUM WORDS")) {
        while (*val == ' ')
            val++;
        if (!isdigit((unsigned char)*val)) {
            snprintf(msg, (size_t)msglen, "MINIMUM WORDS needs a number");
            return -1;
        }
        o->min_words = atoi(val);
    } else if (strstr(a, "CONVERT AGENT"))
        o->convert_agents = truth(val);
    else if (strstr(a, "YYYY"))
        o->yyyy = truth(val);
    else if (strstr(a, "TIME SHIFT"))
        o->time_shift = truth(val) ? 1 : 0;
    else if (strstr(a, "FBIS"))
        o->fbis = truth(val);
    else if (strstr(a, "NEGATION"))
        o->negation = truth(val);
    else if (strstr(a, "SPECULATION"))
        o->speculation = truth(val);
    else if (strstr(a, "OWN ACTS"))
        o->own_acts = truth(val);
    else if (strstr(a, "SUBORDINATE"))
        o->subordinate = truth(val);
    else if (strstr(a, "PLACES"))
        o->places = truth(val);
    else if (strstr(a, "DOMESTIC"))
        o->domestic = truth(val);
    else if (strstr(a, "NEITHER"))
        o->neither = truth(val);
    else if (strstr(a, "MUTUAL"))
        o->mutual = truth(val);
    else if (strstr(a, "CAPTIONS"))
        o->captions = truth(val);
    else if (strstr(a, "AGREEMENT"))
        o->agreement = truth(val);
    else if (strstr(a, "NAMES"))
        o->names = truth(val);
    else if (strstr(a, "SYNTAX")) {
        if (strstr(val, "PARSE"))
            o->syntax = DY_SYNTAX_PARSE;
        else if (strstr(val, "LINEAR"))
            o->syntax = DY_SYNTAX_LINEAR;
        else {
            snprintf(msg, (size_t)msglen, "SYNTAX is PARSE or LINEAR");
            return -1;
        }
    }
    /* LABEL, USAGE, DUP WARNING, SKIP RECORDS, HAIKU, ALLCAPS, CHECK DOMINANT
     * concern TABARI's interactive program or its output files: accepted. */
    return 0;
}

int dy_opts_apply(dy_opts *o, const char *line, char *msg, int msglen)
{
    char s[512];
    normalize(line, s, sizeof s);
    char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p || strncmp(p, "~~", 2) == 0)
        return 0;
    char *colon = strchr(p, ':');
    if (!colon) {
        snprintf(msg, (size_t)msglen, "option line without ':'");
        return -1;
    }
    char *args = colon + 1;
    if (strncmp(p, "SET", 3) == 0)
        return set_cmd(o, args, msg, msglen);
    if (strncmp(p, "COMM", 4) == 0) {
        if (find_word(args, "OFF")) {
            o->comma_off = true;
            return 0;
        }
        o->comma_off = false;
        int v;
        if ((v = num_after(args, "EMIN")) >= 0) o->comma_emin = v;
        if ((v = num_after(args, "EMAX")) >= 0) o->comma_emax = v;
        if ((v = num_after(args, "BMIN")) >= 0) o->comma_bmin = v;
        if ((v = num_after(args, "BMAX")) >= 0) o->comma_bmax = v;
        /* plain MIN/MAX: find occurrences not preceded by E or B */
        for (char *q = args; (q = strstr(q, "MIN")) != NULL; q += 3)
            if (q == args || (q[-1] != 'E' && q[-1] != 'B')) {
                if ((v = num_after(q, "MIN")) >= 0) o->comma_min = v;
                break;
            }
        for (char *q = args; (q = strstr(q, "MAX")) != NULL; q += 3)
            if (q == args || (q[-1] != 'E' && q[-1] != 'B')) {
                if ((v = num_after(q, "MAX")) >= 0) o->comma_max = v;
                break;
            }
        return 0;
    }
    if (strncmp(p, "COMP", 4) == 0) {
        o->cx_verbs = o->cx_actors = o->cx_pronouns = o->cx_conj = 0;
        o->cx_comma = o->cx_lateverb = 0;
        o->cx_noactprior = o->cx_noactafter = o->cx_noverb = false;
        o->cx_nosource = o->cx_notarget = o->cx_noevent = o->cx_explain = false;
        int v;
        if ((v = num_after(args, "VERBS")) >= 0) o->cx_verbs = v;
        if ((v = num_after(args, "ACTORS")) >= 0) o->cx_actors = v;
        if ((v = num_after(args, "PRONOUNS")) >= 0) o->cx_pronouns = v;
        if ((v = num_after(args, "CONJ")) >= 0) o->cx_conj = v;
        if ((v = num_after(args, "COMMA")) >= 0) o->cx_comma = v;
        if ((v = num_after(args, "LATEVERB")) >= 0) o->cx_lateverb = v;
        o->cx_noactprior = find_word(args, "NOACTPRIOR") != NULL;
        o->cx_noactafter = find_word(args, "NOACTAFTER") != NULL;
        o->cx_noverb = find_word(args, "NOVERB") != NULL;
        o->cx_nosource = find_word(args, "NOSOURCE") != NULL;
        o->cx_notarget = find_word(args, "NOTARGET") != NULL;
        o->cx_noevent = find_word(args, "NOEVENT") != NULL;
        o->cx_explain = find_word(args, "EXPLAIN") != NULL;
        return 0;
    }
    if (strncmp(p, "DEFA", 4) == 0) {
        if (find_word(args, "OFF")) {
            o->def_src[0] = o->def_tgt[0] = '\0';
            o->def_src_prior = o->def_tgt_after = false;
            return 0;
        }
        const char *src = find_word(args, "SOURCE");
        const char *tgt = find_word(args, "TARGET");
        if (!src && !tgt) {
            snprintf(msg, (size_t)msglen, "DEFAULT needs SOURCE or TARGET");
            return -1;
        }
        if (src)
            copy_code(o->def_src, src + 6);
        if (tgt)
            copy_code(o->def_tgt, tgt + 6);
        o->def_src_prior = find_word(args, "PRIOR") != NULL;
        o->def_tgt_after = find_word(args, "AFTER") != NULL;
        return 0;
    }
    if (strncmp(p, "NONE", 4) == 0) {
        o->nonevents = strstr(args, "ONLY") ? 2 : truth(args) ? 1 : 0;
        return 0;
    }
    if (strncmp(p, "FORW", 4) == 0) {
        /* FORWARD: <format> [DOC] [OFF]; the format keeps its own case-free
         * characters ^ * N S */
        const char *f = args;
        while (*f == ' ' || *f == '\t')
            f++;
        size_t n = strcspn(f, " \t");
        if (n == 0 || n >= sizeof o->fwd_fmt) {
            snprintf(msg, (size_t)msglen, "FORWARD needs a sequence format");
            return -1;
        }
        memcpy(o->fwd_fmt, f, n);
        o->fwd_fmt[n] = '\0';
        o->forward = !find_word(args, "OFF");
        return 0;
    }
    if (strncmp(p, "LABE", 4) == 0 || strncmp(p, "OUTP", 4) == 0 || strncmp(p, "ISSU", 4) == 0
        || strncmp(p, "FREQ", 4) == 0)
        return 0;
    snprintf(msg, (size_t)msglen, "unknown option command");
    return -1;
}
