#!/usr/bin/env python3
"""Extracts a labelled set with the built jar and scores it: values (score.py), series identity
(identity.py, when the set has measures.jsonl) and key collisions (collisions.py).

usage: tools/score-set.py SET_DIR [--jar streams-app/target/regional-metrics.jar] [--eval ../shared/eval] [--out FILE]

SET_DIR holds articles.jsonl, gold.jsonl, optionally measures.jsonl, and ARTICLE.txt files either
in SET_DIR/articles/ or in SET_DIR itself (as the test fixtures are)."""
import argparse, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("set_dir")
ap.add_argument("--jar", default=os.path.join(here, "..", "streams-app", "target", "regional-metrics.jar"))
# the shared scorers: beside the checkout (../shared/eval), else $SHARED_EVAL
ap.add_argument("--eval", default=os.environ.get("SHARED_EVAL", os.path.join(here, "..", "..", "shared", "eval")))
ap.add_argument("--out", default=None)
ap.add_argument("--verbose", action="store_true")
a = ap.parse_args()
if not os.path.exists(os.path.join(a.eval, "score.py")):
    sys.exit(f"no score.py in {a.eval}: pass --eval DIR or set SHARED_EVAL")

arts = [json.loads(l) for l in open(os.path.join(a.set_dir, "articles.jsonl"), encoding="utf-8") if l.strip()]
text_dir = os.path.join(a.set_dir, "articles") if os.path.isdir(os.path.join(a.set_dir, "articles")) else a.set_dir

def extract(group):
    """One JVM per publication date: every article of the group (ids are the file names)."""
    published, ids = group
    cmd = ["java", "-jar", a.jar, "extract"]
    if published:
        cmd += ["--published", str(published)]
    cmd += [os.path.join(text_dir, i + ".txt") for i in ids]
    r = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if r.returncode != 0:
        print(f"extract failed for {ids}: {r.stderr.strip()}", file=sys.stderr)
    return r.stdout

groups = {}
for art in arts:
    groups.setdefault(art.get("published") or "", []).append(art["article"])
with ThreadPoolExecutor(max_workers=2) as pool:
    lines = "".join(pool.map(extract, sorted(groups.items())))
out = a.out or os.path.join("/tmp", os.path.basename(os.path.normpath(a.set_dir)) + "-extracted.jsonl")
with open(out, "w", encoding="utf-8") as f:
    f.write(lines)
gold = os.path.join(a.set_dir, "gold.jsonl")
verbose = ["--verbose"] if a.verbose else []
subprocess.run([sys.executable, os.path.join(a.eval, "score.py"), gold, out] + verbose)
measures = os.path.join(a.set_dir, "measures.jsonl")
if os.path.exists(measures):
    subprocess.run([sys.executable, os.path.join(a.eval, "identity.py"), gold, measures, out] + verbose)
subprocess.run([sys.executable, os.path.join(here, "collisions.py"), out, "--quiet"])
print(f"extracted events: {out}")
