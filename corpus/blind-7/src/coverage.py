#!/usr/bin/env python3
"""List numbers in the normalised articles that no gold span covers (for manual review)."""
import json, os, re, sys
SRC = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(SRC)
sys.path.insert(0, SRC)
from selfcheck import normalise, load
arts = {a["article"]: a for a in load(os.path.join(OUT, "articles.jsonl"))}
gold = load(os.path.join(OUT, "gold.jsonl")); spans = load(os.path.join(SRC, "spans.jsonl"))
only = sys.argv[1:]
for a, meta in arts.items():
    if only and a not in only:
        continue
    t = normalise(open(os.path.join(OUT, "articles", a + ".txt"), encoding="utf-8").read(), meta["script"])
    covered = [False] * len(t)
    for g, s in zip(gold, spans):
        if g["article"] != a:
            continue
        for m in re.finditer(re.escape(s["span"]), t):
            for k in range(m.start(), m.end()):
                covered[k] = True
    out = []
    for m in re.finditer(r"[0-9][0-9.,]*", t):
        if not covered[m.start()]:
            out.append(t[max(0, m.start() - 8):m.end() + 4].replace("\n", " "))
    print(f"== {a}: {len(out)} uncovered")
    for o in out:
        print("   ", o)
