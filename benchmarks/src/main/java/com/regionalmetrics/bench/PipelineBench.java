package com.regionalmetrics.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Pipeline throughput against a running app (its broker at --bootstrap-servers):
 *
 * <ol>
 *   <li>pipeline: produce N short articles to {@code articles-text} (plain text, "published"
 *       header) and time, from the first send, until a read_committed consumer of
 *       {@code metric-events} has seen the expected 2 events per article (each article names
 *       one city and two indicators);
 *   <li>bound "consume": a plain read_committed consumer reading the same N records from
 *       {@code articles-text};
 *   <li>bound "round trip": the same N records produced to a scratch topic with as many
 *       partitions while a consumer reads them back, timed to the last one read.
 * </ol>
 *
 * Prints the figures and the ratios pipeline ÷ bound, as Markdown. Not a test: nothing is
 * asserted.
 */
public final class PipelineBench {
  private static final String ARTICLES_TEXT = "articles-text";
  private static final String METRIC_EVENTS = "metric-events";

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    String bootstrap = opts.getOrDefault("bootstrap-servers", "127.0.0.1:9092");
    int n = Integer.parseInt(opts.getOrDefault("articles", "20000"));
    Path gazetteer = Path.of(opts.getOrDefault("gazetteer", "streams-app/src/main/resources/regions/gazetteer.tsv"));
    Duration idle = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("idle-timeout", "60")));
    String runId = opts.getOrDefault("run-id", UUID.randomUUID().toString().substring(0, 8));

    List<byte[]> texts = articles(cities(gazetteer), n, 42);
    long bytes = texts.stream().mapToLong(t -> t.length).sum();

    // 1. pipeline
    Map<TopicPartition, Long> inputStart = endOffsets(bootstrap, ARTICLES_TEXT);
    long expected = 2L * n;
    long t0;
    long produced;
    long done;
    long events;
    try (KafkaConsumer<byte[], byte[]> out = consumer(bootstrap)) {
      List<TopicPartition> parts = partitions(out, METRIC_EVENTS);
      out.assign(parts);
      out.seekToEnd(parts);
      parts.forEach(out::position); // resolve the end offsets now, before producing
      t0 = System.nanoTime();
      produced = produce(bootstrap, ARTICLES_TEXT, texts, runId, true) - t0;
      events = 0;
      done = t0;
      long lastProgress = System.nanoTime();
      while (events < expected && System.nanoTime() - lastProgress < idle.toNanos()) {
        ConsumerRecords<byte[], byte[]> records = out.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          events += records.count();
          done = lastProgress = System.nanoTime();
        }
      }
    }
    double pipelineS = (done - t0) / 1e9;

    // 2. bound: consume the same records
    double consumeS = consume(bootstrap, inputStart, n);

    // 3. bound: produce + consume round trip through a scratch topic
    String scratch = "bench-roundtrip-" + runId;
    int partitions = inputStart.size();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(scratch, partitions, (short) 1))).all().get();
    }
    double roundTripS;
    try (KafkaConsumer<byte[], byte[]> back = consumer(bootstrap)) {
      List<TopicPartition> parts = partitions(back, scratch);
      back.assign(parts);
      back.seekToBeginning(parts);
      parts.forEach(back::position);
      long r0 = System.nanoTime();
      Thread producer = new Thread(() -> produce(bootstrap, scratch, texts, runId, false), "round-trip-producer");
      producer.start();
      long seen = 0;
      long last = r0;
      while (seen < n && System.nanoTime() - last < idle.toNanos()) {
        ConsumerRecords<byte[], byte[]> records = back.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          seen += records.count();
          last = System.nanoTime();
        }
      }
      producer.join();
      roundTripS = (last - r0) / 1e9;
    } finally {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        admin.deleteTopics(List.of(scratch)).all().get();
      }
    }

    double articlesPerS = n / pipelineS;
    System.out.printf(Locale.ROOT, "Pipeline: %d articles (%d bytes of text, avg %d B), %d partitions, run %s%n%n",
        n, bytes, bytes / n, partitions, runId);
    System.out.println("| measurement | records | seconds | records/s | pipeline articles/s ÷ this |");
    System.out.println("|---|---:|---:|---:|---:|");
    System.out.printf(Locale.ROOT, "| pipeline: articles in, produced → metric-events committed | %d articles | %.2f | %.0f articles/s | 1.00 |%n",
        n, pipelineS, articlesPerS);
    System.out.printf(Locale.ROOT, "| pipeline: metric-events out (%d expected%s) | %d events | %.2f | %.0f events/s | |%n",
        expected, events < expected ? ", INCOMPLETE" : "", events, pipelineS, events / pipelineS);
    System.out.printf(Locale.ROOT, "| (within it) producing the articles, acks=all | %d | %.2f | %.0f | |%n",
        n, produced / 1e9, n / (produced / 1e9));
    System.out.printf(Locale.ROOT, "| bound: read_committed consumer reads them from %s | %d | %.2f | %.0f | %.4f |%n",
        ARTICLES_TEXT, n, consumeS, n / consumeS, articlesPerS / (n / consumeS));
    System.out.printf(Locale.ROOT, "| bound: produce + consume round trip (scratch topic) | %d | %.2f | %.0f | %.4f |%n",
        n, roundTripS, n / roundTripS, articlesPerS / (n / roundTripS));
    if (events < expected) {
      System.exit(1);
    }
  }

  /** Sends every text, keyed by a run-unique id; returns System.nanoTime() once all are acknowledged. */
  private static long produce(String bootstrap, String topic, List<byte[]> texts, String runId, boolean headers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < texts.size(); i++) {
        byte[] key = ("bench-" + runId + "-" + i).getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, key, texts.get(i));
        if (headers) {
          r.headers().add("published", "2025-03-10".getBytes(StandardCharsets.UTF_8));
        }
        producer.send(r);
      }
      producer.flush();
      return System.nanoTime();
    }
  }

  /** Seconds a fresh consumer takes to read n records from the given start offsets. */
  private static double consume(String bootstrap, Map<TopicPartition, Long> from, int n) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      c.assign(from.keySet());
      from.forEach(c::seek);
      long t0 = System.nanoTime();
      long seen = 0;
      long last = t0;
      while (seen < n && System.nanoTime() - last < 30_000_000_000L) {
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          seen += records.count();
          last = System.nanoTime();
        }
      }
      return (last - t0) / 1e9;
    }
  }

  private static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      return new HashMap<>(c.endOffsets(partitions(c, topic)));
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
    List<TopicPartition> parts = new ArrayList<>();
    for (PartitionInfo pi : c.partitionsFor(topic, Duration.ofSeconds(30))) {
      parts.add(new TopicPartition(topic, pi.partition()));
    }
    return parts;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  /** Prefecture names (full form, e.g. 张家口市) from the gazetteer. */
  private static List<String> cities(Path gazetteer) throws IOException {
    List<String> cities = new ArrayList<>();
    for (String line : Files.readAllLines(gazetteer, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (!line.startsWith("#") && f.length > 3 && f[3].equals("PREFECTURE")) {
        cities.add(f[2]);
      }
    }
    if (cities.isEmpty()) {
      throw new IllegalArgumentException("no prefectures in " + gazetteer);
    }
    return cities;
  }

  /** n articles, each naming one city and two indicators: 2 observations each. */
  static List<byte[]> articles(List<String> cities, int n, long seed) {
    Random random = new Random(seed);
    List<byte[]> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = "截至去年底，" + cities.get(i % cities.size()) + "数据中心项目达到" + (1 + random.nextInt(500))
          + "个，5G基站达到" + (100 + random.nextInt(90000)) + "个。";
      texts.add(text.getBytes(StandardCharsets.UTF_8));
    }
    return texts;
  }

  private PipelineBench() {}
}
