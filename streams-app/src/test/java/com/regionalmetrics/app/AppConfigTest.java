package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
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

  @Test
  void kubernetesServiceLinksAreNoSettings() {
    // a Service named rm-http gives every pod these (enableServiceLinks defaults to true)
    AppConfig c =
        AppConfig.load(
            null,
            Map.of(
                "RM_HTTP_PORT", "tcp://10.0.0.1:8080",
                "RM_HTTP_PORT_8080_TCP", "tcp://10.0.0.1:8080",
                "RM_HTTP_PORT_8080_TCP_PROTO", "tcp",
                "RM_HTTP_PORT_8080_TCP_PORT", "8080",
                "RM_HTTP_PORT_8080_TCP_ADDR", "10.0.0.1",
                "RM_HTTP_SERVICE_HOST", "10.0.0.1",
                "RM_HTTP_SERVICE_PORT", "8080",
                "RM_HTTP_SERVICE_PORT_HTTP", "8080",
                "RM_HTTP_HOST", "0.0.0.0"),
            Map.of());
    assertThat(c.httpPort()).as("the default, not the link").isEqualTo(8080);
    assertThat(c.httpHost()).as("a real setting beside them").isEqualTo("0.0.0.0");
    assertThat(c.kafkaProperties().keySet()).noneMatch(k -> k.startsWith("http."));
  }

  @Test
  void aSettingThatLooksLikeNoServiceLinkIsKept() {
    assertThat(AppConfig.serviceLink("RM_HTTP_PORT", "9000")).isFalse();
    assertThat(AppConfig.serviceLink("RM_SCHEMA_REGISTRY_URL", "http://registry:8080")).isFalse();
    assertThat(AppConfig.serviceLink("RM_BOOTSTRAP_SERVERS", "kafka-0:9092,kafka-1:9092"))
        .isFalse();
    assertThat(AppConfig.serviceLink("RM_X", "TCP://10.0.0.1:1")).isTrue();
  }

  @Test
  void applicationServerIsTheBoundHostOrTheCanonicalNameForAWildcard() throws Exception {
    AppConfig local = AppConfig.load(null, Map.of("RM_HTTP_PORT", "9000"), Map.of());
    assertThat(local.applicationServer()).isEqualTo("127.0.0.1:9000");

    AppConfig wildcard =
        AppConfig.load(null, Map.of("RM_HTTP_HOST", "0.0.0.0", "RM_HTTP_PORT", "9000"), Map.of());
    assertThat(wildcard.defaultApplicationServer(() -> "rm-1.rm.ns.svc.cluster.local"))
        .isEqualTo("rm-1.rm.ns.svc.cluster.local:9000");
    assertThat(wildcard.applicationServer())
        .isEqualTo(InetAddress.getLocalHost().getCanonicalHostName() + ":9000");
    assertThat(wildcard.withApplicationServer().get(AppConfig.APPLICATION_SERVER))
        .contains(wildcard.applicationServer());

    AppConfig v6 = AppConfig.load(null, Map.of("RM_HTTP_HOST", "::"), Map.of());
    assertThat(v6.defaultApplicationServer(() -> "fd00::5")).isEqualTo("[fd00::5]:8080");
  }

  @Test
  void anExplicitApplicationServerWins() {
    AppConfig c =
        AppConfig.load(
            null,
            Map.of("RM_HTTP_HOST", "0.0.0.0", "RM_APPLICATION_SERVER", "rm-0.rm-internal:8080"),
            Map.of());
    assertThat(c.applicationServer()).isEqualTo("rm-0.rm-internal:8080");
    assertThat(c.withApplicationServer()).isSameAs(c);
  }
}
