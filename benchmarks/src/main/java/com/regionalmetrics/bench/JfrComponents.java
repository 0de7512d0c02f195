package com.regionalmetrics.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The stream threads' CPU samples of a JFR recording of the app, by pipeline component: what
 * BENCHMARKS.md's per-article table multiplies with the stream threads' CPU per article. A sample
 * belongs to the first component (in the order below) with a matching frame anywhere in its stack,
 * so serialization called from a store put counts as serialization, not as the store.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.regionalmetrics.bench.JfrComponents app.jfr [seconds]
 * </pre>
 *
 * With {@code seconds}, only the last that many seconds before the stream threads went idle count
 * (the measured backlog, not the warm-up before it).
 */
public final class JfrComponents {

  /** A component: samples whose stack has a frame containing each part of one of the patterns. */
  private record Component(String name, List<String> patterns) {
    boolean matches(List<String> frames) {
      for (String pattern : patterns) {
        boolean all = true;
        for (String part : pattern.split("\\+")) {
          all &= frames.stream().anyMatch(f -> f.contains(part));
        }
        if (all) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<Component> COMPONENTS =
      List.of(
          c("hop: Article serialization (normalize)", "TextArticleNormalizer+KafkaAvroSerializer"),
          c("hop: text decoding, Article building (normalize)", "TextArticleNormalizer"),
          c("hop: Article deserialization (extract)", "ExtractProcessor+KafkaAvroDeserializer"),
          c("hop: content digest (extract)", "ArticleIds.digest"),
          c("extraction", "com.regionalmetrics.extract."),
          c("event creation", "MetricEventFactory"),
          c("Avro ser: events, article state (extract)", "ExtractProcessor+KafkaAvroSerializer"),
          c("Avro ser: claims (index)", "ClaimsIndexProcessor.updateClaims+KafkaAvroSerializer"),
          c("Avro ser: latest, changes (index)", "ClaimsIndexProcessor+KafkaAvroSerializer"),
          c("Avro ser: other", "KafkaAvroSerializer", "DatumWriter"),
          c("Avro deser (index)", "KafkaAvroDeserializer", "DatumReader", "FastReaderBuilder"),
          c("RocksDB range", "RocksDBStore.range", "RocksDBStore.reverseRange", "RocksDbIterator"),
          c("RocksDB get", "RocksDBStore.get", "RocksDB.get"),
          c("RocksDB put", "RocksDBStore.put", "RocksDBStore.delete", "RocksDB.put", "WriteBatch"),
          c("changelog + sink sends", "RecordCollectorImpl.send", "KafkaProducer.send"),
          c(
              "commit / transactions",
              "TaskExecutor.commit",
              "TaskManager.commit",
              "StreamsProducer.commit",
              "commitTransaction"),
          c("poll", "StreamThread.pollRequests", "KafkaConsumer.poll", "addRecordsToTasks"),
          c("index logic", "ClaimsIndexProcessor", "ClaimResolution", "ClaimKeys"),
          c("extract logic", "ExtractProcessor"),
          c("Kafka Streams, other", "org.apache.kafka.streams"));

  private static Component c(String name, String... patterns) {
    return new Component(name, List.of(patterns));
  }

  private JfrComponents() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: JfrComponents <recording.jfr> [last-seconds]");
      System.exit(2);
    }
    List<Sample> samples = streamThreadSamples(Path.of(args[0]));
    if (args.length > 1 && !samples.isEmpty()) {
      samples = lastBusySeconds(samples, Integer.parseInt(args[1]));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    COMPONENTS.forEach(c -> counts.put(c.name(), 0));
    counts.put("other", 0);
    for (Sample s : samples) {
      String name =
          COMPONENTS.stream()
              .filter(c -> c.matches(s.frames()))
              .map(Component::name)
              .findFirst()
              .orElse("other");
      counts.merge(name, 1, Integer::sum);
    }
    int total = samples.size();
    System.out.printf(
        "%d stream-thread samples%s%n",
        total,
        total == 0
            ? ""
            : " from " + samples.get(0).time() + " to " + samples.get(total - 1).time());
    counts.forEach(
        (name, n) ->
            System.out.printf(Locale.ROOT, "%6.1f %%  %6d  %s%n", 100.0 * n / total, n, name));
  }

  private record Sample(Instant time, List<String> frames) {}

  private static List<Sample> streamThreadSamples(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>();
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        var thread = e.getThread("sampledThread");
        RecordedStackTrace stack = e.getStackTrace();
        if (thread == null || stack == null || !thread.getJavaName().contains("StreamThread")) {
          continue;
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : stack.getFrames()) {
          frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        samples.add(new Sample(e.getStartTime(), frames));
      }
    }
    samples.sort((a, b) -> a.time().compareTo(b.time()));
    return samples;
  }

  /**
   * The samples of the last {@code seconds} before the stream threads went idle: the end is the
   * last second with more than a handful of samples (an idle thread is sampled now and then).
   */
  private static List<Sample> lastBusySeconds(List<Sample> samples, int seconds) {
    TreeMap<Long, Integer> perSecond = new TreeMap<>();
    samples.forEach(s -> perSecond.merge(s.time().getEpochSecond(), 1, Integer::sum));
    long end =
        perSecond.descendingMap().entrySet().stream()
            .filter(e -> e.getValue() > 2)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(perSecond.lastKey());
    Instant to = Instant.ofEpochSecond(end + 1);
    Instant from = to.minusSeconds(seconds);
    return samples.stream().filter(s -> !s.time().isBefore(from) && s.time().isBefore(to)).toList();
  }
}
