package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.find;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ranks (RankRules): Chinese-numeral ranks, the rank label from its own clause, the ranking pool is
 * not the subject. Sentences written for these tests.
 */
class RankRulesTest {

  // ranks written in Chinese numerals, with a long pool between verb and rank
  @Test
  void chineseNumeralRanks() {
    List<Observation> obs = run("2024年,唐山港集装箱吞吐量287万标准箱,居全国沿海港口第三位。", "2025-03-01");
    assertThat(one(obs, 3, "rank").indicatorLabel()).isEqualTo("集装箱吞吐量全国排名");
    List<Observation> b = run("2024年,张家口市数字经济规模位列全省第二。承德市空气质量综合指数排名第十二位。", "2025-03-01");
    assertThat(one(b, 2, "rank").region()).isEqualTo("张家口");
    assertThat(one(b, 12, "rank").region()).isEqualTo("承德");
    // an ordinal is not a rank
    assertThat(find(run("2024年,张家口市举办第十二届冰雪节。", "2025-03-01"), 12, "rank")).isEmpty();
  }

  // a rank is labelled by the indicator of its own clause
  @Test
  void rankLabelFromItsOwnClause() {
    List<Observation> obs =
        run("2024年,秦皇岛市优良天数为290天,空气质量综合指数在全省11个设区市中排名第2位,在全国168个重点城市中排名第39位。", "2025-03-01");
    assertThat(one(obs, 2, "rank").indicatorLabel()).isEqualTo("空气质量综合指数全省排名");
    assertThat(one(obs, 39, "rank").indicatorLabel()).isEqualTo("空气质量综合指数全国排名");
    // without its own indicator the rank still takes the level before it
    List<Observation> b = run("2024年,秦皇岛市PM2.5平均浓度为27微克/立方米,在全省排名第1位。", "2025-03-01");
    assertThat(one(b, 1, "rank").indicatorLabel()).isEqualTo("PM2.5平均浓度全省排名");
    // the place and indicator before a pooled rank: 沧州市PM2.5平均浓度在全国…中排名第20位
    List<Observation> c =
        run("2024年,黄骅港集装箱吞吐量达到120万TEU,位居全国第十二位。沧州市PM2.5平均浓度在全国168个重点城市中排名第20位。", "2025-03-01");
    assertThat(one(c, 12, "rank").indicatorLabel()).isEqualTo("集装箱吞吐量全国排名");
    assertThat(one(c, 20, "rank").indicatorLabel()).isEqualTo("PM2.5平均浓度全国排名");
    assertThat(one(c, 20, "rank").region()).isEqualTo("沧州");
  }

  // a ranking pool is not the subject
  @Test
  void rankingPoolDoesNotBecomeTheSubject() {
    List<Observation> obs =
        run(
            "2023年,秦皇岛市空气质量综合指数为3.85。在全省11个设区市中排名第1,PM2.5平均浓度为27微克/立方米。" + "优良天数为290天。",
            "2024-02-01");
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

  // the pool's scope goes into the rank's label: a province rank and a national rank are two
  // measures
  @Test
  void poolScopeNamesTheRank() {
    List<Observation> obs = run("2024年,周口市小麦产量位居全省第2位,在全国排名第15位。", "2025-03-01");
    assertThat(one(obs, 2, "rank").indicatorLabel()).isEqualTo("小麦产量全省排名");
    assertThat(one(obs, 15, "rank").indicatorLabel()).isEqualTo("小麦产量全国排名");
    assertThat(one(obs, 2, "rank").indicator()).isNotEqualTo(one(obs, 15, "rank").indicator());
  }
}
