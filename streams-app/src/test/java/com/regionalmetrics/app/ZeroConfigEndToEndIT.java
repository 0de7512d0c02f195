package com.regionalmetrics.app;

import static com.regionalmetrics.testsupport.Http.JSON;
import static com.regionalmetrics.testsupport.Http.enc;
import static com.regionalmetrics.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.serde.SpecificAvroSerde;
import com.regionalmetrics.testsupport.Http;
import com.regionalmetrics.topology.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-config app on a real embedded KRaft broker and registry, driven over real HTTP as a user
 * would: post an article, wait until it is queryable, ask latest, as-of and history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZeroConfigEndToEndIT {

  /** Written for this test: two from-to transitions and a level with a magnitude. */
  private static final String ARTICLE =
      String.join(
          "\n",
          "承德市生态环境持续向好",
          "2015年以来，承德市空气质量综合指数从6.12降至2024年的3.05，细颗粒物(PM2.5)平均浓度从48微克/立方米降至25微克/立方米。",
          "截至去年底，承德市可再生能源装机规模达到1234.5万千瓦。");

  @TempDir static Path dataDir;
  static RegionalMetricsApp app;
  static String base;

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

  @Test
  @Order(1)
  void postedArticleBecomesQueryableLatestAsOfAndHistory() throws Exception {
    var posted =
        post(
            "/api/articles?published=2025-03-10&id=chengde-1",
            "text/plain; charset=utf-8",
            ARTICLE);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    assertThat(json(posted).get("id").asText()).isEqualTo("chengde-1");

    String indicator = "/api/indicators/" + enc("承德") + "/" + enc("空气质量综合指数");
    String regionIndicators = "/api/regions/" + enc("承德市") + "/indicators";
    // the article's values are indexed one after the other, on different partitions: wait for
    // all of them (both index values, and the region's three series), not the first
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                get(indicator + "/history").statusCode() == 200
                    && json(get(indicator + "/history")).get("values").size() == 2
                    && get(regionIndicators).statusCode() == 200
                    && json(get(regionIndicators)).get("indicators").size() >= 3);

    JsonNode latest = json(get(indicator));
    assertThat(latest.get("value").asDouble()).isEqualTo(3.05);
    assertThat(latest.get("period").asText()).isEqualTo("2024");
    assertThat(latest.get("articleId").asText()).isEqualTo("chengde-1");
    assertThat(latest.get("evidence").asText()).contains("6.12");

    JsonNode asOf = json(get(indicator + "?asOf=2020"));
    assertThat(asOf.get("value").asDouble()).isEqualTo(6.12);
    assertThat(asOf.get("period").asText()).isEqualTo("2015");

    JsonNode history = json(get(indicator + "/history"));
    List<Double> values = new ArrayList<>();
    history.get("values").forEach(v -> values.add(v.get("value").asDouble()));
    assertThat(values).containsExactly(6.12, 3.05);

    JsonNode bounded = json(get(indicator + "/history?from=2016&to=2025"));
    assertThat(bounded.get("values")).hasSize(1);

    JsonNode regions = json(get("/api/regions"));
    assertThat(regions.get("regions").findValuesAsText("region")).contains("承德");
    JsonNode indicators = json(get(regionIndicators));
    assertThat(indicators.get("indicators").size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  @Order(2)
  void postingTheSameArticleAgainLeavesHistoryUnchanged() throws Exception {
    String history = "/api/indicators/" + enc("承德") + "/" + enc("空气质量综合指数") + "/history";
    String before = get(history).body();
    Map<TopicPartition, Long> eventsBefore = endOffsets(Topics.METRIC_EVENTS);

    var again =
        post(
            "/api/articles",
            "application/json",
            JSON.writeValueAsString(
                Map.of("id", "chengde-1", "text", ARTICLE, "published", "2025-03-10")));
    assertThat(again.statusCode()).isEqualTo(202);
    // wait until the job has committed past the repeated record: then it has been processed
    JsonNode receipt = json(again);
    var partition =
        new TopicPartition(receipt.get("topic").asText(), receipt.get("partition").asInt());
    long offset = receipt.get("offset").asLong();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                var committed =
                    admin
                        .listConsumerGroupOffsets("regional-metrics")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > offset;
              });
    }

    assertThat(get(history).body()).isEqualTo(before);
    assertThat(endOffsets(Topics.METRIC_EVENTS))
        .as("the re-post was skipped, not re-processed: nothing written")
        .isEqualTo(eventsBefore);
  }

  /** The last stable offsets of a topic's partitions. */
  private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()))) {
      var parts =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions();
      Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs =
          new java.util.HashMap<>();
      parts.forEach(
          p ->
              specs.put(
                  new TopicPartition(topic, p.partition()),
                  org.apache.kafka.clients.admin.OffsetSpec.latest()));
      Map<TopicPartition, Long> out =
          new java.util.TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
      admin
          .listOffsets(
              specs,
              new org.apache.kafka.clients.admin.ListOffsetsOptions(
                  org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
          .all()
          .get()
          .forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    }
  }

  @Test
  @Order(3)
  void errorsAreJson() throws Exception {
    var unknown = get("/api/indicators/" + enc("承德") + "/no.such.indicator");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("status").asInt()).isEqualTo(404);

    var badDate = get("/api/indicators/" + enc("承德") + "/" + enc("空气质量综合指数") + "?asOf=not-a-date");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(json(badDate).get("message").asText()).contains("asOf");

    var empty = post("/api/articles", "text/plain", "   ");
    assertThat(empty.statusCode()).isEqualTo(400);

    var badJson = post("/api/articles", "application/json", "{not json");
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(badJson.body()).doesNotContain("Exception").doesNotContain("at com.");

    var noRoute = get("/api/nothing-here");
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(json(noRoute).get("error").asText()).isNotBlank();

    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("kafka_stream");
  }

  @Test
  @Order(4)
  void metricEventsOnTheTopicAreConfluentFramedAvroReadableThroughTheRegistry() {
    var serde = new SpecificAvroSerde<MetricEvent>();
    serde.configure(Map.of("schema.registry.url", app.schemaRegistryUrl()), false);
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), serde.deserializer())) {
      consumer.subscribe(List.of(Topics.METRIC_EVENTS));
      List<MetricEvent> read = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.value()));
                return read.stream()
                    .anyMatch(e -> e.getRegion().equals("承德") && e.getValue() == 6.12);
              });
      assertThat(read).allSatisfy(e -> assertThat(e.getEventId()).isNotBlank());
    }
  }

  static HttpResponse<String> get(String path) {
    return Http.at(base).get(path);
  }

  static HttpResponse<String> post(String path, String contentType, String body) {
    return Http.at(base).post(path, contentType, body);
  }
}
