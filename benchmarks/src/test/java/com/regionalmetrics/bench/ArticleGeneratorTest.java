package com.regionalmetrics.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hankcs.hanlp.HanLP;
import com.regionalmetrics.bench.ArticleGenerator.GeneratedArticle;
import com.regionalmetrics.bench.ArticleGenerator.Planted;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.extract.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {

  private static final ArticleGenerator GEN = new ArticleGenerator(42);

  @Test
  void sameSeedSameArticlesInAnyOrder() {
    List<GeneratedArticle> first = GEN.generate(50);
    List<GeneratedArticle> again = new ArticleGenerator(42).generate(50);
    assertThat(again).isEqualTo(first);
    assertThat(GEN.next(37))
        .isEqualTo(first.get(37)); // article i does not depend on the ones before it
    List<String> otherSeed =
        new ArticleGenerator(43).generate(50).stream().map(GeneratedArticle::text).toList();
    assertThat(otherSeed)
        .doesNotContainAnyElementsOf(first.stream().map(GeneratedArticle::text).toList());
  }

  @Test
  void uniqueIdsAndDatesOverTwoYears() {
    List<GeneratedArticle> articles = GEN.generate(2000);
    Set<String> ids = new HashSet<>();
    articles.forEach(a -> ids.add(a.id()));
    assertThat(ids).hasSize(2000).contains("bench-42-0", "bench-42-1999");
    assertThat(articles)
        .allSatisfy(
            a ->
                assertThat(a.published())
                    .isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
    assertThat(articles.stream().map(a -> a.published().getYear()).distinct())
        .containsExactlyInAnyOrder(2024, 2025);
  }

  @Test
  void lengthScriptAndStatisticsPerArticle() {
    List<GeneratedArticle> articles = GEN.generate(1000);
    double meanLength = articles.stream().mapToInt(a -> a.text().length()).average().orElseThrow();
    long traditional =
        articles.stream()
            .filter(a -> !HanLP.convertToSimplifiedChinese(a.text()).equals(a.text()))
            .count();
    System.out.printf("mean length %.0f chars, %d/1000 traditional%n", meanLength, traditional);
    assertThat(meanLength).isBetween(1200.0, 1800.0);
    assertThat(traditional).isBetween(150L, 250L);
    assertThat(articles).allSatisfy(a -> assertThat(a.planted()).hasSizeBetween(6, 15));
  }

  @Test
  void meanLengthIsConfigurable() {
    double mean =
        new ArticleGenerator(42, 3000)
            .generate(300).stream().mapToInt(a -> a.text().length()).average().orElseThrow();
    assertThat(mean).isBetween(2700.0, 3300.0);
    assertThatThrownBy(() -> new ArticleGenerator(42, 100))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The point of the generator: the app's extractor reads back what was planted. */
  @Test
  void extractorFindsThePlantedStatistics() {
    Extractor extractor = Extractor.createDefault();
    int articles = 200;
    long observations = 0;
    int planted = 0;
    List<String> missed = new ArrayList<>();
    for (GeneratedArticle a : GEN.generate(articles)) {
      Instant published = a.published().atTime(10, 0).atZone(Period.ZONE).toInstant();
      List<Observation> obs = extractor.extract(a.text(), published, null);
      observations += obs.size();
      for (Planted p : a.planted()) {
        planted++;
        if (obs.stream().noneMatch(o -> matches(o, p))) {
          missed.add(
              a.id() + " " + p.region() + " " + p.value() + " " + p.unit() + ": " + p.sentence());
        }
      }
    }
    double perArticle = (double) observations / articles;
    double recall = 1 - (double) missed.size() / planted;
    System.out.printf(
        "%.1f observations per article; %d of %d planted statistics read back (%.1f %%)%n",
        perArticle, planted - missed.size(), planted, 100 * recall);
    // measured: ~20 observations per article (from-to pairs and changes beside the ~10 planted
    // levels), 97 % read back
    assertThat(perArticle).isGreaterThanOrEqualTo(18);
    assertThat(recall)
        .as("planted statistics read back; missed e.g. %s", missed.stream().limit(10).toList())
        .isGreaterThanOrEqualTo(0.95);
  }

  private static boolean matches(Observation o, Planted p) {
    return o.region().equals(p.region())
        && o.unit().equals(p.unit())
        && Math.abs(o.value() - p.value()) <= 1e-6 * Math.max(1, Math.abs(p.value()));
  }
}
