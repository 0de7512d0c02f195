package com.regionalmetrics.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the registry client a serde config asks for: {@code mock://scope} gives the in-process
 * registry of that scope (shared by every serde configured with the same scope, like Confluent's
 * MockSchemaRegistry), anything else a cached REST client over the comma-separated URLs.
 */
public final class SchemaRegistryClients {

  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    List<String> urls = config.urls();
    String mock =
        urls.stream()
            .filter(u -> u.startsWith(AvroSerdeConfig.MOCK_URL_PREFIX))
            .findFirst()
            .orElse(null);
    if (mock != null) {
      if (urls.size() > 1) {
        throw new ConfigException(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            urls,
            "a mock:// URL cannot be combined with other URLs");
      }
      return forScope(mock.substring(AvroSerdeConfig.MOCK_URL_PREFIX.length()));
    }
    return new CachingSchemaRegistryClient(RestSchemaRegistryClient.fromConfig(config));
  }

  /** The in-process registry of a mock scope, created on first use. */
  public static InMemorySchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
  }

  /** Forgets a mock scope (tests call this to start from an empty registry). */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }
}
