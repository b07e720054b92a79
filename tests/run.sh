#!/bin/sh
# run.sh: every test of dyad: the unit tests (cmocka), golden tests, the
# command line, bad input, the README and --help examples, the fuzz corpus
# replay and TABARI's validation suite against the best score reached.
# Ends with the line "N passed, M failed". Needs DYAD and TEST_UNIT.
set -u
LC_ALL=C
export LC_ALL
DYAD=${DYAD:-build/dyad}
TEST_UNIT=${TEST_UNIT:-build/test_unit}
TEST_OOM=${TEST_OOM:-}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# the compiled-dictionary cache of these tests stays in the temporary folder
DYAD_CACHE_DIR="$TMP/cache"
export DYAD_CACHE_DIR
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/    /'; }
check() { # name, then a command that must succeed
    name=$1; shift
    if "$@" >"$TMP/out" 2>&1; then ok "$name"; else not_ok "$name" "$(tail -20 "$TMP/out")"; fi
}
# condensed events: sentence source target code
events() { sed -E 's/.*"sentence":([0-9]+).*"source":"([^"]*)","target":"([^"]*)","code":"([^"]*)".*/\1 \2 \3 \4/'; }

# ---- unit tests ----
if "$TEST_UNIT" >"$TMP/unit" 2>&1; then ok "unit tests ($(grep -c '^\[       OK' "$TMP/unit") cases)"; else not_ok "unit tests" "$(grep -v '^\[ RUN\|^\[       OK' "$TMP/unit")"; fi

# ---- golden tests ----
"$DYAD" code --date 2018-06-10 examples/sco-talks.txt | events >"$TMP/sco" 2>&1
grep -v '^#' tests/golden/sco-talks.expect >"$TMP/sco.expect"
if diff -u "$TMP/sco.expect" "$TMP/sco" >"$TMP/diff"; then ok "golden: example article"; else not_ok "golden: example article" "$(cat "$TMP/diff")"; fi
"$DYAD" code --with-text --date 2018-06-11 --dict tests/golden/mini.actors,tests/golden/mini.verbs tests/golden/one-event.txt >"$TMP/one" 2>&1
if diff -u tests/golden/one-event.expect "$TMP/one" >"$TMP/diff"; then ok "golden: one event, every field"; else not_ok "golden: one event, every field" "$(cat "$TMP/diff")"; fi

# ---- command line ----
"$DYAD" --help >"$TMP/help"; rc=$?
if [ $rc = 0 ] && grep -q "exit status" "$TMP/help"; then ok "--help documents exit codes"; else not_ok "--help documents exit codes"; fi
"$DYAD" frobnicate >/dev/null 2>&1; rc=$?
[ $rc = 2 ] && ok "unknown command exits 2" || not_ok "unknown command exits 2" "exit $rc"
"$DYAD" code "$TMP/missing-file" >/dev/null 2>"$TMP/err"; rc=$?
[ $rc = 4 ] && grep -q "missing-file" "$TMP/err" && ok "unreadable input exits 4" || not_ok "unreadable input exits 4" "exit $rc"
"$DYAD" code --dict "$TMP/none.actors" examples/sco-talks.txt >/dev/null 2>"$TMP/err"; rc=$?
[ $rc = 3 ] && ok "unreadable dictionary exits 3" || not_ok "unreadable dictionary exits 3" "exit $rc"
"$DYAD" code --input jsonl examples/articles.jsonl >"$TMP/j" 2>&1; rc=$?
[ $rc = 0 ] && [ "$(wc -l <"$TMP/j")" -ge 4 ] && ok "jsonl articles coded" || not_ok "jsonl articles coded" "exit $rc $(cat "$TMP/j")"
printf '181209 R-1\nPakistan condemned India on Monday in a statement.\n\n181210 R-2\nIndia condemned Pakistan on Tuesday in a statement.\n\n' >"$TMP/t.txt"
"$DYAD" code --input tabari "$TMP/t.txt" | events >"$TMP/tab"
printf '1 PAK IND 111\n1 IND PAK 111\n' >"$TMP/tab.expect"
diff -u "$TMP/tab.expect" "$TMP/tab" >"$TMP/diff" && ok "tabari records coded" || not_ok "tabari records coded" "$(cat "$TMP/diff")"
"$DYAD" code --stats examples/sco-talks.txt >/dev/null 2>"$TMP/st"
grep -q "^documents with no events: 0" "$TMP/st" && grep -q "^errors: 0" "$TMP/st" && ok "--stats counts" || not_ok "--stats counts" "$(cat "$TMP/st")"
"$DYAD" dict info >"$TMP/info"; grep -q "^actors: [1-9]" "$TMP/info" && ok "dict info" || not_ok "dict info"

# ---- TABARI features through the command line ----
F="--dict tests/golden/feat.actors,tests/golden/feat.verbs"
printf 'X\nChina praised Pakistan on Monday, the Chinese Foreign Ministry said.\n' | "$DYAD" code --input text $F >"$TMP/o"
grep -q '"attribution":"CHNGOV"' "$TMP/o" && ok "attribution from <ATTRIB> and @" || not_ok "attribution" "$(cat "$TMP/o")"
printf 'X\nYesterday China praised Pakistan for its help in the talks.\n' | "$DYAD" code --input text --date 2018-03-01 $F >"$TMP/o"
grep -q '"date":"2018-02-28"' "$TMP/o" && ok "time shifting: yesterday moves the date" || not_ok "time shifting" "$(cat "$TMP/o")"
printf 'X\nChina and the boats of Pakistan sailed down the river on Monday.\n' | "$DYAD" code --input text $F --option 'NONEVENTS: TRUE' | events >"$TMP/o"
[ "$(cat "$TMP/o")" = "2 CHN PAK ***" ] && ok "NONEVENTS: actors without an event" || not_ok "NONEVENTS" "$(cat "$TMP/o")"
printf 'X\nChina praised Pakistan on Monday in a long statement. It also strongly criticized India over the disputed border area.\n' | "$DYAD" code --input text $F --option 'FORWARD: NNN' | events >"$TMP/o"
printf '2 CHN PAK 051\n3 CHN IND 111\n' >"$TMP/e"
diff -u "$TMP/e" "$TMP/o" >"$TMP/diff" && ok "FORWARD: a leading pronoun takes the previous sentence's first actor" || not_ok "FORWARD" "$(cat "$TMP/diff")"

# PETRARCH transformations: a statement about an attack is an accusation
# (112) or, when the speaker is the attacker, a claim of responsibility (015)
PF="--dict tests/golden/petr_actors.txt,tests/golden/petr_agents.txt,tests/golden/petr_verbs.txt,tests/golden/petr_discards.txt"
# petr_case NAME SENTENCES EVENTS: the sentences (after a headline, one a
# line, \n-separated) coded with the PETRARCH test set give these events
petr_case() {
    printf 'X\n%b' "$2" | "$DYAD" code --input text $PF | events >"$TMP/o"
    printf '%b' "$3" >"$TMP/e"
    diff -u "$TMP/e" "$TMP/o" >"$TMP/diff" && ok "$1" || not_ok "$1" "$(cat "$TMP/diff")"
}
SAY_ATTACK='Arnor said Gondor attacked Rohan on Monday.\nArnor said it shelled Gondor on Monday.\nArnor said Gondor fired at Rohan.\nGondor attacked Rohan.\n'
petr_case "PETRARCH transformations: say + attack" "$SAY_ATTACK" '2 ARN GON 112\n3 ARN GON 015\n4 ARN GON 112\n5 GON ROH 190\n'
# the same from the compiled cache the first run left: transformations survive it
petr_case "PETRARCH transformations from the compiled cache" "$SAY_ATTACK" '2 ARN GON 112\n3 ARN GON 015\n4 ARN GON 112\n5 GON ROH 190\n'
# OWN ACTS (dyad option): one's own act told is the act; "will" and
# "claimed" keep the claim, and what another did is still an accusation
printf 'X\nArnor said it shelled Gondor on Monday.\nArnor said it will shell Gondor.\nArnor said Gondor attacked Rohan on Monday.\n' \
    | "$DYAD" code --input text $PF --option 'SET: OWN ACTS = TRUE' | events >"$TMP/o"
printf '2 ARN GON 190\n3 ARN GON 015\n4 ARN GON 112\n' >"$TMP/e"
diff -u "$TMP/e" "$TMP/o" >"$TMP/diff" && ok "OWN ACTS: a statement of one's own past attack is the attack" || not_ok "OWN ACTS" "$(cat "$TMP/diff")"
petr_case "PETRARCH dialect: intent, agreement and appeal about another act; ':026' reversed" \
    'Arnor pledged to lift the sanctions on Gondor.\nArnor agreed to lift the sanctions on Gondor.\nArnor asked Gondor to help Rohan.\nRohan received an invitation from Gondor.\n' \
    '2 ARN GON 0354\n3 ARN GON 085\n4 ARN GON 023\n5 GON ROH 026\n'
petr_case "PETRARCH dialect: passive agents ('by', 'from') inside and outside a statement" \
    'Arnor said a rocket was fired at it from Gondor.\nArnor said Rohan was attacked by Gondor.\nRohan was attacked from Gondor.\n' \
    '2 ARN GON 112\n3 ARN GON 112\n4 GON ROH 190\n'
# a participle phrase after a noun is part of it: the verb after the
# auxiliary is coded, its pattern nouns found in the passive's subject;
# a time word or another verb's clause keeps the first verb its own
petr_case "PETRARCH dialect: participle phrases after a noun; pattern nouns in a passive subject" \
    'The Rohan prisoners detained in Arnor were released by Gondor.\nThe Rohan prisoners were released by Gondor.\nOfficials of Rohan detained in Arnor said Gondor was ready.\nGondor detained in Arnor on Monday prisoners were released.\n' \
    '2 GON ROH 0841\n3 GON ROH 0841\n4 ROH ARN 173\n5 GON ARN 173\n'
petr_case "PETRARCH dialect: 'there were N X attacked' is a passive" \
    'There were ten Rohan soldiers attacked by Gondor.\nThere were ten Rohan soldiers who attacked Gondor.\n' '2 GON ROHMIL 190\n3 ROHMIL GON 190\n'
petr_case "PETRARCH dialect: a passive whose subject has no actor code takes its target after the agent" \
    'Four children were attacked in Gondor shelling in Rohan.\nFour children were attacked by Gondor.\n' '2 GON ROH 190\n3 GON ---CVL 190\n'
petr_case "PETRARCH dialect: a discard phrase closing a clause of its own before a comma dates that clause only" \
    'Arnor attacked the Gondor soldiers who had attacked Rohan two years ago, officials said.\nGondor attacked Rohan two years ago.\nTwo years ago, Gondor attacked Rohan.\nTwo years ago Gondor attacked Rohan.\n' \
    '2 ARN GONMIL 190\n'
petr_case "PETRARCH dialect: announced future acts and unaddressed appeals are intents; 're-' prefixes" \
    'Arnor announced it would release the Rohan prisoners.\nArnor released the Rohan prisoners.\nArnor is seeking to help Rohan.\nArnor asked Gondor to help Rohan.\nArnor re-attacked Gondor.\n' \
    '2 ARN ROH 0353\n3 ARN ROH 0841\n4 ARN ROH 033\n5 ARN GON 023\n6 ARN GON 190\n'
petr_case "PETRARCH dialect: demands and refusals about another act take CAMEO's paired codes" \
    'Arnor demanded that Gondor release the Rohan prisoners.\nArnor demanded that Gondor and Rohan help Arnor.\nArnor refused to release the Rohan prisoners.\n' \
    '2 ARN GON 1053\n3 ARN GON 103\n3 ARN ROH 103\n4 ARN ROH 1243\n'
petr_case "PETRARCH dialect: 'a new bombing and strafing offensive' is one noun phrase" \
    'Gondor launched a new bombing and strafing offensive against Rohan in which Arnor said civilians died.\n' \
    '2 GON ROH 190\n'
