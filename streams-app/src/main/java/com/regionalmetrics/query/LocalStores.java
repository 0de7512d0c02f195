package com.regionalmetrics.query;

import com.regionalmetrics.avro.ArticleState;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.PeriodClaims;
import com.regionalmetrics.avro.RegionTotals;
import com.regionalmetrics.topology.ClaimKeys;
import com.regionalmetrics.topology.ClaimResolution;
import com.regionalmetrics.topology.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Reads this instance's own copies of the stores: range scans over partitions with IQv2, reads of
 * one key or series in one partition with IQv1 ({@link LocalKeyReads}: no Position lock). Active
 * copies only, unless allowStale: then standby and restoring copies answer too.
 */
public final class LocalStores {
  private final KafkaStreams streams;
  private final CopyLags copyLags;
  private final LocalKeyReads keys;

  public LocalStores(KafkaStreams streams) {
    this.streams = streams;
    this.copyLags = new CopyLags(streams::allLocalStorePartitionLags, Duration.ofSeconds(1));
    this.keys = new LocalKeyReads(streams, copyLags);
  }

  /** These stores as a {@link StoreReader}: answers already complete. */
  StoreReader reader() {
    return new StoreReader() {
      @Override
      public CompletableFuture<LocalRead<MetricEventView>> value(
          String key, int partition, Instant asOf, boolean allowStale) {
        return CompletableFuture.completedFuture(
            LocalStores.this.value(key, partition, asOf, allowStale));
      }

      @Override
      public CompletableFuture<LocalRead<List<MetricEventView>>> history(
          String key, int partition, boolean allowStale) {
        return CompletableFuture.completedFuture(
            LocalStores.this.history(key, partition, allowStale));
      }

      @Override
      public CompletableFuture<LocalRead<List<MetricEventView>>> claims(
          String key, int partition, boolean allowStale) {
        return CompletableFuture.completedFuture(
            LocalStores.this.claims(key, partition, allowStale));
      }

      @Override
      public CompletableFuture<ScanResult> scan(
          Set<Integer> partitions, ScanRequest request, boolean allowStale) {
        return CompletableFuture.completedFuture(
            LocalStores.this.scan(partitions, request, allowStale));
      }

      @Override
      public CompletableFuture<ScanResult> compare(
          Set<Integer> partitions, CompareRequest request, boolean allowStale) {
        return CompletableFuture.completedFuture(
            LocalStores.this.compare(partitions, request, allowStale));
      }

      @Override
      public CompletableFuture<RegionScan> regions(
          Set<Integer> partitions, String after, int limit, boolean allowStale) {
        return CompletableFuture.completedFuture(
            LocalStores.this.regions(partitions, after, limit, allowStale));
      }
    };
  }

  /**
   * The resolved value of key's newest period observed at or before asOf (any when null) in the
   * given partition.
   */
  public LocalRead<MetricEventView> value(
      String key, int partition, Instant asOf, boolean allowStale) {
    return keys.value(key, partition, asOf, allowStale);
  }

  /**
   * The resolved value of every dated period of key, oldest first. Absent when the key has none.
   */
  public LocalRead<List<MetricEventView>> history(String key, int partition, boolean allowStale) {
    return keys.series(
        key,
        partition,
        allowStale,
        ClaimKeys.upTo(key, Long.MAX_VALUE),
        claims -> List.of(MetricEventView.of(ClaimResolution.of(claims))));
  }

  /** Every claim of every article about key, undated ones last. Absent when the key has none. */
  public LocalRead<List<MetricEventView>> claims(String key, int partition, boolean allowStale) {
    return keys.series(
        key,
        partition,
        allowStale,
        ClaimKeys.end(key),
        claims -> claims.stream().map(MetricEventView::of).toList());
  }

  /** Latest values in the given partitions (null: every local one) matching the request. */
  public ScanResult scan(Set<Integer> partitions, ScanRequest request, boolean allowStale) {
    if (!queryable()) {
      return ScanResult.failed(partitions);
    }
    if (request.asOf() != null && request.prefix() != null) {
      return scanAsOf(partitions, request, allowStale);
    }
    return scanStore(
        StoreNames.INDICATOR_LATEST,
        range(request),
        partitions,
        allowStale,
        (it, events) -> {
          int taken = 0;
          while (it.hasNext() && (request.limit() <= 0 || taken < request.limit())) {
            var kv = it.next();
            if (request.after() != null
                && KeyOrder.CODE_POINTS.compare(kv.key, request.after()) <= 0) {
              continue;
            }
            MetricEventView view = MetricEventView.of(kv.value);
            if (request.matches(view)) {
              events.add(view);
              taken++;
            }
          }
        });
  }

