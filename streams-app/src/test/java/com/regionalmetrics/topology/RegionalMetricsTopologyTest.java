package com.regionalmetrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.Qualifier;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.extract.Period;
import com.regionalmetrics.serde.SchemaRegistryClients;
import com.regionalmetrics.serde.SpecificAvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/**
 * The topology's semantics with TopologyTestDriver and the in-memory registry. The extractor is
 * replaced by a line format ("region|indicator|value|period") so each test states exactly which
 * observations an article carries; the real extractor is tested on its own.
 */
class RegionalMetricsTopologyTest {
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");

  @TempDir
  Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Article> articles;
  private TestInputTopic<byte[], byte[]> rawArticles;
  private TestInputTopic<byte[], byte[]> texts;
  private TestOutputTopic<String, MetricEvent> events;
  private TestOutputTopic<String, MetricEvent> changes;
  private TestOutputTopic<byte[], byte[]> dlq;

  /** "张家口|air.aqi|2.66|2024" per line: one observation each. */
  static List<Observation> lineExtractor(Article article) {
    return Arrays.stream(article.getText().split("\n"))
        .map(line -> line.split("\\|"))
        .filter(f -> f.length == 4)
        .map(f -> new Observation(f[0], null, f[1], f[1], Double.parseDouble(f[2]), "index", f[2], Qualifier.EXACT,
            Period.parse(f[3]), null, String.join("|", f)))
        .toList();
  }

