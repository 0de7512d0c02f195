package com.regionalmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The char scans and cheap necessary conditions that replaced a regex or a substring search on the
 * hot path (issue 15) must give what the plain form gives, on texts glued at random from the pieces
 * the plain form reacts to; otherwise a match would be lost silently.
 */
class FastPathEquivalenceTest {

  private static String glue(Random random, String[] pieces, int max) {
    StringBuilder b = new StringBuilder();
    for (int k = 1 + random.nextInt(max); k > 0; k--) {
      b.append(pieces[random.nextInt(pieces.length)]);
    }
    return b.toString();
  }

  /** The regex ObservationDeduplicator.decimals used before its char scan. */
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.([0-9]+))?");

  private static int decimalsByRegex(String raw) {
    Matcher m = NUMBER.matcher(raw.replace(",", ""));
    if (!m.find()) {
      return -1;
    }
    return m.group(2) == null ? 0 : m.group(2).length();
  }

  @Test
  void decimalsScanEqualsTheRegex() {
    String[] pieces = {
      "1", "23", "0", ".", ".5", "1.25", ",", ",000", "万", "亿元", "余", "多", "-", "约", "%", "a", " "
    };
    Random random = new Random(17);
    int withDecimals = 0;
    for (int t = 0; t < 100_000; t++) {
      String raw = glue(random, pieces, 7);
      int expected = decimalsByRegex(raw);
      assertEquals(expected, ObservationDeduplicator.decimals(raw), raw);
      withDecimals += expected > 0 ? 1 : 0;
    }
    assertEquals(-1, ObservationDeduplicator.decimals(null));
    assertTrue(withDecimals > 10_000, "the texts hold decimals: " + withDecimals);
  }

  @Test
  void festivalScanEqualsIndexOf() {
    String[] pieces = {"节", "期间", "期", "间", "桃花", "节日", "春节期间", "节期间", "冰灯节", ",", "2024年"};
    Random random = new Random(18);
    int found = 0;
    for (int t = 0; t < 50_000; t++) {
      String s = glue(random, pieces, 8);
      for (int from = 0; from <= s.length(); from++) {
        int expected = s.indexOf("节期间", from);
        assertEquals(expected, WindowRule.festivalAt(s, from), s + " from " + from);
        found += expected >= 0 ? 1 : 0;
      }
    }
    assertTrue(found > 50_000, "the texts hold festivals: " + found);
  }

  @Test
  void sentenceDropMaskGivesEachItemsTextAsBefore() {
    String[] pieces = {
      "张家口市",
      "崇礼区",
      "白石山景区",
      "河北省",
      "2024年",
      "1-8月",
      "全市",
      "接待游客",
      "8.4万人次",
      ",",
      "5000万元以上",
      "项目",
      "120个",
      "增长",
      "5.1%",
      "其中",
      "北京",
      "收入",
      "4409万元",
      "。",
      "市",
      "的",
      "同比"
    };
    QuantityScanner scanner = new QuantityScanner(UnitTable.load());
    RegionResolver regions = new RegionResolver(Gazetteer.load());
    java.time.LocalDate pub = java.time.LocalDate.of(2025, 3, 1);
    Random random = new Random(20);
    int dropped = 0;
    for (int t = 0; t < 5_000; t++) {
      String s = glue(random, pieces, 10);
      java.util.List<TimeResolver.TimeExpr> times = TimeResolver.find(s, pub, null);
      java.util.List<RegionResolver.Subject> subjects =
          regions.subjects(s, regions.mentions(s), times);
      java.util.List<QuantityItem> items = new java.util.ArrayList<>();
      for (Quantity q : scanner.scan(s)) {
        items.add(new QuantityItem(q, ClauseText.clauseStart(s, q.start)));
      }
      boolean[] timeMask = ClauseText.mask(s, times);
      boolean[] drop = ClauseText.dropMask(s, timeMask, items, subjects);
      for (int from = 0; from <= s.length(); from++) {
        for (int to = from; to <= s.length(); to++) {
          String expected = ClauseText.textWithout(s, from, to, timeMask, items, subjects);
          assertEquals(expected, ClauseText.textWithout(s, from, to, drop), s);
          dropped += to - from - expected.length() > 2 ? 1 : 0;
        }
      }
    }
    assertTrue(dropped > 100_000, "the texts drop times, thresholds and subjects: " + dropped);
  }

  @Test
  void everyScopeWordStartsWithTheCharLastInChecksFirst() {
    for (String w : WholeScope.WORDS) {
      assertTrue(w.startsWith("全"), w + ": WholeScope.lastIn skips leads without 全");
    }
  }

  @Test
  void captionPreCheckAcceptsEveryCaption() {
    String[] pieces = {
      "主要货类", "吞吐量", "(", ")", "（", "）", "单位", "、", "2024年", "同比±%", "亿元", " ", "指标", "。", "万吨"
    };
    Random random = new Random(19);
    int captions = 0;
    for (int t = 0; t < 100_000; t++) {
      // half of the texts are shaped as captions: a name, then cells in parentheses
      String s =
          random.nextBoolean()
              ? glue(random, pieces, 9).strip()
              : glue(random, pieces, 2) + "(" + glue(random, pieces, 6) + ")";
      Matcher m = FlatTables.CAPTION_COLUMNS.matcher(s);
      if (m.matches() && m.group(1).indexOf('、') >= 0) {
        captions++;
        assertTrue(FlatTables.mayBeCaption(s), () -> "rejected a caption: " + s);
      }
    }
    assertTrue(captions > 500, "the texts hold captions: " + captions);
  }
}
