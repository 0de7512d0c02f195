package com.regionalmetrics.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chinese administrative divisions with GB/T 2260 codes, and the regional groupings.
 *
 * <p>Data: classpath resource {@code regions/gazetteer.tsv} (columns code, name, fullName, level,
 * parentCode, aliases; see its header for source and licence) and {@code regions/not-regions.txt}
 * (phrases that contain a region name but name no region, e.g. 大同小异).
 *
 * <p>Matching rules of {@link #find(String)}:
 *
 * <ol>
 *   <li>Every name, full name and alias is a key of one trie. The text is scanned left to right; at
 *       each position the longest key starting there wins (张家口市 beats 张家口), and scanning resumes
 *       after it, so mentions never overlap. Cost is linear in the text length (each step walks at
 *       most the longest key's length).
 *   <li>A key from {@code not-regions.txt} that wins at a position is consumed and reported as
 *       nothing, so the name inside it is not matched (大同小异, 阿里云, 日照时数).
 *   <li>A key shared by several regions is resolved by kind first: a canonical name beats a full
 *       name, which beats an alias (吉林 is the province; the city is 吉林市). Among regions with the
 *       same key and kind (朝阳区 in 北京 and 长春), the one whose parent or grandparent is named
 *       unambiguously elsewhere in the text wins; otherwise the smallest code.
 *   <li>County bare stems (崇礼, 涿鹿) are keys only when safe: see the resource header.
 * </ol>
 */
public final class Gazetteer {

  private static final String RESOURCE = "/regions/gazetteer.tsv";
  private static final String NOT_REGIONS = "/regions/not-regions.txt";
  private static final String LANDMARKS = "/regions/landmarks.tsv";
  private static volatile Gazetteer instance;

  /** Kind of key: lower ranks win when a key names several regions. */
  private static final int NAME = 0;

  private static final int FULL_NAME = 1;
  private static final int ALIAS = 2;

  private final Map<String, Region> byCode = new LinkedHashMap<>();
  private final Map<String, List<String>> aliasesByCode = new HashMap<>();

  /**
   * Names of landmarks (airports, scenic areas, ports, zones): places, and also what is measured.
   */
  private final Set<String> landmarkKeys = new java.util.HashSet<>();

  /** key -> candidates, best first; an empty list marks a not-region phrase. */
  private final Map<String, List<Region>> candidatesByKey = new HashMap<>();

  private final RegionTrie trie = new RegionTrie();
  private final List<List<Region>> keyCandidates = new ArrayList<>();

  /** Keys that are bare county stems (崇礼, 界首): matched only with support, see {@link #find}. */
  private final java.util.BitSet weakKey = new java.util.BitSet();

  private Gazetteer() {}

  /** The gazetteer of the bundled resource; loaded once, then shared (immutable, thread-safe). */
  public static Gazetteer load() {
    Gazetteer g = instance;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = instance;
        if (g == null) {
          g = new Gazetteer();
          g.read();
          instance = g;
        }
      }
    }
    return g;
  }

  /**
   * Looks a region up by short name, full name, alias or code (6-digit, or 2/4-digit prefix, or
   * pseudo-code).
   */
  public Optional<Region> lookup(String nameOrCode) {
    if (nameOrCode == null) {
      return Optional.empty();
    }
    String s = nameOrCode.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Region r = byCode.get(s);
    if (r == null
        && (s.length() == 2 || s.length() == 4)
        && s.chars().allMatch(Character::isDigit)) {
      r = byCode.get((s + "0000").substring(0, 6));
    }
    if (r != null) {
      return Optional.of(r);
    }
    List<Region> c = candidatesByKey.get(s);
    return c == null || c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
  }

  /** Every region sharing a key, best first (e.g. the 朝阳区 of 北京 and of 长春). */
  public List<Region> lookupAll(String name) {
    List<Region> c = name == null ? null : candidatesByKey.get(name.strip());
    return c == null ? List.of() : c;
  }

  /**
   * True when name is a scenic area's (白石山景区): it names the region its figures are filed under and
   * stays part of what a figure measures (白石山景区接待游客 is not the county's 接待游客).
   */
  public boolean isLandmark(String name) {
    return landmarkKeys.contains(name);
  }

  /** Regions named in the text, left to right, longest match first, non-overlapping. */
  public List<RegionMention> find(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<int[]> raw = new ArrayList<>(); // start, end, key index
    int n = text.length();
    int i = 0;
    while (i < n) {
      long m = trie.longestAt(text, i);
      if (m < 0) {
        i++;
        continue;
      }
      int end = (int) (m >>> 32);
      int key = (int) m;
      char last = text.charAt(end - 1);
      if (end < n && text.charAt(end) == '域' && (last == '区' || last == '县')) {
        i++; // 区域/县域 (region, county-level): 西城区域, 高县域 name no region here
        continue;
      }
      if ("县区市省旗州盟".indexOf(last) < 0 && riverWordAt(text, end)) {
        i = end; // 黑河流域, 赤水河干流: the river of that name, not the city
        continue;
      }
      if (!keyCandidates.get(key).isEmpty()) {
        raw.add(new int[] {i, end, key});
      }
      i = end;
    }
    if (raw.isEmpty()) {
      return List.of();
    }
    // Strong mentions: unambiguous ones name their region for sure.
    Set<String> named = new HashSet<>();
    for (int[] r : raw) {
      List<Region> c = keyCandidates.get(r[2]);
      if (c.size() == 1 && !weakKey.get(r[2])) {
        named.add(c.get(0).code());
      }
    }
    Region[] resolved = new Region[raw.size()];
    Set<String> strong = new HashSet<>(named);
    for (int k = 0; k < raw.size(); k++) {
      int[] r = raw.get(k);
      if (!weakKey.get(r[2])) {
        resolved[k] = resolve(keyCandidates.get(r[2]), named);
        strong.add(resolved[k].code());
      }
    }
    // Weak mentions (bare county stems such as 崇礼 or 界首) need support: the county itself or an
    // enclosing region named by a strong mention, or a sibling county named by another bare stem.
    Map<String, Set<String>> weakByParent = new HashMap<>();
    for (int k = 0; k < raw.size(); k++) {
      int[] r = raw.get(k);
      if (weakKey.get(r[2])) {
        resolved[k] = resolve(keyCandidates.get(r[2]), strong);
        String p = resolved[k].parentCode();
        weakByParent
            .computeIfAbsent(p == null ? "" : p, x -> new HashSet<>())
            .add(resolved[k].code());
      }
    }
    List<RegionMention> out = new ArrayList<>(raw.size());
    for (int k = 0; k < raw.size(); k++) {
      int[] r = raw.get(k);
      Region region = resolved[k];
      if (weakKey.get(r[2]) && !supported(region, strong, weakByParent)) {
        continue;
      }
      out.add(new RegionMention(region, r[0], r[1]));
    }
    return out;
  }

  private static final String[] RIVER_WORDS = {
    "流域", "干流", "支流", "上游", "中游", "下游", "水系", "河段", "河谷"
  };

  /** Whether a word that makes the name before it a river's (流域, 干流 …) starts at {@code end}. */
  private static boolean riverWordAt(String text, int end) {
    if (end + 2 > text.length()) {
      return false;
    }
    char c = text.charAt(end);
    if ("流干支上中下水河".indexOf(c) < 0) {
      return false;
    }
    for (String w : RIVER_WORDS) {
      if (text.startsWith(w, end)) {
        return true;
      }
    }
    return false;
  }

  private boolean supported(
      Region region, Set<String> strong, Map<String, Set<String>> weakByParent) {
    for (Region r = region; r != null; r = up(r)) {
      if (r.level() != Region.Level.COUNTRY && strong.contains(r.code())) {
        return true;
      }
    }
    String p = region.parentCode();
    return p != null && weakByParent.getOrDefault(p, Set.of()).size() >= 2;
  }

  /**
   * The article's main region: the most often named province, prefecture or county; ties go to the
   * most specific level, then to the earliest first mention. Without any of those, the most often
   * named country or grouping (全国, 京津冀).
   */
  public Optional<Region> mainRegion(String text) {
    return mainRegion(find(text));
  }

  /** {@link #mainRegion(String)} over mentions already found. */
  public Optional<Region> mainRegion(List<RegionMention> mentions) {
    Map<Region, int[]> stats = new LinkedHashMap<>(); // count, first position
    for (RegionMention m : mentions) {
      stats.computeIfAbsent(m.region(), k -> new int[] {0, m.start()})[0]++;
    }
    Comparator<Map.Entry<Region, int[]>> order =
        Comparator.<Map.Entry<Region, int[]>>comparingInt(e -> -e.getValue()[0])
            .thenComparingInt(e -> -specificity(e.getKey().level()))
            .thenComparingInt(e -> e.getValue()[1]);
    Optional<Region> admin =
        stats.entrySet().stream()
            .filter(e -> specificity(e.getKey().level()) > 0)
            .min(order)
            .map(Map.Entry::getKey);
    if (admin.isPresent()) {
      return admin;
    }
    return stats.entrySet().stream().min(order).map(Map.Entry::getKey);
  }

  public Optional<Region> parent(Region region) {
    if (region == null || region.parentCode() == null || region.parentCode().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byCode.get(region.parentCode()));
  }

  /** True when {@code ancestor} encloses {@code region} (parent, grandparent, ...), or is it. */
  public boolean within(Region region, Region ancestor) {
    for (Region r = region; r != null; r = up(r)) {
      if (r.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parent in a walk up the tree, null at the top. The resource lists a few cities without
   * counties (东莞, 中山, 儋州) a second time as a county with their own code as parent: that is the top
   * of their walk, or it would never end.
   */
  private Region up(Region r) {
    Region p = parent(r).orElse(null);
    return p == null || p.code().equals(r.code()) ? null : p;
  }

  /** Aliases of a region besides its name and full name (崇礼 for 崇礼区, 我国 for 全国). */
  public List<String> aliases(Region region) {
    return aliasesByCode.getOrDefault(region.code(), List.of());
  }

  /** All regions, in resource order (country, provinces, prefectures, counties, groupings). */
  public List<Region> regions() {
    return Collections.unmodifiableList(new ArrayList<>(byCode.values()));
  }

  /**
   * The candidate whose parent, else grandparent, is named; the country names no one's (舟山市普陀区 in
   * an article that also says 全国 is 舟山's, not 上海's).
   */
  private Region resolve(List<Region> candidates, Set<String> named) {
    if (candidates.size() > 1) {
      for (int depth = 1; depth <= 2; depth++) {
        for (Region c : candidates) {
          Region p = c;
          for (int k = 0; k < depth && p != null; k++) {
            p = parent(p).orElse(null);
          }
          if (p != null && p.level() != Region.Level.COUNTRY && named.contains(p.code())) {
            return c;
          }
        }
      }
    }
    return candidates.get(0);
  }

  private static int specificity(Region.Level level) {
    return switch (level) {
      case COUNTY, ZONE -> 3;
      case PREFECTURE -> 2;
      case PROVINCE -> 1;
      default -> 0;
    };
  }

  private static final String[] ETHNIC_GROUPS = {
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣",
    "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗",
    "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京",
    "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各"
  };

  /** 围场满族蒙古族自治县 → 围场县: the common short form of an autonomous county, or null. */
  static String autonomousShortForm(String name) {
    if (!name.endsWith("自治县")) {
      return null;
    }
    int cut = -1;
    for (String e : ETHNIC_GROUPS) {
      int i = name.indexOf(e + "族");
      if (i >= 2 && (cut < 0 || i < cut)) {
        cut = i;
      }
    }
    return cut < 2 ? null : name.substring(0, cut) + "县";
  }

  private void read() {
    Map<String, Map<Region, Integer>> keys = new LinkedHashMap<>();
    try (BufferedReader in = open(RESOURCE)) {
      boolean header = true;
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (header) { // column names
          header = false;
          continue;
        }
        String[] f = line.split("\t", -1);
        String parent = f[4].isEmpty() ? null : f[4];
        Region r = new Region(f[1], f[2], f[0], Region.Level.valueOf(f[3]), parent);
        byCode.put(r.code(), r);
        List<String> aliases =
            f.length > 5 && !f[5].isEmpty() ? List.of(f[5].split("\\|")) : List.of();
        aliasesByCode.put(r.code(), aliases);
        addKey(keys, r.name(), r, NAME);
        addKey(keys, r.fullName(), r, FULL_NAME);
        for (String a : aliases) {
          addKey(keys, a, r, ALIAS);
        }
        String shortForm = autonomousShortForm(r.name());
        if (shortForm != null) {
          addKey(keys, shortForm, r, ALIAS); // 宽城满族自治县 is written 宽城县
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    readLandmarks(keys);
    Set<String> notRegions = new java.util.LinkedHashSet<>();
    try (BufferedReader in = open(NOT_REGIONS)) {
      for (String line; (line = in.readLine()) != null; ) {
        String p = line.strip();
        if (!p.isEmpty() && !p.startsWith("#")) {
          notRegions.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + NOT_REGIONS, e);
    }
    for (Map.Entry<String, Map<Region, Integer>> e : keys.entrySet()) {
      int best = Collections.min(e.getValue().values());
      List<Region> c = new ArrayList<>();
      e.getValue()
          .forEach(
              (r, kind) -> {
                if (kind == best) {
                  c.add(r);
                }
              });
      c.sort(Comparator.comparing(Region::code));
      List<Region> frozen = List.copyOf(c);
      candidatesByKey.put(e.getKey(), frozen);
      if (notRegions.contains(e.getKey())) {
        continue; // a generic word such as 城区 or 新县: looked up, never matched in text
      }
      if (frozen.stream().allMatch(r -> isBareCountyStem(e.getKey(), r))) {
        weakKey.set(keyCandidates.size());
      }
      trie.add(e.getKey(), keyCandidates.size());
      keyCandidates.add(frozen);
    }
    for (String p : notRegions) {
      if (!candidatesByKey.containsKey(p)) {
        trie.add(p, keyCandidates.size());
        keyCandidates.add(List.of());
      }
    }
  }

  /**
   * A county key that is easily part of other words: a bare stem (崇礼 for 崇礼区, 界首 for 界首市) or any
   * two-character name (高县 in 提高县域, 息县 in 信息县).
   */
  private static boolean isBareCountyStem(String key, Region r) {
    if (r.level() != Region.Level.COUNTY) {
      return false;
    }
    if (key.length() <= 2) {
      return true;
    }
    if (key.equals(r.fullName()) || key.length() >= 6) {
      return false; // a long alias (北京城市副中心) is a name of its own, not a bare stem
    }
    if (!r.name().startsWith(key) && !r.fullName().startsWith(key)) {
      return false; // another name, not a stem: 第八师 for 石河子, 木兰围场 for 围场县
    }
    char last = key.charAt(key.length() - 1);
    return last != '县' && last != '区' && last != '市' && last != '旗';
  }

  /**
   * Airports, ports and scenic areas name the region their figures are filed under (拉萨贡嘎国际机场 → 拉萨,
   * 黄龙景区 → 松潘县): aliases of that region, so that the whole name wins over the places inside it
   * (贡嘎). A zone is a region of its own, with the division it lies in as parent.
   */
  private void readLandmarks(Map<String, Map<Region, Integer>> keys) {
    try (BufferedReader in = open(LANDMARKS)) {
      boolean header = true;
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t", -1);
        Region r = byCode.get(f[3]);
        if (r == null) {
          throw new IllegalStateException(
              LANDMARKS + ": unknown region code " + f[3] + " of " + f[0]);
        }
        if ("zone".equals(f[2]) && r.level() != Region.Level.ZONE) {
          // a zone run together with a district (广州开发区, 黄埔区) is still a region of its own
          r =
              new Region(
                  ZoneMentions.commonName(f[0]), f[0], "Z:" + f[0], Region.Level.ZONE, r.code());
          byCode.put(r.code(), r);
          addKey(keys, r.name(), r, ALIAS);
          aliasesByCode.put(r.code(), f[1].isEmpty() ? List.of() : List.of(f[1].split("\\|")));
        }
        boolean measured = "scenic".equals(f[2]); // a port's figures are its city's
        addKey(keys, f[0], r, ALIAS);
        for (String a : f[1].isEmpty() ? new String[0] : f[1].split("\\|")) {
          addKey(keys, a, r, ALIAS);
          if (measured) {
            landmarkKeys.add(a);
          }
        }
        if (measured) {
          landmarkKeys.add(f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LANDMARKS, e);
    }
  }

  private static void addKey(
      Map<String, Map<Region, Integer>> keys, String key, Region r, int kind) {
    if (key == null || key.isEmpty()) {
      return;
    }
    keys.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(r, kind, Math::min);
  }

  private static BufferedReader open(String resource) {
    InputStream in = Gazetteer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + resource);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
