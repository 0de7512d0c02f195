package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.find;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fifth round of held-out weakness categories, on sentences written for these tests. */
class HeldOutRound5Test {

  // 1. container and compound speed/flow units

  @Test
  void containerAndCompoundUnits() {
    List<Observation> obs = run("2024年,唐山港集装箱吞吐量287万标准箱。张北县年均风速超过6米/秒,河流平均流量为50立方米/秒。", "2025-03-01");
    assertThat(one(obs, 2_870_000, "count").indicatorLabel()).isEqualTo("集装箱吞吐量");
    assertThat(one(obs, 6, "m/s").region()).isEqualTo("张北县");
    assertThat(one(obs, 50, "m³/s")).isNotNull();
    assertThat(find(obs, 6, "m")).isEmpty();
  }

  // 2. ranks written in Chinese numerals, with a long pool between verb and rank

  @Test
  void chineseNumeralRanks() {
    List<Observation> obs = run("2024年,唐山港集装箱吞吐量287万标准箱,居全国沿海港口第三位。", "2025-03-01");
    assertThat(one(obs, 3, "rank").indicatorLabel()).isEqualTo("集装箱吞吐量排名");
    List<Observation> b = run("2024年,张家口市数字经济规模位列全省第二。承德市空气质量综合指数排名第十二位。", "2025-03-01");
    assertThat(one(b, 2, "rank").region()).isEqualTo("张家口");
    assertThat(one(b, 12, "rank").region()).isEqualTo("承德");
    // an ordinal is not a rank
    assertThat(find(run("2024年,张家口市举办第十二届冰雪节。", "2025-03-01"), 12, "rank")).isEmpty();
  }

  // 4. a rank is labelled by the indicator of its own clause

  @Test
  void rankLabelFromItsOwnClause() {
    List<Observation> obs = run("2024年,秦皇岛市优良天数为290天,空气质量综合指数在全省11个设区市中排名第2位,在全国168个重点城市中排名第39位。", "2025-03-01");
    assertThat(one(obs, 2, "rank").indicatorLabel()).isEqualTo("空气质量综合指数排名");
    assertThat(one(obs, 39, "rank").indicatorLabel()).isEqualTo("空气质量综合指数排名");
    // without its own indicator the rank still takes the level before it
    List<Observation> b = run("2024年,秦皇岛市PM2.5平均浓度为27微克/立方米,在全省排名第1位。", "2025-03-01");
    assertThat(one(b, 1, "rank").indicatorLabel()).isEqualTo("PM2.5平均浓度排名");
    // the place and indicator before a pooled rank: 沧州市PM2.5平均浓度在全国…中排名第20位
    List<Observation> c = run("2024年,黄骅港集装箱吞吐量达到120万TEU,位居全国第十二位。沧州市PM2.5平均浓度在全国168个重点城市中排名第20位。", "2025-03-01");
    assertThat(one(c, 12, "rank").indicatorLabel()).isEqualTo("集装箱吞吐量排名");
    assertThat(one(c, 20, "rank").indicatorLabel()).isEqualTo("PM2.5平均浓度排名");
    assertThat(one(c, 20, "rank").region()).isEqualTo("沧州");
  }

  // 3. place lists in an earlier clause, autonomous counties by short name

  @Test
  void placeListBeforeTheRespectivelyClause() {
    List<Observation> obs = run("2024年,承德市空气质量持续改善。围场满族蒙古族自治县、丰宁满族自治县、隆化县,综合指数分别为2.71、2.84、2.96。", "2025-03-01");
    assertThat(one(obs, 2.71, "index").region()).isEqualTo("围场满族蒙古族自治县");
    assertThat(one(obs, 2.84, "index").region()).isEqualTo("丰宁满族自治县");
    assertThat(one(obs, 2.96, "index").region()).isEqualTo("隆化县");
    assertThat(one(obs, 2.96, "index").indicatorLabel()).isEqualTo("综合指数");
    List<Observation> b = run("2024年,张家口市空气质量持续改善。沽源县、赤城县、张北县空气质量综合指数位列全市前三,分别为2.18、2.25、2.31。", "2025-03-01");
    assertThat(one(b, 2.18, "index").region()).isEqualTo("沽源县");
    assertThat(one(b, 2.31, "index").region()).isEqualTo("张北县");
    assertThat(one(b, 2.25, "index").indicatorLabel()).isEqualTo("空气质量综合指数");
    // a list followed by its own figure is not taken by a later 分别
    List<Observation> c = run("2024年,沽源县、赤城县共接待游客300万人次,PM2.5和PM10平均浓度分别为20和40微克/立方米。", "2025-03-01");
    assertThat(one(c, 20, "μg/m³").region()).isNotEqualTo("沽源县");
  }

  @Test
  void autonomousCountiesByShortName() {
    assertThat(one(run("2024年,宽城县PM2.5平均浓度为25微克/立方米。", "2025-03-01"), 25, "μg/m³").region()).isEqualTo("宽城满族自治县");
    assertThat(one(run("2024年,围场县优良天数为300天。", "2025-03-01"), 300, "day").region()).isEqualTo("围场满族蒙古族自治县");
    assertThat(Gazetteer.autonomousShortForm("丰宁满族自治县")).isEqualTo("丰宁县");
    assertThat(Gazetteer.autonomousShortForm("宽城区")).isNull();
  }

