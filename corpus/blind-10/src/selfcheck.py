#!/usr/bin/env python3
"""Independent re-check of blind-10: normalise every article (html.unescape, NFKC, pinyin
annotations removed, OpenCC t2s) and verify every gold line against it and against its raw label;
then run score.py and identity.py of gold against gold_as_extracted."""
import glob, html, json, os, re, subprocess, sys, unicodedata
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
sys.path.insert(0, SRC)
from units import compute
import build

ALLOWED = {"count", "day", "min", "year", "kW", "kWh", "kV", "km", "km2", "ha", "t", "CNY", "USD", "%", "pp",
           "μg/m³", "PFLOPS", "index", "rank", "‰", "°C", "km/h", "m", "kg/mu", "t/h"}
PY = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)")


def normalise(text):
    t = unicodedata.normalize('NFKC', html.unescape(text))
    t = PY.sub('', t)
    return subprocess.run(['opencc', '-c', 't2s'], input=t, capture_output=True, text=True, check=True).stdout


def load(p):
    return [json.loads(l) for l in open(p, encoding='utf-8') if l.strip()]


def main():
    gold, meas, arts = load(f'{OUT}/gold.jsonl'), load(f'{OUT}/measures.jsonl'), load(f'{OUT}/articles.jsonl')
    pub = {a['article']: a['published'] for a in arts}
    errors, notes = [], []
    raw = []
    for path in sorted(glob.glob(f'{SRC}/raw/n*.txt')):
        meta, body, labels = build.parse_raw(path)
        raw += build.labels_of(meta, labels)
    if len(raw) != len(gold) or len(meas) != len(gold):
        errors.append(f'length mismatch raw={len(raw)} gold={len(gold)} measures={len(meas)}')
    texts = {a: normalise(open(f'{OUT}/articles/{a}.txt', encoding='utf-8').read()) for a in pub}
    lens = {a: len(open(f'{OUT}/articles/{a}.txt', encoding='utf-8').read()) for a in pub}
    for i, (g, (rg, m, span, o, flags)) in enumerate(zip(gold, raw)):
        t = texts[g['article']]
        tag = f"line {i} {g['article']} {g['indicator_text']} {span}"
        if g['indicator_text'] not in t:
            errors.append(f'{tag}: indicator_text not in article')
        sp = unicodedata.normalize('NFKC', html.unescape(span))
        if sp not in t:
            errors.append(f'{tag}: number span not in article')
        if 'v' in o:
            notes.append(f'{tag}: manual value {o["v"]}')
        else:
            v, u = compute(span, o.get('col'), o.get('u'))
            if 'abs' in flags:
                v = abs(v)
            if abs(v - g['value']) > 1e-9 * max(1, abs(v)) or u != g['unit']:
                errors.append(f'{tag}: value/unit {g["value"]} {g["unit"]} != recomputed {v} {u}')
        if g['unit'] not in ALLOWED:
            notes.append(f'{tag}: unit outside LABELING list: {g["unit"]}')
        if g['region'] != subprocess.run(['opencc', '-c', 't2s'], input=g['region'], capture_output=True, text=True).stdout:
            errors.append(f'{tag}: region not simplified')
        p = g['period']
        if p is None:
            if pub[g['article']] is not None:
                errors.append(f'{tag}: null period but published known')
        elif not re.fullmatch(r'\d{4}(-\d{2}(-\d{2})?)?', p):
            errors.append(f'{tag}: bad period {p}')
        if g['qualifier'] not in ('exact', 'over', 'under', 'approx'):
            errors.append(f'{tag}: bad qualifier')
        c = g.get('change')
        if c and (c['kind'] not in ('yoy_pct', 'pct', 'abs', 'rank_change') or c['direction'] not in ('up', 'down')):
            errors.append(f'{tag}: bad change')
        mm = meas[i]
        if mm['line'] != i or any(mm[k] != g[k] for k in ('article', 'region', 'indicator_text', 'value', 'period')):
            errors.append(f'{tag}: measures line not aligned')
        if not re.fullmatch(r'[a-z0-9_]+(\.[a-z0-9_]+)*(\[[^\]]+\])?(\.[a-z0-9_]+)*(@[a-z0-9_]+)?', mm['measure']):
            errors.append(f'{tag}: measure id malformed: {mm["measure"]}')
    seen = {}
    for i, g in enumerate(gold):
        k = (g['article'], g['region'], meas[i]['measure'], g['period'], g['value'])
        if k in seen:
            errors.append(f'line {i}: duplicate of line {seen[k]}')
        seen[k] = i
    for e in errors:
        print('ERROR', e)
    print(f'lines checked: {len(gold)}; errors: {len(errors)}')
    print(f'NOTE lines: {len(notes)}')
    for n in notes:
        print('  NOTE', n)
    print('article lengths (file / normalised):', ' '.join(f'{a}={lens[a]}/{len(texts[a])}' for a in sorted(lens)))
    for cmd in (['python3', '/work/shared/eval/score.py', 'gold.jsonl', 'src/gold_as_extracted.jsonl'],
                ['python3', '/work/shared/eval/identity.py', 'gold.jsonl', 'measures.jsonl', 'src/gold_as_extracted.jsonl']):
        print('$', ' '.join(c.replace('/work/shared/eval/', '') for c in cmd))
        r = subprocess.run(cmd, cwd=OUT, capture_output=True, text=True)
        print(r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
