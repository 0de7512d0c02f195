package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ClauseText.containsAny;
import static com.regionalmetrics.extract.ClauseText.endsWithAny;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Periods and targets: the time a figure refers to (its own time, the paragraph's, the article's
 * report period or now; 从2014年的5.09 for a from-value) and whether it is a target (力争到2027年).
 */
final class PeriodRules {
  private PeriodRules() {}

  /** 到2027年,…将: a future year followed by a will-word. */
  private static final Pattern FUTURE =
      Pattern.compile("(?<![截止])(到|至)\\d{4}年(底|末)?,?.{0,12}?(将|要|力争)");

  static Period periodOf(
      QuantityItem it, String s, List<TimeResolver.TimeExpr> times, ArticleContext st) {
    Quantity q = it.q;
    if (it.ownTime != null) {
      return it.ownTime; // 7月、8月分别接待游客x、y
    }
    if (it.fromSide) {
      // the time right after 从 (从2014年的5.09), else the start of the span (2014年以来)
      for (TimeResolver.TimeExpr t : times) {
        if (t.start() >= it.clauseStart && t.end() <= q.start && t.period() != null) {
          return t.period();
        }
      }
      for (TimeResolver.TimeExpr t : times) {
        if (t.role() == TimeResolver.Role.START && t.start() < q.start) {
          return t.period();
        }
      }
      // 与2013年相比,PM2.5年均浓度由89.5降至30.5: the from-value is the comparison base
      for (TimeResolver.TimeExpr t : times) {
        if (t.role() == TimeResolver.Role.COMPARE
            && t.explicitYear()
            && t.start() < q.start
            && t.period() != null) {
          return t.period();
        }
      }
      return null;
    }
    int from = it.toOf != null ? it.toOf.q.end : 0;
    // own time between the from-value and this one (降至2024年的2.66)
    if (it.toOf != null) {
      for (int i = times.size() - 1; i >= 0; i--) {
        TimeResolver.TimeExpr t = times.get(i);
        if (t.start() >= from && t.end() <= q.start) {
          return t.period();
        }
      }
    }
    TimeResolver.TimeExpr best = null;
    boolean sawStart = false;
    for (TimeResolver.TimeExpr t : times) {
      if (t.end() > q.start) {
        break;
      }
      switch (t.role()) {
        case POINT, NOW -> best = t;
        case START -> sawStart |= !startsValue(s, t.end());
        case COMPARE -> {
          // 相较2013年的13天: the compared value itself, right after its year
          // (恢复至2019年的83.9%: a share of the base year's level, not the base year's value)
          String gap = s.substring(t.end(), q.start);
          if (!it.change
              && gap.length() <= 2
              && (gap.isEmpty() || gap.equals("的"))
              && !shareOfBase(s, t.start())) {
            best = t;
          }
        }
        default -> {}
      }
    }
    if (best != null) {
      return best.period();
    }
    if (sawStart
        || sinceEvent(s, it.clauseStart > 0 ? Math.max(0, it.clauseStart - 30) : 0, q.start)) {
      return now(st); // 2023年以来已吸引49家, 投运4年多来累计保障: up to now
    }
    if (st.paraTime != null) {
      return st.paraTime;
    }
    if (st.sectionTime != null && !presentTense(s, q.start)) {
      return st.sectionTime; // 一、2024年预算执行情况 … 全市一般公共预算收入8322.9亿元
    }
    if (st.reportTime != null && reportOver(st) && !presentTense(s, q.start)) {
      return st.reportTime; // a report on one past period: untimed figures in later paragraphs
      // belong to it
    }
    return now(st);
  }

  /**
   * Whether the article reports on one period that was over when it was published: named by its
   * title (2023年人口变动情况统计公报, 2025年5月全省空气质量状况), or the only year its lead and body name.
   */
  private static boolean reportOver(ArticleContext st) {
    if (st.reportFromTitle) {
      return st.pub == null || st.reportTime.lastDay().isBefore(st.pub);
    }
    return !st.otherYears && st.pub != null && st.reportTime.year() < st.pub.getYear();
  }

  /**
   * 由上年的58.3%, 从2014年5.09, 由“十三五”末的65%: the time is a from-value's own, not a start that makes
   * later figures run up to now (2014年以来).
   */
  private static boolean startsValue(String s, int timeEnd) {
    int i = timeEnd;
    while (i < s.length() && "”」』\"".indexOf(s.charAt(i)) >= 0) {
      i++; // 由“十三五”末的65%
    }
    i = s.startsWith("末", i) ? i + 1 : i;
    i = i < s.length() && s.charAt(i) == '的' ? i + 1 : i;
    return i < s.length() && Character.isDigit(s.charAt(i));
  }

