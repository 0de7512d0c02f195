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
import com.regionalmetrics.topology.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-your-writes on the real app (embedded broker): POST ?wait= answers once the article is
 * queryable (every claim indexed), or dead-lettered; GET /api/articles/{id} tells pending,
 * processed (observations and series) and dead-lettered (the reason) apart.
 */
class ArticleStatusIT {
  @TempDir static Path dir;
  static RegionalMetricsApp app;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.zeroConfig(dir);
    base = "http://127.0.0.1:" + app.httpPort();
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(app);
  }

  static HttpResponse<String> post(String query, byte[] text) {
    return send(
        base, "POST", "/api/articles?" + query, text, "Content-Type", "text/plain; charset=utf-8");
  }

  @Test
  void postWithWaitAnswersOnceEveryValueIsQueryable() throws Exception {
    HttpResponse<String> r =
        post(
            "published=2025-02-26&id=sample&wait=30s",
            Files.readAllBytes(Path.of("..", "docs", "sample-article.txt")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode status = json(r);
    assertThat(status.get("status").asText()).isEqualTo("processed");
    assertThat(status.get("observations").asInt()).isEqualTo(9);
    assertThat(texts(status.get("series")))
        .containsExactly(
            "保定|air.pm25",
            "张家口|air.aqi_composite",
            "张家口|air.good_days",
            "张家口|air.pm25",
            "张家口|air.pm25.yoy_pct",
            "张家口|digital.compute_capacity",
            "张家口|digital.data_centers",
            "承德|air.pm25");
    assertThat(status.get("receipt").get("topic").asText()).isEqualTo(Topics.ARTICLES);
    // read-your-writes: no waiting, every value is there on the first ask
    HttpResponse<String> compare = get(base, "/api/compare/air.pm25?regions=" + enc("张家口,承德,保定"));
    assertThat(compare.statusCode()).isEqualTo(200);
    assertThat(json(compare).get("items").size()).isEqualTo(3);
    HttpResponse<String> history =
        get(base, "/api/indicators/" + enc("张家口") + "/air.aqi_composite/history");
    assertThat(json(history).get("values").size()).isEqualTo(2);

    // the same status on a GET; a new version of the same id is pending until it is processed
    assertThat(json(get(base, "/api/articles/sample")).get("status").asText())
        .isEqualTo("processed");
    HttpResponse<String> v2 =
        post(
            "published=2025-02-27&id=sample&wait=30s",
            "2024年张家口市PM2.5平均浓度为22微克/立方米。".getBytes(StandardCharsets.UTF_8));
    assertThat(v2.statusCode()).as(v2.body()).isEqualTo(200);
    assertThat(json(v2).get("observations").asInt()).isEqualTo(1);
    assertThat(texts(json(v2).get("series"))).containsExactly("张家口|air.pm25");
    assertThat(
            json(get(base, "/api/indicators/" + enc("张家口") + "/air.pm25")).get("value").asDouble())
        .isEqualTo(22.0);
  }

  @Test
  void withoutTimeToWaitItIsPendingThenProcessed() {
    HttpResponse<String> r =
        post(
            "published=2025-01-10&id=quick&wait=0s",
            "2023年唐山市PM2.5平均浓度为41微克/立方米。".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(json(r).get("status").asText()).isEqualTo("pending");
    assertThat(json(r).get("receipt").get("id").asText()).isEqualTo("quick");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                json(get(base, "/api/articles/quick")).get("status").asText().equals("processed"));
    assertThat(
            json(get(base, "/api/indicators/" + enc("唐山") + "/air.pm25")).get("value").asDouble())
        .isEqualTo(41.0);
  }

  @Test
  void aDeadLetteredArticleSaysWhy() throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ARTICLES,
                  "broken-1".getBytes(StandardCharsets.UTF_8),
                  "not avro".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(base, "/api/articles/broken-1").statusCode() == 200);
    JsonNode status = json(get(base, "/api/articles/broken-1"));
    assertThat(status.get("status").asText()).isEqualTo("dead-lettered");
    assertThat(status.get("reason").asText()).isEqualTo("bad-magic-byte");
  }

  @Test
  void unknownArticlesAndBadWaitsAreErrors() {
    HttpResponse<String> unknown = get(base, "/api/articles/never-posted");
    assertThat(unknown.statusCode()).isEqualTo(404);
    for (String wait : List.of("soon", "61s", "-1s")) {
      HttpResponse<String> r =
          post("published=2025-01-01&id=w&wait=" + wait, "x".getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(wait).isEqualTo(400);
      assertThat(json(r).get("message").asText()).startsWith("wait ");
    }
    assertThat(get(base, "/api/articles/w").statusCode()).isEqualTo(404);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
