#!/usr/bin/env python3
"""Independent re-check of blind-11 (run after build.py). Normalises every article (html.unescape,
NFKC, pinyin annotations removed, OpenCC t2s) and checks every gold line; then runs the scorers."""
import html, json, os, re, subprocess, sys, unicodedata
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVAL = "/work/shared/eval"
sys.path.insert(0, HERE)
from units import parse_span  # noqa: E402

PINYIN_RE = re.compile(r"\([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+\)")
KNOWN_UNITS = {"count", "day", "min", "year", "kW", "kWh", "kV", "km", "km2", "ha", "t", "CNY", "USD",
               "%", "pp", "μg/m³", "PFLOPS", "index", "rank", "kg/mu", "‰", "°C", "km/h", "m", "t/h"}
MEASURE_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*(\[[^\]\s]+\])?(\.[a-z0-9_]+)*(@[a-z0-9_]+)?$")


def normalise(text):
    t = unicodedata.normalize("NFKC", html.unescape(text))
    t = PINYIN_RE.sub("", t)
    return subprocess.run(["opencc", "-c", "t2s"], input=t, capture_output=True, text=True, check=True).stdout


def t2s(s):
    return subprocess.run(["opencc", "-c", "t2s"], input=s, capture_output=True, text=True, check=True).stdout


def load(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]


arts = {a["article"]: a for a in load(os.path.join(ROOT, "articles.jsonl"))}
gold = load(os.path.join(ROOT, "gold.jsonl"))
meas = load(os.path.join(ROOT, "measures.jsonl"))
spans = load(os.path.join(HERE, "spans.jsonl"))
texts, lens = {}, {}
for aid in arts:
    raw = open(os.path.join(ROOT, "articles", aid + ".txt"), encoding="utf-8").read()
    texts[aid] = normalise(raw)
    lens[aid] = (len(raw.rstrip()), len(texts[aid].rstrip()))
errors, notes = [], []
regions_all = "".join(sorted({g["region"] for g in gold} | {r for g in gold for r in g.get("region_alt", [])}))
conv = t2s(regions_all)
if conv != regions_all:
    errors.append(f"regions not simplified: {regions_all} -> {conv}")
seen = Counter()
if len(meas) != len(gold) or len(spans) != len(gold):
    errors.append("measures/spans not aligned with gold (length)")
for i, g in enumerate(gold):
    tag = f"line {i} {g['article']} {g['indicator_text']}"
    text = texts.get(g["article"])
    if text is None:
        errors.append(f"{tag}: unknown article")
        continue
    if g["indicator_text"] not in text:
        errors.append(f"{tag}: indicator_text not in article")
    sp = spans[i]
    span_n = unicodedata.normalize("NFKC", html.unescape(sp["span"]))
    if span_n not in text:
        errors.append(f"{tag}: span {sp['span']!r} not in article")
    v, u, flags = parse_span(sp["span"], sp["col"], sp["u"])
    if sp["v"] is not None:
        notes.append(f"NOTE {tag}: manual value {sp['v']} (span {sp['span']!r})")
        v = float(sp["v"])
    if sp["abs"] and v < 0:
        v = -v
    if abs(float(v) - float(g["value"])) > 1e-6 * max(1, abs(float(v))) or u != g["unit"]:
        errors.append(f"{tag}: value/unit {g['value']} {g['unit']} != recomputed {v} {u}")
    if "range" in flags:
        notes.append(f"NOTE {tag}: vague range {sp['span']!r} -> upper end {v}")
    if g["unit"] not in KNOWN_UNITS:
        notes.append(f"NOTE {tag}: unit outside LABELING list: {g['unit']}")
    p = g["period"]
    if p is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", p):
        errors.append(f"{tag}: bad period {p}")
    if p is None and arts[g["article"]]["published"] is not None:
        errors.append(f"{tag}: null period with known publication date")
    if g["qualifier"] not in ("exact", "over", "under", "approx"):
        errors.append(f"{tag}: bad qualifier")
    ch = g.get("change")
    if ch and (ch.get("kind") not in ("yoy_pct", "pct", "abs", "rank_change") or ch.get("direction") not in ("up", "down")):
        errors.append(f"{tag}: bad change {ch}")
    if ch and ch["kind"] in ("yoy_pct", "pct") and g["unit"] != "%":
        errors.append(f"{tag}: pct change with unit {g['unit']}")
    if not isinstance(g["required"], bool):
        errors.append(f"{tag}: required not bool")
    m = meas[i]
    if m["line"] != i or m["article"] != g["article"] or m["region"] != g["region"] or m["value"] != g["value"] \
            or m["indicator_text"] != g["indicator_text"] or m["period"] != g["period"]:
        errors.append(f"{tag}: measures line not aligned")
    if not MEASURE_RE.match(m["measure"]):
        errors.append(f"{tag}: bad measure id {m['measure']}")
    key = (g["article"], g["region"], m["measure"], g["period"], g["value"])
    seen[key] += 1
    if seen[key] > 1:
        errors.append(f"{tag}: duplicate observation {key}")
for a in arts.values():
    if a["published"] is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", a["published"]):
        errors.append(f"{a['article']}: bad published {a['published']}")
for e in errors:
    print("ERROR", e)
for n in notes:
    print(n)
print(f"lines checked: {len(gold)}; errors: {len(errors)}")
print("NOTE lines:", len(notes))
print("article lengths (file / normalised): " + " ".join(f"{k}={v[0]}/{v[1]}" for k, v in sorted(lens.items())))
for cmd in (["python3", f"{EVAL}/score.py", "gold.jsonl", "src/gold_as_extracted.jsonl"],
            ["python3", f"{EVAL}/identity.py", "gold.jsonl", "measures.jsonl", "src/gold_as_extracted.jsonl"]):
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    print("$ " + " ".join(c.replace(EVAL + "/", "") for c in cmd))
    print(r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr)
sys.exit(1 if errors else 0)
