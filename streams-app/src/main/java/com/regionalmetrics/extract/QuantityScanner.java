package com.regionalmetrics.extract;

import com.regionalmetrics.avro.Qualifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds quantities in a sentence: Arabic or Chinese numbers, magnitudes (万/亿), units from the
 * {@link UnitTable}, bounds and approximations (余 多 以上 以内 约 近 超过 不到 左右), ranks (第9位), rank moves
 * (进位14位) and composite durations (3小时7分). Skips what only looks like data: dates, times, phone
 * numbers, ordinals (第四代), names with digits (PM2.5, 5G), top-N pools (前20), numbers inside book
 * titles 《》. One left-to-right pass; no regular expressions.
 */
final class QuantityScanner {

  private final UnitTable units;

  QuantityScanner(UnitTable units) {
    this.units = units;
  }

  List<Quantity> scan(String s) {
    List<Quantity> out = new ArrayList<>();
    int n = s.length();
    int titleDepth = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '《') {
        titleDepth++;
      } else if (c == '》' && titleDepth > 0) {
        titleDepth--;
      }
      if (isDigit(c)) {
        int next = arabic(s, i, out, titleDepth > 0);
        i = Math.max(next, i + 1);
      } else if (ChineseNumbers.isNumeralChar(c) && c != '万' && c != '亿') {
        int next = chinese(s, i, out, titleDepth > 0);
        i = Math.max(next, i + 1);
      } else {
        i++;
      }
    }
    propagateListUnits(s, out);
    perMuChanges(s, out);
    ageRangeStarts(s, out);
    return out;
  }

  /**
   * The 0 of 0-14岁人口 (the scanner reads the range's end on its own, or not at all): a name part.
   */
  private static void ageRangeStarts(String s, List<Quantity> out) {
    int n = s.length();
    for (Quantity q : out) {
      int k = q.end;
      if (q.unit != null || k + 1 >= n || "—-－~至到".indexOf(s.charAt(k)) < 0) {
        continue;
      }
      k++;
      while (k < n && isDigit(s.charAt(k))) {
        k++;
      }
      if (k > q.end + 1 && s.startsWith("岁", k) && ageGroupAt(s, k + 1)) {
        q.namePart = true;
      }
    }
  }

  /**
   * 单产每亩438.8公斤,提高5.3公斤: a mass changing right after a per-mu yield is the yield's change (kg/mu).
   */
  private static void perMuChanges(String s, List<Quantity> qs) {
    for (int k = 1; k < qs.size(); k++) {
      Quantity a = qs.get(k - 1);
      Quantity b = qs.get(k);
      if (!"kg/mu".equals(a.unit) || !"t".equals(b.unit) || b.start - a.end > 12) {
        continue;
      }
      String between = s.substring(a.end, b.start);
      if (ClauseText.containsAny(between, Lexicon.UP_DOWN_VERBS) && between.indexOf('。') < 0) {
        b.unit = "kg/mu";
        b.value = b.value * 1000;
      }
    }
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Reads an Arabic number at i; returns the index to continue from. */
  private int arabic(String s, int i, List<Quantity> out, boolean inTitle) {
    int n = s.length();
    int j = i;
    int digits = 0;
    while (j < n && isDigit(s.charAt(j))) {
      j++;
      digits++;
    }
    // thousands separators: 1,234 or 12,345,678 (exactly three digits after each comma)
    if (digits <= 3) {
      while (j < n && s.charAt(j) == ',' && isThreeDigits(s, j + 1)) {
        j += 4;
      }
    }
    if (j < n - 1 && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
      j++;
      while (j < n && isDigit(s.charAt(j))) {
        j++;
      }
    }
    int numEnd = j;
    char prev = i > 0 ? s.charAt(i - 1) : ' ';
    char next = j < n ? s.charAt(j) : ' ';
    // names with digits: PM2.5, NO2, G6, 5G, 3D; versions 2.0; parts of a longer code
    if (UnitTable.isAsciiLetter(prev)
        || prev == '.'
        || prev == '-' && i > 1 && isDigit(s.charAt(i - 2))
        || prev == '/'
        || prev == ':'
        || prev == '#') {
      return skipRun(s, j);
    }
    // dates and times: 2024年, 12月, 30日, 10:30, 2016-02-15, 1-8月, 2024/1/3
    if (next == '年' || next == '月' || next == '日' || next == '号' || next == '时' || next == ':') {
      return j;
    }
    if ((next == '-' || next == '/' || next == '—' || next == '~' || next == '.')
        && j + 1 < n
        && isDigit(s.charAt(j + 1))) {
      int k = j + 1;
      while (k < n && isDigit(s.charAt(k))) {
        k++;
      }
      char after = k < n ? s.charAt(k) : ' ';
      if (after == '月'
          || after == '日'
          || after == '号'
          || after == '年'
          || after == '-'
          || after == '/'
          || k - (j + 1) >= 5
          || numEnd - i >= 3 && k - (j + 1) >= 4) {
        return skipRun(s, k); // date, phone number, code
      }
    }
    String numText = s.substring(i, numEnd);
    if (digits >= 11 && numText.indexOf('.') < 0 && numText.indexOf(',') < 0) {
      return j; // phone numbers, ids
    }
    double v = ChineseNumbers.parseArabic(numText);
    if (Double.isNaN(v)) {
      return j;
    }
    // 自然增长率为-0.18‰, 最低气温-28℃, 零下28℃: a minus sign after a word (not after a digit: 1-8月)
    if (i > 0
        && (prev == '-' || prev == '−' || prev == '﹣')
        && (i < 2 || !isDigit(s.charAt(i - 2)) && !UnitTable.isAsciiLetter(s.charAt(i - 2)))) {
      return finish(s, i - 1, numEnd, -v, "-" + numText, out, inTitle, false);
    }
    if (i >= 2 && s.startsWith("零下", i - 2)) {
      return finish(s, i - 2, numEnd, -v, "-" + numText, out, inTitle, false);
    }
    return finish(s, i, numEnd, v, numText, out, inTitle, false);
  }

  private static boolean isThreeDigits(String s, int k) {
    if (k + 3 > s.length()) {
      return false;
    }
    for (int m = k; m < k + 3; m++) {
      if (!isDigit(s.charAt(m))) {
        return false;
      }
    }
    return k + 3 >= s.length() || !isDigit(s.charAt(k + 3));
  }

  private static int skipRun(String s, int j) {
    int n = s.length();
    while (j < n
        && (isDigit(s.charAt(j))
            || UnitTable.isAsciiLetter(s.charAt(j))
            || s.charAt(j) == '.'
            || s.charAt(j) == '-')) {
      j++;
    }
    return j;
  }

  /** Reads a Chinese numeral at i: only kept with 成/倍, a measure unit, a rank, or 万/亿 amounts. */
  private int chinese(String s, int i, List<Quantity> out, boolean inTitle) {
    int n = s.length();
    int j = i;
    while (j < n && j - i < 12 && ChineseNumbers.isNumeralChar(s.charAt(j))) {
      j++;
    }
    String t = s.substring(i, j);
    // 十四五 is a plan period; handled by TimeResolver
    if (j < n && s.charAt(j) == '五' || t.endsWith("五") && t.startsWith("十") && t.length() == 3) {
      return j;
    }
    if (t.length() == 2
        && ChineseNumbers.DIGITS.indexOf(t.charAt(1))
            == ChineseNumbers.DIGITS.indexOf(t.charAt(0)) + 1
        && ChineseNumbers.DIGITS.indexOf(t.charAt(0)) > 0) {
      return j; // 三四成, 四五个: a vague range, not 34 or 45
    }
    double v = ChineseNumbers.parse(t);
    if (Double.isNaN(v) || v <= 0) {
      return j;
    }
    char prev = i > 0 ? s.charAt(i - 1) : ' ';
    if (prev == '第') {
      // 排名第九位 is a rank; 第四代, 第十三届 are ordinals
      if (j < n
          && (s.charAt(j) == '位' || s.charAt(j) == '名')
          && RankReading.rankContext(s, i - 1)) {
        Quantity q = RankReading.rank(s, i - 1, j + 1, v, s.substring(i - 1, j + 1));
        out.add(q);
      } else if (RankReading.bareRankEnd(s, j) && RankReading.rankContext(s, i - 1)) {
        out.add(RankReading.rank(s, i - 1, j, v, s.substring(i - 1, j)));
      }
      return j;
    }
    if (prev == '前' || prev == '后' || prev == '上' || prev == '数' || prev == '几') {
      return j; // 前三, 上千 (vague), 数十
    }
    UnitTable.Match m = units.unitAt(s, j);
    boolean big = t.indexOf('万') >= 0 || t.indexOf('亿') >= 0;
    if (m == null) {
      if (j < n && s.charAt(j) == '倍') {
        return j; // 增长七倍: optional, skipped
      }
      return j;
    }
    String surface = m.unit().surface();
    boolean percentLike = surface.equals("成");
    if (!percentLike && (m.unit().isClassifier() || "days".equals(m.unit().dimension())) && !big) {
      return j; // 三项主要指标, 两市三区, 连续三天: descriptive, not data
    }
    if (!percentLike && t.equals("一")) {
      return j; // 一小时经济圈, 一公里: idiom
    }
    return finish(s, i, j, v, t, out, inTitle, true);
  }

  /** Number read from i to numEnd with value v: magnitude, unit, qualifiers. */
  /**
   * A number read at [i, numEnd) with value v: its unit, magnitude and qualifiers make it a {@link
   * Quantity} (added to out) unless it is an ordinal, a pool, part of a name or an averaging
   * window. Returns where scanning goes on.
   */
  private int finish(
      String s,
      int i,
      int numEnd,
      double v,
      String numText,
      List<Quantity> out,
      boolean inTitle,
      boolean chinese) {
    int skipTo = ordinalOrPool(s, i, numEnd, v, out);
    if (skipTo >= 0) {
      return skipTo;
    }
    Reading r = unitAfter(s, numEnd, chinese);
    // a number right before ASCII letters that are not a unit is part of a name (5G, 3D, 4K)
    if (r.unit == null && r.end < s.length() && UnitTable.isAsciiLetter(s.charAt(r.end))) {
      return skipRun(s, r.end);
    }
    Quantity q = new Quantity();
    q.start = i;
    q.numberValue = v * r.magnitude;
    q.hasMagnitude = r.hasMagnitude;
    q.chineseNumeral = chinese;
    if (r.unit != null) {
      if (!measure(s, i, v, r, q)) {
        return r.end; // an averaging window
      }
    } else {
      q.value = v * r.magnitude;
    }
    trailingQualifiers(s, r, q);
    // leading qualifiers: 约 近 超过 不到 ...
    Qualifier pre = leadingQualifier(s, i);
    if (pre != null && r.qual == Qualifier.EXACT) {
      r.qual = pre;
    }
    q.qualifier = r.qual;
    q.end = r.end;
    q.raw = s.substring(i, r.end);
    if (r.unit != null && "岁".equals(r.unit.unit().surface()) && ageGroupAt(s, r.end)) {
      q.namePart = true; // 0-14岁人口, 60岁及以上人口: an age group names what is counted
      q.threshold = false;
      Quantity from = out.isEmpty() ? null : out.get(out.size() - 1);
      int dash = s.charAt(i) == '-' || s.charAt(i) == '－' ? i : i - 1; // 15-59岁: read as -59
      if (from != null && dash > 0 && from.end == dash && "—-－~至到".indexOf(s.charAt(dash)) >= 0) {
        from.namePart = true; // the 15 of 15-59岁人口
      }
    }
    if (inTitle) {
      return r.end;
    }
    RankReading.rankChange(s, i, v, q);
    out.add(q);
    return r.end;
  }

  private static final String[] AGE_GROUP_NOUNS = {
    "人口", "人", "的人口", "老年", "老人", "儿童", "居民", "组", "段", "青少年", "女性", "男性", "妇女", "常住人口"
  };

  /** Whether a group of people follows an age at {@code end} (0-14岁人口, 65岁及以上老年人). */
  private static boolean ageGroupAt(String s, int end) {
    for (String w : AGE_GROUP_NOUNS) {
      if (s.startsWith(w, end)) {
        return true;
      }
    }
    return false;
  }

  /** What {@link #finish} has read after the digits so far: unit, magnitude, qualifier, end. */
  private static final class Reading {
    Qualifier qual = Qualifier.EXACT;
    double magnitude = 1;
    boolean hasMagnitude;
    UnitTable.Match unit;
    int end;
  }

  /** 第3位 (a rank, added to out), 第3 (an ordinal), 前20 / 后20位 (pools): where to go on, else -1. */
  private int ordinalOrPool(String s, int i, int numEnd, double v, List<Quantity> out) {
    int n = s.length();
    char prev = i > 0 ? s.charAt(i - 1) : ' ';
    if (prev == '第') {
      if (numEnd < n
          && (s.charAt(numEnd) == '位' || s.charAt(numEnd) == '名')
          && RankReading.rankContext(s, i - 1)) {
        out.add(RankReading.rank(s, i - 1, numEnd + 1, v, s.substring(i - 1, numEnd + 1)));
        return numEnd + 1;
      }
      if (RankReading.bareRankEnd(s, numEnd) && RankReading.rankContext(s, i - 1)) {
        out.add(
            RankReading.rank(s, i - 1, numEnd, v, s.substring(i - 1, numEnd))); // 排名全省第3, / 居全国第一。
        return numEnd;
      }
      return numEnd; // ordinal
    }
    if (prev == '前' && !(i >= 2 && (s.charAt(i - 2) == '提' || s.charAt(i - 2) == '向'))) {
      return numEnd; // top-N pools (前20)
    }
    if (prev == '后' && numEnd < n && (s.charAt(numEnd) == '位' || s.charAt(numEnd) == '名')) {
      return numEnd; // bottom-N pools (退出后20位): a rank threshold
    }
    return -1;
  }

  /** The magnitude (万, 亿) and unit after the digits, and a 余/多 between them. */
  private Reading unitAfter(String s, int numEnd, boolean chinese) {
    int n = s.length();
    Reading r = new Reading();
    int p = numEnd;
    // 2423多亿元, 149万余人次: 余/多 before or after the magnitude
    if (p < n
        && (s.charAt(p) == '余' || s.charAt(p) == '多')
        && p + 1 < n
        && (UnitTable.magnitudeAt(s, p + 1) != null || units.unitAt(s, p + 1) != null)) {
      r.qual = Qualifier.OVER;
      p++;
    }
    UnitTable.Match direct = units.unitAt(s, p);
    double[] mag = UnitTable.magnitudeAt(s, p);
    UnitTable.Match afterMag = null;
    int magEnd = p;
    if (mag != null && !chinese) {
      magEnd = p + (int) mag[1];
      int p2 = magEnd;
      if (p2 < n
          && (s.charAt(p2) == '余' || s.charAt(p2) == '多')
          && p2 + 1 < n
          && units.unitAt(s, p2 + 1) != null) {
        p2++;
      }
      afterMag = units.unitAt(s, p2);
      if (afterMag != null && (direct == null || afterMag.end() > direct.end())) {
        if (p2 > magEnd) {
          r.qual = Qualifier.OVER;
        }
        direct = null;
      } else {
        afterMag = null;
      }
    }
    if (afterMag != null) {
      r.magnitude = mag[0];
      r.unit = afterMag;
      r.end = afterMag.end();
      r.hasMagnitude = true;
    } else if (direct != null) {
      r.unit = direct;
      r.end = direct.end();
    } else if (mag != null && !chinese) {
      r.magnitude = mag[0];
      r.end = magEnd;
      r.hasMagnitude = true;
      if (r.end < n && (s.charAt(r.end) == '余' || s.charAt(r.end) == '多')) {
        r.qual = Qualifier.OVER;
        r.end++;
      }
    } else {
      r.end = p;
    }
    return r;
  }

  /**
   * The value in the unit's canonical unit, with composite durations (3小时7分), speeds (时速350公里) and
   * yields (亩产2100公斤). False for an averaging window (日最大8小时平均): no figure.
   */
  private static boolean measure(String s, int i, double v, Reading r, Quantity q) {
    int n = s.length();
    UnitTable.Match unit = r.unit;
    q.unitEntry = unit.unit();
    q.unit = unit.unit().unit();
    q.value = v * r.magnitude * unit.unit().factor();
    // 3小时7分 / 3小时07分钟: composite duration
    if ("小时".equals(unit.unit().surface()) || "个小时".equals(unit.unit().surface())) {
      int k = r.end;
      int d0 = k;
      while (k < n && isDigit(s.charAt(k)) && k - d0 < 3) {
        k++;
      }
      if (k > d0 && k < n && s.charAt(k) == '分') {
        q.value += Double.parseDouble(s.substring(d0, k));
        r.end = s.startsWith("分钟", k) ? k + 2 : k + 1;
      }
    }
    // 日最大8小时平均, 24小时滑动平均: an averaging window inside a pollutant's name, not a figure
    if ("duration".equals(unit.unit().dimension())
        && (s.startsWith("平均", r.end)
            || s.startsWith("滑动", r.end)
            || s.startsWith("最大", Math.max(0, i - 2)) && i >= 2)) {
      return false;
    }
    // 设计时速350公里: a speed
    if ("km".equals(q.unit) && endsWithWithin(s, i, "时速", 3)) {
      q.unit = "km/h";
    }
    // 平均亩产2100公斤, 单产450公斤: a yield per mu keeps kg/mu
    if ("t".equals(q.unit)
        && (endsWithWithin(s, i, "亩产", 4)
            || endsWithWithin(s, i, "单产", 4)
            || endsWithWithin(s, i, "亩均产量", 4)
            || endsWithWithin(s, i, "每亩", 3))) {
      q.unit = "kg/mu";
      q.value = q.value * 1000;
    }
    return true;
  }

  /** 2小时多, 10蒸吨及以下, 以上/以下/左右 after the unit; 5000万元以上项目 makes the quantity a threshold. */
  private static void trailingQualifiers(String s, Reading r, Quantity q) {
    int n = s.length();
    UnitTable.Match unit = r.unit;
    if (r.end < n
        && (s.charAt(r.end) == '余' || s.charAt(r.end) == '多')
        && unit != null
        && !"成".equals(unit.unit().surface())) {
      // 2小时多 / 3000人多 (rare): over
      if (r.end + 1 >= n
          || !TextNormalizer.isCjk(s.charAt(r.end + 1))
          || isBoundary(s.charAt(r.end + 1))) {
        r.qual = Qualifier.OVER;
        r.end++;
      }
    }
    if (s.startsWith("及以下", r.end) || s.startsWith("及以上", r.end)) {
      r.end++; // 10蒸吨及以下燃煤锅炉: the same bound as 以下
    }
    String post2 = r.end + 2 <= n ? s.substring(r.end, r.end + 2) : "";
    if (post2.equals("以上")
        || post2.equals("以下")
        || post2.equals("以内")
        || post2.equals("之内")
        || post2.equals("左右")
        || post2.equals("上下") && unit != null) {
      r.qual =
          switch (post2) {
            case "以上" -> Qualifier.OVER;
            case "左右", "上下" -> Qualifier.APPROX;
            default -> Qualifier.UNDER;
          };
      r.end += 2;
      if ((post2.equals("以上") || post2.equals("以下")) && r.end < n) {
        char c = s.charAt(r.end);
        int k = c == '的' ? r.end + 1 : r.end;
        if (k < n && TextNormalizer.isCjk(s.charAt(k)) && !isBoundaryWord(s, k)) {
          q.threshold = true; // 5000万元以上项目, 35蒸吨以下燃煤锅炉
        }
      }
    }
  }

  /** Whether {@code word} ends at most {@code slack} characters before i (时速为350, 亩产达2100). */
  private static boolean endsWithWithin(String s, int i, String word, int slack) {
    for (int k = i - word.length(); k >= 0 && k >= i - word.length() - slack; k--) {
      if (s.startsWith(word, k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBoundary(char c) {
    return ",.;:、。!?()“”\"'".indexOf(c) >= 0 || c == ' ';
  }

  /** After 以上/以下: words that continue a statement rather than name what is bounded. */
  private static boolean isBoundaryWord(String s, int k) {
    String[] words = {
      "和", "及", "与", "或", "同比", "比", "较", "增长", "下降", "提高", "的水平", "水平", "并", "且", "是", "为", "均",
      "都", "已", "达", "实现", "保持", "占"
    };
    for (String w : words) {
      if (s.startsWith(w, k)) {
        return true;
      }
    }
    return false;
  }

  static Qualifier leadingQualifier(String s, int i) {
    String b = s.substring(Math.max(0, i - 3), i);
    if (b.endsWith("了")) {
      b = s.substring(Math.max(0, i - 4), i - 1);
    }
    if (b.endsWith("约")
        && b.length() >= 2
        && "签合节制条契公预特履违邀相".indexOf(b.charAt(b.length() - 2)) >= 0) {
      b = b.substring(0, b.length() - 1); // 签约100个, 节约: not approximate
    }
    if (b.endsWith("约")
        || b.endsWith("大约")
        || b.endsWith("约为")
        || b.endsWith("大概")
        || b.endsWith("约合")) {
      return Qualifier.APPROX;
    }
    if (b.endsWith("近") && !b.endsWith("最近") && !b.endsWith("附近")
        || b.endsWith("将近")
        || b.endsWith("接近")
        || b.endsWith("不到")
        || b.endsWith("不足")
        || b.endsWith("少于")
        || b.endsWith("低于")
        || b.endsWith("不超过")) {
      return Qualifier.UNDER;
    }
    if (b.endsWith("超过")
        || b.endsWith("超")
        || b.endsWith("逾")
        || b.endsWith("多于")
        || b.endsWith("高于")
        || b.endsWith("突破")
        || b.endsWith("至少")) {
      return Qualifier.OVER;
    }
    // 约占北京市场供应量的四成: 约 qualifies the share, further back in the clause
    for (int k = i - 1; k >= 1 && k >= i - 24; k--) {
      char c = s.charAt(k);
      if (",;:。!?".indexOf(c) >= 0 || c >= '0' && c <= '9') {
        break;
      }
      if (c == '占' && s.charAt(k - 1) == '约') {
        return Qualifier.APPROX;
      }
    }
    return null;
  }

  /** 分别为61、26和3微克/立方米: bare numbers in a list take the unit of the list's last number. */
  private static void propagateListUnits(String s, List<Quantity> qs) {
    for (int k = qs.size() - 2; k >= 0; k--) {
      Quantity a = qs.get(k);
      Quantity b = qs.get(k + 1);
      if (!a.bare() || b.bare() || a.rank || b.rank) {
        continue;
      }
      String between = s.substring(a.end, b.start);
      if (between.equals("、")
          || between.equals("和")
          || between.equals("及")
          || between.equals("与")
          || between.equals(",")
          || between.equals("或")) {
        a.unitEntry = b.unitEntry;
        a.unit = b.unit;
        double mag = 1;
        if (!a.hasMagnitude && b.hasMagnitude && b.unitEntry != null) {
          mag = b.numberValue / Math.max(1e-12, parseLeading(b.raw));
        }
        a.value = a.numberValue * mag * (a.unitEntry == null ? 1 : a.unitEntry.factor());
        if (a.unitEntry != null && "成".equals(a.unitEntry.surface()) && a.chineseNumeral) {
          a.value = a.numberValue * 10;
        }
      }
    }
  }

  private static double parseLeading(String raw) {
    int j = 0;
    while (j < raw.length()
        && (isDigit(raw.charAt(j)) || raw.charAt(j) == '.' || raw.charAt(j) == ',')) {
      j++;
    }
    double v = ChineseNumbers.parseArabic(raw.substring(0, j));
    return Double.isNaN(v) || v == 0 ? 1 : v;
  }
}
