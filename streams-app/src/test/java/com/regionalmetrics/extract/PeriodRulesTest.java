package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Periods (PeriodRules): comparison base years, event names and since-event spans are not the
 * period of a figure. Sentences written for these tests.
 */
class PeriodRulesTest {

  // comparison bases and event names are not periods
  @Test
  void comparisonBasesAndEventNamesAreNotPeriods() {
    List<Observation> obs =
        run("2024年,张家口市可再生能源装机规模达到4000万千瓦,是2014年的近17倍。全市优良天数为300天。", "2025-03-01");
    assertThat(one(obs, 40_000_000, "kW").period().iso()).isEqualTo("2024");
    assertThat(one(obs, 300, "day").period().iso()).isEqualTo("2024");
    List<Observation> ev =
        run("2024年,北京2022年冬奥会遗产利用成效明显,张家口市接待游客1000万人次。全市优良天数为300天。", "2025-03-01");
    assertThat(one(ev, 10_000_000, "count").period().iso()).isEqualTo("2024");
    assertThat(one(ev, 300, "day").region()).isEqualTo("张家口");
    assertThat(one(ev, 300, "day").period().iso()).isEqualTo("2024");
    // a figure for the event's own time keeps it
    assertThat(
            one(run("2022年冬奥会期间,张家口市接待游客100万人次。", "2025-03-01"), 1_000_000, "count").period().iso())
        .isEqualTo("2022");
    List<Observation> rk = run("2024年,张家口市空气质量综合指数排名第2位,较2023年前进3位。全市优良天数为300天。", "2025-03-01");
    assertThat(one(rk, 300, "day").period().iso()).isEqualTo("2024");
  }

