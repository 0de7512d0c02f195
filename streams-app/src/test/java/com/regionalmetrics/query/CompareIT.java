package com.regionalmetrics.query;

import static com.regionalmetrics.testsupport.Http.enc;
import static com.regionalmetrics.testsupport.Http.get;
import static com.regionalmetrics.testsupport.Http.json;
import static com.regionalmetrics.testsupport.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/compare/{indicator}} on two instances of the job on one real broker: each answers
 * the whole cross-section (its own partitions and the other's), ordered by value, paged with a
 * cursor, as of a date, by level, parent or list of regions, with provenance.
 */
class CompareIT {
  @TempDir static Path dir;
  static EmbeddedKafkaBroker broker;
  static SchemaRegistryServer registry;
  static final RegionalMetricsApp[] apps = new RegionalMetricsApp[2];
  static final String[] bases = new String[2];

  /** Prefecture -> PM2.5 of 2023 and 2024 (null: not reported). */
  static final Map<String, Double[]> PM25 = new LinkedHashMap<>();

  static {
    PM25.put("保定", new Double[] {41.0, 38.0});
    PM25.put("唐山", new Double[] {44.0, 40.0});
    PM25.put("廊坊", new Double[] {36.0, 35.0});
    PM25.put("邯郸", new Double[] {50.0, 45.0});
    PM25.put("承德", new Double[] {25.0, 24.0});
    PM25.put("秦皇岛", new Double[] {30.0, 31.0});
    PM25.put("沧州", new Double[] {39.0, 37.0});
    PM25.put("衡水", new Double[] {43.0, 38.0}); // ties with 保定 in 2024
    PM25.put("石家庄", new Double[] {48.0, null}); // its latest is 2023
  }

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = new SchemaRegistryServer(new InMemorySchemaRegistry());
    registry.start("127.0.0.1", 0);
    for (int i = 0; i < 2; i++) {
      int port = freePort();
      apps[i] =
          RegionalMetricsApp.start(
              AppConfig.defaults()
                  .with(AppConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                  .with(AppConfig.SCHEMA_REGISTRY_URL, registry.url())
                  .with(AppConfig.HTTP_PORT, Integer.toString(port))
                  .with(AppConfig.DATA_DIR, dir.resolve("instance-" + i).toString())
                  .with(AppConfig.APPLICATION_ID, "compare-it")
                  .with("num.standby.replicas", "0")
                  .with("commit.interval.ms", "100"));
      bases[i] = "http://127.0.0.1:" + port;
    }
    for (RegionalMetricsApp app : apps) {
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
    }
    int n = 0;
    for (var e : PM25.entrySet()) {
      StringBuilder text = new StringBuilder();
      text.append("2023年").append(e.getKey()).append("市PM2.5平均浓度为");
      text.append(e.getValue()[0].intValue()).append("微克/立方米。");
      if (e.getValue()[1] != null) {
        text.append("2024年").append(e.getKey()).append("市PM2.5平均浓度为");
        text.append(e.getValue()[1].intValue()).append("微克/立方米。");
      }
      // an id with a quote and a comma, for the CSV export's quoting
      String id = e.getKey().equals("承德") ? "cmp-\"4\",承德" : "cmp-" + n;
      post(bases[n++ % 2], id, text.toString());
    }
    post(bases[0], "cmp-hebei", "2024年河北省PM2.5平均浓度为37微克/立方米。2024年涿鹿县PM2.5平均浓度为30微克/立方米。");
    post(bases[1], "cmp-other", "截至2024年底，张家口市数据中心项目达到30个。");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> rows(bases[0], "/api/compare/air.pm25?limit=1000").size() == 11);
  }

  static void post(String base, String id, String text) {
    HttpResponse<String> r =
        send(
            base,
            "POST",
            "/api/articles?published=2025-02-26&id=" + enc(id),
            text.getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "text/plain; charset=utf-8");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry, apps[0], apps[1]);
  }

  @Test
  void bothInstancesHoldPartOfTheSeries() {
    // the test is only a fan-out test if the series live on both instances
    Set<Integer> partitions = new TreeSet<>();
    PM25.keySet().forEach(city -> partitions.add(StorePartitions.of(city + "|air.pm25", 3)));
    assertThat(partitions).containsExactly(0, 1, 2);
    for (String base : bases) {
      JsonNode instances = json(get(base, "/api/instances")).get("instances");
      assertThat(instances).hasSize(2);
      instances.forEach(i -> assertThat(i.get("activePartitions")).as(i.toString()).isNotEmpty());
    }
  }

  @Test
  void latestValuesOfEveryPrefectureByValueDescendingPagedFromEitherInstance() {
    List<String> expected =
        List.of(
            "石家庄 48.0 2023",
            "邯郸 45.0 2024",
            "唐山 40.0 2024",
            "保定 38.0 2024",
            "衡水 38.0 2024",
            "沧州 37.0 2024",
            "廊坊 35.0 2024",
            "秦皇岛 31.0 2024",
            "承德 24.0 2024");
    for (String base : bases) {
      List<String> walked = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        HttpResponse<String> r =
            get(
                base,
                "/api/compare/air.pm25?level=prefecture&limit=4"
                    + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("indicator").asText()).isEqualTo("air.pm25");
        assertThat(body.get("order").asText()).isEqualTo("desc");
        assertThat(body.get("partial").asBoolean()).isFalse();
        walked.addAll(describe(body.get("items")));
        cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        pages++;
      } while (cursor != null);
      assertThat(walked).as(base).containsExactlyElementsOf(expected);
      assertThat(pages).isEqualTo(3);
    }
  }

  @Test
  void asOfADateAscending() {
    assertThat(rows(bases[1], "/api/compare/air.pm25?asOf=2023&order=asc"))
        .containsExactly(
            "承德 25.0 2023",
            "秦皇岛 30.0 2023",
            "廊坊 36.0 2023",
            "沧州 39.0 2023",
            "保定 41.0 2023",
            "衡水 43.0 2023",
            "唐山 44.0 2023",
            "石家庄 48.0 2023",
            "邯郸 50.0 2023");
    // before any value: nothing to compare
    assertThat(get(bases[0], "/api/compare/air.pm25?asOf=2022").statusCode()).isEqualTo(404);
  }

  @Test
  void byLevelParentAndListOfRegions() {
    assertThat(rows(bases[0], "/api/compare/air.pm25?level=province"))
        .containsExactly("河北 37.0 2024");
    assertThat(rows(bases[0], "/api/compare/air.pm25?level=county"))
        .containsExactly("涿鹿县 30.0 2024");
    assertThat(rows(bases[1], "/api/compare/air.pm25?within=" + enc("河北省") + "&level=county"))
        .containsExactly("涿鹿县 30.0 2024");
    // names as users write them: full name, traditional script; a region without the measure is
    // simply not in the answer
    assertThat(
            rows(
                bases[1],
                "/api/compare/air.pm25?regions=" + enc("保定,唐山市,張家口,承德") + "&order=asc&limit=2"))
        .containsExactly("承德 24.0 2024", "保定 38.0 2024");
  }

  @Test
  void eachRowCarriesItsProvenance() {
    JsonNode first =
        json(get(bases[0], "/api/compare/air.pm25?regions=" + enc("秦皇岛"))).get("items").get(0);
    assertThat(first.get("articleId").asText()).isEqualTo("cmp-5");
    assertThat(first.get("publishedAt").asText()).isEqualTo("2025-02-25T16:00:00Z");
    assertThat(first.get("evidence").asText()).isEqualTo("2024年秦皇岛市PM2.5平均浓度为31微克/立方米。");
    assertThat(first.get("regionCode").asText()).isEqualTo("130300");
    assertThat(first.get("unit").asText()).isEqualTo("μg/m³");
    assertThat(first.get("sources").get(0).get("articleId").asText()).isEqualTo("cmp-5");
  }

  @Test
  void badParametersAre400AndUnknownNames404() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("/api/compare/air.pm25?level=city", "level");
    bad.put("/api/compare/air.pm25?order=up", "order");
    bad.put("/api/compare/air.pm25?cursor=garbage", "cursor");
    bad.put("/api/compare/air.pm25?limit=0", "limit");
    bad.put("/api/compare/air.pm25?asOf=soon", "asOf");
    bad.forEach(
        (path, param) -> {
          HttpResponse<String> r = get(bases[0], path);
          assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
          assertThat(json(r).get("message").asText()).startsWith(param + " ");
        });
    HttpResponse<String> region = get(bases[0], "/api/compare/air.pm25?regions=" + enc("亚特兰蒂斯"));
    assertThat(region.statusCode()).isEqualTo(404);
    assertThat(json(region).get("message").asText()).isEqualTo("unknown region: 亚特兰蒂斯");
    HttpResponse<String> measure = get(bases[1], "/api/compare/air.no_such_thing");
    assertThat(measure.statusCode()).isEqualTo(404);
    assertThat(json(measure).get("message").asText())
        .isEqualTo("no region has a value of air.no_such_thing");
  }

  @Test
  void csvExportOfCompareHistoryAndRegions() {
    HttpResponse<String> json =
        get(bases[0], "/api/compare/air.pm25?regions=" + enc("承德,保定") + "&order=asc");
    String observed2024 = json(json).get("items").get(0).get("observedAt").asText();
    HttpResponse<String> csv =
        get(
            bases[0],
            "/api/compare/air.pm25?regions=" + enc("承德,保定") + "&order=asc&format=csv&bom=true");
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .contains("text/csv; charset=utf-8; header=present");
    assertThat(csv.body())
        .isEqualTo(
            "\uFEFF"
                + HEADER
                + "承德,130800,air.pm25,PM2.5平均浓度,2024,"
                + observed2024
                + ",24.0,μg/m³,EXACT,,,24微克/立方米,\"cmp-\"\"4\"\",承德\",2025-02-25T16:00:00Z,"
                + "\"cmp-\"\"4\"\",承德\",2024年承德市PM2.5平均浓度为24微克/立方米。\r\n"
                + "保定,130600,air.pm25,PM2.5平均浓度,2024,"
                + observed2024
                + ",38.0,μg/m³,EXACT,,,38微克/立方米,cmp-0,2025-02-25T16:00:00Z,cmp-0,"
                + "2024年保定市PM2.5平均浓度为38微克/立方米。\r\n");
    // a page of a longer answer says where the next one starts
    HttpResponse<String> page = get(bases[1], "/api/compare/air.pm25?limit=2&format=csv");
    assertThat(page.body().split("\r\n")).hasSize(3);
    assertThat(page.headers().firstValue("X-Next-Cursor")).isPresent();

    HttpResponse<String> history =
        get(bases[1], "/api/indicators/" + enc("保定") + "/air.pm25/history", "Accept", "text/csv");
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    String[] lines = history.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0] + "\r\n").isEqualTo(HEADER);
    assertThat(lines[1]).startsWith("保定,130600,air.pm25,PM2.5平均浓度,2023,").contains(",41.0,");
    assertThat(lines[2]).startsWith("保定,130600,air.pm25,PM2.5平均浓度,2024,").contains(",38.0,");

    HttpResponse<String> regions = get(bases[0], "/api/regions?format=csv");
    assertThat(regions.statusCode()).isEqualTo(200);
    List<String> regionLines = List.of(regions.body().split("\r\n"));
    assertThat(regionLines.get(0)).isEqualTo("region,regionCode,indicators,latestObservedAt");
    assertThat(regionLines).hasSize(13).anyMatch(l -> l.startsWith("石家庄,130100,1,"));

    assertThat(get(bases[0], "/api/regions?format=xml").statusCode()).isEqualTo(400);
    assertThat(get(bases[0], "/api/regions?format=csv&bom=yes").statusCode()).isEqualTo(400);
  }

  static final String HEADER =
      "region,regionCode,indicator,indicatorLabel,period,observedAt,value,unit,qualifier,change,"
          + "direction,rawText,articleId,publishedAt,sources,evidence\r\n";

  static List<String> rows(String base, String path) {
    HttpResponse<String> r = get(base, path);
    if (r.statusCode() != 200) {
      return List.of("HTTP " + r.statusCode() + " " + r.body());
    }
    return describe(json(r).get("items"));
  }

  static List<String> describe(JsonNode items) {
    List<String> rows = new ArrayList<>();
    items.forEach(
        i ->
            rows.add(
                i.get("region").asText()
                    + " "
                    + i.get("value").asDouble()
                    + " "
                    + i.get("period").asText()));
    return rows;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
