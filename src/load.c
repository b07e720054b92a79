/* load.c: public dictionary loading entry points: TABARI project files,
 * PETRARCH configs, folders and lists of files, the built-in pack compiled
 * into the library, and the compiled cache in front of them. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "../include/dyad.h"
#include "dict.h"
#include "tabari.h"
#include "petrarch.h"
#include "cache.h"
#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
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

/* Is the built-in file name the grammar (grammar.c), which is no
 * dictionary? */
static bool is_grammar(const char *name)
{
    size_t n = strlen(name);
    return n > 8 && strcmp(name + n - 8, ".grammar") == 0;
}

/* Reads one dictionary file's text into b by its format. */
static void parse_one(dy_dict_builder *b, fkind f, const char *name, const char *data, size_t len,
                      dy_load_opts *lo)
{
    if (f.petr)
        dy_petr_parse(b, f.kind, name, data, len, lo);
    else
        dy_tabari_parse(b, f.kind, name, data, len, lo);
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
            parse_one(b, f, paths[i], buf, len, lo);
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
            if (frank(f) != r || is_grammar(dy_builtin_names[i]))
                continue;
            parse_one(b, f, dy_builtin_names[i], dy_builtin_data[i], dy_builtin_sizes[i], lo);
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
    for (uint32_t i = 0; i < d->nactors; i++)
        for (uint16_t k = 0; k < d->actors[i].codes.n; k++)
            if (d->actors[i].codes.c[k].lo != INT32_MIN || d->actors[i].codes.c[k].hi != INT32_MAX) {
                c->dated++;
                break;
            }
    c->transforms = d->ntr;
    c->discards = d->ndisc;
    c->issues = d->niss;
}

static dy_dict_file_counts *file_slot(dy_dict_file_counts *out, size_t cap, size_t *n, const char *file)
{
    if (!file)
        return NULL;
    for (size_t i = 0; i < *n && i < cap; i++)
        if (strcmp(out[i].file, file) == 0)
            return &out[i];
    if (*n < cap) {
        memset(&out[*n], 0, sizeof out[*n]);
        out[*n].file = file;
    }
    return (*n)++ < cap ? &out[*n - 1] : NULL;
}

size_t dy_dict_get_file_counts(const dy_dict *d, dy_dict_file_counts *out, size_t cap)
{
    size_t n = 0;
    dy_dict_file_counts *f;
    for (uint32_t i = 0; i < d->nverbs; i++)
        if ((f = file_slot(out, cap, &n, d->verbs[i].at.file))) {
            f->verbs++;
            f->patterns += d->verbs[i].npat;
        }
    for (uint32_t i = 0; i < d->nactors; i++)
        if ((f = file_slot(out, cap, &n, d->actors[i].at.file)))
            f->actors++;
    for (uint32_t i = 0; i < d->nagents; i++)
        if ((f = file_slot(out, cap, &n, d->agents[i].at.file)))
            f->agents++;
    return n;
}

/* ---- naming the files of a dictionary set ---- */

#define MAX_FILES 256

typedef struct {
    char *p[MAX_FILES];
    size_t n;
} flist;

static void flist_free(flist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->p[i]);
    l->n = 0;
}

/* Adds dir + name[0..nl) (name alone when absolute). */
static dy_status flist_add(flist *l, const char *dir, const char *name, size_t nl, dy_error *err)
{
    if (l->n >= MAX_FILES) {
        snprintf(err->msg, sizeof err->msg, "more than %d dictionary files", MAX_FILES);
        return DY_ERR_LIMIT;
    }
    const char *pre = name[0] == '/' ? "" : dir;
    size_t pl = strlen(pre);
    char *x = malloc(pl + nl + 1);
    if (!x) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return DY_ERR_NOMEM;
    }
    memcpy(x, pre, pl);
    memcpy(x + pl, name, nl);
    x[pl + nl] = '\0';
    l->p[l->n++] = x;
    return DY_OK;
}

/* TABARI .project: <actorsfile>, <verbsfile>, <agentsfile>, <optionsfile>,
 * relative to the project's folder. */
