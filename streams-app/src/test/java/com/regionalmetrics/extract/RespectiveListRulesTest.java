package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.all;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists (RespectiveListRules): 分别 lists of places and subjects, one value shared by listed places,
 * a measure shared by listed pollutants. Sentences written for these tests.
 */
class RespectiveListRulesTest {

  // place lists in an earlier clause, autonomous counties by short name
  @Test
  void placeListBeforeTheRespectivelyClause() {
    List<Observation> obs =
        run("2024年,承德市空气质量持续改善。围场满族蒙古族自治县、丰宁满族自治县、隆化县,综合指数分别为2.71、2.84、2.96。", "2025-03-01");
    assertThat(one(obs, 2.71, "index").region()).isEqualTo("围场满族蒙古族自治县");
    assertThat(one(obs, 2.84, "index").region()).isEqualTo("丰宁满族自治县");
    assertThat(one(obs, 2.96, "index").region()).isEqualTo("隆化县");
    assertThat(one(obs, 2.96, "index").indicatorLabel()).isEqualTo("综合指数");
    List<Observation> b =
        run("2024年,张家口市空气质量持续改善。沽源县、赤城县、张北县空气质量综合指数位列全市前三,分别为2.18、2.25、2.31。", "2025-03-01");
    assertThat(one(b, 2.18, "index").region()).isEqualTo("沽源县");
    assertThat(one(b, 2.31, "index").region()).isEqualTo("张北县");
    assertThat(one(b, 2.25, "index").indicatorLabel()).isEqualTo("空气质量综合指数");
    // a list followed by its own figure is not taken by a later 分别
    List<Observation> c =
        run("2024年,沽源县、赤城县共接待游客300万人次,PM2.5和PM10平均浓度分别为20和40微克/立方米。", "2025-03-01");
    assertThat(one(c, 20, "μg/m³").indicator()).isEqualTo("air.pm25");
    assertThat(one(c, 40, "μg/m³").indicator()).isEqualTo("air.pm10");
  }

  // lists of places with 分别/均为
  @Test
  void placeListsGiveOnePlacePerValue() {
    List<Observation> obs = run("2023年,承德市双桥区、双滦区和滦平县PM2.5平均浓度分别为28、31和26微克/立方米。", "2024-03-01");
    assertThat(one(obs, 28, "μg/m³").region()).isEqualTo("双桥区");
    assertThat(one(obs, 31, "μg/m³").region()).isEqualTo("双滦区");
    assertThat(one(obs, 26, "μg/m³").region()).isEqualTo("滦平县");
    assertThat(one(obs, 26, "μg/m³").indicatorLabel()).isEqualTo("PM2.5平均浓度");

    List<Observation> visits =
        run("端午假期,保定市接待游客210万人次,其中涞源县、易县分别接待游客23.4万人次和18.7万人次。", "2024-06-12");
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
    List<Observation> obs =
        run("2023年,承德市PM2.5平均浓度为30微克/立方米。各县区中,兴隆县、滦平县最低,均为24微克/立方米。", "2024-03-01");
    List<Observation> shared = all(obs, 24, "μg/m³");
    assertThat(shared).extracting(Observation::region).containsExactlyInAnyOrder("兴隆县", "滦平县");
    assertThat(shared).allSatisfy(o -> assertThat(o.indicatorLabel()).isEqualTo("PM2.5平均浓度"));
    // the next sentence is not about the last listed place
    List<Observation> next =
        run("2023年,承德市PM2.5平均浓度为30微克/立方米,兴隆县、滦平县最低,均为24微克/立方米。全市优良天数为300天。", "2024-03-01");
    assertThat(one(next, 300, "day").region()).isEqualTo("承德");
    // pollutants sharing a value are not places
    List<Observation> same = run("2023年,承德市一氧化碳、臭氧浓度均达标,PM10和NO2年均浓度均为40微克/立方米。", "2024-03-01");
    // known miss: NO2 is not yet an observation of its own (PM10 and NO2 share one, air.pm10[NO2])
    assertThat(all(same, 40, "μg/m³")).extracting(Observation::region).containsExactly("承德");
  }

  // a measure shared by a list of pollutants
  @Test
  void sharedMeasureIsAppendedToEachListedPollutant() {
    List<Observation> obs =
        run("2023年,廊坊市PM10、二氧化氮(NO2)、二氧化硫(SO2)年均浓度分别为61、29和6微克/立方米。", "2024-02-01");
    assertThat(one(obs, 61, "μg/m³").indicatorLabel()).isEqualTo("PM10年均浓度");
    assertThat(one(obs, 29, "μg/m³").indicatorLabel()).contains("年均浓度");
    assertThat(one(obs, 6, "μg/m³").indicator()).isEqualTo("air.so2");
  }

