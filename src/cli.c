/* cli.c: the dyad command-line program. The only place that prints and
 * picks exit codes; all work is done by libdyad. */
#include "../include/dyad.h"
#include "cli_code.h"
#include "cli_fetch.h"
#include "cli_input.h"
#include "cli_parse.h"
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ORDER EXIT: exit codes, documented in --help and the man page */
enum {
    EX_OK = 0,       /* success */
    EX_RECORDS = 1,  /* some records were bad (the rest were coded), checks failed */
    EX_USAGE = 2,    /* bad command line */
    EX_DICT = 3,     /* dictionaries could not be loaded */
    EX_INPUT = 4,    /* an input file could not be read */
    EX_MEMORY = 5,   /* out of memory or over a documented cap */
    EX_OUTPUT = DY_CLI_EX_OUTPUT /* output could not be written */
};

static const char usage_text[] =
    "usage: dyad code [OPTIONS] [FILE...]       code articles, print events\n"
    "       dyad validate tabari PROJECT        run TABARI's validation suite\n"
    "       dyad validate petrarch FILE.xml [--dict SPEC] [--country] [--root]\n"
    "                                           run a PETRARCH validation file\n"
    "       dyad validate events FILE [--dict SPEC]\n"
    "                                           score hand-coded news sentences\n"
    "       dyad parse [--input text|jsonl|conllu] [--model FILE] [FILE...]\n"
    "                                           tag and parse sentences, print\n"
    "                                           CoNLL-U (Universal Dependencies)\n"
    "       dyad validate ud FILE.conllu[.zst] [--model FILE]\n"
    "                                           score the parser on gold trees\n"
    "       dyad dict check FILE...             report malformed dictionary lines\n"
    "       dyad dict info [--dict SPEC]        list what a dictionary set holds\n"
    "       dyad dict fetch phoenix [--from URL|DIR]\n"
    "                                           download the Phoenix pack (MIT) into\n"
    "                                           the data folder; then --dict phoenix\n"
    "       dyad --help | --version\n"
    "\n"
    "code options:\n"
    "  --input KIND      text, jsonl, tabari or petrarch (XML records); default:\n"
    "                    detected (a .jsonl or .json name, else most of the\n"
    "                    first lines)\n"
    "  --date YYYY-MM-DD date of plain-text articles (default: none)\n"
    "  --speaker CODE    actor code of who speaks in documents that name no\n"
    "                    speaker of their own (a JSON Lines record's\n"
    "                    \"speaker\"): a speech, a ministry's statement. Its\n"
    "                    first person outside quotations (\"we\", \"I\", \"my\n"
    "                    country\") is CODE, \"my Government\" CODE's\n"
    "  --venue CODE      actor code of the body the documents' speeches are\n"
    "                    given to, where they name none (a JSON Lines\n"
    "                    record's \"venue\"): its presiding officer (\"Mr.\n"
    "                    President\", \"the President\" of no state) is CODE's\n"
    "  --dict SPEC       builtin (default), a TABARI .project file, a PETRARCH\n"
    "                    config (.ini), a folder of dictionaries, or FILE[,FILE...]\n"
    "                    (TABARI .actors .agents .verbs .options; PETRARCH verbs,\n"
    "                    actors, agents, discards and issues files); SPEC+SPEC\n"
    "                    reads layers in turn, a later one adding to and\n"
    "                    overriding the earlier (builtin+my.actors)\n"
    "  --option LINE     apply a TABARI .options command, e.g. 'COMMA: OFF'\n"
    "  --syntax MODE     parse (the built-in pack's default): roles, verbs\n"
    "                    and an act's status (intent, demand, question,\n"
    "                    condition, history) from the tagger's and parser's\n"
    "                    tree as well as word order; linear (the default\n"
    "                    for TABARI and PETRARCH dictionaries): word order\n"
    "                    and the dictionaries alone, as TABARI reads them.\n"
    "                    Also 'SET: SYNTAX = PARSE|LINEAR' in options\n"
    "  --format FMT      jsonl (default: one JSON object per event) or phoenix\n"
    "                    (the Phoenix data set's 26 tab-separated columns)\n"
    "  --with-text       add the sentence text to each event\n"
    "  --stats           print documents, events, documents with no events and\n"
    "                    errors to stderr\n"
    "  --no-cache        do not use the compiled dictionary cache\n"
    "  -j N, --threads N code with N threads (0: one per processor); events\n"
    "                    come out in input order, the same as with one\n"
    "\n"
    "Dictionaries other than the built-in ones are compiled once into a cache\n"
    "($DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else ~/.cache/dyad) that is\n"
    "rebuilt when a dictionary file changes; malformed dictionary lines are\n"
    "reported when it is built (dyad dict check lists them any time).\n"
    "\n"
    "With no FILE, or when FILE is -, dyad reads standard input. A plain-text\n"
    "article's first non-empty line is its headline.\n"
    "\n"
    "parse options:\n"
    "  --input KIND      text, jsonl or conllu (its words are kept as they are:\n"
    "                    gold tokenisation); default: from the name (.conllu,\n"
    "                    .conllu.zst, .jsonl, .json), else text\n"
    "  --model FILE      a model written by 'make model' (default: built in)\n"
    "Each word's MISC column holds TokenRange=START:END, its bytes in the\n"
    "document's text (in the headline, for a headline's words).\n"
    "\n"
    "examples:\n"
    "  dyad code --date 2018-06-10 examples/sco-talks.txt\n"
    "  dyad code --input jsonl examples/articles.jsonl\n"
    "  dyad parse examples/sco-talks.txt\n"
    "  dyad validate tabari ../shared/peers/tabari/validation/Validate.project\n"
    "\n"
    "exit status:\n"
    "  0  success\n"
    "  1  some input records were bad (every other record was coded or\n"
    "     parsed), or validation records failed, or dict check found\n"
    "     malformed lines (coding skips them with one warning)\n"
    "  2  usage error\n"
    "  3  dictionaries, or the syntax model (--model), could not be loaded\n"
    "  4  an input file could not be read\n"
    "  5  out of memory or input over a documented limit\n"
    "  6  output could not be written (a full disk, a closed device); what\n"
    "     was written ends at a whole line\n"
    "A closed pipe (dyad ... | head) ends the run quietly, as SIGPIPE does;\n"
    "SIGINT or SIGTERM stops reading, writes the events already coded and\n"
    "ends at a line boundary.\n";

