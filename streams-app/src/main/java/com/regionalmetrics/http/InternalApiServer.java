package com.regionalmetrics.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.query.LocalStores;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance-to-instance API (/internal/v1/...) on a port of its own (http.internal.port), so the
 * public port can be exposed without it; errors are JSON like the public API's.
 */
public final class InternalApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InternalApiServer.class);

  private final Javalin app;

  /**
   * @param token when not null, every request needs it as a bearer token (401 otherwise)
   */
  public InternalApiServer(LocalStores local, String token) {
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
              config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
              new InternalRoutes(local, token).register(config.routes);
              config.routes.exception(
                  BadRequestException.class, (e, ctx) -> ApiServer.error(ctx, 400, e.getMessage()));
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> ApiServer.error(ctx, e.getStatus(), e.getMessage()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    ApiServer.error(ctx, 500, "internal error; see the server log");
                  });
              config.routes.error(
                  404,
                  ctx -> {
                    if (ctx.result() == null) {
                      ApiServer.error(ctx, 404, "no such resource: " + ctx.path());
                    }
                  });
            });
  }

  public InternalApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
