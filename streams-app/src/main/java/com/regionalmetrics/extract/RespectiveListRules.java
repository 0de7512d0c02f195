package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ClauseText.clauseStart;
import static com.regionalmetrics.extract.ClauseText.equalsAny;
import static com.regionalmetrics.extract.ClauseText.stripMasked;
import static com.regionalmetrics.extract.ClauseText.textWithout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lists: numbers joined by 、/和 (分别增长36.1%和29.4%), 分别 lists matched to the subjects, levels or
 * places named before (PM10、二氧化氮年均浓度分别为…, A县、B县分别接待游客x和y), and one value shared by listed places
 * (A区、B区最低,均为25微克/立方米).
 */
final class RespectiveListRules {
  private final RegionResolver regions;
  private final IndicatorCatalog catalog;

  RespectiveListRules(RegionResolver regions, IndicatorCatalog catalog) {
    this.regions = regions;
    this.catalog = catalog;
  }

  /** 53.2万人次和25.8%: the text between two numbers joins them into a list. */
  static boolean isListJoin(String between) {
    return equalsAny(between, Lexicon.LIST_JOINS);
  }

  /**
   * 分别增长3.0%、下降1.2%和增长4.6%: a join followed by the member's own change verb, in a 分别 list ({@code
   * lead}: the sentence before the list's previous number).
   */
  static boolean isVerbListJoin(String between, String lead) {
    if (!ClauseText.containsAny(lead, Lexicon.RESPECTIVELY)) {
      return false;
    }
    for (String j : Lexicon.LIST_JOINS) {
      if (between.startsWith(j)
          && equalsAny(between.substring(j.length()), Lexicon.UP_DOWN_VERBS)) {
        return true;
      }
    }
    return false;
  }

  /** The 持平 slots of a 分别 list that open {@code text}, and what follows them. */
  record FlatSlots(int count, String rest) {}

  /**
   * 下降6.3%、持平和下降12.5%: a 持平 (flat, no number) holds a place in a 分别 list; the text between two
   * numbers ("、持平和下降") is read past its flat slots ("和下降").
   */
  static FlatSlots flatSlots(String text) {
    int count = 0;
    String rest = text;
    boolean more = true;
    while (more) {
      more = false;
      for (String j : Lexicon.LIST_JOINS) {
        for (String f : Lexicon.FLAT_WORDS) {
          if (rest.startsWith(j + f)) {
            rest = rest.substring(j.length() + f.length());
            count++;
            more = true;
            break;
          }
        }
        if (more) {
          break;
        }
      }
    }
    return new FlatSlots(count, rest);
  }

  /**
   * Each member's place in its 分别 list, counting the 持平 slots before, between and after the numbers
   * (分别持平、下降3.6% / 下降5.0%、上升3.8%、持平); the last entry is the list's length.
   */
  private static int[] slotsOf(String s, List<QuantityItem> members, int fbAbs) {
    int[] slots = new int[members.size() + 1];
    String lead = s.substring(fbAbs + 2, members.get(0).q.start);
    int flatsAhead = 0;
    for (String f : Lexicon.FLAT_WORDS) {
      if (lead.contains(f)) {
        flatsAhead = flatSlots("、" + lead.substring(lead.indexOf(f))).count();
        break;
      }
    }
    int at = flatsAhead;
    for (int m = 0; m < members.size(); m++) {
      at += members.get(m).flatsBefore;
      slots[m] = at++;
    }
    QuantityItem last = members.get(members.size() - 1);
    slots[members.size()] = at + flatSlots(s.substring(last.q.end)).count();
    return slots;
  }

