# parse_golden.awk: checks `dyad parse` output (CoNLL-U, second file)
# against hand-written arcs (tests/golden/parse/*.expect, first file).
# Each stanza's "text:" phrase picks the first sentence whose text holds
# it; each "DEP REL HEAD" line must match a word of that sentence. Prints
# each failure, then "parse golden NAME: R/N arcs right, K known"; exits 1
# on a failure that is not marked "known:".
BEGIN { FS = "\n" }
FNR == NR {
    if ($0 ~ /^#/ || $0 == "") next
    if ($0 ~ /^text: /) { ns++; phrase[ns] = substr($0, 7); next }
    na++; arc_s[na] = ns; known[na] = 0
    line = $0
    if (line ~ /^known: /) { known[na] = 1; line = substr(line, 8) }
    sub(/[ \t]*#.*/, "", line)
    arc[na] = line
    next
}
/^# text = / { nsent++; text[nsent] = substr($0, 10); nw[nsent] = 0; next }
/^[0-9]+\t/ {
    split($0, c, "\t")
    k = ++nw[nsent]; form[nsent, k] = c[2]; rel[nsent, k] = c[8]; head[nsent, k] = c[7]
}
END {
    right = 0; kn = 0; bad = 0
    for (a = 1; a <= na; a++) {
        s = 0
        for (i = 1; i <= nsent && !s; i++) if (index(text[i], phrase[arc_s[a]])) s = i
        split(arc[a], p, " ")
        ok = 0
        for (k = 1; s && k <= nw[s] && !ok; k++) {
            h = head[s, k] == 0 ? "ROOT" : form[s, head[s, k]]
            if (form[s, k] == p[1] && rel[s, k] == p[2] && h == p[3]) ok = 1
        }
        if (ok) { right++; continue }
        got = "no sentence"
        for (k = 1; s && k <= nw[s]; k++)
            if (form[s, k] == p[1]) {
                got = rel[s, k] " of " (head[s, k] == 0 ? "ROOT" : form[s, head[s, k]]); break
            }
        if (known[a]) { kn++; printf "  known: %s: %s (got %s)\n", phrase[arc_s[a]], arc[a], got; continue }
        bad++
        printf "  FAIL: %s: want %s, got %s\n", phrase[arc_s[a]], arc[a], got
    }
    printf "parse golden %s: %d/%d arcs right, %d known failures\n", name, right, na, kn
    exit bad > 0
}
