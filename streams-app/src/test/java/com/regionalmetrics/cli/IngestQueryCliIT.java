package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.topology.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest and query commands against the real app (embedded broker, real HTTP): a directory of
 * generated articles with a sidecar and two bad files, the summary with the pipeline's counts,
 * query tables and JSON, and the pipeline counters on /metrics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestQueryCliIT {
  private static final int GENERATED = 240;
  private static final List<String> CITIES =
      List.of("石家庄", "唐山", "秦皇岛", "邯郸", "邢台", "保定", "张家口", "承德", "沧州", "廊坊");

  @TempDir static Path dataDir;
  @TempDir static Path articles;
  static RegionalMetricsApp app;
  static String base;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.zeroConfig(dataDir);
    base = "http://127.0.0.1:" + app.httpPort();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  @Order(1)
  void ingestADirectoryShowsProgressAndSummarisesAcceptedRejectedAndObservations()
      throws Exception {
    for (int i = 0; i < GENERATED; i++) {
      String city = CITIES.get(i % CITIES.size());
      String text =
          String.format(
              Locale.ROOT,
              "%s市生态环境公报（第%d期）%n2015年以来，%s市空气质量综合指数从%.2f降至2024年的%.2f。%n",
              city,
              i + 1,
              city,
              5 + i * 0.01,
              2 + i * 0.005);
      write(
          "batch-" + (i % 3) + "/article-" + i + (i % 5 == 0 ? ".md" : ".txt"),
          text.getBytes(StandardCharsets.UTF_8));
    }
    write("hengshui.txt", "2015年以来，衡水市空气质量综合指数从6.50降至2024年的3.10。".getBytes(StandardCharsets.UTF_8));
    write(
        "hengshui.meta.json",
        "{\"published\":\"2025-01-15\",\"id\":\"hengshui-1\",\"url\":\"https://example.org/hs\"}"
            .getBytes(StandardCharsets.UTF_8));
    write("empty.txt", " \n".getBytes(StandardCharsets.UTF_8));
    write("gbk.txt", "衡水".getBytes("GBK"));
    write("notes.json", "{}".getBytes(StandardCharsets.UTF_8));

    Run r = run("ingest", articles.toString(), "--api", base, "--published", "2025-03-10");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    int files = GENERATED + 3;
    int accepted = GENERATED + 1;
    assertThat(r.out()).contains("Ingested " + files + " files in ");
    assertThat(r.out()).contains("  accepted  " + accepted + "\n");
    assertThat(r.out()).contains("  rejected  2\n");
    assertThat(r.out()).containsPattern("\\s+1  empty file  \\(.*empty\\.txt\\)");
    assertThat(r.out()).containsPattern("\\s+1  not UTF-8 text  \\(.*gbk\\.txt\\)");
    assertThat(r.out())
        .contains(
            "  pipeline  "
                + accepted
                + " processed ("
                + 2 * accepted
                + " observations), no dead letters, none pending (after ");
    // not a terminal here: plain progress lines on stderr
    assertThat(r.err()).contains("ingest: " + files + "/" + files + " (100%)");
    assertThat(r.err())
        .containsPattern("ingest: \\d+/" + files + " \\(10%\\), [\\d.]+/s, ETA \\d+:\\d\\d");
    assertThat(r.err()).contains("rejected " + articles.resolve("empty.txt") + ": empty file");

    // nothing to ingest / nowhere to send it: clear errors, exit 2
    Run none =
        run("ingest", articles.resolve("batch-0").toString(), "--ext", "html", "--api", base);
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no article files (*.html)");
    Run unreachable =
        run("ingest", articles.resolve("hengshui.txt").toString(), "--api", "http://127.0.0.1:1");
    assertThat(unreachable.exit()).isEqualTo(2);
    assertThat(unreachable.err()).contains("cannot reach the app at http://127.0.0.1:1");
  }

  @Test
  @Order(2)
  void queryPrintsAlignedTablesAndJson() throws Exception {
    // "emitted" is counted when events leave the extractor; indexing them follows shortly after
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                run("query", "衡水", "空气质量综合指数", "--history", "--api", base)
                    .out()
                    .contains("2 values"));
    Run history = run("query", "衡水", "空气质量综合指数", "--history", "--api", base);
    assertThat(history.exit()).as(history.err()).isZero();
    List<String> lines = history.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("衡水 · 空气质量综合指数 (air.aqi_composite) · 2 values");
    assertThat(lines.get(2))
        .isEqualTo("Period  Value  Unit  As written  Qualifier  Article     Published");
    assertThat(lines.get(4))
        .isEqualTo("2015      6.5        6.50        EXACT      hengshui-1  2025-01-15");
    assertThat(lines.get(5))
        .isEqualTo("2024      3.1        3.10        EXACT      hengshui-1  2025-01-15");

    Run region = run("query", "衡水市", "--api", base);
    assertThat(region.exit()).as(region.err()).isZero();
    assertThat(region.out()).startsWith("衡水 (131100) · 1 indicator\n");
    assertThat(region.out())
        .contains("air       空气质量综合指数    3.1        2024    3.10        air.aqi_composite\n");

    Run asOf = run("query", "衡水", "air.aqi_composite", "--as-of", "2020", "--api", base);
    assertThat(asOf.out())
        .contains("as of 2020")
        .contains("Value        6.5\n")
        .contains("Period       2015 (valid from 2015-12-31T23:59:59.999+08:00)")
        .contains("Article      hengshui-1 (published 2025-01-15)")
        .contains("Evidence     2015年以来");

    Run json = run("query", "衡水", "--as-of", "2020-06-30", "--json", "--api", base);
    JsonNode body = new ObjectMapper().readTree(json.out());
    assertThat(body.get("asOf").asText()).isEqualTo("2020-06-30");
    assertThat(body.get("indicators").get(0).get("value").asDouble()).isEqualTo(6.5);

    Run csv = run("query", "衡水", "空气质量综合指数", "--history", "--csv", "--api", base);
    assertThat(csv.exit()).as(csv.err()).isZero();
    List<String> rows = List.of(csv.out().split("\r\n"));
    assertThat(rows.get(0)).startsWith("region,regionCode,indicator,indicatorLabel,period,");
    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> String.join(",", List.of(row.split(",")).subList(0, 5)))
        .containsExactly(
            "衡水,131100,air.aqi_composite,空气质量综合指数,2015",
            "衡水,131100,air.aqi_composite,空气质量综合指数,2024");
    assertThat(run("query", "衡水", "--csv", "--json", "--api", base).exit()).isEqualTo(2);

    Run missing = run("query", "衡水", "no.such.indicator", "--api", base);
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).startsWith("not found: ");
    Run usage = run("query", "衡水", "--history", "--api", base);
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err()).contains("--history needs an INDICATOR");
  }

  @Test
  @Order(3)
  void pipelineCountersMoveOnMetrics() throws Exception {
    Map<String, Object> props =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
    try (var producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ARTICLES_TEXT, null, new byte[] {(byte) 0xC3, (byte) 0x28}))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ARTICLES_TEXT, null, " ".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              String metrics =
                  http.send(
                          HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body();
              assertThat(metrics)
                  .contains("regional_metrics_dlq_records_total{reason=\"invalid-utf8\"} 1.0")
                  .contains("regional_metrics_dlq_records_total{reason=\"empty-text\"} 1.0")
                  .contains("regional_metrics_articles_read_total " + (GENERATED + 1) + ".0")
                  .contains(
                      "regional_metrics_observations_emitted_total " + 2 * (GENERATED + 1) + ".0")
                  .contains("regional_metrics_extraction_seconds_count " + (GENERATED + 1))
                  .contains(
                      "http_server_requests_seconds_count{method=\"POST\",route=\"/api/articles\",status=\"202\"}")
                  .contains("kafka_stream_");
            });
  }

  @Test
  @Order(4)
  void retractWithdrawsAnArticleAndTheAnswerFallsBack() throws Exception {
    write("later/hengshui-fix.txt", "2024年，衡水市空气质量综合指数为2.90。".getBytes(StandardCharsets.UTF_8));
    Run posted =
        run(
            "ingest",
            articles.resolve("later").toString(),
            "--api",
            base,
            "--published",
            "2025-02-01",
            "--id",
            "hengshui-fix");
    assertThat(posted.exit()).as(posted.out() + posted.err()).isZero();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                run("query", "衡水", "air.aqi_composite", "--api", base)
                    .out()
                    .contains("Value        2.9\n"));

    Run retracted = run("retract", "hengshui-fix", "--api", base);

    assertThat(retracted.exit()).as(retracted.err()).isZero();
    assertThat(retracted.out()).isEqualTo("retracted hengshui-fix\n");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                run("query", "衡水", "air.aqi_composite", "--api", base)
                    .out()
                    .contains("Value        3.1\n"));
    Run unreachable = run("retract", "x", "--api", "http://127.0.0.1:1");
    assertThat(unreachable.exit()).isEqualTo(2);
  }

  @Test
  @Order(5)
  void extractPrintsTheEventsOfAFileAsJsonLinesWithoutKafka() throws Exception {
    write("offline.txt", "2015年以来，邢台市空气质量综合指数从7.10降至2024年的3.60。".getBytes(StandardCharsets.UTF_8));

    Run r =
        run(
            "extract",
            "--published",
            "2025-01-15",
            "--id",
            "offline-1",
            articles.resolve("offline.txt").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> events =
        r.out()
            .lines()
            .map(
                l -> {
                  try {
                    return new ObjectMapper().readTree(l);
                  } catch (Exception e) {
                    throw new AssertionError("not JSON: " + l, e);
                  }
                })
            .toList();
    assertThat(events)
        .extracting(
            e ->
                e.get("region").asText()
                    + " "
                    + e.get("indicator").asText()
                    + " "
                    + e.get("value").asDouble()
                    + "@"
                    + e.get("period").asText()
                    + " "
                    + e.get("articleId").asText())
        .containsExactly(
            "邢台 air.aqi_composite 7.1@2015 offline-1", "邢台 air.aqi_composite 3.6@2024 offline-1");
    Run notUtf8 = run("extract", articles.resolve("gbk.txt").toString());
    assertThat(notUtf8.exit()).isEqualTo(2);
    assertThat(notUtf8.err()).contains("gbk.txt is not UTF-8 text").doesNotContain("Input length");
  }

  @Test
  @Order(6)
  void theReadmeSampleThroughIngestQueryRegionsSearchAndCompare() throws Exception {
    Path sample = Path.of("..", "docs", "sample-article.txt");
    Run ingested =
        run(
            "ingest",
            sample.toString(),
            "--published",
            "2025-02-26",
            "--id",
            "seed",
            "--api",
            base);
    assertThat(ingested.exit()).as(ingested.out() + ingested.err()).isZero();
    assertThat(ingested.out())
        .contains("  pipeline  1 processed (9 observations), no dead letters, none pending");

    // a change is shown as a change: direction, number, kind
    Run region = run("query", "张家口", "--api", base);
    assertThat(region.exit()).as(region.err()).isZero();
    assertThat(region.out().lines())
        .anyMatch(
            l -> l.matches("air +PM2\\.5平均浓度 +↓4\\.2 % y/y +2024 +4\\.2% +air\\.pm25\\.yoy_pct"))
        .anyMatch(l -> l.matches("air +PM2\\.5平均浓度 +23 +μg/m³ +2024 +23微克/立方米 +air\\.pm25"));

    Run compare = run("compare", "air.pm25", "--api", base);
    assertThat(compare.exit()).as(compare.err()).isZero();
    List<String> lines = compare.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("air.pm25 · PM2.5平均浓度 · latest · 3 regions");
    assertThat(lines.subList(4, 7))
        .extracting(l -> l.replaceAll(" +", " ").strip())
        .containsExactly(
            "1 保定 38 μg/m³ 2024 seed 2025-02-26",
            "2 承德 28 μg/m³ 2024 seed 2025-02-26",
            "3 张家口 23 μg/m³ 2024 seed 2025-02-26");
    Run compareCsv =
        run("compare", "air.pm25", "--order", "asc", "--limit", "1", "--csv", "--api", base);
    assertThat(compareCsv.out().split("\r\n")[1]).startsWith("张家口,130700,air.pm25,");
    assertThat(run("compare", "air.pm25", "--level", "city", "--api", base).exit()).isEqualTo(1);
    assertThat(run("compare", "air.nothing", "--api", base).exit()).isEqualTo(3);

    Run regions = run("regions", "--api", base);
    assertThat(regions.exit()).as(regions.err()).isZero();
    assertThat(regions.out().lines()).anyMatch(l -> l.matches("张家口 +130700 +6 +2024-12-31"));
    Run search = run("search", "数据中心", "--api", base);
    assertThat(search.out().lines())
        .anyMatch(l -> l.matches("张家口 +数据中心项目 +30 +2024 +digital\\.data_centers"));
    assertThat(run("regions", "--api", "http://127.0.0.1:1").exit()).isEqualTo(2);
  }

  private static void write(String name, byte[] bytes) throws Exception {
    Path p = articles.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }
}
