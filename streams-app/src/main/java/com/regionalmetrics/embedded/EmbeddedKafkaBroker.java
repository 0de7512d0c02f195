package com.regionalmetrics.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker + controller) inside this JVM, for the zero-config
 * mode and the integration tests. Data survives restarts: storage is formatted only once.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path logDir;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
  }

  /**
   * Starts a broker listening on host:port with its controller on a second port, data under
   * dataDir. Extra broker properties override the defaults. Returns once the broker answers
   * requests.
   */
  public static EmbeddedKafkaBroker start(
      Path dataDir, String host, int port, Map<String, String> overrides) {
    try {
      Path logDir = dataDir.toAbsolutePath().resolve("kafka");
      Files.createDirectories(logDir);
      int controllerPort = port == 0 ? freePort() : port + 1000;
      int brokerPort = port == 0 ? freePort() : port;
      Properties p = brokerProperties(logDir, host, brokerPort, controllerPort);
      overrides.forEach(p::setProperty);
      KafkaConfig config = KafkaConfig.fromProps(p, false);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        new Formatter()
            .setNodeId(1)
            .setClusterId(Uuid.randomUuid().toString())
            .setDirectories(List.of(logDir.toString()))
            .setMetadataLogDirectory(logDir.toString())
            .setControllerListenerName("CONTROLLER")
            .setReleaseVersion(MetadataVersion.latestProduction())
            .setHasDynamicQuorum(false)
            .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
            .run();
      }
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      String bootstrap = host + ":" + brokerPort;
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, logDir);
      broker.awaitReady(Duration.ofSeconds(60));
      LOG.info("Embedded Kafka broker ready on {} (data in {})", bootstrap, logDir);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not start the embedded Kafka broker: " + e.getMessage(), e);
    }
  }

  private static Properties brokerProperties(
      Path logDir, String host, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toString());
    p.setProperty("num.partitions", "3");
    // one node: every internal topic must have RF 1, or exactly-once hangs in REBALANCING
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "3");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "3");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // the 128 MiB default dedupe buffer would cost 128 MiB of heap
    p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    p.setProperty("message.max.bytes", Integer.toString(16 * 1024 * 1024));
    p.setProperty("auto.create.topics.enable", "false");
    return p;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(
                "embedded broker did not become ready within " + timeout, e);
          }
        }
        Thread.sleep(200);
      }
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path logDir() {
    return logDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
