package com.regionalmetrics.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a sentence and resolves them to periods against the publication date:
 * explicit years, months, days and quarters; spans take their end (1-8月 → -08, 第三季度 → -09, 十四五 →
 * 2025); ranges (2014年起至2024年底); relative ones (去年底, 今年1-8月, 上半年, 截至目前, 日前). Each expression gets a
 * role: a START of a span (2014年以来), a COMPARE base (比去年, 与2013年相比) or a plain POINT. All patterns
 * are bounded (linear matching).
 */
final class TimeResolver {

  enum Role {
    POINT,
    START,
    COMPARE,
    NOW,
    FUTURE,
    NAME
  }

  /** A time expression at [start, end) of the sentence; period null when it cannot be resolved. */
  record TimeExpr(
      int start, int end, Period period, Role role, boolean dayLevel, boolean explicitYear) {}

  private static final String RANGE = "[-—~至到]";
  private static final Pattern TIME =
      Pattern.compile(
          // 1: explicit year with optional month/day or span
          "(\\d{4})年(?:(\\d{1,2})(?:"
              + RANGE
              + "(\\d{1,2}))?月份?(?:(\\d{1,2})(?:[日号]?"
              + RANGE
              + "(\\d{1,2}))?[日号])?"
              + "|第?([一二三四1-4])季度|(上|下)半年|前三季度|(底|末|年底|年末|全年|度|初))?"
              // 9-10: year range 2014-2024年
              + "|(\\d{4})"
              + RANGE
              + "(\\d{4})(?:年度?|雪季|冰雪季|赛季|学年)"
              // 11-12: relative year (今年/去年...) with optional suffix
              + "|(今年|本年|去年|上年|前年|明年)(底|末|年底|年末|初|上半年|下半年|前三季度|第?[一二三四]季度|同期)?"
              + "(?:(\\d{1,2})(?:"
              + RANGE
              + "(\\d{1,2}))?月份?)?"
              // 15-18: yearless month/day
              + "|(\\d{1,2})(?:"
              + RANGE
              + "(\\d{1,2}))?月份?(?:(\\d{1,2})(?:[日号]?"
              + RANGE
              + "(\\d{1,2}))?[日号])?"
              // 19: yearless quarter/half
              + "|(第?[一二三四]季度|上半年|下半年|前三季度)"
              // 20: now
              + "|(截至目前|截止目前|目前|日前|现已|当前|近日|至今|迄今|如今|今年以来|截至发稿)"
              // 21: five-year plans
              + "|(十[一二三四五六]五)"
              // 22: the reporting year without a number (全年, 年末): resolved against the article's
              // year
              + "|(全年|年末|年底|年内|本年度)"
              // 23: the year before publication
              + "|(过去一年|过去的一年)"
              // 24: the month before publication / the publication month
              + "|(上个?月份?|本月份?|当月)");

  /** Every non-digit character a TIME match can start with (keep in step with the pattern). */
  private static final String START_CHARS = "今本去上前明第一二三四下截目日现当近至迄如十全年过";

  /** START_CHARS as a set: tested for every character of every sentence. */
  private static final java.util.BitSet IS_START = new java.util.BitSet();

  static {
    START_CHARS.chars().forEach(IS_START::set);
  }

  private TimeResolver() {}

  /** 年, 全 and 过 start a match only as 年末/年底/年内, 全年, 过去: cheap necessary conditions. */
  private static boolean wordCanStart(String s, int i, char c) {
    char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
    return switch (c) {
      case '年' -> next == '末' || next == '底' || next == '内';
      case '全' -> next == '年';
      case '过' -> next == '去';
      default -> true;
    };
  }

  /**
   * A TIME match starting at digit i needs 年 or a range sign 4 characters on (2024年, 2014-2024年) or
   * 月 within the next 5 (8月, 1-8月, 10至12月): a cheap necessary condition.
   */
  private static boolean digitCanStart(String s, int i, int n) {
    if (i + 4 < n) {
      char c4 = s.charAt(i + 4);
      if (c4 == '年' || c4 == '-' || c4 == '—' || c4 == '~' || c4 == '至' || c4 == '到') {
        return true;
      }
    }
    for (int k = i + 1; k <= i + 5 && k < n; k++) {
      if (s.charAt(k) == '月') {
        return true;
      }
    }
    return false;
  }

