package com.regionalmetrics.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The instances that last held each store partition (active first, then standbys). While a
 * rebalance is in flight Kafka Streams names no active instance for a partition, yet the stores it
 * knew are mostly still there and queryable: a key is then asked of its partition's last known
 * holders, and the answer is flagged stale. Without this every key lookup failed with 503 for the
 * length of each rebalance — all instances at once, a rebalance being group-wide.
 */
final class KnownOwners {
  private final Map<Integer, List<HostInfo>> owners = new ConcurrentHashMap<>();

  /** Notes the holders of a partition (active first); an empty list says nothing. */
  void remember(int partition, List<HostInfo> hosts) {
    if (!hosts.isEmpty()) {
      owners.put(partition, List.copyOf(hosts));
    }
  }

  /** The last known holders of a partition. */
  Optional<List<HostInfo>> lastKnown(int partition) {
    return Optional.ofNullable(owners.get(partition));
  }
}
