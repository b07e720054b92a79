#!/bin/sh
# bench_syntax.sh: the tagger's and parser's speed on UD English-EWT test
# (gold words), one thread (not a test): model load time, words per second
# tagging and tagging + parsing (medians of 21 passes), and instructions per
# word from callgrind (each stage's count less that of only reading the
# file); and the accuracy on EWT test and dev (dyad validate ud).
# Usage: tests/bench_syntax.sh build/bench-syntax build/dyad
set -eu
B=${1:-build/bench-syntax}
DYAD=${2:-build/dyad}
SHARED=${SHARED:-../shared}
F=$SHARED/ud/en_ewt-ud-test.conllu.zst
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$B" "$F" --reps 21
echo "  command: $B $F --reps 21"
if command -v valgrind >/dev/null; then
    for m in none tag parse; do
        valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.$m" "$B" "$F" --mode $m >"$TMP/w" 2>/dev/null
        sed -n 's/^summary: //p' "$TMP/cg.$m" >"$TMP/ir.$m"
    done
    w=$(sed -n 's/^words //p' "$TMP/w")
    awk -v w="$w" -v n="$(cat "$TMP/ir.none")" -v t="$(cat "$TMP/ir.tag")" -v p="$(cat "$TMP/ir.parse")" 'BEGIN {
        printf "callgrind: %d instructions per word tagging, %d tagging + parsing (%d words)\n", (t - n) / w, (p - n) / w, w }'
fi
for set in test dev; do
    "$DYAD" validate ud "$SHARED/ud/en_ewt-ud-$set.conllu.zst" >"$TMP/ud" 2>&1 || true
    echo "EWT $set (gold words): $(tail -1 "$TMP/ud"); nsubj:pass recall $(awk '$1 == "nsubj:pass" { print $5 }' "$TMP/ud")"
    echo "  $(grep '^tokeniser' "$TMP/ud")"
done
