/* arena.c: bump allocator; see arena.h for the ownership rule. */
#include "arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

struct dy_arena_block {
    dy_arena_block *next; /* older block */
    size_t size;          /* usable bytes in data */
    size_t used;          /* bytes handed out */
    max_align_t data[];   /* payload, aligned for any type */
};

void dy_arena_init(dy_arena *a, size_t block_size, size_t cap)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 65536;
    a->cap = cap;
    a->used_total = 0;
    a->failed = 0;
}

void *dy_arena_alloc(dy_arena *a, size_t n)
{
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    if (n == 0)
        n = align;
    if (a->cap && a->used_total + n > a->cap) {
        a->failed = 1;
        return NULL;
    }
    dy_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t sz = n > a->block_size ? n : a->block_size;
        b = malloc(sizeof *b + sz);
        if (!b) {
            a->failed = 1;
            return NULL;
        }
        b->size = sz;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    a->used_total += n;
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t n)
{
    void *p = dy_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void dy_arena_reset(dy_arena *a)
{
    /* keep the largest-so-far first block; free the rest */
    dy_arena_block *b = a->head;
    if (!b)
        return;
    dy_arena_block *keep = b;
    for (dy_arena_block *x = b->next; x; x = x->next)
        if (x->size > keep->size)
            keep = x;
    while (b) {
        dy_arena_block *n = b->next;
        if (b != keep)
            free(b);
        b = n;
    }
    keep->next = NULL;
    keep->used = 0;
    a->head = keep;
    a->used_total = 0;
    a->failed = 0;
}

void dy_arena_free(dy_arena *a)
{
    dy_arena_block *b = a->head;
    while (b) {
        dy_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
}
