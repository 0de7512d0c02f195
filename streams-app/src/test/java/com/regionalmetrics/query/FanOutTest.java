package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * The fan-out's use of standby copies under a maxLag: partition 1's active copy cannot answer, its
 * standby lags 5 offsets; partition 0's active answers with lag 0.
 */
class FanOutTest {
  static final HostInfo A = new HostInfo("a", 1);
  static final HostInfo B = new HostInfo("b", 2);

  /** A answers partition 0 (active) and fails 1; B holds a standby of 1 that lags 5. */
  static CompletableFuture<RegionScan> read(HostInfo host, Set<Integer> parts) {
    if (host.equals(A)) {
      return CompletableFuture.completedFuture(
          new RegionScan(
              parts.contains(0) ? List.of(row(0, "保定")) : List.of(), Set.of(1), Map.of(0, 0L)));
    }
    return CompletableFuture.completedFuture(
        new RegionScan(List.of(row(1, "承德")), Set.of(), Map.of(1, 5L)));
  }

  static RegionScan.PartialSummary row(int p, String region) {
    return new RegionScan.PartialSummary(p, region, null, 1, "2024-12-31T15:59:59.999Z", "2024");
  }

  static FanOut.Gathered<RegionScan.PartialSummary> gather(long maxLag) {
    Map<HostInfo, StoreReader> none = Map.of();
    Map<Integer, List<HostInfo>> owners = Map.of(0, List.of(A), 1, List.of(A, B));
    HostInfo[] asked = new HostInfo[1];
    return FanOut.gather(
        2,
        owners,
        host -> {
          asked[0] = host;
          return none.get(host);
        },
        (reader, parts, allowStale) -> read(asked[0], parts),
        RegionScan.PartialSummary::partition,
        maxLag);
  }

  @Test
  void withoutABoundTheStandbyAnswersAndTheAnswerIsStaleWithItsLag() {
    var g = gather(Staleness.ANY);
    assertThat(g.rows()).extracting(RegionScan.PartialSummary::region).containsExactly("保定", "承德");
    assertThat(g.missing()).isEmpty();
    assertThat(g.stale()).isTrue();
    assertThat(g.lag()).isEqualTo(5L);
  }

  @Test
  void aStandbyLaggingMoreThanMaxLagIsNotUsedAndItsPartitionIsMissing() {
    var g = gather(4);
    assertThat(g.rows()).extracting(RegionScan.PartialSummary::region).containsExactly("保定");
    assertThat(g.missing()).containsExactly(1);
    assertThat(g.stale()).isFalse();
    assertThat(g.lag()).isEqualTo(0L);

    assertThat(gather(5).missing()).isEmpty();
  }

  @Test
  void aCopyOfUnknownLagIsUsedOnlyWithoutABound() {
    assertThat(Staleness.within(null, Staleness.ANY)).isTrue();
    assertThat(Staleness.within(null, 1000)).isFalse();
    assertThat(Staleness.within(0L, 0)).isTrue();
    assertThat(Staleness.within(1L, 0)).isFalse();
  }
}
