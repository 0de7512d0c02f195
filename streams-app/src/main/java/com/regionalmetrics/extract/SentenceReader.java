package com.regionalmetrics.extract;

import com.regionalmetrics.avro.Change;
import com.regionalmetrics.avro.ChangeKind;
import com.regionalmetrics.avro.Qualifier;
import java.util.List;

/**
 * Reads one sentence: decides for each quantity what it measures (label, catalog indicator),
 * whether it is a level, a change (同比增长 x%), a rank, the two ends of a from→to transition
 * (从5.09降至2.66) or a member of a 分别 list, and which region and period it belongs to.
 *
 * <p>{@link #read} is a list of phases over one {@link SentenceScope}; the rules live in their
 * families ({@link StatementRules}, {@link ChangeRules}, {@link LabelRules}, {@link RankRules},
 * {@link RespectiveListRules}, {@link PeriodRules}, {@link SubjectRules}), their words in {@link
 * Lexicon}, and what outlives the sentence in {@link ArticleContext}.
 */
final class SentenceReader {

  private final QuantityScanner scanner;
  private final RegionResolver regions;
  private final MeasureNamer namer;
  private final RespectiveListRules respectiveLists;
  private final SubjectRules subjectRules;

  SentenceReader(QuantityScanner scanner, RegionResolver regions, IndicatorCatalog catalog) {
    this.scanner = scanner;
    this.regions = regions;
    this.namer = new MeasureNamer(catalog, regions.gazetteer());
    this.respectiveLists = new RespectiveListRules(regions, catalog);
    this.subjectRules = new SubjectRules(regions);
  }

  void read(
      SentenceSplitter.Sentence sentence,
      List<RegionMention> mentions,
      ArticleContext st,
      List<Observation> out) {
    read(sentence, mentions, null, st, out);
  }

  /**
   * {@code knownTimes}: the sentence's time expressions when already found with the same
   * publication date, else null.
   */
  void read(
      SentenceSplitter.Sentence sentence,
      List<RegionMention> mentions,
      List<TimeResolver.TimeExpr> knownTimes,
      ArticleContext st,
      List<Observation> out) {
    SentenceScope sc = open(sentence, mentions, knownTimes, st);
    segment(sc);
    classify(sc, st);
    respectiveLists.assign(sc, st);
    inheritChangeLabels(sc, st);
    emit(sc, st, out);
    namer.afterSentence(sc.s, st.paragraph);
    st.rememberSentence(sc);
  }

  /** The sentence's times, subjects and quantities; the paragraph remembers a 同比. */
  private SentenceScope open(
      SentenceSplitter.Sentence sentence,
      List<RegionMention> mentions,
      List<TimeResolver.TimeExpr> knownTimes,
      ArticleContext st) {
    st.enterParagraph(sentence.paragraph());
    String s = sentence.text();
    if (ClauseText.containsAny(s, Lexicon.YOY_SENTENCE_MARKERS)) {
      st.paraYoy = true;
    }
    List<TimeResolver.TimeExpr> times =
        knownTimes != null && !TimeResolver.usesYearContext(s, knownTimes)
            ? knownTimes
            : TimeResolver.find(s, st.pub, st.yearForRelativeWords());
    List<RegionResolver.Subject> subjects = regions.subjects(s, mentions, times);
    SentenceScope sc = new SentenceScope(sentence, mentions, times, subjects);
    for (Quantity q : scanner.scan(s)) {
      sc.items.add(new QuantityItem(q, ClauseText.clauseStart(s, q.start)));
    }
    return sc;
  }

