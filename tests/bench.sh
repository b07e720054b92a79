#!/bin/sh
# bench.sh: whole-run throughput (not a test): sentences per second coding
# TABARI validation records repeated to 100,000 sentences with TABARI's demo
# dictionaries, one thread; median of 5 runs. Usage: tests/bench.sh build/dyad
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
cmd="$DYAD code --input tabari --dict $V/Validate.project $TMP/big"
times=""
for r in 1 2 3 4 5; do
    s=$(date +%s.%N); $cmd >/dev/null 2>&1 || true; e=$(date +%s.%N)
    times="$times $(echo "$e - $s" | bc -l)"
done
med=$(printf '%s\n' $times | sort -n | sed -n 3p)
echo "command: $cmd"
echo "sentences: $total; median of 5 runs: ${med}s; $(echo "$total / $med" | bc) sentences/s (one thread)"
