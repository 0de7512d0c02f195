package com.regionalmetrics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SpecificAvroSerde;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

  @Test
  void thePrefixGoesBeforeEveryBaseName() {
    TopicNames staging = new TopicNames("staging.");

    assertThat(staging.articlesText()).isEqualTo("staging.articles-text");
    assertThat(staging.articles()).isEqualTo("staging.articles");
    assertThat(staging.metricEvents()).isEqualTo("staging.metric-events");
    assertThat(staging.indicatorChanges()).isEqualTo("staging.indicator-changes");
    assertThat(staging.articlesDlq()).isEqualTo("staging.articles-dlq");
    assertThat(staging.all())
        .containsExactly(
            "staging.articles-text",
            "staging.articles",
            "staging.metric-events",
            "staging.indicator-changes",
            "staging.articles-dlq");
    assertThat(TopicNames.DEFAULT.all()).isEqualTo(Topics.ALL);
    assertThat(new TopicNames(null)).isEqualTo(TopicNames.DEFAULT);
  }

  @Test
  void aPrefixThatCannotStartATopicNameIsRejected() {
    assertThatThrownBy(() -> new TopicNames("stag ing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stag ing");
    assertThatThrownBy(() -> new TopicNames("测试.")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTopologyReadsAndWritesOnlyPrefixedTopics() {
    SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(new InMemorySchemaRegistry());
    var serdes =
        new TopologySerdes(
            serde,
            new SpecificAvroSerde<>(new InMemorySchemaRegistry()),
            new SpecificAvroSerde<>(new InMemorySchemaRegistry()),
            new SpecificAvroSerde<>(new InMemorySchemaRegistry()),
            new SpecificAvroSerde<>(new InMemorySchemaRegistry()));
    TopicNames prod = new TopicNames("prod-");
    TopologyDescription description =
        RegionalMetricsTopology.build(
                serdes,
                a -> List.of(),
                Clock.systemUTC(),
                new RegionalMetricsTopology.Settings(1 << 20, prod))
            .describe();

    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology s : description.subtopologies()) {
      for (TopologyDescription.Node n : s.nodes()) {
        if (n instanceof TopologyDescription.Source source) {
          topics.addAll(source.topicSet());
        } else if (n instanceof TopologyDescription.Sink sink) {
          topics.add(sink.topic());
        }
      }
    }
    assertThat(topics)
        .containsExactlyInAnyOrder(
            "prod-articles-text",
            "prod-articles",
            "prod-metric-events",
            "prod-indicator-changes",
            "prod-articles-dlq");
  }
}
