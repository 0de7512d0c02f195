package com.regionalmetrics.http;

import com.regionalmetrics.avro.MetricEvent;
import java.time.Duration;
import java.util.function.Consumer;

/** The indicator changes as they are committed, for {@code GET /api/changes}. */
public interface ChangeFeed {

  /**
   * Calls {@code listener} with every change committed from now on, on the feed's thread; waits up
   * to {@code ready} for the feed to know where "now" is. Closing the result unsubscribes.
   */
  AutoCloseable subscribe(Consumer<MetricEvent> listener, Duration ready);
}
