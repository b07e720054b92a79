/* names.c: surnames remembered within a document (names.h). */
#include "names.h"
#include "grammar.h"
#include <ctype.h>
#include <string.h>

/* The word's length without a possessive "'S" ("HUSSAIN'S"). */
static size_t stem_len(const dy_token *t)
{
    size_t n = t->wl;
    if (n > 2 && t->w[n - 2] == '\'' && t->w[n - 1] == 'S')
        n -= 2;
    return n;
}

/* A word that can be a surname: capitalised in the text, letters (and
 * inner hyphens or apostrophes) only, not a weekday or a month. */
static bool surname_shape(const char *text, const dy_token *t)
{
    size_t n = stem_len(t);
    if (!t->cap || n < 2 || n >= DY_NAMES_WORD || t->cls != DY_W_NONE || t->fw)
        return false;
    if (t->len > 1 && isupper((unsigned char)text[t->off + 1]))
        return false; /* an acronym ("ALBA", "DEA") */
    for (size_t k = 0; k < n; k++) {
        char c = t->w[k];
        if (!((c >= 'A' && c <= 'Z') || (k > 0 && k + 1 < n && (c == '-' || c == '\''))))
            return false;
    }
    return !dy_grammar_tok(DY_G_DAY_WORD, t) && !dy_grammar_tok(DY_G_NOT_NAME, t);
}

static bool candidate(const dy_sent *s, int i)
{
    const dy_ptok *t = &s->tok[i];
    return t->type == DY_T_NONE && t->head < 0 && surname_shape(s->text, &t->t);
}

/* A person of the dictionaries: an actor with a code of a person outside
 * office (PERSON_AGENT, the elite: "USAELI"). */
static bool person_actor(const dy_actor *a)
{
    for (uint16_t k = 0; k < a->codes.n; k++) {
        const char *c = a->codes.c[k].code;
        size_t l = strlen(c);
        if (l >= 6 && dy_grammar_has(DY_G_PERSON_AGENT, c + 3, l - 3))
            return true;
    }
    return false;
}

/* The entry of the surname token t is, or -1: the same word, or for long
 * names ("Hussein" for "Hussain") one letter apart, the first kept. */
static int entry(const dy_names *m, const dy_token *t);

/* Keeps surname t with code ("" for a person of no known office, whose
 * surname then stays unknown in the document). */
static void keep(dy_names *m, const dy_token *t, const dy_token *first, const char *code)
{
    size_t n = stem_len(t), cl = strlen(code);
    if (m->n >= DY_NAMES_MAX || cl >= DY_NAMES_CODE || (cl && (!dy_state_code(code) || strchr(code, '/'))))
        return;
    if (entry(m, t) >= 0)
        return; /* the first person of a surname keeps it */
    memcpy(m->e[m->n].w, t->w, n);
    m->e[m->n].w[n] = '\0';
    m->e[m->n].wl = (uint8_t)n;
    memcpy(m->e[m->n].code, code, cl + 1);
    m->e[m->n].first[0] = '\0';
    if (first && first->wl < DY_NAMES_WORD)
        memcpy(m->e[m->n].first, first->w, (size_t)first->wl + 1);
    m->n++;
}

/* The last token of a run of two to five unknown names from token i on
 * ("Mamnoon Hussain"), or -1 when token i begins none. A name and a
 * surname: one capitalised word after a title is as often a thing
 * ("Ambassador Summit", "Government However") as a person. */
static int name_run(const dy_sent *s, int i)
{
    int k = i;
    while (k < s->n && candidate(s, k))
        k++;
    return k - i >= 2 && k - i <= 5 ? k - 1 : -1;
}

/* A state's titled unit at token i ("Pakistan's president", "the Pakistani
 * president"): its index, or -1. */
static int titled_unit(const dy_sent *s, int i)
{
    if (i < s->n && s->tok[i].t.cls == DY_W_DET)
        i++;
    if (i >= s->n || s->tok[i].unit < 0)
        return -1;
    int u = s->tok[i].unit;
    const dy_unit *x = &s->unit[u];
    return !x->pronoun && x->agent && x->acode && dy_state_code(x->acode) ? u : -1;
}

