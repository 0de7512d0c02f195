/**
 * Avro serdes in Confluent's wire format and a small Schema Registry client, byte-compatible with
 * Confluent's (whose jars are not on Maven Central).
 *
 * <pre>{@code
 * SpecificAvroSerde<MetricEvent> serde = new SpecificAvroSerde<>(MetricEvent.class);
 * serde.configure(Map.of("schema.registry.url", "http://registry:8081"), false); // or "mock://scope"
 * }</pre>
 *
 * <ul>
 *   <li>{@link com.regionalmetrics.serde.SpecificAvroSerde} / {@link
 *       com.regionalmetrics.serde.KafkaAvroSerializer} / {@link
 *       com.regionalmetrics.serde.KafkaAvroDeserializer}: Confluent's names, config keys ({@link
 *       com.regionalmetrics.serde.AvroSerdeConfig}) and bytes; subjects by {@link
 *       com.regionalmetrics.serde.SubjectNameStrategy} (Topic, Record, TopicRecord).
 *   <li>Deserialization failures are {@link com.regionalmetrics.serde.AvroWireFormatException}s
 *       whose {@code reason()} a dead-letter handler can put in a header.
 *   <li>{@link com.regionalmetrics.serde.SchemaRegistryClients#fromConfig}: {@code mock://scope}
 *       gives the shared in-process {@link com.regionalmetrics.serde.InMemorySchemaRegistry}; other
 *       URLs a cached {@link com.regionalmetrics.serde.RestSchemaRegistryClient}.
 *   <li>{@link com.regionalmetrics.serde.SchemaRegistryServer} serves an in-memory registry over
 *       Confluent's REST API (the zero-config app: 127.0.0.1:8081), so Confluent-ecosystem tools
 *       can read our topics.
 * </ul>
 */
package com.regionalmetrics.serde;
