package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import com.regionalmetrics.topology.StoreNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemas check|register} against the registry the app serves over HTTP, on a real broker,
 * for a registry where clients may not register (auto.register.schemas=false), with a topic prefix
 * and TopicRecordNameStrategy: the app refuses to start before the schemas are registered, check
 * says which are missing (exit 1), register registers them, check passes (exit 0), and the app then
 * runs an article through without registering anything else.
 */
class SchemasCommandIT {
  /** The app writes articles, metric-events and indicator-changes, and a changelog per store. */
  private static final int SUBJECTS = 3 + StoreNames.ALL.size();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path root;
  static EmbeddedKafkaBroker broker;
  static SchemaRegistryServer registry;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(root.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = new SchemaRegistryServer(new InMemorySchemaRegistry()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    registry.close();
    broker.close();
  }

  record Run(int exitCode, String out) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out, true)).execute(args);
    return new Run(code, out.toString());
  }

  @Test
  void checkThenRegisterThenTheAppRunsWithoutRegistering() throws Exception {
    Path file = root.resolve("app.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "bootstrap.servers=" + broker.bootstrapServers(),
            "schema.registry.url=" + registry.url(),
            "topics.prefix=sr.",
            "application.id=rm-sr",
            "auto.register.schemas=false",
            "value.subject.name.strategy=io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
            "data.dir=" + root.resolve("app"),
            "http.port=0",
            "commit.interval.ms=100"));
    AppConfig config = AppConfig.load(file, Map.of(), Map.of());

    assertThatThrownBy(() -> RegionalMetricsApp.start(config))
        .hasMessageContaining(
            "auto.register.schemas=false but " + SUBJECTS + " of the " + SUBJECTS + " schemas")
        .hasMessageContaining("sr.articles-com.regionalmetrics.avro.Article")
        .hasMessageContaining(
            "rm-sr-article-state-changelog-com.regionalmetrics.avro.ArticleState");

    Run check = cli("schemas", "check", "--config", file.toString());
    assertThat(check.exitCode()).as(check.out()).isEqualTo(1);
    assertThat(check.out())
        .contains("sr.metric-events-com.regionalmetrics.avro.MetricEvent")
        .contains("not registered: no such subject")
        .contains(SUBJECTS + " of " + SUBJECTS + " subjects not registered or not compatible");
    assertThat(registry.registry().subjects()).isEmpty();

    Run register = cli("schemas", "register", "--config", file.toString());
    assertThat(register.exitCode()).as(register.out()).isZero();
    assertThat(register.out()).contains("registered now");
    List<String> subjects = registry.registry().subjects();
    assertThat(subjects).hasSize(SUBJECTS).allMatch(s -> s.contains("-com.regionalmetrics.avro."));

    Run again = cli("schemas", "check", "--config", file.toString());
    assertThat(again.exitCode()).as(again.out()).isZero();
    assertThat(again.out()).contains(SUBJECTS + " subjects: all registered and compatible");

    try (RegionalMetricsApp app = RegionalMetricsApp.start(config)) {
      assertThat(app.awaitRunning(Duration.ofSeconds(120))).isTrue();
      String base = "http://127.0.0.1:" + app.httpPort();
      var posted =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/api/articles?published=2025-03-10&id=sr-1"))
                  .header("Content-Type", "text/plain; charset=utf-8")
                  .POST(
                      HttpRequest.BodyPublishers.ofString("2015年以来，承德市空气质量综合指数从6.12降至2024年的3.05。"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
      String history =
          base
              + "/api/indicators/"
              + URLEncoder.encode("承德", StandardCharsets.UTF_8)
              + "/"
              + URLEncoder.encode("空气质量综合指数", StandardCharsets.UTF_8)
              + "/history";
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  HTTP.send(
                          HttpRequest.newBuilder(URI.create(history)).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body()
                      .contains("3.05"));
      assertThat(app.streams().state().isRunningOrRebalancing()).isTrue();
    }
    assertThat(registry.registry().subjects())
        .as("the app registered nothing itself")
        .containsExactlyInAnyOrderElementsOf(subjects);
  }
}
