package com.regionalmetrics.bench;

/** Sums the samples of one metric in Prometheus text format whose labels contain a given pair. */
final class PrometheusSum {
  private PrometheusSum() {}

  static long of(String text, String metric, String label) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(metric + "{") && line.contains(label)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return (long) sum;
  }
}