petr_case "PETRARCH dialect: 'pro-X' and 'anti-X' are no actor X" \
    'The pro-Gondor camp attacked Rohan.\nAnti-Rohan crowds attacked Gondor.\nGondor attacked Rohan.\n' '4 GON ROH 190\n'
# an entry with many synonyms (the Phoenix pack's USA has over a hundred):
# the last one counts as much as the first
{ echo 'GONDOR [GON]'; for i in $(seq 1 150); do echo "+GONDORTOWN$i"; done; echo 'ROHAN [ROH]'; } >"$TMP/many_actors.txt"
printf 'X\nGondortown150 attacked Rohan.\nGondortown1 attacked Rohan.\n' \
    | "$DYAD" code --input text --dict "$TMP/many_actors.txt,tests/golden/petr_verbs.txt" | events >"$TMP/o"
[ "$(cat "$TMP/o")" = "$(printf '2 GON ROH 190\n3 GON ROH 190')" ] && ok "an actor with 150 synonyms keeps all of them" \
    || not_ok "an actor with 150 synonyms" "$(cat "$TMP/o")"
printf '~ a (b . ATTACK) = a b 112\n' >"$TMP/badtr_verbs.txt"
"$DYAD" dict check "$TMP/badtr_verbs.txt" >"$TMP/o" 2>&1
grep -q "badtr_verbs.txt:1:1: transformation not understood" "$TMP/o" && ok "malformed transformation reported as file:line" || not_ok "malformed transformation" "$(cat "$TMP/o")"
# a pattern that lost its "- " is reported, and still read as the pattern
printf -- '--- BEGIN [---] ---\nBEGIN {BEGAN BEGUN}\n* (TO QUESTION) [110]\nSTART (OVER)\n' >"$TMP/nodash_verbs.txt"
printf 'SAM_GAMGEE [HOB]\nMORGUL_ORCS [MRGORC]\n' >"$TMP/nodash_actors.txt"
"$DYAD" dict check "$TMP/nodash_verbs.txt" >"$TMP/o" 2>&1
printf 'X\nSam Gamgee has begun to question the Morgul Orcs.\n' \
    | "$DYAD" code --input text --dict "$TMP/nodash_verbs.txt,$TMP/nodash_actors.txt" 2>/dev/null | events >"$TMP/o2"
grep -q "nodash_verbs.txt:3:1: pattern without its leading '- '" "$TMP/o" && [ "$(cat "$TMP/o2")" = "2 HOB MRGORC 110" ] \
    && grep -q "nodash_verbs.txt:4:1: unexpected '(' in a verb" "$TMP/o" \
    && ok "a pattern line without '- ' is reported and read as a pattern; pattern marks in a verb are reported" || not_ok "pattern without '- '" "$(cat "$TMP/o" "$TMP/o2")"

printf 'X\nChina strongly criticized India over the border and the ceasefire lines on Monday.\n' | "$DYAD" code --input text --dict tests/golden/feat.actors,tests/golden/feat.verbs,tests/golden/feat_issues.txt >"$TMP/o"
grep -q '"issues":{"BORDER_SECURITY":1,"SECURITY":1}' "$TMP/o" && ok "issues from a PETRARCH issues list" || not_ok "issues" "$(cat "$TMP/o")"
"$DYAD" code --format phoenix --input jsonl examples/articles.jsonl >"$TMP/o"
[ "$(awk -F'\t' '{ print NF }' "$TMP/o" | sort -u)" = 26 ] && grep -q "$(printf '^ex-1_1_1\t20180611\t2018\t06\t11\tPAK\tPAK\t\t\tCHN\tCHN\t\t\t030\t03\t1\t4.0\t')" "$TMP/o" \
    && ok "--format phoenix: 26 columns" || not_ok "--format phoenix" "$(head -2 "$TMP/o")"

printf 'X\nChina did not criticize Pakistan over the border dispute on Monday.\nChina has never pledged help to Pakistan in the long border dispute.\n' >"$TMP/neg.txt"
"$DYAD" code --input text $F --option 'SET: NEGATION = TRUE' "$TMP/neg.txt" | events >"$TMP/o"
"$DYAD" code --input text $F "$TMP/neg.txt" | events >"$TMP/o2"
[ "$(cat "$TMP/o")" = "3 CHN PAK 120" ] && [ "$(cat "$TMP/o2")" = "$(printf '2 CHN PAK 111\n3 CHN PAK 030')" ] \
    && ok "NEGATION: refusals for negated cooperation, nothing for negated conflict" || not_ok "NEGATION" "$(cat "$TMP/o" "$TMP/o2")"

printf 'X\nChina might criticize Pakistan over the border dispute on Monday.\nIndia asked whether China would criticize Pakistan on Monday.\nChina criticized Pakistan over the border dispute on Monday.\n' >"$TMP/spec.txt"
"$DYAD" code --input text $F --option 'SET: SPECULATION = TRUE' "$TMP/spec.txt" | events >"$TMP/o"
"$DYAD" code --input text $F "$TMP/spec.txt" | events >"$TMP/o2"
[ "$(cat "$TMP/o")" = "4 CHN PAK 111" ] && [ "$(cut -d' ' -f1 "$TMP/o2" | tr '\n' ' ')" = "2 3 4 " ] \
    && ok "SPECULATION: a verb after 'might' or in a 'whether' clause codes nothing" || not_ok "SPECULATION" "$(cat "$TMP/o" "$TMP/o2")"

printf 'X\nXi Jinping met Vladimir Putin in Moscow on Tuesday. The two sides signed a joint statement on energy cooperation.\n\nRussia attacked Ukraine on Tuesday. The two sides signed an agreement.\n' \
    | "$DYAD" code --date 2023-03-21 | events >"$TMP/o"
[ "$(cat "$TMP/o")" = "$(printf '2 CHNGOV RUSGOV 040\n2 RUSGOV CHNGOV 040\n3 CHN RUS 057\n3 RUS CHN 057\n4 RUS UKR 190')" ] \
    && ok "'the two sides' after a sentence about a meeting of two states is that pair (not after an attack)" \
    || not_ok "the two sides" "$(cat "$TMP/o")"

printf 'X\nKenyan President William Ruto dissolved his cabinet on Tuesday. The government criticized the protesters.\n\nRussia attacked Ukraine on Tuesday. The army shelled civilians.\n' \
    | "$DYAD" code --date 2024-07-11 | events >"$TMP/o"
[ "$(cat "$TMP/o")" = "$(printf '3 KENGOV KENOPP 111\n4 RUS UKR 190')" ] \
    && ok "'the government' after a sentence naming one state is that state's (not after one naming two); the protesters it criticizes are its own" \
    || not_ok "state context" "$(cat "$TMP/o")"

# ---- dictionary layers: a user's file extends and overrides the built-in pack ----
mkdir -p "$TMP/layer"
printf 'GONDOR_\n\t[GON]\nCHINA_\n\t[XXX]\n' >"$TMP/layer/mine.actors"
printf 'X\nGondor criticized China on Monday.\nIndia criticized Pakistan on Monday.\n' >"$TMP/layer/in.txt"
"$DYAD" code --dict "builtin+$TMP/layer" "$TMP/layer/in.txt" | events >"$TMP/o"
[ "$(cat "$TMP/o")" = "$(printf '2 GON XXX 111\n3 IND PAK 111')" ] && ok "--dict builtin+PATH: a layer adds actors and overrides equal phrases" \
    || not_ok "--dict builtin+PATH" "$(cat "$TMP/o")"

# ---- threads: -j N writes the very bytes -j 1 writes, in input order ----
WN="$SHARED/corpus/wikinews-2019-2020.jsonl"
if [ -f "$WN" ]; then
    "$DYAD" code --input jsonl --with-text "$WN" >"$TMP/j1" 2>/dev/null
    "$DYAD" code -j 3 --input jsonl --with-text "$WN" >"$TMP/j3" 2>/dev/null
    [ -s "$TMP/j1" ] && cmp -s "$TMP/j1" "$TMP/j3" && ok "-j 3: the same events as -j 1, byte for byte ($(wc -l <"$TMP/j1") events)" \
        || not_ok "-j 3 output differs from -j 1" "$(cmp "$TMP/j1" "$TMP/j3" 2>&1)"
    # every article of the stream coded without an error, Phoenix pack too
    "$DYAD" code -j 2 --stats --input jsonl --dict "$SHARED/peers/petrarch2/dictionaries" "$WN" >/dev/null 2>"$TMP/ws"; rc=$?
    [ $rc = 0 ] && grep -q '^errors: 0$' "$TMP/ws" && ok "Wikinews, Phoenix pack: every article coded ($(grep '^documents:' "$TMP/ws"))" \
        || not_ok "Wikinews with the Phoenix pack" "exit $rc $(tail -4 "$TMP/ws")"
fi
"$DYAD" code -j x examples/sco-talks.txt >/dev/null 2>"$TMP/o"; rc=$?
[ $rc = 2 ] && grep -q "not a number of threads" "$TMP/o" && ok "-j: a bad count is a usage error" || not_ok "-j bad count" "exit $rc"

# a verb phrase that ends the sentence: nothing read past its end (this
# sentence of a UN General Debate speech once crashed dyad)
if [ -d "$SHARED/peers/petrarch2/dictionaries" ]; then
    printf 'not lived up to\n' | "$DYAD" code --input text --dict "$SHARED/peers/petrarch2/dictionaries" >/dev/null 2>&1; rc=$?
    [ $rc = 0 ] && ok "a sentence ending in a multi-word verb (Phoenix pack)" || not_ok "sentence ending in a multi-word verb" "exit $rc"
fi

# ---- a JSON Lines stream larger than the 8 MB pieces it is read in: a bad
# line reported with its true number, records without an id numbered
# through the whole stream, every other record coded ----
awk 'BEGIN { pad = sprintf("%3000s", ""); gsub(/ /, "x ", pad)
    for (i = 1; i <= 3000; i++) {
        if (i == 2990) print "{\"text\": broken"
        else printf "{\"text\": \"China criticized India on Monday. %s\"}\n", pad } }' >"$TMP/stream.jsonl"
"$DYAD" code --stats --input jsonl "$TMP/stream.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q "stream.jsonl:2990:10: invalid JSON" "$TMP/err" && [ "$(wc -l <"$TMP/o")" = 2999 ] \
    && tail -1 "$TMP/o" | grep -q '"doc_id":"2999"' \
    && ok "an 18 MB stream read in pieces: the bad line's true number, ids through the stream, 2,999 records coded" \
    || not_ok "JSON Lines stream in pieces" "exit $rc $(cat "$TMP/err") $(tail -1 "$TMP/o" | cut -c1-80)"

# ---- beyond one machine: GNU parallel splits a stream across workers; the
# merged events equal one run's (in order with --keep-order) ----
if [ -f "$WN" ] && command -v parallel >/dev/null; then
    "$DYAD" code --input jsonl "$WN" >"$TMP/one"
    parallel --will-cite --pipepart -a "$WN" --block 200k -k "$DYAD" code --input jsonl >"$TMP/par" 2>/dev/null
    parallel --will-cite --pipepart -a "$WN" --block 200k "$DYAD" code --input jsonl 2>/dev/null | sort >"$TMP/par2"
    [ -s "$TMP/one" ] && cmp -s "$TMP/one" "$TMP/par" && sort "$TMP/one" | cmp -s - "$TMP/par2" \
        && ok "GNU parallel --pipepart: the split run's events equal one run's (kept in order, and sorted)" \
        || not_ok "GNU parallel recipe" "$(cmp "$TMP/one" "$TMP/par" 2>&1)"
elif ! command -v parallel >/dev/null; then
    not_ok "GNU parallel recipe" "parallel is not installed (scripts/deps.sh installs it)"
fi

