#!/usr/bin/env python3
"""code_report.py: which CAMEO event codes a set of hand-coded sentences
shows dyad coding, and which it does not (issue 15: a test sentence for
every code in ../shared/cameo/cameo_codes.tsv).

Reads files in the format of `dyad validate events` ("date", "s TEXT",
"e SOURCE TARGET CODE" lines), codes every sentence with the dyad given
(one JSON Lines record per sentence, dated as its file says), and counts,
for each expected event, whether dyad coded it: same code, and the source
and target at country level (their first three letters), as `dyad validate
events` compares them.

Usage: tools/code_report.py DYAD CODES.tsv FILE...
Prints one line per CAMEO event code of the table (3 and 4 digits): the
code, the sentences that expect it, how many of them dyad codes so, and
its name; then the codes no sentence shows coded, on one line after
"none:", and a last line "codes=N shown=M". Exits 0; 2 on a usage error."""
import json
import subprocess
import sys


def read_sets(paths):
    """The sentences of the files: (date, text, [(src, tgt, code)])."""
    out = []
    for path in paths:
        date = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("date "):
                    date = line[5:].strip()
                elif line.startswith("s "):
                    out.append([date, line[2:], []])
                elif line.startswith("e ") and out:
                    parts = line[2:].split()
                    if len(parts) == 3:
                        out[-1][2].append(tuple(parts))
    return out


def code_all(dyad, sents):
    """dyad's events per sentence index, as (src3, tgt3, code) sets."""
    recs = []
    for i, (date, text, _) in enumerate(sents):
        r = {"id": str(i), "text": text}
        if date:
            r["date"] = date
        recs.append(json.dumps(r))
    run = subprocess.run([dyad, "code", "--input", "jsonl", "-"], input="\n".join(recs) + "\n",
                         capture_output=True, text=True, check=False)
    got = {}
    for line in run.stdout.splitlines():
        e = json.loads(line)
        got.setdefault(int(e["doc_id"]), set()).add((e["source"][:3], e["target"][:3], e["code"]))
    return got


def main():
    if len(sys.argv) < 4:
        print(__doc__.split("\n\n")[2], file=sys.stderr)
        return 2
    dyad, table, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    names = {}
    with open(table, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 3 and cols[0].isdigit() and len(cols[0]) in (3, 4):
                names[cols[0]] = cols[3]
    sents = read_sets(files)
    got = code_all(dyad, sents)
    want, right = {}, {}
    for i, (_, _, evs) in enumerate(sents):
        for src, tgt, code in evs:
            want[code] = want.get(code, 0) + 1
            if (src[:3], tgt[:3], code) in got.get(i, set()):
                right[code] = right.get(code, 0) + 1
    none = []
    for code in sorted(names):
        print(f"{code}\t{want.get(code, 0)}\t{right.get(code, 0)}\t{names[code]}")
        if not right.get(code):
            none.append(code)
    print("none: " + " ".join(none))
    print(f"codes={len(names)} shown={len(names) - len(none)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
