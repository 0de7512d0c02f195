package com.regionalmetrics.topology;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers a dead-letter record carries besides the original ones. One convention for every record
 * on the dead-letter topic, whoever wrote it (the topology's own checks or Kafka Streams' exception
 * handlers): the project's reason headers ({@code dlq.*}) and Kafka Streams' ({@code
 * __streams.errors.*}, KIP-1034, as its ExceptionHandlerUtils writes them).
 */
public final class DlqHeaders {
  public static final String REASON = "dlq.reason";
  public static final String MESSAGE = "dlq.message";
  public static final String TOPIC = "dlq.source.topic";
  public static final String PARTITION = "dlq.source.partition";
  public static final String OFFSET = "dlq.source.offset";

  /** Kafka Streams' dead-letter headers (names as in its ExceptionHandlerUtils). */
  public static final String STREAMS_EXCEPTION = "__streams.errors.exception";

  public static final String STREAMS_MESSAGE = "__streams.errors.message";
  public static final String STREAMS_STACKTRACE = "__streams.errors.stacktrace";
  public static final String STREAMS_TOPIC = "__streams.errors.topic";
  public static final String STREAMS_PARTITION = "__streams.errors.partition";
  public static final String STREAMS_OFFSET = "__streams.errors.offset";

  private DlqHeaders() {}

  /**
   * Both conventions, for a record the topology dead-letters itself; {@code cause} is the failure
   * behind it, or null when a check rejected the record.
   */
  static void add(
      Headers headers,
      String reason,
      String message,
      Throwable cause,
      Optional<RecordMetadata> source) {
    addReason(
        headers,
        reason,
        message,
        source.map(RecordMetadata::topic).orElse(null),
        source.map(RecordMetadata::partition).orElse(-1),
        source.map(RecordMetadata::offset).orElse(-1L));
    Throwable e = cause != null ? cause : new RejectedRecordException(reason, message);
    put(headers, STREAMS_EXCEPTION, e.getClass().getName());
    put(headers, STREAMS_MESSAGE, message == null ? reason : message);
    put(headers, STREAMS_STACKTRACE, stackTrace(e));
    source.ifPresent(
        m -> {
          put(headers, STREAMS_TOPIC, m.topic());
          put(headers, STREAMS_PARTITION, Integer.toString(m.partition()));
          put(headers, STREAMS_OFFSET, Long.toString(m.offset()));
        });
  }

  /**
   * The project's reason headers, for a dead letter Kafka Streams' handler built (it has written
   * the {@code __streams.errors.*} ones); a null topic leaves out the source headers.
   */
  public static void addReason(
      Headers headers, String reason, String message, String topic, int partition, long offset) {
    put(headers, REASON, reason);
    put(headers, MESSAGE, message == null ? reason : truncate(message, 1000));
    if (topic != null) {
      put(headers, TOPIC, topic);
      put(headers, PARTITION, Integer.toString(partition));
      put(headers, OFFSET, Long.toString(offset));
    }
  }

  /**
   * The reason code of a failure to read a record: the serde's wire-format reason (bad-magic-byte,
   * unknown-schema-id, ...) or deserialization-failed.
   */
  public static String reasonOf(Throwable e) {
    return DeadLetterReason.of(e);
  }

  public static String get(Headers headers, String key) {
    var h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String stackTrace(Throwable e) {
    StringWriter s = new StringWriter();
    e.printStackTrace(new PrintWriter(s));
    return s.toString();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
