package com.regionalmetrics.http;

import static com.regionalmetrics.testsupport.Http.enc;
import static com.regionalmetrics.testsupport.Http.freePort;
import static com.regionalmetrics.testsupport.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import com.regionalmetrics.testsupport.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/changes} (Server-Sent Events) on two instances of the job on one real broker: a
 * stream opened on one instance carries the committed changes of every partition, also those
 * indexed by the other instance, filtered by region (any spelling) and measure.
 */
class ChangeStreamIT {
  @TempDir static Path dir;
  static EmbeddedKafkaBroker broker;
  static SchemaRegistryServer registry;
  static final RegionalMetricsApp[] apps = new RegionalMetricsApp[2];
  static final String[] bases = new String[2];
  static final HttpClient STREAMS = HttpClient.newHttpClient();

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
                  .with(AppConfig.APPLICATION_ID, "changes-it")
                  .with("num.standby.replicas", "0")
                  .with("commit.interval.ms", "100"));
      bases[i] = "http://127.0.0.1:" + port;
    }
    for (RegionalMetricsApp app : apps) {
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry, apps[0], apps[1]);
  }

  /** One SSE event: its name and its data as JSON. */
  record Event(String name, JsonNode data) {}

  /** Opens a stream; its events arrive in the queue; returns once the server said "ready". */
  static BlockingQueue<Event> open(String base, String query) throws Exception {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/changes" + query))
            .header("Accept", "text/event-stream")
            .build();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        STREAMS.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    Thread reader =
        new Thread(
            () -> {
              String name = null;
              for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.startsWith("event:")) {
                  name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                  events.add(new Event(name, data(line.substring(5).strip())));
                }
              }
            });
    reader.setDaemon(true);
    reader.start();
    Event first = events.poll(20, TimeUnit.SECONDS);
    assertThat(first).as("the ready event").isNotNull();
    assertThat(first.name()).isEqualTo("ready");
    return events;
  }

  private static JsonNode data(String json) {
    try {
      return Http.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("SSE data is not JSON: " + json, e);
    }
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

  /** Events until none came for {@code quiet}. */
  static List<Event> drain(BlockingQueue<Event> q, Duration quiet) throws InterruptedException {
    List<Event> out = new ArrayList<>();
    for (Event e; (e = q.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
      out.add(e);
    }
    return out;
  }

  @Test
  void aStreamOnOneInstanceCarriesEveryPartitionsChangesFilteredByRegionAndMeasure()
      throws Exception {
    BlockingQueue<Event> chengde = open(bases[0], "?region=" + enc("承德市"));
    BlockingQueue<Event> pm25 = open(bases[1], "?indicator=air.pm25");
    BlockingQueue<Event> all = open(bases[1], "");

    String[] cities = {"承德", "张家口", "保定", "唐山", "廊坊", "沧州"};
    for (int i = 0; i < cities.length; i++) {
      post(
          bases[i % 2],
          "chg-" + i,
          "2024年" + cities[i] + "市PM2.5平均浓度为" + (30 + i) + "微克/立方米，数据中心项目达到" + (10 + i) + "个。");
    }
    List<Event> everything = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (everything.size() < 2 * cities.length && System.nanoTime() < deadline) {
      Event e = all.poll(1, TimeUnit.SECONDS);
      if (e != null) everything.add(e);
    }
    assertThat(everything).extracting(Event::name).containsOnly("change");
    assertThat(everything)
        .extracting(e -> e.data().get("region").asText())
        .containsExactlyInAnyOrder(
            "承德", "承德", "张家口", "张家口", "保定", "保定", "唐山", "唐山", "廊坊", "廊坊", "沧州", "沧州");

    List<Event> ofChengde = drain(chengde, Duration.ofSeconds(3));
    assertThat(ofChengde)
        .extracting(e -> e.data().get("region").asText() + " " + e.data().get("value").asDouble())
        .containsExactlyInAnyOrder("承德 30.0", "承德 10.0");
    List<Event> ofPm25 = drain(pm25, Duration.ofSeconds(3));
    assertThat(ofPm25)
        .extracting(e -> e.data().get("region").asText() + " " + e.data().get("value").asDouble())
        .containsExactlyInAnyOrder(
            "承德 30.0", "张家口 31.0", "保定 32.0", "唐山 33.0", "廊坊 34.0", "沧州 35.0");
    assertThat(ofPm25)
        .allSatisfy(e -> assertThat(e.data().get("period").asText()).isEqualTo("2024"));
  }
}