  static List<TimeExpr> find(String s, LocalDate published, Integer yearContext) {
    List<TimeExpr> out = new ArrayList<>();
    Matcher m = null; // made at the first place an expression can start: many sentences have none
    int n = s.length();
    int i = 0;
    // Same matches as m.find() (leftmost first, resuming after each match), but the pattern is only
    // tried where an expression can start: a digit or one of START_CHARS.
    while (i < n) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (!digitCanStart(s, i, n)) {
          i++;
          continue;
        }
      } else if (!IS_START.get(c) || !wordCanStart(s, i, c)) {
        i++;
        continue;
      }
      if (m == null) {
        m = TIME.matcher(s);
        m.useTransparentBounds(true).useAnchoringBounds(false);
      }
      m.region(i, n);
      if (!m.lookingAt()) {
        i++;
        continue;
      }
      i = m.end() > m.start() ? m.end() : m.start() + 1;
      int st = m.start();
      // a digit right before means we are inside a longer number (12024年, 3.5月?)
      if (st > 0 && (Character.isDigit(s.charAt(st - 1)) || s.charAt(st - 1) == '.')) {
        continue;
      }
      // a Latin letter right before: the digits end a name (PM10月均浓度, SO2, 5G), not a month
      if (st > 0
          && c >= '0'
          && c <= '9'
          && s.charAt(st - 1) < 128
          && Character.isLetter(s.charAt(st - 1))) {
        continue;
      }
      TimeExpr t = resolve(m, s, published, yearContext);
      if (t != null
          && published != null
          && t.period() != null
          && t.period().firstDay().isAfter(published)) {
        // 2022年冬奥会 in a 2016 article names an event or a plan, not the period of a value
        t =
            new TimeExpr(
                t.start(), t.end(), t.period(), Role.FUTURE, t.dayLevel(), t.explicitYear());
      }
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The expression a TIME match stands for, by which alternative matched; null when it is no date.
   */
  private static TimeExpr resolve(Matcher m, String s, LocalDate pub, Integer yearContext) {
    int st = m.start();
    int en = m.end();
    Role role = roleOf(s, st, en);
    if (m.group(1) != null) {
      return explicitYear(m, s, st, en, role);
    }
    if (m.group(9) != null) {
      int y = Integer.parseInt(m.group(10));
      return new TimeExpr(st, en, year(y), role == Role.START ? Role.POINT : role, false, true);
    }
    if (m.group(11) != null) {
      if (s.startsWith("结转", en) || s.startsWith("结余", en)) {
        return null; // 上年结转4.03亿元: a budget's carry-over, counted in this year's revenue
      }
      return relativeYear(m, st, en, role, pub, yearContext);
    }
    if (m.group(15) != null) {
      return yearlessMonth(m, st, en, role, pub, yearContext);
    }
    if (m.group(19) != null) {
      String q = m.group(19);
      int mo =
          q.equals("上半年")
              ? 6
              : q.equals("下半年")
                  ? 12
                  : q.equals("前三季度") ? 9 : quarterEnd(q.substring(q.length() - 3, q.length() - 2));
      Integer y = yearFor(mo, pub, yearContext);
      return new TimeExpr(st, en, y == null ? null : month(y, mo), role, false, false);
    }
    if (m.group(20) != null) {
      Period p = pub == null ? null : month(pub.getYear(), pub.getMonthValue());
      return new TimeExpr(st, en, p, Role.NOW, false, false);
    }
    if (m.group(24) != null) {
      if (m.group(24).equals("当月") && st > 0 && s.charAt(st - 1) == '月'
          || s.startsWith("月份当月", Math.max(0, st - 2))) {
        return null; // 12月当月: the month just named, not the publication month
      }
      if (pub == null) {
        return new TimeExpr(st, en, null, role, false, false);
      }
      LocalDate d = m.group(24).startsWith("上") ? pub.minusMonths(1) : pub;
      return new TimeExpr(st, en, month(d.getYear(), d.getMonthValue()), role, false, false);
    }
    if (m.group(23) != null) {
      return new TimeExpr(st, en, pub == null ? null : year(pub.getYear() - 1), role, false, false);
    }
    if (m.group(22) != null) {
      Integer y = reportingYear(pub, yearContext);
      return new TimeExpr(st, en, y == null ? null : year(y), role, false, false);
    }
    if (m.group(21) != null) {
      int k = "一二三四五六".indexOf(m.group(21).charAt(1)) + 1;
      int endYear = 2005 + 5 * k; // 十一五 2006-2010, 十四五 2021-2025
      // not an explicit year: 十三五末的65% must not make a later 全年 mean 2020
      return new TimeExpr(st, en, year(endYear), role, false, false);
    }
    return null;
  }

