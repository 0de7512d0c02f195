#!/usr/bin/env python3
"""Build blind-7 from src/raw/hNN.txt: articles/, articles.jsonl, gold.jsonl, measures.jsonl,
src/gold_as_extracted.jsonl. Values/units are computed from the number span (numparse.py)."""
import json, os, re, subprocess, sys, glob, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numparse

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
KIND = {"yoy": "yoy_pct", "abs": "abs", "pct": "pct", "rk": "rank_change"}
SUFFIX = {"yoy_pct": ".yoy_pct", "pct": ".change_pct", "rank_change": ".rank_change"}


def parse_raw(path):
    text = open(path, encoding="utf-8").read()
    head, rest = text.split("=== body\n", 1)
    body, labels = rest.split("=== labels\n", 1)
    meta = {}
    for line in head.splitlines():
        if ":" in line and not line.startswith("#"):
            k, v = line.split(":", 1)
            meta[k.strip()] = v.strip()
    return meta, body.strip("\n") + "\n", labels


def convert(body, script):
    if script == "simplified":
        return body
    kind, cfg = script.split("/")
    trad = subprocess.run(["opencc", "-c", cfg + ".json"], input=body, capture_output=True, text=True, check=True).stdout
    if kind == "traditional":
        return trad
    return subprocess.run(["node", os.path.join(SRC, "pinyin.js")], input=json.dumps({"s": body, "t": trad}),
                          capture_output=True, text=True, check=True).stdout


def measure_id(base, change, unit):
    if base.startswith("!"):
        return base[1:]
    if not change:
        return base
    k = change["kind"]
    suf = SUFFIX.get(k) or (".change_pp" if unit == "pp" else ".change_abs")
    if "@" in base:
        a, w = base.split("@", 1)
        return a + suf + "@" + w
    return base + suf


def parse_labels(art, meta, labels):
    gold, meas, notes = [], [], []
    for n, line in enumerate(labels.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5:
            sys.exit(f"{art}:{n}: need 5 fields: {line}")
        region, ind, span, period, opts = parts
        region = region or meta["region"]
        if period == "":
            period = meta.get("period") or None
        elif period == "null":
            period = None
        o = {}
        for tok in opts.split():
            if "=" in tok:
                k, v = tok.split("=", 1)
                o[k] = v
            else:
                o[tok] = True
        value, unit = numparse.parse(span, o.get("col"))
        if "u" in o:
            unit = o["u"]
        if "v" in o:
            value = float(o["v"]); value = int(value) if value == int(value) else value
            notes.append(f"{art}: manual value {value} for span {span!r}")
        g = {"article": art, "region": region}
        if "alt" in o:
            g["region_alt"] = o["alt"].split(",")
        elif region == meta["region"] and meta.get("alt"):
            g["region_alt"] = meta["alt"].split(",")
        g.update({"indicator_text": unicodedata.normalize("NFKC", ind), "value": value, "unit": unit, "period": period,
                  "qualifier": o.get("q", "exact")})
        change = None
        if "ch" in o:
            c = o["ch"]
            change = {"kind": KIND[c[:-1]], "direction": "up" if c[-1] == "+" else "down"}
            if isinstance(value, (int, float)) and value < 0:
                g["value"] = -value
            g["change"] = change
        g["required"] = not o.get("opt", False)
        if "M" in o:
            o["m"] = "!" + o["M"].lstrip("!")
        if "m" not in o:
            sys.exit(f"{art}:{n}: no measure: {line}")
        gold.append((g, span, o.get("col")))
        meas.append(measure_id(o["m"], change, unit))
    return gold, meas, notes


def main():
    arts, gold_all, meas_all, notes = [], [], [], []
    for path in sorted(glob.glob(os.path.join(SRC, "raw", "h*.txt"))):
        art = os.path.basename(path)[:-4]
        meta, body, labels = parse_raw(path)
        text = convert(body, meta["script"])
        with open(os.path.join(OUT, "articles", art + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        pub = meta["published"]
        arts.append({"article": art, "published": None if pub == "null" else pub,
                     "source_url": None if meta.get("source_url") in (None, "", "null") else meta["source_url"],
                     "script": meta["script"].split("/")[0], "source": meta.get("source"),
                     "notes": meta.get("notes", "")})
        g, m, nt = parse_labels(art, meta, labels)
        gold_all += g; meas_all += m; notes += nt
    def dump(name, rows):
        with open(name, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump(os.path.join(OUT, "articles.jsonl"), arts)
    dump(os.path.join(OUT, "gold.jsonl"), [g for g, _, _ in gold_all])
    dump(os.path.join(OUT, "measures.jsonl"),
         [{"line": i, "article": g["article"], "region": g["region"], "indicator_text": g["indicator_text"],
           "value": g["value"], "period": g["period"], "measure": m} for i, ((g, _, _), m) in enumerate(zip(gold_all, meas_all))])
    dump(os.path.join(SRC, "spans.jsonl"), [{"line": i, "span": s, "col": c} for i, (_, s, c) in enumerate(gold_all)])
    dump(os.path.join(SRC, "gold_as_extracted.jsonl"),
         [{"articleId": g["article"], "region": g["region"], "indicator": f"{g['region']}|{m}",
           "indicatorLabel": g["indicator_text"], "value": g["value"], "unit": g["unit"], "period": g["period"],
           "qualifier": g["qualifier"]} for (g, _, _), m in zip(gold_all, meas_all)])
    for n in notes:
        print("NOTE", n)
    print(f"built {len(arts)} articles, {len(gold_all)} gold lines")


if __name__ == "__main__":
    main()
