/* segment.h: splits an article body into sentences: drops photo credits
 * and bylines ("—File Photo", "—INP", "By Jane Doe"), strips datelines
 * ("BEIJING:", "ISLAMABAD, June 10 (Reuters) -"), and cuts sentences at
 * terminal punctuation that is not an abbreviation. Output is spans into the
 * caller's text; nothing is allocated. */
#ifndef DY_SEGMENT_H
#define DY_SEGMENT_H
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct {
    uint32_t off, len; /* byte span of one sentence in the text */
} dy_span;

#define DY_SEG_MAX_SENTENCE 8192 /* longer sentences are cut at this many bytes */
#define DY_SEG_MAX_WORDS 320     /* ... and at this many words and marks */

/* Fills out with up to max sentences; returns the count. */
int dy_segment(const char *text, size_t len, dy_span *out, int max);
/* The same from byte from on, where an earlier call that filled its max
 * stopped (the end of its last span): a text of any length is segmented
 * in windows of max sentences. */
int dy_segment_from(const char *text, size_t len, size_t from, dy_span *out, int max);

/* Length of a dateline at the start of s (0 when none). */
size_t dy_segment_dateline(const char *s, size_t n);
/* Whether the period at s[dot] ends an abbreviation (Mr., U.S., J.) rather
 * than a sentence; reads back from dot only. */
bool dy_segment_abbrev_before(const char *s, size_t dot);

#endif
