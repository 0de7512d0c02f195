package com.regionalmetrics.extract;

import java.util.Arrays;

/**
 * A character trie with one open-addressing table for all edges ((node, char) -> child), so a
 * longest-match probe costs a few array reads per character and allocates nothing.
 */
final class RegionTrie {

  private long[] edgeKeys = new long[1 << 16];
  private int[] edgeChild = new int[1 << 16];
  private int edges;
  private int[] value = new int[1 << 12]; // key index at a node, -1 when no key ends there
  private int nodes = 1;

  /** First characters of the keys: most text positions start none, and skip the hashed probe. */
  private final java.util.BitSet firstChars = new java.util.BitSet();

  /**
   * The first two characters of the keys, hashed into a small bit set (fits in cache, unlike the
   * edge table): most positions that pass {@link #firstChars} fail here without a probe.
   */
  private final java.util.BitSet firstPairs = new java.util.BitSet(PAIR_BITS);

  private static final int PAIR_BITS = 1 << 18;

  /** Characters that are keys on their own: a position they start needs the probe anyway. */
  private final java.util.BitSet singleCharKeys = new java.util.BitSet();

  RegionTrie() {
    Arrays.fill(edgeKeys, -1L);
    Arrays.fill(value, -1);
  }

  void add(String key, int keyIndex) {
    if (!key.isEmpty()) {
      firstChars.set(key.charAt(0));
    }
    if (key.length() == 1) {
      singleCharKeys.set(key.charAt(0));
    } else if (key.length() > 1) {
      firstPairs.set(pair(key.charAt(0), key.charAt(1)));
    }
    int node = 0;
    for (int i = 0; i < key.length(); i++) {
      int child = child(node, key.charAt(i));
      if (child < 0) {
        child = newNode();
        put(node, key.charAt(i), child);
      }
      node = child;
    }
    value[node] = keyIndex;
  }

  /** Longest key starting at {@code start}: (end << 32) | keyIndex, or -1 when none. */
  long longestAt(CharSequence text, int start) {
    if (start >= text.length() || !firstChars.get(text.charAt(start))) {
      return -1;
    }
    if (start + 1 < text.length()
        && !firstPairs.get(pair(text.charAt(start), text.charAt(start + 1)))
        && !singleCharKeys.get(text.charAt(start))) {
      return -1;
    }
    int node = 0;
    long best = -1;
    for (int i = start, n = text.length(); i < n; i++) {
      node = child(node, text.charAt(i));
      if (node < 0) {
        break;
      }
      if (value[node] >= 0) {
        best = ((long) (i + 1) << 32) | value[node];
      }
    }
    return best;
  }

  private int newNode() {
    if (nodes == value.length) {
      int old = value.length;
      value = Arrays.copyOf(value, old * 2);
      Arrays.fill(value, old, value.length, -1);
    }
    return nodes++;
  }

  private static int pair(char a, char b) {
    return (((a << 16) | b) * 0x9E3779B1) >>> 14; // 18 bits
  }

  private static long edge(int node, char c) {
    return ((long) node << 16) | c;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  private int child(int node, char c) {
    long k = edge(node, c);
    int mask = edgeKeys.length - 1;
    for (int s = slot(k, mask); ; s = (s + 1) & mask) {
      long e = edgeKeys[s];
      if (e == k) {
        return edgeChild[s];
      }
      if (e == -1L) {
        return -1;
      }
    }
  }

  private void put(int node, char c, int child) {
    if ((edges + 1) * 2 > edgeKeys.length) {
      grow();
    }
    long k = edge(node, c);
    int mask = edgeKeys.length - 1;
    int s = slot(k, mask);
    while (edgeKeys[s] != -1L) {
      s = (s + 1) & mask;
    }
    edgeKeys[s] = k;
    edgeChild[s] = child;
    edges++;
  }

  private void grow() {
    long[] oldKeys = edgeKeys;
    int[] oldChild = edgeChild;
    edgeKeys = new long[oldKeys.length * 2];
    edgeChild = new int[oldKeys.length * 2];
    Arrays.fill(edgeKeys, -1L);
    int mask = edgeKeys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1L) {
        int s = slot(oldKeys[i], mask);
        while (edgeKeys[s] != -1L) {
          s = (s + 1) & mask;
        }
        edgeKeys[s] = oldKeys[i];
        edgeChild[s] = oldChild[i];
      }
    }
  }
}
