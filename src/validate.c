/* validate.c: TABARI validation suite runner.
 *
 * Record grammar (TABARI manual 4.3 and 10.1):
 *   record  := dateline text-line* blank-line
 *   dateline:= digit+ blank id
 *   text    := sentence [comment-open comment comment-close]   (C-style delimiters)
 *   comment := (text | '{' check '}' | '-{' ...)*
 *   check   := '---' | '###' | '+++' | 'OPTION:' option-line | src '/' tgt '/' code
 * Blocks of lines that do not start with a digit are comments. */
#include "../include/dyad.h"
#include "dict.h"
#include "tabari.h"
#include "code.h"
#include "petrxml.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXPECT 64

typedef struct {
    char ev[MAX_EXPECT][96]; /* "SRC/TGT/CODE" */
    int nev;
    bool none, discard, complex; /* {---} {###} {+++} */
    bool partial;                /* -{ : the record is not checked (TABARI) */
    bool any;                    /* has at least one check */
    int32_t date;                /* date after the first event check, 0 none */
    int nopt;                    /* {OPTION: ...} commands */
    int badopt;                  /* of which malformed */
} expect_t;

static void squeeze(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        if (!isspace((unsigned char)s[i]))
            out[k++] = (char)toupper((unsigned char)s[i]);
    out[k] = '\0';
}

/* Parses the checks in a comment; options are applied to the coder. */
static void parse_checks(const char *cm, expect_t *ex, dy_coder *c)
{
    for (const char *p = cm; (p = strchr(p, '{')) != NULL; p++) {
        if (p > cm && p[-1] == '-') {
            ex->partial = true;
            ex->any = true;
            break;
        }
        const char *q = p + 1;
        while (*q == ' ' || *q == '\t')
            q++;
        if (strncmp(q, "OPTION:", 7) == 0) {
            const char *e = strchr(q, '}');
            const char *e2 = strstr(q, "*/");
            if (!e || (e2 && e2 < e))
                e = e2 ? e2 : q + strlen(q);
            char line[512];
            size_t l = (size_t)(e - (q + 7));
            if (l >= sizeof line)
                l = sizeof line - 1;
            memcpy(line, q + 7, l);
            line[l] = '\0';
            dy_error err;
            ex->nopt++;
            if (dy_coder_set_option(c, line, &err) != DY_OK)
                ex->badopt++;
            continue;
        }
        const char *e = strchr(p, '}');
        if (!e)
            break;
        char body[256];
        squeeze(p + 1, (size_t)(e - p - 1), body, sizeof body);
        if (strcmp(body, "---") == 0)
            ex->none = ex->any = true;
        else if (strcmp(body, "###") == 0)
            ex->discard = ex->any = true;
        else if (strcmp(body, "+++") == 0)
            ex->complex = ex->any = true;
        else if (strchr(body, '/') && ex->nev < MAX_EXPECT) {
            snprintf(ex->ev[ex->nev++], sizeof ex->ev[0], "%.95s", body);
            ex->any = true;
            if (ex->nev == 1) {
                /* "{ A / B / 064 } 950103": the date the event should carry */
                const char *d = e + 1;
                while (*d == ' ' || *d == '\t')
                    d++;
                size_t dn = strspn(d, "0123456789");
                if (dn == 6 || dn == 8)
                    dy_dict_parse_date(d, dn, dn == 8, &ex->date);
            }
        }
        p = e;
    }
}

static int cmpstr(const void *a, const void *b) { return strcmp(a, b); }

