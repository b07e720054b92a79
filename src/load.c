/* load.c: public dictionary loading entry points: TABARI project files,
 * lists of TABARI files, and the built-in pack compiled into the library. */
#include "../include/dyad.h"
#include "dict.h"
#include "tabari.h"
#include "petrarch.h"
#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>
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

/* A file's format and kind: TABARI by extension, else PETRARCH by name. */
typedef struct {
    bool petr;
    int kind;
} fkind;

static fkind kind_of(const char *path)
{
    int k = dy_tabari_kind_of(path);
    if (k != DY_TK_UNKNOWN)
        return (fkind){false, k};
    return (fkind){true, dy_petr_kind_of(path)};
}

/* load order: options and verbs (synsets) first, then the rest */
static int frank(fkind f)
{
    if (!f.petr)
        return f.kind == DY_TK_OPTIONS ? 0 : f.kind == DY_TK_VERBS ? 1 : f.kind == DY_TK_ACTORS ? 2 : 3;
    return f.kind == DY_PK_VERBS ? 1 : f.kind == DY_PK_ACTORS ? 2 : f.kind == DY_PK_AGENTS ? 3 : 4;
}

dy_status dy_dict_load_files(const char *const *paths, size_t n, dy_load_opts *lo, dy_dict **out,
                             dy_error *err)
{
    *out = NULL;
    dy_dict_builder *b = dy_dict_builder_new();
    if (!b) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    for (int r = 0; r <= 4; r++)
        for (size_t i = 0; i < n; i++) {
            fkind f = kind_of(paths[i]);
            if ((f.petr && f.kind == DY_PK_UNKNOWN) || (!f.petr && f.kind == DY_TK_UNKNOWN)) {
                snprintf(err->msg, sizeof err->msg,
                         "%s: unknown dictionary kind (TABARI: .actors .agents .verbs .options; "
                         "PETRARCH: a name with verbs, actors, agents, discards or issues)",
                         paths[i]);
                dy_dict_builder_free(&b);
                return DY_ERR_ARG;
            }
            if (frank(f) != r)
                continue;
            char *buf;
            size_t len;
            dy_status st = dy_tabari_slurp(paths[i], &buf, &len, err);
            if (st != DY_OK) {
                dy_dict_builder_free(&b);
                return st;
            }
            if (f.petr)
                dy_petr_parse(b, f.kind, paths[i], buf, len, lo);
            else
                dy_tabari_parse(b, f.kind, paths[i], buf, len, lo);
            free(buf);
        }
    return finish(&b, n ? paths[0] : "", out, err);
}

