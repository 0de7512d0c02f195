package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ClauseText.clauseStart;
import static com.regionalmetrics.extract.ClauseText.endsWithAny;
import static com.regionalmetrics.extract.ClauseText.equalsAny;
import static com.regionalmetrics.extract.ClauseText.stripMasked;
import static com.regionalmetrics.extract.ClauseText.stripTrailingQualifiers;
import static com.regionalmetrics.extract.ClauseText.textWithout;

import java.util.List;
import java.util.Objects;

/**
 * What a level measures: the noun before or after the number (12.6万人口, 建成30个数据中心项目), a second
 * figure of the same thing (日均45.3万辆次), a copula after a comparative clause (秦皇岛空气质量综合指数最低,为3.85),
 * a range's upper end, the unit a bare number's label implies.
 */
final class LabelRules {
  private LabelRules() {}

  private static final WordIndex VERB_STARTS = new WordIndex(Lexicon.VERB_STARTS);

  /**
   * The label of a level that is not a from→to end, rank, list member or range end: its own noun,
   * else the noun of an earlier figure (累计建成1.2万个), a second figure's, the comparative clause's, or
   * the compared figure's (相较2013年的13天). Empty when none.
   */
  static String levelItemLabel(SentenceScope sc, int k) {
    String s = sc.s;
    List<QuantityItem> items = sc.items;
    QuantityItem it = items.get(k);
    Quantity q = it.q;
    String share = shareLabel(sc, k);
    if (share != null) {
      return share;
    }
    String label = levelLabel(sc, it);
    if (verbOnly(label)) {
      String verbs = label;
      label = ""; // 累计建成1.2万个: the noun is in the clause before
      boolean subItem = s.substring(it.clauseStart, q.start).stripLeading().startsWith("其中");
      for (int j = k - 1; j >= 0; j--) {
        QuantityItem p = items.get(j);
        if (!p.skip
            && !p.change
            && !p.q.rank
            && !p.label.isEmpty()
            && Objects.equals(p.unit, it.unit)) {
          // 签约数据中心项目24个,其中建成投运13个: a part of the whole, named by its own verb
          label = subItem ? verbs + stripLeadingVerbs(p.label) : p.label;
          break;
        }
      }
    }
    if ((label.isEmpty() || isAverageWord(it.before)) && k > 0) {
      String second = secondFigureLabel(s, items.get(k - 1), it, sc.timeMask);
      if (second != null) {
        label = second;
      }
    }
    if (label.isEmpty()) {
      String named = labelOfClauseBefore(sc, it);
      if (named != null) {
        label = named; // 秦皇岛空气质量综合指数最低,为3.85
      }
    }
    if (label.isEmpty()) {
      // 相较2013年的13天: the compared value of the indicator just named
      String clause = s.substring(it.clauseStart, q.start);
      if (clause.contains("相较")
          || clause.contains("较")
          || clause.contains("比")
          || clause.contains("相比")) {
        for (int j = k - 1; j >= 0; j--) {
          QuantityItem p = items.get(j);
          if (!p.skip
              && !p.change
              && !p.q.rank
              && !p.label.isEmpty()
              && Objects.equals(p.unit, it.unit)) {
            label = p.label;
            break;
          }
        }
      }
    }
    return label;
  }

