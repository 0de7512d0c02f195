package com.regionalmetrics.query;

import com.regionalmetrics.avro.MetricEvent;
import java.time.Instant;

/**
 * A MetricEvent as JSON: the Avro field names, enums as strings, instants as ISO-8601.
 * The extract command prints these, one per line; the HTTP API returns them.
 */
public record MetricEventView(
    String eventId,
    String articleId,
    String region,
    String regionCode,
    String indicator,
    String indicatorLabel,
    double value,
    String unit,
    String rawText,
    String qualifier,
    String period,
    String observedAt,
    ChangeView change,
    String evidence,
    String publishedAt,
    String parserVersion) {

  public record ChangeView(String kind, String direction) {}

  public static MetricEventView of(MetricEvent e) {
    return new MetricEventView(
        e.getEventId(),
        e.getArticleId(),
        e.getRegion(),
        e.getRegionCode(),
        e.getIndicator(),
        e.getIndicatorLabel(),
        e.getValue(),
        e.getUnit(),
        e.getRawText(),
        e.getQualifier().name(),
        e.getPeriod(),
        iso(e.getObservedAt()),
        e.getChange() == null ? null
            : new ChangeView(e.getChange().getKind().name(), e.getChange().getDirection().name()),
        e.getEvidence(),
        iso(e.getPublishedAt()),
        e.getParserVersion());
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
