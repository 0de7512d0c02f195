package com.regionalmetrics.extract;

import java.util.List;

/**
 * Clause and text helpers of the sentence reader: clause bounds, masking time expressions,
 * word-list tests.
 */
final class ClauseText {
  private ClauseText() {}

  static boolean[] mask(String s, List<TimeResolver.TimeExpr> times) {
    boolean[] m = new boolean[s.length() + 1];
    for (TimeResolver.TimeExpr t : times) {
      for (int k = t.start(); k < t.end() && k < s.length(); k++) {
        m[k] = true;
      }
    }
    return m;
  }

  static String stripMasked(String part, int offset, boolean[] mask) {
    StringBuilder b = new StringBuilder(part.length());
    for (int k = 0; k < part.length(); k++) {
      if (!mask[offset + k]) {
        b.append(part.charAt(k));
      }
    }
    return b.toString();
  }

  /**
   * Text between from and to without time expressions, threshold quantities and subject regions.
   */
  static String textWithout(
      String s,
      int from,
      int to,
      boolean[] timeMask,
      List<QuantityItem> items,
      List<RegionResolver.Subject> subjects) {
    if (to <= from) {
      return "";
    }
    boolean[] drop = new boolean[to - from];
    for (int k = from; k < to; k++) {
      drop[k - from] = timeMask[k];
    }
    for (QuantityItem it : items) {
      if (it.q.threshold) {
        for (int k = Math.max(from, it.q.start); k < Math.min(to, it.q.end); k++) {
          drop[k - from] = true;
        }
      }
    }
    for (RegionResolver.Subject sub : subjects) {
      if (Math.max(from, sub.start()) >= Math.min(to, sub.end())) {
        continue; // outside the text: nothing to drop (checked first, the landmark lookup costs
        // more)
      }
      if (sub.end() <= s.length()
          && Gazetteer.load().isLandmark(s.substring(sub.start(), sub.end()))) {
        continue; // 白石山景区接待游客: the spot's own figure
      }
      for (int k = Math.max(from, sub.start()); k < Math.min(to, sub.end()); k++) {
        drop[k - from] = true;
      }
    }
    return kept(s, from, to, drop, from);
  }

  /**
   * What {@link #textWithout} drops, for the whole sentence: computed once per sentence when every
   * item's text is wanted, instead of once per item.
   */
  static boolean[] dropMask(
      String s,
      boolean[] timeMask,
      List<QuantityItem> items,
      List<RegionResolver.Subject> subjects) {
    int n = s.length();
    boolean[] drop = new boolean[n];
    System.arraycopy(timeMask, 0, drop, 0, n);
    for (QuantityItem it : items) {
      if (it.q.threshold) {
        for (int k = Math.max(0, it.q.start); k < Math.min(n, it.q.end); k++) {
          drop[k] = true;
        }
      }
    }
    for (RegionResolver.Subject sub : subjects) {
      if (Math.max(0, sub.start()) >= Math.min(n, sub.end())) {
        continue;
      }
      if (sub.end() <= n && Gazetteer.load().isLandmark(s.substring(sub.start(), sub.end()))) {
        continue; // 白石山景区接待游客: the spot's own figure
      }
      for (int k = Math.max(0, sub.start()); k < Math.min(n, sub.end()); k++) {
        drop[k] = true;
      }
    }
    return drop;
  }

  /** {@link #textWithout} with the sentence's {@link #dropMask}. */
  static String textWithout(String s, int from, int to, boolean[] sentenceDrop) {
    if (to <= from) {
      return "";
    }
    return kept(s, from, to, sentenceDrop, 0);
  }

  /** s[from, to) without the dropped characters (drop[k - offset]), stripped, no leading suffix. */
  private static String kept(String s, int from, int to, boolean[] drop, int offset) {
    StringBuilder b = new StringBuilder(to - from);
    for (int k = from; k < to; k++) {
      if (!drop[k - offset]) {
        b.append(s.charAt(k));
      }
    }
    // region suffixes left behind (张家口市 → 市) at the start
    String t = b.toString().strip();
    if (startsWithAny(t, Lexicon.REGION_SUFFIXES)) {
      t = t.substring(1);
    }
    return t;
  }

  static int clauseStart(String s, int pos) {
    int k = pos - 1;
    while (k >= 0) {
      char c = s.charAt(k);
      if (c == '”') {
        int open = quotedTermStart(s, k);
        if (open >= 0) {
          k = open - 1; // 打通“断头路”“瓶颈路”40条段: a quoted term is part of the clause
          continue;
        }
      }
      if (c == ',' || c == ';' || c == ':' || c == '。' || c == '!' || c == '?' || c == '“'
          || c == '”' || c == '"' || c == '【' || c == '】' || c == ' ') {
        return k + 1;
      }
      k--;
    }
    return 0;
  }

  /** The index of the “ opening a short quoted term that ends at {@code close}, or -1. */
  static int quotedTermStart(String s, int close) {
    for (int k = close - 1; k >= 0 && close - k <= 10; k--) {
      char c = s.charAt(k);
      if (c == '“') {
        return k < close - 1 ? k : -1;
      }
      if (",;:。!?“”\"【】 ".indexOf(c) >= 0 || Character.isDigit(c)) {
        return -1;
      }
    }
    return -1;
  }

  /** 增至目前的约 → 增至目前的: drops one bound or approximation word at the end. */
  static String stripBound(String b) {
    String w = BOUND_INDEX.suffixOf(b);
    return w == null ? b : b.substring(0, b.length() - w.length());
  }

  /** Lexicon.BOUND_WORDS by last character (the first word in list order wins, as in a scan). */
  static final WordIndex BOUND_INDEX = new WordIndex(Lexicon.BOUND_WORDS);

  static String stripTrailingQualifiers(String b) {
    String t = b.strip();
    if (t.isEmpty() || TRAILING_QUALIFIER_ENDS.indexOf(t.charAt(t.length() - 1)) < 0) {
      return t; // no qualifier can end here: skips the list scan for most texts
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String w : Lexicon.TRAILING_QUALIFIERS) {
        if (t.endsWith(w) && t.length() > 0) {
          t = t.substring(0, t.length() - w.length());
          changed = true;
        }
      }
    }
    return t;
  }

  /** The last characters of Lexicon.TRAILING_QUALIFIERS. */
  private static final String TRAILING_QUALIFIER_ENDS = lastChars(Lexicon.TRAILING_QUALIFIERS);

  private static String lastChars(String[] words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.append(w.charAt(w.length() - 1));
    }
    return b.toString();
  }

  static boolean endsWithAny(String s, String[] words) {
    for (String w : words) {
      if (s.endsWith(w)) {
        return true;
      }
    }
    return false;
  }

  static int indexOfAny(String s, String... words) {
    int best = -1;
    for (String w : words) {
      int i = s.lastIndexOf(w);
      if (i > best) {
        best = i;
      }
    }
    return best;
  }

  static double round(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    if (Math.abs(v) >= 1e9) {
      return Math.rint(v);
    }
    return Math.round(v * 1e6) / 1e6;
  }

  static boolean startsWithAny(String s, String[] words) {
    for (String w : words) {
      if (s.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  static boolean equalsAny(String s, String[] words) {
    for (String w : words) {
      if (s.equals(w)) {
        return true;
      }
    }
    return false;
  }
}
