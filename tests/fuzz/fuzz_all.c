/* fuzz_all.c: one fuzz target for every parser in dyad. The first input
 * byte picks the parser: TABARI .actors/.agents/.verbs/.options files, the
 * JSON Lines, plain-text and TABARI-record readers (each followed by the
 * coder with the built-in dictionaries; plain text also through the
 * PETRARCH dialect of the coder), the PETRARCH verbs, agents,
 * discards and issues formats, and the PETRARCH XML scanner. Built with libFuzzer by `make fuzz`;
 * tests/fuzz/replay.c replays the corpus in `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../include/dyad.h"
#include "../../src/dict.h"
#include "../../src/tabari.h"
#include "../../src/petrarch.h"
#include "../../src/petrxml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dy_dict *builtin, *petr;

/* A small PETRARCH-format set that reaches the dialect's rules: agents,
 * transformations, intent and appeal verbs, reversed pairs. */
static const char petr_actors[] = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nMORDOR [MOR]\n";
static const char petr_agents[] = "OFFICIAL [~GOV]\nLAWMAKER [~LEG]\nMEDIA [~MED]\nSTUDENT [~EDU]\n";
static const char petr_verbs[] =
    "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n--- ATTACK [190] ---\nATTACK\n"
    "--- PLEDGE [030] ---\nPLEDGE\n--- ASK [020] ---\nASK\n--- HELP [070] ---\nHELP\n"
    "--- AGREE [050] ---\nAGREE\n- * WITH % [031]\n--- RECEIVE [---] ---\nRECEIVE\n- * INVITATION [:026]\n"
    "~ a (a b ATTACK) SAY = a b 015\n~ a (b . ATTACK) SAY = a b 112\n~ a (a b Q) SAY = a b Q\n";

static dy_dict *petr_dict(void)
{
    if (!petr) {
        dy_dict_builder *b = dy_dict_builder_new();
        dy_load_opts lo = {0};
        dy_dict_builder_mark_petr(b);
        dy_petr_parse(b, DY_PK_VERBS, "v", petr_verbs, sizeof petr_verbs - 1, &lo);
        dy_petr_parse(b, DY_PK_ACTORS, "a", petr_actors, sizeof petr_actors - 1, &lo);
        dy_petr_parse(b, DY_PK_AGENTS, "g", petr_agents, sizeof petr_agents - 1, &lo);
        petr = dy_dict_compile(&b, "petr");
        if (!petr)
            abort();
    }
    return petr;
}

static void code_with(const dy_dict *d, dy_input_kind kind, const char *buf, size_t len);

static void code_all(dy_input_kind kind, const char *buf, size_t len)
{
    dy_error err;
    if (!builtin) {
        dy_load_opts lo = {0};
        if (dy_dict_load_builtin(&lo, &builtin, &err) != DY_OK)
            abort();
    }
    code_with(builtin, kind, buf, len);
    if (kind == DY_IN_TEXT)
        code_with(petr_dict(), kind, buf, len);
}

static void code_with(const dy_dict *d, dy_input_kind kind, const char *buf, size_t len)
{
    dy_error err;
    dy_coder *c = dy_coder_new(d);
    dy_reader *r = dy_reader_new("fuzz", buf, len, kind, 20180611);
    for (int guard = 0; guard < 100000; guard++) {
        dy_doc doc;
        bool eof;
        if (dy_reader_next(r, &doc, &eof, &err) != DY_OK)
            continue;
        if (eof)
            break;
        dy_result res;
        if (dy_code_doc(c, &doc, &res, &err) == DY_OK)
            for (size_t i = 0; i < res.n; i++) {
                char line[4096];
                dy_event_json(&res.events[i], doc.id, true, line, sizeof line);
            }
    }
    dy_reader_free(&r);
    dy_coder_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int sel = data[0] % 12;
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    if (sel < 4) {
        static const int kinds[4] = {DY_TK_ACTORS, DY_TK_AGENTS, DY_TK_VERBS, DY_TK_OPTIONS};
        dy_dict_builder *b = dy_dict_builder_new();
        dy_load_opts lo = {0};
        dy_tabari_parse(b, kinds[sel], "fuzz", buf, len, &lo);
        struct dy_dict *d = dy_dict_compile(&b, "fuzz");
        if (d) {
            /* code a sentence with whatever was loaded */
            dy_coder *c = dy_coder_new(d);
            dy_result r;
            dy_error err;
            const char *s = "Arnor and Gondor met Rohan, the Ent official said on Monday in Bree.";
            dy_code_sentence(c, s, strlen(s), 19950101, &r, &err);
            dy_coder_free(&c);
            dy_dict_free(&d);
        } else
            dy_dict_builder_free(&b);
        return 0;
    }
    if (sel >= 7 && sel < 11) {
        static const int pk[4] = {DY_PK_VERBS, DY_PK_AGENTS, DY_PK_DISCARDS, DY_PK_ISSUES};
        dy_dict_builder *b = dy_dict_builder_new();
        dy_load_opts lo = {0};
        dy_petr_parse(b, pk[sel - 7], "fuzz", buf, len, &lo);
        struct dy_dict *d = dy_dict_compile(&b, "fuzz");
        if (d)
            dy_dict_free(&d);
        else
            dy_dict_builder_free(&b);
        return 0;
    }
    if (sel == 11) {
        dy_px px;
        dy_px_init(&px, buf, len);
        dy_px_item it = {0};
        char msg[128];
        for (int guard = 0; guard < 100000; guard++) {
            dy_px_next(&px, &it, msg, sizeof msg);
            if (it.kind == DY_PX_END)
                break;
        }
        dy_px_item_clear(&it);
        return 0;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return 0;
    memcpy(copy, buf, len);
    copy[len] = '\0';
    code_all(sel == 4 ? DY_IN_JSONL : sel == 5 ? DY_IN_TEXT : DY_IN_TABARI, copy, len);
    free(copy);
    return 0;
}
