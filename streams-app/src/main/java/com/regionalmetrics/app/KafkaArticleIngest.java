package com.regionalmetrics.app;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.http.ArticleIngest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Posted articles (and retractions, as tombstones) go to the articles topic, keyed by id, through
 * an idempotent producer.
 */
final class KafkaArticleIngest implements ArticleIngest, AutoCloseable {
  private final KafkaProducer<String, Article> producer;
  private final String topic;
  private final Duration deliveryTimeout;

  KafkaArticleIngest(
      KafkaProducer<String, Article> producer, String topic, Duration deliveryTimeout) {
    this.producer = producer;
    this.topic = topic;
    this.deliveryTimeout = deliveryTimeout;
  }

  @Override
  public Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  @Override
  public CompletableFuture<Receipt> submit(Article article) {
    return send(article.getId(), article);
  }

  @Override
  public CompletableFuture<Receipt> retract(String id) {
    return send(id, null);
  }

  private CompletableFuture<Receipt> send(String id, Article article) {
    CompletableFuture<Receipt> receipt = new CompletableFuture<>();
    producer.send(
        new ProducerRecord<>(topic, id, article),
        (md, e) -> {
          if (e != null) {
            receipt.completeExceptionally(e);
          } else {
            receipt.complete(new Receipt(id, md.topic(), md.partition(), md.offset()));
          }
        });
    return receipt;
  }

  @Override
  public void close() {
    producer.close();
  }
}
