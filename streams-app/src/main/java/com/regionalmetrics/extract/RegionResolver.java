package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which region a number is about. A region named in the sentence counts only where it is
 * the subject: at the start of its clause (after time words and 在/截至/其中), or chained to such a
 * mention (河北崇礼, 张家口市涿鹿县). Places that are objects (与北京合作, 吸纳京津技术, 到北京), route ends (北京西六环至蔚县) and
 * exclusions (崇礼之外) never are.
 */
final class RegionResolver {

  private final Gazetteer gazetteer;

  RegionResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  Gazetteer gazetteer() {
    return gazetteer;
  }

  /** A mention that may be a sentence's subject. */
  record Subject(Region region, int start, int end, boolean pool) {}

  List<RegionMention> mentions(String sentence) {
    List<RegionMention> found =
        TownMentions.apply(
            sentence, ZoneMentions.apply(gazetteer, sentence, gazetteer.find(sentence)));
    return servedCity(sentence, withoutCompanyNames(sentence, found));
  }

  /**
   * 股份有限公司, 集团: the end of a company's name; a place at its start names the company, not where a
   * figure is.
   */
  private static final String[] COMPANY_ENDINGS = {"股份有限公司", "有限责任公司", "有限公司", "集团", "公司"};

  /**
   * 贵州茅台酒股份有限公司实现营业收入…, 浙江中国小商品城集团: a place name opening a company's name (the name runs without a
   * break up to 公司/集团) is part of the name, not a place reference.
   */
  /**
   * Words that make a place name right before them (up to two characters between) a company's:
   * 厦门钨业, 紫金矿业, 长沙银行, 厦门国贸控股; a news site's dateline (天山网讯) is the site's name too.
   */
  private static final String[] COMPANY_WORDS = {
    "钨业", "铜业", "钼业", "铝业", "锂业", "矿业", "煤业", "银行", "航空", "港务", "控股", "股份", "药业", "实业", "建工", "城投",
    "交投", "农商行", "网讯", "网报道", "网记者", "网消息"
  };

  /** COMPANY_WORDS by first character: tried at up to three positions after every mention. */
  private static final WordIndex COMPANY_INDEX = new WordIndex(COMPANY_WORDS);

  private static boolean companyWordAfter(String s, int end) {
    for (int k = end; k <= end + 2 && k + 2 <= s.length(); k++) {
      if (k > end && isClauseBreak(s.charAt(k - 1))) {
        return false;
      }
      if (COMPANY_INDEX.at(s, k) != null) {
        return true;
      }
    }
    return false;
  }

  static List<RegionMention> withoutCompanyNames(String s, List<RegionMention> found) {
    boolean companyEnding = s.indexOf("公司") >= 0 || s.indexOf("集团") >= 0;
    List<RegionMention> out = null;
    for (int i = 0; i < found.size(); i++) {
      RegionMention m = found.get(i);
      int limit = companyEnding ? Math.min(s.length(), m.end() + 14) : m.end();
      boolean company = companyWordAfter(s, m.end());
      for (int k = m.end(); k < limit && !isClauseBreak(s.charAt(k)) && s.charAt(k) != '、'; k++) {
        for (String e : COMPANY_ENDINGS) {
          if (s.startsWith(e, k) && k > m.end()) {
            company = true;
            break;
          }
        }
        if (company) {
          break;
        }
      }
      if (company) {
        if (out == null) {
          out = new ArrayList<>(found.subList(0, i));
        }
      } else if (out != null) {
        out.add(m);
      }
    }
    return out == null ? found : out;
  }

  private static final String[] CITY_FACILITIES = {
    "机场", "国际机场", "高铁站", "火车站", "南站", "北站", "东站", "西站", "站"
  };