static int usage(int code)
{
    fputs(usage_text, code ? stderr : stdout);
    return code;
}

static void print_diag(void *ctx, const char *file, unsigned line, unsigned col, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "%s:%u:%u: %s\n", file, line, col, msg);
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* The compiled-dictionary cache folder: $DYAD_CACHE_DIR, else
 * $XDG_CACHE_HOME/dyad, else ~/.cache/dyad; created when missing. NULL when
 * there is none to use. */
static const char *cache_dir(void)
{
    static char dir[4096];
    const char *e = getenv("DYAD_CACHE_DIR");
    if (e && *e)
        snprintf(dir, sizeof dir, "%s", e);
    else if ((e = getenv("XDG_CACHE_HOME")) && *e)
        snprintf(dir, sizeof dir, "%s/dyad", e);
    else if ((e = getenv("HOME")) && *e)
        snprintf(dir, sizeof dir, "%s/.cache/dyad", e);
    else
        return NULL;
    /* mkdir -p */
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return NULL;
    /* images are trusted code paths: a folder that others can write to
     * (or that is not ours) could hold a planted one */
    struct stat sb;
    if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid() || (sb.st_mode & 022)) {
        fprintf(stderr, "dyad: warning: cache folder %s is not a folder of yours that only you can write to; "
                        "dictionaries are compiled without a cache\n", dir);
        return NULL;
    }
    return dir;
}

static bool use_cache = true;

