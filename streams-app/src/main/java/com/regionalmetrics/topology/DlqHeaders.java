package com.regionalmetrics.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Headers a dead-letter record carries besides the original ones. */
public final class DlqHeaders {
  public static final String REASON = "dlq.reason";
  public static final String MESSAGE = "dlq.message";
  public static final String TOPIC = "dlq.source.topic";
  public static final String PARTITION = "dlq.source.partition";
  public static final String OFFSET = "dlq.source.offset";

  private DlqHeaders() {}

  static void add(Headers headers, String reason, String message, Optional<RecordMetadata> source) {
    put(headers, REASON, reason);
    put(headers, MESSAGE, message == null ? reason : truncate(message, 1000));
    source.ifPresent(
        m -> {
          put(headers, TOPIC, m.topic());
          put(headers, PARTITION, Integer.toString(m.partition()));
          put(headers, OFFSET, Long.toString(m.offset()));
        });
  }

  public static String get(Headers headers, String key) {
    var h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
