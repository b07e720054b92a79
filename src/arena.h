/* arena.h: bump allocator used for everything that lives as long as one
 * document (tokens, tags, events) or as long as one compiled dictionary.
 *
 * Ownership: the caller creates an arena with dy_arena_init and releases all
 * of its memory at once with dy_arena_free; dy_arena_reset keeps the first
 * block so that coding a stream of documents does no malloc once warm.
 * Pointers returned by dy_arena_alloc stay valid until reset or free. */
#ifndef DY_ARENA_H
#define DY_ARENA_H
#include <stddef.h>

typedef struct dy_arena_block dy_arena_block;

typedef struct {
    dy_arena_block *head;   /* current block; older blocks chained behind it */
    size_t block_size;      /* size of ordinary blocks */
    size_t cap;             /* hard cap on total bytes; 0 means no cap */
    size_t used_total;      /* bytes handed out since the last reset */
    int failed;             /* an allocation returned NULL since the last
                             * reset: a builder that fills many strings
                             * checks this once instead of each of them */
} dy_arena;

void dy_arena_init(dy_arena *a, size_t block_size, size_t cap);
/* Returns NULL when the cap would be exceeded or memory is exhausted. */
void *dy_arena_alloc(dy_arena *a, size_t n);
void *dy_arena_calloc(dy_arena *a, size_t n);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
void dy_arena_reset(dy_arena *a);
void dy_arena_free(dy_arena *a);

#endif
