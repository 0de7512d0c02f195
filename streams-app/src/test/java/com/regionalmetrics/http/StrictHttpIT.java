package com.regionalmetrics.http;

import static com.regionalmetrics.testsupport.Http.enc;
import static com.regionalmetrics.testsupport.Http.get;
import static com.regionalmetrics.testsupport.Http.json;
import static com.regionalmetrics.testsupport.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.testsupport.Http;
import com.regionalmetrics.topology.Topics;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP edges on the real server (embedded broker): a wrong method on a known path is 405 with
 * Allow; a body over the limit is 413 and writes nothing to Kafka; bytes that are not UTF-8 are 400
 * and write nothing; every malformed query parameter is 400 naming it; a region written in
 * traditional script is found.
 */
class StrictHttpIT {
  @TempDir static Path dir;
  static RegionalMetricsApp app;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.zeroConfig(dir);
    base = "http://127.0.0.1:" + app.httpPort();
    HttpResponse<String> r =
        send(
            base,
            "POST",
            "/api/articles?published=2025-02-26&id=strict-seed",
            "2024年张家口PM2.5平均浓度为23微克/立方米。河北邢台经济开发区实现营业收入1020亿元。".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "text/plain; charset=utf-8");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get(base, "/api/indicators/" + enc("张家口") + "/air.pm25").statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(app);
  }

  @Test
  void aWrongMethodOnAKnownPathIs405WithAllow() {
    assertMethodNotAllowed("PUT", "/api/regions", "GET");
    assertMethodNotAllowed("DELETE", "/api/indicators/" + enc("张家口") + "/air.pm25", "GET");
    assertMethodNotAllowed("GET", "/api/articles", "POST");
    assertMethodNotAllowed("PATCH", "/api/articles/strict-seed", "GET, DELETE");
    assertMethodNotAllowed("PUT", "/api/v1/compare/air.pm25", "GET");
    // an unknown path stays 404
    assertThat(send(base, "PUT", "/api/nothing-here", null).statusCode()).isEqualTo(404);
  }

  private static void assertMethodNotAllowed(String method, String path, String allow) {
    HttpResponse<String> r = send(base, method, path, null);
    assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow").orElse("")).as("Allow of " + path).isEqualTo(allow);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json(r).get("status").asInt()).isEqualTo(405);
    assertThat(json(r).get("message").asText()).contains(method).contains(allow);
  }

  @Test
  void aBodyOverTheLimitIs413AndNothingReachesKafka() throws Exception {
    Map<TopicPartition, Long> before = articleEndOffsets();
    // 3 MiB of JSON, over the 2 MiB default of http.max.request.bytes: with Content-Length ...
    byte[] big =
        ("{\"published\":\"2025-01-01\",\"text\":\"" + "数".repeat(1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> declared =
        send(base, "POST", "/api/articles", big, "Content-Type", "application/json");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
    assertThat(json(declared).get("message").asText())
        .isEqualTo(
            "request body of "
                + big.length
                + " bytes exceeds the limit of 2097152 bytes (http.max.request.bytes)");
    // ... and chunked, without one
    HttpResponse<String> chunked =
        Http.send(
            Http.request(base, "/api/articles", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build());
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(json(chunked).get("status").asInt()).isEqualTo(413);
    // the same as plain text
    HttpResponse<String> text =
        send(
            base,
            "POST",
            "/api/articles?published=2025-01-01",
            big,
            "Content-Type",
            "text/plain; charset=utf-8");
    assertThat(text.statusCode()).as(text.body()).isEqualTo(413);
    assertThat(articleEndOffsets()).isEqualTo(before);
  }

  @Test
  void bytesThatAreNotUtf8Are400AndNothingReachesKafka() throws Exception {
    Map<TopicPartition, Long> before = articleEndOffsets();
    byte[] random = new byte[4096];
    new Random(17).nextBytes(random);
    for (String type : new String[] {"text/plain", "text/plain; charset=utf-8"}) {
      HttpResponse<String> r =
          send(base, "POST", "/api/articles?published=2025-01-01", random, "Content-Type", type);
      assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(400);
      assertThat(json(r).get("message").asText())
          .isEqualTo("body is not valid UTF-8 text (post articles as UTF-8)");
    }
    // a truncated multi-byte character at the end is no more valid than noise
    byte[] truncated = "张家口".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> cut =
        send(
            base,
            "POST",
            "/api/articles?published=2025-01-01",
            java.util.Arrays.copyOf(truncated, truncated.length - 1),
            "Content-Type",
            "text/plain");
    assertThat(cut.statusCode()).as(cut.body()).isEqualTo(400);
    assertThat(articleEndOffsets()).isEqualTo(before);
  }

  @Test
  void malformedQueryParametersAre400NamingTheParameter() {
    String zjk = enc("张家口");
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("/api/regions/" + zjk + "/indicators?asOf=foo", "asOf");
    cases.put("/api/indicators/" + zjk + "/air.pm25?asOf=2024-13", "asOf");
    cases.put("/api/indicators/" + zjk + "/air.pm25/history?from=x", "from");
    cases.put("/api/indicators/" + zjk + "/air.pm25/history?to=20x4", "to");
    cases.put("/api/indicators?cursor=garbage", "cursor");
    cases.put("/api/indicators?cursor=" + enc("5byg5a625Y-j"), "cursor"); // base64 of a non-key
    cases.put("/api/indicators?limit=abc", "limit");
    cases.put("/api/indicators?limit=0", "limit");
    cases.put("/api/indicators?limit=1001", "limit");
    cases.forEach(
        (path, param) -> {
          HttpResponse<String> r = get(base, path);
          assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(400);
          JsonNode body = json(r);
          assertThat(body.get("status").asInt()).isEqualTo(400);
          assertThat(body.get("message").asText()).as(path).startsWith(param + " ");
        });
  }

  @Test
  void aRegionInTraditionalScriptIsFound() {
    HttpResponse<String> list = get(base, "/api/regions/" + enc("張家口") + "/indicators");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(json(list).get("region").asText()).isEqualTo("张家口");
    HttpResponse<String> one = get(base, "/api/indicators/" + enc("張家口市") + "/air.pm25");
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    assertThat(json(one).get("value").asDouble()).isEqualTo(23.0);
    assertThat(json(one).get("region").asText()).isEqualTo("张家口");
  }

  @Test
  void aDevelopmentZoneIsARegionOfItsOwnUnderAnyOfItsNames() {
    for (String name : java.util.List.of("邢台经济开发区", "河北邢台经济开发区", "130571")) {
      HttpResponse<String> r = get(base, "/api/regions/" + enc(name) + "/indicators");
      assertThat(r.statusCode()).as(name + " -> " + r.body()).isEqualTo(200);
      JsonNode body = json(r);
      assertThat(body.get("region").asText()).isEqualTo("邢台经济开发区");
      assertThat(body.get("indicators").get(0).get("value").asDouble()).isEqualTo(1.02e11);
      assertThat(body.get("indicators").get(0).get("regionCode").asText()).isEqualTo("130571");
    }
  }

  static Map<TopicPartition, Long> articleEndOffsets() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()))) {
      var partitions =
          admin
              .describeTopics(java.util.List.of(Topics.ARTICLES, Topics.ARTICLES_TEXT))
              .allTopicNames()
              .get()
              .values()
              .stream()
              .flatMap(
                  d ->
                      d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listOffsets(partitions)
          .all()
          .get()
          .forEach((tp, info) -> offsets.put(tp, info.offset()));
      return offsets;
    }
  }
}
