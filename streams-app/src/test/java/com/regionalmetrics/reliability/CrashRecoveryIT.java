package com.regionalmetrics.reliability;

import static com.regionalmetrics.reliability.Fixtures.answers;
import static com.regionalmetrics.reliability.Fixtures.expectedAnswers;
import static com.regionalmetrics.reliability.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.embedded.EmbeddedSchemaRegistry;
import com.regionalmetrics.topology.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, faults 1 and 4. The app runs as a separate JVM against a real KRaft broker; 10,000
 * generated articles flow in; the process is killed with SIGKILL mid-stream and restarted on the
 * same data directory. Then the state directory is deleted between two runs. Both times the
 * read_committed metric events and the HTTP answers must equal a reference computed here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {
  static final int ARTICLES = 10_000;

  /** Settings for the child process: a dead member leaves the group after 6 s, not 45 s. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "session.timeout.ms",
          "6000",
          "heartbeat.interval.ms",
          "1000",
          // send records as they come instead of at the commit's flush, so that a transaction has
          // records on the broker while it is open and the kill can land inside one
          "producer.linger.ms",
          "0",
          "producer.batch.size",
          "4096");

  @TempDir static Path root;
  static EmbeddedKafkaBroker broker;
  static EmbeddedSchemaRegistry registry;
  static List<ArticleGenerator.Generated> articles;
  static Fixtures.Reference reference;
  static Path appData;
  static Path log;
  static int httpPort;
  static String base;
  static Process app;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(root.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = EmbeddedSchemaRegistry.start(root.resolve("registry"), "127.0.0.1", 0);
    articles = ArticleGenerator.generate(ARTICLES, 20261129L, "crash");
    reference = Fixtures.Reference.of(articles);
    appData = root.resolve("app");
    Path logs = Path.of("target", "reliability");
    Files.createDirectories(logs);
    log = logs.resolve("CrashRecoveryIT-app.log");
    Files.deleteIfExists(log);
    httpPort = Fixtures.freePort();
    base = "http://127.0.0.1:" + httpPort;
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null && app.isAlive()) {
      app.destroyForcibly().waitFor();
    }
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  static long startAndAwaitReady() throws Exception {
    long t0 = System.nanoTime();
    app =
        Fixtures.startAppProcess(
            appData, broker.bootstrapServers(), registry.url(), httpPort, SETTINGS, log);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              assertThat(app.isAlive()).as("app process alive (see " + log + ")").isTrue();
              try {
                return get(base, "/ready?caughtUp=true").status() == 200;
              } catch (java.io.UncheckedIOException e) {
                return false; // not listening yet
              }
            });
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  @Order(1)
  void killMinus9MidStreamLosesNothingAndDoublesNothing() throws Exception {
    long firstStartMs = startAndAwaitReady();
    try (KafkaProducer<String, Article> producer =
        Fixtures.articleProducer(broker.bootstrapServers(), registry.url())) {
      for (ArticleGenerator.Generated g : articles) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, g.id(), g.article()));
      }
      producer.flush();
    }

    // watch committed output grow; kill -9 once about a quarter is out
    try (var consumer =
        new KafkaConsumer<>(
            Fixtures.consumerProps(broker.bootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      var parts =
          consumer.partitionsFor(Topics.METRIC_EVENTS).stream()
              .map(p -> new TopicPartition(Topics.METRIC_EVENTS, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long seen = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (seen < ARTICLES / 4) {
        assertThat(System.nanoTime())
            .as("output did not reach a quarter in time (see " + log + ")")
            .isLessThan(deadline);
        seen += consumer.poll(Duration.ofMillis(20)).count();
      }
      // kill while a transaction has records on the broker (high watermark above the last stable
      // offset)
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < until
          && sum(Fixtures.uncommittedEndOffsets(broker.bootstrapServers(), Topics.METRIC_EVENTS))
              <= sum(Fixtures.endOffsets(broker.bootstrapServers(), Topics.METRIC_EVENTS))) {
        Thread.sleep(2);
      }
      app.destroyForcibly(); // SIGKILL: no shutdown hook, open transaction left behind
      app.waitFor();
    }
    assertThat(app.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    // what the job had committed when it died, and whether a transaction was open: the last
    // stable offset (read_committed end) stops below the high watermark while one is
    long committedAtKill =
        sum(Fixtures.endOffsets(broker.bootstrapServers(), Topics.METRIC_EVENTS));
    long writtenAtKill =
        sum(Fixtures.uncommittedEndOffsets(broker.bootstrapServers(), Topics.METRIC_EVENTS));
    System.out.printf(
        "FIGURES crash: at the kill, last stable offsets sum to %d, high watermarks to %d%n",
        committedAtKill, writtenAtKill);
    assertThat(writtenAtKill)
        .as("a transaction was open when the process died: written beyond the last stable offset")
        .isGreaterThan(committedAtKill);
    assertThat(committedAtKill)
        .as("killed before the job had committed every event (log offsets, markers included)")
        .isLessThan(ARTICLES);

    long restartMs = startAndAwaitReady();
    long t0 = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Fixtures.readAll(broker.bootstrapServers(), Topics.METRIC_EVENTS).size()
                    >= ARTICLES);
    long catchUpMs = (System.nanoTime() - t0) / 1_000_000;

    // the app's input is fully consumed: give it the chance to write anything extra, then count
    Fixtures.awaitCommitted(
        broker.bootstrapServers(),
        Fixtures.endOffsets(broker.bootstrapServers(), Topics.ARTICLES),
        Duration.ofSeconds(120));
    Map<TopicPartition, Long> positions = new HashMap<>();
    List<MetricEvent> events =
        Fixtures.decodeEvents(
            Fixtures.readAll(broker.bootstrapServers(), Topics.METRIC_EVENTS, positions),
            registry.url());
    Set<String> ids = new HashSet<>();
    long duplicates = events.stream().filter(e -> !ids.add(e.getEventId())).count();
    Set<String> missing = new HashSet<>(reference.eventIds().keySet());
    missing.removeAll(ids);
    Set<String> unexpected = new HashSet<>(ids);
    unexpected.removeAll(reference.eventIds().keySet());
    System.out.printf(
        "FIGURES crash: articles=%d committedAtKill=%d firstStartMs=%d restartReadyMs=%d catchUpAfterReadyMs=%d"
            + " events=%d distinct=%d duplicates=%d missing=%d unexpected=%d%n",
        ARTICLES,
        committedAtKill,
        firstStartMs,
        restartMs,
        catchUpMs,
        events.size(),
        ids.size(),
        duplicates,
        missing.size(),
        unexpected.size());
    assertThat(duplicates).as("duplicated events").isZero();
    assertThat(missing).as("lost events").isEmpty();
    assertThat(unexpected).as("events nobody expected").isEmpty();
    assertThat(events).hasSize(ARTICLES);
    long readUncommitted =
        Fixtures.readAllUncommitted(broker.bootstrapServers(), Topics.METRIC_EVENTS);
    System.out.printf(
        "FIGURES crash: records read_uncommitted=%d read_committed=%d (aborted=%d)%n",
        readUncommitted, events.size(), readUncommitted - events.size());
    assertThat(readUncommitted)
        .as("the open transaction was aborted: its records are in the log but not committed")
        .isGreaterThan(events.size());
    assertThat(Fixtures.readAll(broker.bootstrapServers(), Topics.ARTICLES_DLQ))
        .as("dead letters")
        .isEmpty();

    // the stores: once the index has consumed every committed event, they answer the reference
    Fixtures.awaitCommitted(broker.bootstrapServers(), positions, Duration.ofSeconds(120));
    Map<String, String> expected = expectedAnswers(reference);
    assertThat(expected).hasSize(reference.history().size());
    assertThat(answers(base, reference)).isEqualTo(expected);
  }

  @Test
  @Order(2)
  void deletedStateDirectoryIsRestoredFromChangelogs() throws Exception {
    Map<String, String> before = answers(base, reference);
    assertThat(before).isEqualTo(expectedAnswers(reference));
    long eventsBefore = Fixtures.readAll(broker.bootstrapServers(), Topics.METRIC_EVENTS).size();

    app.destroy(); // SIGTERM: orderly shutdown
    assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(app.exitValue()).as("exit status after SIGTERM (128 + 15)").isEqualTo(143);
    Path state = appData.resolve("streams");
    assertThat(state).isDirectory();
    try (Stream<Path> files = Files.walk(state)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(state).doesNotExist();

    long restoreMs = startAndAwaitReady(); // RUNNING only after the active tasks restored
    Map<String, String> after = answers(base, reference);
    // settle: the restored job has committed its position on every input and had time to write
    Fixtures.awaitCommitted(
        broker.bootstrapServers(),
        Fixtures.endOffsets(broker.bootstrapServers(), Topics.ARTICLES),
        Duration.ofSeconds(60));
    Thread.sleep(3_000);
    long eventsAfter = Fixtures.readAll(broker.bootstrapServers(), Topics.METRIC_EVENTS).size();
    long differing =
        before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
    System.out.printf(
        "FIGURES state-loss: keys=%d restartToReadyMs=%d differingKeys=%d eventsBefore=%d eventsAfter=%d%n",
        before.size(), restoreMs, differing, eventsBefore, eventsAfter);
    assertThat(state).isDirectory();
    assertThat(after).isEqualTo(before);
    assertThat(eventsAfter).as("restoring reprocesses nothing").isEqualTo(eventsBefore);
  }
}
