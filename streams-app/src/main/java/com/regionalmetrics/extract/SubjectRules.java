package com.regionalmetrics.extract;

/**
 * Whose figure it is: a listed place's own, the level's a 分别 change refers to, the subject named
 * before the number (not a ranking pool), 全市/全省 (the article's own city or province), 三地 (the
 * grouping named before), the paragraph's region, or the article's.
 */
final class SubjectRules {
  private final RegionResolver regions;

  SubjectRules(RegionResolver regions) {
    this.regions = regions;
  }

  Region regionOf(SentenceScope sc, QuantityItem it, ArticleContext st) {
    String s = sc.s;
    if (it.place != null) {
      return it.place;
    }
    if (it.regionFrom != null && it.regionFrom != it) {
      QuantityItem from = it.regionFrom;
      it.regionFrom = null;
      return regionOf(sc, from, st);
    }
    Quantity q = it.q;
    Region r = null;
    for (RegionResolver.Subject sub : sc.subjects) {
      if (sub.end() > q.start) {
        break;
      }
      if (sub.pool() && sub.end() != q.start) {
        continue; // 在全国74个城市中排名第9位: the pool, not the subject
      }
      if ((q.rank || q.rankChange)
          && sub.start() >= it.clauseStart
          && !RankRules.subjectOfRank(s, sub.end(), q.start)) {
        continue;
      }
      r = sub.region();
    }
    if (r == null) {
      // 全市/全省/全县 before the number: the article's own city/province/county, not the last place
      // named
      // 排名全省第一 / 居全市首位: the scope word names the pool of the rank, not the subject
      Region scope =
          q.rank && RankRules.poolBefore(s, q.start)
              ? null
              : regions.scope(st.main, s.substring(0, q.start), st.homeProvince);
      if (scope == null && st.lastGrouping != null && groupReference(s, it.clauseStart, q.start)) {
        scope = st.lastGrouping; // 三地高校组建了15个联盟: the grouping named before
      }
      if (scope != null) {
        sc.scopeRegion = scope;
        return scope;
      }
    }
    if (r == null) {
      r = st.paraRegion;
    }
    if (r == null) {
      r = st.main;
    }
    return r;
  }

  /** 三地/两地/三省市 leading the clause of a number: the places of a grouping named before. */
  private static boolean groupReference(String s, int clauseStart, int upTo) {
    String c = s.substring(clauseStart, upTo);
    for (String w : Lexicon.GROUP_REFERENCES) {
      int i = c.indexOf(w);
      if (i >= 0 && i <= 4) {
        return true;
      }
    }
    return false;
  }
}
