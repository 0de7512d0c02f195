package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ClauseText.containsAny;
import static com.regionalmetrics.extract.ClauseText.startsWithAny;
import static com.regionalmetrics.extract.ClauseText.stripMasked;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ranks: what is ranked (空气质量综合指数在全省11个设区市中排名第2位 → 空气质量综合指数排名; 在全国县域新能源 发展指数中排名第2位 → 县域新能源发展指数排名)
 * and whether the place before the rank is its subject.
 */
final class RankRules {
  private RankRules() {}

  /** 全省11个设区市: a count in a would-be label (the pool, not an indicator). */
  private static final Pattern COUNTED = Pattern.compile(".*[0-9]+(个|家|项|%).*");

  /** 在全省11个设区市中 before 排名: the pool between a place and its rank verb. */
  private static final Pattern POOL_BEFORE_RANK_VERB =
      Pattern.compile("在[^,，。;]{1,20}?中(?=(排名|位居|位列|名列))");

  /** An indicator between a place and its rank verb: no list, comparison or clause break. */
  private static final Pattern INDICATOR_ONLY = Pattern.compile("[^在中、和与及比较个,，]+");

  /**
   * The label of rank item k: the index it is in, its own indicator, the rank before's, or the last
   * level's.
   */
  static String rankItemLabel(SentenceScope sc, int k, ArticleContext st) {
    List<QuantityItem> items = sc.items;
    QuantityItem it = items.get(k);
    Quantity q = it.q;
    String index = indexPoolLabel(sc, q.start);
    String own = index == null && q.rank ? ownRankLabel(sc, it) : null;
    if (own == null) {
      // …排名第2位,在全国…中排名第39位: a second rank without its own indicator ranks the same one
      for (int j = k - 1; j >= 0; j--) {
        QuantityItem p = items.get(j);
        if (p.skip) {
          continue;
        }
        if (p.q.rank && !p.label.isEmpty()) {
          own = p.label;
        }
        break;
      }
    }
    String label =
        index != null ? index : own != null ? own : rankLabel(sc.lastLevelLabel, sc.levels, st);
    return q.rank ? withPool(sc.s, it, label) : label;
  }

  /**
   * 粮食产量位列全国第5, 综合指数全省排名第1位: the scope of the pool (全国, 全省, 全球 …) named before the rank goes into
   * the label (粮食产量全国排名): a province rank and a national rank are two measures.
   */
  static String withPool(String s, QuantityItem it, String label) {
    int from = Math.max(it.clauseStart, it.q.start - 24);
    String window = s.substring(from, it.q.start);
    String pool = null;
    int at = -1;
    for (String w : Lexicon.RANK_POOL_SCOPES) {
      int i = window.lastIndexOf(w);
      if (i > at) {
        at = i;
        pool = w;
      }
    }
    if (pool == null || label.contains(pool)) {
      return label;
    }
    String base = label.endsWith("排名") ? label.substring(0, label.length() - 2) : label;
    for (String w : Lexicon.RANK_POOL_SCOPES) {
      if (base.endsWith(w) && base.length() > w.length()) {
        base =
            base.substring(
                0, base.length() - w.length()); // the pool of the rank before: 全省排名第1位,全国排名第38位
        break;
      }
    }
    return base + pool + "排名";
  }

  /**
   * 在2024年度全国县域新能源发展指数中,张北县排名第2位: the rank is in the named index → 县域新能源发展指数排名. Null when no 在…中
   * before the rank names an index or list.
   */
  private static String indexPoolLabel(SentenceScope sc, int rankStart) {
    String s = sc.s;
    int zhong = s.lastIndexOf('中', rankStart - 1);
    if (zhong < 0 || rankStart - zhong > 16) {
      return null;
    }
    int zai = s.lastIndexOf('在', zhong);
    if (zai < 0 || zhong - zai < 3 || zhong - zai > 30) {
      return null;
    }
    String inner = stripMasked(s.substring(zai + 1, zhong), zai + 1, sc.timeMask);
    for (RegionMention m : sc.mentions) {
      if (m.start() > zai && m.end() <= zhong) {
        inner = inner.replace(s.substring(m.start(), m.end()), "");
      }
    }
    inner = LabelFinder.clean(inner.replace("年度", "").replace("度", ""));
    for (String w : Lexicon.INDEX_WORDS) {
      if (inner.endsWith(w) && inner.length() > w.length() + 1) {
        return inner.endsWith("排名") ? inner : inner + "排名";
      }
    }
    return null;
  }