  /**
   * 0-14岁人口2.82万人,占常住人口的17.6%; 15-59岁人口10.11万人,占63.1%: a share right after a level of the clause
   * before is the share of that level's measure (0-14岁人口占常住人口的比重, 15-59岁人口占比), never a measure of 占
   * alone; null when the figure is no such share.
   */
  static String shareLabel(SentenceScope sc, int k) {
    QuantityItem it = sc.items.get(k);
    if (!"%".equals(it.unit)) {
      return null;
    }
    String b = it.before.strip();
    if (b.startsWith("约")) {
      b = b.substring(1);
    }
    if (!b.startsWith("占") || b.length() > 16) {
      return null;
    }
    QuantityItem p = null;
    for (int j = k - 1; j >= 0; j--) {
      QuantityItem c = sc.items.get(j);
      if (!c.skip && !c.change && !c.q.rank && !"%".equals(c.unit) && !c.label.isEmpty()) {
        p = c;
        break;
      }
      if (!c.skip) {
        return null; // 增长5%,占…: the share follows another figure, not a level
      }
    }
    if (p == null || sc.s.substring(p.q.end, it.q.start).indexOf('。') >= 0) {
      return null;
    }
    String of = b.substring(1);
    for (String tail : new String[] {"为", "达到", "达", "的比重", "比重", "的比例", "比例", "的"}) {
      if (of.endsWith(tail)) {
        of = of.substring(0, of.length() - tail.length());
      }
    }
    of = of.strip();
    return of.length() >= 2 ? p.label + "占" + of + "的比重" : p.label + "占比";
  }

  /** The label of a from-value whose start is described in words: what stands before 由设立之初. */
  static String fromSideLabel(SentenceScope sc, QuantityItem it) {
    String label = it.label;
    if (it.fromWordsAt > it.clauseStart) {
      String s = sc.s;
      String lab =
          stripMasked(s.substring(it.clauseStart, it.fromWordsAt), it.clauseStart, sc.timeMask);
      for (RegionMention m : sc.mentions) {
        if (m.start() >= it.clauseStart && m.end() <= it.fromWordsAt) {
          lab = lab.replace(s.substring(m.start(), m.end()), "");
        }
      }
      label = lab;
    }
    return LabelFinder.clean(label);
  }

  private static String levelLabel(SentenceScope sc, QuantityItem it) {
    String s = sc.s;
    Quantity q = it.q;
    String before = LabelFinder.clean(it.before);
    if (q.unitEntry != null && "noun".equals(q.unitEntry.kind())) {
      return q.unitEntry.surface(); // 12.6万人口
    }
    if (q.unitEntry != null && q.unitEntry.isClassifier()) {
      String after = LabelFinder.afterNoun(s, q.end);
      if (after.length() >= 2 && before.length() >= 2 && verbLike(after)) {
        return before; // 央企总部已有3家落地, 入住人数从不足1000人增至: the noun before the number
      }
      if (after.length() >= 2) {
        return after + LabelFinder.relationAfter(s, q.end + after.length());
      }
      return before;
    }
    if ("kV".equals(it.unit)) {
      // 张北至胜利1000千伏特高压交流工程: a line or station is named by what follows its voltage
      String after = LabelFinder.afterNoun(s, q.end);
      if (after.length() >= 2) {
        return after;
      }
    }
    if (before.length() >= 2 && !placeOnly(before, sc)) {
      return before;
    }
    if (it.unit != null) {
      String after = LabelFinder.afterNoun(s, q.end);
      if (after.length() >= 2) {
        return after;
      }
    }
    return before;
  }

  /**
   * A second figure right after a level, of the same thing: 317万辆次,日均45.3万辆次 → 日均车流量; 40条段、2000余公里
   * → the same label in another unit. Null when it is not one.
   */
  private static String secondFigureLabel(
      String s, QuantityItem prev, QuantityItem it, boolean[] timeMask) {
    if (prev.skip
        || prev.change
        || prev.q.rank
        || prev.label.isEmpty()
        || prev.q.end > it.q.start) {
      return null;
    }
    String between = stripMasked(s.substring(prev.q.end, it.q.start), prev.q.end, timeMask).strip();
    if (between.startsWith(",") || between.startsWith("、")) {
      between = between.substring(1);
    } else {
      return null;
    }
    between = stripTrailingQualifiers(between);
    if (between.isEmpty()) {
      // 40条段、2000余公里: another measure of the same thing (a same-unit number would be a list member)
      return Objects.equals(prev.unit, it.unit) ? null : prev.label;
    }
    for (String w : Lexicon.AVERAGE_WORDS) {
      if (between.equals(w) && Objects.equals(prev.unit, it.unit)) {
        String head = prev.label;
        if (head.length() > 5 && (head.endsWith("量") || head.endsWith("数"))) {
          head = head.substring(head.length() - 3); // 高速公路出口车流量 → 车流量
        }
        return head.startsWith(w) ? head : w + head;
      }
    }
    return null;
  }