# ---- dyad dict fetch phoenix: from the local copy of the pack (the tests
# run offline), and a clear failure when the source cannot be reached ----
PHX="$SHARED/peers/petrarch2/dictionaries"
if [ -d "$PHX" ]; then
    DYAD_DATA_DIR="$TMP/data" DYAD_CACHE_DIR="$TMP/fcache" "$DYAD" dict fetch phoenix --from "$PHX" >"$TMP/o" 2>&1; rc=$?
    printf 'X\nIsrael attacked Hamas in Gaza on Monday.\n' | DYAD_DATA_DIR="$TMP/data" DYAD_CACHE_DIR="$TMP/fcache" "$DYAD" code --dict phoenix | events >"$TMP/o2"
    [ $rc = 0 ] && grep -q "installed the Phoenix pack" "$TMP/o" && [ "$(cat "$TMP/o2")" = "2 ISR PSEREBHMS 190" ] \
        && ok "dict fetch phoenix: installed from a local copy, verified, used as --dict phoenix" \
        || not_ok "dict fetch phoenix" "exit $rc $(cat "$TMP/o" "$TMP/o2")"
fi
DYAD_DATA_DIR="$TMP/data2" "$DYAD" dict fetch phoenix --from http://127.0.0.1:9/ >"$TMP/o" 2>&1; rc=$?
DYAD_DATA_DIR="$TMP/data2" "$DYAD" code --dict phoenix </dev/null >"$TMP/o2" 2>&1; rc2=$?
[ $rc = 4 ] && grep -q "could not download.*nothing was installed" "$TMP/o" && [ $rc2 = 3 ] && grep -q "not installed" "$TMP/o2" \
    && ok "dict fetch phoenix offline: a clear message, exit 4, nothing installed" \
    || not_ok "dict fetch phoenix offline" "exit $rc/$rc2 $(cat "$TMP/o" "$TMP/o2")"

# ---- the compiled dictionary cache ----
mkdir -p "$TMP/cd"
DYAD_CACHE_DIR="$TMP/cache2"
cp tests/golden/mini.actors tests/golden/mini.verbs "$TMP/cd/"
printf 'X\nPakistan condemned India and Nepal on Monday over the border shooting.\n' >"$TMP/cd/in.txt"
"$DYAD" code --dict "$TMP/cd" "$TMP/cd/in.txt" | events >"$TMP/c1"
"$DYAD" code --dict "$TMP/cd" "$TMP/cd/in.txt" | events >"$TMP/c2"
"$DYAD" code --no-cache --dict "$TMP/cd" "$TMP/cd/in.txt" | events >"$TMP/c3"
n=$(ls "$TMP/cache2" 2>/dev/null | grep -c '\.dict$')
[ "$n" = 1 ] && cmp -s "$TMP/c1" "$TMP/c2" && cmp -s "$TMP/c1" "$TMP/c3" && [ -s "$TMP/c1" ] \
    && ok "compiled cache: built once, same events as without it" || not_ok "compiled cache" "$n images; $(cat "$TMP/c1" "$TMP/c2")"
sleep 1
printf 'NEPAL_ [NPL]\n' >>"$TMP/cd/mini.actors"
"$DYAD" code --dict "$TMP/cd" "$TMP/cd/in.txt" | events >"$TMP/c4"
grep -q ' PAK NPL 111' "$TMP/c4" && ok "compiled cache: rebuilt when a dictionary changes" || not_ok "compiled cache rebuild" "$(cat "$TMP/c4")"
for img in "$TMP"/cache2/*.dict; do head -c 3000 "$img" >"$img.x" && mv "$img.x" "$img"; done
"$DYAD" code --dict "$TMP/cd" "$TMP/cd/in.txt" | events >"$TMP/c5"; rc=$?
cmp -s "$TMP/c4" "$TMP/c5" && ok "compiled cache: a truncated image is rebuilt" || not_ok "truncated cache image" "exit $rc $(cat "$TMP/c5")"
for img in "$TMP"/cache2/*.dict; do
    sz=$(wc -c <"$img"); printf '\377\377\377\377' | dd of="$img" bs=1 seek=$((sz / 2)) conv=notrunc 2>/dev/null
done
"$DYAD" code --dict "$TMP/cd" "$TMP/cd/in.txt" | events >"$TMP/c6"; rc=$?
cmp -s "$TMP/c4" "$TMP/c6" && ok "compiled cache: a damaged image is rebuilt" || not_ok "damaged cache image" "exit $rc $(cat "$TMP/c6")"
DYAD_CACHE_DIR="$TMP/cache"

# ---- bad input: each is normal input with a clear outcome ----
printf 'Headline\nPakistan condemned India \377\376 on Monday in Lahore.\n' >"$TMP/utf8.txt"
"$DYAD" code --with-text "$TMP/utf8.txt" >"$TMP/o" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '"code":"111"' "$TMP/o" && grep -q "$(printf '\357\277\275')" "$TMP/o" && ! grep -q "$(printf '\377')" "$TMP/o" \
    && ok "invalid UTF-8: coded, output valid" || not_ok "invalid UTF-8: coded, output valid" "exit $rc $(cat "$TMP/o")"
printf 'Headline\nPakistan condemned India on Monday\000 in Lahore.\n' >"$TMP/nul.txt"
"$DYAD" code "$TMP/nul.txt" >"$TMP/o" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '"code":"111"' "$TMP/o" && ok "NUL byte in text: coded" || not_ok "NUL byte in text: coded" "exit $rc"
printf '{"id":"a","text":"Pakistan condemned India on Monday in Lahore."}\n{"id":"b","text":"x\000y"}\n{"id":"c","text":"India condemned Pakistan on Monday in Delhi."}\n' >"$TMP/nul.jsonl"
"$DYAD" code "$TMP/nul.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'nul.jsonl:2:' "$TMP/err" && [ "$(grep -c '"code"' "$TMP/o")" = 2 ] \
    && ok "NUL byte in JSON line: reported with line, others coded" || not_ok "NUL byte in JSON line" "exit $rc $(cat "$TMP/err")"
: >"$TMP/empty.txt"
"$DYAD" code --stats "$TMP/empty.txt" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 0 ] && [ ! -s "$TMP/o" ] && grep -q '^documents: 0' "$TMP/err" && ok "empty file" || not_ok "empty file" "exit $rc"
printf '{"id":"a","text":"Pakistan condemned India on Monday in Lahore."}\n{"id":"b","text":"India condemned Pakistan on Monday in Delhi."}\n{"id":"c","text":"Pakis' >"$TMP/trunc.jsonl"
"$DYAD" code "$TMP/trunc.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'trunc.jsonl:3:[0-9]*: invalid JSON' "$TMP/err" && [ "$(grep -c '"code"' "$TMP/o")" = 2 ] \
    && ok "truncated JSON line: file:line:col, others coded" || not_ok "truncated JSON line" "exit $rc $(cat "$TMP/err")"
awk 'BEGIN { printf "{\"id\":\"big\",\"text\":\""; for (i = 0; i < 250000; i++) printf "Pakistan met India. "; printf "\"}\n{\"id\":\"after\",\"text\":\"India condemned Pakistan on Monday in Delhi.\"}\n" }' >"$TMP/big.jsonl"
"$DYAD" code --stats "$TMP/big.jsonl" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 0 ] && grep -q '"doc_id":"after"' "$TMP/o" && [ "$(wc -c <"$TMP/big.jsonl")" -gt 5000000 ] \
    && ok "5 MB JSON line coded, next record too" || not_ok "5 MB JSON line" "exit $rc $(tail -3 "$TMP/err")"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "word%d ", i; printf "\n" }' >"$TMP/long.txt"
"$DYAD" code "$TMP/long.txt" >/dev/null 2>"$TMP/err"; rc=$?
[ $rc = 0 ] && [ "$(wc -c <"$TMP/long.txt")" -gt 10000000 ] && ok "10 MB line of text: no crash" || not_ok "10 MB line of text" "exit $rc"
head -c 200000 "$DYAD" >"$TMP/bin.dat"
"$DYAD" code "$TMP/bin.dat" >/dev/null 2>&1; rc=$?
[ $rc -lt 2 ] && ok "binary file: no crash (exit $rc)" || not_ok "binary file" "exit $rc"
printf 'ARNOR [ARN]\nBROKEN [ARN\nNOCODE\n+SYN\nGONDOR [GON 9999]\nLIBYA [LBY]\n' >"$TMP/bad.actors"
printf 'CONDEMN_ [111]\n- NO_STAR_HERE [122]\n- * [\n' >"$TMP/bad.verbs"
"$DYAD" dict check "$TMP/bad.actors" "$TMP/bad.verbs" >"$TMP/o" 2>"$TMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'bad.actors:2:' "$TMP/err" && grep -q 'bad.actors:5:' "$TMP/err" && grep -q 'bad.verbs:2:' "$TMP/err" \
    && grep -q 'bad.verbs:3:' "$TMP/err" && grep -q 'bad.actors:3:' "$TMP/err" \
    && ok "malformed dictionary lines reported as file:line" || not_ok "malformed dictionary lines" "exit $rc $(cat "$TMP/err")"
printf 'Headline\nArnor condemned Libya on Monday in a statement.\n' >"$TMP/arn.txt"
"$DYAD" code --dict "$TMP/bad.actors,$TMP/bad.verbs" "$TMP/arn.txt" >"$TMP/o" 2>/dev/null; rc=$?
grep -q '"source":"ARN"' "$TMP/o" && ok "bad dictionary lines skipped, the rest loads" || not_ok "bad dictionary lines skipped" "exit $rc"

# ---- reliability: every class of bad input and fault (README, Reliability) ----
. tests/reliability.sh

# ---- README and --help examples run as written ----
sed -n '/^examples:/,/^$/p' "$TMP/help" | sed -n 's/^  dyad //p' >"$TMP/ex"
sed -n '/^\.EX/,/^\.EE/p' man/dyad.1 | sed -n 's/\\-/-/g; s/^dyad //p' >>"$TMP/ex"
awk '/^```sh/ { f = 1; next } /^```/ { f = 0 } f && /^dyad / { sub(/^dyad /, ""); print }' README.md >>"$TMP/ex"
n=0
while IFS= read -r args; do
    n=$((n + 1))
    eval "set -- $args"
    "$DYAD" "$@" >"$TMP/exo" 2>&1; rc=$?
    # validate exits 1 when records fail; that is a report, not a crash
    if [ $rc = 0 ] || { [ $rc = 1 ] && [ "$1" = validate ]; }; then ok "example: dyad $args"; else not_ok "example: dyad $args" "exit $rc $(tail -5 "$TMP/exo")"; fi
done <"$TMP/ex"
[ $n -ge 3 ] || not_ok "examples found in README and --help" "only $n"

# ---- states through time (README, "Actors through time"): the story's date
# picks the state a name or capital stands for; each event checked by hand
# against the facts in dict/src/states-history.tsv ----
printf '%s\n' '{"id":"a","date":"1985-06-01","text":"Moscow criticized Washington. Juba accused Khartoum of arming rebels. East Germany accused Bonn of spying."}' \
    '{"id":"b","date":"2020-06-01","text":"Moscow criticized Washington. Juba accused Khartoum of arming rebels. Zaire accused Uganda of arming rebels."}' \
    '{"id":"c","date":"1999-03-24","text":"Yugoslav forces shelled Kosovo. Belgrade accused NATO of aggression."}' >"$TMP/hist.jsonl"
"$DYAD" code "$TMP/hist.jsonl" | sed 's/.*"doc_id":"\([a-z]\)","sentence":\([0-9]*\),[^}]*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([0-9]*\)".*/\1\2 \3 \4 \5/' >"$TMP/o"
printf '%s\n' 'a1 SUN USA 111' 'a2 SDN ---REB 112' 'a3 DDR DEU 1125' 'b1 RUS USA 111' 'b2 SSD SDN 112' 'b3 COD UGA 112' \
    'c1 YUGMIL KSV 194' 'c2 YUG IGOWSTNAT 1123' >"$TMP/want"