  /**
   * 空气质量综合指数在全省11个设区市中排名第2位 / 数字经济规模位列全省第二: the indicator named before the rank verb in the rank's
   * own clause is what is ranked. Null when the clause names only a place.
   */
  private static String ownRankLabel(SentenceScope sc, QuantityItem it) {
    String s = sc.s;
    String clause = s.substring(it.clauseStart, it.q.start);
    int cut = -1;
    int cutEnd = -1;
    for (String v : Lexicon.RANK_VERBS) {
      int i = clause.lastIndexOf(v);
      if (i < 0) {
        continue;
      }
      int e = i + v.length();
      if (e > cutEnd || e == cutEnd && i < cut) {
        cut = i;
        cutEnd = e;
      }
    }
    if (cut <= 0) {
      return null;
    }
    int zai = clause.lastIndexOf('在', cut);
    if (zai >= 0 && clause.indexOf('中', zai) > zai && clause.indexOf('中', zai) < cut) {
      cut = zai; // 在全省11个设区市中排名: the pool is not the indicator
    }
    if (cut <= 0) {
      return null;
    }
    int from = it.clauseStart;
    String head = stripMasked(s.substring(from, from + cut), from, sc.timeMask);
    for (RegionMention m : sc.mentions) {
      if (m.start() >= from && m.end() <= from + cut) {
        head = head.replace(s.substring(m.start(), m.end()), "");
      }
    }
    head = LabelFinder.clean(head.replace("年度", ""));
    if (head.length() < 2 || LabelRules.verbOnly(head) || COUNTED.matcher(head).matches()) {
      return null;
    }
    return head.endsWith("排名") ? head : head + "排名";
  }

  private static String rankLabel(
      String lastLevelLabel, List<QuantityItem> levels, ArticleContext st) {
    String base = null;
    for (int i = levels.size() - 1; i >= 0; i--) {
      QuantityItem l = levels.get(i);
      if (!"count".equals(l.unit) && !"day".equals(l.unit) && !l.label.isEmpty()) {
        base = l.label;
        break;
      }
    }
    if (base == null) {
      base = lastLevelLabel != null ? lastLevelLabel : st.paraLastLevelLabel;
    }
    if (base == null || base.isEmpty()) {
      return "排名";
    }
    return base.endsWith("排名") ? base : base + "排名";
  }

  /** 张北县排名第2位, 崇礼区位居全省第一: the place right before the rank verb is what is ranked. */
  static boolean subjectOfRank(String s, int subEnd, int rankStart) {
    if (rankStart - subEnd > 32) {
      return false;
    }
    String b = POOL_BEFORE_RANK_VERB.matcher(s.substring(subEnd, rankStart)).replaceFirst("");
    if (startsWithAny(b, Lexicon.REGION_SUFFIXES)) {
      b = b.substring(1);
    }
    // 承德市空气质量综合指数排名第十二位: the place, then the indicator it ranks on
    for (String v : Lexicon.RANK_VERBS_AFTER_INDICATOR) {
      int i = b.indexOf(v);
      if (i >= 2 && INDICATOR_ONLY.matcher(b.substring(0, i)).matches()) {
        return true;
      }
    }
    if (rankStart - subEnd > 10) {
      return false;
    }
    return startsWithAny(b, Lexicon.RANK_VERBS_AFTER_PLACE);
  }

  /** 全省/全市/全国 right before a rank (全省第1, 在全省排名第3位) is its pool. */
  static boolean poolBefore(String s, int rankStart) {
    String b = s.substring(Math.max(0, rankStart - 6), rankStart);
    return containsAny(b, Lexicon.POOL_WORDS);
  }
}
