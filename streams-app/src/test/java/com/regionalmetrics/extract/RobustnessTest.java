package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Never throws, and work grows linearly with input size. */
class RobustnessTest {

  private static final Extractor EX = Extractor.strict();

  @Property(tries = 300)
  void neverThrowsOnAnyString(@ForAll String text) {
    assertThat(EX.extract(text, Instant.parse("2024-03-01T00:00:00Z"), null)).isNotNull();
  }

  @Property(tries = 300)
  void neverThrowsOnNumberSoup(@ForAll("soup") String text) {
    assertThat(EX.extract(text, null, null)).isNotNull();
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.strings()
        .withChars("0123456789.,、万亿千百十一二两七成%年月日第从至降增同比约近余多以上下内个家人次天(zàié)PM承德市张家口县区 \n。;")
        .ofMaxLength(400);
  }

  @Test
  void binaryNoiseAndHugeInput() {
    Random r = new Random(7);
    byte[] b = new byte[200_000];
    r.nextBytes(b);
    String noise =
        new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
            + new String(b, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(EX.extract(noise, null, null)).isNotNull();
    String big = "承德市接待游客53.2万人次,同比增长25.8%,".repeat(40_000); // ~1 MB, one sentence
    assertThat(EX.extract(big, null, null)).isNotNull();
  }

  @Test
  void timeGrowsLinearly() {
    String unit =
        "2014年以来,承德市空气质量综合指数从5.09降至2024年的2.66,建成23个蔬菜基地,PM2.5(xì)浓度35微克/立方米,"
            + "分别为61、26和3微克/立方米;联系电话0313-2051987。\n";
    String small = unit.repeat(200);
    String large = unit.repeat(1600);
    for (int i = 0; i < 3; i++) {
      EX.extract(small, null, null); // warm-up
    }
    long ts = best(small);
    long tl = best(large);
    // 8x the input may cost at most ~8x the time; allow generous noise (no absolute seconds
    // asserted)
    assertThat((double) tl / ts).isLessThan(8 * 3.0);
  }

  private static long best(String text) {
    return CpuTimer.bestNanos(
        () -> EX.extract(text, Instant.parse("2024-03-01T00:00:00Z"), null), 5);
  }
}
