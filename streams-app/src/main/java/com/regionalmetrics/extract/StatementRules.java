package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ClauseText.containsAny;
import static com.regionalmetrics.extract.ClauseText.endsWithAny;
import static com.regionalmetrics.extract.ClauseText.startsWithAny;

/**
 * Numbers that are no statement of a figure: the rest (其余5项), circles (1小时交通圈), pool sizes,
 * narrative durations, differences.
 */
final class StatementRules {
  private StatementRules() {}

  /**
   * Numbers that describe rather than state: 其余5项污染物, 1小时交通圈, and the size of a ranking pool
   * (在全国74个监测城市中排名第9位).
   */
  static boolean notAStatement(String s, QuantityItem it) {
    Quantity q = it.q;
    String lead = s.substring(it.clauseStart, q.start);
    if (endsWithAny(lead, Lexicon.REMAINDER_WORDS)) {
      return true;
    }
    if (equivalence(s, it) || unitDefinition(s, it)) {
      return true;
    }
    if (streakThreshold(s, lead, q) || targetReference(s, q)) {
      return true;
    }
    String rest = s.substring(q.end, Math.min(s.length(), q.end + 4));
    if (startsWithAny(rest, Lexicon.CIRCLE_WORDS)) {
      return true;
    }
    if ("day".equals(it.unit) && narrativeDuration(s, lead, q)) {
      return true;
    }
    if ("count".equals(it.unit) && !q.rank) {
      int end = q.end;
      while (end < s.length() && !RegionResolver.isClauseBreak(s.charAt(end)) && end - q.end < 20) {
        end++;
      }
      String after = s.substring(q.end, end);
      if (containsAny(after, Lexicon.RANK_CONTEXT_WORDS)) {
        return true;
      }
      // 在全省11个设区市中, / 全国168个重点城市中,: the size of the pool a place is compared in
      if (after.endsWith("中")
          && !after.contains("在")
          && !after.contains("其中")
          && after.length() <= 10
          && q.raw.endsWith("个")
          && (lead.contains("在") || endsWithAny(lead, Lexicon.WHOLE_SCOPE_WORDS))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A number of days that qualifies the period of a figure (假期7天共发送旅客, 7天假期, 连续7天) is narrative,
   * not an observation: it is led by a holiday or duration word, or followed by one, or by 共/累计 and
   * a figure.
   */
  private static boolean narrativeDuration(String s, String lead, Quantity q) {
    String l = lead;
    if (l.endsWith("的")) {
      l = l.substring(0, l.length() - 1);
    }
    for (String w : Lexicon.DURATION_LEADS) {
      if (l.endsWith(w)) {
        return true;
      }
    }
    String after = s.substring(q.end, Math.min(s.length(), q.end + 4));
    for (String w : Lexicon.DURATION_TAILS) {
      if (after.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /** 较全国平均高出16.1个百分点: a difference from another place; optional, and easily misread. */
  static boolean isDifference(String s, QuantityItem it, String tail) {
    String b = it.before;
    return endsWithAny(tail, Lexicon.DIFF_VERBS)
        && (b.contains("较")
            || b.contains("比")
            || s.substring(it.clauseStart, it.q.start).contains("较"));
  }

  /**
   * 播种面积119319千公顷(17.90亿亩), 增加523千公顷(784万亩): the same figure restated in another unit of the same
   * dimension, in parentheses right after it, is not a figure of its own. (A restatement in another
   * canonical unit, 5921公斤/公顷(394.7公斤/亩), is kept.)
   */
  static boolean isRestatement(String s, java.util.List<QuantityItem> items, int k) {
    if (k == 0) {
      return false;
    }
    Quantity q = items.get(k).q;
    Quantity prev = items.get(k - 1).q;
    if (q.start < 1 || q.unit == null || !q.unit.equals(prev.unit) || q.end >= s.length()) {
      return false;
    }
    char open = s.charAt(q.start - 1);
    char close = s.charAt(q.end);
    return (open == '(' || open == '（')
        && (close == ')' || close == '）')
        && q.start - 1 == prev.end;
  }

  /**
   * 5921公斤/公顷(394.7公斤/亩), 增加51.5公斤/公顷(3.4公斤/亩): the previous figure restated in parentheses in
   * another canonical unit; it measures the same thing (the caller copies label and change). Null
   * when not.
   */
  static QuantityItem restatedIn(String s, java.util.List<QuantityItem> items, int k) {
    if (k == 0) {
      return null;
    }
    Quantity q = items.get(k).q;
    QuantityItem prev = items.get(k - 1);
    if (q.start < 1
        || q.unit == null
        || prev.q.unit == null
        || q.unit.equals(prev.q.unit)
        || q.end >= s.length()
        || prev.skip) {
      return null;
    }
    char open = s.charAt(q.start - 1);
    char close = s.charAt(q.end);
    return (open == '(' || open == '（')
            && (close == ')' || close == '）')
            && q.start - 1 == prev.q.end
        ? prev
        : null;
  }

  /**
   * 发电量…,相当于节约标准煤1100万吨,减少二氧化碳排放2900万吨: what a figure is equivalent to, and the clauses that follow
   * it, are no figures of their own. A share of a base (相当于2019年同期的92%) is kept.
   */
  static boolean equivalence(String s, QuantityItem it) {
    int k = s.lastIndexOf(Lexicon.EQUIVALENCE_WORD, it.q.start);
    if (k < 0 || "%".equals(it.unit)) {
      return false;
    }
    int after = k + Lexicon.EQUIVALENCE_WORD.length();
    return after >= s.length() || !Character.isDigit(s.charAt(after)) || after == it.q.start;
  }

  /**
   * 1亩约合666.7平方米 / 1克约合1亩: a unit defined by another, both sides (the one unit and what it equals)
   * are no figures.
   */
  static boolean unitDefinition(String s, QuantityItem it) {
    Quantity q = it.q;
    boolean unitOne =
        s.charAt(q.start) == '1'
            && (q.start + 1 >= s.length() || !Character.isDigit(s.charAt(q.start + 1)))
            && (q.start + 1 >= s.length() || s.charAt(q.start + 1) != '.');
    if (unitOne && startsWithAny(s.substring(q.end), Lexicon.DEFINITION_WORDS)) {
      return true;
    }
    for (String w : Lexicon.DEFINITION_WORDS) {
      int k = q.start - w.length();
      if (k > 0 && s.startsWith(w, k)) {
        int one = k - 1;
        while (one > 0 && !Character.isDigit(s.charAt(one)) && k - one <= 3) {
          one--; // the unit after the 1: 1亩约合, 1公顷等于
        }
        return s.charAt(one) == '1'
            && (one == 0 || !Character.isDigit(s.charAt(one - 1)))
            && (one == 0 || s.charAt(one - 1) != '.');
      }
    }
    return false;
  }

  /** 连续8年稳定在800亿斤以上: the bound a streak stays above is a threshold, not a figure. */
  static boolean streakThreshold(String s, String lead, Quantity q) {
    int k = lead.lastIndexOf("连续");
    return k >= 0
        && lead.indexOf('年', k) > k
        && q.qualifier == com.regionalmetrics.avro.Qualifier.OVER
        && s.startsWith("以上", q.end - 2);
  }

  /** 低于5.5%的控制目标: a target the figure is compared with, not a figure. */
  static boolean targetReference(String s, Quantity q) {
    return s.startsWith("的控制目标", q.end)
        || s.startsWith("的预期目标", q.end)
        || s.startsWith("的目标", q.end);
  }
}
