package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The last known holders of a key's partition, for lookups while a rebalance is in flight. */
class KnownOwnersTest {
  private final KnownOwners owners = new KnownOwners(3);
  private final HostInfo app1 = new HostInfo("app1", 8080);
  private final HostInfo app2 = new HostInfo("app2", 8080);

  private static byte[] key(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aKeysPartitionIsTheOneTheProducersDefaultPartitionerGivesIt() {
    for (String k : new String[] {"张家口|air.pm25", "承德|air.aqi_composite", "保定|gdp", ""}) {
      assertThat(owners.partitionOf(key(k)))
          .as(k)
          .isEqualTo(BuiltInPartitioner.partitionForKey(key(k), 3));
    }
  }

  @Test
  void remembersTheHoldersOfEachPartitionActiveFirst() {
    String k = "张家口|air.pm25";
    int p = owners.partitionOf(key(k));
    assertThat(owners.lastKnown(key(k))).isEmpty();

    owners.remember(new KeyQueryMetadata(app1, Set.of(app2), p));
    KnownOwners.Holders h = owners.lastKnown(key(k)).orElseThrow();
    assertThat(h.partition()).isEqualTo(p);
    assertThat(h.hosts()).containsExactly(app1, app2);

    owners.remember(KeyQueryMetadata.NOT_AVAILABLE);
    assertThat(owners.lastKnown(key(k))).as("kept through a rebalance").isPresent();
    owners.remember(new KeyQueryMetadata(app2, Set.of(), p));
    assertThat(owners.lastKnown(key(k)).orElseThrow().hosts()).containsExactly(app2);
  }
}
