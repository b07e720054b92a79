/* test_oom.c: every allocation may fail. For N = 0, 1, 2, ... the N-th
 * allocation of a small run (dictionary files loaded, compiled, written to
 * and read from the cache; articles read, coded and written) fails; each
 * run must end in a clean error or in success, never a crash, and give
 * back every byte it took (SQLite's habit). malloc, calloc and realloc are
 * replaced here, forwarding to glibc's own, so the allocations of json-c
 * and utf8proc fail too, as they would when memory runs out. Not built
 * under the sanitizers or valgrind, which bring their own malloc.
 * Prints "N passed, M failed". */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../include/dyad.h"
#include <zstd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static long fail_at = -1, seen, live;

/* the build hides symbols by default; these must replace libc's for every
 * caller, libc's own strdup and realpath included */
#define EXPORT __attribute__((visibility("default")))
static int injected;

/* json-c 0.16 does not check every allocation of its own (a failed strdup
 * of a key is read in json_object_object_add_ex): allocations made for it
 * (directly or through libc) are let be */
static int from_json_c(void)
{
    void *fr[8];
    int n = backtrace(fr, 8);
    for (int i = 1; i < n; i++) {
        Dl_info in;
        if (dladdr(fr[i], &in) && in.dli_fname && strstr(in.dli_fname, "libjson-c"))
            return 1;
    }
    return 0;
}

static int fails(void)
{
    if (fail_at >= 0 && seen == fail_at && from_json_c())
        return 0;
    if (fail_at >= 0 && seen++ == fail_at) {
        injected = 1;
        errno = ENOMEM; /* as glibc's malloc sets it */
        return 1;
    }
    return 0;
}

EXPORT void *malloc(size_t n)
{
    if (fails())
        return NULL;
    void *p = __libc_malloc(n);
    live += p != NULL;
    return p;
}

EXPORT void *calloc(size_t a, size_t b)
{
    if (fails())
        return NULL;
    void *p = __libc_calloc(a, b);
    live += p != NULL;
    return p;
}

EXPORT void *realloc(void *q, size_t n)
{
    if (fails())
        return NULL;
    void *p = __libc_realloc(q, n);
    live += p != NULL && q == NULL;
    return p;
}

EXPORT void *aligned_alloc(size_t a, size_t n)
{
    if (fails())
        return NULL;
    void *p = __libc_memalign(a, n);
    live += p != NULL;
    return p;
}

EXPORT int posix_memalign(void **out, size_t a, size_t n)
{
    void *p = aligned_alloc(a, n);
    if (!p)
        return 12; /* ENOMEM */
    *out = p;
    return 0;
}

EXPORT void free(void *p)
{
    live -= p != NULL;
    __libc_free(p);
}

static const char *cache_dir;
static char last_err[1100];

/* One run: load the set through the cache (built on the first run that
 * gets that far), code two articles with it and with the built-in pack,
 * reading by word order and then with the tree (--syntax parse). */
static int run(const char *const *files, size_t nf, const char *spec)
{
    static const char jl[] = "{\"id\":\"a\",\"date\":\"2018-06-10\",\"title\":\"Gondor condemns Rohan\","
                             "\"text\":\"Gondor condemned Rohan on Monday. It also praised Arnor.\"}\n"
                             "{\"id\":\"b\",\"text\":\"Pakistan criticized India. China met Pakistan in Beijing.\"}\n";
    dy_load_opts lo = {0};
    dy_error err;
    dy_dict *d = NULL;
    dy_status st = spec ? dy_dict_load_spec_cached(spec, cache_dir, &lo, &d, &err)
                        : dy_dict_load_files(files, nf, &lo, &d, &err);
    if (st != DY_OK) {
        snprintf(last_err, sizeof last_err, "%s", err.msg);
        return st == DY_ERR_NOMEM ? 0 : -1;
    }
    int rc = 0;
    for (int parse = 0; parse < 2 && rc == 0; parse++) { /* --syntax linear, then parse */
        dy_coder *c = dy_coder_new(d);
        if (c && parse && dy_coder_set_option(c, "SET: SYNTAX = PARSE", &err) != DY_OK)
            rc = -1;
        dy_reader *r = dy_reader_new("t", jl, sizeof jl - 1, DY_IN_AUTO, 0);
        for (bool eof = false; c && r && !eof;) {
            dy_doc doc;
            if (dy_reader_next(r, &doc, &eof, &err) != DY_OK || eof)
                continue;
            dy_result res;
            if (dy_code_doc(c, &doc, &res, &err) != DY_OK)
                continue;
            char line[4096];
            for (size_t i = 0; i < res.n; i++)
                if (dy_event_json(&res.events[i], doc.id, true, line, sizeof line) >= sizeof line)
                    rc = -1;
        }
        dy_reader_free(&r);
        dy_coder_free(&c);
    }
    dy_dict_free(&d);
    return rc;
}

