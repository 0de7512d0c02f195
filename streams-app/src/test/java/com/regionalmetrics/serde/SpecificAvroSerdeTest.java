package com.regionalmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.Qualifier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

  private static final String TOPIC = "metric-events";
  private static final String SUBJECT = "metric-events-value";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @AfterEach
  void dropScopes() {
    SchemaRegistryClients.dropScope("serde-test");
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(
      SchemaRegistryClient client, Class<T> type) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(client, type);
    serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused"), false);
    return serde;
  }

  /** Pushes the next id past 255 so a big-endian mistake would show. */
  private void burnIds(int count) {
    for (int i = 0; i < count; i++) {
      registry.register(
          "filler-" + i, SchemaBuilder.record("Filler" + i).fields().requiredInt("x").endRecord());
    }
  }

  @Test
  void goldenBytesBuiltByHandDecodeAndAreWhatTheSerializerWrites() {
    burnIds(257);
    int id = registry.register("articles-value", Article.getClassSchema());
    assertThat(id).isEqualTo(258);

    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x01, 0x02}); // magic, id 258 big-endian
    b.writeBytes(new byte[] {0x04, 'a', '1'}); // id: zigzag(2)=4, "a1"
    b.writeBytes(new byte[] {0x04, 'h', 'i'}); // text "hi"
    b.writeBytes(
        new byte[] {
          0x02, (byte) 0xD0, 0x0F
        }); // publishedAt: branch 1 (long), zigzag(1000)=2000 varint D0 0F
    b.writeBytes(new byte[] {0x00}); // source: branch 0 (null)
    b.writeBytes(new byte[] {0x02, 0x02, 'u'}); // url: branch 1, "u"
    b.writeBytes(new byte[] {0x00}); // title: null
    byte[] region = "张家口".getBytes(StandardCharsets.UTF_8);
    b.writeBytes(
        new byte[] {
          0x02, (byte) (region.length * 2)
        }); // regionHint: branch 1, length 9 -> zigzag 18
    b.writeBytes(region);
    b.writeBytes(new byte[] {0x01}); // publishedAtAssumed: true
    byte[] golden = b.toByteArray();

    SpecificAvroSerde<Article> serde = serde(registry, Article.class);
    Article decoded = serde.deserializer().deserialize("articles", golden);
    assertThat(decoded.getId()).isEqualTo("a1");
    assertThat(decoded.getText()).isEqualTo("hi");
    assertThat(decoded.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1000));
    assertThat(decoded.getSource()).isNull();
    assertThat(decoded.getUrl()).isEqualTo("u");
    assertThat(decoded.getTitle()).isNull();
    assertThat(decoded.getRegionHint()).isEqualTo("张家口");
    assertThat(decoded.getPublishedAtAssumed()).isTrue();

    assertThat(serde.serializer().serialize("articles", decoded)).containsExactly(golden);
  }

  @Test
  void serializerWritesMagicBigEndianIdAndPlainAvroBody() {
    burnIds(300);
    MetricEvent event = AvroTestData.metricEvent("e-1", 2.66);
    byte[] bytes = serde(registry, MetricEvent.class).serializer().serialize(TOPIC, event);

    int id = registry.lookupId(SUBJECT, MetricEvent.getClassSchema());
    assertThat(id).isEqualTo(301);
    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 1, 45); // 301 = 0x012D
    byte[] body =
        AvroTestData.avroBody(
            MetricEvent.getClassSchema(), event, SpecificData.getForClass(MetricEvent.class));
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).containsExactly(body);
    assertThat(registry.subjects()).contains(SUBJECT);
  }

  /**
   * The serializer reuses its buffer and the UTF-8 bytes of strings it wrote before: the bytes must
   * stay Avro's own, for shared strings, changed records and after a record larger than the buffer.
   */
  @Test
  void bodiesStayAvrosOwnWhenStringsRepeatAndBuffersAreReused() {
    var serializer = serde(registry, MetricEvent.class).serializer();
    MetricEvent first = AvroTestData.metricEvent("e-1", 2.66);
    MetricEvent sameStrings = AvroTestData.metricEvent("e-2", 5.09); // the same literals
    MetricEvent large = AvroTestData.metricEvent("e-3", 1);
    large.setEvidence("长".repeat(100_000));
    MetricEvent changed = AvroTestData.metricEvent("e-1", 2.66);
    changed.setEvidence("算力规模达2.91万P");
    for (MetricEvent e : List.of(first, sameStrings, first, large, changed, first, sameStrings)) {
      byte[] bytes = serializer.serialize(TOPIC, e);
      byte[] body =
          AvroTestData.avroBody(
              MetricEvent.getClassSchema(), e, SpecificData.getForClass(MetricEvent.class));
      assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).containsExactly(body);
    }
  }

  @Test
  void roundTripsAndUsesKeySubjectForKeys() {
    SpecificAvroSerde<Article> keySerde = new SpecificAvroSerde<>(registry);
    keySerde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused"), true);
    Article a = AvroTestData.article("k1");
    byte[] bytes = keySerde.serializer().serialize("articles", a);
    assertThat(keySerde.deserializer().deserialize("articles", bytes)).isEqualTo(a);
    assertThat(registry.subjects()).containsExactly("articles-key");
  }

  @Test
  void nullIsNullBothWays() {
    SpecificAvroSerde<MetricEvent> serde = serde(registry, MetricEvent.class);
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void olderWriterSchemaIsReadIntoTheCurrentClass() {
    // v0: no regionCode/qualifier/period/change/publishedAt, and a field the current schema dropped
    Schema v0 =
        new Schema.Parser()
            .parse(
                """
                {"type":"record","name":"MetricEvent","namespace":"com.regionalmetrics.avro","fields":[
                 {"name":"eventId","type":"string"},{"name":"articleId","type":"string"},
                 {"name":"region","type":"string"},{"name":"indicator","type":"string"},
                 {"name":"indicatorLabel","type":"string"},{"name":"legacyNote","type":"string"},
                 {"name":"value","type":"double"},{"name":"unit","type":"string"},{"name":"rawText","type":"string"},
                 {"name":"observedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
                 {"name":"evidence","type":"string"},{"name":"parserVersion","type":"string"}]}""");
    registry.setCompatibility(
        SUBJECT, CompatibilityLevel.NONE); // v0 drops a field v1 cannot default
    int oldId = registry.register(SUBJECT, v0);
    int newId = registry.register(SUBJECT, MetricEvent.getClassSchema());
    assertThat(newId).isNotEqualTo(oldId);

    GenericRecord old = new GenericData.Record(v0);
    old.put("eventId", "old-1");
    old.put("articleId", "a");
    old.put("region", "张家口");
    old.put("indicator", "pm25");
    old.put("indicatorLabel", "PM2.5");
    old.put("legacyNote", "dropped later");
    old.put("value", 19.0);
    old.put("unit", "μg/m³");
    old.put("rawText", "19微克/立方米");
    old.put("observedAt", 1_735_689_599_999L);
    old.put("evidence", "PM2.5平均浓度19微克/立方米");
    old.put("parserVersion", "0");
    byte[] bytes = AvroTestData.frame(oldId, AvroTestData.avroBody(v0, old, GenericData.get()));

    MetricEvent read = serde(registry, MetricEvent.class).deserializer().deserialize(TOPIC, bytes);
    assertThat(read.getEventId()).isEqualTo("old-1");
    assertThat(read.getValue()).isEqualTo(19.0);
    assertThat(read.getObservedAt()).isEqualTo(Instant.ofEpochMilli(1_735_689_599_999L));
    assertThat(read.getQualifier()).isEqualTo(Qualifier.EXACT); // default
    assertThat(read.getRegionCode()).isNull();
    assertThat(read.getPeriod()).isNull();
    assertThat(read.getEvidence()).isEqualTo("PM2.5平均浓度19微克/立方米");
  }

  @Test
  void withoutAnExpectedTypeTheClassNamedByTheWriterSchemaIsUsed() {
    SpecificAvroSerde<MetricEvent> serde = new SpecificAvroSerde<>(registry);
    serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused"), false);
    MetricEvent e = AvroTestData.metricEvent("x", 1.5);
    assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, e)))
        .isEqualTo(e);
  }

  @Test
  void genericReaderWhenSpecificReaderIsOff() {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry);
    deserializer.configure(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused"), false); // default: generic
    byte[] bytes =
        serde(registry, MetricEvent.class)
            .serializer()
            .serialize(TOPIC, AvroTestData.metricEvent("g", 3.0));
    Object read = deserializer.deserialize(TOPIC, bytes);
    assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(MetricEvent.class);
    assertThat(((GenericRecord) read).get("value")).isEqualTo(3.0);

    // and a generic record written by KafkaAvroSerializer reads back as the generated class
    KafkaAvroSerializer generic = new KafkaAvroSerializer(registry);
    generic.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused"), false);
    byte[] again = generic.serialize(TOPIC, read);
    assertThat(again).containsExactly(bytes);
    assertThat(
            serde(registry, MetricEvent.class)
                .deserializer()
                .deserialize(TOPIC, again)
                .getEventId())
        .isEqualTo("g");
  }

  // --- error reasons, one bad input each ---

  private String reasonOf(SpecificAvroDeserializer<MetricEvent> d, byte[] bytes) {
    try {
      d.deserialize(TOPIC, bytes);
    } catch (AvroWireFormatException e) {
      assertThat(e).isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
      return e.reason();
    }
    throw new AssertionError("no exception for " + Arrays.toString(bytes));
  }

  @Test
  void eachBadInputHasItsReason() {
    SpecificAvroDeserializer<MetricEvent> d =
        new SpecificAvroDeserializer<>(registry, MetricEvent.class);
    byte[] good =
        serde(registry, MetricEvent.class)
            .serializer()
            .serialize(TOPIC, AvroTestData.metricEvent("e", 1.0));
    int id = registry.lookupId(SUBJECT, MetricEvent.getClassSchema());

    assertThat(reasonOf(d, new byte[0])).isEqualTo("too-short");
    assertThat(reasonOf(d, new byte[] {0, 0, 0})).isEqualTo("too-short");
    assertThat(reasonOf(d, "plain text".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("bad-magic-byte");
    assertThat(reasonOf(d, AvroTestData.frame(9999, new byte[] {2, 'x'})))
        .isEqualTo("unknown-schema-id");
    assertThat(reasonOf(d, Arrays.copyOf(good, good.length - 20))).isEqualTo("avro-decode-failed");
    assertThat(reasonOf(d, AvroTestData.frame(id, new byte[0]))).isEqualTo("avro-decode-failed");
    // a huge string length must fail cleanly, not allocate gigabytes
    assertThat(
            reasonOf(
                d,
                AvroTestData.frame(
                    id, new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f})))
        .isEqualTo("avro-decode-failed");

    int articleId = registry.register("articles-value", Article.getClassSchema());
    byte[] article =
        AvroTestData.frame(
            articleId,
            AvroTestData.avroBody(
                Article.getClassSchema(),
                AvroTestData.article("a"),
                SpecificData.getForClass(Article.class)));
    assertThat(reasonOf(d, article)).isEqualTo("incompatible-schema");

    // same record name, but 'value' became a string: cannot be resolved into the current class
    Schema clash =
        SchemaBuilder.record("MetricEvent")
            .namespace("com.regionalmetrics.avro")
            .fields()
            .requiredString("eventId")
            .requiredString("value")
            .endRecord();
    int clashId = registry.register("legacy-value", clash);
    GenericRecord r = new GenericData.Record(clash);
    r.put("eventId", "e");
    r.put("value", "2.66");
    assertThat(
            reasonOf(
                d, AvroTestData.frame(clashId, AvroTestData.avroBody(clash, r, GenericData.get()))))
        .isEqualTo("incompatible-schema");
  }

  @Test
  void unreachableRegistryIsRegistryUnavailable() {
    // port 1 on loopback: connection refused at once
    RestSchemaRegistryClient dead = new RestSchemaRegistryClient("http://127.0.0.1:1");
    SpecificAvroDeserializer<MetricEvent> d =
        new SpecificAvroDeserializer<>(dead, MetricEvent.class);
    assertThat(reasonOf(d, AvroTestData.frame(1, new byte[] {0})))
        .isEqualTo("registry-unavailable");

    SpecificAvroSerializer<MetricEvent> s = new SpecificAvroSerializer<>(dead);
    s.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1"), false);
    assertThatThrownBy(() -> s.serialize(TOPIC, AvroTestData.metricEvent("e", 1.0)))
        .isInstanceOfSatisfying(
            AvroWireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo("registry-unavailable"));
  }

  @Test
  void registryIsCalledOncePerSchemaNotPerRecord() {
    CountingClient counting = new CountingClient(registry);
    SpecificAvroSerde<MetricEvent> writer = serde(counting, MetricEvent.class);
    SpecificAvroSerde<MetricEvent> reader = serde(counting, MetricEvent.class);
    for (int i = 0; i < 50; i++) {
      MetricEvent e = AvroTestData.metricEvent("e-" + i, i);
      assertThat(reader.deserializer().deserialize(TOPIC, writer.serializer().serialize(TOPIC, e)))
          .isEqualTo(e);
    }
    assertThat(counting.registers.get()).isEqualTo(1);
    assertThat(counting.getByIds.get()).isEqualTo(1);
  }

  @Test
  void autoRegisterOffLooksUpAndFailsForUnregisteredSchemas() {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused");
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    SpecificAvroSerializer<MetricEvent> s = new SpecificAvroSerializer<>(registry);
    s.configure(config, false);
    assertThatThrownBy(() -> s.serialize(TOPIC, AvroTestData.metricEvent("e", 1.0)))
        .isInstanceOfSatisfying(
            AvroWireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo("schema-not-registered"));

    int id = registry.register(SUBJECT, MetricEvent.getClassSchema());
    SpecificAvroSerializer<MetricEvent> s2 = new SpecificAvroSerializer<>(registry);
    s2.configure(config, false);
    byte[] bytes = s2.serialize(TOPIC, AvroTestData.metricEvent("e", 1.0));
    assertThat(WireFormat.readSchemaId(bytes)).isEqualTo(id);
    assertThat(registry.versions(SUBJECT)).hasSize(1);
  }

  @Test
  void useLatestVersionWritesWithTheLatestRegisteredSchema() {
    Schema current = MetricEvent.getClassSchema();
    // a newer version with one more field (with a default), registered by another producer
    List<Schema.Field> fields = new java.util.ArrayList<>();
    for (Schema.Field f : current.getFields()) fields.add(new Schema.Field(f, f.schema()));
    fields.add(new Schema.Field("confidence", Schema.create(Schema.Type.DOUBLE), null, 1.0));
    Schema newer =
        Schema.createRecord(current.getName(), null, current.getNamespace(), false, fields);
    registry.register(SUBJECT, current);
    int latestId = registry.register(SUBJECT, newer);

    SpecificAvroSerializer<MetricEvent> s = new SpecificAvroSerializer<>(registry);
    s.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://unused",
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            "false",
            AvroSerdeConfig.USE_LATEST_VERSION,
            "true"),
        false);
    MetricEvent e = AvroTestData.metricEvent("latest", 7.0);
    byte[] bytes = s.serialize(TOPIC, e);
    assertThat(WireFormat.readSchemaId(bytes)).isEqualTo(latestId);

    // a reader of the newer schema sees the default, and our class reads it back unchanged
    KafkaAvroDeserializer generic = new KafkaAvroDeserializer(registry);
    generic.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://unused",
            AvroSerdeConfig.SPECIFIC_AVRO_READER,
            false),
        false);
    GenericRecord asNewer = (GenericRecord) generic.deserialize(TOPIC, bytes);
    assertThat(asNewer.get("confidence")).isEqualTo(1.0);
    assertThat(asNewer.get("value")).isEqualTo(7.0);
    assertThat(serde(registry, MetricEvent.class).deserializer().deserialize(TOPIC, bytes))
        .isEqualTo(e);
  }

  @Test
  void mockScopeIsSharedBetweenSerdesConfiguredWithTheSameUrl() {
    Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://serde-test");
    SpecificAvroSerde<MetricEvent> producer = new SpecificAvroSerde<>();
    producer.configure(config, false);
    SpecificAvroSerde<MetricEvent> consumer = new SpecificAvroSerde<>();
    consumer.configure(config, false);
    MetricEvent e = AvroTestData.metricEvent("m", 4.0);
    assertThat(
            consumer.deserializer().deserialize(TOPIC, producer.serializer().serialize(TOPIC, e)))
        .isEqualTo(e);
    assertThat(SchemaRegistryClients.forScope("serde-test").subjects()).containsExactly(SUBJECT);
  }

  @Test
  void missingUrlIsAConfigError() {
    assertThatThrownBy(() -> new SpecificAvroSerde<MetricEvent>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  /** Counts the calls that must not happen per record. */
  static final class CountingClient extends CachingSchemaRegistryClient {
    final AtomicInteger registers = new AtomicInteger();
    final AtomicInteger getByIds = new AtomicInteger();

    CountingClient(SchemaRegistryClient delegate) {
      super(delegate);
    }

    @Override
    public int register(String subject, Schema schema) {
      registers.incrementAndGet();
      return delegate().register(subject, schema);
    }

    @Override
    public Schema getById(int id) {
      getByIds.incrementAndGet();
      return delegate().getById(id);
    }
  }
}
