/* cameo.c: lookups in the generated CAMEO table. */
#include "cameo.h"
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "cameo_table.h"

static int cmp(const void *k, const void *e)
{
    return strcmp(k, ((const dy_cameo *)e)->code);
}

const dy_cameo *dy_cameo_find(const char *code)
{
    return bsearch(code, dy_cameo_table, sizeof dy_cameo_table / sizeof dy_cameo_table[0],
                   sizeof dy_cameo_table[0], cmp);
}

size_t dy_cameo_count(void) { return sizeof dy_cameo_table / sizeof dy_cameo_table[0]; }
const dy_cameo *dy_cameo_at(size_t i) { return i < dy_cameo_count() ? &dy_cameo_table[i] : NULL; }
