/* petrxml.h: a tolerant reader for PETRARCH's XML record files
 * (<Sentence date id sentence><Text>...</Text><Parse>...</Parse></Sentence>,
 * with <EventCoding>, <Config> and <Environment> in validation files).
 *
 * The files in use are not always well-formed XML (a self-closed <Sentence
 * .../> followed by its content, say), so this is a scanner of the few tags
 * PETRARCH defines rather than an XML parser. Parse trees are skipped: dyad
 * parses the text itself. Items are filled in place; the text of a sentence
 * is malloc'd into the item and freed by dy_px_item_clear. */
#ifndef DY_PETRXML_H
#define DY_PETRXML_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* DY_PX_ERROR: a malformed stretch between records (an unclosed comment),
 * reported by dy_px_next's -1; the scanner has resynchronised past it */
enum dy_px_kind { DY_PX_END = 0, DY_PX_SENTENCE, DY_PX_CONFIG, DY_PX_ENV, DY_PX_ERROR };

#define DY_PX_MAX_EVENTS 64

typedef struct {
    char src[64], tgt[64], code[16];
} dy_px_event;

typedef struct {
    int kind;               /* enum dy_px_kind */
    unsigned line;          /* line where the item starts */
    /* DY_PX_CONFIG */
    char option[64], value[256];
    /* DY_PX_ENV: dictionary files named by <Environment> */
    char verbfile[512], actorfile[512], agentfile[512], discardfile[512], issuefile[512];
    /* DY_PX_SENTENCE */
    char id[256], category[64];
    int32_t date;           /* yyyymmdd, 0 when missing or bad */
    bool is_sentence;       /* sentence="true" (default); false: a story to split */
    bool evaluate;          /* evaluate="false" asks validation to pass it by */
    char *text;             /* entities decoded; NUL-terminated */
    size_t text_len;
    dy_px_event exp[DY_PX_MAX_EVENTS];
    int nexp;
    bool noevents;          /* <EventCoding noevents="True"> */
    char error[64];         /* <EventCoding error="..."> */
    bool has_coding;        /* any <EventCoding> */
    bool bad_date;          /* a date attribute that is no day (text kept) */
    char date_text[16];
    bool unclosed;          /* no </Sentence> before the next <Sentence>:
                             * the record ends there */
} dy_px_item;

typedef struct {
    const char *buf;
    size_t len, pos;
    unsigned line;          /* line at pos */
    bool dry;               /* find items' extents only: no text decoded */
    bool ran_out;           /* the last item ran to the end of buf (more
                             * input might have ended it elsewhere) */
} dy_px;

void dy_px_init(dy_px *p, const char *buf, size_t len);
/* Next item; DY_PX_END at the end. Returns -1 with msg on a malformed
 * sentence (the scanner has moved past it). */
int dy_px_next(dy_px *p, dy_px_item *it, char *msg, size_t msglen);
void dy_px_item_clear(dy_px_item *it);
/* Where the complete items of buf[0..n) end: after the last item whose end
 * the scanner found inside buf (a </Sentence>, the next <Sentence>, a
 * comment's end). A stream cut there scans as the whole would. */
size_t dy_px_cut(const char *buf, size_t n);

#endif
