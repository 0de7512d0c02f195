package com.regionalmetrics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The regional-metrics command: run | ingest | query | extract. */
@Command(name = "regional-metrics", mixinStandardHelpOptions = true, version = "regional-metrics 0.1.0",
    description = "Extracts regional statistics from Chinese articles and serves them as queryable time series.",
    subcommands = {RunCommand.class, IngestCommand.class, QueryCommand.class, ExtractCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("error: " + e.getMessage());
          return 1;
        });
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
