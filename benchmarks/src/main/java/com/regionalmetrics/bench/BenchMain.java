package com.regionalmetrics.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (JMH command-line options are accepted, e.g. {@code -f 2 -wi 5}; without a
 * benchmark pattern all run) and prints characters per second and per CPU-second for each, and the
 * ratio of extraction to the bare pass.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    if (cli.shouldHelp()
        || cli.shouldList()
        || cli.shouldListProfilers()
        || cli.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    ChainedOptionsBuilder b = new OptionsBuilder().parent(cli);
    if (cli.getIncludes().isEmpty()) {
      b.include(ExtractionBenchmark.class.getSimpleName());
    }
    Collection<RunResult> results = new Runner(b.build()).run();

    ExtractionBenchmark mix = new ExtractionBenchmark();
    mix.load();
    double charsPerOp = mix.totalChars;
    System.out.printf(
        Locale.ROOT,
        "%nMix: %d articles, %d characters per operation%n",
        mix.texts.length,
        mix.totalChars);
    double extractCpu = Double.NaN;
    double bareCpu = Double.NaN;
    double extractWall = Double.NaN;
    double bareWall = Double.NaN;
    System.out.println("Characters per second (one benchmark thread):");
    System.out.printf(
        Locale.ROOT, "%-40s %18s %18s%n", "benchmark", "chars/s (wall)", "chars/CPU-s");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1");
      Map<String, Result> sec = r.getSecondaryResults();
      Result chars = sec.get("chars");
      Result cpu = sec.get("cpuNanos");
      if (chars == null || cpu == null) {
        continue;
      }
      // chars and cpuNanos are per-iteration sums; their ratio is chars per CPU-nanosecond
      double perCpuSecond = chars.getScore() / cpu.getScore() * 1e9;
      double opsPerSecond = r.getPrimaryResult().getScore();
      double wall = opsPerSecond * charsPerOp;
      System.out.printf(Locale.ROOT, "%-40s %18.0f %18.0f%n", name, wall, perCpuSecond);
      if (name.endsWith(".extract")) {
        extractCpu = perCpuSecond;
        extractWall = wall;
      } else if (name.endsWith(".barePass")) {
        bareCpu = perCpuSecond;
        bareWall = wall;
      }
    }
    if (!Double.isNaN(extractCpu) && !Double.isNaN(bareCpu)) {
      System.out.printf(
          Locale.ROOT,
          "extraction / bare pass: %.4f (wall), %.4f (CPU); bare pass is %.0fx faster%n",
          extractWall / bareWall,
          extractCpu / bareCpu,
          bareCpu / extractCpu);
    }
  }
}
