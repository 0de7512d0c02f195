package com.regionalmetrics.serde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys, spelled exactly as Confluent's serializers spell them, so a properties file
 * written for Confluent's SpecificAvroSerde works unchanged with ours (and the reverse).
 */
public final class AvroSerdeConfig {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Older Confluent alias of {@link #BASIC_AUTH_USER_INFO}, still accepted. */
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
      "schema.registry.basic.auth.user.info";

  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** Subject name strategies of keys and values ({@link SubjectNameStrategy}). */
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  /** Confluent's client timeouts (milliseconds). */
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

  public static final String MOCK_URL_PREFIX = "mock://";

  /** Where basic-auth credentials come from. Confluent's SASL_INHERIT is not supported. */
  public enum CredentialsSource {
    NONE,
    USER_INFO,
    URL
  }

  private final Map<String, ?> raw;

  public AvroSerdeConfig(Map<String, ?> configs) {
    this.raw = configs == null ? Map.of() : configs;
  }

  /** The registry URLs; a value may be a comma list or a {@code List} (Kafka's LIST type). */
  public List<String> urls() {
    Object v = raw.get(SCHEMA_REGISTRY_URL);
    List<String> out = new ArrayList<>();
    if (v instanceof Collection<?> c) {
      c.forEach(e -> addSplit(out, String.valueOf(e)));
    } else if (v != null) {
      addSplit(out, v.toString());
    }
    if (out.isEmpty()) {
      throw new ConfigException(
          "Missing required configuration \""
              + SCHEMA_REGISTRY_URL
              + "\" which has no default value.");
    }
    return out;
  }

  private static void addSplit(List<String> out, String s) {
    for (String part : s.split(",")) {
      if (!part.isBlank()) out.add(part.trim());
    }
  }

  public boolean autoRegisterSchemas() {
    return bool(AUTO_REGISTER_SCHEMAS, true);
  }

  public boolean useLatestVersion() {
    return bool(USE_LATEST_VERSION, false);
  }

  public boolean specificAvroReader(boolean defaultValue) {
    return bool(SPECIFIC_AVRO_READER, defaultValue);
  }

  /** The subject name strategy of keys or values; TopicNameStrategy when not set. */
  public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
    String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    return SubjectNameStrategy.parse(key, raw.get(key));
  }

  public CredentialsSource credentialsSource() {
    Object v = raw.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    if (v == null || v.toString().isBlank()) {
      // Confluent's default is URL: credentials in the URL are used when present
      return CredentialsSource.URL;
    }
    try {
      return CredentialsSource.valueOf(v.toString().trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, v, "expected USER_INFO or URL");
    }
  }

  /** "user:password", or null. */
  public String userInfo() {
    Object v = raw.get(BASIC_AUTH_USER_INFO);
    if (v == null) v = raw.get(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO);
    if (v == null) return null;
    // Kafka's Password type hides its value from toString
    if (v instanceof org.apache.kafka.common.config.types.Password p) return p.value();
    return v.toString();
  }

  public int connectTimeoutMs() {
    return integer(HTTP_CONNECT_TIMEOUT_MS, 10_000);
  }

  public int readTimeoutMs() {
    return integer(HTTP_READ_TIMEOUT_MS, 30_000);
  }

  private boolean bool(String key, boolean defaultValue) {
    Object v = raw.get(key);
    if (v == null) return defaultValue;
    if (v instanceof Boolean b) return b;
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true")) return true;
    if (s.equalsIgnoreCase("false")) return false;
    throw new ConfigException(key, v, "expected true or false");
  }

  private int integer(String key, int defaultValue) {
    Object v = raw.get(key);
    if (v == null) return defaultValue;
    if (v instanceof Number n) return n.intValue();
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, v, "expected an integer");
    }
  }
}