  /**
   * 分别 lists: subjects named before 分别, or the preceding levels of the sentence; 均为 lists of
   * places.
   */
  void assign(SentenceScope sc, ArticleContext st) {
    String s = sc.s;
    List<QuantityItem> items = sc.items;
    for (int k = 0; k < items.size(); k++) {
      QuantityItem head = items.get(k);
      if (head.skip || head.listMember || head.q.rank) {
        continue;
      }
      List<QuantityItem> members = new ArrayList<>();
      members.add(head);
      for (int j = k + 1;
          j < items.size() && items.get(j).listMember && items.get(j).listHead == head;
          j++) {
        members.add(items.get(j));
      }
      String clause = s.substring(head.clauseStart, head.q.start);
      int fb = ClauseText.indexOfAny(clause, Lexicon.RESPECTIVELY);
      if (fb < 0) {
        int all = allMarker(clause);
        if (all >= 0 && members.size() == 1) {
          k += placesSharingOneValue(sc, k, head.clauseStart + all, st);
        }
        continue;
      }
      if (placeListRespectively(sc, members, head.clauseStart + fb)) {
        continue;
      }
      String pre =
          textWithout(s, head.clauseStart, head.clauseStart + fb, sc.timeMask, items, sc.subjects);
      if (timeListRespectively(sc, members, head.clauseStart, head.clauseStart + fb, pre)) {
        continue;
      }
      List<String> names = shareMeasure(respectiveSubjects(pre));
      int[] slots = slotsOf(s, members, head.clauseStart + fb);
      int length = slots[members.size()];
      if (names.size() == length && length >= 2) {
        for (int m = 0; m < members.size(); m++) {
          members.get(m).label = names.get(slots[m]);
        }
        continue;
      }
      // 分别同比增长25.8%和26.1%: the preceding levels of the sentence, in order
      List<QuantityItem> prior = new ArrayList<>();
      for (QuantityItem l : sc.levels) {
        if (l.q.start < head.q.start && !members.contains(l)) {
          prior.add(l);
        }
      }
      if (prior.size() >= length && length >= 2) {
        List<QuantityItem> use = prior.subList(prior.size() - length, prior.size());
        for (int m = 0; m < members.size(); m++) {
          members.get(m).label = use.get(slots[m]).label;
          members.get(m).regionFrom = use.get(slots[m]);
        }
      } else if (members.size() >= 2) {
        for (QuantityItem m : members) {
          m.skip = true; // cannot tell which number belongs to what
        }
      }
    }
  }

  private record PlaceList(List<RegionMention> places, int start, int end) {}

