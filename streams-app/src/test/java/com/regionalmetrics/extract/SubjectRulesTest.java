package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whose figure it is (SubjectRules): autonomous counties by short name, places inside names, 全省 and
 * 三地 in a grouping article. Sentences written for these tests.
 */
class SubjectRulesTest {

  @Test
  void autonomousCountiesByShortName() {
    assertThat(one(run("2024年,宽城县PM2.5平均浓度为25微克/立方米。", "2025-03-01"), 25, "μg/m³").region())
        .isEqualTo("宽城满族自治县");
    assertThat(one(run("2024年,围场县优良天数为300天。", "2025-03-01"), 300, "day").region())
        .isEqualTo("围场满族蒙古族自治县");
    assertThat(Gazetteer.autonomousShortForm("丰宁满族自治县")).isEqualTo("丰宁县");
    assertThat(Gazetteer.autonomousShortForm("宽城区")).isNull();
  }

  // places inside names
  @Test
  void placesInsideNames() {
    assertThat(
            one(run("2024年,北京城市副中心完成固定资产投资500亿元。", "2025-03-01"), 50_000_000_000.0, "CNY").region())
        .isEqualTo("通州区");
    assertThat(one(run("2024年,雄安新区建设加快,中关村科技园区雄安园入驻企业52家。", "2025-03-01"), 52, "count").region())
        .isEqualTo("雄安新区");
    // an airport or station named after a district serves its city; the district itself stays a
    // district
    List<Observation> obs = run("2024年,秦皇岛市旅游持续升温,北戴河机场开通航线20条。北戴河区接待游客800万人次。", "2025-03-01");
    assertThat(one(obs, 20, "count").region()).isEqualTo("秦皇岛");
    assertThat(one(obs, 8_000_000, "count").region()).isEqualTo("北戴河区");
    // 北三县 in an article that also names 北京城市副中心 stays with 廊坊
    List<Observation> b3 = run("2024年,北京城市副中心带动廊坊北三县发展,北三县引进北京企业300家。", "2025-03-01");
    assertThat(one(b3, 300, "count").region()).isEqualTo("廊坊");
  }

  // 全省 and 三地 in an article about a grouping
  @Test
  void provinceAndGroupReferencesInAGroupingArticle() {
    List<Observation> obs =
        run(
            "京津冀协同发展十年来成效显著。北京、天津、河北三地产业协作不断深化。\n全省累计承接京津转入基本单位超过4.2万个。" + "三地医院组建了26个专科联盟。",
            "2024-02-26");
    assertThat(one(obs, 42_000, "count").region()).isEqualTo("河北");
    assertThat(one(obs, 26, "count").region()).isEqualTo("京津冀");
  }

  // a place opening a company's name is part of the name: the figure stays with the place the
  // article is about
  @Test
  void placeInsideACompanyNameIsNoPlaceReference() {
    List<Observation> obs =
        run("2024年,宜宾市白酒产业营业收入达到1500亿元。其中,四川五粮液股份有限公司实现营业收入890亿元。", "2025-03-01");
    assertThat(one(obs, 89_000_000_000L, "CNY").region()).isEqualTo("宜宾");
  }

  @Test
  void placeBeforeAnIndustryWordIsACompany() {
    List<Observation> obs = run("2024年,武平县工业产值增长8%。龙岩钨业武平产业园完成投资12亿元。全县新增企业30家。", "2025-03-01");
    assertThat(one(obs, 1_200_000_000L, "CNY").region()).isEqualTo("武平县");
    assertThat(one(obs, 30, "count").region()).isEqualTo("武平县");
  }

  // 高于全市平均水平, 占全省的比重: the scope word is the comparison, the figure stays the county's
  @Test
  void comparedScopeIsNotTheSubject() {
    List<Observation> obs =
        run(
            "上半年,桐柏县地区生产总值增长6.1%,高于全市平均水平0.5个百分点。\n" + "桐柏县农业增加值增长3.8%;其中,第一产业增加值12亿元,增长3.1%。",
            "2024-07-20");
    assertThat(one(obs, 1_200_000_000L, "CNY").region()).isEqualTo("桐柏县");
    assertThat(one(obs, 6.1, "%").region()).isEqualTo("桐柏县");
    assertThat(RegionResolver.comparedWith("增速高于全市", 4)).isTrue();
    assertThat(RegionResolver.comparedWith("今年全市", 2)).isFalse();
  }

