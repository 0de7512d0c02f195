package com.regionalmetrics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap used by another JVM, from {@code jstat -gc <pid> 500}: jstat reads the JVM's
 * performance counters from their memory-mapped file, so sampling costs the app nothing (a /metrics
 * scrape twice a second took ~8 % of its HTTP threads' CPU during the query load).
 */
final class HeapSampler implements AutoCloseable {
  private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

  private final long pid;
  private final AtomicLong peak = new AtomicLong();
  private volatile Process jstat;
  private volatile boolean closed;

  HeapSampler(long pid) {
    this.pid = pid;
    Thread t = new Thread(this::run, "app-heap-sampler");
    t.setDaemon(true);
    t.start();
  }

  long peak() {
    return peak.get();
  }

  void reset() {
    peak.set(0);
  }

  /** Heap used in bytes from a jstat -gc header and one row of it (capacities and usage in KB). */
  static long heapUsed(String header, String row) {
    List<String> names = Arrays.asList(header.trim().split("\\s+"));
    String[] values = row.trim().split("\\s+");
    double kb = 0;
    for (String c : USED_COLUMNS) {
      kb += Double.parseDouble(values[names.indexOf(c)]);
    }
    return (long) (kb * 1024);
  }

  /** Runs jstat until closed; restarts it while the app has not published its counters yet. */
  private void run() {
    String bin = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
    while (!closed) {
      try {
        jstat =
            new ProcessBuilder(bin, "-gc", Long.toString(pid), "500")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
          String header = out.readLine();
          for (String row;
              header != null && header.contains("EU") && (row = out.readLine()) != null; ) {
            peak.accumulateAndGet(heapUsed(header, row), Math::max);
          }
        }
        jstat.waitFor();
        Thread.sleep(500);
      } catch (IOException | RuntimeException e) {
        return; // no jstat: no heap figures
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Process p = jstat;
    if (p != null) {
      p.destroy();
    }
  }
}
