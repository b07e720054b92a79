/* lex.c: sentence tokenizer; see lex.h. Diacritics are removed with
 * utf8proc (decompose, strip marks); invalid UTF-8 bytes are treated as
 * blanks so that a bad byte never hides the words around it. */
#include "lex.h"
#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

/* ASCII tests by arithmetic, not the locale's ctype tables: the lexer
 * reads every byte of the input, and its rules are ASCII's anyway */
static bool ascii_alnum(unsigned char c)
{
    return (unsigned)(c - '0') < 10u || (unsigned)((c | 0x20) - 'a') < 26u;
}

static bool is_word_byte(unsigned char c)
{
    return ascii_alnum(c) || c == '\'' || c == '.' || c == '&' || c >= 0x80;
}

/* ASCII bytes of a word as the dictionaries spell them: upper case, with
 * the comma of "1,500" and the hyphen of "co-operation" dropped (0) */
static const char ascii_fold[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7',
    ['8'] = '8', ['9'] = '9',
    ['A'] = 'A', ['B'] = 'B', ['C'] = 'C', ['D'] = 'D', ['E'] = 'E', ['F'] = 'F', ['G'] = 'G', ['H'] = 'H',
    ['I'] = 'I', ['J'] = 'J', ['K'] = 'K', ['L'] = 'L', ['M'] = 'M', ['N'] = 'N', ['O'] = 'O', ['P'] = 'P',
    ['Q'] = 'Q', ['R'] = 'R', ['S'] = 'S', ['T'] = 'T', ['U'] = 'U', ['V'] = 'V', ['W'] = 'W', ['X'] = 'X',
    ['Y'] = 'Y', ['Z'] = 'Z',
    ['a'] = 'A', ['b'] = 'B', ['c'] = 'C', ['d'] = 'D', ['e'] = 'E', ['f'] = 'F', ['g'] = 'G', ['h'] = 'H',
    ['i'] = 'I', ['j'] = 'J', ['k'] = 'K', ['l'] = 'L', ['m'] = 'M', ['n'] = 'N', ['o'] = 'O', ['p'] = 'P',
    ['q'] = 'Q', ['r'] = 'R', ['s'] = 'S', ['t'] = 'T', ['u'] = 'U', ['v'] = 'V', ['w'] = 'W', ['x'] = 'X',
    ['y'] = 'Y', ['z'] = 'Z',
    ['\''] = '\'', ['.'] = '.', ['&'] = '&',
};

/* is_word_byte for ASCII bytes (0 for the others, tested one by one) */
static const bool ascii_word[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
    ['\''] = 1, ['.'] = 1, ['&'] = 1,
};

/* The closed-class words: their class (enum dy_wcls), pronoun kind and
 * function-word sets (enum dy_fw), by length. */