static dy_status project_files(const char *project, flist *l, dy_error *err)
{
    char *buf;
    size_t len;
    dy_status st = dy_tabari_slurp(project, &buf, &len, err);
    if (st != DY_OK)
        return st;
    char dir[4096];
    dy_tabari_dirname(project, dir, sizeof dir);
    static const char *const tags[] = {"<actorsfile>", "<verbsfile>", "<agentsfile>", "<optionsfile>"};
    unsigned line = 0;
    char *save = NULL;
    for (char *ln = buf; ln && st == DY_OK; ln = save) {
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
                st = DY_ERR_PARSE;
            } else
                st = flist_add(l, dir, v, vl, err);
        }
    }
    free(buf);
    if (st == DY_OK && l->n == 0) {
        snprintf(err->msg, sizeof err->msg,
                 "%s: no <actorsfile>, <verbsfile>, <agentsfile> or <optionsfile> lines", project);
        st = DY_ERR_PARSE;
    }
    return st;
}

/* PETRARCH config (PETR_config.ini): the [Dictionaries] section names the
 * files, relative to the config's folder (or its dictionaries/ folder). */
static dy_status config_files(const char *ini, flist *l, dy_error *err)
{
    char *buf;
    size_t len;
    dy_status st = dy_tabari_slurp(ini, &buf, &len, err);
    if (st != DY_OK)
        return st;
    char dir[2048], dicts[2100];
    dy_tabari_dirname(ini, dir, sizeof dir);
    snprintf(dicts, sizeof dicts, "%sdictionaries/", dir);
    static const char *const keys[] = {"verbfile_name", "actorfile_list", "agentfile_name",
                                       "discardfile_name", "issuefile_name"};
    bool in_dicts = false;
    char *save = NULL;
    for (char *ln = buf; ln; ln = save) {
        char *nl = strchr(ln, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        while (*ln == ' ' || *ln == '\t')
            ln++;
        if (*ln == '#' || *ln == ';' || !*ln)
            continue;
        if (*ln == '[') {
            in_dicts = strncmp(ln, "[Dictionaries]", 14) == 0;
            continue;
        }
        char *eq = strchr(ln, '=');
        if (!in_dicts || !eq)
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
        for (char *v = strtok(eq + 1, ","); v; v = strtok(NULL, ",")) {
            while (*v == ' ' || *v == '\t')
                v++;
            size_t vl = strcspn(v, " \t\r#");
            if (!vl)
                continue;
            if ((st = flist_add(l, dir, v, vl, err)) != DY_OK)
                break;
            struct stat sb;
            if (stat(l->p[l->n - 1], &sb) != 0 && v[0] != '/') {
                free(l->p[--l->n]);
                if ((st = flist_add(l, dicts, v, vl, err)) != DY_OK)
                    break;
            }
        }
        if (st != DY_OK)
            break;
    }
    free(buf);
    if (st != DY_OK)
        return st;
    if (l->n == 0) {
        snprintf(err->msg, sizeof err->msg, "%s: no dictionaries named in [Dictionaries]", ini);
        return DY_ERR_PARSE;
    }
    return DY_OK;
}

static int cmpstrp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* every dictionary file of a folder (prepositions and other names skipped) */
static dy_status dir_files(const char *spec, flist *l, dy_error *err)
{
    DIR *dir = opendir(spec);
    if (!dir) {
        snprintf(err->msg, sizeof err->msg, "%s: cannot open folder", spec);
        return DY_ERR_IO;
    }
    char pre[4096];
    snprintf(pre, sizeof pre, "%s/", spec);
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue;
        fkind f = kind_of(e->d_name);
        if ((f.petr && f.kind == DY_PK_UNKNOWN) || (!f.petr && f.kind == DY_TK_UNKNOWN))
            continue;
        dy_status st = flist_add(l, pre, e->d_name, strlen(e->d_name), err);
        if (st != DY_OK) {
            closedir(dir);
            return st;
        }
    }
    closedir(dir);
    if (l->n == 0) {
        snprintf(err->msg, sizeof err->msg, "%s: no dictionary files in folder", spec);
        return DY_ERR_ARG;
    }
    qsort(l->p, l->n, sizeof *l->p, cmpstrp);
    return DY_OK;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static dy_status spec_files(const char *spec, flist *l, dy_error *err)
{
    struct stat sb;
    if (has_suffix(spec, ".project"))
        return project_files(spec, l, err);
    if (has_suffix(spec, ".ini"))
        return config_files(spec, l, err);
    if (stat(spec, &sb) == 0 && S_ISDIR(sb.st_mode))
        return dir_files(spec, l, err);
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, ",");
        dy_status st = n ? flist_add(l, "", p, n, err) : DY_OK;
        if (st != DY_OK)
            return st;
        p += n + (p[n] == ',');
    }
    return DY_OK;
}

