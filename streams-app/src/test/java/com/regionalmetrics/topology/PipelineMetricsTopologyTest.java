package com.regionalmetrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.serde.SchemaRegistryClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology reports articles, events, dead letters and extraction time to its PipelineMetrics.
 */
class PipelineMetricsTopologyTest {
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");

  /** Records every call. */
  static final class Recording implements PipelineMetrics {
    final AtomicInteger articles = new AtomicInteger();
    final AtomicInteger events = new AtomicInteger();
    final AtomicInteger extractions = new AtomicInteger();
    final AtomicLong extractionNanos = new AtomicLong();
    final List<String> deadLetters = new ArrayList<>();

    @Override
    public void onArticle() {
      articles.incrementAndGet();
    }

    @Override
    public void onEvents(int count) {
      events.addAndGet(count);
    }

    @Override
    public synchronized void onDeadLetter(String reason) {
      deadLetters.add(reason);
    }

    @Override
    public void onExtraction(long nanos) {
      extractions.incrementAndGet();
      extractionNanos.addAndGet(nanos);
    }
  }

  @TempDir Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private Serde<Article> articleSerde;
  private final Recording metrics = new Recording();

  @BeforeEach
  void setUp() {
    scope = "pipeline-metrics-test-" + UUID.randomUUID();
    TopologySerdes serdes = RegionalMetricsTopologyTest.serdes(scope);
    articleSerde = serdes.articles();
    var topology =
        RegionalMetricsTopology.build(
            serdes,
            RegionalMetricsTopologyTest::lineExtractor,
            Clock.fixed(NOW, ZoneOffset.UTC),
            RegionalMetricsTopology.Settings.defaults(),
            metrics);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-metrics-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, NOW);
  }

  @AfterEach
  void tearDown() {
    driver.close();
    SchemaRegistryClients.dropScope(scope);
  }

  @Test
  void articlesEventsExtractionTimeAndDeadLettersByReasonAreReported() {
    var articles =
        driver.createInputTopic(Topics.ARTICLES, new StringSerializer(), articleSerde.serializer());
    var raw =
        driver.createInputTopic(
            Topics.ARTICLES, new ByteArraySerializer(), new ByteArraySerializer());
    var texts =
        driver.createInputTopic(
            Topics.ARTICLES_TEXT, new ByteArraySerializer(), new ByteArraySerializer());

    articles.pipeInput(
        "a1",
        Article.newBuilder()
            .setId("a1")
            .setText("张家口|air.aqi|5.09|2014\n张家口|air.aqi|2.66|2024\nno observation here")
            .setPublishedAt(Instant.parse("2025-02-26T00:00:00Z"))
            .build(),
        NOW);
    articles.pipeInput(
        "a2",
        Article.newBuilder()
            .setId("a2")
            .setText("承德|air.aqi|3.05|2024")
            .setPublishedAt(Instant.parse("2025-02-26T00:00:00Z"))
            .build(),
        NOW);
    raw.pipeInput("bad".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, NOW);
    texts.pipeInput(null, new byte[] {(byte) 0xff, (byte) 0xfe}, NOW);
    texts.pipeInput(null, "   ".getBytes(StandardCharsets.UTF_8), NOW);

    assertThat(metrics.articles).hasValue(2);
    assertThat(metrics.events).hasValue(3);
    assertThat(metrics.extractions).hasValue(2);
    assertThat(metrics.extractionNanos.get()).isPositive();
    assertThat(metrics.deadLetters)
        .containsExactlyInAnyOrder("bad-magic-byte", "invalid-utf8", "empty-text");
  }
}