static const struct {
    const char *w;
    uint8_t cls, pron, fw;
} closed[] = {
    /* 1 */ {"A", DY_W_DET, DY_PR_NONE, 0},
    /* 2 */ {"AN", DY_W_DET, DY_PR_NONE, 0}, {"HE", DY_W_PRON, DY_PR_FIRST, 0}, {"IT", DY_W_PRON, DY_PR_FIRST, 0},
    {"OR", DY_W_CONJ, DY_PR_NONE, 0}, {"BY", DY_W_BY, DY_PR_NONE, 0}, {"OF", DY_W_PREP, DY_PR_NONE, 0},
    {"IN", DY_W_PREP, DY_PR_NONE, 0}, {"IS", DY_W_NONE, DY_PR_NONE, DY_FW_BE},
    {"BE", DY_W_NONE, DY_PR_NONE, DY_FW_BE}, {"MY", DY_W_NONE, DY_PR_NONE, DY_FW_POSS},
    /* 3 */ {"THE", DY_W_DET, DY_PR_NONE, 0}, {"SHE", DY_W_PRON, DY_PR_FIRST, 0}, {"HIM", DY_W_PRON, DY_PR_FIRST, 0},
    {"ITS", DY_W_PRON, DY_PR_PRIOR, DY_FW_POSS}, {"HIS", DY_W_PRON, DY_PR_PRIOR, DY_FW_POSS},
    {"HER", DY_W_PRON, DY_PR_PRIOR, DY_FW_POSS}, {"AND", DY_W_CONJ, DY_PR_NONE, 0}, {"BUT", DY_W_CONJ, DY_PR_NONE, 0},
    {"NOR", DY_W_CONJ, DY_PR_NONE, 0}, {"WAS", DY_W_AUX, DY_PR_NONE, DY_FW_BE},
    {"ARE", DY_W_NONE, DY_PR_NONE, DY_FW_BE}, {"WHO", DY_W_NONE, DY_PR_NONE, DY_FW_REL},
    {"MAY", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL}, {"CAN", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL},
    {"OUR", DY_W_NONE, DY_PR_NONE, DY_FW_POSS}, {"NOT", DY_W_NONE, DY_PR_NONE, DY_FW_NEG},
    {"N'T", DY_W_NONE, DY_PR_NONE, DY_FW_NEG},
    /* 4 */ {"THEY", DY_W_PRON, DY_PR_PLURAL, 0}, {"THEM", DY_W_PRON, DY_PR_PLURAL, 0},
    {"WERE", DY_W_AUX, DY_PR_NONE, DY_FW_BE}, {"BEEN", DY_W_AUX, DY_PR_NONE, DY_FW_BE},
    {"THAT", DY_W_NONE, DY_PR_NONE, DY_FW_REL}, {"WHOM", DY_W_NONE, DY_PR_NONE, DY_FW_REL},
    {"MUST", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL}, {"WILL", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL},
    {"YOUR", DY_W_NONE, DY_PR_NONE, DY_FW_POSS},
    /* 5 */ {"THEIR", DY_W_PRON, DY_PR_PLURAL, DY_FW_POSS}, {"BEING", DY_W_NONE, DY_PR_NONE, DY_FW_BE},
    {"WHICH", DY_W_NONE, DY_PR_NONE, DY_FW_REL}, {"WOULD", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL},
    {"COULD", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL}, {"MIGHT", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL},
    {"SHALL", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL}, {"NEVER", DY_W_NONE, DY_PR_NONE, DY_FW_NEG},
    /* 6 */ {"ITSELF", DY_W_PRON, DY_PR_SELF, 0}, {"SHOULD", DY_W_NONE, DY_PR_NONE, DY_FW_MODAL},
    {"CANNOT", DY_W_NONE, DY_PR_NONE, DY_FW_NEG},
    /* 7 */ {"HIMSELF", DY_W_PRON, DY_PR_SELF, 0}, {"HERSELF", DY_W_PRON, DY_PR_SELF, 0},
    /* 10 */ {"THEMSELVES", DY_W_PRON, DY_PR_SELF, 0},
};
enum { CLOSED_N = sizeof closed / sizeof closed[0], CLOSED_SLOTS = 128, CLOSED_MAX = 10 };
_Static_assert(CLOSED_N < CLOSED_SLOTS / 2 && CLOSED_N < 255, "the closed-word table is a sparse byte table");

/* Every token asks whether it is a closed word: an open-addressing table
 * by length, first and last letter (slot: index + 1, 0 empty) answers in
 * about one probe, where scanning the words of its length took a dozen
 * comparisons. Built once, before the first sentence. */
static uint8_t closed_slot[CLOSED_SLOTS], closed_len[CLOSED_N];
static pthread_once_t closed_once = PTHREAD_ONCE_INIT;

static unsigned closed_hash(const char *w, size_t n)
{
    return ((unsigned char)w[0] * 31u + (unsigned char)w[n - 1] * 7u + (unsigned)n) & (CLOSED_SLOTS - 1);
}

static void closed_build(void)
{
    for (unsigned k = 0; k < CLOSED_N; k++) {
        size_t n = strlen(closed[k].w);
        unsigned h = closed_hash(closed[k].w, n);
        while (closed_slot[h])
            h = (h + 1) & (CLOSED_SLOTS - 1);
        closed_slot[h] = (uint8_t)(k + 1);
        closed_len[k] = (uint8_t)n;
    }
}

