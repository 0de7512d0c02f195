package com.regionalmetrics.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The narrower subject of a figure, from the words of its label outside the matched catalog alias
 * (docs/indicators.md): a route (北京西六环至蔚县的通行时间 → 北京西六环—蔚县), a facility or scenic spot (亚布力度假区累计接待游客
 * → 亚布力度假区), a sub-item (铁路衔接接口 → 铁路). Region names and what precedes them (冬奥比赛地河北崇礼), time words,
 * generic modifiers (全市, 累计, 平均, 同比) and measure words (浓度, 总量, 人次) are not part of a subject, so
 * one measure written in different words keeps one subject. Also tells a per-day figure (日均, 单日最高)
 * from the total.
 */
final class SubjectNormaliser {

  /**
   * The subject (null when none) and a modifier of the base ({@code daily_avg}, {@code daily_peak})
   * or null.
   */
  record Result(String subject, String modifier) {}

  static final Result NONE = new Result(null, null);

  private static final Pattern PARENS = Pattern.compile("\\([^()]{0,30}\\)|（[^（）]{0,30}）|“|”|\"");
  private static final WordRemover DAILY_AVG = WordRemover.of("日均|每日平均|平均每天|平均每日");
  private static final WordRemover DAILY_PEAK = WordRemover.of("单日最高|日最高|最高日|单日峰值");
  // literal word lists go through WordRemover (one pass); only the few counted forms need a regex
  private static final WordRemover TIME_WORDS =
      WordRemover.of("期间|以来|同期|当年|年度|假期|节日|长假|黄金周|当日|当天|每年|每月");
  private static final Pattern TIME_COUNTED =
      Pattern.compile("前[0-9一二三四五六七八九十]{1,3}[日天周]|[0-9一二三四五六七八九十]{1,3}天来");

  /** Words that never make a subject, wherever they stand. */
  private static final WordRemover GENERIC =
      WordRemover.of(
          "全市|全省|全区|全县|全州|全盟|全国|全年|全域|全部|全面|累计|共计|合计|总计|平均|年均|同比|其中|实现|完成|达到|引进|吸引|"
              + "知名|优质|各类|各级|主要|目前|现有|已有|共有|拥有|两地|三地|监测数据显示|数据显示|统计显示|初步核算|分别|"
              + "一批|多家|总共|一共|仍然|继续|保持|稳定在|之间|之内|境内|域内|范围内|首次突破|首破|举办|开展|组织|接待|每亩|每公顷");

  /** Counted scopes (三市, 两省) but not 城六区, which names a part of a city. */
  private static final Pattern GENERIC_COUNTED = Pattern.compile("(?<!城)[两三四五六七八九十]{1,2}[市省区县地]");

  /** Scope words and filler verbs dropped before the catalog match (大数据产业实现营业收入 → 大数据产业营业收入). */
  private static final WordRemover BEFORE_MATCH =
      WordRemover.of("全市|全省|全区|全县|全州|全盟|全域|全年|累计|共计|合计|总计|同比|其中|实现|达到|共有|拥有|已有|现有|目前");

  /** Measure words after an alias (年均浓度, 总量, 人次): what is counted, not what it is about. */
  private static final WordRemover MEASURE_WORDS =
      WordRemover.of("平均浓度|年均浓度|浓度|平均值|均值|总规模|总量|总数|总额|规模|数量|人次|人数|个数|水平|数|量|额");

  private static final String EDGE_CHARS = "的了和及与、,，等共各有在为达约近超已是将均也都;;:：其从由自对向于把被个家所项条座处";
  private static final String ROUTE_SEPARATORS = "至到—－-~";

  private final Gazetteer gazetteer;

