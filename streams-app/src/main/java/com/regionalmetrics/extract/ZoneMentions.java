package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Development zones, new areas and science cities as regions of their own (长治高新区, 古雷港经济开发区,
 * 克拉玛依云计算产业园区): every labeller who never saw the extractor files a zone's figures under the zone,
 * not under the city around it. A zone the gazetteer knows is filed under its common name,
 * whichever name the text uses (河北邢台经济开发区 and 邢台经济开发区 are one region); any other is recognised by
 * its ending, named as written (长治市高新区 as 长治高新区) with the pseudo-code {@code Z:<name>} and the
 * place before it as parent. A bare 开发区 or 园区 opening a clause refers back to the zone named last.
 */
final class ZoneMentions {

  /** Endings of zone names; at one end character, longer endings come first. */
  private static final String[] ENDINGS = {
    "经济技术开发区",
    "高新技术产业开发区",
    "新技术产业开发区",
    "高新技术开发区",
    "经济开发区",
    "高新区",
    "经开区",
    "开发区",
    "产业园区",
    "工业园区",
    "科技园区",
    "新片区",
    "综合实验区",
    "示范区",
    "临空经济区",
    "临港经济区",
    "综合保税区",
    "保税港区",
    "综保区",
    "新区",
    "科学城",
    "科技城"
  };

  /** Bare words that refer back to the zone named last when they open a clause. */
  private static final String[] BACK_REFERENCES = {"开发区", "高新区", "经开区", "示范区", "园区", "新区"};

  /**
   * Characters that end the name before a zone's ending: function words, verbs, counters, scopes.
   */
  private static final String STOP = "的和与及在是为从由到至对将向把被了年月日号等各该我本全其个家项元亿万市县省区镇乡以于入驻进落共有占达比较";

  /** Names before an ending that make it a kind of zone, not one zone (国家级开发区, 城市新区). */
  private static final String[] GENERIC = {
    "城市", "现代", "农业", "现代农业", "绿色", "生态", "特色", "重点", "主要", "化工", "物流", "科技", "数字", "文化", "创新",
    "智慧", "国家", "产业", "工业", "经济", "高新", "综合", "特殊", "保税", "跨境", "电商", "一批", "新型", "老", "新", "试点"
  };

  /** Verbs that start a phrase, not a name (建设新区, 打造开发区). */
  private static final String VERB_STARTS = "建设打造推进加快发展支持规划开发创建设立成申报";

  private static final int MAX_NAME = 6;

  private ZoneMentions() {}

  private static final java.util.regex.Pattern PROVINCE_PREFIX =
      java.util.regex.Pattern.compile(
          "^(河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)"
              + "(?=(?!高新|经济|新技术|国家)..+(开发区|新区|园区))"); // not 吉林 of 吉林高新区

  private static final String[] HIGH_TECH_LONG_FORMS = {
    "高新技术产业开发区", "新技术产业开发区", "高新技术开发区", "新技术开发区"
  };

  /**
   * The name a zone is filed under, as labellers and the press write it: no province before its
   * city, no 市 after it, 高新区 for the high-tech zones (河北邢台经济开发区 → 邢台经济开发区, 蚌埠市高新技术开发区 → 蚌埠高新区). In
   * step with zone_common_name of tools/gazetteer/build_gazetteer.py.
   */
  static String commonName(String official) {
    String name =
        PROVINCE_PREFIX
            .matcher(official)
            .replaceFirst("")
            .replace("市经济", "经济")
            .replace("市高新", "高新");
    for (String longForm : HIGH_TECH_LONG_FORMS) {
      name = name.replace(longForm, "高新区");
    }
    return name;
  }

