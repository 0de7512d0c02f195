package com.regionalmetrics.bench;

import static com.regionalmetrics.bench.Report.f0;
import static com.regionalmetrics.bench.Report.f2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Local and forwarded lookups of a two-instance job under an open-loop load at a fixed rate (issue
 * 18): {@code GET /health} (the HTTP stack alone: the bound), latest-by-key of keys whose active
 * copy is on the instance asked (local) and of keys on the other instance (remote: forwarded over
 * the internal API), each offered at the same constant rate, latency from each request's intended
 * send time (no coordinated omission).
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description =
        "Local vs. forwarded lookups of a two-instance job, open-loop at a fixed rate, against /health.")
final class QueryCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> NAMES = List.of("health", "local", "remote");

  @Mixin BenchOptions options;

  @Option(
      names = "--rate",
      defaultValue = "5000",
      description = "Offered requests/s of every run (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "Length of each measured run (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "Untimed run of each path first, same rate (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--rounds",
      defaultValue = "2",
      description = "Measured runs of health, local, remote in turn (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--connections",
      defaultValue = "64",
      description =
          "Most requests in flight at once (connections of the generator; default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--articles",
      defaultValue = "668",
      description =
          "Articles posted, 2 keys each up to 2 per prefecture (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(
      names = "--smoke",
      description =
          "3 s per path at ≤ 1,000 req/s on 60 articles, one round (CI): checks that the benchmark runs.")
  boolean smoke;

  @Option(
      names = "--jfr",
      description =
          "Record JFR (settings=profile) on both instances during the last remote run (<out>/app1.jfr, app2.jfr).")
  boolean jfr;

  private final Report report = new Report();

  @Override
  public Integer call() throws Exception {
    if (smoke) {
      rate = Math.min(rate, 1000); // it checks that the benchmark runs; start-up dominates anyway
      seconds = 3;
      warmupSeconds = 1;
      rounds = 1;
      articles = 60;
    }
    Path out = options.outDir("query");
    report.heading(
        "Query benchmark, open loop at " + f0(rate) + " req/s (" + options.machine() + ")");
    try (BenchCluster cluster =
            BenchCluster.open(
                options.bootstrapServers, options.schemaRegistryUrl, options.workDir());
        AppProcess app1 = options.startApp(cluster, out, "app1");
        AppProcess app2 = options.startApp(cluster, out, "app2")) {
      app1.awaitReady(Duration.ofSeconds(180));
      app2.awaitReady(Duration.ofSeconds(180));
      awaitTwoRunning(app1.api(), Duration.ofSeconds(180));
      System.err.printf("two instances running: pids %d, %d%n", app1.pid(), app2.pid());

      int expected = QueryKeys.ingest(app1.api(), articles, 1);
      List<String> paths = QueryKeys.await(app1.api(), expected, Duration.ofSeconds(180));
      String self = endpoint(app1);
      String other = endpoint(app2);
      QueryKeys.Split split = QueryKeys.classify(self, other, paths);
      if (split.local().isEmpty() || split.remote().isEmpty() || split.others() > 0) {
        return PipelineCommand.fail(
            "keys: %d local, %d remote, %d answered otherwise; need both kinds, all answered"
                .formatted(split.local().size(), split.remote().size(), split.others()));
      }
      Map<String, List<String>> byName = new LinkedHashMap<>();
      byName.put("health", List.of("/health"));
      byName.put("local", shuffled(split.local()));
      byName.put("remote", shuffled(split.remote()));
      for (var e : byName.entrySet()) {
        Files.write(out.resolve("paths-" + e.getKey() + ".txt"), e.getValue());
      }
      report.line(
          "Two app instances (%s, %s; %s each) on %s; %d keys asked of instance 1: %d local, %d forwarded to instance 2.",
          self,
          other,
          String.join(" ", options.appJvmOptions()),
          cluster.describe(),
          paths.size(),
          split.local().size(),
          split.remote().size());
      report.line(
          "Open loop: %s req/s offered per run, %d s after a %d s warm-up per path, %d rounds; up to %d connections;"
              + " latency from each request's intended send time (the generator runs on the same cores).",
          f0(rate), seconds, warmupSeconds, rounds, connections);

      String[] hp = self.split(":");
      OpenLoop load =
          new OpenLoop(hp[0], Integer.parseInt(hp[1]), connections, Duration.ofSeconds(10));
      for (String name : NAMES) {
        System.err.printf("warm-up: %s%n", name);
        load.run(byName.get(name), rate, Duration.ofSeconds(warmupSeconds));
      }
      List<Row> rows = new ArrayList<>();
      String loadBefore = loadAverage();
      for (int round = 1; round <= rounds; round++) {
        for (String name : NAMES) {
          boolean profile = jfr && round == rounds && name.equals("remote");
          if (profile) {
            startJfr(app1, out.resolve("app1.jfr"));
            startJfr(app2, out.resolve("app2.jfr"));
          }
          System.err.printf("round %d: %s%n", round, name);
          long internal = internalRequests(app2.api());
          ForwardStageSample stagesBefore = ForwardStageSample.take(app1.api(), app2.api());
          long cpu1 = ProcStat.cpuNanos(app1.pid());
          long cpu2 = ProcStat.cpuNanos(app2.pid());
          Map<String, Long> jit1 = ProcStat.compilerCpuNanos(app1.pid());
          Map<String, Long> jit2 = ProcStat.compilerCpuNanos(app2.pid());
          OpenLoop.Result r = load.run(byName.get(name), rate, Duration.ofSeconds(seconds));
          long cpu1After = ProcStat.cpuNanos(app1.pid());
          long cpu2After = ProcStat.cpuNanos(app2.pid());
          long jit1Nanos = ProcStat.sinceNanos(jit1, ProcStat.compilerCpuNanos(app1.pid()));
          long jit2Nanos = ProcStat.sinceNanos(jit2, ProcStat.compilerCpuNanos(app2.pid()));
          String[] stages =
              ForwardStageSample.take(app1.api(), app2.api()).meansSince(stagesBefore);
          rows.add(
              new Row(
                  round,
                  name,
                  r,
                  (cpu1After - cpu1) / 1e3 / r.requests(),
                  (cpu2After - cpu2) / 1e3 / r.requests(),
                  jit1Nanos / 1e3 / r.requests(),
                  jit2Nanos / 1e3 / r.requests(),
                  internalRequests(app2.api()) - internal,
                  stages));
          try (PrintStream p =
              new PrintStream(
                  Files.newOutputStream(out.resolve("hist-" + name + "-" + round + ".txt")),
                  true,
                  StandardCharsets.UTF_8)) {
            r.latencyMicros().outputPercentileDistribution(p, 1000.0);
          }
          if (profile) {
            stopJfr(app1);
            stopJfr(app2);
          }
        }
      }
      String loadAfter = loadAverage();
      int status = report(rows, self, other);
      report.line("");
      report.line(
          "Load average (1, 5, 15 min) before the measured runs: %s; after: %s. Raw: %s (hist-*.txt: HdrHistogram percentiles in ms).",
          loadBefore, loadAfter, out);
      report.print(out.resolve("summary.md"));
      return status;
    }
  }

  /**
   * One measured run, with the CPU time each instance spent per request meanwhile, and of it what
   * its JIT compiler threads spent: on 2 shared cores the compilers lag minutes behind the load,
   * and instance 2 compiles its forwarded-read code only once remote lookups start, so the whole
   * process's CPU overstates what a request costs by up to half (issue 18, branch fwd2).
   */
  private record Row(
      int round,
      String name,
      OpenLoop.Result result,
      double cpuMicros1,
      double cpuMicros2,
      double jitMicros1,
      double jitMicros2,
      long internalRequests,
      String[] stages) {
    double withoutJit() {
      return cpuMicros1 - jitMicros1 + cpuMicros2 - jitMicros2;
    }
  }

  /**
   * Requests instance 2 has served on its internal API (/internal/v1/..., any route), from its
   * Prometheus counters: during a remote run, how many requests carried the forwarded lookups (one
   * per lookup unless they are batched).
   */
  private static long internalRequests(String api) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long total = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith("http_server_requests_seconds_count{")
          && line.contains("route=\"/internal/v1/")) {
        total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  private int report(List<Row> rows, String self, String other) {
    report.table(
        "path",
        "round",
        "offered req/s",
        "achieved req/s",
        "p50 ms",
        "p99 ms",
        "p99.9 ms",
        "max ms",
        "errors",
        "sent > 1 ms late",
        "served by",
        "CPU µs/req instance 1 + 2",
        "of which JIT compilers, 1 + 2",
        "p50 ÷ health",
        "p99 ÷ health",
        "p99.9 ÷ health");
    int status = 0;
    Map<Integer, OpenLoop.Result> health = new LinkedHashMap<>();
    for (Row row : rows) {
      OpenLoop.Result r = row.result();
      if (row.name().equals("health")) {
        health.put(row.round(), r);
      }
      OpenLoop.Result h = health.get(row.round());
      String expectedServer = row.name().equals("remote") ? other : self;
      double servedShare =
          row.name().equals("health") ? 1 : r.servedByCount(expectedServer) / (double) r.ok();
      report.row(
          row.name().equals("health") ? "health (bound)" : row.name(),
          Integer.toString(row.round()),
          f0(r.offeredPerSecond()),
          f0(r.achievedPerSecond()),
          f2(r.ms(50)),
          f2(r.ms(99)),
          f2(r.ms(99.9)),
          f2(r.maxMs()),
          Long.toString(r.errors()),
          pct(r.lateSends() / (double) r.requests()),
          row.name().equals("health") ? "" : pct(servedShare) + " " + expectedServer,
          f0(row.cpuMicros1()) + " + " + f0(row.cpuMicros2()),
          f0(row.jitMicros1()) + " + " + f0(row.jitMicros2()),
          f2(r.ms(50) / h.ms(50)),
          f2(r.ms(99) / h.ms(99)),
          f2(r.ms(99.9) / h.ms(99.9)));
      if (r.ok() == 0 || r.errors() > r.requests() / 100) {
        System.err.printf(
            "FAILED: %s, round %d: %d errors of %d requests (first: %s)%n",
            row.name(), row.round(), r.errors(), r.requests(), r.firstError());
        status = 1;
      } else if (servedShare < 0.99) {
        System.err.printf(
            "FAILED: %s, round %d: only %s answered by %s%n",
            row.name(), row.round(), pct(servedShare), expectedServer);
        status = 1;
      }
    }
    report.line("");
    report.table(
        "round",
        "remote ÷ local p50",
        "remote ÷ local p99",
        "remote ÷ local p99.9",
        "remote ÷ local CPU per request (both instances)",
        "same without JIT compilers",
        "forwarded lookups per internal request");
    for (int round = 1; round <= rounds; round++) {
      Row localRow = find(rows, round, "local");
      Row remoteRow = find(rows, round, "remote");
      OpenLoop.Result local = localRow.result();
      OpenLoop.Result remote = remoteRow.result();
      report.row(
          Integer.toString(round),
          f2(remote.ms(50) / local.ms(50)),
          f2(remote.ms(99) / local.ms(99)),
          f2(remote.ms(99.9) / local.ms(99.9)),
          f2(
              (remoteRow.cpuMicros1() + remoteRow.cpuMicros2())
                  / (localRow.cpuMicros1() + localRow.cpuMicros2())),
          f2(remoteRow.withoutJit() / localRow.withoutJit()),
          remoteRow.internalRequests() == 0
              ? "?"
              : f2(remote.ok() / (double) remoteRow.internalRequests()));
    }
    report.line("");
    report.line(
        "Where a lookup's time goes (means over each run, µs; from both instances' /metrics): instance 1's"
            + " handling of the public request (route timer: its handlers, without Jetty's I/O), a forwarded read's"
            + " wait until a request carries it, the internal request's round trip (encode, exchange, parse) and"
            + " of it the exchange, instance 2's handling of it, the forwarded read's wake-up once answered.");
    report.table(
        "path",
        "round",
        "inst. 1 handling per lookup",
        "queued per read",
        "resume per read",
        "round trip per request",
        "exchange per request",
        "inst. 2 handling per request",
        "reads per request");
    for (Row row : rows) {
      if (!row.name().equals("health")) {
        String[] s = row.stages();
        report.row(
            row.name(), Integer.toString(row.round()), s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
      }
    }
    return status;
  }

  private static Row find(List<Row> rows, int round, String name) {
    return rows.stream()
        .filter(r -> r.round() == round && r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static List<String> shuffled(List<String> paths) {
    List<String> list = new ArrayList<>(paths);
    Collections.shuffle(list, new Random(7));
    return list;
  }

  private static String endpoint(AppProcess app) {
    return URI.create(app.api()).getAuthority();
  }

  /** Both instances RUNNING, each with active partitions, as instance 1 sees them. */
  private static void awaitTwoRunning(String api, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(api + "/api/instances"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      last = r.body();
      if (r.statusCode() == 200) {
        int running = 0;
        for (JsonNode i : JSON.readTree(last).path("instances")) {
          if (i.path("state").asText().equals("RUNNING") && !i.path("activePartitions").isEmpty()) {
            running++;
          }
        }
        if (running == 2) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("two instances not both running with partitions: " + last);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "? (" + e.getMessage() + ")";
    }
  }

  private static void startJfr(AppProcess app, Path file) throws IOException, InterruptedException {
    jcmd(app, "JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
  }

  private static void stopJfr(AppProcess app) throws IOException, InterruptedException {
    jcmd(app, "JFR.stop", "name=bench");
  }

  private static void jcmd(AppProcess app, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    cmd.add(Long.toString(app.pid()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + output);
    }
  }
}
