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

  /**
   * Whether a standby copy that found nothing for a key may say so: only when it is known to hold
   * its changelog to the end. A copy a rebalance has just created restores from the start, and
   * until then "nothing" is no answer (the next copy is asked, or 503 with Retry-After). A lag of 1
   * is caught up: with exactly-once the changelog ends with a transaction's commit marker, which no
   * copy applies (a committed record behind it makes the lag 2 or more).
   */
  static boolean provesAbsence(Long lag) {
    return lag != null && lag <= 1;
  }

  static boolean within(Long lag, long maxLag) {
    return maxLag == ANY || (lag != null && lag <= maxLag);
  }
}
