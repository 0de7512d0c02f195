package com.regionalmetrics.article;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.ClaimRef;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.Qualifier;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.MeasureId;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.extract.Period;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns an observation into the MetricEvent published on metric-events: its key, a deterministic
 * event id and the record timestamp (the end of the period the value refers to).
 */
public final class MetricEventFactory {
  /** The earliest record timestamp Kafka accepts (no negative timestamps). */
  static final Instant EPOCH = Instant.EPOCH;

  private final Clock clock;

  public MetricEventFactory(Clock clock) {
    this.clock = clock;
  }

  public static String key(String region, String indicator) {
    return region + "|" + indicator;
  }

  /**
   * The event for an observation, or empty when its period cannot be a record timestamp: before
   * 1970, or starting after the article was published (a misparse such as year 2200). Values
   * referring to a period that is still running (截至目前) are stamped with the publication instant, so
   * they never lie in the future.
   */
  public Optional<MetricEvent> create(Article article, Observation o, Instant ingestedAt) {
    Instant now = clock.instant();
    Instant published = article.getPublishedAt();
    Instant reference = published != null && !published.isAfter(now) ? published : now;
    MeasureId measure = MeasureId.parse(o.indicator());
    Period period = o.period();
    Instant observedAt;
    if (period == null) {
      observedAt = published != null ? reference : min(ingestedAt, now);
    } else {
      if (period.year() < 1970
          || period.firstDay().atStartOfDay(Period.ZONE).toInstant().isAfter(reference)) {
        return Optional.empty();
      }
      observedAt = min(period.end(), reference);
    }
    if (observedAt.isBefore(EPOCH)) {
      return Optional.empty();
    }
    return Optional.of(
        MetricEvent.newBuilder()
            .setEventId(eventId(article.getId(), o))
            .setArticleId(article.getId())
            .setRegion(o.region())
            .setRegionCode(o.regionCode())
            .setIndicator(o.indicator())
            .setIndicatorLabel(o.indicatorLabel())
            .setValue(o.value())
            .setUnit(o.unit())
            .setRawText(o.rawText())
            .setQualifier(o.qualifier())
            .setPeriod(period == null ? null : period.iso())
            .setObservedAt(observedAt)
            .setChange(o.change())
            .setEvidence(o.evidence())
            .setPublishedAt(published)
            .setParserVersion(Extractor.VERSION)
            .setBaseIndicator(measure.base())
            .setSubject(measure.subject())
            .setWindow(measure.window())
            .setPublishedAtAssumed(article.getPublishedAtAssumed())
            .setRetracted(false) // its default, set so that build() need not look it up
            .build());
  }

  /** The record withdrawing one claim of an article: the claim's identity, no value. */
  public static MetricEvent retraction(String articleId, ClaimRef ref, Instant publishedAt) {
    String key = ref.getKey();
    int bar = key.indexOf('|');
    MeasureId measure = MeasureId.parse(key.substring(bar + 1));
    return MetricEvent.newBuilder()
        .setEventId(ref.getEventId())
        .setArticleId(articleId)
        .setRegion(key.substring(0, bar))
        .setIndicator(key.substring(bar + 1))
        .setIndicatorLabel(ref.getIndicatorLabel())
        .setValue(0)
        .setUnit("")
        .setRawText("")
        .setQualifier(Qualifier.EXACT)
        .setPeriod(ref.getPeriod())
        .setObservedAt(ref.getObservedAt())
        .setEvidence("")
        .setPublishedAt(publishedAt)
        .setParserVersion(Extractor.VERSION)
        .setBaseIndicator(measure.base())
        .setSubject(measure.subject())
        .setWindow(measure.window())
        .setRetracted(true)
        .build();
  }

  /** Same article, same observation: same id, however often it is ingested. */
  static String eventId(String articleId, Observation o) {
    String identity =
        String.join(
            "\u001f",
            articleId,
            o.region(),
            o.indicator(),
            o.period() == null ? "" : o.period().iso(),
            Double.toString(o.value()),
            o.unit(),
            o.rawText());
    return HexFormat.of()
        .formatHex(ArticleIds.sha256(identity.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
