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
    int subjectEnd = -1;
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
      subjectEnd = sub.end();
    }
    if (r != null && !q.rank && scopeWordAfter(s, Math.max(subjectEnd, it.clauseStart), q.start)) {
      // 渭南市地区生产总值增长4.8%,全省地区生产总值增长5.3%: the province's figure, not 渭南's (北京…,全市: 北京's)
      Region scope = regions.scope(r, s.substring(0, q.start), st.homeProvince);
      if (scope != null && !scope.equals(r)) {
        sc.scopeRegion = scope;
        return scope;
      }
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

  /** A scope word (全省, 全市: not a pool or a comparison) between {@code from} and the number. */
  private static boolean scopeWordAfter(String s, int from, int numberStart) {
    int[] at = WholeScope.lastIn(s.substring(0, numberStart));
    return at != null && at[0] >= from;
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
