package com.regionalmetrics.cli;

import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the app: embedded broker and registry unless a cluster is given, streams job, HTTP API.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the streams job and the HTTP API.",
      "With no --bootstrap-servers it starts an embedded Kafka broker on 127.0.0.1:9092 (data under ./data)",
      "and a Schema Registry on 127.0.0.1:8081: zero configuration."
    })
final class RunCommand implements Callable<Integer> {

  @Option(
      names = "--bootstrap-servers",
      description = "Kafka cluster to use (env RM_BOOTSTRAP_SERVERS)")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      description = "Confluent-compatible Schema Registry (env RM_SCHEMA_REGISTRY_URL)")
  String schemaRegistryUrl;

  @Option(
      names = "--config",
      description = "Properties file (app keys and any Kafka/Streams/serde key)")
  Path configFile;

  @Option(
      names = "--http-host",
      description = "Interface the HTTP API binds to (default 127.0.0.1)")
  String httpHost;

  @Option(names = "--http-port", description = "HTTP port (default 8080)")
  String httpPort;

  @Option(
      names = "--application-server",
      description = "host:port other instances reach this one at")
  String applicationServer;

  @Option(
      names = "--data-dir",
      description = "Where the embedded broker and the state stores keep data (default ./data)")
  String dataDir;

  @Option(
      names = "--ingest",
      arity = "1..*",
      description =
          "Article files or directories to ingest once the app is up (as the ingest command)")
  List<Path> ingest = List.of();

  @Option(
      names = "--published",
      description = "Publication date (YYYY-MM-DD) for the --ingest files")
  String published;

  @Option(
      names = "--exit-when-ready",
      description = {
        "Start, wait until the stores are queryable (at most 5 minutes), then stop cleanly:",
        "a training run that writes a class-data archive (bin/regional-metrics, docker/Dockerfile)"
      })
  boolean exitWhenReady;

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put(AppConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    flags.put(AppConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    flags.put(AppConfig.HTTP_HOST, httpHost);
    flags.put(AppConfig.HTTP_PORT, httpPort);
    flags.put(AppConfig.APPLICATION_SERVER, applicationServer);
    flags.put(AppConfig.DATA_DIR, dataDir);
    AppConfig config = AppConfig.load(configFile, System.getenv(), flags);

    CountDownLatch stopped = new CountDownLatch(1);
    RegionalMetricsApp app = RegionalMetricsApp.start(config);
    if (exitWhenReady) {
      try (app) {
        if (!app.awaitRunning(Duration.ofMinutes(5))) {
          System.err.println("not ready within 5 minutes (state " + app.streams().state() + ")");
          return 1;
        }
        return 0;
      }
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "shutdown"));
    if (!ingest.isEmpty()) {
      app.awaitRunning(Duration.ofMinutes(2));
      String api =
          "http://"
              + ("0.0.0.0".equals(config.httpHost()) ? "127.0.0.1" : config.httpHost())
              + ":"
              + app.httpPort();
      List<String> args = new ArrayList<>(List.of("ingest", "--api", api));
      if (published != null) {
        args.add("--published=" + published);
      }
      ingest.forEach(p -> args.add(p.toString()));
      Main.commandLine().execute(args.toArray(String[]::new));
    }
    stopped.await();
    return 0;
  }
}
