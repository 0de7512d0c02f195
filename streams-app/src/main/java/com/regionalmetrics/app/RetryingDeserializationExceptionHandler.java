package com.regionalmetrics.app;

import com.regionalmetrics.serde.AvroWireFormatException;
import com.regionalmetrics.topology.DlqHeaders;
import com.regionalmetrics.topology.PipelineMetrics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips (and dead-letters) records that cannot be read, like {@link
 * LogAndContinueExceptionHandler}, except when the Schema Registry is unavailable: that says
 * nothing about the record, so the task fails and the record is read again once the registry is
 * back (the app replaces the thread). Skipping would silently drop good metric events from the
 * stores during an outage.
 */
public final class RetryingDeserializationExceptionHandler extends LogAndContinueExceptionHandler {
  private static final Logger LOG =
      LoggerFactory.getLogger(RetryingDeserializationExceptionHandler.class);

  /**
   * Streams config key under which the app hands its {@link PipelineMetrics} (an object) to this
   * handler, which Kafka Streams creates by class name: the handler's dead letters are counted with
   * the topology's.
   */
  public static final String METRICS_CONFIG = "regional.metrics.pipeline.metrics";

  private PipelineMetrics metrics = PipelineMetrics.NOOP;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    if (configs.get(METRICS_CONFIG) instanceof PipelineMetrics m) {
      metrics = m;
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (isRegistryOutage(exception)) {
      LOG.warn(
          "Schema Registry unavailable while reading {}-{}@{}; will retry: {}",
          context.topic(),
          context.partition(),
          context.offset(),
          exception.getMessage());
      return Response.fail();
    }
    Response response = super.handleError(context, record, exception);
    // Kafka's dead letters carry its __streams.errors.* headers; add the project's reason headers
    // and count them as the topology counts its own
    String reason = DlqHeaders.reasonOf(exception);
    for (ProducerRecord<byte[], byte[]> dead : response.deadLetterQueueRecords()) {
      DlqHeaders.addReason(
          dead.headers(),
          reason,
          exception.getMessage(),
          context.topic(),
          context.partition(),
          context.offset());
      metrics.onDeadLetter(reason);
    }
    return response;
  }

  static boolean isRegistryOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AvroWireFormatException w
          && w.reasonEnum() == AvroWireFormatException.Reason.REGISTRY_UNAVAILABLE) {
        return true;
      }
    }
    return false;
  }
}
