/* cli_input.h: one input of `dyad code` read in pieces cut at record
 * boundaries and handed to the coding loop (cli_code.h), so that any
 * stream of JSON Lines or TABARI records codes in bounded memory, a slow
 * producer's records are coded as they arrive, and an endless line is cut
 * off at the documented limit instead of filling memory. */
#ifndef DY_CLI_INPUT_H
#define DY_CLI_INPUT_H
#include "cli_code.h"

/* the most bytes of one record (a JSON line, a TABARI record, a plain-text
 * article, a PETRARCH XML file) that is read */
#define DY_CLI_MAX_RECORD ((size_t)64 << 20)

/* Codes the input on fd (named name for messages); returns an exit
 * status (0, 1 bad records, 4 read error, 5 out of memory or over the
 * limit, 6 output not written). */
int dy_cli_code_fd(int fd, const char *name, const dy_cli_code_opts *o, dy_input_kind kind, int32_t date,
                   dy_cli_stats *st);

#endif
