package com.regionalmetrics.extract;

/**
 * Finds the phrase that names what a number measures: the subject before it (technical contracts in
 * "吸纳京津技术合同2330份") with time, places, function words and verbs trimmed, or the noun after a
 * classifier ("建成23个环京蔬菜生产基地" → 环京蔬菜生产基地).
 */
final class LabelFinder {

  private LabelFinder() {}

  /** Leading words that introduce a clause but are not part of what is measured. */
  private static final String[] PREFIXES = {
    "截至", "截止", "其中", "全市", "全省", "全区", "全县", "该市", "我市", "本市", "该区", "该县", "该省", "我省", "全国", "我国",
    "累计", "已经", "已", "并且", "并", "还有", "还", "共有", "拥有", "此外", "另外", "同时", "目前", "据统计", "统计显示",
    "数据显示", "监测数据显示", "显示", "包括", "其余", "其", "的", "以来", "和", "及", "、", "在", "实现了", "实现", "完成了",
    "完成", "成功", "先后", "总计", "合计", "年", "同比", "全年", "今年", "去年", "当年", "分别", "依次", "相较", "较", "力争",
    "预计", "计划", "及周边地区", "及周边区域", "周边地区", "周边区域", "区域", "地区", "域", "一带", "也", "现有", "共", "先后", "港",
    "站"
  };

  /** Trailing verbs, copulas and qualifiers between the subject and the number. */
  private static final String[] SUFFIXES = {
    "攀升至", "增长至", "增长到", "增加到", "增加至", "提升至", "提升到", "提高到", "提高至", "下降至", "下降到", "减少至", "减少到",
    "上升至", "由过去", "从过去", "由原来", "从原来", "上升到", "扩大到", "扩大至", "缩短至", "缩短到", "压缩至", "压缩到", "降低至",
    "降低到", "增至", "降至", "降到", "升至", "达到了", "达到", "分别为", "分别达", "分别", "依次为", "依次达", "依次", "共计", "合计",
    "总计", "累计", "约为", "大约", "约", "将近", "接近", "不到", "不足", "超过", "突破", "高达", "达", "为", "是", "共", "近",
    "超", "逾", "从", "由", "的", "已", "仅", "只有", "有", "占", "同比", "总体", "了", "保持在", "稳定在", "控制在", "排名",
    "排", "居", "位居", "位列", "年均为", "平均为", "均为", "年平均", "年均", "均", "都", "和", "、", "全部", "已经", "就", "在",
    "至", "到", "最快", "最多", "最高", "仍", "又", "而", "可", "后", "超出", "日均", "完成了", "完成", "实现了", "实现", "将",
    "将要", "可达", "预计", "有望", "共有", "拥有", "再次", "首次", "进一步", "恢复至", "恢复到", "恢复", "减至", "减到", "增到",
    "跌至", "回落至", "回落到", "下滑至", "缩小至", "缩小到", "跃升至"
  };

  private static final WordIndex PREFIX_INDEX = new WordIndex(PREFIXES);
  private static final WordIndex SUFFIX_INDEX = new WordIndex(SUFFIXES);