  /** 恢复至2019年的, 相当于2019年同期的: the year is the base of a share. */
  private static boolean shareOfBase(String s, int timeStart) {
    String b = s.substring(Math.max(0, timeStart - 4), timeStart);
    return endsWithAny(b, Lexicon.SHARE_OF_BASE_WORDS);
  }

  /** 投运4年多来, 建成十年来, 近5年来: a cumulative figure since an event, up to now. */
  private static boolean sinceEvent(String s, int from, int to) {
    for (int k = s.indexOf("年", from); k >= 0 && k + 1 < to; k = s.indexOf("年", k + 1)) {
      int j = k + 1;
      if (s.charAt(j) == '多' || s.charAt(j) == '余') {
        j++;
      }
      if (j < to && s.charAt(j) == '来' && k > 0) {
        char c = s.charAt(k - 1);
        if (Character.isDigit(c) || ChineseNumbers.isNumeralChar(c) || c == '几') {
          return true;
        }
      }
    }
    return false;
  }

  /** 已达, 现有, 目前, 近年来: the sentence speaks of now, whatever the article reports on. */
  private static boolean presentTense(String s, int upTo) {
    String b = s.substring(0, upTo);
    return b.indexOf('已') >= 0 || containsAny(b, Lexicon.PRESENT_WORDS);
  }

  static Period now(ArticleContext st) {
    return st.pub == null ? null : Period.month(st.pub.getYear(), st.pub.getMonthValue());
  }

  static boolean isTarget(
      String s, QuantityItem it, List<TimeResolver.TimeExpr> times, ArticleContext st) {
    String clause = s.substring(it.clauseStart, it.q.start);
    if (before(s, Lexicon.TARGET_LEADS, it.q.start)) {
      return true; // 主要预期目标是:地区生产总值增长5.5%左右, ...
    }
    if (before(s, LIZHENG, it.q.start)) {
      return true; // 将力争实现地区生产总值增长10%以上,固定资产投资增长11%左右: every figure after it
    }
    if (st.sectionTarget || st.targetRun) {
      return true; // 二、2025年主要预期目标 / 地区生产总值增长6%左右; 目标是:…6.5%;…7.5%
    }
    for (String m : Lexicon.TARGET_MARKERS) {
      if (clause.contains(m)) {
        return true;
      }
    }
    if (hasFutureMarker(s, it.clauseStart, it.q.start)) {
      return true;
    }
    if (st.pub != null) {
      for (TimeResolver.TimeExpr t : times) {
        if (t.start() >= it.clauseStart
            && t.end() <= it.q.start
            && t.period() != null
            && t.explicitYear()
            && t.period().year() > st.pub.getYear()
            && t.start() > 0
            && "到至".indexOf(s.charAt(t.start() - 1)) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String[] LIZHENG = {"力争"};

  /**
   * Whether one of the words occurs in s before {@code end}: s.substring(0, end) contains it,
   * without the copy (its first occurrence is the one that can fit).
   */
  private static boolean before(String s, String[] words, int end) {
    for (String w : words) {
      int i = s.indexOf(w);
      if (i >= 0 && i + w.length() <= end) {
        return true;
      }
    }
    return false;
  }

  static boolean hasFutureMarker(String s, int from, int to) {
    String c = s.substring(Math.max(from, to - 60), to); // bounded: linear in sentence length
    // FUTURE needs 到/至 and 年: skip the regex when they are absent
    boolean maybe = c.indexOf('年') >= 0 && (c.indexOf('到') >= 0 || c.indexOf('至') >= 0);
    return maybe && FUTURE.matcher(c).find() || containsAny(c, Lexicon.FUTURE_WORDS);
  }

  static Integer targetYear(
      String s, int pos, List<TimeResolver.TimeExpr> times, int clauseStart, ArticleContext st) {
    Integer y =
        st.sectionTarget && st.sectionTime != null ? Integer.valueOf(st.sectionTime.year()) : null;
    for (TimeResolver.TimeExpr t : times) {
      if (t.start() < pos && t.period() != null && t.explicitYear()) {
        y = t.period().year();
      }
    }
    return y;
  }
}