  /**
   * A bare copula clause (,为3.85 / ,达25微克) after a clause that names the indicator with a
   * comparative (空气质量综合指数最低) takes that clause's indicator. Null when it does not apply.
   */
  private static String labelOfClauseBefore(SentenceScope sc, QuantityItem it) {
    String s = sc.s;
    boolean[] timeMask = sc.timeMask;
    String own =
        stripTrailingQualifiers(
                stripMasked(s.substring(it.clauseStart, it.q.start), it.clauseStart, timeMask))
            .strip();
    if (!own.isEmpty() || it.clauseStart < 2 || s.charAt(it.clauseStart - 1) != ',') {
      return null;
    }
    int from = clauseStart(s, it.clauseStart - 1);
    for (QuantityItem o : sc.items) {
      if (o != it && o.q.start >= from && o.q.start < it.clauseStart) {
        return null; // the clause before has its own figure
      }
    }
    String prev = textWithout(s, from, it.clauseStart - 1, timeMask, sc.items, sc.subjects);
    boolean comparative = false;
    for (String w : Lexicon.COMPARATIVES) {
      if (prev.endsWith(w)) {
        prev = prev.substring(0, prev.length() - w.length());
        comparative = true;
        break;
      }
    }
    if (!comparative) {
      return null;
    }
    String label = LabelFinder.clean(prev);
    return label.length() >= 2 ? label : null;
  }

  private static boolean isAverageWord(String raw) {
    String r = stripTrailingQualifiers(raw.strip());
    return equalsAny(r, Lexicon.AVERAGE_WORDS);
  }

