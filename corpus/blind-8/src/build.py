#!/usr/bin/env python3
"""Build blind-8 from src/raw/kNN.txt.

Raw file: '# key: value' header lines (id, published, source, source_url, script, notes,
region = default region, period = default period), then '=== body', the article in simplified
Chinese, then '=== labels', one label a line:
  region | indicator_text | number span as written | period | options
'-' in region/period means the header default. Options (space separated):
  m=<measure id>  ch=yoy_up|yoy_down|abs_up|abs_down|pct_up|pct_down|rank_up|rank_down
  q=over|under|approx  opt  alt=A/B  u=<unit override>  col=<unit column, e.g. 万吨>  v=<manual value>
For changes the kind suffix (.yoy_pct, .change_abs / .change_pp, .change_pct, .rank_change) is inserted
before '@' unless the measure id already carries a kind.
Values and units are computed from the span (common.parse_span); never typed, except v=.
"""
import json, os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import parse_span, clean, opencc, norm

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
KINDS = ('.yoy_pct', '.change_abs', '.change_pp', '.change_pct', '.mom_pct', '.rank_change', '.change_')
CH = {'yoy': 'yoy_pct', 'abs': 'abs', 'pct': 'pct', 'rank': 'rank_change'}


def read_raw(path):
    head, body, labels, sec = {}, [], [], 'head'
    for line in open(path, encoding='utf-8').read().split('\n'):
        if line.strip() == '=== body':
            sec = 'body'; continue
        if line.strip() == '=== labels':
            sec = 'labels'; continue
        if sec == 'head':
            m = re.match(r'#\s*(\w+):\s*(.*)', line)
            if m:
                head[m.group(1)] = m.group(2).strip()
        elif sec == 'body':
            body.append(line)
        elif line.strip() and not line.startswith('#'):
            labels.append(line)
    return head, '\n'.join(body).strip('\n') + '\n', labels


def convert(body, script):
    if script == 'simplified':
        return body
    kind, cfg = script.split('/')
    t = opencc(body, cfg)
    if kind == 'traditional':
        return t
    r = subprocess.run(['node', os.path.join(HERE, 'pinyin.js')], input=json.dumps({'s': body, 't': t}),
                       capture_output=True, text=True, check=True)
    return r.stdout


def label(aid, head, raw):
    parts = [p.strip() for p in raw.split('|')]
    if len(parts) != 5:
        raise SystemExit(f'{aid}: bad label: {raw}')
    region, ind, span, period, opts = parts
    region = head.get('region') if region == '-' else region
    period = head.get('period') if period == '-' else period
    period = None if period in ('null', 'None', '') else period
    o = {}
    flags = set()
    for tok in opts.split():
        if '=' in tok:
            k, v = tok.split('=', 1); o[k] = v
        else:
            flags.add(tok)
    if 'v' in o:
        value, unit = float(o['v']), o.get('u')
    else:
        value, unit = parse_span(span, col=o.get('col'), unit_override=o.get('u'))
    change = None
    if 'ch' in o:
        k, d = o['ch'].split('_')
        change = {'kind': CH[k], 'direction': d}
        if value < 0:
            value = -value
    g = {'article': aid, 'region': region}
    if 'alt' in o:
        g['region_alt'] = o['alt'].split('/')
    g.update({'indicator_text': norm(ind), 'value': clean(value), 'unit': unit, 'period': period,
              'qualifier': o.get('q', 'exact')})
    if change:
        g['change'] = change
    g['required'] = 'opt' not in flags
    meas = o.get('m')
    if not meas:
        raise SystemExit(f'{aid}: no measure: {raw}')
    if change and not any(k in meas for k in KINDS):
        suf = {'yoy_pct': '.yoy_pct', 'pct': '.change_pct', 'rank_change': '.rank_change',
               'abs': '.change_pp' if unit == 'pp' else '.change_abs'}[change['kind']]
        base, _, win = meas.partition('@')
        meas = base + suf + ('@' + win if win else '')
    extra = {'span': span, 'manual': 'v' in o}
    return g, meas, extra


def main():
    raws = sorted(f for f in os.listdir(os.path.join(HERE, 'raw')) if f.endswith('.txt'))
    arts, gold, meas, ext, spans = [], [], [], [], []
    os.makedirs(os.path.join(OUT, 'articles'), exist_ok=True)
    for f in raws:
        head, body, labels = read_raw(os.path.join(HERE, 'raw', f))
        aid = head['id']
        text = convert(body, head['script'])
        open(os.path.join(OUT, 'articles', aid + '.txt'), 'w', encoding='utf-8').write(text)
        pub = head.get('published')
        arts.append({'article': aid, 'published': None if pub in (None, 'null') else pub,
                     'source_url': None if head.get('source_url') in (None, 'null') else head['source_url'],
                     'script': head['script'].split('/')[0].replace('pinyin', 'traditional+pinyin-annotations'),
                     'source': head.get('source'), 'notes': head.get('notes', '')})
        for raw in labels:
            g, m, x = label(aid, head, raw)
            line = len(gold)
            gold.append(g)
            meas.append({'line': line, 'article': aid, 'region': g['region'], 'indicator_text': g['indicator_text'],
                         'value': g['value'], 'period': g['period'], 'measure': m})
            ext.append({'articleId': aid, 'region': g['region'], 'indicator': m, 'indicatorLabel': g['indicator_text'],
                        'value': g['value'], 'unit': g['unit'], 'period': g['period'], 'qualifier': g['qualifier']})
            spans.append(dict(x, line=line, article=aid))

    def dump(name, rows):
        with open(os.path.join(OUT, name), 'w', encoding='utf-8') as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    dump('articles.jsonl', arts)
    dump('gold.jsonl', gold)
    dump('measures.jsonl', meas)
    dump('src/gold_as_extracted.jsonl', ext)
    dump('src/spans.jsonl', spans)
    print(f'articles={len(arts)} gold={len(gold)}')


if __name__ == '__main__':
    main()
