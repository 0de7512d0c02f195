#!/usr/bin/env python3
"""List every number in the normalised articles that no label span covers (for manual review)."""
import os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, HERE, nfkc, read_raw
from selfcheck import normalise, load

only = sys.argv[1:]
for a in sorted(x["article"] for x in load("articles.jsonl")):
    if only and a not in only:
        continue
    t = normalise(open(os.path.join(ROOT, "articles", a + ".txt"), encoding="utf-8").read())
    _, _, rows = read_raw(os.path.join(HERE, "raw", a + ".txt"))
    cov = [False] * len(t)
    for o in rows:
        sp = nfkc(o["span"])
        for m in re.finditer(re.escape(sp), t):
            for k in range(m.start(), m.end()):
                cov[k] = True
    for m in re.finditer(r"\d+(?:\.\d+)?|[一二两三四五六七八九十]+成", t):
        if not cov[m.start()]:
            print(a, m.group(), "…" + t[max(0, m.start() - 14):m.end() + 6].replace("\n", " ") + "…")
