package com.regionalmetrics.app;

import com.regionalmetrics.serde.AvroWireFormatException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    return super.handleError(context, record, exception);
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
