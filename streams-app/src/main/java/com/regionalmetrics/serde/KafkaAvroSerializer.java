package com.regionalmetrics.serde;

import com.regionalmetrics.serde.AvroWireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Confluent's KafkaAvroSerializer: writes Avro records (generated or generic) in Confluent's wire
 * format under the subject of the configured {@link SubjectNameStrategy} (by default
 * TopicNameStrategy: {@code <topic>-value} / {@code <topic>-key}). The schema id is obtained once
 * per (subject, schema) and cached with its DatumWriter.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

  /** How records of one schema are written to one subject. */
  private record Plan(
      int id,
      Schema wireSchema,
      DatumWriter<Object> writer,
      DatumWriter<Object> rewrite,
      byte[] header) {
    Plan(int id, Schema wireSchema, DatumWriter<Object> writer, DatumWriter<Object> rewrite) {
      this(id, wireSchema, writer, rewrite, WireFormat.header(id));
    }
  }

  private record SubjectSchema(String subject, Schema schema) {}

  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatestVersion;
  private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC;
  private final Map<SubjectSchema, Plan> plans = new ConcurrentHashMap<>();

  /** Configured later through {@link #configure}. */
  public KafkaAvroSerializer() {}

  public KafkaAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    this.autoRegister = config.autoRegisterSchemas();
    this.useLatestVersion = config.useLatestVersion();
    this.strategy = config.subjectNameStrategy(isKey);
    if (client == null) {
      client = SchemaRegistryClients.fromConfig(configs);
    }
  }

  /** For a serde that shares one client between its serializer and deserializer. */
  void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient sharedClient) {
    if (client == null) client = sharedClient;
    configure(configs, isKey);
  }

  /** The subject under TopicNameStrategy (the default). */
  public static String subjectName(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof IndexedRecord record)) {
      throw new AvroWireFormatException(
          Reason.AVRO_ENCODE_FAILED, "Not an Avro record: " + data.getClass().getName());
    }
    if (client == null) {
      throw new IllegalStateException(
          "Serializer not configured: call configure() or pass a SchemaRegistryClient");
    }
    Schema schema = record.getSchema();
    String subject = strategy.subject(topic, isKey, schema);
    Plan plan =
        plans.computeIfAbsent(
            new SubjectSchema(subject, schema), k -> plan(subject, schema, modelFor(record)));
    try {
      // resolved into the registry's latest schema first when that is what is written (before
      // taking the thread's writer: one record at a time)
      Object body = plan.rewrite() == null ? record : toWireSchema(record, schema, plan);
      AvroBodyWriter out = AvroBodyWriter.get();
      out.write(plan.header());
      plan.writer().write(body, out.encoder());
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new AvroWireFormatException(
          Reason.AVRO_ENCODE_FAILED,
          "Could not encode " + schema.getFullName() + " for " + subject + ": " + e.getMessage(),
          e);
    }
  }

  private static GenericData modelFor(IndexedRecord record) {
    return record instanceof SpecificRecord
        ? TrustedSpecificData.forClass(record.getClass())
        : GenericData.get();
  }

  private static DatumWriter<Object> writer(Schema schema, GenericData model) {
    return model instanceof SpecificData specific
        ? new SpecificDatumWriter<>(schema, specific)
        : new GenericDatumWriter<>(schema, model);
  }

  private Plan plan(String subject, Schema schema, GenericData model) {
    try {
      if (useLatestVersion) {
        SchemaVersion latest = client.latest(subject);
        if (latest.schema().equals(schema)) {
          return new Plan(latest.id(), schema, writer(schema, model), null);
        }
        if (!InMemorySchemaRegistry.canRead(latest.schema(), schema)) {
          throw new AvroWireFormatException(
              Reason.INCOMPATIBLE_SCHEMA,
              "Latest schema of "
                  + subject
                  + " (id "
                  + latest.id()
                  + ") cannot represent "
                  + schema.getFullName());
        }
        // the latest schema differs: write our record, resolve it into the latest schema, write
        // that
        return new Plan(
            latest.id(),
            latest.schema(),
            new GenericDatumWriter<>(latest.schema()),
            writer(schema, model));
      }
      int id = autoRegister ? client.register(subject, schema) : client.lookupId(subject, schema);
      return new Plan(id, schema, writer(schema, model), null);
    } catch (SchemaRegistryUnavailableException e) {
      throw new AvroWireFormatException(
          Reason.REGISTRY_UNAVAILABLE, "Schema registry unavailable: " + e.getMessage(), e);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.INCOMPATIBLE_SCHEMA) {
        throw new AvroWireFormatException(
            Reason.INCOMPATIBLE_SCHEMA,
            "Registry rejected schema for " + subject + ": " + e.getMessage(),
            e);
      }
      if (e.isNotFound()) {
        throw new AvroWireFormatException(
            Reason.SCHEMA_NOT_REGISTERED,
            "Schema not registered under " + subject + ": " + e.getMessage(),
            e);
      }
      throw new AvroWireFormatException(
          Reason.REGISTRY_UNAVAILABLE,
          "Schema registry error for " + subject + ": " + e.getMessage(),
          e);
    }
  }

  private GenericRecord toWireSchema(IndexedRecord record, Schema schema, Plan plan)
      throws IOException {
    ByteArrayOutputStream tmp = new ByteArrayOutputStream(256);
    BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(tmp, null);
    plan.rewrite().write(record, enc);
    enc.flush();
    GenericDatumReader<GenericRecord> resolve =
        new GenericDatumReader<>(schema, plan.wireSchema(), GenericData.get());
    return resolve.read(null, DecoderFactory.get().binaryDecoder(tmp.toByteArray(), null));
  }

  public SchemaRegistryClient client() {
    return client;
  }

  @Override
  public void close() {
    // the client may be shared with the deserializer or other serdes (mock scopes): not closed here
  }
}
