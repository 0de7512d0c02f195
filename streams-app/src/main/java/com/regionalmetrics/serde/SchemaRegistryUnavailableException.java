package com.regionalmetrics.serde;

/** No registry URL answered (connection refused, timeout, 5xx on every URL). Worth retrying. */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {
  public SchemaRegistryUnavailableException(int status, String message, Throwable cause) {
    super(status, status, message, cause);
  }
}
