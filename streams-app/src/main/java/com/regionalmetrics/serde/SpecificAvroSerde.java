package com.regionalmetrics.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Drop-in for Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}: same
 * name, no-arg constructor and {@code configure(map, isKey)}, same config keys and bytes. The
 * serializer and deserializer share one registry client (and its caches).
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final SchemaRegistryClient client;
  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;

  public SpecificAvroSerde() {
    this(null, null);
  }

  public SpecificAvroSerde(SchemaRegistryClient client) {
    this(client, null);
  }

  /**
   * Config-driven, with an expected type (records of another type fail as {@code
   * incompatible-schema}).
   */
  public SpecificAvroSerde(Class<T> type) {
    this(null, type);
  }

  /** With an expected type, records of another type fail as {@code incompatible-schema}. */
  public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
    this.client = client;
    this.serializer = new SpecificAvroSerializer<>(client);
    this.deserializer = new SpecificAvroDeserializer<>(client, type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SchemaRegistryClient shared =
        client != null ? client : SchemaRegistryClients.fromConfig(configs);
    serializer.configure(configs, isKey, shared);
    deserializer.configure(configs, isKey, shared);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
