package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.ChangeKind;
import com.regionalmetrics.avro.Direction;
import com.regionalmetrics.avro.Qualifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Levels and changes (ChangeRules): change kinds and bases, from→to with described starts and bound
 * words, 新增 as a level. Sentences written for these tests.
 */
class ChangeRulesTest {

  // from → to with a start described in words
  @Test
  void fromToWithDescribedStart() {
    List<Observation> obs = run("2024年,承德市森林覆盖率由设立之初的11%提高到34.9%,优良天数为300天。", "2024-08-01");
    Observation from = one(obs, 11, "%");
    Observation to = one(obs, 34.9, "%");
    assertThat(from.indicatorLabel()).isEqualTo("森林覆盖率");
    assertThat(from.period()).isNull();
    assertThat(to.indicatorLabel()).isEqualTo("森林覆盖率");
    assertThat(to.period().iso()).isEqualTo("2024");
    assertThat(one(obs, 300, "day").indicatorLabel()).isEqualTo("优良天数");
  }

  // from→to with bounds and approximations
  @Test
  void fromToWithBoundWords() {
    List<Observation> obs = run("涿鹿县养老中心入住人数从2017年的不足800人增至目前的约4600人。", "2024-05-06");
    Observation from = one(obs, 800, "count");
    Observation to = one(obs, 4600, "count");
    assertThat(from.qualifier()).isEqualTo(Qualifier.UNDER);
    assertThat(from.period().iso()).isEqualTo("2017");
    assertThat(to.qualifier()).isEqualTo(Qualifier.APPROX);
    assertThat(to.period().iso()).isEqualTo("2024-05");
    assertThat(to.indicatorLabel()).endsWith("入住人数");
  }

  // change kinds
  @Test
  void pointBasesAndNewAdditions() {
    List<Observation> obs = run("截至6月底,承德市5G基站数量较去年底增长约12%。", "2024-07-10");
    assertThat(one(obs, 12, "%").change().getKind()).isEqualTo(ChangeKind.PCT);
    List<Observation> yoy = run("上半年,承德市接待游客同比增长12%。", "2024-07-10");
    assertThat(one(yoy, 12, "%").change().getKind()).isEqualTo(ChangeKind.YOY_PCT);
    List<Observation> added = run("2023年,张家口市风电新增410万千瓦,新增装机容量达620万千瓦。", "2024-02-01");
    Observation wind = one(added, 4_100_000, "kW");
    assertThat(wind.change()).isNull();
    assertThat(wind.indicatorLabel()).contains("新增");
    assertThat(one(added, 6_200_000, "kW").change()).isNull();
  }

  // 减产…减幅…: the change words name no measure; the changes are the level's, shown with their own
  // wording after the measure, and stay in the level's series
  @Test
  void harvestChangesBelongToTheirMeasure() {
    List<Observation> obs =
        run("2023年,宁陵县油料产量3.4万吨,比上年减产0.2万吨,减幅5.6%;小麦产量40万吨,增产1.5万吨,增幅3.9%。", "2024-03-01");
    String oil = one(obs, 34000, "t").indicator();
    Observation abs = one(obs, 2000, "t");
    assertThat(abs.indicatorLabel()).isEqualTo("油料产量比上年减产");
    assertThat(abs.indicator()).isEqualTo(oil + ".abs");
    assertThat(abs.change().getKind()).isEqualTo(ChangeKind.ABS);
    assertThat(one(obs, 5.6, "%").indicatorLabel()).isEqualTo("油料产量减幅");
    assertThat(one(obs, 5.6, "%").indicator()).isEqualTo(oil + ".yoy_pct");
    assertThat(one(obs, 5.6, "%").change().getDirection().toString()).isEqualTo("DOWN");
    assertThat(one(obs, 3.9, "%").indicatorLabel()).isEqualTo("小麦产量增幅");
    assertThat(one(obs, 15000, "t").change().getDirection().toString()).isEqualTo("UP");
    // a change whose clause names its measure is shown by that name alone
    List<Observation> own = run("2023年,宁陵县油料产量3.4万吨,油料产量同比下降5.6%。", "2024-03-01");
    assertThat(one(own, 5.6, "%").indicatorLabel()).isEqualTo("油料产量");
  }

  // two changes of different measures, same value, each in a clause of its own: not one observation
  @Test
  void changesWithTheSameWordingStayApart() {
    List<Observation> obs = run("2024年,宁陵县规上工业企业120家,比上年增加8家;高新技术企业50家,比上年增加8家。", "2025-03-01");
    assertThat(obs).filteredOn(o -> o.value() == 8).hasSize(2);
    assertThat(obs)
        .filteredOn(o -> o.value() == 8)
        .extracting(Observation::indicatorLabel)
        .containsExactlyInAnyOrder("规上工业企业比上年增加", "高新技术企业比上年增加");
  }

  // 同比增长-2.7%: a negative rise is a fall
  @Test
  void negativeGrowthIsAFall() {
    Observation o = one(run("2025年1-5月,二连浩特市口岸进口货运量612.4万吨,同比增长-2.7%。", "2025-06-15"), 2.7, "%");
    assertThat(o.change().getDirection()).isEqualTo(Direction.DOWN);
  }

  // 年均增长 names a rate over several years: it stays in the label, whole (never 生产总值年)
  @Test
  void averageAnnualGrowthKeepsItsWording() {
    List<Observation> obs = run("“十四五”以来,宁陵县地区生产总值年均增长6.4%,常住人口年平均下降0.3%。", "2025-02-10");
    Observation gdp = one(obs, 6.4, "%");
    assertThat(gdp.indicatorLabel()).isEqualTo("生产总值年均增长");
    assertThat(gdp.indicator()).isEqualTo("econ.gdp.pct");
    Observation pop = one(obs, 0.3, "%");
    assertThat(pop.indicatorLabel()).isEqualTo("常住人口年平均下降");
    assertThat(pop.change().getDirection()).isEqualTo(Direction.DOWN);
  }
}