  // 全区 / 全省 throughout an article name the division of that kind it names, over a dateline city;
  // its sentences without a place or scope word follow
  @Test
  void dominantScopeWordsDecideTheArticlesRegion() {
    List<Observation> tibet =
        run(
            "某某社拉萨3月2日电 记者从西藏自治区统计局获悉,全区经济平稳。全区生产总值增长6.3%。全区粮食产量108万吨。\n"
                + "农村居民人均可支配收入20100元,增长8.8%。",
            "2025-03-02");
    assertThat(one(tibet, 20_100, "CNY").region()).isEqualTo("西藏");
    List<Observation> province =
        run(
            "合肥讯 安徽省统计局发布数据。前三季度全省生产总值3.7万亿元。全省进出口增长6.2%。全省社会消费品零售总额增长5.1%。\n" + "规模以上工业增加值增长8.1%。",
            "2024-10-20");
    assertThat(one(province, 8.1, "%").region()).isEqualTo("安徽");
  }

  // the article's place: a dateline at the top, a station of a county, a county over its province
  @Test
  void articlePlaceFromDatelineAndNarrowerPlace() {
    List<Observation> obs =
        run("某某网黔东南5月3日消息 记者从贵阳获悉,4月份,客运站发送旅客12万人次。\n" + "记者从贵阳了解到,高铁站发送旅客8万人次。", "2024-05-03");
    assertThat(one(obs, 120_000, "count").region()).isEqualTo("黔东南苗族侗族自治州");
    List<Observation> county =
        run("敦煌市旅游持续升温。2023年,敦煌机场旅客吞吐量128万人次。\n" + "甘肃是旅游大省。甘肃全年接待游客3.8亿人次。", "2024-01-10");
    assertThat(one(county, 1_280_000, "count").region()).isEqualTo("敦煌市");
    assertThat(
            Extractor.headPlace(
                "新华社北京1月3日电", new RegionMention(Gazetteer.load().lookup("北京").get(), 3, 5)))
        .isEqualTo(1.0);
  }

  // a news site named after a place (天山网讯) is no place reference
  @Test
  void newsSiteDatelineIsNoPlace() {
    List<Observation> obs =
        run("天山网讯(记者 李明)10月8日,记者从和田地区文化和旅游局了解到,国庆假期,全地区接待游客152.6万人次。", "2024-10-09");
    assertThat(one(obs, 1_526_000, "count").region()).isEqualTo("和田地区");
  }

  // 全省/全市 after a place named earlier in the sentence: the whole of which that place is part
  @Test
  void scopeWordAfterANamedPlaceIsItsEnclosingDivision() {
    List<Observation> obs =
        run("2024年,华阴市地区生产总值增长6.1%。同期,渭南市地区生产总值增长4.7%,全省地区生产总值增长5.2%。", "2025-02-10");
    assertThat(one(obs, 4.7, "%").region()).isEqualTo("渭南");
    assertThat(one(obs, 5.2, "%").region()).isEqualTo("陕西");
    // 全市 after a municipality is the municipality; a share of 全省 is no scope
    List<Observation> city = run("2024年,廊坊市冰雪旅游升温。北京举办冰雪节,全市滑雪场接待游客9.6万人次。", "2025-02-10");
    assertThat(one(city, 96_000, "count").region()).isEqualTo("北京");
    List<Observation> share = run("2024年,浙江省快递业务量为200亿件,金华市快递业务量占了全省的30%。", "2025-02-10");
    assertThat(one(share, 30, "%").region()).isEqualTo("金华");
  }

  // a district name used twice in China (普陀区 of 上海 and of 舟山) goes by its city, even when the
  // article also names the country
  @Test
  void ambiguousDistrictGoesByItsNamedCityNotTheCountry() {
    List<Observation> obs =
        run("舟山市普陀区2024年经济运行情况\n全区地区生产总值完成600亿元,增长6%。远洋渔船450艘,占全国的一成。", "2025-01-20");
    assertThat(one(obs, 60_000_000_000.0, "CNY").region()).isEqualTo("普陀区");
    assertThat(one(obs, 60_000_000_000.0, "CNY").regionCode()).isEqualTo("330903");
  }
}
