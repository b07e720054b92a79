/* segment.c: article segmentation; see segment.h. */
#include "segment.h"
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

/* UTF-8 dashes: EM DASH e2 80 94, EN DASH e2 80 93 */
static size_t dash_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '-')
        return 1;
    if (n >= 3 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80
        && ((unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93))
        return 3;
    return 0;
}

/* Words in s[0..n), counted up to limit (a paragraph of a speech need
 * not be read through to know it is no credit line). */
static int count_words(const char *s, size_t n, int limit)
{
    int w = 0;
    bool in = false;
    for (size_t i = 0; i < n && w <= limit; i++) {
        bool sp = is_space((unsigned char)s[i]);
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* Photo credits, bylines and agency tags standing alone on a line. */
static bool is_credit(const char *s, size_t n)
{
    /* the opening first (words are counted only for a line that may be
     * a credit: wrapped text asks this of every line) */
    if (dash_len(s, n) && count_words(s, n, 10) <= 6)
        return true;
    if (n > 3 && memcmp(s, "By ", 3) == 0 && count_words(s, n, 10) <= 6 && !memchr(s, '.', n))
        return true;
    if (n >= 5 && (strncmp(s, "Photo", 5) == 0 || strncmp(s, "(Photo", 6) == 0 || strncmp(s, "File photo", 10) == 0))
        return count_words(s, n, 10) <= 10;
    return false;
}

size_t dy_segment_dateline(const char *s, size_t n)
{
    size_t i = 0;
    int upper = 0;
    /* CITY or CITY NAME in capitals */
    while (i < n && (isupper((unsigned char)s[i]) || s[i] == ' ' || s[i] == '.' || s[i] == '\'' || s[i] == '-')) {
        if (isupper((unsigned char)s[i]))
            upper++;
        i++;
    }
    if (upper < 3 || i > 40)
        return 0;
    while (i > 0 && s[i - 1] == ' ')
        i--;
    size_t j = i;
    /* ", June 10" or ", Pakistan" */
    if (j < n && s[j] == ',') {
        size_t k = j + 1;
        while (k < n && s[k] == ' ')
            k++;
        size_t w0 = k;
        while (k < n && (isalnum((unsigned char)s[k]) || s[k] == ' ' || s[k] == '.'))
            k++;
        if (k - w0 > 0 && k - w0 < 30)
            j = k;
        while (j > 0 && s[j - 1] == ' ')
            j--;
    }
    size_t k = j;
    while (k < n && s[k] == ' ')
        k++;
    /* "(Reuters)" */
    if (k < n && s[k] == '(') {
        const char *rp = memchr(s + k, ')', n - k);
        if (rp && rp - (s + k) < 30) {
            k = (size_t)(rp - s) + 1;
            while (k < n && s[k] == ' ')
                k++;
        }
    }
    if (k < n && s[k] == ':')
        k++;
    else {
        size_t dl = dash_len(s + k, n - k);
        if (!dl || k == j) /* a dash must be preceded by a blank */
            return 0;
        k += dl;
    }
    while (k < n && s[k] == ' ')
        k++;
    return k;
}

static const bool ender[256] = {['.'] = true, ['?'] = true, ['!'] = true};

static const char *const abbrev[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Gov", "Sen", "Rep",
    "St", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No",
    "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Adm", "Brig", "Rev", "Hon", "Amb", "Pres", "approx",
    NULL};

bool dy_segment_abbrev_before(const char *s, size_t dot)
{
    size_t b = dot;
    while (b > 0 && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.'))
        b--;
    size_t wl = dot - b;
    if (wl == 0)
        return false;
    /* U.S. / U.N. / single initials */
    if (wl == 1 && isupper((unsigned char)s[b]))
        return true;
    if (memchr(s + b, '.', wl))
        return true;
    /* every sentence end asks: the first letter turns most words away */
    for (int i = 0; abbrev[i]; i++)
        if (abbrev[i][0] == s[b] && strlen(abbrev[i]) == wl && memcmp(abbrev[i], s + b, wl) == 0)
            return true;
    return false;
}

/* Where the first piece of the sentence t[a..b) ends: b when it is within
 * both caps (DY_SEG_MAX_SENTENCE bytes, DY_SEG_MAX_WORDS words and marks);
 * else at the last clause mark (, ; :) in the second half of the allowed
 * stretch, else at its last blank, else at the cap itself. The coder's
 * work on a sentence grows with the square of its length: the caps bound
 * it (sentences of real text this long are a few in 100,000). */
static size_t piece_end(const char *t, size_t a, size_t b)
{
    if (b - a <= DY_SEG_MAX_WORDS)
        return b; /* no more words than bytes: most sentences need no count */
    size_t lim = b - a > DY_SEG_MAX_SENTENCE ? a + DY_SEG_MAX_SENTENCE : b;
    unsigned words = 0;
    for (size_t i = a; i < lim; i++) {
        unsigned char c = (unsigned char)t[i];
        if (is_space(c))
            continue;
        /* a run of letters and digits is one word, each mark another */
        if (!isalnum(c) || i == a || !isalnum((unsigned char)t[i - 1]))
            words++;
        if (words > DY_SEG_MAX_WORDS) {
            lim = i;
            break;
        }
    }
    if (lim == b)
        return b;
    size_t half = a + (lim - a) / 2, c = lim;
    while (c > half && t[c - 1] != ',' && t[c - 1] != ';' && t[c - 1] != ':')
        c--;
    if (c > half)
        return c;
    for (c = lim; c > a + 1 && !is_space((unsigned char)t[c]); c--)
        ;
    return c > a + 1 ? c : lim;
}

static int add(dy_span *out, int n, int max, const char *t, size_t a, size_t b)
{
    while (a < b && is_space((unsigned char)t[a]))
        a++;
    while (b > a && is_space((unsigned char)t[b - 1]))
        b--;
    while (b > a && n < max) {
        size_t c = piece_end(t, a, b);
        out[n].off = (uint32_t)a;
        out[n].len = (uint32_t)(c - a);
        n++;
        a = c;
        while (a < b && is_space((unsigned char)t[a]))
            a++;
    }
    return n;
}

/* Does the line t[p..e) (e at its newline) run on into the next one? Not
 * when it ends a sentence, or the next line is blank, or it is a short
 * line (a heading, a credit) followed by a capital. */
static bool wraps_on(const char *t, size_t p, size_t e, size_t len)
{
    size_t b = e;
    while (b > p && is_space((unsigned char)t[b - 1]))
        b--;
    if (b == p)
        return false;
    /* the end of a sentence, behind closing quotes and brackets */
    size_t q = b;
    while (q > p) {
        unsigned char c = (unsigned char)t[q - 1];
        if (c == '"' || c == '\'' || c == ')')
            q--;
        else if (q - p >= 3 && c >= 0x80 && (unsigned char)t[q - 3] == 0xe2 && (unsigned char)t[q - 2] == 0x80
                 && (c == 0x9d || c == 0x99))
            q -= 3;
        else
            break;
    }
    if (q > p && (t[q - 1] == '.' || t[q - 1] == '?' || t[q - 1] == '!' || t[q - 1] == ':'))
        return false;
    size_t n = e + 1;
    while (n < len && (t[n] == ' ' || t[n] == '\t' || t[n] == '\r'))
        n++;
    if (n >= len || t[n] == '\n')
        return false;
    if (islower((unsigned char)t[n]))
        return true;
    return b - p >= 30 && !is_credit(t + p, b - p);
}

int dy_segment(const char *t, size_t len, dy_span *out, int max) { return dy_segment_from(t, len, 0, out, max); }

int dy_segment_from(const char *t, size_t len, size_t from, dy_span *out, int max)
{
    int n = 0;
    size_t p = from;
    /* resumed after a sentence end: the rest of that paragraph is neither
     * a dateline nor a credit line */
    bool first_para = from == 0, mid_para = from > 0;
    while (p < len && n < max) {
        /* one line = one paragraph */
        const char *nl = memchr(t + p, '\n', len - p);
        size_t e = nl ? (size_t)(nl - t) : len;
        /* hard-wrapped text (speeches taken from PDF, wire copy at 72
         * columns): a line that stops mid-sentence runs on into the next
         * non-blank line */
        while (e < len && wraps_on(t, p, e, len)) {
            nl = memchr(t + e + 1, '\n', len - e - 1);
            e = nl ? (size_t)(nl - t) : len;
        }
        size_t a = p, b = e;
        while (a < b && is_space((unsigned char)t[a]))
            a++;
        while (b > a && is_space((unsigned char)t[b - 1]))
            b--;
        p = e + 1;
        if (a == b)
            continue;
        if (!mid_para && is_credit(t + a, b - a))
            continue;
        mid_para = false;
        if (first_para) {
            a += dy_segment_dateline(t + a, b - a);
            first_para = false;
        }
        size_t s = a;
        for (size_t i = a; i < b && n < max; i++) {
            /* the bytes between sentence ends, by table: every byte of
             * the input passes here */
            while (i < b && !ender[(unsigned char)t[i]])
                i++;
            if (i >= b)
                break;
            size_t j = i + 1;
            /* closing quotes and brackets stay with the sentence */
            while (j < b) {
                if (t[j] == '"' || t[j] == '\'' || t[j] == ')')
                    j++;
                else if (j + 2 < b && (unsigned char)t[j] == 0xe2 && (unsigned char)t[j + 1] == 0x80
                         && ((unsigned char)t[j + 2] == 0x9d || (unsigned char)t[j + 2] == 0x99))
                    j += 3;
                else
                    break;
            }
            if (j < b && !is_space((unsigned char)t[j]))
                continue;
            size_t k = j;
            while (k < b && is_space((unsigned char)t[k]))
                k++;
            if (k < b && islower((unsigned char)t[k]))
                continue;
            if (t[i] == '.' && dy_segment_abbrev_before(t, i) && k < b)
                continue;
            n = add(out, n, max, t, s, j);
            s = k;
            i = k - 1 < i ? i : k - 1;
        }
        if (s < b)
            n = add(out, n, max, t, s, b);
    }
    return n;
}
