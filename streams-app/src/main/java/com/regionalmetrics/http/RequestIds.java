package com.regionalmetrics.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    String id = given != null && PLAUSIBLE.matcher(given).matches() ? given : randomId();
    MDC.put(MDC_KEY, id);
    ctx.header(HEADER, id);
  }

  /**
   * A random (version 4) UUID from ThreadLocalRandom: an id to find log lines by, not a secret, so
   * not UUID.randomUUID's SecureRandom, whose global lock and read of /dev/urandom per call JFR
   * showed as the longest monitor waits of a loaded instance (both paths, every request).
   */
  static String randomId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  static void end(Context ctx) {
    MDC.remove(MDC_KEY);
  }
}
