package com.regionalmetrics.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches the two lookups the serdes make, both ways, so a remote registry is called once per
 * (subject, schema) and once per id, never per record. Ids are immutable in a registry, so these
 * entries never go stale; misses (404) are not cached because the id may appear later. Admin calls
 * (subjects, versions, latest, compatibility) pass through.
 */
public class CachingSchemaRegistryClient implements SchemaRegistryClient {

  private record SubjectSchema(String subject, Schema schema) {}

  private final SchemaRegistryClient delegate;
  private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

  public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  public SchemaRegistryClient delegate() {
    return delegate;
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer id = ids.get(key);
    if (id == null) {
      id = delegate.register(subject, schema);
      remember(key, id);
    }
    return id;
  }

  @Override
  public int lookupId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer id = ids.get(key);
    if (id == null) {
      id = delegate.lookupId(subject, schema);
      remember(key, id);
    }
    return id;
  }

  private void remember(SubjectSchema key, int id) {
    ids.put(key, id);
    schemas.putIfAbsent(id, key.schema());
  }

  @Override
  public Schema getById(int id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      schema = delegate.getById(id);
      schemas.put(id, schema);
    }
    return schema;
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return delegate.versions(subject);
  }

  @Override
  public SchemaVersion version(String subject, int version) {
    return delegate.version(subject, version);
  }

  @Override
  public SchemaVersion latest(String subject) {
    return delegate.latest(subject);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return delegate.isCompatible(subject, schema);
  }

  @Override
  public CompatibilityLevel compatibility() {
    return delegate.compatibility();
  }

  @Override
  public void setCompatibility(CompatibilityLevel level) {
    delegate.setCompatibility(level);
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    return delegate.compatibility(subject);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    delegate.setCompatibility(subject, level);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
