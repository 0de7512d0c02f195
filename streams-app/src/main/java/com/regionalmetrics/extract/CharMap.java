package com.regionalmetrics.extract;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable map from a character to a value, for word lists indexed by first or last character:
 * a binary search over the sorted keys. {@code HashMap<Character, …>} boxed the character of every
 * text position looked up, which cost ~4 % of extraction.
 */
final class CharMap<V> {
  private final char[] keys;
  private final Object[] values;

  /** The keys as a set: most characters looked up are no key, and a bit test rules them out. */
  private final java.util.BitSet present = new java.util.BitSet();

  CharMap(Map<Character, V> map) {
    keys = new char[map.size()];
    int n = 0;
    for (char c : map.keySet()) {
      keys[n++] = c;
    }
    Arrays.sort(keys);
    values = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      values[i] = map.get(keys[i]);
      present.set(keys[i]);
    }
  }

  /** The value of c, or null. */
  @SuppressWarnings("unchecked")
  V get(char c) {
    if (!present.get(c)) {
      return null;
    }
    int i = Arrays.binarySearch(keys, c);
    return i < 0 ? null : (V) values[i];
  }
}
