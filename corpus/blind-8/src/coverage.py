#!/usr/bin/env python3
"""List numbers in the normalised articles that no label span covers (for manual review)."""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import normalise_article, norm
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
spans = [json.loads(l) for l in open(os.path.join(HERE, 'spans.jsonl'), encoding='utf-8')]
by = {}
for s in spans:
    by.setdefault(s['article'], []).append(norm(s['span']).replace(',', ''))
only = sys.argv[1:]
for f in sorted(os.listdir(os.path.join(OUT, 'articles'))):
    aid = f[:-4]
    if only and aid not in only:
        continue
    t = normalise_article(open(os.path.join(OUT, 'articles', f), encoding='utf-8').read()).replace(',', '')
    covered = [False] * len(t)
    for sp in by.get(aid, []):
        for m in re.finditer(re.escape(sp), t):
            for k in range(m.start(), m.end()):
                covered[k] = True
    out = []
    for m in re.finditer(r'-?[0-9]+(?:\.[0-9]+)?', t):
        if not covered[m.start()]:
            out.append(t[max(0, m.start() - 6):m.end() + 4].replace('\n', ' '))
    print(aid, len(t), 'uncovered:', ' ‖ '.join(out))
