#!/usr/bin/env python3
"""Checks landmarks.tsv against gazetteer.tsv. Exit 1 on any ERROR."""
import sys, collections
import os as _os
RES = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), '..', '..', '..', 'streams-app', 'src', 'main', 'resources', 'regions')
GZ = _os.path.join(RES, 'gazetteer.tsv')
LM = _os.path.join(RES, 'landmarks.tsv')
# two-character names/aliases accepted as unmistakable (reviewed by hand)
SHORT_OK = {'乌镇', '豫园', '乾陵', '晋祠', '溱湖', '殷墟', '崀山', '邛海', '洱海', '篁岭', '虞山', '杨凌'}
gz, gzlabels = {}, collections.defaultdict(set)
for line in open(GZ, encoding='utf-8'):
    if line.startswith('#') or line.startswith('code\t'): continue
    f = line.rstrip('\n').split('\t')
    if len(f) < 5: continue
    gz.setdefault(f[0], f)
    for n in [f[1], f[2]] + [a for a in (f[5].split('|') if len(f) > 5 else []) if a]:
        gzlabels[n].add(f[0])
def level(c): return gz[c][3]
def parent(c): return gz[c][4]
errors, warns, infos = [], [], []
rows = []
for i, line in enumerate(open(LM, encoding='utf-8'), 1):
    if line.startswith('#') or line.startswith('name\t'): continue
    f = line.rstrip('\n').split('\t')
    if len(f) != 5: errors.append('line %d: %d fields' % (i, len(f))); continue
    rows.append((i,) + tuple(f))
KINDS = {'airport', 'port', 'port_area', 'scenic', 'zone'}
seen = {}
allterms = []
for i, name, al, kind, code, note in rows:
    if kind not in KINDS: errors.append('line %d: bad kind %s' % (i, kind))
    if code not in gz: errors.append('line %d: code %s not in gazetteer' % (i, code)); continue
    lv, par = level(code), parent(code)
    prov_admin = lv == 'COUNTY' and par in gz and level(par) == 'PROVINCE'
    childless_pref = lv == 'PREFECTURE' and not any(v[4] == code and v[0] != code for v in gz.values())
    if kind in ('airport', 'port', 'port_area'):
        if not (lv in ('PREFECTURE', 'COUNTY')):  # a county when the name starts with it (build.py)
            errors.append('line %d: %s %s filed under %s level %s' % (i, kind, name, code, lv))
    elif kind == 'scenic':
        if not (lv in ('COUNTY', 'PREFECTURE') or code in ('810000', '820000')):  # urban districts: the city
            errors.append('line %d: scenic %s filed under %s level %s' % (i, name, code, lv))
    terms = [name] + [a for a in al.split('|') if a]
    if len(set(terms)) != len(terms): errors.append('line %d: repeated term in row %s' % (i, name))
    for t in terms:
        if t in seen: errors.append('line %d: %s duplicates line %d' % (i, t, seen[t]))
        seen.setdefault(t, i)
        allterms.append((t, i, code))
        # equals an administrative name/alias
        if t in gzlabels:
            if gzlabels[t] == {code}:
                infos.append('line %d: %s equals the gazetteer label of its own code %s (kept as canonical name)' % (i, t, code))
            else:
                errors.append('line %d: %s equals administrative label of %s' % (i, t, sorted(gzlabels[t])))
        # contained in an administrative name/alias
        for g, cs in gzlabels.items():
            if t != g and t in g and cs != {code}:
                errors.append('line %d: %s is contained in administrative label %s (%s)' % (i, t, g, ','.join(sorted(cs))))
        if t is not name and len(t) < 3 and t not in SHORT_OK:
            errors.append('line %d: alias %s shorter than 3 chars' % (i, t))
        if t is name and len(t) < 3 and t not in SHORT_OK:
            warns.append('line %d: 2-char name %s' % (i, t))
# cross-row containment (an extractor doing longest-match handles these; listed for review)
for t, i, c in allterms:
    for u, j, d in allterms:
        if i != j and t != u and t in u and c != d:
            warns.append('"%s" (line %d, %s) occurs inside "%s" (line %d, %s); longest match needed' % (t, i, c, u, j, d))
cnt = collections.Counter(r[3] for r in rows)
print('rows: %d  ' % len(rows) + '  '.join('%s=%d' % (k, cnt[k]) for k in ['airport', 'port', 'port_area', 'scenic', 'zone']))
print('aliases: %d' % sum(len([a for a in r[2].split('|') if a]) for r in rows))
print('uncertain rows: %d' % sum('uncertain' in r[5] for r in rows))
for e in errors: print('ERROR', e)
for w in warns: print('WARN', w)
for x in infos: print('INFO', x)
print('errors: %d  warnings: %d  info: %d' % (len(errors), len(warns), len(infos)))
sys.exit(1 if errors else 0)
