package com.regionalmetrics.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that could not be (de)serialized, with a short machine-readable {@link #reason()} so a
 * dead-letter handler can put it in a header and tell corrupt input from outages.
 */
public class AvroWireFormatException extends SerializationException {

  public enum Reason {
    TOO_SHORT("too-short"),
    BAD_MAGIC_BYTE("bad-magic-byte"),
    UNKNOWN_SCHEMA_ID("unknown-schema-id"),
    REGISTRY_UNAVAILABLE("registry-unavailable"),
    AVRO_DECODE_FAILED("avro-decode-failed"),
    INCOMPATIBLE_SCHEMA("incompatible-schema"),
    /** Serializer side: auto.register.schemas=false and the schema is not in the subject. */
    SCHEMA_NOT_REGISTERED("schema-not-registered"),
    /** Serializer side: the record does not match its own schema. */
    AVRO_ENCODE_FAILED("avro-encode-failed");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;

  public AvroWireFormatException(Reason reason, String message) {
    this(reason, message, null);
  }

  public AvroWireFormatException(Reason reason, String message, Throwable cause) {
    super(message + " [" + reason.code() + "]", cause);
    this.reason = reason;
  }

  /** The reason code, e.g. {@code "bad-magic-byte"}. */
  public String reason() {
    return reason.code();
  }

  public Reason reasonEnum() {
    return reason;
  }
}
