#!/usr/bin/env python3
"""Build blind-11 from src/raw/pNN.txt: articles/, articles.jsonl, gold.jsonl, measures.jsonl,
src/gold_as_extracted.jsonl. Values and units come from the number spans (units.parse_span)."""
import json, os, re, subprocess, sys, glob
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from units import parse_span, norm  # noqa: E402

PINYIN_RE = re.compile(r"\([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+\)")
CH = {"yoy_up": ("yoy_pct", "up"), "yoy_down": ("yoy_pct", "down"), "abs_up": ("abs", "up"),
      "abs_down": ("abs", "down"), "pct_up": ("pct", "up"), "pct_down": ("pct", "down"),
      "rank_up": ("rank_change", "up"), "rank_down": ("rank_change", "down")}


def opencc(text, cfg):
    return subprocess.run(["opencc", "-c", cfg], input=text, capture_output=True, text=True, check=True).stdout


def normalise(text):
    t = norm(text)
    t = PINYIN_RE.sub("", t)
    return opencc(t, "t2s")


def parse_raw(path):
    txt = open(path, encoding="utf-8").read()
    head, body, labels = txt.split("\n===\n")
    meta = {}
    for line in head.strip().splitlines():
        k, v = line.split(":", 1)
        meta[k.strip()] = v.strip()
    rows = []
    for n, line in enumerate(labels.strip().splitlines()):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5:
            sys.exit(f"{path}: bad label line: {line}")
        region, ind, span, period, opts = parts
        o = {}
        for tok in opts.split():
            if "=" in tok:
                k, v = tok.split("=", 1)
                o[k] = v
            else:
                o[tok] = True
        rows.append((region, ind, span, period, o, line))
    return meta, body.strip("\n"), rows


def measure_with_kind(m, kind, unit):
    base, _, win = m.partition("@")
    if kind and not re.search(r"(yoy|change|mom|avg_annual|rank_change)", base):
        suffix = {"yoy_pct": ".yoy_pct", "pct": ".change_pct", "rank_change": ".rank_change"}.get(kind)
        if kind == "abs":
            suffix = ".change_pp" if unit == "pp" else ".change_abs"
        base += suffix
    return base + ("@" + win if win else "")


def build_article(path):
    meta, body, rows = parse_raw(path)
    aid = meta["id"]
    script = meta["script"]
    if script == "simplified":
        out, sname = body, "simplified"
    else:
        kind, cfg = script.split(":")
        trad = opencc(body, cfg)
        if kind == "pinyin":
            # readings from the simplified text; alignment needs equal length
            assert len(trad) == len(body), aid
            out = subprocess.run(["node", os.path.join(HERE, "pinyin.js")],
                                 input=json.dumps({"simp": body, "trad": trad}),
                                 capture_output=True, text=True, check=True).stdout
            sname = "traditional+pinyin-annotations"
        else:
            out, sname = trad, "traditional"
    if not out.endswith("\n"):
        out += "\n"
    open(os.path.join(ROOT, "articles", aid + ".txt"), "w", encoding="utf-8").write(out)
    raw_norm = norm(body)
    art_norm = normalise(out).rstrip("\n")
    aligned = len(raw_norm) == len(art_norm)
    pub = None if meta["published"] in ("", "null", "-") else meta["published"]
    main = meta["region"]
    main_alt = [a for a in meta.get("alt", "").split("/") if a]
    gold, meas = [], []
    for region, ind, span, period, o, line in rows:
        if region == "@":
            region, alt = main, list(main_alt)
        else:
            alt = []
        if "alt" in o:
            alt += [a for a in o["alt"].split("/") if a]
        if period == "":
            period = meta["period"]
        elif period == "-":
            period = None
        value, unit, flags = parse_span(span, o.get("col"), o.get("u"))
        if "v" in o:
            value = float(o["v"])
            value = int(value) if value == int(value) else value
        change = None
        if "ch" in o:
            k, d = CH[o["ch"]]
            change = {"kind": k, "direction": d}
        if "abs" in o:  # signed change written with a minus sign
            if value < 0:
                value = -value
                if change:
                    change["direction"] = "down"
        # indicator text as it reads in the normalised article
        ni = norm(ind)
        pos = raw_norm.find(ni)
        if pos < 0:
            sys.exit(f"{aid}: indicator not in body: {line}")
        ind_out = art_norm[pos:pos + len(ni)] if aligned else normalise(ni)
        g = {"article": aid, "region": region}
        if alt:
            g["region_alt"] = alt
        g.update({"indicator_text": ind_out, "value": value, "unit": unit, "period": period,
                  "qualifier": o.get("q", "exact")})
        if change:
            g["change"] = change
        g["required"] = "opt" not in o
        if "m" not in o:
            sys.exit(f"{aid}: no measure: {line}")
        m = measure_with_kind(o["m"], change["kind"] if change else None, unit)
        gold.append(g)
        meas.append((m, span, o))
    art = {"article": aid, "published": pub, "source_url": meta.get("source_url") or None,
           "script": sname, "source": meta.get("source"), "notes": meta.get("notes", "")}
    return art, gold, meas


def main():
    for f in glob.glob(os.path.join(ROOT, "articles", "*.txt")):
        os.remove(f)
    arts, gold, meas = [], [], []
    spans = []
    for path in sorted(glob.glob(os.path.join(HERE, "raw", "p*.txt"))):
        a, g, m = build_article(path)
        arts.append(a)
        gold += g
        meas += m
    with open(os.path.join(ROOT, "articles.jsonl"), "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(os.path.join(ROOT, "gold.jsonl"), "w", encoding="utf-8") as f, \
            open(os.path.join(ROOT, "measures.jsonl"), "w", encoding="utf-8") as fm, \
            open(os.path.join(HERE, "gold_as_extracted.jsonl"), "w", encoding="utf-8") as fe, \
            open(os.path.join(HERE, "spans.jsonl"), "w", encoding="utf-8") as fs:
        for i, (g, (m, span, o)) in enumerate(zip(gold, meas)):
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
            fm.write(json.dumps({"line": i, "article": g["article"], "region": g["region"],
                                 "indicator_text": g["indicator_text"], "value": g["value"],
                                 "period": g["period"], "measure": m}, ensure_ascii=False) + "\n")
            fe.write(json.dumps({"articleId": g["article"], "region": g["region"], "indicator": m,
                                 "indicatorLabel": g["indicator_text"], "value": g["value"],
                                 "unit": g["unit"], "period": g["period"], "qualifier": g["qualifier"]},
                                ensure_ascii=False) + "\n")
            fs.write(json.dumps({"line": i, "span": span, "col": o.get("col"), "u": o.get("u"),
                                 "v": o.get("v"), "abs": bool(o.get("abs"))}, ensure_ascii=False) + "\n")
    print(f"articles={len(arts)} gold={len(gold)}")


if __name__ == "__main__":
    main()