  @BeforeEach
  void setUp() {
    scope = "topology-test-" + UUID.randomUUID();
    Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://" + scope);
    Serde<Article> articleSerde = new SpecificAvroSerde<>();
    articleSerde.configure(serdeConfig, false);
    Serde<MetricEvent> eventSerde = new SpecificAvroSerde<>();
    eventSerde.configure(serdeConfig, false);

    var topology = RegionalMetricsTopology.build(articleSerde, eventSerde, RegionalMetricsTopologyTest::lineExtractor,
        Clock.fixed(NOW, ZoneOffset.UTC), RegionalMetricsTopology.Settings.defaults());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    driver = new TopologyTestDriver(topology, props, NOW);

    articles = driver.createInputTopic(Topics.ARTICLES, new StringSerializer(), articleSerde.serializer());
    rawArticles = driver.createInputTopic(Topics.ARTICLES, new ByteArraySerializer(), new ByteArraySerializer());
    texts = driver.createInputTopic(Topics.ARTICLES_TEXT, new ByteArraySerializer(), new ByteArraySerializer());
    events = driver.createOutputTopic(Topics.METRIC_EVENTS, new StringDeserializer(), eventSerde.deserializer());
    changes = driver.createOutputTopic(Topics.INDICATOR_CHANGES, new StringDeserializer(), eventSerde.deserializer());
    dlq = driver.createOutputTopic(Topics.ARTICLES_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
    SchemaRegistryClients.dropScope(scope);
  }

  private void ingest(String id, String... lines) {
    articles.pipeInput(id, Article.newBuilder().setId(id).setText(String.join("\n", lines))
        .setPublishedAt(Instant.parse("2025-02-26T00:00:00Z")).build(), NOW);
  }

  private MetricEvent latest(String key) {
    return driver.<String, MetricEvent>getKeyValueStore(StoreNames.INDICATOR_LATEST).get(key);
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
    var history = driver.<String, MetricEvent>getVersionedKeyValueStore(StoreNames.INDICATOR_HISTORY);
    assertThat(history.get("张家口|air.aqi", Period.parse("2020").end().toEpochMilli()).value().getValue()).isEqualTo(5.09);
    assertThat(history.get("张家口|air.aqi").value().getValue()).isEqualTo(2.66);
    assertThat(changes.readValuesToList()).extracting(MetricEvent::getValue).containsExactly(2.66);
  }

  @Test
  void aSecondValueForTheSamePeriodReplacesTheFirst() {
    ingest("first", "张家口|air.aqi|2.70|2024");
    ingest("revision", "张家口|air.aqi|2.66|2024");

    assertThat(latest("张家口|air.aqi").getValue()).isEqualTo(2.66);
    var history = driver.<String, MetricEvent>getVersionedKeyValueStore(StoreNames.INDICATOR_HISTORY);
    long end2024 = Period.parse("2024").end().toEpochMilli();
    assertThat(history.get("张家口|air.aqi", end2024).value().getArticleId()).isEqualTo("revision");
    assertThat(changes.readValuesToList()).extracting(MetricEvent::getValue).containsExactly(2.70, 2.66);
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
    driver.getKeyValueStore(StoreNames.ARTICLE_DIGESTS).delete("a1");

    ingest("a1", "张家口|air.aqi|2.66|2024");

    assertThat(events.readValue().getEventId()).isEqualTo(first);
  }

  @Test
  void aCorruptRecordGoesToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() {
    rawArticles.pipeInput("bad".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3, 4, 5, 6}, NOW);
    ingest("good", "张家口|air.aqi|2.66|2024");

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(dead.value()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.REASON)).isEqualTo("bad-magic-byte");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ARTICLES);
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.OFFSET)).isEqualTo("0");
    assertThat(events.readValue().getArticleId()).isEqualTo("good");
  }

  @Test
  void unknownSchemaIdAndNullValueAreDeadLettersWithTheirReason() {
    rawArticles.pipeInput("x".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0x7f, 0x33, 2, 4}, NOW);
    rawArticles.pipeInput("y".getBytes(StandardCharsets.UTF_8), null, NOW);

    List<String> reasons = dlq.readRecordsToList().stream()
        .map(r -> DlqHeaders.get(r.headers(), DlqHeaders.REASON)).toList();
    assertThat(reasons).containsExactly("unknown-schema-id", "null-value");
  }

  @Test
  void periodsBefore1970OrAfterPublicationNeverBecomeRecords() {
    ingest("odd", "张家口|air.aqi|1.0|1900", "张家口|air.aqi|9.9|2200", "张家口|air.aqi|2.66|2024");

    assertThat(events.readValuesToList()).extracting(MetricEvent::getPeriod).containsExactly("2024");
  }

  @Test
  void aPeriodStillRunningAtPublicationIsStampedWithThePublicationInstant() {
    ingest("running", "张家口|digital.servers|172|2025-02");

    TestRecord<String, MetricEvent> out = events.readRecord();
    assertThat(out.value().getPeriod()).isEqualTo("2025-02");
    assertThat(Instant.ofEpochMilli(out.timestamp())).isEqualTo(Instant.parse("2025-02-26T00:00:00Z"));
  }

  @Test
  void plainTextWithHeadersBecomesAnAvroArticle() {
    var headers = new RecordHeaders()
        .add("published", "2025-02-26".getBytes(StandardCharsets.UTF_8))
        .add("source", "test".getBytes(StandardCharsets.UTF_8));
    texts.pipeInput(new TestRecord<>("t1".getBytes(StandardCharsets.UTF_8),
        "张家口|air.aqi|2.66|2024".getBytes(StandardCharsets.UTF_8), headers, NOW));

    MetricEvent out = events.readValue();
    assertThat(out.getArticleId()).isEqualTo("t1");
    assertThat(out.getPublishedAt()).isEqualTo(Period.parse("2025-02-26").firstDay().atStartOfDay(Period.ZONE).toInstant());
  }

  @Test
  void invalidUtf8AndEmptyTextOnThePlainTextInputAreDeadLetters() {
    texts.pipeInput("a".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28}, NOW);
    texts.pipeInput("b".getBytes(StandardCharsets.UTF_8), "  \n ".getBytes(StandardCharsets.UTF_8), NOW);

    List<String> reasons = dlq.readRecordsToList().stream()
        .map(r -> DlqHeaders.get(r.headers(), DlqHeaders.REASON)).toList();
    assertThat(reasons).containsExactly("invalid-utf8", "empty-text");
  }
}
