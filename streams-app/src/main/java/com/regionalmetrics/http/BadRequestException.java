package com.regionalmetrics.http;

/** A request the API cannot take as it is: answered with 400 and the message. */
final class BadRequestException extends RuntimeException {
  BadRequestException(String message) {
    super(message);
  }
}
