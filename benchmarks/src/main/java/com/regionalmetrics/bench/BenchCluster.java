package com.regionalmetrics.bench;

import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.embedded.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.util.Map;

/**
 * The broker and registry a benchmark runs against: embedded in the driver's JVM on free ports (a
 * fresh single-node KRaft broker, the app's own registry), or a cluster given by address.
 */
final class BenchCluster implements AutoCloseable {
  private final String bootstrap;
  private final String registryUrl;
  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;

  private BenchCluster(
      String bootstrap,
      String registryUrl,
      EmbeddedKafkaBroker broker,
      EmbeddedSchemaRegistry registry) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
    this.broker = broker;
    this.registry = registry;
  }

  static BenchCluster open(String bootstrap, String registryUrl, Path workDir) {
    if (bootstrap != null) {
      if (registryUrl == null) {
        throw new IllegalArgumentException(
            "--schema-registry-url is required with --bootstrap-servers");
      }
      return new BenchCluster(bootstrap, registryUrl, null, null);
    }
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(workDir.resolve("broker"), "127.0.0.1", 0, Map.of());
    EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.start(workDir.resolve("broker"), "127.0.0.1", 0);
    return new BenchCluster(broker.bootstrapServers(), registry.url(), broker, registry);
  }

  String bootstrap() {
    return bootstrap;
  }

  String registryUrl() {
    return registryUrl;
  }

  String describe() {
    return broker != null
        ? "embedded single-node KRaft broker in the driver JVM (" + bootstrap + ")"
        : bootstrap;
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }
}
