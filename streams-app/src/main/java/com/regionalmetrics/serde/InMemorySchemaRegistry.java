package com.regionalmetrics.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An in-process registry with Confluent's semantics: global ids from 1, one id per distinct schema
 * (the same schema under two subjects shares the id), versions per subject from 1, BACKWARD
 * compatibility by default, incompatible registration rejected with 409. Used for {@code mock://}
 * URLs, in tests, and served over HTTP by {@link SchemaRegistryServer}.
 */
public class InMemorySchemaRegistry implements SchemaRegistryClient {

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, List<Integer>> subjectVersions =
      new TreeMap<>(); // version n = index n-1
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int nextId = 1;

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Integer> versions = subjectVersions.get(subject);
    Optional<Integer> existing = idUnder(subject, schema);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (versions != null && !versions.isEmpty() && !compatibleWithExisting(subject, schema)) {
      throw new SchemaRegistryException(
          409,
          SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\" (compatibility "
              + compatibility(subject)
              + ")");
    }
    int id =
        idsBySchemaText.computeIfAbsent(
            schema.toString(),
            text -> {
              int newId = nextId++;
              schemasById.put(newId, schema);
              return newId;
            });
    subjectVersions.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized int lookupId(String subject, Schema schema) {
    if (!subjectVersions.containsKey(subject)) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return idUnder(subject, schema)
        .orElseThrow(() -> SchemaRegistryException.schemaNotFound("Schema not found"));
  }

  /** Like {@link #lookupId} but returns the full version (for POST /subjects/{s}). */
  public synchronized SchemaVersion lookupVersion(String subject, Schema schema) {
    int id = lookupId(subject, schema);
    List<Integer> versions = subjectVersions.get(subject);
    return new SchemaVersion(subject, versions.indexOf(id) + 1, id, schemasById.get(id));
  }

  private Optional<Integer> idUnder(String subject, Schema schema) {
    Integer id = idsBySchemaText.get(schema.toString());
    List<Integer> versions = subjectVersions.get(subject);
    return id != null && versions != null && versions.contains(id)
        ? Optional.of(id)
        : Optional.empty();
  }

  @Override
  public synchronized Schema getById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw SchemaRegistryException.schemaNotFound("Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(subjectVersions.keySet());
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    List<Integer> ids = subjectVersionsOrThrow(subject);
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i <= ids.size(); i++) out.add(i);
    return out;
  }

  @Override
  public synchronized SchemaVersion version(String subject, int version) {
    List<Integer> ids = subjectVersionsOrThrow(subject);
    if (version < 1 || version > ids.size()) {
      throw SchemaRegistryException.versionNotFound(String.valueOf(version));
    }
    int id = ids.get(version - 1);
    return new SchemaVersion(subject, version, id, schemasById.get(id));
  }

  @Override
  public synchronized SchemaVersion latest(String subject) {
    return version(subject, subjectVersionsOrThrow(subject).size());
  }

  private List<Integer> subjectVersionsOrThrow(String subject) {
    List<Integer> ids = subjectVersions.get(subject);
    if (ids == null || ids.isEmpty()) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return ids;
  }

  @Override
  public synchronized boolean isCompatible(String subject, Schema schema) {
    if (!subjectVersions.containsKey(subject)) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return compatibleWithExisting(subject, schema);
  }

  private boolean compatibleWithExisting(String subject, Schema candidate) {
    CompatibilityLevel level = compatibility(subject);
    List<Integer> ids = subjectVersions.get(subject);
    if (level == CompatibilityLevel.NONE || ids == null || ids.isEmpty()) {
      return true;
    }
    List<Integer> against = level.transitive() ? ids : ids.subList(ids.size() - 1, ids.size());
    for (int id : against) {
      Schema previous = schemasById.get(id);
      if (level.checksBackward() && !canRead(candidate, previous)) return false;
      if (level.checksForward() && !canRead(previous, candidate)) return false;
    }
    return true;
  }

  static boolean canRead(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  @Override
  public synchronized CompatibilityLevel compatibility() {
    return globalLevel;
  }

  @Override
  public synchronized void setCompatibility(CompatibilityLevel level) {
    globalLevel = level;
  }

  @Override
  public synchronized CompatibilityLevel compatibility(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  /** The subject's own level, empty when it follows the global one. */
  public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  @Override
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    subjectLevels.put(subject, level);
  }
}
