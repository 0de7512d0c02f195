#!/usr/bin/env python3
"""Build blind-10 from src/raw/nNN.txt: articles/, articles.jsonl, gold.jsonl, measures.jsonl,
src/gold_as_extracted.jsonl. Values and units are computed from the number span (units.py)."""
import glob, json, os, re, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from units import compute, norm

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
CH = {'yoy': 'yoy_pct', 'abs': 'abs', 'pct': 'pct', 'rank': 'rank_change'}
KINDS = ('.yoy_pct', '.change', '.mom_pct', '.rank_change')


def parse_raw(path):
    text = open(path, encoding='utf-8').read()
    head, rest = text.split('\n--- body\n', 1)
    body, labels = rest.split('\n--- labels\n', 1)
    meta = {}
    for line in head.splitlines():
        if ':' in line:
            k, v = line.split(':', 1)
            meta[k.strip()] = v.strip()
    return meta, body.strip('\n') + '\n', labels


def convert(body, script):
    if script == 'simplified':
        return body
    kind, cfg = script.split('/')
    t = subprocess.run(['opencc', '-c', cfg], input=body, capture_output=True, text=True, check=True).stdout
    if kind == 'traditional':
        return t
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, 's'), os.path.join(d, 't')
        open(a, 'w').write(body); open(b, 'w').write(t)
        return subprocess.run(['node', os.path.join(SRC, 'pinyin.js'), a, b], capture_output=True, text=True, check=True).stdout


def labels_of(meta, labels):
    out = []
    for n, line in enumerate(labels.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        parts = [p.strip() for p in line.split('|')]
        if len(parts) != 5:
            raise SystemExit(f"{meta['id']} label {n}: need 5 fields: {line}")
        region, ind, span, period, opts = parts
        o = {}
        flags = set()
        for tok in opts.split():
            if '=' in tok:
                k, v = tok.split('=', 1)
                o[k] = v
            else:
                flags.add(tok)
        main = region in ('@', '')
        if main:
            region = meta['region']
        if period == '':
            period = meta['period']
        elif period == '-':
            period = None
        if 'v' in o:
            value, unit = float(o['v']), o.get('u')
            value = int(value) if value == int(value) else value
        else:
            value, unit = compute(span, o.get('col'), o.get('u'))
        if 'abs' in flags:
            value = abs(value)
        g = {'article': meta['id'], 'region': region}
        alt = o['alt'].split('/') if 'alt' in o else (meta['alt'].split('/') if main and meta.get('alt') else [])
        if alt:
            g['region_alt'] = alt
        g.update({'indicator_text': norm(ind), 'value': value, 'unit': unit, 'period': period,
                  'qualifier': {'over': 'over', 'under': 'under', 'approx': 'approx'}.get(o.get('q', 'exact'), 'exact')})
        m = o.get('m')
        if not m:
            raise SystemExit(f"{meta['id']} label {n}: no measure: {line}")
        if 'ch' in o:
            k, d = o['ch'].split('_')
            g['change'] = {'kind': CH[k], 'direction': d}
            if not any(x in m for x in KINDS):
                suf = {'yoy': '.yoy_pct', 'pct': '.change_pct', 'rank': '.rank_change'}.get(k)
                if k == 'abs':
                    suf = '.change_pp' if unit == 'pp' else '.change_abs'
                base, _, win = m.partition('@')
                m = base + suf + ('@' + win if win else '')
        g['required'] = 'opt' not in flags
        out.append((g, m, span, o, flags))
    return out


def main():
    arts, gold, measures, ext = [], [], [], []
    for path in sorted(glob.glob(os.path.join(SRC, 'raw', 'n*.txt'))):
        meta, body, labels = parse_raw(path)
        text = convert(body, meta['script'])
        open(os.path.join(OUT, 'articles', meta['id'] + '.txt'), 'w', encoding='utf-8').write(text)
        pub = meta['published']
        arts.append({'article': meta['id'], 'published': None if pub == 'null' else pub,
                     'source_url': None if meta.get('source_url', 'null') == 'null' else meta['source_url'],
                     'script': meta['script'].split('/')[0], 'source': meta.get('source'), 'notes': meta.get('notes', '')})
        for g, m, span, o, flags in labels_of(meta, labels):
            line = len(gold)
            gold.append(g)
            measures.append({'line': line, 'article': g['article'], 'region': g['region'],
                             'indicator_text': g['indicator_text'], 'value': g['value'], 'period': g['period'], 'measure': m})
            ext.append({'articleId': g['article'], 'region': g['region'], 'indicator': m,
                        'indicatorLabel': g['indicator_text'], 'value': g['value'], 'unit': g['unit'],
                        'period': g['period'], 'qualifier': g['qualifier']})
    def dump(name, rows):
        with open(name, 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    dump(os.path.join(OUT, 'articles.jsonl'), arts)
    dump(os.path.join(OUT, 'gold.jsonl'), gold)
    dump(os.path.join(OUT, 'measures.jsonl'), measures)
    dump(os.path.join(SRC, 'gold_as_extracted.jsonl'), ext)
    print(f'articles={len(arts)} gold={len(gold)}')


if __name__ == '__main__':
    main()
