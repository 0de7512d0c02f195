package com.regionalmetrics.query;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one instance's region-summary stores hold for the partitions it was asked about: one row per
 * partition and region, the partitions it could not read, and the offset lag of each copy read.
 */
public record RegionScan(
    List<PartialSummary> rows, Set<Integer> failedPartitions, Map<Integer, Long> lags)
    implements FanOut.Reply<RegionScan.PartialSummary> {

  /**
   * One partition's totals of one region: its series there and the newest of their values.
   *
   * @param latestObservedAt ISO instant
   */
  public record PartialSummary(
      int partition,
      String region,
      String regionCode,
      int series,
      String latestObservedAt,
      String latestPeriod) {}

  static RegionScan failed(Set<Integer> partitions) {
    return new RegionScan(List.of(), partitions == null ? Set.of() : partitions, Map.of());
  }
}
