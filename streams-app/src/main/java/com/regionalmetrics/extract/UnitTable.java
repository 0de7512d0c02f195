package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The unit table (resource extract/units.tsv): surface forms with canonical unit and factor. */
public final class UnitTable {

  /** One surface form of a unit. */
  public record Unit(
      String surface, String unit, double factor, String dimension, String kind, String notBefore) {
    public boolean isCount() {
      return "count".equals(unit);
    }

    public boolean isClassifier() {
      return "classifier".equals(kind) || "noun".equals(kind);
    }
  }

  /** A unit found in text: the unit and where it ends. */
  public record Match(Unit unit, int end) {}

  /** Magnitude words that multiply the number (万, 亿, 万亿, 千万, 百万). */
  private static final String[] MAGNITUDES = {"万亿", "千万", "百万", "亿", "万", "千"};

  private static final double[] MAGNITUDE_VALUES = {1e12, 1e7, 1e6, 1e8, 1e4, 1e3};

  private final CharMap<List<Unit>> byFirstChar;

  private UnitTable(List<Unit> units) {
    Map<Character, List<Unit>> lists = new HashMap<>();
    for (Unit u : units) {
      lists.computeIfAbsent(u.surface().charAt(0), k -> new ArrayList<>()).add(u);
    }
    for (List<Unit> l : lists.values()) {
      l.sort(Comparator.comparingInt((Unit u) -> u.surface().length()).reversed());
    }
    byFirstChar = new CharMap<>(lists);
  }

  public static UnitTable load() {
    List<Unit> units = new ArrayList<>();
    for (String[] f : TsvResource.rows("/extract/units.tsv", 5)) {
      units.add(
          new Unit(f[0], f[1], Double.parseDouble(f[2]), f[3], f[4], f.length > 5 ? f[5] : ""));
    }
    return new UnitTable(units);
  }

  /** The longest unit whose surface starts at {@code pos}, honouring not_before; or null. */
  public Match unitAt(String s, int pos) {
    if (pos >= s.length()) {
      return null;
    }
    List<Unit> cands = byFirstChar.get(s.charAt(pos));
    if (cands == null) {
      return null;
    }
    for (Unit u : cands) {
      if (!s.startsWith(u.surface(), pos)) {
        continue;
      }
      int end = pos + u.surface().length();
      if (end < s.length()) {
        char next = s.charAt(end);
        if (u.notBefore().indexOf(next) >= 0) {
          continue;
        }
        // ASCII units must end at a word boundary (2.91万P, not 5G or 3Pro)
        char last = u.surface().charAt(u.surface().length() - 1);
        if (isAsciiLetter(last) && (isAsciiLetter(next) || Character.isDigit(next))) {
          continue;
        }
      }
      return new Match(u, end);
    }
    return null;
  }

  /** Magnitude word at pos: returns {factor, length} or null. */
  public static double[] magnitudeAt(String s, int pos) {
    for (int i = 0; i < MAGNITUDES.length; i++) {
      if (s.startsWith(MAGNITUDES[i], pos)) {
        return new double[] {MAGNITUDE_VALUES[i], MAGNITUDES[i].length()};
      }
    }
    return null;
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
