package com.regionalmetrics.http;

import static com.regionalmetrics.testsupport.Http.enc;
import static com.regionalmetrics.testsupport.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.testsupport.Http;
import com.regionalmetrics.testsupport.OpenApiContract;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract test: real answers of the app (embedded broker, the README's sample article) to
 * every operation of the hand-written OpenAPI description — successes and errors — validated
 * against the schema the description gives for that path, method, status and content type; the
 * served description is the resource, /docs is Swagger UI, and /api is an alias of /api/v1.
 */
class OpenApiContractIT {
  static final Path SAMPLE = Path.of("..", "docs", "sample-article.txt");
  static final String ZJK = enc("张家口");

  @TempDir static Path dir;
  static RegionalMetricsApp app;
  static String base;
  static final OpenApiContract contract = new OpenApiContract();

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.zeroConfig(dir);
    base = "http://127.0.0.1:" + app.httpPort();
    HttpResponse<String> r =
        send(
            base,
            "POST",
            "/api/v1/articles?published=2025-02-26&id=seed",
            Files.readAllBytes(SAMPLE),
            "Content-Type",
            "text/plain; charset=utf-8");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertValid("POST", "/api/v1/articles", r);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Http.get(base, "/api/v1/compare/air.pm25").statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(app);
  }

  static void assertValid(String method, String template, HttpResponse<String> r) {
    assertThat(contract.violations(method, template, r))
        .as("%s %s -> %s %s", method, template, r.statusCode(), r.body())
        .isEmpty();
  }

  record Call(String method, String template, String path, byte[] body, int status) {}

  static Call call(String template, String path, int status) {
    return new Call("GET", template, path, null, status);
  }

  /** Status and headers of an endless response (the body left unread), as a String response. */
  static HttpResponse<String> streamHead(String path) {
    HttpResponse<java.io.InputStream> r;
    try {
      r =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  Http.request(base, path, "Accept", "text/event-stream").GET().build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      r.body().close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new HttpResponse<>() {
      public int statusCode() {
        return r.statusCode();
      }

      public java.net.http.HttpRequest request() {
        return r.request();
      }

      public java.util.Optional<HttpResponse<String>> previousResponse() {
        return java.util.Optional.empty();
      }

      public java.net.http.HttpHeaders headers() {
        return r.headers();
      }

      public String body() {
        return "";
      }

      public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
        return r.sslSession();
      }

      public java.net.URI uri() {
        return r.uri();
      }

      public java.net.http.HttpClient.Version version() {
        return r.version();
      }
    };
  }

  @Test
  void everyOperationAnswersAsDescribed() {
    String value = "/api/v1/indicators/{region}/{indicator}";
    List<Call> calls = new ArrayList<>();
    calls.add(call("/api/v1/regions", "/api/v1/regions", 200));
    calls.add(call("/api/v1/regions", "/api/v1/regions?format=xml", 400));
    calls.add(call("/api/v1/regions", "/api/v1/regions?limit=1&maxLag=0", 200));
    calls.add(call("/api/v1/regions", "/api/v1/regions?cursor=garbage", 400));
    calls.add(call("/api/v1/regions", "/api/v1/regions?limit=0", 400));
    calls.add(
        call("/api/v1/regions/{region}/indicators", "/api/v1/regions/" + ZJK + "/indicators", 200));
    calls.add(
        call(
            "/api/v1/regions/{region}/indicators",
            "/api/v1/regions/" + ZJK + "/indicators?asOf=2020",
            200));
    calls.add(
        call(
            "/api/v1/regions/{region}/indicators",
            "/api/v1/regions/" + enc("亚特兰蒂斯") + "/indicators",
            404));
    calls.add(call("/api/v1/indicators", "/api/v1/indicators?q=pm&limit=2", 200));
    calls.add(call("/api/v1/indicators", "/api/v1/indicators?cursor=garbage", 400));
    calls.add(call(value, "/api/v1/indicators/" + ZJK + "/air.pm25", 200));
    calls.add(call(value, "/api/v1/indicators/" + ZJK + "/air.pm25.yoy_pct", 200));
    calls.add(call(value, "/api/v1/indicators/" + ZJK + "/" + enc("空气质量综合指数") + "?asOf=2020", 200));
    calls.add(call(value, "/api/v1/indicators/" + ZJK + "/air.pm25?asOf=foo", 400));
    calls.add(call(value, "/api/v1/indicators/" + ZJK + "/air.pm25?maxLag=0", 200));
    calls.add(call(value, "/api/v1/indicators/" + ZJK + "/air.pm25?maxLag=-1", 400));
    calls.add(
        call(
            value + "/claims",
            "/api/v1/indicators/" + ZJK + "/air.aqi_composite/claims?maxLag=many",
            400));
    calls.add(call(value, "/api/v1/indicators/" + ZJK + "/no.such", 404));
    calls.add(
        call(value + "/history", "/api/v1/indicators/" + ZJK + "/air.aqi_composite/history", 200));
    calls.add(
        call(value + "/claims", "/api/v1/indicators/" + ZJK + "/air.aqi_composite/claims", 200));
    calls.add(call("/api/v1/compare/{indicator}", "/api/v1/compare/air.pm25?limit=2", 200));
    calls.add(
        call("/api/v1/compare/{indicator}", "/api/v1/compare/air.pm25?asOf=2024&order=asc", 200));
    calls.add(call("/api/v1/compare/{indicator}", "/api/v1/compare/air.pm25?level=city", 400));
    calls.add(call("/api/v1/compare/{indicator}", "/api/v1/compare/air.nothing", 404));
    calls.add(call("/api/v1/articles/{id}", "/api/v1/articles/seed", 200));
    calls.add(call("/api/v1/articles/{id}", "/api/v1/articles/never-posted", 404));
    calls.add(call("/api/v1/instances", "/api/v1/instances", 200));
    calls.add(call("/health", "/health", 200));
    calls.add(call("/ready", "/ready", 200));
    calls.add(call("/metrics", "/metrics", 200));
    calls.add(call("/openapi.json", "/openapi.json", 200));
    calls.add(new Call("PUT", "/api/v1/regions", "/api/v1/regions", null, 405));
    calls.add(
        new Call(
            "POST",
            "/api/v1/articles",
            "/api/v1/articles",
            "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            400));
    calls.add(
        new Call(
            "POST",
            "/api/v1/articles",
            "/api/v1/articles",
            "{\"text\":\"2024年衡水市PM2.5平均浓度为38微克/立方米。\",\"published\":\"2025-01-01\",\"id\":\"h\"}"
                .getBytes(StandardCharsets.UTF_8),
            202));
    calls.add(new Call("DELETE", "/api/v1/articles/{id}", "/api/v1/articles/h", null, 202));
    for (Call c : calls) {
      HttpResponse<String> r =
          c.body == null
              ? send(base, c.method, c.path, null)
              : send(base, c.method, c.path, c.body, "Content-Type", "application/json");
      assertThat(r.statusCode()).as("%s %s -> %s", c.method, c.path, r.body()).isEqualTo(c.status);
      assertValid(c.method, c.template, r);
    }
    // CSV is described where it is served
    HttpResponse<String> csv = Http.get(base, "/api/v1/compare/air.pm25", "Accept", "text/csv");
    assertValid("GET", "/api/v1/compare/{indicator}", csv);

    // an event stream never ends: its status and headers are what the description says
    assertValid("GET", "/api/v1/changes", streamHead("/api/v1/changes?indicator=air.pm25"));

    Set<String> unchecked = new TreeSet<>(contract.operations());
    unchecked.removeAll(contract.checked());
    assertThat(unchecked).as("operations no real answer was checked against").isEmpty();
  }

  @Test
  void theDescriptionIsServedAndBrowsable() throws Exception {
    HttpResponse<String> spec = Http.get(base, "/openapi.json");
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(Http.JSON.readTree(spec.body())).isEqualTo(contract.spec());
    assertThat(contract.spec().get("openapi").asText()).isEqualTo("3.1.0");

    HttpResponse<String> docs = Http.get(base, "/docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String bundle =
        docs.body()
            .lines()
            .filter(l -> l.contains("swagger-ui-bundle.js"))
            .findFirst()
            .orElseThrow()
            .replaceAll(".*src=\"([^\"]+)\".*", "$1");
    assertThat(bundle).matches("/webjars/swagger-ui/\\d+\\.\\d+\\.\\d+/swagger-ui-bundle.js");
    assertThat(Http.get(base, bundle).statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("url: \"/openapi.json\"");
  }

  @Test
  void unversionedPathsAreAnAliasOfV1() {
    for (String path :
        List.of(
            "/regions",
            "/regions/" + ZJK + "/indicators",
            "/indicators/" + ZJK + "/air.pm25/history",
            "/compare/air.pm25")) {
      // another test's article may still be being retracted: compare once the data holds still
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .pollInterval(java.time.Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                HttpResponse<String> v1 = Http.get(base, "/api/v1" + path);
                HttpResponse<String> alias = Http.get(base, "/api" + path);
                assertThat(v1.statusCode()).as(path).isEqualTo(200);
                assertThat(alias.statusCode()).as(path).isEqualTo(200);
                assertThat(alias.body()).as(path).isEqualTo(v1.body());
              });
    }
  }
}
