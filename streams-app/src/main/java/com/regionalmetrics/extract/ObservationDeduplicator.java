package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The same figure repeated in one article is one observation (a lead paragraph that repeats the
 * body, 2423多亿元 and later 2423亿元): same region, unit, period, change and value, and the same
 * indicator or labels that overlap strongly. The first occurrence is kept.
 */
final class ObservationDeduplicator {

  private ObservationDeduplicator() {}

  private record ExactKey(String region, String indicator, String period, double value, String unit, Object changeKind,
      Object changeDirection) {}

  private record Key(String region, String unit, String period, String change, long value) {}

  static List<Observation> dedupe(List<Observation> in) {
    Map<Key, List<Observation>> seen = new HashMap<>();
    Set<ExactKey> exact = new HashSet<>();
    List<Observation> out = new ArrayList<>(in.size());
    for (Observation o : in) {
      ExactKey ex = new ExactKey(o.region(), o.indicator(), o.period() == null ? null : o.period().iso(), o.value(), o.unit(),
          o.change() == null ? null : o.change().getKind(), o.change() == null ? null : o.change().getDirection());
      if (!exact.add(ex)) {
        continue;
      }
      Key k = new Key(o.region(), o.unit(), String.valueOf(o.period()),
          o.change() == null ? "" : o.change().getKind() + "/" + o.change().getDirection(),
          Math.round(o.value() * 1000));
      List<Observation> same = seen.computeIfAbsent(k, x -> new ArrayList<>());
      boolean dup = false;
      for (Observation p : same) {
        if (Objects.equals(p.indicator(), o.indicator()) && !p.indicator().startsWith("x.")
            || similar(p.indicatorLabel(), o.indicatorLabel())) {
          dup = true;
          break;
        }
      }
      if (dup) {
        continue;
      }
      same.add(o);
      out.add(o);
    }
    return out;
  }

  /** Containment, or character-bigram Dice of at least 0.6. */
  static boolean similar(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return false;
    }
    if (a.contains(b) || b.contains(a)) {
      return true;
    }
    Set<String> x = bigrams(a);
    Set<String> y = bigrams(b);
    int common = 0;
    for (String g : x) {
      if (y.contains(g)) {
        common++;
      }
    }
    return 2.0 * common / (x.size() + y.size()) >= 0.6;
  }

  private static Set<String> bigrams(String s) {
    Set<String> r = new HashSet<>();
    for (int i = 0; i + 1 < s.length(); i++) {
      r.add(s.substring(i, i + 2));
    }
    if (r.isEmpty()) {
      r.add(s);
    }
    return r;
  }
}
