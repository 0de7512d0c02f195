package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.serde.AvroWireFormatException;
import com.regionalmetrics.topology.Topics;
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
}