  SubjectNormaliser(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The subject of a label whose catalog alias occupies [aliasStart, aliasEnd). */
  Result subject(String label, int aliasStart, int aliasEnd) {
    if (label == null || aliasStart < 0 || aliasEnd > label.length() || aliasStart > aliasEnd) {
      return NONE;
    }
    String prefix = label.substring(0, aliasStart);
    String suffix = label.substring(aliasEnd);
    if (prefix.isEmpty() && suffix.isEmpty()) {
      return NONE;
    }
    String modifier = null;
    String both = prefix + "|" + suffix;
    if (DAILY_AVG.occursIn(both)) {
      modifier = "daily_avg";
    } else if (DAILY_PEAK.occursIn(both)) {
      modifier = "daily_peak";
    }
    prefix = withoutTime(withoutParens(prefix));
    suffix = withoutTime(withoutParens(suffix));
    if (modifier != null) {
      prefix = DAILY_PEAK.removeFrom(DAILY_AVG.removeFrom(prefix));
      suffix = DAILY_PEAK.removeFrom(DAILY_AVG.removeFrom(suffix));
    }
    String route = route(prefix);
    if (route != null) {
      return new Result(route, modifier);
    }
    String p = afterLastRegion(prefix);
    int de = p.lastIndexOf('的');
    if (de >= 0) {
      String after = clean(p.substring(de + 1));
      // 纳入监测的重点景区 → 重点景区; 居住在城镇的人口 → 居住在城镇: what the 的 phrase names is the subject
      p = after.length() >= 2 || de == 0 ? p.substring(de + 1) : p.substring(0, de);
    }
    p = clean(p);
    String s = clean(MEASURE_WORDS.removeFrom(withoutRegions(suffix)));
    String subject = clean(p + (s.length() >= 2 ? s : ""));
    return new Result(subject.length() >= 2 ? subject : null, modifier);
  }

  /** A label without its time words (前六日, 春节期间, 1-8月), for subjects and derived ids. */
  static String withoutTime(String text) {
    if (text.isEmpty()) {
      return text;
    }
    List<WindowRule.Phrase> ps = WindowRule.phrases(text);
    String t = text;
    if (!ps.isEmpty()) {
      StringBuilder b = new StringBuilder(text.length());
      int last = 0;
      for (WindowRule.Phrase ph : ps) {
        b.append(text, last, ph.start());
        last = ph.end();
      }
      b.append(text, last, text.length());
      t = b.toString();
    }
    return withoutCounted(TIME_WORDS.removeFrom(t), TIME_COUNTED);
  }

  /**
   * The label the catalog is matched against: without scope words and filler verbs (the label
   * itself when nothing is left).
   */
  static String forMatching(String label) {
    String t = BEFORE_MATCH.removeFrom(label);
    return t.length() >= 2 ? t : label;
  }

  /** Generic words (全市, 累计, 同比) removed; for derived ids, which keep their edge particles. */
  static String withoutGeneric(String text) {
    return withoutCounted(GENERIC.removeFrom(text), GENERIC_COUNTED).strip();
  }

  /** Generic words, edge particles and characters a key cannot hold removed. */
  static String clean(String text) {
    String t = withoutCounted(GENERIC.removeFrom(text), GENERIC_COUNTED);
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != '|' && c != '/' && c != '[' && c != ']' && c != '@' && !Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    int from = 0;
    int to = b.length();
    while (from < to && EDGE_CHARS.indexOf(b.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && EDGE_CHARS.indexOf(b.charAt(to - 1)) >= 0) {
      to--;
    }
    return b.substring(from, to);
  }

  /** A route A至B / A到B / A—B before the alias, as {@code A—B}; null when the prefix is not one. */
  private static String route(String prefix) {
    String p = prefix;
    while (p.endsWith("的") || p.endsWith("间")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith("之")) {
      p = p.substring(0, p.length() - 1);
    }
    for (int i = 2; i + 2 <= p.length(); i++) {
      if (ROUTE_SEPARATORS.indexOf(p.charAt(i)) < 0) {
        continue;
      }
      String a = clean(p.substring(0, i));
      String b = clean(p.substring(i + 1));
      if (a.length() >= 2 && b.length() >= 2 && !hasDigit(a) && !hasDigit(b)) {
        return a + "—" + b;
      }
    }
    return null;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** What follows the last region name (冬奥比赛地河北崇礼 → "", 黑龙江森工雪乡景区 → 森工雪乡景区). */
  private String afterLastRegion(String text) {
    if (text.length() < 2) {
      return text;
    }
    List<RegionMention> ms = find(text);
    int end = 0;
    for (RegionMention m : ms) {
      end = Math.max(end, Math.min(m.end(), text.length()));
    }
    return text.substring(end);
  }

  private String withoutRegions(String text) {
    if (text.length() < 2) {
      return text;
    }
    List<RegionMention> ms = find(text);
    if (ms.isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    int last = 0;
    for (RegionMention m : ms) {
      if (m.start() >= last && m.end() <= text.length()) {
        b.append(text, last, m.start());
        last = m.end();
      }
    }
    b.append(text, last, text.length());
    return b.toString();
  }

  private List<RegionMention> find(String text) {
    try {
      List<RegionMention> ms = gazetteer.find(text);
      if (ms == null) {
        return List.of();
      }
      // a scenic area's name is a subject (黄龙景区接待游客), not a place to strip
      return ms.stream()
          .filter(m -> !gazetteer.isLandmark(text.substring(m.start(), m.end())))
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static String withoutParens(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '（' || c == '“' || c == '”' || c == '"') {
        return PARENS.matcher(text).replaceAll("");
      }
    }
    return text;
  }

  /** The counted forms (三市, 前7天) removed; the regex runs only when a digit or numeral is there. */
  private static String withoutCounted(String text, Pattern counted) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' || "一二两三四五六七八九十".indexOf(c) >= 0) {
        return counted.matcher(text).replaceAll("");
      }
    }
    return text;
  }
}
