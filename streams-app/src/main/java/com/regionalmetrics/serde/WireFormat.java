package com.regionalmetrics.serde;

/** Confluent's framing: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0x0;
  public static final int ID_SIZE = 4;
  public static final int HEADER_SIZE = 1 + ID_SIZE;

  private WireFormat() {}

  /** The header for this schema id. */
  static byte[] header(int schemaId) {
    return new byte[] {
      MAGIC_BYTE,
      (byte) (schemaId >>> 24),
      (byte) (schemaId >>> 16),
      (byte) (schemaId >>> 8),
      (byte) schemaId
    };
  }

  /** Validates the header and returns the schema id; throws a reasoned exception otherwise. */
  static int readSchemaId(byte[] data) {
    if (data.length == 0) {
      throw new AvroWireFormatException(AvroWireFormatException.Reason.TOO_SHORT, "Empty payload");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new AvroWireFormatException(
          AvroWireFormatException.Reason.BAD_MAGIC_BYTE,
          String.format("Unknown magic byte 0x%02x (expected 0x00)", data[0] & 0xff));
    }
    if (data.length < HEADER_SIZE) {
      throw new AvroWireFormatException(
          AvroWireFormatException.Reason.TOO_SHORT,
          "Payload of " + data.length + " bytes is shorter than the 5-byte header");
    }
    return ((data[1] & 0xff) << 24)
        | ((data[2] & 0xff) << 16)
        | ((data[3] & 0xff) << 8)
        | (data[4] & 0xff);
  }
}
