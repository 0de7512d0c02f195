#!/usr/bin/env python3
"""Independent re-check of blind-7: normalise each article (html.unescape, NFKC, pinyin annotations
removed, OpenCC t2s) and verify every gold line; then run score.py and identity.py on gold vs
gold_as_extracted (must be 1.0)."""
import html, json, os, re, subprocess, sys, unicodedata, collections
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
sys.path.insert(0, SRC)
import numparse
EVAL = "/work/shared/eval"
PY = re.compile(r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+\s?)+\)")
KNOWN_UNITS = {"count", "day", "min", "year", "kW", "kWh", "kV", "km", "km2", "ha", "t", "CNY", "USD", "%", "pp",
               "μg/m³", "PFLOPS", "index", "rank", "kg/mu", "‰", "°C", "km/h", "m", "t/h"}


def normalise(text, script):
    t = html.unescape(text)
    t = unicodedata.normalize("NFKC", t)
    if script != "simplified":
        t = PY.sub("", t)
        t = subprocess.run(["opencc", "-c", "t2s.json"], input=t, capture_output=True, text=True, check=True).stdout
    return t


def load(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]


def main():
    arts = {a["article"]: a for a in load(os.path.join(OUT, "articles.jsonl"))}
    gold = load(os.path.join(OUT, "gold.jsonl"))
    meas = load(os.path.join(OUT, "measures.jsonl"))
    spans = load(os.path.join(SRC, "spans.jsonl"))
    errors, notes = [], []
    norm = {}
    for a, meta in arts.items():
        raw = open(os.path.join(OUT, "articles", a + ".txt"), encoding="utf-8").read()
        norm[a] = normalise(raw, meta["script"])
        if meta["script"].startswith("traditional") and normalise(raw, "simplified") == norm[a]:
            errors.append(f"{a}: script says traditional but text is simplified")
    if len(meas) != len(gold):
        errors.append("measures.jsonl not aligned with gold (length)")
    seen = collections.Counter()
    for i, g in enumerate(gold):
        a = g["article"]; t = norm[a]; pub = arts[a]["published"]
        sp = spans[i]
        if g["indicator_text"] not in t:
            errors.append(f"line {i} {a}: indicator_text {g['indicator_text']!r} not in article")
        if sp["span"] not in t:
            errors.append(f"line {i} {a}: span {sp['span']!r} not in article")
        try:
            v, u = numparse.parse(sp["span"], sp["col"])
        except ValueError as e:
            errors.append(f"line {i}: {e}"); continue
        if g.get("change") and isinstance(v, (int, float)):
            v = abs(v)
        if (v, u) != (g["value"], g["unit"]):
            notes.append(f"line {i} {a}: manual value/unit {g['value']} {g['unit']} (span {sp['span']!r} gives {v} {u})")
        if g["unit"] not in KNOWN_UNITS:
            notes.append(f"line {i} {a}: unit outside LABELING list: {g['unit']}")
        r = g["region"]
        if subprocess.run(["opencc", "-c", "t2s.json"], input=r, capture_output=True, text=True).stdout.strip() != r:
            errors.append(f"line {i}: region not simplified {r}")
        p = g["period"]
        if p is None:
            if pub is not None and g["required"]:
                errors.append(f"line {i} {a}: null period but published {pub}")
            elif pub is not None:
                notes.append(f"line {i} {a}: optional undated start value, period null")
        elif not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", p):
            errors.append(f"line {i}: bad period {p}")
        if g["qualifier"] not in ("exact", "over", "under", "approx"):
            errors.append(f"line {i}: bad qualifier")
        c = g.get("change")
        if c and (c["kind"] not in ("yoy_pct", "pct", "abs", "rank_change") or c["direction"] not in ("up", "down")):
            errors.append(f"line {i}: bad change {c}")
        m = meas[i]
        if m["line"] != i or m["article"] != a or m["region"] != r or m["value"] != g["value"] or m["period"] != p \
                or m["indicator_text"] != g["indicator_text"]:
            errors.append(f"line {i}: measures line misaligned")
        if not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*(\[[^\]]+\])?(\.[a-z0-9_]+)*(@[a-z0-9_]+)?", m["measure"]):
            errors.append(f"line {i}: bad measure id {m['measure']}")
        key = (a, r, m["measure"], p, g["value"])
        seen[key] += 1
        if seen[key] > 1:
            errors.append(f"line {i}: duplicate observation {key}")
    # one measure per region+article+period should not carry two different values
    bym = collections.defaultdict(set)
    for i, g in enumerate(gold):
        bym[(g["article"], g["region"], meas[i]["measure"], g["period"])].add(g["value"])
    for k, vs in bym.items():
        if len(vs) > 1:
            notes.append(f"same measure/period with several values (check): {k} {sorted(vs)}")
    for e in errors:
        print("ERROR", e)
    for n in notes:
        print("NOTE", n)
    print(f"lines checked: {len(gold)}; errors: {len(errors)}")
    for cmd in (["score.py", os.path.join(OUT, "gold.jsonl"), os.path.join(SRC, "gold_as_extracted.jsonl")],
                ["identity.py", os.path.join(OUT, "gold.jsonl"), os.path.join(OUT, "measures.jsonl"),
                 os.path.join(SRC, "gold_as_extracted.jsonl")]):
        r = subprocess.run([sys.executable, os.path.join(EVAL, cmd[0])] + cmd[1:], capture_output=True, text=True)
        print("$", cmd[0], " ".join(os.path.basename(x) for x in cmd[1:]))
        print(r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
