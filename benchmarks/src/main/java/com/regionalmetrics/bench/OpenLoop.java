package com.regionalmetrics.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-loop HTTP load generator (wrk2-style, no coordinated omission): request i is due at
 * {@code start + i / rate}, whatever happened to the requests before it, and its latency is
 * measured from that intended time to the end of its response. A pool of keep-alive connections
 * (each on its own thread) takes the due requests in order; when every connection is busy — a stall
 * on the server — the requests that fall due meanwhile wait, and that wait is part of their
 * latency, as it would be for independent clients. Latencies go to an HdrHistogram (µs).
 */
final class OpenLoop {
  /** Longest latency recorded exactly (µs); longer ones are clamped to it. */
  private static final long MAX_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

  /** Late sends (by more than this) mean the generator or its connections could not keep up. */
  static final long LATE_NANOS = 1_000_000;

  /**
   * One run: latencies of the successful (2xx) responses in µs, errors (non-2xx or I/O), the
   * offered and achieved rates, how many requests left more than {@link #LATE_NANOS} after their
   * due time, and who answered (X-Served-By) how often.
   */
  record Result(
      Histogram latencyMicros,
      long ok,
      long errors,
      double offeredPerSecond,
      double achievedPerSecond,
      long lateSends,
      Map<String, Long> servedBy,
      String firstError) {
    long requests() {
      return ok + errors;
    }

    double ms(double percentile) {
      return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
      return latencyMicros.getMaxValue() / 1000.0;
    }

    long servedByCount(String endpoint) {
      return servedBy.getOrDefault(endpoint, 0L);
    }
  }

  private final String host;
  private final int port;
  private final int connections;
  private final Duration timeout;

  /**
   * @param connections the most requests in flight at once (each its own connection and thread)
   * @param timeout a response slower than this is an error (and its connection is reopened)
   */
  OpenLoop(String host, int port, int connections, Duration timeout) {
    this.host = host;
    this.port = port;
    this.connections = connections;
    this.timeout = timeout;
  }

  /** Offers {@code rate} requests per second for {@code duration}, cycling through paths. */
  Result run(List<String> paths, double rate, Duration duration) throws InterruptedException {
    long total = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
    double intervalNanos = 1e9 / rate;
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime() + 20_000_000; // every thread started by then
    List<Worker> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Worker w = new Worker(paths, next, total, start, intervalNanos);
      w.thread = new Thread(w, "open-loop-" + c);
      w.thread.setDaemon(true);
      workers.add(w);
    }
    workers.forEach(w -> w.thread.start());
    for (Worker w : workers) {
      w.thread.join();
    }
    Histogram all = new Histogram(MAX_MICROS, 3);
    long ok = 0;
    long errors = 0;
    long late = 0;
    long end = start;
    String firstError = null;
    Map<String, Long> servedBy = new HashMap<>();
    for (Worker w : workers) {
      all.add(w.histogram);
      ok += w.ok;
      errors += w.errors;
      late += w.late;
      end = Math.max(end, w.lastEnd);
      if (firstError == null) {
        firstError = w.firstError;
      }
      w.servedBy.forEach((k, v) -> servedBy.merge(k, v, Long::sum));
    }
    double seconds = Math.max(1e-9, (end - start) / 1e9);
    return new Result(
        all, ok, errors, rate, (ok + errors) / seconds, late, Map.copyOf(servedBy), firstError);
  }

  /** One connection: takes the next due request, waits for its time, sends, records. */
  private final class Worker implements Runnable {
    private final List<String> paths;
    private final AtomicLong next;
    private final long total;
    private final long start;
    private final double intervalNanos;
    private final Histogram histogram = new Histogram(MAX_MICROS, 3);
    private final Map<String, Long> servedBy = new HashMap<>();
    private Thread thread;
    private long ok;
    private long errors;
    private long late;
    private long lastEnd;
    private String firstError;

    Worker(List<String> paths, AtomicLong next, long total, long start, double intervalNanos) {
      this.paths = paths;
      this.next = next;
      this.total = total;
      this.start = start;
      this.intervalNanos = intervalNanos;
    }

    @Override
    public void run() {
      try (HttpConnection connection = new HttpConnection(host, port, timeout)) {
        for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          long due = start + (long) (i * intervalNanos);
          long now;
          while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
          }
          if (now - due > LATE_NANOS) {
            late++;
          }
          String path = paths.get((int) (i % paths.size()));
          try {
            HttpConnection.Response r = connection.get(path);
            long end = System.nanoTime();
            lastEnd = end;
            if (r.status() / 100 == 2) {
              ok++;
              histogram.recordValue(Math.min(MAX_MICROS, (end - due) / 1000));
              if (r.servedBy() != null) {
                servedBy.merge(r.servedBy(), 1L, Long::sum);
              }
            } else {
              error("HTTP " + r.status() + " for " + path);
            }
          } catch (IOException | RuntimeException e) {
            lastEnd = System.nanoTime();
            error(e + " for " + path);
          }
        }
      }
    }

    private void error(String why) {
      errors++;
      if (firstError == null) {
        firstError = why;
      }
    }
  }
}
