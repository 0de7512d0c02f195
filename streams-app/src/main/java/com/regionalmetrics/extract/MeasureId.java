package com.regionalmetrics.extract;

import java.util.Objects;
import java.util.Set;

/**
 * Which series an observation belongs to: {@code base[subject].kind@window} (docs/indicators.md).
 * Two observations of one region are one series exactly when their measure ids are equal.
 *
 * @param base catalog id ({@code air.pm25}) or derived id ({@code x.…}) of what is measured
 * @param subject normalised narrower subject (a facility, route, scenic spot, sub-item), or null
 * @param kind a change or derived figure of the level ({@code yoy_pct}, {@code rank_change}), or
 *     null for the level
 * @param window accumulation window when not a year or a stock ({@code month}, {@code quarter},
 *     {@code ytd}), or null
 */
public record MeasureId(String base, String subject, String kind, String window) {

  /**
   * Kinds the extractor appends to a base id; parsing needs them to tell a kind from a base's own
   * dots.
   */
  public static final Set<String> KINDS =
      Set.of("yoy_pct", "pct", "abs", "pp", "mom_pct", "rank_change", "target");

  /** A kind: one of {@link #KINDS}, or a target for a year ({@code target_2027}). */
  public static boolean isKind(String k) {
    if (KINDS.contains(k)) {
      return true;
    }
    if (k.length() != 11 || !k.startsWith("target_")) {
      return false;
    }
    for (int i = 7; i < 11; i++) {
      if (!Character.isDigit(k.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The series without its subject and window: what the extractor called the indicator before
   * series identity.
   */
  public MeasureId coarse() {
    return subject == null && window == null ? this : new MeasureId(base, null, kind, null);
  }

  public MeasureId {
    Objects.requireNonNull(base, "base");
    subject = blankToNull(subject);
    kind = blankToNull(kind);
    window = blankToNull(window);
  }

  public static MeasureId of(String base) {
    return new MeasureId(base, null, null, null);
  }

  /**
   * Reads an id written by {@link #toString()}; ids of older events (a bare catalog id) parse as a
   * base.
   */
  public static MeasureId parse(String id) {
    String rest = id;
    String window = null;
    int at = rest.lastIndexOf('@');
    if (at > 0 && rest.indexOf(']', at) < 0) {
      window = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    // kinds may chain (yoy_pct.target_2027): peel known kinds off the end
    String kind = null;
    int dot = rest.lastIndexOf('.');
    while (dot > 0 && isKind(rest.substring(dot + 1)) && rest.indexOf(']', dot) < 0) {
      kind = kind == null ? rest.substring(dot + 1) : rest.substring(dot + 1) + "." + kind;
      rest = rest.substring(0, dot);
      dot = rest.lastIndexOf('.');
    }
    String subject = null;
    int open = rest.indexOf('[');
    if (open > 0 && rest.endsWith("]")) {
      subject = rest.substring(open + 1, rest.length() - 1);
      rest = rest.substring(0, open);
    }
    return new MeasureId(rest, subject, kind, window);
  }

  public MeasureId withSubject(String s) {
    return new MeasureId(base, s, kind, window);
  }

  public MeasureId withKind(String k) {
    return new MeasureId(base, subject, k, window);
  }

  public MeasureId withWindow(String w) {
    return new MeasureId(base, subject, kind, w);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(base);
    if (subject != null) {
      b.append('[').append(subject).append(']');
    }
    if (kind != null) {
      b.append('.').append(kind);
    }
    if (window != null) {
      b.append('@').append(window);
    }
    return b.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
