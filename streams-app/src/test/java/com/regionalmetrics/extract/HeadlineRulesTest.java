package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Headlines (Extractor): a rounded headline figure merges with the body's. Sentences written for
 * these tests.
 */
class HeadlineRulesTest {

  // a headline's rounded figure and the body's precise one are one observation
  @Test
  void roundedHeadlineFigureMergesWithTheBody() {
    List<Observation> obs =
        run("张家口市春节假期接待游客2868万人次\n2025年春节假期,张家口市接待游客2868.4万人次,同比增长12%。", "2025-03-01");
    List<Observation> visits = obs.stream().filter(o -> o.unit().equals("count")).toList();
    assertThat(visits).hasSize(1);
    assertThat(visits.get(0).value()).isEqualTo(28_684_000.0);
    // different figures of the same indicator stay apart
    List<Observation> two = run("2025年春节假期,张家口市接待游客2868.4万人次。国庆假期,张家口市接待游客2900万人次。", "2025-11-01");
    assertThat(two.stream().filter(o -> o.unit().equals("count"))).hasSize(2);
  }
}
