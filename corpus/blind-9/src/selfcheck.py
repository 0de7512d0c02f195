#!/usr/bin/env python3
"""Independent re-check of the built set (see README). Prints errors, then runs score.py and identity.py."""
import json, os, re, subprocess, sys, unicodedata, html
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, HERE, nfkc, parse_span, read_raw, clean_num

PY_RE = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+\)")
KNOWN_UNITS = {"count", "day", "min", "year", "kW", "kWh", "kV", "km", "km2", "ha", "t", "CNY", "USD", "%", "pp",
               "μg/m³", "PFLOPS", "index", "rank"}
OTHER_UNITS = {"kg/mu", "‰", "°C", "t/year", "TEU", "mg/m³", "mg/L", "m", "m2", "m3", "CNY/m2", "times", "month", "h", "CNY/kWh", "dB", "kL", "CNY/jin", "CNY/room_night"}

def normalise(text):
    t = unicodedata.normalize("NFKC", html.unescape(text))
    t = PY_RE.sub("", t)
    return subprocess.run(["opencc", "-c", "t2s"], input=t, capture_output=True, text=True, check=True).stdout

def load(p):
    return [json.loads(l) for l in open(os.path.join(ROOT, p), encoding="utf-8") if l.strip()]

def main():
    arts = {a["article"]: a for a in load("articles.jsonl")}
    gold, meas = load("gold.jsonl"), load("measures.jsonl")
    raws = {}
    for a in arts:
        meta, body, rows = read_raw(os.path.join(HERE, "raw", a + ".txt"))
        raws[a] = rows
    errors, notes = [], []
    norm = {a: normalise(open(os.path.join(ROOT, "articles", a + ".txt"), encoding="utf-8").read()) for a in arts}
    spans = [o for a in sorted(raws) for o in raws[a]]
    if len(spans) != len(gold) or len(meas) != len(gold):
        errors.append("length mismatch raw=%d gold=%d measures=%d" % (len(spans), len(gold), len(meas)))
    for i, g in enumerate(gold):
        o = spans[i]
        a = g["article"]
        t = norm[a]
        where = "line %d (%s %s)" % (i, a, g["indicator_text"])
        if g["indicator_text"] not in t:
            errors.append(where + ": indicator_text not in normalised article")
        sp = nfkc(o["span"])
        if sp not in t:
            errors.append(where + ": span %r not in normalised article" % sp)
        if "v" in o:
            notes.append(where + ": manual value %s" % o["v"])
        else:
            v, u = parse_span(o["span"], o.get("col"), o.get("u"))
            if g.get("change") and v < 0:
                v = -v
            if clean_num(v) != g["value"] or u != g["unit"]:
                errors.append(where + ": value/unit %s %s != recomputed %s %s" % (g["value"], g["unit"], v, u))
        if g["unit"] not in KNOWN_UNITS:
            if g["unit"] in OTHER_UNITS:
                notes.append(where + ": unit outside LABELING list: " + g["unit"])
            else:
                errors.append(where + ": unexpected unit " + g["unit"])
        if subprocess.run(["opencc", "-c", "t2s"], input=g["region"], capture_output=True, text=True).stdout != g["region"]:
            errors.append(where + ": region not simplified")
        p = g["period"]
        if p is None:
            if arts[a]["published"] is not None:
                errors.append(where + ": null period with known publication date")
        elif not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", p):
            errors.append(where + ": bad period " + p)
        if g["qualifier"] not in ("exact", "over", "under", "approx"):
            errors.append(where + ": bad qualifier")
        ch = g.get("change")
        if ch and (ch["kind"] not in ("yoy_pct", "pct", "abs", "rank_change") or ch["direction"] not in ("up", "down")):
            errors.append(where + ": bad change")
        m = meas[i]
        if m["line"] != i or m["article"] != a or m["region"] != g["region"] or m["value"] != g["value"] \
                or m["indicator_text"] != g["indicator_text"] or m["period"] != g["period"]:
            errors.append(where + ": measures line misaligned")
        if not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*(\[[^\]]+\])?(\.[a-z0-9_]+)*(@[a-z0-9_]+)?", m["measure"]):
            errors.append(where + ": measure id malformed: " + m["measure"])
    # one series per region/measure/period should not carry two different values unless from->to etc.
    seen = {}
    for i, g in enumerate(gold):
        k = (g["article"], g["region"], meas[i]["measure"], g["period"], g["value"])
        if k in seen:
            errors.append("line %d duplicates line %d" % (i, seen[k]))
        seen[k] = i
    for e in errors:
        print("ERROR", e)
    for n in notes:
        print("NOTE", n)
    print("lines checked: %d; errors: %d" % (len(gold), len(errors)))
    ev = os.path.join("/work/shared/eval")
    for cmd in (["python3", os.path.join(ev, "score.py"), "gold.jsonl", "src/gold_as_extracted.jsonl"],
                ["python3", os.path.join(ev, "identity.py"), "gold.jsonl", "measures.jsonl", "src/gold_as_extracted.jsonl"]):
        print("$ " + " ".join(os.path.basename(c) if c.endswith(".py") else c for c in cmd[1:]))
        print(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True).stdout.strip())

if __name__ == "__main__":
    main()
