package com.regionalmetrics.extract;

import com.regionalmetrics.avro.Change;
import com.regionalmetrics.avro.ChangeKind;
import com.regionalmetrics.avro.Qualifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one sentence: decides for each quantity what it measures (label, catalog indicator),
 * whether it is a level, a change (同比增长 x%), a rank, the two ends of a from→to transition
 * (从5.09降至2.66) or a member of a 分别 list, and which region and period it belongs to.
 */
final class SentenceReader {

  /** What the reader remembers across sentences of an article. */
  static final class ArticleState {
    final LocalDate pub;
    final Region main;
    int paragraph = -1;
    Region paraRegion;       // last subject region of the current paragraph
    Period paraTime;         // last point/now time of the current paragraph (not day-level)
    Integer yearContext;     // last explicit year in the article
    Period reportTime;       // first point time of the article (not day-level): the period it reports on
    boolean otherYears;      // a later point time names another year: the article is not about one period
    boolean paraYoy;         // the paragraph speaks of 同比 / 比上年同期
    String paraLastLevelLabel;
    String paraLastLevelUnit;
    Region homeProvince;     // for an article about a grouping: the province 全省 refers to
    Region lastGrouping;     // the last grouping named (京津冀): what 三地/两地 refer to

    ArticleState(LocalDate pub, Region main) {
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
      }
    }

