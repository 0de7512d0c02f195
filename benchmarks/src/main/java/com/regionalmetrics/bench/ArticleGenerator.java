package com.regionalmetrics.bench;

import com.hankcs.hanlp.HanLP;
import com.regionalmetrics.extract.Gazetteer;
import com.regionalmetrics.extract.IndicatorCatalog;
import com.regionalmetrics.extract.Region;
import com.regionalmetrics.extract.RegionMention;
import com.regionalmetrics.extract.TextNormalizer;
import com.regionalmetrics.extract.UnitTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic Chinese regional articles for pipeline benchmarks: statistical communiqués, government
 * work reports, economic news and environment bulletins about a region of the app's gazetteer, with
 * indicators of the app's catalog in units of its unit table, filler sentences and site
 * boilerplate; about one article in five in traditional script.
 *
 * <p>Article {@code i} depends only on the seed and {@code i} (its own {@link Random}), so a
 * benchmark can generate any slice, in any order, and always gets the same text. Every sentence and
 * template here was written for this generator.
 *
 * <p>Each article lists what it planted: for every statistical sentence, the region it is about
 * (gazetteer short name), its main value in the catalog's canonical unit, and that unit, so a test
 * can measure how much of it the extractor reads back.
 */
public final class ArticleGenerator {

  /** One article; {@code planted} has one entry per statistical sentence. */
  public record GeneratedArticle(
      String id, String text, LocalDate published, List<Planted> planted) {}

  /**
   * A statistic written into an article; {@code sentence} is the sentence as generated
   * (simplified).
   */
  public record Planted(String region, double value, String unit, String sentence) {}

  public static final int DEFAULT_MEAN_LENGTH = 1500;

  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  private static final int DAYS = 731; // 2024-01-01 .. 2025-12-31

  private final long seed;
  private final int meanLength;
  private final List<Spec> specs = new ArrayList<>();
  private final Map<String, List<Spec>> specsByCategory = new LinkedHashMap<>();
  private final List<Place> subjects = new ArrayList<>();
  private final List<Place> traditionalSubjects = new ArrayList<>();
  private final Map<String, Place> placeByCode = new HashMap<>();
  private final Map<String, List<Place>> childrenByCode = new HashMap<>();
  private final Map<String, UnitTable.Unit> unitBySurface = new HashMap<>();
  private final List<String> people = new ArrayList<>();

  public ArticleGenerator(long seed) {
    this(seed, DEFAULT_MEAN_LENGTH);
  }

  /** {@code meanLength}: the average article length in characters to aim at (at least 600). */
  public ArticleGenerator(long seed, int meanLength) {
    if (meanLength < 600) {
      throw new IllegalArgumentException("meanLength must be at least 600: " + meanLength);
    }
    this.seed = seed;
    this.meanLength = meanLength;
    Gazetteer gazetteer = Gazetteer.load();
    IndicatorCatalog catalog = IndicatorCatalog.load();
    UnitTable units = UnitTable.load();
    readSpecs(catalog);
    readPlaces(gazetteer);
    SURFACES.forEach(
        (unit, surfaces) -> {
          for (String surface : surfaces) {
            UnitTable.Match m = units.unitAt(surface, 0);
            if (m == null || m.end() != surface.length() || !m.unit().unit().equals(unit)) {
              throw new IllegalStateException(
                  "unit table does not read " + surface + " as " + unit);
            }
            unitBySurface.put(surface, m.unit());
          }
        });
    for (Spec s : specs) {
      if (!SURFACES.containsKey(s.unit()) && !s.unit().equals("index")
          || s.classifier() != null && !SURFACES.get("count").contains(s.classifier())) {
        throw new IllegalStateException("no unit surface for " + s.indicator().id());
      }
    }
    for (String family : FAMILY_NAMES.split(" ")) {
      for (String given : GIVEN_NAMES.split(" ")) {
        String name = family + given;
        if (gazetteer.find(name).isEmpty()) { // a reporter called 高明 would be read as 高明区
          people.add(name);
        }
      }
    }
    // fixed wording must name no region (长治久安 would be read as 长治): only the planted places may
    List<String> wording = new ArrayList<>();
    for (String[] pool :
        List.of(
            OPENERS,
            NEWS_OPENERS,
            ACTIONS,
            GOALS,
            STANDALONE,
            CLOSINGS,
            PROMISES,
            SCENES,
            MEETINGS)) {
      wording.addAll(List.of(pool));
    }
    THEME_ACTIONS.values().forEach(pool -> wording.addAll(List.of(pool)));
    THEMES.forEach(t -> wording.add(t.title() + t.bureau()));
    for (String[] section : COMMUNIQUE_SECTIONS) {
      wording.add(section[0]);
    }
    for (String phrase : wording) {
      List<RegionMention> m = gazetteer.find(phrase.replace("{S}", "").replace("{W}", ""));
      if (!m.isEmpty()) {
        throw new IllegalStateException(
            "wording names a region (" + m.get(0).region().name() + "): " + phrase);
      }
    }
  }

  /**
   * Article {@code index} of this seed; safe from several threads (the generator is fixed once
   * built).
   */
  public GeneratedArticle next(int index) {
    Random rng = new Random(mix(seed, index));
    LocalDate published = FIRST_DAY.plusDays(rng.nextInt(DAYS));
    boolean traditional = rng.nextInt(5) == 0;
    Place subject = pick(rng, traditional ? traditionalSubjects : subjects);
    Draft d = new Draft(rng, subject, published, traditional);
    String text = d.write();
    if (traditional) {
      text = HanLP.convertToTraditionalChinese(text);
    }
    return new GeneratedArticle(
        "bench-" + seed + "-" + index, text, published, List.copyOf(d.planted));
  }

