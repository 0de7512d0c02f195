package com.regionalmetrics.query;

import java.util.List;
import java.util.Set;

/** What one instance found for the partitions it was asked about, and which it could not read. */
public record ScanResult(List<MetricEventView> events, Set<Integer> failedPartitions) {}
