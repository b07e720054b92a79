/* aim.h: the aim of a political act, CAMEO's fourth digit. For reform
 * and dissent the codebook splits a code by what is sought: a change of
 * leader (1), of policy (2), rights (3), or of institutions or regime (4)
 * ("demonstrated against the government's judicial reform" is 1412,
 * "went on a hunger strike to demand the president's resignation" 1421,
 * "rejected calls to change its constitution" 1234). The codes so split
 * are the grammar's AIM_CODE (dict/cameo.grammar); the words of each aim
 * are the dictionary's synsets &AIM_1 to &AIM_4 (dict/verbs.txt). A
 * dictionary set without them codes no aims. The means of violence are
 * looked for alike (dy_aim_means). The table is built once per coder and
 * only read after. */
#ifndef DY_AIM_H
#define DY_AIM_H
#include "pattern.h"

typedef struct dy_aim dy_aim;

/* The &AIM_ synsets of d; NULL when there are none or memory ran out. */
dy_aim *dy_aim_new(const struct dy_dict *d);
void dy_aim_free(dy_aim **ap);

/* The 3-digit code an aim splits for code: code itself when it is one
 * (the grammar's AIM_CODE), its root's when code is an AIM_GENERIC one
 * and the root has one AIM_CODE ("100" gives "104"), else NULL. */
const char *dy_aim_split_code(const dy_aim *A, const char *code);

/* The code of the means of violence that the words of clause positions
 * from..to-1 name first (the synsets &MEANS_<code>: "in an airstrike"
 * gives "195"), or NULL. */
const char *dy_aim_means(const dy_aim *A, const dy_mctx *x, int from, int to);

/* The aim's digit (1-4) that the words of clause positions from..to-1
 * name first, or 0 when none does. */
int dy_aim_digit(const dy_aim *A, const dy_mctx *x, int from, int to);

#endif
