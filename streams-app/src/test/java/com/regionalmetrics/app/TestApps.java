package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

/** Apps for integration tests: started, RUNNING, HTTP on a free port. */
public final class TestApps {
  private TestApps() {}

  /** The zero-config app (embedded broker and registry on free ports), data under dir. */
  public static RegionalMetricsApp zeroConfig(Path dir) throws InterruptedException {
    return running(
        AppConfig.defaults()
            .with(AppConfig.DATA_DIR, dir.toString())
            .with(AppConfig.EMBEDDED_KAFKA_PORT, "0")
            .with(AppConfig.EMBEDDED_REGISTRY_PORT, "0"));
  }

  /** An app against a running cluster and registry, data under dir. */
  public static RegionalMetricsApp against(String bootstrapServers, String registryUrl, Path dir)
      throws InterruptedException {
    return running(
        AppConfig.defaults()
            .with(AppConfig.BOOTSTRAP_SERVERS, bootstrapServers)
            .with(AppConfig.SCHEMA_REGISTRY_URL, registryUrl)
            .with(AppConfig.DATA_DIR, dir.toString()));
  }

  /** Closes what was started, last first; null for what never started. */
  public static void closeAll(AutoCloseable... started) throws Exception {
    for (int i = started.length - 1; i >= 0; i--) {
      if (started[i] != null) {
        started[i].close();
      }
    }
  }

  private static RegionalMetricsApp running(AppConfig config) throws InterruptedException {
    RegionalMetricsApp app =
        RegionalMetricsApp.start(
            config.with(AppConfig.HTTP_PORT, "0").with("commit.interval.ms", "100"));
    assertThat(app.awaitRunning(Duration.ofSeconds(120))).as("streams RUNNING").isTrue();
    return app;
  }
}
