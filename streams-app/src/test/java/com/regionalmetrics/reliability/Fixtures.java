package com.regionalmetrics.reliability;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.serde.SpecificAvroSerde;
import com.regionalmetrics.testsupport.AppProcess;
import com.regionalmetrics.testsupport.Http;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Shared pieces of the reliability tests: processes, producers, exact readers, references, HTTP.
 */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String GROUP = "regional-metrics";

  private Fixtures() {}

  static int freePort() {
    return Http.freePort();
  }

  /** The app as a child process (see {@link AppProcess}). */
  static Process startAppProcess(
      Path dataDir,
      String bootstrap,
      String registryUrl,
      int httpPort,
      Map<String, String> settings,
      Path log)
      throws IOException {
    return AppProcess.start(dataDir, bootstrap, registryUrl, httpPort, settings, log);
  }

  static KafkaProducer<String, Article> articleProducer(String bootstrap, String registryUrl) {
    SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", registryUrl), false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            10,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            16 << 20),
        new StringSerializer(),
        serde.serializer());
  }

  static Map<String, Object> consumerProps(String bootstrap) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
    return p;
  }

  /** Every committed record of a topic, from the beginning up to the current end. */
  static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
    return readAll(bootstrap, topic, new HashMap<>());
  }

  /**
   * Every committed record from the beginning up to the end offsets of now; {@code positions}
   * receives the position reached per partition (read_committed: past any transaction marker).
   */
  static List<ConsumerRecord<String, byte[]>> readAll(
      String bootstrap, String topic, Map<TopicPartition, Long> positions) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            consumerProps(bootstrap), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts); // read_committed: the LSO
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(500)).forEach(out::add);
      }
      parts.forEach(p -> positions.put(p, consumer.position(p)));
    }
    return out;
  }

  static List<MetricEvent> decodeEvents(
      List<ConsumerRecord<String, byte[]>> records, String registryUrl) {
    SpecificAvroSerde<MetricEvent> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", registryUrl), false);
    return records.stream()
        .map(r -> serde.deserializer().deserialize(r.topic(), r.value()))
        .toList();
  }

  /** Waits until the app's group has committed at least the given offsets. */
  static void awaitCommitted(String bootstrap, Map<TopicPartition, Long> targets, Duration atMost) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return targets.entrySet().stream()
                    .allMatch(
                        t -> {
                          OffsetAndMetadata c = committed.get(t.getKey());
                          return t.getValue() == 0 || (c != null && c.offset() >= t.getValue());
                        });
              });
    }
  }

  /**
   * End offsets of a topic's partitions as a read_uncommitted reader sees them (the high
   * watermarks).
   */
  static Map<TopicPartition, Long> uncommittedEndOffsets(String bootstrap, String topic) {
    Map<String, Object> props = consumerProps(bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(parts);
    }
  }

  /**
   * How many records a read_uncommitted reader sees on a topic: committed and aborted ones alike.
   */
  static long readAllUncommitted(String bootstrap, String topic) {
    Map<String, Object> props = consumerProps(bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    long count = 0;
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end " + end);
        }
        count += consumer.poll(Duration.ofMillis(500)).count();
      }
    }
    return count;
  }

  /** End offsets (committed data only) of a topic's partitions. */
  static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      var parts =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
      Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
      parts.forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> out = new HashMap<>();
      // read_committed: the last stable offset (Admin's default would be the high watermark)
      admin
          .listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get()
          .forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the pipeline must produce from generated articles: event ids, latest and history per key.
   */
  record Reference(
      Map<String, String> eventIds,
      Map<String, ArticleGenerator.Generated> latest,
      Map<String, List<ArticleGenerator.Generated>> history) {

    static Reference of(List<ArticleGenerator.Generated> articles) {
      Extractor extractor = Extractor.createDefault();
      MetricEventFactory factory =
          new MetricEventFactory(
              Clock.fixed(ArticleGenerator.PUBLISHED.plusSeconds(86400), ZoneOffset.UTC));
      Map<String, String> ids = new HashMap<>();
      for (ArticleGenerator.Generated g : articles) {
        Article a = g.article();
        for (Observation o : extractor.extract(a)) {
          MetricEvent e = factory.create(a, o, ArticleGenerator.PUBLISHED).orElseThrow();
          if (ids.put(e.getEventId(), g.id()) != null) {
            throw new IllegalStateException("duplicate expected event id " + e.getEventId());
          }
        }
      }
      Map<String, List<ArticleGenerator.Generated>> history =
          articles.stream()
              .collect(
                  Collectors.groupingBy(
                      ArticleGenerator.Generated::key, TreeMap::new, Collectors.toList()));
      history
          .values()
          .forEach(l -> l.sort(Comparator.comparingInt(ArticleGenerator.Generated::year)));
      Map<String, ArticleGenerator.Generated> latest = new TreeMap<>();
      history.forEach((k, l) -> latest.put(k, l.get(l.size() - 1)));
      return new Reference(ids, latest, history);
    }

    /** How many events these articles (a subset of the reference's) must produce. */
    long eventCount(List<ArticleGenerator.Generated> articles) {
      var articleIds =
          articles.stream().map(ArticleGenerator.Generated::id).collect(Collectors.toSet());
      return eventIds.values().stream().filter(articleIds::contains).count();
    }
  }

  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  static Reply get(String base, String path) {
    HttpResponse<String> r = Http.at(base).get(path);
    return new Reply(r.statusCode(), r.body());
  }

  static String enc(String s) {
    return Http.enc(s);
  }

  /**
   * The answers the API gives for every key of the reference: latest value and period, and the
   * history as value@period lines. Compared as text so a mismatch shows exactly what differs.
   */
  static Map<String, String> answers(String base, Reference ref) {
    Map<String, String> out = new TreeMap<>();
    for (String key : ref.history().keySet()) {
      String[] rk = key.split("\\|");
      String path = "/api/indicators/" + enc(rk[0]) + "/" + enc(rk[1]);
      Reply latest = get(base, path);
      Reply history = get(base, path + "/history");
      StringBuilder s = new StringBuilder();
      if (latest.status() == 200) {
        JsonNode j = latest.json();
        s.append("latest=")
            .append(j.get("value").asDouble())
            .append('@')
            .append(j.get("period").asText());
      } else {
        s.append("latest=HTTP ").append(latest.status());
      }
      s.append(" history=");
      if (history.status() == 200) {
        history
            .json()
            .get("values")
            .forEach(
                v ->
                    s.append(v.get("value").asDouble())
                        .append('@')
                        .append(v.get("period").asText())
                        .append(','));
      } else {
        s.append("HTTP ").append(history.status());
      }
      out.put(key, s.toString());
    }
    return out;
  }

  /** The answers the reference says the API must give (same format as {@link #answers}). */
  static Map<String, String> expectedAnswers(Reference ref) {
    Map<String, String> out = new TreeMap<>();
    ref.history()
        .forEach(
            (key, list) -> {
              ArticleGenerator.Generated last = ref.latest().get(key);
              StringBuilder s =
                  new StringBuilder("latest=")
                      .append(last.value())
                      .append('@')
                      .append(last.year())
                      .append(" history=");
              list.forEach(g -> s.append(g.value()).append('@').append(g.year()).append(','));
              out.put(key, s.toString());
            });
    return out;
  }
}
