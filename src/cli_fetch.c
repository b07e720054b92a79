/* cli_fetch.c: `dyad dict fetch phoenix`. The Phoenix pack (MIT licence,
 * Open Event Data Alliance) is downloaded file by file with curl from its
 * public repository, or copied from a local folder (--from DIR, which the
 * tests use), into a temporary folder beside the destination; it is
 * verified (every file present and non-empty, the set loads and holds a
 * production-size lexicon) and only then moved into place and compiled
 * into the dictionary cache. Any failure leaves the installed pack as it
 * was. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "cli_fetch.h"
#include "../include/dyad.h"
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define PHOENIX_URL "https://raw.githubusercontent.com/openeventdata/petrarch2/master/petrarch2/data/dictionaries/"

static const char *const phoenix_files[] = {
    "CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt", "Phoenix.IssueCoding.txt", NULL,
};

/* $DYAD_DATA_DIR, else $XDG_DATA_HOME/dyad, else ~/.local/share/dyad */
static const char *data_dir(char *buf, size_t cap)
{
    const char *e = getenv("DYAD_DATA_DIR");
    if (e && *e)
        snprintf(buf, cap, "%s", e);
    else if ((e = getenv("XDG_DATA_HOME")) && *e)
        snprintf(buf, cap, "%s/dyad", e);
    else if ((e = getenv("HOME")) && *e)
        snprintf(buf, cap, "%s/.local/share/dyad", e);
    else
        return NULL;
    return buf;
}

const char *dy_cli_pack_dir(const char *name, char *buf, size_t cap)
{
    char d[4096];
    if (strcmp(name, "phoenix") != 0 || !data_dir(d, sizeof d))
        return NULL;
    snprintf(buf, cap, "%.4000s/phoenix", d);
    return buf;
}

static int mkdir_p(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(tmp, 0755);
            *p = '/';
        }
    return mkdir(tmp, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* rm -r dir: a folder of the pack may hold files of the user's too */
static void remove_tree(const char *dir)
{
    nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

bool dy_cli_pack_complete(const char *dir, char *missing, size_t cap)
{
    for (int i = 0; phoenix_files[i]; i++) {
        char p[4200];
        struct stat sb;
        snprintf(p, sizeof p, "%.4100s/%.64s", dir, phoenix_files[i]);
        if (stat(p, &sb) != 0 || sb.st_size == 0) {
            snprintf(missing, cap, "%s", phoenix_files[i]);
            return false;
        }
    }
    return true;
}

/* Puts the verified folder tmp in the place of dest: the old pack is moved
 * aside first and removed only once the new one is in place, so a failure
 * at any step leaves a whole pack installed. */
static int install(const char *tmp, const char *dest)
{
    char old[4200];
    snprintf(old, sizeof old, "%.4100s.old.XXXXXX", dest);
    struct stat sb;
    bool had = stat(dest, &sb) == 0;
    if (had && (!mkdtemp(old) || rename(dest, old) != 0)) {
        fprintf(stderr, "dyad: dict fetch: cannot move the installed pack aside: %s; nothing was changed\n",
                strerror(errno));
        return 4;
    }
    if (rename(tmp, dest) != 0) {
        fprintf(stderr, "dyad: dict fetch: cannot install %s: %s; the installed pack is kept\n", dest, strerror(errno));
        if (had)
            rename(old, dest);
        return 4;
    }
    if (had)
        remove_tree(old);
    return 0;
}

/* Runs curl for one file; returns its exit status (127: no curl). */
static int curl_get(const char *url, const char *out)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execlp("curl", "curl", "-fsSL", "--connect-timeout", "20", "--max-time", "300", "-o", out, url, (char *)NULL);
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) < 0)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int copy_file(const char *from, const char *to)
{
    FILE *a = fopen(from, "rb");
    if (!a)
        return -1;
    FILE *b = fopen(to, "wb");
    if (!b) {
        fclose(a);
        return -1;
    }
    char buf[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, a)) > 0)
        if (fwrite(buf, 1, n, b) != n)
            rc = -1;
    if (ferror(a))
        rc = -1;
    fclose(a);
    if (fclose(b) != 0)
        rc = -1;
    return rc;
}

