/* doc.c: codes a whole document: the headline, then each sentence that the
 * segmenter finds in the body, numbering sentences from 1. */
#include "../include/dyad.h"
#include "code.h"
#include "segment.h"
#include <stdio.h>
#include <string.h>

#define SEG_WINDOW 4096 /* sentences segmented at a time */

bool dy_speaker_ok(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' && s[n] <= '9')))
            return false;
    return n >= 3 && n <= 63;
}

dy_status dy_code_doc(dy_coder *c, const dy_doc *doc, dy_result *out, dy_error *err)
{
    dy_arena_reset(&c->arena);
    c->ev = NULL;
    c->nev = c->cev = 0;
    memset(out, 0, sizeof *out);
    int no = 0;
    int last = DY_SENT_NOEVENT;
    /* sentences of one document form one story for FORWARD */
    dy_strcpy_cap(c->story, sizeof c->story, doc->id ? doc->id : "");
    c->prev_story[0] = '\0';
    c->fwd_code[0] = '\0';
    c->story_discard = false;
    dy_names_clear(&c->names); /* a document with the id of the one before is another */
    dy_strcpy_cap(c->names_story, sizeof c->names_story, c->story);
    if (doc->speaker && !dy_speaker_ok(doc->speaker)) {
        snprintf(err->msg, sizeof err->msg, "%s: speaker '%.40s' is not an actor code (upper-case letters and digits, 3 to 63)",
                 doc->id ? doc->id : "document", doc->speaker);
        return DY_ERR_PARSE;
    }
    if (doc->venue && !dy_speaker_ok(doc->venue)) {
        snprintf(err->msg, sizeof err->msg, "%s: venue '%.40s' is not an actor code (upper-case letters and digits, 3 to 63)",
                 doc->id ? doc->id : "document", doc->venue);
        return DY_ERR_PARSE;
    }
    dy_strcpy_cap(c->speaker, sizeof c->speaker, doc->speaker ? doc->speaker : "");
    dy_strcpy_cap(c->venue, sizeof c->venue, doc->venue ? doc->venue : "");
    if (doc->title && *doc->title) {
        c->sentence_no = ++no;
        c->sent = no;
        last = dy_code_append(c, doc->title, strlen(doc->title), doc->date);
        if (last < 0)
            goto nomem;
    }
    if (!doc->split) {
        /* a one-sentence record may still open with a dateline */
        size_t dl = dy_segment_dateline(doc->text, doc->text_len);
        c->sentence_no = ++no;
        c->sent = no;
        last = dy_code_append(c, doc->text + dl, doc->text_len - dl, doc->date);
        if (last < 0)
            goto nomem;
    } else {
        /* sentences are found a window at a time: no cap on a document's
         * sentences, and memory for only SEG_WINDOW spans */
        dy_span *sp = dy_arena_alloc(&c->arena, SEG_WINDOW * sizeof *sp);
        if (!sp)
            goto nomem;
        for (size_t from = 0;;) {
            int n = dy_segment_from(doc->text, doc->text_len, from, sp, SEG_WINDOW);
            for (int i = 0; i < n; i++) {
                c->sentence_no = ++no;
                c->sent = no;
                last = dy_code_append(c, doc->text + sp[i].off, sp[i].len, doc->date);
                if (last < 0)
                    goto nomem;
            }
            if (n < SEG_WINDOW)
                break;
            from = sp[n - 1].off + sp[n - 1].len;
        }
    }
    if (c->story_discard) {
        /* a story-level discard phrase: nothing of the document is coded */
        c->nev = 0;
        last = DY_SENT_DISCARD;
    }
    out->events = c->ev;
    out->n = c->nev;
    out->status = last;
    out->explain = c->explain;
    out->sentences = no;
    return DY_OK;
nomem:
    snprintf(err->msg, sizeof err->msg, "%s: out of memory",
             doc->id ? doc->id : "document");
    return DY_ERR_NOMEM;
}
