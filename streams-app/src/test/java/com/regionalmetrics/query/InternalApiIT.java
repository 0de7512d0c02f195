package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances with the instance-to-instance API on ports of their own and a shared token: every
 * question is answered by either instance (forwarded with the token), the internal port refuses
 * calls without the token (401 JSON), and the public port serves no internal API.
 */
class InternalApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String TOKEN = "s3cret-between-instances";
  private static final String[] CITIES = {"保定", "唐山", "廊坊", "邯郸", "承德", "秦皇岛"};

  @TempDir static Path dir;
  static EmbeddedKafkaBroker broker;
  static SchemaRegistryServer registry;
  static final int[] publicPorts = new int[2];
  static final int[] internalPorts = new int[2];
  static final RegionalMetricsApp[] apps = new RegionalMetricsApp[2];

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = new SchemaRegistryServer(new InMemorySchemaRegistry());
    registry.start("127.0.0.1", 0);
    for (int i = 0; i < 2; i++) {
      publicPorts[i] = freePort();
      internalPorts[i] = freePort();
    }
    for (int i = 0; i < 2; i++) {
      apps[i] =
          RegionalMetricsApp.start(
              AppConfig.defaults()
                  .with(AppConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                  .with(AppConfig.SCHEMA_REGISTRY_URL, registry.url())
                  .with(AppConfig.HTTP_PORT, Integer.toString(publicPorts[i]))
                  .with(AppConfig.HTTP_INTERNAL_PORT, Integer.toString(internalPorts[i]))
                  .with(AppConfig.HTTP_INTERNAL_TOKEN, TOKEN)
                  .with(AppConfig.DATA_DIR, dir.resolve("instance-" + i).toString())
                  .with(AppConfig.APPLICATION_ID, "internal-api-it")
                  .with("num.standby.replicas", "0")
                  .with("commit.interval.ms", "100"));
    }
    for (RegionalMetricsApp app : apps) {
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
    }
    for (int i = 0; i < CITIES.length; i++) {
      String text = "截至去年底，" + CITIES[i] + "市数据中心项目达到" + (10 + i) + "个。";
      var r = post(publicPorts[i % 2], "/api/articles?published=2025-03-01&id=city-" + i, text);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
  }

  @AfterAll
  static void stop() {
    for (RegionalMetricsApp app : apps) {
      if (app != null) app.close();
    }
    if (registry != null) registry.close();
    if (broker != null) broker.close();
  }

  @Test
  void eitherInstanceAnswersEveryKeyThroughTheTokenGuardedInternalPort() throws Exception {
    Set<String> servedBy = new HashSet<>();
    for (String city : CITIES) {
      String path = "/api/indicators/" + enc(city) + "/" + enc("数据中心项目");
      for (int port : publicPorts) {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .ignoreExceptions()
            .until(() -> get(port, path, null).statusCode() == 200);
        servedBy.add(get(port, path, null).headers().firstValue("X-Served-By").orElse("?"));
      }
    }
    // both instances own keys, so each forwarded some questions to the other's internal port
    assertThat(servedBy)
        .containsExactlyInAnyOrder(
            "127.0.0.1:" + internalPorts[0], "127.0.0.1:" + internalPorts[1]);
  }

  @Test
  void theInternalPortNeedsTheTokenAndThePublicPortHasNoInternalApi() throws Exception {
    String status = RemoteInstances.PATH + "/status";
    var without = get(internalPorts[1], status, null);
    assertThat(without.statusCode()).isEqualTo(401);
    JsonNode body = JSON.readTree(without.body());
    assertThat(body.get("status").asInt()).isEqualTo(401);
    assertThat(body.get("message").asText()).contains("http.internal.token");

    assertThat(get(internalPorts[1], status, "a-guess").statusCode()).isEqualTo(401);
    var with = get(internalPorts[1], status, TOKEN);
    assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
    assertThat(JSON.readTree(with.body()).get("state").asText())
        .isIn("RUNNING", "REBALANCING"); // the second join may still be settling

    var onPublic = get(publicPorts[1], status, TOKEN);
    assertThat(onPublic.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(onPublic.body()).get("status").asInt()).isEqualTo(404);
    assertThat(get(internalPorts[1], "/api/regions", TOKEN).statusCode())
        .as("the internal port serves only the internal API")
        .isEqualTo(404);
  }

  @Test
  void aBatchOfKeyReadsIsAnsweredInOrderAndAMalformedOneIs400() throws Exception {
    String path = "/api/indicators/" + enc("保定") + "/" + enc("数据中心项目");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> get(publicPorts[0], path, null).statusCode() == 200);
    JsonNode latest = JSON.readTree(get(publicPorts[0], path, null).body());
    String key = latest.get("region").asText() + "|" + latest.get("indicator").asText();
    int partition = KeyRouting.partitionOf(key, 3);
    String body =
        JSON.writeValueAsString(
            new RemoteInstances.KeyReads(
                java.util.List.of(
                    new RemoteInstances.KeyRead("value", key, partition, null, false),
                    new RemoteInstances.KeyRead("value", key + ".none", partition, null, false),
                    new RemoteInstances.KeyRead("history", key, partition, null, false))));
    JsonNode replies = null;
    for (int port : internalPorts) {
      var r = postJson(port, RemoteInstances.PATH + "/keys", body, TOKEN);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode n = JSON.readTree(r.body()).get("replies");
      assertThat(n).hasSize(3);
      if (n.get(0).get("status").asText().equals("FOUND")) {
        replies = n; // the instance with the partition's active copy; the other: UNAVAILABLE
      } else {
        assertThat(n.get(0).get("status").asText()).isEqualTo("UNAVAILABLE");
      }
    }
    assertThat(replies).as("one instance holds the key's partition").isNotNull();
    assertThat(replies.get(0).get("value").get("value").asDouble())
        .isEqualTo(latest.get("value").asDouble());
    assertThat(replies.get(1).get("status").asText()).isEqualTo("ABSENT");
    assertThat(replies.get(2).get("status").asText()).isEqualTo("FOUND");
    assertThat(replies.get(2).get("values")).hasSize(1);

    var unknownKind =
        postJson(
            internalPorts[0],
            RemoteInstances.PATH + "/keys",
            "{\"reads\":[{\"kind\":\"drop\",\"key\":\"x\",\"partition\":0}]}",
            TOKEN);
    assertThat(unknownKind.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknownKind.body()).get("message").asText()).contains("kind");
    var notJson = postJson(internalPorts[0], RemoteInstances.PATH + "/keys", "[1,", TOKEN);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).doesNotContain("com.regionalmetrics", "Exception");
    assertThat(postJson(internalPorts[0], RemoteInstances.PATH + "/keys", body, null).statusCode())
        .isEqualTo(401);
  }

  static HttpResponse<String> postJson(int port, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(int port, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(int port, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
