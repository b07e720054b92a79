/* cameo.h: the CAMEO event code table (names, Goldstein values, quad
 * classes); one table for every writer. Read-only static data. */
#ifndef DY_CAMEO_H
#define DY_CAMEO_H
#include "../include/dyad.h"
size_t dy_cameo_count(void);
const dy_cameo *dy_cameo_at(size_t i);
#endif
