#!/usr/bin/env python3
"""Build blind-12 from src/raw/qNN.txt.

Each raw file has three parts separated by lines of "===":
  1. header lines "key: value" (id, published, script, source, source_url, region, alt, period, notes)
     script is "simplified", "traditional:<opencc config>" or "pinyin:<opencc config>";
  2. the article body in simplified Chinese (HTML entities allowed);
  3. label lines "region | indicator_text | number span as written | period | options"
     region "@" = the header's region (its alt list is added); period "" = header default,
     "-" = null; options (space separated):
       m=<measure id>   required
       ch=yoy_up|yoy_down|abs_up|abs_down|pct_up|pct_down|rank_up|rank_down  (or ch=yoy|abs|pct with sgn)
       sgn              signed span ("-3.2%"): value = |x|, direction from the sign
       q=over|under|approx     opt (not required)     alt=a/b     col=<unit column>
       u=<unit override>       v=<manual value>       bei (增长N倍 -> N x 100 %)
       at=<n>           use the n-th occurrence (1-based) of the span in the body
       after=<text>[#k][>text2[#k]...] only consider span occurrences after the k-th occurrence of
                        text (then of text2 after it, ...): table rows
A span never starts or ends inside a longer number (digit boundaries are checked).
Lines starting with # are comments.

Writes ../articles/, ../articles.jsonl, ../gold.jsonl, ../measures.jsonl,
gold_as_extracted.jsonl and spans.jsonl (in src/).
"""
import glob
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
from normalize import normalize  # noqa: E402

KIND_SUFFIX_DONE = ("yoy_pct", "change_pp", "change_abs", "change_pct", "rank_change", "mom_pct")
KIND_PREFIX_DONE = ("avg_annual_growth", "growth_change", "change_", "yoy_", "mom_", "gap")
SCRIPT_NAMES = {"simplified": "simplified", "traditional": "traditional", "pinyin": "traditional+pinyin-annotations"}


def opencc(text, cfg):
    r = subprocess.run(["opencc", "-c", cfg], input=text.encode("utf-8"), capture_output=True, check=True)
    return r.stdout.decode("utf-8")


def annotate(simplified, traditional):
    r = subprocess.run(["node", os.path.join(HERE, "pinyin.js")],
                       input=json.dumps({"simplified": simplified, "traditional": traditional}).encode("utf-8"),
                       capture_output=True, check=True)
    return r.stdout.decode("utf-8")


