package com.regionalmetrics.extract;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names the series an observation belongs to: its full {@link MeasureId} {@code
 * base[subject].kind@window} (docs/indicators.md). The base is the catalog id of the label (or a
 * derived {@code x.} id), the subject comes from {@link SubjectNormaliser}, the kind from the
 * change the reader found, the window from {@link WindowRule}.
 *
 * <p>One namer reads one article, sentence by sentence, in order: a window named earlier in a
 * paragraph (1-8月,…;空气质量综合指数2.62) holds for its later sentences, and a facility named earlier in a
 * sentence (亚布力度假区接待游客8.4万人次,收入4409万元) for its later bare figures.
 */
final class MeasureNamer {

  /** What the reader knows about one figure. */
  record Figure(
      String label,
      String unit,
      boolean change,
      boolean rankChange,
      String kindSuffix, // .yoy_pct .pct .abs .pp .rank_change or ""
      String sentence,
      int numberStart,
      int numberEnd,
      boolean fromTo, // X or Y of 从X降至Y: a level at two points, not a cumulative figure
      boolean target,
      Integer targetYear,
      int paragraph) {}

  /** Units of figures that accumulate over a span (counts, money, energy, mass, area, length). */
  private static final Set<String> CUMULATIVE_UNITS =
      Set.of("count", "CNY", "USD", "kW", "kWh", "t", "ha", "km", "m3", "PFLOPS");

  /**
   * Head nouns of facilities and places narrower than a region: their subject holds for the
   * sentence's bare figures.
   */
  private static final String[] FACILITY_HEADS = {
    "景区", "度假区", "滑雪场", "景点", "机场", "港", "码头", "站", "园区", "开发区", "高新区", "新区", "示范区", "产业园", "基地",
    "公园", "工程", "大桥", "水库", "医院", "大学", "学院", "集团", "公司", "小镇", "古镇", "博物馆"
  };

  /**
   * Head nouns of a kind of institution counted in a sentence (普通小学663所,在校生76.2万人): its bare
   * figures that follow are the institution kind's, not the region's total.
   */
  private static final String[] INSTITUTION_HEADS = {
    "学校", "小学", "初中", "高中", "中学", "高校", "幼儿园", "医院", "卫生院", "机构"
  };

  private final IndicatorCatalog catalog;
  private final SubjectNormaliser subjects;

  // article state
  private int paragraph = Integer.MIN_VALUE;
  private String paraWindow;
  // sentence state
  private String sentence;
  private List<WindowRule.Phrase> phrases = List.of();
  private String facility; // a facility subject named in this sentence
  private String parent; // 衔接铁路线路4条,其中…: the uncatalogued total the sub-items belong to
  private int parentEnd;
  private String lastLevelBase;
  private String lastLevelLabel; // as matched, see levelLabel
  private String lastLevelUnit;
  private int lastLevelEnd;

  MeasureNamer(IndicatorCatalog catalog, Gazetteer gazetteer) {
    this.catalog = catalog;
    this.subjects = new SubjectNormaliser(gazetteer);
  }

  /**
   * The scope of a rank's pool named in its label (RankRules.withPool), as an id part; null when
   * none.
   */
  static String rankPool(String label) {
    for (int i = 0; i < Lexicon.RANK_POOL_SCOPES.length; i++) {
      if (label.contains(Lexicon.RANK_POOL_SCOPES[i] + "排名")) {
        return Lexicon.RANK_POOL_IDS[i];
      }
    }
    return null;
  }

  /** The label without the pool scope before its 排名 (粮食产量全省排名 → 粮食产量排名). */
  static String withoutPool(String label) {
    for (String w : Lexicon.RANK_POOL_SCOPES) {
      int i = label.lastIndexOf(w + "排名");
      if (i > 0) {
        return label.substring(0, i) + label.substring(i + w.length());
      }
    }
    return label;
  }

