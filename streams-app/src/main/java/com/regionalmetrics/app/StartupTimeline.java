package com.regionalmetrics.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where start-up time goes: each phase's end as wall-clock milliseconds since the JVM started and
 * the process's CPU time by then, logged once when the stores are queryable. CPU time is given
 * because on a busy machine the wall-clock figure mostly measures the neighbours.
 */
final class StartupTimeline {
  private final List<String> marks = new ArrayList<>();

  /** Marks the end of {@code phase}. */
  synchronized void mark(String phase) {
    marks.add(String.format(Locale.ROOT, "%s %d ms/%d cpu-ms", phase, uptimeMs(), cpuMs()));
  }

  /** "jvm 412 ms/690 cpu-ms, broker 2210 ms/4100 cpu-ms, ..." */
  synchronized String summary() {
    return String.join(", ", marks);
  }

  static long uptimeMs() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  /** The whole process's CPU time (all threads, user + system); -1 where the JVM cannot say. */
  static long cpuMs() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? -1 : nanos / 1_000_000;
    }
    return -1;
  }
}
