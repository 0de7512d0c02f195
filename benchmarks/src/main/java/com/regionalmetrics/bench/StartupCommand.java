package com.regionalmetrics.bench;

import static com.regionalmetrics.bench.Report.f1;
import static com.regionalmetrics.bench.Report.f2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Time to ready of the zero-config mode (issue 18): {@code java -jar regional-metrics.jar run} on
 * an empty data directory (clean start: embedded broker, registry, topics, streams, HTTP) and again
 * on the same directory after articles were processed and the app stopped (restart with state),
 * each as wall-clock seconds and CPU seconds of the app process until {@code GET /ready} first
 * answers 200, against a bare JVM start ({@code java -jar regional-metrics.jar --version}) measured
 * in the same round. Variants (jars, with and without an AppCDS archive) alternate within each
 * round, so that each sees the same neighbours.
 */
@Command(
    name = "startup",
    mixinStandardHelpOptions = true,
    description =
        "Time to /ready of the zero-config mode, clean start and restart with state, against a bare JVM start.")
final class StartupCommand implements Callable<Integer> {
  private static final Pattern TIMELINE = Pattern.compile("since the JVM started: (.*)\\)");

  @Mixin BenchOptions options;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Rounds of every variant (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--articles",
      defaultValue = "60",
      description =
          "Articles processed after the clean start, the restart's state (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(
      names = "--baseline-jar",
      description =
          "A second app jar (e.g. a build of main) measured in the same rounds: before/after.")
  Path baselineJar;

  @Option(
      // picocli 4.7 reads "--no-cds" as true when the option is named "--cds" with default true
      names = "--no-cds",
      negatable = true,
      defaultValue = "true",
      description =
          "--no-cds: leave out the variants with an AppCDS archive made by a training start, as bin/regional-metrics does on Java 17-24.")
  boolean cds;

  @Option(
      names = "--smoke",
      description = "One round, 10 articles, the app jar alone, no AppCDS (CI: under a minute).")
  boolean smoke;

  @Option(
      names = "--no-plain",
      negatable = true,
      defaultValue = "true",
      description = "--no-plain: leave out the variants without an archive (a shorter run).")
  boolean plain;

  @Option(
      names = "--aot-java",
      description =
          "A java 25+ binary: also each jar on it with an AOT cache (JEP 483/515) made by a training"
              + " start (-XX:AOTCacheOutput), as bin/regional-metrics does on Java 25+.")
  Path aotJava;

  private final Report report = new Report();

  private record Variant(String name, String java, Path jar, List<String> jvmOptions) {}

  private record Row(
      String variant,
      int round,
      double boundWall,
      double boundCpu,
      double[] clean,
      double[] restart,
      String timeline) {}

