package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ClauseText.endsWithAny;
import static com.regionalmetrics.extract.ClauseText.indexOfAny;
import static com.regionalmetrics.extract.ClauseText.stripBound;
import static com.regionalmetrics.extract.ClauseText.stripMasked;
import static com.regionalmetrics.extract.ClauseText.stripTrailingQualifiers;

import com.regionalmetrics.avro.ChangeKind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Levels and changes: whether a number is a change (同比增长25.8%) and of what kind, the two ends of a
 * from→to transition (从5.09降至2.66), and the label a change without its own takes from its level.
 */
final class ChangeRules {
  private ChangeRules() {}

  /** 由设立之初的11%提高到34.9%: a start described in words instead of a year. */
  private static final Pattern START_DESCRIPTION =
      Pattern.compile("(由|从)([^,，。;由从0-9]{0,8}?(之初|初期|当初|最初|伊始|起步时|成立时|设立时|建立时|建成时))$");

  /** 与2013年相比: an explicit base year. */
  /** What a change's own clause may hold besides its verb: its base (比上年, 较去年同期, 比年初). */
  private static final Pattern CHANGE_BASE =
      Pattern.compile("^(同比|环比|相比|相较|比|较|与)?(\\d{4}年|上年同期|去年同期|上年|去年|年初|上月|同期)?(相比|同期)?");

  private static final Pattern BASE_YEAR = Pattern.compile("(与|比|较|相较|相比)\\d{4}年");

  private static final WordIndex LONG_TO_VERBS =
      new WordIndex(
          Arrays.stream(Lexicon.TO_VERBS).filter(v -> v.length() >= 2).toArray(String[]::new));
  private static final WordIndex UP_INDEX = new WordIndex(Lexicon.UP_VERBS);
  private static final WordIndex DOWN_INDEX = new WordIndex(Lexicon.DOWN_VERBS);

  /**
   * The kind of item k: a list member takes its head's, a rank change is one, else a change verb at
   * the end of {@code tail} (增长, 下降) makes a change. False when the item is to be skipped (its list
   * head is).
   */
  static boolean decideKind(SentenceScope sc, QuantityItem it, String tail) {
    Quantity q = it.q;
    if (it.listMember) {
      QuantityItem h = it.listHead;
      if (h.skip) {
        it.skip = true;
        return false;
      }
      it.change = h.change;
      it.up = h.up;
      it.kind = h.kind;
      it.suffix = h.suffix;
      int own = h.change ? changeDirection(tail) : 0;
      if (own != 0) {
        it.up = own > 0; // 分别增长3.0%、下降1.2%: a member with its own verb
      }
    } else if (q.rankChange) {
      it.change = true;
      it.up = q.rankUp;
      it.kind = ChangeKind.RANK_CHANGE;
      it.suffix = ".rank_change";
    } else if (!q.rank) {
      int dir = changeDirection(tail);
      if (dir != 0 && q.value < 0) {
        q.value = -q.value; // 同比增长-3.2%: a fall of 3.2%
        dir = -dir;
      }
      if (dir != 0) {
        it.change = true;
        it.up = dir > 0;
        classifyChange(it, sc.s);
      }
    }
    return true;
  }

