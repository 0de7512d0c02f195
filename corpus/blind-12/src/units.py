#!/usr/bin/env python3
"""Value and unit of a number span as written in an article.

parse(span, col=None, u=None, bei=False) -> (Decimal value, unit)

The span is the number with its magnitude and unit exactly as the article writes it
("2860.45亿元", "12.3万人次", "42μg/m&sup3;", "3.5个百分点", "七成", "第3位", "-3.2%").
col= is the unit column of a flattened table, used when the span is a bare number.
u= overrides the canonical unit (the magnitude 万/亿 is still applied).
bei=True reads "增长N倍" as N x 100 %.
"""
import html
import re
import unicodedata
from decimal import Decimal

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}

MAGNITUDES = [("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)]

# (prefix of the rest after number and magnitude, unit, factor); longest prefixes first.
UNIT_TABLE = [
    ("个百分点", "pp", 1), ("百分点", "pp", 1), ("个千分点", "‰", 1),
    ("%", "%", 1), ("‰", "‰", 1),
    ("元/平方米", "CNY/m2", 1), ("元/亩", "CNY/mu", 1), ("元/人", "CNY", 1),
    ("美元", "USD", 1), ("元", "CNY", 1),
    ("千伏", "kV", 1), ("千瓦时", "kWh", 1), ("度", "kWh", 1), ("千瓦", "kW", 1), ("兆瓦", "kW", 1000), ("吉瓦时", "kWh", 10 ** 6), ("吉瓦", "kW", 10 ** 6),
    ("个标准机架", "count", 1), ("标准机架", "count", 1),
    ("pflops", "PFLOPS", 1), ("eflops", "PFLOPS", 1000), ("p", "PFLOPS", 1), ("e", "PFLOPS", 1000),
    ("吨标准煤", "t", 1), ("吨/年", "t/year", 1), ("吨", "t", 1), ("公斤", "t", Decimal("0.001")), ("斤", "t", Decimal("0.0005")),
    ("标箱", "TEU", 1), ("teu", "TEU", 1),
    ("平方公里", "km2", 1), ("平方千米", "km2", 1), ("公顷", "ha", 1), ("亩", "ha", Decimal(1) / 15),
    ("平方米", "km2", Decimal("0.000001")), ("立方米", "m3", 1),
    ("公里", "km", 1), ("千米", "km", 1), ("米", "m", 1),
    ("μg/m3", "μg/m³", 1), ("微克/立方米", "μg/m³", 1), ("mg/m3", "mg/m³", 1),
    ("毫克/立方米", "mg/m³", 1), ("mg/l", "mg/L", 1), ("毫克/升", "mg/L", 1),
    ("°c", "°C", 1), ("摄氏度", "°C", 1), ("分贝", "dB", 1), ("毫米", "mm", 1),
    ("小时", "min", 60), ("分钟", "min", 1), ("个月", "month", 1), ("天", "day", 1), ("年", "year", 1),
    ("倍", "times", 1), ("成", "%", 10),
]
CLASSIFIERS = ["万人次", "人次", "架次", "艘次", "车次", "班次", "航班", "人", "个", "家", "所", "份", "台",
               "条", "座", "项", "名", "户", "套", "辆", "列", "张", "床", "间", "处", "支", "批", "只",
               "头", "部", "趟", "宗", "件", "例", "位", "栋", "幢", "种", "只", "起", "场", "次", "期", "届", "块", "层", "辆次", "单", "眼", "口", "片", "棵", "株", "对"]


def norm(s):
    return unicodedata.normalize("NFKC", html.unescape(s))


def cn_number(s):
    """Parse a Chinese numeral without 万/亿 (e.g. 三, 十二, 两千, 一百二十)."""
    total, cur = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (1 if cur is None else cur) * CN_UNITS[ch]
            cur = None
        else:
            raise ValueError(f"not a numeral: {s}")
    return Decimal(total + (cur or 0))


NUM_RE = re.compile(r"^([-−])?(\d+(?:\.\d+)?)")
CN_RE = re.compile(r"^([零〇一二两三四五六七八九十百千]+)")


def parse(span, col=None, u=None, bei=False):
    s = norm(span).strip()
    if s in ("翻一番", "翻了一番"):
        return Decimal(100), "%"
    if s in ("翻两番", "翻了两番"):
        return Decimal(300), "%"
    if s in ("首位", "第一位", "榜首"):
        return Decimal(1), "rank"
    m = re.match(r"^([零一二两三四五六七八九十百]+)分之([零一二两三四五六七八九十]+)$", s)
    if m:                                   # 三分之一 -> 33.33 %
        return cn_number(m.group(2)) * 100 / cn_number(m.group(1)), "%"
    rank = False
    if s.startswith("第"):
        rank = True
        s = s[1:]
    m = NUM_RE.match(s)
    if m:
        val = Decimal(m.group(2))
        if m.group(1):
            val = -val
        rest = s[m.end():]
    elif s.startswith(("万亿", "亿", "万")):
        val, rest = Decimal(1), s          # 万亿元 = 1 万亿元
    else:
        m = CN_RE.match(s)
        if not m:
            raise ValueError(f"no number in span {span!r}")
        val = cn_number(m.group(1))
        rest = s[m.end():]
    if rest[:1] in ("余", "多"):
        rest = rest[1:]                     # 1200余家, 300多万人: the qualifier is a label option
    if not rest and col:
        rest = norm(col)
    for word, mag in MAGNITUDES:
        if rest.startswith(word):
            val *= mag
            rest = rest[len(word):]
            break
    if rank:
        return val, "rank"
    if u:
        return val, u
    if bei and rest.startswith("倍"):
        return val * 100, "%"
    low = rest.lower()
    for word, unit, factor in UNIT_TABLE:
        if low.startswith(word):
            return val * Decimal(factor), unit
    for c in CLASSIFIERS:
        if rest.startswith(c):
            return val, "count"
    raise ValueError(f"no unit in span {span!r} (rest {rest!r}); give u= or col=")


def to_json_number(d):
    if d == d.to_integral_value():
        return int(d)
    return float(str(round(d, 6)))


if __name__ == "__main__":
    import sys
    for a in sys.argv[1:]:
        v, unit = parse(a)
        print(a, to_json_number(v), unit)
