package com.regionalmetrics.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty answers some requests before Javalin sees them (a malformed URI, a bad header): make those
 * answers the API's JSON error too, instead of Jetty's HTML page, whatever the request accepts and
 * whatever its method.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, reason(message, cause))), callback);
  }

  /**
   * Jetty's reason for a request it refused ("Bad Request", "Ambiguous URI encoding", "Illegal
   * character ..."); never an exception's toString, which names Jetty's classes.
   */
  private static String reason(String message, Throwable cause) {
    if (cause instanceof HttpException httpException) {
      String reason = httpException.getReason();
      return reason == null || reason.isBlank() ? null : reason;
    }
    return cause == null ? message : null;
  }

  private static byte[] body(int status, String reason) {
    HttpStatus known = HttpStatus.forStatus(status);
    String error = known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
    try {
      return JSON.writeValueAsBytes(new ApiError(status, error, reason == null ? error : reason));
    } catch (JsonProcessingException e) {
      return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
