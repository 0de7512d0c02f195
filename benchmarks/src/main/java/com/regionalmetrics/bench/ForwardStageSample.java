package com.regionalmetrics.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The counters that split a forwarded lookup's latency (issue 18), from both instances' /metrics:
 * on instance 1 the public lookups' handling time and the forwarding stages (ForwardStages), on
 * instance 2 the handling time of the internal requests. Two samples around a run give the
 * per-lookup and per-request means of that run.
 */
record ForwardStageSample(
    double publicCount,
    double publicSeconds,
    double reads,
    double queuedSeconds,
    double resumeSeconds,
    double batches,
    double roundTripSeconds,
    double exchangeSeconds,
    double internalCount,
    double internalSeconds) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PUBLIC = "route=\"/api/indicators/{region}/{indicator}\"";

  static ForwardStageSample take(String api1, String api2)
      throws IOException, InterruptedException {
    String m1 = scrape(api1);
    String m2 = scrape(api2);
    return new ForwardStageSample(
        sum(m1, "http_server_requests_seconds_count{", PUBLIC),
        sum(m1, "http_server_requests_seconds_sum{", PUBLIC),
        sum(m1, "forwarded_reads_total", ""),
        sum(m1, "forwarded_reads_stage_seconds_total{", "stage=\"queued\""),
        sum(m1, "forwarded_reads_stage_seconds_total{", "stage=\"resume\""),
        sum(m1, "forwarded_batches_total", ""),
        sum(m1, "forwarded_batches_stage_seconds_total{", "stage=\"round_trip\""),
        sum(m1, "forwarded_batches_stage_seconds_total{", "stage=\"exchange\""),
        sum(m2, "http_server_requests_seconds_count{", "route=\"/internal/v1/"),
        sum(m2, "http_server_requests_seconds_sum{", "route=\"/internal/v1/"));
  }

  /**
   * Means over the run between two samples, in µs: public handling per lookup on instance 1, queued
   * and resume per forwarded read, round trip, exchange and instance 2's handling per internal
   * request; "-" where the run had none.
   */
  String[] meansSince(ForwardStageSample before) {
    double pub = publicCount - before.publicCount;
    double r = reads - before.reads;
    double b = batches - before.batches;
    double i = internalCount - before.internalCount;
    return new String[] {
      per(publicSeconds - before.publicSeconds, pub),
      per(queuedSeconds - before.queuedSeconds, r),
      per(resumeSeconds - before.resumeSeconds, r),
      per(roundTripSeconds - before.roundTripSeconds, b),
      per(exchangeSeconds - before.exchangeSeconds, b),
      per(internalSeconds - before.internalSeconds, i),
      b == 0 ? "-" : Report.f2(r / b)
    };
  }

  private static String per(double seconds, double n) {
    return n == 0 ? "-" : Report.f0(seconds * 1e6 / n);
  }

  private static String scrape(String api) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(api + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Sum of the samples whose line starts with prefix and contains label (0 when absent). */
  private static double sum(String metrics, String prefix, String label) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(prefix) && line.contains(label)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
