"""Value and unit from a number span as written in the article (blind-13).

parse(span, col=None, u=None, bei=False, sgn=False) -> (value, unit, sign)
  span  the number as written, e.g. "1234.56亿元", "-1.86&permil;", "三成", "第3位", "增长1.6倍"
  col   unit taken from a flattened table's unit column (when the span is a bare number)
  u     unit override (magnitudes still applied)
  bei   read 增长N倍 as N x 100 %
  sgn   the span is a signed change: return |value| and sign (-1/+1)
"""
import html
import re
import unicodedata
from decimal import Decimal

COUNT = ("个 家 所 份 台 条 座 项 人 人次 户 辆 辆次 架次 套 艘 艘次 列 趟 班 班次 名 张 头 只 株 批 件 次 "
         "家次 处 宗 票 枚 人次 种 尾 棵 口 场 场次 部 架 节 间 标准机架 个村 个行政村 位游客 单 例 门 本 卷 匹 羽 尾 对 盏 根 块 栋 辆车").split()

UNIT = {
    "元": ("CNY", 1), "元/人": ("CNY", 1), "美元": ("USD", 1),
    "%": ("%", 1), "‰": ("‰", 1), "个百分点": ("pp", 1), "百分点": ("pp", 1), "个千分点": ("‰", 1),
    "吨": ("t", 1), "斤": ("t", Decimal("0.0005")), "公斤": ("t", Decimal("0.001")), "千克": ("t", Decimal("0.001")),
    "公斤/亩": ("kg/mu", 1), "千克/亩": ("kg/mu", 1), "斤/亩": ("kg/mu", Decimal("0.5")),
    "元/亩": ("CNY/mu", 1), "元/公斤": ("CNY/kg", 1), "元/斤": ("CNY/kg", 2),
    "亩": ("ha", Decimal(1) / Decimal(15)), "亩次": ("ha", Decimal(1) / Decimal(15)), "分贝": ("dB", 1), "吨/日": ("t/day", 1), "公顷": ("ha", 1), "平方公里": ("km2", 1), "平方千米": ("km2", 1),
    "平方米": ("km2", Decimal("0.000001")),
    "千瓦": ("kW", 1), "千瓦时": ("kWh", 1), "度": ("kWh", 1), "吨标准煤": ("t", 1), "吨/年": ("t/year", 1),
    "标箱": ("TEU", 1), "TEU": ("TEU", 1),
    "天": ("day", 1), "个月": ("month", 1),
    "μg/m³": ("μg/m³", 1), "μg/m3": ("μg/m³", 1), "mg/m3": ("mg/m³", 1), "微克/立方米": ("μg/m³", 1), "mg/m³": ("mg/m³", 1), "毫克/立方米": ("mg/m³", 1),
    "毫克/升": ("mg/L", 1), "mg/L": ("mg/L", 1),
    "°C": ("°C", 1), "摄氏度": ("°C", 1),
    "小时": ("min", 60), "分钟": ("min", 1),
    "公里": ("km", 1), "千米": ("km", 1), "米": ("m", 1), "毫米": ("mm", 1),
    "岁": ("year", 1), "年": ("year", 1),
    "倍": ("times", 1),
    "P": ("PFLOPS", 1), "PFlops": ("PFLOPS", 1), "PFLOPS": ("PFLOPS", 1), "EFLOPS": ("PFLOPS", 1000),
    "立方米": ("m3", 1),
    "分": ("index", 1), "": ("", 1), "位": ("rank", 1), "蒸吨": ("t/h", 1),
}
for c in COUNT:
    UNIT.setdefault(c, ("count", 1))

MAG = [("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4),
       ("千", Decimal(1000)), ("百", Decimal(100))]
CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CNU = {"十": 10, "百": 100, "千": 1000}


def norm(s):
    return unicodedata.normalize("NFKC", html.unescape(s))


def cn_int(s):
    """一百二十 -> 120, 十二 -> 12, 三 -> 3"""
    total, cur = 0, 0
    for ch in s:
        if ch in CN:
            cur = CN[ch]
        elif ch in CNU:
            total += (cur or 1) * CNU[ch]
            cur = 0
        else:
            raise ValueError(s)
    return total + cur


def tidy(d):
    d = d.quantize(Decimal("0.000001")) if d != d.to_integral_value() else d
    f = float(d)
    return int(f) if f == int(f) and abs(f) < 1e17 else round(f, 6)


def parse(span, col=None, u=None, bei=False, sgn=False):
    s = norm(span).strip()
    sign = 1
    # words that are not part of the quantity
    for w in ("增长", "下降", "提高", "增加", "减少"):
        if s.startswith(w) and bei:
            s = s[len(w):]
    m = re.fullmatch(r"翻了?(一|两|三)番", s)
    if m:
        return tidy(Decimal((2 ** cn_int(m.group(1)) - 1) * 100)), "%", 1
    m = re.fullmatch(r"([一二三四五六七八九十]+)分之([一二三四五六七八九十]+)", s)
    if m:
        return tidy(Decimal(cn_int(m.group(2)) * 100) / Decimal(cn_int(m.group(1)))), "%", 1
    m = re.fullmatch(r"([一二两三四五六七八九])成(多|以上|左右)?", s)
    if m:
        return cn_int(m.group(1)) * 10, "%", 1
    m = re.fullmatch(r"第([0-9]+|[一二三四五六七八九十]+)(位|名)?", s)
    if m:
        g = m.group(1)
        return (int(g) if g.isdigit() else cn_int(g)), "rank", 1
    if s in ("首位", "第一"):
        return 1, "rank", 1
    m = re.match(r"([-+]?)([0-9][0-9,]*(?:\.[0-9]+)?)", s)
    if m:
        if m.group(1) == "-":
            sign = -1
        num = Decimal(m.group(2).replace(",", ""))
        rest = s[m.end():]
    else:
        m = re.match(r"[零〇一二三四五六七八九十两]+(?:[百千][零〇一二三四五六七八九十]*)*", s)
        if not m and s[:1] in "百千万亿":
            m = re.match(r"", s)  # bare magnitude: 百亿元, 万亿元
            num = Decimal(1)
        elif not m:
            raise ValueError(f"no number in span {span!r}")
        if m.group(0):
            num = Decimal(cn_int(m.group(0)))
        rest = s[m.end():]
    rest = rest.strip()
    if bei:
        if not rest.startswith("倍") and rest not in ("倍多", "多倍"):
            raise ValueError(f"bei without 倍: {span!r}")
        return tidy(num * 100), "%", 1
    if not rest and col:
        rest = norm(col)
    mult = Decimal(1)
    rest = rest.lstrip("余多")
    guard = 0
    while rest not in UNIT:
        guard += 1
        for p, f in MAG:
            if rest.startswith(p):
                mult *= f
                rest = rest[len(p):].lstrip("余多")
                break
        else:
            raise ValueError(f"unknown unit {rest!r} in span {span!r}")
        if guard > 4:
            raise ValueError(span)
    unit, factor = UNIT[rest]
    val = num * mult * Decimal(factor)
    if u:
        unit = u
    if sgn:
        return tidy(val), unit, sign
    return tidy(val * sign), unit, sign


if __name__ == "__main__":
    import sys
    for a in sys.argv[1:]:
        print(a, parse(a))
