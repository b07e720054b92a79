/* tree.c: the tagger's and parser's tree over the coder's tokens. */
#include "tree.h"
#include <string.h>

/* A verb or an auxiliary ("has", "was"): the tags that may head a verb
 * phrase the dictionaries name. */
static bool verbal(const dy_word *w)
{
    return strcmp(w->upos, "VERB") == 0 || strcmp(w->upos, "AUX") == 0;
}

/* Is any word of tokens i..last (a dictionary phrase: "firmly support",
 * "no longer supply") tagged a verb? w[j] holds token i's first byte. */
static bool has_verb(const dy_sent *s, int i, const dy_word *w, size_t n, size_t j)
{
    uint32_t end = s->tok[s->tok[i].last].t.off + s->tok[s->tok[i].last].t.len;
    for (; j < n && w[j].start < end; j++)
        if (verbal(&w[j]))
            return true;
    return false;
}

int dy_tree_verbs(dy_parser *p, dy_sent *s, const char *text, size_t len)
{
    const dy_word *w;
    size_t n;
    dy_error err;
    dy_status st = dy_parse_text(p, text, len, &w, &n, &err);
    if (st == DY_ERR_NOMEM)
        return -1;
    if (st != DY_OK)
        return 0;
    size_t j = 0;
    for (int i = 0; i < s->n; i++) {
        dy_ptok *t = &s->tok[i];
        while (j < n && w[j].start + w[j].len <= t->t.off)
            j++;
        if (j == n)
            break;
        if (t->type != DY_T_VERB || t->head != i || w[j].start > t->t.off || has_verb(s, i, w, n, j))
            continue;
        for (int k = i; k <= t->last && k < s->n; k++)
            s->tok[k].type = DY_T_NONE;
    }
    return 0;
}
