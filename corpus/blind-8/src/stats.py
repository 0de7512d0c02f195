#!/usr/bin/env python3
"""Counts for the README."""
import json, os
from collections import Counter
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
g = [json.loads(l) for l in open(os.path.join(OUT, 'gold.jsonl'), encoding='utf-8')]
m = [json.loads(l) for l in open(os.path.join(OUT, 'measures.jsonl'), encoding='utf-8')]
a = [json.loads(l) for l in open(os.path.join(OUT, 'articles.jsonl'), encoding='utf-8')]
print('articles', len(a), 'observations', len(g), 'required', sum(x['required'] for x in g), 'optional', sum(not x['required'] for x in g))
print('changes', Counter(x['change']['kind'] for x in g if 'change' in x), 'total', sum('change' in x for x in g))
print('qualifiers', Counter(x['qualifier'] for x in g))
print('null periods', sum(x['period'] is None for x in g))
print('distinct measures', len(set(x['measure'] for x in m)))
r = Counter(x['region'] for x in g)
print('regions', len(r)); print(' '.join(f'{k}:{v}' for k, v in r.most_common()))
print('units', ' '.join(f'{k}:{v}' for k, v in Counter(x['unit'] for x in g).most_common()))
print('scripts', Counter(x['script'] for x in a))
print('published', Counter('null' if x['published'] is None else {4: 'year', 7: 'month', 10: 'day'}[len(x['published'])] for x in a))
for x in a:
    t = open(os.path.join(OUT, 'articles', x['article'] + '.txt'), encoding='utf-8').read()
    n = sum(1 for y in g if y['article'] == x['article'])
    print(x['article'], len(t), 'chars', n, 'obs')
