package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.LagInfos;
import org.junit.jupiter.api.Test;

/** Lags are served from a snapshot; a refresh that hangs on the brokers never holds up a query. */
class CopyLagsTest {

  private static Map<String, Map<Integer, LagInfo>> lags(long offsetLag) {
    return Map.of("indicator-latest", Map.of(0, LagInfos.of(100, 100 + offsetLag)));
  }

  @Test
  void anAgedSnapshotIsServedWhileASlowRefreshRunsInTheBackground() throws Exception {
    AtomicLong now = new AtomicLong();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch brokersAnswer = new CountDownLatch(1);
    CopyLags copyLags =
        new CopyLags(
            () -> {
              if (calls.incrementAndGet() == 1) {
                return lags(1);
              }
              try {
                brokersAnswer.await(10, TimeUnit.SECONDS); // a broker that does not answer
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return lags(7);
            },
            Duration.ofSeconds(1),
            now::get);

    assertThat(copyLags.lag("indicator-latest", 0)).isEqualTo(1L); // the first snapshot, inline
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    long t0 = System.nanoTime();
    assertThat(copyLags.lag("indicator-latest", 0)).isEqualTo(1L); // aged: served, refresh started
    assertThat(copyLags.lag("indicator-latest", 0)).isEqualTo(1L);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    brokersAnswer.countDown();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Long.valueOf(7).equals(copyLags.lag("indicator-latest", 0)));
    assertThat(calls.get()).isEqualTo(2); // one refresh at a time
    assertThat(copyLags.lag("indicator-other", 0)).isNull();
  }
}
