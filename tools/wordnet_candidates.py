#!/usr/bin/env python3
"""wordnet_candidates.py: candidate entries for the built-in verb
dictionary from WordNet 3.0 (Debian's wordnet-base; the WordNet licence
allows this use), for a person to check before any goes into
dict/verbs.txt (issue 15: candidates are generated, only checked ones are
kept, so that precision does not fall).

For each verb of a coded block of dict/verbs.txt (a block whose code is a
CAMEO code, not "---"), the verb's most frequent WordNet senses (the first
SENSES of index.verb) give:
  verb  the other verbs of those synsets that dict/verbs.txt does not name
        anywhere (as a verb, a phrase or a pattern word);
  noun  the nouns WordNet derives from those senses ("+" pointers: negotiate
        -> negotiation), candidates for the event nouns of light verbs
        (the &EVENT_ synsets), when the file does not name them.
Usage: tools/wordnet_candidates.py [WORDNET_DIR] > candidates.tsv
Writes tab-separated lines: kind, block code, block name, dictionary verb,
candidate, WordNet gloss. Exits 2 when WordNet is not found."""
import os
import re
import sys

SENSES = 2  # the most frequent senses only: later ones drift from the code


def read_verbs(path):
    """The coded blocks' verbs: [(code, block, lemma)], and every word the
    file names (upper case)."""
    blocks, words = [], set()
    code = name = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].rstrip()
            m = re.match(r"^--- (\S+) \[([^\]]*)\] ---", line)
            if m:
                name, code = m.group(1), m.group(2)
                continue
            for w in re.findall(r"[A-Z][A-Z'\-]+", line):
                words.add(w)
            if not line or line[0] in "-&~" or code is None:
                continue
            verb = line.split("{")[0].split("[")[0].strip()
            if verb.startswith("+") or "_" in verb or not re.match(r"^[A-Z]+$", verb):
                continue  # phrases: their words are counted above
            if re.match(r"^[0-9]{2,4}$", code.split(":")[0]):
                blocks.append((code, name, verb.lower()))
    return blocks, words


def read_index(wn):
    index = {}
    with open(os.path.join(wn, "index.verb"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            n_ptr = int(p[3])
            offsets = p[4 + n_ptr + 2:]
            index[p[0]] = offsets
    return index


def read_data(wn, pos):
    data = {}
    with open(os.path.join(wn, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            head, _, gloss = line.partition("|")
            p = head.split()
            n = int(p[3], 16)
            lemmas = [p[4 + 2 * i] for i in range(n)]
            k = 4 + 2 * n
            n_ptr = int(p[k])
            ptrs = [p[k + 1 + 4 * i: k + 5 + 4 * i] for i in range(n_ptr)]
            data[p[0]] = (lemmas, ptrs, gloss.strip())
    return data


def main():
    wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    if not os.path.exists(os.path.join(wn, "index.verb")):
        print("wordnet_candidates: no WordNet in " + wn + " (apt install wordnet-base)", file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    blocks, words = read_verbs(os.path.join(here, "..", "dict", "verbs.txt"))
    index, verbs, nouns = read_index(wn), read_data(wn, "verb"), read_data(wn, "noun")
    seen = set()
    for code, name, lemma in blocks:
        for off in index.get(lemma, [])[:SENSES]:
            lemmas, ptrs, gloss = verbs[off]
            for cand in lemmas:
                c = cand.lower()
                key = ("verb", code, c)
                if c == lemma or "_" in c or c.upper() in words or key in seen:
                    continue
                seen.add(key)
                print("\t".join(["verb", code, name, lemma, c, gloss[:80]]))
            for sym, toff, tpos, _ in ptrs:
                if sym != "+" or tpos != "n" or toff not in nouns:
                    continue
                for cand in nouns[toff][0]:
                    c = cand.lower()
                    key = ("noun", code, c)
                    if c.replace("_", "_").upper() in words or key in seen:
                        continue
                    seen.add(key)
                    print("\t".join(["noun", code, name, lemma, c, nouns[toff][2][:80]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
