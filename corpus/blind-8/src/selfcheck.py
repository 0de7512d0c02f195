#!/usr/bin/env python3
"""Independent re-check of blind-8 (run after build.py)."""
import json, os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import parse_span, clean, normalise_article, norm, opencc
import build

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
EVAL = '/work/shared/eval'
OK_UNITS = {"count", "day", "min", "year", "kW", "kWh", "kV", "km", "km2", "ha", "t", "CNY", "USD", "%", "pp",
            "μg/m³", "PFLOPS", "index", "rank", "kg/mu", "‰", "°C", "km/h", "m", "t/h"}


def load(p):
    return [json.loads(l) for l in open(os.path.join(OUT, p), encoding='utf-8') if l.strip()]


def main():
    arts = {a['article']: a for a in load('articles.jsonl')}
    gold, meas = load('gold.jsonl'), load('measures.jsonl')
    errors, notes = [], []
    texts = {}
    for aid in arts:
        raw = open(os.path.join(OUT, 'articles', aid + '.txt'), encoding='utf-8').read()
        texts[aid] = normalise_article(raw)
    # re-read the raw label lines independently and compare with gold
    raws = sorted(f for f in os.listdir(os.path.join(HERE, 'raw')) if f.endswith('.txt'))
    relabels = []
    for f in raws:
        head, body, labels = build.read_raw(os.path.join(HERE, 'raw', f))
        for r in labels:
            parts = [p.strip() for p in r.split('|')]
            relabels.append((head['id'], parts[2], dict(t.split('=', 1) for t in parts[4].split() if '=' in t)))
    if len(relabels) != len(gold):
        errors.append(f'raw labels {len(relabels)} != gold {len(gold)}')
    manual, odd_units = [], []
    seen = set()
    for i, g in enumerate(gold):
        aid, span, o = relabels[i]
        t = texts[g['article']]
        if g['indicator_text'] not in t:
            errors.append(f'{i} {aid}: indicator_text not in article: {g["indicator_text"]}')
        if norm(span).replace(',', '') not in t.replace(',', ''):
            errors.append(f'{i} {aid}: span not in article: {span}')
        if 'v' in o:
            manual.append(i)
        else:
            v, u = parse_span(span, col=o.get('col'), unit_override=o.get('u'))
            if g.get('change') and v < 0:
                v = -v
            if clean(v) != g['value'] or u != g['unit']:
                errors.append(f'{i} {aid}: value/unit {g["value"]} {g["unit"]} != recomputed {clean(v)} {u}')
        if g['unit'] not in OK_UNITS:
            odd_units.append(g['unit'])
        if opencc(g['region'], 't2s') != g['region']:
            errors.append(f'{i}: region not simplified: {g["region"]}')
        p = g['period']
        if p is None:
            if arts[g['article']]['published'] is not None:
                errors.append(f'{i}: null period with known publication date')
        elif not re.fullmatch(r'\d{4}(-\d{2}(-\d{2})?)?', p):
            errors.append(f'{i}: bad period {p}')
        if g['qualifier'] not in ('exact', 'over', 'under', 'approx'):
            errors.append(f'{i}: bad qualifier')
        c = g.get('change')
        if c and (c['kind'] not in ('yoy_pct', 'pct', 'abs', 'rank_change') or c['direction'] not in ('up', 'down')):
            errors.append(f'{i}: bad change {c}')
        m = meas[i]
        if (m['line'], m['article'], m['region'], m['value'], m['period']) != (i, g['article'], g['region'], g['value'], g['period']):
            errors.append(f'{i}: measures.jsonl misaligned')
        key = (g['article'], g['region'], m['measure'], g['period'], g['value'])
        if key in seen:
            errors.append(f'{i}: duplicate observation {key}')
        seen.add(key)
    for a in arts.values():
        p = a['published']
        if p is not None and not re.fullmatch(r'\d{4}(-\d{2}(-\d{2})?)?', p):
            errors.append(f'{a["article"]}: bad published')
    for e in errors:
        print('ERROR', e)
    print(f'lines checked: {len(gold)}; errors: {len(errors)}')
    from collections import Counter
    print(f'NOTE manual values: {manual}; units outside LABELING list: {dict(Counter(odd_units))}')
    for cmd in (['python3', f'{EVAL}/score.py', 'gold.jsonl', 'src/gold_as_extracted.jsonl'],
                ['python3', f'{EVAL}/identity.py', 'gold.jsonl', 'measures.jsonl', 'src/gold_as_extracted.jsonl']):
        print('$', ' '.join(c.replace(EVAL + '/', '') for c in cmd))
        r = subprocess.run(cmd, cwd=OUT, capture_output=True, text=True)
        print(r.stdout.strip().split('\n')[-1])
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
