package com.regionalmetrics.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Guards writes with a shared bearer token (http.write.token); reads stay open. */
final class WriteToken {
  private WriteToken() {}

  /** Throws 401 when a token is configured and a write request does not carry it. */
  static void check(Context ctx, String token) {
    if (token == null
        || token.isEmpty()
        || (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.DELETE)) {
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
              ? "writes need the token: Authorization: Bearer <http.write.token>"
              : "the bearer token is not the one configured (http.write.token)");
    }
  }
}