/* Loads a dictionary set named by spec; diagnostics go to stderr. */
static int load_dict(const char *spec, dy_dict **d, bool quiet)
{
    dy_load_opts lo = {NULL, NULL, 0};
    dy_error err = {{0}};
    /* a pack installed by `dyad dict fetch` goes by its name */
    char pack[4096];
    struct stat sb;
    if (spec && dy_cli_pack_dir(spec, pack, sizeof pack)) {
        char missing[128];
        if (stat(pack, &sb) != 0) {
            fprintf(stderr, "dyad: the %s pack is not installed (dyad dict fetch %s)\n", spec, spec);
            return EX_DICT;
        }
        if (!dy_cli_pack_complete(pack, missing, sizeof missing)) {
            fprintf(stderr, "dyad: the %s pack in %s is incomplete (%s is missing or empty); run dyad dict fetch %s\n",
                    spec, pack, missing, spec);
            return EX_DICT;
        }
        spec = pack;
    }
    dy_status st = dy_dict_load_spec_cached(spec, use_cache ? cache_dir() : NULL, &lo, d, &err);
    if (st != DY_OK) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        return st == DY_ERR_NOMEM ? EX_MEMORY : EX_DICT;
    }
    /* a pack with known malformed lines codes as usual: one warning, and
     * `dyad dict check` is the strict tool that lists them (exit 1) */
    if (lo.nerrors && !quiet)
        fprintf(stderr, "dyad: warning: %u malformed dictionary line%s skipped in %s (dyad dict check lists them)\n",
                lo.nerrors, lo.nerrors == 1 ? "" : "s", spec ? spec : "builtin");
    return EX_OK;
}

static bool parse_date_arg(const char *s, int32_t *out)
{
    int y, m, d;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !dy_date_valid(y, m, d))
        return false;
    *out = y * 10000 + m * 100 + d;
    return true;
}

/* Ends the program by signal sig with its default action, as a reader that
 * went away (SIGPIPE) or a user's interrupt expects. */
static void reraise(int sig)
{
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}

