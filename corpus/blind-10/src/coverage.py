#!/usr/bin/env python3
"""List numbers in each normalised article that no label span covers (for manual review)."""
import glob, os, re, sys, unicodedata, html
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
sys.path.insert(0, SRC)
import build, selfcheck
only = sys.argv[1:]
for path in sorted(glob.glob(f'{SRC}/raw/n*.txt')):
    meta, body, labels = build.parse_raw(path)
    if only and meta['id'] not in only:
        continue
    t = selfcheck.normalise(open(f"{OUT}/articles/{meta['id']}.txt", encoding='utf-8').read())
    covered = [False] * len(t)
    for g, m, span, o, flags in build.labels_of(meta, labels):
        sp = unicodedata.normalize('NFKC', html.unescape(span))
        for mo in re.finditer(re.escape(sp), t):
            for k in range(mo.start(), mo.end()):
                covered[k] = True
    out = []
    for mo in re.finditer(r'-?\d[\d,]*(?:\.\d+)?|[一二三四五六七八九十两]+(?=成|个百分点)', t):
        if not any(covered[mo.start():mo.end()]):
            out.append(t[max(0, mo.start() - 8):mo.end() + 6].replace('\n', ' '))
    print(f"== {meta['id']} uncovered {len(out)}")
    for x in out:
        print('   ', x)