  @Override
  public Integer call() throws Exception {
    if (smoke) {
      rounds = 1;
      articles = 10;
      baselineJar = null;
      cds = false;
      aotJava = null;
    }
    Path out = options.outDir("startup");
    Path work = options.workDir();
    report.heading("Start-up benchmark (" + options.machine() + ")");
    List<Variant> variants = new ArrayList<>();
    Map<String, Path> jars = new LinkedHashMap<>();
    if (baselineJar != null) {
      jars.put("baseline", baselineJar);
    }
    jars.put("app", options.appJar);
    for (var jar : jars.entrySet()) {
      String java = ZeroConfigProcess.java();
      if (plain || !(cds || aotJava != null)) {
        variants.add(new Variant(jar.getKey(), java, jar.getValue(), options.appJvmOptions()));
      }
      if (cds) {
        Path archive = out.resolve(jar.getKey() + ".jsa");
        System.err.printf("training start of %s for %s%n", jar.getKey(), archive);
        train(java, jar.getValue(), archive, "-XX:ArchiveClassesAtExit=", work, out);
        List<String> jvm = new ArrayList<>(options.appJvmOptions());
        jvm.add("-XX:SharedArchiveFile=" + archive);
        variants.add(new Variant(jar.getKey() + " + AppCDS", java, jar.getValue(), jvm));
      }
      if (aotJava != null) {
        Path cache = out.resolve(jar.getKey() + ".aot");
        System.err.printf("AOT training start of %s for %s%n", jar.getKey(), cache);
        train(aotJava.toString(), jar.getValue(), cache, "-XX:AOTCacheOutput=", work, out);
        List<String> jvm = new ArrayList<>(options.appJvmOptions());
        jvm.add("-XX:AOTCache=" + cache);
        variants.add(
            new Variant(
                jar.getKey() + " on " + javaVersion(aotJava) + " + AOT cache",
                aotJava.toString(),
                jar.getValue(),
                jvm));
      }
    }
    String loadBefore = loadAverage();
    List<Row> rows = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (Variant v : variants) {
        // the bound: the variant's jar with the plain options (mapping an archive costs a bare
        // start more than it saves), one per variant; the ratios use the round's median
        double[] bound = bareJvm(v.jar(), options.appJvmOptions());
        Path data = work.resolve("data-" + round + "-" + variants.indexOf(v));
        String logName = v.name().replaceAll("\\W+", "-") + "-" + round;
        Path log = out.resolve(logName + "-clean.log");
        Path restartLog = out.resolve(logName + "-restart.log");
        System.err.printf("round %d: %s, clean start%n", round, v.name());
        double[] clean;
        List<String> keys;
        try (ZeroConfigProcess app =
            ZeroConfigProcess.start(v.java(), v.jar(), v.jvmOptions(), data, log)) {
          clean = app.awaitReady(Duration.ofMinutes(5));
          int expected = QueryKeys.ingest(app.api(), articles, round);
          keys = QueryKeys.await(app.api(), expected, Duration.ofMinutes(3));
        }
        System.err.printf("round %d: %s, restart with %d keys%n", round, v.name(), keys.size());
        double[] restart;
        try (ZeroConfigProcess app =
            ZeroConfigProcess.start(v.java(), v.jar(), v.jvmOptions(), data, restartLog)) {
          restart = app.awaitReady(Duration.ofMinutes(5));
          List<String> after = QueryKeys.await(app.api(), keys.size(), Duration.ofMinutes(3));
          if (!after.equals(keys)) {
            return PipelineCommand.fail(
                "%s: the restart lists %d keys, before it %d (or in another order)"
                    .formatted(v.name(), after.size(), keys.size()));
          }
        }
        rows.add(
            new Row(
                v.name(),
                round,
                bound[0],
                bound[1],
                clean,
                restart,
                "clean: " + timeline(log) + "; restart: " + timeline(restartLog)));
      }
    }
    String loadAfter = loadAverage();
    report(rows, variants);
    report.line("");
    report.line(
        "Load average (1, 5, 15 min) before the measured rounds: %s; after: %s. App logs: %s.",
        loadBefore, loadAfter, out);
    report.print(out.resolve("summary.md"));
    return 0;
  }

  private void report(List<Row> rows, List<Variant> variants) {
    report.line(
        "Clean start: an empty data directory; restart: the same directory after %d articles"
            + " were processed and the app stopped with SIGTERM. Time to the first 200 of GET /ready"
            + " (polled every 10 ms); CPU = the app process's user + system time by then. Bound: a"
            + " bare JVM start, `java -jar <jar> --version` without an archive, before each variant;"
            + " the ratios divide by the median bound CPU of the round. JVM options: %s.",
        articles, String.join(" ", options.appJvmOptions()));
    report.table(
        "variant",
        "round",
        "bare JVM s / CPU-s",
        "clean s",
        "clean CPU-s",
        "clean CPU ÷ bound (round median)",
        "restart s",
        "restart CPU-s",
        "restart CPU ÷ bound (round median)");
    Map<Integer, Double> bounds = new LinkedHashMap<>();
    for (Row r : rows) {
      bounds.put(
          r.round(),
          median(rows.stream().filter(o -> o.round() == r.round()).toList(), Row::boundCpu));
    }
    for (Row r : rows) {
      double bound = bounds.get(r.round());
      report.row(
          r.variant(),
          Integer.toString(r.round()),
          f2(r.boundWall()) + " / " + f2(r.boundCpu()),
          f1(r.clean()[0]),
          f1(r.clean()[1]),
          f1(r.clean()[1] / bound),
          f1(r.restart()[0]),
          f1(r.restart()[1]),
          f1(r.restart()[1] / bound));
    }
    report.line("");
    report.line("Medians over the rounds:");
    report.table(
        "variant",
        "clean s",
        "clean CPU-s",
        "clean ÷ bound (CPU)",
        "restart s",
        "restart CPU-s",
        "restart ÷ bound (CPU)");
    for (Variant v : variants) {
      List<Row> mine = rows.stream().filter(r -> r.variant().equals(v.name())).toList();
      report.row(
          v.name(),
          f1(median(mine, r -> r.clean()[0])),
          f1(median(mine, r -> r.clean()[1])),
          f1(median(mine, r -> r.clean()[1] / bounds.get(r.round()))),
          f1(median(mine, r -> r.restart()[0])),
          f1(median(mine, r -> r.restart()[1])),
          f1(median(mine, r -> r.restart()[1] / bounds.get(r.round()))));
    }
    report.line("");
    report.line("Where the time went, last round (the app's own log: phase end, wall ms/CPU ms):");
    for (Variant v : variants) {
      rows.stream()
          .filter(r -> r.variant().equals(v.name()) && r.round() == rounds)
          .forEach(r -> report.line("- %s: %s", v.name(), r.timeline()));
    }
  }

  private static double median(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
    double[] v = rows.stream().mapToDouble(f).sorted().toArray();
    return v.length == 0
        ? Double.NaN
        : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** {@code java [options] -jar jar --version}: wall seconds and CPU seconds of the child. */
  private static double[] bareJvm(Path jar, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ZeroConfigProcess.java());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString(), "--version"));
    long cpu0 = ProcStat.childrenCpuNanos();
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("java -jar " + jar + " --version failed");
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    return new double[] {wall, (ProcStat.childrenCpuNanos() - cpu0) / 1e9};
  }

  /**
   * A training start under -XX:ArchiveClassesAtExit (AppCDS) or -XX:AOTCacheOutput (Java 25's AOT
   * cache): clean start to ready, stopped with SIGTERM (the archive is written as the JVM exits),
   * as bin/regional-metrics and docker/Dockerfile make it.
   */
  private void train(String java, Path jar, Path archive, String option, Path work, Path out)
      throws Exception {
    List<String> jvm = new ArrayList<>(options.appJvmOptions());
    jvm.add(option + archive);
    jvm.add("-Xlog:cds=off");
    jvm.add("-Xlog:cds+dynamic=off");
    Path log = out.resolve("training-" + archive.getFileName() + ".log");
    Path data = work.resolve("train-" + archive.getFileName());
    try (ZeroConfigProcess app = ZeroConfigProcess.start(java, jar, jvm, data, log)) {
      app.awaitReady(Duration.ofMinutes(5));
    }
    if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
      throw new IllegalStateException("the training start wrote no archive; see " + log);
    }
  }

  private static String timeline(Path log) throws IOException {
    String last = "(no timeline in the log: an older jar)";
    for (String line : Files.readAllLines(log)) {
      Matcher m = TIMELINE.matcher(line);
      if (m.find()) {
        last = m.group(1);
      }
    }
    return last;
  }

  /** "JDK 25" for a java binary, from its -version output. */
  private static String javaVersion(Path javaBinary) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(javaBinary.toString(), "-version").redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("version \"(\\d+)").matcher(out);
    return m.find() ? "JDK " + m.group(1) : "JDK ?";
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
