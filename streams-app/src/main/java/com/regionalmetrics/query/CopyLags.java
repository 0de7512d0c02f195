package com.regionalmetrics.query;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.LagInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offset lag of this instance's copy of each store partition (active or standby), for {@code
 * X-Lag} and {@code maxLag}. {@code KafkaStreams.allLocalStorePartitionLags()} asks the brokers for
 * the changelogs' end offsets on every call, so its answer is kept for a short while: a query reads
 * the last snapshot, and the first query after it has aged starts a refresh in the background (one
 * at a time; only the very first snapshot is taken on a request thread). A lag is an estimate
 * either way (the changelog moves on as soon as it is read).
 */
final class CopyLags {
  private static final Logger LOG = LoggerFactory.getLogger(CopyLags.class);

  private final Supplier<Map<String, Map<Integer, LagInfo>>> source;
  private final long maxAgeNanos;
  private final LongSupplier clock;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Snapshot snapshot;

  private record Snapshot(long takenAt, Map<String, Map<Integer, LagInfo>> lags) {}

  /**
   * @param source the lags of every local store partition (allLocalStorePartitionLags)
   * @param maxAge how long one answer of source is used
   */
  CopyLags(Supplier<Map<String, Map<Integer, LagInfo>>> source, Duration maxAge) {
    this(source, maxAge, System::nanoTime);
  }

  CopyLags(
      Supplier<Map<String, Map<Integer, LagInfo>>> source, Duration maxAge, LongSupplier clock) {
    this.source = source;
    this.maxAgeNanos = maxAge.toNanos();
    this.clock = clock;
  }

  /** The offset lag of this instance's copy of a store partition; null when not known. */
  Long lag(String store, int partition) {
    Snapshot s = current();
    if (s == null) {
      return null;
    }
    LagInfo info = s.lags().getOrDefault(store, Map.of()).get(partition);
    return info == null ? null : info.offsetLag();
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    long now = clock.getAsLong();
    if (s == null) {
      if (refreshing.compareAndSet(false, true)) {
        return refresh(now); // the first answer: nothing to serve meanwhile
      }
      return null;
    }
    if (now - s.takenAt() > maxAgeNanos && refreshing.compareAndSet(false, true)) {
      // a later refresh asks the brokers off the request thread: a slow broker never holds up an
      // answer, which meanwhile carries the previous lags
      CompletableFuture.runAsync(() -> refresh(now));
    }
    return s;
  }

  private Snapshot refresh(long now) {
    Snapshot s;
    try {
      s = new Snapshot(now, Map.copyOf(source.get()));
    } catch (RuntimeException e) {
      // not available while the instance starts or stops: lags unknown (a copy of unknown lag
      // is never used under maxLag) until the next attempt, maxAge later
      LOG.debug("store partition lags not available now", e);
      s = new Snapshot(now, Map.of());
    }
    snapshot = s;
    refreshing.set(false);
    return s;
  }
}