  /**
   * 从5.09降至2.66: marks item k as a from-value, or links it to the from-value before it. Levels
   * only.
   */
  static void fromTo(SentenceScope sc, int k) {
    String s = sc.s;
    boolean[] timeMask = sc.timeMask;
    List<QuantityItem> items = sc.items;
    QuantityItem it = items.get(k);
    Quantity q = it.q;
    String rawBefore = s.substring(it.clauseStart, q.start);
    String rb = stripMasked(rawBefore, it.clauseStart, timeMask);
    rb = stripBound(rb); // 从2016年的不足1000人: the bound word sits between 的 and the number
    if (rb.endsWith("的")) {
      rb = rb.substring(0, rb.length() - 1);
    }
    rb = stripPlanEnd(rb); // 由“十三五”末的65%: the plan period is masked, its quotes and 末 are not
    if (endsWithAny(rb, Lexicon.FORMER_WORDS)) {
      rb = rb.substring(0, rb.length() - 2); // 由过去的2小时30分钟缩短至1小时
    }
    if (rb.endsWith("从") || rb.endsWith("由")) {
      it.fromSide = true;
    } else {
      // 由设立之初的11%提高到34.9%: a start described in words instead of a year
      Matcher sd = START_DESCRIPTION.matcher(rb);
      if (sd.find()) {
        it.fromSide = true;
        it.fromWordsAt = it.clauseStart + rawBefore.lastIndexOf(sd.group(1) + sd.group(2));
      }
    }
    if (k > 0 && items.get(k - 1).fromSide && !items.get(k - 1).skip) {
      QuantityItem x = items.get(k - 1);
      String between = stripMasked(s.substring(x.q.end, q.start), x.q.end, timeMask);
      between = stripBound(between).replace("的", "").replace("了", "").strip();
      if (isToVerb(between)
          && (x.unit == null ? it.unit == null : x.unit.equals(it.unit) || it.unit == null)) {
        it.toOf = x;
      }
    }
  }

  /**
   * The label of a change from its own text (产业增加值增长 → 产业增加值), or empty for a list member or a
   * short one.
   */
  static String ownChangeLabel(QuantityItem it) {
    String own = LabelFinder.clean(stripChangeWords(it.before));
    return own.length() >= 2 && !it.listMember ? own : "";
  }

  /**
   * 粮食总产量142.3亿斤,比上年增产5.6亿斤 / 减至68.2万亩,减幅8.6%: the wording of a change stated in a clause with no
   * measure of its own (比上年增产, 减幅), to show after the measure it changes; null when the clause
   * names its measure or has no such wording.
   */
  static String ownChangeWording(QuantityItem it, String s, String label) {
    if (it.listMember || it.kind == ChangeKind.RANK_CHANGE) {
      return null;
    }
    String w = stripTrailingQualifiers(s.substring(it.clauseStart, it.q.start));
    String span = spanWording(w);
    if (span != null) {
      return label.contains(span) ? null : span; // 生产总值年均增长6.2%: a rate over several years
    }
    if (it.kind != ChangeKind.ABS && !s.substring(it.clauseStart, it.q.start).contains("幅")) {
      return null; // 增长4.1%: a rate is named by its measure alone
    }
    for (String f : Lexicon.CHANGE_WORDING_FILLERS) {
      if (w.startsWith(f)) {
        w = w.substring(f.length());
      }
    }
    if (w.length() < 2
        || w.length() > 8
        || label.contains(w)
        || w.chars().anyMatch(Character::isDigit)
        || ClauseText.containsAny(w, Lexicon.RESPECTIVELY)) {
      return null;
    }
    String rest = CHANGE_BASE.matcher(stripChangeWords(w)).replaceAll("");
    if (rest.equals(w) || !rest.isEmpty()) {
      return null; // no change word, or the clause names a measure of its own
    }
    return w;
  }

