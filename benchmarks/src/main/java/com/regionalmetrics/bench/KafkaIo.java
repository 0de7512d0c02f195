package com.regionalmetrics.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients as a benchmark uses them: byte arrays, read_committed, no groups. */
final class KafkaIo {
  private KafkaIo() {}

  static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
    List<TopicPartition> parts = new ArrayList<>();
    for (PartitionInfo pi : c.partitionsFor(topic, Duration.ofSeconds(30))) {
      parts.add(new TopicPartition(topic, pi.partition()));
    }
    return parts;
  }

  static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      return new HashMap<>(c.endOffsets(partitions(c, topic)));
    }
  }

  /**
   * Waits until the consumer group has committed at least these offsets; fails after {@code
   * timeout}.
   */
  static void awaitGroupOffsets(
      String bootstrap, String group, Map<TopicPartition, Long> offsets, Duration timeout) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        if (offsets.entrySet().stream()
            .allMatch(
                e ->
                    committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue())) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "group "
                  + group
                  + " did not commit "
                  + offsets
                  + " in "
                  + timeout
                  + "; it has "
                  + committed);
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Reads from the given offsets until {@code count} records were seen or nothing arrived for
   * {@code idle}; hands each record to {@code each}. Returns the records seen.
   */
  static long read(
      KafkaConsumer<byte[], byte[]> c,
      Map<TopicPartition, Long> from,
      long count,
      Duration idle,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    c.assign(from.keySet());
    from.forEach(c::seek);
    long seen = 0;
    long last = System.nanoTime();
    while (seen < count && System.nanoTime() - last < idle.toNanos()) {
      ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(100));
      if (!records.isEmpty()) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
          each.accept(r);
        }
        seen += records.count();
        last = System.nanoTime();
      }
    }
    return seen;
  }
}
