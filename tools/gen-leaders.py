#!/usr/bin/env python3
"""gen-leaders.py: writes dict/leaders.actors, dyad's built-in office
holders (TABARI .actors format with date restrictions), from the
hand-written table dict/src/leaders.tsv. Run it after changing the table:

    tools/gen-leaders.py > dict/leaders.actors

A development tool: the build does not run it.
"""
import sys
import unicodedata

TSV = "dict/src/leaders.tsv"


def phrase(name):
    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = s.upper().replace("-", " ").split()
    return "_".join(words) + "_"


def date(d):
    return d.replace("-", "")


def main():
    people = {}  # primary name -> {"names": [...], "rows": [...], "default": code, "unsure": bool}
    order = []
    for n, line in enumerate(open(TSV, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = (line.split("\t") + ["", "", "", ""])[:5]
        names = [x.strip() for x in cols[0].split(";") if x.strip()]
        code, lo, hi, note = cols[1].strip(), cols[2].strip(), cols[3].strip(), cols[4].strip()
        if not names or not code:
            sys.exit("%s:%d: a row needs names and a code" % (TSV, n))
        key = names[0]
        if key not in people:
            people[key] = {"names": [], "rows": [], "default": None, "unsure": False}
            order.append(key)
        p = people[key]
        for x in names:
            if x not in p["names"]:
                p["names"].append(x)
        if not lo and not hi:
            p["default"] = code
        else:
            p["rows"].append((code, lo, hi))
        p["unsure"] |= note == "?"
    print("// dyad built-in actors: office holders, coded by their office on the story's")
    print("// date and as their country's elite (ELI) outside it. DO NOT EDIT: generated")
    print("// by tools/gen-leaders.py from dict/src/leaders.tsv (public facts).")
    print("// Entries marked 'dates to check' have dates that sources report differently.")
    seen = {}
    for key in order:
        p = people[key]
        phrases = []
        for x in p["names"]:
            ph = phrase(x)
            if ph in seen and seen[ph] != key:
                sys.stderr.write("gen-leaders: %s is both %s and %s: kept for %s\n" % (ph, seen[ph], key, seen[ph]))
                continue
            seen[ph] = key
            if ph not in phrases:
                phrases.append(ph)
        if not phrases:
            continue
        print()
        if p["unsure"]:
            print("// dates to check")
        print(phrases[0])
        for ph in phrases[1:]:
            print("+" + ph)
        # one in office today is coded by that office when a story has no
        # date (dyad takes the unrestricted code then): the open-ended term
        # becomes the default, and the elite code covers the time before it
        elite = p["default"] or (p["rows"][0][0][:3] + "ELI")
        current = [r for r in p["rows"] if r[1] and not r[2]]
        for code, lo, hi in p["rows"]:
            if current and (code, lo, hi) == current[-1]:
                continue
            if lo and hi:
                print("\t[%s %s-%s]" % (code, date(lo), date(hi)))
            elif lo:
                print("\t[%s >%s]" % (code, date(lo)))
            else:
                print("\t[%s <%s]" % (code, date(hi)))
        if current:
            print("\t[%s <%s]" % (elite, date(current[-1][1])))
            print("\t[%s]" % current[-1][0])
        else:
            print("\t[%s]" % elite)


main()
