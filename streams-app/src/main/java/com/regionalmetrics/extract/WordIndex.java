package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list indexed by first and by last character, keeping the list's order: the words that can
 * start (or end) at a position are found with one map lookup instead of a scan of the list.
 */
final class WordIndex {

  private static final String[] NONE = new String[0];

  private final CharMap<String[]> byFirst;
  private final CharMap<String[]> byLast;
  private final CharMap<String[]> byLastLongestFirst;

  WordIndex(String... words) {
    Map<Character, String[]> last = index(words, false);
    Map<Character, String[]> lastLongestFirst = new HashMap<>();
    last.forEach(
        (k, v) -> {
          String[] sorted = v.clone();
          java.util.Arrays.sort(
              sorted, (a, b) -> b.length() - a.length()); // stable: list order among equals
          lastLongestFirst.put(k, sorted);
        });
    byFirst = new CharMap<>(index(words, true));
    byLast = new CharMap<>(last);
    byLastLongestFirst = new CharMap<>(lastLongestFirst);
  }

  /** The words that end with c, longest first (list order among words of one length). */
  String[] longestFirstEndingWith(char c) {
    String[] r = byLastLongestFirst.get(c);
    return r == null ? NONE : r;
  }

  private static Map<Character, String[]> index(String[] words, boolean first) {
    Map<Character, List<String>> m = new HashMap<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        m.computeIfAbsent(first ? w.charAt(0) : w.charAt(w.length() - 1), k -> new ArrayList<>())
            .add(w);
      }
    }
    Map<Character, String[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.toArray(NONE)));
    return out;
  }

  /** The words, in list order, that start with c. */
  String[] startingWith(char c) {
    String[] r = byFirst.get(c);
    return r == null ? NONE : r;
  }

  /** The words, in list order, that end with c. */
  String[] endingWith(char c) {
    String[] r = byLast.get(c);
    return r == null ? NONE : r;
  }

  /** The first word of the list that occurs in s at i, or null. */
  String at(String s, int i) {
    if (i >= s.length()) {
      return null;
    }
    for (String w : startingWith(s.charAt(i))) {
      if (s.startsWith(w, i)) {
        return w;
      }
    }
    return null;
  }

  /** The first word of the list that s ends with, or null. */
  String suffixOf(String s) {
    if (s.isEmpty()) {
      return null;
    }
    for (String w : endingWith(s.charAt(s.length() - 1))) {
      if (s.endsWith(w)) {
        return w;
      }
    }
    return null;
  }
}