static int cmd_code(int argc, char **argv)
{
    const char *dict = NULL;
    dy_input_kind kind = DY_IN_AUTO;
    int32_t date = 0;
    bool with_text = false, stats = false, phoenix = false;
    int threads = 1;
    const char *speaker = NULL, *venue = NULL;
    const char *options[64];
    int nopt = 0;
    const char *files[4096];
    int nfiles = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--input") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "text") == 0) kind = DY_IN_TEXT;
            else if (strcmp(v, "jsonl") == 0) kind = DY_IN_JSONL;
            else if (strcmp(v, "tabari") == 0) kind = DY_IN_TABARI;
            else if (strcmp(v, "petrarch") == 0) kind = DY_IN_PETRARCH;
            else {
                fprintf(stderr, "dyad: --input: unknown kind '%s'\n", v);
                return EX_USAGE;
            }
        } else if (strcmp(a, "--date") == 0 && i + 1 < argc) {
            if (!parse_date_arg(argv[++i], &date)) {
                fprintf(stderr, "dyad: --date: '%s' is not YYYY-MM-DD\n", argv[i]);
                return EX_USAGE;
            }
        } else if (strcmp(a, "--speaker") == 0 && i + 1 < argc) {
            speaker = argv[++i];
            if (!dy_speaker_ok(speaker)) {
                fprintf(stderr, "dyad: --speaker: '%s' is not an actor code (3 to 63 upper-case letters and digits)\n", speaker);
                return EX_USAGE;
            }
        } else if (strcmp(a, "--venue") == 0 && i + 1 < argc) {
            venue = argv[++i];
            if (!dy_speaker_ok(venue)) {
                fprintf(stderr, "dyad: --venue: '%s' is not an actor code (3 to 63 upper-case letters and digits)\n", venue);
                return EX_USAGE;
            }
        } else if (strcmp(a, "--dict") == 0 && i + 1 < argc)
            dict = argv[++i];
        else if (strcmp(a, "--option") == 0 && i + 1 < argc) {
            if (nopt == 64) {
                fprintf(stderr, "dyad: more than 64 --option lines (put them in an .options file)\n");
                return EX_USAGE;
            }
            options[nopt++] = argv[++i];
        } else if (strcmp(a, "--syntax") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            if (nopt == 64 || (strcmp(m, "parse") != 0 && strcmp(m, "linear") != 0)) {
                fprintf(stderr, "dyad: --syntax: '%s' is not parse or linear\n", m);
                return EX_USAGE;
            }
            options[nopt++] = strcmp(m, "parse") == 0 ? "SET: SYNTAX = PARSE" : "SET: SYNTAX = LINEAR";
        }
        else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "phoenix") == 0)
                phoenix = true;
            else if (strcmp(f, "jsonl") != 0) {
                fprintf(stderr, "dyad: --format: '%s' is not jsonl or phoenix\n", f);
                return EX_USAGE;
            }
        } else if ((strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0) && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 0 || n > 256) {
                fprintf(stderr, "dyad: %s: '%s' is not a number of threads (0 to 256)\n", a, argv[i]);
                return EX_USAGE;
            }
            threads = n ? (int)n : (int)sysconf(_SC_NPROCESSORS_ONLN);
            if (threads < 1)
                threads = 1;
        } else if (strcmp(a, "--with-text") == 0)
            with_text = true;
        else if (strcmp(a, "--stats") == 0)
            stats = true;
        else if (strcmp(a, "--no-cache") == 0)
            use_cache = false;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return usage(EX_OK);
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option '%s'\n", a);
            return usage(EX_USAGE);
        } else if (nfiles < 4096)
            files[nfiles++] = a;
        else {
            fprintf(stderr, "dyad: more than 4096 input files on one command line (xargs or cat them)\n");
            return EX_USAGE;
        }
    }
    dy_dict *d = NULL;
    int rc = load_dict(dict, &d, false);
    if (rc)
        return rc;
    dy_coder *c = dy_coder_new(d);
    if (!c) {
        dy_dict_free(&d);
        fprintf(stderr, "dyad: out of memory\n");
        return EX_MEMORY;
    }
    /* every option is checked once here; each coding thread applies them */
    for (int i = 0; i < nopt; i++) {
        dy_error err;
        if (dy_coder_set_option(c, options[i], &err) != DY_OK) {
            fprintf(stderr, "dyad: --option '%s': %s\n", options[i], err.msg);
            dy_coder_free(&c);
            dy_dict_free(&d);
            return EX_USAGE;
        }
    }
    dy_coder_free(&c);
    if (nfiles == 0)
        files[nfiles++] = "-";
    dy_cli_stats st = {0};
    dy_coder **coders = calloc((size_t)threads, sizeof *coders);
    dy_cli_code_opts co = {d, options, nopt, with_text, phoenix, threads, coders, speaker, venue};
    dy_cli_catch_signals();
    for (int i = 0; i < nfiles && !dy_cli_stop && !dy_cli_out_errno; i++) {
        bool in = strcmp(files[i], "-") == 0;
        int fd = in ? 0 : open(files[i], O_RDONLY);
        struct stat sb;
        if (fd < 0 || (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode))) {
            fprintf(stderr, "dyad: %s: %s\n", files[i], fd < 0 ? strerror(errno) : "is a directory, not a file");
            if (fd >= 0)
                close(fd);
            rc = rc > EX_INPUT ? rc : EX_INPUT;
            continue;
        }
        /* a name says JSON Lines where the content may not (a damaged
         * first line) */
        dy_input_kind k = kind == DY_IN_AUTO && (has_suffix(files[i], ".jsonl") || has_suffix(files[i], ".json"))
                              ? DY_IN_JSONL
                              : kind;
        int r = dy_cli_code_fd(fd, in ? "<stdin>" : files[i], &co, k, date, &st);
        if (!in)
            close(fd);
        if (r > rc)
            rc = r;
    }
    if (stats)
        fprintf(stderr, "documents: %lu\nevents: %lu\ndocuments with no events: %lu\nerrors: %lu\n",
                st.docs, st.events, st.empty, st.errors);
    dy_cli_code_free(&co); /* coders read the dictionary: freed first */
    free(coders);
    dy_dict_free(&d);
    if (dy_cli_out_errno) {
        if (dy_cli_out_errno == EPIPE)
            reraise(SIGPIPE);
        fprintf(stderr, "dyad: standard output: %s; %lu events were written, the rest were not\n",
                strerror(dy_cli_out_errno), st.events);
        return EX_OUTPUT;
    }
    if (dy_cli_stop)
        reraise(dy_cli_stop);
    return rc;
}

