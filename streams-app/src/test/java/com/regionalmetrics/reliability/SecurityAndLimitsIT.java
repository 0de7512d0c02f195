package com.regionalmetrics.reliability;

import static com.regionalmetrics.reliability.Fixtures.enc;
import static com.regionalmetrics.reliability.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import com.regionalmetrics.topology.Topics;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, fault 5: the app against a broker that only accepts SASL/PLAIN on the listener it is
 * given and a registry that demands basic auth, configured purely through AppConfig keys; then the
 * HTTP API's exposure and limits: loopback only by default, 413 for oversized bodies and articles,
 * 400 for bad parameters, and no stack traces or internal paths in any answer.
 */
class SecurityAndLimitsIT {
  static final List<String> INPUT_TOPICS =
      List.of(Topics.ARTICLES_TEXT, Topics.ARTICLES, Topics.ARTICLES_DLQ);
  static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";";

  @TempDir static Path root;
  static EmbeddedKafkaBroker broker;
  static SchemaRegistryServer registry;
  static RegionalMetricsApp app;
  static String saslBootstrap;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    int port = OutageIT.portWithControllerPort();
    int saslPort = Fixtures.freePort();
    saslBootstrap = "127.0.0.1:" + saslPort;
    broker =
        EmbeddedKafkaBroker.start(
            root.resolve("broker"),
            "127.0.0.1",
            port,
            Map.of(
                "listeners",
                    "PLAINTEXT://127.0.0.1:"
                        + port
                        + ",SASL://"
                        + saslBootstrap
                        + ",CONTROLLER://127.0.0.1:"
                        + (port + 1000),
                "advertised.listeners",
                    "PLAINTEXT://127.0.0.1:" + port + ",SASL://" + saslBootstrap,
                "listener.security.protocol.map",
                    "PLAINTEXT:PLAINTEXT,SASL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "listener.name.sasl.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"admin\" password=\"admin-secret\" user_admin=\"admin-secret\" user_metrics=\"metrics-secret\";"));
    registry =
        new SchemaRegistryServer(new InMemorySchemaRegistry(), "registry-user:registry-secret")
            .start("127.0.0.1", 0);
    app =
        RegionalMetricsApp.start(
            AppConfig.defaults()
                .with(AppConfig.BOOTSTRAP_SERVERS, saslBootstrap)
                .with("security.protocol", "SASL_PLAINTEXT")
                .with("sasl.mechanism", "PLAIN")
                .with("sasl.jaas.config", String.format(JAAS, "metrics", "metrics-secret"))
                .with(AppConfig.SCHEMA_REGISTRY_URL, registry.url())
                .with("basic.auth.credentials.source", "USER_INFO")
                .with("basic.auth.user.info", "registry-user:registry-secret")
                .with(AppConfig.HTTP_PORT, "0")
                .with(AppConfig.DATA_DIR, root.resolve("app").toString()));
    assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
    base = "http://127.0.0.1:" + app.httpPort();
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry, app);
  }

  static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return Fixtures.HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void saslPlainBrokerAndBasicAuthRegistryEndToEnd() throws Exception {
    // the SASL listener really demands credentials: a wrong password is refused
    try (Admin wrong =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                saslBootstrap,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                String.format(JAAS, "metrics", "wrong"),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
      assertThatThrownBy(() -> wrong.describeCluster().nodes().get(15, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
    }
    // and the registry demands basic auth
    assertThat(get(registry.url(), "/subjects").status()).isEqualTo(401);

    // the app, configured only through AppConfig keys, ingests and answers over both
    var posted =
        post(
            "/api/articles?id=sasl-1&published=2025-03-01",
            "text/plain; charset=utf-8",
            "截至2024年底，承德市数据中心项目达到17个。".getBytes(StandardCharsets.UTF_8));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String path = "/api/indicators/" + enc("承德") + "/digital.data_centers";
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> get(base, path).status() == 200);
    assertThat(get(base, path).json().get("value").asDouble()).isEqualTo(17.0);
    assertThat(get(base, path).json().get("articleId").asText()).isEqualTo("sasl-1");
  }

  @Test
  void httpBindsLoopbackByDefault() throws Exception {
    assertThat(AppConfig.defaults().httpHost()).isEqualTo("127.0.0.1");
    Optional<InetAddress> external =
        Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .filter(
                i -> {
                  try {
                    return i.isUp() && !i.isLoopback();
                  } catch (Exception e) {
                    return false;
                  }
                })
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .findFirst();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", app.httpPort()), 2000);
    }
    // 127.0.0.2 is this host too (all of 127/8 is loopback on Linux) but not the bound address: a
    // wildcard bind would answer there, so this check holds on a host without any other interface
    try (Socket s = new Socket()) {
      assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.2", app.httpPort()), 2000))
          .as("HTTP must listen on 127.0.0.1 only, not on every address")
          .isInstanceOf(java.io.IOException.class);
    }
    if (external.isPresent()) {
      try (Socket s = new Socket()) {
        assertThatThrownBy(
                () -> s.connect(new InetSocketAddress(external.get(), app.httpPort()), 2000))
            .as("HTTP must not be reachable on " + external.get())
            .isInstanceOf(java.io.IOException.class);
      }
    }
  }

  @Test
  void oversizedBodiesAndArticlesGet413() throws Exception {
    // nothing refused may reach Kafka: the input topics' end offsets before and after
    String plain = broker.bootstrapServers();
    Map<String, Map<TopicPartition, Long>> before = new TreeMap<>();
    for (String topic : INPUT_TOPICS) {
      before.put(topic, Fixtures.endOffsets(plain, topic));
    }

    byte[] threeMb =
        "张"
            .repeat(1024 * 1024)
            .getBytes(StandardCharsets.UTF_8); // 3 MiB > http.max.request.bytes (2 MiB)
    var tooBig = post("/api/articles", "text/plain; charset=utf-8", threeMb);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertNoInternals(tooBig.body());

    // 1.5 MiB: within the request limit, over max.article.bytes (1 MiB): refused, not accepted and
    // dead-lettered
    byte[] bigArticle = "张".repeat(512 * 1024).getBytes(StandardCharsets.UTF_8);
    var tooLong = post("/api/articles", "text/plain; charset=utf-8", bigArticle);
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(413);
    assertThat(Fixtures.JSON.readTree(tooLong.body()).get("status").asInt()).isEqualTo(413);
    var tooLongJson =
        post(
            "/api/articles",
            "application/json",
            Fixtures.JSON.writeValueAsBytes(
                Map.of("text", new String(bigArticle, StandardCharsets.UTF_8))));
    assertThat(tooLongJson.statusCode()).isEqualTo(413);

    // a good article after them: its receipt is the first offset written since, so the refused
    // ones were not written before it, and nothing else was written to any input topic
    var sentinel =
        post(
            "/api/articles?id=after-413&published=2025-03-01",
            "text/plain; charset=utf-8",
            "截至2024年底，承德市数据中心项目达到18个。".getBytes(StandardCharsets.UTF_8));
    assertThat(sentinel.statusCode()).as(sentinel.body()).isEqualTo(202);
    var receipt = Fixtures.JSON.readTree(sentinel.body());
    TopicPartition written =
        new TopicPartition(receipt.get("topic").asText(), receipt.get("partition").asInt());
    assertThat(receipt.get("offset").asLong())
        .as("offset of the article after the 413s")
        .isEqualTo(before.get(written.topic()).get(written));
    for (String topic : INPUT_TOPICS) {
      Map<TopicPartition, Long> expected = new HashMap<>(before.get(topic));
      expected.computeIfPresent(written, (tp, offset) -> offset + 1);
      assertThat(Fixtures.endOffsets(plain, topic))
          .as("end offsets of %s: nothing refused reached it", topic)
          .isEqualTo(expected);
    }
  }

  @Test
  void badParametersGet400WithoutInternals() throws Exception {
    String indicator = "/api/indicators/" + enc("承德") + "/digital.data_centers";
    List<String> bad =
        List.of(
            indicator + "?asOf=not-a-date",
            indicator + "?asOf=2024-13",
            indicator + "?asOf=99999",
            indicator + "/history?from=2025&to=2020",
            indicator + "/history?from=abc",
            "/api/indicators?limit=abc",
            "/api/indicators?limit=0",
            "/api/indicators?limit=100000",
            "/api/indicators?cursor=%00%ff",
            "/internal/v1/value?key=x&partition=abc");
    for (String path : bad) {
      var r = get(base, path);
      assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
      assertThat(r.json().get("status").asInt()).isEqualTo(400);
      assertNoInternals(r.body());
    }
    var published =
        post(
            "/api/articles?published=2200-01-01",
            "text/plain; charset=utf-8",
            "截至2024年底，承德市数据中心项目达到17个。".getBytes(StandardCharsets.UTF_8));
    assertThat(published.statusCode()).isEqualTo(400);
  }

  static void assertNoInternals(String body) {
    assertNoInternalsIn(body, body);
  }

  static void assertNoInternalsIn(String body, String what) {
    assertThat(body)
        .as(what)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("at com.")
        .doesNotContain("at org.")
        .doesNotContain(".java:")
        .doesNotContain("/work/")
        .doesNotContain("/home/")
        .doesNotContain("/tmp/");
  }
}
