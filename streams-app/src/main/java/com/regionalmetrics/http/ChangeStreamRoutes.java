package com.regionalmetrics.http;

import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.query.IndicatorQueries;
import com.regionalmetrics.query.MetricEventView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/changes?region=&indicator=}: Server-Sent Events, one {@code change} event per
 * committed change of a latest value (the indicator-changes topic), filtered by region (any
 * spelling the API accepts) and measure (an id, or its base: {@code air.pm25} also matches {@code
 * air.pm25@month}). A {@code ready} event comes first, once changes from that moment on will be
 * sent. Every instance streams every partition's changes.
 */
final class ChangeStreamRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamRoutes.class);
  private static final Duration READY_WAIT = Duration.ofSeconds(10);

  private final ChangeFeed feed;
  private final IndicatorQueries queries;

  ChangeStreamRoutes(ChangeFeed feed, IndicatorQueries queries) {
    this.feed = feed;
    this.queries = queries;
  }

  void register(RoutesConfig routing) {
    routing.sse("/api/changes", this::stream);
  }

  private void stream(SseClient client) {
    String region = blankToNull(client.ctx().queryParam("region"));
    String indicator = blankToNull(client.ctx().queryParam("indicator"));
    Predicate<MetricEvent> wanted =
        filter(region == null ? null : queries.canonicalRegion(region), indicator);
    client.keepAlive();
    AutoCloseable subscription;
    try {
      subscription =
          feed.subscribe(
              e -> {
                if (!client.terminated() && wanted.test(e)) {
                  client.sendEvent("change", MetricEventView.of(e), e.getEventId());
                }
              },
              READY_WAIT);
    } catch (RuntimeException e) {
      LOG.warn("change stream not started: {}", e.toString());
      client.sendEvent(
          "error", Map.of("status", 503, "message", "change feed unavailable: " + e.getMessage()));
      client.close();
      return;
    }
    client.onClose(
        () -> {
          try {
            subscription.close();
          } catch (Exception e) {
            LOG.warn("closing a change subscription failed", e);
          }
        });
    Map<String, Object> ready = new java.util.LinkedHashMap<>();
    ready.put("region", region == null ? null : queries.canonicalRegion(region));
    ready.put("indicator", indicator);
    client.sendEvent("ready", ready);
  }

  static Predicate<MetricEvent> filter(String region, String indicator) {
    return e ->
        (region == null || region.equals(e.getRegion()))
            && (indicator == null || sameMeasure(e.getIndicator(), indicator));
  }

  /** The id itself, or an id that is this base with a subject, kind or window. */
  static boolean sameMeasure(String id, String wanted) {
    return id.equals(wanted)
        || id.startsWith(wanted)
            && ".[@".indexOf(id.charAt(wanted.length())) >= 0
            && !wanted.isEmpty();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