/* A word's class, pronoun kind and function-word sets. */
static void classify(const char *w, size_t n, dy_token *t)
{
    t->cls = DY_W_NONE;
    t->pron = DY_PR_NONE;
    t->fw = 0;
    if (n >= 1 && n <= CLOSED_MAX)
        for (unsigned h = closed_hash(w, n); closed_slot[h]; h = (h + 1) & (CLOSED_SLOTS - 1)) {
            unsigned k = closed_slot[h] - 1u;
            if (closed_len[k] == n && closed[k].w[0] == w[0] && memcmp(closed[k].w, w, n) == 0) {
                t->cls = closed[k].cls;
                t->pron = closed[k].pron;
                t->fw = closed[k].fw;
                return;
            }
        }
    if (n && isdigit((unsigned char)w[0]))
        t->cls = DY_W_NUM;
}
static bool apostrophe_cp(utf8proc_int32_t cp)
{
    return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

/* Length in bytes of the non-ASCII punctuation or blank code point at
 * text[i] (curly quotes around "China", an em dash in "Pakistan-China", a
 * no-break space), 0 when there is none there. A typographic apostrophe
 * (U+2019) between a word's letters ("Jinping's") is no punctuation: it is
 * folded to ASCII. in_word: a word has begun before i. */
static size_t uni_punct(const char *text, size_t i, size_t len, bool in_word)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
    if (l <= 0)
        return 0;
    if (apostrophe_cp(cp) && in_word && i + (size_t)l < len && isalnum((unsigned char)text[i + (size_t)l]))
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return (size_t)l;
    default:
        return 0;
    }
}

/* Appends the upper-case, mark-free form of one code point to dst. */
static size_t fold_cp(utf8proc_int32_t cp, char *dst, size_t room)
{
    if (apostrophe_cp(cp)) {
        if (room < 1)
            return 0;
        dst[0] = '\'';
        return 1;
    }
    if (cp < 0x80) {
        if (room < 1)
            return 0;
        dst[0] = (char)toupper(cp);
        return 1;
    }
    utf8proc_int32_t buf[8];
    int rl = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &rl);
    size_t n = 0;
    for (utf8proc_ssize_t i = 0; i < k && i < 8; i++) {
        utf8proc_int32_t c = utf8proc_toupper(buf[i]);
        if (c < 0x80) {
            if (n < room)
                dst[n++] = (char)c;
        } else {
            utf8proc_uint8_t tmp[4];
            utf8proc_ssize_t l = utf8proc_encode_char(c, tmp);
            if (n + (size_t)l <= room) {
                memcpy(dst + n, tmp, (size_t)l);
                n += (size_t)l;
            }
        }
    }
    return n;
}

/* A token whose spelling is fixed: a comma, the N'T of a contraction. */
static void fixed_token(dy_token *t, size_t off, size_t len, const char *w, uint8_t cls)
{
    t->off = (uint32_t)off;
    t->len = (uint32_t)len;
    t->w = w;
    t->wl = (uint16_t)strlen(w);
    classify(w, t->wl, t);
    t->cls = cls;
    t->cap = false;
}

/* Does text[from..len) hold nothing but blanks and closing marks? */
static bool only_closing(const char *text, size_t from, size_t len)
{
    for (size_t i = from; i < len; i++)
        if (!strchr(" \t\r\n\"')]", text[i]) || text[i] == '\0')
            return false;
    return true;
}