cmp -s "$TMP/o" "$TMP/want" && ok "states through time: Moscow is the Soviet Union's before 1991-12-26, Juba Sudan's before 2011-07-09, Belgrade Yugoslavia's in 1999" \
    || not_ok "states through time" "$(tr '\n' ';' <"$TMP/o")"
printf '%s\n' '{"id":"d","date":"1985-06-01","text":"Thatcher criticized Kohl. Gorbachev accused Reagan of lying. The Kremlin criticized NATO. The Warsaw Pact accused NATO of aggression. RENAMO accused FRELIMO of cheating."}' \
    '{"id":"f","date":"2020-06-01","text":"RENAMO accused FRELIMO of cheating."}' \
    '{"id":"e","date":"2020-06-01","text":"Thatcher criticized Kohl."}' >"$TMP/hist.jsonl"
"$DYAD" code "$TMP/hist.jsonl" | sed 's/.*"doc_id":"\([a-z]\)","sentence":\([0-9]*\),[^}]*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([0-9]*\)".*/\1\2 \3 \4 \5/' >"$TMP/o"
printf '%s\n' 'd1 GBRGOV DEUGOV 111' 'd2 SUNGOV USAGOV 112' 'd3 SUNGOV IGOWSTNAT 111' 'd4 IGOEEUWAP IGOWSTNAT 1123' 'd5 MOZREB MOZGOV 112' 'f1 MOZOPP MOZGOV 112' 'e1 GBRELI DEUELI 111' >"$TMP/want"
cmp -s "$TMP/o" "$TMP/want" && ok "office holders through time: Thatcher, Kohl, Gorbachev and Reagan govern in 1985, are their countries' elites in 2020; the Kremlin is the Soviet government in 1985; the Warsaw Pact is no Pole; RENAMO rebels in 1985, opposition in 2020" \
    || not_ok "office holders through time" "$(tr '\n' ';' <"$TMP/o")"
# the generated actor files are what their tools make of dict/src and iso-codes
if command -v python3 >/dev/null && [ -f /usr/share/iso-codes/json/iso_3166-3.json ]; then
    python3 tools/gen-countries.py >"$TMP/c.actors" 2>/dev/null && python3 tools/gen-leaders.py >"$TMP/l.actors" 2>/dev/null \
        && cmp -s "$TMP/c.actors" dict/countries.actors && cmp -s "$TMP/l.actors" dict/leaders.actors \
        && ok "dict/countries.actors and dict/leaders.actors are what tools/gen-*.py make of dict/src" \
        || not_ok "generated actor files" "run tools/gen-countries.py > dict/countries.actors and tools/gen-leaders.py > dict/leaders.actors"
fi

# ---- a document's speaker (README, "Speeches and statements"): its first
# person outside quotations is that actor; each event below checked by hand
# against its sentence ----
printf 'Statement of Poland\n\nWe condemn the Russian invasion of Ukraine. My Government supports Ukraine. I thank Japan for its aid. Our delegation met Chile. My country welcomes the talks between Armenia and Azerbaijan.\n' >"$TMP/speech.txt"
"$DYAD" code --speaker POL "$TMP/speech.txt" | events >"$TMP/o"
printf '%s\n' '2 POL RUS 111' '3 POLGOV UKR 051' '4 POL JPN 051' '5 POLGOV CHL 040' '5 CHL POLGOV 040' '6 POL ARM 051' '6 POL AZE 051' >"$TMP/want"
none=$("$DYAD" code "$TMP/speech.txt" | grep -c '"source":"POL')
cmp -s "$TMP/o" "$TMP/want" && [ "$none" = 0 ] && ok "--speaker: 'we', 'I', 'my country' are the speaker, 'my Government' and 'our delegation' its state's (none without it)" \
    || not_ok "--speaker" "$(tr '\n' ';' <"$TMP/o") (without: $none POL events)"
# "Let us ..." exhorts (no act); "Let me ..." is the speaker's own act
printf 'X\n\nLet us support Israel. Let me congratulate Ghana on its election.\n' | "$DYAD" code --speaker USA | events >"$TMP/o"
printf 'X\n\nLet us support Israel. Let me congratulate Ghana on its election.\n' | "$DYAD" code --speaker USA --syntax linear | events >"$TMP/o2"
[ "$(cat "$TMP/o")" = "3 USA GHA 051" ] && grep -q '^2 USA ISR 051' "$TMP/o2" \
    && ok "--syntax parse: an imperative is no act ('Let us support Israel'), but 'Let me congratulate Ghana' is the speaker's (linear: both)" \
    || not_ok "imperative" "parse: $(tr '\n' ';' <"$TMP/o") linear: $(tr '\n' ';' <"$TMP/o2")"
printf '%s\n' '{"id":"a","speaker":"NOR","text":"We condemn the Russian invasion of Ukraine."}' \
    '{"id":"b","speaker":"nor","text":"We condemn the Russian invasion of Ukraine."}' \
    '{"id":"c","text":"We condemn the Russian invasion of Ukraine."}' >"$TMP/sp.jsonl"
"$DYAD" code --speaker SWE "$TMP/sp.jsonl" >"$TMP/o" 2>"$TMP/e"; rc=$?
[ $rc = 1 ] && grep -q 'sp.jsonl:2:1: "speaker"' "$TMP/e" && grep -q '"doc_id":"a","sentence":1,"date":null,"source":"NOR","target":"RUS","code":"111"' "$TMP/o" \
    && grep -q '"doc_id":"c","sentence":1,"date":null,"source":"SWE","target":"RUS"' "$TMP/o" && [ "$(wc -l <"$TMP/o")" = 2 ] \
    && ok "JSON Lines \"speaker\": a record's own, else --speaker; a bad one is reported as file:line and the rest coded" \
    || not_ok "JSON Lines speaker" "exit $rc $(cat "$TMP/e") $(cat "$TMP/o")"
# a speech's venue: its presiding officer is the venue's, not a government
# of no state; "our President" and "President Abbas" are not
printf '%s\n' '{"id":"a","speaker":"NOR","venue":"IGOUNO","text":"We thank the outgoing President for his work."}' \
    '{"id":"b","speaker":"NOR","venue":"igo","text":"We thank the outgoing President for his work."}' \
    '{"id":"c","speaker":"NOR","text":"We thank the outgoing President for his work."}' \
    '{"id":"d","speaker":"NOR","text":"I talked with President Abbas. We thank our President for his work."}' >"$TMP/venue.jsonl"
"$DYAD" code --venue IGOAFRAFU "$TMP/venue.jsonl" >"$TMP/o0" 2>"$TMP/e"; rc=$?
events <"$TMP/o0" >"$TMP/o"
[ $rc = 1 ] && grep -q 'venue.jsonl:2:1: "venue"' "$TMP/e" \
    && [ "$(tr '\n' ';' <"$TMP/o")" = "1 NOR IGOUNOGOV 051;1 NOR IGOAFRAFUGOV 051;1 NOR ---GOV 040;1 ---GOV NOR 040;2 NOR NORGOV 051;" ] \
    && ok "JSON Lines \"venue\" and --venue: the presiding officer is the body's ('the outgoing President'), not 'President Abbas' or 'our President'" \
    || not_ok "venue" "exit $rc $(cat "$TMP/e") $(tr '\n' ';' <"$TMP/o")"
U="$SHARED/corpus/ungdc-2010-2024.jsonl.zst"
if [ -f "$U" ]; then
    # the README's pipeline, as written but for the file's place
    sed -n '/^zstd -dc ungdc/,/^```/p' README.md | sed '$d' | sed "s#ungdc-2010-2024.jsonl.zst#$U#; s#| dyad code#| \"\$DYAD\" code#" >"$TMP/ex.sh"
    DYAD="$DYAD" sh "$TMP/ex.sh" >"$TMP/o" 2>"$TMP/e"; rc=$?
    n=$(grep -c '"source":"AFG","target":"[A-Z]*","code":"[0-9]*","root":"[0-9]*","quad":[0-9],"goldstein":[-0-9.]*,"source_text":"We"' "$TMP/o")
    [ $rc = 0 ] && [ "$n" -ge 10 ] && ok "README: the UN speeches coded with their speakers ($(wc -l <"$TMP/o") events; Afghanistan's 'we': $n)" \
        || not_ok "README: UN speeches with speakers" "exit $rc, $n AFG 'we' events; $(head -3 "$TMP/e")"
fi

# ---- the seed article (a news agency's text, read from ../shared): every
# event a human coder would write, listed by hand with the reasoning in
# tests/golden/seed-article.expect; compared at country level and CAMEO root,
# nothing more and nothing less (known misses are listed there as such) ----
SEED="$SHARED/corpus/seed-article.txt"
if [ -f "$SEED" ]; then
    "$DYAD" code --date 2018-06-11 "$SEED" | events \
        | awk '{ print $1, substr($2, 1, 3), substr($3, 1, 3), substr($4, 1, 2) }' | sort -u >"$TMP/seed"
    grep -v '^#' tests/golden/seed-article.expect | grep -v '^missing' | grep . | sort -u >"$TMP/seed.want"
    if diff -u "$TMP/seed.want" "$TMP/seed" >"$TMP/seed.diff"; then
        ok "seed article: every hand-coded event and nothing else ($(wc -l <"$TMP/seed") events; $(grep -c '^missing' tests/golden/seed-article.expect) known miss)"
    else
        not_ok "seed article: events differ from tests/golden/seed-article.expect" "$(cat "$TMP/seed.diff")"
    fi
else
    not_ok "seed article" "$SEED not found"
fi

# ---- fuzz corpus replay ----
if [ -x "${FUZZ_REPLAY:-}" ]; then
    if "$FUZZ_REPLAY" tests/fuzz/corpus/* >"$TMP/fz" 2>&1; then ok "fuzz corpus replay ($(ls tests/fuzz/corpus | wc -l) inputs)"; else not_ok "fuzz corpus replay" "$(tail -5 "$TMP/fz")"; fi
fi

# ---- validation suites: each one test, held to the best score reached
# (tests/scores); raise a score there when the coder improves ----
best() { awk -v k="$1" '$1 == k { print $2 }' tests/scores; }
V="$SHARED/peers/tabari/validation/Validate.project"
if [ -f "$V" ]; then
    "$DYAD" validate tabari "$V" >"$TMP/val" 2>&1
    line=$(tail -1 "$TMP/val")
    got=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    b=$(best tabari)
    if [ -n "$got" ] && [ "$got" -ge "$b" ]; then ok "TABARI validation suite: $got of $(($(echo "$line" | sed 's/.* \([0-9]*\) failed/\1/') + got)) (best $b)"; else not_ok "TABARI validation suite below $b" "$line"; fi
else
    not_ok "TABARI validation suite" "$V not found"
fi
P="$SHARED/peers/petrarch2/validation/PETR.UnitTest.records.xml"
if [ -f "$P" ]; then
    "$DYAD" validate petrarch "$P" >"$TMP/pv" 2>&1
    line=$(tail -1 "$TMP/pv")
    got=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    b=$(best petr-unit)
    if [ -n "$got" ] && [ "$got" -ge "$b" ]; then ok "PETRARCH unit-test records: $line (best $b exact)"; else not_ok "PETRARCH unit-test records below $b" "$line"; fi
else
    not_ok "PETRARCH unit-test records" "$P not found"
fi
found() { sed -n 's/^events: \([0-9]*\) of.*/\1/p' "$1"; }
U="$SHARED/peers/universalpetrarch/PETR_Validate_records_2_02.xml"
if [ -f "$U" ]; then
    "$DYAD" validate petrarch "$U" >"$TMP/uv" 2>&1
    got=$(found "$TMP/uv"); b=$(best up-found)
    if [ -n "$got" ] && [ "$got" -ge "$b" ]; then ok "UniversalPetrarch records: $(grep '^events:' "$TMP/uv") (best $b)"; else not_ok "UniversalPetrarch records below $b" "$(tail -3 "$TMP/uv")"; fi
