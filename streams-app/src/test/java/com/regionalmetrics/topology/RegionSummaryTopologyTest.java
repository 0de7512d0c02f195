package com.regionalmetrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.RegionTotals;
import com.regionalmetrics.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region-summary store against the latest store it summarises, with TopologyTestDriver (one
 * partition, so one partial summary per region): counts and newest value after ingest, corrections,
 * retractions and replays, and after any random sequence of them equal to totals counted afresh
 * from indicator-latest.
 */
class RegionSummaryTopologyTest {
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant PUBLISHED = Instant.parse("2025-02-26T00:00:00Z");

  @TempDir Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Article> articles;
  private TestInputTopic<String, MetricEvent> replay;
  private TestOutputTopic<String, MetricEvent> events;

  @BeforeEach
  void setUp() {
    scope = "summary-test-" + UUID.randomUUID();
    TopologySerdes serdes = RegionalMetricsTopologyTest.serdes(scope);
    driver = RegionalMetricsTopologyTest.lineDriver(serdes, "summary-test", stateDir, NOW);
    articles =
        driver.createInputTopic(
            Topics.ARTICLES, new StringSerializer(), serdes.articles().serializer());
    replay =
        driver.createInputTopic(
            Topics.METRIC_EVENTS, new StringSerializer(), serdes.events().serializer());
    events =
        driver.createOutputTopic(
            Topics.METRIC_EVENTS, new StringDeserializer(), serdes.events().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
    SchemaRegistryClients.dropScope(scope);
  }

  private void ingest(String id, String... lines) {
    articles.pipeInput(
        id,
        Article.newBuilder()
            .setId(id)
            .setText(String.join("\n", lines))
            .setPublishedAt(PUBLISHED)
            .build(),
        NOW);
  }

  private void retract(String id) {
    articles.pipeInput(id, null, NOW);
  }

  /** The summary store as "region=series@period". */
  private Map<String, String> summary() {
    Map<String, String> out = new TreeMap<>();
    KeyValueStore<String, RegionTotals> store = driver.getKeyValueStore(StoreNames.REGION_SUMMARY);
    try (var it = store.all()) {
      it.forEachRemaining(kv -> out.put(kv.key, text(kv.value)));
    }
    return out;
  }

  /** The same, counted afresh from every series in the latest store. */
  private Map<String, String> countedFromLatest() {
    Map<String, RegionTotals> totals = new TreeMap<>();
    KeyValueStore<String, MetricEvent> latest =
        driver.getKeyValueStore(StoreNames.INDICATOR_LATEST);
    try (var it = latest.all()) {
      it.forEachRemaining(
          kv ->
              totals.merge(
                  RegionSummaries.regionOf(kv.key),
                  new RegionTotals(
                      kv.value.getRegionCode(), 1, kv.value.getObservedAt(), kv.value.getPeriod()),
                  RegionSummaries::merge));
    }
    Map<String, String> out = new TreeMap<>();
    totals.forEach((region, t) -> out.put(region, text(t)));
    return out;
  }

  private static String text(RegionTotals t) {
    return t.getSeries() + "@" + t.getLatestPeriod();
  }

  @Test
  void eachRegionCountsItsSeriesAndKeepsItsNewestPeriod() {
    ingest("A", "张家口|air.aqi|2.66|2024", "张家口|air.pm25|19|2023", "承德|air.pm25|28|2023");
    ingest("B", "张家口|air.aqi|5.09|2014");

    assertThat(summary()).containsExactly(Map.entry("张家口", "2@2024"), Map.entry("承德", "1@2023"));
  }

  @Test
  void replayedEventsAndReingestedArticlesNeverCountTwice() {
    ingest("A", "张家口|air.aqi|2.66|2024", "承德|air.pm25|28|2023");
    List<org.apache.kafka.streams.test.TestRecord<String, MetricEvent>> emitted =
        events.readRecordsToList();
    Map<String, String> before = summary();

    ingest("A", "张家口|air.aqi|2.66|2024", "承德|air.pm25|28|2023"); // same content
    emitted.forEach(replay::pipeInput); // the same events again, as after a crash before a commit

    assertThat(summary()).isEqualTo(before).containsEntry("张家口", "1@2024");
  }

  @Test
  void aCorrectedArticleThatDropsARegionsLastSeriesRemovesTheRegion() {
    ingest("A", "张家口|air.aqi|2.66|2024", "承德|air.pm25|28|2023");
    ingest("A", "张家口|air.aqi|2.66|2024", "张家口|air.pm25|19|2024"); // 承德 no longer

    assertThat(summary()).containsExactly(Map.entry("张家口", "2@2024"));
  }

  @Test
  void retractingARegionsNewestValueFallsBackToTheNextNewest() {
    ingest("A", "张家口|air.aqi|2.66|2024");
    ingest("B", "张家口|air.pm25|19|2022", "张家口|air.aqi|3.5|2020");
    assertThat(summary()).containsExactly(Map.entry("张家口", "2@2024"));

    retract("A"); // aqi falls back to 2020; the newest value of the region is pm25's 2022
    assertThat(summary()).containsExactly(Map.entry("张家口", "2@2022"));

    retract("B");
    assertThat(summary()).isEmpty();
  }

  @Test
  void anyMixOfArticlesCorrectionsAndRetractionsLeavesTheTotalsOfTheLatestStore() {
    String[] regions = {"张家口", "承德", "保定"};
    String[] measures = {"air.aqi", "air.pm25", "gdp"};
    Random random = new Random(17);
    for (int step = 0; step < 300; step++) {
      String id = "a" + random.nextInt(12);
      if (random.nextInt(5) == 0) {
        retract(id);
      } else {
        List<String> lines = new ArrayList<>();
        for (int n = random.nextInt(4); n >= 0; n--) {
          lines.add(
              regions[random.nextInt(regions.length)]
                  + "|"
                  + measures[random.nextInt(measures.length)]
                  + "|"
                  + random.nextInt(50)
                  + "|"
                  + (2018 + random.nextInt(7)));
        }
        ingest(id, lines.toArray(String[]::new));
      }
      assertThat(summary()).as("after step %d", step).isEqualTo(countedFromLatest());
    }
    assertThat(summary()).isNotEmpty();
  }
}
