package com.regionalmetrics.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness ({@code /health}, {@code /livez}) and readiness ({@code /ready}, {@code /readyz}) with
 * Kubernetes semantics (see {@link ApiServer.Health}); {@code /ready?caughtUp=true} is the strict
 * readiness for scripts: every store of this instance's active tasks restored. A failing probe
 * answers 503 with the same JSON body (and Retry-After on readiness).
 */
final class ProbeRoutes {
  private final ApiServer.Health health;

  ProbeRoutes(ApiServer.Health health) {
    this.health = health;
  }

  void register(RoutesConfig routes) {
    routes.get("/health", this::live);
    routes.get("/livez", this::live);
    routes.get("/ready", this::ready);
    routes.get("/readyz", this::ready);
  }

  private void live(Context ctx) {
    boolean live = health.live();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", live ? "UP" : "DOWN");
    body.put("streams", health.state());
    ctx.status(live ? 200 : 503).json(body);
  }

  private void ready(Context ctx) {
    boolean strict = strict(ctx);
    boolean ready = strict ? health.caughtUp() : health.ready();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", ready);
    body.put("streams", health.state());
    body.put("caughtUp", health.caughtUp());
    body.put("restoringStores", health.restoringStores());
    if (!ready) {
      ctx.header("Retry-After", "1");
    }
    ctx.status(ready ? 200 : 503).json(body);
  }

  private static boolean strict(Context ctx) {
    String v = ctx.queryParam("caughtUp");
    if (v == null || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.isEmpty() || v.equalsIgnoreCase("true")) {
      return true;
    }
    throw new BadRequestException("caughtUp must be true or false, got: " + v);
  }
}
