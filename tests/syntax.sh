# syntax.sh: tests of the tagger and parser, sourced by run.sh (uses its
# ok/not_ok/check/best, $DYAD, $TMP, $SHARED). Needs TEST_SYNTAX (the cmocka
# unit tests) and DYAD_TRAIN (the training tool).
TEST_SYNTAX=${TEST_SYNTAX:-build/test_syntax}
DYAD_TRAIN=${DYAD_TRAIN:-build/dyad-train}
UD=$SHARED/ud

case $TEST_SYNTAX in /*) ts=$TEST_SYNTAX ;; *) ts=$PWD/$TEST_SYNTAX ;; esac
if (cd "$TMP" && "$ts") >"$TMP/syn" 2>&1; then ok "syntax unit tests ($(grep -c '^\[       OK' "$TMP/syn") cases)"
else not_ok "syntax unit tests" "$(grep -v '^\[ RUN\|^\[       OK' "$TMP/syn")"; fi

# ---- golden parses: hand-written arcs (tests/golden/parse) ----
awk '/^text: /{ t = substr($0, 7); gsub(/"/, "\\\"", t); printf "{\"id\":\"g%d\",\"text\":\"%s\"}\n", ++n, t }' \
    tests/golden/parse/sentences.expect >"$TMP/g.jsonl"
"$DYAD" parse --input jsonl "$TMP/g.jsonl" >"$TMP/g.conllu" 2>&1
if awk -v name=sentences -f tests/parse_golden.awk tests/golden/parse/sentences.expect "$TMP/g.conllu" >"$TMP/o"; then
    ok "$(tail -1 "$TMP/o")"; else not_ok "golden parses of hand-checked sentences" "$(cat "$TMP/o")"; fi
"$DYAD" parse "$SHARED/corpus/seed-article.txt" >"$TMP/seed.conllu" 2>&1
if awk -v name=seed-article -f tests/parse_golden.awk tests/golden/parse/seed-article.expect "$TMP/seed.conllu" >"$TMP/o"; then
    ok "$(tail -1 "$TMP/o")"; else not_ok "golden parses of the seed article" "$(cat "$TMP/o")"; fi

# ---- CoNLL-U out: ten columns, one root, heads in range, and each word's
# TokenRange is its bytes in the document text ----
printf '{"id":"r1","text":"Gunmen attacked the U.S. embassy in Kabul. Police said they don'"'"'t know who fired."}\n' >"$TMP/r.jsonl"
"$DYAD" parse "$TMP/r.jsonl" >"$TMP/r.conllu"; rc=$?
awk -F'\t' -v text="Gunmen attacked the U.S. embassy in Kabul. Police said they don't know who fired." '
    /^[0-9]/ { if (NF != 10) bad = "columns: " $0
               split($10, m, /[=:|]/); if (substr(text, m[2] + 1, m[3] - m[2]) != $2) bad = "range: " $0
               if ($7 == 0) roots[s]++; if ($7 < 0 || $7 > 60) bad = "head: " $0 }
    /^# sent_id/ { s++ }
    END { for (i = 1; i <= s; i++) if (roots[i] != 1) bad = "sentence " i " has " roots[i] " roots"
          if (s != 2) bad = s " sentences"; if (bad) { print bad; exit 1 } }' "$TMP/r.conllu" >"$TMP/o"
[ $rc = 0 ] && [ ! -s "$TMP/o" ] && ok "parse: CoNLL-U with byte ranges into the text" \
    || not_ok "parse: CoNLL-U with byte ranges" "exit $rc $(cat "$TMP/o") $(head -20 "$TMP/r.conllu")"

# ---- bad CoNLL-U: each bad sentence reported as file:line:col and
# skipped, every other sentence parsed, exit 1 ----
W='\t_\tX\tX\t_\t'
printf "1\tThey${W}2\tnsubj\t_\t_\n2\tleft${W}0\troot\t_\t_\n\n" >"$TMP/bad.conllu"
printf "1\tA${W}0\troot\t_\n\n" >>"$TMP/bad.conllu"                          # 9 columns: line 4
printf "1\tA${W}2\tdep\t_\t_\n2\tB${W}1\tdep\t_\t_\n\n" >>"$TMP/bad.conllu"  # cycle: line 6
printf "1\tA${W}0\troot\t_\t_\n2\tB${W}9\tdep\t_\t_\n\n" >>"$TMP/bad.conllu" # head 9: line 10
printf "1\tWe${W}2\tnsubj\t_\t_\n2\twon${W}0\troot\t_\t_\n" >>"$TMP/bad.conllu"
"$DYAD" parse --input conllu "$TMP/bad.conllu" >"$TMP/o" 2>"$TMP/err"; rc=$?
if [ $rc = 1 ] && grep -q "bad.conllu:4:1: expected 10" "$TMP/err" && grep -q "bad.conllu:6:13: .*cycle" "$TMP/err" \
    && grep -q "bad.conllu:10:13: HEAD" "$TMP/err" && [ "$(grep -c '^# sent_id' "$TMP/o")" = 2 ] \
    && grep -q "^2	won	" "$TMP/o"; then ok "parse: bad CoNLL-U sentences reported as file:line:col, the rest parsed"
else not_ok "parse: bad CoNLL-U" "exit $rc $(cat "$TMP/err")"; fi
"$DYAD" validate ud "$TMP/bad.conllu" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q "skipped 3" "$TMP/o" && tail -1 "$TMP/o" | grep -q '^tokens=4 ' \
    && ok "validate ud: bad sentences skipped and counted" || not_ok "validate ud: bad sentences" "exit $rc $(cat "$TMP/o" "$TMP/err")"
"$DYAD" parse --model "$TMP/no-such.dym" examples/sco-talks.txt >/dev/null 2>"$TMP/err"; rc=$?
[ $rc = 3 ] && grep -q "no-such.dym" "$TMP/err" && ok "parse: a missing model exits 3" || not_ok "parse: missing model" "exit $rc"
if [ -w /dev/full ]; then
    "$DYAD" parse examples/sco-talks.txt >/dev/full 2>"$TMP/err"; rc=$?
    [ $rc = 6 ] && grep -q "standard output" "$TMP/err" && ok "parse: a full device is exit 6" || not_ok "parse: full device" "exit $rc"
fi
"$DYAD" parse --help >"$TMP/o" 2>&1; rc=$?
[ $rc = 0 ] && grep -q "dyad parse" "$TMP/o" && ok "parse --help" || not_ok "parse --help" "exit $rc"
"$DYAD" parse --input xml x >/dev/null 2>&1; rc=$?
[ $rc = 2 ] && ok "parse: unknown input kind exits 2" || not_ok "parse: unknown input kind" "exit $rc"

# ---- the built-in model on EWT dev: the last line's form, and no worse
# than the figures recorded in tests/scores ----
if [ -f "$UD/en_ewt-ud-dev.conllu.zst" ]; then
    "$DYAD" validate ud "$UD/en_ewt-ud-dev.conllu.zst" >"$TMP/ud" 2>&1; rc=$?
    last=$(tail -1 "$TMP/ud")
    up=$(echo "$last" | sed -n 's/.* upos=\([0-9.]*\) .*/\1/p'); las=$(echo "$last" | sed -n 's/.* las=\([0-9.]*\)$/\1/p')
    tf=$(sed -n 's/^tokeniser .* words F1 \([0-9.]*\) .*/\1/p' "$TMP/ud")
    if [ $rc = 0 ] && echo "$last" | grep -Eq '^tokens=25147 upos=[0-9]+\.[0-9]{2} xpos=[0-9]+\.[0-9]{2} uas=[0-9]+\.[0-9]{2} las=[0-9]+\.[0-9]{2}$' \
        && awk -v a="$up" -v b="$(best ud-dev-upos)" -v c="$las" -v d="$(best ud-dev-las)" -v e="$tf" -v f="$(best ud-dev-tokf1)" \
            'BEGIN { exit !(a >= b && c >= d && e >= f) }'; then
        ok "validate ud, EWT dev: $last; tokeniser words F1 $tf"
    else not_ok "validate ud, EWT dev below upos $(best ud-dev-upos) / las $(best ud-dev-las) / tokeniser F1 $(best ud-dev-tokf1)" "exit $rc $last, F1 $tf"; fi
