package com.regionalmetrics.cli;

import java.util.Map;
import java.util.TreeMap;

/** Reads the pipeline counters from a Prometheus text scrape of /metrics. */
record PrometheusText(
    double articlesRead, double observationsEmitted, Map<String, Double> deadLettersByReason) {

  static PrometheusText parse(String text) {
    double articles = 0;
    double observations = 0;
    Map<String, Double> dlq = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String name = line.substring(0, space).strip();
      double value;
      try {
        value = Double.parseDouble(line.substring(space + 1).strip());
      } catch (NumberFormatException e) {
        continue;
      }
      String base = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
      switch (base) {
        case "regional_metrics_articles_read_total" -> articles += value;
        case "regional_metrics_observations_emitted_total" -> observations += value;
        case "regional_metrics_dlq_records_total" ->
            dlq.merge(label(name, "reason"), value, Double::sum);
        default -> {}
      }
    }
    return new PrometheusText(articles, observations, dlq);
  }

  private static String label(String name, String label) {
    int at = name.indexOf(label + "=\"");
    if (at < 0) {
      return "unknown";
    }
    int from = at + label.length() + 2;
    int to = name.indexOf('"', from);
    return to < 0 ? "unknown" : name.substring(from, to);
  }

  /** The counters' growth since {@code before}. */
  PrometheusText minus(PrometheusText before) {
    Map<String, Double> dlq = new TreeMap<>(deadLettersByReason);
    before.deadLettersByReason.forEach((k, v) -> dlq.merge(k, -v, Double::sum));
    dlq.values().removeIf(v -> v <= 0);
    return new PrometheusText(
        articlesRead - before.articlesRead, observationsEmitted - before.observationsEmitted, dlq);
  }
}