static void print_record(void *ctx, const dy_vrecord *r)
{
    bool verbose = *(bool *)ctx;
    if (r->pass && !verbose)
        return;
    printf("%s %s (line %u)\n", r->pass ? "PASS" : "FAIL", r->id, r->line);
    if (r->pass)
        return;
    printf("  text: %s\n", r->text);
    for (const char *p = r->expected; *p;) {
        const char *e = strchr(p, '\n');
        printf("  expected: %.*s\n", (int)(e ? e - p : (long)strlen(p)), p);
        p = e ? e + 1 : p + strlen(p);
    }
    for (const char *p = r->actual; *p;) {
        const char *e = strchr(p, '\n');
        printf("  actual:   %.*s\n", (int)(e ? e - p : (long)strlen(p)), p);
        p = e ? e + 1 : p + strlen(p);
    }
}

static int cmd_validate(int argc, char **argv)
{
    bool verbose = false;
    unsigned flags = 0;
    const char *kind = NULL, *file = NULL, *dict = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "--verbose") == 0)
            verbose = true;
        else if (strcmp(argv[i], "--country") == 0)
            flags |= DY_VAL_COUNTRY;
        else if (strcmp(argv[i], "--root") == 0)
            flags |= DY_VAL_ROOT;
        else if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc)
            dict = argv[++i];
        else if (!kind)
            kind = argv[i];
        else if (!file)
            file = argv[i];
        else
            return usage(EX_USAGE);
    }
    if (!kind || !file
        || (strcmp(kind, "tabari") != 0 && strcmp(kind, "petrarch") != 0 && strcmp(kind, "events") != 0)) {
        fprintf(stderr, "dyad: validate: want 'tabari PROJECT', 'petrarch FILE.xml' or 'events FILE'\n");
        return EX_USAGE;
    }
    dy_error err = {{0}};
    if (strcmp(kind, "events") == 0) {
        dy_esummary es;
        dy_status st = dy_validate_events(file, dict, print_record, &verbose, &es, &err);
        if (st != DY_OK) {
            fprintf(stderr, "dyad: %s\n", err.msg);
            return st == DY_ERR_IO ? EX_INPUT : st == DY_ERR_ARG ? EX_RECORDS : EX_DICT;
        }
        double pf = es.coded ? 100.0 * es.match_full / es.coded : 0.0, rf = es.expected ? 100.0 * es.match_full / es.expected : 0.0;
        double pr = es.coded ? 100.0 * es.match_root / es.coded : 0.0, rr = es.expected ? 100.0 * es.match_root / es.expected : 0.0;
        printf("events: %u expected, %u coded; country-level dyads\n", es.expected, es.coded);
        printf("full code: precision %.1f%% (%u/%u), recall %.1f%% (%u/%u)\n", pf, es.match_full, es.coded, rf,
               es.match_full, es.expected);
        printf("CAMEO root: precision %.1f%% (%u/%u), recall %.1f%% (%u/%u)\n", pr, es.match_root, es.coded, rr,
               es.match_root, es.expected);
        printf("%u passed, %u failed\n", es.passed, es.failed);
        return es.failed ? EX_RECORDS : EX_OK;
    }
    if (strcmp(kind, "petrarch") == 0) {
        dy_vsummary sum;
        dy_status st = dy_validate_petrarch(file, dict, flags, print_record, &verbose, &sum, &err);
        if (st != DY_OK) {
            fprintf(stderr, "dyad: %s\n", err.msg);
            return st == DY_ERR_IO ? EX_INPUT : EX_DICT;
        }
        unsigned recs = sum.passed + sum.failed;
        printf("events: %u of %u expected found (%.1f%%), %u extra (%.1f per 100 records)%s%s\n", sum.found,
               sum.expected, sum.expected ? 100.0 * sum.found / sum.expected : 0.0, sum.extra,
               recs ? 100.0 * sum.extra / recs : 0.0, flags & DY_VAL_COUNTRY ? "; country-level actors" : "",
               flags & DY_VAL_ROOT ? "; CAMEO roots" : "");
        if (sum.skipped)
            printf("records not evaluated (evaluate=\"false\"): %u\n", sum.skipped);
        printf("%u passed, %u failed\n", sum.passed, sum.failed);
        return sum.failed ? EX_RECORDS : EX_OK;
    }
    unsigned pass = 0, fail = 0;
    dy_status st = dy_validate_tabari(file, print_record, &verbose, &pass, &fail, &err);
    if (st != DY_OK) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        return st == DY_ERR_IO ? EX_INPUT : EX_DICT;
    }
    printf("%u passed, %u failed\n", pass, fail);
    return fail ? EX_RECORDS : EX_OK;
}

