package com.regionalmetrics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** Options every benchmark takes: where the broker is, which app jar, where results go. */
final class BenchOptions {
  @Option(
      names = "--bootstrap-servers",
      description = "An existing, empty cluster to run against (default: an embedded broker).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      description = "Its Schema Registry (required with --bootstrap-servers).")
  String schemaRegistryUrl;

  @Option(
      names = "--app-jar",
      defaultValue = "streams-app/target/regional-metrics.jar",
      description = "The app (default: ${DEFAULT-VALUE}).")
  Path appJar;

  @Option(
      names = "--app-jvm-options",
      defaultValue = "-Xmx512m",
      description = "JVM options of the app (default: ${DEFAULT-VALUE}).")
  String appJvmOptions;

  @Option(
      names = "--out",
      description =
          "Directory for the report, the app's log and raw wrk output (default: benchmarks/results/<name>-<time>).")
  Path out;

  @Option(
      names = "--query-seconds",
      defaultValue = "15",
      description = "Length of each query-load run (default: ${DEFAULT-VALUE}).")
  int querySeconds;

  @Option(
      names = "--paced-connections",
      defaultValue = "55",
      description = "wrk connections of the paced runs (default: ${DEFAULT-VALUE}).")
  int pacedConnections;

  @Option(
      names = "--paced-delay-ms",
      defaultValue = "10",
      description =
          "Pause of each paced connection after a response; connections × 1000 / (delay + latency) ≈ req/s (default: ${DEFAULT-VALUE}, ≈ 5,000 req/s).")
  int pacedDelayMs;

  @Option(
      names = "--wrk-script",
      defaultValue = "benchmarks/wrk/paths.lua",
      description = "(default: ${DEFAULT-VALUE})")
  Path wrkScript;

  private Path workDir;
  private int apps;

  List<String> appJvmOptions() {
    return Arrays.stream(appJvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  Path outDir(String name) throws IOException {
    if (out == null) {
      out =
          Path.of(
              "benchmarks",
              "results",
              name
                  + "-"
                  + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
    return Files.createDirectories(out);
  }

  /** Scratch space (broker and app data), deleted on exit. */
  Path workDir() throws IOException {
    if (workDir == null) {
      workDir = Files.createTempDirectory("rm-bench-");
      Path dir = workDir;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      deleteTree(dir);
                    } catch (IOException e) {
                      // best effort: it is a temporary directory
                    }
                  }));
    }
    return workDir;
  }

  /** A new app instance with its own data directory; its log is {@code <out>/<name>.log}. */
  AppProcess startApp(BenchCluster cluster, Path out, String name) throws IOException {
    return startApp(cluster, out, name, workDir().resolve("app-" + (++apps)));
  }

  /** The app on a given data directory (a restart when it has been used before). */
  AppProcess startApp(BenchCluster cluster, Path out, String name, Path dataDir)
      throws IOException {
    return AppProcess.start(
        appJar,
        appJvmOptions(),
        cluster.bootstrap(),
        cluster.registryUrl(),
        dataDir,
        out.resolve(name + ".log"));
  }

  String machine() {
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      load = "?";
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + ", load average "
        + load
        + " at start, "
        + LocalDateTime.now().withNano(0);
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
