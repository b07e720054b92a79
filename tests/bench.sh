#!/bin/sh
# bench.sh: whole-run throughput (not a test). One thread, sentences per
# second coding TABARI's validation sentences repeated to at least 100,000
# records, with TABARI's demo dictionaries and with the Phoenix pack; median
# of 5 runs, peak memory from /usr/bin/time. Usage: tests/bench.sh build/dyad
set -eu
DYAD=${1:-build/dyad}
SHARED=${SHARED:-../shared}
V=$SHARED/peers/tabari/validation
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# one-sentence records from the validation text
awk 'BEGIN { RS = "" } /^[0-9][0-9][0-9][0-9][0-9][0-9] / {
    nl = index($0, "\n"); head = substr($0, 1, nl - 1); body = substr($0, nl + 1)
    sub(/\/\*.*/, "", body); gsub(/\n/, " ", body)
    if (body ~ /[A-Za-z]/) { print head; print body; print "" } }' "$V/Validate.text" >"$TMP/one"
recs=$(grep -c '^[0-9]' "$TMP/one")
reps=$(( (100000 + recs - 1) / recs ))
i=0; while [ $i -lt $reps ]; do cat "$TMP/one"; i=$((i + 1)); done >"$TMP/big"
total=$(grep -c '^[0-9]' "$TMP/big")
secs() { # seconds one run of the command takes
    s=$(date +%s.%N); $1 >/dev/null 2>&1 || true; e=$(date +%s.%N)
    awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", b - a }'
}
run() { # label, dictionary spec
    cmd="$DYAD code --input tabari --dict $2 $TMP/big"
    times=""
    for r in 1 2 3 4 5; do times="$times $(secs "$cmd")"; done
    med=$(printf '%s\n' $times | sort -n | sed -n 3p)
    /usr/bin/time -f '%M' -o "$TMP/mem" $cmd >/dev/null 2>&1 || true
    mem=$(tail -1 "$TMP/mem")
    echo "$1: $total sentences, median of 5: ${med}s, $(awk -v n="$total" -v t="$med" 'BEGIN { printf "%d", n / t }') sentences/s, peak ${mem} KB"
    echo "  command: $cmd"
}
run "TABARI demo dictionaries" "$V/Validate.project"
run "Phoenix pack" "$SHARED/peers/petrarch2/dictionaries"

# dictionary load time: mean of 20 runs of `dyad dict info` (process start
# included), from the compiled cache and from text
P="$SHARED/peers/petrarch2/dictionaries"
export DYAD_CACHE_DIR="$TMP/cache"
"$DYAD" dict info --dict "$P" >/dev/null 2>&1 # builds the cache
load() {
    s=$(date +%s.%N)
    i=0; while [ $i -lt 20 ]; do "$DYAD" dict info $1 --dict "$P" >/dev/null 2>&1; i=$((i + 1)); done
    e=$(date +%s.%N)
    awk -v a="$s" -v b="$e" 'BEGIN { printf "%.1f", (b - a) * 1000 / 20 }'
}
echo "Phoenix pack load: $(load "") ms from the compiled cache, $(load --no-cache) ms from text (mean of 20 runs)"
echo "  command: $DYAD dict info [--no-cache] --dict $P"

# threads: the Phoenix run again with -j 2, and its ratio to one thread
# (medians of 5; the two commands take turns, so that the machine's
# drift, often larger than the difference, weighs on both alike); the
# output must be the same bytes
cmd1="$DYAD code --input tabari --dict $P $TMP/big"
cmd2="$DYAD code -j 2 --input tabari --dict $P $TMP/big"
pair() { # medians of 5 turns of each of two commands: "T1 T2"
    a=""; b=""
    for r in 1 2 3 4 5; do a="$a $(secs "$1")"; b="$b $(secs "$2")"; done
    echo "$(printf '%s\n' $a | sort -n | sed -n 3p) $(printf '%s\n' $b | sort -n | sed -n 3p)"
}
set -- $(pair "$cmd1" "$cmd2"); t1=$1; t2=$2
$cmd1 >"$TMP/o1" 2>/dev/null; $cmd2 >"$TMP/o2" 2>/dev/null
same=$(cmp -s "$TMP/o1" "$TMP/o2" && echo "same output" || echo "OUTPUT DIFFERS")
echo "Phoenix pack, -j 2: median ${t2}s vs ${t1}s with one thread: $(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", a / b }')x ($same)"
echo "  command: $cmd2"