  /**
   * 北戴河机场开通航线20条: an airport or railway station named after a district serves its city, so its
   * figures are filed under the prefecture (秦皇岛); one named after a county or a county-level city
   * (敦煌机场, 三江南站) is the county's. Ports (曹妃甸港区) stay with their district: a port area is a part of
   * the district itself.
   */
  private List<RegionMention> servedCity(String s, List<RegionMention> found) {
    List<RegionMention> out = null;
    for (int i = 0; i < found.size(); i++) {
      RegionMention m = found.get(i);
      if (m.region().level() != Region.Level.COUNTY
          || m.end() > s.length()
          || m.region().fullName() == null
          || !m.region().fullName().endsWith("区")) {
        continue; // 敦煌机场, 三江南站: a county's or county-level city's station is filed under it
      }
      for (String f : CITY_FACILITIES) {
        if (s.startsWith(f, m.end())
            && !s.startsWith("站在", m.end())
            && !s.startsWith("站上", m.end())
            && !s.startsWith("站位", m.end())) {
          Optional<Region> p = gazetteer.parent(m.region());
          if (p.isPresent() && p.get().level() == Region.Level.PREFECTURE) {
            if (out == null) {
              out = new ArrayList<>(found);
            }
            out.set(i, new RegionMention(p.get(), m.start(), m.end()));
          }
          break;
        }
      }
    }
    return out == null ? found : out;
  }

  /** The mentions of a sentence that are subjects; times are the sentence's time expressions. */
  List<Subject> subjects(String s, List<RegionMention> ms, List<TimeResolver.TimeExpr> times) {
    List<Subject> out = new ArrayList<>();
    boolean[] timeMask = new boolean[s.length() + 1];
    for (TimeResolver.TimeExpr t : times) {
      for (int k = t.start(); k < t.end() && k < s.length(); k++) {
        timeMask[k] = true;
      }
    }
    RegionMention prevEligible = null;
    RegionMention prev = null;
    for (RegionMention m : ms) {
      if (m.start() < 0 || m.end() > s.length() || m.start() >= m.end()) {
        continue;
      }
      boolean eligible;
      if (prev != null && chained(s, prev.end(), m.start())) {
        eligible = prevEligible == prev;
      } else {
        eligible = atClauseStart(s, m.start(), timeMask);
      }
      if (eligible && (routeEnd(s, m, ms) || excluded(s, m.end()))) {
        eligible = false;
      }
      // 天津蓟州、盘山、玉龙三大滑雪场: a district right after its own city, heading a list, is one of
      // the listed places; the number is about the city
      if (eligible
          && prev != null
          && prevEligible == prev
          && prev.end() == m.start()
          && m.end() < s.length()
          && s.charAt(m.end()) == '、'
          && within(m.region(), prev.region())) {
        eligible = false;
        prevEligible = null;
        prev = m;
        continue;
      }
      if (eligible) {
        // 在全国168个重点城市中排第12位: the place names the pool of a ranking, not the subject
        boolean pool =
            m.start() > 0
                    && s.charAt(m.start() - 1) == '在'
                    && m.end() < s.length()
                    && Character.isDigit(s.charAt(m.end()))
                || poolAt(
                    s,
                    m.start(),
                    m.end(),
                    timeMask,
                    m.region().level() == Region.Level.COUNTRY
                        || m.region().level() == Region.Level.GROUPING);
        out.add(new Subject(m.region(), m.start(), m.end(), pool));
        prevEligible = m;
      }
      prev = m;
    }
    return out;
  }

  private static final String[] RANK_WORDS = {
    "排名", "排第", "排在", "第", "前列", "首位", "之首", "同类", "位居", "居"
  };

