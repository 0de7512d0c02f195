package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** find() is linear in the text length: compare two sizes rather than asserting on seconds. */
class GazetteerScalingTest {

  private static String text(int chars) {
    String unit = "张家口市崇礼区今年接待游客增长，河北省和北京市协同推进京津冀大气治理，两种方案大同小异。";
    StringBuilder sb = new StringBuilder(chars + unit.length());
    while (sb.length() < chars) {
      sb.append(unit);
    }
    sb.setLength(chars);
    return sb.toString();
  }

  private static long bestNanos(Gazetteer g, String text, int rounds) {
    return CpuTimer.bestNanos(() -> assertThat(g.find(text)).isNotEmpty(), rounds);
  }

  @Test
  void oneMegabyteInLinearTime() {
    Gazetteer g = Gazetteer.load();
    String small = text(128 * 1024);
    String large = text(1024 * 1024);
    bestNanos(g, small, 20); // warm up (JIT) on both sizes before measuring
    bestNanos(g, large, 5);
    long tSmall = bestNanos(g, small, 9);
    long tLarge = bestNanos(g, large, 9);
    double ratio = (double) tLarge / Math.max(1, tSmall);
    // 8x the text: linear gives ~8 (about 100 M chars/s when warm); the bound is generous
    // against noise on shared cores, and still half of what quadratic time would give (64).
    assertThat(ratio).as("time ratio for 8x text").isLessThan(32.0);
  }
}
