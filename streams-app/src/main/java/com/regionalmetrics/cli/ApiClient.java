package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The app's HTTP API as the CLI uses it. A 503 is retried after its Retry-After a few times. */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A non-2xx answer, with the API's JSON message. */
  static final class ApiException extends Exception {
    final int status;

    ApiException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final String api;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int attempts;

  /** Sent as a bearer token on writes when the app has http.write.token set. */
  private final String writeToken = System.getenv(WRITE_TOKEN_ENV);

  /** The environment variable the CLI takes the write token from. */
  static final String WRITE_TOKEN_ENV = "RM_HTTP_WRITE_TOKEN";

  ApiClient(String api) {
    this(api, 10);
  }

  ApiClient(String api, int attempts) {
    this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    this.attempts = attempts;
  }

  private HttpRequest.Builder write(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60));
    return writeToken == null || writeToken.isBlank()
        ? b
        : b.header("Authorization", "Bearer " + writeToken.strip());
  }

  String api() {
    return api;
  }

  /** Fails with a message a user can act on when the app is not there. */
  void checkReachable() throws ApiException, InterruptedException {
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(api + "/health"))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new ApiException(
          0,
          "cannot reach the app at "
              + api
              + (e instanceof ConnectException ? "" : " (" + e + ")")
              + ": is it running? (java -jar regional-metrics.jar run) Or pass --api URL");
    }
  }

  JsonNode get(String path) throws ApiException, IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .GET()
            .build());
  }

  JsonNode postArticle(Map<String, String> fields)
      throws ApiException, IOException, InterruptedException {
    Map<String, String> body = new LinkedHashMap<>();
    fields.forEach(
        (k, v) -> {
          if (v != null) {
            body.put(k, v);
          }
        });
    return send(
        write("/api/articles")
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build());
  }

  JsonNode deleteArticle(String id) throws ApiException, IOException, InterruptedException {
    return send(write("/api/articles/" + enc(id)).DELETE().build());
  }

  /** The Prometheus text of /metrics. */
  String metrics() throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(api + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IOException("/metrics answered " + r.statusCode());
    }
    return r.body();
  }

  /** The answer as CSV text ({@code format=csv} added to the path's query). */
  String getCsv(String path) throws ApiException, IOException, InterruptedException {
    String sep = path.contains("?") ? "&" : "?";
    return sendForText(
            HttpRequest.newBuilder(URI.create(api + path + sep + "format=csv"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/csv")
                .GET()
                .build())
        .body();
  }

  private JsonNode send(HttpRequest request)
      throws ApiException, IOException, InterruptedException {
    return parse(sendForText(request).body());
  }

  /** A 2xx answer; 503 retried after Retry-After; anything else an ApiException. */
  private HttpResponse<String> sendForText(HttpRequest request)
      throws ApiException, IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() / 100 == 2) {
        return r;
      }
      JsonNode body = parse(r.body());
      String message =
          body != null && body.hasNonNull("message")
              ? body.get("message").asText()
              : "HTTP " + r.statusCode();
      if (r.statusCode() == 503 && attempt < attempts) {
        long seconds = r.headers().firstValueAsLong("Retry-After").orElse(1);
        Thread.sleep(Math.min(Math.max(seconds, 1), 10) * 1000);
        continue;
      }
      throw new ApiException(r.statusCode(), message);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