  /**
   * Whether the place or scope word at [start, end) names the pool of a ranking or comparison, not
   * a subject: 在全省11个设区市中, 在2024年度全国县域新能源发展指数中, 京津冀13个城市中, 全省排名第1 / 全国第一 ({@code scopeLike}: only
   * for 全省/全国 and groupings, which are pools whenever a rank follows).
   */
  static boolean poolAt(String s, int start, int end, boolean[] timeMask, boolean scopeLike) {
    int n = s.length();
    int stop = end;
    while (stop < n && stop - end < 24 && !isClauseBreak(s.charAt(stop))) {
      stop++;
    }
    String after = s.substring(end, stop);
    if (after.isEmpty()) {
      return false;
    }
    if (scopeLike) {
      for (String w : RANK_WORDS) {
        if (after.startsWith(w)
            && !(w.equals("第") && after.length() > 1 && !isRankNumeral(after.charAt(1)))) {
          return true; // 全省排名第1, 全国第一
        }
      }
    }
    // 全省11个设区市中 / 京津冀13个城市中排名: a counted pool
    int d = 0;
    while (d < after.length() && Character.isDigit(after.charAt(d))) {
      d++;
    }
    boolean counted =
        d > 0
            && after.startsWith("个", d)
            && (after.endsWith("中")
                || after.contains("中排")
                || after.contains("中位")
                || after.contains("中居"));
    if (counted) {
      return true;
    }
    // 在…中: the scope of a comparison or an index
    int k = start - 1;
    while (k >= 0 && timeMask != null && k < timeMask.length && timeMask[k]) {
      k--;
    }
    boolean in = k >= 0 && s.charAt(k) == '在';
    if (in) {
      int zhong = after.indexOf('中');
      if (zhong >= 0
          && (zhong == after.length() - 1
              || after.startsWith("排", zhong + 1)
              || after.startsWith("位", zhong + 1)
              || after.startsWith("居", zhong + 1)
              || after.startsWith("名列", zhong + 1))) {
        return true;
      }
      if (Character.isDigit(after.charAt(0))) {
        return true;
      }
      for (String w : RANK_WORDS) {
        if (after.startsWith(w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isRankNumeral(char c) {
    return Character.isDigit(c) || "一二三四五六七八九十".indexOf(c) >= 0;
  }

  private static boolean chained(String s, int from, int to) {
    if (to < from) {
      return false;
    }
    String between = s.substring(from, to);
    return between.isEmpty() || between.equals("、") || between.equals("和") || between.equals("及");
  }

  private static final String[] LEAD_WORDS = {
    "截至", "截止", "其中", "同时", "此外", "另外", "目前", "据统计", "统计显示", "数据显示", "在", "全", "据", "而", "但", "今年",
    "去年", "以来", "起", "底", "末", "的", "年", "期间", "当年", "同期", "和", "与", "相比", "与此同时", "从"
  };

  private static boolean atClauseStart(String s, int pos, boolean[] timeMask) {
    int k = pos - 1;
    StringBuilder rest = new StringBuilder();
    while (k >= 0 && !isClauseBreak(s.charAt(k))) {
      if (!timeMask[k]) {
        rest.append(s.charAt(k));
      }
      k--;
    }
    String r = rest.reverse().toString().strip();
    boolean changed = true;
    while (changed && !r.isEmpty()) {
      changed = false;
      for (String w : LEAD_WORDS) {
        if (r.startsWith(w)) {
          r = r.substring(w.length()).strip();
          changed = true;
        }
      }
    }
    return r.isEmpty();
  }

  static boolean isClauseBreak(char c) {
    return ",;:。!?“”\"【】[] ".indexOf(c) >= 0;
  }

  /** 北京西六环至蔚县, 张北—雄安, 张家口到北京: both ends of a route are not subjects. */
  private static boolean routeEnd(String s, RegionMention m, List<RegionMention> ms) {
    for (RegionMention o : ms) {
      if (o == m) {
        continue;
      }
      int a = o.start() > m.start() ? m.end() : o.end();
      int b = o.start() > m.start() ? o.start() : m.start();
      if (b < a || b - a > 8) {
        continue;
      }
      String between = s.substring(a, b);
      boolean hasLink = false;
      boolean broken = false;
      for (int k = 0; k < between.length(); k++) {
        char c = between.charAt(k);
        if (c == '至' || c == '到' || c == '—' || c == '-' || c == '往' || c == '~') {
          hasLink = true;
        }
        if (isClauseBreak(c) || Character.isDigit(c)) {
          broken = true;
        }
      }
      if (hasLink && !broken) {
        return true;
      }
    }
    return false;
  }

  private static boolean excluded(String s, int end) {
    return s.startsWith("之外", end)
        || s.startsWith("以外", end)
        || s.startsWith("籍", end)
        || eventName(s, end);
  }

  /** 北京冬奥会, 北京冬奥组委, 张家口赛区的...: a place in the name of an event is not the subject. */
  private static boolean eventName(String s, int end) {
    if (end + 5 <= s.length() && isYear(s, end)) {
      end += 5; // 北京2022年冬奥会
    }
    return s.startsWith("冬奥", end)
        || s.startsWith("奥运", end)
        || s.startsWith("冬残奥", end)
        || s.startsWith("世园会", end)
        || s.startsWith("世博会", end)
        || s.startsWith("亚运会", end);
  }

  /** [0-9]{4}年 at i (a char test: this runs for every mention of every sentence). */
  private static boolean isYear(String s, int i) {
    for (int k = i; k < i + 4; k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return s.charAt(i + 4) == '年';
  }

  /** Whether {@code inner} lies inside {@code outer} (its parent or grandparent). */
  boolean within(Region inner, Region outer) {
    Region r = inner;
    for (int k = 0; k < 3 && r != null; k++) {
      r = gazetteer.parent(r).orElse(null);
      if (r != null && (r.equals(outer) || r.name().equals(outer.name()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The region an article is about: the hint, else the most-named division (groupings count half).
   */
  Optional<Region> mainRegion(String hint, List<String> sentences) {
    if (hint != null && !hint.isBlank()) {
      Optional<Region> r = lookup(hint.strip());
      if (r.isPresent()) {
        return r;
      }
    }
    Map<String, Double> score = new LinkedHashMap<>();
    Map<String, Region> byCode = new HashMap<>();
    for (String s : sentences) {
      for (RegionMention m : mentions(s)) {
        Region r = m.region();
        if (r == null) {
          continue;
        }
        String key = r.code() != null ? r.code() : r.name();
        double w =
            switch (r.level()) {
              case GROUPING -> 0.4;
              case COUNTRY -> 0.3;
              case PROVINCE -> 0.8;
              case TOWN -> 0.5; // a county's article names its towns, each a few times
              default -> 1.0;
            };
        score.merge(key, w, Double::sum);
        byCode.putIfAbsent(key, r);
      }
    }
    String best = null;
    double bestScore = 0;
    for (Map.Entry<String, Double> e : score.entrySet()) {
      if (e.getValue() > bestScore) {
        best = e.getKey();
        bestScore = e.getValue();
      }
    }
    return Optional.ofNullable(best == null ? null : byCode.get(best));
  }

  /**
   * The region that 全市 / 全省 / 全县 / 全区 in {@code lead} (the sentence up to a number) refers to,
   * given the article's main region: the main region or its enclosing division of that level; null
   * when lead has no such word or nothing fits.
   */
  Region scope(Region main, String lead) {
    return scope(main, lead, null);
  }

  /**
   * As {@link #scope(Region, String)}; {@code homeProvince}: what 全省 means when main is a grouping
   * or the country.
   */
  Region scope(Region main, String lead, Region homeProvince) {
    if (main == null && homeProvince == null) {
      return null;
    }
    int[] at = WholeScope.lastIn(lead);
    if (at == null) {
      return null;
    }
    char kind = (char) at[1];
    for (Region r = main; r != null; r = gazetteer.parent(r).orElse(null)) {
      if (WholeScope.fits(r, kind)) {
        return r;
      }
    }
    // an article about 京津冀 or 北京 (a municipality) that says 全省: the province its places lie in
    return kind == '省' ? homeProvince : null;
  }

  private static final String[] COMPARISON_WORDS = {
    "于", "比", "较", "超过", "超出", "高出", "领先", "占", "占了", "与", "同"
  };

  /**
   * 高于全市平均水平, 比全省快, 占全市的比重: the scope word at {@code i} is what the figure is compared with or a
   * share of, not whose figure it is.
   */
  static boolean comparedWith(String lead, int i) {
    for (String w : COMPARISON_WORDS) {
      if (i >= w.length() && lead.startsWith(w, i - w.length())) {
        return true;
      }
    }
    return false;
  }

  Optional<Region> lookup(String name) {
    return gazetteer.lookup(name);
  }
}
