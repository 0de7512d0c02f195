package com.regionalmetrics.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The best CPU time of this thread over a few runs: unlike wall-clock time it does not grow when
 * other processes load the machine, so size ratios built on it stay meaningful in CI.
 */
final class CpuTimer {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimer() {}

  static long bestNanos(Runnable work, int rounds) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      work.run();
      best = Math.min(best, THREADS.getCurrentThreadCpuTime() - t0);
    }
    return Math.max(1, best);
  }
}