else
    not_ok "UniversalPetrarch records" "$U not found"
fi
G="$SHARED/peers/universalpetrarch/PETR2_GSR_validation.xml"
if [ -f "$G" ]; then
    "$DYAD" validate petrarch "$G" --dict "$SHARED/peers/petrarch2/dictionaries" --country >"$TMP/gv" 2>&1
    got=$(found "$TMP/gv"); b=$(best gsr-found)
    if [ -n "$got" ] && [ "$got" -ge "$b" ]; then ok "GSR news records, Phoenix pack: $(grep '^events:' "$TMP/gv") (best $b)"; else not_ok "GSR news records below $b" "$(tail -3 "$TMP/gv")"; fi
    # the built-in pack alone, compared at country level and CAMEO root.
    # It reads the tree (parse) since 2026-12: 63 found, 10 extra, where
    # linear finds 64 with 11 extra. The one lost is by the CAMEO codebook:
    # "The United States will supply arms to Israel" is an intent (03x),
    # where the GSR wants the act (07); an "unless" clause's act is no
    # longer coded (an extra gone). Meetings, talks and accords are coded
    # both ways (SET: MUTUAL, as the CAMEO codebook asks): the GSR codes
    # some so ("Petraeus held talks with President Suleiman": one found
    # more) and some one way (two extra: "met with Syrian President Bashar
    # Assad", "meet with exiled dissidents from Myanmar"): 64 and 12. An act
    # one agrees, plans or is prepared to do is the intent (03x), as the
    # codebook's 03 says, where the GSR codes the act: "Obama has agreed to
    # lift the sanctions on Iran" (08), "the US leader prepared to attend
    # the Beijing Olympics" (04), and "Qatar has pledged to expel exiled
    # leaders" (17, expulsion has no intent code: no event): 61, and two
    # extra (03 where the GSR wants 04 and 08): 14
    "$DYAD" validate petrarch "$G" --dict builtin --country --root >"$TMP/gb" 2>&1
    got=$(found "$TMP/gb"); b=$(best gsr-builtin)
    # extra events count too: the issue asks for few
    xtra=$(sed -n 's/^events: .*, \([0-9]*\) extra.*/\1/p' "$TMP/gb"); bx=$(best gsr-builtin-extra)
    if [ -n "$got" ] && [ "$got" -ge "$b" ] && [ -n "$xtra" ] && [ "$xtra" -le "$bx" ]; then
        ok "GSR news records, built-in pack: $(grep '^events:' "$TMP/gb") (best $b found, $bx extra)"
    else
        not_ok "GSR news records, built-in pack, below $b found or over $bx extra" "$(tail -3 "$TMP/gb")"
    fi
else
    not_ok "GSR news records" "$G not found"
fi

# ---- hand-coded news sentences, built-in pack: sentences coded exactly
# (extra events count against it) and events matched on the full code, in
# both modes (the built-in pack reads the tree by default) ----
printf 'SET: SYNTAX = LINEAR\n' >"$TMP/linear.options"
ratchet_events() { # what, file, key, dictionary
    "$DYAD" validate events "$2" --dict "$4" >"$TMP/ev" 2>&1
    got=$(sed -n 's/^\([0-9]*\) passed.*/\1/p' "$TMP/ev"); b=$(best "$3-passed")
    full=$(sed -n 's/^full code: .*(\([0-9]*\)\/[0-9]*), recall.*/\1/p' "$TMP/ev"); bf=$(best "$3-full")
    if [ -n "$got" ] && [ "$got" -ge "$b" ] && [ -n "$full" ] && [ "$full" -ge "$bf" ]; then
        ok "$1: $(tail -1 "$TMP/ev"); $(grep '^full code' "$TMP/ev"); $(grep '^CAMEO root' "$TMP/ev") (best $b, $bf)"
    else
        not_ok "$1: below $b exact / $bf matched" "$(tail -4 "$TMP/ev")"
    fi
}
# against linear, by design: an act 'in 2017' in a story of 2023 is
# background; as a flaw: a quote kept whole adds IRN --- 010
ratchet_events "news sentences, built-in pack (parse)" tests/golden/news.txt news builtin
# linear mode codes "agreed to X" as X, without the tree's open complement
# (4 sentences of news.txt, recoded to the codebook's intent 2026-12-07)
ratchet_events "news sentences, built-in pack, --syntax linear" tests/golden/news.txt news-linear "builtin+$TMP/linear.options"

# ---- the real-text development set (tests/golden/real/dev.txt: sentences
# drawn from ../shared/corpus and coded by hand before dyad saw them): no
# worse than recorded; its final part is not scored here. Linear mode
# went from 160 to 159 on 2026-12-08 when the Presidents of the General
# Assembly became actors: word order reads "We congratulate Mr. Peter
# Thomson ... and extend our gratitude to Mr. Mogens Lykketoft" with
# Thomson as the one who thanks (the tree, the default, reads "we", of no
# speaker here: no event) ----
ratchet_events "real-text dev set, built-in pack (parse)" tests/golden/real/dev.txt real-dev builtin
ratchet_events "real-text dev set, built-in pack, --syntax linear" tests/golden/real/dev.txt real-dev-linear "builtin+$TMP/linear.options"

# ---- the 1979-2005 set (tests/golden/history.txt: news of those years,
# written and coded by hand before dyad saw it; issue 15): no worse than
# recorded ----
ratchet_events "1979-2005 news sentences, built-in pack (parse)" tests/golden/history.txt history builtin
# ... and the sentences that show a code each (tests/golden/codes.txt)
ratchet_events "CAMEO code sentences, built-in pack (parse)" tests/golden/codes.txt codes builtin

# ---- what --syntax parse changes: each case against linear's reading ----
printf 'Russia has a large supply of gas for Germany.\n' >"$TMP/supply.txt"
lin=$("$DYAD" code --syntax linear "$TMP/supply.txt" | grep -c '"code"'); par=$("$DYAD" code --syntax parse "$TMP/supply.txt" | grep -c '"code"')
[ "$lin" = 1 ] && [ "$par" = 0 ] && ok "--syntax parse: 'a large supply of gas' is no verb (linear codes it: 070)" \
    || not_ok "--syntax parse: noun taken for a verb" "linear $lin, parse $par events"
printf 'Martin Griffiths, the United Nations relief chief, urged Israel to allow aid into Gaza.\n' >"$TMP/appos.txt"
lin=$("$DYAD" code --syntax linear "$TMP/appos.txt" | grep -c '"code"')
par=$("$DYAD" code --syntax parse "$TMP/appos.txt" | grep -c '"source":"IGO[A-Z]*","target":"ISR","code":"02')
[ "$lin" = 0 ] && [ "$par" = 1 ] && ok "--syntax parse: an apposition between commas is kept (the UN's relief chief urged Israel: IGO ISR 02x)" \
    || not_ok "--syntax parse: apposition" "linear $lin events, parse $par IGO-ISR appeals"
printf 'It is important that the deal on Iran is honoured, and I welcome the talks between the United States and Russia.\n' >"$TMP/subj.txt"
lin=$("$DYAD" code --syntax linear "$TMP/subj.txt" | grep -c '"source":"IRN"'); par=$("$DYAD" code --syntax parse "$TMP/subj.txt" | grep -c '"code"')
[ "$lin" = 2 ] && [ "$par" = 0 ] && ok "--syntax parse: the source is the verb's subject ('I welcome', not Iran: no event)" \
    || not_ok "--syntax parse: source from the subject" "linear $lin IRN events, parse $par events"
printf 'The rebels who attacked the convoy were arrested by Malian soldiers.\n' >"$TMP/relcl.txt"
lin=$("$DYAD" code --syntax linear "$TMP/relcl.txt" | grep -c '"target":"MLI[A-Z]*","code":"19'); par=$("$DYAD" code --syntax parse "$TMP/relcl.txt" | grep -c '"target":"MLI[A-Z]*","code":"19')
[ "$lin" = 1 ] && [ "$par" = 0 ] && ok "--syntax parse: a relative clause's verb does not take the main clause's actor as its target" \
    || not_ok "--syntax parse: relative clause target" "linear $lin, parse $par attacks on Mali"
printf '{"id":"h","date":"2020-10-29","text":"Saudi Arabia blockaded Qatar in 2017. Saudi Arabia blockaded Qatar on Monday."}\n' >"$TMP/hist.jsonl"
lin=$("$DYAD" code --syntax linear "$TMP/hist.jsonl" | grep -c '"code":"191"'); par=$("$DYAD" code --syntax parse "$TMP/hist.jsonl" | grep -c '"sentence":2,.*"code":"191"')
npar=$("$DYAD" code --syntax parse "$TMP/hist.jsonl" | grep -c '"code"')
[ "$lin" = 2 ] && [ "$par" = 1 ] && [ "$npar" = 1 ] && ok "--syntax parse: an act dated years before the story ('in 2017', story 2020) is background, not news" \
    || not_ok "--syntax parse: history" "linear $lin, parse $npar events ($par of sentence 2)"
printf 'The Holy See encourages the talks between Armenia and Azerbaijan.\n' >"$TMP/names.txt"
par=$("$DYAD" code --syntax parse "$TMP/names.txt" | grep -c '"source":"VAT","target":"A[RZ][ME]","code":"02')
"$DYAD" parse "$TMP/names.txt" | grep -q '^3	See	_	VERB' && alone=verb || alone=other
[ "$par" = 2 ] && ok "--syntax parse: the dictionaries' names are no verbs to the tagger ('Holy See' is no verb: VAT ARM/AZE 02x; alone the tagger says $alone)" \
    || not_ok "--syntax parse: names for the tagger" "$par VAT events"
# event status on the tree (doc/tree-coder.md, rule 9): each sentence is
# coded in both modes; the pattern is what parse mode must give, and the
# linear reading shows the act it is not
status_case() { # what, sentence, linear's pattern, parse's pattern
    printf '%s\n' "$2" >"$TMP/status.txt"
    "$DYAD" code --syntax linear "$TMP/status.txt" >"$TMP/sl" 2>&1
    "$DYAD" code --syntax parse "$TMP/status.txt" >"$TMP/sp" 2>&1
    if [ -z "$4" ]; then n=0; else n=$(grep -c "$4" "$TMP/sp"); fi
    if grep -q "$3" "$TMP/sl" && [ "$(grep -c '"code"' "$TMP/sp")" = "$n" ] && [ -z "$4" -o "$n" = 1 ]; then
        ok "--syntax parse: $1"
    else
        not_ok "--syntax parse: $1" "linear: $(head -c 300 "$TMP/sl"); parse: $(head -c 300 "$TMP/sp")"
    fi
}
status_case "a relative pronoun stands for the noun its clause hangs on ('Pakistan hosts networks that attack Afghanistan': no PAK AFG 190)" \
    "Pakistan hosts networks that attack Afghanistan." '"source":"PAK","target":"AFG","code":"190"' ''
status_case "a relative pronoun after a copula stands for its subject ('Norway is the only country that has criticized Russia': NOR RUS 111)" \
    "Norway is the only country that has criticized Russia this year." '"source":"NOR","target":"RUS","code":"111"' '"source":"NOR","target":"RUS","code":"111"'
status_case "an act deep in an 'if' clause is a condition ('Imagine if Russia had engaged in diplomacy and worked with Ukraine': no RUS UKR 030)" \
    "Imagine if Russia had engaged in true diplomacy and worked with Ukraine." '"source":"RUS","target":"UKR","code":"030"' ''
status_case "'will' on the verb whose open complement the act is ('will continue to support': CHN PAK 032, linear 051)" \
    "China will continue to support Pakistan." '"source":"CHN","target":"PAK","code":"051"' '"source":"CHN","target":"PAK","code":"032"'
