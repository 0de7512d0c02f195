package com.regionalmetrics.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.query.CompareRequest;
import com.regionalmetrics.query.LocalRead;
import com.regionalmetrics.query.LocalStores;
import com.regionalmetrics.query.MetricEventView;
import com.regionalmetrics.query.RemoteInstances;
import com.regionalmetrics.query.ScanRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What instances ask each other (/internal/v1/...): reads of this instance's own stores only, never
 * forwarded again, so a request crosses at most one hop.
 */
final class InternalRoutes {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Largest body of a batch of key reads (128 reads of long keys fit many times over). */
  private static final long MAX_KEYS_BODY = 1 << 20;

  private final LocalStores local;
  private final String token;

  InternalRoutes(LocalStores local) {
    this(local, null);
  }

  /**
   * @param token when not null, every internal request needs it as a bearer token (401 otherwise)
   */
  InternalRoutes(LocalStores local, String token) {
    this.local = local;
    this.token = token;
  }

  void register(RoutesConfig routes) {
    routes.before(RemoteInstances.PATH + "/*", ctx -> BearerToken.INTERNAL.check(ctx, token));
    routes.post(RemoteInstances.PATH + "/keys", this::keys);
    routes.get(RemoteInstances.PATH + "/value", this::value);
    routes.get(RemoteInstances.PATH + "/history", this::history);
    routes.get(RemoteInstances.PATH + "/claims", this::claims);
    routes.get(RemoteInstances.PATH + "/scan", this::scan);
    routes.get(RemoteInstances.PATH + "/compare", this::compare);
    routes.get(RemoteInstances.PATH + "/regions", this::regions);
    routes.get(
        RemoteInstances.PATH + "/article",
        ctx ->
            ctx.json(
                RemoteInstances.toArticleReply(
                    local.articleState(require(ctx, "id"), partition(ctx), stale(ctx)))));
    routes.get(
        RemoteInstances.PATH + "/status",
        ctx -> ctx.json(new RemoteInstances.StatusReply(local.state(), local.lags())));
  }

  private void value(Context ctx) {
    String asOf = ctx.queryParam("asOf");
    LocalRead<MetricEventView> r =
        local.value(
            require(ctx, "key"),
            partition(ctx),
            asOf == null ? null : Instant.ofEpochMilli(parseLong(asOf, "asOf")),
            stale(ctx));
    ctx.json(RemoteInstances.toReply(r));
  }

  /** A batch of key reads (value, history, claims), answered in order, each on its own. */
  private void keys(Context ctx) {
    RemoteInstances.KeyReads batch;
    try {
      batch =
          JSON.readValue(RequestBodies.bytes(ctx, MAX_KEYS_BODY), RemoteInstances.KeyReads.class);
    } catch (IOException e) {
      batch = null;
    }
    if (batch == null || batch.reads() == null || batch.reads().isEmpty()) {
      throw new BadRequestException(
          "body must be JSON {\"reads\": [{\"kind\", \"key\", \"partition\", \"asOf\", \"stale\"}, ...]}");
    }
    if (batch.reads().size() > RemoteInstances.MAX_BATCH) {
      throw new BadRequestException("at most " + RemoteInstances.MAX_BATCH + " reads per request");
    }
    List<RemoteInstances.KeyReply> replies = new ArrayList<>(batch.reads().size());
    for (RemoteInstances.KeyRead r : batch.reads()) {
      if (r == null || r.key() == null || r.key().isEmpty() || r.partition() == null) {
        throw new BadRequestException("every read needs a key and a partition");
      }
      replies.add(
          switch (r.kind() == null ? "" : r.kind()) {
            case RemoteInstances.KeyRead.VALUE ->
                RemoteInstances.toKeyReply(
                    local.value(
                        r.key(),
                        r.partition(),
                        r.asOf() == null ? null : Instant.ofEpochMilli(r.asOf()),
                        r.stale()),
                    false);
            case RemoteInstances.KeyRead.HISTORY ->
                RemoteInstances.toKeyReply(local.history(r.key(), r.partition(), r.stale()), true);
            case RemoteInstances.KeyRead.CLAIMS ->
                RemoteInstances.toKeyReply(local.claims(r.key(), r.partition(), r.stale()), true);
            default -> throw new BadRequestException("kind must be value, history or claims");
          });
    }
    ctx.json(new RemoteInstances.KeyReplies(replies));
  }

  private void history(Context ctx) {
    LocalRead<List<MetricEventView>> r =
        local.history(require(ctx, "key"), partition(ctx), stale(ctx));
    ctx.json(RemoteInstances.toHistoryReply(r));
  }

  private void claims(Context ctx) {
    LocalRead<List<MetricEventView>> r =
        local.claims(require(ctx, "key"), partition(ctx), stale(ctx));
    ctx.json(RemoteInstances.toHistoryReply(r));
  }

  private void compare(Context ctx) {
    CompareRequest request;
    try {
      request = CompareRequest.fromQuery(ctx::queryParam);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("malformed compare request: " + e.getMessage());
    }
    ctx.json(local.compare(partitions(ctx), request, stale(ctx)));
  }

  private void regions(Context ctx) {
    String limit = ctx.queryParam("limit");
    ctx.json(
        local.regions(
            partitions(ctx),
            ctx.queryParam("after"),
            limit == null ? 0 : (int) parseLong(limit, "limit"),
            stale(ctx)));
  }

  private static Set<Integer> partitions(Context ctx) {
    try {
      return Arrays.stream(require(ctx, "partitions").split(","))
          .map(String::strip)
          .map(Integer::valueOf)
          .collect(Collectors.toSet());
    } catch (NumberFormatException e) {
      throw new BadRequestException("partitions must be a comma list of numbers");
    }
  }

  private void scan(Context ctx) {
    Set<Integer> partitions = partitions(ctx);
    String limit = ctx.queryParam("limit");
    String asOf = ctx.queryParam("asOf");
    ScanRequest request =
        new ScanRequest(
            ctx.queryParam("prefix"),
            ctx.queryParam("after"),
            ctx.queryParam("q"),
            ctx.queryParam("category"),
            limit == null ? 0 : (int) parseLong(limit, "limit"),
            asOf == null ? null : parseLong(asOf, "asOf"));
    ctx.json(local.scan(partitions, request, stale(ctx)));
  }

  private static String require(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      throw new BadRequestException(name + " is required");
    }
    return v;
  }

  private static int partition(Context ctx) {
    return (int) parseLong(require(ctx, "partition"), "partition");
  }

  private static boolean stale(Context ctx) {
    return Boolean.parseBoolean(ctx.queryParam("stale"));
  }

  private static long parseLong(String v, String name) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a number");
    }
  }
}
