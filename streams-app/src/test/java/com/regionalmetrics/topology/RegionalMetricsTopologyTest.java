package com.regionalmetrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.PeriodClaims;
import com.regionalmetrics.avro.Qualifier;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.extract.Period;
import com.regionalmetrics.serde.SchemaRegistryClients;
import com.regionalmetrics.serde.SpecificAvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology's semantics with TopologyTestDriver and the in-memory registry. The extractor is
 * replaced by a line format ("region|indicator|value|period") so each test states exactly which
 * observations an article carries; the real extractor is tested on its own.
 */
class RegionalMetricsTopologyTest {
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");

  @TempDir Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Article> articles;
  private TestInputTopic<byte[], byte[]> rawArticles;
  private TestInputTopic<byte[], byte[]> texts;
  private TestOutputTopic<String, MetricEvent> events;
  private TestOutputTopic<String, MetricEvent> changes;
  private TestOutputTopic<byte[], byte[]> dlq;

  /** "张家口|air.aqi|2.66|2024" per line: one observation each ("-" for no period). */
  static List<Observation> lineExtractor(Article article) {
    if (article.getText().toString().startsWith("FAIL")) {
      throw new IllegalStateException(
          "a rule failed on the whole article"); // as Extractor rethrows it
    }
    return Arrays.stream(article.getText().split("\n"))
        .map(line -> line.split("\\|"))
        .filter(f -> f.length == 4)
        .map(
            f ->
                new Observation(
                    f[0],
                    null,
                    f[1],
                    f[1],
                    Double.parseDouble(f[2]),
                    "index",
                    f[2],
                    Qualifier.EXACT,
                    "-".equals(f[3]) ? null : Period.parse(f[3]),
                    null,
                    String.join("|", f)))
        .toList();
  }

  /**
   * A test driver of the whole topology with the line extractor ("region|indicator|value|period"
   * per line), the clock fixed at now.
   */
  static TopologyTestDriver lineDriver(
      TopologySerdes serdes, String applicationId, Path stateDir, Instant now) {
    var topology =
        RegionalMetricsTopology.build(
            serdes,
            RegionalMetricsTopologyTest::lineExtractor,
            Clock.fixed(now, ZoneOffset.UTC),
            RegionalMetricsTopology.Settings.defaults());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return new TopologyTestDriver(topology, props, now);
  }

  /** The topology's serdes on one in-memory registry scope. */
  static TopologySerdes serdes(String scope) {
    Map<String, String> config = Map.of("schema.registry.url", "mock://" + scope);
    return new TopologySerdes(
        serde(config), serde(config), serde(config), serde(config), serde(config));
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde(
      Map<String, String> config) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    return serde;
  }

