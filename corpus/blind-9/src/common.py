"""Shared helpers: raw-file parsing and value/unit computation from a number span as written."""
import html, json, os, re, subprocess, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

def nfkc(s):
    return unicodedata.normalize("NFKC", html.unescape(s))

CN_DIG = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_MUL = {"十": 10, "百": 100, "千": 1000}

def cn_int(s):
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIG:
            cur = CN_DIG[ch]
        elif ch in CN_MUL:
            total += (cur or 1) * CN_MUL[ch]
            cur = 0
        else:
            raise ValueError(s)
    return total + cur

# magnitude prefixes (checked before units)
MAGS = [("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4)]
COUNT_CL = "人次 人 个 家 所 项 台 辆 条 座 艘 架次 班列 班 列 件 户 名 场 套 批 只 头 张 次 单 票 部 栋 处 款 位 趟 家次 车次 艘次 自然箱 航次 个村 支 株 棵 尾 箱 份 间 床 例 篇 本 节 组 集".split()
UNITS = {
    "%": ("%", 1), "个百分点": ("pp", 1), "百分点": ("pp", 1), "‰": ("‰", 1), "个千分点": ("‰", 1),
    "元/平方米": ("CNY/m2", 1), "元": ("CNY", 1), "美元": ("USD", 1),
    "天": ("day", 1), "小时": ("h", 1), "分钟": ("min", 1), "年": ("year", 1), "个月": ("month", 1), "岁": ("year", 1),
    "吨/年": ("t/year", 1), "吨": ("t", 1), "公斤/亩": ("kg/mu", 1), "斤/亩": ("kg/mu", 0.5),
    "公斤": ("t", 0.001), "千克": ("t", 0.001), "斤": ("t", 0.0005),
    "标准箱": ("TEU", 1), "标箱": ("TEU", 1), "TEU": ("TEU", 1),
    "亩": ("ha", 1 / 15), "公顷": ("ha", 1), "平方公里": ("km2", 1), "平方千米": ("km2", 1), "平方米": ("km2", 1e-6),
    "千瓦时": ("kWh", 1), "度": ("kWh", 1), "千瓦": ("kW", 1), "兆瓦": ("kW", 1e3), "吉瓦时": ("kWh", 1e6), "GWh": ("kWh", 1e6),
    "吉瓦": ("kW", 1e6), "GW": ("kW", 1e6), "MW": ("kW", 1e3),
    "微克/立方米": ("μg/m³", 1), "μg/m3": ("μg/m³", 1), "毫克/立方米": ("mg/m³", 1), "mg/m3": ("mg/m³", 1),
    "毫克/升": ("mg/L", 1), "mg/L": ("mg/L", 1),
    "公里": ("km", 1), "千米": ("km", 1), "米": ("m", 1), "立方米": ("m3", 1), "°C": ("°C", 1),
    "倍": ("times", 1), "分贝": ("dB", 1), "千升": ("kL", 1), "dB": ("dB", 1), "成": ("%", 10),
}
for c in COUNT_CL:
    UNITS.setdefault(c, ("count", 1))
UNIT_KEYS = sorted(UNITS, key=len, reverse=True)
MASS_KG = {"公斤": 1, "千克": 1, "斤": 0.5, "吨": 1000}

NUM_RE = re.compile(r"^(第)?([-+]?\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)(.*)$")

def clean_num(v):
    v = float("%.10g" % v)
    return int(v) if v == int(v) and abs(v) < 1e18 else v

def parse_span(span, col=None, u=None):
    """-> (value, unit) from the span as written (and an optional unit column / unit override)."""
    s = nfkc(span).replace(",", "").replace("−", "-").strip()
    s = re.sub(r"^(近|约|超过|超|逾|达)", "", s)
    m = NUM_RE.match(s)
    if not m:
        raise ValueError("no number in span %r" % span)
    ordinal, num, rest = m.groups()
    v = float(num) if re.match(r"^[-+]?\d", num) else float(cn_int(num))
    if col is not None:
        if rest.strip():
            raise ValueError("span %r has text after number but col= given" % span)
        rest = nfkc(col)
    rest = re.sub(r"^(余|多)", "", rest.strip())
    if ordinal:
        if rest not in ("位", "名", ""):
            raise ValueError("ordinal span %r" % span)
        return clean_num(v), "rank"
    for k, f in MAGS:
        if rest.startswith(k) and not (k == "万" and False):
            v *= f
            rest = re.sub(r"^(余|多)", "", rest[len(k):])
            break
    if u == "kg/mu":
        for k in sorted(MASS_KG, key=len, reverse=True):
            if rest.startswith(k):
                return clean_num(v * MASS_KG[k]), "kg/mu"
    if u is not None and (rest == "" or u in ("index", "count", "m2", "rank", "times", "CNY/person")):
        if u == "m2" and rest == "平方米":
            return clean_num(v), "m2"
        if rest in ("", "点", "分") or u in ("count", "index", "rank", "times", "CNY/person"):
            return clean_num(v), u
    for k in UNIT_KEYS:
        if rest == k or (rest.startswith(k) and not rest[len(k):len(k)+1].isalnum()):
            unit, f = UNITS[k]
            if u is not None and u.startswith(unit + "/"):
                return clean_num(v * f), u
            if u is not None and u != unit:
                raise ValueError("unit override %s conflicts with %s in %r" % (u, unit, span))
            return clean_num(v * f), unit
    if rest.startswith("千"):
        return parse_span(str(v * 1000) + rest[1:], None, u)
    if u is not None:
        return clean_num(v), u
    raise ValueError("unknown unit %r in span %r" % (rest, span))

def read_raw(path):
    text = open(path, encoding="utf-8").read()
    head, body, labels = text.split("\n===\n")
    meta = {}
    for line in head.splitlines():
        if line.strip():
            k, v = line.split(":", 1)
            meta[k.strip()] = v.strip()
    rows = []
    for n, line in enumerate(labels.splitlines()):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5:
            raise ValueError("%s: bad label line %r" % (path, line))
        region, ind, span, period, opts = parts
        o = {"region": meta["region"] if region == "." else region, "indicator_text": ind, "span": span,
             "period": None if period == "-" else period, "opt": False, "q": "exact"}
        for tok in opts.split():
            if tok == "opt":
                o["opt"] = True
            elif "=" in tok:
                k, v = tok.split("=", 1)
                o[k] = v
            else:
                raise ValueError("%s: bad option %r" % (path, tok))
        rows.append(o)
    return meta, body.strip("\n") + "\n", rows

def label_value(o):
    if "v" in o:
        return clean_num(float(o["v"])), o.get("u")
    v, unit = parse_span(o["span"], o.get("col"), o.get("u"))
    if "ch" in o and isinstance(v, (int, float)) and v < 0:
        v = -v
    return clean_num(v), unit

def gold_line(aid, o):
    v, unit = label_value(o)
    g = {"article": aid, "region": o["region"]}
    if "alt" in o:
        g["region_alt"] = o["alt"].split(",")
    g.update({"indicator_text": nfkc(o["indicator_text"]), "value": v, "unit": unit, "period": o["period"],
              "qualifier": o["q"]})
    if "ch" in o:
        kind, d = o["ch"].split("/")
        g["change"] = {"kind": kind, "direction": d}
    g["required"] = not o["opt"]
    return g