dy_status dy_validate_tabari(const char *project, dy_vreport_fn fn, void *ctx, unsigned *passed,
                             unsigned *failed, dy_error *err)
{
    *passed = *failed = 0;
    dy_dict *d = NULL;
    dy_load_opts lo = {0};
    dy_status st = dy_dict_load_tabari_project(project, &lo, &d, err);
    if (st != DY_OK)
        return st;
    /* the text file named by the project */
    char *pbuf;
    size_t plen;
    st = dy_tabari_slurp(project, &pbuf, &plen, err);
    if (st != DY_OK) {
        dy_dict_free(&d);
        return st;
    }
    char textpath[4096] = "";
    const char *tf = strstr(pbuf, "<textfile>");
    if (tf) {
        tf += 10;
        while (*tf == ' ' || *tf == '\t')
            tf++;
        size_t l = strcspn(tf, " \t\r\n");
        char dir[2048];
        dy_tabari_dirname(project, dir, sizeof dir);
        snprintf(textpath, sizeof textpath, "%s%.*s", dir, (int)l, tf);
    }
    free(pbuf);
    if (!textpath[0]) {
        snprintf(err->msg, sizeof err->msg, "%s: no <textfile>", project);
        dy_dict_free(&d);
        return DY_ERR_PARSE;
    }
    char *buf;
    size_t len;
    st = dy_tabari_slurp(textpath, &buf, &len, err);
    if (st != DY_OK) {
        dy_dict_free(&d);
        return st;
    }
    dy_coder *c = dy_coder_new(d);
    if (!c) {
        free(buf);
        dy_dict_free(&d);
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    /* split into lines */
    size_t nlines = 1;
    for (size_t i = 0; i < len; i++)
        nlines += buf[i] == '\n';
    char **lines = malloc(nlines * sizeof *lines);
    if (!lines) {
        free(buf);
        dy_coder_free(&c);
        dy_dict_free(&d);
        return DY_ERR_NOMEM;
    }
    size_t nl = 0;
    for (char *p = buf; p;) {
        lines[nl++] = p;
        char *e = strchr(p, '\n');
        if (e) {
            *e = '\0';
            if (e > p && e[-1] == '\r')
                e[-1] = '\0';
            p = e + 1;
        } else
            p = NULL;
    }
    size_t cap = 1 << 16;
    char *rec = malloc(cap);
    char *exp_s = malloc(8192), *act_s = malloc(8192);
    for (size_t i = 0; rec && exp_s && act_s && i < nl; i++) {
        if (!isdigit((unsigned char)lines[i][0]))
            continue;
        unsigned recline = (unsigned)i + 1;
        /* date and id */
        const char *h = lines[i];
        size_t dl = strspn(h, "0123456789");
        char id[128];
        const char *ip = h + dl;
        while (*ip == ' ' || *ip == '\t')
            ip++;
        snprintf(id, sizeof id, "%s", ip);
        for (size_t k = strlen(id); k && isspace((unsigned char)id[k - 1]); k--)
            id[k - 1] = '\0';
        size_t rl = 0;
        size_t j = i + 1;
        for (; j < nl; j++) {
            const char *l = lines[j];
            bool blank = true;
            for (const char *q = l; *q; q++)
                if (!isspace((unsigned char)*q))
                    blank = false;
            if (blank)
                break;
            size_t ll = strlen(l);
            if (rl + ll + 2 < cap) {
                memcpy(rec + rl, l, ll);
                rl += ll;
                rec[rl++] = ' ';
            }
        }
        rec[rl] = '\0';
        i = j;
        int32_t date = 0;
        bool yyyy = c->opts.yyyy;
        size_t want = yyyy ? 8 : 6;
        if (dl >= want)
            dy_dict_parse_date(h, want, yyyy, &date);
        char *cm = strstr(rec, "/*");
        size_t tlen = cm ? (size_t)(cm - rec) : rl;
        expect_t ex;
        memset(&ex, 0, sizeof ex);
        if (cm)
            parse_checks(cm + 2, &ex, c);
        bool final = strncmp(id, "FINAL-01", 8) == 0;
        if (!ex.any && ex.nopt) {
            /* an option record: it passes when its commands are understood */
            bool ok = ex.badopt == 0;
            if (ok)
                (*passed)++;
            else
                (*failed)++;
            if (fn) {
                dy_vrecord vr = {id, recline, ok, "(option record)\n",
                                 ok ? "(options applied)\n" : "(malformed option)\n", ""};
                fn(ctx, &vr);
            }
            continue;
        }
        if (!ex.any) {
            if (final)
                break;
            continue;
        }
        dy_result r;
        dy_error e2;
        char text[65536];
        memcpy(text, rec, tlen < sizeof text ? tlen : sizeof text - 1);
        text[tlen < sizeof text ? tlen : sizeof text - 1] = '\0';
        dy_coder_set_record_id(c, h + dl);
        if (dy_code_sentence(c, text, strlen(text), date, &r, &e2) != DY_OK)
            r.n = 0, r.status = DY_SENT_NOEVENT;
        char got[MAX_EXPECT * 2][96];
        int ng = 0;
        for (size_t k = 0; k < r.n && ng < MAX_EXPECT * 2; k++)
            snprintf(got[ng++], sizeof got[0], "%s/%s/%s", r.events[k].source, r.events[k].target,
                     r.events[k].code);
        for (int k = 0; k < ng; k++)
            for (char *q = got[k]; *q; q++)
                *q = (char)toupper((unsigned char)*q);
        qsort(got, (size_t)ng, sizeof got[0], cmpstr);
        qsort(ex.ev, (size_t)ex.nev, sizeof ex.ev[0], cmpstr);
        bool pass;
        if (ex.partial)
            continue; /* "-{": TABARI does not check the record */
        if (ex.complex)
            pass = r.status == DY_SENT_COMPLEX;
        else if (ex.discard)
            pass = r.status == DY_SENT_DISCARD;
        else if (ex.none)
            pass = ng == 0 && r.status != DY_SENT_COMPLEX && r.status != DY_SENT_DISCARD;
        else if (ex.partial) {
            pass = true;
            for (int k = 0; k < ex.nev; k++) {
                bool f = false;
                for (int m = 0; m < ng; m++)
                    f |= strcmp(ex.ev[k], got[m]) == 0;
                pass &= f;
            }
        } else {
            pass = ng == ex.nev;
            for (int k = 0; pass && k < ng; k++)
                pass = strcmp(got[k], ex.ev[k]) == 0;
            /* with time shifting on, the shifted date is checked too */
            bool shifting = c->opts.time_shift == 1 || (c->opts.time_shift < 0 && d->has_time);
            if (pass && shifting && r.n > 0)
                pass = ex.date != 0 && r.events[0].date == ex.date;
        }
        size_t en = 0, an = 0;
        exp_s[0] = act_s[0] = '\0';
        if (ex.complex)
            en += (size_t)snprintf(exp_s + en, 8192 - en, "+++ (complex)\n");
        else if (ex.discard)
            en += (size_t)snprintf(exp_s + en, 8192 - en, "### (discard)\n");
        else if (ex.none)
            en += (size_t)snprintf(exp_s + en, 8192 - en, "--- (no events)\n");
        for (int k = 0; k < ex.nev && en < 8000; k++)
            en += (size_t)snprintf(exp_s + en, 8192 - en, "%s\n", ex.ev[k]);
        if (ex.partial)
            en += (size_t)snprintf(exp_s + en, 8192 - en, "(-{: listed events only)\n");
        if (r.status == DY_SENT_COMPLEX)
            an += (size_t)snprintf(act_s + an, 8192 - an, "+++ (complex: %s)\n", r.explain ? r.explain : "");
        else if (r.status == DY_SENT_DISCARD)
            an += (size_t)snprintf(act_s + an, 8192 - an, "### (discard)\n");
        else if (r.status == DY_SENT_SHORT)
            an += (size_t)snprintf(act_s + an, 8192 - an, "--- (too few words)\n");
        else if (ng == 0)
            an += (size_t)snprintf(act_s + an, 8192 - an, "--- (no events)\n");
        for (int k = 0; k < ng && an < 8000; k++)
            an += (size_t)snprintf(act_s + an, 8192 - an, "%s\n", got[k]);
        if (pass)
            (*passed)++;
        else
            (*failed)++;
        if (fn) {
            dy_vrecord vr = {id, recline, pass, exp_s, act_s, text};
            fn(ctx, &vr);
        }
        if (final)
            break;
    }
    free(rec);
    free(exp_s);
    free(act_s);
    free(lines);
    free(buf);
    dy_coder_free(&c);
    dy_dict_free(&d);
    return DY_OK;
}

/* ---- PETRARCH validation files ---- */

/* actor code at the level compared */
static void level(const char *code, bool country, char *out, size_t cap)
{
    snprintf(out, cap, "%s", code);
    if (country && strlen(out) > 3 && strcmp(out, "---") != 0)
        out[3] = '\0';
    for (char *p = out; *p; p++)
        *p = (char)toupper((unsigned char)*p);
}

#define MULTI 8
#define WANT_CAP (DY_PX_MAX_EVENTS * 4)

/* Splits an expected actor code at '/' into at most MULTI codes, each
 * cut to the comparison level; "---" and "" stay whole. */
static int split_codes(const char *code, bool country, char out[MULTI][64])
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", code);
    int n = 0;
    char *save = NULL;
    if (strcmp(buf, "---") != 0 && strchr(buf, '/'))
        for (char *t = strtok_r(buf, "/", &save); t && n < MULTI; t = strtok_r(NULL, "/", &save))
            level(t, country, out[n++], 64);
    if (n == 0)
        level(code, country, out[n++], 64);
    return n;
}

