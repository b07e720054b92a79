#!/usr/bin/env python3
"""sample_sentences.py: draws the sentences of the real-text development set
(issue 14) from ../shared/corpus, with a recorded seed, without running dyad:
the sentences are hand-coded from the CAMEO codebook before dyad's output on
them is seen (tests/golden/real/README.md says how).

Sentences are cut with a plain rule (end mark, space, capital; a short list
of abbreviations does not end one) and kept at 6 to 60 words. A sentence is
in the "two actors" stratum when it names at least two different states or
international bodies from iso-codes' country names (ISO 3166-1: name,
common name, official name) and a short list of bodies, counted as text
matches; the stratum only steers the draw, the coding decides what the
sentence names.

Usage: tools/sample_sentences.py SEED OUT.txt
Writes, in the format of `dyad validate events`, each sentence after its
document's date, with a comment naming the document and the part ("dev" or
"final"): per source (Wikinews, UN General Debate), 70 of the two-actor
stratum and 30 of the rest for dev, and 35 and 15 for final."""
import json
import random
import re
import subprocess
import sys

CORPUS = "../shared/corpus"
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
BODIES = ["United Nations", "UN", "Security Council", "General Assembly", "European Union", "EU",
          "NATO", "African Union", "ASEAN", "World Health Organization", "WHO", "IMF",
          "World Bank", "OPEC", "Arab League", "Hamas", "Hezbollah", "Taliban", "ISIS",
          "Islamic State", "al-Qaeda", "Red Cross", "International Criminal Court",
          "International Court of Justice", "G20", "G7", "Commonwealth"]
ABBREV = {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen",
          "Rep", "Prof", "Jr", "Sr", "No", "vs", "U.S", "U.K", "U.N", "e.g", "i.e", "etc",
          "Inc", "Ltd", "Co", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
          "Nov", "Dec"}


def names():
    data = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    out = set(BODIES)
    for c in data:
        for k in ("name", "common_name", "official_name"):
            if k in c:
                out.add(c[k])
    return sorted(out, key=len, reverse=True)


def split(text):
    """sentences of one document: paragraphs at blank lines, then at an end
    mark followed by a space and a capital or an opening quote"""
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        start = 0
        for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])", para):
            before = para[start:m.start()].split(" ")[-1]
            if before.rstrip(".") in ABBREV or re.fullmatch(r"[A-Z]", before):
                continue
            yield para[start:m.end()].strip()
            start = m.end()
        if para[start:].strip():
            yield para[start:].strip()


def documents():
    for line in open(f"{CORPUS}/wikinews-2019-2020.jsonl", encoding="utf-8", newline="\n"):
        yield "wikinews", json.loads(line)
    un = subprocess.run(["zstdcat", f"{CORPUS}/ungdc-2010-2024.jsonl.zst"], capture_output=True,
                        check=True).stdout.decode("utf-8")
    for line in un.split("\n"):
        if not line.strip():
            continue
        yield "un", json.loads(line)


def main():
    seed, out = int(sys.argv[1]), sys.argv[2]
    pat = re.compile(r"\b(" + "|".join(re.escape(n) for n in names()) + r")\b")
    pools = {}
    for src, doc in documents():
        for s in split(doc["text"]):
            if not 6 <= len(s.split()) <= 60:
                continue
            two = len(set(pat.findall(s))) >= 2
            pools.setdefault((src, two), []).append((doc["id"], doc["date"], s))
    rng = random.Random(seed)
    want = {"dev": (70, 30), "final": (35, 15)}
    drawn = {}
    for src in ("wikinews", "un"):
        for two in (True, False):
            pool = pools[(src, two)]
            k = sum(w[0] if two else w[1] for w in want.values())
            drawn[(src, two)] = rng.sample(pool, k)
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# drawn by tools/sample_sentences.py {seed} (pools: "
                + ", ".join(f"{s} {'two' if t else 'other'} {len(p)}" for (s, t), p in sorted(pools.items()))
                + ")\n")
        for part in ("dev", "final"):
            for src in ("wikinews", "un"):
                for two in (True, False):
                    n = want[part][0] if two else want[part][1]
                    take = drawn[(src, two)][:n]
                    drawn[(src, two)] = drawn[(src, two)][n:]
                    for doc, date, s in take:
                        f.write(f"\n# {part} {src} {'two' if two else 'other'} {doc}\ndate {date}\ns {s}\n")


main()
