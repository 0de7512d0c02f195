package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.find;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbers that are no figure (StatementRules): thresholds, ranges, pools, holiday durations.
 * Sentences written for these tests.
 */
class StatementRulesTest {

  // thresholds, ranges and rank pools do not make junk labels
  @Test
  void thresholdsRangesAndPools() {
    List<Observation> obs = run("2024年,张家口市要加强对35蒸吨以下燃煤锅炉的监管,全面淘汰10蒸吨及以下燃煤锅炉。", "2025-03-01");
    assertThat(obs).as("thresholds are no figures").isEmpty();
    List<Observation> range = run("2024年,张家口市新建商品住宅价格在800元至1500元之间。", "2025-03-01");
    assertThat(range).extracting(Observation::value).containsExactlyInAnyOrder(800.0, 1500.0);
    assertThat(range).allSatisfy(o -> assertThat(o.indicatorLabel()).doesNotContain("之间"));
    assertThat(one(range, 1500, "CNY").indicatorLabel()).isEqualTo("新建商品住宅价格");
    assertThat(run("2024年,张家口市空气质量综合指数首次退出后20位。", "2025-03-01")).isEmpty();
  }

  // durations that qualify a period
  @Test
  void holidayDurationsAreNarrative() {
    List<Observation> obs = run("张家口市假日市场火爆。京张高铁假期8天共发送旅客61.2万人次。连续5天,崇礼区接待游客9万人次。", "2024-10-09");
    assertThat(find(obs, 8, "day")).isEmpty();
    assertThat(find(obs, 5, "day")).isEmpty();
    assertThat(one(obs, 612_000, "count").indicatorLabel()).isEqualTo("发送旅客");
    // a count of days that is the measured figure stays
    assertThat(one(run("2023年,张家口市优良天数为310天。", "2024-02-01"), 310, "day")).isNotNull();
  }

  // a figure restated in parentheses in another unit of the same dimension is one figure
  @Test
  void parenthesisedRestatementInAnotherUnitIsOneFigure() {
    List<Observation> obs = run("2024年,衡水市小麦播种面积380千公顷(570万亩),比上年增加2千公顷(3万亩)。", "2025-03-01");
    assertThat(obs.stream().filter(o -> o.unit().equals("ha"))).hasSize(2);
    assertThat(one(obs, 380_000, "ha").change()).isNull();
    assertThat(one(obs, 2_000, "ha").change()).isNotNull();
  }

  // equivalences (相当于…) and the clauses after them are not observations; a share of a base year is
  @Test
  void equivalencesAreNotObservations() {
    List<Observation> obs =
        run("2024年,酒泉市风电发电量达到300亿千瓦时,相当于节约标准煤900万吨,减排二氧化碳2400万吨。", "2025-03-01");
    assertThat(one(obs, 30_000_000_000L, "kWh")).isNotNull();
    assertThat(find(obs, 9_000_000, "t")).isEmpty();
    assertThat(find(obs, 24_000_000, "t")).isEmpty();
    List<Observation> share = run("2024年,酒泉市接待游客2000万人次,相当于2019年同期的112%。", "2025-03-01");
    assertThat(one(share, 112, "%")).isNotNull();
  }

  // the bound of a streak (连续N年稳定在x以上) and a target compared with (低于x的控制目标) are no figures
  @Test
  void streakBoundsAndTargetReferencesAreNoFigures() {
    List<Observation> obs =
        run(
            "2024年,黑河市粮食总产量达到120亿斤,连续6年稳定在100亿斤以上;生猪存栏120万头只,连续3年保持在100万头只以上。"
                + "全市城镇调查失业率为4.6%,低于5.5%的控制目标。",
            "2025-02-01");
    assertThat(one(obs, 6_000_000, "t")).isNotNull();
    assertThat(find(obs, 5_000_000, "t")).isEmpty();
    assertThat(one(obs, 1_200_000, "count")).isNotNull();
    assertThat(find(obs, 1_000_000, "count")).isEmpty();
    assertThat(one(obs, 4.6, "%")).isNotNull();
    assertThat(find(obs, 5.5, "%")).isEmpty();
  }

  // a unit defined by another (1亩约合666.7平方米) states no figure; the area beside it does
  @Test
  void unitDefinitionsAreNoFigures() {
    List<Observation> obs = run("2024年,林芝市青稞播种面积30万亩(1亩约合666.7平方米),当地1克约合1亩。", "2025-02-01");
    assertThat(one(obs, 20_000, "ha")).isNotNull();
    assertThat(obs).hasSize(1);
  }
}
