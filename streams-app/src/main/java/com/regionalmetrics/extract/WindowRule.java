package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accumulation window of a figure, from the period phrase before it (docs/indicators.md): 9月 →
 * {@code month}, 第三季度 → {@code quarter}, 1-8月 / 前三季度 / 上半年 / 今年以来 → {@code ytd}, 春节期间 → {@code
 * spring_festival}, 自2014年起 → {@code since2014} (cumulative levels only); a year, 全年, a stock
 * (截至9月底, 目前) → no window. Comparison bases (比去年, 与2013年相比, 去年同期) are not windows and are skipped.
 */
final class WindowRule {

  enum Type {
    WINDOW,
    SINCE,
    NONE
  }

  /**
   * A period phrase at [start, end): a window, a start year (SINCE, window {@code sinceYYYY}) or
   * NONE (a year, a stock).
   */
  record Phrase(int start, int end, String window, Type type) {}

  private static final String M = "(?:\\d{1,2})";
  private static final String RANGE = "[-—~至到]";
  static final Pattern PHRASE =
      Pattern.compile(
          // 1: since a year (2014年以来, 自2014年起)
          "(?:自|从)?(\\d{4})年(?:以来|起|至今)(?:[至到](?:\\d{4}年(?:底|末)?|今|目前|去年底|去年末|年底))?"
              // 2: from January (1-8月, 2024年1至8月, 1月至8月), 前三季度, 上半年, 今年以来, 前8个月
              + "|((?:(?:\\d{4}|今|本|去|上)年)?(?:1|一)月?份?"
              + RANGE
              + M
              + "月份?(?![底末初0-9日号])"
              + "|前三季度|前[三两二]个?季度|(?:今年|本年)?上半年|今年以来|年初以来|年初至今|前"
              + M
              + "个月)"
              // 3: another span of months (3-5月)
              + "|((?:\\d{4}年)?"
              + M
              + "月?份?"
              + RANGE
              + M
              + "月份?(?![底末初0-9日号]))"
              // 4: a quarter (第三季度, 三季度, 2024年第一季度, Q3)
              + "|((?:(?:\\d{4}|今|本|去|上)年)?第?[一二三四1-4]季度|[Qq][1-4](?![0-9]))"
              // 5: the second half
              + "|((?:(?:\\d{4}|今|本)年)?下半年)"
              // 6: a month (9月份, 2014年9月, 上月), not a day (10月22日) nor the end of a month (9月底)
              + "|((?:(?:\\d{4}|今|本|去|上)年)?"
              + M
              + "月份?(?![底末初中旬上下0-9日号"
              + "\\-—~至到])|上个?月份?|本月份?|当月)"
              // 7: holidays and seasons
              + "|(春节|国庆|五一|劳动节|元旦|清明|端午|中秋|暑期|暑假|寒假|黄金周|小长假|冰雪季|雪季|滑雪季)"
              // 8: the end of a month, a year, the whole year, a stock at a point: no window
              + "|((?:\\d{4}年)?"
              + M
              + "月(?:底|末)|\\d{4}年(?:底|末|度)?|全年|年末|年底|今年|去年|上年|本年|截至目前|截止目前|目前|至今|如今|现有|当前)");

  /**
   * Each character a phrase can start with besides digits, followed by the characters that can come
   * next (keep in step with PHRASE): a cheap necessary condition, so the ~40 alternatives of PHRASE
   * are tried only where one can match.
   */
  private static final String[] STARTS = {
    "自0123456789",
    "从0123456789",
    "今年",
    "本年月",
    "去年",
    "上年半个月",
    "前三两二0123456789",
    "年初末底",
    "第一二三四1234",
    "一月份-—~至到季",
    "二季",
    "三季",
    "四季",
    "下半",
    "Q1234",
    "q1234",
    "春节",
    "国庆",
    "五一",
    "劳动",
    "元旦",
    "清明",
    "端午",
    "中秋",
    "暑期假",
    "寒假",
    "黄金",
    "小长",
    "冰雪",
    "雪季",
    "滑雪",
    "全年",
    "截至止",
    "目前",
    "至今",
    "如今",
    "现有",
    "当月前"
  };

  private static final String START_CHARS = firstChars(STARTS);

  /** START_CHARS as a set: tested for every character of every sentence. */
  private static final java.util.BitSet IS_START = new java.util.BitSet();

  static {
    START_CHARS.chars().forEach(IS_START::set);
  }

  private static String firstChars(String[] starts) {
    StringBuilder b = new StringBuilder(starts.length);
    for (String w : starts) {
      b.append(w.charAt(0));
    }
    return b.toString();
  }

  private WindowRule() {}

  /**
   * The period phrases of a sentence, in order (comparison bases left out). One pass, anchored
   * tries only where a phrase can start.
   */
  static List<Phrase> phrases(String s) {
    List<Phrase> out = new ArrayList<>();
    Matcher m = null; // made at the first place a phrase can start: most labels have none
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (digit && i > 0 && (Character.isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.')
          || !canStart(s, i)) {
        i++;
        continue;
      }
      if (m == null) {
        m = PHRASE.matcher(s);
        m.useTransparentBounds(true).useAnchoringBounds(false);
      }
      m.region(i, n);
      if (!m.lookingAt()) {
        i++;
        continue;
      }
      Phrase p = classify(m, s);
      if (p != null) {
        out.add(p);
      }
      i = Math.max(m.end(), i + 1);
    }
    return withFestivals(s, out);
  }

