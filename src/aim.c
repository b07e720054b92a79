/* aim.c: the aim of a political act (aim.h). */
#include "aim.h"
#include <stdlib.h>
#include <string.h>

static const char PREFIX[] = "&AIM_";

struct dy_aim {
    dy_el el[4];   /* the synsets of aims 1-4, as pattern elements */
    bool have[4];
};

dy_aim *dy_aim_new(const struct dy_dict *d)
{
    dy_aim *A = NULL;
    for (uint32_t s = 0; s < d->nsyn; s++) {
        const char *n = d->syn[s].name;
        if (strncmp(n, PREFIX, sizeof PREFIX - 1) != 0 || n[sizeof PREFIX - 1] < '1'
            || n[sizeof PREFIX - 1] > '4' || n[sizeof PREFIX] != '\0')
            continue;
        if (!A && !(A = calloc(1, sizeof *A)))
            return NULL;
        int k = n[sizeof PREFIX - 1] - '1';
        A->el[k] = (dy_el){.kind = DY_EL_SYN, .syn = s};
        A->have[k] = true;
    }
    return A;
}

void dy_aim_free(dy_aim **ap)
{
    free(*ap);
    *ap = NULL;
}

int dy_aim_digit(const dy_aim *A, const dy_mctx *x, int from, int to)
{
    for (int p = from; A && p < to && p < x->c->m; p++)
        for (int k = 0; k < 4; k++) {
            if (!A->have[k])
                continue;
            dy_seq q = {(dy_el *)&A->el[k], 1};
            dy_slots none = {-1, -1, false, false, {0}, 0, -1};
            if (dy_pat_seq_fwd(x, &q, p, &none) >= 0)
                return k + 1;
        }
    return 0;
}
