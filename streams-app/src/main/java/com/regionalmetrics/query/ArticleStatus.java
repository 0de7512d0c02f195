package com.regionalmetrics.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What happened to an article: {@code pending} (written, not yet queryable), {@code processed} (its
 * observations are in the stores: how many, and the series they went to) or {@code dead-lettered}
 * (why).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleStatus(
    String id,
    String status,
    Receipt receipt,
    String digest,
    Integer observations,
    List<String> series,
    List<ArticleStateView.ClaimView> claims,
    String reason,
    String message) {

  public static final String PENDING = "pending";
  public static final String PROCESSED = "processed";
  public static final String DEAD_LETTERED = "dead-lettered";

  /** Where the article was written (known on the instance it was posted to). */
  public record Receipt(String id, String topic, int partition, long offset) {}

  static ArticleStatus pending(String id, Receipt receipt, String message) {
    return new ArticleStatus(id, PENDING, receipt, null, null, null, null, null, message);
  }

  static ArticleStatus processed(String id, Receipt receipt, ArticleStateView state) {
    List<String> series =
        state.claims().stream().map(ArticleStateView.ClaimView::key).distinct().sorted().toList();
    return new ArticleStatus(
        id,
        PROCESSED,
        receipt,
        state.digest(),
        state.claims().size(),
        series,
        state.claims(),
        null,
        null);
  }

  static ArticleStatus deadLettered(String id, Receipt receipt, DeadLetterIndex.DeadLetter d) {
    return new ArticleStatus(
        id, DEAD_LETTERED, receipt, null, null, null, null, d.reason(), d.message());
  }

  public boolean settled() {
    return !PENDING.equals(status);
  }
}
