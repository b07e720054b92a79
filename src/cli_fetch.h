/* cli_fetch.h: `dyad dict fetch`, installing a named dictionary pack into
 * the user's data folder (part of the dyad program, not the library: it
 * runs curl and prints). */
#ifndef DY_CLI_FETCH_H
#define DY_CLI_FETCH_H
#include <stdbool.h>
#include <stddef.h>

/* The folder of an installed pack ("phoenix"), or NULL when name is no
 * known pack. Does not check that it is installed. */
const char *dy_cli_pack_dir(const char *name, char *buf, size_t cap);

/* dyad dict fetch NAME [--from URL|DIR]: returns the exit status. */
int dy_cli_fetch(int argc, char **argv, const char *cache_dir);

/* true when dir holds every file of the Phoenix pack, non-empty; else
 * false with the first one missing named in missing */
bool dy_cli_pack_complete(const char *dir, char *missing, size_t cap);

#endif
