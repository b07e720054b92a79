/* tok.c: the UD English tokeniser of tok.h.
 *
 * Each white-space-separated chunk is cut in this order: a URL or e-mail
 * address stays whole but for trailing punctuation; opening punctuation is
 * peeled from the front; closing punctuation from the back (a period stays
 * on an abbreviation); a clitic is split from the end; and the middle is cut
 * at hyphens and slashes between letters or digits (not after a bound
 * prefix of the rules). */
#include "tok.h"
#include "segment.h"
#include <string.h>

typedef struct {
    dy_tok_span *out;
    size_t cap, n;
    bool over;
} sink_t;

static void emit(sink_t *k, size_t start, size_t len)
{
    if (len == 0)
        return;
    if (k->n == k->cap) {
        k->over = true;
        return;
    }
    k->out[k->n++] = (dy_tok_span){start, len};
}

static inline bool alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
static inline unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

/* Bytes of a punctuation mark starting at s[0..n) that is split off the
 * front (opening) or the back (closing) of a chunk; 0 if none. */
static size_t mark_len(const char *s, size_t n, bool opening)
{
    static const char *const multi_open[] = {"\xe2\x80\x9c", "\xe2\x80\x98", "\xc2\xab", "\xe2\x80\x94",
                                             "\xe2\x80\x93", NULL};
    static const char *const multi_close[] = {"\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb", "\xe2\x80\xa6",
                                              "\xe2\x80\x94", "\xe2\x80\x93", NULL};
    const char *const *multi = opening ? multi_open : multi_close;
    for (int i = 0; multi[i]; i++) {
        size_t l = strlen(multi[i]);
        if (n >= l && memcmp(s, multi[i], l) == 0)
            return l;
    }
    const char *set = opening ? "\"'([{<$#`*" : "\"')]}>,;:!?%*";
    return n && strchr(set, s[0]) && s[0] ? 1 : 0;
}

/* The closing mark that ends s[0..n), or 0: like mark_len from the back. */
static size_t tail_mark(const char *s, size_t n)
{
    for (size_t l = 3; l >= 1; l--)
        if (n >= l && mark_len(s + n - l, l, false) == l)
            return l;
    return 0;
}

static bool is_url(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (memcmp(s + i, "://", 3) == 0 || (i == 0 && n > 4 && memcmp(s, "www.", 4) == 0))
            return true;
    const char *at = memchr(s, '@', n);
    return at && at > s && memchr(at, '.', n - (size_t)(at - s)) != NULL;
}

/* Length of the clitic that ends word s[0..n) (n't, 's, 'll, not of
 * cannot, na of gonna), or 0. */
static size_t clitic(const char *s, size_t n)
{
    char w[8];
    size_t l = n < 7 ? n : 7;
    for (size_t i = 0; i < l; i++)
        w[i] = (char)lower((unsigned char)s[n - l + i]);
    w[l] = '\0';
    const char *e = w + l;
    /* the apostrophe may be ' or U+2019 (3 bytes) */
    static const char *const apo_clitics[] = {"n't", "s", "m", "d", "re", "ve", "ll", NULL};
    for (int i = 0; apo_clitics[i]; i++) {
        size_t cl = strlen(apo_clitics[i]);
        bool nt = apo_clitics[i][0] == 'n';
        const char *tail = nt ? "t" : apo_clitics[i];
        size_t tl = nt ? 1 : cl;
        if (l < tl + 1 || memcmp(e - tl, tail, tl) != 0)
            continue;
        size_t apos = 0; /* bytes of the apostrophe before the tail */
        if (n >= tl + 1 && s[n - tl - 1] == '\'')
            apos = 1;
        else if (n >= tl + 3 && memcmp(s + n - tl - 3, "\xe2\x80\x99", 3) == 0)
            apos = 3;
        if (!apos)
            continue;
        size_t len = tl + apos + (nt ? 1 : 0);
        if (nt && (n < len || lower((unsigned char)s[n - len]) != 'n'))
            continue;
        return len < n ? len : 0;
    }
    if (n == 6 && strcmp(w + l - 6, "cannot") == 0)
        return 3;
    if (n == 5 && (strcmp(w, "gonna") == 0 || strcmp(w, "wanna") == 0 || strcmp(w, "gotta") == 0))
        return 2;
    return 0;
}

/* Whether s[0..n) is one of the rules' bound prefixes (any case). */
static bool bound_prefix(const dy_tok_rules *rules, const char *s, size_t n)
{
    for (size_t i = 0; rules && i < rules->nprefix; i++) {
        const char *p = rules->prefix[i];
        size_t j = 0;
        while (j < n && p[j] && lower((unsigned char)s[j]) == (unsigned char)p[j])
            j++;
        if (j == n && p[j] == '\0')
            return true;
    }
    return false;
}

