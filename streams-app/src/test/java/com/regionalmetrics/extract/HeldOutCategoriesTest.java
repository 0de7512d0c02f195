package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.all;
import static com.regionalmetrics.extract.ExtractedObservations.find;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.ChangeKind;
import com.regionalmetrics.avro.Qualifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The general weaknesses a held-out evaluation found, one test per category, on sentences written
 * for these tests (no held-out or third-party text), each with a check that the rule does not fire
 * where it should not.
 */
class HeldOutCategoriesTest {

  // 1. lists of places with 分别/均为

  @Test
  void placeListsGiveOnePlacePerValue() {
    List<Observation> obs = run("2023年,承德市双桥区、双滦区和滦平县PM2.5平均浓度分别为28、31和26微克/立方米。", "2024-03-01");
    assertThat(one(obs, 28, "μg/m³").region()).isEqualTo("双桥区");
    assertThat(one(obs, 31, "μg/m³").region()).isEqualTo("双滦区");
    assertThat(one(obs, 26, "μg/m³").region()).isEqualTo("滦平县");
    assertThat(one(obs, 26, "μg/m³").indicatorLabel()).isEqualTo("PM2.5平均浓度");

    List<Observation> visits = run("端午假期,保定市接待游客210万人次,其中涞源县、易县分别接待游客23.4万人次和18.7万人次。", "2024-06-12");
    assertThat(one(visits, 234_000, "count").region()).isEqualTo("涞源县");
    assertThat(one(visits, 187_000, "count").region()).isEqualTo("易县");
    assertThat(one(visits, 187_000, "count").indicatorLabel()).contains("接待游客");
    assertThat(one(visits, 2_100_000, "count").region()).isEqualTo("保定");

    List<Observation> ports = run("2023年,秦皇岛港、天津港口货物吞吐量分别为1.9亿吨和3.3亿吨。", "2024-02-01");
    assertThat(one(ports, 190_000_000, "t").region()).isEqualTo("秦皇岛");
    assertThat(one(ports, 330_000_000, "t").region()).isEqualTo("天津");
    assertThat(one(ports, 330_000_000, "t").indicatorLabel()).isEqualTo("货物吞吐量");
  }

  @Test
  void oneValueSharedByListedPlaces() {
    List<Observation> obs = run("2023年,承德市PM2.5平均浓度为30微克/立方米。各县区中,兴隆县、滦平县最低,均为24微克/立方米。", "2024-03-01");
    List<Observation> shared = all(obs, 24, "μg/m³");
    assertThat(shared).extracting(Observation::region).containsExactlyInAnyOrder("兴隆县", "滦平县");
    assertThat(shared).allSatisfy(o -> assertThat(o.indicatorLabel()).isEqualTo("PM2.5平均浓度"));
    // the next sentence is not about the last listed place
    List<Observation> next = run("2023年,承德市PM2.5平均浓度为30微克/立方米,兴隆县、滦平县最低,均为24微克/立方米。全市优良天数为300天。", "2024-03-01");
    assertThat(one(next, 300, "day").region()).isEqualTo("承德");
    // pollutants sharing a value are not places
    List<Observation> same = run("2023年,承德市一氧化碳、臭氧浓度均达标,PM10和NO2年均浓度均为40微克/立方米。", "2024-03-01");
    assertThat(all(same, 40, "μg/m³")).allSatisfy(o -> assertThat(o.region()).isEqualTo("承德"));
  }

  // 2. a ranking pool is not the subject

  @Test
  void rankingPoolDoesNotBecomeTheSubject() {
    List<Observation> obs = run("2023年,秦皇岛市空气质量综合指数为3.85。在全省11个设区市中排名第1,PM2.5平均浓度为27微克/立方米。"
        + "优良天数为290天。", "2024-02-01");
    assertThat(one(obs, 1, "rank").region()).isEqualTo("秦皇岛");
    assertThat(one(obs, 27, "μg/m³").region()).isEqualTo("秦皇岛");
    assertThat(one(obs, 290, "day").region()).isEqualTo("秦皇岛");
    assertThat(find(obs, 11, "count")).isEmpty();
    List<Observation> counted = run("2023年,在京津冀13个城市中,廊坊市空气质量综合指数最低,为3.91。", "2024-02-01");
    assertThat(one(counted, 3.91, "index").region()).isEqualTo("廊坊");
    assertThat(one(counted, 3.91, "index").indicatorLabel()).isEqualTo("空气质量综合指数");
    assertThat(find(counted, 13, "count")).isEmpty();
    // 全省 as the subject of a figure is still the province
    List<Observation> scope = run("秦皇岛市空气质量持续改善。全省PM2.5平均浓度为38微克/立方米。", "2024-02-01");
    assertThat(one(scope, 38, "μg/m³").region()).isEqualTo("河北");
  }