  /** A phrase after a classifier that starts with a verb (增至目前, 落地) names no thing. */
  private static boolean verbLike(String after) {
    if (verbOnly(after)) {
      return true;
    }
    for (String w : VERB_STARTS.startingWith(after.charAt(0))) {
      if (after.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /** 签约数据中心项目 → 数据中心项目: the noun of a label without its leading verbs. */
  static String stripLeadingVerbs(String label) {
    String l = label;
    while (l.length() > 2 && Lexicon.LABEL_VERBS.contains(l.substring(0, 2))) {
      l = l.substring(2);
    }
    return l;
  }

  /** Labels made only of verbs (建成, 累计新增) name no thing. */
  static boolean verbOnly(String label) {
    if (label.isEmpty()) {
      return false;
    }
    for (int i = 0; i + 1 < label.length(); i += 2) {
      if (!Lexicon.LABEL_VERBS.contains(label.substring(i, i + 2))) {
        return false;
      }
    }
    return label.length() % 2 == 0;
  }

  /** A label made only of place names (张北—雄安) does not say what is measured. */
  private static boolean placeOnly(String label, SentenceScope sc) {
    String s = sc.s;
    String rest = label;
    for (RegionMention m : sc.mentions) {
      if (m.start() >= 0 && m.end() <= s.length()) {
        rest = rest.replace(s.substring(m.start(), m.end()), "");
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (Lexicon.PLACE_LABEL_FILLER_CHARS.indexOf(c) < 0) {
        b.append(c);
      }
    }
    return b.length() < 2;
  }

  static String trimLabel(String label) {
    String l = label.strip();
    // the head noun of a Chinese phrase is at its end: keep the last 20 characters
    if (l.length() > 20) {
      l = l.substring(l.length() - 20);
    }
    return l;
  }

  static boolean hasCjkOrLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (TextNormalizer.isCjk(c) || UnitTable.isAsciiLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /** A number without a unit is kept only when its label says what it counts or indexes. */
  static String bareUnit(String label) {
    if (endsWithAny(label, Lexicon.INDEX_LABEL_ENDINGS)) {
      return "index";
    }
    // 平均PUE值, 能效比, 基尼系数: dimensionless ratios (not 产值/增加值/价值, which need a currency)
    if (endsWithAny(label, Lexicon.RATIO_LABEL_ENDINGS)
        || label.endsWith("值")
            && !endsWithAny(label, Lexicon.VALUE_NOT_RATIO_ENDINGS)
            && label.length() >= 3) {
      return "index";
    }
    if (endsWithAny(label, Lexicon.COUNT_LABEL_ENDINGS)) {
      return "count";
    }
    return null;
  }

  /** The lower end when item k is the upper end of a range (800元至1500元之间, 3-5个), else null. */
  static QuantityItem rangeEnd(String s, List<QuantityItem> items, int k) {
    if (k == 0) {
      return null;
    }
    QuantityItem it = items.get(k);
    QuantityItem p = items.get(k - 1);
    if (p.skip
        || p.fromSide
        || p.change
        || p.q.rank
        || p.q.end > it.q.start
        || p.label.isEmpty()
        || !Objects.equals(p.unit, it.unit)) {
      return null;
    }
    String between = s.substring(p.q.end, it.q.start);
    return equalsAny(between, Lexicon.RANGE_JOINS) ? p : null;
  }

  /**
   * 较2023年的1434万标准箱, 较第三季度的4.17%, 比上年的: the value of the comparison base, right after its time and
   * 的; it measures what the sentence's level before it measures.
   */
  static boolean comparedBase(SentenceScope sc, QuantityItem it) {
    int q = it.q.start;
    if (q < 2 || sc.s.charAt(q - 1) != '的') {
      return false;
    }
    for (TimeResolver.TimeExpr t : sc.times) {
      if (t.end() == q - 1 && t.role() == TimeResolver.Role.COMPARE) {
        return true;
      }
    }
    return false;
  }

  /**
   * 玉米播种面积461.2万亩,产量51.6亿斤: a bare measure word (产量, 面积, 产值 …) after a level of the same sentence
   * measures the same subject → 玉米产量. The subject is what precedes the measure word in the level's
   * label. A share that does not name its part (占…的比重) is the previous level's share.
   */
  /** 占地区生产总值的比重: a share that does not say of what. */
  private static boolean isBareShare(String label) {
    return label.startsWith("占") && ClauseText.containsAny(label, Lexicon.SHARE_WORDS);
  }

  /**
   * 新认定高新技术企业136家,总数达到812家: a bare total counts what the level before it counts (高新技术企业总数); null
   * when the label is no bare total or there is no such level.
   */
  static String totalOfPrevious(String label, String previous, String unit, String previousUnit) {
    if (previous == null
        || unit == null
        || !unit.equals(previousUnit)
        || !ClauseText.equalsAny(label, Lexicon.BARE_TOTAL_WORDS)) {
      return null;
    }
    String subject = previous;
    for (String w : Lexicon.NEWLY_WORDS) {
      if (subject.startsWith(w)) {
        subject = subject.substring(w.length());
        break;
      }
    }
    return subject.length() >= 2 && !subject.endsWith(label) ? subject + label : null;
  }

  static String withSharedSubject(String label, String previous) {
    if (previous == null || label == null) {
      return label;
    }
    if (isBareShare(label) && !previous.startsWith("占") && !isBareShare(previous)) {
      return previous + label; // 数字经济增加值3256.8亿元,占地区生产总值的比重为38.3%: the share of that measure
    }
    if (!ClauseText.equalsAny(label, Lexicon.BARE_MEASURE_WORDS)) {
      return label;
    }
    int cut = -1;
    for (String w : Lexicon.BARE_MEASURE_WORDS) {
      int i = previous.indexOf(w);
      if (i > 0 && (cut < 0 || i < cut)) {
        cut = i;
      }
    }
    return cut >= 2 ? previous.substring(0, cut) + label : label;
  }
}
