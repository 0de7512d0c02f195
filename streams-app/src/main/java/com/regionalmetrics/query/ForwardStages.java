package com.regionalmetrics.query;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a forwarded key read's time goes on the instance that forwards it (issue 18): waiting until
 * a request carries it (a free slot, or a sender to take it), the request's round trip (encode,
 * HTTP exchange, the peer's handling, parse), and the wake-up of the caller once answered. Sums of
 * nanoseconds, read by /metrics; a few nanoTime calls per read.
 */
public final class ForwardStages {
  final LongAdder reads = new LongAdder();
  final LongAdder queuedNanos = new LongAdder();
  final LongAdder resumeNanos = new LongAdder();
  final LongAdder batches = new LongAdder();
  final LongAdder roundTripNanos = new LongAdder();
  final LongAdder exchangeNanos = new LongAdder();

  /** Key reads answered through a batch. */
  public long reads() {
    return reads.sum();
  }

  /** Sum over reads: from the call until a request carrying the read is about to be sent. */
  public long queuedNanos() {
    return queuedNanos.sum();
  }

  /** Sum over reads: from the answer's arrival until the caller's thread runs again. */
  public long resumeNanos() {
    return resumeNanos.sum();
  }

  /** Requests (batches) sent. */
  public long batches() {
    return batches.sum();
  }

  /** Sum over batches: encode, HTTP exchange and parse of the answer. */
  public long roundTripNanos() {
    return roundTripNanos.sum();
  }

  /** Sum over batches: the HTTP exchange alone (request written until response complete). */
  public long exchangeNanos() {
    return exchangeNanos.sum();
  }
}
