package com.regionalmetrics.extract;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.Change;
import com.regionalmetrics.avro.ChangeKind;
import com.regionalmetrics.avro.Direction;
import com.regionalmetrics.avro.Qualifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the regional statistics an article states. Thread-safe; pure (no I/O after construction).
 *
 * <p>Pipeline: {@link TextNormalizer} → {@link SentenceSplitter} (boilerplate dropped) → per
 * sentence {@link QuantityScanner}, {@link TimeResolver}, {@link RegionResolver} → {@link
 * SentenceReader} (what each number measures, level or change, from→to, lists) → {@link
 * ObservationDeduplicator}.
 *
 * <p>Failures: a sentence that fails is skipped, the rest of the article is read; every such
 * failure goes to the {@link Listener} and each article with failures is logged once, with its id.
 * A failure of the whole article is rethrown as an {@link ExtractionException} (the topology sends
 * the article to the dead-letter topic as {@code extract-failed}). {@link #strict()} rethrows
 * sentence failures too: tests use it, so a failing rule fails a test.
 */
public final class Extractor {
  public static final String VERSION = "0.2.0";
  private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

  /** Told of what the extractor skips; implementations must be thread-safe and must not throw. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A sentence of the article failed with {@code failure} and was skipped; articleId may be null.
     */
    void onSentenceFailure(String articleId, Throwable failure);

    Listener NONE = (articleId, failure) -> {};
  }

  /** A whole article could not be read; the message names the article, the cause is the failure. */
  public static final class ExtractionException extends RuntimeException {
    ExtractionException(String articleId, Throwable cause) {
      super("extraction of article " + articleId + " failed: " + cause, cause);
    }
  }

  private final Gazetteer gazetteer;
  private final UnitTable units;
  private final IndicatorCatalog catalog;
  private final QuantityScanner scanner;
  private final RegionResolver regions;
  private final FlatTables tables;
  private final boolean strict;
  private final Listener listener;

  /**
   * Runs on each sentence's text before it is read; null in production (a seam for failure tests).
   */
  private final java.util.function.Consumer<String> sentenceProbe;

  private Extractor(Gazetteer gazetteer, UnitTable units, IndicatorCatalog catalog) {
    this.gazetteer = gazetteer;
    this.units = units;
    this.catalog = catalog;
    this.scanner = new QuantityScanner(units);
    this.regions = new RegionResolver(gazetteer);
    this.tables = new FlatTables(label -> regions.lookup(label).isPresent());
    this.strict = false;
    this.listener = Listener.NONE;
    this.sentenceProbe = null;
  }

  private Extractor(
      Extractor base,
      boolean strict,
      Listener listener,
      java.util.function.Consumer<String> sentenceProbe) {
    this.gazetteer = base.gazetteer;
    this.units = base.units;
    this.catalog = base.catalog;
    this.scanner = base.scanner;
    this.regions = base.regions;
    this.tables = base.tables;
    this.strict = strict;
    this.listener = listener;
    this.sentenceProbe = sentenceProbe;
  }

  private static final class Holder {
    static final Extractor DEFAULT =
        new Extractor(Gazetteer.load(), UnitTable.load(), IndicatorCatalog.load());
    static final Extractor STRICT = new Extractor(DEFAULT, true, Listener.NONE, null);
  }

  public static Extractor createDefault() {
    return Holder.DEFAULT;
  }

  /**
   * The default extractor after reading one sentence, so that the first article does not pay for
   * lazily loaded dictionaries (traditional-to-simplified) and cold code.
   */
  public static Extractor warmedUp() {
    Extractor e = createDefault();
    e.extract("2024年，張家口市地区生产总值1800亿元，比上年增长5.1%。", Instant.parse("2025-03-01T00:00:00Z"), null);
    return e;
  }

  /** The default extractor, but every failure, of a sentence too, is rethrown: for tests. */
  public static Extractor strict() {
    return Holder.STRICT;
  }

  /** This extractor, telling {@code listener} of every skipped sentence (e.g. to count them). */
  public Extractor withListener(Listener listener) {
    return new Extractor(this, strict, java.util.Objects.requireNonNull(listener), sentenceProbe);
  }

  /**
   * For tests: this extractor, running {@code probe} on each sentence's text before reading it (a
   * probe may throw).
   */
  Extractor withSentenceProbe(java.util.function.Consumer<String> probe) {
    return new Extractor(this, strict, listener, probe);
  }

  public boolean isStrict() {
    return strict;
  }

  public IndicatorCatalog catalog() {
    return catalog;
  }

  public UnitTable units() {
    return units;
  }

  public List<Observation> extract(Article article) {
    if (article == null) {
      return List.of();
    }
    String id = article.getId() == null ? null : article.getId().toString();
    try {
      return extract(
          id,
          article.getText() == null ? "" : article.getText().toString(),
          article.getPublishedAt() == null ? null : article.getPublishedAt(),
          article.getRegionHint() == null ? null : article.getRegionHint().toString());
    } catch (RuntimeException | StackOverflowError e) {
      throw new ExtractionException(
          id, e); // a RuntimeException even for a stack overflow: the topology dead-letters it
    }
  }

  /** Extraction from plain values (text, publication instant or null, region hint or null). */
  public List<Observation> extract(String text, Instant publishedAt, String regionHint) {
    return extract(null, text, publishedAt, regionHint);
  }

  private List<Observation> extract(
      String articleId, String text, Instant publishedAt, String regionHint) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    LocalDate pub = publishedAt == null ? null : publishedAt.atZone(Period.ZONE).toLocalDate();
    Set<String> tableRows = new HashSet<>();
    String norm =
        joinBrokenLines(
            TextNormalizer.tidyWhitespace(tables.rewrite(TextNormalizer.prepare(text), tableRows)));
    List<SentenceSplitter.Sentence> sentences = SentenceSplitter.split(norm);

    // Region mentions over the whole text, so a bare 崇礼 in one sentence is supported by 张家口 in
    // another.
    List<RegionMention> inBody = new ArrayList<>();
    List<List<RegionMention>> perSentence =
        mentionsPerSentence(regions.mentions(norm), sentences, inBody);
    // time expressions per sentence; with a publication date they do not depend on the article's
    // running year context, so they are found once and shared by both passes
    List<List<TimeResolver.TimeExpr>> times = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      times.add(null);
    }
    Region main =
        mainRegion(norm, regionHint, sentences, perSentence, inBody, pub, times, tableRows);

    ArticleContext state = new ArticleContext(pub, main);
    state.homeProvince = homeProvince(inBody);
    List<Observation> out = new ArrayList<>();
    SentenceReader reader = new SentenceReader(scanner, regions, catalog);
    java.util.BitSet fromHeadline = new java.util.BitSet();
    boolean bodyStarted = false;
    int failures = 0;
    Throwable firstFailure = null;
    for (int i = 0; i < sentences.size(); i++) {
      SentenceSplitter.Sentence s = sentences.get(i);
      int before = out.size();
      boolean headline = !bodyStarted && isHeadline(sentences, i);
      bodyStarted |= s.text().endsWith("。");
      try {
        if (sentenceProbe != null) {
          sentenceProbe.accept(s.text());
        }
        reader.read(s, perSentence.get(i), pub != null ? times.get(i) : null, state, out);
      } catch (RuntimeException | StackOverflowError e) {
        if (strict) {
          throw e;
        }
        failures++;
        firstFailure = firstFailure == null ? e : firstFailure;
        listener.onSentenceFailure(articleId, e);
        state.afterFailure(s.paragraph()); // skip the sentence, keep the article
      }
      if (headline) {
        fromHeadline.set(before, out.size());
      }
    }
    if (failures > 0) {
      LOG.warn(
          "article {}: {} of {} sentences failed and were skipped; the first: {}",
          articleId,
          failures,
          sentences.size(),
          firstFailure.toString(),
          firstFailure);
    }
    return withChangeWording(
        ObservationDeduplicator.dedupe(dropHeadlineRepeats(out, fromHeadline)),
        state.changeWording);
  }

  /**
   * 比上年增产5.6亿斤 after 粮食总产量142.3亿斤: the change is shown as 粮食总产量比上年增产, the measure it changes and
   * its own wording. Done after de-duplication, which compares the measures' labels.
   */
  private static List<Observation> withChangeWording(
      List<Observation> obs, Map<Observation, String> wording) {
    if (wording.isEmpty()) {
      return obs;
    }
    List<Observation> out = new ArrayList<>(obs.size());
    for (Observation o : obs) {
      String w = wording.get(o);
      out.add(
          w == null
              ? o
              : new Observation(
                  o.region(),
                  o.regionCode(),
                  o.indicator(),
                  o.indicatorLabel() + w,
                  o.value(),
                  o.unit(),
                  o.rawText(),
                  o.qualifier(),
                  o.period(),
                  o.change(),
                  o.evidence()));
    }
    return out;
  }

  /**
   * Each sentence's region mentions, offsets relative to the sentence; inBody collects those within
   * sentences.
   */
  private static List<List<RegionMention>> mentionsPerSentence(
      List<RegionMention> all,
      List<SentenceSplitter.Sentence> sentences,
      List<RegionMention> inBody) {
    int mi = 0;
    List<List<RegionMention>> perSentence = new ArrayList<>(sentences.size());
    for (SentenceSplitter.Sentence s : sentences) {
      List<RegionMention> ms = new ArrayList<>();
      while (mi < all.size() && all.get(mi).start() < s.start()) {
        mi++;
      }
      int k = mi;
      while (k < all.size() && all.get(k).end() <= s.end()) {
        RegionMention m = all.get(k);
        ms.add(new RegionMention(m.region(), m.start() - s.start(), m.end() - s.start()));
        inBody.add(m);
        k++;
      }
      perSentence.add(ms);
    }
    return perSentence;
  }

  /**
   * The region the article is about: the hint, else the most frequent sentence subject, else the
   * gazetteer's main region of the mentions, else 全国 for an article about the country; or null.
   * Fills {@code times} for the sentences it reads.
   */
  private Region mainRegion(
      String norm,
      String regionHint,
      List<SentenceSplitter.Sentence> sentences,
      List<List<RegionMention>> perSentence,
      List<RegionMention> inBody,
      LocalDate pub,
      List<List<TimeResolver.TimeExpr>> times,
      Set<String> tableRows) {
    Region main = null;
    if (regionHint != null && !regionHint.isBlank()) {
      main = regions.lookup(regionHint.strip()).orElse(null);
    }
    if (main == null) {
      main = mostFrequentSubject(sentences, perSentence, pub, times, tableRows);
    }
    if (main == null) {
      try {
        main = gazetteer.mainRegion(inBody).orElse(null);
      } catch (RuntimeException e) {
        main = null;
      }
    }
    if (main != null && (regionHint == null || regionHint.isBlank())) {
      List<String> texts = new ArrayList<>(sentences.size());
      sentences.forEach(s -> texts.add(s.text()));
      main = WholeScope.decide(main, texts, inBody, gazetteer);
    }
    if (main == null && (norm.contains("全国") || norm.contains("我国"))) {
      main = regions.lookup("全国").orElse(null);
    }
    return main;
  }

  /**
   * A line broken after a comma or an enumeration comma (copied from a PDF or a narrow column)
   * continues on the next line: the break is dropped, so both halves read as one sentence.
   */
  static String joinBrokenLines(String norm) {
    int nl = norm.indexOf('\n');
    if (nl < 0) {
      return norm;
    }
    StringBuilder b = null;
    int n = norm.length();
    int last = 0;
    for (int i = nl; i < n; i++) {
      if (norm.charAt(i) != '\n') {
        continue;
      }
      int k = i - 1;
      while (k >= 0 && (norm.charAt(k) == ' ' || norm.charAt(k) == '\t')) {
        k--;
      }
      if (k >= 0 && (norm.charAt(k) == ',' || norm.charAt(k) == '、')) {
        if (b == null) {
          b = new StringBuilder(n);
        }
        b.append(norm, last, i);
        last = i + 1;
      }
    }
    if (b == null) {
      return norm;
    }
    b.append(norm, last, n);
    return b.toString();
  }

  /**
   * For an article about a grouping (京津冀) or the country: the province most of its places lie in,
   * which 全省 then refers to (municipalities such as 北京 are 全市, never 全省). Null when none.
   */
  private Region homeProvince(List<RegionMention> inBody) {
    Map<String, Integer> count = new HashMap<>();
    Map<String, Region> byCode = new HashMap<>();
    for (RegionMention m : inBody) {
      Region r = m.region();
      for (int k = 0; k < 4 && r != null && r.level() != Region.Level.PROVINCE; k++) {
        r =
            r.level() == Region.Level.GROUPING || r.level() == Region.Level.COUNTRY
                ? null
                : gazetteer.parent(r).orElse(null);
      }
      if (r == null
          || r.level() != Region.Level.PROVINCE
          || r.fullName() == null
          || !r.fullName().endsWith("省")) {
        continue;
      }
      count.merge(r.code(), 1, Integer::sum);
      byCode.putIfAbsent(r.code(), r);
    }
    String best = null;
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      if (best == null || e.getValue() > count.get(best)) {
        best = e.getKey();
      }
    }
    return best == null ? null : byCode.get(best);
  }

  /** A title line: alone in its paragraph, short, without a sentence terminator. */
  private static boolean isHeadline(List<SentenceSplitter.Sentence> sentences, int i) {
    SentenceSplitter.Sentence s = sentences.get(i);
    boolean alone =
        (i == 0 || sentences.get(i - 1).paragraph() != s.paragraph())
            && (i + 1 >= sentences.size() || sentences.get(i + 1).paragraph() != s.paragraph());
    String t = s.text();
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    return alone && t.length() <= 40 && "。!?;…".indexOf(last) < 0;
  }

  /**
   * A headline figure repeated in the body (same value, unit and change) is the body's observation.
   */
  private static List<Observation> dropHeadlineRepeats(
      List<Observation> out, java.util.BitSet fromHeadline) {
    if (fromHeadline.isEmpty()) {
      return out;
    }
    List<Observation> kept = new ArrayList<>(out.size());
    for (int k = 0; k < out.size(); k++) {
      Observation h = out.get(k);
      boolean repeated = false;
      for (int j = 0; j < out.size() && fromHeadline.get(k); j++) {
        Observation b = out.get(j);
        if (!fromHeadline.get(j)
            && b.unit().equals(h.unit())
            && Math.abs(b.value() - h.value()) <= 1e-9 * Math.max(1, Math.abs(h.value()))
            && java.util.Objects.equals(b.change(), h.change())) {
          repeated = true;
          break;
        }
      }
      if (!repeated) {
        kept.add(h);
      }
    }
    return kept;
  }

  /**
   * The region most often named as a sentence subject (not as an object: 与北京合作, 到北京). Countries and
   * groupings are left to the fallback.
   */
  private Region mostFrequentSubject(
      List<SentenceSplitter.Sentence> sentences,
      List<List<RegionMention>> perSentence,
      LocalDate pub,
      List<List<TimeResolver.TimeExpr>> times,
      Set<String> tableRows) {
    Map<String, Double> score = new java.util.LinkedHashMap<>();
    Map<String, Region> byKey = new HashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      if (perSentence.get(i).isEmpty() || tableRows.contains(sentences.get(i).text())) {
        continue;
      }
      String s = sentences.get(i).text();
      List<TimeResolver.TimeExpr> ts = TimeResolver.find(s, pub, null);
      times.set(i, ts);
      Set<String> counted = new HashSet<>();
      for (RegionResolver.Subject sub : regions.subjects(s, perSentence.get(i), ts)) {
        if (sub.pool()) {
          continue;
        }
        Region r = sub.region();
        String key = r.code() != null ? r.code() : r.name();
        if (r.level() == Region.Level.COUNTRY || r.level() == Region.Level.GROUPING) {
          continue; // 京津冀协同发展 is a topic far more often than a subject
        }
        if (!counted.add(key)) {
          continue; // 海口美兰国际机场: one place named twice in a sentence is one vote
        }
        // the place a title names is what the article is about: it breaks ties between places named
        // once
        double vote = i <= 2 && isHeadline(sentences, i) ? 1.5 : 1.0;
        // a county's article names its towns as subjects too, each for a figure or two
        score.merge(key, r.level() == Region.Level.TOWN ? vote / 2 : vote, Double::sum);
        byKey.putIfAbsent(key, r);
      }
      for (RegionMention m : perSentence.get(i)) {
        // a dateline or meeting line at the top names the article's place; any other mention that
        // is no subject (记者从第八师石河子市农业农村局获悉) is a weak vote
        double w = i < ARTICLE_HEAD ? headPlace(s, m) : 0;
        Region r = m.region();
        if (r.level() == Region.Level.COUNTRY || r.level() == Region.Level.GROUPING) {
          continue;
        }
        String key = r.code() != null ? r.code() : r.name();
        if (counted.add(key)) {
          score.merge(key, w > 0 ? w : OTHER_MENTION, Double::sum);
          byKey.putIfAbsent(key, r);
        }
      }
    }
    String best = null;
    double bestScore = 0;
    for (Map.Entry<String, Double> e : score.entrySet()) {
      if (e.getValue() > bestScore + 1e-9) {
        best = e.getKey();
        bestScore = e.getValue();
      }
    }
    if (best == null || bestScore < 1.0) {
      return null;
    }
    // an article about a county or city names its province or prefecture too (新疆是全国最大的产棉区):
    // a place inside the best one, named nearly as often, is the more specific subject
    Region main = byKey.get(best);
    String inner = null;
    for (Map.Entry<String, Double> e : score.entrySet()) {
      Region r = byKey.get(e.getKey());
      if (e.getValue() >= NARROWER_SHARE * bestScore
          && e.getValue() >= 1.0
          && !r.equals(main)
          && gazetteer.within(r, main)
          && (inner == null || e.getValue() > score.get(inner))) {
        inner = e.getKey();
      }
    }
    return inner != null ? byKey.get(inner) : main;
  }

  /** The vote of a place named in a sentence but not as its subject. */
  private static final double OTHER_MENTION = 0.25;

  /** The share of the best place's votes that a place inside it needs to be the article's place. */
  private static final double NARROWER_SHARE = 0.75;

  /** Sentences at the top of an article where a dateline or a meeting line names its place. */
  private static final int ARTICLE_HEAD = 8;

  /**
   * The weight a place named at the top of an article gets as the article's place though it is no
   * sentence subject: a dateline (南海网三亚1月3日消息, 新华社北京1月3日电, 本报长汀讯) 1, the meeting a report is given
   * to (在长汀县第十八届人民代表大会第四次会议上) 2; else 0.
   */
  static double headPlace(String s, RegionMention m) {
    Region r = m.region();
    if (r.level() == Region.Level.COUNTRY || r.level() == Region.Level.GROUPING) {
      return 0;
    }
    int e = m.end();
    if (m.start() > 0 && s.charAt(m.start() - 1) == '在' && s.startsWith("第", e)) {
      int k = s.indexOf("人民代表大会", e);
      if (k > e && k - e <= 8) {
        return 2;
      }
    }
    int n = s.length();
    int k = e;
    while (k < n && s.charAt(k) == ' ') {
      k++;
    }
    if (s.startsWith("讯", k)
        && (k + 1 == n
            || RegionResolver.isClauseBreak(s.charAt(k + 1))
            || s.charAt(k + 1) == '(')) {
      return 1; // 本报长汀讯
    }
    int d = k;
    while (d < n
        && d - k < 6
        && (Character.isDigit(s.charAt(d)) || "月日".indexOf(s.charAt(d)) >= 0)) {
      d++;
    }
    if (d > k && s.charAt(d - 1) == '日' && d < n && "电讯消".indexOf(s.charAt(d)) >= 0) {
      return 1; // 新华社北京1月3日电, 南海网三亚1月3日消息
    }
    return 0;
  }

  // --- helpers shared with SentenceReader ---

  static Change change(ChangeKind kind, boolean up) {
    return Change.newBuilder()
        .setKind(kind)
        .setDirection(up ? Direction.UP : Direction.DOWN)
        .build();
  }

  static Qualifier qualifier(Quantity q) {
    return q.qualifier == null ? Qualifier.EXACT : q.qualifier;
  }
}
