package com.regionalmetrics.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load with wrk (C, one process): cheaper on the shared cores than any JVM client. Each
 * connection cycles through a file of request paths (benchmarks/wrk/paths.lua); with a delay each
 * connection waits that long after every response, which paces the offered rate.
 */
final class Wrk {
  /**
   * One wrk run: achieved requests/s, latency percentiles in ms, non-2xx responses and socket
   * errors.
   */
  record Result(double requestsPerSecond, double p50Ms, double p99Ms, long errors) {}

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private final Path script;
  private final String baseUrl;

  Wrk(Path script, String baseUrl) {
    this.script = script;
    this.baseUrl = baseUrl;
  }

  static boolean installed() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor()
          >= 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs wrk over the paths in {@code paths}; its raw output is kept in {@code rawOut}. */
  Result run(Path paths, int threads, int connections, Duration duration, int delayMs, Path rawOut)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--latency",
                "-s",
                script.toString(),
                baseUrl,
                "--",
                paths.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(rawOut.toFile());
    pb.environment().putAll(Map.of("WRK_DELAY_MS", Integer.toString(delayMs)));
    int status = pb.start().waitFor();
    String out = Files.readString(rawOut, StandardCharsets.UTF_8);
    if (status != 0) {
      throw new IllegalStateException("wrk failed (" + status + "): " + out);
    }
    return parse(out);
  }

  /** The figures of wrk's text output (run with --latency). */
  static Result parse(String out) {
    return new Result(
        number(RPS, out), percentile(out, "50%"), percentile(out, "99%"), errors(out));
  }

  private static double number(Pattern p, String out) {
    Matcher m = p.matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static long errors(String out) {
    long n = (long) (NON_2XX.matcher(out).find() ? number(NON_2XX, out) : 0);
    Matcher m = SOCKET.matcher(out);
    if (m.find()) {
      for (int i = 1; i <= 4; i++) {
        n += Long.parseLong(m.group(i));
      }
    }
    return n;
  }

  /** A line of wrk's latency distribution, e.g. " 99% 1.38ms", in milliseconds. */
  private static double percentile(String out, String which) {
    Matcher m =
        Pattern.compile(
                "^\\s+" + Pattern.quote(which) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
            .matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }
}
