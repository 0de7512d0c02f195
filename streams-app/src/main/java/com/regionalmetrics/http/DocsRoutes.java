package com.regionalmetrics.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's description: {@code /openapi.json} (OpenAPI 3.1, written by hand: a resource file,
 * checked against real answers by the contract test) and {@code /docs}, Swagger UI from its WebJar.
 */
final class DocsRoutes {
  static final String SPEC_RESOURCE = "/openapi/openapi.json";
  private static final String PAGE_RESOURCE = "/web/docs.html";

  private final byte[] spec = read(SPEC_RESOURCE);
  private final String page = new String(read(PAGE_RESOURCE), StandardCharsets.UTF_8);

  void register(RoutesConfig routing) {
    routing.get("/openapi.json", ctx -> ctx.contentType("application/json").result(spec));
    routing.get("/docs", ctx -> ctx.html(page));
  }

  private static byte[] read(String resource) {
    try (InputStream in = DocsRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
