package com.regionalmetrics.bench;

import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction throughput over a mix of articles written for the benchmark (bench/*.txt: statistical
 * communiqué, government work report, air-quality bulletin, holiday tourism, energy, transport,
 * digital infrastructure, ten-year retrospective; simplified, traditional and traditional with
 * pinyin annotations; with site boilerplate), next to a bare single pass over the same text.
 *
 * <p>One operation = the whole mix once. Besides ops/s (wall clock, one thread), each benchmark
 * counts the characters it read and the CPU time of its thread, so {@link BenchMain} can report
 * characters per CPU-second even on a busy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ExtractionBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  String[] texts;
  Instant[] published;
  long totalChars;
  Extractor extractor;

  /** Characters read and CPU nanoseconds spent, per iteration (reported as secondary results). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    public long chars;
    public long cpuNanos;

    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
      cpuNanos = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    List<String> t = new ArrayList<>();
    List<Instant> p = new ArrayList<>();
    for (String line : resource("index.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      t.add(resource(f[0].strip()));
      p.add(
          f.length > 1
              ? LocalDate.parse(f[1].strip())
                  .atTime(12, 0)
                  .atZone(ZoneId.of("Asia/Shanghai"))
                  .toInstant()
              : null);
    }
    texts = t.toArray(new String[0]);
    published = p.toArray(new Instant[0]);
    totalChars = 0;
    for (String s : texts) {
      totalChars += s.length();
    }
    extractor = Extractor.createDefault();
  }

  static String resource(String name) {
    try (InputStream in = ExtractionBenchmark.class.getResourceAsStream("/bench/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing /bench/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Full extraction of every article of the mix; returns the number of observations. */
  @Benchmark
  public int extract(Cpu cpu) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    int n = 0;
    for (int i = 0; i < texts.length; i++) {
      List<Observation> obs = extractor.extract(texts[i], published[i], null);
      n += obs.size();
    }
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - t0;
    cpu.chars += totalChars;
    return n;
  }

  /** The floor: one pass over the same characters, counting ASCII and full-width digits. */
  @Benchmark
  public int barePass(Cpu cpu) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    int digits = 0;
    for (String s : texts) {
      for (int k = 0, n = s.length(); k < n; k++) {
        char c = s.charAt(k);
        if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
          digits++;
        }
      }
    }
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - t0;
    cpu.chars += totalChars;
    return digits;
  }
}
