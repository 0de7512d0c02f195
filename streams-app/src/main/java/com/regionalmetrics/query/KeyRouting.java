package com.regionalmetrics.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a key's copies live: its partition, computed as Kafka Streams' default partitioner does
 * (murmur2 of the UTF-8 key), and the instances holding that partition of the stores, the active
 * one first, then standbys. The partition → instances map is built once from the job's metadata and
 * kept while the instance stays RUNNING; every state change (a rebalance passes through
 * REBALANCING) drops it. Outside RUNNING it is rebuilt on every call. This replaces {@code
 * KafkaStreams.queryMetadataForKey} per lookup, which serialises every caller on one monitor.
 */
final class KeyRouting {
  private final KafkaStreams streams;
  private final String sourceTopic;
  private final int partitions;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicReference<Snapshot> cached = new AtomicReference<>();

  private record Snapshot(long generation, Map<Integer, Copies> owners) {}

  /**
   * The instances holding one partition of the stores.
   *
   * @param active the active copy's instance; null while none has it (rebalancing)
   * @param all the active instance first (when there is one), then the standbys
   */
  record Copies(HostInfo active, List<HostInfo> all) {
    static final Copies NONE = new Copies(null, List.of());
  }

  /**
   * @param sourceTopic the topic whose partitions are the stores' partitions (metric-events)
   * @param partitions its partition count
   */
  KeyRouting(KafkaStreams streams, String sourceTopic, int partitions) {
    this.streams = streams;
    this.sourceTopic = sourceTopic;
    this.partitions = partitions;
  }

  /** The partition of the stores that holds key. */
  int partition(String key) {
    return partitionOf(key, partitions);
  }

  static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The instances holding a partition, active first. */
  Copies copies(int partition) {
    return owners().getOrDefault(partition, Copies.NONE);
  }

  /** For each partition, the instances holding it: the active one first, then standbys. */
  Map<Integer, Copies> owners() {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return build();
    }
    long g = generation.get();
    Snapshot s = cached.get();
    if (s != null && s.generation() == g) {
      return s.owners();
    }
    Map<Integer, Copies> owners = build();
    // kept only if no state change happened meanwhile (it may have been built from older metadata)
    if (generation.get() == g && streams.state() == KafkaStreams.State.RUNNING) {
      cached.set(new Snapshot(g, owners));
    }
    return owners;
  }

  /** Called on every state change of the Kafka Streams instance: the assignment may change. */
  void invalidate() {
    generation.incrementAndGet();
    cached.set(null);
  }

  private Map<Integer, Copies> build() {
    Map<Integer, List<HostInfo>> owners = new HashMap<>();
    Map<Integer, List<HostInfo>> standbys = new HashMap<>();
    for (StreamsMetadata md : streams.metadataForAllStreamsClients()) {
      for (TopicPartition tp : md.topicPartitions()) {
        if (tp.topic().equals(sourceTopic)) {
          owners.computeIfAbsent(tp.partition(), k -> new ArrayList<>()).add(md.hostInfo());
        }
      }
      for (TopicPartition tp : md.standbyTopicPartitions()) {
        if (tp.topic().equals(sourceTopic)) {
          standbys.computeIfAbsent(tp.partition(), k -> new ArrayList<>()).add(md.hostInfo());
        }
      }
    }
    Map<Integer, Copies> copies = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      List<HostInfo> active = owners.getOrDefault(p, List.of());
      List<HostInfo> all = new ArrayList<>(active);
      all.addAll(standbys.getOrDefault(p, List.of()));
      if (!all.isEmpty()) {
        copies.put(p, new Copies(active.isEmpty() ? null : active.get(0), List.copyOf(all)));
      }
    }
    return Map.copyOf(copies);
  }
}
