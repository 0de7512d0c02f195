package com.regionalmetrics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator is only a fixture if the real extractor reads what it meant to write. */
class ArticleGeneratorTest {
  private static final Extractor EXTRACTOR = Extractor.createDefault();

  @Test
  void everyGeneratedArticleYieldsExactlyItsOneObservation() {
    List<ArticleGenerator.Generated> articles =
        ArticleGenerator.generate(ArticleGenerator.capacity(), 42, "g");
    Set<String> combos = new HashSet<>();
    for (ArticleGenerator.Generated g : articles) {
      List<Observation> obs = EXTRACTOR.extract(g.article());
      assertThat(obs).as(g.text()).hasSize(1);
      Observation o = obs.get(0);
      assertThat(o.region()).as(g.text()).isEqualTo(g.city());
      assertThat(o.indicator()).as(g.text()).isEqualTo(g.template().indicator);
      assertThat(o.value()).as(g.text()).isEqualTo(g.value());
      assertThat(o.period()).as(g.text()).isNotNull();
      assertThat(o.period().iso()).as(g.text()).isEqualTo(Integer.toString(g.year()));
      assertThat(combos.add(g.key() + "|" + g.year())).isTrue();
    }
  }

  @Test
  void sameSeedSameArticles() {
    assertThat(ArticleGenerator.generate(50, 7, "a"))
        .isEqualTo(ArticleGenerator.generate(50, 7, "a"));
  }
}
