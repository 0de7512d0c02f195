package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The indicator catalog (resource extract/indicators.tsv): ids, labels, aliases, units. */
public final class IndicatorCatalog {

  /** One catalogued indicator. */
  public record Indicator(
      String id, String label, String category, String unit, List<String> aliases) {}

  private record Alias(String text, Indicator indicator) {}

  private final List<Indicator> indicators;
  private final List<Alias> aliases; // longest first

  /** Ranks (positions in {@link #aliases}, ascending) of the aliases starting with a character. */
  private final CharMap<int[]> ranksByFirstChar;

  private IndicatorCatalog(List<Indicator> indicators) {
    this.indicators = List.copyOf(indicators);
    List<Alias> as = new ArrayList<>();
    for (Indicator ind : indicators) {
      for (String a : ind.aliases()) {
        as.add(new Alias(a, ind));
      }
    }
    as.sort(Comparator.comparingInt((Alias a) -> a.text().length()).reversed());
    this.aliases = List.copyOf(as);
    java.util.Map<Character, List<Integer>> m = new java.util.HashMap<>();
    for (int r = 0; r < as.size(); r++) {
      String t = as.get(r).text();
      if (!t.isEmpty()) {
        m.computeIfAbsent(t.charAt(0), k -> new ArrayList<>()).add(r);
      }
    }
    java.util.Map<Character, int[]> ranks = new java.util.HashMap<>();
    m.forEach((k, v) -> ranks.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    ranksByFirstChar = new CharMap<>(ranks);
  }

  public static IndicatorCatalog load() {
    List<Indicator> list = new ArrayList<>();
    for (String[] f : TsvResource.rows("/extract/indicators.tsv", 5)) {
      List<String> al = new ArrayList<>();
      al.add(f[1]);
      for (String a : f[4].split("\\|")) {
        if (!a.isBlank() && !al.contains(a.strip())) {
          al.add(a.strip());
        }
      }
      list.add(new Indicator(f[0], f[1], f[2], f[3], List.copyOf(al)));
    }
    return new IndicatorCatalog(list);
  }

  public List<Indicator> indicators() {
    return indicators;
  }

  /** Where an alias of an indicator occurs in a label: [start, end). */
  public record Match(Indicator indicator, int start, int end) {}

  /**
   * The indicator whose longest alias occurs in the label and whose unit agrees ({@code unit} null
   * = any unit, for relative changes).
   */
  public Optional<Indicator> match(String label, String unit) {
    return matchAlias(label, unit).map(Match::indicator);
  }

  /**
   * The longest alias that occurs in the label with an agreeing unit, and where: among aliases of
   * equal length the rightmost wins (a Chinese noun phrase ends in its head: 滑雪场接待滑雪者 counts
   * skiers), then the one listed first; and an alias right after it that ends the label wins over
   * it.
   */
  public Optional<Match> matchAlias(String label, String unit) {
    if (label == null || label.isEmpty()) {
      return Optional.empty();
    }
    // per start position, the first alias of the longest-first list that occurs there (its smallest
    // rank); the best is the longest, then the rightmost
    int bestRank = -1;
    int bestLen = 0;
    int bestAt = -1;
    for (int i = 0; i < label.length(); i++) {
      int[] ranks = ranksByFirstChar.get(label.charAt(i));
      if (ranks == null) {
        continue;
      }
      for (int r : ranks) {
        Alias a = aliases.get(r);
        int len = a.text().length();
        if (len < bestLen) {
          break; // ranks are ascending, lengths descending
        }
        if (label.startsWith(a.text(), i) && (unit == null || unit.equals(a.indicator().unit()))) {
          if (len > bestLen || i > bestAt) {
            bestRank = r;
            bestLen = len;
            bestAt = i;
          }
          break;
        }
      }
    }
    if (bestRank < 0) {
      return Optional.empty();
    }
    // a catalogued noun right after it that ends the label is the head, the match only its
    // modifier: 医疗卫生机构|床位 counts beds
    int end = bestAt + bestLen;
    int[] ranks = end < label.length() ? ranksByFirstChar.get(label.charAt(end)) : null;
    if (ranks != null) {
      for (int r : ranks) {
        Alias a = aliases.get(r);
        if (end + a.text().length() == label.length()
            && label.startsWith(a.text(), end)
            && (unit == null || unit.equals(a.indicator().unit()))) {
          return Optional.of(new Match(a.indicator(), end, label.length()));
        }
      }
    }
    return Optional.of(new Match(aliases.get(bestRank).indicator(), bestAt, end));
  }

  /** Length of the longest alias the label starts with (二氧化硫年均浓度 → 4), 0 when none. */
  int aliasPrefixLength(String label) {
    if (label == null || label.isEmpty()) {
      return 0;
    }
    int[] ranks = ranksByFirstChar.get(label.charAt(0));
    if (ranks == null) {
      return 0;
    }
    for (int r : ranks) {
      String a = aliases.get(r).text();
      if (label.startsWith(a)) {
        return a.length();
      }
    }
    return 0;
  }

  /** Derived id for an uncatalogued quantity: "x." + label without '|', '/', whitespace. */
  public static String derivedId(String label) {
    boolean clean = true;
    for (int i = 0; i < label.length() && clean; i++) {
      char c = label.charAt(i);
      clean = c != '|' && c != '/' && !Character.isWhitespace(c);
    }
    if (clean) {
      return "x." + label;
    }
    StringBuilder b = new StringBuilder("x.");
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c != '|' && c != '/' && !Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
