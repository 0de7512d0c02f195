package com.regionalmetrics.app;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.embedded.EmbeddedSchemaRegistry;
import com.regionalmetrics.extract.Gazetteer;
import com.regionalmetrics.extract.IndicatorCatalog;
import com.regionalmetrics.extract.Region;
import com.regionalmetrics.extract.TextNormalizer;
import com.regionalmetrics.http.ApiServer;
import com.regionalmetrics.http.InternalApiServer;
import com.regionalmetrics.query.ArticleStatuses;
import com.regionalmetrics.query.DeadLetterIndex;
import com.regionalmetrics.query.IndicatorQueries;
import com.regionalmetrics.query.RemoteInstances;
import com.regionalmetrics.serde.AvroSerdeConfig;
import com.regionalmetrics.topology.RegionalMetricsTopology;
import com.regionalmetrics.topology.TopologySerdes;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.rocksdb.RocksDB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring: starts (when no cluster is configured) the embedded broker and registry, creates the
 * topics, then the streams job, the ingest producer and the HTTP server; closes them in reverse.
 */
public final class RegionalMetricsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegionalMetricsApp.class);

  /**
   * How long closing the streams job may take; stop grace periods (compose stop_grace_period,
   * Kubernetes terminationGracePeriodSeconds) must be above it.
   */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private KafkaStreams streams;
  private DeferredExtractor extractor;
  private final StreamsProbes probes = new StreamsProbes();
  private final StartupTimeline timeline = new StartupTimeline();

  /** Set once the HTTP API exists; told of every state change of the streams instance. */
  private volatile IndicatorQueries queries;

  private ApiServer http;
  private String bootstrapServers;
  private String schemaRegistryUrl;
  private final long startedNanos = System.nanoTime();
  private final java.util.concurrent.atomic.AtomicBoolean announced =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile String upMessage;

  private RegionalMetricsApp() {}

  public static RegionalMetricsApp start(AppConfig config) {
    RegionalMetricsApp app = new RegionalMetricsApp();
    try {
      app.startAll(config);
      return app;
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  private void startAll(AppConfig config) {
    timeline.mark("main");
    // RocksDB's native library (15 MB, unpacked from the jar to a temporary file) loads beside the
    // broker start instead of in the first stream thread's task initialisation
    CompletableFuture<Void> rocksDb = CompletableFuture.runAsync(RocksDB::loadLibrary);
    config = config.embedded() ? startEmbeddedCluster(config) : requireRegistry(config);
    config = config.withApplicationServer();
    bootstrapServers = config.require(AppConfig.BOOTSTRAP_SERVERS);
    schemaRegistryUrl = config.require(AppConfig.SCHEMA_REGISTRY_URL);
    Map<String, Object> kafka = config.kafkaProperties();
    if (!new AvroSerdeConfig(kafka).autoRegisterSchemas()) {
      // fail now, naming every missing subject, rather than on the first record
      SchemaRegistration.requireRegistered(config);
    }

    timeline.mark("cluster");
    int partitions =
        TopicInitializer.prepareTopics(
            kafka,
            config.topicNames(),
            config.createTopics(),
            config.getInt(AppConfig.TOPIC_PARTITIONS),
            (short) config.getInt(AppConfig.TOPIC_REPLICATION_FACTOR));
    timeline.mark("topics");
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    joinUnwrapped(rocksDb);
    startStreams(config, kafka, metrics);
    timeline.mark("streams");
    KafkaArticleIngest ingest = startIngest(config, kafka);
    timeline.mark("ingest");
    startHttp(config, kafka, partitions, ingest, metrics);
    timeline.mark("http");
    // started last: the HTTP API answers (503 + Retry-After, /health) from the first moment the
    // job exists, not only once it has joined the group
    streams.start();
    LOG.info(
        "HTTP on http://{}:{} (503 until the stores are queryable), Kafka {} , Schema Registry {}",
        config.httpHost(),
        http.port(),
        bootstrapServers,
        schemaRegistryUrl);
    upMessage =
        "Regional Metrics is up: stores queryable, HTTP on http://"
            + config.httpHost()
            + ":"
            + http.port();
    announceIfRunning();
  }

  /** Says "up" once, when the stores first become queryable (not when the HTTP port opens). */
  private void announceIfRunning() {
    if (upMessage != null
        && streams.state() == KafkaStreams.State.RUNNING
        && announced.compareAndSet(false, true)) {
      timeline.mark("running");
      extractor.loadInBackground();
      LOG.info(
          "{} ({} ms after start; since the JVM started: {})",
          upMessage,
          (System.nanoTime() - startedNanos) / 1_000_000,
          timeline.summary());
    }
  }

  /** No cluster configured: a broker (and, unless one is given, a registry) in this JVM. */
  private AppConfig startEmbeddedCluster(AppConfig config) {
    // one machine, one instance: a standby replica would have nowhere to live
    if (config.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG).isEmpty()) {
      config = config.with(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0");
    }
    // the registry needs nothing of the broker: it starts beside it
    CompletableFuture<EmbeddedSchemaRegistry> registry = null;
    if (config.get(AppConfig.SCHEMA_REGISTRY_URL).isEmpty()) {
      Path dataDir = config.dataDir();
      int port = config.getInt(AppConfig.EMBEDDED_REGISTRY_PORT);
      registry =
          CompletableFuture.supplyAsync(
              () -> EmbeddedSchemaRegistry.start(dataDir, "127.0.0.1", port),
              runnable -> new Thread(runnable, "embedded-registry-start").start());
    }
    EmbeddedKafkaBroker broker;
    try {
      broker =
          EmbeddedKafkaBroker.start(
              config.dataDir(),
              "127.0.0.1",
              config.getInt(AppConfig.EMBEDDED_KAFKA_PORT),
              Map.of());
    } catch (RuntimeException e) {
      if (registry != null) {
        // its port must not stay bound: closed once it is up (its own failure goes with this one)
        try {
          joinUnwrapped(registry).close();
        } catch (RuntimeException r) {
          e.addSuppressed(r);
        }
      }
      throw e;
    }
    resources.add(broker);
    timeline.mark("broker");
    config = config.with(AppConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    if (registry != null) {
      EmbeddedSchemaRegistry started = joinUnwrapped(registry);
      resources.add(started);
      config = config.with(AppConfig.SCHEMA_REGISTRY_URL, started.url());
    }
    return config;
  }

  /** The future's value; its failure rethrown as it was thrown (not wrapped). */
  private static <T> T joinUnwrapped(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static AppConfig requireRegistry(AppConfig config) {
    if (config.get(AppConfig.SCHEMA_REGISTRY_URL).isEmpty()) {
      throw new IllegalArgumentException(
          "bootstrap.servers is set but schema.registry.url is not: "
              + "a deployed job needs a Schema Registry (--schema-registry-url)");
    }
    return config;
  }

  private void startStreams(
      AppConfig config, Map<String, Object> kafka, PrometheusMeterRegistry metrics) {
    var serdes =
        new TopologySerdes(
            AvroSerdes.avro(config, kafka),
            AvroSerdes.avro(config, kafka),
            AvroSerdes.avro(config, kafka),
            AvroSerdes.avro(config, kafka),
            AvroSerdes.avro(config, kafka));
    MicrometerPipelineMetrics pipelineMetrics = new MicrometerPipelineMetrics(metrics);
    extractor = new DeferredExtractor(pipelineMetrics);
    var settings =
        new RegionalMetricsTopology.Settings(
            config.getInt(AppConfig.MAX_ARTICLE_BYTES), config.topicNames());
    var topology =
        RegionalMetricsTopology.build(
            serdes, extractor, Clock.systemUTC(), settings, pipelineMetrics);

    Properties props = streamsProperties(config, kafka);
    // the deserialization handler's dead letters count in the same DLQ metric
    props.put(RetryingDeserializationExceptionHandler.METRICS_CONFIG, pipelineMetrics);
    streams = new KafkaStreams(topology, props);
    streams.setStateListener(
        (now, before) -> {
          probes.stateChanged(now);
          IndicatorQueries q = queries;
          if (q != null) {
            q.streamsStateChanged(); // where keys live may have changed
          }
          if (now == KafkaStreams.State.RUNNING) {
            announceIfRunning();
          }
        });
    streams.setGlobalStateRestoreListener(probes.restoreListener());
    streams.setUncaughtExceptionHandler(ThreadFailureBudget.standard());
    resources.add(
        () -> {
          probes.closing();
          streams.close(
              new KafkaStreams.CloseOptions()
                  .timeout(CLOSE_TIMEOUT)
                  .leaveGroup(StaticMembership.leaveGroupOnClose(config)));
        });

    new JvmMemoryMetrics().bindTo(metrics);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(metrics);
    resources.add(gc);
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(metrics);
    resources.add(streamsMetrics);
  }

  /**
   * Posted articles go to the articles topic through an idempotent producer. A POST waits for its
   * acknowledgement, so a broker that dies must not hold it long: the leader it was on is replaced
   * once the controller fences the broker (broker.session.timeout.ms, 9 s by default), but a client
   * reconnecting to a vanished address waits out socket.connection.setup.timeout.ms (10 s, growing
   * to 30 s) before it looks at fresh metadata. Shorter defaults here; client properties win.
   */
  private KafkaArticleIngest startIngest(AppConfig config, Map<String, Object> kafka) {
    Map<String, Object> producerProps = new HashMap<>(kafka);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicInitializer.MAX_MESSAGE_BYTES);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producerProps.putIfAbsent(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 3_000);
    producerProps.putIfAbsent(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 10_000);
    producerProps.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    producerProps.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    Duration deliveryTimeout =
        Duration.ofMillis(
            Long.parseLong(
                String.valueOf(producerProps.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))));
    Serde<Article> ingestSerde = AvroSerdes.avro(config, kafka);
    KafkaArticleIngest ingest =
        new KafkaArticleIngest(
            new KafkaProducer<>(
                onlyKnown(producerProps, ProducerConfig.configNames()),
                new StringSerializer(),
                ingestSerde.serializer()),
            config.topicNames().articles(),
            deliveryTimeout);
    resources.add(ingest);
    return ingest;
  }

  private void startHttp(
      AppConfig config,
      Map<String, Object> kafka,
      int partitions,
      KafkaArticleIngest ingest,
      PrometheusMeterRegistry metrics) {
    HostInfo self = HostInfo.buildFromEndpoint(config.applicationServer());
    RemoteInstances remote =
        new RemoteInstances(
            Duration.ofSeconds(2), config.get(AppConfig.HTTP_INTERNAL_TOKEN).orElse(null));
    resources.add(remote);
    ForwardStageMeters.register(remote.stages(), metrics);
    queries =
        new IndicatorQueries(
            streams,
            self,
            partitions,
            remote,
            RegionalMetricsApp::canonicalRegion,
            catalogIds(),
            config.topicNames().metricEvents());
    DeadLetterIndex deadLetters =
        new DeadLetterIndex(kafka, config.topicNames().articlesDlq()).start();
    resources.add(deadLetters);
    ArticleStatuses statuses = new ArticleStatuses(streams, self, queries, remote, deadLetters);
    http =
        new ApiServer(
                new ApiServer.Parts(
                    queries,
                    statuses,
                    ingest,
                    probes,
                    metrics,
                    config.getInt(AppConfig.HTTP_MAX_REQUEST_BYTES),
                    config.getInt(AppConfig.MAX_ARTICLE_BYTES),
                    config.get(AppConfig.HTTP_WRITE_TOKEN).orElse(null),
                    new ApiServer.InternalApi(
                        !config.separateInternalPort(),
                        config.get(AppConfig.HTTP_INTERNAL_TOKEN).orElse(null)),
                    changeFeed(config, kafka)))
            .start(config.httpHost(), config.httpPort());
    resources.add(http);
    if (config.separateInternalPort()) {
      InternalApiServer internal =
          new InternalApiServer(
                  queries.local(), config.get(AppConfig.HTTP_INTERNAL_TOKEN).orElse(null))
              .start(config.httpHost(), config.internalPort());
      resources.add(internal);
      LOG.info(
          "Internal API on http://{}:{}{}",
          config.httpHost(),
          internal.port(),
          config.get(AppConfig.HTTP_INTERNAL_TOKEN).isPresent() ? " (token required)" : "");
    }
  }

  /**
   * The committed changes for GET /api/changes: a consumer of indicator-changes, started lazily.
   */
  private KafkaChangeFeed changeFeed(AppConfig config, Map<String, Object> kafka) {
    Serde<MetricEvent> events = AvroSerdes.avro(config, kafka);
    KafkaChangeFeed feed =
        new KafkaChangeFeed(kafka, config.topicNames().indicatorChanges(), events.deserializer());
    resources.add(feed);
    return feed;
  }

  /**
   * A region as users write it (张家口市, 張家口, 130700) to its canonical name; unknown names as written.
   */
  static String canonicalRegion(String name) {
    Gazetteer gazetteer = Gazetteer.load();
    return gazetteer
        .lookup(name)
        .or(() -> gazetteer.lookup(TextNormalizer.normalize(name)))
        .map(Region::name)
        .orElse(name);
  }

  /** A label or alias the catalog knows, to its indicator id; the catalog read on first use. */
  private static Function<String, Optional<String>> catalogIds() {
    return name -> Optional.ofNullable(CatalogIds.IDS.get(name));
  }

  private static final class CatalogIds {
    static final Map<String, String> IDS = new HashMap<>();

    static {
      for (IndicatorCatalog.Indicator i : IndicatorCatalog.load().indicators()) {
        i.aliases().forEach(a -> IDS.putIfAbsent(a, i.id()));
        IDS.put(i.label(), i.id());
      }
    }
  }

  static Properties streamsProperties(AppConfig config, Map<String, Object> kafka) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.putIfAbsent(
        StreamsConfig.STATE_DIR_CONFIG,
        config.dataDir().resolve("streams").toAbsolutePath().toString());
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
    // static membership: a crashed process restarting on its data rejoins without the 45 s wait;
    // an explicit group.instance.id (a StatefulSet's pod name) wins over the one in data.dir
    if (!p.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
      p.put(
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
          StaticMembership.instanceId(config.dataDir(), config.require(AppConfig.APPLICATION_ID)));
    }
    // a standby copy lets another instance answer (flagged stale) while one is down
    p.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    // one stream thread per core, up to the partitions a sub-topology has: with one, a single
    // core extracts, indexes and commits everything (2 threads on 2 cores: +14–30 %, BENCHMARKS.md)
    p.putIfAbsent(
        StreamsConfig.NUM_STREAM_THREADS_CONFIG,
        Math.max(
            1,
            Math.min(
                Runtime.getRuntime().availableProcessors(),
                config.getInt(AppConfig.TOPIC_PARTITIONS))));
    // RocksDB memory bounded for the whole JVM (rocksdb.memory.mb), not per store instance
    p.putIfAbsent(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
    // changelogs carry observation timestamps years in the past: the broker must keep them
    RegionalMetricsTopology.OLD_TIMESTAMP_TOPIC_CONFIGS.forEach(
        (k, v) -> p.put(StreamsConfig.topicPrefix(k), v));
    // metric-events is ours, but a corrupt record there must not stop the job either (a registry
    // outage is no corrupt record: it is retried, never skipped)
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RetryingDeserializationExceptionHandler.class.getName());
    p.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
        config.topicNames().articlesDlq());
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        TopicInitializer.MAX_MESSAGE_BYTES);
    // an article becomes ~10 records per observation (events, changelogs, changes) that the
    // producer
    // batches per partition until the commit flushes them: 16 KB batches (the default) split
    // them into many small produce requests (128 KB halved the producer thread's CPU per article)
    if (!p.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
      p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 128 * 1024);
    }
    // no task joins or merges streams (normalize and extract share a task only through the DLQ
    // sink), so waiting to align partitions buys nothing; disabled, Streams also skips its
    // per-loop readiness bookkeeping for tasks without buffered records
    p.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    int rf = config.getInt(AppConfig.TOPIC_REPLICATION_FACTOR);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, rf);
    return p;
  }

  private static Map<String, Object> onlyKnown(
      Map<String, Object> props, java.util.Set<String> names) {
    Map<String, Object> known = new HashMap<>();
    props.forEach(
        (k, v) -> {
          if (names.contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")) {
            known.put(k, v);
          }
        });
    return known;
  }

  /** Blocks until the streams job is RUNNING (or the timeout passes). */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (Instant.now().isAfter(deadline) || streams.state() == KafkaStreams.State.ERROR) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public int httpPort() {
    return http.port();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("Error while closing {}", resources.get(i), e);
      }
    }
    resources.clear();
  }
}
