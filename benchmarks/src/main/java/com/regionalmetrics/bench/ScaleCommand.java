package com.regionalmetrics.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.Qualifier;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Gazetteer;
import com.regionalmetrics.extract.IndicatorCatalog;
import com.regionalmetrics.extract.Region;
import com.regionalmetrics.serde.SpecificAvroSerde;
import com.regionalmetrics.topology.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The stores at scale: a million (region, indicator) keys — every region of the gazetteer times
 * catalog indicators and their targets — written as metric events (the extraction stage is measured
 * by the pipeline benchmark), indexed by the app under a 512 MB heap; then the region listing and
 * query latency over them, state size on disk, and the time to restore them all from the changelogs
 * into an empty state directory.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = "A million keys: indexing, query latency, heap, disk, restore from changelogs.")
final class ScaleCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant END_2023 =
      Instant.parse("2023-12-31T15:59:59.999Z"); // end of 2023 in China
  private static final Instant END_2024 = Instant.parse("2024-12-31T15:59:59.999Z");

  @Mixin BenchOptions options;

  @Option(
      names = "--keys",
      defaultValue = "1000000",
      description = "Distinct (region, indicator) keys (default: ${DEFAULT-VALUE}).")
  int keyCount;

  @Option(
      names = "--query-keys",
      defaultValue = "100000",
      description = "Keys the query load cycles through (default: ${DEFAULT-VALUE}).")
  int queryKeys;

  @Option(
      names = "--check-keys",
      defaultValue = "2000",
      description = "Keys checked value by value after the restore (default: ${DEFAULT-VALUE}).")
  int checkKeys;

  private final Report report = new Report();

  @Override
  public Integer call() throws Exception {
    Path out = options.outDir("scale");
    report.heading("Scale benchmark, " + keyCount + " keys (" + options.machine() + ")");
    Keys keys = Keys.of(keyCount);
    boolean complete;
    try (BenchCluster cluster =
        BenchCluster.open(options.bootstrapServers, options.schemaRegistryUrl, options.workDir())) {
      AppProcess app = options.startApp(cluster, out, "app");
      app.awaitReady(Duration.ofSeconds(180));

      // 1. index a million keys (one in ten with an older version too): first send to last change
      // committed
      long changes = keyCount + (keyCount + 9) / 10;
      long appCpu0 = ProcStat.cpuNanos(app.pid());
      PipelineCommand.Timed load = load(cluster, keys, changes);
      complete = load.complete();
      long appCpu = ProcStat.cpuNanos(app.pid()) - appCpu0;
      long events = changes;
      report.table(
          "phase",
          "seconds",
          "records/s",
          "app heap used ≤",
          "app resident ≤",
          "app CPU µs per record");
      report.row(
          "index %d events → %d keys%s"
              .formatted(events, keyCount, load.complete() ? "" : " — INCOMPLETE: " + load.count()),
          Report.f1(load.seconds()),
          Report.f0(events / load.seconds()),
          Report.mib(app.peakHeap()),
          Report.mib(app.peakRss()),
          Report.f0(appCpu / 1e3 / events));

      // 2. the region listing over them, then query latency
      RegionListingTiming.run(report, app);
      app.resetPeaks();
      QueryLoad.run(report, app, out, options, QueryLoad.paths(keys.sample(queryKeys)));
      app.close();
      long stateBytes = app.stateBytes();

      // 3. restore: same application id and data directory, the state directory deleted
      BenchOptions.deleteTree(app.dataDir().resolve("streams"));
      long t0 = System.nanoTime();
      AppProcess restored = options.startApp(cluster, out, "app-restore", app.dataDir());
      double ready = restored.awaitReady(Duration.ofMinutes(30));
      int checked = awaitValues(restored, keys, checkKeys);
      double all = (System.nanoTime() - t0) / 1e9;
      report.line("");
      report.table(
          "restore from changelogs (state directory deleted)",
          "seconds",
          "keys/s",
          "app heap used ≤",
          "app resident ≤");
      report.row(
          "process start → /ready; %d sampled keys answer with their values".formatted(checked),
          Report.f1(all),
          Report.f0(keyCount / all),
          Report.mib(restored.peakHeap()),
          Report.mib(restored.peakRss()));
      report.line("(/ready after %.1f s.)", ready);
      restored.close();
      report.line("");
      report.line(
          "State on disk after a clean close: %s for %d keys (%d versions) = %s per million keys. App JVM: %s.",
          Report.mib(stateBytes),
          keyCount,
          events,
          Report.mib((long) (stateBytes / (double) keyCount * 1e6)),
          String.join(" ", options.appJvmOptions()));
    }
    report.print(out.resolve("summary.md"));
    return complete ? 0 : PipelineCommand.fail("the job lost events: see INCOMPLETE above");
  }

  private PipelineCommand.Timed load(BenchCluster cluster, Keys keys, long expectedChanges) {
    Map<TopicPartition, Long> from =
        KafkaIo.endOffsets(cluster.bootstrap(), Topics.INDICATOR_CHANGES);
    try (KafkaConsumer<byte[], byte[]> changes = KafkaIo.consumer(cluster.bootstrap());
        SpecificAvroSerde<MetricEvent> serde = new SpecificAvroSerde<>(MetricEvent.class)) {
      serde.configure(Map.of("schema.registry.url", cluster.registryUrl()), false);
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
      p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
      long t0 = System.nanoTime();
      try (KafkaProducer<String, MetricEvent> producer =
          new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
        for (int i = 0; i < keys.size(); i++) {
          if (i % 10
              == 0) { // an older version first: it is the newest when it arrives, so it is a change
            // too
            send(producer, keys.event(i, END_2023));
          }
          send(producer, keys.event(i, END_2024));
        }
      }
      var last = new java.util.concurrent.atomic.AtomicLong(t0);
      long seen =
          KafkaIo.read(
              changes,
              from,
              expectedChanges,
              Duration.ofSeconds(120),
              r -> last.set(System.nanoTime()));
      double seconds = (last.get() - t0) / 1e9; // the index emits a change after writing the stores
      return new PipelineCommand.Timed(seen, seconds, seconds, seen == expectedChanges);
    }
  }

  private static void send(KafkaProducer<String, MetricEvent> producer, MetricEvent e) {
    producer.send(
        new ProducerRecord<>(
            Topics.METRIC_EVENTS,
            null,
            e.getObservedAt().toEpochMilli(),
            MetricEventFactory.key(e.getRegion(), e.getIndicator()),
            e));
  }

  /** Polls sampled keys until each answers with its 2024 value; returns how many were checked. */
  private static int awaitValues(AppProcess app, Keys keys, int n) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int step = Math.max(1, keys.size() / n);
    int checked = 0;
    for (int i = 0; i < keys.size(); i += step) {
      MetricEvent expected = keys.event(i, END_2024);
      HttpRequest get = HttpRequest.newBuilder(URI.create(app.api() + keys.key(i).path())).build();
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (true) {
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200
            && JSON.readTree(r.body()).path("value").asDouble() == expected.getValue()) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "key " + keys.key(i) + " not restored: " + r.statusCode() + " " + r.body());
        }
        Thread.sleep(50);
      }
      checked++;
    }
    return checked;
  }

  /**
   * Key i: region i mod R of the gazetteer, indicator i div R (catalog indicators, then their
   * 2026–2030 targets).
   */
  record Keys(List<Region> regions, List<String[]> indicators, int size) {
    static Keys of(int size) {
      Map<String, Region> byName = new LinkedHashMap<>();
      Gazetteer.load().regions().forEach(r -> byName.putIfAbsent(r.name(), r));
      List<String[]> indicators = new ArrayList<>();
      List<IndicatorCatalog.Indicator> catalog = IndicatorCatalog.load().indicators();
      catalog.forEach(i -> indicators.add(new String[] {i.id(), i.label(), i.unit()}));
      for (int year = 2026; year <= 2030; year++) {
        for (IndicatorCatalog.Indicator i : catalog) {
          indicators.add(
              new String[] {i.id() + ".target_" + year, i.label() + year + "年目标", i.unit()});
        }
      }
      List<Region> regions = new ArrayList<>(byName.values());
      if ((long) regions.size() * indicators.size() < size) {
        throw new IllegalArgumentException(
            "at most " + regions.size() * indicators.size() + " keys");
      }
      return new Keys(regions, indicators, size);
    }

    QueryLoad.Key key(int i) {
      return new QueryLoad.Key(
          regions.get(i % regions.size()).name(),
          indicators.get(i / regions.size())[0],
          i % 10 == 0 ? "2023" : "2024");
    }

    List<QueryLoad.Key> sample(int n) {
      List<QueryLoad.Key> sample = new ArrayList<>();
      for (int i = 0; i < size; i += Math.max(1, size / n)) {
        sample.add(key(i));
      }
      return sample;
    }

    MetricEvent event(int i, Instant observedAt) {
      Region r = regions.get(i % regions.size());
      String[] ind = indicators.get(i / regions.size());
      boolean older = observedAt.equals(END_2023);
      double value = (i % 100_000) + (older ? 0.5 : 0.25);
      return MetricEvent.newBuilder()
          .setEventId(Integer.toHexString(i) + (older ? "-2023" : "-2024"))
          .setArticleId("scale-" + i / 1000)
          .setRegion(r.name())
          .setRegionCode(r.code())
          .setIndicator(ind[0])
          .setBaseIndicator(ind[0])
          .setIndicatorLabel(ind[1])
          .setValue(value)
          .setUnit(ind[2])
          .setRawText(value + ind[2])
          .setQualifier(Qualifier.EXACT)
          .setPeriod(older ? "2023" : "2024")
          .setObservedAt(observedAt)
          .setEvidence(r.name() + ind[1] + "为" + value + ind[2] + "。")
          .setPublishedAt(Instant.parse("2025-01-15T00:00:00Z"))
          .setParserVersion(Extractor.VERSION)
          .build();
    }
  }
}
