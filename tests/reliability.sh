# reliability.sh: nothing lost, ever. Sourced by run.sh (uses its DYAD, TMP,
# SHARED, ok, not_ok, events); one block per bad-input class of the
# README's Reliability table, each a case that lost data before its fix.

WN="$SHARED/corpus/wikinews-2019-2020.jsonl"
# ---- output that cannot be written: exit 6 and a message, never 0 ----
"$DYAD" code --stats --input jsonl examples/articles.jsonl >/dev/full 2>"$TMP/err"; rc=$?
[ $rc = 6 ] && grep -q "standard output: No space left on device" "$TMP/err" && grep -q '^events: 0$' "$TMP/err" \
    && ok "write errors: a full device is exit 6 with a message; --stats counts only events written" \
    || not_ok "write errors (code)" "exit $rc $(cat "$TMP/err")"
"$DYAD" code --format phoenix --input jsonl examples/articles.jsonl >/dev/full 2>/dev/null; rc=$?
"$DYAD" code -j 2 --input jsonl examples/articles.jsonl >/dev/full 2>/dev/null; rc2=$?
"$DYAD" dict info >/dev/full 2>/dev/null; rc3=$?
"$DYAD" --help >/dev/full 2>/dev/null; rc4=$?
[ "$rc $rc2 $rc3 $rc4" = "6 6 6 6" ] && ok "write errors: --format phoenix, -j 2, dict info and --help exit 6 on a full device" \
    || not_ok "write errors (other outputs)" "exits $rc $rc2 $rc3 $rc4"
# a disk that fills mid-run (a 64 KiB tmpfs, where this machine lets root
# mount one): exit 6, and the file ends at a whole line
if [ -f "$WN" ] && mkdir -p "$TMP/tiny" && mount -t tmpfs -o size=64k tmpfs "$TMP/tiny" 2>/dev/null; then
    "$DYAD" code -j 2 --input jsonl "$WN" >"$TMP/tiny/out" 2>"$TMP/err"; rc=$?
    last=$(tail -c 1 "$TMP/tiny/out" | od -An -c | tr -d ' ')
    [ $rc = 6 ] && { [ ! -s "$TMP/tiny/out" ] || [ "$last" = '\n' ]; } && grep -q 'No space left' "$TMP/err" \
        && ok "a disk that fills mid-run (64 KiB tmpfs): exit 6, the output ends at a whole line" || not_ok "full disk mid-run" "exit $rc last '$last'"
    umount "$TMP/tiny"
else
    echo "# skipped: a disk that fills mid-run (no tmpfs mount here)"
fi
# a reader that goes away ends the run quietly (SIGPIPE), as Unix tools do
# (many.jsonl: 800 articles, 3,600 events)
awk '{ for (i = 0; i < 400; i++) print }' examples/articles.jsonl >"$TMP/many.jsonl"
"$DYAD" code --input jsonl "$TMP/many.jsonl" 2>"$TMP/err" | head -1 >/dev/null
[ ! -s "$TMP/err" ] && ok "a closed pipe (| head -1) ends quietly" || not_ok "closed pipe" "$(cat "$TMP/err")"

