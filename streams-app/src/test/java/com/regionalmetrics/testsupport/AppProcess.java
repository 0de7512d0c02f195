package com.regionalmetrics.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The app as a deployment runs it: its own JVM running the CLI ({@code run}) on the test's
 * classpath, against a given broker and registry, logging to a file, so a test can SIGKILL it.
 * Settings go in as RM_ environment variables, as an operator would give them.
 */
public final class AppProcess {
  private AppProcess() {}

  public static Process start(
      Path dataDir,
      String bootstrap,
      String registryUrl,
      int httpPort,
      Map<String, String> settings,
      Path log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        List.of(
            java,
            "-Xmx512m",
            "-Dfile.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            "com.regionalmetrics.cli.Main",
            "run",
            "--bootstrap-servers",
            bootstrap,
            "--schema-registry-url",
            registryUrl,
            "--http-port",
            Integer.toString(httpPort),
            "--data-dir",
            dataDir.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    settings.forEach((k, v) -> pb.environment().put("RM_" + k.toUpperCase().replace('.', '_'), v));
    Files.createDirectories(dataDir);
    return pb.start();
  }
}
