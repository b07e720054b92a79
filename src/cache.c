/* cache.c: compiled dictionary images; see cache.h.
 *
 * File layout (native byte order; the layout sizes and a checksum of
 * dict.h guard against a build with other structures):
 *   header   magic "DYADIMG" and the reader revision, layout sizes, payload size, relocation count,
 *            offset of the dy_dict, source count
 *   sources  per file: size, mtime seconds and nanoseconds, path
 *   payload  the objects; every pointer holds (offset + 1), 0 for NULL
 *   relocs   offsets of the pointer fields in the payload */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS and madvise, beyond POSIX */
#include "cache.h"
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The last character is the reader revision: bump it whenever a dictionary
 * reader changes what it builds from the same files, so that images built
 * by an older dyad are rebuilt rather than trusted (their sources have not
 * changed, so the freshness check alone would keep them). Changes to the
 * records themselves, even a field that fits in old padding, change the
 * checksum of dict.h that layout() folds in. */
#define MAGIC "DYADIMG7"
#ifndef DY_MODEL_SUM
#define DY_MODEL_SUM 0u
#endif

static void layout(uint32_t *l)
{
    memset(l, 0, 12 * sizeof *l);
    l[0] = (uint32_t)sizeof(struct dy_dict);
    l[1] = (uint32_t)sizeof(dy_actor);
    l[2] = (uint32_t)sizeof(dy_agent);
    l[3] = (uint32_t)sizeof(dy_verb);
    l[4] = (uint32_t)sizeof(dy_pattern);
    l[5] = (uint32_t)sizeof(dy_root);
    l[6] = (uint32_t)sizeof(dy_el);
    l[7] = (uint32_t)sizeof(dy_synset);
    l[8] = (uint32_t)sizeof(dy_discard);
    l[9] = (uint32_t)sizeof(dy_issue);
    l[10] = (uint32_t)sizeof(dy_rindex);
    l[11] = (uint32_t)sizeof(void *) | (uint32_t)sizeof(dy_transform) << 8;
    l[0] ^= DY_MODEL_SUM; /* the model's definitions themselves (Makefile) */
}

/* A fast checksum (rotate-and-add over 8-byte words): catches a damaged
 * or truncated image, not a forged one; cache files are the user's own. */
uint64_t dy_cache_checksum(const void *p, size_t n, uint64_t h)
{
    const unsigned char *b = p;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, b + i, 8);
        h = ((h << 7) | (h >> 57)) + w;
    }
    for (; i < n; i++)
        h = ((h << 7) | (h >> 57)) + b[i];
    return h;
}

/* ---- writer ---- */

typedef struct {
    const void *key;
    size_t off;
} pmap_ent;

typedef struct {
    char *buf;
    size_t n, cap;
    uint64_t *rel;
    size_t nrel, crel;
    pmap_ent *map;      /* object already written: address -> offset */
    size_t mapcap, mapn;
    bool fail;
} img;

static size_t put(img *m, const void *p, size_t n)
{
    size_t off = (m->n + 15) & ~(size_t)15;
    if (off + n > m->cap) {
        size_t nc = m->cap ? m->cap : 1 << 20;
        while (nc < off + n)
            nc *= 2;
        char *x = realloc(m->buf, nc);
        if (!x) {
            m->fail = true;
            return 0;
        }
        m->buf = x;
        m->cap = nc;
    }
    memset(m->buf + m->n, 0, off - m->n);
    if (p)
        memcpy(m->buf + off, p, n);
    else
        memset(m->buf + off, 0, n);
    m->n = off + n;
    return off;
}

static bool map_find(img *m, const void *k, size_t *off)
{
    if (!m->mapcap)
        return false;
    size_t h = ((uintptr_t)k >> 4) * 2654435761u & (m->mapcap - 1);
    while (m->map[h].key) {
        if (m->map[h].key == k) {
            *off = m->map[h].off;
            return true;
        }
        h = (h + 1) & (m->mapcap - 1);
    }
    return false;
}

