package com.regionalmetrics.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Interactive-query load with wrk on one instance: latest, as-of and history lookups of keys the
 * stores hold, against GET /health (the HTTP stack alone) measured in the same run. Each path runs
 * closed-loop at saturation (throughput) and paced at about 5,000 req/s (latency).
 */
final class QueryLoad {
  /** A key the stores hold, with a period it has a value for. */
  record Key(String region, String indicator, String period) {
    String path() {
      return "/api/indicators/"
          + PipelineCommand.enc(region)
          + "/"
          + PipelineCommand.enc(indicator);
    }
  }

  private static final int SATURATION_THREADS = 2;
  private static final int SATURATION_CONNECTIONS = 16;

  private QueryLoad() {}

  /** Request paths per kind of lookup, keys in a fixed random order. */
  static Map<String, List<String>> paths(Collection<Key> keys) {
    List<Key> list = new ArrayList<>(keys);
    Collections.shuffle(list, new Random(7));
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put("health", List.of("/health"));
    paths.put("latest", list.stream().map(Key::path).toList());
    paths.put(
        "asOf",
        list.stream()
            .filter(k -> k.period() != null)
            .map(k -> k.path() + "?asOf=" + k.period())
            .toList());
    paths.put("history", list.stream().map(k -> k.path() + "/history").toList());
    return paths;
  }

  static void run(
      Report report, AppProcess app, Path out, BenchOptions o, Map<String, List<String>> paths)
      throws IOException, InterruptedException {
    report.line("");
    report.line("### Interactive queries");
    if (!Wrk.installed()) {
      report.line("wrk is not installed: skipped (benchmarks/bench.sh installs it with apt-get).");
      return;
    }
    Wrk wrk = new Wrk(o.wrkScript.toAbsolutePath(), app.api());
    Duration d = Duration.ofSeconds(o.querySeconds);
    Map<String, Path> files = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : paths.entrySet()) {
      Path f = out.resolve("paths-" + e.getKey() + ".txt");
      Files.write(f, e.getValue(), StandardCharsets.UTF_8);
      files.put(e.getKey(), f);
      String first = e.getValue().get(0);
      if (app.status(first) != 200) {
        throw new IllegalStateException(
            "GET " + first + " answers " + app.status(first) + ", not 200");
      }
    }
    report.line(
        "%d keys; wrk %d threads; saturation: %d connections, closed loop; paced: %d connections each waiting %d ms "
            + "after a response (≈ %d req/s offered); %d s per run after a %d s warm-up. Latencies include the client on the same cores.",
        paths.get("latest").size(),
        SATURATION_THREADS,
        SATURATION_CONNECTIONS,
        o.pacedConnections,
        o.pacedDelayMs,
        o.pacedConnections * 1000 / (o.pacedDelayMs + 1),
        o.querySeconds,
        5);
    report.table(
        "lookup",
        "mode",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "req/s ÷ health",
        "p99 ÷ health p99");
    Map<String, Wrk.Result> health = new LinkedHashMap<>();
    for (String mode : List.of("saturation", "paced")) {
      for (Map.Entry<String, Path> e : files.entrySet()) {
        String name = e.getKey();
        boolean paced = mode.equals("paced");
        System.err.printf("queries: %s, %s%n", name, mode);
        if (!paced) {
          wrk.run(
              e.getValue(),
              SATURATION_THREADS,
              SATURATION_CONNECTIONS,
              Duration.ofSeconds(5),
              0,
              out.resolve("wrk-warmup.txt"));
        }
        Wrk.Result r =
            wrk.run(
                e.getValue(),
                SATURATION_THREADS,
                paced ? o.pacedConnections : SATURATION_CONNECTIONS,
                d,
                paced ? o.pacedDelayMs : 0,
                out.resolve("wrk-" + name + "-" + mode + ".txt"));
        if (name.equals("health")) {
          health.put(mode, r);
        }
        Wrk.Result h = health.get(mode);
        report.row(
            name.equals("health") ? "health (bound)" : name,
            mode,
            Report.f0(r.requestsPerSecond()),
            Report.f2(r.p50Ms()),
            Report.f2(r.p99Ms()),
            Long.toString(r.errors()),
            Report.f2(r.requestsPerSecond() / h.requestsPerSecond()),
            Report.f1(r.p99Ms() / h.p99Ms()));
      }
    }
    report.line(
        "App memory meanwhile: heap used ≤ %s, resident ≤ %s.",
        Report.mib(app.peakHeap()), Report.mib(app.peakRss()));
  }
}
