package com.regionalmetrics.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the instance-to-instance API with a shared secret (http.internal.token), sent by {@code
 * RemoteInstances} as {@code Authorization: Bearer <token>}. Without a configured token the
 * internal API is open, as before.
 */
final class InternalToken {
  private InternalToken() {}

  /** Throws 401 when a token is configured and the request does not carry it. */
  static void check(Context ctx, String token) {
    if (token == null || token.isEmpty()) {
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
              ? "the internal API needs the shared token: Authorization: Bearer <http.internal.token>"
              : "the bearer token is not the one configured (http.internal.token)");
    }
  }
}
