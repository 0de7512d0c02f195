package com.regionalmetrics.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * Under which subject a record's schema is registered, as Confluent's strategies name it ({@code
 * key.subject.name.strategy} / {@code value.subject.name.strategy}). Configured by the short name
 * ({@code RecordNameStrategy}) or by Confluent's class name ({@code
 * io.confluent.kafka.serializers.subject.RecordNameStrategy}), since configs written for
 * Confluent's serializers carry those.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema (and its evolutions) per topic. */
  TOPIC("TopicNameStrategy") {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return topic + (isKey ? "-key" : "-value");
    }
  },
  /** {@code <fully.qualified.Record>}: one subject per record type, whatever the topic. */
  RECORD("RecordNameStrategy") {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return schema.getFullName();
    }
  },
  /** {@code <topic>-<fully.qualified.Record>}: several record types per topic. */
  TOPIC_RECORD("TopicRecordNameStrategy") {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return topic + "-" + schema.getFullName();
    }
  };

  /** The package of Confluent's strategy classes. */
  public static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private final String simpleName;

  SubjectNameStrategy(String simpleName) {
    this.simpleName = simpleName;
  }

  /** The subject of a schema written to a topic as key or value. */
  public abstract String subject(String topic, boolean isKey, Schema schema);

  /** Confluent's short name, e.g. {@code TopicRecordNameStrategy}. */
  public String simpleName() {
    return simpleName;
  }

  /**
   * The strategy a config value names: a short name, Confluent's class name (or the class itself);
   * null or blank is {@link #TOPIC}, Confluent's default.
   *
   * @throws ConfigException naming the key and the accepted values otherwise
   */
  public static SubjectNameStrategy parse(String key, Object value) {
    if (value == null) {
      return TOPIC;
    }
    String name = value instanceof Class<?> c ? c.getName() : value.toString().strip();
    if (name.isEmpty()) {
      return TOPIC;
    }
    String simple =
        name.startsWith(CONFLUENT_PACKAGE) ? name.substring(CONFLUENT_PACKAGE.length()) : name;
    for (SubjectNameStrategy s : values()) {
      if (s.simpleName.equals(simple) || s.name().equals(simple.toUpperCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new ConfigException(
        key,
        value,
        "expected one of "
            + Arrays.stream(values())
                .map(s -> s.simpleName + " (" + CONFLUENT_PACKAGE + s.simpleName + ")")
                .collect(Collectors.joining(", ")));
  }
}