  /** The mentions of s with zones added, zones the gazetteer found named as written. */
  static List<RegionMention> apply(Gazetteer gazetteer, String s, List<RegionMention> found) {
    if (s.indexOf('区') < 0 && s.indexOf('城') < 0) {
      return found;
    }
    List<RegionMention> out = new ArrayList<>(found);
    List<int[]> backReferences = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '区' && c != '城') {
        continue;
      }
      String ending = endingAt(s, i + 1);
      if (ending != null) {
        int a = i + 1 - ending.length();
        if (covered(out, a, i + 1)) {
          continue; // the gazetteer knows this name (浦东新区, 苏州工业园区)
        }
        RegionMention zone = zoneAt(gazetteer, s, out, a, i + 1);
        if (zone != null) {
          out.removeIf(m -> m.start() < zone.end() && m.end() > zone.start());
          out.add(zone);
          continue;
        }
      }
      int a = backReferenceAt(s, i + 1);
      if (a >= 0) {
        backReferences.add(new int[] {a, i + 1});
      }
    }
    out.sort(Comparator.comparingInt(RegionMention::start));
    return withBackReferences(s, out, backReferences);
  }

  private static String endingAt(String s, int end) {
    return endingAt(s, end, ENDINGS);
  }

  /** The first of the endings that ends at end in s, or null. */
  static String endingAt(String s, int end, String[] endings) {
    for (String e : endings) {
      if (end >= e.length() && s.startsWith(e, end - e.length())) {
        return e;
      }
    }
    return null;
  }

  private static boolean covered(List<RegionMention> ms, int a, int b) {
    for (RegionMention m : ms) {
      if (m.start() <= a && m.end() >= b) {
        return true;
      }
    }
    return false;
  }

  /** The zone whose name ends at [a, b), or null when what precedes the ending is no name. */
  private static RegionMention zoneAt(
      Gazetteer gazetteer, String s, List<RegionMention> ms, int a, int b) {
    int k = a;
    RegionMention before = endingAt(ms, k);
    while (before == null && k > 0 && a - k < MAX_NAME && isNameChar(s.charAt(k - 1))) {
      k--;
      before = endingAt(ms, k);
    }
    String own = s.substring(k, a);
    if (before == null) {
      if (k > 0 && a - k >= MAX_NAME && isNameChar(s.charAt(k - 1))) {
        return null; // a long run of words, not a name
      }
      return isName(own) ? zone(gazetteer, own + s.substring(a, b), null, k, b) : null;
    }
    if (!own.isEmpty() && writtenInFull(s, before)) {
      // 儋州市洋浦经济开发区: the zone's own name follows its city's
      return isName(own) ? zone(gazetteer, own + s.substring(a, b), before.region(), k, b) : null;
    }
    // 长治高新区, 长治市高新区, 克拉玛依云计算产业园区: the city's name is part of the zone's
    String place =
        own.isEmpty() && writtenInFull(s, before)
            ? shortName(before.region())
            : s.substring(before.start(), before.end());
    return zone(gazetteer, place + s.substring(k, b), before.region(), before.start(), b);
  }

  /** 长治 for 长治市, 昆山 for 昆山市: the name a zone after the place starts with. */
  private static String shortName(Region r) {
    String name = r.name();
    return name.length() > 2 && name.endsWith("市") ? name.substring(0, name.length() - 1) : name;
  }

  /**
   * A zone the gazetteer knows under one of its names, else a zone of its own with a pseudo-code.
   */
  private static RegionMention zone(
      Gazetteer gazetteer, String name, Region parent, int start, int end) {
    Region known = gazetteer.lookup(name).orElse(null);
    String common = commonName(name);
    Region zone =
        known != null && known.level() == Region.Level.ZONE
            ? known
            : new Region(
                common,
                name,
                "Z:" + common,
                Region.Level.ZONE,
                parent == null ? null : parent.code());
    return new RegionMention(zone, start, end);
  }

  /** The mention that ends at end, or null. */
  static RegionMention endingAt(List<RegionMention> ms, int end) {
    for (RegionMention m : ms) {
      if (m.end() == end) {
        return m;
      }
    }
    return null;
  }

  /** A character that can be part of a place's own name (no function word, counter or scope). */
  static boolean isNameChar(char c) {
    return c >= '\u4e00' && c <= '\u9fff' && STOP.indexOf(c) < 0;
  }

  /** Whether the words before an ending name one place, not a kind of place. */
  static boolean isName(String own) {
    if (own.length() < 2 || own.contains("级") || VERB_STARTS.indexOf(own.charAt(0)) >= 0) {
      return false;
    }
    for (String g : GENERIC) {
      if (own.equals(g) || own.endsWith(g) && own.length() - g.length() < 2) {
        return false;
      }
    }
    return true;
  }

  /** 儋州市, 海淀区: a division written in full, its 市 or 区 ending its name (温州 in 温州湾 is not). */
  static boolean writtenInFull(String s, RegionMention m) {
    String written = s.substring(m.start(), m.end());
    return written.equals(m.region().fullName())
        && "市县区省旗州盟".indexOf(written.charAt(written.length() - 1)) >= 0;
  }

  /** Where a bare back-reference word (开发区, 园区) ending at end opens a clause, or -1. */
  private static int backReferenceAt(String s, int end) {
    for (String w : BACK_REFERENCES) {
      int a = end - w.length();
      if (a >= 0 && s.startsWith(w, a)) {
        return a == 0 || RegionResolver.isClauseBreak(s.charAt(a - 1)) ? a : -1;
      }
    }
    return -1;
  }

  /** Back-references take the zone named last before them. */
  private static List<RegionMention> withBackReferences(
      String s, List<RegionMention> ms, List<int[]> backReferences) {
    if (backReferences.isEmpty()) {
      return ms;
    }
    List<RegionMention> out = new ArrayList<>(ms.size() + backReferences.size());
    Region last = null;
    int r = 0;
    for (RegionMention m : ms) {
      while (r < backReferences.size() && backReferences.get(r)[0] < m.start()) {
        addBackReference(s, out, last, backReferences.get(r++));
      }
      if (m.region().level() == Region.Level.ZONE) {
        last = m.region();
      }
      out.add(m);
    }
    while (r < backReferences.size()) {
      addBackReference(s, out, last, backReferences.get(r++));
    }
    return out;
  }

  private static void addBackReference(String s, List<RegionMention> out, Region last, int[] at) {
    String word = s.substring(at[0], at[1]);
    if (last != null
        && (last.name().endsWith(word) || word.equals("高新区") && last.name().contains("高新"))) {
      out.add(new RegionMention(last, at[0], at[1]));
    }
  }
}
