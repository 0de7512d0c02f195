package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.embedded.EmbeddedSchemaRegistry;
import com.regionalmetrics.testsupport.AppProcess;
import com.regionalmetrics.topology.StoreNames;
import com.regionalmetrics.topology.TopicNames;
import com.regionalmetrics.topology.Topics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, shared clusters: two environments (topics.prefix and application.id of their own) on
 * one real KRaft broker keep their data apart; with topics.create=false the app creates nothing and
 * stops at start, naming the topics that are missing, and runs once they exist.
 */
class SharedClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final String CHENGDE =
      "2015年以来，承德市空气质量综合指数从6.12降至2024年的3.05。截至去年底，承德市可再生能源装机规模达到1234.5万千瓦。";
  private static final String ZHANGJIAKOU = "截至去年底，张家口已建成30个数据中心项目。张家口市空气质量综合指数从5.09降至2024年的2.66。";

  @TempDir static Path root;
  static EmbeddedKafkaBroker broker;
  static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() {
    broker = EmbeddedKafkaBroker.start(root.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = EmbeddedSchemaRegistry.start(root.resolve("registry"), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    TestApps.closeAll(broker, registry);
  }

  private static AppConfig environment(String prefix, String applicationId, String dir) {
    return AppConfig.defaults()
        .with(AppConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
        .with(AppConfig.SCHEMA_REGISTRY_URL, registry.url())
        .with(AppConfig.DATA_DIR, root.resolve(dir).toString())
        .with(AppConfig.TOPICS_PREFIX, prefix)
        .with(AppConfig.APPLICATION_ID, applicationId)
        .with(AppConfig.HTTP_PORT, "0")
        .with("commit.interval.ms", "100");
  }

  private static RegionalMetricsApp running(AppConfig config) throws InterruptedException {
    RegionalMetricsApp app = RegionalMetricsApp.start(config);
    assertThat(app.awaitRunning(Duration.ofSeconds(120))).as("streams RUNNING").isTrue();
    return app;
  }

  @Test
  void twoEnvironmentsWithTheirOwnPrefixAndApplicationIdKeepTheirDataApart() throws Exception {
    RegionalMetricsApp staging = null;
    RegionalMetricsApp prod = null;
    try {
      staging = running(environment("staging.", "rm-staging", "staging"));
      prod = running(environment("prod.", "rm-prod", "prod"));
      String s = "http://127.0.0.1:" + staging.httpPort();
      String p = "http://127.0.0.1:" + prod.httpPort();

      assertThat(post(s, "chengde", CHENGDE).statusCode()).isEqualTo(202);
      assertThat(post(p, "zhangjiakou", ZHANGJIAKOU).statusCode()).isEqualTo(202);
      awaitRegion(s, "承德");
      awaitRegion(p, "张家口");

      assertThat(regions(s)).containsExactly("承德");
      assertThat(regions(p)).containsExactly("张家口");
      assertThat(get(p, "/api/regions/" + enc("承德") + "/indicators").statusCode())
          .as("prod does not know what staging was told")
          .isNotEqualTo(200);

      TopicNames stagingTopics = new TopicNames("staging.");
      TopicNames prodTopics = new TopicNames("prod.");
      try (Admin admin = admin()) {
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertThat(topics).containsAll(stagingTopics.all()).containsAll(prodTopics.all());
        assertThat(topics).as("no unprefixed topic").doesNotContainAnyElementsOf(Topics.ALL);
        assertThat(topics.stream().filter(t -> t.startsWith("rm-staging-")))
            .as("staging's internal topics follow its application id")
            .hasSize(StoreNames.ALL.size())
            .allMatch(t -> t.endsWith("-changelog"));
        assertThat(topics.stream().filter(t -> t.startsWith("rm-prod-")))
            .hasSize(StoreNames.ALL.size());
        assertThat(topics.stream().filter(t -> t.startsWith("regional-metrics"))).isEmpty();
        // each posted article is one record on its own environment's articles topic
        assertThat(records(admin, stagingTopics.articles())).isEqualTo(1);
        assertThat(records(admin, prodTopics.articles())).isEqualTo(1);
        assertThat(records(admin, stagingTopics.metricEvents())).isGreaterThan(0);
        assertThat(records(admin, prodTopics.metricEvents())).isGreaterThan(0);
      }
    } finally {
      TestApps.closeAll(staging, prod);
    }
  }

  @Test
  void withTopicsOwnedElsewhereTheAppCreatesNoneAndStopsNamingTheMissingOnes() throws Exception {
    TopicNames gitops = new TopicNames("gitops.");
    try (Admin admin = admin()) {
      create(admin, List.of(gitops.articles(), gitops.metricEvents()));
    }
    int port = freePort();
    Path log = root.resolve("gitops-cli.log");
    Process process =
        AppProcess.start(
            root.resolve("gitops-cli"),
            broker.bootstrapServers(),
            registry.url(),
            port,
            Map.of(
                AppConfig.TOPICS_PREFIX, "gitops.",
                AppConfig.TOPICS_CREATE, "false",
                AppConfig.APPLICATION_ID, "rm-gitops"),
            log);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the app stops by itself").isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    String output = Files.readString(log);
    assertThat(output)
        .contains("error: topics.create=false but 3 of the app's topics do not exist")
        .contains(gitops.articlesText())
        .contains(gitops.indicatorChanges())
        .contains(gitops.articlesDlq());
    try (Admin admin = admin()) {
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(topics)
          .as("nothing created")
          .doesNotContain(gitops.articlesText(), gitops.indicatorChanges(), gitops.articlesDlq());
      assertThat(topics.stream().filter(t -> t.startsWith("rm-gitops"))).isEmpty();
    }

    // in process: the same failure as an exception, then a start once GitOps has created them
    AppConfig config =
        environment("gitops.", "rm-gitops", "gitops").with(AppConfig.TOPICS_CREATE, "false");
    assertThatThrownBy(() -> RegionalMetricsApp.start(config))
        .isInstanceOf(MissingTopicsException.class)
        .satisfies(
            e ->
                assertThat(((MissingTopicsException) e).missing())
                    .containsExactly(
                        gitops.articlesText(), gitops.indicatorChanges(), gitops.articlesDlq()));
    try (Admin admin = admin()) {
      create(
          admin, List.of(gitops.articlesText(), gitops.indicatorChanges(), gitops.articlesDlq()));
    }
    RegionalMetricsApp app = running(config);
    try {
      String base = "http://127.0.0.1:" + app.httpPort();
      assertThat(post(base, "chengde", CHENGDE).statusCode()).isEqualTo(202);
      awaitRegion(base, "承德");
    } finally {
      app.close();
    }
  }

  private static void create(Admin admin, List<String> topics) throws Exception {
    admin
        .createTopics(
            topics.stream()
                .map(
                    t ->
                        new NewTopic(t, Optional.of(3), Optional.empty())
                            .configs(TopicInitializer.topicConfig()))
                .toList())
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  /** Records up to the last stable offset of every partition (compacted away: none here). */
  private static long records(Admin admin, String topic) throws Exception {
    var partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    partitions.forEach(
        p -> {
          latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
          earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
        });
    var options =
        new org.apache.kafka.clients.admin.ListOffsetsOptions(
            org.apache.kafka.common.IsolationLevel.READ_COMMITTED);
    long end =
        admin.listOffsets(latest, options).all().get().values().stream()
            .mapToLong(i -> i.offset())
            .sum();
    long start =
        admin.listOffsets(earliest, options).all().get().values().stream()
            .mapToLong(i -> i.offset())
            .sum();
    return end - start;
  }

  private static HttpResponse<String> post(String base, String id, String text) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/api/articles?published=2025-03-10&id=" + id))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(text))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> regions(String base) throws Exception {
    JsonNode regions = JSON.readTree(get(base, "/api/regions").body());
    return regions.get("regions").findValuesAsText("region");
  }

  private static void awaitRegion(String base, String region) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> get(base, "/api/regions/" + enc(region) + "/indicators").statusCode() == 200);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
