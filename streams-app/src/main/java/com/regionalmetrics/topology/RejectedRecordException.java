package com.regionalmetrics.topology;

/**
 * The exception named in {@code __streams.errors.exception} when the topology dead-letters a record
 * because a check rejected it (empty text, a bad date, too large, ...) rather than because
 * something threw. Never thrown; it has no stack trace.
 */
public final class RejectedRecordException extends RuntimeException {
  private final String reason;

  RejectedRecordException(String reason, String message) {
    super(reason + ": " + (message == null ? reason : message), null, false, false);
    this.reason = reason;
  }

  /** The dlq.reason code. */
  public String reason() {
    return reason;
  }
}
