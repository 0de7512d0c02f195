package com.regionalmetrics.extract;

import java.util.Arrays;
import java.util.Set;

/**
 * The words the sentence reader's rules look for, grouped by rule family, one example each. Order
 * matters where a rule takes the first match (noted); change a list here, then run
 * tools/extract-snapshot.sh and FixtureScoreTest to see what it moved (README: "Changing an
 * extraction rule").
 */
final class Lexicon {
  private Lexicon() {}

  // ---------------------------------------------------------------- changes (ChangeRules)

  /** 同比增长25.8%: a verb before a number that makes it an increase. */
  static final String[] UP_VERBS = {
    "增长", "增加", "上升", "提高", "提升", "升高", "上涨", "扩大", "回升", "增多", "跃升", "攀升", "增", "恶化", "增产", "增收",
    "增幅", "涨幅", "增幅为", "增幅达", "涨幅为", "飙升"
  };

  /** 同比下降3.1%: a verb before a number that makes it a decrease. */
  static final String[] DOWN_VERBS = {
    "下降", "减少", "降低", "回落", "下滑", "缩小", "缩短", "压缩", "减", "降", "下跌", "收窄", "改善", "减产", "减收", "减幅",
    "降幅", "跌幅", "减幅为", "降幅为", "跌幅为"
  };

  /** UP_VERBS then DOWN_VERBS; stripped from the end of a change's label, first match first. */
  static final String[] UP_DOWN_VERBS = concat(UP_VERBS, DOWN_VERBS);

  /** 从5.09降至2.66: the verb between a from-value and its to-value (a level, not a change). */
  static final String[] TO_VERBS = {
    "下降至", "下降到", "减少到", "减少至", "压缩至", "压缩到", "缩短至", "缩短到", "提高到", "提高至", "提升至", "提升到",
    "增加到", "增加至", "增长到", "增长至", "上升至", "上升到", "扩大到", "扩大至", "降低到", "降低至", "缩小到", "缩小至",
    "跃升至", "攀升至", "降至", "降到", "减至", "增至", "升至", "升到", "变为", "达到", "到", "至"
  };

  /** 较全国平均高出16.1个百分点: a difference from another place (skipped). */
  static final String[] DIFF_VERBS = {"高出", "低出", "多出", "高于", "低于", "少于", "多于"};

  /** 同比增长: a sentence that speaks of the same period last year (the paragraph remembers it). */
  static final String[] YOY_SENTENCE_MARKERS = {"同比", "比上年同期", "上年同期", "去年同期"};

  /** 较去年底增长: a change against a point in time, not against the same period last year. */
  static final String[] POINT_BASE_WORDS = {"去年底", "去年末", "上年底", "上年末", "年初", "上月", "上个月"};

  /** 比上年增长: a change against the same period last year. */
  static final String[] YOY_BASE_WORDS = {"同比", "比上年", "较上年", "比去年", "较去年", "同期"};

  /** 年均增长: a change over a span of years. */
  static final String[] SPAN_WORDS = {"年均", "累计", "年平均"};

  /** 同比增长 → the label without them; stripped from the end, first match first. */
  /** Words that open a change's own clause without being its wording (其中, 而, 但). */
  static final String[] CHANGE_WORDING_FILLERS = {"其中", "而且", "而", "但", "并"};

  static final String[] CHANGE_FILLERS = {
    "同比", "环比", "总体", "分别", "依次", "相较", "相比", "比", "较", "与", "了", "年平均", "年均", "均", "也", "都", "各",
    "整体", "累计", "共"
  };

  /** 由过去的2小时30分钟缩短至1小时: a word for "before" between 由 and the from-value (all two characters). */
  static final String[] FORMER_WORDS = {"过去", "原来", "以前", "此前"};

  /** 增至目前的约: one bound or approximation word before a number, first match first. */
  static final String[] BOUND_WORDS = {"不足", "不到", "大约", "约", "将近", "近", "超过", "逾", "仅"};

  /**
   * 达到约: qualifiers and copulas stripped from the end of the text before a number (repeatedly, in
   * this order).
   */
  static final String[] TRAILING_QUALIFIERS = {
    "约", "大约", "近", "将近", "接近", "超过", "逾", "不到", "不足", "了", "达", "为", "分别为", "分别达", "分别", "依次为",
    "依次达", "依次", "高达", "近乎", "超", "仅"
  };

  // ---------------------------------------------------------------- statements (StatementRules)

  /** 其余5项污染物: a number that counts the rest. */
  static final String[] REMAINDER_WORDS = {"其余", "其他", "另外"};

  /**
   * 相当于节约标准煤1100万吨: an equivalence; it and the figures after it in the sentence are not
   * observations.
   */
  static final String EQUIVALENCE_WORD = "相当于";

  /** 1小时交通圈: a number that names a circle or an integration, not a figure. */
  static final String[] CIRCLE_WORDS = {"交通圈", "经济圈", "生活圈", "通勤圈", "圈", "一体化"};

