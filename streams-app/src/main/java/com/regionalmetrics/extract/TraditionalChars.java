package com.regionalmetrics.extract;

import com.hankcs.hanlp.HanLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A character of every entry of HanLP's traditional-to-simplified dictionary that changes the text:
 * a line holding none of them is left unchanged by the conversion, which then need not run (most
 * articles are simplified; converting them whole cost ~5 % of extraction).
 */
final class TraditionalChars {
  private static final Logger LOG = LoggerFactory.getLogger(TraditionalChars.class);

  /** The dictionary HanLP's TraditionalChineseDictionary loads (key=value per line). */
  static final String DICTIONARY = HanLP.Config.tcDictionaryRoot + "t2s.txt";

  /** Null when the dictionary could not be read: then every text is converted. */
  private static final BitSet MARKERS = load();

  private TraditionalChars() {}

  /**
   * Index of the first character at or after {@code from} that an entry changing the text holds, or
   * -1: a text (or a line: no entry spans a line break) without one is left unchanged by the
   * conversion. {@code from} when the dictionary could not be read.
   */
  static int indexOfMarker(String s, int from) {
    if (MARKERS == null) {
      return from < s.length() ? from : -1;
    }
    for (int i = from, n = s.length(); i < n; i++) {
      if (MARKERS.get(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static BitSet load() {
    try (InputStream in = com.hankcs.hanlp.corpus.io.IOUtil.newInputStream(DICTIONARY)) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      java.util.List<String[]> longer = new java.util.ArrayList<>();
      BitSet markers = new BitSet(1 << 16);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int eq = line.indexOf('=');
        String key = eq <= 0 ? "" : line.substring(0, eq);
        String value = eq <= 0 ? "" : line.substring(eq + 1);
        if (key.equals(value)) {
          continue; // an entry that maps a word to itself changes nothing
        }
        if (key.length() == 1) {
          markers.set(key.charAt(0)); // a traditional-only character
        } else {
          longer.add(new String[] {key, value});
        }
      }
      // a longer entry needs one of its characters in the set: a traditional one if it has one,
      // else the first one it changes (明瞭 → 明了: 瞭), so that common characters stay out
      for (String[] e : longer) {
        String key = e[0];
        int mark = -1;
        for (int i = 0; i < key.length() && mark < 0; i++) {
          mark = markers.get(key.charAt(i)) ? i : -1;
        }
        for (int i = 0; i < key.length() && mark < 0; i++) {
          mark = i >= e[1].length() || key.charAt(i) != e[1].charAt(i) ? i : -1;
        }
        markers.set(key.charAt(Math.max(mark, 0)));
      }
      return markers;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read {}: every text is converted to simplified script", DICTIONARY, e);
      return null;
    }
  }
}