  // a 分别 list of changes with their own verbs (增长…、下降…和增长…) pairs with the levels before it, in
  // order
  @Test
  void respectiveChangesWithTheirOwnVerbs() {
    List<Observation> obs =
        run("2024年,温州市进口额820亿元,出口额2100亿元,服务贸易额300亿元,分别增长2.5%、下降0.8%和增长6.1%。", "2025-03-01");
    assertThat(one(obs, 2.5, "%").indicatorLabel()).isEqualTo("进口额");
    assertThat(one(obs, 0.8, "%").indicatorLabel()).isEqualTo("出口额");
    assertThat(one(obs, 0.8, "%").change().getDirection().toString()).isEqualTo("DOWN");
    assertThat(one(obs, 6.1, "%").indicatorLabel()).isEqualTo("服务贸易额");
  }

  // a list of times before 分别: each member takes its own period and the shared measure
  @Test
  void respectiveListOfTimes() {
    List<Observation> obs = run("2024年,黄山市旅游持续升温,4月、5月分别接待游客610.2万人次、702.5万人次。", "2024-06-20");
    assertThat(one(obs, 6_102_000, "count").period().iso()).isEqualTo("2024-04");
    assertThat(one(obs, 7_025_000, "count").period().iso()).isEqualTo("2024-05");
    assertThat(one(obs, 7_025_000, "count").indicatorLabel()).isEqualTo("接待游客");
  }

  // a remark in parentheses after a listed place is not the measure
  @Test
  void parenthesisAfterAListedPlaceIsNotTheLabel() {
    List<Observation> obs = run("国庆假期,黄山区、歙县(徽州古城)分别接待游客52.1万人次、60.3万人次。", "2024-10-09");
    assertThat(one(obs, 603_000, "count").indicatorLabel()).isEqualTo("接待游客");
    assertThat(one(obs, 603_000, "count").region()).isEqualTo("歙县");
  }

  // 持平 holds a place in a 分别 list of changes; μg/m³ and mg/m³ are members of one list of levels
  @Test
  void flatChangesHoldTheirPlaceInAList() {
    List<Observation> obs =
        run(
            "2024年,衡水市二氧化硫、二氧化氮、一氧化碳、臭氧浓度分别为8μg/m³、26μg/m³、1.2mg/m³、178μg/m³,"
                + "同比分别下降11.1%、上升3.8%、持平、下降2.7%。",
            "2025-02-01");
    assertThat(one(obs, 8, "μg/m³").indicator()).isEqualTo("air.so2");
    assertThat(one(obs, 1.2, "mg/m³").indicatorLabel()).isEqualTo("一氧化碳");
    assertThat(one(obs, 178, "μg/m³").indicator()).isEqualTo("air.o3");
    assertThat(one(obs, 11.1, "%").indicator()).isEqualTo("air.so2.yoy_pct");
    assertThat(one(obs, 3.8, "%").indicator()).isEqualTo("air.no2.yoy_pct");
    assertThat(one(obs, 2.7, "%").indicator()).isEqualTo("air.o3.yoy_pct");
    // the flat slot last, after the names of a second list
    List<Observation> b =
        run(
            "2024年,衡水市PM10、O3、NO2、SO2平均浓度分别为70μg/m³、180μg/m³、30μg/m³和9μg/m³,"
                + "与上年相比,PM10、O3、NO2、SO2浓度分别下降4.1%、上升2.2%、下降3.3%、持平。",
            "2025-02-01");
    assertThat(one(b, 4.1, "%").indicator()).isEqualTo("air.pm10.yoy_pct");
    assertThat(one(b, 2.2, "%").indicator()).isEqualTo("air.o3.yoy_pct");
    assertThat(one(b, 3.3, "%").indicator()).isEqualTo("air.no2.yoy_pct");
  }

  // 依次 is 分别: one value per item named before it, capacities in 万吨/年
  @Test
  void respectivelyWrittenAsYiCi() {
    List<Observation> obs = run("2024年,衡水市钢材、水泥、玻璃产能依次为120万吨/年、80万吨/年和15万吨/年。", "2025-02-01");
    assertThat(one(obs, 1_200_000, "t/year").indicatorLabel()).startsWith("钢材");
    assertThat(one(obs, 800_000, "t/year").indicatorLabel()).startsWith("水泥");
    assertThat(one(obs, 150_000, "t/year").indicatorLabel()).startsWith("玻璃");
  }
}
