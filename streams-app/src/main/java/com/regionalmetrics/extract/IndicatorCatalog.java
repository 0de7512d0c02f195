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

  /**
   * The same ranks by the first two characters (c1 << 16 | c2, sorted, for a binary search), and
   * those of one-character aliases by their character: a label position is tried only against the
   * aliases that can start there (a list scan per position cost ~5 % of extraction).
   */
  private final int[] pairKeys;

  private final int[][] ranksByPair;
  private final CharMap<int[]> singleCharRanks;

  /** First characters of the aliases, and characters that are aliases: most positions fail here. */
  private final java.util.BitSet firstChars = new java.util.BitSet(1 << 16);

  private final java.util.BitSet singleChars = new java.util.BitSet(1 << 16);

  /**
   * The first two characters of the aliases, hashed (as in RegionTrie): a pair not set starts no
   * alias of two or more characters, and the binary search over pairKeys is skipped.
   */
  private final java.util.BitSet pairFilter = new java.util.BitSet(1 << 18);

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
    java.util.TreeMap<Integer, List<Integer>> byPair = new java.util.TreeMap<>();
    java.util.Map<Character, List<Integer>> singles = new java.util.HashMap<>();
    for (int r = 0; r < as.size(); r++) {
      String t = as.get(r).text();
      if (t.length() >= 2) {
        firstChars.set(t.charAt(0));
        byPair.computeIfAbsent(pairKey(t.charAt(0), t.charAt(1)), k -> new ArrayList<>()).add(r);
        pairFilter.set(pairHash(t.charAt(0), t.charAt(1)));
      } else if (t.length() == 1) {
        firstChars.set(t.charAt(0));
        singleChars.set(t.charAt(0));
        singles.computeIfAbsent(t.charAt(0), k -> new ArrayList<>()).add(r);
      }
    }
    pairKeys = byPair.keySet().stream().mapToInt(Integer::intValue).toArray();
    ranksByPair =
        byPair.values().stream()
            .map(v -> v.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    java.util.Map<Character, int[]> singleRanks = new java.util.HashMap<>();
    singles.forEach((k, v) -> singleRanks.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    singleCharRanks = new CharMap<>(singleRanks);
  }

  private static int pairKey(char a, char b) {
    return (a << 16) | b;
  }

  private static int pairHash(char a, char b) {
    return (pairKey(a, b) * 0x9E3779B1) >>> 14; // 18 bits
  }

  /**
   * Rank of the first alias (longest first) of at least {@code minLen} characters that occurs at
   * {@code i} with an agreeing unit, or -1: tried are only the aliases starting with the two
   * characters there, then those of one character (all longer aliases rank before them).
   */
  private int firstAliasAt(String label, int i, String unit, int minLen) {
    if (!firstChars.get(label.charAt(i))) {
      return -1;
    }
    if (i + 1 < label.length() && pairFilter.get(pairHash(label.charAt(i), label.charAt(i + 1)))) {
      int p =
          java.util.Arrays.binarySearch(pairKeys, pairKey(label.charAt(i), label.charAt(i + 1)));
      int r = p < 0 ? -1 : firstIn(ranksByPair[p], label, i, unit, minLen);
      if (r >= 0) {
        return r;
      }
    }
    int[] single = singleChars.get(label.charAt(i)) ? singleCharRanks.get(label.charAt(i)) : null;
    return single == null ? -1 : firstIn(single, label, i, unit, minLen);
  }

  private int firstIn(int[] ranks, String label, int i, String unit, int minLen) {
    for (int r : ranks) {
      Alias a = aliases.get(r);
      if (a.text().length() < minLen) {
        return -1; // ranks are ascending, lengths descending
      }
      // the unit first: the alias shares its first two characters with the label, so startsWith
      // compares further, and most aliases of a pair fail on the unit
      if ((unit == null || unit.equals(a.indicator().unit())) && label.startsWith(a.text(), i)) {
        return r;
      }
    }
    return -1;
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
      int r = firstAliasAt(label, i, unit, bestLen);
      if (r < 0) {
        continue;
      }
      int len = aliases.get(r).text().length();
      if (len > bestLen || i > bestAt) {
        bestRank = r;
        bestLen = len;
        bestAt = i;
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