/* PETRARCH <Config> options that have a TABARI equivalent */
static void petr_config(dy_coder *c, const char *opt, const char *val)
{
    char line[256];
    bool t = val[0] == 't' || val[0] == 'T' || val[0] == '1';
    if (strcmp(opt, "require_dyad") == 0) {
        c->opts.allow_half_dyad = !t;
        return;
    }
    static const char *const comma[] = {"comma_min", "comma_max", "comma_bmin", "comma_bmax", "comma_emin", "comma_emax"};
    static const char *const tab[] = {"MIN", "MAX", "BMIN", "BMAX", "EMIN", "EMAX"};
    for (int i = 0; i < 6; i++)
        if (strcmp(opt, comma[i]) == 0) {
            snprintf(line, sizeof line, "COMMA: %s = %.32s", tab[i], val);
            dy_error e;
            dy_coder_set_option(c, line, &e);
        }
    /* new_actor_length (actors from parse trees) and stop_on_error have no
     * equivalent: dyad codes dictionary actors only and never stops */
}

static int cmp96(const void *a, const void *b) { return strcmp(a, b); }

dy_status dy_validate_petrarch(const char *file, const char *dict_spec, unsigned flags,
                               dy_vreport_fn fn, void *ctx, dy_vsummary *sum, dy_error *err)
{
    memset(sum, 0, sizeof *sum);
    bool country = flags & DY_VAL_COUNTRY;
    int clen = flags & DY_VAL_ROOT ? 2 : 12; /* event code characters compared */
    char *buf;
    size_t len;
    dy_status st = dy_tabari_slurp(file, &buf, &len, err);
    if (st != DY_OK)
        return st;
    char dir[2048];
    dy_tabari_dirname(file, dir, sizeof dir);
    dy_px px;
    dy_px_init(&px, buf, len);
    dy_px_item *it = calloc(1, sizeof *it);
    char *exp_s = malloc(8192), *act_s = malloc(8192);
    dy_dict *d = NULL;
    dy_coder *c = NULL;
    if (!it || !exp_s || !act_s) {
        st = DY_ERR_NOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        goto done;
    }
    if (dict_spec) {
        dy_load_opts lo = {0};
        st = dy_dict_load_spec(dict_spec, &lo, &d, err);
        if (st != DY_OK)
            goto done;
        c = dy_coder_new(d);
    }
    for (;;) {
        char msg[256];
        int r = dy_px_next(&px, it, msg, sizeof msg);
        if (it->kind == DY_PX_END)
            break;
        if (it->kind == DY_PX_ENV && !d) {
            const char *names[5] = {it->verbfile, it->actorfile, it->agentfile, it->discardfile, it->issuefile};
            char paths[5][2600];
            const char *pp[5];
            size_t n = 0;
            for (int k = 0; k < 5; k++)
                if (names[k][0]) {
                    snprintf(paths[n], sizeof paths[n], "%s%s", names[k][0] == '/' ? "" : dir, names[k]);
                    pp[n] = paths[n];
                    n++;
                }
            dy_load_opts lo = {0};
            st = dy_dict_load_files(pp, n, &lo, &d, err);
            if (st != DY_OK)
                goto done;
            c = dy_coder_new(d);
            continue;
        }
        if (it->kind == DY_PX_CONFIG) {
            if (c)
                petr_config(c, it->option, it->value);
            continue;
        }
        if (it->kind != DY_PX_SENTENCE)
            continue;
        if (!c) {
            snprintf(err->msg, sizeof err->msg, "%s: no <Environment> dictionaries before the first record (use --dict)", file);
            st = DY_ERR_ARG;
            goto done;
        }
        if (r < 0 || !it->has_coding)
            continue; /* nothing to compare against */
        if (!it->evaluate) {
            sum->skipped++;
            continue;
        }
        dy_result res;
        dy_error e2;
        dy_doc doc = {it->id, it->date, NULL, it->text, it->text_len, !it->is_sentence, NULL, NULL, NULL, NULL};
        if (dy_code_doc(c, &doc, &res, &e2) != DY_OK)
            res.n = 0, res.status = DY_SENT_NOEVENT;
        char (*got)[96] = malloc((res.n + 1) * sizeof *got);
        char (*want)[96] = malloc((size_t)WANT_CAP * sizeof *want);
        if (!got || !want) {
            free(got);
            free(want);
            st = DY_ERR_NOMEM;
            goto done;
        }
        int ng = 0, nw = 0;
        for (size_t k = 0; k < res.n; k++) {
            char a[64], b[64];
            level(res.events[k].source, country, a, sizeof a);
            level(res.events[k].target, country, b, sizeof b);
            snprintf(got[ng], sizeof got[0], "%.40s/%.40s/%.*s", a, b, clen, res.events[k].code);
            bool dup = false;
            for (int m = 0; m < ng; m++)
                dup |= strcmp(got[m], got[ng]) == 0;
            if (!dup)
                ng++;
        }
        for (int k = 0; k < it->nexp; k++) {
            /* UniversalPetrarch writes a multi-code actor ("THE_SHIRE
             * [FRO/BIL/SAM]") as one joined code; dyad, like TABARI and
             * PETRARCH2, codes one event per code, so the expectation is
             * compared in that form */
            char sv[MULTI][64], tv[MULTI][64];
            int nsv = split_codes(it->exp[k].src, country, sv);
            int ntv = split_codes(it->exp[k].tgt, country, tv);
            for (int i = 0; i < nsv; i++)
                for (int j = 0; j < ntv && nw < WANT_CAP; j++) {
                    snprintf(want[nw], sizeof want[0], "%.40s/%.40s/%.*s", sv[i], tv[j], clen, it->exp[k].code);
                    bool dup = false;
                    for (int m = 0; m < nw; m++)
                        dup |= strcmp(want[m], want[nw]) == 0;
                    if (!dup)
                        nw++;
                }
        }
        qsort(got, (size_t)ng, sizeof got[0], cmp96);
        qsort(want, (size_t)nw, sizeof want[0], cmp96);
        int found = 0;
        for (int k = 0; k < nw; k++)
            for (int m = 0; m < ng; m++)
                if (strcmp(want[k], got[m]) == 0) {
                    found++;
                    break;
                }
        bool pass;
        if (it->error[0]) {
            /* a discard must be a discard; other errors (a dateline inside
             * a sentence record, a broken parse tree) must code nothing */
            bool discard = strstr(it->error, "discard") != NULL;
            pass = ng == 0 && (!discard || res.status == DY_SENT_DISCARD);
        } else if (it->noevents || nw == 0)
            pass = ng == 0;
        else
            pass = found == nw && ng == nw;
        sum->expected += (unsigned)nw;
        sum->found += (unsigned)found;
        sum->extra += (unsigned)(ng - found);
        if (pass)
            sum->passed++;
        else
            sum->failed++;
        if (fn) {
            size_t en = 0, an = 0;
            exp_s[0] = act_s[0] = '\0';
            if (it->error[0])
                en += (size_t)snprintf(exp_s + en, 8192 - en, "error: %s\n", it->error);
            else if (nw == 0)
                en += (size_t)snprintf(exp_s + en, 8192 - en, "--- (no events)\n");
            for (int k = 0; k < nw && en < 8000; k++)
                en += (size_t)snprintf(exp_s + en, 8192 - en, "%s\n", want[k]);
            if (res.status == DY_SENT_DISCARD)
                an += (size_t)snprintf(act_s + an, 8192 - an, "### (discard)\n");
            else if (ng == 0)
                an += (size_t)snprintf(act_s + an, 8192 - an, "--- (no events)\n");
            for (int k = 0; k < ng && an < 8000; k++)
                an += (size_t)snprintf(act_s + an, 8192 - an, "%s\n", got[k]);
            dy_vrecord vr = {it->id, it->line, pass, exp_s, act_s, it->text};
            fn(ctx, &vr);
        }
        free(got);
        free(want);
    }
done:
    if (it)
        dy_px_item_clear(it);
    free(it);
    free(exp_s);
    free(act_s);
    dy_coder_free(&c);
    dy_dict_free(&d);
    free(buf);
    return st;
}

