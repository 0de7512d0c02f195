package com.regionalmetrics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** CPU time of a process from /proc (Linux): user + system, all threads. */
final class ProcStat {
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  private ProcStat() {}

  static long cpuNanos(long pid) {
    return cpuNanos(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /**
   * CPU time per kind of thread: the kernel's thread names (15 characters, e.g. "regional-metric"
   * for stream threads, "kafka-producer-", "C2 CompilerThre", "GC Thread#0", "rocksdb:low"), with
   * digits dropped so that pools add up.
   */
  static Map<String, Long> cpuNanosByThread(long pid) {
    Map<String, Long> byName = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(
          t -> {
            try {
              String name = Files.readString(t.resolve("comm")).strip().replaceAll("\\d+", "#");
              byName.merge(name, cpuNanos(t.resolve("stat")), Long::sum);
            } catch (IOException e) {
              // the thread ended meanwhile
            }
          });
    } catch (IOException e) {
      // not Linux, or the process ended
    }
    return byName;
  }

  /**
   * CPU time of each JIT compiler thread (C1, C2) of a JVM, by thread id: the JVM adds and removes
   * them as the compile queue grows and shrinks, so a difference is taken thread by thread ({@link
   * #sinceNanos}).
   */
  static Map<String, Long> compilerCpuNanos(long pid) {
    Map<String, Long> byTid = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(
          t -> {
            try {
              if (Files.readString(t.resolve("comm")).contains("CompilerThre")) {
                byTid.put(t.getFileName().toString(), cpuNanos(t.resolve("stat")));
              }
            } catch (IOException e) {
              // the thread ended meanwhile
            }
          });
    } catch (IOException e) {
      // not Linux, or the process ended
    }
    return byTid;
  }

  /**
   * CPU time the threads of {@code after} spent since {@code before} (a thread absent from before
   * started since); a thread that ended meanwhile is not counted.
   */
  static long sinceNanos(Map<String, Long> before, Map<String, Long> after) {
    long sum = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
    }
    return sum;
  }

  /**
   * CPU time of this process's children that have ended and been waited for (cutime + cstime): the
   * difference across a child's run is that child's CPU time.
   */
  static long childrenCpuNanos() {
    try {
      String s = Files.readString(Path.of("/proc/self/stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long cpuNanos(Path stat) {
    try {
      String s = Files.readString(stat);
      // fields after the command name, which is in parentheses and may contain spaces
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK; // utime, stime
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
