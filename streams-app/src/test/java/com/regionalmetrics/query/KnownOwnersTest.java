package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The last known holders of a key's partition, for lookups while a rebalance is in flight. */
class KnownOwnersTest {
  private final KnownOwners owners = new KnownOwners();
  private final HostInfo app1 = new HostInfo("app1", 8080);
  private final HostInfo app2 = new HostInfo("app2", 8080);

  @Test
  void remembersTheHoldersOfEachPartitionActiveFirstThroughARebalance() {
    assertThat(owners.lastKnown(1)).isEmpty();
    owners.remember(1, List.of(app1, app2));
    assertThat(owners.lastKnown(1)).hasValue(List.of(app1, app2));
    owners.remember(1, List.of()); // a rebalance: nobody named
    assertThat(owners.lastKnown(1)).as("kept through a rebalance").hasValue(List.of(app1, app2));
    owners.remember(1, List.of(app2));
    assertThat(owners.lastKnown(1)).hasValue(List.of(app2));
    assertThat(owners.lastKnown(0)).isEmpty();
  }
}