int dy_cli_fetch(int argc, char **argv, const char *cache_dir)
{
    const char *name = NULL, *from = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
            from = argv[++i];
        else if (!name)
            name = argv[i];
        else
            name = "";
    }
    if (!name || strcmp(name, "phoenix") != 0) {
        fprintf(stderr, "dyad: dict fetch: the pack to fetch is 'phoenix'\n");
        return 2;
    }
    char dest[4096], tmp[4112], ddir[4096];
    if (!dy_cli_pack_dir(name, dest, sizeof dest) || !data_dir(ddir, sizeof ddir)) {
        fprintf(stderr, "dyad: dict fetch: no data folder (set DYAD_DATA_DIR or HOME)\n");
        return 2;
    }
    if (mkdir_p(ddir) != 0) {
        fprintf(stderr, "dyad: dict fetch: cannot create %s: %s\n", ddir, strerror(errno));
        return 4;
    }
    snprintf(tmp, sizeof tmp, "%.4100s.new.XXXXXX", dest);
    if (!mkdtemp(tmp)) {
        fprintf(stderr, "dyad: dict fetch: cannot create %s: %s\n", tmp, strerror(errno));
        return 4;
    }
    bool web = !from || strncmp(from, "http://", 7) == 0 || strncmp(from, "https://", 8) == 0;
    const char *base = from ? from : PHOENIX_URL;
    for (int i = 0; phoenix_files[i]; i++) {
        char src[4600], out[4200];
        snprintf(out, sizeof out, "%.4112s/%.64s", tmp, phoenix_files[i]);
        snprintf(src, sizeof src, "%.4400s%s%.64s", base, base[strlen(base) - 1] == '/' ? "" : "/", phoenix_files[i]);
        int rc = web ? curl_get(src, out) : copy_file(src, out);
        struct stat sb;
        if (rc != 0 || stat(out, &sb) != 0 || sb.st_size == 0) {
            if (!web)
                fprintf(stderr, "dyad: dict fetch: cannot read %s\n", src);
            else if (rc == 127)
                fprintf(stderr, "dyad: dict fetch: curl is needed to download (apt-get install curl)\n");
            else
                fprintf(stderr,
                        "dyad: dict fetch: could not download %s (curl exit %d): offline or the repository moved; "
                        "nothing was installed (--from DIR installs from a local copy)\n",
                        src, rc);
            remove_tree(tmp);
            return 4;
        }
    }
    /* verify: the set loads and is the production pack, not an error page */
    dy_load_opts lo = {NULL, NULL, 0};
    dy_error err = {{0}};
    dy_dict *d = NULL;
    if (dy_dict_load_spec(tmp, &lo, &d, &err) != DY_OK) {
        fprintf(stderr, "dyad: dict fetch: the fetched files do not load: %s; nothing was installed\n", err.msg);
        remove_tree(tmp);
        return 3;
    }
    dy_dict_counts c;
    dy_dict_get_counts(d, &c);
    dy_dict_free(&d);
    if (c.actors < 10000 || c.verbs < 100 || c.patterns < 1000 || c.agents < 500) {
        fprintf(stderr,
                "dyad: dict fetch: the fetched files are not the Phoenix pack (%u actors, %u verbs, %u agents); "
                "nothing was installed\n",
                c.actors, c.verbs, c.agents);
        remove_tree(tmp);
        return 3;
    }
    if (install(tmp, dest) != 0) {
        remove_tree(tmp);
        return 4;
    }
    /* compile it once, so the first coding run starts from the cache */
    if (cache_dir && dy_dict_load_spec_cached(dest, cache_dir, &lo, &d, &err) == DY_OK)
        dy_dict_free(&d);
    chmod(dest, 0755); /* mkdtemp made it 0700 */
    printf("installed the Phoenix pack in %s: %u actors, %u agents, %u verb blocks, %u patterns "
           "(%u lines not understood); use it with --dict phoenix\n",
           dest, c.actors, c.agents, c.verbs, c.patterns, lo.nerrors);
    return 0;
}
