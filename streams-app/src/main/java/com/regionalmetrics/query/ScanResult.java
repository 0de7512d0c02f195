package com.regionalmetrics.query;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one instance found for the partitions it was asked about, which it could not read, and the
 * offset lag of its copy of each partition it read (when known).
 */
public record ScanResult(
    List<MetricEventView> events, Set<Integer> failedPartitions, Map<Integer, Long> lags)
    implements FanOut.Reply<MetricEventView> {

  /** Nothing read: every partition asked about failed. */
  static ScanResult failed(Set<Integer> partitions) {
    return new ScanResult(List.of(), partitions == null ? Set.of() : partitions, Map.of());
  }

  @Override
  public List<MetricEventView> rows() {
    return events;
  }
}
