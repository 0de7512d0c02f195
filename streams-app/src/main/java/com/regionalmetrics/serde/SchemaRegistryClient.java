package com.regionalmetrics.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of Confluent's Schema Registry API the serdes and tools need. Errors are {@link
 * SchemaRegistryException}s carrying Confluent's status and error code.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers the schema under the subject (or finds it there) and returns its global id. */
  int register(String subject, Schema schema);

  /**
   * The id of the schema under the subject, without registering; 404/40403 if absent (40401 no
   * subject).
   */
  int lookupId(String subject, Schema schema);

  /** The schema with this global id; 404/40403 if unknown. */
  Schema getById(int id);

  List<String> subjects();

  List<Integer> versions(String subject);

  SchemaVersion version(String subject, int version);

  SchemaVersion latest(String subject);

  /** Whether the schema could be registered next under the subject's compatibility level. */
  boolean isCompatible(String subject, Schema schema);

  /** The global compatibility level. */
  CompatibilityLevel compatibility();

  void setCompatibility(CompatibilityLevel level);

  /** The subject's own level, or the global one when the subject has none. */
  CompatibilityLevel compatibility(String subject);

  void setCompatibility(String subject, CompatibilityLevel level);

  @Override
  default void close() {}
}
