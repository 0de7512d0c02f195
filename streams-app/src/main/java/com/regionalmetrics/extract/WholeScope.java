package com.regionalmetrics.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 全省 / 全市 / 全县 / 全区 / 全州 / 全盟 / 全旗: "the whole of" a division of one kind (the second character).
 * Which divisions each word can name, and what an article's scope words say about the region it is
 * about: a provincial press release says 全省 throughout, a district's final accounts 全区, whatever
 * city its dateline names.
 */
final class WholeScope {
  static final String[] WORDS = {"全市", "全省", "全县", "全区", "全州", "全盟", "全旗"};

  /** Scope words an article must use (as scopes, not pools) before they decide its region. */
  private static final int DECIDING_COUNT = 3;

  private WholeScope() {}

  /** True when a scope word of this kind can name r. */
  static boolean fits(Region r, char kind) {
    String full = r.fullName() == null ? r.name() : r.fullName();
    Region.Level level = r.level();
    boolean municipality = level == Region.Level.PROVINCE && full.endsWith("市");
    return switch (kind) {
      case '省' -> level == Region.Level.PROVINCE && !municipality;
      case '市' ->
          level == Region.Level.PREFECTURE
              || municipality
              || level == Region.Level.COUNTY && full.endsWith("市");
      case '县' -> level == Region.Level.COUNTY && full.endsWith("县");
      // a district, a new area or zone (滨海新区), or an autonomous region (西藏自治区's 全区)
      case '区' ->
          (level == Region.Level.COUNTY
                  || level == Region.Level.ZONE
                  || level == Region.Level.PROVINCE)
              && full.endsWith("区");
      case '州' -> level == Region.Level.PREFECTURE && full.endsWith("州");
      case '盟' -> level == Region.Level.PREFECTURE && full.endsWith("盟");
      case '旗' -> level == Region.Level.COUNTY && full.endsWith("旗");
      default -> false;
    };
  }

  /**
   * Where in lead the last scope word that names whose figure it is stands ({@code [index, kind]}),
   * or null: pools (在全省11个设区市中) and comparisons (高于全市) do not count.
   */
  static int[] lastIn(String lead) {
    if (lead.indexOf('全') < 0) {
      return null; // every word starts with 全: most leads (one per figure) have none
    }
    int best = -1;
    char kind = 0;
    for (String w : WORDS) {
      int i = lead.lastIndexOf(w);
      while (i >= 0 && !isScope(lead, i, w)) {
        i = i == 0 ? -1 : lead.lastIndexOf(w, i - 1);
      }
      if (i > best) {
        best = i;
        kind = w.charAt(1);
      }
    }
    return best < 0 ? null : new int[] {best, kind};
  }

  /**
   * The article's region as its scope words decide it: when they mostly name a kind that main is
   * not, the region of that kind enclosing main, or else the one inside it, named in the article
   * (most often first); main otherwise.
   */
  static Region decide(
      Region main, List<String> sentences, List<RegionMention> mentions, Gazetteer gazetteer) {
    if (main == null) {
      return null;
    }
    Map<Character, Integer> counts = new HashMap<>();
    for (String s : sentences) {
      for (String w : WORDS) {
        for (int i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 2)) {
          // not 以全省20%的土地, 贡献了全省三成, 在全省率先: shares and standings
          if (isScope(s, i, w) && (i == 0 || "以了在".indexOf(s.charAt(i - 1)) < 0)) {
            counts.merge(w.charAt(1), 1, Integer::sum);
          }
        }
      }
    }
    char kind = 0;
    int most = 0;
    int all = 0;
    for (Map.Entry<Character, Integer> e : counts.entrySet()) {
      all += e.getValue();
      if (e.getValue() > most) {
        kind = e.getKey();
        most = e.getValue();
      }
    }
    if (most < DECIDING_COUNT || 2 * most < all + 1 || fits(main, kind)) {
      return main;
    }
    Map<Region, Integer> named = new HashMap<>();
    for (RegionMention m : mentions) {
      named.merge(m.region(), 1, Integer::sum);
    }
    for (Region r = gazetteer.parent(main).orElse(null);
        r != null;
        r = gazetteer.parent(r).filter(p -> !p.equals(main)).orElse(null)) {
      if (fits(r, kind) && named.containsKey(r)) {
        return r;
      }
      if (r.level() == Region.Level.PROVINCE) {
        break;
      }
    }
    Region inner = null;
    for (Map.Entry<Region, Integer> e : named.entrySet()) {
      Region r = e.getKey();
      if (fits(r, kind)
          && !r.equals(main)
          && gazetteer.within(r, main)
          && (inner == null || e.getValue() > named.get(inner))) {
        inner = r;
      }
    }
    return inner == null ? main : inner;
  }

  private static boolean isScope(String s, int i, String w) {
    return !(w.equals("全市") && s.startsWith("全市场", i))
        && !RegionResolver.poolAt(s, i, i + 2, null, true)
        && !RegionResolver.comparedWith(s, i);
  }
}
