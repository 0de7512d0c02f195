package com.regionalmetrics.app;

import com.regionalmetrics.topology.TopicNames;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's configuration. Sources, later ones winning: built-in defaults, a properties file
 * (--config), environment variables (RM_ + the key in upper case with '.' as '_', e.g.
 * RM_BOOTSTRAP_SERVERS), command-line flags. Keys that are not the app's own are handed to Kafka
 * Streams, its clients and the serdes as they are (security.protocol, sasl.*, ssl.*, basic.auth.*,
 * num.stream.threads, ...).
 */
public final class AppConfig {
  private static final Logger LOG = LoggerFactory.getLogger(AppConfig.class);

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

  /**
   * Prefix of every topic the app owns (e.g. "staging."); internal topics follow application.id.
   */
  public static final String TOPICS_PREFIX = "topics.prefix";

  /** false: the topics are owned elsewhere (GitOps); the app only checks that they exist. */
  public static final String TOPICS_CREATE = "topics.create";

  /** Port of the instance-to-instance API; -1 (default): the public HTTP port. */
  public static final String HTTP_INTERNAL_PORT = "http.internal.port";

  /** When set, instance-to-instance calls need "Authorization: Bearer TOKEN". */
  public static final String HTTP_INTERNAL_TOKEN = "http.internal.token";

  static final String ENV_PREFIX = "RM_";

