"""Shared helpers: number-span parsing and article normalisation."""
import html, re, subprocess, unicodedata

CN_DIG = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
CN_UNIT = {'十': 10, '百': 100, '千': 1000}

def cn_to_num(s):
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIG:
            cur = CN_DIG[ch]
        elif ch in CN_UNIT:
            total += (cur or 1) * CN_UNIT[ch]
            cur = 0
        else:
            raise ValueError(s)
    return total + cur

COUNT = "块 片 个 家 所 份 台 条 座 项 人 人次 万人次 户 辆 架次 艘次 班次 件 起 套 只 头 名 批 例 张 栋 处 宗 单 票 列 趟 次 架 艘 辆次 对 部 场 所 口 间 款 枚 颗 根 组 支 人口".split()
UNITS = {
    '%': (1, '%'), '‰': (1, '‰'), '个百分点': (1, 'pp'), '百分点': (1, 'pp'), '个千分点': (1, '‰'),
    '元': (1, 'CNY'), '美元': (1, 'USD'), '港元': (1, 'HKD'), '澳门元': (1, 'MOP'),
    '千瓦': (1, 'kW'), '兆瓦': (1e3, 'kW'), '吉瓦': (1e6, 'kW'), '千瓦时': (1, 'kWh'), '兆瓦时': (1e3, 'kWh'), '吉瓦时': (1e6, 'kWh'), '度': (1, 'kWh'),
    '千伏': (1, 'kV'),
    '吨': (1, 't'), '公斤': (1e-3, 't'), '千克': (1e-3, 't'), '斤': (5e-4, 't'),
    '吨/年': (1, 't/year'), '吨/日': (1, 't/day'),
    '亩': (1 / 15, 'ha'), '公顷': (1, 'ha'), '平方公里': (1, 'km2'), '平方千米': (1, 'km2'), '平方米': (1e-6, 'km2'),
    '斤/亩': (0.5, 'kg/mu'), '公斤/亩': (1, 'kg/mu'), '千克/亩': (1, 'kg/mu'),
    '微克/立方米': (1, 'μg/m³'), 'μg/m3': (1, 'μg/m³'), 'ug/m3': (1, 'μg/m³'),
    '毫克/立方米': (1, 'mg/m³'), 'mg/m3': (1, 'mg/m³'),
    '天': (1, 'day'), '日': (1, 'day'), '标箱': (1, 'TEU'), '标准箱': (1, 'TEU'), 'TEU': (1, 'TEU'),
    'PFLOPS': (1, 'PFLOPS'), 'P': (1, 'PFLOPS'), 'EFLOPS': (1e3, 'PFLOPS'),
    '元/平方米': (1, 'CNY/m2'), '元/吨': (1, 'CNY/t'), '元/斤': (2, 'CNY/kg'), '元/公斤': (1, 'CNY/kg'), '亩次': (1 / 15, 'ha'), '°C': (1, '°C'), '岁': (1, 'year'), '年': (1, 'year'),
    '小时': (1, 'h'), '分钟': (1, 'min'), '倍': (1, 'times'), '公里': (1, 'km'), '千米': (1, 'km'), '米': (1, 'm'),
    '立方米': (1, 'm3'), '位': (1, 'rank'), '名': (1, 'rank'), '成': (10, '%'),
}
for c in COUNT:
    UNITS.setdefault(c, (1, 'count'))
MAGS = [('', 1), ('万亿', 1e12), ('千亿', 1e11), ('百亿', 1e10), ('亿', 1e8), ('千万', 1e7), ('百万', 1e6),
        ('万', 1e4), ('千', 1e3), ('百', 1e2)]
NUM_RE = re.compile(r'^[0-9]+(?:\.[0-9]+)?|^[零〇一二两三四五六七八九十百千]+')

def norm(s):
    return unicodedata.normalize('NFKC', html.unescape(s))

def parse_span(span, col=None, unit_override=None):
    """value, unit for a number span as written (e.g. '3890.55万千瓦', '-2.3%', '第9位', '七成')."""
    s = norm(span).replace(',', '')
    sign = 1
    if s[:1] in '-−':
        sign, s = -1, s[1:]
    rank = False
    if s.startswith('第'):
        rank, s = True, s[1:]
    m = re.match(r'[0-9]+(?:\.[0-9]+)?', s)
    if m:
        num = float(m.group(0))
    else:
        # Chinese numeral: longest prefix that parses, leaving a magnitude/unit tail
        best = None
        for i in range(len(s), 0, -1):
            try:
                num = cn_to_num(s[:i]); best = i; break
            except ValueError:
                continue
        if best is None:
            raise ValueError('no number in span: ' + span)
        m = re.match('.' * best, s)
        num = float(num)
    rest = s[m.end():]
    rest = re.sub(r'^[余多]', '', rest)
    for mag, f in MAGS:
        if not rest.startswith(mag):
            continue
        tail = re.sub(r'^[余多]', '', rest[len(mag):])
        if unit_override:
            # longest magnitude prefix wins; the rest of the span is the written unit
            ms = [(mg, ff) for mg, ff in MAGS if mg and rest.startswith(mg)]
            if ms:
                mg, ff = max(ms, key=lambda x: len(x[0]))
                return sign * num * ff, unit_override
            return sign * num, unit_override
        if tail == '':
            if col is None:
                continue
            cf, cu = UNITS[col] if col in UNITS else parse_col(col)
            return sign * num * f * cf, cu
        if tail in UNITS:
            uf, uu = UNITS[tail]
            if rank:
                uu = 'rank'
            return sign * num * f * uf, uu
    raise ValueError('cannot parse span: ' + span)

def parse_col(col):
    for mag, f in MAGS:
        if mag and col.startswith(mag) and col[len(mag):] in UNITS:
            uf, uu = UNITS[col[len(mag):]]
            return f * uf, uu
    raise ValueError('bad column unit: ' + col)

def clean(v):
    v = round(v, 6)
    return int(v) if v == int(v) and abs(v) < 1e15 else v

PY_RE = re.compile(r'\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]+\)')

def opencc(text, cfg):
    return subprocess.run(['opencc', '-c', cfg], input=text, capture_output=True, text=True, check=True).stdout

def normalise_article(text):
    t = html.unescape(text)
    t = unicodedata.normalize('NFKC', t)
    t = PY_RE.sub('', t)
    return opencc(t, 't2s')
