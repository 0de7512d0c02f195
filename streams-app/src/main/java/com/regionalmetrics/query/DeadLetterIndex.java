package com.regionalmetrics.query;

import com.regionalmetrics.topology.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which articles were dead-lettered, and why: every instance reads the whole dead-letter topic
 * (committed records, from the beginning, no consumer group) and keeps the reason headers of each
 * record — never its bytes — by article id (the record's key) and by the position of the input
 * record it replaced (dlq.source.*), so that a POST's receipt finds its own dead letter.
 *
 * <p>Why a consumer and not a store: the dead letters are written by the pipeline's own sinks (and
 * by Kafka Streams' DLQ handler), a topology change would couple the query API to the extract
 * task's state, and the topic is small (only what could not be processed), so a per-instance
 * in-memory index rebuilt from the topic on start is the simplest thing that answers on any
 * instance without routing.
 */
public final class DeadLetterIndex implements AutoCloseable {
  private final String topic;
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterIndex.class);

  /** What a dead letter says about its input. */
  public record DeadLetter(
      String articleId,
      String reason,
      String message,
      String sourceTopic,
      Integer sourcePartition,
      Long sourceOffset) {}

  private final Map<String, DeadLetter> byId = new ConcurrentHashMap<>();
  private final Map<String, DeadLetter> bySource = new ConcurrentHashMap<>();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param topic the dead-letter topic (articles-dlq, under topics.prefix)
   * @param kafka the app's client settings (bootstrap, security); group and deserializers are set
   *     here
   */
  public DeadLetterIndex(Map<String, Object> kafka, String topic) {
    this.topic = topic;
    Map<String, Object> props = new HashMap<>();
    kafka.forEach(
        (k, v) -> {
          if (ConsumerConfig.configNames().contains(k)
              || k.startsWith("sasl.")
              || k.startsWith("ssl.")) {
            props.put(k, v);
          }
        });
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-index");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    thread = new Thread(this::run, "dead-letter-index");
    thread.setDaemon(true);
  }

  public DeadLetterIndex start() {
    thread.start();
    return this;
  }

  /** The newest dead letter of an article id. */
  public Optional<DeadLetter> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The dead letter of the input record at this position, if it was dead-lettered. */
  public Optional<DeadLetter> bySource(String topic, int partition, long offset) {
    return Optional.ofNullable(bySource.get(topic + "/" + partition + "/" + offset));
  }

  private void run() {
    try {
      List<TopicPartition> partitions = List.of();
      while (running && partitions.isEmpty()) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        partitions =
            infos == null
                ? List.of()
                : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          add(r);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The dead-letter index stopped; article status will not say dead-lettered", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void add(ConsumerRecord<byte[], byte[]> r) {
    String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    String partition = DlqHeaders.get(r.headers(), DlqHeaders.PARTITION);
    String offset = DlqHeaders.get(r.headers(), DlqHeaders.OFFSET);
    DeadLetter d =
        new DeadLetter(
            id,
            DlqHeaders.get(r.headers(), DlqHeaders.REASON),
            DlqHeaders.get(r.headers(), DlqHeaders.MESSAGE),
            DlqHeaders.get(r.headers(), DlqHeaders.TOPIC),
            partition == null ? null : Integer.valueOf(number(partition).intValue()),
            offset == null ? null : number(offset));
    if (id != null) {
      byId.put(id, d);
    }
    if (d.sourceTopic() != null && d.sourcePartition() != null && d.sourceOffset() != null) {
      bySource.put(d.sourceTopic() + "/" + d.sourcePartition() + "/" + d.sourceOffset(), d);
    }
  }

  private static Long number(String s) {
    try {
      return Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return -1L; // not one of ours: matches no receipt
    }
  }

  @Override
  public void close() {
    if (!thread.isAlive()) {
      consumer.close(Duration.ZERO);
      return;
    }
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