def parse_raw(path):
    text = open(path, encoding="utf-8").read()
    parts = re.split(r"^===\s*$", text, flags=re.M)
    if len(parts) != 3:
        sys.exit(f"{path}: expected 3 parts, got {len(parts)}")
    head = {}
    for line in parts[0].strip().splitlines():
        k, _, v = line.partition(":")
        head[k.strip()] = v.strip()
    body = parts[1].strip("\n") + "\n"
    labels = []
    for n, line in enumerate(parts[2].splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        f = [x.strip() for x in line.split("|")]
        if len(f) != 5:
            sys.exit(f"{path}: label line {n}: expected 5 fields: {line}")
        labels.append((n, f))
    return head, body, labels


def add_kind(measure, kind, unit):
    base, at, window = measure.partition("@")
    segs = re.sub(r"\[[^\]]*\]", "", base).split(".")
    if any(x in KIND_SUFFIX_DONE or x.startswith(KIND_PREFIX_DONE) for x in segs):
        return measure
    suffix = {"yoy_pct": ".yoy_pct", "pct": ".change_pct", "rank_change": ".rank_change"}.get(kind)
    if kind == "abs":
        suffix = ".change_pp" if unit == "pp" else ".change_abs"
    return base + suffix + (at + window if at else "")


def choose(occ_ind, occ_span, claimed, at):
    if at:
        if at > len(occ_span):
            return None, None
        sp = occ_span[at - 1]
        ind = min(occ_ind, key=lambda i: (sp - i if sp >= i else 3 * (i - sp) + 50))
        return ind, sp
    best = None
    for i in occ_ind:
        for s in occ_span:
            cost = (s - i) if s >= i else 3 * (i - s) + 50
            if s in claimed:
                cost += 10 ** 6
            if best is None or cost < best[0]:
                best = (cost, i, s)
    return best[1], best[2]


def find_all(hay, needle, bounded=False):
    out, i = [], hay.find(needle)
    while i >= 0:
        ok = True
        if bounded:
            if needle[:1].isdigit() and i > 0 and (hay[i - 1].isdigit() or hay[i - 1] == "."):
                ok = False
            j = i + len(needle)
            if needle[-1:].isdigit() and j < len(hay) and (hay[j].isdigit() or hay[j] == "."):
                ok = False
        if ok:
            out.append(i)
        i = hay.find(needle, i + 1)
    return out


def main():
    raws = sorted(glob.glob(os.path.join(HERE, "raw", "q*.txt")))
    os.makedirs(os.path.join(ROOT, "articles"), exist_ok=True)
    arts, gold, meas, gae, spans = [], [], [], [], []
    errors = 0
    for path in raws:
        head, body, labels = parse_raw(path)
        aid = head["id"]
        script = head["script"]
        kind, _, cfg = script.partition(":")
        if kind == "simplified":
            out = body
        elif kind == "traditional":
            out = opencc(body, cfg)
        elif kind == "pinyin":
            out = annotate(body, opencc(body, cfg))
        else:
            sys.exit(f"{aid}: bad script {script}")
        with open(os.path.join(ROOT, "articles", aid + ".txt"), "w", encoding="utf-8") as f:
            f.write(out)
        S = normalize(body, t2s=False)
        N = normalize(out)
        positional = len(S) == len(N)
        if not positional:
            print(f"WARN {aid}: normalised lengths differ ({len(S)} vs {len(N)}); indicator texts taken verbatim")
        pub = None if head["published"] in ("null", "", "-") else head["published"]
        arts.append({"article": aid, "published": pub, "source_url": head.get("source_url") or None,
                     "script": SCRIPT_NAMES[kind], "source": head.get("source"),
                     "notes": head.get("notes", "") + (f" OpenCC config {cfg}." if cfg else "")})
        main_alt = [a for a in head.get("alt", "").split("/") if a]
        claimed = set()
        for n, (reg, ind, span, per, opts) in labels:
            o = {}
            flags = set()
            for tok in opts.split():
                if "=" in tok:
                    k, _, v = tok.partition("=")
                    o[k] = v
                else:
                    flags.add(tok)
            where = f"{aid} label line {n} ({ind} {span})"
            if "m" not in o:
                print(f"ERROR {where}: no measure"); errors += 1; continue
            ind_n = normalize(ind, t2s=False)
            span_n = normalize(span, t2s=False)
            occ_i, occ_s = find_all(S, ind_n), find_all(S, span_n, bounded=True)
            if "after" in o:
                p0, bad = 0, False
                for part in o["after"].split(">"):
                    txt, _, k = part.partition("#")
                    t = normalize(txt, t2s=False)
                    anchors = [x for x in find_all(S, t) if x >= p0]
                    if len(anchors) < int(k or 1):
                        bad = True; break
                    p0 = anchors[int(k or 1) - 1] + len(t)
                if bad:
                    print(f"ERROR {where}: anchor {o['after']} not found"); errors += 1; continue
                occ_s = [x for x in occ_s if x >= p0]
                free = [x for x in occ_s if x not in claimed]
                occ_s = (free or occ_s)[:1]
            if not occ_i:
                print(f"ERROR {where}: indicator not in body"); errors += 1; continue
            if not occ_s:
                print(f"ERROR {where}: span not in body"); errors += 1; continue
            at = int(o["at"]) if "at" in o else None
            ipos, spos = choose(occ_i, occ_s, claimed, at)
            if spos is None:
                print(f"ERROR {where}: at={at} out of range"); errors += 1; continue
            if spos in claimed:
                print(f"NOTE {where}: span position shared with an earlier label")
            claimed.add(spos)
            ind_gold = N[ipos:ipos + len(ind_n)] if positional else ind_n
            try:
                val, unit = units.parse(span, col=o.get("col"), u=o.get("u"), bei="bei" in flags)
            except ValueError as e:
                print(f"ERROR {where}: {e}"); errors += 1; continue
            if "v" in o:
                val = Decimal(o["v"])
            change = None
            if "ch" in o:
                c = o["ch"]
                if "_" in c:
                    ck, _, cd = c.partition("_")
                else:
                    ck, cd = c, None
                if "sgn" in flags:
                    cd = "down" if val < 0 else "up"
                    val = abs(val)
                if cd not in ("up", "down"):
                    print(f"ERROR {where}: bad change {c}"); errors += 1; continue
                ck = {"yoy": "yoy_pct", "rank": "rank_change"}.get(ck, ck)
                change = {"kind": ck, "direction": cd}
            if reg == "@":
                region = head["region"]
                alt = main_alt + [a for a in o.get("alt", "").split("/") if a]
            else:
                region = reg
                alt = [a for a in o.get("alt", "").split("/") if a]
            if per == "":
                period = head["period"]
            elif per == "-":
                period = None
            else:
                period = per
            g = {"article": aid, "region": region}
            if alt:
                g["region_alt"] = alt
            g.update({"indicator_text": ind_gold, "value": units.to_json_number(val), "unit": unit,
                      "period": period, "qualifier": o.get("q", "exact")})
            if change:
                g["change"] = change
            g["required"] = "opt" not in flags
            measure = o["m"]
            if change:
                measure = add_kind(measure, change["kind"], unit)
            line = len(gold)
            gold.append(g)
            meas.append({"line": line, "article": aid, "region": region, "indicator_text": ind_gold,
                         "value": g["value"], "period": period, "measure": measure})
            gae.append({"articleId": aid, "region": region, "indicator": measure, "indicatorLabel": ind_gold,
                        "value": g["value"], "unit": unit, "period": period, "qualifier": g["qualifier"]})
            spans.append({"line": line, "article": aid, "span": span, "col": o.get("col"), "u": o.get("u"),
                          "v": o.get("v"), "bei": "bei" in flags, "sgn": "sgn" in flags,
                          "start": spos, "end": spos + len(span_n), "ind_start": ipos})

    def dump(name, rows):
        with open(name, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump(os.path.join(ROOT, "articles.jsonl"), arts)
    dump(os.path.join(ROOT, "gold.jsonl"), gold)
    dump(os.path.join(ROOT, "measures.jsonl"), meas)
    dump(os.path.join(HERE, "gold_as_extracted.jsonl"), gae)
    dump(os.path.join(HERE, "spans.jsonl"), spans)
    print(f"articles={len(arts)} labels={len(gold)} errors={errors}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
