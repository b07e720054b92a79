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

/* Writes d, built from the given source files, to path (atomically: a
 * temporary file renamed into place). */
dy_status dy_cache_write(const struct dy_dict *d, const char *const *sources, size_t nsources,
                         const char *path, dy_error *err);

/* Reads path if it is a valid, fresh image; *out is NULL (and DY_OK is
 * returned) when there is no usable cache. */
dy_status dy_cache_read(const char *path, struct dy_dict **out, dy_error *err);

#endif