  // 3. 全省 and 三地 in an article about a grouping

  @Test
  void provinceAndGroupReferencesInAGroupingArticle() {
    List<Observation> obs = run("京津冀协同发展十年来成效显著。北京、天津、河北三地产业协作不断深化。\n全省累计承接京津转入基本单位超过4.2万个。"
        + "三地医院组建了26个专科联盟。", "2024-02-26");
    assertThat(one(obs, 42_000, "count").region()).isEqualTo("河北");
    assertThat(one(obs, 26, "count").region()).isEqualTo("京津冀");
  }

  // 4. labels from the right clause; the subject of 排名

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

  // 5. dimensionless values, second figures after a comma, quoted indicators

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

  // 6. from→to with bounds and approximations

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

  // 7. a measure shared by a list of pollutants

  @Test
  void sharedMeasureIsAppendedToEachListedPollutant() {
    List<Observation> obs = run("2023年,廊坊市PM10、二氧化氮(NO2)、二氧化硫(SO2)年均浓度分别为61、29和6微克/立方米。", "2024-02-01");
    assertThat(one(obs, 61, "μg/m³").indicatorLabel()).isEqualTo("PM10年均浓度");
    assertThat(one(obs, 29, "μg/m³").indicatorLabel()).contains("年均浓度");
    assertThat(one(obs, 6, "μg/m³").indicator()).isEqualTo("air.so2");
  }

  // 8. 日均 after a figure

  @Test
  void averageAfterATotalIsItsOwnObservation() {
    List<Observation> obs = run("国庆假期,张家口市高速公路入口车流量达到205万辆次,日均29.3万辆次。", "2024-10-08");
    assertThat(one(obs, 2_050_000, "count").indicatorLabel()).contains("车流量");
    assertThat(one(obs, 293_000, "count").indicatorLabel()).isEqualTo("日均车流量");
  }

  // 9. durations that qualify a period

  @Test
  void holidayDurationsAreNarrative() {
    List<Observation> obs = run("张家口市假日市场火爆。京张高铁假期8天共发送旅客61.2万人次。连续5天,崇礼区接待游客9万人次。", "2024-10-09");
    assertThat(find(obs, 8, "day")).isEmpty();
    assertThat(find(obs, 5, "day")).isEmpty();
    assertThat(one(obs, 612_000, "count").indicatorLabel()).isEqualTo("发送旅客");
    // a count of days that is the measured figure stays
    assertThat(one(run("2023年,张家口市优良天数为310天。", "2024-02-01"), 310, "day")).isNotNull();
  }

  // 10. periods: base years, shares of a base year, cumulative since an event

  @Test
  void comparisonBaseYearsAndSinceEventPeriods() {
    List<Observation> obs = run("2023年,保定市空气质量持续改善。与2014年相比,PM2.5年均浓度由125微克/立方米降至44微克/立方米,"
        + "重污染天数由71天减少至4天。", "2024-02-01");
    assertThat(one(obs, 125, "μg/m³").period().iso()).isEqualTo("2014");
    assertThat(one(obs, 44, "μg/m³").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 71, "day").period().iso()).isEqualTo("2014");
    List<Observation> share = run("2023年,承德市旅游收入恢复至2019年的91.2%。", "2024-02-01");
    assertThat(one(share, 91.2, "%").period().iso()).isEqualTo("2023");
    List<Observation> since = run("2023年,北京市大兴区经济平稳。大兴机场投运4年多来,累计保障航班约80万架次。", "2024-03-01");
    assertThat(one(since, 800_000, "count").period().iso()).isEqualTo("2024-03");
    // the compared value right after its year keeps that year
    List<Observation> cmp = run("2023年,承德市重污染天数为2天,相较2015年的21天大幅减少。", "2024-02-01");
    assertThat(one(cmp, 21, "day").period().iso()).isEqualTo("2015");
  }

  // 11. change kinds

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
}
