package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.serde.AvroWireFormatException;
import com.regionalmetrics.topology.DlqHeaders;
import com.regionalmetrics.topology.PipelineMetrics;
import com.regionalmetrics.topology.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * A registry outage fails the task (the record is read again later); a bad record is skipped to the
 * dead letters.
 */
class RetryingDeserializationExceptionHandlerTest {
  private final ConsumerRecord<byte[], byte[]> record =
      new ConsumerRecord<>(Topics.METRIC_EVENTS, 1, 42, "k".getBytes(), new byte[] {0, 0, 0, 0, 9});
  private final RetryingDeserializationExceptionHandler handler = handler();

  private static RetryingDeserializationExceptionHandler handler() {
    var h = new RetryingDeserializationExceptionHandler();
    h.configure(
        Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ARTICLES_DLQ));
    return h;
  }

  private final ErrorHandlerContext context =
      new ErrorHandlerContext() {
        @Override
        public String topic() {
          return record.topic();
        }

        @Override
        public int partition() {
          return record.partition();
        }

        @Override
        public long offset() {
          return record.offset();
        }

        @Override
        public Headers headers() {
          return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
          return "metric-events-source";
        }

        @Override
        public TaskId taskId() {
          return new TaskId(1, 1);
        }

        @Override
        public long timestamp() {
          return 0;
        }

        @Override
        public byte[] sourceRawKey() {
          return record.key();
        }

        @Override
        public byte[] sourceRawValue() {
          return record.value();
        }
      };

  @Test
  void aRegistryOutageFailsTheTaskSoTheRecordIsReadAgain() {
    var outage =
        new SerializationException(
            "cannot read",
            new AvroWireFormatException(
                AvroWireFormatException.Reason.REGISTRY_UNAVAILABLE,
                "registry at http://r:8081 answered 503"));

    var response = handler.handleError(context, record, outage);

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void aBadRecordIsSkippedAndDeadLettered() {
    var bad =
        new AvroWireFormatException(
            AvroWireFormatException.Reason.UNKNOWN_SCHEMA_ID, "schema id 9 is unknown");

    var response = handler.handleError(context, record, bad);

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords())
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.topic()).isEqualTo(Topics.ARTICLES_DLQ);
              assertThat(dead.value()).isEqualTo(record.value());
            });
  }

  @Test
  void itsDeadLettersCarryBothHeaderConventionsAndAreCounted() {
    List<String> counted = new ArrayList<>();
    PipelineMetrics metrics =
        new PipelineMetrics() {
          @Override
          public void onArticle() {}

          @Override
          public void onEvents(int count) {}

          @Override
          public void onDeadLetter(String reason) {
            counted.add(reason);
          }

          @Override
          public void onExtraction(long nanos) {}
        };
    var h = new RetryingDeserializationExceptionHandler();
    h.configure(
        Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            Topics.ARTICLES_DLQ,
            RetryingDeserializationExceptionHandler.METRICS_CONFIG,
            metrics));
    var bad =
        new AvroWireFormatException(
            AvroWireFormatException.Reason.UNKNOWN_SCHEMA_ID, "schema id 9 is unknown");

    var dead = h.handleError(context, record, bad).deadLetterQueueRecords().get(0);

    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_EXCEPTION))
        .isEqualTo(AvroWireFormatException.class.getName());
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.STREAMS_OFFSET)).isEqualTo("42");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.REASON)).isEqualTo("unknown-schema-id");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.MESSAGE))
        .contains("schema id 9 is unknown");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.METRIC_EVENTS);
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.PARTITION)).isEqualTo("1");
    assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.OFFSET)).isEqualTo("42");
    assertThat(counted).containsExactly("unknown-schema-id");

    // an outage is retried, not dead-lettered: nothing counted
    h.handleError(
        context,
        record,
        new AvroWireFormatException(
            AvroWireFormatException.Reason.REGISTRY_UNAVAILABLE, "registry answered 503"));
    assertThat(counted).hasSize(1);
  }
}
