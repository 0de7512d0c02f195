package com.regionalmetrics.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A shared secret sent as {@code Authorization: Bearer <token>}: {@link #WRITES} guards writes
 * (http.write.token; reads stay open), {@link #INTERNAL} the instance-to-instance API
 * (http.internal.token, sent by {@code RemoteInstances}). Without a configured token, open.
 */
record BearerToken(String setting, String missingMessage, boolean writesOnly) {
  static final BearerToken WRITES =
      new BearerToken(
          "http.write.token",
          "writes need the token: Authorization: Bearer <http.write.token>",
          true);
  static final BearerToken INTERNAL =
      new BearerToken(
          "http.internal.token",
          "the internal API needs the shared token: Authorization: Bearer <http.internal.token>",
          false);

  /** Throws 401 when a token is configured and the (guarded) request does not carry it. */
  void check(Context ctx, String token) {
    if (token == null
        || token.isEmpty()
        || writesOnly && ctx.method() != HandlerType.POST && ctx.method() != HandlerType.DELETE) {
      return;
    }
    String header = ctx.header("Authorization");
    String given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : "";
    // constant time: the comparison must not tell how much of a guess was right
    if (!MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpResponseException(
          401,
          header == null
              ? missingMessage
              : "the bearer token is not the one configured (" + setting + ")");
    }
  }
}