int dy_lex(dy_arena *a, const char *text, size_t len, dy_token *out, int max, bool *allcaps,
           bool treebank)
{
    pthread_once(&closed_once, closed_build);
    /* the folded words, one after another in one block: a word takes at
     * most four bytes per input byte and its NUL, and words are at least
     * a byte apart, so at most (len + 1) / 2 of them (an allocation per
     * word cost a tenth of the lexer) */
    char *wnext = dy_arena_alloc(a, len * 4 + len / 2 + 2);
    if (!wnext)
        return -1;
    int n = 0;
    bool lower = false;
    for (size_t i = 0; i < len; i++)
        if (islower((unsigned char)text[i])) {
            lower = true;
            break;
        }
    *allcaps = !lower;
    size_t i = 0;
    while (i < len && n < max) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ') {
            i++;
            continue;
        }
        if (c == ',' || c == ';') {
            /* comma inside a number: 1,500 */
            if (c == ',' && i > 0 && i + 1 < len && isdigit((unsigned char)text[i - 1])
                && isdigit((unsigned char)text[i + 1])) {
                i++;
                continue;
            }
            fixed_token(&out[n++], i, 1, ",", DY_W_COMMA);
            i++;
            continue;
        }
        /* literal "\n" markers of TABARI text records are display hints */
        if (c == '\\' && i + 1 < len && text[i + 1] == 'n') {
            i += 2;
            continue;
        }
        if (!is_word_byte(c)) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t pl = uni_punct(text, i, len, false);
            if (pl) {
                i += pl;
                continue;
            }
        }
        size_t s = i;
        bool high = false; /* a byte of a multi-byte character in the word */
        for (;;) {
            /* the common case, a run of ASCII word bytes, by table */
            while (i < len && ascii_word[(unsigned char)text[i]])
                i++;
            if (i >= len)
                break;
            unsigned char b = (unsigned char)text[i];
            if (b >= 0x80) {
                if (uni_punct(text, i, len, i > s))
                    break;
                high = true;
                i++;
                continue;
            }
            /* British "co-operation", "co-ordinate": one word, as the
             * dictionaries spell it (but "co-hosted" stays HOSTED) */
            if (b == '-' && i == s + 2 && i + 1 < len && (text[i + 1] == 'o' || text[i + 1] == 'O')
                && (text[s] == 'c' || text[s] == 'C') && (text[s + 1] == 'o' || text[s + 1] == 'O')) {
                i++;
                continue;
            }
            /* a comma inside a number stays part of it */
            if (b == ',' && i > s && i + 1 < len && isdigit((unsigned char)text[i - 1])
                && isdigit((unsigned char)text[i + 1])) {
                i++;
                continue;
            }
            break;
        }
        size_t e = i;
        /* "re-examine", "re-elected": the prefix alone is no word; the verb
         * after it is what the dictionaries know */
        if (e == s + 2 && (text[s] == 'r' || text[s] == 'R') && (text[s + 1] == 'e' || text[s + 1] == 'E')
            && e + 1 < len && text[e] == '-' && isalpha((unsigned char)text[e + 1]))
            continue;
        /* trim leading/trailing quotes and periods that are punctuation
         * (nothing to trim when the word starts and ends with a letter or
         * digit, as most do) */
        if (!(ascii_alnum((unsigned char)text[s]) && ascii_alnum((unsigned char)text[e - 1]))) {
            while (s < e && (text[s] == '\'' || text[s] == '.'))
                s++;
            while (e > s && text[e - 1] == '\'' && !(e - s >= 2 && (text[e - 2] == 's' || text[e - 2] == 'S')))
                e--;
            /* period after a lower-case letter ends a sentence, not an abbreviation */
            while (e > s && text[e - 1] == '.' && (e - s == 1 || !isupper((unsigned char)text[e - 2])))
                e--;
            /* the sentence's last word: "presented by the US." ("U.S." keeps
             * its period, being an abbreviation throughout) */
            if (e > s + 1 && text[e - 1] == '.' && !memchr(text + s, '.', e - s - 1) && only_closing(text, e, len))
                e--;
            while (e > s && text[e - 1] == '\'' && e - s == 1)
                e--;
        }
        if (e <= s)
            continue;
        /* fold into upper case ASCII where possible */
        size_t room = high ? (e - s) * 4 + 1 : (e - s) + 1;
        char *w = wnext;
        wnext += room; /* the unused rest of room is left behind */
        size_t wl = 0;
        size_t k = s;
        if (!high) {
            /* ASCII: by table, commas and hyphens dropped */
            for (; k < e; k++) {
                char f = ascii_fold[(unsigned char)text[k]];
                w[wl] = f;
                wl += f != 0;
            }
        }
        while (k < e) {
            unsigned char b = (unsigned char)text[k];
            if (b < 0x80) {
                if (b != ',' && b != '-')
                    w[wl++] = (char)(b >= 'a' && b <= 'z' ? b - 32 : b);
                k++;
                continue;
            }
            utf8proc_int32_t cp;
            utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)text + k, (utf8proc_ssize_t)(e - k), &cp);
            if (l <= 0) {
                k++; /* invalid byte: dropped from the word */
                continue;
            }
            wl += fold_cp(cp, w + wl, room - 1 - wl);
            k += (size_t)l;
        }
        w[wl] = '\0';
        if (wl == 0)
            continue;
        if (treebank && wl > 3 && memcmp(w + wl - 3, "N'T", 3) == 0 && n + 1 < max) {
            /* DIDN'T -> DID + N'T; the pieces share the word's span */
            size_t stem = wl - 3;
            dy_token *t = &out[n++];
            t->off = (uint32_t)s;
            t->len = (uint32_t)(e - s > 3 ? e - s - 3 : e - s);
            t->w = dy_arena_strndup(a, w, stem);
            if (!t->w)
                return -1;
            t->wl = (uint16_t)stem;
            classify(t->w, stem, t);
            t->cap = isupper((unsigned char)text[s]);
            fixed_token(&out[n++], e - s > 3 ? e - 3 : s, 3, "N'T", DY_W_NONE);
            continue;
        }
        if (wl <= DY_LEX_MAX_WORD) {
            /* the common case: one token for the word */
            dy_token *t = &out[n++];
            t->off = (uint32_t)s;
            t->len = (uint32_t)(e - s);
            t->w = w;
            t->wl = (uint16_t)wl;
            classify(w, wl, t);
            t->cap = isupper((unsigned char)text[s]) != 0;
            continue;
        }
        /* split overlong words as TABARI does */
        size_t pos = 0;
        while (pos < wl && n < max) {
            size_t part = wl - pos > DY_LEX_MAX_WORD ? DY_LEX_MAX_WORD : wl - pos;
            dy_token *t = &out[n++];
            t->off = (uint32_t)(s + (pos < e - s ? pos : 0));
            t->len = (uint32_t)(pos == 0 && part == wl ? e - s : (part < e - s - pos ? part : e - s - pos));
            if (pos == 0 && part == wl)
                t->len = (uint32_t)(e - s);
            t->w = w + pos;
            if (pos + part < wl) {
                char *cp = dy_arena_strndup(a, w + pos, part);
                if (!cp)
                    return -1;
                t->w = cp;
            }
            t->wl = (uint16_t)part;
            classify(t->w, part, t);
            t->cap = pos == 0 && isupper((unsigned char)text[s]);
            pos += part;
        }
    }
    return n;
}

bool dy_word_is(const dy_token *t, const char *w)
{
    /* the first letters differ for nearly every call: no strlen then (a
     * token may have no spelling at all: wl 0, w NULL) */
    return t->wl && t->w[0] == w[0] && strncmp(t->w, w, t->wl) == 0 && w[t->wl] == '\0';
}

bool dy_word_in(const dy_token *t, const char *const *list)
{
    if (!t->wl)
        return false;
    /* the parser and coder ask this of nearly every word: the first two
     * letters (the second may be the end) turn down most entries */
    const char c0 = t->w[0], c1 = t->wl > 1 ? t->w[1] : '\0';
    for (; *list; list++) {
        const char *w = *list;
        if (w[0] != c0 || w[1] != c1)
            continue;
        if (c1 == '\0' || (strncmp(t->w + 2, w + 2, t->wl - 2u) == 0 && w[t->wl] == '\0'))
            return true;
    }
    return false;
}

bool dy_word_ends(const dy_token *t, const char *suf)
{
    size_t n = strlen(suf);
    return t->wl > n && memcmp(t->w + t->wl - n, suf, n) == 0;
}

bool dy_word_negator(const dy_token *t)
{
    return (t->fw & DY_FW_NEG) || dy_word_ends(t, "N'T");
}
