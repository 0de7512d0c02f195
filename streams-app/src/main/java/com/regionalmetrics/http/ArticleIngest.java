package com.regionalmetrics.http;

import com.regionalmetrics.avro.Article;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Where posted articles go: the articles topic in the app, anything in tests. */
public interface ArticleIngest {

  /** Where an article landed. */
  record Receipt(String id, String topic, int partition, long offset) {}

  CompletableFuture<Receipt> submit(Article article);

  /** Writes the retraction of an article id (a tombstone on the articles topic). */
  CompletableFuture<Receipt> retract(String id);

  /**
   * Every future of {@link #submit} and {@link #retract} completes, acknowledged or failed, within
   * this time (the producer's delivery.timeout.ms): a caller who waits that long never gives up on
   * a write that may still succeed.
   */
  Duration deliveryTimeout();
}
