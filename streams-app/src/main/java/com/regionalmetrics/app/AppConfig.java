package com.regionalmetrics.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The app's configuration. Sources, later ones winning: built-in defaults, a properties file
 * (--config), environment variables (RM_ + the key in upper case with '.' as '_', e.g.
 * RM_BOOTSTRAP_SERVERS), command-line flags. Keys that are not the app's own are handed to
 * Kafka Streams, its clients and the serdes as they are (security.protocol, sasl.*, ssl.*,
 * basic.auth.*, num.stream.threads, ...).
 */
public final class AppConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String APPLICATION_ID = "application.id";
  public static final String APPLICATION_SERVER = "application.server";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String DATA_DIR = "data.dir";
  public static final String STATE_DIR = "state.dir";
  public static final String EMBEDDED_KAFKA_PORT = "embedded.kafka.port";
  public static final String EMBEDDED_REGISTRY_PORT = "embedded.registry.port";
  public static final String TOPIC_PARTITIONS = "topic.partitions";
  public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
  public static final String MAX_ARTICLE_BYTES = "max.article.bytes";
  public static final String HTTP_MAX_REQUEST_BYTES = "http.max.request.bytes";
  public static final String AVRO_SERDE_CLASS = "avro.serde.class";
  /** When set, POST and DELETE of articles need "Authorization: Bearer TOKEN"; reads stay open. */
  public static final String HTTP_WRITE_TOKEN = "http.write.token";

  static final String ENV_PREFIX = "RM_";

  /** Keys the app reads itself; they are not passed on to Kafka. */
  static final Set<String> APP_KEYS = Set.of(HTTP_HOST, HTTP_PORT, DATA_DIR, EMBEDDED_KAFKA_PORT,
      EMBEDDED_REGISTRY_PORT, TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, MAX_ARTICLE_BYTES,
      HTTP_MAX_REQUEST_BYTES, AVRO_SERDE_CLASS, HTTP_WRITE_TOKEN);

  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry(APPLICATION_ID, "regional-metrics"),
      Map.entry(HTTP_HOST, "127.0.0.1"),
      Map.entry(HTTP_PORT, "8080"),
      Map.entry(DATA_DIR, "data"),
      Map.entry(EMBEDDED_KAFKA_PORT, "9092"),
      Map.entry(EMBEDDED_REGISTRY_PORT, "8081"),
      Map.entry(TOPIC_PARTITIONS, "3"),
      Map.entry(TOPIC_REPLICATION_FACTOR, "-1"),
      Map.entry(MAX_ARTICLE_BYTES, Integer.toString(1 << 20)),
      Map.entry(HTTP_MAX_REQUEST_BYTES, Integer.toString(2 << 20)),
      Map.entry(AVRO_SERDE_CLASS, "com.regionalmetrics.serde.SpecificAvroSerde"));

  private final Map<String, String> values;

  private AppConfig(Map<String, String> values) {
    this.values = values;
  }

  /** Defaults, then the file (may be null), then the environment, then the overrides. */
  public static AppConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> v = new TreeMap<>(DEFAULTS);
    if (file != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read config file " + file, e);
      }
      p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).strip()));
    }
    env.forEach((k, val) -> {
      if (k.startsWith(ENV_PREFIX) && !val.isBlank()) {
        v.put(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), val.strip());
      }
    });
    overrides.forEach((k, val) -> {
      if (val != null && !val.isBlank()) {
        v.put(k, val.strip());
      }
    });
    return new AppConfig(v);
  }

  public static AppConfig defaults() {
    return load(null, Map.of(), Map.of());
  }

  public AppConfig with(String key, String value) {
    Map<String, String> v = new TreeMap<>(values);
    v.put(key, value);
    return new AppConfig(v);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(s -> !s.isBlank());
  }

  public String require(String key) {
    return get(key).orElseThrow(() -> new IllegalArgumentException("missing configuration: " + key));
  }

  public int getInt(String key) {
    String s = require(key);
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("configuration " + key + " must be a whole number, got: " + s);
    }
  }

  /** True when no cluster is configured: the app starts its own broker and registry. */
  public boolean embedded() {
    return get(BOOTSTRAP_SERVERS).isEmpty();
  }

  public Path dataDir() {
    return Path.of(require(DATA_DIR));
  }

  public String httpHost() {
    return require(HTTP_HOST);
  }

  public int httpPort() {
    return getInt(HTTP_PORT);
  }

  /** host:port other instances reach this one's HTTP API at. */
  public String applicationServer() {
    return get(APPLICATION_SERVER).orElseGet(() -> {
      String host = httpHost();
      return ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + httpPort();
    });
  }

  /** Everything that is not the app's own, for Kafka clients, Streams and the serdes. */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> p = new TreeMap<>();
    values.forEach((k, v) -> {
      if (!APP_KEYS.contains(k)) {
        p.put(k, v);
      }
    });
    return p;
  }

  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
