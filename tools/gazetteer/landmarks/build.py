#!/usr/bin/env python3
"""Build landmarks.tsv from src/*.txt.
Source line format:  name;aliases(|-sep);ref;note
ref = gazetteer code, or a gazetteer name/fullName/alias, optionally qualified 'Parent>Name'
(Parent matched against any ancestor's name/fullName/alias)."""
import sys, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, '..', '..', '..', 'streams-app', 'src', 'main', 'resources', 'regions')
GZ = os.path.join(RES, 'gazetteer.tsv')
rows = {}
names = collections.defaultdict(set)
for line in open(GZ, encoding='utf-8'):
    if line.startswith('#') or line.startswith('code\t'):
        continue
    f = line.rstrip('\n').split('\t')
    if len(f) < 5: continue
    code, name, full, level, parent = f[:5]
    al = [a for a in (f[5].split('|') if len(f) > 5 else []) if a]
    rows.setdefault(code, dict(code=code, name=name, full=full, level=level, parent=parent, aliases=al))
    for n in [name, full] + al:
        names[n].add(code)

def ancestors(code):
    out = []
    seen = set()
    while code in rows and code not in seen:
        seen.add(code)
        p = rows[code]['parent']
        if not p or p == code: break
        out.append(p); code = p
    return out

def labels(code):
    r = rows[code]; return {r['name'], r['full'], *r['aliases']}

def resolve(ref):
    ref = ref.strip()
    if ref in rows: return ref, None
    if '>' in ref:
        par, nm = ref.split('>', 1)
        cands = [c for c in names.get(nm, ()) if any(par in labels(a) for a in ancestors(c))]
    else:
        cands = sorted(names.get(ref, ()))
    cands = sorted(set(cands))
    if len(cands) == 1: return cands[0], None
    if not cands: return None, 'unknown ref %r' % ref
    return None, 'ambiguous ref %r: %s' % (ref, ', '.join('%s %s(%s)' % (c, rows[c]['full'], rows[rows[c]['parent']]['name'] if rows[c]['parent'] in rows else '') for c in cands))

def filed_under(kind, name, code):
    """Where labellers file a landmark's figures (seen in four independently labelled sets):
    - an airport or port named after a county-level place is that place's (敦煌机场 -> 敦煌市,
      万州港 -> 万州区); one of a province-level unit is left out: inside 北京/天津/上海/重庆 the
      district around it is the region (天津港 in a 滨海新区 article), which the text says better;
    - a scenic area in an urban district of a city is the city's (布达拉宫 -> 拉萨, not 城关区);
      one in a county stays the county's (黄龙景区 -> 松潘县)."""
    r = rows[code]
    if kind in ('airport', 'port', 'port_area'):
        first = max((k for k in names if name.startswith(k) and len(k) >= 2), key=len, default=None)
        county = [c for c in names.get(first, ()) if rows[c]['level'] == 'COUNTY' and code in ancestors(c)]
        if len(county) == 1:
            return county[0]
        return None if r['level'] == 'PROVINCE' else code
    if kind == 'scenic' and r['level'] == 'COUNTY' and r['name'].endswith('区') \
            and not re.search('风景|开发|管理|实验|园', r['name']) \
            and rows.get(r['parent'], {}).get('level') == 'PREFECTURE':
        return r['parent']
    return code

KINDS = ['airport', 'port', 'port_area', 'scenic', 'zone']
out, errs = [], []
for kind in KINDS:
    p = os.path.join(HERE, 'src', kind + '.txt')
    if not os.path.exists(p): continue
    for ln, line in enumerate(open(p, encoding='utf-8'), 1):
        line = line.strip()
        if not line or line.startswith('#'): continue
        f = line.split(';', 3)
        if len(f) != 4:
            errs.append('%s:%d bad field count: %s' % (kind, ln, line)); continue
        name, al, ref, note = [x.strip() for x in f]
        code, e = resolve(ref)
        if e: errs.append('%s:%d %s (%s)' % (kind, ln, e, name)); continue
        code = filed_under(kind, name, code)
        if code is None:
            continue
        aliases = [a.strip() for a in al.split('|') if a.strip()]
        out.append((name, '|'.join(aliases), kind, code, note))
for e in errs: print('ERR', e)
hdr = open(os.path.join(HERE, 'src', 'header.txt'), encoding='utf-8').read()
with open(os.path.join(RES, 'landmarks.tsv'), 'w', encoding='utf-8') as w:
    w.write(hdr)
    w.write('name\taliases\tkind\tcode\tnote\n')
    for r in out:
        w.write('\t'.join(r) + '\n')
print('rows', len(out), collections.Counter(r[2] for r in out))
sys.exit(1 if errs else 0)