void dy_names_learn(dy_names *m, const dy_sent *s, const struct dy_dict *d)
{
    if (s->allcaps) /* a headline in capitals: every word looks like a name */
        return;
    for (int u = 0; u < s->nunit; u++) {
        const dy_unit *x = &s->unit[u];
        if (x->pronoun || !x->code)
            continue;
        /* a person of the dictionaries: "Geoffrey Onyeama" */
        if (x->root && x->root->type == DY_RT_ACTOR && person_actor(&d->actors[x->root->id]) && x->acode) {
            int l = s->tok[x->atok].last; /* the phrase's last word */
            if (l >= x->atok && surname_shape(s->text, &s->tok[l].t))
                keep(m, &s->tok[l].t, l > x->atok ? &s->tok[l - 1].t : NULL, x->acode);
        }
        /* a title of a state and a name: "Pakistani President Mamnoon Hussain" */
        if (titled_unit(s, x->first) == u) {
            int k = name_run(s, x->last + 1);
            if (k >= 0)
                keep(m, &s->tok[k].t, &s->tok[k - 1].t, x->code);
        }
    }
    /* a name and a title of a state after a comma: "Mamnoon Hussain,
     * Pakistan's president," */
    for (int i = 0; i < s->n; i++) {
        int k = name_run(s, i);
        if (k < 0 || (i > 0 && candidate(s, i - 1)))
            continue;
        int u = k + 1 < s->n && s->tok[k + 1].t.cls == DY_W_COMMA ? titled_unit(s, k + 2) : -1;
        /* a person takes no article, and the title is set off by commas:
         * not "the NATO Parliamentary Assembly, the United States
         * Congress and ..." */
        int after = u >= 0 ? s->unit[u].last + 1 : 0;
        if (u >= 0 && ((i > 0 && (s->tok[i - 1].t.cls == DY_W_DET || s->tok[i - 1].unit_in >= 0))
                       || (after < s->n && s->tok[after].t.cls != DY_W_COMMA)))
            u = -1;
        if (u >= 0)
            keep(m, &s->tok[k].t, &s->tok[k - 1].t, s->unit[u].code);
        else if (i == 0 || s->tok[i - 1].unit_in < 0)
            /* a full name with no title ("Usman Khan stabbed ..."): a
             * namesake titled later ("Mayor of London Sadiq Khan") does
             * not make the surname his */
            keep(m, &s->tok[k].t, &s->tok[k - 1].t, "");
        i = k;
    }
}

static bool vowel(char c) { return dy_grammar_has(DY_G_VOWEL, &c, 1); }

/* Are a and b one name transliterated two ways: one vowel for another
 * ("Hussein", "Hussain") or a letter doubled ("Gadafi", "Gaddafi")? Not
 * any one letter apart: "Charter" is no "Carter". */
static bool one_apart(const char *a, size_t an, const char *b, size_t bn)
{
    if (an < bn) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (an - bn > 1)
        return false;
    size_t i = 0;
    while (i < bn && a[i] == b[i])
        i++;
    if (an == bn)
        return i == an || (vowel(a[i]) && vowel(b[i]) && memcmp(a + i + 1, b + i + 1, an - i - 1) == 0);
    /* a has one letter more at i: a doubled one */
    return i > 0 && a[i] == a[i - 1] && memcmp(a + i + 1, b + i, bn - i) == 0;
}

static int entry(const dy_names *m, const dy_token *t)
{
    size_t n = stem_len(t);
    for (int k = 0; k < m->n; k++) {
        size_t wl = m->e[k].wl;
        if (wl == n && memcmp(m->e[k].w, t->w, n) == 0)
            return k;
    }
    /* long names only, their first letter kept */
    for (int k = 0; k < m->n && n >= 5; k++) {
        size_t wl = m->e[k].wl;
        if (wl >= 5 && m->e[k].w[0] == t->w[0] && one_apart(m->e[k].w, wl, t->w, n))
            return k;
    }
    return -1;
}

/* Is token i capitalised and no verb, weekday or month: a word of the
 * same name ("Clinton Climate Initiative")? */
static bool name_word(const dy_sent *s, int i)
{
    const dy_ptok *t = &s->tok[i];
    return t->t.cap && t->type != DY_T_VERB && t->t.cls == DY_W_NONE && !dy_grammar_tok(DY_G_DAY_WORD, &t->t)
           && !dy_grammar_tok(DY_G_NOT_NAME, &t->t);
}

const char *dy_names_at(const dy_names *m, const dy_sent *s, int i)
{
    if (!m->n || !candidate(s, i))
        return NULL;
    int k = entry(m, &s->tok[i].t);
    if (k < 0 || !m->e[k].code[0])
        return NULL;
    /* the surname as part of another name: "Clinton Climate Initiative",
     * "Salman Khan"; or another first name before it ("Sadiq Khan" after
     * "Usman Khan") */
    if (i + 1 < s->n && s->tok[i].t.wl == stem_len(&s->tok[i].t) && name_word(s, i + 1))
        return NULL;
    if (i > 0 && candidate(s, i - 1) && !dy_word_is(&s->tok[i - 1].t, m->e[k].first))
        return NULL;
    return m->e[k].code;
}
