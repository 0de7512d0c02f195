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

  private record ExactKey(
      String region,
      String indicator,
      String period,
      double value,
      String unit,
      Object changeKind,
      Object changeDirection) {}

  /** Change kind and direction as they are (no string built per observation); period as its iso. */
  private record Key(
      String region,
      String unit,
      String period,
      boolean change,
      Object changeKind,
      Object changeDirection,
      long value) {}

  /**
   * The indicator without subject and window: one figure read twice may be named with more or less
   * context.
   */
  private static String coarse(Observation o) {
    String id = o.indicator();
    return id.indexOf('[') < 0 && id.indexOf('@') < 0
        ? id
        : MeasureId.parse(id).coarse().toString();
  }

  static List<Observation> dedupe(List<Observation> in) {
    Map<Observation, String> coarse = new java.util.IdentityHashMap<>();
    for (Observation o : in) {
      coarse.put(o, coarse(o));
    }
    Map<Key, List<Observation>> seen = new HashMap<>();
    Set<ExactKey> exact = new HashSet<>();
    // each label is compared with many others: its bigrams are computed once per article
    Map<String, int[]> bigrams = new HashMap<>();
    List<Observation> out = new ArrayList<>(in.size());
    for (Observation o : in) {
      ExactKey ex =
          new ExactKey(
              o.region(),
              coarse.get(o),
              o.period() == null ? null : o.period().iso(),
              o.value(),
              o.unit(),
              o.change() == null ? null : o.change().getKind(),
              o.change() == null ? null : o.change().getDirection());
      if (!exact.add(ex)) {
        continue;
      }
      Key k =
          new Key(
              o.region(),
              o.unit(),
              o.period() == null ? null : o.period().iso(),
              o.change() != null,
              o.change() == null ? null : o.change().getKind(),
              o.change() == null ? null : o.change().getDirection(),
              Math.round(o.value() * 1000));
      List<Observation> same = seen.computeIfAbsent(k, x -> new ArrayList<>());
      boolean dup = false;
      for (Observation p : same) {
        if (Objects.equals(coarse.get(p), coarse.get(o)) && !p.indicator().startsWith("x.")
            || similar(p.indicatorLabel(), o.indicatorLabel(), bigrams)) {
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
    return mergeRounded(out, coarse, bigrams);
  }

  /**
   * A headline's 2868万人次 and the body's 2868.4万人次 for the same indicator are one observation: same
   * region, unit and change, similar labels, periods in the same year (or one unknown), and the
   * coarser value is the finer one rounded to the coarser's digits. The more precise value is kept,
   * in the place of the first occurrence.
   */
  private static List<Observation> mergeRounded(
      List<Observation> in, Map<Observation, String> coarseIds, Map<String, int[]> bigrams) {
    List<Observation> out = new ArrayList<>(in);
    for (int i = 0; i < out.size(); i++) {
      for (int j = i + 1; j < out.size(); j++) {
        Observation a = out.get(i);
        Observation b = out.get(j);
        if (!Objects.equals(a.region(), b.region())
            || !Objects.equals(a.unit(), b.unit())
            || a.value() == b.value()
            || !sameChange(a, b)
            || !sameYear(a.period(), b.period())) {
          continue;
        }
        // the decimals (a char scan) before the labels (bigram similarity): most pairs fail here
        int da = decimals(a.rawText());
        int db = decimals(b.rawText());
        if (da == db
            || da < 0
            || db < 0
            || !(Objects.equals(coarseIds.get(a), coarseIds.get(b))
                    && !a.indicator().startsWith("x.")
                || similar(a.indicatorLabel(), b.indicatorLabel(), bigrams))) {
          continue;
        }
        Observation coarse = da < db ? a : b;
        Observation fine = da < db ? b : a;
        double scale =
            Math.abs(coarse.value()) / Math.max(1e-12, Math.abs(number(coarse.rawText())));
        double step = scale * Math.pow(10, -Math.min(da, db));
        if (Math.abs(coarse.value() - fine.value()) <= step / 2 + 1e-9 * Math.abs(fine.value())) {
          out.set(
              i,
              fine.period() == null && coarse.period() != null ? withPeriodOf(fine, coarse) : fine);
          out.remove(j);
          j--;
        }
      }
    }
    return out;
  }

  private static Observation withPeriodOf(Observation o, Observation p) {
    return new Observation(
        o.region(),
        o.regionCode(),
        o.indicator(),
        o.indicatorLabel(),
        o.value(),
        o.unit(),
        o.rawText(),
        o.qualifier(),
        p.period(),
        o.change(),
        o.evidence());
  }

  /** Same change kind and direction, or both levels (compared without building a key per pair). */
  private static boolean sameChange(Observation a, Observation b) {
    if (a.change() == null || b.change() == null) {
      return a.change() == b.change();
    }
    return Objects.equals(a.change().getKind(), b.change().getKind())
        && Objects.equals(a.change().getDirection(), b.change().getDirection());
  }

  private static boolean sameYear(Period a, Period b) {
    return a == null || b == null || a.year() == b.year();
  }

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[0-9]+(\\.([0-9]+))?");

  /**
   * Decimal digits of the first number written in raw (NUMBER after removing commas), or -1 when
   * raw has no Arabic number; a char scan, as it runs for pairs of observations.
   */
  static int decimals(String raw) {
    if (raw == null) {
      return -1;
    }
    int n = raw.length();
    int i = 0;
    while (i < n && !isDigit(raw.charAt(i))) {
      i++;
    }
    if (i == n) {
      return -1;
    }
    while (i < n && (isDigit(raw.charAt(i)) || raw.charAt(i) == ',')) {
      i++;
    }
    if (i == n || raw.charAt(i) != '.') {
      return 0;
    }
    int digits = 0;
    for (i++; i < n && (isDigit(raw.charAt(i)) || raw.charAt(i) == ','); i++) {
      digits += raw.charAt(i) == ',' ? 0 : 1;
    }
    return digits;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static double number(String raw) {
    java.util.regex.Matcher m = NUMBER.matcher(raw.replace(",", ""));
    return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
  }

  /** Containment, or character-bigram Dice of at least 0.6; bigrams: a cache by label. */
  private static boolean similar(String a, String b, Map<String, int[]> bigrams) {
    return a != null
        && b != null
        && !a.isEmpty()
        && !b.isEmpty()
        && similarity(a, b, bigrams) >= 0.6;
  }

  /** 1 when one label contains the other, else their character-bigram Dice coefficient. */
  static double similarity(String a, String b) {
    return similarity(a, b, new HashMap<>());
  }

  private static double similarity(String a, String b, Map<String, int[]> bigrams) {
    if (a.contains(b) || b.contains(a)) {
      return 1;
    }
    int[] x = bigrams.computeIfAbsent(a, ObservationDeduplicator::bigrams);
    int[] y = bigrams.computeIfAbsent(b, ObservationDeduplicator::bigrams);
    int common = 0;
    for (int i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (x.length + y.length);
  }

  /** The distinct character bigrams of s (two chars in one int), sorted; s itself if shorter. */
  private static int[] bigrams(String s) {
    if (s.length() < 2) {
      return new int[] {s.isEmpty() ? -1 : s.charAt(0)};
    }
    int[] r = new int[s.length() - 1];
    for (int i = 0; i + 1 < s.length(); i++) {
      r[i] = s.charAt(i) << 16 | s.charAt(i + 1);
    }
    java.util.Arrays.sort(r);
    int n = 1;
    for (int i = 1; i < r.length; i++) {
      if (r[i] != r[n - 1]) {
        r[n++] = r[i];
      }
    }
    return n == r.length ? r : java.util.Arrays.copyOf(r, n);
  }
}
