package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app's keys are defined once (ConfigDef): defaults come from there, bad values fail at start.
 */
class AppConfigTest {

  @Test
  void defaultsComeFromTheDefinitions() {
    AppConfig c = AppConfig.defaults();
    assertThat(c.httpHost()).isEqualTo("127.0.0.1");
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.getInt(AppConfig.TOPIC_PARTITIONS)).isEqualTo(3);
    assertThat(c.embedded()).isTrue();
    assertThat(c.get(AppConfig.HTTP_WRITE_TOKEN)).isEmpty();
    assertThat(c.kafkaProperties())
        .doesNotContainKeys(AppConfig.HTTP_PORT, AppConfig.HTTP_WRITE_TOKEN);
  }

  @Test
  void aBadValueFailsAtStartWithItsKey() {
    assertThatThrownBy(() -> AppConfig.load(null, Map.of("RM_HTTP_PORT", "80800"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http.port");
    assertThatThrownBy(
            () -> AppConfig.load(null, Map.of(), Map.of(AppConfig.TOPIC_PARTITIONS, "zero")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic.partitions");
  }

  @Test
  void environmentThenFlagsWinAndOtherKeysGoToKafka() {
    AppConfig c =
        AppConfig.load(
            null,
            Map.of("RM_HTTP_PORT", "9000", "RM_COMMIT_INTERVAL_MS", "50"),
            Map.of(AppConfig.HTTP_PORT, "9100"));
    assertThat(c.httpPort()).isEqualTo(9100);
    assertThat(c.kafkaProperties()).containsEntry("commit.interval.ms", "50");
  }
}
