package com.regionalmetrics.query;

import com.regionalmetrics.avro.ArticleState;
import java.util.List;

/** An article-state entry: the digest of the version processed and where its claims were filed. */
public record ArticleStateView(String digest, List<ClaimView> claims) {

  /** One claim of the article: its series key (region|measure), period and event id. */
  public record ClaimView(
      String key, String eventId, String indicatorLabel, String period, String observedAt) {}

  static ArticleStateView of(ArticleState s) {
    return new ArticleStateView(
        s.getDigest(),
        s.getClaims().stream()
            .map(
                c ->
                    new ClaimView(
                        c.getKey(),
                        c.getEventId(),
                        c.getIndicatorLabel(),
                        c.getPeriod(),
                        c.getObservedAt() == null ? null : c.getObservedAt().toString()))
            .toList());
  }
}
