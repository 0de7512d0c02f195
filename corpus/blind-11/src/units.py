"""Value and unit from a number span as written (shared by build.py and selfcheck.py).

parse_span(span, col=None, unit_override=None) -> (value, unit, flags)
  span: the number as written in the article, e.g. "128.46亿元", "3.2万标箱", "-1.86‰",
        "三四成", "第3位", "21846.3" (with col="万吨" from a flattened table's unit column).
  flags: set of notes ("range", "cn_numeral") for the self-check report.
"""
import html
import re
import unicodedata

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def norm(s):
    return unicodedata.normalize("NFKC", html.unescape(s))


def cn_to_int(s):
    """Chinese numeral (up to 万) -> int; None when not a numeral."""
    if not s or any(c not in CN_DIGITS and c not in CN_UNITS and c != "万" for c in s):
        return None
    total, section, num = 0, 0, 0
    for c in s:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in CN_UNITS:
            section += (num or 1) * CN_UNITS[c]
            num = 0
        elif c == "万":
            total += (section + num) * 10000
            section, num = 0, 0
    return total + section + num


# unit suffix (as written, after NFKC/unescape) -> (canonical unit, factor)
# longest suffix wins; magnitudes (万/亿/万亿/千) are applied separately unless listed here
UNIT_TABLE = [
    ("个百分点", "pp", 1), ("百分点", "pp", 1), ("个千分点", "‰", 1),
    ("%", "%", 1), ("‰", "‰", 1), ("成", "%", 10),
    ("元/平方米", "CNY/m2", 1),
    ("美元", "USD", 1), ("元", "CNY", 1),
    ("公斤/亩", "kg/mu", 1), ("斤/亩", "kg/mu", 0.5), ("kg/亩", "kg/mu", 1),
    ("吨/年", "t/year", 1), ("吨/日", "t/day", 1),
    ("吨", "t", 1), ("公斤", "t", 0.001), ("斤", "t", 0.0005),
    ("公顷", "ha", 1), ("亩", "ha", 1 / 15),
    ("平方公里", "km2", 1), ("平方米", "km2", 1e-6),
    ("立方米", "m3", 1),
    ("标箱", "TEU", 1), ("TEU", "TEU", 1), ("标准箱", "TEU", 1),
    ("千瓦时", "kWh", 1), ("度", "kWh", 1), ("千瓦", "kW", 1),
    ("μg/m3", "μg/m³", 1), ("微克/立方米", "μg/m³", 1), ("mg/m3", "mg/m³", 1),
    ("°C", "°C", 1), ("℃", "°C", 1),
    ("毫米", "mm", 1), ("公里", "km", 1), ("千米", "km", 1), ("米", "m", 1),
    ("个小时", "min", 60), ("小时", "min", 60), ("分钟", "min", 1), ("班次", "count", 1),
    ("天", "day", 1), ("岁", "year", 1), ("年", "year", 1), ("个月", "month", 1),
    ("倍", "times", 1), ("位", "rank", 1), ("名", "rank", 1),
    ("人次", "count", 1), ("车次", "count", 1), ("架次", "count", 1), ("艘次", "count", 1),
    ("辆次", "count", 1), ("批次", "count", 1), ("户次", "count", 1),
    ("人", "count", 1), ("个", "count", 1), ("家", "count", 1), ("列", "count", 1),
    ("户", "count", 1), ("项", "count", 1), ("所", "count", 1), ("座", "count", 1),
    ("张", "count", 1), ("辆", "count", 1), ("台", "count", 1), ("艘", "count", 1),
    ("条", "count", 1), ("头", "count", 1), ("只", "count", 1), ("羽", "count", 1),
    ("件", "count", 1), ("笔", "count", 1), ("单", "count", 1), ("票", "count", 1),
    ("场", "count", 1), ("次", "count", 1), ("班", "count", 1), ("批", "count", 1),
    ("棵", "count", 1), ("株", "count", 1), ("套", "count", 1), ("间", "count", 1),
    ("处", "count", 1), ("宗", "count", 1), ("家次", "count", 1), ("万", "count", 1),
]
UNIT_TABLE.sort(key=lambda x: -len(x[0]))
MAGS = [("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7),
        ("百万", 1e6), ("万", 1e4), ("千", 1e3)]

NUM_RE = re.compile(r"^([-+]?\d+(?:,\d{3})*(?:\.\d+)?)")


def parse_span(span, col=None, unit_override=None):
    s = norm(span).strip()
    flags = set()
    m = re.match(r"^第(.+?)(位|名)$", s)
    if m:
        inner = m.group(1)
        v = float(inner) if re.match(r"^\d+$", inner) else cn_to_int(inner)
        if v is None:
            raise ValueError(f"bad rank span {span!r}")
        return float(v), "rank", flags
    m = re.match(r"^([一二三四五六七八九十百]+)分之([一二三四五六七八九十]+)$", s)
    if m:
        flags.add("cn_numeral")
        return round(cn_to_int(m.group(2)) / cn_to_int(m.group(1)) * 100, 4), "%", flags
    m = NUM_RE.match(s)
    if m:
        value = float(m.group(1).replace(",", ""))
        rest = s[m.end():]
    else:
        # Chinese numerals, possibly a vague range of two adjacent digits (三四成, 四五个)
        m = re.match(r"^([零〇一二两三四五六七八九十百千]+)", s)
        if not m:
            raise ValueError(f"no number in span {span!r}")
        word = m.group(1)
        rest = s[m.end():]
        flags.add("cn_numeral")
        if (len(word) == 2 and word[0] in CN_DIGITS and word[1] in CN_DIGITS
                and CN_DIGITS[word[1]] == CN_DIGITS[word[0]] + 1):
            value = float(CN_DIGITS[word[1]])
            flags.add("range")
        else:
            # 千 may be a magnitude only after digits; here it is part of the numeral
            v = cn_to_int(word)
            if v is None:
                raise ValueError(f"bad numeral in {span!r}")
            value = float(v)
    rest = rest.strip()
    if col is not None:
        if rest:
            raise ValueError(f"span {span!r} has a unit and col= too")
        rest = norm(col)
    mult = 1.0
    if rest[:1] in ("多", "余"):
        rest = rest[1:]
    for mag, f in MAGS:
        if rest.startswith(mag) and rest != "万" and not rest.startswith("千瓦") and not rest.startswith("千米") \
                and not rest.startswith("千分点"):
            mult = f
            rest = rest[len(mag):]
            break
    if rest.startswith("多") or rest.startswith("余"):
        rest = rest[1:]
    unit, factor = None, 1
    for suf, u, f in UNIT_TABLE:
        if rest == suf:
            unit, factor = u, f
            break
    if unit is None:
        if rest == "":
            if mult != 1.0:
                unit, factor = "count", 1
            else:
                unit, factor = "", 1
        else:
            raise ValueError(f"unknown unit {rest!r} in span {span!r}")
    if rest == "万" and mult == 1.0:
        mult = 1e4
    if unit_override:
        unit = unit_override
        if unit == "m2" and rest == "平方米":
            factor = 1
    value = value * mult * factor
    value = round(value, 6)
    if value == int(value) and abs(value) < 1e15:
        value = int(value) if unit != "%" or True else value
    return value, unit, flags


if __name__ == "__main__":
    import sys
    for a in sys.argv[1:]:
        print(a, parse_span(a))
