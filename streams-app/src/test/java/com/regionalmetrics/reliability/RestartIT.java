package com.regionalmetrics.reliability;

import static com.regionalmetrics.reliability.Fixtures.enc;
import static com.regionalmetrics.reliability.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.embedded.EmbeddedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads back survives every way the app can stop: history, as-of, latest and claims of
 * articles posted out of order (a correction, a syndicated copy, a retraction) are the same after a
 * clean stop and start, after SIGKILL, after the state directory is lost, and when another instance
 * takes over. The app runs as a child process against a broker and registry in this JVM; answers
 * are compared with what the articles said, not only with each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {
  static final String AQI = "/api/indicators/" + enc("张家口") + "/air.aqi_composite";
  static final String PM25 = "/api/indicators/" + enc("张家口") + "/air.pm25";

  /**
   * What the five articles below say, resolved: the 2024 AQI claims differ (newest article wins), W
   * is retracted.
   */
  static final Map<String, String> EXPECTED =
      new TreeMap<>(
          Map.of(
              "aqi latest", "2.7@2024 sources=[D] others=[2.66:A, 2.66:A-copy]",
              "aqi history",
                  "5.09@2014 sources=[A, A-copy] | 3.5@2020 sources=[B] | 2.7@2024 sources=[D]",
              "aqi asOf 2010", "HTTP 404",
              "aqi asOf 2015", "5.09@2014 sources=[A, A-copy] others=[]",
              "aqi asOf 2022", "3.5@2020 sources=[B] others=[]",
              "aqi claims",
                  "2014:5.09:A, 2014:5.09:A-copy, 2020:3.5:B, 2024:2.66:A, 2024:2.66:A-copy, 2024:2.7:D",
              "pm25 latest", "19.0@2024 sources=[A, A-copy] others=[]",
              "pm25 history", "28.0@2020 sources=[B] | 19.0@2024 sources=[A, A-copy]",
              "regions", "张家口 2 2024-12-31T15:59:59.999Z",
              "regions paged", "张家口 2 2024-12-31T15:59:59.999Z"));

  @TempDir static Path root;
  static EmbeddedKafkaBroker broker;
  static EmbeddedSchemaRegistry registry;
  static Path log;
  static App first;
  static final String TOKEN = "s3cret-token";

  /** One app process: its data directory, HTTP port and the process itself. */
  record App(Path data, int port, Process process) {
    String base() {
      return "http://127.0.0.1:" + port;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(root.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = EmbeddedSchemaRegistry.start(root.resolve("registry"), "127.0.0.1", 0);
    Path logs = Path.of("target", "reliability");
    Files.createDirectories(logs);
    log = logs.resolve("RestartIT-app.log");
    Files.deleteIfExists(log);
  }

  @AfterAll
  static void stop() throws Exception {
    for (ProcessHandle p : ProcessHandle.current().children().toList()) {
      p.destroyForcibly();
    }
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  static App startApp(Path data, int port) throws Exception {
    Process p =
        Fixtures.startAppProcess(
            data,
            broker.bootstrapServers(),
            registry.url(),
            port,
            Map.of("http.write.token", TOKEN),
            log);
    App app = new App(data, port, p);
    awaitReady(app);
    return app;
  }

  static long awaitReady(App app) {
    long t0 = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              assertThat(app.process().isAlive())
                  .as("app process alive (see " + log + ")")
                  .isTrue();
              try {
                return get(app.base(), "/ready?caughtUp=true").status() == 200;
              } catch (RuntimeException e) {
                return false; // not listening yet
              }
            });
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  @Order(0)
  void writesNeedTheTokenAndAPublicationDate() throws Exception {
    first = startApp(root.resolve("app-1"), Fixtures.freePort());
    var before =
        Fixtures.endOffsets(
            broker.bootstrapServers(), com.regionalmetrics.topology.Topics.ARTICLES);
    String article =
        Fixtures.JSON.writeValueAsString(
            Map.of("id", "X", "published", "2025-01-01", "text", "2024年，张家口市空气质量综合指数为1.00。"));

    HttpResponse<String> noToken = send(first, "POST", "/api/articles", null, article);
    HttpResponse<String> wrongToken = send(first, "POST", "/api/articles", "guess", article);
    HttpResponse<String> deleteNoToken = send(first, "DELETE", "/api/articles/X", null, null);
    HttpResponse<String> undated =
        send(
            first,
            "POST",
            "/api/articles",
            TOKEN,
            Fixtures.JSON.writeValueAsString(
                Map.of("id", "U", "text", "2024年，张家口市空气质量综合指数为1.00。")));

    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(Fixtures.JSON.readTree(noToken.body()).get("message").asText())
        .contains("Authorization: Bearer");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(deleteNoToken.statusCode()).isEqualTo(401);
    assertThat(undated.statusCode()).isEqualTo(400);
    assertThat(Fixtures.JSON.readTree(undated.body()).get("message").asText())
        .contains("published is required");
    assertThat(
            Fixtures.endOffsets(
                broker.bootstrapServers(), com.regionalmetrics.topology.Topics.ARTICLES))
        .as("refused writes reach no topic")
        .isEqualTo(before);
    assertThat(get(first.base(), AQI).status()).as("reads need no token").isEqualTo(404);
  }

  @Test
  @Order(1)
  void articlesPostedOutOfOrderResolveToWhatTheNewestSays() throws Exception {
    String a = "张家口市空气质量综合指数从2014年的5.09降至2024年的2.66，全市PM2.5平均浓度为19微克/立方米。";
    post(first, "D", "2025-03-01", "2024年，张家口市空气质量综合指数为2.70。");
    post(first, "A", "2025-02-26", a);
    post(first, "W", "2025-03-02", "2024年，张家口市PM2.5平均浓度为99微克/立方米。");
    post(first, "B", "2021-01-10", "2020年，张家口市空气质量综合指数为3.50，PM2.5平均浓度为28微克/立方米。");
    post(first, "A-copy", "2025-02-27", a);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> answers(first).get("pm25 latest").startsWith("99.0@2024"));
    delete(first, "W");
    // R's first version gives 承德 its only series; its second says no figure, so 承德 goes
    post(first, "R", "2025-03-03", "2024年，承德市PM2.5平均浓度为28微克/立方米。");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> regions(get(first.base(), "/api/regions")).contains("承德 1 2024"));
    post(first, "R", "2025-03-04", "承德市召开生态环境保护工作会议。");

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(answers(first)).isEqualTo(EXPECTED));

    // the whole region as of a date, in one call
    String region = "/api/regions/" + enc("张家口") + "/indicators";
    assertThat(listing(get(first.base(), region + "?asOf=2015")))
        .containsExactly("air.aqi_composite=5.09@2014");
    assertThat(listing(get(first.base(), region + "?asOf=2022")))
        .containsExactly("air.aqi_composite=3.5@2020", "air.pm25=28.0@2020");
    assertThat(listing(get(first.base(), region)))
        .containsExactly("air.aqi_composite=2.7@2024", "air.pm25=19.0@2024");
    assertThat(get(first.base(), region + "?asOf=2010").status()).isEqualTo(404);
    assertThat(get(first.base(), region + "?asOf=yesterday").status()).isEqualTo(400);
  }

  private static List<String> listing(Fixtures.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json()
        .get("indicators")
        .forEach(
            i ->
                out.add(
                    i.get("indicator").asText()
                        + "="
                        + i.get("value").asDouble()
                        + "@"
                        + i.get("period").asText()));
    return out;
  }

  @Test
  @Order(2)
  void aCleanStopAndStartShowsTheSameAnswers() throws Exception {
    first.process().destroy(); // SIGTERM
    assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    assertThat(first.process().exitValue())
        .as("exit status after SIGTERM (128 + 15)")
        .isEqualTo(143);

    long t0 = System.nanoTime();
    first = startApp(first.data(), first.port());
    System.out.printf(
        "FIGURES restart: clean stop -> ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    assertThat(answers(first)).as("answers right after /ready").isEqualTo(EXPECTED);
  }

  @Test
  @Order(3)
  void aKilledProcessComesBackWithTheSameAnswers() throws Exception {
    first.process().destroyForcibly(); // SIGKILL
    first.process().waitFor();

    long t0 = System.nanoTime();
    first = startApp(first.data(), first.port());
    System.out.printf(
        "FIGURES restart: SIGKILL -> ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    assertThat(answers(first)).as("answers right after /ready").isEqualTo(EXPECTED);
  }

  @Test
  @Order(4)
  void aLostStateDirectoryIsRebuiltWithTheSameAnswers() throws Exception {
    first.process().destroy();
    assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path state = first.data().resolve("streams");
    try (Stream<Path> files = Files.walk(state)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(state).doesNotExist();

    // sampled from the process start: until the restored stores answer, a query gets 503 with
    // Retry-After and a JSON error (or no connection before the HTTP port opens), never a 404 or
    // 500
    long t0 = System.nanoTime();
    Process p =
        Fixtures.startAppProcess(
            first.data(),
            broker.bootstrapServers(),
            registry.url(),
            first.port(),
            Map.of("http.write.token", TOKEN),
            log);
    first = new App(first.data(), first.port(), p);
    int unavailable = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      assertThat(p.isAlive()).as("app process alive (see " + log + ")").isTrue();
      assertThat(System.nanoTime()).as("answered within 120 s").isLessThan(deadline);
      HttpResponse<String> r;
      try {
        r =
            Fixtures.HTTP.send(
                HttpRequest.newBuilder(URI.create(first.base() + AQI))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException notListeningYet) {
        Thread.sleep(20);
        continue;
      }
      if (r.statusCode() == 200) {
        break;
      }
      assertThat(r.statusCode()).as("while restoring: %s", r.body()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(Fixtures.JSON.readTree(r.body()).get("status").asInt()).isEqualTo(503);
      unavailable++;
      Thread.sleep(20);
    }
    System.out.printf(
        "FIGURES restart: state directory deleted -> first answer in %d ms, after %d answers of 503%n",
        (System.nanoTime() - t0) / 1_000_000, unavailable);
    assertThat(unavailable).as("503s seen while the stores were not queryable").isPositive();
    awaitReady(first);

    assertThat(answers(first)).as("answers right after /ready").isEqualTo(EXPECTED);
  }

  @Test
  @Order(5)
  void anotherInstanceTakingOverAnswersTheSame() throws Exception {
    App second = startApp(root.resolve("app-2"), Fixtures.freePort());
    first.process().destroy();
    assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(answers(second)).isEqualTo(EXPECTED));
    assertThat(get(second.base(), AQI).json().get("value").asDouble()).isEqualTo(2.7);
    first = second;
  }

  @Test
  @Order(6)
  void eachDistinctMeasureAnswersByTheLabelTheArticleUsed() throws Exception {
    post(
        first,
        "M",
        "2025-01-20",
        String.join(
            "\n",
            "京张两地已打通衔接路网接口13个，其中铁路衔接接口4个、公路衔接接口9个。张家口市累计引进北京名师工作室7个、名校长工作室6个。",
            "2024年9月份，张家口市优良天数30天；第三季度优良天数91天；1-9月优良天数250天。",
            "2024年12月，张家口市PM2.5平均浓度为45微克/立方米。"));
    String region = "/api/indicators/" + enc("张家口") + "/";
    Map<String, Double> byLabel =
        Map.of(
            "铁路衔接接口",
            4.0,
            "公路衔接接口",
            9.0,
            "名校长工作室",
            6.0,
            "air.good_days@month",
            30.0,
            "air.good_days@quarter",
            91.0,
            "air.good_days@ytd",
            250.0,
            "air.pm25@month",
            45.0,
            "air.pm25",
            19.0);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Map<String, Object> answers = new TreeMap<>();
              byLabel
                  .keySet()
                  .forEach(
                      label -> {
                        Fixtures.Reply r = get(first.base(), region + enc(label));
                        answers.put(
                            label,
                            r.status() == 200
                                ? r.json().get("value").asDouble()
                                : "HTTP " + r.status());
                      });
              assertThat(answers).isEqualTo(new TreeMap<>(byLabel));
            });
    assertThat(get(first.base(), region + enc("引进北京名师工作室")).json().get("value").asDouble())
        .isEqualTo(7.0);
    // the region as written in traditional script, and with its suffix
    assertThat(
            get(first.base(), "/api/indicators/" + enc("張家口") + "/air.pm25")
                .json()
                .get("value")
                .asDouble())
        .isEqualTo(19.0);
    assertThat(
            get(first.base(), "/api/indicators/" + enc("张家口市") + "/air.pm25")
                .json()
                .get("value")
                .asDouble())
        .isEqualTo(19.0);
  }

  /** Each question a user asks of the two series, answered as text. */
  static Map<String, String> answers(App app) {
    Map<String, String> out = new TreeMap<>();
    out.put("aqi latest", point(get(app.base(), AQI)));
    out.put("aqi history", history(get(app.base(), AQI + "/history")));
    out.put("aqi asOf 2010", point(get(app.base(), AQI + "?asOf=2010")));
    out.put("aqi asOf 2015", point(get(app.base(), AQI + "?asOf=2015")));
    out.put("aqi asOf 2022", point(get(app.base(), AQI + "?asOf=2022")));
    out.put("aqi claims", claims(get(app.base(), AQI + "/claims")));
    out.put("pm25 latest", point(get(app.base(), PM25)));
    out.put("pm25 history", history(get(app.base(), PM25 + "/history")));
    out.put("regions", regions(get(app.base(), "/api/regions")));
    out.put("regions paged", regionPages(app));
    return out;
  }

  /** The region listing as "region indicators latestObservedAt", one region per line. */
  private static String regions(Fixtures.Reply r) {
    if (r.status() != 200) {
      return "HTTP " + r.status();
    }
    List<String> lines = new ArrayList<>();
    r.json()
        .get("regions")
        .forEach(
            g ->
                lines.add(
                    g.get("region").asText()
                        + " "
                        + g.get("indicators").asInt()
                        + " "
                        + g.get("latestObservedAt").asText()));
    return String.join("\n", lines);
  }

  /** The same, walked one region per page with the cursor. */
  private static String regionPages(App app) {
    List<String> lines = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 50; pages++) {
      Fixtures.Reply r =
          get(app.base(), "/api/regions?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      if (r.status() != 200) {
        return "HTTP " + r.status();
      }
      String page = regions(r);
      if (!page.isEmpty()) {
        lines.add(page);
      }
      JsonNode next = r.json().get("nextCursor");
      if (next.isNull()) {
        break;
      }
      cursor = next.asText();
    }
    return String.join("\n", lines);
  }

  private static String point(Fixtures.Reply r) {
    if (r.status() != 200) {
      return "HTTP " + r.status();
    }
    JsonNode j = r.json();
    List<String> others = new ArrayList<>();
    j.path("otherClaims")
        .forEach(c -> others.add(c.get("value").asDouble() + ":" + c.get("articleId").asText()));
    others.sort(null);
    return pointText(j) + " others=" + others;
  }

  private static String pointText(JsonNode j) {
    List<String> sources = new ArrayList<>();
    j.path("sources").forEach(s -> sources.add(s.get("articleId").asText()));
    return j.get("value").asDouble() + "@" + j.get("period").asText() + " sources=" + sources;
  }

  private static String history(Fixtures.Reply r) {
    if (r.status() != 200) {
      return "HTTP " + r.status();
    }
    List<String> points = new ArrayList<>();
    r.json().get("values").forEach(v -> points.add(pointText(v)));
    return String.join(" | ", points);
  }

  private static String claims(Fixtures.Reply r) {
    if (r.status() != 200) {
      return "HTTP " + r.status();
    }
    List<String> claims = new ArrayList<>();
    r.json()
        .get("claims")
        .forEach(
            c ->
                claims.add(
                    c.get("period").asText()
                        + ":"
                        + c.get("value").asDouble()
                        + ":"
                        + c.get("articleId").asText()));
    claims.sort(null);
    return String.join(", ", claims);
  }

  static void post(App app, String id, String published, String text) throws Exception {
    String body =
        Fixtures.JSON.writeValueAsString(Map.of("id", id, "published", published, "text", text));
    HttpResponse<String> r = send(app, "POST", "/api/articles", TOKEN, body);
    assertThat(r.statusCode()).as("POST %s: %s", id, r.body()).isEqualTo(202);
  }

  static void delete(App app, String id) throws Exception {
    HttpResponse<String> r = send(app, "DELETE", "/api/articles/" + id, TOKEN, null);
    assertThat(r.statusCode()).as("DELETE %s: %s", id, r.body()).isEqualTo(202);
  }

  static HttpResponse<String> send(App app, String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(app.base() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return Fixtures.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
