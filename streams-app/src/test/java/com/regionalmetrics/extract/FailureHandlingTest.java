package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.regionalmetrics.avro.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failing sentence is skipped and reported with its article's id; a strict extractor rethrows it.
 */
class FailureHandlingTest {

  private static final String TEXT = "承德市接待游客53.2万人次。BOOM这句出错。张家口已建成30个数据中心项目。";

  private static Article article(String id) {
    return Article.newBuilder()
        .setId(id)
        .setText(TEXT)
        .setPublishedAt(Instant.parse("2025-02-26T02:00:00Z"))
        .build();
  }

  private static void boom(String sentence) {
    if (sentence.contains("BOOM")) {
      throw new IllegalStateException("rule failed on: " + sentence);
    }
  }

  @Test
  void aFailingSentenceIsSkippedCountedAndTheRestRead() {
    List<String> failures = new ArrayList<>();
    Extractor lenient =
        Extractor.createDefault()
            .withSentenceProbe(FailureHandlingTest::boom)
            .withListener((id, e) -> failures.add(id + ": " + e.getMessage()));
    List<Observation> obs = lenient.extract(article("a1"));
    assertThat(obs).extracting(Observation::rawText).contains("53.2万人次", "30个");
    assertThat(failures).containsExactly("a1: rule failed on: BOOM这句出错。");
  }

  @Test
  void strictRethrowsASentenceFailureWithTheArticleId() {
    Extractor strict = Extractor.strict().withSentenceProbe(FailureHandlingTest::boom);
    assertThat(strict.isStrict()).isTrue();
    assertThatThrownBy(() -> strict.extract(article("a2")))
        .isInstanceOf(Extractor.ExtractionException.class)
        .hasMessageContaining("article a2")
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aWholeArticleFailureIsRethrownEvenAStackOverflow() {
    Extractor failing =
        Extractor.createDefault()
            .withSentenceProbe(
                s -> {
                  throw new StackOverflowError("deep");
                });
    // every sentence fails: the lenient extractor still returns (nothing), it does not throw
    assertThat(failing.extract(article("a3"))).isEmpty();
    assertThatThrownBy(
            () ->
                Extractor.strict()
                    .withSentenceProbe(
                        s -> {
                          throw new StackOverflowError("deep");
                        })
                    .extract(article("a4")))
        .isInstanceOf(RuntimeException.class)
        .hasCauseInstanceOf(StackOverflowError.class);
  }
}