  /** Articles 0 .. n-1. */
  public List<GeneratedArticle> generate(int n) {
    List<GeneratedArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next(i));
    }
    return out;
  }

  /**
   * Seed and index through the SplitMix64 finaliser: neighbouring indexes get unrelated streams.
   */
  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---------------------------------------------------------------------------------------------
  // Indicators

  /**
   * How to write one catalog indicator: its typical value for a prefecture in the catalog's unit,
   * the kind of change stated with it, whether it is a total over a period or a level at a date,
   * whether it grows with the size of the region, the counting word for counts, verbs that may
   * precede it and the labels to write.
   */
  private record Spec(
      IndicatorCatalog.Indicator indicator,
      double typical,
      String change,
      boolean overPeriod,
      boolean extensive,
      boolean countyToo,
      String classifier,
      List<String> verbs,
      List<String> labels) {
    String unit() {
      return indicator.unit();
    }

    boolean decreaseIsGood() {
      return change.endsWith("-");
    }
  }

  /*
   * id, typical prefecture value (catalog unit), change (yoy: %, pp: percentage points, abs: same
   * unit, none; a trailing '-' when a fall is the good news), when (p: over a period, d: at a
   * date), scale (e: extensive, P: extensive but not for counties, i: intensive), counting word
   * ('-' for none), verbs ('-' for none), labels.
   */
  private static final String SPECS =
      """
      econ.gdp                          3.2e11  yoy   p e - 实现           地区生产总值|生产总值|GDP
      econ.gdp_growth                   5.4     none  p i - -              经济增速|GDP增速
      econ.fiscal_revenue               2.6e10  yoy   p e - 完成|实现      一般公共预算收入|财政收入
      econ.fixed_investment             2.1e11  yoy   p e - 完成           固定资产投资
      econ.retail_sales                 1.5e11  yoy   p e - 实现           社会消费品零售总额|社零总额
      econ.exports                      4.0e10  yoy   p e - 实现           出口额|出口总额
      econ.foreign_trade                6.2e10  yoy   p e - 实现           进出口总额|外贸进出口总值
      econ.fdi                          3.5e8   yoy   p e - -              实际利用外资
      econ.disposable_income            34500   yoy   p i - -              居民人均可支配收入
      econ.urban_income                 46800   yoy   p i - -              城镇居民人均可支配收入
      econ.rural_income                 21600   yoy   p i - -              农村居民人均可支配收入
      econ.key_projects                 180     abs   p e 个 实施|推进     重点项目|省市重点项目
      econ.signed_projects              140     abs   p e 个 -             签约项目|招商引资项目
      econ.enterprises                  1800    abs   d e 家 -             规模以上工业企业|规上企业
      econ.tech_contracts               2600    yoy   p e 项 登记          技术合同
      econ.tech_contract_value          1.1e10  yoy   p e - 实现           技术合同成交额
      econ.high_tech_enterprises        1500    abs   d e 家 -             高新技术企业|科技型中小企业
      econ.rd_ratio                     2.1     pp    p i - -              研发投入强度|研发经费投入强度
      econ.unemployment                 5.1     pp-   p i - -              城镇调查失业率
      econ.employment_new               6.5e4   yoy   p e 人 实现          城镇新增就业|新增城镇就业
      industry.value_added              1.0e11  yoy   p e - 实现           规模以上工业增加值|规上工业增加值
      industry.output                   3.0e11  yoy   p e - 完成           工业总产值
      industry.clusters                 12      abs   d e 个 培育          特色产业集群|产业集群
      industry.parks                    15      none  d e 个 -             省级以上产业园区|产业园区
      industry.industrial_output_growth 6.8     none  p i - -           工业增速
      agri.grain_output                 2.8e6   yoy   p e - -              粮食产量|粮食总产
      agri.grain_area                   4.6e5   none  p e - -              粮食播种面积
      agri.vegetable_output             4.5e6   yoy   p e - -              蔬菜产量
      agri.vegetable_bases              45      abs   d e 个 建成          蔬菜生产基地
      agri.farmland                     2.8e5   none  d e - 建成|新建      高标准农田
      agri.output_value                 5.5e10  yoy   p e - 完成|实现      农林牧渔业总产值
      air.aqi_composite                 4.3     yoy-  p i - -              空气质量综合指数|环境空气质量综合指数
      air.pm25                          36      yoy-  p i - -              PM2.5平均浓度|细颗粒物(PM2.5)平均浓度|PM2.5年均浓度
      air.pm10                          62      yoy-  p i - -              PM10平均浓度|可吸入颗粒物(PM10)平均浓度
      air.no2                           26      yoy-  p i - -              二氧化氮平均浓度
      air.so2                           9       yoy-  p i - -              二氧化硫平均浓度
      air.o3                            158     yoy-  p i - -              臭氧浓度
      air.co                            1.1     yoy-  p i - -              一氧化碳浓度
      air.good_days                     276     abs   p i - -              空气质量优良天数|优良天数
      air.good_days_ratio               76.5    pp    p i - -              空气质量优良天数比率|优良天数比例
      air.heavy_pollution_days          5       abs-  p i - -              重污染天数
      water.quality_ratio               88      pp    p i - -              国省考断面水质优良比例|水质优良比例
      env.forest_coverage               36      pp    d i - -              森林覆盖率
      env.greening_ratio                42.5    pp    d i - -              建成区绿化覆盖率
      env.afforestation_area            1.8e4   none  p e - 完成           营造林面积|造林面积
      env.wetland_area                  3.2e4   none  d e - -              湿地面积
      env.coal_reduction                4.5e5   none  p e - -              压减燃煤
      env.boilers_removed               260     none  p e 台 -             淘汰燃煤锅炉
      energy.renewable_capacity         5.2e6   yoy   d e - -              可再生能源装机容量|新能源装机规模|清洁能源装机
      energy.wind_capacity              2.6e6   yoy   d e - -              风电装机容量|风电装机
      energy.solar_capacity             2.1e6   yoy   d e - -              光伏装机容量|光伏发电装机
      energy.installed_capacity         8.5e6   yoy   d e - -              电力装机容量
      energy.storage_capacity           4.5e5   yoy   d e - -              新型储能装机|储能装机
      energy.hydrogen_capacity          1.2e4   none  d P - -              年制氢能力|制氢能力
      energy.generation                 3.2e10  yoy   p e - 完成           发电量
      energy.green_power                9.0e9   yoy   p P - -              外送绿电|绿电外送量
      energy.consumption                4.2e10  yoy   p e - -              全社会用电量
      energy.renewable_share            42      pp    p i - -              可再生能源消费占比|清洁能源占比
      energy.charging_piles             1.6e4   abs   d e 个 建成          充电桩|公共充电桩
      digital.compute_capacity          4800    yoy   d P - -              算力规模|智能算力规模
      digital.data_centers              24      abs   d P 个 建成          数据中心项目|数据中心
      digital.servers                   2.2e5   yoy   d P 台 -             在运服务器|服务器装机
      digital.5g_base_stations          1.3e4   abs   d e 个 建成|新建     5G基站
      digital.broadband_users           2.4e6   yoy   d e 户 -             固定宽带用户|千兆用户
      digital.economy_scale             1.2e11  yoy   p e - 实现           数字经济核心产业增加值|数字经济规模
      digital.big_data_revenue          1.8e10  yoy   p P - 实现           大数据产业营业收入
      transport.highway_length          980     none  d e - -              高速公路通车里程|高速公路总里程
      transport.rail_length             1100    none  d P - -              铁路营业里程
      transport.rural_roads             1.4e4   none  d e - -              农村公路总里程
      transport.airport_passengers      6.0e6   yoy   p P 人次 完成        机场旅客吞吐量
      transport.freight_volume          2.2e8   yoy   p e - 完成           货运量|港口货物吞吐量
      transport.passenger_volume        3.5e7   yoy   p e 人次 完成        客运量|旅客发送量
      tourism.visitors                  3.2e7   yoy   p e 人次 -           接待游客|游客接待量
      tourism.revenue                   3.4e10  yoy   p e - 实现           旅游综合收入|旅游总收入
      tourism.a_scenic_spots            55      abs   d e 家 拥有          A级景区|A级旅游景区
      tourism.hotels                    48      none  d e 家 -             星级饭店
      tourism.projects                  40      none  p e 个 -             文旅项目
      health.hospitals                  160     abs   d e 家 -             医院|各级医院
      health.beds                       3.8e4   abs   d e 张 -             实有床位|病床
      health.doctors                    2.1e4   abs   d e 人 -             执业医师
      health.life_expectancy            78.6    none  p i - -              人均预期寿命
      health.insurance_coverage         96.5    none  p i - -              基本医疗保险参保率
      edu.schools                       1900    none  d e 所 -             各级各类学校|中小学
      edu.colleges                      9       none  d P 所 -             普通高校|高等院校
      edu.students                      9.5e5   yoy   d e 人 -             在校生|在校学生
      edu.enrolment_rate                91.5    pp    p i - -              学前教育毛入学率
      eldercare.institutions            140     abs   d e 家 -             养老机构|养老服务机构
      eldercare.beds                    2.1e4   abs   d e 张 -             养老床位
      pop.total                         4.6e6   abs   d e 人 -             常住人口
      pop.urbanisation                  61.5    pp    d i - -              常住人口城镇化率|城镇化率
      pop.births                        3.2e4   none  p e 人 -             出生人口
      housing.renovated                 260     none  p e 个 完成       改造老旧小区|老旧小区改造
      housing.affordable                6500    none  p e 套 筹集|建设     保障性住房
      water.reservoir                   120     none  d e 座 -             水库|各类水库
      """;

  private void readSpecs(IndicatorCatalog catalog) {
    Map<String, IndicatorCatalog.Indicator> byId = new HashMap<>();
    catalog.indicators().forEach(i -> byId.put(i.id(), i));
    for (String line : SPECS.strip().split("\n")) {
      String[] f = line.strip().split("\\s+");
      IndicatorCatalog.Indicator ind = byId.get(f[0]);
      if (ind == null) {
        throw new IllegalStateException("indicator not in the catalog: " + f[0]);
      }
      Spec s =
          new Spec(
              ind,
              Double.parseDouble(f[1]),
              f[2],
              f[3].equals("p"),
              !f[4].equals("i"),
              !f[4].equals("P"),
              f[5].equals("-") ? null : f[5],
              f[6].equals("-") ? List.of() : List.of(f[6].split("\\|")),
              List.of(f[7].split("\\|")));
      for (String label : s.labels()) {
        // the label must lead the extractor back to this indicator, else the catalog has moved on
        String found =
            catalog.match(label, ind.unit()).map(IndicatorCatalog.Indicator::id).orElse(null);
        if (!ind.id().equals(found)) {
          throw new IllegalStateException(
              "label " + label + " reads as " + found + ", not " + ind.id());
        }
      }
      specs.add(s);
      specsByCategory.computeIfAbsent(ind.category(), k -> new ArrayList<>()).add(s);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Regions

  /**
   * A region as articles name it: its full name (保定市), a short name when that is safe (保定), the
   * word for "the whole of it" (全市), and its size relative to a prefecture.
   */
  private record Place(
      Region region,
      String mention,
      String shortMention,
      String whole,
      double scale,
      boolean traditionalSafe) {
    /** 市 / 县 / 省 ...: the kind of place, as in 市长 or 县人民政府. */
    String unitWord() {
      return whole.substring(1);
    }

    /** The name papers and sites are named after: 保定 (保定日报), else the full name. */
    String brief() {
      return shortMention != null ? shortMention : mention;
    }
  }

  /**
   * Development zones, parks and islands have codes but are not what regional reports are about.
   */
  private static final List<String> NOT_SUBJECTS =
      List.of(
          "开发区", "园区", "新区", "管理区", "示范区", "实验区", "聚集区", "群岛", "海域", "行委", "新城", "食品区", "风景名胜区");

  private void readPlaces(Gazetteer gazetteer) {
    for (Region r : gazetteer.regions()) {
      if (r.level() != Region.Level.PROVINCE
          && r.level() != Region.Level.PREFECTURE
          && r.level() != Region.Level.COUNTY) {
        continue;
      }
      String full = r.fullName();
      // only the provinces with a site-licence prefix: Taiwan and the SARs write their own way
      if (!ICP.containsKey(r.code().substring(0, 2))
          || NOT_SUBJECTS.stream().anyMatch(full::contains)
          || !names(gazetteer, full, r)) {
        continue;
      }
      String shortName =
          r.level() != Region.Level.COUNTY
                  && !r.name().equals(full)
                  && names(gazetteer, r.name(), r)
              ? r.name()
              : null;
      boolean tradSafe =
          namesAfterRoundTrip(gazetteer, full, r)
              && (shortName == null || namesAfterRoundTrip(gazetteer, shortName, r));
      Place p = new Place(r, full, shortName, whole(r), scale(r), tradSafe);
      placeByCode.put(r.code(), p);
      if (r.parentCode() != null) {
        childrenByCode.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(p);
      }
      subjects.add(p);
      if (tradSafe) {
        traditionalSubjects.add(p);
      }
    }
  }

  /** True when the gazetteer reads {@code text} alone as exactly this region. */
  private static boolean names(Gazetteer g, String text, Region r) {
    List<RegionMention> m = g.find(text);
    return m.size() == 1
        && m.get(0).start() == 0
        && m.get(0).end() == text.length()
        && m.get(0).region().equals(r)
        && g.lookupAll(text).size() == 1;
  }

  /** The same, after the name went to traditional script and back through the app's normaliser. */
  private static boolean namesAfterRoundTrip(Gazetteer g, String text, Region r) {
    return names(g, TextNormalizer.normalize(HanLP.convertToTraditionalChinese(text)), r);
  }

  private static String whole(Region r) {
    String f = r.fullName();
    return switch (r.level()) {
      case PROVINCE -> f.endsWith("自治区") ? "全区" : f.endsWith("市") ? "全市" : "全省";
      case PREFECTURE ->
          f.endsWith("自治州") ? "全州" : f.endsWith("盟") ? "全盟" : f.endsWith("地区") ? "全地区" : "全市";
      default -> f.endsWith("县") ? "全县" : f.endsWith("区") ? "全区" : f.endsWith("旗") ? "全旗" : "全市";
    };
  }

  private static double scale(Region r) {
    return switch (r.level()) {
      case PROVINCE -> 9.0;
      case PREFECTURE -> 1.0;
      default -> 0.13;
    };
  }

  private Place parentOf(Place p) {
    return p.region().parentCode() == null ? null : placeByCode.get(p.region().parentCode());
  }

  private List<Place> childrenOf(Place p) {
    return childrenByCode.getOrDefault(p.region().code(), List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Wording

  /**
   * Unit surfaces written into articles by canonical unit, each checked against the app's unit
   * table.
   */
  private static final Map<String, List<String>> SURFACES =
      Map.ofEntries(
          Map.entry("CNY", List.of("元")),
          Map.entry("USD", List.of("美元")),
          Map.entry("kW", List.of("千瓦", "兆瓦")),
          Map.entry("kWh", List.of("千瓦时", "亿度")),
          Map.entry("t", List.of("吨")),
          Map.entry("ha", List.of("亩", "公顷")),
          Map.entry("km", List.of("公里", "千米")),
          Map.entry("μg/m³", List.of("微克/立方米")),
          Map.entry("mg/m³", List.of("毫克/立方米")),
          Map.entry("%", List.of("%")),
          Map.entry("day", List.of("天")),
          Map.entry("year", List.of("岁")),
          Map.entry("PFLOPS", List.of("P", "PFLOPS", "EFLOPS")),
          Map.entry("count", List.of("个", "家", "人", "人次", "项", "台", "张", "所", "户", "套", "座")));

  private static final String FAMILY_NAMES =
      "王 李 张 刘 陈 杨 赵 周 吴 徐 孙 朱 胡 郭 何 罗 梁 宋 郑 谢 韩 唐 冯 董 程 曹 袁 邓 许 傅";
  private static final String GIVEN_NAMES =
      "磊 静 伟 芳 敏 强 丽 军 洋 勇 艳 杰 娟 涛 超 霞 鹏 婷 晨 宇 建华 海燕 志强 晓东 文博 雨桐 思远 国栋 立新 佳怡";

  private static final String[] OPENERS = {
    "近年来，", "与此同时，", "此外，", "另一方面，", "在此基础上，", "围绕年度目标，", ""
  };

  /** Openers only news reporting on the current year uses. */
  private static final String[] NEWS_OPENERS = {"今年以来，", "据介绍，", "记者了解到，", "从调度情况看，"};

  private static final String[] ACTIONS = {
    "坚持稳中求进工作总基调", "深入实施创新驱动发展战略", "持续优化营商环境", "统筹推进新型城镇化和乡村全面振兴",
    "扎实推进生态环境保护", "加快构建现代化产业体系", "全力抓项目、稳投资、促消费", "推动传统产业转型升级",
    "大力发展数字经济", "着力保障和改善民生", "深化重点领域和关键环节改革", "推进大气污染联防联控",
    "加快建设清洁能源基地", "完善综合交通运输网络", "推动文化和旅游深度融合", "守牢安全生产底线",
    "强化企业服务专员制度", "抓实重点项目谋划储备", "健全防止返贫动态监测和帮扶机制", "深入开展科技成果转化行动",
    "持续打好蓝天、碧水、净土保卫战", "推进开发区体制机制改革", "加强基层医疗卫生服务能力建设", "扩大优质教育资源供给",
    "完善养老服务体系", "推动城市更新和老旧小区改造", "加快布局算力基础设施", "培育壮大新兴产业集群",
    "拓展对外开放合作空间", "加强耕地保护和高标准农田建设", "推动县域经济特色化发展", "实施城市精细化管理提升行动",
    "深化“放管服”改革", "开展招商引资攻坚行动", "支持民营经济做大做强", "推动平台经济规范健康发展",
    "提升公共服务均等化水平", "落实就业优先政策", "加强重要民生商品保供稳价", "推进农村人居环境整治",
    "持续擦亮特色农产品品牌", "推进水网骨干工程建设", "加快打造区域消费中心", "强化要素保障和服务",
    "统筹推进稳增长和防风险", "推动金融更好服务实体经济", "完善社会救助和兜底保障", "推进智慧城市建设"
  };

  /** Promises quoted from officials: the end of a quoted sentence. */
  private static final String[] PROMISES = {
    "力争全年目标任务圆满完成", "让发展成果更多更公平惠及群众", "持续提升群众满意度", "推动各项政策早落地、早见效", "确保经济运行稳中有进", "为高质量发展提供坚实支撑"
  };

  /** Places a reporter visits and what is going on there ("在…的物流园区，货车进进出出"). */
  private static final String[] SCENES = {
    "光伏电站项目建设现场，施工人员正在抓紧安装光伏组件",
    "数据中心项目工地，挖掘机来回穿梭，一派繁忙景象",
    "物流园区，货车进进出出，分拣线高效运转",
    "高标准农田示范区，大型农机来回作业",
    "污水处理厂扩建现场，工人们正在铺设管网",
    "产业园区标准化厂房，技术人员正在调试新设备",
    "农产品加工车间，生产线满负荷运转",
    "新能源汽车零部件生产线，机械臂精准作业"
  };

  private static final String[] GOALS = {
    "，经济运行总体平稳、稳中有进",
    "，为高质量发展注入新动能",
    "，群众获得感、幸福感、安全感不断增强",
    "，发展基础更加坚实",
    "，各项工作取得明显成效",
    "，主要指标保持在合理区间",
    "，发展的协调性和可持续性进一步增强",
    "，市场活力持续释放",
    "，产业结构不断优化",
    "，生态环境质量持续改善",
    "，创新动能加快集聚",
    "，城乡面貌焕然一新",
    "，民生福祉持续增进",
    "，营商环境持续向好",
    ""
  };

  private static final String[] STANDALONE = {
    "总体来看，经济运行延续回升向好态势，但外部环境复杂多变，部分企业生产经营仍面临困难。",
    "有关负责人表示，下一步将紧盯全年目标任务，强化运行监测调度，确保各项指标稳中有升。",
    "业内人士认为，新质生产力加快培育，为区域经济持续向好提供了有力支撑。",
    "从结构看，服务业对经济增长的贡献进一步提升，新动能成长较快。",
    "从需求看，消费市场平稳恢复，升级类商品销售增势较好。",
    "与此同时，重点领域风险得到有效防范化解，社会大局保持和谐稳定。",
    "当前，经济发展面临的有利条件强于不利因素，长期向好的基本趋势没有改变。",
    "该负责人介绍，相关部门将加大政策落实力度，推动惠企政策直达快享。",
    "群众普遍反映，家门口的变化看得见、摸得着。",
    "不少企业负责人表示，政策红利持续释放，发展信心明显增强。",
    "专家指出，应进一步激发民间投资活力，巩固经济回升基础。",
    "各地各部门密切配合，形成了上下联动、协同推进的工作格局。",
    "从生产看，工业生产稳中有升，装备制造业支撑作用明显。",
    "从投资看，基础设施投资保持较快增长，民间投资信心逐步恢复。",
    "从就业看，就业形势总体稳定，重点群体就业得到较好保障。",
    "从价格看，居民消费价格温和上涨，市场供应充足。",
    "分析人士指出，项目投资对经济增长的拉动作用持续显现。",
    "不少市民表示，出行更方便了，公园更多了，生活品质明显提升。",
    "据统计部门分析，新兴产业增势良好，传统产业加快转型。",
    "走进企业车间，智能化生产线正在高效运转。"
  };

  private static final String[] CLOSINGS = {
    "{S}将继续锚定目标、真抓实干，奋力谱写高质量发展新篇章。",
    "下一步，{S}将坚持问题导向，统筹发展和安全，推动经济实现质的有效提升和量的合理增长。",
    "{W}上下将以更加昂扬的精神状态，确保全年目标任务圆满完成。",
    "据悉，{S}还将出台一批稳增长的政策措施，进一步巩固和增强经济回升向好态势。",
    "{S}有关部门表示，将持续跟踪监测，及时研究解决运行中的突出问题。"
  };

  private static final Map<String, String[]> THEME_ACTIONS =
      Map.ofEntries(
          Map.entry(
              "environment", new String[] {"深入开展散煤治理和扬尘管控", "严格落实河湖长制", "推进国土绿化行动", "加强移动源污染防治"}),
          Map.entry(
              "energy", new String[] {"加快风光储一体化项目建设", "推进电网主网架提升工程", "谋划布局氢能产业链", "完善充电基础设施网络"}),
          Map.entry(
              "digital", new String[] {"推进数据中心集群建设", "加快千兆光网和移动网络升级", "推动数据要素市场化配置", "培育大数据龙头企业"}),
          Map.entry("transport", new String[] {"加快高速公路和国省干线建设", "推进四好农村路提质扩面", "完善综合交通枢纽功能"}),
          Map.entry("tourism", new String[] {"持续擦亮文旅品牌", "丰富夜间文旅消费场景", "推动景区提质升级"}),
          Map.entry("agriculture", new String[] {"落实粮食安全党政同责", "推广良种良法良机", "发展设施农业和特色种养"}),
          Map.entry("industry", new String[] {"实施技术改造专项行动", "推动产业链上下游协同发展", "支持企业智能化改造"}),
          Map.entry("health", new String[] {"推进紧密型县域医共体建设", "扩大家庭医生签约服务覆盖面"}),
          Map.entry("education", new String[] {"推进义务教育优质均衡发展", "加快补齐学前教育短板"}));

  /**
   * What a news article is about: its headline phrase, the office that gave the figures, the
   * catalog categories.
   */
  private record Theme(String title, String bureau, List<String> categories) {}

  private static final Theme ENVIRONMENT = new Theme("生态环境质量持续改善", "生态环境局", List.of("environment"));

  private static final List<Theme> THEMES =
      List.of(
          new Theme("经济运行稳中有进", "统计局", List.of("economy", "industry")),
          ENVIRONMENT,
          new Theme("新能源和数字产业加快发展", "发展和改革委员会", List.of("energy", "digital")),
          new Theme("综合交通网络加速成形", "交通运输局", List.of("transport", "economy")),
          new Theme("文旅市场持续升温", "文化广电和旅游局", List.of("tourism", "economy")),
          new Theme("夯实农业农村发展基础", "农业农村局", List.of("agriculture", "economy")),
          new Theme(
              "民生保障水平稳步提升",
              "统计局",
              List.of("health", "education", "eldercare", "population", "housing")));

  /** Sections of a statistical communiqué, in order, with the catalog categories each reports. */
  private static final String[][] COMMUNIQUE_SECTIONS = {
    {"综合", "economy population"},
    {"农业", "agriculture"},
    {"工业和建筑业", "industry"},
    {"固定资产投资", "economy"},
    {"国内贸易和旅游", "economy tourism"},
    {"能源", "energy"},
    {"交通、邮电和信息产业", "transport digital"},
    {"人民生活和社会保障", "economy eldercare housing"},
    {"教育和科学技术", "education economy"},
    {"卫生健康", "health"},
    {"资源和环境", "environment"}
  };

  private static final String[] CHINESE_ORDINALS = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"
  };

  private static final Map<String, String> ICP =
      Map.ofEntries(
          Map.entry("11", "京"),
          Map.entry("12", "津"),
          Map.entry("13", "冀"),
          Map.entry("14", "晋"),
          Map.entry("15", "蒙"),
          Map.entry("21", "辽"),
          Map.entry("22", "吉"),
          Map.entry("23", "黑"),
          Map.entry("31", "沪"),
          Map.entry("32", "苏"),
          Map.entry("33", "浙"),
          Map.entry("34", "皖"),
          Map.entry("35", "闽"),
          Map.entry("36", "赣"),
          Map.entry("37", "鲁"),
          Map.entry("41", "豫"),
          Map.entry("42", "鄂"),
          Map.entry("43", "湘"),
          Map.entry("44", "粤"),
          Map.entry("45", "桂"),
          Map.entry("46", "琼"),
          Map.entry("50", "渝"),
          Map.entry("51", "川"),
          Map.entry("52", "黔"),
          Map.entry("53", "滇"),
          Map.entry("54", "藏"),
          Map.entry("61", "陕"),
          Map.entry("62", "甘"),
          Map.entry("63", "青"),
          Map.entry("64", "宁"),
          Map.entry("65", "新"));

  private static <T> T pick(Random rng, List<T> list) {
    return list.get(rng.nextInt(list.size()));
  }

  private static <T> T pick(Random rng, T[] array) {
    return array[rng.nextInt(array.length)];
  }

  // ---------------------------------------------------------------------------------------------
  // One article

  private enum Kind {
    COMMUNIQUE,
    WORK_REPORT,
    NEWS,
    BULLETIN
  }

  /** A value as written ("3890.55亿元") and what it is in the canonical unit. */
  private record Amount(String text, double value) {}

  /** The state of one article being written. */
  private final class Draft {
    final Random rng;
    final Place subject;
    final LocalDate published;

    /**
     * Annual figures of the year before (published January to April), else the year so far up to
     * {@link #month}.
     */
    final boolean annual;

    final int year;
    final int month;
    final Kind kind;
    final Theme theme;

    /** Other places some sentences are about: the subject's subdivisions and neighbours. */
    final List<Place> others = new ArrayList<>();

    final List<Planted> planted = new ArrayList<>();
    final Set<String> usedFillers = new HashSet<>();
    final Set<String> usedIndicators = new HashSet<>();
    final int styleSeed;
    int quotes;

    /** The last statistical sentence was about the subject: the next may leave it unnamed. */
    boolean subjectInFocus;

    Draft(Random rng, Place subject, LocalDate published, boolean traditional) {
      this.rng = rng;
      this.subject = subject;
      this.published = published;
      this.annual = published.getMonthValue() <= 4;
      this.year = annual ? published.getYear() - 1 : published.getYear();
      this.month = annual ? 12 : published.getMonthValue() - 1;
      int k = rng.nextInt(10);
      this.kind =
          annual
              ? (k < 4
                  ? Kind.COMMUNIQUE
                  : k < 6 && published.getMonthValue() <= 3 ? Kind.WORK_REPORT : Kind.NEWS)
              : (k < 2 ? Kind.BULLETIN : Kind.NEWS);
      this.theme = kind == Kind.BULLETIN ? ENVIRONMENT : pick(rng, THEMES);
      this.styleSeed = rng.nextInt();
      List<Place> pool = new ArrayList<>(childrenOf(subject));
      Place parent = parentOf(subject);
      if (parent != null && subject.region().level() != Region.Level.PROVINCE) {
        for (Place sibling : childrenOf(parent)) {
          if (sibling != subject) {
            pool.add(sibling);
          }
        }
      }
      pool.removeIf(p -> traditional && !p.traditionalSafe());
      for (int i = 0; i < 3 && !pool.isEmpty(); i++) {
        others.add(pool.remove(rng.nextInt(pool.size())));
      }
    }

    String write() {
      int paragraphs = 3 + rng.nextInt(6);
      int stats = 6 + rng.nextInt(10);
      int target = (int) (meanLength * (0.6 + 0.8 * rng.nextDouble()));
      List<String> titles = new ArrayList<>();
      List<List<String>> categories = new ArrayList<>();
      plan(paragraphs, titles, categories);
      // the lead paragraph carries one statistic, the last only the closing; the others share the
      // rest, one each first
      int[] perParagraph = new int[paragraphs];
      perParagraph[0] = 1;
      for (int i = 1; i < stats; i++) {
        perParagraph[i <= paragraphs - 2 ? i : 1 + rng.nextInt(paragraphs - 2)]++;
      }
      StringBuilder head = new StringBuilder();
      headline(head);
      List<StringBuilder> paras = new ArrayList<>();
      for (int p = 0; p < paragraphs; p++) {
        StringBuilder b = new StringBuilder();
        if (p == 0) {
          intro(b);
        }
        for (int i = 0; i < perParagraph[p]; i++) {
          b.append(statistic(p, categories.get(p)));
        }
        paras.add(b);
      }
      if (kind == Kind.WORK_REPORT) {
        paras.get(paragraphs - 1).append(targets());
      }
      String closing =
          kind == Kind.COMMUNIQUE
              ? "注：公报中部分数据为初步统计数，个别数据因四舍五入与分项合计略有出入。"
              : fill(pick(rng, CLOSINGS));
      StringBuilder tail = new StringBuilder();
      footer(tail);
      int length = head.length() + closing.length() + tail.length();
      for (int p = 0; p < paragraphs; p++) {
        length +=
            paras.get(p).length() + 1 + (titles.get(p).isEmpty() ? 0 : titles.get(p).length() + 1);
      }
      while (length < target) {
        int p = rng.nextInt(paragraphs);
        String f = filler(categories.get(p));
        if (p > 0 && rng.nextBoolean()) { // the lead paragraph keeps its opening
          paras.get(p).insert(0, f);
        } else {
          paras.get(p).append(f);
        }
        length += f.length();
      }
      paras.get(paragraphs - 1).append(closing);
      StringBuilder out = new StringBuilder(length + 16).append(head);
      for (int p = 0; p < paragraphs; p++) {
        if (!titles.get(p).isEmpty()) {
          out.append(titles.get(p)).append('\n');
        }
        out.append(paras.get(p)).append('\n');
      }
      return out.append(tail).toString();
    }

    /** Section titles (empty for none) and the catalog categories each paragraph reports. */
    void plan(int paragraphs, List<String> titles, List<List<String>> categories) {
      for (int p = 0; p < paragraphs; p++) {
        titles.add("");
        categories.add(
            switch (kind) {
              case WORK_REPORT -> pick(rng, THEMES).categories();
              case NEWS -> (rng.nextInt(10) < 3 ? pick(rng, THEMES) : theme).categories();
              default -> theme.categories();
            });
      }
      if (kind == Kind.COMMUNIQUE) {
        // 一、综合 first, then body sections in communiqué order, the notes last and untitled
        List<Integer> chosen = new ArrayList<>();
        for (int i = 1; i < COMMUNIQUE_SECTIONS.length; i++) {
          chosen.add(i);
        }
        while (chosen.size() > paragraphs - 2) {
          chosen.remove(rng.nextInt(chosen.size()));
        }
        chosen.add(0, 0);
        for (int p = 0; p < paragraphs - 1; p++) {
          String[] section = COMMUNIQUE_SECTIONS[chosen.get(p)];
          titles.set(p, CHINESE_ORDINALS[p] + "、" + section[0]);
          categories.set(p, List.of(section[1].split(" ")));
        }
      } else if (kind == Kind.WORK_REPORT) {
        titles.set(1, "一、" + year + "年工作回顾");
        titles.set(paragraphs - 1, "二、" + (year + 1) + "年重点工作");
      }
    }

    // --- headline, dateline, intro, footer

    void headline(StringBuilder b) {
      String name = subject.mention();
      String brief =
          subject.shortMention() != null && rng.nextBoolean() ? subject.shortMention() : name;
      String date =
          published.getYear()
              + "年"
              + published.getMonthValue()
              + "月"
              + published.getDayOfMonth()
              + "日";
      String iso = published.toString();
      String clock = " " + two(8 + rng.nextInt(10)) + ":" + two(rng.nextInt(60));
      switch (kind) {
        case COMMUNIQUE -> {
          b.append(name).append(year).append("年国民经济和社会发展统计公报\n");
          b.append(
                  rng.nextBoolean()
                      ? "发布时间：" + iso + clock + "　来源：" + name + "统计局"
                      : name + "统计局　" + date)
              .append('\n');
        }
        case WORK_REPORT -> {
          b.append("政府工作报告\n——")
              .append(date)
              .append("在")
              .append(name)
              .append("第十")
              .append(CHINESE_ORDINALS[4 + rng.nextInt(3)])
              .append("届人民代表大会第")
              .append(CHINESE_ORDINALS[1 + rng.nextInt(3)])
              .append("次会议上\n");
          b.append(name).append(leaderTitle()).append('　').append(pick(rng, people)).append('\n');
          b.append("各位代表：\n现在，我代表").append(government()).append("向大会报告政府工作，请予审议。\n");
        }
        case BULLETIN -> {
          b.append(name)
              .append(year)
              .append("年")
              .append(annual ? "" : "1-" + month + "月")
              .append("生态环境质量状况\n");
          b.append("发布日期：").append(iso).append("　信息来源：").append(name).append("生态环境局\n");
        }
        case NEWS -> {
          b.append(brief)
              .append(rng.nextInt(3) == 0 ? "：" : "")
              .append(periodTitle())
              .append(theme.title())
              .append('\n');
          b.append(
                  switch (rng.nextInt(3)) {
                    case 0 -> iso + clock + "　来源：" + outlet() + "　作者：" + pick(rng, people);
                    case 1 -> "发布时间：" + date + clock + "　来源：" + outlet();
                    default -> date + "　" + outlet();
                  })
              .append('\n');
        }
      }
    }

    /** 市人民政府, 自治区人民政府, 行政公署 (a 地区 or 盟 is run by an office of the province). */
    String government() {
      return switch (subject.whole()) {
        case "全地区" -> "行政公署";
        case "全盟" -> "盟行政公署";
        default -> autonomousRegion() ? "自治区人民政府" : subject.unitWord() + "人民政府";
      };
    }

    String leaderTitle() {
      return subject.whole().equals("全地区")
          ? "行政公署专员"
          : autonomousRegion() ? "人民政府主席" : subject.unitWord() + "长";
    }

    boolean autonomousRegion() {
      return subject.region().level() == Region.Level.PROVINCE && subject.whole().equals("全区");
    }

    String periodTitle() {
      if (annual) {
        return year + "年";
      }
      return switch (month) {
        case 3 -> "一季度";
        case 6 -> "上半年";
        case 9 -> "前三季度";
        default -> rng.nextBoolean() ? "1-" + month + "月" : "今年以来";
      };
    }

    String outlet() {
      return switch (rng.nextInt(4)) {
        case 0 -> subject.brief() + "日报";
        case 1 -> subject.brief() + "新闻网";
        case 2 -> subject.mention() + "人民政府网";
        default -> subject.mention() + "融媒体中心";
      };
    }

    void intro(StringBuilder p) {
      switch (kind) {
        case COMMUNIQUE ->
            p.append(year)
                .append("年，面对复杂严峻的外部环境，")
                .append(subject.whole())
                .append(action(ACTIONS))
                .append(pick(rng, GOALS))
                .append("。");
        case WORK_REPORT ->
            p.append("过去一年，我们")
                .append(action(ACTIONS))
                .append("，")
                .append(action(ACTIONS))
                .append(pick(rng, GOALS))
                .append("。");
        case BULLETIN -> p.append(subject.whole()).append("持续打好污染防治攻坚战，环境质量总体保持稳定。");
        case NEWS -> {
          if (rng.nextBoolean()) {
            p.append(subject.brief()).append("日报讯（记者 ").append(pick(rng, people)).append("）");
          }
          p.append("记者从").append(subject.mention()).append(theme.bureau()).append("获悉，");
        }
      }
      subjectInFocus = true;
    }

    /** The expected targets of a work report: numbers, but forecasts, so not planted. */
    String targets() {
      return "今年经济社会发展的主要预期目标是：地区生产总值增长"
          + (5 + rng.nextInt(2))
          + "%左右，一般公共预算收入增长"
          + (4 + rng.nextInt(3))
          + "%，城镇调查失业率控制在5.5%以内，居民收入增长和经济增长同步。";
    }

    void footer(StringBuilder b) {
      if (rng.nextInt(4) > 0) {
        b.append("（来源：").append(outlet()).append("）\n");
      }
      b.append("责任编辑：").append(pick(rng, people)).append('\n');
      if (rng.nextInt(3) > 0) {
        b.append("相关阅读：\n");
        Set<String> links = new LinkedHashSet<>(); // a repeated link would look like a broken page
        for (int i = 2 + rng.nextInt(3); i > 0; i--) {
          Place o = others.isEmpty() ? subject : pick(rng, others);
          String topic =
              rng.nextBoolean()
                  ? periodTitle() + pick(rng, THEMES).title()
                  : "召开" + pick(rng, MEETINGS);
          links.add("· " + o.mention() + topic);
        }
        links.forEach(l -> b.append(l).append('\n'));
      }
      if (rng.nextBoolean()) {
        b.append("【打印本页】【关闭窗口】\n");
      }
      b.append("版权所有：")
          .append(subject.mention())
          .append("人民政府办公室　")
          .append(ICP.get(subject.region().code().substring(0, 2)))
          .append("ICP备")
          .append(10000000 + rng.nextInt(89999999))
          .append("号　联系电话：0")
          .append(100 + rng.nextInt(900))
          .append('-')
          .append(2000000 + rng.nextInt(7999999))
          .append('\n');
    }

    // --- fillers

    /**
     * A sentence without numbers, not used before in this article (after a few tries, whatever
     * comes).
     */
    String filler(List<String> categories) {
      String f = null;
      for (int attempt = 0; attempt < 4 && (f == null || usedFillers.contains(f)); attempt++) {
        f = newFiller(categories);
      }
      usedFillers.add(f);
      return f;
    }

    String newFiller(List<String> categories) {
      boolean news = kind == Kind.NEWS || kind == Kind.BULLETIN;
      int k = rng.nextInt(10);
      if (news && k < 2) {
        return pick(rng, STANDALONE);
      }
      String[] themed = THEME_ACTIONS.get(categories.get(0));
      String action = action(themed != null && k < 5 ? themed : ACTIONS);
      if (news && k == 9 && quotes++ == 0) { // one official quoted per article
        return "“我们将"
            + action
            + "，"
            + pick(rng, PROMISES)
            + "。”"
            + subject.mention()
            + theme.bureau()
            + "负责人"
            + pick(rng, people)
            + pick(rng, new String[] {"说", "表示", "介绍"})
            + "。";
      }
      if (news && k == 8) {
        return "在" + subject.mention() + "的" + pick(rng, SCENES) + "。";
      }
      String who =
          switch (rng.nextInt(3)) {
            case 0 -> subject.mention();
            case 1 -> subject.whole();
            default -> kind == Kind.WORK_REPORT ? "我们" : news ? "当地" : subject.whole();
          };
      String opener =
          news && !annual && rng.nextInt(3) == 0 ? pick(rng, NEWS_OPENERS) : pick(rng, OPENERS);
      return opener + who + action + pick(rng, GOALS) + "。";
    }

    /**
     * An action not yet used in this article, if a few tries (then a few in the general pool) find
     * one.
     */
    String action(String[] pool) {
      String a = pick(rng, pool);
      for (int attempt = 0; attempt < 6 && !usedFillers.add(a); attempt++) {
        a = pick(rng, attempt < 3 ? pool : ACTIONS);
      }
      return a;
    }

    String fill(String template) {
      return template.replace("{S}", subject.mention()).replace("{W}", subject.whole());
    }

    // --- statistics

    /** One statistical sentence in paragraph {@code p} (the lead keeps to the subject). */
    String statistic(int p, List<String> categories) {
      boolean other = p > 0 && !others.isEmpty() && rng.nextInt(5) == 0;
      Place place = other ? pick(rng, others) : subject;
      Spec spec = spec(place, categories);
      String sentence = other ? otherSentence(place, spec) : subjectSentence(spec, categories);
      subjectInFocus = !other;
      return sentence;
    }

    /**
     * Mostly an indicator of the paragraph's categories, sometimes any; only those that fit the
     * place.
     */
    Spec spec(Place place, List<String> categories) {
      boolean county = place.region().level() == Region.Level.COUNTY;
      for (int attempt = 0; ; attempt++) {
        List<Spec> pool =
            kind == Kind.BULLETIN || rng.nextInt(4) > 0
                ? specsByCategory.get(pick(rng, categories))
                : specs;
        Spec s = pick(rng, pool);
        // one value per indicator and place: a second one would contradict the first
        if ((s.countyToo() || !county)
            && (usedIndicators.add(place.region().code() + s.indicator().id()) || attempt > 20)) {
          return s;
        }
      }
    }

    String subjectSentence(Spec spec, List<String> categories) {
      String who = subjectPhrase();
      String label = pick(rng, spec.labels());
      String time = time(spec);
      Amount v = amount(spec, level(spec, subject), false);
      boolean relative = spec.change().startsWith("yoy") || spec.change().startsWith("pp");
      // a partial-year total compared with a past year's would mislead; levels and rates compare
      // fine
      boolean comparable = annual || !spec.overPeriod() || !spec.extensive();
      int t = rng.nextInt(20);
      String s;
      if (t < 4) { // the communiqué form: time, subject, label, value
        s = time + "，" + who + label + v.text() + change(spec, v) + "。";
      } else if (t < 8) {
        s = time + "，" + who + label + pick(rng, REACHES) + v.text() + change(spec, v) + "。";
      } else if (t < 10 && spec.overPeriod()) {
        s = who + time + label + "为" + v.text() + change(spec, v) + "。";
      } else if (t < 12 && !spec.verbs().isEmpty()) {
        s = time + "，" + who + pick(rng, spec.verbs()) + label + v.text() + change(spec, v) + "。";
      } else if (t < 14 && spec.extensive()) {
        v = amount(spec, level(spec, subject), true);
        s = rough(time, who, label, spec, v);
      } else if (t < 16 && comparable) {
        s = fromTo(time, who, label, spec, v);
      } else if (t < 17 && relative) { // the change first, the level after it
        s =
            time
                + "，"
                + who
                + label
                + changeFor(spec, v).substring(1)
                + "，"
                + (spec.extensive() ? pick(rng, TOTALS) : "达到")
                + v.text()
                + "。";
      } else if (t < 19) {
        s = time + "，" + who + label + v.text() + change(spec, v) + "，" + rank(spec) + "。";
      } else {
        s = time + "，" + who + label + v.text() + "，" + share() + "。";
      }
      if (t < 8 && rng.nextInt(20) < 7) { // 粮食产量X万吨；蔬菜产量Y万吨: a second figure, not planted
        Spec second = spec(subject, categories);
        Amount w = amount(second, level(second, subject), false);
        s =
            s.substring(0, s.length() - 1)
                + "；"
                + pick(rng, second.labels())
                + w.text()
                + change(second, w)
                + "。";
      }
      plant(subject, v, spec, s);
      if (spec.indicator().id().equals("econ.gdp") && v.value() >= 1e10 && rng.nextBoolean()) {
        s += sectors(v);
      }
      return s;
    }

    /** 其中，第一产业增加值…: the three sectors of a GDP figure (uncatalogued, not planted). */
    String sectors(Amount gdp) {
      double primary = 0.05 + 0.15 * rng.nextDouble();
      double secondary = 0.3 + 0.15 * rng.nextDouble();
      double[] shares = {primary, secondary, 1 - primary - secondary};
      StringBuilder b = new StringBuilder("其中，");
      for (int i = 0; i < 3; i++) {
        b.append(SECTORS[i])
            .append("增加值")
            .append(decimal(gdp.value() * shares[i] / 1e8, 2))
            .append("亿元，增长")
            .append(decimal(0.5 + 7 * rng.nextDouble(), 1))
            .append(i < 2 ? "%；" : "%。");
      }
      return b.toString();
    }

    /**
     * How the subject is named: in full, briefly, as 全市, or (right after a sentence about it) not
     * at all.
     */
    String subjectPhrase() {
      int k = rng.nextInt(10);
      if (k < 3 || !subjectInFocus && k >= 8) {
        return subject.mention();
      }
      if (k < 4 && subject.shortMention() != null) {
        return subject.shortMention();
      }
      return k < 8 || !subjectInFocus ? subject.whole() : "";
    }

    String otherSentence(Place place, Spec spec) {
      Amount v = amount(spec, level(spec, place), false);
      String label = pick(rng, spec.labels());
      // a subdivision is compared with the subject (全市), a neighbour with the region both belong to
      boolean child = subject.region().code().equals(place.region().parentCode());
      String area = child ? subject.whole() : enclosing();
      int t = rng.nextInt(4);
      String s;
      if (t == 0) {
        s = (child ? "其中，" : "同期，") + place.mention() + label + v.text() + change(spec, v) + "。";
      } else if (t == 1 && others.size() > 1) {
        Place second = others.get(others.get(0) == place ? 1 : 0);
        usedIndicators.add(second.region().code() + spec.indicator().id());
        Amount w = amount(spec, level(spec, second), false);
        s =
            place.mention()
                + "、"
                + second.mention()
                + label
                + "分别为"
                + v.text()
                + "和"
                + w.text()
                + "。";
      } else if (t == 2) {
        s =
            place.mention()
                + label
                + "达到"
                + v.text()
                + "，居"
                + area
                + pick(rng, new String[] {"首位", "前列"})
                + "。";
      } else {
        String versus =
            spec.change().startsWith("yoy")
                ? changeFor(spec, v)
                    + "，增速"
                    + (rng.nextBoolean() ? "高于" : "低于")
                    + area
                    + "平均水平"
                    + decimal(0.2 + 3 * rng.nextDouble(), 1)
                    + "个百分点"
                : change(spec, v);
        s = place.mention() + time(spec) + label + v.text() + versus + "。";
      }
      plant(place, v, spec, s);
      return s;
    }

    void plant(Place place, Amount v, Spec spec, String sentence) {
      planted.add(new Planted(place.region().name(), v.value(), spec.unit(), sentence));
    }

    /** 约/超过/突破/近 before the value, or 余 before the counting word (1.2万余个). */
    String rough(String time, String who, String label, Spec spec, Amount v) {
      String text = v.text();
      if (spec.classifier() != null && v.value() >= 10 && rng.nextBoolean()) {
        text =
            text.substring(0, text.length() - spec.classifier().length()) + "余" + spec.classifier();
        return time + "，" + who + label + text + "。";
      }
      return time + "，" + who + label + pick(rng, new String[] {"约", "超过", "突破", "近"}) + text + "。";
    }

    /**
     * 从2021年的X提高到2024年的Y (the later value is planted); just the level when both would read the
     * same.
     */
    String fromTo(String time, String who, String label, Spec spec, Amount v) {
      boolean down = spec.decreaseIsGood() == rng.nextInt(5) > 0;
      Amount before =
          amount(spec, v.value() * (1 + (0.04 + 0.3 * rng.nextDouble()) * (down ? 1 : -1)), false);
      if (down ? before.value() <= v.value() : before.value() >= v.value()) {
        return time + "，" + who + label + v.text() + "。";
      }
      String verb =
          down
              ? pick(rng, new String[] {"降至", "下降到", "减少到"})
              : pick(rng, new String[] {"提高到", "增长到", "增加到", "提升至"});
      int since = year - 1 - rng.nextInt(5);
      return (annual ? "" : stockTime() + "，")
          + who
          + label
          + (rng.nextBoolean() ? "从" : "由")
          + since
          + "年的"
          + before.text()
          + verb
          + (annual ? year + "年的" : "")
          + v.text()
          + "。";
    }

    String rank(Spec spec) {
      if (spec.indicator().category().equals("environment")
          && subject.region().level() == Region.Level.PREFECTURE
          && rng.nextBoolean()) {
        return "在全国168个重点城市中排名第" + (1 + rng.nextInt(168)) + "位";
      }
      Place parent = parentOf(subject);
      int n = parent == null ? 0 : childrenOf(parent).size();
      if (n < 3) {
        return "位居" + enclosing() + "前列";
      }
      int k = 1 + rng.nextInt(n);
      String peers = subject.region().level() == Region.Level.PREFECTURE ? "个市（州）" : "个县（市、区）";
      return rng.nextBoolean()
          ? "居" + enclosing() + "第" + k + "位"
          : "在" + enclosing() + n + peers + "中排名第" + k;
    }

    String share() {
      double pct = parentOf(subject) == null ? 1 + 8 * rng.nextDouble() : 3 + 20 * rng.nextDouble();
      return "占" + enclosing() + "的" + decimal(pct, 1) + "%";
    }

    /**
     * The region enclosing the subject as the article calls it: 全省, or 黄冈市 when 全市 would mean the
     * subject.
     */
    String enclosing() {
      Place parent = parentOf(subject);
      return parent == null
          ? "全国"
          : parent.whole().equals(subject.whole()) ? parent.mention() : parent.whole();
    }

    // --- times

    /**
     * When the value was measured: a period for totals, a date for levels; consistent with the
     * publication date.
     */
    String time(Spec spec) {
      if (!spec.overPeriod()) {
        return stockTime();
      }
      if (annual) {
        return pick(rng, new String[] {year + "年", "全年", "去年", year + "年全年"});
      }
      return switch (rng.nextInt(4)) {
        case 0 ->
            month == 3 ? "一季度" : month == 6 ? "上半年" : month == 9 ? "前三季度" : "今年1-" + month + "月";
        case 1 -> "1-" + month + "月";
        case 2 -> "今年以来";
        default -> "今年前" + month + "个月";
      };
    }

    String stockTime() {
      if (annual) {
        return pick(
            rng, new String[] {"截至" + year + "年底", "截至去年底", year + "年末", "截至" + year + "年末"});
      }
      return pick(
          rng, new String[] {"截至" + month + "月底", "截至目前", "截至" + year + "年" + month + "月末"});
    }

    // --- values

    /**
     * A typical value of the indicator for the place: totals vary widely between places, rates and
     * levels less.
     */
    double level(Spec spec, Place place) {
      double spread = spec.extensive() ? 1.0 : spec.unit().equals("year") ? 0.06 : 0.3;
      double v = spec.typical() * Math.exp((rng.nextDouble() - 0.5) * spread);
      return spec.extensive() ? v * place.scale() : spec.unit().equals("%") ? Math.min(v, 99.5) : v;
    }

    /** A change clause, or none (three times in ten). */
    String change(Spec spec, Amount level) {
      return rng.nextInt(10) < 3 ? "" : changeFor(spec, level);
    }

    /** A change clause (，同比增长5.2%) fitting the indicator; {@code level} sizes absolute changes. */
    String changeFor(Spec spec, Amount level) {
      boolean up = rng.nextInt(6) > 0 != spec.decreaseIsGood();
      String base =
          annual
              ? pick(rng, new String[] {"比上年", "同比", "较上年", ""})
              : pick(rng, new String[] {"同比", "比去年同期", ""});
      switch (spec.change().replace("-", "")) {
        case "yoy" -> {
          return "，" + base + (up ? "增长" : "下降") + decimal(0.3 + 11.5 * rng.nextDouble(), 1) + "%";
        }
        case "pp" -> {
          return "，"
              + base
              + (up ? pick(rng, new String[] {"提高", "上升"}) : pick(rng, new String[] {"下降", "回落"}))
              + decimal(0.1 + 2.4 * rng.nextDouble(), 1)
              + "个百分点";
        }
        case "abs" -> {
          Amount d =
              amount(spec, Math.max(1, level.value() * (0.02 + 0.1 * rng.nextDouble())), false);
          return "，"
              + (spec.indicator().id().equals("pop.total") ? "比上年末" : base)
              + (up ? "增加" : "减少")
              + d.text();
        }
        default -> {
          return "";
        }
      }
    }

    /**
     * Writes a value in a unit the app's unit table knows, choosing the magnitude as reports do;
     * the unit word (万千瓦 or 兆瓦, 亩 or 公顷) stays the same for an indicator within an article.
     */
    Amount amount(Spec spec, double v, boolean rough) {
      int style = (styleSeed ^ spec.indicator().id().hashCode()) & Integer.MAX_VALUE;
      return switch (spec.unit()) {
        case "CNY" ->
            v >= 1e8
                ? scaled(v, 1e8, "亿", "元", rough)
                : v >= 1e5 && spec.extensive()
                    ? scaled(v, 1e4, "万", "元", rough)
                    : integer(v, "元", rough);
        case "USD" ->
            v >= 1e8 ? scaled(v, 1e8, "亿", "美元", rough) : scaled(v, 1e4, "万", "美元", rough);
        case "kW" ->
            v < 1e6 && style % 3 == 0
                ? scaled(v, 1e3, "", "兆瓦", rough)
                : v >= 1e4 ? scaled(v, 1e4, "万", "千瓦", rough) : integer(v, "千瓦", rough);
        case "kWh" ->
            v >= 1e8 && style % 4 == 0
                ? scaled(v, 1e8, "", "亿度", rough)
                : v >= 1e8 ? scaled(v, 1e8, "亿", "千瓦时", rough) : scaled(v, 1e4, "万", "千瓦时", rough);
        case "t" -> v >= 1e4 ? scaled(v, 1e4, "万", "吨", rough) : integer(v, "吨", rough);
        case "ha" ->
            style % 5 < 3
                ? (v * 15 >= 1e4
                    ? scaled(v * 15, 1e4, "万", "亩", rough)
                    : integer(v * 15, "亩", rough))
                : v >= 1e4 ? scaled(v, 1e4, "万", "公顷", rough) : integer(v, "公顷", rough);
        case "km" ->
            v >= 1e4
                ? scaled(v, 1e4, "万", "公里", rough)
                : integer(v, style % 4 == 0 ? "千米" : "公里", rough);
        case "μg/m³" ->
            rng.nextInt(4) == 0 ? at(v, 1, 1, "", "微克/立方米") : integer(v, "微克/立方米", rough);
        case "mg/m³" -> at(v, 1, 1, "", "毫克/立方米");
        case "%" -> at(v, rng.nextInt(4) == 0 ? 2 : 1, 1, "", "%");
        case "day" -> integer(Math.min(v, 365), "天", rough);
        case "year" -> at(v, 1 + rng.nextInt(2), 1, "", "岁");
        case "index" -> at(v, 2, 1, "", "");
        case "PFLOPS" ->
            v >= 1000 && style % 2 == 0
                ? at(v / 1000, 2, 1, "", "EFLOPS")
                : v >= 1e4
                    ? scaled(v, 1e4, "万", "P", rough)
                    : integer(v, style % 4 == 1 ? "P" : "PFLOPS", rough);
        case "count" ->
            v >= 1e5 || v >= 1e4 && rng.nextBoolean()
                ? scaled(v, 1e4, "万", spec.classifier(), rough)
                : integer(v, spec.classifier(), rough);
        default -> throw new IllegalStateException("no surface for unit " + spec.unit());
      };
    }

    /**
     * 3890.55亿元: the value in units of {@code divisor} (written as {@code word}, or carried by the
     * surface: 兆瓦, 亿度) with 0-2 decimals; rough: two significant digits.
     */
    Amount scaled(double v, double divisor, String word, String surface, boolean rough) {
      double x = v / divisor;
      if (rough) {
        int exponent = roughExponent(x);
        double step = Math.pow(10, exponent);
        return at(Math.round(x / step) * step, Math.max(0, -exponent), divisor, word, surface);
      }
      return at(
          x, x >= 1000 ? rng.nextInt(3) : x >= 10 ? 1 + rng.nextInt(2) : 2, divisor, word, surface);
    }

    /**
     * A whole number (at least 1), sometimes with a thousands separator (1,256公里) as some sites
     * write.
     */
    Amount integer(double v, String surface, boolean rough) {
      long n = Math.max(1, Math.round(v));
      if (rough && n >= 10) {
        long step = (long) Math.pow(10, roughExponent(n));
        n = Math.round((double) n / step) * step;
      }
      String digits = Long.toString(n);
      if (n >= 1000 && rng.nextInt(8) == 0) {
        digits =
            digits.substring(0, digits.length() - 3) + "," + digits.substring(digits.length() - 3);
      }
      return new Amount(digits + surface, n * factor(surface));
    }

    /** Where rough values are rounded: 2 significant digits (4600, 1.2), tens below 100 (30). */
    int roughExponent(double x) {
      int exponent = (int) Math.floor(Math.log10(x));
      return x >= 100 || x < 10 && x >= 1 ? exponent - 1 : exponent;
    }

    /**
     * x with the decimals, then the magnitude word and the unit; the value is what that text says.
     */
    Amount at(double x, int decimals, double divisor, String word, String surface) {
      long scale = (long) Math.pow(10, decimals);
      long n = Math.max(1, Math.round(x * scale));
      String digits =
          decimals == 0 ? Long.toString(n) : (n / scale) + "." + pad(n % scale, decimals);
      double magnitude =
          word.isEmpty() ? 1 : divisor; // 兆瓦 and 亿度 carry their magnitude in the unit factor
      return new Amount(digits + word + surface, n * magnitude / scale * factor(surface));
    }

    double factor(String surface) {
      return surface.isEmpty() ? 1 : unitBySurface.get(surface).factor(); // an index has no unit
    }
  }

  private static final String[] SECTORS = {"第一产业", "第二产业", "第三产业"};
  private static final String[] REACHES = {"达到", "达", "为", "攀升至"};
  private static final String[] TOTALS = {"总量达到", "规模达到", "达到"};
  private static final String[] MEETINGS = {"重点项目建设推进会", "经济运行分析会", "生态环境保护委员会全体会议", "优化营商环境大会"};

  private static String decimal(double v, int decimals) {
    long scale = (long) Math.pow(10, decimals);
    long n = Math.round(v * scale);
    return (n / scale) + "." + pad(n % scale, decimals);
  }

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
