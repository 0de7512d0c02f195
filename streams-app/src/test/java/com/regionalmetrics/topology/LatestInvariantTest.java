package com.regionalmetrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.PeriodClaims;
import com.regionalmetrics.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index keeps "latest" equal to the resolved claims of each series' newest dated period (what a
 * scan of the claims store gives) after every record, and the change feed ends on that value,
 * whatever mix of new, older, same-instant periods (2024, 2024-12, 2024-12-31 end together),
 * corrections and retractions arrives. The processor takes a shortcut when the changed period is
 * the newest; this checks the shortcut against the scan it replaces (failing the check before the
 * shortcut would fail it too).
 */
class LatestInvariantTest {
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
  private static final String[] SERIES = {"张家口|air.aqi", "承德|air.aqi", "保定|gdp"};
  private static final String[] PERIODS = {
    "2022", "2023", "2024", "2024-12", "2024-12-31", "2024-06", "2025-01"
  };

  @TempDir Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Article> articles;
  private TestOutputTopic<String, MetricEvent> changes;

  @BeforeEach
  void setUp() {
    scope = "latest-invariant-" + UUID.randomUUID();
    TopologySerdes serdes = RegionalMetricsTopologyTest.serdes(scope);
    driver = RegionalMetricsTopologyTest.lineDriver(serdes, "latest-invariant-test", stateDir, NOW);
    articles =
        driver.createInputTopic(
            Topics.ARTICLES, new StringSerializer(), serdes.articles().serializer());
    changes =
        driver.createOutputTopic(
            Topics.INDICATOR_CHANGES, new StringDeserializer(), serdes.events().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
    SchemaRegistryClients.dropScope(scope);
  }

  @Test
  void latestIsTheNewestPeriodsResolutionAfterEveryRecord() {
    Random random = new Random(18);
    Map<String, MetricEvent> fed = new HashMap<>();
    for (int step = 0; step < 400; step++) {
      String id = "a" + random.nextInt(40);
      if (random.nextInt(8) == 0) {
        articles.pipeInput(id, null, NOW); // a retraction of all the article's claims
      } else {
        List<String> lines = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          lines.add(
              SERIES[random.nextInt(SERIES.length)]
                  + "|"
                  + (1 + random.nextInt(3))
                  + "|"
                  + PERIODS[random.nextInt(PERIODS.length)]);
        }
        Instant published = Instant.parse("2025-02-01T00:00:00Z").plusSeconds(step * 3600L);
        articles.pipeInput(
            id,
            Article.newBuilder()
                .setId(id)
                .setText(String.join("\n", lines))
                .setPublishedAt(published)
                .build(),
            NOW);
      }
      changes.readKeyValuesToList().forEach(kv -> fed.put(kv.key, kv.value));
      for (String series : SERIES) {
        MetricEvent expected = newestResolved(series);
        MetricEvent latest = latest().get(series);
        // the very value the history holds: a correction restating a claim (same event id, new
        // publishedAt) rewrites latest too
        assertThat(latest).as("latest of %s after step %d", series, step).isEqualTo(expected);
        if (expected == null) {
          assertThat(fed.get(series)).as("feed of %s after step %d", series, step).isNull();
        } else {
          assertThat(fed.get(series)).as("feed of %s after step %d", series, step).isNotNull();
          assertThat(ClaimResolution.sameClaim(fed.get(series), expected)).isTrue();
          assertThat(fed.get(series).getObservedAt()).isEqualTo(expected.getObservedAt());
        }
      }
    }
  }

  private KeyValueStore<String, MetricEvent> latest() {
    return driver.getKeyValueStore(StoreNames.INDICATOR_LATEST);
  }

  /** What a reverse scan of the claims store resolves the series' newest dated period to. */
  private MetricEvent newestResolved(String series) {
    KeyValueStore<String, PeriodClaims> claims =
        driver.getKeyValueStore(StoreNames.INDICATOR_CLAIMS);
    try (var it =
        claims.reverseRange(ClaimKeys.from(series, 0), ClaimKeys.upTo(series, Long.MAX_VALUE))) {
      while (it.hasNext()) {
        KeyValue<String, PeriodClaims> kv = it.next();
        if (!kv.value.getClaims().isEmpty()) {
          return ClaimResolution.of(kv.value.getClaims()).value();
        }
      }
    }
    return null;
  }
}