dy_status dy_dict_load_tabari_files(const char *const *paths, size_t n, dy_load_opts *lo,
                                    dy_dict **out, dy_error *err)
{
    *out = NULL;
    for (size_t i = 0; i < n; i++)
        if (dy_tabari_kind_of(paths[i]) == DY_TK_UNKNOWN) {
            snprintf(err->msg, sizeof err->msg,
                     "%s: unknown dictionary kind (expected .actors, .agents, .verbs or .options)", paths[i]);
            return DY_ERR_ARG;
        }
    return dy_dict_load_files(paths, n, lo, out, err);
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
    dy_tabari_dirname(project, dir, sizeof dir);
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
    for (int r = 0; r <= 4; r++)
        for (size_t i = 0; i < dy_builtin_count; i++) {
            fkind f = kind_of(dy_builtin_names[i]);
            if (frank(f) != r)
                continue;
            if (f.petr)
                dy_petr_parse(b, f.kind, dy_builtin_names[i], dy_builtin_data[i], dy_builtin_sizes[i], lo);
            else
                dy_tabari_parse(b, f.kind, dy_builtin_names[i], dy_builtin_data[i], dy_builtin_sizes[i], lo);
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

static int cmpstrp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* PETRARCH config (PETR_config.ini): the [Dictionaries] section names the
 * files, relative to the config's folder (or its dictionaries/ folder). */
dy_status dy_dict_load_petrarch_config(const char *ini, dy_load_opts *lo, dy_dict **out, dy_error *err)
{
    char *buf;
    size_t len;
    *out = NULL;
    dy_status st = dy_tabari_slurp(ini, &buf, &len, err);
    if (st != DY_OK)
        return st;
    char dir[2048];
    dy_tabari_dirname(ini, dir, sizeof dir);
    static const char *const keys[] = {"verbfile_name", "actorfile_list", "agentfile_name",
                                       "discardfile_name", "issuefile_name"};
    char *names[32];
    size_t n = 0;
    bool in_dicts = false;
    unsigned line = 0;
    char *save = NULL;
    for (char *ln = buf; ln; ln = save) {
        char *nl = strchr(ln, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        line++;
        while (*ln == ' ' || *ln == '\t')
            ln++;
        if (*ln == '#' || *ln == ';' || !*ln)
            continue;
        if (*ln == '[') {
            in_dicts = strncmp(ln, "[Dictionaries]", 14) == 0;
            continue;
        }
        if (!in_dicts)
            continue;
        char *eq = strchr(ln, '=');
        if (!eq)
            continue;
        size_t kl = (size_t)(eq - ln);
        while (kl && (ln[kl - 1] == ' ' || ln[kl - 1] == '\t'))
            kl--;
        bool known = false;
        for (size_t k = 0; k < 5; k++)
            if (strlen(keys[k]) == kl && strncmp(ln, keys[k], kl) == 0)
                known = true;
        if (!known)
            continue;
        for (char *v = strtok(eq + 1, ","); v && n < 32; v = strtok(NULL, ",")) {
            while (*v == ' ' || *v == '\t')
                v++;
            size_t vl = strcspn(v, " \t\r#");
            if (!vl)
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s%.*s", v[0] == '/' ? "" : dir, (int)vl, v);
            struct stat sb;
            if (stat(path, &sb) != 0 && v[0] != '/')
                snprintf(path, sizeof path, "%sdictionaries/%.*s", dir, (int)vl, v);
            names[n] = strdup(path);
            if (names[n])
                n++;
        }
    }
    free(buf);
    if (n == 0) {
        snprintf(err->msg, sizeof err->msg, "%s: no dictionaries named in [Dictionaries]", ini);
        return DY_ERR_PARSE;
    }
    st = dy_dict_load_files((const char *const *)names, n, lo, out, err);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    return st;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

dy_status dy_dict_load_spec(const char *spec, dy_load_opts *lo, dy_dict **out, dy_error *err)
{
    struct stat sb;
    if (!spec || strcmp(spec, "builtin") == 0)
        return dy_dict_load_builtin(lo, out, err);
    if (has_suffix(spec, ".project"))
        return dy_dict_load_tabari_project(spec, lo, out, err);
    if (has_suffix(spec, ".ini"))
        return dy_dict_load_petrarch_config(spec, lo, out, err);
    if (stat(spec, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        /* every dictionary file of the folder (prepositions and unknown
         * names are passed over) */
        DIR *dir = opendir(spec);
        if (!dir) {
            snprintf(err->msg, sizeof err->msg, "%s: cannot open folder", spec);
            return DY_ERR_IO;
        }
        char *names[256];
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(dir)) && n < 256) {
            if (e->d_name[0] == '.')
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", spec, e->d_name);
            fkind f = kind_of(path);
            if ((f.petr && f.kind == DY_PK_UNKNOWN) || (!f.petr && f.kind == DY_TK_UNKNOWN))
                continue;
            names[n] = strdup(path);
            if (names[n])
                n++;
        }
        closedir(dir);
        if (n == 0) {
            snprintf(err->msg, sizeof err->msg, "%s: no dictionary files in folder", spec);
            return DY_ERR_ARG;
        }
        qsort(names, n, sizeof *names, cmpstrp);
        dy_status st = dy_dict_load_files((const char *const *)names, n, lo, out, err);
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        return st;
    }
    char *copy = strdup(spec);
    if (!copy) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    const char *files[64];
    size_t n = 0;
    for (char *t = strtok(copy, ","); t && n < 64; t = strtok(NULL, ","))
        files[n++] = t;
    dy_status st = dy_dict_load_files(files, n, lo, out, err);
    free(copy);
    return st;
}