else
    not_ok "EWT dev" "$UD/en_ewt-ud-dev.conllu.zst not found"
fi

# ---- a tiny training run: reproducible byte for byte, and it learns ----
if [ -f "$UD/en_ewt-ud-train.conllu.zst" ]; then
    A="--train $UD/en_ewt-ud-train.conllu.zst --max-sentences 600 --tag-epochs 4 --dep-epochs 4 --folds 2 --parsers 2 --threads 2 --info tiny"
    "$DYAD_TRAIN" $A --out "$TMP/t1.dym" 2>"$TMP/tr1"; r1=$?
    "$DYAD_TRAIN" $A --threads 1 --out "$TMP/t2.dym" 2>/dev/null; r2=$?
    if [ $r1 = 0 ] && [ $r2 = 0 ] && cmp -s "$TMP/t1.dym" "$TMP/t2.dym"; then ok "training is reproducible (same bytes with 1 and 2 threads)"
    else not_ok "training reproducible" "exit $r1 $r2 $(tail -3 "$TMP/tr1")"; fi
    "$DYAD" validate ud "$UD/en_ewt-ud-dev.conllu.zst" --model "$TMP/t1.dym" >"$TMP/ud" 2>&1
    last=$(tail -1 "$TMP/ud")
    if echo "$last" | awk '{ split($2, u, "="); split($4, a, "="); exit !(u[2] >= 85 && a[2] >= 65) }'; then
        ok "tiny training run (600 sentences) clears UPOS 85, UAS 65: $last"
    else not_ok "tiny training run below UPOS 85 / UAS 65" "$last"; fi
else
    not_ok "EWT train" "$UD/en_ewt-ud-train.conllu.zst not found"
fi
