package com.regionalmetrics.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format under the configured subject name
 * strategy (TopicNameStrategy by default); see {@link KafkaAvroSerializer}.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final KafkaAvroSerializer inner;

  public SpecificAvroSerializer() {
    this(null);
  }

  public SpecificAvroSerializer(SchemaRegistryClient client) {
    this.inner = new KafkaAvroSerializer(client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    inner.configure(configs, isKey);
  }

  void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient sharedClient) {
    inner.configure(configs, isKey, sharedClient);
  }

  @Override
  public byte[] serialize(String topic, T record) {
    return inner.serialize(topic, record);
  }

  public SchemaRegistryClient client() {
    return inner.client();
  }

  @Override
  public void close() {
    inner.close();
  }
}
