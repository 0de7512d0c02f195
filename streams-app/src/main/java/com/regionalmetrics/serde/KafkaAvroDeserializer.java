package com.regionalmetrics.serde;

import com.regionalmetrics.serde.AvroWireFormatException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro (Confluent's KafkaAvroDeserializer: GenericRecords unless {@code
 * specific.avro.reader=true}). The writer schema is fetched by id once; the record is resolved into
 * the reader schema (the generated class's, so data written with an older schema version reads into
 * the current class). The reader class is the one given, or else the class named by the writer
 * schema, as Confluent's specific reader does. With {@code specific.avro.reader=false} records are
 * returned as GenericRecords.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

  private SchemaRegistryClient client;
  private final Class<?> type;
  private final boolean forceSpecific;
  private boolean specificReader;

  /** Per writer schema id: the reader to decode with (ids are immutable, so never evicted). */
  private final Map<Integer, DatumReader<?>> readers = new ConcurrentHashMap<>();

  /** One decoder per thread, re-pointed at each record (instead of a new one per record). */
  private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

  public KafkaAvroDeserializer() {
    this(null, null, false);
  }

  public KafkaAvroDeserializer(SchemaRegistryClient client) {
    this(client, null, false);
  }

  /**
   * @param type the expected record class; records of another type then fail with {@code
   *     incompatible-schema} instead of surfacing as a ClassCastException later
   */
  KafkaAvroDeserializer(SchemaRegistryClient client, Class<?> type, boolean forceSpecific) {
    this.client = client;
    this.type = type;
    this.forceSpecific = forceSpecific;
    this.specificReader = forceSpecific;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    specificReader = forceSpecific || new AvroSerdeConfig(configs).specificAvroReader(false);
    if (client == null) {
      client = SchemaRegistryClients.fromConfig(configs);
    }
  }

  void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient sharedClient) {
    if (client == null) client = sharedClient;
    configure(configs, isKey);
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException(
          "Deserializer not configured: call configure() or pass a SchemaRegistryClient");
    }
    int id = WireFormat.readSchemaId(data);
    DatumReader<?> reader = readers.get(id);
    if (reader == null) {
      reader = readerFor(id);
      readers.put(id, reader);
    }
    try {
      BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  data,
                  WireFormat.HEADER_SIZE,
                  data.length - WireFormat.HEADER_SIZE,
                  DECODER.get());
      DECODER.set(decoder);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new AvroWireFormatException(
          Reason.AVRO_DECODE_FAILED,
          "Could not decode Avro body written with schema id " + id + ": " + e,
          e);
    }
  }

  private DatumReader<?> readerFor(int id) {
    Schema writer = writerSchema(id);
    if (!specificReader) {
      return new GenericDatumReader<>(writer);
    }
    Class<?> readerClass = readerClass(writer, id);
    Schema reader = SpecificData.getForClass(readerClass).getSchema(readerClass);
    if (!reader.getFullName().equals(writer.getFullName())
        && !reader.getAliases().contains(writer.getFullName())) {
      throw new AvroWireFormatException(
          Reason.INCOMPATIBLE_SCHEMA,
          "Schema id " + id + " is " + writer.getFullName() + ", expected " + reader.getFullName());
    }
    if (!InMemorySchemaRegistry.canRead(reader, writer)) {
      throw new AvroWireFormatException(
          Reason.INCOMPATIBLE_SCHEMA,
          "Schema id " + id + " cannot be read as the current " + reader.getFullName());
    }
    return TrustedSpecificData.forClass(readerClass).fastReader(writer, reader);
  }

  private Schema writerSchema(int id) {
    try {
      return client.getById(id);
    } catch (SchemaRegistryUnavailableException e) {
      throw new AvroWireFormatException(
          Reason.REGISTRY_UNAVAILABLE, "Schema registry unavailable: " + e.getMessage(), e);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new AvroWireFormatException(Reason.UNKNOWN_SCHEMA_ID, "Unknown schema id " + id, e);
      }
      throw new AvroWireFormatException(
          Reason.REGISTRY_UNAVAILABLE,
          "Schema registry error fetching id " + id + ": " + e.getMessage(),
          e);
    }
  }

  private Class<?> readerClass(Schema writer, int id) {
    if (type != null) {
      return type;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return TrustedSpecificData.recordClass(
            writer, loader != null ? loader : getClass().getClassLoader())
        .orElseThrow(
            () ->
                new AvroWireFormatException(
                    Reason.INCOMPATIBLE_SCHEMA,
                    "No generated class "
                        + writer.getFullName()
                        + " on the classpath for schema id "
                        + id));
  }

  public SchemaRegistryClient client() {
    return client;
  }

  @Override
  public void close() {
    // the client may be shared: not closed here
  }
}
