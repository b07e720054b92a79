/* syntax.c: checks and views a syntax model image, and runs the tagger and
 * parser over the words of one sentence. */
#include "syntax.h"
#include <stdio.h>
#include <string.h>

/* Four independent multiply-rotate lanes over 8-byte words, so that 16 MB
 * are summed in a few milliseconds; the checksum field itself (bytes 32-39)
 * counts as zero. Not cryptographic: it catches truncated or damaged files. */
uint64_t dy_syn_checksum(const void *buf, size_t len)
{
    const unsigned char *p = buf;
    uint64_t lane[4] = {0x9e3779b97f4a7c15ULL, 0xc2b2ae3d27d4eb4fULL, 0x165667b19e3779f9ULL,
                        0x27d4eb2f165667c5ULL};
    size_t i = 0;
    for (; i + 32 <= len; i += 32)
        for (int k = 0; k < 4; k++) {
            uint64_t v;
            memcpy(&v, p + i + 8 * k, 8);
            if (i + 8 * (size_t)k == 32)
                v = 0;
            lane[k] = (lane[k] ^ v) * 0x9fb21c651e98df25ULL;
            lane[k] = lane[k] << 29 | lane[k] >> 35;
        }
    uint64_t h = (uint64_t)len;
    for (; i < len; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    for (int k = 0; k < 4; k++)
        h = dy_pc_mix(h ^ lane[k]);
    return h;
}

static uint32_t u32at(const unsigned char *p, size_t off)
{
    uint32_t v;
    memcpy(&v, p + off, 4);
    return v;
}

/* Splits the strings section into the tag and label names. */
static bool view_strings(const char *s, size_t len, dy_syn_model *m)
{
    size_t pos = 0;
    for (unsigned i = 0; i < 2 * m->ntags + m->nlabels; i++) {
        const char *z = memchr(s + pos, '\0', len - pos);
        if (!z)
            return false;
        const char *str = s + pos;
        if (i < 2 * m->ntags)
            (i % 2 ? m->xpos : m->upos)[i / 2] = str;
        else
            m->label[i - 2 * m->ntags] = str;
        pos = (size_t)(z - s) + 1;
    }
    return true;
}

/* The bound prefixes: NUL-terminated strings, at most DY_TOK_MAX_PREFIXES. */
static bool view_prefixes(const char *s, size_t len, dy_tok_rules *r)
{
    r->nprefix = 0;
    for (size_t pos = 0; pos < len;) {
        const char *z = memchr(s + pos, '\0', len - pos);
        if (!z || r->nprefix == DY_TOK_MAX_PREFIXES)
            return false;
        r->prefix[r->nprefix++] = s + pos;
        pos = (size_t)(z - s) + 1;
    }
    return true;
}

static uint8_t label_id(const dy_syn_model *m, const char *name)
{
    for (unsigned i = 0; i < m->nlabels; i++)
        if (strcmp(m->label[i], name) == 0)
            return (uint8_t)i;
    return DY_DEP_NOLABEL;
}

static void find_voice(dy_syn_model *m)
{
    m->voice.aux_pass = label_id(m, "aux:pass");
    m->voice.subj[0] = label_id(m, "nsubj");
    m->voice.subj[1] = label_id(m, "csubj");
    m->voice.subj_pass[0] = label_id(m, "nsubj:pass");
    m->voice.subj_pass[1] = label_id(m, "csubj:pass");
}

dy_status dy_syn_view(const void *buf, size_t len, dy_syn_model *m, dy_error *err)
{
    const unsigned char *p = buf;
    memset(m, 0, sizeof *m);
#define BAD(...) do { snprintf(err->msg, sizeof err->msg, __VA_ARGS__); return DY_ERR_PARSE; } while (0)
    if (len < DY_SYN_HEADER || memcmp(p, DY_SYN_MAGIC, 8) != 0)
        BAD("not a dyad syntax model");
    if (u32at(p, 8) != DY_SYN_VERSION)
        BAD("syntax model version %u; this dyad reads version %u", u32at(p, 8), DY_SYN_VERSION);
    uint64_t total, sum;
    memcpy(&total, p + 24, 8);
    memcpy(&sum, p + 32, 8);
    if (total != len)
        BAD("syntax model is %zu bytes, its header says %llu (truncated?)", len, (unsigned long long)total);
    if (((uintptr_t)buf & 7) != 0)
        BAD("syntax model image is not 8-byte aligned");
    if (dy_syn_checksum(buf, len) != sum)
        BAD("syntax model checksum mismatch (damaged file)");
    if (u32at(p, DY_SYN_FEATURES_AT) != DY_TAG_FEATURES || u32at(p, DY_SYN_FEATURES_AT + 4) != DY_DEP_FEATURES)
        BAD("syntax model made for features %u/%u; this dyad computes %u/%u (retrain: make model)",
            u32at(p, DY_SYN_FEATURES_AT), u32at(p, DY_SYN_FEATURES_AT + 4), DY_TAG_FEATURES, DY_DEP_FEATURES);
    m->ntags = u32at(p, 12);
    m->nlabels = u32at(p, 16);
    m->root = u32at(p, 20);
    if (m->ntags == 0 || m->ntags > DY_PC_MAX_CLASSES || m->nlabels == 0 ||
        m->nlabels > DY_DEP_MAX_LABELS || m->root >= m->nlabels)
        BAD("syntax model has %u tags and %u labels (out of range)", m->ntags, m->nlabels);
    const unsigned char *sect[DY_SYN_NSECT];
    size_t slen[DY_SYN_NSECT];
    for (int i = 0; i < DY_SYN_NSECT; i++) {
        size_t off = u32at(p, 40 + 8 * (size_t)i), l = u32at(p, 44 + 8 * (size_t)i);
        if (off < DY_SYN_HEADER || off > len || l > len - off || (off & 7))
            BAD("syntax model section %d out of bounds", i);
        sect[i] = p + off;
        slen[i] = l;
    }
    if (!view_strings((const char *)sect[DY_SYN_STRINGS], slen[DY_SYN_STRINGS], m))
        BAD("syntax model: bad tag or label names");
    if (!dy_tag_lex_view(sect[DY_SYN_LEX], slen[DY_SYN_LEX], &m->lex))
        BAD("syntax model: bad lexicon");
    if (!dy_pc_view(sect[DY_SYN_TAGGER], slen[DY_SYN_TAGGER], &m->tagger) ||
        m->tagger.nclasses != m->ntags)
        BAD("syntax model: bad tagger weights");
    if (!dy_pc_view(sect[DY_SYN_PARSER], slen[DY_SYN_PARSER], &m->parser) ||
        m->parser.nclasses != 1 + 2 * m->nlabels)
        BAD("syntax model: bad parser weights");
    for (uint32_t i = 0; i < m->lex.nslots; i++) /* fixed tags must be tags */
        if (m->lex.slots[2 * i] && (m->lex.slots[2 * i + 1] & 0xff) != DY_TAG_NONE &&
            (m->lex.slots[2 * i + 1] & 0xff) >= m->ntags)
            BAD("syntax model: lexicon names a tag out of range");
    find_voice(m);
    for (unsigned i = 0; i < m->ntags; i++)
        m->verbal[i] = strcmp(m->upos[i], "VERB") == 0 || strcmp(m->upos[i], "AUX") == 0;
    if (!view_prefixes((const char *)sect[DY_SYN_PREFIXES], slen[DY_SYN_PREFIXES], &m->tok))
        BAD("syntax model: bad tokeniser prefixes");
    m->info = (const char *)sect[DY_SYN_INFO];
    m->info_len = strnlen(m->info, slen[DY_SYN_INFO]);
#undef BAD
    return DY_OK;
}

void dy_syn_run(const dy_syn_model *m, dy_syn_work *w, const char *const *forms, const size_t *lens,
                int n, const bool *name)
{
    w->n = n;
    for (int i = 0; i < n; i++) {
        dy_tag_describe(&m->lex, forms[i], lens[i], &w->tw[i]);
        w->norm[i] = w->tw[i].norm;
        w->tw[i].name = name && name[i];
    }
    dy_tag_run(&m->tagger, w->tw, n, m->verbal, w->tag);
    dy_dep_input in = {n, w->norm, w->tag, m->nlabels, m->root};
    dy_dep_run(&m->parser, &in, &w->st, w->head, w->label);
    dy_dep_agree_voice(&m->voice, n, w->head, w->label);
}