  /**
   * The last list of at least two places (A区、B县和C县) lying in [from, to) of the sentence, or null.
   */
  private PlaceList placeListIn(SentenceScope sc, int from, int to) {
    String s = sc.s;
    List<RegionMention> chain = new ArrayList<>();
    int chainStart = -1;
    int chainEnd = -1;
    PlaceList best = null;
    for (RegionMention m : sc.mentions) {
      if (m.start() < from || m.end() > to) {
        continue;
      }
      int end = m.end();
      for (String suf : Lexicon.PLACE_ELEMENT_SUFFIXES) {
        if (s.startsWith(suf, end) && end + suf.length() <= to) {
          end += suf.length();
          break;
        }
      }
      if (!chain.isEmpty()) {
        String between = s.substring(chainEnd, m.start());
        RegionMention last = chain.get(chain.size() - 1);
        if (between.isEmpty() && chain.size() == 1 && regions.within(m.region(), last.region())) {
          chain.set(
              0,
              new RegionMention(
                  m.region(), m.start(), m.end())); // 承德市双桥区、双滦区: the city only locates the list
          chainEnd = end;
          continue;
        }
        if (equalsAny(between, Lexicon.PLACE_LIST_JOINS)) {
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
   * A区、B县、C县PM2.5平均浓度分别为x、y和z / A县、B县分别接待游客x和y: one value per listed place, the label being the
   * shared indicator (before or after 分别). {@code fbAbs}: where 分别 starts.
   */
  private boolean placeListRespectively(SentenceScope sc, List<QuantityItem> members, int fbAbs) {
    String s = sc.s;
    boolean[] timeMask = sc.timeMask;
    QuantityItem head = members.get(0);
    PlaceList pl = placeListIn(sc, head.clauseStart, fbAbs);
    String between = pl == null ? null : s.substring(pl.end(), fbAbs);
    int betweenAt = pl == null ? 0 : pl.end();
    if (pl == null) {
      // 围场县、丰宁县、隆化县,综合指数分别为… / A县、B县、C县综合指数位列全市前三,分别为…: the list in an earlier clause
      PlaceList earlier = placeListIn(sc, 0, fbAbs);
      if (earlier == null || earlier.places().size() != members.size()) {
        return false;
      }
      for (QuantityItem other : sc.items) {
        if (!members.contains(other) && other.q.start >= earlier.end() && other.q.start < fbAbs) {
          return false; // another figure in between: the list belongs to it
        }
      }
      String gap = s.substring(earlier.end(), fbAbs);
      if (gap.indexOf('。') >= 0
          || gap.indexOf(';') >= 0
          || gap.indexOf('；') >= 0
          || gap.length() > 30) {
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
        for (String v : Lexicon.RANK_VERBS) {
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
    String label = LabelFinder.clean(withoutParentheses(stripMasked(between, betweenAt, timeMask)));
    if (label.length() < 2) {
      label =
          LabelFinder.clean(stripMasked(s.substring(fbAbs + 2, head.q.start), fbAbs + 2, timeMask));
    }
    for (int m = 0; m < members.size(); m++) {
      QuantityItem it = members.get(m);
      it.place = pl.places().get(m).region();
      if (label.length() >= 2 && !it.change) {
        it.label = label;
      }
    }
    for (RegionMention p : pl.places()) {
      sc.listedPlaces.add(p.start());
    }
    return true;
  }

  /** Where 均为/都是 (all of the listed are) ends the clause before a number, else -1. */
  private static int allMarker(String clause) {
    String c = ClauseText.stripBound(clause);
    String w = ALL_MARKER_INDEX.suffixOf(c);
    if (w == null) {
      return -1;
    }
    int at = c.length() - w.length();
    char before = at > 0 ? c.charAt(at - 1) : ' ';
    if (Lexicon.AVERAGE_PREFIX_CHARS.indexOf(before) >= 0) {
      return -1; // 平均, 日均, 人均
    }
    return at;
  }

  /** Lexicon.ALL_MARKERS by last character (the first word in list order wins, as in a scan). */
  private static final WordIndex ALL_MARKER_INDEX = new WordIndex(Lexicon.ALL_MARKERS);

  /**
   * A区、B区最低,均为25微克/立方米: the one value holds for every listed place; the head item is cloned for the
   * other places. Returns how many clones were inserted after index k.
   */
  private int placesSharingOneValue(SentenceScope sc, int k, int allAbs, ArticleContext st) {
    String s = sc.s;
    List<QuantityItem> items = sc.items;
    List<QuantityItem> levels = sc.levels;
    QuantityItem head = items.get(k);
    int from = head.clauseStart;
    PlaceList pl = placeListIn(sc, from, allAbs);
    if (pl == null && from > 0) {
      from = clauseStart(s, from - 1); // the places head the clause before: 兴隆县、宽城县最低,均为25
      pl = placeListIn(sc, from, allAbs);
    }
    if (pl == null) {
      return 0;
    }
    for (QuantityItem other : items) {
      if (other != head && other.q.start > pl.start() && other.q.start < allAbs) {
        return 0; // a figure between the places and 均为 belongs to them
      }
    }
    String label = stripMasked(s.substring(pl.end(), allAbs), pl.end(), sc.timeMask);
    for (String w : Lexicon.COMPARATIVES) {
      label = label.replace(w, "");
    }
    label = LabelFinder.clean(label.replace(",", "").replace("、", ""));
    if (label.length() < 2
        && head.label.length() >= 2
        && !head.label.equals(LabelFinder.clean(head.before))) {
      label = head.label;
    }
    if (label.length() < 2) {
      for (int j = levels.size() - 1; j >= 0; j--) {
        QuantityItem l = levels.get(j);
        if (l != head
            && l.q.start < head.q.start
            && !l.label.isEmpty()
            && Objects.equals(l.unit, head.unit)) {
          label = l.label;
          break;
        }
      }
    }
    if (label.length() < 2
        && st.paraLastLevelLabel != null
        && Objects.equals(st.paraLastLevelUnit, head.unit)) {
      label = st.paraLastLevelLabel;
    }
    if (label.length() < 2) {
      return 0;
    }
    head.label = label;
    head.place = pl.places().get(0).region();
    int added = 0;
    for (int m = 1; m < pl.places().size(); m++) {
      QuantityItem c = head.copyForPlace(pl.places().get(m).region());
      items.add(k + 1 + added, c);
      added++;
    }
    for (RegionMention p : pl.places()) {
      sc.listedPlaces.add(p.start());
    }
    return added;
  }

  /**
   * PM10、二氧化氮(NO2)、二氧化硫(SO2)年均浓度: the measure after the last item (年均浓度) is shared by all of them.
   * The last item's name ends after its bracket, its ASCII name or its longest catalog alias.
   */
  List<String> shareMeasure(List<String> names) {
    if (names.size() < 2) {
      return names;
    }
    String last = names.get(names.size() - 1);
    int cut = last.lastIndexOf(')') + 1;
    int ascii = 0;
    while (ascii < last.length()
        && (UnitTable.isAsciiLetter(last.charAt(ascii))
            || Character.isDigit(last.charAt(ascii))
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
    if (!ClauseText.endsWithAny(measure, Lexicon.SHARED_MEASURE_ENDINGS)) {
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
  /** 永顺县(芙蓉镇): text in parentheses dropped. */
  static String withoutParentheses(String t) {
    if (t.indexOf('(') < 0 && t.indexOf('（') < 0) {
      return t;
    }
    StringBuilder b = new StringBuilder(t.length());
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if ((c == ')' || c == '）') && depth > 0) {
        depth--;
      } else if (depth == 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * 第一季度、上半年GDP分别增长6.0%、5.9% / 7月、8月分别接待游客x、y: a list of times before 分别, one per member: each
   * member takes its time and the measure named around 分别.
   */
  private static boolean timeListRespectively(
      SentenceScope sc, List<QuantityItem> members, int from, int fbAbs, String pre) {
    if (members.size() < 2) {
      return false;
    }
    List<TimeResolver.TimeExpr> chain = new ArrayList<>();
    TimeResolver.TimeExpr last = null;
    for (TimeResolver.TimeExpr t : sc.times) {
      if (t.start() < from || t.end() > fbAbs || t.period() == null) {
        continue;
      }
      if (last != null
          && !equalsAny(sc.s.substring(last.end(), t.start()), Lexicon.PLACE_LIST_JOINS)) {
        chain.clear();
      }
      chain.add(t);
      last = t;
    }
    if (chain.size() != members.size()) {
      return false;
    }
    String label = LabelFinder.clean(pre);
    if (label.length() < 2) {
      label =
          LabelFinder.clean(
              stripMasked(
                  sc.s.substring(fbAbs + 2, members.get(0).q.start), fbAbs + 2, sc.timeMask));
    }
    for (int m = 0; m < members.size(); m++) {
      QuantityItem it = members.get(m);
      it.ownTime = chain.get(m).period();
      if (label.length() >= 2) {
        it.label = label;
      }
    }
    return true;
  }

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
      return List.of(
          one.substring(0, k) + "城镇" + one.substring(k + 2),
          one.substring(0, k) + "农村" + one.substring(k + 2));
    }
    return out;
  }

  /**
   * Two numbers that can be members of one list: the same unit, or two units of one concentration
   * (9μg/m³、1.1mg/m³ in a list of pollutants).
   */
  static boolean sameKind(Quantity a, Quantity b) {
    if (a.unit == null || b.unit == null) {
      return a.unit == null && b.unit == null;
    }
    if (a.rank || b.rank) {
      return false;
    }
    return a.unit.equals(b.unit) || (isConcentration(a.unit) && isConcentration(b.unit));
  }

  private static boolean isConcentration(String unit) {
    return equalsAny(unit, Lexicon.CONCENTRATION_UNITS);
  }
}
