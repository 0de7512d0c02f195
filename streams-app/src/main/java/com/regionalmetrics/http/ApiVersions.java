package com.regionalmetrics.http;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.List;

/**
 * The public API is versioned: every {@code /api/...} endpoint (and the before-handlers guarding
 * it) is also {@code /api/v1/...}, the path to use in code that should keep working when a v2
 * comes; {@code /api/...} stays an alias of the current version.
 */
final class ApiVersions {
  static final String CURRENT = "/api/v1/";
  private static final String UNVERSIONED = "/api/";

  private ApiVersions() {}

  /** Registers a {@code /api/v1/} twin of every {@code /api/} endpoint registered so far. */
  static void alias(Javalin app) {
    InternalRouter router = app.unsafe.internalRouter;
    for (ParsedEndpoint parsed : List.copyOf(router.allHttpHandlers())) {
      Endpoint e = parsed.endpoint;
      if (e.path.startsWith(UNVERSIONED) && !e.path.startsWith(CURRENT)) {
        router.addHttpEndpoint(
            new Endpoint(e.method, CURRENT + e.path.substring(UNVERSIONED.length()), e.handler));
      }
    }
  }
}