# ---- a signal mid-run: output ends at a whole line, every line is JSON
# (a script's background jobs ignore SIGINT: perl, in every Debian, gives
# it back its default before dyad starts):
# killed while coding (a large input) and while waiting for more input
# (a pipe that stays open: the coded events must not sit in a buffer) ----
awk '{ for (i = 0; i < 200; i++) print }' "$TMP/many.jsonl" >"$TMP/huge.jsonl"
torn=0
for sig in TERM INT; do
    for j in 1 2; do
        perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' "$DYAD" code -j $j --input jsonl "$TMP/huge.jsonl" >"$TMP/sig.out" 2>/dev/null &
        pid=$!
        sleep 0.3
        kill -$sig $pid 2>/dev/null
        wait $pid 2>/dev/null
        # (empty output, on a machine too busy to start in time, is whole too)
        [ ! -s "$TMP/sig.out" ] || [ "$(tail -c 1 "$TMP/sig.out" | od -An -c | tr -d ' ')" = '\n' ] || torn=$((torn + 1))
        grep -vc '^{.*}$' "$TMP/sig.out" | grep -qx 0 || torn=$((torn + 1))
        # a pipe kept open with no more input after the articles
        rm -f "$TMP/fifo"; mkfifo "$TMP/fifo"
        perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' "$DYAD" code -j $j --input jsonl <"$TMP/fifo" >"$TMP/sig.out" 2>/dev/null &
        pid=$!
        exec 3>"$TMP/fifo"
        cat "$TMP/many.jsonl" >&3
        # the events are written before more input comes: wait for them
        k=0; while [ $k -lt 200 ] && [ "$(grep -c . "$TMP/sig.out")" -lt 3600 ]; do sleep 0.1; k=$((k + 1)); done
        kill -$sig $pid 2>/dev/null
        wait $pid 2>/dev/null
        exec 3>&-
        [ "$(grep -c '^{.*}$' "$TMP/sig.out")" = 3600 ] || torn=$((torn + 1))
    done
done
[ $torn = 0 ] && ok "SIGTERM/SIGINT (while coding, while waiting for input; -j 1 and -j 2): every event coded so far written, whole lines" \
    || not_ok "signal mid-run" "$torn torn or short outputs"

# ---- the kind of an input: a damaged first line, a byte-order mark, a
# name; line ends of every system; one object a line ----
WN="$SHARED/corpus/wikinews-2019-2020.jsonl"
if [ -f "$WN" ]; then
    n=$(grep -c . "$WN")
    tail -c +100 "$WN" | "$DYAD" code --stats >/dev/null 2>"$TMP/err"; rc=$?
    [ $rc = 1 ] && grep -q "^documents: $((n - 1))$" "$TMP/err" && grep -q '^errors: 1$' "$TMP/err" \
        && ok "JSON Lines with a damaged first line (stdin): one bad record, the other $((n - 1)) coded" \
        || not_ok "damaged first JSON line" "exit $rc $(tail -5 "$TMP/err")"
fi
{ printf '\357\273\277'; cat examples/articles.jsonl; } >"$TMP/bom.txt"
"$DYAD" code --stats "$TMP/bom.txt" >"$TMP/o" 2>"$TMP/err"; rc=$?
"$DYAD" code --input jsonl examples/articles.jsonl >"$TMP/o2"
[ $rc = 0 ] && cmp -s "$TMP/o" "$TMP/o2" && ok "a UTF-8 byte-order mark is skipped: JSON Lines still detected" \
    || not_ok "byte-order mark" "exit $rc $(cat "$TMP/err")"
{ echo 'not json at all'; cat examples/articles.jsonl; } >"$TMP/named.jsonl"
"$DYAD" code --stats "$TMP/named.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'named.jsonl:1:[0-9]*: invalid JSON' "$TMP/err" && cmp -s "$TMP/o" "$TMP/o2" \
    && ok "a .jsonl name decides the kind: a bad first line is one bad record" || not_ok ".jsonl name" "exit $rc $(cat "$TMP/err")"
tr '\n' '\r' <examples/articles.jsonl >"$TMP/cr.jsonl"
sed 's/$/\r/' examples/articles.jsonl >"$TMP/crlf.jsonl"
"$DYAD" code "$TMP/cr.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
"$DYAD" code "$TMP/crlf.jsonl" >"$TMP/o3" 2>>"$TMP/err"; rc3=$?
[ "$rc$rc3" = 00 ] && cmp -s "$TMP/o" "$TMP/o2" && cmp -s "$TMP/o3" "$TMP/o2" \
    && ok "CR-only and CR LF line ends: every record coded as with LF" || not_ok "CR line ends" "exit $rc $rc3 $(cat "$TMP/err")"
