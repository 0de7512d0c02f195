package com.regionalmetrics.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Towns, townships and subdistricts (佛堂镇, 虹口乡, 稠城街道, 民乐朝鲜族乡) as regions of their own: labellers who
 * never saw the extractor file a town's figures under the town, and GB/T 2260 stops at the county,
 * so a town is recognised by its ending, named as written, with the county written right before it
 * as parent (义乌市佛堂镇 is 佛堂镇 of 义乌市). Words that end the same way but name no town (城镇, 乡镇, 特色小镇, 城乡,
 * 乡村) are not towns.
 */
final class TownMentions {

  private static final String[] ENDINGS = {"街道", "苏木", "镇", "乡"};

  /** A character right before 镇 or 乡 that makes a common word of it (城镇, 乡镇, 小镇, 家乡, 城乡 …). */
  private static final String NOT_BEFORE_TOWN = "城乡村小重古名集强建";

  private static final String NOT_BEFORE_TOWNSHIP = "城下返家故老回同水之镇";

  /** A character right after 乡 or 镇 that makes it part of a word (乡村, 乡镇, 乡土, 镇域). */
  private static final String NOT_AFTER = "村镇土亲愁贤音域区";

  private static final String[] GENERIC = {"城市", "主要", "背街", "社区", "中心", "重点", "特色", "农村", "边境"};

  private static final int MAX_NAME = 5;

  /** Characters that end a town's name: function words, counters, scopes (家 and 集 are in names). */
  private static final String STOP = "的和与及在是为从由到至对将向把被了年月日号等各该我本全其个项元亿万市县省区以于入驻进落共有占达比较";

  private static boolean isNameChar(char c) {
    return c >= '\u4e00' && c <= '\u9fff' && STOP.indexOf(c) < 0;
  }

  private TownMentions() {}

  /** The mentions of s with towns added. */
  static List<RegionMention> apply(String s, List<RegionMention> found) {
    if (s.indexOf('镇') < 0 && s.indexOf('乡') < 0 && s.indexOf('街') < 0 && s.indexOf('苏') < 0) {
      return found;
    }
    List<RegionMention> out = null;
    for (int i = 0; i < s.length(); i++) {
      String ending = ZoneMentions.endingAt(s, i + 1, ENDINGS);
      if (ending == null) {
        continue;
      }
      int a = i + 1 - ending.length();
      List<RegionMention> ms = out == null ? found : out;
      if (overlapped(ms, a, i + 1)) {
        continue; // 景德镇, 萍乡: cities the gazetteer knows
      }
      RegionMention town = townAt(s, ms, a, i + 1, ending);
      if (town != null) {
        if (out == null) {
          out = new ArrayList<>(found);
        }
        out.removeIf(m -> m.start() < town.end() && m.end() > town.start());
        out.add(town);
      }
    }
    if (out == null) {
      return found;
    }
    out.sort(Comparator.comparingInt(RegionMention::start));
    return out;
  }

  private static boolean overlapped(List<RegionMention> ms, int a, int b) {
    for (RegionMention m : ms) {
      if (m.start() < b && m.end() > a) {
        return true;
      }
    }
    return false;
  }

  private static RegionMention townAt(
      String s, List<RegionMention> ms, int a, int b, String ending) {
    if (a == 0 || b < s.length() && NOT_AFTER.indexOf(s.charAt(b)) >= 0 && ending.length() == 1) {
      return null;
    }
    char last = s.charAt(a - 1);
    if (ending.equals("镇") && NOT_BEFORE_TOWN.indexOf(last) >= 0
        || ending.equals("乡") && NOT_BEFORE_TOWNSHIP.indexOf(last) >= 0) {
      return null;
    }
    boolean ethnic = ending.equals("乡") && a >= 2 && s.charAt(a - 1) == '族'; // 民乐朝鲜族乡
    int limit = ethnic ? MAX_NAME + 3 : MAX_NAME;
    int k = a;
    RegionMention before = ZoneMentions.endingAt(ms, k);
    while (before == null && k > 0 && a - k < limit && isNameChar(s.charAt(k - 1))) {
      k--;
      before = ZoneMentions.endingAt(ms, k);
    }
    if (before == null && k > 0 && isNameChar(s.charAt(k - 1))) {
      return null; // a run of words longer than a town's name
    }
    String own = s.substring(k, a);
    Region parent = null;
    if (before != null && ZoneMentions.writtenInFull(s, before)) {
      parent = before.region(); // 义乌市佛堂镇
    } else if (before != null) {
      own = s.substring(before.start(), a); // 龙凤山镇, 茅台镇: a place's short name starts the town's
      k = before.start();
    }
    if (own.length() < 2 || !ZoneMentions.isName(own)) {
      return null;
    }
    for (String g : GENERIC) {
      if (own.endsWith(g)) {
        return null;
      }
    }
    String name = own + ending;
    String code = "T:" + (parent == null ? "" : parent.code() + ":") + name;
    return new RegionMention(
        new Region(name, name, code, Region.Level.TOWN, parent == null ? null : parent.code()),
        k,
        b);
  }
}
