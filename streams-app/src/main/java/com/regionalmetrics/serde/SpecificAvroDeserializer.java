package com.regionalmetrics.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into generated classes (specific.avro.reader is always true, as in
 * Confluent's SpecificAvroDeserializer). Data written with an older schema version is resolved into
 * the current class. Failures are {@link AvroWireFormatException}s with a reason.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final KafkaAvroDeserializer inner;

  public SpecificAvroDeserializer() {
    this(null, null);
  }

  public SpecificAvroDeserializer(SchemaRegistryClient client) {
    this(client, null);
  }

  /**
   * @param type the expected record class, or null for the class named by the writer schema; with a
   *     type, records of another type fail with {@code incompatible-schema} instead of surfacing as
   *     a ClassCastException downstream
   */
  public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    this.inner = new KafkaAvroDeserializer(client, type, true);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    inner.configure(configs, isKey);
  }

  void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient sharedClient) {
    inner.configure(configs, isKey, sharedClient);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    return (T) inner.deserialize(topic, data);
  }

  public SchemaRegistryClient client() {
    return inner.client();
  }

  @Override
  public void close() {
    inner.close();
  }
}
