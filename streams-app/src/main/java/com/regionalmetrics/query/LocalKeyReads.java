package com.regionalmetrics.query;

import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.PeriodClaims;
import com.regionalmetrics.topology.ClaimKeys;
import com.regionalmetrics.topology.ClaimResolution;
import com.regionalmetrics.topology.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads of one key (or one series' key range) in one partition of this instance's own stores,
 * through {@code KafkaStreams.store} (IQv1) rather than {@code KafkaStreams.query} (IQv2). Why:
 * IQv2's {@code RocksDBStore.query} holds the store's {@code Position} monitor — which the stream
 * thread takes on every write — for the whole read and copies the position twice per query; under
 * load, readers queued on it behind each other and behind the writer. An IQv1 read takes only the
 * store's own monitor while it opens the iterator.
 *
 * <p>The same copies answer as with IQv2: with allowStale false only the active copy of a RUNNING
 * stream thread (IQv2 {@code requireActive}), with it true any copy this instance holds, standbys
 * included ({@code enableStaleStores}); the read is pinned to the partition ({@code
 * withPartition}); both read with the configured {@code default.interactive.query.isolation.level}.
 * A copy that is not here, not open or not allowed is UNAVAILABLE with Kafka Streams' reason.
 */
final class LocalKeyReads {
  private final KafkaStreams streams;
  private final CopyLags copyLags;

  LocalKeyReads(KafkaStreams streams, CopyLags copyLags) {
    this.streams = streams;
    this.copyLags = copyLags;
  }

  /**
   * The resolved value of key's newest period observed at or before asOf (any when null) in the
   * given partition.
   */
  LocalRead<MetricEventView> value(String key, int partition, Instant asOf, boolean allowStale) {
    long to = asOf == null ? Long.MAX_VALUE : asOf.toEpochMilli();
    try {
      ReadOnlyKeyValueStore<String, PeriodClaims> store =
          store(StoreNames.INDICATOR_CLAIMS, partition, allowStale);
      try (KeyValueIterator<String, PeriodClaims> it =
          store.reverseRange(ClaimKeys.from(key, 0), ClaimKeys.upTo(key, to))) {
        while (it.hasNext()) {
          List<MetricEvent> claims = it.next().value.getClaims();
          if (!claims.isEmpty()) {
            return LocalRead.found(MetricEventView.of(ClaimResolution.of(claims)))
                .withLag(lag(partition));
          }
        }
      }
    } catch (InvalidStateStoreException e) {
      return unavailable(partition, e);
    }
    return LocalRead.<MetricEventView>absent().withLag(lag(partition));
  }

  /**
   * Every row of key's claims from its first dated period up to upper, each turned into views;
   * absent when no row has a claim.
   */
  LocalRead<List<MetricEventView>> series(
      String key,
      int partition,
      boolean allowStale,
      String upper,
      Function<List<MetricEvent>, List<MetricEventView>> view) {
    List<MetricEventView> values = new ArrayList<>();
    try {
      ReadOnlyKeyValueStore<String, PeriodClaims> store =
          store(StoreNames.INDICATOR_CLAIMS, partition, allowStale);
      try (KeyValueIterator<String, PeriodClaims> it = store.range(ClaimKeys.from(key, 0), upper)) {
        while (it.hasNext()) {
          List<MetricEvent> claims = it.next().value.getClaims();
          if (!claims.isEmpty()) {
            values.addAll(view.apply(claims));
          }
        }
      }
    } catch (InvalidStateStoreException e) {
      return unavailable(partition, e);
    }
    LocalRead<List<MetricEventView>> read =
        values.isEmpty() ? LocalRead.absent() : LocalRead.found(values);
    return read.withLag(lag(partition));
  }

  /** The value of one key of a key-value store in the given partition (absent when none). */
  <V> LocalRead<V> get(String storeName, String key, int partition, boolean allowStale) {
    try {
      ReadOnlyKeyValueStore<String, V> store = store(storeName, partition, allowStale);
      V v = store.get(key);
      return v == null ? LocalRead.absent() : LocalRead.found(v);
    } catch (InvalidStateStoreException e) {
      return unavailable(partition, e);
    }
  }

  /**
   * The partition's copy of a store as IQv1 sees it. Not kept between reads: the view is bound to
   * the stream threads of the moment (a replaced thread would be missed), and getting it is cheap.
   *
   * @throws InvalidStateStoreException also when the instance is neither RUNNING nor REBALANCING
   */
  private <V> ReadOnlyKeyValueStore<String, V> store(
      String storeName, int partition, boolean allowStale) {
    StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> params =
        StoreQueryParameters.fromNameAndType(
                storeName, QueryableStoreTypes.<String, V>keyValueStore())
            .withPartition(partition);
    try {
      return streams.store(allowStale ? params.enableStaleStores() : params);
    } catch (IllegalStateException e) {
      // KafkaStreams.store's "not RUNNING or REBALANCING": the state changed since the caller
      // looked
      throw new InvalidStateStoreException(e.getMessage(), e);
    }
  }

  private Long lag(int partition) {
    return copyLags.lag(StoreNames.INDICATOR_CLAIMS, partition);
  }

  /** Kafka Streams' reason (not here, not open, migrated, not running) as a 503's message. */
  private static <T> LocalRead<T> unavailable(int partition, RuntimeException e) {
    return LocalRead.unavailable(
        "partition " + partition + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
  }
}
