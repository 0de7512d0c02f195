package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --exit-when-ready}, the training start of the class-data archive
 * (bin/regional-metrics, docker/Dockerfile): the zero-config app starts on an empty data directory,
 * becomes ready, stops cleanly and the command exits 0, leaving its ports (registry, HTTP) free; a
 * second run on the same data (a restart) does the same.
 */
class RunExitWhenReadyIT {
  @TempDir Path root;

  @Test
  void startsUntilReadyThenStopsCleanlyOnFreshAndExistingData() throws Exception {
    int registry = freePort();
    int http = freePort();
    Path config = root.resolve("app.properties");
    Files.writeString(config, "embedded.kafka.port=0\nembedded.registry.port=" + registry + "\n");
    Path data = root.resolve("data");
    for (String start : new String[] {"clean start", "restart"}) {
      StringWriter err = new StringWriter();
      int code =
          Main.commandLine()
              .setErr(new PrintWriter(err, true))
              .execute(
                  "run",
                  "--exit-when-ready",
                  "--config",
                  config.toString(),
                  "--data-dir",
                  data.toString(),
                  "--http-port",
                  Integer.toString(http));
      assertThat(code).as(start + ": " + err).isZero();
      // everything closed: the ports can be bound again
      for (int port : new int[] {registry, http}) {
        try (ServerSocket s = new ServerSocket(port)) {
          assertThat(s.getLocalPort()).as(start).isEqualTo(port);
        }
      }
    }
    assertThat(data.resolve("kafka").resolve("meta.properties")).exists();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