static void map_add(img *m, const void *k, size_t off)
{
    if (m->mapn * 2 >= m->mapcap) {
        size_t nc = m->mapcap ? m->mapcap * 2 : 1 << 14;
        pmap_ent *nm = calloc(nc, sizeof *nm);
        if (!nm) {
            m->fail = true;
            return;
        }
        for (size_t i = 0; i < m->mapcap; i++)
            if (m->map[i].key) {
                size_t h = ((uintptr_t)m->map[i].key >> 4) * 2654435761u & (nc - 1);
                while (nm[h].key)
                    h = (h + 1) & (nc - 1);
                nm[h] = m->map[i];
            }
        free(m->map);
        m->map = nm;
        m->mapcap = nc;
    }
    size_t h = ((uintptr_t)k >> 4) * 2654435761u & (m->mapcap - 1);
    while (m->map[h].key)
        h = (h + 1) & (m->mapcap - 1);
    m->map[h].key = k;
    m->map[h].off = off;
    m->mapn++;
}

/* Stores "target offset + 1" in the pointer field at field_off. */
static void relink(img *m, size_t field_off, size_t target_off)
{
    if (m->fail)
        return;
    uintptr_t v = (uintptr_t)target_off + 1;
    memcpy(m->buf + field_off, &v, sizeof v);
    if (m->nrel == m->crel) {
        size_t nc = m->crel ? m->crel * 2 : 4096;
        uint64_t *x = realloc(m->rel, nc * sizeof *x);
        if (!x) {
            m->fail = true;
            return;
        }
        m->rel = x;
        m->crel = nc;
    }
    m->rel[m->nrel++] = field_off;
}

static void clear_ptr(img *m, size_t field_off)
{
    if (!m->fail)
        memset(m->buf + field_off, 0, sizeof(void *));
}

static void str(img *m, size_t field_off, const char *s)
{
    if (m->fail)
        return;
    if (!s) {
        clear_ptr(m, field_off);
        return;
    }
    size_t off;
    if (!map_find(m, s, &off)) {
        off = put(m, s, strlen(s) + 1);
        map_add(m, s, off);
    }
    relink(m, field_off, off);
}

#define F(base, T, field) ((base) + offsetof(T, field))

static void ecode(img *m, size_t at)
{
    if (m->fail)
        return; /* out of memory: the image is dropped */
    dy_ecode e;
    memcpy(&e, m->buf + at, sizeof e);
    str(m, F(at, dy_ecode, code), e.code);
    str(m, F(at, dy_ecode, code2), e.code2);
}

static void seq(img *m, size_t at)
{
    if (m->fail)
        return; /* out of memory: the image is dropped */
    dy_seq q;
    memcpy(&q, m->buf + at, sizeof q);
    if (!q.el || !q.n) {
        clear_ptr(m, F(at, dy_seq, el));
        return;
    }
    size_t off = put(m, q.el, q.n * sizeof *q.el);
    for (uint16_t i = 0; i < q.n && !m->fail; i++)
        str(m, off + i * sizeof(dy_el) + offsetof(dy_el, w), q.el[i].w);
    relink(m, F(at, dy_seq, el), off);
}

static void origin(img *m, size_t at)
{
    if (m->fail)
        return; /* out of memory: the image is dropped */
    dy_origin o;
    memcpy(&o, m->buf + at, sizeof o);
    str(m, F(at, dy_origin, file), o.file);
}

static void patterns(img *m, size_t field, const dy_pattern *p, uint32_t n)
{
    if (!p || !n) {
        clear_ptr(m, field);
        return;
    }
    size_t off = put(m, p, n * sizeof *p);
    for (uint32_t i = 0; i < n && !m->fail; i++) {
        size_t at = off + i * sizeof *p;
        seq(m, F(at, dy_pattern, upper));
        seq(m, F(at, dy_pattern, lower));
        ecode(m, F(at, dy_pattern, code));
        str(m, F(at, dy_pattern, text), p[i].text);
        origin(m, F(at, dy_pattern, at));
    }
    relink(m, field, off);
}

