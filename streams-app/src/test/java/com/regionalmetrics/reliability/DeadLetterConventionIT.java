package com.regionalmetrics.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.embedded.EmbeddedSchemaRegistry;
import com.regionalmetrics.topology.DlqHeaders;
import com.regionalmetrics.topology.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dead-letter header convention on a real broker: records the topology rejects itself (on
 * articles-text) and records Kafka Streams' deserialization handler dead-letters (corrupt records
 * on metric-events) both carry the project's dlq.* reason headers and Kafka's __streams.errors.*
 * headers, and the DLQ metric counts both.
 */
class DeadLetterConventionIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path root;
  static EmbeddedKafkaBroker broker;
  static EmbeddedSchemaRegistry registry;
  static RegionalMetricsApp app;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(root.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = EmbeddedSchemaRegistry.start(root.resolve("registry"), "127.0.0.1", 0);
    app = TestApps.against(broker.bootstrapServers(), registry.url(), root.resolve("app"));
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry, app);
  }

  @Test
  void ownAndHandlerDeadLettersCarryBothConventionsAndAreAllCounted() throws Exception {
    Map<String, Integer> expected = new TreeMap<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 7; i++) {
        // the handler's: metric-events is read with the Avro deserializer, which throws on these
        producer.send(
            new ProducerRecord<>(
                Topics.METRIC_EVENTS, utf8("k" + i), utf8("{not avro " + i + "}")));
        expected.merge("bad-magic-byte", 1, Integer::sum);
        producer.send(
            new ProducerRecord<>(
                Topics.METRIC_EVENTS, utf8("u" + i), new byte[] {0, 0, 0, 0x7f, (byte) i, 2, 4}));
        expected.merge("unknown-schema-id", 1, Integer::sum);
        // the topology's own: a check rejects an empty text
        producer.send(new ProducerRecord<>(Topics.ARTICLES_TEXT, utf8("e" + i), utf8("  ")));
        expected.merge("empty-text", 1, Integer::sum);
      }
      producer.flush();
    }
    int total = expected.values().stream().mapToInt(Integer::intValue).sum();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> Fixtures.readAll(broker.bootstrapServers(), Topics.ARTICLES_DLQ).size() >= total);
    List<ConsumerRecord<String, byte[]>> dlq =
        Fixtures.readAll(broker.bootstrapServers(), Topics.ARTICLES_DLQ);

    Map<String, Integer> reasons = new TreeMap<>();
    dlq.forEach(
        r -> reasons.merge(DlqHeaders.get(r.headers(), DlqHeaders.REASON), 1, Integer::sum));
    assertThat(reasons).isEqualTo(expected);
    assertThat(dlq)
        .allSatisfy(
            r -> {
              String topic = DlqHeaders.get(r.headers(), DlqHeaders.TOPIC);
              assertThat(topic).isIn(Topics.METRIC_EVENTS, Topics.ARTICLES_TEXT);
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.STREAMS_TOPIC)).isEqualTo(topic);
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.STREAMS_OFFSET))
                  .isEqualTo(DlqHeaders.get(r.headers(), DlqHeaders.OFFSET));
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.STREAMS_PARTITION))
                  .isEqualTo(DlqHeaders.get(r.headers(), DlqHeaders.PARTITION));
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.STREAMS_EXCEPTION)).isNotBlank();
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.STREAMS_STACKTRACE)).isNotBlank();
              assertThat(DlqHeaders.get(r.headers(), DlqHeaders.MESSAGE)).isNotBlank();
            });
    assertThat(
            dlq.stream()
                .filter(
                    r -> Topics.METRIC_EVENTS.equals(DlqHeaders.get(r.headers(), DlqHeaders.TOPIC)))
                .map(r -> DlqHeaders.get(r.headers(), DlqHeaders.STREAMS_EXCEPTION))
                .distinct())
        .as("Kafka's handler names the deserializer's exception")
        .isNotEmpty()
        .noneMatch(e -> e.endsWith("RejectedRecordException"));

    // the DLQ metric counts the handler's dead letters with the topology's, by reason
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.httpPort() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Integer> counted = new TreeMap<>();
    Matcher m =
        Pattern.compile("regional_metrics_dlq_records_total\\{reason=\"([^\"]+)\"[^}]*} ([0-9.]+)")
            .matcher(metrics);
    while (m.find()) {
      counted.put(m.group(1), (int) Double.parseDouble(m.group(2)));
    }
    assertThat(counted).isEqualTo(expected);
    assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
