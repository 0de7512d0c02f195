package com.regionalmetrics.app;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a failed stream thread, unless threads keep failing: after {@code max} failures within
 * {@code window} the client shuts down into ERROR, so the liveness probe fails and the process is
 * restarted (a store that cannot be opened, say, fails every replacement thread the same way; left
 * alone, REPLACE_THREAD would loop on it forever while the probes said all is well).
 *
 * <p>Failures a restart cannot cure are replaced without counting: a Schema Registry outage (the
 * record is read again once it is back, {@link RetryingDeserializationExceptionHandler}) and
 * Kafka's retriable errors (a broker or the network away for longer than task.timeout.ms).
 */
final class ThreadFailureBudget implements StreamsUncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadFailureBudget.class);

  static final int DEFAULT_MAX = 5;
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private final int max;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Deque<Long> failures = new ArrayDeque<>();

  ThreadFailureBudget(int max, Duration window, LongSupplier nanoTime) {
    this.max = max;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  static ThreadFailureBudget standard() {
    return new ThreadFailureBudget(DEFAULT_MAX, DEFAULT_WINDOW, System::nanoTime);
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable e) {
    if (transientFailure(e)) {
      LOG.warn("Stream thread failed on an outage a restart would not cure; replacing it", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    long now = nanoTime.getAsLong();
    failures.addLast(now);
    while (now - failures.peekFirst() > windowNanos) {
      failures.removeFirst();
    }
    if (failures.size() >= max) {
      LOG.error(
          "Stream thread failed, the {}th failure within {} s: shutting the job down (state ERROR,"
              + " liveness probe fails)",
          failures.size(),
          windowNanos / 1_000_000_000L,
          e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    LOG.error(
        "Stream thread failed ({} of {} allowed within {} s); replacing it",
        failures.size(),
        max - 1,
        windowNanos / 1_000_000_000L,
        e);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  static boolean transientFailure(Throwable e) {
    if (RetryingDeserializationExceptionHandler.isRegistryOutage(e)) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }
}