  /**
   * Segments, lists (53.2万人次和25.8%) and each item's text before its number; thresholds are skipped.
   */
  private static void segment(SentenceScope sc) {
    String s = sc.s;
    List<QuantityItem> items = sc.items;
    boolean[] drop = null; // what every item's text leaves out: once per sentence, when needed
    for (int k = 0; k < items.size(); k++) {
      QuantityItem it = items.get(k);
      Quantity q = it.q;
      if (q.threshold || q.namePart) {
        it.skip = true;
        continue;
      }
      int segStart = it.clauseStart;
      QuantityItem prev = null;
      for (int j = k - 1; j >= 0; j--) {
        if (!items.get(j).q.threshold && !items.get(j).q.namePart) {
          prev = items.get(j);
          break;
        }
      }
      if (prev != null && prev.q.end > segStart) {
        segStart = prev.q.end;
        String between = s.substring(prev.q.end, q.start);
        String lead = s.substring(prev.clauseStart, prev.q.start);
        RespectiveListRules.FlatSlots flats =
            ClauseText.containsAny(lead, Lexicon.RESPECTIVELY)
                ? RespectiveListRules.flatSlots(between)
                : new RespectiveListRules.FlatSlots(0, between);
        if ((RespectiveListRules.isListJoin(flats.rest())
                || RespectiveListRules.isVerbListJoin(flats.rest(), lead))
            && RespectiveListRules.sameKind(prev.q, q)) {
          it.listMember = true;
          it.listHead = prev.listMember ? prev.listHead : prev;
          it.flatsBefore = flats.count();
        }
      }
      drop = drop != null ? drop : ClauseText.dropMask(s, sc.timeMask, items, sc.subjects);
      it.before = ClauseText.textWithout(s, segStart, q.start, drop);
    }
  }

  /**
   * Per item, in order: not a statement or a difference (skipped), its kind, from→to, its label.
   */
  private static void classify(SentenceScope sc, ArticleContext st) {
    for (int k = 0; k < sc.items.size(); k++) {
      QuantityItem it = sc.items.get(k);
      if (it.skip) {
        continue;
      }
      String tail = ClauseText.stripTrailingQualifiers(it.before);
      if (StatementRules.notAStatement(sc.s, it)
          || StatementRules.isDifference(sc.s, it, tail)
          || StatementRules.isRestatement(sc.s, sc.items, k)) {
        it.skip = true;
        continue;
      }
      QuantityItem restated = StatementRules.restatedIn(sc.s, sc.items, k);
      if (restated != null && !restated.q.rank && restated.label != null) {
        // 5921公斤/公顷(394.7公斤/亩): the same figure in another unit, with the label and change of the
        // first
        it.change = restated.change;
        it.up = restated.up;
        it.kind = restated.kind;
        it.suffix = restated.suffix;
        it.label = restated.label;
        if (!it.change) {
          sc.levels.add(it);
        }
        continue;
      }
      if (!ChangeRules.decideKind(sc, it, tail)) {
        continue;
      }
      if (!it.change && !it.q.rank) {
        ChangeRules.fromTo(sc, k);
      }
      label(sc, k, st);
      if (!it.change && !it.q.rank && !it.label.isEmpty()) {
        sc.lastLevelLabel = it.label;
        sc.lastLevelUnit = it.unit;
      }
      if (!it.change && !it.q.rank && !it.skip) {
        sc.levels.add(it);
      }
    }
  }

  /**
   * The label of item k, by what it is: a to-value, a change, a rank, a list member, a range end or
   * a level.
   */
  private static void label(SentenceScope sc, int k, ArticleContext st) {
    QuantityItem it = sc.items.get(k);
    Quantity q = it.q;
    if (it.toOf != null) {
      it.label = it.toOf.label;
      if (it.unit == null && it.toOf.unit != null) {
        it.unit = it.toOf.unit; // 从3.5亿元增至5亿: the to-value's unit is the from-value's
      }
    } else if (it.change && !q.rankChange) {
      it.label = ChangeRules.ownChangeLabel(it);
    } else if (q.rank || q.rankChange) {
      it.label = RankRules.rankItemLabel(sc, k, st);
    } else if (it.listMember) {
      it.label = "";
    } else if (sc.lastLevelLabel != null
        && it.unit != null
        && it.unit.equals(sc.lastLevelUnit)
        && LabelRules.comparedBase(sc, it)) {
      it.label =
          sc.lastLevelLabel; // 吞吐量为1369万标准箱,较2023年的1434万标准箱下跌4.5%: the base of the comparison
    } else if (LabelRules.rangeEnd(sc.s, sc.items, k) != null) {
      it.label =
          LabelRules.rangeEnd(sc.s, sc.items, k)
              .label; // 800元至1500元之间: the upper end of a range measures the same thing
    } else {
      String own = LabelRules.levelItemLabel(sc, k);
      String total = LabelRules.totalOfPrevious(own, sc.lastLevelLabel, it.unit, sc.lastLevelUnit);
      it.label = total != null ? total : LabelRules.withSharedSubject(own, sc.lastLevelLabel);
    }
    if (it.fromSide) {
      it.label = LabelRules.fromSideLabel(sc, it);
    }
  }

