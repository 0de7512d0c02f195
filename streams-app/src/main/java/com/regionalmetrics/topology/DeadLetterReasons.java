package com.regionalmetrics.topology;

import com.regionalmetrics.serde.AvroWireFormatException;

/** The short reason a dead-letter record carries in its dlq.reason header. */
final class DeadLetterReasons {
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