bool dy_cache_stat_sources(const char *const *sources, size_t n, dy_cache_srcrec *out)
{
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(sources[i], &sb) != 0)
            return false;
        memset(&out[i], 0, sizeof out[i]);
        out[i].size = (uint64_t)sb.st_size;
        out[i].sec = (int64_t)sb.st_mtim.tv_sec;
        out[i].nsec = (int64_t)sb.st_mtim.tv_nsec;
        out[i].pathlen = strlen(sources[i]);
    }
    return true;
}

/* Removes the images of path's set (the name up to its '-') beyond the
 * newest three, and leftover temporary files of the set. */
static void prune(const char *path)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dash = strchr(base, '-');
    if (!slash || !dash)
        return;
    size_t pl = (size_t)(dash - base) + 1;
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%.*s", (int)(pl < sizeof prefix ? pl : sizeof prefix - 1), base);
    *slash = '\0';
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    enum { KEEP = 3 };
    struct { char name[256]; int64_t t; } keep[KEEP + 1];
    int nk = 0;
    for (struct dirent *e; (e = readdir(dp));) {
        size_t nl = strlen(e->d_name);
        if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 || nl >= 256)
            continue;
        char p[4500];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        bool tmp = nl > 5 && strstr(e->d_name, ".dict.") != NULL;
        if (tmp) {
            if (time(NULL) - sb.st_mtime > 3600) /* a writer that died */
                unlink(p);
            continue;
        }
        /* insert by modification time, newest first; drop the oldest */
        int i = nk < KEEP + 1 ? nk++ : KEEP;
        while (i > 0 && keep[i - 1].t < (int64_t)sb.st_mtime) {
            keep[i] = keep[i - 1];
            i--;
        }
        snprintf(keep[i].name, sizeof keep[i].name, "%s", e->d_name);
        keep[i].t = (int64_t)sb.st_mtime;
        if (nk == KEEP + 1) {
            snprintf(p, sizeof p, "%s/%s", dir, keep[KEEP].name);
            unlink(p);
            nk = KEEP;
        }
    }
    closedir(dp);
}

