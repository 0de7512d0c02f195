package com.regionalmetrics.app;

import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.http.ChangeFeed;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the indicator-changes topic (read_committed, every partition, from its end, no group) on
 * one thread, started by the first subscriber, and hands each change to every subscriber.
 */
final class KafkaChangeFeed implements ChangeFeed, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaChangeFeed.class);

  private final Map<String, Object> consumerProps;
  private final String topic;
  private final Deserializer<MetricEvent> events;
  private final Set<Consumer<MetricEvent>> listeners = ConcurrentHashMap.newKeySet();
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final AtomicLong unreadable = new AtomicLong();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean closed;
  private Thread thread;

  KafkaChangeFeed(Map<String, Object> kafka, String topic, Deserializer<MetricEvent> events) {
    Map<String, Object> p = new HashMap<>(kafka);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "regional-metrics-change-feed");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    this.consumerProps = p;
    this.topic = topic;
    this.events = events;
  }

  @Override
  public AutoCloseable subscribe(Consumer<MetricEvent> listener, Duration ready) {
    start();
    try {
      if (!positioned.await(ready.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the change feed did not reach the end of " + topic);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the change feed", e);
    }
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Changes that could not be decoded (logged once each). */
  long unreadable() {
    return unreadable.get();
  }

  private synchronized void start() {
    if (thread == null && !closed) {
      thread = new Thread(this::run, "change-feed");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void run() {
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      List<TopicPartition> partitions =
          c.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      c.assign(partitions);
      c.seekToEnd(partitions);
      partitions.forEach(c::position); // resolve "the end" now: later changes are all delivered
      positioned.countDown();
      while (!closed) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          deliver(r);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The change feed of {} stopped; /api/changes gets no more events", topic, e);
    }
  }

  private void deliver(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      return;
    }
    MetricEvent e;
    try {
      e = events.deserialize(topic, r.value());
    } catch (RuntimeException ex) {
      unreadable.incrementAndGet();
      LOG.warn(
          "Unreadable change at {}-{}@{}: {}", topic, r.partition(), r.offset(), ex.toString());
      return;
    }
    for (Consumer<MetricEvent> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        // one broken stream (a client gone) must not stop the others
        LOG.info("A change stream failed (client gone?); removing it: {}", ex.toString());
        listeners.remove(l);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
