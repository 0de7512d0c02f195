package com.regionalmetrics.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.extract.Period;
import com.regionalmetrics.query.Answer;
import com.regionalmetrics.query.ArticleStatuses;
import com.regionalmetrics.query.IndicatorQueries;
import com.regionalmetrics.query.Listing;
import com.regionalmetrics.query.RegionSummary;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API and the dashboard. Thin: every answer comes from {@link IndicatorQueries} or goes to
 * {@link ArticleIngest}; errors are JSON (400 bad parameter, 404 unknown, 413 too large, 503 +
 * Retry-After while stores are not queryable), never a stack trace.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The largest page of {@code /api/regions}; without limit it answers every region. */
  static final int MAX_REGIONS_LIMIT = 10_000;

  /**
   * Liveness and readiness with Kubernetes semantics, as the app knows them: live unless the job
   * has failed for good (a restart is the cure); ready when queryable, which includes a rebalance
   * after the first RUNNING; caught up when no active store is restoring.
   */
  public interface Health {
    /** The Streams state's name, for the probe bodies. */
    String state();

    boolean live();

    boolean ready();

    boolean caughtUp();

    /** Stores of active tasks being restored right now. */
    int restoringStores();
  }

  private final Javalin app;

  /**
   * Where the instance-to-instance API is served: on this (public) port, the default, or on a port
   * of its own ({@link InternalApiServer}); and the shared token it needs, if any.
   */
  public record InternalApi(boolean onPublicPort, String token) {
    /** On the public port, without a token: as before http.internal.port existed. */
    public static final InternalApi SHARED_OPEN = new InternalApi(true, null);
  }

  /**
   * Which request paths Jetty lets through to the router. Javalin 7's choice is Jetty 12's LEGACY:
   * encoded slashes, dot segments and the like reach the router, which matches the raw path and
   * decodes path parameters itself (so {@code a%2Fb} is the region "a/b"). To that, unencoded
   * characters outside RFC 3986, which Jetty 11 accepted: {@code curl} sends {@code
   * /api/regions/张家口/indicators} as raw UTF-8, as the README shows. Without UTF-16 escapes ({@code
   * %u2192}): Javalin's path-parameter decoding throws on them (a 500), so Jetty refuses them with
   * a 400 instead.
   */
  static final UriCompliance URI_COMPLIANCE =
      UriCompliance.LEGACY
          .with("REGIONAL_METRICS", UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS)
          .without("REGIONAL_METRICS", UriCompliance.Violation.UTF16_ENCODINGS);

  /**
   * What the server serves.
   *
   * @param statuses what happened to articles (GET /api/articles/{id}, POST ?wait=); null: 503
   * @param maxArticleBytes larger article texts get 413 (the pipeline would only dead-letter them)
   * @param writeToken when not null, writes (POST and DELETE of articles) need it as a bearer token
   * @param internal whether this port also serves the internal API, and with which token
   * @param changes the committed indicator changes for {@code GET /api/changes}; null: 503 there
   */
  public record Parts(
      IndicatorQueries queries,
      ArticleStatuses statuses,
      ArticleIngest ingest,
      Health health,
      PrometheusMeterRegistry metrics,
      long maxRequestBytes,
      long maxArticleBytes,
      String writeToken,
      InternalApi internal,
      ChangeFeed changes) {}

  public ApiServer(Parts parts) {
    IndicatorQueries queries = parts.queries();
    Health health = parts.health();
    PrometheusMeterRegistry metrics = parts.metrics();
    long maxRequestBytes = parts.maxRequestBytes();
    String writeToken = parts.writeToken();
    InternalApi internal = parts.internal();
    ChangeFeed changes = parts.changes();
    Routes routes = new Routes(queries);
    ArticleRoutes articles =
        new ArticleRoutes(
            parts.ingest(), parts.statuses(), maxRequestBytes, parts.maxArticleBytes());
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.http.maxRequestSize = maxRequestBytes;
              // a known path with another method is 405 with Allow, not 404
              config.http.prefer405over404 = true;
              config.jsonMapper(new JavalinJackson(JSON, false));
              // the dashboard and WebJars, read on first request (not when the server starts)
              config.resourceHandler(new ClasspathAssets());
              config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
              config.jetty.modifyHttpConfiguration(
                  httpConfig -> httpConfig.setUriCompliance(URI_COMPLIANCE));

              RoutesConfig routing = config.routes;
              routing.before(ctx -> ctx.attribute("started", System.nanoTime()));
              routing.before(RequestIds::begin);
              routing.after(RequestIds::end);
              routing.after(
                  ctx -> {
                    Long started = ctx.attribute("started");
                    if (started != null) {
                      Timer.builder("http.server.requests")
                          .tag("method", methodTag(ctx))
                          .tag("route", routeTag(ctx))
                          .tag("status", Integer.toString(ctx.statusCode()))
                          .register(metrics)
                          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    }
                  });

              routing.get("/api/regions", routes::regions);
              routing.get("/api/indicators", routes::search);
              routing.get(
                  "/api/instances", ctx -> ctx.json(Map.of("instances", queries.instances())));
              if (internal.onPublicPort()) {
                new InternalRoutes(queries.local(), internal.token()).register(routing);
              }
              new CompareRoutes(queries).register(routing);
              if (changes != null) {
                new ChangeStreamRoutes(changes, queries).register(routing);
              } else {
                routing.get(
                    "/api/changes", ctx -> error(ctx, 503, "this server has no change feed"));
              }
              new DocsRoutes().register(routing);
              routing.get("/api/regions/{region}/indicators", routes::regionIndicators);
              routing.get("/api/indicators/{region}/{indicator}", routes::latest);
              routing.get("/api/indicators/{region}/{indicator}/history", routes::history);
              routing.get("/api/indicators/{region}/{indicator}/claims", routes::claims);
              routing.before("/api/articles", ctx -> BearerToken.WRITES.check(ctx, writeToken));
              routing.before("/api/articles/*", ctx -> BearerToken.WRITES.check(ctx, writeToken));
              articles.register(routing);
              new ProbeRoutes(health).register(routing);
              routing.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(metrics.scrape()));

              routing.exception(
                  BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
              routing.exception(
                  MethodNotAllowedResponse.class,
                  (e, ctx) -> {
                    String allowed = e.getDetails().get("availableMethods");
                    if (allowed != null) {
                      ctx.header("Allow", allowed);
                    }
                    error(
                        ctx,
                        405,
                        ctx.method().name()
                            + " is not allowed on "
                            + ctx.path()
                            + (allowed == null ? "" : "; allowed: " + allowed));
                  });
              routing.exception(
                  HttpResponseException.class,
                  (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
              routing.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    error(ctx, 500, "internal error; see the server log");
                  });
              routing.error(
                  404,
                  ctx -> {
                    if (ctx.result() == null) {
                      error(ctx, 404, "no such resource: " + ctx.path());
                    }
                  });
              routing.error(
                  405,
                  ctx -> {
                    if (ctx.result() == null) {
                      error(ctx, 405, "method not allowed");
                    }
                  });
            });
    ApiVersions.alias(app);
  }

  /**
   * The route tag when no endpoint matched and nothing was served (Javalin 6's
   * endpointHandlerPath() then).
   */
  static final String UNMATCHED_ROUTE = "No handler matched request path/method (404/405)";

  /**
   * The matched endpoint's path template (never the request path, so the tag stays bounded); for a
   * request no endpoint handled, {@code *} when a static file or WebJar answered it, else {@link
   * #UNMATCHED_ROUTE}: the values Javalin 6's endpointHandlerPath() gave.
   */
  private static String routeTag(Context ctx) {
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    int status = ctx.statusCode();
    return status == 404 || status == 405 ? UNMATCHED_ROUTE : "*";
  }

  /**
   * A standard method's name; any other (a client's invention) is one value, as in Javalin 6, so
   * the tag stays bounded.
   */
  private static String methodTag(Context ctx) {
    HandlerType method = ctx.method();
    return HandlerType.values().contains(method) && method.isHttpMethod()
        ? method.name()
        : "INVALID";
  }

  public ApiServer start(String host, int port) {
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

  static void error(Context ctx, int status, String message) {
    ctx.status(status)
        .json(new ApiError(status, HttpStatus.forStatus(status).getMessage(), message));
  }

  /** The handlers; each reads parameters, asks, and renders. */
  static final class Routes {
    private final IndicatorQueries queries;

    Routes(IndicatorQueries queries) {
      this.queries = queries;
    }

    /** The queries as this request allows: standbys within its maxLag, if it gives one. */
    private IndicatorQueries queries(Context ctx) {
      return queries.withMaxLag(maxLag(ctx));
    }

    /**
     * {@code ?maxLag=N}: the largest offset lag of a standby copy that may answer (ksqlDB's
     * max.allowed.offset.lag); none when absent.
     */
    static long maxLag(Context ctx) {
      String v = ctx.queryParam("maxLag");
      if (v == null || v.isBlank()) {
        return Long.MAX_VALUE;
      }
      try {
        long n = Long.parseLong(v.strip());
        if (n < 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new BadRequestException(
            "maxLag must be a whole number of offsets, 0 or more, got: " + v);
      }
    }

    void regions(Context ctx) {
      int limit = intParam(ctx, "limit", 0, 1, MAX_REGIONS_LIMIT);
      Answer<Listing<RegionSummary>> answer;
      try {
        answer = queries(ctx).regions(ctx.queryParam("cursor"), limit);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(e.getMessage());
      }
      render(
          ctx,
          answer,
          listing -> {
            Map<String, Object> body = listingBody("regions", listing, Map.of());
            body.put("nextCursor", listing.nextCursor());
            return body;
          },
          (c, listing) -> {
            if (listing.nextCursor() != null) {
              c.header("X-Next-Cursor", listing.nextCursor());
            }
            CsvExport.write(c, listing.items(), CsvExport.REGION_COLUMNS, "regions.csv");
          });
    }

    void regionIndicators(Context ctx) {
      String region = ctx.pathParam("region");
      Instant asOf = periodEnd(ctx, "asOf");
      render(
          ctx,
          queries(ctx).indicatorsOf(region, asOf),
          listing -> {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put(
                "region", listing.items().isEmpty() ? region : listing.items().get(0).region());
            if (asOf != null) {
              head.put("asOf", ctx.queryParam("asOf").strip());
            }
            return listingBody("indicators", listing, head);
          },
          (c, listing) ->
              CsvExport.write(c, listing.items(), CsvExport.VALUE_COLUMNS, "indicators.csv"));
    }

    void search(Context ctx) {
      int limit = intParam(ctx, "limit", 50, 1, 1000);
      try {
        render(
            ctx,
            queries(ctx)
                .search(
                    ctx.queryParam("q"),
                    ctx.queryParam("category"),
                    limit,
                    ctx.queryParam("cursor")),
            listing -> {
              Map<String, Object> body = listingBody("items", listing, Map.of());
              body.put("nextCursor", listing.nextCursor());
              return body;
            });
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(e.getMessage());
      }
    }

    static Map<String, Object> listingBody(
        String field, Listing<?> listing, Map<String, Object> head) {
      Map<String, Object> body = new LinkedHashMap<>(head);
      body.put(field, listing.items());
      body.put("partial", listing.partial());
      body.put("missingPartitions", listing.missingPartitions());
      return body;
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
      String v = ctx.queryParam(name);
      if (v == null || v.isBlank()) {
        return dflt;
      }
      try {
        int n = Integer.parseInt(v.strip());
        if (n < min || n > max) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new BadRequestException(
            name + " must be a whole number from " + min + " to " + max + ", got: " + v);
      }
    }

    void latest(Context ctx) {
      Instant asOf = periodEnd(ctx, "asOf");
      render(
          ctx,
          queries(ctx).latest(ctx.pathParam("region"), ctx.pathParam("indicator"), asOf),
          v -> v,
          (c, v) -> CsvExport.write(c, List.of(v), CsvExport.VALUE_COLUMNS, "value.csv"));
    }

    void history(Context ctx) {
      Instant from = periodStart(ctx, "from");
      Instant to = periodEnd(ctx, "to");
      if (from != null && to != null && from.isAfter(to)) {
        throw new BadRequestException("from must not be after to");
      }
      render(
          ctx,
          queries(ctx).history(ctx.pathParam("region"), ctx.pathParam("indicator"), from, to),
          events -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("region", events.isEmpty() ? ctx.pathParam("region") : events.get(0).region());
            body.put(
                "indicator",
                events.isEmpty() ? ctx.pathParam("indicator") : events.get(0).indicator());
            body.put("values", events);
            return body;
          },
          (c, events) -> CsvExport.write(c, events, CsvExport.VALUE_COLUMNS, "history.csv"));
    }

    void claims(Context ctx) {
      render(
          ctx,
          queries(ctx).claims(ctx.pathParam("region"), ctx.pathParam("indicator")),
          claims -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("region", claims.isEmpty() ? ctx.pathParam("region") : claims.get(0).region());
            body.put(
                "indicator",
                claims.isEmpty() ? ctx.pathParam("indicator") : claims.get(0).indicator());
            body.put("claims", claims);
            return body;
          });
    }

    private static Instant periodStart(Context ctx, String param) {
      Period p = period(ctx, param);
      return p == null ? null : p.firstDay().atStartOfDay(Period.ZONE).toInstant();
    }

    static Instant periodEnd(Context ctx, String param) {
      Period p = period(ctx, param);
      return p == null ? null : p.end();
    }

    private static Period period(Context ctx, String param) {
      String value = ctx.queryParam(param);
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return Period.parse(value.strip());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            param + " must be YYYY, YYYY-MM or YYYY-MM-DD, got: " + value);
      }
    }

    static <T> void render(
        Context ctx, Answer<T> result, java.util.function.Function<T, Object> body) {
      render(ctx, result, body, null);
    }

    /** As JSON, or with csv when the client asked for CSV ({@link CsvExport#wanted}). */
    static <T> void render(
        Context ctx,
        Answer<T> result,
        java.util.function.Function<T, Object> body,
        java.util.function.BiConsumer<Context, T> csv) {
      boolean asCsv = csv != null && CsvExport.wanted(ctx);
      if (result instanceof Answer.Found<T> f) {
        if (f.servedBy() != null) {
          ctx.header("X-Served-By", f.servedBy());
        }
        ctx.header("X-Stale", Boolean.toString(f.stale()));
        if (f.lag() != null) {
          ctx.header("X-Lag", Long.toString(f.lag()));
        }
        if (f.value() instanceof Listing<?> l && l.partial()) {
          ctx.header("X-Partial", "true");
        }
        if (asCsv) {
          csv.accept(ctx, f.value());
        } else {
          ctx.json(body.apply(f.value()));
        }
      } else if (result instanceof Answer.Unavailable<T> u) {
        ctx.header("Retry-After", Integer.toString(u.retryAfterSeconds()));
        error(ctx, 503, u.message());
      } else {
        error(ctx, 404, ((Answer.NotFound<T>) result).message());
      }
    }
  }
}
