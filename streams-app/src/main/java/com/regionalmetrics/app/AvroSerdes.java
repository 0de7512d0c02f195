package com.regionalmetrics.app;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds the Avro serde named by avro.serde.class (ours by default; Confluent's
 * io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde works too, given its jars).
 */
final class AvroSerdes {
  private AvroSerdes() {}

  @SuppressWarnings("unchecked")
  static <T extends SpecificRecord> Serde<T> avro(AppConfig config, Map<String, Object> kafka) {
    String className = config.require(AppConfig.AVRO_SERDE_CLASS);
    try {
      Serde<T> serde = (Serde<T>) Class.forName(className).getDeclaredConstructor().newInstance();
      serde.configure(kafka, false);
      return serde;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "avro.serde.class " + className + " is not a usable Serde: " + e, e);
    }
  }
}
