package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes on a real broker through real state changes: a second instance joining rebalances the
 * group, and the first stays ready (queryable) through it while not caught up. (ERROR → liveness
 * 503 is StreamsProbesTest's and ThreadFailureBudgetTest's: no real input or state drives a job to
 * ERROR here — corrupted stores fail start-up, or under exactly-once are wiped on the dirty close
 * after the first failure and restored; both were tried while writing this test.)
 */
class ProbesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String ARTICLE = "截至去年底，张家口市已建成数据中心项目30个，5G基站达到4120个。";

  @TempDir static Path dir;
  static EmbeddedKafkaBroker broker;
  static SchemaRegistryServer registry;

  @BeforeAll
  static void cluster() throws IOException {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1", 0, java.util.Map.of());
    registry = new SchemaRegistryServer(new InMemorySchemaRegistry());
    registry.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry);
  }

  record Sample(int status, String streams, boolean caughtUp) {}

  @Test
  void anInstanceStaysReadyWhileASecondOneJoinsButIsNotCaughtUp() throws Exception {
    RegionalMetricsApp first = null;
    RegionalMetricsApp second = null;
    try {
      first = start("probes-rebalance", "first", 2);
      String a = "http://127.0.0.1:" + first.httpPort();
      awaitStatus(a + "/ready?caughtUp=true", 200);
      ingest(a);

      List<Sample> firstSamples = new CopyOnWriteArrayList<>();
      AtomicBoolean polling = new AtomicBoolean(true);
      Thread poller =
          new Thread(
              () -> {
                while (polling.get()) {
                  firstSamples.add(sample(a + "/ready"));
                  pause(5);
                }
              });
      poller.start();
      second = start("probes-rebalance", "second", 2);
      String b = "http://127.0.0.1:" + second.httpPort();
      Sample secondAtStart = sample(b + "/readyz");
      awaitStatus(b + "/ready?caughtUp=true", 200);
      awaitStatus(a + "/ready?caughtUp=true", 200);
      polling.set(false);
      poller.join();

      assertThat(secondAtStart.status())
          .as("a new instance is not ready before its first RUNNING: %s", secondAtStart)
          .isEqualTo(503);
      assertThat(firstSamples)
          .as("the first instance went through a rebalance while the second joined")
          .anyMatch(s -> s.streams().equals("REBALANCING"));
      assertThat(firstSamples)
          .as("and stayed ready (queryable) throughout")
          .allMatch(s -> s.status() == 200, "200");
      assertThat(firstSamples)
          .filteredOn(s -> s.streams().equals("REBALANCING"))
          .as("though not caught up while rebalancing")
          .allMatch(s -> !s.caughtUp(), "not caught up");
      assertThat(get(a + "/livez").statusCode()).isEqualTo(200);
      assertThat(get(b + "/health").statusCode()).isEqualTo(200);
      assertThat(get(a + "/ready?caughtUp=maybe").statusCode()).isEqualTo(400);
    } finally {
      TestApps.closeAll(first, second);
    }
  }

  private static RegionalMetricsApp start(String applicationId, String name, int partitions) {
    return start(applicationId, name, partitions, 1);
  }

  private static RegionalMetricsApp start(
      String applicationId, String name, int partitions, int standbys) {
    return RegionalMetricsApp.start(
        AppConfig.defaults()
            .with(AppConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
            .with(AppConfig.SCHEMA_REGISTRY_URL, registry.url())
            .with(AppConfig.HTTP_PORT, Integer.toString(freePort()))
            .with(AppConfig.DATA_DIR, dir.resolve(name).toString())
            .with(AppConfig.APPLICATION_ID, applicationId)
            .with(AppConfig.TOPIC_PARTITIONS, Integer.toString(partitions))
            .with("num.stream.threads", "1")
            .with("num.standby.replicas", Integer.toString(standbys))
            .with("commit.interval.ms", "100"));
  }

  private static void ingest(String base) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/articles?published=2025-03-01&id=probe-article"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(ARTICLE, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  private static Sample sample(String url) {
    HttpResponse<String> r = get(url);
    try {
      JsonNode body = JSON.readTree(r.body());
      return new Sample(
          r.statusCode(), body.path("streams").asText(), body.path("caughtUp").asBoolean());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  private static void awaitStatus(String url, int status) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(url).statusCode() == status);
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
