#!/usr/bin/env python3
"""Build articles/, articles.jsonl, gold.jsonl, measures.jsonl, gold_as_extracted.jsonl from src/raw/*.txt."""
import glob, json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

def opencc(text, cfg):
    return subprocess.run(["opencc", "-c", cfg], input=text, capture_output=True, text=True, check=True).stdout

def annotate(simp, trad):
    """Append (pinyin) after roughly every third traditional character that differs from the simplified one."""
    if len(simp) != len(trad):
        raise SystemExit("length changed in conversion; cannot align pinyin")
    py = json.loads(subprocess.run(["node", os.path.join(HERE, "pinyin.js")], input=simp, capture_output=True,
                                   text=True, check=True).stdout)
    out, k = [], 0
    for i, (s, t) in enumerate(zip(simp, trad)):
        out.append(t)
        if s != t and py[i]:
            k += 1
            if k % 3 == 1:
                out.append("(" + py[i] + ")")
    return "".join(out)

def main():
    arts, gold, meas, ext = [], [], [], []
    for path in sorted(glob.glob(os.path.join(HERE, "raw", "m*.txt"))):
        meta, body, rows = read_raw(path)
        aid = meta["id"]
        script = meta["script"]
        if script == "simplified":
            text, sname = body, "simplified"
        elif script.startswith("pinyin-"):
            text, sname = annotate(body, opencc(body, script[7:])), "traditional+pinyin-annotations"
        else:
            text, sname = opencc(body, script), "traditional"
        open(os.path.join(ROOT, "articles", aid + ".txt"), "w", encoding="utf-8").write(text)
        pub = None if meta["published"] == "null" else meta["published"]
        arts.append({"article": aid, "published": pub, "source_url": meta.get("source_url") or None,
                     "script": sname, "source": meta.get("source"), "notes": meta.get("notes", "")})
        nb = nfkc(body)
        for o in rows:
            if nfkc(o["span"]) not in nb:
                raise SystemExit("%s: span %r not in body" % (aid, o["span"]))
            if nfkc(o["indicator_text"]) not in nb:
                raise SystemExit("%s: indicator %r not in body" % (aid, o["indicator_text"]))
            if "m" not in o:
                raise SystemExit("%s: no measure for %r" % (aid, o["indicator_text"]))
            g = gold_line(aid, o)
            meas.append({"line": len(gold), "article": aid, "region": g["region"], "indicator_text": g["indicator_text"],
                         "value": g["value"], "period": g["period"], "measure": o["m"]})
            gold.append(g)
            ext.append({"articleId": aid, "region": g["region"], "indicator": o["m"], "indicatorLabel": g["indicator_text"],
                        "value": g["value"], "unit": g["unit"], "period": g["period"], "qualifier": g["qualifier"]})
    def dump(name, rows):
        with open(os.path.join(ROOT, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump("articles.jsonl", arts); dump("gold.jsonl", gold); dump("measures.jsonl", meas)
    dump("src/gold_as_extracted.jsonl", ext)
    print("articles", len(arts), "gold", len(gold))

if __name__ == "__main__":
    main()