status_case "'must' on the verb whose open complement the act is ('Russia must begin to release ..., France said': FRA RUS 1053)" \
    "Russia must begin to release Ukrainian prisoners, France said." '"source":"RUS","target":"UKRCVL","code":"0841"' '"source":"FRA","target":"RUS","code":"1053"'
status_case "a passive's oblique names its doer only by a modifier ('killed in Israeli shelling'), not as its noun ('Trump was released from the hospital': no ---HLH USAGOV 084)" \
    "After a three day stay, Trump was released from the hospital." '"source":"---HLH","target":"USAGOV","code":"084"' ''
status_case "an act someone 'needs to' do is the reporter's appeal ('Iceland said Russia needs to withdraw its troops': ISL RUS 0256)" \
    "Iceland said Russia needs to withdraw its troops from Ukraine." '"source":"RUS","target":"ISL","code":"0874"' '"source":"ISL","target":"RUS","code":"0256"'
status_case "the one asked to act is the target, not the matter of the act asked ('Kuwait called on all States to cooperate with the International Atomic Energy Agency': no KWT IGOUNOIAE 02x)" \
    "Kuwait called on all States to cooperate with the International Atomic Energy Agency." '"source":"KWT","target":"IGOUNOIAE","code":"02' ''
status_case "... and an asked one named is the target ('France urged Russia to withdraw its troops from Ukraine': FRA RUS 0256)" \
    "France urged Russia to withdraw its troops from Ukraine." '"source":"FRA","target":"RUS","code":"0256"' '"source":"FRA","target":"RUS","code":"0256"'
status_case "the place where a meeting was held is no party to it ('Guatemala held the summit ... in Antigua': linear GTM ATG 040)" \
    "Guatemala held the summit of Heads of State in Antigua." '"source":"GTM","target":"ATG","code":"040"' ''
status_case "... but what is praised may lie there ('Senegal welcomed the holding of elections in Mali': SEN MLI 051)" \
    "Senegal welcomed the holding of elections in Mali." '"source":"SEN","target":"MLI","code":"051"' '"source":"SEN","target":"MLI","code":"051"'
status_case "a past participle on a noun names no doer without 'by' ('criminal structures allied with the ELN': no VEN COLREB 050)" \
    "Venezuela has become fertile ground for criminal structures allied with the ELN." '"source":"VEN","target":"COLREB","code":"050"' ''
status_case "an act one agrees to do is the intent to do it ('Iran agreed to release the British sailors': 0353, linear 0841)" \
    "Iran agreed to release the British sailors." '"source":"IRN","target":"GBR","code":"0841"' '"source":"IRN","target":"GBR","code":"0353"'
status_case "... of whatever kind ('Russia agreed to withdraw its troops from Georgia': 0356, linear 0874)" \
    "Russia agreed to withdraw its troops from Georgia." '"source":"RUS","target":"GEOMIL","code":"0874"' '"source":"RUS","target":"GEOMIL","code":"0356"'
status_case "asking whether is an inquiry, no appeal ('Russia asked whether Ukraine would attend the talks': linear RUS UKR 020)" \
    "Russia asked whether Ukraine would attend the talks." '"source":"RUS","target":"UKR","code":"020"' ''
status_case "a present participle before a noun has that noun as its doer, not the clause's subject ('Carrie Lam was interrupted by protesting legislators': linear HKGELI HKGLEG 140)" \
    "Speaking in the Legislative Council, Carrie Lam was interrupted by protesting legislators." '"source":"HKGELI","target":"HKGLEG","code":"140"' ''
status_case "a verb of one word tagged an adjective on the noun after it is no verb ('distributes free textbooks': linear BGD ---EDU 0841)" \
    "Bangladesh distributes free textbooks to Rohingya students." '"source":"BGD","target":"---EDU","code":"0841"' ''
status_case "an act in an infinitive that a word asks for is not done ('Turkey has failed to support Greece': linear TUR GRC 051)" \
    "Turkey has failed to support Greece." '"source":"TUR","target":"GRC","code":"051"' ''
status_case "... nor one on a noun ('a call for efforts to normalize relations with the United States': linear CUB USA 054)" \
    "Cuba renewed its call for efforts to normalize relations with the United States." '"source":"CUB","target":"USA","code":"054"' ''
status_case "... nor one that is another's chance, not the speaker's frame ('Iran has the opportunity to negotiate': linear IRN USA 046)" \
    "Iran has the opportunity to negotiate with the United States." '"source":"IRN","target":"USA","code":"046"' ''
status_case "... but one done after an implicative word is ('Norway was the first country to criticize Russia': NOR RUS 111)" \
    "Norway was the first country to criticize Russia." '"source":"NOR","target":"RUS","code":"111"' '"source":"NOR","target":"RUS","code":"111"'
status_case "... and so is the act a speaker's frame names ('Egypt would like to thank Japan': EGY JPN 051)" \
    "Egypt would like to thank Japan for its support." '"source":"EGY","target":"JPN","code":"051"' '"source":"EGY","target":"JPN","code":"051"'
status_case "an act one has the right to do is no act ('Israel has every right to defend itself against Hamas': linear ISR PSEREB 052)" \
    "Israel has every right to defend itself against Hamas." '"source":"ISR","target":"PSEREB","code":"052"' ''
status_case "an act one has the obligation to do is the reporter's appeal ('Iceland said Russia has the obligation to withdraw its troops': ISL RUS 0256)" \
    "Iceland said Russia has the obligation to withdraw its troops from Ukraine." '"source":"RUS","target":"ISL","code":"0874"' '"source":"ISL","target":"RUS","code":"0256"'
status_case "another's act hoped for is the hoper's appeal ('Japan hopes that Russia will withdraw its troops': JPN RUS 0256)" \
    "Japan hopes that Russia will withdraw its troops from Ukraine." '"source":"JPN","target":"UKRMIL","code":"0874"' '"source":"JPN","target":"RUS","code":"0256"'
status_case "one's own act wished for stays as it is ('Cameroon wishes to thank Japan': CMR JPN 051)" \
    "Cameroon wishes to thank Japan for its aid." '"source":"CMR","target":"JPN","code":"051"' '"source":"CMR","target":"JPN","code":"051"'
status_case "an infinitive of purpose has its governing verb's subject ('We continue ... to use the talks to resolve their differences with Japan': 'we', no one named, no event)" \
    "We continue our call for all sides to use the talks to resolve their differences with Japan." '"source":"---GOV","target":"JPN","code":"030"' ''
status_case "who tells of a passive's act ('according to the Connecticut Department ...') is not its doer (linear: USA ---CVL 190)" \
    "Fourteen people were injured in the crash, according to Commissioner James Rovella of the Connecticut Department of Emergency Services." '"source":"USA","target":"---CVL","code":"190"' ''
status_case "the target lies in the verb's own clause, not in an adverbial one ('criticized the plan because Japan ...': no CHN JPN 111)" \
    "China criticized the plan because Japan had angered Korea." '"source":"CHN","target":"JPN","code":"111"' ''
status_case "a passive with no agent has no source ('According to Mexico's President, six Mexican nationals were killed': linear MEX MEXGOV 190)" \
    "According to Mexican President Andres Manuel Lopez Obrador, six Mexican nationals were killed in the attack." \
    '"source":"MEX","target":"MEXGOV","code":"190"' ''
status_case "a future act is the intent to do it ('will send aid': 033, linear 070)" "China will send aid to Pakistan." \
    '"source":"CHN","target":"PAK","code":"070"' '"source":"CHN","target":"PAK","code":"033"'
status_case "a headline's infinitive is an intent ('China to send aid to Pakistan': 033)" "China to send aid to Pakistan" \
    '"source":"CHN","target":"PAK","code":"070"' '"source":"CHN","target":"PAK","code":"033"'
status_case "a question codes nothing ('Will China attack Pakistan?', linear 190)" "Will China attack Pakistan?" \
    '"code":"190"' ''
status_case "'would attack ... if' is a threat (138x, linear 190)" "China would attack Pakistan if it crossed the border." \
    '"source":"CHN","target":"PAK","code":"190"' '"source":"CHN","target":"PAK","code":"138'
status_case "'must' is the speaker's demand on the doer (China demands that Pakistan release: 105x)" \
    "Pakistan must release the Chinese workers, China said." '"source":"PAK","target":"CHN[A-Z]*","code":"0841"' \
    '"source":"CHN","target":"PAK","code":"105'
status_case "an act asked for by no one named codes nothing ('The world must help Afghanistan')" \
    "The United Nations must help Afghanistan." '"source":"IGO[A-Z]*","target":"AFG","code":"0' ''
status_case "an act said to be needed is no act ('It is important for the Security Council to collaborate ...': linear 060)" \
    "It is important for the Security Council to collaborate closely with the African Union." \
    '"source":"IGO[A-Z]*","target":"IGO[A-Z]*","code":"060"' ''
status_case "... and the reporter's appeal when one is named ('Iceland said it is vital that Russia withdraws its troops': 0256)" \
    "Iceland said it is vital that Russia withdraws its troops from Ukraine." '"code":"0874"' \
    '"source":"ISL","target":"RUS","code":"0256"'
status_case "'will attack ... unless' is a threat, and the condition no act (1384, linear 190)" \
    "Russia will attack Ukraine unless NATO withdraws." '"source":"RUS","target":"UKR","code":"190"' \
    '"source":"RUS","target":"UKR","code":"1384"'
"$DYAD" code --syntax tree "$TMP/supply.txt" >/dev/null 2>"$TMP/o"; rc=$?
[ $rc = 2 ] && grep -q "not parse or linear" "$TMP/o" && ok "--syntax: an unknown mode exits 2" || not_ok "--syntax unknown mode" "exit $rc"

printf 'date 2020-13-45\ns Arnor met Gondor.\n' >"$TMP/badnews.txt"
"$DYAD" validate events "$TMP/badnews.txt" >"$TMP/o" 2>&1; rc=$?
[ $rc = 1 ] && grep -q "badnews.txt:1:6: bad date" "$TMP/o" && ok "validate events: a malformed line is reported as file:line:col" \
    || not_ok "validate events: malformed line" "exit $rc $(cat "$TMP/o")"

# ---- light verbs with event nouns (src/light.c, doc/vocabulary.md) ----
code_case() { # what, sentence, the events expected ("SRC TGT CODE", ';' between, sorted), options
    printf '%s\n' "$2" >"$TMP/light.txt"
    got=$("$DYAD" code ${4:-} "$TMP/light.txt" 2>&1 | events | cut -d' ' -f2- | sort | paste -sd';' -)
    [ "$got" = "$3" ] && ok "coding: $1" || not_ok "coding: $1" "expected '$3', got '$got'"
}
code_case "pronoun agreement: 'it' does not stand for plural officials" \
    "Chinese officials said it attacked Taiwanese troops." ""
code_case "... nor for officials named first in the sentence" "Officials said it attacked Taiwanese troops." ""
code_case "... 'they' does" "Chinese officials said they attacked Taiwanese troops." "CHNGOV TWNMIL 190"
code_case "... 'it' stands for a state" "China said it attacked Taiwanese troops." "CHN TWNMIL 190"
code_case "... nor 'he' for a compound" "Iran and Pakistan said he attacked Indian troops." ""
printf 'SET: PRONOUN AGREEMENT = FALSE\n' >"$TMP/agreement-off.options"
code_case "... and the option off reads 'it' as the first actor, as TABARI does" \
    "Chinese officials said it attacked Taiwanese troops." "CHNGOV TWNMIL 190" "--dict builtin+$TMP/agreement-off.options"
code_case "an agent of an actor after 'the': 'the President of the United States' is USAGOV" \
    "Venezuela was threatened by the President of the United States." "USAGOV VEN 130"
code_case "an event noun's target is in its own phrase ('Trump's release' is no release of Kamala Harris)" \
    "A couple days after Trump’s release, the only vice presidential debate between Vice President Mike Pence and Democratic vice presidential nominee Kamala Harris took place in Utah." "" "--date 2020-10-10"
