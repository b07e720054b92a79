/* cache.h: compiled dictionary cache. A compiled dy_dict is written as one
 * relocatable image (its objects laid end to end, pointers stored as
 * offsets plus a table of where they are), so that loading is a read and a
 * pass of pointer fix-ups instead of parsing dictionary text.
 *
 * The image records each source file's path, size and modification time;
 * it is used only while all of them are unchanged, and only by a build with
 * the same structure layout (sizes are checked). A dictionary loaded from an
 * image owns the image buffer and frees it in dy_dict_free. */
#ifndef DY_CACHE_H
#define DY_CACHE_H
#include "dict.h"
#include "../include/dyad.h"

/* The file: a header, per source file a record and its path, padding to
 * 16 bytes, the payload, the relocations (uint64_t offsets). */
typedef struct {
    char magic[8];
    uint32_t layout[12];
    uint64_t payload;   /* payload bytes */
    uint64_t nrel;      /* relocations */
    uint64_t dict_off;  /* where the dy_dict is in the payload */
    uint64_t nsrc;      /* source files */
    uint64_t sum;       /* checksum of payload and relocations (accidental damage) */
} dy_cache_header;

typedef struct {
    uint64_t size;
    int64_t sec, nsec;
    uint64_t pathlen;
} dy_cache_srcrec;

/* The checksum of the payload and relocations (over 8-byte words). */
uint64_t dy_cache_checksum(const void *p, size_t n, uint64_t h);

/* Each source file's size and modification time, taken with stat before
 * it is parsed: an image records the files as they were read, so that one
 * edited while the image was built is never trusted. false when one cannot
 * be read. */
bool dy_cache_stat_sources(const char *const *sources, size_t n, dy_cache_srcrec *out);

/* Writes d, built from the given source files as stat'ed in pre, to path
 * (a mkstemp file beside it, renamed into place). After the rename the
 * sources are stat'ed again: if one changed meanwhile the image is
 * removed. Older images of the same set (files named "SET-*.dict" with
 * path's SET prefix) beyond the three newest are removed. */
dy_status dy_cache_write(const struct dy_dict *d, const char *const *sources, size_t nsources,
                         const dy_cache_srcrec *pre, const char *path, dy_error *err);

/* Reads path if it is a valid, fresh image; *out is NULL (and DY_OK is
 * returned) when there is no usable cache. */
dy_status dy_cache_read(const char *path, struct dy_dict **out, dy_error *err);

#endif
