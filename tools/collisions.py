#!/usr/bin/env python3
"""Collision share of extracted events: the share of events that have the same
(articleId, region, indicator, period) as another event with a DIFFERENT value. Such
events overwrite each other in the stores (keyed region|indicator, per period), so a
collision is two measures filed under one series key.

usage: tools/collisions.py EXTRACTED.jsonl [--quiet]

EXTRACTED.jsonl: one event per line, as written by `regional-metrics.jar extract`.
Prints the colliding groups (unless --quiet) and then the share."""
import json
import sys
from collections import defaultdict


def value_key(e):
    v = e.get("value")
    if isinstance(v, (int, float)):
        v = float(f"{float(v):.6g}")
    return (v, e.get("unit"))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    events = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    groups = defaultdict(list)
    for e in events:
        key = (e.get("articleId") or e.get("article"), e.get("region"), e.get("indicator"), e.get("period"))
        groups[key].append(e)
    colliding = 0
    shown = []
    for key, es in groups.items():
        if len({value_key(e) for e in es}) > 1:
            colliding += len(es)
            shown.append((key, es))
    if "--quiet" not in argv:
        for (art, region, ind, period), es in shown:
            print(f"{art} {region}|{ind} period={period}")
            for e in es:
                print(f"    {e.get('value')} {e.get('unit')}  <- {e.get('indicatorLabel')}  ({e.get('rawText')})")
    share = colliding / len(events) if events else 0.0
    print(f"events={len(events)} colliding={colliding} groups={len(shown)} collision_share={share:.4f} ({100 * share:.2f} %)")


if __name__ == "__main__":
    main(sys.argv)
