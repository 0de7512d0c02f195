package com.regionalmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Confluent's three subject name strategies, by short or class name, through a real registry. */
class SubjectNameStrategyTest {
  private static final String EVENT = "com.regionalmetrics.avro.MetricEvent";

  private SchemaRegistryServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void subjectsAsConfluentNamesThem() {
    var schema = MetricEvent.getClassSchema();
    assertThat(SubjectNameStrategy.TOPIC.subject("metric-events", false, schema))
        .isEqualTo("metric-events-value");
    assertThat(SubjectNameStrategy.TOPIC.subject("metric-events", true, schema))
        .isEqualTo("metric-events-key");
    assertThat(SubjectNameStrategy.RECORD.subject("metric-events", false, schema)).isEqualTo(EVENT);
    assertThat(SubjectNameStrategy.RECORD.subject("other", true, schema)).isEqualTo(EVENT);
    assertThat(SubjectNameStrategy.TOPIC_RECORD.subject("metric-events", false, schema))
        .isEqualTo("metric-events-" + EVENT);
  }

  @ParameterizedTest
  @CsvSource({
    "TopicNameStrategy, TOPIC",
    "io.confluent.kafka.serializers.subject.TopicNameStrategy, TOPIC",
    "RecordNameStrategy, RECORD",
    "io.confluent.kafka.serializers.subject.RecordNameStrategy, RECORD",
    "TopicRecordNameStrategy, TOPIC_RECORD",
    "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, TOPIC_RECORD",
    "topic_record, TOPIC_RECORD",
    "'  ', TOPIC"
  })
  void shortAndConfluentClassNamesAreAccepted(String value, SubjectNameStrategy expected) {
    assertThat(SubjectNameStrategy.parse("value.subject.name.strategy", value)).isEqualTo(expected);
  }

  @Test
  void anUnknownStrategyFailsNamingTheKeyAndTheChoices() {
    assertThatThrownBy(
            () ->
                new AvroSerdeConfig(
                        Map.of(
                            "key.subject.name.strategy",
                            "io.confluent.kafka.serializers.subject.FancyNameStrategy"))
                    .subjectNameStrategy(true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key.subject.name.strategy")
        .hasMessageContaining("FancyNameStrategy")
        .hasMessageContaining("TopicRecordNameStrategy");
    assertThat(new AvroSerdeConfig(Map.of()).subjectNameStrategy(false))
        .isEqualTo(SubjectNameStrategy.TOPIC);
  }

  @ParameterizedTest
  @CsvSource({
    "io.confluent.kafka.serializers.subject.TopicNameStrategy, metric-events-value",
    "io.confluent.kafka.serializers.subject.RecordNameStrategy, " + EVENT,
    "TopicRecordNameStrategy, metric-events-" + EVENT
  })
  void theSerializerRegistersUnderTheConfiguredSubjectOverHttp(String strategy, String subject)
      throws Exception {
    server = new SchemaRegistryServer(new InMemorySchemaRegistry(), null).start("127.0.0.1", 0);
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
    config.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy);
    SpecificAvroSerde<MetricEvent> producer = new SpecificAvroSerde<>();
    producer.configure(config, false);
    MetricEvent event = AvroTestData.metricEvent("strategy-1", 2.66);

    byte[] bytes = producer.serializer().serialize("metric-events", event);

    assertThat(server.registry().subjects()).containsExactly(subject);
    assertThat(WireFormat.readSchemaId(bytes))
        .isEqualTo(server.registry().lookupId(subject, MetricEvent.getClassSchema()));
    SpecificAvroSerde<MetricEvent> consumer = new SpecificAvroSerde<>();
    consumer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);
    assertThat(consumer.deserializer().deserialize("metric-events", bytes)).isEqualTo(event);
  }

  @Test
  void keysFollowTheKeyStrategyAndValuesTheValueStrategy() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Map<String, Object> config =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused",
            AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "RecordNameStrategy",
            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy");
    SpecificAvroSerde<Article> keys = new SpecificAvroSerde<>(registry);
    keys.configure(config, true);
    SpecificAvroSerde<Article> values = new SpecificAvroSerde<>(registry);
    values.configure(config, false);

    keys.serializer().serialize("articles", AvroTestData.article("a"));
    values.serializer().serialize("articles", AvroTestData.article("a"));

    assertThat(registry.subjects())
        .containsExactlyInAnyOrder(
            "com.regionalmetrics.avro.Article", "articles-com.regionalmetrics.avro.Article");
  }
}