/* ---- public loaders ---- */

dy_status dy_dict_load_tabari_project(const char *project, dy_load_opts *lo, dy_dict **out,
                                      dy_error *err)
{
    flist l = {{0}, 0};
    *out = NULL;
    dy_status st = project_files(project, &l, err);
    if (st == DY_OK)
        st = dy_dict_load_tabari_files((const char *const *)l.p, l.n, lo, out, err);
    flist_free(&l);
    return st;
}

dy_status dy_dict_load_petrarch_config(const char *ini, dy_load_opts *lo, dy_dict **out, dy_error *err)
{
    flist l = {{0}, 0};
    *out = NULL;
    dy_status st = config_files(ini, &l, err);
    if (st == DY_OK)
        st = dy_dict_load_files((const char *const *)l.p, l.n, lo, out, err);
    flist_free(&l);
    return st;
}

dy_status dy_dict_load_spec(const char *spec, dy_load_opts *lo, dy_dict **out, dy_error *err)
{
    return dy_dict_load_spec_cached(spec, NULL, lo, out, err);
}

/* FNV-1a over the spec and the file names: the cache file's name */
static uint64_t name_hash(const char *spec, const flist *l)
{
    uint64_t h = 1469598103934665603ull;
    const char *parts[MAX_FILES + 1];
    size_t n = 0;
    parts[n++] = spec;
    for (size_t i = 0; i < l->n; i++)
        parts[n++] = l->p[i];
    for (size_t i = 0; i < n; i++) {
        for (const char *p = parts[i]; *p; p++) {
            h ^= (unsigned char)*p;
            h *= 1099511628211ull;
        }
        h ^= 0xff;
        h *= 1099511628211ull;
    }
    return h;
}

static bool is_builtin(const char *s, size_t n)
{
    return (n == 7 && memcmp(s, "builtin", 7) == 0) || (n == 4 && memcmp(s, "core", 4) == 0);
}

/* "builtin+PATH[+PATH...]": layers read into one dictionary, each after
 * the ones before it (options, verbs, actors, agents, the rest, as for one
 * set), so a later layer adds to the earlier and overrides its equal
 * phrases. Not cached: the built-in part is compiled in. */