  /** Whether PHRASE can match at i: a cheap necessary condition, tested for every character. */
  static boolean canStart(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9' ? digitCanStart(s, i, s.length()) : wordCanStart(s, i, c);
  }

  /** Whether a phrase can start with the word character c at i (see STARTS). */
  private static boolean wordCanStart(String s, int i, char c) {
    if (!IS_START.get(c) || i + 1 >= s.length()) {
      return false;
    }
    return STARTS[START_CHARS.indexOf(c)].indexOf(s.charAt(i + 1), 1) >= 0;
  }

  /**
   * A phrase starting with a digit has 年 4 characters on (2024年), 季 next (3季度) or 月 within the next
   * 7 (9月, 1-8月, 10月份至12月): a cheap necessary condition.
   */
  private static boolean digitCanStart(String s, int i, int n) {
    if (i + 4 < n && s.charAt(i + 4) == '年' || i + 1 < n && s.charAt(i + 1) == '季') {
      return true;
    }
    for (int k = i + 1; k <= i + 7 && k < n; k++) {
      if (s.charAt(k) == '月') {
        return true;
      }
    }
    return false;
  }

  /**
   * 桃花节期间, 冰灯节期间: a named festival's days are a window of their own ({@code festival}), as the
   * holidays are; added in order where no other phrase covers them.
   */
  private static List<Phrase> withFestivals(String s, List<Phrase> out) {
    int f = festivalAt(s, 0);
    while (f >= 0) {
      int st = f;
      while (st > 0 && f - st < 4 && TextNormalizer.isCjk(s.charAt(st - 1))) {
        st--;
      }
      int en = f + 3;
      boolean covered = false;
      int at = 0;
      for (Phrase p : out) {
        if (p.end() > st && p.start() < en) {
          covered = true;
        }
        if (p.start() < st) {
          at++;
        }
      }
      if (!covered && f - st >= 1) {
        out.add(at, new Phrase(st, en, "festival", Type.WINDOW));
      }
      f = festivalAt(s, en);
    }
    return out;
  }

  /**
   * s.indexOf("节期间", from) by its first character: this runs for every sentence and label, and the
   * substring search cost more than the char scan.
   */
  static int festivalAt(String s, int from) {
    for (int f = s.indexOf('节', from); f >= 0; f = s.indexOf('节', f + 1)) {
      if (s.startsWith("期间", f + 1)) {
        return f;
      }
    }
    return -1;
  }

  private static Phrase classify(Matcher m, String s) {
    int st = m.start();
    int en = m.end();
    if (comparisonBase(s, st, en)) {
      return null;
    }
    if (m.group(1) != null) {
      return new Phrase(st, en, "since" + m.group(1), Type.SINCE);
    }
    if (m.group(2) != null) {
      return new Phrase(st, en, "ytd", Type.WINDOW);
    }
    if (m.group(3) != null) {
      return new Phrase(st, en, "months", Type.WINDOW);
    }
    if (m.group(4) != null) {
      return new Phrase(st, en, "quarter", Type.WINDOW);
    }
    if (m.group(5) != null) {
      return new Phrase(st, en, "h2", Type.WINDOW);
    }
    if (m.group(6) != null) {
      // 截至9月 / 到9月: the stock at the end of the month, not the month's flow
      if (endsWithAny(s, st, "截至", "截止", "至", "到")) {
        return new Phrase(st, en, null, Type.NONE);
      }
      return new Phrase(st, en, "month", Type.WINDOW);
    }
    if (m.group(7) != null) {
      return new Phrase(st, en, holiday(m.group(7)), Type.WINDOW);
    }
    return new Phrase(st, en, null, Type.NONE);
  }

  private static String holiday(String w) {
    return switch (w) {
      case "春节" -> "spring_festival";
      case "国庆" -> "national_day";
      case "五一", "劳动节" -> "may_day";
      case "元旦" -> "new_year";
      case "清明" -> "qingming";
      case "端午" -> "dragon_boat";
      case "中秋" -> "mid_autumn";
      case "暑期", "暑假" -> "summer";
      case "寒假" -> "winter_break";
      case "冰雪季", "雪季", "滑雪季" -> "snow_season";
      default -> "holiday"; // 黄金周, 小长假
    };
  }

  /** 比去年, 较上年, 与2013年相比, 去年同期, 相较2013年: a base to compare with, not the figure's period. */
  private static boolean comparisonBase(String s, int st, int en) {
    if (st > 0) {
      char b = s.charAt(st - 1);
      if (b == '比' || b == '较' || b == '与' || b == '同' || b == '于' || b == '和' || b == '跟') {
        return true;
      }
    }
    return s.startsWith("同期", en) || s.startsWith("相比", en) || s.startsWith("相较", en);
  }

  private static boolean endsWithAny(String s, int end, String... words) {
    for (String w : words) {
      if (end >= w.length() && s.startsWith(w, end - w.length())) {
        return true;
      }
    }
    return false;
  }

  /** The last phrase that ends at or before {@code pos}, or null. */
  static Phrase before(List<Phrase> phrases, int pos) {
    Phrase last = null;
    for (Phrase p : phrases) {
      if (p.end() > pos) {
        break;
      }
      last = p;
    }
    return last;
  }
}
