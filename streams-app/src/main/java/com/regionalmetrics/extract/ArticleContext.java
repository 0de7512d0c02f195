package com.regionalmetrics.extract;

import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What the sentence reader remembers across the sentences of an article and within a paragraph. */
final class ArticleContext {
  /** Lines (title, dateline, lead) within which a year names the period the article reports on. */
  private static final int REPORT_LEAD = 3;

  final LocalDate pub;
  final Region main;
  int paragraph = -1;
  Region paraRegion; // last subject region of the current paragraph
  Period paraTime; // last point/now time of the current paragraph (not day-level)
  Integer yearContext; // last explicit year in the article
  Period reportTime; // first point time of the article (not day-level): the period it reports on
  boolean otherYears; // a later point time names another year: the article is not about one period
  boolean reportFromTitle; // reportTime was named by a title line (2023年人口变动情况统计公报): it holds
  // whatever other years the body names
  boolean paraYoy; // the paragraph speaks of 同比 / 比上年同期
  String paraLastLevelLabel;
  String paraLastLevelUnit;
  Region homeProvince; // for an article about a grouping: the province 全省 refers to
  Region lastGrouping; // the last grouping named (京津冀): what 三地/两地 refer to
  Period sectionTime; // the year a numbered section heading names (一、2024年预算执行情况), until the next
  // section
  boolean sectionTarget; // the section is one of targets (二、2025年主要预期目标): its figures are targets
  boolean targetRun; // 主要预期目标是:…增长6.5%;…增长7.5%;: the clauses after a target lead, up to 。
  // a change stated in a clause of its own (比上年增产5.6亿斤): its wording, shown after the measure
  final Map<Observation, String> changeWording = new IdentityHashMap<>();

  ArticleContext(LocalDate pub, Region main) {
    this.pub = pub;
    this.main = main;
  }

  void enterParagraph(int p) {
    if (p != paragraph) {
      paragraph = p;
      paraRegion = null;
      paraTime = null;
      paraYoy = false;
      paraLastLevelLabel = null;
      paraLastLevelUnit = null;
      targetRun = false;
    }
  }

  void afterFailure(int p) {
    enterParagraph(p);
  }

  /**
   * A level was emitted: a later change or rank of the paragraph without its own label may refer to
   * it.
   */
  void rememberLevel(String label, String unit) {
    paraLastLevelLabel = label;
    paraLastLevelUnit = unit;
  }

  /**
   * A town or zone inside the article's region is named for its own figures: the sentences after it
   * are about the article's region again (浏阳经开区实现总收入2206亿元。花炮产业总产值312.5亿元 …).
   */
  private boolean carriesOn(Region r) {
    Region.Level level = r.level();
    return level != Region.Level.TOWN && level != Region.Level.ZONE || r.equals(main);
  }

  /**
   * The groupings, the subject and the times of a sentence just read, for the sentences that
   * follow.
   */
  void rememberSentence(SentenceScope sc) {
    for (RegionMention m : sc.mentions) {
      if (m.region().level() == Region.Level.GROUPING) {
        lastGrouping = m.region();
      }
    }
    // paragraph context for the sentences that follow: 全省PM2.5平均浓度为36; 优良天数比例为70.4%
    if (sc.scopeRegion != null) {
      paraRegion = sc.scopeRegion;
    }
    for (RegionResolver.Subject sub : sc.subjects) {
      if (!sub.pool() && !sc.listedPlaces.contains(sub.start()) && carriesOn(sub.region())) {
        paraRegion = sub.region();
      }
    }
    if (reportTime == null && isTitle(sc.s)) {
      reportTime = censusOf(sc.s);
      reportFromTitle = reportTime != null;
    }
    rememberTimes(sc.times, sc.s, sc.sentence.paragraph(), isTitle(sc.s));
    rememberSection(sc);
    String t = sc.s;
    boolean continues = !t.isEmpty() && t.charAt(t.length() - 1) == ';';
    targetRun = continues && (targetRun || ClauseText.containsAny(t, Lexicon.TARGET_LEADS));
  }

  /**
   * 一、2024年预算执行情况 / (二)2025年主要任务: a numbered heading (an ordinal, no figure, no sentence end)
   * naming one year gives that year to the section's untimed figures; a top-level heading naming
   * none (三、存在的问题) ends it.
   */
  private void rememberSection(SentenceScope sc) {
    String t = sc.s;
    char numbering = sc.sentence.numbering();
    if (numbering == 0
        || t.isEmpty()
        || t.length() > 40
        || !sc.items.isEmpty()
        || "。;!?".indexOf(t.charAt(t.length() - 1)) >= 0) {
      return;
    }
    Period year = null;
    int years = 0;
    for (TimeResolver.TimeExpr x : sc.times) {
      if (x.explicitYear() && x.period() != null && x.role() == TimeResolver.Role.POINT) {
        year = x.period();
        years++;
      }
    }
    boolean targets = ClauseText.containsAny(t, Lexicon.TARGET_SECTION_WORDS);
    if (years == 1) {
      sectionTime = year;
      sectionTarget = targets;
    } else if (numbering == '、') {
      sectionTime = null;
      sectionTarget = targets;
    } else if (targets) {
      sectionTarget = true;
    }
  }

  /**
   * 深圳市第七次全国人口普查公报: a census communiqué reports on the census's standard time, 1 November of 2000,
   * 2010 or 2020, though its title names no year.
   */
  private static Period censusOf(String title) {
    int i = title.indexOf("次全国人口普查");
    int k = i > 1 && title.charAt(i - 2) == '第' ? "五六七".indexOf(title.charAt(i - 1)) : -1;
    return k < 0 ? null : Period.month(2000 + 10 * k, 11);
  }

  /** A title line: short, no figure-bearing sentence end. */
  private static boolean isTitle(String s) {
    return !s.isEmpty() && s.length() <= 40 && "。;!?,".indexOf(s.charAt(s.length() - 1)) < 0;
  }

  /** The year that 全年 and 年末 mean: a title's report year, else the last explicit year named. */
  Integer yearForRelativeWords() {
    return reportFromTitle ? Integer.valueOf(reportTime.year()) : yearContext;
  }

  private void rememberTimes(
      List<TimeResolver.TimeExpr> times, String s, int sentenceParagraph, boolean title) {
    for (TimeResolver.TimeExpr t : times) {
      if (t.explicitYear()
          && t.period() != null
          && t.role() != TimeResolver.Role.NAME
          && t.role() != TimeResolver.Role.COMPARE) {
        yearContext = t.period().year();
      }
      boolean aside = t.start() > 0 && s.charAt(t.start() - 1) == '('; // 人口普查(2020年)时
      if ((t.role() == TimeResolver.Role.POINT || t.role() == TimeResolver.Role.NOW)
          && !t.dayLevel()
          && !aside
          && t.period() != null) {
        paraTime = t.period();
      }
      if (t.role() == TimeResolver.Role.POINT && !t.dayLevel() && t.period() != null) {
        if (reportTime == null && sentenceParagraph > REPORT_LEAD) {
          // a year first named deep in the article (2023年, GDP grew...) is not what the article
          // reports on
        } else if (reportTime == null) {
          reportTime = t.period();
          reportFromTitle = title && t.explicitYear();
        } else if (t.period().year() != reportTime.year()) {
          otherYears = true;
        }
      }
    }
  }
}
