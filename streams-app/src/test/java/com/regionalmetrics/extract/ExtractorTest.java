package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.ChangeKind;
import com.regionalmetrics.avro.Direction;
import com.regionalmetrics.avro.Qualifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sentences written for these tests (no third-party article text). */
class ExtractorTest {

  private static final Extractor EX = Extractor.strict();

  private static Instant day(String iso) {
    return LocalDate.parse(iso).atTime(10, 0).atZone(Period.ZONE).toInstant();
  }

  private static List<Observation> run(String text, String published) {
    return EX.extract(text, published == null ? null : day(published), null);
  }

  private static Optional<Observation> find(List<Observation> obs, double value, String unit) {
    return obs.stream()
        .filter(
            o -> Math.abs(o.value() - value) < 1e-6 * Math.max(1, value) && o.unit().equals(unit))
        .findFirst();
  }

  private static Observation one(List<Observation> obs, double value, String unit) {
    return find(obs, value, unit)
        .orElseThrow(() -> new AssertionError("no " + value + " " + unit + " in " + obs));
  }

  @Test
  void fromToGivesTwoObservationsWithTheirOwnYears() {
    List<Observation> obs =
        run(
            "2015年以来,承德市空气质量综合指数从6.12降至2023年的3.05," + "细颗粒物(PM2.5)平均浓度从48微克/立方米降至27微克/立方米。",
            "2024-03-01");
    Observation from = one(obs, 6.12, "index");
    Observation to = one(obs, 3.05, "index");
    assertThat(from.period().iso()).isEqualTo("2015");
    assertThat(to.period().iso()).isEqualTo("2023");
    assertThat(from.indicator()).isEqualTo("air.aqi_composite");
    assertThat(from.indicatorLabel()).isEqualTo("空气质量综合指数");
    assertThat(from.region()).isEqualTo("承德");
    assertThat(one(obs, 48, "μg/m³").period().iso()).isEqualTo("2015");
    assertThat(one(obs, 27, "μg/m³").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 27, "μg/m³").indicator()).isEqualTo("air.pm25");
  }

  @Test
  void relativeYearMagnitudesAndCompute() {
    List<Observation> obs =
        run(
            "截至去年底,承德市风电装机规模攀升至1234.5万千瓦,已建成12个数据中心项目,算力规模达1.5万P," + "技术合同成交额达12.34亿元。",
            "2024-03-01");
    Observation wind = one(obs, 12_345_000, "kW");
    assertThat(wind.period().iso()).isEqualTo("2023");
    assertThat(wind.indicator()).isEqualTo("energy.wind_capacity");
    assertThat(one(obs, 15_000, "PFLOPS").indicator()).isEqualTo("digital.compute_capacity");
    assertThat(one(obs, 12, "count").indicatorLabel()).isEqualTo("数据中心项目");
    assertThat(one(obs, 1_234_000_000, "CNY").period().iso()).isEqualTo("2023");
  }

  @Test
  void traditionalWithPinyinAnnotations() {
    List<Observation> obs =
        run("截至目前,承德市可再(zài)生(shēng)能(néng)源裝(zhuāng)機(jī)規(guī)模達(dá)100萬(wàn)千瓦。", "2024-03-01");
    Observation o = one(obs, 1_000_000, "kW");
    assertThat(o.indicatorLabel()).isEqualTo("可再生能源装机规模");
    assertThat(o.period().iso()).isEqualTo("2024-03");
  }

  @Test
  void changesAreTheirOwnIndicators() {
    List<Observation> obs =
        run(
            "1-6月,承德市优良天数150天,同比增加12天;PM2.5平均浓度25微克/立方米,同比下降10.5%," + "在全国168个重点城市中排第30位,同比进位5位。",
            "2024-07-20");
    Observation days = one(obs, 150, "day");
    assertThat(days.period().iso()).isEqualTo("2024-06");
    Observation more = one(obs, 12, "day");
    assertThat(more.change().getKind()).isEqualTo(ChangeKind.ABS);
    assertThat(more.change().getDirection()).isEqualTo(Direction.UP);
    assertThat(more.indicator()).isEqualTo("air.good_days.abs@ytd"); // 1-6月: a year-to-date window
    Observation pct = one(obs, 10.5, "%");
    assertThat(pct.change().getKind()).isEqualTo(ChangeKind.YOY_PCT);
    assertThat(pct.indicator()).isEqualTo("air.pm25.yoy_pct@ytd");
    assertThat(one(obs, 30, "rank").region()).isEqualTo("承德");
    assertThat(one(obs, 5, "rank").change().getKind()).isEqualTo(ChangeKind.RANK_CHANGE);
  }

  @Test
  void durationsBoundsAndApproximations() {
    List<Observation> obs =
        run(
            "承德到北京的最快运行时间由4小时12分压缩至70分钟,接待游客149万余人次," + "通行时间缩短至2小时以内。承德市NO2浓度同比升高约两成。",
            "2024-03-01");
    assertThat(one(obs, 252, "min").qualifier()).isEqualTo(Qualifier.EXACT);
    assertThat(one(obs, 70, "min").indicatorLabel()).contains("运行时间");
    assertThat(one(obs, 1_490_000, "count").qualifier()).isEqualTo(Qualifier.OVER);
    assertThat(one(obs, 120, "min").qualifier()).isEqualTo(Qualifier.UNDER);
    assertThat(one(obs, 20, "%").qualifier()).isEqualTo(Qualifier.APPROX);
  }

  @Test
  void respectiveListsGiveOneObservationPerSubject() {
    List<Observation> obs =
        run("2023年,承德市可吸入颗粒物(PM10)、二氧化氮(NO2)、二氧化硫(SO2)等污染物的年均浓度分别为58、24和6微克/立方米。", "2024-01-05");
    assertThat(one(obs, 58, "μg/m³").indicator()).isEqualTo("air.pm10");
    assertThat(one(obs, 24, "μg/m³").indicator()).isEqualTo("air.no2");
    assertThat(one(obs, 6, "μg/m³").indicator()).isEqualTo("air.so2");
    assertThat(one(obs, 6, "μg/m³").period().iso()).isEqualTo("2023");
  }

  @Test
  void notData() {
    List<Observation> obs =
        run(
            "承德市淘汰35蒸吨以下燃煤锅炉,研发第五代产品,承办第十三届运动会。2023年5月12日,PM2.5和5G基站建设推进。\n"
                + "联系电话:0314-2051987。\n1.本网稿件版权所有,未经授权不得转载。",
            "2024-03-01");
    assertThat(obs).isEmpty();
  }

  @Test
  void targetsAreKeptApart() {
    List<Observation> obs = run("承德市力争到2027年可再生能源装机规模达到5000万千瓦。", "2024-03-01");
    Observation t = one(obs, 50_000_000, "kW");
    assertThat(t.indicator()).isEqualTo("energy.renewable_capacity.target_2027");
    assertThat(t.period().iso()).isEqualTo("2024-03");
  }

  @Test
  void noPublicationDateAndNoYearGivesNullPeriod() {
    List<Observation> obs = run("今年1-8月,承德市优良天数200天。", null);
    assertThat(one(obs, 200, "day").period()).isNull();
  }

  @Test
  void classifierNounAndRepeatedFigures() {
    List<Observation> obs = run("承德市建成15个环京蔬菜生产基地。全市已建成15个环京蔬菜生产基地。", "2024-03-01");
    assertThat(obs).hasSize(1);
    assertThat(obs.get(0).indicatorLabel()).isEqualTo("环京蔬菜生产基地");
  }

  @Test
  void subjectRegionOfTheSentenceWins() {
    List<Observation> obs = run("承德市今年接待游客800万人次。承德市滦平县接待游客120万人次。", "2024-03-01");
    assertThat(one(obs, 1_200_000, "count").region()).isEqualTo("滦平县");
    assertThat(one(obs, 8_000_000, "count").region()).isEqualTo("承德");
  }

  @Test
  void nullAndEmptyInput() {
    assertThat(EX.extract((com.regionalmetrics.avro.Article) null)).isEmpty();
    assertThat(run("", null)).isEmpty();
  }

  @Test
  void urbanRuralListsSplitAndListedChangesKeepTheirPlace() {
    List<Observation> obs = run("承德市全年城乡居民人均可支配收入分别达到38000元和16500元,分别增长5.0%和7.5%。", "2024-03-01");
    assertThat(one(obs, 38000, "CNY").indicatorLabel()).startsWith("城镇");
    assertThat(one(obs, 16500, "CNY").indicatorLabel()).startsWith("农村");
    assertThat(one(obs, 7.5, "%").indicatorLabel()).startsWith("农村");
    List<Observation> two =
        run(
            "保定市共接待游客300万人次。其中,涞源县接待游客41.2万人次,易县接待游客35.6万人次,分别比2019年同期增长20.1%和18.4%。",
            "2024-05-06");
    assertThat(one(two, 20.1, "%").region()).isEqualTo("涞源县");
    assertThat(one(two, 18.4, "%").region()).isEqualTo("易县");
  }

  @Test
  void unitsNamedByTheirContext() {
    List<Observation> obs =
        run(
            "张家口市新线路设计时速250公里,沿线马铃薯平均亩产1800公斤,臭氧日最大8小时平均第90百分位浓度为150微克/立方米,累计签约项目30个。",
            "2024-03-01");
    assertThat(one(obs, 250, "km/h")).isNotNull();
    assertThat(one(obs, 1800, "kg/mu")).isNotNull();
    assertThat(find(obs, 480, "min")).isEmpty();
    assertThat(one(obs, 30, "count").qualifier().toString()).isEqualTo("EXACT");
  }

  @Test
  void relativeMonthsDaySpansAndSeasons() {
    List<Observation> obs = run("上月,唐山市PM2.5平均浓度为41微克/立方米。", "2024-06-03");
    assertThat(one(obs, 41, "μg/m³").period().iso()).isEqualTo("2024-05");
    List<Observation> h = run("国庆假期(10月1日至7日),承德市接待游客210.5万人次。", "2024-10-08");
    assertThat(one(h, 2_105_000, "count").period().iso()).isEqualTo("2024-10-07");
    List<Observation> season = run("2023-2024雪季,崇礼区接待游客400万人次。", "2024-04-08");
    assertThat(one(season, 4_000_000, "count").period().iso()).isEqualTo("2024");
    assertThat(one(season, 4_000_000, "count").indicator())
        .isEqualTo("tourism.visitors@snow_season");
    assertThat(one(season, 4_000_000, "count").indicatorLabel()).doesNotContain("2023");
  }

  @Test
  void cityThenDistrictHeadingAListIsTheCity() {
    List<Observation> obs = run("天津蓟州、盘山、玉龙三大滑雪场日均接待游客超过3000人次。", "2016-02-15");
    assertThat(one(obs, 3000, "count").region()).isEqualTo("天津");
    List<Observation> ev = run("崇礼区冰雪旅游持续升温。2022年北京冬奥会雪上项目在崇礼举办了51场比赛。", "2024-04-08");
    assertThat(one(ev, 51, "count").region()).isEqualTo("崇礼区");
  }

  @Test
  void brokenLinesJoinAndScopeCarriesOn() {
    List<Observation> obs = run("截至6月底,河北省共有养老机构1850家,\n养老床位21.6万张。", "2023-08-15");
    assertThat(one(obs, 216_000, "count").period().iso()).isEqualTo("2023-06");
    List<Observation> sc =
        run("张家口市空气质量综合指数为3.12。\n4月份,全省PM2.5平均浓度为36微克/立方米;优良天数比例为70.4%。", "2024-05-20");
    assertThat(one(sc, 70.4, "%").region()).isEqualTo("河北");
  }
}
