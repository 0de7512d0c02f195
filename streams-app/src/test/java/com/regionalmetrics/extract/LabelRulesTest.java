package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.Qualifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a level measures (LabelRules): the noun before the number, sub-items with their own verb,
 * unitless ratios, second measures, averages. Sentences written for these tests.
 */
class LabelRulesTest {

  // 其中 sub-items are named by their own verb
  @Test
  void subItemsKeepTheirOwnVerb() {
    List<Observation> obs = run("截至2024年底,张家口市已签约数据中心项目24个,其中建成投运13个。", "2025-03-01");
    assertThat(one(obs, 24, "count").indicatorLabel()).isEqualTo("签约数据中心项目");
    assertThat(one(obs, 13, "count").indicatorLabel()).isEqualTo("建成投运数据中心项目");
  }

  // labels from the right clause; the subject of 排名
  @Test
  void labelFromTheNounBeforeTheNumberAndRankSubject() {
    List<Observation> obs = run("雄安新区已承接疏解高校4所;央企二级子公司已有30余家落地。", "2024-05-06");
    assertThat(one(obs, 30, "count").indicatorLabel()).isEqualTo("央企二级子公司");
    List<Observation> rank = run("在2023年度全国县域旅游发展指数中,涞源县排名第15位。", "2024-05-06");
    Observation r = one(rank, 15, "rank");
    assertThat(r.region()).isEqualTo("涞源县");
    assertThat(r.indicatorLabel()).contains("县域旅游发展指数");
    // the classifier's own noun still wins when it is a noun
    List<Observation> noun = run("张家口市建成12个数据中心项目。", "2024-05-06");
    assertThat(one(noun, 12, "count").indicatorLabel()).isEqualTo("数据中心项目");
  }

  // dimensionless values, second figures after a comma, quoted indicators
  @Test
  void unitlessRatiosQuotedTermsAndSecondMeasures() {
    List<Observation> obs = run("怀来县数据中心平均PUE值由2021年的1.42降至目前的1.25。", "2024-05-06");
    assertThat(one(obs, 1.42, "index").period().iso()).isEqualTo("2021");
    assertThat(one(obs, 1.25, "index").period().iso()).isEqualTo("2024-05");
    List<Observation> beds = run("崇礼区现有宾馆、民宿800余家,床位达2.4万张。", "2024-05-06");
    assertThat(one(beds, 800, "count").qualifier()).isEqualTo(Qualifier.OVER);
    assertThat(one(beds, 24_000, "count").indicatorLabel()).isEqualTo("床位");
    List<Observation> roads = run("承德市打通“断头路”“瓶颈路”35条段、1500余公里。", "2024-05-06");
    assertThat(one(roads, 35, "count").indicatorLabel()).contains("断头路瓶颈路").doesNotContain("“");
    assertThat(one(roads, 1500, "km").qualifier()).isEqualTo(Qualifier.OVER);
    // a value ending in 产值 without a unit is not an index
    assertThat(run("承德市工业总产值由2020年的100增至目前的120。", "2024-05-06")).isEmpty();
  }

  // 日均 after a figure
  @Test
  void averageAfterATotalIsItsOwnObservation() {
    List<Observation> obs = run("国庆假期,张家口市高速公路入口车流量达到205万辆次,日均29.3万辆次。", "2024-10-08");
    assertThat(one(obs, 2_050_000, "count").indicatorLabel()).contains("车流量");
    assertThat(one(obs, 293_000, "count").indicatorLabel()).isEqualTo("日均车流量");
  }

  // the value of a comparison base (较2023年的x) measures what the level before it measures
  @Test
  void comparisonBaseValueTakesTheLevelsLabel() {
    List<Observation> obs = run("2024年,宁波舟山港货物吞吐量为13.8亿吨,较2023年的13.2亿吨增长4.5%。", "2025-02-01");
    assertThat(one(obs, 1_320_000_000, "t").indicatorLabel()).isEqualTo("货物吞吐量");
    assertThat(one(obs, 1_320_000_000, "t").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 4.5, "%").indicatorLabel()).isEqualTo("货物吞吐量");
  }

  // a bare measure word after a level of the same sentence takes its subject: 大豆播种面积…,产量…
  @Test
  void bareMeasureWordTakesTheSubjectOfTheLevelBefore() {
    List<Observation> obs = run("2024年,绥化市大豆播种面积820万亩,产量98亿斤。", "2025-02-01");
    assertThat(one(obs, 4_900_000, "t").indicatorLabel()).isEqualTo("大豆产量");
    assertThat(one(obs, 4_900_000, "t").indicator()).isEqualTo("agri.soybean_output");
  }

  // a share that does not name its part (占…的比重) is the share of the level before it
  @Test
  void bareShareIsTheShareOfThePreviousLevel() {
    List<Observation> obs =
        run("2024年,海淀区数字经济增加值4100亿元,增长8.1%,占地区生产总值的比重为36.5%,比上年提高1.4个百分点。", "2025-02-01");
    assertThat(one(obs, 36.5, "%").indicatorLabel()).isEqualTo("数字经济增加值占地区生产总值的比重");
    assertThat(one(obs, 1.4, "pp").indicator()).isEqualTo(one(obs, 36.5, "%").indicator() + ".pp");
  }

  // a bare total (总数达到812家) counts what the year's additions before it count
  @Test
  void bareTotalCountsWhatTheAdditionsBeforeItCount() {
    List<Observation> obs =
        run("2024年,晋城市新认定高新技术企业98家,总数达到655家;新增市场主体2.1万户,总量达到30.4万户。", "2025-01-20");
    Observation firms = one(obs, 655, "count");
    assertThat(firms.indicatorLabel()).isEqualTo("高新技术企业总数");
    assertThat(firms.indicator()).isEqualTo("econ.high_tech_enterprises");
    assertThat(one(obs, 304_000, "count").indicatorLabel()).isEqualTo("市场主体总量");
  }
}
