package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.find;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Units the quantity scanner reads: container and compound speed/flow units. Sentences written for these tests. */
class UnitRulesTest {

  // container and compound speed/flow units
  @Test
  void containerAndCompoundUnits() {
    List<Observation> obs = run("2024年,唐山港集装箱吞吐量287万标准箱。张北县年均风速超过6米/秒,河流平均流量为50立方米/秒。", "2025-03-01");
    assertThat(one(obs, 2_870_000, "count").indicatorLabel()).isEqualTo("集装箱吞吐量");
    assertThat(one(obs, 6, "m/s").region()).isEqualTo("张北县");
    assertThat(one(obs, 50, "m³/s")).isNotNull();
    assertThat(find(obs, 6, "m")).isEmpty();
  }
}
