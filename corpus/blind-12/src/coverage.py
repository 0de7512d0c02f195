#!/usr/bin/env python3
"""List every number in the normalised articles that no label span covers (for manual review).
usage: coverage.py [ARTICLE...]"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from normalize import normalize  # noqa: E402

spans = [json.loads(l) for l in open(os.path.join(HERE, "spans.jsonl"), encoding="utf-8")]
arts = [json.loads(l)["article"] for l in open(os.path.join(ROOT, "articles.jsonl"), encoding="utf-8")]
want = set(sys.argv[1:])
total = 0
for aid in arts:
    if want and aid not in want:
        continue
    N = normalize(open(os.path.join(ROOT, "articles", aid + ".txt"), encoding="utf-8").read())
    cov = [(s["start"], s["end"]) for s in spans if s["article"] == aid]
    out = []
    for m in re.finditer(r"\d+(?:\.\d+)?|[一二三四五六七八九十两]+[成倍番]", N):
        if any(a <= m.start() < b for a, b in cov):
            continue
        ctx = N[max(0, m.start() - 12):m.end() + 8].replace("\n", "/")
        out.append(f"  {m.group()}\t…{ctx}…")
    total += len(out)
    print(f"{aid}: {len(out)} uncovered")
    print("\n".join(out))
print(f"total uncovered: {total}")
