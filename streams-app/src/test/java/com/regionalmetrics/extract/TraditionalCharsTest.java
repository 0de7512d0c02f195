package com.regionalmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.HanLP;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TextNormalizer skips HanLP's conversion when {@link TraditionalChars#indexOfMarker} finds nothing
 * in a line; if that were ever wrong (another HanLP version, another dictionary), a traditional
 * article would be read unconverted. Checked against HanLP itself.
 */
class TraditionalCharsTest {

  private static List<String[]> entries() throws Exception {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                com.hankcs.hanlp.corpus.io.IOUtil.newInputStream(TraditionalChars.DICTIONARY),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          out.add(new String[] {line.substring(0, eq), line.substring(eq + 1)});
        }
      }
    }
    return out;
  }

  @Test
  void everyEntryThatChangesItsTextIsFlagged() throws Exception {
    List<String[]> es = entries();
    assertTrue(es.size() > 4000, "the dictionary was read: " + es.size());
    for (String[] e : es) {
      if (!HanLP.convertToSimplifiedChinese(e[0]).equals(e[0])) {
        assertTrue(TraditionalChars.indexOfMarker(e[0], 0) >= 0, e[0]);
      }
    }
    assertTrue(TraditionalChars.indexOfMarker("京津冀協同發展", 0) >= 0);
    assertTrue(TraditionalChars.indexOfMarker("2024年,张家口市地区生产总值增长5.1%。", 0) < 0);
  }

  /**
   * Texts glued at random from the unflagged parts of every dictionary key (so all the phrases
   * HanLP knows, short of their flagged characters) and everyday simplified words: HanLP leaves
   * each unchanged, and the line-by-line conversion agrees with HanLP's of the whole text on texts
   * with flagged characters too.
   */
  @Test
  void textsWithoutFlaggedCharactersAreUnchangedByHanLp() throws Exception {
    List<String> pieces =
        new ArrayList<>(
            List.of("地区生产总值", "同比增长", "2024年", "万吨", "乾", "干", "了", "么", "后", "里", "\n", "\n"));
    List<String> flagged = new ArrayList<>();
    for (String[] e : entries()) {
      StringBuilder run = new StringBuilder();
      for (char c : e[0].toCharArray()) {
        if (TraditionalChars.indexOfMarker(String.valueOf(c), 0) >= 0) {
          flagged.add(String.valueOf(c));
          pieces.add(run.toString());
          run.setLength(0);
        } else {
          run.append(c);
        }
      }
      pieces.add(run.toString());
    }
    Random rnd = new Random(15);
    int skipped = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + rnd.nextInt(12); k > 0; k--) {
        b.append(pieces.get(rnd.nextInt(pieces.size())));
        if (t % 2 == 1 && rnd.nextInt(8) == 0) {
          b.append(flagged.get(rnd.nextInt(flagged.size())));
        }
      }
      String s = b.toString();
      if (TraditionalChars.indexOfMarker(s, 0) < 0) {
        skipped++;
        assertEquals(s, HanLP.convertToSimplifiedChinese(s), s);
      }
      assertEquals(HanLP.convertToSimplifiedChinese(s), TextNormalizer.toSimplified(s), s);
    }
    assertTrue(skipped > 10_000, "most texts took the skip: " + skipped);
  }
}