static dy_status load_layers(const char *spec, dy_load_opts *lo, dy_dict **out, dy_error *err)
{
    enum { MAXL = 8 };
    flist layers[MAXL];
    bool builtin[MAXL];
    size_t nl = 0;
    dy_status st = DY_OK;
    for (const char *p = spec; *p && st == DY_OK;) {
        size_t n = strcspn(p, "+");
        if (nl == MAXL) {
            snprintf(err->msg, sizeof err->msg, "%s: more than %d dictionary layers", spec, MAXL);
            st = DY_ERR_LIMIT;
            break;
        }
        memset(&layers[nl], 0, sizeof layers[nl]);
        builtin[nl] = is_builtin(p, n);
        if (n == 0) {
            snprintf(err->msg, sizeof err->msg, "%s: empty dictionary layer", spec);
            st = DY_ERR_ARG;
            break;
        }
        if (!builtin[nl]) {
            char part[4096];
            snprintf(part, sizeof part, "%.*s", (int)n, p);
            st = spec_files(part, &layers[nl], err);
        }
        nl++;
        p += n + (p[n] == '+');
    }
    dy_dict_builder *b = st == DY_OK ? dy_dict_builder_new() : NULL;
    if (st == DY_OK && !b) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        st = DY_ERR_NOMEM;
    }
    for (int r = 0; r <= 4 && st == DY_OK; r++)
        for (size_t k = 0; k < nl && st == DY_OK; k++) {
            dy_dict_builder_set_layer(b, (uint8_t)k);
            if (builtin[k]) {
                for (size_t i = 0; i < dy_builtin_count; i++) {
                    fkind f = kind_of(dy_builtin_names[i]);
                    if (frank(f) == r && !is_grammar(dy_builtin_names[i]))
                        parse_one(b, f, dy_builtin_names[i], dy_builtin_data[i], dy_builtin_sizes[i], lo);
                }
                continue;
            }
            for (size_t i = 0; i < layers[k].n && st == DY_OK; i++) {
                fkind f = kind_of(layers[k].p[i]);
                if ((f.petr && f.kind == DY_PK_UNKNOWN) || (!f.petr && f.kind == DY_TK_UNKNOWN)) {
                    snprintf(err->msg, sizeof err->msg, "%s: unknown dictionary kind", layers[k].p[i]);
                    st = DY_ERR_ARG;
                    break;
                }
                if (frank(f) != r)
                    continue;
                char *buf;
                size_t len;
                st = dy_tabari_slurp(layers[k].p[i], &buf, &len, err);
                if (st == DY_OK) {
                    parse_one(b, f, layers[k].p[i], buf, len, lo);
                    free(buf);
                }
            }
        }
    for (size_t k = 0; k < nl; k++)
        flist_free(&layers[k]);
    if (st != DY_OK) {
        if (b)
            dy_dict_builder_free(&b);
        return st;
    }
    return finish(&b, spec, out, err);
}

dy_status dy_dict_load_spec_cached(const char *spec, const char *cache_dir, dy_load_opts *lo,
                                   dy_dict **out, dy_error *err)
{
    *out = NULL;
    if (!spec || strcmp(spec, "builtin") == 0 || strcmp(spec, "core") == 0)
        return dy_dict_load_builtin(lo, out, err);
    if (strchr(spec, '+'))
        return load_layers(spec, lo, out, err);
    flist l = {{0}, 0};
    dy_status st = spec_files(spec, &l, err);
    if (st != DY_OK) {
        flist_free(&l);
        return st;
    }
    bool tabari_project = has_suffix(spec, ".project");
    char cpath[4200] = "";
    flist abs = {{0}, 0};
    if (cache_dir && *cache_dir) {
        /* the image records absolute paths (to check freshness from any
         * folder); its name covers them and the names as given, which the
         * evidence ("rule") of the events shows */
        for (size_t i = 0; i < l.n; i++) {
            char *r = realpath(l.p[i], NULL);
            if (r) {
                dy_error ignored; /* a short list: no cache */
                flist_add(&abs, "", r, strlen(r), &ignored);
                free(r);
            }
        }
        if (abs.n == l.n) {
            /* SET-SPEC.dict: the files, then how they were named */
            snprintf(cpath, sizeof cpath, "%s/%016llx-%08llx.dict", cache_dir,
                     (unsigned long long)name_hash("", &abs), (unsigned long long)(name_hash(spec, &l) & 0xffffffffu));
            struct dy_dict *d = NULL;
            st = dy_cache_read(cpath, &d, err);
            if (st == DY_OK && d) {
                flist_free(&abs);
                flist_free(&l);
                *out = d;
                return DY_OK;
            }
        } else
            cpath[0] = '\0';
    }
    /* the sources as they are before parsing: what the image will say it
     * was built from */
    dy_cache_srcrec pre[MAX_FILES];
    if (cpath[0] && !dy_cache_stat_sources((const char *const *)abs.p, abs.n, pre))
        cpath[0] = '\0';
    st = tabari_project ? dy_dict_load_tabari_files((const char *const *)l.p, l.n, lo, out, err)
                        : dy_dict_load_files((const char *const *)l.p, l.n, lo, out, err);
    if (st == DY_OK && cpath[0]) {
        /* a cache that cannot be written only costs the next start time */
        dy_error ignored;
        dy_cache_write(*out, (const char *const *)abs.p, abs.n, pre, cpath, &ignored);
    }
    flist_free(&abs);
    flist_free(&l);
    return st;
}