  /** Changes without their own subject take the level they refer to. */
  private static void inheritChangeLabels(SentenceScope sc, ArticleContext st) {
    for (int k = 0; k < sc.items.size(); k++) {
      QuantityItem it = sc.items.get(k);
      if (it.skip || !it.change || !it.label.isEmpty()) {
        continue;
      }
      it.label = ChangeRules.inheritLabel(sc.items, k, it, st);
    }
  }

  /** An observation per labelled item with a unit, a plausible period and a region. */
  private void emit(SentenceScope sc, ArticleContext st, List<Observation> out) {
    for (QuantityItem it : sc.items) {
      if (it.skip || it.label == null || it.label.isBlank()) {
        continue;
      }
      Observation o = observationOf(sc, it, st);
      if (o == null) {
        continue;
      }
      out.add(o);
      String wording =
          it.change ? ChangeRules.ownChangeWording(it, sc.s, o.indicatorLabel()) : null;
      if (wording != null) {
        st.changeWording.put(o, wording);
      }
      if (!it.change && !it.q.rank) {
        st.rememberLevel(o.indicatorLabel(), o.unit());
      }
    }
  }

  private Observation observationOf(SentenceScope sc, QuantityItem it, ArticleContext st) {
    String s = sc.s;
    Quantity q = it.q;
    String unit = it.unit != null ? it.unit : LabelRules.bareUnit(it.label);
    if (unit == null) {
      return null;
    }
    String label = LabelRules.trimLabel(it.label);
    if (label.length() < 2 || !LabelRules.hasCjkOrLetter(label)) {
      return null;
    }
    Period period = PeriodRules.periodOf(it, s, sc.times, st);
    boolean target = PeriodRules.isTarget(s, it, sc.times, st);
    if (!target && period != null && st.pub != null && period.firstDay().isAfter(st.pub)) {
      if (!PeriodRules.hasFutureMarker(s, it.clauseStart, q.start)) {
        return null; // a future period that is not a plan is a misreading
      }
      target = true;
    }
    if (period != null && (period.year() < 1970 || period.year() > 2100)) {
      return null;
    }
    Integer targetYear = null;
    if (target) {
      targetYear = PeriodRules.targetYear(s, q.start, sc.times, it.clauseStart, st);
      period = PeriodRules.now(st);
    }
    Region region = subjectRules.regionOf(sc, it, st);
    if (region == null) {
      return null;
    }
    String indicator =
        namer
            .name(
                new MeasureNamer.Figure(
                    label,
                    unit,
                    it.change,
                    it.kind == ChangeKind.RANK_CHANGE,
                    it.suffix,
                    s,
                    q.start,
                    q.end,
                    it.fromSide || it.toOf != null,
                    target,
                    targetYear,
                    st.paragraph))
            .toString();
    Change change = it.change ? Extractor.change(it.kind, it.up) : null;
    Qualifier qual = Extractor.qualifier(q);
    return new Observation(
        region.name(),
        region.code(),
        indicator,
        label,
        ClauseText.round(q.value),
        unit,
        q.raw,
        qual,
        period,
        change,
        s);
  }
}
