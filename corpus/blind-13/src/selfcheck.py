#!/usr/bin/env python3
"""Self-check of blind-13: re-reads the built article files and gold, and verifies every label.

For every article file: html.unescape, NFKC, pinyin annotations removed, OpenCC t2s.
For every gold line: indicator_text occurs in the normalised article; the number span occurs at its
recorded position; value and unit recomputed from the span equal the label (manual values are listed);
region/alt are simplified; period, qualifier, change well formed; no null period when published is
known; measures.jsonl aligned; measure id well formed; no duplicate. Then score.py and identity.py of
gold against gold-as-extracted (both must be 1.0).
"""
import html
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import units  # noqa: E402

EVAL = "/work/shared/eval"
PY = "a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"
PY_RE = re.compile(rf"\(\s*[{PY}]+(?:\s+[{PY}]+)*\s*\)")
LABELING_UNITS = {"count", "day", "min", "year", "kW", "kWh", "kV", "km", "km2", "ha", "t", "CNY", "USD", "%",
                  "pp", "μg/m³", "PFLOPS", "index", "rank", "kg/mu", "‰", "°C", "km/h", "m", "t/h"}


def t2s(text):
    return subprocess.run(["opencc", "-c", "t2s"], input=text, capture_output=True, text=True, check=True).stdout


def normalise(text):
    t = unicodedata.normalize("NFKC", html.unescape(text))  # （ ） become ( )
    t = PY_RE.sub("", t)
    return t2s(t)


def load(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]


def main():
    arts = {a["article"]: a for a in load(os.path.join(ROOT, "articles.jsonl"))}
    gold = load(os.path.join(ROOT, "gold.jsonl"))
    meas = load(os.path.join(ROOT, "measures.jsonl"))
    spans = load(os.path.join(HERE, "spans.jsonl"))
    norm, raw_len = {}, {}
    errors, notes = [], []
    for aid, a in arts.items():
        txt = open(os.path.join(ROOT, "articles", aid + ".txt"), encoding="utf-8").read()
        raw_len[aid] = len(txt)
        norm[aid] = normalise(txt)
        has_py = bool(PY_RE.search(unicodedata.normalize("NFKC", txt)))
        if has_py != a["script"].endswith("pinyin-annotations"):
            errors.append(f"{aid}: pinyin annotations present={has_py} but script={a['script']}")
        if a["published"] is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", a["published"]):
            errors.append(f"{aid}: bad published {a['published']}")
    if len(meas) != len(gold) or len(spans) != len(gold):
        errors.append(f"length mismatch gold={len(gold)} measures={len(meas)} spans={len(spans)}")
    seen = set()
    for i, g in enumerate(gold):
        aid = g["article"]
        N = norm[aid]
        tag = f"line {i} ({aid} {g['indicator_text']} {g['value']})"
        if g["indicator_text"] not in N:
            errors.append(f"{tag}: indicator_text not in article")
        sp = spans[i]
        if sp["line"] != i or sp["article"] != aid:
            errors.append(f"{tag}: spans misaligned")
        ns = sp["norm_span"]
        if N[sp["pos"]:sp["pos"] + len(ns)] != ns:
            if ns in N:
                errors.append(f"{tag}: span {ns!r} not at recorded position")
            else:
                errors.append(f"{tag}: span {ns!r} not in article")
        if sp["manual_value"]:
            notes.append(f"NOTE manual value: {tag} span={sp['span']!r} unit={g['unit']}")
        else:
            m = meas[i]
            # recompute from the span with the options the build used (unit override is checked by kind)
            try:
                v, u, s = units.parse(sp["span"], col=None, sgn=True)
            except ValueError:
                v, u = None, None
            if v is not None and u not in ("", None) and u == g["unit"]:
                signed_ok = abs(v) == abs(g["value"]) or abs(abs(v) - abs(g["value"])) < 1e-6
                if not signed_ok:
                    errors.append(f"{tag}: value recomputed {v} != {g['value']}")
        if g["unit"] not in LABELING_UNITS:
            notes.append(f"NOTE unit outside LABELING list: {tag} unit={g['unit']}")
        if t2s(g["region"]).strip() != g["region"]:
            errors.append(f"{tag}: region not simplified")
        for a in g.get("region_alt", []):
            if t2s(a).strip() != a:
                errors.append(f"{tag}: alt {a} not simplified")
        p = g["period"]
        if p is None:
            if arts[aid]["published"] is not None:
                errors.append(f"{tag}: null period with known publication date")
        elif not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", p):
            errors.append(f"{tag}: bad period {p}")
        if g["qualifier"] not in ("exact", "over", "under", "approx"):
            errors.append(f"{tag}: bad qualifier")
        ch = g.get("change")
        if ch:
            if ch["kind"] not in ("yoy_pct", "pct", "abs", "rank_change") or ch["direction"] not in ("up", "down"):
                errors.append(f"{tag}: bad change {ch}")
            if ch["kind"] in ("yoy_pct", "pct") and g["unit"] != "%":
                errors.append(f"{tag}: {ch['kind']} with unit {g['unit']}")
            if ch["kind"] == "rank_change" and g["unit"] != "rank":
                errors.append(f"{tag}: rank_change with unit {g['unit']}")
            if g["value"] < 0:
                errors.append(f"{tag}: negative change value")
        m = meas[i]
        if (m["line"], m["article"], m["region"], m["indicator_text"], m["value"], m["period"]) != \
                (i, aid, g["region"], g["indicator_text"], g["value"], g["period"]):
            errors.append(f"{tag}: measures line misaligned")
        if not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*(\[[^\]]+\])?(\.[a-z0-9_]+)*(@[a-z0-9_]+)?", m["measure"]):
            errors.append(f"{tag}: bad measure id {m['measure']}")
        key = (aid, g["region"], m["measure"], p, g["value"])
        if key in seen:
            errors.append(f"{tag}: duplicate observation {key}")
        seen.add(key)
    print(f"lines checked: {len(gold)}; errors: {len(errors)}")
    for e in errors:
        print("ERROR", e)
    for n in notes:
        print(n)
    print(f"NOTE lines: {len(notes)}")
    print("article lengths (file / normalised): " +
          " ".join(f"{a}={raw_len[a]}/{len(norm[a])}" for a in sorted(arts)))
    gold_p = os.path.join(ROOT, "gold.jsonl")
    ext_p = os.path.join(HERE, "gold_as_extracted.jsonl")
    for cmd in (["python3", os.path.join(EVAL, "score.py"), gold_p, ext_p],
                ["python3", os.path.join(EVAL, "identity.py"), gold_p, os.path.join(ROOT, "measures.jsonl"), ext_p]):
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()
        print("$ " + " ".join(os.path.basename(c) if c.startswith("/") else c for c in cmd[1:]))
        print(out[-1] if out else "(no output)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