/* ---- hand-coded news sentences (tests/golden/news.txt) ---- */

/* "SRC/TGT/CODE" at country level, the code cut to clen characters. */
static void dyad_key(const char *src, const char *tgt, const char *code, int clen, char *out, size_t cap)
{
    char a[64], b[64];
    level(src, true, a, sizeof a);
    level(tgt, true, b, sizeof b);
    snprintf(out, cap, "%.40s/%.40s/%.*s", a, b, clen, code);
}

/* Matches of want in got (each found at most once). */
static unsigned matches(char (*want)[96], int nw, char (*got)[96], int ng)
{
    unsigned m = 0;
    bool used[WANT_CAP] = {false};
    for (int i = 0; i < nw; i++)
        for (int j = 0; j < ng && j < WANT_CAP; j++)
            if (!used[j] && strcmp(want[i], got[j]) == 0) {
                used[j] = true;
                m++;
                break;
            }
    return m;
}

typedef struct {
    char text[4096];
    unsigned line;
    int32_t date;
    char want[WANT_CAP][96];
    int nw;
} gsent;

static dy_status score_sentence(dy_coder *c, const gsent *g, unsigned idx, dy_vreport_fn fn, void *ctx,
                                dy_esummary *sum)
{
    dy_result res;
    dy_error e2;
    if (dy_code_sentence(c, g->text, strlen(g->text), g->date, &res, &e2) != DY_OK)
        res.n = 0;
    char got[WANT_CAP][96], gotr[WANT_CAP][96], wantr[WANT_CAP][96];
    int ng = 0;
    for (size_t k = 0; k < res.n && ng < WANT_CAP; k++) {
        dyad_key(res.events[k].source, res.events[k].target, res.events[k].code, 12, got[ng], sizeof got[0]);
        bool dup = false;
        for (int m = 0; m < ng; m++)
            dup |= strcmp(got[m], got[ng]) == 0;
        if (!dup)
            ng++;
    }
    for (int k = 0; k < ng; k++) {
        snprintf(gotr[k], sizeof gotr[k], "%s", got[k]);
        char *sl = strrchr(gotr[k], '/');
        if (sl && strlen(sl) > 3)
            sl[3] = '\0';
    }
    for (int k = 0; k < g->nw; k++) {
        snprintf(wantr[k], sizeof wantr[k], "%s", g->want[k]);
        char *sl = strrchr(wantr[k], '/');
        if (sl && strlen(sl) > 3)
            sl[3] = '\0';
    }
    unsigned full = matches((char (*)[96])g->want, g->nw, got, ng);
    unsigned root = matches(wantr, g->nw, gotr, ng);
    sum->sentences++;
    sum->expected += (unsigned)g->nw;
    sum->coded += (unsigned)ng;
    sum->match_full += full;
    sum->match_root += root;
    bool pass = full == (unsigned)g->nw && (unsigned)ng == full;
    if (pass)
        sum->passed++;
    else
        sum->failed++;
    if (fn) {
        char exp_s[2048] = "", act_s[2048] = "", id[32];
        size_t en = 0, an = 0;
        if (g->nw == 0)
            en += (size_t)snprintf(exp_s, sizeof exp_s, "--- (no events)\n");
        for (int k = 0; k < g->nw && en < sizeof exp_s - 100; k++)
            en += (size_t)snprintf(exp_s + en, sizeof exp_s - en, "%s\n", g->want[k]);
        if (ng == 0)
            an += (size_t)snprintf(act_s, sizeof act_s, "--- (no events)\n");
        for (int k = 0; k < ng && an < sizeof act_s - 100; k++)
            an += (size_t)snprintf(act_s + an, sizeof act_s - an, "%s\n", got[k]);
        snprintf(id, sizeof id, "sentence %u", idx);
        dy_vrecord vr = {id, g->line, pass, exp_s, act_s, g->text};
        fn(ctx, &vr);
    }
    return DY_OK;
}