  /** 2024年, 2024年8月, 2024年1-8月, 2024年8月15日, 2024年第三季度, 2024年上半年, 2024年前三季度. */
  private static TimeExpr explicitYear(Matcher m, String s, int st, int en, Role role) {
    int y = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      int mo = lastOf(m.group(2), m.group(3));
      if (m.group(4) != null) {
        int d = lastOf(m.group(4), m.group(5));
        return new TimeExpr(st, en, day(y, mo, d), role, true, true);
      }
      return new TimeExpr(st, en, month(y, mo), role, false, true);
    }
    if (m.group(6) != null) {
      return new TimeExpr(st, en, month(y, quarterEnd(m.group(6))), role, false, true);
    }
    if (m.group(7) != null) {
      return new TimeExpr(st, en, month(y, m.group(7).equals("上") ? 6 : 12), role, false, true);
    }
    if (s.startsWith("前三季度", st + 5)) {
      return new TimeExpr(st, en, month(y, 9), role, false, true);
    }
    return new TimeExpr(st, en, year(y), role, false, true);
  }

  /**
   * 今年, 去年底, 上年同期 (a comparison), 今年1-8月, 去年第三季度: relative to the publication year; 上年, the
   * statistician's word, to the year the article reports on when that is the year before
   * publication (a 2024 communiqué published in 2025: 由上年的58.3%提高到59.1% starts in 2023).
   */
  private static TimeExpr relativeYear(
      Matcher m, int st, int en, Role role, LocalDate pub, Integer yearContext) {
    String rel = m.group(11);
    String suffix = m.group(12);
    if ("同期".equals(suffix)) {
      role = Role.COMPARE;
    }
    if (pub == null) {
      return new TimeExpr(st, en, null, role, false, false);
    }
    // the running year is the one before publication (an annual report), not any old year named
    boolean pastReport = yearContext != null && yearContext == pub.getYear() - 1;
    int y =
        (rel.equals("上年") && pastReport ? yearContext : pub.getYear())
            + switch (rel) {
              case "去年", "上年" -> -1;
              case "前年" -> -2;
              case "明年" -> 1;
              default -> 0;
            };
    if (m.group(13) != null) {
      return new TimeExpr(st, en, month(y, lastOf(m.group(13), m.group(14))), role, false, false);
    }
    if (suffix != null) {
      if (suffix.contains("季度")) {
        return new TimeExpr(
            st,
            en,
            month(y, quarterEnd(suffix.substring(suffix.length() - 3, suffix.length() - 2))),
            role,
            false,
            false);
      }
      if (suffix.equals("上半年")) {
        return new TimeExpr(st, en, month(y, 6), role, false, false);
      }
      if (suffix.equals("下半年")) {
        return new TimeExpr(st, en, month(y, 12), role, false, false);
      }
      if (suffix.equals("前三季度")) {
        return new TimeExpr(st, en, month(y, 9), role, false, false);
      }
    }
    if (y == pub.getYear() && (suffix == null || suffix.equals("初"))) {
      // 今年 alone: the year so far
      return new TimeExpr(st, en, month(y, pub.getMonthValue()), role, false, false);
    }
    return new TimeExpr(st, en, year(y), role, false, false);
  }

  /**
   * 8月, 1-8月, 8月15日: the year from the publication date or the article's running year; null for
   * month 13.
   */
  private static TimeExpr yearlessMonth(
      Matcher m, int st, int en, Role role, LocalDate pub, Integer yearContext) {
    int mo = lastOf(m.group(15), m.group(16));
    if (mo < 1 || mo > 12) {
      return null;
    }
    Integer y = yearFor(mo, pub, yearContext);
    if (m.group(17) != null) {
      int d = lastOf(m.group(17), m.group(18));
      return new TimeExpr(st, en, y == null ? null : day(y, mo, d), role, true, false);
    }
    return new TimeExpr(st, en, y == null ? null : month(y, mo), role, false, false);
  }

  private static final String[] EVENT_NAMES = {
    "冬奥会", "冬残奥会", "奥运会", "残奥会", "亚运会", "亚冬会", "世博会", "全运会", "世界杯", "冬奥", "奥运"
  };

  private static Role roleOf(String s, int st, int en) {
    String after = s.substring(en, Math.min(s.length(), en + 4));
    // 由“十三五”末: the words before a quoted name
    int b = st;
    while (b > 0 && "“「『\"".indexOf(s.charAt(b - 1)) >= 0) {
      b--;
    }
    String before = s.substring(Math.max(0, b - 3), b);
    if (after.startsWith("以来")
        || after.startsWith("起")
        || after.startsWith("开始")
        || after.startsWith("至今")
        || before.endsWith("自")
        || before.endsWith("从")
        || before.endsWith("自从")
        || before.endsWith("由")) {
      return Role.START;
    }
    // 北京2022年冬奥会, 2022年冬奥会: a year inside an event's name is not a period (…冬奥会期间 is)
    String far = s.substring(en, Math.min(s.length(), en + 10));
    for (String ev : EVENT_NAMES) {
      if (far.startsWith(ev)) {
        if (!far.startsWith(ev + "期间")
            && !far.startsWith(ev + "举办期间")
            && !far.startsWith(ev + "赛时")) {
          return Role.NAME;
        }
        break;
      }
    }
    // 是2014年的近17倍, 为2015年的3倍: the base of a multiple
    if ((before.endsWith("是") || before.endsWith("为"))
        && after.startsWith("的")
        && s.substring(en, Math.min(s.length(), en + 10))
            .matches("的[近约超逾]?[0-9.一二三四五六七八九十两百]+倍.*")) {
      return Role.COMPARE;
    }
    if (after.startsWith("至今")) { // (after holds at most 4 characters: never a "至2024年")
      return Role.START;
    }
    if (before.endsWith("比")
        || before.endsWith("较")
        || before.endsWith("相较")
        || before.endsWith("与")
        || before.endsWith("同")
        || before.endsWith("相比")
        || after.startsWith("相比")
        || after.startsWith("同期")
        || after.startsWith("比较")) {
      return Role.COMPARE;
    }
    // 恢复至2019年的83.9%, 相当于2019年的1.2倍: the base of a share
    if ((before.endsWith("恢复至")
            || before.endsWith("恢复到")
            || before.endsWith("恢复")
            || before.endsWith("相当于")
            || before.endsWith("达到"))
        && after.startsWith("的")) {
      return Role.COMPARE;
    }
    return Role.POINT;
  }

  /**
   * The year that 全年 / 年末 refer to: the article's last explicit year when it is before the
   * publication year; else, early in a year (January to April, when annual figures are published,
   * and a dateline names the new year), the previous year; else the publication year.
   */
  static Integer reportingYear(LocalDate pub, Integer yearContext) {
    if (yearContext != null
        && (pub == null
            || yearContext < pub.getYear()
            || yearContext == pub.getYear() && pub.getMonthValue() > 4)) {
      return yearContext;
    }
    if (pub == null) {
      return null;
    }
    return pub.getMonthValue() <= 4 ? pub.getYear() - 1 : pub.getYear();
  }

  /** Whether a list found without the year context holds an expression that depends on it. */
  static boolean usesYearContext(String s, List<TimeExpr> times) {
    for (TimeExpr t : times) {
      if (t.end() - t.start() <= 3 && !t.explicitYear()) {
        String w = s.substring(t.start(), t.end());
        if (w.equals("全年")
            || w.startsWith("上年")
            || w.equals("年末")
            || w.equals("年底")
            || w.equals("年内")
            || w.equals("本年度")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Integer yearFor(int month, LocalDate pub, Integer yearContext) {
    if (pub != null) {
      return month <= pub.getMonthValue() ? pub.getYear() : pub.getYear() - 1;
    }
    return yearContext;
  }

  private static int lastOf(String a, String b) {
    return Integer.parseInt(b != null ? b : a);
  }

  private static int quarterEnd(String q) {
    int k = "一二三四".indexOf(q.charAt(0));
    if (k < 0) {
      k = q.charAt(0) - '1';
    }
    return (k + 1) * 3;
  }

  private static Period year(int y) {
    return Period.year(y);
  }

  private static Period month(int y, int m) {
    if (m < 1 || m > 12) {
      return Period.year(y);
    }
    return Period.month(y, m);
  }

  private static Period day(int y, int m, int d) {
    try {
      return Period.day(LocalDate.of(y, m, d));
    } catch (java.time.DateTimeException e) {
      return month(y, m);
    }
  }
}
