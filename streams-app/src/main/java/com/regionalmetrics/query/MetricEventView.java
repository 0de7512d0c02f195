package com.regionalmetrics.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.topology.ClaimResolution;
import java.time.Instant;
import java.util.List;

/**
 * A MetricEvent as JSON: the Avro field names, enums as strings, instants as ISO-8601. The extract
 * command prints these, one per line; the HTTP API returns them. An answer resolved from several
 * articles' claims also lists the articles that state the value ({@code sources}) and the claims of
 * other values ({@code otherClaims}).
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
    String parserVersion,
    String baseIndicator,
    String subject,
    String window,
    boolean publishedAtAssumed,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<SourceView> sources,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<MetricEventView> otherClaims) {

  public record ChangeView(String kind, String direction) {}

  /** An article stating a value. */
  public record SourceView(
      String articleId, String publishedAt, boolean publishedAtAssumed, String eventId) {}

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
        e.getChange() == null
            ? null
            : new ChangeView(e.getChange().getKind().name(), e.getChange().getDirection().name()),
        e.getEvidence(),
        iso(e.getPublishedAt()),
        e.getParserVersion(),
        e.getBaseIndicator(),
        e.getSubject(),
        e.getWindow(),
        e.getPublishedAtAssumed(),
        null,
        null);
  }

  /** The resolved value of one period, with every source and the claims of other values. */
  public static MetricEventView of(ClaimResolution r) {
    MetricEventView v = of(r.value());
    return new MetricEventView(
        v.eventId,
        v.articleId,
        v.region,
        v.regionCode,
        v.indicator,
        v.indicatorLabel,
        v.value,
        v.unit,
        v.rawText,
        v.qualifier,
        v.period,
        v.observedAt,
        v.change,
        v.evidence,
        v.publishedAt,
        v.parserVersion,
        v.baseIndicator,
        v.subject,
        v.window,
        v.publishedAtAssumed,
        r.sources().stream()
            .map(
                e ->
                    new SourceView(
                        e.getArticleId(),
                        iso(e.getPublishedAt()),
                        e.getPublishedAtAssumed(),
                        e.getEventId()))
            .toList(),
        r.differing().stream().map(MetricEventView::of).toList());
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
