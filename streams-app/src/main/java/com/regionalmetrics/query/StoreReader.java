package com.regionalmetrics.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What one instance's stores can answer, wherever that instance is: this one's own stores ({@link
 * LocalStores#reader()}) or another's over HTTP ({@link RemoteInstances#reader}).
 */
interface StoreReader {

  CompletableFuture<LocalRead<MetricEventView>> value(
      String key, int partition, Instant asOf, boolean allowStale);

  CompletableFuture<LocalRead<List<MetricEventView>>> history(
      String key, int partition, boolean allowStale);

  CompletableFuture<LocalRead<List<MetricEventView>>> claims(
      String key, int partition, boolean allowStale);

  CompletableFuture<ScanResult> scan(
      Set<Integer> partitions, ScanRequest request, boolean allowStale);

  CompletableFuture<ScanResult> compare(
      Set<Integer> partitions, CompareRequest request, boolean allowStale);

  /** Region totals per partition: the first limit (0: all) regions after the given one. */
  CompletableFuture<RegionScan> regions(
      Set<Integer> partitions, String after, int limit, boolean allowStale);
}