  /**
   * A region's series as of a time: one range scan of the claims store over the region's keys
   * (series, then observation time), keeping each series' newest dated period at or before asOf.
   */
  private ScanResult scanAsOf(Set<Integer> partitions, ScanRequest request, boolean allowStale) {
    String lower = request.prefix();
    String upper = lower.substring(0, lower.length() - 1) + "}"; // '}' follows '|'
    return scanStore(
        StoreNames.INDICATOR_CLAIMS,
        RangeQuery.<String, PeriodClaims>withRange(lower, upper),
        partitions,
        allowStale,
        (it, events) -> {
          Map<String, MetricEventView> bySeries = new TreeMap<>(KeyOrder.CODE_POINTS);
          while (it.hasNext()) {
            var kv = it.next();
            List<MetricEvent> claims = kv.value.getClaims();
            if (!ClaimKeys.isUndated(kv.key)
                && !claims.isEmpty()
                && claims.get(0).getObservedAt().toEpochMilli() <= request.asOf()) {
              bySeries.put(
                  ClaimKeys.seriesOf(kv.key), MetricEventView.of(ClaimResolution.of(claims)));
            }
          }
          bySeries.values().stream().filter(request::matches).forEach(events::add);
        });
  }

  /** One range query per partition of a store; a partition that fails is reported, not thrown. */
  private <V> ScanResult scanStore(
      String store,
      RangeQuery<String, V> query,
      Set<Integer> partitions,
      boolean allowStale,
      java.util.function.BiConsumer<KeyValueIterator<String, V>, List<MetricEventView>> collect) {
    List<MetricEventView> events = new ArrayList<>();
    Scanned scanned =
        eachPartition(store, query, partitions, allowStale, (p, it) -> collect.accept(it, events));
    return new ScanResult(events, scanned.failed(), scanned.lags());
  }

  /** The partitions a range query could not read, and the lag of each copy it read. */
  private record Scanned(Set<Integer> failed, Map<Integer, Long> lags) {}

  /**
   * Runs a range query on the given partitions of a store (all local ones when null) and hands each
   * partition's rows to read; partitions that fail or do not answer are reported, not thrown.
   */
  private <V> Scanned eachPartition(
      String store,
      RangeQuery<String, V> query,
      Set<Integer> partitions,
      boolean allowStale,
      java.util.function.BiConsumer<Integer, KeyValueIterator<String, V>> read) {
    var req = StateQueryRequest.inStore(store).withQuery(query);
    req = partitions == null ? req : req.withPartitions(partitions);
    if (!allowStale) {
      req = req.requireActive();
    }
    StateQueryResult<KeyValueIterator<String, V>> result = streams.query(req);
    Set<Integer> failed = new HashSet<>();
    Map<Integer, Long> lags = new TreeMap<>();
    if (partitions != null) {
      partitions.stream()
          .filter(p -> !result.getPartitionResults().containsKey(p))
          .forEach(failed::add);
    }
    result
        .getPartitionResults()
        .forEach(
            (p, pr) -> {
              if (pr.isFailure()) {
                failed.add(p);
                return;
              }
              try (KeyValueIterator<String, V> it = pr.getResult()) {
                read.accept(p, it);
              }
              putLag(lags, store, p);
            });
    return new Scanned(failed, lags);
  }

