"""Value/unit from a number span as written (normalised simplified text)."""
import re

CN_DIG = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
MAG = [("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4)]
COUNT_CLS = ("人次", "尾", "粒", "吨_", "批次", "车次", "班次", "场次", "起", "期", "辆次", "架次", "艘次", "户次", "人", "个", "家", "所", "份", "台", "条", "座", "项", "名", "户",
             "辆", "件", "单", "只", "头", "株", "棵", "床", "张", "套", "间", "批", "场", "次", "处", "艘", "架",
             "部", "位", "例", "羽", "栋", "口", "片", "款", "趟", "班", "篇", "本", "对", "支", "根", "盏", "块", "亩次_")
# suffix -> (unit, factor); longest suffix wins
UNITS = {
    "元": ("CNY", 1), "元/人": ("CNY", 1), "美元": ("USD", 1), "元/平方米": ("CNY/m2", 1),
    "吨": ("t", 1), "公斤": ("t", 0.001), "千克": ("t", 0.001), "斤": ("t", 0.0005),
    "吨/年": ("t/year", 1), "吨/日": ("t/day", 1), "万吨/年_": ("t/year", 1),
    "斤/亩": ("kg/mu", 0.5), "公斤/亩": ("kg/mu", 1), "千克/亩": ("kg/mu", 1),
    "亩": ("ha", 1 / 15), "亩次": ("ha", 1 / 15), "公顷": ("ha", 1), "平方公里": ("km2", 1), "平方千米": ("km2", 1),
    "平方米": ("km2", 1e-6), "立方米": ("m3", 1),
    "千瓦": ("kW", 1), "兆瓦": ("kW", 1e3), "吉瓦": ("kW", 1e6), "千瓦时": ("kWh", 1), "度": ("kWh", 1),
    "千伏": ("kV", 1), "千伏安时": ("kVAh", 1), "万千伏安时_": ("kVAh", 1),
    "%": ("%", 1), "个百分点": ("pp", 1), "百分点": ("pp", 1), "‰": ("‰", 1), "个千分点": ("‰", 1),
    "天": ("day", 1), "个月": ("month", 1), "年": ("year", 1), "岁": ("year", 1), "分钟": ("min", 1), "小时": ("min", 60),
    "μg/m3": ("μg/m³", 1), "微克/立方米": ("μg/m³", 1), "mg/m3": ("mg/m³", 1), "毫克/立方米": ("mg/m³", 1),
    "mg/L": ("mg/L", 1), "毫克/升": ("mg/L", 1), "标箱": ("TEU", 1), "TEU": ("TEU", 1),
    "公里": ("km", 1), "千米": ("km", 1), "米": ("m", 1), "°C": ("°C", 1), "倍": ("times", 1), "成": ("%", 10),
    "分贝": ("dB", 1), "吨/平方公里·月": ("t/(km2·month)", 1), "dB": ("dB", 1), "": ("index", 1),
}
for c in COUNT_CLS:
    UNITS.setdefault(c, ("count", 1))

NUM_RE = re.compile(r"^([-−+]?)([0-9][0-9,]*(?:\.[0-9]+)?)")
CN_RE = re.compile(r"^([零〇一二两三四五六七八九十百千]+)")


def cn_int(s):
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIG:
            cur = CN_DIG[ch]
        elif ch in CN_UNIT:
            total += (cur or 1) * CN_UNIT[ch]
            cur = 0
    return total + cur


def parse(span, col=None):
    """Return (value, unit) for a span like '1234.5万吨', '-2.3%', '七成', '21846.3' (+col='万吨')."""
    s = span.strip()
    if s.startswith("第") and s[-1] in "位名":
        return parse(s[1:-1])[0], "rank"
    fr = re.fullmatch(r"([零一二两三四五六七八九十百]+)分之([零一二两三四五六七八九十百]+)", s)
    if fr:
        return round(cn_int(fr.group(2)) / cn_int(fr.group(1)) * 100, 4), "%"
    m = NUM_RE.match(s)
    if m:
        sign = -1 if m.group(1) in "-−" and m.group(1) else 1
        num = float(m.group(2).replace(",", "")) * sign
        rest = s[m.end():]
    else:
        m = CN_RE.match(s)
        if not m:
            raise ValueError(f"no number in span {span!r}")
        num = float(cn_int(m.group(1)))
        rest = s[m.end():]
    rest = rest[1:] if rest[:1] in ("余", "多") else rest
    if col is not None:
        if col.startswith("as:"):
            col = col[3:]
        elif rest:
            raise ValueError(f"span {span!r} has unit text and col=")
        rest = col
    factor = 1
    for mag, f in MAG:
        if rest.startswith(mag) and rest[len(mag):] in UNITS:
            factor, rest = f, rest[len(mag):]
            break
    if rest not in UNITS:
        raise ValueError(f"unknown unit {rest!r} in span {span!r}")
    unit, uf = UNITS[rest]
    v = num * factor * uf
    v = round(v, 6)
    if v == int(v) and abs(v) < 1e17:
        v = int(v)
    return v, unit