dy_status dy_cache_write(const struct dy_dict *d, const char *const *sources, size_t nsources,
                         const dy_cache_srcrec *pre, const char *path, dy_error *err)
{
    img m = {0};
    size_t dofs = put(&m, d, sizeof *d);
    /* the arena and the image pointer are meaningless in an image */
    if (!m.fail)
        memset(m.buf + F(dofs, struct dy_dict, arena), 0, sizeof d->arena);
    clear_ptr(&m, F(dofs, struct dy_dict, image));
    if (!m.fail)
        memset(m.buf + F(dofs, struct dy_dict, image_len), 0, sizeof d->image_len);
    size_t off;
    /* actors */
    off = put(&m, d->actors, d->nactors * sizeof *d->actors);
    for (uint32_t i = 0; i < d->nactors && !m.fail; i++) {
        size_t at = off + i * sizeof(dy_actor);
        const dy_actor *a = &d->actors[i];
        size_t c = put(&m, a->codes.c, a->codes.n * sizeof *a->codes.c);
        for (uint16_t k = 0; k < a->codes.n && !m.fail; k++)
            str(&m, c + k * sizeof(dy_dcode) + offsetof(dy_dcode, code), a->codes.c[k].code);
        relink(&m, at + offsetof(dy_actor, codes) + offsetof(dy_codes, c), c);
        str(&m, F(at, dy_actor, parent), a->parent);
        origin(&m, F(at, dy_actor, at));
    }
    relink(&m, F(dofs, struct dy_dict, actors), off);
    /* agents */
    off = put(&m, d->agents, d->nagents * sizeof *d->agents);
    for (uint32_t i = 0; i < d->nagents && !m.fail; i++) {
        size_t at = off + i * sizeof(dy_agent);
        str(&m, F(at, dy_agent, code), d->agents[i].code);
        origin(&m, F(at, dy_agent, at));
    }
    relink(&m, F(dofs, struct dy_dict, agents), off);
    /* verbs and their patterns */
    off = put(&m, d->verbs, d->nverbs * sizeof *d->verbs);
    for (uint32_t i = 0; i < d->nverbs && !m.fail; i++) {
        size_t at = off + i * sizeof(dy_verb);
        ecode(&m, F(at, dy_verb, code));
        patterns(&m, F(at, dy_verb, pat), d->verbs[i].pat, d->verbs[i].npat);
        origin(&m, F(at, dy_verb, at));
    }
    relink(&m, F(dofs, struct dy_dict, verbs), off);
    /* roots */
    off = put(&m, d->roots, d->nroots * sizeof *d->roots);
    for (uint32_t i = 0; i < d->nroots && !m.fail; i++) {
        size_t at = off + i * sizeof(dy_root);
        const dy_root *r = &d->roots[i];
        seq(&m, F(at, dy_root, ph));
        str(&m, F(at, dy_root, text), r->text);
        if (r->code) {
            size_t e;
            if (!map_find(&m, r->code, &e)) {
                e = put(&m, r->code, sizeof *r->code);
                ecode(&m, e);
                map_add(&m, r->code, e);
            }
            relink(&m, F(at, dy_root, code), e);
        }
    }
    relink(&m, F(dofs, struct dy_dict, roots), off);
    /* synsets */
    off = put(&m, d->syn, d->nsyn * sizeof *d->syn);
    for (uint32_t i = 0; i < d->nsyn && !m.fail; i++) {
        size_t at = off + i * sizeof(dy_synset);
        const dy_synset *y = &d->syn[i];
        size_t mem = put(&m, y->mem, y->n * sizeof *y->mem);
        for (uint32_t k = 0; k < y->n && !m.fail; k++)
            seq(&m, mem + k * sizeof(dy_seq));
        relink(&m, F(at, dy_synset, mem), mem);
        str(&m, F(at, dy_synset, name), y->name);
    }
    relink(&m, F(dofs, struct dy_dict, syn), off);
    /* discards and issues */
    off = put(&m, d->disc, d->ndisc * sizeof *d->disc);
    for (uint32_t i = 0; i < d->ndisc && !m.fail; i++) {
        size_t at = off + i * sizeof(dy_discard);
        seq(&m, F(at, dy_discard, ph));
        origin(&m, F(at, dy_discard, at));
    }
    relink(&m, F(dofs, struct dy_dict, disc), off);
    off = put(&m, d->iss, d->niss * sizeof *d->iss);
    for (uint32_t i = 0; i < d->niss && !m.fail; i++) {
        size_t at = off + i * sizeof(dy_issue);
        seq(&m, F(at, dy_issue, ph));
        str(&m, F(at, dy_issue, code), d->iss[i].code);
        origin(&m, F(at, dy_issue, at));
    }
    relink(&m, F(dofs, struct dy_dict, iss), off);
    off = put(&m, d->tr, d->ntr * sizeof *d->tr);
    for (uint32_t i = 0; i < d->ntr && !m.fail; i++)
        origin(&m, F(off + i * sizeof(dy_transform), dy_transform, at));
    relink(&m, F(dofs, struct dy_dict, tr), off);
    /* the index */
    off = put(&m, d->root_order, (d->nroots + 1) * sizeof *d->root_order);
    relink(&m, F(dofs, struct dy_dict, root_order), off);
    off = put(&m, d->ridx, d->ridx_cap * sizeof *d->ridx);
    for (uint32_t i = 0; i < d->ridx_cap && !m.fail; i++)
        str(&m, off + i * sizeof(dy_rindex) + offsetof(dy_rindex, key), d->ridx[i].key);
    relink(&m, F(dofs, struct dy_dict, ridx), off);
    str(&m, F(dofs, struct dy_dict, name), d->name);
    put(&m, "", 1); /* the last byte a NUL: every string in the image ends in it */
    free(m.map);
    if (m.fail) {
        free(m.buf);
        free(m.rel);
        snprintf(err->msg, sizeof err->msg, "out of memory writing the dictionary cache");
        return DY_ERR_NOMEM;
    }
    /* a fresh file of our own beside the image (O_EXCL: a name planted in
     * the folder, a link included, is never opened) */
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    dy_status st = DY_OK;
    if (!f) {
        snprintf(err->msg, sizeof err->msg, "%.900s: %s", tmp, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        st = DY_ERR_IO;
        goto out;
    }
    dy_cache_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, 8);
    layout(h.layout);
    h.payload = m.n;
    h.nrel = m.nrel;
    h.dict_off = dofs;
    h.nsrc = nsources;
    h.sum = dy_cache_checksum(m.rel, m.nrel * sizeof *m.rel, dy_cache_checksum(m.buf, m.n, 0));
    bool ok = fwrite(&h, sizeof h, 1, f) == 1;
    size_t written = sizeof h;
    for (size_t i = 0; ok && i < nsources; i++) {
        dy_cache_srcrec r = pre[i];
        r.pathlen = strlen(sources[i]);
        ok = fwrite(&r, sizeof r, 1, f) == 1 && fwrite(sources[i], 1, r.pathlen, f) == r.pathlen;
        written += sizeof r + r.pathlen;
    }
    /* the payload starts 16-aligned in the file so that it can be read
     * into an aligned buffer at the same offset */
    static const char pad[16];
    size_t padn = (16 - written % 16) % 16;
    ok = ok && fwrite(pad, 1, padn, f) == padn;
    ok = ok && fwrite(m.buf, 1, m.n, f) == m.n;
    ok = ok && fwrite(m.rel, sizeof *m.rel, m.nrel, f) == m.nrel;
    if (fclose(f) != 0)
        ok = false;
    if (!ok || chmod(tmp, 0644) != 0 || rename(tmp, path) != 0) {
        snprintf(err->msg, sizeof err->msg, "%.900s: cannot write the dictionary cache", path);
        unlink(tmp);
        st = DY_ERR_IO;
        goto out;
    }
    /* a source edited while it was parsed: the image may hold either
     * version, so it goes (the next run builds it again) */
    dy_cache_srcrec *now = malloc((nsources ? nsources : 1) * sizeof *now);
    if (!now || !dy_cache_stat_sources(sources, nsources, now) || memcmp(now, pre, nsources * sizeof *now) != 0)
        unlink(path);
    free(now);
    prune(path);
out:
    free(m.buf);
    free(m.rel);
    return st;
}

