/* status.c: an act's status in CAMEO's terms: the intent, appeal, demand
 * or threat code of each act, the refusal that negates it, and what the
 * tree says of an event's status (status.h). */
#include "status.h"
#include <string.h>

/* Negated cooperation is a refusal (CAMEO 12): "did not agree to ease the
 * sanctions" is 1244, not 085. Disapproval (110) is, the other way
 * round, the negation of diplomatic cooperation: "did not clash over the
 * plan" is 050, as PETRARCH's coding ontology defines 110. ORDER CAMEO:
 * pairs sorted by code. Codes of other kinds, negated, code nothing ("did
 * not attack" is no attack). */
static const char *const negation_table[][2] = {
    {"030", "120"}, {"031", "121"}, {"0311", "1211"}, {"0312", "1212"}, {"0313", "1213"},
    {"0314", "121"}, {"032", "120"}, {"033", "122"}, {"0331", "1221"}, {"0332", "1222"},
    {"0333", "1223"}, {"0334", "1224"}, {"034", "123"}, {"0341", "1231"}, {"0342", "1232"},
    {"0343", "1233"}, {"0344", "1234"}, {"035", "124"}, {"0351", "1241"}, {"0352", "1242"},
    {"0353", "1243"}, {"0354", "1244"}, {"0355", "1245"}, {"0356", "1246"}, {"036", "125"},
    {"037", "127"}, {"038", "126"}, {"039", "126"}, {"054", "120"}, {"057", "127"}, {"060", "121"},
    {"061", "1211"}, {"062", "1212"}, {"063", "1213"}, {"064", "121"}, {"070", "122"},
    {"071", "1221"}, {"072", "1222"}, {"073", "1223"}, {"074", "1224"}, {"075", "122"},
    {"080", "124"}, {"081", "1241"}, {"0811", "1241"}, {"0812", "1241"}, {"0813", "1241"},
    {"0814", "1241"}, {"082", "1242"}, {"083", "123"}, {"0831", "1231"}, {"0832", "1232"},
    {"0833", "1233"}, {"0834", "1234"}, {"084", "1243"}, {"0841", "1243"}, {"0842", "1243"},
    {"085", "1244"}, {"086", "1245"}, {"0861", "1245"}, {"0862", "1245"}, {"0863", "1245"},
    {"087", "1246"}, {"0871", "1246"}, {"0872", "1246"}, {"0873", "1246"}, {"0874", "1246"}, {"110", "050"},
};

/* Binary search of a code table: rows of cols strings sorted by the first;
 * returns column col of the row for code, or NULL. */
