package com.regionalmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RegionTrie rules positions out by their first character and their first two characters before it
 * probes the edge table; a filter that rejected a position where a key starts would lose a place
 * name. Checked against a plain longest match over a map of the keys.
 */
class RegionTrieTest {

  private static long plainLongestAt(
      Map<String, Integer> keys, int maxLen, String text, int start) {
    for (int end = Math.min(text.length(), start + maxLen); end > start; end--) {
      Integer k = keys.get(text.substring(start, end));
      if (k != null) {
        return ((long) end << 32) | k;
      }
    }
    return -1;
  }

  @Test
  void sameLongestMatchesAsAPlainScan() {
    Random rnd = new Random(16);
    // a small alphabet of CJK and ASCII characters, so that keys share prefixes and pairs collide
    String alphabet = "张家口市崇礼区河北省石门县中国北京天津冀a1";
    for (int round = 0; round < 50; round++) {
      RegionTrie trie = new RegionTrie();
      Map<String, Integer> keys = new HashMap<>();
      int maxLen = 0;
      for (int k = 0; k < 1 + rnd.nextInt(60); k++) {
        StringBuilder b = new StringBuilder();
        for (int len = 1 + rnd.nextInt(round % 5 == 0 ? 2 : 6); len > 0; len--) {
          b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        String key = b.toString();
        if (!keys.containsKey(key)) {
          keys.put(key, keys.size());
          trie.add(key, keys.get(key));
          maxLen = Math.max(maxLen, key.length());
        }
      }
      StringBuilder t = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        t.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String text = t.toString();
      for (int i = 0; i <= text.length(); i++) {
        assertEquals(
            plainLongestAt(keys, maxLen, text, i),
            trie.longestAt(text, i),
            "round " + round + " at " + i);
      }
    }
  }
}
