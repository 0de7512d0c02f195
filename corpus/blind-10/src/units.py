"""Value/unit computation from a number span as written (shared by build.py and selfcheck.py)."""
import html, re, unicodedata

CN = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
CNU = {'十': 10, '百': 100, '千': 1000}

def cn_int(s):
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

COUNT = "人 人次 个 家 所 户 台 辆 件 项 套 座 张 名 条 艘 架次 列 只 头 批 宗 株 棵 处 间 床 篇 部 种 场 次 家次 班次 个村 盏 块 口 眼 位 标准间 例 对 支 片 户次 人年 单".split()
UNITS = {u: ('count', 1) for u in COUNT}
UNITS.update({
    '元': ('CNY', 1), '美元': ('USD', 1), '%': ('%', 1), '‰': ('‰', 1),
    '个百分点': ('pp', 1), '百分点': ('pp', 1), '个千分点': ('‰', 1),
    '天': ('day', 1), '年': ('year', 1), '岁': ('year', 1), '个月': ('month', 1),
    '小时': ('h', 1), '分钟': ('min', 1),
    '吨': ('t', 1), '吨/年': ('t/year', 1), '吨/日': ('t/day', 1), '公斤': ('t', 0.001), '千克': ('t', 0.001),
    '斤': ('t', 0.0005), '斤/亩': ('kg/mu', 0.5), '公斤/亩': ('kg/mu', 1), '千克/亩': ('kg/mu', 1),
    '亩': ('ha', 1 / 15), '公顷': ('ha', 1), '千公顷': ('ha', 1000),
    '平方公里': ('km2', 1), '平方千米': ('km2', 1), '平方米': ('km2', 1e-6),
    '公里': ('km', 1), '千米': ('km', 1), '米': ('m', 1),
    '千瓦': ('kW', 1), '兆瓦': ('kW', 1e3), '吉瓦': ('kW', 1e6), '吉瓦时': ('kWh', 1e6), '千瓦时': ('kWh', 1), '千伏': ('kV', 1),
    '千伏安': ('kVA', 1),
    '微克/立方米': ('μg/m³', 1), 'μg/m³': ('μg/m³', 1), 'μg/m3': ('μg/m³', 1),
    '毫克/立方米': ('mg/m³', 1), 'mg/m³': ('mg/m³', 1), 'mg/m3': ('mg/m³', 1), '毫克/升': ('mg/L', 1), 'mg/L': ('mg/L', 1),
    '标箱': ('TEU', 1), 'TEU': ('TEU', 1), '立方米': ('m3', 1), '元/平方米': ('CNY/m2', 1),
    '毫米': ('mm', 1), '分贝': ('dB', 1), 'dB': ('dB', 1), 'dB(A)': ('dB', 1), '倍': ('times', 1), '℃': ('°C', 1), '°C': ('°C', 1),
    '蒸吨': ('t/h', 1), '成': ('%', 10), '公里/小时': ('km/h', 1), '吨标准煤': ('tce', 1),
})
MAGS = [('万亿', 1e12), ('千亿', 1e11), ('百亿', 1e10), ('千万', 1e7), ('百万', 1e6), ('亿', 1e8), ('万', 1e4), ('千', 1e3), ('百', 1e2)]

def norm(s):
    return unicodedata.normalize('NFKC', html.unescape(s))

def compute(span, col=None, u=None):
    """return (value, unit) for a number span as written; col = unit text from a table's unit column;
    u = unit override (value keeps magnitudes but no unit factor)."""
    s = norm(span).strip()
    if col:
        s += norm(col)
    m = re.fullmatch(r'第([\d一二三四五六七八九十]+)(位|名)?', s)
    if m:
        d = m.group(1)
        return (int(d) if d.isdigit() else cn_int(d)), 'rank'
    m = re.match(r'[-+]?\d[\d,]*(?:\.\d+)?', s)
    if m:
        num = float(m.group(0).replace(',', ''))
    else:
        m = re.match(r'[零〇一二两三四五六七八九十百千]+(?=成|个百分点|倍|天|年|个|%|家|项|座|所|条)', s)
        if not m:
            raise ValueError('no number in span %r' % span)
        num = float(cn_int(m.group(0)))
    rest = s[m.end():]
    rest = re.sub(r'^[余多]', '', rest)
    mag = 1
    if rest not in UNITS and rest:
        for k, f in MAGS:
            if rest.startswith(k):
                r2 = re.sub(r'^[余多]', '', rest[len(k):])
                if r2 in UNITS or r2 == '' or u:
                    mag, rest = f, r2
                    break
    if u:
        return clean(num * mag), u
    if rest == '':
        raise ValueError('no unit in span %r (give u= or col=)' % span)
    if rest not in UNITS:
        raise ValueError('unknown unit %r in span %r' % (rest, span))
    unit, f = UNITS[rest]
    return clean(num * mag * f), unit

def clean(v):
    v = round(v, 6)
    return int(v) if v == int(v) else v