  // periods: base years, shares of a base year, cumulative since an event
  @Test
  void comparisonBaseYearsAndSinceEventPeriods() {
    List<Observation> obs =
        run(
            "2023年,保定市空气质量持续改善。与2014年相比,PM2.5年均浓度由125微克/立方米降至44微克/立方米," + "重污染天数由71天减少至4天。",
            "2024-02-01");
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

  // a numbered section heading naming one year dates the section's untimed figures; the next
  // top-level heading ends it
  @Test
  void numberedSectionHeadingDatesItsFigures() {
    List<Observation> obs =
        run(
            "关于某市2023年财政决算和2024年预算的报告\n一、2023年决算情况\n(一)收入\n"
                + "1.嘉兴市一般公共预算收入512.6亿元,增长3.3%。\n二、今后工作\n嘉兴市现有高新技术企业1200家。",
            "2024-02-10");
    assertThat(one(obs, 51_260_000_000L, "CNY").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 3.3, "%").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 1200, "count").period().iso()).isEqualTo("2024-02");
  }

  // the digits of a pollutant's name are not a month: PM10月均浓度
  @Test
  void pollutantDigitsAreNotAMonth() {
    List<Observation> obs = run("2024年6月,衡水市PM10月均浓度为57微克/立方米。", "2024-07-10");
    assertThat(one(obs, 57, "μg/m³").period().iso()).isEqualTo("2024-06");
    assertThat(one(obs, 57, "μg/m³").indicatorLabel()).contains("PM10");
  }

  // the figures of a target section (二、2025年主要预期目标) are targets, never observations of the current
  // period
  @Test
  void targetSectionFiguresAreTargets() {
    List<Observation> obs =
        run(
            "一、2024年工作回顾\n湖州市地区生产总值增长5.9%。\n二、2025年主要预期目标\n"
                + "地区生产总值增长5.5%左右;城镇新增就业2.5万人。\n三、重点工作\n湖州市新建5G基站1800个。",
            "2025-02-20");
    assertThat(one(obs, 5.9, "%").indicator()).doesNotContain("target");
    assertThat(one(obs, 5.9, "%").period().iso()).isEqualTo("2024");
    assertThat(one(obs, 5.5, "%").indicator()).endsWith(".target_2025");
    assertThat(one(obs, 25_000, "count").indicator()).contains("target");
    assertThat(one(obs, 1800, "count").indicator()).doesNotContain("target");
  }

  // a title naming the report year dates the body's untimed figures and its 全年, whatever other
  // years (a census, a base year) the body names
  @Test
  void titleYearDatesTheBodyDespiteOtherYears() {
    List<Observation> obs =
        run(
            String.join(
                "\n",
                "宽城满族自治县2023年人口变动情况统计公报",
                "宽城满族自治县统计局 2024年4月10日",
                "一、常住人口。年末全县常住人口为25.31万人,第七次全国人口普查(2020年)时为25.96万人。" + "其中,城镇常住人口12.02万人。",
                "二、出生与死亡。全年出生人口0.16万人,出生率为6.31‰。"),
            "2024-04-10");
    assertThat(one(obs, 120_200, "count").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 1_600, "count").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 6.31, "‰").period().iso()).isEqualTo("2023");
  }

  // 12月当月 in a January release: the December just named, not the publication month
  @Test
  void monthThenThatMonthIsTheMonthNamed() {
    List<Observation> obs = run("张家口机场全年旅客吞吐量152.3万人次。12月当月,旅客吞吐量13.6万人次。", "2025-01-08");
    assertThat(one(obs, 136_000, "count").period().iso()).isEqualTo("2024-12");
  }

  // a communiqué on a past year: 上年 is the year before it, the end of 由上年的X提高到Y is that year;
  // 去年 in a news report still counts from publication; 上年结转 is a budget line, not a time
  @Test
  void previousYearInAReportOnAPastYear() {
    List<Observation> obs =
        run(
            "华阴市2024年国民经济和社会发展统计公报\n全年地区生产总值增长6%。常住人口城镇化率由上年的60.2%提高到61.0%," + "优良天数比例达到88.5%。",
            "2025-04-08");
    assertThat(one(obs, 60.2, "%").period().iso()).isEqualTo("2023");
    assertThat(one(obs, 61.0, "%").period().iso()).isEqualTo("2024");
    assertThat(one(obs, 88.5, "%").period().iso()).isEqualTo("2024");
    List<Observation> news = run("去年,华阴市接待游客800万人次,比上年增长12%。", "2025-04-08");
    assertThat(one(news, 8_000_000, "count").period().iso()).isEqualTo("2024");
    List<Observation> budget =
        run("华阴市2024年预算执行情况\n一般公共预算收入12亿元,加上上年结转1.5亿元,收入总计13.5亿元。", "2025-03-01");
    assertThat(one(budget, 150_000_000, "CNY").period().iso()).isEqualTo("2024");
    assertThat(one(budget, 1_350_000_000, "CNY").period().iso()).isEqualTo("2024");
  }

  // a census communiqué names no year in its title: its figures are of the census's standard time
  @Test
  void censusCommuniqueReportsOnTheStandardTime() {
    List<Observation> obs =
        run(
            String.join(
                "\n",
                "平泉市第七次全国人口普查公报(第一号)",
                "平泉市统计局 2021年6月2日",
                "一、常住人口",
                "全市常住人口为40.12万人。",
                "二、户别人口",
                "全市共有家庭户13.05万户,平均每个家庭户的人口为2.86人。"),
            "2021-06-02");
    assertThat(one(obs, 401_200, "count").period().iso()).isEqualTo("2020-11");
    assertThat(one(obs, 2.86, "count").period().iso()).isEqualTo("2020-11");
    // a census named in the body of a yearly report leaves its period alone
    List<Observation> yearly =
        run("平泉市2023年人口变动情况\n年末全市常住人口为39.8万人,比第七次全国人口普查时减少0.3万人。", "2024-03-01");
    assertThat(one(yearly, 398_000, "count").period().iso()).isEqualTo("2023");
  }

  // a plan period's end is a from-value's own time, and names no year for the 全年 that follows
  @Test
  void planPeriodEndStartsAFromValue() {
    List<Observation> obs =
        run(
            String.join(
                "\n", "一、2024年工作回顾", "全年原煤产量1.2亿吨,阳泉市煤炭先进产能占比由“十三五”末的61%提高到83%。", "全年接待游客3100万人次。"),
            "2025-01-10");
    assertThat(one(obs, 61, "%").period().iso()).isEqualTo("2020");
    assertThat(one(obs, 83, "%").period().iso()).isEqualTo("2024");
    assertThat(one(obs, 31_000_000, "count").period().iso()).isEqualTo("2024");
  }
}