  /**
   * This instance's rows of a cross-section, for the given partitions: see {@link CompareRequest}
   * for why the candidate keys are probed instead of scanned. A partition whose copy cannot be read
   * here is reported as failed.
   */
  public ScanResult compare(Set<Integer> partitions, CompareRequest request, boolean allowStale) {
    if (!queryable()) {
      return ScanResult.failed(partitions);
    }
    Instant asOf = request.asOf() == null ? null : Instant.ofEpochMilli(request.asOf());
    Set<Integer> failed = new HashSet<>();
    List<MetricEventView> rows = new ArrayList<>();
    for (String region : request.candidates()) {
      String key = region + "|" + request.measure();
      int p = StorePartitions.of(key, request.partitions());
      if (!partitions.contains(p) || failed.contains(p)) {
        continue;
      }
      LocalRead<MetricEvent> latest = keys.get(StoreNames.INDICATOR_LATEST, key, p, allowStale);
      if (latest.status() == LocalRead.Status.UNAVAILABLE) {
        failed.add(p);
        continue;
      }
      if (latest.status() == LocalRead.Status.ABSENT) {
        continue; // no such series: the common case, answered by the bloom filter
      }
      LocalRead<MetricEventView> v = value(key, p, asOf, allowStale);
      switch (v.status()) {
        case FOUND -> rows.add(v.value());
        case UNAVAILABLE -> failed.add(p);
        default -> {}
      }
    }
    rows.removeIf(r -> failed.contains(StorePartitions.of(KeyOrder.key(r), request.partitions())));
    Map<Integer, Long> lags = new TreeMap<>();
    partitions.stream()
        .filter(p -> !failed.contains(p))
        .forEach(p -> putLag(lags, StoreNames.INDICATOR_CLAIMS, p));
    return new ScanResult(request.page(rows), failed, lags);
  }

  /**
   * Each region's totals in the given partitions' region-summary stores, one row per partition and
   * region: the first limit (0: all) regions after the given one (null: from the first), per
   * partition.
   */
  public RegionScan regions(Set<Integer> partitions, String after, int limit, boolean allowStale) {
    if (!queryable()) {
      return RegionScan.failed(partitions);
    }
    RangeQuery<String, RegionTotals> query =
        after == null ? RangeQuery.withNoBounds() : RangeQuery.withLowerBound(after);
    List<RegionScan.PartialSummary> rows = new ArrayList<>();
    Scanned scanned =
        eachPartition(
            StoreNames.REGION_SUMMARY,
            query,
            partitions,
            allowStale,
            (p, it) -> {
              int taken = 0;
              while (it.hasNext() && (limit <= 0 || taken < limit)) {
                var kv = it.next();
                if (after != null && KeyOrder.CODE_POINTS.compare(kv.key, after) <= 0) {
                  continue;
                }
                rows.add(
                    new RegionScan.PartialSummary(
                        p,
                        kv.key,
                        kv.value.getRegionCode(),
                        kv.value.getSeries(),
                        kv.value.getLatestObservedAt().toString(),
                        kv.value.getLatestPeriod()));
                taken++;
              }
            });
    return new RegionScan(rows, scanned.failed(), scanned.lags());
  }

  private void putLag(Map<Integer, Long> lags, String store, int partition) {
    Long lag = copyLags.lag(store, partition);
    if (lag != null) {
      lags.put(partition, lag);
    }
  }

  /** The article-state entry of an article id in the given partition. */
  public LocalRead<ArticleStateView> articleState(String id, int partition, boolean allowStale) {
    LocalRead<ArticleState> r = keys.get(StoreNames.ARTICLE_STATE, id, partition, allowStale);
    return r.status() == LocalRead.Status.FOUND
        ? LocalRead.found(ArticleStateView.of(r.value()))
        : new LocalRead<>(r.status(), null, r.message(), null);
  }

  /** Offset lag of this instance's copy of each claims-store partition. */
  public Map<Integer, Long> lags() {
    Map<Integer, Long> lags = new TreeMap<>();
    try {
      Map<Integer, LagInfo> byPartition =
          streams.allLocalStorePartitionLags().get(StoreNames.INDICATOR_CLAIMS);
      if (byPartition != null) {
        byPartition.forEach((p, lag) -> lags.put(p, lag.offsetLag()));
      }
    } catch (RuntimeException e) {
      // not available while the instance is starting or rebalancing
    }
    return lags;
  }

  public String state() {
    return streams.state().name();
  }

  private static RangeQuery<String, MetricEvent> range(ScanRequest request) {
    String lower = request.prefix();
    if (request.after() != null
        && (lower == null || KeyOrder.CODE_POINTS.compare(request.after(), lower) > 0)) {
      lower = request.after();
    }
    // '}' follows '|': the range [prefix, prefix with '}' for '|'] holds exactly the region's keys
    String upper =
        request.prefix() == null
            ? null
            : request.prefix().substring(0, request.prefix().length() - 1) + "}";
    if (lower == null && upper == null) {
      return RangeQuery.withNoBounds();
    }
    if (upper == null) {
      return RangeQuery.withLowerBound(lower);
    }
    return lower == null ? RangeQuery.withUpperBound(upper) : RangeQuery.withRange(lower, upper);
  }

  private boolean queryable() {
    KafkaStreams.State s = streams.state();
    return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
  }
}
