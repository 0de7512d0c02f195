package com.regionalmetrics.query;

/**
 * How stale a standby copy may be to answer: ksqlDB's max.allowed.offset.lag as {@code maxLag}, the
 * largest offset lag of the copy's changelog partition. The active copy always answers; a standby
 * whose lag is not known never does under a bound.
 */
final class Staleness {
  /** No bound: any standby copy may answer. */
  static final long ANY = Long.MAX_VALUE;

  private Staleness() {}

  static boolean within(Long lag, long maxLag) {
    return maxLag == ANY || (lag != null && lag <= maxLag);
  }
}
