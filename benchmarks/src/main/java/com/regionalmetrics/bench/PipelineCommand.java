package com.regionalmetrics.bench;

import static com.regionalmetrics.bench.Report.f0;
import static com.regionalmetrics.bench.Report.f1;
import static com.regionalmetrics.bench.Report.f2;
import static com.regionalmetrics.bench.Report.f4;
import static com.regionalmetrics.bench.Report.mib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.article.PublishedDates;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.topology.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The pipeline benchmark: realistic generated articles through the whole job (exactly-once),
 * against bounds measured in the same run; then ingest-to-queryable latency at a steady offered
 * rate, interactive-query throughput and latency, and the app's memory and state on disk.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description =
        "Throughput, ingest->queryable latency, query latency, memory and disk of one app instance.")
final class PipelineCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration IDLE = Duration.ofSeconds(120);
  private static final String APPLICATION_ID = "regional-metrics";

  @Mixin BenchOptions options;

  @Option(
      names = "--articles",
      defaultValue = "40000",
      description =
          "Articles in the measured backlog (default: ${DEFAULT-VALUE}, about a minute of work on 2 cores).")
  int articles;

  @Option(
      names = "--warmup-articles",
      defaultValue = "10000",
      description =
          "Articles processed first, untimed, to warm up both JVMs (default: ${DEFAULT-VALUE}).")
  int warmupArticles;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the article generator (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rate",
      defaultValue = "100",
      description = "Offered articles/s during the latency phase (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--probes-per-second",
      defaultValue = "10",
      description = "How many of those are latency probes (default: ${DEFAULT-VALUE}).")
  double probesPerSecond;

  @Option(
      names = "--latency-seconds",
      defaultValue = "30",
      description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(
      names = "--phases",
      split = ",",
      defaultValue = "latency,queries",
      description =
          "What to measure after the throughput run: latency, queries, or none (default: ${DEFAULT-VALUE}).")
  List<String> phases;

  private final Report report = new Report();

  @Override
  public Integer call() throws Exception {
    Path out = options.outDir("pipeline");
    report.heading("Pipeline benchmark, " + articles + " articles (" + options.machine() + ")");

    // 1. articles, and what the job must make of them: the extractor run here, one thread, in
    // memory
    System.err.printf("generating %d + %d articles%n", warmupArticles, articles);
    Workload warm = Workload.generate(seed, articles, warmupArticles);
    Workload measured = Workload.generate(seed, 0, articles);
    Extraction extraction = Extraction.measure(warm, measured);
    boolean complete;

    try (BenchCluster cluster =
            BenchCluster.open(
                options.bootstrapServers, options.schemaRegistryUrl, options.workDir());
        AppProcess app = options.startApp(cluster, out, "app")) {
      double startup = app.awaitReady(Duration.ofSeconds(180));
      System.err.printf("app ready after %.1f s (pid %d, %s)%n", startup, app.pid(), app.api());

      // 2. warm-up, untimed
      produceAndAwait(cluster, warm, extraction.warmEvents);

      // 3. the measured backlog: first send to last metric event committed
      app.resetPeaks();
      Map<TopicPartition, Long> inputFrom =
          KafkaIo.endOffsets(cluster.bootstrap(), Topics.ARTICLES_TEXT);
      long appCpu0 = ProcStat.cpuNanos(app.pid());
      Map<String, Long> threads0 = ProcStat.cpuNanosByThread(app.pid());
      long driverCpu0 = ProcStat.cpuNanos(ProcessHandle.current().pid());
      Timed pipeline = produceAndAwait(cluster, measured, extraction.measuredEvents);
      long appCpu = ProcStat.cpuNanos(app.pid()) - appCpu0;
      Map<String, Long> threads = ProcStat.cpuNanosByThread(app.pid());
      threads0.forEach((k, v) -> threads.merge(k, -v, Long::sum));
      long driverCpu = ProcStat.cpuNanos(ProcessHandle.current().pid()) - driverCpu0;
      long pipelineHeap = app.peakHeap();
      long pipelineRss = app.peakRss();

      // 4. bounds in the same run: a plain consumer of the same records (best of two reads)
      double consumeS = Math.min(consume(cluster, inputFrom), consume(cluster, inputFrom));

      double mb = measured.bytes() / 1e6;
      report.line(
          "Input: %d articles, %.1f MB of UTF-8 text (%.0f characters per article on average); "
              + "%d metric events expected (%.1f per article), %d distinct (region, indicator) keys.",
          articles,
          mb,
          measured.chars() / (double) articles,
          extraction.measuredEvents,
          extraction.measuredEvents / (double) articles,
          extraction.keys.size());
      report.table("measurement", "seconds", "articles/s", "MB/s", "events/s", "pipeline ÷ this");
      double pipelineRate = articles / pipeline.seconds();
      report.row(
          "**pipeline**: first article sent → last metric event committed (exactly_once_v2)%s"
              .formatted(
                  pipeline.complete() ? "" : " — INCOMPLETE: " + pipeline.count() + " events"),
          f2(pipeline.seconds()),
          f0(pipelineRate),
          f1(mb / pipeline.seconds()),
          f0(pipeline.count() / pipeline.seconds()),
          "1.00");
      report.row(
          "pipeline and index: first article sent → all its events in the queryable stores",
          f2(pipeline.indexedSeconds()),
          f0(articles / pipeline.indexedSeconds()),
          f1(mb / pipeline.indexedSeconds()),
          f0(pipeline.count() / pipeline.indexedSeconds()),
          f2(pipelineRate / (articles / pipeline.indexedSeconds())));
      report.row(
          "bound: plain read_committed consumer reads the same records",
          f2(consumeS),
          f0(articles / consumeS),
          f1(mb / consumeS),
          "",
          f4(pipelineRate / (articles / consumeS)));
      report.row(
          "bound: extraction alone, one thread, in memory (no Kafka)",
          f2(extraction.seconds),
          f0(articles / extraction.seconds),
          f1(mb / extraction.seconds),
          f0(extraction.measuredEvents / extraction.seconds),
          f4(pipelineRate / (articles / extraction.seconds)));
      report.line("");
      report.line(
          "CPU, first send → all events in the stores: app %.0f µs per article (%.2f cores busy), "
              + "broker + driver %.0f µs per article; extraction alone %.0f µs per article.",
          appCpu / 1e3 / articles,
          appCpu / 1e9 / pipeline.indexedSeconds(),
          driverCpu / 1e3 / articles,
          extraction.cpuNanos / 1e3 / articles);
      report.line(
          "App CPU by thread: %s.",
          threads.entrySet().stream()
              .filter(e -> e.getValue() * 100 >= appCpu)
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
              .map(
                  e ->
                      String.format(
                          Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / appCpu))
              .collect(java.util.stream.Collectors.joining(", ")));
      report.line(
          "App memory during the run: heap used ≤ %s, resident ≤ %s (%s).",
          mib(pipelineHeap), mib(pipelineRss), String.join(" ", options.appJvmOptions()));

      complete = pipeline.complete();
      if (phases.contains("latency")) {
        app.resetPeaks();
        complete &= latency(cluster, app, out) == 0;
      }
      if (phases.contains("queries")) {
        app.resetPeaks();
        QueryLoad.run(report, app, out, options, QueryLoad.paths(extraction.keys.values()));
      }
      app.close();
      long stateBytes = app.stateBytes();
      report.line("");
      report.line(
          "State on disk after a clean close: %s for %d keys (%d history versions) = %s per million keys.",
          mib(stateBytes),
          extraction.keys.size(),
          extraction.measuredEvents + extraction.warmEvents,
          mib((long) (stateBytes / (double) extraction.keys.size() * 1e6)));
    }
    report.print(out.resolve("summary.md"));
    return complete ? 0 : fail("the job lost events or probes: see INCOMPLETE or 'not seen' above");
  }

  /** Exit code 1, with why: a benchmark whose job lost data measured nothing. */
  static int fail(String why) {
    System.err.println("FAILED: " + why);
    return 1;
  }

  /**
   * Produces the articles as fast as the producer goes and waits for their events on metric-events.
   */
  private Timed produceAndAwait(BenchCluster cluster, Workload w, long expectedEvents) {
    Map<TopicPartition, Long> from = KafkaIo.endOffsets(cluster.bootstrap(), Topics.METRIC_EVENTS);
    try (KafkaConsumer<byte[], byte[]> events = KafkaIo.consumer(cluster.bootstrap())) {
      events.assign(from.keySet());
      from.forEach(events::seek);
      from.keySet().forEach(events::position);
      long t0 = System.nanoTime();
      try (KafkaProducer<byte[], byte[]> producer = KafkaIo.producer(cluster.bootstrap())) {
        for (int i = 0; i < w.size(); i++) {
          producer.send(w.record(i));
        }
      }
      AtomicLong last = new AtomicLong(t0);
      Map<TopicPartition, Long> next = new HashMap<>(from);
      long seen =
          KafkaIo.read(
              events,
              from,
              expectedEvents,
              IDLE,
              r -> {
                last.set(System.nanoTime());
                next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
              });
      double committed = (last.get() - t0) / 1e9;
      // The index sub-topology reads metric-events too and may still be behind: the events are
      // in the stores once the app's group has committed past the last of them.
      KafkaIo.awaitGroupOffsets(cluster.bootstrap(), APPLICATION_ID, next, IDLE);
      return new Timed(seen, committed, (System.nanoTime() - t0) / 1e9, seen == expectedEvents);
    }
  }

  private static double consume(BenchCluster cluster, Map<TopicPartition, Long> from) {
    long n = 0;
    for (Map.Entry<TopicPartition, Long> e :
        KafkaIo.endOffsets(cluster.bootstrap(), Topics.ARTICLES_TEXT).entrySet()) {
      n += e.getValue() - from.get(e.getKey());
    }
    try (KafkaConsumer<byte[], byte[]> c = KafkaIo.consumer(cluster.bootstrap())) {
      long t0 = System.nanoTime();
      AtomicLong last = new AtomicLong(t0);
      KafkaIo.read(c, from, n, Duration.ofSeconds(30), r -> last.set(System.nanoTime()));
      return (last.get() - t0) / 1e9;
    }
  }

  /**
   * Ingest → queryable: articles at a steady offered rate (wall-clock schedule, so a slow response
   * never delays the next send); some are probes, short articles whose value is new for their key,
   * and a poller asks the HTTP API for each every 10 ms until it answers with it. Returns how many
   * probes were never seen.
   */
  private long latency(BenchCluster cluster, AppProcess app, Path out) throws Exception {
    Probes probes = Probes.create(LocalDate.now(ZoneOffset.UTC));
    Workload background =
        Workload.generate(seed, articles + warmupArticles, (int) (rate * latencySeconds) + 1);
    int total = (int) (rate * latencySeconds);
    int probeEvery = Math.max(1, (int) Math.round(rate / probesPerSecond));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ExecutorService pollers = Executors.newFixedThreadPool(16);
    List<long[]> results = new ArrayList<>();
    long intervalNanos = (long) (1e9 / rate);
    System.err.printf(
        "latency: %.0f articles/s for %d s, every %dth a probe%n",
        rate, latencySeconds, probeEvery);
    try (KafkaProducer<byte[], byte[]> producer = KafkaIo.producer(cluster.bootstrap())) {
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        LockSupport.parkNanos(start + i * intervalNanos - System.nanoTime());
        if (i % probeEvery == 0) {
          Probes.Probe p = probes.next();
          long[] result = {-1};
          synchronized (results) {
            results.add(result);
          }
          long sent = System.nanoTime();
          producer.send(probes.record(p));
          pollers.submit(() -> result[0] = awaitValue(http, app.api() + p.path(), p.value(), sent));
        } else {
          producer.send(background.record(i));
        }
      }
    }
    pollers.shutdown();
    pollers.awaitTermination(60, TimeUnit.SECONDS);
    List<String> csv = new ArrayList<>(List.of("probe,latency_ms"));
    for (int i = 0; i < results.size(); i++) {
      csv.add(i + "," + (results.get(i)[0] < 0 ? "" : f1(results.get(i)[0] / 1e6)));
    }
    Files.write(out.resolve("latency.csv"), csv);
    long[] nanos = results.stream().mapToLong(r -> r[0]).filter(v -> v >= 0).toArray();
    long missed = results.size() - nanos.length;
    Percentiles p = new Percentiles(nanos);
    report.line("");
    report.line("### Ingest → queryable");
    report.line(
        "%.0f articles/s offered for %d s (generated articles; every %dth a probe: a short article with a new value for its key); "
            + "from the probe's send to the first HTTP answer with its value, polled every 10 ms. commit.interval.ms 100.",
        rate, latencySeconds, probeEvery);
    report.table("probes", "p50 ms", "p99 ms", "max ms", "not seen in 30 s");
    report.row(
        Integer.toString(p.count()),
        f0(p.at(50) / 1e6),
        f0(p.at(99) / 1e6),
        f0(p.max() / 1e6),
        Long.toString(missed));
    report.line(
        "App memory meanwhile: heap used ≤ %s, resident ≤ %s.",
        mib(app.peakHeap()), mib(app.peakRss()));
    return missed;
  }

  /** Nanoseconds from {@code sent} until the API answers the key with this value; -1 after 30 s. */
  private static long awaitValue(HttpClient http, String url, double value, long sent) {
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() - sent < 30_000_000_000L) {
      try {
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          JsonNode body = JSON.readTree(r.body());
          if (body.path("value").asDouble() == value) {
            return System.nanoTime() - sent;
          }
        }
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      } catch (Exception e) {
        LockSupport.parkNanos(10_000_000L);
      }
    }
    return -1;
  }

  /** Events seen; seconds to the last event committed and to all of them indexed in the stores. */
  record Timed(long count, double seconds, double indexedSeconds, boolean complete) {}

  /** What the job must emit for a workload, found by running the app's own extractor on it here. */
  static final class Extraction {
    long warmEvents;
    long measuredEvents;
    double seconds;
    long cpuNanos;
    final Map<String, QueryLoad.Key> keys = new LinkedHashMap<>();

    static Extraction measure(Workload warm, Workload measured) {
      Extraction x = new Extraction();
      Extractor extractor = Extractor.createDefault();
      MetricEventFactory factory = new MetricEventFactory(Clock.systemUTC());
      x.warmEvents = x.events(extractor, factory, warm);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      x.measuredEvents = x.events(extractor, factory, measured);
      x.seconds = (System.nanoTime() - t0) / 1e9;
      x.cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
      return x;
    }

    /** Events as ExtractProcessor makes them: the same Article, extractor and factory. */
    private long events(Extractor extractor, MetricEventFactory factory, Workload w) {
      long n = 0;
      Instant now = Instant.now();
      for (int i = 0; i < w.size(); i++) {
        Article article =
            Article.newBuilder()
                .setId(w.id(i))
                .setText(w.text(i))
                .setPublishedAt(PublishedDates.parse(w.published(i)))
                .build();
        // one event per distinct id, as ExtractProcessor emits them: an article that states the
        // same value twice in the same words yields one event
        Set<String> ids = new HashSet<>();
        for (Observation o : extractor.extract(article)) {
          var e = factory.create(article, o, now);
          if (e.isPresent() && ids.add(e.get().getEventId())) {
            n++;
            String key = MetricEventFactory.key(e.get().getRegion(), e.get().getIndicator());
            keys.merge(
                key,
                new QueryLoad.Key(e.get().getRegion(), e.get().getIndicator(), e.get().getPeriod()),
                (a, b) ->
                    a.period() == null
                            || (b.period() != null && b.period().compareTo(a.period()) < 0)
                        ? b
                        : a);
          }
        }
      }
      return n;
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
