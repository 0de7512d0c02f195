package com.regionalmetrics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The regional-metrics command: run | ingest | retract | query | regions | search | compare |
 * extract | config | schemas.
 */
@Command(
    name = "regional-metrics",
    mixinStandardHelpOptions = true,
    version = "regional-metrics 0.1.0",
    description =
        "Extracts regional statistics from Chinese articles and serves them as queryable time series.",
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      RetractCommand.class,
      QueryCommand.class,
      RegionsCommand.class,
      SearchCommand.class,
      CompareCommand.class,
      ExtractCommand.class,
      ConfigCommand.class,
      SchemasCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--log-format",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "text|json",
      description =
          "Log lines for humans (text, the default) or one JSON object per line (json); env RM_LOG_FORMAT")
  String logFormat;

  public static void main(String[] args) {
    selectLogFormat(args);
    System.exit(commandLine().execute(args));
  }

  /** Logback reads RM_LOG_FORMAT when the first logger is made: set it before anything logs. */
  static void selectLogFormat(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value =
          args[i].startsWith("--log-format=")
              ? args[i].substring("--log-format=".length())
              : args[i].equals("--log-format") && i + 1 < args.length ? args[i + 1] : null;
      if (value != null) {
        if (!value.equals("text") && !value.equals("json")) {
          System.err.println("error: --log-format must be text or json, got: " + value);
          System.exit(2);
        }
        System.setProperty("RM_LOG_FORMAT", value);
      }
    }
  }

  static CommandLine commandLine() {
    // UTF-8 whatever the platform charset (a POSIX locale would print Chinese as '?')
    return new CommandLine(new Main())
        .setOut(
            new java.io.PrintWriter(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                true))
        .setErr(
            new java.io.PrintWriter(
                new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
                true))
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("error: " + e.getMessage());
              return 1;
            });
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
