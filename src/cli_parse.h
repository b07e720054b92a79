/* cli_parse.h: the `dyad parse` and `dyad validate ud` commands of the
 * dyad program: sentences in, CoNLL-U trees out; and the model's scores
 * against a gold treebank. */
#ifndef DY_CLI_PARSE_H
#define DY_CLI_PARSE_H

/* argv holds the arguments after the command's name; both return an exit
 * status as documented in --help (0, 1 bad records, 2 usage, 3 model not
 * loaded, 4 input unreadable, 5 out of memory or over a cap, 6 output). */
int dy_cli_parse(int argc, char **argv);
int dy_cli_validate_ud(int argc, char **argv);

#endif