static const char *table_code(const char *const *tab, size_t rows, size_t cols, const char *code, size_t col)
{
    size_t lo = 0, hi = rows;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(code, tab[mid * cols]);
        if (c == 0)
            return tab[mid * cols + col];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const char *dy_status_negated(const char *code)
{
    return table_code(&negation_table[0][0], sizeof negation_table / sizeof negation_table[0], 2, code, 1);
}

/* CAMEO's "appeal for" (02x) and "express intent to" (03x) codes for the
 * cooperation they ask for or announce (04x-08x), as the CAMEO codebook
 * pairs them, and the threats (13x) that announce coercion or force.
 * ORDER: by act code (strcmp). */
static const char *const ask_table[][4] = {
    /* act, intent, appeal, demand */
    {"040", "036", "026", "106"}, {"041", "036", "026", "106"}, {"042", "036", "026", "106"},
    {"043", "036", "026", "106"}, {"044", "036", "026", "106"}, {"045", "039", "028", "108"},
    {"046", "036", "026", "106"}, {"050", "032", "022", "102"}, {"051", "032", "022", "102"},
    {"052", "032", "022", "102"}, {"053", "032", "022", "102"}, {"054", "032", "022", "102"},
    {"055", "032", "022", "102"}, {"056", "032", "022", "102"}, {"057", "032", "022", "102"},
    {"060", "031", "021", "101"}, {"061", "0311", "0211", "1011"}, {"062", "0312", "0212", "1012"},
    {"063", "0313", "0213", "1013"}, {"064", "0314", "0214", "1014"}, {"070", "033", "023", "103"},
    {"071", "0331", "0231", "1031"}, {"072", "0332", "0232", "1032"}, {"073", "0333", "0233", "1033"},
    {"074", "0334", "0234", "1034"}, {"075", "033", "023", "103"}, {"080", "035", "025", "105"},
    {"081", "0351", "0251", "1051"}, {"0811", "0351", "0251", "1051"}, {"0812", "0351", "0251", "1051"},
    {"0813", "0351", "0251", "1051"}, {"0814", "0351", "0251", "1051"}, {"082", "0352", "0252", "1052"},
    {"083", "034", "024", "104"}, {"0831", "0341", "0241", "1041"}, {"0832", "0342", "0242", "1042"},
    {"0833", "0343", "0243", "1043"}, {"0834", "0344", "0244", "1044"}, {"084", "0353", "0253", "1053"},
    {"0841", "0353", "0253", "1053"}, {"0842", "0353", "0253", "1053"}, {"085", "0354", "0254", "1054"},
    {"086", "0355", "0255", "1055"}, {"0861", "0355", "0255", "1055"}, {"0862", "0355", "0255", "1055"},
    {"0863", "0355", "0255", "1055"}, {"087", "0356", "0256", "1056"}, {"0871", "0356", "0256", "1056"},
    {"0872", "0356", "0256", "1056"}, {"0873", "0356", "0256", "1056"}, {"0874", "0356", "0256", "1056"},
    /* an intent to coerce or to use force is a threat of it ("vowed to
     * continue the war", "would punish Israel", "threatened to blockade
     * Taiwan"): CAMEO's 13x, by kind (1311-1385) */
    {"140", "133", NULL, NULL}, {"141", "133", NULL, NULL}, {"142", "133", NULL, NULL},
    {"143", "133", NULL, NULL}, {"144", "133", NULL, NULL}, {"145", "133", NULL, NULL},
    {"160", "131", NULL, NULL}, {"161", "1313", NULL, NULL}, {"162", "1311", NULL, NULL},
    {"1621", "1311", NULL, NULL}, {"1622", "1311", NULL, NULL}, {"1623", "1311", NULL, NULL},
    {"163", "1312", NULL, NULL}, {"164", "134", NULL, NULL}, {"165", "135", NULL, NULL},
    {"166", "136", NULL, NULL}, {"1661", "136", NULL, NULL}, {"1662", "136", NULL, NULL},
    {"1663", "136", NULL, NULL}, {"170", "130", NULL, NULL}, {"172", "132", NULL, NULL},
    {"1721", "1321", NULL, NULL}, {"1722", "1322", NULL, NULL}, {"1723", "1323", NULL, NULL},
    {"1724", "1324", NULL, NULL}, {"175", "137", NULL, NULL}, {"180", "1383", NULL, NULL}, {"181", "1383", NULL, NULL},
    {"182", "1383", NULL, NULL}, {"1823", "1383", NULL, NULL}, {"183", "1383", NULL, NULL},
    {"1831", "1383", NULL, NULL}, {"1832", "1383", NULL, NULL}, {"1833", "1383", NULL, NULL},
    {"1834", "1383", NULL, NULL}, {"185", "1383", NULL, NULL}, {"186", "1383", NULL, NULL},
    {"190", "1384", NULL, NULL}, {"191", "1381", NULL, NULL}, {"192", "1382", NULL, NULL},
    {"193", "1384", NULL, NULL}, {"194", "1384", NULL, NULL}, {"195", "1384", NULL, NULL},
    {"1951", "1384", NULL, NULL}, {"1952", "1384", NULL, NULL}, {"200", "1383", NULL, NULL},
    {"201", "1383", NULL, NULL}, {"202", "1383", NULL, NULL}, {"203", "1383", NULL, NULL},
    {"204", "1385", NULL, NULL}, {"2041", "1385", NULL, NULL}, {"2042", "1385", NULL, NULL},
};

/* col 1: the intent code, col 2: the appeal code, col 3: the demand code;
 * NULL when CAMEO has none */
const char *dy_status_ask(const char *code, int col)
{
    return table_code(&ask_table[0][0], sizeof ask_table / sizeof ask_table[0], 4, code, (size_t)col);
}

const char *dy_status_ask_intent(const char *intent, int col)
{
    size_t rows = sizeof ask_table / sizeof ask_table[0];
    for (size_t r = 0; r < rows; r++)
        if (strcmp(ask_table[r][1], intent) == 0)
            return ask_table[r][col]; /* the rows of one intent agree */
    return NULL;
}

/* Does the sentence ask (a final '?', before closing quotes)? Its text
 * runs on into the rest of the document: only its own bytes count. */
static bool question(const dy_sent *s)
{
    size_t n = s->len;
    while (n > 0 && strchr(" \t\r\n\"')", s->text[n - 1]))
        n--;
    return n > 0 && s->text[n - 1] == '?';
}

/* Is code a verbal act (CAMEO 01-03 and 10-13: statements, appeals,
 * intents, demands, disapproval, rejection, threats)? Said of the future,
 * it is still the same act ("would never recognize Kosovo" rejects). */
static bool verbal_code(const char *code)
{
    return strncmp(code, "04", 2) < 0 || (strncmp(code, "10", 2) >= 0 && strncmp(code, "14", 2) < 0);
}

/* Makes e the act's code for status column col of ask_table (1 intent or
 * threat, 3 demand); false when CAMEO has none for it. A statement, appeal
 * or other verbal act (verbal_code) keeps its code. */
static bool restatus(dy_ev *e, int col)
{
    if (verbal_code(e->code))
        return true;
    const char *k = dy_status_ask(e->code, col);
    if (!k)
        return false;
    e->code = k;
    return true;
}

/* An act asked for, in the clause of word w: the demand (col 3) or
 * appeal (col 2) of the one who reports it on the one who should act; false
 * when no one who reports it is named, or CAMEO has no such code. */
static bool asked(const dy_coder *c, const dy_sent *s, dy_ev *e, long w, int col)
{
    const dy_tree *t = &c->tree;
    bool passive = false;
    long g = dy_tree_speaker(t, w);
    long sb = g >= 0 ? dy_tree_subject(t, g, &passive) : -1;
    int u = sb >= 0 && !passive ? dy_tree_unit(t, s, sb, -1) : -1;
    if (u < 0 || e->src_tok < 0 || strcmp(s->unit[u].code, e->src) == 0 || !restatus(e, col))
        return false;
    e->tgt = e->src;
    e->tgt_tok = e->src_tok;
    e->src = s->unit[u].code;
    e->src_tok = s->unit[u].first;
    return true;
}

/* An act wished by the subject of verb w ("hope", "want": the grammar's
 * WISH): the wisher's appeal (02x) to the doer when the act is another's
 * ("Japan hopes that Russia will withdraw"); as it is when the act is the
 * wisher's own ("Cameroon wishes to thank Japan" thanks it), or when the
 * tree names no wisher. Returns 1 when e is the appeal, 0 when e is left to
 * the other status rules, -1 when there is no event: the wisher is a
 * pronoun the dictionaries could not resolve ("we hope ..." with no
 * speaker known) or CAMEO has no appeal for the act. */
static int wished(const dy_coder *c, const dy_sent *s, dy_ev *e, long v, long w)
{
    const dy_tree *t = &c->tree;
    bool passive = false;
    if (strcmp(t->w[v].deprel, "xcomp") == 0) /* "wishes to thank": the wisher's own act */
        return 0;
    long sb = dy_tree_subject(t, w, &passive);
    int u = sb >= 0 && !passive ? dy_tree_unit(t, s, sb, e->src_tok >= 0 ? s->tok[e->src_tok].unit_in : -1) : -1;
    if (u < 0) /* "we hope ...", no speaker known: nobody's wish */
        return dy_tree_pronoun(t, sb) ? -1 : 0;
    if (e->src_tok < 0 || strcmp(s->unit[u].code, e->src) == 0)
        return 0;
    if (!restatus(e, 2))
        return -1;
    e->tgt = e->src;
    e->tgt_tok = e->src_tok;
    e->src = s->unit[u].code;
    e->src_tok = s->unit[u].first;
    return 1;
}

/* SET: SYNTAX = PARSE: an act's status, from the words the tree hangs on
 * its verb v (doc/tree-coder.md, rule 9; the words are the dictionary's
 * grammar classes, dict/english.grammar). False when the event is dropped: a question, a
 * condition ("if", "unless"), an act asked for that no one named asks. An
 * act put ahead ("will", "would") or a headline's infinitive is the
 * intent, or threat, to do it; an act that "must" or "should" be done is
 * the reporting speaker's demand on its doer, one said to be needed ("it
 * is vital that ...") the speaker's appeal. */
/* Is verb v's act (or that of the first conjunct it is one of) the
 * complement of a word of intent ("agreed to release", "its readiness to
 * cooperate", "am determined to meet": the parser makes the last a
 * clausal subject)? That word, or -1. */
static long intent_word(const dy_tree *t, const char *text, long v)
{
    static const char *const rels[] = {"xcomp", "acl", "csubj", NULL};
    long f = dy_tree_first_conjunct(t, v);
    for (int r = 0; f >= 0 && rels[r]; r++)
        if (strcmp(t->w[f].deprel, rels[r]) == 0)
            return dy_tree_governor_in(t, text, f, DY_G_INTENT);
    return -1;
}

static bool intended(const dy_tree *t, const char *text, long v) { return intent_word(t, text, v) >= 0; }

bool dy_status_undone(const dy_coder *c, const dy_sent *s, long v)
{
    const dy_tree *t = &c->tree;
    if (dy_tree_wish_for_act(t, s, v))
        return true; /* "wish also to extend my gratitude": the act codes */
    if (v < 0 || dy_tree_chain_aux_in(t, s->text, v, DY_G_OBLIGATION) >= 0
        || dy_tree_governor_in(t, s->text, v, DY_G_NORM) >= 0 || dy_tree_governor_in(t, s->text, v, DY_G_WISH) >= 0)
        return false; /* the demand, appeal or wish of rule 9 */
    return !intended(t, s->text, v) && dy_tree_unrealized(t, s->text, v);
}

bool dy_status_tree(const dy_coder *c, const dy_sent *s, dy_ev *e, long v)
{
    const dy_tree *t = &c->tree;
    /* a question, a condition, or an act asked about ("would not say
     * whether he supported it") has not been reported done */
    if (question(s) || dy_tree_clause_mark_in(t, s->text, v, DY_G_CONDITION)
        || dy_tree_asked_about(t, s->text, v) || dy_tree_imperative(t, s->text, v))
        return false;
    /* "asked whether Ukraine would attend": an inquiry, no appeal; "will
     * decide whether to impose sanctions": no intent yet */
    if ((strncmp(e->code, "02", 2) == 0 || strncmp(e->code, "03", 2) == 0) && dy_tree_asks_whether(t, s->text, v))
        return false;
    long must = dy_tree_chain_aux_in(t, s->text, v, DY_G_OBLIGATION);
    if (must >= 0)
        return asked(c, s, e, must, 3);
    if (dy_tree_governor_in(t, s->text, v, DY_G_LICENCE) >= 0)
        return false;
    long norm = dy_tree_governor_in(t, s->text, v, DY_G_NORM);
    if (norm >= 0)
        return asked(c, s, e, norm, 2);
    long wish = dy_tree_governor_in(t, s->text, v, DY_G_WISH);
    int w = wish >= 0 ? wished(c, s, e, v, wish) : 0;
    if (w != 0)
        return w > 0;
    /* "did not agree to release", "will never seek to export": no intent
     * told, nor the act */
    long iw = intent_word(t, s->text, v);
    if (iw >= 0 && dy_tree_negated(t, s, iw))
        return false;
    /* "agreed to release", "plans to send": the doer's own intent */
    if (iw >= 0 || dy_tree_dep_in(t, s->text, v, "aux", DY_G_FUTURE) || dy_tree_chain_aux_in(t, s->text, v, DY_G_FUTURE_CHAIN) >= 0
        || dy_tree_headline_intent(t, v))
        return restatus(e, 1);
    /* "urged Iran to release", "the chance to establish relations": the
     * act is asked for, hoped or offered, not done; the verb that asks
     * codes what it does */
    return !dy_tree_unrealized(t, s->text, v);
}

