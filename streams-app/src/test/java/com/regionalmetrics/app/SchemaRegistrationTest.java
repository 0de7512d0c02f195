package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.serde.AvroSerdeConfig;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryClients;
import com.regionalmetrics.serde.SpecificAvroSerde;
import com.regionalmetrics.serde.SubjectNameStrategy;
import com.regionalmetrics.topology.RegionalMetricsTopology;
import com.regionalmetrics.topology.TopicNames;
import com.regionalmetrics.topology.TopologySerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which schemas the app writes under which subjects, checked and registered in a registry. */
class SchemaRegistrationTest {
  private static final String SCOPE = "schema-registration-test";

  @TempDir Path stateDir;

  @AfterEach
  void dropScope() {
    SchemaRegistryClients.dropScope(SCOPE);
  }

  private static AppConfig config(String strategy) {
    return AppConfig.defaults()
        .with(AppConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE)
        .with(AppConfig.TOPICS_PREFIX, "staging.")
        .with(AppConfig.APPLICATION_ID, "rm-staging")
        .with(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false")
        .with(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy);
  }

  /**
   * The inventory is what the topology really writes: run an article, a correction and a retraction
   * through it with auto-registration and compare the subjects it registered.
   */
  @Test
  void theInventoryIsEverySubjectTheTopologyWrites() {
    InMemorySchemaRegistry registry = SchemaRegistryClients.forScope(SCOPE);
    Map<String, Object> serdeConfig =
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
    TopologySerdes serdes =
        new TopologySerdes(
            serde(serdeConfig),
            serde(serdeConfig),
            serde(serdeConfig),
            serde(serdeConfig),
            serde(serdeConfig));
    TopicNames topics = new TopicNames("staging.");
    var topology =
        RegionalMetricsTopology.build(
            serdes,
            a ->
                List.of(
                    new com.regionalmetrics.extract.Observation(
                        "张家口",
                        null,
                        "air.aqi",
                        "air.aqi",
                        2.66,
                        "index",
                        "2.66",
                        com.regionalmetrics.avro.Qualifier.EXACT,
                        com.regionalmetrics.extract.Period.parse("2024"),
                        null,
                        "张家口空气质量综合指数2.66")),
            Clock.systemUTC(),
            new RegionalMetricsTopology.Settings(1 << 20, topics));
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rm-staging");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, p)) {
      var text =
          driver.createInputTopic(
              topics.articlesText(),
              Serdes.ByteArray().serializer(),
              Serdes.ByteArray().serializer());
      var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
      headers.add("published", "2025-03-01".getBytes(StandardCharsets.UTF_8));
      text.pipeInput(
          new org.apache.kafka.streams.test.TestRecord<>(
              "a1".getBytes(StandardCharsets.UTF_8),
              "张家口空气质量综合指数2.66".getBytes(StandardCharsets.UTF_8),
              headers));
    }

    List<String> expected =
        SchemaRegistration.subjects(
                SchemaInventory.of(topics, "rm-staging"), SubjectNameStrategy.TOPIC)
            .stream()
            .map(SchemaRegistration.Subject::name)
            .toList();
    assertThat(new TreeSet<>(registry.subjects())).isEqualTo(new TreeSet<>(expected));
    assertThat(expected)
        .contains("staging.articles-value", "rm-staging-indicator-claims-changelog-value");
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(
      Map<String, Object> config) {
    SpecificAvroSerde<T> s = new SpecificAvroSerde<>();
    s.configure(config, false);
    return s;
  }

  @Test
  void checkReportsEachSubjectThenRegisterRegistersThemAll() {
    AppConfig config = config("TopicRecordNameStrategy");

    List<SchemaStatus> before = SchemaRegistration.check(config);
    assertThat(before).hasSize(7).noneMatch(SchemaStatus::ok);
    assertThat(before)
        .extracting(SchemaStatus::state)
        .containsOnly(SchemaStatus.State.MISSING_SUBJECT);
    assertThat(before)
        .extracting(SchemaStatus::subject)
        .contains(
            "staging.articles-com.regionalmetrics.avro.Article",
            "staging.metric-events-com.regionalmetrics.avro.MetricEvent",
            "rm-staging-indicator-latest-changelog-com.regionalmetrics.avro.MetricEvent");
    assertThatThrownBy(() -> SchemaRegistration.requireRegistered(config))
        .hasMessageContaining("auto.register.schemas=false but 7 of the 7 schemas")
        .hasMessageContaining("staging.articles-com.regionalmetrics.avro.Article")
        .hasMessageContaining("schemas register");

    assertThat(SchemaRegistration.register(config))
        .allMatch(SchemaStatus::ok)
        .extracting(SchemaStatus::state)
        .containsOnly(SchemaStatus.State.NEWLY_REGISTERED);
    assertThat(SchemaRegistration.check(config))
        .allMatch(SchemaStatus::ok)
        .extracting(SchemaStatus::state)
        .containsOnly(SchemaStatus.State.REGISTERED);
    SchemaRegistration.requireRegistered(config); // does not throw
  }

  @Test
  void underRecordNameStrategyOneSubjectServesEveryTopicOfTheRecord() {
    List<SchemaStatus> statuses = SchemaRegistration.check(config("RecordNameStrategy"));

    assertThat(statuses)
        .extracting(SchemaStatus::subject)
        .containsExactly(
            "com.regionalmetrics.avro.Article",
            "com.regionalmetrics.avro.MetricEvent",
            "com.regionalmetrics.avro.ArticleState",
            "com.regionalmetrics.avro.PeriodClaims",
            "com.regionalmetrics.avro.RegionTotals");
    assertThat(statuses.get(1).topics())
        .containsExactly(
            "staging.metric-events",
            "staging.indicator-changes",
            "rm-staging-indicator-latest-changelog");
  }

  @Test
  void anIncompatibleSubjectFailsCheckAndIsRejectedByRegister() {
    AppConfig config = config("TopicNameStrategy");
    InMemorySchemaRegistry registry = SchemaRegistryClients.forScope(SCOPE);
    // another team's Article under the subject: the app's Article cannot read it (no default for
    // id)
    registry.register(
        "staging.articles-value",
        SchemaBuilder.record("Article")
            .namespace("com.regionalmetrics.avro")
            .fields()
            .requiredLong("other")
            .endRecord());

    SchemaStatus articles = SchemaRegistration.check(config).get(0);
    assertThat(articles.subject()).isEqualTo("staging.articles-value");
    assertThat(articles.state()).isEqualTo(SchemaStatus.State.MISSING_VERSION);
    assertThat(articles.compatible()).isFalse();

    List<SchemaStatus> registered = SchemaRegistration.register(config);
    assertThat(registered.get(0).state()).isEqualTo(SchemaStatus.State.REJECTED);
    assertThat(registered.get(0).ok()).isFalse();
    assertThat(registered.subList(1, registered.size())).allMatch(SchemaStatus::ok);
    assertThat(Article.getClassSchema().getFullName()).isEqualTo(articles.record());
    assertThat(MetricEvent.getClassSchema()).isNotNull();
  }
}
