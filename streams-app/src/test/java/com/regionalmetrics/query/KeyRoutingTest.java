package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.article.MetricEventFactory;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.internals.DefaultStreamPartitioner;
import org.junit.jupiter.api.Test;

class KeyRoutingTest {

  @Test
  void computesThePartitionKafkaStreamsLocatesAKeyIn() {
    // queryMetadataForKey(store, key, serializer) locates keys with DefaultStreamPartitioner
    DefaultStreamPartitioner<String, Object> streams =
        new DefaultStreamPartitioner<>(new StringSerializer());
    Random random = new Random(18);
    for (int partitions : new int[] {1, 3, 7, 12}) {
      for (int i = 0; i < 5_000; i++) {
        String key =
            MetricEventFactory.key(
                "城市" + random.nextInt(400) + (i % 2 == 0 ? "市" : ""),
                "ind." + Integer.toHexString(random.nextInt()));
        Optional<Set<Integer>> expected =
            streams.partitions("metric-events", key, null, new RecordHeaders(), partitions);
        assertThat(Set.of(KeyRouting.partitionOf(key, partitions)))
            .as("%s of %d partitions", key, partitions)
            .isEqualTo(expected.orElseThrow());
      }
    }
  }
}