code_case "... 'Iran's support for Houthi militias' is" \
    "Iran's support for Houthi militias alarmed Saudi Arabia." "IRN YEMREBUAF 051" "--date 2020-10-10"
code_case "a verb the tree makes a noun in an argument's place has its target below it ('fire kills five children')" \
    "Florida highway pileup, fire kills five children, two truck drivers" "" "--date 2019-05-01"
code_case "an intent takes no target from the place of the act it intends ('wishes to carry its responsibilities in the Security Council')" \
    "Finland wishes to continue to carry its responsibilities in the Security Council." "" "--date 2012-09-25"
code_case "a passive's place is not its doer ('were killed in the United States': no USA 190)" \
    "At least seven people were killed in the United States yesterday." "" "--date 2019-10-03"
code_case "... an actor in the oblique that names the act is ('killed in Israeli tank shelling': ISRMIL)" \
    "Four children and a man were killed in Israeli tank shelling in the east of the Gaza Strip, medics said." "ISRMIL PSE 190" "--date 2008-04-18"
code_case "an act asked about is not reported ('would not say whether or not he supported Israel')" \
    "Biden would not say whether or not he supported Israel." "" "--date 2020-10-10"
code_case "... one said is ('said he supported Israel')" \
    "Biden said he supported Israel." "USAELI ISR 051" "--date 2020-10-10"
code_case "... nor one still to be decided ('will decide whether to impose sanctions on Iran')" \
    "The European Union will decide whether to impose sanctions on Iran." "" "--date 2020-10-10"
code_case "a state's words for its own people that are not their object are no event ('we want to achieve food security for our peoples')" \
    "We want to achieve food security for our peoples." "" "--speaker BFA --date 2019-09-25"
code_case "... words to them are ('I salute our people')" \
    "I salute our people everywhere." "BFA BFACVL 051" "--speaker BFA --date 2019-09-25"
code_case "... and so are words to them as addressees ('appealed to its citizens')" \
    "The Italian government appealed to its citizens to stay at home." "ITAGOV ITACVL 020" "--date 2020-03-20"
code_case "acknowledging another's support is praise ('acknowledge the support it has received from Japan': 051)" \
    "Palau would like to acknowledge the support it has received from Japan." "PLW JPN 051" "--date 2019-09-25"
code_case "... acknowledging what one did is an admission ('Russia acknowledged that its drone had strayed into Polish airspace': 015)" \
    "Russia acknowledged that its drone had strayed into Polish airspace." "RUS POL 015" "--date 2019-09-25"
code_case "a passive's oblique names no doer that is the matter of a clause on it ('found guilty on Thursday of raping a Canadian tourist')" \
    "Two French police officers were found guilty on Thursday of raping a Canadian tourist." "" "--date 2019-04-12"
code_case "... the actor of the oblique's act still is, beside a place ('killed in a United States operation in the Afghanistan/Pakistan region')" \
    "Three Taliban commanders were killed in a United States operation in the Afghanistan/Pakistan region." "USA AFGINSMIL 190" "--date 2019-08-01"
code_case "signing a state's own law is no agreement ('signed the Alabama Human Life Protection Act')" \
    "In Alabama, Governor Kay Ivey signed the Alabama Human Life Protection Act." "" "--date 2019-05-16"
code_case "a question codes nothing, and only the question: a story that ends asking keeps its other events" \
    '{"id":"q1","date":"2019-03-01","text":"China attacked Pakistan on Monday, the army said. Will India attack China next?"}' "CHN PAK 190" "--input jsonl"
code_case "a speaker's greeting is no visit ('I greet the General Assembly on behalf of my country': no 042/043)" \
    "I greet the General Assembly on behalf of my country." "" "--speaker TUR --date 2019-09-25"
code_case "asking why is an inquiry, no appeal ('asked why Biden did not already implement the policies')" \
    "Trump repeatedly asked why Biden did not already implement the policies he proposed." "" "--date 2020-10-10"
code_case "... asking someone to act is ('asked Biden to post the video')" \
    "Trump asked Biden to post the video." "USAGOV USAELI 020" "--date 2020-10-10"
code_case "a President of the General Assembly in the term of the session ('I congratulate Mr. Volkan Bozkir', September 2020: IGOUNOGOV)" \
    "I congratulate Mr. Volkan Bozkir on his election." "POL IGOUNOGOV 051" "--speaker POL --date 2020-09-22"
code_case "... and after it the United Nations' elite ('I thank Mr. Volkan Bozkir', 2022)" \
    "I thank Mr. Volkan Bozkir for his leadership." "POL IGOUNOELI 051" "--speaker POL --date 2022-09-22"
code_case "concluding a speech is no agreement ('Let me conclude by thanking the President of the General Assembly': 051, no 057)" \
    "Let me conclude by thanking the President of the General Assembly." "POL IGOUNOGOV 051" "--speaker POL --venue IGOUNO --date 2019-09-25"
code_case "... concluding an agreement is ('Yemen has concluded an agreement with the International Monetary Fund': 057 both ways)" \
    "Yemen has concluded an agreement with the International Monetary Fund." "IGOIMF YEM 057;YEM IGOIMF 057" "--date 2019-09-25"
code_case "protesters ending their own protest ease dissent ('suspended its protests against President Ruto': 082)" \
    "The Kenyan opposition suspended its protests against President Ruto." "KENOPP KENGOV 082" "--date 2023-06-12"
code_case "... the police ending 'the protest' do not" "Kenyan police ended the protest in Nairobi." "" "--date 2023-06-12"
code_case "'leadership' with no state is a quality, no government ('commends him for his outstanding leadership')" \
    "Cambodia commends him for his outstanding leadership." "" "--date 2019-09-25"
code_case "... with one it is its government ('the Iranian leadership rejected the proposal of France')" \
    "The Iranian leadership rejected the proposal of France." "IRNGOV FRA 120" "--date 2019-09-25"
code_case "a speaker's thanks that 'go to' someone are thanks, no visit ('Our gratitude also goes to Secretary-General Ban Ki-moon': 051)" \
    "Our gratitude also goes to Secretary-General Ban Ki-moon." "BRN IGOUNOGOV 051" "--speaker BRN --date 2011-09-25"
code_case "... a president who goes to a country visits it ('President Xi went to Pakistan')" \
    "President Xi went to Pakistan last week." "CHNGOV PAK 042;PAK CHNGOV 043" "--date 2019-09-25"
code_case "'wish to report' is a way of speaking, no intent ('I wish to remind the United Nations that Eritrea awaits action')" \
    "I wish to remind the United Nations that Eritrea awaits responsible and urgent action." "" "--speaker ERI --date 2019-09-25"
code_case "a party of no country facing a state's civil organs in a sentence that names that state alone is its ('the Egyptian government urged protesters')" \
    "The Egyptian government urged protesters to end their sit-in." "EGYGOV EGYOPP 0252" "--date 2013-08-01"
code_case "... not the victims of its force ('the Israeli government has killed more children')" \
    "The Israeli government has killed more children than any other." "ISRGOV ---CVL 190" "--date 2024-09-25"
code_case "the members of a passive's subject do nothing to each other ('Brazilian civilians and military personnel were killed')" \
    "Brazilian civilians and military personnel were killed." "" "--date 2019-09-04"
code_case "a speaker's courtesy one 'wishes' to do is done ('I wish also to extend my gratitude to Japan': 051, not an intent)" \
    "Kenya wishes also to extend its gratitude to Japan." "KEN JPN 051"
code_case "... not a threat one wants to carry out ('Iran wants to attack Israel': 138)" \
    "Iran wants to attack Israel." "IRN ISR 138"
code_case "... and its doer in its phrase too ('the police shooting sparked riots and looting' is no looting by the police)" \
    "The fatal police shooting of Walter Wallace Jr., a mentally ill African American man armed with a knife, sparked riots and looting in Philadelphia." "" "--date 2020-10-28"
code_case "a photo caption is not coded ('... stands with leaders from Israel ... AccordsImage: The White House.')" \
    "President Donald Trump stands with leaders from Israel, the UAE, and Bahrain, as part of the Abraham AccordsImage: The White House." "" "--date 2020-09-15"
code_case "a subject that is a plain noun phrase of no actor is no state named elsewhere ('The coalition came to Iraq to fight ISIS')" \
    "The coalition came to Iraq to fight ISIS after the group took over about a third of the country." "" "--date 2020-01-05"
code_case "a place after an honorific and before a surname is a first name ('Ms. Virginia Gamba'), not the state; 'Mr. Biden' stays" \
    "Kenya thanked Ms. Virginia Gamba and Mr. Biden." "KEN USAELI 051" "--date 2020-09-25"
code_case "a light verb that ends an event codes the noun's ending ('broke diplomatic relations': 161)" \
    "Argentina broke diplomatic relations with Britain." "ARG GBR 161"
code_case "... and one that does it the noun's event, negotiations both ways ('opened negotiations with Israel': 046)" \
    "Egypt opened negotiations with Israel." "EGY ISR 046;ISR EGY 046"
code_case "... the longest noun: military aid cut is 1622, not 162" \
    "The United States suspended military aid to Pakistan." "USA PAK 1622"
code_case "... a siege lifted eases a blockade (0872)" "Israel lifted the siege of Beirut." "ISR LBN 0872"
code_case "... an invasion launched occupies (192), the Soviet Union in 1979" \
    "The Soviet Union launched an invasion of Afghanistan." "SUN AFG 192" "--date 1979-12-27"
code_case "... a light verb's preposition joins its noun ('pulled out of the talks': 164)" \
    "Vietnam pulled out of the talks with China." "VNM CHN 164"
code_case "... and in word order too (linear: 'withdrew from the talks')" \
    "Vietnam withdrew from the talks with China." "VNM CHN 164" "--syntax linear"
code_case "... an actor in the noun is no party to it ('a military offensive' names no military target)" \
    "On Wednesday, Turkey began a military offensive with airstrikes." ""
code_case "... a light verb with no event noun after it is a plain word ('missile launches by North Korea' leave the condemnation its target)" \
    "Peru condemns the nuclear tests and ballistic missile launches by North Korea." "PER PRK 111"
code_case "... and an infinitive only asked for is not done: the appeal codes, specific ('call on the United States to end the embargo': 0254)" \
    "Gambia called on the United States to end the embargo against Cuba." "GMB USA 0254"

# a threat of no kind takes the kind of the act threatened (the codebook's
# 131-1385), as an appeal or a demand does
code_case "a threat takes the kind of its act ('threatened to blockade Taiwan': 1381, not 130)" \
    "China threatened to blockade Taiwan." "CHN TWN 1381"
code_case "... and keeps a kind its pattern gave ('threatened to destroy': 138)" \
    "North Korea threatened to destroy the American aircraft carrier." "PRK USA 138"

# the aim of reform or dissent is the codebook's fourth digit (src/aim.c)
code_case "an aim named after the act gives the fourth digit ('demonstrated against the government's judicial reform': 1412, not 141)" \
    "Thousands of Israelis demonstrated against the government's judicial reform." "ISR ISRGOV 1412"
code_case "... a leader's resignation is aim 1 ('a hunger strike to demand the president's resignation': 1421)" \
    "Opposition leaders in Togo began a hunger strike to demand the president's resignation." "TGOOPP TGOGOV 1421"
code_case "... and a constitution aim 4, for an intent too ('promised the European Union to reform its constitution': 0344)" \
    "Tunisia promised the European Union to reform its constitution." "TUN IGOEUREEC 0344"

code_case "what is talked about is no party to a meeting ('Pakistan talked about Afghanistan': no PAK AFG 040)" \
    "Pakistan talked about Afghanistan at length." ""
code_case "... but two who talk about it meet ('Russia and China talked about Syria': RUS CHN 040 both ways)" \
    "Russia and China talked about Syria." "CHN RUS 040;RUS CHN 040"
