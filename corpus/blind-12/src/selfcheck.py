#!/usr/bin/env python3
"""Independent re-check of blind-12.

Normalises every article file (html.unescape, NFKC, pinyin annotations removed, OpenCC t2s),
then checks every gold line: indicator_text and the number span occur in the normalised
article (the span at the recorded position), value and unit recomputed from the span equal
the label, region/alt are simplified, period/qualifier/change are well formed, no null
period when the publication date is known, measures.jsonl is aligned and its ids are well
formed, no duplicate observation. Finally runs score.py and identity.py of gold against
gold-as-extracted; both must give 1.0.
"""
import collections
import json
import os
import re
import subprocess
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import units  # noqa: E402
from normalize import normalize, opencc_t2s, PINYIN  # noqa: E402

EVAL = "/work/shared/eval"
KNOWN_UNITS = {"count", "day", "min", "year", "kW", "kWh", "kV", "km", "km2", "ha", "t", "CNY", "USD", "%",
               "pp", "μg/m³", "PFLOPS", "index", "rank", "‰", "°C", "km/h", "m", "t/h", "kg/mu"}
PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MEASURE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+(\[[^\]]+\])?(\.[a-z0-9_]+)*(@[a-z0-9_]+)?$")


def load(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]


def main():
    arts = {a["article"]: a for a in load(os.path.join(ROOT, "articles.jsonl"))}
    gold = load(os.path.join(ROOT, "gold.jsonl"))
    meas = load(os.path.join(ROOT, "measures.jsonl"))
    spans = load(os.path.join(HERE, "spans.jsonl"))
    errors, notes = [], []
    norm = {}
    raw_len = {}
    for aid in arts:
        txt = open(os.path.join(ROOT, "articles", aid + ".txt"), encoding="utf-8").read()
        raw_len[aid] = len(txt)
        norm[aid] = normalize(txt)
        if arts[aid]["script"] != "traditional+pinyin-annotations":
            plain = __import__("unicodedata").normalize("NFKC", __import__("html").unescape(txt))
            if PINYIN.search(plain):
                errors.append(f"{aid}: pinyin-like annotation in a non-annotated article")
    if len(meas) != len(gold) or len(spans) != len(gold):
        errors.append(f"length mismatch gold={len(gold)} measures={len(meas)} spans={len(spans)}")
    seen = set()
    for i, g in enumerate(gold):
        aid = g["article"]
        a = arts.get(aid)
        where = f"line {i} {aid} {g['indicator_text']}"
        if a is None:
            errors.append(f"{where}: unknown article"); continue
        N = norm[aid]
        if g["indicator_text"] not in N:
            errors.append(f"{where}: indicator_text not in normalised article")
        sp = spans[i]
        span_n = units.norm(sp["span"])
        if N[sp["start"]:sp["end"]] != opencc_t2s(span_n):
            if span_n not in N and opencc_t2s(span_n) not in N:
                errors.append(f"{where}: span {sp['span']!r} not in normalised article")
            else:
                errors.append(f"{where}: span {sp['span']!r} not at recorded position")
        try:
            val, unit = units.parse(sp["span"], col=sp["col"], u=sp["u"], bei=sp["bei"])
        except ValueError as e:
            errors.append(f"{where}: {e}"); continue
        if sp["v"] is not None:
            notes.append(f"NOTE manual value {where}: span {sp['span']!r} -> {sp['v']}")
            val = Decimal(sp["v"])
        if sp["sgn"]:
            val = abs(val)
        if units.to_json_number(val) != g["value"] or unit != g["unit"]:
            errors.append(f"{where}: value/unit {g['value']} {g['unit']} != recomputed {val} {unit}")
        if g["unit"] not in KNOWN_UNITS:
            notes.append(f"NOTE unit outside LABELING's list: {g['unit']} ({where})")
        for r in [g["region"]] + g.get("region_alt", []):
            if opencc_t2s(r) != r:
                errors.append(f"{where}: region {r} not simplified")
        p = g["period"]
        if p is None:
            if a["published"] is not None:
                errors.append(f"{where}: null period but published {a['published']}")
        elif not PERIOD.match(p):
            errors.append(f"{where}: bad period {p}")
        if g["qualifier"] not in ("exact", "over", "under", "approx"):
            errors.append(f"{where}: bad qualifier")
        ch = g.get("change")
        if ch:
            if ch["kind"] not in ("yoy_pct", "pct", "abs", "rank_change") or ch["direction"] not in ("up", "down"):
                errors.append(f"{where}: bad change {ch}")
            if ch["kind"] in ("yoy_pct", "pct") and g["unit"] != "%":
                errors.append(f"{where}: {ch['kind']} change with unit {g['unit']}")
            if ch["kind"] == "rank_change" and g["unit"] != "rank":
                errors.append(f"{where}: rank_change with unit {g['unit']}")
            if g["value"] < 0:
                errors.append(f"{where}: negative change value")
        m = meas[i]
        if (m["line"], m["article"], m["region"], m["indicator_text"], m["value"], m["period"]) != \
                (i, aid, g["region"], g["indicator_text"], g["value"], g["period"]):
            errors.append(f"{where}: measures line not aligned")
        if not MEASURE.match(m["measure"]):
            errors.append(f"{where}: measure id malformed: {m['measure']}")
        key = (aid, g["region"], m["measure"], g["period"], g["value"])
        if key in seen:
            errors.append(f"{where}: duplicate observation {key}")
        seen.add(key)
        if not isinstance(g["required"], bool):
            errors.append(f"{where}: required not boolean")
    for e in errors:
        print("ERROR", e)
    print(f"lines checked: {len(gold)}; errors: {len(errors)}")
    for n in notes:
        print(n)
    print(f"NOTE lines: {len(notes)}")
    print("article lengths (file / normalised): " +
          " ".join(f"{a}={raw_len[a]}/{len(norm[a].strip())}" for a in arts))
    for args in (["score.py", "gold.jsonl", "src/gold_as_extracted.jsonl"],
                 ["identity.py", "gold.jsonl", "measures.jsonl", "src/gold_as_extracted.jsonl"]):
        print("$ python3 " + " ".join(args))
        r = subprocess.run([sys.executable, os.path.join(EVAL, args[0])] + [os.path.join(ROOT, x) for x in args[1:]],
                           capture_output=True, text=True)
        out = r.stdout.strip().splitlines()
        print(out[-1] if out else r.stderr)
        if args[0] == "score.py" and "f1=1.0 " not in out[-1] + " ":
            errors.append("score.py not 1.0")
        if args[0] == "identity.py" and "pair_f1=1.000" not in out[-1]:
            errors.append("identity.py not 1.0")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
