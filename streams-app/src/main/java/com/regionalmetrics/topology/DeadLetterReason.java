package com.regionalmetrics.topology;

import com.regionalmetrics.serde.AvroWireFormatException;

/** Why a record went to the dead-letter topic: the code is its dlq.reason header. */
enum DeadLetterReason {
  /** Neither key nor value (a keyed tombstone is a retraction, not a dead letter). */
  NULL_VALUE("null-value"),
  /** Avro of another schema than Article. */
  INCOMPATIBLE_SCHEMA("incompatible-schema"),
  EMPTY_TEXT("empty-text"),
  INVALID_UTF8("invalid-utf8"),
  /** Before 1970, in the future, or unreadable. */
  BAD_PUBLISHED_DATE("bad-published-date"),
  TOO_LARGE("too-large"),
  /** The extractor failed on the whole article. */
  EXTRACT_FAILED("extract-failed");

  /** Any other failure to read a record that carries no wire-format reason. */
  static final String DESERIALIZATION_FAILED = "deserialization-failed";

  /** Not a property of the record: never dead-lettered, retried instead. */
  static final String REGISTRY_UNAVAILABLE =
      AvroWireFormatException.Reason.REGISTRY_UNAVAILABLE.code();

  private final String code;

  DeadLetterReason(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  /**
   * The reason code of a failure to read a record: the serde's wire-format reason (bad-magic-byte,
   * unknown-schema-id, ...).
   */
  static String of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AvroWireFormatException w) {
        return w.reason();
      }
    }
    return DESERIALIZATION_FAILED;
  }
}