code_case "a fight of no kind stated takes the code of the means named after it ('killed three American soldiers with a roadside bomb': 1833)" \
    "Insurgents killed three American soldiers with a roadside bomb in Iraq." "IRQINS USAMIL 1833" "--date 2005-06-01"
code_case "... an airstrike is the codebook's aerial weapons (195)" \
    "United States forces killed Qasem Soleimani in an airstrike." "USAMIL IRNMIL 195" "--date 2020-01-03"
code_case "two who open talks at a venue meet each other, not the venue ('Israel and Syria opened peace talks in Madrid': ISR SYR 046 both ways)" \
    "Israel and Syria opened peace talks in Madrid." "ISR SYR 046;SYR ISR 046" "--date 1991-10-30"
code_case "a name that condemns is criticism ('described Iran, Iraq and North Korea as an axis of evil': 111 on each)" \
    "President Bush described Iran, Iraq and North Korea as an axis of evil." "USAGOV IRN 111;USAGOV IRQ 111;USAGOV PRK 111" "--date 2002-01-29"
# office holders of the Cold War's end: Italy's prime minister meets the
# Soviet leader in 1985; in 2020 both are their countries' elites, and
# Gorbachev Russia's (the Soviet Union is gone)
code_case "office holders of the 1980s by date ('Bettino Craxi met Mikhail Gorbachev', 1985: ITAGOV SUNGOV 040)" \
    "Bettino Craxi met Mikhail Gorbachev in Moscow." "ITAGOV SUNGOV 040;SUNGOV ITAGOV 040" "--date 1985-05-29"
code_case "... and in 2020 their countries' elites, Gorbachev Russia's" \
    "Bettino Craxi met Mikhail Gorbachev in Moscow." "ITAELI RUSELI 040;RUSELI ITAELI 040" "--date 2020-05-29"

# ---- places and names: a city is its state; a place's name before a
# document noun names the document, an agent's word as an adjective no one
# (SET: NAMES) ----
printf 'SET: NAMES = FALSE\n' >"$TMP/nonames2.options"
code_case "a city is its state ('dropped an atomic bomb on Hiroshima': USA JPN 2042)" \
    "The United States dropped an atomic bomb on Hiroshima." "USA JPN 2042" "--date 1945-08-06"
code_case "... and civilians there are its civilians ('civilians in Douma': SYRCVL)" \
    "Syrian government forces used chemical weapons against civilians in Douma." "SYRMIL SYRCVL 2041" "--date 2018-04-08"
code_case "a place's name before a document noun names the document ('supports the Sirte Declaration': no GMB LBY 051)" \
    "Gambia supports the Sirte Declaration." ""
code_case "... not with SET: NAMES = FALSE" \
    "Gambia supports the Sirte Declaration." "GMB LBY 051" "--dict builtin+$TMP/nonames2.options"
code_case "an agent's word used as an adjective names no one ('Tanzania welcomed the theme of the general debate': no TZA ---MIL 051)" \
    "Tanzania welcomed the theme of the general debate." ""
code_case "... but as a title it does ('General Mark Milley met Pakistan's army chief': USAMIL)" \
    "Chinese General Li Zuocheng met the Pakistani army chief in Beijing." "CHNMIL PAKMIL 040;PAKMIL CHNMIL 040"
code_case "the place where one 'met in' is no party ('we met in Rio de Janeiro': no KIR BRA 044)" \
    "In June, we met in Rio de Janeiro to review our progress 20 years on from the 1992 Earth Summit." "" "--speaker KIR --date 2012-09-25"
code_case "taking part in an operation meets no one ('Burundi is also participating in peacekeeping operations in Cote d'Ivoire, Haiti and the Sudan': no 044)" \
    "Burundi is also participating in peacekeeping operations in Cote d’Ivoire, Haiti and the Sudan." "" "--date 2012-09-25"
code_case "a wish of one's own to act is no event of its own ('We also want to send a powerful message that ASEAN ...': no SGP ASEAN 030)" \
    "We also want to send a powerful message that ASEAN member States and our six partners stand for free trade." "" "--speaker SGP --date 2019-09-28"
code_case "a verb the parser hangs on a noun, tagged a past tense, has that noun as its subject ('the brutal terrorist attack committed a few days ago in Nairobi': no CRI KEN 030)" \
    "We are still shocked by the brutal terrorist attack committed a few days ago in Nairobi." "" "--speaker CRI --date 2013-09-25"
code_case "a verb phrase that begins with a copula is read at its predicate ('Kazakhstan is ready to play that role': 'ready' names no partner, no KAZ IGOUNO 030)" \
    "We believe that the priorities and challenges of our region should be represented in the Security Council, and Kazakhstan is ready to play that role." "" "--speaker KAZ --date 2015-09-28"
code_case "... and a participle of intent is no passive ('we are prepared to engage with our neighbours and friends from Armenia')" \
    "Through my Government’s Peaceful Neighbor Initiative, we are prepared to engage with our neighbours and friends from Armenia and Azerbaijan to finally bring lasting peace." "GEO ARM 030;GEO AZE 030" "--speaker GEO --date 2013-09-25"
code_case "a dictionary verb that is a noun inside a noun phrase is no verb ('every Australian aid intervention': no AUS ---CVL 070)" \
    "That is a principle underpinning every Australian aid intervention and initiative: empowering women and girls." "" "--speaker AUS --date 2016-09-22"
code_case "a passive's 'with' phrase names what it was done with, no doer ('Albania has been aligned with all of the United Nations initiatives': no IGOUNO ALB 050)" \
    "Albania has been aligned with all of the United Nations initiatives aimed at fighting terrorism." "" "--speaker ALB --date 2016-09-22"
code_case "... but the party of talks ('We are engaged in negotiations with our US partners on the matter': both ways)" \
    "We are engaged in negotiations with our US partners on the matter." "RUS USA 040;USA RUS 040" "--speaker RUS --date 2019-09-25"
code_case "members of Congress are the legislature by their terms ('Elizabeth Warren endorses Joe Biden': USALEG)" \
    "Elizabeth Warren endorses Joe Biden in 2020 US presidential election" "USALEG USAELI 051" "--date 2020-04-16"
code_case "travellers make no visit ('the neighbouring countries in which the huge majority of refugees arrive, especially Turkey, Lebanon and Jordan': no 042/043)" \
    "That will also help relieve the burden on the neighbouring countries in which the huge majority of refugees arrive, especially Turkey, Lebanon and Jordan." "" "--speaker DEU --date 2015-09-30"
code_case "an intent's target is its partner: no NZL IGOUNO 030 for being 'committed to the principles and values of the United Nations'" \
    "New Zealand is committed to the principles and values of the United Nations." "" "--speaker NZL --date 2012-09-25"
code_case "... the object of the act intended is ('We stand ready to join United Nations peacekeeping operations')" \
    "We stand ready to join United Nations peacekeeping operations." "VNM IGOUNO 030" "--speaker VNM --date 2012-09-25"
code_case "a negated intent tells no intent ('it is not prepared to negotiate an extension': no 036)" \
    "The Authority has also made it clear to the military Government in Mali that it is not prepared to negotiate an extension to the February deadline for the holding of democratic elections." "" "--speaker GHA --date 2022-09-21"
code_case "'seek' is to want, no appeal ('We seek a more democratic ... Security Council': no PRY IGOUNO 020)" \
    "We seek a more democratic, transparent, inclusive and representative Security Council that reflects the diversity of the States Members of the United Nations." "" "--speaker PRY --date 2015-09-28"
code_case "... but support sought is asked of someone ('We seek the support of our friends in the United Nations')" \
    "We seek the support of our friends in the United Nations in this regard." "PRY IGOUNO 020" "--speaker PRY --date 2015-09-28"
code_case "a compound that word order joins is split where the tree parts it ('Cypriots, and Turkey continues to occupy': Turkey alone)" \
    "The invasion violently displaced hundreds of thousands of Cypriots, and Turkey continues to occupy approximately 37 per cent of the territory of the Republic of Cyprus." "TUR CYP 192" "--date 2023-09-21"
code_case "... and kept where the tree joins it ('the Republic of Zambia and the Democratic Republic of the Congo signed': both ways)" \
    "On 29 April, the Republic of Zambia and the Democratic Republic of the Congo signed an agreement on the establishment of a value chain." "COD ZMB 057;ZMB COD 057" "--date 2023-09-21"

# ---- people named again by surname within a document (SET: NAMES) ----
doc_case() { # what, the document's text, events expected ("SENT SRC TGT CODE", ';' between, sorted), options
    printf '{"id":"names","date":"2016-04-20","text":"%s"}\n' "$2" >"$TMP/names.jsonl"
    got=$("$DYAD" code ${4:-} "$TMP/names.jsonl" 2>&1 | events | sort | paste -sd';' -)
    [ "$got" = "$3" ] && ok "names: $1" || not_ok "names: $1" "expected '$3', got '$got'"
}
printf 'SET: NAMES = FALSE\n' >"$TMP/nonames.options"
doc_case "a title of a state names a person, whose surname is that person later ('Hussain praised China': PAKGOV)" \
    "Pakistani President Mamnoon Hussain arrived in Beijing on Monday. Hussain praised China." \
    "1 CHN PAKGOV 043;1 PAKGOV CHN 042;2 PAKGOV CHN 051"
doc_case "... not with SET: NAMES = FALSE" \
    "Pakistani President Mamnoon Hussain arrived in Beijing on Monday. Hussain praised China." \
    "1 CHN PAKGOV 043;1 PAKGOV CHN 042" "--dict builtin+$TMP/nonames.options"
doc_case "... spelt with one letter changed, after a title of no state ('President Hussein')" \
    "Pakistani President Mamnoon Hussain arrived in Beijing on Monday. President Hussein praised China." \
    "1 CHN PAKGOV 043;1 PAKGOV CHN 042;2 PAKGOV CHN 051"
doc_case "... and so does an apposition ('Ali Tahir, the foreign minister of Pakistan,')" \
    "Ali Tahir, the foreign minister of Pakistan, arrived in Beijing. Tahir praised China." \
    "1 CHN PAKGOV 043;1 PAKGOV CHN 042;2 PAKGOV CHN 051"
doc_case "a person of the dictionaries named again by surname ('Onyeama criticized India': NGAGOV)" \
    "Geoffrey Onyeama met Chinese officials in Abuja. Onyeama criticized India." \
    "1 CHNGOV NGAGOV 040;1 NGAGOV CHNGOV 040;2 NGAGOV IND 111"
doc_case "a surname first borne by someone of no office stays unknown ('Usman Khan ... Mayor Sadiq Khan ... Khan attacked')" \
    "Usman Khan stabbed people on London Bridge. London Mayor Sadiq Khan praised the police. Khan attacked Britain." \
    "2 GBRGOV GBRCOP 051"

# ---- the built-in verbs name every CAMEO event code at least once ----
T="$SHARED/cameo/cameo_codes.tsv"
if [ -f "$T" ]; then
    grep -o '\[:\?[0-9]\{3,4\}\(:[0-9]\{3,4\}\)\?\]\|= a b [0-9]*' dict/verbs.txt | grep -o '[0-9]\{3,4\}' | sort -u >"$TMP/have"
    awk -F'\t' '$1 ~ /^[0-9][0-9][0-9][0-9]?$/ { print $1 }' "$T" | sort -u >"$TMP/want"
    miss=$(comm -23 "$TMP/want" "$TMP/have" | tr '\n' ' ')
    [ -z "$miss" ] && ok "built-in verbs cover all $(wc -l <"$TMP/want") CAMEO event codes" || not_ok "built-in verbs lack CAMEO codes" "$miss"
else
    not_ok "CAMEO code table" "$T not found"
fi

. tests/syntax.sh

echo "$pass passed, $fail failed"
[ $fail = 0 ]