static char ud_plain[4200], ud_zst[4200];

/* The syntax layer: the built-in model and a model file, a sentence
 * parsed, and a small treebank scored, plain and zstd-compressed. */
static int run_syntax(void)
{
    dy_error err;
    dy_syntax *s = NULL, *f = NULL;
    dy_status st = dy_syntax_load(NULL, &s, &err);
    if (st == DY_OK)
        st = dy_syntax_load("model/en-ewt.dym", &f, &err);
    int rc = st == DY_OK || st == DY_ERR_NOMEM ? 0 : -1;
    if (st != DY_OK)
        snprintf(last_err, sizeof last_err, "%s", err.msg);
    dy_parser *p = s ? dy_parser_new(s) : NULL;
    if (p) {
        const dy_word *w;
        size_t n;
        const char *t = "Gunmen attacked the embassy in Kabul.";
        if (dy_parse_text(p, t, strlen(t), &w, &n, &err) != DY_OK || n != 7)
            rc = -1;
    }
    dy_parser_free(&p);
    const char *files[2] = {ud_plain, ud_zst};
    for (int i = 0; s && rc == 0 && i < 2; i++) {
        dy_ud_scores sc;
        st = dy_validate_ud(files[i], s, NULL, NULL, &sc, &err);
        if (st != DY_OK && st != DY_ERR_NOMEM) {
            snprintf(last_err, sizeof last_err, "%s", err.msg);
            rc = -1;
        }
    }
    dy_syntax_free(&f);
    dy_syntax_free(&s);
    return rc;
}

/* Writes the small treebank that run_syntax scores, plain and as zstd. */
static int write_treebank(void)
{
    static const char tb[] = "# text = They saw it.\n"
                             "1\tThey\t_\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
                             "2\tsaw\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                             "3\tit\t_\tPRON\tPRP\t_\t2\tobj\t_\tSpaceAfter=No\n"
                             "4\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    snprintf(ud_plain, sizeof ud_plain, "%s/tiny.conllu", cache_dir);
    snprintf(ud_zst, sizeof ud_zst, "%s/tiny.conllu.zst", cache_dir);
    char z[1024];
    size_t zl = ZSTD_compress(z, sizeof z, tb, sizeof tb - 1, 3);
    FILE *a = fopen(ud_plain, "wb"), *b = fopen(ud_zst, "wb");
    int ok = a && b && !ZSTD_isError(zl) && fwrite(tb, 1, sizeof tb - 1, a) == sizeof tb - 1 &&
             fwrite(z, 1, zl, b) == zl;
    if (a)
        ok &= fclose(a) == 0;
    if (b)
        ok &= fclose(b) == 0;
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_oom CACHE_DIR DICT_FILE...\n");
        return 2;
    }
    cache_dir = argv[1];
    void *warm[2];
    backtrace(warm, 2); /* loads what backtrace needs before any failure */
    const char *const *files = (const char *const *)argv + 2;
    size_t nf = (size_t)argc - 2;
    char spec[4096] = "";
    for (size_t i = 0; i < nf; i++)
        snprintf(spec + strlen(spec), sizeof spec - strlen(spec), "%s%s", i ? "," : "", files[i]);
    unsigned pass = 0, fail = 0;
    if (write_treebank() != 0)
        return 2;
    /* four set-ups: files straight, through the cache as it is built, from
     * the built image, and the syntax layer */
    for (int mode = 0; mode < 4; mode++) {
        long n;
        for (n = 0;; n++) {
            if (mode == 1) {
                char cmd[4200];
                snprintf(cmd, sizeof cmd, "rm -f %s/*.dict", cache_dir);
                if (system(cmd) != 0)
                    return 2;
            }
            long live0 = live;
            seen = 0;
            injected = 0;
            fail_at = n;
            int rc = mode == 3 ? run_syntax() : run(files, nf, mode ? spec : NULL);
            fail_at = -1;
            if (rc != 0 || live != live0) {
                printf("not ok - mode %d, allocation %ld failed: %s (%ld blocks not freed) %s\n", mode, n,
                       rc ? "an error other than out of memory" : "leak", live - live0, rc ? last_err : "");
                fail++;
            } else
                pass++;
            if (!injected)
                break;
        }
        printf("ok - mode %d: every one of %ld allocations failed in turn\n", mode, n);
    }
    printf("%u passed, %u failed\n", pass, fail);
    return fail != 0;
}
