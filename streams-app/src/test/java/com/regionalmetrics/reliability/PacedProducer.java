package com.regionalmetrics.reliability;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.serde.SpecificAvroSerde;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records at a steady pace from a background thread, so a fault can be injected while a batch
 * is still arriving. Send failures are kept and rethrown by {@link #awaitDelivered}.
 */
final class PacedProducer {
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final CompletableFuture<Void> done;

  private PacedProducer(
      Map<String, Object> props,
      SpecificAvroSerde<Article> serde,
      ProducerRecord<String, Article>[] records,
      Duration pace) {
    done =
        CompletableFuture.runAsync(
            () -> {
              try (var producer =
                  new KafkaProducer<>(props, new StringSerializer(), serde.serializer())) {
                for (ProducerRecord<String, Article> r : records) {
                  producer.send(
                      r,
                      (meta, e) -> {
                        if (e != null) failure.compareAndSet(null, e);
                      });
                  sent.incrementAndGet();
                  Thread.sleep(pace.toMillis());
                }
                producer.flush();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
              }
            });
  }

  static PacedProducer start(
      Map<String, Object> props,
      SpecificAvroSerde<Article> serde,
      ProducerRecord<String, Article>[] records,
      Duration pace) {
    return new PacedProducer(props, serde, records, pace);
  }

  /** Records handed to the producer so far. */
  int sent() {
    return sent.get();
  }

  /** Waits until every record was sent and acknowledged; fails if any send failed. */
  void awaitDelivered(Duration atMost) throws Exception {
    done.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
    if (failure.get() != null) {
      throw new AssertionError("a paced send failed", failure.get());
    }
  }
}
