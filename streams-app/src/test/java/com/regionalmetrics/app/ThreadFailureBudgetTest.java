package com.regionalmetrics.app;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.serde.AvroWireFormatException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** A failed thread is replaced; threads that keep failing take the client to ERROR. */
class ThreadFailureBudgetTest {
  private final AtomicLong now = new AtomicLong();
  private final ThreadFailureBudget budget =
      new ThreadFailureBudget(3, Duration.ofMinutes(5), now::get);
  private final RuntimeException failure = new IllegalStateException("store cannot be opened");

  @Test
  void failuresWithinTheWindowUseUpTheBudget() {
    assertThat(budget.handle(failure)).isEqualTo(REPLACE_THREAD);
    now.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(budget.handle(failure)).isEqualTo(REPLACE_THREAD);
    now.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(budget.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    assertThat(budget.handle(failure)).isEqualTo(REPLACE_THREAD);
    assertThat(budget.handle(failure)).isEqualTo(REPLACE_THREAD);
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    assertThat(budget.handle(failure))
        .as("the first two are older than 5 min")
        .isEqualTo(REPLACE_THREAD);
    assertThat(budget.handle(failure)).isEqualTo(REPLACE_THREAD);
    assertThat(budget.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
  }

  @Test
  void outagesARestartWouldNotCureAreNeverCounted() {
    RuntimeException registryDown =
        new StreamsException(
            new AvroWireFormatException(
                AvroWireFormatException.Reason.REGISTRY_UNAVAILABLE, "registry unavailable"));
    RuntimeException brokerAway =
        new StreamsException(new TimeoutException("Timeout expired while fetching metadata"));
    for (int i = 0; i < 10; i++) {
      assertThat(budget.handle(registryDown)).isEqualTo(REPLACE_THREAD);
      assertThat(budget.handle(brokerAway)).isEqualTo(REPLACE_THREAD);
    }
    assertThat(budget.handle(failure)).isEqualTo(REPLACE_THREAD);
  }
}
