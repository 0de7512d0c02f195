package com.regionalmetrics.reliability;

import static com.regionalmetrics.reliability.Fixtures.answers;
import static com.regionalmetrics.reliability.Fixtures.expectedAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.KafkaAvroSerializer;
import com.regionalmetrics.serde.SchemaRegistryServer;
import com.regionalmetrics.topology.Topics;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, fault 3, on a real broker: the broker is stopped mid-stream and restarted on the same
 * data and port; then the Schema Registry is down for 30 s, during which producers write with a
 * schema version the app has never seen (so the app must ask the registry, and cannot). Nothing may
 * be lost, doubled or dead-lettered: a registry outage is retried, not bad input.
 */
class OutageIT {
  static final int BATCH = 1_000;
  static final Duration BROKER_DOWN = Duration.ofSeconds(10);
  static final Duration REGISTRY_DOWN = Duration.ofSeconds(30);

  /** First batch pace: ~20 s for BATCH articles, so the broker stop lands inside it. */
  static final Duration PACE = Duration.ofMillis(20);

  @TempDir static Path root;
  static int brokerPort;
  static int registryPort;
  static EmbeddedKafkaBroker broker;
  static InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
  static SchemaRegistryServer registry;
  static RegionalMetricsApp app;

  @BeforeAll
  static void start() throws Exception {
    brokerPort = portWithControllerPort();
    registryPort = Fixtures.freePort();
    broker = startBroker();
    registry = new SchemaRegistryServer(schemas).start("127.0.0.1", registryPort);
    app = startApp();
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry, app);
  }

  /**
   * A free port whose +1000 (the embedded controller's) is free too, for restarts on the same
   * ports.
   */
  static int portWithControllerPort() throws Exception {
    for (int i = 0; i < 50; i++) {
      int p = Fixtures.freePort();
      if (p + 1000 < 65536) {
        try (ServerSocket s = new ServerSocket(p + 1000)) {
          return p;
        } catch (Exception busy) {
          // try another
        }
      }
    }
    throw new IllegalStateException("no port pair");
  }

  static EmbeddedKafkaBroker startBroker() {
    return EmbeddedKafkaBroker.start(root.resolve("broker"), "127.0.0.1", brokerPort, Map.of());
  }

  static String bootstrap() {
    return "127.0.0.1:" + brokerPort;
  }

  static String registryUrl() {
    return "http://127.0.0.1:" + registryPort;
  }

  static RegionalMetricsApp startApp() throws Exception {
    return TestApps.against(bootstrap(), registryUrl(), root.resolve("app"));
  }

  static long committedEvents() {
    return Fixtures.readAll(bootstrap(), Topics.METRIC_EVENTS).size();
  }

  @SuppressWarnings("unchecked")
  static ProducerRecord<String, Article>[] records(List<ArticleGenerator.Generated> articles) {
    return articles.stream()
        .map(g -> new ProducerRecord<>(Topics.ARTICLES, g.id(), g.article()))
        .toArray(ProducerRecord[]::new);
  }

  /** Connections the app's Kafka clients have opened so far (grows when they reconnect). */
  static long clientConnections(RegionalMetricsApp app) {
    return app.streams().metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("connection-creation-total"))
        .mapToLong(e -> ((Number) e.getValue().metricValue()).longValue())
        .sum();
  }

  /** Article as a producer with a newer schema version (one more optional field) writes it. */
  static GenericRecord evolved(Schema schema, Article a) {
    GenericRecord r = new GenericData.Record(schema);
    for (Schema.Field f : Article.getClassSchema().getFields()) {
      r.put(
          f.name(),
          a.get(f.name()) instanceof java.time.Instant i ? i.toEpochMilli() : a.get(f.name()));
    }
    r.put("language", "zh-CN");
    return r;
  }

  static Schema evolvedArticleSchema() {
    Schema current = Article.getClassSchema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : current.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(
        new Schema.Field(
            "language",
            SchemaBuilder.unionOf().nullType().and().stringType().endUnion(),
            "added by a newer producer",
            Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(
        current.getName(), current.getDoc(), current.getNamespace(), false, fields);
  }

  @Test
  void brokerRestartAndRegistryOutageLoseNothingDoubleNothing() throws Exception {
    List<ArticleGenerator.Generated> all = ArticleGenerator.generate(3 * BATCH, 33L, "outage");
    Fixtures.Reference reference = Fixtures.Reference.of(all);
    var serde = new com.regionalmetrics.serde.SpecificAvroSerde<Article>(schemas);
    serde.configure(Map.of("schema.registry.url", "unused"), false);
    Map<String, Object> producerProps =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            120_000);

    // 1. the broker goes away mid-stream and comes back on the same data and port. The first
    //    batch is sent at a steady pace by a background producer that goes on across the stop, so
    //    the stop lands while the app is mid-batch and records are sent while the broker is down.
    long reconnectsBefore = clientConnections(app);
    ProducerRecord<String, Article>[] firstBatch = records(all.subList(0, BATCH));
    PacedProducer paced = PacedProducer.start(producerProps, serde, firstBatch, PACE);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> committedEvents() >= 100);
    long eventsAtBrokerStop = committedEvents();
    int sentAtBrokerStop = paced.sent();
    long t0 = System.nanoTime();
    broker.close();
    Thread.sleep(BROKER_DOWN.toMillis());
    int sentWhileDown = paced.sent() - sentAtBrokerStop;
    broker = startBroker();
    long brokerBackMs = (System.nanoTime() - t0) / 1_000_000;
    paced.awaitDelivered(Duration.ofSeconds(120));
    try (var producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), serde.serializer())) {
      for (ArticleGenerator.Generated g : all.subList(BATCH, 2 * BATCH)) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, g.id(), g.article()));
      }
      producer.flush();
    }
    long t1 = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> committedEvents() >= 2 * BATCH);
    long brokerRecoveryMs = brokerBackMs + (System.nanoTime() - t1) / 1_000_000;
    long firstBatchEvents = reference.eventCount(all.subList(0, BATCH));
    assertThat(sentAtBrokerStop)
        .as("the broker stopped before the first batch was all sent")
        .isLessThan(BATCH);
    assertThat(eventsAtBrokerStop)
        .as("the broker stopped while the app was mid-batch")
        .isGreaterThan(0)
        .isLessThan(firstBatchEvents);
    assertThat(sentWhileDown).as("records were sent while the broker was down").isPositive();
    assertThat(clientConnections(app) - reconnectsBefore)
        .as("the app's clients reconnected to the restarted broker")
        .isPositive();
    assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);

    // 2. the registry goes away for 30 s; meanwhile a producer writes with a schema version the
    //    app has never seen
    Schema v2 = evolvedArticleSchema();
    schemas.register(
        KafkaAvroSerializer.subjectName(Topics.ARTICLES, false), v2); // before the outage
    registry.close();
    long outageStart = System.nanoTime();
    KafkaAvroSerializer writerV2 = new KafkaAvroSerializer(schemas);
    writerV2.configure(Map.of("schema.registry.url", "unused"), false);
    try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), writerV2)) {
      for (ArticleGenerator.Generated g : all.subList(2 * BATCH, 3 * BATCH)) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, g.id(), evolved(v2, g.article())));
      }
      producer.flush();
    }
    long remaining = REGISTRY_DOWN.toMillis() - (System.nanoTime() - outageStart) / 1_000_000;
    Thread.sleep(Math.max(0, remaining));
    long eventsDuringOutage = committedEvents();
    long dlqDuringOutage = Fixtures.readAll(bootstrap(), Topics.ARTICLES_DLQ).size();
    registry = new SchemaRegistryServer(schemas).start("127.0.0.1", registryPort);
    long t2 = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> committedEvents() >= 3 * BATCH);
    long registryRecoveryMs = (System.nanoTime() - t2) / 1_000_000;

    // exact: every event once, nothing dead-lettered, the stores answer the reference
    Fixtures.awaitCommitted(
        bootstrap(), Fixtures.endOffsets(bootstrap(), Topics.ARTICLES), Duration.ofSeconds(120));
    Map<TopicPartition, Long> positions = new HashMap<>();
    List<MetricEvent> events =
        Fixtures.decodeEvents(
            Fixtures.readAll(bootstrap(), Topics.METRIC_EVENTS, positions), registryUrl());
    Set<String> ids = events.stream().map(MetricEvent::getEventId).collect(Collectors.toSet());
    Set<String> missing = new HashSet<>(reference.eventIds().keySet());
    missing.removeAll(ids);
    long dlq = Fixtures.readAll(bootstrap(), Topics.ARTICLES_DLQ).size();
    System.out.printf(
        "FIGURES outage: articles=%d eventsAtBrokerStop=%d brokerDownMs=%d brokerStopToAllCaughtUpMs=%d"
            + " registryDownMs=%d eventsWhileRegistryDown=%d dlqWhileRegistryDown=%d registryBackToCaughtUpMs=%d"
            + " events=%d distinct=%d missing=%d dlq=%d%n",
        all.size(),
        eventsAtBrokerStop,
        BROKER_DOWN.toMillis(),
        brokerRecoveryMs,
        REGISTRY_DOWN.toMillis(),
        eventsDuringOutage,
        dlqDuringOutage,
        registryRecoveryMs,
        events.size(),
        ids.size(),
        missing.size(),
        dlq);
    assertThat(eventsDuringOutage)
        .as("nothing of the new-schema batch gets through without the registry")
        .isEqualTo(2L * BATCH);
    assertThat(dlqDuringOutage).as("an outage is not bad input").isZero();
    assertThat(events).as("no duplicates").hasSize(ids.size());
    assertThat(missing).as("lost").isEmpty();
    assertThat(ids).isEqualTo(reference.eventIds().keySet());
    assertThat(dlq).isZero();
    Fixtures.awaitCommitted(bootstrap(), positions, Duration.ofSeconds(120));
    assertThat(answers("http://127.0.0.1:" + app.httpPort(), reference))
        .isEqualTo(expectedAnswers(reference));
    assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
  }
}
