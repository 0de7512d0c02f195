package com.regionalmetrics.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A read of every store partition: each from its active copy first, then, for the partitions that
 * failed, from each standby in turn. Under a maxLag, a standby whose copy lags more (or whose lag
 * is not known) does not count as an answer: its rows are dropped and the next copy is asked.
 */
final class FanOut {
  private FanOut() {}

  /** One instance's answer for some partitions: rows, partitions it could not read, lags. */
  interface Reply<T> {
    List<T> rows();

    Set<Integer> failedPartitions();

    /** Offset lag of the copy of each partition read (absent: not known). */
    java.util.Map<Integer, Long> lags();
  }

  /** One read of some partitions from the stores of some instance. */
  @FunctionalInterface
  interface Read<R> {
    CompletableFuture<R> on(StoreReader reader, Set<Integer> parts, boolean allowStale);
  }

  /**
   * Every partition's rows, merged, unordered.
   *
   * @param missing partitions no copy could answer (within maxLag)
   * @param stale some partition was read from a standby
   * @param lag the largest offset lag of the copies read; null when none was known
   */
  record Gathered<T>(List<T> rows, List<Integer> missing, boolean stale, Long lag) {}

  /**
   * @param owners for each partition, the instances holding it: the active one first
   * @param partitionOf the partition a row was read from
   * @param maxLag the largest offset lag of a standby copy that may answer
   */
  static <T, R extends Reply<T>> Gathered<T> gather(
      int partitions,
      Map<Integer, List<HostInfo>> owners,
      Function<HostInfo, StoreReader> readers,
      Read<R> read,
      ToIntFunction<T> partitionOf,
      long maxLag) {
    Set<Integer> pending = new TreeSet<>();
    for (int p = 0; p < partitions; p++) {
      pending.add(p);
    }
    List<T> rows = new ArrayList<>();
    boolean stale = false;
    Long lag = null;
    for (int round = 0; !pending.isEmpty(); round++) {
      Map<HostInfo, Set<Integer>> plan = new HashMap<>();
      for (int p : pending) {
        List<HostInfo> hosts = owners.getOrDefault(p, List.of());
        if (round < hosts.size()) {
          plan.computeIfAbsent(hosts.get(round), h -> new TreeSet<>()).add(p);
        }
      }
      if (plan.isEmpty()) {
        break;
      }
      boolean allowStale = round > 0;
      Map<HostInfo, CompletableFuture<R>> calls = new HashMap<>();
      plan.forEach(
          (host, parts) -> calls.put(host, read.on(readers.apply(host), parts, allowStale)));
      for (var call : calls.entrySet()) {
        R r = call.getValue().join();
        Set<Integer> answered = new TreeSet<>(plan.get(call.getKey()));
        answered.removeAll(r.failedPartitions());
        if (allowStale) {
          answered.removeIf(p -> !Staleness.within(r.lags().get(p), maxLag));
        }
        for (T row : r.rows()) {
          if (answered.contains(partitionOf.applyAsInt(row))) {
            rows.add(row);
          }
        }
        for (int p : answered) {
          Long l = r.lags().get(p);
          if (l != null) {
            lag = lag == null ? l : Math.max(lag, l);
          }
        }
        pending.removeAll(answered);
        stale |= allowStale && !answered.isEmpty();
      }
    }
    return new Gathered<>(rows, List.copyOf(pending), stale, lag);
  }
}
