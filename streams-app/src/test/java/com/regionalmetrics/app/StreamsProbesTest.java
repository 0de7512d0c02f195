package com.regionalmetrics.app;

import static org.apache.kafka.streams.KafkaStreams.State.CREATED;
import static org.apache.kafka.streams.KafkaStreams.State.ERROR;
import static org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING;
import static org.apache.kafka.streams.KafkaStreams.State.PENDING_ERROR;
import static org.apache.kafka.streams.KafkaStreams.State.PENDING_SHUTDOWN;
import static org.apache.kafka.streams.KafkaStreams.State.REBALANCING;
import static org.apache.kafka.streams.KafkaStreams.State.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.Test;

/** Streams state → liveness, readiness and caught-up, as Kubernetes needs them. */
class StreamsProbesTest {
  private final StreamsProbes probes = new StreamsProbes();

  private String probe() {
    return (probes.live() ? "live" : "dead")
        + (probes.ready() ? " ready" : "")
        + (probes.caughtUp() ? " caughtUp" : "");
  }

  @Test
  void startingIsAliveButNotReadyUntilTheFirstRunning() {
    assertThat(probe()).isEqualTo("live");
    probes.stateChanged(REBALANCING);
    assertThat(probe()).as("the first rebalance").isEqualTo("live");
    probes.stateChanged(RUNNING);
    assertThat(probe()).isEqualTo("live ready caughtUp");
  }

  @Test
  void aRebalanceAfterRunningKeepsTheInstanceReadyButNotCaughtUp() {
    probes.stateChanged(REBALANCING);
    probes.stateChanged(RUNNING);
    probes.stateChanged(REBALANCING);
    assertThat(probe()).isEqualTo("live ready");
    assertThat(probes.state()).isEqualTo("REBALANCING");
    probes.stateChanged(RUNNING);
    assertThat(probe()).isEqualTo("live ready caughtUp");
  }

  @Test
  void restoringStoresAreNotCaughtUp() {
    StateRestoreListener restore = probes.restoreListener();
    TopicPartition p0 = new TopicPartition("app-indicator-latest-changelog", 0);
    TopicPartition p1 = new TopicPartition("app-indicator-latest-changelog", 1);
    probes.stateChanged(REBALANCING);
    probes.stateChanged(RUNNING);
    restore.onRestoreStart(p0, "indicator-latest", 0, 100);
    restore.onRestoreStart(p1, "indicator-latest", 0, 100);
    assertThat(probe()).isEqualTo("live ready");
    assertThat(probes.restoringStores()).isEqualTo(2);
    restore.onRestoreEnd(p0, "indicator-latest", 100);
    assertThat(probe()).isEqualTo("live ready");
    restore.onRestoreSuspended(p1, "indicator-latest", 40);
    assertThat(probe()).isEqualTo("live ready caughtUp");
    assertThat(probes.restoringStores()).isZero();
  }

  @Test
  void errorIsNotAlive() {
    probes.stateChanged(REBALANCING);
    probes.stateChanged(RUNNING);
    probes.stateChanged(PENDING_ERROR);
    assertThat(probe()).isEqualTo("dead");
    probes.stateChanged(ERROR);
    assertThat(probe()).isEqualTo("dead");
    assertThat(probes.state()).isEqualTo("ERROR");
  }

  @Test
  void aShutdownNobodyAskedForIsNotAlive() {
    probes.stateChanged(RUNNING);
    probes.stateChanged(PENDING_SHUTDOWN);
    assertThat(probe()).isEqualTo("dead");
    probes.stateChanged(NOT_RUNNING);
    assertThat(probe()).isEqualTo("dead");
  }

  @Test
  void aRequestedCloseIsAliveButNotReady() {
    probes.stateChanged(RUNNING);
    probes.closing();
    assertThat(probe()).as("leaves the Service before it stops answering").isEqualTo("live");
    probes.stateChanged(PENDING_SHUTDOWN);
    probes.stateChanged(NOT_RUNNING);
    assertThat(probe()).isEqualTo("live");
  }

  @Test
  void createdIsAlive() {
    probes.stateChanged(CREATED);
    assertThat(probe()).isEqualTo("live");
  }
}
