package com.regionalmetrics.http;

import com.regionalmetrics.avro.Article;
import java.util.concurrent.CompletableFuture;

/** Where posted articles go: the articles topic in the app, anything in tests. */
public interface ArticleIngest {

  /** Where an article landed. */
  record Receipt(String id, String topic, int partition, long offset) {}

  CompletableFuture<Receipt> submit(Article article);

  /** Writes the retraction of an article id (a tombstone on the articles topic). */
  CompletableFuture<Receipt> retract(String id);
}
