package com.regionalmetrics.reliability;

import static com.regionalmetrics.reliability.Fixtures.answers;
import static com.regionalmetrics.reliability.Fixtures.enc;
import static com.regionalmetrics.reliability.Fixtures.expectedAnswers;
import static com.regionalmetrics.reliability.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.Qualifier;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.embedded.EmbeddedSchemaRegistry;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.serde.SpecificAvroSerde;
import com.regionalmetrics.topology.DlqHeaders;
import com.regionalmetrics.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, fault 2: 1,329 bad records of 12 kinds mixed into 1,000 good ones (plus articles whose
 * text names years 2200 and 1900), on both input topics of a real broker. The app must stay RUNNING
 * on the same threads, dead-letter every bad record with the expected reason (counted per reason),
 * process every good one exactly once, and keep absurd dates out of the stores.
 */
class PoisonInputIT {
  static final int GOOD = 1_000;
  static final int FIVE_MB = 5 * 1024 * 1024;

  @TempDir static Path root;
  static EmbeddedKafkaBroker broker;
  static EmbeddedSchemaRegistry registry;
  static RegionalMetricsApp app;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(root.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = EmbeddedSchemaRegistry.start(root.resolve("registry"), "127.0.0.1", 0);
    app = TestApps.against(broker.bootstrapServers(), registry.url(), root.resolve("app"));
    base = "http://127.0.0.1:" + app.httpPort();
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry, app);
  }

  /** What the test sent, and what must come of it. */
  static final class Sent {
    final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    final Map<String, Integer> expectedReasons = new TreeMap<>();
    final Map<String, Integer> kinds = new TreeMap<>();

    void bad(String kind, String reason, ProducerRecord<byte[], byte[]> r) {
      records.add(r);
      expectedReasons.merge(reason, 1, Integer::sum);
      kinds.merge(kind, 1, Integer::sum);
    }

    void notBad(ProducerRecord<byte[], byte[]> r) {
      records.add(r);
    }

    int badCount() {
      return kinds.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static ProducerRecord<byte[], byte[]> text(String id, byte[] value, String published) {
    RecordHeaders h = new RecordHeaders();
    if (id != null) {
      h.add("id", utf8(id));
    }
    if (published != null) {
      h.add("published", utf8(published));
    }
    h.add("source", utf8("poison-test"));
    return new ProducerRecord<>(
        Topics.ARTICLES_TEXT, null, null, id == null ? null : utf8(id), value, h);
  }

  static ProducerRecord<byte[], byte[]> avro(String id, byte[] value) {
    return new ProducerRecord<>(Topics.ARTICLES, id == null ? null : utf8(id), value);
  }

  @Test
  void badRecordsAreDeadLetteredWithTheirReasonAndGoodOnesAllProcessed() throws Exception {
    Set<String> threadsBefore = threadNames();
    SpecificAvroSerde<Article> articles = new SpecificAvroSerde<>();
    articles.configure(Map.of("schema.registry.url", registry.url()), false);
    SpecificAvroSerde<MetricEvent> events = new SpecificAvroSerde<>();
    events.configure(Map.of("schema.registry.url", registry.url()), false);

    List<ArticleGenerator.Generated> good = ArticleGenerator.generate(GOOD, 6L, "good");
    Fixtures.Reference reference = Fixtures.Reference.of(good);
    Sent sent = new Sent();
    List<ProducerRecord<byte[], byte[]>> goodRecords = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      ArticleGenerator.Generated g = good.get(i);
      goodRecords.add(
          i % 5 < 3
              ? avro(g.id(), articles.serializer().serialize(Topics.ARTICLES, g.article()))
              : text(g.id(), utf8(g.text()), ArticleGenerator.PUBLISHED_TEXT));
    }
    Article template = good.get(0).article();
    byte[] valid = articles.serializer().serialize(Topics.ARTICLES, template);

    for (int i = 0; i < 150; i++) {
      sent.bad(
          "not-avro (JSON)",
          "bad-magic-byte",
          avro(
              "json-" + i,
              utf8("{\"id\":\"json-" + i + "\",\"text\":\"" + template.getText() + "\"}")));
      byte[] magic = valid.clone();
      magic[0] = 1;
      sent.bad("wrong-magic-byte", "bad-magic-byte", avro("magic-" + i, magic));
      byte[] unknown = valid.clone();
      unknown[1] = 0x00;
      unknown[2] = 0x0F;
      unknown[3] = 0x42;
      unknown[4] = (byte) (0x3F + i % 64);
      sent.bad("unknown-schema-id", "unknown-schema-id", avro("unknown-" + i, unknown));
      MetricEvent other =
          MetricEvent.newBuilder()
              .setEventId("e" + i)
              .setArticleId("a" + i)
              .setRegion("承德")
              .setRegionCode("130800")
              .setIndicator("x")
              .setIndicatorLabel("x")
              .setValue(i)
              .setUnit("count")
              .setRawText(i + "个")
              .setQualifier(Qualifier.EXACT)
              .setPeriod("2024")
              .setObservedAt(Instant.parse("2024-12-31T00:00:00Z"))
              .setChange(null)
              .setEvidence("x")
              .setPublishedAt(null)
              .setParserVersion("test")
              .build();
      sent.bad(
          "avro-of-another-schema",
          "incompatible-schema",
          avro("other-" + i, events.serializer().serialize(Topics.METRIC_EVENTS, other)));
      byte[] invalidUtf8 =
          Arrays.copyOf(utf8(template.getText()), utf8(template.getText()).length + 3);
      invalidUtf8[invalidUtf8.length - 3] = (byte) 0xC3; // a lead byte without continuation
      invalidUtf8[invalidUtf8.length - 2] = (byte) 0x28;
      invalidUtf8[invalidUtf8.length - 1] = (byte) (0xF8 + i % 8); // never valid in UTF-8
      sent.bad(
          "invalid-utf8",
          "invalid-utf8",
          text("utf8-" + i, invalidUtf8, ArticleGenerator.PUBLISHED_TEXT));
    }
    for (int i = 0; i < 100; i++) {
      byte[] corrupt = Arrays.copyOf(valid, 5 + 40);
      System.arraycopy(
          utf8("{\"not\":\"avro\",\"but\":\"json after a header\"}"), 0, corrupt, 5, 40);
      sent.bad("corrupt-avro-body", "avro-decode-failed", avro("corrupt-" + i, corrupt));
      Article empty =
          Article.newBuilder(template)
              .setId("empty-" + i)
              .setText(i % 2 == 0 ? "" : "  \n\t ")
              .build();
      sent.bad(
          "empty-text (avro)",
          "empty-text",
          avro(empty.getId(), articles.serializer().serialize(Topics.ARTICLES, empty)));
    }
    for (int i = 0; i < 50; i++) {
      sent.bad("too-short", "too-short", avro("short-" + i, new byte[] {0, 0, (byte) i}));
      // a tombstone with a key retracts that article (one never seen: nothing to withdraw, no dead
      // letter)
      sent.notBad(avro("null-" + i, null));
      sent.bad("null-key-and-null-value", "null-value", avro(null, null));
      sent.notBad(text("tnull-" + i, null, null));
      sent.bad(
          "empty-text (text)",
          "empty-text",
          text("tempty-" + i, utf8(i % 2 == 0 ? "" : " \n "), null));
    }
    for (int i = 0; i < 25; i++) {
      sent.bad(
          "published-2200 (text)",
          "bad-published-date",
          text("p2200-" + i, utf8(good.get(i).text()), "2200-01-01"));
      sent.bad(
          "published-1900 (text)",
          "bad-published-date",
          text("p1900-" + i, utf8(good.get(i).text()), "1900-06-01"));
      sent.bad(
          "published-unreadable (text)",
          "bad-published-date",
          text("pbad-" + i, utf8(good.get(i).text()), "yesterday"));
      for (String year : List.of("2200", "1900")) {
        Article a =
            Article.newBuilder(template)
                .setId("ap" + year + "-" + i)
                .setPublishedAt(Instant.parse(year + "-01-01T00:00:00Z"))
                .build();
        sent.bad(
            "published-" + year + " (avro)",
            "bad-published-date",
            avro(a.getId(), articles.serializer().serialize(Topics.ARTICLES, a)));
      }
    }
    String big = "张家口市风电装机容量达到2000万千瓦。".repeat(FIVE_MB / 52 + 1); // 52 UTF-8 bytes a sentence
    for (int i = 0; i < 2; i++) {
      sent.bad(
          "5MB (text)",
          "too-large",
          text("big-text-" + i, utf8(big), ArticleGenerator.PUBLISHED_TEXT));
      Article a = Article.newBuilder(template).setId("big-avro-" + i).setText(big).build();
      sent.bad(
          "5MB (avro)",
          "too-large",
          avro(a.getId(), articles.serializer().serialize(Topics.ARTICLES, a)));
    }
    // text that names absurd years: processed, but those years must not reach a store
    List<Article> absurd = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Article a =
          Article.newBuilder(template)
              .setId("absurd-" + i)
              .setRegionHint(null)
              .setText(
                  "承德市发展成就巡礼\n2200年，承德市森林覆盖率达到"
                      + (50 + i)
                      + "%。1900年，承德市优良天数为"
                      + (200 + i)
                      + "天。"
                      + "截至2200年底，承德市数据中心项目达到"
                      + (10 + i)
                      + "个。")
              .build();
      absurd.add(a);
    }

    // interleave: good, bad and absurd records in one stream
    List<ProducerRecord<byte[], byte[]>> all = new ArrayList<>();
    int b = 0;
    for (int i = 0; i < goodRecords.size(); i++) {
      all.add(goodRecords.get(i));
      for (int k = 0; k < 2 && b < sent.records.size(); k++) {
        all.add(sent.records.get(b++));
      }
      if (i % 50 == 0 && i / 50 < absurd.size()) {
        Article a = absurd.get(i / 50);
        all.add(avro(a.getId(), articles.serializer().serialize(Topics.ARTICLES, a)));
      }
    }
    all.addAll(sent.records.subList(b, sent.records.size()));
    assertThat(sent.badCount()).isGreaterThanOrEqualTo(1_000);
    assertThat(sent.kinds).hasSizeGreaterThanOrEqualTo(8);

    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                16 << 20,
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      // the callback runs on the producer's I/O thread, where a throw is only logged: collect,
      // assert after flush
      Queue<String> sendFailures = new ConcurrentLinkedQueue<>();
      for (ProducerRecord<byte[], byte[]> r : all) {
        producer.send(
            r,
            (md, e) -> {
              if (e != null) {
                sendFailures.add(
                    r.topic()
                        + " key "
                        + (r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8))
                        + ": "
                        + e);
              }
            });
      }
      producer.flush();
      assertThat(sendFailures).as("test records the broker did not accept").isEmpty();
    }

    // wait until every input is consumed: text first (it feeds articles), then articles, then the
    // index
    String bs = broker.bootstrapServers();
    Fixtures.awaitCommitted(
        bs, Fixtures.endOffsets(bs, Topics.ARTICLES_TEXT), Duration.ofSeconds(180));
    Fixtures.awaitCommitted(bs, Fixtures.endOffsets(bs, Topics.ARTICLES), Duration.ofSeconds(180));
    Map<TopicPartition, Long> positions = new HashMap<>();
    List<MetricEvent> out =
        Fixtures.decodeEvents(
            Fixtures.readAll(bs, Topics.METRIC_EVENTS, positions), registry.url());
    Fixtures.awaitCommitted(bs, positions, Duration.ofSeconds(120));

    // 1. still RUNNING, on the threads it started with (no thread died and was replaced)
    assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    assertThat(threadNames()).isEqualTo(threadsBefore);

    // 2. every bad record dead-lettered, with its reason
    List<ConsumerRecord<String, byte[]>> dlq = Fixtures.readAll(bs, Topics.ARTICLES_DLQ);
    Map<String, Integer> reasons = new TreeMap<>();
    dlq.forEach(
        r ->
            reasons.merge(
                String.valueOf(DlqHeaders.get(r.headers(), DlqHeaders.REASON)), 1, Integer::sum));
    System.out.printf(
        "FIGURES poison: good=%d bad=%d kinds=%d dlq=%d reasons=%s sentKinds=%s%n",
        GOOD, sent.badCount(), sent.kinds.size(), dlq.size(), reasons, sent.kinds);
    assertThat(reasons).isEqualTo(sent.expectedReasons);
    assertThat(dlq)
        .allSatisfy(
            r -> {
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.TOPIC))
                  .isIn(Topics.ARTICLES, Topics.ARTICLES_TEXT);
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.OFFSET)).isNotNull();
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.MESSAGE)).isNotBlank();
            });
    assertThat(
            dlq.stream()
                .filter(r -> "too-large".equals(DlqHeaders.get(r.headers(), DlqHeaders.REASON))))
        .as("5 MB records dead-lettered whole")
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.value().length).isGreaterThan(FIVE_MB));
    Set<String> goodIds =
        good.stream().map(ArticleGenerator.Generated::id).collect(Collectors.toSet());
    assertThat(dlq).noneMatch(r -> r.key() != null && goodIds.contains(r.key()));

    // 3. every good record processed exactly once; the absurd-year articles as the extractor reads
    // them
    Map<String, String> expected = new HashMap<>(reference.eventIds());
    MetricEventFactory factory = new MetricEventFactory(Clock.systemUTC());
    Extractor extractor = Extractor.createDefault();
    for (Article a : absurd) {
      for (Observation o : extractor.extract(a)) {
        factory.create(a, o, Instant.now()).ifPresent(e -> expected.put(e.getEventId(), a.getId()));
      }
    }
    Set<String> ids = out.stream().map(MetricEvent::getEventId).collect(Collectors.toSet());
    assertThat(out).as("no duplicates").hasSize(ids.size());
    assertThat(ids).isEqualTo(expected.keySet());
    assertThat(answers(base, reference)).isEqualTo(expectedAnswers(reference));

    // 4. no absurd date anywhere: not on metric-events, not in any store
    Instant now = Instant.now();
    assertThat(out)
        .allSatisfy(
            e -> {
              assertThat(e.getObservedAt()).isBetween(Instant.EPOCH, now);
              assertThat(e.getPeriod()).doesNotStartWith("2200").doesNotStartWith("1900");
            });
    int stored = 0;
    for (JsonNode region : get(base, "/api/regions").json().get("regions")) {
      String name = region.get("region").asText();
      JsonNode indicators =
          get(base, "/api/regions/" + enc(name) + "/indicators").json().get("indicators");
      for (JsonNode latest : indicators) {
        stored++;
        String indicator = latest.get("indicator").asText();
        JsonNode history =
            get(base, "/api/indicators/" + enc(name) + "/" + enc(indicator) + "/history")
                .json()
                .get("values");
        for (JsonNode v : history) {
          int year = Integer.parseInt(v.get("period").asText().substring(0, 4));
          assertThat(year)
              .as(name + "/" + indicator)
              .isBetween(1970, now.atZone(java.time.ZoneOffset.UTC).getYear());
          assertThat(Instant.parse(v.get("observedAt").asText())).isBetween(Instant.EPOCH, now);
        }
      }
    }
    assertThat(stored)
        .isEqualTo(
            reference.history().size()
                + (int)
                    out.stream()
                        .filter(e -> e.getRegion().equals("承德"))
                        .map(e -> e.getIndicator())
                        .distinct()
                        .count());
  }

  static Set<String> threadNames() {
    return app.streams().metadataForLocalThreads().stream()
        .map(ThreadMetadata::threadName)
        .collect(Collectors.toSet());
  }
}