/* ---- reader ---- */

/* Memory for an image of n bytes. A large one (the Phoenix pack's is 18
 * MB) is mapped on 2 MB boundaries with transparent huge pages asked for:
 * nine page faults instead of 4,500 make loading a third faster where the
 * kernel grants them, and cost nothing where it does not. *len is the
 * mapping's length, 0 for malloc'd memory. */
static char *image_alloc(size_t n, size_t *len)
{
    const size_t huge = (size_t)2 << 20;
    *len = 0;
    if (n < 2 * huge)
        return malloc(n ? n : 1);
    size_t sz = (n + huge - 1) & ~(huge - 1);
    char *m = mmap(NULL, sz + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return malloc(n);
    char *a = (char *)(((uintptr_t)m + huge - 1) & ~(uintptr_t)(huge - 1));
    /* keep exactly [a, a + sz): the slack before and after goes back */
    if (a > m)
        munmap(m, (size_t)(a - m));
    if (m + sz + huge > a + sz)
        munmap(a + sz, (size_t)(m + sz + huge - (a + sz)));
    madvise(a, sz, MADV_HUGEPAGE);
    *len = sz;
    return a;
}

static void image_free(char *p, size_t len)
{
    if (len)
        munmap(p, len);
    else
        free(p);
}

/* ---- checking an image before use ----
 * The checksum catches damage, not forgery: a planted image with a
 * recomputed checksum must not make dyad read outside it. After relocation
 * every pointer is checked to lie inside the payload with room for its
 * count of objects, every string to end inside it, and every index to
 * name an object that exists. */

typedef struct {
    const char *lo, *hi; /* the payload */
    const struct dy_dict *d;
} ick;

static bool in_img(const ick *k, const void *p, size_t n, size_t size, size_t align)
{
    if (!p)
        return n == 0;
    const char *c = p;
    if (c < k->lo || c > k->hi || (size_t)(c - k->lo) % align)
        return false;
    return size == 0 || n <= (size_t)(k->hi - c) / size;
}

/* A string inside the image ends inside it: the payload's last byte is a
 * NUL (image_sound checks it), so no string needs reading here. */
static bool ick_str(const ick *k, const char *s)
{
    return !s || in_img(k, s, 1, 1, 1);
}

static bool ick_seq(const ick *k, const dy_seq *q)
{
    if (!in_img(k, q->el, q->n, sizeof *q->el, _Alignof(dy_el)))
        return false;
    for (uint16_t i = 0; i < q->n; i++) {
        const dy_el *e = &q->el[i];
        /* the coder reads len bytes of the word: they lie inside the image */
        if (e->kind > DY_EL_SYN || !ick_str(k, e->w) || (e->w && !in_img(k, e->w, (size_t)e->len + 1, 1, 1))
            || (e->kind == DY_EL_SYN && e->syn >= k->d->nsyn))
            return false;
    }
    return true;
}

/* a bool's byte is 0 or 1 (any other value is undefined behaviour to read) */
static bool ick_bool(const bool *b)
{
    unsigned char v;
    memcpy(&v, b, 1);
    return v <= 1;
}

static bool ick_ecode(const ick *k, const dy_ecode *e)
{
    /* the coder reads an event's code without asking whether it is there */
    return e->kind <= DY_EC_NONE && (e->kind != DY_EC_EVENT || e->code) && ick_str(k, e->code) && ick_str(k, e->code2)
        && ick_bool(&e->sub)
        && ick_bool(&e->dom) && ick_bool(&e->rev);
}

static bool ick_opts(const dy_opts *o)
{
    const bool *b[] = {&o->comma_off, &o->cx_noactprior, &o->cx_noactafter, &o->cx_noverb, &o->cx_nosource,
                       &o->cx_notarget, &o->cx_noevent, &o->cx_explain, &o->def_src_prior, &o->def_tgt_after,
                       &o->convert_agents, &o->yyyy, &o->fbis, &o->forward, &o->allow_half_dyad, &o->negation,
                       &o->speculation, &o->own_acts, &o->subordinate, &o->places, &o->domestic, &o->neither};
    for (size_t i = 0; i < sizeof b / sizeof *b; i++)
        if (!ick_bool(b[i]))
            return false;
    return memchr(o->def_src, 0, sizeof o->def_src) && memchr(o->def_tgt, 0, sizeof o->def_tgt)
        && memchr(o->fwd_fmt, 0, sizeof o->fwd_fmt);
}

#define ICK_ARRAY(k, p, n) in_img(k, p, n, sizeof *(p), _Alignof(__typeof__(*(p))))

static bool ick_entries(const ick *k)
{
    const struct dy_dict *d = k->d;
    for (uint32_t i = 0; i < d->nactors; i++) {
        const dy_actor *a = &d->actors[i];
        if (!ICK_ARRAY(k, a->codes.c, a->codes.n) || !ick_str(k, a->parent) || !ick_str(k, a->at.file))
            return false;
        for (uint16_t c = 0; c < a->codes.n; c++)
            if (!ick_str(k, a->codes.c[c].code))
                return false;
    }
    for (uint32_t i = 0; i < d->nagents; i++)
        if (!ick_str(k, d->agents[i].code) || !ick_str(k, d->agents[i].at.file) || !ick_bool(&d->agents[i].prefix))
            return false;
    for (uint32_t i = 0; i < d->nverbs; i++) {
        const dy_verb *v = &d->verbs[i];
        if (!ick_ecode(k, &v->code) || !ick_str(k, v->at.file) || !ICK_ARRAY(k, v->pat, v->npat) || v->sect > DY_VS_ATTRIB)
            return false;
        for (uint32_t j = 0; j < v->npat; j++) {
            const dy_pattern *p = &v->pat[j];
            if (!ick_seq(k, &p->upper) || !ick_seq(k, &p->lower) || !ick_ecode(k, &p->code) || !ick_str(k, p->text)
                || !ick_str(k, p->at.file) || p->nwh > 3 || !ick_bool(&p->verb_adj_left) || !ick_bool(&p->verb_adj_right))
                return false;
        }
    }
    const uint32_t ids[8] = {0, d->nactors, d->nagents, d->nverbs, UINT32_MAX, UINT32_MAX, d->ndisc, d->niss};
    for (uint32_t i = 0; i < d->nroots; i++) {
        const dy_root *r = &d->roots[i];
        if (!ick_seq(k, &r->ph) || !r->ph.n || r->type < DY_RT_ACTOR || r->type > DY_RT_ISSUE || r->id >= ids[r->type]
            || !ick_str(k, r->text) || !ICK_ARRAY(k, r->code, r->code != NULL) || (r->code && !ick_ecode(k, r->code)))
            return false;
    }
    for (uint32_t i = 0; i < d->nsyn; i++) {
        if (!ICK_ARRAY(k, d->syn[i].mem, d->syn[i].n) || !ick_str(k, d->syn[i].name) || !ick_bool(&d->syn[i].plain))
            return false;
        for (uint32_t m = 0; m < d->syn[i].n; m++)
            if (!ick_seq(k, &d->syn[i].mem[m]))
                return false;
    }
    for (uint32_t i = 0; i < d->ndisc; i++)
        if (!ick_seq(k, &d->disc[i].ph) || !ick_str(k, d->disc[i].at.file) || !ick_bool(&d->disc[i].story))
            return false;
    for (uint32_t i = 0; i < d->niss; i++)
        if (!ick_seq(k, &d->iss[i].ph) || !ick_str(k, d->iss[i].code) || !ick_str(k, d->iss[i].at.file))
            return false;
    for (uint32_t i = 0; i < d->ntr; i++) {
        const dy_transform *t = &d->tr[i];
        if (!ick_str(k, t->at.file) || !memchr(t->iverb, 0, sizeof t->iverb) || !memchr(t->overb, 0, sizeof t->overb)
            || !memchr(t->icode, 0, sizeof t->icode) || !memchr(t->ocode, 0, sizeof t->ocode)
            || !memchr(t->rcode, 0, sizeof t->rcode))
            return false;
    }
    return true;
}

static bool ick_index(const ick *k)
{
    const struct dy_dict *d = k->d;
    if (!ICK_ARRAY(k, d->root_order, (size_t)d->nroots + 1) || !ICK_ARRAY(k, d->ridx, d->ridx_cap) || !d->ridx_cap
        || (d->ridx_cap & (d->ridx_cap - 1)))
        return false;
    for (uint32_t i = 0; i < d->nroots; i++)
        if (d->root_order[i] >= d->nroots)
            return false;
    for (uint32_t i = 0; i < d->ridx_cap; i++) {
        const dy_rindex *x = &d->ridx[i];
        if (!ick_str(k, x->key) || (x->key && (!in_img(k, x->key, (size_t)x->klen + 1, 1, 1) || x->first > d->nroots
                                               || x->count > d->nroots - x->first)))
            return false;
    }
    return ick_opts(&d->opts) && ick_bool(&d->has_time) && ick_bool(&d->has_attrib) && ick_bool(&d->petr)
           && ick_bool(&d->light) && (!d->light || (d->light_lo <= d->light_hi && d->light_hi < d->nsyn));
}

/* true when the relocated image at base (payload bytes) holds a dy_dict at
 * dict_off whose every pointer, string and index is sound */
static bool image_sound(const char *base, size_t payload, size_t dict_off)
{
    const struct dy_dict *d = (const struct dy_dict *)(const void *)(base + dict_off);
    ick k = {base, base + payload, d};
    if (dict_off % _Alignof(struct dy_dict) || !payload || base[payload - 1] != '\0')
        return false;
    return ICK_ARRAY(&k, d->actors, d->nactors) && ICK_ARRAY(&k, d->agents, d->nagents)
        && ICK_ARRAY(&k, d->verbs, d->nverbs) && ICK_ARRAY(&k, d->roots, d->nroots) && ICK_ARRAY(&k, d->syn, d->nsyn)
        && ICK_ARRAY(&k, d->disc, d->ndisc) && ICK_ARRAY(&k, d->iss, d->niss) && ICK_ARRAY(&k, d->tr, d->ntr)
        && ick_str(&k, d->name) && ick_entries(&k) && ick_index(&k);
}

dy_status dy_cache_read(const char *path, struct dy_dict **out, dy_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return DY_OK; /* no cache yet */
    dy_cache_header h;
    uint32_t l[12];
    layout(l);
    bool ok = fread(&h, sizeof h, 1, f) == 1 && memcmp(h.magic, MAGIC, 8) == 0
           && memcmp(h.layout, l, sizeof l) == 0 && h.nsrc <= 4096;
    size_t pos = sizeof h;
    for (uint64_t i = 0; ok && i < h.nsrc; i++) {
        dy_cache_srcrec r;
        char p[4097];
        ok = fread(&r, sizeof r, 1, f) == 1 && r.pathlen <= 4096 && fread(p, 1, r.pathlen, f) == r.pathlen;
        if (!ok)
            break;
        p[r.pathlen] = '\0';
        pos += sizeof r + r.pathlen;
        struct stat sb;
        /* stale when a source changed or went away */
        ok = stat(p, &sb) == 0 && (uint64_t)sb.st_size == r.size && (int64_t)sb.st_mtim.tv_sec == r.sec
          && (int64_t)sb.st_mtim.tv_nsec == r.nsec;
    }
    struct stat fs;
    ok = ok && fstat(fileno(f), &fs) == 0;
    size_t pad = (16 - pos % 16) % 16;
    char skip[16];
    ok = ok && fread(skip, 1, pad, f) == pad;
    pos += pad;
    size_t size = ok ? (size_t)fs.st_size : 0;
    ok = ok && h.payload <= size && pos <= size - h.payload
      && h.nrel == (size - pos - h.payload) / sizeof(uint64_t) && h.dict_off + sizeof(struct dy_dict) <= h.payload;
    char *base = NULL;
    size_t maplen = 0;
    uint64_t *rel = NULL;
    if (ok) {
        base = image_alloc(h.payload, &maplen);
        rel = malloc(h.nrel ? h.nrel * sizeof *rel : 1);
        if (!base || !rel) {
            image_free(base, maplen);
            free(rel);
            fclose(f);
            snprintf(err->msg, sizeof err->msg, "out of memory reading %.900s", path);
            return DY_ERR_NOMEM;
        }
        ok = fread(base, 1, h.payload, f) == h.payload && fread(rel, sizeof *rel, h.nrel, f) == h.nrel
          && dy_cache_checksum(rel, h.nrel * sizeof *rel, dy_cache_checksum(base, h.payload, 0)) == h.sum;
    }
    fclose(f);
    for (uint64_t i = 0; ok && i < h.nrel; i++) {
        uintptr_t v;
        if (rel[i] > h.payload - sizeof v) {
            ok = false;
            break;
        }
        memcpy(&v, base + rel[i], sizeof v);
        if (v > h.payload) {
            ok = false;
            break;
        }
        v = v ? (uintptr_t)base + v - 1 : 0;
        memcpy(base + rel[i], &v, sizeof v);
    }
    free(rel);
    ok = ok && image_sound(base, h.payload, h.dict_off);
    if (!ok) {
        if (base)
            image_free(base, maplen);
        return DY_OK; /* stale, foreign, damaged or forged: rebuilt by the caller */
    }
    struct dy_dict *d = (struct dy_dict *)(void *)(base + h.dict_off);
    d->image = base;
    d->image_len = maplen;
    *out = d;
    return DY_OK;
}
