/* aim.c: the aim of a political act (aim.h). */
#include "aim.h"
#include "grammar.h"
#include <stdlib.h>
#include <string.h>

static const char PREFIX[] = "&AIM_";
static const char MEANS[] = "&MEANS_";
enum { MAX_MEANS = 32 };

struct dy_aim {
    dy_el el[4];   /* the synsets of aims 1-4, as pattern elements */
    bool have[4];
    dy_el means[MAX_MEANS]; /* the synsets &MEANS_<code>, in file order */
    char means_code[MAX_MEANS][5];
    int nmeans;
    char reform[100][4]; /* by CAMEO root: its one AIM_CODE, "" none or several */
};

/* Each root's one AIM_CODE of the grammar ("10": "104"); none for a
 * root with several (the protests of 14). */
static void reform_codes(dy_aim *A)
{
    char c[4] = "000";
    int n[100] = {0};
    for (int r = 0; r < 100; r++)
        for (int d = 0; d < 10; d++) {
            c[0] = (char)('0' + r / 10);
            c[1] = (char)('0' + r % 10);
            c[2] = (char)('0' + d);
            if (dy_grammar_has(DY_G_AIM_CODE, c, 3) && n[r]++ == 0)
                memcpy(A->reform[r], c, 4);
        }
    for (int r = 0; r < 100; r++)
        if (n[r] > 1)
            A->reform[r][0] = '\0';
}

/* Is n "&MEANS_" and a CAMEO code of 3 or 4 digits? */
static bool means_name(const char *n)
{
    if (strncmp(n, MEANS, sizeof MEANS - 1) != 0)
        return false;
    size_t k = 0;
    for (n += sizeof MEANS - 1; n[k]; k++)
        if (n[k] < '0' || n[k] > '9')
            return false;
    return k == 3 || k == 4;
}

dy_aim *dy_aim_new(const struct dy_dict *d)
{
    dy_aim *A = NULL;
    for (uint32_t s = 0; s < d->nsyn; s++) {
        const char *n = d->syn[s].name;
        if (means_name(n)) {
            if (!A && !(A = calloc(1, sizeof *A)))
                return NULL;
            if (A->nmeans < MAX_MEANS) {
                A->means[A->nmeans] = (dy_el){.kind = DY_EL_SYN, .syn = s};
                memcpy(A->means_code[A->nmeans++], n + sizeof MEANS - 1, strlen(n + sizeof MEANS - 1) + 1);
            }
            continue;
        }
        if (strncmp(n, PREFIX, sizeof PREFIX - 1) != 0 || n[sizeof PREFIX - 1] < '1'
            || n[sizeof PREFIX - 1] > '4' || n[sizeof PREFIX] != '\0')
            continue;
        if (!A && !(A = calloc(1, sizeof *A)))
            return NULL;
        int k = n[sizeof PREFIX - 1] - '1';
        A->el[k] = (dy_el){.kind = DY_EL_SYN, .syn = s};
        A->have[k] = true;
    }
    if (A)
        reform_codes(A);
    return A;
}

void dy_aim_free(dy_aim **ap)
{
    free(*ap);
    *ap = NULL;
}

/* Does the synset element e match at clause position p? */
static bool at(const dy_mctx *x, const dy_el *e, int p)
{
    dy_seq q = {(dy_el *)e, 1};
    dy_slots none = {-1, -1, false, false, {0}, 0, -1};
    return dy_pat_seq_fwd(x, &q, p, &none) >= 0;
}

const char *dy_aim_means(const dy_aim *A, const dy_mctx *x, int from, int to)
{
    for (int p = from; A && A->nmeans && p < to && p < x->c->m; p++) {
        /* in the verb's own phrase: not past a comma, a conjunction or
         * another verb ("attacked Kurds in Iraq, ... fired missiles") */
        const dy_ptok *t = &x->s->tok[x->c->L[p]];
        if (p > from && (t->t.cls == DY_W_COMMA || t->t.cls == DY_W_CONJ || t->type == DY_T_VERB))
            break;
        for (int k = 0; k < A->nmeans; k++)
            if (at(x, &A->means[k], p))
                return A->means_code[k];
    }
    return NULL;
}

int dy_aim_digit(const dy_aim *A, const dy_mctx *x, int from, int to)
{
    for (int p = from; A && p < to && p < x->c->m; p++) {
        /* an aim's word in a name is no aim ("the Human Rights Council",
         * "our One China Policy", "the Law of the Sea") */
        int16_t tk = x->c->L[p];
        if (tk > 0 && x->s->tok[tk].t.cap)
            continue;
        for (int k = 0; k < 4; k++) {
            if (A->have[k] && at(x, &A->el[k], p))
                return k + 1;
        }
    }
    return 0;
}

const char *dy_aim_split_code(const dy_aim *A, const char *code)
{
    if (strlen(code) != 3 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return NULL;
    if (dy_grammar_has(DY_G_AIM_CODE, code, 3))
        return code;
    const char *r = A->reform[(code[0] - '0') * 10 + (code[1] - '0')];
    return r[0] && dy_grammar_has(DY_G_AIM_GENERIC, code, 3) ? r : NULL;
}
