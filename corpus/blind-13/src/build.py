#!/usr/bin/env python3
"""Build blind-13 from src/raw/rNN.txt.

Raw file = header (key: value) / === / body (simplified, entities as on the page) / === / labels.
Body markup for pinyin pages: ⟪准格尔旗⟫ -> 准格尔旗（zhǔn gé ěr qí）; ⟦沙雅⟧ -> 沙(shā)雅(yǎ).
Label line: region | indicator_text | number span as written | period | options
  region  '@' = header region (+ header alt)
  period  '' = header default, '-' = null
  options m=<measure> (m=^ : base measure of the previous line), ch=yoy_up|yoy_down|yoy|abs_up|abs_down|abs|
          pct_up|pct_down|pct|rank_up|rank_down (a bare kind takes its direction from a signed span, sgn),
          q=over|under|approx, opt, alt=a/b, col=<unit>, u=<unit>, sgn, bei, at=<n>, after=<text>
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

PY_RE = re.compile(r"[（(]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+(?:\s+[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+)*\s*[)）]")
KINDS = ("yoy_pct", "change_", "mom_pct", "rank_change", "avg_annual_growth", "gap_vs", "growth_change")


def opencc(text, cfg):
    r = subprocess.run(["opencc", "-c", cfg], input=text, capture_output=True, text=True, check=True)
    if text.strip() and not r.stdout.strip():
        raise RuntimeError(f"opencc {cfg} failed: {r.stderr}")
    return r.stdout


def normalise(text):
    t = unicodedata.normalize("NFKC", html.unescape(text))
    t = PY_RE.sub("", t)
    return opencc(t, "t2s")


def read_raw(path):
    parts = re.split(r"^===\s*$", open(path, encoding="utf-8").read(), flags=re.M)
    if len(parts) != 3:
        sys.exit(f"{path}: expected 3 parts")
    head = {}
    for line in parts[0].strip().splitlines():
        k, _, v = line.partition(":")
        head[k.strip()] = v.strip()
    body = parts[1].strip("\n") + "\n"
    labels = [l for l in parts[2].splitlines() if l.strip() and not l.strip().startswith("#")]
    return head, body, labels


def pinyin_batch(items):
    if not items:
        return []
    r = subprocess.run(["node", os.path.join(HERE, "pinyin.js")], input=json.dumps(items, ensure_ascii=False),
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


MARK = re.compile(r"⟪([^⟫]+)⟫|⟦([^⟧]+)⟧")


def render(head, body):
    script = head["script"]
    simp_marks = [(m.group(1) or m.group(2), bool(m.group(1))) for m in MARK.finditer(body)]
    if script.startswith(("traditional:", "pinyin:")) and script != "pinyin:simp":
        text = opencc(body, script.split(":")[1])
    else:
        text = body
    if simp_marks:
        pys = pinyin_batch([s for s, _ in simp_marks])
        it = iter(zip(simp_marks, pys))

        def rep(m):
            (simp, paren), py = next(it)
            seg = m.group(1) or m.group(2)
            if paren:
                return seg + "（" + " ".join(py) + "）"
            return "".join(c + "(" + p + ")" for c, p in zip(seg, py))
        text = MARK.sub(rep, text)
    return text


def parse_opts(s):
    o = {}
    for tok in s.split():
        k, eq, v = tok.partition("=")
        o[k] = v if eq else True
    return o


def main():
    raws = sorted(f for f in os.listdir(os.path.join(HERE, "raw")) if f.endswith(".txt"))
    os.makedirs(os.path.join(ROOT, "articles"), exist_ok=True)
    arts, gold, meas, ext, spans = [], [], [], [], []
    errors = 0
    for f in raws:
        head, body, labels = read_raw(os.path.join(HERE, "raw", f))
        aid = head["id"]
        text = render(head, body)
        with open(os.path.join(ROOT, "articles", aid + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        S = unicodedata.normalize("NFKC", html.unescape(MARK.sub(lambda m: m.group(1) or m.group(2), body)))
        N = normalise(text)
        if len(S) != len(N):
            print(f"WARN {aid}: normalised length {len(N)} != simplified {len(S)}")
        pub = None if head["published"] in ("", "null", "-") else head["published"]
        sc = head["script"]
        script = ("simplified" if sc == "simplified" else
                  "traditional" if sc.startswith("traditional:") else
                  "simplified+pinyin-annotations" if sc == "pinyin:simp" else "traditional+pinyin-annotations")
        arts.append({"article": aid, "published": pub, "source_url": head.get("source_url") or None,
                     "script": script, "source": head.get("source"), "notes": head.get("notes", "")})
        main_alt = [a for a in head.get("alt", "").split("/") if a]
        prev_base = None
        for ln in labels:
            fields = [x.strip() for x in ln.split("|")]
            if len(fields) != 5:
                print(f"ERR {aid}: bad label line {ln!r}"); errors += 1; continue
            reg, ind, span, per, opts = fields
            o = parse_opts(opts)
            alt = []
            if reg == "@":
                reg = head["region"]; alt = list(main_alt)
            if "alt" in o:
                alt += [a for a in o["alt"].split("/") if a and a not in alt]
            alt = [a for a in alt if a != reg]
            period = head["period"] if per == "" else (None if per == "-" else per)
            # locate
            start = 0
            if "after" in o:
                start = S.find(units.norm(o["after"]))
                if start < 0:
                    print(f"ERR {aid}: after text not found {o['after']!r}"); errors += 1; continue
            nind = units.norm(ind)
            ipos = S.find(nind, start)
            if ipos < 0:
                print(f"ERR {aid}: indicator not found {ind!r}"); errors += 1; continue
            nspan = units.norm(span)
            if "at" in o:
                p = -1
                for _ in range(int(o["at"])):
                    p = S.find(nspan, p + 1)
                spos = p
            else:
                spos = S.find(nspan, ipos)
                if spos < 0:
                    spos = S.find(nspan, start)
                if spos < 0:
                    spos = S.find(nspan)
            if spos < 0:
                print(f"ERR {aid}: span not found {span!r} ({ind})"); errors += 1; continue
            try:
                value, unit, sign = units.parse(span, col=o.get("col"), u=o.get("u"), bei="bei" in o, sgn="sgn" in o)
            except ValueError as e:
                print(f"ERR {aid}: {e}"); errors += 1; continue
            if "v" in o:
                value = float(o["v"]) if "." in o["v"] else int(o["v"])
            change = None
            if "ch" in o:
                kind, _, d = o["ch"].partition("_")
                kind = {"yoy": "yoy_pct", "abs": "abs", "pct": "pct", "rank": "rank_change"}[kind]
                if not d:
                    d = "down" if sign < 0 else "up"
                change = {"kind": kind, "direction": d}
            m = o.get("m")
            if not m:
                print(f"ERR {aid}: no measure on {ln!r}"); errors += 1; continue
            if m == "^":
                m = prev_base
            base = m
            prev_base = base
            if change and not any(k in m for k in KINDS):
                m, at, win = m.partition("@")
                m += {"yoy_pct": ".yoy_pct", "pct": ".change_pct", "rank_change": ".rank_change",
                      "abs": ".change_pp" if unit == "pp" else ".change_abs"}[change["kind"]]
                m += at + win
            g = {"article": aid, "region": reg}
            if alt:
                g["region_alt"] = alt
            g.update({"indicator_text": N[ipos:ipos + len(nind)] if len(S) == len(N) else nind,
                      "value": value, "unit": unit, "period": period,
                      "qualifier": o.get("q", "exact")})
            if change:
                g["change"] = change
            g["required"] = "opt" not in o
            line = len(gold)
            gold.append(g)
            meas.append({"line": line, "article": aid, "region": reg, "indicator_text": g["indicator_text"],
                         "value": value, "period": period, "measure": m})
            ext.append({"articleId": aid, "region": reg, "indicator": m, "indicatorLabel": g["indicator_text"],
                        "value": value, "unit": unit, "period": period, "qualifier": g["qualifier"]})
            spans.append({"line": line, "article": aid, "span": span, "norm_span": nspan, "pos": spos,
                          "ind_pos": ipos, "manual_value": "v" in o})

    def dump(path, rows):
        with open(path, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump(os.path.join(ROOT, "articles.jsonl"), arts)
    dump(os.path.join(ROOT, "gold.jsonl"), gold)
    dump(os.path.join(ROOT, "measures.jsonl"), meas)
    dump(os.path.join(HERE, "gold_as_extracted.jsonl"), ext)
    dump(os.path.join(HERE, "spans.jsonl"), spans)
    print(f"articles={len(arts)} lines={len(gold)} required={sum(g['required'] for g in gold)} errors={errors}")
    return errors


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