  private static String stripPlanEnd(String rb) {
    String t = rb.endsWith("末") ? rb.substring(0, rb.length() - 1) : rb;
    while (!t.isEmpty() && "“”\"".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1);
    }
    return t.length() < rb.length() && (t.endsWith("由") || t.endsWith("从")) ? t : rb;
  }

  /** 年均增长 / 年平均下降 ending the words before a rate; null when they do not end so. */
  private static String spanWording(String before) {
    for (String span : new String[] {"年平均", "年均"}) {
      int i = before.lastIndexOf(span);
      if (i >= 0) {
        String verb = before.substring(i + span.length());
        boolean changeVerb =
            verb.equals(UP_INDEX.suffixOf(verb)) || verb.equals(DOWN_INDEX.suffixOf(verb));
        return changeVerb ? before.substring(i) : null;
      }
    }
    return null;
  }

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

  private static void classifyChange(QuantityItem it, String s) {
    String unit = it.unit;
    String upto =
        s.substring(Math.max(0, Math.max(it.clauseStart - 40, it.q.start - 120)), it.q.start);
    boolean explicitBase = upto.indexOf('年') >= 0 && BASE_YEAR.matcher(upto).find();
    // 较去年底 / 比年初: against a point in time, not the same period last year
    boolean pointBase = ClauseText.containsAny(upto, Lexicon.POINT_BASE_WORDS);
    boolean yoy = !pointBase && ClauseText.containsAny(upto, Lexicon.YOY_BASE_WORDS);
    boolean span = ClauseText.containsAny(upto, Lexicon.SPAN_WORDS);
    String clause = s.substring(it.clauseStart, it.q.start);
    int mom = Math.max(clause.lastIndexOf("环比"), clause.lastIndexOf("上月"));
    if ("%".equals(unit) && mom >= 0 && mom > clause.lastIndexOf("同比")) {
      // 环比下降0.6%, 比上月增长2%: against the month (or period) before, another series than 同比
      it.kind = ChangeKind.PCT;
      it.suffix = ".mom_pct";
    } else if ("%".equals(unit)) {
      // growth without a stated base is, in Chinese statistical writing, against the same period
      // last year
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

  /** The lists stripChangeWords strips, by last character (the first word in list order wins). */
  private static final WordIndex UP_DOWN_VERB_INDEX = new WordIndex(Lexicon.UP_DOWN_VERBS);

  private static final WordIndex CHANGE_FILLER_INDEX = new WordIndex(Lexicon.CHANGE_FILLERS);

  private static String stripChangeWords(String b) {
    String t = stripTrailingQualifiers(b);
    boolean changed = true;
    while (changed) {
      changed = false;
      String v = UP_DOWN_VERB_INDEX.suffixOf(t);
      if (v != null) {
        t = t.substring(0, t.length() - v.length());
        changed = true;
      }
      String w = CHANGE_FILLER_INDEX.suffixOf(t);
      if (w != null) {
        t = t.substring(0, t.length() - w.length());
        changed = true;
      }
    }
    // "比去年" / "与上年相比" / "较上年同期" left inside
    int cut = indexOfAny(t, "比", "较", "相较", "与");
    if (cut >= 0 && cut >= t.length() - 6) {
      t = t.substring(0, cut);
    }
    return t;
  }

  static String inheritLabel(List<QuantityItem> items, int k, QuantityItem it, ArticleContext st) {
    String wantUnit = it.kind == ChangeKind.ABS && !".pp".equals(it.suffix) ? it.unit : null;
    if (".pp".equals(it.suffix)) {
      wantUnit = "%";
    }
    for (int j = k - 1; j >= 0; j--) {
      QuantityItem p = items.get(j);
      if (p.skip || p.change || p.q.rank || p.label.isEmpty()) {
        continue;
      }
      if (wantUnit == null
          || wantUnit.equals(p.unit)
          || p.unit == null && "index".equals(wantUnit)) {
        return p.label;
      }
    }
    for (int j = k - 1; j >= 0 && it.kind != ChangeKind.RANK_CHANGE; j--) {
      QuantityItem p = items.get(j);
      if (!p.skip && p.change && !p.label.isEmpty() && Objects.equals(p.unit, it.unit)) {
        return p.label; // 价格环比下降0.6%,同比下降6.8%: the change before names the same measure
      }
    }
    if (it.kind == ChangeKind.RANK_CHANGE) {
      for (int j = k - 1; j >= 0; j--) {
        if (items.get(j).q.rank) {
          return items.get(j).label;
        }
      }
    }
    if (st.paraLastLevelLabel != null
        && (wantUnit == null || wantUnit.equals(st.paraLastLevelUnit))) {
      return st.paraLastLevelLabel;
    }
    return "";
  }

  private static boolean isToVerb(String between) {
    for (String v : Lexicon.TO_VERBS) {
      if (between.endsWith(v) && between.length() <= v.length() + 6) {
        return true;
      }
    }
    return false;
  }
}