  /** 11个设区市中排名第2: words after a count that make it the size of a ranking pool. */
  static final String[] RANK_CONTEXT_WORDS = {"排名", "排第", "位居", "之首", "前列", "中排", "之最"};

  /** 全省11个设区市中: a scope word right before the pool size. */
  static final String[] WHOLE_SCOPE_WORDS = {"全省", "全国", "全市", "全区"};

  /** 连续7天: a duration word before a number of days (narrative). */
  static final String[] DURATION_LEADS = {
    "连续", "为期", "历时", "假期", "长假", "黄金周", "小长假", "期间", "节日", "春节", "国庆"
  };

  /** 7天假期: a duration word after a number of days (narrative). */
  static final String[] DURATION_TAILS = {
    "假期", "长假", "小长假", "黄金周", "时间里", "时间内", "里", "内", "中", "期间", "来", "以来", "共", "累计", "合计", "总计",
    "间"
  };

  // ---------------------------------------------------------------- labels (LabelRules)

  /** 日均45.3万辆次: an average word that, alone before a number, qualifies the label before. */
  static final String[] AVERAGE_WORDS = {"日均", "月均", "年均", "人均", "平均每天", "平均每日", "每天", "每日", "平均"};

  /** 累计建成1.2万个: two-character verbs; a label made only of them names no thing. */
  static final Set<String> LABEL_VERBS =
      Set.of(
          "建成", "新增", "累计", "完成", "实现", "达到", "新建", "开通", "引进", "签约", "落地", "投运", "投产", "共有", "拥有",
          "其中", "总计", "合计", "已经", "带动", "吸引", "惠及", "辐射");

  /** 增至目前, 落地: a phrase after a classifier starting with one of these names no thing. */
  static final String[] VERB_STARTS =
      concat(
          Arrays.stream(UP_DOWN_VERBS).filter(v -> v.length() >= 2).toArray(String[]::new),
          new String[] {
            "增至", "降至", "升至", "减至", "落地", "落户", "入驻", "投产", "投运", "开工", "建成", "完工", "签约", "到位"
          });

  /** 秦皇岛空气质量综合指数最低,为3.85: a comparative ending the clause that names the indicator. */
  static final String[] COMPARATIVES = {
    "最低", "最高", "最好", "最差", "最多", "最少", "最优", "并列第一", "并列", "相同", "持平", "一样"
  };

  /** 空气质量综合指数 (no unit): label endings that make a bare number an index. */
  static final String[] INDEX_LABEL_ENDINGS = {"指数", "指标值", "评分", "得分"};

  /** 平均PUE值, 基尼系数, 城乡居民收入比, 性别比: dimensionless ratios. */
  static final String[] RATIO_LABEL_ENDINGS = {"PUE", "系数", "能效比", "收入比", "性别比", "比值"};

  /** 产值, 增加值: ...值 labels that need a currency, not ratios. */
  static final String[] VALUE_NOT_RATIO_ENDINGS = {"产值", "加值", "价值", "均值"};

  /** 接待人数 (no unit): label endings that make a bare number a count. */
  static final String[] COUNT_LABEL_ENDINGS = {
    "人数", "数量", "户数", "人口", "总数", "个数", "件数", "次数", "家数", "人次", "客流", "游客"
  };

  /**
   * 玉米播种面积…,产量…: measure words that alone name no subject; they take the subject of the level
   * before.
   */
  static final String[] BARE_MEASURE_WORDS = {
    "播种面积", "种植面积", "面积", "总产量", "产量", "单产", "亩产", "产值", "总产值", "销售额", "营业收入", "收入", "存栏", "出栏"
  };

  /** 总数达到812家: a total that names no measure of its own. */
  static final String[] BARE_TOTAL_WORDS = {"总数", "总量", "总计"};

  /** 新认定高新技术企业: the words of a year's additions before what is counted. */
  static final String[] NEWLY_WORDS = {"新认定", "新引进", "新培育", "新登记", "新增", "新建"};

  /** 800元至1500元: the join between the two ends of a range. */
  static final String[] RANGE_JOINS = {"至", "到", "-", "~", "—"};

  /** 张北—雄安: characters that, with place names, make a label that names only places. */
  static final String PLACE_LABEL_FILLER_CHARS = "—-~至到、和与及市县区省 ";

  /** 张家口市 → 市: region suffixes a removed place name leaves at the start of a text. */
  static final String[] REGION_SUFFIXES = {"市", "省", "县", "区"};

  // ---------------------------------------------------------------- ranks (RankRules)

  /** 在全国县域新能源发展指数中排名第2位: what a 在…中 must end with to name an index. */
  static final String[] INDEX_WORDS = {
    "指数", "榜单", "排行榜", "榜", "评价", "评估", "名单", "指标", "报告", "测评", "排名", "排行", "百强县", "百强", "强县"
  };

