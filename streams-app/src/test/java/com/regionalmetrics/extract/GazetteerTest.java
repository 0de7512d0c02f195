package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.extract.Region.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private final Gazetteer g = Gazetteer.load();

  private List<String> names(String text) {
    return g.find(text).stream().map(m -> m.region().name()).toList();
  }

  private Region get(String nameOrCode) {
    return g.lookup(nameOrCode).orElseThrow(() -> new AssertionError("no region " + nameOrCode));
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void aCityListedAsItsOwnParentEndsTheWalkUpTheTree() {
    Region dongguan = get("441900"); // listed as its own parent
    assertThat(g.within(dongguan, get("河北"))).isFalse(); // used to loop forever
    assertThat(g.within(dongguan, dongguan)).isTrue();
  }

  @Test
  void prefectureByShortAndFullName() {
    Region zjk = get("张家口市");
    assertThat(zjk).isEqualTo(get("张家口"));
    assertThat(zjk.code()).isEqualTo("130700");
    assertThat(zjk.name()).isEqualTo("张家口");
    assertThat(zjk.fullName()).isEqualTo("张家口市");
    assertThat(zjk.level()).isEqualTo(Level.PREFECTURE);
    assertThat(g.parent(zjk).map(Region::name)).contains("河北");
    assertThat(g.parent(get("河北"))).contains(get("全国"));
  }

  @Test
  void countiesKeepTheirSuffix() {
    Region zhuolu = get("涿鹿县");
    assertThat(zhuolu.code()).isEqualTo("130731");
    assertThat(zhuolu.level()).isEqualTo(Level.COUNTY);
    assertThat(g.parent(zhuolu)).contains(get("张家口"));
    Region chongli = get("崇礼区");
    assertThat(chongli.code()).isEqualTo("130709");
    assertThat(get("崇礼")).isEqualTo(chongli);
    assertThat(get("崇礼县")).isEqualTo(chongli); // former name
    assertThat(get("蔚县").name()).isEqualTo("蔚县");
    assertThat(g.lookup("蔚")).isEmpty();
    assertThat(g.within(chongli, get("河北"))).isTrue();
  }

  @Test
  void canonicalShortNamesFollowTheLabelingRules() {
    assertThat(get("内蒙古自治区").name()).isEqualTo("内蒙古");
    assertThat(get("广西壮族自治区").name()).isEqualTo("广西");
    assertThat(get("新疆维吾尔自治区").name()).isEqualTo("新疆");
    assertThat(get("宁夏回族自治区").name()).isEqualTo("宁夏");
    assertThat(get("西藏自治区").name()).isEqualTo("西藏");
    assertThat(get("香港特别行政区").name()).isEqualTo("香港");
    assertThat(get("阿克苏").name()).isEqualTo("阿克苏地区");
    assertThat(get("锡林郭勒").name()).isEqualTo("锡林郭勒盟");
    // autonomous prefectures are filed by full name; the stem and X州 still name them
    assertThat(get("延边州").name()).isEqualTo("延边朝鲜族自治州");
    assertThat(get("延边")).isEqualTo(get("延边州"));
  }

  @Test
  void municipalityAndItsDistricts() {
    Region beijing = get("北京");
    assertThat(get("北京市")).isEqualTo(beijing);
    assertThat(beijing.code()).isEqualTo("110000");
    assertThat(beijing.level()).isEqualTo(Level.PROVINCE);
    assertThat(g.parent(get("东城区"))).contains(beijing);
    assertThat(names("北京市和北京都一样")).containsExactly("北京", "北京");
    assertThat(g.parent(get("万州区"))).contains(get("重庆"));
  }

  @Test
  void lookupByCode() {
    assertThat(get("130700").name()).isEqualTo("张家口");
    assertThat(get("1307")).isEqualTo(get("130700"));
    assertThat(get("13").name()).isEqualTo("河北");
    assertThat(get("130731").name()).isEqualTo("涿鹿县");
    assertThat(get("G:京津冀").level()).isEqualTo(Level.GROUPING);
    assertThat(g.lookup("999999")).isEmpty();
    assertThat(g.lookup("")).isEmpty();
    assertThat(g.lookup(null)).isEmpty();
  }

  @Test
  void groupingsCountryAndXiongan() {
    assertThat(get("京津冀").level()).isEqualTo(Level.GROUPING);
    assertThat(get("长江三角洲")).isEqualTo(get("长三角"));
    assertThat(get("粤港澳大湾区").level()).isEqualTo(Level.GROUPING);
    assertThat(get("汾渭平原").level()).isEqualTo(Level.GROUPING);
    Region xiongan = get("雄安新区");
    assertThat(g.parent(xiongan).map(Region::code)).contains("130000");
    Region china = get("全国");
    assertThat(china.level()).isEqualTo(Level.COUNTRY);
    assertThat(get("我国")).isEqualTo(china);
    assertThat(names("我国北方与京津冀地区、雄安新区的对比")).containsExactly("全国", "京津冀", "雄安新区");
    assertThat(names("京津冀及周边地区秋冬季")).containsExactly("京津冀及周边地区");
  }

  // Taiwan's cities have no codes: their names file under 台湾, never inside ordinary words
  @Test
  void taiwanCitiesAreTaiwan() {
    assertThat(names("记者林某/台北报导 高雄港货柜装卸量持平。")).containsExactly("台湾", "台湾");
    assertThat(names("在平台中开展交易,平台南北两端。")).isEmpty();
  }

  // landmarks name the region their figures are filed under, the whole name first
  @Test
  void landmarksNameTheirRegion() {
    assertThat(names("拉萨贡嘎国际机场旅客吞吐量")).containsExactly("拉萨");
    assertThat(names("黄龙景区接待游客")).containsExactly("松潘县");
    assertThat(g.isLandmark("黄龙景区")).isTrue();
    assertThat(g.isLandmark("拉萨贡嘎国际机场")).isFalse(); // an airport's figures are its city's
  }

  @Test
  void longestMatchFirst() {
    List<RegionMention> m = g.find("据悉，张家口市今年新增装机。");
    assertThat(m).hasSize(1);
    assertThat(m.get(0).region().code()).isEqualTo("130700");
    assertThat(m.get(0).start()).isEqualTo(3);
    assertThat(m.get(0).end()).isEqualTo(7);
    assertThat(names("河北省张家口市崇礼区太子城")).containsExactly("河北", "张家口", "崇礼区");
    assertThat(names("张家口：在崇礼滑雪，去涿鹿看葡萄")).containsExactly("张家口", "崇礼区", "涿鹿县");
  }

  @Test
  void bareCountyStemsNeedSupport() {
    assertThat(names("在崇礼滑雪")).isEmpty(); // no enclosing region named
    assertThat(names("河北崇礼的雪季")).containsExactly("河北", "崇礼区");
    assertThat(names("崇礼区的雪场和崇礼的酒店")).containsExactly("崇礼区", "崇礼区");
    assertThat(names("在崇礼滑雪，去张北看草原")).containsExactly("崇礼区", "张北县"); // siblings
    assertThat(names("全国：世界首个项目，潮白河流域，创新和产业")).containsExactly("全国");
    assertThat(names("黑龙江尚志的滑雪场")).containsExactly("黑龙江", "尚志市");
    assertThat(get("尚志市").name()).isEqualTo("尚志市"); // county-level cities keep 市
    assertThat(get("尚志").name()).isEqualTo("尚志市");
    assertThat(names("提高县域经济，加强信息县级平台，管理县里事务")).isEmpty();
    assertThat(names("四川宜宾高县的茶园")).containsExactly("四川", "宜宾", "高县");
    assertThat(names("张家口蔚县")).containsExactly("张家口", "蔚县");
  }

  @Test
  void zonesAndCorpsDivisionsArePlaces() {
    assertThat(names("贵州贵安新区的数据中心")).containsExactly("贵安新区"); // its full name
    assertThat(names("贵州省贵安新区和平潭综合实验区")).containsExactly("贵州", "贵安新区", "平潭综合实验区");
    assertThat(names("兵团第八师今年种植棉花")).containsExactly("石河子");
    assertThat(get("第八师").name()).isEqualTo("石河子"); // 兵团 cities keep their short name
    // a zone is filed under its common name (no province, 高新区 for 高新技术产业开发区), short forms matched
    assertThat(names("安徽芜湖经开区的企业")).containsExactly("安徽", "芜湖经济技术开发区");
    assertThat(names("河北唐山高新技术产业开发区的企业")).containsExactly("河北", "唐山高新区");
    assertThat(names("吉林高新技术产业开发区的企业")).containsExactly("吉林高新区"); // 吉林 is the city here
    assertThat(names("江西南昌新建商品住宅价格")).containsExactly("江西", "南昌"); // 新建 is a word
  }

  @Test
  void riversAndBrandsAreNotPlaces() {
    assertThat(names("甘肃张掖的黑河流域治理，黑河干流断面")).containsExactly("甘肃", "张掖");
    assertThat(names("安徽六安瓜片产量")).containsExactly("安徽");
    assertThat(names("黑龙江黑河市的口岸")).containsExactly("黑龙江", "黑河");
  }

  @Test
  void genericNamesAreLookedUpButNotMatched() {
    assertThat(names("主城区和郊区的空气，老城区改造")).isEmpty();
    assertThat(names("北京西城区域内")).containsExactly("北京");
    assertThat(g.lookupAll("城区")).isNotEmpty();
  }

  @Test
  void provinceBeatsSameNamedCityUnlessCityWritten() {
    assertThat(names("吉林的冰雪旅游")).containsExactly("吉林");
    assertThat(g.find("吉林的冰雪旅游").get(0).region().level()).isEqualTo(Level.PROVINCE);
    Region city = g.find("吉林市的雾凇").get(0).region();
    assertThat(city.level()).isEqualTo(Level.PREFECTURE);
    assertThat(city.code()).isEqualTo("220200");
  }

  @Test
  void ambiguousDistrictPrefersParentNamedInText() {
    Region inBeijing = g.find("朝阳区新建公园十座").get(0).region();
    assertThat(inBeijing.code()).isEqualTo("110105"); // first by code
    Region inChangchun = g.find("长春市朝阳区新建公园十座").get(1).region();
    assertThat(inChangchun.code()).isEqualTo("220104");
    Region gulou = g.find("南京的鼓楼区").get(1).region();
    assertThat(g.parent(gulou).map(Region::name)).contains("南京");
  }

  @Test
  void noMatchInsideUnrelatedWords() {
    assertThat(names("两种方案大同小异，阿里云也这么做")).isEmpty();
    assertThat(names("全年日照时数超过两千小时，祝大家幸福安康")).isEmpty();
    assertThat(names("这家企业有光明的前景，合作共赢，资源丰富，平安无事")).isEmpty();
    assertThat(names("今天天气很好")).isEmpty();
    assertThat(names("河流的出海口，商品未开封")).isEmpty();
    assertThat(names("海口的椰林")).containsExactly("海口");
    assertThat(names("大同市的空气")).containsExactly("大同");
  }

  @Test
  void mainRegionIsTheMostNamedAdministrativeUnit() {
    String text = "张家口市今年空气质量改善。全国排名上升。张家口的风电装机增长，崇礼区冰雪游客增加。河北省表示满意。";
    assertThat(g.mainRegion(text).map(Region::name)).contains("张家口");
    assertThat(g.mainRegion("河北省张家口市涿鹿县").map(Region::name)).contains("涿鹿县");
    assertThat(g.mainRegion("全国优良天数比例").map(Region::name)).contains("全国");
    assertThat(g.mainRegion("没有地名")).isEmpty();
  }

  @Test
  void resourceCoversAllLevels() {
    List<Region> all = g.regions();
    assertThat(all.stream().filter(r -> r.level() == Level.PROVINCE)).hasSize(34);
    assertThat(all.stream().filter(r -> r.level() == Level.PREFECTURE).count()).isGreaterThan(330);
    assertThat(all.stream().filter(r -> r.level() == Level.COUNTY).count()).isGreaterThan(2800);
    // development zones: GB/T 2260's xxxx7x codes, state-level new areas, and landmarks.tsv's zones
    assertThat(all.stream().filter(r -> r.level() == Level.ZONE).count()).isGreaterThan(250);
    for (Region r : all) {
      if (r.parentCode() != null) {
        assertThat(g.parent(r)).as("parent of %s", r).isPresent();
      }
    }
  }

  @Test
  void nullAndEmptyText() {
    assertThat(g.find(null)).isEmpty();
    assertThat(g.find("")).isEmpty();
  }
}
