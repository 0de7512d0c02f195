package com.regionalmetrics.containers;

import static com.regionalmetrics.testsupport.Http.JSON;
import static com.regionalmetrics.testsupport.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.testsupport.Http;
import com.regionalmetrics.topology.Topics;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * End to end on real containers: a Kafka broker (KRaft) and Apicurio Registry (a third-party
 * implementation of the Confluent Schema Registry API), the app pointed at both. Ingest an article
 * over HTTP, read metric-events back as Confluent-framed Avro decoded through the registry
 * container, and ask latest / as-of / history over HTTP.
 *
 * <p>Images: {@link ContainerImages} (system properties it.kafka.image, it.registry.image).
 */
@RequiresContainerEngine
@Testcontainers(parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainersEndToEndIT {

  /** Written for this test. */
  private static final String ARTICLE =
      String.join(
          "\n",
          "承德市生态环境持续向好",
          "2015年以来，承德市空气质量综合指数从6.12降至2024年的3.05，细颗粒物(PM2.5)平均浓度从48微克/立方米降至25微克/立方米。");

  private static final String ARTICLE_ID = "containers-chengde-1";

  // a second attempt covers a start-script race the Kafka image's wrapper can lose on a loaded
  // machine
  @Container
  static final KafkaContainer KAFKA =
      new KafkaContainer(ContainerImages.kafka())
          .withStartupTimeout(Duration.ofMinutes(3))
          .withStartupAttempts(2);

  @Container
  static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(ContainerImages.registry())
          .withExposedPorts(8080)
          .waitingFor(
              Wait.forHttp(ContainerImages.REGISTRY_CCOMPAT_PATH + "/subjects")
                  .forStatusCode(200)
                  .withStartupTimeout(Duration.ofMinutes(3)));

  @TempDir static Path dataDir;
  static RegionalMetricsApp app;
  static String base;
  static String registryUrl;

  @BeforeAll
  static void startApp() throws Exception {
    log(
        "kafka container %s (image %s) running, bootstrap %s",
        KAFKA.getContainerId().substring(0, 12),
        KAFKA.getDockerImageName(),
        KAFKA.getBootstrapServers());
    registryUrl =
        "http://"
            + REGISTRY.getHost()
            + ":"
            + REGISTRY.getMappedPort(8080)
            + ContainerImages.REGISTRY_CCOMPAT_PATH;
    log(
        "registry container %s (image %s) running, Confluent API at %s",
        REGISTRY.getContainerId().substring(0, 12), REGISTRY.getDockerImageName(), registryUrl);

    long t0 = System.nanoTime();
    app =
        RegionalMetricsApp.start(
            AppConfig.defaults()
                .with(AppConfig.BOOTSTRAP_SERVERS, KAFKA.getBootstrapServers())
                .with(AppConfig.SCHEMA_REGISTRY_URL, registryUrl)
                .with(AppConfig.HTTP_PORT, "0")
                .with(AppConfig.DATA_DIR, dataDir.toString())
                .with("commit.interval.ms", "100"));
    assertThat(app.awaitRunning(Duration.ofSeconds(120)))
        .as("streams RUNNING against the containers")
        .isTrue();
    base = "http://127.0.0.1:" + app.httpPort();
    log("app RUNNING in %d ms, HTTP %s", (System.nanoTime() - t0) / 1_000_000, base);
  }

  @AfterAll
  static void stopApp() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void ingestedArticleIsQueryableLatestAsOfAndHistory() throws Exception {
    var posted =
        post(
            "/api/articles?published=2025-03-10&id=" + ARTICLE_ID,
            "text/plain; charset=utf-8",
            ARTICLE);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    JsonNode receipt = JSON.readTree(posted.body());
    assertThat(receipt.get("id").asText()).isEqualTo(ARTICLE_ID);
    log("POST /api/articles -> 202 %s", receipt);

    String indicator = "/api/indicators/" + enc("承德") + "/" + enc("空气质量综合指数");
    // the article's two values are indexed one after the other: wait for both, not the first
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                get(indicator + "/history").statusCode() == 200
                    && JSON.readTree(get(indicator + "/history").body()).get("values").size() == 2);

    JsonNode latest = JSON.readTree(get(indicator).body());
    assertThat(latest.get("value").asDouble()).isEqualTo(3.05);
    assertThat(latest.get("period").asText()).isEqualTo("2024");
    assertThat(latest.get("articleId").asText()).isEqualTo(ARTICLE_ID);
    log("latest 承德/空气质量综合指数 = %s (period %s)", latest.get("value"), latest.get("period").asText());

    JsonNode asOf = JSON.readTree(get(indicator + "?asOf=2020").body());
    assertThat(asOf.get("value").asDouble()).isEqualTo(6.12);
    assertThat(asOf.get("period").asText()).isEqualTo("2015");
    log("asOf=2020 = %s (period %s)", asOf.get("value"), asOf.get("period").asText());

    JsonNode history = JSON.readTree(get(indicator + "/history").body());
    List<Double> values = new ArrayList<>();
    history.get("values").forEach(v -> values.add(v.get("value").asDouble()));
    assertThat(values).containsExactly(6.12, 3.05);
    log("history = %s", values);

    // the region may be given as written, with its suffix
    assertThat(get("/api/indicators/" + enc("承德市") + "/" + enc("空气质量综合指数")).statusCode())
        .isEqualTo(200);
  }

  @Test
  @Order(2)
  void metricEventsAreConfluentFramedAvroDecodedThroughTheRegistryContainer() throws Exception {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "containers-it-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // not our serde: the raw bytes, split by hand (0x00, 4-byte big-endian schema id, Avro body),
    // the
    // writer schema fetched by id from the registry container's Confluent API, decoded by plain
    // Avro
    Map<Integer, Schema> schemas = new TreeMap<>();
    List<GenericRecord> events = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.METRIC_EVENTS));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                  byte[] bytes = r.value();
                  assertThat(bytes.length)
                      .as("Confluent frame: magic byte, schema id, body")
                      .isGreaterThan(5);
                  ByteBuffer wire = ByteBuffer.wrap(bytes);
                  assertThat(wire.get()).as("Confluent magic byte").isEqualTo((byte) 0);
                  int id = wire.getInt();
                  Schema writer =
                      schemas.computeIfAbsent(id, ContainersEndToEndIT::schemaFromRegistry);
                  BinaryDecoder body =
                      DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
                  events.add(new GenericDatumReader<GenericRecord>(writer).read(null, body));
                  assertThat(body.isEnd())
                      .as("the Avro body is the rest of the record, nothing after it")
                      .isTrue();
                }
                return events.stream()
                    .filter(ContainersEndToEndIT::airQualityOfTheArticle)
                    .map(e -> (Double) e.get("value"))
                    .toList()
                    .containsAll(List.of(6.12, 3.05));
              });
    }
    assertThat(schemas.values()).allSatisfy(s -> assertThat(s.getName()).isEqualTo("MetricEvent"));
    assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.get("eventId"))).isNotBlank());
    assertThat(events)
        .filteredOn(ContainersEndToEndIT::airQualityOfTheArticle)
        .extracting(e -> (Double) e.get("value"))
        .contains(6.12, 3.05);
    GenericRecord first = events.get(0);
    log(
        "decoded %d metric-events with GenericDatumReader (writer schemas %s fetched by id from %s), e.g. %s %s = %s @ %s",
        events.size(),
        schemas.keySet(),
        registryUrl,
        first.get("region"),
        first.get("indicatorLabel"),
        first.get("value"),
        first.get("period"));

    var subjects = Http.at(registryUrl).get("/subjects");
    assertThat(subjects.body())
        .contains(Topics.METRIC_EVENTS + "-value")
        .contains(Topics.ARTICLES + "-value");
    log("registry subjects: %s", subjects.body());
  }

  /** GET /schemas/ids/{id} of the registry container: {"schema": "<Avro schema JSON>", ...}. */
  private static Schema schemaFromRegistry(int id) {
    try {
      var response = Http.at(registryUrl).get("/schemas/ids/" + id);
      assertThat(response.statusCode())
          .as("schema %d in the registry container: %s", id, response.body())
          .isEqualTo(200);
      return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
    } catch (Exception e) {
      throw new IllegalStateException("could not fetch schema " + id + " from " + registryUrl, e);
    }
  }

  private static boolean airQualityOfTheArticle(GenericRecord e) {
    return ARTICLE_ID.equals(String.valueOf(e.get("articleId")))
        && "承德".equals(String.valueOf(e.get("region")))
        && "空气质量综合指数".equals(String.valueOf(e.get("indicatorLabel")));
  }

  private static void log(String format, Object... args) {
    System.out.printf("[containers-it] " + format + "%n", args);
  }

  private static HttpResponse<String> get(String path) {
    return Http.at(base).get(path);
  }

  private static HttpResponse<String> post(String path, String contentType, String body) {
    return Http.at(base).post(path, contentType, body);
  }
}