  @BeforeEach
  void setUp() {
    scope = "topology-test-" + UUID.randomUUID();
    TopologySerdes serdes = serdes(scope);
    Serde<Article> articleSerde = serdes.articles();
    Serde<MetricEvent> eventSerde = serdes.events();

    driver = lineDriver(serdes, "topology-test", stateDir, NOW);

    articles =
        driver.createInputTopic(Topics.ARTICLES, new StringSerializer(), articleSerde.serializer());
    rawArticles =
        driver.createInputTopic(
            Topics.ARTICLES, new ByteArraySerializer(), new ByteArraySerializer());
    texts =
        driver.createInputTopic(
            Topics.ARTICLES_TEXT, new ByteArraySerializer(), new ByteArraySerializer());
    events =
        driver.createOutputTopic(
            Topics.METRIC_EVENTS, new StringDeserializer(), eventSerde.deserializer());
    changes =
        driver.createOutputTopic(
            Topics.INDICATOR_CHANGES, new StringDeserializer(), eventSerde.deserializer());
    dlq =
        driver.createOutputTopic(
            Topics.ARTICLES_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
    SchemaRegistryClients.dropScope(scope);
  }

  private void ingest(String id, String... lines) {
    ingest(id, Instant.parse("2025-02-26T00:00:00Z"), lines);
  }

  private void ingestPublished(String id, String published, String... lines) {
    ingest(id, Period.parse(published).firstDay().atStartOfDay(Period.ZONE).toInstant(), lines);
  }

  private void ingest(String id, Instant published, String... lines) {
    articles.pipeInput(
        id,
        Article.newBuilder()
            .setId(id)
            .setText(String.join("\n", lines))
            .setPublishedAt(published)
            .build(),
        NOW);
  }

  private void retract(String id) {
    articles.pipeInput(id, null, NOW);
  }

  private MetricEvent latest(String key) {
    return driver.<String, MetricEvent>getKeyValueStore(StoreNames.INDICATOR_LATEST).get(key);
  }

  /** The resolved value of each dated period of a series, oldest first: "period=value". */
  private List<String> history(String series) {
    var store = driver.<String, PeriodClaims>getKeyValueStore(StoreNames.INDICATOR_CLAIMS);
    List<String> out = new ArrayList<>();
    try (var it = store.range(ClaimKeys.from(series, 0), ClaimKeys.upTo(series, Long.MAX_VALUE))) {
      it.forEachRemaining(
          kv -> {
            MetricEvent v = ClaimResolution.of(kv.value.getClaims()).value();
            out.add(v.getPeriod() + "=" + v.getValue());
          });
    }
    return out;
  }

  private List<MetricEvent> claims(String series, String period) {
    var store = driver.<String, PeriodClaims>getKeyValueStore(StoreNames.INDICATOR_CLAIMS);
    PeriodClaims pc =
        store.get(ClaimKeys.dated(series, Period.parse(period).end().toEpochMilli(), period));
    return pc == null ? List.of() : pc.getClaims();
  }

  @Test
  void eventsAreKeyedByRegionAndIndicatorAndStampedWithTheEndOfThePeriod() {
    ingest("a1", "张家口|air.aqi|2.66|2024");

    TestRecord<String, MetricEvent> out = events.readRecord();
    assertThat(out.key()).isEqualTo("张家口|air.aqi");
    assertThat(out.timestamp()).isEqualTo(Period.parse("2024").end().toEpochMilli());
    assertThat(out.value().getPeriod()).isEqualTo("2024");
    assertThat(out.value().getArticleId()).isEqualTo("a1");
  }

  @Test
  void anOlderPeriodArrivingLaterGoesToHistoryButLeavesLatestAlone() {
    ingest("new", "张家口|air.aqi|2.66|2024");
    ingest("old", "张家口|air.aqi|5.09|2014");

    assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(2.66);
    assertThat(history("张家口|air.aqi")).containsExactly("2014=5.09", "2024=2.66");
    assertThat(changes.readValuesToList()).extracting(MetricEvent::getValue).containsExactly(2.66);
  }

  @Test
  void differingClaimsAreAllKeptAndTheMostRecentlyPublishedWinsWhateverTheArrivalOrder() {
    ingestPublished("revision", "2025-03-01", "张家口|air.aqi|2.66|2024");
    ingestPublished("first", "2025-01-10", "张家口|air.aqi|2.70|2024");

    assertThat(latest("张家口|air.aqi").getArticleId()).isEqualTo("revision");
    assertThat(history("张家口|air.aqi")).containsExactly("2024=2.66");
    assertThat(claims("张家口|air.aqi", "2024"))
        .extracting(MetricEvent::getArticleId)
        .containsExactly("revision", "first");
    assertThat(changes.readValuesToList()).extracting(MetricEvent::getValue).containsExactly(2.66);
  }

  @Test
  void identicalClaimsFromTwoArticlesAreOnePointWithTwoSourcesAndTheEarliestProvenance() {
    ingestPublished("copy", "2025-02-20", "张家口|air.aqi|2.66|2024");
    ingestPublished("original", "2025-02-10", "张家口|air.aqi|2.66|2024");

    assertThat(history("张家口|air.aqi")).containsExactly("2024=2.66");
    ClaimResolution point = ClaimResolution.of(claims("张家口|air.aqi", "2024"));
    assertThat(point.value().getArticleId()).isEqualTo("original");
    assertThat(point.sources())
        .extracting(MetricEvent::getArticleId)
        .containsExactly("original", "copy");
    assertThat(point.differing()).isEmpty();
    assertThat(latest("张家口|air.aqi").getArticleId()).isEqualTo("original");
  }

  @Test
  void aRetractionWithdrawsEveryClaimOfTheArticleAndAnswersFallBack() {
    ingestPublished("old", "2024-01-05", "张家口|air.aqi|3.10|2023");
    ingestPublished("other", "2025-01-05", "张家口|air.aqi|2.70|2024");
    ingestPublished("wrong", "2025-02-26", "张家口|air.aqi|9.99|2024", "张家口|air.pm25|88|2024");
    assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(9.99);
    changes.readRecordsToList();

    retract("wrong");

    assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(2.70);
    assertThat(latest("张家口|air.pm25")).isNull();
    assertThat(history("张家口|air.pm25")).isEmpty();
    assertThat(claims("张家口|air.aqi", "2024"))
        .extracting(MetricEvent::getArticleId)
        .containsExactly("other");
    var retractions = events.readValuesToList().stream().filter(MetricEvent::getRetracted).toList();
    assertThat(retractions).extracting(MetricEvent::getArticleId).containsOnly("wrong");
    assertThat(retractions)
        .extracting(MetricEvent::getIndicator)
        .containsExactlyInAnyOrder("air.aqi", "air.pm25");
    var changed = changes.readRecordsToList();
    assertThat(changed)
        .extracting(TestRecord::key)
        .containsExactlyInAnyOrder("张家口|air.aqi", "张家口|air.pm25");
    assertThat(
            changed.stream()
                .filter(r -> r.key().equals("张家口|air.pm25"))
                .findFirst()
                .orElseThrow()
                .value())
        .isNull();

    retract("other");
    assertThat(latest("张家口|air.aqi").getValue())
        .as("falls back to the older period")
        .isEqualTo(3.10);
  }

  @Test
  void aCorrectedArticleUnderTheSameIdWithdrawsWhatItNoLongerSays() {
    ingest("a1", "张家口|air.aqi|9.99|2024", "张家口|air.pm25|19|2024");
    ingest("a1", "张家口|air.aqi|2.66|2024", "张家口|air.pm25|19|2024");

    assertThat(claims("张家口|air.aqi", "2024"))
        .extracting(MetricEvent::getValue)
        .containsExactly(2.66);
    assertThat(claims("张家口|air.pm25", "2024")).hasSize(1);
    assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(2.66);
  }

  @Test
  void theFinalStateDoesNotDependOnTheOrderArticlesArriveIn() {
    List<Runnable> steps =
        List.of(
            () ->
                ingestPublished(
                    "a", "2025-01-10", "张家口|air.aqi|2.70|2024", "张家口|air.aqi|5.09|2014"),
            () -> ingestPublished("b", "2025-03-01", "张家口|air.aqi|2.66|2024"),
            () ->
                ingestPublished("c", "2024-02-01", "张家口|air.aqi|3.00|2023", "承德|air.aqi|4.1|2023"),
            () ->
                ingestPublished("d", "2025-02-01", "张家口|air.aqi|2.66|2024", "承德|air.aqi|3.9|2024"),
            () ->
                ingestPublished(
                    "e", "2025-02-15", "承德|air.aqi|3.8|2024", "承德|air.good_days@month|30|2024-09"),
            () -> ingestPublished("f", "2025-02-16", "承德|air.good_days@quarter|91|2024-09"));
    Map<String, Object> first = null;
    for (long seed : new long[] {1, 2, 3}) {
      tearDown();
      setUp();
      List<Runnable> order = new ArrayList<>(steps);
      Collections.shuffle(order, new Random(seed));
      order.forEach(Runnable::run);
      Map<String, Object> state = new TreeMap<>();
      try (var it =
          driver.<String, PeriodClaims>getKeyValueStore(StoreNames.INDICATOR_CLAIMS).all()) {
        it.forEachRemaining(kv -> state.put("claims " + kv.key, kv.value.toString()));
      }
      try (var it =
          driver.<String, MetricEvent>getKeyValueStore(StoreNames.INDICATOR_LATEST).all()) {
        it.forEachRemaining(kv -> state.put("latest " + kv.key, kv.value.toString()));
      }
      if (first == null) {
        first = state;
        assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(2.66);
        assertThat(latest("承德|air.aqi").getValue()).isEqualTo(3.8);
        assertThat(latest("承德|air.good_days@month").getValue()).isEqualTo(30);
        assertThat(latest("承德|air.good_days@quarter").getValue()).isEqualTo(91);
      } else {
        assertThat(state).as("state after order %d", seed).isEqualTo(first);
      }
    }
  }

  @Test
  void eventsWrittenBeforeMeasureIdsAreNotIndexed() {
    ingest("a1", "张家口|air.aqi|2.66|2024");
    MetricEvent current = events.readValue();
    assertThat(current.getBaseIndicator()).isEqualTo("air.aqi");
    var metricEvents =
        driver.createInputTopic(
            Topics.METRIC_EVENTS, new StringSerializer(), serdes(scope).events().serializer());

    current.setEventId("legacy");
    current.setIndicator("transport.connections");
    current.setBaseIndicator(null);
    metricEvents.pipeInput("张家口|transport.connections", current);

    assertThat(latest("张家口|transport.connections")).isNull();
    assertThat(history("张家口|transport.connections")).isEmpty();
    assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(2.66);
  }

  @Test
  void undatedValuesAreKeptButNeverBecomeLatest() {
    ingest("a1", "张家口|digital.servers|172|-");

    assertThat(latest("张家口|digital.servers")).isNull();
    var undated =
        driver
            .<String, PeriodClaims>getKeyValueStore(StoreNames.INDICATOR_CLAIMS)
            .get(ClaimKeys.undated("张家口|digital.servers"));
    assertThat(undated.getClaims()).extracting(MetricEvent::getValue).containsExactly(172.0);
    assertThat(changes.isEmpty()).isTrue();
  }

  @Test
  void plainTextWithoutAPublicationDateIsDatedByTheRecordAndSaysSo() {
    Instant arrival = Instant.parse("2025-02-27T08:00:00Z");
    texts.pipeInput(
        new TestRecord<>(
            "t2".getBytes(StandardCharsets.UTF_8),
            "张家口|air.aqi|2.66|2024".getBytes(StandardCharsets.UTF_8),
            new RecordHeaders(),
            arrival));

    MetricEvent out = events.readValue();
    assertThat(out.getPublishedAt()).isEqualTo(arrival);
    assertThat(out.getPublishedAtAssumed()).isTrue();
  }

  @Test
  void theSameArticleTwiceAddsNothing() {
    ingest("a1", "张家口|air.aqi|2.66|2024", "张家口|air.pm25|19|2024");
    assertThat(events.readRecordsToList()).hasSize(2);
    changes.readRecordsToList();

    ingest("a1", "张家口|air.aqi|2.66|2024", "张家口|air.pm25|19|2024");

    assertThat(events.isEmpty()).isTrue();
    assertThat(changes.isEmpty()).isTrue();
  }

  @Test
  void theSameObservationFromAnotherArticleChangesNoValue() {
    ingest("a1", "张家口|air.aqi|2.66|2024");
    changes.readRecordsToList();

    ingest("a2", "张家口|air.aqi|2.66|2024");

    assertThat(changes.isEmpty()).isTrue();
    assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(2.66);
  }

  @Test
  void eventIdsAreDeterministic() {
    ingest("a1", "张家口|air.aqi|2.66|2024");
    String first = events.readValue().getEventId();
    driver.getKeyValueStore(StoreNames.ARTICLE_STATE).delete("a1");

    ingest("a1", "张家口|air.aqi|2.66|2024");

    assertThat(events.readValue().getEventId()).isEqualTo(first);
  }

  @Test
  void aCorruptRecordGoesToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() {
    rawArticles.pipeInput(
        "bad".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3, 4, 5, 6}, NOW);
    ingest("good", "张家口|air.aqi|2.66|2024");

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(dead.value()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.REASON)).isEqualTo("bad-magic-byte");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ARTICLES);
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.OFFSET)).isEqualTo("0");
    // Kafka Streams' dead-letter headers too (KIP-1034), naming the serde's exception
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_EXCEPTION))
        .isEqualTo("com.regionalmetrics.serde.AvroWireFormatException");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_MESSAGE)).isNotBlank();
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_STACKTRACE))
        .contains("AvroWireFormatException")
        .contains("\tat ");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_TOPIC)).isEqualTo(Topics.ARTICLES);
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_PARTITION)).isEqualTo("0");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_OFFSET)).isEqualTo("0");
    assertThat(events.readValue().getArticleId()).isEqualTo("good");
  }

  @Test
  void aRecordACheckRejectsCarriesKafkasHeadersNamingTheRejection() {
    texts.pipeInput(
        new TestRecord<>(
            "k".getBytes(StandardCharsets.UTF_8), "   ".getBytes(StandardCharsets.UTF_8)));

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.REASON)).isEqualTo("empty-text");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_EXCEPTION))
        .isEqualTo(RejectedRecordException.class.getName());
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_MESSAGE))
        .isEqualTo("article text is empty");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_TOPIC))
        .isEqualTo(Topics.ARTICLES_TEXT);
  }

  @Test
  void theHeaderNamesAreKafkaStreamsOwn() {
    assertThat(DlqHeaders.STREAMS_EXCEPTION)
        .isEqualTo(
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils
                .HEADER_ERRORS_EXCEPTION_NAME);
    assertThat(DlqHeaders.STREAMS_MESSAGE)
        .isEqualTo(
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils
                .HEADER_ERRORS_EXCEPTION_MESSAGE_NAME);
    assertThat(DlqHeaders.STREAMS_STACKTRACE)
        .isEqualTo(
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils
                .HEADER_ERRORS_STACKTRACE_NAME);
    assertThat(DlqHeaders.STREAMS_TOPIC)
        .isEqualTo(
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils
                .HEADER_ERRORS_TOPIC_NAME);
    assertThat(DlqHeaders.STREAMS_PARTITION)
        .isEqualTo(
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils
                .HEADER_ERRORS_PARTITION_NAME);
    assertThat(DlqHeaders.STREAMS_OFFSET)
        .isEqualTo(
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils
                .HEADER_ERRORS_OFFSET_NAME);
  }

  @Test
  void anArticleTheExtractorFailsOnIsADeadLetterAndTheNextOneIsProcessed() {
    ingest("broken", "FAIL");
    ingest("good", "张家口|air.aqi|2.66|2024");

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.REASON)).isEqualTo("extract-failed");
    assertThat(events.readValue().getArticleId()).isEqualTo("good");
  }

  @Test
  void unknownSchemaIdAndNullValueWithoutKeyAreDeadLettersWithTheirReason() {
    rawArticles.pipeInput(
        "x".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0x7f, 0x33, 2, 4}, NOW);
    rawArticles.pipeInput(null, null, NOW);

    List<String> reasons =
        dlq.readRecordsToList().stream()
            .map(r -> DlqHeaders.get(r.headers(), DlqHeaders.REASON))
            .toList();
    assertThat(reasons).containsExactly("unknown-schema-id", "null-value");
  }

  @Test
  void periodsBefore1970OrAfterPublicationNeverBecomeRecords() {
    ingest("odd", "张家口|air.aqi|1.0|1900", "张家口|air.aqi|9.9|2200", "张家口|air.aqi|2.66|2024");

    assertThat(events.readValuesToList())
        .extracting(MetricEvent::getPeriod)
        .containsExactly("2024");
  }

  @Test
  void aPeriodStillRunningAtPublicationIsStampedWithThePublicationInstant() {
    ingest("running", "张家口|digital.servers|172|2025-02");

    TestRecord<String, MetricEvent> out = events.readRecord();
    assertThat(out.value().getPeriod()).isEqualTo("2025-02");
    assertThat(Instant.ofEpochMilli(out.timestamp()))
        .isEqualTo(Instant.parse("2025-02-26T00:00:00Z"));
  }

  @Test
  void plainTextWithHeadersBecomesAnAvroArticle() {
    var headers =
        new RecordHeaders()
            .add("published", "2025-02-26".getBytes(StandardCharsets.UTF_8))
            .add("source", "test".getBytes(StandardCharsets.UTF_8));
    texts.pipeInput(
        new TestRecord<>(
            "t1".getBytes(StandardCharsets.UTF_8),
            "张家口|air.aqi|2.66|2024".getBytes(StandardCharsets.UTF_8),
            headers,
            NOW));

    MetricEvent out = events.readValue();
    assertThat(out.getArticleId()).isEqualTo("t1");
    assertThat(out.getPublishedAt())
        .isEqualTo(Period.parse("2025-02-26").firstDay().atStartOfDay(Period.ZONE).toInstant());
  }

  @Test
  void invalidUtf8AndEmptyTextOnThePlainTextInputAreDeadLetters() {
    texts.pipeInput(
        "a".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28}, NOW);
    texts.pipeInput(
        "b".getBytes(StandardCharsets.UTF_8), "  \n ".getBytes(StandardCharsets.UTF_8), NOW);

    List<String> reasons =
        dlq.readRecordsToList().stream()
            .map(r -> DlqHeaders.get(r.headers(), DlqHeaders.REASON))
            .toList();
    assertThat(reasons).containsExactly("invalid-utf8", "empty-text");
  }
}