    void afterFailure(int p) {
      enterParagraph(p);
    }
  }

  private final QuantityScanner scanner;
  private final RegionResolver regions;
  private final IndicatorCatalog catalog;

  private final MeasureNamer namer;

  SentenceReader(QuantityScanner scanner, RegionResolver regions, IndicatorCatalog catalog) {
    this.scanner = scanner;
    this.regions = regions;
    this.catalog = catalog;
    this.namer = new MeasureNamer(catalog, regions.gazetteer());
  }

  private static final String[] UP_VERBS = {"增长", "增加", "上升", "提高", "提升", "升高", "上涨", "扩大", "回升", "增多", "跃升", "攀升", "增", "恶化"};
  private static final String[] DOWN_VERBS = {"下降", "减少", "降低", "回落", "下滑", "缩小", "缩短", "压缩", "减", "降", "下跌", "收窄", "改善"};
  private static final String[] TO_VERBS = {
    "下降至", "下降到", "减少到", "减少至", "压缩至", "压缩到", "缩短至", "缩短到", "提高到", "提高至", "提升至", "提升到",
    "增加到", "增加至", "增长到", "增长至", "上升至", "上升到", "扩大到", "扩大至", "降低到", "降低至", "缩小到", "缩小至",
    "跃升至", "攀升至", "降至", "降到", "减至", "增至", "升至", "升到", "变为", "达到", "到", "至"
  };
  private static final java.util.regex.Pattern START_DESCRIPTION = java.util.regex.Pattern.compile(
      "(由|从)([^,，。;由从0-9]{0,8}?(之初|初期|当初|最初|伊始|起步时|成立时|设立时|建立时|建成时))$");
  private static final String[] DIFF_VERBS = {"高出", "低出", "多出", "高于", "低于", "少于", "多于"};
  private static final java.util.regex.Pattern BASE_YEAR = java.util.regex.Pattern.compile("(与|比|较|相较|相比)\\d{4}年");
  private static final java.util.regex.Pattern FUTURE = java.util.regex.Pattern.compile("(?<![截止])(到|至)\\d{4}年(底|末)?,?.{0,12}?(将|要|力争)");
  private static final String[] TARGET_MARKERS = {
    "力争", "目标", "预计", "计划到", "规划到", "将达", "将突破", "将超过", "将实现", "将建成", "将完成", "将新增", "有望", "将累计"
  };

  /** Per-quantity working state. */
  private static final class Item {
    Quantity q;
    int clauseStart;
    String before = "";    // raw text from segment start to the number
    String label = "";
    boolean skip;
    boolean change;
    boolean up;
    ChangeKind kind;
    String suffix = "";    // .yoy_pct .pct .abs .pp .rank_change
    boolean fromSide;      // X of 从X降至Y
    int fromWordsAt = -1;  // where 由设立之初 starts, when the start is described in words
    Item toOf;             // for Y: its X
    boolean listMember;    // after the head of a list (、 和 及)
    Item listHead;
    Period period;
    boolean periodSet;
    boolean target;
    Integer targetYear;
    Item regionFrom;       // 分别增长36.1%和29.4%: the level (and so the place) each change belongs to
    Region place;          // a member of a list of places (A县、B县分别…): its own place
  }

  private List<RegionMention> currentMentions = List.of();
  private Region sentenceScope; // 全省/全市 resolved in the current sentence

  void read(SentenceSplitter.Sentence sentence, List<RegionMention> mentions, ArticleState st, List<Observation> out) {
    read(sentence, mentions, null, st, out);
  }

  /** {@code knownTimes}: the sentence's time expressions when already found with the same publication date, else null. */
  void read(SentenceSplitter.Sentence sentence, List<RegionMention> mentions, List<TimeResolver.TimeExpr> knownTimes, ArticleState st,
      List<Observation> out) {
    st.enterParagraph(sentence.paragraph());
    String s = sentence.text();
    sentenceScope = null;
    currentMentions = mentions;
    if (s.contains("同比") || s.contains("比上年同期") || s.contains("上年同期") || s.contains("去年同期")) {
      st.paraYoy = true;
    }
    List<TimeResolver.TimeExpr> times = knownTimes != null && !TimeResolver.usesYearContext(s, knownTimes)
        ? knownTimes
        : TimeResolver.find(s, st.pub, st.yearContext);
    List<RegionResolver.Subject> subjects = regions.subjects(s, mentions, times);
    List<Quantity> qs = scanner.scan(s);
    boolean[] timeMask = mask(s, times);

    List<Item> items = new ArrayList<>();
    for (Quantity q : qs) {
      Item it = new Item();
      it.q = q;
      it.clauseStart = clauseStart(s, q.start);
      items.add(it);
    }
    // segments, lists, raw before-text
    for (int k = 0; k < items.size(); k++) {
      Item it = items.get(k);
      Quantity q = it.q;
      if (q.threshold) {
        it.skip = true;
        continue;
      }
      int segStart = it.clauseStart;
      Item prev = null;
      for (int j = k - 1; j >= 0; j--) {
        if (!items.get(j).q.threshold) {
          prev = items.get(j);
          break;
        }
      }
      if (prev != null && prev.q.end > segStart) {
        segStart = prev.q.end;
        String between = s.substring(prev.q.end, q.start);
        if (isListJoin(between) && sameKind(prev.q, q)) {
          it.listMember = true;
          it.listHead = prev.listMember ? prev.listHead : prev;
        }
      }
      it.before = textWithout(s, segStart, q.start, timeMask, items, subjects);
    }

    String lastLevelLabel = null;
    String lastLevelUnit = null;
    List<Item> levels = new ArrayList<>();
    for (int k = 0; k < items.size(); k++) {
      Item it = items.get(k);
      if (it.skip) {
        continue;
      }
      Quantity q = it.q;
      String b = it.before;
      String tail = stripTrailingQualifiers(b);
      if (notAStatement(s, it)) {
        it.skip = true;
        continue;
      }
      // differences from another place (较全国平均高出16.1个百分点): optional, and easily misread
      if (endsWithAny(tail, DIFF_VERBS) && (b.contains("较") || b.contains("比") || s.substring(it.clauseStart, q.start).contains("较"))) {
        it.skip = true;
        continue;
      }
      if (it.listMember) {
        Item h = it.listHead;
        if (h.skip) {
          it.skip = true;
          continue;
        }
        it.change = h.change;
        it.up = h.up;
        it.kind = h.kind;
        it.suffix = h.suffix;
      } else if (q.rankChange) {
        it.change = true;
        it.up = q.rankUp;
        it.kind = ChangeKind.RANK_CHANGE;
        it.suffix = ".rank_change";
      } else if (!q.rank) {
        int dir = changeDirection(tail);
        if (dir != 0) {
          it.change = true;
          it.up = dir > 0;
          classifyChange(it, s, st);
        }
      }
      // from → to
      if (!it.change && !q.rank) {
        String rawBefore = s.substring(it.clauseStart, q.start);
        String rb = stripMasked(rawBefore, it.clauseStart, timeMask);
        rb = stripBound(rb); // 从2016年的不足1000人: the bound word sits between 的 and the number
        if (rb.endsWith("的")) {
          rb = rb.substring(0, rb.length() - 1);
        }
        if (rb.endsWith("过去") || rb.endsWith("原来") || rb.endsWith("以前") || rb.endsWith("此前")) {
          rb = rb.substring(0, rb.length() - 2); // 由过去的2小时30分钟缩短至1小时
        }
        if (rb.endsWith("从") || rb.endsWith("由")) {
          it.fromSide = true;
        } else {
          // 由设立之初的11%提高到34.9%: a start described in words instead of a year
          java.util.regex.Matcher sd = START_DESCRIPTION.matcher(rb);
          if (sd.find()) {
            it.fromSide = true;
            it.fromWordsAt = it.clauseStart + rawBefore.lastIndexOf(sd.group(1) + sd.group(2));
          }
        }
        if (k > 0 && items.get(k - 1).fromSide && !items.get(k - 1).skip) {
          Item x = items.get(k - 1);
          String between = stripMasked(s.substring(x.q.end, q.start), x.q.end, timeMask);
          between = stripBound(between).replace("的", "").replace("了", "").strip();
          if (isToVerb(between) && (x.q.unit == null ? q.unit == null : x.q.unit.equals(q.unit) || q.unit == null)) {
            it.toOf = x;
          }
        }
      }
      // label
      if (it.toOf != null) {
        it.label = it.toOf.label;
        if (q.unit == null && it.toOf.q.unit != null) {
          q.unit = it.toOf.q.unit;
        }
      } else if (it.change && !q.rankChange) {
        String own = LabelFinder.clean(stripChangeWords(b));
        if (own.length() >= 2 && !it.listMember) {
          it.label = own;
        }
      } else if (q.rank || q.rankChange) {
        String index = indexPoolLabel(s, q.start, timeMask);
        String own = index == null && q.rank ? ownRankLabel(s, it, timeMask) : null;
        if (own == null) {
          // …排名第2位,在全国…中排名第39位: a second rank without its own indicator ranks the same one
          for (int j = k - 1; j >= 0; j--) {
            Item p = items.get(j);
            if (p.skip) {
              continue;
            }
            if (p.q.rank && !p.label.isEmpty()) {
              own = p.label;
            }
            break;
          }
        }
        it.label = index != null ? index : own != null ? own : rankLabel(lastLevelLabel, levels, st);
      } else if (it.listMember) {
        it.label = "";
      } else if (rangeEnd(s, items, k) != null) {
        it.label = rangeEnd(s, items, k).label; // 800元至1500元之间: the upper end of a range measures the same thing
      } else {
        it.label = levelLabel(s, it);
        if (verbOnly(it.label)) {
          String verbs = it.label;
          it.label = ""; // 累计建成1.2万个: the noun is in the clause before
          boolean subItem = s.substring(it.clauseStart, q.start).stripLeading().startsWith("其中");
          for (int j = k - 1; j >= 0; j--) {
            Item p = items.get(j);
            if (!p.skip && !p.change && !p.q.rank && !p.label.isEmpty() && java.util.Objects.equals(p.q.unit, q.unit)) {
              // 签约数据中心项目24个,其中建成投运13个: a part of the whole, named by its own verb
              it.label = subItem ? verbs + stripLeadingVerbs(p.label) : p.label;
              break;
            }
          }
        }
        if ((it.label.isEmpty() || isAverageWord(LabelFinder.clean(it.before.strip()), it.before)) && k > 0) {
          String second = secondFigureLabel(s, items.get(k - 1), it, timeMask);
          if (second != null) {
            it.label = second;
          }
        }
        if (it.label.isEmpty()) {
          String named = labelOfClauseBefore(s, it, items, timeMask, subjects);
          if (named != null) {
            it.label = named; // 秦皇岛空气质量综合指数最低,为3.85
          }
        }
        if (it.label.isEmpty()) {
          // 相较2013年的13天: the compared value of the indicator just named
          String clause = s.substring(it.clauseStart, q.start);
          if (clause.contains("相较") || clause.contains("较") || clause.contains("比") || clause.contains("相比")) {
            for (int j = k - 1; j >= 0; j--) {
              Item p = items.get(j);
              if (!p.skip && !p.change && !p.q.rank && !p.label.isEmpty() && java.util.Objects.equals(p.q.unit, q.unit)) {
                it.label = p.label;
                break;
              }
            }
          }
        }
      }
      if (it.fromSide) {
        if (it.fromWordsAt > it.clauseStart) {
          // the label is what stands before 由设立之初
          String lab = stripMasked(s.substring(it.clauseStart, it.fromWordsAt), it.clauseStart, timeMask);
          for (RegionMention m : currentMentions) {
            if (m.start() >= it.clauseStart && m.end() <= it.fromWordsAt) {
              lab = lab.replace(s.substring(m.start(), m.end()), "");
            }
          }
          it.label = lab;
        }
        it.label = LabelFinder.clean(it.label);
      }
      items.set(k, it);
      if (!it.change && !q.rank && !it.label.isEmpty()) {
        lastLevelLabel = it.label;
        lastLevelUnit = q.unit;
      }
      if (!it.change && !q.rank && !it.skip) {
        levels.add(it);
      }
    }

    // 分别 lists: subjects named before 分别, or the preceding levels of the sentence
    listedPlaces.clear();
    assignRespectively(s, items, levels, timeMask, subjects, st);

    // changes without their own subject take the level they refer to
    for (int k = 0; k < items.size(); k++) {
      Item it = items.get(k);
      if (it.skip || !it.change || !it.label.isEmpty()) {
        continue;
      }
      it.label = inheritLabel(items, k, it, st);
    }

    // emit
    for (Item it : items) {
      if (it.skip || it.label == null || it.label.isBlank()) {
        continue;
      }
      Quantity q = it.q;
      String unit = q.unit;
      double value = q.value;
      if (unit == null) {
        unit = bareUnit(it.label);
        if (unit == null) {
          continue;
        }
      }
      String label = trimLabel(it.label);
      if (label.length() < 2 || !hasCjkOrLetter(label)) {
        continue;
      }
      Period period = periodOf(it, items, s, times, st);
      boolean target = isTarget(s, it, times, st);
      if (!target && period != null && st.pub != null && period.firstDay().isAfter(st.pub)) {
        if (hasFutureMarker(s, it.clauseStart, q.start)) {
          target = true;
        } else {
          continue; // a future period that is not a plan is a misreading
        }
      }
      if (period != null && (period.year() < 1970 || period.year() > 2100)) {
        continue;
      }
      Integer targetYear = null;
      if (target) {
        targetYear = targetYear(s, q.start, times, it.clauseStart);
        period = st.pub == null ? null : Period.month(st.pub.getYear(), st.pub.getMonthValue());
      }
      Region region = regionOf(s, it, subjects, st);
      if (region == null) {
        continue;
      }
      String indicator = namer.name(new MeasureNamer.Figure(label, unit, it.change, it.kind == ChangeKind.RANK_CHANGE, it.suffix, s,
          q.start, q.end, it.fromSide || it.toOf != null, target, targetYear, st.paragraph)).toString();
      Change change = it.change ? Extractor.change(it.kind, it.up) : null;
      Qualifier qual = Extractor.qualifier(q);
      out.add(new Observation(region.name(), region.code(), indicator, label, round(value), unit, q.raw, qual, period, change, s));
      if (!it.change && !q.rank) {
        st.paraLastLevelLabel = label;
        st.paraLastLevelUnit = unit;
      }
    }

    namer.afterSentence(s, st.paragraph);
    for (RegionMention m : mentions) {
      if (m.region().level() == Region.Level.GROUPING) {
        st.lastGrouping = m.region();
      }
    }
    // paragraph context for the sentences that follow: 全省PM2.5平均浓度为36; 优良天数比例为70.4%
    if (sentenceScope != null) {
      st.paraRegion = sentenceScope;
    }
    for (RegionResolver.Subject sub : subjects) {
      if (!sub.pool() && !listedPlaces.contains(sub.start())) {
        st.paraRegion = sub.region();
      }
    }
    for (TimeResolver.TimeExpr t : times) {
      if (t.explicitYear() && t.period() != null && t.role() != TimeResolver.Role.NAME && t.role() != TimeResolver.Role.COMPARE) {
        st.yearContext = t.period().year();
      }
      if ((t.role() == TimeResolver.Role.POINT || t.role() == TimeResolver.Role.NOW) && !t.dayLevel() && t.period() != null) {
        st.paraTime = t.period();
      }
      if (t.role() == TimeResolver.Role.POINT && !t.dayLevel() && t.period() != null) {
        if (st.reportTime == null && sentence.paragraph() > REPORT_LEAD) {
          // a year first named deep in the article (2023年, GDP grew...) is not what the article reports on
        } else if (st.reportTime == null) {
          st.reportTime = t.period();
        } else if (t.period().year() != st.reportTime.year()) {
          st.otherYears = true;
        }
      }
    }
  }

  /**
   * Numbers that describe rather than state: 其余5项污染物, 1小时交通圈, and the size of a ranking
   * pool (在全国74个监测城市中排名第9位).
   */
  private static boolean notAStatement(String s, Item it) {
    Quantity q = it.q;
    String lead = s.substring(it.clauseStart, q.start);
    if (lead.endsWith("其余") || lead.endsWith("其他") || lead.endsWith("另外")) {
      return true;
    }
    String rest = s.substring(q.end, Math.min(s.length(), q.end + 4));
    if (rest.startsWith("交通圈") || rest.startsWith("经济圈") || rest.startsWith("生活圈") || rest.startsWith("通勤圈")
        || rest.startsWith("圈") || rest.startsWith("一体化")) {
      return true;
    }
    if ("day".equals(q.unit) && narrativeDuration(s, lead, q)) {
      return true;
    }
    if ("count".equals(q.unit) && !q.rank) {
      int end = q.end;
      while (end < s.length() && !RegionResolver.isClauseBreak(s.charAt(end)) && end - q.end < 20) {
        end++;
      }
      String after = s.substring(q.end, end);
      if (after.contains("排名") || after.contains("排第") || after.contains("位居") || after.contains("之首")
          || after.contains("前列") || after.contains("中排") || after.contains("之最")) {
        return true;
      }
      // 在全省11个设区市中, / 全国168个重点城市中,: the size of the pool a place is compared in
      if (after.endsWith("中") && !after.contains("在") && !after.contains("其中") && after.length() <= 10 && q.raw.endsWith("个")
          && (lead.contains("在") || lead.endsWith("全省") || lead.endsWith("全国") || lead.endsWith("全市") || lead.endsWith("全区"))) {
        return true;
      }
    }
    return false;
  }

  private static final String[] AVERAGE_WORDS = {"日均", "月均", "年均", "人均", "平均每天", "平均每日", "每天", "每日", "平均"};

  private static boolean isAverageWord(String cleaned, String raw) {
    String r = stripTrailingQualifiers(raw.strip());
    for (String w : AVERAGE_WORDS) {
      if (r.equals(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A second figure right after a level, of the same thing: 317万辆次,日均45.3万辆次 → 日均车流量;
   * 40条段、2000余公里 → the same label in another unit. Null when it is not one.
   */
  private static String secondFigureLabel(String s, Item prev, Item it, boolean[] timeMask) {
    if (prev.skip || prev.change || prev.q.rank || prev.label.isEmpty() || prev.q.end > it.q.start) {
      return null;
    }
    String between = stripMasked(s.substring(prev.q.end, it.q.start), prev.q.end, timeMask).strip();
    if (between.startsWith(",") || between.startsWith("、")) {
      between = between.substring(1);
    } else {
      return null;
    }
    between = stripTrailingQualifiers(between);
    if (between.isEmpty()) {
      // 40条段、2000余公里: another measure of the same thing (a same-unit number would be a list member)
      return java.util.Objects.equals(prev.q.unit, it.q.unit) ? null : prev.label;
    }
    for (String w : AVERAGE_WORDS) {
      if (between.equals(w) && java.util.Objects.equals(prev.q.unit, it.q.unit)) {
        String head = prev.label;
        if (head.length() > 5 && (head.endsWith("量") || head.endsWith("数"))) {
          head = head.substring(head.length() - 3); // 高速公路出口车流量 → 车流量
        }
        return head.startsWith(w) ? head : w + head;
      }
    }
    return null;
  }

  /**
   * A bare copula clause (,为3.85 / ,达25微克) after a clause that names the indicator with a comparative
   * (空气质量综合指数最低) takes that clause's indicator. Null when it does not apply.
   */
  private static String labelOfClauseBefore(String s, Item it, List<Item> items, boolean[] timeMask, List<RegionResolver.Subject> subjects) {
    String own = stripTrailingQualifiers(stripMasked(s.substring(it.clauseStart, it.q.start), it.clauseStart, timeMask)).strip();
    if (!own.isEmpty() || it.clauseStart < 2 || s.charAt(it.clauseStart - 1) != ',') {
      return null;
    }
    int from = clauseStart(s, it.clauseStart - 1);
    for (Item o : items) {
      if (o != it && o.q.start >= from && o.q.start < it.clauseStart) {
        return null; // the clause before has its own figure
      }
    }
    String prev = textWithout(s, from, it.clauseStart - 1, timeMask, items, subjects);
    boolean comparative = false;
    for (String w : COMPARATIVES) {
      if (prev.endsWith(w)) {
        prev = prev.substring(0, prev.length() - w.length());
        comparative = true;
        break;
      }
    }
    if (!comparative) {
      return null;
    }
    String label = LabelFinder.clean(prev);
    return label.length() >= 2 ? label : null;
  }

  private static final String[] DURATION_LEADS = {"连续", "为期", "历时", "假期", "长假", "黄金周", "小长假", "期间", "节日", "春节", "国庆"};
  private static final String[] DURATION_TAILS = {"假期", "长假", "小长假", "黄金周", "时间里", "时间内", "里", "内", "中", "期间", "来", "以来",
    "共", "累计", "合计", "总计", "间"};

  /**
   * A number of days that qualifies the period of a figure (假期7天共发送旅客, 7天假期, 连续7天) is narrative,
   * not an observation: it is led by a holiday or duration word, or followed by one, or by 共/累计 and a figure.
   */
  private static boolean narrativeDuration(String s, String lead, Quantity q) {
    String l = lead;
    if (l.endsWith("的")) {
      l = l.substring(0, l.length() - 1);
    }
    for (String w : DURATION_LEADS) {
      if (l.endsWith(w)) {
        return true;
      }
    }
    String after = s.substring(q.end, Math.min(s.length(), q.end + 4));
    for (String w : DURATION_TAILS) {
      if (after.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- labels

  private String levelLabel(String s, Item it) {
    Quantity q = it.q;
    String before = LabelFinder.clean(it.before);
    if (q.unitEntry != null && "noun".equals(q.unitEntry.kind())) {
      return q.unitEntry.surface(); // 12.6万人口
    }
    if (q.unitEntry != null && q.unitEntry.isClassifier()) {
      String after = LabelFinder.afterNoun(s, q.end);
      if (after.length() >= 2 && before.length() >= 2 && verbLike(after)) {
        return before; // 央企总部已有3家落地, 入住人数从不足1000人增至: the noun before the number
      }
      if (after.length() >= 2) {
        return after + LabelFinder.relationAfter(s, q.end + after.length());
      }
      return before;
    }
    if ("kV".equals(q.unit)) {
      // 张北至胜利1000千伏特高压交流工程: a line or station is named by what follows its voltage
      String after = LabelFinder.afterNoun(s, q.end);
      if (after.length() >= 2) {
        return after;
      }
    }
    if (before.length() >= 2 && !placeOnly(before, s, it)) {
      return before;
    }
    if (q.unit != null) {
      String after = LabelFinder.afterNoun(s, q.end);
      if (after.length() >= 2) {
        return after;
      }
    }
    return before;
  }

  private static final String VERBS = "建成新增累计完成实现达到新建开通引进签约落地投运投产共有拥有其中总计合计已经带动吸引惠及辐射";

  /** Lines (title, dateline, lead) within which a year names the period the article reports on. */
  private static final int REPORT_LEAD = 3;

  private static final WordIndex VERB_STARTS = new WordIndex(concat(java.util.Arrays.stream(concat(UP_VERBS, DOWN_VERBS))
      .filter(v -> v.length() >= 2).toArray(String[]::new),
      new String[] {"增至", "降至", "升至", "减至", "落地", "落户", "入驻", "投产", "投运", "开工", "建成", "完工", "签约", "到位"}));

  /** A phrase after a classifier that starts with a verb (增至目前, 落地) names no thing. */
  private static boolean verbLike(String after) {
    if (verbOnly(after)) {
      return true;
    }
    for (String w : VERB_STARTS.startingWith(after.charAt(0))) {
      if (after.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /** 签约数据中心项目 → 数据中心项目: the noun of a label without its leading verbs. */
  static String stripLeadingVerbs(String label) {
    String l = label;
    while (l.length() > 2) {
      int i = VERBS.indexOf(l.substring(0, 2));
      if (i < 0 || i % 2 != 0) {
        break;
      }
      l = l.substring(2);
    }
    return l;
  }

  /** Labels made only of verbs (建成, 累计新增) name no thing. */
  static boolean verbOnly(String label) {
    if (label.isEmpty()) {
      return false;
    }
    for (int i = 0; i + 1 < label.length(); i += 2) {
      if (VERBS.indexOf(label.substring(i, i + 2)) < 0 || VERBS.indexOf(label.substring(i, i + 2)) % 2 != 0) {
        return false;
      }
    }
    return label.length() % 2 == 0;
  }

  /** A label made only of place names (张北—雄安) does not say what is measured. */
  private boolean placeOnly(String label, String s, Item it) {
    String rest = label;
    for (RegionMention m : currentMentions) {
      if (m.start() >= 0 && m.end() <= s.length()) {
        rest = rest.replace(s.substring(m.start(), m.end()), "");
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if ("—-~至到、和与及市县区省 ".indexOf(c) < 0) {
        b.append(c);
      }
    }
    return b.length() < 2;
  }

  private static final String[] INDEX_WORDS = {"指数", "榜单", "排行榜", "榜", "评价", "评估", "名单", "指标", "报告", "测评", "排名", "排行"};

  /**
   * 在2024年度全国县域新能源发展指数中,张北县排名第2位: the rank is in the named index → 县域新能源发展指数排名.
   * Null when no 在…中 before the rank names an index or list.
   */
  private String indexPoolLabel(String s, int rankStart, boolean[] timeMask) {
    int zhong = s.lastIndexOf('中', rankStart - 1);
    if (zhong < 0 || rankStart - zhong > 16) {
      return null;
    }
    int zai = s.lastIndexOf('在', zhong);
    if (zai < 0 || zhong - zai < 3 || zhong - zai > 30) {
      return null;
    }
    String inner = stripMasked(s.substring(zai + 1, zhong), zai + 1, timeMask);
    for (RegionMention m : currentMentions) {
      if (m.start() > zai && m.end() <= zhong) {
        inner = inner.replace(s.substring(m.start(), m.end()), "");
      }
    }
    inner = LabelFinder.clean(inner.replace("年度", "").replace("度", ""));
    for (String w : INDEX_WORDS) {
      if (inner.endsWith(w) && inner.length() > w.length() + 1) {
        return inner.endsWith("排名") ? inner : inner + "排名";
      }
    }
    return null;
  }

  private static final String[] RANK_VERBS = {"排名", "位列", "位居", "名列", "排在", "排", "居", "列"};

  /**
   * 空气质量综合指数在全省11个设区市中排名第2位 / 数字经济规模位列全省第二: the indicator named before the
   * rank verb in the rank's own clause is what is ranked. Null when the clause names only a place.
   */
  private String ownRankLabel(String s, Item it, boolean[] timeMask) {
    String clause = s.substring(it.clauseStart, it.q.start);
    int cut = -1;
    int cutEnd = -1;
    for (String v : RANK_VERBS) {
      int i = clause.lastIndexOf(v);
      if (i < 0) {
        continue;
      }
      int e = i + v.length();
      if (e > cutEnd || e == cutEnd && i < cut) {
        cut = i;
        cutEnd = e;
      }
    }
    if (cut <= 0) {
      return null;
    }
    int zai = clause.lastIndexOf('在', cut);
    if (zai >= 0 && clause.indexOf('中', zai) > zai && clause.indexOf('中', zai) < cut) {
      cut = zai; // 在全省11个设区市中排名: the pool is not the indicator
    }
    if (cut <= 0) {
      return null;
    }
    int from = it.clauseStart;
    String head = stripMasked(s.substring(from, from + cut), from, timeMask);
    for (RegionMention m : currentMentions) {
      if (m.start() >= from && m.end() <= from + cut) {
        head = head.replace(s.substring(m.start(), m.end()), "");
      }
    }
    head = LabelFinder.clean(head.replace("年度", ""));
    if (head.length() < 2 || verbOnly(head) || head.matches(".*[0-9]+(个|家|项|%).*")) {
      return null;
    }
    return head.endsWith("排名") ? head : head + "排名";
  }

  private static String rankLabel(String lastLevelLabel, List<Item> levels, ArticleState st) {
    String base = null;
    for (int i = levels.size() - 1; i >= 0; i--) {
      Item l = levels.get(i);
      if (!"count".equals(l.q.unit) && !"day".equals(l.q.unit) && !l.label.isEmpty()) {
        base = l.label;
        break;
      }
    }
    if (base == null) {
      base = lastLevelLabel != null ? lastLevelLabel : st.paraLastLevelLabel;
    }
    if (base == null || base.isEmpty()) {
      return "排名";
    }
    return base.endsWith("排名") ? base : base + "排名";
  }

  private static String inheritLabel(List<Item> items, int k, Item it, ArticleState st) {
    String wantUnit = it.kind == ChangeKind.ABS && !".pp".equals(it.suffix) ? it.q.unit : null;
    if (".pp".equals(it.suffix)) {
      wantUnit = "%";
    }
    for (int j = k - 1; j >= 0; j--) {
      Item p = items.get(j);
      if (p.skip || p.change || p.q.rank || p.label.isEmpty()) {
        continue;
      }
      if (wantUnit == null || wantUnit.equals(p.q.unit) || p.q.unit == null && "index".equals(wantUnit)) {
        return p.label;
      }
    }
    if (it.kind == ChangeKind.RANK_CHANGE) {
      for (int j = k - 1; j >= 0; j--) {
        if (items.get(j).q.rank) {
          return items.get(j).label;
        }
      }
    }
    if (st.paraLastLevelLabel != null && (wantUnit == null || wantUnit.equals(st.paraLastLevelUnit))) {
      return st.paraLastLevelLabel;
    }
    return "";
  }

  private static String trimLabel(String label) {
    String l = label.strip();
    // the head noun of a Chinese phrase is at its end: keep the last 20 characters
    if (l.length() > 20) {
      l = l.substring(l.length() - 20);
    }
    return l;
  }

  private static boolean hasCjkOrLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (TextNormalizer.isCjk(c) || UnitTable.isAsciiLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /** A number without a unit is kept only when its label says what it counts or indexes. */
  private static String bareUnit(String label) {
    if (label.endsWith("指数") || label.endsWith("指标值") || label.endsWith("评分") || label.endsWith("得分")) {
      return "index";
    }
    // 平均PUE值, 能效比, 基尼系数: dimensionless ratios (not 产值/增加值/价值, which need a currency)
    if (label.endsWith("PUE") || label.endsWith("系数") || label.endsWith("能效比")
        || label.endsWith("值") && !label.endsWith("产值") && !label.endsWith("加值") && !label.endsWith("价值") && !label.endsWith("均值")
        && label.length() >= 3) {
      return "index";
    }
    String[] countWords = {"人数", "数量", "户数", "人口", "总数", "个数", "件数", "次数", "家数", "人次", "客流", "游客"};
    for (String w : countWords) {
      if (label.endsWith(w)) {
        return "count";
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- changes

  private static final WordIndex LONG_TO_VERBS = new WordIndex(java.util.Arrays.stream(TO_VERBS).filter(v -> v.length() >= 2).toArray(String[]::new));
  private static final WordIndex UP_INDEX = new WordIndex(UP_VERBS);
  private static final WordIndex DOWN_INDEX = new WordIndex(DOWN_VERBS);

  private static int changeDirection(String tail) {
    if (LONG_TO_VERBS.suffixOf(tail) != null) {
      return 0; // 降至 / 增长到: a level, not a change
    }
    if (tail.endsWith("至") || tail.endsWith("到")) {
      return 0;
    }
    if (tail.endsWith("新增")) {
      return 0; // 风电新增520万千瓦: a level of the 新增 indicator, not a change
    }
    if (UP_INDEX.suffixOf(tail) != null) {
      return 1;
    }
    if (DOWN_INDEX.suffixOf(tail) != null) {
      return -1;
    }
    return 0;
  }

  private static void classifyChange(Item it, String s, ArticleState st) {
    String unit = it.q.unit;
    String upto = s.substring(Math.max(0, Math.max(it.clauseStart - 40, it.q.start - 120)), it.q.start);
    boolean explicitBase = upto.indexOf('年') >= 0 && BASE_YEAR.matcher(upto).find();
    // 较去年底 / 比年初: against a point in time, not the same period last year
    boolean pointBase = upto.contains("去年底") || upto.contains("去年末") || upto.contains("上年底") || upto.contains("上年末")
        || upto.contains("年初") || upto.contains("上月") || upto.contains("上个月");
    boolean yoy = !pointBase && (upto.contains("同比") || upto.contains("比上年") || upto.contains("较上年") || upto.contains("比去年")
        || upto.contains("较去年") || upto.contains("同期"));
    boolean span = upto.contains("年均") || upto.contains("累计") || upto.contains("年平均");
    if ("%".equals(unit)) {
      // growth without a stated base is, in Chinese statistical writing, against the same period last year
      if (yoy || (!explicitBase && !span && !pointBase)) {
        it.kind = ChangeKind.YOY_PCT;
        it.suffix = ".yoy_pct";
      } else {
        it.kind = ChangeKind.PCT;
        it.suffix = ".pct";
      }
    } else if ("pp".equals(unit)) {
      it.kind = ChangeKind.ABS;
      it.suffix = ".pp";
    } else {
      it.kind = ChangeKind.ABS;
      it.suffix = ".abs";
    }
  }

  private static final String[] UP_DOWN_VERBS = concat(UP_VERBS, DOWN_VERBS);
  private static final String[] CHANGE_FILLERS = {"同比", "总体", "分别", "相较", "相比", "比", "较", "与", "了", "均", "也", "都", "各", "整体", "累计", "共"};
  private static final String[] TRAILING_QUALIFIERS = {
    "约", "大约", "近", "将近", "接近", "超过", "逾", "不到", "不足", "了", "达", "为", "分别为", "分别达", "分别", "高达", "近乎", "超", "仅"
  };

  private static String stripChangeWords(String b) {
    String t = stripTrailingQualifiers(b);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String v : UP_DOWN_VERBS) {
        if (t.endsWith(v)) {
          t = t.substring(0, t.length() - v.length());
          changed = true;
          break;
        }
      }
      for (String w : CHANGE_FILLERS) {
        if (t.endsWith(w)) {
          t = t.substring(0, t.length() - w.length());
          changed = true;
          break;
        }
      }
    }
    // "比去年" / "与上年相比" / "较上年同期" left inside
    int cut = indexOfAny(t, "比", "较", "相较", "与");
    if (cut >= 0 && cut >= t.length() - 6) {
      t = t.substring(0, cut);
    }
    return t;
  }

  private static final String[] BOUND_WORDS = {"不足", "不到", "大约", "约", "将近", "近", "超过", "逾", "仅"};

  /** 增至目前的约 → 增至目前的: drops one bound or approximation word at the end. */
  private static String stripBound(String b) {
    for (String w : BOUND_WORDS) {
      if (b.endsWith(w)) {
        return b.substring(0, b.length() - w.length());
      }
    }
    return b;
  }

  private static String stripTrailingQualifiers(String b) {
    String t = b.strip();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String w : TRAILING_QUALIFIERS) {
        if (t.endsWith(w) && t.length() > 0) {
          t = t.substring(0, t.length() - w.length());
          changed = true;
        }
      }
    }
    return t;
  }

  // ---------------------------------------------------------------- lists

  private void assignRespectively(String s, List<Item> items, List<Item> levels, boolean[] timeMask, List<RegionResolver.Subject> subjects,
      ArticleState st) {
    for (int k = 0; k < items.size(); k++) {
      Item head = items.get(k);
      if (head.skip || head.listMember || head.q.rank) {
        continue;
      }
      List<Item> members = new ArrayList<>();
      members.add(head);
      for (int j = k + 1; j < items.size() && items.get(j).listMember && items.get(j).listHead == head; j++) {
        members.add(items.get(j));
      }
      String clause = s.substring(head.clauseStart, head.q.start);
      int fb = clause.lastIndexOf("分别");
      if (fb < 0) {
        int all = allMarker(clause);
        if (all >= 0 && members.size() == 1) {
          k += placesSharingOneValue(s, items, k, head.clauseStart + all, levels, timeMask, st);
        }
        continue;
      }
      if (placeListRespectively(s, members, head.clauseStart + fb, timeMask, items)) {
        continue;
      }
      String pre = textWithout(s, head.clauseStart, head.clauseStart + fb, timeMask, items, subjects);
      List<String> names = shareMeasure(respectiveSubjects(pre));
      if (names.size() == members.size() && members.size() >= 2) {
        for (int m = 0; m < members.size(); m++) {
          members.get(m).label = names.get(m);
        }
        continue;
      }
      // 分别同比增长25.8%和26.1%: the preceding levels of the sentence, in order
      List<Item> prior = new ArrayList<>();
      for (Item l : levels) {
        if (l.q.start < head.q.start && !members.contains(l)) {
          prior.add(l);
        }
      }
      if (prior.size() >= members.size() && members.size() >= 2) {
        List<Item> use = prior.subList(prior.size() - members.size(), prior.size());
        for (int m = 0; m < members.size(); m++) {
          members.get(m).label = use.get(m).label;
          members.get(m).regionFrom = use.get(m);
        }
      } else if (members.size() >= 2) {
        for (Item m : members) {
          m.skip = true; // cannot tell which number belongs to what
        }
      }
    }
  }

  // ---------------------------------------------------------------- lists of places

  /** Mentions that are members of a place list in the current sentence: not the paragraph's subject afterwards. */
  private final java.util.Set<Integer> listedPlaces = new java.util.HashSet<>();

  /** A list element may carry a facility suffix: 唐山港、天津港口货物吞吐量. */
  private static final String[] PLACE_ELEMENT_SUFFIXES = {"港口", "港区", "港", "机场", "站"};

  private record PlaceList(List<RegionMention> places, int start, int end) {}

  /** The last list of at least two places (A区、B县和C县) lying in [from, to) of the sentence, or null. */
  private PlaceList placeListIn(String s, int from, int to) {
    List<RegionMention> chain = new ArrayList<>();
    int chainStart = -1;
    int chainEnd = -1;
    PlaceList best = null;
    for (RegionMention m : currentMentions) {
      if (m.start() < from || m.end() > to) {
        continue;
      }
      int end = m.end();
      for (String suf : PLACE_ELEMENT_SUFFIXES) {
        if (s.startsWith(suf, end) && end + suf.length() <= to) {
          end += suf.length();
          break;
        }
      }
      if (!chain.isEmpty()) {
        String between = s.substring(chainEnd, m.start());
        RegionMention last = chain.get(chain.size() - 1);
        if (between.isEmpty() && chain.size() == 1 && regions.within(m.region(), last.region())) {
          chain.set(0, new RegionMention(m.region(), m.start(), m.end())); // 承德市双桥区、双滦区: the city only locates the list
          chainEnd = end;
          continue;
        }
        if (between.equals("、") || between.equals("和") || between.equals("及") || between.equals("与") || between.equals("以及")) {
          chain.add(m);
          chainEnd = end;
          continue;
        }
        if (chain.size() >= 2) {
          best = new PlaceList(List.copyOf(chain), chainStart, chainEnd);
        }
        chain.clear();
      }
      chain.add(m);
      chainStart = m.start();
      chainEnd = end;
    }
    if (chain.size() >= 2) {
      best = new PlaceList(List.copyOf(chain), chainStart, chainEnd);
    }
    return best;
  }

  /**
   * A区、B县、C县PM2.5平均浓度分别为x、y和z / A县、B县分别接待游客x和y: one value per listed place,
   * the label being the shared indicator (before or after 分别). {@code fbAbs}: where 分别 starts.
   */
  private boolean placeListRespectively(String s, List<Item> members, int fbAbs, boolean[] timeMask, List<Item> items) {
    Item head = members.get(0);
    PlaceList pl = placeListIn(s, head.clauseStart, fbAbs);
    String between = pl == null ? null : s.substring(pl.end(), fbAbs);
    int betweenAt = pl == null ? 0 : pl.end();
    if (pl == null) {
      // 围场县、丰宁县、隆化县,综合指数分别为… / A县、B县、C县综合指数位列全市前三,分别为…: the list in an earlier clause
      PlaceList earlier = placeListIn(s, 0, fbAbs);
      if (earlier == null || earlier.places().size() != members.size()) {
        return false;
      }
      for (Item other : items) {
        if (!members.contains(other) && other.q.start >= earlier.end() && other.q.start < fbAbs) {
          return false; // another figure in between: the list belongs to it
        }
      }
      String gap = s.substring(earlier.end(), fbAbs);
      if (gap.indexOf('。') >= 0 || gap.indexOf(';') >= 0 || gap.indexOf('；') >= 0 || gap.length() > 30) {
        return false;
      }
      pl = earlier;
      String lab = "";
      int labAt = earlier.end();
      int partAt = earlier.end();
      for (String part : gap.split("[,，]")) {
        String c = part;
        labAt = partAt;
        partAt += part.length() + 1;
        for (String v : RANK_VERBS) {
          int i = c.indexOf(v);
          if (i >= 2) {
            c = c.substring(0, i); // 综合指数位列全市前三: the indicator, not the ranking phrase
          }
        }
        if (LabelFinder.clean(c).length() >= 2) {
          lab = c;
          break;
        }
      }
      between = lab;
      betweenAt = labAt;
    }
    if (pl.places().size() != members.size()) {
      return false;
    }
    String label = LabelFinder.clean(stripMasked(between, betweenAt, timeMask));
    if (label.length() < 2) {
      label = LabelFinder.clean(stripMasked(s.substring(fbAbs + 2, head.q.start), fbAbs + 2, timeMask));
    }
    for (int m = 0; m < members.size(); m++) {
      Item it = members.get(m);
      it.place = pl.places().get(m).region();
      if (label.length() >= 2 && !it.change) {
        it.label = label;
      }
    }
    for (RegionMention p : pl.places()) {
      listedPlaces.add(p.start());
    }
    return true;
  }

  private static final String[] ALL_MARKERS = {"均为", "均达到", "均达", "均是", "均在", "都是", "都为", "都达到", "都达", "均"};
  private static final String[] COMPARATIVES = {"最低", "最高", "最好", "最差", "最多", "最少", "最优", "并列第一", "并列", "相同", "持平", "一样"};

  /** Where 均为/都是 (all of the listed are) ends the clause before a number, else -1. */
  private static int allMarker(String clause) {
    String c = clause;
    for (String w : BOUND_WORDS) {
      if (c.endsWith(w)) {
        c = c.substring(0, c.length() - w.length());
        break;
      }
    }
    for (String w : ALL_MARKERS) {
      if (c.endsWith(w)) {
        int at = c.length() - w.length();
        char before = at > 0 ? c.charAt(at - 1) : ' ';
        if ("平日月年人户亩".indexOf(before) >= 0) {
          return -1; // 平均, 日均, 人均
        }
        return at;
      }
    }
    return -1;
  }

  /**
   * A区、B区最低,均为25微克/立方米: the one value holds for every listed place; the head item is
   * cloned for the other places. Returns how many clones were inserted after index k.
   */
  private int placesSharingOneValue(String s, List<Item> items, int k, int allAbs, List<Item> levels, boolean[] timeMask, ArticleState st) {
    Item head = items.get(k);
    int from = head.clauseStart;
    PlaceList pl = placeListIn(s, from, allAbs);
    if (pl == null && from > 0) {
      from = clauseStart(s, from - 1); // the places head the clause before: 兴隆县、宽城县最低,均为25
      pl = placeListIn(s, from, allAbs);
    }
    if (pl == null) {
      return 0;
    }
    for (Item other : items) {
      if (other != head && other.q.start > pl.start() && other.q.start < allAbs) {
        return 0; // a figure between the places and 均为 belongs to them
      }
    }
    String label = stripMasked(s.substring(pl.end(), allAbs), pl.end(), timeMask);
    for (String w : COMPARATIVES) {
      label = label.replace(w, "");
    }
    label = LabelFinder.clean(label.replace(",", "").replace("、", ""));
    if (label.length() < 2 && head.label.length() >= 2 && !head.label.equals(LabelFinder.clean(head.before))) {
      label = head.label;
    }
    if (label.length() < 2) {
      for (int j = levels.size() - 1; j >= 0; j--) {
        Item l = levels.get(j);
        if (l != head && l.q.start < head.q.start && !l.label.isEmpty() && java.util.Objects.equals(l.q.unit, head.q.unit)) {
          label = l.label;
          break;
        }
      }
    }
    if (label.length() < 2 && st.paraLastLevelLabel != null && java.util.Objects.equals(st.paraLastLevelUnit, head.q.unit)) {
      label = st.paraLastLevelLabel;
    }
    if (label.length() < 2) {
      return 0;
    }
    head.label = label;
    head.place = pl.places().get(0).region();
    int added = 0;
    for (int m = 1; m < pl.places().size(); m++) {
      Item c = copyOf(head);
      c.place = pl.places().get(m).region();
      items.add(k + 1 + added, c);
      added++;
    }
    for (RegionMention p : pl.places()) {
      listedPlaces.add(p.start());
    }
    return added;
  }

  private static Item copyOf(Item h) {
    Item c = new Item();
    c.q = h.q;
    c.clauseStart = h.clauseStart;
    c.before = h.before;
    c.label = h.label;
    c.skip = h.skip;
    c.change = h.change;
    c.up = h.up;
    c.kind = h.kind;
    c.suffix = h.suffix;
    c.period = h.period;
    c.periodSet = h.periodSet;
    c.target = h.target;
    c.targetYear = h.targetYear;
    return c;
  }

  /**
   * PM10、二氧化氮(NO2)、二氧化硫(SO2)年均浓度: the measure after the last item (年均浓度) is shared by all
   * of them. The last item's name ends after its bracket, its ASCII name or its longest catalog alias.
   */
  List<String> shareMeasure(List<String> names) {
    if (names.size() < 2) {
      return names;
    }
    String last = names.get(names.size() - 1);
    int cut = last.lastIndexOf(')') + 1;
    int ascii = 0;
    while (ascii < last.length() && (UnitTable.isAsciiLetter(last.charAt(ascii)) || Character.isDigit(last.charAt(ascii))
        || last.charAt(ascii) == '.')) {
      ascii++;
    }
    cut = Math.max(cut, ascii);
    cut = Math.max(cut, catalog.aliasPrefixLength(last));
    if (cut <= 0 || last.length() - cut < 2) {
      return names;
    }
    String measure = last.substring(cut);
    for (int i = 0; i < names.size() - 1; i++) {
      if (names.get(i).contains(measure)) {
        return names; // each item names its own measure
      }
    }
    // 二氧化硫年均浓度 could also be one name that happens to start with an alias: only measure words
    if (!(measure.endsWith("浓度") || measure.endsWith("量") || measure.endsWith("率") || measure.endsWith("比例") || measure.endsWith("占比")
        || measure.endsWith("值") || measure.endsWith("指数") || measure.endsWith("规模") || measure.endsWith("面积")
        || measure.endsWith("人数") || measure.endsWith("收入") || measure.endsWith("天数"))) {
      return names;
    }
    List<String> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size() - 1; i++) {
      out.add(names.get(i) + measure);
    }
    out.add(last);
    return out;
  }

  /** "可吸入颗粒物(PM10)、二氧化氮(NO2)等其他三项污染物的年均浓度" → [可吸入颗粒物(PM10)年均浓度, 二氧化氮(NO2)年均浓度]. */
  static List<String> respectiveSubjects(String pre) {
    String p = LabelFinder.clean(pre);
    String measure = "";
    int de = p.lastIndexOf('的');
    if (de > 0 && p.substring(0, de).contains("、")) {
      measure = p.substring(de + 1);
      p = p.substring(0, de);
    }
    int deng = p.indexOf('等');
    if (deng > 0) {
      p = p.substring(0, deng);
    }
    List<String> out = new ArrayList<>();
    for (String part : p.split("[、和及与]")) {
      String c = LabelFinder.clean(part);
      if (c.isEmpty()) {
        return List.of();
      }
      out.add(c + measure);
    }
    // 城乡居民人均可支配收入分别达到40128元和17351元: urban, then rural
    if (out.size() == 1 && out.get(0).contains("城乡")) {
      String one = out.get(0);
      int k = one.indexOf("城乡");
      return List.of(one.substring(0, k) + "城镇" + one.substring(k + 2), one.substring(0, k) + "农村" + one.substring(k + 2));
    }
    return out;
  }

  /** The lower end when item k is the upper end of a range (800元至1500元之间, 3-5个), else null. */
  private static Item rangeEnd(String s, List<Item> items, int k) {
    if (k == 0) {
      return null;
    }
    Item it = items.get(k);
    Item p = items.get(k - 1);
    if (p.skip || p.fromSide || p.change || p.q.rank || p.q.end > it.q.start || p.label.isEmpty()
        || !java.util.Objects.equals(p.q.unit, it.q.unit)) {
      return null;
    }
    String between = s.substring(p.q.end, it.q.start);
    return between.equals("至") || between.equals("到") || between.equals("-") || between.equals("~") || between.equals("—")
        ? p : null;
  }

  private static boolean isListJoin(String between) {
    return between.equals("、") || between.equals("和") || between.equals("及") || between.equals("与") || between.equals(",")
        || between.equals("以及");
  }

  private static boolean sameKind(Quantity a, Quantity b) {
    if (a.unit == null || b.unit == null) {
      return a.unit == null && b.unit == null;
    }
    return a.unit.equals(b.unit) && !a.rank && !b.rank;
  }

  // ---------------------------------------------------------------- time

  private static Period periodOf(Item it, List<Item> items, String s, List<TimeResolver.TimeExpr> times, ArticleState st) {
    Quantity q = it.q;
    if (it.fromSide) {
      // the time right after 从 (从2014年的5.09), else the start of the span (2014年以来)
      for (TimeResolver.TimeExpr t : times) {
        if (t.start() >= it.clauseStart && t.end() <= q.start && t.period() != null) {
          return t.period();
        }
      }
      for (TimeResolver.TimeExpr t : times) {
        if (t.role() == TimeResolver.Role.START && t.start() < q.start) {
          return t.period();
        }
      }
      // 与2013年相比,PM2.5年均浓度由89.5降至30.5: the from-value is the comparison base
      for (TimeResolver.TimeExpr t : times) {
        if (t.role() == TimeResolver.Role.COMPARE && t.explicitYear() && t.start() < q.start && t.period() != null) {
          return t.period();
        }
      }
      return null;
    }
    int from = it.toOf != null ? it.toOf.q.end : 0;
    // own time between the from-value and this one (降至2024年的2.66)
    if (it.toOf != null) {
      for (int i = times.size() - 1; i >= 0; i--) {
        TimeResolver.TimeExpr t = times.get(i);
        if (t.start() >= from && t.end() <= q.start) {
          return t.period();
        }
      }
    }
    TimeResolver.TimeExpr best = null;
    boolean sawStart = false;
    for (TimeResolver.TimeExpr t : times) {
      if (t.end() > q.start) {
        break;
      }
      switch (t.role()) {
        case POINT, NOW -> best = t;
        case START -> sawStart = true;
        case COMPARE -> {
          // 相较2013年的13天: the compared value itself, right after its year
          // (恢复至2019年的83.9%: a share of the base year's level, not the base year's value)
          String gap = s.substring(t.end(), q.start);
          if (!it.change && gap.length() <= 2 && (gap.isEmpty() || gap.equals("的")) && !shareOfBase(s, t.start())) {
            best = t;
          }
        }
        default -> { }
      }
    }
    if (best != null) {
      return best.period();
    }
    if (sawStart || sinceEvent(s, it.clauseStart > 0 ? Math.max(0, it.clauseStart - 30) : 0, q.start)) {
      return now(st); // 2023年以来已吸引49家, 投运4年多来累计保障: up to now
    }
    if (st.paraTime != null) {
      return st.paraTime;
    }
    if (st.reportTime != null && !st.otherYears && st.pub != null && st.reportTime.year() < st.pub.getYear()
        && !presentTense(s, q.start)) {
      return st.reportTime; // a report on one past period: untimed figures in later paragraphs belong to it
    }
    return now(st);
  }

  /** 恢复至2019年的, 相当于2019年同期的: the year is the base of a share. */
  private static boolean shareOfBase(String s, int timeStart) {
    String b = s.substring(Math.max(0, timeStart - 4), timeStart);
    return b.endsWith("恢复至") || b.endsWith("恢复到") || b.endsWith("恢复") || b.endsWith("相当于") || b.endsWith("达到")
        || b.endsWith("达");
  }

  /** 投运4年多来, 建成十年来, 近5年来: a cumulative figure since an event, up to now. */
  private static boolean sinceEvent(String s, int from, int to) {
    for (int k = s.indexOf("年", from); k >= 0 && k + 1 < to; k = s.indexOf("年", k + 1)) {
      int j = k + 1;
      if (s.charAt(j) == '多' || s.charAt(j) == '余') {
        j++;
      }
      if (j < to && s.charAt(j) == '来' && k > 0) {
        char c = s.charAt(k - 1);
        if (Character.isDigit(c) || ChineseNumbers.isNumeralChar(c) || c == '几') {
          return true;
        }
      }
    }
    return false;
  }

  /** 已达, 现有, 目前, 近年来: the sentence speaks of now, whatever the article reports on. */
  private static boolean presentTense(String s, int upTo) {
    String b = s.substring(0, upTo);
    return b.indexOf('已') >= 0 || b.contains("现有") || b.contains("目前") || b.contains("近年") || b.contains("如今")
        || b.contains("至今") || b.contains("现在");
  }

  private static Period now(ArticleState st) {
    return st.pub == null ? null : Period.month(st.pub.getYear(), st.pub.getMonthValue());
  }

  private static boolean isTarget(String s, Item it, List<TimeResolver.TimeExpr> times, ArticleState st) {
    String clause = s.substring(it.clauseStart, it.q.start);
    String lead = s.substring(0, it.q.start);
    if (lead.contains("预期目标") || lead.contains("主要目标") || lead.contains("目标任务是") || lead.contains("目标是")) {
      return true; // 主要预期目标是:地区生产总值增长5.5%左右, ...
    }
    for (String m : TARGET_MARKERS) {
      if (clause.contains(m)) {
        return true;
      }
    }
    if (hasFutureMarker(s, it.clauseStart, it.q.start)) {
      return true;
    }
    if (st.pub != null) {
      for (TimeResolver.TimeExpr t : times) {
        if (t.start() >= it.clauseStart && t.end() <= it.q.start && t.period() != null && t.explicitYear()
            && t.period().year() > st.pub.getYear() && t.start() > 0 && "到至".indexOf(s.charAt(t.start() - 1)) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasFutureMarker(String s, int from, int to) {
    String c = s.substring(Math.max(from, to - 60), to); // bounded: linear in sentence length
    // FUTURE needs 到/至 and 年: skip the regex when they are absent
    boolean maybe = c.indexOf('年') >= 0 && (c.indexOf('到') >= 0 || c.indexOf('至') >= 0);
    return maybe && FUTURE.matcher(c).find() || c.contains("将达") || c.contains("将超");
  }

  private static Integer targetYear(String s, int pos, List<TimeResolver.TimeExpr> times, int clauseStart) {
    Integer y = null;
    for (TimeResolver.TimeExpr t : times) {
      if (t.start() < pos && t.period() != null && t.explicitYear()) {
        y = t.period().year();
      }
    }
    return y;
  }

  // ---------------------------------------------------------------- region

  private Region regionOf(String s, Item it, List<RegionResolver.Subject> subjects, ArticleState st) {
    if (it.place != null) {
      return it.place;
    }
    if (it.regionFrom != null && it.regionFrom != it) {
      Item from = it.regionFrom;
      it.regionFrom = null;
      return regionOf(s, from, subjects, st);
    }
    Quantity q = it.q;
    Region r = null;
    for (RegionResolver.Subject sub : subjects) {
      if (sub.end() > q.start) {
        break;
      }
      if (sub.pool() && sub.end() != q.start) {
        continue; // 在全国74个城市中排名第9位: the pool, not the subject
      }
      if ((q.rank || q.rankChange) && sub.start() >= it.clauseStart && !subjectOfRank(s, sub.end(), q.start)) {
        continue;
      }
      r = sub.region();
    }
    if (r == null) {
      // 全市/全省/全县 before the number: the article's own city/province/county, not the last place named
      // 排名全省第一 / 居全市首位: the scope word names the pool of the rank, not the subject
      Region scope = q.rank && poolBefore(s, q.start) ? null : regions.scope(st.main, s.substring(0, q.start), st.homeProvince);
      if (scope == null && st.lastGrouping != null && groupReference(s, it.clauseStart, q.start)) {
        scope = st.lastGrouping; // 三地高校组建了15个联盟: the grouping named before
      }
      if (scope != null) {
        sentenceScope = scope;
        return scope;
      }
    }
    if (r == null) {
      r = st.paraRegion;
    }
    if (r == null) {
      r = st.main;
    }
    return r;
  }

  /** 张北县排名第2位, 崇礼区位居全省第一: the place right before the rank verb is what is ranked. */
  private static boolean subjectOfRank(String s, int subEnd, int rankStart) {
    if (rankStart - subEnd > 32) {
      return false;
    }
    String b = s.substring(subEnd, rankStart).replaceFirst("在[^,，。;]{1,20}?中(?=(排名|位居|位列|名列))", "");
    if (b.startsWith("市") || b.startsWith("县") || b.startsWith("区") || b.startsWith("省")) {
      b = b.substring(1);
    }
    // 承德市空气质量综合指数排名第十二位: the place, then the indicator it ranks on
    for (String v : new String[] {"排名", "位居", "位列", "名列"}) {
      int i = b.indexOf(v);
      if (i >= 2 && b.substring(0, i).matches("[^在中、和与及比较个,，]+")) {
        return true;
      }
    }
    if (rankStart - subEnd > 10) {
      return false;
    }
    return b.startsWith("排名") || b.startsWith("排") || b.startsWith("位居") || b.startsWith("位列") || b.startsWith("名列")
        || b.startsWith("居") || b.startsWith("列");
  }

  /** 三地/两地/三省市 leading the clause of a number: the places of a grouping named before. */
  private static boolean groupReference(String s, int clauseStart, int upTo) {
    String c = s.substring(clauseStart, upTo);
    for (String w : new String[] {"三地", "两地", "三省市", "三省份"}) {
      int i = c.indexOf(w);
      if (i >= 0 && i <= 4) {
        return true;
      }
    }
    return false;
  }

  /** 全省/全市/全国 right before a rank (全省第1, 在全省排名第3位) is its pool. */
  private static boolean poolBefore(String s, int rankStart) {
    String b = s.substring(Math.max(0, rankStart - 6), rankStart);
    return b.contains("全省") || b.contains("全市") || b.contains("全县") || b.contains("全区");
  }

  // ---------------------------------------------------------------- text helpers

  private static boolean[] mask(String s, List<TimeResolver.TimeExpr> times) {
    boolean[] m = new boolean[s.length() + 1];
    for (TimeResolver.TimeExpr t : times) {
      for (int k = t.start(); k < t.end() && k < s.length(); k++) {
        m[k] = true;
      }
    }
    return m;
  }

  private static String stripMasked(String part, int offset, boolean[] mask) {
    StringBuilder b = new StringBuilder(part.length());
    for (int k = 0; k < part.length(); k++) {
      if (!mask[offset + k]) {
        b.append(part.charAt(k));
      }
    }
    return b.toString();
  }

  /** Text between from and to without time expressions, threshold quantities and subject regions. */
  private static String textWithout(String s, int from, int to, boolean[] timeMask, List<Item> items, List<RegionResolver.Subject> subjects) {
    if (to <= from) {
      return "";
    }
    boolean[] drop = new boolean[to - from];
    for (int k = from; k < to; k++) {
      drop[k - from] = timeMask[k];
    }
    for (Item it : items) {
      if (it.q.threshold) {
        for (int k = Math.max(from, it.q.start); k < Math.min(to, it.q.end); k++) {
          drop[k - from] = true;
        }
      }
    }
    for (RegionResolver.Subject sub : subjects) {
      for (int k = Math.max(from, sub.start()); k < Math.min(to, sub.end()); k++) {
        drop[k - from] = true;
      }
    }
    StringBuilder b = new StringBuilder(to - from);
    for (int k = from; k < to; k++) {
      if (!drop[k - from]) {
        b.append(s.charAt(k));
      }
    }
    // region suffixes left behind (张家口市 → 市) at the start
    String t = b.toString().strip();
    if (t.startsWith("市") || t.startsWith("省") || t.startsWith("县") || t.startsWith("区")) {
      t = t.substring(1);
    }
    return t;
  }

  static int clauseStart(String s, int pos) {
    int k = pos - 1;
    while (k >= 0) {
      char c = s.charAt(k);
      if (c == '”') {
        int open = quotedTermStart(s, k);
        if (open >= 0) {
          k = open - 1; // 打通“断头路”“瓶颈路”40条段: a quoted term is part of the clause
          continue;
        }
      }
      if (c == ',' || c == ';' || c == ':' || c == '。' || c == '!' || c == '?' || c == '“' || c == '”' || c == '"' || c == '【'
          || c == '】' || c == ' ') {
        return k + 1;
      }
      k--;
    }
    return 0;
  }

  /** The index of the “ opening a short quoted term that ends at {@code close}, or -1. */
  private static int quotedTermStart(String s, int close) {
    for (int k = close - 1; k >= 0 && close - k <= 10; k--) {
      char c = s.charAt(k);
      if (c == '“') {
        return k < close - 1 ? k : -1;
      }
      if (",;:。!?“”\"【】 ".indexOf(c) >= 0 || Character.isDigit(c)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isToVerb(String between) {
    for (String v : TO_VERBS) {
      if (between.endsWith(v) && between.length() <= v.length() + 6) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(String s, String[] words) {
    for (String w : words) {
      if (s.endsWith(w)) {
        return true;
      }
    }
    return false;
  }

  private static int indexOfAny(String s, String... words) {
    int best = -1;
    for (String w : words) {
      int i = s.lastIndexOf(w);
      if (i > best) {
        best = i;
      }
    }
    return best;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static double round(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    if (Math.abs(v) >= 1e9) {
      return Math.rint(v);
    }
    return Math.round(v * 1e6) / 1e6;
  }
}
