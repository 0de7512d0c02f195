package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

  private static Properties streamsProperties(AppConfig config) {
    return RegionalMetricsApp.streamsProperties(config, config.kafkaProperties());
  }

  @Test
  void exactlyOnceEvenWhenTheUserAsksForLess() {
    Properties p =
        streamsProperties(
            AppConfig.defaults()
                .with(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));

    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void largerProducerBatchesAndNoTaskIdlingByDefault() {
    Properties p = streamsProperties(AppConfig.defaults());

    assertThat(p)
        .doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG); // the EOS default: 100 ms
    assertThat(p.get(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG)))
        .isEqualTo(128 * 1024);
    assertThat(p.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG))
        .isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
  }

  @Test
  void oneStreamThreadPerCoreButNoMoreThanTheTopicsHavePartitions() {
    int cores = Runtime.getRuntime().availableProcessors();

    assertThat(
            streamsProperties(AppConfig.defaults().with(AppConfig.TOPIC_PARTITIONS, "1000"))
                .get(StreamsConfig.NUM_STREAM_THREADS_CONFIG))
        .isEqualTo(cores);
    assertThat(
            streamsProperties(AppConfig.defaults().with(AppConfig.TOPIC_PARTITIONS, "1"))
                .get(StreamsConfig.NUM_STREAM_THREADS_CONFIG))
        .isEqualTo(1);
  }

  @Test
  void theUsersSettingsWin() {
    Properties p =
        streamsProperties(
            AppConfig.load(
                null,
                Map.of(),
                Map.of(
                    StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                    "0",
                    StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                    "3",
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    "32768",
                    StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
                    "0")));

    assertThat(p.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo("0");
    assertThat(p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("3");
    assertThat(p).doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG));
    assertThat(p.get(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo("32768");
    assertThat(p.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo("0");

    Properties prefixed =
        streamsProperties(
            AppConfig.defaults()
                .with(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "65536"));
    assertThat(prefixed.get(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG)))
        .isEqualTo("65536");
  }

  @Test
  void rocksDbMemoryIsBoundedForTheWholeJvmByDefault() {
    Properties p = streamsProperties(AppConfig.defaults());

    assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedRocksDbMemory.class.getName());
  }

  @Test
  void everyStoreSharesOneBlockCacheAndOneWriteBufferManager() {
    var setter = new BoundedRocksDbMemory();
    try (var a = new org.rocksdb.Options();
        var b = new org.rocksdb.Options()) {
      // as Kafka Streams hands them over: with a block-based table config already set
      a.setTableFormatConfig(new org.rocksdb.BlockBasedTableConfig());
      b.setTableFormatConfig(new org.rocksdb.BlockBasedTableConfig());
      setter.setConfig("indicator-latest", a, Map.of(BoundedRocksDbMemory.MEMORY_MB, "64"));
      setter.setConfig("indicator-history", b, Map.of());

      assertThat(a.writeBufferManager()).isNotNull().isSameAs(b.writeBufferManager());
      var table = (org.rocksdb.BlockBasedTableConfig) a.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
    }
  }

  @Test
  void kafkaStreamsDeadLettersGoToThePrefixedTopicAndThePrefixIsNoKafkaKey() {
    AppConfig config =
        AppConfig.defaults()
            .with(AppConfig.TOPICS_PREFIX, "staging.")
            .with(AppConfig.TOPICS_CREATE, "false");
    Properties p = streamsProperties(config);

    assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("staging.articles-dlq");
    assertThat(p).doesNotContainKeys(AppConfig.TOPICS_PREFIX, AppConfig.TOPICS_CREATE);
    assertThat(config.createTopics()).isFalse();
    assertThat(AppConfig.defaults().createTopics()).isTrue();
  }
}