/* Cuts the core of a chunk at hyphens, slashes and dashes between words. */
static void split_middle(sink_t *k, const dy_tok_rules *rules, const char *t, size_t a, size_t b)
{
    size_t start = a;
    for (size_t i = a + 1; i + 1 < b; i++) {
        size_t ml = t[i] == '-' && t[i + 1] == '-' ? 2 : 1;
        bool cut = (t[i] == '-' || t[i] == '/') && alnum((unsigned char)t[i - 1]) &&
                   i + ml < b && alnum((unsigned char)t[i + ml]);
        /* 3-4, 1/2 and dates stay whole when both sides are digits */
        if (cut && ml == 1 && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9')
            cut = false;
        if (cut && ml == 1 && t[i] == '-' && bound_prefix(rules, t + start, i - start))
            cut = false;
        if (!cut)
            continue;
        emit(k, start, i - start);
        emit(k, i, ml);
        start = i + ml;
        i += ml - 1;
    }
    emit(k, start, b - start);
}

/* Bytes of the run of marks ending at t[b-1] that is one word: '.', '!'
 * and '?' mixed ("?!", "..."), or one other ASCII mark repeated ("--",
 * "***", ">>"), as EWT writes them. */
static size_t mark_run(const char *t, size_t a, size_t b)
{
    unsigned char c = (unsigned char)t[b - 1];
    bool end = c == '.' || c == '!' || c == '?';
    size_t s = b - 1;
    while (s > a && (end ? strchr(".!?", t[s - 1]) != NULL : t[s - 1] == (char)c) && t[s - 1])
        s--;
    return b - s;
}

static void chunk(sink_t *k, const dy_tok_rules *rules, const char *t, size_t a, size_t b)
{
    size_t l;
    unsigned char c0 = (unsigned char)t[a];
    if (c0 < 0x80 && !alnum(c0) && mark_run(t, a, b) == b - a) { /* a chunk of marks only */
        emit(k, a, b - a);
        return;
    }
    while (a < b && (l = mark_len(t + a, b - a, true)) > 0 && !(t[a] == '\'' && clitic(t + a, b - a) == b - a)) {
        while (l == 1 && a + l < b && t[a + l] == t[a]) /* "<<", "``" */
            l++;
        emit(k, a, l);
        a += l;
    }
    size_t tails[64], nt = 0; /* closing marks, emitted after the core */
    while (a < b && nt < 64) {
        size_t run = strchr(".!?*>-", t[b - 1]) && t[b - 1] ? mark_run(t, a, b) : 0;
        if (run > 1 && run < b - a) {
            tails[nt++] = (b - run) << 8 | run;
            b -= run;
            continue;
        }
        if (t[b - 1] == '.' && b - a > 1 && (!dy_segment_abbrev_before(t, b - 1) || is_url(t + a, b - a))) {
            tails[nt++] = (b - 1) << 8 | 1;
            b--;
            continue;
        }
        if (t[b - 1] == '\'' && b - a > 2 && lower((unsigned char)t[b - 2]) == 's' && !is_url(t + a, b - a)) {
            tails[nt++] = (b - 1) << 8 | 1; /* plural possessive: countries ' */
            b--;
            break;
        }
        if ((l = tail_mark(t + a, b - a)) > 0 && l < b - a) {
            if (t[b - 1] == '\'' || (l == 3 && memcmp(t + b - 3, "\xe2\x80\x99", 3) == 0)) {
                if (clitic(t + a, b - a) == 0) { /* a closing quote, not 'll */
                    tails[nt++] = (b - l) << 8 | l;
                    b -= l;
                    continue;
                }
                break;
            }
            tails[nt++] = (b - l) << 8 | l;
            b -= l;
            continue;
        }
        break;
    }
    if (a < b) {
        if (is_url(t + a, b - a)) {
            emit(k, a, b - a);
        } else {
            size_t c = clitic(t + a, b - a);
            split_middle(k, rules, t, a, b - c);
            emit(k, b - c, c);
        }
    }
    while (nt > 0) {
        nt--;
        emit(k, tails[nt] >> 8, tails[nt] & 0xff);
    }
}

size_t dy_tok_split(const dy_tok_rules *rules, const char *text, size_t len, dy_tok_span *out, size_t cap,
                    bool *over)
{
    sink_t k = {out, cap, 0, false};
    size_t i = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            i++;
        size_t a = i;
        while (i < len && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
            i++;
        if (i > a)
            chunk(&k, rules, text, a, i);
    }
    *over = k.over;
    return k.n;
}
