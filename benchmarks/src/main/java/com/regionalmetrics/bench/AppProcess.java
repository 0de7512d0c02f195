package com.regionalmetrics.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The app as a child JVM pointed at the benchmark's broker and registry, so that its heap and
 * resident memory are its own, not the broker's or the load driver's. Samples both twice a second.
 */
final class AppProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final String api;
  private final Path dataDir;
  private final ScheduledExecutorService sampler;
  private final HeapSampler heap;
  private final AtomicLong peakRss = new AtomicLong();

  private AppProcess(Process process, String api, Path dataDir) {
    this.process = process;
    this.api = api;
    this.dataDir = dataDir;
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "app-memory-sampler");
              t.setDaemon(true);
              return t;
            });
    sampler.scheduleAtFixedRate(
        () -> peakRss.accumulateAndGet(rss(), Math::max), 0, 500, TimeUnit.MILLISECONDS);
    this.heap = new HeapSampler(process.pid());
    // a driver stopped by a signal (e.g. CI's timeout) leaves no app behind
    Runtime.getRuntime()
        .addShutdownHook(new Thread(process::destroyForcibly, "app-" + process.pid() + "-reaper"));
  }

  /**
   * Starts {@code java [jvmOptions] -jar appJar run ...} with a fresh HTTP port; the app's log goes
   * to {@code log}. RM_* variables of this process (e.g. RM_NUM_STREAM_THREADS) pass through.
   */
  static AppProcess start(
      Path appJar,
      List<String> jvmOptions,
      String bootstrap,
      String registryUrl,
      Path dataDir,
      Path log)
      throws IOException {
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-jar",
            appJar.toString(),
            "run",
            "--bootstrap-servers",
            bootstrap,
            "--schema-registry-url",
            registryUrl,
            "--http-port",
            Integer.toString(port),
            "--data-dir",
            dataDir.toString()));
    Files.createDirectories(dataDir);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new AppProcess(pb.start(), "http://127.0.0.1:" + port, dataDir);
  }

  String api() {
    return api;
  }

  Path dataDir() {
    return dataDir;
  }

  long pid() {
    return process.pid();
  }

  /** Waits for /ready (streams RUNNING with its tasks); returns the seconds waited. */
  double awaitReady(Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the app exited with status " + process.exitValue() + "; see its log");
      }
      if (status("/ready?caughtUp=true") == 200) {
        return (System.nanoTime() - t0) / 1e9;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "the app was not ready after " + timeout.toSeconds() + " s; see its log");
  }

  int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Peak heap used (bytes) since the last reset (jstat: young and old generations). */
  long peakHeap() {
    return heap.peak();
  }

  /** Peak resident set (bytes) since the last reset. */
  long peakRss() {
    return peakRss.get();
  }

  void resetPeaks() {
    heap.reset();
    peakRss.set(0);
  }

  /** Bytes of the state directory (RocksDB stores, checkpoints) on disk. */
  long stateBytes() {
    Path streams = dataDir.resolve("streams");
    if (!Files.isDirectory(streams)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(streams)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // a RocksDB file replaced meanwhile
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long rss() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or exited
    }
    return 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** SIGTERM (the app closes Kafka Streams cleanly, flushing its stores), then waits. */
  @Override
  public void close() throws InterruptedException {
    sampler.shutdownNow();
    heap.close();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