  /** 空气质量综合指数排名第2位: the verb before a rank; the last (then longest) in the clause counts. */
  static final String[] RANK_VERBS = {"排名", "位列", "位居", "名列", "排在", "排", "居", "列"};

  /** 承德市空气质量综合指数排名第十二位: a rank verb after a place's indicator. */
  static final String[] RANK_VERBS_AFTER_INDICATOR = {"排名", "位居", "位列", "名列"};

  /** 张北县排名第2位: a rank verb right after the place ranked. */
  static final String[] RANK_VERBS_AFTER_PLACE = {"排名", "排", "位居", "位列", "名列", "居", "列"};

  /** 位列全国第5, 全省排名第1位: the scope of a rank's pool, put into the rank's label (粮食产量全国排名). */
  static final String[] RANK_POOL_SCOPES = {"全国", "全省", "全区", "全市", "全州", "全盟", "全县", "全球", "世界"};

  /** RANK_POOL_SCOPES as measure id parts, in the same order. */
  static final String[] RANK_POOL_IDS = {
    "in_country",
    "in_province",
    "in_region",
    "in_city",
    "in_prefecture",
    "in_league",
    "in_county",
    "in_world",
    "in_world"
  };

  /** 排名全省第一: a scope word right before a rank is its pool. */
  static final String[] POOL_WORDS = {"全省", "全市", "全县", "全区"};

  // ---------------------------------------------------------------- respective lists
  // (RespectiveListRules)

  /** 分别增长36.1%和29.4%: joins between the members of a list of numbers. */
  /** 占…的比重 / 占比: words of a share. */
  static final String[] SHARE_WORDS = {"比重", "比例", "份额"};

  /** 1亩约合666.7平方米: what defines one unit by another. */
  static final String[] DEFINITION_WORDS = {"约合", "约等于", "等于"};

  /** 分别 / 依次: the numbers that follow are one each for the items named before. */
  static final String[] RESPECTIVELY = {"分别", "依次"};

  /** A change stated as none, holding a place in a 分别 list (分别下降5.0%、持平). */
  static final String[] FLAT_WORDS = {"基本持平", "持平", "不变", "保持不变"};

  /** Units of one measure of air concentration; a list may mix them. */
  static final String[] CONCENTRATION_UNITS = {"μg/m³", "mg/m³"};

  static final String[] LIST_JOINS = {"、", "和", "及", "与", ",", "以及"};

  /** A区、B县和C县: joins between the places of a list. */
  static final String[] PLACE_LIST_JOINS = {"、", "和", "及", "与", "以及"};

  /** 唐山港、天津港口货物吞吐量: a facility suffix of a list element, first match first. */
  static final String[] PLACE_ELEMENT_SUFFIXES = {"港口", "港区", "港", "机场", "站"};

  /** A区、B区最低,均为25微克/立方米: one value for all listed places, first match first. */
  static final String[] ALL_MARKERS = {"均为", "均达到", "均达", "均是", "均在", "都是", "都为", "都达到", "都达", "均"};

  /** 平均, 日均, 人均: characters before 均 that make it not an all-marker. */
  static final String AVERAGE_PREFIX_CHARS = "平日月年人户亩";

  /** PM10、二氧化氮年均浓度: measure endings a list's last item may share with the others. */
  static final String[] SHARED_MEASURE_ENDINGS = {
    "浓度", "量", "率", "比例", "占比", "值", "指数", "规模", "面积", "人数", "收入", "天数"
  };

  // ---------------------------------------------------------------- periods and targets
  // (PeriodRules)

  /** 力争到2027年达到: a target, not an observation. */
  static final String[] TARGET_MARKERS = {
    "力争", "目标", "预计", "计划到", "规划到", "将达", "将突破", "将超过", "将实现", "将建成", "将完成", "将新增", "有望", "将累计"
  };

  /** 主要预期目标是:地区生产总值增长5.5%左右: everything after is a target. */
  static final String[] TARGET_LEADS = {"预期目标", "主要目标", "目标任务是", "目标是"};

  /** 二、2025年主要预期目标: a section heading whose figures are all targets. */
  static final String[] TARGET_SECTION_WORDS = {
    "预期目标", "主要目标", "目标任务", "发展目标", "计划安排", "预算草案", "预算安排"
  };

  /** 将达 / 将超: a future figure. */
  static final String[] FUTURE_WORDS = {"将达", "将超"};

  /** 恢复至2019年的83.9%: the year is the base of a share. */
  static final String[] SHARE_OF_BASE_WORDS = {"恢复至", "恢复到", "恢复", "相当于", "达到", "达"};

  /** 目前已建成: the sentence speaks of now (besides 已). */
  static final String[] PRESENT_WORDS = {"现有", "目前", "近年", "如今", "至今", "现在"};

  // ---------------------------------------------------------------- subjects (SubjectRules)

  /** 三地高校组建了15个联盟: the places of the grouping named before. */
  static final String[] GROUP_REFERENCES = {"三地", "两地", "三省市", "三省份"};

  static String[] concat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
