/* cli_code.h: the `dyad code` loop of the dyad program: documents read in
 * order, coded by one or more threads (each with a coder of its own over
 * the one immutable dictionary), and their events written in input order,
 * byte for byte the same whatever the number of threads. */
#ifndef DY_CLI_CODE_H
#define DY_CLI_CODE_H
#include "../include/dyad.h"
#include <signal.h>
#include <stdbool.h>

/* exit status of a run whose output could not be written */
#define DY_CLI_EX_OUTPUT 6

/* The signal (SIGINT, SIGTERM) that asked the run to stop, else 0; set by
 * the handler that dy_cli_catch_signals installs. The coding loop then
 * reads no more, writes what it has coded, and the program re-raises it. */
extern volatile sig_atomic_t dy_cli_stop;
void dy_cli_catch_signals(void);

/* errno of the first failed write of events, else 0; once set, no more is
 * written and coding stops */
extern int dy_cli_out_errno;
/* Writes all of p to fd, retrying short writes; false (and
 * dy_cli_out_errno set) on failure. */
bool dy_cli_write(int fd, const char *p, size_t n);

typedef struct {
    unsigned long docs, events, empty, errors;
} dy_cli_stats;

typedef struct {
    const dy_dict *d;
    const char *const *options; /* TABARI .options lines for every coder */
    int nopt;
    bool with_text, phoenix;
    int threads;                /* >= 1 */
    /* coders kept from one call of dy_cli_code_buffer to the next (a
     * stream read in pieces, several files), so that each keeps what it
     * has learnt of the dictionary (its root memo): threads entries, NULL
     * until first used; the caller frees them with dy_cli_code_free */
    dy_coder **coders;
    const char *speaker;        /* --speaker: for documents that name none, or NULL */
    const char *venue;          /* --venue: likewise */
} dy_cli_code_opts;

/* Codes the documents of buf (named name for messages) and writes their
 * events to stdout; errors go to stderr. Returns an exit status (0, 1 bad
 * records, 5 out of memory, 6 output not written). kind: in, the input kind (DY_IN_AUTO to
 * detect); out, the kind read. line, records: in, where buf starts in its
 * stream (1, 0 for a whole input); out, where it ends. */
int dy_cli_code_buffer(const dy_cli_code_opts *o, const char *name, const char *buf, size_t len,
                       dy_input_kind *kind, int32_t date, unsigned *line, unsigned *records, dy_cli_stats *st);

/* Frees the coders that dy_cli_code_buffer kept in o->coders. */
void dy_cli_code_free(const dy_cli_code_opts *o);

#endif
