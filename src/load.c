/* load.c: public dictionary loading entry points: TABARI project files,
 * lists of TABARI files, and the built-in pack compiled into the library. */
#include "../include/dyad.h"
#include "dict.h"
#include "tabari.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* generated at build time from dict/ by tools/embed.sh */
extern const char *const dy_builtin_names[];
extern const char *const dy_builtin_data[];
extern const size_t dy_builtin_sizes[];
extern const size_t dy_builtin_count;

static dy_status finish(dy_dict_builder **b, const char *name, dy_dict **out, dy_error *err)
{
    struct dy_dict *d = dy_dict_compile(b, name);
    if (!d) {
        dy_dict_builder_free(b);
        snprintf(err->msg, sizeof err->msg, "out of memory compiling dictionaries");
        return DY_ERR_NOMEM;
    }
    *out = d;
    return DY_OK;
}

/* Order matters: options first (YYYY changes how dates read), then
 * synsets-bearing verbs before anything refers to them. */
static int rank(int kind)
{
    switch (kind) {
    case DY_TK_OPTIONS: return 0;
    case DY_TK_VERBS: return 1;
    case DY_TK_ACTORS: return 2;
    case DY_TK_AGENTS: return 3;
    default: return 4;
    }
}

dy_status dy_dict_load_tabari_files(const char *const *paths, size_t n, dy_load_opts *lo,
                                    dy_dict **out, dy_error *err)
{
    *out = NULL;
    dy_dict_builder *b = dy_dict_builder_new();
    if (!b) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    for (int r = 0; r <= 3; r++)
        for (size_t i = 0; i < n; i++) {
            int kind = dy_tabari_kind_of(paths[i]);
            if (kind == DY_TK_UNKNOWN) {
                snprintf(err->msg, sizeof err->msg,
                         "%s: unknown dictionary kind (expected .actors, .agents, .verbs or .options)",
                         paths[i]);
                dy_dict_builder_free(&b);
                return DY_ERR_ARG;
            }
            if (rank(kind) != r)
                continue;
            char *buf;
            size_t len;
            dy_status st = dy_tabari_slurp(paths[i], &buf, &len, err);
            if (st != DY_OK) {
                dy_dict_builder_free(&b);
                return st;
            }
            dy_tabari_parse(b, kind, paths[i], buf, len, lo);
            free(buf);
        }
    return finish(&b, n ? paths[0] : "", out, err);
}

dy_status dy_dict_load_tabari_project(const char *project, dy_load_opts *lo, dy_dict **out,
                                      dy_error *err)
{
    char *buf;
    size_t len;
    *out = NULL;
    dy_status st = dy_tabari_slurp(project, &buf, &len, err);
    if (st != DY_OK)
        return st;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", project);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    else
        dir[0] = '\0';
    static const char *const tags[] = {"<actorsfile>", "<verbsfile>", "<agentsfile>", "<optionsfile>"};
    char paths[4][4096];
    const char *pp[4];
    size_t np = 0;
    unsigned line = 0;
    char *save = NULL;
    for (char *ln = buf; ln; ln = save) {
        char *nl = strchr(ln, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        line++;
        for (size_t t = 0; t < 4; t++) {
            size_t tl = strlen(tags[t]);
            if (strncmp(ln, tags[t], tl) != 0)
                continue;
            char *v = ln + tl;
            while (*v == ' ' || *v == '\t')
                v++;
            size_t vl = strcspn(v, " \t\r");
            if (vl == 0) {
                snprintf(err->msg, sizeof err->msg, "%s:%u: %s names no file", project, line, tags[t]);
                free(buf);
                return DY_ERR_PARSE;
            }
            if (np < 4) {
                const char *pre = v[0] == '/' ? "" : dir;
                if (strlen(pre) + vl + 1 > sizeof paths[np]) {
                    snprintf(err->msg, sizeof err->msg, "%s:%u: path too long", project, line);
                    free(buf);
                    return DY_ERR_PARSE;
                }
                memcpy(paths[np], pre, strlen(pre));
                memcpy(paths[np] + strlen(pre), v, vl);
                paths[np][strlen(pre) + vl] = '\0';
                pp[np] = paths[np];
                np++;
            }
        }
    }
    free(buf);
    if (np == 0) {
        snprintf(err->msg, sizeof err->msg, "%s: no <actorsfile>, <verbsfile>, <agentsfile> or <optionsfile> lines", project);
        return DY_ERR_PARSE;
    }
    return dy_dict_load_tabari_files(pp, np, lo, out, err);
}

dy_status dy_dict_load_builtin(dy_load_opts *lo, dy_dict **out, dy_error *err)
{
    *out = NULL;
    dy_dict_builder *b = dy_dict_builder_new();
    if (!b) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    for (int r = 0; r <= 3; r++)
        for (size_t i = 0; i < dy_builtin_count; i++) {
            int kind = dy_tabari_kind_of(dy_builtin_names[i]);
            if (rank(kind) != r)
                continue;
            dy_tabari_parse(b, kind, dy_builtin_names[i], dy_builtin_data[i], dy_builtin_sizes[i], lo);
        }
    return finish(&b, "builtin", out, err);
}

void dy_dict_get_counts(const dy_dict *d, dy_dict_counts *c)
{
    memset(c, 0, sizeof *c);
    c->actors = d->nactors;
    c->agents = d->nagents;
    c->verbs = d->nverbs;
    c->roots = d->nroots;
    c->synsets = d->nsyn;
    for (uint32_t i = 0; i < d->nverbs; i++)
        c->patterns += d->verbs[i].npat;
}
