package com.regionalmetrics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The instances that last held each store partition (active first, then standbys). While a
 * rebalance is in flight Kafka Streams gives no metadata for a key (NOT_AVAILABLE), yet the stores
 * it knew are mostly still there and queryable: a key is then asked of its partition's last known
 * holders, and the answer is flagged stale. Without this every key lookup failed with 503 for the
 * length of each rebalance — all instances at once, a rebalance being group-wide.
 */
final class KnownOwners {
  private final int partitions;
  private final Map<Integer, List<HostInfo>> owners = new ConcurrentHashMap<>();

  KnownOwners(int partitions) {
    this.partitions = partitions;
  }

  /** Notes the holders of md's partition (ignored when md says nothing). */
  void remember(KeyQueryMetadata md) {
    if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md) || md.activeHost().port() < 0) {
      return;
    }
    List<HostInfo> hosts = new ArrayList<>();
    hosts.add(md.activeHost());
    hosts.addAll(md.standbyHosts());
    owners.put(md.partition(), List.copyOf(hosts));
  }

  /** The last known holders of the partition of a key serialized as keyBytes. */
  Optional<Holders> lastKnown(byte[] keyBytes) {
    int partition = partitionOf(keyBytes);
    return Optional.ofNullable(owners.get(partition)).map(h -> new Holders(partition, h));
  }

  /** The partition the default partitioner (Streams' for these stores) gives a key. */
  int partitionOf(byte[] keyBytes) {
    return Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
  }

  record Holders(int partition, List<HostInfo> hosts) {}
}
