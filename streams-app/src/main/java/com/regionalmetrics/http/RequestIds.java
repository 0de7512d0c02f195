package com.regionalmetrics.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A request id for every request: the caller's X-Request-Id when it is a plausible one, else a new
 * one; echoed in the response and in the logging MDC (request_id), so a log line written while
 * answering can be found from the response a client got.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "request_id";
  private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  static void begin(Context ctx) {
    String given = ctx.header(HEADER);
    String id =
        given != null && PLAUSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    MDC.put(MDC_KEY, id);
    ctx.header(HEADER, id);
  }

  static void end(Context ctx) {
    MDC.remove(MDC_KEY);
  }
}