# articles: the UN General Debate stream (JSON Lines, 37 MB of text):
# reading, segmentation, parsing, coding with the Phoenix pack, JSON output
UN=$SHARED/corpus/ungdc-2010-2024.jsonl.zst
if [ -f "$UN" ] && command -v zstd >/dev/null; then
    zstd -dc "$UN" >"$TMP/un.jsonl"
    mb=$(awk -v n="$(wc -c <"$TMP/un.jsonl")" 'BEGIN { printf "%.1f", n / 1e6 }')
    c1="$DYAD code -j 1 --input jsonl --dict $P $TMP/un.jsonl"
    c2="$DYAD code -j 2 --input jsonl --dict $P $TMP/un.jsonl"
    set -- $(pair "$c1" "$c2"); u1=$1; u2=$2
    for j in 1 2; do
        if [ $j = 1 ]; then cmd=$c1; t=$u1; else cmd=$c2; t=$u2; fi
        /usr/bin/time -f '%M' -o "$TMP/mem" $cmd >/dev/null 2>&1 || true
        echo "UN General Debate ($mb MB), -j $j: median ${t}s, $(awk -v m="$mb" -v t="$t" 'BEGIN { printf "%.1f", m / t }') MB/s, peak $(tail -1 "$TMP/mem") KB"
        echo "  command: $cmd"
    done
    echo "UN General Debate, -j 2: $(awk -v a="$u1" -v b="$u2" 'BEGIN { printf "%.2f", a / b }')x one thread"
    # the built-in pack reads the tree (parse); linear is word order alone
    l1="$DYAD code -j 1 --syntax linear --input jsonl $TMP/un.jsonl"
    p1="$DYAD code -j 1 --syntax parse --input jsonl $TMP/un.jsonl"
    p2="$DYAD code -j 2 --syntax parse --input jsonl $TMP/un.jsonl"
    set -- $(pair "$l1" "$p1"); tl=$1; tp=$2
    set -- $(pair "$p1" "$p2"); tq=$1; tp2=$2 # the ratio from one pair
    $p1 >"$TMP/p1" 2>/dev/null; $p2 >"$TMP/p2" 2>/dev/null
    same=$(cmp -s "$TMP/p1" "$TMP/p2" && echo "same output" || echo "OUTPUT DIFFERS")
    for r in "linear -j 1:$tl" "parse -j 1:$tp" "parse -j 2:$tp2"; do
        echo "UN General Debate, built-in pack, ${r%%:*}: median ${r##*:}s, $(awk -v m="$mb" -v t="${r##*:}" 'BEGIN { printf "%.1f", m / t }') MB/s"
    done
    echo "  parse -j 2: $(awk -v a="$tq" -v b="$tp2" 'BEGIN { printf "%.2f", a / b }')x one thread ($same); commands: $l1 / $p1 / $p2"
    if command -v valgrind >/dev/null; then
        head -c 1500000 "$TMP/un.jsonl" | sed '$d' >"$TMP/un15.jsonl"
        n=$($DYAD parse --input jsonl "$TMP/un15.jsonl" | grep -c '^# sent_id')
        for m in linear parse; do
            valgrind --tool=callgrind --callgrind-out-file="$TMP/cg" $DYAD code --syntax $m --input jsonl "$TMP/un15.jsonl" \
                >/dev/null 2>"$TMP/vg" || true
            ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$TMP/vg")
            [ -n "$ir" ] && echo "UN General Debate, built-in pack, $m: $(awk -v i="$ir" -v n="$n" 'BEGIN { printf "%d", i / n }') instructions per sentence (callgrind, first 1.5 MB, $n sentences as the parser splits them)"
        done
    fi
fi

# instructions per sentence (stable where wall time is not): callgrind on
# 5,000 of the Phoenix sentence records
if command -v valgrind >/dev/null; then
    awk -v n=5000 'BEGIN { RS = ""; ORS = "\n\n" } NR <= n' "$TMP/big" >"$TMP/five"
    k=$(grep -c '^[0-9]' "$TMP/five")
    valgrind --tool=callgrind --callgrind-out-file="$TMP/cg" $DYAD code --input tabari --dict "$P" "$TMP/five" \
        >/dev/null 2>"$TMP/vg" || true
    ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$TMP/vg")
    [ -n "$ir" ] && echo "Phoenix pack: $(awk -v i="$ir" -v n="$k" 'BEGIN { printf "%d", i / n }') instructions per sentence (callgrind, $k sentences, dictionary load included)"
    echo "  command: valgrind --tool=callgrind $DYAD code --input tabari --dict $P FIRST_5000_RECORDS"
fi

# adversarial sentences (verbs and quoted clauses, no sentence end): the
# instructions per word at 1,000 and 4,000 words, built-in pack, load
# subtracted (an empty input's count); linear when the two are close
if command -v valgrind >/dev/null; then
    ir_of() {
        valgrind --tool=callgrind --callgrind-out-file="$TMP/cga" $DYAD code --input jsonl "$1" >/dev/null 2>"$TMP/vga" || true
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$TMP/vga"
    }
    : >"$TMP/empty.jsonl"
    base=$(ir_of "$TMP/empty.jsonl")
    for kind in verbs quotes; do
        line=""
        for n in 1000 4000; do
            awk -v n="$n" -v k="$kind" 'BEGIN { split(k == "verbs" ? "attacked criticized met praised" : "\" US attacked UK \" said Iran", w, " ");
                m = length(w); printf "{\"id\":\"a\",\"text\":\""; for (i = 0; i < n; i++) printf "%s ", (w[i % m + 1] == "\"" ? "\\\"" : w[i % m + 1]); print ".\"}" }' >"$TMP/adv.jsonl"
            ir=$(ir_of "$TMP/adv.jsonl")
            line="$line $n words: $(awk -v i="$ir" -v b="$base" -v n="$n" 'BEGIN { printf "%d", (i - b) / n }') instructions/word;"
        done
        echo "adversarial sentence ($kind):$line"
    done
    echo "  command: valgrind --tool=callgrind $DYAD code --input jsonl ONE_SENTENCE_OF_N_WORDS (minus an empty input)"
fi
