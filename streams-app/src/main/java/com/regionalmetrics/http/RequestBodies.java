package com.regionalmetrics.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Request bodies read strictly: a body over the limit is 413 before anything is parsed (whatever
 * its content type), and text must be valid in its charset (UTF-8 unless the Content-Type names
 * another): a byte sequence that is not is 400, never replaced by U+FFFD and passed on.
 */
final class RequestBodies {
  private RequestBodies() {}

  /** The body's bytes; 413 when it is larger than maxBytes. */
  static byte[] bytes(Context ctx, long maxBytes) {
    // read (up to the limit) even when Content-Length says too much: answering before the body
    // is read makes many clients fail on a broken pipe instead of reading the 413
    long declared = ctx.contentLength();
    byte[] body;
    try {
      body = ctx.bodyAsBytes();
    } catch (HttpResponseException e) {
      if (e.getStatus() == 413) {
        throw tooLarge(declared, maxBytes);
      }
      throw e;
    }
    if (body.length > maxBytes) {
      throw tooLarge(body.length, maxBytes);
    }
    return body;
  }

  /** The body as text in the charset of its Content-Type (UTF-8 when none); 400 if invalid. */
  static String text(Context ctx, long maxBytes) {
    Charset charset = charset(ctx.contentType());
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(ctx, maxBytes)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadRequestException(
          "body is not valid " + charset.name() + " text (post articles as UTF-8)");
    }
  }

  /** The charset parameter of a Content-Type; UTF-8 when absent; 400 when unknown. */
  static Charset charset(String contentType) {
    if (contentType == null) {
      return StandardCharsets.UTF_8;
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring("charset=".length()).strip().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw new BadRequestException("unknown charset in Content-Type: " + name);
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static HttpResponseException tooLarge(long bytes, long maxBytes) {
    return new HttpResponseException(
        413,
        (bytes < 0 ? "request body" : "request body of " + bytes + " bytes")
            + " exceeds the limit of "
            + maxBytes
            + " bytes (http.max.request.bytes)");
  }
}
