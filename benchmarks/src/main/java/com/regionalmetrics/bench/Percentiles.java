package com.regionalmetrics.bench;

import java.util.Arrays;

/** Exact percentiles of a set of latencies (nearest rank). */
final class Percentiles {
  private final long[] sorted;

  Percentiles(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  long at(double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long max() {
    return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
  }
}
