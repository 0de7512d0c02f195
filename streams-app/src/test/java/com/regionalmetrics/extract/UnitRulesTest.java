package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.find;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Units the quantity scanner reads: container and compound speed/flow units. Sentences written for
 * these tests.
 */
class UnitRulesTest {

  // container and compound speed/flow units
  @Test
  void containerAndCompoundUnits() {
    List<Observation> obs =
        run("2024年,唐山港集装箱吞吐量287万标准箱。张北县年均风速超过6米/秒,河流平均流量为50立方米/秒。", "2025-03-01");
    assertThat(one(obs, 2_870_000, "TEU").indicatorLabel()).isEqualTo("集装箱吞吐量");
    assertThat(one(obs, 6, "m/s").region()).isEqualTo("张北县");
    assertThat(one(obs, 50, "m³/s")).isNotNull();
    assertThat(find(obs, 6, "m")).isEmpty();
  }

  // ratios written as a bare number: an index, and their changes too
  @Test
  void bareRatiosAreIndices() {
    List<Observation> obs = run("2024年,安平县城乡居民收入比为1.49,比上年缩小0.03;户籍人口性别比为104.2。", "2025-02-01");
    assertThat(one(obs, 1.49, "index").indicatorLabel()).isEqualTo("城乡居民收入比");
    assertThat(one(obs, 0.03, "index").change()).isNotNull();
    assertThat(one(obs, 104.2, "index").indicator()).startsWith("pop.sex_ratio");
  }

  // water and CO concentrations, local currencies, prices per kg, 公吨, volumes in m3, 个标准箱
  @Test
  void concentrationsCurrenciesAndVolumes() {
    List<Observation> obs =
        run(
            "2024年,丽水市瓯江断面氨氮年均浓度为0.31mg/L,叶绿素a浓度为6.2微克/升;一氧化碳浓度为0.9mg/m³。"
                + "丽水市一氧化碳平均浓度为1.1毫克/立方米。"
                + "丽水市水库蓄水量3.2亿立方米,茶青收购价18元/斤,铁路货运量约120万公吨。",
            "2025-02-01");
    assertThat(one(obs, 0.31, "mg/L")).isNotNull();
    assertThat(one(obs, 6.2, "μg/L")).isNotNull();
    assertThat(one(obs, 0.9, "mg/m³")).isNotNull();
    // as written, as mg/m³ is (not 1100 μg/m³), and the catalog's CO series is in mg/m³
    assertThat(one(obs, 1.1, "mg/m³").indicator()).isEqualTo("air.co");
    assertThat(one(obs, 320_000_000, "m3")).isNotNull();
    assertThat(one(obs, 36, "CNY/kg")).isNotNull();
    assertThat(one(obs, 1_200_000, "t")).isNotNull();
    List<Observation> hk =
        run("2024年,香港港口货柜吞吐量为1,200万个标准箱,按年下跌3.1%;酒店平均房价为1,500澳门元。", "2025-01-20");
    assertThat(one(hk, 12_000_000, "TEU").indicatorLabel()).contains("吞吐量");
    assertThat(one(hk, 3.1, "%").change().getDirection().toString()).isEqualTo("DOWN");
    assertThat(one(hk, 1500, "MOP")).isNotNull();
  }

  // negative values: a minus sign after a word, 零下
  @Test
  void negativeValues() {
    List<Observation> obs = run("2024年,鹤岗市人口自然增长率为-3.6‰,1月最低气温-31℃。", "2025-03-01");
    assertThat(one(obs, -3.6, "‰").indicatorLabel()).isEqualTo("人口自然增长率");
    assertThat(one(obs, -31, "°C")).isNotNull();
  }

  // per-mu yields: 每亩X公斤, 公斤/亩, and the change right after a yield
  @Test
  void perMuYieldsAndTheirChanges() {
    List<Observation> obs =
        run("2024年,邢台市棉花单产每亩118公斤,比上年提高4公斤。全市玉米单位面积产量6600公斤/公顷(440公斤/亩)。", "2025-03-01");
    assertThat(one(obs, 118, "kg/mu")).isNotNull();
    assertThat(one(obs, 4, "kg/mu").change()).isNotNull();
    assertThat(one(obs, 440, "kg/mu")).isNotNull();
    assertThat(one(obs, 6600, "kg/ha")).isNotNull();
  }

  // 吉瓦时 and 太瓦时 are energy (kWh), not power
  @Test
  void gigawattHoursAreEnergy() {
    List<Observation> obs = run("2024年,宜春市锂电池产量85.6吉瓦时,全社会用电量0.32太瓦时。", "2025-02-01");
    assertThat(one(obs, 85_600_000, "kWh")).isNotNull();
    assertThat(one(obs, 320_000_000, "kWh")).isNotNull();
  }
}