  static String clean(String t) {
    if (t == null) {
      return "";
    }
    String s = t.strip();
    boolean changed = true;
    int guard = 0;
    while (changed && !s.isEmpty() && guard++ < 40) {
      changed = false;
      for (String p : PREFIX_INDEX.startingWith(s.charAt(0))) {
        if (s.startsWith(p) && s.length() > p.length() && !protectedPrefix(s, p)) {
          s = s.substring(p.length()).strip();
          changed = true;
          break;
        }
        if (s.equals(p)) {
          return "";
        }
      }
      if (s.isEmpty()) {
        break;
      }
      for (String x : SUFFIX_INDEX.longestFirstEndingWith(s.charAt(s.length() - 1))) {
        if (s.endsWith(x) && !protectedSuffix(s, x)) {
          s = s.substring(0, s.length() - x.length()).strip();
          changed = true;
          break;
        }
      }
    }
    // 规模以上工业增加值按可比价格计算: the method of calculation is not part of the name
    int how = s.indexOf("按");
    if (how > 0) {
      for (String m : new String[] {"按可比价格", "按不变价格", "按现价", "按可比口径", "按同口径", "按照可比"}) {
        if (s.startsWith(m, how)) {
          s = s.substring(0, how).strip();
          break;
        }
      }
    }
    // quoted terms: 打通“断头路”“瓶颈路” → 打通断头路瓶颈路
    if (s.indexOf('“') >= 0 || s.indexOf('”') >= 0) {
      s = s.replace("“", "").replace("”", "");
    }
    // unbalanced brackets left by clause cuts
    if (s.startsWith(")") || s.startsWith("”") || s.startsWith("\"") || s.startsWith("》")) {
      s = s.substring(1);
    }
    if (s.endsWith("(") || s.endsWith("“") || s.endsWith("《")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.strip();
  }

  /** Words that look like a prefix but start a real noun (全长, 中小学, 在校生, 有效发明专利). */
  private static boolean protectedPrefix(String s, String p) {
    return s.startsWith("全长")
        || s.startsWith("全社会")
        || s.startsWith("中小")
        || s.startsWith("在校")
        || s.startsWith("在运")
        || s.startsWith("在建")
        || s.startsWith("有效")
        || s.startsWith("全域")
        || s.startsWith("全市场")
        || s.startsWith("年均")
        || s.startsWith("年末") && !p.equals("年")
        || s.startsWith("中医")
        || s.startsWith("上网")
        || s.startsWith("后备")
        || s.startsWith("共享")
        || s.startsWith("共同")
        || s.startsWith("共建")
        || s.startsWith("全口径")
        || p.equals("站") && (s.startsWith("站点") || s.startsWith("站房") || s.startsWith("站台"))
        || p.equals("港")
            && (s.startsWith("港口")
                || s.startsWith("港澳")
                || s.startsWith("港区")
                || s.startsWith("港湾"))
        || s.startsWith("至少") && false;
  }

  private static boolean protectedSuffix(String s, String x) {
    // "...的年均浓度为" is fine; keep nouns that end like a verb: 研发投入, 出口, 收入, 人口
    return (x.equals("有") && (s.endsWith("所有") || s.endsWith("国有")))
        || (x.equals("近") && s.endsWith("附近"))
        || (x.equals("在") && s.endsWith("所在"))
        || (x.equals("后") && s.endsWith("前后"));
  }

  /**
   * 43所学校与北京优质学校结成姊妹校: the relation the counted things entered (结成姊妹校) belongs to the label; ""
   * when the clause after the noun names none.
   */
  static String relationAfter(String s, int from) {
    int n = s.length();
    int lim = Math.min(n, from + 30);
    for (int i = from; i < lim; i++) {
      char c = s.charAt(i);
      if (",;:。!?".indexOf(c) >= 0 || Character.isDigit(c)) {
        return "";
      }
      for (String v : RELATION_VERBS) {
        if (s.startsWith(v, i)) {
          int j = i + v.length();
          int k = j;
          while (k < n
              && k - j < 10
              && ",;:。!?、 ()".indexOf(s.charAt(k)) < 0
              && !Character.isDigit(s.charAt(k))) {
            k++;
          }
          return k - j >= 2 ? v + s.substring(j, k) : "";
        }
      }
    }
    return "";
  }

  private static final String[] RELATION_VERBS = {"结成", "结为", "缔结"};

  /** The noun phrase right after a classifier: up to punctuation or a verb-like stop word. */
  static String afterNoun(String s, int from) {
    int n = s.length();
    int i = from;
    StringBuilder b = new StringBuilder();
    int depth = 0;
    while (i < n && b.length() < 18) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && (",.;:。!?“”\"《》[]【】 ".indexOf(c) >= 0 || Character.isDigit(c))) {
        break;
      }
      if (depth == 0 && stopAt(s, i, b.length())) {
        break;
      }
      b.append(c);
      i++;
    }
    String r = b.toString();
    if (r.startsWith("的")) {
      return "";
    }
    return clean(r);
  }

  private static final String[] STOPS = {
    "与", "同", "跟", "投入", "落户", "全部", "均", "都", "已", "被", "纳入", "建立", "展开", "开展", "结成", "达到", "参与",
    "获得", "共", "分别", "依次", "等", "在", "正在", "将", "进行", "入驻", "签约", "通过", "完成", "实现", "中", "位居", "为",
    "是", "得到", "受益", "提供", "承担", "覆盖", "获评", "入选", "运行", "运营", "建成", "开工", "投产", "参加", "接受", "累计",
    "同比", "比", "较", "占", "和", "及", "、", "排名", "排第", "第", "居"
  };

  private static final WordIndex STOP_INDEX = new WordIndex(STOPS);

  private static boolean stopAt(String s, int i, int soFar) {
    for (String w : STOP_INDEX.startingWith(s.charAt(i))) {
      if (s.startsWith(w, i)) {
        // 中 ends the phrase only as a postposition (人口中,), not inside a word (数据中心)
        if (w.equals("均") && i > 0 && "平人年日户亩".indexOf(s.charAt(i - 1)) >= 0) {
          continue; // 平均, 人均
        }
        if (w.equals("中") && i + 1 < s.length() && ",;。:".indexOf(s.charAt(i + 1)) < 0) {
          continue;
        }
        // a short modifier list stays one phrase: 省属、市属医院
        if ((w.equals("、") || w.equals("和") || w.equals("及")) && soFar > 0 && soFar <= 3) {
          continue;
        }
        return true;
      }
    }
    return false;
  }
}
