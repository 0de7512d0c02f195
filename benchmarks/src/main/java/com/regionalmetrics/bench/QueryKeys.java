package com.regionalmetrics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The keys of the query benchmark: short articles, two indicators per prefecture of the gazetteer
 * ("截至去年底，<city>数据中心项目达到N个，5G基站达到M个。", as benchmarks/gen-articles.sh writes them), posted to one
 * instance; then every key the job holds, each asked of that instance once and classified by
 * X-Served-By: local (its own store) or remote (forwarded to the other instance).
 */
final class QueryKeys {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Request paths by who answers them when instance 1 is asked. */
  record Split(List<String> local, List<String> remote, int others) {}

  private QueryKeys() {}

  /** Prefecture names of the gazetteer, in its order. */
  static List<String> cities() throws IOException {
    List<String> cities = new ArrayList<>();
    try (InputStream in = QueryKeys.class.getResourceAsStream("/regions/gazetteer.tsv")) {
      if (in == null) {
        throw new IOException("regions/gazetteer.tsv is not on the classpath (the app's jar)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (!line.startsWith("#") && f.length > 3 && f[3].equals("PREFECTURE")) {
          cities.add(f[2]);
        }
      }
    }
    return cities;
  }

  /** Posts n articles to the API; returns the number of keys they make. */
  static int ingest(String api, int n, long seed) throws IOException, InterruptedException {
    List<String> cities = cities();
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      String text =
          "截至去年底，%s数据中心项目达到%d个，5G基站达到%d个。"
              .formatted(
                  cities.get(i % cities.size()),
                  1 + random.nextInt(500),
                  100 + random.nextInt(90_000));
      String body =
          JSON.writeValueAsString(
              Map.of("id", "q" + seed + "-" + i, "published", "2025-03-10", "text", text));
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(api + "/api/articles"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "POST /api/articles answered " + r.statusCode() + ": " + r.body());
      }
    }
    return 2 * Math.min(n, cities.size());
  }

  /** Every key's request path, walking /api/indicators' cursor. */
  static List<String> paths(String api) throws IOException, InterruptedException {
    List<String> paths = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          api
                              + "/api/indicators?limit=1000"
                              + (cursor == null ? "" : "&cursor=" + cursor)))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return paths; // not all partitions queryable yet: the caller asks again
      }
      JsonNode page = JSON.readTree(r.body());
      for (JsonNode item : page.path("items")) {
        paths.add(
            "/api/indicators/"
                + PipelineCommand.enc(item.path("region").asText())
                + "/"
                + PipelineCommand.enc(item.path("indicator").asText()));
      }
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    return paths;
  }

  /** Waits until the job holds at least {@code expected} keys; returns their paths. */
  static List<String> await(String api, int expected, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> paths = paths(api);
    while (paths.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(500);
      paths = paths(api);
    }
    if (paths.size() < expected) {
      throw new IllegalStateException(
          "only " + paths.size() + " of " + expected + " keys after " + timeout.toSeconds() + " s");
    }
    return paths;
  }

  /**
   * Asks {@code self} (host:port of instance 1) for each path: answered by itself is local, by
   * {@code other} remote.
   */
  static Split classify(String self, String other, List<String> paths) throws IOException {
    String[] hp = self.split(":");
    List<String> local = new ArrayList<>();
    List<String> remote = new ArrayList<>();
    int others = 0;
    try (HttpConnection c =
        new HttpConnection(hp[0], Integer.parseInt(hp[1]), Duration.ofSeconds(30))) {
      for (String path : paths) {
        HttpConnection.Response r = c.get(path);
        if (r.status() == 200 && self.equals(r.servedBy())) {
          local.add(path);
        } else if (r.status() == 200 && other.equals(r.servedBy())) {
          remote.add(path);
        } else {
          others++;
        }
      }
    }
    return new Split(local, remote, others);
  }
}