static int cmd_dict(int argc, char **argv)
{
    if (argc < 1)
        return usage(EX_USAGE);
    if (strcmp(argv[0], "check") == 0) {
        if (argc < 2) {
            fprintf(stderr, "dyad: dict check: name at least one file\n");
            return EX_USAGE;
        }
        unsigned total = 0;
        int rc = EX_OK;
        for (int i = 1; i < argc; i++) {
            dy_load_opts lo = {print_diag, NULL, 0};
            dy_error err = {{0}};
            dy_dict *d = NULL;
            const char *one[1] = {argv[i]};
            dy_status st = has_suffix(argv[i], ".project") || has_suffix(argv[i], ".ini")
                               ? dy_dict_load_spec(argv[i], &lo, &d, &err)
                               : dy_dict_load_files(one, 1, &lo, &d, &err);
            if (st != DY_OK) {
                fprintf(stderr, "dyad: %s\n", err.msg);
                rc = st == DY_ERR_IO ? EX_INPUT : EX_DICT;
            }
            total += lo.nerrors;
            dy_dict_free(&d);
        }
        printf("%u malformed line%s\n", total, total == 1 ? "" : "s");
        return rc ? rc : total ? EX_RECORDS : EX_OK;
    }
    if (strcmp(argv[0], "fetch") == 0)
        return dy_cli_fetch(argc - 1, argv + 1, use_cache ? cache_dir() : NULL);
    if (strcmp(argv[0], "info") == 0) {
        const char *spec = NULL;
        for (int i = 1; i < argc; i++)
            if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc)
                spec = argv[++i];
            else if (strcmp(argv[i], "--no-cache") == 0)
                use_cache = false;
        dy_dict *d = NULL;
        int rc = load_dict(spec, &d, true);
        if (rc)
            return rc;
        dy_dict_counts c;
        dy_dict_get_counts(d, &c);
        printf("dictionary: %s\nactors: %u (%u with dated codes)\nagents: %u\nverbs: %u\npatterns: %u\n"
               "synsets: %u\ntransformations: %u\ndiscards: %u\nissues: %u\nphrases: %u\n",
               spec ? spec : "builtin", c.actors, c.dated, c.agents, c.verbs, c.patterns, c.synsets, c.transforms,
               c.discards, c.issues, c.roots);
        dy_dict_file_counts fc[64];
        size_t nf = dy_dict_get_file_counts(d, fc, 64);
        for (size_t i = 0; i < nf && i < 64; i++)
            printf("file %s: %u actors, %u agents, %u verbs, %u patterns\n", fc[i].file, fc[i].actors, fc[i].agents,
                   fc[i].verbs, fc[i].patterns);
        dy_dict_free(&d);
        return EX_OK;
    }
    return usage(EX_USAGE);
}

/* Every command's printed output is checked once here: a failed write
 * (full disk) is a message and exit 6, never a quiet success. */
static int close_stdout(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno;
        if (e == EPIPE)
            reraise(SIGPIPE);
        fprintf(stderr, "dyad: standard output: %s\n", e ? strerror(e) : "write error");
        return EX_OUTPUT;
    }
    return rc;
}

static int run(int argc, char **argv);

int main(int argc, char **argv) { return close_stdout(run(argc, argv)); }

static int run(int argc, char **argv)
{
    if (argc < 2)
        return usage(EX_USAGE);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
        return usage(EX_OK);
    if (strcmp(cmd, "--version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return EX_OK;
    }
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 2, argv + 2);
    if (strcmp(cmd, "parse") == 0 || (strcmp(cmd, "validate") == 0 && argc > 2 && strcmp(argv[2], "ud") == 0))
        for (int i = 2; i < argc; i++)
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
                return usage(EX_OK);
    if (strcmp(cmd, "validate") == 0 && argc > 2 && strcmp(argv[2], "ud") == 0)
        return dy_cli_validate_ud(argc - 3, argv + 3);
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 2, argv + 2);
    if (strcmp(cmd, "parse") == 0)
        return dy_cli_parse(argc - 2, argv + 2);
    if (strcmp(cmd, "dict") == 0)
        return cmd_dict(argc - 2, argv + 2);
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    return usage(EX_USAGE);
}
