package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series identity (base[subject].kind@window). Sentences written for these tests. */
class MeasureIdentityTest {

  private static final Extractor EX = Extractor.strict();

  private static List<Observation> run(String text, String published) {
    Instant at = LocalDate.parse(published).atTime(10, 0).atZone(Period.ZONE).toInstant();
    return EX.extract(text, at, null);
  }

  private static String id(List<Observation> obs, double value, String unit) {
    return obs.stream()
        .filter(
            o -> Math.abs(o.value() - value) < 1e-6 * Math.max(1, value) && o.unit().equals(unit))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + value + " " + unit + " in " + obs))
        .indicator();
  }

  // ------------------------------------------------------------------ windows

  @Test
  void aMonthAndItsQuarterAreTwoSeries() {
    List<Observation> obs =
        run("衡水市6月份优良天数为24天,优良天数比例为80%。第二季度,衡水市优良天数为70天,优良天数比例为76.9%。", "2023-07-15");
    assertThat(id(obs, 24, "day")).isEqualTo("air.good_days@month");
    assertThat(id(obs, 70, "day")).isEqualTo("air.good_days@quarter");
    assertThat(id(obs, 80, "%")).isEqualTo("air.good_days_ratio@month");
    assertThat(id(obs, 76.9, "%")).isEqualTo("air.good_days_ratio@quarter");
  }

  @Test
  void aSpanFromJanuaryIsYearToDateAndHoldsForTheParagraph() {
    List<Observation> obs = run("1-9月,邢台市规模以上工业增加值同比增长6.2%;固定资产投资同比增长4.1%。", "2023-10-20");
    assertThat(id(obs, 6.2, "%")).isEqualTo("industry.value_added.yoy_pct@ytd");
    assertThat(id(obs, 4.1, "%")).isEqualTo("econ.fixed_investment.yoy_pct@ytd");
  }

  @Test
  void aHolidayIsItsOwnWindowAndAYearHasNone() {
    List<Observation> holiday = run("国庆假期,安阳市共接待游客312万人次。", "2023-10-09");
    List<Observation> year = run("2022年,安阳市共接待游客4100万人次。", "2023-02-01");
    assertThat(id(holiday, 3_120_000, "count")).isEqualTo("tourism.visitors@national_day");
    assertThat(id(year, 41_000_000, "count")).isEqualTo("tourism.visitors");
  }

  @Test
  void comparisonBasesAreNotWindows() {
    List<Observation> obs = run("2023年,洛阳市PM2.5平均浓度为41微克/立方米,比2022年下降6.8%。", "2024-01-10");
    assertThat(id(obs, 41, "μg/m³")).isEqualTo("air.pm25");
  }

  @Test
  void windowRulePhrases() {
    assertThat(WindowRule.phrases("2024年1-8月").get(0).window()).isEqualTo("ytd");
    assertThat(WindowRule.phrases("前三季度").get(0).window()).isEqualTo("ytd");
    assertThat(WindowRule.phrases("上半年").get(0).window()).isEqualTo("ytd");
    assertThat(WindowRule.phrases("第四季度").get(0).window()).isEqualTo("quarter");
    assertThat(WindowRule.phrases("11月份").get(0).window()).isEqualTo("month");
    assertThat(WindowRule.phrases("春节期间").get(0).window()).isEqualTo("spring_festival");
    assertThat(WindowRule.phrases("截至11月底").get(0).type()).isEqualTo(WindowRule.Type.NONE);
    assertThat(WindowRule.phrases("3月15日")).isEmpty(); // a day is not a window
    assertThat(WindowRule.phrases("比去年同期")).isEmpty();
    assertThat(WindowRule.phrases("自2016年起").get(0).window()).isEqualTo("since2016");
  }

  // ------------------------------------------------------------------ subjects

  @Test
  void twoRoutesTravelTimesDiffer() {
    List<Observation> obs = run("新线开通后,石家庄至衡水的通行时间缩短至40分钟,衡水到德州的通行时间缩短至35分钟。", "2023-05-01");
    assertThat(id(obs, 40, "min")).isEqualTo("transport.travel_time[石家庄—衡水]");
    assertThat(id(obs, 35, "min")).isEqualTo("transport.travel_time[衡水—德州]");
  }

  @Test
  void railAndRoadSubItemsDiffer() {
    List<Observation> obs = run("目前,沧州市与天津市之间共有衔接接口11个,其中铁路衔接接口3个、公路衔接接口8个。", "2023-05-01");
    String rail = id(obs, 3, "count");
    String road = id(obs, 8, "count");
    assertThat(rail).isEqualTo("transport.connections[铁路]");
    assertThat(road).isEqualTo("transport.connections[公路]");
    assertThat(id(obs, 11, "count")).isEqualTo("transport.connections");
  }

  @Test
  void scenicSpotsAreTheirOwnSeriesAndTheirBareFiguresFollowThem() {
    List<Observation> obs =
        run("国庆假期,保定市白石山景区累计接待游客6.1万人次,收入900万元;野三坡景区累计接待游客9.3万人次,收入1500万元。", "2023-10-09");
    assertThat(id(obs, 61_000, "count")).isEqualTo("tourism.visitors[白石山景区]@national_day");
    assertThat(id(obs, 93_000, "count")).isEqualTo("tourism.visitors[野三坡景区]@national_day");
    assertThat(id(obs, 9_000_000, "CNY")).contains("[白石山景区]");
    assertThat(id(obs, 15_000_000, "CNY")).contains("[野三坡景区]");
  }

  // the pupils of each kind of school are a series of their own, as 初中在校生 would say
  @Test
  void figuresAfterAnInstitutionCountAreThatInstitutionsOwn() {
    List<Observation> obs =
        run("2024年末,安平县共有普通小学63所,在校生7.62万人;初中学校35所,在校生3.65万人。全县共有医院21家,床位3800张。", "2025-03-01");
    assertThat(id(obs, 76_200, "count")).isEqualTo("edu.students[普通小学]");
    assertThat(id(obs, 36_500, "count")).isEqualTo("edu.students[初中]");
    assertThat(id(obs, 3_800, "count")).isEqualTo("health.beds[医院]");
  }

  @Test
  void sameMeasureInTwoWordingsSharesOneId() {
    String a = id(run("2023年,保定市PM2.5平均浓度为43微克/立方米。", "2024-01-10"), 43, "μg/m³");
    String b = id(run("2023年,保定市细颗粒物(PM2.5)平均浓度为43微克/立方米。", "2024-01-10"), 43, "μg/m³");
    assertThat(a).isEqualTo(b).isEqualTo("air.pm25");
    String c = id(run("2023年,保定市全市优良天数为251天。", "2024-01-10"), 251, "day");
    String d = id(run("2023年,保定市优良天数为251天。", "2024-01-10"), 251, "day");
    assertThat(c).isEqualTo(d).isEqualTo("air.good_days");
  }

  @Test
  void regionNamesTimeWordsAndGenericModifiersAreNotSubjects() {
    SubjectNormaliser n = new SubjectNormaliser(Gazetteer.load());
    assertThat(subject(n, "全市累计接待游客", "接待游客")).isNull();
    assertThat(subject(n, "旅游名城河北承德春节期间接待游客", "接待游客")).isNull();
    assertThat(subject(n, "雾灵山景区前五日累计接待游客", "接待游客")).isEqualTo("雾灵山景区");
    assertThat(subject(n, "邯郸至邢台的运行时间", "运行时间")).isEqualTo("邯郸—邢台");
    assertThat(subject(n, "邯郸到邢台运行时间", "运行时间")).isEqualTo("邯郸—邢台");
    assertThat(n.subject("两座滑雪场日均接待游客", 7, 11).modifier()).isEqualTo("daily_avg");
  }

  private static String subject(SubjectNormaliser n, String label, String alias) {
    int at = label.indexOf(alias);
    return n.subject(label, at, at + alias.length()).subject();
  }

  @Test
  void measureIdRoundTrips() {
    for (String s :
        List.of(
            "air.good_days@month",
            "tourism.visitors[雪山景区].yoy_pct@spring_festival",
            "transport.travel_time[甲地—乙站]",
            "energy.renewable_capacity.target_2027",
            "x.某项.yoy_pct.target",
            "air.good_days[PM2.5最长连续].abs")) {
      assertThat(MeasureId.parse(s).toString()).isEqualTo(s);
    }
    assertThat(MeasureId.parse("tourism.visitors[雪山景区].yoy_pct@spring_festival"))
        .isEqualTo(new MeasureId("tourism.visitors", "雪山景区", "yoy_pct", "spring_festival"));
  }

  // one catalog row, one measure: registered vs permanent population, GDP per head, 5A vs all
  // A-level spots, crops
  @Test
  void catalogRowsKeepDifferentMeasuresApart() {
    List<Observation> obs =
        run(
            "2024年末,绍兴市常住人口538.2万人,户籍人口451.6万人;人均地区生产总值14.1万元,地区生产总值7900亿元;"
                + "全市共有A级景区85家,其中5A级景区3家;全年小麦产量21万吨,水稻产量80万吨。",
            "2025-03-01");
    assertThat(id(obs, 5_382_000, "count")).isNotEqualTo(id(obs, 4_516_000, "count"));
    assertThat(id(obs, 141_000, "CNY")).isNotEqualTo(id(obs, 790_000_000_000L, "CNY"));
    assertThat(id(obs, 85, "count")).isNotEqualTo(id(obs, 3, "count"));
    assertThat(id(obs, 210_000, "t")).isEqualTo("agri.wheat_output");
    assertThat(id(obs, 800_000, "t")).isEqualTo("agri.rice_output");
  }

  // 城六区 is a sub-area (a subject), not "N区" filler; 首破 is no subject
  @Test
  void subAreaNamesStayAndHeadlineVerbsGo() {
    List<Observation> obs =
        run("2024年末,成都市常住人口2147万人,其中城六区常住人口690万人。成都市地区生产总值首破2.3万亿元。", "2025-03-01");
    assertThat(id(obs, 21_470_000, "count")).isNotEqualTo(id(obs, 6_900_000, "count"));
    assertThat(id(obs, 6_900_000, "count")).contains("城六区");
    assertThat(id(obs, 2_300_000_000_000L, "CNY")).isEqualTo("econ.gdp");
  }

  // ------------------------------------------------------------------ breakdowns, shares, bases

  @Test
  void ageGroupsAreSubjectsOfTheirCountsAndShares() {
    List<Observation> obs =
        run(
            "2023年末,宁陵县常住人口为20.5万人。0-14岁人口3.1万人,占常住人口的15.1%;15-59岁人口12.2万人,占59.5%;"
                + "60岁及以上人口5.2万人,占25.4%。居住在城镇的人口为9.8万人。平均每个家庭户的人口为2.9人。",
            "2024-03-10");
    assertThat(id(obs, 205_000, "count")).isEqualTo("pop.total");
    assertThat(id(obs, 31_000, "count")).isEqualTo("pop.total[0-14岁]");
    assertThat(id(obs, 122_000, "count")).isEqualTo("pop.total[15-59岁]");
    assertThat(id(obs, 52_000, "count")).isEqualTo("pop.total[60岁及以上]");
    assertThat(id(obs, 59.5, "%")).isEqualTo("x.15-59岁人口占比");
    assertThat(id(obs, 25.4, "%")).isNotEqualTo(id(obs, 59.5, "%"));
    assertThat(id(obs, 98_000, "count")).isEqualTo("pop.total[居住在城镇]");
    assertThat(id(obs, 2.9, "count")).isEqualTo("pop.household_size");
    assertThat(obs.stream().noneMatch(o -> o.unit().equals("year"))).isTrue(); // no age figures
  }

  @Test
  void monthOnMonthIsItsOwnSeries() {
    List<Observation> obs = run("9月份,九江新建商品住宅销售价格环比下降0.4%,同比下降5.2%。", "2024-10-20");
    assertThat(id(obs, 0.4, "%")).endsWith(".mom_pct@month");
    assertThat(id(obs, 5.2, "%")).endsWith(".yoy_pct@month");
    assertThat(id(obs, 5.2, "%")).startsWith(id(obs, 0.4, "%").replace(".mom_pct@month", ""));
  }

  @Test
  void targetsAfterATargetLeadAndFestivalsAreNotTheYearsActuals() {
    List<Observation> obs =
        run(
            "2023年,宁陵县地区生产总值增长6.1%;固定资产投资增长4.2%。\n"
                + "2024年主要预期目标是:地区生产总值增长6.5%左右;固定资产投资增长5%。\n"
                + "2023年全市接待游客820万人次。桃花节期间,全市接待游客150万人次。",
            "2024-01-20");
    assertThat(id(obs, 4.2, "%")).isNotEqualTo(id(obs, 5, "%"));
    assertThat(id(obs, 5, "%")).contains("target");
    assertThat(id(obs, 1_500_000, "count")).endsWith("@festival");
    assertThat(id(obs, 8_200_000, "count")).doesNotContain("@");
  }

  @Test
  void primaryInstitutionsAreNotAllInstitutions() {
    List<Observation> obs = run("2023年末,宁陵县共有医疗卫生机构512个,其中基层医疗卫生机构480个。", "2024-03-10");
    assertThat(id(obs, 512, "count")).isEqualTo("health.medical_institutions");
    assertThat(id(obs, 480, "count")).isEqualTo("health.primary_institutions");
  }
}
