#!/usr/bin/env python3
"""List every number in the normalised articles that no label span covers (for manual review)."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__)); ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from selfcheck import normalise  # noqa: E402
spans = [json.loads(l) for l in open(os.path.join(HERE, "spans.jsonl"), encoding="utf-8")]
cov = {}
for s in spans:
    cov.setdefault(s["article"], []).append((s["pos"], s["pos"] + len(s["norm_span"])))
NUM = re.compile(r"-?[0-9][0-9,.]*|[一二两三四五六七八九十百千]+成|[一二三四五六七八九十]+分之[一二三四五六七八九十]+")
for a in sorted(cov):
    N = normalise(open(os.path.join(ROOT, "articles", a + ".txt"), encoding="utf-8").read())
    out = []
    for m in NUM.finditer(N):
        if not any(b <= m.start() < e for b, e in cov[a]):
            out.append(f"{m.group(0)}«{N[max(0, m.start()-8):m.start()].replace(chr(10), ' ')}|{N[m.end():m.end()+6].replace(chr(10), ' ')}»")
    print(a, len(out), " ".join(out))