dy_status dy_validate_events(const char *file, const char *dict_spec, dy_vreport_fn fn, void *ctx,
                             dy_esummary *sum, dy_error *err)
{
    memset(sum, 0, sizeof *sum);
    char *buf;
    size_t len;
    dy_status st = dy_tabari_slurp(file, &buf, &len, err);
    if (st != DY_OK)
        return st;
    dy_dict *d = NULL;
    dy_coder *c = NULL;
    gsent *g = calloc(1, sizeof *g);
    if (!g) {
        free(buf);
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    dy_load_opts lo = {0};
    st = dy_dict_load_spec(dict_spec ? dict_spec : "builtin", &lo, &d, err);
    if (st == DY_OK && !(c = dy_coder_new(d))) {
        st = DY_ERR_NOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory");
    }
    int32_t date = 0;
    unsigned line = 0, idx = 0;
    bool open = false;
    for (char *ln = buf, *next; st == DY_OK && ln && *ln; ln = next) {
        char *nl = strchr(ln, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        line++;
        size_t n = strlen(ln);
        while (n && (ln[n - 1] == '\r' || ln[n - 1] == ' '))
            ln[--n] = '\0';
        if (n == 0 || ln[0] == '#')
            continue;
        if (strncmp(ln, "date ", 5) == 0) {
            char dd[16];
            size_t k = 0;
            for (const char *p = ln + 5; *p && k < 8; p++)
                if (isdigit((unsigned char)*p))
                    dd[k++] = *p;
            if (k != 8 || !dy_dict_parse_date(dd, 8, true, &date)) {
                snprintf(err->msg, sizeof err->msg, "%s:%u:6: bad date '%.40s' (want YYYY-MM-DD)", file, line, ln + 5);
                st = DY_ERR_ARG;
            }
        } else if (strncmp(ln, "s ", 2) == 0) {
            if (open)
                score_sentence(c, g, ++idx, fn, ctx, sum);
            snprintf(g->text, sizeof g->text, "%s", ln + 2);
            g->line = line;
            g->date = date;
            g->nw = 0;
            open = true;
        } else if (strncmp(ln, "e ", 2) == 0) {
            char s1[64], s2[64], s3[16], extra[8];
            if (!open || sscanf(ln + 2, "%63s %63s %15s %7s", s1, s2, s3, extra) != 3) {
                snprintf(err->msg, sizeof err->msg, "%s:%u:1: %s", file, line,
                         open ? "want 'e SOURCE TARGET CODE'" : "event before any sentence");
                st = DY_ERR_ARG;
            } else if (g->nw < WANT_CAP)
                dyad_key(s1, s2, s3, 12, g->want[g->nw++], sizeof g->want[0]);
        } else {
            snprintf(err->msg, sizeof err->msg, "%s:%u:1: line not understood (want date, s or e)", file, line);
            st = DY_ERR_ARG;
        }
    }
    if (st == DY_OK && open)
        score_sentence(c, g, ++idx, fn, ctx, sum);
    free(g);
    dy_coder_free(&c);
    dy_dict_free(&d);
    free(buf);
    return st;
}
