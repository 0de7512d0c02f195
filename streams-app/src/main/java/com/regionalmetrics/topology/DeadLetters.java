package com.regionalmetrics.topology;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Sends the original bytes of a record that cannot be processed to the dead-letter topic. */
final class DeadLetters {
  static final String DLQ_SINK = "dlq-sink";

  private final ProcessorContext<Object, Object> context;
  private final PipelineMetrics metrics;

  DeadLetters(ProcessorContext<Object, Object> context, PipelineMetrics metrics) {
    this.context = context;
    this.metrics = metrics;
  }

  void send(Record<byte[], byte[]> original, DeadLetterReason reason, String message) {
    send(original, reason.code(), message, null);
  }

  /** Because of a failure ({@code cause}), named in the {@code __streams.errors.*} headers. */
  void send(
      Record<byte[], byte[]> original, DeadLetterReason reason, String message, Throwable cause) {
    send(original, reason.code(), message, cause);
  }

  /** With a reason code from the serde (bad-magic-byte, unknown-schema-id, ...). */
  void send(Record<byte[], byte[]> original, String reason, String message, Throwable cause) {
    RecordHeaders headers = new RecordHeaders(original.headers().toArray());
    DlqHeaders.add(headers, reason, message, cause, context.recordMetadata());
    context.forward(
        new Record<Object, Object>(original.key(), original.value(), original.timestamp(), headers),
        DLQ_SINK);
    metrics.onDeadLetter(reason);
  }
}
