package com.regionalmetrics.reliability;

import com.regionalmetrics.avro.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates small realistic articles, each stating exactly one value of one indicator of one city
 * for one year. Every (city, indicator, year) is used at most once, so the latest value of every
 * key is unambiguous (the greatest year) and a reference is easy to compute. {@link
 * ArticleGeneratorTest} checks every generated article against the real extractor.
 */
final class ArticleGenerator {
  static final Instant PUBLISHED = Instant.parse("2025-03-01T00:00:00Z");
  static final String PUBLISHED_TEXT = "2025-03-01";

  static final List<String> CITIES =
      List.of(
          "七台河", "三亚", "三明", "三门峡", "上饶", "宁波", "东营", "中卫", "临汾", "临沂", "临沧", "丹东", "丽水", "丽江",
          "乌兰察布", "乌海", "乐山", "九江", "云浮", "亳州", "佛山", "佳木斯", "保定", "保山", "信阳", "克拉玛依", "六安", "六盘水",
          "兰州", "内江", "包头", "北海", "十堰", "南京", "南充", "南宁", "南平", "南昌", "南通", "南阳", "厦门", "双鸭山", "台州",
          "合肥", "吉安", "吕梁", "吴忠", "周口", "咸宁", "咸阳", "哈尔滨", "唐山", "商丘", "嘉兴", "大同", "大庆", "大连", "天水",
          "太原", "威海");

  /** One indicator: a sentence template, its catalog id, and how the value is written. */
  enum Template {
    DATA_CENTERS("digital.data_centers", "截至%d年底，%s市数据中心项目达到%s个。"),
    FOREST("env.forest_coverage", "%d年，%s市森林覆盖率达到%s%%。"),
    RENEWABLES("energy.renewable_capacity", "%d年，%s市可再生能源装机规模达到%s万千瓦。"),
    PM25("air.pm25", "%d年，%s市PM2.5平均浓度为%s微克/立方米。"),
    GOOD_DAYS("air.good_days", "%d年，%s市优良天数为%s天。");

    final String indicator;
    final String pattern;

    Template(String indicator, String pattern) {
      this.indicator = indicator;
      this.pattern = pattern;
    }

    /** The number as written, and its value in the canonical unit. */
    String written(Random r) {
      return switch (this) {
        case DATA_CENTERS -> Integer.toString(1 + r.nextInt(999));
        case FOREST -> String.format(Locale.ROOT, "%d.%d", 10 + r.nextInt(70), 1 + r.nextInt(9));
        case RENEWABLES ->
            String.format(Locale.ROOT, "%d.%d", 100 + r.nextInt(9000), 1 + r.nextInt(9));
        case PM25 -> Integer.toString(10 + r.nextInt(140));
        case GOOD_DAYS -> Integer.toString(100 + r.nextInt(260));
      };
    }

    double canonical(String written) {
      double v = Double.parseDouble(written);
      return this == RENEWABLES ? Math.round(v * 10) * 1000.0 : v; // 万千瓦 -> kW, without float noise
    }
  }

  static final int FIRST_YEAR = 1990;
  static final int LAST_YEAR = 2024;

  /** What an article says, and so what the pipeline must make of it. */
  record Generated(String id, String text, String city, Template template, int year, double value) {
    String key() {
      return city + "|" + template.indicator;
    }

    Article article() {
      return Article.newBuilder()
          .setId(id)
          .setText(text)
          .setPublishedAt(PUBLISHED)
          .setSource("generator")
          .setUrl(null)
          .setTitle(null)
          .setRegionHint(null)
          .build();
    }
  }

  private ArticleGenerator() {}

  static int capacity() {
    return CITIES.size() * Template.values().length * (LAST_YEAR - FIRST_YEAR + 1);
  }

  /** n distinct articles (n at most {@link #capacity()}), the same for the same seed. */
  static List<Generated> generate(int n, long seed, String idPrefix) {
    if (n > capacity()) {
      throw new IllegalArgumentException("at most " + capacity() + " distinct articles");
    }
    List<int[]> combos = new ArrayList<>(capacity());
    for (int c = 0; c < CITIES.size(); c++) {
      for (int t = 0; t < Template.values().length; t++) {
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
          combos.add(new int[] {c, t, y});
        }
      }
    }
    Random r = new Random(seed);
    Collections.shuffle(combos, r);
    List<Generated> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int[] combo = combos.get(i);
      String city = CITIES.get(combo[0]);
      Template t = Template.values()[combo[1]];
      String written = t.written(r);
      String text =
          city + "市发展成就巡礼\n" + String.format(Locale.ROOT, t.pattern, combo[2], city, written);
      out.add(new Generated(idPrefix + "-" + i, text, city, t, combo[2], t.canonical(written)));
    }
    return out;
  }
}