printf '{"id":"a","text":"Pakistan condemned India on Monday in Lahore."} {"id":"b","text":"India condemned Pakistan on Monday."}\n{"id":"c","text":"India condemned Pakistan on Monday in Delhi."}\n' >"$TMP/two.jsonl"
"$DYAD" code "$TMP/two.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'two.jsonl:1:67: content after the JSON object' "$TMP/err" && [ "$(events <"$TMP/o" | wc -l)" = 2 ] \
    && grep -q '"doc_id":"c"' "$TMP/o" && ok "two JSON objects on one line: the first coded, the rest reported at its column, the next line coded" \
    || not_ok "two objects on one line" "exit $rc $(cat "$TMP/err" "$TMP/o")"
mkdir -p "$TMP/adir"
"$DYAD" code "$TMP/adir" examples/sco-talks.txt >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 4 ] && grep -q 'adir: is a directory' "$TMP/err" && [ -s "$TMP/o" ] \
    && ok "a directory as input: named as such, exit 4, the next file coded" || not_ok "directory as input" "exit $rc $(cat "$TMP/err")"

# ---- an endless line is cut off at the 64 MiB limit while it is read ----
{ printf '{"id":"long","text":"'; head -c 70000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; cat examples/articles.jsonl; } \
    | "$DYAD" code --input jsonl >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 5 ] && grep -q '<stdin>:1:1: record longer than 67108864 bytes' "$TMP/err" && cmp -s "$TMP/o" "$TMP/o2" \
    && ok "a 70 MB JSON line: reported at the limit (exit 5), the records after it coded" || not_ok "70 MB JSON line" "exit $rc $(cat "$TMP/err")"
head -c 100000000 /dev/zero | "$DYAD" code >/dev/null 2>"$TMP/err"; rc=$?
[ $rc = 5 ] && grep -q 'record longer than' "$TMP/err" && ok "100 MB of NUL bytes as text: stopped at the limit, exit 5" \
    || not_ok "endless text" "exit $rc $(cat "$TMP/err")"

# ---- dict fetch run again: the new pack replaces the old only when it is
# whole; a pack that is not whole is exit 3, never an empty run ----
PHX="$SHARED/peers/petrarch2/dictionaries"
if [ -d "$PHX" ]; then
    export DYAD_DATA_DIR="$TMP/refetch"
    "$DYAD" dict fetch phoenix --from "$PHX" >/dev/null 2>&1
    echo 'my notes' >"$TMP/refetch/phoenix/notes.txt"
    "$DYAD" dict fetch phoenix --from "$PHX" >"$TMP/o" 2>&1; rc=$?
    "$DYAD" dict fetch phoenix --from "$TMP/adir" >>"$TMP/o" 2>&1; rc2=$?
    printf 'X\nIsrael attacked Hamas in Gaza on Monday.\n' | "$DYAD" code --dict phoenix | events >"$TMP/o2"
    rm "$TMP/refetch/phoenix/Phoenix.agents.txt"
    printf 'X\nIsrael attacked Hamas in Gaza on Monday.\n' | "$DYAD" code --dict phoenix >"$TMP/o3" 2>&1; rc3=$?
    unset DYAD_DATA_DIR
    [ "$rc $rc2 $rc3" = "0 4 3" ] && [ "$(cat "$TMP/o2")" = "2 ISR PSEREBHMS 190" ] && grep -q "incomplete (Phoenix.agents.txt" "$TMP/o3" \
        && ok "dict fetch again over a folder with an extra file installs; a failed fetch keeps the pack; an incomplete pack is exit 3" \
        || not_ok "dict fetch again" "exits $rc $rc2 $rc3 $(cat "$TMP/o" "$TMP/o2" "$TMP/o3")"
fi