  // 7. comparison bases and event names are not periods

  @Test
  void comparisonBasesAndEventNamesAreNotPeriods() {
    List<Observation> obs = run("2024年,张家口市可再生能源装机规模达到4000万千瓦,是2014年的近17倍。全市优良天数为300天。", "2025-03-01");
    assertThat(one(obs, 40_000_000, "kW").period().iso()).isEqualTo("2024");
    assertThat(one(obs, 300, "day").period().iso()).isEqualTo("2024");
    List<Observation> ev = run("2024年,北京2022年冬奥会遗产利用成效明显,张家口市接待游客1000万人次。全市优良天数为300天。", "2025-03-01");
    assertThat(one(ev, 10_000_000, "count").period().iso()).isEqualTo("2024");
    assertThat(one(ev, 300, "day").region()).isEqualTo("张家口");
    assertThat(one(ev, 300, "day").period().iso()).isEqualTo("2024");
    // a figure for the event's own time keeps it
    assertThat(one(run("2022年冬奥会期间,张家口市接待游客100万人次。", "2025-03-01"), 1_000_000, "count").period().iso()).isEqualTo("2022");
    List<Observation> rk = run("2024年,张家口市空气质量综合指数排名第2位,较2023年前进3位。全市优良天数为300天。", "2025-03-01");
    assertThat(one(rk, 300, "day").period().iso()).isEqualTo("2024");
  }

  // 8. places inside names

  @Test
  void placesInsideNames() {
    assertThat(one(run("2024年,北京城市副中心完成固定资产投资500亿元。", "2025-03-01"), 50_000_000_000.0, "CNY").region()).isEqualTo("通州区");
    assertThat(one(run("2024年,雄安新区建设加快,中关村科技园区雄安园入驻企业52家。", "2025-03-01"), 52, "count").region()).isEqualTo("雄安新区");
    // an airport or station named after a district serves its city; the district itself stays a district
    List<Observation> obs = run("2024年,秦皇岛市旅游持续升温,北戴河机场开通航线20条。北戴河区接待游客800万人次。", "2025-03-01");
    assertThat(one(obs, 20, "count").region()).isEqualTo("秦皇岛");
    assertThat(one(obs, 8_000_000, "count").region()).isEqualTo("北戴河区");
    // 北三县 in an article that also names 北京城市副中心 stays with 廊坊
    List<Observation> b3 = run("2024年,北京城市副中心带动廊坊北三县发展,北三县引进北京企业300家。", "2025-03-01");
    assertThat(one(b3, 300, "count").region()).isEqualTo("廊坊");
  }

  // 5. 其中 sub-items are named by their own verb

  @Test
  void subItemsKeepTheirOwnVerb() {
    List<Observation> obs = run("截至2024年底,张家口市已签约数据中心项目24个,其中建成投运13个。", "2025-03-01");
    assertThat(one(obs, 24, "count").indicatorLabel()).isEqualTo("签约数据中心项目");
    assertThat(one(obs, 13, "count").indicatorLabel()).isEqualTo("建成投运数据中心项目");
  }

  // 6. from → to with a start described in words

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

  // 9. a headline's rounded figure and the body's precise one are one observation

  @Test
  void roundedHeadlineFigureMergesWithTheBody() {
    List<Observation> obs = run("张家口市春节假期接待游客2868万人次\n2025年春节假期,张家口市接待游客2868.4万人次,同比增长12%。", "2025-03-01");
    List<Observation> visits = obs.stream().filter(o -> o.unit().equals("count")).toList();
    assertThat(visits).hasSize(1);
    assertThat(visits.get(0).value()).isEqualTo(28_684_000.0);
    // different figures of the same indicator stay apart
    List<Observation> two = run("2025年春节假期,张家口市接待游客2868.4万人次。国庆假期,张家口市接待游客2900万人次。", "2025-11-01");
    assertThat(two.stream().filter(o -> o.unit().equals("count"))).hasSize(2);
  }

  // 10. thresholds, ranges and rank pools do not make junk labels

  @Test
  void thresholdsRangesAndPools() {
    List<Observation> obs = run("2024年,张家口市要加强对35蒸吨以下燃煤锅炉的监管,全面淘汰10蒸吨及以下燃煤锅炉。", "2025-03-01");
    assertThat(obs).allSatisfy(o -> assertThat(o.indicatorLabel()).doesNotContain("加强").doesNotContain("淘汰"));
    List<Observation> range = run("2024年,张家口市新建商品住宅价格在800元至1500元之间。", "2025-03-01");
    assertThat(range).allSatisfy(o -> assertThat(o.indicatorLabel()).doesNotContain("之间"));
    assertThat(one(range, 1500, "CNY").indicatorLabel()).isEqualTo("新建商品住宅价格");
    assertThat(run("2024年,张家口市空气质量综合指数首次退出后20位。", "2025-03-01")).isEmpty();
  }
}
