package com.regionalmetrics.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark runner: {@code benchmarks/bench.sh pipeline|scale|query|startup [options]} (see
 * BENCHMARKS.md).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {
      PipelineCommand.class,
      ScaleCommand.class,
      QueryCommand.class,
      StartupCommand.class
    },
    description =
        "Benchmarks of the whole job on one machine, each against a bound measured in the same run.")
public final class Bench {
  private Bench() {}

  public static void main(String[] args) {
    int status = new CommandLine(new Bench()).execute(args);
    System.exit(status);
  }
}
