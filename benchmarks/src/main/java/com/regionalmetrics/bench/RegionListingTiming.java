package com.regionalmetrics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The time of {@code /api/regions} over the full listing — one unpaged answer, and the walk of its
 * pages of 1,000 — against a bound of the same run: {@code /health} on the same connection, which
 * reads no store. Sequential requests, medians of a few rounds after one warm-up.
 */
final class RegionListingTiming {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = 7;

  private RegionListingTiming() {}

  static void run(Report report, AppProcess app) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String api = app.api();
    List<Double> health = new ArrayList<>();
    List<Double> unpaged = new ArrayList<>();
    List<Double> walked = new ArrayList<>();
    int regions = 0;
    int pages = 0;
    for (int round = 0; round <= ROUNDS; round++) {
      long t0 = System.nanoTime();
      get(http, api + "/health");
      double h = ms(t0);
      t0 = System.nanoTime();
      JsonNode all = get(http, api + "/api/regions");
      double u = ms(t0);
      regions = all.get("regions").size();
      t0 = System.nanoTime();
      int seen = 0;
      pages = 0;
      String cursor = null;
      do {
        JsonNode page =
            get(
                http,
                api + "/api/regions?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
        seen += page.get("regions").size();
        pages++;
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      } while (cursor != null);
      double w = ms(t0);
      if (seen != regions) {
        throw new IllegalStateException("pages held " + seen + " regions, the listing " + regions);
      }
      if (round > 0) { // the first round warms up
        health.add(h);
        unpaged.add(u);
        walked.add(w);
      }
    }
    double bound = median(health);
    report.line("");
    report.table("/api/regions over the full listing", "median ms", "max ms", "÷ /health");
    report.row("/health (bound)", Report.f2(bound), Report.f2(max(health)), "1.0");
    report.row(
        "one answer, %d regions".formatted(regions),
        Report.f2(median(unpaged)),
        Report.f2(max(unpaged)),
        Report.f1(median(unpaged) / bound));
    report.row(
        "%d pages of 1,000 (cursor walk)".formatted(pages),
        Report.f2(median(walked)),
        Report.f2(max(walked)),
        Report.f1(median(walked) / bound));
  }

  private static JsonNode get(HttpClient http, String url) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": HTTP " + r.statusCode());
    }
    return url.endsWith("/health") ? null : JSON.readTree(r.body());
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
