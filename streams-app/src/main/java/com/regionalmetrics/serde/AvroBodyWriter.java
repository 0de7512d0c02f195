package com.regionalmetrics.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.io.DirectBinaryEncoder;

/**
 * One thread's reusable output for {@link KafkaAvroSerializer}: an unsynchronized growable buffer
 * and a binary encoder on it that remembers the UTF-8 bytes of the strings it wrote last. A metric
 * event's strings are written several times over (the event, the claims store, the latest store,
 * the change feed) and many are shared between events (the sentence, article id, region, unit), so
 * most are found again; Chinese text otherwise costs a UTF-8 encoding per write. Keyed by identity:
 * a String never changes, so a hit is always its own bytes. The bytes written are Avro's. Memory
 * per thread that serializes: at most 512 short strings with their bytes, and a buffer of up to 64
 * KB.
 */
final class AvroBodyWriter {
  /** Longer strings (article text) are rarely written twice and would only pin memory. */
  private static final int MAX_CACHED_CHARS = 512;

  private static final int SLOTS = 512; // a power of two

  private static final ThreadLocal<AvroBodyWriter> PER_THREAD =
      ThreadLocal.withInitial(AvroBodyWriter::new);

  private final Bytes out = new Bytes();
  private final Encoder encoder = new Encoder(out);

  private AvroBodyWriter() {}

  /** This thread's writer, emptied. Not reentrant: use it for one record at a time. */
  static AvroBodyWriter get() {
    AvroBodyWriter w = PER_THREAD.get();
    w.out.reset();
    return w;
  }

  DirectBinaryEncoder encoder() {
    return encoder;
  }

  /** Appends raw bytes (the wire-format header). */
  void write(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
  }

  /** A copy of what was written since {@link #get()}. */
  byte[] toByteArray() {
    return Arrays.copyOf(out.buf, out.size);
  }

  /** Writes strings from a small identity-keyed cache of their UTF-8 bytes. */
  private static final class Encoder extends DirectBinaryEncoder {
    private final String[] keys = new String[SLOTS];
    private final byte[][] utf8 = new byte[SLOTS][];

    Encoder(OutputStream out) {
      super(out);
    }

    @Override
    public void writeString(String s) throws IOException {
      int length = s.length();
      if (length == 0 || length > MAX_CACHED_CHARS) {
        super.writeString(s);
        return;
      }
      int slot = System.identityHashCode(s) & (SLOTS - 1);
      byte[] bytes;
      if (keys[slot] == s) {
        bytes = utf8[slot];
      } else {
        bytes = s.getBytes(StandardCharsets.UTF_8);
        keys[slot] = s;
        utf8[slot] = bytes;
      }
      // Avro's binary encoding of a string: the byte count, then the UTF-8 bytes
      writeBytes(bytes, 0, bytes.length);
    }
  }

  /** ByteArrayOutputStream without its per-write lock. */
  private static final class Bytes extends OutputStream {
    private static final int INITIAL = 1024;
    private static final int MAX_KEPT = 64 * 1024;
    private byte[] buf = new byte[INITIAL];
    private int size;

    /** Empty; a buffer grown by a large record (an article) is not kept. */
    void reset() {
      if (buf.length > MAX_KEPT) {
        buf = new byte[INITIAL];
      }
      size = 0;
    }

    @Override
    public void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
      }
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }
  }
}
