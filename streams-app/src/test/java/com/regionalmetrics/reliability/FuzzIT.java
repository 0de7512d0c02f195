package com.regionalmetrics.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 6, fault 6: generated input against the running app's HTTP endpoints (real broker,
 * zero-config) and against the extractor. No 500, no exception escaping, every answer JSON without
 * internals, and a hang guard on every call (figures: the slowest call seen).
 */
class FuzzIT {
  static final Set<Integer> ALLOWED = Set.of(200, 202, 400, 404, 405, 413, 503);
  static final Duration HANG_GUARD = Duration.ofSeconds(10);
  static final AtomicLong slowestHttpMs = new AtomicLong();
  static final AtomicLong slowestExtractMs = new AtomicLong();
  static Path dir;
  static RegionalMetricsApp app;
  static String base;
  static final Extractor EXTRACTOR = Extractor.strict(); // any rule that throws fails the property

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("fuzz-it");
    app = TestApps.zeroConfig(dir);
    base = "http://127.0.0.1:" + app.httpPort();
  }

  @AfterContainer
  static void stop() throws Exception {
    System.out.printf(
        "FIGURES fuzz: slowestHttpMs=%d slowestExtractMs=%d%n",
        slowestHttpMs.get(), slowestExtractMs.get());
    if (app != null) {
      app.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static HttpResponse<String> send(HttpRequest request) {
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                Fixtures.HTTP.send(
                    request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    slowestHttpMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
    return r;
  }

  static void check(HttpResponse<String> r) throws Exception {
    String what =
        r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + " " + r.body();
    assertThat(r.statusCode()).as(what).isIn(ALLOWED);
    if (r.statusCode() == 200 || r.statusCode() == 202) {
      assertThat(Fixtures.JSON.readTree(r.body())).as(what).isNotNull();
    } else {
      // every error is the API's JSON, including those Jetty answers before Javalin routes the
      // request
      assertThat(r.body()).as(what).startsWith("{");
      assertThat(Fixtures.JSON.readTree(r.body()).get("status").asInt())
          .as(what)
          .isEqualTo(r.statusCode());
    }
    if (r.statusCode() >= 400) {
      SecurityAndLimitsIT.assertNoInternalsIn(r.body(), what);
    }
  }

  @Provide
  Arbitrary<String> anything() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings()
            .withChars("承德张家口市县区|/%.\\?&#=;:+ 0123456789-T:Z\u0000\u202e\ud83d\ude00")
            .ofMaxLength(30),
        Arbitraries.of(
            "",
            " ",
            "..",
            "../../etc/passwd",
            "%00",
            "%2F",
            "null",
            "-1",
            "2024",
            "2024-02-30",
            "9999-12-31",
            "0000",
            "1969",
            "2200-01-01",
            "99999999999999999999",
            "NaN",
            "承德",
            "air.pm25",
            "{}",
            "[]",
            "<script>"));
  }

  static String enc(String s) {
    return Fixtures.enc(s);
  }

  @Property(tries = 300)
  void queryEndpointsNeverFail(
      @ForAll("anything") String region,
      @ForAll("anything") String indicator,
      @ForAll("anything") String param)
      throws Exception {
    String r = region.isEmpty() ? "x" : enc(region);
    String i = indicator.isEmpty() ? "x" : enc(indicator);
    String p = enc(param);
    List<String> paths =
        List.of(
            "/api/indicators/" + r + "/" + i + "?asOf=" + p,
            "/api/indicators/" + r + "/" + i + "/history?from=" + p + "&to=" + enc(indicator),
            "/api/regions/" + r + "/indicators",
            "/api/indicators?q="
                + p
                + "&category="
                + i
                + "&limit="
                + enc(indicator)
                + "&cursor="
                + p,
            "/api/regions?x=" + p,
            "/internal/v1/value?key=" + r + "&partition=" + p + "&asOf=" + i,
            "/internal/v1/history?key=" + r + "&partition=" + p,
            "/internal/v1/scan?partitions=" + p + "&prefix=" + r + "&limit=" + i);
    for (String path : paths) {
      check(send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()));
    }
  }

  @Property(tries = 200)
  void postArticleNeverFails(
      @ForAll("anything") String text,
      @ForAll("contentTypes") String contentType,
      @ForAll("anything") String published,
      @ForAll boolean json)
      throws Exception {
    String body =
        json
            ? "{\"text\":"
                + Fixtures.JSON.writeValueAsString(text)
                + ",\"published\":\""
                + published.replace("\"", "")
                + "\"}"
            : text;
    String path =
        "/api/articles" + (json ? "" : "?published=" + enc(published) + "&id=" + enc(published));
    check(
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build()));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(
        "text/plain",
        "text/plain; charset=utf-8",
        "application/json",
        "application/json; charset=gbk",
        "application/octet-stream",
        "multipart/form-data; boundary=x",
        "x/y",
        "");
  }

  @Provide
  Arbitrary<String> articleLike() {
    Arbitrary<String> sentence =
        Combinators.combine(
                Arbitraries.of("截至", "", "从", "到", "今年", "去年底", "2014年起至"),
                Arbitraries.integers().between(1000, 2300).map(y -> y + "年"),
                Arbitraries.of("承德市", "张家口", "河北省", "某市", "全国", "涿鹿县", ""),
                Arbitraries.of("数据中心项目", "森林覆盖率", "PM2.5平均浓度", "可再生能源装机规模", "GDP", "优良天数", "算力规模"),
                Arbitraries.of("达到", "为", "降至", "同比增长", "从", "超过", "约", "以上"),
                Arbitraries.strings()
                    .withChars("0123456789.,万亿千百十一二两〇%")
                    .ofMinLength(1)
                    .ofMaxLength(12),
                Arbitraries.of("个", "%", "万千瓦", "微克/立方米", "天", "亿元", "P", "百分点", "", "万P"))
            .as((a, b, c, d, e, f, g) -> a + b + c + d + e + f + g + "。");
    return sentence
        .list()
        .ofMaxSize(20)
        .map(l -> String.join(Arbitraries.of("", "\n", "，", " ").sample(), l));
  }

  @Property(tries = 1000)
  void extractorNeverThrowsAndTerminates(
      @ForAll("articleLike") String text, @ForAll boolean withDate) {
    long t0 = System.nanoTime();
    List<Observation> obs =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                EXTRACTOR.extract(
                    text, withDate ? Instant.parse("2025-03-01T00:00:00Z") : null, null));
    slowestExtractMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
    assertThat(obs)
        .isNotNull()
        .allSatisfy(
            o -> {
              assertThat(o.region()).isNotBlank();
              assertThat(o.indicator()).isNotBlank();
              assertThat(Double.isFinite(o.value())).as(o.toString()).isTrue();
            });
  }
}