# ---- broken TABARI records and PETRARCH XML: the boundary that does not
# parse is reported as file:line, the neighbours are still coded ----
printf '181209 R-1\nPakistan condemned India on Monday.\n181210 R-2\nIndia condemned Pakistan on Tuesday.\n181211 R-3\n120000 people fled as China criticized India on Wednesday.\n\n' >"$TMP/noblank.txt"
"$DYAD" code --input tabari "$TMP/noblank.txt" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && [ "$(grep -c 'a record starts with no blank line' "$TMP/err")" = 2 ] && grep -q 'noblank.txt:3:1:' "$TMP/err" \
    && [ "$(sed -n 's/.*"doc_id":"\([^"]*\)".*/\1/p' "$TMP/o" | sort -u | tr '\n' ' ')" = "R-1 R-2 R-3 " ] \
    && ok "TABARI records without blank lines: each record coded, each missing boundary reported; '120000 people' is text" \
    || not_ok "TABARI records without blank lines" "exit $rc $(cat "$TMP/err" "$TMP/o")"
cat >"$TMP/bad.xml" <<'XML'
<Sentences>
<Sentence date="20180101" id="A-1" sentence="True">
<Text>Pakistan condemned India on Monday.</Text>
<Sentence date="20180102" id="A-2" sentence="True">
<Text>India condemned Pakistan on Monday.</Text>
</Sentence>
<!-- an unclosed comment
<Sentence date="20180103" id="A-3" sentence="True">
<Text>China condemned India on Monday.</Text>
</Sentence>
<!-- a comment that quotes <Sentence ...> and <!-- -->
<Sentence date="20180104" id="A-4" sentence="True">
<Text>India condemned China on Monday.</Text>
</Sentence>
<!-- a record commented out:
<Sentence date="20180105" id="A-5" sentence="True">
<Text>India condemned China on Monday.</Text>
</Sentence> -->
</Sentences>
XML
"$DYAD" code "$TMP/bad.xml" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'bad.xml:2:1: <Sentence> has no </Sentence>' "$TMP/err" && grep -q 'bad.xml:7:1: comment <!-- not closed' "$TMP/err" \
    && [ "$(sed -n 's/.*"doc_id":"\([^"]*\)".*/\1/p' "$TMP/o" | tr '\n' ' ')" = "A-1 A-2 A-3 A-4 " ] \
    && ok "PETRARCH XML: a missing </Sentence> and an unclosed comment reported, every record around them coded" \
    || not_ok "broken PETRARCH XML" "exit $rc $(cat "$TMP/err" "$TMP/o")"

# ---- TABARI records and PETRARCH XML stream in 8 MB pieces: a bad record
# far in keeps its true line, every other record is coded ----
awk 'BEGIN { for (i = 1; i <= 100000; i++) { if (i == 90000) printf "1812xx BAD\nbad\n\n";
    printf "181209 R-%d\nPakistan condemned India on Monday in a statement about the border and the talks.\n\n", i } }' >"$TMP/big.tab"
"$DYAD" code --stats --input tabari "$TMP/big.tab" >/dev/null 2>"$TMP/err"; rc=$?
awk 'BEGIN { print "<Sentences>"; for (i = 1; i <= 60000; i++) { if (i == 50000) print "<Sentence id=\"B\"><Parse>x</Parse></Sentence>";
    printf "<Sentence date=\"20180101\" id=\"X-%d\">\n<Text>Pakistan condemned India on Monday.</Text>\n<Parse>(ROOT (S (NP Pakistan) (VP condemned (NP India))))</Parse>\n</Sentence>\n", i } print "</Sentences>" }' >"$TMP/big.xml"
"$DYAD" code --stats "$TMP/big.xml" >/dev/null 2>"$TMP/err2"; rc2=$?
[ "$rc$rc2" = 11 ] && grep -q 'big.tab:269998:1: bad record date' "$TMP/err" && grep -q '^documents: 100000$' "$TMP/err" \
    && grep -q 'big.xml:199998:1: <Sentence id="B"> has no <Text>$' "$TMP/err2" && grep -q '^documents: 60000$' "$TMP/err2" \
    && [ "$(wc -c <"$TMP/big.tab")" -gt 8400000 ] && [ "$(wc -c <"$TMP/big.xml")" -gt 8400000 ] \
    && ok "TABARI records and PETRARCH XML over 8 MB read in pieces: true line numbers, every other record coded" \
    || not_ok "TABARI/XML in pieces" "exit $rc $rc2 $(cat "$TMP/err" "$TMP/err2")"

# ---- no cap on a document's sentences: 150,000 are all coded ----
awk 'BEGIN { printf "{\"id\":\"big\",\"text\":\""; for (i = 1; i <= 150000; i++) printf "China criticized India on Monday number %d. ", i; print "\"}" }' >"$TMP/150k.jsonl"
"$DYAD" code --stats "$TMP/150k.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 0 ] && grep -q '^events: 150000$' "$TMP/err" && tail -1 "$TMP/o" | grep -q '"sentence":150000,' \
    && ok "a document of 150,000 sentences: every one coded (segmented 4,096 at a time)" || not_ok "150,000 sentences" "exit $rc $(cat "$TMP/err")"

# ---- silent acceptance: impossible dates, members of the wrong JSON
# type, an escaped NUL, malformed lines of a pack used for coding ----
printf '{"id":1,"text":"China criticized India."}\n{"id":"b","text":123}\n{"id":["x"],"text":"India criticized China."}\n{"id":"d","text":"Hello\\u0000 India criticized China."}\n{"id":"e","date":"2018-02-30","text":"India criticized China."}\n{"id":"f","date":"2016-02-29","text":"India criticized China."}\n' >"$TMP/types.jsonl"
"$DYAD" code "$TMP/types.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'types.jsonl:2:1: "text" is a JSON int, not a string' "$TMP/err" && grep -q 'types.jsonl:3:1: "id" is a JSON array' "$TMP/err" \
    && grep -q "types.jsonl:5:1: bad \"date\" '2018-02-30'" "$TMP/err" \
    && [ "$(sed -n 's/.*"doc_id":"\([^"]*\)".*/\1/p' "$TMP/o" | tr '\n' ' ')" = "1 d f " ] \
    && ok "JSON members of the wrong type and impossible dates reported; an integer id and text after \\u0000 coded" \
    || not_ok "JSON types and dates" "exit $rc $(cat "$TMP/err" "$TMP/o")"
"$DYAD" code --date 2019-02-29 examples/sco-talks.txt >/dev/null 2>"$TMP/err"; rc=$?
printf '190229 R-1\nPakistan condemned India.\n\n' | "$DYAD" code --input tabari >/dev/null 2>"$TMP/err2"; rc2=$?
printf '<Sentence date="20190229" id="x"><Text>Pakistan condemned India.</Text></Sentence>\n' | "$DYAD" code --input petrarch >"$TMP/o" 2>"$TMP/err3"; rc3=$?
[ "$rc $rc2 $rc3" = "2 1 1" ] && grep -q "bad record date" "$TMP/err2" && grep -q 'bad date="20190229"' "$TMP/err3" && grep -q '"date":null' "$TMP/o" \
    && ok "2019-02-29 refused by --date (exit 2), TABARI records and PETRARCH XML (reported, exit 1)" \
    || not_ok "impossible dates" "exits $rc $rc2 $rc3 $(cat "$TMP/err" "$TMP/err2" "$TMP/err3")"
if [ -d "$PHX" ]; then
    printf 'X\nIsrael attacked Hamas in Gaza on Monday.\n' >"$TMP/one.txt"
    DYAD_CACHE_DIR="$TMP/wcache" "$DYAD" code --dict "$PHX" "$TMP/one.txt" >/dev/null 2>"$TMP/err"; rc=$?
    "$DYAD" dict check "$PHX/CAMEO.2.0.txt" >/dev/null 2>&1; rc2=$?
    [ "$rc $rc2" = "0 1" ] && [ "$(wc -l <"$TMP/err")" = 1 ] && grep -q 'warning: [0-9]* malformed dictionary lines skipped' "$TMP/err" \
        && ok "a pack with malformed lines codes (exit 0) with one warning; dict check is strict (exit 1)" \
        || not_ok "malformed pack lines" "exits $rc $rc2 $(head -3 "$TMP/err")"
fi

# ---- out of memory: every allocation failed in turn (tests/test_oom.c),
# and whole runs under a small address-space limit: a clean exit 5 with a
# message, never a crash (not under the sanitizers, which reserve more
# address space than any such limit) ----
if [ -x "${TEST_OOM:-}" ]; then
    mkdir -p "$TMP/oomc"
    for set in "tests/golden/mini.actors tests/golden/mini.verbs" \
        "tests/golden/petr_actors.txt tests/golden/petr_agents.txt tests/golden/petr_verbs.txt tests/golden/petr_discards.txt" \
        "tests/golden/feat.actors tests/golden/feat.verbs tests/golden/feat_issues.txt"; do
        rm -f "$TMP"/oomc/*
        # shellcheck disable=SC2086
        "$TEST_OOM" "$TMP/oomc" $set >"$TMP/o" 2>&1; rc=$?
        [ $rc = 0 ] && ok "allocation failures, $(echo "$set" | wc -w) files ($(tail -1 "$TMP/o")): $(grep -c '^ok - mode' "$TMP/o") set-ups, no crash, no leak" \
            || not_ok "allocation failures ($set)" "exit $rc $(grep -v '^ok' "$TMP/o" | head -5)"
    done
    if [ -d "$PHX" ]; then
        # below some size the program cannot be mapped at all (the syntax
        # model is part of it): the limits start where `dyad --version` runs
        # (each probe in a shell of its own that becomes the program, with
        # its errors to /dev/null: the kernel kills the probes that cannot
        # be mapped, and the shell that waits would report each one)
        base=8
        while [ $base -lt 200 ] && ! sh -c 'ulimit -v "$1"; exec "$2" --version >/dev/null 2>&1' probe $((base * 1024)) "$DYAD" 2>/dev/null; do
            base=$((base + 2))
        done
        bad=""
        for mb in $(seq $base 2 $((base + 62))); do
            ( ulimit -v $((mb * 1024)); "$DYAD" code --no-cache --dict "$PHX" examples/sco-talks.txt >/dev/null 2>"$TMP/ulerr"; echo $? >"$TMP/ulrc" ) 2>/dev/null
            rc=$(cat "$TMP/ulrc")
            case $rc in 0) ;; 5) grep -q 'out of memory' "$TMP/ulerr" || bad="$bad ${mb}MB:no-message" ;; *) bad="$bad ${mb}MB:exit-$rc" ;; esac
        done
        [ -z "$bad" ] && ok "the Phoenix pack under ulimit -v $base-$((base + 62)) MB (32 runs; $base MB: the least the program starts in): exit 0, or exit 5 with a message" \
            || not_ok "ulimit -v runs" "$bad"
    fi
fi

# ---- the compiled cache: images of the same files are the same bytes;
# a folder others can write to is not used; old images of a set are pruned;
# no uninitialised byte is read or written (valgrind) ----
D2="tests/golden/petr_actors.txt,tests/golden/petr_agents.txt,tests/golden/petr_verbs.txt,tests/golden/petr_discards.txt"
for p in 17 200; do
    rm -rf "$TMP/perturb$p"
    DYAD_CACHE_DIR="$TMP/perturb$p" MALLOC_PERTURB_=$p "$DYAD" dict info --dict "$D2" >/dev/null 2>&1
done
i1=$(ls "$TMP"/perturb17/*.dict 2>/dev/null); i2=$(ls "$TMP"/perturb200/*.dict 2>/dev/null)
[ -n "$i1" ] && [ -n "$i2" ] && cmp -s "$i1" "$i2" && ok "cache images of the same pack are byte-identical (heap filled with 17, then 200)" \
    || not_ok "cache images byte-identical" "$(cmp -l "$i1" "$i2" 2>&1 | wc -l) bytes differ"
mkdir -p "$TMP/openc"; chmod 777 "$TMP/openc"
printf 'X\nPakistan condemned India and Nepal on Monday over the border shooting.\n' | DYAD_CACHE_DIR="$TMP/openc" "$DYAD" code --dict tests/golden/mini.actors,tests/golden/mini.verbs >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 0 ] && grep -q 'warning: cache folder' "$TMP/err" && [ -z "$(ls "$TMP/openc")" ] && grep -q '"code":"111"' "$TMP/o" \
    && ok "a world-writable cache folder is not used (a warning; the run codes without a cache)" || not_ok "world-writable cache folder" "exit $rc $(cat "$TMP/err")"
ADYAD="$(cd "$(dirname "$DYAD")" && pwd)/$(basename "$DYAD")"
mkdir -p "$TMP/prune/d"; cp tests/golden/mini.actors tests/golden/mini.verbs "$TMP/prune/d/"
for spec in "d/mini.actors,d/mini.verbs" "./d/mini.actors,d/mini.verbs" "d//mini.actors,d/mini.verbs" "d/./mini.actors,d/mini.verbs" "./d/mini.actors,./d/mini.verbs" "d"; do
    (cd "$TMP/prune" && DYAD_CACHE_DIR="$TMP/prune/c" "$ADYAD" dict info --dict "$spec" >/dev/null 2>&1)
    sleep 0.01
done
n=$(ls "$TMP/prune/c" | grep -c '\.dict$')
[ "$n" = 3 ] && ok "one dictionary set named six ways: the three newest images kept" || not_ok "cache pruning" "$n images: $(ls "$TMP/prune/c")"
case "$DYAD" in *-san/*) ;; *)
    if command -v valgrind >/dev/null; then
        printf 'X\nPakistan condemned India on Monday. It praised Nepal.\n' >"$TMP/vg.txt"
        rm -rf "$TMP/vgc"
        for k in 1 2; do # the first builds the image, the second reads it
            DYAD_CACHE_DIR="$TMP/vgc" valgrind -q --error-exitcode=9 "$DYAD" code --dict "$D2" "$TMP/vg.txt" >/dev/null 2>"$TMP/vg$k"; echo $? >"$TMP/vgrc$k"
        done
        [ "$(cat "$TMP/vgrc1") $(cat "$TMP/vgrc2")" = "0 0" ] && ok "valgrind: building and reading a cache image, coding a small input: no uninitialised byte" \
            || not_ok "valgrind" "$(head -20 "$TMP/vg1" "$TMP/vg2")"
    else
        not_ok "valgrind" "valgrind is not installed (scripts/deps.sh installs it)"
    fi ;;
esac

# ---- command-line lists past their size are refused, not cut short ----
# shellcheck disable=SC2046
"$DYAD" code $(seq 1 4100 | sed "s|^|$TMP/none|") >/dev/null 2>"$TMP/err"; rc=$?
set --; i=0; while [ $i -lt 65 ]; do set -- "$@" --option 'COMMA: OFF'; i=$((i + 1)); done
"$DYAD" code "$@" examples/sco-talks.txt >/dev/null 2>"$TMP/err2"; rc2=$?
[ "$rc $rc2" = "2 2" ] && grep -q 'more than 4096 input files' "$TMP/err" && grep -q 'more than 64 --option' "$TMP/err2" \
    && ok "4,100 input files or 65 --option lines: a usage error, not a silent drop" || not_ok "command-line lists" "exits $rc $rc2"
