#!/usr/bin/env python3
"""List numbers in the normalised articles that no label span covers (for manual review)."""
import json, os, re, sys, unicodedata, html
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from build import normalise  # noqa: E402
gold = [json.loads(l) for l in open(os.path.join(ROOT, "gold.jsonl"), encoding="utf-8")]
spans = [json.loads(l) for l in open(os.path.join(HERE, "spans.jsonl"), encoding="utf-8")]
by_art = {}
for g, s in zip(gold, spans):
    by_art.setdefault(g["article"], []).append(unicodedata.normalize("NFKC", html.unescape(s["span"])))
NUM = re.compile(r"-?\d+(?:\.\d+)?|[一二三四五六七八九十两]+[成个家所万亿]")
for f in sorted(os.listdir(os.path.join(ROOT, "articles"))):
    aid = f[:-4]
    text = normalise(open(os.path.join(ROOT, "articles", f), encoding="utf-8").read())
    covered = [False] * len(text)
    for sp in by_art.get(aid, []):
        for m in re.finditer(re.escape(sp), text):
            for i in range(m.start(), m.end()):
                covered[i] = True
    out = []
    for m in NUM.finditer(text):
        if not any(covered[m.start():m.end()]):
            out.append(f"{m.group()}〔{text[max(0, m.start() - 8):m.end() + 6]}〕".replace("\n", "/"))
    print(f"== {aid}: {len(out)} uncovered")
    for o in out:
        print("   ", o)
