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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java [options] -jar regional-metrics.jar run} in the zero-config mode (embedded broker and
 * registry, as a user starts it) on free ports, with a given data directory: the first start on an
 * empty directory is a clean start, a later one on the same directory a restart with state.
 */
final class ZeroConfigProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Process process;
  private final String api;
  private final long startedNanos;

  private ZeroConfigProcess(Process process, String api, long startedNanos) {
    this.process = process;
    this.api = api;
    this.startedNanos = startedNanos;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(process::destroyForcibly, "app-" + process.pid() + "-reaper"));
  }

  static ZeroConfigProcess start(Path jar, List<String> jvmOptions, Path dataDir, Path log)
      throws IOException {
    return start(java(), jar, jvmOptions, dataDir, log);
  }

  /** As {@link #start(Path, List, Path, Path)}, with another java binary (e.g. a JDK 25). */
  static ZeroConfigProcess start(
      String java, Path jar, List<String> jvmOptions, Path dataDir, Path log) throws IOException {
    Files.createDirectories(dataDir);
    int http = freePort();
    int registry = freePort();
    int broker = freeBrokerPort();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "run",
            "--http-port",
            Integer.toString(http),
            "--data-dir",
            dataDir.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("RM_")); // zero config means none
    env.put("RM_EMBEDDED_KAFKA_PORT", Integer.toString(broker));
    env.put("RM_EMBEDDED_REGISTRY_PORT", Integer.toString(registry));
    long t0 = System.nanoTime();
    return new ZeroConfigProcess(pb.start(), "http://127.0.0.1:" + http, t0);
  }

  /** The java that runs this driver. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  String api() {
    return api;
  }

  long pid() {
    return process.pid();
  }

  /**
   * Polls {@code GET /ready} every 10 ms until it answers 200; returns the seconds since the
   * process was started and its CPU seconds at that moment.
   */
  double[] awaitReady(Duration timeout) throws InterruptedException {
    long deadline = startedNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the app exited with status " + process.exitValue() + "; see its log");
      }
      if (ready()) {
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        return new double[] {wall, ProcStat.cpuNanos(process.pid()) / 1e9};
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(
        "the app was not ready after " + timeout.toSeconds() + " s; see its log");
  }

  private boolean ready() {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(api + "/ready"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM: the app closes Kafka Streams cleanly (stores flushed, group left), then exits. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    // a training start writes its class-data archive as it exits: that takes a while
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("the app did not stop within 180 s of SIGTERM");
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The embedded broker's controller listens on port + 1000: both must be free. */
  private static int freeBrokerPort() {
    for (int i = 0; i < 50; i++) {
      int p = freePort();
      if (p + 1000 <= 65535) {
        try (ServerSocket s = new ServerSocket(p + 1000)) {
          return p;
        } catch (IOException e) {
          // taken: another one
        }
      }
    }
    throw new IllegalStateException("no free port p with p + 1000 free too");
  }
}
