package com.regionalmetrics.topology;

import com.regionalmetrics.serde.AvroWireFormatException;

/** The short reason a dead-letter record carries in its dlq.reason header. */
final class DeadLetterReasons {
  /** Not a property of the record: never dead-lettered, retried instead. */
  static final String REGISTRY_UNAVAILABLE = AvroWireFormatException.Reason.REGISTRY_UNAVAILABLE.code();

  private DeadLetterReasons() {}

  static String of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AvroWireFormatException w) {
        return w.reason();
      }
    }
    return "deserialization-failed";
  }
}
