package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

  private static Properties streamsProperties(AppConfig config) {
    return RegionalMetricsApp.streamsProperties(config, config.kafkaProperties());
  }

  @Test
  void exactlyOnceWithShortFetchWaitsSoThatEachHopIsNotDelayedHalfASecond() {
    Properties p = streamsProperties(AppConfig.defaults());

    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get("consumer.fetch.max.wait.ms")).isEqualTo(50);
  }

  @Test
  void theUsersConsumerSettingWins() {
    Properties p = streamsProperties(AppConfig.defaults().with("consumer.fetch.max.wait.ms", "200"));

    assertThat(p.get("consumer.fetch.max.wait.ms")).isEqualTo("200");
  }
}
