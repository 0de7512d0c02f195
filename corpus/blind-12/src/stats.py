#!/usr/bin/env python3
"""Counts for README.md (lines, required, changes, qualifiers, periods, units, regions, measures, lengths)."""
import collections, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__)); ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from normalize import normalize
G = [json.loads(l) for l in open(os.path.join(ROOT, "gold.jsonl"), encoding="utf-8")]
M = [json.loads(l) for l in open(os.path.join(ROOT, "measures.jsonl"), encoding="utf-8")]
A = [json.loads(l) for l in open(os.path.join(ROOT, "articles.jsonl"), encoding="utf-8")]
C = collections.Counter
print("lines", len(G), "required", sum(g["required"] for g in G), "optional", sum(not g["required"] for g in G))
print("changes", C(g["change"]["kind"] for g in G if "change" in g), sum("change" in g for g in G))
print("qualifiers", C(g["qualifier"] for g in G))
print("periods", C((g["period"] or "null")[:4] for g in G))
print("units", C(g["unit"] for g in G).most_common())
print("measures", len({m["measure"] for m in M}), "region-measure pairs", len({(m["region"], m["measure"]) for m in M}))
regs = C(g["region"] for g in G)
print("regions", len(regs)); print(" ".join(f"{r}={n}" for r, n in regs.most_common()))
print("per article:", " ".join(f"{a['article']}={sum(g['article']==a['article'] for g in G)}/{sum(g['article']==a['article'] and g['required'] for g in G)}" for a in A))
print("scripts", C(a["script"] for a in A))
print("published", [(a["article"], a["published"]) for a in A])
lens = {a["article"]: len(normalize(open(os.path.join(ROOT, "articles", a["article"] + ".txt"), encoding="utf-8").read()).strip()) for a in A}
print("lengths", lens)
print("long", [k for k, v in lens.items() if v >= 1500], "short range", min(v for v in lens.values() if v < 1500), max(v for v in lens.values() if v < 1500))