  /** The measure id of a figure; figures of one article must come in reading order. */
  MeasureId name(Figure f) {
    enter(f.sentence(), f.paragraph());
    String label = SubjectNormaliser.forMatching(f.label());
    String pool = "rank".equals(f.unit()) || f.rankChange() ? rankPool(f.label()) : null;
    if (pool != null) {
      label = withoutPool(label); // 空气质量综合指数全省排名 is air.aqi_rank, in the province's pool
    }
    String matchUnit;
    if (f.rankChange()) {
      matchUnit = "rank";
    } else if (f.change()) {
      matchUnit = ".pp".equals(f.kindSuffix()) ? "%" : ("%".equals(f.unit()) ? null : f.unit());
    } else {
      matchUnit = f.unit();
    }
    Optional<IndicatorCatalog.Match> m = catalog.matchAlias(label, matchUnit);
    String timeless = null; // the label without time words: computed at most once per figure
    String base;
    SubjectNormaliser.Result sub;
    if (m.isPresent()) {
      base = m.get().indicator().id();
      sub = subjects.subject(label, m.get().start(), m.get().end());
    } else {
      timeless = SubjectNormaliser.withoutTime(label);
      String cleaned = SubjectNormaliser.withoutGeneric(timeless);
      base = IndicatorCatalog.derivedId(cleaned.length() >= 2 ? cleaned : label);
      sub = SubjectNormaliser.NONE;
    }
    if (sub.modifier() != null) {
      base = base + "." + sub.modifier();
    }
    if (pool != null) {
      base = base + "." + pool; // 粮食产量全省排名 and 粮食产量全国排名 are two measures
    }
    String subject = sub.subject();

    // a bare figure after a facility in the same sentence is the facility's (收入4409万元)
    if (subject == null
        && facility != null
        && m.isPresent()
        && m.get().start() == 0
        && m.get().end() == label.length()
        && !endsWithAny(label, INSTITUTION_HEADS)) { // 其中基层医疗卫生机构480个: a kind of its own
      subject = facility;
    }
    // 衔接铁路线路4条,其中,高速铁路1条: a part of an uncatalogued total
    if (subject == null
        && parent == null
        && lastLevelBase != null
        && lastLevelBase.startsWith("x.")
        && !f.change()
        && f.unit().equals(lastLevelUnit)
        && f.numberStart() > lastLevelEnd
        && f.sentence().substring(lastLevelEnd, f.numberStart()).contains("其中")) {
      parent = levelLabel(lastLevelLabel);
      parentEnd = lastLevelEnd;
    }
    if (subject == null && parent != null && !f.change() && f.numberStart() > parentEnd) {
      subject = parent;
    }
    if (subject != null && endsWithFacility(subject)) {
      facility = subject;
    } else if (!f.change() && "count".equals(f.unit())) {
      timeless = timeless != null ? timeless : SubjectNormaliser.withoutTime(label);
      String kindOf = SubjectNormaliser.clean(timeless);
      if (kindOf.length() >= 2 && endsWithAny(kindOf, INSTITUTION_HEADS)) {
        // 普通小学63所,在校生7.62万人: the pupils of 普通小学 (of 初中 after 初中学校, as 初中在校生 says)
        facility = subject != null ? subject : kindOf;
      }
    }

    String kind =
        f.kindSuffix() == null || f.kindSuffix().isEmpty() ? null : f.kindSuffix().substring(1);
    String window = null;
    if (f.target()) {
      String t = f.targetYear() == null ? "target" : "target_" + f.targetYear();
      kind = kind == null ? t : kind + "." + t;
    } else {
      window = window(f);
    }
    if (!f.change() && !f.rankChange()) {
      lastLevelBase = base;
      lastLevelLabel = label; // cleaned by levelLabel only when a part of it follows (rare)
      lastLevelUnit = f.unit();
      lastLevelEnd = f.numberEnd();
    }
    return new MeasureId(base, subject, kind, window);
  }

  /**
   * After a sentence is read (with or without figures): a window it names holds for the rest of its
   * paragraph.
   */
  void afterSentence(String s, int para) {
    enter(s, para);
    if (!phrases.isEmpty()) {
      WindowRule.Phrase last = phrases.get(phrases.size() - 1);
      paraWindow = last.type() == WindowRule.Type.WINDOW ? last.window() : null;
    }
  }

  private String window(Figure f) {
    WindowRule.Phrase p = WindowRule.before(phrases, f.numberStart());
    if (p == null) {
      return paraWindow;
    }
    return switch (p.type()) {
      case WINDOW -> p.window();
      case SINCE ->
          !f.fromTo() && !f.change() && CUMULATIVE_UNITS.contains(f.unit()) ? p.window() : null;
      case NONE -> null;
    };
  }

  private void enter(String s, int para) {
    if (para != paragraph) {
      paragraph = para;
      paraWindow = null;
    }
    if (s != sentence) {
      sentence = s;
      phrases = WindowRule.phrases(s);
      facility = null;
      parent = null;
      lastLevelBase = null;
      lastLevelLabel = null;
      lastLevelUnit = null;
    }
  }

  /** A level's label as the total its parts belong to: without time and generic words. */
  private static String levelLabel(String label) {
    String cleaned = SubjectNormaliser.clean(SubjectNormaliser.withoutTime(label));
    return cleaned.length() < 2 ? label : cleaned;
  }

  private static boolean endsWithFacility(String subject) {
    return endsWithAny(subject, FACILITY_HEADS);
  }

  private static boolean endsWithAny(String text, String[] heads) {
    for (String h : heads) {
      if (text.endsWith(h)) {
        return true;
      }
    }
    return false;
  }
}