  /**
   * The app's own keys with type, default, validator and documentation (Kafka's ConfigDef): a bad
   * value fails at start with the key's name, and `regional-metrics config` prints this table.
   * Other keys (Kafka Streams, clients, serdes) are passed on and validated by Kafka itself.
   */
  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.STRING,
              "",
              Importance.HIGH,
              "Kafka cluster; empty: start an embedded broker (one-machine mode)")
          .define(
              SCHEMA_REGISTRY_URL,
              Type.STRING,
              "",
              Importance.HIGH,
              "Confluent-compatible Schema Registry (comma list; mock://scope for an in-process one); empty: embedded registry")
          .define(
              APPLICATION_ID,
              Type.STRING,
              "regional-metrics",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Kafka Streams application id (consumer group, internal topic prefix)")
          .define(
              HTTP_HOST,
              Type.STRING,
              "127.0.0.1",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Interface the HTTP API binds to")
          .define(
              HTTP_PORT,
              Type.INT,
              8080,
              ConfigDef.Range.between(0, 65535),
              Importance.HIGH,
              "HTTP port (0: any free port)")
          .define(
              APPLICATION_SERVER,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "host:port other instances reach this one at; empty: http.host:http.port")
          .define(
              DATA_DIR,
              Type.STRING,
              "data",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Embedded broker data, embedded registry journal, state stores, the group instance id")
          .define(
              EMBEDDED_KAFKA_PORT,
              Type.INT,
              9092,
              ConfigDef.Range.between(0, 65535),
              Importance.LOW,
              "Port of the embedded broker (one-machine mode)")
          .define(
              EMBEDDED_REGISTRY_PORT,
              Type.INT,
              8081,
              ConfigDef.Range.between(0, 65535),
              Importance.LOW,
              "Port of the embedded registry (one-machine mode)")
          .define(
              TOPIC_PARTITIONS,
              Type.INT,
              3,
              ConfigDef.Range.atLeast(1),
              Importance.MEDIUM,
              "Partitions of the topics the app creates")
          .define(
              TOPIC_REPLICATION_FACTOR,
              Type.INT,
              -1,
              ConfigDef.Range.atLeast(-1),
              Importance.MEDIUM,
              "Replication factor of the topics the app creates (-1: the broker's default)")
          .define(
              MAX_ARTICLE_BYTES,
              Type.INT,
              1 << 20,
              ConfigDef.Range.atLeast(1),
              Importance.MEDIUM,
              "Larger articles get 413 over HTTP and go to the dead letters (too-large) from topics")
          .define(
              HTTP_MAX_REQUEST_BYTES,
              Type.INT,
              2 << 20,
              ConfigDef.Range.atLeast(1),
              Importance.LOW,
              "Larger request bodies get 413")
          .define(
              AVRO_SERDE_CLASS,
              Type.STRING,
              "com.regionalmetrics.serde.SpecificAvroSerde",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Avro serde (Confluent's SpecificAvroSerde works too, with its jars on the classpath)")
          .define(
              HTTP_WRITE_TOKEN,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "When set, POST and DELETE of articles need Authorization: Bearer <token>; reads stay open")
          .define(
              TOPICS_PREFIX,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "Prefix of every topic the app owns (e.g. staging.), so environments can share a cluster; internal topics follow application.id")
          .define(
              TOPICS_CREATE,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Create missing topics at start; false: topics are owned elsewhere (GitOps) and must exist, else the app stops naming the missing ones")
          .define(
              HTTP_INTERNAL_PORT,
              Type.INT,
              -1,
              ConfigDef.Range.between(-1, 65535),
              Importance.MEDIUM,
              "Port of the instance-to-instance API (/internal/v1), on http.host; -1: the public port. application.server then names this port")
          .define(
              HTTP_INTERNAL_TOKEN,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Shared secret of the instance-to-instance API: calls without Authorization: Bearer <token> get 401; the same on every instance");

  /** Keys the app reads itself; they are not passed on to Kafka. */
  static final Set<String> APP_KEYS =
      Set.of(
          HTTP_HOST,
          HTTP_PORT,
          DATA_DIR,
          EMBEDDED_KAFKA_PORT,
          EMBEDDED_REGISTRY_PORT,
          TOPIC_PARTITIONS,
          TOPIC_REPLICATION_FACTOR,
          MAX_ARTICLE_BYTES,
          HTTP_MAX_REQUEST_BYTES,
          AVRO_SERDE_CLASS,
          HTTP_WRITE_TOKEN,
          TOPICS_PREFIX,
          TOPICS_CREATE,
          HTTP_INTERNAL_PORT,
          HTTP_INTERNAL_TOKEN);

  private static final Map<String, String> DEFAULTS = defaults(DEFINITION);

  private static Map<String, String> defaults(ConfigDef def) {
    Map<String, String> d = new TreeMap<>();
    def.configKeys()
        .values()
        .forEach(
            k -> {
              if (k.hasDefault() && k.defaultValue != null && !"".equals(k.defaultValue)) {
                d.put(k.name, String.valueOf(k.defaultValue));
              }
            });
    return d;
  }

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
    env.forEach(
        (k, val) -> {
          if (k.startsWith(ENV_PREFIX) && !val.isBlank() && !serviceLink(k, val)) {
            v.put(
                k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                val.strip());
          }
        });
    overrides.forEach(
        (k, val) -> {
          if (val != null && !val.isBlank()) {
            v.put(k, val.strip());
          }
        });
    validate(v);
    return new AppConfig(v);
  }

  /** Variables Kubernetes injects for a Service named rm-…: RM_X_SERVICE_HOST, RM_X_PORT_80_TCP… */
  private static final Pattern SERVICE_LINK_NAME =
      Pattern.compile(
          ".*_SERVICE_(HOST|PORT)(_.+)?|.*_PORT_\\d+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?");

  /** tcp://10.0.0.1:8080, the value Kubernetes gives RM_X_PORT for a Service named rm-x. */
  private static final Pattern SERVICE_LINK_VALUE =
      Pattern.compile("(tcp|udp|sctp)://.*", Pattern.CASE_INSENSITIVE);

  /**
   * A Kubernetes service link (enableServiceLinks, on by default: a Service named rm-http gives
   * every pod RM_HTTP_PORT=tcp://10.0.0.1:8080), not a setting: skipped with a warning, so it can
   * neither break start-up (http.port=tcp://…) nor reach Kafka as an unknown key.
   */
  static boolean serviceLink(String name, String value) {
    if (SERVICE_LINK_VALUE.matcher(value.strip()).matches()) {
      LOG.warn(
          "Ignoring {}={}: a Kubernetes service link, not a setting (set enableServiceLinks: false"
              + " or rename the Service)",
          name,
          value);
      return true;
    }
    if (SERVICE_LINK_NAME.matcher(name).matches()) {
      LOG.warn("Ignoring {}: named like a Kubernetes service link, not a setting", name);
      return true;
    }
    return false;
  }

  /**
   * Checks the app's own keys against {@link #DEFINITION}; a bad value fails with its key and what
   * is expected.
   */
  static void validate(Map<String, String> values) {
    Map<String, String> own = new TreeMap<>();
    DEFINITION
        .names()
        .forEach(
            k -> {
              if (values.containsKey(k)) {
                own.put(k, values.get(k));
              }
            });
    try {
      DEFINITION.parse(own);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("bad configuration: " + e.getMessage(), e);
    }
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
    return get(key)
        .orElseThrow(() -> new IllegalArgumentException("missing configuration: " + key));
  }

  public int getInt(String key) {
    String s = require(key);
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration " + key + " must be a whole number, got: " + s);
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

  /** Whether the instance-to-instance API has a port of its own (http.internal.port). */
  public boolean separateInternalPort() {
    return get(HTTP_INTERNAL_PORT).map(Integer::parseInt).orElse(-1) >= 0;
  }

  /** The port of the instance-to-instance API: http.internal.port, else the public port. */
  public int internalPort() {
    return separateInternalPort() ? getInt(HTTP_INTERNAL_PORT) : httpPort();
  }

  /**
   * host:port other instances reach this one's HTTP API at: application.server, else http.host, or
   * for a wildcard http.host (0.0.0.0, ::) the host's canonical name, which other machines can
   * resolve (localhost would quietly route every remote query back to the asking instance). Resolve
   * it once ({@link #withApplicationServer()}): the look-up is logged.
   */
  public String applicationServer() {
    return get(APPLICATION_SERVER).orElseGet(() -> defaultApplicationServer(AppConfig::hostName));
  }

  /** This config with application.server set to what {@link #applicationServer()} says. */
  public AppConfig withApplicationServer() {
    return get(APPLICATION_SERVER).isPresent()
        ? this
        : with(APPLICATION_SERVER, applicationServer());
  }

  String defaultApplicationServer(Supplier<String> canonicalHostName) {
    String host = httpHost();
    if (!WILDCARD_HOSTS.contains(host)) {
      return hostPort(host, internalPort());
    }
    String name = canonicalHostName.get();
    LOG.info(
        "application.server not set and HTTP bound to {}: other instances reach this one at {}:{}"
            + " (the host's canonical name; set application.server if they cannot resolve it)",
        host,
        name,
        internalPort());
    return hostPort(name, internalPort());
  }

  private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]", "::0");

  private static String hostPort(String host, int port) {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "http.host is a wildcard address and this host's name cannot be resolved ("
              + e.getMessage()
              + "): set application.server to the host:port other instances reach this one at",
          e);
    }
  }

  /** The names of the app's topics, behind {@link #TOPICS_PREFIX}. */
  public TopicNames topicNames() {
    return new TopicNames(get(TOPICS_PREFIX).orElse(""));
  }

  /** Whether the app creates its missing topics ({@link #TOPICS_CREATE}, default true). */
  public boolean createTopics() {
    return Boolean.parseBoolean(get(TOPICS_CREATE).orElse("true"));
  }

  /** Everything that is not the app's own, for Kafka clients, Streams and the serdes. */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> p = new TreeMap<>();
    values.forEach(
        (k, v) -> {
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
