package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Development zones and new areas are regions of their own, named as the text writes them
 * (ZoneMentions). Sentences written for these tests.
 */
class ZoneRulesTest {

  @Test
  void aZoneNamedAfterItsCityIsItsOwnRegion() {
    Observation o =
        one(run("2024年,宿州高新区实现规模以上工业总产值386.2亿元,增长8.1%。", "2025-02-10"), 38_620_000_000.0, "CNY");
    assertThat(o.region()).isEqualTo("宿州高新区");
    assertThat(o.regionCode()).isEqualTo("Z:宿州高新区");
  }

  @Test
  void aZoneWithANameOfItsOwnAndABareBackReference() {
    List<Observation> obs =
        run("今年前三季度,鹤山湾经济开发区完成规上工业产值86.5亿元。开发区新签约项目23个,总投资120亿元。", "2025-10-20");
    assertThat(one(obs, 8_650_000_000.0, "CNY").region()).isEqualTo("鹤山湾经济开发区");
    assertThat(one(obs, 23, "count").region()).isEqualTo("鹤山湾经济开发区");
  }

  @Test
  void aHighTechZoneIsItsCitysGaoXinQuUnderEitherName() {
    List<Observation> obs = run("2024年,宿迁高新技术产业开发区实现营业收入520亿元。宿迁高新区新增企业180家。", "2025-02-10");
    assertThat(one(obs, 52_000_000_000.0, "CNY").region()).isEqualTo("宿迁高新区");
    assertThat(one(obs, 180, "count").region()).isEqualTo("宿迁高新区");
  }

  @Test
  void aBondedZoneIsAZone() {
    Observation o =
        one(run("2024年,绥化综合保税区实现进出口额46.2亿元,增长18.5%。", "2025-02-10"), 4_620_000_000.0, "CNY");
    assertThat(o.region()).isEqualTo("绥化综合保税区");
  }

  @Test
  void aParkWrittenAfterItsCityKeepsTheWholeName() {
    List<Observation> obs = run("乌海低碳产业园区已入驻企业45家。园区光伏装机容量达到12万千瓦。", "2025-03-01");
    assertThat(one(obs, 45, "count").region()).isEqualTo("乌海低碳产业园区");
    assertThat(one(obs, 120_000, "kW").region()).isEqualTo("乌海低碳产业园区");
  }

  @Test
  void aZoneWrittenWithItsCitysFullNameIsNamedAfterTheCity() {
    Observation o = one(run("2024年,长治市高新区完成固定资产投资96亿元。", "2025-02-10"), 9_600_000_000.0, "CNY");
    assertThat(o.region()).isEqualTo("长治高新区");
  }

  @Test
  void aZoneTheGazetteerKnowsIsOneRegionWhateverNameTheTextUses() {
    List<Observation> obs = run("2024年,河北邢台经济开发区实现营业收入1020亿元。邢台经济开发区新增市场主体3200户。", "2025-02-10");
    assertThat(one(obs, 102_000_000_000.0, "CNY").region()).isEqualTo("邢台经济开发区");
    assertThat(one(obs, 3200, "count").region()).isEqualTo("邢台经济开发区");
    assertThat(one(obs, 3200, "count").regionCode()).isEqualTo("130571");
    assertThat(
            one(run("2024年,唐山高新技术产业开发区实现营业收入860亿元。", "2025-02-10"), 86_000_000_000.0, "CNY")
                .region())
        .isEqualTo("唐山高新区");
  }

  @Test
  void aZoneRunTogetherWithADistrictIsStillAZone() {
    Observation o =
        one(run("2024年,广州经济技术开发区实现地区生产总值4150亿元。", "2025-02-10"), 415_000_000_000.0, "CNY");
    assertThat(o.region()).isEqualTo("广州经济技术开发区");
    assertThat(one(run("2024年,广州开发区新增市场主体5.2万户。", "2025-02-10"), 52_000, "count").region())
        .isEqualTo("广州经济技术开发区");
    Region zone = Gazetteer.load().lookup(o.regionCode()).orElseThrow();
    assertThat(zone.level()).isEqualTo(Region.Level.ZONE);
    assertThat(zone.parentCode()).isEqualTo("440112"); // 黄埔区
  }

  @Test
  void aZoneNamesOnlyItsOwnSentenceInItsCountysArticle() {
    List<Observation> obs =
        run("2024年宁乡市经济运行稳中有进。宁乡市地区生产总值1420亿元。宁乡经开区实现营业收入812亿元。全年新增规上工业企业96家。", "2025-02-10");
    assertThat(one(obs, 81_200_000_000.0, "CNY").region()).isEqualTo("宁乡经开区");
    assertThat(one(obs, 96, "count").region()).isEqualTo("宁乡市");
  }

  @Test
  void kindsOfZonesAndZonesAsObjectsAreNoZone() {
    List<Observation> obs =
        run("2024年,保定市国家级经济技术开发区达到3个,省级开发区入驻企业达到1860家,城市新区建设投资42亿元。", "2025-02-10");
    assertThat(one(obs, 3, "count").region()).isEqualTo("保定");
    assertThat(one(obs, 1860, "count").region()).isEqualTo("保定");
    assertThat(one(obs, 4_200_000_000.0, "CNY").region()).isEqualTo("保定");
  }
}
