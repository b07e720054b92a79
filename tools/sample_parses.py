#!/usr/bin/env python3
"""sample_parses.py: draws a seeded random sample of sentences from the
`dyad parse` output of real text (../shared/corpus) and prints, for each,
the main clause as the parser sees it, for checking by hand (the rubric is
in doc/syntax.md, "Checking parses of news by hand").

Usage: tools/sample_parses.py SEED N FILE.conllu [FILE.conllu ...]
Each file gives N sentences of 6 to 40 words (words with a letter)."""
import random
import sys


def sentences(path):
    cur, text, sid = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                yield sid, text, cur
            cur = []
            continue
        if line.startswith("# text = "):
            text = line[9:]
        elif line.startswith("# sent_id = "):
            sid = line[12:]
        elif not line.startswith("#"):
            cur.append(line.split("\t"))
    if cur:
        yield sid, text, cur


def show(words):
    """root, its subjects, objects, agents, auxiliaries, clausal complements"""
    root = next(w for w in words if w[6] == "0")
    rid = root[0]
    out = [f"ROOT {root[1]}/{root[4]}"]
    for w in words:
        if w[6] == rid and w[7].split(":")[0] in ("nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "aux", "cop", "obl"):
            out.append(f"{w[7]} {w[1]}/{w[4]}")
    return "; ".join(out)


def main():
    seed, n, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    rng = random.Random(seed)
    k = 0
    for f in files:
        pool = [s for s in sentences(f)
                if 6 <= sum(any(c.isalpha() for c in w[1]) for w in s[2]) <= 40]
        for sid, text, words in rng.sample(pool, n):
            k += 1
            print(f"[{k}] {sid}\n    {text}\n    {show(words)}")


main()
